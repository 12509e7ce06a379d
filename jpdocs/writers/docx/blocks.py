"""The model's blocks, each to Word paragraphs or tables, in reading order."""
from __future__ import annotations

import io

from docx.image.image import Image as DocxImage
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml.etree import SubElement

from ... import japanese
from ...spec import images
from ...content import model as m
from ..jlreq import AT_SPACES, AT_WORDS
from ...spec.style import LATIN_ROLE
from ..ooxml import PPR, RPR, ppr_of, put, qn, sub, twips
from ..ooxml_styles import ARTICLE, paragraph_style, role_font
from . import fields
from .numbering import (ARTICLE_HEADING, ARTICLE_TEXT, article_style_unnumbered, lead_number, numbering_of,
                        set_number, style_by_id_in)
from .links import hyperlink
from .line_breaks import PHRASE_STYLES, SQUEEZED, block_set, phrase_lines
from .paragraphs import BR_TAG, P_TAG, R_TAG, Ctx, new_child, para
from .parts import stylesheet
from .tables import keep_together, write_keep_row, write_table

TBL_TAG = qn("w:tbl")
SEAL_CIRCLE = 0.52                 # the seal circle's diameter over the place's size (flowables.SealPlace: r = 0.26)


def write_blocks(box, blocks, ctx: Ctx) -> list:
    """Write the blocks into `box` (the body, a cell); returns the elements made. A
    page break becomes the next paragraph's pageBreakBefore."""
    out, page_break = [], False
    for b in blocks:
        if isinstance(b, m.PageBreak):
            page_break = True
            continue
        made = _block(box, b, ctx)
        if page_break and made and made[0].tag == TBL_TAG:
            # Word honours no pageBreakBefore in a table's cell (the signatures' kept
            # row, tables.write_keep_row): a hairline paragraph before the table holds it
            made.insert(0, _hairline(box, ctx))
            made[1].addprevious(made[0])
        if page_break:
            paras = [p for e in made for p in e.iter(qn("w:p"))]
            if paras:
                # pageBreakBefore leaves no empty line at the top of the new page,
                # as a paragraph holding only a page break would
                put(ppr_of(paras[0]), "pageBreakBefore", PPR)
                page_break = False
        out += made
    if page_break:                 # python-docx's add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        p = new_child(box, P_TAG)
        SubElement(SubElement(p, R_TAG), BR_TAG, {qn("w:type"): "page"})
        out.append(p)
    return out


def _hairline(box, ctx: Ctx):
    """An empty paragraph one point high, as the kept row's last (tables.py)."""
    p = para(box, ctx, "body", [])
    put(ppr_of(p), "spacing", PPR, before=0, after=0, line=20, lineRule="exact")
    rpr = put(ppr_of(p), "rPr", PPR)
    sub(rpr, "sz", val=2)
    sub(rpr, "szCs", val=2)
    return p


def _block(box, b, ctx: Ctx) -> list:
    st = ctx.style
    if isinstance(b, m.Paragraph):
        if b.align == "block":
            # its lines flush left, indented as the PDF's are (a photo's caption of several
            # lines: one paragraph, its lines parted by breaks, its ・ marks in one column)
            b = block_set(ctx, b)
        inlines, numbered = b.inlines, numbering_of(ctx, b.numbering)
        number = lead_number(b, ctx.article_gap)
        if numbered and inlines and isinstance(inlines[0], m.Text) and inlines[0].text.startswith(number):
            # the number is Word's (numbering.xml): the text starts after it (and its gap)
            first = inlines[0]
            inlines = ([m.sliced(first, len(number), len(first.text))] if len(first.text) > len(number) else []) \
                + list(inlines[1:])
        else:
            numbered = None
        if b.lang:
            pass                         # English: Word breaks it at its spaces, as the PDF does
        elif b.style.split("-")[0] in PHRASE_STYLES and not (b.first_indent or b.left_indent or b.tracking):
            inlines = phrase_lines(ctx, b.style, b.align, inlines)
        elif b.breaks == AT_SPACES and not (b.first_indent or b.left_indent or b.tracking):
            inlines = phrase_lines(ctx, b.style, b.align, inlines, phrases=AT_SPACES)
        elif b.breaks in (AT_WORDS, AT_SPACES) and not b.tracking:
            # a hung labelled line, or a block's line set after the labels printed in the
            # lines (agreement.block_label_line): laid out with its indents
            inlines = phrase_lines(ctx, b.style, b.align, inlines, phrases=b.breaks,
                                   indents=(b.first_indent, b.left_indent))
        elif ctx.pdf_lines and not (b.first_indent or b.left_indent or b.tracking):
            inlines = phrase_lines(ctx, b.style, b.align, inlines, phrases=False)
        elif ctx.in_cell and not b.tracking and b.first_indent <= 0:
            # any other cell's paragraph (an overview sheet's ◆ text): a line the PDF fits
            # only by squeezing it breaks where the PDF's does, or before its last word
            # that fits, not inside a word. Not running text, indented at its first line
            # (字下げ: the opening in a head's 内容 row, notice.head_form: label_table):
            # Word wraps it as it wraps the body's, where the rules allow, as the PDF
            # does, and a line break there would be one the text does not have, left in
            # the paragraph for whoever edits it
            inlines = phrase_lines(ctx, b.style, b.align, inlines, phrases=SQUEEZED,
                                   indents=(b.first_indent, b.left_indent))
        p = para(box, ctx, b.style, inlines, align=b.align, first=b.first_indent,
                  left=b.left_indent, before=b.space_before, after=b.space_after,
                  tracking=b.tracking, keep=b.keep_with_next)
        if b.numbering == "article" and style_by_id_in(box, ARTICLE) \
                or b.numbering == ARTICLE_HEADING and article_style_unnumbered(box):
            # 条見出し: its style keeps it with its text, 6pt above, outline level 2;
            # the paragraph repeats none of that
            ppr_of(p).find(qn("w:pStyle")).set(qn("w:val"), ARTICLE)
            pPr = ppr_of(p)
            spacing = pPr.find(qn("w:spacing"))
            if b.keep_with_next and spacing is not None and b.space_before == 6 and b.space_after is None:
                pPr.remove(spacing)
                pPr.remove(pPr.find(qn("w:keepNext")))
            elif not b.keep_with_next:   # the spec ends a page after it (new_page: after_heading)
                put(pPr, "keepNext", PPR, val="0")
        if b.lang:
            _set_lang(p, LANG_TAGS[b.lang], st)
        if b.link:
            # after the number printed as text (a notice's), the PDF's Lbl; Word's own is no run
            printed = not numbered and b.numbering and b.number and m.plain_text(b.inlines).startswith(b.number)
            hyperlink(box, p, b.link, after=len(b.number) if printed else 0)
        if numbered:
            set_number(p, numbered)
            if b.numbering in ("article", ARTICLE_TEXT):
                fields.bookmark(p, fields.article_bookmark(b.seq), b.seq)
        return [p]
    if isinstance(b, m.Heading):
        p = para(box, ctx, b.style, phrase_lines(ctx, b.style, b.align, b.inlines, indents=(0.0, b.left_indent)),
                 align=b.align, left=b.left_indent, before=b.space_before, after=b.space_after, keep=True)
        put(ppr_of(p), "outlineLvl", PPR, val=min(max(b.level - 1, 0), 8))
        return [p]
    if isinstance(b, m.Item):
        return _item(box, b, ctx)
    if isinstance(b, m.Ki):
        size = paragraph_style(st, "ki").size
        place = st.notice.ki_heading                     # center (記), left (■締結式概要) or none
        out = [] if place == "none" else [para(box, ctx, "ki", [m.Text(st.word("ki"))], align=place,
                                               before=0.6 * size, keep=True)]
        out += write_blocks(box, b.blocks, ctx)
        if b.closing:
            out.append(para(box, ctx, "ki", [m.Text(st.word("ijo"))], align="right"))
        return out
    if isinstance(b, m.Table):
        tbl = write_table(box, b, ctx, write_blocks)
        if b.keep_together:
            keep_together([tbl])
        return [tbl]
    if isinstance(b, m.Spacer):
        p = para(box, ctx, "body", [])
        put(ppr_of(p), "spacing", PPR, before=0, after=0, line=max(twips(b.height), 1), lineRule="exact")
        return [p]
    if isinstance(b, m.KeepTogether):
        return [write_keep_row(box, b.blocks, ctx, write_blocks)]
    if isinstance(b, m.Image):
        return [_image(box, b, ctx)]
    if isinstance(b, m.Seal):
        return [_seal(box, b, ctx)]
    if isinstance(b, m.Contents):
        return _contents(box, b, ctx)
    raise TypeError(f"unknown block {type(b).__name__}")


# the language a paragraph's lang names, as Word tags it (w:lang w:val: Latin text)
LANG_TAGS = {"en": "en-US"}


def _set_lang(p, tag: str, style) -> None:
    """Every run of the paragraph in that language (w:lang), so that Word checks and
    reads it as such: the document's default is Japanese for its East Asian text. Its
    letters are set in the house's Latin font where they would be mincho, as the PDF
    draws them (the East Asian slot left as it was: the text has no Japanese)."""
    latin = role_font(style, LATIN_ROLE)[0] if LATIN_ROLE in style.fonts else None
    mincho = role_font(style, "mincho")[0]
    for r in p.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        if rpr is None:
            rpr = SubElement(r, qn("w:rPr"))
            r.insert(0, rpr)
        named = rpr.find(qn("w:rFonts"))
        if latin and (named is None or named.get(qn("w:ascii")) == mincho):
            east = {} if named is None or named.get(qn("w:eastAsia")) is None else {"eastAsia": named.get(qn("w:eastAsia"))}
            put(rpr, "rFonts", RPR, ascii=latin, hAnsi=latin, **east, cs=latin)
        put(rpr, "lang", RPR, val=tag)


def _item(box, b: m.Item, ctx: Ctx) -> list:
    """Marker, a tab to where the text starts, the text hanging there; the item's own
    blocks indented to the same place. A tab to a tab stop, not U+3000, so that the
    text lines up whatever the marker's width (件名 / 配付資料 with hang=5)."""
    size = paragraph_style(ctx.style, b.style).size
    marker_em = _marker_em(b)
    hang = b.hang if b.hang is not None else (marker_em + 1 if b.marker else 0.0)
    left = b.level + hang
    # a marker that fills the hang (◆ with hang 1) is followed by the text itself: a
    # tab there would jump to the next default tab stop
    tab = hang > marker_em
    numbered = numbering_of(ctx, b.numbering)
    lead = [] if numbered else [m.Text(b.marker + "\t")] if tab else [m.Text(b.marker)] if b.marker else []
    if b.marker_parts and not numbered:       # a marker with a spread part (１　日　時：)
        lead = list(b.marker_parts) + ([m.Text("\t")] if tab else [])
    inlines = lead + list(b.inlines)
    if b.style.split("-")[0] in PHRASE_STYLES and not numbered:
        # the subject line (項目　…): its text broken between phrases where the PDF's
        # is, at the width it hangs in, not inside a name in 「」 (…協 / 定書」)
        inlines = lead + phrase_lines(ctx, b.style, None, list(b.inlines), indents=(0.0, left))
    elif ctx.in_cell and not (tab or numbered or b.marker_parts):
        # an overview sheet's item (・…): a line the PDF fits only by squeezing it breaks
        # where the PDF's does, or before its last word, not inside a word
        inlines = phrase_lines(ctx, b.style, None, inlines, phrases=SQUEEZED, indents=(-hang, left))
    p = para(box, ctx, b.style, inlines, left=left, hanging=hang,
              before=0.5 * size if b.space_before is None else b.space_before, keep=bool(b.blocks),
              tab=twips(left * size + ctx.indent) if tab else None)
    if numbered:
        set_number(p, numbered)
    return [p, *write_blocks(box, b.blocks, ctx.but(indent=ctx.indent + left * size))]


# Characters East Asian Width calls ambiguous (a full em in japanese.em_width) that the
# house's fonts set in half an em, as Word and LibreOffice then set them: • (U+2022,
# BIZ UD明朝's advance 500 of 1000; LibreOffice measured 5.25 pt at 10.5 pt). A marker of
# one is narrower than the em the PDF gives it, and the text after it needs the tab to
# its hang (九州経済産業局's • 記者会見 over a line at the hang: the text stood half an em
# short of it).
HALF_SET = frozenset("•")


def _marker_em(b: m.Item) -> float:
    """The marker's width in em as the DOCX sets it, a spread part as wide as it is set."""
    def em(text: str) -> float:
        return japanese.em_width(text) - 0.5 * sum(c in HALF_SET for c in text)
    if not b.marker_parts:
        return em(b.marker)
    return sum(max(em(i.text), i.width if isinstance(i, m.Spread) else 0.0)
               for i in b.marker_parts if isinstance(i, m.Text))


def _contents(box, b: m.Contents, ctx: Ctx) -> list:
    """A TOC field over the headings of b.levels (their outline levels), one paragraph
    per entry as its stored result: the text, a dotted leader to the right margin and
    the page. Word rebuilds it on update (F9); LibreOffice shows it as stored."""
    first, last = b.levels
    entry_style = _contents_style(box, first, ctx.width)
    paras = []
    for text, page in b.entries or [("", 0)]:
        p = para(box, ctx, "body", [m.Text(text)] + ([m.Text(f"\t{page}")] if text else []))
        if entry_style:
            ppr_of(p).find(qn("w:pStyle")).set(qn("w:val"), entry_style)
        else:                                          # no styles part to hold the tab
            sub(put(ppr_of(p), "tabs", PPR), "tab", val="right", leader="middleDot", pos=ctx.width)
        paras.append(p)
    begin = fields.field(f' TOC \\o "{first}-{last}" \\h \\z \\u ', [])
    opening, closing = begin[:-1], begin[-1:]          # begin, instruction, separate | end
    anchor = paras[0].find(qn("w:r"))
    for part in opening:
        anchor.addprevious(part) if anchor is not None else paras[0].append(part)
    paras[-1].extend(closing)
    return paras


def _contents_style(box, level: int, width: int) -> str | None:
    """The contents' entries' style, holding their dotted leader to the page number
    at the right margin, named as Word names the style its TOC field gives a level's
    entries (toc 2, shown as 目次 2): when Word rebuilds the contents (F9) its entries
    keep the leader, and a clerk's line set in it has it. Based on 本文. Its id, or None
    where the document has no styles."""
    if box.part is None:
        return None
    sheet = stylesheet(box.part)
    style_id = f"TOC{level}"
    if sheet.find(style_id) is None:
        st = sheet.new_style(type="paragraph", styleId=style_id)
        sub(st, "name", val=f"toc {level}")
        sub(st, "basedOn", val="body")
        sub(st, "next", val="body")
        sub(st, "uiPriority", val=39)              # as Word's own toc styles
        sub(st, "unhideWhenUsed")
        sub(sub(sub(st, "pPr"), "tabs"), "tab", val="right", leader="middleDot", pos=width)
    return style_id


def _image(box, im: m.Image, ctx: Ctx):
    """The picture in a paragraph of its own, scaled to fit its box as in the PDF,
    with its alt text as the drawing's description."""
    data = images.embed_bytes(im)              # checked, converted and scaled down (images.py)
    info = DocxImage.from_blob(data)
    avail = (ctx.width - twips(ctx.indent)) / 20
    scale = min(min(im.width, avail) / info.px_width, im.height / info.px_height)
    p = para(box, ctx, "body", [], align=im.align)
    put(ppr_of(p), "spacing", PPR, before=0, after=0, line=240, lineRule="auto")
    run = DocxParagraph(p, box).add_run()
    shape = run.add_picture(io.BytesIO(data), width=Pt(info.px_width * scale), height=Pt(info.px_height * scale))
    if im.alt:
        shape._inline.docPr.set("descr", im.alt)
    return p


def _seal(box, b: m.Seal, ctx: Ctx):
    """The seal place: the mark in a circle, centred on a line as tall as the place,
    as the PDF draws it (a circle 0.52 of the place across). Word has no drawn circle
    here, so 印 is written as the enclosed character ㊞, whose circle fills its em:
    its size is the circle's (w:sz is in half-points)."""
    text = [m.Text("㊞" if b.mark == "印" else b.mark)] if b.mark else []   # no mark: a blank place
    p = para(box, ctx.but(align=None), "body", text, align="center")
    put(ppr_of(p), "spacing", PPR, before=0, after=0, line=twips(b.size), lineRule="exact")
    half_points = round(SEAL_CIRCLE * b.size * 2)
    for r in p.findall(qn("w:r")):
        rpr = r.get_or_add_rPr()
        put(rpr, "sz", RPR, val=half_points)
        put(rpr, "szCs", RPR, val=half_points)
    return p
