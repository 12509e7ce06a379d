"""BudouX's Japanese model, read once per machine instead of once per process (issue #17).

A process's first title asks phrases.py for BudouX's model: `import budoux` and
`load_default_japanese_parser()` (json.load of its 36 KB model, some 2,900 entries)
cost ~8 M instructions of a cold press notice's ~577 M. The model's base score and
tables (plain data: str keys, int scores) are kept in the private cache folder
(marshal: nothing runs on loading) and read back by a later process in ~5 M, most
of it the tables' dicts made again.

An entry is named by a digest of everything that decides what the parser holds: the
model file's bytes, the code of budoux/parser.py (which reads the file and works out
the base score), this FORMAT and Python's version; so a new BudouX or a changed model
is a new entry, never a stale one. Each entry carries a digest of its own bytes: a
damaged entry (cut short, changed) is never read as data, and BudouX's own loader
runs and the entry is written anew. Entries are written whole under their final name
(atomic.write_atomic). With no private cache (output.private_cache_dir), BudouX's
loader runs every time.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import sys

from .. import sealed_marshal

FORMAT = 1


def load(check) -> tuple[float, dict]:
    """(base score, tables) as budoux.load_default_japanese_parser() holds them
    (its `_base_score` and `model`): from the cache, else from BudouX, then kept
    once `check(tables)` has passed (it raises on a model it refuses)."""
    entry = _entry()
    if entry is not None:
        found = _read(entry)
        if found is not None:
            return found
    import budoux
    parser = budoux.load_default_japanese_parser()
    found = (parser._base_score, parser.model)
    check(found[1])
    if entry is not None:
        sealed_marshal.store(entry, found)
    return found


def _entry() -> str | None:
    """The cache entry's path for the installed BudouX, or None (no private cache,
    or BudouX's files not where its package says)."""
    from ..output import private_cache_dir
    folder = private_cache_dir("phrases")
    spec = importlib.util.find_spec("budoux")
    if folder is None or spec is None or not spec.submodule_search_locations:
        return None
    package = spec.submodule_search_locations[0]
    digest = hashlib.blake2b(f"{FORMAT}|{sys.version}|".encode(), digest_size=20)
    try:
        for name in ("parser.py", os.path.join("models", "ja.json")):
            with open(os.path.join(package, name), "rb") as fh:
                data = fh.read()
            digest.update(len(data).to_bytes(8, "little") + data)
    except OSError:
        return None
    return str(folder / f"budoux-ja-{digest.hexdigest()}.marshal")


def _read(entry: str):
    """(base score, tables) from the entry, or None (none, damaged, or not of this form)."""
    found = sealed_marshal.load(entry)
    if (type(found) is not tuple or len(found) != 2 or type(found[0]) not in (int, float)
            or type(found[1]) is not dict or any(type(table) is not dict for table in found[1].values())):
        return None
    return found
