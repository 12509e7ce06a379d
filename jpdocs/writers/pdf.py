"""Document model → PDF, with reportlab's platypus.

Fonts are the house style's (BIZ UD Mincho and Gothic), embedded as subsets; the
canvas starts in the body font so that reportlab adds no Helvetica. The file is
byte-identical on rebuild (invariant mode) and its /ID is a digest of its content,
because reportlab derives the ID from the metadata alone and two different
notices with the same title would otherwise share one.
"""
from __future__ import annotations

import hashlib
import io
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.lib.utils import ImageReader
from reportlab.platypus.paraparser import ParaFrag
from reportlab.platypus import (Flowable, Image, Indenter, KeepTogether, PageBreak, SimpleDocTemplate, Spacer,
                                Table, TableStyle)
from reportlab.platypus.doctemplate import LayoutError

from .. import fonts, images, model as m
from ..errors import LayoutProblem
from ..output import write_atomic
from ..style import HouseStyle
from .columns import fitted_widths
from .composer import JParagraph
from .geometry import FRAME_PAD as _FRAME_PAD   # reportlab's Frame padding, each side
from .jlreq import Settings
from .tags import Node, TaggingCanvas, tag, tagging_canvas

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
_CELL_PAD = 4.0
_GRID_STYLES = ("body", "item")        # the running text that a character grid holds
_PHRASE_STYLES = ("title", "heading", "label")   # broken between BudouX phrases: titles, headings, the subject, labels
# Paragraphs whose style makes them a title or a heading read as one (the notice's
# 記者発表内容 and ◯ 背景, the agreement's title); an article's title (第１条（目的）) is H2.
_STYLE_ROLES = {"title": "H1", "heading": "H2"}


class TrackedLine(Flowable):
    """A line set with extra space between its characters (報 道 機 関 各 位,
    項　目). The space is character spacing, not inserted spaces, so the text
    stays the user's. A line break in the text (a newline in the value) starts a
    new line, each set the same way: it is never drawn as a glyph."""

    def __init__(self, text: str, font: str, size: float, leading: float, tracking: float, align: str,
                 colour=colors.black, fallbacks: list[str] = ()):
        super().__init__()
        self.text, self.font, self.size, self.leading = text, font, size, leading
        self.char_space, self.align, self.colour = tracking * size, align, colour
        self.lines = [(line, fonts.runs_by_font(line, font, list(fallbacks))) for line in text.split("\n")]

    def wrap(self, avail_width, avail_height):
        self.avail = avail_width
        return avail_width, self.leading * len(self.lines)

    def draw(self):
        node = getattr(self, "jp_node", None)
        canv = self.canv
        tagged = node is not None and isinstance(canv, TaggingCanvas) and canv.jp_first_draw(self)
        for i, (line, runs) in enumerate(self.lines):
            if not line:
                continue
            if tagged:
                canv.jp_text((node, None))
            width = (sum(pdfmetrics.stringWidth(chunk, name, self.size) for chunk, name in runs)
                     + self.char_space * (len(line) - 1))
            x = {"center": (self.avail - width) / 2, "right": self.avail - width}.get(self.align, 0)
            y = (len(self.lines) - 1 - i) * self.leading
            t = self.canv.beginText(x, y + (self.leading - self.size) / 2 + self.size * 0.12)
            t.setFillColor(self.colour)
            t.setCharSpace(self.char_space)
            for chunk, name in runs:
                t.setFont(name, self.size, self.leading)
                t.textOut(chunk)
            self.canv.drawText(t)


@dataclass(frozen=True)
class SealBox:
    """Where a seal place landed: page index (0-based) and the square in PDF points."""
    field: str
    page: int
    box: tuple[float, float, float, float]   # x0, y0, x1, y1 from the bottom left


class SealPlace(Flowable):
    """The seal place of a signature block: `mark` (印) in a thin circle, centred in a
    square. draw() records the square's absolute position and page, so the caller
    can put a signature field exactly over it, wherever the layout put the block."""

    def __init__(self, seal: m.Seal, font: str, found: list):
        super().__init__()
        self.seal, self.font, self.found = seal, font, found
        self.width = self.height = seal.size

    def wrap(self, avail_width, avail_height):
        return self.seal.size, self.seal.size

    def draw(self):
        size, c = self.seal.size, self.canv
        r, text_size = size * 0.26, size * 0.2
        c.saveState()
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.5)
        c.circle(size / 2, size / 2, r, stroke=1, fill=0)
        c.setFillColor(colors.black)
        c.setFont(self.font, text_size)
        c.drawCentredString(size / 2, size / 2 - text_size * 0.36, self.seal.mark)
        c.restoreState()
        x0, y0 = c.absolutePosition(0, 0)
        x1, y1 = c.absolutePosition(size, size)
        self.found.append(SealBox(self.seal.field, c.getPageNumber() - 1, (x0, y0, x1, y1)))


class _Figure(Image):
    """A picture, marked as the content of its Figure element (its /Alt is the text)."""

    def draw(self):
        node, canv = getattr(self, "jp_node", None), self.canv
        if node is None or not isinstance(canv, TaggingCanvas) or not canv.jp_first_draw(self):
            return super().draw()
        canv.jp_begin(node)
        super().draw()
        canv.jp_end()


class _Builder:
    """Turns blocks into flowables. `width` is the width the blocks are set in."""

    def __init__(self, style: HouseStyle, page=A4, tree: Node | None = None):
        # the structure element the blocks go into (tags.py): the document's, or a
        # part's in the release and the annual book
        self.node = tree if tree is not None else Node("Document")
        self.house = style
        self.font = fonts.register(style)
        self.fallbacks = fonts.fallback_names(style)
        ts = style.typesetting
        self.jl = Settings(ts.hanging_punctuation, ts.compress_punctuation, ts.latin_spacing)
        self.pitch = self.line_pitch = None
        if ts.grid:                    # cells of the text block, as Word's docGrid divides it
            mg = style.page.margins
            self.pitch = (page[0] - (mg.left + mg.right) * mm - 2 * _FRAME_PAD) / ts.grid.chars
            self.line_pitch = (page[1] - (mg.top + mg.bottom) * mm - 2 * _FRAME_PAD) / ts.grid.lines
        self.jl_grid = replace(self.jl, pitch=self.pitch)
        self.styles = {name: self._paragraph_style(name) for name in style.styles}
        self.colour = colors.black     # text colour; a cell's `colour` changes it for its blocks
        self.seals: list[SealBox] = []

    def _paragraph_style(self, name: str) -> ParagraphStyle:
        s = self.house.styles[name]
        leading = s.size * s.leading
        if self.line_pitch:            # on the grid a line takes whole grid lines
            leading = math.ceil(leading / self.line_pitch - 1e-6) * self.line_pitch
        return ParagraphStyle(name, fontName=self.font[s.font], fontSize=s.size, leading=leading,
                              alignment=_ALIGN[s.align], wordWrap="CJK", textColor=colors.black,
                              bulletFontName=self.font[s.font], bulletFontSize=s.size)

    def blocks(self, blocks: list[m.Block], width: float) -> list[Flowable]:
        out: list[Flowable] = []
        for b in blocks:
            out.extend(self.block(b, width))
        return out

    def block(self, b: m.Block, width: float) -> list[Flowable]:
        if isinstance(b, m.Paragraph):
            return [self.paragraph(b)]
        if isinstance(b, m.Heading):
            return [self.paragraph(m.Paragraph(b.inlines, style=b.style, align=b.align, keep_with_next=True),
                                   phrases=True, node=self.node.add(f"H{min(max(b.level, 1), 6)}"))]
        if isinstance(b, m.Item):
            return self.item(b, width)
        if isinstance(b, m.Ki):
            return self.ki(b, width)
        if isinstance(b, m.Table):
            return [self.table(b, width)]
        if isinstance(b, m.KeepTogether):
            return [KeepTogether(self.blocks(b.blocks, width))]
        if isinstance(b, m.Spacer):
            return [Spacer(1, b.height)]
        if isinstance(b, m.Image):
            return [self.image(b, width)]
        if isinstance(b, m.PageBreak):
            return [PageBreak()]
        if isinstance(b, m.Seal):
            # the printed circle is an artifact; the signature field added over it
            # (signing.py) is the content, in a Form element kept here in reading order
            self.node.add("Form", title=b.field)
            return [SealPlace(b, self.font["mincho"], self.seals)]
        raise TypeError(f"unknown block {type(b).__name__}")

    def markup(self, inlines: list[m.Inline], base_font: str) -> str:
        """Inlines → reportlab paragraph markup, every character escaped."""
        parts = []
        for i in inlines:
            if isinstance(i, m.LineBreak):
                parts.append("<br/>")
                continue
            role = "gothic-bold" if i.bold and "gothic-bold" in self.font else i.font
            primary = self.font.get(role, base_font) if role else base_font
            # A character the primary font lacks is drawn with the house style's
            # fallback font (IPAmj明朝 for rare name kanji), never as a blank.
            for chunk, name in fonts.runs_by_font(i.text, primary, self.fallbacks):
                text = escape(chunk)
                if name != base_font:
                    text = f'<font name="{name}">{text}</font>'
                parts.append(text)
        return "".join(parts)

    def para(self, text: str, style: ParagraphStyle, bulletText=None, phrases: bool = False) -> JParagraph:
        """Every paragraph goes through the JLREQ composer; titles and headings
        break between phrases."""
        kind = style.name.split("-")[0]
        phrases = phrases or kind in _PHRASE_STYLES
        settings = self.jl_grid if self.pitch and kind in _GRID_STYLES else self.jl
        return JParagraph(text, style, bulletText, settings=settings, phrases=phrases)

    def paragraph(self, p: m.Paragraph, phrases: bool = False, node: Node | None = None) -> Flowable:
        base = self.styles[p.style]
        size = base.fontSize
        em = self.pitch if self.pitch and p.style in _GRID_STYLES else size
        if node is None:
            role = "H2" if p.numbering == "article" else _STYLE_ROLES.get(p.style.split("-")[0], "P")
            node = self.node.add(role)
        if p.tracking:
            text = m.plain_text(p.inlines)
            return tag(TrackedLine(text, base.fontName, size, base.leading, p.tracking,
                                   p.align or self.house.styles[p.style].align, self.colour, self.fallbacks), node)
        st = ParagraphStyle(f"{p.style}-{id(p)}", parent=base,
                            firstLineIndent=p.first_indent * em, leftIndent=p.left_indent * em,
                            spaceBefore=p.space_before or 0, spaceAfter=p.space_after or 0,
                            keepWithNext=int(p.keep_with_next), textColor=self.colour)
        if p.align:
            st.alignment = _ALIGN[p.align]
        number = p.number if p.numbering and p.number and m.plain_text(p.inlines).startswith(p.number) else ""
        if not number:
            return tag(self.para(self.markup(p.inlines, base.fontName), st, phrases=phrases), node)
        # the number (第１条, ２) is the paragraph's Lbl: set as a run of its own, so
        # that the drawing can switch from the label to the text where it ends
        head, rest = _split_inlines(p.inlines, len(number))
        text = f'<font name="{base.fontName}">{self.markup(head, base.fontName)}</font>' + self.markup(rest, base.fontName)
        para = tag(self.para(text, st, phrases=phrases), node, node.add("Lbl"))
        para.jp_label_chars = len(number)
        return para

    def item(self, it: m.Item, width: float) -> list[Flowable]:
        base = self.styles[it.style]
        size = base.fontSize
        indent = it.level * size
        hang = it.hang * size if it.hang is not None else pdfmetrics.stringWidth(it.marker, base.fontName, size) + size
        st = ParagraphStyle(f"item-{id(it)}", parent=base, leftIndent=indent + hang, bulletIndent=indent,
                            spaceBefore=size * 0.5 if it.space_before is None else it.space_before,
                            keepWithNext=int(bool(it.blocks)),
                            textColor=self.colour, bulletColor=self.colour)
        lst = self.node.kids[-1] if self.node.kids and self.node.kids[-1].role == "L" else self.node.add("L")
        li = lst.add("LI")
        label = li.add("Lbl") if it.marker else None
        body_node = li.add("LBody")
        bullet = it.marker
        if it.hang is not None and it.marker:
            # reportlab sets the text 0.6em past the end of a bullet that reaches the
            # text; a fixed hang means the text starts exactly there (◆ with hang 1)
            bullet = [_frag(it.marker, base.fontName, size, self.colour)]
            st.bulletFontSize = 0
        head = tag(self.para(self.markup(it.inlines, base.fontName), st, bulletText=bullet,
                             phrases=it.style.split("-")[0] in _PHRASE_STYLES), body_node.add("P"), label)
        outer, self.node = self.node, body_node
        body = self.blocks(it.blocks, width - indent - hang)
        self.node = outer
        if not body:
            return [head]
        return [head, Indenter(left=indent + hang), *body, Indenter(left=-(indent + hang))]

    def ki(self, k: m.Ki, width: float) -> list[Flowable]:
        st = self.styles["ki"]
        out = [tag(self.para(escape(self.house.word("ki")),
                             ParagraphStyle("ki-head", parent=st, alignment=TA_CENTER, spaceBefore=st.fontSize * 0.6)),
                   self.node.add("P"))]
        out += self.blocks(k.blocks, width)
        if k.closing:
            out.append(tag(self.para(escape(self.house.word("ijo")),
                                     ParagraphStyle("ki-end", parent=st, alignment=TA_RIGHT)), self.node.add("P")))
        return out

    def image(self, im: m.Image, width: float) -> Flowable:
        """The picture scaled to fit its box (and the width available)."""
        data = images.embed_bytes(im)          # checked, converted and scaled down (images.py)
        iw, ih = ImageReader(io.BytesIO(data)).getSize()
        scale = min(min(im.width, width) / iw, im.height / ih)
        img = _Figure(io.BytesIO(data), width=iw * scale, height=ih * scale)
        img.hAlign = im.align.upper() if im.align in ("left", "center", "right") else "CENTER"
        return tag(img, self.node.add("Figure", alt=im.alt))

    def table(self, t: m.Table, width: float) -> Table:
        pad = t.padding if t.padding is not None else (_CELL_PAD if t.border != "none" else 1.0)
        widths = [f * width for f in fitted_widths(t, width, pad, self.house)]
        # FONTNAME: reportlab's cell default is Helvetica, which it would reference
        # (unembedded) even though every cell holds paragraphs.
        data, cmds = [], [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), self.font["mincho"]),
                          ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                          ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad)]
        # A ruled table is a Table of the structure; a layout table (no rules: the
        # overview's boxes, the signature blocks) is not one: its cells read in order.
        outer_node = self.node
        table_node = outer_node.add("Table") if t.border != "none" else None
        for r, row in enumerate(t.rows):
            cells, c = [], 0
            row_node = table_node.add("TR") if table_node else None
            for cell in row:
                span_w = sum(widths[c:c + cell.colspan])
                blocks = [self._cell_paragraph(b, cell, t.style) for b in cell.blocks]
                outer = self.colour
                if cell.colour:
                    self.colour = colors.HexColor(self.house.colours[cell.colour])
                if row_node:
                    attrs = {"O": "Table"}
                    if cell.header:
                        attrs["Scope"] = "Row" if cell.header == "row" else "Column"
                    if cell.colspan > 1:
                        attrs["ColSpan"] = cell.colspan
                    self.node = row_node.add("TH" if cell.header else "TD",
                                             attrs=attrs if len(attrs) > 1 else None)
                cells.append(self.blocks(blocks, span_w - 2 * pad))
                self.node = outer_node
                self.colour = outer
                if cell.colspan > 1:
                    cmds.append(("SPAN", (c, r), (c + cell.colspan - 1, r)))
                    cells.extend([""] * (cell.colspan - 1))
                if cell.shade:
                    cmds.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(self.house.colours[cell.shade])))
                if cell.valign != "top":
                    cmds.append(("VALIGN", (c, r), (c, r), cell.valign.upper()))
                c += cell.colspan
            data.append(cells)
        rule = colors.HexColor(self.house.colours["rule"])
        if t.border == "grid":
            cmds.append(("GRID", (0, 0), (-1, -1), 0.6, rule))
        elif t.border == "box":
            cmds.append(("BOX", (0, 0), (-1, -1), 0.6, rule))
        table = Table(data, colWidths=widths, hAlign="LEFT")
        table.setStyle(TableStyle(cmds))
        return KeepTogether([table]) if t.keep_together else table

    def _cell_paragraph(self, b: m.Block, cell: m.Cell, table_style: str) -> m.Block:
        """Bare cell text takes the table's style and the cell's alignment."""
        if isinstance(b, m.Paragraph) and cell.align and not b.align:
            return m.Paragraph(b.inlines, b.style, cell.align, b.first_indent, b.left_indent,
                               b.space_before, b.space_after, b.tracking, b.keep_with_next)
        return b


def _split_inlines(inlines: list[m.Inline], n: int) -> tuple[list[m.Inline], list[m.Inline]]:
    """The first `n` characters of a run of inlines, and the rest."""
    head, rest = [], []
    for i in inlines:
        if n <= 0:
            rest.append(i)
        elif isinstance(i, m.Text) and len(i.text) > n:
            head.append(replace(i, text=i.text[:n]))
            rest.append(replace(i, text=i.text[n:]))
            n = 0
        else:
            head.append(i)
            n -= len(i.text) if isinstance(i, m.Text) else 1
    return head, rest


def _frag(text: str, font: str, size: float, colour) -> ParaFrag:
    """A run of bullet text carrying its own font and size."""
    f = ParaFrag()
    f.text, f.fontName, f.fontSize, f.textColor = text, font, size, colour
    return f


def numbered_canvas(font: str, size: float, numbered, tree: Node, forms: bool = False):
    """A canvas that holds the pages back until the end, so that page numbers
    (- 1 -) go only where wanted: `numbered(total)` says how many leading pages are
    numbered; one page alone is never numbered. It tags what it draws with the
    structure `tree` (tags.py); the page numbers are artifacts."""
    class NumberedCanvas(tagging_canvas(tree, forms)):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held = []

        def showPage(self):
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            count = numbered(len(self._held))
            for i, state in enumerate(self._held):
                self.__dict__.update(state)
                if count > 1 and i < count:
                    self.setFont(font, size)
                    self.drawCentredString(self._pagesize[0] / 2, 10 * mm, f"- {i + 1} -")
                super().showPage()
            super().save()

    return NumberedCanvas


def _page_marks(marks: list[m.PageMark], font: str):
    """The page template's callback drawing the marks of a copy or an original on
    every page, before the page's text, so that a light mark stays under it."""
    def draw(canv, doc):
        width, height = canv._pagesize
        for mark in marks:
            canv.saveState()
            if mark.where == "diagonal":
                size = min(width, height) * 0.5 / max(len(mark.text), 1)
                canv.setFillColor(colors.Color(0.85, 0.85, 0.85))
                canv.setFont(font, size)
                canv.translate(width / 2, height / 2)
                canv.rotate(45)
                canv.drawCentredString(0, -size * 0.36, mark.text)
            else:
                canv.setFillColor(colors.black)
                canv.setFont(font, 10.5)
                canv.drawRightString(width - doc.rightMargin, height - doc.topMargin + 10.5 * 1.2, mark.text)
            canv.restoreState()
    return draw


def page_size(doc: m.Document) -> tuple[float, float]:
    return landscape(A4) if doc.orientation == "landscape" else A4


def document_settings(title: str, author: str, subject: str, margins, body: ParagraphStyle) -> dict:
    """What every PDF of the project carries, for any doc template: the margins, the
    metadata shown in the viewer, /Lang, byte-identical output, and a canvas that
    starts in the body font (else reportlab names an unembedded Helvetica)."""
    return dict(leftMargin=margins.left * mm, rightMargin=margins.right * mm, topMargin=margins.top * mm,
                bottomMargin=margins.bottom * mm, title=title, author=author, subject=subject,
                creator="jpdocs", lang="ja-JP", displayDocTitle=True, invariant=1,
                initialFontName=body.fontName, initialFontSize=body.fontSize)


class Placing:
    """Mixed into a doc template: remembers the flowable it is placing, so that one
    too large for any page can be named (reportlab's LayoutError only describes it)."""
    placing = None

    def handle_flowable(self, flowables):
        if flowables:
            self.placing = flowables[0]
        return super().handle_flowable(flowables)


class _Template(Placing, SimpleDocTemplate):
    pass


def doc_template(doc: m.Document, style: HouseStyle, buf, builder: _Builder) -> SimpleDocTemplate:
    """The page set-up: A4 in the document's orientation, the house margins of its kind."""
    settings = document_settings(doc.title, doc.author, doc.subject, style.page.margins_for(doc.kind),
                                 builder.styles["body"])
    return _Template(buf, pagesize=page_size(doc), **{**settings, "lang": doc.lang})


def flowable_text(f) -> str:
    """The text a flowable (or a list of them) prints, for naming it in messages."""
    if isinstance(f, (list, tuple)):
        return "".join(flowable_text(x) for x in f)
    if isinstance(f, TrackedLine):
        return f.text
    if hasattr(f, "getPlainText"):
        return f.getPlainText()
    if isinstance(f, Table):
        return "".join(flowable_text(cell) for row in f._cellvalues for cell in row)
    if isinstance(getattr(f, "_content", None), list):      # KeepTogether and its kind
        return flowable_text(f._content)
    return ""


def quoted(text: str, limit: int = 30) -> str:
    """「the first characters of a text…」, to name a part of a page."""
    text = "".join(text.split())
    return f"「{text if len(text) <= limit else text[:limit] + '…'}」"


def too_large(what: str, title: str, placing, width: float, page: float) -> LayoutProblem:
    """What could not be placed on any page (`placing`, set `width` wide on a frame
    `page` high). A table cell (a signature block, a box) is never split across
    pages, so in a table it is the tallest cell. `what` names the document."""
    canv = Canvas(io.BytesIO())
    while isinstance(getattr(placing, "_content", None), list) and len(placing._content) == 1:
        placing = placing._content[0]
    parts = []
    if isinstance(placing, Table):
        for row in placing._cellvalues:
            for c, cell in enumerate(row):
                cells = list(cell) if isinstance(cell, (list, tuple)) else [cell]
                w = placing._colWidths[c] - 2 * _CELL_PAD
                h = sum(f.wrapOn(canv, w, 1e6)[1] for f in cells if isinstance(f, Flowable))
                parts.append((f"the table cell {quoted(flowable_text(cells))}", h, flowable_text(cells)))
    elif placing is not None:
        text = flowable_text(placing)
        parts.append((f"the part {quoted(text)}", placing.wrapOn(canv, width, 1e6)[1], text))

    def explain(name: str, height: float) -> str:
        return (f"the {what} cannot be laid out: {name} is {height:.0f}pt tall, more than a page holds"
                f" ({page:.0f}pt), and it is never split across pages; shorten the text there")
    return LayoutProblem(title, [max(parts, key=lambda p: p[1])] if parts else [], explain)


def text_width(template: SimpleDocTemplate) -> float:
    """The width paragraphs wrap to: the frame SimpleDocTemplate makes has 6pt of
    padding on each side, inside the margins; tables take this width too, so that
    their right edge is the text's."""
    return template.width - 2 * _FRAME_PAD


def render_pdf(doc: m.Document, style: HouseStyle) -> bytes:
    return render_pdf_layout(doc, style)[0]


def render_pdf_layout(doc: m.Document, style: HouseStyle, forms: bool = False) -> tuple[bytes, list[SealBox], int]:
    """The PDF, where its seal places landed (in reading order), and its page count.
    `forms`: signature fields will be added over the seal places (their Form
    elements are kept in the structure tree for them)."""
    if doc.fit_one_page:
        from .fit import fit_style    # a no-op for a style the build has fitted already
        style = fit_style(doc, style, doc.title)
    builder = _Builder(style, page_size(doc))
    tree = builder.node
    buf = io.BytesIO()
    template = doc_template(doc, style, buf, builder)
    story = builder.blocks(doc.blocks, text_width(template))
    marks = {}
    if doc.marks:
        on_page = _page_marks(doc.marks, builder.font["mincho"])
        marks = {"onFirstPage": on_page, "onLaterPages": on_page}
    pages: list[int] = []
    try:
        def every_page(total: int) -> int:        # and the count, for the caller
            pages.append(total)
            return total
        template.build(story, canvasmaker=numbered_canvas(builder.styles["body"].fontName, 9, every_page, tree, forms),
                       **marks)
    except LayoutError:
        raise too_large(doc.kind, doc.title, template.placing, text_width(template),
                        template.height - 2 * _FRAME_PAD) from None
    if doc.fit_one_page and pages != [1]:
        # fit.py measured it on one page: a difference is a bug, never a reason to ship two pages
        raise RuntimeError(f"the {doc.kind} was measured to fit one page but took {pages[0]}")
    return _content_id(buf.getvalue()), builder.seals, pages[0]


_ID = re.compile(rb"\[<([0-9a-fA-F]{32})><\1>\]")


def _content_id(pdf: bytes) -> bytes:
    """Replace the metadata-derived /ID by a digest of the file's content (same
    length, so the cross-reference offsets stay right)."""
    found = _ID.search(pdf)
    if not found:
        return pdf
    blank = pdf[:found.start()] + b"[<" + b"0" * 32 + b"><" + b"0" * 32 + b">]" + pdf[found.end():]
    digest = hashlib.md5(blank).hexdigest().encode()
    return pdf[:found.start()] + b"[<" + digest + b"><" + digest + b">]" + pdf[found.end():]


def write_pdf(doc: m.Document, style: HouseStyle, out: Path) -> None:
    write_atomic(out, render_pdf(doc, style))
