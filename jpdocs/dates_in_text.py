"""Dates as a spec's own text writes them (令和６年２月27日（火）, 2004年4月3日,
千九百九十三年二月十七日), read back as days: for the agreement's date line
(content/agreement/date_line.py) and for the check that a weekday written beside a
date is that day's (spec/text_checks.py).

A weekday in the spec's text is a fact the product prints under the office's name as
the spec writes it; where it is not the day's (令和６年２月27日（月）: the 27th is a
Tuesday) the date or the weekday is wrong, and the product cannot know which: the
spec is refused at the value's line. Only a date with its year is checked (２月27日（月）
could be any year's); an era year past its era (平成32年３月31日, written before the
era ended) is counted on, as the texts mean it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import japanese

_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_ERA_NAMES = "|".join(name for name, _ in japanese.ERAS)
_NUM = r"[0-9０-９〇零一二三四五六七八九十百千]+"
_GAP = r"[ 　]*"
# a date as texts write it: 令和６年２月27日, 2004年4月3日, 千九百九十三年二月十七日, 令和６年（2024年）２月27日,
# or the month and the day alone (４月３日); the year's other calendar in brackets is read as `other`
DATE = re.compile(
    rf"(?:(?:(?P<era>{_ERA_NAMES}){_GAP}(?P<era_year>元|{_NUM}){_GAP}年|(?P<year>{_NUM}){_GAP}年)"
    rf"(?:{_GAP}[（(](?P<other>[^）)]{{1,12}})[）)])?)?"
    rf"{_GAP}(?P<month>{_NUM}){_GAP}月{_GAP}(?P<day>{_NUM}){_GAP}日")
# the weekday straight after a date: （火）, (火), （火曜）, （火曜日）, or 火曜日 without brackets
_WEEKDAY = re.compile(r"[ 　]*(?:[（(](?P<bracketed>[月火水木金土日])(?:曜日?)?[）)]|(?P<bare>[月火水木金土日])曜日)")
_WEEKDAYS = "月火水木金土日"
_OTHER_YEAR = re.compile(rf"^(?:(?P<era>{_ERA_NAMES})(?P<era_year>元|{_NUM})|(?P<year>{_NUM}))年$")


@dataclass(frozen=True)
class DateInText:
    """A date as a text writes it, read as a day. (A docstring of its own: without one,
    dataclasses makes it from inspect.signature, and importing inspect cost a start
    some 30 M instructions.)"""
    written: str                    # as the text writes it
    year: int | None                # None: the month and the day alone
    month: int
    day: int
    era: str = ""                   # 令和 …, where the year is written in an era

    def is_day(self, day: dt.date) -> bool:
        """Whether it is `day`, in its era where it names one (平成36年２月27日 is no day of
        平成, though 1988 + 36 is 2024)."""
        if self.era and japanese.era_of(day)[0] != self.era:
            return False
        return (self.year in (None, day.year)) and (self.month, self.day) == (day.month, day.day)


def number(text: str) -> int:
    """A number as Japanese texts write it: 2004, ２００４, 二〇〇四, 千九百九十三, 十七."""
    text = text.translate(_WIDE)
    if text.isdigit():
        return int(text)
    if all(c in _KANJI_DIGITS for c in text):          # 二〇〇四: digit by digit
        return int("".join(str(_KANJI_DIGITS[c]) for c in text))
    total, current = 0, 0
    for c in text:
        if c in _KANJI_DIGITS:
            current = current * 10 + _KANJI_DIGITS[c] if current else _KANJI_DIGITS[c]
        else:
            total += (current or 1) * _KANJI_UNITS.get(c, 1)
            current = 0
    return total + current


def dates_in(text: str) -> list[DateInText]:
    """Every date the text writes (era or western year, or the month and day alone),
    in half- or full-width digits or kanji numerals."""
    return [date_of(m) for m in DATE.finditer(text)]


def _year(era: str | None, era_year: str | None, year: str | None) -> int | None:
    if era:
        first = dict(japanese.ERAS)[era]
        return first.year + (1 if era_year == "元" else number(era_year)) - 1
    return number(year) if year else None


def date_of(m: re.Match) -> DateInText:
    return DateInText(m.group(0).strip(" 　"), _year(m.group("era"), m.group("era_year"), m.group("year")),
                      number(m.group("month")), number(m.group("day")), m.group("era") or "")


def untrue_dates(text: str) -> list[str]:
    """What is wrong with each date of `text` that has its year, as a message each: a day
    the calendar does not have (２月30日), the year in brackets another year (令和６年
    （2023年）), a weekday written after it that is not the day's. Empty where nothing is."""
    found = []
    for m in DATE.finditer(text):
        date = date_of(m)
        if date.year is None:
            continue
        other = _OTHER_YEAR.match(m.group("other") or "")
        if other:
            also = _year(other.group("era"), other.group("era_year"), other.group("year"))
            if also != date.year:
                found.append(f"{date.written} gives two years, {date.year} and in brackets {also}: correct it to"
                             " the year the document means")
                continue
        try:
            day = dt.date(date.year, date.month, date.day)
        except ValueError:
            found.append(f"{date.written} is no day of the calendar ({date.year}-{date.month:02}-{date.day:02}):"
                         " correct it to the day the document means")
            continue
        weekday = _WEEKDAY.match(text, m.end())
        if weekday:
            written = weekday.group("bracketed") or weekday.group("bare")
            true = _WEEKDAYS[day.weekday()]
            if written != true:
                found.append(f"{date.written}{weekday.group(0).strip(' 　')}: {day.isoformat()} is a {true}曜日,"
                             f" not a {written}曜日; correct the date or the weekday as the document means it")
    return found


def yearless_weekdays(text: str) -> list[tuple[str, int, int, str]]:
    """Each date of `text` written without its year and with a weekday after it (２月27日（火）):
    (as written, month, day, the weekday written). Its year is the reader's to infer."""
    found = []
    for m in DATE.finditer(text):
        date = date_of(m)
        weekday = _WEEKDAY.match(text, m.end()) if date.year is None else None
        if weekday:
            found.append((date.written + weekday.group(0).strip(" 　"), date.month, date.day,
                          weekday.group("bracketed") or weekday.group("bare")))
    return found


def weekday_near(month: int, day: int, weekday: str, around: dt.date) -> tuple[dt.date | None, list[dt.date]]:
    """The day (month, day) nearest `around` (None: no such day near it), and those of the
    year before, that year and the year after that fall on `weekday`."""
    days = []
    for year in (around.year - 1, around.year, around.year + 1):
        try:
            days.append(dt.date(year, month, day))
        except ValueError:          # ２月29日 outside a leap year
            pass
    nearest = min(days, key=lambda d: abs((d - around).days)) if days else None
    return nearest, [d for d in days if _WEEKDAYS[d.weekday()] == weekday]
