"""The command line: parse arguments, call the package, choose the exit status.

    0  everything built (or checked) cleanly
    1  bad input: a message per problem naming file, line and key; nothing half-written
       (also: an output file that cannot be written — disk full, no permission)
    2  wrong usage
    3  an internal fault of jpdocs (reported without a traceback; JPDOCS_DEBUG=1 shows it)
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from . import collector
from .arguments import Parser, RawFormatter, tr
from .errors import InputError, Problem

# The project's folder, as spec/style.py finds it: not imported from there, as that
# loads and checks the house style, which neither --help nor a build whose specs are
# all unchanged needs.
ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"
OUTPUT = ROOT / "output"

BUILD_HELP = """\
Build Japanese official documents (press notices, agreements …) from YAML event specs.

  python generate.py [SPEC|DIR ...] [-o DIR] [--format pdf,docx] [--style FILE] [--templates DIR]
                     [--force] [--jobs N] [--time-limit S] [--kinds KIND,…] [--copies] [--pdfa] [--final]
  python generate.py check SPEC ... [--style FILE] [--templates DIR] [--final]
  python generate.py sign AGREEMENT.pdf --field 甲 --p12 FILE.p12 [-o FILE] [--certify]
  python generate.py annual --fiscal-year YEAR [SPEC|DIR ...] [-o DIR] [--format pdf,docx,csv,html] [--force]
  python generate.py serve [SPEC_DIR]          (the local app: a form, the pages as you type)
  python generate.py new notice|agreement|both [FILE]    python generate.py schema [FILE]

Specs whose inputs did not change since their last build are skipped (--force
rebuilds); many specs are built in parallel, one process per core.

Commands other than building: check (validate specs, write nothing), sign (sign one
signature field of an agreement into a new file), annual (one fiscal year's book of
agreements). `python generate.py COMMAND --help` explains each.
"""


def _formats(value: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in value.split(",") if p.strip())
    bad = [p for p in parts if p not in ("pdf", "docx")]
    if bad or not parts:
        raise argparse.ArgumentTypeError(f"formats are pdf and docx, comma-separated (got {value!r})")
    return parts


def _kinds(value: str) -> tuple[str, ...]:
    from .build.documents import KINDS, RELEASES
    names = [k.name for k in KINDS] + list(RELEASES)
    parts = tuple(p.strip() for p in value.split(",") if p.strip())
    bad = [p for p in parts if p not in names]
    if bad or not parts:
        raise argparse.ArgumentTypeError(f"document kinds are {', '.join(names)}, comma-separated (got {value!r})")
    return parts


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="generate.py", description=tr(BUILD_HELP), formatter_class=RawFormatter)
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


def _say():
    """The messages in the environment's language (jpdocs/i18n.py: English unless the
    locale is Japanese); a Problem's message is translated when it is printed."""
    from .i18n import for_environment
    return for_environment()


def _line(word: str, problem) -> str:
    """`error: file:line: key: message`, in the environment's language."""
    say = _say()
    return f"{say.label(word)} {say.problem(problem) if isinstance(problem, Problem) else say.message(problem)}"


def _report(exc: InputError) -> None:
    for problem in exc.problems:
        print(_line("error", problem), file=sys.stderr)


def _warn(loaded) -> None:
    for w in loaded.warnings:
        print(_line("warning", w), file=sys.stderr)


def _notes(notes) -> None:
    """What was chosen for the user (standard articles, a term's end): said on
    standard output, once each."""
    for n in dict.fromkeys(notes):
        print(_line("note", n))


def _templates_ok(folder: Path | None) -> bool:
    if folder is not None and not folder.is_dir():
        print(_line("error", f"{folder}: --templates needs a folder of templates"), file=sys.stderr)
        return False
    return True


def run_check(argv: list[str]) -> int:
    """Validate: the spec, its text against the fonts, and the documents composed and
    laid out in memory exactly as the build makes them (so text too long for its page
    is found here too). Nothing is written."""
    from .build.documents import render_spec
    from .output import safe_folder_name
    from .spec.source import dotted
    from .spec.load import load_spec
    args = check_parser().parse_args(argv)
    if not _templates_ok(args.templates):
        return 1
    failed = 0
    for n, path in enumerate(spec_files(args.specs)):
        if n:
            collector.resume()      # more than one spec: their documents' cycles must be collected
        try:
            loaded = load_spec(path)
            _warn(loaded)
            safe_folder_name(loaded.name, loaded.path)
            render_spec(loaded, style_override=args.style, templates=args.templates, final=args.final)
        except InputError as exc:
            _report(exc)
            failed += 1
            continue
        for key, outside in loaded.outside_files():
            print(_line("note", Problem(str(path), loaded.line_of(key), dotted(key),
                                        f"reads {outside}, outside the spec's folder")))
        _notes(loaded.notes)
        print(f"{_say().label('ok')} {path}")
    return 1 if failed else 0


def run_build(argv: list[str]) -> int:
    from .build.batch import run
    args = build_parser().parse_args(argv)
    if not _templates_ok(args.templates):
        return 1
    files = spec_files(args.specs)
    if not files:
        print(_line("error", "no specs found"), file=sys.stderr)
        return 1
    start = time.monotonic()
    extra = {"templates": args.templates, "copies": args.copies, "pdfa": args.pdfa, "kinds": args.kinds,
             "final": args.final}
    limit = {"time_limit": args.time_limit or None} if args.time_limit is not None else {}
    results = run(files, args.output, args.format, args.style, force=args.force, jobs=args.jobs, extra=extra,
                  **limit)
    for res in results["built"] + results["unchanged"]:     # an unchanged spec's warnings still stand
        for w in res.warnings:
            print(_line("warning", w), file=sys.stderr)
        _notes(res.notes)
    counts = ", ".join(f"{k} {len(v)}" for k, v in results.items())
    print(_say().message(f"{counts} ({time.monotonic() - start:.1f} s); output in {args.output}"))
    for res in sorted(results["failed"], key=lambda r: r.spec):
        for problem in res.problems:
            print(_line("error", problem), file=sys.stderr)
    return 1 if results["failed"] else 0


def sign_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="generate.py sign",
        description=tr("Sign one empty signature field of a PDF (an agreement) as an incremental update, into a new"
                       " file; the other fields stay signable. The input is never changed, an existing output never"
                       " overwritten. The key's password comes from --password-file, else the environment variable"
                       " JPDOCS_P12_PASSWORD, else a prompt."))
    p.add_argument("pdf", type=Path, metavar="AGREEMENT.pdf")
    p.add_argument("--field", required=True, metavar="NAME", help=tr("the field to sign: 甲, 乙 …"))
    p.add_argument("--p12", required=True, type=Path, metavar="FILE",
                   help=tr("PKCS#12 file (.p12/.pfx) with key and certificate"))
    p.add_argument("--password-file", type=Path, metavar="FILE", help=tr("file whose first line is the key's password"))
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help=tr("the signed file (default: beside the input, e.g. agreement-signed-甲.pdf)"))
    p.add_argument("--certify", action="store_true",
                   help=tr("certify with the first signature: afterwards only form filling (further signatures)"
                           " is allowed"))
    p.add_argument("--allow-expired", action="store_true",
                   help=tr("sign even with a certificate that has expired or is not yet valid (with a warning)"))
    p.add_argument("--reason", help=tr("reason recorded in the signature (e.g. 協定の締結)"))
    p.add_argument("--location", help=tr("location recorded in the signature"))
    return p


MAX_PASSWORD_FILE = 64 * 1024      # a password is a line; anything bigger is the wrong file


def _password(args) -> bytes | None:
    import getpass
    import os
    if args.password_file:
        from .spec.textfile import read_utf8
        lines = read_utf8(args.password_file, "password file", "--password-file", MAX_PASSWORD_FILE).splitlines()
        return lines[0].encode() if lines else b""
    if "JPDOCS_P12_PASSWORD" in os.environ:
        return os.environ["JPDOCS_P12_PASSWORD"].encode()
    if sys.stdin.isatty():
        return getpass.getpass(_say().message(f"password for {args.p12}: ")).encode() or None
    return None


def run_sign(argv: list[str]) -> int:
    from .pdf.signing import default_output, sign_file
    args = sign_parser().parse_args(argv)
    out = args.output or default_output(args.pdf, args.field)
    try:
        written = sign_file(args.pdf, args.field, args.p12, _password(args), out, certify=args.certify,
                            reason=args.reason, location=args.location, allow_expired=args.allow_expired,
                            warn=lambda message: print(_line("warning", message), file=sys.stderr))
    except InputError as exc:
        _report(exc)
        return 1
    except OSError as exc:        # a full disk, a read-only folder, an unreadable input
        _report_os_error(exc, inputs=[args.pdf, args.p12], output=out)
        return 1
    print(_say().message(f"wrote {written}"))
    return 0


def _report_os_error(exc: OSError, inputs: list[Path], output: Path) -> None:
    """One `error:` line for a file that could not be read or written: an input
    named in the error is one that could not be read; anything else (a write fails
    without naming its file) is the output."""
    from .output import describe
    named = Path(exc.filename) if exc.filename else None
    if named is not None and any(named == p or named.resolve() == Path(p).resolve() for p in inputs):
        what = "folder" if named.is_dir() else "file"
        print(_line("error", Problem(str(named), None, "", f"cannot read the {what}:"
                                     f" {(exc.strerror or str(exc)).lower()}")), file=sys.stderr)
    else:
        print(_line("error", Problem(str(named or output), None, "", f"cannot write: {describe(exc)}")),
              file=sys.stderr)


def annual_parser() -> argparse.ArgumentParser:
    p = Parser(prog="generate.py annual",
               description=tr("The annual overview of one fiscal year's agreements: "
                              "annual-YEAR.pdf, .docx and .csv (and .html)."))
    p.add_argument("--fiscal-year", type=int, required=True, metavar="YEAR",
                   help=tr("the Western year the fiscal year starts in: 2024 = 令和６年度"
                           " (2024-04-01 to 2025-03-31)"))
    p.add_argument("specs", nargs="*", type=Path, metavar="SPEC",
                   help=tr("spec files or folders, searched recursively (default: specs/)"))
    p.add_argument("-o", "--output", type=Path, default=OUTPUT, metavar="DIR",
                   help=tr("output folder (default: output/)"))
    p.add_argument("--style", type=Path, metavar="FILE", help=tr("house style YAML (default: the standard one)"))
    p.add_argument("--format", default="pdf,docx,csv", metavar="pdf,docx,csv,html",
                   help=tr("the files to write (default: pdf,docx,csv); html writes annual-YEAR.html and"
                           " annual-YEAR.fragment.html"))
    p.add_argument("--force", action="store_true",
                   help=tr("replace annual files that jpdocs did not write or that were changed since"
                           " (edited in Word)"))
    return p


def run_annual(argv: list[str]) -> int:
    from .annual.rows import NoAgreements, annual_files
    from .annual.book import FORMATS, build_annual
    from .spec.style import load_style
    from .japanese import fiscal_year_problem
    args = annual_parser().parse_args(argv)
    collector.resume()              # a year of specs read in one process
    trouble = fiscal_year_problem(args.fiscal_year)
    if trouble:
        print(_line("error", Problem("--fiscal-year", None, "", trouble)), file=sys.stderr)
        return 1
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    wrong = [f for f in formats if f not in FORMATS]
    if wrong or not formats:
        print(_line("error", Problem("--format", None, "", f"{', '.join(wrong) or 'nothing'} is not a format of"
                                     f" the annual overview; choose from {', '.join(FORMATS)}")), file=sys.stderr)
        return 1
    files: list[Path] = []
    try:
        files, styles = annual_files(args.specs or [SPECS])
        for found in styles:
            print(_line("note", Problem(str(found), None, "", "a house style, not a spec: not read as an agreement")))
        written, notes = build_annual(files, args.fiscal_year, args.output, load_style(args.style), args.force,
                                      formats)
        for path in written:
            print(_say().message(f"wrote {path}"))
        for note in notes:
            print(_line("note", note))
    except InputError as exc:
        _report(exc)
        return 1
    except NoAgreements as exc:
        print(_line("error", str(exc)), file=sys.stderr)
        return 1
    except OSError as exc:        # a full disk, a read-only folder, an unreadable input
        _report_os_error(exc, inputs=[*files, *args.specs, *([args.style] if args.style else [])], output=args.output)
        return 1
    return 0


def _app_command(name: str):
    """The app's subcommands (serve, new, schema), imported only when asked for."""
    def run(argv: list[str]) -> int:
        collector.resume()          # the app serves for as long as it runs
        from .app import commands
        return getattr(commands, f"run_{name}")(argv)
    return run


COMMANDS = {"check": run_check, "sign": run_sign, "annual": run_annual,
            "serve": _app_command("serve"), "new": _app_command("new"), "schema": _app_command("schema")}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        return run_build(argv)
    except KeyboardInterrupt:
        print(_say().message("interrupted: files already written are complete; nothing is half-written"),
              file=sys.stderr)
        return 130
    except MemoryError:
        print(_line("error", "out of memory (is a spec or a template unusually large?)"), file=sys.stderr)
        return 1
    except Exception as exc:      # a bug in jpdocs, not in the input: say so, without a traceback
        if os.environ.get("JPDOCS_DEBUG"):
            raise
        print(_say().message(f"internal error: {type(exc).__name__}: {exc}\n"
                             "This is a fault in jpdocs, not in your spec. Files already written are complete."
                             " Please report it with the spec (set JPDOCS_DEBUG=1 to see the details)."),
              file=sys.stderr)
        return 3
