"""textout.FastText.__init__ makes a text object as reportlab's PDFTextObject.__init__
makes it (the canvas's beginText), without its calls: the same attributes, in the
same order, with the same values; and a real build whose text objects are begun
reportlab's way is the same bytes."""
from __future__ import annotations

import io

import pytest
from conftest import SEED_SPEC


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

    def build(out):
        res = batch.build_one(str(SEED_SPEC), str(out), ("pdf",), None, force=True)
        assert res.status == "built", res.problems
        return {p.name: p.read_bytes() for p in sorted(out.rglob("*.pdf"))}
    short = build(tmp_path / "short")
    monkeypatch.setattr(FastText, "__init__", PDFTextObject.__init__)
    long = build(tmp_path / "long")
    assert short.keys() == long.keys() and short
    for name in short:
        assert short[name] == long[name], name
