"""What the story's blocks read off a paragraph's inlines (content/model.py): where its
spread and kept-whole runs fall, which characters a corrected release changed, its
number split from its text, a list marker's width, a bullet's own run."""
from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from ..content import model as m
from .composer import ParaFrag


def split_inlines(inlines: list[m.Inline], n: int) -> tuple[list[m.Inline], list[m.Inline]]:
    """The first `n` characters of a run of inlines, and the rest."""
    head, rest = [], []
    for i in inlines:
        if n <= 0:
            rest.append(i)
        elif isinstance(i, m.Text) and len(i.text) > n:
            head.append(m.sliced(i, 0, n))
            rest.append(m.sliced(i, n, len(i.text)))
            n = 0
        else:
            head.append(i)
            n -= len(i.text) if isinstance(i, m.Text) else 1
    return head, rest


def marker_width(it: m.Item, font: str, size: float) -> float:
    """The marker's width in points, a spread part as wide as it is set."""
    if not it.marker_parts:
        return pdfmetrics.stringWidth(it.marker, font, size)
    return sum(max(pdfmetrics.stringWidth(i.text, font, size), i.width * size if isinstance(i, m.Spread) else 0.0)
               for i in it.marker_parts if isinstance(i, m.Text))


def changed_chars(inlines: list[m.Inline]) -> frozenset:
    """Which of the paragraph's characters (line breaks one each) a corrected release
    changed (m.Text.changed, changed_at): a tracked line's, coloured glyph by glyph."""
    out, pos = set(), 0
    for i in inlines:
        if isinstance(i, m.Text):
            for piece, changed in m.changed_pieces(i):
                if changed:
                    out.update(range(pos, pos + len(piece)))
                pos += len(piece)
        else:
            pos += 1
    return frozenset(out)


def spreads(inlines: list[m.Inline], em: float) -> tuple:
    """Where the Spread inlines fall in the paragraph's characters (line breaks one
    each), with the width each is set across in points: the composer's `spreads`; a
    Whole (kept on one line where it fits) as one of width 0, set as it is."""
    out, pos = [], 0
    for i in inlines:
        n = len(i.text) if isinstance(i, m.Text) else 1
        if isinstance(i, m.Spread) and i.gaps:
            # a gap of its own after each character: a stretch of two, that much after the
            # first (jlreq.prepare: a negative width), the whole kept on one line where it fits
            out += [(pos + k, pos + k + 2, -g * em) for k, g in enumerate(i.gaps) if g > 0]
            out.append((pos, pos + n, 0.0))
        elif isinstance(i, m.Spread):
            out.append((pos, pos + n, i.width * em))
        elif isinstance(i, m.Whole):
            out.append((pos, pos + n, 0.0))
        pos += n
    return tuple(out)


def bullet_frag(text: str, font: str, size: float, colour) -> ParaFrag:
    """A run of bullet text carrying its own font and size."""
    f = ParaFrag()
    f.text, f.fontName, f.fontSize, f.textColor = text, font, size, colour
    return f
