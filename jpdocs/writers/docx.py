"""Document model → DOCX, with python-docx on templates/reference.docx.

The reference document (tools/build_reference_docx.py) holds the Japanese defaults
(kinsoku, ja-JP, A4, punctuation compression) and one paragraph style per house-style
key, under the same name; the house style is laid over it again on every write, so an
office's own style file reaches DOCX too. Blocks become style names plus the direct
formatting the model asks for, as writers/pdf.py sets them. python-docx has no East
Asian font API, so those properties go through `put`, which keeps schema order (Word
refuses files whose elements are out of order).
"""
from __future__ import annotations

import io
from functools import lru_cache
import unicodedata
import zipfile
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

import docx
import uharfbuzz as hb
from docx.blkcntnr import BlockItemContainer
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Length, Pt, Twips
from docx.image.image import Image as DocxImage
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from .. import fonts, model as m
from ..errors import fail
from ..output import write_atomic
from ..style import TEMPLATES, HouseStyle, ParagraphStyle

REFERENCE = TEMPLATES / "reference.docx"
FIXED_TIME = datetime(2000, 1, 1, tzinfo=timezone.utc)   # nothing time-dependent in files
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
A4 = (11906, 16838)                                       # twips, portrait
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}  # both, 両端揃え
VALIGN = {"top": "top", "middle": "center", "bottom": "bottom"}
THEME_ATTRS = [qn(f"w:{a}") for a in ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme")]


def schema_order(names: str) -> list[str]:
    return [qn(f"w:{n}") for n in names.split()]


# Child orders of CT_PPr, CT_RPr, CT_TblPr, CT_TcPr, CT_TrPr (ECMA-376 part 1).
PPR = schema_order("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
             "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
             "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
             "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
             "rPr sectPr pPrChange")
RPR = schema_order("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
             "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
             "fitText vertAlign rtl cs em lang eastAsianLayout")
TBLPR = schema_order("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
               "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook")
TCPR = schema_order("cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign")
TRPR = schema_order("cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader")


def el(tag: str, **attrs):
    """A new w: element; attribute names without the w: prefix."""
    return OxmlElement(f"w:{tag}", {qn(f"w:{k}"): str(v) for k, v in attrs.items()})


def put(parent, tag: str, order: list[str], **attrs):
    """Set `parent`'s child `tag` (replacing any) at its schema position; return it."""
    for old in parent.findall(qn(f"w:{tag}")):
        parent.remove(old)
    new, rank = el(tag, **attrs), order.index(qn(f"w:{tag}"))
    later = next((c for c in parent if c.tag in order and order.index(c.tag) > rank), None)
    later.addprevious(new) if later is not None else parent.append(new)
    return new


def twips(points: float) -> int:
    return round(points * 20)


def mm(millimetres: float) -> Twips:
    return Twips(round(millimetres * 1440 / 25.4))


# ---------------------------------------------------------------- fonts and styles
@lru_cache(maxsize=None)
def font_names(path: Path) -> tuple[str, str, bool]:
    """(Japanese family, English family, is bold) from the font file's name table.
    Word and LibreOffice (fontconfig) resolve both; Japanese Word writes the Japanese
    one (BIZ UD明朝), which the bundled and the Debian-packaged fonts both carry."""
    face = hb.Face(path.read_bytes())
    en = face.get_name(1, "en") or path.stem
    return face.get_name(1, "ja") or en, en, "bold" in (face.get_name(2, "en") or "").lower()


def role_font(style: HouseStyle, role: str) -> tuple[str, bool]:
    """Family name and boldness of a font role: gothic-bold → (BIZ UDゴシック, True)."""
    if role not in style.fonts:
        raise fail(style.source, f"font role '{role}' is not one of fonts: {', '.join(style.fonts)}")
    ja, _, bold = font_names(style.font_path(role))
    return ja, bold or role.endswith("-bold")


def set_fonts(rpr, family: str) -> None:
    """All four slots named and no theme attribute (a theme attribute wins over a
    name): the only way East Asian text really gets `family`."""
    put(rpr, "rFonts", RPR, ascii=family, hAnsi=family, eastAsia=family, cs=family)


def apply_house_style(document, style: HouseStyle) -> None:
    """Default font and typesetting flags, and one paragraph style per house-style key
    (style id = name), replacing what the reference had. Idempotent."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr, ppr = (defaults.find(qn(f"w:{k}Default"))[0] for k in ("rPr", "pPr"))
    base, ts = style.styles.get("body") or next(iter(style.styles.values())), style.typesetting
    rpr.clear()
    set_fonts(rpr, role_font(style, base.font)[0])
    rpr.extend([el("sz", val=round(base.size * 2)), el("szCs", val=round(base.size * 2)),
                el("lang", val="en-US", eastAsia="ja-JP", bidi="ar-SA")])
    ppr.clear()   # also drops python-docx's "10pt after, 1.15 lines"
    for tag, val in (("kinsoku", 1), ("wordWrap", 0), ("overflowPunct", int(ts.hanging_punctuation)),
                     ("autoSpaceDE", int(ts.latin_spacing)), ("autoSpaceDN", int(ts.latin_spacing)),
                     ("snapToGrid", int(ts.grid is not None)), ("jc", "both")):
        ppr.append(el(tag, val=val))
    csc = document.settings.element.find(qn("w:characterSpacingControl"))
    if csc is not None:
        csc.set(qn("w:val"), "compressPunctuation" if ts.compress_punctuation else "doNotCompress")
    for name, ps in style.styles.items():
        try:
            st = document.styles[name]
        except KeyError:
            st = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        for old in st.element.findall(qn("w:pPr")) + st.element.findall(qn("w:rPr")):
            st.element.remove(old)
        st.base_style, st.quick_style = document.styles["Normal"], True
        st.paragraph_format.alignment = ALIGN[ps.align]
        put(st.element.get_or_add_pPr(), "spacing", PPR, before=0, after=0,
            line=twips(_leading(style, ps)), lineRule="exact")   # exact, as the PDF sets lines
        family, bold = role_font(style, ps.font)
        set_fonts(st.element.get_or_add_rPr(), family)
        st.font.size, st.font.bold = Pt(ps.size), (bold or None)


def _grid_pitches(style: HouseStyle, orientation: str = "portrait") -> tuple[float, float]:
    """Character and line pitch (points) of the house grid over the text area."""
    w, h = A4 if orientation == "portrait" else A4[::-1]
    mg, grid = style.page.margins, style.typesetting.grid
    return ((w / 20 - (mg.left + mg.right) * 72 / 25.4) / grid.chars,
            (h / 20 - (mg.top + mg.bottom) * 72 / 25.4) / grid.lines)


def _leading(style: HouseStyle, ps: ParagraphStyle) -> float:
    """Line height; on a character grid, whole grid lines (as the PDF sets them)."""
    if style.typesetting.grid is None:
        return ps.size * ps.leading
    pitch = _grid_pitches(style)[1]
    return -(-(ps.size * ps.leading) // pitch) * pitch


def _pstyle(style: HouseStyle, name: str) -> ParagraphStyle:
    if name not in style.styles:
        raise fail(style.source, f"paragraph style '{name}' is not one of styles: {', '.join(style.styles)}")
    return style.styles[name]


# ---------------------------------------------------------------- blocks
@dataclass(frozen=True)
class _Ctx:
    style: HouseStyle
    width: int                     # twips a table may take here
    indent: float = 0.0            # extra left indent in points (an item's own blocks)
    in_cell: bool = False
    align: str | None = None       # a cell's alignment, for paragraphs that give none
    colour: str | None = None      # text colour (hex) inside a cell that sets one


def _para(box, ctx: _Ctx, name: str, inlines, *, align=None, first=0.0, left=0.0, hanging=0.0,
          before=None, after=None, tracking=0.0, keep=False):
    """One paragraph. Indents are em of the style's size; Word also gets the *Chars
    forms (hundredths of a character), which it prefers for Japanese text."""
    ps = _pstyle(ctx.style, name)
    p = box.add_paragraph()
    p._p.style = name              # style id == name: no lookup by display name
    pPr, pf = p._p.get_or_add_pPr(), p.paragraph_format
    if align or ctx.align:
        pf.alignment = ALIGN[align or ctx.align]
    if first < 0:
        first, hanging = 0.0, hanging - first
    ind = {}
    for key, em in (("left", left + ctx.indent / ps.size), ("firstLine", first), ("hanging", hanging)):
        if em:
            ind.update({key: twips(em * ps.size), f"{key}Chars": round(em * 100)})
    if ind:
        put(pPr, "ind", PPR, **ind)
    if ctx.in_cell:
        before = after = 0         # cells are padded; paragraph space would double it
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if keep:
        put(pPr, "keepNext", PPR)
    _runs(p, ctx.style, inlines, round(tracking * ps.size * 20), ps.font, ctx.colour)
    return p._p


def _runs(p, style: HouseStyle, inlines, spacing: int, base_role: str | None = None,
          colour: str | None = None) -> None:
    """Runs for the inlines. Tracking (w:spacing) goes between characters, so the last
    character before a line break or the paragraph's end is split off without it.
    A character the run's font lacks gets a run of its own in the house style's
    fallback font (IPAmj明朝 for a rare name kanji), as the PDF draws it."""
    fallbacks = fonts.fallback_names(style) if style.fallback_fonts else []
    registered = fonts.register(style) if fallbacks else {}
    for i, inline in enumerate(inlines):
        if isinstance(inline, m.LineBreak):
            p.add_run().add_break()
            continue
        # bold is set in the bold Gothic, as the PDF writer does
        role = "gothic-bold" if inline.bold and "gothic-bold" in style.fonts else inline.font
        family, bold = role_font(style, role) if role else (None, False)
        bold = bold or inline.bold
        rest = inlines[i + 1:]
        stop = next((j for j, x in enumerate(rest) if isinstance(x, m.LineBreak)), len(rest))
        last = spacing and not any(x.text for x in rest[:stop])
        text = inline.text
        primary = registered.get(role or base_role or "", "")
        for whole, sp in [(text[:-1], spacing), (text[-1:], 0)] if last else [(text, spacing)]:
            if not whole:
                continue
            pieces = (fonts.runs_by_font(whole, primary, fallbacks) if primary and fallbacks
                      else [(whole, primary)])
            for chunk, name in pieces:
                _run(p, chunk, family if name == primary else font_names(fonts.path_of(name))[0],
                     bold, sp, colour, regular=bool(family) and not bold)


def _run(p, chunk: str, family: str | None, bold: bool, sp: int, colour: str | None = None,
         regular: bool = False) -> None:
    r = p.add_run(chunk)   # escapes <&>, keeps spaces and U+3000; \n → br, \t → tab
    if family:
        set_fonts(r._r.get_or_add_rPr(), family)
    if bold:
        r.bold = True
    elif regular:
        r.bold = False     # a regular font role inside a bold style (a Mincho title) stays regular, as in the PDF
    if colour:
        put(r._r.get_or_add_rPr(), "color", RPR, val=colour.lstrip("#").upper())
    if sp:
        put(r._r.get_or_add_rPr(), "spacing", RPR, val=sp)


def _blocks(box, blocks, ctx: _Ctx) -> list:
    out, page_break = [], False
    for b in blocks:
        if isinstance(b, m.PageBreak):
            page_break = True
            continue
        made = _block(box, b, ctx)
        paras = [p for e in made for p in e.iter(qn("w:p"))]
        if page_break and paras:
            # pageBreakBefore leaves no empty line at the top of the new page,
            # as a paragraph holding only a page break would
            put(paras[0].get_or_add_pPr(), "pageBreakBefore", PPR)
            page_break = False
        out += made
    if page_break:
        p = box.add_paragraph()
        p.add_run().add_break(WD_BREAK.PAGE)
        out.append(p._p)
    return out


def _block(box, b, ctx: _Ctx) -> list:
    st = ctx.style
    if isinstance(b, m.Paragraph):
        return [_para(box, ctx, b.style, b.inlines, align=b.align, first=b.first_indent,
                      left=b.left_indent, before=b.space_before, after=b.space_after,
                      tracking=b.tracking, keep=b.keep_with_next)]
    if isinstance(b, m.Heading):
        p = _para(box, ctx, b.style, b.inlines, align=b.align, keep=True)
        put(p.get_or_add_pPr(), "outlineLvl", PPR, val=min(max(b.level - 1, 0), 8))
        return [p]
    if isinstance(b, m.Item):
        return _item(box, b, ctx)
    if isinstance(b, m.Ki):
        size = _pstyle(st, "ki").size
        out = [_para(box, ctx, "ki", [m.Text(st.word("ki"))], align="center", before=0.6 * size, keep=True)]
        out += _blocks(box, b.blocks, ctx)
        if b.closing:
            out.append(_para(box, ctx, "ki", [m.Text(st.word("ijo"))], align="right"))
        return out
    if isinstance(b, m.Table):
        tbl = _table(box, b, ctx)
        if b.keep_together:
            _keep([tbl])
        return [tbl]
    if isinstance(b, m.Spacer):
        p = _para(box, ctx, "body", [])
        put(p.get_or_add_pPr(), "spacing", PPR, before=0, after=0, line=max(twips(b.height), 1), lineRule="exact")
        return [p]
    if isinstance(b, m.KeepTogether):
        made = _blocks(box, b.blocks, ctx)
        _keep(made)
        return made
    if isinstance(b, m.Image):
        return [_image(box, b, ctx)]
    if isinstance(b, m.Seal):
        return [_seal(box, b, ctx)]
    raise TypeError(f"unknown block {type(b).__name__}")


def _item(box, b: m.Item, ctx: _Ctx) -> list:
    """Marker, a tab to where the text starts, the text hanging there; the item's own
    blocks indented to the same place. A tab to a tab stop, not U+3000, so that the
    text lines up whatever the marker's width (件名 / 配付資料 with hang=5)."""
    size = _pstyle(ctx.style, b.style).size
    marker_em = sum(1.0 if unicodedata.east_asian_width(c) in "FWA" else 0.5 for c in b.marker)
    hang = b.hang if b.hang is not None else (marker_em + 1 if b.marker else 0.0)
    left = b.level + hang
    # a marker that fills the hang (◆ with hang 1) is followed by the text itself: a
    # tab there would jump to the next default tab stop
    tab = hang > marker_em
    lead = [m.Text(b.marker + "\t")] if tab else [m.Text(b.marker)] if b.marker else []
    p = _para(box, ctx, b.style, lead + list(b.inlines), left=left, hanging=hang,
              before=0.5 * size if b.space_before is None else b.space_before, keep=bool(b.blocks))
    if tab:
        put(p.get_or_add_pPr(), "tabs", PPR).append(el("tab", val="left", pos=twips(left * size + ctx.indent)))
    return [p, *_blocks(box, b.blocks, replace(ctx, indent=ctx.indent + left * size))]


def _image(box, im: m.Image, ctx: _Ctx):
    """The picture in a paragraph of its own, scaled to fit its box as in the PDF,
    with its alt text as the drawing's description."""
    info = DocxImage.from_file(im.src)
    avail = (ctx.width - twips(ctx.indent)) / 20
    scale = min(min(im.width, avail) / info.px_width, im.height / info.px_height)
    p = _para(box, ctx, "body", [], align=im.align)
    put(p.get_or_add_pPr(), "spacing", PPR, before=0, after=0, line=240, lineRule="auto")
    run = DocxParagraph(p, box).add_run()
    shape = run.add_picture(im.src, width=Pt(info.px_width * scale), height=Pt(info.px_height * scale))
    if im.alt:
        shape._inline.docPr.set("descr", im.alt)
    return p


def _seal(box, b: m.Seal, ctx: _Ctx):
    """The seal place: the mark in a circle, centred on a line as tall as the place.
    Word has no drawn circle here, so 印 is written as the enclosed character ㊞."""
    p = _para(box, replace(ctx, align=None), "body", [m.Text("㊞" if b.mark == "印" else b.mark)], align="center")
    put(p.get_or_add_pPr(), "spacing", PPR, before=0, after=0, line=twips(b.size), lineRule="exact")
    for r in p.findall(qn("w:r")):
        rpr = r.get_or_add_rPr()
        put(rpr, "sz", RPR, val=round(b.size * 0.4))
        put(rpr, "szCs", RPR, val=round(b.size * 0.4))
    return p


def _keep(elements) -> None:
    """Keep blocks on one page: keepNext on every paragraph but the last, keepLines on
    all, and table rows that may not split."""
    paras = [p for e in elements for p in e.iter(qn("w:p"))]
    for i, p in enumerate(paras):
        if i < len(paras) - 1:
            put(p.get_or_add_pPr(), "keepNext", PPR)
        put(p.get_or_add_pPr(), "keepLines", PPR)
    for tr in (tr for e in elements for tr in e.iter(qn("w:tr"))):
        put(tr.get_or_add_trPr(), "cantSplit", TRPR)


def _table(box, t: m.Table, ctx: _Ctx):
    """A real Word table, fixed layout: widths in twips on the grid and every cell."""
    ncols, indent = len(t.widths), twips(ctx.indent)
    cols = [round((ctx.width - indent) * f) for f in t.widths]
    table = BlockItemContainer.add_table(box, len(t.rows), ncols, Twips(sum(cols)))
    tbl, pad = table._tbl, 80 if t.border != "none" else 20   # 4pt / 1pt, as in the PDF
    if t.padding is not None:
        pad = twips(t.padding)
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
    for tr, row in zip(tbl.findall(qn("w:tr")), t.rows):
        tcs, col = tr.findall(qn("w:tc")), 0
        for cell in row:
            if col >= ncols:
                raise ValueError(f"a table row has more cells than its {ncols} widths")
            span = max(1, min(cell.colspan, ncols - col))
            for extra in tcs[col + 1:col + span]:
                tr.remove(extra)
            _cell(_Cell(tcs[col], table), cell, sum(cols[col:col + span]), span, pad, ctx)
            col += span
        for i in range(col, ncols):    # a short row: the empty cells keep the grid widths
            put(tcs[i].get_or_add_tcPr(), "tcW", TCPR, w=cols[i], type="dxa")
    return tbl


def borders(tblPr, kind: str, colour: str) -> None:
    """grid: every rule; box: the outer frame only; none: no rules (layout tables)."""
    line = dict(val="single", sz=4, space=0, color=colour.lstrip("#").upper())
    b = put(tblPr, "tblBorders", TBLPR)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        on = kind == "grid" or (kind == "box" and not side.startswith("inside"))
        b.append(el(side, **(line if on else {"val": "nil"})))


def _cell(box: _Cell, cell: m.Cell, width: int, span: int, pad: int, ctx: _Ctx) -> None:
    tc = box._tc
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
    _blocks(box, cell.blocks, replace(ctx, width=width - 2 * pad, indent=0.0, in_cell=True, align=cell.align,
                                      colour=colour))
    if len(tc) > 2:
        tc.remove(placeholder)
    if tc[-1].tag != qn("w:p"):
        tc.append(el("p"))             # Word requires a cell to end with a paragraph


# ---------------------------------------------------------------- document
def set_page(section, style: HouseStyle, orientation: str = "portrait", kind: str = "") -> None:
    """A4 in the given orientation, with the house margins (of the document kind)."""
    w, h = A4 if orientation == "portrait" else A4[::-1]
    section.orientation = WD_ORIENT.LANDSCAPE if orientation == "landscape" else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Twips(w), Twips(h)
    mg = style.page.margins_for(kind)
    section.top_margin, section.bottom_margin = mm(mg.top), mm(mg.bottom)
    section.left_margin, section.right_margin, section.gutter = mm(mg.left), mm(mg.right), Twips(0)
    section.header_distance, section.footer_distance = mm(min(10, mg.top / 2)), mm(min(8, mg.bottom / 2))
    grid = style.typesetting.grid
    if grid is not None:               # 文字数と行数を指定: chars × lines, Word's own grid
        chars, lines = _grid_pitches(style, orientation)
        body = style.styles.get("body") or next(iter(style.styles.values()))
        sect = section._sectPr
        for old in sect.findall(qn("w:docGrid")):
            sect.remove(old)
        sect.append(el("docGrid", type="linesAndChars", linePitch=twips(lines),
                       charSpace=round((chars - body.size) * 4096)))   # 4096ths of a point per character


def _footer(document, section, style: HouseStyle) -> None:
    """The page number as Japanese readers expect it, - 1 -: a PAGE field between
    hyphens. The page count is unknown here, so it is there even on one page."""
    ftr = section.footer
    ftr.is_linked_to_previous = False
    for extra in ftr._element.findall(qn("w:p"))[1:]:
        ftr._element.remove(extra)
    p = ftr.paragraphs[0]
    p.clear()
    p.style = document.styles["small" if "small" in style.styles else "Normal"]
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("- ")
    p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    p.add_run(" -")


def _marks(section, style: HouseStyle, marks) -> None:
    """Page marks (正本（甲保管）, 写) go in the header, right-aligned, on every page."""
    if not marks:
        return
    hdr = section.header
    hdr.is_linked_to_previous = False
    p = hdr.paragraphs[0]
    p.clear()
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.add_run("　".join(mark.text for mark in marks))


def render_docx(doc: m.Document, style: HouseStyle) -> bytes:
    """The DOCX file's bytes; the same model and style always give the same bytes."""
    document = docx.Document(io.BytesIO(_styled_reference(style.model_dump_json(), style)))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section = document.sections[0]
    set_page(section, style, doc.orientation, doc.kind)
    if not doc.fit_one_page:       # a one-page sheet carries no page number
        _footer(document, section, style)
    _marks(section, style, doc.marks)
    width = Length(section.page_width - section.left_margin - section.right_margin).twips
    _blocks(document._body, doc.blocks, _Ctx(style, width))
    cp = document.core_properties
    # python-docx refuses properties over 255 characters (Word does not); a long
    # subject line is the user's text, kept whole: set on the element directly.
    for prop, value in (("title", doc.title), ("subject", doc.subject), ("creator", doc.author),
                        ("lastModifiedBy", doc.author)):
        cp._element._get_or_add(prop).text = value
    cp.language, cp.comments, cp.keywords, cp.category = doc.lang, "", "", ""
    cp.created = cp.modified = FIXED_TIME
    cp.revision = 1
    return document_bytes(document)


_STYLED: dict[str, bytes] = {}


def _styled_reference(key: str, style: HouseStyle) -> bytes:
    """The reference document with the house style applied, once per style (`key`,
    its JSON: the style itself is not hashable) and process: applying it took a
    third of every DOCX's time."""
    if key in _STYLED:
        return _STYLED[key]
    if not REFERENCE.is_file():
        raise fail(str(REFERENCE), "missing: run tools/build_reference_docx.py")
    document = docx.Document(str(REFERENCE))
    apply_house_style(document, style)
    buf = io.BytesIO()
    document.save(buf)
    return _STYLED.setdefault(key, buf.getvalue())


def write_docx(doc: m.Document, style: HouseStyle, out: Path) -> None:
    write_atomic(Path(out), render_docx(doc, style))


def document_bytes(document) -> bytes:
    """python-docx's parts are stable but its zip entries carry the clock: rewrite the
    zip with fixed dates and a fixed order ([Content_Types].xml first)."""
    raw, fixed = io.BytesIO(), io.BytesIO()
    document.save(raw)
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0
            dst.writestr(info, src.read(name))
    return fixed.getvalue()


def save_deterministic(document, out: Path) -> None:
    """Deterministic bytes, written atomically (a reader never sees half a file)."""
    write_atomic(Path(out), document_bytes(document))
