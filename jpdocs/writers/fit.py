"""One page, always: shrink-to-fit for documents that must stay on one page (the
overview sheet, `Document.fit_one_page`).

The document's blocks are turned into the PDF writer's flowables and measured the
way reportlab's frame places them (wrap, space before and after, collapsed). When
they are too tall, every text size of the house style shrinks in proportion, in
steps that take the document's smallest text down by 0.5pt, until it fits or that
text has reached `Document.min_size` (8pt: still legible on paper). When they fill
less than nine tenths of the page, the sizes grow in the same steps (to 1.5
times at most) while they still fit, so that a sheet uses its page. Text is never
clipped or dropped: if the document does not fit even then, the build stops with
a message naming the spec and the part that is too tall.

The result is a house style with the settled sizes, so the build can hand the same
style to the DOCX writer and both files show the same sizes.
"""
from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepTogether, Table

from ..content import model as m
from ..errors import LayoutProblem
from ..spec.style import HouseStyle
from .blocks import BlockBuilder
from .pages import doc_template, page_size, text_width
from .problems import flowable_text

STEP = 0.5          # points the smallest text loses per step
_HUGE = 1e6


_last_fit: list = []       # [document, the style fitted for it]


def fit_style(doc: m.Document, style: HouseStyle, source: str) -> HouseStyle:
    """The house style with every text size scaled so that `doc` fits one page.
    `source` (the spec file) names the input in the error when it cannot fit."""
    if not doc.fit_one_page:
        return style
    if _last_fit and _last_fit[0] is doc and _last_fit[1] is style:
        return style           # fitted already: the build fits once for both writers
    fitted = _fit(doc, style, source)
    _last_fit[:] = [doc, fitted]
    return fitted


GROW_BELOW = 0.9    # a sheet whose content fills less of the page than this grows …
GROW_MAX = 1.5      # … its text sizes, at most by this factor, while it still fits


def _fit(doc: m.Document, style: HouseStyle, source: str) -> HouseStyle:
    ref = min(style.styles[name].size for name in styles_used(doc, style))
    size = ref
    while True:
        trial = style if size == ref else scaled(style, size / ref, doc.min_size)
        report = measure(doc, trial)
        if report.fits:
            if size == ref and report.height < GROW_BELOW * report.available:
                return _grow(doc, style, ref)
            return trial
        if size <= doc.min_size:
            raise LayoutProblem(source, report.parts, lambda name, h: report.message(doc, size, name, h))
        # Text's height shrinks about with the square of its size (lines hold more
        # and are lower); content far taller than that could ever make up is tried
        # at the smallest size at once (10,000 items: one measure instead of six).
        hopeless = report.height * (doc.min_size / size) ** 2 > 2 * report.available
        size = doc.min_size if hopeless else max(doc.min_size, size - STEP)


def _grow(doc: m.Document, style: HouseStyle, ref: float) -> HouseStyle:
    """A sheet that would leave a tenth of its page or more empty (many short areas,
    no statements) uses the page: every text size grows in the same steps while the
    sheet still fits, up to GROW_MAX times the house sizes."""
    best, size = style, ref + STEP
    while size <= ref * GROW_MAX + 1e-6:
        trial = scaled(style, size / ref, doc.min_size)
        if not measure(doc, trial).fits:
            break
        best, size = trial, size + STEP
    return best


def scaled(style: HouseStyle, factor: float, floor: float) -> HouseStyle:
    """Every paragraph style's size times `factor`, to the half point, not below `floor`."""
    styles = {name: ps.model_copy(update={"size": max(floor, round(ps.size * factor * 2) / 2)})
              for name, ps in style.styles.items()}
    return style.model_copy(update={"styles": styles})


def styles_used(doc: m.Document, style: HouseStyle) -> set[str]:
    """The paragraph styles of the text the document holds (empty layout cells aside)."""
    names = {b.style for b in m.walk(doc.blocks)
             if isinstance(b, (m.Paragraph, m.Heading, m.Item)) and (b.inlines or getattr(b, "marker", ""))}
    return {n for n in names if n in style.styles} or {"body"}


class Report:
    """The height of a document's content against its page; `parts` are (a reader's
    name, height, text) of each part, so that the one too tall can be named."""

    def __init__(self, height: float, available: float, parts: list[tuple[str, float, str]]):
        self.height, self.available, self.parts = height, available, parts

    @property
    def fits(self) -> bool:
        return self.height <= self.available + 1e-6

    def message(self, doc: m.Document, size: float, name: str, h: float) -> str:
        return (f"the {doc.kind} does not fit on one page even with its smallest text at {size:g}pt:"
                f" it is {self.height - self.available:.0f}pt too tall ({self.height:.0f}pt of content"
                f" for {self.available:.0f}pt of page); the tallest part is {name} ({h:.0f}pt)."
                " Shorten the text there or elsewhere on the page; smaller type would not be legible")


def measure(doc: m.Document, style: HouseStyle) -> Report:
    """Height of the blocks on the page as reportlab's frame would stack them."""
    builder = BlockBuilder(style, page_size(doc), people=doc.people)
    template = doc_template(doc, style, io.BytesIO(), builder)
    frame = Frame(0, 0, template.width, template.height)
    avail_w = frame._getAvailableWidth()
    avail_h = frame._y2 - frame._topPadding - frame._y1p
    canv = Canvas(io.BytesIO())
    y, prev_after, at_top, parts = 0.0, 0.0, True, []
    for block in doc.blocks:
        for f in builder.block(block, text_width(template)):
            before = 0.0 if at_top else max(f.getSpaceBefore() - prev_after, 0)
            _, h = f.wrapOn(canv, avail_w, _HUGE)
            y += before + h
            parts.append((_describe(block, f, canv), h, flowable_text(f)))
            prev_after = f.getSpaceAfter()
            y += prev_after
            at_top = at_top and h == 0
    return Report(y - prev_after, avail_h, parts)


def _describe(block: m.Block, flowable, canv) -> str:
    """A reader's name for a part of the page: its first heading or text; for a
    table, the tallest cell of its tallest row."""
    if isinstance(flowable, KeepTogether) and flowable._content:
        flowable = flowable._content[0]
    if isinstance(block, m.Table) and isinstance(flowable, Table) and flowable._rowHeights:
        r = max(range(len(flowable._rowHeights)), key=lambda i: flowable._rowHeights[i])
        best, best_h = None, -1.0
        col = 0
        for cell in block.rows[r]:
            content = flowable._cellvalues[r][col]
            width = sum(flowable._colWidths[col:col + cell.colspan])
            h = sum(f.wrapOn(canv, width, _HUGE)[1] for f in content) if isinstance(content, (list, tuple)) else 0
            if h > best_h:
                best, best_h = cell, h
            col += cell.colspan
        if best is not None and _first_text(best.blocks):
            return f"the box 「{_first_text(best.blocks)}」"
    text = _first_text([block])
    return f"「{text}」" if text else type(block).__name__.lower()


def _first_text(blocks: list[m.Block], limit: int = 30) -> str:
    """The first heading's text, else the first text at all."""
    found = [b for b in m.walk(blocks) if getattr(b, "inlines", None)]
    heads = [b for b in found if isinstance(b, m.Heading)]
    for b in heads[:1] or found[:1]:
        text = m.plain_text(b.inlines).replace("\n", "")
        return text if len(text) <= limit else text[:limit] + "…"
    return ""
