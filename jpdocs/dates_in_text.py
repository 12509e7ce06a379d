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

Notices also write a date in figures (FIGURES): 2024/2/27（火）, 2024.2.27(火), R6.2.27（火）,
令和6.2.27（火）, H31.4.30, and without the year 2/27（火）. These are read for the same check
only: a western year of four figures (1868-2099) or an era (its name, or its letter M T S
H R before the year), one separator (/ or .) throughout, no figure or letter touching it
(10:00, 03-1234-5678, 06.6267.9683, v1.2.3 and 2.27 are no dates); a western year with
dots only beside a weekday (2024.2.30 alone may be a version), the month and day alone
only with a slash and a weekday after it. The agreement's date line reads DATE alone.
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
# a date in figures (see the module's docstring): the year (era name or letter, or a western
# year), then the month and the day with the same separator; or the month and day alone
_ERA_LETTERS = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和",
                "Ｍ": "明治", "Ｔ": "大正", "Ｓ": "昭和", "Ｈ": "平成", "Ｒ": "令和"}
_FIG = r"[0-9０-９]"
FIGURES = re.compile(
    rf"(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ/／.．:：\-－])"
    rf"(?:(?:(?P<era>{_ERA_NAMES})|(?P<letter>[MTSHRＭＴＳＨＲ]))(?P<era_year>元|{_FIG}{{1,2}})"
    rf"|(?P<year>(?:18|19|20|１８|１９|２０){_FIG}{{2}}))?"
    rf"(?(era)(?P<sep>[/／.．])|(?(letter)(?P<lsep>[/／.．])|(?(year)(?P<ysep>[/／.．])|)))"
    rf"(?P<month>{_FIG}{{1,2}})(?P<sep2>[/／.．])(?P<day>{_FIG}{{1,2}})"
    rf"(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ/／.．:：])")
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


# where a text may write a date in figures (a figure, / or ., a figure): most texts have none
_FIGURE_DATE_HINT = re.compile(r"[0-9０-９][/／.．][0-9０-９]")


def may_hold_date(text: str) -> bool:
    """Whether `text` may write a date this module reads (spec/text_checks.py looks only there)."""
    return ("日" in text and "月" in text) or _FIGURE_DATE_HINT.search(text) is not None


_SEPARATORS = str.maketrans("／．", "/.")


def _in_figures(text: str) -> list[tuple[re.Match, DateInText, re.Match | None]]:
    """Each date `text` writes in figures that this module reads (FIGURES: see the
    module's docstring), with the weekday written after it (or None)."""
    found = []
    for m in FIGURES.finditer(text):
        first, second = m.group("sep") or m.group("lsep") or m.group("ysep"), m.group("sep2")
        if first and first.translate(_SEPARATORS) != second.translate(_SEPARATORS):
            continue                                  # 2024/2.27: no date's form
        weekday = _WEEKDAY.match(text, m.end())
        era = m.group("era") or _ERA_LETTERS.get(m.group("letter") or "", "")
        if not first and (second.translate(_SEPARATORS) != "/" or weekday is None):
            continue                                  # the month and day alone: 2/27（火）, nothing else
        if m.group("year") and second.translate(_SEPARATORS) == "." and weekday is None:
            continue                                  # 2024.2.30 alone may be a version's number
        date = DateInText(m.group(0), _year(era, m.group("era_year"), m.group("year")),
                          number(m.group("month")), number(m.group("day")), era)
        found.append((m, date, weekday))
    return found


def untrue_dates(text: str) -> list[str]:
    """What is wrong with each date of `text` that has its year, as a message each: a day
    the calendar does not have (２月30日), the year in brackets another year (令和６年
    （2023年）), a weekday written after it that is not the day's. Empty where nothing is."""
    found = []
    written = [(m, date_of(m), _WEEKDAY.match(text, m.end())) for m in DATE.finditer(text)]
    for m, date, weekday in written + (_in_figures(text) if _FIGURE_DATE_HINT.search(text) else []):
        if date.year is None:
            continue
        other = _OTHER_YEAR.match(m.groupdict().get("other") or "")
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
        if weekday:
            said = weekday.group("bracketed") or weekday.group("bare")
            true = _WEEKDAYS[day.weekday()]
            if said != true:
                found.append(f"{date.written}{weekday.group(0).strip(' 　')}: {day.isoformat()} is a {true}曜日,"
                             f" not a {said}曜日; correct the date or the weekday as the document means it")
    return found


def yearless_weekdays(text: str) -> list[tuple[str, int, int, str]]:
    """Each date of `text` written without its year and with a weekday after it (２月27日（火）,
    or in figures 2/27（火）): (as written, month, day, the weekday written). Its year is the reader's to infer."""
    found = []
    written = [(date_of(m), _WEEKDAY.match(text, m.end())) for m in DATE.finditer(text)]
    figures = [(date, weekday) for _, date, weekday in _in_figures(text)] if _FIGURE_DATE_HINT.search(text) else []
    for date, weekday in written + figures:
        if date.year is None and weekday:
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
