"""The validation of specs, house styles and standard article sets gives, for each of
some 3,400 variants of the real inputs, exactly the recorded outcome
(tests/data/schema-golden.jsonl): the same problems (line, file, key, message) for
a bad input, the same validated object for a good one. It was the net under the move
from pydantic to a validator of our own (recorded with pydantic, matched by
spec/strict/ before anything changed), and is now the net under any change of what
the loaders accept and say; tests/schema_variants.py rebuilds each variant from its
id, tools/record_schema_golden.py records them (read its warning before running it).
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import schema_variants as sv

GOLDEN = Path(__file__).resolve().parent / "data" / "schema-golden.jsonl"
# At least this many variants of each kind, so that the test cannot pass on an
# emptied or truncated file.
MINIMUM = {"spec": 2400, "style": 550, "sets": 180}
SHOWN = 20


@pytest.fixture(scope="session")
def golden() -> tuple[dict, dict]:
    return sv.read_golden(GOLDEN)


@pytest.fixture(scope="session")
def outcomes(golden, tmp_path_factory) -> dict:
    # One folder for the session; each variant overwrites its source's file in it.
    ws = sv.Workspace(tmp_path_factory.mktemp("schema-golden"))
    return {vid: json.loads(json.dumps(sv.run(vid, ws))) for vid in golden[0]}


def _shown(outcome) -> str:
    text = json.dumps(outcome, ensure_ascii=False)
    return text if len(text) <= 1500 else text[:1500] + " …"


def _mismatch(vid: str, was: dict, now: dict) -> str:
    lines = [f"{vid}\n  mutation: {sv.describe(vid)}"]
    if "ok" in was and "ok" in now:
        # two validated objects: the paths where they differ say more than both dumps
        lines.append("  validated object differs: " + _shown(sv.diff(was["ok"], now["ok"])))
        lines.append("  recorded (at those paths): "
                     + _shown([[p, sv._get(was["ok"], p) if _has(was["ok"], p) else "<absent>"]
                               for p, _ in sv.diff(was["ok"], now["ok"])]))
    else:
        lines.append("  recorded: " + _shown(was))
        lines.append("  now:      " + _shown(now))
    return "\n".join(lines)


def _has(data, path) -> bool:
    try:
        sv._get(data, path)
        return True
    except (KeyError, IndexError, TypeError):
        return False


def test_every_variant_gives_the_recorded_outcome(golden, outcomes):
    recorded, meta = golden
    wrong = [vid for vid in recorded if outcomes[vid] != recorded[vid]]
    if not wrong:
        return
    changed = sorted(k for k, v in sv.input_hashes().items() if meta["#inputs"].get(k) != v)
    head = (f"{len(wrong)} of {len(recorded)} variants differ from tests/data/schema-golden.jsonl"
            + (f"; these inputs changed since recording (a variant made from them differs too): {changed}"
               if changed else ""))
    shown = "\n\n".join(_mismatch(vid, recorded[vid], outcomes[vid]) for vid in wrong[:SHOWN])
    pytest.fail(f"{head}\n\n{shown}" + (f"\n\n… and {len(wrong) - SHOWN} more" if len(wrong) > SHOWN else ""),
                pytrace=False)


def test_the_golden_file_is_no_empty_net(golden):
    recorded, _ = golden
    kinds = Counter(vid.split("|", 1)[0] for vid in recorded)
    for kind, least in MINIMUM.items():
        assert kinds[kind] >= least, f"only {kinds[kind]} {kind} variants recorded"
        results = Counter(next(iter(recorded[v])) for v in recorded if v.startswith(kind + "|"))
        assert results["ok"] >= 20 and results["problems"] >= 100, (kind, results)
    # each kind of error the schema words, told for specs
    told = Counter(sv.error_kind(p[3]) for vid, o in recorded.items() if vid.startswith("spec|")
                   for p in o.get("problems", []))
    for kind in ("unknown key", "missing key", "wrong type", "empty text", "literal"):
        assert told[kind] >= 20, f"only {told[kind]} spec problems of the kind {kind!r}"
    # and of the styles' and the article sets' own wording (pydantic's)
    for source in ("style|", "sets|"):
        told = Counter(sv.error_kind(p[3]) for vid, o in recorded.items() if vid.startswith(source)
                       for p in o.get("problems", []))
        for kind in ("unknown key", "missing key", "wrong type", "literal"):
            assert told[kind] >= 1, f"no {source[:-1]} problem of the kind {kind!r}"


def test_every_id_is_its_own_recipe(golden):
    recorded, _ = golden
    for vid in recorded:
        kind, source, path, op, value = sv.split_id(vid)
        assert sv.make_id(kind, source, path, op, value) == vid


def test_the_canonical_form_needs_only_model_fields_and_model_fields_set():
    # what a validator of our own must offer for the comparison to hold
    import datetime as dt

    class Point:
        model_fields = {"x": None, "when": None, "tags": None}

        def __init__(self):
            self.x, self.when, self.tags = 1.0, dt.date(2024, 2, 27), {"a": True}
            self.model_fields_set = {"x"}

    assert sv.canonical(Point()) == {
        "model": "Point", "set": ["x"],
        "fields": {"x": {"float": 1.0}, "when": {"date": "2024-02-27"}, "tags": {"dict": [["a", {"bool": True}]]}}}
