"""A table in a notice's own section (`press_notice.sections[].table`): the rows of a
table the notice prints (連携事項 numbered in a column of their own), the first row
heading the columns.

Built with the real generator on the seed spec with a section holding a paragraph and
a table, and read back: the PDF's rows in order under the paragraph, each row's cells
side by side, the first column as wide as its widest line, the rules drawn round
every cell; the tagged PDF's Table with the heading row's cells as column headers
(TH), validating as PDF/UA-1; the DOCX reopened (the same cells, the first row a
heading row) and converted by LibreOffice. A table that says nothing or has a hole
(a heading row alone, rows of different widths, a blank cell) is an error at file,
line and key with nothing written.
"""
from __future__ import annotations

import re
import shutil
import subprocess

import docx
import pdfplumber
import pytest

from conftest import SOFFICE, needs_poppler, no_space, pdf_text, run_generate, seed_with_sections
from test_tagged_pdf import structure, validate

TABLE = [["番号", "連携事項"],
         ["１", "地産地消の推進、県産品の販売促進等"],
         ["２", "子育ての支援および青少年の健全育成"],
         ["10", "その他地域社会の活性化および県民サービスの向上に関すること、並びに両者が必要と認める事項"]]
LEAD = "次の分野で、力を合わせて地域の活性化に取り組みます。"


def table_spec(tmp_path, table=TABLE, paragraphs=(LEAD,)):
    section = {"heading": "【連携事項】"}
    if paragraphs:
        section["paragraphs"] = list(paragraphs)
    section["table"] = table
    return seed_with_sections(tmp_path, "table", [section])


def build(spec, out):
    return run_generate(spec, "-o", out, "--kinds", "press-notice", "--format", "pdf,docx")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("section-table")
    result = build(table_spec(tmp), tmp / "out")
    assert result.returncode == 0, result.stderr
    return tmp / "out" / "table"


def _row_lines(page) -> list[str]:
    """The page's lines as a reader sees them, without spaces."""
    return [no_space(line) for line in (page.extract_text() or "").splitlines()]


@needs_poppler
def test_the_rows_under_the_paragraph_each_row_s_cells_side_by_side(built):
    with pdfplumber.open(built / "press-notice.pdf") as doc:
        # the lines of every page, the page numbers (－１－) left out: the table may run on
        lines = [line for page in doc.pages for line in _row_lines(page) if not re.fullmatch(r"[-－].*[-－]", line)]
        at = lines.index(no_space(LEAD))
        assert lines[at + 1:at + 4] == ["番号連携事項", "１地産地消の推進、県産品の販売促進等", "２子育ての支援および青少年の健全育成"]
        # the last row's long cell wraps inside its column; its number stands on its first line
        after = lines[at + 4:]
        if after[0] == "番号連携事項":     # the row runs onto the next page: the heading row repeated
            after = after[1:]               # at its top (tests/test_section_table_pages.py)
        assert after[0].startswith("10その他地域社会の活性化"), after[:2]
        page = next(p for p in doc.pages if "番号" in (p.extract_text() or ""))
        words = page.extract_words()
        number = next(w for w in words if w["text"] == "番号")
        first = next(w for w in words if w["text"].startswith("地産地消"))
        one = next(w for w in words if w["text"] == "１" and abs(w["top"] - first["top"]) < 2)
        # the first column is as wide as its widest line (番号), not half the table
        assert 20 < first["x0"] - one["x0"] < 50, (one, first)
        # the rules: a horizontal line above and below each of the rows on this page
        rows_here = sum(1 for w in words if w["top"] >= number["top"] - 1 and abs(w["x0"] - first["x0"]) < 1)
        rules = {round(e["top"]) for e in page.edges if e["orientation"] == "h" and e["top"] > number["top"] - 20}
        assert len(rules) >= rows_here + 1, (rules, rows_here)
        # ruled at the sides too: vertical rules at the table's edges and between the columns
        columns = {round(e["x0"]) for e in page.edges if e["orientation"] == "v" and e["top"] > number["top"] - 20}
        assert len(columns) >= 3, columns
    text = no_space(pdf_text(built / "press-notice.pdf"))
    assert "【連携事項】" in text


def test_the_heading_row_is_column_headers_and_the_pdf_validates(built):
    pdf = built / "press-notice.pdf"
    assert validate(pdf) == []
    leaves, elements, _ = structure(pdf)
    # the heading row's two cells head their columns (the contact boxes' labels head rows)
    heads = [e for role, e in elements if role == "TH" and str(e.get("/A", {}).get("/Scope")) == "/Column"]
    assert len(heads) == 2
    text = [no_space(t) for _, t in leaves]
    assert "番号" in text and "地産地消の推進、県産品の販売促進等" in text


def test_the_docx_has_the_table_cell_for_cell(built):
    d = docx.Document(str(built / "press-notice.docx"))
    tables = [t for t in d.tables if t.rows and t.rows[0].cells[0].text == "番号"]
    assert len(tables) == 1
    assert [[c.text for c in row.cells] for row in tables[0].rows] == TABLE


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_sets_the_docx_table_as_the_pdf(built, tmp_path):
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(built / "press-notice.docx")],
                   capture_output=True, timeout=300, check=True, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    with pdfplumber.open(tmp_path / "press-notice.pdf") as doc:
        lines = [line for page in doc.pages for line in _row_lines(page)]
    at = lines.index("番号連携事項")
    assert lines[at + 1:at + 3] == ["１地産地消の推進、県産品の販売促進等", "２子育ての支援および青少年の健全育成"]


def test_a_section_with_a_table_alone_builds(tmp_path):
    result = build(table_spec(tmp_path, paragraphs=()), tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "番号連携事項" in no_space(pdf_text(tmp_path / "out" / "table" / "press-notice.pdf"))


def _line(spec, fragment: str) -> int:
    return next(n for n, text in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if fragment in text)


@pytest.mark.parametrize("table, fragment, key, message", [
    ([["番号", "連携事項"]], "table:", "press_notice.sections[0].table",
     "a table needs its heading row and a row under it, one at least"),
    ([["番号", "連携事項"], ["１", "地産地消の推進", "（令和６年度から）"]], "table:", "press_notice.sections[0].table",
     "every row of a table has the same number of cells; these have 2, 3"),
    ([["番号", "連携事項"], ["１", "　"]], "- 　", "press_notice.sections[0].table[1][1]",
     "a cell of the table is blank: write what it says"),
    ([["番号", "連携事項"], []], "- []", "press_notice.sections[0].table[1]", "a row of a table needs its cells"),
])
def test_a_table_with_a_hole_is_an_error_at_its_key(tmp_path, table, fragment, key, message):
    spec = table_spec(tmp_path, table=table)
    result = build(spec, tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert f"{spec}:{_line(spec, fragment)}: {key}: " in result.stderr, result.stderr
    assert message in result.stderr, result.stderr
    assert not (tmp_path / "out" / "table").exists() or not any((tmp_path / "out" / "table").iterdir())


def test_a_number_in_a_cell_must_be_quoted(tmp_path):
    """A cell is text kept as written: 10 unquoted is a number YAML would read as 10,
    so it is refused with the way to keep it (the page's "10", or ０１ as written)."""
    spec = table_spec(tmp_path)
    spec.write_text(spec.read_text(encoding="utf-8").replace("- '10'", "- 10"), encoding="utf-8")
    result = build(spec, tmp_path / "out")
    assert result.returncode == 1
    assert "press_notice.sections[0].table[3][0]: expected text, got the number 10" in result.stderr, result.stderr
