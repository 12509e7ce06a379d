"""TrueType hinting left out of the embedded font subsets.

Hinting is a program in the font (the `fpgm` and `prep` tables, the `cvt `
values they read, and each glyph's instructions) that snaps outlines to the
pixel grid of a screen at small sizes. reportlab copies all of it into every
subset. The BIZ UD fonts carry a lot of it: a press notice's three subsets
lose about a fifth of their bytes without it (the tagged notice: 132 → 109 KB).

What is lost: nothing on paper (printers rasterise at 300 dpi and more, where
hinting does nothing). On screen, poppler (pdftoppm, Evince, Okular) draws
embedded TrueType unhinted anyway: the bundled and real specs' pages are
pixel-identical with and without hinting at 100 and 150 dpi. PDFium (Chrome,
the app's preview) runs the instructions: without them its glyph edges differ
in grey levels, the glyphs in the same places. README, "Font hinting", has the
measurements and the reasons for the choice.

The glyph outlines, advances and metrics are untouched: only the programs go.
The result depends only on its input, so builds stay byte-identical.
"""
from __future__ import annotations

import re
from struct import pack, unpack_from

from reportlab.pdfbase.ttfonts import TTFontMaker

HINTING_TABLES = frozenset(("cvt ", "fpgm", "prep"))

# composite glyph flags (OpenType glyf table)
_ARG_WORDS, _SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO, _INSTRUCTIONS = 0x1, 0x8, 0x20, 0x40, 0x80, 0x100


def _tables(ttf: bytes) -> dict[str, bytes]:
    count = unpack_from(">H", ttf, 4)[0]
    out = {}
    for i in range(count):
        tag, _checksum, offset, length = unpack_from(">4sLLL", ttf, 12 + 16 * i)
        out[tag.decode("latin-1")] = ttf[offset:offset + length]
    return out


# a point's flags → the bytes of its x and y coordinates: 1 (short), 0 (same as
# the last), else 2 — looked up instead of worked out for every point
_COORD_BYTES = bytes((1 if f & 0x02 else 0 if f & 0x10 else 2) + (1 if f & 0x04 else 0 if f & 0x20 else 2)
                     for f in range(256))


# A simple glyph's flags, one entry at a time: a flag with the repeat bit (0x08)
# and its count byte, or a run of flags without it (one point each). Matched one
# after another from where the flags start, an entry at a time in C: the loop in
# Python over every point cost a cold notice ~40 M instructions (361 glyphs).
_REPEATED = bytes(f for f in range(256) if f & 0x08)
_SINGLE = bytes(f for f in range(256) if not f & 0x08)
_FLAG_ENTRY = re.compile(b"([" + re.escape(_REPEATED) + b"]).|[" + re.escape(_SINGLE) + b"]+", re.DOTALL)


def _simple_end(data: bytes, contours: int, at: int) -> int:
    """Where a simple glyph's points end (its flags start at `at`): what follows
    is the font's padding, which the glyph is padded anew from."""
    if not contours:
        return at
    points = total = unpack_from(">H", data, 10 + 2 * (contours - 1))[0] + 1
    start = at
    size = _COORD_BYTES
    coords = 0
    match = _FLAG_ENTRY.match
    while True:
        entry = match(data, at)
        if entry is None:                              # the data ends inside the flags
            return _simple_end_by_point(data, total, start)
        if entry.lastindex is None:                    # flags of one point each
            run = entry.group()
            if len(run) >= points:                     # the flags end inside the run
                return at + points + sum(run[:points].translate(size)) + coords
            points -= len(run)
            at += len(run)
            coords += sum(run.translate(size))
        else:                                          # a flag and how many times more it holds
            times = data[at + 1] + 1
            coords += times * size[data[at]]
            at += 2
            points -= times
            if points <= 0:
                return at + coords


def _simple_end_by_point(data: bytes, points: int, at: int) -> int:
    """_simple_end's loop point by point, for flags cut short (it fails as the data
    ends, where _simple_end cannot tell how)."""
    size = _COORD_BYTES
    coords = i = 0
    while i < points:
        flag = data[at]
        at += 1
        if flag & 0x08:                                # repeated
            times = data[at] + 1
            at += 1
            coords += times * size[flag]
            i += times
        else:
            coords += size[flag]
            i += 1
    return at + coords


_STRIPPED: dict[bytes, bytes] = {}    # a glyph's description → the same without instructions
_MAX_STRIPPED = 50_000                # glyphs remembered per process (~10 MB)


def glyph_without_instructions(data: bytes) -> bytes:
    """One glyph's description without its instructions, remembered: subsets cut
    for different documents share most of their glyphs, and finding where a
    glyph's points end is a loop over them in Python (~10 µs a kanji)."""
    out = _STRIPPED.get(data)
    if out is None:
        if len(_STRIPPED) >= _MAX_STRIPPED:
            _STRIPPED.clear()
        out = _STRIPPED[data] = _strip_glyph(data)
    return out


def _strip_glyph(data: bytes) -> bytes:
    if len(data) < 10:
        return data                                    # an empty glyph
    contours = unpack_from(">h", data, 0)[0]
    if contours >= 0:                                  # simple: the instructions follow the end points
        at = 10 + 2 * contours
        n = unpack_from(">H", data, at)[0]
        rest = at + 2 + n
        return data[:at] + b"\0\0" + data[rest:_simple_end(data, contours, rest)]
    *parts, end = composite_parts(data)                # composite: the instructions follow the last part
    out = bytearray(data[:end])
    for at in parts:
        out[at:at + 2] = pack(">H", unpack_from(">H", out, at)[0] & ~_INSTRUCTIONS)
    return bytes(out)


def composite_parts(data: bytes) -> list[int]:
    """Where each part of a composite glyph starts (its flags, then the index of the
    glyph it uses), and last, where the parts end (the instructions, if any, follow)."""
    starts, at, flags = [], 10, _MORE
    while flags & _MORE:
        starts.append(at)
        flags = unpack_from(">H", data, at)[0]
        at += 4 + (4 if flags & _ARG_WORDS else 2)
        if flags & _SCALE:
            at += 2
        elif flags & _XY_SCALE:
            at += 4
        elif flags & _TWO_BY_TWO:
            at += 8
    return starts + [at]


def strip(ttf: bytes) -> bytes:
    """A TrueType file (a subset as reportlab makes it) without its hinting.

    The glyph table is rewritten glyph by glyph, each padded to 4 bytes as
    reportlab pads it, and `loca` in the format `head` names; `maxp`'s largest
    instruction size becomes 0. The tables are assembled by reportlab's own
    TTFontMaker (table order, checksums, head's checkSumAdjustment)."""
    tables = _tables(ttf)
    if "glyf" not in tables or "loca" not in tables:
        return ttf                                     # no TrueType outlines: nothing to take out
    head, loca, glyf = tables["head"], tables["loca"], tables["glyf"]
    long_loca = unpack_from(">h", head, 50)[0] == 1
    if long_loca:
        offsets = unpack_from(f">{len(loca) // 4}L", loca)
    else:
        offsets = [o * 2 for o in unpack_from(f">{len(loca) // 2}H", loca)]
    parts, new_offsets, pos = [], [], 0
    for a, b in zip(offsets, offsets[1:]):
        new_offsets.append(pos)
        g = glyph_without_instructions(glyf[a:b]) if b > a else b""
        g += b"\0" * (-len(g) % 4)
        parts.append(g)
        pos += len(g)
    new_offsets.append(pos)
    if long_loca:
        loca = pack(f">{len(new_offsets)}L", *new_offsets)
    else:
        loca = pack(f">{len(new_offsets)}H", *(o >> 1 for o in new_offsets))
    maker = TTFontMaker()
    for tag, data in tables.items():
        if tag in HINTING_TABLES:
            continue
        if tag == "glyf":
            data = b"".join(parts)
        elif tag == "loca":
            data = loca
        elif tag == "maxp" and len(data) >= 28:
            data = data[:26] + b"\0\0" + data[28:]     # maxSizeOfInstructions
        maker.add(tag, data)
    return maker.makeStream()
