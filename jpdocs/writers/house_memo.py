"""What the story's blocks make once per house style and share between the documents
built with it (blocks.BlockBuilder._house_memo): the house's paragraph styles, the
flowables of its stock paragraphs and list items' heads, the widths of tables fitted
to their labels."""
from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from ..spec.style import HouseStyle


# id(house style) → what is made once per house style (BlockBuilder._house_memo)
HOUSE_STYLES: dict[int, "HouseMemo"] = {}
MAX_ENTRIES = 1024      # entries of each of a house's memos (cleared when full)


def kept(table: dict, key, make):
    """table[key], made by `make()` the first time it is asked for; a HouseMemo's
    table is cleared whole when full (MAX_ENTRIES entries)."""
    got = table.get(key)
    if got is None:
        if len(table) >= MAX_ENTRIES:
            table.clear()
        got = table[key] = make()
    return got


class HouseMemo:
    """What depends only on a house style, its fonts and the page's grid, made once and
    shared by the documents built with them: the house's ParagraphStyles and the
    styles derived from them, and what the blocks made of the house's text: the
    flowables of paragraphs (with the 記's heading and 以上) and of list items' heads,
    as made, never drawn (each document draws copies: blocks._fresh), and the widths of
    tables whose first column is fitted to its labels. None of it depends on what was
    built before: each is what the same paragraph, item or table made afresh would be
    (tests/test_layout_memos.py builds notices after others and alone)."""
    __slots__ = ("house", "key", "styles", "derived", "paragraphs", "items", "widths")

    def __init__(self, house: HouseStyle, key: tuple, styles: dict):
        self.house, self.key, self.styles = house, key, styles
        self.derived: dict[tuple, ParagraphStyle] = {}      # BlockBuilder._derived_style
        self.paragraphs: dict[tuple, tuple] = {}
        self.items: dict[tuple, tuple] = {}
        self.widths: dict[tuple, tuple] = {}        # block_table.fitted_widths
