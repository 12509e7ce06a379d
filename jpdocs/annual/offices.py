"""An office's name (担当課) in the pieces a table's line may end after, as real lists
break it: after a unit of the organisation (オホーツク総合振興局／地域創生部／地域政策課)
or after a full-width space, never inside a unit's word."""
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

# What never starts a line (行頭禁則): a break before it would move it off its word.
NO_LINE_START = set("、。，．・：；！？）〕］｝〉》」』】ー～々ゝゞァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ　")
OPEN, CLOSE = "（〔［｛〈《「『【", "）〕］｝〉》」』】"


def unit_at(text: str, end: int) -> str:
    """The longest unit's word ending at `end` in `text` ('' if none)."""
    return max((u for u in UNITS if text.endswith(u, 0, end)), key=len, default="")


def office_pieces(name: str) -> list[str]:
    """`name` cut after each unit and each full-width space; the pieces join back to
    `name` exactly. A unit's word counts only where a name stands before it in its piece
    (省エネ推進課 starts no piece 省), and never inside brackets (総務課（総合企画グループ）
    keeps its bracket whole); a piece that would be a unit's word alone (関係／課) stays
    with the one before it."""
    pieces, start, depth = [], 0, 0
    for i, ch in enumerate(name):
        depth += (ch in OPEN) - (ch in CLOSE)
        end = i + 1
        if depth > 0 or end == len(name) or name[end] in NO_LINE_START:
            continue
        if any(name.startswith(w, end - k) for w in NOT_AN_END for k in range(1, len(w) + 1)):
            continue
        unit = unit_at(name, end)
        if ch == "\u3000" or (unit and end - start > len(unit)):
            pieces.append(name[start:end])
            start = end
    pieces.append(name[start:])
    merged: list[str] = []
    for piece in pieces:
        if merged and piece == unit_at(piece, len(piece)):
            merged[-1] += piece                     # 関係／課: 課 alone is no unit's word
        else:
            merged.append(piece)
    return merged


def office_words(text: str) -> list[str]:
    """An office cell's words for blocks.packed: each line's pieces, the last of each
    line but the last ending in its newline (the line the spec wrote ends there)."""
    lines = text.split("\n")
    words = []
    for k, line in enumerate(lines):
        pieces = office_pieces(line)
        if k < len(lines) - 1:
            pieces[-1] += "\n"
        words += pieces
    return words
