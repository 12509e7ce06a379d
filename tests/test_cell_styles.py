"""flowables.set_every_cell gives a table's cells the styles reportlab's style
commands over the whole table give them, the later commands of some cells still
applied over them."""
from __future__ import annotations


def _table(style_every: bool):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle
    from jpdocs.writers.flowables import set_every_cell
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=10, leading=12)
    data = [[Paragraph(f"cell {r} {c}", style) for c in range(3)] for r in range(4)]
    every = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), "Courier"),
             ("LEFTPADDING", (0, 0), (-1, -1), 3.5), ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
             ("TOPPADDING", (0, 0), (-1, -1), 3.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)]
    some = [("VALIGN", (1, 2), (1, 2), "BOTTOM"), ("TOPPADDING", (2, 1), (2, 1), 9.0),
            ("SPAN", (0, 3), (1, 3)), ("BACKGROUND", (0, 0), (0, 0), colors.red),
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black)]
    table = Table(data, colWidths=[60, 60, 60])
    if style_every:
        set_every_cell(table, dict(valign="TOP", fontname="Courier", leftPadding=3.5, rightPadding=3.5,
                                   topPadding=3.5, bottomPadding=3.5))
        table.setStyle(TableStyle(some))
    else:
        table.setStyle(TableStyle(every + some))
    return table


def test_every_cell_styled_directly_as_by_the_commands():
    direct, commands = _table(True), _table(False)
    for row_d, row_c in zip(direct._cellStyles, commands._cellStyles, strict=True):
        for d, c in zip(row_d, row_c, strict=True):
            assert vars(d) == vars(c)
    for name in ("_linecmds", "_bkgrndcmds", "_spanCmds", "_srflcmds", "_sircmds", "_nosplitCmds"):
        assert getattr(direct, name) == getattr(commands, name), name
    assert direct.wrap(200, 1000) == commands.wrap(200, 1000)
    assert direct._cellStyles[2][1].valign == "BOTTOM" and direct._cellStyles[1][2].topPadding == 9.0
