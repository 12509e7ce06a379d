"""fonts/cut.py cuts a subset to the same bytes as reportlab's makeSubset followed by
font_hinting.strip: on random glyph sets of the bundled fonts (cut twice, so that
the second cut reads the glyphs it remembers), on a font with composite glyphs,
and on every subset of real builds — but for one fault of reportlab's: a glyph past
hhea's numberOfHMetrics gets, in reportlab's parse and so in its subset's hmtx, the
last long advance scaled to 1/1000 em instead of in font units (BIZ UD's last six
glyphs, ◊ ™ ˆ ˚ ΄ ΅: 500 for 1024 of 2048; IPAmj明朝's 𠮷: 1000 for 2048). The cut keeps
the font's own advance; reportlab's subset is compared with that mended in its parse."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFace

from conftest import ROOT, SEED_SPEC

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _reportlab(face, subset):
    """reportlab's subset, stripped, its parse's advances past the long metrics mended
    (the last long metric's, in font units, as the font means them)."""
    from struct import unpack

    from jpdocs.fonts.hinting import strip
    long_metrics = unpack(">H", face.get_table("hhea")[34:36])[0]
    kept = face.hmetrics
    last = kept[long_metrics - 1][0]
    face.hmetrics = kept[:long_metrics] + [(last, lsb) for _, lsb in kept[long_metrics:]]
    try:
        return strip(TTFontFace.makeSubset(face, subset))
    finally:
        face.hmetrics = kept


def _random_sets(face, rnd, count):
    codes = sorted(face.charToGlyph)
    for _ in range(count):
        yield [0] + rnd.sample(codes, rnd.randint(1, 255))


@pytest.mark.parametrize("name", ["BIZUDMincho-Regular", "BIZUDGothic-Regular", "BIZUDGothic-Bold"])
def test_random_glyph_sets_cut_as_reportlab_cuts_them(name):
    from jpdocs.fonts.cut import Cutter
    face = TTFontFace(str(ROOT / "fonts" / f"{name}.ttf"))
    cutter = Cutter(face)
    assert cutter.usable()
    rnd = random.Random(name)
    for subset in _random_sets(face, rnd, 12):
        expected = _reportlab(face, subset)
        assert cutter.cut(subset) == expected
        assert cutter.cut(subset) == expected          # from the remembered glyphs
    assert cutter.stripped


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans (composite glyphs) is not installed")
def test_composite_glyphs_are_renumbered_as_reportlab_does():
    from struct import unpack_from

    from jpdocs.fonts.cut import Cutter
    face = TTFontFace(str(DEJAVU))
    glyf, pos = face.get_table("glyf"), face.glyphPos
    composite = [c for c, g in face.charToGlyph.items()
                 if pos[g + 1] - pos[g] > 2 and unpack_from(">h", glyf, pos[g])[0] < 0]
    assert len(composite) > 100, "no composite glyphs: the test proves nothing"
    cutter = Cutter(face)
    rnd = random.Random(7)
    for _ in range(12):
        subset = [0] + rnd.sample(composite, 60) + rnd.sample(sorted(face.charToGlyph), 60)
        assert cutter.cut(subset) == _reportlab(face, subset)


def test_the_subsets_of_real_builds_are_reportlabs(tmp_path, monkeypatch):
    from jpdocs.build import batch
    from jpdocs.fonts import cut as font_cut, registry
    cut = font_cut.Cutter.cut
    seen = []

    def checked(self, subset):
        ours = cut(self, subset)
        assert ours == _reportlab(self.face, subset)
        seen.append(len(subset))
        return ours
    monkeypatch.setattr(font_cut.Cutter, "cut", checked)
    for font in registry._BY_CONTENT.values():         # cut, not taken from the glyph sets kept
        monkeypatch.setattr(font.jp_cid, "made", {})
    specs = [SEED_SPEC, *sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml")
                                if not p.name.endswith(".facts.yaml"))[:6]]
    batch._init_worker(("pdf",), None)
    for spec in specs:
        res = batch.build_one(str(spec), str(tmp_path / "out"), ("pdf",), None, force=True)
        assert res.status == "built", res.problems
    assert len(seen) >= 6


def test_loca_format_is_chosen_by_the_hinted_size_as_reportlab_chooses_it():
    """A glyph set whose glyphs take more than 128 KB with their instructions and less
    without them: reportlab's long loca stays, written for the smaller glyph table."""
    from jpdocs.fonts.cut import Cutter
    face = TTFontFace(str(ROOT / "fonts" / "BIZUDMincho-Regular.ttf"))
    pos, subset, hinted = face.glyphPos, [0], 0
    for code, g in sorted(face.charToGlyph.items()):
        if hinted > 0x1FFFF + 2000:
            break
        if code >= 0x4E00:
            subset.append(code)
            hinted += pos[g + 1] - pos[g] + 3
    ours = Cutter(face).cut(subset)
    assert ours == _reportlab(face, subset)
    from io import BytesIO

    from fontTools import ttLib
    font = ttLib.TTFont(BytesIO(ours))
    assert font["head"].indexToLocFormat == 1
    assert len(font.reader["glyf"]) < 0x1FFFE, "the stripped glyphs need the long format too: proves nothing"


def test_odd_glyph_sets_cut_as_reportlab_cuts_them():
    """reportlab's first subset before the document fills it (code 0, then 32 spaces),
    codes the font lacks (glyph 0), code 0 not first, two codes of one glyph (space and
    no-break space), one glyph, and the trailing run of equal advances written once in
    hmtx: the whole set, none, a run after a different advance."""
    from jpdocs.fonts.cut import Cutter
    face = TTFontFace(str(ROOT / "fonts" / "BIZUDGothic-Regular.ttf"))
    kanji = [c for c in sorted(face.charToGlyph) if 0x4E00 <= c < 0x9FFF][:200]
    half = [c for c in range(0x21, 0x7F) if c in face.charToGlyph]
    assert face.getCharWidth(half[0]) != face.getCharWidth(kanji[0])
    cutter = Cutter(face)
    sets = [[0] + [32] * 32, [0, 0x3042, 0x3044] + [32] * 30, [0], [0x3042], [0, 0xE000, 0x10FFFD, 0x3042],
            [0] + kanji, [0] + half, [0] + kanji + half[:1], [0] + half + kanji[:1], [0] + kanji[:5] + half,
            kanji[:100] + half[:10] + kanji[100:200], [0x3042, 0, 0x3044], [0x20, 0xA0, 0x3042], [0, 0xA0, 0x20]]
    assert face.charToGlyph[0x20] == face.charToGlyph[0xA0]      # (two codes, one glyph)
    for subset in sets:
        assert cutter.cut(subset) == _reportlab(face, subset), subset


def test_a_font_file_is_written_as_reportlabs_ttfontmaker_writes_it():
    """cut.font_file: TTFontMaker's directory, padding and checkSumAdjustment, with
    the checksums it is given (a glyph table's, summed from its glyphs') or works out."""
    from reportlab.lib.rl_accel import calcChecksum
    from reportlab.pdfbase.ttfonts import TTFontMaker
    from jpdocs.fonts.cut import font_file
    rnd = random.Random(11)
    tags = ["OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "cvt ", "fpgm"]
    for count in (1, 2, 3, 7, 8, 10, 12):
        chosen = ["head"] + rnd.sample([t for t in tags if t != "head"], count - 1)
        tables = {t: rnd.randbytes(rnd.randint(0, 300) if t != "head" else 54) for t in chosen}
        tables["head"] = tables["head"][:8] + b"\0\0\0\0" + tables["head"][12:]
        maker = TTFontMaker()
        for tag, data in tables.items():
            maker.add(tag, data)
        expected = maker.makeStream()
        assert font_file(tables, {}) == expected
        assert font_file(tables, {t: calcChecksum(d) for t, d in tables.items() if rnd.random() < 0.5}) == expected


@pytest.mark.parametrize("name", ["BIZUDMincho-Regular", "BIZUDGothic-Bold"])
def test_sets_cut_again_from_remembered_codes_are_reportlabs(name):
    """A set cut a second time takes each code's glyph record in one look-up
    (Cutter._cut_known); codes sharing a glyph, a code the font lacks (glyph 0), code 0
    first or not at all, a set whose every glyph has one advance and sets whose last
    glyphs differ in advance are cut as reportlab cuts them."""
    from collections import defaultdict

    from jpdocs.fonts.cut import Cutter
    face = TTFontFace(str(ROOT / "fonts" / f"{name}.ttf"))
    by_glyph = defaultdict(list)
    for code, glyph in face.charToGlyph.items():
        by_glyph[glyph].append(code)
    shared = next(codes for glyph, codes in sorted(by_glyph.items()) if glyph and len(codes) > 1)
    missing = next(c for c in range(0x3400, 0x10000) if c not in face.charToGlyph)
    kanji = [c for c in range(0x4E00, 0x9FFF) if c in face.charToGlyph][:300]
    sets = [[0] + kanji[:200], kanji[:200], [0] + kanji[:100] + shared[:2] + kanji[100:150],
            kanji[:50] + [shared[0]] + kanji[50:60] + [shared[1]], [0] + kanji[:80] + [missing],
            [missing] + kanji[:20], kanji[10:20] + [0] + kanji[:5], [0x3000] + kanji[200:300], kanji[200:201],
            # a last glyph narrower than those before it (hmtx's trailing run of one), and
            # half-width glyphs among full-width ones (their advances and side bearings
            # taken from the records' hmtx entries: Cutter._cut_known)
            kanji[:30] + [ord("A")], [ord("A"), ord("i")] + kanji[:10] + [ord("W"), ord("i")],
            [ord(c) for c in "Wii"] + kanji[300:] + [ord("1")]]
    cutter = Cutter(face)
    for subset in sets:
        expected = _reportlab(face, subset)
        assert cutter.cut(subset) == expected
        assert cutter.cut(subset) == expected          # from the remembered codes
    for subset in sets:                                 # every code remembered
        assert cutter.cut(subset) == _reportlab(face, subset)


IPAMJ = Path("/usr/share/fonts/truetype/ipamj/ipamjm.ttf")     # Debian: fonts-ipamj-mincho


@pytest.mark.skipif(not IPAMJ.exists(), reason="IPAmj明朝 (fonts-ipamj-mincho) is not installed")
def test_a_glyph_past_the_long_metrics_keeps_its_advance_in_font_units():
    """IPAmj明朝 lists 1,960 long metrics (hhea's numberOfHMetrics) for 61,179 glyphs: 𠮷
    (U+20BB7, glyph 32914) has the last long metric's advance, 2048 font units. reportlab's
    parse keeps that advance scaled to 1/1000 em (1000), and its own subset writes 1000
    into hmtx: the embedded program then draws 𠮷 half as wide as the PDF's /Widths say,
    a fault PDF/UA validation finds (大分県信用組合's 𠮷野, oita-kenshin-gyokyo-2023). The
    cut subset keeps every glyph's advance and side bearing as the font has them."""
    import io

    from fontTools.ttLib import TTFont

    from jpdocs.fonts.cut import Cutter
    face = TTFontFace(str(IPAMJ))
    font = TTFont(str(IPAMJ), lazy=True)
    names = font.getBestCmap()
    codes = [0, 0x20BB7, 0x5409, 0x3042]           # 𠮷, 吉, あ
    assert font["hhea"].numberOfHMetrics <= font.getGlyphID(names[0x20BB7]), "𠮷 has a long metric: nothing proved"
    cut = TTFont(io.BytesIO(Cutter(face).cut(codes)))
    order = cut.getGlyphOrder()
    for position, code in enumerate(codes[1:], start=1):
        assert cut["hmtx"][order[position]] == font["hmtx"][names[code]], (hex(code), cut["hmtx"][order[position]])
