"""The proof-reader's check of figures: every date, count and number a built document
prints is one its spec (or its house style) states.

A real case's facts say what must print and a few things that must not; nothing there
says that *everything* printed comes from the spec. This module checks that for the
figures, which are where an invented fact shows first (a date, a term, a count):

- every whole date printed (令和７年７月15日, 2025年７月15日, 令和６年（2024年）…) is a
  date the spec states: a date value (signing_date, a ceremony's date) or a date written
  in its text, in either calendar (the era's date of a western one counts as said);
- every day printed without its year (７月22日) is the month and day of such a date, or
  one the spec's text writes so;
- every count printed with its unit (１年間, ３か月, ５名, ２通 …) is written so in the
  spec's text, but for the standard closing's copies (本書２通 … 各自その１通: one
  copy for each party);
- every other run of digits is a number the spec or its house style holds (or the
  era's year, the time on a 12-hour clock, the two-digit year of one of its dates);
  numbering the product sets is not a fact of the spec and is left aside: an item's
  number at the start of its line ((1), １, １., （例１）), an article's (第３条), a page's (- 2 -).

The figures are read from the spec's YAML here, never from the product's model: a
check that used the product's own reading could not see the product add something.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

ERA_BASE = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
ERA_FIRST_DAYS = {"令和": dt.date(2019, 5, 1), "平成": dt.date(1989, 1, 8), "昭和": dt.date(1926, 12, 25),
                  "大正": dt.date(1912, 7, 30), "明治": dt.date(1868, 10, 23)}
# 令和７年７月15日, 2025年７月15日, 令和６年（2024年）４月22日 (widths folded: （ is ( here)
WHOLE_DATE = re.compile(r"(?:(明治|大正|昭和|平成|令和)(\d+|元)年|(\d{4})年)(?:\((\d{4})年\))?(\d{1,2})月(\d{1,2})日")
DAY = re.compile(r"(?<![\d年/.])(\d{1,2})月(\d{1,2})日")
# never the tail of a date in figures, 2010.03.30 or 2017/12/02 (2017/12/02　通信指令係: not ２通)
COUNT = re.compile(r"(?<![\d./])(\d+)(年間|か月|ヶ月|カ月|箇月|日前|日以内|日間|名|人|通|部|回|件|者|時間|分間|分程度)")
# numbering the product sets: an item's number at its line's start (１　日時, １.署名日,
# （１）開会, （例１）: a marker's own word before the number), an article's (第３条), a page's (- 2 -)
NUMBERING = [re.compile(p, re.M) for p in (
    r"^[ \t]*\d+(?=[ \t.:、]|$)", r"^[ \t]*\([^\d()]{0,2}\d+\)", r"第[ \t]*\d+[ \t]*条", r"^[ \t]*-[ \t]*\d+[ \t]*-[ \t]*$")]


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@dataclass
class Said:
    """What a spec states in figures."""
    numbers: set[int] = field(default_factory=set)
    dates: set[dt.date] = field(default_factory=set)
    days: set[tuple[int, int]] = field(default_factory=set)
    text: str = ""                     # its text, NFKC, without spaces (for counts)


def _values(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _values(value)
    elif isinstance(node, list):
        for value in node:
            yield from _values(value)
    else:
        yield node


def _date_of(era, era_year, western, western_inside, month, day) -> dt.date | None:
    year = western or western_inside
    year = int(year) if year else ERA_BASE[era] + (1 if era_year == "元" else int(era_year))
    try:
        return dt.date(year, int(month), int(day))
    except ValueError:
        return None


def spec_figures(spec: dict, style: dict | None = None) -> Said:
    """The dates, days and numbers a spec (and its house style) states."""
    said = Said()
    strings = []
    for value in list(_values(spec)) + list(_values(style or {})):
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, dt.datetime):            # a deadline: 2016-03-03T17:00
            said.numbers |= {value.hour, value.minute, value.hour % 12}
            value = value.date()
        if isinstance(value, dt.date):
            said.dates.add(value)
        elif isinstance(value, int):
            said.numbers.add(value)
        elif isinstance(value, str):
            text = nfkc(value)
            strings.append(text)
            said.numbers |= {int(n) for n in re.findall(r"\d+", text)}
            said.numbers |= {int(h) % 12 for h in re.findall(r"(\d{1,2}):\d\d", text)}     # 13:30 → 午後１時
            said.days |= {(int(m), int(d)) for m, d in DAY.findall(text)}
            for match in WHOLE_DATE.finditer(text):
                if day := _date_of(*match.groups()):
                    said.dates.add(day)
            for y, m, d in re.findall(r"(\d{4})-(\d\d)-(\d\d)", text):
                try:
                    said.dates.add(dt.date(int(y), int(m), int(d)))
                except ValueError:
                    pass
    for day in said.dates:
        said.days.add((day.month, day.day))
        said.numbers |= {day.year, day.month, day.day, day.year % 100}
        said.numbers |= {day.year - ERA_BASE[era] for era, first in ERA_FIRST_DAYS.items() if day.year >= first.year}
    said.text = re.sub(r"\s+", "", "".join(strings))
    return said


def chosen_in_notes(said: Said, output: str) -> Said:
    """`said` with the counts the build's notes name as a default it chose (note: …:
    agreement.validity.renewal_term: not given; the 有効期間 article renews the term by
    １年間 at a time (the default)): the product's rule lets a default stand where the
    build names it, so a proof-reader given the build's output accepts that figure,
    and only it. The real cases' checks are not given the notes: a real page's figures
    are all the spec's."""
    chosen = [line for line in nfkc(output).splitlines()
              if line.startswith("note:") and "not given" in line and "(the default)" in line]
    counts = [m.group() for line in chosen for m in COUNT.finditer(re.sub(r"\s+", "", line))]
    return Said(said.numbers, said.dates, said.days, said.text + "".join(counts))


def _joined(line: str) -> str:
    """A line without the spaces beside its digits: 2018 年 10 月 (as text read back) → 2018年10月."""
    return re.sub(r"[ \t]+(?=\d)|(?<=\d)[ \t]+", "", line)


def unsaid_figures(text: str, said: Said, parties: int) -> list[tuple[str, str]]:
    """Each figure of `text` (a built PDF's text) the spec does not state: (what, its line)."""
    out = []
    for line in nfkc(text).splitlines():
        joined = _joined(line)
        for match in WHOLE_DATE.finditer(joined):
            if _date_of(*match.groups()) not in said.dates:
                out.append((match.group(), line.strip()))
        for month, day in DAY.findall(joined):
            if (int(month), int(day)) not in said.days:
                out.append((f"{month}月{day}日", line.strip()))
        copies = {f"{parties}通", "1通"}           # the standard closing: 本書２通 … 各自その１通
        for match in COUNT.finditer(joined):
            if match.group() not in said.text and match.group() not in copies:
                out.append((match.group(), line.strip()))
        bare = line
        for numbering in NUMBERING:
            bare = numbering.sub(" ", bare)
        bare = _joined(bare)
        for found in (WHOLE_DATE, DAY, COUNT):      # each figure told once, not its digits again
            bare = found.sub(" ", bare)
        for number in re.findall(r"\d+", bare):
            if int(number) not in said.numbers:
                out.append((number, line.strip()))
    return out
