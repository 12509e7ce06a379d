"""The blocks both books share: the title, the cover, the contents entries and the
summary table (widths from the content), and the DOCX book's document."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from .. import japanese
from ..content import model as m
from ..spec.style import HouseStyle
from .as_of import as_of_line
from .rows import Row
from .columns import house_date, partner_names
from .kinds import book_words
from .lines import names_kept, packed, title_lines_by_words, word_ends
from .widths import CELL_PADDING, column_widths, headings

# ---------------------------------------------------------------- the shared blocks
def title_of(fy: int, style: HouseStyle) -> str:
    """令和６年度 連携協定締結状況, or the house style's `annual_title` ({year} = the year label)."""
    label = japanese.fiscal_year_label(fy, style.digits)
    template = style.wording.get("annual_title", "{year}　連携協定締結状況")
    return str(template).replace("{year}", label)


def period_of(fy: int, style: HouseStyle) -> str:
    first, last = japanese.fiscal_year_range(fy)
    return f"{house_date(first, style)}～{house_date(last, style)}"


def issuer_of(rows: list[Row], comma: str = "、") -> str:
    names = list(dict.fromkeys(r.loaded.spec.issuer for r in rows))
    return comma.join(names)


def cover_blocks(fy: int, rows: list[Row], style: HouseStyle, as_of: dt.date | None = None) -> list[m.Block]:
    """The title, the year's period, the count and the issuer; the day the book is as of
    under the count where the office gave one (--as-of: the count is that day's)."""
    day = [m.Paragraph([m.Text(as_of_line(as_of, style))], align="center", space_before=12)] if as_of else []
    return [m.Spacer(180), m.Paragraph([m.Text(title_of(fy, style))], style="title", space_after=24),
            m.Paragraph([m.Text(f"（{period_of(fy, style)}締結分）")], align="center", space_after=12),
            m.Paragraph([m.Text(f"締結件数　{japanese.digits(len(rows), style.digits)}件")], align="center"),
            *day, m.Spacer(220 - (30 if as_of else 0)),
            m.Paragraph([m.Text(issuer_of(rows, style.word("comma")))], style="heading", align="center")]


def contents_entries(rows: list[Row], style: HouseStyle) -> list[tuple[int, str, str]]:
    """(level, text, link key) of the table of contents, in book order."""
    out = [(0, "締結状況一覧", "summary"), (0, book_words(rows).sheets, "sheets")]
    # （１） rather than a bare １: an entry starting with a digit under a line ending in
    # a page number would read as one number broken across lines
    # two agreements of one title signed on one day (彦根市's, one with each company)
    # would be two entries alike: each names its partners before the date, from the
    # 相手方 the table lists, so a reader can tell which page is which
    alike = Counter((r.title, r.signed) for r in rows)
    comma = style.word("comma")

    def when(r: Row) -> str:
        names = partner_names(r.loaded) if alike[(r.title, r.signed)] > 1 else []
        return comma.join([*names, r.signed])
    out += [(1, f"（{japanese.digits(r.number, style.digits)}）{r.title}（{when(r)}）", f"agreement-{r.number}")
            for r in rows]
    return out


def title_lines(title: list[str], width: float, others: list[tuple[float, list[str]]],
                style: HouseStyle, names: tuple[str, ...] = ()) -> list[str]:
    """The title's lines in its cell, `width` points wide, each ending where the title
    allows: between BudouX phrases as the notices' titles break (北海道オホーツク総合
    振興局と / 北見工業大学との / 包括連携協定), a phrase longer than the line after a word
    of it (オホーツク / 総合振興局), where that makes the cell no taller than the row stands
    without it (its tallest other cell, `others` as (width, lines), or the title set as
    any cell is), ends no line inside a word (widths.words: BudouX's phrases may, 無人航 /
    空機を) and leaves no line of one or two characters; else as any cell is, where
    that tears no word and leaves no lone characters either; else between its words
    (widths.title_lines_by_words), the row taller if need be: a title torn inside a word
    (無人航 / 空機, 北見 / 工業大学) reads wrong, a taller row does not; else, a word longer
    than the line, the composer's lines, as any cell's. `names`: the parties' names, words
    of the title (Value.names)."""
    from ..writers.docx.line_breaks import composed_lines

    def height(lines: list[str], points: float) -> int:
        return sum(len(composed_lines(style, "small", text, points)) for text in lines)

    def whole_words(text: str, lines: list[str]) -> bool:
        ends, pos = word_ends(text, names), 0
        for line in lines[:-1]:
            pos += len(line)
            if pos not in ends or len(line) <= 2:
                return False
        return len(lines) < 2 or len(lines[-1]) > 2
    size = style.styles["small"].size
    phrased = [composed_lines(style, "small", text, width, phrases=True) for text in title]
    if sum(map(len, phrased)) <= len(title):
        return title                              # every line fits: nothing to choose
    tallest = max([height(lines, points) for points, lines in others], default=0)
    if (sum(map(len, phrased)) <= max(tallest, height(title, width))
            and all(whole_words(text, lines) for text, lines in zip(title, phrased))):
        chosen = [_evener(lines, text, width / size, names) for text, lines in zip(title, phrased)]
    else:
        plain = [composed_lines(style, "small", text, width) for text in title]
        if all(whole_words(text, lines) for text, lines in zip(title, plain)):
            chosen = plain                            # the composer's lines tear no word
        else:
            worded = [title_lines_by_words(text, width / size, names) for text in title]
            if not all(lines is not None for lines in worded):
                return title
            chosen = worded
    return [ln for text, lines in zip(title, chosen) for ln in _names_whole(lines, text, width / size, names)]


def _names_whole(lines: list[str], text: str, width_ems: float, names: tuple[str, ...]) -> list[str]:
    """`lines`, or the title's lines between its words (lines.title_lines_by_words) where
    these are as few and part its parties' names fewer times (日本国国土交通省港湾局及び /
    シンガポール海事港湾庁との間の / …, not …及びシンガポール / 海事港湾庁…), or one more and
    tear none (酪農学園大学と / 一般財団法人沖縄美ら島財団との / 包括連携協定, not …沖縄美ら /
    島財団…): lines.names_kept."""
    if not names or len(lines) < 2:
        return lines
    worded = title_lines_by_words(text, width_ems, names)
    if worded is not None and names_kept(text, worded, lines, names, width_ems):
        return worded
    return lines


def _evener(phrased: list[str], text: str, width_ems: float, names: tuple[str, ...] = ()) -> list[str]:
    """The composer's phrased lines, or the title's lines between its words at phrases'
    ends (lines.title_lines_by_words) where these are as few and their shortest line is
    longer: the composer fills a line with the phrases that fit, which may leave one
    short (箕輪町、 / 木下区及び長野県箕輪進修高等学校の / …, …協力に関する / 協定書),
    where ending the lines at other phrases sets them evenly (箕輪町、木下区及び /
    長野県箕輪進修高等学校の / …)."""
    worded = title_lines_by_words(text, width_ems, names)
    if (worded is not None and len(worded) <= len(phrased)
            and min(map(len, worded)) > min(map(len, phrased))):
        return worded
    return phrased


def line_inlines(lines: list[str]) -> list[m.Inline]:
    """A value's lines as inlines with a line break between them: a newline is never
    drawn as a glyph (it would be glyph 0, which breaks PDF/UA)."""
    inlines: list[m.Inline] = []
    for i, text in enumerate(lines):
        inlines += [m.LineBreak()] if i else []
        inlines.append(m.Text(text))
    return inlines


def summary_table(rows: list[Row], style: HouseStyle, width: float) -> m.Table:
    """The summary table for a text `width` in points (the PDF's landscape frame, the
    DOCX's page): cells set flush left (a short cell is never spread out), a line of a
    value (one 連携事項, a newline written in the spec) on a line of its own."""
    head = [m.Cell([m.Paragraph([m.Text(c, font="gothic")], style="small", align="center")], shade="shade",
                   align="center", valign="middle", header="column", alt=col.spoken())
            for c, col in zip(headings(style), style.annual.columns)]
    fractions = column_widths(rows, style, width)
    size = style.styles["small"].size
    points = [f * width - CELL_PADDING for f in fractions]    # each cell's text width: its share less its padding
    titles = [k for k, col in enumerate(style.annual.columns) if col.data == "title"]
    body = []
    for r in rows:
        cells = []
        for v, room in zip(r.values, points):
            words = v.words + [v.after] if v.after else v.words
            cells.append(packed(words, room / size) if v.words else v.lines)
        for k in titles:
            others = [(points[j], lines) for j, lines in enumerate(cells) if j not in titles]
            cells[k] = title_lines(cells[k], points[k], others, style, r.values[k].names)
        line = []
        for col, lines in zip(style.annual.columns, cells):
            align = "center" if col.data == "number" else "left"
            line.append(m.Cell([m.Paragraph(line_inlines(lines), style="small", align=align)], align=align))
        body.append(line)
    return m.Table([head, *body], fractions, border="grid", style="small")


def as_of_blocks(style: HouseStyle, as_of: dt.date | None) -> list[m.Block]:
    """（令和７年３月31日現在） above the table, flush right, as lists print it beside their
    heading (篠山市の防災協定（平成26年５月８日現在）); none without --as-of."""
    return [m.Paragraph([m.Text(as_of_line(as_of, style))], style="small", align="right",
                        space_after=4)] if as_of else []


def note_blocks(style: HouseStyle) -> list[m.Block]:
    """The office's note under its list (house style `annual.note`), a line of it on a
    line of its own; none where the house gives none."""
    note = style.annual.note
    if not note:
        return []
    return [m.Paragraph(line_inlines(note.split("\n")), style="small", space_before=6)]


def docx_document(fy: int, rows: list[Row], style: HouseStyle, width: float,
                  as_of: dt.date | None = None) -> m.Document:
    """The book for editing: cover, contents, summary table. The overview sheets are
    the PDF's only, so the contents list what the DOCX holds: a TOC field over the
    level-2 headings (the summary's), which Word updates; the cover's title and 目次
    are level 1. The summary starts on page 3 (cover, one page of contents)."""
    blocks = [*cover_blocks(fy, rows, style, as_of), m.PageBreak(),
              m.Heading([m.Text("目次")], style="title"), m.Contents((2, 2), [("締結状況一覧", 3)]), m.PageBreak(),
              m.Heading([m.Text("締結状況一覧")], level=2, style="heading"), *as_of_blocks(style, as_of),
              summary_table(rows, style, width),
              *note_blocks(style)]
    return m.Document("annual", title_of(fy, style), issuer_of(rows, style.word("comma")), blocks,
                      subject=book_words(rows).subject)
