"""Variants of the real inputs (specs, house styles, the standard article sets) and
what the loaders make of each: the regression net of the spec's validation
(tests/test_schema_golden.py; recorded by tools/record_schema_golden.py).

A variant's id is also its recipe, so that the test can rebuild it from the id alone:

    KIND|SOURCE|PATH|OP|VALUE

KIND is spec, style or sets. SOURCE is the file's path from the checkout's root, or
@NAME: for a style one of the overlays in BASE_OVERLAYS laid over
templates/house-style.yaml; for a spec or the article sets one of EXTRAS, a real file
with the sections added that no real input has (so that their keys are mutated too). PATH is a key path written as the messages write it
(press_notice.contacts[0].phone). OP is orig (no change), set (the value at PATH
becomes VALUE), del (the key at PATH removed), add (the key at PATH, absent before,
added with VALUE) or rename (the key at PATH renamed to VALUE). VALUE is JSON.

Which variants there are is chosen when recording (candidates + select below): the
choice reads the schema's annotations (model_fields[...].annotation) to
spread the sample over every field. The test only replays the recorded ids
(build/run), so it runs the same against any validator that keeps the loaders'
interfaces and gives its models `model_fields` (a dict of field names) and
`model_fields_set`, which is all `canonical` reads. Everything here is deterministic:
dicts keep the YAML's order, and sampling ranks by sha256, never hash().
"""
from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import types
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Union, get_args, get_origin

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STYLE = ROOT / "templates" / "house-style.yaml"
ARTICLES = ROOT / "templates" / "articles.yaml"
SEED = "jpdocs-schema-golden-1"

# What a wrong value may be: nothing, empty, numbers, booleans, empty and filled
# lists and blocks, text, a date that does not exist, an era date, a time.
REPLACEMENTS = [None, "", 0, 7, 1.5, True, False, [], {}, ["x"], {"zz": 1}, "text", "2024-02-30",
                "令和6年2月27日", "11:00"]
UNKNOWN = "zz_unknown"
UNKNOWN_VALUES = ["text", None, {"zz": 1}]

# Valid overlays for a house style: each is loaded as it is (orig) and mutated.
# "@default" names the default's own name only (an overlay must hold a style key).
BASE_OVERLAYS = {
    "default": {"name": "北海道 標準"},
    "digits-full": {"digits": "full", "dates": {"calendar": "western", "weekday": "long"}},
    "grid": {"typesetting": {"grid": {"chars": 40, "lines": 36}}},
    "agreement": {"agreement": {"article_heading": "（{heading}）", "article_lead": "{number}　",
                                "numbering_digits": "half", "organisation_line": "always",
                                "signature_labels": {"address": "住所", "organisation": "名称", "title": "代表者"}}},
    "annual": {"annual": {"columns": [{"data": "number"}, {"data": "signing_date", "dates": "short", "amended": True},
                                      {"field": "分類", "heading": "区分", "empty": ""}, {"data": "title", "amends": False},
                                      {"data": "amends", "dates": "short"}, {"data": "areas"}],
                          "areas_mark": "・", "web": "prose", "prose": "{title}（{date}、{partners}）",
                          "note": "（注）令和６年４月１日現在有効な文書を掲載しています。"}},
    "times": {"times": {"clock": "12h", "zero_minutes": False, "span": "から"}},
}

# Real files with what none of them writes: (file, [(key path, value set there)]).
SEED_SPEC = "specs/2024-02-27-okhotsk-kitami.yaml"
EXTRAS = {
    "seed-extras": (SEED_SPEC, [
        (("agreement", "fiscal_year"), 2023),
        (("agreement", "fields"), {"分類": "包括連携", "部名": "地域創生部"}),
        (("agreement", "amendments"), [{"date": "2025-04-01", "note": "第３条改定"}]),
        (("agreement", "related"), [{"title": "連携事業の実施に関する覚書", "date": "2024-06-03"}]),
        (("agreement", "amends"), {"title": "包括連携に関する協定", "signing_date": "2019-02-05"}),
        (("agreement", "document", "articles"), {
            "costs": {"heading": "経費", "text": [
                {"text": "連携に要する費用は、次のとおりとする。",
                 "items": [{"text": "各自が負担するもの", "items": ["人件費", "旅費"]}, "協議の上定めるもの"]}]},
            "confidentiality": {"remove": True}}),
        (("press_notice", "ceremony", "sites"), [
            {"name": "網走会場", "venue": "オホーツク合同庁舎", "address": "網走市北７条西３丁目"},
            {"name": "北見会場", "venue": "北見工業大学"}]),
        (("press_notice", "after"), {
            "issue_date": "2024-02-27", "date_suffix": "配布", "subject": "北見工業大学と包括連携協定を締結しました",
            "opening": ["本日、北見工業大学と包括連携協定を締結しました。"],
            "attachments": [{"title": "連携協定の概要", "document": "overview"}],
            "extra_items": [{"label": "場所", "text": ["オホーツク合同庁舎"]}],
            "contacts": [{"department": "オホーツク総合振興局地域創生部", "phone": "0152-41-0618"}]}),
    ]),
    "articles-clauses": ("templates/articles.yaml", [
        (("包括連携", "articles", 4, "text"), [
            {"text": "{doc}に基づく連携に要する費用は、次のとおりとする。",
             "items": [{"text": "各自が負担するもの", "items": ["人件費", "旅費"]}, "{compact}協議の上定めるもの"]}]),
    ]),
}


# ---------------------------------------------------------------------------
# Key paths

_TOKEN = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_path(text: str) -> tuple:
    parts, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise ValueError(f"bad key path {text!r}")
        parts.append(int(m.group(1)) if m.group(1) is not None else m.group(2))
        pos = m.end()
    return tuple(parts)


def _plain_key(key) -> bool:
    """Keys a recipe can name: text without the path's and the id's separators."""
    return isinstance(key, str) and key != "" and not set(key) & set(".[]|") and key.strip() == key


def _sha(*parts) -> int:
    return int.from_bytes(hashlib.sha256("\x1f".join(map(str, (SEED,) + parts)).encode()).digest()[:8], "big")


def misspelt(key: str, path: tuple) -> str:
    """The key with one of its letters doubled (which one: from the path's hash)."""
    letters = [i for i, c in enumerate(key) if c.isalpha()] or list(range(len(key)))
    i = letters[_sha("misspell", dotted(path)) % len(letters)]
    return key[:i + 1] + key[i] + key[i + 1:]


def _get(data, path):
    for part in path:
        data = data[part]
    return data


def _same(a, b) -> bool:
    """Equal and of the same kinds (True is not 1, 1.0 is not 1)."""
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True) and _kinds(a) == _kinds(b)


def _kinds(v):
    if isinstance(v, dict):
        return ("dict", tuple((k, _kinds(x)) for k, x in v.items()))
    if isinstance(v, list):
        return ("list", tuple(_kinds(x) for x in v))
    return type(v).__name__


def apply(data, path: tuple, op: str, value):
    """A copy of `data` with one mutation (the original is left as it is)."""
    data = copy.deepcopy(data)
    if op == "orig":
        return data
    parent = _get(data, path[:-1])
    key = path[-1]
    if op == "set":
        parent[key] = copy.deepcopy(value)
    elif op == "del":
        del parent[key]
    elif op == "add":
        if key in parent:
            raise ValueError(f"{dotted(path)} is there already")
        parent[key] = copy.deepcopy(value)
    elif op == "rename":   # in place: the key keeps its line among the others
        items = list(parent.items())
        parent.clear()
        parent.update((value if k == key else k, v) for k, v in items)
    else:
        raise ValueError(f"unknown op {op!r}")
    return data


def merge(base: dict, extra: dict) -> dict:
    """`extra` laid over `base` as load_style lays a style file over the default."""
    from jpdocs.spec.style import _overlay
    return _overlay(base, extra)


def _nest(path: tuple, value) -> dict:
    for part in reversed(path):
        value = {part: value}
    return value


# ---------------------------------------------------------------------------
# Variants: ids ⇄ data

def make_id(kind: str, source: str, path: tuple, op: str, value=None) -> str:
    return "|".join((kind, source, dotted(path), op, "" if op in ("orig", "del") else
                     json.dumps(value, ensure_ascii=False)))


def split_id(vid: str) -> tuple:
    kind, source, path, op, value = vid.split("|", 4)
    return kind, source, parse_path(path), op, (json.loads(value) if value else None)


def describe(vid: str) -> str:
    """The mutation in words, for a failure's message."""
    kind, source, path, op, value = split_id(vid)
    where = dotted(path)
    said = json.dumps(value, ensure_ascii=False)
    return {"orig": f"{source} as it is", "set": f"{where} set to {said}", "del": f"{where} removed",
            "add": f"{where} added with the value {said}", "rename": f"{where} renamed to {said}"}[op]


def _read(path: Path):
    """A YAML file's data as the loaders see it (dates and times stay text)."""
    from jpdocs.spec.source import load_yaml
    return load_yaml(path)[0]


def is_spec(path: Path, data) -> bool:
    # *.facts.yaml hold what a real document says (tests/data/real/README.md); some
    # have parties: too, as a list, but are no spec.
    return (isinstance(data, dict) and ("issuer" in data or "parties" in data)
            and not path.name.endswith(".facts.yaml"))


def spec_files() -> list[Path]:
    files = sorted(set((ROOT / "specs").rglob("*.yaml")) | set((ROOT / "tests" / "data").rglob("*.yaml")))
    return [f for f in files if is_spec(f, _read(f))]


def style_files() -> list[Path]:
    """Offices' real style files (overlays of the default)."""
    data = ROOT / "tests" / "data"
    return sorted(set((data / "real" / "styles").glob("*.yaml")) | set((data / "annual").glob("*/style.yaml")))


_SOURCES: dict = {}


def _source(kind: str, source: str):
    """The unmutated data of a source (cached: the test reads each once)."""
    key = (kind, source)
    if key not in _SOURCES:
        if kind == "style" and source.startswith("@"):
            _SOURCES[key] = merge(_read(DEFAULT_STYLE), BASE_OVERLAYS[source[1:]])
        elif source.startswith("@"):
            data = _read(ROOT / EXTRAS[source[1:]][0])
            for path, value in EXTRAS[source[1:]][1]:
                data = apply(data, path, "set", value)
            _SOURCES[key] = data
        else:
            _SOURCES[key] = _read(ROOT / source)
    return _SOURCES[key]


def build(vid: str):
    """The data of a variant, as its file is to hold it."""
    kind, source, path, op, value = split_id(vid)
    data = _source(kind, source)
    mutated = apply(data, path, op, value)
    if not (kind == "style" and source.startswith("@")):
        return mutated
    # A mutation of the default style is written as an overlay holding the base's keys
    # and the changed path (a list is written whole: an overlay replaces lists).
    base = BASE_OVERLAYS[source[1:]]
    if op == "orig":
        return copy.deepcopy(base)
    whole = next((i for i, p in enumerate(path) if isinstance(p, int)), None)
    if whole is not None:
        change = _nest(path[:whole], _get(mutated, path[:whole]))
    elif op in ("set", "add"):
        change = _nest(path, copy.deepcopy(value))
    elif op == "rename":
        change = _nest(path[:-1] + (value,), copy.deepcopy(_get(data, path)))
    else:
        raise ValueError(f"{vid}: a style overlay cannot remove a key of the default")
    return merge(copy.deepcopy(base), change)


def dump(data) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def named_files(data) -> list[str]:
    """Files a spec names relative to its folder (style, logos, attachments, also),
    to be copied beside its variants."""
    if not isinstance(data, dict):
        return []
    out = [data.get("style")]
    parties = data.get("parties")
    out += [p.get("logo") for p in parties.values() if isinstance(p, dict)] if isinstance(parties, dict) else []
    notice = data.get("press_notice") if isinstance(data.get("press_notice"), dict) else {}
    after = notice.get("after") if isinstance(notice.get("after"), dict) else {}
    for items in (notice.get("attachments"), after.get("attachments")):
        out += [a.get("file") for a in items if isinstance(a, dict)] if isinstance(items, list) else []
    out += notice.get("also") if isinstance(notice.get("also"), list) else []
    return [f for f in out if isinstance(f, str) and f]


# ---------------------------------------------------------------------------
# Running the loaders

class Workspace:
    """One folder per source, made once; each variant overwrites its source's file
    (making files in new folders is slow on some machines' /tmp)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.dirs: dict[str, Path] = {}
        self.stamp = 1_700_000_000 * 10**9

    def dir_for(self, kind: str, source: str) -> Path:
        key = f"{kind}|{source}"
        if key not in self.dirs:
            d = self.folder / f"{kind}{len(self.dirs)}"
            d.mkdir(parents=True, exist_ok=True)
            if kind == "spec":
                original = ROOT / (EXTRAS[source[1:]][0] if source.startswith("@") else source)
                for written in named_files(_source(kind, source)):
                    src = (original.parent / written)
                    if src.is_file() and src.resolve().is_relative_to(original.parent.resolve()):
                        dst = d / written
                        dst.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(src, dst)
            self.dirs[key] = d
        return self.dirs[key]

    def write(self, vid: str) -> Path:
        kind, source, *_ = split_id(vid)
        name = {"spec": "variant.yaml", "style": "style.yaml", "sets": "articles.yaml"}[kind]
        path = self.dir_for(kind, source) / name
        path.write_bytes(dump(build(vid)))
        # A new stamp each time: the style and the article sets are cached by (path,
        # mtime, size), and two variants written within a clock tick may share both.
        self.stamp += 1_000_000
        os.utime(path, ns=(self.stamp, self.stamp))
        return path


def run(vid: str, ws: Workspace):
    """The user-facing outcome of loading one variant with the current code."""
    from jpdocs.errors import InputError
    kind = vid.split("|", 1)[0]
    path = ws.write(vid)
    try:
        if kind == "spec":
            from jpdocs.spec.load import load_spec
            loaded = load_spec(path)
            out = {"spec": canonical(loaded.spec), "warnings": [_problem(p) for p in loaded.warnings]}
            if loaded.others:
                out["others"] = [[str(k), canonical(v.spec)] for k, v in loaded.others.items()]
        elif kind == "style":
            from jpdocs.spec.style import load_style
            out = {"style": canonical(load_style(path))}
        else:
            from jpdocs.content.agreement.article_sets import load_sets
            out = {"sets": canonical(load_sets(path))}
        outcome = {"ok": out}
    except InputError as exc:
        outcome = {"problems": [_problem(p) for p in exc.problems]}
    except Exception as exc:     # a crash is an outcome too (and a bug to report)
        outcome = {"crash": f"{type(exc).__name__}: {exc}"}
    return _placeholders(outcome, path.parent)


def _problem(p) -> list:
    return [p.line, p.file, p.key, p.message]


def _placeholders(value, folder: Path):
    """The variant's folder and the checkout's root in words that do not depend on
    where either is."""
    if isinstance(value, str):
        for real, said in ((str(folder.resolve()), "<dir>"), (str(folder), "<dir>"), (str(ROOT), "<root>")):
            value = value.replace(real, said)
        return value
    if isinstance(value, list):
        return [_placeholders(v, folder) for v in value]
    if isinstance(value, dict):
        return {k: _placeholders(v, folder) for k, v in value.items()}
    return value


def canonical(obj):
    """A validated object as plain JSON, every kind of value told apart (True is not
    1, 10.0 is not 10, a date is not its text) and every order kept. A model is read
    only through type(obj).model_fields (its field names), obj.model_fields_set and
    getattr, which a validator of our own provides as pydantic does."""
    fields = getattr(type(obj), "model_fields", None)
    if isinstance(fields, dict):
        return {"model": type(obj).__name__, "set": sorted(obj.model_fields_set),
                "fields": {name: canonical(getattr(obj, name)) for name in fields}}
    if obj is None or isinstance(obj, str) or (isinstance(obj, int) and not isinstance(obj, bool)):
        return obj
    if isinstance(obj, bool):
        return {"bool": obj}
    if isinstance(obj, float):
        return {"float": obj}
    if isinstance(obj, (dt.datetime, dt.date, dt.time)):
        return {type(obj).__name__: obj.isoformat()}
    from jpdocs.japanese import PartialDate
    if isinstance(obj, PartialDate):     # a date given in part: its ISO text and the era it was written in
        return {"PartialDate": obj.isoformat(), "era": obj.era}
    if isinstance(obj, Path):
        return {"path": str(obj)}
    if isinstance(obj, list):
        return [canonical(v) for v in obj]
    if isinstance(obj, tuple):
        return {"tuple": [canonical(v) for v in obj]}
    if isinstance(obj, dict):    # a list of pairs: the order is meaning (parties give 甲, 乙 …)
        return {"dict": [[canonical(k), canonical(v)] for k, v in obj.items()]}
    raise TypeError(f"no canonical form for {type(obj).__name__}: {obj!r}")


# ---------------------------------------------------------------------------
# Golden file: a success is stored as the difference from its source's unmutated
# outcome (most of a spec is the same in all its variants); the rest as it is.

def diff(a, b, path=()) -> list:
    """[[path, value], …] that turn `a` into `b`."""
    if isinstance(a, dict) and isinstance(b, dict) and list(a) == list(b):
        return [d for k in a for d in diff(a[k], b[k], path + (k,))]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i in range(len(a)) for d in diff(a[i], b[i], path + (i,))]
    return [] if _same(a, b) else [[list(path), b]]


def patch(a, changes: list):
    out = copy.deepcopy(a)
    for path, value in changes:
        if not path:
            return copy.deepcopy(value)
        _get(out, path[:-1])[path[-1]] = copy.deepcopy(value)
    return out


def compact(vid: str, outcome: dict, bases: dict) -> dict:
    """The outcome as the golden file stores it (`bases`: id → full outcome)."""
    base = base_of(vid)
    if "ok" in outcome and base != vid and base in bases and "ok" in bases[base]:
        return {"ok_patch": {"base": base, "patch": diff(bases[base]["ok"], outcome["ok"])}}
    return outcome


def expand(stored: dict, golden: dict) -> dict:
    if "ok_patch" in stored:
        base = golden[stored["ok_patch"]["base"]]
        return {"ok": patch(base["ok"], stored["ok_patch"]["patch"])}
    return stored


def base_of(vid: str) -> str:
    """The unmutated variant a success is stored against: its source's (a style's:
    the default's)."""
    kind, source, *_ = split_id(vid)
    if kind == "style":
        return make_id("style", "@default", (), "orig")
    return make_id(kind, source, (), "orig")


def read_golden(path: Path) -> tuple[dict, dict]:
    """(id → full outcome, meta lines) of a golden file."""
    stored, meta = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        vid, outcome = json.loads(line)
        (meta if vid.startswith("#") else stored)[vid] = outcome
    full: dict = {}
    for vid, outcome in stored.items():
        full[vid] = expand(outcome, stored)
    return full, meta


def input_hashes() -> dict:
    """sha256 of every file the variants are made from: a changed input, not the
    validator, may be why an outcome differs."""
    files = spec_files() + style_files() + [DEFAULT_STYLE, ARTICLES]
    return {f.relative_to(ROOT).as_posix(): hashlib.sha256(f.read_bytes()).hexdigest()[:16] for f in sorted(files)}


def error_kind(message: str) -> str | None:
    """The kind of a problem's message, as schema_messages.py and pydantic word it."""
    m = message
    if m.startswith("unknown key") or m.startswith("Extra inputs are not permitted"):
        return "unknown key"
    if m.startswith("this key is required but missing") or m == "Field required":
        return "missing key"
    if m.startswith(("the value is empty", "String should have at least 1 character")):
        return "empty text"
    if m.startswith("must be one of") or m.startswith("Input should be '"):
        return "literal"
    if m.startswith(("expected text", "expected a list", "expected a block", "expected true or false",
                     "expected a number", "expected a whole number", "Input should be a valid")):
        return "wrong type"
    return None


# ---------------------------------------------------------------------------
# Choosing the variants (when recording only: reads the schema's annotations)

def root_models() -> dict:
    from jpdocs.content.agreement.article_sets import StandardSet
    from jpdocs.spec.schema import Spec
    from jpdocs.spec.style import HouseStyle
    return {"spec": Spec, "style": HouseStyle, "sets": dict[str, StandardSet]}


def _is_model(ann) -> bool:
    return isinstance(ann, type) and isinstance(getattr(ann, "model_fields", None), dict)


def _children(ann, part) -> list:
    """(annotation below, (model, field) when `part` is a model's field) for a key
    path's next part under a value of annotation `ann`."""
    origin = get_origin(ann)
    if origin is Annotated:
        return _children(get_args(ann)[0], part)
    if origin in (Union, types.UnionType):
        return [c for a in get_args(ann) for c in _children(a, part)]
    if origin is list and isinstance(part, int):
        return [(get_args(ann)[0], None)]
    if origin is dict and isinstance(part, str):
        return [(get_args(ann)[1], None)]
    if _is_model(ann) and isinstance(part, str):
        for name, info in ann.model_fields.items():
            if (info.alias or name) == part:
                return [(info.annotation, (ann.__name__, name))]
    return []


def _direct_models(ann) -> list:
    """The models a value of annotation `ann` may itself be (through Optional,
    Annotated, a union; not the items of a list or a dict)."""
    if _is_model(ann):
        return [ann]
    if get_origin(ann) is Annotated:
        return _direct_models(get_args(ann)[0])
    if get_origin(ann) in (Union, types.UnionType):
        return [m for a in get_args(ann) for m in _direct_models(a)]
    return []


@lru_cache(maxsize=None)
def slot(kind: str, path: tuple) -> tuple:
    """(model, field, below) of a key path: the field the path ends at (below: ""),
    or the field whose list or dict the path ends inside (below: "[*]"); a key the
    schema does not have is (model, "<unknown>", "")."""
    states = [(root_models()[kind], None, 0)]
    for part in path:
        nxt = []
        for ann, field, depth in states:
            for child, f in _children(ann, part):
                nxt.append((child, f or field, 0 if f else depth + 1))
        if not nxt:
            model = next((m.__name__ for ann, _, _ in states for m in _direct_models(ann)), "?")
            return (model, "<unknown>", "")
        states = nxt
    _, field, depth = states[0]
    return (*(field or ("?", "?")), "" if depth == 0 else "[*]")


@lru_cache(maxsize=None)
def fields_at(kind: str, path: tuple) -> tuple:
    """The keys the model at `path` allows, as written (an alias where there is one)."""
    states = [root_models()[kind]]
    for part in path:
        states = [c for ann in states for c, _ in _children(ann, part)]
    for ann in states:
        for model in _direct_models(ann):
            return tuple(info.alias or name for name, info in model.model_fields.items())
    return ()


def all_fields(kind: str) -> set:
    """Every (model, field) of the models a root reaches."""
    out, seen, todo = set(), set(), [root_models()[kind]]
    while todo:
        ann = todo.pop()
        if _is_model(ann):
            if ann not in seen:
                seen.add(ann)
                for name, info in ann.model_fields.items():
                    out.add((ann.__name__, name))
                    todo.append(info.annotation)
        else:
            todo.extend(get_args(ann))
    return out


def _value_kind(op: str, value) -> str:
    return json.dumps(value, ensure_ascii=False) if op in ("set", "add") else op


def _within(overlay: dict, path: tuple) -> bool:
    """Whether a key path lies in what an overlay writes (a base other than the
    default is mutated where it differs from the default only)."""
    node = overlay
    for part in path:
        if not isinstance(node, dict):
            return True
        if part not in node:
            return False
        node = node[part]
    return bool(path)


def candidates(kind: str, source: str, data, *, dels: bool = True, overlay: dict | None = None) -> list:
    """(id, slot, kind of mutation) of every mutation of one source's data. dels=False:
    no key is removed except inside a list (an overlay cannot remove a default's key)."""
    out = []

    def add(path, op, value=None):
        if overlay is not None and not _within(overlay, path[:-1] if op == "add" else path):
            return
        if op == "add" and path[-1] == UNKNOWN:
            at = (slot(kind, path)[0], "<unknown>", "")
        else:
            at = slot(kind, path)
        out.append((make_id(kind, source, path, op, value), at, _value_kind(op, value)))

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if not _plain_key(key):
                    continue
                p = path + (key,)
                for v in REPLACEMENTS:
                    if not _same(v, value):
                        add(p, "set", v)
                if dels or any(isinstance(x, int) for x in p):
                    add(p, "del")
                if misspelt(key, p) not in node:
                    add(p, "rename", misspelt(key, p))
                walk(value, p)
            if UNKNOWN not in node:      # its value matters only in a dict of the user's keys
                for v in UNKNOWN_VALUES:
                    add(path + (UNKNOWN,), "add", v)
            for f in fields_at(kind, path):
                if f not in node:
                    for v in REPLACEMENTS:
                        add(path + (f,), "add", v)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                for v in REPLACEMENTS:
                    if not _same(v, item):
                        add(path + (i,), "set", v)
                walk(item, path + (i,))

    walk(data, ())
    return out


def select(cands: list, budget: int, salt: str) -> list[str]:
    """A deterministic sample of `budget` ids spread over the slots: round by round
    each slot gives one more of its candidates, preferring kinds of mutation it has
    not given yet (a removed or misspelt key first: their messages have the most
    logic), the rest ranked by sha256."""
    groups = defaultdict(list)
    for vid, at, vkind in cands:
        groups[at].append((_sha(salt, vid), vid, vkind))
    order = sorted(groups)
    for g in order:
        groups[g].sort()
    used = {g: Counter() for g in order}
    chosen: list[str] = []
    while len(chosen) < budget and any(groups.values()):
        for g in order:
            if len(chosen) >= budget:
                break
            if groups[g]:
                best = min(range(len(groups[g])),
                           key=lambda i: (used[g][groups[g][i][2]], groups[g][i][2] not in ("del", "rename"), i))
                _, vid, vkind = groups[g].pop(best)
                used[g][vkind] += 1
                chosen.append(vid)
    return chosen


BUDGETS = {"spec": 2500, "style": 600, "sets": 200}


def all_variants() -> list[str]:
    """The ids to record: the unmutated sources, then each kind's sample."""
    ids = []
    # specs
    spec_cands = []
    for f in spec_files():
        source = f.relative_to(ROOT).as_posix()
        ids.append(make_id("spec", source, (), "orig"))
        spec_cands += candidates("spec", source, _source("spec", source))
    for name, (file, _) in EXTRAS.items():
        if file.startswith("specs/"):
            ids.append(make_id("spec", "@" + name, (), "orig"))
            spec_cands += candidates("spec", "@" + name, _source("spec", "@" + name))
    ids += select(spec_cands, BUDGETS["spec"], "spec")
    # styles: the default and the valid overlays, the offices' own files; mutations of each
    style_cands = []
    for name in BASE_OVERLAYS:
        source = "@" + name
        ids.append(make_id("style", source, (), "orig"))
        style_cands += candidates("style", source, _source("style", source), dels=False,
                                  overlay=None if name == "default" else BASE_OVERLAYS[name])
    for f in style_files():
        source = f.relative_to(ROOT).as_posix()
        ids.append(make_id("style", source, (), "orig"))
        style_cands += candidates("style", source, _source("style", source))
    ids += select(style_cands, BUDGETS["style"], "style")
    # the standard article sets
    sets_cands = []
    for source in (ARTICLES.relative_to(ROOT).as_posix(), "@articles-clauses"):
        ids.append(make_id("sets", source, (), "orig"))
        sets_cands += candidates("sets", source, _source("sets", source))
    ids += select(sets_cands, BUDGETS["sets"], "sets")
    return ids
