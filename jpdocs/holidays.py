"""The holidays of Japan's law (国民の祝日に関する法律, in force from 1948-07-20), for the check
that a 祝 written beside a date (３月21日（月・祝）) is true (dates_in_text.py).

A 祝 is written on every day the law makes a holiday, not only on the 国民の祝日 themselves:
on a 振替休日 (令和６年11月４日（月・祝）, the Monday after 文化の日 fell on a Sunday) and on a
国民の休日 (平成27年９月22日（火・祝）, between 敬老の日 and 秋分の日). So holiday_of names
all three, as the law has stood each year:

- the 国民の祝日, with their moves: 成人の日 and 体育の日 to a Monday from 2000, 海の日 (from
  1996) and 敬老の日 from 2003; 天皇誕生日 4/29 until 1988, 12/23 from 1989 to 2018, none in
  2019, 2/23 from 2020; 4/29 みどりの日 from 1989, 昭和の日 from 2007, and 5/4 みどりの日
  from 2007; 山の日 from 2016; the Olympic years' moves of 2020 and 2021; and the one-off
  days of the imperial house (1959, 1989, 1990, 1993, 2019);
- the 振替休日 from 1973-04-12: the day after a 国民の祝日 on a Sunday, and from 2007 the
  first day after it that is no 国民の祝日 (2008-05-06);
- the 国民の休日 from 1985-12-27: a day between two 国民の祝日 that is none itself (and,
  until 2006, no Sunday).

春分の日 and 秋分の日 are fixed each February in the 官報 for the year after, from the
astronomers' reckoning; the formula below gives them from 1900 to 2099 as announced.
KNOWN_THROUGH is the last year whose days the law and the 官報 have fixed as this module
has them: a later year's may still change (a new holiday, a day moved), so a 祝 there
that these rules do not find is not refused (dates_in_text warns of it instead), and one
they find is named a forecast. Raise it each February, when the 官報 fixes the next year's
equinoxes (README, "The holidays' years").
"""
from __future__ import annotations

import datetime as dt

LAW_IN_FORCE = dt.date(1948, 7, 20)
KNOWN_THROUGH = 2027          # the equinox days of 2027 were fixed in the 官報 in February 2026
# the names the law gives its days (and the two kinds of day it adds), as a text may write one
# beside a date in place of 祝 (11月3日(月、文化の日), as 岩内町 lists its mayor's engagements)
NAMES = ("元日", "成人の日", "建国記念の日", "天皇誕生日", "春分の日", "昭和の日", "みどりの日", "憲法記念日",
         "こどもの日", "海の日", "山の日", "敬老の日", "秋分の日", "体育の日", "スポーツの日", "文化の日",
         "勤労感謝の日", "振替休日", "国民の休日")
_SUBSTITUTE_FROM = dt.date(1973, 4, 12)
_BETWEEN_FROM = dt.date(1985, 12, 27)

_ONE_OFF = {
    dt.date(1959, 4, 10): "皇太子明仁親王の結婚の儀",
    dt.date(1989, 2, 24): "昭和天皇の大喪の礼",
    dt.date(1990, 11, 12): "即位礼正殿の儀",
    dt.date(1993, 6, 9): "皇太子徳仁親王の結婚の儀",
    dt.date(2019, 5, 1): "天皇の即位の日",
    dt.date(2019, 10, 22): "即位礼正殿の儀",
}
# the Olympic years: 海の日, スポーツの日 and 山の日 moved by their own laws
_MOVED = {
    2020: {dt.date(2020, 7, 23): "海の日", dt.date(2020, 7, 24): "スポーツの日", dt.date(2020, 8, 10): "山の日"},
    2021: {dt.date(2021, 7, 22): "海の日", dt.date(2021, 7, 23): "スポーツの日", dt.date(2021, 8, 8): "山の日"},
}


def _monday(year: int, month: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * (nth - 1))


def _equinoxes(year: int) -> tuple[int, int]:
    """The day in March of 春分の日 and in September of 秋分の日 (1900-2099). The fraction's
    integer part is truncated toward zero, as the formula is published."""
    if year <= 1979:
        shift = int((year - 1983) / 4)
        return int(20.8357 + 0.242194 * (year - 1980) - shift), int(23.2588 + 0.242194 * (year - 1980) - shift)
    shift = int((year - 1980) / 4)
    return int(20.8431 + 0.242194 * (year - 1980) - shift), int(23.2488 + 0.242194 * (year - 1980) - shift)


def _national(year: int) -> dict[dt.date, str]:
    """The 国民の祝日 of a year (the law's own days), by date."""
    d = dt.date
    spring, autumn = _equinoxes(year)
    days = {d(year, 1, 1): "元日", d(year, 3, spring): "春分の日", d(year, 5, 3): "憲法記念日",
            d(year, 5, 5): "こどもの日", d(year, 9, autumn): "秋分の日", d(year, 11, 3): "文化の日",
            d(year, 11, 23): "勤労感謝の日"}
    days[d(year, 1, 15) if year < 2000 else _monday(year, 1, 2)] = "成人の日"
    if year >= 1967:
        days[d(year, 2, 11)] = "建国記念の日"
    days[d(year, 4, 29)] = "天皇誕生日" if year <= 1988 else "みどりの日" if year <= 2006 else "昭和の日"
    if year >= 2007:
        days[d(year, 5, 4)] = "みどりの日"
    if 1989 <= year <= 2018:
        days[d(year, 12, 23)] = "天皇誕生日"
    elif year >= 2020:
        days[d(year, 2, 23)] = "天皇誕生日"
    if year in _MOVED:
        days.update(_MOVED[year])
    else:
        if year >= 1996:
            days[d(year, 7, 20) if year < 2003 else _monday(year, 7, 3)] = "海の日"
        if year >= 2016:
            days[d(year, 8, 11)] = "山の日"
        if year >= 1966:
            days[d(year, 10, 10) if year < 2000 else _monday(year, 10, 2)] = "体育の日" if year < 2020 else "スポーツの日"
    if year >= 1966:
        days[d(year, 9, 15) if year < 2003 else _monday(year, 9, 3)] = "敬老の日"
    days.update({day: name for day, name in _ONE_OFF.items() if day.year == year})
    if year == 1948:          # the law took effect on 20 July: its first holidays were in the autumn
        days = {day: name for day, name in days.items() if day >= LAW_IN_FORCE}
    return days


def holidays_of(year: int) -> dict[dt.date, str]:
    """Every holiday of the law in `year`, by date: its 国民の祝日, 振替休日 and 国民の休日."""
    national = _national(year)
    days = dict(national)
    for day in sorted(national):
        if day.weekday() != 6 or day < _SUBSTITUTE_FROM:
            continue
        after = day + dt.timedelta(days=1)
        if day.year >= 2007:
            while after in national:
                after += dt.timedelta(days=1)
        if after not in national:
            days.setdefault(after, "振替休日")
    for day in sorted(national):
        between = day + dt.timedelta(days=1)
        if (between >= _BETWEEN_FROM and between not in days and between + dt.timedelta(days=1) in national
                and (year >= 2007 or between.weekday() != 6)):
            days[between] = "国民の休日"
    return days


def holiday_of(day: dt.date) -> str | None:
    """The holiday `day` is under the law (its name, 振替休日 or 国民の休日), or None."""
    return holidays_of(day.year).get(day)
