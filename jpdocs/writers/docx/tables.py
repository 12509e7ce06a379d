"""Word tables: the model's tables (fixed layout, widths in twips), and the
borderless one-cell table whose row keeps the signature page together.
`write_blocks` (blocks.py) is passed in, so that the two modules do not import
each other.
"""
from __future__ import annotations

from lxml.etree import SubElement

from ...content import model as m
from ..columns import fitted_widths
from ..ooxml import PPR, TRPR, VALIGN, borders, ppr_of, put, qn, sub, trpr_of, twips
from .beside import beside_cells
from .paragraphs import SECTPR_TAG, Box, Ctx, new_child, para

_TBL_LOOK = {qn(f"w:{k}"): v for k, v in (("firstColumn", "1"), ("firstRow", "1"), ("lastColumn", "0"), ("lastRow", "0"),
                                          ("noHBand", "0"), ("noVBand", "1"), ("val", "04A0"))}
_SIDES = ("top", "left", "bottom", "right")
P_TAG = qn("w:p")
_SPACING = f'{qn("w:pPr")}/{qn("w:spacing")}'


def new_table(box, ctx: Ctx, cols: list[int], rows: int, style_id: str, width: int, indent: int, border: str,
              pad: int):
    """A fixed-layout w:tbl at the end of the box: its properties (style, width,
    indent, borders, cell margins), grid and rows of cells, each cell with an empty
    tcPr for its width. The XML python-docx's add_table writes and the properties
    then set on it (put), made directly in their final order; a table of the same
    shape made before is copied (notices repeat their tables)."""
    rule = ctx.style.colours.get("rule", "#000000")
    key = (tuple(cols), rows, style_id, width, indent, border, pad, rule)
    made = _TABLES.get(key)
    if made is not None:
        tbl = made.__copy__()
        parent = box._element
        last = parent[-1] if len(parent) else None
        last.addprevious(tbl) if last is not None and last.tag == SECTPR_TAG else parent.append(tbl)
        return tbl
    tbl = new_child(box, qn("w:tbl"))
    tblPr = sub(tbl, "tblPr")
    sub(tblPr, "tblStyle", val=style_id)
    sub(tblPr, "tblW", w=width, type="dxa")
    if indent:
        sub(tblPr, "tblInd", w=indent, type="dxa")
    borders(tblPr, border, rule)
    sub(tblPr, "tblLayout", type="fixed")
    margins = sub(tblPr, "tblCellMar")
    for side in _SIDES:
        sub(margins, side, w=pad, type="dxa")
    SubElement(tblPr, qn("w:tblLook"), _TBL_LOOK)
    grid = sub(tbl, "tblGrid")
    for col in cols:
        sub(grid, "gridCol", w=col)
    tr_tag, tc_tag, tcpr_tag = qn("w:tr"), qn("w:tc"), qn("w:tcPr")
    for _ in range(rows):
        tr = SubElement(tbl, tr_tag)
        for _ in cols:
            SubElement(SubElement(tr, tc_tag), tcpr_tag)
    if len(_TABLES) >= 256:
        del _TABLES[next(iter(_TABLES))]
    _TABLES[key] = tbl.__copy__()
    return tbl


_TABLES: dict[tuple, object] = {}                 # a new table's shape → the table made (see new_table)


def keep_together(elements) -> None:
    """Keep blocks on one page: keepNext on every paragraph but the last, keepLines on
    all, and table rows that may not split."""
    paras = [p for e in elements for p in e.iter(qn("w:p"))]
    for i, p in enumerate(paras):
        ppr = ppr_of(p)
        if i < len(paras) - 1:
            put(ppr, "keepNext", PPR)
        put(ppr, "keepLines", PPR)
    for tr in (tr for e in elements for tr in e.iter(qn("w:tr"))):
        put(trpr_of(tr), "cantSplit", TRPR)


def write_keep_row(box, blocks, ctx: Ctx, write_blocks):
    """Blocks that share a page (the last article, the closing, the date and the
    signature blocks) in the one cell of a borderless table whose row may not split:
    Word and LibreOffice both move such a row whole to the next page, also after a
    clerk's edit inside it or before it, where a long keepNext chain is what
    LibreOffice breaks. The cell has no padding, so the text stands where it would
    outside the table; paragraphs keep their own spacing."""
    inner = ctx.width - twips(ctx.indent)
    tbl = new_table(box, ctx, [inner], 1, "jp-none", inner, twips(ctx.indent), "none", 0)
    tr = tbl.find(qn("w:tr"))
    put(trpr_of(tr), "cantSplit", TRPR)
    tc = tr.find(qn("w:tc"))
    c = Box(tc, box.part)
    sub(tc[0], "tcW", w=inner, type="dxa")
    made = write_blocks(c, blocks, ctx.but(width=inner, indent=0.0))
    if tc[-1].tag != P_TAG:        # Word requires a cell to end with a paragraph: a hairline one
        p = para(c, ctx, "body", [])
        put(ppr_of(p), "spacing", PPR, before=0, after=0, line=20, lineRule="exact")
        rpr = put(ppr_of(p), "rPr", PPR)
        sub(rpr, "sz", val=2)
        sub(rpr, "szCs", val=2)
    keep_together(made)                        # and each part kept whole inside the row
    return tbl


def write_table(box, t: m.Table, ctx: Ctx, write_blocks):
    """A real Word table, fixed layout: widths in twips on the grid and every cell."""
    ncols, indent = len(t.widths), twips(ctx.indent)
    pad = 80 if t.border != "none" else 20   # 4pt / 1pt, as in the PDF
    if t.padding is not None:
        pad = twips(t.padding)
    fractions = fitted_widths(t, (ctx.width - indent) / 20, pad / 20, ctx.style)
    cols = [round((ctx.width - indent) * f) for f in fractions]
    tbl = new_table(box, ctx, cols, len(t.rows), "jp-none" if t.border == "none" else "jp-grid", sum(cols), indent,
                    t.border, pad)
    listing = len(t.rows) > 1 and bool(t.rows[0]) and all(c.shade for c in t.rows[0])
    first_row = True
    for tr, row in zip(tbl.findall(qn("w:tr")), t.rows):
        tcs, col = tr.findall(qn("w:tc")), 0
        tops: dict[int, float] = {}
        if any(c.valign == "beside" for c in row[1:]):
            row, tops = _beside(row, cols, pad, ctx)
        for cell in row:
            if col >= ncols:
                raise ValueError(f"a table row has more cells than its {ncols} widths")
            span = max(1, min(cell.colspan, ncols - col))
            for extra in tcs[col + 1:col + span]:
                tr.remove(extra)
            _cell(Box(tcs[col], box.part), cell, sum(cols[col:col + span]), span, pad,
                  ctx.but(pdf_lines=listing and not first_row), write_blocks, tops.get(col, 0.0))
            col += span
        for i in range(col, ncols):    # a short row: the empty cells keep the grid widths
            sub(tcs[i][0], "tcW", w=cols[i], type="dxa")
            SubElement(tcs[i], P_TAG)  # an empty paragraph, as python-docx's new cell has
        first_row = False
    trs = tbl.findall(qn("w:tr"))
    if listing:
        # a list under a shaded header row (the annual summary): the header heads every
        # page and a row is never split across pages, as in the PDF. Not on every table:
        # LibreOffice moves an unsplittable row that holds nested tables (the overview
        # sheet's areas) to the next page although it fits.
        put(trpr_of(trs[0]), "tblHeader", TRPR)
        for tr in trs:
            put(trpr_of(tr), "cantSplit", TRPR)
    elif t.heading_row():
        # a row of column heads (a notice's section table): repeated on each page the table
        # runs onto, as the PDF repeats it (writers/blocks.py)
        put(trpr_of(trs[0]), "tblHeader", TRPR)
    return tbl


def _beside(row: list[m.Cell], cols: list[int], pad: int, ctx: Ctx) -> tuple[list[m.Cell], dict[int, float]]:
    """The row with each cell set beside the one before it (beside.py) in Word's terms,
    and the room above such a cell, by column (points); a row of cells one column each
    (the people's rows)."""
    row, tops = list(row), {}
    for k in range(1, min(len(row), len(cols))):
        if row[k].valign == "beside":
            row[k - 1], row[k], top = beside_cells(ctx, row[k - 1], row[k], (cols[k - 1] - 2 * pad) / 20,
                                                   (cols[k] - 2 * pad) / 20)
            if top:
                tops[k] = top
    return row, tops


def _cell(box: Box, cell: m.Cell, width: int, span: int, pad: int, ctx: Ctx, write_blocks, top: float = 0.0) -> None:
    tc = box._element
    tcPr = tc[0]                       # empty (new_table): its children in schema order
    sub(tcPr, "tcW", w=width, type="dxa")
    if span > 1:
        sub(tcPr, "gridSpan", val=span)
    if cell.shade:
        fill = ctx.style.colours.get(cell.shade, cell.shade).lstrip("#").upper()
        sub(tcPr, "shd", val="clear", color="auto", fill=fill)
    sub(tcPr, "vAlign", val=VALIGN.get(cell.valign, "top"))    # beside nothing (a first cell): the top
    colour = ctx.style.colours.get(cell.colour, cell.colour) if cell.colour else ctx.colour
    write_blocks(box, cell.blocks, ctx.but(width=width - 2 * pad, indent=0.0, in_cell=True, align=cell.align,
                                           colour=colour))
    if tc[-1].tag != P_TAG:            # Word requires a cell to end with a paragraph (an empty cell too)
        SubElement(tc, P_TAG)
    _padded_edges(tc)
    if top:
        # set beside the cell before it, lower (beside.py): space before its first line (a
        # cell's top margin LibreOffice gives the whole row)
        put(ppr_of(tc.find(P_TAG)), "spacing", PPR, before=twips(top), after=0)


def _padded_edges(tc) -> None:
    """No space above the cell's first paragraph nor below its last: the cell's padding
    is the room there, as reportlab's cell drops its first flowable's space before and
    its last's space after (the space between its paragraphs stays, paragraphs.para)."""
    for p, side in ((tc[1], "before"), (tc[-1], "after")):
        spacing = p.find(_SPACING) if p.tag == P_TAG else None
        if spacing is not None and spacing.get(qn(f"w:{side}")) not in (None, "0"):
            spacing.set(qn(f"w:{side}"), "0")
