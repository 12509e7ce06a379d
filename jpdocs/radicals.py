"""The repair of radical code points (⽴ for 立, ⺠ for 民) that text copied from a
PDF leaves in place of kanji: found, replaced one character at a time where the
ideograph is known, and reported where it is not. A concern of reading text, not of
writing dates or numbers, so apart from japanese.py."""

import re
import unicodedata

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
