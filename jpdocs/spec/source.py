"""Reading a YAML input file safely, keeping the line of every key.

Specs are written by hand, copied and pasted, and saved by whatever editor is at
hand, so this module decodes carefully, refuses what safe loading alone would let
through (duplicate keys, alias bombs, deep nesting) and returns, with the data, a
map from key paths to line numbers so that later errors can point at the line.
"""
from __future__ import annotations

import operator
import re
import unicodedata
from pathlib import Path

import yaml

from ..errors import InputError, fail
from ..files import FileRefused, read_regular_file

MAX_BYTES = 1_000_000          # a spec is a few KB; a megabyte is surely a mistake
MAX_NODES = 50_000             # aliases may not expand the document beyond this
MAX_TEXT = 2 * MAX_BYTES       # … nor its text beyond this many characters (a spec itself holds at most 1 MB)
MAX_DEPTH = 40

Path_ = tuple  # a key path: ("press_notice", "contacts", 0, "phone")


class _TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like scalars: dates and times stay strings (the
    schema parses them and reports 2024-02-30 against its key, where PyYAML would
    crash), 11:00 is not read as the base-60 number 660, and only true/false are
    booleans (a Norwegian "NO" or a Japanese "no" stays text).

    The composer is PyYAML's only recursive part: it counts its depth, so that
    [[[[…]]]] a thousand levels deep is refused with its line, not a RecursionError."""

    _depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH + 1:
                raise _TooDeep(self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Deeper(Exception):
    """A node nested more than MAX_DEPTH levels deep, met by _FastLoader: the file
    goes to _Loader, which says where."""


class _LevelCounting:
    """libyaml's parser (PyYAML's CParser) does not recurse, but its composer does, a
    C call for each level of nesting, and nothing deeper than MAX_DEPTH is composed
    here. Before it composes a node the composer calls descend_resolver, and
    ascend_resolver after the node: the level of the node being composed, counted
    here. (Those two keep the resolver's path for path resolvers, which these loaders
    have none of: PyYAML's own then return at once.) A node past MAX_DEPTH, which is
    in or is a collection nested MAX_DEPTH deep, sends the file to _Loader, as
    libyaml's events, counted before composing, sent a file with a collection nested
    deeper: counting them, or bounding the depth from the text to skip them, took a
    fifth of a notice's spec's loading."""

    _level = 0

    def descend_resolver(self, parent, index):
        self._level += 1
        if self._level > MAX_DEPTH:
            raise _Deeper()

    def ascend_resolver(self):
        self._level -= 1

    def resolve(self, kind, value, implicit):
        """PyYAML's BaseResolver.resolve, without what these loaders never have: path
        resolvers, and implicit resolvers for any first character (None). The composer
        asks it for every node (a notice's spec has about a hundred): the resolvers and
        the default tags read from the module's names (_IMPLICIT_BY_FIRST is the class's
        yaml_implicit_resolvers), not looked up on the loader."""
        if kind is _ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT_BY_FIRST.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        if kind is _SequenceNode:
            return _SEQ
        return _MAP if kind is _MappingNode else None


# libyaml's parser, where PyYAML was built with it: the pure-Python one took a
# third of a batch's time. It serves well-formed files only; anything it stumbles
# on is parsed again by _Loader, whose messages are the ones explained below.
_FastLoader = (type("_FastLoader", (_LevelCounting, yaml.CSafeLoader), {}) if hasattr(yaml, "CSafeLoader")
               else None)


class _Uncounted:
    """The composer's calls before and after each node answered by C functions that do
    nothing (operator.is_ takes its two arguments, tuple none), where the text cannot
    nest deeper than MAX_DEPTH (_shallow): the two Python calls a node of
    _LevelCounting's count cost a notice's spec ~0.28 M instructions, a tenth of its
    reading, and such a text has nothing to count."""

    descend_resolver = staticmethod(operator.is_)
    ascend_resolver = staticmethod(tuple)


_ShallowLoader = type("_ShallowLoader", (_Uncounted, _FastLoader), {}) if _FastLoader is not None else None

# A line beginning with this many spaces and indicators (- ? : ---) or more, but a
# comment's or a blank one (no node starts there); the text's brackets at most
# _FLOW_BRACKETS (see _shallow). 13: an agreement's article's paragraphs stand at 10
# spaces and a dash (four in five of the real specs pass, every notice).
_LINE_COLUMNS = 13
_FLOW_BRACKETS = MAX_DEPTH - 2 * _LINE_COLUMNS - 1
_WIDE_LINE = re.compile(r"\n[ ?:-]{%d}" % _LINE_COLUMNS)        # (a newline first: found by a scan in C)
_WIDE_FIRST_LINE = re.compile(r"[ ?:-]{%d}" % _LINE_COLUMNS)
_NO_NODE = re.compile(r" *(?:#|\n|$)")
# characters that move columns or break lines in ways the two patterns above do not follow
_UNSURE = ("\t", "\r", "\x85", "\u2028", "\u2029", "\ufeff")


def _shallow(text: str) -> bool:
    """Whether the text's nodes cannot nest deeper than MAX_DEPTH, seen from its lines'
    starts and its brackets in C, without parsing it. A block collection nested in
    another starts at a greater column, except a sequence under a mapping's key at the
    key's column (never two such in a row): a chain of them holds at most two for each
    column one can start at, and one starts at a line's first character after its
    indent and indicators (- - a, ? a, - a: b; libyaml refuses one anywhere else: a: b:
    c, a: - b). With no line starting with _LINE_COLUMNS of those, that is at most
    2 * _LINE_COLUMNS collections; a flow collection ([ or {) holds flow collections
    only, one bracket each; and a scalar ends the chain. (A bound, not the depth: a text
    past it has its nodes counted as before, _LevelCounting; tests/test_yaml_construct.py
    holds it above the depth the count finds.)"""
    if any(c in text for c in _UNSURE) or text.count("[") + text.count("{") > _FLOW_BRACKETS:
        return False
    if _WIDE_FIRST_LINE.match(text) and not _NO_NODE.match(text):
        return False
    # (a wide line is rare: the search finds none in a notice)
    return all(_NO_NODE.match(text, wide.start() + 1) for wide in _WIDE_LINE.finditer(text))


_Loader.yaml_implicit_resolvers = {}
IMPLICIT: dict[str, re.Pattern] = {}
for _tag, _regexp, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9_]*)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?$", list("-+0123456789.")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    _Loader.add_implicit_resolver(_tag, re.compile(_regexp), _first)
    IMPLICIT[_tag] = re.compile(_regexp)
if _FastLoader is not None:
    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
_IMPLICIT_BY_FIRST = _Loader.yaml_implicit_resolvers


# Tags a spec may carry explicitly (!!str "0152"): the plain kinds of value. Any
# other (!!binary, !!set, !!timestamp, !!python/…) is refused with its line.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")}

# Files people pass by mistake, recognised by their first bytes.
_NOT_A_SPEC = [(b"%PDF", "a PDF file"), (b"PK\x03\x04", "a Word (DOCX) or ZIP file"),
               (b"\xd0\xcf\x11\xe0", "an old Word or Excel file"), (b"\x89PNG", "a PNG image"),
               (b"\xff\xd8\xff", "a JPEG image")]


def decode(path: Path, data: bytes) -> str:
    """Bytes of a spec → text. UTF-8 with or without BOM is read; anything else is
    refused with a message saying how to convert it (guessing an encoding could
    silently change a name, which is worse than asking)."""
    name = str(path)
    if not data.strip():
        raise fail(name, "the file is empty")
    if len(data) > MAX_BYTES:
        raise fail(name, f"the file is {len(data):,} bytes; a spec is at most {MAX_BYTES:,}"
                         " (is this the right file?)")
    for magic, what in _NOT_A_SPEC:
        if data.startswith(magic):
            raise fail(name, f"this is {what}, not a spec; a spec is a text file ending in .yaml")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail(name, "the file is saved as UTF-16 (Windows \"Unicode\"); save it again as UTF-8"
                         " (メモ帳: 名前を付けて保存 → 文字コード UTF-8),"
                         " or run: iconv -f UTF-16 -t UTF-8 OLD.yaml > NEW.yaml")
    if b"\x00" in data:
        raise fail(name, "this is not a text file (it contains NUL bytes)",
                   data[:data.index(b"\x00")].count(b"\n") + 1)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        hint = " The file is not text in a known encoding."
        for codec, label in (("cp932", "Shift_JIS (CP932), as saved by older Windows editors"),
                             ("euc_jp", "EUC-JP")):
            if looks_japanese(data, codec):
                hint = (f" It looks like {label}: save it again as UTF-8"
                        " (メモ帳: 名前を付けて保存 → 文字コード UTF-8),"
                        f" or run: iconv -f {codec.upper().replace('_', '-')} -t UTF-8 OLD.yaml > NEW.yaml")
                break
        raise fail(name, f"the file is not UTF-8 (first bad byte at line {line}).{hint}", line)
    return text


def looks_japanese(data: bytes, codec: str) -> bool:
    """Whether `data` reads as Japanese text in `codec`: it decodes, has kana or
    kanji, and no control characters (random bytes often decode as CP932 too)."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return False
    if any(unicodedata.category(c) == "Cc" and c not in "\t\r\n" for c in text):
        return False
    return bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text))


def load_yaml(path: Path, what: str = "spec") -> tuple[object, dict[Path_, int]]:
    """Read and parse one YAML file (a regular file of at most MAX_BYTES: never a
    device or a pipe, see files.py). Returns the data and {key path: line} (1-based)."""
    return parse_yaml(Path(path), read_yaml_bytes(path, what))


def read_yaml_bytes(path: Path, what: str = "spec") -> bytes:
    """The bytes load_yaml parses, or its message: the file refused, at the file."""
    try:
        return read_regular_file(path, MAX_BYTES, what)
    except FileRefused as exc:
        raise fail(str(path), exc.about_itself()) from None


def parse_yaml(path: Path, raw: bytes) -> tuple[object, dict[Path_, int]]:
    """Parse the bytes of a YAML file read from `path` (see load_yaml)."""
    name = str(path)
    text = decode(path, raw)
    fast = _load_fast(name, text)
    if fast is not None:
        return fast
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(name, text, exc) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise fail(name, "the file holds no data (only comments or blank lines)")
        lines: dict[Path_, int] = {}
        _check(name, node, (), lines, [0, 0], 0)
        data = loader.construct_document(node)
    except _TooDeep as exc:
        raise fail(name, f"the data is nested more than {MAX_DEPTH} levels deep", exc.line) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_error(name, text, exc) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(s for s in (exc.context, exc.problem) if s)
        raise fail(name, *_plain_yaml_error(what, text, line)) from None
    except yaml.YAMLError as exc:
        raise fail(name, f"this is not valid YAML: {exc}") from None
    except (ValueError, TypeError, OverflowError) as exc:   # a constructor's own error
        raise fail(name, f"a value cannot be read: {exc}") from None
    finally:
        loader.dispose()
    return data, lines


def _load_fast(name: str, text: str):
    """(data, lines) through libyaml, or None to let _Loader parse the file and
    explain what is wrong with it (or refuse its depth: _LevelCounting). The same
    checks (_check) run on either."""
    if _FastLoader is None:
        return None
    try:
        loader = (_ShallowLoader if _shallow(text) else _FastLoader)(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            lines: dict[Path_, int] = {}
            unmade: list = []
            data = _checked_data(name, loader, node, (), lines, [0, 0], 0, {}, unmade)
            return None if unmade else (data, lines)
        finally:
            loader.dispose()
    except InputError:
        raise
    except Exception:           # any parse trouble: the Python loader says it in plain words
        return None


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_ScalarNode, _SequenceNode, _MappingNode = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
_SCALARS = {f"tag:yaml.org,2002:{t}" for t in ("int", "float", "bool", "null")}


def _construct(loader, node, made: dict):
    """The data of a node tree _check has passed, as PyYAML's construct_document makes
    it: a list per sequence, a dict per mapping (a later equal key wins), each node
    made once (an alias is the same object), a string as it was read. Other scalars
    (numbers, true/false, null) go to PyYAML's own constructor for their tag. PyYAML's
    walk took 0.1 ms of the 0.65 ms a notice's spec takes to load, this one a fifth
    of that. What PyYAML would refuse (a tag on the wrong kind of node, a list or
    mapping as a key) raises, and the Python loader then says what is wrong."""
    kind = type(node)
    if kind is yaml.ScalarNode:
        if node.tag == _STR:
            return node.value
        if node.tag in _SCALARS:
            return loader.yaml_constructors[node.tag](loader, node)
    elif id(node) in made:
        return made[id(node)]
    elif kind is yaml.SequenceNode and node.tag == _SEQ:
        out = made[id(node)] = []
        out.extend([_construct(loader, item, made) for item in node.value])
        return out
    elif kind is yaml.MappingNode and node.tag == _MAP:
        out = made[id(node)] = {}
        for key_node, value_node in node.value:
            key = _construct(loader, key_node, made)
            if isinstance(key, (list, dict)):
                raise TypeError("found unhashable key")
            out[key] = _construct(loader, value_node, made)
        return out
    raise TypeError(f"a {node.tag} tag on a {kind.__name__}")


def _checked_key(name: str, key_node, path: tuple, seen: dict, lines: dict):
    """A mapping's key as both walks check it (_checked_data, _check): no key indented
    with a full-width space or a tab, no merge key, none twice; its line recorded."""
    key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
    key_line = key_node.start_mark.line + 1
    if isinstance(key, str) and key[:1] in ("\u3000", "\t"):
        raise fail(name, f"the key '{key}' starts with a {'full-width space' if key[0] != chr(9) else 'tab'};"
                         " indent with ASCII spaces only", key_line)
    if key == "<<":
        raise fail(name, "merge keys (<<) are not supported; write the values out", key_line)
    if key in seen:
        raise fail(name, f"the key '{key}' appears twice (first at line {seen[key]})",
                   key_line, _dotted(path + (key,)))
    seen[key] = key_line
    lines[path + (key,)] = key_line
    return key


def _checked_data(name, loader, node, path, lines, count, depth, made, unmade):
    """_check and _construct in one walk (the fast loader's): each node checked as _check
    checks it, in the same order, then made as _construct makes it. Two walks of a
    notice's ~120 nodes cost ~1 M instructions, a third of its YAML's reading; one
    walk spares a call and a dispatch a node, and a call for each string key. A node
    _construct would refuse (a tag on the wrong kind of node, a list as a key) is noted
    in `unmade` and the walk goes on, so that every check still runs over the whole
    tree first, as before: a file the checks refuse is refused with their message, and
    one they pass with something unmade goes to the Python loader (_load_fast: None).
    A collection met again through an alias is checked again by _check (counting its
    values again: alias bombs) and is the same object, as _construct makes it.
    A plain key, and a text as a value or an item far from every limit, are checked and
    made in their collection's loop, without a call each (most of a spec's nodes:
    0.69 -> 0.45 M instructions a notice's walk); anything else, or a node that would
    reach a limit, goes through the call, which refuses it with its message
    (tests/test_yaml_construct.py: at each limit and one past it)."""
    if id(node) in made:
        _check(name, node, path, lines, count, depth)
        return made[id(node)]
    # ------------------------------------------------ as _check
    # (_check's node checks written out again, not called: a call a node cost 0.27 M
    # instructions a notice, the walk's whole gain; tests/test_yaml_construct.py holds
    # the two walks to the same refusals, so a check changed in one and not the other fails)
    count[0] += 1
    line = node.start_mark.line + 1
    if count[0] > MAX_NODES:
        raise fail(name, f"the document expands to more than {MAX_NODES:,} values"
                         " (anchors and aliases repeated too often)", line)
    kind = type(node)
    scalar = isinstance(node, yaml.ScalarNode)
    if scalar:
        count[1] += len(node.value)
        if count[1] > MAX_TEXT:
            raise fail(name, f"the document's text expands to more than {MAX_TEXT:,} characters"
                             " (an alias repeats a long text too often)", line_of(lines, path) or line,
                       _dotted(path))
    if depth > MAX_DEPTH:
        raise fail(name, f"the data is nested more than {MAX_DEPTH} levels deep", line)
    lines.setdefault(path, line)
    tag = node.tag
    explicit_misfit = scalar and tag in IMPLICIT and not IMPLICIT[tag].match(node.value)
    if tag not in _PLAIN_TAGS or explicit_misfit:
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        raise fail(name, f"the YAML tag {tag} is not allowed in a spec; write the value plainly"
                         " (text, a number, true/false, a list or keys)", line, _dotted(path))
    # ------------------------------------------------ checked: made as _construct makes it
    if scalar:
        if kind is yaml.ScalarNode:
            if tag == _STR:
                return node.value
            if tag in _SCALARS:
                try:
                    return loader.yaml_constructors[tag](loader, node)
                except Exception:
                    unmade.append(node)
                    return None
        unmade.append(node)
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        if kind is yaml.MappingNode and tag == _MAP:
            made[id(node)] = out
        else:
            unmade.append(node)
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            if type(key_node) is _ScalarNode and key_node.tag == _STR:
                key = made_key = key_node.value       # (what _construct makes of it)
                if key[:1] in ("\u3000", "\t") or key == "<<" or key in seen:
                    _checked_key(name, key_node, path, seen, lines)      # (refuses it)
                key_path = path + (key,)
                # _checked_key's work on a key it passes, written out (a call a key)
                seen[key] = lines[key_path] = key_node.start_mark.line + 1
            else:
                key = _checked_key(name, key_node, path, seen, lines)
                key_path = path + (key,)
                try:
                    made_key = _construct(loader, key_node, made)
                    if isinstance(made_key, (list, dict)):
                        raise TypeError("found unhashable key")
                except Exception:
                    unmade.append(key_node)
                    made_key = None
            if (type(value_node) is _ScalarNode and value_node.tag == _STR and count[0] < MAX_NODES
                    and depth < MAX_DEPTH and count[1] + len(value_node.value) <= MAX_TEXT):
                # A text, the most common value, passes every check above (neither limit
                # reached, its tag plain; its line is its key's, just recorded) and is made
                # as itself: taken here, without a call for it
                count[0] += 1
                count[1] += len(value_node.value)
                out[made_key] = value_node.value
                continue
            value = _checked_data(name, loader, value_node, key_path, lines, count, depth + 1, made, unmade)
            out[made_key] = value             # (a later equal key wins, in the first's place)
        return out
    if isinstance(node, yaml.SequenceNode):
        items: list = []
        if kind is yaml.SequenceNode and tag == _SEQ:
            made[id(node)] = items
        else:
            unmade.append(node)
        for i, item in enumerate(node.value):
            if (type(item) is _ScalarNode and item.tag == _STR and count[0] < MAX_NODES
                    and depth < MAX_DEPTH and count[1] + len(item.value) <= MAX_TEXT):
                count[0] += 1                 # (a text, taken here as in the mapping's loop)
                count[1] += len(item.value)
                lines.setdefault(path + (i,), item.start_mark.line + 1)
                items.append(item.value)
                continue
            items.append(_checked_data(name, loader, item, path + (i,), lines, count, depth + 1, made, unmade))
        return items
    unmade.append(node)
    return None


def _reader_error(name: str, text: str, exc) -> Exception:
    """PyYAML refuses control characters in the stream; say which and where."""
    pos = exc.position if isinstance(exc.position, int) else 0
    line = text[:pos].count("\n") + 1
    ch = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
    return fail(name, f"the file contains the invisible control character U+{ord(ch[:1] or ' '):04X}"
                      f" ({unicodedata.name(ch[:1], 'control')}); delete it (it often comes with"
                      " text pasted from PDFs or e-mails)", line)


# PyYAML's messages, in words an office worker can act on.
_YAML_HINTS = [
    ("found character '\\t' that cannot start any token",
     "a tab character is used for indentation; indent with spaces, not tabs"),
    ("mapping values are not allowed here",
     "a colon followed by a space (': ') inside a value, or a key indented wrongly;"
     " put such a value in quotes (\"…: …\") or check the indentation"),
    ("could not find expected ':'", "a line is missing the colon after its key (key: value)"),
    ("found unexpected end of stream", "a quote (\" or ') is opened and never closed"),
    ("expected <block end>, but found", "this line's indentation does not match the lines above it"),
    ("found undefined alias", "an alias (*name) refers to an anchor (&name) that is not defined"),
    ("found unhashable key", "a key must be a single word, not a list or a block"),
    ("expected a single document", "the file holds more than one document (a line '---');"
                                    " put one spec in each file"),
    ("found duplicate anchor", "the same anchor (&name) is defined twice"),
]


def _unclosed_quote(text: str, line: int | None) -> int | None:
    """The last line before `line` with an odd number of double quotes (a quote
    opened and not closed on its line), ignoring comments."""
    found = None
    for n, l in enumerate(text.splitlines()[:line or 0], 1):
        body = l.split(" #", 1)[0] if not l.lstrip().startswith("#") else ""
        if body.count('"') - body.count('\\"') * 1 & 1:
            found = n if found is None else None    # a second odd line closes the first
    return found


def _plain_yaml_error(what: str, text: str, line: int | None) -> tuple[str, int | None]:
    plain = next((hint for needle, hint in _YAML_HINTS if needle in what), None)
    quote = _unclosed_quote(text, line)
    if quote and "scalar" in what:
        plain = (f"a quote (\") opened on this line is not closed on it, so YAML reads on to the"
                 f" next quote (line {line}); close it, or remove it")
        line = quote
    # Japanese input methods type a full-width colon or space where YAML needs ASCII.
    first = max(0, (line or 1) - 2)
    nearby = list(enumerate(text.splitlines()[first:(line or 1)], first + 1))
    colon = [n for n, l in nearby if re.match(r"^[ \u3000]*[A-Za-z_][A-Za-z0-9_]*[ \u3000]*：", l)]
    indent = [n for n, l in nearby if l.startswith("\u3000")]
    if colon:
        plain = "a key is followed by a full-width colon (：); write an ASCII colon and a space (key: value)"
        line = colon[0]
    elif indent:
        plain = "a line is indented with a full-width space (　); indent with ASCII spaces"
        line = indent[0]
    return (f"this is not valid YAML: {plain} (YAML says: {what})" if plain
            else f"this is not valid YAML: {what}"), line


def _check(name, node, path, lines, count, depth):
    """Walk the node tree: record lines, refuse duplicate keys, alias bombs and
    deep nesting. Aliased nodes are counted each time they are reached, so a
    bomb is caught before it is expanded: count is [values, characters of text],
    as a few aliases of one long text (a 747 KB file, 5 G characters) are few
    values but more text than any check should read."""
    count[0] += 1
    line = node.start_mark.line + 1
    if count[0] > MAX_NODES:
        raise fail(name, f"the document expands to more than {MAX_NODES:,} values"
                         " (anchors and aliases repeated too often)", line)
    if isinstance(node, yaml.ScalarNode):
        count[1] += len(node.value)
        if count[1] > MAX_TEXT:
            raise fail(name, f"the document's text expands to more than {MAX_TEXT:,} characters"
                             " (an alias repeats a long text too often)", line_of(lines, path) or line,
                       _dotted(path))
    if depth > MAX_DEPTH:
        raise fail(name, f"the data is nested more than {MAX_DEPTH} levels deep", line)
    lines.setdefault(path, line)
    explicit_misfit = (isinstance(node, yaml.ScalarNode) and node.tag in IMPLICIT
                       and not IMPLICIT[node.tag].match(node.value))
    if node.tag not in _PLAIN_TAGS or explicit_misfit:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise fail(name, f"the YAML tag {tag} is not allowed in a spec; write the value plainly"
                         " (text, a number, true/false, a list or keys)", line, _dotted(path))
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = _checked_key(name, key_node, path, seen, lines)
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
