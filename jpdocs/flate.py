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

import re
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
# a run of zeros), more than a font subset's glyphs. Its zlib stream is written here
# directly: each run of zeros a zero and copies of the byte before (distance 1), the
# other bytes as literals, in one block of DEFLATE's fixed codes (RFC 1951, 3.2.6),
# the runs found in C (a regular expression). Any reader of FlateDecode reads it; the
# bytes are this function's alone, the same on every machine.

def _reversed_bits(code: int, length: int) -> int:
    """A Huffman code as DEFLATE's bit stream takes it (its first bit lowest)."""
    return int(format(code, f"0{length}b")[::-1], 2)


def _literal_code(byte: int) -> tuple[int, int]:
    if byte < 144:
        return _reversed_bits(0x30 + byte, 8), 8
    return _reversed_bits(0x190 + byte - 144, 9), 9


_LENGTH_BASES = (3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
                 163, 195, 227, 258)
_LENGTH_EXTRA = (0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0)


def _copy_code(length: int) -> tuple[int, int]:
    """The bits of a copy of `length` bytes (3–258) from distance 1: the length's
    code and extra bits, then distance code 0 (five zero bits)."""
    symbol = max(i for i, base in enumerate(_LENGTH_BASES) if base <= length)
    if length == 258:
        symbol = 28
    code = 257 + symbol
    bits, n = (_reversed_bits(code - 256, 7), 7) if code < 280 else (_reversed_bits(0xC0 + code - 280, 8), 8)
    extra = _LENGTH_EXTRA[symbol]
    bits |= (length - _LENGTH_BASES[symbol]) << n
    return bits, n + extra + 5


_LITERALS = [_literal_code(b) for b in range(256)]
_COPIES = [(0, 0)] * 3 + [_copy_code(n) for n in range(3, 259)]
_NONZERO = re.compile(rb"[^\0]+")


def compress_sparse(data: bytes) -> bytes:
    """`data`, mostly zero bytes, as a zlib stream (RFC 1950) of one fixed-code block."""
    out = bytearray(b"\x78\x01")
    acc, n = 0b011, 3                     # the final block, fixed codes
    literals, copies = _LITERALS, _COPIES
    long_bits, long_n = copies[258]
    at = 0

    def zeros(count: int) -> None:       # `count` zero bytes, the byte before them not one
        nonlocal acc, n
        bits, size = literals[0]
        acc |= bits << n
        n += size
        count -= 1
        while count >= 258:
            acc |= long_bits << n
            n += long_n
            count -= 258
        if count >= 3:
            bits, size = copies[count]
            acc |= bits << n
            n += size
        elif count:
            bits, size = literals[0]
            for _ in range(count):
                acc |= bits << n
                n += size

    for match in _NONZERO.finditer(data):
        start, end = match.span()
        if start > at:
            zeros(start - at)
        for byte in match.group():
            bits, size = literals[byte]
            acc |= bits << n
            n += size
        if n >= 4096:                     # (the bits so far written out as whole bytes)
            whole = n >> 3
            out += (acc & ((1 << (whole << 3)) - 1)).to_bytes(whole, "little")
            acc >>= whole << 3
            n -= whole << 3
        at = end
    if len(data) > at:
        zeros(len(data) - at)
    n += 7                                # end of block: code 256, seven zero bits
    out += acc.to_bytes((n + 7) >> 3, "little")
    out += zlib.adler32(data).to_bytes(4, "big")
    return bytes(out)
