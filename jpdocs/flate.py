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
3 KB a notice bigger.

The level is the default, 6, as zlib's was, for every stream but two kinds. A font
program (the glyph outlines of a subset, ~60 KB a notice, fonts/cid.py) is
deflated at level 1 (`FONT_PROGRAM`): outlines are near to random bytes (level 6
leaves 71 % of them, level 1 72 %), so level 6's longer search for matches buys
little and took twice the time. Counted with callgrind on the font programs of ten
real notices (604 KB): level 6 5.2 M instructions a notice, level 1 2.65 M, for
1.1 KB more a notice (level 2–4 cost as much as 6 less 0.8 M, for half that
size). Other streams stay at 6: pages' content streams are text operators that
compress well (level 1 leaves 10 % more of them) and cost 1.4 M a notice in all.
A font's /CIDToGIDMap (fonts/cid.py), two bytes a CID and mostly zeros, is written
run-length encoded (fonts/glyph_map.py, /Filter [/FlateDecode /RunLengthDecode]) and
those codes deflated at level 1 (`CID_MAP`): the map's ~35 KB a notice deflated
alone took 1.45 M instructions at level 6 (the match finder hashes every byte of a
run of zeros), 0.68 M at level 1; its ~1.7 KB of codes take ~0.25 M, most of it
the fixed cost of a call, and come out smaller (level 1 0.99 KB, level 6 1.01 KB,
the map at level 1 1.11 KB).

What each kind of stream cost a warm notice, counted with callgrind over 20 notices
(benchmarks/specgen.py's, two faces each) before the map was run-length encoded:

| stream | a notice | in | deflated | level | instructions |
|---|---|---|---|---|---|
| font programs | 2 | 91.7 KB | 67.8 KB | 1 | 3.98 M |
| pages' content | 1.35 | 14.8 KB | 2.7 KB | 6 | 0.89 M |
| ToUnicode maps | 2 | 5.5 KB | 2.2 KB | 6 | 0.71 M |
| /CIDToGIDMap | 2 | 34.4 KB | 1.1 KB | 1 | 0.68 M |

A call costs ~0.1 M whatever its size (the match finder's tables set up, the block's
Huffman codes made), so the small streams cost more than their bytes say. Content
at level 1 would save 0.45 M for 0.3 KB more (3.14 against 2.81 KB); the ToUnicode
maps at level 1 0.39 M for 0.3 KB more (2.53 against 2.23 KB); level 5 costs ~0.06 M
less than 6 for either, for the same size within 2 %. Keeping a compressor per level
(libdeflate's own functions, which the package's module exports, called through
ctypes) saves ~0.02 M a call, 0.17 M a notice: the fixed cost is the compress's own.

Without the package (an install that missed it) zlib deflates as before: the
files are as valid and read the same, only their compressed bytes differ.
"""
from __future__ import annotations

import zlib

LEVEL = 6
FONT_PROGRAM = 1                  # the level of a font's glyph outlines
CID_MAP = 1                       # the level of a font's /CIDToGIDMap, run-length encoded first

try:
    from deflate import zlib_compress as _libdeflate
except ImportError:               # not installed: zlib, the files as before this module
    _libdeflate = None


if _libdeflate is None:
    LIBRARY = "zlib"

    def compress(data: bytes, level: int = LEVEL) -> bytes:
        """`data` as a zlib stream (RFC 1950), which PDF's FlateDecode reads."""
        return zlib.compress(data, level)
else:
    LIBRARY = "libdeflate"

    def compress(data: bytes, level: int = LEVEL) -> bytes:
        """`data` as a zlib stream (RFC 1950), which PDF's FlateDecode reads."""
        return bytes(_libdeflate(data, level))   # (the package returns a bytearray)

