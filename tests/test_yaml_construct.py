"""The fast loader builds a spec's data from libyaml's nodes itself, in the walk that
checks them (source._checked_data): it must give what _check's walk and then PyYAML's
construct_document gave, value for value and type for type, with the same lines and
the same refusals, share what an alias shares, and leave to the Python loader what
PyYAML refuses."""
from __future__ import annotations

import random

import pytest

import yaml

from jpdocs.errors import InputError
from jpdocs.spec import source

from conftest import SEED_SPEC

pytestmark = pytest.mark.skipif(source._FastLoader is None, reason="PyYAML without libyaml")


def pyyaml_way(name, text):
    """The fast loader as it was before its one walk: _check's walk over the nodes,
    then PyYAML's construct_document."""
    loader = source._FastLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        lines: dict = {}
        source._check(name, node, (), lines, [0, 0], 0)
        return loader.construct_document(node), lines
    except InputError:
        raise
    except Exception:
        return None
    finally:
        loader.dispose()


def shape(value, seen=None):
    """The value with every type spelled out (True == 1 and 1.0 == 1 in Python) and
    each container's first appearance numbered, so shared objects show."""
    seen = {} if seen is None else seen
    if isinstance(value, (list, dict)):
        if id(value) in seen:
            return ("same as", seen[id(value)])
        seen[id(value)] = len(seen)
        if isinstance(value, list):
            return ("list", [shape(v, seen) for v in value])
        return ("dict", [(shape(k, seen), shape(v, seen)) for k, v in value.items()])
    return (type(value).__name__, repr(value))


def both(text: str, monkeypatch):
    def run(load):
        try:
            return "data", load("spec.yaml", text)
        except InputError as exc:
            return "refused", [(p.line, p.key, p.message) for p in exc.problems]
    return run(source._load_fast), run(pyyaml_way)


CASES = [
    "a: 1\nb: -0\nc: +12_000\nd: 1.5\ne: -.5e3\nf: 1.\ng: true\nh: FALSE\ni: null\nj: ~\nk:\nl: ''\n",
    "a: !!int '7'\nb: !!float '2.50'\nc: !!str 12\nd: !!bool 'True'\ne: !!null ''\nf: !!int \"0\\n\"\n",
    "x: &a [1, 2, {k: v}]\ny: *a\nz: [*a, *a]\n",
    "m: &m {p: 1}\nn: {q: *m}\n",
    "10: a\n1_0: b\ntrue: c\nTrue: d\n",               # equal keys: the later wins, in the first's place
    "? [a, b]\n: unhashable\n",                        # PyYAML refuses: the Python loader explains
    "a: !!str {k: v}\n",                               # a tag on the wrong kind of node
    "a: !!map [1]\n",
    "a: !!seq x\n",
    "a: !!binary aGVsbG8=\n",                          # refused by _check either way
    "- - - [x, {y: [z]}]\n- 2024-02-27\n- 11:00\n- 'quoted: colon'\n- |\n  block\n  text\n",
    "a: 日本語\nb: \"\\u3000全角\"\nc: >\n  folded\n  lines\n",
    # something unmade first, then what the checks refuse: their refusal, as when they walked first
    "? [a, b]\n: v\nc: !!binary aGk=\n",
    "a: !!str {k: v}\nb: 1\nb: 2\n",
    "a: !!seq x\nb:\n  <<: {c: 1}\n",
    "a: {? {k: v} : 1}\n\tb: 2\n",
    "x: &a {k: [1, 2], m: {n: o}}\ny: *a\nz: [*a, {w: *a}]\n",     # aliases: checked again, the same objects
    "x: &a [*a]\n",                                   # an alias inside its own anchor
    "a:\n  b: [1, !!float '2']\n  c: {d: !!int 'x'}\n",
]


@pytest.mark.parametrize("text", CASES)
def test_the_data_is_what_pyyaml_made(text, monkeypatch):
    ours, theirs = both(text, monkeypatch)
    assert ours[0] == theirs[0]
    if ours[0] == "refused" or ours[1] is None or theirs[1] is None:
        assert ours == theirs
    else:
        assert shape(ours[1][0]) == shape(theirs[1][0])
        assert ours[1][1] == theirs[1][1]                  # the lines


def test_the_fast_way_was_taken_and_left_where_pyyaml_refuses(monkeypatch):
    assert source._load_fast("s", CASES[2]) is not None
    assert source._load_fast("s", CASES[5]) is None
    assert source._load_fast("s", CASES[6]) is None


def test_random_documents_and_the_seed_spec_give_what_pyyaml_made(monkeypatch):
    rng = random.Random(3)
    scalars = ["0", "-1", "1_000", "3.", "-2.5e-3", "true", "False", "null", "~", "", "'1'", "x y", "日付",
               "2024-02-30", "11:00", "!!str 5", "!!int '9'", "!!float '1.0'", "*a"]

    def value(depth):
        r = rng.random()
        if depth > 3 or r < 0.5:
            return rng.choice(scalars)
        if r < 0.75:
            return "[" + ", ".join(value(depth + 1) for _ in range(rng.randint(0, 3))) + "]"
        keys = rng.sample(["a", "b", "1", "1_0", "10", "true", "x"], rng.randint(0, 3))
        return "{" + ", ".join(f"{k}: {value(depth + 1)}" for k in keys) + "}"
    texts = [SEED_SPEC.read_text(encoding="utf-8")]
    texts += [f"first: &a {value(1)}\n" + "".join(f"k{i}: {value(1)}\n" for i in range(rng.randint(1, 5)))
              for _ in range(300)]
    fast = 0
    for text in texts:
        ours, theirs = both(text, monkeypatch)
        assert ours[0] == theirs[0], text
        if ours[0] == "data" and ours[1] is not None and theirs[1] is not None:
            assert shape(ours[1][0]) == shape(theirs[1][0]), text
            assert ours[1][1] == theirs[1][1], text
            fast += 1
        else:
            assert ours == theirs, text
    assert fast > 200


def _depth(text: str) -> int:
    """The text's nesting depth as libyaml's events tell it."""
    import yaml
    depth = deepest = 0
    for event in yaml.parse(text, Loader=source._FastLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return deepest


def _composed(text: str) -> bool:
    """Whether libyaml's composer went through the text (False: stopped by its depth)."""
    loader = source._FastLoader(text)
    try:
        loader.get_single_node()
        return True
    except source._Deeper:
        return False
    except yaml.YAMLError:
        return True                     # refused for something else: the Python loader explains
    finally:
        loader.dispose()


def test_a_file_nested_deeper_than_max_depth_is_never_composed_by_libyaml():
    """libyaml's composer recurses; _FastLoader stops it at MAX_DEPTH levels and sends
    the file to the Python loader: every file with a collection nested deeper than
    MAX_DEPTH goes there (as when libyaml's events were counted first), and one no
    deeper than MAX_DEPTH - 1 (its deepest collection holding anything) stays."""
    from pathlib import Path
    tests = Path(__file__).resolve().parent
    texts = ["- - - - a: b", "a:\n- b:\n  - c:\n    - d", "? - - a\n: - b", "[[[[1]]]]", "a: {b: [c, {d: e}]}",
             "- a:\n    - - b: c\n        d: e"]
    for depth in (38, 39, 40, 41, 42, 60, 500):
        texts += ["[" * depth + "1" + "]" * depth, "[" * depth + "]" * depth,
                  "a:\n" + "".join("  " * i + "-\n" for i in range(depth)),
                  "a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, depth)) + " " * depth + "v",
                  "x: &a " + "{k: " * depth + "v" + "}" * depth + "\ny: *a\n"]
    for path in [*sorted((tests / "data" / "real").glob("*.yaml")), *sorted((tests / "bad_specs").glob("*.yaml")),
                 *sorted((tests.parent / "specs").glob("*.yaml"))]:
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
    rnd = random.Random(7)
    pieces = ["- ", "? ", ": ", "a: ", "a:", "&x ", "!!map ", "[", "{", "]", "}", ", ", "b", "- - ", "'q'", "|"]
    texts += ["\n".join(" " * rnd.randint(0, 8) + "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 4)))
                        for _ in range(rnd.randint(1, 8))) + "\n" for _ in range(3000)]
    deep = shallow = 0
    for text in texts:
        try:
            depth = _depth(text)
        except Exception:
            continue            # libyaml refuses it: the Python loader explains why
        if depth > source.MAX_DEPTH:
            assert not _composed(text) and source._load_fast("s.yaml", text) is None, text[:200]
            deep += 1
        elif depth < source.MAX_DEPTH:
            assert _composed(text), text[:200]
            shallow += 1
    assert deep >= 10 and shallow > 300
    assert source._load_fast("s.yaml", SEED_SPEC.read_text(encoding="utf-8")) is not None


def test_a_block_nesting_too_deep_is_refused_at_its_line():
    text = "a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 60)) + " " * 60 + "v\n"
    assert source._load_fast("deep.yaml", text) is None
    with pytest.raises(InputError) as caught:
        source.parse_yaml(source.Path("deep.yaml"), text.encode())
    assert "nested more than 40 levels deep" in str(caught.value.problems[0].message)


def test_the_fast_loaders_resolve_is_pyyamls():
    """_FastLoader.resolve leaves out what these loaders never have (path resolvers,
    resolvers for any first character): on every kind of node, implicit or not, and
    values of every shape, it gives the tag PyYAML's BaseResolver.resolve gives."""
    loader = source._FastLoader("a: b")
    rng = random.Random(5)
    pool = list("0123456789-+._eE~ntTfFNxy日 ") + ["true", "False", "null", "NULL", "1_0", ".5", "1e3"]
    values = ["", "~", "null", "True", "0", "-0", "+12_000", "1.", "-.5e3", "2024-02-27", "11:00", "0x1F", "no"]
    values += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 5))) for _ in range(3000)]
    assert not loader.yaml_path_resolvers and None not in loader.yaml_implicit_resolvers
    tags = set()
    for value in values:
        for implicit in ((True, False), (False, True), (False, False), (True, True)):
            ours = loader.resolve(yaml.ScalarNode, value, implicit)
            assert ours == yaml.resolver.BaseResolver.resolve(loader, yaml.ScalarNode, value, implicit), value
            tags.add(ours)
    for kind in (yaml.SequenceNode, yaml.MappingNode):
        assert loader.resolve(kind, None, True) == yaml.resolver.BaseResolver.resolve(loader, kind, None, True)
    loader.dispose()
    assert len(tags) == 5                  # str, int, float, bool, null all reached


def _levels(text: str) -> int:
    """The deepest node's level as _LevelCounting counts it (the root 1, a scalar too)."""
    loader = source._FastLoader(text)
    loader._deepest = 0
    counted = source._LevelCounting.descend_resolver

    def descend(self, parent, index):
        counted(self, parent, index)
        self._deepest = max(self._deepest, self._level)
    loader.descend_resolver = descend.__get__(loader)
    try:
        loader.get_single_node()
        return loader._deepest
    finally:
        loader.dispose()


def _fast_outcome(text: str):
    try:
        return source._load_fast("s.yaml", text)
    except InputError as exc:
        return [(p.line, p.key, p.message) for p in exc.problems]


def test_a_text_found_shallow_never_nests_as_deep_as_the_count_would_stop():
    """_shallow lets a text skip the count of its levels (_ShallowLoader: the composer's
    calls answered in C): every text it passes must nest no deeper than MAX_DEPTH, so
    that the count would never have stopped it, and give what the counted way gives.
    Texts near the bound (block chains at the widest line starts it allows, with as many
    brackets as it allows), compact indicators at random, and every real and bad spec."""
    from pathlib import Path
    tests = Path(__file__).resolve().parent
    width, brackets = source._LINE_COLUMNS, source._FLOW_BRACKETS
    flow = "[" * brackets + "v" + "]" * brackets
    near = ["".join(" " * i + f"k{i}:\n" for i in range(width - 1)) + " " * (width - 1) + f"z: {flow}\n",
            "k:\n" + "".join(" " * (2 * i) + f"- k{i}:\n" for i in range(width // 2 - 1)) + " " * (width - 1) + f"{flow}\n",
            "- " * (width // 2 - 1) + flow + "\n",
            "? " * (width // 2 - 1) + "{a: " * brackets + "b" + "}" * brackets + "\n",
            "".join(" " * i + f"k{i}:\n" for i in range(width)) + " " * width + "v\n",      # (not shallow)
            "a:\n" + " " * 20 + "# a comment\n" + " " * 30 + "\n" + "b: c\n"]
    texts = list(near)
    for path in [*sorted((tests / "data" / "real").glob("*.yaml")), *sorted((tests / "bad_specs").glob("*.yaml")),
                 *sorted((tests.parent / "specs").glob("*.yaml"))]:
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
    rnd = random.Random(11)
    pieces = ["- ", "? ", ": ", "a: ", "a:", "&x ", "!!map ", "[", "{", "]", "}", ", ", "b", "- - ", "'q'", "- ? ",
              "--- ", ":", "-", "?"]
    for _ in range(4000):
        lines, indent = [], 0
        for _ in range(rnd.randint(1, 14)):
            indent = max(0, min(14, indent + rnd.choice([-2, 0, 1, 2])))
            lines.append(" " * indent + "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 5))))
        texts.append("\n".join(lines) + "\n")
    passed = near_bound = 0
    for text in texts:
        if not source._shallow(text):
            continue
        try:
            levels = _levels(text)
        except source._Deeper:
            raise AssertionError(f"found shallow, counted deeper than {source.MAX_DEPTH}: {text[:200]!r}")
        except yaml.YAMLError:
            continue                            # refused by libyaml: the Python loader explains
        assert levels <= source.MAX_DEPTH, text[:200]
        fast = _fast_outcome(text)
        source._ShallowLoader, kept = source._FastLoader, source._ShallowLoader     # the counted way
        try:
            assert _fast_outcome(text) == fast, text[:200]
        finally:
            source._ShallowLoader = kept
        passed += 1
        near_bound += levels >= source.MAX_DEPTH - 15
    assert passed > 400 and near_bound >= 2, (passed, near_bound)
    assert [source._shallow(text) for text in near] == [True, True, True, True, False, True]
    # past MAX_DEPTH by a compact chain on the first line or a later one, by brackets, by
    # a key a column deeper a line, or by a line break _shallow does not follow: never shallow
    chain = "- " * 27 + "[" * brackets + "a" + "]" * brackets
    deep = [chain, "k:\n" + chain, "[" * 41 + "]" * 41, "a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 42)),
            "a:\r" + "".join(" " * i + f"k{i}:\r" for i in range(1, 42)) + " " * 42 + "v"]
    for text in deep:
        with pytest.raises(source._Deeper):
            _levels(text)
        assert not source._shallow(text), text[:60]
    specs = [p for p in sorted((tests / "data" / "real").glob("*.yaml")) if not p.name.endswith(".facts.yaml")]
    assert sum(source._shallow(p.read_text(encoding="utf-8")) for p in specs) > 0.75 * len(specs)


def _limit_texts():
    """Texts at the walk's limits and one past them, reached by texts taken straight in
    the mapping's and the sequence's loops (_checked_data's fast path): the values
    counted (the root and the list, then the texts) and the characters of text (an
    anchored text repeated by aliases)."""
    nodes = source.MAX_NODES
    for extra in (-1, 0, 1):
        texts = nodes - 2 + extra                     # the root and the list are values too
        yield f"in a list {extra}", "a:\n" + "".join(f"- v{i}\n" for i in range(texts))
        yield f"as values {extra}", "".join(f"k{i}: v\n" for i in range(nodes - 1 + extra))
    chars, repeats = 100_000, source.MAX_TEXT // 100_000
    head = f"t: &t {'y' * chars}\ns:\n" + "- *t\n" * (repeats - 2)
    for extra in (-1, 0, 1):
        tail = "x" * (chars + extra)                  # the text's characters: MAX_TEXT + extra
        yield f"text {extra}", head + f"r: {tail}\n"
        yield f"text in a list {extra}", head + f"- {tail}\n"
    yield "deep", "a: " + "{b: " * (source.MAX_DEPTH - 1) + "c" + "}" * (source.MAX_DEPTH - 1) + "\n"
    yield "deeper", "a: " + "{b: " * source.MAX_DEPTH + "c" + "}" * source.MAX_DEPTH + "\n"


@pytest.mark.parametrize("label,text", list(_limit_texts()), ids=[label for label, _ in _limit_texts()])
def test_the_limits_hold_exactly_where_texts_are_taken_without_a_call(label, text, monkeypatch):
    ours, theirs = both(text, monkeypatch)
    assert ours[0] == theirs[0], label
    if ours[0] == "data" and ours[1] is not None and theirs[1] is not None:
        assert shape(ours[1][0]) == shape(theirs[1][0])
        assert ours[1][1] == theirs[1][1]
    else:
        assert ours == theirs
    if label.endswith(" 1"):                          # one past a limit: refused
        assert ours[0] == "refused", label
    elif label.endswith(("-1", " 0")):
        assert ours[0] == "data" and ours[1] is not None, label
