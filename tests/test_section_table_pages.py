"""A notice's section table that runs onto a new page (`press_notice.sections[].table`,
fit="rest") repeats its heading row at the top of each page it runs onto, in the PDF
(reportlab's repeatRows) and in the DOCX (the first row a w:tblHeader row, which Word
and LibreOffice repeat).

Built with the real generator on the seed spec with a section holding a table of sixty
rows (two pages and more), and read back: each page's first line of the table is the
heading row, and each row once, in order; the tagged PDF still validates as PDF/UA-1;
the DOCX reopened (the first row a header row, no other) and converted by LibreOffice
(the heading row at the top of each page the table reaches). A short table that fits
its page prints the heading row once.
"""
from __future__ import annotations

import shutil
import subprocess
import zipfile

import pdfplumber
import pytest
from lxml import etree

from conftest import SOFFICE, no_space, run_generate, seed_with_sections
from test_tagged_pdf import validate

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEAD = ["番号", "連携事項"]
ROWS = [[str(i), f"連携事項の第{i}番目、地域の活性化に関すること"] for i in range(1, 61)]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("long-table")
    spec = seed_with_sections(tmp, "long", [{"heading": "【連携事項】", "table": [HEAD, *ROWS]}])
    result = run_generate(spec, "-o", tmp / "out", "--kinds", "press-notice", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return tmp / "out" / "long"


def pages_lines(pdf) -> list[list[str]]:
    with pdfplumber.open(pdf) as doc:
        return [[no_space(line) for line in (page.extract_text() or "").splitlines()] for page in doc.pages]


def table_rows_by_page(pdf) -> list[list[str]]:
    """Each page's lines that are the table's (the heading row, a row of it)."""
    rows = {"".join(HEAD)} | {"".join(r) for r in ROWS}
    return [[line for line in lines if line in rows] for lines in pages_lines(pdf)]


def test_the_pdf_repeats_the_heading_row_on_each_page_the_table_runs_onto(built):
    pages = [p for p in table_rows_by_page(built / "press-notice.pdf") if p]
    assert len(pages) >= 2, pages
    for page in pages:
        assert page[0] == "".join(HEAD), page[:3]
        assert page.count("".join(HEAD)) == 1
    body = [line for page in pages for line in page[1:]]
    assert body == ["".join(r) for r in ROWS]          # every row once, in order


def test_the_tagged_pdf_still_validates(built):
    assert validate(built / "press-notice.pdf") == []


def test_the_docx_marks_the_first_row_a_heading_row_only(built):
    body = etree.fromstring(zipfile.ZipFile(built / "press-notice.docx").read("word/document.xml"))
    table = next(t for t in body.iter(f"{W}tbl")
                 if "".join(x.text or "" for x in t.iter(f"{W}t")).startswith("".join(HEAD)))
    rows = table.findall(f"{W}tr")
    assert len(rows) == 61
    assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows] == [True] + [False] * 60


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_repeats_the_heading_row(built, tmp_path):
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(built / "press-notice.docx")],
                   capture_output=True, timeout=300, check=True, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    pages = [p for p in table_rows_by_page(tmp_path / "press-notice.pdf") if p]
    assert len(pages) >= 2 and all(page[0] == "".join(HEAD) for page in pages), [p[:2] for p in pages]
    assert [line for page in pages for line in page[1:]] == ["".join(r) for r in ROWS]


def test_a_table_that_fits_its_page_prints_the_heading_row_once(tmp_path):
    spec = seed_with_sections(tmp_path, "short", [{"heading": "【連携事項】", "table": [HEAD, *ROWS[:3]]}])
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    lines = [line for page in pages_lines(tmp_path / "out" / "short" / "press-notice.pdf") for line in page]
    assert lines.count("".join(HEAD)) == 1
