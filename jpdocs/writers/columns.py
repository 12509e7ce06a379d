"""A table's first column sized to its labels (報道に当たってのお願い, 問い合わせ先),
the same for the PDF and the DOCX: measured with the fonts that draw them.

A label cell should not wrap inside a word (報道に当 / たってのお / 願い). The
column takes the width of its longest label, up to a third of the table; a
label longer than that breaks only between BudouX phrases (the PDF composer's
heading rule), so the column is at least as wide as the longest phrase, and the
other labels still stand on one line. The
template's width is the least the column gets.
"""
from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from ..fonts import registry as fonts
from ..content import model as m
from ..spec.style import HouseStyle

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


def fitted_widths(t: m.Table, width: float, pad: float, style: HouseStyle) -> list[float]:
    """The table's widths (fractions) with its first column fitted (see above);
    `width` is the table's width in points, `pad` a cell's padding on each side."""
    if not t.fit_first or len(t.widths) < 2:
        return list(t.widths)
    from .jlreq import _budoux_bounds
    names = fonts.register(style)
    wholes, phrase = [], 0.0
    for row in t.rows:
        if not row:
            continue
        for text, name in _lines(row[0], t.style):
            ps = style.styles.get(name) or style.styles[t.style]
            font = names[ps.font]

            def w(s: str) -> float:
                return pdfmetrics.stringWidth(s, font, ps.size)
            wholes.append(w(text))
            start = 0
            for end in _budoux_bounds(text) if text else ():
                phrase = max(phrase, w(text[start:end]))
                start = end
    cap, extra = width * MAX_SHARE, 2 * pad + _SLACK
    # every label that fits the cap stands on one line; a longer one breaks between phrases
    fitting = [x for x in wholes if x + extra <= cap]
    need = min(max(fitting + [phrase]) + extra, cap)
    first = max(t.widths[0] * width, need)
    if first <= t.widths[0] * width:
        return list(t.widths)
    share = first / width
    rest = sum(t.widths[1:])
    return [share] + [f / rest * (1 - share) for f in t.widths[1:]]
