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
import re
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
from reportlab.platypus import (Flowable, Image, Indenter, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate,
                                Spacer, Table, TableStyle)

from .. import fonts, model as m
from ..output import write_atomic
from ..style import HouseStyle

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
_CELL_PAD = 4.0


class TrackedLine(Flowable):
    """One line set with extra space between its characters (報 道 機 関 各 位,
    項　目). The space is character spacing, not inserted spaces, so the text
    stays the user's."""

    def __init__(self, text: str, font: str, size: float, leading: float, tracking: float, align: str,
                 colour=colors.black):
        super().__init__()
        self.text, self.font, self.size, self.leading = text, font, size, leading
        self.char_space, self.align, self.colour = tracking * size, align, colour

    def wrap(self, avail_width, avail_height):
        self.avail = avail_width
        return avail_width, self.leading

    def draw(self):
        width = pdfmetrics.stringWidth(self.text, self.font, self.size) + self.char_space * (len(self.text) - 1)
        x = {"center": (self.avail - width) / 2, "right": self.avail - width}.get(self.align, 0)
        t = self.canv.beginText(x, (self.leading - self.size) / 2 + self.size * 0.12)
        t.setFont(self.font, self.size, self.leading)
        t.setFillColor(self.colour)
        t.setCharSpace(self.char_space)
        t.textOut(self.text)
        self.canv.drawText(t)


class _Builder:
    """Turns blocks into flowables. `width` is the width the blocks are set in."""

    def __init__(self, style: HouseStyle):
        self.house = style
        self.font = fonts.register(style)
        self.styles = {name: self._paragraph_style(name) for name in style.styles}
        self.colour = colors.black     # text colour; a cell's `colour` changes it for its blocks

    def _paragraph_style(self, name: str) -> ParagraphStyle:
        s = self.house.styles[name]
        return ParagraphStyle(name, fontName=self.font[s.font], fontSize=s.size, leading=s.size * s.leading,
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
            return [self.paragraph(m.Paragraph(b.inlines, style=b.style, align=b.align, keep_with_next=True))]
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

    def paragraph(self, p: m.Paragraph) -> Flowable:
        base = self.styles[p.style]
        size = base.fontSize
        if p.tracking:
            text = m.plain_text(p.inlines)
            return TrackedLine(text, base.fontName, size, base.leading, p.tracking,
                               p.align or self.house.styles[p.style].align, self.colour)
        st = ParagraphStyle(f"{p.style}-{id(p)}", parent=base,
                            firstLineIndent=p.first_indent * size, leftIndent=p.left_indent * size,
                            spaceBefore=p.space_before or 0, spaceAfter=p.space_after or 0,
                            keepWithNext=int(p.keep_with_next), textColor=self.colour)
        if p.align:
            st.alignment = _ALIGN[p.align]
        return Paragraph(self.markup(p.inlines, base.fontName), st)

    def item(self, it: m.Item, width: float) -> list[Flowable]:
        base = self.styles[it.style]
        size = base.fontSize
        indent = it.level * size
        hang = it.hang * size if it.hang is not None else pdfmetrics.stringWidth(it.marker, base.fontName, size) + size
        st = ParagraphStyle(f"item-{id(it)}", parent=base, leftIndent=indent + hang, bulletIndent=indent,
                            spaceBefore=size * 0.5, keepWithNext=int(bool(it.blocks)),
                            textColor=self.colour, bulletColor=self.colour)
        bullet = it.marker
        if it.hang is not None and it.marker:
            # reportlab sets the text 0.6em past the end of a bullet that reaches the
            # text; a fixed hang means the text starts exactly there (◆ with hang 1)
            bullet = [_frag(it.marker, base.fontName, size, self.colour)]
            st.bulletFontSize = 0
        head = Paragraph(self.markup(it.inlines, base.fontName), st, bulletText=bullet)
        body = self.blocks(it.blocks, width - indent - hang)
        if not body:
            return [head]
        return [head, Indenter(left=indent + hang), *body, Indenter(left=-(indent + hang))]

    def ki(self, k: m.Ki, width: float) -> list[Flowable]:
        st = self.styles["ki"]
        out = [Paragraph(escape(self.house.word("ki")),
                         ParagraphStyle("ki-head", parent=st, alignment=TA_CENTER, spaceBefore=st.fontSize * 0.6))]
        out += self.blocks(k.blocks, width)
        if k.closing:
            out.append(Paragraph(escape(self.house.word("ijo")),
                                 ParagraphStyle("ki-end", parent=st, alignment=TA_RIGHT)))
        return out

    def image(self, im: m.Image, width: float) -> Flowable:
        """The picture scaled to fit its box (and the width available)."""
        iw, ih = ImageReader(im.src).getSize()
        scale = min(min(im.width, width) / iw, im.height / ih)
        img = Image(im.src, width=iw * scale, height=ih * scale)
        img.hAlign = im.align.upper() if im.align in ("left", "center", "right") else "CENTER"
        return img

    def table(self, t: m.Table, width: float) -> Table:
        widths = [f * width for f in t.widths]
        pad = t.padding if t.padding is not None else (_CELL_PAD if t.border != "none" else 1.0)
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
                outer = self.colour
                if cell.colour:
                    self.colour = colors.HexColor(self.house.colours[cell.colour])
                cells.append(self.blocks(blocks, span_w - 2 * pad))
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


def _frag(text: str, font: str, size: float, colour) -> ParaFrag:
    """A run of bullet text carrying its own font and size."""
    f = ParaFrag()
    f.text, f.fontName, f.fontSize, f.textColor = text, font, size, colour
    return f


def _numbered_canvas(font: str, size: float, pages: list[int]):
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
            pages.append(total)
            for state in self._held:
                self.__dict__.update(state)
                if total > 1:
                    self.setFont(font, size)
                    self.drawCentredString(self._pagesize[0] / 2, 10 * mm, f"- {self._pageNumber} -")
                super().showPage()
            super().save()

    return NumberedCanvas


def doc_template(doc: m.Document, style: HouseStyle, buf, builder: _Builder) -> SimpleDocTemplate:
    """The page set-up: A4 in the document's orientation, the house margins."""
    page = landscape(A4) if doc.orientation == "landscape" else A4
    mg = style.page.margins
    body = builder.styles["body"]
    return SimpleDocTemplate(
        buf, pagesize=page, leftMargin=mg.left * mm, rightMargin=mg.right * mm, topMargin=mg.top * mm,
        bottomMargin=mg.bottom * mm, title=doc.title, author=doc.author, subject=doc.subject,
        creator="jpdocs", lang=doc.lang, displayDocTitle=True, invariant=1,
        initialFontName=body.fontName, initialFontSize=body.fontSize)


def text_width(template: SimpleDocTemplate) -> float:
    """The width paragraphs wrap to: the frame SimpleDocTemplate makes has 6pt of
    padding on each side, inside the margins; tables take this width too, so that
    their right edge is the text's."""
    return template.width - 12


def render_pdf(doc: m.Document, style: HouseStyle) -> bytes:
    if doc.fit_one_page:
        from .fit import fit_style    # a no-op for a style the build has fitted already
        style = fit_style(doc, style, doc.title)
    builder = _Builder(style)
    buf = io.BytesIO()
    template = doc_template(doc, style, buf, builder)
    story = builder.blocks(doc.blocks, text_width(template))
    pages: list[int] = []
    template.build(story, canvasmaker=_numbered_canvas(builder.styles["body"].fontName, 9, pages))
    if doc.fit_one_page and pages != [1]:
        # fit.py measured it on one page: a difference is a bug, never a reason to ship two pages
        raise RuntimeError(f"the {doc.kind} was measured to fit one page but took {pages[0]}")
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
