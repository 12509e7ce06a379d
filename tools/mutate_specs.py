#!/usr/bin/env python3
"""Hostile and clumsy input, by mutation: break the real specs the ways users and
attackers do, run the real generate.py (check, then a build of PDF and DOCX into a
fresh folder) on each broken spec, and classify what happened.

    .venv/bin/python tools/mutate_specs.py --count 2000 --seed 1 --report /tmp/m.jsonl

Each run must end either in a clear refusal (exit 1, `error: FILE:…` naming the
mutated file, nothing left in the output folder) or in a document that prints the
text it was given. Anything else is a finding, kept under --keep for replaying.
Not part of CI (a run of 2,000 takes about an hour on the 2-core machine).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
PYTHON = sys.executable

# A marker the fonts can print and no real spec holds: a scalar replaced by it must be
# printed somewhere (or refused), never silently dropped.
MARK = "変異標識"
JINJA = "{{ '変異' ~ '標識' }}"   # evaluated, it would print 変異標識 with no quotes or tilde
JINJA_LITERAL = re.sub(r"\s+", "", JINJA)

# --- the mutations: each takes (text, rng) and returns (bytes, note) or None ------------

SCALAR = re.compile(r"^(?P<head>\s*(?:- )?[A-Za-z_][\w]*:[ ]+)(?P<value>[^\s#|>&*!\[{][^#\n]*?)(?P<tail>\s*(?:#.*)?)$")
DATE = re.compile(r"^(?P<head>\s*(?:- )?[A-Za-z_]\w*:[ ]+)(?P<value>\d{4}-\d\d-\d\d)(?P<tail>\s*(?:#.*)?)$")
KEYLINE = re.compile(r"^\s*[A-Za-z_]\w*:[ ]+[^\s#|>]")


def _lines(text):
    return text.split("\n")


def _pick(lines, pattern, rng):
    hits = [i for i, line in enumerate(lines) if pattern.match(line)]
    return rng.choice(hits) if hits else None


def _replace_on(pattern, value_of):
    """A mutation putting value_of(rng) → (text, marker) in place of the value of one line
    `pattern` matches (its head and comment kept)."""
    def mutate(text, rng):
        lines = _lines(text)
        i = _pick(lines, pattern, rng)
        if i is None:
            return None
        m = pattern.match(lines[i])
        new, marker = value_of(rng)
        lines[i] = m["head"] + new + m["tail"]
        return "\n".join(lines).encode("utf-8"), {"line": i + 1, "was": m["value"][:60], "marker": marker}
    return mutate


def _replace_scalar(value_of):
    return _replace_on(SCALAR, value_of)


def _replace_date(value):
    return _replace_on(DATE, lambda rng: (value, None))


def _dup_key(text, rng):
    lines = _lines(text)
    i = _pick(lines, KEYLINE, rng)
    if i is None:
        return None
    lines.insert(i + 1, lines[i])
    return "\n".join(lines).encode("utf-8"), {"line": i + 2}


def _alias_reuse(text, rng):
    """An anchor on one scalar and its alias in place of another: plain YAML, legal."""
    lines = _lines(text)
    hits = [i for i, line in enumerate(lines) if SCALAR.match(line)]
    if len(hits) < 2:
        return None
    a, b = sorted(rng.sample(hits, 2))
    ma, mb = SCALAR.match(lines[a]), SCALAR.match(lines[b])
    lines[a] = ma["head"] + "&m " + ma["value"] + ma["tail"]
    lines[b] = mb["head"] + "*m" + mb["tail"]
    return "\n".join(lines).encode("utf-8"), {"line": b + 1}


def _billion_laughs(text, rng):
    bomb = ['lol0: &l0 "lol"'] + [f"lol{n}: &l{n} [" + ", ".join([f"*l{n-1}"] * 9) + "]" for n in range(1, 10)]
    return (("\n".join(bomb) + "\n" + text).encode("utf-8"), {"line": 1})


def _python_tag(text, rng):
    lines = _lines(text)
    i = _pick(lines, SCALAR, rng)
    if i is None:
        return None
    m = SCALAR.match(lines[i])
    lines[i] = m["head"] + "!!python/object/apply:os.system ['touch pwned']" + m["tail"]
    return "\n".join(lines).encode("utf-8"), {"line": i + 1}


def _other_tag(text, rng):
    lines = _lines(text)
    i = _pick(lines, SCALAR, rng)
    if i is None:
        return None
    m = SCALAR.match(lines[i])
    tag = rng.choice(["!!binary", "!!str", "!!set", "!!omap", "!custom", "!!float"])
    lines[i] = m["head"] + tag + " " + m["value"] + m["tail"]
    return "\n".join(lines).encode("utf-8"), {"line": i + 1, "tag": tag}


def _several_docs(text, rng):
    return (text + "\n---\n" + text).encode("utf-8"), {}


def _bom(text, rng):
    return b"\xef\xbb\xbf" + text.encode("utf-8"), {}


def _crlf(text, rng):
    return text.replace("\n", "\r\n").encode("utf-8"), {}


def _tab_indent(text, rng):
    lines = _lines(text)
    hits = [i for i, line in enumerate(lines) if line.startswith("  ") and line.strip() and not line.lstrip().startswith("#")]
    if not hits:
        return None
    i = rng.choice(hits)
    lines[i] = "\t" + lines[i][2:]
    return "\n".join(lines).encode("utf-8"), {"line": i + 1}


def _empty(text, rng):
    return b"", {}


def _binary(text, rng):
    return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000))), {}


def _truncate(text, rng):
    data = text.encode("utf-8")
    return data[: rng.randrange(1, max(2, len(data)))], {}


def _path_key(target):
    def mutate(text, rng):
        lines = _lines(text)
        hits = [i for i, line in enumerate(lines) if re.search(r"\b(style|file): *\S", line)]
        if not hits:
            return None
        i = rng.choice(hits)
        lines[i] = re.sub(r"\b(style|file): *[^,}\s#]+", lambda m: f"{m[1]}: {target}", lines[i], count=1)
        return "\n".join(lines).encode("utf-8"), {"line": i + 1, "target": target}
    return mutate


def _parties(count):
    def mutate(text, rng):
        lines = _lines(text)
        try:
            start = lines.index("parties:")
        except ValueError:
            return None
        end = start + 1
        while end < len(lines) and (lines[end].startswith(" ") or not lines[end].strip()):
            end += 1
        block = lines[start + 1:end]
        firsts = [i for i, line in enumerate(block) if re.match(r"^  [A-Za-z_]\w*:", line)]
        if count == 0:
            new = ["parties: {}"]
        elif count == 1:
            stop = firsts[1] if len(firsts) > 1 else len(block)
            new = ["parties:"] + block[:stop]
        else:
            new = ["parties:"] + block + [f"  mut{n}: {{name: 変異団体{n}}}" for n in range(count - len(firsts))]
        lines[start:end] = new
        return "\n".join(lines).encode("utf-8"), {"line": start + 1, "parties": count}
    return mutate


def _long_list(text, rng):
    lines = _lines(text)
    hits = [i for i, line in enumerate(lines) if re.match(r"^\s*- [^\s\[{#]", line) and not line.rstrip().endswith(":")]
    if not hits:
        return None
    i = rng.choice(hits)
    lines[i + 1:i + 1] = [lines[i]] * 1999
    return "\n".join(lines).encode("utf-8"), {"line": i + 1}


ITEM = re.compile(r"^(?P<head>\s*- )(?P<value>[^\s#\[{&*!|>][^#\n]*?)(?P<tail>\s*(?:#.*)?)$")


def _replace_item(text, rng):
    """A plain list item (an opening's paragraph, a 記 line) made another kind of value."""
    lines = _lines(text)
    hits = [i for i, line in enumerate(lines) if ITEM.match(line) and not re.match(r"^\s*- [A-Za-z_]\w*:", line)]
    if not hits:
        return None
    i = rng.choice(hits)
    m = ITEM.match(lines[i])
    new = rng.choice(["[変異, 標識]", "{変異: 標識}", "12", "true", "null", '"' + "い" * 100_000 + '"',
                      '"' + JINJA + '"', '"変異\\0標識"', '"変異\\u202e標識"', "2024-02-30"])
    lines[i] = m["head"] + new + m["tail"]
    return "\n".join(lines).encode("utf-8"), {"line": i + 1, "was": m["value"][:60], "new": new[:30]}


def _odd_key(text, rng):
    """A key that is no word: a number, a bool, null, a date, a control character, a long one."""
    lines = _lines(text)
    hits = [i for i, line in enumerate(lines) if re.match(r"^\s*[A-Za-z_]\w*:", line)]
    if not hits:
        return None
    i = rng.choice(hits)
    key = rng.choice(["1", "true", "null", "2024-01-01", "1.5", '"a\\0b"', '"\\u202e"', "k" * 5000, "変異"])
    lines[i] = re.sub(r"^(\s*)[A-Za-z_]\w*:", lambda m: m[1] + key + ":", lines[i], count=1)
    return "\n".join(lines).encode("utf-8"), {"line": i + 1, "key": key[:20]}


def _value(v, marker=None):
    return lambda rng: (v, marker)


MUTATIONS = {
    "list": _replace_scalar(_value("[変異, 標識]")),
    "mapping": _replace_scalar(_value("{変異: 標識}")),
    "number": _replace_scalar(lambda rng: (rng.choice(["0", "-1", "3.5", "1e400", "12345678901234567890", ".nan"]), None)),
    "bool": _replace_scalar(lambda rng: (rng.choice(["true", "false", "yes", "no"]), None)),
    "null": _replace_scalar(lambda rng: (rng.choice(["null", "~", ""]), None)),
    "marker": _replace_scalar(_value(MARK, MARK)),
    "huge": _replace_scalar(lambda rng: ('"' + "あ" * 100_000 + '"', None)),
    "control": _replace_scalar(lambda rng: ('"変異\\x' + rng.choice(["01", "07", "1b", "7f", "85"]) + '標識"', None)),
    "surrogate": _replace_scalar(lambda rng: ('"変異\\ud800標識"', None)),
    "bidi": _replace_scalar(lambda rng: ('"変異' + rng.choice(["\\u202e", "\\u200f", "\\u2066", "\\u061c"]) + '標識"', None)),
    "nul": _replace_scalar(_value('"変異\\0標識"')),
    "jinja": _replace_scalar(lambda rng: (rng.choice(['"' + JINJA + '"', '"{% for x in range(3) %}変異{% endfor %}"']), None)),
    "date-impossible": _replace_date("2024-02-30"),
    "date-pre-meiji": _replace_date("1860-01-01"),
    "date-far-future": _replace_date("9999-12-31"),
    "datetime-tz": _replace_date("2024-02-27T10:00:00+09:00"),
    "duplicate-key": _dup_key,
    "alias": _alias_reuse,
    "billion-laughs": _billion_laughs,
    "python-tag": _python_tag,
    "other-tag": _other_tag,
    "several-documents": _several_docs,
    "bom": _bom,
    "crlf": _crlf,
    "tab-indent": _tab_indent,
    "empty": _empty,
    "binary": _binary,
    "truncated": _truncate,
    "path-parent": _path_key("../../../../../../etc/passwd"),
    "path-absolute": _path_key("/etc/passwd"),
    "path-symlink": _path_key("link-out.yaml"),
    "path-device": _path_key("/dev/zero"),
    "parties-0": _parties(0),
    "parties-1": _parties(1),
    "parties-30": _parties(30),
    "list-2000": _long_list,
    "item": _replace_item,
    "odd-key": _odd_key,
}

# --- running and classifying -----------------------------------------------------------


def run(argv, cwd, timeout):
    start = time.monotonic()
    proc = subprocess.Popen([PYTHON, str(ROOT / "generate.py"), *argv], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return None, err.decode("utf-8", "replace"), time.monotonic() - start
    except BaseException:           # stopped (SIGTERM, Ctrl+C): the run in its own session too
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    return proc.returncode, err.decode("utf-8", "replace"), time.monotonic() - start


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


def longest_run(out: Path, ch: str) -> dict[str, int]:
    """Per kind of file, the most of `ch` one output holds (the 100,000 a huge text adds)."""
    most = {"pdf": 0, "docx": 0}
    for p in out.rglob("*.pdf"):
        r = subprocess.run(["pdftotext", "-q", str(p), "-"], capture_output=True)
        most["pdf"] = max(most["pdf"], r.stdout.decode("utf-8", "replace").count(ch))
    for p in out.rglob("*.docx"):
        with zipfile.ZipFile(p) as z:
            most["docx"] = max(most["docx"], sum(z.read(n).decode("utf-8", "replace").count(ch)
                                                 for n in z.namelist() if n.startswith("word/")))
    return most


def printed_text(out: Path) -> str:
    """All the text of the outputs and their properties, whitespace removed (a line break
    may split a marker)."""
    parts = []
    for p in out.rglob("*.pdf"):
        r = subprocess.run(["pdftotext", "-q", str(p), "-"], capture_output=True)
        parts.append(r.stdout.decode("utf-8", "replace"))
    for p in out.rglob("*.docx"):
        with zipfile.ZipFile(p) as z:
            for name in z.namelist():
                if name.startswith(("word/", "docProps/")) and name.endswith(".xml"):   # docProps: the issuer as author
                    parts.append(re.sub(r"<[^>]+>", "", z.read(name).decode("utf-8", "replace")))
    return re.sub(r"\s+", "", "".join(parts))


def classify(name, note, work: Path, spec: Path, timeout: float) -> dict:
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    before = files_under(work)
    check = run(["check", spec.name], work, timeout)
    build = run([spec.name, "-o", "out", "--jobs", "1", "--format", "pdf,docx"], work, timeout)
    after = files_under(work)
    outcome = []
    for what, (code, err, _) in (("check", check), ("build", build)):
        if code is None:
            outcome.append(f"{what}:timeout")
        elif "Traceback" in err or code == 3 or "internal error" in err:
            outcome.append(f"{what}:traceback")
        elif code == 0 and re.search(r"^error:", err, re.M):
            outcome.append(f"{what}:exit0-with-error")
        elif code == 1 and not re.search(rf"^error: {re.escape(spec.name)}(:\d+)?: ", err, re.M):
            outcome.append(f"{what}:unlocated-error")
        elif code not in (0, 1):
            outcome.append(f"{what}:exit{code}")
    if check[0] is not None and build[0] is not None and check[0] != build[0]:
        outcome.append("check-and-build-disagree")
    escaped = sorted(f for f in after - before if not f.startswith("out"))
    if escaped:
        outcome.append("file-outside-output")
    made = [f for f in files_under(out) if f.endswith((".pdf", ".docx"))]
    if build[0] not in (0, None) and made:
        outcome.append("output-after-error")
    if build[0] == 0:
        text = printed_text(out)
        if note.get("marker") and note["marker"] not in text:
            outcome.append("marker-not-printed")
        huge = "あ" if name == "huge" else "い" if note.get("new", "").startswith('"いいい') else None
        if huge:
            # the whole text, in every kind of file that prints it, or none of it (a fact not printed)
            most = longest_run(out, huge)
            # (a document's own text holds a few hundred of either: below 1,000 is not the huge text)
            whole = [n >= 100_000 for n in most.values()]
            if any(1_000 <= n < 100_000 for n in most.values()) or any(whole) != all(whole):
                outcome.append("huge-text-cut")
            note["printed"] = most
        if name == "jinja" and (MARK in text.replace(JINJA_LITERAL, "") or "変異変異" in text):
            outcome.append("jinja-evaluated")
    if not outcome:
        outcome.append("built" if build[0] == 0 else "refused")
    return {"outcome": outcome, "escaped": escaped[:5], "check": [check[0], check[1][-1500:], round(check[2], 2)],
            "build": [build[0], build[1][-1500:], round(build[2], 2)]}


def specs_to_mutate() -> list[Path]:
    real = sorted(p for p in REAL.glob("*.yaml") if not p.name.endswith(".facts.yaml"))
    return real + sorted((ROOT / "specs").glob("*.yaml"))


def prepare(base: Path, spec: Path) -> Path:
    """A folder like the spec's own (its styles and photos), the spec's copy to mutate in it."""
    work = base / ("real" if spec.parent == REAL else "specs")
    if not work.exists():
        shutil.copytree(spec.parent, work)
        for own in work.glob("*.yaml"):       # the specs themselves; their styles and photos stay
            own.unlink()
        (work / "link-out.yaml").symlink_to("/etc/passwd")
    return work


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="the first mutation's number (to resume)")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--only", help="comma-separated mutation names")
    ap.add_argument("--report", type=Path, required=True, help="a JSON line per mutation is appended here")
    ap.add_argument("--keep", type=Path, help="a folder for the mutated specs that found something")
    ap.add_argument("--write-only", action="store_true",
                    help="write the mutated specs (and the folders they need) to --keep, run nothing")
    args = ap.parse_args(argv)
    # SIGTERM (a background run, where SIGINT is ignored) ends it as Ctrl+C does: its folder removed
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    names = args.only.split(",") if args.only else sorted(MUTATIONS)
    specs = specs_to_mutate()
    base = Path(tempfile.mkdtemp(prefix="jpdocs-mutate-"))
    counts: dict[str, int] = {}
    try:
        with args.report.open("a", encoding="utf-8") as report:
            for n in range(args.start, args.start + args.count):
                rng = random.Random(f"{args.seed}:{n}")
                spec = specs[rng.randrange(len(specs))]
                name = names[n % len(names)]
                made = MUTATIONS[name](spec.read_text(encoding="utf-8"), rng)
                if made is None:
                    continue
                data, note = made
                work = prepare(args.keep if args.write_only else base, spec)
                target = \
                    work / ((f"m{n}-" if args.write_only else "m-") + spec.name)
                target.write_bytes(data)
                if args.write_only:
                    continue
                result = classify(name, note, work, target, args.timeout)
                target.unlink()
                row = {"n": n, "spec": spec.name, "mutation": name, "note": note, **result}
                report.write(json.dumps(row, ensure_ascii=False) + "\n")
                report.flush()
                for o in result["outcome"]:
                    counts[o] = counts.get(o, 0) + 1
                if args.keep and result["outcome"][0] not in ("built", "refused"):
                    args.keep.mkdir(parents=True, exist_ok=True)
                    (args.keep / f"{n:05d}-{name}-{spec.name}").write_bytes(data)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(json.dumps(counts, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
