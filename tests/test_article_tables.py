"""A table inside an article (agreement.document … text: [{text:, table:}]): the forest
or the land an agreement covers, as 都留市's 森林整備協定書 sets it under 第２条
(所在及び地番 | 地目 | 地積 | 備考). Built by the real command line from the made-up
four-party spec of tests/data/witness (not a real case) and read back: the rows after
the paragraph, in the PDF (its heading row tagged TH), the same cells in the DOCX,
and a table that says nothing or has ragged rows refused at its file, line and key."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from docx import Document as OpenDocx

from conftest import no_space, pdf_text, run_generate
from test_agreement import build
from test_tagged_pdf import structure

SPEC = Path(__file__).resolve().parent / "data" / "witness" / "four-parties-witness.yaml"
HEAD = ["所在及び地番", "地目", "地積", "備考"]
ROW = ["みなみ県北山市上谷字山田1234番1地内", "山林", "0.3ha", "別添図面参照"]
LEAD = "この協定の対象とする森林（以下「協定森林」という。）は、次表に掲げるとおりとする。"


def variant(tmp_path: Path, table) -> Path:
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    data["agreement"]["document"]["extra_articles"].insert(1, {"heading": "協定森林", "text": [
        {"text": LEAD, "table": table}, "協定森林の境界は、甲及び丁が現地で確認する。"]})
    path = tmp_path / "forest.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("tables")
    return build(variant(tmp, [HEAD, ROW]), tmp / "out")


def test_the_table_follows_its_paragraph_and_precedes_the_next(built):
    text = no_space(pdf_text(built / "agreement.pdf"))
    assert no_space("第２条（協定森林）" + LEAD + "".join(HEAD) + "".join(ROW)
                    + "２協定森林の境界は、甲及び丁が現地で確認する。第３条（甲の責務）") in text


def test_its_heading_row_is_tagged_as_column_headers(built):
    leaves, elements, _ = structure(built / "agreement.pdf")
    table = next(e for r, e in elements if r == "Table")
    rows = [r.get_object() for r in table["/K"]]
    assert len(rows) == 2
    assert [c.get_object()["/S"] for c in rows[0]["/K"]] == ["/TH"] * 4
    assert [c.get_object()["/S"] for c in rows[1]["/K"]] == ["/TD"] * 4
    assert [t for r, t in leaves if t in HEAD + ROW] == HEAD + ROW


def test_the_docx_holds_the_same_table(built):
    doc = OpenDocx(built / "agreement.docx")
    forest = next(t for t in doc.tables if t.rows[0].cells[0].text == HEAD[0])
    assert [[c.text for c in r.cells] for r in forest.rows] == [HEAD, ROW]


@pytest.mark.parametrize("table, message", [
    ([HEAD], "a table needs its heading row and at least one row under it"),
    ([HEAD, ROW[:3]], "every row of a table has as many cells as its heading row (4)"),
])
def test_a_table_that_cannot_be_printed_is_an_error_at_its_line(tmp_path, table, message):
    spec = variant(tmp_path, table)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    line = next(i for i, text in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "table:" in text)
    assert f"{spec}:{line}: agreement.document.extra_articles[1].text[0].table: {message}" in result.stderr, \
        result.stderr
    assert not (tmp_path / "out" / spec.stem / "agreement.pdf").exists()
