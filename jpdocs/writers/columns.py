"""A table's first column sized to its labels (報道に当たってのお願い, 問い合わせ先),
the same for the PDF and the DOCX: measured with the fonts that draw them.

A label cell should not wrap inside a word (報道に当 / たってのお / 願い). The
column takes the width of its longest label, up to a third of the table; a
label longer than that breaks only between BudouX phrases (the PDF composer's
heading rule), so the column is at least as wide as the longest phrase, and as wide
as lets that label take as few lines as it would a third wide (_least_width); the other
labels still stand on one line. The template's width is the least the column gets.
"""
from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from ..fonts import registry as fonts
from ..content import model as m
from ..spec.style import HouseStyle
from .signature_columns import fitted_blocks

MAX_SHARE = 1 / 3
_SLACK = 1.0          # points: rounding in Word's layout of the same width


def _lines(cell: m.Cell, default_style: str) -> list[tuple[str, str]]:
    """(text of each line, paragraph style) of a cell's paragraphs."""
    out = []
    for b in cell.blocks:
        if isinstance(b, (m.Paragraph, m.Heading)):
            for line in m.plain_text(b.inlines).split("\n"):
                out.append((line, b.style or default_style))
    return out


def _rest_lines(t: m.Table) -> tuple[tuple[str, str, float], ...]:
    """(text, paragraph style, left indent) of each line of the second column's cells."""
    return tuple((text, style, getattr(b, "left_indent", 0) or 0)
                 for row in t.rows if len(row) > 1
                 for b in row[1].blocks if isinstance(b, (m.Paragraph, m.Heading))
                 for text, style in _lines(m.Cell([b]), t.style))


def first_column(t: m.Table) -> tuple[tuple[str, str], ...]:
    """(text, paragraph style) of each line of the first column's cells."""
    return tuple(line for row in t.rows if row for line in _lines(row[0], t.style))


def first_column_fit(t: m.Table) -> tuple | None:
    """All that fitted_widths reads of a table whose first column it fits to its
    labels (fit_first): the first column's lines, the widths and the table's style
    (with the width, the padding and the house style, all label_widths' answer depends
    on); None where it fits otherwise, or not at all. The second column is not in it:
    only a label longer than a third reads it (first_widths), and walking its cells for
    every table cost a notice ~0.3 M instructions."""
    if (t.fit_columns or t.fit_rest) and len(t.widths) > 1 or t.fit_blocks or not t.fit_first or len(t.widths) < 2:
        return None
    return first_column(t), tuple(t.widths), t.style


def fitted_widths(t: m.Table, width: float, pad: float, style: HouseStyle) -> list[float]:
    """The table's widths (fractions) with its first column fitted (see above), or
    every column (fit_columns: _fitted_columns), or two signature blocks' lines
    (fit_blocks: signature_columns.py); `width` is the table's width in
    points, `pad` a cell's padding on each side."""
    if (t.fit_columns or t.fit_rest) and len(t.widths) > 1:
        return _fitted_columns(t, width, pad, style, last_wraps=t.fit_rest)
    if t.fit_blocks:
        ps = style.styles[t.style]
        return fitted_blocks(t, width, pad, fonts.register(style)[ps.font], ps.size, style.typesetting.latin_spacing)
    if not t.fit_first or len(t.widths) < 2:
        return list(t.widths)
    return first_widths(t, label_widths(t, width, pad, style), width, pad, style)


def label_widths(t: m.Table, width: float, pad: float, style: HouseStyle) -> tuple[float, float]:
    """What the first column's labels alone ask of its width: (need, wider), `need` the
    longest label that fits a third or the longest phrase, `wider` as wide as lets a
    longer label take as few lines as a third would (_least_width); the same as `need`
    where no label is longer than a third. Padding included, at most a third."""
    from .jlreq import budoux_bounds
    names = fonts.register(style)
    cap, extra = width * MAX_SHARE, 2 * pad + _SLACK
    wholes, phrase, longer = [], 0.0, []
    for text, name in first_column(t):
        ps = style.styles.get(name) or style.styles[t.style]
        font = names[ps.font]

        def w(s: str) -> float:
            return pdfmetrics.stringWidth(s, font, ps.size)
        wholes.append(w(text))
        start, pieces = 0, []
        for end in budoux_bounds(text) if text else ():
            pieces.append(w(text[start:end]))
            start = end
        phrase = max([phrase, *pieces])
        if wholes[-1] + extra > cap:
            longer.append(_least_width(pieces, cap - extra))
    # every label that fits the cap stands on one line; a longer one breaks between phrases
    fitting = [x for x in wholes if x + extra <= cap]
    need = min(max(fitting + [phrase]) + extra, cap)
    if not longer:
        return need, need
    return need, min(max(fitting + longer + [phrase]) + extra, cap)


def first_widths(t: m.Table, labels: tuple[float, float], width: float, pad: float,
                 style: HouseStyle) -> list[float]:
    """The table's widths (fractions) for its labels' `labels` (label_widths): the wider
    column where a long label asks for it (few lines) and it takes only room the second
    column leaves unused (no line of it wraps for it: the seed's boxes went over to a
    second page), else the narrower; the template's width at least."""
    need, wider = labels
    if wider > need + 1e-6 and wider <= width - _rest_need(t, width - max(t.widths[0] * width, need),
                                                           2 * pad + _SLACK, style):
        need = wider
    first = max(t.widths[0] * width, need)
    if first <= t.widths[0] * width:
        return list(t.widths)
    share = first / width
    rest = sum(t.widths[1:])
    return [share] + [f / rest * (1 - share) for f in t.widths[1:]]


def _rest_need(t: m.Table, room: float, extra: float, style: HouseStyle) -> float:
    """The width the second column's longest line takes, of those that fit on one line in
    `room` (a longer one wraps at any width the label leaves), its padding with it."""
    names = fonts.register(style)
    used = 0.0
    for text, name, indent in _rest_lines(t):
        ps = style.styles.get(name) or style.styles[t.style]
        x = pdfmetrics.stringWidth(text, names[ps.font], ps.size) + indent + extra
        if x <= room:
            used = max(used, x)
    return used


def _least_width(pieces: list[float], cap: float) -> float:
    """The narrowest width at which a label of phrases `pieces` wide (broken only between
    them) takes as few lines as it takes `cap` wide: このページに関するお問い合わせ, too
    long for a third of the contact box, on two lines (このページに関する / お問い合わせ),
    where a column as wide as its longest phrase set it on three (この / ページに関する /
    お問い合わせ, the kankocho and nagareyama notices)."""
    def lines_at(room: float) -> int:
        count, line = 1, 0.0
        for x in pieces:
            if line and line + x > room + 1e-6:
                count, line = count + 1, x
            else:
                line += x
        return count
    fewest = lines_at(cap)
    spans = sorted({sum(pieces[i:j]) for i in range(len(pieces)) for j in range(i + 1, len(pieces) + 1)})
    return next((x for x in spans if x <= cap + 1e-6 and lines_at(x) == fewest), cap)


def _fitted_columns(t: m.Table, width: float, pad: float, style: HouseStyle,
                    last_wraps: bool = False) -> list[float]:
    """Every column but the last as wide as its widest line and an em between it and
    the next (a Spread as wide as it is set), the last column the rest: people
    tabulated, each part flush left where the widest of its kind ends (双葉郡　浪江町 |
    町　　長 | 吉田　栄光). Cells across columns (a group's label) take no part. Where
    the columns would not leave the last its widest line, the others give way alike,
    their cells breaking after a full-width space first (breaks="spaces").
    `last_wraps`: the last column's cells wrap (a table of facts: 番号 | 連携事項), so
    the others keep their widest lines up to half the table between them."""
    names = fonts.register(style)
    ps = style.styles[t.style]
    font = names[ps.font]
    n = len(t.widths)
    widest = [0.0] * n
    for row in t.rows:
        if len(row) != n or any(c.colspan > 1 for c in row):
            continue
        for k, cell in enumerate(row):
            for b in cell.blocks:
                if isinstance(b, m.Paragraph):
                    widest[k] = max(widest[k], _inline_width(b.inlines, font, ps.size))
    need = [w + 2 * pad + _SLACK + (ps.size if k < n - 1 else 0.0) for k, w in enumerate(widest)]
    if last_wraps:
        need[-1] = width / 2
    first = sum(need[:-1])
    room = width - need[-1]
    if first > room:               # too wide: the columns before the last give way alike
        scale = max(room, width / 2) / first
        need = [x * scale for x in need[:-1]] + [need[-1]]
    fractions = [x / width for x in need[:-1]]
    return fractions + [max(0.0, 1 - sum(fractions))]


def _inline_width(inlines: list[m.Inline], font: str, size: float) -> float:
    """The widest line (points) of a cell's inlines, a Spread as wide as it is set."""
    widths, line = [], 0.0
    for i in inlines:
        if isinstance(i, m.Text) and "\n" not in i.text:
            w = pdfmetrics.stringWidth(i.text, font, size)
            line += max(w, i.width * size) if isinstance(i, m.Spread) else w
        else:
            text = i.text if isinstance(i, m.Text) else "\n"
            parts = text.split("\n")
            line += pdfmetrics.stringWidth(parts[0], font, size)
            for part in parts[1:]:
                widths.append(line)
                line = pdfmetrics.stringWidth(part, font, size)
    return max(widths + [line])
