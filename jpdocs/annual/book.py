"""The annual overview's files, written all or none: the top of the package, above
the rows, blocks, CSV, HTML (the modules beside it) and pdf.py, which import only downwards."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.pagesizes import A4

from .columns import department_notes, validity
from .glyphs import check_book_glyphs
from .sides import issuer_notes, side_notes
from .kinds import book_style, book_words, kind_notes
from .rows import select
from .blocks import docx_document
from .spreadsheet import csv_bytes
from .web import html_fragment, html_page, prose_problems
from .pdf import render_annual_pdf
from ..build.kinds import folders
from ..build.wording_keys import check_wording_keys
from .. import japanese
from ..errors import InputError, Problem
from ..output import write_outputs
from ..spec.style import HouseStyle
from ..writers.docx import render_docx
from ..writers.geometry import text_margins

FORMATS = ("pdf", "docx", "csv", "html")
DEFAULT_FORMATS = ("pdf", "docx", "csv")


def _year_name_notes(fy: int) -> list[Problem]:
    """A fiscal year in which the era changed is named by the era of its 31 December
    (japanese.fiscal_year_label: FY2019 令和元年度, though it began on 平成31年４月１日):
    a name chosen for the user, so the build says so."""
    eras = japanese.fiscal_year_eras(fy)
    if eras is None:
        return []
    return [Problem("--fiscal-year", None, "", f"the book is titled {japanese.fiscal_year_label(fy)}: the fiscal year"
                    f" began in {eras[0]} and ended in {eras[1]}, and is named by the era of its 31 December,"
                    " as the government named the year begun on 平成31年４月１日 令和元年度")]


def build_annual(paths: list[Path], fy: int, out: Path, style: HouseStyle, force: bool = False,
                 formats: tuple[str, ...] = DEFAULT_FORMATS,
                 as_of: dt.date | None = None) -> tuple[list[Path], list[Problem]]:
    """Write the files of `formats`, all or none; return their paths and the notes on
    what the book states that was chosen for the user (a term's end no spec gave). As
    with a build (output.write_outputs), a file jpdocs did not write or that was
    changed since (the DOCX edited in Word) is not replaced without `force`. The book
    shows what stood on `as_of` and says so, else at the year's end, unsaid (as_of.py)."""
    check_wording_keys(style, folders(None))    # (the book has bundled templates only)
    forms: list[Problem] = []          # the year's forms (雛形), left out: a note each
    rows = select(paths, fy, style, forms, as_of)
    # The prose list is the book's web form (annual.web: prose): a line of it with a hole
    # or a guess is a fault of the spec whichever files this run writes, as any other
    # fault of a spec stops the whole book (the HTML alone prints it: web.py)
    if problems := prose_problems(rows, style):
        raise InputError(problems)
    style = book_style(style, book_words(rows))     # 盟約名 for a book of 盟約書 (kinds.py)
    check_book_glyphs(rows, style)                  # (the sheets' own: pdf.sheet_document)
    # (every agreement's page has its term and its 担当課)
    notes = forms + [note for row in rows for note in side_notes(row.loaded) + issuer_notes(row.loaded, style)
             + validity(row.loaded, style).notes
             + department_notes(row.loaded) + kind_notes(row.loaded)] + _year_name_notes(fy)
    files: dict[str, bytes] = {}
    if "pdf" in formats:
        files[f"annual-{fy}.pdf"] = render_annual_pdf(fy, rows, style, as_of)
    if "docx" in formats:
        # the summary table is set on the DOCX's landscape pages: its columns are sized
        # for their text width (as the PDF sizes them for its landscape frame)
        text = text_margins(style, "annual")
        width = A4[1] - text["left"] - text["right"]
        files[f"annual-{fy}.docx"] = render_docx(docx_document(fy, rows, style, width, as_of), style)
    if "csv" in formats:
        files[f"annual-{fy}.csv"] = csv_bytes(rows, style)
    if "html" in formats:
        files[f"annual-{fy}.html"] = html_page(fy, rows, style, as_of).encode("utf-8")
        files[f"annual-{fy}.fragment.html"] = html_fragment(fy, rows, style, as_of).encode("utf-8")
    # The output folder is the one the user named: it may be a link.
    return write_outputs(Path(out), files, force, follow_link=True), notes
