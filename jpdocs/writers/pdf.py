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
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (Flowable, Indenter, KeepTogether, PageBreak, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

from .. import fonts, model as m
from ..output import write_atomic
from ..style import HouseStyle
from .composer import JParagraph
from .jlreq import Settings

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
_CELL_PAD = 4.0
_FRAME_PAD = 6.0                       # reportlab's Frame padding, each side
_GRID_STYLES = ("body", "item")        # the running text that a character grid holds


class TrackedLine(Flowable):
    """One line set with extra space between its characters (報 道 機 関 各 位,
    項　目). The space is character spacing, not inserted spaces, so the text
    stays the user's."""

    def __init__(self, text: str, font: str, size: float, leading: float, tracking: float, align: str):
        super().__init__()
        self.text, self.font, self.size, self.leading = text, font, size, leading
        self.char_space, self.align = tracking * size, align

    def wrap(self, avail_width, avail_height):
        self.avail = avail_width
        return avail_width, self.leading

    def draw(self):
        width = pdfmetrics.stringWidth(self.text, self.font, self.size) + self.char_space * (len(self.text) - 1)
        x = {"center": (self.avail - width) / 2, "right": self.avail - width}.get(self.align, 0)
        t = self.canv.beginText(x, (self.leading - self.size) / 2 + self.size * 0.12)
        t.setFont(self.font, self.size, self.leading)
        t.setCharSpace(self.char_space)
        t.textOut(self.text)
        self.canv.drawText(t)


class _Builder:
    """Turns blocks into flowables. `width` is the width the blocks are set in."""

    def __init__(self, style: HouseStyle, page=A4):
        self.house = style
        self.font = fonts.register(style)
        ts = style.typesetting
        self.jl = Settings(ts.hanging_punctuation, ts.compress_punctuation, ts.latin_spacing)
        self.pitch = self.line_pitch = None
        if ts.grid:                    # cells of the text block, as Word's docGrid divides it
            mg = style.page.margins
            self.pitch = (page[0] - (mg.left + mg.right) * mm - 2 * _FRAME_PAD) / ts.grid.chars
            self.line_pitch = (page[1] - (mg.top + mg.bottom) * mm - 2 * _FRAME_PAD) / ts.grid.lines
        self.jl_grid = replace(self.jl, pitch=self.pitch)
        self.styles = {name: self._paragraph_style(name) for name in style.styles}

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
                                   phrases=True)]
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
        if isinstance(b, m.PageBreak):
            return [PageBreak()]
        raise TypeError(f"unknown block {type(b).__name__}")

    def markup(self, inlines: list[m.Inline], base_font: str) -> str:
        """Inlines → reportlab paragraph markup, every character escaped."""
        parts = []
        for i in inlines:
            if isinstance(i, m.LineBreak):
                parts.append("<br/>")
                continue
            text = escape(i.text)
            role = "gothic-bold" if i.bold and "gothic-bold" in self.font else i.font
            if role and self.font.get(role, base_font) != base_font:
                text = f'<font name="{self.font[role]}">{text}</font>'
            parts.append(text)
        return "".join(parts)

    def para(self, text: str, style: ParagraphStyle, bulletText=None, phrases: bool = False) -> JParagraph:
        """Every paragraph goes through the JLREQ composer; titles and headings
        break between phrases."""
        kind = style.name.split("-")[0]
        phrases = phrases or kind in ("title", "heading")
        settings = self.jl_grid if self.pitch and kind in _GRID_STYLES else self.jl
        return JParagraph(text, style, bulletText, settings=settings, phrases=phrases)

    def paragraph(self, p: m.Paragraph, phrases: bool = False) -> Flowable:
        base = self.styles[p.style]
        size = base.fontSize
        em = self.pitch if self.pitch and p.style in _GRID_STYLES else size
        if p.tracking:
            text = m.plain_text(p.inlines)
            return TrackedLine(text, base.fontName, size, base.leading, p.tracking,
                               p.align or self.house.styles[p.style].align)
        st = ParagraphStyle(f"{p.style}-{id(p)}", parent=base,
                            firstLineIndent=p.first_indent * em, leftIndent=p.left_indent * em,
                            spaceBefore=p.space_before or 0, spaceAfter=p.space_after or 0,
                            keepWithNext=int(p.keep_with_next))
        if p.align:
            st.alignment = _ALIGN[p.align]
        return self.para(self.markup(p.inlines, base.fontName), st, phrases=phrases)

    def item(self, it: m.Item, width: float) -> list[Flowable]:
        base = self.styles[it.style]
        size = base.fontSize
        indent = it.level * size
        hang = it.hang * size if it.hang is not None else pdfmetrics.stringWidth(it.marker, base.fontName, size) + size
        st = ParagraphStyle(f"item-{id(it)}", parent=base, leftIndent=indent + hang, bulletIndent=indent,
                            spaceBefore=size * 0.5, keepWithNext=int(bool(it.blocks)))
        head = self.para(self.markup(it.inlines, base.fontName), st, bulletText=it.marker)
        body = self.blocks(it.blocks, width - indent - hang)
        if not body:
            return [head]
        return [head, Indenter(left=indent + hang), *body, Indenter(left=-(indent + hang))]

    def ki(self, k: m.Ki, width: float) -> list[Flowable]:
        st = self.styles["ki"]
        out = [self.para(escape(self.house.word("ki")),
                         ParagraphStyle("ki-head", parent=st, alignment=TA_CENTER, spaceBefore=st.fontSize * 0.6))]
        out += self.blocks(k.blocks, width)
        if k.closing:
            out.append(self.para(escape(self.house.word("ijo")),
                                 ParagraphStyle("ki-end", parent=st, alignment=TA_RIGHT)))
        return out

    def table(self, t: m.Table, width: float) -> Table:
        widths = [f * width for f in t.widths]
        pad = _CELL_PAD if t.border != "none" else 1.0
        # FONTNAME: reportlab's cell default is Helvetica, which it would reference
        # (unembedded) even though every cell holds paragraphs.
        data, cmds = [], [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), self.font["mincho"]),
                          ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                          ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad)]
        for r, row in enumerate(t.rows):
            cells, c = [], 0
            for cell in row:
                span_w = sum(widths[c:c + cell.colspan])
                blocks = [self._cell_paragraph(b, cell, t.style) for b in cell.blocks]
                cells.append(self.blocks(blocks, span_w - 2 * pad))
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


def _numbered_canvas(font: str, size: float):
    class NumberedCanvas(Canvas):
        """Holds the pages back until the end, so a page number (- 1 -) is printed
        only when the document has more than one page."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held = []

        def showPage(self):
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                if total > 1:
                    self.setFont(font, size)
                    self.drawCentredString(self._pagesize[0] / 2, 10 * mm, f"- {self._pageNumber} -")
                super().showPage()
            super().save()

    return NumberedCanvas


def render_pdf(doc: m.Document, style: HouseStyle) -> bytes:
    page = landscape(A4) if doc.orientation == "landscape" else A4
    builder = _Builder(style, page)
    mg = style.page.margins
    body_font = builder.styles["body"].fontName
    buf = io.BytesIO()
    template = SimpleDocTemplate(
        buf, pagesize=page, leftMargin=mg.left * mm, rightMargin=mg.right * mm, topMargin=mg.top * mm,
        bottomMargin=mg.bottom * mm, title=doc.title, author=doc.author, subject=doc.subject,
        creator="jpdocs", lang=doc.lang, displayDocTitle=True, invariant=1,
        initialFontName=body_font, initialFontSize=builder.styles["body"].fontSize)
    # the frame's own padding (reportlab's default 6pt a side) narrows the text
    # block; tables sized to template.width stuck 12pt out to the right
    story = builder.blocks(doc.blocks, template.width - 2 * _FRAME_PAD)
    template.build(story, canvasmaker=_numbered_canvas(body_font, 9))
    return _content_id(buf.getvalue())


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
