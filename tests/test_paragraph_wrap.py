"""JParagraph.wrap (composer.py) is reportlab's Paragraph.wrap without the look-ups a
paragraph of ours never needs: every paragraph wrapped while real specs are built
(the seed's documents, three made notices, every real case) is wrapped again by
reportlab's own and must answer the same and be left the same; the files built
with reportlab's wrap are the same bytes."""
from __future__ import annotations

from test_drawing import _build_all, _specs_drawn  # (every PDF of the specs, and the seed's copies)


def test_a_paragraphs_wrap_is_reportlabs(tmp_path, monkeypatch):
    from reportlab.platypus.paragraph import Paragraph
    from jpdocs.writers import composer
    own = composer.JParagraph.wrap
    seen = {"own": 0, "reportlab": 0}
    assert not hasattr(composer.JParagraph, "autoLeading")   # (reportlab asks the paragraph first)

    def both(self, width, height):
        got = own(self, width, height)
        mine = dict(self.__dict__)
        theirs = Paragraph.wrap(self, width, height)
        assert got == theirs, (self.getPlainText()[:20], got, theirs)
        after = self.__dict__
        assert list(mine) == list(after), self.getPlainText()[:20]     # (the same names, in order)
        for name in ("width", "_wrapWidths", "height"):
            assert mine[name] == after[name], (self.getPlainText()[:20], name)
        assert mine["blPara"] is after["blPara"]                      # (the lines breakLinesCJK keeps)
        short = self.style.wordWrap == "CJK" and "autoLeading" not in self.__dict__
        seen["own" if short else "reportlab"] += 1
        return got
    specs = _specs_drawn(tmp_path, seed=43)
    monkeypatch.setattr(composer.JParagraph, "wrap", both)
    checked = _build_all(specs, tmp_path / "checked")
    assert seen["own"] > 1000
    monkeypatch.setattr(composer.JParagraph, "wrap", own)
    fast = _build_all(specs, tmp_path / "fast")
    monkeypatch.setattr(composer.JParagraph, "wrap", Paragraph.wrap)
    plain = _build_all(specs, tmp_path / "plain")
    assert fast.keys() == plain.keys() == checked.keys() and len(fast) > 20
    for name in fast:
        assert fast[name] == plain[name], f"{name} differs"


def test_a_paragraph_with_auto_leading_is_wrapped_by_reportlab():
    """autoLeading (the paragraph's own or its style's) changes the height: reportlab's."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus.paragraph import Paragraph
    from jpdocs.spec.style import load_style
    from jpdocs.writers.blocks import BlockBuilder
    from jpdocs.writers.composer import JParagraph
    mincho = BlockBuilder(load_style()).font["mincho"]
    for where in ("style", "paragraph"):
        style = ParagraphStyle("p", fontName=mincho, fontSize=10, leading=5, wordWrap="CJK",
                               **({"autoLeading": "max"} if where == "style" else {}))
        para = JParagraph("報道機関各位", style)
        if where == "paragraph":
            para.autoLeading = "max"
        got = para.wrap(200, 100)
        assert got == Paragraph.wrap(para, 200, 100)
        assert got[1] > 5                        # (the font's height, not the leading of 5)
