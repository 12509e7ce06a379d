"""The composer remembers a composition (composition.composed, which the composer
calls) by the paragraph's text and the font and size of each of its stretches, and
with it each line's words (_recipe): paragraphs drawn from what an earlier paragraph
left must be drawn as a paragraph composed afresh would be. Checked on real builds
(warm caches against no memory at all) and on paragraphs made to collide: the same
text with its stretches in other fonts, or the font changed at another place."""
from __future__ import annotations

import sys

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from conftest import ROOT, SEED_SPEC

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402


class _Forgetful(dict):
    """A memory that never remembers."""

    def __setitem__(self, key, value):
        pass


class _Counting(dict):
    """A memory that counts what it answers."""
    answered = 0

    def get(self, key, default=None):
        got = super().get(key, default)
        self.answered += got is not None
        return got


def _afresh(monkeypatch):
    """Every paragraph wrapped and composed, and every line's words made, afresh."""
    from jpdocs.writers import composer, composition
    composed = composer.composed
    monkeypatch.setattr(composer, "_WRAPPED", _Forgetful())

    def forgetting(*args):
        para, lines, _, measured = composed(*args)
        return para, lines, _Forgetful(), measured
    monkeypatch.setattr(composition, "_COMPOSED", _Forgetful())
    monkeypatch.setattr(composer, "composed", forgetting)


def _drawn(texts, style, width):
    """Each paragraph wrapped and drawn on a page of its own: the pages' operators."""
    from jpdocs.writers.composer import JParagraph
    canvas = Canvas("unused.pdf", invariant=1)
    pages = []
    for text in texts:
        para = JParagraph(text, style)
        para.wrap(width, 1000)
        para.drawOn(canvas, 50, 500)
        pages.append("\n".join(canvas._code))
        canvas.showPage()
    return pages


def test_paragraphs_of_the_same_text_in_other_fonts_are_drawn_as_composed_afresh(monkeypatch):
    from jpdocs.spec.style import load_style
    from jpdocs.writers import composition
    from jpdocs.writers.blocks import BlockBuilder
    font = BlockBuilder(load_style()).font
    mincho, gothic = font["mincho"], font["gothic"]
    text = "北海道オホーツク総合振興局と斜里町は、（災害時における相互支援）体制の構築、人材の育成及び交流に関すること"
    cut = [10, 20, 30]

    def marked(a, b, name):
        return f'{text[:a]}<font name="{name}">{text[a:b]}</font>{text[b:]}'
    texts = [text, text, marked(*cut[:2], gothic), marked(*cut[1:], gothic), marked(*cut[:2], gothic),
             f'<font name="{gothic}">{text}</font>', f'<font name="{gothic}" size="12">{text}</font>',
             text + "<br/><br/>" + text, text]
    style = ParagraphStyle("t", fontName=mincho, fontSize=10.5, leading=18, alignment=TA_JUSTIFY, wordWrap="CJK")
    monkeypatch.setattr(composition, "_COMPOSED", {})
    remembered = _drawn(texts, style, 200)
    assert len(composition._COMPOSED) == 6             # the repeats were taken from memory
    _afresh(monkeypatch)
    afresh = _drawn(texts, style, 200)
    assert remembered == afresh
    assert len(set(afresh)) == 6                       # the fonts do change what is drawn
    assert all("TJ" in page for page in afresh)        # justified: glyphs placed by the composer


def test_notices_drawn_from_remembered_compositions_are_the_bytes_composed_afresh(tmp_path, monkeypatch):
    from jpdocs.build import batch
    from jpdocs.writers import composer, composition
    specs = [SEED_SPEC, *write_specs(tmp_path / "specs", spread_dates(6, seed=41), notice_only=True)]
    batch._init_worker(("pdf",), None)

    def build(out):
        for spec in specs:
            res = batch.build_one(str(spec), str(out), ("pdf",), None, force=True)
            assert res.status == "built", res.problems
        return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.pdf"))}
    seen = {"hits": 0}
    composed = composer.composed

    def counted(text, spans, fonts, *rest):
        seen["hits"] += (text, fonts, *rest) in composition._COMPOSED
        return composed(text, spans, fonts, *rest)
    monkeypatch.setattr(composer, "composed", counted)
    monkeypatch.setattr(composer, "_WRAPPED", _Forgetful())    # every wrap asks for its composition
    build(tmp_path / "warm")                           # the caches filled
    remembered = build(tmp_path / "remembered")
    assert seen["hits"] > 500
    # a story's paragraph wrapped before (its frags are the house memo's: blocks.py)
    # takes its lines from composer._WRAPPED
    monkeypatch.setattr(composer, "_WRAPPED", _Counting())
    build(tmp_path / "warm-wraps")
    shared = build(tmp_path / "shared")
    assert composer._WRAPPED.answered > 300
    _afresh(monkeypatch)
    afresh = build(tmp_path / "afresh")
    assert remembered.keys() == afresh.keys() == shared.keys() and len(afresh) > 8
    for name in afresh:
        assert remembered[name] == afresh[name], f"{name} differs"
        assert shared[name] == afresh[name], f"{name} differs with the wraps shared"
