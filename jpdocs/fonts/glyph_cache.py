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
is kept apart, marshalled, with its CRC-32, after an index (each glyph's place,
where each record ends, their CRCs: arrays read as they are), and a record is
decoded only when a cutter asks for it (`Records`); a record whose CRC does not match, or a file whose index
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
from zlib import crc32

FORMAT = 3
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
            # (each file's CRC-32: its text through BLAKE2b cost 0.36 M instructions a start)
            digest.update(len(data).to_bytes(8, "little") + crc32(data).to_bytes(4, "little"))
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
    `[glyph] = record`): those of the file decoded one by one, as asked for. The file's
    index: `slot`, by glyph, the record's place + 1 (0: none), and by place, where
    each record ends in `blob` (the file's bytes after the index) and its CRC-32 (arrays: read as they are, at no cost
    per glyph held; looked up without a search)."""

    def __init__(self, slot=(), ends=(), crcs=(), blob=b""):
        self.slot, self.ends, self.crcs, self.blob = slot, ends, crcs, blob
        self.starts = array("I", [0]) + ends[:-1] if len(ends) else ()
        self.added: dict = {}          # the records this process read from the font

    def get(self, glyph: int, default=None):
        """The record of `glyph`, decoded from the file unless this process read it
        (not kept: a cutter asks once a glyph, and keeps what it restores)."""
        record = self.added.get(glyph)
        if record is not None or glyph < 0:
            return record if record is not None else default
        try:
            i = self.slot[glyph] - 1
            if i >= 0 and crc32(data := self.blob[self.starts[i]:self.ends[i]]) == self.crcs[i]:
                return marshal.loads(data)
        except (IndexError, EOFError, ValueError, TypeError):      # (a place past the index: a damaged file)
            pass
        return default

    def __setitem__(self, glyph: int, record) -> None:
        self.added[glyph] = record

    def stored(self) -> list:
        """The glyphs of the file, in their places' order."""
        places = sorted((i, glyph) for glyph, i in enumerate(self.slot) if i)
        return [glyph for _, glyph in places]

    def __len__(self) -> int:
        return len(set(self.stored()).union(self.added))

    def as_dict(self) -> dict:
        out = {glyph: self.get(glyph) for glyph in self.stored()}
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
        for i, glyph in enumerate(self.stored()):
            if glyph not in out and crc32(data := self.blob[self.starts[i]:self.ends[i]]) == self.crcs[i]:
                out[glyph] = (bytes(data), self.crcs[i])
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
        count, slot, ends, crcs = marshal.loads(header)
        slot, ends, crcs = array("H", slot), array("I", ends), array("I", crcs)
        blob = memoryview(data)[16 + size:]      # (not copied: 0.8 M instructions for a long-used file)
        if not (len(ends) == len(crcs) == count) or (count and ends[-1] != len(blob)):
            return Records()
    except (EOFError, ValueError, TypeError):
        return Records()
    return Records(slot, ends, crcs, blob)


def store(path: str, records) -> None:
    """The records (Records, or a dict of them) written as the face's file (whole,
    atomically), those past MAX_BYTES left out; nothing if they cannot be kept exactly
    or the file cannot be written: a cache, whose next reader goes to the font."""
    try:
        if not isinstance(records, Records):
            records, plain = Records(), records
            records.added.update(plain)
        places, ends, crcs, parts, size = {}, array("I"), array("I"), [], 0
        for glyph, data, crc in records.marshalled():
            if size + len(data) > MAX_BYTES or len(places) == 65535 or not 0 <= glyph <= 65535:
                break
            places[glyph] = len(places) + 1
            parts.append(data)
            size += len(data)
            ends.append(size)
            crcs.append(crc)
        slot = array("H", [0]) * (max(places, default=-1) + 1)
        for glyph, place in places.items():
            slot[glyph] = place
        header = marshal.dumps((len(places), slot.tobytes(), ends.tobytes(), crcs.tobytes()))
    except (ValueError, TypeError, OverflowError):
        return
    from ..atomic import write_atomic         # (on storing only: most runs read)
    from pathlib import Path
    try:
        write_atomic(Path(path), MAGIC + len(header).to_bytes(4, "little") + crc32(header).to_bytes(4, "little")
                     + header + b"".join(parts), durable=False)
    except (OSError, ValueError):
        pass
