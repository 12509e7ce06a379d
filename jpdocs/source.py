"""Reading a YAML input file safely, keeping the line of every key.

Specs are written by hand, copied and pasted, and saved by whatever editor is at
hand, so this module decodes carefully, refuses what safe loading alone would let
through (duplicate keys, alias bombs, deep nesting) and returns, with the data, a
map from key paths to line numbers so that later errors can point at the line.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import fail

MAX_BYTES = 1_000_000          # a spec is a few KB; a megabyte is surely a mistake
MAX_NODES = 50_000             # aliases may not expand the document beyond this
MAX_DEPTH = 40

Path_ = tuple  # a key path: ("press_notice", "contacts", 0, "phone")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader with YAML 1.2-like scalars: dates and times stay strings (the
    schema parses them and reports 2024-02-30 against its key, where PyYAML would
    crash), 11:00 is not read as the base-60 number 660, and only true/false are
    booleans (a Norwegian "NO" or a Japanese "no" stays text). libyaml's parser
    where PyYAML has it: the pure-Python one took a third of a batch's time."""


_Loader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9_]*)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?$", list("-+0123456789.")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    _Loader.add_implicit_resolver(_tag, re.compile(_regexp), _first)


def decode(path: Path, data: bytes) -> str:
    """Bytes of a spec → text. UTF-8 with or without BOM is read; anything else is
    refused with a message saying how to convert it (guessing an encoding could
    silently change a name, which is worse than asking)."""
    name = str(path)
    if not data.strip():
        raise fail(name, "the file is empty")
    if len(data) > MAX_BYTES:
        raise fail(name, f"the file is {len(data):,} bytes; a spec is at most {MAX_BYTES:,}")
    if b"\x00" in data:
        raise fail(name, "this is not a text file (it contains NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        hint = ""
        try:
            data.decode("cp932")
            hint = (" It looks like Shift_JIS (CP932), as saved by older Windows editors:"
                    " save it again as UTF-8 (メモ帳: 名前を付けて保存 → 文字コード UTF-8),"
                    " or run: iconv -f CP932 -t UTF-8 OLD.yaml > NEW.yaml")
        except UnicodeDecodeError:
            hint = " The file is not text in a known encoding."
        raise fail(name, f"the file is not UTF-8 (first bad byte at line {line}).{hint}", line)
    return text


def load_yaml(path: Path) -> tuple[object, dict[Path_, int]]:
    """Parse one YAML file. Returns the data and {key path: line} (1-based)."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise fail(name, f"cannot read the file: {exc.strerror}")
    text = decode(path, raw)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise fail(name, "the file holds no data")
        lines: dict[Path_, int] = {}
        _check(name, node, (), lines, [0], 0)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(s for s in (exc.context, exc.problem) if s)
        raise fail(name, f"this is not valid YAML: {what}", line)
    except yaml.YAMLError as exc:
        raise fail(name, f"this is not valid YAML: {exc}")
    finally:
        loader.dispose()
    return data, lines


def _check(name, node, path, lines, count, depth):
    """Walk the node tree: record lines, refuse duplicate keys, alias bombs and
    deep nesting. Aliased nodes are counted each time they are reached, so a
    bomb is caught before it is expanded."""
    count[0] += 1
    line = node.start_mark.line + 1
    if count[0] > MAX_NODES:
        raise fail(name, f"the document expands to more than {MAX_NODES:,} values"
                         " (anchors and aliases repeated too often)", line)
    if depth > MAX_DEPTH:
        raise fail(name, f"the data is nested more than {MAX_DEPTH} levels deep", line)
    lines.setdefault(path, line)
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            key_line = key_node.start_mark.line + 1
            if key == "<<":
                raise fail(name, "merge keys (<<) are not supported; write the values out", key_line)
            if key in seen:
                raise fail(name, f"the key '{key}' appears twice (first at line {seen[key]})",
                           key_line, _dotted(path + (key,)))
            seen[key] = key_line
            lines[path + (key,)] = key_line
            _check(name, value_node, path + (key,), lines, count, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _check(name, item, path + (i,), lines, count, depth + 1)


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted


def line_of(lines: dict[Path_, int], path: Path_) -> int | None:
    """The line of a key path, or of its nearest ancestor that has one."""
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())
