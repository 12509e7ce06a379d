"""A page mark (案, 正本（甲保管）, 写) in the DOCX's header stands where the PDF draws it:
its baseline a line (1.2 × 10.5pt) above the house's top margin and its end at the
house's right margin (pages.page_marks). The header began at Word's header distance
(10mm) and ended at the text's edge: a draft's 案 stood 21pt higher and 6pt further in
than the PDF's (消防庁's draft agreement, seen in LibreOffice), and its paragraph named
a style the package does not have (python-docx's "Header")."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from conftest import SOFFICE, run_generate

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "fdma-drone-2018-draft"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("marks")
    result = run_generate(REAL / f"{CASE}.yaml", "-o", out, "--format", "pdf,docx", "--force")
    assert result.returncode == 0, result.stderr
    return out / CASE


def test_the_marks_paragraph_is_placed_at_the_pdfs_place_in_a_style_of_the_package(built):
    doc = Document(str(built / "agreement.docx"))
    section = doc.sections[0]
    headers = [section.header] + ([section.first_page_header] if section.different_first_page_header_footer else [])
    styles = {s.style_id for s in doc.styles}
    for hdr in headers:
        p = hdr.paragraphs[0]
        assert p.text == "（案）"
        ppr = p._p.pPr
        named = ppr.find(qn("w:pStyle"))
        assert named is None or named.get(qn("w:val")) in styles
        # the house's top margin (25mm) less a line, less the header distance and the
        # mincho's ascent (0.88 em): 70.87 - 12.6 - 28.35 - 9.24 = 20.68pt
        before = int(ppr.find(qn("w:spacing")).get(qn("w:before")))
        assert abs(before - 20.68 * 20) <= 2, before
        assert ppr.find(qn("w:ind")).get(qn("w:right")) == "-120"      # the frame's 6pt: at the house margin


def _mark(pdf: Path) -> list[tuple[float, float]]:
    """Each page's 案: its baseline from the top and the right edge of its ）, points."""
    import pdfplumber
    with pdfplumber.open(str(pdf)) as doc:
        out = []
        for page in doc.pages:
            mark = next(c for c in page.chars if c["text"] == "案")
            end = next(c for c in page.chars if c["text"] == "）" and c["top"] < 80)
            out.append((page.height - mark["matrix"][5], end["x1"]))
        return out


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_prints_the_mark_where_the_pdf_does(built, tmp_path):
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(built / "agreement.docx")],
                   env=dict(os.environ, HOME=str(tmp_path)), capture_output=True, timeout=300, check=True)
    pdf, lo = _mark(built / "agreement.pdf"), _mark(tmp_path / "agreement.pdf")
    assert len(pdf) == len(lo) == 4
    for (pb, pr), (lb, lr) in zip(pdf, lo):
        assert abs(pb - lb) < 1 and abs(pr - lr) < 1, (pdf, lo)
