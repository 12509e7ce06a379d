"""The composer's runs written as PDF text operators without reportlab's
glyph-by-glyph loop.

A run the composer placed (composer.py) is a `Placed` string: reportlab's
ShapedStr whose glyph data always has no vertical offset and one cluster per
glyph, in order. For such a run reportlab's `PDFTextObject._formatText` writes,
for each subset piece of the text, one TJ array: each glyph's byte between the
numbers `-x_offset` (before) and `width - x_advance + x_offset` (after), zeros
left out, neighbouring numbers summed and neighbouring bytes joined, and a
piece with no number left becomes a Tj. `run_code` writes exactly those
operators, number for number (the same sums in the same order, the same
fp_str), in one pass over the glyphs instead of building and regrouping a list
of single bytes; drawing.py calls it for each run it writes, and
`FastText._formatText` for the text reportlab's own drawing writes. That pass
makes a template of the piece (the numbers, and where its bytes are cut), kept
with the run, so that a run drawn again in the next document (the composer
remembers its runs) only fills in its bytes. A plain string in a TrueType font
is written as reportlab writes it, with less around it; any other text goes to
reportlab's own method.

A Placed run keeps its glyphs' numbers as three plain lists (advance, offset,
natural width, in thousandths of an em): the composer makes one run per line
and font, tens of thousands of glyphs a batch, and reportlab's ShapeData (a
namedtuple per glyph) is built only if reportlab's own code asks for it.
"""
from __future__ import annotations

from operator import sub

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.pdfgen.canvas import Canvas
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


def subset_name(font, subset: int, doc) -> str:
    """font.getSubsetInternalName(subset, doc), remembered with the document: a
    subset's name is fixed once reportlab has named the font in the document (its
    first call), and reportlab finds the font's state for the document (a weak
    dictionary) again at every call, ~100 a notice."""
    try:
        names = doc.jp_subset_names
    except AttributeError:
        names = doc.jp_subset_names = {}
    key = (font.fontName, subset)
    name = names.get(key)
    if name is None:
        name = names[key] = font.getSubsetInternalName(subset, doc)
    return name


class Placed(ShapedStr):
    """A run placed by the composer: y_offset 0 and cluster = index for every glyph;
    `adv`, `off`, `nat`: each glyph's advance, x offset and natural width; `tj`: its
    pieces' operators as templates (_template), by where the piece starts and its length."""

    def __new__(cls, s, adv, off, nat):
        self = str.__new__(cls, s)
        self.adv, self.off, self.nat = adv, off, nat
        self.tj = {}
        return self

    @property
    def __shapeData__(self):       # for reportlab's own text code (and the tests)
        return [ShapeData(j, a, 0, o, 0, n) for j, (a, o, n) in enumerate(zip(self.adv, self.off, self.nat))]


# A byte as reportlab's escapePDF writes it: byte by byte, each alone (rl_accel).
_ESCAPED = [escapePDF(bytes((i,))) for i in range(256)]


def _template(text: Placed, at: int, n: int) -> tuple[str, tuple | None]:
    """The operators of the piece of `text` from glyph `at`, `n` glyphs long, as a
    %-template of its byte runs: reportlab's TJ array (or a Tj, when no number is
    left), with each run's place in the piece (None: every glyph a run of its own).
    The numbers and where the runs break depend on the glyphs' placing only, not on
    the bytes, which each document assigns anew: a run drawn again (an office's stock
    wording, in every notice of a batch) is formatted from its template."""
    adv, off, nat = text.adv, text.off, text.nat
    if not any(off[at:at + n]):
        return _template_unshifted(nat[at:at + n], adv[at:at + n])
    parts, cuts, nums, run = [], [], [], None     # run: where the bytes not yet written start
    for j in range(n):
        k = at + j
        xo = off[k]
        if -xo:
            if run is not None:
                parts.append("(%s)")
                cuts.append((run, j))
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
            parts.append("(%s)")
            cuts.append((run, j + 1))
            run = None
            nums.append(after)
    if run is not None:
        parts.append("(%s)")
        cuts.append((run, n))
    elif nums:
        v = number(sum(nums))
        if v != "0":
            parts.append(v)
    form = "(%s) Tj" if parts == ["(%s)"] else f"[{' '.join(parts)}] TJ"
    every = len(cuts) == n and all(b - a == 1 for a, b in cuts)
    return form, None if every else tuple(cuts)


def _template_unshifted(nat: list, adv: list) -> tuple[str, tuple | None]:
    """_template of a piece whose glyphs have no x offset (most: a justified line's
    glyphs are only wider): no number goes before a glyph, so each glyph's bytes
    end a run where a number follows it, and the number stands alone (its sum is
    itself)."""
    parts, cuts, run = [], [], 0
    for j, after in enumerate(map(sub, nat, adv), 1):
        if after:
            parts.append("(%s)")
            cuts.append((run, j))
            run = j
            v = number(after)
            if v != "0":
                parts.append(v)
    n = len(nat)
    if run < n:
        parts.append("(%s)")
        cuts.append((run, n))
    form = "(%s) Tj" if parts == ["(%s)"] else f"[{' '.join(parts)}] TJ"
    return form, None if len(cuts) == n else tuple(cuts)


def run_code(text, font, size: float, leading: float, subset: int, doc) -> tuple[str, int]:
    """The operators of one run in `font` (a TrueType font, subset by reportlab) at
    `size` with `leading`, the text object's subset being `subset`: reportlab's Tf
    where the subset changes and a Tj per subset piece (for a Placed run, a TJ array
    where its glyphs are moved), as `PDFTextObject._formatText` writes them for a
    canvas that escapes as reportlab's does; with the subset after the run.

    The pieces are reportlab's `splitString`, called directly. It codes a character
    at a time in Python, but each document codes its characters anew, and 9 runs in
    10 of a warm notice hold a character new to it: a shortcut looking the run up
    first (in C) failed on those and cost 0.44 M instructions a notice more than it
    saved; coding the new characters in bulk (a codec's encoding map per subset)
    cost more again, as each run then paid for its map made anew."""
    out = []
    tmpl = None
    if type(text) is not Placed:
        for piece, t in font.splitString(text, doc):
            if piece != subset:
                if not tmpl:
                    tmpl = f"{fp_str(size)} Tf {fp_str(leading)} TL"
                out.append(f"{subset_name(font, piece, doc)} {tmpl}")
                subset = piece
            out.append(f"({escapePDF(t)}) Tj")
        return " ".join(out), subset
    at = 0
    tj = text.tj
    for piece, t in font.splitString(text, doc):
        if piece != subset:
            if not tmpl:
                tmpl = f"{fp_str(size)} Tf {fp_str(leading)} TL"
            out.append(f"{subset_name(font, piece, doc)} {tmpl}")
            subset = piece
        n = len(t)
        got = tj.get((at, n))
        if got is None:
            got = tj[(at, n)] = _template(text, at, n)
        form, cuts = got
        escaped = list(map(_ESCAPED.__getitem__, t))
        if cuts is None:
            out.append(form % tuple(escaped))
        else:
            out.append(form % tuple(["".join(escaped[a:b]) for a, b in cuts]))
        at += n
    return " ".join(out), subset


def writes_directly(font, text) -> bool:
    """Whether run_code writes `text` in `font` (else reportlab's own code must)."""
    if not font._dynamicFont:
        return False
    kind = type(text)
    return kind is str or (kind is Placed and font.shapable)


_FILL_OPS: dict[tuple, str] = {}     # a Color's (red, green, blue) → its operator


class FastText(PDFTextObject):
    """A text object writing runs by run_code where it can (a canvas of its own
    escaping, a font of another kind, text of another kind go to reportlab), and
    setting a plain colour in short."""

    def setFillColor(self, aColor, alpha=None):
        """reportlab's setFillColor, shorter for a plain Color (each paragraph and
        bullet sets its colour, ~50 a notice; reportlab's method goes through its
        kinds of colour, then through four calls for the colour's alpha): the
        operator made once per colour, and the alpha given to reportlab only where
        it changes the graphics state (ExtGState.set writes nothing for the value
        the state has; the document's PDF version is raised for it either way)."""
        if type(aColor) is not Color or alpha is not None or self._enforceColorSpace:
            return super().setFillColor(aColor, alpha)
        rgb = (aColor.red, aColor.green, aColor.blue)
        op = _FILL_OPS.get(rgb)
        if op is None:
            op = _FILL_OPS[rgb] = "%s rg" % fp_str(rgb)
        self._fillColorObj = aColor
        self._code.append(op)
        alpha = aColor.alpha
        if alpha is None:
            return
        canvas = self._canvas
        state = canvas._extgstate
        if type(alpha) in (int, float) and 0 <= alpha <= 1 and alpha == state._d.get("ca", state.defaults["ca"]):
            canvas._doc.ensureMinPdfVersion("transparency")
        else:
            self.setFillAlpha(alpha)

    def _formatText(self, text):
        font = getFont(self._fontname)
        if not writes_directly(font, text) or type(self._canvas)._escape is not Canvas._escape:
            return super()._formatText(text)
        code, self._curSubset = run_code(text, font, self._fontsize, self._leading, self._curSubset,
                                         self._canvas._doc)
        return code
