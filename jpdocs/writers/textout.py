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
of single bytes; any other text goes to reportlab's own method.
"""
from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.textobject import PDFTextObject


class Placed(ShapedStr):
    """A run placed by the composer: y_offset 0 and cluster = index for every glyph."""


class FastText(PDFTextObject):
    def _formatText(self, text):
        if type(text) is not Placed:
            return super()._formatText(text)
        font = getFont(self._fontname)
        if not (font._dynamicFont and font.shapable):
            return super()._formatText(text)
        canv = self._canvas
        doc, escape = canv._doc, canv._escape
        shape = text.__shapeData__
        out = []
        tmpl = None
        at = 0
        for subset, t in font.splitString(text, doc):
            if subset != self._curSubset:
                if not tmpl:
                    tmpl = f"{fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL"
                out.append(f"{font.getSubsetInternalName(subset, doc)} {tmpl}")
                self._curSubset = subset
            parts, nums, run = [], [], None       # run: where the bytes not yet written start
            for j in range(len(t)):
                sd = shape[at + j]
                xo = sd.x_offset
                if -xo:
                    if run is not None:
                        parts.append(f"({escape(t[run:j])})")
                        run = None
                    nums.append(-xo)
                if run is None:
                    if nums:
                        v = fp_str(sum(nums))
                        if v != "0":
                            parts.append(v)
                        nums = []
                    run = j
                after = sd.width - sd.x_advance + xo
                if after:
                    parts.append(f"({escape(t[run:j + 1])})")
                    run = None
                    nums.append(after)
            if run is not None:
                parts.append(f"({escape(t[run:])})")
            elif nums:
                v = fp_str(sum(nums))
                if v != "0":
                    parts.append(v)
            at += len(t)
            if len(parts) == 1 and parts[0].startswith("("):
                out.append(f"{parts[0]} Tj")
            else:
                out.append(f"[{' '.join(parts)}] TJ")
        return " ".join(out)
