"""An agreement's preamble and closing as real texts set them: the closing as paragraphs
(document.closing as a list: a treaty's attestation, 以上の証拠として、…署名した。, then the
sentence of its date and place, each begun an em in, no space between them; 外務省's texts of
1991 and 1993). Each is built from its real case by the real command line, the PDF read back
(its lines and where they start) and the DOCX reopened; each misuse is refused at its line,
nothing written. `tests/test_real_cases.py` holds the real cases to their facts."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pdfplumber
import pytest

from conftest import ROOT, no_space, run_generate
from test_published_copies import build, line_of, refused

REAL = ROOT / "tests" / "data" / "real"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ATTESTATION = "以上の証拠として、下名は、各自の政府からこのために正当な委任を受けてこの協定に署名した。"
DATED = "千九百九十一年四月十五日に東京で、ひとしく正文である日本語及び韓国語により本書二通を作成した。"


def real_copy(tmp: Path, case: str) -> Path:
    """The real case CASE copied to TMP with its house style, if it has one."""
    shutil.copy(REAL / f"{case}.yaml", tmp)
    if (REAL / "styles").exists():
        shutil.copytree(REAL / "styles", tmp / "styles", dirs_exist_ok=True)
    return tmp / f"{case}.yaml"


def pdf_lines(pdf: Path) -> list[dict]:
    """Every line of the PDF's text pages, top down, page after page."""
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            out += sorted(page.extract_text_lines(), key=lambda line: line["top"])
    return out


def starting(lines: list[dict], text: str) -> int:
    return next(i for i, line in enumerate(lines) if no_space(line["text"]).startswith(text))


def docx_paragraphs(path: Path) -> list[str]:
    body = docx.Document(str(path)).element.body
    return ["".join(t.text or "" for t in p.iter(W + "t")) for p in body.iter(W + "p")]


def built(tmp: Path, case: str) -> Path:
    folder, _ = build(real_copy(tmp, case), tmp / "out", "--format", "pdf,docx")
    return folder


@pytest.fixture(scope="module")
def korea(tmp_path_factory) -> Path:
    return built(tmp_path_factory.mktemp("korea"), "mofa-korea-bangja-1991")


@pytest.fixture(scope="module")
def china(tmp_path_factory) -> Path:
    return built(tmp_path_factory.mktemp("china"), "mofa-china-air-1993")


@pytest.mark.parametrize("case, attestation, dated", [
    ("korea", ATTESTATION, DATED),
    ("china", "以上の証拠として、下名は、各自の政府から正当に委任を受けてこの議定書に署名した。",
     "千九百九十三年二月十七日に北京で、ひとしく正文である日本語及び中国語により本書二通を作成した。")])
def test_the_closing_s_paragraphs_each_begin_an_em_in(request, case, attestation, dated):
    lines = pdf_lines(request.getfixturevalue(case) / "agreement.pdf")
    first, second = starting(lines, attestation[:10]), starting(lines, dated[:10])
    assert no_space("".join(line["text"] for line in lines[first:second])) == attestation
    margin = lines[second + 1]["x0"]             # the date's sentence runs to a second line, at the margin
    em = lines[first]["chars"][0]["size"]
    for at in (first, second):
        assert abs(lines[at]["x0"] - margin - em) < 0.5, (lines[at]["text"], lines[at]["x0"], margin)
    step = lines[second + 1]["top"] - lines[second]["top"]
    assert abs(lines[second]["top"] - lines[second - 1]["top"] - step) < 0.5   # no space between them
    assert lines[first]["top"] - lines[first - 1]["top"] > step + 5            # the space above the closing


def test_the_docx_has_each_paragraph_of_the_closing_as_a_paragraph(korea):
    paragraphs = docx_paragraphs(korea / "agreement.docx")
    at = paragraphs.index(ATTESTATION)
    assert paragraphs[at + 1] == DATED


def test_a_closing_of_one_paragraph_as_a_list_is_refused(tmp_path):
    spec = real_copy(tmp_path, "mofa-korea-bangja-1991")
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace(f"      - {DATED}\n", ""), encoding="utf-8")
    err = refused(tmp_path, spec)
    assert (f"{spec}:{line_of(spec, 'closing:')}: agreement.document.closing: needs at least 2 entries") in err, err
    assert "Traceback" not in err
