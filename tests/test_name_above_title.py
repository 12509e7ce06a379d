"""Each block's name above its title (agreement.name_line: above_title): 鳥取県's page of
its 1994 agreement with 江原道 sets the governors' blocks side by side, each the name
over the title (西尾邑次 / 日本国鳥取県知事, 李相龍 / 大韓民国江原道知事). The real case
is built by the command line and read back line by line from the PDF (pdfplumber: the
name's baseline above the title's) and from the DOCX (the block's paragraphs in order);
the seed with the house style saying it keeps its address and organisation lines first
and its label (block_label_line: organisation) on the line naming the party, the
title's, not on the name; a name_gap beside it (no title line to set the name on) is
an error naming the key. `tests/test_real_cases.py` holds the case to its expect_lines."""
from __future__ import annotations

from pathlib import Path

import docx
import pdfplumber
import pytest

from conftest import ROOT, SEED_SPEC, no_space, pdf_text, needs_poppler, run_generate

CASE = ROOT / "tests" / "data" / "real" / "tottori-gangwon-1994.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _baseline(pdf: Path, text: str) -> float:
    """The top of the PDF line that holds `text` (its characters one after another)."""
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for line in page.extract_text_lines():
                if text in no_space(line["text"]):
                    return line["top"]
    raise AssertionError(f"{text} not in {pdf}")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("above")
    result = run_generate(CASE, "-o", out, "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / CASE.stem


def test_each_governors_name_stands_above_his_title_side_by_side(built):
    pdf = built / "agreement.pdf"
    names, titles = _baseline(pdf, "西尾邑次李相龍"), _baseline(pdf, "日本国鳥取県知事大韓民国江原道知事")
    assert 0 < titles - names < 30                     # the next line down, the blocks' rows shared


def test_the_docx_block_has_the_name_then_the_title(built):
    body = docx.Document(str(built / "agreement.docx")).element.body
    paragraphs = ["".join(t.text or "" for t in p.iter(W + "t")) for p in body.iter(W + "p")]
    # the blocks' table: the left block's paragraphs, then the right's, after the date
    assert [p for p in paragraphs if p][-4:] == ["西尾邑次", "日本国鳥取県知事", "李相龍", "大韓民国江原道知事"]


def _style(tmp_path: Path, text: str) -> Path:
    style = tmp_path / "style.yaml"
    style.write_text("agreement:\n" + text, encoding="utf-8")
    return style


@needs_poppler
def test_the_address_and_organisation_lead_and_a_label_in_the_lines_stays_on_the_title(tmp_path):
    style = _style(tmp_path, "  name_line: above_title\n  block_label_line: organisation\n")
    result = run_generate(SEED_SPEC, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf",
                          "--style", style)
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / SEED_SPEC.stem / "agreement.pdf"))
    # 甲: no organisation line (the title names the bureau), so its label is on the title's
    # line, under the name; 乙: the university's lines first, its label on the first of them
    assert "北海道網走市北７条西３丁目中島和彦甲北海道オホーツク総合振興局長" in text, text[-300:]
    assert ("北海道北見市公園町165番地乙国立大学法人北海道国立大学機構鈴木聡一郎北見工業大学学長"
            in text), text[-300:]


def test_a_name_gap_beside_a_name_above_its_title_is_an_error(tmp_path):
    style = _style(tmp_path, "  name_line: above_title\n  name_gap: 2\n")
    result = run_generate("check", SEED_SPEC, "--style", style)
    assert result.returncode == 1
    assert ("name_gap places the name on the title's line, and name_line is above_title (the name on a line of"
            " its own): it would have no effect") in result.stderr, result.stderr
