"""flowables.MeasuredTable skips a table's second measure at the same width (a kept
table: its KeepTogether's, then the frame's) and nothing else: real documents come
out byte for byte as with reportlab's Table, and a height that cuts the measure
short measures again."""
from __future__ import annotations

import pytest
from reportlab.platypus import Table

from conftest import ROOT, SEED_SPEC


def _build(specs, out, monkeypatch, table_class):
    """Every spec's documents as PDF with `table_class` for the blocks' tables; the
    files' bytes by name, and how many times reportlab measured a table (_calc)."""
    from jpdocs.build import batch
    from jpdocs.writers import table_shapes
    monkeypatch.setattr(table_shapes, "MeasuredTable", table_class)
    table_shapes._MADE.clear()             # (tables of the other class, copied by their shape)
    calls = []
    calc = Table._calc
    monkeypatch.setattr(Table, "_calc", lambda self, w, h: calls.append((w, h)) or calc(self, w, h))
    batch._init_worker(("pdf",), None)
    for spec in specs:
        res = batch.build_one(str(spec), str(out), ("pdf",), None, force=True)
        assert res.status == "built", res.problems
    files = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.pdf"))}
    monkeypatch.undo()
    table_shapes._MADE.clear()
    return files, len(calls)


def test_documents_are_the_same_with_fewer_measures(tmp_path, monkeypatch):
    from jpdocs.writers.flowables import MeasuredTable
    real = sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml")
                  if not p.name.endswith(".facts.yaml"))
    specs = [SEED_SPEC, *real[:6]]
    ours, ours_calls = _build(specs, tmp_path / "ours", monkeypatch, MeasuredTable)
    theirs, their_calls = _build(specs, tmp_path / "theirs", monkeypatch, Table)
    assert len(ours) >= 10 and ours.keys() == theirs.keys()
    for name in ours:
        assert ours[name] == theirs[name], name
    assert ours_calls < their_calls


def test_a_height_that_cuts_the_measure_short_measures_again():
    """reportlab's long-table shortcut stops measuring rows past the height given
    (in a table whose cells span rows): such a measure is never reused, and after
    it a full one is made again."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph
    from jpdocs.writers.flowables import MeasuredTable

    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=10, leading=12)

    def rows():
        return [[Paragraph(f"row {i} " * (i + 1), style)] for i in range(12)]

    spans = [("SPAN", (0, 0), (0, 1))]
    ours = MeasuredTable(rows(), colWidths=[120], style=spans)
    theirs = Table(rows(), colWidths=[120], style=spans)
    for avail in [(200, 1e6), (200, 1e6), (200, 50), (200, 1e6), (180, 1e6), (200, 1e6)]:
        assert ours.wrap(*avail) == theirs.wrap(*avail), avail
        assert ours._rowHeights == theirs._rowHeights
        assert ours._rowpositions == theirs._rowpositions
    full = theirs.wrap(200, 1e6)[1]
    assert theirs.wrap(200, 50)[1] < full         # (the shortcut did cut that measure short)


@pytest.fixture(autouse=True)
def _no_long_table_change():
    from reportlab import rl_config
    assert rl_config.longTableOptimize          # the case MeasuredTable's reasoning covers
    yield
