"""Where the date line of a notice stands (the house's notice.date_place): in the head
(default), on the line under the title (大分県's 知事通信, 信州大学's pages), or at the
foot, the notice's last line (大崎市's and 松浦市's 更新日：…). Built from variations of
the seed by the real command line, the PDF read back line by line, the DOCX reopened,
the release after the signing alike; the key beside date_above_header refused.
"""
from __future__ import annotations

import pdfplumber
import pytest

from jpdocs import cli

from conftest import needs_poppler, no_space
from test_notice_format import build, check, variant
from test_notice_head import AFTER, docx_paragraphs

DATE = "令和６年（2024年）２月16日（金）配布"
AFTER_DATE = "令和６年（2024年）３月１日（金）配布"
TITLE = "項目"


def all_lines(pdf) -> list[str]:
    """Every line a reader sees, page by page, top to bottom, without spaces."""
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            rows: dict[float, list] = {}
            for c in page.chars:
                if c["text"].strip():
                    key = next((k for k in rows if abs(k - c["bottom"]) < 2), c["bottom"])
                    rows.setdefault(key, []).append(c)
            out += ["".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"])) for _, cs in sorted(rows.items())]
    return out


def title_line(lines: list[str]) -> int:
    """The index of the title's line (the seed's title, after 項目, fits on one), above
    the 配付資料 line and the text."""
    return next(i for i, line in enumerate(lines) if line.startswith(TITLE))


@needs_poppler
@pytest.mark.parametrize("place", ["head", "under_title", "foot"])
def test_the_date_line_where_the_house_sets_it(place, tmp_path, capsys):
    """The date line, and only it, moves: under the title (after its last line, before
    the text) or to the notice's last line; 報道機関各位 and the office keep the head.
    The PDF, the DOCX and the release after the signing alike."""
    path = variant(tmp_path, AFTER, style=f"notice:\n  date_place: {place}\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = all_lines(pdf)
    assert lines.count(DATE) == 1, lines
    at = lines.index(DATE)
    assert lines[0] == "報道機関各位"
    if place == "head":
        assert at == 1 and lines[2] == "北海道オホーツク総合振興局", lines[:4]
    else:
        assert lines[1] == "北海道オホーツク総合振興局" and lines[2].startswith(TITLE), lines[:4]
    if place == "under_title":
        assert at == title_line(lines) + 1 and lines[at + 1].startswith("配付資料"), lines[at - 2:at + 2]
    if place == "foot":
        assert at == len(lines) - 1, lines[-3:]
    paras = [no_space(p.text) for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    assert paras.count(DATE) == 1 and paras[0] == "報道機関各位"
    docx_at = paras.index(DATE)
    expected = {"head": 1, "under_title": title_line(paras) + 1, "foot": len(paras) - 1}[place]
    assert docx_at == expected, paras
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0
    after = all_lines(tmp_path / "out" / path.stem / "press-notice-after.pdf")
    assert after.count(AFTER_DATE) == 1, after
    after_at = after.index(AFTER_DATE)
    if place == "head":
        assert after_at == 1
    elif place == "foot":
        assert after_at == len(after) - 1, after[-3:]
    else:
        assert after_at == title_line(after) + 1, after[after_at - 2:after_at + 2]


@needs_poppler
def test_a_notice_without_a_date_has_no_line_to_place(tmp_path, capsys):
    """issue_date: none beside date_place: foot: no date anywhere, no error (the key is
    the house's for its dated notices)."""
    path = variant(tmp_path, ("  issue_date: 2024-02-16", "  issue_date: none"), style="notice:\n  date_place: foot\n")
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    assert not any("２月16日" in line or "配布" in line for line in all_lines(pdf))


@pytest.mark.parametrize("place", ["under_title", "foot"])
def test_a_date_placed_away_from_the_head_beside_date_above_header_is_refused(place, tmp_path, capsys):
    """date_above_header: true puts the date in the head; date_place away from it
    contradicts it: an error at date_place's line of the style file, nothing written."""
    path = variant(tmp_path, style=f"notice:\n  date_above_header: true\n  date_place: {place}\n")
    code, _, err = check(path, capsys)
    assert code == 1, err
    assert (f"error: {tmp_path / 'house.yaml'}:3: notice.date_place: date_place: {place} sets the date of issue"
            " away from the head, and date_above_header: true sets it there, above the header line: the two"
            " contradict; remove one") in err, err
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 1 and not pdf.exists() and "Traceback" not in err


def line_edges(pdf, text: str) -> tuple[float, float, float, float]:
    """The left and right edges of the line reading `text` (spaces aside), and the
    leftmost and rightmost edges of any glyph on its page: the margins (a 、。 hanging
    past the right margin aside: ぶら下げ)."""
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            chars = [c for c in page.chars if c["text"].strip()]
            rows: dict[float, list] = {}
            for c in chars:
                key = next((k for k in rows if abs(k - c["bottom"]) < 2), c["bottom"])
                rows.setdefault(key, []).append(c)
            for cs in rows.values():
                if "".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"])) == text:
                    return (min(c["x0"] for c in cs), max(c["x1"] for c in cs),
                            min(c["x0"] for c in chars), max(c["x1"] for c in chars if c["text"] not in "、。，．"))
    raise AssertionError(text)


@needs_poppler
@pytest.mark.parametrize("place", ["head", "under_title", "foot"])
def test_the_date_line_at_the_left(place, tmp_path, capsys):
    """notice.date_align: left (大分県's 知事通信: 平成27年3月19日 at the left under the
    title): the date line starts at the left margin wherever it stands, the office under
    it keeps the right; the DOCX paragraph is left-aligned; right (default) ends at the
    right margin."""
    path = variant(tmp_path, style=f"notice:\n  date_place: {place}\n  date_align: left\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    left, right, margin_left, margin_right = line_edges(pdf, DATE)
    assert abs(left - margin_left) < 1 and right < margin_right - 20, (left, right, margin_left, margin_right)
    office = line_edges(pdf, "北海道オホーツク総合振興局")
    assert abs(office[1] - office[3]) < 1, office
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    para = next(p for p in Document(str(pdf.with_suffix(".docx"))).paragraphs if no_space(p.text) == DATE)
    assert para.alignment == WD_ALIGN_PARAGRAPH.LEFT
    plain = variant(tmp_path, style=f"notice:\n  date_place: {place}\n", name="plain.yaml")
    code, _, err, pdf = build(plain, tmp_path, capsys)
    assert code == 0, err
    left, right, margin_left, margin_right = line_edges(pdf, DATE)
    assert abs(right - margin_right) < 1 and left > margin_left + 20, (left, right, margin_left, margin_right)


@needs_poppler
def test_the_date_in_the_title_s_line_without_its_year(tmp_path, capsys):
    """notice.date_place: before_title with dates.issue_year: false (調布市's (9月27日発表)
    重大な…): the date, its prefix and suffix with it, once, at the start of the title's
    line straight before the subject, without its year; no date line in the head (the
    header, then the office, then the title). The PDF, the DOCX and the release after the
    signing alike; the ceremony's date keeps its year."""
    path = variant(tmp_path, AFTER, style="dates:\n  issue_year: false\nnotice:\n  date_place: before_title\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = all_lines(pdf)
    dated = "２月16日（金）配布"
    assert lines[:2] == ["報道機関各位", "北海道オホーツク総合振興局"], lines[:4]
    assert lines[2].startswith(TITLE + dated + "北海道オホーツク総合振興局と"), lines[2]
    text = "".join(lines)
    assert text.count("２月16日") == 1 and "令和６年（2024年）２月16日" not in text, lines
    assert "令和６年（2024年）２月27日" in text        # the ceremony's date keeps its year
    paras = [no_space(p.text) for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    assert paras[:2] == ["報道機関各位", "北海道オホーツク総合振興局"], paras[:4]
    assert paras[2].startswith(TITLE + dated + "北海道オホーツク総合振興局と"), paras[2]
    assert "".join(paras).count("２月16日") == 1
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0
    after = all_lines(tmp_path / "out" / path.stem / "press-notice-after.pdf")
    assert after[1] == "北海道オホーツク総合振興局" and after[2].startswith(TITLE + "３月１日（金）配布"), after[:4]
    assert "".join(after).count("３月１日（金）配布") == 1, after


@pytest.mark.parametrize("style, key, message", [
    ("dates:\n  issue_calendar: iso\n  issue_year: false\n", "dates.issue_year",
     "the date of issue is written as an ISO date (issue_calendar: iso, 2018-12-05), which always has its year:"
     " issue_year would have no effect; remove it"),
    ("dates:\n  event_year: false\n  issue_year: false\n", "dates.issue_year",
     "issue_year: false writes the date of issue without its year, and event_year: false leaves the year of the"
     " ceremony's date to the date of issue: no date would say the year; remove one of them"),
    ("notice:\n  date_place: before_title\n  date_align: left\n", "notice.date_align",
     "date_place: before_title sets the date of issue in the title's line, before the subject, where it has no"
     " line of its own to align: date_align would have no effect; remove it"),
])
def test_a_date_form_that_has_no_effect_is_refused(style, key, message, tmp_path, capsys):
    """issue_year: false where the date's form always has its year, or beside
    event_year: false (no date would say the year); date_align where the date has no
    line of its own: errors at the style file's line, nothing written."""
    path = variant(tmp_path, style=style)
    code, _, err = check(path, capsys)
    assert code == 1, err
    assert f"error: {tmp_path / 'house.yaml'}:3: {key}: {message}" in err, err
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 1 and not pdf.exists() and "Traceback" not in err


@needs_poppler
@pytest.mark.parametrize("place", ["under_title", "foot"])
def test_the_office_on_the_line_under_the_date_where_the_house_sets_it(place, tmp_path, capsys):
    """notice.office_place: with_date (東京東信用金庫's news: its title, then 2020年４月８日,
    then 東京東信用金庫): the issuing office follows the date under the title or at the
    foot, on the line under it, and the head keeps 報道機関各位 alone. The PDF, the DOCX
    and the release after the signing alike."""
    path = variant(tmp_path, AFTER, style=f"notice:\n  date_place: {place}\n  office_place: with_date\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    office = "北海道オホーツク総合振興局"
    for lines in (all_lines(pdf), [no_space(p.text) for p in docx_paragraphs(pdf.with_suffix(".docx"))]):
        assert lines.count(DATE) == 1 and lines.count(office) == 1, lines
        at = lines.index(DATE)
        assert lines[0] == "報道機関各位" and lines[1].startswith(TITLE), lines[:3]
        assert lines[at + 1] == office, lines[at - 1:at + 3]
        assert at == (title_line(lines) + 1 if place == "under_title" else len(lines) - 2), lines
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0
    after = all_lines(tmp_path / "out" / path.stem / "press-notice-after.pdf")
    at = after.index(AFTER_DATE)
    assert after[at + 1] == office and after[1].startswith(TITLE), after


@needs_poppler
def test_the_office_on_the_lines_under_the_title_while_the_date_keeps_the_head(tmp_path, capsys):
    """notice.office_place: under_title (関東地方整備局's 記者発表資料: 平成30年03月28日, the
    title, then 関東地方整備局 / 企画部): the issuing office on the line under the title, the
    date alone under 報道機関各位 in the head. The PDF, the DOCX and the release after the
    signing alike."""
    path = variant(tmp_path, AFTER, style="notice:\n  office_place: under_title\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    office = "北海道オホーツク総合振興局"
    for lines in (all_lines(pdf), [no_space(p.text) for p in docx_paragraphs(pdf.with_suffix(".docx"))]):
        assert lines.count(DATE) == 1 and lines.count(office) == 1, lines
        assert lines[:2] == ["報道機関各位", DATE] and lines[2].startswith(TITLE), lines[:4]
        assert lines.index(office) == title_line(lines) + 1, lines
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0
    after = all_lines(tmp_path / "out" / path.stem / "press-notice-after.pdf")
    assert after[:2] == ["報道機関各位", AFTER_DATE] and after[title_line(after) + 1] == office, after


def test_the_office_under_the_title_beside_a_date_under_the_title_is_refused(tmp_path, capsys):
    """office_place: under_title beside date_place: under_title: which of the two first
    would be a guess; with_date says it (the offices under the date there)."""
    path = variant(tmp_path, style="notice:\n  date_place: under_title\n  office_place: under_title\n")
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err, err
    assert (f"error: {tmp_path / 'house.yaml'}:3: notice.office_place: office_place: under_title sets the issuing"
            " office under the title while the date keeps the head, and date_place: under_title sets the date there"
            " too: write office_place: with_date, which sets the offices on the lines under that date") in err, err


@pytest.mark.parametrize("place", ["head", "before_title", "after_title"])
def test_the_office_with_a_date_that_has_no_line_of_its_own_away_from_the_head_is_refused(place, tmp_path, capsys):
    """office_place: with_date beside a date in the head (where the office stands under it
    anyway) or in the title's line (where no line follows it) would have no effect."""
    path = variant(tmp_path, style=f"notice:\n  date_place: {place}\n  office_place: with_date\n")
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err, err
    assert (f"error: {tmp_path / 'house.yaml'}:3: notice.office_place: office_place: with_date sets the issuing"
            " office under the date where the date stands on a line of its own away from the head (date_place:"
            f" under_title or foot); with date_place: {place} it would have no effect") in err, err
