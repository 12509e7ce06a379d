"""A blank line above each signature block's title and name, under the party's lines
(agreement.space_before_signer), as 府中市's signed copy types its blocks
(`fuchu-cmj-2017`): 甲　東京都府中市宮西町２丁目２４番地 / (blank) / 府中市長　高 野 律 雄,
and 乙　東京都調布市… / NPO法人クライシスマッパーズ・ジャパン / (blank) / 理事長　古 橋 大 地.

The real case is built by the real command line beside the same spec under its house
style without the key, PDF and DOCX: in the PDF each title line stands the space lower
under its party's lines, which keep their pitch; in the DOCX an empty paragraph of that
exact height stands above each title's paragraph in the block's cell, above no other
block line. A value out of range stops with file, line and key.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pdfplumber
import pytest
from lxml import etree

from conftest import ROOT, SEED_SPEC, run_generate

REAL = ROOT / "tests" / "data" / "real"
CASE = REAL / "fuchu-cmj-2017.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SPACE = "  space_before_signer: 16"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The real case, and the same spec under its house style without the key."""
    out = tmp_path_factory.mktemp("space-before-signer")
    style = (REAL / "styles" / "cmj-fuchu.yaml").read_text(encoding="utf-8")
    line = next(x for x in style.splitlines() if x.startswith(SPACE))
    (out / "without.yaml").write_text(style.replace(line + "\n", ""), encoding="utf-8")
    spec = CASE.read_text(encoding="utf-8").replace("style: styles/cmj-fuchu.yaml", f"style: {out / 'without.yaml'}")
    (out / "without-space.yaml").write_text(spec, encoding="utf-8")
    for path in (CASE, out / "without-space.yaml"):
        result = run_generate(path, "-o", out, "--kinds", "agreement", "--format", "pdf,docx")
        assert result.returncode == 0, result.stderr
    return {"with": out / CASE.stem, "without": out / "without-space"}


def baselines(pdf: Path) -> dict[str, float]:
    """The baseline of each signature block's line, by its first characters."""
    starts = {"甲東京都府中市": "address1", "府中市長": "title1", "乙東京都調布市": "address2",
              "NPO法人": "org2", "理事長": "title2"}
    found = {}
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[-1]
        rows: dict[float, list] = {}
        for c in page.chars:
            if c["text"].strip():
                rows.setdefault(round(c["bottom"], 1), []).append(c)
        for bottom, chars in rows.items():
            text = "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]))
            # the sheet's two pages side by side: the right page's block only
            text = "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]) if c["x0"] > page.width / 2)
            for start, key in starts.items():
                if text.startswith(start):
                    found[key] = bottom
    assert set(found) == set(starts.values()), found
    return found


def test_each_title_line_stands_a_blank_line_lower_under_its_partys_lines(built):
    now, before = baselines(built["with"] / "agreement.pdf"), baselines(built["without"] / "agreement.pdf")
    # 甲: address, then (16 points more) the title and name
    assert (now["title1"] - now["address1"]) - (before["title1"] - before["address1"]) == pytest.approx(16, abs=0.2)
    # 乙: the organisation keeps its pitch under the address; the title line 16 points lower
    assert now["org2"] - now["address2"] == pytest.approx(before["org2"] - before["address2"], abs=0.2)
    assert (now["title2"] - now["org2"]) - (before["title2"] - before["org2"]) == pytest.approx(16, abs=0.2)


def _spaces_above(docx: Path) -> dict[str, int | None]:
    """Each block line's space above it, by its text: the exact height (twentieths of a
    point) of the empty spacer paragraph right before it in its cell, or None."""
    body = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    out = {}
    for cell in body.iter(f"{W}tc"):
        paras = cell.findall(f"{W}p")
        for before, p in zip([None, *paras], paras):
            text = "".join(t.text or "" for t in p.iter(f"{W}t")).replace("\u3000", "").replace(" ", "")
            for start in ("東京都府中市", "府中市長", "東京都調布市", "NPO法人", "理事長"):   # the label in a cell of its own
                if text.startswith(start):
                    spacing = before.find(f"{W}pPr/{W}spacing") if before is not None else None
                    empty = before is not None and not "".join(t.text or "" for t in before.iter(f"{W}t"))
                    out[start] = int(spacing.get(f"{W}line")) if empty and spacing is not None \
                        and spacing.get(f"{W}lineRule") == "exact" else None
    return out


def test_the_docx_sets_the_space_above_the_title_paragraphs_only(built):
    """In the block's cell, an empty paragraph 16 points high (its exact line height)
    right above each title line; none above the address and the organisation."""
    now, before = _spaces_above(built["with"] / "agreement.docx"), _spaces_above(built["without"] / "agreement.docx")
    assert now["府中市長"] == now["理事長"] == 320, now            # 16 points
    assert before["府中市長"] is None and before["理事長"] is None, before
    for start in ("東京都府中市", "東京都調布市", "NPO法人"):
        assert now[start] is None and before[start] is None, (start, now, before)


@pytest.mark.parametrize("value", ["-4", "80"])
def test_a_space_out_of_range_is_an_error_of_the_house_style(value, tmp_path):
    style = tmp_path / "style.yaml"
    style.write_text(f"name: 試し\nagreement: {{space_before_signer: {value}}}\n", encoding="utf-8")
    result = run_generate("check", SEED_SPEC, "--style", style)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"style.yaml:2: agreement.space_before_signer: a space of {value} points in an agreement's text:" \
           " 0 to 72 points (an inch)" in result.stderr, result.stderr
