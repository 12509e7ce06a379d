"""canvas_state.StateCanvas saves, restores and translates the graphics state its own
way: the code it writes and the state it leaves must be reportlab's, step by step and
in whole documents."""
from __future__ import annotations

import io
import sys

from conftest import ROOT, SEED_SPEC

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402
from test_drawing import _build_all  # noqa: E402  (every PDF of the specs, and the seed's copies)

_OFFSETS = [(56.69, 700.123), (0, 0), (1, 1.0), (-0.0, 0.0), (True, False), (-12.5, 3e-8), (1e-8, -1e-8),
            (123456.789, -0.001), (72, 841.8897637795277), (0.5, -0.25)]


def _steps(canv):
    """A drawing's state changes, nested, with translates alone and after a transform;
    each step yields (the state compared after every one)."""
    from reportlab.lib import colors
    for dx, dy in _OFFSETS:
        for step in (canv.saveState, lambda: canv.translate(dx, dy),
                     lambda: canv.setFillColor(colors.Color(0.85, 0.85, 0.85)),
                     lambda: canv.setFillAlpha(0.5),       # (an ExtGState entry: the inner state's own copy)
                     lambda: canv.setLineCap(1), lambda: canv.setLineJoin(2), canv.saveState,
                     lambda: canv.rotate(45),
                     lambda: canv.translate(dx, dy),       # (merged with the rotation by reportlab)
                     lambda: canv.setFont("Helvetica", 7),
                     lambda: canv.translate(dy, dx),       # (in the rotated space, on its own)
                     lambda: canv.setLineWidth(3), lambda: canv.setLineCap(0), lambda: canv.setLineJoin(1),
                     canv.restoreState, lambda: canv.translate(dy, dx), canv.restoreState):
            step()
            yield


def _state(canv) -> dict:
    from reportlab.pdfgen.canvas import Canvas
    d = canv.__dict__
    state = {name: d[name] for name in Canvas.STATE_ATTRIBUTES if name != "_extgstate"}
    state["_extgstate"] = (type(d["_extgstate"]), dict(d["_extgstate"]._d), d["_extgstate"]._c)
    return state


def test_state_saved_restored_and_translated_as_reportlab_does():
    from reportlab.pdfgen.canvas import Canvas
    from jpdocs.writers import canvas_state
    canvas_state._TRANSLATIONS.clear()
    ours, theirs = canvas_state.StateCanvas(io.BytesIO(), invariant=1), Canvas(io.BytesIO(), invariant=1)
    for _ in zip(_steps(ours), _steps(theirs)):
        assert ours._code == theirs._code
        assert _state(ours) == _state(theirs)
        assert [type(v) for v in ours._currentMatrix] == [type(v) for v in theirs._currentMatrix]
    assert canvas_state._TRANSLATIONS              # the memo's way was taken
    # and again from the memo: the same code
    for _ in zip(_steps(ours), _steps(theirs)):
        assert ours._code == theirs._code
    ours.save(), theirs.save()
    assert ours._filename.getvalue() == theirs._filename.getvalue()


def test_translations_remembered_within_their_bound(monkeypatch):
    from jpdocs.writers import canvas_state
    monkeypatch.setattr(canvas_state, "_TRANSLATIONS_LIMIT", 3)
    canvas_state._TRANSLATIONS.clear()
    canv = canvas_state.StateCanvas(io.BytesIO())
    for i in range(10):
        canv.saveState()
        canv.translate(i, i / 3)
        canv.restoreState()
        assert 1 <= len(canvas_state._TRANSLATIONS) <= 3
    assert canv._code[-2] == "1 0 0 1 9 3 cm"


def test_state_names_listed_as_reportlabs():
    """The put-back that stores each name itself is the one used (reportlab's list of
    the state's names is the one it spells out)."""
    from jpdocs.writers import canvas_state
    assert canvas_state._put_back is canvas_state._put_back_listed


def test_documents_drawn_with_reportlabs_state_calls_are_the_same_bytes(tmp_path, monkeypatch):
    from reportlab.pdfgen.canvas import Canvas
    from jpdocs.build import batch
    from jpdocs.writers import canvas_state
    specs = [SEED_SPEC, *write_specs(tmp_path / "specs", spread_dates(3, seed=41), notice_only=True)]
    specs += sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml")
                    if not p.name.endswith(".facts.yaml"))
    batch._init_worker(("pdf",), None)
    canvas_state._TRANSLATIONS.clear()
    ours = _build_all(specs, tmp_path / "ours")
    assert len(canvas_state._TRANSLATIONS) > 100
    for name in ("push_state_stack", "pop_state_stack", "translate"):
        monkeypatch.setattr(canvas_state.StateCanvas, name, getattr(Canvas, name))
    theirs = _build_all(specs, tmp_path / "theirs")
    assert ours.keys() == theirs.keys() and len(ours) > 20
    for name in ours:
        assert ours[name] == theirs[name], f"{name} differs"
