"""No date line where the closing holds the date of signing (document.date_line:
in_closing): 鳥取県's 覚書 write it inside the closing (…2004年4月3日、鳥取県鳥取市において
署名後、…) and print no date line under it. The signing date stays a fact of the spec
(the notice, the overview and the annual book use it), so the closing must state that
very day: a closing that states no date would leave the document with none at all,
and one that names another day prints a wrong fact. Both are refused at the closing's
line; so is the key where it could not hold (no closing, the generated one, a draft's
open date)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ... import japanese

D = ("agreement", "document")

_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_ERA_NAMES = "|".join(name for name, _ in japanese.ERAS)
_NUM = r"[0-9０-９〇零一二三四五六七八九十百千]+"
_GAP = r"[ 　]*"
# a date as texts write it: 令和６年２月27日, 2004年4月3日, 千九百九十三年二月十七日, 令和６年（2024年）２月27日,
# or the month and the day alone (４月３日); the year's other calendar in brackets is skipped
_DATE = re.compile(
    rf"(?:(?:(?P<era>{_ERA_NAMES}){_GAP}(?P<era_year>元|{_NUM}){_GAP}年|(?P<year>{_NUM}){_GAP}年)"
    rf"(?:{_GAP}[（(][^）)]{{1,12}}[）)])?)?"
    rf"{_GAP}(?P<month>{_NUM}){_GAP}月{_GAP}(?P<day>{_NUM}){_GAP}日")


@dataclass(frozen=True)
class DateInText:
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
    out = []
    for m in _DATE.finditer(text):
        if m.group("era"):
            first = dict(japanese.ERAS)[m.group("era")]
            year = first.year + (1 if m.group("era_year") == "元" else number(m.group("era_year"))) - 1
        else:
            year = number(m.group("year")) if m.group("year") else None
        out.append(DateInText(m.group(0).strip(" 　"), year, number(m.group("month")), number(m.group("day")),
                              m.group("era") or ""))
    return out


def check_date_line(ag, doc, problem) -> None:
    """date_line: in_closing beside what it needs: a closing of the spec's own that
    states the signing date, and no other date (see the module's docstring)."""
    if doc.date_line is None:
        return
    key = D + ("date_line",)
    if doc.closing is False:
        problem(key, "date_line: in_closing says the closing states the date of signing, and closing: false"
                     " prints no closing: the document would print no date at all; write the text's closing, or"
                     " leave date_line out for the date line")
        return
    if doc.closing is None:
        problem(key, "date_line: in_closing says the closing states the date of signing, and the generated closing"
                     " (本協定の締結を証するため、…) states none: the document would print no date at all; write the"
                     " text's own closing with its date, or leave date_line out for the date line")
        return
    day = ag.signing_date
    if day is None:
        problem(key, "date_line: in_closing says the closing states the date of signing, and the draft leaves the"
                     " signing date open (agreement.signing_date: null): leave date_line out for the draft's blank"
                     " date line")
        return
    found = dates_in(doc.closing)
    for other in found:
        if not other.is_day(day):
            problem(D + ("closing",), f"the closing names {other.written}, and the agreement is signed on"
                                      f" {day.isoformat()} (agreement.signing_date): with date_line: in_closing the"
                                      " closing's date is the signing's; correct the one that is wrong")
    if not any(d.year is not None and d.is_day(day) for d in found):
        problem(D + ("closing",), f"date_line: in_closing prints no date line, and the closing does not state the"
                                  f" date of signing ({day.isoformat()}: {_forms(day)}): the document would print"
                                  " no date at all; write it in the closing as the text does, or leave date_line"
                                  " out for the date line")


def _forms(day: dt.date) -> str:
    era = japanese.era_year_text(*japanese.era_of(day), "half")
    return f"{day.year}年{day.month}月{day.day}日 or {era}{day.month}月{day.day}日"
