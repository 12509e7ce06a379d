"""Small text files besides specs: templates and password files. Each is UTF-8;
one saved in another encoding is refused with the line of its first bad byte
(never a UnicodeDecodeError from deep inside Jinja or the command line)."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import fail
from .source import _looks_japanese

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
            if _looks_japanese(data, "cp932") else ""
        raise fail(str(path), f"the {what} is not UTF-8 text (first bad byte at line {line}); save it as"
                              f" UTF-8{hint}", line, key) from None


def templates_used(name: str, folders: tuple[Path, ...]) -> list[Path]:
    """A template and, recursively, those it includes by a literal name, each from
    the first folder that has it (--templates over the bundled ones). Each is read,
    so one that is not UTF-8 stops here with its file and line."""
    seen: dict[str, Path] = {}
    todo = [name]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        path = next((f / n for f in folders if (f / n).is_file()), folders[-1] / n)
        seen[n] = path
        if path.is_file():
            todo.extend(_INCLUDE.findall(read_utf8(path, "template", "--templates" if path.parent != folders[-1] else "")))
    return [seen[n] for n in sorted(seen)]
