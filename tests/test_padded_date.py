"""The date of issue with a one-digit month or day padded to two places, as some offices'
pages set it (dates.issue_pad): 兵庫教育大学's topics, 2016年12月 8日掲載 (`hyogo-u-sanda-2016`).

A half-width pad is set as a gap as wide as a half-width digit after the character before
the number, not as a space character (an ASCII space beside Japanese is no typesetting of
the house's: jpcheck's ascii-space): the digit stands where a two-digit day's second digit
stands, and the text read back (the PDF's glyphs, the DOCX's runs) is the date. A
full-width pad is the full-width space, a character of the text (2024年　２月16日). The
PDF is read glyph by glyph, the DOCX reopened; a pad beside a form whose month and day
always have two digits, or beside issue_two_digits, stops with file, line and key.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from jpdocs import cli
from jpdocs.dates_in_text import dates_in

from conftest import needs_poppler
from test_notice_format import check, has_error, variant
from test_page_forms import docx_paragraphs, glyph_lines, text_of

REAL = Path(__file__).resolve().parent / "data" / "real"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def hyogo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("padded")
    code = cli.main([str(REAL / "hyogo-u-sanda-2016.yaml"), "-o", str(out), "--kinds", "press-notice",
                     "--format", "pdf,docx"])
    assert code == 0
    return out / "hyogo-u-sanda-2016" / "press-notice.pdf"


def _date_runs(docx: Path) -> list[tuple[str, int]]:
    """The first paragraph's runs: (text, the spacing after each character in twips, 0 if none)."""
    body = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    first = next(body.iter(f"{W}p"))
    runs = []
    for r in first.iter(f"{W}r"):
        spacing = r.find(f"{W}rPr/{W}spacing")
        runs.append(("".join(t.text or "" for t in r.iter(f"{W}t")),
                     int(spacing.get(f"{W}val")) if spacing is not None else 0))
    return runs


@needs_poppler
def test_the_day_padded_with_a_half_width_space_as_the_page_sets_it(hyogo):
    """2016年12月 8日掲載: the 8 where the second digit of 12月10日's day would stand (和欧間 a
    quarter em on each side of the number, the pad half an em), no space glyph; read back,
    the line is the date of issue."""
    line = glyph_lines(hyogo)[0]
    assert text_of(line) == "2016年12月8日掲載"
    month = next(c for c in line if c["text"] == "月")
    eight = next(c for c in line if c["text"] == "8")
    size = eight["size"]
    # 月, a quarter em, two half-width places (the pad, the 8): as 月, ¼, 1, 0 of 12月10日
    assert eight["x1"] - month["x1"] == pytest.approx(1.25 * size, abs=0.3)
    day = next(c for c in line if c["text"] == "日")
    assert day["x0"] - eight["x1"] == pytest.approx(size / 4, abs=0.3)
    [read] = dates_in(text_of(line))
    assert (read.year, read.month, read.day) == (2016, 12, 8)


def test_the_docx_pads_the_day_as_the_pdf(hyogo):
    """The DOCX: the same characters, the pad half an em of spacing after 月 (w:spacing, in
    twips of the date's 10.5 points), which Word and LibreOffice set."""
    docx = hyogo.with_suffix(".docx")
    assert docx_paragraphs(docx)[0] == "2016年12月8日掲載"
    runs = _date_runs(docx)
    assert ("月", round(0.5 * 10.5 * 20)) in runs, runs
    assert sum(1 for _, spacing in runs if spacing) == 1, runs


@needs_poppler
@pytest.mark.parametrize("pad, digits, printed", [
    ("　", "full", "２０２４年　２月　６日　配布"),      # the month and the day, each a full-width space before it
    (" ", "half", "2024年2月6日　配布"),                # set as gaps: no character between
    ("　", None, "2024年　２月　６日　配布"),             # the house's mixed digits: one digit full-width
])
def test_the_month_and_the_day_padded_in_the_house_s_digits(pad, digits, printed, tmp_path, capsys):
    house = f"dates: {{issue_calendar: western, issue_weekday: none, issue_pad: \"{pad}\"}}\n"
    path = variant(tmp_path, ("  issue_date: 2024-02-16", "  issue_date: 2024-02-06"),
                   style=house + (f"digits: {digits}\n" if digits else ""))
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    pdf = tmp_path / "out" / path.stem / "press-notice.pdf"
    lines = [text_of(line) for line in glyph_lines(pdf)]
    assert printed in lines, lines[:3]
    assert printed in docx_paragraphs(pdf.with_suffix(".docx"))
    if pad == " ":
        two = next(line for line in glyph_lines(pdf) if text_of(line) == printed)
        year_mark, month_mark = [c for c in two if c["text"] in "年月"][:2]
        six = next(c for c in two if c["text"] == "6")
        # from 年 to the 6's end as from 年 to the end of 12月10日's 10: ¼, two places, ¼, 月, ¼, two places
        assert six["x1"] - year_mark["x1"] == pytest.approx(3.75 * six["size"], abs=0.4)
        assert month_mark["x1"] < six["x0"]


@pytest.mark.parametrize("style, message", [
    ("dates:\n  issue_calendar: iso\n  issue_pad: \" \"\n",
     "the date of issue is written as an ISO date (issue_calendar: iso, 2018-12-05), whose month and day always have"
     " two digits: issue_pad would have no effect; remove it"),
    ("dates:\n  issue_calendar: dots\n  issue_pad: \"　\"\n", "issue_pad would have no effect; remove it"),
    ("dates:\n  issue_two_digits: true\n  issue_pad: \" \"\n",
     "issue_two_digits: true already writes the month and day of the date of issue in two digits (2025年07月10日):"
     " issue_pad would have no effect; remove one of them"),
    ("dates:\n  issue_pad: \"_\"\n", "must be one of ' ' or '\\u3000', got the text '_'"),
])
def test_a_pad_that_would_have_no_effect_is_refused(style, message, tmp_path, capsys):
    path = variant(tmp_path, style=style)
    code, _, err = check(path, capsys)
    assert code == 1
    assert has_error(err, tmp_path / "house.yaml", "issue_pad", "dates.issue_pad", message), err
