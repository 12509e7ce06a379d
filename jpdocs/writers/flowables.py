"""The flowables the PDF builder adds to reportlab's: a tracked line (報 道 機 関 各 位),
the seal place of a signature block, a picture tagged as a Figure, the text's own
page break and the annexes', and a table measured once per width, its backgrounds
and rules drawn from memory (table_lines.py)."""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (Flowable, Image, PageBreak, Table)
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.frames import _FUZZ

from ..fonts import registry as fonts
from ..content import model as m
from . import table_lines
from .composer import JParagraph
from .tags import TaggingCanvas


class TrackedLine(Flowable):
    """A line set with extra space between its characters (報 道 機 関 各 位,
    項　目). The space is character spacing, not inserted spaces, so the text
    stays the user's. A line break in the text (a newline in the value) starts a
    new line, each set the same way: it is never drawn as a glyph. `link`: the address
    each line links to (m.Paragraph.link), its area from the first glyph to the end of
    the last as drawn (the spacing after it none of the line's). `changed`: the indices
    of the text's characters a corrected release changed, and the house's colour for
    them (赤字): those glyphs are filled in it, placed as the others are."""

    def __init__(self, text: str, font: str, size: float, leading: float, tracking: float, align: str,
                 colour=colors.black, fallbacks: list[str] = (), link: str = "",
                 changed: tuple = (frozenset(), None)):
        super().__init__()
        self.link = link
        self.text, self.font, self.size, self.leading = text, font, size, leading
        self.char_space, self.align, self.colour = tracking * size, align, colour
        self.lines = [(line, fonts.runs_by_font(line, font, list(fallbacks))) for line in text.split("\n")]
        # (the colour parsed only where a character is changed: reportlab's toColor
        # loads its safe eval, with ast, which a notice otherwise never needs)
        chars = changed[0]
        red = colors.toColor(changed[1]) if chars and changed[1] else colour
        # each line's runs cut where its characters change colour: (chunk, font, colour)
        self.coloured, at = [], 0
        for line, runs in self.lines:
            if not chars:                                # (most lines: nothing changed)
                self.coloured.append([[chunk, name, colour] for chunk, name in runs])
                continue
            pieces = []
            for chunk, name in runs:
                for k, ch in enumerate(chunk):
                    fill = red if at + k in chars else colour
                    if pieces and pieces[-1][1] == name and pieces[-1][2] is fill:
                        pieces[-1][0] += ch
                    else:
                        pieces.append([ch, name, fill])
                at += len(chunk)
            self.coloured.append(pieces)
            at += 1                                      # the newline

    def wrap(self, avail_width, avail_height):
        self.avail = avail_width
        return avail_width, self.leading * len(self.lines)

    def draw(self):
        node = getattr(self, "jp_node", None)
        canv = self.canv
        tagged = node is not None and isinstance(canv, TaggingCanvas) and canv.jp_first_draw(self)
        for i, (line, runs) in enumerate(self.lines):
            if not line:
                continue
            if tagged:
                canv.jp_text((node, None))
            width = (sum(pdfmetrics.stringWidth(chunk, name, self.size) for chunk, name in runs)
                     + self.char_space * (len(line) - 1))
            x = {"center": (self.avail - width) / 2, "right": self.avail - width}.get(self.align, 0)
            y = (len(self.lines) - 1 - i) * self.leading
            t = self.canv.beginText(x, y + (self.leading - self.size) / 2 + self.size * 0.12)
            t.setFillColor(self.colour)
            t.setCharSpace(self.char_space)
            now = self.colour
            for chunk, name, fill in self.coloured[i]:
                if fill is not now:                     # (a line of one colour drawn as before)
                    t.setFillColor(fill)
                    now = fill
                t.setFont(name, self.size, self.leading)
                t.textOut(chunk)
            if self.link:
                # added while the text object is open: a tagged line's annotation is
                # its Link element's (TaggingCanvas._addAnnotation)
                self.canv.linkURL(self.link, (x, y, x + width, y + self.leading), relative=1)
            self.canv.drawText(t)


class NumbersEnd(Flowable):
    """Nothing drawn, first on the page after a page break where the numbered pages
    end (an agreement's annexes): it tells the canvas (pages.NumberedCanvas) how many
    pages came before, an A3 sheet's halves (sheet.py) counted as pages (the annexes
    begin on the next half, HalfPageBreak: the sheet's right one, jp_half, or the next
    sheet's left)."""

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        canv = self.canv
        canv.jp_numbers_end = ((canv.getPageNumber() - 1) * getattr(canv, "jp_halves", 1)
                               + getattr(canv, "jp_half", 0))


class TextPageBreak(ActionFlowable):
    """A new page where the spec begins one in the text (an agreement's new_page; or an
    annex after the first, whose break has no `key`, nothing to record): the
    frame ends, so that on an A3 sheet of two pages (sheet.py) the text goes on in the
    next half, not on the next sheet as reportlab's PageBreak would send it; a page of
    one frame ends as with PageBreak. Where a page (or half) has just begun, nothing:
    the spec's break is already there, and Word's pageBreakBefore adds no empty page
    either."""

    def __init__(self, key: str = "", found: list | None = None):
        super().__init__(("frameEnd",))
        self.key, self.found = key, found

    def apply(self, doc):
        if doc.frame is None or doc.frame._atTop:
            self._record(doc, 0)
            return
        self._record(doc, 1)
        super().apply(doc)

    def _record(self, doc, ends: int) -> None:
        """Where it fell, counted in pages as the numbers count them (an A3 sheet's
        halves each one): the last page holding the text before it, and the page the
        text after it begins (`ends`: 1 where it ends the page it is on; 0 where the
        page had just begun, and the break added none)."""
        if self.found is None or not self.key or doc.frame is None:
            return          # (no frame: between pages, after another break; nothing to tell)
        here = page_index(doc)
        self.found.append(BreakPlace(self.key, here - 1 + ends, here + ends, at_top=not ends))


def page_index(doc) -> int:
    """The page the layout is on, from the first (0), an A3 sheet's halves each one."""
    frames = doc.pageTemplate.frames
    return (doc.page - 1) * len(frames) + frames.index(doc.frame)


class TextEnd(ActionFlowable):
    """Nothing drawn, after an agreement's signatures (before a text in another language
    or the annexes, else at the end): records the page the text ends on, as a BreakPlace
    with `end`, so that build/page_notes.py can tell where the text after the spec's
    last new_page ran onto a further page."""

    def __init__(self, found: list):
        super().__init__()
        self.found = found

    def apply(self, doc):
        if doc.frame is not None:
            here = page_index(doc)
            self.found.append(BreakPlace("", here, here + 1, end=True))


@dataclass(frozen=True)
class BreakPlace:
    """Where a new_page of the spec fell (TextPageBreak), in pages from the first (0),
    an A3 sheet's halves counted as pages: `last` holds the end of the text before it,
    `next` begins the text after it. build/page_notes.py tells where the text before
    it took more than one page. `at_top`: it fell where a page had just begun and added
    none; `end`: not a break but where the text ends (TextEnd)."""
    key: str
    last: int
    next: int
    at_top: bool = False
    end: bool = False


class HalfPageBreak(PageBreak):
    """The page break before an agreement's annexes: reportlab's PageBreak, but on an
    A3 sheet of two pages (sheet.py) the next half, as the text's own breaks are
    (TextPageBreak), not the next sheet."""


@dataclass(frozen=True)
class SealBox:
    """Where a seal place landed: page index (0-based) and the square in PDF points."""
    field: str
    page: int
    box: tuple[float, float, float, float]   # x0, y0, x1, y1 from the bottom left


class SealPlace(Flowable):
    """The seal place of a signature block: `mark` (印) in a thin circle, centred in a
    square (nothing, when the mark is empty). draw() records the square's absolute
    position and page, so the caller can put a signature field exactly over it,
    wherever the layout put the block."""

    def __init__(self, seal: m.Seal, font: str, found: list):
        super().__init__()
        self.seal, self.font, self.found = seal, font, found
        self.width = self.height = seal.size

    def wrap(self, avail_width, avail_height):
        return self.seal.size, self.seal.size

    def draw(self):
        size, c = self.seal.size, self.canv
        if self.seal.mark:            # no mark: a blank place (a text that has no seals pressed)
            r, text_size = size * 0.26, size * 0.2
            c.saveState()
            c.setStrokeColor(colors.black)
            c.setLineWidth(0.5)
            c.circle(size / 2, size / 2, r, stroke=1, fill=0)
            c.setFillColor(colors.black)
            c.setFont(self.font, text_size)
            c.drawCentredString(size / 2, size / 2 - text_size * 0.36, self.seal.mark)
            c.restoreState()
        x0, y0 = c.absolutePosition(0, 0)
        x1, y1 = c.absolutePosition(size, size)
        self.found.append(SealBox(self.seal.field, c.getPageNumber() - 1, (x0, y0, x1, y1)))


class Figure(Image):
    """A picture, marked as the content of its Figure element (its /Alt is the text)."""

    def draw(self):
        node, canv = getattr(self, "jp_node", None), self.canv
        if node is None or not isinstance(canv, TaggingCanvas) or not canv.jp_first_draw(self):
            return super().draw()
        canv.jp_begin(node)
        super().draw()
        canv.jp_end()


class MeasuredTable(Table):
    """reportlab's Table, not measured again where the answer cannot change.

    A table kept together (a notice's contact boxes) is measured twice where it is
    placed: by its KeepTogether, with an endless height, and by the frame, with the
    height left. reportlab measures every row anew each time, each cell's
    paragraphs wrapped again. What `_calc` finds depends on the width, the canvas
    and the height only through its long-table shortcut, which stops measuring rows
    once they pass the height given: a measure that went to the last row (its height
    within the height given) is what a new one at the same width gives whenever
    the new height holds it as well. Drawn, its cells' paragraphs are not measured
    again where that measure stands (`_listCellGeom`), and its backgrounds and rules
    are played from memory where a table of the same geometry drew them
    (table_lines.py)."""

    _jp_measured = None       # (width, canvas) of the last measure that reached the last row

    def wrap(self, availWidth, availHeight):
        canvas = getattr(self, "canv", None)
        if self._jp_measured == (availWidth, canvas) and self._height <= availHeight:
            self.availWidth = availWidth
            return self._width, self._height
        self._jp_measured = None
        width, height = super().wrap(availWidth, availHeight)
        if height <= availHeight:
            self._jp_measured = (availWidth, canvas)
        return width, height

    def draw(self):
        table_lines.remember(self)                 # (its backgrounds and rules: table_lines.py)
        super().draw()

    def _drawBkgrnd(self):
        table_lines.backgrounds(self, super()._drawBkgrnd)

    def _drawLines(self):
        table_lines.rules(self, super()._drawLines)

    def _listCellGeom(self, V, w, s, W=None, H=None, aH=72000):
        """A cell's flowables measured, as reportlab's `_listCellGeom` measures them,
        but where the cell is drawn (`W` given: `_drawCell`) a paragraph whose last
        measure was at this very width is not measured again: it was measured so by
        this table's `_calc`, and `Paragraph.wrap` depends on nothing but the width
        (not the height, not the canvas), setting `width` first and then `blPara`
        and `height`. Its `breakLinesCJK` (composer.py) answers a second call at the
        same widths with the lines it keeps, the object its `blPara` is: where they
        are that object (nothing measured it at another width since), a new measure
        would set the same width, lines and height and return (width, height), which
        are read here instead. Anything else is measured as reportlab measures it."""
        if W is None or not isinstance(V, (list, tuple)):
            return super()._listCellGeom(V, w, s, W, H, aH)
        aW = w - s.leftPadding - s.rightPadding
        if aW < _FUZZ:
            return super()._listCellGeom(V, w, s, W, H, aH)
        for v in V:
            d = v.__dict__
            if (type(v) is not JParagraph or d.get("width") != aW or "canv" in d
                    or d.get("blPara") is not d.get("_jl_cache", (None, 0))[1]):
                return super()._listCellGeom(V, w, s, W, H, aH)
        t = wide = 0
        sb0 = sa = None
        for v in V:
            vw, vh = v.width, v.height
            sb = v.getSpaceBefore()
            sa = v.getSpaceAfter()
            W.append(vw)
            H.append(vh)
            wide = max(wide, vw)
            t += vh + sa + sb
            if sb0 is None:
                sb0 = sb
        if sb0 is None:
            return 0, 0
        return wide, t - sb0 - sa


def set_every_cell(table: Table, values: dict) -> None:
    """Every cell's style given these values (CellStyle attributes), as a style
    command over the whole table, (0, 0)-(-1, -1), gives them: reportlab's
    `_addCommand` sets the attribute on each cell's own CellStyle, a command and a
    cell at a time through `_setCellStyle`'s chain of tests (the six commands every
    table of ours starts with were ~0.3 M instructions of a notice); it keeps
    nothing else of such a command."""
    for row in table._cellStyles:
        for cell in row:
            cell.__dict__.update(values)
