"""A paragraph is drawn without platypus's save of the canvas state by name
(canvas_state.draw_on): its drawing must leave every attribute of the state the
object it was, and the files must be the bytes platypus's drawOn makes. Real specs
(the seed's documents, three made notices, every real case, the seed's copies) are
built both ways."""
from __future__ import annotations

import io

from test_drawing import _build_all, _specs_drawn  # (every PDF of the specs, and the seed's copies)


def test_paragraphs_leave_the_state_and_are_platypus_bytes(tmp_path, monkeypatch):
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus.flowables import Flowable
    from jpdocs.writers import composer
    specs = _specs_drawn(tmp_path, seed=41)
    names = tuple(Canvas.STATE_ATTRIBUTES)
    drawn = {"short": 0, "reportlab": 0}
    draw_lines, own_draw = composer.draw_lines, composer.JParagraph.drawPara

    def counted(para):
        done = draw_lines(para)
        drawn["short" if done else "reportlab"] += 1
        return done

    def checked(self, debug=0):
        canvas = self.canv
        before = [canvas.__dict__[k] for k in names]
        own_draw(self, debug)
        after = [canvas.__dict__[k] for k in names]
        changed = [k for k, a, b in zip(names, before, after) if a is not b]
        assert not changed, f"drawing {self.getPlainText()[:20]!r} left {changed} changed"
        checks["drawn"] += 1
    checks = {"drawn": 0, "draw_on": 0}
    draw_on = composer.draw_on

    def generic(*args):
        checks["draw_on"] += 1
        return draw_on(*args)
    monkeypatch.setattr(composer, "draw_on", generic)
    monkeypatch.setattr(composer, "draw_lines", counted)
    monkeypatch.setattr(composer.JParagraph, "drawPara", checked)
    fast = _build_all(specs, tmp_path / "fast")
    assert checks["drawn"] == sum(drawn.values())      # (every paragraph drawn was checked)
    assert checks["draw_on"] < checks["drawn"] / 10     # (nearly all by JParagraph.drawOn's own steps)
    # platypus's drawOn, its _drawOn and draw, which JParagraph.drawOn writes out
    monkeypatch.setattr(composer.JParagraph, "drawOn", Flowable.drawOn)
    monkeypatch.setattr(composer.JParagraph, "drawPara", own_draw)
    plain = _build_all(specs, tmp_path / "plain")
    assert fast.keys() == plain.keys() and len(fast) > 20
    for name in fast:
        assert fast[name] == plain[name], f"{name} differs"
    assert drawn["short"] > 1000                       # most drawn by drawing.py,
    assert drawn["reportlab"] > 10                     # some (bullets, links …) by reportlab's drawPara


def test_a_canvas_with_its_own_save_gets_platypus_drawon():
    """Where saveState is the canvas's own (it may keep more than the state), the
    paragraph is drawn through platypus's drawOn, saves and all."""
    from reportlab.lib.styles import ParagraphStyle
    from jpdocs.writers import canvas_state
    from jpdocs.writers.composer import JParagraph
    from jpdocs.writers.tags import TaggingCanvas

    class Counting(TaggingCanvas):
        saves = 0

        def saveState(self):
            type(self).saves += 1
            super().saveState()

    style = ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=12)
    # (Helvetica: reportlab's drawPara, which saves the state once itself; platypus's
    # drawOn once more around it)
    for kind, saves in ((TaggingCanvas, 0), (Counting, 2)):
        canvas = kind(io.BytesIO())
        para = JParagraph("text", style)
        para.wrap(200, 100)
        matrix, depth = canvas._currentMatrix, len(canvas.state_stack)
        para.drawOn(canvas, 30, 40)
        assert canvas._currentMatrix is matrix and len(canvas.state_stack) == depth
        assert canvas._code[:2] == ["q", "1 0 0 1 30 40 cm"] and canvas._code[-1] == "Q"
        assert getattr(kind, "saves", 0) == saves
        assert canvas_state.saves_plainly(canvas) is (kind is TaggingCanvas)


def test_a_paragraphs_spaces_and_keep_are_platypus_answers():
    """JParagraph's getSpaceBefore, getSpaceAfter and getKeepWithNext answer as
    platypus's Flowable methods: its own value where set, else its style's, else 0;
    no class of the paragraph's gives those names (which hasattr would find)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus.flowables import Flowable
    from jpdocs.writers.composer import JParagraph
    names = {"getSpaceBefore": "spaceBefore", "getSpaceAfter": "spaceAfter", "getKeepWithNext": "keepWithNext"}
    assert not any(hasattr(JParagraph, name) for name in names.values())
    plain = ParagraphStyle("p", fontName="Helvetica", spaceBefore=3, spaceAfter=4.5, keepWithNext=1)
    bare = ParagraphStyle("b", fontName="Helvetica")
    for style in (plain, bare):
        for own in (None, 0, 7.25):
            para = JParagraph("text", style)
            for method, name in names.items():
                if own is not None:
                    setattr(para, name, own)
                assert getattr(para, method)() == getattr(Flowable, method)(para), (style.name, own, method)
        del style.spaceBefore                     # (a style without the name: 0, as platypus says)
        para = JParagraph("text", style)
        assert para.getSpaceBefore() == Flowable.getSpaceBefore(para)
