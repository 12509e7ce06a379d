"""Two signature blocks a row (agreement.signature_columns: 2) sharing the measure:
each half of the table is the block's label column, its lines' column and its seal
column, the lines' columns as wide as the template makes them. A line with no space to
break at (アメリカ合衆国カリフォルニヤ州, a place the block names above its organisation)
would break inside its word where its column is narrower, though the other block's
lines leave room beside it (seen: 芦屋市's covenant of 1961, …カリフォルニヤ / 州 beside
日本国兵庫県). Then, and only then, the two lines' columns share their room by what
they hold, as a typesetter sets two blocks whose lines differ in length: where both
blocks' longest lines fit the room side by side, each column as wide as the longest
line it must hold, the block with the short lines moved over (its lines still start
at one x, its seal column where it was); where they do not, the column gets just
what its longest word needs, the other the rest, and the lines break at their spaces
as before. Where no word is cut, the widths are the template's: the page is as it was.

The same widths for the PDF and the DOCX (columns.fitted_widths), measured with the
fonts that draw them."""
from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from ..content import model as m

_SLACK = 1.0          # points: rounding in Word's layout of the same width


def _spans(row: list[m.Cell]) -> list[tuple[int, int, m.Cell]]:
    """Each cell of a row with the first column it covers and how many."""
    out, col = [], 0
    for cell in row:
        out.append((col, cell.colspan, cell))
        col += cell.colspan
    return out


def _measures(cell: m.Cell, font: str, size: float) -> tuple[float, float]:
    """The cell's longest line (each line of its paragraphs whole, after its indent)
    and its longest word (a part no full-width or plain space divides), in points."""
    line = word = 0.0
    for b in cell.blocks:
        if not isinstance(b, m.Paragraph):
            continue
        for k, text in enumerate(m.plain_text(b.inlines).split("\n")):
            indent = (b.left_indent + (b.first_indent if k == 0 else 0.0)) * size
            line = max(line, indent + pdfmetrics.stringWidth(text, font, size))
            for part in text.replace(" ", "\u3000").split("\u3000"):
                word = max(word, indent + pdfmetrics.stringWidth(part, font, size))
    return line, word


def _needs(t: m.Table, widths: list[float], cols: tuple[int, ...], width: float, pad: float,
           font: str, size: float) -> list[list[float]]:
    """Per lines' column: the room its longest line and its longest word need (with the
    cell's padding, less what a cell spanning more columns has beside it)."""
    extra = 2 * pad + _SLACK
    need = [[0.0, 0.0] for _ in cols]
    for row in t.rows:
        for first, span, cell in _spans(row):
            for k, col in enumerate(cols):
                if first <= col < first + span and first + span <= col + 2:
                    line, word = _measures(cell, font, size)
                    rest = sum(widths[first:first + span]) * width - widths[col] * width
                    need[k][0] = max(need[k][0], line + extra - rest)
                    need[k][1] = max(need[k][1], word + extra - rest)
    return need


def _fitted_three(t: m.Table, widths: list[float], width: float, pad: float, font: str,
                  size: float) -> list[float]:
    """Three blocks a row (nine columns: label, lines, seal, three times): where a word
    would be cut (ソ連邦沿海地方政府首席 in a third of the measure), the lines' columns (1,
    4, 7) share their room: each as wide as its longest line where all three fit so, else
    as its longest word, the rest shared evenly; the template's widths where no word is
    cut or the words do not fit side by side."""
    cols = (1, 4, 7)
    need = _needs(t, widths, cols, width, pad, font, size)
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


def fitted_blocks(t: m.Table, width: float, pad: float, font: str, size: float) -> list[float]:
    """The widths (fractions) of a table of two blocks a row (six columns: label, lines,
    seal, twice), the lines' columns (1 and 4) shared as above; three a row (nine
    columns) by _fitted_three; the template's widths where no longest word is wider than
    its column."""
    widths = list(t.widths)
    if len(widths) == 9:
        return _fitted_three(t, widths, width, pad, font, size)
    if len(widths) != 6:
        return widths
    extra = 2 * pad + _SLACK
    need = [[0.0, 0.0], [0.0, 0.0]]          # per half: longest line, longest word (with the cell's room)
    other = [0.0, 0.0]                       # per half: the rest of the lines' cell (a label column it spans)
    for row in t.rows:
        for first, span, cell in _spans(row):
            for half, col in ((0, 1), (1, 4)):
                if first <= col < first + span and first + span <= col + 2:
                    line, word = _measures(cell, font, size)
                    rest = sum(widths[first:first + span]) * width - widths[col] * width
                    need[half][0] = max(need[half][0], line + extra - rest)
                    need[half][1] = max(need[half][1], word + extra - rest)
                    other[half] = max(other[half], rest)
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
