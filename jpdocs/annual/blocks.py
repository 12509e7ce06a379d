"""The blocks both books share: the title, the cover, the contents entries and the
summary table (widths from the content), and the DOCX book's document."""
from __future__ import annotations

import re
import unicodedata

from .. import japanese
from ..content import model as m
from ..spec.style import HouseStyle
from .rows import Row
from .columns import house_date
from .kinds import book_words

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


def cover_blocks(fy: int, rows: list[Row], style: HouseStyle) -> list[m.Block]:
    return [m.Spacer(180), m.Paragraph([m.Text(title_of(fy, style))], style="title", space_after=24),
            m.Paragraph([m.Text(f"（{period_of(fy, style)}締結分）")], align="center", space_after=12),
            m.Paragraph([m.Text(f"締結件数　{japanese.digits(len(rows), style.digits)}件")], align="center"),
            m.Spacer(220),
            m.Paragraph([m.Text(issuer_of(rows, style.word("comma")))], style="heading", align="center")]


def contents_entries(rows: list[Row], style: HouseStyle) -> list[tuple[int, str, str]]:
    """(level, text, link key) of the table of contents, in book order."""
    out = [(0, "締結状況一覧", "summary"), (0, book_words(rows).sheets, "sheets")]
    # （１） rather than a bare １: an entry starting with a digit under a line ending in
    # a page number would read as one number broken across lines
    out += [(1, f"（{japanese.digits(r.number, style.digits)}）{r.title}（{r.signed}）", f"agreement-{r.number}")
            for r in rows]
    return out


def headings(style: HouseStyle) -> list[str]:
    return [c.title() for c in style.annual.columns]


def _ems(text: str) -> float:
    """A line's width in em as the composer sets it: half-width characters take half,
    and a quarter em stands between Japanese and Latin letters or digits (和欧間);
    half an em more for what rounding and the hanging punctuation may take."""
    narrow = [unicodedata.east_asian_width(ch) in ("Na", "H") for ch in text]
    changes = sum(1 for a, b in zip(narrow, narrow[1:]) if a != b)
    return sum(0.5 if n else 1.0 for n in narrow) + 0.25 * changes + 0.5


# What must stay on one line of a cell: a date (令和６年４月22日, R6.4.22) with what is
# bound to it (～, （自動更新）'s bracket is a place to break), and a column's heading.
_UNBROKEN = re.compile(r"(?:明治|大正|昭和|平成|令和)(?:元|[0-9０-９]+)年(?:[0-9０-９]+月(?:[0-9０-９]+日)?)?～?"
                       r"|[0-9０-９]+年[0-9０-９]+月[0-9０-９]+日～?|[MTSHR]?[0-9]+\.[0-9]+\.[0-9]+～?|[!-~]+")


CELL_PADDING = 8.0          # points left and right of a cell's text together, as the table sets it


def column_widths(rows: list[Row], style: HouseStyle, width: float, padding: float = CELL_PADDING) -> list[float]:
    """Widths from the content (fractions of `width`, points). Every column gets at least
    its longest date and its heading on one line (so a date never breaks), 相手方 its
    longest name and 担当課 its longest unit (Value.words, as far as the page leaves
    room), and at most its longest line; in
    between, widths follow the amount of text each column holds (a cell's height is
    about its text over its width, so columns in proportion to their text end about
    equally tall: the table is shortest). What is left once every line fits goes to all
    columns in proportion."""
    size = style.styles["small"].size
    heads = headings(style)
    n = len(heads)
    least, natural, amount, names = [], [], [], []
    for k in range(n):
        lines = [ln for r in rows for ln in r.values[k].lines]
        atoms = [a for ln in lines for a in _UNBROKEN.findall(ln)]
        lo = max([_ems(heads[k]), *(_ems(a) for a in atoms), 2.5])
        if all(len(ln) <= 4 for ln in lines):           # short cells (№, 分類): never wrapped
            lo = max([lo, *(_ems(ln) for ln in lines)])
        least.append(lo)
        names.append(max([lo, *(_ems(w.removesuffix("\n")) for r in rows for w in r.values[k].words)]))
        natural.append(max([lo, *(_ems(ln) for ln in lines)]))
        amount.append(sum(_ems(ln) for ln in lines) or 1.0)
    room = (width - padding * n) / size                  # em available for the text
    for k in range(n):                                   # a name whole, where the page has room
        least[k] = max(least[k], min(names[k], room - (sum(least) - least[k])))
    if sum(natural) <= room:
        got = [g + (room - sum(natural)) * g / sum(natural) for g in natural]
    elif sum(least) >= room:
        got = least
    else:
        def widths(scale: float) -> list[float]:
            return [min(max(scale * a, lo), hi) for a, lo, hi in zip(amount, least, natural)]
        low, high = 0.0, max(hi / a for hi, a in zip(natural, amount))
        for _ in range(60):                              # the scale at which they fill the room
            mid = (low + high) / 2
            low, high = (mid, high) if sum(widths(mid)) < room else (low, mid)
        got = widths(high)
    points = [g * size + padding for g in got]
    total = sum(points)
    return [p / total for p in points]


def packed(words: list[str], ems: float) -> list[str]:
    """Names set on lines of at most `ems`, a line ending only between two names (after
    the comma): a name is never torn across lines. A name longer than the line (the
    page had no room for it) has a line of its own, which the composer then breaks.
    A word ending in a newline ends its line (a line the spec wrote), the newline not kept."""
    lines: list[str] = []
    ended = True
    for word in words:
        text = word.removesuffix("\n")
        if not ended and _ems(lines[-1] + text) <= ems:
            lines[-1] += text
        else:
            lines.append(text)
        ended = text != word
    return lines


def title_lines(title: list[str], width: float, others: list[tuple[float, list[str]]],
                style: HouseStyle) -> list[str]:
    """The title's lines in its cell, `width` points wide, each ending where the title
    allows, as the notices' titles break: between BudouX phrases (北海道オホーツク総合
    振興局と / 北見工業大学との / 包括連携協定), a phrase longer than the line after a word
    of it (オホーツク / 総合振興局), never inside a proper noun where a line can hold it
    (北見 / 工業大学). Only where that makes the cell no taller than the row stands
    without it (its tallest other cell, `others` as (width, lines), or the title set as
    any cell is): the table is never longer for it; else the lines are the composer's,
    as any cell's."""
    from ..writers.docx.line_breaks import composed_lines

    def height(lines: list[str], points: float) -> int:
        return sum(len(composed_lines(style, "small", text, points)) for text in lines)
    phrased = [ln for text in title for ln in composed_lines(style, "small", text, width, phrases=True)]
    if len(phrased) <= len(title):
        return title                              # every line fits: nothing to choose
    tallest = max([height(lines, points) for points, lines in others], default=0)
    return phrased if len(phrased) <= max(tallest, height(title, width)) else title


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
                   align="center", valign="middle", header="column") for c in headings(style)]
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
            cells[k] = title_lines(cells[k], points[k], others, style)
        line = []
        for col, lines in zip(style.annual.columns, cells):
            align = "center" if col.data == "number" else "left"
            line.append(m.Cell([m.Paragraph(line_inlines(lines), style="small", align=align)], align=align))
        body.append(line)
    return m.Table([head, *body], fractions, border="grid", style="small")


def docx_document(fy: int, rows: list[Row], style: HouseStyle, width: float) -> m.Document:
    """The book for editing: cover, contents, summary table. The overview sheets are
    the PDF's only, so the contents list what the DOCX holds: a TOC field over the
    level-2 headings (the summary's), which Word updates; the cover's title and 目次
    are level 1. The summary starts on page 3 (cover, one page of contents)."""
    blocks = [*cover_blocks(fy, rows, style), m.PageBreak(),
              m.Heading([m.Text("目次")], style="title"), m.Contents((2, 2), [("締結状況一覧", 3)]), m.PageBreak(),
              m.Heading([m.Text("締結状況一覧")], level=2, style="heading"), summary_table(rows, style, width)]
    return m.Document("annual", title_of(fy, style), issuer_of(rows, style.word("comma")), blocks,
                      subject=book_words(rows).subject)
