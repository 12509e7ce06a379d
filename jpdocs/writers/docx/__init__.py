"""Document model → DOCX, with python-docx on templates/reference.docx.

Blocks become the house style's paragraph styles (the same names as the PDF's)
plus the direct formatting the model asks for, as writers/pdf.py sets them. The
package, in the order a document is made:

    package.py     the styled reference with its page, footers and marks, prepared once and copied
    parts.py       the copy's parts shared with the prepared ones until changed; the styles looked up
    page.py        page numbers (fields.py), marks, the annual book's landscape section, the annexes' unnumbered one
    watermark.py   a mark across the page (a copy's 写), as Word writes a watermark
    numbering.py   numbering.xml for an agreement's articles, paragraphs and items
    blocks.py      each block to paragraphs or tables (tables.py)
    paragraphs.py  one paragraph: style, indents, runs, fonts
    line_breaks.py the line breaks the PDF chose, for titles, headings and a list's cells
    styles.py      indents gathered into paragraph styles (本文（字下げ）, 項, 号)
    fields.py      Word fields: page numbers, references to articles, contents

The Word XML plumbing — schema order (ooxml.py), fonts and page set-up
(ooxml_styles.py), saving (ooxml_zip.py) — is beside this package.
"""
from __future__ import annotations

from pathlib import Path

from docx.shared import Length

from ...content import model as m
from ...atomic import write_atomic
from ...spec.style import HouseStyle
from ..ooxml_styles import paragraph_style
from ..ooxml_zip import document_bytes
from .blocks import write_blocks
from .numbering import add_numbering, article_gap, list_levels
from .package import prepared
from .page import landscape_part, landscape_section, unnumbered_part, unnumbered_section
from .paragraphs import Box, Ctx
from .next_styles import follow_headings
from .styles import indent_styles


def render_docx(doc: m.Document, style: HouseStyle, page_numbers: bool | None = None) -> bytes:
    """The DOCX file's bytes; the same model and style always give the same bytes.
    page_numbers: whether the PDF numbers more than one page; it decides what the
    first page's number shows before an application counts the pages (see
    write_footer). None: asked of the PDF's layout, where the footer depends on it."""
    if page_numbers is None:
        page_numbers = _several_pages(doc, style)
    document, width = prepared(style, doc, page_numbers)
    gap = article_gap(doc.blocks)
    lists = add_numbering(document, list_levels(doc.blocks, gap))
    blocks, landscape = doc.blocks, []
    if doc.kind == "annual" and doc.orientation == "portrait":
        blocks, landscape = landscape_part(doc.blocks)
    blocks, unnumbered = unnumbered_part(blocks)
    body = Box(document.element.body, document.part)
    write_blocks(body, blocks, Ctx(style, width, lists=lists, article_gap=gap))
    if unnumbered:                     # an agreement's annexes
        unnumbered_section(document)
        write_blocks(body, unnumbered, Ctx(style, width, lists=lists, article_gap=gap))
    if landscape:
        landscape_section(document, style, doc.kind)
        wide = document.sections[-1]
        width = Length(wide.page_width - wide.left_margin - wide.right_margin).twips
        write_blocks(body, landscape, Ctx(style, width, lists=lists, article_gap=gap))
    indent_styles(document, lists)
    if any(getattr(b, "style", None) == "heading" or getattr(b, "numbering", None) in m.ARTICLE_HEADINGS
           for b in m.walk(doc.blocks)):
        follow_headings(document)      # after it: the styles it names are the final ones
    cp = document.core_properties      # the rest, the same in every document, set in package.py
    # python-docx refuses properties over 255 characters (Word does not); a long
    # subject line is the user's text, kept whole: set on the element directly.
    for prop, value in (("title", doc.title), ("subject", doc.subject), ("creator", doc.author),
                        ("lastModifiedBy", doc.author)):
        cp._element._get_or_add(prop).text = value
    if not doc.subject:                # a notice without a header line: no dc:subject, not an empty one
        subject = cp._element._get_or_add("subject")
        subject.getparent().remove(subject)
    cp.language = doc.lang
    return document_bytes(document)


def _several_pages(doc: m.Document, style: HouseStyle) -> bool:
    """Whether the PDF of `doc` numbers more than one page (its layout's count). It
    was taken to, and a one-page document's first page stored - 1 -, which
    LibreOffice prints (fields.if_more_pages). The annual book's and the one-page
    overview sheet's footers do not depend on it: no layout is made for them."""
    if doc.kind == "annual" or doc.fit_one_page:
        return True
    for block in m.walk(doc.blocks):               # a style the house lacks: the DOCX writer's
        name = getattr(block, "style", None)       # refusal (an InputError), before the PDF's layout
        if name is not None and not isinstance(block, m.Table):
            paragraph_style(style, name)
    from ..pdf import render_pdf_layout
    return render_pdf_layout(doc, style)[2] > 1


def write_docx(doc: m.Document, style: HouseStyle, out: Path) -> None:
    write_atomic(Path(out), render_docx(doc, style))
