"""The words that end a unit of an organisation (総合振興局, 部, 課 …), where an office's or a
party's name of kanji alone may part without tearing a word: the annual book's 担当課
(annual/offices.py) and a heading's phrase longer than its line (jlreq_lines.compose:
オホーツク / 総合振興局管内 / 市町村会, not …管内市 / 町村会)."""
from __future__ import annotations

# The words that end a unit of an organisation. At each place the longest that ends
# there is taken (総合振興局 over 振興局 over 局), so that a unit's word is never cut.
UNITS = ("総合振興局", "振興局", "事務所", "事務局", "出張所", "研究所", "センター", "グループ", "チーム",
         "本部", "支部", "支所", "支庁", "支局", "役所", "役場", "官房", "機構", "担当",
         "局", "部", "課", "室", "係", "所", "庁", "署", "省", "班")

# Words in which a unit's character is no unit's end (地域課題対策室, 関係課, 室蘭市, the
# place 十勝西部 of 十勝西部森林管理署): no break inside them or right after them.
NOT_AN_END = ("課題", "関係", "室蘭", "所管", "所属", "部門", "局長", "部長", "課長", "室長", "所長", "省エネ",
              "東部", "西部", "南部", "北部", "中部")

# Suffixes that qualify the unit before them and never start a word (管内: within its
# district): a name parts after them, not before (総合振興局管内 / 市町村会).
BOUND = ("管内", "管外", "等")


def unit_at(text: str, end: int) -> str:
    """The longest unit's word ending at `end` in `text` ('' if none)."""
    return max((u for u in UNITS if text.endswith(u, 0, end)), key=len, default="")


def in_no_end(text: str, end: int) -> bool:
    """Whether `end` falls inside or right after one of NOT_AN_END."""
    return any(text.startswith(w, end - k) for w in NOT_AN_END for k in range(1, len(w) + 1))


def after_unit(text: str, i: int) -> bool:
    """Whether a run of kanji may part before text[i] after a unit's word, with what binds
    to it (BOUND): 総合振興局管内 / 市町村会, else 総合振興局 / 管内市町村会 where the line
    cannot hold 管内. A unit of one character needs a name before it (部 / 会長 is no end)."""
    end = next((i - len(b) for b in BOUND if text.endswith(b, 0, i)), i)
    unit = unit_at(text, end)
    return bool(unit) and (end > len(unit) or len(unit) > 1) and not in_no_end(text, end)
