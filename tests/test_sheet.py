"""An agreement two A4 pages to an A3 sheet (agreement.pages_per_sheet: 2), as 赤磐市,
府中市, 国立市 and 横瀬町 printed theirs with クライシスマッパーズ・ジャパン: the text flows
down the left half, then the right; each half is numbered as a page, the marks stand
over each half that holds text, the PDF stays tagged PDF/UA, and the DOCX keeps A4 pages.

The real command line builds the seed's agreement; the PDF is read back glyph by glyph.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest
import yaml
from reportlab.lib.pagesizes import A3, A4, landscape

from conftest import SEED_SPEC, needs_poppler, run_generate

HALF = A4[0]
HOUSE = "agreement:\n  pages_per_sheet: 2\n"


def build(tmp_path: Path, data: dict, *options) -> Path:
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx",
                          "--style", tmp_path / "house.yaml", *options)
    assert result.returncode == 0, result.stderr
    return tmp_path / "out" / "spec" / "agreement.pdf"


def halves(page) -> tuple[str, str]:
    """The text of the sheet's left and right halves."""
    chars = sorted(page.chars, key=lambda c: (round(c["top"]), c["x0"]))
    return ("".join(c["text"] for c in chars if c["x1"] <= HALF),
            "".join(c["text"] for c in chars if c["x0"] >= HALF))


@needs_poppler
def test_the_text_flows_down_the_left_half_then_the_right(tmp_path):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    pdf = build(tmp_path, data)
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == 1
        page = doc.pages[0]
        assert (round(page.width, 1), round(page.height, 1)) == tuple(round(v, 1) for v in landscape(A3))
        assert not [c for c in page.chars if c["x0"] < HALF < c["x1"]]      # nothing across the fold
        left, right = halves(page)
        margin = min(c["x0"] for c in page.chars if c["x1"] <= HALF)
        right_margin = min(c["x0"] for c in page.chars if c["x0"] >= HALF)
    assert left.startswith("北海道オホーツク総合振興局と北見工業大学との") and "第１条（目的）" in left
    assert "北見工業大学学長" in right and "北見工業大学学長" not in left
    assert abs((right_margin - HALF) - margin) < 12          # each half's text at the same margin
    # each half numbered as a page, under its middle
    numbers = {text: (x0 + x1) / 2 for text, x0, x1 in _numbers(pdf)}
    assert set(numbers) == {"- 1 -", "- 2 -"}
    assert abs(numbers["- 1 -"] - HALF / 2) < 2 and abs(numbers["- 2 -"] - HALF * 1.5) < 2
    # the DOCX a secretariat edits keeps A4 pages (Word prints two to a sheet itself)
    body = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml").decode()
    assert re.search(r'<w:pgSz w:w="11906" w:h="16838"', body)


@needs_poppler
def test_a_last_sheet_with_one_half_used_has_one_page_more_and_marks_over_each_half_with_text(tmp_path):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    long = "甲及び乙は、" + "連携事項の実施に当たり、相互の情報を共有し、必要な調整を行うものとする。" * 18
    data["agreement"]["document"]["extra_articles"] = [
        {"heading": f"情報の共有{k}", "text": [long]} for k in range(1, 4)]
    data["agreement"]["document"]["draft"] = True
    pdf = build(tmp_path, data)
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == 2
        left, right = halves(doc.pages[1])
        assert left and right == ""        # the last sheet's right half: no page, so not even a mark
    assert sorted(t for t, _, _ in _numbers(pdf)) == ["- 1 -", "- 2 -", "- 3 -"]
    # the draft's mark over each half that holds text, at each half's right margin
    with pdfplumber.open(pdf) as doc:
        first, last = ([w for w in page.extract_words() if w["text"] == "案"] for page in doc.pages)
        assert len(first) == 2 and first[0]["x1"] < HALF < first[1]["x0"]
        assert abs((first[1]["x1"] - HALF) - first[0]["x1"]) < 1
        assert len(last) == 1 and abs(last[0]["x1"] - first[0]["x1"]) < 1



@needs_poppler
def test_a_covers_sheet_carries_the_drafts_mark_over_the_cover_alone(tmp_path):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["agreement"]["document"].update(draft=True, cover={"names": {
        "bureau": "北海道オホーツク総合振興局", "kitami_it": "北見工業大学"}})
    with pdfplumber.open(build(tmp_path, data)) as doc:
        cover, text = doc.pages
        assert halves(cover)[0].startswith("案") and halves(cover)[1] == ""   # the blank half: no page, no mark
        assert [w["x0"] > HALF for w in text.extract_words() if w["text"] == "案"] == [False, True]

def _numbers(pdf: Path) -> list[tuple[str, float, float]]:
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for w in page.extract_words(keep_blank_chars=True):
                if re.fullmatch(r"- \d+ -", w["text"]):
                    out.append((w["text"], w["x0"], w["x1"]))
    return out


def test_the_sheet_validates_as_pdf_ua_1(tmp_path):
    page = pytest.importorskip("page")
    pdf = build(tmp_path, yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8")))
    assert [(f.rule_id, f.message) for f in page.validate_pdf(str(pdf), profile="PDF_UA_1").failures] == []
