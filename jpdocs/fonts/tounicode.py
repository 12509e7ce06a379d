"""The ToUnicode CMap of a font subset: which characters its codes draw, for
copying, searching and reading aloud.

It is reportlab's (`ttfonts.makeToUnicodeCMap`) with two corrections. reportlab
writes a code point beyond U+FFFF as five hex digits (<20BB7>), which readers
take as U+20BB: a copied or searched 𠮷 (drawn from a fallback font) would come
out as ₻. PDF wants UTF-16BE, a surrogate pair (<D842DFB7>). And code 0 of the
first subset is reserved (never drawn) and reportlab maps it to U+0000, which
PDF/UA-1 forbids: it is left out.

Each new subset of a batch's notices needs its CMap (~2.6 a notice), and making
reportlab's, then rewriting it, formatted its ~250 lines twice. `to_unicode_cmap`
writes the final text at once, joined from pieces formatted once per process
(a code's "<1F> <", a character's "4E00>" and the line's end). `corrected_cmap` is the way through
reportlab's text: it writes what reportlab's function gives if that ever stops
being the text `to_unicode_cmap` was checked against (at import, on a sample),
and tests/test_tounicode.py compares the two ways on many glyph sets.
"""
from __future__ import annotations

from reportlab.pdfbase import ttfonts

_reportlab_cmap = ttfonts.makeToUnicodeCMap

_HEAD = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
         "<< /Registry (%s)\n/Ordering (%s)\n/Supplement 0\n>> def\n/CMapName /%s def\n/CMapType 2 def\n"
         "1 begincodespacerange\n<00> <%02X>\nendcodespacerange\n%d beginbfchar")
_TAIL = "endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
_CODES = ["<%02X> <" % i for i in range(256)]        # a line's code, up to its character
_CHARS: dict[int, str] = {}                            # a code point → its UTF-16BE hex, with ">\n"
_INT = frozenset((int,))


def _utf16(v: int) -> str:
    return chr(v).encode("utf-16-be", "surrogatepass").hex().upper() if v > 0xFFFF else "%04X" % v


def corrected_cmap(fontname: str, subset) -> str:
    """reportlab's CMap, its lines rewritten: UTF-16BE, no line for U+0000."""
    text = _reportlab_cmap(fontname, subset)
    head, _, _ = text.partition("%d beginbfchar" % len(subset))
    pairs = [(i, v) for i, v in enumerate(subset) if v]
    return "\n".join([head + "%d beginbfchar" % len(pairs)]
                     + ["<%02X> <%s>" % (i, _utf16(v)) for i, v in pairs]
                     + ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


def _direct(fontname: str, subset) -> str | None:
    """The CMap written at once; None for a subset it does not know how to write."""
    if not (0 < len(subset) <= 256 and _INT.issuperset(map(type, subset))) or "beginbfchar" in fontname:
        return None
    try:
        chars = list(map(_CHARS.__getitem__, subset))
    except KeyError:
        for v in subset:
            if v not in _CHARS:
                if not 0 <= v <= 0x10FFFF:
                    return None
                _CHARS[v] = _utf16(v) + ">\n"
        chars = list(map(_CHARS.__getitem__, subset))
    codes = _CODES[:len(subset)]
    if 0 in subset:                               # U+0000 has no line: code 0 of a first subset
        if subset[0] == 0 and 0 not in subset[1:]:
            codes, chars = codes[1:], chars[1:]
        else:
            kept = [i for i, v in enumerate(subset) if v]
            codes, chars = [codes[i] for i in kept], [chars[i] for i in kept]
    # the lines' pieces interleaved (code, character, code, …) and joined once
    pieces = [None] * (2 * len(codes))
    pieces[0::2], pieces[1::2] = codes, chars
    return "".join([_HEAD % (fontname, fontname, fontname, len(subset) - 1, len(codes)), "\n", *pieces, _TAIL])


def _checked() -> bool:
    """Whether the direct way writes reportlab's text, corrected, for a few small
    subsets (a code 0, characters beyond U+FFFF, codes of two hex digits): every
    line is written alike, and a cold build pays for the check."""
    samples = [[0, 32, 0x3042, 0xA0, 0x20BB7], list(range(0x4E00, 0x4E12)), [0x1F600, 65, 0, 0xFFFF]]
    return all(_direct("AAAAAA+Font", s) == corrected_cmap("AAAAAA+Font", s) for s in samples)


_USABLE = _checked()


def to_unicode_cmap(fontname: str, subset) -> str:
    """The subset's ToUnicode CMap, as `corrected_cmap` writes it."""
    out = _direct(fontname, subset) if _USABLE else None
    return out if out is not None else corrected_cmap(fontname, subset)
