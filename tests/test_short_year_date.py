"""The date of issue with dots and a two-digit year (dates.issue_calendar:
dots_short_year), as 鹿児島大学 dates the articles of its topics page in brackets after
a label: [記事掲載日:16.11.04] (`kagoshima-env-2016`), [記事掲載日:25.08.08]
(`kagoshima-miyazaki-univ-2025`). The brackets and the label are the spec's date_prefix
and date_suffix, the house's date_suffix_gap "" sets the closing bracket straight after
the date. The era's year in two digits instead (dates.issue_calendar: dots_era_year), as
大分県信用組合 dates its news, [05.11.07] for 令和5年11月7日 (`oita-kenshin-gyokyo-2023`).

The real cases are built by the real command line, PDF and DOCX; the PDF read back line
by line, the DOCX reopened. A variation of the seed shows the form in the notice and in
the release after the signing, whatever the house's digits; a weekday or padding given
beside it stops with file, line and key.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from jpdocs import cli

from conftest import needs_poppler, no_space, pdf_text
from test_contact_forms import docx_paragraphs, lines_of
from test_notice_format import check, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CASES = {"kagoshima-env-2016": "［記事掲載日：16.11.04］", "kagoshima-miyazaki-univ-2025": "［記事掲載日：25.08.08］"}
AFTER = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-28\n    opening: [本日、締結しました。]\n  closing_ijo:")


def fold(text: str) -> str:
    return no_space(unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("short-year")
    code = cli.main([*(str(REAL / f"{cid}.yaml") for cid in CASES), "-o", str(out), "--force",
                     "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0
    return {cid: out / cid for cid in CASES}


@needs_poppler
@pytest.mark.parametrize("cid", CASES)
def test_the_article_date_is_the_first_line_as_the_page_writes_it(cid, built):
    """The bracketed date alone on the first line (no header, no office), the year in
    two digits, the month and day in two; nowhere the four-digit year."""
    wanted = CASES[cid]
    pdf = [text for text, _, _ in lines_of(built[cid] / "press-notice.pdf")]
    assert pdf[0] == no_space(wanted), pdf[:3]
    year = "20" + wanted[-9:-7]
    assert year not in "".join(pdf), pdf
    docx = [text for text in docx_paragraphs(built[cid] / "press-notice.docx") if text.strip()]
    assert no_space(docx[0]) == no_space(wanted), docx[:3]
    assert all(year not in text for text in docx)


@needs_poppler
@pytest.mark.parametrize("digits", [None, "full"])
def test_the_short_year_is_the_specs_date_in_the_notice_and_the_release_after(digits, tmp_path, capsys):
    """The spec's issue_date, its year's last two digits, half-width whatever the house's
    digits, in the notice and the release after the signing (2024-02-06 → 24.02.06);
    every other date as the house writes it."""
    house = "dates: {issue_calendar: dots_short_year}\n" + (f"digits: {digits}\n" if digits else "")
    path = variant(tmp_path, ("  issue_date: 2024-02-16", "  issue_date: 2024-02-06"), AFTER, style=house)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    notice = [text for text, _, _ in lines_of(out / "press-notice.pdf")]
    assert notice[1] == "24.02.06配布", notice[:3]
    assert "２月27日（火）" in "".join(notice) or "２月２７日（火）" in "".join(notice)
    assert "24.02.06配布" in [fold(t) for t in docx_paragraphs(out / "press-notice.docx")]
    after = no_space(pdf_text(out / "press-notice-after.pdf"))
    assert "24.02.28配布" in after and "2024.02.28" not in after
    assert "24.02.28配布" in [fold(t) for t in docx_paragraphs(out / "press-notice-after.docx")]


@pytest.mark.parametrize("house, key, message", [
    ("dates:\n  issue_calendar: dots_short_year\n  issue_weekday: none\n", "dates.issue_weekday",
     "the date of issue is written as a date with dots and a two-digit year (issue_calendar: dots_short_year,"
     " 18.12.05), which has no weekday: issue_weekday would have no effect; remove it"),
    ("dates:\n  issue_calendar: dots_short_year\n  issue_two_digits: true\n", "dates.issue_two_digits",
     "the date of issue is written as a date with dots and a two-digit year (issue_calendar: dots_short_year,"
     " 18.12.05), whose month and day always have two digits: issue_two_digits would have no effect; remove it"),
])
def test_a_short_year_given_a_weekday_or_padding_is_refused(house, key, message, tmp_path, capsys):
    path = variant(tmp_path, style=house)
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:3: {key}: {message}" in err, err


@needs_poppler
def test_the_eras_year_is_the_specs_date_in_the_notice_and_the_release_after(tmp_path, capsys):
    """dots_era_year: the spec's issue_date, its era's year in two digits and no era name,
    half-width (2024-02-06 → 令和6年 → 06.02.06; 2019-05-01, 令和元年's first day, → 01.05.01),
    in the notice and the release after the signing; never the western year's digits."""
    house = "dates: {issue_calendar: dots_era_year}\ndigits: full\n"
    after = (AFTER[0], AFTER[1].replace("2024-02-28", "2019-05-01"))
    path = variant(tmp_path, ("  issue_date: 2024-02-16", "  issue_date: 2024-02-06"), after, style=house)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    notice = [text for text, _, _ in lines_of(out / "press-notice.pdf")]
    assert notice[1] == "06.02.06配布", notice[:3]
    assert "24.02.06" not in "".join(notice)
    assert "06.02.06配布" in [fold(t) for t in docx_paragraphs(out / "press-notice.docx")]
    after_text = no_space(pdf_text(out / "press-notice-after.pdf"))
    assert "01.05.01配布" in after_text and "19.05.01" not in after_text
    assert "01.05.01配布" in [fold(t) for t in docx_paragraphs(out / "press-notice-after.docx")]


@pytest.mark.parametrize("house, key, message", [
    ("dates:\n  issue_calendar: dots_era_year\n  issue_weekday: none\n", "dates.issue_weekday",
     "the date of issue is written as a date with dots and the era's year in two digits (issue_calendar:"
     " dots_era_year, 05.11.07), which has no weekday: issue_weekday would have no effect; remove it"),
    ("dates:\n  issue_calendar: dots_era_year\n  issue_two_digits: true\n", "dates.issue_two_digits",
     "the date of issue is written as a date with dots and the era's year in two digits (issue_calendar:"
     " dots_era_year, 05.11.07), whose month and day always have two digits: issue_two_digits would have no"
     " effect; remove it"),
])
def test_an_era_year_given_a_weekday_or_padding_is_refused(house, key, message, tmp_path, capsys):
    path = variant(tmp_path, style=house)
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:3: {key}: {message}" in err, err
