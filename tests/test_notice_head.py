"""The head of a notice and the groups of its 記 block, as real offices set them: a
heading over some of the 記 items (浪江町: ＜概要＞ over 【日時】 and 【場所】), the date
of issue above the header line (浪江町: 令和８年２月26日 / 報道機関各位), the date of
issue as an ISO date (長崎県公立大学法人's news page: 2018-12-05).

Each spec is a variation of the seed's, built by the real command line; the PDF is
read back with the position of each line, the DOCX reopened. Each mistake stops with
file, line and key, and nothing is written.
"""
from __future__ import annotations

import pdfplumber
import pytest
from docx import Document

from jpdocs import cli

from conftest import needs_poppler, no_space, pdf_text
from test_notice_format import build, check, docx_text, line_of, pdf_words, variant

AFTER = ("  closing_ijo:", "  after:\n    issue_date: 2024-03-01\n    opening: [本日、締結しました。]\n  closing_ijo:")


def lines(pdf) -> list[tuple[float, float, float, str]]:
    """(top, bottom, x0, text) of each line the reader sees on the first page, top to
    bottom: glyphs grouped by their baseline, left to right, without spaces."""
    with pdfplumber.open(pdf) as doc:
        chars = [c for c in doc.pages[0].chars if c["text"].strip()]
    rows: dict[float, list] = {}
    for c in chars:
        key = next((k for k in rows if abs(k - c["bottom"]) < 2), c["bottom"])
        rows.setdefault(key, []).append(c)
    out = []
    for _, cs in sorted(rows.items()):
        cs.sort(key=lambda c: c["x0"])
        out.append((min(c["top"] for c in cs), max(c["bottom"] for c in cs), cs[0]["x0"],
                    "".join(c["text"] for c in cs)))
    return out


def line(rows, start: str):
    """The first line that begins with `start`."""
    found = [r for r in rows if r[3].startswith(start)]
    assert found, (start, [r[3] for r in rows])
    return found[0]


def docx_paragraphs(path) -> list:
    return [p for p in Document(str(path)).paragraphs if p.text.strip()]


# ------------------------------------------------------------- a heading over items

GROUPED = """  ki:
    - heading: ＜概要＞
    - date
    - place
    - heading: ＜当日の進行＞
    - signatories
    - agenda
  closing_ijo:"""


@needs_poppler
def test_a_heading_opens_a_group_of_ki_items(tmp_path, capsys):
    """ki: - heading: a line of its own over the items after it, where an item's number
    stands (the items' margin), each heading above its group; the items numbered as if
    it were not there (１ … ４); in the DOCX the same paragraphs in the same order, each
    heading kept with its first item."""
    path = variant(tmp_path, ("  closing_ijo:", GROUPED))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    rows = lines(pdf)
    order = [line(rows, s) for s in ("記", "＜概要＞", "１日時", "２場所", "＜当日の進行＞", "３締結者", "４次第")]
    assert [r[0] for r in order] == sorted(r[0] for r in order), [r[3] for r in order]
    assert line(rows, "＜概要＞")[3] == "＜概要＞" and line(rows, "＜当日の進行＞")[3] == "＜当日の進行＞"
    for heading in ("＜概要＞", "＜当日の進行＞"):      # at the margin of the items' numbers
        assert abs(line(rows, heading)[2] - line(rows, "１日時")[2]) < 0.5
    assert "５" not in "".join(r[3][:1] for r in rows if r[0] > line(rows, "記")[0])
    paras = docx_paragraphs(pdf.with_suffix(".docx"))
    texts = [no_space(p.text) for p in paras]
    for heading, first in (("＜概要＞", "１日時"), ("＜当日の進行＞", "３締結者")):
        i = texts.index(heading)
        assert texts[i + 1].startswith(first) and paras[i].paragraph_format.keep_with_next, texts[i:i + 2]
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


@pytest.mark.parametrize("ki, fragment, key, message", [
    ("  ki:\n    - date\n    - place\n    - signatories\n    - agenda\n    - heading: ＜概要＞\n", "heading: ＜概要＞",
     "press_notice.ki[4].heading", "the heading '＜概要＞' stands over the items after it, and no item follows it:"
                                   " write its items after it, or remove it"),
    ("  ki:\n    - heading: ＜概要＞\n    - heading: ＜日時＞\n    - date\n    - place\n    - signatories\n"
     "    - agenda\n", "heading: ＜概要＞", "press_notice.ki[0].heading",
     "the heading '＜概要＞' stands over the items after it, and the next entry is another heading"),
    ("  ki:\n    - {heading: ＜概要＞, item: date}\n    - place\n    - signatories\n    - agenda\n", "heading: ＜概要＞",
     "press_notice.ki[0].item", "a heading (heading: ＜概要＞) is a line of its own over the items after it, and item"
                                " would have no effect beside it"),
])
def test_a_heading_over_nothing_is_refused(ki, fragment, key, message, tmp_path, capsys):
    path = variant(tmp_path, ("  closing_ijo:", ki + "  closing_ijo:"))
    code, _, err, pdf = build(path, tmp_path, capsys)
    prefix = f"error: {path}:{line_of(path, fragment)}: {key}: "
    assert code == 1 and any(x.startswith(prefix) and message in x for x in err.splitlines()), err
    assert not pdf.exists()


# ------------------------------------------------------ the date above the header

@needs_poppler
@pytest.mark.parametrize("office", [True, False])
def test_the_date_above_the_header_line(office, tmp_path, capsys):
    """notice.date_above_header: the date, then 報道機関各位, then the office's line under
    it (or, with issuing_office: false, the title after as wide a gap as under the date
    without the key), in the notice and the release after the signing; the DOCX alike."""
    pairs = [AFTER] + ([] if office else [("  issue_date: 2024-02-16\n",
                                           "  issue_date: 2024-02-16\n  issuing_office: false\n")])
    path = variant(tmp_path, *pairs, style="notice:\n  date_above_header: true\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    rows = lines(pdf)
    date, header = line(rows, "令和６年（2024年）２月16日"), line(rows, "報道機関各位")
    title = line(rows, "項目")
    assert date[0] < header[0] < title[0], [r[3] for r in rows[:4]]
    assert rows[0] == date and rows[1] == header
    if office:
        assert rows[2][3] == "北海道オホーツク総合振興局" and header[0] < rows[2][0] < title[0]
    else:
        assert rows[2] == title
        # the gap before the title is the head's, as under the date without the key: the
        # same lines and gap above it, so the title stands where it stood
        (tmp_path / "plain").mkdir()
        plain = variant(tmp_path / "plain", *pairs)
        code, _, err, before = build(plain, tmp_path / "plain", capsys)
        assert code == 0, err
        old = lines(before)
        assert line(old, "報道機関各位")[0] < line(old, "令和６年")[0]
        assert abs(title[0] - line(old, "項目")[0]) < 0.5, (title, line(old, "項目"))
    paras = [no_space(p.text) for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    assert paras[0].startswith("令和６年（2024年）２月16日") and paras[1] == "報道機関各位"
    assert (paras[2] == "北海道オホーツク総合振興局") == office
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0
    after = lines(tmp_path / "out" / path.stem / "press-notice-after.pdf")
    assert after[0][3].startswith("令和６年（2024年）３月１日") and after[1][3] == "報道機関各位", after[:3]


def test_the_date_above_a_header_line_that_is_not_there_is_refused(tmp_path, capsys):
    """A house that dates its notices above the header line, and a notice without one
    (header: false), or a house whose header word is empty: refused, nothing written."""
    path = variant(tmp_path, ("  issue_date: 2024-02-16\n", "  header: false\n  issue_date: 2024-02-16\n"),
                   style="notice:\n  date_above_header: true\n")
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 1 and (f"error: {path}:{line_of(path, 'header: false')}: press_notice.header: the house sets the"
                          " date of issue above the header line (notice.date_above_header), and this notice has no"
                          " header line: the key would have no effect") in err, err
    assert not pdf.exists()
    path = variant(tmp_path, style="notice:\n  date_above_header: true\nwording:\n  press_header: \"\"\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {path}:{line_of(path, 'style: house.yaml')}: style: the house sets the date" in err
    assert "its header line (wording: press_header) is empty" in err


# ------------------------------------------------------------- an ISO date of issue

@needs_poppler
@pytest.mark.parametrize("digits", [None, "full"])
def test_the_date_of_issue_as_an_iso_date(digits, tmp_path, capsys):
    """dates.issue_calendar: iso (a university's news page: 2018-12-05): the date of
    issue so, half-width whatever the house's digits, without a weekday, in the notice
    and the release after the signing; every other date as the house writes it."""
    house = "dates: {issue_calendar: iso}\n" + (f"digits: {digits}\n" if digits else "")
    path = variant(tmp_path, ("  issue_date: 2024-02-16", "  issue_date: 2024-02-06"), AFTER, style=house)
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    rows = lines(pdf)
    assert rows[1][3] == "2024-02-06配布" and rows[2][3] == "北海道オホーツク総合振興局", [r[3] for r in rows[:3]]
    text = pdf_words(pdf)
    assert ("２月27日（火）" in text or "２月２７日（火）" in text) and "２月６日" not in text and "2月6日" not in text
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == text
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0
    after = no_space(pdf_text(tmp_path / "out" / path.stem / "press-notice-after.pdf"))
    assert "2024-03-01配布" in after


@pytest.mark.parametrize("house, line_no, key, message", [
    ("dates:\n  issue_calendar: iso\n  issue_weekday: none\n", 3, "dates.issue_weekday",
     "the date of issue is written as an ISO date (issue_calendar: iso, 2018-12-05), which has no weekday:"
     " issue_weekday would have no effect; remove it"),
    ("dates:\n  issue_calendar: iso\n  issue_two_digits: true\n", 3, "dates.issue_two_digits",
     "the date of issue is written as an ISO date (issue_calendar: iso, 2018-12-05), whose month and day always"
     " have two digits: issue_two_digits would have no effect; remove it"),
])
def test_an_iso_date_with_a_weekday_or_padding_is_refused(house, line_no, key, message, tmp_path, capsys):
    path = variant(tmp_path, style=house)
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:{line_no}: {key}: {message}" in err, err


# ------------------------------------------------------- offices issuing together

TWO_OFFICES = ("  issue_date: 2024-02-16\n",
               "  issue_date: 2024-02-16\n  issuing_office:\n    - オホーツク総合振興局地域創生部　主幹　北野　花子\n"
               "    - 北見工業大学研究協力課　課長　南　一郎\n  issuer_label: 同時発表：北見市\n")


@needs_poppler
@pytest.mark.parametrize("above", [False, True])
def test_offices_issuing_together_each_a_line(above, tmp_path, capsys):
    """issuing_office as a list (国立環境研究所 and 国立水俣病総合研究センター): each office
    a line of the same form, in order, under the date (or under the header line where
    the house dates its notices above it), then the issuer_label; the release after the
    signing and the DOCX alike."""
    path = variant(tmp_path, TWO_OFFICES, AFTER, style="notice:\n  date_above_header: true\n" if above else None)
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    head = ["令和６年（2024年）２月16日（金）配布", "報道機関各位"]
    expected = (head if above else head[::-1]) + ["オホーツク総合振興局地域創生部主幹北野花子",
                                                  "北見工業大学研究協力課課長南一郎", "同時発表：北見市"]
    rows = lines(pdf)
    assert [r[3] for r in rows[:5]] == expected
    assert [r[0] for r in rows[:6]] == sorted(r[0] for r in rows[:6])
    right = [r for r in rows[:5] if not r[3].startswith("報道")]
    with pdfplumber.open(pdf) as doc:          # each right-aligned: they end at one x
        ends = [max(c["x1"] for c in doc.pages[0].chars if abs(c["top"] - r[0]) < 2) for r in right]
    assert max(ends) - min(ends) < 1, ends
    paras = [no_space(p.text) for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    assert paras[:5] == expected
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0
    after = [r[3] for r in lines(tmp_path / "out" / path.stem / "press-notice-after.pdf")[:5]]
    assert after[2:4] == expected[2:4], after


def test_an_empty_list_of_issuing_offices_is_refused(tmp_path, capsys):
    path = variant(tmp_path, ("  issue_date: 2024-02-16\n", "  issue_date: 2024-02-16\n  issuing_office: []\n"))
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {path}:{line_of(path, 'issuing_office: []')}: press_notice.issuing_office" in err, err
