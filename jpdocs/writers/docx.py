"""Document model → DOCX, with python-docx on templates/reference.docx.

Blocks become the house style's paragraph styles (the same names as the PDF's)
plus the direct formatting the model asks for, as writers/pdf.py sets them. The
Word XML plumbing — schema order, fonts, page set-up, saving — is in ooxml.py.
"""
from __future__ import annotations

import io
import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass, replace
from pathlib import Path

import docx
from docx.blkcntnr import BlockItemContainer
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.image.image import Image as DocxImage
from docx.shared import Length, Pt, Twips
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from .. import fonts, images, model as m
from ..japanese import IROHA_ITEMS
from ..output import write_atomic
from ..style import HouseStyle
from . import fields
from .columns import fitted_widths
from .ooxml import (ARTICLE, ALIGN, FIXED_TIME, PPR, RPR, display_name, style_by_id, TBLPR, TCPR, TRPR, VALIGN, borders, document_bytes, el, font_names,
                    no_stretch_before_breaks, paragraph_style, put, role_font, set_fonts, set_page,
                    styled_reference, twips)


# ---------------------------------------------------------------- blocks
SEAL_CIRCLE = 0.52                 # the seal circle's diameter over the place's size (pdf.SealPlace: r = 0.26)


@dataclass(frozen=True)
class _Ctx:
    style: HouseStyle
    width: int                     # twips a table may take here
    indent: float = 0.0            # extra left indent in points (an item's own blocks)
    in_cell: bool = False
    align: str | None = None       # a cell's alignment, for paragraphs that give none
    colour: str | None = None      # text colour (hex) inside a cell that sets one
    lists: dict | None = None      # numbering level → (numId, ilvl, suffix), for the levels Word numbers
    pdf_lines: bool = False        # break a cell's lines where the PDF does (a list's cells: no date split)


def _para(box, ctx: _Ctx, name: str, inlines, *, align=None, first=0.0, left=0.0, hanging=0.0,
          before=None, after=None, tracking=0.0, keep=False):
    """One paragraph. Indents are em of the style's size; Word also gets the *Chars
    forms (hundredths of a character), which it prefers for Japanese text."""
    ps = paragraph_style(ctx.style, name)
    p = box.add_paragraph()
    p._p.style = name              # style id == name: no lookup by display name
    inlines, base_role = _font_variant(p, ctx.style, name, inlines)
    pPr, pf = p._p.get_or_add_pPr(), p.paragraph_format
    if align or ctx.align:
        pf.alignment = ALIGN[align or ctx.align]
    if first < 0:
        first, hanging = 0.0, hanging - first
    ind = {}
    for key, em in (("left", left + ctx.indent / ps.size), ("firstLine", first), ("hanging", hanging)):
        if em:
            ind.update({key: twips(em * ps.size), f"{key}Chars": round(em * 100)})
    if ind:
        put(pPr, "ind", PPR, **ind)
    if ctx.in_cell:
        before = after = 0         # cells are padded; paragraph space would double it
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if keep:
        put(pPr, "keepNext", PPR)
    _runs(p, ctx.style, inlines, round(tracking * ps.size * 20), base_role or ps.font, ctx.colour,
          refs="article" in (ctx.lists or {}))
    return p._p


def _font_variant(p, style: HouseStyle, name: str, inlines) -> tuple[list, str | None]:
    """A paragraph whose every run is set in one other font role (an agreement's title
    in Mincho where 表題 is bold Gothic) gets a style of its own, based on its style
    (表題（明朝）), rather than a font override on each run: a clerk retyping the
    title keeps its font."""
    texts = [i for i in inlines if isinstance(i, m.Text) and i.text]
    roles = {i.font for i in texts}
    if not texts or len(roles) != 1 or None in roles or any(i.bold for i in texts):
        return inlines, None
    role = roles.pop()
    if role == paragraph_style(style, name).font or role not in style.fonts:
        return inlines, None
    variant = f"{name}-{role}"
    styles = p.part.styles.element if hasattr(p, "part") else None
    if styles is None:
        return inlines, None
    if not any(st.get(qn("w:styleId")) == variant for st in styles.findall(qn("w:style"))):
        base = next(st for st in styles.findall(qn("w:style")) if st.get(qn("w:styleId")) == name)
        new = deepcopy(base)
        new.set(qn("w:styleId"), variant)
        new.find(qn("w:name")).set(qn("w:val"), f"{display_name(name)}（{ROLE_NAMES.get(role, role)}）")
        based = new.find(qn("w:basedOn"))
        based.set(qn("w:val"), name)
        family, bold = role_font(style, role)
        rpr = new.find(qn("w:rPr"))
        set_fonts(rpr, family)
        put(rpr, "b", RPR, val=1 if bold else 0)
        styles.append(new)
    p.style = None
    p._p.style = variant
    return [m.Text(i.text, i.bold, None) if isinstance(i, m.Text) else i for i in inlines], role


ROLE_NAMES = {"mincho": "明朝", "gothic": "ゴシック", "gothic-bold": "ゴシック太字"}


def _runs(p, style: HouseStyle, inlines, spacing: int, base_role: str | None = None,
          colour: str | None = None, refs: bool = False) -> None:
    """Runs for the inlines. Tracking (w:spacing) goes between characters, so the last
    character before a line break or the paragraph's end is split off without it.
    A character the run's font lacks gets a run of its own in the house style's
    fallback font (IPAmj明朝 for a rare name kanji), as the PDF draws it. With `refs`
    (Word numbers the articles), a reference to an article (第２条) is a REF field
    to that article's heading, its text the field's result (fields.py)."""
    fallbacks = fonts.fallback_names(style) if style.fallback_fonts else []
    registered = fonts.register(style) if fallbacks else {}
    for i, inline in enumerate(inlines):
        if isinstance(inline, m.LineBreak):
            p.add_run().add_break()
            continue
        # bold is set in the bold Gothic, as the PDF writer does
        role = "gothic-bold" if inline.bold and "gothic-bold" in style.fonts else inline.font
        family, bold = role_font(style, role) if role else (None, False)
        bold = bold or inline.bold
        rest = inlines[i + 1:]
        stop = next((j for j, x in enumerate(rest) if isinstance(x, m.LineBreak)), len(rest))
        last = spacing and not any(x.text for x in rest[:stop])
        text = inline.text
        field_start = len(p._p) if refs and isinstance(inline, m.Reference) and inline.article else None
        primary = registered.get(role or base_role or "", "")
        for whole, sp in [(text[:-1], spacing), (text[-1:], 0)] if last else [(text, spacing)]:
            if not whole:
                continue
            pieces = (fonts.runs_by_font(whole, primary, fallbacks) if primary and fallbacks
                      else [(whole, primary)])
            for chunk, name in pieces:
                _run(p, chunk, family if name == primary else font_names(fonts.path_of(name))[0],
                     bold, sp, colour, regular=bool(family) and not bold)
        if field_start is not None:
            fields.wrap_result(p._p, field_start, fields.article_ref(inline.article))


def _run(p, chunk: str, family: str | None, bold: bool, sp: int, colour: str | None = None,
         regular: bool = False) -> None:
    r = p.add_run(chunk)   # escapes <&>, keeps spaces and U+3000; \n → br, \t → tab
    if family:
        set_fonts(r._r.get_or_add_rPr(), family)
    if bold:
        r.bold = True
    elif regular:
        r.bold = False     # a regular font role inside a bold style (a Mincho title) stays regular, as in the PDF
    if colour:
        put(r._r.get_or_add_rPr(), "color", RPR, val=colour.lstrip("#").upper())
    if sp:
        put(r._r.get_or_add_rPr(), "spacing", RPR, val=sp)


def _blocks(box, blocks, ctx: _Ctx) -> list:
    out, page_break = [], False
    for b in blocks:
        if isinstance(b, m.PageBreak):
            page_break = True
            continue
        made = _block(box, b, ctx)
        paras = [p for e in made for p in e.iter(qn("w:p"))]
        if page_break and paras:
            # pageBreakBefore leaves no empty line at the top of the new page,
            # as a paragraph holding only a page break would
            put(paras[0].get_or_add_pPr(), "pageBreakBefore", PPR)
            page_break = False
        out += made
    if page_break:
        p = box.add_paragraph()
        p.add_run().add_break(WD_BREAK.PAGE)
        out.append(p._p)
    return out


def _block(box, b, ctx: _Ctx) -> list:
    st = ctx.style
    if isinstance(b, m.Paragraph):
        inlines, numbered = b.inlines, _numbered(ctx, b.numbering)
        if numbered and inlines and isinstance(inlines[0], m.Text) and inlines[0].text.startswith(b.number):
            # the number is Word's (numbering.xml): the text starts after it
            first = inlines[0]
            inlines = ([replace(first, text=first.text[len(b.number):])] if len(first.text) > len(b.number) else []) \
                + list(inlines[1:])
        else:
            numbered = None
        if b.style.split("-")[0] in PHRASE_STYLES and not (b.first_indent or b.left_indent or b.tracking):
            inlines = _phrase_lines(ctx, b.style, b.align, inlines)
        elif ctx.pdf_lines and not (b.first_indent or b.left_indent or b.tracking):
            inlines = _phrase_lines(ctx, b.style, b.align, inlines, phrases=False)
        p = _para(box, ctx, b.style, inlines, align=b.align, first=b.first_indent,
                  left=b.left_indent, before=b.space_before, after=b.space_after,
                  tracking=b.tracking, keep=b.keep_with_next)
        if b.numbering == "article" and style_by_id_in(box, ARTICLE):
            # 条見出し: its style keeps it with its text, 6pt above, outline level 2;
            # the paragraph repeats none of that
            p.get_or_add_pPr().find(qn("w:pStyle")).set(qn("w:val"), ARTICLE)
            pPr = p.get_or_add_pPr()
            spacing = pPr.find(qn("w:spacing"))
            if b.keep_with_next and spacing is not None and b.space_before == 6 and b.space_after is None:
                pPr.remove(spacing)
                pPr.remove(pPr.find(qn("w:keepNext")))
        if numbered:
            _number(p, numbered)
            if b.numbering == "article":
                fields.bookmark(p, fields.article_bookmark(b.seq), b.seq)
        return [p]
    if isinstance(b, m.Heading):
        p = _para(box, ctx, b.style, _phrase_lines(ctx, b.style, b.align, b.inlines), align=b.align, keep=True)
        put(p.get_or_add_pPr(), "outlineLvl", PPR, val=min(max(b.level - 1, 0), 8))
        return [p]
    if isinstance(b, m.Item):
        return _item(box, b, ctx)
    if isinstance(b, m.Ki):
        size = paragraph_style(st, "ki").size
        out = [_para(box, ctx, "ki", [m.Text(st.word("ki"))], align="center", before=0.6 * size, keep=True)]
        out += _blocks(box, b.blocks, ctx)
        if b.closing:
            out.append(_para(box, ctx, "ki", [m.Text(st.word("ijo"))], align="right"))
        return out
    if isinstance(b, m.Table):
        tbl = _table(box, b, ctx)
        if b.keep_together:
            _keep([tbl])
        return [tbl]
    if isinstance(b, m.Spacer):
        p = _para(box, ctx, "body", [])
        put(p.get_or_add_pPr(), "spacing", PPR, before=0, after=0, line=max(twips(b.height), 1), lineRule="exact")
        return [p]
    if isinstance(b, m.KeepTogether):
        return [_keep_row(box, b.blocks, ctx)]
    if isinstance(b, m.Image):
        return [_image(box, b, ctx)]
    if isinstance(b, m.Seal):
        return [_seal(box, b, ctx)]
    if isinstance(b, m.Contents):
        return _contents(box, b, ctx)
    raise TypeError(f"unknown block {type(b).__name__}")


PHRASE_STYLES = ("title", "heading")
# a date's start (令和６年, 2024年４月): a cell's line that starts with one in the PDF
# starts with it in the DOCX too, so that Word or LibreOffice cannot split it
_DATE_START = re.compile(r"(?:明治|大正|昭和|平成|令和)(?:元|[0-9０-９]+)年|[0-9０-９]+年[0-9０-９]+月")


def _phrase_lines(ctx: _Ctx, name: str, align, inlines, phrases: bool = True) -> list:
    """A title or heading broken where the PDF breaks it: between phrases (BudouX),
    never inside one as Word would (「…大学と」 / 「の」). The PDF's composer sets the
    paragraph at the DOCX's text width, and a line break goes where each of its
    lines ends short of a forced break; a title that fits one line is unchanged.
    phrases=False: a list's cell (the annual summary) broken where the PDF's cell
    breaks, so that a date is not split (令和６年８ / 月) where Word's or
    LibreOffice's wider lines would split it."""
    if (ctx.in_cell and not ctx.pdf_lines) or ctx.indent or not any(isinstance(i, m.Text) and i.text for i in inlines):
        return inlines
    from .composer import JParagraph
    from .pdf import _Builder
    flow = _Builder(ctx.style).paragraph(m.Paragraph(list(inlines), style=name, align=align), phrases=phrases)
    if not isinstance(flow, JParagraph):
        return inlines
    flow.wrap(ctx.width / 20, 1e6)
    lines = flow.blPara.lines
    cuts = [line.jl_span[1] for line in lines[:-1] if not line.lineBreak]
    if not phrases:                    # in a cell: only before a date that starts a line in the PDF
        text = "".join(i.text if isinstance(i, m.Text) else "\n" for i in inlines)
        cuts = [c for c in cuts if _DATE_START.match(text, c)]
    if not cuts:
        return inlines
    out, pos = [], 0
    for inline in inlines:
        if isinstance(inline, m.LineBreak):
            out.append(inline)
            pos += 1
            continue
        start, text = pos, inline.text
        for cut in [c for c in cuts if start < c < start + len(text)]:
            out.append(replace(inline, text=text[:cut - start]))
            out.append(m.LineBreak())
            text, start = text[cut - start:], cut
        out.append(replace(inline, text=text))
        pos += len(inline.text)
        if pos in cuts and inline is not inlines[-1]:
            out.append(m.LineBreak())
    return out


def _item(box, b: m.Item, ctx: _Ctx) -> list:
    """Marker, a tab to where the text starts, the text hanging there; the item's own
    blocks indented to the same place. A tab to a tab stop, not U+3000, so that the
    text lines up whatever the marker's width (件名 / 配付資料 with hang=5)."""
    size = paragraph_style(ctx.style, b.style).size
    marker_em = sum(1.0 if unicodedata.east_asian_width(c) in "FWA" else 0.5 for c in b.marker)
    hang = b.hang if b.hang is not None else (marker_em + 1 if b.marker else 0.0)
    left = b.level + hang
    # a marker that fills the hang (◆ with hang 1) is followed by the text itself: a
    # tab there would jump to the next default tab stop
    tab = hang > marker_em
    numbered = _numbered(ctx, b.numbering)
    lead = [] if numbered else [m.Text(b.marker + "\t")] if tab else [m.Text(b.marker)] if b.marker else []
    p = _para(box, ctx, b.style, lead + list(b.inlines), left=left, hanging=hang,
              before=0.5 * size if b.space_before is None else b.space_before, keep=bool(b.blocks))
    if numbered:
        _number(p, numbered)
    if tab:
        put(p.get_or_add_pPr(), "tabs", PPR).append(el("tab", val="left", pos=twips(left * size + ctx.indent)))
    return [p, *_blocks(box, b.blocks, replace(ctx, indent=ctx.indent + left * size))]


# ---------------------------------------------------------------- numbering
LEVELS = ("article", "paragraph", "item", "subitem")     # ilvl 0-3 of the one list an agreement has
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
_KANJI = "〇一二三四五六七八九"


def _counting(n: int) -> str:
    """Word's japaneseCounting: 一 … 十, 十一 … 九十九."""
    tens, ones = divmod(n, 10)
    return (("" if tens < 2 else _KANJI[tens]) + ("十" if tens else "") + (_KANJI[ones] if ones else "")) or _KANJI[0]


# Word's Japanese number formats, as Word and LibreOffice print the value n
FORMATS = {"decimalFullWidth": lambda n: str(n).translate(_FULL), "decimal": str,
           "aiueoFullWidth": lambda n: IROHA_ITEMS[(n - 1) % len(IROHA_ITEMS)], "japaneseCounting": _counting}


def _marker_text(b) -> str:
    return b.number if isinstance(b, m.Paragraph) else b.marker


def list_levels(blocks) -> dict[str, tuple[str, str, int, str]]:
    """For each numbering level the blocks use: (numFmt, lvlText, start, suffix) when
    one of Word's formats prints every one of its numbers as the text has it
    (第１条 … 第９条: decimalFullWidth, 第%1条); a level whose numbers no format
    prints (mixed digits: 第９条, 第10条) stays typed text, and so do the levels under it."""
    found: dict[str, list] = {}
    for b in m.walk(blocks):
        if isinstance(b, (m.Paragraph, m.Item)) and b.numbering in LEVELS and b.seq > 0:
            found.setdefault(b.numbering, []).append(b)
    plan = {}
    for level, bs in found.items():
        ilvl = LEVELS.index(level)
        for fmt, show in FORMATS.items():
            texts = set()
            for b in bs:
                shown, marker = show(b.seq), _marker_text(b)
                if not marker or shown not in marker:
                    break
                texts.add(marker.replace(shown, f"%{ilvl + 1}", 1))
            else:
                if len(texts) == 1:
                    suffix = "nothing"
                    if isinstance(bs[0], m.Item):
                        marker_em = sum(1.0 if unicodedata.east_asian_width(c) in "FWA" else 0.5
                                        for c in bs[0].marker)
                        hang = bs[0].hang if bs[0].hang is not None else marker_em + 1
                        suffix = "tab" if hang > marker_em else "nothing"
                    plan[level] = (fmt, texts.pop(), min(b.seq for b in bs), suffix)
                    break
    # a level restarts only under a level above it that Word numbers: below a level
    # left as typed text (第10条 in mixed digits), the lower ones are typed text too
    for i, level in enumerate(LEVELS):
        if level in found and level not in plan:
            for lower in LEVELS[i + 1:]:
                plan.pop(lower, None)
    return plan


def add_numbering(document, plan) -> dict:
    """One multi-level list in numbering.xml for the levels of `plan`: articles
    (第%1条), paragraphs (%2　, from ２), items （%3） and sub-items %4 (ア), each
    restarting under the level above, so that an article inserted in Word renumbers
    the rest. Indents stay the paragraphs' own. Returns level → (numId, ilvl)."""
    if not plan:
        return {}
    numbering = document.part.numbering_part.element
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    nums = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max(ids, default=-1) + 1, max(nums, default=0) + 1
    abstract = el("abstractNum", abstractNumId=abstract_id)
    abstract.append(el("nsid", val=f"{0x4A500000 + abstract_id:08X}"))
    abstract.append(el("multiLevelType", val="multilevel"))
    for ilvl, level in enumerate(LEVELS):
        fmt, text, start, suffix = plan.get(level, ("decimal", f"%{ilvl + 1}", 1, "nothing"))
        lvl = el("lvl", ilvl=ilvl)
        lvl.extend([el("start", val=start), el("numFmt", val=fmt)])
        if level == "article" and level in plan and style_by_id(document, ARTICLE) is not None:
            lvl.append(el("pStyle", val=ARTICLE))
        lvl.extend([el("suff", val=suffix), el("lvlText", val=text), el("lvlJc", val="left")])
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(abstract) if first_num is not None else numbering.append(abstract)
    num = el("num", numId=num_id)
    num.append(el("abstractNumId", val=abstract_id))
    numbering.append(num)
    article = style_by_id(document, ARTICLE)
    if "article" in plan and article is not None:
        # a paragraph a clerk sets in 条見出し is the next article: 第８条
        pr = put(article.element.get_or_add_pPr(), "numPr", PPR)
        pr.append(el("numId", val=num_id))
    return {level: (num_id, LEVELS.index(level)) for level in plan}


def style_by_id_in(box, style_id: str) -> bool:
    """Whether the document holding `box` has the style (an office's own reference may not)."""
    styles = box.part.styles.element if hasattr(box, "part") else None
    return styles is not None and any(st.get(qn("w:styleId")) == style_id for st in styles.findall(qn("w:style")))


def _numbered(ctx: _Ctx, level: str | None):
    return (ctx.lists or {}).get(level) if level else None


def _number(p, numbered) -> None:
    num_id, ilvl = numbered
    pr = put(p.get_or_add_pPr(), "numPr", PPR)
    pr.extend([el("ilvl", val=ilvl), el("numId", val=num_id)])


def _contents(box, b: m.Contents, ctx: _Ctx) -> list:
    """A TOC field over the headings of b.levels (their outline levels), one paragraph
    per entry as its stored result: the text, a dotted leader to the right margin and
    the page. Word rebuilds it on update (F9); LibreOffice shows it as stored."""
    first, last = b.levels
    paras = []
    for text, page in b.entries or [("", 0)]:
        p = _para(box, ctx, "body", [m.Text(text)] + ([m.Text(f"\t{page}")] if text else []))
        put(p.get_or_add_pPr(), "tabs", PPR).append(el("tab", val="right", leader="middleDot", pos=ctx.width))
        paras.append(p)
    begin = fields.field(f' TOC \\o "{first}-{last}" \\h \\z \\u ', [])
    opening, closing = begin[:-1], begin[-1:]          # begin, instruction, separate | end
    anchor = paras[0].find(qn("w:r"))
    for part in opening:
        anchor.addprevious(part) if anchor is not None else paras[0].append(part)
    paras[-1].extend(closing)
    return paras


def _image(box, im: m.Image, ctx: _Ctx):
    """The picture in a paragraph of its own, scaled to fit its box as in the PDF,
    with its alt text as the drawing's description."""
    data = images.embed_bytes(im)              # checked, converted and scaled down (images.py)
    info = DocxImage.from_blob(data)
    avail = (ctx.width - twips(ctx.indent)) / 20
    scale = min(min(im.width, avail) / info.px_width, im.height / info.px_height)
    p = _para(box, ctx, "body", [], align=im.align)
    put(p.get_or_add_pPr(), "spacing", PPR, before=0, after=0, line=240, lineRule="auto")
    run = DocxParagraph(p, box).add_run()
    shape = run.add_picture(io.BytesIO(data), width=Pt(info.px_width * scale), height=Pt(info.px_height * scale))
    if im.alt:
        shape._inline.docPr.set("descr", im.alt)
    return p


def _seal(box, b: m.Seal, ctx: _Ctx):
    """The seal place: the mark in a circle, centred on a line as tall as the place,
    as the PDF draws it (a circle 0.52 of the place across). Word has no drawn circle
    here, so 印 is written as the enclosed character ㊞, whose circle fills its em:
    its size is the circle's (w:sz is in half-points)."""
    p = _para(box, replace(ctx, align=None), "body", [m.Text("㊞" if b.mark == "印" else b.mark)], align="center")
    put(p.get_or_add_pPr(), "spacing", PPR, before=0, after=0, line=twips(b.size), lineRule="exact")
    half_points = round(SEAL_CIRCLE * b.size * 2)
    for r in p.findall(qn("w:r")):
        rpr = r.get_or_add_rPr()
        put(rpr, "sz", RPR, val=half_points)
        put(rpr, "szCs", RPR, val=half_points)
    return p


def _keep(elements) -> None:
    """Keep blocks on one page: keepNext on every paragraph but the last, keepLines on
    all, and table rows that may not split."""
    paras = [p for e in elements for p in e.iter(qn("w:p"))]
    for i, p in enumerate(paras):
        if i < len(paras) - 1:
            put(p.get_or_add_pPr(), "keepNext", PPR)
        put(p.get_or_add_pPr(), "keepLines", PPR)
    for tr in (tr for e in elements for tr in e.iter(qn("w:tr"))):
        put(tr.get_or_add_trPr(), "cantSplit", TRPR)


def _keep_row(box, blocks, ctx: _Ctx):
    """Blocks that share a page (the last article, the closing, the date and the
    signature blocks) in the one cell of a borderless table whose row may not split:
    Word and LibreOffice both move such a row whole to the next page, also after a
    clerk's edit inside it or before it, where a long keepNext chain is what
    LibreOffice breaks. The cell has no padding, so the text stands where it would
    outside the table; paragraphs keep their own spacing."""
    table = BlockItemContainer.add_table(box, 1, 1, Twips(ctx.width))
    tbl = table._tbl
    put(tbl.tblPr, "tblStyle", TBLPR, val="jp-none")
    put(tbl.tblPr, "tblW", TBLPR, w=ctx.width - twips(ctx.indent), type="dxa")
    if ctx.indent:
        put(tbl.tblPr, "tblInd", TBLPR, w=twips(ctx.indent), type="dxa")
    borders(tbl.tblPr, "none", ctx.style.colours.get("rule", "#000000"))
    put(tbl.tblPr, "tblLayout", TBLPR, type="fixed")
    margins = put(tbl.tblPr, "tblCellMar", TBLPR)
    margins.extend(el(side, w=0, type="dxa") for side in ("top", "left", "bottom", "right"))
    tbl.tblGrid.find(qn("w:gridCol")).set(qn("w:w"), str(ctx.width - twips(ctx.indent)))
    put(tbl.find(qn("w:tr")).get_or_add_trPr(), "cantSplit", TRPR)
    c = table.cell(0, 0)
    tc = c._tc
    put(tc.get_or_add_tcPr(), "tcW", TCPR, w=ctx.width - twips(ctx.indent), type="dxa")
    placeholder = tc.find(qn("w:p"))
    made = _blocks(c, blocks, replace(ctx, width=ctx.width - twips(ctx.indent), indent=0.0))
    tc.remove(placeholder)
    if tc[-1].tag != qn("w:p"):        # Word requires a cell to end with a paragraph: a hairline one
        p = _para(c, ctx, "body", [])
        put(p.get_or_add_pPr(), "spacing", PPR, before=0, after=0, line=20, lineRule="exact")
        rpr = put(p.get_or_add_pPr(), "rPr", PPR)
        rpr.extend([el("sz", val=2), el("szCs", val=2)])
    _keep(made)                        # and each part kept whole inside the row
    return tbl


def _table(box, t: m.Table, ctx: _Ctx):
    """A real Word table, fixed layout: widths in twips on the grid and every cell."""
    ncols, indent = len(t.widths), twips(ctx.indent)
    pad = 80 if t.border != "none" else 20   # 4pt / 1pt, as in the PDF
    if t.padding is not None:
        pad = twips(t.padding)
    fractions = fitted_widths(t, (ctx.width - indent) / 20, pad / 20, ctx.style)
    cols = [round((ctx.width - indent) * f) for f in fractions]
    table = BlockItemContainer.add_table(box, len(t.rows), ncols, Twips(sum(cols)))
    tbl = table._tbl
    put(tbl.tblPr, "tblStyle", TBLPR, val="jp-none" if t.border == "none" else "jp-grid")
    put(tbl.tblPr, "tblW", TBLPR, w=sum(cols), type="dxa")
    if indent:
        put(tbl.tblPr, "tblInd", TBLPR, w=indent, type="dxa")
    borders(tbl.tblPr, t.border, ctx.style.colours.get("rule", "#000000"))
    put(tbl.tblPr, "tblLayout", TBLPR, type="fixed")
    margins = put(tbl.tblPr, "tblCellMar", TBLPR)
    margins.extend(el(side, w=pad, type="dxa") for side in ("top", "left", "bottom", "right"))
    for gc, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), cols):
        gc.set(qn("w:w"), str(w))
    listing = len(t.rows) > 1 and bool(t.rows[0]) and all(c.shade for c in t.rows[0])
    for tr, row in zip(tbl.findall(qn("w:tr")), t.rows):
        tcs, col = tr.findall(qn("w:tc")), 0
        for cell in row:
            if col >= ncols:
                raise ValueError(f"a table row has more cells than its {ncols} widths")
            span = max(1, min(cell.colspan, ncols - col))
            for extra in tcs[col + 1:col + span]:
                tr.remove(extra)
            _cell(_Cell(tcs[col], table), cell, sum(cols[col:col + span]), span, pad,
                  replace(ctx, pdf_lines=listing and tr is not tbl.find(qn("w:tr"))))
            col += span
        for i in range(col, ncols):    # a short row: the empty cells keep the grid widths
            put(tcs[i].get_or_add_tcPr(), "tcW", TCPR, w=cols[i], type="dxa")
    trs = tbl.findall(qn("w:tr"))
    if listing:
        # a list under a shaded header row (the annual summary): the header heads every
        # page and a row is never split across pages, as in the PDF. Not on every table:
        # LibreOffice moves an unsplittable row that holds nested tables (the overview
        # sheet's areas) to the next page although it fits.
        put(trs[0].get_or_add_trPr(), "tblHeader", TRPR)
        for tr in trs:
            put(tr.get_or_add_trPr(), "cantSplit", TRPR)
    return tbl


def _cell(box: _Cell, cell: m.Cell, width: int, span: int, pad: int, ctx: _Ctx) -> None:
    tc = box._tc
    tcPr = tc.get_or_add_tcPr()
    put(tcPr, "tcW", TCPR, w=width, type="dxa")
    if span > 1:
        put(tcPr, "gridSpan", TCPR, val=span)
    if cell.shade:
        fill = ctx.style.colours.get(cell.shade, cell.shade).lstrip("#").upper()
        put(tcPr, "shd", TCPR, val="clear", color="auto", fill=fill)
    put(tcPr, "vAlign", TCPR, val=VALIGN[cell.valign])
    placeholder = tc.find(qn("w:p"))   # the empty paragraph python-docx puts in a new cell
    colour = ctx.style.colours.get(cell.colour, cell.colour) if cell.colour else ctx.colour
    _blocks(box, cell.blocks, replace(ctx, width=width - 2 * pad, indent=0.0, in_cell=True, align=cell.align,
                                      colour=colour))
    if len(tc) > 2:
        tc.remove(placeholder)
    if tc[-1].tag != qn("w:p"):
        tc.append(el("p"))             # Word requires a cell to end with a paragraph


def _footer(document, section, style: HouseStyle, several: bool, conditional: bool = True) -> None:
    """The page number as Japanese readers expect it, - 1 -, only when the document has
    more than one page, counted by the application that prints it.

    Pages 2 and later exist only in a document of several pages, so their footer is a
    plain PAGE field. The first page has a footer of its own (titlePg) whose number
    depends on the page count: { IF { SECTIONPAGES } > 1 "- 1 -" "" }. Word evaluates
    it when it lays out the page, so a one-page DOCX that an edit makes longer gets
    - 1 - on its first page. LibreOffice cannot evaluate an IF over page fields: it
    drops the condition and prints the nested field's stored result instead (tried:
    NUMPAGES prints the live count, "2"; SECTIONPAGES its stored text). So the stored
    result of SECTIONPAGES is what the PDF shows on page 1 ("- 1 -" or nothing):
    LibreOffice prints page 1 as generated, Word as the document now is.
    `several`: whether the PDF has more than one page. `conditional=False` (the annual
    book, whose cover carries no number) writes only the plain footer."""
    for ftr, first in ((section.footer, False), (section.first_page_footer, True)):
        if first and not conditional:
            break
        ftr.is_linked_to_previous = False
        for extra in ftr._element.findall(qn("w:p"))[1:]:
            ftr._element.remove(extra)
        p = ftr.paragraphs[0]
        p.clear()
        p._p.style = "small" if "small" in style.styles else "Normal"
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if first:
            shown = "- 1 -" if several else ""
            for part in fields.if_more_pages(shown):
                p._p.append(part)
        else:
            p.add_run("- ")
            p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
            p.add_run(" -")
    if conditional:
        section.different_first_page_header_footer = True


def _marks(section, style: HouseStyle, marks) -> None:
    """Page marks (正本（甲保管）, 写) go in the header, right-aligned, on every page."""
    if not marks:
        return
    hdr = section.header
    hdr.is_linked_to_previous = False
    p = hdr.paragraphs[0]
    p.clear()
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.add_run("　".join(mark.text for mark in marks))


def _landscape_part(blocks) -> tuple[list, list]:
    """The annual book: its summary table (the last table, from the page break before
    it) goes on landscape pages, as in the PDF; the cover and contents stay portrait."""
    tables = [i for i, b in enumerate(blocks) if isinstance(b, m.Table)]
    breaks = [i for i, b in enumerate(blocks) if isinstance(b, m.PageBreak) and tables and i < tables[-1]]
    if not breaks:
        return blocks, []
    return blocks[:breaks[-1]], blocks[breaks[-1] + 1:]


def _landscape_section(document, style: HouseStyle, kind: str) -> None:
    """End the portrait section here (a paragraph holding a copy of its sectPr: cover
    and contents, the cover without a page number) and make the rest landscape, page
    numbers running on."""
    from copy import deepcopy
    body_sect = document.sections[-1]._sectPr
    p = document._body.add_paragraph()
    pPr = p._p.get_or_add_pPr()
    put(pPr, "spacing", PPR, before=0, after=0, line=20, lineRule="exact")   # a hairline paragraph
    pPr.append(deepcopy(body_sect))
    for title_pg in body_sect.findall(qn("w:titlePg")):
        body_sect.remove(title_pg)
    set_page(document.sections[-1], style, "landscape", kind)


def render_docx(doc: m.Document, style: HouseStyle, page_numbers: bool = True) -> bytes:
    """The DOCX file's bytes; the same model and style always give the same bytes.
    page_numbers: whether the PDF has more than one page; it decides what the first
    page's number shows before an application counts the pages (see _footer)."""
    document = docx.Document(io.BytesIO(styled_reference(style.model_dump_json(), style)))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    no_stretch_before_breaks(document)
    section = document.sections[0]
    set_page(section, style, doc.orientation, doc.kind)
    if doc.kind == "annual":                        # the cover carries no number, the rest always do
        _footer(document, section, style, True, conditional=False)
        section.different_first_page_header_footer = True
        section.first_page_footer.is_linked_to_previous = False
    elif not doc.fit_one_page:                      # the one-page overview sheet carries none
        _footer(document, section, style, page_numbers)
    _marks(section, style, doc.marks)
    width = Length(section.page_width - section.left_margin - section.right_margin).twips
    lists = add_numbering(document, list_levels(doc.blocks))
    blocks, landscape = doc.blocks, []
    if doc.kind == "annual" and doc.orientation == "portrait":
        blocks, landscape = _landscape_part(doc.blocks)
    _blocks(document._body, blocks, _Ctx(style, width, lists=lists))
    if landscape:
        _landscape_section(document, style, doc.kind)
        wide = document.sections[-1]
        width = Length(wide.page_width - wide.left_margin - wide.right_margin).twips
        _blocks(document._body, landscape, _Ctx(style, width, lists=lists))
    cp = document.core_properties
    # python-docx refuses properties over 255 characters (Word does not); a long
    # subject line is the user's text, kept whole: set on the element directly.
    for prop, value in (("title", doc.title), ("subject", doc.subject), ("creator", doc.author),
                        ("lastModifiedBy", doc.author)):
        cp._element._get_or_add(prop).text = value
    cp.language, cp.comments, cp.keywords, cp.category = doc.lang, "", "", ""
    cp.created = cp.modified = FIXED_TIME
    cp.revision = 1
    return document_bytes(document)


def write_docx(doc: m.Document, style: HouseStyle, out: Path) -> None:
    write_atomic(Path(out), render_docx(doc, style))
