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


def test_split_string_gives_reportlabs_pieces_and_codes():
    """split_string's shortcut (every character coded, one subset) against
    reportlab's splitString, on two documents with the same history: new
    characters, a no-break space, a character the font lacks, the move to a
    second and third subset, pieces spanning two subsets, an empty text."""
    import random
    from reportlab.pdfbase.pdfdoc import PDFDocument
    from reportlab.pdfbase.pdfmetrics import getFont
    from jpdocs.fonts import registry
    from jpdocs.spec.style import load_style
    from jpdocs.writers.textout import split_string

    font = getFont(registry.register(load_style())["mincho"])
    ours_doc, their_doc = PDFDocument(), PDFDocument()
    kanji = [chr(c) for c in range(0x4E00, 0x4E00 + 3000) if ord(chr(c)) in font.face.charToGlyph][:700]
    rng = random.Random(5)
    texts = ["", "北海道オホーツク総合振興局", "北海道", "\xa0北海道", "道\U0001F600北", "令和６年４月１日"]
    texts += ["".join(rng.choices(kanji[:k], k=rng.randint(1, 40))) for k in range(20, 700, 7)]
    texts += ["".join(rng.choices(kanji, k=rng.randint(1, 40))) for _ in range(300)]
    texts += ["".join(rng.choices(kanji[:150], k=rng.randint(1, 40))) for _ in range(300)]   # all coded
    shortcuts = 0
    for t in texts:
        state = font.state.get(ours_doc)
        known = bool(t) and state is not None and all(ord(c) in state.assignments for c in t)
        ours, theirs = split_string(font, t, ours_doc), font.splitString(t, their_doc)
        assert ours == theirs, t
        shortcuts += known and len(ours) == 1
    assert font.state[ours_doc].assignments == font.state[their_doc].assignments
    assert font.state[ours_doc].nextCode > 512           # three subsets were reached
    assert shortcuts > 100                                # and the shortcut was taken


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
