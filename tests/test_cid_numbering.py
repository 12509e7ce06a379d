"""fonts/numbering.py and cid.Coding: a face's characters numbered as they are coded,
from the few characters a cache entry keeps, are numbered as the whole cmap sorted
and numbered at once (the way it was done before, kept here as the reference)."""
from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from conftest import ROOT

from jpdocs.files import open_regular_file
from jpdocs.fonts import cache, numbering
from jpdocs.fonts.cid import Coding


def whole_numbering(char_to_glyph: dict[int, int], glyphs: int):
    """The numbering as Coding made it before, every character at once: (code point →
    CID, CID → code point, CID → glyph)."""
    cid_of, glyph_of = {}, {}
    char_of = [None] * (glyphs + len(char_to_glyph))
    shared = glyphs
    for char, glyph in sorted(char_to_glyph.items()):
        cid = glyph
        if glyph in glyph_of:
            cid, shared = shared, shared + 1
        cid_of[char] = cid
        char_of[cid] = char
        glyph_of[cid] = glyph
    space = cid_of.get(32)
    if space is not None and 0xA0 not in cid_of:
        cid_of[0xA0] = space
    del char_of[shared:]
    return cid_of, char_of, glyph_of


def _coding(char_to_glyph: dict[int, int], glyphs: int) -> Coding:
    """A Coding of a made-up face (a cmap, its glyph count: what numbering reads)."""
    face = SimpleNamespace(name=b"Made", subfontNameX=b"", hmetrics=[(500, 0)] * glyphs,
                           charToGlyph=char_to_glyph, table={}, getCharWidth=lambda c: 500)
    return Coding(SimpleNamespace(face=face, fontName="Made"))


def _agrees(coding: Coding, char_to_glyph: dict[int, int], glyphs: int, seed: int) -> None:
    cid_of, char_of, glyph_of = whole_numbering(char_to_glyph, glyphs)
    chars = list(cid_of) + [0x10FFFF]                 # (and one the font lacks)
    random.Random(seed).shuffle(chars)
    text = "".join(map(chr, chars))
    assert coding.code(text) == "".join("%04X" % cid_of[c] if c in cid_of else "0000" for c in chars)
    assert len(coding.char_of) == len(char_of)
    for char in cid_of:
        cid = cid_of[char]
        assert coding.char_of[cid] == char_of[cid] and coding.glyph_of(cid) == glyph_of[cid]
    assert coding.cid_of == cid_of and coding.char_of == char_of


MADE_UP = {
    "no glyph shared": ({32: 3, 0xA0: 3, 0x41: 4, 0x5317: 9}, 12),
    "shared, no-break space lacking": ({9: 3, 32: 3, 0x41: 4, 0x42: 4, 0x43: 4, 0x2000B: 5, 0x20000: 5}, 8),
    "glyph 0 given to characters": ({0x30: 0, 0x31: 0, 0x32: 5, 0x33: 5, 0x34: 2}, 6),
    "descending code points onto one glyph": ({c: 1 for c in range(0x4E00, 0x4E10)} | {0x41: 2}, 3),
}


@pytest.mark.parametrize("name", MADE_UP)
def test_made_up_cmaps_are_numbered_as_the_whole_numbering_numbers_them(name):
    char_to_glyph, glyphs = MADE_UP[name]
    _agrees(_coding(dict(char_to_glyph), glyphs), char_to_glyph, glyphs, seed=len(name))
    extra = numbering.extra_cids(char_to_glyph, glyphs)
    cid_of = whole_numbering(char_to_glyph, glyphs)[0]
    assert extra == {c: cid for c, cid in cid_of.items() if c in char_to_glyph and cid != char_to_glyph[c]}


def test_a_character_mapped_past_the_fonts_glyphs_is_an_error_not_a_missing_glyph():
    """A damaged cmap naming a glyph the font does not have: coding the character
    fails (the whole numbering failed too, where the glyphs were gathered), rather
    than writing it as CID 0 as if the font lacked it."""
    coding = _coding({0x41: 2, 0x42: 7}, 4)
    assert coding.code("A") == "0002"
    with pytest.raises(ValueError, match="U\\+0042 is mapped to glyph 7"):
        coding.code("B")


def _system_fonts() -> list:
    found = []
    for name in ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "ipamjm.ttf"):
        found += sorted(__import__("pathlib").Path("/usr/share/fonts").rglob(name))[:1]
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "fonts").glob("*.ttf")) + _system_fonts(), ids=lambda p: p.name)
def test_a_font_from_the_cache_numbers_its_characters_as_the_whole_numbering(path, tmp_path, monkeypatch):
    """The cache entry's numbering (stored by the parse) is the one worked out from the
    tables, read without reading them; a Coding of the face read from the cache codes
    every character of its cmap, in a random order, as the whole numbering does."""
    monkeypatch.setenv("JPDOCS_CACHE", str(tmp_path))
    data = open_regular_file(path, 10**9, "font file")
    digest = cache.content_digest(data.whole, data.st)
    parsed = cache.load_ttfont("A", data, digest, str(path)).face            # parsed, then stored
    font = cache.load_ttfont("B", open_regular_file(path, 10**9, "font file"), digest, str(path))
    stored = numbering.of(font.face)
    assert "_tables" in font.face.__dict__, "the stored numbering read the tables"
    glyphs = len(parsed.hmetrics)
    assert stored == numbering.of(parsed) == (glyphs, numbering.extra_cids(parsed.charToGlyph, glyphs))
    _agrees(Coding(font), parsed.charToGlyph, glyphs, seed=glyphs)


def test_the_bundled_mincho_has_characters_sharing_a_glyph():
    """(So that the test above meets extra CIDs in a real font.)"""
    path = ROOT / "fonts" / "BIZUDMincho-Regular.ttf"
    from reportlab.pdfbase.ttfonts import TTFontFace
    face = TTFontFace(str(path))
    assert {0x0303, 0x29FD7} <= set(numbering.extra_cids(face.charToGlyph, len(face.hmetrics)))


def test_a_face_parsed_in_this_process_is_numbered_once(monkeypatch):
    """A process that parsed its fonts (a fresh or unwritable cache) sorted the whole
    cmap again for every document it coded, ~7 ms a notice of every batch worker; the
    numbering is worked out once and kept on the face."""
    face = SimpleNamespace(hmetrics=[(500, 0)] * 6, charToGlyph={0x41: 2, 0x42: 2, 0x43: 5})
    calls = []
    real = numbering.extra_cids
    monkeypatch.setattr(numbering, "extra_cids", lambda *a: calls.append(a) or real(*a))
    first = numbering.of(face)
    assert first == (6, {0x42: 6})
    assert numbering.of(face) is first and numbering.of(_coding({0x41: 1}, 2).face) == (2, {})
    assert len(calls) == 2, "the face's numbering was worked out again"
