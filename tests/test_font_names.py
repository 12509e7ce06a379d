"""The DOCX names its fonts by the families in their name tables (fonts/names.py),
chosen among the records as HarfBuzz chooses, which it used before: compared on
every TrueType font this machine has (the bundled BIZ UD fonts, with Japanese
names, and the system's)."""
from __future__ import annotations

import glob
from struct import unpack_from

import pytest

from conftest import ROOT

from jpdocs.fonts.names import get_name

hb = pytest.importorskip("uharfbuzz")

FONTS = sorted({*glob.glob(str(ROOT / "fonts" / "*.ttf")), *glob.glob("/usr/share/fonts/**/*.ttf", recursive=True)})


def name_table(data: bytes) -> bytes:
    for i in range(unpack_from(">H", data, 4)[0]):
        tag, _, offset, length = unpack_from(">4sLLL", data, 12 + 16 * i)
        if tag == b"name":
            return data[offset:offset + length]
    return b""


def test_the_names_are_harfbuzzs_on_every_font_here():
    assert len(FONTS) >= 3
    compared, japanese = 0, 0
    for path in FONTS:
        with open(path, "rb") as fh:
            data = fh.read()
        if data[:4] not in (b"\x00\x01\x00\x00", b"true"):
            continue
        face, table = hb.Face(data), name_table(data)
        for name_id in (1, 2, 4, 16, 17):
            for lang in ("en", "ja"):
                assert get_name(table, name_id, lang) == face.get_name(name_id, lang), (path, name_id, lang)
                compared += 1
        japanese += get_name(table, 1, "ja") is not None
    assert japanese >= 3 and compared >= 30        # the BIZ UD fonts' Japanese families among them


def test_a_damaged_or_missing_table_names_nothing():
    assert get_name(b"", 1, "en") is None
    assert get_name(b"\x00\x00\x00\x05\x00\x40", 1, "en") is None    # five records announced, none there
