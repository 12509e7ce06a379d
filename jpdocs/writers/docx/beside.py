"""A cell set beside the one before it (model.Cell valign="beside", writers/beside.py)
in Word: both cells set at the bottom of the row, where the PDF has the name on one
line; where the PDF's name cell runs to a further line (the item's others under the
name: ほか関係者　約100名), both from the top, the name's cell broken where the PDF
breaks it (after its full-width space: the others kept whole), flush left, and as
far down as the title's lines above its last, so that the name stands beside it."""
from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import Paragraph

from ...content import model as m
from ..jlreq import AT_SPACES
from .paragraphs import Ctx


def _pdf_lines(ctx: Ctx, cell: m.Cell, width: float) -> tuple[int, float] | None:
    """The lines the PDF sets a cell of one paragraph in at `width` (points), and their
    leading; None for any other cell."""
    if len(cell.blocks) != 1 or not isinstance(cell.blocks[0], m.Paragraph):
        return None
    from ..tags import Node
    from .line_breaks import _builder
    p = cell.blocks[0]
    flow = _builder(ctx.style).paragraph(replace(p, align=p.align or cell.align), phrases=p.breaks or False,
                                         node=Node("P"))
    if not isinstance(flow, Paragraph):
        return None
    flow.wrap(width, 1e6)
    return len(flow.blPara.lines), flow.style.leading


def beside_cells(ctx: Ctx, before: m.Cell, cell: m.Cell, before_width: float,
                 width: float) -> tuple[m.Cell, m.Cell, float]:
    """The two cells as Word sets them (widths in points, inside the cells' margins),
    and the room above the second's first line (points: tables.py gives it as the
    paragraph's space before, a cell's top margin LibreOffice gives the whole row)."""
    own, title = _pdf_lines(ctx, cell, width), _pdf_lines(ctx, before, before_width)
    if own is None or title is None or own[0] <= 1:
        return replace(before, valign="bottom"), replace(cell, valign="bottom"), 0.0
    p = cell.blocks[0]
    text = m.plain_text(p.inlines)
    lead = len(text) - len(text.lstrip("\u3000"))    # the gap after the title: further lines under the name
    name = replace(p, align="left", breaks=AT_SPACES, left_indent=p.left_indent + lead,
                   first_indent=p.first_indent - lead)
    return (replace(before, valign="top"), replace(cell, blocks=[name], valign="top", align="left"),
            (title[0] - 1) * title[1])
