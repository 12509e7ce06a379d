"""Two places where the DOCX a secretariat edits differed from the PDF (found by
converting real cases' DOCX with LibreOffice and reading both side by side):

- a notice's subject line (項目　…) and a title set in the `label` style break between
  phrases in the PDF; the DOCX left them to Word, which broke inside a name in 「」
  (…推進に関する協 / 定書」) or left one character alone (…調印式を行いま / す);
- a cell's paragraphs: the PDF keeps the space between them (an overview sheet's items
  half an em apart, a photo's caption under it), dropping only the first's space above
  and the last's below, where the cell's padding is; the DOCX had none at all.

The real cases are built (outputs in tmp_path), their DOCX reopened with python-docx,
and (slow) converted by LibreOffice and measured against the PDF."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from conftest import SOFFICE, needs_poppler, run_generate

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
SEED = ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("labels_cells")
    result = run_generate(REAL / "emecs-env-2024.yaml", REAL / "hikone-fire-drone-2022.yaml",
                          REAL / "ageo-fire-2018.yaml", SEED, "-o", out, "--format", "pdf,docx", "--force",
                          "--jobs", "1")
    assert result.returncode == 0, result.stderr
    return out


def paragraph_lines(docx: Path, start: str) -> list[str]:
    """The paragraph (in the body) whose text starts with `start`, split at its line
    breaks (w:br): the lines the DOCX forces."""
    for p in Document(str(docx)).paragraphs:
        if p.text.startswith(start):
            return p.text.split("\n")
    raise AssertionError(start)


def layout_lines(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [re.sub(r"\s+", "", line) for line in text.splitlines() if line.strip()]


@needs_poppler
def test_the_subject_line_breaks_where_the_pdfs_does_not_inside_the_name(built):
    """国際エメックスセンター's subject: …による / 「里海づくりの推進に関する協定書」締結について
    in the PDF, and the DOCX's item (項　目, a tab, the text) forces the same break."""
    pdf = layout_lines(built / "emecs-env-2024" / "press-notice.pdf")
    assert any(line.endswith("大気環境局による") for line in pdf), pdf[:8]
    assert "「里海づくりの推進に関する協定書」締結について" in pdf
    lines = paragraph_lines(built / "emecs-env-2024" / "press-notice.docx", "項")
    assert len(lines) == 2 and lines[0].endswith("大気環境局による"), lines
    assert lines[1] == "「里海づくりの推進に関する協定書」締結について", lines


@needs_poppler
def test_a_title_set_as_a_label_breaks_where_the_pdfs_does(built):
    """彦根市's page title (the label style, centred): …」の調印式を / 行います in both."""
    pdf = layout_lines(built / "hikone-fire-drone-2022" / "press-notice.pdf")
    assert pdf[0].endswith("の調印式を") and pdf[1] == "行います", pdf[:2]
    lines = paragraph_lines(built / "hikone-fire-drone-2022" / "press-notice.docx", "1月27日")
    assert lines == [pdf[0], "行います"], lines


def cells_paragraphs(table):
    """Each cell's own paragraphs (not those of a table inside it), all cells, nested
    tables too."""
    for row in table.rows:
        for cell in row.cells:
            yield cell, cell.paragraphs
            for inner in cell.tables:
                yield from cells_paragraphs(inner)


def space(p, side: str) -> int:
    """The paragraph's own space before/after in twips (0 where it writes none: the
    overview's styles give none)."""
    spacing = p._p.pPr.find(qn("w:spacing")) if p._p.pPr is not None else None
    value = spacing.get(qn(f"w:{side}")) if spacing is not None else None
    return int(value) if value is not None else 0


def test_an_overview_cells_items_are_half_an_em_apart_as_in_the_pdf(built):
    """The seed sheet's areas: every item after a cell's first has half an em (10.5pt:
    105 twips) above it, as the PDF sets it; the first none and the last none below (the
    cell's padding is there). Before, none had any: the items stood closer in Word."""
    doc = Document(str(built / "2024-02-27-okhotsk-kitami" / "overview.docx"))
    cells = [ps for t in doc.tables for _, ps in cells_paragraphs(t)
             if len(ps) > 1 and all(p.style.style_id.startswith("sheet_item") for p in ps)]
    assert len(cells) == 6, len(cells)                   # the six areas' item cells
    for ps in cells:
        assert space(ps[0], "before") == 0 and space(ps[-1], "after") == 0
        assert [space(p, "before") for p in ps[1:]] == [105] * (len(ps) - 1), [p.text for p in ps]


def test_a_photos_caption_keeps_its_gap_under_the_picture(built):
    """上尾市's photos: a picture and its caption in one cell, the caption 3pt under it
    (the PDF's caption space); the cell's first paragraph, the picture, none above."""
    doc = Document(str(built / "ageo-fire-2018" / "press-notice.docx"))
    captions = [(ps, i) for t in doc.tables for _, ps in cells_paragraphs(t) for i, p in enumerate(ps)
                if p.text == "協定書に署名"]
    assert captions, "caption not found"
    ps, i = captions[0]
    assert i >= 1 and space(ps[i], "before") == 60 and space(ps[0], "before") == 0


def _tops(pdf: Path, starts: tuple[str, ...]) -> list[float]:
    """The top (points) of the first word that begins with each of `starts`."""
    import pdfplumber
    with pdfplumber.open(str(pdf)) as doc:
        words = doc.pages[0].extract_words(use_text_flow=True)
    return [next(w["top"] for w in words if w["text"].startswith(s)) for s in starts]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_sets_the_overview_items_as_far_apart_as_the_pdf(built, tmp_path):
    """Converted by LibreOffice, the distance from an area's first item to its second
    (人材の育成: the first one line in both) is the PDF's, within 2pt; with no space
    between the items it was half an em (5.25pt) short."""
    docx = built / "2024-02-27-okhotsk-kitami" / "overview.docx"
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   env=dict(os.environ, HOME=str(tmp_path)), capture_output=True, timeout=300, check=True)
    starts = ("・DX", "・地元企業等")
    pdf = _tops(built / "2024-02-27-okhotsk-kitami" / "overview.pdf", starts)
    lo = _tops(tmp_path / "overview.pdf", starts)
    assert abs((lo[1] - lo[0]) - (pdf[1] - pdf[0])) < 2, (pdf, lo)
