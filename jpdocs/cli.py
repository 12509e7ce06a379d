"""The command line: parse arguments, call the package, choose the exit status.

    0  everything built (or checked) cleanly
    1  bad input: a message per problem naming file, line and key; nothing half-written
    2  wrong usage
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .errors import InputError
from .style import ROOT

SPECS = ROOT / "specs"
OUTPUT = ROOT / "output"

BUILD_HELP = """\
Build Japanese official documents (press notices …) from YAML event specs.

  python generate.py [SPEC|DIR ...] [-o DIR] [--format pdf,docx] [--style FILE] [--force] [--jobs N]
  python generate.py check SPEC ...
  python generate.py annual --fiscal-year YEAR [SPEC|DIR ...] [-o DIR]

Specs whose inputs did not change since their last build are skipped (--force
rebuilds); many specs are built in parallel, one process per core.

Commands other than building: check (validate specs, write nothing).
"""


def _formats(value: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in value.split(",") if p.strip())
    bad = [p for p in parts if p not in ("pdf", "docx")]
    if bad or not parts:
        raise argparse.ArgumentTypeError(f"formats are pdf and docx, comma-separated (got {value!r})")
    return parts


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="generate.py", description=BUILD_HELP,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("specs", nargs="*", type=Path, metavar="SPEC",
                   help="spec files (.yaml) or folders of them; default: every spec in specs/")
    p.add_argument("-o", "--output", type=Path, default=OUTPUT, metavar="DIR",
                   help="output folder; each spec gets DIR/<spec name>/ (default: output/)")
    p.add_argument("--format", type=_formats, default=("pdf", "docx"), metavar="pdf,docx",
                   help="which files to write (default: pdf,docx)")
    p.add_argument("--style", type=Path, metavar="FILE",
                   help="house style YAML to use instead of the spec's or the default")
    p.add_argument("--force", action="store_true",
                   help="rebuild every spec, even those whose inputs have not changed")
    p.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                   help="worker processes (default: one per core)")
    return p


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number of at least 1 (got {value!r})")
    return n


def check_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="generate.py check",
                                description="Validate specs and report every problem; write nothing.")
    p.add_argument("specs", nargs="+", type=Path, metavar="SPEC", help="spec files or folders")
    return p


def spec_files(paths: list[Path]) -> list[Path]:
    """Spec paths from the arguments: files as given, folders expanded to their
    *.yaml / *.yml files in name order."""
    if not paths:
        paths = [SPECS]
    out = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if q.suffix in (".yaml", ".yml") and q.is_file()))
        else:
            out.append(p)
    return out


def _report(exc: InputError) -> None:
    for problem in exc.problems:
        print(f"error: {problem}", file=sys.stderr)


def _warn(loaded) -> None:
    for w in loaded.warnings:
        print(f"warning: {w}", file=sys.stderr)


def run_check(argv: list[str]) -> int:
    from .spec import load_spec
    args = check_parser().parse_args(argv)
    failed = 0
    for path in spec_files(args.specs):
        try:
            loaded = load_spec(path)
        except InputError as exc:
            _report(exc)
            failed += 1
            continue
        _warn(loaded)
        print(f"ok: {path}")
    return 1 if failed else 0


def run_build(argv: list[str]) -> int:
    from .batch import run
    args = build_parser().parse_args(argv)
    files = spec_files(args.specs)
    if not files:
        print("error: no specs found", file=sys.stderr)
        return 1
    start = time.monotonic()
    results = run(files, args.output, args.format, args.style, force=args.force, jobs=args.jobs)
    for res in results["built"]:
        for w in res.warnings:
            print(f"warning: {w}", file=sys.stderr)
    counts = ", ".join(f"{k} {len(v)}" for k, v in results.items())
    print(f"{counts} ({time.monotonic() - start:.1f} s); output in {args.output}")
    for res in sorted(results["failed"], key=lambda r: r.spec):
        for problem in res.problems:
            print(f"error: {problem}", file=sys.stderr)
    return 1 if results["failed"] else 0


def annual_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="generate.py annual",
                                description="The annual overview of one fiscal year's agreements: "
                                            "annual-YEAR.pdf, .docx and .csv.")
    p.add_argument("--fiscal-year", type=int, required=True, metavar="YEAR",
                   help="the Western year the fiscal year starts in: 2024 = 令和６年度 (2024-04-01 to 2025-03-31)")
    p.add_argument("specs", nargs="*", type=Path, metavar="SPEC", help="spec files or folders (default: specs/)")
    p.add_argument("-o", "--output", type=Path, default=OUTPUT, metavar="DIR", help="output folder (default: output/)")
    p.add_argument("--style", type=Path, metavar="FILE", help="house style YAML (default: the standard one)")
    return p


def run_annual(argv: list[str]) -> int:
    from .annual import NoAgreements, build_annual
    from .style import load_style
    args = annual_parser().parse_args(argv)
    files = spec_files(args.specs)
    try:
        for written in build_annual(files, args.fiscal_year, args.output, load_style(args.style)):
            print(f"wrote {written}")
    except InputError as exc:
        _report(exc)
        return 1
    except NoAgreements as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


COMMANDS = {"check": run_check, "annual": run_annual}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        return run_build(argv)
    except KeyboardInterrupt:
        print("interrupted: files already written are complete; nothing is half-written", file=sys.stderr)
        return 130
