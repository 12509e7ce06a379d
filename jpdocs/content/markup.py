"""Markup text → document model.

The markup is a small XML dialect, one element per model class, so templates stay
readable and values escaped by Jinja come back as the exact characters the user
wrote. Layout whitespace of the template (a newline and the indentation after it)
is dropped; any other space is kept, because in Japanese text a space is content
(中島 和彦). Elements:

  <document kind title author subject orientation fit min_size>   the root
  <p style align indent left before after tracking keep link>  inlines  </p>   (link: the address the
     whole paragraph links to, a Link in the PDF, a hyperlink in the DOCX: its text after its
     number where it has one, with any inlines and attributes; a link with no text is refused;
     align="block": its lines flush left in a block as wide as the widest, the block centred)
  <h level style align left before> inlines </h>
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

import math
import re
import xml.etree.ElementTree as ET

from markupsafe import Markup

from . import model as m
from ..errors import InputError, fail
from ..japanese import em_width

_LAYOUT_SPACE = re.compile(r"[ \t\r]*\n[ \t\r\n]*")
# A newline inside a value (templating._finalize): a line break in text, a space in
# an attribute (a title or a marker has one line). U+FDD0 is a noncharacter: no
# text can hold it (it has no glyph, so the glyph check would refuse it).
LINE_BREAK = "\ufdd0"
_BLOCK_TAGS = {"p", "h", "item", "ki", "table", "keep", "spacer", "img", "pagebreak", "seal"}
_ALIGNS = ("left", "center", "right", "justify")
_P_ALIGNS = _ALIGNS + ("block",)       # a paragraph's lines as one block, centred (model.ParagraphAlign)
_FITS = ("", "first", "columns", "rest", "blocks")
# the levels of the one list an agreement has, as Word numbers it (writers/docx/numbering.py),
# and an article's heading whose number leads its first paragraph ((目的) above 第１条　…):
# no level, but the DOCX sets it in 条見出し as it sets a numbered heading
_LISTS = ("article", "article_text", "paragraph", "item", "subitem", "article_heading")
# What a number attribute may be (low, high): what the writers can draw on a page; a
# value outside (a NaN, 1e9 points of space) failed inside reportlab or Word's units.
_RANGES = {"indent": (-40, 40), "left": (0, 40), "hang": (0, 40), "tracking": (0, 10),      # em
           "before": (0, 600), "after": (0, 600), "height": (0, 600), "padding": (0, 72),   # points
           "width": (1, 1000), "size": (10, 300), "min_size": (4, 36)}


# elements in elements: the parser and the writers recurse by one call or more a level (the
# bundled templates nest under 10 deep)
MAX_DEPTH = 40


# Each element's attributes: another has no effect, and a key without effect is an error
ATTRIBUTES = {
    "document": ("kind", "title", "author", "subject", "orientation", "fit", "min_size", "cover"),
    "p": ("style", "align", "indent", "left", "before", "after", "tracking", "keep", "breaks", "lang", "list",
          "number", "seq", "link"),
    "h": ("level", "style", "align", "left", "before", "after"), "item": ("marker", "style", "level", "hang", "before", "list", "seq"),
    "ki": ("closing",), "keep": (), "table": ("widths", "border", "style", "keep", "padding", "fit"), "tr": (),
    "td": ("shade", "align", "valign", "colspan", "colour", "header", "style", "breaks"),
    "spacer": ("height",), "pagebreak": ("numbers", "text_page", "key"),
    "img": ("src", "width", "height", "align", "alt"),
    "seal": ("field", "mark", "size"), "marker": (), "b": (), "br": (), "span": ("font", "bold", "size"),
    "ref": ("article",), "spread": ("width", "gaps"), "whole": (),
}
# items in items: each sets its blocks a hang further in (20 items in items fit a page's width)
MAX_ITEMS = 10


class _Refused(Exception):
    """What the writers cannot draw, refused while parsing: parse() names the template."""


_ATTRIBUTE_SETS = {tag: frozenset(names) for tag, names in ATTRIBUTES.items()}


class _Tree:
    """What one walk over the markup finds (a walk, not two: it is paid by every document):
    an element deeper than MAX_DEPTH stops it at once; an <item> in items deeper than
    MAX_ITEMS and the first element with an attribute it does not have are kept, and
    parse() refuses them in that order, after the depth."""

    def __init__(self, root: ET.Element):
        self.items_too_deep = False
        self.unknown_attribute = None          # (element, key)
        self._attributes(root)
        self._walk(root, 1, root.tag == "item")

    def _attributes(self, el: ET.Element) -> None:
        a = el.attrib
        if a and self.unknown_attribute is None and not a.keys() <= _ATTRIBUTE_SETS.get(el.tag, a.keys()):
            self.unknown_attribute = el, next(k for k in a if k not in _ATTRIBUTE_SETS[el.tag])

    def _walk(self, parent: ET.Element, depth: int, items: int) -> None:
        depth += 1                             # the children's
        if depth > MAX_DEPTH:
            raise _in(_Refused(f"the markup nests elements more than {MAX_DEPTH} deep"), parent)
        for el in parent:
            if el.attrib:
                self._attributes(el)
            in_items = items + (el.tag == "item")
            if in_items > MAX_ITEMS:
                self.items_too_deep = True
            if len(el):                        # a leaf (most are) costs no call
                self._walk(el, depth, in_items)


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
    """The markup's document model. A refusal (InputError) carries `rendered_at`: the
    offset in `markup` of the element it arose in, where known (None else), so that the
    caller can name the template's line that printed it (templating.printed_by)."""
    try:
        root = ET.fromstring(markup)
    except ET.ParseError as exc:
        error = fail(source, f"the rendered template is not well-formed markup: {exc}")
        error.rendered_at = _offset(markup, *exc.position) if exc.position else None
        raise error from None
    try:
        return _parse(root, markup, source)
    except InputError as exc:
        el = getattr(exc, "element", None)
        exc.rendered_at = _element_offset(markup, root, el) if el is not None else None
        raise


def _offset(markup: str, line: int, column: int) -> int:
    """Expat's (line from 1, column from 0, in characters) as an offset into the text."""
    return sum(len(text) + 1 for text in markup.split("\n")[:line - 1]) + column


def with_attribute(tag: str, key: str, value: str) -> str | None:
    """The path (for offset_of) of a <tag> (* for any) whose attribute `key` is `value`;
    None where the value holds both kinds of quote, which a path cannot."""
    quote = "'" if "'" not in value else '"' if '"' not in value else None
    return f".//{tag}[@{key}={quote}{value}{quote}]" if quote else None


def _element_offset(markup: str, root: ET.Element, el: ET.Element) -> int | None:
    """Where `el`'s start tag stands in the markup: parsed again (only for a refusal)
    with expat, whose start tags come in the order ElementTree's iter() gives."""
    from xml.parsers import expat
    index = next((n for n, each in enumerate(root.iter()) if each is el), None)
    if index is None:
        return None
    starts: list[tuple[int, int]] = []
    parser = expat.ParserCreate()
    parser.StartElementHandler = lambda *_: starts.append((parser.CurrentLineNumber, parser.CurrentColumnNumber))
    try:
        parser.Parse(markup, True)
    except expat.ExpatError:
        return None
    return _offset(markup, *starts[index]) if index < len(starts) else None


def offset_of(markup: str, tag: str, index: int) -> int | None:
    """Where the index-th <tag> element of the markup stands (None where it has fewer).
    `tag` may be a path of ElementTree's (.//span[@font='x']): an element found by an
    attribute's value, as a refusal of that value names it."""
    try:
        root = ET.fromstring(markup)
    except ET.ParseError:
        return None
    found = root.iterfind(tag) if tag.startswith(".") else root.iter(tag)
    el = next((el for n, el in enumerate(found) if n == index), None)
    return _element_offset(markup, root, el) if el is not None else None


def _parse(root: ET.Element, markup: str, source: str) -> m.Document:
    if root.tag != "document":
        raise _in(fail(source, f"the markup's root must be <document>, not <{root.tag}>"), root)
    try:
        tree = _Tree(root)
    except _Refused as exc:
        raise _in(fail(source, str(exc)), exc.element) from None
    if tree.items_too_deep:
        # (named at the first item with none in it: the end of the first chain of items)
        deepest = next((el for el in root.iter("item") if el.find(".//item") is None), None)
        raise _in(fail(source, f"the markup nests <item> in <item> more than {MAX_ITEMS} deep"), deepest)
    if tree.unknown_attribute:
        el, key = tree.unknown_attribute
        raise _in(fail(source, f'<{el.tag} {key}="{el.attrib[key]}">: <{el.tag}> has no attribute {key}'
                               f' (its attributes: {", ".join(ATTRIBUTES[el.tag]) or "none"})'), el)
    # Only markup holding the character, or a character reference that may spell it,
    # can have it in an attribute: the usual notice is not walked for it.
    if LINE_BREAK in markup or "&#" in markup:
        for el in root.iter():
            for key, val in el.attrib.items():
                if LINE_BREAK in val:
                    el.attrib[key] = val.replace(LINE_BREAK, " ")
    a = root.attrib
    try:
        blocks, min_size = _blocks(root, source), _num(root, "min_size", 8.0)
    except _Refused as exc:
        raise _in(fail(source, str(exc)), getattr(exc, "element", None)) from None
    except (ValueError, TypeError) as exc:   # float("wide"), int("x")
        raise _in(fail(source, f"the markup has an attribute value that is not allowed: {exc}"),
                  getattr(exc, "element", None)) from None
    # (only markup with a <seal> has one: the usual notice is not walked for them)
    fields = [b.field for b in m.walk(blocks) if isinstance(b, m.Seal)] if "<seal" in markup else []
    for name in dict.fromkeys(fields):
        # each seal place is a signature field of the PDF, which joins nested names with "."
        if "." in name or fields.count(name) > 1:
            seals = [el for el in root.iter("seal") if el.attrib.get("field") == name]
            raise _in(fail(source, f'<seal field="{name}">: each seal place needs a name of its own, without "."'),
                      seals[-1] if seals else None)
    if a.get("orientation", "portrait") not in ("portrait", "landscape"):
        raise _in(fail(source, f"orientation must be portrait or landscape, not {a['orientation']!r}"), root)
    return m.Document(kind=a.get("kind", ""), title=a.get("title", ""), author=a.get("author", ""),
                      subject=a.get("subject", ""), orientation=a.get("orientation", "portrait"),
                      fit_one_page=_yes(root, "fit"), min_size=min_size,
                      blocks=blocks, cover=_yes(root, "cover"))


def _clean(text: str | None) -> str:
    # (layout whitespace always has a newline: a text without one is kept as it is)
    return _LAYOUT_SPACE.sub("", text) if text and "\n" in text else text or ""


def _stray(text: str | None) -> bool:
    """Whether _clean(text) leaves anything: text without a newline is kept whole, and
    with one, it is all layout whitespace exactly when it has no other character (the
    pattern then takes it in one match). A strip in place of the pattern's substitution:
    a newline after each element is the usual text between blocks."""
    return bool(text) and ("\n" not in text or bool(text.strip(" \t\r\n")))


def _blocks(parent: ET.Element, source: str) -> list[m.Block]:
    out: list[m.Block] = []
    if _stray(parent.text):
        raise _in(fail(source, f"text outside a paragraph in <{parent.tag}>: {_clean(parent.text)[:30]!r}"), parent)
    for el in parent:
        try:
            out.append(_block(el, source))
        except (_Refused, InputError, ValueError, TypeError) as exc:
            _in(exc, el)
            raise
        if _stray(el.tail):
            raise _in(fail(source, f"text outside a paragraph after <{el.tag}>: {_clean(el.tail)[:30]!r}"), el)
    return out


def _in(exc: Exception, el: ET.Element) -> Exception:
    """The exception, marked with the innermost element it arose in (the first to mark
    it), so that parse() can say where the template printed that element."""
    if getattr(exc, "element", None) is None:
        exc.element = el
    return exc


# What an element's attributes give its block, found once for each element name (and
# what else the reading depends on) and set of attributes: a template prints the same
# few dozen elements in every document (<p style="table">, <td shade="shade"
# valign="middle" header="row">), and reading them again, a call for each attribute
# an element may have, was a third of the markup's parsing. A reading that refuses
# raises as it did (nothing is kept of it), so the first element with a bad value is
# refused as before, and every later one too; the values kept are what the reading
# gave (numbers, names), the same whatever was parsed before. Bounded: cleared past
# _MAX_READINGS sets of attributes (a bundled notice has some forty).
_READINGS: dict[tuple, dict] = {}
_MAX_READINGS = 2_000


def _read(read, el: ET.Element, source: str, extra: str | None = None):
    """read(el, source[, extra]): what the element's attributes give its model class
    (keyword arguments, as a dict never changed: it is passed on with **), remembered by
    the reading, `extra` (what else it depends on) and the attributes' names and values
    in their order; `source` names the markup in a refusal only."""
    key = (read, extra, *el.attrib.items())
    found = _READINGS.get(key)
    if found is None:
        found = read(el, source) if extra is None else read(el, source, extra)
        if len(_READINGS) >= _MAX_READINGS:
            _READINGS.clear()
        _READINGS[key] = found
    return found


def _num(el, key, default):
    """A number attribute, within what the writers can draw (_RANGES)."""
    if key not in el.attrib:
        return default
    value = el.attrib[key]
    low, high = _RANGES[key]
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not low <= number <= high:          # (a NaN is in no range)
        raise _Refused(f'<{el.tag} {key}="{value}">: a number from {low} to {high}')
    return number


def _whole_number(el, key, default, low, high):
    value = el.attrib.get(key)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        raise _Refused(f'<{el.tag} {key}="{value}">: a whole number from {low} to {high}')
    return number


def _choice(el, key, allowed, default=None):
    value = el.attrib.get(key, default)
    if value not in allowed and value != default:
        raise _Refused(f'<{el.tag} {key}="{value}">: one of {", ".join(a for a in allowed if a)}')
    return value


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
        para = m.Paragraph(_inlines(el, source), **_read(_paragraph_fields, el, source))
        if para.link:
            _linked_text(para, source)
        if para.tracking:
            _tracked_plain(para, source)
        return para
    if el.tag == "h":
        return m.Heading(_inlines(el, source), **_read(_heading_fields, el, source))
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
        return m.Item(marker, _inlines(inline_part, source), blocks, marker_parts=parts,
                      **_read(_item_fields, el, source))
    if el.tag == "ki":
        return m.Ki(_blocks(el, source), closing=_yes(el, "closing"))
    if el.tag == "keep":
        return m.KeepTogether(_blocks(el, source))
    if el.tag == "table":
        rows = _rows(el, source)
        widths, fields = _read(_table_fields, el, source)
        if widths:
            widths = list(widths)          # (each table its own list)
        else:
            n = max(sum(c.colspan for c in r) for r in rows)
            widths = [1 / n] * n
        return m.Table(rows, widths, **fields)
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


# The readings of _read: each reads the attributes in the order the model's fields
# were always read in (so that of two bad values the same is refused first), after the
# element's content (its inlines, blocks or rows), as before.

def _paragraph_fields(el: ET.Element, source: str) -> dict:
    a = el.attrib
    return dict(style=a.get("style", "body"), align=_choice(el, "align", _P_ALIGNS),
                first_indent=_num(el, "indent", 0.0), left_indent=_num(el, "left", 0.0),
                space_before=_num(el, "before", None), space_after=_num(el, "after", None),
                tracking=_num(el, "tracking", 0.0), keep_with_next=_yes(el, "keep"),
                breaks=_breaks(el, source), lang=_lang(el, source),
                numbering=_choice(el, "list", _LISTS), number=a.get("number", ""),
                seq=_whole_number(el, "seq", 0, 0, 99999), link=_link(el, source) if "link" in a else "")


def _link(el: ET.Element, source: str) -> str:
    """A paragraph's link: a web address (http:// or https://), the only kind a
    reader's viewer opens from a printed document's file."""
    address = el.attrib.get("link", "")
    if address and not re.fullmatch(r"https?://[^\s<>\"]+", address):
        raise fail(source, f'<p link="{address}">: a web address, http:// or https://, without spaces')
    return address


def _linked_text(p: m.Paragraph, source: str) -> None:
    """A link is drawn over the paragraph's text after its number (the number is the
    paragraph's label: writers/blocks.py, docx/links.py): a paragraph with none has
    nothing to click, and its address would be lost without a word."""
    text = m.plain_text(p.inlines)
    numbered = bool(p.numbering and p.number and text.startswith(p.number))
    if not text[len(p.number) if numbered else 0:].strip():
        if numbered:
            raise fail(source, f'<p link="{p.link}">: the paragraph has no text after its number for the link to stand on')
        raise fail(source, f'<p link="{p.link}">: the paragraph has no text for the link to stand on')


def _tracked_plain(p: m.Paragraph, source: str) -> None:
    """A letter-spaced paragraph is one line drawn from its plain text in the
    paragraph's own font and size (writers/blocks.py, TrackedLine): bold, another font or
    size, or a spread inside it would not be drawn, and are refused rather than lost."""
    for run in p.inlines:
        if isinstance(run, m.Spread):
            raise fail(source, f'<p tracking="{p.tracking:g}">: a letter-spaced line is drawn as plain text;'
                               ' a <spread> inside it would not be set')
        if isinstance(run, m.Text) and (run.bold or run.font or run.size):
            raise fail(source, f'<p tracking="{p.tracking:g}">: a letter-spaced line is drawn as plain text'
                               ' in the paragraph\'s own font and size; <b> or <span> inside it would not be drawn')


def _heading_fields(el: ET.Element, source: str) -> dict:
    return dict(level=_whole_number(el, "level", 1, 1, 6), style=el.attrib.get("style", "heading"),
                align=_choice(el, "align", _ALIGNS), left_indent=_num(el, "left", 0.0),
                space_before=_num(el, "before", None), space_after=_num(el, "after", None))


def _item_fields(el: ET.Element, source: str) -> dict:
    a = el.attrib
    return dict(style=a.get("style", "item"), level=_whole_number(el, "level", 0, 0, 9),
                hang=_num(el, "hang", None), space_before=_num(el, "before", None),
                numbering=_choice(el, "list", _LISTS), seq=_whole_number(el, "seq", 0, 0, 99999))


def _table_fields(el: ET.Element, source: str) -> tuple[tuple[float, ...], dict]:
    """(the widths given, as a tuple: none where the columns share the width alike), the rest."""
    a = el.attrib
    widths = tuple(_widths(el))
    fit = _choice(el, "fit", _FITS, "")
    return widths, dict(border=_choice(el, "border", ("grid", "box", "none"), "grid"),
                        style=a.get("style", "table"),
                        keep_together=_yes(el, "keep"), padding=_num(el, "padding", None),
                        fit_first=fit == "first", fit_columns=fit == "columns",
                        fit_rest=fit == "rest", fit_blocks=fit == "blocks")


def _rows(table: ET.Element, source: str) -> list[list[m.Cell]]:
    """A table's rows: at least one, each of at least one <td> (reportlab draws no
    table without a row and a column)."""
    if not len(table):
        raise _Refused("a <table> needs at least one <tr>, and each <tr> at least one <td>")
    rows = []
    for tr in table:
        if tr.tag != "tr":
            raise _in(_Refused(f"<{tr.tag}> cannot stand in a <table>: its rows are <tr>, each of <td> cells"), tr)
        if not len(tr):
            raise _in(_Refused("a <table> needs at least one <tr>, and each <tr> at least one <td>"), tr)
        for td in tr:
            if td.tag != "td":
                raise _in(_Refused(f"<{td.tag}> cannot stand in a <tr>: a row's cells are <td>"), td)
        cells = []
        for td in tr:
            try:
                cells.append(_cell(td, table.attrib.get("style", "table"), source))
            except (_Refused, InputError) as exc:
                raise _in(exc, td) from None      # (the cell's line: a macro may print it apart from its row)
        rows.append(cells)
    return rows


def _widths(table: ET.Element) -> list[float]:
    value = table.attrib.get("widths", "")
    try:
        widths = [float(w) for w in value.split()]
    except ValueError:
        widths = [math.nan]
    if not all(0 < w <= 1 for w in widths):
        raise _Refused(f'<table widths="{value}">: each column\'s width a number above 0 (at most 1)')
    if sum(widths) > 1.001:            # (a template's rounding: 0.334 0.333 0.334)
        raise _Refused(f'<table widths="{value}">: the columns\' widths are shares of the width the table'
                       f' stands in, together at most 1; these make {sum(widths):g}')
    return widths


def _cell(td: ET.Element, style: str, source: str) -> m.Cell:
    has_blocks = any(child.tag in _BLOCK_TAGS for child in td)
    if has_blocks:
        if any(child.tag == "pagebreak" for child in td.iter()):
            raise _Refused("<pagebreak> cannot stand in a table cell: a cell is never split across pages")
        blocks = _blocks(td, source)
    else:
        blocks = [m.Paragraph(_inlines(td, source), **_read(_cell_paragraph_fields, td, source, style))]
    return m.Cell(blocks, **_read(_cell_fields, td, source))


def _cell_paragraph_fields(td: ET.Element, source: str, style: str) -> dict:
    """A cell of inlines alone: its paragraph, in the table's style unless the cell names one."""
    return dict(style=td.attrib.get("style", style), align=_choice(td, "align", _ALIGNS),
                breaks=_breaks(td, source))


def _cell_fields(td: ET.Element, source: str) -> dict:
    a = td.attrib
    value = a.get("valign", "top")
    if value not in ("top", "middle", "bottom", "beside"):
        raise fail(source, f'<td valign="{value}">: a cell stands at the "top", "middle" or "bottom" of its row, '
                           f'or "beside" the cell before it')
    return dict(shade=a.get("shade"), align=_choice(td, "align", _ALIGNS), valign=value,
                colspan=_whole_number(td, "colspan", 1, 1, 99), colour=a.get("colour"), header=_header(td, source))


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
    text = el.text
    if not len(el) and (not text or "\n" not in text and LINE_BREAK not in text):
        # the usual paragraph: one line of text, nothing in it (as _add takes it)
        return [m.Text(text, bold=bold, font=font, size=size)] if text else []
    out: list[m.Inline] = []
    _add(out, text, bold, font, size)
    for child in el:
        if child.tag == "br":
            out.append(m.LineBreak())
        elif child.tag == "b":
            out.extend(_inlines(child, source, True, font, size))
        elif child.tag == "ref":
            try:
                article = int(child.attrib.get("article", ""))
            except ValueError:
                article = 0
            if not 1 <= article <= 9999:
                raise fail(source, '<ref> needs article="N": the number of the article it names')
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
        elif child.tag == "a":
            raise fail(source, '<a> cannot stand inside a paragraph: a paragraph links as a whole, <p link="https://…">')
        else:
            raise fail(source, f"<{child.tag}> cannot stand inside a paragraph")
        _add(out, child.tail, bold, font, size)
    return out


def _add(out: list, text: str | None, bold: bool, font: str | None, size: float | None) -> None:
    """Text of a paragraph, its layout whitespace dropped, each LINE_BREAK a line break."""
    text = _clean(text)
    for i, line in enumerate(text.split(LINE_BREAK)):
        if i:
            out.append(m.LineBreak())
        if line:
            out.append(m.Text(line, bold=bold, font=font, size=size))
