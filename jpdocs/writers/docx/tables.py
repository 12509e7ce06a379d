"""Word tables: the model's tables (fixed layout, widths in twips), and the
borderless one-cell table whose row keeps the signature page together.
`write_blocks` (blocks.py) is passed in, so that the two modules do not import
each other.
"""
from __future__ import annotations

from dataclasses import replace

from docx.shared import Emu, Twips
from lxml.etree import SubElement

from ...content import model as m
from ..columns import fitted_widths
from ..ooxml import PPR, TBLPR, TCPR, TRPR, VALIGN, borders, el, put, qn, twips
from .paragraphs import Box, Ctx, new_child, para

_TBL_LOOK = {qn(f"w:{k}"): v for k, v in (("firstColumn", "1"), ("firstRow", "1"), ("lastColumn", "0"), ("lastRow", "0"),
                                          ("noHBand", "0"), ("noVBand", "1"), ("val", "04A0"))}


def new_table(box, rows: int, cols: int, width: int):
    """The w:tbl python-docx's add_table(rows, cols, Twips(width)) writes (CT_Tbl.new_tbl:
    its width shared evenly, each cell an empty paragraph), made directly instead of
    formatted as text and parsed."""
    tbl = new_child(box, qn("w:tbl"))
    tblPr = SubElement(tbl, qn("w:tblPr"))
    SubElement(tblPr, qn("w:tblW"), {qn("w:type"): "auto", qn("w:w"): "0"})
    SubElement(tblPr, qn("w:tblLook"), _TBL_LOOK)
    col = str(_col_twips(width, cols))
    grid = SubElement(tbl, qn("w:tblGrid"))
    for _ in range(cols):
        SubElement(grid, qn("w:gridCol"), {qn("w:w"): col})
    for _ in range(rows):
        tr = SubElement(tbl, qn("w:tr"))
        for _ in range(cols):
            tc = SubElement(tr, qn("w:tc"))
            SubElement(SubElement(tc, qn("w:tcPr")), qn("w:tcW"), {qn("w:type"): "dxa", qn("w:w"): col})
            SubElement(tc, qn("w:p"))
    return tbl


def _col_twips(width: int, cols: int) -> int:
    """A column's width as python-docx writes it: Emu(width // cols) in twips, rounded."""
    return Emu(Twips(width) // cols if cols > 0 else 0).twips


def keep_together(elements) -> None:
    """Keep blocks on one page: keepNext on every paragraph but the last, keepLines on
    all, and table rows that may not split."""
    paras = [p for e in elements for p in e.iter(qn("w:p"))]
    for i, p in enumerate(paras):
        if i < len(paras) - 1:
            put(p.get_or_add_pPr(), "keepNext", PPR)
        put(p.get_or_add_pPr(), "keepLines", PPR)
    for tr in (tr for e in elements for tr in e.iter(qn("w:tr"))):
        put(tr.get_or_add_trPr(), "cantSplit", TRPR)


def write_keep_row(box, blocks, ctx: Ctx, write_blocks):
    """Blocks that share a page (the last article, the closing, the date and the
    signature blocks) in the one cell of a borderless table whose row may not split:
    Word and LibreOffice both move such a row whole to the next page, also after a
    clerk's edit inside it or before it, where a long keepNext chain is what
    LibreOffice breaks. The cell has no padding, so the text stands where it would
    outside the table; paragraphs keep their own spacing."""
    tbl = new_table(box, 1, 1, ctx.width)
    put(tbl.tblPr, "tblStyle", TBLPR, val="jp-none")
    put(tbl.tblPr, "tblW", TBLPR, w=ctx.width - twips(ctx.indent), type="dxa")
    if ctx.indent:
        put(tbl.tblPr, "tblInd", TBLPR, w=twips(ctx.indent), type="dxa")
    borders(tbl.tblPr, "none", ctx.style.colours.get("rule", "#000000"))
    put(tbl.tblPr, "tblLayout", TBLPR, type="fixed")
    margins = put(tbl.tblPr, "tblCellMar", TBLPR)
    margins.extend(el(side, w=0, type="dxa") for side in ("top", "left", "bottom", "right"))
    tbl.tblGrid.find(qn("w:gridCol")).set(qn("w:w"), str(ctx.width - twips(ctx.indent)))
    put(tbl.find(qn("w:tr")).get_or_add_trPr(), "cantSplit", TRPR)
    tc = tbl.find(qn("w:tr")).find(qn("w:tc"))
    c = Box(tc, box.part)
    put(tc.get_or_add_tcPr(), "tcW", TCPR, w=ctx.width - twips(ctx.indent), type="dxa")
    placeholder = tc.find(qn("w:p"))
    made = write_blocks(c, blocks, replace(ctx, width=ctx.width - twips(ctx.indent), indent=0.0))
    tc.remove(placeholder)
    if tc[-1].tag != qn("w:p"):        # Word requires a cell to end with a paragraph: a hairline one
        p = para(c, ctx, "body", [])
        put(p.get_or_add_pPr(), "spacing", PPR, before=0, after=0, line=20, lineRule="exact")
        rpr = put(p.get_or_add_pPr(), "rPr", PPR)
        rpr.extend([el("sz", val=2), el("szCs", val=2)])
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
    tbl = new_table(box, len(t.rows), ncols, sum(cols))
    put(tbl.tblPr, "tblStyle", TBLPR, val="jp-none" if t.border == "none" else "jp-grid")
    put(tbl.tblPr, "tblW", TBLPR, w=sum(cols), type="dxa")
    if indent:
        put(tbl.tblPr, "tblInd", TBLPR, w=indent, type="dxa")
    borders(tbl.tblPr, t.border, ctx.style.colours.get("rule", "#000000"))
    put(tbl.tblPr, "tblLayout", TBLPR, type="fixed")
    margins = put(tbl.tblPr, "tblCellMar", TBLPR)
    margins.extend(el(side, w=pad, type="dxa") for side in ("top", "left", "bottom", "right"))
    for gc, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), cols):
        gc.set(qn("w:w"), str(w))
    listing = len(t.rows) > 1 and bool(t.rows[0]) and all(c.shade for c in t.rows[0])
    for tr, row in zip(tbl.findall(qn("w:tr")), t.rows):
        tcs, col = tr.findall(qn("w:tc")), 0
        for cell in row:
            if col >= ncols:
                raise ValueError(f"a table row has more cells than its {ncols} widths")
            span = max(1, min(cell.colspan, ncols - col))
            for extra in tcs[col + 1:col + span]:
                tr.remove(extra)
            _cell(Box(tcs[col], box.part), cell, sum(cols[col:col + span]), span, pad,
                  replace(ctx, pdf_lines=listing and tr is not tbl.find(qn("w:tr"))), write_blocks)
            col += span
        for i in range(col, ncols):    # a short row: the empty cells keep the grid widths
            put(tcs[i].get_or_add_tcPr(), "tcW", TCPR, w=cols[i], type="dxa")
    trs = tbl.findall(qn("w:tr"))
    if listing:
        # a list under a shaded header row (the annual summary): the header heads every
        # page and a row is never split across pages, as in the PDF. Not on every table:
        # LibreOffice moves an unsplittable row that holds nested tables (the overview
        # sheet's areas) to the next page although it fits.
        put(trs[0].get_or_add_trPr(), "tblHeader", TRPR)
        for tr in trs:
            put(tr.get_or_add_trPr(), "cantSplit", TRPR)
    return tbl


def _cell(box: Box, cell: m.Cell, width: int, span: int, pad: int, ctx: Ctx, write_blocks) -> None:
    tc = box._element
    tcPr = tc.get_or_add_tcPr()
    put(tcPr, "tcW", TCPR, w=width, type="dxa")
    if span > 1:
        put(tcPr, "gridSpan", TCPR, val=span)
    if cell.shade:
        fill = ctx.style.colours.get(cell.shade, cell.shade).lstrip("#").upper()
        put(tcPr, "shd", TCPR, val="clear", color="auto", fill=fill)
    put(tcPr, "vAlign", TCPR, val=VALIGN[cell.valign])
    placeholder = tc.find(qn("w:p"))   # the empty paragraph python-docx puts in a new cell
    colour = ctx.style.colours.get(cell.colour, cell.colour) if cell.colour else ctx.colour
    write_blocks(box, cell.blocks, replace(ctx, width=width - 2 * pad, indent=0.0, in_cell=True, align=cell.align,
                                      colour=colour))
    if len(tc) > 2:
        tc.remove(placeholder)
    if tc[-1].tag != qn("w:p"):
        tc.append(el("p"))             # Word requires a cell to end with a paragraph
