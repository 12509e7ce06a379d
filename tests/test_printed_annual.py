"""The proof-reader's two checks (printed_figures.py, printed_words.py) over the annual
books of the real cases, where a row's facts come from several specs: every figure and
every word of a row is its own spec's (or the book's own: printed_words.BOOK_ROW), never
a neighbour's. The CSV is read row by row; a row's spec is the real spec whose agreement
has its title and its date (several cities signing the same agreement with the same
partner on one day make rows alike: one of those specs must say all of the row).

The PDF and the HTML print the rows and each agreement's sheet in a book of its own:
every figure and word of them is one of the book's specs' (those its rows come from),
its column heads', the book's own words (printed_words.BOOK), the fiscal year's first
and last days (the command line's --fiscal-year), its count of rows and the PDF's page
numbers (the contents' after their leaders …… and the pages' own)."""
from __future__ import annotations

import csv
import datetime as dt
import html
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, needs_poppler, pdf_text, run_generate
from printed_figures import Said, spec_figures, unsaid_figures
from printed_words import BOOK, _agreements, book_row_words, fold, unsaid_words

REAL = ROOT / "tests" / "data" / "real"
SPECS = sorted(p for p in REAL.glob("*.yaml") if not p.name.endswith(".facts.yaml"))
# the years the tests and the build of everything (tools/buildall.sh) make books of
YEARS = (1995, 1997, 2014, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025)
# columns that are the book's numbering or the ISO twins of columns checked
NOT_FACTS = ("№", "締結日（ISO）", "有効期間（ISO）")
# every year's PDF too (2023's builds since the book checks only what it prints against its
# fonts: oita-kenshin-gyokyo-2023's 𠮷 stands in a list of attendees no book prints)
PRINTED_YEARS = YEARS


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def real_specs() -> dict[str, tuple[dict, dict]]:
    found = {}
    for path in SPECS:
        spec = load(path)
        found[path.stem] = (spec, load(REAL / spec["style"]) if spec.get("style") else {})
    return found


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[int, Path]:
    out = tmp_path_factory.mktemp("books")
    made = {}
    for year in YEARS:
        result = run_generate("annual", "--fiscal-year", year, *SPECS, "-o", out / str(year),
                              "--format", "csv,pdf,html" if year in PRINTED_YEARS else "csv")
        assert result.returncode == 0, result.stdout + result.stderr
        made[year] = out / str(year) / f"annual-{year}.csv"
    return made


def title_of(agreement: dict) -> str:
    title = agreement.get("title") or ""
    return fold("".join(title) if isinstance(title, list) else title)


def unsaid_in_row(row: dict, spec: dict, style: dict) -> list:
    text = "\n".join(v for k, v in row.items() if k not in NOT_FACTS)
    figures = unsaid_figures(text, spec_figures(spec, style), len(spec.get("parties") or {}))
    return [f for f, _ in figures] + unsaid_words(text, book_row_words(spec, style))


def owners_of(row: dict, specs: dict) -> list[str]:
    values = list(row.values())
    title, iso = fold(values[3].splitlines()[0]), row["締結日（ISO）"]
    return [k for k, (spec, _) in specs.items()
            if any(str(a.get("signing_date")) == iso and title_of(a) == title for a in _agreements(spec))]


def rows_unsaid(book: Path, specs: dict) -> list:
    """Each row none of whose candidate specs says all of it: (its title, what each left)."""
    faults = []
    rows = list(csv.DictReader(book.open(encoding="utf-8-sig")))
    assert rows, book
    for row in rows:
        values = list(row.values())
        owners = owners_of(row, specs)
        assert owners, (book.name, values[3])
        left = {k: unsaid_in_row(row, *specs[k]) for k in owners}
        if all(left.values()):
            faults.append((values[3], left))
    return faults


@pytest.mark.parametrize("year", YEARS)
def test_every_row_of_the_book_is_its_own_spec_s(year, books, real_specs):
    assert rows_unsaid(books[year], real_specs) == []


def test_a_neighbour_s_fact_in_a_row_is_found(books, real_specs, tmp_path):
    """A row given its neighbour's partner (or a date no spec states) is no one spec's."""
    rows = list(csv.DictReader(books[2018].open(encoding="utf-8-sig")))
    heads = list(rows[0])
    first, second = rows[0], next(r for r in rows if r[heads[4]] != rows[0][heads[4]] and "－" not in r[heads[4]])
    planted = [dict(first, **{heads[4]: second[heads[4]]}),
               dict(first, **{heads[1]: "平成30年４月23日"})]
    book = tmp_path / "planted.csv"
    with book.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=heads)
        writer.writeheader()
        writer.writerows([first] + planted)
    faults = rows_unsaid(book, real_specs)
    assert len(faults) == 2, faults


def book_text(path: Path) -> str:
    """The PDF's text, or the HTML's text between its tags (its style sheet left out)."""
    if path.suffix == ".pdf":
        text = pdf_text(path)
    else:
        page = re.sub(r"(?s)<(style|script)[^>]*>.*?</\1>", "", path.read_text(encoding="utf-8"))
        text = html.unescape(re.sub(r"<[^>]+>", "\n", page))
    # page numbers the book sets: the contents' after its leaders (……… 12)
    return re.sub(r"…+[ \t]*\d+[ \t]*$", "…", text, flags=re.M)


def book_unsaid(book: Path, year: int, specs: dict, kind: str) -> tuple[list, list]:
    rows = list(csv.DictReader(book.open(encoding="utf-8-sig")))
    owners = {k for row in rows for k in owners_of(row, specs)}
    words = {w for k in owners for w in book_row_words(*specs[k])} | {fold(h) for h in rows[0]} | {fold(w) for w in BOOK}
    said = Said(dates={dt.date(year, 4, 1), dt.date(year + 1, 3, 31)})
    for k in owners:
        one = spec_figures(*specs[k])
        said.numbers |= one.numbers
        said.dates |= one.dates
        said.days |= one.days
        said.text += "|" + one.text
    said.days |= {(d.month, d.day) for d in said.dates}
    said.numbers |= {year, year + 1} | {d.year - 2018 for d in said.dates} | {d.year - 1988 for d in said.dates}
    said.text += f"|{len(rows)}件"
    text = book_text(book.with_suffix(kind))
    return [f for f, _ in unsaid_figures(text, said, 2)], unsaid_words(text, sorted(words, key=len, reverse=True))


@needs_poppler
@pytest.mark.parametrize("kind", (".pdf", ".html"))
@pytest.mark.parametrize("year", PRINTED_YEARS)
def test_every_figure_and_word_of_the_book_is_its_specs_or_its_own(year, kind, books, real_specs):
    assert book_unsaid(books[year], year, real_specs, kind) == ([], [])


def test_a_fault_planted_in_the_book_s_html_is_found(books, real_specs, tmp_path):
    """The 2018 book's HTML with an honorific no spec gives and a date no spec states
    planted in it: both found (the CSV beside it names the book's specs)."""
    book = tmp_path / "annual-2018.csv"
    book.write_bytes(books[2018].read_bytes())
    page = books[2018].with_suffix(".html").read_text(encoding="utf-8")
    first = list(csv.DictReader(book.open(encoding="utf-8-sig")))[0]
    partner = list(first.values())[4]
    assert partner in page
    planted = page.replace(partner, partner + "殿（令和元年５月８日）", 1)
    book.with_suffix(".html").write_text(planted, encoding="utf-8")
    figures, words = book_unsaid(book, 2018, real_specs, ".html")
    assert figures == ["令和元年5月8日"] and "殿" in words, (figures, words)
