"""A code point's glyph and advance in a face, without the face's two big dicts
where they are not in memory yet.

A face read from the parse cache (fonts/cache.py) makes its cmap and widths, two
dicts of 11,741 entries a BIZ UD font, where they are first asked for: ~1.5 ms a face
of a cold run, which looks up a few hundred characters. Its entry keeps them as
arrays too: each BMP code point's glyph (two bytes each; the few beyond U+FFFF in a
small dict), whether the font has it answered by its Coverage bitmap, and each
glyph's advance. `Arrays` answers as the dicts do; the entry keeps arrays only where
they give the dicts back, entry for entry and type for type (`of_tables`, when the
entry is stored), and once the dicts are in memory (a batch's second document reads
them: cid.Coding.cid_of) they answer.
"""
from __future__ import annotations

import sys
from array import array

STORED = "jp_arrays"        # the face's attribute a cache entry sets: its Arrays
BMP = 0x10000


class Arrays:
    """A face's cmap and widths as arrays (see the module)."""
    __slots__ = ("coverage", "bmp", "astral", "advances", "default")

    def __init__(self, coverage, bmp: array, astral: dict[int, int], advances: array, default):
        self.coverage, self.bmp, self.astral = coverage, bmp, astral
        self.advances, self.default = advances, default

    def glyph(self, code: int) -> int:
        """face.charToGlyph[code]: KeyError where the font has no such character."""
        glyph = self.bmp[code] if 0 <= code < BMP else self.astral.get(code, 0)
        if glyph or code in self.coverage:    # (0: no such character, or the font's glyph 0)
            return glyph
        raise KeyError(code)

    def glyph_or_0(self, code: int) -> int:
        """face.charToGlyph.get(code, 0) (a code point the font lacks has 0 in the arrays)."""
        return self.bmp[code] if 0 <= code < BMP else self.astral.get(code, 0)

    def width(self, code: int):
        """face.getCharWidth(code): the advance of the character's glyph, the face's
        default where it has none."""
        glyph = self.bmp[code] if 0 <= code < BMP else self.astral.get(code, 0)
        if not glyph and code not in self.coverage:
            return self.default
        advances = self.advances
        return advances[glyph] if glyph < len(advances) else self.default


def glyph_of(face):
    """code → glyph, as face.charToGlyph[code] answers (KeyError where none)."""
    arrays = face.__dict__.get(STORED)
    if arrays is None or "charToGlyph" in face.__dict__:
        return face.charToGlyph.__getitem__
    return arrays.glyph


def glyph_or_0_of(face):
    """code → glyph, as face.charToGlyph.get(code, 0) answers."""
    arrays = face.__dict__.get(STORED)
    if arrays is None or "charToGlyph" in face.__dict__:
        return lambda code, get=face.charToGlyph.get: get(code, 0)
    return arrays.glyph_or_0


def width_of(face):
    """code → advance, as face.getCharWidth answers."""
    arrays = face.__dict__.get(STORED)
    if arrays is None or "charWidths" in face.__dict__:
        return face.getCharWidth
    return arrays.width


def arrays_of(face) -> Arrays | None:
    """The face's Arrays while its dicts are not in memory, else None."""
    arrays = face.__dict__.get(STORED)
    return None if arrays is None or "charWidths" in face.__dict__ else arrays


# --- stored with a cache entry
def of_tables(char_to_glyph: dict, char_widths: dict, glyphs: int, default) -> tuple | None:
    """What an entry keeps of a parse's cmap and widths (`glyphs`: its glyph count):
    (the BMP glyphs' bytes, the others' dict, the advances' type code and bytes), or
    None where arrays cannot give the two dicts back exactly (a glyph number past two
    bytes, two characters of one glyph with different advances, widths of mixed types)."""
    kinds = {type(w) for w in char_widths.values()} | {type(default)}
    if not (kinds <= {float} or kinds <= {int}) or not all(0 <= g < BMP for g in char_to_glyph.values()):
        return None
    code = "d" if float in kinds else "q"
    bmp, astral, advances = array("H", bytes(2 * BMP)), {}, array(code, [default]) * glyphs
    for char, glyph in char_to_glyph.items():
        if char < BMP:
            bmp[char] = glyph
        else:
            astral[char] = glyph
        if char in char_widths:
            if glyph >= glyphs:
                return None
            advances[glyph] = char_widths[char]
    stored = (_bytes(bmp), astral, code, _bytes(advances))
    arrays = loaded(stored, set(char_to_glyph), default)
    widths = {c: arrays.width(c) for c in char_to_glyph if arrays.glyph(c) < glyphs}
    if ({c: arrays.glyph(c) for c in char_to_glyph} != char_to_glyph or widths != char_widths
            or any(type(widths[c]) is not type(w) for c, w in char_widths.items())):
        return None
    return stored


def loaded(stored: tuple, coverage, default) -> Arrays:
    """The Arrays of what of_tables stored (a ValueError if it is not that)."""
    bmp_bytes, astral, code, advance_bytes = stored
    if type(bmp_bytes) is not bytes or type(astral) is not dict or code not in ("d", "q") \
            or type(advance_bytes) is not bytes or len(bmp_bytes) != 2 * BMP:
        raise ValueError("not the arrays of a font")
    bmp, advances = array("H"), array(code)
    bmp.frombytes(bmp_bytes)
    advances.frombytes(advance_bytes)
    if sys.byteorder == "big":
        bmp.byteswap()
        advances.byteswap()
    return Arrays(coverage, bmp, astral, advances, default)


def _bytes(values: array) -> bytes:
    """The array's bytes, little-endian (as loaded reads them)."""
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()
