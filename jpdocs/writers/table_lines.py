"""A table's backgrounds and rules drawn again from memory where a table of the
same geometry drew them before (a notice's contact box, its 記's tables: the same
shape from one notice to the next).

reportlab's `Table._drawBkgrnd` and `_drawLines` go through every style command,
normalise its cells, look up the row and column positions, and write each rule
and shaded rectangle through the canvas's generic calls (`setFillColor`, `rect`,
`setStrokeColor`, `setLineWidth`, `line` …), a few hundred thousand instructions
a notice. The table is drawn after `drawOn`'s translate, in its own coordinates,
so the code they write depends only on what `_key` holds: the row and column
positions and sizes, the spanned cells' rectangles and the blocks a rule stops at,
the background and line commands (colours by their components), and the canvas's
fill rule. What they leave behind on the canvas is known too: the backgrounds set
the fill colour (the last one drawn: the table's own colour object is put back,
found by its command), and the rules are drawn between a save and a restore of
the graphics state, which leave the canvas as it was; the table keeps the last
line width it set (`_curweight`). A colour whose alpha is not 1, or a canvas
whose current alphas are not 1, would write an ExtGState: such a table has no key
and is drawn by reportlab, as is one with other commands (gradients, row or column
background cycles, dashes), rounded corners, a shadow, a render callback, or on a
canvas that draws rules or shapes its own way.

The memory is bounded (`_LIMIT` geometries, forgotten all at once when full) and
holds only code strings: the same table draws the same bytes whatever was drawn
before it (tests/test_table_lines.py)."""
from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

_LIMIT = 256
_DRAWN: dict[tuple, list] = {}          # a geometry → [backgrounds' record, lines' record]

# the canvas's calls the backgrounds and rules are drawn with: a canvas with its own
# version of any is drawn by reportlab
_CALLS = ("setFillColor", "setStrokeColor", "rect", "line", "setLineWidth", "setLineCap",
          "setLineJoin", "setDash", "saveState", "restoreState", "setFillAlpha", "setStrokeAlpha")
_PLAIN_CANVASES: dict[type, bool] = {}


def _plain_canvas(canv) -> bool:
    kind = type(canv)
    plain = _PLAIN_CANVASES.get(kind)
    if plain is None:
        plain = _PLAIN_CANVASES[kind] = all(getattr(kind, n) is getattr(Canvas, n) for n in _CALLS)
    return plain


def _colour(c) -> tuple | None:
    """A colour as its components, or None where it is not a plain opaque Color."""
    if type(c) is not Color or c.alpha != 1:
        return None
    return c.red, c.green, c.blue


def _key(table) -> tuple | None:
    """What the code of `table`'s backgrounds and rules depends on (module
    docstring), or None where it is drawn by reportlab."""
    d = table.__dict__
    if not table._bkgrndcmds and not table._linecmds:
        return None                  # (nothing to draw: reportlab's loops find nothing either)
    if (d.get("_renderCB") or d.get("_shadow") or getattr(table, "_cornerRadii", None)
            or d.get("_roundingRectDef")):
        return None
    canv = table.canv
    if not _plain_canvas(canv) or canv._enforceColorSpace is not None:
        return None
    state = canv._extgstate
    if state.getValue("ca") != 1 or state.getValue("CA") != 1:
        return None
    backgrounds = []
    for cmd, start, end, arg in table._bkgrndcmds:
        colour = _colour(arg)
        if cmd != "BACKGROUND" or colour is None:
            return None
        backgrounds.append((start, end, colour))
    lines = []
    for op, start, end, weight, colour, cap, dash, join, count, space in table._linecmds:
        rgb = _colour(colour)
        if rgb is None or dash is not None:
            return None
        lines.append((op, start, end, weight, rgb, cap, join, count, space))
    spans = d.get("_spanRects")
    blocks = []
    for name in ("_hBlocks", "_vBlocks"):
        b = d.get(name)
        blocks.append(tuple((k, tuple(v)) for k, v in b.items()) if b else None)
    return (canv._fillMode, table._nrows, table._ncols, tuple(table._colpositions), tuple(table._rowpositions),
            tuple(table._colWidths), tuple(table._rowHeights), tuple(spans.items()) if spans else None,
            *blocks, tuple(backgrounds), tuple(lines))


def remember(table) -> None:
    """Before `table` draws: where its backgrounds and rules are kept (or None)."""
    table._jp_lines_key = _key(table)


def backgrounds(table, draw) -> None:
    """`draw` (reportlab's `_drawBkgrnd`), or its code played again."""
    key = table.__dict__.get("_jp_lines_key")
    if key is None:
        return draw()
    canv = table.canv
    known = _DRAWN.get(key)
    if known is not None and known[0] is not None:
        code, last = known[0]
        canv._code.extend(code)
        if last is not None:
            canv._fillColorObj = table._bkgrndcmds[last][3]
        return None
    before, fill = len(canv._code), canv._fillColorObj
    draw()
    code = canv._code[before:]
    last = None
    if canv._fillColorObj is not fill:
        # (the last command drawn set it: its colour object, the command's own)
        last = max(i for i, cmd in enumerate(table._bkgrndcmds) if cmd[3] is canv._fillColorObj)
    _keep(key, 0, (code, last))
    return None


def rules(table, draw) -> None:
    """`draw` (reportlab's `_drawLines`), or its code played again."""
    key = table.__dict__.get("_jp_lines_key")
    if key is None:
        return draw()
    canv = table.canv
    known = _DRAWN.get(key)
    if known is not None and known[1] is not None:
        code, weight = known[1]
        canv._code.extend(code)
        table._curweight, table._curcolor = weight, None
        return None
    before = len(canv._code)
    draw()
    _keep(key, 1, (canv._code[before:], table._curweight))
    return None


def _keep(key: tuple, part: int, record: tuple) -> None:
    known = _DRAWN.get(key)
    if known is None:
        if len(_DRAWN) >= _LIMIT:
            _DRAWN.clear()
        known = _DRAWN[key] = [None, None]
    known[part] = record
