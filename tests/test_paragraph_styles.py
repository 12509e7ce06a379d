"""paragraph_styles.paragraph_style makes the ParagraphStyle reportlab's constructor
makes: the same attributes with the same values, in the same order, for a style
without a parent, with one, and for every style a notice's blocks make."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle

from jpdocs.writers import blocks
from jpdocs.writers.paragraph_styles import paragraph_style


def _same(made: ParagraphStyle, want: ParagraphStyle) -> None:
    assert type(made) is type(want)
    assert list(made.__dict__.items()) == list(want.__dict__.items())


def test_a_style_without_parent_is_reportlabs():
    kw = dict(fontName="Helvetica", fontSize=10.5, leading=18, alignment=4, wordWrap="CJK",
              textColor=colors.black, bulletFontName="Helvetica", bulletFontSize=10.5)
    _same(paragraph_style("body", **kw), ParagraphStyle("body", **kw))


def test_a_derived_style_is_reportlabs():
    base = ParagraphStyle("body", fontName="Helvetica", fontSize=12, leading=20, wordWrap="CJK")
    base.jp_extra = "set after"          # an attribute the defaults lack is inherited too
    for kw in ({}, dict(leftIndent=21, bulletIndent=10.5, spaceBefore=6, keepWithNext=1, textColor=colors.red),
               dict(alignment=TA_CENTER, name_like="x")):
        made, want = paragraph_style("item-1", parent=base, **kw), ParagraphStyle("item-1", parent=base, **kw)
        _same(made, want)
        assert made.parent is base and made.name == "item-1" and made.jp_extra == "set after"
    # and one of one: the grandchild's parent is the child
    child = paragraph_style("c", parent=base, leftIndent=5)
    _same(paragraph_style("g", parent=child, spaceAfter=3), ParagraphStyle("g", parent=child, spaceAfter=3))


def test_every_style_a_notice_makes_is_reportlabs(monkeypatch, tmp_path):
    """Build the example notice's blocks both ways: the styles the builder made are
    reportlab's, attribute for attribute."""
    made = []

    def recording(name, parent=None, **kw):
        style = paragraph_style(name, parent, **kw)
        # (as made: the builder may set an attribute afterwards, as on any style)
        made.append((list(style.__dict__.items()), ParagraphStyle(name, parent=parent, **kw), type(style)))
        return style

    monkeypatch.setattr(blocks, "paragraph_style", recording)
    from pathlib import Path
    from jpdocs.build import batch
    specs = sorted((Path(__file__).resolve().parent.parent / "specs").glob("*.yaml"))
    batch._init_worker(("pdf",), None)
    for spec in specs:
        batch.build_one(str(spec), str(tmp_path), ("pdf",), None, force=True)
    assert len(made) > 10
    assert any(w.parent is not None for _, w, _ in made) and any(w.parent is None for _, w, _ in made)
    for items, want, kind in made:
        assert kind is ParagraphStyle and items == list(want.__dict__.items())
