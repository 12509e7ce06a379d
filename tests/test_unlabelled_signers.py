"""Signers the text gives no label and no organisation line: 小山町's 林野に関する協定書 of
1955 (tests/data/real/oyama-ashigara-1955.yaml), signed by the town's and the village's
heads and, beside them without being parties, the two assemblies' chairmen and the merger
council's chairman, each an office and a name on one line, 駿東郡 written once and 〃 under
it. A witness with `label: false` prints no 立会人 (before, the label could not be left
out), its signature field named after its block's first line, which the build names; the
house's `organisation_line: never` prints no organisation over a title that does not begin
with it (before, 小山町 and 足柄村 stood over 駿東郡小山町長 and 〃　足柄村長). Built by the real
command line and read back from the PDF (its lines, its signature fields) and the DOCX."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, needs_poppler, no_space, real_case_variant, run_generate
from jpdocs.pdf.signing import signature_fields
from test_agreement import build, docx_texts

CASE = "oyama-ashigara-1955"
SPEC = ROOT / "tests" / "data" / "real" / f"{CASE}.yaml"
LINES = ["駿東郡小山町長湯山正平", "〃足柄村長稲五六", "〃小山町議会議長室伏隆策", "〃足柄村議会議長小見山聞一"]
COUNCIL = "〃小山町足柄村町村合併促進協議会長"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build(SPEC, tmp_path_factory.mktemp("oyama"))


def pdf_lines(pdf: Path) -> list[str]:
    import subprocess
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [no_space(line) for line in text.splitlines() if line.strip()]


@needs_poppler
def test_the_five_signers_stand_as_the_page_sets_them_with_no_label_and_no_organisation_line(built):
    lines = pdf_lines(built / "agreement.pdf")
    at = lines.index("昭和30年4月1日")
    after = lines[at + 1:]
    # each office and name on one line, in the page's order; the council's title is too
    # long for its name beside it, which goes under it
    assert after[:4] == LINES, after
    assert after[4:6] == [COUNCIL, "湯山正平"], after
    text = "".join(lines)
    assert "立会人" not in text
    assert "小山町" not in after and "足柄村" not in after      # no organisation line of its own
    assert "印" not in "".join(after)                           # the closing asks no seal


def test_the_docx_has_the_same_lines(built):
    texts = [no_space(t) for t in docx_texts(built / "agreement.docx")]
    joined = "".join(texts)
    for line in LINES:
        assert line in texts, (line, texts[-12:])
    assert "立会人" not in joined
    assert "小山町" not in texts and "足柄村" not in texts


def test_each_unlabelled_witness_has_a_field_named_after_its_first_line(built):
    fields = [f.name for f in signature_fields((built / "agreement.pdf").read_bytes())]
    # the parties' fields keep the labels the product gives them (甲, 乙), printed nowhere
    assert fields == ["甲", "乙", "〃　小山町議会議長", "〃　足柄村議会議長",
                      "〃　小山町足柄村町村合併促進協議会長"]


def test_the_build_names_each_field_it_chose(tmp_path):
    result = run_generate("check", SPEC)
    assert result.returncode == 0, result.stderr
    for i, name in enumerate(["〃　小山町議会議長", "〃　足柄村議会議長"]):
        assert (f"agreement.document.witnesses[{i}].label: false: no label before the block, as the text prints"
                f" none; its PDF signature field is named 「{name}」") in result.stdout, result.stdout
    ja = run_generate("check", SPEC, env={**os.environ, "LANG": "ja_JP.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""})
    assert "PDF の署名フィールドは署名欄の最初の行にならい「〃　小山町議会議長」と名付けます" in ja.stdout, ja.stdout


def test_two_unlabelled_witnesses_of_one_title_get_numbered_fields(tmp_path):
    spec = real_case_variant(tmp_path, CASE, "oyama-reiki.yaml",
                             ("title: 〃　足柄村議会議長,", "title: 〃　小山町議会議長,"))
    out = build(spec, tmp_path / "out")
    fields = [f.name for f in signature_fields((out / "agreement.pdf").read_bytes())]
    assert fields[2:4] == ["〃　小山町議会議長1", "〃　小山町議会議長2"]


def test_without_never_the_organisation_line_is_back(tmp_path):
    # the case's house without organisation_line: never: the default prints 小山町 over
    # 駿東郡小山町長 (its title does not begin with it): the key has an effect
    spec = real_case_variant(tmp_path, CASE, "oyama-reiki.yaml")
    style = tmp_path / "styles" / "oyama-reiki.yaml"
    style.write_text(style.read_text(encoding="utf-8").replace("  organisation_line: never", "  #"),
                     encoding="utf-8")
    out = build(spec, tmp_path / "out")
    lines = pdf_lines(out / "agreement.pdf")
    assert "小山町" in lines and "足柄村" in lines


def test_never_beside_a_labelled_organisation_line_is_refused(tmp_path):
    spec = real_case_variant(tmp_path, CASE, "oyama-reiki.yaml")
    style = tmp_path / "styles" / "oyama-reiki.yaml"
    data = yaml.safe_load(style.read_text(encoding="utf-8"))
    data["agreement"]["signature_labels"] = {"organisation": "名称"}
    data["agreement"].pop("name_line")
    style.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_generate("check", spec)
    assert result.returncode == 1
    assert "organisation_line: never prints no organisation line, and signature_labels labels one" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_empty_label_is_still_refused(tmp_path):
    spec = real_case_variant(tmp_path, CASE, "oyama-reiki.yaml", ("{label: false,", "{label: \"\","))
    result = run_generate("check", spec)
    assert result.returncode == 1
    assert "witnesses[0].label: the value is empty" in result.stderr
