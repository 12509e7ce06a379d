"""textout.py writes the composer's runs (placed and plain) exactly as reportlab's own _formatText
would: every run of real builds (the seed spec's three documents, date-shifted
and text-varied notices, the real specs' agreements) is written both ways and
compared operator for operator."""
from __future__ import annotations

import sys

import pytest
from reportlab.pdfgen.textobject import PDFTextObject

from conftest import ROOT, SEED_SPEC

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402


@pytest.fixture
def both_ways(monkeypatch):
    from jpdocs.writers import textout
    seen = {"runs": 0, "numbers": 0, "plain": 0}
    fast = textout.FastText._formatText

    def checked(self, text):
        before = self._curSubset
        theirs = PDFTextObject._formatText(self, text)
        after = self._curSubset
        self._curSubset = before
        ours = fast(self, text)
        assert ours == theirs, f"{text!r}:\n ours   {ours}\n theirs {theirs}"
        assert self._curSubset == after
        if type(text) is textout.Placed:
            seen["runs"] += 1
            seen["numbers"] += "TJ" in ours
        elif type(text) is str:
            seen["plain"] += 1
        return ours
    monkeypatch.setattr(textout.FastText, "_formatText", checked)
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
    assert both_ways["plain"] > 100
