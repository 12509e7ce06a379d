"""textout.FastText.__init__ makes a text object as reportlab's PDFTextObject.__init__
makes it (the canvas's beginText), without its calls: the same attributes, in the
same order, with the same values; and a real build whose text objects are begun
reportlab's way is the same bytes. TaggingCanvas.drawText writes what reportlab's
Canvas.drawText writes."""
from __future__ import annotations

import io

import pytest
from conftest import seed_pdfs_in_process


def _canvas(font=None, size=None, bottomup=1):
    from jpdocs.writers.tags import Node, TaggingCanvas
    c = TaggingCanvas(io.BytesIO(), jp_tree=Node("Document"), bottomup=bottomup)
    if font:
        c.setFont(font, size, leading=size * 1.5)
    return c


@pytest.mark.parametrize("font, size, x, y, direction, bottomup", [
    (None, None, 0, 0, None, 1), ("Times-Roman", 10.5, 12.25, 700.125, None, 1),
    ("Courier", 9, -3, 1e-7, None, 1), ("Courier", 9, 3, 4, "RTL", 1), ("Courier", 9, 3, 4, None, 0)])
def test_a_begun_text_object_is_reportlabs(font, size, x, y, direction, bottomup):
    from reportlab.pdfgen.textobject import PDFTextObject
    from jpdocs.writers.tags import _TaggedText
    c = _canvas(font, size, bottomup)
    fast = c.beginText(x, y, direction)
    plain = _TaggedText.__new__(_TaggedText)
    PDFTextObject.__init__(plain, c, x, y, direction)
    assert type(fast) is type(plain)
    assert list(vars(fast).items()) == list(vars(plain).items())


def test_a_text_object_is_begun_without_reportlabs_calls(monkeypatch):
    from reportlab.pdfgen import textobject
    c = _canvas("Helvetica", 10)

    def refused(*a, **k):
        raise AssertionError("reportlab's way")
    monkeypatch.setattr(textobject, "pdfmetrics_getFont", refused)
    monkeypatch.setattr(textobject.PDFTextObject, "setTextOrigin", refused)
    assert c.beginText(5, 6)._code == ["BT", "1 0 0 1 5 6 Tm"]


def test_a_build_with_text_objects_begun_either_way_is_the_same_bytes(tmp_path, monkeypatch):
    from reportlab.pdfgen.textobject import PDFTextObject
    from jpdocs.build import batch
    from jpdocs.writers.textout import FastText
    batch._init_worker(("pdf",), None)
    short = seed_pdfs_in_process(tmp_path / "short")
    monkeypatch.setattr(FastText, "__init__", PDFTextObject.__init__)
    long = seed_pdfs_in_process(tmp_path / "long")
    assert short.keys() == long.keys() and short
    for name in short:
        assert short[name] == long[name], name


def test_an_origin_begun_again_is_written_as_reportlab_writes_it(monkeypatch):
    """The Tm of a text object's origin comes from a memo of its text (textout._ORIGINS),
    keyed by the numbers' values: origins begun again, and origins equal in value but
    not in type (0, 0.0, -0.0; 1, 1.0, True), each written as reportlab writes it; the
    memo forgotten whole when full."""
    from reportlab.pdfgen.textobject import PDFTextObject
    from jpdocs.writers import textout
    from jpdocs.writers.tags import _TaggedText
    monkeypatch.setattr(textout, "_ORIGINS", {})
    monkeypatch.setattr(textout, "_ORIGINS_LIMIT", 8)
    c = _canvas("Courier", 9)
    origins = [(0, 0), (0.0, -0.0), (-0.0, 0.0), (1, True), (1.0, 1), (True, 1.0), (21, 5.25),
               (21.0, 5.25), (10.5, 12.599999999999998), (10.5, 12.6), (1e-7, -1e-7), (1.5e-7, 3.000000001),
               (72.5, 700.125), (-3, 4), (21, 700.125), (72.5, 5.25), (5.25, 72.5)] * 2
    for x, y in origins:
        fast = c.beginText(x, y)
        plain = _TaggedText.__new__(_TaggedText)
        PDFTextObject.__init__(plain, c, x, y)
        assert fast._code == plain._code, (x, y)
        assert len(textout._ORIGINS) <= 8
    assert textout._ORIGINS                            # (remembered, and forgotten when full)


def test_a_number_remembered_is_fp_strs_text():
    """textout.number (fp_str remembered) is fp_str's text for one number, and several
    numbers are each written alone: fp_str(x, 0) is number(x) + " 0" (drawing.py's line
    moves)."""
    import random
    from reportlab.lib.rl_accel import fp_str
    from jpdocs.writers.textout import number
    r = random.Random(11)
    values = [0, 0.0, -0.0, 1, True, 1e-7, -1e-7, 1.5e-7, 10.5, 12.6, 15.75, 1e19, -3.25]
    values += [r.uniform(-1000, 1000) for _ in range(2000)] + [r.uniform(-1, 1) for _ in range(2000)]
    values += [round(r.uniform(0, 600), r.randint(0, 8)) for _ in range(2000)]
    for v in values * 2:
        assert number(v) == fp_str(v), v
        assert f"{number(v)} 0" == fp_str(v, 0), v


def _reportlab_draw_text(canvas, t):
    """tags.TaggingCanvas.drawText as it was, through reportlab's Canvas.drawText."""
    from reportlab.pdfgen.canvas import Canvas
    if getattr(t, "jp_tagged", False):
        t.jp_tagged = canvas.jp_current = False
        t._code.append("EMC")
        canvas._code.append("EMC")
        Canvas.drawText(canvas, t)
        canvas._code.append("/Artifact BMC")
    else:
        Canvas.drawText(canvas, t)


def test_a_text_object_is_drawn_as_reportlabs_drawtext_draws_it():
    """Tagged and untagged text objects, a clipping one too (getCode adds its Tr):
    the canvas's code and state after TaggingCanvas.drawText are those after the
    drawing through reportlab's Canvas.drawText."""
    from jpdocs.writers.tags import Node

    def draw(drawer):
        c = _canvas("Courier", 9)
        node = Node("P")
        for tagged, clip in [(True, 0), (False, 0), (True, 4), (False, 4)]:
            if tagged:
                c.jp_text((node, None))
            t = c.beginText(3, 4)
            if clip:
                t.setTextRenderMode(7)
            t.textOut("ab")
            drawer(c, t)
            assert c.jp_current is False or not tagged
        return c._code, c.jp_current, [len(marks) for marks in c.jp_by_page]
    assert draw(lambda c, t: c.drawText(t)) == draw(_reportlab_draw_text)


def test_a_build_with_reportlabs_drawtext_is_the_same_bytes(tmp_path, monkeypatch):
    from jpdocs.build import batch
    from jpdocs.writers.tags import TaggingCanvas
    batch._init_worker(("pdf",), None)
    short = seed_pdfs_in_process(tmp_path / "short")
    monkeypatch.setattr(TaggingCanvas, "drawText", _reportlab_draw_text)
    long = seed_pdfs_in_process(tmp_path / "long")
    assert short.keys() == long.keys() and short
    for name in short:
        assert short[name] == long[name], name
