"""Property-based tests: any spec the validator accepts builds without an
exception; any other input yields the spec error (InputError), never another
exception. Specs are the seed mutated: keys dropped, values replaced by other
types, random text (markup, template code, controls, emoji, rare kanji) inserted."""
from __future__ import annotations

import copy
import datetime as dt
import os

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from jpdocs.build.documents import make_documents, render_files, style_for
from jpdocs.errors import InputError
from jpdocs.spec.source import load_yaml
from jpdocs.spec.load import load_spec

from conftest import SEED_SPEC

SEED = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
# JPDOCS_EXAMPLES=1000 for a longer hunt than the suite's.
SCALE = int(os.environ.get("JPDOCS_EXAMPLES", "0")) or None
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                      HealthCheck.too_slow])

# Text an office worker might paste: Japanese, markup and template code, quotes,
# backslashes, controls, invisible characters, emoji, rare kanji, long URLs.
PIECES = ["北海道", "　", " ", "<b>", "</document>", "&amp;", "&", "{{ spec }}", "{% if x %}", "'", '"', "\\",
          "\n", "\t", "\x07", "\u200b", "\ufffd", "🎉", "𠮷", "⾒", "葛\U000E0100",
          "https://www.pref.hokkaido.lg.jp/" + "a" * 120, "２０２４", "：", "25:00", "2024-02-30", "令和元年4月1日"]
text = st.one_of(st.text(max_size=30), st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join))
scalar = st.one_of(text, st.integers(-10**12, 10**12), st.floats(allow_nan=True), st.booleans(), st.none(),
                   st.dates().map(str), st.sampled_from(["11:00", "25:00", "2024-02-21T17:00", "true", "null"]))
value = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                     max_leaves=6)


def paths(data, prefix=()):
    """Every key path of the data (dict keys and list indexes)."""
    out = [prefix] if prefix else []
    if isinstance(data, dict):
        for k, v in data.items():
            out += paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += paths(v, prefix + (i,))
    return out


ALL_PATHS = paths(SEED)


@st.composite
def mutated(draw):
    data = copy.deepcopy(SEED)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            key = path[-1]
            parent[key]
        except (KeyError, IndexError, TypeError):
            continue
        if not isinstance(parent, (dict, list)):   # an earlier mutation made it a string
            continue
        action = draw(st.sampled_from(["drop", "replace", "insert", "insert"]))
        if action == "drop":
            del parent[key]
        elif action == "replace":
            parent[key] = draw(value)
        elif isinstance(parent[key], str):
            old = parent[key]
            at = draw(st.integers(0, len(old)))
            parent[key] = old[:at] + draw(text) + old[at:]
        else:
            parent[key] = draw(text)
    return data


def to_yaml(data) -> str:
    def plain(v):
        if isinstance(v, (dt.date, dt.datetime)):
            return v.isoformat()
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v
    return yaml.safe_dump(plain(data), allow_unicode=True, sort_keys=False)


@settings(max_examples=SCALE or 60, **SETTINGS)
@given(mutated())
def test_any_mutated_spec_builds_or_is_refused_as_bad_input(tmp_path, data):
    path = tmp_path / "mutated.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    try:
        loaded = load_spec(path)
        style = style_for(loaded)
        for doc in make_documents(loaded, style):
            files = render_files(doc, style)
            assert files["pdf"].startswith(b"%PDF") and files["docx"].startswith(b"PK")
    except InputError as exc:
        assert exc.problems and all(p.message for p in exc.problems)


@settings(max_examples=SCALE or 100, **SETTINGS)
@given(st.one_of(st.binary(max_size=400), st.text(max_size=300).map(lambda t: t.encode("utf-8")),
                 st.lists(st.sampled_from(["a:", " b", "- ", "[", "]", "{", "}", "&x", "*x", "!!str", ":", "\n",
                                           "  ", '"', "'", "#", "|", ">", "? ", "<<", "---", "\t", "%YAML"]),
                          max_size=40).map(lambda parts: "".join(parts).encode("utf-8"))))
def test_any_bytes_are_read_or_refused_as_bad_input(tmp_path, raw):
    path = tmp_path / "raw.yaml"
    path.write_bytes(raw)
    try:
        load_yaml(path)
    except InputError as exc:
        assert exc.problems
    try:
        load_spec(path)
    except InputError:
        pass


# Text that passes validation: printable characters the fonts have, with markup,
# template code, quotes, backslashes, newlines and long unbroken URLs among them.
SAFE_PIECES = ["北海道", "オホーツク", "　", "<b>", "</p>", "&amp;", "&", "{{ spec.issuer }}", "{% endif %}", "'",
               '"', "\\", "\n", "（）", "「」", "ABC", "123", "https://www.pref.hokkaido.lg.jp/" + "x" * 150,
               "a" * 300, "—", "～", "①", "％"]
safe_text = st.lists(st.one_of(st.sampled_from(SAFE_PIECES),
                               st.text(st.characters(codec="ascii", categories=["L", "N", "P", "S"]),
                                       min_size=1, max_size=20)),
                     min_size=1, max_size=8).map("".join)


@settings(max_examples=SCALE or 40, **SETTINGS)
@given(subject=safe_text, paragraph=safe_text)
def test_text_that_validates_prints_literally_in_the_docx(tmp_path, subject, paragraph):
    import io
    import re

    from docx import Document as OpenDocx

    data = copy.deepcopy(SEED)
    data["press_notice"]["subject"] = subject
    data["press_notice"]["opening"].append(paragraph)
    path = tmp_path / "text.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    try:
        loaded = load_spec(path)
    except InputError as exc:          # only an empty-looking value may be refused
        assert all("empty" in p.message for p in exc.problems), exc
        return
    style = style_for(loaded)
    [doc] = make_documents(loaded, style, kinds=("press-notice",))
    files = render_files(doc, style)
    assert files["pdf"].startswith(b"%PDF")
    document = OpenDocx(io.BytesIO(files["docx"]))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    shown = re.sub(r"\s+", "", "".join([p.text for p in document.paragraphs] + cells))
    for value in (subject, paragraph):
        assert re.sub(r"\s+", "", value) in shown
