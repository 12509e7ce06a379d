"""Document model → PDF, with reportlab's platypus.

Fonts are the house style's (BIZ UD Mincho and Gothic), embedded as subsets; the
canvas starts in the body font so that reportlab adds no Helvetica. The file is
byte-identical on rebuild (invariant mode) and its /ID is a digest of its content,
because reportlab derives the ID from the metadata alone and two different
notices with the same title would otherwise share one.
"""
from __future__ import annotations

import io
from pathlib import Path

from reportlab.platypus.doctemplate import LayoutError

from .. import collector
from ..content import model as m
from ..files import FileChanged
from ..fonts.registry import check_unchanged as check_fonts_unchanged
from ..atomic import write_atomic
from ..spec.style import HouseStyle
from .geometry import FRAME_PAD as _FRAME_PAD   # reportlab's Frame padding, each side
from .blocks import BlockBuilder
from .fit import fit_style
from .flowables import BreakPlace, HalfPageBreak, SealBox, TextEnd, TextPageBreak
from .pages import content_id, doc_template, numbered_canvas, page_marks, page_size, text_width
from .problems import too_large


def render_pdf(doc: m.Document, style: HouseStyle) -> bytes:
    return render_pdf_layout(doc, style)[0]


def render_pdf_layout(doc: m.Document, style: HouseStyle, forms: bool = False,
                      breaks: list[BreakPlace] | None = None) -> tuple[bytes, list[SealBox], int]:
    """The PDF, where its seal places landed (in reading order), and its page count
    (a cover's page not counted: the pages the numbers count).
    `forms`: signature fields will be added over the seal places (their Form
    elements are kept in the structure tree for them). `breaks`, if given, gets
    where the spec's new_page breaks fell (flowables.BreakPlace), in order."""
    return collector.call_held_off(_lay_out, doc, style, forms, breaks)


def _lay_out(doc: m.Document, style: HouseStyle, forms: bool,
             breaks: list[BreakPlace] | None = None) -> tuple[bytes, list[SealBox], int]:
    if doc.fit_one_page:
        style = fit_style(doc, style, doc.title)   # a no-op for a style the build has fitted already
    builder = BlockBuilder(style, page_size(doc), people=doc.people)
    tree = builder.node
    buf = io.BytesIO()
    template = doc_template(doc, style, buf, builder)
    story = builder.blocks(doc.blocks, text_width(template))
    if breaks is not None:
        story = with_text_end(story, builder.breaks)
    marks = {}
    if doc.marks:
        on_page = page_marks(doc.marks, builder.font["mincho"])
        marks = {"onFirstPage": on_page, "onLaterPages": on_page}
    pages: list[int] = []
    try:
        def every_page(total: int) -> int:        # and the count, for the caller
            pages.append(total)
            return total
        template.build(story, canvasmaker=numbered_canvas(builder.styles["body"].fontName, 9, every_page, tree,
                                                          forms, cover=doc.cover), **marks)
    except LayoutError:
        raise too_large(doc.kind, doc.title, template.placing, text_width(template),
                        template.height - 2 * _FRAME_PAD) from None
    except FileChanged:          # a font file cut short as its glyphs were read: say which
        check_fonts_unchanged()
        raise
    if doc.fit_one_page and pages != [1]:
        # fit.py measured it on one page: a difference is a bug, never a reason to ship two pages
        raise RuntimeError(f"the {doc.kind} was measured to fit one page but took {pages[0]}")
    check_fonts_unchanged()      # its glyphs were read from the font files as it was drawn
    if breaks is not None:
        breaks.extend(builder.breaks)
    return content_id(buf.getvalue()), builder.seals, pages[0]


def write_pdf(doc: m.Document, style: HouseStyle, out: Path) -> None:
    write_atomic(out, render_pdf(doc, style))


def _spec_break(f) -> bool:
    """Whether flowable `f` is, or holds, a break of the spec's (new_page). (Not a function
    nested in with_text_end: one that calls itself is a cycle with its closure, left to
    the collector at every document's end.)"""
    return (isinstance(f, TextPageBreak) and bool(f.key)) or any(_spec_break(g) for g in getattr(f, "_content", ()))


def with_text_end(story: list, found: list) -> list:
    """The story with a TextEnd where an agreement's text ends, if it has a break of the
    spec's (new_page): before the page break of a text in another language or of the
    first annex (the first break of the story that is no new_page: a cover's is a plain
    PageBreak), else at the end. It draws nothing: the PDF is the same."""
    if not any(_spec_break(f) for f in story):
        return story
    at = next((i for i, f in enumerate(story) if isinstance(f, HalfPageBreak)
               or (isinstance(f, TextPageBreak) and not f.key)), len(story))
    return story[:at] + [TextEnd(found)] + story[at:]
