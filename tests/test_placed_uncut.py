"""composer.JParagraph._placed_uncut (a line not compressed, a list at a time) gives
the very run _placed_by_glyph gives (a glyph at a time): the same string, or a
Placed run with the same advances, offsets and natural widths, float for float.
Every run of real specs' lines is made both ways and compared."""
from __future__ import annotations

import sys

from conftest import ROOT, SEED_SPEC

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402


def _same(a, b) -> bool:
    if type(a) is not type(b) or str(a) != str(b):
        return False
    if type(a) is str:
        return True
    return (list(map(repr, a.adv)), list(map(repr, a.off)), list(map(repr, a.nat))) == \
        (list(map(repr, b.adv)), list(map(repr, b.off)), list(map(repr, b.nat)))


def test_a_line_not_compressed_is_placed_as_glyph_by_glyph(tmp_path, monkeypatch):
    from jpdocs.build import batch
    from jpdocs.writers import composer
    from jpdocs.writers.textout import Placed
    J = composer.JParagraph
    uncut, by_glyph = J._placed_uncut, J._placed_by_glyph
    seen = {"runs": 0, "placed": 0, "grown": 0, "at_end": 0}

    def both(para, line, a, b, table, to1000, grow):
        got = uncut(para, line, a, b, table, to1000, grow)
        want = by_glyph(para, line, a, b, table, line_size[0])
        assert _same(got, want), (para.text[a:b], line.adjust)
        seen["runs"] += 1
        seen["placed"] += type(got) is Placed
        seen["grown"] += grow > 0
        seen["at_end"] += b == line.end
        return got
    line_size = [None]

    def placed(para, line, a, b, table, size):
        line_size[0] = size
        return real_placed(para, line, a, b, table, size)
    real_placed = J._placed
    monkeypatch.setattr(J, "_placed", staticmethod(placed))
    monkeypatch.setattr(J, "_placed_uncut", staticmethod(both))
    specs = [SEED_SPEC, *write_specs(tmp_path / "specs", spread_dates(2, seed=7), notice_only=True)]
    specs += sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml")
                    if not p.name.endswith(".facts.yaml"))[:6]
    batch._init_worker(("pdf",), None)
    from jpdocs.writers import composer, composition
    monkeypatch.setattr(composition, "_COMPOSED", {})        # every line's words made here
    monkeypatch.setattr(composer, "_WRAPPED", {})
    for spec in specs:
        res = batch.build_one(str(spec), str(tmp_path / "out"), ("pdf",), None, force=True)
        assert res.status == "built", res.problems
    assert seen["runs"] > 100 and seen["grown"] > 50 and seen["runs"] - seen["grown"] > 10 and seen["at_end"] > 50, seen
