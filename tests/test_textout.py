"""textout (run_operators, run_code) writes the composer's runs (placed and plain) as reportlab's own
_formatText places them: every run of real builds (the seed spec's three documents,
date-shifted and text-varied notices, the real specs' agreements) is written both
ways — ours in CIDs (fonts/cid.py), reportlab's in the bytes of its subsets of a
plain TTFont of the same file — and read back as the same glyphs between the same
numbers."""
from __future__ import annotations

import re
import sys

import pytest
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfgen.textobject import PDFTextObject

from conftest import ROOT, SEED_SPEC

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402

_TOKEN = re.compile(r"(/\S+) (\S+) Tf (\S+) TL|<([0-9A-F]*)>|\(((?:\\.|[^\\)])*)\)|(-?[0-9.]+)|(Tj|TJ|\[|\])")
_ESCAPE = re.compile(r"\\([0-7]{1,3}|.)", re.S)
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def _literal(s: str) -> bytes:
    """A PDF literal string's bytes (reportlab's escapes: octal and a backslash before a character)."""
    def one(m):
        e = m.group(1)
        return chr(int(e, 8)) if e[0].isdigit() else _SIMPLE.get(e, e)
    return _ESCAPE.sub(one, s).encode("latin-1")


def _glyphs(ops: str, char_of) -> tuple[list, str | None]:
    """The operators read back: each glyph's character and the numbers between
    them (neighbours summed), with the font set (`char_of(subset, code bytes)` → the
    characters), and the Tf's size and leading if any."""
    out, subset, tf = [], 0, None
    for m in _TOKEN.finditer(ops):
        name, size, leading, hexes, literal, num, _ = m.groups()
        if name:
            subset, tf = name, (size, leading)
        elif hexes is not None or literal is not None:
            out.extend(char_of(subset, hexes if hexes is not None else _literal(literal)))
        elif num is not None:
            if out and type(out[-1]) is float:
                out[-1] = round(out[-1] + float(num), 6)
            else:
                out.append(round(float(num), 6))
    return [x for x in out if x != 0.0], tf


@pytest.fixture
def both_ways(monkeypatch):
    """Every run textout writes (run_operators for drawing.py's paragraphs, run_code for FastText's)
    is written by reportlab's `PDFTextObject._formatText` too, in a plain reportlab
    TTFont of the same file (its subsets of 256 characters), and the two must draw
    the same glyphs with the same numbers between them, in the same size."""
    from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
    from jpdocs.writers import composer, drawing, textout
    seen = {"runs": 0, "numbers": 0, "plain": 0, "again": 0}
    fast = textout.run_code
    plain_fonts, their_docs = {}, {}

    def theirs(font, doc):
        rl = plain_fonts.get(font.fontName)
        if rl is None:
            from jpdocs.fonts.registry import path_of
            rl = plain_fonts[font.fontName] = ttfonts.TTFont("RL-" + font.fontName, str(path_of(font.fontName)))
            rl._asciiReadable = False
            # (registerFont would give the name the bundled font of the same face)
            monkeypatch.setitem(pdfmetrics._fonts, rl.fontName, rl)
        return rl, their_docs.setdefault(id(doc), pdfdoc.PDFDocument())

    def compared(text, font, size, leading, ours, doc):
        """Our operators and reportlab's read back as the same glyphs and numbers: the Tf
        of ours (or None), reportlab's."""
        rl, rl_doc = theirs(font, doc)
        canvas = type("C", (), {"_doc": rl_doc, "_escape": staticmethod(escapePDF)})()
        tx = PDFTextObject.__new__(PDFTextObject)
        tx._canvas, tx._fontname, tx._fontsize, tx._leading = canvas, rl.fontName, size, leading
        tx._curSubset, tx._rise, tx._code, tx._x, tx._y = -1, 0, [], 0, 0
        their_ops = tx._formatText(text)
        char_of = font.jp_cid.char_of
        our_glyphs, our_tf = _glyphs(ours, lambda _, h: [chr(char_of[int(h[i:i + 4], 16)])
                                                        for i in range(0, len(h), 4)])
        their_glyphs, their_tf = _glyphs(their_ops, lambda name, b: [chr(rl.state[rl_doc].subsets[int(name.rsplit("+", 1)[1])][c])
                                                                     for c in b])
        # the same glyphs, and the same numbers between them to a ten-thousandth: where
        # reportlab's subsets of 256 glyphs end a TJ between two numbers, it writes each
        # rounded and ours their sum rounded (343.5742 343.5742 ≠ 687.1485 by 0.0001)
        assert len(our_glyphs) == len(their_glyphs) and all(
            a == b or type(a) is float and type(b) is float and abs(a - b) <= 2e-4
            for a, b in zip(our_glyphs, their_glyphs)), f"{text!r}:\n ours   {ours}\n theirs {their_ops}"
        if type(text) is textout.Placed:
            seen["runs"] += 1
            seen["numbers"] += "TJ" in ours
        elif type(text) is str:
            seen["plain"] += 1
        return our_tf, their_tf

    def checked(text, font, size, leading, subset, doc):
        seen["again"] += type(text) is textout.Placed and bool(text.ops)    # written before: kept with the run
        ours, after = fast(text, font, size, leading, subset, doc)
        our_tf, their_tf = compared(text, font, size, leading, ours, doc)
        if text:
            assert (our_tf is None) == (subset == 0) and (our_tf is None or our_tf == their_tf)
            assert after == 0
        else:
            assert (ours, after) == ("", subset)
        return ours, after

    def checked_operators(text, coding):
        """drawing.py's runs: the operators without the font's setting (the Tf is its own)."""
        seen["again"] += type(text) is textout.Placed and bool(text.ops)
        ours, codes = operators(text, coding)
        assert compared(text, coding.font, 12, 18, ours, None)[0] is None
        assert codes == coding.code(text)
        return ours, codes
    operators = textout.run_operators
    monkeypatch.setattr(textout, "run_code", checked)
    monkeypatch.setattr(drawing, "run_operators", checked_operators)
    monkeypatch.setattr(drawing, "_key", lambda *args: None)     # every paragraph's runs written, none remembered
    monkeypatch.setattr(composer, "_WRAPPED", {})                # (nor a wrap's lines, which keep what they were drawn from)
    return seen


def test_placed_runs_are_written_as_reportlab_places_them(tmp_path, both_ways):
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
    assert both_ways["again"] > 30                    # runs written again from what they kept
    assert both_ways["plain"] > 100


def test_a_runs_operators_are_the_same_in_every_document():
    """A Placed run's operators do not depend on the document (CIDs are the font's):
    the run written in two documents, the second time from what it kept, gives the
    same operators, and each document notes the run's codes."""
    from reportlab.pdfbase.pdfdoc import PDFDocument
    from reportlab.pdfbase.pdfmetrics import getFont
    from jpdocs.fonts import registry
    from jpdocs.spec.style import load_style
    from jpdocs.writers.textout import Placed, run_code

    font = getFont(registry.register(load_style())["mincho"])
    run = Placed("北海道（オホーツク）", [1000.0] * 9 + [500.0], [0.0] * 10, [1000.0] * 10)
    one, two = PDFDocument(), PDFDocument()
    run_code("連携", font, 12, 18, -1, one)                # (another run first: the font named alike)
    first, _ = run_code(run, font, 12, 18, 0, one)
    assert run.ops
    second, _ = run_code(run, font, 12, 18, 0, two)
    assert first == second and "TJ" in first
    codes = font.jp_cid.code(run)
    assert codes in font.jp_cid.used(one) and codes in font.jp_cid.used(two)


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
