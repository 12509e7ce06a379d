"""Plain data kept in the private cache as marshal, sealed by the CRC-32 of its own bytes:
the parsed specs (spec/parsed.py) and BudouX's model (writers/phrase_model.py) (the
font cutter's glyphs, read a record at a time, seal each: fonts/glyph_cache.py).
Nothing runs on loading (marshal reads plain values only); a damaged or cut file is
never read as data, its CRC does not match; a file is written whole under its final name (atomic.write_atomic), so two
processes storing at once each leave a whole file, one of the two."""
from __future__ import annotations

import marshal
from pathlib import Path
from zlib import crc32

# Bytes of a file's own CRC-32, before its data. It tells a damaged or cut file, which
# is all it is for (the folder is the user's own): a BLAKE2b digest of the same bytes
# cost three times the instructions, 1.2 M of a cold notice's ~150 KB read this way.
CHECK = 4


def load(path):
    """The value stored at `path`; None where there is none, or it is damaged or not
    marshal's (the caller then reads from the source, and may store again)."""
    try:
        with open(path, "rb") as fh:
            stored = fh.read()
    except OSError:
        return None
    check, payload = stored[:CHECK], stored[CHECK:]
    if crc32(payload).to_bytes(CHECK, "little") != check:
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def store(path, value) -> None:
    """`value` written at `path` with its digest; nothing where marshal would not give it
    back exactly (plain data only) or the file cannot be written: a cache, whose next
    reader goes to the source."""
    try:
        payload = marshal.dumps(value)
        if marshal.loads(payload) != value:
            return
    except ValueError:
        return
    from .atomic import write_atomic         # (on storing only: most runs read)
    try:
        write_atomic(Path(path), crc32(payload).to_bytes(CHECK, "little") + payload, durable=False)
    except (OSError, ValueError):
        pass
