"""A table of the document model laid out for the PDF: its columns' widths, its cells'
blocks made by the story's BlockBuilder (blocks.py, which passes itself: the cells
are set in its state), the structure's Table, TR and TH/TD where it is ruled."""
from __future__ import annotations

from dataclasses import replace

from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Table

from ..content import model as m
from .beside import beside
from .columns import first_column_fit, first_widths, fitted_widths, label_widths
from .house_memo import kept
from .problems import too_narrow
from .table_shapes import shaped_table

_CELL_PAD = 4.0
# (`builder` is a blocks.BlockBuilder, named in the annotations only: blocks imports this module)


def table(builder: "BlockBuilder", t: m.Table, width: float) -> Table:
    """A table of the model as a reportlab Table, its cells' blocks made by `builder`,
    whose state this sets for each cell (its structure node, colour and ruled state)."""
    pad = t.padding if t.padding is not None else (_CELL_PAD if t.border != "none" else 1.0)
    widths = [f * width for f in _fitted_widths(builder, t, width, pad)]
    # Every cell's style: what the commands VALIGN TOP, FONTNAME and the four
    # paddings over (0, 0)-(-1, -1) set, set directly (flowables.set_every_cell, in table_shapes.py);
    # `cmds`, the commands of some cells, follow them as they followed in one
    # TableStyle. FONTNAME: reportlab's cell default is Helvetica, which it would
    # reference (unembedded) even though every cell holds paragraphs.
    every = dict(valign="TOP", fontname=builder.font["mincho"], leftPadding=pad, rightPadding=pad,
                 topPadding=pad, bottomPadding=pad)
    data, cmds = [], []
    # A ruled table is a Table of the structure; a layout table (no rules: the
    # overview's boxes, the signature blocks) is not one: its cells read in order.
    outer_node = builder.node
    table_node = outer_node.add("Table") if t.border != "none" else None
    for r, row in enumerate(t.rows):
        cells, c = [], 0
        row_node = table_node.add("TR") if table_node else None
        for cell in row:
            span_w = sum(widths[c:c + cell.colspan])
            blocks = [_cell_paragraph(b, cell) for b in cell.blocks]
            if span_w <= 2 * pad:        # reportlab fails on a cell of no width
                text = "".join(m.plain_text(b.inlines) for b in m.walk(cell.blocks) if hasattr(b, "inlines"))
                problem = too_narrow("document", "", text, span_w, pad)
                problem.table = t          # for the template's line that printed it (build/documents.py)
                raise problem
            outer = builder.colour
            if cell.colour:
                builder.colour = colors.HexColor(builder.house.colours[cell.colour])
            if row_node:
                attrs = {"O": "Table"}
                if cell.header:
                    attrs["Scope"] = "Row" if cell.header == "row" else "Column"
                if cell.colspan > 1:
                    attrs["ColSpan"] = cell.colspan
                builder.node = row_node.add("TH" if cell.header else "TD",
                                         attrs=attrs if len(attrs) > 1 else None, alt=cell.alt)
            ruled, builder.in_ruled_cell = builder.in_ruled_cell, t.border != "none"
            cells.append(builder.blocks(blocks, span_w - 2 * pad))
            builder.in_ruled_cell = ruled
            builder.node = outer_node
            builder.colour = outer
            if cell.colspan > 1:
                cmds.append(("SPAN", (c, r), (c + cell.colspan - 1, r)))
                cells.extend([""] * (cell.colspan - 1))
            if cell.shade:
                cmds.append(("BACKGROUND", (c, r), (c, r), builder.house.colours[cell.shade]))
            if cell.valign == "beside" and c > 0:
                # the name's first line beside the title's last (beside.py)
                first = cell.blocks[0] if cell.blocks else None
                text = m.plain_text(first.inlines) if isinstance(first, m.Paragraph) else ""
                mine, own, above = beside(cells[-2], cells[-1], widths[c - 1] - 2 * pad, span_w - 2 * pad,
                                          len(text) - len(text.lstrip("\u3000")))
                cmds += [("VALIGN", (c - 1, r), (c - 1, r), mine), ("VALIGN", (c, r), (c, r), own)]
                if above:
                    cmds.append(("TOPPADDING", (c, r), (c, r), pad + above))
            elif cell.valign not in ("top", "beside"):    # beside nothing (a first cell): the top
                cmds.append(("VALIGN", (c, r), (c, r), cell.valign.upper()))
            if cell.align in ("center", "right") and any(isinstance(b, m.Image) for b in cell.blocks):
                # a picture narrower than its cell (a photo's caption centred under it):
                # reportlab places a cell's flowables by the cell's ALIGN, not their own
                cmds.append(("ALIGN", (c, r), (c, r), cell.align.upper()))
            c += cell.colspan
        data.append(cells)
    rule = builder.house.colours["rule"]
    if t.border == "grid":
        cmds.append(("GRID", (0, 0), (-1, -1), 0.6, rule))
    elif t.border == "box":
        cmds.append(("BOX", (0, 0), (-1, -1), 0.6, rule))
    # a ruled table headed by a row of column heads (a notice's section table, an
    # article's): the row heads each page the table runs onto, as a reader looks for it
    # (made once per shape and copied: table_shapes.py; the commands' colours are
    # the house style's values, made reportlab colours there)
    table = shaped_table(data, widths, every, cmds, 1 if t.heading_row() else 0)
    return KeepTogether([table]) if t.keep_together else table


def _fitted_widths(builder: "BlockBuilder", t: m.Table, width: float, pad: float) -> list[float]:
    """columns.fitted_widths, a first column fitted to its labels remembered per house
    style (BlockBuilder._house_memo) by all the fitting reads (columns.first_column_fit): a
    notice's contact boxes are labelled alike in every notice of an office, and
    measuring the labels' phrases was ~0.14 M instructions a notice. What the labels
    ask is remembered (columns.label_widths); the second column is read after, and
    only where a label is longer than a third (columns.first_widths)."""
    fit = first_column_fit(t)
    if fit is None:
        return fitted_widths(t, width, pad, builder.house)
    labels = kept(builder.memo.widths, (fit, width, pad), lambda: label_widths(t, width, pad, builder.house))
    return first_widths(t, labels, width, pad, builder.house)


def _cell_paragraph(b: m.Block, cell: m.Cell) -> m.Block:
    """Bare cell text takes the table's style and the cell's alignment."""
    if isinstance(b, m.Paragraph) and cell.align and not b.align:
        return replace(b, align=cell.align)
    return b
