"""A table's reportlab object made once per shape and copied for each table of that
shape (writers/block_table.py, table): a notice's contact box and its 記's
table of signers have the same rows, columns, widths and style commands from one
notice to the next, whatever their cells say.

reportlab's `Table` makes a CellStyle a cell and takes its style commands one at a
time (`setStyle`: each command's coordinates checked and normalised, a cell's
commands set through `_setCellStyle`'s chain of tests, a rule's defaults filled in),
and the commands' colours were made anew (`HexColor`) for each table: ~0.15 M
instructions a table. What that leaves on the Table depends only on `_key`: the
number of rows and of columns, the widths, the values every cell is given
(flowables.set_every_cell), the commands (their colours by the house style's values)
and the rows repeated, never on what the cells hold (`Table.__init__` only counts
them, and keeps the rows it is given: `normalizeData` copies each row, turning None
into '' and leaving a list or a string as it is). A copy is given the table's own
rows, its own CellStyles (a split gives them commands) and its own lists and dicts,
one level deep, each aliasing the copies where the made one aliases the originals
(`_rowHeights` is `_argH`, `_colWidths` is `_argW`); what it shares with the made
one, the commands' tuples and colours, is never changed in place.

Bounded (`_LIMIT` shapes, forgotten all at once when full); the made tables hold no
cells, so no document's flowables are kept, and the same table is the same object's
copy whatever was built before it (tests/test_table_shapes.py)."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import TableStyle

from .flowables import MeasuredTable, set_every_cell

_LIMIT = 64
_MADE: dict[tuple, MeasuredTable] = {}

# the style commands whose colour is a house style's value (a hex string) here:
# command → the index of its colour
_COLOURED = {"BACKGROUND": 3, "GRID": 4, "BOX": 4}


def shaped_table(data: list[list], widths: list[float], every: dict, cmds: list[tuple],
                 repeat_rows: int) -> MeasuredTable:
    """MeasuredTable(data, colWidths=widths, hAlign="LEFT", repeatRows=repeat_rows),
    every cell given `every` (set_every_cell), then `cmds` as a TableStyle, each
    colour in them a hex string (`_COLOURED`): made once per shape (module
    docstring). A row that is not as long as the widths (reportlab pads it) is made
    as reportlab makes it."""
    ncols = len(widths)
    if not data or not ncols or any(len(row) != ncols for row in data):
        return _made(data, widths, every, cmds, repeat_rows)
    key = (len(data), tuple(widths), tuple(every.items()), tuple(cmds), repeat_rows)
    made = _MADE.get(key)
    if made is None:
        if len(_MADE) >= _LIMIT:
            _MADE.clear()
        made = _MADE[key] = _made([[""] * ncols for _ in data], widths, every, cmds, repeat_rows)
    return _copy(made, data)


def _made(data, widths, every, cmds, repeat_rows) -> MeasuredTable:
    table = MeasuredTable(data, colWidths=list(widths), hAlign="LEFT", repeatRows=repeat_rows)
    set_every_cell(table, every)
    coloured = []
    for cmd in cmds:
        at = _COLOURED.get(cmd[0])
        if at is not None:
            cmd = (*cmd[:at], colors.HexColor(cmd[at]), *cmd[at + 1:])
        coloured.append(cmd)
    table.setStyle(TableStyle(coloured))
    return table


def _copy(made: MeasuredTable, data: list[list]) -> MeasuredTable:
    d = made.__dict__.copy()
    copies: dict[int, object] = {}
    for name, value in d.items():
        kind = type(value)
        if kind is list or kind is dict:
            got = copies.get(id(value))
            if got is None:
                got = copies[id(value)] = value.copy()
            d[name] = got
    d["_cellvalues"] = [["" if cell is None else cell for cell in row] for row in data]   # (normalizeData)
    styles = []
    for row in made._cellStyles:
        copied = []
        for style in row:
            c = object.__new__(type(style))
            c.__dict__ = style.__dict__.copy()
            copied.append(c)
        styles.append(copied)
    d["_cellStyles"] = styles
    new = object.__new__(type(made))
    new.__dict__ = d
    return new
