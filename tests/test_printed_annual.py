"""The proof-reader's two checks (printed_figures.py, printed_words.py) over the annual
books of the real cases, where a row's facts come from several specs: every figure and
every word of a row is its own spec's (or the book's own: printed_words.BOOK_ROW), never
a neighbour's. The CSV is read row by row; a row's spec is the real spec whose agreement
has its title and its date (several cities signing the same agreement with the same
partner on one day make rows alike: one of those specs must say all of the row)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_generate
from printed_figures import spec_figures, unsaid_figures
from printed_words import _agreements, book_row_words, fold, unsaid_words

REAL = ROOT / "tests" / "data" / "real"
SPECS = sorted(p for p in REAL.glob("*.yaml") if not p.name.endswith(".facts.yaml"))
# the years the tests and the build of everything (tools/buildall.sh) make books of
YEARS = (2014, 2016, 2017, 2018, 2021, 2022, 2023, 2024, 2025)
# columns that are the book's numbering or the ISO twins of columns checked
NOT_FACTS = ("№", "締結日（ISO）", "有効期間（ISO）")


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
        result = run_generate("annual", "--fiscal-year", year, *SPECS, "-o", out / str(year), "--format", "csv")
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


def rows_unsaid(book: Path, specs: dict) -> list:
    """Each row none of whose candidate specs says all of it: (its title, what each left)."""
    faults = []
    rows = list(csv.DictReader(book.open(encoding="utf-8-sig")))
    assert rows, book
    for row in rows:
        values = list(row.values())
        title, iso = fold(values[3].splitlines()[0]), row["締結日（ISO）"]
        owners = [k for k, (spec, _) in specs.items()
                  if any(str(a.get("signing_date")) == iso and title_of(a) == title for a in _agreements(spec))]
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
