"""The summary table's column widths, shared out by what each column's text needs
(the cells' lines measured by lines.py)."""
from __future__ import annotations

from collections import Counter

from ..spec.style import HouseStyle
from ..writers.jlreq_lines import script_of
from .lines import UNBROKEN, at_seam, cell_lines, ems, packed, words
from .rows import Row

CELL_PADDING = 8.0          # points left and right of a cell's text together, as the table sets it
STEP = 0.25                 # em: the unit of ems, so widths in its steps find every width a cell's lines change at
ROOMY = ("title", "partners")     # the columns a reader reads along: the width no column needs goes to them


def _name_words(rows: list[Row], k: int) -> list[str]:
    return [w.removesuffix("\n") for r in rows for w in r.values[k].words]


def name_words(name: str) -> list[str]:
    """A name's words (lines.words) as a line holds them whole where the page has room, a ・
    between katakana not parting them: it is the space inside one name written in katakana
    (クライシスマッパーズ・ジャパン: NPO法人 / クライシスマッパーズ・ / ジャパン tears it), not
    the ・ between the names of a list (長町・芳斉・松ケ枝・長土塀の4町会連合会)."""
    out: list[str] = []
    for w in words(name, parts=True):
        if out and len(out[-1]) > 1 and out[-1].endswith("・") and script_of(out[-1][-2]) == script_of(w[0]) == "K":
            out[-1] += w
        else:
            out.append(w)
    return out


def headings(style: HouseStyle) -> list[str]:
    return [c.title() for c in style.annual.columns]


def column_widths(rows: list[Row], style: HouseStyle, width: float, padding: float = CELL_PADDING) -> list[float]:
    """Widths from the content (fractions of `width`, points), shared out in turns, each
    turn giving what the one before left, so that what matters most gives last:
    1. every column its heading and longest date on one line (a date never breaks), a
       column of short cells (№, 分類, －) its longest cell: never wrapped;
    2. 協定名 its longest word (words, a party's name a word of it: Value.names): a
       title torn inside a word reads wrong, which a taller row does not;
    3. 相手方's names and 担当課's units (Value.words) no narrower than their words (a
       name too long for its column breaks between them: lines.packed), a katakana
       name's ・ inside its word (name_words);
    4. the table as short as the page lets it be (shortest), by one measure: its rows'
       lines, a cell much taller than its neighbours, and the names and lines of cells
       parted across lines, so that a name is whole where the page has room and parted
       between its words (after its legal form where it can be) where holding it whole
       would make the table taller; what is left once nothing saves goes to the columns
       still wrapping, by the amount of text they hold.
    So, while any column's lines wrap, a column whose cells are all short (－) takes no
    more than its longest cell or heading. Once every line fits, the width left goes to
    the columns read along (協定名, 相手方: ROOMY) in proportion to their longest lines:
    №, a date or a column of short cells is as wide as its text, never spread out."""
    size = style.styles["small"].size
    heads = headings(style)
    columns = style.annual.columns
    n = len(heads)
    least, natural, amount, names = [], [], [], []
    for k, col in enumerate(columns):
        lines = [ln for r in rows for ln in r.values[k].lines]
        atoms = [a for ln in lines for a in UNBROKEN.findall(ln)]
        lo = max([ems(heads[k]), *(ems(a) for a in atoms), 2.5])
        if all(len(ln) <= 4 for ln in lines):           # short cells (№, 分類, －): never wrapped
            lo = max([lo, *(ems(ln) for ln in lines)])
        least.append(lo)
        # a title's words; a name's, an office unit's or, in a column of neither, a line's
        # (each occurrence: a name in many rows weighs more)
        names.append([w for r in rows for ln in r.values[k].lines for w in words(ln, r.values[k].names)]
                     if col.data == "title" else
                     [w.removesuffix("\n") for r in rows for w in r.values[k].words or r.values[k].lines])
        natural.append(max([lo, *(ems(ln) for ln in lines)]))
        amount.append(sum(ems(ln) for ln in lines) or 1.0)
    room = (width - padding * n) / size                  # em available for the text

    def give(k: int, wanted: float) -> None:             # as far as the room left allows
        least[k] = max(least[k], min(wanted, room - (sum(least) - least[k])))
    titles = [k for k, col in enumerate(columns) if col.data == "title"]
    for k in titles:                                     # 2. a title's words whole
        give(k, max(map(ems, names[k]), default=0))
    for k in range(n):                                   # 3. every name's words whole
        if k not in titles:
            give(k, max((ems(w) for name in _name_words(rows, k) for w in name_words(name)), default=0))
    if sum(natural) <= room:                             # every line fits: the rest to the columns read along
        roomy = [k for k, col in enumerate(columns) if col.data in ROOMY] or list(range(n))
        spare = room - sum(natural)
        wide = sum(natural[k] for k in roomy)
        got = [g + spare * g / wide if k in roomy else g for k, g in enumerate(natural)]
    elif sum(least) >= room:
        got = least
    else:
        got = _in_proportion(amount, shortest(rows, style, least, natural, room, names, titles), natural, room)
    points = [g * size + padding for g in got]
    total = sum(points)
    return [p / total for p in points]


def shortest(rows: list[Row], style: HouseStyle, least: list[float], natural: list[float],
             room: float, names: list[list[str]], titles: list[int]) -> list[float]:
    """4. The table as short as the page lets it be, by one measure (_row_cost, _parting):
    its rows' lines (a row stands as tall as its tallest cell: lines.cell_lines), a cell
    much taller than its neighbours counted again, a name or a line of a cell parted
    counted as lines. From `least`, each turn the widening (up to a column's `natural`
    width, within `room`) that saves the most per em it takes; then, the room given out,
    each turn the width moved from one column to another that saves the most, while any
    saves: a tall office (国立研究開発法人国立環境研究所… on nine lines beside a title on
    four) comes off only some seven em at a time, which the first turns, taking what
    saves most per em, had left to no column. (Which layout is shortest is the measure's
    to say, not the turns' path: with an office's unit parted at OFFICE_UNIT 4, the 2016
    book's nine-line office measured 125 to the six's 129, the best of every width, and
    the six held only because the office's one seven-em step still fitted when its turn
    came; a ten-party row (gunma-tobu-suido-2016) widened 相手方 first, and it no longer
    did. The layout of the office on seven, 協定名 wider, sets the PDF four lines shorter,
    but tears 環境省国立水俣病総合研究 / センター and parts the office's units across its
    lines. The lines are counted as Word sets the DOCX's table, a quarter em to spare
    (lines.ems): a title the PDF sets on two may be counted three.)"""
    columns = style.annual.columns
    n = len(least)
    counted: dict[tuple[int, float], tuple[list[int], int]] = {}
    each = [Counter(ns) for ns in names]                 # a name written in many rows counted as often

    def at(k: int, wide: float) -> tuple[list[int], int]:
        """Each row's lines in column k `wide` em wide, and what parting its names costs."""
        key = (k, round(wide, 6))
        if key not in counted:
            office = columns[k].data == "department"
            parted = 0 if k in titles else sum(count * _parting(packed([w], wide), office)
                                               for w, count in each[k].items() if ems(w) > wide + 1e-6)
            counted[key] = [cell_lines(columns[k], r.values[k], wide) for r in rows], parted
        return counted[key]

    marks: list[list[float]] = []                        # the widths at which a column's lines or parting change
    for k in range(n):
        marks.append([])
        before, wide = at(k, least[k]), least[k] + STEP
        while wide <= min(natural[k], least[k] + room - sum(least)) + 1e-9:
            if at(k, wide) != before:
                marks[k].append(wide)
                before = at(k, wide)
            wide += STEP

    def measure(changed: dict[int, float], got: list[float]) -> int:
        """The table's measure with the columns of `changed` at those widths, the rest at `got`'s:
        the unchanged columns' two tallest cells of each row taken once for all the widths tried."""
        key = tuple(sorted(changed))
        if key not in tops:
            rest = [at(k, got[k]) for k in range(n) if k not in changed]
            tops[key] = ([_two_tallest(cells) for cells in zip(*(r[0] for r in rest))] if rest else
                         [(0, 0)] * len(rows), sum(r[1] for r in rest))
        two, parted = tops[key]
        mine = [at(k, w) for k, w in changed.items()]
        parted += sum(m[1] for m in mine)
        return parted + sum(_row_cost(*_two_tallest((*cells, *t))) for t, *cells in zip(two, *(m[0] for m in mine)))
    got = list(least)
    while True:                                          # widening into the room left
        tops: dict = {}
        free, best = room - sum(got), None
        now = measure({}, got)
        for k in range(n):
            for wide in marks[k]:
                if wide <= got[k] + 1e-9:
                    continue
                if wide - got[k] > free + 1e-9:
                    break
                saved = now - measure({k: wide}, got)
                if saved > 0 and (best is None or saved / (wide - got[k]) > best[0]):
                    best = (saved / (wide - got[k]), k, wide)
        if best is None:
            break
        got[best[1]] = best[2]
    while True:                                          # width moved from one column to another
        tops = {}
        free, best = max(room - sum(got), 0.0), None
        now = measure({}, got)
        for k in range(n):
            for j in range(n):
                if j == k or got[j] <= least[j] + 1e-9:
                    continue
                for wide in marks[k]:
                    taken = wide - got[k] - free
                    if wide <= got[k] + 1e-9 or taken <= 1e-9:       # within the room left: the turns above
                        continue
                    if got[j] - taken < least[j] - 1e-9:
                        break
                    saved = now - measure({k: wide, j: got[j] - taken}, got)
                    if saved > 0 and (best is None or (saved, -taken) > best[0]):
                        best = ((saved, -taken), k, wide, j, got[j] - taken)
        if best is None:
            return got
        _, k, wide, j, narrower = best
        got[k], got[j] = wide, narrower


def _two_tallest(cells) -> tuple[int, int]:
    """A row's two tallest cells' lines (the second 0 in a row of one cell)."""
    first = second = 0
    for c in cells:
        if c > first:
            first, second = c, first
        elif c > second:
            second = c
    return first, second


def _parting(lines: list[str], office: bool = False) -> int:
    """What a name set on `lines` costs: two for each line beyond its first, as a line of
    the table (_row_cost), and two more for each that does not end at a seam of the name
    (lines.at_seam: after its legal form, at a space, or where a list parts a name of kanji
    alone, …振興機構 / 国立山口…, 東日本高速道路 / 株式会社). NPO法人 / クライシスマッパーズ・ジャパン
    is how a narrow list parts it; NPO法人クライシスマッパーズ・ / ジャパン, 環境省国立水俣病
    総合研究 / センター read worse.
    A unit of an office (担当課: offices.py) parted costs OFFICE_UNIT more for each line
    beyond its first ending at a seam, OFFICE_TORN more for one inside a word: an
    office's lines read as its units, one under
    another, so a unit set on two (国立研究開発法人 / 国立環境研究所) reads as two units, and
    the office stands taller than its units (2016: on seven or nine lines, not six)."""
    name, ends = "".join(lines), [sum(map(len, lines[:k + 1])) for k in range(len(lines) - 1)]
    return sum(2 + OFFICE_UNIT * office if at_seam(name, end) else 4 + OFFICE_TORN * office for end in ends)


# What a unit of an office parted costs beyond a name parted, a line of it: at a seam
# (国立研究開発法人 / 国立環境研究所, read as two units), OFFICE_UNIT; inside a word
# (国立水俣病総合研究 / センター, a unit torn), OFFICE_TORN, a misnamed office costing as a
# row some six lines taller. At 4 for both, the 2016 book of the real cases measured its
# office on nine lines (those two parted, beside a title on three) below the six it sets
# whole, 125 to 129, and with the ten-party row of gunma-tobu-suido-2016 147 to 153; now
# 134 to 129 and 156 to 153 (the office on seven, 相手方 wider, 154), the six the best of
# every width the four wrapping columns take at a quarter em, whichever turns find it.
# A unit parted after its legal form where the table is shorter for it stays cheap
# (愛媛大学's office, tests/test_annual_offices.py): OFFICE_UNIT 8 held it whole. The 2017,
# 2018 and 2025 books are set as before.
OFFICE_UNIT = 5
OFFICE_TORN = 12


def _row_cost(tallest: int, second: int) -> int:
    """A row's lines, counted twice, and the lines its tallest cell stands above the next
    tallest once more: a cell much taller than its neighbours leaves its row empty beside it."""
    return 2 * tallest + (tallest - second)


def _in_proportion(amount: list[float], least: list[float], natural: list[float], room: float) -> list[float]:
    """The room shared between each column's `least` and `natural` width by the `amount`
    of text it holds (a cell's height is about its text over its width)."""
    def shares(scale: float) -> list[float]:
        return [min(max(scale * a, lo), hi) for a, lo, hi in zip(amount, least, natural)]
    low, high = 0.0, max(hi / a for hi, a in zip(natural, amount))
    for _ in range(60):                                  # the scale at which they fill the room
        mid = (low + high) / 2
        low, high = (mid, high) if sum(shares(mid)) < room else (low, mid)
    return shares(high)
