"""The documents a notice links and does not print (press_notice.sections[].documents and
sections[].document): 館山市's 協定書[PDF形式:294KB], a line under 連携事項's matters
(`tateyama-seven-2021`, its house's marks ［{form}：{size}］), 鹿児島市's 4.協定書, a
section that is the linked agreement (`kagoshima-ogaki-2024`), 新潟労働局's リーフレット at
the foot. Built by the command line and read back: the PDF's lines in order, the DOCX's
paragraphs; with an address, the PDF's link annotation (a Link element with its /Contents,
PDF/UA-1 valid) and the DOCX's hyperlink. Only what the spec states is printed (a title
alone, a form alone); the product's default marks are named in a note; misuse is refused
with file, line and key and no output."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import ROOT, real_case_variant, run_generate, seed_with_sections
from glyphs import page_rows
from test_tagged_pdf import validate

REAL = ROOT / "tests" / "data" / "real"
CASES = ("tateyama-seven-2021", "kagoshima-ogaki-2024", "niigata-labour-itoigawa-2026")
ADDRESS = "https://www.example.jp/kyotei.pdf?id=1&v=2"


def _plain(text: str) -> str:
    return re.sub(r"[ 　]", "", text)


def _lines(pdf: Path) -> list[str]:
    """Every line of the PDF, page by page, without its spaces."""
    n = len(PdfReader(pdf).pages)
    return [_plain("".join(c["text"] for c in row)) for p in range(n) for row in page_rows(pdf, p)]


def _docx_texts(docx: Path) -> list[str]:
    return [_plain(p.text) for p in Document(docx).paragraphs if p.text.strip()]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("linked")
    result = run_generate(*(REAL / f"{c}.yaml" for c in CASES), "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out


def test_a_document_under_a_section_is_a_line_after_its_text_in_the_houses_marks(built):
    """協定書［PDF形式：294KB］ on a line of its own straight after (2)'s matter, before the
    next heading; the same paragraph in the DOCX, in the same place."""
    case = built / "tateyama-seven-2021"
    for texts in (_lines(case / "press-notice.pdf"), _docx_texts(case / "press-notice.docx")):
        at = texts.index("協定書［PDF形式：294KB］")
        assert texts[at - 1] == "（２）地域の活性化に関すること"
        assert texts[at + 1] == "協定の経緯と今後の活動"
    # the line is no link where the spec gives no address
    assert not any(a.get_object()["/Subtype"] == "/Link" for p in PdfReader(case / "press-notice.pdf").pages
                   for a in (p.get("/Annots") or []))


def test_a_section_that_is_a_document_is_its_numbered_heading_with_nothing_under_it(built):
    case = built / "kagoshima-ogaki-2024"
    pdf, docx = _lines(case / "press-notice.pdf"), _docx_texts(case / "press-notice.docx")
    assert pdf[-1] == "４.協定書" and docx[-1] == "４.協定書"
    # a heading in the DOCX as the other sections' headings are
    heads = [p for p in Document(case / "press-notice.docx").paragraphs if _plain(p.text) in ("３.協定締結式", "４.協定書")]
    assert len(heads) == 2 and heads[0].style.style_id == heads[1].style.style_id


def test_a_document_alone_at_the_foot_is_its_title(built):
    texts = _lines(built / "niigata-labour-itoigawa-2026" / "press-notice.pdf")
    assert texts[-1] == "リーフレット"
    assert texts.count("リーフレット") == 1


def test_an_address_makes_the_line_a_link_in_the_pdf_and_the_docx(tmp_path):
    spec = real_case_variant(tmp_path, "tateyama-seven-2021", "tateyama-city.yaml",
                             ("{title: 協定書, form: PDF形式, size: 294KB}",
                              f'{{title: 協定書, form: PDF形式, size: 294KB, address: "{ADDRESS}"}}'))
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "stand-in.jpg").write_bytes((REAL / "photos" / "stand-in.jpg").read_bytes())
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out" / spec.stem
    pdf = out / "press-notice.pdf"
    links = [a.get_object() for p in PdfReader(pdf).pages for a in (p.get("/Annots") or [])]
    assert len(links) == 1
    link = links[0]
    assert link["/Subtype"] == "/Link" and link["/A"]["/URI"] == ADDRESS
    assert str(link["/Contents"]) == f"協定書［PDF形式：294KB］ {ADDRESS}" and "/StructParent" in link
    # the annotation's rectangle over the line that prints the title
    x0, y0, x1, y1 = map(float, link["/Rect"])
    row = next(r for r in page_rows(pdf, 0) if _plain("".join(c["text"] for c in r)) == "協定書［PDF形式：294KB］")
    height = float(PdfReader(pdf).pages[0].mediabox.height)
    # (from the first glyph to the end of the last: tests/test_link_areas.py)
    assert abs(x0 - row[0]["x0"]) <= 0.5 and abs(x1 - row[-1]["x1"]) <= 0.5
    assert y0 - 0.5 <= height - row[0]["bottom"] and height - row[0]["top"] <= y1 + 0.5
    # the address is where the link goes, never printed
    assert "example" not in "".join(_lines(pdf))
    assert validate(pdf) == []
    # the DOCX: the paragraph's runs in one hyperlink to the address, an external relationship
    doc = Document(out / "press-notice.docx")
    para = next(p for p in doc.paragraphs if _plain(p.text) == "協定書［PDF形式：294KB］")
    hyperlinks = para._p.findall(qn("w:hyperlink"))
    assert len(hyperlinks) == 1 and not para._p.findall(qn("w:r"))
    rel = doc.part.rels[hyperlinks[0].get(qn("r:id"))]
    assert rel.is_external and rel.target_ref == ADDRESS


@pytest.mark.parametrize("document, printed", [
    ({"title": "協定書", "form": "PDF形式"}, "協定書（PDF形式）"),
    ({"title": "協定書", "size": "294KB"}, "協定書（294KB）"),
    ({"title": "協定書", "form": "PDF", "size": "1,585KB"}, "協定書（PDF：1,585KB）"),
    ({"title": "協定書"}, "協定書"),
])
def test_only_what_the_spec_states_is_printed_and_the_default_marks_are_named(tmp_path, document, printed):
    spec = seed_with_sections(tmp_path, "doc", [{"heading": "参考", "paragraphs": ["協定の本文です。"],
                                                "documents": [document]}])
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    texts = _lines(tmp_path / "out" / "doc" / "press-notice.pdf")
    at = texts.index("協定の本文です。")
    assert texts[at + 1] == printed
    noted = [line for line in result.stdout.splitlines()
             if line.startswith("note:") and "press_notice.sections[0].documents[0]" in line]
    if "form" in document or "size" in document:
        assert noted and "（{form}：{size}）" in noted[0] and "wording.document_details" in noted[0]
    else:
        assert not noted                     # no marks printed, none named


@pytest.mark.parametrize("section, key, words", [
    ({"heading": "協定書", "document": {"title": "協定書"}},
     "press_notice.sections[0].heading", "whose title is its heading"),
    ({"document": {"title": "協定書"}, "paragraphs": ["本文"]},
     "press_notice.sections[0].paragraphs", "would read as the document's content"),
    ({"document": {"title": "協定書"}, "documents": [{"title": "別紙"}]},
     "press_notice.sections[0].documents", "would read as the document's content"),
    ({"document": {"title": "協定書"}, "before_ki": True},
     "press_notice.sections[0].before_ki", "before_ki is refused"),
    ({"heading": "参考", "documents": [{"title": "協定書", "address": "kyotei.pdf"}]},
     "press_notice.sections[0].documents[0].address", "a web address beginning http:// or https://"),
    ({"document": {"title": "協定書", "address": "https://example.jp/a b.pdf"}},
     "press_notice.sections[0].document.address", "without spaces"),
    ({"heading": "参考", "documents": []},
     "press_notice.sections[0]", "the documents it links"),
    ({"heading": "参考", "documents": [{"form": "PDF"}]},
     "press_notice.sections[0].documents[0].title", ""),
])
def test_a_misused_document_is_refused_with_no_output(tmp_path, section, key, words):
    spec = seed_with_sections(tmp_path, "bad", [section])
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    found = [line for line in result.stderr.splitlines() if f": {key}: " in line and words in line]
    assert found and re.match(rf"error: {re.escape(str(spec))}:\d+: ", found[0]), result.stderr
    assert not list((tmp_path / "out").rglob("*.pdf")) and not list((tmp_path / "out").rglob("*.docx"))


@pytest.mark.parametrize("document, printed", [
    ({"title": "協定書", "form": "PDFファイル", "size": "100KB"}, "協定書(100KB;PDFファイル)"),
    ({"title": "協定書", "size": "100KB"}, "協定書(100KB)"),
    ({"title": "協定書", "form": "PDFファイル"}, "協定書(PDFファイル)"),
])
def test_a_house_writing_the_size_first_has_it_first(tmp_path, document, printed):
    """和光市 writes 協定書(100KB; PDFファイル), the size before the form (wako-riken-2019):
    its marks in that order print both so, and either alone between the outer marks."""
    spec = seed_with_sections(tmp_path, "doc", [{"heading": "参考", "paragraphs": ["協定の本文です。"],
                                                "documents": [document]}])
    house = tmp_path / "house.yaml"
    house.write_text('wording:\n  document_details: "({size}; {form})"\n', encoding="utf-8")
    result = run_generate(spec, "--style", house, "-o", tmp_path / "out", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    texts = _lines(tmp_path / "out" / "doc" / "press-notice.pdf")
    assert texts[texts.index("協定の本文です。") + 1] == printed
    assert printed in _docx_texts(tmp_path / "out" / "doc" / "press-notice.docx")
    assert "document_details" not in result.stdout        # the house's own marks: no note


@pytest.mark.parametrize("details", ["（{form}）", "（{size}）", "（{form}：{size}：{size}）", "（{form}：{form}）"])
def test_house_marks_without_the_form_and_the_size_once_each_are_refused(tmp_path, details):
    spec = seed_with_sections(tmp_path, "doc", [{"heading": "参考", "paragraphs": ["本文"],
                                                "documents": [{"title": "協定書", "form": "PDF"}]}])
    house = tmp_path / "house.yaml"
    house.write_text(f'wording:\n  document_details: "{details}"\n', encoding="utf-8")
    result = run_generate(spec, "--style", house, "-o", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert re.search(rf"{re.escape(str(house))}:2: wording.document_details: .*the form's placeholder and"
                     r" the size's, each once, in the office's order.*（\{form\}：\{size\}）", result.stderr), result.stderr
    assert not list((tmp_path / "out").rglob("*.pdf"))
