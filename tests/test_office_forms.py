"""Forms of real offices' notices the house style or the spec now chooses: the date of
issue with dots (dates.issue_calendar: dots, 2010.03.30), a span's end with its own
午前/午後 (times.end_period: always) and without まで (times.until: ""), a bullet of
the notice's own sections hanging after its mark (notice.section_mark_hang), the
subtitle run on after the title (press_notice.subtitle_joined), an item's own marker
(ki: - {…, marker:}) and several numbers of one kind on a line (phones: - {numbers:}).

The three real cases that need them (物質・材料研究機構, 麗澤大学, 観光庁) are built by
the real command line, PDF and DOCX; the PDF is read back with pdfplumber, the DOCX
reopened. Each key where it is malformed or would have no effect stops with file,
line and key.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pytest
from docx import Document

from jpdocs import cli, japanese

from conftest import needs_poppler
from test_notice_format import check, has_error, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CASES = ("nims-tsukuba-2010", "reitaku-sakai-2015", "kankocho-bunka-2013")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("office-forms")
    dirs = {}
    for cid in CASES:
        code = cli.main([str(REAL / f"{cid}.yaml"), "-o", str(out), "--kinds", "press-notice"])
        assert code == 0, cid
        dirs[cid] = out / cid
    return dirs


def lines_of(pdf: Path) -> list[list[dict]]:
    """The PDF's lines as a reader sees them: each a list of its characters, left to right."""
    rows = defaultdict(list)
    with pdfplumber.open(pdf) as doc:
        for k, page in enumerate(doc.pages):
            for c in page.chars:
                rows[(k, round(c["bottom"]))].append(c)
    return [sorted(rows[key], key=lambda c: c["x0"]) for key in sorted(rows)]


def text(line: list[dict]) -> str:
    return "".join(c["text"] for c in line)


def fold(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def pdf_lines(cid: str, built) -> list[str]:
    return [fold(text(line)) for line in lines_of(built[cid] / "press-notice.pdf")]


def docx_paragraphs(cid: str, built) -> list[str]:
    return [fold(p.text) for p in Document(built[cid] / "press-notice.docx").paragraphs]


def docx_all(cid: str, built) -> str:
    """Every paragraph's text, those in tables (the contact boxes) too."""
    doc = Document(built[cid] / "press-notice.docx")
    cells = [p.text for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
    return fold("\n".join([p.text for p in doc.paragraphs] + cells))


# ------------------------------------------------------------------ the forms themselves

def test_a_span_ends_with_its_own_period_and_without_made_where_the_house_says_so():
    two = (dt.time(14), dt.time(15))
    assert japanese.format_time_span(*two, "mixed", False, "12h", "から") == "午後２時から３時まで"
    assert japanese.format_time_span(*two, "mixed", False, "12h", "から", until="", end_period="always") \
        == "午後２時から午後３時"
    assert japanese.format_time_span(*two, "mixed", False, "12h", "～", end_period="always") == "午後２時～午後３時"
    assert japanese.format_time_span(dt.time(13, 30), dt.time(14, 30), "mixed", True, "24h", "から", until="") \
        == "13時30分から14時30分"
    # a start alone keeps its から (until follows an end only)
    assert japanese.format_time_span(dt.time(13, 30), None, "mixed", True, "24h", "から", until="") == "13時30分から"


@needs_poppler
def test_the_date_of_issue_with_dots_is_the_specs_date_at_the_top_of_pdf_and_docx(built):
    lines = pdf_lines("nims-tsukuba-2010", built)
    assert lines[0] == "2010.03.30"
    assert docx_paragraphs("nims-tsukuba-2010", built)[0] == "2010.03.30"
    # the same date, no other form of it
    assert not any("2010年" in line for line in lines)


@needs_poppler
def test_the_span_prints_as_the_office_writes_it_in_pdf_and_docx(built):
    for cid, line in (("nims-tsukuba-2010", "日時:平成22年4月1日(木)午後2時から午後3時"),
                      ("reitaku-sakai-2015", "日時:10月9日(金)13時30分から14時30分")):
        assert line in pdf_lines(cid, built), cid
        assert line in docx_paragraphs(cid, built), cid


@needs_poppler
def test_a_bullets_later_lines_hang_under_its_text_in_a_section_of_the_notices_own(built):
    lines = lines_of(built["nims-tsukuba-2010"] / "press-notice.pdf")
    opening = next(line for line in lines if text(line).startswith("NIMS"))
    for start in ("・独立行政法人", "・この協定のもとで"):
        k = next(i for i, line in enumerate(lines) if text(line).replace(" ", "").startswith(start))
        first, second = lines[k], lines[k + 1]
        assert abs(first[0]["x0"] - opening[0]["x0"]) < 0.5, start          # the mark where it stood (1 em in)
        assert abs(second[0]["x0"] - first[1]["x0"]) < 0.5, (start, text(second))   # under the text after ・
    # the DOCX: the paragraph's style hangs by the mark (one em) from two em
    doc = Document(built["nims-tsukuba-2010"] / "press-notice.docx")
    para = next(p for p in doc.paragraphs if p.text.startswith("・独立"))
    plain = next(p for p in doc.paragraphs if p.text.startswith("NIMS"))
    em = plain.style.paragraph_format.first_line_indent
    fmt = para.style.paragraph_format
    assert em > 0 and fmt.first_line_indent == -em and fmt.left_indent == 2 * em


@needs_poppler
def test_the_subtitle_runs_on_after_the_title_on_its_line(built):
    title = "茨城県境町と麗澤大学が包括的連携協定－知的・人的資源を活用して「魅力的な街づくり」を－"
    assert fold(title) in pdf_lines("reitaku-sakai-2015", built)
    assert fold(title) in docx_paragraphs("reitaku-sakai-2015", built)


@needs_poppler
def test_the_items_marks_and_the_joined_numbers_are_the_pages(built):
    lines = pdf_lines("kankocho-bunka-2013", built)
    heads = [line for line in lines if re.match(r"\d[:.]", line)]
    assert heads == ["1:日時・場所", "2:出席者", "3.目的・意義", "4.次第", "5.取材について"]
    docx = docx_paragraphs("kankocho-bunka-2013", built)
    assert [p for p in docx if re.match(r"\d[:.]", p)] == heads
    # two 直通 on one line, the house's comma between them (，), in both
    joined = "直通　03-5253-8321，03-5253-8328"
    assert any(line.startswith(fold(joined)) for line in lines)
    assert fold(joined) in docx_all("kankocho-bunka-2013", built)
    assert "03-5253-8328" not in "".join(line for line in lines if not line.startswith(fold("直通")))


# ------------------------------------------------------------------ refused where they do nothing

def style_variant(tmp_path: Path, style: str) -> Path:
    return variant(tmp_path, style=style)


@pytest.mark.parametrize("style, key, message", [
    ("times:\n  until: \"\"\n", "times.until", "the house writes its spans with ～ (times.span): until would have no effect"),
    ("times:\n  end_period: always\n", "times.end_period", "which has no 午前/午後: end_period would have no effect"),
    ("dates:\n  issue_calendar: dots\n  issue_weekday: none\n", "dates.issue_weekday",
     "a date with dots (issue_calendar: dots, 2018.12.05), which has no weekday"),
    ("dates:\n  issue_calendar: dots\n  issue_two_digits: true\n", "dates.issue_two_digits",
     "whose month and day always have two digits"),
])
def test_a_house_key_with_no_effect_is_refused_at_its_line(tmp_path, capsys, style, key, message):
    path = style_variant(tmp_path, style)
    code, _, err = check(path, capsys)
    assert code == 1
    house = tmp_path / "house.yaml"
    fragment = key.split(".")[1] + ":"
    assert has_error(err, house, fragment, key, message), err


_KI = "  closing_ijo: false"
_PHONE = "      phone: 0152-41-0618\n      phone_kind: 直通\n"


@pytest.mark.parametrize("change, fragment, key, message", [
    ((_KI, "  ki:\n    - {item: date, marker: \"{number}{n}\"}\n    - place\n    - signatories\n    - agenda\n" + _KI),
     "marker", "press_notice.ki[0].marker", "{number} may appear once in an item's marker"),
    ((_KI, "  ki:\n    - date\n    - {item: place, marker: \"{number}\"}\n    - signatories\n    - agenda\n" + _KI),
     "marker", "press_notice.ki[1].marker", "is the house's own marker of the 記 block's items"),
    ((_PHONE, "      phones: [{kind: 直通}]\n"), "phones", "press_notice.contacts[0].phones[0]",
     "a phone has one number"),
    ((_PHONE, "      phones: [{number: 0152-41-0618, numbers: [0152-41-0619, 0152-41-0620]}]\n"), "phones",
     "press_notice.contacts[0].phones[0]", "a phone has one number"),
    ((_PHONE, "      phones: [{numbers: [0152-41-0618], kind: 直通}]\n"), "phones",
     "press_notice.contacts[0].phones[0].numbers", "write a single one as number:"),
    ((_PHONE, "      phones:\n        - {numbers: [0152-41-0618, 0152-41-0619], kind: 代表, extension: \"2345\"}\n"),
     "extension", "press_notice.contacts[0].phones[0].extension", "an extension (内線) belongs to one number"),
    (("  attachments:", "  subtitle_joined: true\n  attachments:"), "subtitle_joined", "press_notice.subtitle_joined",
     "there is no subtitle: it would have no effect"),
])
def test_a_spec_key_malformed_or_with_no_effect_is_refused_at_its_line(tmp_path, capsys, change, fragment, key,
                                                                       message):
    path = variant(tmp_path, change)
    code, out, err = check(path, capsys)
    assert code == 1, out
    assert has_error(err, path, fragment, key, message), err
    assert not (tmp_path / "out").exists()


def test_an_items_own_marker_numbers_it_as_the_house_counts(tmp_path, capsys):
    """marker: "{number}:" on the second item: ２: in the house's digits, the others the
    house's own (１, ３ …), counted alike."""
    from test_notice_format import build
    path = variant(tmp_path, (_KI, "  ki:\n    - date\n    - {item: place, marker: \"{number}:\"}\n"
                                   "    - signatories\n    - agenda\n" + _KI))
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    lines = [fold(text(line)) for line in lines_of(pdf)]
    assert "2:場所" in lines and "1日時" in lines and "3締結者" in lines, lines
