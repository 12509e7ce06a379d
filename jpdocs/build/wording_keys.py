"""A house style's wording key that nothing reads is an error (a key with no effect).

`wording:` is a free dict: a typo (`notte:` for a key of the default) would build
without a word and change nothing. A key is known when the bundled default style's
wording has it (style.word() reads the default laid under the office's file), when
the generator's code reads it without a default there (READ_BY_CODE), or when a
template the build can use names it literally (`style.word('key')`): the bundled
ones and the user's --templates folder, every document kind's, so that a house style
shared by specs that make different documents is judged alike for all of them. The
check runs where the documents are made (documents.make_documents), which `check`,
the build and the app all go through, so that they agree.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from ..errors import InputError, Problem
from ..spec.source import line_of
from ..spec.style import DEFAULT_STYLE, HouseStyle, StyleFileError, load_style, read_office_style
from ..spec.textfile import read_utf8, templates_used
from .kinds import KINDS

# Keys the code reads with a default of its own, not in templates/house-style.yaml
# (tests/test_wording_keys.py checks that every key the code names literally is known).
READ_BY_CODE = frozenset({"annual_title"})

# How a template names a wording: style.word('key'), style.wording['key'],
# style.wording.get('key'), style.wording.key.
_NAMED = re.compile(r"""\bword\(\s*['"](\w+)['"]"""
                    r"""|\bwording\s*(?:\[\s*|\.get\(\s*)['"](\w+)['"]"""
                    r"""|\bwording\.(?!get\b)(\w+)""")


_DEFAULT_KEYS: list = [None, frozenset()]     # [the default style object, its keys with READ_BY_CODE]


def default_keys(style: HouseStyle | None = None) -> frozenset[str]:
    """The wording keys of the bundled default style and those the code reads: made
    again only when load_style gives another default (its file changed), not per build.
    `style`, the build's: when it is the very default object these keys were made from
    (load_style stat'ed its file for this build and gave the same), not asked again."""
    if style is not None and style is _DEFAULT_KEYS[0]:
        return _DEFAULT_KEYS[1]
    style = load_style(None)
    if style is not _DEFAULT_KEYS[0]:
        _DEFAULT_KEYS[:] = [style, frozenset(style.wording) | READ_BY_CODE]
    return _DEFAULT_KEYS[1]


def check_wording_keys(style: HouseStyle, where: tuple[Path, ...]) -> None:
    """Refuse the wording keys of `style` that no part of the build reads (`where`:
    the template folders, the user's over the bundled)."""
    known = default_keys(style)
    unknown = [key for key in style.wording if key not in known]
    if not unknown:                       # (every style so far: nothing more to read)
        return
    known |= template_keys(where)
    unknown = [key for key in unknown if key not in known]
    if not unknown:
        return
    lines = _lines(style.source)
    problems = []
    for key in unknown:
        close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
        line, at = line_of(lines, ("wording", key)), f"wording.{key}"
        if close:
            problems.append(Problem(style.source, line, at, f"the wording '{key}' is read by nothing (the"
                                    f" generator, the templates in use), so it has no effect; did you mean"
                                    f" '{close[0]}'?"))
        else:
            problems.append(Problem(style.source, line, at, f"the wording '{key}' is read by nothing (the"
                                    f" generator, the templates in use), so it has no effect; remove it, or"
                                    f" read it in a template of your own (--templates) with style.word"))
    raise InputError(problems)


def template_keys(where: tuple[Path, ...]) -> set[str]:
    """The wording keys the templates of every document kind name literally."""
    keys: set[str] = set()
    files = {path for kind in KINDS for path in templates_used(kind.template, where)}
    for path in sorted(files):
        if path.is_file():
            text = read_utf8(path, "template")
            keys.update(next(filter(None, found)) for found in _NAMED.findall(text))
    return keys


def _lines(source: str) -> dict:
    """The lines of the style file's keys, for the message (none when it cannot be read again)."""
    if not source or Path(source) == DEFAULT_STYLE:
        return {}
    try:
        return read_office_style(Path(source))[1]
    except (StyleFileError, InputError, OSError):
        return {}
