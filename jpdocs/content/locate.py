"""Which key of a spec a part of a laid-out page comes from.

The writers lay out documents, not specs: when text does not fit its page
(errors.LayoutProblem) they can say which part of the page is too tall and what it
reads, not which key and line to shorten. Here the part's text is matched against
the spec's strings: the key named is the deepest one holding at least half of the
spec text found in the part (a signature block with a 3,000-character name is the
name's; a row of four areas is `agreement.areas`), and parts of one key add up
(125 rows of areas are one part, taller than a party's box).
"""
from __future__ import annotations

import operator
from typing import Callable

from ..errors import InputError, LayoutProblem, Problem
from ..spec.source import dotted
from ..spec.strict import Model

# Fields that name files, not text to print.
NOT_PRINTED = {"style", "logo", "file", "also", "spec"}     # keys that name files, not text to print

_TRIES = 20        # occurrences of one string looked at in one part


def spec_strings(value, path=()) -> list[tuple[tuple, str]]:
    """(key path, text) of every string the spec holds, in spec order."""
    out: list[tuple[tuple, str]] = []
    _strings(value, path, out)
    return out


def _strings(value, path: tuple, out: list) -> None:
    # Appending to one list: nested generators (yield from, a level each) took a
    # third of the glyph check of every build.
    if isinstance(value, str):
        out.append((path, value))
    elif isinstance(value, Model):
        for key in type(value).model_fields:
            if key not in NOT_PRINTED:
                _strings(getattr(value, key), path + (key,), out)
    elif isinstance(value, dict):
        for key, item in value.items():
            _strings(item, path + (key,), out)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _strings(item, path + (i,), out)


def spec_texts(value) -> list[str]:
    """The text of every string the spec holds, as spec_strings finds them, without
    their key paths: the glyph check's first look needs only the characters, and
    making a path for every value was most of that look's cost (1.5 M instructions
    a notice)."""
    out: list[str] = []
    _texts(value, out)
    return out


def _texts(value, out: list) -> None:
    kind = type(value)
    if kind is str:
        out.append(value)
    elif kind is list or kind is tuple:
        for item in value:
            if type(item) is str:                  # (as for a model's fields, below)
                out.append(item)
            elif item is not None:
                _texts(item, out)
    elif kind is dict:
        for item in value.values():
            _texts(item, out)
    elif isinstance(value, Model):
        # A model's printed fields read at once (_printed_fields), and its strings and
        # empty values (None, a flag, an empty list) taken here: most of a spec's
        # values are one or the other, and a call of _texts for each cost more than the
        # rest of the walk (a notice's ~170 values: 0.46 M instructions). What is left
        # goes to _texts, as before.
        for item in _printed_fields(kind)(value):
            if type(item) is str:
                out.append(item)
            elif item and type(item) is not bool:    # (None, false, an empty list: no text)
                _texts(item, out)
    elif isinstance(value, str):           # a subclass, as _strings takes it
        out.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _texts(item, out)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _texts(item, out)


# a model class → a function giving its printed fields' values (those not in
# NOT_PRINTED), in its fields' order, as a tuple: one C call where a getattr each took
# a look-up of the key in NOT_PRINTED and a call of getattr. Classes are few (the schema's).
_PRINTED_FIELDS: dict[type, Callable[[object], tuple]] = {}


def _printed_fields(kind: type) -> Callable[[object], tuple]:
    get = _PRINTED_FIELDS.get(kind)
    if get is None:
        keys = [key for key in kind.model_fields if key not in NOT_PRINTED]
        # (attrgetter of one name gives the value, not a 1-tuple; of none, nothing to read)
        get = (operator.attrgetter(*keys) if len(keys) > 1 else
               (lambda value, key=keys[0]: (getattr(value, key),)) if keys else (lambda value: ()))
        _PRINTED_FIELDS[kind] = get
    return get


def _plain(text: str) -> str:
    """Text without any white space: a value set on several lines, or with its
    full-width space turned into a line break, still matches."""
    return "".join(text.split())


def key_of(text: str, strings: list[tuple[tuple, str]]) -> tuple:
    """The key path a part's text comes from (() when none of the spec's text is in it).
    Longer strings are matched first, and the characters they cover are not counted
    again, so a party's name inside the agreement's title counts for the title."""
    covered = bytearray(len(text))
    found: dict[tuple, int] = {}
    for path, s in strings:
        pos, tries = text.find(s), 0
        while pos >= 0 and covered[pos] and tries < _TRIES:
            pos, tries = text.find(s, pos + 1), tries + 1
        if pos < 0 or covered[pos]:
            continue
        covered[pos:pos + len(s)] = b"\x01" * len(s)
        for depth in range(len(path) + 1):
            found[path[:depth]] = found.get(path[:depth], 0) + len(s)
    if not found:
        return ()
    half = found[()] / 2
    return max((p for p, n in found.items() if n >= half), key=len)


def located(exc: LayoutProblem, loaded) -> InputError:
    """The layout problem as a problem of the spec: its file, and the key and line
    of the tallest part (the parts of one key taken together)."""
    strings = sorted(((path, _plain(s)) for path, s in spec_strings(loaded.spec) if len(_plain(s)) > 1),
                     key=lambda ps: -len(ps[1]))
    by_key: dict[tuple, list] = {}
    for name, height, text in exc.parts:
        if _plain(text):          # a spacer or a rule is nobody's fault
            by_key.setdefault(key_of(_plain(text), strings), []).append((name, height))
    if not by_key:
        return InputError([Problem(str(loaded.path), None, "", p.message) for p in exc.problems])
    key, parts = max(by_key.items(), key=lambda kv: sum(h for _, h in kv[1]))
    height = sum(h for _, h in parts)
    name = parts[0][0] if len(parts) == 1 else f"{parts[0][0]} and {len(parts) - 1} more parts like it"
    line = loaded.line_of(key) if key else None      # text of a template or the house style
    return InputError([Problem(str(loaded.path), line, dotted(key), exc.explain(name, height))])


def located_among(exc: LayoutProblem, specs: list) -> InputError:
    """As located(), for a page made from many specs (the annual book): the spec
    whose text the tallest part holds most of."""
    _, _, text = max(exc.parts, key=lambda p: p[1]) if exc.parts else ("", 0, "")
    text = _plain(text)

    def share(loaded) -> int:
        strings = sorted((_plain(s) for _, s in spec_strings(loaded.spec) if len(_plain(s)) > 1), key=len, reverse=True)
        return sum(len(s) for s in strings[:200] if s in text)
    best = max(specs, key=share, default=None)
    if best is None or not text:
        return exc
    return located(exc, best)
