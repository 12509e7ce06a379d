"""A date a spec's text writes without its year (２月27日（火）, ５月３日（祝）, 11/3(金・祝):
dates_in_text.yearless_weekdays), read as the one near the day the spec is written around
(spec/text_checks.py: the notice's date of issue, else its ceremony's day, else the signing
date) and checked there.

Its year is one of the year before, that year and the year after. A weekday written beside
it makes the year certain where the nearest day falls on it (a day recurs on a weekday only
every five years or more), and a 祝 beside it is then checked as beside a dated day
(dates_in_text.holiday_said_of). Without a weekday the nearest is read. Where no year of the
three is what the text says, whichever it means is wrong: refused. Where the nearest is not
and another year's is (昨年２月27日（月）), the year is not certain and none is guessed: a
warning.
"""
from __future__ import annotations

import datetime as dt

from . import holidays
from .dates_in_text import WEEKDAYS, holiday_said_of


def _may_be_holiday(day: dt.date) -> bool:
    """Whether `day` may be a holiday: one of the law's, or of a year whose holidays are not
    known yet, or before the law."""
    return day.year > holidays.KNOWN_THROUGH or day < holidays.LAW_IN_FORCE or holidays.holiday_of(day) is not None


def yearless_problem(written: str, month: int, mday: int, weekday: str | None, mark: str,
                     around: dt.date, key: str) -> tuple[str, str] | None:
    """What is wrong with a date written without its year (one of yearless_weekdays), read as
    the module's docstring says near `around` (`key`, the key that gives it), as (refusal or
    warning, message); None where nothing is."""
    days = []
    for year in (around.year - 1, around.year, around.year + 1):
        try:
            days.append(dt.date(year, month, mday))
        except ValueError:          # ２月29日 outside a leap year
            pass
    if not days:
        return None
    nearest = min(days, key=lambda d: abs((d - around).days))
    true, md, first, last = WEEKDAYS[nearest.weekday()], f"{month}月{mday}日", around.year - 1, around.year + 1
    reading = f", the {md} nearest {key} ({around.isoformat()}),"
    if weekday == true:                                  # the year made certain: its 祝 checked
        return holiday_said_of(nearest, mark, written, reading) if mark else None
    if weekday is None:                                  # a holiday's mark alone: the nearest, if any is one
        if _may_be_holiday(nearest):
            return holiday_said_of(nearest, mark, written, reading)
        other = next((d for d in days if _may_be_holiday(d)), None)
        if other is None:
            return "refusal", (f"{written}: no {md} of {first} to {last} (around {key}, {around.isoformat()}) is a"
                               f" holiday of Japan ({nearest.isoformat()} is a {true}曜日); correct the date or the"
                               f" {mark} as the document means it")
        return "warning", (f"{written}: the {md} nearest {key} ({around.isoformat()}) is {nearest.isoformat()}, a"
                           f" {true}曜日 and not a holiday of Japan (that of {other.year} is); check the date and the"
                           f" {mark}")
    matching = [d for d in days if WEEKDAYS[d.weekday()] == weekday and (not mark or _may_be_holiday(d))]
    if not matching:
        if mark:
            return "refusal", (f"{written}: no {md} of {first} to {last} (around {key}, {around.isoformat()}) is a"
                               f" {weekday}曜日 and a holiday of Japan ({nearest.isoformat()} is a {true}曜日);"
                               f" correct the date, the weekday or the {mark} as the document means it")
        return "refusal", (f"{written}: no {md} of {first} to {last} (around {key}, {around.isoformat()}) is a"
                           f" {weekday}曜日 ({nearest.isoformat()} is a {true}曜日); correct the date or the weekday"
                           " as the document means it")
    if mark:
        return "warning", (f"{written}: the {md} nearest {key} ({around.isoformat()}) is {nearest.isoformat()}, not a"
                           f" {weekday}曜日 and a holiday of Japan (that of {matching[0].year} is); check the date, the"
                           f" weekday and the {mark}")
    return "warning", (f"{written}: the {md} nearest {key} ({around.isoformat()}) is {nearest.isoformat()}, not a"
                       f" {weekday}曜日 (that of {matching[0].year} is); check the date or the weekday")
