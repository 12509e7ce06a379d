"""Record tests/data/schema-golden.jsonl: what the loaders (load_spec, load_style,
load_sets) make of each variant of the real inputs that tests/schema_variants.py
chooses, with the code as it is.

Run it ONLY when the validated behaviour is meant to change (a new key, a message
reworded on purpose), with code whose behaviour is the one wanted, and read the diff
of the golden file before committing it. Never run it to make
tests/test_schema_golden.py pass after a change that was meant to keep the
behaviour (replacing pydantic by our own validator): that test is the proof that it
was kept.

    python tools/record_schema_golden.py          # writes the file, prints a report
    python tools/record_schema_golden.py --check  # compares only, writes nothing; if it
                                                  # differs, says which variants changed outcome

The choice of variants reads the schema's annotations (model_fields); the test
replays the recorded ids and does not. First recorded with pydantic's models; then,
on purpose, with spec/strict/ where it stopped taking a value for something else
(0 for false, true for a number) and worded the style's and article sets' findings.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import schema_variants as sv  # noqa: E402

GOLDEN = ROOT / "tests" / "data" / "schema-golden.jsonl"


def record() -> tuple[list[str], dict]:
    ids = sv.all_variants()
    outcomes = {}
    with tempfile.TemporaryDirectory(prefix="schema-golden-") as tmp:
        ws = sv.Workspace(Path(tmp))
        for vid in ids:
            outcomes[vid] = sv.run(vid, ws)
    return ids, outcomes


def lines_of(ids: list[str], outcomes: dict) -> list[str]:
    dump = lambda x: json.dumps(x, ensure_ascii=False, separators=(",", ":"))   # noqa: E731
    out = [dump(["#inputs", sv.input_hashes()])]
    out += [dump([vid, sv.compact(vid, outcomes[vid], outcomes)]) for vid in ids]
    return out


def report(ids: list[str], outcomes: dict, size: int) -> None:
    kinds = Counter(vid.split("|", 1)[0] for vid in ids)
    print("variants:", dict(kinds), "total", len(ids))
    for kind in ("spec", "style", "sets"):
        mine = [v for v in ids if v.startswith(kind + "|")]
        results = Counter(next(iter(outcomes[v])) for v in mine)
        errors = Counter(sv.error_kind(p[3]) or "other" for v in mine for p in outcomes[v].get("problems", []))
        fields = sv.all_fields(kind)
        per_field = Counter(sv.slot(kind, sv.split_id(v)[2])[:2] for v in mine if sv.split_id(v)[3] != "orig")
        touched = fields & set(per_field)
        print(f"{kind}: {dict(results)}; problems by kind {dict(errors)}")
        sorts = {}
        for v in mine:
            _, _, path, op, value = sv.split_id(v)
            if op != "orig":
                sorts.setdefault(sv.slot(kind, path)[:2], set()).add(sv._value_kind(op, value))
        print(f"  (model, field) pairs touched: {len(touched)} of {len(fields)};"
              f" variants per touched pair: min {min(per_field[f] for f in touched)},"
              f" median {sorted(per_field[f] for f in touched)[len(touched) // 2]};"
              f" kinds of mutation per pair: min {min(len(sorts[f]) for f in touched)}")
        if fields - touched:
            print("  untouched:", sorted(fields - touched))
    crashes = [(v, outcomes[v]["crash"]) for v in ids if "crash" in outcomes[v]]
    for vid, crash in crashes:
        print("CRASH", vid, crash)
    print(f"golden file: {size:,} bytes")


def explain(recorded: str, now: str) -> None:
    """Why the file differs. The variants are chosen from the inputs (the real cases'
    specs among them), so a case added or edited changes which variants are recorded
    without any change in what the loaders do; what matters is whether a variant that
    both hold has another outcome (its line, the variant's id first)."""
    def by_id(text: str) -> dict[str, str]:
        return {json.loads(line)[0]: line for line in text.splitlines() if line}
    old, new = by_id(recorded), by_id(now)
    both = [vid for vid in old if vid in new and vid != "#inputs"]
    other = [vid for vid in both if old[vid] != new[vid]]
    print(f"  variants in both: {len(both)}, with another outcome: {len(other)};"
          f" new: {len(new.keys() - old.keys())}, gone: {len(old.keys() - new.keys())};"
          f" inputs {'changed' if old.get('#inputs') != new.get('#inputs') else 'the same'}")
    for vid in other[:10]:
        print("  another outcome:", vid)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the golden file; write nothing")
    args = parser.parse_args()
    start = time.perf_counter()
    ids, outcomes = record()
    text = "\n".join(lines_of(ids, outcomes)) + "\n"
    print(f"recorded in {time.perf_counter() - start:.1f} s")
    if args.check:
        same = GOLDEN.exists() and GOLDEN.read_text(encoding="utf-8") == text
        print("golden file", "unchanged" if same else "DIFFERS")
        if not same and GOLDEN.exists():
            explain(GOLDEN.read_text(encoding="utf-8"), text)
        return 0 if same else 1
    GOLDEN.write_text(text, encoding="utf-8")
    report(ids, outcomes, len(text.encode()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
