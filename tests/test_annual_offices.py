"""An office's name in the annual table (担当課) is never torn inside a unit of the
organisation: a cell's line ends only after a unit (局, 部, 課, 室, 係, 所, センター,
振興局 …), a full-width space or, where the table is shorter for it, the legal form that
opens a unit (国立大学法人 / 愛媛大学社会連携推進機構), as real lists break it, and the
column is at least as wide as its longest unit's words. On the 2023 book of specs/ (オホーツク総合振興局地域創生部地域政策課):
the PDF's glyphs read back by position, the DOCX's cell text and column; and the
plain sheet of an agreement without areas (the PDF's last page)."""
from __future__ import annotations

import os
import shutil
import subprocess

import pdfplumber
import pytest
import yaml
from docx import Document as OpenDocx
from docx.oxml.ns import qn

from conftest import ROOT, SOFFICE, no_space, run_generate
from jpdocs.annual.offices import office_pieces
from test_annual_names import SMALL, lines_of, whole

SPEC = ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml"
OFFICE = "オホーツク総合振興局地域創生部地域政策課"
UNITS = ["オホーツク総合振興局", "地域創生部", "地域政策課"]

# offices as the real cases write them (tests/data/real, specs/), and how lists break them
REAL = {
    OFFICE: UNITS,
    "オホーツク総合振興局地域創生部地域政策課地域振興係": [*UNITS, "地域振興係"],
    "文化庁長官官房政策課": ["文化庁", "長官官房", "政策課"],
    "環境省地球環境局国際連携課国際協力室": ["環境省", "地球環境局", "国際連携課", "国際協力室"],
    "茂原市役所総務部防災対策課": ["茂原市役所", "総務部", "防災対策課"],
    "国立大学法人愛媛大学社会連携推進機構　防災情報研究センター":
        ["国立大学法人愛媛大学社会連携推進機構　", "防災情報研究センター"],
    "中央区役所　総務課（総合企画グループ）": ["中央区役所　", "総務課", "（総合企画グループ）"],
    "スポーツ庁参事官（地域振興担当）付": ["スポーツ庁", "参事官（地域振興担当）付"],
    "林務部信州の木振興課経営普及係": ["林務部", "信州の木振興課", "経営普及係"],
    "十勝西部森林管理署": ["十勝西部森林管理署"],          # 西部 is a place, no unit
    "地域課題対策室": ["地域課題対策室"],                  # 課題 is no 課
    "省エネルギー推進課": ["省エネルギー推進課"],
}


@pytest.mark.parametrize("office", list(REAL))
def test_an_office_is_cut_only_after_its_units_and_joins_back(office):
    assert office_pieces(office) == REAL[office]
    assert "".join(office_pieces(office)) == office


def test_pieces_always_join_back_to_the_text():
    for text in ["部", "課課", "　部　", "（部）課", "総合振興局", "センターセンター", "a部b課"]:
        assert "".join(office_pieces(text)) == text


def book_of(folder, department: str | None = None):
    spec = SPEC
    if department is not None:
        data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
        data["agreement"]["department"] = department
        spec = folder / "office.yaml"
        spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate("annual", "--fiscal-year", "2023", spec, "-o", folder / "out", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return folder / "out"


def table_lines(out) -> list[str]:
    with pdfplumber.open(out / "annual-2023.pdf") as pdf:
        page = pdf.pages[2]                       # i, ii, then the table
        assert {round(c["size"], 1) for c in page.chars if c["text"] == "課"} == {SMALL}
        return lines_of(page)


def office_cell(out):
    table = OpenDocx(out / "annual-2023.docx").tables[-1]
    k = [c.text for c in table.rows[0].cells].index("担当課")
    grid = table._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))
    return table.rows[1].cells[k].text, int(grid[k].get(qn("w:w"))) / 20


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return book_of(tmp_path_factory.mktemp("office"))


def test_the_pdf_never_tears_a_unit_of_the_office(book):
    lines = table_lines(book)
    assert all(whole(unit, lines) for unit in UNITS), lines


def test_the_docx_cell_breaks_only_after_a_unit_and_its_column_holds_the_longest(book):
    cell, width_pt = office_cell(book)
    lines = cell.split("\n")
    assert "".join(lines) == OFFICE and len(lines) > 1, cell
    assert all(any(line == "".join(UNITS[i:j]) for i in range(3) for j in range(i + 1, 4)) for line in lines), cell
    assert width_pt >= len(UNITS[0]) * SMALL + 8, width_pt


# Two offices issuing together, a line each as the spec writes them, the second long
TWO = ["国立大学法人愛媛大学社会連携推進機構　防災情報研究センター", "オホーツク総合振興局地域創生部地域政策課地域振興係"]


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    return book_of(tmp_path_factory.mktemp("two"), "\n".join(TWO))


def test_a_cell_of_two_offices_keeps_the_specs_lines_and_breaks_only_after_units(two):
    """Beside the six 連携事項 of the agreement: 担当課 held 国立大学法人愛媛大学社会連携推進機構
    (19 em) whole, and the areas were torn (地域で活躍する人 / 材の育成, 脱炭素・ゼロカー /
    ボン北海道の推進) on a row of ten lines. A unit is parted after its legal form where the
    table is shorter for it (国立大学法人 / 愛媛大学社会連携推進機構), never inside a word."""
    pieces = [p for office in TWO for p in REAL[office]]
    pieces = [q for p in pieces for q in p.replace("国立大学法人", "国立大学法人　").split("　") if q]
    lines = table_lines(two)
    assert all(whole(no_space(p), lines) for p in pieces), lines
    areas = ["農林水産業の振興", "地域で活躍する人材の育成", "観光振興・地域の魅力発信", "脱炭素・ゼロカーボン北海道の推進",
             "防災・減災に向けた地域づくり", "公共交通の活性化"]
    assert all(whole(area, lines) for area in areas), lines
    cell, _ = office_cell(two)
    cut = cell.split("\n")
    assert "".join(cut) == "".join(TWO) and 2 < len(cut) <= 6, cell
    assert all(line.endswith(("部", "課", "係", "局", "　", "センター", "法人")) for line in cut), cut
    assert cell.startswith("国立大学法人\n愛媛大学社会連携推進機構") and "センター\nオホーツク" in cell, cell    # the spec's line ends there


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_never_tears_a_unit(book, tmp_path):
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(book / "annual-2023.docx")],
                   env=dict(os.environ, HOME=str(tmp_path)), capture_output=True, timeout=300, check=True)
    with pdfplumber.open(tmp_path / "annual-2023.pdf") as pdf:
        lines = [line for page in pdf.pages for line in lines_of(page)]
    assert all(whole(unit, lines) for unit in UNITS), lines


# ---------------------------------------------------------------- the plain sheet of an agreement without areas
# Two offices on one line of the spec, longer than the sheet's value cell: set anywhere,
# the line ended at …総合振興局地域創 / 生部… (the composer's own break).
LONG = "環境省地球環境局国際連携課国際協力室　北海道オホーツク総合振興局地域創生部地域政策課地域振興係"


@pytest.fixture(scope="module")
def plain_sheet(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plain")
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    del data["agreement"]["areas"], data["press_notice"]      # no areas: no overview sheet, the plain one
    data["agreement"]["department"] = LONG
    spec = folder / "plain.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate("annual", "--fiscal-year", "2023", spec, "-o", folder / "out", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(folder / "out" / "annual-2023.pdf") as pdf:
        return lines_of(pdf.pages[-1])


def test_the_plain_sheet_breaks_the_office_only_after_a_unit(plain_sheet):
    at = next(i for i, line in enumerate(plain_sheet) if line.startswith("担当課"))
    cell = [plain_sheet[at].removeprefix("担当課"), plain_sheet[at + 1]]
    assert "".join(cell) == no_space(LONG), plain_sheet        # two lines, nothing lost
    assert all(whole(no_space(p), cell) for p in office_pieces(LONG)), cell
    assert cell[0].endswith("総合振興局"), cell                  # as much as the line holds
