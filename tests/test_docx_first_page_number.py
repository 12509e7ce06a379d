"""The first page's number in the DOCX, { IF { SECTIONPAGES } > 1 "- 1 -" "" }, stores
what the PDF prints at the foot of page 1: LibreOffice cannot evaluate the IF and
prints the nested field's stored text (tried with LibreOffice 7.4: a stored "3" is
printed as 3 on page 1, "- 1 -" as - 1 -, nothing as nothing), Word evaluates it. So
the nested result is "- 1 -" or nothing by the PDF's page count, not the count itself.
write_docx (render_docx without a page count) took every document to have several
pages: a one-page document stored - 1 -, and LibreOffice printed it; it now asks the
PDF's layout."""
from __future__ import annotations

import shutil

import docx
import pytest

from conftest import SEED_SPEC, run_generate
from test_docx_writer import STYLE, P, instructions

FIELD = "{ IF { SECTIONPAGES |%s} > 1 \"- 1 -\" \"\" |%s}"


def _pdf_first_foot(pdf) -> str:
    """What the PDF prints at the foot of page 1 (below the text area), spaces out."""
    import pdfplumber
    with pdfplumber.open(str(pdf)) as doc:
        page = doc.pages[0]
        return "".join(c["text"] for c in page.chars if c["top"] > page.height - 60).replace(" ", "")


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    result = run_generate(SEED_SPEC, "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / SEED_SPEC.stem


@pytest.mark.parametrize("kind, printed", [("agreement", "-1-"), ("press-notice", "")])
def test_the_stored_first_number_is_what_the_pdf_prints(seed, kind, printed):
    """The seed's agreement (two pages) and press notice (one page)."""
    assert _pdf_first_foot(seed / f"{kind}.pdf") == printed
    footer = docx.Document(str(seed / f"{kind}.docx")).sections[0].first_page_footer._element
    shown = "- 1 -" if printed else ""
    assert instructions(footer) == FIELD % (shown, shown)


def _write(tmp_path, paragraphs: int):
    from jpdocs.content import model as m
    from jpdocs.writers.docx import write_docx
    out = tmp_path / f"{paragraphs}.docx"
    write_docx(m.Document("test", "件名", "北海道", [P("本文の段落です。" * 12) for _ in range(paragraphs)]), STYLE, out)
    return out


@pytest.mark.parametrize("paragraphs, shown", [(3, ""), (70, "- 1 -")])
def test_write_docx_stores_the_first_number_by_the_pdfs_page_count(tmp_path, paragraphs, shown):
    footer = docx.Document(str(_write(tmp_path, paragraphs))).sections[0].first_page_footer._element
    assert instructions(footer) == FIELD % (shown, shown)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler-utils needed")
def test_libreoffice_prints_no_number_on_a_one_page_documents_page(tmp_path):
    """A one-page document written by write_docx: LibreOffice printed - 1 - at its foot."""
    from test_docx_pages import convert, footers
    printed = footers(convert(_write(tmp_path, 3), tmp_path / "lo"))
    assert len(printed) == 1 and "-" not in printed[0], printed
