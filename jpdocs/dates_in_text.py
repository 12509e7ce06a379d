"""Dates as a spec's own text writes them (令和６年２月27日（火）, 2004年4月3日,
千九百九十三年二月十七日), read back as days: for the agreement's date line
(content/agreement/date_line.py) and for the check that a weekday written beside a
date is that day's (spec/text_checks.py).

A weekday in the spec's text is a fact the product prints under the office's name as
the spec writes it; where it is not the day's (令和６年２月27日（月）: the 27th is a
Tuesday) the date or the weekday is wrong, and the product cannot know which: the
spec is refused at the value's line. check_dates checks a date with its year; one
without (２月27日（月）, ５月３日（祝）) is read around the day the spec is written around, in the
year its weekday makes certain (yearless_problem); an era year past its era (平成32年３月31日,
written before the era ended) is counted on, as the texts mean it; an era's date before its
first day (令和元年４月26日: 令和 began on 2019-05-01) is warned of.

Notices also write a date in figures (FIGURES): 2024/2/27（火）, 2024.2.27(火), R6.2.27（火）,
令和6.2.27（火）, H31.4.30, and without the year 2/27（火）. These are read for the same check
only: a western year of four figures (1868-2099) or an era (its name, or its letter M T S
H R before the year), one separator (/ or .) throughout, no figure or letter touching it
(10:00, 03-1234-5678, 06.6267.9683, v1.2.3 and 2.27 are no dates); a western year with
dots only beside a weekday (2024.2.30 alone may be a version), the month and day alone
only with a slash and a weekday after it. A date with hyphens (HYPHENATED: 2024-02-27（火）,
2024-2-27(火)) is read only beside a weekday, and after a date in figures a weekday in English
too (2019.03.18 Mon, 2024/2/27 (Tue.)). The agreement's date line reads DATE alone.

A bracket may say more than the weekday, a holiday's mark (３月21日（月・祝）, （日祝）, （月曜・祝日）,
（水・振休））, or hold the mark alone (５月３日（祝））, where the day must also be a holiday of the
law (holidays.py; a 祝 of a year whose holidays may still change is warned of, not refused, and
named a forecast where the rules find it), or the holiday's name (11月3日(月、文化の日)), where
the day must be that one, or the weekdays of days that share it
(19日・20日（土・日））; several weekdays beside one day (（土日祝）: weekends, as a note) are not
read. The days written after a date without their month are read with it as a run
(３月19日（土）・20日（日）, ～21日（月・祝）, と20日（日）, in figures 11/3(金・祝)~5(日)): each the first
date's month and year, read only with a weekday and only as a later day (30日間 and ・3日
after the 27th are none); after ～ or から a date with its month and without its year is the
first's year, or the next where its month is earlier (12月28日～１月４日); after ・ 、 と or 及び,
a list's (2026年10月11日（日）・10月12日（月・祝）), the first's year, only as a later day. A span's mark
is ～, 〜, ~, a hyphen or ―, and the hour the span begins at may stand before it (2026/10/3（土）
20:00〜10/12（月・祝）, 10月３日（土）午後８時から12日（月）): the later date is still the run's, in the
first's year; an hour after it (…10/12（月・祝）17:00) is no part of it. The weekday's
brackets are round, or tortoise-shell (2025年5月5日〔月・祝〕).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import holidays, japanese

_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_ERA_NAMES = "|".join(name for name, _ in japanese.ERAS)
_NUM = r"[0-9０-９〇零一二三四五六七八九十百千]+"
_GAP = r"[ 　]*"
# a date as texts write it: 令和６年２月27日, 2004年4月3日, 千九百九十三年二月十七日, 令和６年（2024年）２月27日,
# or the month and the day alone (４月３日); the year's other calendar in brackets is read as `other`
# or the western year in brackets between the era's and 年, as 厚生労働省 and 栃木県 write it:
# 令和7(2025)年10月1日 (read as `inner`)
DATE = re.compile(
    rf"(?:(?:(?P<era>{_ERA_NAMES}){_GAP}(?P<era_year>元|{_NUM})(?:{_GAP}[（(](?P<inner>{_NUM})[）)])?{_GAP}年"
    rf"|(?P<year>{_NUM}){_GAP}年)"
    rf"(?:{_GAP}[（(](?P<other>[^）)]{{1,12}})[）)])?)?"
    rf"{_GAP}(?P<month>{_NUM}){_GAP}月{_GAP}(?P<day>{_NUM}){_GAP}日")
# the weekday straight after a date: （火）, (火), （火曜）, （火曜日）, or 火曜日 without brackets;
# in brackets, more after it: a holiday's mark (（日・祝）, （月曜・祝日）, （日祝）, （水・振休）) or the
# weekdays of the days before it that share the brackets (19日・20日（土・日）)
_HOLIDAY_MARK = r"(?:祝日|祝|祭日|振替休日|振休)"
# 休 after a weekday, as museums and cities mark a 振替休日 (2023年1月2日（月・休）, 東京国立博物館;
# 3月22日（月・休）, 福山市): the day must be a 振替休日 or a 国民の休日, a day off the law makes that is
# no 国民の祝日 itself. Never alone: （休） after a date is as often a closed day (休館) as a holiday
_DAY_OFF = "休"
# or the holiday's own name (11月3日(月、文化の日), as 岩内町 lists its mayor's engagements): the
# day must be that holiday
_NAMED = tuple(name for name in holidays.NAMES if name != "振替休日")      # 振替休日: a mark, any holiday
_HOLIDAY_NAME = "(?:" + "|".join(_NAMED) + ")"
_MARK_OR_NAME = f"(?:{_HOLIDAY_MARK}|{_HOLIDAY_NAME})"
# The brackets: round, full- or half-width, or tortoise-shell (2025年5月5日〔月・祝〕), each
# closed by its own kind (〔月） is none): whatever brackets the weekday is written in, it is a
# fact printed under the office's name, so it is read and checked
_WEEKDAY = re.compile(
    r"[ 　]*(?:(?:(?P<shell>〔)|[（(])(?P<bracketed>[月火水木金土日])(?:曜日?)?"
    rf"(?P<more>(?:[・･、，,]?(?:{_MARK_OR_NAME}|{_DAY_OFF}|[月火水木金土日](?:曜日?)?))*)(?(shell)〕|[）)])"
    r"|(?P<bare>[月火水木金土日])曜日"
    rf"|(?:(?P<mark_shell>〔)|[（(])(?P<mark_only>{_MARK_OR_NAME})(?(mark_shell)〕|[）)]))")   # ５月３日（祝）
# a weekday in English after a date in figures, as 長野県立大学 dates its topics (2019.03.18 Mon):
# (Tue), (Tue.), (Tuesday), Tue
_ENGLISH_WEEKDAY = re.compile(
    r"[ 　]*(?:[（(](?P<english>[A-Za-z]{3,9})\.?[）)]|(?P<english_bare>[A-Za-z]{3,9})\.?(?![A-Za-z]))")
_ENGLISH_WEEKDAYS = {name: "月火水木金土日"[i] for i, names in enumerate((
    ("mon", "monday"), ("tue", "tues", "tuesday"), ("wed", "weds", "wednesday"), ("thu", "thur", "thurs", "thursday"),
    ("fri", "friday"), ("sat", "saturday"), ("sun", "sunday"))) for name in names}
# the mark of a span: ～ (U+FF5E), 〜 (U+301C), ~, a hyphen, or ― (U+2015), as notices write it
_SPAN = r"[～〜~\-－―]"
# the hour the span begins at, between a date (its weekday) and the span's mark: 2026/10/3（土）20:00〜
# 10/12（月・祝）, 10月３日（土）午後８時から12日（月）. The later day is then the run's, in the first's
# year, as without the hour (read past it: the later day was read as a date of its own, without
# its year, and checked in the year around the notice's date of issue, not the first's)
_HOUR = r"(?:午前|午後)?[0-9０-９]{1,2}(?:[:：][0-9０-９]{2}|時(?:[0-9０-９]{1,2}分|半)?)"
_HOUR_THEN = rf"(?:{_HOUR}{_GAP})?"
# the next day of a run, written without its month (it is the date's before it): ３月19日（土）・20日（日）,
# ３月19日（土）～21日（月・祝）, 10月３日（土）から５日（月）, in figures 11/3(金・祝)~5(日); or, after ～ or
# から, with its month and without its year (10月26日（土）～11月３日（日・祝）: the first's year, or the
# next where the month is earlier, 12月28日（木）～１月４日（木））. Read only with a weekday after it (or
# the weekdays of both in one bracket after it, 19日・20日（土・日））, and only as a later day
_NEXT_DAY = re.compile(rf"{_GAP}(?:[・･、，,]|と|及び|および|{_HOUR_THEN}(?:{_SPAN}|から)){_GAP}(?P<day>{_NUM}){_GAP}日")
# or after ・ 、 と 及び with its month, as a list of days in the first's year (2026年10月11日（日）・10月12日
# （月・祝）の2日間, an event page; 7月18日（土）、7月20日（月・祝）): only a later month or day, never the next
# year's (a list is not a span)
_NEXT_DATE = re.compile(rf"{_GAP}(?:{_HOUR_THEN}(?:{_SPAN}|から)|(?P<listed>[・･、，,]|と|及び|および)){_GAP}"
                        rf"(?P<month>{_NUM}){_GAP}月{_GAP}(?P<day>{_NUM}){_GAP}日")
_NEXT_FIGURE_DAY = re.compile(rf"[ 　]*(?:[・･、，,]|{_HOUR_THEN}{_SPAN})[ 　]*(?P<day>[0-9０-９]{{1,2}})"
                              r"(?![0-9０-９/／.．:：])")
_NEXT_FIGURE_DATE = re.compile(rf"[ 　]*{_HOUR_THEN}{_SPAN}[ 　]*(?P<month>[0-9０-９]{{1,2}})[/／](?P<day>[0-9０-９]{{1,2}})"
                               r"(?![0-9０-９/／.．:：])")
WEEKDAYS = "月火水木金土日"
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
# a date with hyphens, 2024-02-27 or 2024-2-27: a western year of four figures, read only beside
# a weekday (2024-02-27（火）); nothing touching it, so a phone number (03-1234-5678), a postal
# code (123-4567) and a span of numbers (2000-3000) are none
HYPHENATED = re.compile(
    rf"(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ/／.．:：\-－‐−])(?P<year>(?:18|19|20|１８|１９|２０){_FIG}{{2}})"
    rf"(?P<hyphen>[-－‐−])(?P<month>{_FIG}{{1,2}})(?P=hyphen)(?P<day>{_FIG}{{1,2}})"
    rf"(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ/／.．:：\-－‐−])")
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


# where a text may write a date in figures (a figure, / . or a hyphen, a figure): most texts have none
_FIGURE_DATE_HINT = re.compile(r"[0-9０-９][/／.．\-－‐−][0-9０-９]")


# a text of ASCII figures, hyphens, colons and T alone writes no date this module reads: a
# hyphenated date is read only beside a weekday, in brackets or in letters (three at least),
# and a date in figures needs / or . (2024-02-27, 2024-02-27T10:00, 0152-67-5621: a spec's
# dates and times and its phone numbers, most of the texts _FIGURE_DATE_HINT finds, each
# read for nothing at ~40,000 instructions)
_FIGURES_AND_HYPHENS = re.compile(r"[0-9:T\-]*")


def may_hold_date(text: str) -> bool:
    """Whether `text` may write a date this module reads (spec/text_checks.py looks only there)."""
    return (("日" in text and "月" in text)
            or (_FIGURE_DATE_HINT.search(text) is not None and _FIGURES_AND_HYPHENS.fullmatch(text) is None))


_SEPARATORS = str.maketrans("／．", "/.")


def _weekday_after(text: str, at: int, english: bool = False) -> re.Match | None:
    """The weekday written at `at` (in English too after a date in figures), or None."""
    found = _WEEKDAY.match(text, at)
    if found is None and english:
        found = _ENGLISH_WEEKDAY.match(text, at)
        if found and (found.group("english") or found.group("english_bare")).lower() not in _ENGLISH_WEEKDAYS:
            return None
    return found


def _weekdays_said(weekday: re.Match) -> tuple[str, str]:
    """The weekdays a weekday's match names, in order (火, or 土日 for （土・日）), and the
    holiday's mark among them as written (祝, 祝日, 振休 …; "" where none is)."""
    if "english" in weekday.re.groupindex:
        return _ENGLISH_WEEKDAYS[(weekday.group("english") or weekday.group("english_bare")).lower()], ""
    if weekday.group("mark_only"):                  # ５月３日（祝）: a holiday, no weekday said
        return "", weekday.group("mark_only")
    more = weekday.group("more") or ""
    mark = re.search(f"{_MARK_OR_NAME}|{_DAY_OFF}", more)
    without_marks = re.sub(f"{_MARK_OR_NAME}|{_DAY_OFF}", "", more).replace("曜日", "").replace("曜", "")
    return ((weekday.group("bracketed") or weekday.group("bare")) + "".join(c for c in without_marks if c in WEEKDAYS),
            mark.group(0) if mark else "")


def _in_figures(text: str) -> list[tuple[re.Match, DateInText, re.Match | None]]:
    """Each date `text` writes in figures that this module reads (FIGURES, HYPHENATED: see
    the module's docstring), with the weekday written after it (or None)."""
    found = []
    for m in FIGURES.finditer(text):
        first, second = m.group("sep") or m.group("lsep") or m.group("ysep"), m.group("sep2")
        if first and first.translate(_SEPARATORS) != second.translate(_SEPARATORS):
            continue                                  # 2024/2.27: no date's form
        weekday = _weekday_after(text, m.end(), english=True)
        era = m.group("era") or _ERA_LETTERS.get(m.group("letter") or "", "")
        if not first and (second.translate(_SEPARATORS) != "/" or weekday is None):
            continue                                  # the month and day alone: 2/27（火）, nothing else
        if m.group("year") and second.translate(_SEPARATORS) == "." and weekday is None:
            continue                                  # 2024.2.30 alone may be a version's number
        date = DateInText(m.group(0), _year(era, m.group("era_year"), m.group("year")),
                          number(m.group("month")), number(m.group("day")), era)
        found.append((m, date, weekday))
    for m in HYPHENATED.finditer(text):
        weekday = _weekday_after(text, m.end(), english=True)
        if weekday is not None:                       # 2024-02-27 alone may be a number of another kind
            found.append((m, DateInText(m.group(0), number(m.group("year")), number(m.group("month")),
                                        number(m.group("day"))), weekday))
    return found


@dataclass(frozen=True)
class _Said:
    """A day the text writes, with what it says of it: its weekday (None: none written) and
    the holiday's mark written beside it (祝, 祝日, 振休 …; "": none); `written` as the text
    writes them, from the run's first day (３月19日（土）・20日（月）)."""
    written: str
    date: DateInText
    weekday: str | None
    holiday: str = ""
    match: re.Match | None = None           # the date's own match (the first of a run)


def _run(text: str, m: re.Match, first: DateInText, weekday: re.Match | None,
         following: tuple[re.Pattern, re.Pattern], covered: set[int]) -> list[_Said]:
    """The date `m` and the days of a run after it (`following`: with their month, and
    without), each with what the text says of it; the start of each later date's month
    added to `covered` (it is not read again as a date of its own). A day of the run without
    a weekday of its own takes the one its brackets give it in order (19日・20日（土・日））,
    else nothing is said of it (and it is not read, unless it is the first: 30日間 is no date)."""
    english = following[0] is _NEXT_FIGURE_DATE
    days = [(first, weekday)]
    at = weekday.end() if weekday else m.end()
    while (n := following[0].match(text, at) or following[1].match(text, at)) is not None:
        before, day = days[-1][0], number(n.group("day"))
        month = number(n.group("month")) if "month" in n.re.groupindex else before.month
        year = before.year
        if month < before.month:
            if n.groupdict().get("listed"):
                break                                   # 10月12日・１月４日: a list, not a span into a year
            year = year + 1 if year else None           # 12月28日～１月４日: the next year's
        elif (month, day) <= (before.month, before.day):
            break                                       # not a later day: ２月27日（火）・3日
        if "month" in n.re.groupindex:
            covered.add(n.start("month"))
        after = _weekday_after(text, n.end(), english)
        start = n.start("month") if "month" in n.re.groupindex else n.start("day")
        days.append((DateInText(text[start:n.end()].strip(" 　"), year, month, day, first.era if year == first.year else ""),
                     after))
        at = after.end() if after else n.end()
    said, waiting = [], []
    for i, (date, weekday) in enumerate(days):
        if weekday is None:
            waiting.append((i, date))
            continue
        names, holiday = _weekdays_said(weekday)
        written = text[m.start():weekday.end()].strip(" 　")
        if not names:                                       # （祝） alone: the day is said to be a holiday
            said.append(_Said(written, date, None, holiday, m if i == 0 else None))
        elif len(names) == 1:
            said.append(_Said(written, date, names[0], holiday, m if i == 0 else None))
        elif len(names) == len(waiting) + 1:                # 19日・20日（土・日）: a weekday each, in order
            said += [_Said(written, d, name, "", m if j == 0 else None)
                     for (j, d), name in zip(waiting + [(i, date)], names)]
            waiting = []
        else:                                               # （土日祝） beside one day: weekends, not its weekday
            waiting.append((i, date))
        waiting = [w for w in waiting if w[0] == 0]
    if waiting and waiting[0][0] == 0:
        said.insert(0, _Said(first.written, first, None, "", m))
    return said


def _days_said(text: str) -> list[_Said]:
    """Every date the text writes (DATE, and in figures), and the days of a run after it."""
    found, covered = [], set()
    for m in DATE.finditer(text):
        if m.start("month") not in covered:
            found += _run(text, m, date_of(m), _weekday_after(text, m.end()), (_NEXT_DATE, _NEXT_DAY), covered)
    if _FIGURE_DATE_HINT.search(text):
        for m, date, weekday in _in_figures(text):
            if m.start("month") not in covered:
                found += _run(text, m, date, weekday, (_NEXT_FIGURE_DATE, _NEXT_FIGURE_DAY), covered)
    return found


def holiday_said_of(day: dt.date, mark: str, written: str, reading: str = "") -> tuple[str, str] | None:
    """What is wrong with the holiday's mark `mark` (祝, 祝日, 振休 …, or a holiday's name, 文化の日)
    written beside `day`, as (refusal or warning, message); None where the day is such a holiday
    (a name: that holiday; a mark: any of the law's). A day of a year past KNOWN_THROUGH is
    warned of either way: its holidays are the law's as it stands and the equinoxes' reckoning, a
    forecast until the 官報 fixes them. `reading`, where the text writes no year: how the day was
    read (", the 3月21日 nearest press_notice.issue_date (2024-02-16)")."""
    if day < holidays.LAW_IN_FORCE:
        return None
    true, actual = WEEKDAYS[day.weekday()], holidays.holiday_of(day)
    if mark == _DAY_OFF:                # （月・休）: a 振替休日 or a 国民の休日, no 国民の祝日
        right = actual in ("振替休日", "国民の休日")
    else:
        right = actual == mark if mark in _NAMED else actual is not None
    if day.year > holidays.KNOWN_THROUGH:
        if right:
            return "warning", (f"{written}: {day.isoformat()}{reading} is {actual} by the law as it stands, but the"
                               f" holidays of {day.year} are a forecast (the 官報 has fixed them through"
                               f" {holidays.KNOWN_THROUGH}): check the {mark} once they are fixed")
        what = f"{actual}, not {mark}," if actual else "no holiday of Japan"
        return "warning", (f"{written}: {day.isoformat()}{reading} is {what} by the law as it stands (its holidays"
                           f" are known through {holidays.KNOWN_THROUGH}; a later change is not): check the date and"
                           f" the {mark}")
    if right:
        return None
    if actual and mark == _DAY_OFF:
        return "refusal", (f"{written}: {day.isoformat()}{reading} is a {true}曜日 and {actual}, a 国民の祝日, not a"
                           f" 振替休日 or 国民の休日, which {mark} marks; correct the date, or write 祝 as the document"
                           " means it")
    if actual and mark in _NAMED:
        return "refusal", (f"{written}: {day.isoformat()}{reading} is a {true}曜日 and {actual}, not {mark}; correct the"
                           f" date or the {mark} as the document means it")
    return "refusal", (f"{written}: {day.isoformat()}{reading} is a {true}曜日 but no holiday of Japan (no 国民の祝日,"
                       f" 振替休日 or 国民の休日); correct the date or the {mark} as the document means it")


def check_dates(text: str) -> tuple[list[str], list[str]]:
    """What is wrong with each date of `text` that has its year, as a message each: a day
    the calendar does not have (２月30日), the year in brackets another year (令和６年
    （2023年）), a weekday written after it that is not the day's, a 祝 beside a day that is no
    holiday. (refusals, warnings): a 祝 beside a day of a year whose holidays may still change
    is warned of, not refused."""
    return _checked(_days_said(text))


def dates_read(text: str) -> tuple[list[str], list[str], list[tuple[str, int, int, str | None, str]]]:
    """check_dates(text) and yearless_weekdays(text), from one reading of the text's dates:
    the spec's text checks want both of each text that may hold a date, and reading its
    dates twice cost ~40,000 instructions a text (five a notice)."""
    days = _days_said(text)
    return (*_checked(days), _yearless(days))


def _checked(days: list[_Said]) -> tuple[list[str], list[str]]:
    """check_dates of the days a text says (_days_said)."""
    refusals, warnings = [], []
    for said in days:
        date = said.date
        if date.year is None:
            continue
        found = said.match.groupdict() if said.match else {}
        other = _OTHER_YEAR.match(found.get("other") or "")
        also = _year(other.group("era"), other.group("era_year"), other.group("year")) if other else None
        if found.get("inner"):                      # 令和7(2025)年: the western year inside the era's
            also = number(found["inner"])
        if also is not None:
            if also != date.year:
                refusals.append(f"{date.written} gives two years, {date.year} and in brackets {also}: correct it to"
                                " the year the document means")
                continue
        try:
            day = dt.date(date.year, date.month, date.day)
        except ValueError:
            refusals.append(f"{said.written if said.weekday else date.written} is no day of the calendar"
                            f" ({date.year}-{date.month:02}-{date.day:02}): correct it to the day the document means")
            continue
        if date.era and day < (first := dict(japanese.ERAS)[date.era]):
            # 令和元年４月26日: no day of 令和, which began on 2019-05-01 (an era year past its
            # era's end is counted on, written before it ended; one before its start cannot
            # have been): warned of, as an issue_date written so is refused (spec/values.py),
            # and printed as written (a table of figures may date the days before in the new era)
            warnings.append(f"{date.written} is before the {date.era} era began ({first.isoformat()});"
                            f" that day is {japanese.format_date(day, 'half', western=False, weekday=False)}")
        true = WEEKDAYS[day.weekday()]
        if said.weekday and said.weekday != true:
            refusals.append(f"{said.written}: {day.isoformat()} is a {true}曜日, not a {said.weekday}曜日;"
                            " correct the date or the weekday as the document means it")
        elif said.holiday and (wrong := holiday_said_of(day, said.holiday, said.written)):
            (refusals if wrong[0] == "refusal" else warnings).append(wrong[1])
    return refusals, warnings


def untrue_dates(text: str) -> list[str]:
    """The refusals of check_dates: what is wrong with each date of `text` that has its year."""
    return check_dates(text)[0]


def yearless_weekdays(text: str) -> list[tuple[str, int, int, str | None, str]]:
    """Each date of `text` written without its year and with a weekday after it (２月27日（火）,
    or in figures 2/27（火）, and the days of a run after it: ３月19日（土）・20日（日））, or with a
    holiday's mark alone (５月３日（祝）): (as written, month, day, the weekday written or None,
    the holiday's mark beside it or ""). Its year is the reader's to infer (yearless_problem)."""
    return _yearless(_days_said(text))


def _yearless(days: list[_Said]) -> list[tuple[str, int, int, str | None, str]]:
    """yearless_weekdays of the days a text says (_days_said)."""
    return [(said.written, said.date.month, said.date.day, said.weekday, said.holiday)
            for said in days if said.date.year is None and (said.weekday or said.holiday)]
