"""Why the agreement's DOCX does not use two of Word's means (README, "Examined and left as
they are"), re-measured in LibreOffice on 大和市's agreement (yamato-cmj-2016) as generated:

- `decimalFullWidth2` prints as `decimalFullWidth` does (第１０条), so no format numbers
  mixed digits (第９条, 第10条) and such articles stay typed text;
- `w:fitText` is ignored on import, so a spread signature line (大　和　市　長) set with it
  would lose its width; it keeps `w:spacing`.

Should LibreOffice change, these fail and the README's paragraph is to be looked at again."""
from __future__ import annotations

import copy
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from conftest import ROOT, needs_poppler, run_generate

CASE = "yamato-cmj-2016"
pytestmark = [pytest.mark.slow, needs_poppler,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lo-findings")
    result = run_generate(ROOT / "tests" / "data" / "real" / f"{CASE}.yaml", "-o", out,
                          "--kinds", "agreement", "--format", "docx")
    assert result.returncode == 0, result.stderr
    return out / CASE / "agreement.docx"


def _convert(docx_path: Path, outdir: Path) -> Path:
    subprocess.run([shutil.which("soffice"), f"-env:UserInstallation=file://{outdir}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(docx_path)],
                   env=dict(os.environ, HOME=str(outdir)), capture_output=True, timeout=300, check=True)
    return outdir / (docx_path.stem + ".pdf")


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def test_libreoffice_prints_decimal_full_width_2_with_full_width_digits_from_ten_on(built, tmp_path):
    document = docx.Document(built)
    levels = document.part.numbering_part.element.iter(qn("w:lvl"))
    article = next(lvl for lvl in levels if lvl.get(qn("w:ilvl")) == "0")
    fmt = article.find(qn("w:numFmt"))
    assert fmt.get(qn("w:val")) == "decimalFullWidth"
    fmt.set(qn("w:val"), "decimalFullWidth2")
    # articles added as a clerk adds them (a heading set in 条見出し) until there are twelve
    body = document.element.body
    headings = [p for p in body.iter(qn("w:p"))
                if (s := p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")) is not None and s.get(qn("w:val")) == "article"]
    for _ in range(len(headings), 12):
        headings[-1].addnext(copy.deepcopy(headings[-1]))
    path = tmp_path / "twelve.docx"
    document.save(path)
    with pdfplumber.open(_convert(path, tmp_path)) as pdf:
        text = "".join((page.extract_text() or "") for page in pdf.pages)
    assert "第９条" in text and "第１０条" in text and "第１２条" in text, text
    assert "第10条" not in text and "第12条" not in text


def _glyph_x(pdf: Path, line: str) -> list[float]:
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            rows: dict[int, list] = {}
            for c in page.chars:
                if c["text"].strip():
                    rows.setdefault(round(c["top"]), []).append(c)
            for chars in rows.values():
                chars.sort(key=lambda c: c["x0"])
                if "".join(c["text"] for c in chars).startswith(line):
                    return [c["x0"] for c in chars[:len(line)]]
    raise AssertionError(f"{line} not in {pdf}")


def test_libreoffice_ignores_fit_text_where_the_spacing_spreads_the_title(built, tmp_path):
    document = docx.Document(built)
    p = next(p for p in document.element.body.iter(qn("w:p")) if _text(p).startswith("大和市長　"))
    spread, last = [r for r in p.iter(qn("w:r"))][:2]
    assert (_text(spread), _text(last)) == ("大和市", "長")
    assert spread.find(f"{qn('w:rPr')}/{qn('w:spacing')}") is not None
    # the title as Word's fitText writes it: one run resized to six em (1260 twips)
    rpr = spread.find(qn("w:rPr"))
    rpr.remove(rpr.find(qn("w:spacing")))
    fit = OxmlElement("w:fitText")
    fit.set(qn("w:val"), "1260")
    fit.set(qn("w:id"), "1")
    rpr.append(fit)
    spread.find(qn("w:t")).text = "大和市長"
    p.remove(last)
    fitted = tmp_path / "fitted.docx"
    document.save(fitted)
    (tmp_path / "as-built").mkdir()
    spaced_x = _glyph_x(_convert(built, tmp_path / "as-built"), "大和市長")
    fitted_x = _glyph_x(_convert(fitted, tmp_path), "大和市長")
    # as built: across six em of 10.5pt (長 starts five em after 大); with fitText: one em apart
    assert spaced_x[3] - spaced_x[0] == pytest.approx(52.5, abs=1.0)
    assert fitted_x[3] - fitted_x[0] == pytest.approx(31.5, abs=1.0)
