"""The composer's runs written as PDF text operators without reportlab's
glyph-by-glyph loop.

Text in the bundled fonts is written as glyph IDs (fonts/cid.py): each character
four hex digits, the same in every document. A run the composer placed
(composer.py) is a `Placed` string: reportlab's ShapedStr whose glyph data always
has no vertical offset and one cluster per glyph, in order. It is written as
reportlab's `PDFTextObject._formatText` writes a shaped run: one TJ array, each
glyph's code between the numbers `-x_offset` (before) and `width - x_advance +
x_offset` (after), zeros left out, neighbouring numbers summed and neighbouring
codes joined, and a Tj where no number is left. `run_code` writes those
operators in one pass over the glyphs; drawing.py calls it for each run it
writes, and `FastText._formatText` for the text reportlab's own drawing writes.
A run's operators do not depend on the document, so a Placed run keeps them:
drawn again in the next document (the composer remembers its runs, an office's
stock wording is in every notice of a batch) it costs a look-up. Any other text
goes to reportlab's own method.

A Placed run keeps its glyphs' numbers as three plain lists (advance, offset,
natural width, in thousandths of an em): the composer makes one run per line
and font, tens of thousands of glyphs a batch, and reportlab's ShapeData (a
namedtuple per glyph) is built only if reportlab's own code asks for it.
"""
from __future__ import annotations

import re
from operator import sub

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDF_SUPPORT_VERSION
from reportlab.pdfbase.pdfmetrics import _fonts as _FONTS, getFont
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

_FOUR = re.compile("....", re.S)     # a glyph's code in a run's codes
_NUMBERS: dict[float, str] = {}       # fp_str of the numbers a batch writes again and again


def number(v: float) -> str:
    """fp_str(v), remembered (C's printf, ~5,000 instructions a number): a justified
    line repeats one spacing for every glyph, a batch's paragraphs their sizes,
    leadings and line moves. fp_str writes each of several numbers alone, by its
    value, so fp_str(x, 0) is number(x) + " 0"."""
    s = _NUMBERS.get(v)
    if s is None:
        if len(_NUMBERS) > 100_000:
            _NUMBERS.clear()
        s = _NUMBERS[v] = fp_str(v)
    return s


class Placed(ShapedStr):
    """A run placed by the composer: y_offset 0 and cluster = index for every glyph;
    `adv`, `off`, `nat`: each glyph's advance, x offset and natural width; `ops`: its
    operators and its codes, by the font's coding (fonts/cid.py) it was written in."""

    def __new__(cls, s, adv, off, nat):
        self = str.__new__(cls, s)
        self.adv, self.off, self.nat = adv, off, nat
        self.ops = {}
        return self

    @property
    def __shapeData__(self):       # for reportlab's own text code (and the tests)
        return [ShapeData(j, a, 0, o, 0, n) for j, (a, o, n) in enumerate(zip(self.adv, self.off, self.nat))]


def _operators(text: Placed, codes: str) -> str:
    """The operators of the run `text`, its glyphs' codes being `codes` (four hex
    digits a glyph): reportlab's TJ array, or a Tj when no number is left."""
    adv, off, nat = text.adv, text.off, text.nat
    if not any(off):
        return _operators_unshifted(nat, adv, codes)
    parts, nums, run = [], [], None     # run: where the codes not yet written start (in glyphs)
    for j, xo in enumerate(off):
        if -xo:
            if run is not None:
                parts.append(f"<{codes[4 * run:4 * j]}>")
                run = None
            nums.append(-xo)
        if run is None:
            if nums:
                v = number(sum(nums))
                if v != "0":
                    parts.append(v)
                nums = []
            run = j
        after = nat[j] - adv[j] + xo
        if after:
            parts.append(f"<{codes[4 * run:4 * j + 4]}>")
            run = None
            nums.append(after)
    if run is not None:
        parts.append(f"<{codes[4 * run:]}>")
    elif nums:
        v = number(sum(nums))
        if v != "0":
            parts.append(v)
    return f"{parts[0]} Tj" if len(parts) == 1 and parts[0][0] == "<" else f"[{' '.join(parts)}] TJ"


def _operators_unshifted(nat: list, adv: list, codes: str) -> str:
    """_operators of a run whose glyphs have no x offset (most: a justified line's
    glyphs are only wider): no number goes before a glyph, so each glyph's code
    ends a run where a number follows it, and the number stands alone (its sum is
    itself)."""
    afters = list(map(sub, nat, adv))
    n = len(afters)
    if not any(afters):                           # (a line set at the glyphs' own widths)
        return f"<{codes}> Tj"
    if n > 1 and not afters[-1] and afters[0] and afters.count(afters[0]) == n - 1:
        # a justified line: the same number after every glyph but the last (fixed
        # width codes: the glyphs' codes joined around it in C, not glyph by glyph)
        v = number(afters[0])
        return "[<%s>] TJ" % (f"> {v} <" if v != "0" else "> <").join(_FOUR.findall(codes))
    parts, run = [], 0
    for j, after in enumerate(afters, 1):
        if after:
            parts.append(f"<{codes[4 * run:4 * j]}>")
            run = j
            v = number(after)
            if v != "0":
                parts.append(v)
    if run < n:
        parts.append(f"<{codes[4 * run:]}>")
    return f"{parts[0]} Tj" if len(parts) == 1 and parts[0][0] == "<" else f"[{' '.join(parts)}] TJ"


def run_code(text, font, size: float, leading: float, subset: int, doc) -> tuple[str, int]:
    """The operators of one run in `font` (a bundled font, written as glyph IDs:
    fonts/cid.py) at `size` with `leading`, the text object's font being set if
    `subset` is 0 (reportlab's number for a font's one subset; -1 after a font
    change): reportlab's Tf where the font is not set yet, and the run's Tj (for a
    Placed run, a TJ array where its glyphs are moved); with the subset after the
    run (0). The document notes the run's codes (their glyphs are embedded)."""
    if not text:
        return "", subset
    coding = font.jp_cid
    ops, codes = run_operators(text, coding)
    coding.used(doc).append(codes)
    if subset != 0:
        ops = f"{coding.name(doc)} {number(size)} Tf {number(leading)} TL {ops}"
    return ops, 0


def run_operators(text, coding) -> tuple[str, str]:
    """The text operator (Tj, or TJ for a Placed run whose glyphs are moved) of the
    non-empty run `text` in the font of `coding` (fonts/cid.py), and the run's codes:
    what run_code writes but the font's setting, and what it notes in the document."""
    if type(text) is Placed:
        kept = text.ops.get(coding)
        if kept is None:
            codes = coding.code(text)
            kept = text.ops[coding] = (_operators(text, codes), codes)
        return kept
    codes = coding.code(text)
    return f"<{codes}> Tj", codes


def writes_directly(font, text) -> bool:
    """Whether run_code writes `text` in `font` (else reportlab's own code must)."""
    if getattr(font, "jp_cid", None) is None:
        return False
    kind = type(text)
    return kind is str or kind is Placed


_TRANSPARENCY = PDF_SUPPORT_VERSION["transparency"]   # the PDF version a colour's alpha asks for
_FILL_OPS: dict[tuple, str] = {}     # a Color's (red, green, blue) → its operator
_ORIGINS: dict[tuple, str] = {}      # a text object's (x, y) → its Tm operator (FastText)
_ORIGINS_LIMIT = 4096                # origins remembered (forgotten all at once when full)


def origin(x, y) -> str:
    """A bottom-up text object's setTextOrigin, "1 0 0 1 x y Tm", from a bounded memo
    of its text: fp_str formats each number by its value alone (C's printf, ~5,000
    instructions a number, most of a text object's beginning), and a notice's ~40
    text objects begin at a few origins (a paragraph's indent and its first line's
    height), the same notice after notice."""
    key = (x, y)
    found = _ORIGINS.get(key)
    if found is None:
        if len(_ORIGINS) >= _ORIGINS_LIMIT:
            _ORIGINS.clear()
        found = _ORIGINS[key] = f"1 0 0 1 {fp_str(x, y)} Tm"
    return found


def fill_operator(colour: Color) -> str:
    """The operator that sets a plain Color as the fill (FastText.setFillColor's)."""
    rgb = (colour.red, colour.green, colour.blue)
    op = _FILL_OPS.get(rgb)
    if op is None:
        op = _FILL_OPS[rgb] = "%s rg" % fp_str(rgb)
    return op


class FastText(PDFTextObject):
    """A text object writing runs by run_code where it can (a canvas of its own
    escaping, a font of another kind, text of another kind go to reportlab), and
    setting a plain colour in short."""

    def __init__(self, canvas, x=0, y=0, direction=None):
        """PDFTextObject.__init__ on a bottom-up canvas (as reportlab's canvas.beginText
        makes it) without its calls: each attribute set as it and its setTextOrigin
        set them, in their order, to the same values. A notice begins ~40 text
        objects (every paragraph and bullet), and the calls, the getattr and the
        font looked up for nothing were most of each one's cost. The font's look-up
        is kept where the font is not known yet (getFont makes and registers a
        standard font on first use). tests/test_text_begun.py compares the two."""
        if direction is not None or not canvas.bottomup:
            return PDFTextObject.__init__(self, canvas, x, y, direction)
        # (setTextOrigin's operator: `origin`)
        self._code = ["BT", origin(x, y)]
        self._canvas = canvas
        self._fontname = name = canvas._fontname
        self._fontsize = canvas._fontsize
        self._leading = canvas._leading
        self._doc = canvas._doc
        self._colorsUsed = canvas._colorsUsed
        self._enforceColorSpace = getattr(canvas, "_enforceColorSpace", None)
        if name not in _FONTS:
            getFont(name)
        self._curSubset = -1
        self.direction = None
        self._x0 = self._x = x
        self._y0 = self._y = y
        self._textRenderMode = 0
        self._clipping = 0
        self._rise = 0

    def setFillColor(self, aColor, alpha=None):
        """reportlab's setFillColor, shorter for a plain Color (each paragraph and
        bullet sets its colour, ~50 a notice; reportlab's method goes through its
        kinds of colour, then through four calls for the colour's alpha): the
        operator made once per colour, and the alpha given to reportlab only where
        it changes the graphics state (ExtGState.set writes nothing for the value
        the state has; the document's PDF version is raised for it either way)."""
        if type(aColor) is not Color or alpha is not None or self._enforceColorSpace:
            return super().setFillColor(aColor, alpha)
        self._fillColorObj = aColor
        self._code.append(fill_operator(aColor))
        alpha = aColor.alpha
        if alpha is None:
            return
        canvas = self._canvas
        state = canvas._extgstate
        if type(alpha) in (int, float) and 0 <= alpha <= 1 and alpha == state._d.get("ca", state.defaults["ca"]):
            doc = canvas._doc
            if doc._pdfVersion < _TRANSPARENCY:         # (raised once: later calls would leave it)
                doc.ensureMinPdfVersion("transparency")
        else:
            self.setFillAlpha(alpha)

    def _formatText(self, text):
        font = getFont(self._fontname)
        if not writes_directly(font, text) or type(self._canvas)._escape is not Canvas._escape:
            return super()._formatText(text)
        code, self._curSubset = run_code(text, font, self._fontsize, self._leading, self._curSubset,
                                         self._canvas._doc)
        return code
