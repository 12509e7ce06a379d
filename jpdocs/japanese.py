"""Japanese conventions for official documents: digits, era dates, fiscal
years, kanji numerals, party labels (甲乙丙…), enumerations and the repair of
radical code points that PDF text extraction leaves in place of kanji."""

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


def weekday(d: date) -> str:
    """The one-kanji weekday written in brackets after a date: 金."""
    return _WEEKDAYS[d.weekday()]


# How a house writes its dates: the calendar (令和６年（2024年）, 令和６年 or 2024年) and the
# weekday (（金）, （金曜日）, （金曜） as 大府市 writes it, or none).
CALENDARS = ("era_western", "era", "western")
WEEKDAY_FORMS = ("short", "long", "medium", "none")
_WEEKDAY_SUFFIX = {"short": "", "long": "曜日", "medium": "曜"}


def format_date(d: date, style: str = "mixed", western: bool = True,
                weekday: bool = True, era: bool = True, year: bool = True,
                long_weekday: bool = False, two_digits: bool = False,
                weekday_suffix: str | None = None) -> str:
    """"令和６年（2024年）２月16日（金）" and its variants.

    western adds the Western year in brackets after the era year; with
    era=False the Western year is the only year, so western is ignored.
    year=False leaves the year out (２月16日（金）); long_weekday writes （金曜日）;
    weekday_suffix, where given, follows the weekday's kanji instead (曜: （金曜）).
    """
    d = _as_date(d)
    western_year = f"{digits(d.year, style)}年"
    if not year:
        text = ""
    elif era:
        text = era_year_text(*era_of(d), style)
        if western:
            text += f"（{western_year}）"
    else:
        text = western_year
    if two_digits:      # 07月05日, as some offices date their releases
        text += f"{digits(f'{d.month:02d}', style)}月{digits(f'{d.day:02d}', style)}日"
    else:
        text += f"{digits(d.month, style)}月{digits(d.day, style)}日"
    if weekday:
        suffix = weekday_suffix if weekday_suffix is not None else ("曜日" if long_weekday else "")
        text += f"（{_WEEKDAYS[d.weekday()]}{suffix}）"
    return text


def date_in(d: date, calendar: str = "era_western", weekday: str = "short",
            style: str = "mixed", year: bool = True, two_digits: bool = False) -> str:
    """A date as a house writes it: calendar one of CALENDARS, weekday one of
    WEEKDAY_FORMS. 2018-09-10 → 平成30年（2018年）９月10日（月）, 平成30年９月10日（月曜日）,
    平成30年９月10日（月曜）, 2018年９月10日 …"""
    if calendar not in CALENDARS:
        raise ValueError(f"unknown calendar {calendar!r}; allowed: {', '.join(CALENDARS)}")
    if weekday not in WEEKDAY_FORMS:
        raise ValueError(f"unknown weekday form {weekday!r}; allowed: {', '.join(WEEKDAY_FORMS)}")
    return format_date(d, style, western=calendar == "era_western", era=calendar != "western",
                       weekday=weekday != "none", year=year, two_digits=two_digits,
                       weekday_suffix=_WEEKDAY_SUFFIX.get(weekday))


CLOCKS = ("24h", "12h")
SPANS = ("～", "から")
TIME_NOTATIONS = ("kanji", "colon")


def format_time(t: time, style: str = "mixed", minutes_if_zero: bool = True,
                clock: str = "24h", period: bool = True, notation: str = "kanji") -> str:
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
    return f"{hour}{digits(f'{t.minute:02d}', style)}分"


def format_time_span(start: time, end: time | None = None, style: str = "mixed",
                     minutes_if_zero: bool = True, clock: str = "24h", span: str = "～",
                     notation: str = "kanji", after_start: str | None = None,
                     until: str = "まで", end_period: str = "changed") -> str:
    """A start, and an end if known, as notices write them:
    span "～": 11時00分～11時30分, 11時00分～ (from the start, end not said);
    span "から": 15時から16時まで, 15時から. `after_start`, where given, is what
    follows a start without its end instead of the span's mark: "" 午後２時30分,
    "開会" 10:00開会.
    With clock="12h" the end repeats 午前/午後 only where it changes:
    午後２時～３時30分, 午前11時～午後０時30分; end_period="always" repeats it at every
    end (午後２時から午後３時). `until` is the word after a から span's end: まで, or ""
    (13時30分から14時30分). notation="colon": 13:30～14:00."""
    if span not in SPANS:
        raise ValueError(f"unknown span {span!r}; allowed: {', '.join(SPANS)}")
    text = format_time(start, style, minutes_if_zero, clock, notation=notation)
    if end is None:
        return text + (span if after_start is None else after_start)
    same_half = (start.hour < 12) == (end.hour < 12) and end_period != "always"
    end_text = format_time(end, style, minutes_if_zero, clock, period=not same_half, notation=notation)
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


# --- kanji numerals -----------------------------------------------------------

_KANJI_DIGITS = "〇一二三四五六七八九"
_SMALL_UNITS = ((1000, "千"), (100, "百"), (10, "十"))
_BIG_UNITS = ("", "万", "億", "兆")


def _kanji_group(n: int) -> str:
    """Kanji for 1..9999. 十, 百 and 千 take no 一 before them (百五, 千)."""
    out = []
    for value, unit in _SMALL_UNITS:
        count, n = divmod(n, value)
        if count:
            out.append(("" if count == 1 else _KANJI_DIGITS[count]) + unit)
    if n:
        out.append(_KANJI_DIGITS[n])
    return "".join(out)


def kanji_numeral(n: int) -> str:
    """Kanji numeral for 0 <= n < 10**16: 2024 → 二千二十四, 10000 → 一万.

    万, 億 and 兆 keep their 一 (一万) while 千 does not, so 10**7 is 千万.
    """
    if not 0 <= n < 10**16:
        raise ValueError(f"kanji_numeral() takes 0 <= n < 10**16, got {n}")
    if n == 0:
        return _KANJI_DIGITS[0]
    out = []
    for i in reversed(range(len(_BIG_UNITS))):
        group = n // 10 ** (4 * i) % 10000
        if group:
            # The 一 of 一万 is written, unlike 十/百/千 inside a group.
            text = "一" if group == 1 else _kanji_group(group)
            out.append(text + _BIG_UNITS[i])
    return "".join(out)


# --- parties and enumerations ---------------------------------------------------

PARTY_LABELS = "甲乙丙丁戊己庚辛壬癸"


def party_labels(n: int) -> list[str]:
    """The first n of 甲乙丙丁…, the labels an agreement gives its parties."""
    if not 1 <= n <= len(PARTY_LABELS):
        raise ValueError(f"party_labels() takes 1 to {len(PARTY_LABELS)} parties, got {n}")
    return list(PARTY_LABELS[:n])


def join_japanese(items: list[str], compact: bool = False, conjunction: str = "及び", comma: str = "、") -> str:
    """Official enumeration: "甲、乙及び丙"; compact=True gives "甲乙丙".

    Only the last two items are joined by the conjunction (及び; 又は for a
    choice: "甲、乙又は丙"); the rest take the comma (、, or the house's ，).
    """
    if not items:
        raise ValueError("join_japanese() needs at least one item")
    if compact:
        return "".join(items)
    if len(items) == 1:
        return items[0]
    return comma.join(items[:-1]) + conjunction + items[-1]


def join_parties(names: list[str], comma: str = "、") -> str:
    """The parties as a preamble names them: two joined by と ("AとB"), more as an
    enumeration ("A、B及びC")."""
    if len(names) == 2:
        return names[0] + "と" + names[1]
    return join_japanese(names, comma=comma)


IROHA_ITEMS = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"


# ⑴ to ⒇: an item's number as one character, where the house so marks items
PARENTHESIZED = "".join(chr(0x2474 + i) for i in range(20))


def item_mark(form: str, k: int, num) -> str:
    """The marker of the k-th item (号, or step of a 次第) in a house's form
    (agreement.item_marker, notice.agenda_marker): （１） by default, {number} filled
    in by `num`, ⑴ where the form is "⑴" (to ⒇: the callers refuse a 21st)."""
    if form == "⑴":
        return PARENTHESIZED[k - 1]
    return form.replace("{number}", num(k))


def sub_item_marker(n: int) -> str:
    """The marker of the n-th sub-item (細目) of a numbered item: ア, イ, ウ … in
    gojūon order, as horizontally written local-government documents number them."""
    if not 1 <= n <= len(IROHA_ITEMS):
        raise ValueError(f"sub_item_marker() takes 1 to {len(IROHA_ITEMS)}, got {n}")
    return IROHA_ITEMS[n - 1]


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


# --- radical code points ----------------------------------------------------------
# PDFs often map kanji glyphs to radical code points (⽴ for 立, ⺠ for 民). The
# text looks right but does not search, sort or render reliably, so we replace
# them one character at a time. NFKC is never applied to whole text: it would
# also turn the full-width digits and brackets of the house style into ASCII.

KANGXI_RANGES = ((0x2F00, 0x2FDF), (0x2E80, 0x2EFF))

_KANGXI_ASSIGNED = (0x2F00, 0x2FD5)  # every one has an NFKC decomposition

# CJK Radicals Supplement → equivalent unified ideograph, from Unicode's
# EquivalentUnifiedIdeograph.txt. Only the supplement block needs a table: two
# of its code points decompose under NFKC (⺟ U+2E9F, ⻳ U+2EF3), the rest do
# not. Left out on purpose: targets outside the BMP, which fonts for official
# documents rarely hold, and entries whose value we could not confirm
# (U+2E95, 2E97, 2EAB, 2EB4, 2EBC, 2EBD, 2ECF).
_SUPPLEMENT = {
    "\u2e81": "厂", "\u2e82": "乛", "\u2e83": "乚", "\u2e84": "乙", "\u2e85": "亻", "\u2e86": "冂",
    "\u2e88": "刀", "\u2e89": "刂", "\u2e8a": "卜", "\u2e8b": "㔾", "\u2e8c": "小", "\u2e8d": "小",
    "\u2e8e": "兀", "\u2e8f": "尣", "\u2e90": "尢", "\u2e92": "巳", "\u2e93": "幺", "\u2e94": "彑",
    "\u2e96": "忄", "\u2e98": "扌", "\u2e99": "攵", "\u2e9b": "旡", "\u2e9c": "日", "\u2e9d": "月",
    "\u2e9e": "歺", "\u2e9f": "母", "\u2ea0": "民", "\u2ea1": "氵", "\u2ea2": "氺", "\u2ea3": "灬",
    "\u2ea4": "爫", "\u2ea5": "爫", "\u2ea6": "丬", "\u2ea7": "牛", "\u2ea8": "犭", "\u2ea9": "王",
    "\u2eac": "示", "\u2ead": "礻", "\u2eaf": "糹", "\u2eb0": "纟", "\u2eb1": "罓", "\u2eb2": "罒",
    "\u2eb3": "㓁", "\u2eb6": "羊", "\u2eb9": "耂", "\u2eba": "肀", "\u2ebb": "聿", "\u2ebe": "艹",
    "\u2ebf": "艹", "\u2ec0": "艹", "\u2ec1": "虎", "\u2ec2": "衤", "\u2ec3": "覀", "\u2ec4": "西",
    "\u2ec5": "见", "\u2ec6": "角", "\u2ec8": "讠", "\u2ec9": "贝", "\u2ecb": "车", "\u2ecc": "辶",
    "\u2ecd": "辶", "\u2ece": "辶", "\u2ed0": "钅", "\u2ed1": "長", "\u2ed2": "镸", "\u2ed3": "长",
    "\u2ed4": "门", "\u2ed6": "阝", "\u2ed7": "雨", "\u2ed8": "青", "\u2ed9": "韦", "\u2eda": "页",
    "\u2edb": "风", "\u2edc": "飞", "\u2edd": "食", "\u2edf": "飠", "\u2ee0": "饣", "\u2ee2": "马",
    "\u2ee3": "骨", "\u2ee4": "鬼", "\u2ee5": "鱼", "\u2ee6": "鸟", "\u2ee7": "卤", "\u2ee8": "麦",
    "\u2ee9": "黄", "\u2eea": "黾", "\u2eeb": "斉", "\u2eec": "齐", "\u2eed": "歯", "\u2eee": "齿",
    "\u2eef": "竜", "\u2ef0": "龙", "\u2ef1": "龜", "\u2ef2": "亀", "\u2ef3": "龟",
}


_RADICAL_RE = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in KANGXI_RANGES) + "]")


def _is_radical(ch: str) -> bool:
    return any(lo <= ord(ch) <= hi for lo, hi in KANGXI_RANGES)


def _ideograph_for(ch: str) -> str | None:
    """The unified ideograph a radical code point stands for, if known."""
    lo, hi = _KANGXI_ASSIGNED
    if lo <= ord(ch) <= hi:
        return unicodedata.normalize("NFKC", ch)
    return _SUPPLEMENT.get(ch)


def has_radicals(text: str) -> bool:
    """True if text holds any code point of the two radical blocks."""
    return any(_is_radical(ch) for ch in text)


def fix_radicals(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Replace radical code points by their ideographs.

    Returns the fixed text and the distinct (radical, ideograph) pairs in
    order of first appearance, so the caller can report what was changed.
    Radicals without a known ideograph stay as they are (see
    unmapped_radicals) rather than being guessed at.
    """
    if not _RADICAL_RE.search(text):       # the usual case, checked in C: specs are read in bulk
        return text, []
    out, pairs = [], {}
    for ch in text:
        new = _ideograph_for(ch) if _is_radical(ch) else None
        if new is None:
            out.append(ch)
            continue
        pairs.setdefault(ch, new)  # dicts keep insertion order
        out.append(new)
    return "".join(out), list(pairs.items())


def unmapped_radicals(text: str) -> list[str]:
    """Distinct radical code points fix_radicals leaves unchanged, in order.

    These are glyph problems the caller must report: no safe replacement.
    """
    found = {ch: None for ch in text if _is_radical(ch) and _ideograph_for(ch) is None}
    return list(found)


# ---------------------------------------------------------------- names
# Legal forms that open a formal name (国立大学法人北海道国立大学機構 北見工業大学):
# a name is broken after them when it is set on several lines.
LEGAL_FORMS = ("国立大学法人", "公立大学法人", "地方独立行政法人", "独立行政法人", "国立研究開発法人",
               "学校法人", "社会福祉法人", "医療法人", "公益社団法人", "公益財団法人", "一般社団法人",
               "一般財団法人", "特定非営利活動法人", "株式会社", "有限会社", "合同会社")


# Abbreviated legal forms a usual name is written with: （株）セブン‐イレブン・ジャパン.
LEGAL_FORM_SHORT = {"株": "株式会社", "有": "有限会社", "同": "合同会社", "一社": "一般社団法人",
                    "一財": "一般財団法人", "公社": "公益社団法人", "公財": "公益財団法人",
                    "独": "独立行政法人", "国研": "国立研究開発法人", "学": "学校法人", "福": "社会福祉法人",
                    "医": "医療法人", "特非": "特定非営利活動法人", "NPO": "特定非営利活動法人"}
_SHORT_FORM = re.compile(r"[（(](" + "|".join(map(re.escape, LEGAL_FORM_SHORT)) + r")[）)]|[㈱㈲]")


def name_lines(formal_name: str | None, name: str) -> tuple[list[str], str]:
    """A party's name as a sheet sets it: the lines of the formal name that come
    before the usual name (国立大学法人 / 北海道国立大学機構), then the name (北見工業大学).
    The formal name is split after a leading legal form and at full-width spaces;
    one that does not end with the name is shown above it whole — unless it holds
    the name (written with its short legal form or without one) elsewhere
    (株式会社セブン‐イレブン・ジャパン for （株）セブン‐イレブン・ジャパン,
    トヨタ自動車株式会社 for トヨタ自動車㈱ or トヨタ自動車, 日本郵便株式会社北海道支社
    for 日本郵便): then the formal name alone is shown, not the same name twice."""
    if not formal_name or formal_name == name:
        return [], name
    core = _SHORT_FORM.sub("", name).strip()
    if core and not formal_name.endswith(name) and core in formal_name:
        if formal_name.endswith(core):
            return name_lines(formal_name, core)       # 株式会社 / セブン‐イレブン・ジャパン
        return [], formal_name                         # トヨタ自動車株式会社
    head = formal_name[:-len(name)] if formal_name.endswith(name) else formal_name
    lines = []
    for part in head.split("\u3000"):
        part = part.strip()
        form = next((f for f in LEGAL_FORMS if part.startswith(f) and part != f), None)
        lines += [form, part[len(form):]] if form else ([part] if part else [])
    return lines, name


# ---------------------------------------------------------------- style of the text
# である (plain) or です・ます (polite): a document is written in one style, never mixed.
_POLITE_END = re.compile(r"(です|ます|ません|ました|でした|ましょう|でしょう|ください|下さい)$")
# A plain sentence ends with a verb or adjective in its plain form (…する, …である,
# …定める, …行う, …ない, …した). A phrase that ends with a noun (…に関すること。,
# …事項。, the items of a list) is in neither style, and fits both.
_PLAIN_END = re.compile(r"(る|た|だ|ない|う|く|す|つ|ぬ|む|ぶ|ぐ|い)$")


def _sentences(text: str) -> list[str]:
    """The sentences of a text that end with 。, without what stands in brackets
    (（以下「甲」という。） is no sentence of the text's own)."""
    prev = None
    while prev != text:
        prev, text = text, re.sub(r"（[^（）]*）|「[^「」]*」|\([^()]*\)", "", text)
    parts = text.split("。")
    return [p.strip() for p in parts[:-1] if p.strip()]


def other_style(text: str, writing: str) -> str | None:
    """The first sentence of `text` written in the other style than `writing`
    (です・ます in a である text, or the reverse), or None."""
    for sentence in _sentences(text):
        if _POLITE_END.search(sentence):
            if writing != "です・ます":
                return sentence + "。"
        elif _PLAIN_END.search(sentence) and writing == "です・ます":
            return sentence + "。"
    return None
