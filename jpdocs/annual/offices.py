"""An office's name (担当課) in the pieces a table's line may end after, as real lists
break it: after a unit of the organisation (オホーツク総合振興局／地域創生部／地域政策課)
or after a full-width space, never inside a unit's word."""
from __future__ import annotations

from ..writers.units import in_no_end, unit_at

# What never starts a line (行頭禁則): a break before it would move it off its word.
NO_LINE_START = set("、。，．・：；！？）〕］｝〉》」』】ー～々ゝゞァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ　")
OPEN, CLOSE = "（〔［｛〈《「『【", "）〕］｝〉》」』】"


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
        if in_no_end(name, end):
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
