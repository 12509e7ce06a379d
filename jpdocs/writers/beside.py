"""A cell set beside the one before it in its row (model.Cell valign="beside"): a
person's name on the line of the title's last line, whatever follows the name (the
item's others: ほか関係者　約100名) on the lines under it. Set at the bottom of the row
as both cells are (the title's first lines, an organisation on a line of its own,
above the name), a name cell of two lines put the title beside its second line, with
the others, and left the name beside nothing (seen: 長野県林務部's 出席者).

Where the name's cell is one line, both cells keep the bottom of the row: the title's
last line is beside it either way, and the page is as it always was."""
from __future__ import annotations

from reportlab.lib.enums import TA_LEFT
from reportlab.platypus import Flowable, Paragraph

from .paragraph_styles import paragraph_style


def _lines(cell: list[Flowable], width: float) -> tuple[int, float] | None:
    """The lines of a cell of one paragraph at `width`, and its leading; None for
    anything else (measured as the table will set it: wrap, then its lines)."""
    if len(cell) != 1 or not isinstance(cell[0], Paragraph):
        return None
    cell[0].wrap(width, 1e6)
    return len(cell[0].blPara.lines), cell[0].style.leading


def beside(before: list[Flowable], cell: list[Flowable], before_width: float,
           width: float, lead: int = 0) -> tuple[str, str, float]:
    """How the two cells are set: the valign of the cell before, this cell's, and
    the space added above this cell (points). A cell that is not one paragraph, or a
    name of one line, keeps the bottom of the row. `lead`: the full-width spaces the
    cell begins with (the gap after the title): its further lines start after them,
    under the name."""
    own, title = _lines(cell, width), _lines(before, before_width)
    if own is None or title is None or own[0] <= 1:
        return "BOTTOM", "BOTTOM", 0.0
    # flush left: the name's line ends where the others go under it, not spread
    # across the cell (塩　入　　茂　（　立　会　者　）)
    para = cell[0]
    em = para.style.fontSize * lead
    para.style = paragraph_style(para.style.name + "-left", parent=para.style, alignment=TA_LEFT,
                                 leftIndent=para.style.leftIndent + em, firstLineIndent=para.style.firstLineIndent - em)
    para.__dict__.pop("_jl_cache", None)     # composed justified: composed again (composer.py)
    para.wrap(width, 1e6)
    # both from the top: the name's first line one title-line short of the title's
    # height, so on its last line; the row grows by the name's further lines
    return "TOP", "TOP", (title[0] - 1) * title[1]
