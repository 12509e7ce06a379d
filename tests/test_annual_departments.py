"""担当課 taken from the notice's issuing office only where that office is one unit of
the issuer (annual/departments.py). The proof-reader's audit of the real cases' books:
the 2016 book printed people under 担当課 (研究企画主幹　松崎　慎一郎, 総務課長　大竹　敦:
国立環境研究所 and 国立水俣病総合研究センター issued together, each with its person), the
2021 book the company itself (株式会社　日本旅行, the issuer as a whole). Those rows now
print the column's empty mark and the build names the key to write; the rows whose
issuing office is a unit of the issuer (愛媛大学防災情報研究センター, 水道局給水維持課)
print it as before. Built from the real cases' folder as buildall builds the books, read
back from the CSV, the PDF and the DOCX."""
from __future__ import annotations

import csv
import os

import pytest
from docx import Document as OpenDocx

from conftest import ROOT, no_space, pdf_text, real_case_variant, run_generate

REAL = ROOT / "tests" / "data" / "real"
SPECS = sorted(p for p in REAL.glob("*.yaml") if not p.name.endswith(".facts.yaml"))
NIES = "国立研究開発法人国立環境研究所と環境省国立水俣病総合研究センターとの連携に関する協定"
NTA = "公民協奏パートナーシップ協定"


def real_book(out, fy: int, env=None):
    """The real cases' book of `fy` (every spec of tests/data/real, as buildall gives them)."""
    result = run_generate("annual", "--fiscal-year", fy, *SPECS, "-o", out, "--format", "pdf,docx,csv", env=env)
    assert result.returncode == 0, result.stderr
    with open(out / f"annual-{fy}.csv", encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        title = reader.fieldnames[3]          # 協定名, or 協定等の名称 in a book of several kinds
        rows = {row[title]: row for row in reader}
    return rows, result


def notes_at(result, case: str) -> list[str]:
    return [n for n in result.stdout.splitlines() if f"{case}.yaml" in n and "agreement.department" in n]


def line_of_key(path, key: str) -> int:
    return next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith(key + ":"))


def docx_cells(path, title: str) -> list[str]:
    table = OpenDocx(str(path)).tables[0]
    heads = [c.text for c in table.rows[0].cells]
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        if no_space(cells[2]).startswith(no_space(title)[:12]):     # (№, 締結日, the title)
            return [cells[heads.index("担当課")]]
    raise AssertionError(title)


@pytest.fixture(scope="module")
def book_2016(tmp_path_factory):
    out = tmp_path_factory.mktemp("annual-2016")
    return out, *real_book(out, 2016)


def test_people_issuing_are_no_tantouka(book_2016):
    out, rows, result = book_2016
    assert rows[NIES]["担当課"] == "－"
    assert rows[NIES]["相手方"] == "環境省国立水俣病総合研究センター"
    # neither person is printed anywhere in the book: table, sheet, CSV
    text = no_space(pdf_text(out / "annual-2016.pdf"))
    for person in ("松崎慎一郎", "大竹敦", "研究企画主幹", "総務課長"):
        assert person not in text
        assert person not in no_space((out / "annual-2016.csv").read_text(encoding="utf-8-sig"))
    assert docx_cells(out / "annual-2016.docx", NIES) == ["－"]
    spec = REAL / "nies-minamata-2016.yaml"
    assert notes_at(result, "nies-minamata-2016") == [
        f"note: {spec}:{line_of_key(spec, 'issuing_office')}: agreement.department:"
        " not given; the book's 担当課 is left empty, as the press notice's issuing office is no unit of the"
        " issuer: 国立研究開発法人国立環境研究所　企画部研究推進室　研究企画主幹　松崎　慎一郎 names a person, not an"
        " office; give agreement.department to state the office in charge"]


def test_the_issuer_itself_is_no_tantouka(tmp_path):
    rows, result = real_book(tmp_path, 2021)
    assert rows[NTA]["担当課"] == "－"
    assert docx_cells(tmp_path / "annual-2021.docx", NTA) == ["－"]
    [note] = notes_at(result, "nta-koriyama-2022")
    assert "株式会社　日本旅行 names the issuer as a whole, not a unit of it; give agreement.department" in note


@pytest.mark.parametrize("fy, partner, office", [
    (2022, "国土交通省四国地方整備局", "愛媛大学防災情報研究センター"),
    (2016, "横浜市管工事協同組合", "水道局給水維持課")])
def test_a_unit_of_the_issuer_stays_the_tantouka(tmp_path, fy, partner, office):
    """The rows whose issuing office is a unit of the issuer are as they were, the note too."""
    rows, result = real_book(tmp_path, fy)
    [row] = [r for r in rows.values() if partner in r["相手方"]]
    assert row["担当課"] == office
    assert any(f"the book's 担当課 is the press notice's issuing office ({office})" in n
               for n in result.stdout.splitlines())


def book_of(tmp_path, spec, fy: int):
    result = run_generate("annual", "--fiscal-year", fy, spec, "-o", tmp_path / "out", "--format", "csv")
    assert result.returncode == 0, result.stderr
    with open(tmp_path / "out" / f"annual-{fy}.csv", encoding="utf-8-sig", newline="") as f:
        [row] = list(csv.DictReader(f))
    return row["担当課"], [n for n in result.stdout.splitlines() if "agreement.department" in n]


@pytest.mark.parametrize("office, printed, why", [
    # one line naming a person after the unit: no office's name
    ("国立研究開発法人国立環境研究所　企画部研究推進室　研究企画主幹　松崎　慎一郎", "－", "names a person"),
    # the issuer's unit (its name, then a unit's): printed as written
    ("国立研究開発法人国立環境研究所　企画部研究推進室", "国立研究開発法人国立環境研究所　企画部研究推進室", None),
    # a unit without the issuer's name before it: printed
    ("企画部研究推進室", "企画部研究推進室", None),
    # the partner's office: not the issuer's
    ("環境省国立水俣病総合研究センター　総務課", "－", "names another party (環境省国立水俣病総合研究センター)"),
    # the issuer's name without its legal form is still the issuer as a whole
    ("国立環境研究所", "－", "names the issuer as a whole"),
])
def test_which_issuing_office_is_a_unit_of_the_issuer(tmp_path, office, printed, why):
    spec = real_case_variant(tmp_path, "nies-minamata-2016", "nies.yaml", (
        "  issuing_office:                      # both offices issue it, each with the person issuing\n"
        "    - 国立研究開発法人国立環境研究所　企画部研究推進室　研究企画主幹　松崎　慎一郎\n"
        "    - 環境省国立水俣病総合研究センター　総務課長　大竹　敦\n",
        f"  issuing_office: {office}\n"))
    cell, notes = book_of(tmp_path, spec, 2016)
    assert cell == printed
    [note] = notes
    if why:
        assert f"left empty, as the press notice's issuing office is no unit of the issuer: {office} {why}" in note
    else:
        assert f"the book's 担当課 is the press notice's issuing office ({office})" in note


def test_offices_issuing_together_stand_only_when_each_is_the_issuers(tmp_path):
    two = "    - 国立研究開発法人国立環境研究所　企画部\n    - 国立研究開発法人国立環境研究所　研究推進室\n"
    spec = real_case_variant(tmp_path, "nies-minamata-2016", "nies.yaml", (
        "    - 国立研究開発法人国立環境研究所　企画部研究推進室　研究企画主幹　松崎　慎一郎\n"
        "    - 環境省国立水俣病総合研究センター　総務課長　大竹　敦\n", two))
    cell, _ = book_of(tmp_path, spec, 2016)
    assert cell.splitlines() == ["国立研究開発法人国立環境研究所　企画部", "国立研究開発法人国立環境研究所　研究推進室"]


def test_the_empty_tantouka_note_in_japanese(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env["LANG"] = "ja_JP.UTF-8"
    spec = REAL / "jamstec-yokohama-2017.yaml"
    result = run_generate("annual", "--fiscal-year", 2017, spec, "-o", tmp_path, "--format", "csv", env=env)
    assert result.returncode == 0, result.stderr
    [note] = [n for n in result.stdout.splitlines() if "agreement.department" in n]
    assert ("報道発表の発表者は発行元の部署ではないため、年度一覧の担当課は空欄にしています:"
            " 海洋研究開発機構 は発行元そのものを指し、その部署ではありません。担当する課は agreement.department"
            " で指定してください") in note
