"""Dates as offices write them, checked where a spec's text writes them
(jpdocs/dates_in_text.py, spec/text_checks.py, jpdocs/holidays.py):

- a date without its year beside a holiday's mark alone (５月３日（祝））, read as the one near
  the day the spec is written around (the notice's date of issue, else its ceremony's day,
  else the signing date), as a date without its year beside a weekday is: refused where no
  such day of the year before, that year or the year after is a holiday, warned of where the
  nearest is not and another year's is (the year is not certain: none is guessed);
- a 祝 beside a date without its year whose weekday makes its year certain (３月21日（木・祝）
  around 2024-02-16: the Thursday of 2024) checked as beside a dated day, the refusal naming
  the day read and its weekday;
- a holiday's own name in the bracket (11月3日(月、文化の日)): the day must be that holiday;
- a holiday of a year past holidays.KNOWN_THROUGH (the last year whose 春分の日 and 秋分の日 the
  官報 has fixed) is named in the build's output as a forecast, even where the rules find it.

The real forms are each an office's, found in the `pages` corpus (December 2026), written as
the page writes them (facts only); each is read (a wrong weekday beside it is refused) and
true as written.
"""
from __future__ import annotations

import datetime as dt
import os
import re

import pytest

from jpdocs import holidays
from jpdocs.dates_in_text import check_dates, yearless_weekdays
from jpdocs.yearless_dates import yearless_problem
from test_dates_in_text import _assert_refused_at, _line_of, _seed_saying
from conftest import run_generate

# (the office, as the page writes it, the same with a wrong weekday, what the wrong one is refused for)
REAL_FORMS = [
    # 岩内町, the mayor's engagements of 令和7年11月: the holiday's name after the weekday, after 、
    ("岩内町", "令和7年11月3日(月、文化の日)", "令和7年11月3日(火、文化の日)", "2025-11-03 is a 月曜日, not a 火曜日"),
    # 千環協 (an association of environmental measurement in 千葉県), a course's date, the day padded with a space
    ("千環協", "2022年10月 4日(火) 13:30 ~ 17:00", "2022年10月 4日(水) 13:30 ~ 17:00",
     "2022-10-04 is a 火曜日, not a 水曜日"),
    # 千環協 again, a lecture's date as its PDF's text gives it, a space between each part
    ("千環協", "日 時:2023 年 2 月 24 日(金)", "日 時:2023 年 2 月 24 日(土)", "2023-02-24 is a 金曜日, not a 土曜日"),
    # 島田市's libraries (library-shimada.jp), a closing for stock-taking: a run, the first day padded
    ("島田市立図書館", "令和5年6月 7日(水)~6月12日(月)", "令和5年6月 7日(水)~6月12日(火)",
     "2023-06-12 is a 月曜日, not a 火曜日"),
    # 津市, the mayor's diary: the weekday in full after a space, no bracket
    ("津市", "令和7年3月31日 月曜日", "令和7年3月31日 火曜日", "2025-03-31 is a 月曜日, not a 火曜日"),
    # 宇都宮市 and 相模原市, a press conference's day and hour: 午後 and 午前 after the bracket
    ("宇都宮市", "令和6年6月26日(水曜日)午後1時30分から", "令和6年6月26日(木曜日)午後1時30分から",
     "2024-06-26 is a 水曜日, not a 木曜日"),
    ("相模原市", "令和3年6月28日(月曜日)午前11時~11時50分", "令和3年6月28日(日曜日)午前11時~11時50分",
     "2021-06-28 is a 月曜日, not a 日曜日"),
]


@pytest.mark.parametrize("office, written, wrong, message", REAL_FORMS, ids=[f[0] for f in REAL_FORMS])
def test_the_forms_offices_write_are_read_and_true(office, written, wrong, message):
    assert check_dates(written) == ([], []), check_dates(written)
    refused = check_dates(wrong)[0]
    assert len(refused) == 1 and message in refused[0], refused


# (the office, as the page writes it without the year, the day its page is written around)
YEARLESS_REAL = [
    ("岩内町", "11月3日(月、文化の日)", dt.date(2025, 11, 1)),
    ("政府広報オンライン", "10月22日(火)から31日(木)まで", dt.date(2019, 10, 1)),     # 即位の礼 (2019)
    ("日立市", "8月8日(日曜日) ※8月9日(月)は振替休日", dt.date(2021, 7, 1)),       # the Olympic year's 山の日
]


@pytest.mark.parametrize("office, written, around", YEARLESS_REAL, ids=[f[0] for f in YEARLESS_REAL])
def test_the_yearless_forms_offices_write_are_read_near_their_day(office, written, around):
    read = yearless_weekdays(written)
    assert read, written
    assert [yearless_problem(*r, around, "press_notice.issue_date") for r in read] == [None] * len(read)
    # a year later each is no longer true of its nearest day (the weekday moves): read, not passed by
    later = around.replace(year=around.year + 1)
    assert any(yearless_problem(*r, later, "press_notice.issue_date") for r in read)


@pytest.mark.parametrize("text, message", [
    ("2025年11月3日(月、文化の日)", None), ("2025年11月3日（月・文化の日）", None), ("2024年5月5日（こどもの日）", None),
    ("2019年10月14日（月・体育の日）", None), ("2020年7月24日（金・スポーツの日）", None),
    ("2024年11月4日（月、文化の日）", "2024-11-04 is a 月曜日 and 振替休日, not 文化の日; correct the date or the 文化の日"),
    ("2025年11月4日(火、文化の日)", "2025-11-04 is a 火曜日 but no holiday of Japan"),
    ("2020年10月12日（月・スポーツの日）", "2020-10-12 is a 月曜日 but no holiday of Japan"),   # moved to 7/24 that year
    ("2021年10月11日（月・体育の日）", "2021-10-11 is a 月曜日 but no holiday of Japan"),
    ("2022年10月10日（月・体育の日）", "2022-10-10 is a 月曜日 and スポーツの日, not 体育の日"),   # renamed from 2020
])
def test_a_holiday_s_name_beside_a_date_must_be_that_day_s(text, message):
    refused = check_dates(text)[0]
    if message is None:
        assert refused == [], refused
    else:
        assert len(refused) == 1 and message in refused[0], refused


def test_a_yearless_date_is_not_read_where_the_spec_gives_no_day():
    """check_dates reads only dates with their year: a date without one is read by the spec's
    check, around the spec's day, or not at all."""
    assert check_dates("５月７日（祝）と２月26日（月・祝）") == ([], [])


def test_the_spec_s_text_checks_read_a_text_s_dates_once_for_both_checks():
    """The spec's text checks read each text's dates once (dates_in_text.dates_read, kept with
    the text's findings) for the dated check and the yearless one: what they gather for the
    yearless check (check_text's `dated`) is yearless_weekdays of the text, at its key, and
    what they refuse is check_dates', for texts with and without dates, years and weekdays."""
    from jpdocs.dates_in_text import dates_read
    from jpdocs.spec import text_checks
    texts = [t for form in REAL_FORMS for t in form[1:3]] + [form[1] for form in YEARLESS_REAL]
    texts += ["５月３日（祝）と２月26日（月・祝）", "2024-02-27（火）", "0152-67-5621", "2/27（火）・28日（水）",
              "令和６年２月30日（金）に開催", "北海道", "2023-04-18", "３月19日（土）・20日（日）"]
    read = 0
    for text in texts:
        refusals, warnings = check_dates(text)
        assert dates_read(text) == (refusals, warnings, yearless_weekdays(text)), text
        for fresh in (True, False):                      # found afresh, and remembered
            if fresh:
                text_checks._FINDINGS.clear()
            dated: list = []
            problems = text_checks.check_text(text, ("a", "b"), "s.yaml", {}, [], dated)
            yearless = tuple(yearless_weekdays(text))
            assert dated == ([(("a", "b"), yearless)] if yearless else []), text
            assert [p.message for p in problems] == refusals, text
            read += bool(yearless)
    assert read >= 10


def test_a_text_of_figures_and_hyphens_alone_is_not_read_for_dates():
    """may_hold_date passes over a text of ASCII figures, hyphens, colons and T alone (a
    spec's dates, times and phone numbers): it writes no date the module reads, whatever
    its shape (a hyphenated date is read only beside a weekday). Random such texts, and
    dates of that shape with a weekday after them, which are read."""
    import random
    from jpdocs.dates_in_text import _days_said, may_hold_date
    rng = random.Random(11)
    pieces = ["2024", "2023", "1999", "02", "2", "27", "12", "31", "-", "-", ":", "T", "0152", "10"]
    passed = read = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        assert _days_said(text) == [], text
        passed += not may_hold_date(text)
        date = f"{rng.choice(['2024', '2023', '1999'])}-{rng.choice(['02', '2', '12'])}-{rng.choice(['27', '3', '31'])}"
        for after in ("（火）", " (Tue)", "(金)T10:00"):
            assert may_hold_date(date + after) and _days_said(date + after), date + after
            read += 1
    assert passed > 1000 and read == 9000
    assert not may_hold_date("2024-02-27T10:00") and may_hold_date("2024-02-27（火）")


@pytest.mark.parametrize("text, around, kind, message", [
    ("５月３日（祝）", "2024-04-20", None, None),
    ("３月20日（祝）", "2024-02-16", None, None),
    ("５月７日（祝）", "2024-04-20", "refusal", "no 5月7日 of 2023 to 2025 (around k, 2024-04-20) is a holiday of Japan"
                                              " (2024-05-07 is a 火曜日); correct the date or the 祝"),
    # the nearest is no holiday, the year before's is: the year is not certain, nothing guessed
    ("９月16日（祝）", "2025-08-01", "warning", "the 9月16日 nearest k (2025-08-01) is 2025-09-16, a 火曜日 and not a"
                                             " holiday of Japan (that of 2024 is); check the date and the 祝"),
    # the weekday makes the year certain: its 祝 is checked as a dated one's
    ("３月21日（木・祝）", "2024-02-16", "refusal", "2024-03-21, the 3月21日 nearest k (2024-02-16), is a 木曜日 but"
                                                 " no holiday of Japan"),
    ("２月12日（月、建国記念の日）", "2024-02-16", "refusal", "2024-02-12, the 2月12日 nearest k (2024-02-16), is a 月曜日"
                                                      " and 振替休日, not 建国記念の日"),
    ("11月4日（月・振休）", "2024-10-01", None, None),
    # a year past the known ones: named as a forecast, found or not
    ("３月20日（月・祝）", "2028-02-01", "warning", "2028-03-20, the 3月20日 nearest k (2028-02-01), is 春分の日 by the law"
                                                 " as it stands, but the holidays of 2028 are a forecast"),
    ("３月21日（祝）", "2028-02-01", "warning", "2028-03-21, the 3月21日 nearest k (2028-02-01), is no holiday of Japan by"
                                             " the law as it stands"),
])
def test_a_yearless_holiday_is_read_near_the_spec_s_day(text, around, kind, message):
    [read] = yearless_weekdays(text)
    found = yearless_problem(*read, dt.date.fromisoformat(around), "k")
    if kind is None:
        assert found is None, found
    else:
        assert found[0] == kind and message in found[1], found


# ------------------------------------------------------------ through the generator
# The seed spec's notice is dated 2024-02-16: a date without its year is read near it.
@pytest.mark.parametrize("sentence, message", [
    ("つきましては、５月７日（祝）に締結式を執り行います。",
     "５月７日（祝）: no 5月7日 of 2023 to 2025 (around press_notice.issue_date, 2024-02-16) is a holiday of Japan"
     " (2024-05-07 is a 火曜日); correct the date or the 祝 as the document means it"),
    ("つきましては、２月12日（月、建国記念の日）に締結式を執り行いました。",
     "２月12日（月、建国記念の日）: 2024-02-12, the 2月12日 nearest press_notice.issue_date (2024-02-16), is a 月曜日 and"
     " 振替休日, not 建国記念の日; correct the date or the 建国記念の日 as the document means it"),
    ("令和６年11月４日（月、文化の日）に締結式を執り行います。",
     "令和６年11月４日（月、文化の日）: 2024-11-04 is a 月曜日 and 振替休日, not 文化の日; correct the date or the 文化の日"
     " as the document means it"),
])
def test_a_wrong_holiday_is_refused_at_its_line(tmp_path, sentence, message):
    _assert_refused_at(tmp_path, sentence, "press_notice.opening[1]", message)


def test_the_refusal_is_said_in_japanese_at_the_same_place(tmp_path):
    sentence = "つきましては、５月７日（祝）に締結式を執り行います。"
    spec = _seed_saying(tmp_path, sentence)
    result = run_generate(spec, "-o", tmp_path / "out", env={**os.environ, "LANGUAGE": "ja", "LANG": "ja_JP.UTF-8", "LC_ALL": ""})
    assert result.returncode == 1
    assert (f"{spec}:{_line_of(spec, sentence)}: press_notice.opening[1]: ５月７日（祝）：2023年から2025年の5月7日は、どれも"
            "休日ではありません（基準は press_notice.issue_date、2024-02-16。2024-05-07 は火曜日です）") in result.stderr, \
        result.stderr


def test_an_uncertain_year_and_a_forecast_are_warned_of_and_built(tmp_path):
    sentence = "昨年３月21日（祝）の懇談会を経て、令和12年３月20日（水・祝）に締結式を執り行います。"
    spec = _seed_saying(tmp_path, sentence)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    at = f"{spec}:{_line_of(spec, sentence)}: press_notice.opening[1]: "
    assert (at + "３月21日（祝）: the 3月21日 nearest press_notice.issue_date (2024-02-16) is 2024-03-21, a 木曜日 and not a"
            " holiday of Japan (that of 2023 is); check the date and the 祝") in result.stderr, result.stderr
    assert (at + f"令和12年３月20日（水・祝）: 2030-03-20 is 春分の日 by the law as it stands, but the holidays of 2030 are a"
            f" forecast (the 官報 has fixed them through {holidays.KNOWN_THROUGH}): check the 祝 once they are fixed") \
        in result.stderr, result.stderr


@pytest.mark.parametrize("day, mark", [(dt.date(2030, 3, 20), "祝"), (dt.date(2030, 3, 21), "祝"),
                                       (dt.date(2030, 11, 4), "文化の日")])
def test_a_forecast_for_a_day_read_without_its_year_is_said_in_japanese(day, mark):
    """A 祝 or a holiday's name beside a day written without its year, read around a
    spec's day after KNOWN_THROUGH: each of the three warnings (a holiday, none, another
    holiday) has its Japanese, with the day it was read around (they came out half English)."""
    from jpdocs import i18n
    from jpdocs.dates_in_text import holiday_said_of
    reading = f", the {day.month}月{day.day}日 nearest press_notice.issue_date (2030-02-16),"
    kind, message = holiday_said_of(day, mark, "press_notice.text", reading)
    said = i18n.messages("ja").message(message)
    assert kind == "warning"
    assert "press_notice.issue_date（2030-02-16）に最も近い" in said, said
    assert not re.search(r"\b(the|is|nearest|holiday|forecast|check)\b", said), said
