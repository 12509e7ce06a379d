"""What the subset cutter reads of each glyph, kept once per machine (issue #17).

A process reads each glyph a subset needs from the font file and strips its hinting
(cut.Cutter._read): ~47,000 instructions a glyph, 13 M of a cold press notice's
~574 M for its ~280 glyphs, and the read needs the face's glyph offsets and metrics,
a group of big tables (fonts/cache.py) that costs ~3.5 M more to unpack. The
records the cutter keeps of a glyph (its size with instructions, its hmtx entry, its
stripped bytes with their checksum, or a composite glyph as in the font) are plain
data: kept here in the private cache folder (marshal: nothing runs on loading), one
file a face, and given back to the next process's cutter, which reads from the font
only the glyphs no earlier run did.

A face's file is named by a digest of everything that decides the records: the
font's SHA-256 (the face's `digest`), the code that reads and strips a glyph
(cut.py, hinting.py), the font cache's FORMAT (the parse whose offsets and metrics
the read takes), reportlab's and Python's versions. Each file carries a digest of
its own bytes: a damaged file is never read as data (the glyphs are read from the
font, and the file written anew). Written whole under its final name
(atomic.write_atomic) at the process's end, when the process read glyphs the file
did not hold, with the ones it held: two processes writing at once each leave a
whole file, one of the two. A face keeps at most MAX_BYTES of glyphs; past that,
new glyphs are read from the font each time.
"""
from __future__ import annotations

import hashlib
import os
import sys

from .. import sealed_marshal

FORMAT = 1
MAX_BYTES = 4_000_000        # of glyph data a face's file holds at most
_code_digest: bytes | None = None


def _code() -> bytes:
    """A digest of the code that makes a glyph's record, besides the font."""
    global _code_digest
    if _code_digest is None:
        from reportlab import Version
        from . import cache
        digest = hashlib.blake2b(f"{FORMAT}|{sys.version}|{Version}|{cache.FORMAT}|".encode(), digest_size=32)
        for name in ("cut.py", "hinting.py"):        # (read as files: cut.py imports this module)
            with open(os.path.join(os.path.dirname(__file__), name), "rb") as fh:
                data = fh.read()
            digest.update(len(data).to_bytes(8, "little") + data)
        _code_digest = digest.digest()
    return _code_digest


def entry(face) -> str | None:
    """The file of `face`'s glyphs, or None (a face without a digest: not read
    through the font cache; no private cache)."""
    digest = getattr(face, "digest", "")
    if not digest:
        return None
    from ..output import private_cache_dir
    folder = private_cache_dir("glyphs")
    if folder is None:
        return None
    return os.path.join(str(folder), hashlib.blake2b(digest.encode(), digest_size=20, key=_code()).hexdigest()
                        + ".marshal")


def load(path: str | None) -> dict:
    """glyph → its record, as `store` kept them; {} if there is no file, or it is
    damaged or not of this format."""
    records = sealed_marshal.load(path) if path is not None else None
    return records if type(records) is dict else {}


def store(path: str, records: dict) -> None:
    """The records written as the face's file (whole, atomically), those past
    MAX_BYTES left out; nothing if they cannot be kept exactly."""
    kept, size = {}, 0
    for glyph, record in records.items():
        size += sum(len(part) for part in record if type(part) is bytes)
        if size > MAX_BYTES:
            break
        kept[glyph] = record
    sealed_marshal.store(path, kept)
