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


def test_a_lines_words_made_from_the_measured_widths_are_the_font_tables(tmp_path, monkeypatch):
    """A line's words are made from the widths and naturals measured with its
    composition (composition._measure), no longer from each character's font table
    looked up again: each run is what the tables give — plain where every glyph keeps
    its table's advance, else placed glyph by glyph from the tables' numbers."""
    from operator import mul
    from itertools import repeat
    from jpdocs.build import batch
    from jpdocs.writers import composer, composition
    from jpdocs.writers.composition import TEXT, widths_of
    J = composer.JParagraph
    real_recipe = J._recipe
    seen = {"plain": 0, "placed": 0}

    def checked(para, line, spans, starts, measured):
        got = real_recipe(para, line, spans, starts, measured)
        widths, naturals = measured
        tables = []                      # the naturals as the font tables give them
        for fs, fe, f, kind in spans:
            if kind == TEXT:
                table = widths_of(f.fontName)
                own = [table[ch] for ch in para.text[fs:fe]]
                assert list(map(repr, naturals[fs:fe])) == list(map(repr, own))
                assert list(map(repr, widths[fs:fe])) == list(map(repr, map(mul, own, repeat(f.fontSize / 1000.0))))
            tables += [table[ch] for ch in para.text[fs:fe]] if kind == TEXT else [0.0] * (fe - fs)
        first, texts = got[0], got[1]
        for j, text in enumerate(texts):          # (a word for each stretch the line draws from)
            fs, fe, f, kind = spans[first + j]
            if kind != TEXT:
                continue
            a, b = max(line.start, fs), min(line.end, fe)
            want = J._placed_by_glyph(para, line, a, b, tables, f.fontSize)     # (plain: the text itself)
            assert _same(text, want), para.text[a:b]
            seen["plain" if type(text) is str else "placed"] += 1
        return got
    monkeypatch.setattr(J, "_recipe", staticmethod(checked))
    monkeypatch.setattr(composition, "_COMPOSED", {})
    monkeypatch.setattr(composer, "_WRAPPED", {})
    specs = [SEED_SPEC, *write_specs(tmp_path / "specs", spread_dates(2, seed=7), notice_only=True)]
    specs += sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml")
                    if not p.name.endswith(".facts.yaml"))[6:12]
    batch._init_worker(("pdf",), None)
    for spec in specs:
        res = batch.build_one(str(spec), str(tmp_path / "out"), ("pdf",), None, force=True)
        assert res.status == "built", res.problems
    assert seen["plain"] > 50 and seen["placed"] > 50, seen
