"""Signature blocks sharing the measure (<table fit="blocks">). Two a row
(agreement.signature_columns: 2): each half of the table is the block's label column,
its lines' column and its seal column, the lines' columns as wide as the template
makes them. A line with no space to break at (アメリカ合衆国カリフォルニヤ州, a place
the block names above its organisation) would break inside its word where its column
is narrower, though the other block's lines leave room beside it (seen: 芦屋市's
covenant of 1961, …カリフォルニヤ / 州 beside 日本国兵庫県). Then, and only then, the
two lines' columns share their room by what they hold, as a typesetter sets two
blocks whose lines differ in length: where both blocks' longest lines fit the room
side by side, each column as wide as the longest line it must hold, the block with
the short lines moved over (its lines still start at one x, its seal column where it
was); where they do not, the column gets just what its longest word needs, the other
the rest, and the lines break at their spaces as before. Where no word is cut, the
widths are the template's: the page is as it was. Three a row: the same (_fitted_three).

One a row (the blocks one under another, four columns: the space before the labels,
label, lines, seal): the lines' column is what the house's indent (signature_indent)
leaves, and a line wider than it broke though the space before could give it room
(町田市・相模原市・CMJ 2019: NPO法人クライシスマッパーズ・ / ジャパン). Where a word
would be cut so, and only then, the space before gives the lines' column what the
word needs, and the widest line it can then hold (_fitted_one): every block moves
left alike, its lines still at one x.

The same widths for the PDF and the DOCX (columns.fitted_widths), measured with the
fonts that draw them."""
from __future__ import annotations

import re

from reportlab.pdfbase import pdfmetrics

from ..content import model as m
from .jlreq import SPACES, _JA as JA_CHARS, _LATIN as LATIN_CHARS

_SLACK = 1.0          # points: rounding in Word's layout of the same width
_JA, _LATIN = re.compile(f"[{JA_CHARS}]"), re.compile(f"[{LATIN_CHARS}]")


def _spans(row: list[m.Cell]) -> list[tuple[int, int, m.Cell]]:
    """Each cell of a row with the first column it covers and how many."""
    out, col = [], 0
    for cell in row:
        out.append((col, cell.colspan, cell))
        col += cell.colspan
    return out


def _gap(a: str, b: str, size: float) -> float:
    """The space the composer sets between two characters: a quarter em between a
    Japanese character and a Latin letter or digit (和欧間: NPO法人), else none."""
    if (_JA.match(a) and _LATIN.match(b)) or (_LATIN.match(a) and _JA.match(b)):
        return size / 4
    return 0.0


def _line(runs: list[tuple[str, float, float | None]], start: float, left: float, font: str,
          gaps: bool) -> tuple[float, float]:
    """A line's width from `start`, and its longest word (a word after a space begins a
    line at `left`, where the line breaks there). `runs`: (text, type size, and for a
    run kept whole, the width it is set across, else None)."""
    at = w = longest = start
    prev = " "
    for text, size, whole in runs:
        pieces = [text] if whole is not None else text.replace(" ", "\0 ").replace("\u3000", "\0\u3000").split("\0")
        for piece in pieces:
            if piece and piece[0] in SPACES:           # a space, where a line may break
                at += pdfmetrics.stringWidth(piece[0], font, size)
                w, prev, piece = left, piece[0], piece[1:]
            if not piece:
                continue
            got = pdfmetrics.stringWidth(piece, font, size)
            if whole is not None:
                got = max(got, whole)
            if gaps:
                got += sum(_gap(a, b, size) for a, b in zip(prev + piece, piece))
            at, w, prev = at + got, w + got, piece[-1]
            longest = max(longest, w)
    return at, longest


def _lines(cell: m.Cell, font: str, size: float, gaps: bool) -> list[tuple[float, float]]:
    """Each line of the cell's paragraphs (a newline ends one): its width whole, after
    its indent, and its longest word (a part no full-width or plain space divides, at
    the indent a line it begins would have), in points: a run in a type of its own (a
    name set larger) at its size, a spread (大 和 市 長) or a name kept whole as wide as
    it is set and a word of its own, with the composer's 和欧間 where `gaps` (the
    house's typesetting.latin_spacing)."""
    out = []
    for b in cell.blocks:
        if not isinstance(b, m.Paragraph):
            continue
        lines: list[list] = [[]]
        for i in b.inlines:
            if isinstance(i, (m.Spread, m.Whole)):
                lines[-1].append((i.text, i.size or size, getattr(i, "width", 0.0) * size))
            elif isinstance(i, m.Text):
                for k, part in enumerate(i.text.split("\n")):
                    if k:
                        lines.append([])
                    lines[-1].append((part, i.size or size, None))
            else:                                    # a line break
                lines.append([])
        for k, runs in enumerate(lines):
            start = (b.left_indent + (b.first_indent if k == 0 else 0.0)) * size
            out.append(_line(runs, start, b.left_indent * size, font, gaps))
    return out


def _needs(t: m.Table, widths: list[float], cols: tuple[int, ...], width: float, pad: float,
           font: str, size: float, gaps: bool) -> list[list[tuple[float, float]]]:
    """Per lines' column: the room each line it holds needs whole, and its longest
    word (with the cell's padding, less what a cell spanning more columns has beside it)."""
    extra = 2 * pad + _SLACK
    need: list[list[tuple[float, float]]] = [[] for _ in cols]
    for row in t.rows:
        for first, span, cell in _spans(row):
            for k, col in enumerate(cols):
                if first <= col < first + span and first + span <= col + 2:
                    rest = sum(widths[first:first + span]) * width - widths[col] * width
                    need[k] += [(line + extra - rest, word + extra - rest) for line, word in _lines(cell, font, size, gaps)]
    return need


def _longest(need: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Per lines' column: the room its longest line and its longest word need."""
    return [[max((x[0] for x in n), default=0.0), max((x[1] for x in n), default=0.0)] for n in need]


def _fitted_three(t: m.Table, widths: list[float], width: float, pad: float, font: str,
                  size: float, gaps: bool) -> list[float]:
    """Three blocks a row (nine columns: label, lines, seal, three times): where a word
    would be cut (ソ連邦沿海地方政府首席 in a third of the measure), the lines' columns (1,
    4, 7) share their room: each as wide as its longest line where all three fit so, else
    as its longest word, the rest shared evenly; the template's widths where no word is
    cut or the words do not fit side by side."""
    cols = (1, 4, 7)
    need = _longest(_needs(t, widths, cols, width, pad, font, size, gaps))
    own = [widths[c] * width for c in cols]
    if all(n[1] <= o for n, o in zip(need, own)):
        return widths                        # no word cut: as the template sets them
    room = sum(own)
    for k in (0, 1):                         # the longest lines, else the longest words
        got = [n[k] for n in need]
        if sum(got) <= room:
            spare = (room - sum(got)) / len(cols)
            for c, g in zip(cols, got):
                widths[c] = (g + spare) / width
            return widths
    return widths                            # no room for the words side by side: as before


_LEAST_BEFORE = 0.02    # the space before the labels the template leaves at the least (signature_indent: 0)


def _fitted_one(t: m.Table, widths: list[float], width: float, pad: float, font: str,
                size: float, gaps: bool) -> list[float]:
    """One block a row (four columns: the space before the labels, label, lines, seal):
    where a word is wider than the lines' column (NPO法人クライシスマッパーズ・ジャパン),
    the space before gives the column what it needs whole, and what the widest line it
    can then hold whole needs (町田市長　石阪　丈一 beside it), so that the blocks move
    left alike, as little as that takes. Where no word is cut the widths are the
    template's: a line longer than the column breaks at its spaces as the house's
    indent has it (東大阪市教育委員会教育長職務代理者 / 教育次長　伊藤　頼保, as the copy
    sets it); so too where the word does not fit even so. The label and seal columns
    stay as they were."""
    (lines,) = _needs(t, widths, (2,), width, pad, font, size, gaps)
    own = widths[2] * width
    room = own + max(0.0, widths[0] - _LEAST_BEFORE) * width
    words = [w for _, w in lines if own < w <= room]           # cut words the space before keeps whole
    if not words:
        return widths                        # no word cut, or none that room keeps whole: as before
    got = max(words + [x for x, _ in lines if x <= room])
    widths[0] -= (got - own) / width
    widths[2] += (got - own) / width
    return widths


def fitted_blocks(t: m.Table, width: float, pad: float, font: str, size: float,
                  gaps: bool = True) -> list[float]:
    """The widths (fractions) of a table of two blocks a row (six columns: label, lines,
    seal, twice), the lines' columns (1 and 4) shared as above; three a row (nine
    columns) by _fitted_three, one a row (four) by _fitted_one; the template's widths
    where no longest word is wider than its column. `gaps`: the house sets a quarter em
    between Japanese and Latin (typesetting.latin_spacing), which the lines need too."""
    widths = list(t.widths)
    if len(widths) == 9:
        return _fitted_three(t, widths, width, pad, font, size, gaps)
    if len(widths) == 4:
        return _fitted_one(t, widths, width, pad, font, size, gaps)
    if len(widths) != 6:
        return widths
    need = _longest(_needs(t, widths, (1, 4), width, pad, font, size, gaps))  # per half: longest line, word
    room = (widths[1] + widths[4]) * width
    own = [widths[1] * width, widths[4] * width]
    if need[0][1] <= own[0] and need[1][1] <= own[1]:
        return widths                        # no word cut: as the template sets them
    wide = 0 if need[0][1] > own[0] else 1   # the block whose word is cut
    if need[0][0] + need[1][0] <= room:
        got = need[wide][0]                  # both blocks' lines whole: the long one's width
    elif need[wide][1] + need[1 - wide][1] <= room:
        got = need[wide][1]                  # else its longest word's, the other keeps its words
    else:
        return widths                        # no room for both: as before
    got = max(got, own[wide])
    widths[1 if wide == 0 else 4] = got / width
    widths[4 if wide == 0 else 1] = (room - got) / width
    return widths
