"""Building (the default command) and check: their arguments, the specs they take,
and what they print. The commands every run may take, so loaded with the command
line; sign and annual are modules of their own, loaded only when they run."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .. import collector
from ..arguments import Parser, RawFormatter, tr
from ..errors import InputError, Problem
from .common import OUTPUT, SPECS, message_line, messages, print_errors, print_notes, print_warnings

# The description of `generate.py --help`: what jpdocs does, a line (or two) of each
# command with every option it takes, then what building does. The commands' lines are
# not translated (they are the same in every language), so an option added to a command
# is added to its line here alone (tests/test_usage_summary.py fails until it is).
BUILD_INTRO = "Build Japanese official documents (press notices, agreements …) from YAML event specs."
COMMAND_LINES = """\
  python generate.py [SPEC|DIR ...] [-o DIR] [--format pdf,docx] [--style FILE] [--templates DIR]
                     [--force] [--jobs N] [--time-limit S] [--kinds KIND,…] [--copies] [--pdfa] [--final]
  python generate.py check SPEC ... [--style FILE] [--templates DIR] [--final]
  python generate.py sign AGREEMENT.pdf --field 甲 --p12 FILE.p12 [--password-file FILE] [-o FILE]
                     [--certify] [--allow-expired] [--reason TEXT] [--location TEXT]
  python generate.py annual --fiscal-year YEAR [SPEC|DIR ...] [-o DIR] [--format pdf,docx,csv,html]
                     [--style FILE] [--as-of DATE] [--force]
  python generate.py serve [SPEC_DIR] [--port N] [--no-browser]
  python generate.py new notice|agreement|both|report [FILE]   python generate.py schema [FILE]"""
BUILD_ABOUT = """\
Specs whose inputs did not change since their last build are skipped (--force
rebuilds); many specs are built in parallel, one process per core.

Commands other than building: check (validate specs, write nothing), sign (sign one
signature field of an agreement into a new file), annual (one fiscal year's book of
agreements), serve (the local app: a form, the pages as you type). `python generate.py
COMMAND --help` explains each.
"""


def _formats(value: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in value.split(",") if p.strip())
    bad = [p for p in parts if p not in ("pdf", "docx")]
    if bad or not parts:
        raise argparse.ArgumentTypeError(f"formats are pdf and docx, comma-separated (got {value!r})")
    return parts


def _kinds(value: str) -> tuple[str, ...]:
    from ..build.kinds import KINDS, RELEASES
    names = [k.name for k in KINDS] + list(RELEASES)
    parts = tuple(p.strip() for p in value.split(",") if p.strip())
    bad = [p for p in parts if p not in names]
    if bad or not parts:
        raise argparse.ArgumentTypeError(f"document kinds are {', '.join(names)}, comma-separated (got {value!r})")
    return parts


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="generate.py", description=f"{tr(BUILD_INTRO)}\n\n{COMMAND_LINES}\n\n{tr(BUILD_ABOUT)}",
               formatter_class=RawFormatter)
    p.add_argument("specs", nargs="*", type=Path, metavar="SPEC",
                   help=tr("spec files (.yaml) or folders of them; default: every spec in specs/"))
    p.add_argument("-o", "--output", type=Path, default=OUTPUT, metavar="DIR",
                   help=tr("output folder; each spec gets DIR/<spec name>/ (default: output/)"))
    p.add_argument("--format", type=_formats, default=("pdf", "docx"), metavar="pdf,docx",
                   help=tr("which files to write (default: pdf,docx)"))
    _common(p)
    p.add_argument("--force", action="store_true",
                   help=tr("rebuild every spec, even those whose inputs have not changed, and replace output"
                           " files that jpdocs did not write or that were changed since"))
    p.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                   help=tr("worker processes (default, and at most: one per core)"))
    p.add_argument("--time-limit", type=_seconds, default=None, metavar="SECONDS",
                   help=tr("seconds one spec may take before it is stopped and reported as failed"
                           " (default: 300; 0: no limit)"))
    p.add_argument("--kinds", type=_kinds, default=None, metavar="KIND,…",
                   help=tr("build only these document kinds: press-notice, overview, agreement, press-notice-after,"
                           " release, release-after (default: every kind the spec has the sections for)"))
    p.add_argument("--copies", action="store_true",
                   help=tr("also write each party's original (agreement-甲.pdf …) and a copy marked 写"))
    p.add_argument("--pdfa", action="store_true", help=tr("write PDF/A-2a (archival, tagged) PDFs"))
    return p


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--style", type=Path, metavar="FILE",
                   help=tr("house style YAML to use instead of the spec's or the default"))
    p.add_argument("--templates", type=Path, metavar="DIR",
                   help=tr("a folder of templates; a file there replaces the bundled one of the same name"))
    p.add_argument("--final", action="store_true",
                   help=tr("the final version: refuse an agreement that is a draft (document.draft) or leaves"
                           " a date or name open"))


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number of at least 1 (got {value!r})")
    return n


def _seconds(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        n = -1
    if not n >= 0 or n == float("inf"):
        raise argparse.ArgumentTypeError(f"--time-limit takes a number of seconds, 0 for no limit (got {value!r})")
    return n


def check_parser() -> argparse.ArgumentParser:
    p = Parser(prog="generate.py check",
               description=tr("Validate specs and report every problem; write nothing."))
    p.add_argument("specs", nargs="+", type=Path, metavar="SPEC", help=tr("spec files or folders"))
    _common(p)
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


def _templates_ok(folder: Path | None) -> bool:
    if folder is not None and not folder.is_dir():
        print(message_line("error", f"{folder}: --templates needs a folder of templates"), file=sys.stderr)
        return False
    return True


def run_check(argv: list[str]) -> int:
    """Validate: the spec, its text against the fonts, and the documents composed and
    laid out in memory exactly as the build makes them (so text too long for its page
    is found here too). Nothing is written."""
    from ..build.documents import render_spec
    from ..output import safe_folder_name
    from ..spec.source import dotted
    from ..spec.load import load_spec
    args = check_parser().parse_args(argv)
    if not _templates_ok(args.templates):
        return 1
    failed = 0
    for n, path in enumerate(spec_files(args.specs)):
        if n:
            collector.resume()      # more than one spec: their documents' cycles must be collected
        try:
            loaded = load_spec(path)
            print_warnings(loaded)               # (before the layout, which may fail)
            said = len(loaded.warnings)
            safe_folder_name(loaded.name, loaded.path)
            render_spec(loaded, style_override=args.style, templates=args.templates, final=args.final)
            for w in loaded.warnings[said:]:    # what the layout found (a user's template leaving text out)
                print(message_line("warning", w), file=sys.stderr)
        except InputError as exc:
            print_errors(exc)
            failed += 1
            continue
        for key, outside in loaded.outside_files():
            print(message_line("note", Problem(str(path), loaded.line_of(key), dotted(key),
                                        f"reads {outside}, outside the spec's folder")))
        print_notes(loaded.notes)
        print(f"{messages().label('ok')} {path}")
    return 1 if failed else 0


def run_build(argv: list[str]) -> int:
    from ..build.batch import run
    args = build_parser().parse_args(argv)
    if not _templates_ok(args.templates):
        return 1
    files = spec_files(args.specs)
    if not files:
        print(message_line("error", "no specs found"), file=sys.stderr)
        return 1
    start = time.monotonic()
    extra = {"templates": args.templates, "copies": args.copies, "pdfa": args.pdfa, "kinds": args.kinds,
             "final": args.final}
    limit = {"time_limit": args.time_limit or None} if args.time_limit is not None else {}
    results = run(files, args.output, args.format, args.style, force=args.force, jobs=args.jobs, extra=extra,
                  **limit)
    # an unchanged spec's warnings still stand; by spec, not in the order the workers ended them
    for res in sorted(results["built"] + results["unchanged"], key=lambda r: r.spec):
        for w in res.warnings:
            print(message_line("warning", w), file=sys.stderr)
        print_notes(res.notes)
    # a spec that makes none of the --kinds asked for is counted apart, never as built
    for res in results.get("gone", []):
        for w in res.warnings:
            print(message_line("warning", w), file=sys.stderr)
    counts = ", ".join(f"{'made nothing' if k == 'nothing' else k} {len(v)}" for k, v in results.items()
                       if k != "gone" and (k != "nothing" or v))
    print(messages().message(f"{counts} ({time.monotonic() - start:.1f} s); output in {args.output}"))
    for res in sorted(results["failed"], key=lambda r: r.spec):
        for problem in res.problems:
            print(message_line("error", problem), file=sys.stderr)
    # which specs made nothing, and why: an error when the run made no document at all
    made_none = not (results["built"] or results["unchanged"])
    for res in sorted(results["nothing"], key=lambda r: r.spec):
        for problem in res.problems:
            print(message_line("error" if made_none else "warning", problem), file=sys.stderr)
    return 1 if results["failed"] or (results["nothing"] and made_none) else 0
