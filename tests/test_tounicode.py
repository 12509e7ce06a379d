"""fonts/tounicode.py writes a subset's ToUnicode CMap at once: the same text as
reportlab's makeToUnicodeCMap corrected (UTF-16BE surrogates beyond U+FFFF, no
line for U+0000), on real fonts' glyph sets and on the odd ones; a subset it does
not know how to write, or a reportlab whose CMap changed, goes the long way."""
from __future__ import annotations

import random

import pytest
from reportlab.pdfbase import ttfonts

from conftest import ROOT


def _glyph_sets():
    from reportlab.pdfbase.ttfonts import TTFontFace
    rnd = random.Random(5)
    codes = sorted(TTFontFace(str(ROOT / "fonts" / "BIZUDGothic-Regular.ttf")).charToGlyph)
    sets = [[0] + [32] * 32,                                     # reportlab's first subset, as made
            [0, 32, 0xA0, 0x3000, 0x20BB7, 0x1F600, 0x10FFFF],   # code 0, no-break space, beyond U+FFFF
            [0x20BB7], [0xA0], [0], [0, 0], [65, 0, 66],         # U+0000 not first
            list(range(0x4E00, 0x4F00)),                          # 256 codes: <FF> the last
            [0xFFFF, 0x10000, 0xD7FF, 0xE000]]
    for size in (1, 2, 15, 16, 17, 100, 255, 256):
        sets.append(rnd.sample(codes, size))
        sets.append([0] + rnd.sample(codes, size - 1) if size > 1 else [0])
    return sets


def test_the_cmap_written_at_once_is_reportlabs_corrected():
    from jpdocs.fonts import tounicode
    assert tounicode._USABLE
    for subset in _glyph_sets():
        for name in ("AAAAAA+BIZUDGothic-Regular", "AAAAAB+ipamjm"):
            ours = tounicode._direct(name, subset)
            assert ours is not None, subset
            assert ours == tounicode.corrected_cmap(name, subset), subset
            assert ours == tounicode.to_unicode_cmap(name, subset)


def test_the_corrections_are_the_only_changes_to_reportlabs_cmap():
    """Without a code 0 or a character beyond U+FFFF, the CMap is reportlab's own
    text; with them, a surrogate pair and one line fewer."""
    from jpdocs.fonts import tounicode
    plain = list(range(0x3041, 0x3041 + 80)) + [0xA0, 32]
    assert tounicode.to_unicode_cmap("F", plain) == tounicode._reportlab_cmap("F", plain)
    text = tounicode.to_unicode_cmap("F", [0, 0x20BB7, 0x3042])
    assert "<01> <D842DFB7>" in text and "<02> <3042>" in text
    assert "<0000>" not in text and "2 beginbfchar" in text and "<00> <02>" in text


@pytest.mark.parametrize("subset", [[], list(range(0x4E00, 0x4E00 + 257)), [65, True], [65, 66.0], [-1, 65]])
def test_a_subset_it_does_not_write_goes_the_long_way(subset):
    from jpdocs.fonts import tounicode
    assert tounicode._direct("F", subset) is None
    try:
        expected = tounicode.corrected_cmap("F", subset)
    except (TypeError, ValueError) as exc:
        with pytest.raises(type(exc)):
            tounicode.to_unicode_cmap("F", subset)
    else:
        assert tounicode.to_unicode_cmap("F", subset) == expected


def test_a_font_name_that_could_be_read_as_cmap_text_goes_the_long_way():
    from jpdocs.fonts import tounicode
    name = "AAAAAA+3 beginbfchar"
    assert tounicode._direct(name, [65, 66, 67]) is None
    assert tounicode.to_unicode_cmap(name, [65, 66, 67]) == tounicode.corrected_cmap(name, [65, 66, 67])


def test_a_reportlab_whose_cmap_changed_is_followed(monkeypatch):
    from jpdocs.fonts import tounicode
    reportlabs = tounicode._reportlab_cmap
    monkeypatch.setattr(tounicode, "_reportlab_cmap",
                        lambda fontname, subset: reportlabs(fontname, subset).replace("12 dict", "13 dict"))
    assert not tounicode._checked()
    monkeypatch.setattr(tounicode, "_USABLE", False)
    text = tounicode.to_unicode_cmap("F", [0x3042, 0x20BB7])
    assert "13 dict begin" in text and "<01> <D842DFB7>" in text


def test_documents_use_it():
    from jpdocs.fonts import registry, tounicode   # noqa: F401  (registry installs it)
    from jpdocs.fonts.subsets import _CMap
    out = ttfonts.makeToUnicodeCMap("AAAAAA+X", [0x3042, 0x3043, 0x2F0F])
    assert type(out) is _CMap and out == tounicode._direct("AAAAAA+X", [0x3042, 0x3043, 0x2F0F])
