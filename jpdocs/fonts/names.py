"""A font's family and style names, read from its `name` table.

The DOCX writer names each font by its family (BIZ UD明朝 in Japanese, as Japanese
Word writes it; the English one for fontconfig). It read them with HarfBuzz, from
the whole font file: HarfBuzz's import and a read of every font a document uses,
~15 MB, where the name table is a few kilobytes (fonts/registry.py reads it once).
The choice among the table's records is HarfBuzz's (hb_ot_name_get_utf8):
tests/test_font_names.py compares the two on every font this machine has.
"""
from __future__ import annotations

from struct import unpack_from

# (platform, encoding) → codec, for the records HarfBuzz reads: Unicode, Windows
# Unicode (BMP and full) and Mac Roman.
_CODECS = {(0, e): "utf-16-be" for e in range(7)} | {(3, 0): "utf-16-be", (3, 1): "utf-16-be",
                                                       (3, 10): "utf-16-be", (1, 0): "mac_roman"}
# a language's records: Windows language ids (primary language in the low 10 bits)
# and Mac language codes
_WINDOWS_PRIMARY = {"en": 0x09, "ja": 0x11}
_MAC = {"en": 0, "ja": 11}
# HarfBuzz prefers Windows Unicode records, then Unicode, then Mac Roman
_RANK = {3: 0, 0: 1, 1: 2}


def name_records(table: bytes) -> list[tuple[int, int, int, int, bytes]]:
    """(platform, encoding, language, name id, the string's bytes) of each record
    (none from a table too short for its header, as HarfBuzz reads a damaged one)."""
    if len(table) < 6:
        return []
    _format, count, strings = unpack_from(">HHH", table, 0)
    out = []
    for i in range(min(count, (len(table) - 6) // 12)):
        platform, encoding, language, name_id, length, offset = unpack_from(">6H", table, 6 + 12 * i)
        start = strings + offset
        out.append((platform, encoding, language, name_id, table[start:start + length]))
    return out


def _matches(platform: int, language: int, lang: str) -> bool:
    if platform == 3:
        return language & 0x3FF == _WINDOWS_PRIMARY[lang]
    if platform == 1:
        return language == _MAC[lang]
    return False                        # Unicode-platform records carry no language


def get_name(table: bytes, name_id: int, lang: str) -> str | None:
    """The name `name_id` in language `lang` ("en" or "ja"), or None."""
    best = None
    for platform, encoding, language, nid, data in name_records(table):
        codec = _CODECS.get((platform, encoding))
        if nid != name_id or codec is None or not _matches(platform, language, lang):
            continue
        # US English before other Englishes (HarfBuzz sorts by language, then platform)
        rank = (language != 0x0409 if platform == 3 and lang == "en" else 0, _RANK[platform])
        if best is None or rank < best[0]:
            best = (rank, data, codec)
    if best is None:
        return None
    text = best[1].decode(best[2], errors="replace")
    return text or None
