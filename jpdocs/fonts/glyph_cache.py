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
the read takes), reportlab's and Python's versions. A file holds every glyph any
command has read of the face, so a notice reads a small part of a file that long use
has filled (a face's 640 KB, ~6,000 glyphs, against the notice's 93 KB: decoded and
digested whole, that was 16.7 M instructions more of a cold notice). So each record
is kept apart, marshalled, with its CRC-32, after an index of the glyphs (sorted),
where each record ends and their CRCs, and a record is decoded only when a cutter
asks for it (`Records`); a record whose CRC does not match, or a file whose index
does not, is not read as data (the glyph is read from the font, and the file
written anew). Written whole under its final name (atomic.write_atomic) at the
process's end, when the process read glyphs the file did not hold, with the ones it
held, copied undecoded: two processes writing at once each leave a whole file, one
of the two. A face keeps at most MAX_BYTES of glyphs; past that, new glyphs are
read from the font each time.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from array import array
from bisect import bisect_left
from zlib import crc32

FORMAT = 2
MAGIC = b"jpglyph" + bytes([FORMAT])
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


class Records:
    """A face's glyph records, glyph → record, as a cutter reads and adds them (`get`,
    `[glyph] = record`): those of the file decoded one by one, as asked for."""

    def __init__(self, glyphs=(), ends=(), crcs=(), blob=b""):
        self.glyphs, self.ends, self.crcs, self.blob = glyphs, ends, crcs, blob
        self.decoded: dict = {}
        self.added: dict = {}          # the records this process read from the font

    def _stored(self, glyph) -> int:
        """Where `glyph` is in the file's index, or -1."""
        i = bisect_left(self.glyphs, glyph)
        return i if i < len(self.glyphs) and self.glyphs[i] == glyph else -1

    def _raw(self, i: int) -> bytes:
        return self.blob[self.ends[i - 1] if i else 0:self.ends[i]]

    def get(self, glyph, default=None):
        record = self.added.get(glyph) or self.decoded.get(glyph)
        if record is not None:
            return record
        i = self._stored(glyph) if type(glyph) is int else -1
        if i < 0:
            return default
        data = self._raw(i)
        if crc32(data) != self.crcs[i]:
            return default
        try:
            record = self.decoded[glyph] = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            return default
        return record

    def __setitem__(self, glyph, record) -> None:
        self.added[glyph] = record

    def __len__(self) -> int:
        return len(self.glyphs) + sum(1 for g in self.added if self._stored(g) < 0)

    def as_dict(self) -> dict:
        out = {glyph: self.get(glyph) for glyph in self.glyphs}
        out.update(self.added)
        return out

    def __eq__(self, other) -> bool:
        if isinstance(other, Records):
            other = other.as_dict()
        return isinstance(other, dict) and self.as_dict() == other

    def marshalled(self) -> list:
        """(glyph, its record marshalled, its CRC) of each record, in glyph order: those
        this process read from the font, and the file's others copied undecoded (one
        whose CRC does not match left out)."""
        out = {}
        for glyph, record in self.added.items():
            data = marshal.dumps(record)
            if marshal.loads(data) != record:
                raise ValueError("not plain data")
            out[glyph] = (data, crc32(data))
        for i, glyph in enumerate(self.glyphs):
            if glyph not in out and crc32(data := self._raw(i)) == self.crcs[i]:
                out[glyph] = (data, self.crcs[i])
        return [(glyph, data, crc) for glyph, (data, crc) in sorted(out.items())]


def load(path: str | None) -> Records:
    """The face's records, as `store` kept them; none if there is no file, or it is
    damaged or not of this format."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except (OSError, TypeError):
        return Records()
    try:
        if data[:8] != MAGIC:
            return Records()
        size, check = int.from_bytes(data[8:12], "little"), int.from_bytes(data[12:16], "little")
        header = data[16:16 + size]
        if len(header) != size or crc32(header) != check:
            return Records()
        count, glyphs, ends, crcs = marshal.loads(header)
        glyphs, ends, crcs = array("I", glyphs), array("I", ends), array("I", crcs)
        blob = data[16 + size:]
        if not (len(glyphs) == len(ends) == len(crcs) == count) or (count and ends[-1] != len(blob)):
            return Records()
    except (EOFError, ValueError, TypeError):
        return Records()
    return Records(glyphs, ends, crcs, blob)


def store(path: str, records) -> None:
    """The records (Records, or a dict of them) written as the face's file (whole,
    atomically), those past MAX_BYTES left out; nothing if they cannot be kept exactly
    or the file cannot be written: a cache, whose next reader goes to the font."""
    try:
        if not isinstance(records, Records):
            records, plain = Records(), records
            records.added.update(plain)
        glyphs, ends, crcs, parts, size = array("I"), array("I"), array("I"), [], 0
        for glyph, data, crc in records.marshalled():
            if size + len(data) > MAX_BYTES:
                break
            glyphs.append(glyph)
            parts.append(data)
            size += len(data)
            ends.append(size)
            crcs.append(crc)
        header = marshal.dumps((len(glyphs), glyphs.tobytes(), ends.tobytes(), crcs.tobytes()))
    except (ValueError, TypeError, OverflowError):
        return
    from ..atomic import write_atomic         # (on storing only: most runs read)
    from pathlib import Path
    try:
        write_atomic(Path(path), MAGIC + len(header).to_bytes(4, "little") + crc32(header).to_bytes(4, "little")
                     + header + b"".join(parts), durable=False)
    except (OSError, ValueError):
        pass
