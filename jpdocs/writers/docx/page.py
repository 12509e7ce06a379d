"""The page around the blocks: the footer's page numbers, the header's marks, and
the annual book's landscape section.
"""
from __future__ import annotations

from copy import deepcopy

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ...content import model as m
from ...spec.style import HouseStyle
from ...fonts import registry as fonts
from ..composition import ascent_descent
from ..geometry import FRAME_PAD
from ..ooxml import PPR, put, qn, twips
from ..ooxml_styles import set_page
from . import fields
from .watermark import diagonal_mark

MARK_SIZE = 10.5                   # the PDF's mark (pages.page_marks)

def write_footer(document, section, style: HouseStyle, several: bool, conditional: bool = True) -> None:
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


def cover_footer(document, section, style: HouseStyle, several: bool) -> None:
    """An agreement with a cover (document.cover): the cover, the first page, has a
    footer of its own, empty; the text's pages count from 0 on the cover, so that its
    first page is - 1 -, as in the PDF. `several`: whether the PDF's text (the cover
    not counted) has more than one page; else no page carries a number (one page
    alone is never numbered) — decided here from the PDF, not by the application."""
    section.different_first_page_header_footer = True
    section.first_page_footer.is_linked_to_previous = False
    if not several:
        return
    write_footer(document, section, style, True, conditional=False)
    sect = section._sectPr
    for old in sect.findall(qn("w:pgNumType")):
        sect.remove(old)
    # pgNumType stands before cols and titlePg in a sectPr (ECMA-376 §17.6.17)
    later = [c for c in sect if c.tag in (qn("w:cols"), qn("w:formProt"), qn("w:vAlign"), qn("w:noEndnote"),
                                         qn("w:titlePg"), qn("w:textDirection"), qn("w:bidi"),
                                         qn("w:rtlGutter"), qn("w:docGrid"), qn("w:printerSettings"))]
    number_type = parse_xml(f'<w:pgNumType {nsdecls("w")} w:start="0"/>')
    if later:
        later[0].addprevious(number_type)
    else:
        sect.append(number_type)


def write_marks(section, style: HouseStyle, marks) -> None:
    """Page marks go in the header, on every page, as the PDF draws them: 案 and
    正本（甲保管） (where="corner") right-aligned above the text, a copy's 写 (where=
    "diagonal") across the page behind it (watermark.py). A section whose first page
    has a footer of its own (titlePg: write_footer, cover_footer) has a header of its
    own there too, which Word and LibreOffice print on page 1 instead of the others':
    it carries the marks as well (it was left empty, and a one-page draft had no 案)."""
    if not marks:
        return
    corner = [mark for mark in marks if mark.where != "diagonal"]
    across = [mark for mark in marks if mark.where == "diagonal"]
    headers = [section.header]
    if section.different_first_page_header_footer:
        headers.append(section.first_page_header)
    before = _mark_space(section, style)
    for hdr in headers:
        hdr.is_linked_to_previous = False
        p = hdr.paragraphs[0]
        p.clear()
        ppr = p._p.get_or_add_pPr()
        for dangling in ppr.findall(qn("w:pStyle")):    # python-docx's "Header": no style of
            ppr.remove(dangling)                         # this package (Normal, the mark's font)
        for n, mark in enumerate(across, 1):
            p._p.append(diagonal_mark(mark.text, n, style, section.page_width.pt, section.page_height.pt))
        if corner:
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            put(ppr, "spacing", PPR, before=before, after=0)
            put(ppr, "ind", PPR, right=-twips(FRAME_PAD))
            p.add_run("　".join(mark.text for mark in corner))


def _mark_space(section, style: HouseStyle) -> int:
    """Space above the mark (twips) that sets it where the PDF draws it: its baseline a
    line (1.2 × 10.5pt) above the house's top margin, its end at the house's right
    margin (pages.page_marks), not at the header's top and the text's edge, which are
    the DOCX's (a draft's 案 stood 21pt higher and 6pt further in, seen in LibreOffice)."""
    size = MARK_SIZE
    ascent = ascent_descent(fonts.register(style)["mincho"], size)[0]
    house_top = section.top_margin.pt - FRAME_PAD
    return max(0, twips(house_top - 1.2 * size - section.header_distance.pt - ascent))


def landscape_part(blocks) -> tuple[list, list]:
    """The annual book: its summary table (the last table, from the page break before
    it) goes on landscape pages, as in the PDF; the cover and contents stay portrait."""
    tables = [i for i, b in enumerate(blocks) if isinstance(b, m.Table)]
    breaks = [i for i, b in enumerate(blocks) if isinstance(b, m.PageBreak) and tables and i < tables[-1]]
    if not breaks:
        return blocks, []
    return blocks[:breaks[-1]], blocks[breaks[-1] + 1:]


def landscape_section(document, style: HouseStyle, kind: str) -> None:
    """End the portrait section here (cover and contents, the cover without a page
    number) and make the rest landscape, page numbers running on."""
    _end_section(document)
    set_page(document.sections[-1], style, "landscape", kind)


def unnumbered_part(blocks) -> tuple[list, list]:
    """The blocks before the page break where the numbered pages end (an agreement's
    annexes, model.PageBreak.numbers_end) and those after it; all and none without one."""
    for i, b in enumerate(blocks):
        if isinstance(b, m.PageBreak) and b.numbers_end:
            return blocks[:i], blocks[i + 1:]
    return blocks, []


def unnumbered_section(document) -> None:
    """End the numbered section here and start, on a new page, one whose footers are
    empty (an agreement's annexed forms, as in the PDF); its header, with the marks of
    an original or a copy, is the numbered section's. The numbered section's page
    count (SECTIONPAGES, write_footer) is then the agreement's own."""
    sect = _end_section(document)
    for ref in sect.findall(qn("w:footerReference")):
        sect.remove(ref)
    footer = document.sections[-1].footer
    footer.is_linked_to_previous = False          # a footer part of its own, left empty
    for p in footer.paragraphs:
        p._p.style = None


def _end_section(document):
    """End the section here (a hairline paragraph holding a copy of its sectPr): the
    body's sectPr, returned, is then the next section's, without a first page's own
    header and footer (titlePg)."""
    body_sect = document.sections[-1]._sectPr
    p = document._body.add_paragraph()
    pPr = p._p.get_or_add_pPr()
    put(pPr, "spacing", PPR, before=0, after=0, line=20, lineRule="exact")   # a hairline paragraph
    pPr.append(deepcopy(body_sect))
    for title_pg in body_sect.findall(qn("w:titlePg")):
        body_sect.remove(title_pg)
    return body_sect
