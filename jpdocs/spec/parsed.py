"""The files every run reads, parsed once per machine instead of once per process (issue #17).

Every build parses the default house style (templates/house-style.yaml, 16 KB),
and every agreement the standard articles file: the same bytes each time, some
20 M instructions of a cold press notice's ~660 M (PyYAML's resolver matches
each scalar in Python, and the house style is one of the few files deep enough
for the nesting check's extra pass, source.py). The result of a successful parse
(the data and its key lines: dicts, lists, text, numbers, true/false/null) is
kept in the private cache folder (marshal: plain data, nothing run on loading)
and read back by a later process.

An entry is named by a digest of everything that decides the parse: the file's
bytes, the code of source.py (which reads them), PyYAML's version and libyaml's
(where it serves), and Python's version. Each entry carries a digest of its own
bytes, so that a damaged entry (cut short, changed) is never read as data: the
file is then parsed as usual and the entry written anew. A file that does not
parse is never kept (its messages come from parse_yaml each time), nor one whose
data marshal cannot hold exactly. Entries are written whole under their final
name (atomic.write_atomic): two processes storing the same entry at once write
the same bytes, and a reader sees one or the other.

Specs are not kept: a batch's are each new, and writing an entry for each would
cost a batch more than it saves.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import yaml

from . import source
from .. import sealed_marshal
from ..errors import fail
from ..files import FileRefused, read_regular_file
from ..output import private_cache_dir

FORMAT = 1
_code_digest: bytes | None = None


def _code() -> bytes:
    """A digest of what turns a file's bytes into its data, besides the bytes."""
    global _code_digest
    if _code_digest is None:
        libyaml = yaml._yaml.get_version_string() if getattr(yaml, "__with_libyaml__", False) else None
        about = f"{FORMAT}|{sys.version}|{yaml.__version__}|{libyaml}"
        _code_digest = hashlib.blake2b(about.encode() + Path(source.__file__).read_bytes(),
                                       digest_size=32).digest()
    return _code_digest


def _entry(raw: bytes) -> Path | None:
    folder = private_cache_dir("parsed")
    if folder is None:
        return None
    return folder / (hashlib.blake2b(raw, digest_size=20, key=_code()).hexdigest() + ".marshal")


def _read(entry: Path):
    """(data, lines) from an entry, or None (none, damaged, or not of this format)."""
    parsed = sealed_marshal.load(entry)
    if type(parsed) is not tuple or len(parsed) != 2 or type(parsed[1]) is not dict:
        return None
    return parsed


def parse_yaml_kept(path: Path, raw: bytes):
    """source.parse_yaml(path, raw), read from the cache when these bytes were parsed before."""
    entry = _entry(raw)
    if entry is not None:
        parsed = _read(entry)
        if parsed is not None:
            return parsed
    parsed = source.parse_yaml(path, raw)
    if entry is not None:
        sealed_marshal.store(entry, parsed)
    return parsed


def load_yaml_kept(path: Path, what: str = "spec"):
    """source.load_yaml(path, what), the parse read from the cache when the file's
    bytes were parsed before."""
    try:
        raw = read_regular_file(path, source.MAX_BYTES, what)
    except FileRefused as exc:
        raise fail(str(path), exc.about_itself()) from None
    return parse_yaml_kept(Path(path), raw)
