"""A notice without a date of issue (`press_notice.issue_date: none`): the page it is
made from gives none (a report on an office's web page, a release as a blog repeats
it), so none is printed and none invented.

Built with the real generator on the seed spec and read back: the PDF's lines as a
reader sees them and the DOCX's paragraphs have no date line and nothing in its place
(no 配布, no prefix, no empty paragraph), the rest of the notice exactly as the dated
one's; the release after the signing likewise; the annual book files the agreement by
its signing; the keys that would print beside a missing date are refused with file,
line and key, and nothing is written.
"""
from __future__ import annotations

import re

import pytest

from jpdocs import cli

from conftest import run_generate
from test_notice_format import build, check, has_error, variant
from test_page_forms import docx_paragraphs, glyph_lines, needs_poppler, no_space, text_of

DATED = "  issue_date: 2024-02-16\n"
NONE = ("  issue_date: 2024-02-16\n", "  issue_date: none\n")
AFTER = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n    opening: [本日、締結しました。]\n  closing_ijo:")
AFTER_NONE = ("  closing_ijo:", "  after:\n    issue_date: none\n    opening: [本日、締結しました。]\n  closing_ijo:")
# a date in any form the house writes one: era, western, figures
ANY_DATE = re.compile(r"\d+年|\d+月\d+日|\d{4}[-.]\d{2}[-.]\d{2}|配布")


def lines_of(pdf) -> list[str]:
    return [no_space(text_of(line)) for line in glyph_lines(pdf)]


def title_gap(pdf) -> float:
    """From the top of the office's line (the last of the head) to the title's."""
    tops = [(no_space(text_of(line)), line[0]["top"]) for line in glyph_lines(pdf)]
    title = next(i for i, (text, _) in enumerate(tops) if text.startswith("項目"))
    assert tops[title - 1][0] == "北海道オホーツク総合振興局", tops[:title]
    return tops[title][1] - tops[title - 1][1]


def built(tmp_path, capsys, *pairs, style=None, kinds="press-notice", name="notice.yaml"):
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = variant(tmp_path, *pairs, style=style, name=name)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", kinds, "--format", "pdf,docx"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return tmp_path / "out" / path.stem, out.out


@needs_poppler
def test_no_date_line_and_the_rest_as_the_dated_notice(tmp_path, capsys):
    dated, _ = built(tmp_path / "a", capsys)
    undated, _ = built(tmp_path / "b", capsys, NONE)
    before, after = lines_of(dated / "press-notice.pdf"), lines_of(undated / "press-notice.pdf")
    assert before[:3] == ["報道機関各位", "令和６年（2024年）２月16日（金）配布", "北海道オホーツク総合振興局"]
    # the date line alone is gone: the header, then the office, then the title, every other line as it was
    assert after == before[:1] + before[2:], (before[:4], after[:4])
    assert not any(ANY_DATE.search(line) for line in after[:2])
    # the title keeps the gap after the last line of the head: one line higher, no hole
    assert title_gap(dated / "press-notice.pdf") == pytest.approx(title_gap(undated / "press-notice.pdf"), abs=0.5)
    # the DOCX: no date paragraph, no empty one where it stood
    paragraphs = [no_space(p) for p in docx_paragraphs(dated / "press-notice.docx")]
    undated_paragraphs = [no_space(p) for p in docx_paragraphs(undated / "press-notice.docx")]
    at = paragraphs.index("令和６年（2024年）２月16日（金）配布")
    assert undated_paragraphs == paragraphs[:at] + paragraphs[at + 1:]


@needs_poppler
def test_a_page_without_header_office_or_date_begins_with_its_title(tmp_path, capsys):
    out, _ = built(tmp_path, capsys, ("  issue_date: 2024-02-16\n",
                                      "  header: false\n  issuing_office: false\n  issue_date: none\n"))
    lines = lines_of(out / "press-notice.pdf")
    assert lines[0].startswith("項目北海道オホーツク総合振興局"), lines[:2]
    paragraphs = [no_space(p) for p in docx_paragraphs(out / "press-notice.docx")]
    assert paragraphs[0].startswith("項目北海道オホーツク総合振興局と北見工業大学"), paragraphs[:2]


@needs_poppler
def test_a_house_that_dates_above_the_header_sets_the_header_first(tmp_path, capsys):
    out, _ = built(tmp_path, capsys, NONE, style="notice:\n  date_above_header: true\n")
    assert lines_of(out / "press-notice.pdf")[:3] == [
        "報道機関各位", "北海道オホーツク総合振興局", "項目北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について"]


def test_a_house_that_dates_above_the_header_takes_a_page_without_header_or_date(tmp_path, capsys):
    """Where the house sets the date above the header line, a notice without a header
    is refused (the date would stand where it stands without the key); without a date
    either, nothing stands above or under: no error."""
    style = "notice:\n  date_above_header: true\n"
    dated = variant(tmp_path, ("  issue_date: 2024-02-16\n", "  header: false\n  issue_date: 2024-02-16\n"), style=style)
    code, _, err, _ = build(dated, tmp_path, capsys)
    assert code == 1 and "notice.date_above_header" in err, err
    undated = variant(tmp_path, ("  issue_date: 2024-02-16\n", "  header: false\n  issue_date: none\n"), style=style,
                      name="undated.yaml")
    code, _, err, pdf = build(undated, tmp_path, capsys)
    assert code == 0 and pdf.exists(), err


@needs_poppler
def test_the_release_after_the_signing_without_its_date(tmp_path, capsys):
    out, _ = built(tmp_path, capsys, AFTER_NONE, kinds="press-notice,press-notice-after")
    notice, after = lines_of(out / "press-notice.pdf"), lines_of(out / "press-notice-after.pdf")
    assert notice[1] == "令和６年（2024年）２月16日（金）配布"     # the notice keeps its own
    assert after[:2] == ["報道機関各位", "北海道オホーツク総合振興局"], after[:3]
    assert not any("配布" in line or "２月27日（火）配布" in line for line in after)
    paragraphs = [no_space(p) for p in docx_paragraphs(out / "press-notice-after.docx")]
    assert paragraphs[:2] == ["報道機関各位", "北海道オホーツク総合振興局"], paragraphs[:3]


@needs_poppler
def test_the_ceremony_keeps_its_year_where_there_is_no_issue_date_to_share_it(tmp_path, capsys):
    """A house that leaves the year out of the ceremony's date where it is the issue
    date's: with no date of issue the year is printed, and the build's note says why."""
    out, notes = built(tmp_path, capsys, NONE, style="dates:\n  event_year: false\n")
    text = "".join(lines_of(out / "press-notice.pdf"))
    assert "令和６年（2024年）２月27日（火）" in text
    assert "令和６年２月21日（水）17時までに" in text        # the deadline with its year too
    assert "no date of issue (issue_date: none): the year is printed" in notes


def test_the_annual_book_files_it_by_its_signing(tmp_path):
    specs = tmp_path / "specs"
    specs.mkdir()
    variant(specs, NONE, name="undated.yaml")
    result = run_generate("annual", "--fiscal-year", "2023", specs, "-o", tmp_path / "out", "--format", "csv")
    assert result.returncode == 0, result.stderr
    csv = next((tmp_path / "out").rglob("*.csv")).read_text(encoding="utf-8-sig")
    assert "北海道オホーツク総合振興局と北見工業大学との包括連携協定" in csv
    assert "2024-02-16" not in csv and "２月16日" not in csv      # never the notice's date


@pytest.mark.parametrize("pairs, fragment, key, message", [
    ((("  issue_date: 2024-02-16\n", "  date_prefix: 公開日：\n  issue_date: none\n"),),
     "date_prefix", "press_notice.date_prefix",
     "the notice has no date of issue (issue_date: none): the words before the date would stand alone"),
    ((("  issue_date: 2024-02-16\n", "  issue_date: none\n  date_suffix: 配布\n"),),
     "date_suffix", "press_notice.date_suffix",
     "the notice has no date of issue (issue_date: none): the words after the date would stand alone"),
    ((("  issue_date: 2024-02-16\n", "  issue_date: none\n  date_suffix: \"\"\n"),),
     "date_suffix", "press_notice.date_suffix", "remove date_suffix"),
    (((AFTER[0], "  after:\n    issue_date: none\n    date_suffix: 発表\n    opening: [本日、締結しました。]\n"
                 "  closing_ijo:"),),
     "date_suffix: 発表", "press_notice.after.date_suffix",
     "the release after the signing has no date of issue (after.issue_date: none)"),
    ((("  issue_date: 2024-02-16\n", "  issue_date: None\n"),),
     "issue_date", "press_notice.issue_date", "write none in small letters"),
])
def test_what_would_stand_beside_a_missing_date_is_refused(tmp_path, capsys, pairs, fragment, key, message):
    path = variant(tmp_path, *pairs)
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    assert has_error(err, path, fragment, key, message), err
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 1 and not pdf.exists() and not list((tmp_path / "out").rglob("*.pdf"))


def test_the_date_is_still_required(tmp_path, capsys):
    """none is said, never meant by leaving the key out: a forgotten date is an error."""
    path = variant(tmp_path, ("  issue_date: 2024-02-16\n", ""))
    code, _, err = check(path, capsys)
    assert code == 1
    assert "press_notice.issue_date: this key is required but missing" in err, err


def test_the_prefix_stays_where_the_release_after_the_signing_prints_a_date(tmp_path, capsys):
    """The notice's prefix and suffix are the release's too: beside a dated release
    after the signing they have an effect, and are not refused."""
    path = variant(tmp_path, ("  issue_date: 2024-02-16\n", "  date_prefix: 発表日：\n  issue_date: none\n"), AFTER)
    code, _, err = check(path, capsys)
    assert code == 0, err
