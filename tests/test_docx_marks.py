"""The marks of a draft (案) stand on every page of the DOCX, as on every page of the
PDF: in the header, and also in the first page's own header where the section has one
(titlePg: the first page's conditional number, a cover). That header was left empty, so
a one-page draft (緩和医療学会's 覚書) had no 案 at all in Word or LibreOffice, and the
first page of a longer one (消防庁's 協定書, a cover) none. Real drafts of
tests/data/real: the DOCX reopened (python-docx), and converted by LibreOffice."""
from __future__ import annotations

import shutil

import docx
import pytest
import yaml

from conftest import ROOT, run_generate
from test_docx_pages import convert

REAL = ROOT / "tests" / "data" / "real"
MARK = "案"


def built(folder, spec):
    result = run_generate(spec, "-o", folder, "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    return folder / spec.stem / "agreement.docx"


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("drafts")
    # 清瀬市's agreement has a cover: made a draft, its cover is marked too (as in the PDF)
    data = yaml.safe_load((REAL / "kiyose-cmj-2018.yaml").read_text(encoding="utf-8"))
    data["agreement"]["document"]["draft"] = True
    data["style"] = str(REAL / data["style"])
    covered = folder / "kiyose-cmj-2018-draft.yaml"
    covered.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return {spec.stem: built(folder, spec)
            for spec in (REAL / "kanwa-oboegaki-draft.yaml", REAL / "fdma-drone-2018-draft.yaml", covered)}


def headers_printed(section):
    """The headers a section prints: its first page's own where it has one (titlePg)."""
    return [section.header, *([section.first_page_header] if section.different_first_page_header_footer else [])]


@pytest.mark.parametrize("case", ["kanwa-oboegaki-draft", "fdma-drone-2018-draft", "kiyose-cmj-2018-draft"])
def test_every_header_a_page_prints_carries_the_draft_mark(drafts, case):
    document = docx.Document(drafts[case])
    printed = [h for section in document.sections for h in headers_printed(section)]
    assert len(printed) > 1, printed                    # every one has a first page of its own
    assert all(MARK in "".join(p.text for p in h.paragraphs) for h in printed), \
        [[p.text for p in h.paragraphs] for h in printed]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_libreoffice_prints_the_mark_on_every_page(drafts, tmp_path):
    import pdfplumber
    for case in ("kanwa-oboegaki-draft", "kiyose-cmj-2018-draft"):
        with pdfplumber.open(convert(drafts[case], tmp_path / case)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
        assert pages and all(MARK in page for page in pages), (case, pages)
