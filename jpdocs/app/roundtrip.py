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
import io
import re

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString

from ..spec.source import IMPLICIT

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# What YAML 1.1 readers (PyYAML, many editors) take for a number or a boolean, though
# jpdocs's loader does not: quoted all the same, so the file means one thing to all.
_YAML11 = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|(?i:yes|no|on|off|y|n)")


def _yaml() -> YAML:
    y = YAML(typ="rt")
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


def merge(node, new):
    """`new` (plain data) written over `node` (a round-trip node), keeping what is equal."""
    if isinstance(new, dict):
        if not isinstance(node, CommentedMap):
            return _fresh(new)
        for key in [k for k in node if str(k) not in new]:
            del node[key]
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
        for i, value in enumerate(new):
            if i < len(node):
                node[i] = merge(node[i], value)
            else:
                node.append(_fresh(value))
        del node[len(new):]
        return node
    if _same(node, new):
        return node
    return _fresh(new)


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
