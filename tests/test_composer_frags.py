"""A paragraph without markup gets its frags from composer._plain_frags instead of
reportlab's ParaParser: the same frags, attribute for attribute and in the same
order, for every such paragraph of real builds (the seed spec's documents, the
real specs, date-shifted and text-varied notices), and the parser still reads
every paragraph that has markup."""
from __future__ import annotations

import sys

from reportlab.platypus.paraparser import ParaParser

from conftest import ROOT, SEED_SPEC

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402


def test_plain_paragraphs_get_the_parsers_frags(tmp_path, monkeypatch):
    from jpdocs.build import batch
    from jpdocs.writers import composer
    made = composer._plain_frags
    seen = {"plain": 0, "parsed": 0}
    parse = ParaParser.parse

    def checked(text, style):
        ours = made(text, style)
        parser = ParaParser()
        parser.caseSensitive = 1
        pstyle, theirs, bullets = parse(parser, text, style)
        assert pstyle is style and bullets is None
        assert [list(f.__dict__.items()) for f in ours] == [list(f.__dict__.items()) for f in theirs], text
        # (jpdocs's ParaFrag is reportlab's bag under its own name: test_speed_paths.py)
        assert [type(f).__name__ for f in ours] == [type(f).__name__ for f in theirs]
        seen["plain"] += 1
        return ours

    def counted(self, text, style):
        seen["parsed"] += 1
        return parse(self, text, style)
    monkeypatch.setattr(composer, "_plain_frags", checked)
    monkeypatch.setattr(ParaParser, "parse", counted)
    specs = [SEED_SPEC, *write_specs(tmp_path / "specs", spread_dates(4, seed=29), notice_only=True)]
    specs += sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml")
                    if not p.name.endswith(".facts.yaml"))
    batch._init_worker(("pdf",), None)
    for spec in specs:
        res = batch.build_one(str(spec), str(tmp_path / "out"), ("pdf",), None, force=True)
        assert res.status == "built", res.problems
    assert seen["plain"] > 500
    assert seen["parsed"] > 50                       # the paragraphs with markup
