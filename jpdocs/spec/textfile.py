"""Small text files besides specs: templates and password files. Each is UTF-8;
one saved in another encoding is refused with the line of its first bad byte
(never a UnicodeDecodeError from deep inside Jinja or the command line)."""
from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from ..errors import fail
from .source import looks_japanese

# A template names the templates it includes by a literal name.
_INCLUDE = re.compile(r"""{%-?\s*(?:include|import|from|extends)\s+["']([^"']+)["']""")


def read_utf8(path: Path, what: str, key: str = "", limit: int = 1_000_000) -> str:
    """The text of `path` (a BOM is dropped), a regular file of at most `limit`
    bytes (never a FIFO or a device: files.py). `what` names the file in messages
    ("template", "password file"); `key` is the option or key that gave it."""
    from ..files import FileRefused, read_regular_file
    try:
        data = read_regular_file(path, limit, what)
    except FileRefused as exc:
        raise fail(str(path), exc.about_itself(), key=key) from None
    except OSError as exc:
        raise fail(str(path), f"cannot read the {what}: {exc.strerror or exc}", key=key) from None
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        hint = " (it looks like Shift_JIS: iconv -f CP932 -t UTF-8 OLD > NEW converts it)" \
            if looks_japanese(data, "cp932") else ""
        raise fail(str(path), f"the {what} is not UTF-8 text (first bad byte at line {line}); save it as"
                              f" UTF-8{hint}", line, key) from None


def templates_used(name: str, folders: tuple[Path, ...]) -> list[Path]:
    """A template and, recursively, those it includes by a literal name, each from
    the first folder that has it (--templates over the bundled ones). Each is read,
    so one that is not UTF-8 stops here with its file and line."""
    found = find_templates(name, folders)
    return [found[n][0] for n in sorted(found)]


def find_templates(name: str, folders: tuple[Path, ...]) -> dict[str, tuple[Path, tuple | None]]:
    """templates_used with what was found on disk: each name → (its file, the file's
    identity as it was found, or None where no folder has it). A build looks its
    templates up once and hands this on: its renders take a compiled template as
    current when its file has the identity found here (templating.py), not stat'ing
    each file again."""
    seen: dict[str, tuple[Path, tuple | None]] = {}
    todo = [name]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        path, st = next(((p, st) for f in folders if (st := _regular(p := _joined(f, n)))),
                        (_joined(folders[-1], n), None))
        seen[n] = (path, None if st is None else identity(st))
        if st is not None:
            todo.extend(_includes(path, st, folders[-1]))
    return seen


def identity(st: os.stat_result) -> tuple:
    """What tells a file from itself changed: writing to a file, or replacing it,
    changes its ctime, which no program can set back."""
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


# (folder, name) → folder / name. A build looks its templates up twice (for the record's
# inputs, then to make the documents), and a batch worker does so for every spec: a
# Path parses its parts each time it is made, which was most of the look-up.
_JOINED: dict[tuple[str, str], Path] = {}


def _joined(folder: Path, name: str) -> Path:
    key = (str(folder), name)
    path = _JOINED.get(key)
    if path is None:
        if len(_JOINED) >= _READ_MAX:
            _JOINED.clear()
        path = _JOINED[key] = folder / name
    return path


# A template's path (as text) → (the file's identity when it was read, the names it
# includes). A build reads its templates twice (for the record's inputs, then to make
# the documents), and a batch worker does so for every spec: a stat now tells whether
# the file is the one read before. Writing to a file, or replacing it, changes its
# ctime, which no program can set back, so a template changed in any way is read (and
# checked) again.
_READ: dict[str, tuple[tuple, list[str]]] = {}
_READ_MAX = 256          # templates of --templates folders a long-lived process has seen


def _includes(path: Path, st: os.stat_result, bundled: Path) -> list[str]:
    now = identity(st)
    known = _READ.get(str(path))
    if known is not None and known[0] == now:
        return known[1]
    names = _INCLUDE.findall(read_utf8(path, "template", "--templates" if path.parent != bundled else ""))
    if len(_READ) >= _READ_MAX:
        _READ.clear()
    _READ[str(path)] = (now, names)
    return names


def _regular(path: Path) -> os.stat_result | None:
    """The status of `path` if it is a regular file (links followed), else None: as
    Path.is_file, which also raises on the errors it does not ignore."""
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno not in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            raise
        return None
    except ValueError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None
