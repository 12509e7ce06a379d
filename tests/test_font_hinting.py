"""The embedded font subsets carry no hinting, and nothing else of the font is lost
(fonts/hinting.py): every glyph's outline, advance and side bearing read back from
the PDF of a real build is the one in the font file, and each subset is a TrueType
file that fontTools reads whole (checksums included)."""
from __future__ import annotations

import io
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from conftest import ROOT, SEED_SPEC

ttLib = pytest.importorskip("fontTools.ttLib")


def _subsets(pdf):
    """(base font name, subset bytes, {CID: character}, {CID: glyph in the subset}) of
    every embedded font (fonts/cid.py's Type0 fonts: the characters from the
    ToUnicode map, the glyphs from the /CIDToGIDMap)."""
    seen = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            cid_font = font["/DescendantFonts"][0].get_object()
            ref = cid_font["/FontDescriptor"]["/FontFile2"]
            key = ref.idnum if hasattr(ref, "idnum") else id(ref)
            if key not in seen:
                data = ref.get_object().get_data()
                cmap = font["/ToUnicode"].get_object().get_data().decode("ascii")
                lines = "".join(re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S))
                chars = {int(a, 16): int(b, 16) for a, b in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]{4})>", lines)}
                to_gid = cid_font["/CIDToGIDMap"].get_object().get_data()
                glyphs = {cid: int.from_bytes(to_gid[2 * cid:2 * cid + 2], "big") for cid in chars}
                seen[key] = (str(font["/BaseFont"]), data, chars, glyphs)
    return list(seen.values())


@pytest.fixture(scope="module")
def notice(tmp_path_factory):
    out = tmp_path_factory.mktemp("hinting")
    subprocess.run([sys.executable, "generate.py", str(SEED_SPEC), "--kinds", "press-notice",
                    "--format", "pdf", "-o", str(out), "--force"], check=True, cwd=ROOT,
                   capture_output=True)
    return next(out.rglob("press-notice.pdf"))


def _original(base):
    name = base.split("+", 1)[1]
    return ttLib.TTFont(str(ROOT / "fonts" / f"{name}.ttf"), lazy=True)


def test_subsets_have_no_hinting_and_every_glyph_is_the_fonts(notice):
    subsets = _subsets(notice)
    assert len(subsets) >= 2
    compared = 0
    for base, data, chars, glyphs in subsets:
        sub = ttLib.TTFont(io.BytesIO(data), checkChecksums=2)   # a bad checksum raises
        for tag in ("fpgm", "prep", "cvt "):
            assert tag not in sub, f"{base}: {tag} still embedded"
        assert sub["maxp"].maxSizeOfInstructions == 0
        orig = _original(base)
        # the /CIDToGIDMap says which glyph of the subset a CID draws, ToUnicode which
        # character it is: compare that glyph with the font's glyph of the character
        order = sub.getGlyphOrder()
        cmap_orig = orig.getBestCmap()
        sub_glyf, orig_glyf = sub["glyf"], orig["glyf"]
        assert chars, f"{base}: no ToUnicode map"
        for cid, code in chars.items():
            assert glyphs[cid], f"{base}: CID {cid} (U+{code:04X}) drawn as the missing glyph"
            gname = order[glyphs[cid]]
            g, o = sub_glyf[gname], orig_glyf[cmap_orig[code]]
            assert not getattr(g, "program", None) or not g.program.getBytecode(), f"{base}: U+{code:04X} keeps instructions"
            if g.isComposite():
                assert len(g.components) == len(o.components)
            else:
                gc, ge, gf = g.getCoordinates(sub_glyf)
                oc, oe, of = o.getCoordinates(orig_glyf)
                assert list(gc) == list(oc) and list(ge) == list(oe), f"{base}: U+{code:04X} outline changed"
                assert [f & 1 for f in gf] == [f & 1 for f in of]
            assert sub["hmtx"][gname] == orig["hmtx"][cmap_orig[code]], f"{base}: U+{code:04X} metrics changed"
            compared += 1
    assert compared > 100


def test_stripping_a_font_with_hinting_keeps_its_glyphs():
    """The whole Mincho font as one subset of its first 256 characters: composites and
    simple glyphs alike survive (the font's hinting tables are really there to remove)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from jpdocs.fonts.hinting import strip
    face = TTFontFile(str(ROOT / "fonts" / "BIZUDMincho-Regular.ttf"))
    codes = [c for c in sorted(face.charToGlyph) if 0x3000 <= c < 0x3100][:255]
    hinted = face.makeSubset(codes)
    before = ttLib.TTFont(io.BytesIO(hinted))
    assert "fpgm" in before and "prep" in before, "the font has no hinting: the test proves nothing"
    after = ttLib.TTFont(io.BytesIO(strip(hinted)), checkChecksums=2)
    assert len(strip(hinted)) < len(hinted)
    assert after.getGlyphOrder() == before.getGlyphOrder()
    for name in before.getGlyphOrder():
        b, a = before["glyf"][name], after["glyf"][name]
        assert b.getCoordinates(before["glyf"])[0] == a.getCoordinates(after["glyf"])[0], name
        assert before["hmtx"][name] == after["hmtx"][name]
    assert strip(hinted) == strip(hinted)            # the same bytes each time


def _simple_glyphs(font: str):
    """Each simple glyph of a bundled font as (its bytes, contours, where its flags start)."""
    from struct import unpack_from

    from jpdocs.fonts.hinting import _tables
    tables = _tables((ROOT / "fonts" / font).read_bytes())
    loca, glyf = tables["loca"], tables["glyf"]
    if unpack_from(">h", tables["head"], 50)[0]:
        offsets = unpack_from(f">{len(loca) // 4}L", loca)
    else:
        offsets = [2 * o for o in unpack_from(f">{len(loca) // 2}H", loca)]
    for a, b in zip(offsets, offsets[1:]):
        data = glyf[a:b]
        contours = unpack_from(">h", data, 0)[0] if len(data) >= 10 else 0
        if contours > 0:
            at = 10 + 2 * contours
            yield data, contours, at + 2 + unpack_from(">H", data, at)[0]


@pytest.mark.parametrize("font", ["BIZUDMincho-Regular.ttf", "BIZUDPMincho-Regular.ttf", "BIZUDGothic-Bold.ttf"])
def test_a_glyphs_end_found_entry_by_entry_is_the_point_by_point_one(font):
    """_simple_end reads the flags a run or a repeated flag at a time (in C); the
    point-by-point loop it replaced is the reference: the same end for every simple
    glyph of the fonts, as the font has it, padded to 4, and cut short in its flags
    (where both fail, or both give the same)."""
    from struct import unpack_from

    from jpdocs.fonts.hinting import _simple_end, _simple_end_by_point

    def end(how, *args):
        try:
            return how(*args)
        except IndexError:
            return "cut short"

    compared = repeats = 0
    for data, contours, at in _simple_glyphs(font):
        points = unpack_from(">H", data, 10 + 2 * (contours - 1))[0] + 1
        repeats += any(f & 0x08 for f in data[at:at + points])
        for variant in (data, data + b"\0" * (-len(data) % 4), data[:at + 1], data[:at + points // 2]):
            assert end(_simple_end, variant, contours, at) == end(_simple_end_by_point, variant, points, at)
            compared += 1
    assert compared > 40_000 and repeats > 500, "too few glyphs, or none with repeated flags: the test proves little"
