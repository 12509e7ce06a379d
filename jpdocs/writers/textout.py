"""The composer's runs written as PDF text operators without reportlab's
glyph-by-glyph loop.

A run the composer placed (composer.py) is a `Placed` string: reportlab's
ShapedStr whose glyph data always has no vertical offset and one cluster per
glyph, in order. For such a run reportlab's `PDFTextObject._formatText` writes,
for each subset piece of the text, one TJ array: each glyph's byte between the
numbers `-x_offset` (before) and `width - x_advance + x_offset` (after), zeros
left out, neighbouring numbers summed and neighbouring bytes joined, and a
piece with no number left becomes a Tj. `FastText._formatText` writes exactly
those operators, number for number (the same sums in the same order, the same
fp_str), in one pass over the glyphs instead of building and regrouping a list
of single bytes; a plain string in a TrueType font is written as reportlab writes
it, with less around it; any other text goes to reportlab's own method.

A Placed run keeps its glyphs' numbers as three plain lists (advance, offset,
natural width, in thousandths of an em): the composer makes one run per line
and font, tens of thousands of glyphs a batch, and reportlab's ShapeData (a
namedtuple per glyph) is built only if reportlab's own code asks for it.
"""
from __future__ import annotations

from itertools import groupby

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.pdfgen.textobject import PDFTextObject

_NUMBERS: dict[float, str] = {}       # fp_str of the numbers a batch writes again and again


def number(v: float) -> str:
    """fp_str(v), remembered: a justified line repeats one spacing for every glyph."""
    s = _NUMBERS.get(v)
    if s is None:
        if len(_NUMBERS) > 100_000:
            _NUMBERS.clear()
        s = _NUMBERS[v] = fp_str(v)
    return s


_LOW_BYTE = (255).__and__        # code → its byte in the subset
_SUBSET = (8).__rrshift__        # code → its subset (code >> 8)


def split_string(font, text: str, doc) -> list[tuple[int, bytes]]:
    """font.splitString(text, doc): the text's pieces, one per subset, as (subset,
    codes). When every character already has its code in this document (most runs
    after the first lines), the pieces are made by lookups in C; a new character, a
    no-break space or a character the font lacks goes to reportlab, which assigns
    codes."""
    state = font.state.get(doc) if text else None
    if state is None:
        return font.splitString(text, doc)
    coded = state.assignments
    try:
        codes = list(map(coded.__getitem__, map(ord, text)))
    except KeyError:
        # Characters new to the document get their codes from reportlab, in the
        # order they first appear, as splitString(text) would give them.
        font.splitString("".join(c for c in dict.fromkeys(text) if ord(c) not in coded), doc)
        try:
            codes = list(map(coded.__getitem__, map(ord, text)))
        except KeyError:               # a no-break space (drawn as a space), a glyph the font lacks
            return font.splitString(text, doc)
    subset = codes[0] >> 8
    if max(codes) >> 8 == subset and min(codes) >> 8 == subset:
        return [(subset, bytes(map(_LOW_BYTE, codes)))]
    return [(subset, bytes(map(_LOW_BYTE, run))) for subset, run in groupby(codes, _SUBSET)]


class Placed(ShapedStr):
    """A run placed by the composer: y_offset 0 and cluster = index for every glyph;
    `adv`, `off`, `nat`: each glyph's advance, x offset and natural width."""

    def __new__(cls, s, adv, off, nat):
        self = str.__new__(cls, s)
        self.adv, self.off, self.nat = adv, off, nat
        return self

    @property
    def __shapeData__(self):       # for reportlab's own text code (and the tests)
        return [ShapeData(j, a, 0, o, 0, n) for j, (a, o, n) in enumerate(zip(self.adv, self.off, self.nat))]


class FastText(PDFTextObject):
    def _formatText(self, text):
        kind = type(text)
        if kind is str:
            return self._plain(text)
        if kind is not Placed:
            return super()._formatText(text)
        font = getFont(self._fontname)
        if not (font._dynamicFont and font.shapable):
            return super()._formatText(text)
        escape = self._canvas._escape
        adv, off, nat = text.adv, text.off, text.nat
        out = []
        at = 0
        for t in self._subset_pieces(font, text, out):
            parts, nums, run = [], [], None       # run: where the bytes not yet written start
            for j in range(len(t)):
                k = at + j
                xo = off[k]
                if -xo:
                    if run is not None:
                        parts.append(f"({escape(t[run:j])})")
                        run = None
                    nums.append(-xo)
                if run is None:
                    if nums:
                        v = number(sum(nums))
                        if v != "0":
                            parts.append(v)
                        nums = []
                    run = j
                after = nat[k] - adv[k] + xo
                if after:
                    parts.append(f"({escape(t[run:j + 1])})")
                    run = None
                    nums.append(after)
            if run is not None:
                parts.append(f"({escape(t[run:])})")
            elif nums:
                v = number(sum(nums))
                if v != "0":
                    parts.append(v)
            at += len(t)
            if len(parts) == 1 and parts[0].startswith("("):
                out.append(f"{parts[0]} Tj")
            else:
                out.append(f"[{' '.join(parts)}] TJ")
        return " ".join(out)

    def _plain(self, text: str) -> str:
        """A run the composer did not move (most of them): reportlab's Tf where the
        subset changes and one Tj per subset piece, without its save and restore of
        the text state around them."""
        font = getFont(self._fontname)
        if not font._dynamicFont:
            return super()._formatText(text)
        escape = self._canvas._escape
        out = []
        for t in self._subset_pieces(font, text, out):
            out.append(f"({escape(t)}) Tj")
        return " ".join(out)

    def _subset_pieces(self, font, text, out: list):
        """The pieces of `text` in one font subset each, as reportlab splits it; where
        the subset changes, its Tf (with the leading, as reportlab writes it) goes
        to `out` first."""
        doc = self._canvas._doc
        tmpl = None
        for subset, t in split_string(font, text, doc):
            if subset != self._curSubset:
                if not tmpl:
                    tmpl = f"{fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL"
                out.append(f"{font.getSubsetInternalName(subset, doc)} {tmpl}")
                self._curSubset = subset
            yield t
