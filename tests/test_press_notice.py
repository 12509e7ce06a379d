"""The seed's press notice, built by the real command line and read back."""
from __future__ import annotations

import hashlib
import re
import subprocess

from docx import Document as OpenDocx
from pypdf import PdfReader

from conftest import SEED_SPEC, SEED_TEXT, needs_poppler, no_space, pdf_text, run_generate


def seed_page_one() -> str:
    text = SEED_TEXT.read_text(encoding="utf-8")
    return text[:text.index("北海道オホーツク総合振興局と北見工業大学との包括連携協定の概要")]


@needs_poppler
def test_pdf_text_equals_the_seed_page_one(seed_build):
    text = pdf_text(seed_build / "press-notice.pdf")
    text = re.sub(r"^- \d+ -$", "", text, flags=re.M)        # page numbers aside
    # The one line added to the seed: who issues the notice, under its date (the seed's
    # extracted text lacks it; a notice must name its issuer).
    seed = seed_page_one().replace("配布", "配布\n北海道オホーツク総合振興局\n", 1)
    assert no_space(text) == no_space(seed)


def test_the_notice_is_one_a4_portrait_page_with_metadata(seed_build):
    reader = PdfReader(seed_build / "press-notice.pdf")
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    meta = reader.metadata
    assert meta.title == "北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について"
    assert meta.author == "北海道オホーツク総合振興局"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "ja-JP"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]


@needs_poppler
def test_fonts_are_embedded_subsets_of_biz_ud_and_nothing_else(seed_build):
    rows = subprocess.run(["pdffonts", str(seed_build / "press-notice.pdf")],
                          capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    names = set()
    for row in rows:
        cols = row.split()
        assert re.fullmatch(r"[A-Z]{6}\+BIZUD(Mincho|Gothic)-(Regular|Bold)", cols[0]), row
        assert re.search(r"\byes\s+yes\s+yes\s+\d+\s+\d+\s*$", row), f"not embedded subset: {row}"
        names.add(cols[0].split("+")[1])
    assert names >= {"BIZUDMincho-Regular", "BIZUDGothic-Regular"}


def test_two_builds_are_byte_identical(tmp_path):
    for n in (1, 2):
        result = run_generate(SEED_SPEC, "-o", tmp_path / str(n))
        assert result.returncode == 0, result.stderr
    for name in ("press-notice.pdf", "press-notice.docx"):
        a, b = (hashlib.sha256((tmp_path / str(n) / SEED_SPEC.stem / name).read_bytes()).hexdigest()
                for n in (1, 2))
        assert a == b, name


def test_document_id_follows_the_content(tmp_path):
    """Two notices with the same title but other text must not share a /ID."""
    spec = SEED_SPEC.read_text(encoding="utf-8").replace("30分程度", "45分程度")
    other = tmp_path / "other.yaml"
    other.write_text(spec, encoding="utf-8")
    assert run_generate(SEED_SPEC, other, "-o", tmp_path, "--format", "pdf").returncode == 0
    ids = {PdfReader(tmp_path / name / "press-notice.pdf").trailer["/ID"][0]
           for name in (SEED_SPEC.stem, "other")}
    assert len(ids) == 2


def test_docx_holds_the_same_paragraphs_as_the_pdf(seed_build):
    doc = OpenDocx(seed_build / "press-notice.docx")
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    joined = no_space("".join(texts))
    for must in ["報道機関各位", "令和６年（2024年）２月16日（金）", "北見工業大学学長", "鈴木聡一郎様",
                 "11時00分～（30分程度）", "包括連携協定の締結に至った経緯", "令和６年２月21日（水）17時まで",
                 "直通0152-41-0618", "出席者紹介、協定書への署名、記念撮影"]:
        assert must in joined, must


def docx_body_text(path) -> str:
    """Every w:t of the DOCX body in document order (tables where they stand)."""
    import zipfile
    from lxml import etree
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return "".join(e.text or "" for e in root.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))


@needs_poppler
def test_pdf_and_docx_carry_the_same_text_in_the_same_order(seed_build):
    pdf = pdf_text(seed_build / "press-notice.pdf")
    assert no_space(pdf) == no_space(docx_body_text(seed_build / "press-notice.docx"))


def first_page_number(path) -> str:
    """What the first page's footer shows before Word counts the pages: the stored
    result of its IF field."""
    from test_docx_writer import instructions
    return instructions(OpenDocx(str(path)).sections[0].first_page_footer._element).rsplit("|", 1)[-1]


def test_docx_page_numbers_only_where_the_pdf_has_several_pages(seed_build):
    """As the PDF: no - 1 - on the one-page notice; the two-page agreement has them."""
    assert len(PdfReader(seed_build / "press-notice.pdf").pages) == 1
    assert first_page_number(seed_build / "press-notice.docx") == "}"
    assert len(PdfReader(seed_build / "agreement.pdf").pages) > 1
    assert first_page_number(seed_build / "agreement.docx") == "- 1 -}"


@needs_poppler
def test_sama_only_on_the_partner(seed_build):
    text = no_space(pdf_text(seed_build / "press-notice.pdf"))
    assert "中島和彦様" not in text
    assert "鈴木聡一郎様" in text


@needs_poppler
def test_signatories_digits_and_numbers_follow_the_house_style(seed_build):
    text = pdf_text(seed_build / "press-notice.pdf")
    assert "令和６年（2024年）２月27日（火）" in text.replace(" ", "")
    for marker in ("１", "２", "３", "４"):
        assert re.search(rf"^{marker}\s*\S", text, flags=re.M), marker
