"""What a start compiles, compiled once per machine instead of once per process (issue #17).

Two kinds of compiling ran in every process and gave the same result each time,
about 40 ms of a 0.3 s press notice:

- regular expressions: some 140 patterns compiled at import or first use — jpdocs'
  own (jlreq.py, text_checks.py), reportlab's, PyYAML's resolver, Jinja's lexer, the
  standard library's — which Python's re parses and compiles in Python. What re
  hands to its C engine (`_sre.compile`) is a list of numbers that depends only on
  the pattern, its flags and the Python version; the engine checks the code it is
  given (an invalid one raises; the pattern is then compiled as usual);
- the source text that dataclasses writes for each class's __init__, __eq__,
  __repr__ … (some 330 functions), that typing compiles for each annotation
  written as text, and the lambda namedtuple writes for each class's __new__:
  Python code compiled to a code object, which depends only on the text and the
  Python version.

Each is kept on disk (marshal, in the user's private cache folder, under the Python
version), and a later process takes it from there; what is new to the cache is
compiled the usual way and stored at exit. The code cache holds code this process
runs, so, like the compiled templates, it lives only in a folder no other user can
write to (output.private_cache_dir).

Installed by the program (generate.py), like lazy_imports: it changes re,
dataclasses, typing and collections for the whole process, which a library must not do to its host.
"""
from __future__ import annotations

import atexit
import builtins
import importlib.util
import marshal
import os
import sys

try:
    import _sre
    from re import _compiler, _parser
    _RE_USABLE = all(hasattr(m, n) for m, n in ((_compiler, "_code"), (_compiler, "compile"), (_parser, "parse"),
                                              (_sre, "compile"), (_sre, "MAGIC")))
except ImportError:          # another Python's re
    _RE_USABLE = False

MAX_ENTRIES = 4000          # new entries of one process at most
BUDGET = 2_000_000          # bytes of marshalled values a cache file holds at most
MAX_SEEN = 400_000          # bytes of noted digests (50,000 keys) before the notes start afresh


class _Cache:
    """One marshal file of the private cache: what was stored, and what this process
    added. Each value is kept marshalled, and read only when asked for: the cache
    holds what every command compiles (the agreement's signing, the app, the annual
    overview), and reading all of it took longer than compiling what a press
    notice needs.

    Only what is compiled again in a later process is stored (a digest of each new
    key is noted in a small file beside the cache, and a key already noted there is
    stored): some patterns are made from sets, whose order changes from process to
    process (tokenize's, the template sandbox's), and stored they only grew the file
    that every start reads: the test suite left 2,500 patterns, 15 MB, read in 15
    ms. The file is also kept under BUDGET bytes: once it is full, a process that has
    something to store makes room by dropping the oldest entries it did not use
    itself (what an older version of the program compiled, or another command), and
    a process with nothing to add writes nothing. A full file had been read and
    written whole again by every process with one pattern it could not hold (2 MB,
    ~4 ms of a cold notice), and kept its stale entries for ever."""

    def __init__(self, name: str):
        self.name = name
        self.known: dict = {}              # key → the value, marshalled
        self.new: dict = {}
        self.used: set = set()             # the keys this process took from the file
        self.entry = None
        self.seen = None                   # the digests of keys compiled once

    def get(self, key):
        """The value stored under `key`, or None (none, or an unreadable one)."""
        data = self.known.get(key)
        if data is None:
            return None
        self.used.add(key)
        try:
            return marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            del self.known[key]
            return None

    def forget(self, key) -> None:
        self.known.pop(key, None)

    def add(self, key, value) -> None:
        if len(self.new) < MAX_ENTRIES:
            self.new[key] = marshal.dumps(value)

    def open(self, folder, version: str) -> None:
        self.entry = folder / f"{self.name}-{version}.marshal"
        self.seen = folder / f"{self.name}-{version}.seen"
        self.known.update(_load(self.entry))

    def save(self) -> None:
        if not self.new or self.entry is None:
            return
        from .atomic import write_atomic
        try:
            try:
                noted = self.seen.read_bytes() if self.seen.stat().st_size <= MAX_SEEN else b""
            except FileNotFoundError:
                noted = b""
            seen = {noted[i:i + 8] for i in range(0, len(noted) - 7, 8)}
            import hashlib          # (here, as in install: importing this module loads no OpenSSL)
            digests = {key: hashlib.blake2b(marshal.dumps(key), digest_size=8).digest() for key in self.new}
            again = {key: data for key, data in self.new.items() if digests[key] in seen}
            if again:
                merged = _load(self.entry)         # what other runs stored meanwhile
                if _store(merged, again, self.used):
                    write_atomic(self.entry, marshal.dumps(merged), durable=False)
            first = b"".join(d for key, d in digests.items() if key not in again)
            if first:
                if len(noted) + len(first) > MAX_SEEN:
                    write_atomic(self.seen, first, durable=False)     # start the notes afresh
                else:
                    fd = os.open(self.seen, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                    try:
                        os.write(fd, first)
                    finally:
                        os.close(fd)
        except (OSError, ValueError):
            pass
        self.new.clear()


def _store(merged: dict, again: dict, used: set) -> bool:
    """Add to `merged` (a cache file's entries, oldest first) what `again` holds and it
    does not, within BUDGET bytes, dropping for room the oldest entries not in `used`;
    whether anything was added."""
    size = sum(map(len, merged.values()))
    spare = (key for key in list(merged) if key not in used)     # the oldest first
    added = False
    for key, data in again.items():
        if key in merged or len(data) > BUDGET:
            continue
        while size + len(data) > BUDGET and (old := next(spare, None)) is not None:
            size -= len(merged.pop(old))
        if size + len(data) <= BUDGET:
            merged[key] = data
            size += len(data)
            added = True
    return added


def _load(entry) -> dict:
    try:
        with open(entry, "rb") as fh:
            data = marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict) or not all(type(v) is bytes for v in data.values()):
        return {}                 # (an older layout, or not ours)
    return data


_CodeType = type(_load.__code__)
_patterns = _Cache("re")
_code = _Cache("code")
_real_re_compile = None


def _compile_pattern(p, flags=0):
    """re._compiler.compile, with the code of a pattern compiled before taken from
    the cache (same arguments, same result: re calls it with `flags` an int)."""
    if not isinstance(p, (str, bytes)) or not isinstance(flags, int) or flags & _compiler.SRE_FLAG_DEBUG:
        return _real_re_compile(p, flags)
    key = (p, flags)          # ('a', 0) and (b'a', 0) differ, in marshal too
    known = _patterns.get(key)
    if known is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = known
            return _sre.compile(p, final_flags, code, groups, dict(groupindex), indexgroup)
        except Exception:     # an entry the engine refuses (a damaged cache): compile it anew
            _patterns.forget(key)
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
    _patterns.add(key, args)
    return compiled


def not_stored(pattern: str, flags: int = 0):
    """re.compile(pattern, flags), neither taken from nor kept in the cache: for
    patterns a start does not need (the message catalogue's, i18n.py), which stored
    would be read by every later start."""
    if _real_re_compile is None:
        import re
        return re.compile(pattern, flags)
    return _real_re_compile(pattern, int(flags))


def _compiled_code(source: str, mode: str):
    """compile(source, '<string>', mode) as the module calling it would (neither
    dataclasses nor typing has __future__ imports: no flags), from the cache if there."""
    key = (source, mode)
    code = _code.get(key)
    if type(code) is not _CodeType:       # none stored, or not code
        _code.forget(key)
        code = builtins.compile(source, "<string>", mode, dont_inherit=True)
        _code.add(key, code)
    return code


def eval_code(source: str):
    """The code of an expression's text, compiled as `eval(source)` would: from the
    cache once it is installed (the strict models' annotations, kept as text and
    evaluated at each model's first use: spec/strict/model.py)."""
    if _code.entry is None:
        return builtins.compile(source, "<string>", "eval", dont_inherit=True)
    return _compiled_code(source, "eval")


def _exec(source, globals=None, locals=None, /, **kwargs):
    """exec for dataclasses (a name in its module shadows the builtin): the text of
    a generated function compiled once per machine."""
    if globals is None:                   # exec's default: the calling frame's namespaces
        caller = sys._getframe(1)
        globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
    if isinstance(source, str) and not kwargs:
        source = _compiled_code(source, "exec")
    return builtins.exec(source, globals, locals, **kwargs)


def _eval(source, globals=None, locals=None, /):
    """eval for collections (a name in its module shadows the builtin): namedtuple
    makes each class's __new__ from the text of a lambda, compiled once per machine."""
    if globals is None:                   # eval's default: the calling frame's namespaces
        caller = sys._getframe(1)
        globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
    if isinstance(source, str):
        source = _compiled_code(source, "eval")
    return builtins.eval(source, globals, locals)


def _typing_compile(source, filename, mode, *args, **kwargs):
    """compile for typing (a name in its module shadows the builtin): ForwardRef
    compiles each annotation text as `compile(text, '<string>', 'eval')`."""
    if isinstance(source, str) and filename == "<string>" and mode == "eval" and not args and not kwargs:
        return _compiled_code(source, "eval")
    return builtins.compile(source, filename, mode, *args, **kwargs)


def install(kind: str = "") -> None:
    """The caches put in place; `kind`, the kind of command (cache_folders.command_kind),
    has files of its own: what other kinds compile is not read by its starts."""
    global _real_re_compile
    if _real_re_compile is not None or _patterns.entry is not None or _code.entry is not None:
        return
    # (the folder as output.private_cache_dir gives it, without importing output: its
    # imports make a dataclass, whose code the cache is to serve)
    from pathlib import Path
    from .cache_folders import private_folder
    folder = private_folder("compiled")
    if folder is None:
        return
    folder = Path(folder)
    import hashlib              # (the program has loaded it by now: generate.py, sha.py)
    python = hashlib.sha256(f"3|{sys.version}|{importlib.util.MAGIC_NUMBER!r}".encode()).hexdigest()[:24]
    suffix = f"-{kind}" if kind else ""
    if _RE_USABLE:
        # ("m": a file of before the message catalogue's patterns were kept out, i18n.py,
        # is left unread; they filled the 2 MB a start reads, and were dropped only as
        # room was needed)
        _patterns.open(folder, f"{python}-{_sre.MAGIC}-{_sre.CODESIZE}-m{suffix}")
        _real_re_compile = _compiler.compile
        _compiler.compile = _compile_pattern
        atexit.register(_patterns.save)
    import collections
    import dataclasses
    import typing
    if sys.version_info[:2] == (3, 11):    # the versions whose dataclasses, typing and collections were read for this
        _code.open(folder, f"{python}{suffix}")
        dataclasses.exec = _exec
        typing.compile = _typing_compile
        collections.eval = _eval
        atexit.register(_code.save)
