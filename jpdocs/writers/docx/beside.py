"""Cells set by the one before them, in Word: a seal place on the last line of its block
(model.Cell valign="last_line", writers/last_line.py: last_line_of), and a cell set beside
the one before it (model.Cell valign="beside", writers/beside.py): both cells set at the bottom of the row, where the PDF has the name on one
line; where the PDF's name cell runs to a further line (the item's others under the
name: ほか関係者　約100名), both from the top, the name's cell broken where the PDF
breaks it (after its full-width space: the others kept whole), flush left, and as
far down as the title's lines above its last, so that the name stands beside it."""
from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import Paragraph

from ...content import model as m
from ..jlreq import AT_SPACES
from ..last_line import last_line_centre
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


def last_line_of(ctx: Ctx, before: m.Cell, width: float) -> float | None:
    """How far below its top the PDF sets the centre of the last line of `before` (a
    signature block's lines and the spaces between them) at `width` (points); None
    where it holds anything else, or ends in no line."""
    from reportlab.platypus import Spacer
    from ..tags import Node
    from .line_breaks import _builder
    flowables = []
    for b in before.blocks:
        if isinstance(b, m.Spacer):
            flowables.append(Spacer(1, b.height))
        elif isinstance(b, m.Paragraph):
            flowables.append(_builder(ctx.style).paragraph(replace(b, align=b.align or before.align),
                                                           phrases=b.breaks or False, node=Node("P")))
        else:
            return None
    return last_line_centre(flowables, width)
