"""An agreement's preamble and closing as real texts set them: the closing as paragraphs
(document.closing as a list: a treaty's attestation, 以上の証拠として、…署名した。, then the
sentence of its date and place, each begun an em in, no space between them; 外務省's texts of
1991 and 1993); the preamble as paragraphs (document.preamble as a list) under a heading set
as the articles' headings are (（基本方針）, 厚生労働省 and 国税庁税務大学校's 覚書 of 2024) and over
記 centred between it and the articles (日本年金機構, 国税庁 and 厚生労働省's 協定書 of 2017); an
article's paragraphs numbered from 1 as treaties number them (paragraph_numbers: from_first,
the house's or the document's: 第二条　１　この議定書は…, ２　…), an article of one paragraph
unnumbered. Each is built from its real case by the real command line, the PDF read back
(its lines and where they start) and the DOCX reopened; each misuse is refused at its line,
nothing written. `tests/test_real_cases.py` holds the real cases to their facts."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pdfplumber
import pytest

from conftest import ROOT, no_space, run_generate
from test_published_copies import build, line_of, refused, seed

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


QUARANTINE = ("厚生労働省は、新型インフルエンザ等の流行時に、",
              "検疫待機施設の確保に当たっては、民間施設の活用を前提としつつ、")


@pytest.fixture(scope="module")
def quarantine(tmp_path_factory) -> Path:
    return built(tmp_path_factory.mktemp("quarantine"), "mhlw-nta-quarantine-2024")


def test_the_preamble_s_heading_stands_as_an_article_s_and_each_paragraph_begins_a_line(quarantine):
    lines = pdf_lines(quarantine / "agreement.pdf")
    heading, article = starting(lines, "（基本方針）"), starting(lines, "（開設の手続）")
    assert no_space(lines[heading]["text"]) == "（基本方針）"
    assert abs(lines[heading]["x0"] - lines[article]["x0"]) < 0.5        # where the articles' headings stand
    first, second = starting(lines, QUARANTINE[0]), starting(lines, QUARANTINE[1])
    assert first == heading + 1 and heading < second < article
    assert abs(lines[first]["x0"] - lines[second]["x0"]) < 0.5            # each begun as the preamble is
    assert lines[second]["x0"] - lines[second - 1]["x0"] > 5              # the first's last line at the margin
    assert no_space(lines[second - 1]["text"]).endswith("を確保する。")


def test_the_docx_has_the_preamble_s_heading_and_paragraphs_as_paragraphs(quarantine):
    paragraphs = docx_paragraphs(quarantine / "agreement.docx")
    at = paragraphs.index("（基本方針）")
    assert [p[:len(start)] for p, start in zip(paragraphs[at + 1:at + 3], QUARANTINE)] == list(QUARANTINE)
    assert paragraphs[at + 3] == "（開設の手続）"


def _preamble(tmp: Path, entries: str) -> Path:
    """The quarantine 覚書 with its preamble's entries written otherwise (YAML lines)."""
    spec = real_copy(tmp, "mhlw-nta-quarantine-2024")
    text = spec.read_text(encoding="utf-8")
    start = text.index("    preamble:")
    end = text.index("    closing:")
    spec.write_text(text[:start] + "    preamble:\n" + entries + text[end:], encoding="utf-8")
    return spec


P1 = "      - 厚生労働省は、検疫待機施設を確保する。\n"
P2 = "      - 検疫待機施設について、次のとおり覚書を締結する。\n"


@pytest.mark.parametrize("entries, at, message", [
    (P1 + "      - heading: 基本方針\n" + P2, "heading: 基本方針",
     "agreement.document.preamble[1]: a heading of the preamble stands over its paragraphs: write it first"),
    ("      - {text: 記, align: center}\n" + P1 + P2, "text: 記",
     "agreement.document.preamble[0]: a centred line of the preamble (記) stands between the preamble and the"
     " articles: write it last"),
    (P2, "preamble:", "agreement.document.preamble: a preamble of one paragraph is written as a line"),
    ("      - heading: 基本方針\n", "preamble:",
     "agreement.document.preamble: the preamble has no paragraph: write its text, or preamble: false for none"),
])
def test_a_preamble_s_entries_out_of_place_are_refused(tmp_path, entries, at, message):
    spec = _preamble(tmp_path, entries)
    err = refused(tmp_path, spec)
    assert f"{spec}:{line_of(spec, at)}: {message}" in err, err
    assert "Traceback" not in err


def test_a_preamble_heading_in_a_house_that_numbers_its_headings_is_refused(tmp_path):
    spec = _preamble(tmp_path, "      - heading: 基本方針\n" + P1 + P2)
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("style: styles/nta-quarantine.yaml\n", ""), encoding="utf-8")
    err = refused(tmp_path, spec)
    assert (f"{spec}:{line_of(spec, 'heading: 基本方針')}: agreement.document.preamble[0]: a heading of the"
            " preamble is set as the articles' headings are, and the house sets theirs with their numbers") in err, err
    assert "Traceback" not in err


@pytest.fixture(scope="module")
def nenkin(tmp_path_factory) -> Path:
    return built(tmp_path_factory.mktemp("nenkin"), "nta-nenkin-mhlw-2017")


def test_ki_stands_centred_on_a_line_of_its_own_between_the_preamble_and_the_articles(nenkin):
    lines = pdf_lines(nenkin / "agreement.pdf")
    ki = starting(lines, "記")
    assert no_space(lines[ki]["text"]) == "記"
    assert no_space(lines[ki - 1]["text"]).endswith("次のとおり協定を締結する。")
    assert no_space(lines[ki + 1]["text"]) == "（目的）"
    body = lines[ki - 2]                         # a full line of the preamble, margin to margin
    middle = (body["x0"] + body["x1"]) / 2
    assert abs((lines[ki]["x0"] + lines[ki]["x1"]) / 2 - middle) < 3, (lines[ki], middle)


def test_the_docx_has_ki_as_a_centred_paragraph(nenkin):
    document = docx.Document(str(nenkin / "agreement.docx"))
    paragraphs = [p for p in document.paragraphs if p.text]
    at = next(i for i, p in enumerate(paragraphs) if p.text == "記")
    assert paragraphs[at - 1].text.endswith("次のとおり協定を締結する。") and paragraphs[at + 1].text == "（目的）"
    assert paragraphs[at].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER


W_NUM = W + "numPr"


def numbered(path: Path) -> list[tuple[str, str | None]]:
    """Each paragraph of the DOCX with text, and the level Word numbers it at (None: typed)."""
    body = docx.Document(str(path)).element.body
    out = []
    for p in body.iter(W + "p"):
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        num = p.find(".//" + W_NUM)
        level = num.find(W + "ilvl").get(W + "val") if num is not None and num.find(W + "ilvl") is not None else None
        if text:
            out.append((text, level))
    return out


def level_start(path: Path, ilvl: int) -> int:
    numbering = docx.Document(str(path)).part.numbering_part.element
    levels = numbering.findall(f".//{W}abstractNum/{W}lvl[@{W}ilvl='{ilvl}']")
    return int(levels[-1].find(W + "start").get(W + "val"))


def test_a_treaty_s_paragraphs_numbered_from_one_and_a_single_one_unnumbered(china):
    lines = [no_space(line["text"]) for line in pdf_lines(china / "agreement.pdf")]
    first = next(line for line in lines if line.startswith("第一条"))
    assert first == "第一条協定第三条1を次のように改める。"            # one paragraph: no number
    assert next(line for line in lines if line.startswith("第二条")).startswith("第二条１この議定書は、")
    assert "２この議定書は、協定が有効である限り効力を有する。" in lines
    quoted = lines.index(first) + 1                                  # the quoted paragraph, as written
    assert lines[quoted].startswith("1一方の締約国は、")


def test_the_docx_numbers_the_treaty_s_second_paragraph_and_types_the_first_s_one(china):
    paragraphs = numbered(china / "agreement.docx")
    second = next(i for i, (t, _) in enumerate(paragraphs) if "この議定書は、両締約国が" in t)
    text, level = paragraphs[second]
    assert level == "0" and no_space(text).startswith("１この議定書は")   # 第二条 Word's, １ typed after it
    assert paragraphs[second + 1] == ("この議定書は、協定が有効である限り効力を有する。", "1")   # ２ Word's
    assert level_start(china / "agreement.docx", 1) == 2


@pytest.fixture(scope="module")
def from_first(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("from-first")
    spec = seed(tmp, lambda doc, parties: doc.update(paragraph_numbers="from_first"))
    folder, _ = build(spec, tmp / "out", "--format", "pdf,docx")
    return folder


def test_the_document_numbers_its_paragraphs_from_one_under_headed_articles(from_first):
    lines = [no_space(line["text"]) for line in pdf_lines(from_first / "agreement.pdf")]
    at = lines.index("第３条（推進体制）")
    assert lines[at + 1].startswith("１甲及び乙は、前条に掲げる事項") and any(
        line.startswith("２前条に掲げる事項の具体的な内容") for line in lines[at + 2:at + 5])
    purpose = lines.index("第１条（目的）")
    assert lines[purpose + 1].startswith("本協定は、")                 # an article of one paragraph: none
    paragraphs = numbered(from_first / "agreement.docx")
    first = next(i for i, (t, _) in enumerate(paragraphs) if t.startswith("甲及び乙は、前条に掲げる事項"))
    assert paragraphs[first][1] == "1" and paragraphs[first + 1][1] == "1"    # both Word's, from １
    assert level_start(from_first / "agreement.docx", 1) == 1


@pytest.mark.parametrize("case, change, message", [
    ("seed", {"paragraph_numbers": "from_second"},
     "agreement.document.paragraph_numbers: the house numbers its articles' paragraphs from_second already"),
    ("seed", {"paragraph_numbers": "from_first", "standard": None,
              "extra_articles": [{"heading": "目的", "text": ["甲及び乙は、協力する。"]}]},
     "agreement.document.paragraph_numbers: paragraph_numbers: from_first numbers the paragraphs of an article of"
     " two or more, and no article has two: it would have no effect"),
])
def test_paragraph_numbers_with_no_effect_is_refused(tmp_path, case, change, message):
    spec = seed(tmp_path, lambda doc, parties: doc.update(change))
    err = refused(tmp_path, spec)
    assert f"{spec}:{line_of(spec, 'paragraph_numbers:')}: {message}" in err, err
    assert "Traceback" not in err


def test_a_document_of_a_house_numbering_from_one_numbers_from_two(tmp_path):
    """agreement.paragraph_numbers: from_first in the house numbers every agreement so; a
    document of that house numbered as laws number says paragraph_numbers: from_second."""
    (tmp_path / "house.yaml").write_text("agreement:\n  paragraph_numbers: from_first\n", encoding="utf-8")

    def house(doc, parties, numbers=None):
        if numbers:
            doc["paragraph_numbers"] = numbers
    for numbers, first in ((None, "１甲及び乙は、前条に掲げる事項"), ("from_second", "甲及び乙は、前条に掲げる事項")):
        spec = seed(tmp_path, lambda doc, parties: house(doc, parties, numbers), name=f"house-{numbers}")
        text = spec.read_text(encoding="utf-8")
        spec.write_text("style: house.yaml\n" + text, encoding="utf-8")
        folder, _ = build(spec, tmp_path / "out")
        lines = [no_space(line["text"]) for line in pdf_lines(folder / "agreement.pdf")]
        assert lines[lines.index("第３条（推進体制）") + 1].startswith(first), numbers


def test_refused_beside_prose(tmp_path):
    spec = seed(tmp_path, lambda doc, parties: (doc.clear(), doc.update(
        prose=["両市は、友好を深める。"], closing="以上のとおり協定する。", paragraph_numbers="from_first")))
    err = refused(tmp_path, spec)
    assert (f"{spec}:{line_of(spec, 'paragraph_numbers:')}: agreement.document.paragraph_numbers: the document is"
            " prose without articles (document.prose), and paragraph_numbers is the articles' paragraphs' numbers:"
            " it would have no effect") in err, err
    assert "Traceback" not in err
