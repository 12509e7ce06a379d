"""An agreement's 附則 (document.supplementary): 大東市 and 東大阪市's library agreement
(2008) ends its articles with 附則　この協定は平成20年8月1日から実施する。 — the day it
takes effect, apart from the day it was signed — before its closing. The real case is
built by the command line and read back from the PDF (where the 附則 stands, on one line
with its heading as the page sets it) and from the DOCX; a 附則 on a line of its own is
set in under the last article with its text under it; its sentences are held to the
text's style as the spec's other sentences are."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from conftest import ROOT, SEED_SPEC, run_generate
from glyphs import page_rows

CASE = ROOT / "tests" / "data" / "real" / "daito-higashiosaka-library-2008.yaml"
TEXT = "この協定は平成20年8月1日から実施する。"
CLOSING = "この協定の証として、本書2通を作成し、甲、乙記名押印のうえ各1通を保有する。"


def _docx_paragraphs(path: Path) -> list[str]:
    """Every paragraph of the DOCX's body in order, those of the kept last page too."""
    doc = Document(path)
    return [Paragraph(p, doc).text for p in doc.element.body.iter(qn("w:p"))]


def _lines(pdf: Path, page: int = 0) -> list[tuple[str, float]]:
    """Each line of the page as a reader sees it, with the x of its first glyph."""
    return [("".join(c["text"] for c in row).replace(" ", ""), row[0]["x0"]) for row in page_rows(pdf, page)]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("supplementary")
    result = run_generate(CASE, "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / CASE.stem


def test_the_supplementary_runs_on_its_headings_line_between_the_last_article_and_the_closing(built):
    lines = [text for text, _ in _lines(built / "agreement.pdf")]
    at = lines.index("附則　" + TEXT)
    assert lines[at - 1].endswith("協定を自動的に更新する。")      # the last article's last line
    assert "".join(lines[at + 1:at + 3]).startswith(CLOSING)       # the closing after it


def test_the_docx_has_the_supplementary_as_one_paragraph_before_the_closing(built):
    paras = _docx_paragraphs(built / "agreement.docx")
    at = paras.index("附則　" + TEXT)
    assert paras[at + 1] == CLOSING


def _spec(tmp_path: Path, supplementary: dict, writing: str | None = None) -> Path:
    """The bundled example's agreement with a 附則 of the test's."""
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    doc = data["agreement"]["document"]
    doc["supplementary"] = supplementary
    if writing:
        doc["writing"] = writing
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_supplementary_on_a_line_of_its_own_is_set_in_with_its_paragraphs_under_it(tmp_path):
    spec = _spec(tmp_path, {"heading": "附　則", "text": ["この協定は、令和６年４月１日から効力を生ずる。",
                                                        "この協定の締結前に行われた連携は、この協定によるものとみなす。"]})
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / spec.stem / "agreement.pdf"
    lines = [(text, x) for page in range(2) for text, x in _lines(pdf, page)] if _pages(pdf) > 1 else _lines(pdf)
    texts = [t for t, _ in lines]
    at = texts.index("附　則")
    body = next(x for t, x in lines if t.startswith("第１条"))            # the articles' margin
    size = 10.5
    assert abs(lines[at][1] - (body + 3 * size)) < 1.0                   # set in three em, as laws set it
    assert texts[at + 1] == "この協定は、令和６年４月１日から効力を生ずる。"
    assert abs(lines[at + 1][1] - (body + size)) < 1.0                   # a paragraph's first line, an em in
    assert texts[at + 2].startswith("この協定の締結前に行われた連携は、")
    assert texts[at - 1] and not texts[at - 1].startswith("本協定の締結を証するため")   # before the closing
    assert any(t.startswith("本協定の締結を証するため") for t in texts[at + 2:])
    paras = _docx_paragraphs(tmp_path / "out" / spec.stem / "agreement.docx")
    at = paras.index("附　則")
    assert paras[at + 1:at + 3] == ["この協定は、令和６年４月１日から効力を生ずる。",
                                    "この協定の締結前に行われた連携は、この協定によるものとみなす。"]
    assert paras[at + 3].startswith("本協定の締結を証するため")


def _pages(pdf: Path) -> int:
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def test_a_supplementary_sentence_out_of_the_texts_style_is_refused_at_its_key(tmp_path):
    spec = _spec(tmp_path, {"text": ["この協定は、令和６年４月１日から効力を生じます。"]})
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 1, result.stdout
    assert re.search(rf"error: {re.escape(str(spec))}:\d+: agreement\.document\.supplementary\.text\[0\]: ",
                     result.stderr), result.stderr
    assert not list((tmp_path / "out").rglob("*.pdf"))


def test_a_supplementary_without_text_is_refused(tmp_path):
    spec = _spec(tmp_path, {"heading": "附則", "text": []})
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 1, result.stdout
    assert "agreement.document.supplementary.text" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
