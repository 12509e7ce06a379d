"""A partner's name in the annual table (相手方) is never torn across lines: the column
is at least as wide as its longest name where the page has room, and a cell of several
names breaks only between them, or after a full-width space inside a name, where real
lists break a body from its member (国立大学法人北海道国立大学機構／北見工業大学). On the real 北海道オホーツク総合振興局 book, whose
partner is 国立大学法人北海道国立大学機構　北見工業大学 (22 characters): the PDF's
glyphs read back by position, the DOCX's column and LibreOffice's setting of it."""
from __future__ import annotations

import os
import shutil
import subprocess
from collections import defaultdict

import pdfplumber
import pytest
from docx import Document as OpenDocx
from docx.oxml.ns import qn

from conftest import ROOT, SOFFICE, no_space, run_generate

SPEC = ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml"
NAME = "国立大学法人北海道国立大学機構　北見工業大学"
PIECES = NAME.split("　")     # a line may end at the full-width space, nowhere else in the name
SMALL = 9.0          # pt: the house's `small` style, the table's (checked below)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    out = tmp_path_factory.mktemp("okhotsk")
    result = run_generate("annual", "--fiscal-year", "2023", SPEC, "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out


def lines_of(page) -> list[str]:
    """The page's glyphs as lines: grouped by their top, in order of x."""
    rows = defaultdict(list)
    for ch in page.chars:
        rows[round(ch["top"])].append(ch)
    return [no_space("".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"]))) for _, cs in sorted(rows.items())]


def whole(piece: str, lines: list[str]) -> bool:
    return any(piece in line for line in lines)


def test_the_pdf_never_tears_the_partners_name(book):
    with pdfplumber.open(book / "annual-2023.pdf") as pdf:
        page = pdf.pages[2]                       # i, ii, then the table
        sizes = {round(c["size"], 1) for c in page.chars if c["text"] == "国"}
        lines = lines_of(page)
    assert sizes == {SMALL}
    assert all(whole(p, lines) for p in PIECES), lines
    # the 協定名 beside it wraps, but not inside オホーツク (its width is not all taken by 相手方)
    assert not any("北海道オホーツク総合振興局と北見工業大学との包括連携協定" in line for line in lines)
    assert whole("北海道オホーツク", lines), lines


def test_the_docx_column_holds_the_names_pieces_and_its_cell_breaks_only_at_the_space(book):
    doc = OpenDocx(book / "annual-2023.docx")
    table = doc.tables[-1]
    heads = [c.text for c in table.rows[0].cells]
    k = heads.index("相手方")
    cell = table.rows[1].cells[k].text
    lines = cell.split("\n")
    assert "".join(lines) == NAME and all(line == NAME or line.rstrip("　") in PIECES for line in lines), cell
    grid = table._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))
    width_pt = int(grid[k].get(qn("w:w"))) / 20
    longest = max(len(p) for p in PIECES) + 1          # a piece and its space
    assert width_pt >= longest * SMALL + 8, (width_pt, longest * SMALL + 8)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_never_tears_the_name(book, tmp_path):
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(book / "annual-2023.docx")],
                   env=dict(os.environ, HOME=str(tmp_path)), capture_output=True, timeout=300, check=True)
    with pdfplumber.open(tmp_path / "annual-2023.pdf") as pdf:
        lines = [line for page in pdf.pages for line in lines_of(page)]
    assert all(whole(p, lines) for p in PIECES), lines


NAMES = ["特定非営利活動法人クライシスマッパーズ・ジャパン", "ブリティッシュ・コロンビア州　サレー市",
         "河北省人民代表大会常務委員会"]           # partners' names as real cases write them (tests/data/real)


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """The okhotsk agreement with three more partners: a 相手方 of four long names."""
    import yaml
    folder = tmp_path_factory.mktemp("many")
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    for k, name in enumerate(NAMES):
        data["parties"][f"more{k}"] = {"name": name, "representative": {"title": "代表", "name": "某"}}
    (folder / "many.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate("annual", "--fiscal-year", "2023", folder / "many.yaml", "-o", folder / "out",
                          "--format", "pdf,docx,csv")
    assert result.returncode == 0, result.stderr
    return folder / "out"


AREAS = ["農林水産業の振興", "地域で活躍する人材の育成", "観光振興・地域の魅力発信", "脱炭素・ゼロカーボン北海道の推進",
         "防災・減災に向けた地域づくり", "公共交通の活性化"]       # the agreement's 連携事項, each a line


def test_a_cell_of_several_names_breaks_only_between_them_at_a_space_or_after_a_legal_form(many):
    """Four long names beside six 連携事項: held whole, 相手方 took 26 em, the areas were torn
    (地域で活躍する人 / 材の育成, 脱炭素・ゼロカー / ボン北海道の推進) and the row stood on ten
    lines. A name is parted where the table is shorter for it, only at a full-width space or
    after its legal form (特定非営利活動法人 / クライシスマッパーズ・ジャパン); each area whole."""
    names = [NAME, *NAMES]
    with pdfplumber.open(many / "annual-2023.pdf") as pdf:
        lines = lines_of(pdf.pages[2])
    for name in names:
        parts = name.replace("特定非営利活動法人", "特定非営利活動法人　").split("　")
        assert all(whole(no_space(p), lines) for p in parts), (name, lines)
    assert all(whole(area, lines) for area in AREAS), lines
    table = OpenDocx(many / "annual-2023.docx").tables[-1]
    cell = table.rows[1].cells[3].text
    pieces = cell.split("\n")
    assert len(pieces) > 1 and "、".join(names) == "".join(pieces)         # broken, and only after a 、 or a 　
    assert all(piece.endswith(("、", "　", "法人")) for piece in pieces[:-1]), pieces
    assert [ln for ln in table.rows[1].cells[4].text.split("\n")] == AREAS
    assert len(pieces) <= 7
