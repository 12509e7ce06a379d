"""Two date forms real pages write, read and checked against the calendar
(jpdocs/dates_in_text.py):

- 休 after the weekday for a day off the law makes that is no 国民の祝日 itself, a 振替休日
  (2023年1月2日（月・休）, 東京国立博物館's list of its exhibitions; 3月22日（月・休）, 福山市's
  museum, 2027) or a 国民の休日 (2026年9月22日（火・休））: the weekday must be the day's and
  the day such a day off; a 国民の祝日 marked 休 is refused, naming it (write 祝);
- the western year in brackets between the era's year and 年, as 厚生労働省 and 栃木県 write it
  (令和7(2025)年10月1日から施行): the two years must be one.

- the weekday in tortoise-shell brackets, 〔月・祝〕: checked as in round ones (no page was found
  writing them; left unread, a wrong weekday or 祝 in them printed unchecked under the
  office's name);
- a list of days with their months after the first date's year, as an event page writes
  2026年10月11日（日）・10月12日（月・祝）の2日間: each in that year (before, the later one was read
  as a date without a year, at the year nearest the notice: a true one was warned of, a
  wrong one refused as no day of three years).

Not read: 休 alone after a date, （休）: as often a closed day (休館) as a holiday.

Each is checked on the text and through the real command line: refused at the spec's
file, line and key, exit status 1, nothing written; the true forms build.
"""
from __future__ import annotations

import pytest

from jpdocs.dates_in_text import check_dates

from conftest import run_generate
from test_dates_in_text import _assert_refused_at, _seed_saying

REAL_FORMS = ["2023年1月2日（月・休）", "2027年3月22日（月・休）", "令和7(2025)年10月1日", "令和7(2025)年度の令和7（2025）年4月1日"]


@pytest.mark.parametrize("text", REAL_FORMS)
def test_the_forms_real_pages_write_are_true(text):
    assert check_dates(text) == ([], []), check_dates(text)


@pytest.mark.parametrize("text, message", [
    ("2025年5月6日（火・休）", None),                        # the 振替休日 for みどりの日 on a Sunday
    ("2019年11月4日(月・休)", None),                          # after 文化の日 on a Sunday
    ("2026年9月22日（火・休）", None),                        # a 国民の休日, between 敬老の日 and 秋分の日
    ("2025年5月7日（水・休）", "2025-05-07 is a 水曜日 but no holiday of Japan (no 国民の祝日, 振替休日 or 国民の休日);"
                             " correct the date or the 休 as the document means it"),
    ("2025年5月6日（水・休）", "2025-05-06 is a 火曜日, not a 水曜日"),
    ("2025年5月5日（月・休）", "2025年5月5日（月・休）: 2025-05-05 is a 月曜日 and こどもの日, a 国民の祝日, not a 振替休日"
                             " or 国民の休日, which 休 marks; correct the date, or write 祝 as the document means it"),
    ("2023年1月2日（月・休）～1月9日（月・祝）", None),       # in a run, with a 祝 (成人の日)
    ("令和7(2025)年10月1日", None), ("令和元(2019)年5月1日", None), ("令和７（２０２５）年10月１日（水）", None),
    ("令和7(2024)年10月1日", "令和7(2024)年10月1日 gives two years, 2025 and in brackets 2024: correct it to the year"
                           " the document means"),
    ("令和7(2025)年10月1日（火）", "2025-10-01 is a 水曜日, not a 火曜日"),
])
def test_what_each_form_says_is_checked(text, message):
    refused = check_dates(text)[0]
    if message is None:
        assert refused == [], refused
    else:
        assert len(refused) == 1 and message in refused[0], refused


@pytest.mark.parametrize("text", [
    "2025年5月6日（休）",            # 休 alone: a closed day as often as a holiday, not read
    "2025年5月7日（水・休館）",      # 休館: no mark
])
def test_what_no_page_writes_as_a_holiday_is_not_read(text):
    assert check_dates(text) == ([], []), check_dates(text)


def test_a_later_years_day_off_is_warned_of_as_a_forecast():
    refused, warned = check_dates("2030年5月6日（月・休）")
    assert refused == [] and len(warned) == 1 and "2030-05-06 is 振替休日 by the law as it stands" in warned[0], warned


@pytest.mark.parametrize("sentence, message", [
    ("令和７年５月５日（月・休）に締結式を執り行いました。",
     "令和７年５月５日（月・休）: 2025-05-05 is a 月曜日 and こどもの日, a 国民の祝日, not a 振替休日 or 国民の休日"),
    ("令和７年５月７日（水・休）に締結式を執り行いました。",
     "令和７年５月７日（水・休）: 2025-05-07 is a 水曜日 but no holiday of Japan"),
    ("令和7(2024)年10月1日から施行します。",
     "令和7(2024)年10月1日 gives two years, 2025 and in brackets 2024: correct it to the year the document means"),
])
def test_a_wrong_day_off_or_year_is_refused_at_its_line(tmp_path, sentence, message):
    _assert_refused_at(tmp_path, sentence, "press_notice.opening[1]", message)


def test_the_true_forms_are_built_and_printed_as_written(tmp_path):
    sentence = "令和７年５月６日（火・休）に協議し、令和7(2025)年10月1日から連携します。"
    spec = _seed_saying(tmp_path, sentence)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert "曜日" not in result.stderr and "holiday" not in result.stderr and "two years" not in result.stderr


@pytest.mark.parametrize("text, message", [
    ("2025年5月5日〔月・祝〕", None),
    ("2025年5月5日〔祝〕", None),
    ("2025年5月5日〔火・祝〕", "2025年5月5日〔火・祝〕: 2025-05-05 is a 月曜日, not a 火曜日"),
    ("2025年5月7日〔水・祝〕", "2025年5月7日〔水・祝〕: 2025-05-07 is a 水曜日 but no holiday of Japan"),
    ("2025年5月7日〔祝〕", "2025年5月7日〔祝〕: 2025-05-07 is a 水曜日 but no holiday of Japan"),
    ("2025年5月6日〔月〕", "2025年5月6日〔月〕: 2025-05-06 is a 火曜日, not a 月曜日"),
    ("2025年5月6日〔月）", None),                     # two kinds of bracket: no weekday's form
])
def test_a_weekday_in_tortoise_shell_brackets_is_checked(text, message):
    refused = check_dates(text)[0]
    if message is None:
        assert refused == [], refused
    else:
        assert len(refused) == 1 and message in refused[0], refused


@pytest.mark.parametrize("text, message", [
    ("2026年10月11日（日）・10月12日（月・祝）の2日間", None),           # as the event page writes it
    ("2026年4月25日（土）〜5月6日（水）、7月18日（土）〜7月20日（月・祝）", None),
    ("2026年10月11日（日）・10月12日（火・祝）の2日間", "2026-10-12 is a 月曜日, not a 火曜日"),
    ("2026年10月11日（日）・10月13日（火・祝）の2日間", "2026-10-13 is a 火曜日 but no holiday of Japan"),
    ("2024年3月1日（金）と3月5日（水）", "2024-03-05 is a 火曜日, not a 水曜日"),
    ("2024年12月1日（日）、1月5日（日）", None),        # an earlier month: no list's, not read in 2024 or 2025
])
def test_a_list_of_days_with_their_months_is_read_in_the_first_ones_year(text, message):
    refused = check_dates(text)[0]
    if message is None:
        assert refused == [], refused
    else:
        assert len(refused) == 1 and message in refused[0], refused


def test_a_true_list_of_days_builds_without_a_warning_and_a_wrong_one_is_refused_at_its_line(tmp_path):
    """Through the real command line, the notice dated 2024-02-16: the later day of the list
    is read in the first's year (before, at the 10月14日 nearest the notice, 2023's: a true
    2024年10月13日（日）・10月14日（月・祝） was warned of); a 〔火〕 that is not the day's is refused."""
    spec = _seed_saying(tmp_path, "2024年10月13日（日）・10月14日（月・祝）の2日間、記念行事を行います。")
    result = run_generate("check", spec)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr and "10月14日" not in result.stderr, result.stderr
    (tmp_path / "wrong").mkdir()
    (tmp_path / "shell").mkdir()
    _assert_refused_at(tmp_path / "wrong", "2024年10月13日（日）・10月14日（火・祝）の2日間、記念行事を行います。",
                       "press_notice.opening[1]", "2024年10月13日（日）・10月14日（火・祝）: 2024-10-14 is a 月曜日,"
                       " not a 火曜日; correct the date or the weekday as the document means it")
    _assert_refused_at(tmp_path / "shell", "令和６年２月27日〔月〕に締結式を行います。", "press_notice.opening[1]",
                       "令和６年２月27日〔月〕: 2024-02-27 is a 火曜日, not a 月曜日; correct the date or the weekday")
