"""Markup text → document model.

The markup is a small XML dialect, one element per model class, so templates stay
readable and values escaped by Jinja come back as the exact characters the user
wrote. Layout whitespace of the template (a newline and the indentation after it)
is dropped; any other space is kept, because in Japanese text a space is content
(中島 和彦). Elements:

  <document kind title author subject orientation fit min_size>   the root
  <p style align indent left before after tracking keep>  inlines  </p>
  <h level style align> inlines </h>
  <item marker style level hang before> inlines  <p>…</p>* </item>
     (or the marker as a first child, when part of it is spread: <item><marker>１　<spread …>日時</spread>：</marker>…)
  <ki closing="yes"> blocks </ki>
  <table widths="0.2 0.8" border="grid|box|none" style keep padding fit="first|columns|rest|blocks">
     <tr> <td shade align valign colspan colour> inlines or blocks </td> </tr> </table>
     (valign="beside": the cell's first line on the last line of the cell before it: a name
     beside its title, what follows the name under it; writers/beside.py)
  <keep> blocks </keep>     <spacer height="6"/>     <pagebreak numbers="end" text_page="yes" key="…"/>
  <img src width height align alt/>
  <seal field="甲" mark="印" size="62"/>   a seal place (and the PDF's signature field)
  inlines: text, <b>, <span font="gothic" bold="yes" size="14">, <br/>, <ref article="2">第２条</ref> (a
           reference to the document's article 2, a field in the DOCX), <spread width="3">日時</spread>
           (its characters set across 3 em: 均等割付; with gaps="1,0,1,1", that many em after each
           character but the last: a typed signature line), <whole>久保　康之</whole> (never broken
           across lines where it fits on one: a name)
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markupsafe import Markup

from . import model as m
from ..errors import fail
from ..japanese import em_width

_LAYOUT_SPACE = re.compile(r"[ \t\r]*\n[ \t\r\n]*")
# A newline inside a value (templating._finalize): a line break in text, a space in
# an attribute (a title or a marker has one line). U+FDD0 is a noncharacter: no
# text can hold it (it has no glyph, so the glyph check would refuse it).
LINE_BREAK = "\ufdd0"
_BLOCK_TAGS = {"p", "h", "item", "ki", "table", "keep", "spacer", "img", "pagebreak", "seal"}


def spread(text: str, width: int | None) -> str:
    """`text` set across `width` em (model.Spread) where it is narrower, as markup a
    template prints (a Markup string: what it is joined to is escaped); else as it is."""
    if width and len(text) > 1 and em_width(text) < width:
        return Markup('<spread width="{}">{}</spread>').format(width, text)
    return text


def placed(text: str, gaps: list[float]) -> str:
    """`text` with `gaps[i]` em after its character i (model.Spread's gaps), as markup;
    the text as it is where every gap is 0."""
    if not any(gaps):
        return text
    width = em_width(text) + sum(gaps)
    return Markup('<spread width="{:g}" gaps="{}">{}</spread>').format(width, ",".join(f"{g:g}" for g in gaps), text)


def spaced(text: str) -> str:
    """`text` with each half-width space set as a gap as wide after the character before it
    (model.Spread's gaps), not as a space character: an office's 2016年12月 8日 (the day padded
    to two places, dates.issue_pad) placed as the page sets it, read back as the date. (An ASCII
    space beside Japanese is no typesetting of the house's: jpcheck's ascii-space.)"""
    chars: list[str] = []
    gaps: list[float] = []
    for c in text:
        if c == " " and chars:
            gaps[-1] += em_width(c)
        else:
            chars.append(c)
            gaps.append(0.0)
    return placed("".join(chars), gaps[:-1])


def _gaps(value: str | None, text: str, source: str) -> tuple[float, ...]:
    if value is None:
        return ()
    try:
        gaps = tuple(float(g) for g in value.split(","))
    except ValueError:
        gaps = ()
    if len(gaps) != len(text) - 1 or any(not 0 <= g <= 40 for g in gaps):
        raise fail(source, f'<spread gaps="{value}">: one gap in em (0 to 40) after each character but the last')
    return gaps


def parse(markup: str, source: str = "<markup>") -> m.Document:
    try:
        root = ET.fromstring(markup)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise fail(source, f"the rendered template is not well-formed markup: {exc}", line)
    if root.tag != "document":
        raise fail(source, f"the markup's root must be <document>, not <{root.tag}>")
    # Only markup holding the character, or a character reference that may spell it,
    # can have it in an attribute: the usual notice is not walked for it.
    if LINE_BREAK in markup or "&#" in markup:
        for el in root.iter():
            for key, val in el.attrib.items():
                if LINE_BREAK in val:
                    el.attrib[key] = val.replace(LINE_BREAK, " ")
    a = root.attrib
    try:
        blocks = _blocks(root, source)
    except (ValueError, TypeError) as exc:   # float("wide"), int("x"), a table without rows
        raise fail(source, f"the markup has an attribute value that is not allowed: {exc}") from None
    if a.get("orientation", "portrait") not in ("portrait", "landscape"):
        raise fail(source, f"orientation must be portrait or landscape, not {a['orientation']!r}")
    return m.Document(kind=a.get("kind", ""), title=a.get("title", ""), author=a.get("author", ""),
                      subject=a.get("subject", ""), orientation=a.get("orientation", "portrait"),
                      fit_one_page=_yes(root, "fit"), min_size=_num(root, "min_size", 8.0),
                      blocks=blocks, cover=_yes(root, "cover"))


def _clean(text: str | None) -> str:
    # (layout whitespace always has a newline: a text without one is kept as it is)
    return _LAYOUT_SPACE.sub("", text) if text and "\n" in text else text or ""


def _blocks(parent: ET.Element, source: str) -> list[m.Block]:
    out: list[m.Block] = []
    if _clean(parent.text):
        raise fail(source, f"text outside a paragraph in <{parent.tag}>: {_clean(parent.text)[:30]!r}")
    for el in parent:
        out.append(_block(el, source))
        if _clean(el.tail):
            raise fail(source, f"text outside a paragraph after <{el.tag}>: {_clean(el.tail)[:30]!r}")
    return out


def _num(el, key, default):
    return float(el.attrib[key]) if key in el.attrib else default


def _breaks(el, source: str) -> str:
    """breaks="spaces": where a line must break, after a full-width space first, then
    after a word; breaks="words": after a word (model.Paragraph.breaks)."""
    value = el.attrib.get("breaks", "")
    if value not in ("", "spaces", "words"):
        raise fail(source, f'<{el.tag} breaks="{value}">: the ways to break lines chosen here are "spaces" and'
                           ' "words"')
    return value


def _lang(el, source: str) -> str:
    """lang="en": an English paragraph (model.Paragraph.lang); the composer sets no other
    language apart from the Japanese."""
    value = el.attrib.get("lang", "")
    if value not in ("", "en"):
        raise fail(source, f'<{el.tag} lang="{value}">: the language set apart from Japanese is "en"')
    return value


def _yes(el, key) -> bool:
    return el.attrib.get(key, "no") in ("yes", "true", "1")


def _block(el: ET.Element, source: str) -> m.Block:
    a = el.attrib
    if el.tag == "p":
        return m.Paragraph(_inlines(el, source), style=a.get("style", "body"), align=a.get("align"),
                           first_indent=_num(el, "indent", 0.0), left_indent=_num(el, "left", 0.0),
                           space_before=_num(el, "before", None), space_after=_num(el, "after", None),
                           tracking=_num(el, "tracking", 0.0), keep_with_next=_yes(el, "keep"),
                           breaks=_breaks(el, source), lang=_lang(el, source),
                           numbering=a.get("list"), number=a.get("number", ""), seq=int(a.get("seq", 0)))
    if el.tag == "h":
        return m.Heading(_inlines(el, source), level=int(a.get("level", 1)),
                         style=a.get("style", "heading"), align=a.get("align"))
    if el.tag == "item":
        inline_part = ET.Element("span")
        inline_part.text = el.text
        blocks = []
        marker, parts = a.get("marker", ""), ()
        for child in el:
            if child.tag == "marker" and not len(inline_part) and not _clean(inline_part.text):
                parts = tuple(_inlines(child, source))
                marker = m.plain_text(list(parts))
                inline_part.text = child.tail
            elif child.tag in _BLOCK_TAGS:
                blocks.append(_block(child, source))
            elif blocks:
                raise fail(source, "inline text after the blocks of an <item>")
            else:
                inline_part.append(child)
        if parts and not any(isinstance(i, m.Spread) for i in parts):
            parts = ()                     # a marker of plain text: the string says it all
        return m.Item(marker, _inlines(inline_part, source), blocks,
                      style=a.get("style", "item"), level=int(a.get("level", 0)),
                      hang=_num(el, "hang", None), space_before=_num(el, "before", None),
                      numbering=a.get("list"), seq=int(a.get("seq", 0)), marker_parts=parts)
    if el.tag == "ki":
        return m.Ki(_blocks(el, source), closing=_yes(el, "closing"))
    if el.tag == "keep":
        return m.KeepTogether(_blocks(el, source))
    if el.tag == "table":
        widths = [float(w) for w in a.get("widths", "").split()]
        rows = [[_cell(td, a.get("style", "table"), source) for td in tr] for tr in el]
        if not widths:
            n = max(len(r) for r in rows)
            widths = [1 / n] * n
        return m.Table(rows, widths, border=a.get("border", "grid"), style=a.get("style", "table"),
                       keep_together=_yes(el, "keep"), padding=_num(el, "padding", None),
                       fit_first=a.get("fit", "") == "first", fit_columns=a.get("fit", "") == "columns",
                       fit_rest=a.get("fit", "") == "rest", fit_blocks=a.get("fit", "") == "blocks")
    if el.tag == "spacer":
        return m.Spacer(_num(el, "height", 6.0))
    if el.tag == "pagebreak":
        return m.PageBreak(numbers_end=a.get("numbers") == "end", text_page=_yes(el, "text_page"),
                           key=a.get("key", ""))
    if el.tag == "img":
        if not a.get("src"):
            raise fail(source, "<img> needs a src")
        return m.Image(a["src"], width=_num(el, "width", 100.0), height=_num(el, "height", 100.0),
                       align=a.get("align", "center"), alt=a.get("alt", ""))
    if el.tag == "seal":
        if not a.get("field"):
            raise fail(source, "a <seal> needs field=\"…\": the name of its signature field")
        return m.Seal(a["field"], mark=a.get("mark", "印"), size=_num(el, "size", 62.0))
    raise fail(source, f"unknown markup element <{el.tag}>")


def _cell(td: ET.Element, style: str, source: str) -> m.Cell:
    a = td.attrib
    has_blocks = any(child.tag in _BLOCK_TAGS for child in td)
    if has_blocks:
        blocks = _blocks(td, source)
    else:
        blocks = [m.Paragraph(_inlines(td, source), style=a.get("style", style), align=a.get("align"),
                              breaks=_breaks(td, source))]
    value = a.get("valign", "top")
    if value not in ("top", "middle", "bottom", "beside"):
        raise fail(source, f'<td valign="{value}">: a cell stands at the "top", "middle" or "bottom" of its row, '
                           f'or "beside" the cell before it')
    return m.Cell(blocks, shade=a.get("shade"), align=a.get("align"), valign=value,
                  colspan=int(a.get("colspan", 1)), colour=a.get("colour"), header=_header(td, source))


def _header(td: ET.Element, source: str) -> str | None:
    value = td.attrib.get("header")
    if value not in (None, "row", "column"):
        raise fail(source, f'<td header="{value}">: a header cell heads its "row" or its "column"')
    return value


def _size(el: ET.Element, source: str) -> float | None:
    """<span size="14">: the run's type size in points (6 to 36), else None."""
    value = el.attrib.get("size")
    if value is None:
        return None
    try:
        size = float(value)
    except ValueError:
        size = 0.0
    if not 6 <= size <= 36:
        raise fail(source, f'<span size="{value}">: a type size in points, 6 to 36')
    return size


def _inlines(el: ET.Element, source: str, bold=False, font=None, size=None) -> list[m.Inline]:
    out: list[m.Inline] = []

    def add(text):
        text = _clean(text)
        for i, line in enumerate(text.split(LINE_BREAK)):
            if i:
                out.append(m.LineBreak())
            if line:
                out.append(m.Text(line, bold=bold, font=font, size=size))

    add(el.text)
    for child in el:
        if child.tag == "br":
            out.append(m.LineBreak())
        elif child.tag == "b":
            out.extend(_inlines(child, source, True, font, size))
        elif child.tag == "ref":
            try:
                article = int(child.attrib.get("article", ""))
            except ValueError:
                raise fail(source, '<ref> needs article="N": the number of the article it names') from None
            if len(child):
                raise fail(source, "<ref> holds text only")
            out.append(m.Reference(_clean(child.text), bold, font, article, size=size))
        elif child.tag == "spread":
            if len(child) or LINE_BREAK in (child.text or ""):
                raise fail(source, "<spread> holds one line of text only")
            width = float(child.attrib.get("width", "0"))
            if not 0 < width <= 40:
                raise fail(source, f'<spread width="{child.attrib.get("width", "")}">: the width is in em, above 0')
            gaps = _gaps(child.attrib.get("gaps"), _clean(child.text or ""), source)
            if _clean(child.text):
                out.append(m.Spread(_clean(child.text), bold, font, width, gaps, size=size))
        elif child.tag == "whole":
            if len(child) or LINE_BREAK in (child.text or ""):
                raise fail(source, "<whole> holds one line of text only")
            if _clean(child.text):
                out.append(m.Whole(_clean(child.text), bold, font, size=size))
        elif child.tag == "span":
            out.extend(_inlines(child, source, bold or _yes(child, "bold"), child.attrib.get("font", font),
                                _size(child, source) or size))
        else:
            raise fail(source, f"<{child.tag}> cannot stand inside a paragraph")
        add(child.tail)
    return out
