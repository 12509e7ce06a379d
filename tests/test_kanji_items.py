"""An article's items numbered with kanji numerals, 一　乙が、… 二　…, as laws and many
agreements number the items (号) of an article (国税庁, 日本年金機構 and 厚生労働省's
協定書 of 2017, 第９条: nta-nenkin-mhlw-2017): `item_marker: 一` on a paragraph (the
spec) or on the house (agreement.item_marker). The numeral, a full-width space, the
text; its later lines under the text, not under the numeral. Built by the real command
line, the PDF read back glyph by glyph, the DOCX reopened.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, needs_poppler, no_space, pdf_text, run_generate
from test_agreement_wording import error, house, lines, seed, write

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NENKIN = ROOT / "tests" / "data" / "real" / "nta-nenkin-mhlw-2017.yaml"


def _build(tmp_path: Path, spec: Path, *options) -> Path:
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx", "--force",
                          *options)
    assert result.returncode == 0, result.stderr
    return tmp_path / "out" / spec.stem / "agreement.pdf"


def _rows(pdf: Path) -> list[list[dict]]:
    """Each line's glyphs, in reading order, on every page."""
    import pdfplumber
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            by_top: dict[int, list] = {}
            for c in page.chars:
                by_top.setdefault(round(c["top"]), []).append(c)
            out += [sorted(cs, key=lambda c: c["x0"]) for _, cs in sorted(by_top.items())]
    return out


def _text(row) -> str:
    return no_space("".join(c["text"] for c in row))


@needs_poppler
def test_the_real_agreements_items_numbered_一_to_四(tmp_path):
    """第９条's four items: 一 to 四 at one x, an em in from the margin, each text one em
    after its numeral (a full-width space), the first item's second line under its text;
    no （１）; in the DOCX the numeral, a tab, the text, in a paragraph that hangs its
    later lines two em (the numeral and the space), not 3.5 as （１） hangs them."""
    pdf = _build(tmp_path, NENKIN)
    rows = _rows(pdf)
    texts = [_text(r) for r in rows]
    at = next(i for i, t in enumerate(texts) if t.startswith("一乙が、その責めに帰すべき理由により"))
    items = [rows[at], rows[at + 2], rows[at + 4], rows[at + 5]]
    assert [_text(r)[0] for r in items] == ["一", "二", "三", "四"], texts[at:at + 6]
    assert texts[at + 5] == "四乙が本協定に違反したとき。"
    size = rows[at][0]["size"]
    for row in items:
        assert abs(row[0]["x0"] - rows[at][0]["x0"]) < 0.5                   # the numerals, one above the other
        assert abs(row[1]["x0"] - (row[0]["x0"] + 2 * size)) < 0.6           # 一, a full-width space, the text
    assert abs(rows[at + 1][0]["x0"] - rows[at][1]["x0"]) < 0.5              # the second line under the text
    assert "（１）乙が" not in no_space(pdf_text(pdf))
    root = etree.fromstring(zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml"))
    para = next(p for p in root.iter(W + "p")
                if "".join(t.text or "" for t in p.iter(W + "t")).startswith("一乙が、その責め"))
    assert [e.tag for e in next(para.iter(W + "r"))] == [W + "t", W + "tab"]      # 一, then a tab to the text
    style_id = para.find(f"{W}pPr/{W}pStyle").get(W + "val")
    styles = etree.fromstring(zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/styles.xml"))
    style = next(s for s in styles.iter(W + "style") if s.get(W + "styleId") == style_id)
    ind = style.find(f"{W}pPr/{W}ind")
    assert (ind.get(W + "hangingChars"), ind.get(W + "leftChars")) == ("200", "300")


@needs_poppler
def test_the_house_numbers_every_articles_items_一_二(tmp_path):
    """agreement.item_marker: 一: the standard set's 連携事項 一　農林水産業…, Word's own
    numbering in the DOCX (japaneseCounting, the numeral alone), so that an item a clerk
    inserts is numbered as the rest."""
    pdf = _build(tmp_path, write(tmp_path, seed()), "--style", house(tmp_path, "agreement:\n  item_marker: 一\n"))
    got = lines(pdf_text(pdf))
    assert "一農林水産業の振興に関する事項" in got and "二地域で活躍する人材の育成に関する事項" in got
    assert not any("（１）" in x for x in got)
    numbering = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/numbering.xml").decode()
    item_level = re.search(r'<w:lvl w:ilvl="2">.*?</w:lvl>', numbering).group()
    assert '<w:numFmt w:val="japaneseCounting"/>' in item_level and '<w:lvlText w:val="%3"/>' in item_level


@needs_poppler
def test_an_annexs_items_numbered_一_二(tmp_path):
    """An annex's items (別記様式) take the same marker: 一　協力要請の理由."""
    data = seed()
    data["agreement"]["document"]["annexes"] = [{"heading": "別記様式", "parts": [
        {"items": ["協力要請の理由", "連絡先"], "item_marker": "一"}]}]
    got = lines(pdf_text(_build(tmp_path, write(tmp_path, data))))
    assert "一協力要請の理由" in got and "二連絡先" in got


def test_item_digits_beside_kanji_numerals_is_an_error(tmp_path):
    style = house(tmp_path, "agreement:\n  item_marker: 一\n  item_digits: half\n")
    assert (f"error: {style}:3: agreement.item_digits: the items are numbered 一 二 … (item_marker: 一), kanji"
            " numerals with no digits: item_digits would have no effect") in error(write(tmp_path, seed()),
                                                                                   "--style", style)


@pytest.mark.parametrize("marker", ["二", "一."])
def test_another_kanji_is_no_form_of_its_own(marker, tmp_path):
    """Only 一 names the form (as ⑴ does its own): 二 or 一. written as a form is refused,
    never taken for a numbering the house did not choose."""
    style = house(tmp_path, f"agreement:\n  item_marker: \"{marker}\"\n")
    assert (f"error: {style}:2: agreement.item_marker: {{number}} must appear once in item_marker, and no other"
            " placeholder (or write ⑴ for items marked ⑴ ⑵ …, 一 for items numbered 一 二 … as laws number them)"
            ) in error(write(tmp_path, seed()), "--style", style)
