"""A 変更協定 in the form offices write one — a 定住自立圏形成協定, a 連携協約 or a 事務委託's
付属協定 amended by the parties: no article; a first paragraph that defines 甲, 乙 and 丙 and
names the agreement it changes by its date (…が平成31年３月28日に締結した…協定の一部を次のように
変更する。); the changes, a line each (第３条第１項中「…」を「…」に改める。 / 第５条を削る。); a 附則
with the day it takes effect; three parties' blocks and a witness's (立会人). Every piece is a key
the format has (document.prose, supplementary, block_labels, witnesses, agreement.amends); no
real text of this form is stored yet (tests/data/real/README.md), so the spec is written for the
tests: tests/data/amending/three-parties-amendment.yaml, every name made up. Built by the real
command line and read back from the PDF (line by line, as a reader sees them, the quoted words
unfolded) and from the DOCX; the annual book's 原協定 is held to the date the prose gives it."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from conftest import ROOT, run_generate
from glyphs import page_rows

SPEC = ROOT / "tests" / "data" / "amending" / "three-parties-amendment.yaml"
CHANGE = "第３条第１項中「平成31年度」を「令和６年度」に、「3年間」を「５年間」に改める。"
EFFECT = "この協定は、令和６年４月１日から効力を生ずる。"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("amending")
    result = run_generate(SPEC, "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / SPEC.stem


def _lines(pdf: Path) -> list[str]:
    """Each line of the first page as a reader sees it: its glyphs as drawn, nothing folded."""
    return ["".join(c["text"] for c in row) for row in page_rows(pdf, 0)]


def test_the_changes_the_supplementary_and_the_four_blocks_stand_in_the_texts_order(built):
    lines = _lines(built / "agreement.pdf")
    assert lines[0] == "甲地域定住自立圏形成協定の一部を変更する協定書"
    at = lines.index(CHANGE)                                 # the quoted words as written, a line
    assert "".join(lines[1:at]).endswith("平成31年３月28日に締結した甲地域定住自立圏形成協定の一部を次のように変更する。")
    assert lines[at + 1:at + 4] == ["第５条を削る。", "附則", EFFECT]
    assert "".join(lines[at + 4:at + 6]) == ("この協定の締結を証するため、本書４通を作成し、甲、乙、丙及び立会人が"
                                            "記名押印の上、各自その１通を保有する。")
    assert lines[at + 6] == "令和６年３月25日"
    blocks = [line for line in lines[at + 7:] if line.startswith(("甲甲県", "乙甲県", "丙甲県", "立会人"))]
    assert blocks == ["甲甲県甲市本町１番１号", "乙甲県乙郡乙町大字乙２番地", "丙甲県丙郡丙村大字丙３番地",
                      "立会人甲県知事"]
    assert lines.count("印") == 4                           # the closing asks each, the witness too, to seal


def test_the_docx_has_the_same_paragraphs_in_order(built):
    doc = Document(built / "agreement.docx")
    paras = [Paragraph(p, doc).text for p in doc.element.body.iter(qn("w:p"))]
    at = paras.index(CHANGE)
    assert paras[at - 1].startswith("甲市（以下「甲」という。）、乙町（以下「乙」という。）及び丙村")
    assert paras[at + 1:at + 4] == ["第５条を削る。", "附則", EFFECT]


@pytest.mark.parametrize("day, warned", [("2019-03-28", False), ("2019-03-29", True)])
def test_the_prose_dating_the_original_otherwise_than_amends_is_warned(tmp_path, day, warned):
    """The first paragraph dates the 原協定 (平成31年３月28日に締結した…協定): an amends of another
    day would list in the annual book what the document does not say. Before, only a preamble
    and articles were read, and a 変更協定 of prose — the offices' usual form — was never held
    to it."""
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    data["agreement"]["amends"]["signing_date"] = day
    spec = tmp_path / SPEC.name
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate("check", spec)
    assert result.returncode == 0, result.stderr
    said = ("agreement.amends.signing_date: the agreement document dates 甲地域定住自立圏形成協定 平成31年３月28日,"
            " and agreement.amends says 2019-03-29")
    assert (said in result.stderr) == warned, result.stderr
