"""The annual overview: thirty generated specs across three fiscal years, the
boundaries included; the 2024 book holds exactly its agreements, in order."""
from __future__ import annotations

import csv
import datetime as dt
import re
import sys

import pytest
from docx import Document as OpenDocx
from pypdf import PdfReader

from conftest import ROOT, needs_poppler, no_space, pdf_text, run_generate

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402

BOUNDARIES = [dt.date(2024, 3, 31), dt.date(2024, 4, 1), dt.date(2025, 1, 8), dt.date(2025, 3, 31),
              dt.date(2025, 4, 1)]
FILED_OTHERWISE = dt.date(2025, 4, 2)      # signed in FY2025 but filed under 2024 (agreement.fiscal_year)


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("annual")
    dates = BOUNDARIES + [FILED_OTHERWISE] + spread_dates(24, dt.date(2023, 4, 1), 1095, seed=7)
    specs = write_specs(tmp / "specs", dates)
    filed = specs[len(BOUNDARIES)]
    text = filed.read_text(encoding="utf-8")
    filed.write_text(text.replace("  areas:", "  fiscal_year: 2024\n  areas:", 1), encoding="utf-8")
    expected = sorted((d, s) for d, s in zip(dates, specs)
                      if dt.date(2024, 4, 1) <= d <= dt.date(2025, 3, 31) or s == filed)
    result = run_generate("annual", "--fiscal-year", "2024", tmp / "specs", "-o", tmp / "out")
    assert result.returncode == 0, result.stderr
    titles = [title_of(s) for _, s in expected]
    return tmp / "out", expected, titles


def title_of(spec) -> str:
    for line in spec.read_text(encoding="utf-8").splitlines():
        if line.startswith("  title: "):
            return line.split(": ", 1)[1]
    raise AssertionError(spec)


def outline(reader):
    out = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title, reader.get_destination_page_number(item)))
    walk(reader.outline, 0)
    return out


def test_exactly_the_years_agreements_in_signing_order(year):
    out, expected, titles = year
    in_book = {d for d, _ in expected}
    assert {dt.date(2024, 4, 1), dt.date(2025, 1, 8), dt.date(2025, 3, 31), FILED_OTHERWISE} <= in_book
    assert not {dt.date(2024, 3, 31), dt.date(2025, 4, 1)} & in_book
    with open(out / "annual-2024.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["№", "締結日", "締結日（ISO）", "協定名", "相手方", "連携事項", "担当課", "有効期間",
                       "有効期間（ISO）"]
    assert [r[3] for r in rows[1:]] == titles
    assert [r[2] for r in rows[1:]] == sorted(r[2] for r in rows[1:])     # ISO dates: the CSV sorts
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, len(titles) + 1)]
    assert "令和７年１月８日" in [r[1] for r in rows[1:]]      # 2025-01-08 is 令和６年度
    assert "令和６年３月31日" not in [r[1] for r in rows[1:]]


def test_one_bookmark_per_agreement_in_order(year):
    out, expected, titles = year
    reader = PdfReader(out / "annual-2024.pdf")
    entries = outline(reader)
    agreements = [(title, page) for level, title, page in entries if level == 1]
    assert len(agreements) == len(titles)
    assert all(t in title for (title, _), t in zip(agreements, titles))
    pages = [p for _, p in agreements]
    assert pages == sorted(pages) and len(set(pages)) == len(pages)
    assert [t for level, t, _ in entries if level == 0] == ["表紙", "目次", "締結状況一覧", "各協定の概要"]


def test_pdf_is_one_document_with_labels_metadata_and_lang(year):
    out, _, titles = year
    path = out / "annual-2024.pdf"
    reader = PdfReader(path)
    assert reader.page_labels[:3] == ["i", "ii", "1"]
    assert reader.metadata.title == "令和６年度　連携協定締結状況"
    assert reader.metadata.author == "北海道オホーツク総合振興局"
    assert reader.trailer["/Root"]["/Lang"] == "ja-JP"
    assert path.stat().st_size < 400_000                       # fonts embedded once, not per sheet
    landscape = [pg for pg in reader.pages if pg.mediabox.width > pg.mediabox.height]
    # the summary table's pages repeat its column heads; the rest are the sheets
    sheets = [pg for pg in landscape if len(set(re.findall(r"協定名|有効期間", pg.extract_text()))) < 2]
    assert len(sheets) == len(titles)
    assert len(landscape) > len(sheets)                        # the summary table is set landscape too
    links = [a for page in reader.pages[:2] for a in (page.get("/Annots") or [])]
    assert len(links) >= len(titles)                          # the contents link to the sheets


@needs_poppler
def test_csv_rows_equal_the_summary_table_in_docx_and_pdf(year):
    out, _, _ = year
    with open(out / "annual-2024.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert (out / "annual-2024.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    printed = [[c for c, head in zip(r, rows[0]) if not head.endswith("（ISO）")] for r in rows]
    table = OpenDocx(out / "annual-2024.docx").tables[0]
    assert [[c.text for c in r.cells] for r in table.rows] == printed
    rows = printed
    text = no_space(pdf_text(out / "annual-2024.pdf"))
    for row in rows[1:]:
        for cell in row[1:]:
            assert no_space(cell) in text, cell


def test_a_year_without_agreements_says_so_and_writes_nothing(year, tmp_path):
    out, expected, _ = year
    specs = expected[0][1].parent
    result = run_generate("annual", "--fiscal-year", "2030", specs, "-o", tmp_path / "none")
    assert result.returncode == 1
    assert "no agreement of 令和12年度" in result.stderr
    assert not (tmp_path / "none").exists()
