"""An agreement's cover page (agreement.document.cover), as the signed copies of 三鷹市,
東久留米市 and 君津市 with クライシスマッパーズ・ジャパン begin: the first page holds the
title and the parties' names (the date where asked) and nothing else, not numbered;
the text begins on the second page and its pages are numbered from - 1 -, as without
a cover. The DOCX has the same cover and numbering, the A3 sheet (pages_per_sheet: 2)
its cover on the first sheet's left half, and the PDF stays PDF/UA.

The real command line builds the seed's agreement; the PDF is read back line by line.
"""
from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pytest
import yaml
from reportlab.lib.pagesizes import A4

from conftest import SEED_SPEC, needs_poppler, run_generate

TITLE = "北海道オホーツク総合振興局と北見工業大学との包括連携に関する協定書"
NAMES = {"bureau": "北海道オホーツク総合振興局", "kitami_it": ["国立大学法人", "北見工業大学"]}


def build(tmp_path: Path, cover, house: str = "", formats: str = "pdf,docx") -> Path:
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    if cover is not None:
        data["agreement"]["document"]["cover"] = cover
    tmp_path.mkdir(parents=True, exist_ok=True)
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    options = ()
    if house:
        (tmp_path / "house.yaml").write_text(house, encoding="utf-8")
        options = ("--style", tmp_path / "house.yaml")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", formats, *options)
    assert result.returncode == 0, result.stderr
    return tmp_path / "out" / "spec" / "agreement.pdf"


def lines_of(page, right: float = 1e9) -> list[str]:
    """The page's lines as a reader sees them: glyphs by baseline, left to right (those
    left of `right`: one half of an A3 sheet)."""
    rows = defaultdict(list)
    for c in page.chars:
        if c["x1"] > right:
            continue
        rows[round(c["bottom"])].append(c)
    return ["".join(c["text"] for c in sorted(rows[k], key=lambda c: c["x0"])) for k in sorted(rows)]


def numbers(page) -> list[str]:
    return [w["text"] for w in page.extract_words(keep_blank_chars=True) if re.fullmatch(r"- \d+ -", w["text"])]


@needs_poppler
def test_the_cover_stands_alone_on_the_first_page_and_the_text_is_numbered_from_its_own(tmp_path):
    plain = build(tmp_path / "plain", None, formats="pdf")
    pdf = build(tmp_path / "cover", {"title": ["北海道オホーツク総合振興局と北見工業大学との", "包括連携に関する協定書"],
                                     "names": NAMES, "date": True})
    with pdfplumber.open(plain) as doc:
        text_pages = [lines_of(p) for p in doc.pages]
        plain_numbers = [numbers(p) for p in doc.pages]
    with pdfplumber.open(pdf) as doc:
        pages = [lines_of(p) for p in doc.pages]
        found = [numbers(p) for p in doc.pages]
    assert pages[0] == ["北海道オホーツク総合振興局と北見工業大学との", "包括連携に関する協定書", "令和６年２月27日",
                        "北海道オホーツク総合振興局", "国立大学法人", "北見工業大学"]
    # the text from the second page, line for line what it is without a cover, its numbers too
    assert len(text_pages) == 2 and pages[1:] == text_pages
    assert found == [[], ["- 1 -"], ["- 2 -"]] and plain_numbers == [["- 1 -"], ["- 2 -"]]


@needs_poppler
def test_cover_true_prints_the_title_and_each_partys_name_as_its_block_writes_it(tmp_path):
    pdf = build(tmp_path, True, formats="pdf")
    with pdfplumber.open(pdf) as doc:
        first = lines_of(doc.pages[0])
        rows = defaultdict(list)
        for c in doc.pages[0].chars:
            rows[round(c["bottom"])].append(c)
        centre = [(min(c["x0"] for c in row) + max(c["x1"] for c in row)) / 2 for row in rows.values()]
        assert "".join(first[:2]) == TITLE and first[2:] == ["北海道オホーツク総合振興局",
                                                            "国立大学法人北海道国立大学機構　北見工業大学"]
        assert len(centre) == 4 and all(abs(x - A4[0] / 2) < 12 for x in centre)     # each line centred
        assert lines_of(doc.pages[1])[0] + lines_of(doc.pages[1])[1] == TITLE


@needs_poppler
def test_names_false_leaves_the_title_alone_on_the_cover_in_the_pdf_and_the_docx(tmp_path):
    """立川市's cover (2018): the title on two lines and nothing else, the date where asked."""
    pdf = build(tmp_path / "alone", {"title": ["北海道オホーツク総合振興局と北見工業大学との", "包括連携に関する協定書"],
                                     "names": False})
    dated = build(tmp_path / "dated", {"names": False, "date": True}, formats="pdf")
    with pdfplumber.open(pdf) as doc:
        assert lines_of(doc.pages[0]) == ["北海道オホーツク総合振興局と北見工業大学との", "包括連携に関する協定書"]
        assert "".join(lines_of(doc.pages[1])[:2]) == TITLE and numbers(doc.pages[1]) == ["- 1 -"]
    with pdfplumber.open(dated) as doc:
        first = lines_of(doc.pages[0])
        assert "".join(first[:-1]) == TITLE and first[-1] == "令和６年２月27日"
    body = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml").decode()
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", body, re.S)
    texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in paragraphs]
    text = next(i for i, p in enumerate(paragraphs) if "<w:pageBreakBefore/>" in p)   # the text's first page
    assert "".join(texts[:text]) == TITLE and texts[text] == TITLE     # the cover: the title, nothing else


@needs_poppler
def test_the_names_side_by_side_stand_in_one_row_under_the_title(tmp_path):
    pdf = build(tmp_path, {"names": NAMES, "side_by_side": True}, formats="pdf")
    with pdfplumber.open(pdf) as doc:
        words = {w["text"]: w for w in doc.pages[0].extract_words()}
    bureau, npo, univ = words["北海道オホーツク総合振興局"], words["国立大学法人"], words["北見工業大学"]
    assert bureau["x1"] < A4[0] / 2 < npo["x0"]                           # the left half, the right
    assert npo["top"] < bureau["top"] < univ["top"]                       # beside the two lines, in their middle


@needs_poppler
def test_a_house_cover_title_style_sets_the_covers_title_alone(tmp_path):
    """東久留米市's cover sets its title in a large gothic: the house's `cover_title`
    paragraph style, where it has one, sets the cover's title (a heading, H1, as with the
    title style) and nothing else; the text's title keeps the title style."""
    house = "styles:\n  cover_title: {font: gothic, size: 16, leading: 1.5, align: center}\n"
    pdf = build(tmp_path, {"names": NAMES}, house=house)
    with pdfplumber.open(pdf) as doc:
        first, names = doc.pages[0].chars[0], doc.pages[0].chars[-1]
        text_title = doc.pages[1].chars[0]
    assert round(first["size"]) == 16 and "Gothic" in first["fontname"]
    assert round(text_title["size"]) == 14 and "Mincho" in text_title["fontname"]     # the title style, in mincho
    assert round(names["size"]) < 16                                               # the names: the body's
    # Word's style of its own (表紙 表題), at that size, on the cover's title alone
    package = zipfile.ZipFile(pdf.with_suffix(".docx"))
    styles = package.read("word/styles.xml").decode()
    own = re.search(r'<w:style [^>]*w:styleId="cover_title".*?</w:style>', styles, re.S).group()
    assert '<w:name w:val="表紙 表題"/>' in own and '<w:sz w:val="32"/>' in own
    body = package.read("word/document.xml").decode()
    assert body.count('<w:pStyle w:val="cover_title"/>') == 1

def test_the_docx_has_the_cover_then_the_text_from_a_new_page_numbered_from_its_first(tmp_path):
    pdf = build(tmp_path, {"names": NAMES})
    body = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml").decode()
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", body, re.S)
    texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in paragraphs]
    cover = texts.index("北海道オホーツク総合振興局")
    title = next(i for i, t in enumerate(texts) if i > cover and t.startswith("北海道オホーツク総合振興局と"))
    assert "".join(texts[:title]) == TITLE + "北海道オホーツク総合振興局国立大学法人北見工業大学"
    assert "<w:pageBreakBefore/>" in paragraphs[title]
    assert not any("<w:pageBreakBefore/>" in p for p in paragraphs[:title])
    # the cover's page (the first) has a footer of its own, empty; the text's are - PAGE -,
    # counted from 0 on the cover: its first page is - 1 -
    sect = re.findall(r"<w:sectPr.*?</w:sectPr>", body, re.S)[-1]
    assert '<w:pgNumType w:start="0"/>' in sect and "<w:titlePg/>" in sect
    package = zipfile.ZipFile(pdf.with_suffix(".docx"))
    rels = package.read("word/_rels/document.xml.rels").decode()
    target = {rid: t for rid, t in re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels)}
    target.update({rid: t for t, rid in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', rels)})
    refs = dict(re.findall(r'<w:footerReference w:type="(\w+)" r:id="(rId\d+)"', sect))
    first = package.read("word/" + target[refs["first"]]).decode()
    default = package.read("word/" + target[refs["default"]]).decode()
    assert "PAGE" not in first and not re.findall(r"<w:t[^>]*>[^<]+</w:t>", first)
    assert " PAGE " in default


@needs_poppler
def test_on_an_a3_sheet_the_cover_takes_the_first_sheets_left_half(tmp_path):
    pdf = build(tmp_path, {"names": NAMES}, house="agreement:\n  pages_per_sheet: 2\n", formats="pdf")
    half = A4[0]
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == 2
        first = doc.pages[0].chars
        assert first and all(c["x1"] <= half for c in first)             # the right half blank
        assert "".join(lines_of(doc.pages[0])).startswith(TITLE[:10])
        assert numbers(doc.pages[0]) == [] and numbers(doc.pages[1]) == ["- 1 -", "- 2 -"]
        assert "".join(lines_of(doc.pages[1], right=half)).startswith(TITLE)


def test_a_cover_validates_as_pdf_ua_1(tmp_path):
    page = pytest.importorskip("page")
    pdf = build(tmp_path, {"names": NAMES, "side_by_side": True, "date": True}, formats="pdf")
    assert [(f.rule_id, f.message) for f in page.validate_pdf(str(pdf), profile="PDF_UA_1").failures] == []


@pytest.mark.parametrize("cover, key, message", [
    ({"names": {"zzz": "北見市"}}, "names.zzz", "'zzz' is not a party of this spec (parties: 北海道オホーツク総合振興局（bureau）, 北見工業大学（kitami_it）)"),
    ({"names": {"bureau": "北海道オホーツク総合振興局"}}, "names", "the cover's names leave out 北見工業大学（kitami_it）"),
    ({"names": {"bureau": "北見市役所", "kitami_it": "北見工業大学"}}, "names.bureau",
     "the cover's name for 'bureau', 「北見市役所」, does not hold the party's name"),
    ({"title": ["北海道と北見工業大学との", "包括連携に関する協定書"]}, "title",
     "the cover's title lines make 「北海道と北見工業大学との包括連携に関する協定書」, not the document's title"),
    ({"names": {"bureau": []}}, "names.bureau", "at least 1"),
    ({"zzz": 1}, "zzz", "unknown key 'zzz'"),
    ({"names": False, "side_by_side": True}, "side_by_side", "side_by_side has no effect: the cover names no party"),
    (False, "", ""),
])
def test_a_cover_that_would_print_what_the_spec_did_not_say_is_refused(tmp_path, cover, key, message):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["agreement"]["document"]["cover"] = cover
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate("check", spec)
    assert result.returncode == 1, result.stdout
    where = "agreement.document.cover" + (f".{key}" if key else "")
    found = [line for line in result.stderr.splitlines() if f": {where}: " in line and message in line]
    assert found and found[0].startswith(f"error: {spec}:"), result.stderr


@needs_poppler
def test_the_cover_dates_in_its_own_digits_the_date_line_in_its_own(tmp_path):
    """清瀬市's signed copy (2018): the cover 平成３０年４月２５日, full-width, over a date line
    平成30年4月25日 (the house's agreement.cover_date_digits: full beside date_digits: half),
    in the PDF and the DOCX; without the key both are the date line's."""
    house = "name: 表紙\nagreement:\n  date_digits: half\n"
    plain = build(tmp_path / "plain", {"names": False, "date": True}, house)
    pdf = build(tmp_path / "own", {"names": False, "date": True}, house + "  cover_date_digits: full\n")
    for path, cover in ((plain, "令和6年2月27日"), (pdf, "令和６年２月２７日")):
        with pdfplumber.open(path) as doc:
            assert lines_of(doc.pages[0])[-1] == cover
            assert "令和6年2月27日" in [line.strip() for p in doc.pages[1:] for line in lines_of(p)]
            assert "令和６年２月２７日" not in "".join(line for p in doc.pages[1:] for line in lines_of(p))
    body = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml").decode()
    texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in re.findall(r"<w:p[ >].*?</w:p>", body, re.S)]
    assert texts.count("令和６年２月２７日") == 1 and "令和6年2月27日" in texts
    assert texts.index("令和６年２月２７日") < texts.index("令和6年2月27日")


def test_cover_date_digits_as_the_date_lines_own_is_refused_at_its_line(tmp_path):
    """cover_date_digits in the digits the date line has already would have no effect."""
    house = tmp_path / "house.yaml"
    house.write_text("name: 表紙\ndigits: half\nagreement:\n  cover_date_digits: half\n", encoding="utf-8")
    result = run_generate("check", SEED_SPEC, "--style", house)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"{house}:4: agreement.cover_date_digits: the date line's digits are already half"
            in result.stdout + result.stderr), result.stderr
