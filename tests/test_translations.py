"""An agreement's text in another language (document.translations): the English text of
a sister-city agreement made 日本語、英語により, printed as written after the Japanese
text's signatures, from a page of its own (高崎市・モンテンルパ市, 2006, as the city's
例規集 gives it).

The real case is built by the command line; its PDF is read back (the words of each
line, the structure tree's /Lang) and its DOCX reopened (w:lang of the runs). The
composer's Latin mode is held to its breaks: after a space, never inside a word."""
from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from conftest import ROOT, SEED_SPEC, needs_poppler, no_space, run_generate
from test_annexes import REQUEST, footer_texts, numbers_by_page
from test_tagged_pdf import structure

from jpdocs.writers.jlreq import Settings, prepare
from jpdocs.writers.jlreq_lines import compose

REAL = ROOT / "tests" / "data" / "real"
CASE = REAL / "takasaki-muntinlupa-2006.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("translations")
    result = run_generate(CASE, "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / CASE.stem


def _english():
    return yaml.safe_load(CASE.read_text(encoding="utf-8"))["agreement"]["document"]["translations"][0]


def _lines(pdf: Path, page: int) -> list[str]:
    """The page's lines as a reader sees them, the words apart (pdfplumber's spacing)."""
    with pdfplumber.open(pdf) as doc:
        text = doc.pages[page].extract_text(x_tolerance=1.5) or ""
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_english_text_follows_the_signatures_on_a_page_of_its_own_no_word_split(built):
    pdf = built / "agreement.pdf"
    en = _english()
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == 2
        first = doc.pages[0].extract_text()
    assert "ハイメ・アール・フレズネディ" in first and "SISTER" not in first
    lines = _lines(pdf, 1)
    assert lines[0] == en["title"]
    # every line holds whole words of the text: joined with spaces, the lines are the
    # paragraphs as written, and each line's last word is a word of the text
    words = {w for p in en["paragraphs"] + [en["date"]] for w in p.split(" ")}
    body = [line for line in lines[1:] if not re.fullmatch(r"- \d+ -", line)]
    joined = " ".join(body)
    for para in en["paragraphs"] + [en["date"]]:
        assert para in joined
    text_lines = body[:body.index(en["date"]) + 1]     # the paragraphs' and the date's lines
    assert len(text_lines) == 9                   # five, three and the date, at this width
    for line in text_lines:
        assert all(w in words for w in line.split(" ")), line
    # flush left: every line of the text starts at one margin, and the lines end where
    # their words do (not justified: the full lines' right ends differ)
    with pdfplumber.open(pdf) as doc:
        words_on_page = doc.pages[1].extract_words(x_tolerance=1.5)
    rows: dict[int, list] = {}
    for w in words_on_page:
        rows.setdefault(round(w["top"]), []).append(w)
    rows = {top: ws for top, ws in rows.items() if " ".join(w["text"] for w in ws) in text_lines}
    assert len(rows) == 9
    assert len({round(ws[0]["x0"], 1) for ws in rows.values()}) == 1
    ends = sorted(ws[-1]["x1"] for ws in rows.values())
    assert ends[-1] - ends[-4] > 5
    title = [w for w in words_on_page if w["text"] == "SISTER"][0]
    assert title["x0"] > next(iter(rows.values()))[0]["x0"] + 100     # the title centred


def test_the_english_text_is_set_in_the_latin_font_its_letters_proportional(built):
    """The house's Latin role (BIZ UDP明朝): the Japanese mincho's letters are all of one
    width, a typewriter's look; the English page's are the proportional font's, the
    Japanese page's are not, and the DOCX's English runs name it too."""
    with pdfplumber.open(built / "agreement.pdf") as doc:
        japanese, english = doc.pages[0].chars, doc.pages[1].chars
    assert {c["fontname"].split("+")[1] for c in english if c["text"].strip() and c["top"] < 700} \
        == {"BIZUDPMincho-Regular"}
    assert not any("PMincho" in c["fontname"] for c in japanese)
    width = {c["text"]: round(c["width"], 2) for c in english}
    assert width["i"] < width["a"] < width["W"]
    runs = [r for p in Document(built / "agreement.docx").paragraphs if p.text == _english()["title"] for r in p.runs]
    assert runs and all(r._r.rPr.find(qn("w:rFonts")).get(qn("w:ascii")) == "BIZ UDP明朝" for r in runs)


def test_the_english_blocks_are_side_by_side_as_the_text_sets_them(built):
    lines = _lines(built / "agreement.pdf", 1)
    en = _english()
    left, right = (s["lines"] for s in en["signers"])
    for a, b in zip(left, right):
        assert any(re.fullmatch(re.escape(a) + r"\s+" + re.escape(b), line) for line in lines), (a, b, lines)


def test_the_english_text_is_tagged_english_in_the_structure_tree(built):
    leaves, elements, reader = structure(built / "agreement.pdf")
    assert reader.trailer["/Root"]["/Lang"] == "ja-JP"
    english = [e for _, e in elements if e.get("/Lang") == "en"]
    assert len(english) == 1 + 2 + 1 + 6          # title, paragraphs, date, the blocks' lines
    # the English elements hold the English text, and the Japanese ones none
    en_text = " ".join(t for r, t in leaves if r in ("H", "P") and re.search("[A-Za-z]{3}", t))
    assert "SISTER CITY AGREEMENT" in en_text and "Gunma Prefecture,Japan" in en_text
    japanese = [e for r, e in elements if r == "P" and "/Lang" not in e]
    assert japanese                                # the Japanese text keeps the document's language
    assert all(not re.search("[A-Za-z]{4}", t) for r, t in leaves if t.startswith("日本国"))


def test_the_docx_marks_the_english_runs_english(built):
    doc = Document(built / "agreement.docx")
    # every paragraph, those in the tables (the blocks, the kept last page) too
    paras = [Paragraph(p, doc) for p in doc.element.body.iter(qn("w:p"))]
    def langs(p):
        return {(r._r.rPr.find(qn("w:lang")).get(qn("w:val")) if r._r.rPr is not None
                 and r._r.rPr.find(qn("w:lang")) is not None else None) for r in p.runs}
    english = [p for p in paras if re.search("[A-Za-z]{3}", p.text)]
    japanese = [p for p in paras if re.search("[ぁ-んァ-ン一-龥]", p.text)]
    assert {p.text for p in english} >= {"SISTER CITY AGREEMENT", "Jaime R.Fresnedi,Mayor", "Gunma Prefecture,Japan"}
    assert all(langs(p) == {"en-US"} for p in english), [(p.text, langs(p)) for p in english]
    assert japanese and all(langs(p) == {None} for p in japanese)
    title = next(p for p in english if p.text == "SISTER CITY AGREEMENT")
    assert title.paragraph_format.page_break_before
    body = next(p for p in english if p.text.startswith("We,the undersigned"))
    assert body.paragraph_format.alignment == 0      # flush left (WD_ALIGN_PARAGRAPH.LEFT)


def test_latin_text_breaks_only_after_a_space():
    """The composer's Latin mode: a line ends after a space, never inside a word — not
    after an apostrophe, a hyphen or a slash, where JLREQ allows a break."""
    text = "to Whakatāne’s sister-city and/or friendship (formal) agreement “as signed” today"
    widths = [5.0] * len(text)
    latin = Settings(hanging=False, compress=False, latin_spacing=False, latin=True)
    for width in range(55, 135):                   # each at least the longest word (Whakatāne’s: 55)
        p = prepare(text, widths, [10.0] * len(text), latin, width)
        lines = compose(p, [width], justify=False, may_hang=False)
        for line in lines[:-1]:
            assert text[line.end - 1] == " ", (width, text[line.start:line.end])
        assert "".join(text[l.start:l.end] for l in lines) == text
    # JLREQ's own breaks would end a line inside a word: to Whakatāne’ / s at 66 points
    p = prepare(text, widths, [10.0] * len(text), Settings(), 66)
    assert [text[l.start:l.end] for l in compose(p, [66], justify=False, may_hang=False)][0] == "to Whakatāne’"


def _spec(tmp_path: Path, translation: dict) -> Path:
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["agreement"]["document"]["translations"] = [translation]
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


_BLOCKS = [{"party": "bureau", "lines": ["Director"]}, {"party": "kitami_it", "lines": ["President"]}]


@pytest.mark.parametrize("change, key, message", [
    ({"paragraphs": ["We agree、"]}, "paragraphs[0]", "「、」 is not English"),
    ({"title": "協定"}, "title", "「協」 is not English"),
    ({"signers": _BLOCKS[:1]}, "signers", "'kitami_it' signs the Japanese text and has no block in the text in 'en'"),
    ({"signers": _BLOCKS + [{"party": "bureau", "lines": ["Mayor"]}]}, "signers[2].party",
     "'bureau' signs the text in 'en' twice"),
    ({"signers": [{"party": "kitami", "lines": ["x"]}, *_BLOCKS]}, "signers[0].party", "no party is named 'kitami'"),
    ({"language": "fr"}, "language", "en"),
    ({"paragraphs": []}, "paragraphs", "at least 1"),
    ({"signers": [{"party": "bureau", "lines": []}, _BLOCKS[1]]}, "signers[0].lines", "at least 1"),
])
def test_a_translation_that_cannot_print_as_written_is_refused_with_no_output(change, key, message, tmp_path):
    spec = _spec(tmp_path, {"language": "en", "title": "AGREEMENT", "paragraphs": ["We agree."],
                            "signers": _BLOCKS, **change})
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx")
    assert result.returncode == 1, result.stdout
    found = [line for line in result.stderr.splitlines()
             if f": agreement.document.translations[0].{key}: " in line and message in line]
    assert found and re.match(rf"error: {re.escape(str(spec))}:\d+: ", found[0]), result.stderr
    assert not list((tmp_path / "out").rglob("*.pdf")) and not list((tmp_path / "out").rglob("*.docx"))


def test_two_texts_in_one_language_are_refused(tmp_path):
    one = {"language": "en", "title": "AGREEMENT", "paragraphs": ["We agree."], "signers": _BLOCKS}
    spec = _spec(tmp_path, one)
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    data["agreement"]["document"]["translations"].append(one)
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate("check", spec)
    assert result.returncode == 1
    assert "agreement.document.translations[1].language: the text in 'en' is given twice" in result.stderr


@needs_poppler
def test_with_annexes_the_english_text_comes_before_them_and_is_numbered_on(tmp_path):
    """The English text is the agreement's other text, its pages numbered on from the
    Japanese text's; the annexes' forms follow both, unnumbered (in the PDF and in the
    DOCX, whose annexes are a section of their own with an empty footer)."""
    data = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    data["agreement"]["document"]["annexes"] = [REQUEST]
    data["style"] = str(REAL / data["style"])
    spec = tmp_path / "with-annex.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / spec.stem / "agreement.pdf"
    assert numbers_by_page(pdf) == [["- 1 -"], ["- 2 -"], []]
    assert _lines(pdf, 1)[0] == _english()["title"]
    assert "協力要請書" in no_space(pdf_text_page(pdf, 2))
    numbered, annexes = footer_texts(pdf.with_suffix(".docx"))
    assert any("PAGE" in f for f in numbered) and annexes == [""]
    body = Document(pdf.with_suffix(".docx")).paragraphs
    texts = [p.text for p in body]
    assert texts.index(_english()["title"]) < texts.index("協力要請書")


def pdf_text_page(pdf: Path, page: int) -> str:
    with pdfplumber.open(pdf) as doc:
        return doc.pages[page].extract_text() or ""


# ------------------------------------------------- on A3 sheets of two pages
def _on_sheets(tmp_path: Path, name: str, annexes: list | None = None, longer: int = 0) -> Path:
    """高崎市's agreement printed two pages a sheet (pages_per_sheet: 2): its house's file
    with that one key more; `longer`: the Japanese text's last paragraph that many times
    more, so that its signatures fall on the sheet's right half."""
    style = yaml.safe_load((REAL / "styles" / "takasaki-city.yaml").read_text(encoding="utf-8"))
    style["agreement"]["pages_per_sheet"] = 2
    (tmp_path / "sheets.yaml").write_text(yaml.safe_dump(style, allow_unicode=True), encoding="utf-8")
    data = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    data["style"] = "sheets.yaml"
    document = data["agreement"]["document"]
    if annexes:
        document["annexes"] = annexes
    if longer:
        document["prose"] = document["prose"][:-1] + [document["prose"][0]] * longer + document["prose"][-1:]
    spec = tmp_path / f"{name}.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return tmp_path / "out" / name / "agreement.pdf"


def _halves(pdf: Path) -> list[tuple[str, str]]:
    """Each sheet's (left half, right half) as text without spaces, the page numbers apart."""
    from test_page_breaks import HALF
    with pdfplumber.open(pdf) as doc:
        return [tuple(no_space(p.crop(box).extract_text() or "")
                      for box in ((0, 0, HALF, p.height), (HALF, 0, p.width, p.height))) for p in doc.pages]


@needs_poppler
def test_on_a3_sheets_the_english_text_begins_on_the_next_half_not_the_next_sheet(tmp_path):
    """The Japanese text and its signatures on the left half: the English text on the right
    half of the same sheet (as the text's new_page and the annexes begin), numbered on
    (- 1 -, - 2 -); an annex after it on the next sheet's left half, unnumbered."""
    en = _english()
    pdf = _on_sheets(tmp_path, "one-sheet")
    [(left, right)] = _halves(pdf)
    assert "姉妹都市" in left and "SISTER" not in left and left.endswith("-1-")
    assert right.startswith(no_space(en["title"])) and right.endswith("-2-")
    pdf = _on_sheets(tmp_path, "with-annex", annexes=[REQUEST])
    sheets = _halves(pdf)
    assert len(sheets) == 2 and sheets[0][1].startswith(no_space(en["title"]))
    assert sheets[1][0].startswith(no_space(REQUEST["heading"])) and "-3-" not in sheets[1][0] and sheets[1][1] == ""
    # the DOCX keeps A4 pages: the English title's paragraph begins a page (pageBreakBefore)
    body = Document(pdf.with_suffix(".docx")).paragraphs
    title = next(p for p in body if p.text == en["title"])
    assert title._p.pPr.find(qn("w:pageBreakBefore")) is not None


@needs_poppler
def test_on_a3_sheets_after_signatures_on_the_right_half_the_english_text_takes_the_next_sheet(tmp_path):
    pdf = _on_sheets(tmp_path, "long", longer=12)
    sheets = _halves(pdf)
    assert "SISTER" not in "".join(sheets[0]) and sheets[0][1], sheets[0]
    assert sheets[1][0].startswith(no_space(_english()["title"]))
