"""The weekday forms real notices write beyond one weekday after one date
(jpdocs/dates_in_text.py, checked by spec/text_checks.py), each read and checked:

- a compound bracket: the day's weekday first, then a holiday's mark, （月・祝）, （日祝）,
  （月曜・祝日）, （水・振休）: the first weekday must be the day's, and the day must be a
  holiday of the law (jpdocs/holidays.py: a 国民の祝日, a 振替休日 or a 国民の休日);
- a run of days, the later ones without their month: ３月19日（土）・20日（日）,
  ３月19日（土）～21日（月・祝）, 9月9日金曜日から11日日曜日, 11/3(金・祝)~5(日), and two days
  sharing one bracket, 19日・20日（土・日）;
- a date with hyphens beside a weekday, 2024-02-27（火）, 2024-2-27(火);
- a weekday in English after a date in figures, 2019.03.18 Mon, 2024/2/27 (Tue.).

Where each is found (the `pages` corpus, December 2026), written with the year of its page:
赤穂民報's list of a city's cultural festival (2015: 10月3日(土)・4日(日), 10月12日(月・祝),
11月3日(火・祝)); 上郡町's festival as a local blog copies its flyer (2019: 10月26日(土)~11月3日
(日祝), 11月2日(土)~3日(日祝)); a city's festival page (2024: 11月1日(金曜)から4日(月曜・祝日), the 4th a 振替休日,
11月2日(土曜)・3日(日曜)); 鴨川市's bulletin (2023: 11/3(金・祝)~5(日), 11/10(金)~12(日));
和光市's bulletin (2024: 11月9日(土)~17日(日)); 自治体国際化協会's invitation (2016:
2016年10月18日(火)~10月21日(金), 10月20日(木)・21日(金)); a 同窓会's notice (平成29年9月9日(土)、
10日(日)の両日); 神奈川県's governor (2022: 9月9日金曜日から11日日曜日); a relief group's call
(2013: 7月15日(月・祝), 海の日); 長野県立大学's topics (2019.03.18 Mon: tests/data/real,
u-nagano-nakano-2019). A date with hyphens was found only without a weekday (長崎県公立大学法人's
news, 2018-12-05: sun-goto-2018); the hyphen form beside a weekday is read as the others are.
"""
from __future__ import annotations

import datetime as dt

import pytest

from jpdocs import holidays
from jpdocs.dates_in_text import check_dates, yearless_weekdays
from test_dates_in_text import _assert_refused_at, _line_of, _seed_saying
from conftest import run_generate

# the real notices' forms, with their pages' years: each is true
REAL_FORMS = [
    "2015年10月3日(土)・4日(日)", "2015年10月12日(月・祝)", "2015年11月3日(火・祝)",
    "2019年10月26日(土)~11月3日(日祝)", "2019年11月2日(土)~3日(日祝)",
    "2024年11月1日(金曜)から4日(月曜・祝日)", "2024年11月2日(土曜)・3日(日曜)",
    "2023/11/3(金・祝)~5(日)", "2023/11/10(金)~12(日)", "2024年11月9日(土)~17日(日)",
    "2016年10月18日(火)~10月21日(金)", "2016年10月20日(木)・21日(金)", "平成29年9月9日(土)、10日(日)の両日",
    "2022年9月9日金曜日から11日日曜日に", "2013年7月15日(月・祝)", "2019.03.18 Mon",
]


@pytest.mark.parametrize("text", REAL_FORMS)
def test_the_forms_real_notices_write_are_true(text):
    assert check_dates(text) == ([], []), check_dates(text)


@pytest.mark.parametrize("text, message", [
    # a compound bracket: the weekday first, then the holiday's mark
    ("2015年10月12日(火・祝)", "2015-10-12 is a 月曜日, not a 火曜日"),
    ("2015年10月13日(火・祝)", "2015-10-13 is a 火曜日 but no holiday of Japan (no 国民の祝日, 振替休日 or 国民の休日);"
                             " correct the date or the 祝"),
    ("2019年11月4日(月祝)", None),                                   # the 振替休日 after 文化の日 on a Sunday
    ("2019年11月5日(火祝)", "2019-11-05 is a 火曜日 but no holiday of Japan"),
    ("2024年11月4日(月曜・祝日)", None), ("2024年11月5日(火曜・祝日)", "correct the date or the 祝日 as"),
    ("2026年5月6日（水・振休）", None), ("2026年5月7日（木・振休）", "correct the date or the 振休 as"),
    ("2015年9月22日（火・祝）", None),                               # a 国民の休日, between two 国民の祝日
    ("令和元年5月1日（水・祝）", None), ("2019年4月30日（火・祝）", None),
    ("2019年12月23日（月・祝）", "2019-12-23 is a 月曜日 but no holiday"),   # no 天皇誕生日 in 2019
    ("2020年7月24日（金・祝）", None), ("2020年10月12日（月・祝）", "2020-10-12 is a 月曜日 but no holiday"),
    # a run of days: the later ones take the first's month and year
    ("2015年10月3日(土)・4日(月)", "2015年10月3日(土)・4日(月): 2015-10-04 is a 日曜日, not a 月曜日"),
    ("2019年10月26日(土)~11月3日(月祝)", "2019-11-03 is a 日曜日, not a 月曜日"),   # the second with its month
    ("2023年12月28日（木）～１月４日（金）", "2024-01-04 is a 木曜日, not a 金曜日"),     # and in the next year
    ("令和５年４月１日（土）から３月31日（日）まで", None),
    ("2023/12/28(木)~1/4(木)", None), ("2023/12/28(木)~1/4(金)", "2024-01-04 is a 木曜日, not a 金曜日"),
    ("2022年9月9日金曜日から11日土曜日", "2022-09-11 is a 日曜日, not a 土曜日"),
    ("令和４年３月19日（土）と20日（月）", "2022-03-20 is a 日曜日, not a 月曜日"),
    ("令和４年３月19日（土）及び20日（日）", None), ("令和４年３月19日（土）－21日（月・祝）", None),
    ("2024年11月1日(金曜)から4日(火曜・祝日)", "2024-11-04 is a 月曜日, not a 火曜日"),
    ("2024年11月1日(金曜)から5日(火曜・祝日)", "2024-11-05 is a 火曜日 but no holiday"),
    ("令和６年２月28日（水）～30日（金）", "令和６年２月28日（水）～30日（金） is no day of the calendar (2024-02-30)"),
    ("2016年10月20日・21日（木・金）", None), ("2016年10月20日・21日（木・土）", "2016-10-21 is a 金曜日, not a 土曜日"),
    ("2023/11/3(金・祝)~5(月)", "2023/11/3(金・祝)~5(月): 2023-11-05 is a 日曜日, not a 月曜日"),
    ("2023/11/2(木・祝)", "2023-11-02 is a 木曜日 but no holiday"),
    # a holiday's mark alone, no weekday: the day must be a holiday
    ("令和６年５月３日（祝）", None), ("2024年5月6日(振休)", None), ("2024.5.3(祝)", None),
    ("令和６年２月26日（祝）", "令和６年２月26日（祝）: 2024-02-26 is a 月曜日 but no holiday of Japan"),
    ("令和６年11月５日（祭日）", "correct the date or the 祭日 as"),
    ("2024年5月3日（祝）・4日（日）", "2024-05-04 is a 土曜日, not a 日曜日"),
    # hyphens, beside a weekday
    ("2024-02-27（火）", None), ("2024-2-27(火)", None), ("２０２４－２－２７（火）", None),
    ("2024-2-27(水)", "2024-2-27(水): 2024-02-27 is a 火曜日, not a 水曜日"), ("2024-02-30（金）", "no day of the calendar"),
    # English weekdays after a date in figures
    ("2019.03.18 Tue", "2019.03.18 Tue: 2019-03-18 is a 月曜日, not a 火曜日"), ("2024/2/27 (Tue.)", None),
    ("2024/2/27 (Tuesday)", None), ("2024/2/27 (Wed.)", "2024-02-27 is a 火曜日, not a 水曜日"),
    ("2024-02-27 (Thu)", "2024-02-27 is a 火曜日, not a 木曜日"),
])
def test_what_each_form_says_is_checked(text, message):
    refused = check_dates(text)[0]
    if message is None:
        assert refused == [], refused
    else:
        assert len(refused) == 1 and message in refused[0], refused


@pytest.mark.parametrize("text", [
    "電話 03-1234-5678（月～金）", "〒123-4567（月）", "2000-3000（火）", "第2024-12-31号（月）", "ver2024-2-27 (Tue)",
    "2024-02-27", "2024-02-30",                     # hyphens without a weekday: not read
    "2024.2.27 Fix", "2024/2/27 (JST)",             # no weekday in English
    "令和６年２月28日から30日間", "令和６年２月27日（火）・3日（日）",   # no day of a run (30日間; not after the 27th)
    "2023/11/3(金)、03-1234-5678",
    "2024年３月１日（金）、２月１日（木）の会議で",     # a month after 、 is no run's: read near the spec's day
    "2024年２月19日（月）（土・日・祝日を除く）",     # the brackets after the weekday's are not the date's
    "2024年２月29日（土・日・祝）", "2024年２月29日（土日）",   # several weekdays beside one day: a note, not its weekday
])
def test_what_is_no_date_or_no_weekday_is_not_read(text):
    assert check_dates(text) == ([], []), check_dates(text)


def test_a_holiday_of_a_year_the_law_may_still_change_is_warned_of_not_refused():
    refused, warned = check_dates("2030年3月22日（金・祝）")
    assert refused == [] and len(warned) == 1, (refused, warned)
    assert (f"2030-03-22 is no holiday of Japan by the law as it stands (its holidays are known through"
            f" {holidays.KNOWN_THROUGH}") in warned[0]
    # 春分の日 by the formula: passed, but named as a forecast (tests/test_dates_offices_write.py)
    refused, warned = check_dates("2030年3月20日（水・祝）")
    assert refused == [] and len(warned) == 1 and "2030-03-20 is 春分の日 by the law as it stands" in warned[0], warned


def test_days_without_their_year_are_read_with_their_run_and_mark():
    assert yearless_weekdays("３月19日（火）・20日（水・祝）") == [
        ("３月19日（火）", 3, 19, "火", ""), ("３月19日（火）・20日（水・祝）", 3, 20, "水", "祝")]
    assert yearless_weekdays("11/3(金・祝)~5(日)") == [("11/3(金・祝)", 11, 3, "金", "祝"), ("11/3(金・祝)~5(日)", 11, 5, "日", "")]


# ------------------------------------------------------------ through the generator
# The seed spec's notice is dated 2024-02-16: a date without its year is read near it.
@pytest.mark.parametrize("sentence, message", [
    ("令和４年３月21日（火・祝）に締結式を執り行いました。", "令和４年３月21日（火・祝）: 2022-03-21 is a 月曜日, not a 火曜日"),
    ("令和４年３月22日（火・祝）に締結式を執り行いました。",
     "令和４年３月22日（火・祝）: 2022-03-22 is a 火曜日 but no holiday of Japan (no 国民の祝日, 振替休日 or"
     " 国民の休日); correct the date or the 祝 as the document means it"),
    ("令和４年３月19日（土）・20日（月）の両日に開きました。", "令和４年３月19日（土）・20日（月）: 2022-03-20 is a 日曜日, not a 月曜日"),
    ("令和４年３月19日（土）～21日（火・祝）に開きました。", "令和４年３月19日（土）～21日（火・祝）: 2022-03-21 is a 月曜日, not a 火曜日"),
    ("令和４年３月19日・20日（日・月）に開きました。", "令和４年３月19日・20日（日・月）: 2022-03-19 is a 土曜日, not a 日曜日"),
    ("2023/11/3(金・祝)~5(月)に開きました。", "2023/11/3(金・祝)~5(月): 2023-11-05 is a 日曜日, not a 月曜日"),
    ("締結式は2024-2-27(水)に執り行います。", "2024-2-27(水): 2024-02-27 is a 火曜日, not a 水曜日"),
    ("締結式は2024/2/27 (Wed.)に執り行います。", "2024/2/27 (Wed.): 2024-02-27 is a 火曜日, not a 水曜日"),
    ("つきましては、３月19日（火）・20日（金）に締結式を執り行います。",
     "３月19日（火）・20日（金）: no 3月20日 of 2023 to 2025 (around press_notice.issue_date, 2024-02-16) is a 金曜日"),
    # the weekday makes the year certain (2024-03-21 is the only Thursday of the three): its 祝 is checked
    ("つきましては、３月21日（木・祝）に締結式を執り行います。",
     "３月21日（木・祝）: 2024-03-21, the 3月21日 nearest press_notice.issue_date (2024-02-16), is a 木曜日 but no"
     " holiday of Japan (no 国民の祝日, 振替休日 or 国民の休日); correct the date or the 祝 as the document means it"),
    ("つきましては、３月22日（木・祝）に締結式を執り行います。",
     "３月22日（木・祝）: no 3月22日 of 2023 to 2025 (around press_notice.issue_date, 2024-02-16) is a 木曜日 and"
     " a holiday of Japan (2024-03-22 is a 金曜日); correct the date, the weekday or the 祝 as the document means it"),
])
def test_a_wrong_weekday_or_holiday_is_refused_at_its_line(tmp_path, sentence, message):
    _assert_refused_at(tmp_path, sentence, "press_notice.opening[1]", message)


def test_the_real_forms_are_built_and_printed_as_written(tmp_path):
    sentence = ("令和４年３月19日（土）・20日（日）と３月19日（火）～20日（水・祝）、2023/11/3(金・祝)~5(日)、"
                "2024-02-27（火）、2019.03.18 Monの催しを経て、2024年11月4日(月曜・祝日)に協議しました。")
    spec = _seed_saying(tmp_path, sentence)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert "曜日" not in result.stderr and "holiday" not in result.stderr, result.stderr


def test_a_holiday_of_a_later_year_is_warned_of_and_printed(tmp_path):
    sentence = "令和12年３月22日（金・祝）に締結式を執り行います。"
    spec = _seed_saying(tmp_path, sentence)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert (f"{spec}:{_line_of(spec, sentence)}: press_notice.opening[1]: 令和12年３月22日（金・祝）: 2030-03-22 is no"
            " holiday of Japan by the law as it stands") in result.stderr, result.stderr


# ------------------------------------------------------------ the law's holidays
@pytest.mark.parametrize("day, name", [
    ("1948-11-03", "文化の日"), ("1949-01-15", "成人の日"), ("1966-09-15", "敬老の日"), ("1967-02-11", "建国記念の日"),
    ("1973-04-30", "振替休日"), ("1988-05-04", "国民の休日"), ("1989-02-24", "昭和天皇の大喪の礼"),
    ("1989-04-29", "みどりの日"), ("1990-11-12", "即位礼正殿の儀"), ("1993-06-09", "皇太子徳仁親王の結婚の儀"),
    ("1996-07-20", "海の日"), ("2000-01-10", "成人の日"), ("2003-07-21", "海の日"), ("2007-04-29", "昭和の日"),
    ("2008-05-06", "振替休日"), ("2009-09-22", "国民の休日"), ("2016-08-11", "山の日"),
    ("2019-04-30", "国民の休日"), ("2019-05-01", "天皇の即位の日"), ("2019-05-02", "国民の休日"),
    ("2019-10-22", "即位礼正殿の儀"), ("2020-02-24", "振替休日"), ("2020-07-24", "スポーツの日"),
    ("2021-08-09", "振替休日"), ("2022-03-21", "春分の日"), ("2024-09-23", "振替休日"), ("2024-11-04", "振替休日"),
    ("2026-05-06", "振替休日"), ("2026-09-22", "国民の休日"), ("2027-03-21", "春分の日"), ("2027-03-22", "振替休日"),
    ("2027-09-23", "秋分の日"),                   # KNOWN_THROUGH's equinoxes, as the 官報 of February 2026 fixed them
])
def test_the_law_s_holidays(day, name):
    assert holidays.holiday_of(dt.date.fromisoformat(day)) == name


@pytest.mark.parametrize("day", [
    "1948-01-01",                     # before the law
    "1972-04-30",                     # a Sunday holiday before the 振替休日 (1973-04-12)
    "1985-05-04",                     # before the 国民の休日 (1985-12-27)
    "1999-01-11", "2019-12-23", "2020-10-12", "2021-07-19", "2021-08-11", "2022-03-22", "2024-11-05",
])
def test_days_that_are_no_holidays(day):
    assert holidays.holiday_of(dt.date.fromisoformat(day)) is None
