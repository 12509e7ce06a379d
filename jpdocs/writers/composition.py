"""What the composer (composer.py) measures and composes, once per process: each
character's advance read from its font's own table, a font's ascent and descent at
a size, and a paragraph prepared and broken into lines (jlreq.py, jlreq_lines.py),
remembered by everything the composition depends on.

Kept apart from the reportlab Paragraph (composer.py): these are plain numbers and
the memory of them, which the Paragraph asks for and does not change.
"""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont

from ..fonts.lookups import width_of

from . import jlreq, jlreq_lines


TEXT, BREAK, OBJECT = 0, 1, 2


class _Widths(dict):
    """Character → advance in thousandths of an em, for one font (read from the
    font's own table once per character, then a dict lookup; in a cold run from the
    table's arrays, fonts/lookups.py)."""

    def __init__(self, font_name: str):
        super().__init__()
        self.width = width_of(getFont(font_name).face)

    def __missing__(self, ch):
        w = self[ch] = self.width(ord(ch))
        return w


_WIDTHS: dict[str, _Widths] = {}
_ASC: dict[tuple[str, float], tuple[float, float]] = {}


def widths_of(font_name: str) -> _Widths:
    w = _WIDTHS.get(font_name)
    if w is None:
        w = _WIDTHS[font_name] = _Widths(font_name)
    return w


def ascent_descent(font_name: str, size: float) -> tuple[float, float]:
    key = (font_name, size)
    if key not in _ASC:
        _ASC[key] = getAscentDescent(font_name, size)
    return _ASC[key]


_COMPOSED: dict[tuple, tuple] = {}
_MAX_COMPOSED = 4096        # paragraphs remembered per process


def composed(text, spans, fonts, s, max_widths, phrases, justify, may_hang, spreads=(), names=()):
    """The paragraph prepared and broken into lines (jlreq.py, jlreq_lines.py), remembered by
    everything the two depend on: a batch's documents repeat most of their
    paragraphs (an office's stock wording) at the same widths. `fonts` (each
    stretch's kind, length and font and size: _flatten) with the text fixes every
    character's advance and em, so they are measured only when composing; the
    lines' words (_recipe) are remembered with the composition, by line (and the
    code of its paragraphs drawn, by drawing.py's own key: drawing._key). Neither
    the Para nor its Lines are changed after composing, so one serves all. Returns
    (para, lines, the lines' words by line, (widths, naturals): _measure's, which the
    lines' words are made from).
    `names`: people's names, kept whole where that takes no more lines (set_lines)."""
    key = (text, fonts, s, max_widths, phrases, justify, may_hang, spreads, names)
    got = _COMPOSED.get(key)
    if got is None:
        if len(_COMPOSED) >= _MAX_COMPOSED:
            _COMPOSED.clear()
        widths, ems, naturals = _measure(spans)
        got = _COMPOSED[key] = (*set_lines(text, widths, ems, s, max_widths, phrases, justify, may_hang,
                                           spreads, names), {}, (widths, naturals))
    return got


def set_lines(text, widths, ems, s, max_widths, phrases, justify, may_hang, spreads=(), names=()):
    """The paragraph prepared (jlreq.prepare) and its lines (jlreq_lines.compose). A
    person's name (`names`: kept_names) a line would end inside is kept whole, as a
    name of model.Whole is (the line ends before it, or is pushed in to its end;
    a name wider than any line breaks all the same), where the paragraph takes no
    more lines so; else the lines stay as JLREQ broke them. (The annual book's titles
    keep a party's name whole by the same measure: annual/lines.py.) A paragraph
    that names no one, or tears no name, is set once, as before."""
    para = jlreq.prepare(text, widths, ems, s, min(max_widths), phrases, spreads)
    lines = jlreq_lines.compose(para, max_widths, justify, may_hang)
    if names and any(a < line.end < b for line in lines[:-1] for a, b in names):
        kept = jlreq.prepare(text, widths, ems, s, min(max_widths), phrases,
                             spreads + tuple((a, b, 0.0) for a, b in names))
        kept_lines = jlreq_lines.compose(kept, max_widths, justify, may_hang)
        if len(kept_lines) <= len(lines):
            return kept, kept_lines
    return para, lines


def _measure(spans):
    """Each character's advance (points), its em, and its natural advance in
    thousandths of an em, its font's own number (0.0 for a line break or an object).
    The naturals are kept with the composition: the lines' words (composer._recipe)
    are made from them, where each character's font table was looked up again (a
    character's string made and hashed, ~300 instructions, twice a glyph)."""
    widths, ems, naturals = [], [], []
    for _, _, f, kind in spans:
        if kind == BREAK:
            widths.append(0.0)
            ems.append(0.0)
            naturals.append(0.0)
        elif kind == OBJECT:
            widths.append(object_width(f))
            ems.append(0.0)
            naturals.append(0.0)
        else:
            size = f.fontSize
            k = size / 1000.0
            own = list(map(widths_of(f.fontName).__getitem__, f.text))
            naturals += own
            widths += [x * k for x in own]
            ems += [size] * len(f.text)
    return widths, ems, naturals


def object_width(f) -> float:
    cw = getattr(f.cbDefn, "width", 0)
    return float(cw) if isinstance(cw, (int, float)) else 0.0
