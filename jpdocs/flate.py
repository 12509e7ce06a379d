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

Every stream is deflated at level 1, each kind for its own measured reason (counted
with callgrind over 20 warm notices of benchmarks/specgen.py, two faces each):

| stream | a notice | in | deflated at 6 → at 1 | instructions at 6 → at 1 |
|---|---|---|---|---|
| font programs (`FONT_PROGRAM`) | 2 | 91.7 KB | 71 % → 72 % of it | 5.2 → 2.65 M (ten real notices) |
| pages' content (`LEVEL`) | 1.35 | 14.8 KB | 2.81 → 3.14 KB | 0.89 → ~0.44 M |
| ToUnicode maps (`LEVEL`) | 2 | 5.5 KB | 2.23 → 2.53 KB | 0.71 → ~0.32 M |
| /CIDToGIDMap's codes (`CID_MAP`) | 2 | 1.7 KB | 1.01 → 0.99 KB | ~0.25 M at 1 |

- A font program (the glyph outlines of a subset, fonts/cid.py) is near to random
  bytes: level 6 leaves 71 % of them, level 1 72 %, so level 6's longer search for
  matches buys little and took twice the time (levels 2–4 cost as much as 6 less
  0.8 M, for half the size).
- Pages' content and the ToUnicode maps are text, which level 6 compresses ~10 %
  better; they went to level 1 when the pages' content lost its ASCII85 wrapping
  (writers/pages.py): the ~0.75 KB a notice that wrapping took more than pays for
  the ~0.6 KB level 1 adds (the seed's notice 91,295 → 91,239 bytes), and a warm
  notice costs 1.12 M instructions less (53.33 → 52.21 M, both steps). Level 5 costs ~0.06 M less than 6 for either, for the same size within 2 %.
- A font's /CIDToGIDMap (fonts/cid.py), two bytes a CID and mostly zeros, is written
  run-length encoded (fonts/glyph_map.py, /Filter [/FlateDecode /RunLengthDecode]) and
  those codes deflated: the map's ~35 KB deflated alone took 1.45 M instructions at
  level 6 (the match finder hashes every byte of a run of zeros), 0.68 M at level 1.

A call costs ~0.1 M whatever its size (the match finder's tables set up, the block's
Huffman codes made), so the small streams cost more than their bytes say. Keeping a
compressor per level (libdeflate's own functions, which the package's module exports,
called through ctypes) saves ~0.02 M a call, 0.17 M a notice: the fixed cost is the
compress's own.

Without the package (an install that missed it) zlib deflates as before: the
files are as valid and read the same, only their compressed bytes differ.
"""
from __future__ import annotations

import zlib

LEVEL = 1                         # pages' content, ToUnicode maps, any other stream
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

