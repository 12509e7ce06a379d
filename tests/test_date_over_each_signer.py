"""The date over each signature block (agreement.document.date_line: over_each_signer),
as a text each party dates where it signs sets it: 東京工業大学 and 慶應義塾大学's
学生交流 協定書 (2010, tests/data/real/titech-keio-2010) prints 平成22年12月1日 over
東京工業大学長 and again over 慶應義塾大学長, and no date line under its text.

Each test builds with the real command line and reads the output back: the glyphs'
positions in the PDF (pdfplumber), the DOCX reopened (python-docx)."""
from __future__ import annotations

from pathlib import Path

import docx
import pdfplumber
import pytest

from conftest import ROOT, needs_poppler, run_generate
from test_agreement_wording import error, seed, write

REAL = ROOT / "tests" / "data" / "real"


def built(tmp_path: Path, spec: Path) -> Path:
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx", "--force", "--kinds", "agreement")
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp_path / "out" / spec.stem


def words_on_last_page(pdf: Path) -> list[dict]:
    with pdfplumber.open(pdf) as doc:
        return doc.pages[-1].extract_words(keep_blank_chars=False)


def cells_of_nested_tables(document) -> list[list[str]]:
    """Every row of every table, tables in cells included, as its cells' texts."""
    rows = []

    def walk(tables):
        for table in tables:
            for row in table.rows:
                rows.append([c.text for c in row.cells])
                for cell in row.cells:
                    walk(cell.tables)
    walk(document.tables)
    return rows


def test_the_real_case_dates_each_president_over_his_title_side_by_side(tmp_path):
    folder = built(tmp_path, REAL / "titech-keio-2010.yaml")
    words = words_on_last_page(folder / "agreement.pdf")
    dates = [w for w in words if w["text"] == "平成22年12月1日"]
    titles = {w["text"]: w for w in words if w["text"] in ("東京工業大学長", "慶應義塾大学長")}
    assert len(dates) == 2, [w["text"] for w in words]          # once over each block, no date line besides
    assert len(titles) == 2
    for date, title in zip(sorted(dates, key=lambda w: w["x0"]),
                           (titles["東京工業大学長"], titles["慶應義塾大学長"])):
        assert abs(date["x0"] - title["x0"]) < 0.5           # at the title's margin
        assert 0 < title["top"] - date["top"] < 60            # over it, close by
    assert abs(dates[0]["top"] - dates[1]["top"]) < 0.5        # the two on one line
    rows = cells_of_nested_tables(docx.Document(str(folder / "agreement.docx")))
    over = next(i for i, cells in enumerate(rows) if "東京工業大学長" in cells)
    assert [c for c in rows[over - 1] if c] == ["平成22年12月1日", "平成22年12月1日"]
    assert [c for c in rows[over] if c] == ["東京工業大学長", "慶應義塾大学長"]


@needs_poppler
def test_blocks_in_one_column_each_get_the_date_and_no_date_line_stands_under_the_closing(tmp_path):
    data = seed()
    data["agreement"]["document"]["date_line"] = "over_each_signer"
    folder = built(tmp_path, write(tmp_path, data))
    words = words_on_last_page(folder / "agreement.pdf")
    lines: dict[float, str] = {}
    for w in words:
        lines.setdefault(round(w["top"]), "")
        lines[round(w["top"])] += w["text"]
    texts = [lines[top] for top in sorted(lines)]
    dated = [i for i, t in enumerate(texts) if t == "令和６年２月27日"]
    assert len(dated) == 2, texts                              # one per block, none under the closing
    assert texts[dated[0] + 1].startswith("甲") and texts[dated[1] + 1].startswith("乙"), texts
    closing = next(i for i, t in enumerate(texts) if t.startswith("本協定の締結を証するため"))
    assert dated[0] > closing + 1                               # the closing's last line, then the first block's date


@pytest.mark.parametrize("extra, key, words", [
    ({"signature_blocks": "withheld"}, "agreement.document.date_line", "signature_blocks: withheld prints none"),
    ({"signing_place": "北海道網走市にて"}, "agreement.document.signing_place", "no date line: leave one of them out"),
])
def test_the_date_over_blocks_beside_no_block_or_a_place_line_is_an_error(tmp_path, extra, key, words):
    data = seed()
    data["agreement"]["document"].update(date_line="over_each_signer", **extra)
    message = error(write(tmp_path, data))
    assert key in message and words in message, message


@needs_poppler
def test_a_witness_block_is_dated_as_the_parties_and_the_build_says_so(tmp_path):
    """No real text dates each block and has a witness (立会人). The witness attests the
    signing on its day, so the date over its block is the signing date the spec gives,
    set as over the parties' blocks; the form is the product's choice, named by the
    build's note at date_line."""
    data = seed()
    data["agreement"]["document"]["date_line"] = "over_each_signer"
    data["agreement"]["document"]["witnesses"] = [
        {"name": "みなみ県", "representative": {"title": "みなみ県知事", "name": "南野　五郎"}}]
    data["agreement"]["document"]["closing"] = ("本協定の締結を証するため、本書３通を作成し、甲、乙及び立会人記名押印の上、"
                                                "各自その１通を保有する。")
    spec = write(tmp_path, data)
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf", "--force", "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    assert ("agreement.document.date_line: over_each_signer: no date line is printed under the closing; the date"
            " of signing (令和６年２月27日) stands over each signature block, as each party dated it; the witness's"
            " block (立会人) too") in result.stdout + result.stderr
    words = words_on_last_page(tmp_path / "out" / spec.stem / "agreement.pdf")
    lines: dict[float, str] = {}
    for w in words:
        lines.setdefault(round(w["top"]), "")
        lines[round(w["top"])] += w["text"]
    texts = [lines[top] for top in sorted(lines)]
    dated = [i for i, t in enumerate(texts) if t == "令和６年２月27日"]
    assert len(dated) == 3, texts                              # 甲, 乙 and the witness
    assert [texts[i + 1][:1] for i in dated[:2]] == ["甲", "乙"] and texts[dated[2] + 1].startswith("立会人"), texts
