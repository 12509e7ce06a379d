"""A cell's lines in the summary table: a line's width (ems), the units a line may end
between (a title's words, a name's words), a title and a list of names set on lines of a
width, and how many lines a cell takes in a column of a width (cell_lines), for the
columns' widths (widths.py) to make the table short."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..spec.style import AnnualColumn
from ..writers.jlreq import NO_END, NO_START, after_okurigana, budoux_bounds, in_kana_word, tears_particle
from ..writers.jlreq_lines import LEGAL_FORMS, after_word, script_of
from .columns import Value
from .name_parts import inner_bounds

MARGIN = 0.25               # em a line's text is given beyond its width (ems)


@lru_cache(maxsize=1 << 16)
def ems(text: str) -> float:
    """A line's width in em, for the PDF and for Word and LibreOffice, which set the DOCX's
    table (the PDF's columns and line breaks) by their own measure: half-width characters
    take half, and a quarter em is counted between Japanese and Latin letters or digits
    (和欧間: the PDF's composer puts an eighth, a word processor may put more); a quarter em
    more (MARGIN) to spare. (Half an em more parted 特定非営利活動法人 / クライシスマッパーズ・
    ジャパン, 24 em, in the 2017 book of the real cases, its column 0.1 em short; the PDF's
    composer sets it in 24 em, LibreOffice in its column of 24.25.)"""
    narrow = [unicodedata.east_asian_width(ch) in ("Na", "H") for ch in text]
    changes = sum(1 for a, b in zip(narrow, narrow[1:]) if a != b)
    return sum(0.5 if n else 1.0 for n in narrow) + 0.25 * changes + MARGIN


# What must stay on one line of a cell: a date (令和６年４月22日, R6.4.22) with what is
# bound to it (～, （自動更新）'s bracket is a place to break), and a column's heading.
UNBROKEN = re.compile(r"(?:明治|大正|昭和|平成|令和)(?:元|[0-9０-９]+)年(?:[0-9０-９]+月(?:[0-9０-９]+日)?)?～?"
                       r"|[0-9０-９]+年[0-9０-９]+月[0-9０-９]+日～?|[MTSHR]?[0-9]+\.[0-9]+\.[0-9]+～?|[!-~]+")

def words(text: str, names: tuple[str, ...] = (), particles: bool = False, parts: bool = False) -> list[str]:
    """`text` in the pieces a line may end between without tearing a word: where a word
    starts (jlreq_lines.after_word: after a ・, where the script changes, after a legal
    form: 株式会社 / カゴメ), but hiragana stays with the kanji or katakana before it (its
    okurigana and particles: 災害時における / 無人航空機を / 活用した), and a piece of one or
    two characters with the piece before it, or after a legal form with the piece after it
    (特定非営利活動法人 / 日本ジオパークネットワーク), and a compound particle never parted
    from its に or の nor, unless `particles`, its に or の from the word before it (…設置運営に
    / 関する協定: jlreq.tears_particle); with `particles` (a word with its particle longer than
    the line) it parts after the に or の, as the notices' headings break (支援活動等に /
    関する協定: a particle never starts a line), so that no line is left with a lone 等 or との. A word also starts and ends where one of `names`
    (the parties' names a title holds: Value.names) does, which no script change shows:
    独立行政法人 / 国立高等専門学校機構 / 長野工業高等専門学校との, its party 長野工業高等専門学校.
    With `parts` (`text` is a name: 相手方's, 担当課's), also where a name written in kanji
    alone parts inside (name_parts.inner_bounds: 国立青少年教育振興機構 / 国立山口…,
    東日本高速道路 / 株式会社). The pieces join back to `text`."""
    cuts = _cuts(text, names, particles, parts)
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


def word_spans(text: str, names: tuple[str, ...], width_ems: float) -> list[tuple[int, int]]:
    """(start, end) of each word of `text` (words) that a line `width_ems` wide holds, for
    prose that breaks only between them (the contents' entries, annual/pdf.py): a word
    with its compound particle longer than the line parts after its に (particles), as the
    title cells do. A title's lines (\n) are worded each on its own."""
    spans, pos = [], 0
    for line in text.split("\n"):
        pieces = words(line, names)
        if any(ems(p) > width_ems for p in pieces):
            pieces = words(line, names, particles=True)
        for p in pieces:
            if len(p) > 1 and ems(p) <= width_ems:
                spans.append((pos, pos + len(p)))
            pos += len(p)
        pos += 1
    return spans


def _cuts(text: str, names: tuple[str, ...] = (), particles: bool = False, parts: bool = False) -> list[int]:
    bounds = _name_bounds(text, names) | (inner_bounds(text) if parts else set())
    return [i for i in range(1, len(text))
            if (after_word(text, i) or i in bounds) and text[i] not in NO_START and text[i - 1] not in NO_END
            and not (script_of(text[i]) == "H" and script_of(text[i - 1]) in "CK") and not tears_particle(text, i)
            and not in_kana_word(text, i)           # 障がい / 者: jlreq.KANA_WORDS
            and not after_okurigana(text, i)        # 子育て / 支援: one word, as the composer keeps it
            or particles and tears_particle(text, i)]


def _written(text: str, name: str) -> list[int]:
    """Where `name` starts in `text`, at every place it is written."""
    starts, start = [], text.find(name) if name else -1
    while start >= 0:
        starts.append(start)
        start = text.find(name, start + 1)
    return starts


def _name_bounds(text: str, names: tuple[str, ...]) -> set[int]:
    """Where each of `names` starts and ends in `text`."""
    return {at for name in names for start in _written(text, name) for at in (start, start + len(name))}


def word_ends(text: str, names: tuple[str, ...] = ()) -> set[int]:
    """Where a line of `text` may end without tearing a word: between any two of its
    pieces (words) before the short ones are joined to their neighbours, after a compound
    particle's に or の too (…支援活動等に / 関する協定, where a line cannot hold the word with
    it), never before it."""
    return {*_cuts(text, names, particles=True), len(text)}


def _inside_names(text: str, names: tuple[str, ...], width_ems: float = float("inf")) -> set[int]:
    """The places strictly inside one of `names` written in `text`, of a name no wider
    than `width_ems` (one a line of that width could hold whole)."""
    return {at for name in names if ems(name) <= width_ems
            for start in _written(text, name) for at in range(start + 1, start + len(name))}


def name_breaks(text: str, lines: list[str], names: tuple[str, ...], width_ems: float = float("inf")) -> int:
    """How many of the line ends of `text` set on `lines` fall inside a party's name (of
    one no wider than `width_ems`)."""
    inside, pos, count = _inside_names(text, names, width_ems), 0, 0
    for line in lines[:-1]:
        pos += len(line)
        count += pos in inside
    return count


def names_kept(text: str, kept: list[str], lines: list[str], names: tuple[str, ...], width_ems: float) -> bool:
    """Whether `kept` sets the title better than `lines` by its parties' names: it parts
    them fewer times in no more lines, or, in one line more, parts none a line of
    `width_ems` can hold where `lines` tear one (2025: 酪農学園大学と / 一般財団法人沖縄美ら
    島財団との / 包括連携協定, not …沖縄美ら / 島財団…: a name torn reads wrong, a row a
    line taller does not). Never more than one line more: a title of many names is not
    stretched down its cell to spare each."""
    if len(kept) <= len(lines):
        return name_breaks(text, kept, names) < name_breaks(text, lines, names)
    return (len(kept) == len(lines) + 1 and name_breaks(text, kept, names, width_ems) == 0
            and name_breaks(text, lines, names, width_ems) > 0)


def title_lines_by_words(text: str, width_ems: float, names: tuple[str, ...] = ()) -> list[str] | None:
    """A title's one line of text set on lines of at most `width_ems`, each ending between
    its words (words), at a BudouX phrase's end where one fits on the line (北海道オホーツク
    / 総合振興局と / 北見工業大学との) and that takes no more lines, else after the last word that fits: BudouX's own
    phrases may end inside a word (無人航 / 空機を), which words never do; a party's name
    that fits on a line is kept whole where that takes no more lines and parts the
    names fewer times (日本国国土交通省港湾局及び / シンガポール海事港湾庁との間の, not
    …及びシンガポール / 海事港湾庁…), or one line more and tears none (names_kept). None where a word is longer than the
    line. `names`: the parties' names the title holds."""
    pieces = words(text, names)
    width_ems += 1e-6       # a column sized to its longest word: its width back from points is a hair less
    if any(ems(p) > width_ems for p in pieces):     # a word with its compound particle too long:
        pieces = words(text, names, particles=True)  # after its に (支援活動等に / 関する協定)
    if any(ems(p) > width_ems for p in pieces):
        return None
    phrase_ends = set(budoux_bounds(text))
    ends, pos = [], 0
    for p in pieces:
        pos += len(p)
        ends.append(pos)

    inside = _inside_names(text, names, width_ems)

    def greedy(by_phrase: bool, by_name: bool) -> list[str]:
        lines, start, k = [], 0, 0
        while k < len(pieces):
            fits = [j for j in range(k, len(pieces)) if ems(text[start:ends[j]]) <= width_ems]
            fits = [j for j in fits if ends[j] not in inside] or fits if by_name else fits
            at_phrase = [j for j in fits if ends[j] in phrase_ends or ends[j] == len(text)] if by_phrase else []
            j = (at_phrase or fits)[-1]
            lines.append(text[start:ends[j]])
            start, k = ends[j], j + 1
        return lines
    # at phrases' ends where that takes fewer lines than words alone, or as few and leaves
    # no line shorter (not 箕輪町、 / 木下区及び / 長野県…, nor 箕輪町、 / 木下区及び長野県
    # 箕輪進修高等学校の / …: 箕輪町、木下区及び / 長野県…)
    def chosen(by_name: bool) -> list[str]:
        phrased, worded = greedy(True, by_name), greedy(False, by_name)
        if len(phrased) < len(worded) or len(phrased) == len(worded) and min(map(len, phrased)) >= min(map(len, worded)):
            return phrased
        return worded
    plain = chosen(False)
    if not inside:
        return plain
    # where a name fits on a line: the lines that keep it whole, as few and parting
    # the parties' names fewer times
    kept = chosen(True)
    if names_kept(text, kept, plain, names, width_ems):
        return kept
    return plain


def packed(names: list[str], ems_wide: float) -> list[str]:
    """Names set on lines of at most `ems_wide`, a line ending only between two names (after
    the comma): a name is never torn across lines. A name longer than the line (the
    page had no room for it) starts a line of its own and breaks between its words
    (words: 特定非営利活動法人 / 日本ジオパークネットワーク; inside a name of kanji alone
    only where name_parts says: …振興機構 / 国立山口…), never inside one, on as
    few lines as filling them would take, ending at its seams where they can (at_seam) and
    the shortest of them as long as it can be (NPO法人 / クライシスマッパーズ・ジャパン, not
    NPO法人クライシスマッパーズ・ / ジャパン: _evenly); a word longer than the line is the
    composer's to break.
    A word ending in a newline ends its line (a line the spec wrote), the newline not kept."""
    lines: list[str] = []
    ended = True
    ems_wide += 1e-6        # a column sized to its longest name: its width back from points is a hair less
    for word in names:
        text = word.removesuffix("\n")
        if not ended and ems(lines[-1] + text) <= ems_wide:
            lines[-1] += text
        elif ems(text) > ems_wide:
            lines += _evenly(words(text, parts=True), ems_wide)
        else:
            lines.append(text)
        ended = text != word
    return lines


def at_seam(name: str, end: int) -> bool:
    """Whether a line of `name` ending at `end` ends at a seam of it, where a narrow list
    parts a name: after its legal form (NPO法人 / クライシスマッパーズ・ジャパン) or a
    space, or where name_parts finds one in a name of kanji alone (…振興機構 / 国立山口…),
    not merely between two of its words (森林研究・ / 整備機構, …研究 / センター)."""
    return name.endswith((*LEGAL_FORMS, "\u3000", " "), 0, end) or end in inner_bounds(name)


def _evenly(pieces: list[str], ems_wide: float) -> list[str]:
    """`pieces` on the fewest lines of at most `ems_wide`, of those the ones whose lines
    end at the name's seams (at_seam) the most often, and of these the one whose shortest
    line is longest (国立研究開発法人森林研究・整備機構 / 森林総合研究所北海道支所, not
    …森林研究・ / 整備機構森林総合研究所…, its lines as long); where a piece is longer than
    the line, filled (the composer breaks it)."""
    name, starts = "".join(pieces), [sum(map(len, pieces[:i])) for i in range(len(pieces) + 1)]

    @lru_cache(maxsize=None)
    def best(i: int) -> tuple[int, int, int, tuple[str, ...]] | None:    # (lines, off seams, -shortest, lines) from pieces[i]
        if i == len(pieces):
            return 0, 0, -10 ** 9, ()
        found = None
        for j in range(i + 1, len(pieces) + 1):
            line = "".join(pieces[i:j])
            if ems(line) > ems_wide:
                break
            rest = best(j)
            if rest is not None:
                off = rest[1] + (j < len(pieces) and not at_seam(name, starts[j]))
                way = (rest[0] + 1, off, max(rest[2], -len(line)), (line, *rest[3]))
                found = way if found is None or way[:3] < found[:3] else found
        return found
    way = best(0)
    if way is not None:
        return list(way[3])
    lines = [""]
    for piece in pieces:
        if lines[-1] and ems(lines[-1] + piece) > ems_wide:
            lines.append("")
        lines[-1] += piece
    return lines


def cell_lines(col: AnnualColumn, value: Value, ems_wide: float) -> int:
    """How many lines the cell takes in a column `ems_wide` wide, as the table sets it
    (blocks.summary_table): names and an office's units packed, a title between its
    words, any other line where a line may end but never inside a date (UNBROKEN). The
    table's composer may set a line of a plain cell in fewer (its measure is narrower), a
    title between its phrases in more only where its row stands that tall anyway
    (blocks.title_lines)."""
    if value.words:
        return len(packed(value.words + [value.after] if value.after else value.words, ems_wide))
    count = 0
    for line in value.lines:
        by_words = title_lines_by_words(line, ems_wide, value.names) if col.data == "title" else None
        count += len(by_words) if by_words is not None else _wrapped(line, ems_wide)
    return count


def _wrapped(text: str, ems_wide: float) -> int:
    """The lines of `text` filled to `ems_wide`, a date (UNBROKEN) kept whole, nothing
    that may not start a line (NO_START) at a line's start."""
    pieces, pos = [], 0
    for atom in UNBROKEN.finditer(text):
        pieces += list(text[pos:atom.start()]) + [atom.group()]
        pos = atom.end()
    pieces += list(text[pos:])
    units: list[str] = []
    for p in pieces:
        if units and (p[0] in NO_START or units[-1][-1] in NO_END):
            units[-1] += p
        else:
            units.append(p)
    lines, line = 1, ""
    for unit in units:
        if line and ems(line + unit) > ems_wide + 1e-6:
            lines, line = lines + 1, unit
        else:
            line += unit
    return lines
