"""textout.run_code writes the composer's runs (placed and plain) exactly as reportlab's own _formatText
would: every run of real builds (the seed spec's three documents, date-shifted
and text-varied notices, the real specs' agreements) is written both ways and
compared operator for operator."""
from __future__ import annotations

import sys

import pytest
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfgen.textobject import PDFTextObject

from conftest import ROOT, SEED_SPEC

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402


@pytest.fixture
def both_ways(monkeypatch):
    """Every run textout.run_code writes (drawing.py's paragraphs, and FastText's)
    is written by reportlab's `PDFTextObject._formatText` too, from a text object
    in the same state, and the two must be the same operators and leave the same
    subset."""
    from jpdocs.writers import drawing, textout
    seen = {"runs": 0, "numbers": 0, "plain": 0, "again": 0}
    fast = textout.run_code

    def checked(text, font, size, leading, subset, doc):
        canvas = type("C", (), {"_doc": doc, "_escape": staticmethod(escapePDF)})()
        tx = PDFTextObject.__new__(PDFTextObject)
        tx._canvas, tx._fontname, tx._fontsize, tx._leading = canvas, font.fontName, size, leading
        tx._curSubset, tx._rise, tx._code, tx._x, tx._y = subset, 0, [], 0, 0
        theirs = tx._formatText(text)
        again = type(text) is textout.Placed and bool(text.tj)     # formatted before: its templates
        ours, after = fast(text, font, size, leading, subset, doc)
        assert ours == theirs, f"{text!r}:\n ours   {ours}\n theirs {theirs}"
        assert after == tx._curSubset
        if type(text) is textout.Placed:
            seen["runs"] += 1
            seen["again"] += again
            seen["numbers"] += "TJ" in ours
        elif type(text) is str:
            seen["plain"] += 1
        return ours, after
    monkeypatch.setattr(textout, "run_code", checked)
    monkeypatch.setattr(drawing, "run_code", checked)
    return seen


def test_placed_runs_are_written_as_reportlab_writes_them(tmp_path, both_ways):
    from jpdocs.build import batch
    specs = [SEED_SPEC, *write_specs(tmp_path / "specs", spread_dates(6, seed=23), notice_only=True)]
    specs += sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml")
                    if not p.name.endswith(".facts.yaml"))[:4]
    batch._init_worker(("pdf",), None)
    for spec in specs:
        res = batch.build_one(str(spec), str(tmp_path / "out"), ("pdf",), None, force=True)
        assert res.status == "built", res.problems
    # the fast path ran, on runs with adjusted glyphs (TJ arrays with numbers) too
    assert both_ways["runs"] > 150
    assert both_ways["numbers"] > 50
    assert both_ways["again"] > 30                    # runs written again from their templates
    assert both_ways["plain"] > 100


def test_subset_names_are_reportlabs_in_each_document():
    """textout.subset_name remembers reportlab's names of a font's subsets with each
    document: the same names getSubsetInternalName gives, for two fonts named in
    either order in two documents, before and after a second subset is opened."""
    from reportlab.pdfbase.pdfdoc import PDFDocument
    from reportlab.pdfbase.pdfmetrics import getFont
    from jpdocs.fonts import registry
    from jpdocs.spec.style import load_style
    from jpdocs.writers.textout import subset_name

    roles = registry.register(load_style())
    mincho, gothic = getFont(roles["mincho"]), getFont(roles["gothic"])
    kanji = [chr(c) for c in range(0x4E00, 0x5400) if c in mincho.face.charToGlyph][:300]
    ours, theirs = PDFDocument(), PDFDocument()
    for doc in (ours, theirs):
        for font in (gothic, mincho):
            font.splitString("北海道", doc)
    for font in (gothic, mincho):
        assert subset_name(font, 0, ours) == font.getSubsetInternalName(0, theirs)
    mincho.splitString("".join(kanji), ours), mincho.splitString("".join(kanji), theirs)
    assert subset_name(mincho, 1, ours) == mincho.getSubsetInternalName(1, theirs)
    assert subset_name(mincho, 0, ours) != subset_name(mincho, 1, ours) != subset_name(gothic, 0, ours)
    other = PDFDocument()                     # another document: named anew, mincho first
    mincho.splitString("北", other), gothic.splitString("北", other)
    assert subset_name(mincho, 0, other) != subset_name(mincho, 0, ours)
    assert subset_name(gothic, 0, other) == gothic.getSubsetInternalName(0, other)


def test_a_byte_string_is_escaped_byte_by_byte():
    """textout escapes each byte alone (_ESCAPED) and joins the pieces: what escapePDF
    writes for the whole string, for every byte and for random strings of them."""
    import random
    from reportlab.lib.rl_accel import escapePDF
    from jpdocs.writers.textout import _ESCAPED
    rng = random.Random(3)
    strings = [bytes((i,)) for i in range(256)] + [rng.randbytes(rng.randint(1, 60)) for _ in range(500)]
    for b in strings:
        assert "".join(_ESCAPED[c] for c in b) == escapePDF(b), b


def test_a_colour_is_set_as_reportlab_sets_it():
    """FastText.setFillColor's short way for a plain Color against reportlab's
    PDFTextObject.setFillColor, on two canvases with the same history: the same
    operators in the text object and on the canvas (an alpha's graphics state),
    the same colour kept, the same PDF version; colours of other kinds, an alpha
    given, and a named colour go to reportlab's own way."""
    import io
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas
    from jpdocs.writers.textout import FastText

    sequence = [colors.black, colors.black, colors.Color(0.2, 0.4, 0.6), colors.Color(0, 0, 0, alpha=0.5),
                colors.Color(0, 0, 0, alpha=0.5), colors.black, colors.CMYKColor(0, 0, 0, 1),
                colors.Color(1, 0, 0, alpha=None), "red", (0.1, 0.2, 0.3), colors.Color(0, 0, 0, alpha=1.0)]
    ours, theirs = Canvas(io.BytesIO()), Canvas(io.BytesIO())
    ours_text, their_text = FastText(ours), PDFTextObject(theirs)
    for colour in sequence:
        ours_text.setFillColor(colour)
        PDFTextObject.setFillColor(their_text, colour)
        assert ours_text._code == their_text._code, colour
        assert ours._code == theirs._code, colour
        assert ours_text._fillColorObj == their_text._fillColorObj
        assert ours._doc._pdfVersion == theirs._doc._pdfVersion
    ours_text.setFillColor(colors.black, alpha=0.25)
    PDFTextObject.setFillColor(their_text, colors.black, alpha=0.25)
    assert ours._code == theirs._code and ours_text._code == their_text._code
    assert sum(" gs" in c for c in ours_text._code) >= 3  # alphas changed the state, in the text
