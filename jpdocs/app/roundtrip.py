"""Form data → the spec's YAML text, keeping what the file already says the way it
says it: comments, key order, quoting, flow or block style (ruamel.yaml round-trip).

The form sends plain JSON (strings, numbers, true/false, lists, mappings). `merge`
walks it against the file's document: a value that did not change keeps its node
(and the comments around it), a changed one is replaced in place, a key the form
no longer has is removed, a new one is appended. So a spec edited in the app and in
an editor stays one file, and a save changes only the lines the user changed.

The text is read back by jpdocs's own loader (source.py), whose scalars are YAML
1.2-like (dates and 11:00 stay strings; only true/false are booleans): a string
that loader would read as something else is written quoted.
"""
from __future__ import annotations

import datetime as dt
import difflib
import io
import json
import re

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, PlainScalarString, ScalarString

from ..spec.source import IMPLICIT

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# What YAML 1.1 readers (PyYAML, many editors) take for a number or a boolean, though
# jpdocs's loader does not: quoted all the same, so the file means one thing to all.
_YAML11 = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|(?i:yes|no|on|off|y|n)")


class _NoDay(PlainScalarString):
    """A date the file writes that the calendar lacks (2024-02-30): read as the text it
    is, as jpdocs's loader reads every date, so that the app opens the spec and the
    build names the key (ruamel.yaml's reader raised "day is out of range for month",
    shown with no line or key, and the form could not open the file); written back
    plainly, as the file had it."""


class _Constructor(RoundTripConstructor):
    def construct_yaml_timestamp(self, node, values=None):
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return _NoDay(self.construct_scalar(node))


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)
# a text a timestamp's pattern matches is written plainly only under that tag (as a str,
# the emitter quotes it, to keep it a string for YAML readers that resolve timestamps)
RoundTripRepresenter.add_representer(
    _NoDay, lambda rep, data: rep.represent_scalar("tag:yaml.org,2002:timestamp", str(data)))


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.Constructor = _Constructor
    y.preserve_quotes = True
    y.width = 4096                     # never fold a long Japanese line: a fold adds a space
    y.indent(mapping=2, sequence=4, offset=2)
    y.allow_unicode = True
    return y


def load(text: str):
    """The round-trip document of a spec's text (None for an empty text)."""
    return _yaml().load(text) if text.strip() else None


def dump(doc) -> str:
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def plain(node):
    """The document as plain JSON data, as the form sees it (dates as ISO strings)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, (dt.datetime, dt.date)):
        return _iso(node)
    if isinstance(node, ScalarString):
        return str(node)
    return node


def _iso(value) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def merged_text(old_text: str, data) -> str:
    """The YAML text of `data`, written over the file's `old_text` (see the module)."""
    return dump(merge(load(old_text), data))


class NotReadBack(Exception):
    """The text written for the form's data does not read back as that data."""

    def __init__(self, key: str):
        self.key = key
        super().__init__(key or "(the whole spec)")


def checked_text(old_text: str, data) -> str:
    """merged_text, read back by jpdocs's own loader and compared with `data`: a text
    that says anything else is never written (NotReadBack, naming the first key that
    differs). ruamel.yaml's emitter has written broken YAML for a spec it round-trips:
    a flow mapping with a comment, a plain item, then a block mapping in one list
    (`- {item: date}   # …` / `- place` / `- label: …` became `- place   -`), so an
    edit of one value left the file unreadable."""
    from ..errors import InputError
    from ..spec.source import parse_yaml
    from pathlib import Path
    doc = merge(load(old_text), data)
    text = dump(doc)
    try:
        back, _ = parse_yaml(Path("spec.yaml"), text.encode("utf-8"))
    except InputError as exc:         # not YAML at all: the key whose line the loader stopped at
        first = exc.problems[0] if exc.problems else None
        raise NotReadBack(first.key or (_key_at_line(doc, first.line) if first and first.line else "")) from None
    where = first_difference(back, data)
    if where is not None:
        raise NotReadBack(where)
    return text


def _key_at_line(node, line: int, path: str = "") -> str:
    """The dotted path of the last key or item of the document that starts at or before
    `line` (1-based), as it stood in the file: where a broken text went wrong."""
    children = []
    if isinstance(node, CommentedMap):
        children = [(node.lc.data.get(k), f"{path}.{k}" if path else str(k), v) for k, v in node.items()]
    elif isinstance(node, CommentedSeq):
        children = [(node.lc.data.get(i), f"{path}[{i}]", v) for i, v in enumerate(node)]
    found = path
    for at, where, value in children:
        if at and at[0] is not None and at[0] + 1 <= line:
            found = _key_at_line(value, line, where)
    return found


def first_difference(a, b, path: str = "") -> str | None:
    """The dotted key path where `a` and `b` first differ (types too: true is not 1), or None."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if key not in a or key not in b:
                return f"{path}.{key}" if path else str(key)
            found = first_difference(a[key], b[key], f"{path}.{key}" if path else str(key))
            if found is not None:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found is not None:
                return found
        return None if len(a) == len(b) else f"{path}[{min(len(a), len(b))}]"
    return None if type(a) is type(b) and a == b else path


def merge(node, new):
    """`new` (plain data) written over `node` (a round-trip node), keeping what is equal."""
    if isinstance(new, dict):
        if not isinstance(node, CommentedMap):
            return _fresh(new)
        for key in [k for k in node if str(k) not in new]:
            _drop(node, key)
        for key, value in new.items():
            old_key = next((k for k in node if str(k) == key), None)
            if old_key is None:
                node[key] = _fresh(value)
            else:
                node[old_key] = merge(node[old_key], value)
        return node
    if isinstance(new, list):
        if not isinstance(node, CommentedSeq):
            return _fresh(new)
        if not node and new:
            node.fa.set_block_style()     # `opening: []` in a starter becomes a list of lines
        _align(node, new)
        for i, value in enumerate(new):
            if i < len(node):
                node[i] = merge(node[i], value)
            else:
                node.append(_fresh(value))
        while len(node) > len(new):
            _drop(node, len(node) - 1)
        return node
    if _same(node, new):
        return node
    return _fresh(new)


def _align(node: CommentedSeq, new: list) -> None:
    """Rows the form removed from a list, or added, anywhere in it: deleted or inserted at
    their place, so that every row kept keeps its own node and the comments beside it.
    (Merged by position alone, a row removed from the middle gave its comment to the row
    after it, `- B   # about A`, and the last row's comment was lost.) Rows are matched by
    their plain data; rows that differ where the form changed them stay paired by position."""
    old = [_row_key(plain(v)) for v in node]
    want = [_row_key(v) for v in new]
    if old == want[:len(old)]:
        return                         # unchanged or added at the end: nothing moves
    ops = difflib.SequenceMatcher(None, old, want, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(ops):       # from the end: earlier indices stay valid
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        if tag in ("delete", "replace"):
            for i in reversed(range(i1 + paired, i2)):
                _drop(node, i)
        if tag in ("insert", "replace"):
            for j in reversed(range(j1 + paired, j2)):
                node.insert(i1 + paired, _fresh(new[j]))


def _row_key(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _drop(node, key) -> None:
    """Delete `key` (or an index) from `node`, keeping the whole-line comments that
    followed its value: ruamel.yaml holds them on the value's last item, but they stand
    before what follows (`# about d` above `d:`) and are its, so they move to the item
    before the one deleted. Its own comment, on its line, goes with it. (Until the
    thirty-ninth session a key dropped in the form took the comment of the next with it.)"""
    order = list(node.keys()) if isinstance(node, CommentedMap) else list(range(len(node)))
    at = order.index(key)
    token = _tail_token(node, key)
    rest = token.value.split("\n", 1)[1] if token is not None and "\n" in token.value else ""
    del node[key]
    if not rest.strip():
        return
    if at == 0:                        # the first: they stand before the new first item
        if not len(node):
            return
        if isinstance(node, CommentedMap):
            slots = node.ca.items.setdefault(order[1], [None, None, None, None])
            slots[1] = [CommentToken(rest, CommentMark(0), None), *(slots[1] or [])]
        elif node.ca.comment and node.ca.comment[0] is not None:
            node.ca.comment[0].value += rest    # a list's comment before its first item (and its key's line)
        elif node.ca.comment:                   # (its second slot kept)
            node.ca.comment[0] = CommentToken("\n" + rest, CommentMark(0), None)
        else:
            node.ca.comment = [CommentToken("\n" + rest, CommentMark(0), None), None]
        return
    before = order[at - 1]
    held = _tail_token(node, before)
    if held is not None:
        held.value += rest
    else:
        slots, i = _tail_slots(node, before)
        slots[i] = CommentToken("\n" + rest, CommentMark(0), None)


def _tail_slots(node, key) -> tuple[list, int]:
    """The comment slots (and the slot's index) of the last scalar of `key`'s value: a
    block collection's comment after it is on its last item."""
    value = node[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and len(value) and not value.fa.flow_style():
        return _tail_slots(value, list(value.keys())[-1] if isinstance(value, CommentedMap) else len(value) - 1)
    return node.ca.items.setdefault(key, [None, None, None, None]), 2 if isinstance(node, CommentedMap) else 0


def _tail_token(node, key):
    slots, i = _tail_slots(node, key)
    return slots[i]


def _same(node, new) -> bool:
    if isinstance(node, (dt.datetime, dt.date)):
        return isinstance(new, str) and _iso(node) == new
    if isinstance(node, bool) or isinstance(new, bool):
        return isinstance(node, bool) and isinstance(new, bool) and node == new
    if isinstance(node, (dict, list)):
        return False
    return type(plain(node)) is type(new) and plain(node) == new


def _fresh(value):
    """A new node for plain data: mappings and lists in block style, strings written
    plainly where jpdocs's loader reads them back as the same string."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _fresh(v)
        return out
    if isinstance(value, list):
        out = CommentedSeq()
        out.extend(_fresh(v) for v in value)
        return out
    if isinstance(value, str):
        if _ISO_DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)   # written 2024-02-27, read back as that string
            except ValueError:
                return DoubleQuotedScalarString(value)
        if (any(p.match(value) for p in IMPLICIT.values()) or _YAML11.fullmatch(value)
                or value != value.strip() or "\n" in value):
            return DoubleQuotedScalarString(value)
    return value
