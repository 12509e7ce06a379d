"""A font's /CIDToGIDMap written run-length encoded, straight from the CIDs drawn.

The map (fonts/cid.py) is two bytes a CID, big-endian, from CID 0 to the last CID a
document drew: each the CID's glyph in the subset, 0 for a CID not drawn. A notice's
body face draws ~300 CIDs of ~12,000, so its map is ~24 KB of zeros with a number
here and there. Those bytes cost a warm notice ~1.0 M instructions: 0.28 M to make
(a 24 KB buffer of zeros, each number set in a Python loop) and 0.68 M to deflate,
where libdeflate, even at level 1, hashes every byte of a run of zeros.

Here the same bytes are coded for PDF's RunLengthDecode (ISO 32000-1, 7.4.5: a length
byte n of 0–127 copies the n + 1 bytes after it, 129–255 repeats the byte after it
257 − n times, 128 ends the data) without being made: each drawn CID is a gap from
the one before (the zero bytes of the CIDs between) and its glyph's number, and a
gap's codes are made once per process (`_LOW`, `_HIGH`), so a map is three passes in
C over its ~300 CIDs (the gaps, their codes, the codes joined with the numbers):
~0.35 M instructions a notice, ~1,000 a CID drawn. The codes, ~1.7 KB for a notice's
two maps, are then deflated (flate.CID_MAP, ~0.25 M), the stream's /Filter
[/FlateDecode /RunLengthDecode]: ~1.0 KB in the file where the map deflated alone took
~1.1 KB (a book's fonts, which draw few CIDs, up to ~70 bytes more). The codes alone,
not deflated, would save another ~0.25 M for ~0.7 KB more a notice. Every reader decodes the same map (PDF has had the filter since
1.0; PDF/A forbids only LZW); `tests/test_glyph_map.py` decodes real and random maps
and compares them with the bytes written out in full.
"""
from __future__ import annotations

from itertools import chain
from operator import sub

_FULL = b"\x81\x00"         # a run of 128 zero bytes (length byte 257 - 128)
END = b"\x80"               # the end of the data
_KEPT_GAPS = 4096           # gaps whose codes are kept (larger ones, a few a map, are made each time)


def zero_runs(count: int) -> bytes:
    """`count` (2 or more) zero bytes as runs: 128 at a time, then the rest as one run
    (a rest of 1, which a run cannot code, as 127 + 2)."""
    full, rest = divmod(count, 128)
    if rest == 1:
        return _FULL * (full - 1) + bytes((257 - 127, 0, 257 - 2, 0))
    return _FULL * full + (bytes((257 - rest, 0)) if rest else b"")


def _before_low(gap: int) -> bytes:
    """The codes before a glyph number under 256 whose CID is `gap` after the previous
    drawn one (or gap − 1 after CID 0): the 2 × (gap − 1) zero bytes of the CIDs
    between and the number's high byte, 0, then the length byte of the literal (the
    low byte, which follows). Next to the CID before, the high byte is a literal too."""
    if gap == 1:
        return b"\x01\x00"                       # two literal bytes: 0, then the number
    return zero_runs(2 * gap - 1) + b"\x00"     # (2 * gap - 1 >= 3)


def _before_high(gap: int) -> bytes:
    """The same before a glyph number of 256 or more: its two bytes a literal."""
    return (zero_runs(2 * gap - 2) if gap > 1 else b"") + b"\x01"


class _Codes(dict):
    """A gap → its codes (`make`'s), made where first asked for; kept up to _KEPT_GAPS
    (a large gap's codes are long, and such gaps are few)."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, gap: int) -> bytes:
        codes = self.make(gap)
        if gap < _KEPT_GAPS:
            self[gap] = codes
        return codes


_LOW, _HIGH = _Codes(_before_low), _Codes(_before_high)
_NUMBERS: list[bytes] = [b""]               # a glyph number → its bytes in the map (the low one alone under 256)


def _numbers(count: int) -> list[bytes]:
    """_NUMBERS up to `count` at least (made as far as a glyph set needs, once per process)."""
    if len(_NUMBERS) <= count:
        _NUMBERS.extend(bytes((n,)) if n < 256 else n.to_bytes(2, "big") for n in range(len(_NUMBERS), count + 1))
    return _NUMBERS


def run_length_map(cids, glyphs) -> bytes:
    """The map of `cids` (ascending, none 0) to `glyphs` (each CID's glyph number in the
    subset, 1 or more: a range 1 … n where no two CIDs share a glyph), run-length
    encoded. Where nothing was drawn, the map of CID 0 alone (two zero bytes)."""
    if not cids:
        return zero_runs(2) + END
    gaps = list(map(sub, cids, chain((-1,), cids)))
    numbers = _numbers(glyphs[-1] if type(glyphs) is range else max(glyphs))
    if type(glyphs) is range and glyphs.step == 1:     # ascending numbers: those under 256 first
        low = max(0, min(len(gaps), 256 - glyphs.start))
        before = [*map(_LOW.__getitem__, gaps[:low]), *map(_HIGH.__getitem__, gaps[low:])]
        after = numbers[glyphs.start:glyphs.stop]
    else:
        before = [_LOW[gap] if glyph < 256 else _HIGH[gap] for gap, glyph in zip(gaps, glyphs)]
        after = list(map(numbers.__getitem__, glyphs))
    # each CID's codes, then its number, interleaved by slices (in C), joined once
    pieces = [b""] * (2 * len(gaps))
    pieces[::2], pieces[1::2] = before, after
    pieces.append(END)
    return b"".join(pieces)


def decoded(data: bytes) -> bytes:
    """RunLengthDecode's reading of `data` (for tests and checks; not on a build's path)."""
    out, at = bytearray(), 0
    while True:
        length = data[at]
        if length == 128:
            return bytes(out)
        if length < 128:
            out += data[at + 1:at + 2 + length]
            at += 2 + length
        else:
            out += data[at + 1:at + 2] * (257 - length)
            at += 2
