"""fonts/glyph_cache.py keeps what the subset cutter reads of each glyph: a cutter given
the records of an earlier one cuts the same bytes without reading a glyph from the font
(simple, empty and composite glyphs); a damaged file is not read; the file is named by
the font's digest and by the code that makes the records."""
from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFace

from conftest import ROOT

from jpdocs.fonts import glyph_cache
from jpdocs.fonts.cut import Cutter

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONTS = [ROOT / "fonts" / "BIZUDMincho-Regular.ttf"] + ([DEJAVU] if DEJAVU.exists() else [])


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("JPDOCS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "glyphs"


def _face(path: Path):
    face = TTFontFace(str(path))
    face.digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return face


def _sets(face, seed):
    rnd = random.Random(seed)
    codes = sorted(face.charToGlyph)
    return [[0] + rnd.sample(codes, rnd.randint(1, 255)) for _ in range(6)]


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_glyphs_from_the_cache_cut_as_glyphs_from_the_font(path, cache):
    face = _face(path)
    first = Cutter(face)
    sets = _sets(face, path.name)
    cuts = [first.cut(subset) for subset in sets]
    assert first.added and first.records
    glyph_cache.store(glyph_cache.entry(face), first.records)

    second = Cutter(_face(path))

    def from_the_font(old):
        raise AssertionError(f"glyph {old} read from the font")
    second._read_font = from_the_font
    assert [second.cut(subset) for subset in sets] == cuts
    assert not second.added
    for name in ("hinted", "metric", "stripped", "half", "hinted_and_checksum", "composite"):
        assert getattr(second, name) == getattr(first, name), name
    if path == DEJAVU:
        assert second.composite, "no composite glyph in the sets"


def test_a_damaged_or_foreign_file_is_not_read(cache):
    face = _face(FONTS[0])
    first = Cutter(face)
    first.cut(_sets(face, 1)[0])
    path = glyph_cache.entry(face)
    glyph_cache.store(path, first.records)
    data = Path(path).read_bytes()
    assert glyph_cache.load(path) == first.records
    for damaged in (data[:-50], data[:100] + bytes([data[100] ^ 1]) + data[101:], b"", data[:16]):
        Path(path).write_bytes(damaged)
        assert glyph_cache.load(path) == {}
    assert glyph_cache.load(str(cache / "none.marshal")) == {}


def test_a_record_not_of_the_form_is_read_from_the_font_again(cache):
    face = _face(FONTS[0])
    subset = _sets(face, 2)[0]
    expected = Cutter(face).cut(subset)
    cutter = Cutter(face)
    glyph = face.charToGlyph[subset[1]]
    cutter.records = {glyph: ("not", "a", "record", None, 0)}
    assert cutter.cut(subset) == expected
    assert cutter.added and cutter.records[glyph][0] == cutter.hinted[glyph]


def test_the_file_is_named_by_the_font_and_the_code(cache, monkeypatch):
    face = _face(FONTS[0])
    names = {glyph_cache.entry(face)}
    face.digest = "0" * 64
    names.add(glyph_cache.entry(face))
    monkeypatch.setattr(glyph_cache, "_code_digest", b"another cutter")
    names.add(glyph_cache.entry(face))
    assert None not in names and len(names) == 3
    face.digest = ""
    assert glyph_cache.entry(face) is None          # a face not read through the font cache


def test_a_cutter_decodes_only_the_records_it_asks_for(cache, monkeypatch):
    """A face's file holds every glyph any command read (long use: ~6,000 glyphs,
    640 KB, where a notice needs ~280): decoding all of it at the first glyph was
    16.7 M instructions more of a cold notice than a fresh file. A cutter now
    decodes the records of the glyphs it cuts, and the others, copied as they are,
    stay in the file when it adds one."""
    face = _face(FONTS[0])
    first = Cutter(face)
    sets = _sets(face, 3)
    cuts = [first.cut(subset) for subset in sets]
    path = glyph_cache.entry(face)
    glyph_cache.store(path, first.records)
    stored = glyph_cache.load(path)
    assert stored == first.records and len(stored.stored()) > 300

    second = Cutter(_face(FONTS[0]))
    checked = []                    # the file's index, and each record decoded
    monkeypatch.setattr(glyph_cache, "crc32", lambda data, crc32=glyph_cache.crc32: (checked.append(1), crc32(data))[1])
    assert second.cut(sets[0]) == cuts[0] and not second.added
    monkeypatch.undo()
    glyphs = {face.charToGlyph.get(code, 0) for code in sets[0]}
    assert 1 < len(checked) <= len(glyphs) + 1 < len(stored.stored()) / 2, (len(checked), len(glyphs))

    new = next(code for code in sorted(face.charToGlyph) if face.charToGlyph[code] not in stored.as_dict())
    second.cut([0, new])
    assert second.added
    glyph_cache.store(path, second.records)
    again = glyph_cache.load(path)
    assert again.as_dict() == {**stored.as_dict(), face.charToGlyph[new]: second.records.get(face.charToGlyph[new])}


def test_a_damaged_record_is_read_from_the_font_again(cache):
    face = _face(FONTS[0])
    first = Cutter(face)
    subset = _sets(face, 4)[0]
    expected = first.cut(subset)
    path = glyph_cache.entry(face)
    glyph_cache.store(path, first.records)
    stored = glyph_cache.load(path)
    middle = len(stored.stored()) // 2
    damaged_glyph = stored.stored()[middle]
    data = bytearray(Path(path).read_bytes())
    at = len(data) - len(stored.blob) + stored.ends[middle] - 2       # inside that glyph's record
    data[at] ^= 0x40
    Path(path).write_bytes(bytes(data))

    second = Cutter(_face(FONTS[0]))
    read = []
    real = second._read_font
    second._read_font = lambda old: (read.append(old), real(old))
    assert second.cut(subset) == expected
    assert read == [damaged_glyph]
    glyph_cache.store(path, second.records)
    assert glyph_cache.load(path) == first.records      # the file whole again
