"""Japanese dates, times and numbers as official documents write them: digit styles
(the house's mixed widths), era dates with their calendars and weekday forms, times and
their spans, fiscal years and periods (1か月). Nearly every stage formats a date or a
digit, so this module stays small and imports nothing of the package; how a document
counts and lists (enumeration.py), names its parties (party_names.py), repairs radical
code points (radicals.py) and keeps to one writing style (writing_style.py) live beside it."""

import re
import unicodedata
from datetime import date, datetime, time

# --- digits -----------------------------------------------------------------

DIGIT_STYLES = ("mixed", "half", "full")

_TO_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _check_style(style: str) -> None:
    if style not in DIGIT_STYLES:
        raise ValueError(f"unknown digit style {style!r}; allowed: {', '.join(DIGIT_STYLES)}")


def digits(n: int | str, style: str = "mixed") -> str:
    """Write a non-negative integer, or a string of ASCII digits, in a style.

    A string keeps its leading zeros ("00" minutes). "mixed" is the office
    house style: one digit full-width (２月), two or more half-width (16日);
    the width follows the digits actually written, so "05" is half-width.
    """
    _check_style(style)
    if isinstance(n, int):
        if n < 0:
            raise ValueError(f"digits() takes a non-negative number, got {n}")
        text = str(n)
    else:
        text = n
        # isdigit() alone would accept full-width and other scripts' digits.
        if not (text.isascii() and text.isdigit()):
            raise ValueError(f"digits() takes ASCII digits, got {text!r}")
    if style == "full" or (style == "mixed" and len(text) == 1):
        return text.translate(_TO_FULL)
    return text


def em_width(text: str) -> float:
    """The width of a text in em as a fixed-pitch Japanese face sets it: a full-width
    (and ambiguous) character one em, any other half (a marker's, a label's width)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "FWA" else 0.5 for c in text)


# --- eras and dates ---------------------------------------------------------

ERAS = (
    ("明治", date(1868, 10, 23)),
    ("大正", date(1912, 7, 30)),
    ("昭和", date(1926, 12, 25)),
    ("平成", date(1989, 1, 8)),
    ("令和", date(2019, 5, 1)),
)

_WEEKDAYS = "月火水木金土日"


def _as_date(d: date) -> date:
    # A datetime is a date, but comparing it with the era dates raises TypeError.
    return d.date() if isinstance(d, datetime) else d


def era_of(d: date) -> tuple[str, int]:
    """(era name, era year) of a date; year 1 is the era's first (元年).

    Dates are proleptic Gregorian, as Python's; the lunar calendar used
    until 1872 is not modelled (documents being written are recent).
    """
    d = _as_date(d)
    for name, first_day in reversed(ERAS):
        if d >= first_day:
            return name, d.year - first_day.year + 1
    raise ValueError(
        f"{d.isoformat()} is before the Meiji era (1868-10-23); "
        "era dates cannot be written for it"
    )


def era_year_text(name: str, year: int, style: str = "mixed") -> str:
    """"令和元年" for the first year (never "１年"), else "令和６年"."""
    if year == 1:
        return f"{name}元年"
    return f"{name}{digits(year, style)}年"


def era_western_inside(era_year: str, western: int, style: str = "mixed") -> str:
    """The western year in brackets inside the era's, before its 年, as 和歌山県 dates its
    議定書 and 厚生労働省 titles its 令和6(2024)年財政検証: 昭和59(1984)年. The brackets are
    as wide as the year's digits: (1984) beside half-width, （１９８４） beside full-width."""
    year = digits(western, style)
    brackets = ("(", ")") if year.isascii() else ("（", "）")
    return f"{era_year.removesuffix('年')}{brackets[0]}{year}{brackets[1]}年"


def weekday(d: date) -> str:
    """The one-kanji weekday written in brackets after a date: 金."""
    return _WEEKDAYS[d.weekday()]


# How a house writes its dates: the calendar (令和６年（2024年）, 令和６年 or 2024年) and the
# weekday (（金）, （金曜日）, （金曜） as 大府市 writes it, 金曜日 straight after the day without
# brackets as 岐阜県's pages write it (long_plain), or none).
CALENDARS = ("era_western", "era", "western", "era_western_inside")
WEEKDAY_FORMS = ("short", "long", "medium", "long_plain", "none")
_WEEKDAY_SUFFIX = {"short": "", "long": "曜日", "medium": "曜", "long_plain": "曜日"}


def year_in(era_year: tuple[str, int] | None, western_year: int, style: str = "mixed",
            western: bool | str = True) -> str:
    """A date's year as a house writes it: the era year (令和６年, 令和元年), with the western
    year beside it (令和６年（2024年）) or inside it ("inside": 昭和59(1984)年); the western
    year alone (2024年) where `era_year` is None. format_date's and part_in's, so that a
    date given in part writes its year as a whole date does."""
    western_text = f"{digits(western_year, style)}年"
    if era_year is None:
        return western_text
    text = era_year_text(*era_year, style)
    if western == "inside":          # 昭和59(1984)年
        return era_western_inside(text, western_year, style)
    return text + f"（{western_text}）" if western else text


def format_date(d: date, style: str = "mixed", western: bool | str = True,
                weekday: bool = True, era: bool = True, year: bool = True,
                long_weekday: bool = False, two_digits: bool = False,
                weekday_suffix: str | None = None, pad: str = "",
                weekday_brackets: bool = True) -> str:
    """"令和６年（2024年）２月16日（金）" and its variants.

    western adds the Western year in brackets after the era year ("inside": inside
    it, before its 年, 昭和59(1984)年); with era=False the Western year is the only
    year, so western is ignored.
    year=False leaves the year out (２月16日（金）); long_weekday writes （金曜日）;
    weekday_suffix, where given, follows the weekday's kanji instead (曜: （金曜）);
    weekday_brackets=False writes the weekday straight after the day (14日金曜日).
    pad, where given, stands before a one-digit month or day, as an office that pads them to
    two places writes them (2016年12月 8日, 兵庫教育大学).
    """
    d = _as_date(d)
    text = year_in(era_of(d) if era else None, d.year, style, western) if year else ""
    if two_digits:      # 07月05日, as some offices date their releases
        text += f"{digits(f'{d.month:02d}', style)}月{digits(f'{d.day:02d}', style)}日"
    else:
        month, day = digits(d.month, style), digits(d.day, style)
        text += f"{pad if d.month < 10 else ''}{month}月{pad if d.day < 10 else ''}{day}日"
    if weekday:
        suffix = weekday_suffix if weekday_suffix is not None else ("曜日" if long_weekday else "")
        day_name = f"{_WEEKDAYS[d.weekday()]}{suffix}"
        text += f"（{day_name}）" if weekday_brackets else day_name
    return text


def date_in(d: date, calendar: str = "era_western", weekday: str = "short",
            style: str = "mixed", year: bool = True, two_digits: bool = False, pad: str = "") -> str:
    """A date as a house writes it: calendar one of CALENDARS, weekday one of
    WEEKDAY_FORMS. 2018-09-10 → 平成30年（2018年）９月10日（月）, 平成30年９月10日（月曜日）,
    平成30年９月10日（月曜）, 平成30年９月10日月曜日, 2018年９月10日 …"""
    if calendar not in CALENDARS:
        raise ValueError(f"unknown calendar {calendar!r}; allowed: {', '.join(CALENDARS)}")
    if weekday not in WEEKDAY_FORMS:
        raise ValueError(f"unknown weekday form {weekday!r}; allowed: {', '.join(WEEKDAY_FORMS)}")
    inside = calendar == "era_western_inside"
    return format_date(d, style, western="inside" if inside else calendar == "era_western", era=calendar != "western",
                       weekday=weekday != "none", year=year, two_digits=two_digits,
                       weekday_suffix=_WEEKDAY_SUFFIX.get(weekday), pad=pad,
                       weekday_brackets=weekday != "long_plain")


class PartialDate:
    """A date a page gives only in part: its year and month (平成27年３月), or its year
    alone (平成９年), as a related document's or an amended original's date may be known
    (spec/values.py reads it). `era` is the era it was written in, where it was (平成31年):
    a year or a month in which an era changed (1989, 1989-01) is written in an era only
    as the spec gave it, never by a day chosen for it."""
    __slots__ = ("year", "month", "era")

    def __init__(self, year: int, month: int | None = None, era: str | None = None):
        self.year, self.month, self.era = year, month, era

    def __eq__(self, other):
        return isinstance(other, PartialDate) and (self.year, self.month, self.era) == (
            other.year, other.month, other.era)

    def __hash__(self):
        return hash((self.year, self.month, self.era))

    def __repr__(self):
        return f"PartialDate({self.isoformat()!r}{', ' + repr(self.era) if self.era else ''})"

    def isoformat(self) -> str:
        """ISO 8601's reduced precision: 2015-03, 1997."""
        return f"{self.year:04d}" + (f"-{self.month:02d}" if self.month else "")

    def first(self) -> date:
        """Its first day (in its era, where it names one): what it can be no earlier than."""
        day = date(self.year, self.month or 1, 1)
        return max(day, dict(ERAS)[self.era]) if self.era else day

    def last(self) -> date:
        """Its last day (in its era, where it names one): what it can be no later than."""
        month = self.month or 12
        day = date(self.year, month, days_in_month(self.year, month))
        if self.era:
            later = [first for _, first in ERAS if first > dict(ERAS)[self.era]]
            if later and later[0] <= day:
                day = date.fromordinal(later[0].toordinal() - 1)
        return day

    def era_year(self) -> tuple[str, int] | None:
        """(era, era year), as written or where one era holds all of it; None where an era
        changed in it and the spec did not say which (1989: 昭和64年 to 1月7日, 平成元年 from 8日)."""
        if self.era:
            return self.era, self.year - dict(ERAS)[self.era].year + 1
        first, last = era_of(self.first()), era_of(self.last())
        return first if first == last else None


def part_era_problem(part: PartialDate) -> str | None:
    """Why a date given in part cannot be written in an era, or None: an era changed within
    it (1989: 昭和64年 to 1月7日, 平成元年 from 8日) and the spec gave no era, so which one
    the page means would be chosen for it."""
    if part.era_year() is not None:
        return None
    began = next(first for _, first in ERAS if part.first() < first <= part.last())
    ended = date.fromordinal(began.toordinal() - 1)
    before = part_in(PartialDate(part.year, part.month, era_of(ended)[0]), "era", "half")
    after = part_in(PartialDate(part.year, part.month, era_of(began)[0]), "era", "half")
    return (f"{part.isoformat()} lies in two eras ({before} until {ended.isoformat()}, {after} from"
            f" {began.isoformat()}), and the house writes its dates in the era, which cannot be chosen"
            f" without the day: write it in the era the page writes ({before} or {after}), or its whole date")


def part_in(part: PartialDate, calendar: str = "era_western", style: str = "mixed") -> str:
    """A date given in part as a house writes its dates (date_in's calendars, no day and
    so no weekday): 平成27年３月, 平成27年（2015年）３月, 2015年３月, 平成９年. ValueError
    where the house writes eras and the part has none (PartialDate.era_year): the
    checks refuse it at its key first."""
    if calendar not in CALENDARS:
        raise ValueError(f"unknown calendar {calendar!r}; allowed: {', '.join(CALENDARS)}")
    era_year = None
    if calendar != "western":
        era_year = part.era_year()
        if era_year is None:
            raise ValueError(f"{part.isoformat()} lies in two eras: give the era it is written in")
    western = "inside" if calendar == "era_western_inside" else calendar == "era_western"
    text = year_in(era_year, part.year, style, western)
    return text + (f"{digits(part.month, style)}月" if part.month else "")


CLOCKS = ("24h", "12h")
SPANS = ("～", "から")
TIME_NOTATIONS = ("kanji", "colon")


def format_time(t: time, style: str = "mixed", minutes_if_zero: bool = True,
                clock: str = "24h", period: bool = True, notation: str = "kanji",
                pad_minutes: bool = True) -> str:
    """"11時00分", "９時05分"; "17時" when minutes_if_zero=False on the hour.

    Minutes are always written as two digits, so in "mixed" they are
    half-width even when below ten. clock="12h" writes 午前/午後 and the hour
    from 0 to 11, as 公用文 does: 14:30 → 午後２時30分, 12:00 → 午後０時,
    0:15 → 午前０時15分; period=False leaves 午前/午後 out (for the end of a span
    in the same half of the day).

    notation="colon" writes the time as many releases do, 13:30 and 9:05, always
    with its minutes (minutes_if_zero is not heeded: 17: alone is no time). Its
    digits and colon are half-width, the way such times are written, unless the
    house writes every digit full-width (１３：３０).

    pad_minutes=False writes the minutes as the number they are, in the house's digits as
    any number (14時０分, 13時５分), as an office's page writes its hour of release; the
    colon notation always pads them (13:05).
    """
    if clock not in CLOCKS:
        raise ValueError(f"unknown clock {clock!r}; allowed: {', '.join(CLOCKS)}")
    if notation not in TIME_NOTATIONS:
        raise ValueError(f"unknown time notation {notation!r}; allowed: {', '.join(TIME_NOTATIONS)}")
    prefix = ("午前" if t.hour < 12 else "午後") if clock == "12h" and period else ""
    h = t.hour % 12 if clock == "12h" else t.hour
    if notation == "colon":
        full = style == "full"
        return prefix + digits(h, "full" if full else "half") + ("：" if full else ":") \
            + digits(f"{t.minute:02d}", "full" if full else "half")
    hour = f"{prefix}{digits(h, style)}時"
    if t.minute == 0 and not minutes_if_zero:
        return hour
    minutes = digits(f'{t.minute:02d}', style) if pad_minutes else digits(t.minute, style)
    return f"{hour}{minutes}分"


def format_time_span(start: time, end: time | None = None, style: str = "mixed",
                     minutes_if_zero: bool = True, clock: str = "24h", span: str = "～",
                     notation: str = "kanji", after_start: str | None = None,
                     until: str = "まで", end_period: str = "changed", start_note: str | None = None,
                     pad_minutes: bool = True) -> str:
    """A start, and an end if known, as notices write them:
    span "～": 11時00分～11時30分, 11時00分～ (from the start, end not said);
    span "から": 15時から16時まで, 15時から. `after_start`, where given, is what
    follows a start without its end instead of the span's mark: "" 午後２時30分,
    "開会" 10:00開会.
    With clock="12h" the end repeats 午前/午後 only where it changes:
    午後２時～３時30分, 午前11時～午後０時30分; end_period="always" repeats it at every
    end (午後２時から午後３時). `until` is the word after a から span's end: まで, or ""
    (13時30分から14時30分). notation="colon": 13:30～14:00. `start_note`, given only
    without an end, stands in （） straight after the start, before what follows it:
    午前９時30分（現地時間）から, as an office dates a signing abroad."""
    if span not in SPANS:
        raise ValueError(f"unknown span {span!r}; allowed: {', '.join(SPANS)}")
    text = format_time(start, style, minutes_if_zero, clock, notation=notation, pad_minutes=pad_minutes)
    if start_note:
        if end is not None:
            raise ValueError("a start note is for a start without its end")
        text += f"（{start_note}）"
    if end is None:
        return text + (span if after_start is None else after_start)
    same_half = (start.hour < 12) == (end.hour < 12) and end_period != "always"
    end_text = format_time(end, style, minutes_if_zero, clock, period=not same_half, notation=notation,
                           pad_minutes=pad_minutes)
    return f"{text}～{end_text}" if span == "～" else f"{text}から{end_text}{until}"


def days_in_month(year: int, month: int) -> int:
    """The days of a month of the Gregorian calendar, as calendar.monthrange(year,
    month)[1] gives them (not imported for this alone: calendar costs ~1 ms of a
    start, and reading a spec's dates is all a build asks of it)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


# --- fiscal years -------------------------------------------------------------

def fiscal_year(d: date) -> int:
    """Japanese fiscal year (年度), which starts on April 1."""
    return d.year if d.month >= 4 else d.year - 1


# The fiscal years whose days can be written as era dates: from 明治２年度 (明治 began
# in October 1868, so 1868年度's April is before any era) to the last whose 3月31日
# a date can hold.
FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR = 1869, 9998


def fiscal_year_problem(fy: int) -> str | None:
    """Why `fy` cannot be a fiscal year of a document, or None."""
    if FIRST_FISCAL_YEAR <= fy <= LAST_FISCAL_YEAR:
        return None
    return (f"{fy} is not a fiscal year that can be written: give the Western year it starts in,"
            f" from {FIRST_FISCAL_YEAR} (明治２年度) to {LAST_FISCAL_YEAR} (2024 = 令和６年度)")


def fiscal_year_range(fy: int) -> tuple[date, date]:
    """First and last day of a fiscal year: (fy-04-01, fy+1-03-31)."""
    return date(fy, 4, 1), date(fy + 1, 3, 31)


def fiscal_year_label(fy: int, style: str = "mixed", western: bool = False) -> str:
    """"令和６年度", or "令和６年度（2024年度）" with western=True.

    A fiscal year can straddle an era change, so one day must decide. We take
    December 31 of its first calendar year: FY2019 (April 2019, still 平成)
    is then 令和元年度 and FY1988 (ending in 平成) stays 昭和63年度, which is
    how offices have labelled those years since the 2019 change.
    """
    label = era_year_text(*era_of(date(fy, 12, 31)), style) + "度"
    if western:
        label += f"（{digits(fy, style)}年度）"
    return label


def fiscal_year_eras(fy: int) -> tuple[str, str] | None:
    """The era years a fiscal year begins and ends in ("平成31年", "令和２年"), where an era
    changed within it (FY1912, 1926, 1988, 2019), else None: its name is then chosen by
    the rule above, and the annual book says so."""
    first, last = (era_year_text(*era_of(day)) for day in fiscal_year_range(fy))
    began_in = era_of(date(fy, 4, 1))[0]
    return (first, last) if era_of(date(fy + 1, 3, 31))[0] != began_in else None


# --- periods ------------------------------------------------------------------

_PERIOD = re.compile(r"^\s*([0-9０-９]+)\s*(か月|ヶ月|ケ月|カ月|箇月|か年|年間|年|日間|日|週間)\s*$")
_PERIOD_UNIT = {"ヶ月": "か月", "ケ月": "か月", "カ月": "か月", "箇月": "か月", "か年": "年",
                "年間": "年", "日間": "日"}


def parse_period(text: str) -> tuple[int, str]:
    """A period as a spec writes it (1か月, 30日, 1年, １ヶ月) → (1, "か月"). The unit is
    written as 公用文 writes it (か月, not ヶ月); ValueError if it is not a period."""
    found = _PERIOD.match(text)
    if not found:
        raise ValueError(f"write a period as a number and a unit: 1か月, 30日, 2週間 or 1年 (got {text!r})")
    number = int(found.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    return number, _PERIOD_UNIT.get(found.group(2), found.group(2))


def format_period(n: int, unit: str, style: str = "mixed", duration: bool = False) -> str:
    """"１か月", "30日"; duration=True writes a length of time: "１年間"."""
    text = digits(n, style) + unit
    if duration and unit in ("年", "日"):
        text += "間"
    return text
