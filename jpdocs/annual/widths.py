"""The summary table's column widths, shared out by what each column's text needs,
and the units a cell's line may end between (a title's words, a name's words)."""
from __future__ import annotations

import re
import unicodedata

from ..spec.style import HouseStyle
from ..writers.jlreq import NO_END, NO_START, budoux_bounds
from ..writers.jlreq_lines import LEGAL_FORMS, after_word, script_of
from .rows import Row

CELL_PADDING = 8.0          # points left and right of a cell's text together, as the table sets it


def ems(text: str) -> float:
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

def words(text: str) -> list[str]:
    """`text` in the pieces a line may end between without tearing a word: where a word
    starts (jlreq_lines.after_word: after a ・, where the script changes, after a legal
    form: 株式会社 / カゴメ), but hiragana stays with the kanji or katakana before it (its
    okurigana and particles: 災害時における / 無人航空機を / 活用した), and a piece of one or
    two characters with the piece before it, or after a legal form with the piece after it
    (特定非営利活動法人 / 日本ジオパークネットワーク), so that
    no line is left with a lone 等 or との. The pieces join back to `text`."""
    cuts = _cuts(text)
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    out: list[str] = []
    for i, piece in enumerate(pieces):
        short_before = out and len(out[-1]) <= 2 and (len(out) == 1 or out[-2].endswith(LEGAL_FORMS))
        if out and (short_before or len(piece) <= 2 and not out[-1].endswith(LEGAL_FORMS)):
            out[-1] += piece
        elif len(piece) <= 2 and i + 1 == len(pieces) and out:
            out[-1] += piece                 # a last short piece after a legal form: with it
        else:
            out.append(piece)
    return out


def _cuts(text: str) -> list[int]:
    return [i for i in range(1, len(text))
            if after_word(text, i) and text[i] not in NO_START and text[i - 1] not in NO_END
            and not (script_of(text[i]) == "H" and script_of(text[i - 1]) in "CK")]


def word_ends(text: str) -> set[int]:
    """Where a line of `text` may end without tearing a word: between any two of its
    pieces (words) before the short ones are joined to their neighbours."""
    return {*_cuts(text), len(text)}


def title_lines_by_words(text: str, width_ems: float) -> list[str] | None:
    """A title's one line of text set on lines of at most `width_ems`, each ending between
    its words (words), at a BudouX phrase's end where one fits on the line (北海道オホーツク
    / 総合振興局と / 北見工業大学との) and that takes no more lines, else after the last word that fits: BudouX's own
    phrases may end inside a word (無人航 / 空機を), which words never do. None where a
    word is longer than the line."""
    pieces = words(text)
    width_ems += 1e-6       # a column sized to its longest word: its width back from points is a hair less
    if any(ems(p) > width_ems for p in pieces):
        return None
    phrase_ends = set(budoux_bounds(text))
    ends, pos = [], 0
    for p in pieces:
        pos += len(p)
        ends.append(pos)

    def greedy(by_phrase: bool) -> list[str]:
        lines, start, k = [], 0, 0
        while k < len(pieces):
            fits = [j for j in range(k, len(pieces)) if ems(text[start:ends[j]]) <= width_ems]
            at_phrase = [j for j in fits if ends[j] in phrase_ends or ends[j] == len(text)] if by_phrase else []
            j = (at_phrase or fits)[-1]
            lines.append(text[start:ends[j]])
            start, k = ends[j], j + 1
        return lines
    # at phrases' ends where that takes no more lines than words alone (not 箕輪町、 / 木下区
    # 及び / 長野県…: 箕輪町、木下区及び / 長野県…)
    phrased, worded = greedy(True), greedy(False)
    return phrased if len(phrased) <= len(worded) else worded


def _name_words(rows: list[Row], k: int) -> list[str]:
    return [w.removesuffix("\n") for r in rows for w in r.values[k].words]


def headings(style: HouseStyle) -> list[str]:
    return [c.title() for c in style.annual.columns]


def column_widths(rows: list[Row], style: HouseStyle, width: float, padding: float = CELL_PADDING) -> list[float]:
    """Widths from the content (fractions of `width`, points), shared out in turns, each
    turn giving what the one before left, so that what matters most gives last:
    1. every column its heading and longest date on one line (a date never breaks), a
       column of short cells (№, 分類, －) its longest cell: never wrapped;
    2. 協定名 its longest word (words): a title torn inside a word reads wrong, which a
       taller row does not;
    3. 相手方's names and 担当課's units (Value.words) no narrower than their words (a
       name too long for its column breaks between them: blocks.packed), then whole,
       each turn widening the column that makes most names whole for the width it takes,
       so that where the page cannot hold every name whole the fewest are torn at a
       word's edge: a name torn is worse than a title broken at a word's edge rather than
       between phrases, which 協定名 then is;
    4. between that and its longest line, each column by the amount of text it holds (a
       cell's height is about its text over its width, so columns in proportion to their
       text end about equally tall: the table is shortest).
    So, while any column's lines wrap, a column whose cells are all short (－) takes no
    more than its longest cell or heading. What is left once every line fits goes to all
    columns in proportion (as it did before the turns: books whose lines all fit are set
    as they were)."""
    size = style.styles["small"].size
    heads = headings(style)
    n = len(heads)
    least, natural, amount, names = [], [], [], []
    for k, col in enumerate(style.annual.columns):
        lines = [ln for r in rows for ln in r.values[k].lines]
        atoms = [a for ln in lines for a in _UNBROKEN.findall(ln)]
        lo = max([ems(heads[k]), *(ems(a) for a in atoms), 2.5])
        if all(len(ln) <= 4 for ln in lines):           # short cells (№, 分類, －): never wrapped
            lo = max([lo, *(ems(ln) for ln in lines)])
        least.append(lo)
        # a title's words; a name's or an office unit's (each occurrence: a name in many rows weighs more)
        names.append([ems(w) for ln in lines for w in words(ln)] if col.data == "title" else
                     [ems(w.removesuffix("\n")) for r in rows for w in r.values[k].words])
        natural.append(max([lo, *(ems(ln) for ln in lines)]))
        amount.append(sum(ems(ln) for ln in lines) or 1.0)
    room = (width - padding * n) / size                  # em available for the text

    def give(k: int, wanted: float) -> None:             # as far as the room left allows
        least[k] = max(least[k], min(wanted, room - (sum(least) - least[k])))
    titles = [k for k, col in enumerate(style.annual.columns) if col.data == "title"]
    for k in titles:                                     # 2. a title's words whole
        give(k, max(names[k], default=0))
    for k in range(n):                                   # 3. every name's words whole
        if k not in titles:
            give(k, max((ems(w) for name in _name_words(rows, k) for w in words(name)), default=0))
    # 3. then names whole: each turn, the widening that makes most names whole for its width
    while True:
        steps = [(sum(1 for w in names[k] if least[k] < w <= wide) / (wide - least[k]), wide, k)
                 for k in range(n) if k not in titles for wide in set(names[k])
                 if least[k] < wide <= room - (sum(least) - least[k])]
        if not steps:
            break
        _, wide, k = max(steps)
        least[k] = wide
    if sum(natural) <= room:
        got = [g + (room - sum(natural)) * g / sum(natural) for g in natural]
    elif sum(least) >= room:
        got = least
    else:
        def shares(scale: float) -> list[float]:
            return [min(max(scale * a, lo), hi) for a, lo, hi in zip(amount, least, natural)]
        low, high = 0.0, max(hi / a for hi, a in zip(natural, amount))
        for _ in range(60):                              # the scale at which they fill the room
            mid = (low + high) / 2
            low, high = (mid, high) if sum(shares(mid)) < room else (low, mid)
        got = shares(high)
    points = [g * size + padding for g in got]
    total = sum(points)
    return [p / total for p in points]
