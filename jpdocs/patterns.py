"""Regular expressions compiled once per machine, not once per process (issue #17).

A cold run compiles some 140 patterns at import or first use — jpdocs' own (jlreq.py,
text_checks.py), reportlab's, PyYAML's resolver, Jinja's lexer, the standard
library's — and Python's re parses and compiles each in Python: about 20 ms of a
0.3 s press notice. What re hands to its C engine (`_sre.compile`) is a list of
numbers that depends only on the pattern, its flags and the Python version, so
it is kept on disk (marshal: plain data, in the user's private cache folder, under
the Python version), and a later process gives the engine the stored code.
The engine checks code it is given (an invalid one raises; the pattern is then
compiled as usual), and a pattern new to the cache is compiled the usual way and
stored at exit.

Installed by the program (generate.py), like lazy_imports: it changes re for the
whole process, which a library must not do to its host.
"""
from __future__ import annotations

import atexit
import hashlib
import marshal
import sys

try:
    import _sre
    from re import _compiler, _parser
    _USABLE = all(hasattr(m, n) for m, n in ((_compiler, "_code"), (_compiler, "compile"), (_parser, "parse"),
                                           (_sre, "compile"), (_sre, "MAGIC")))
except ImportError:          # another Python's re
    _USABLE = False

MAX_ENTRIES = 4000          # patterns built from data (a style's keys) must not grow it without end

_known: dict = {}           # (pattern, flags) → the arguments of _sre.compile after the pattern
_new: dict = {}             # compiled here, not yet stored
_real = None


def _compile(p, flags=0):
    """re._compiler.compile, with the code of a pattern compiled before taken from
    the cache (same arguments, same result: re calls it with `flags` an int)."""
    if not isinstance(p, (str, bytes)) or not isinstance(flags, int) or flags & _compiler.SRE_FLAG_DEBUG:
        return _real(p, flags)
    key = (p, flags)          # ('a', 0) and (b'a', 0) differ, in marshal too
    known = _known.get(key)
    if known is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = known
            return _sre.compile(p, final_flags, code, groups, dict(groupindex), indexgroup)
        except Exception:     # an entry the engine refuses (a damaged cache): compile it anew
            del _known[key]
    # As re._compiler.compile does it, keeping what it hands to the engine.
    parsed = _parser.parse(p, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # (the code's opcodes are an int subclass, which marshal does not store: the engine reads plain ints)
    args = (int(flags | parsed.state.flags), list(map(int, code)), int(parsed.state.groups - 1),
            dict(groupindex), tuple(indexgroup))
    compiled = _sre.compile(p, args[0], code, args[2], dict(groupindex), args[4])
    if len(_known) + len(_new) < MAX_ENTRIES:
        _new[key] = args
    return compiled


def _entry():
    from .output import private_cache_dir
    folder = private_cache_dir("patterns")
    if folder is None:
        return None
    version = hashlib.sha256(f"1|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode()).hexdigest()[:24]
    return folder / f"re-{version}.marshal"


def _load(entry) -> dict:
    try:
        with open(entry, "rb") as fh:
            data = marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(entry) -> None:
    if not _new:
        return
    from .output import write_atomic
    try:
        merged = _load(entry)          # what other runs stored meanwhile
        merged.update(_new)
        if len(merged) > MAX_ENTRIES:
            return
        write_atomic(entry, marshal.dumps(merged), durable=False)
    except (OSError, ValueError):
        pass
    _new.clear()


def install() -> None:
    global _real
    if not _USABLE or _real is not None:
        return
    try:
        entry = _entry()
    except OSError:
        entry = None
    if entry is None:
        return
    _known.update(_load(entry))
    _real = _compiler.compile
    _compiler.compile = _compile
    atexit.register(_save, entry)
