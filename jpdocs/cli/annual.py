"""`annual`: one fiscal year's book of agreements (annual-YEAR.pdf, .docx, .csv, .html;
a module of its own: loaded only when the command runs)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import collector
from ..arguments import Parser, tr
from ..errors import InputError, Problem
from .common import OUTPUT, SPECS, message_line, messages, print_errors, print_os_error


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
    p.add_argument("--as-of", metavar="DATE",
                   help=tr("the day the book is as of (YYYY-MM-DD): it leaves out what came after it and prints"
                           " that day (令和７年３月31日現在); default: the end of the fiscal year, unprinted"))
    p.add_argument("--force", action="store_true",
                   help=tr("replace annual files that jpdocs did not write or that were changed since"
                           " (edited in Word)"))
    return p


def run_annual(argv: list[str]) -> int:
    from ..annual.rows import NoAgreements, annual_files
    from ..annual.book import FORMATS, build_annual
    from ..spec.style import load_style
    from ..japanese import fiscal_year_problem
    args = annual_parser().parse_args(argv)
    collector.resume()              # a year of specs read in one process
    trouble = fiscal_year_problem(args.fiscal_year)
    if trouble:
        print(message_line("error", Problem("--fiscal-year", None, "", trouble)), file=sys.stderr)
        return 1
    as_of = None
    if args.as_of is not None:
        import datetime as dt
        from ..annual.as_of import as_of_problem
        as_of, trouble = as_of_problem(args.as_of, args.fiscal_year, dt.date.today())
        if trouble:
            print(message_line("error", Problem("--as-of", None, "", trouble)), file=sys.stderr)
            return 1
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    wrong = [f for f in formats if f not in FORMATS]
    if wrong or not formats:
        print(message_line("error", Problem("--format", None, "", f"{', '.join(wrong) or 'nothing'} is not a format of"
                                     f" the annual overview; choose from {', '.join(FORMATS)}")), file=sys.stderr)
        return 1
    files: list[Path] = []
    try:
        files, styles = annual_files(args.specs or [SPECS])
        for found in styles:
            print(message_line("note", Problem(str(found), None, "", "a house style, not a spec: not read as an agreement")))
        written, notes = build_annual(files, args.fiscal_year, args.output, load_style(args.style), args.force,
                                      formats, as_of)
        for path in written:
            print(messages().message(f"wrote {path}"))
        for note in notes:
            print(message_line("note", note))
    except InputError as exc:
        print_errors(exc)
        return 1
    except NoAgreements as exc:
        for note in exc.notes:          # why a spec of the year made no row (a form left out)
            print(message_line("note", note))
        print(message_line("error", str(exc)), file=sys.stderr)
        return 1
    except OSError as exc:        # a full disk, a read-only folder, an unreadable input
        print_os_error(exc, inputs=[*files, *args.specs, *([args.style] if args.style else [])], output=args.output)
        return 1
    return 0
