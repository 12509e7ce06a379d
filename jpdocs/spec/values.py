"""Dates and times as a spec writes them, parsed with messages in plain words.

They stay strings in the YAML (source.py) and are parsed here, so that every
mistake is reported against its key: ISO dates (2024-02-27) and era dates
(令和6年2月27日, checked against their era), times HH:MM. A number is never taken
for a date or a time (a date type could read 20240227 as seconds since 1970).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, Union

from .. import japanese
from .strict import BeforeValidator, ValueProblem


def _bad(message: str) -> ValueProblem:
    return ValueProblem("jp_value", message)


_DIGITS = str.maketrans("０１２３４５６７８９：／－", "0123456789:/-")
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_ERA_DATE = re.compile(r"(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
# a weekday after a date, as a page writes it (（火）, (火曜日)): staff copy it into a date
# value; the documents print the weekday from the date, so the value is the date alone
_WEEKDAY_AFTER = re.compile(r"\s*[（(][月火水木金土日](?:曜日?)?[)）]\s*$")


def _day(y: int, m: int, d: int, written: str) -> dt.date:
    if not 1 <= m <= 12:
        raise _bad(f"{written} is not a valid date: there is no month {m}")
    last = japanese.days_in_month(y, m) if 1 <= y <= 9999 else 31
    if not 1 <= d <= last:
        raise _bad(f"{written} is not a valid date: {y}年{m}月 has {last} days")
    if not 1 <= y <= 9999:
        raise _bad(f"{written} is not a valid date: the year {y} is out of range")
    return dt.date(y, m, d)


def _shown(written: str, limit: int = 60) -> str:
    """A value quoted in a message, as repr() quotes it, its first `limit` characters only:
    a 100,000-character text in a date's place made an error line as long."""
    return repr(written) if len(written) <= limit else repr(written[:limit])[:-1] + "…'"


def _era_checked(day: dt.date, written: str) -> dt.date:
    first = japanese.ERAS[0][1]
    if day < first:
        raise _bad(f"{written} is before the Meiji era ({first.isoformat()});"
                   " an official document cannot write its era date")
    return day


def _parse_date(value, written: str) -> dt.date:
    text = value.strip().translate(_DIGITS)
    if not text:
        raise _bad("the value is empty; write it, or remove the key")
    if m := _ISO_DATE.fullmatch(text):
        return _era_checked(_day(*map(int, m.groups()), written), written)
    if m := _ERA_DATE.fullmatch(text):
        era, year = m.group(1), 1 if m.group(2) == "元" else int(m.group(2))
        names = [e for e, _ in japanese.ERAS]
        first = dict(japanese.ERAS)[era]
        day = _day(first.year + year - 1, int(m.group(3)), int(m.group(4)), written)
        if day < first:
            raise _bad(f"{written} is before the {era} era began ({first.isoformat()});"
                       f" that day is {japanese.format_date(day, 'half', western=False, weekday=False)}")
        nxt = names.index(era) + 1
        if nxt < len(names) and day >= japanese.ERAS[nxt][1]:
            last = japanese.ERAS[nxt][1] - dt.timedelta(days=1)
            raise _bad(f"{written} is after the {era} era ended ({last.isoformat()});"
                       f" that day is {japanese.format_date(day, 'half', western=False, weekday=False)}")
        return day
    if (bare := _WEEKDAY_AFTER.sub("", value.strip())) != value.strip():
        try:
            _parse_date(bare, bare)
        except ValueProblem:
            pass
        else:
            raise _bad(f"{_shown(written)}: write the date without its weekday ({_shown(bare)});"
                       " the documents print the weekday themselves")
    raise _bad(f"{_shown(written)} is not a valid date; write it as YYYY-MM-DD (2024-02-27) or 令和6年2月27日")


def read_as_a_date(value) -> bool:
    """Whether a value is written in a form a date is read in (2024-02-27, 2024/2/27,
    令和6年2月27日), right or wrong as a day: its refusal then says what is wrong with the day."""
    text = value.strip().translate(_DIGITS) if isinstance(value, str) else ""
    return bool(_ISO_DATE.fullmatch(text) or _ERA_DATE.fullmatch(text))


def date_value(value):
    if isinstance(value, dt.datetime):
        raise _bad("a date without a time is expected here; write it as YYYY-MM-DD")
    if isinstance(value, dt.date):
        return _era_checked(value, value.isoformat())
    if isinstance(value, str):
        return _parse_date(value, value)
    raise _bad(f"expected a date written as YYYY-MM-DD (2024-02-27), got {describe(value)}")


# A date given in part (japanese.PartialDate), where a related document's or an amended
# original's date is known by its year and month, or its year alone (agreement.related's
# date, agreement.amends.signing_date): written as the page writes it, 平成27年3月 or
# 平成9年, or in figures with its month (2015-03, 2015/3). A year alone is written with its
# 年 (1997年), never as a bare number: YAML reads 1997 as a number, and a number in a
# date's place is more often a mistake (20150301) than a year.
_ISO_MONTH = re.compile(r"(\d{4})[-/](\d{1,2})")
_WESTERN_PART = re.compile(r"(\d{4})年(?:(\d{1,2})月)?")
_ERA_PART = re.compile(r"(明治|大正|昭和|平成|令和)(元|\d{1,2})年(?:(\d{1,2})月)?")
PART_FORMS = "its year and month (2015-03, 平成27年3月) or its year alone (1997年, 平成9年)"


def _part(year: int, month: int | None, era: str | None, written: str) -> japanese.PartialDate:
    if month is not None and not 1 <= month <= 12:
        raise _bad(f"{written} is not a valid date: there is no month {month}")
    if not 1 <= year <= 9999:
        raise _bad(f"{written} is not a valid date: the year {year} is out of range")
    part = japanese.PartialDate(year, month, era)
    if era is None:
        meiji = japanese.ERAS[0][1]
        if part.first() < meiji:
            raise _bad(f"{written} begins before the Meiji era ({meiji.isoformat()});"
                       " an official document cannot write its era date")
        return part
    names = [e for e, _ in japanese.ERAS]
    began = dict(japanese.ERAS)[era]
    whole = japanese.PartialDate(year, month)      # its days, whatever era they fall in
    if whole.last() < began:
        raise _bad(f"{written} is before the {era} era began ({began.isoformat()})")
    nxt = names.index(era) + 1
    if nxt < len(names) and whole.first() >= japanese.ERAS[nxt][1]:
        ended = japanese.ERAS[nxt][1] - dt.timedelta(days=1)
        raise _bad(f"{written} is after the {era} era ended ({ended.isoformat()})")
    return part


def _bare_year(what: str, text: str) -> ValueProblem:
    return _bad(f"{what} is no date: write a year alone with its 年 ({text}年) or in its era (平成9年),"
                " a year and month as 2015-03")


def date_or_part_value(value):
    """A whole date (date_value), or one given in part (japanese.PartialDate): see PART_FORMS."""
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:   # a year, as YAML reads 1997
        raise _bare_year(f"the number {value}", str(value))
    if not isinstance(value, str):
        return date_value(value)
    text = value.strip().translate(_DIGITS)
    if _ISO_DATE.fullmatch(text) or _ERA_DATE.fullmatch(text):
        return _parse_date(value, value)
    if m := _ISO_MONTH.fullmatch(text):
        return _part(int(m.group(1)), int(m.group(2)), None, value.strip())
    if m := _WESTERN_PART.fullmatch(text):
        return _part(int(m.group(1)), m.group(2) and int(m.group(2)), None, value.strip())
    if m := _ERA_PART.fullmatch(text):
        era = m.group(1)
        year = dict(japanese.ERAS)[era].year + (1 if m.group(2) == "元" else int(m.group(2))) - 1
        return _part(year, m.group(3) and int(m.group(3)), era, value.strip())
    if text.isdecimal() and len(text) == 4:
        raise _bare_year(_shown(value.strip()), text)
    if not text or _WEEKDAY_AFTER.search(value.strip()):
        return _parse_date(value, value)      # its own message: empty, or a weekday to leave out
    raise _bad(f"{_shown(value)} is not a valid date; write it as YYYY-MM-DD (2024-02-27), or {PART_FORMS}")


# A notice's date of issue, or `none`: the page it is made from gives no date of its
# own (a report on an office's page, a release as a blog repeats it). Said, never
# left out: a forgotten date is still an error (the key is required).
NO_ISSUE_DATE = "none"


def issue_date_value(value):
    if value == NO_ISSUE_DATE:
        return value
    if isinstance(value, str) and value.strip().casefold() == NO_ISSUE_DATE:
        raise _bad(f"{_shown(value.strip())}: write none in small letters where the page gives no date of its own,"
                   " or the date as YYYY-MM-DD (2024-02-27)")
    if value is None:     # a starter's empty line: say every form the key takes, none too
        raise _bad("expected the date of issue as YYYY-MM-DD (2024-02-27) or 令和6年2月27日, or none where"
                   f" the page gives no date of its own; got {describe(value)}")
    return date_value(value)


def _time(value):
    if isinstance(value, dt.time):
        return value
    if not isinstance(value, str):
        raise _bad(f"expected a time written as HH:MM in quotes (\"11:00\"), got {describe(value)}")
    text = value.strip().translate(_DIGITS)
    if not text:
        raise _bad("the value is empty; write it, or remove the key")
    m = _TIME.fullmatch(text)
    if not m:
        raise _bad(f"{_shown(value)} is not a valid time; write it as HH:MM (\"11:00\")")
    h, mi = map(int, m.groups())
    if h > 23:
        raise _bad(f"{value} is not a valid time of day: hours go from 0 to 23")
    if mi > 59:
        raise _bad(f"{value} is not a valid time of day: minutes go from 00 to 59")
    return dt.time(h, mi)


time_value = _time      # (past_schema.py reads a spec's other times as the schema does)


def _date_or_datetime(value):
    if isinstance(value, str) and re.search(r"[T ]\d", value.strip()):
        day, _, clock = value.strip().replace(" ", "T", 1).partition("T")
        return dt.datetime.combine(_parse_date(day, value), _time(clock))
    if isinstance(value, dt.datetime):
        return value
    return date_value(value)


def _fiscal_year(value):
    """A whole number, and a year whose label and days can be written (10**20 is a
    number, but no 年度)."""
    if isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) <= 30:
        value = int(value.strip())               # "2024", ２０２４: a year written as text
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(f"expected a year as a whole number (2024 = 令和６年度), got {describe(value)}")
    trouble = japanese.fiscal_year_problem(value)
    if trouble:
        raise _bad(trouble)
    return value


def _year(value):
    """A calendar year as a whole number (2025, or written as text), one that an era
    date can be written for."""
    if isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) <= 30:
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(f"expected a year as a whole number (2025 = 令和７年), got {describe(value)}")
    first = japanese.ERAS[0][1].year
    if not first < value <= 9999:
        raise _bad(f"{value} is not a year an era date can be written for (after {first})")
    return value


def _counted(value, top: int, expected: str):
    """A whole number from 1 to `top`, or the same written as text; else `expected`
    (what the key takes, in words) with what it got."""
    if isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) <= len(str(top)):
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= top:
        raise _bad(f"expected {expected}, got {describe(value)}")
    return value


def _month(value):
    """A month's number, 1 to 12 (3 = ３月), or written as text."""
    return _counted(value, 12, "a month's number, 1 to 12 (3 = ３月)")


def _article_number(value):
    """An article's number as the text prints it, 1 to 999 (8 = 第８条), or written as text."""
    return _counted(value, 999, "an article's number, 1 to 999 (8 = 第８条)")


def _list_number(value):
    """An agreement's own number in the office's list (the annual book's №), a whole
    number as real lists write it (篠山市's 1 to 9, 札幌市's №), or written as text."""
    return _counted(value, 9999, "the agreement's number in the office's list, 1 to 9999 (12 = №12)")


# Nothing written: after a key's colon, or after a list item's dash (`- ` alone), where
# "the value after the colon" would name a colon the line has not.
NOTHING = "nothing (the value after the colon is empty)"
EMPTY_ITEM = "an empty list item (nothing written after its -); write it, or delete the line"


def describe(value) -> str:
    """A value's kind in plain words, for messages (of a list's item left empty:
    schema_messages.py says EMPTY_ITEM instead of NOTHING)."""
    if value is None:
        return NOTHING
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of keys"
    return type(value).__name__


Date = Annotated[dt.date, BeforeValidator(date_value)]
IssueDate = Annotated[Union[dt.date, Literal["none"]], BeforeValidator(issue_date_value)]
Time = Annotated[dt.time, BeforeValidator(_time)]
FiscalYear = Annotated[int, BeforeValidator(_fiscal_year)]
Year = Annotated[int, BeforeValidator(_year)]
Month = Annotated[int, BeforeValidator(_month)]
ArticleNumber = Annotated[int, BeforeValidator(_article_number)]
ListNumber = Annotated[int, BeforeValidator(_list_number)]
# a whole date, or one given in part (a related document's, an amended original's)
DateOrPart = Annotated[Union[dt.date, japanese.PartialDate], BeforeValidator(date_or_part_value)]
DateTime = Annotated[dt.datetime | dt.date, BeforeValidator(_date_or_datetime)]
