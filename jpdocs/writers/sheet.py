"""Two A4 pages side by side on one A3 sheet (agreement.pages_per_sheet: 2).

Offices that print an agreement of two pages on one A3 sheet, folded in half, have
no page join to seal across (契印): the signed copies of 赤磐市, 府中市, 国立市 and 横瀬町
with クライシスマッパーズ・ジャパン are such sheets, 第１条 to 第５条 on the left and 第６条 to
the signatures on the right. The text flows down the left half, then the right, each
half an A4 page with the house's margins; the halves are numbered as pages (- 1 -,
- 2 -, under each half), the marks of a draft, an original or a copy stand over each
half that holds text, and the page count is the count of halves that hold text (the
DOCX keeps A4 pages: Word prints them two to a sheet with its own setting).
"""
from __future__ import annotations

from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from .flowables import HalfPageBreak, TextPageBreak
from .frame import use_text_frames
from .placing import Placing

SHEET = landscape(A3)
HALF = A4[0]          # an A3 sheet's long side is two A4 pages' short sides
LEFT, RIGHT = "left-half", "right-half"


class SheetTemplate(Placing, BaseDocTemplate):
    """A doc template of A3 sheets, each with two frames, the halves' text areas."""

    def __init__(self, buf, **settings):
        super().__init__(buf, pagesize=SHEET, **settings)
        self.jp_halves = 2

    def _calc(self):
        super()._calc()
        self.width = HALF - self.leftMargin - self.rightMargin    # one half's text

    def build(self, flowables, onFirstPage=None, onLaterPages=None, canvasmaker=None):
        self._calc()
        frames = [Frame(self.leftMargin + k * HALF, self.bottomMargin, self.width, self.height, id=name)
                  for k, name in enumerate((LEFT, RIGHT))]
        page = PageTemplate(id="sheet", frames=frames, pagesize=SHEET)
        self._jp_marks = onFirstPage               # the marks (pages.page_marks): see handle_frameBegin
        self.addPageTemplates([page])
        use_text_frames(self)
        try:
            super().build(flowables, canvasmaker=canvasmaker)
        finally:
            self._nameSpace = {}     # (as pages._Template: the build's cycle, broken)

    def handle_frameBegin(self, *args, **kwargs):
        # the marks of a half, drawn as the text enters it (under that half's text):
        # a last sheet's right half that no text reaches, or a cover's, carries none
        half = 1 if self.frame.id == RIGHT else 0
        if self._jp_marks:
            self._jp_marks(self.canv, self, half)
        self.canv.jp_half = half         # where the annexes begin (flowables.NumbersEnd)
        super().handle_frameBegin(*args, **kwargs)

    def handle_flowable(self, flowables):
        # the annexes begin on the next half, as the text's own breaks (new_page) do: a
        # signed copy's next page is the folded sheet's other side, not a new sheet
        if flowables and type(flowables[0]) is HalfPageBreak:
            flowables[0] = TextPageBreak()
        super().handle_flowable(flowables)

    def beforeDocument(self):
        self.canv.jp_halves = 2          # the canvas numbers the halves (pages.NumberedCanvas)

    def afterFlowable(self, flowable):
        # where the text ends: a last sheet whose right half holds nothing has one page
        if self.frame is not None:       # (none between pages)
            self.canv.jp_last_half = 1 if self.frame.id == RIGHT else 0
