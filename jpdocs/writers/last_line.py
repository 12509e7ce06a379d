"""A seal place centred on its signature block's last line (model.Cell
valign="last_line"): the signer's name, where a seal is pressed (北見工業大学学長 /
鈴木　聡一郎　㊞), whatever the block's height.

Set at the bottom of the row (the design before), the place, 62 pt square and taller
than two lines, put its 印 under a block of two lines (東久留米市長　並木　克巳: the circle's
centre 9 pt below the name's, reaching 20 pt below the block, in 16 of the real
agreements' seals) and beside the third line of four, the title's, not the name's.
Both writers measure the cell before the seal as the PDF sets it and put the place's
centre at the centre of its last line."""
from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph


def last_line_centre(cell: list[Flowable], width: float) -> float | None:
    """How far below the top of a table cell's content holding `cell` (its flowables,
    set at `width`) the centre of its last line stands, as reportlab's Table stacks
    them (each one's space before and after, less the first's before and the last's
    after); None where the last is not a paragraph (no line to stand on)."""
    if not cell or not isinstance(cell[-1], Paragraph):
        return None
    height = 0.0
    for flowable in cell:
        height += flowable.wrap(width, 1e6)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    height -= cell[0].getSpaceBefore() + cell[-1].getSpaceAfter()
    return height - cell[-1].style.leading / 2
