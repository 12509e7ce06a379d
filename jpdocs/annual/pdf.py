"""The annual overview as ONE reportlab document.

Merging the year's separate PDFs would repeat every font subset in every sheet
(2.4 MB against 154 KB for 32 pages, measured); one document embeds each font once.
The book: cover, table of contents (linked, with page numbers), summary table, then
each agreement's overview sheet made from the same model blocks as the sheet built
on its own (writers/pdf.py's builder turns them into flowables). Every section and
every agreement gets a bookmark; front matter is labelled i, ii and the body 1, 2 …,
as the printed page numbers are.
"""
from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import BaseDocTemplate, Flowable, NextPageTemplate, PageBreak, PageTemplate, TableStyle
from reportlab.platypus import Table
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from .. import collector
from ..content import model as m
from .rows import Row
from .kinds import book_words
from .columns import DASH, amended_agreement, house_date, partner_names, party_words, related_line, value, validity
from .lines import word_spans
from .blocks import CELL_PADDING, as_of_blocks, title_of, issuer_of, cover_blocks, contents_entries, line_inlines, note_blocks, packed, summary_table
from ..build.checks import check_glyphs
from ..build.documents import make_documents
from ..errors import InputError, LayoutProblem
from ..writers.frame import TextFrame
from ..files import FileChanged
from ..fonts.registry import check_unchanged as check_fonts_unchanged
from ..content.locate import located, located_among
from ..spec.style import AnnualColumn, HouseStyle
from ..writers.fit import fit_style
from ..writers.blocks import BlockBuilder
from ..writers.pages import content_id, document_settings
from ..writers.placing import Placing
from ..writers.problems import too_large
from ..writers.tags import Node, escape, tag, tagging_canvas


class Anchor(Flowable):
    """A zero-size mark: a bookmark and outline entry where it lands, optionally a
    table-of-contents entry and the start of a page-label range."""

    def __init__(self, key: str, title: str, level: int = 0, toc: bool = False, label: str | None = None):
        super().__init__()
        self.key, self.title, self.level, self.toc, self.label = key, title, level, toc, label
        self.width = self.height = 0

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        canv = self.canv
        canv.bookmarkPage(self.key, fit="XYZ", left=0, top=canv._pagesize[1])
        canv.addOutlineEntry(self.title, self.key, self.level, closed=False)
        if self.label:
            canv.addPageLabel(canv.getPageNumber() - 1, self.label, 1)
            if self.label == "ARABIC":
                canv._jp_body_start = canv.getPageNumber()


class _Contents(TableOfContents):
    """reportlab's table of contents, its entries set by the project's JLREQ composer
    (reportlab's own paragraph turns the U+3000 after an entry's number into an
    ASCII space) with a leader of … to the page number. An agreement's title breaks
    between its words, as its cell in the summary does (_title_spreads). `titles`: each
    agreement's link key → (its title, the parties' names in it)."""

    def __init__(self, builder: BlockBuilder, titles: dict[str, tuple[str, tuple[str, ...]]], **kw):
        super().__init__(**kw)
        self.builder, self.titles = builder, titles

    def wrap(self, avail_width, avail_height):
        entries = self._lastEntries or [(0, "", 0, None)]

        def entry_end(canvas, kind, label):
            page, level, key = label.split(",")
            page = self.formatter(int(page)) if self.formatter else page
            # the leader from where the entry's text ends as drawn, with the composer's
            # spacing (reportlab's x counts the fonts' widths: the leader ran into the date)
            info = canvas._curr_tx_info
            if hasattr(info["tx"], "jp_drawn_end"):
                info["cur_x"] = info["tx"].jp_drawn_end(info["cur_x"])
            drawPageNumbers(canvas, self.getLevelStyle(int(level)), [(page, key)], avail_width, avail_height, "…")
        self.canv.setNamedCB("drawTOCEntryEnd", entry_end)
        data = []
        toc = self.jp_node
        toc.kids.clear()                 # set anew on each pass of multiBuild
        for level, plain, page, key in entries:
            text = escape(plain)
            if key:
                text = f'<a href="#{key}">{text}</a>'
            label = f"{page},{level},{key}"
            # TOCI > Link: the entry's text and its link annotation (the leader and the
            # page number are drawn as artifacts)
            link = toc.add("TOCI").add("Link" if key else "P", note=plain)
            style = self.getLevelStyle(level)
            spreads = _label_spread(plain, level, style) + self._title_spreads(plain, key, style, avail_width)
            data.append([tag(self.builder.para(f'{text}<onDraw name="drawTOCEntryEnd" label="{label}"/>',
                                               style, spreads=spreads), link)])
        self._table = Table(data, colWidths=(avail_width,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, avail_width, avail_height)
        return self.width, self.height

    def _title_spreads(self, plain: str, key: str, style: ParagraphStyle, avail_width: float) -> tuple:
        """The entry's title's words, each kept on one line (spreads of width 0, set as
        they are): the composer breaks prose between any two characters, and set an entry
        …センターとの連携 / に関する協定, a line starting with a compound particle, which
        neither a title cell nor a heading does (nor 子育て / 支援: lines.words)."""
        if key not in self.titles:
            return ()
        title, names = self.titles[key]
        at = plain.find("）") + 1            # after the number's label: the title
        if not plain.startswith(title, at):
            return ()
        width_ems = (avail_width - style.leftIndent - style.rightIndent) / style.fontSize
        return tuple((at + a, at + b, 0) for a, b in word_spans(title, names, width_ems))


def _label_spread(plain: str, level: int, style: ParagraphStyle) -> tuple:
    """An agreement's entry's number label (（12）) as a spread of its own width: set as
    every entry's is, never pushed in. An entry whose title and date just fit one line
    took the room from every bracket of the line alike, its label's among them
    ((12)災害時… under （11） 連携…); the title's own brackets give it now, or the date
    goes to the next line. Its width without its ）'s blank, which an opener after it
    takes (（６）「地域…: ）「 is set 1.5 em, JLREQ's pair): no wider than the label as
    set, so the spread adds no space between its characters, it only holds them."""
    end = plain.find("）") + 1
    if not level or not end:
        return ()
    return ((0, end, pdfmetrics.stringWidth(plain[:end], style.fontName, style.fontSize) - style.fontSize / 2),)


class _Book(Placing, BaseDocTemplate):
    body_start = 1               # the page labelled 1; known from the previous pass of multiBuild

    def afterFlowable(self, flowable):
        if isinstance(flowable, Anchor):
            if flowable.label == "ARABIC":
                self.body_start = self.page
            if flowable.toc:
                self.notify("TOCEntry", (flowable.level, flowable.title, self.page, flowable.key))


def sheet_document(row: Row, style: HouseStyle, width: float) -> tuple[m.Document, HouseStyle]:
    """The agreement's overview sheet as the build makes it, with the sizes it
    settles on to fit its one page (writers/fit.py), so that the sheet in the book
    is the sheet built on its own. Without areas, a plain sheet of facts, its text
    `width` points wide (a portrait page's)."""
    try:
        docs = make_documents(row.loaded, style, kinds=("overview",), book=True)
        sheet = None if docs else fallback_sheet(row, style, width)
        if sheet is not None:
            check_glyphs(sheet, style, row.loaded, book=True)      # what it prints, in the book's style
    except InputError as exc:             # at its key as the spec writes it (agreements.<id>.…)
        raise row.loaded.as_written(exc) from None
    if sheet is not None:
        return sheet, style
    try:
        return docs[0], fit_style(docs[0], style, str(row.loaded.path))
    except LayoutProblem as exc:          # named at its key and line, as the build names it
        raise row.loaded.as_written(located(exc, row.loaded)) from None


FACTS = (0.2, 0.8)           # the plain sheet's columns: label, value


def fallback_sheet(row: Row, style: HouseStyle, width: float) -> m.Document:
    """The plain sheet of an agreement without areas. 担当課 breaks as the summary
    table breaks it (blocks.packed): after a unit of the office (…総合振興局／地域創生部…),
    never inside one. 相手方 is left to the composer, whose lines hold a name more
    (packed leaves room for a line-end 、 that the composer hangs or halves: 篠山市's 23
    partners took a line more, four names a line instead of five), each name kept whole
    where it fits a line (_names) and the lines set flush left, as the summary table's:
    a long list set as prose tore 一般社団法人日 / 本建設業連合会 (2017), 飯能地区薬 /
    剤師会 (2015), 福島県酪農業協 / 同組合 (2025)."""
    spec = row.loaded.spec
    blocks: list[m.Block] = [m.Heading(line_inlines((row.title + style.word("overview_suffix")).split("\n")), style="title"), m.Spacer(8)]
    ems = (FACTS[1] * width - CELL_PADDING) / style.styles["body"].size     # the value cell's text, in em

    office = value(AnnualColumn(data="department"), row.number, row.loaded, style)
    facts = [("締結日", row.signed.split("\n")), ("相手方", _names(partner_names(row.loaded), style.word("comma"))),
             ("担当課", packed(office.words, ems) if office.words else office.lines),
             ("有効期間", validity(row.loaded, style).lines)]
    if spec.agreement.amendments:          # its later revisions, a line each, as a column of them prints them
        facts.insert(1, ("改定日", [house_date(a.date, style) + (f"（{a.note}）" if a.note else "")
                                   for a in spec.agreement.amendments]))
    if spec.agreement.related:             # the documents under it, a line each, as their column prints them
        facts.append(("関連文書", [related_line(r, style) for r in spec.agreement.related]))
    if spec.agreement.amends:              # what it amends, as the book's row names it
        facts.append(("原協定", [amended_agreement(spec.agreement.amends, style)]))
    blocks.append(m.Table([[m.Cell([m.Paragraph([m.Text(k, font="gothic")])], shade="shade", header="row"),
                            m.Cell([m.Paragraph(v, align="left") if k == "相手方" else m.Paragraph(line_inlines(v))])]
                           for k, v in facts], list(FACTS)))
    if spec.agreement.areas:               # no heading over nothing
        blocks.append(m.Paragraph([m.Text("連携事項")], style="heading", space_before=10))
    for i, area in enumerate(spec.agreement.areas, 1):
        blocks.append(m.Item(f"({i})", [m.Text(area.heading)],
                             [m.Item("・", [m.Text(t)], level=0) for t in area.items]))
    return m.Document("overview", row.title, spec.issuer, blocks)


def _names(names: list[str], comma: str) -> list[m.Inline]:
    """相手方 as the book's row writes it, the names parted by the house's comma (columns.partners),
    each name a Whole (a line break the spec wrote kept), － where there is none."""
    out: list[m.Inline] = []
    for k, name in enumerate(names):
        out += [m.Text(comma)] if k else []
        for j, part in enumerate(name.split("\n")):
            out += [m.LineBreak()] if j else []
            out.append(m.Whole(part))
    return out or [m.Text(DASH)]


def render_annual_pdf(fy: int, rows: list[Row], style: HouseStyle, as_of: dt.date | None = None) -> bytes:
    tree = Node("Document")
    builder = BlockBuilder(style, tree=tree)
    mg = style.page.margins
    body = builder.styles["body"]
    buf = io.BytesIO()
    title = title_of(fy, style)
    issuers = issuer_of(rows, style.word("comma"))
    doc = _Book(buf, pagesize=A4, **document_settings(title, issuers, book_words(rows).subject, mg, body))

    def footer(canv, _doc):
        start = getattr(canv, "_jp_body_start", None)
        if start and canv.getPageNumber() >= start:
            canv.setFont(body.fontName, 9)
            canv.drawCentredString(canv._pagesize[0] / 2, 10 * mm, f"- {canv.getPageNumber() - start + 1} -")

    frames = {}
    for name, size in (("portrait", A4), ("landscape", landscape(A4))):
        # reportlab's default 6pt frame padding, as SimpleDocTemplate (writers/pdf.py) and
        # fit.py's measure have it: a sheet fits the book's page exactly as its own.
        frames[name] = TextFrame(mg.left * mm, mg.bottom * mm, size[0] - (mg.left + mg.right) * mm,
                             size[1] - (mg.top + mg.bottom) * mm, id=name)
    doc.addPageTemplates([PageTemplate(n, [f], onPageEnd=footer, pagesize=landscape(A4) if n == "landscape" else A4)
                          for n, f in frames.items()])
    width = frames["portrait"]._width - 12            # as writers/pdf.text_width

    toc = _Contents(builder, {f"agreement-{r.number}": (r.title, party_words(r.loaded)) for r in rows}, dotsMinLevel=0)
    toc.formatter = lambda page: str(page - doc.body_start + 1)      # as printed and labelled
    # The TOC's own table would otherwise name Helvetica in the file (reportlab's cell default).
    toc.tableStyle = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 ("FONTNAME", (0, 0), (-1, -1), builder.font["mincho"])])
    toc.levelStyles = [ParagraphStyle(f"toc{i}", fontName=builder.font["mincho"], fontSize=10.5, leading=18,
                                      # level 1 hangs its lines under the text after （１）
                                      leftIndent=(2 + 3) * i * 10.5, firstLineIndent=-3 * i * 10.5,
                                      wordWrap="CJK",
                                      rightIndent=3 * 10.5)     # room for the page number
                       for i in range(2)]
    story = [Anchor("cover", "表紙", label="ROMAN_LOWER"), *builder.blocks(cover_blocks(fy, rows, style, as_of), width),
             PageBreak(), Anchor("contents", "目次"),
             *builder.blocks([m.Heading([m.Text("目次")], style="title")], width)]
    toc.jp_node = builder.node.add("TOC")
    story += [toc,
             # the table's columns want the page's long side
             NextPageTemplate("landscape"), PageBreak(), Anchor("summary", "締結状況一覧", toc=True, label="ARABIC"),
             *builder.blocks([m.Heading([m.Text("締結状況一覧")], style="heading")], width)]
    story += builder.blocks(as_of_blocks(style, as_of), frames["landscape"]._width - 12)
    table_width = frames["landscape"]._width - 12
    table = builder.table(summary_table(rows, style, table_width), table_width)
    table.repeatRows = 1                       # the column heads on every page of a long year
    story.append(table)
    story += builder.blocks(note_blocks(style), table_width)
    keys = {key: text for _, text, key in contents_entries(rows, style)}
    for i, row in enumerate(rows):
        sheet, sheet_style = sheet_document(row, style, width)
        story += [NextPageTemplate(sheet.orientation), PageBreak()]
        if i == 0:
            story.append(Anchor("sheets", book_words(rows).sheets, toc=True))
        story.append(Anchor(f"agreement-{row.number}", keys[f"agreement-{row.number}"], level=1, toc=True))
        sheet_builder = builder if sheet_style is style else BlockBuilder(sheet_style)
        sheet_builder.node = tree.add("Part")          # each sheet a Part of the book
        story += sheet_builder.blocks(sheet.blocks, frames[sheet.orientation]._width - 12)
    try:
        with collector.held_off():
            doc.multiBuild(story, canvasmaker=tagging_canvas(tree))
    except LayoutError:           # a row or a sheet taller than a page: named at its spec's key
        frame = doc.frame
        page = frame._height - frame._topPadding - frame._bottomPadding
        raise located_among(too_large("annual overview", title, doc.placing, frame._width - 12, page),
                            [r.loaded for r in rows]) from None
    except FileChanged:           # a font file cut short as its glyphs were read (writers/pdf.py)
        check_fonts_unchanged()
        raise
    check_fonts_unchanged()
    return content_id(buf.getvalue())
