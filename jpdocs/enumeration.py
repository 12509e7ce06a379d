"""How an official document counts and lists: kanji numerals (第二十四条), the
labels of its parties (甲乙丙…), enumerations (甲、乙及び丙; AとB) and the markers of
items and sub-items (（１）, ⑴, ア). Apart from japanese.py: none of it is a date or a
digit style, and what formats a date has no need of it."""

import re

from .japanese import em_width

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
CIRCLED = "".join(chr(0x2460 + i) for i in range(20))     # ① to ⑳


def list_marks(marker: str, count: int) -> tuple[str, ...]:
    """The marks of a list's `count` entries where the text writes `marker` before each:
    "①" and "⑴" number them (① ② ③, ⑴ ⑵ ⑶: to ⑳, the callers refuse a 21st), any other
    mark (・, ○) stands before each as written."""
    numbered = {"①": CIRCLED, "⑴": PARENTHESIZED}.get(marker)
    return tuple(numbered[:count]) if numbered else (marker,) * count


# the form of an agreement's items numbered 一, 二, 三 … as laws and many agreements
# number the items (号) of an article: the numeral alone, its text one em after it
KANJI_ITEMS = "一"


def is_kanji_item_marker(marker: str) -> bool:
    """Whether a printed marker is a kanji numeral of that form (一, 十二)."""
    return bool(marker) and all(c in "一二三四五六七八九十百" for c in marker)


def item_mark(form: str, k: int, num) -> str:
    """The marker of the k-th item (号, or step of a 次第) in a house's form
    (agreement.item_marker, notice.agenda_marker): （１） by default, {number} filled
    in by `num`, ⑴ where the form is "⑴" (to ⒇: the callers refuse a 21st), the kanji
    numeral 一, 二 … where it is "一" (an agreement's items only: the checks allow it there)."""
    if form == "⑴":
        return PARENTHESIZED[k - 1]
    if form == KANJI_ITEMS:
        return kanji_numeral(k)
    return form.replace("{number}", num(k))


def sub_item_marker(n: int) -> str:
    """The marker of the n-th sub-item (細目) of a numbered item: ア, イ, ウ … in
    gojūon order, as horizontally written local-government documents number them."""
    if not 1 <= n <= len(IROHA_ITEMS):
        raise ValueError(f"sub_item_marker() takes 1 to {len(IROHA_ITEMS)}, got {n}")
    return IROHA_ITEMS[n - 1]


# The mark a note or a paragraph begins with, and the spaces after it as written, under
# which its further lines hang (※　陪席予定の… / 　　…): the text after them is where a
# reader's eye goes back to. The marks of JIS X 0208, one em wide in a Japanese face; not
# • nor the ASCII *, which a proportional face sets narrower than em_width counts them.
# The spaces full- or half-width, as the bundled mincho sets a half-width one half an em
# (the width em_width counts it). A numbered note's ※ takes its number with it where a
# space follows (※1　広島広域都市圏は、… / ※1 広島…: spec/note_marks.py reads the number
# so too), so that ※10月1日から… is a plain ※ before a day.
_LEAD_MARK = re.compile(r"^(?:※(?:[0-9０-９]{1,2}(?=[ 　]))?|[＊・●○◆◇■□])[ 　]*")


def lead_mark_em(line: str) -> float:
    """The width (em) of the mark a note or a paragraph of an item's text begins with
    and the spaces after it (※　: 2, ※ : 1.5, ・: 1, ※1　: 2.5, ※1 : 2, ※１　: 3), or
    0 for one without."""
    mark = _LEAD_MARK.match(line)
    return em_width(mark.group()) if mark else 0.0


# The number a point begins with, and the spaces after it, past which its further lines
# hang where the house so sets numbered points ((1)県看護協会は、… / 　　等の検討や、…):
# a bracketed number or katakana ((1), （１）, （ア）) or a circled one (⑴, ①), with or
# without a space after it; a bare number (１, 1., 一, ア) only with a full-width space
# after it, so that a paragraph beginning 2024年 or 1.5倍 is no point.
_LEAD_NUMBER = re.compile(r"^([(（](?:[0-9０-９]{1,3}|[ア-ン])[)）]|[⑴-⒇①-⑳]"
                          r"|(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}|[ア-ン])[.．]?(?=　))(　*)")


# An agreement's points numbered 第1, 第２, 第十 without 条 (小山町 and 足柄村, 1955: 第1　採草地…),
# read as numbers only where a space follows the numeral, as the text writes it (full- or
# half-width): so 第1条 (an article, set by the article machinery) and 第1部分林 beginning a
# sentence are no point, nor is 第1 anywhere but at a paragraph's start.
_LEAD_ORDINAL = re.compile(r"^(第(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}))([ 　]+)")


def lead_number(line: str, ordinals: bool = False) -> tuple[str, str, float] | None:
    """The number a numbered point begins with, the text after it and the spaces between,
    and the em from the number's start to the text's ((1)　県… → ("(1)", "県…", 2.5);
    （１）県… → 3; １　乙… → 2; with `ordinals`, 第1　採草地… → ("第1", "採草地…", 2.5) too);
    None for a paragraph without one."""
    found = (ordinals and _LEAD_ORDINAL.match(line)) or _LEAD_NUMBER.match(line)
    if not found or found.end() == len(line):
        return None
    return found.group(1), line[found.end():], em_width(found.group())
