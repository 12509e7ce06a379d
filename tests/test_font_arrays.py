"""fonts/lookups.py: a face read from the parse cache answers a character's glyph and
advance, and a string's width, from arrays kept with its entry, as its cmap and widths
dicts (a fresh parse's) answer them, without reading the dicts."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from conftest import ROOT

from jpdocs.files import open_regular_file
from jpdocs.fonts import cache, lookups
from jpdocs.fonts.cid import install


def _system_fonts() -> list[Path]:
    found = []
    for name in ("DejaVuSans.ttf", "LiberationMono-Bold.ttf", "ipamjm.ttf"):
        found += sorted(Path("/usr/share/fonts").rglob(name))[:1]
    return found


FONTS = sorted((ROOT / "fonts").glob("*.ttf")) + _system_fonts()


def _parsed_and_cached(path: Path):
    """The font parsed (and stored), and read from the cache."""
    data = open_regular_file(path, 10**9, "font file")
    digest = cache.content_digest(data.whole, data.st)
    parsed = cache.load_ttfont("A", data, digest, str(path))
    cached = cache.load_ttfont("B", open_regular_file(path, 10**9, "font file"), digest, str(path))
    return parsed, cached


def _codes(cmap: dict, seed: int) -> list[int]:
    """Every code point of the cmap, some it lacks (around each of its ends, beyond
    U+FFFF, the last), and the spaces, in a random order."""
    lacking = [c for c in range(0x10000) if c not in cmap][::97] + [0x1F600, 0x2FFFF, 0x10FFFF, 0x20, 0xA0]
    codes = list(cmap) + lacking
    random.Random(seed).shuffle(codes)
    return codes


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_the_arrays_answer_as_the_parsed_dicts(path, tmp_path, monkeypatch):
    monkeypatch.setenv("JPDOCS_CACHE", str(tmp_path))
    parsed, cached = _parsed_and_cached(path)
    face, reference = cached.face, parsed.face
    arrays = lookups.arrays_of(face)
    assert arrays is not None, "the entry kept no arrays"
    cmap, get_width = reference.charToGlyph, reference.getCharWidth
    glyph, glyph_or_0, width = lookups.glyph_of(face), lookups.glyph_or_0_of(face), lookups.width_of(face)
    for code in _codes(cmap, len(cmap)):
        if code in cmap:
            assert glyph(code) == cmap[code]
        else:
            with pytest.raises(KeyError):
                glyph(code)
        assert glyph_or_0(code) == cmap.get(code, 0)
        ours, theirs = width(code), get_width(code)
        assert ours == theirs and type(ours) is type(theirs), hex(code)
    assert "charToGlyph" not in face.__dict__ and "charWidths" not in face.__dict__, "the dicts were read"
    face.charWidths                                   # the dicts read: they answer from then on
    assert lookups.arrays_of(face) is None and lookups.width_of(face) == face.getCharWidth


@pytest.mark.parametrize("path", FONTS[:1] + _system_fonts()[:1], ids=lambda p: p.name)
def test_a_string_is_as_wide_as_reportlabs_sum_makes_it(path, tmp_path, monkeypatch):
    """rl_accel's C sum over a parsed face's dict, and ours over the arrays: the same
    float for text of every kind (characters the font lacks, beyond U+FFFF, bytes)."""
    from reportlab.lib.rl_accel import instanceStringWidthTTF
    monkeypatch.setenv("JPDOCS_CACHE", str(tmp_path))
    parsed, cached = _parsed_and_cached(path)
    install(cached)
    cmap = sorted(parsed.face.charToGlyph)
    rng = random.Random(7)
    texts = ["", " ", "\u00a0", "北海道オホーツク総合振興局", "Ab 1.5", "\U0001F600x", "𠮷野家"]
    texts += ["".join(chr(rng.choice(cmap + [0x378, 0x1F600])) for _ in range(rng.randint(1, 60))) for _ in range(300)]
    for text in texts:
        for size in (10.5, 12, 7.25, 0):
            ours = cached.stringWidth(text, size)
            assert ours == instanceStringWidthTTF(parsed, text, size) and type(ours) is float, (text, size)
    assert cached.stringWidth("北海道".encode("utf-8"), 11) == instanceStringWidthTTF(parsed, "北海道", 11)
    assert lookups.arrays_of(cached.face) is not None, "the sum read the dicts"
    cached.face.charWidths                            # the dicts read: reportlab's own sum
    assert cached.stringWidth(texts[3], 9) == instanceStringWidthTTF(parsed, texts[3], 9)


def test_tables_the_arrays_cannot_give_back_are_kept_without_them():
    """Where the arrays would answer otherwise than the dicts, the entry keeps none
    (the dicts answer): a glyph number past two bytes, one glyph with two advances,
    advances of mixed types."""
    cmap, widths = {0x41: 3, 0x42: 4, 0x20000: 5}, {0x41: 500.0, 0x42: 1000.0, 0x20000: 1000.0}
    assert lookups.of_tables(cmap, widths, 6, 1000.0) is not None
    assert lookups.of_tables({**cmap, 0x43: 70000}, widths, 6, 1000.0) is None
    assert lookups.of_tables({**cmap, 0x43: 3}, {**widths, 0x43: 250.0}, 6, 1000.0) is None
    assert lookups.of_tables(cmap, {**widths, 0x42: 1000}, 6, 1000.0) is None
    arrays = lookups.loaded(lookups.of_tables(cmap, widths, 6, 1000.0), set(cmap), 1000.0)
    assert [arrays.glyph(c) for c in cmap] == [3, 4, 5] and arrays.width(0x43) == 1000.0
