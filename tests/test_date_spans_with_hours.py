"""A span of days with the hour it begins at between them (jpdocs/dates_in_text.py, checked
by spec/text_checks.py): 2026/10/3（土）20:00〜10/12（月・祝）, 令和８年10月３日（土）午後８時から12日
（月・祝）. The later date is the run's, in the first's year (the next where its month is
earlier: 12/26（土）20:00〜1/4（月）), its weekday and 祝 checked there. Before, the hour ended
the run: the later date was read as one written without its year, near the notice's date
of issue, and checked in the year nearest it — a false warning where that was another
year's (the seed's notice, 2024-02-16: the 10/14 nearest it is 2023's, a 土曜日, so
10/14（月・祝） drew a warning that 2023-10-14 is no 月曜日), and a wrong weekday judged by
the years around that date, not the first's (refused as no 10/15 of 2023 to 2025 being a
月曜日; only warned of where one of them is). Also the marks of a span real notices write (～, 〜, ~, ―) and an hour after the
later date (平成29年8月16日(水)~8月30日(水)午後3時必着, as the 全国大学放送コンテスト's
rules of 2017 write the time its entries are due)."""
from __future__ import annotations

import pytest

from jpdocs.dates_in_text import check_dates, yearless_weekdays
from test_dates_in_text import _assert_refused_at, _line_of, _seed_saying
from conftest import run_generate

TRUE_SPANS = [
    "2026/10/3（土）20:00〜10/12（月・祝）", "2026/10/3（土）20:00～10/12（月・祝）", "2026/10/3（土）20:00~10/12（月・祝）",
    "2026/10/3（土）20:00―10/12（月・祝）", "2026/10/3（土） 20:00 〜 10/12（月・祝）", "2026/10/3（土）２０：００～10/12（月・祝）",
    "2026/10/3 20:00〜10/12（月・祝）", "2026/10/3（土）20:00〜10/12（月・祝）17:00", "2026/10/3（土）20:00〜12（月・祝）",
    "2026/12/26（土）20:00〜1/4（月）", "令和８年10月３日（土）20時〜10月12日（月・祝）", "令和８年10月３日（土）午後８時から12日（月・祝）",
    "2026年10月3日（土）10時30分～10月12日（月・祝）午後5時", "2026年10月3日（土）20:00―10月12日（月・祝）",
    "平成29年8月16日(水)~8月30日(水)午後3時必着",
]


@pytest.mark.parametrize("text", TRUE_SPANS)
def test_a_true_span_with_its_hours_is_read_whole_and_passes(text):
    assert check_dates(text) == ([], []), check_dates(text)
    assert yearless_weekdays(text) == []            # the later date is the run's, not one without a year


@pytest.mark.parametrize("text, day, weekday, said", [
    ("2026/10/3（土）20:00〜10/12（火・祝）", "2026-10-12", "月", "火"),
    ("2026/10/3（土）20:00～10/12（火）17:00", "2026-10-12", "月", "火"),
    ("2026/10/3（土）20:00―12（火・祝）", "2026-10-12", "月", "火"),
    ("2026/12/26（土）20:00〜1/4（火）", "2027-01-04", "月", "火"),
    ("令和８年10月３日（土）午後８時から12日（火）", "2026-10-12", "月", "火"),
    ("令和８年10月３日（土）20時〜10月12日（日）", "2026-10-12", "月", "日"),
])
def test_the_later_date_s_weekday_is_checked_in_the_first_s_year(text, day, weekday, said):
    written = text.removesuffix("17:00")          # the hour after the later date is no part of it
    assert check_dates(text) == ([f"{written}: {day} is a {weekday}曜日, not a {said}曜日; correct the date or the"
                                  " weekday as the document means it"], [])


def test_a_holiday_mark_on_the_later_date_is_checked_in_the_first_s_year():
    refused, _ = check_dates("2026/10/3（土）20:00〜10/13（火・祝）")
    assert refused == ["2026/10/3（土）20:00〜10/13（火・祝）: 2026-10-13 is a 火曜日 but no holiday of Japan (no"
                       " 国民の祝日, 振替休日 or 国民の休日); correct the date or the 祝 as the document means it"]


@pytest.mark.parametrize("text", [
    "2026/10/3（土）20:00~22:00", "2026/10/3（土）10:00-12:00", "2026年10月3日（土）10時～12時",
    "2026/10/3（土）9:00～11（日）",                 # not a later day: the 11th is no day of this run
])
def test_a_span_of_hours_is_no_span_of_days(text):
    assert check_dates(text) == ([], []) and yearless_weekdays(text) == []


# ------------------------------------------------------------ through the generator
# The seed spec's notice is dated 2024-02-16; 2024-10-12 is a 土曜日, 2024-10-14 スポーツの日.
def test_a_true_span_draws_no_warning(tmp_path):
    """Before, 10/14（月・祝） was read near 2024-02-16, where the nearest 10/14 is 2023's (a
    土曜日), and the build warned that its year was not certain."""
    sentence = "展示は2024/10/12（土）20:00〜10/14（月・祝）17:00に開きます。"
    spec = _seed_saying(tmp_path, sentence)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert "10/14" not in result.stderr and "warning" not in result.stderr, result.stderr


def test_a_wrong_weekday_of_the_later_date_is_refused_at_its_line(tmp_path):
    sentence = "展示は2024/10/12（土）20:00〜10/15（月）17:00に開きます。"
    _assert_refused_at(tmp_path, sentence, "press_notice.opening[1]",
                       "2024/10/12（土）20:00〜10/15（月）: 2024-10-15 is a 火曜日, not a 月曜日; correct the date or the"
                       " weekday as the document means it")
    assert _line_of(_seed_saying(tmp_path, sentence), sentence) > 0
