"""The deflate of the PDFs' streams (FlateDecode): libdeflate when it is installed,
else zlib.

Deflating was about a tenth of a warm press notice: each notice cuts ~2.6 font
subsets no document before it used (~90 KB of glyph outlines), their ToUnicode
maps and its page content, ~100 KB in all; zlib at its default level took
2.6–3.4 ms of it. libdeflate (the `deflate` package, a wheel that carries the
library) writes the same zlib format ~2.4 times faster at the same level and,
on these streams, a little smaller (70.6 KB a notice against zlib's 70.7 KB).

Why libdeflate and not ISA-L (`isal`, ~8 times faster than zlib here, at its
levels 1–3): ISA-L picks its code by the processor it runs on, and its output
follows: at level 3 a machine with AVX-512 and one with only AVX2 deflate the
same subset to different bytes, and at every level a processor without SSE4.2
differs again (compared under qemu's processor models); its ARM code is another
implementation still. libdeflate's output depends on its version and the level
alone (its author's word, and the same bytes under every processor model
tried), so a pinned requirement gives every machine the same files — which
zlib, the system's library that Python was built with, does not promise either. ISA-L's files were also
3 KB a notice bigger. The level is the default, 6, as zlib's was: levels 1–4
save 0.2–0.45 ms a notice for 1–2.3 KB more.

Without the package (an install that missed it) zlib deflates as before: the
files are as valid and read the same, only their compressed bytes differ.
"""
from __future__ import annotations

import zlib

LEVEL = 6

try:
    from deflate import zlib_compress as _libdeflate
except ImportError:               # not installed: zlib, the files as before this module
    _libdeflate = None


if _libdeflate is None:
    LIBRARY = "zlib"

    def compress(data: bytes) -> bytes:
        """`data` as a zlib stream (RFC 1950), which PDF's FlateDecode reads."""
        return zlib.compress(data, LEVEL)
else:
    LIBRARY = "libdeflate"

    def compress(data: bytes) -> bytes:
        """`data` as a zlib stream (RFC 1950), which PDF's FlateDecode reads."""
        return bytes(_libdeflate(data, LEVEL))   # (the package returns a bytearray)


# ---------------------------------------------------------------- mostly zeros
# A CIDFont's /CIDToGIDMap (fonts/cid.py) is two bytes for every CID up to the last
# one drawn, zero for all but the few hundred drawn: ~35 KB a notice, which libdeflate
# at level 6 took 1.45 M instructions to deflate (its match finder hashes every byte of
# a run of zeros), more than a font's glyphs. Its zlib stream is written here from the
# bytes that are not zero: each run of zeros a zero and copies of the byte before
# (distance 1), the other bytes literals, in one block of DEFLATE's fixed codes (RFC
# 1951, 3.2.6). The block is spelled as a string of bits, one character a bit, each
# code's spelling made once per process, and turned into bytes by int() in C. Any
# reader of FlateDecode reads it; the bytes are this function's, the same on every machine.

def _bits(value: int, length: int) -> str:
    """A value's bits as the stream holds them, its lowest first (extra bits)."""
    return format(value, f"0{length}b")[::-1] if length else ""


def _huffman(code: int, length: int) -> str:
    """A Huffman code's bits as the stream holds them, its highest first."""
    return format(code, f"0{length}b")


_LITERAL = [_huffman(0x30 + b, 8) if b < 144 else _huffman(0x190 + b - 144, 9) for b in range(256)]
_LENGTH_BASES = (3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
                 163, 195, 227, 258)
_LENGTH_EXTRA = (0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0)


def _copy(length: int) -> str:
    """A copy of `length` bytes (3–258) from distance 1: the length's code and extra
    bits, then distance code 0."""
    symbol = 28 if length == 258 else max(i for i, base in enumerate(_LENGTH_BASES[:28]) if base <= length)
    code = 257 + symbol
    head = _huffman(code - 256, 7) if code < 280 else _huffman(0xC0 + code - 280, 8)
    return head + _bits(length - _LENGTH_BASES[symbol], _LENGTH_EXTRA[symbol]) + "00000"


_COPY = [""] * 3 + [_copy(n) for n in range(3, 259)]
_ZERO_RUNS: dict[int, str] = {}


def _zeros(count: int) -> str:
    """`count` zero bytes: a literal zero, then copies of it."""
    out = _ZERO_RUNS.get(count)
    if out is None:
        many, rest = divmod(count - 1, 258)
        out = _LITERAL[0] + _COPY[258] * many + (_COPY[rest] if rest >= 3 else _LITERAL[0] * rest)
        if len(_ZERO_RUNS) < 100_000:
            _ZERO_RUNS[count] = out
    return out


def compress_sparse(data: bytes, nonzero: list[tuple[int, int]]) -> bytes:
    """`data` as a zlib stream (RFC 1950), given its bytes that are not zero as
    (offset, byte), in order (all others are zero)."""
    pieces, at = ["110"], 0               # the final block, fixed codes
    for offset, byte in nonzero:
        if offset > at:
            pieces.append(_zeros(offset - at))
        pieces.append(_LITERAL[byte])
        at = offset + 1
    if len(data) > at:
        pieces.append(_zeros(len(data) - at))
    pieces.append("0000000")              # end of block
    bits = "".join(pieces)
    bits += "0" * (-len(bits) % 8)
    body = int(bits[::-1], 2).to_bytes(len(bits) >> 3, "little")
    return b"\x78\x01" + body + zlib.adler32(data).to_bytes(4, "big")
