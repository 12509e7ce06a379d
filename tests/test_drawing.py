"""drawing.py draws a composed paragraph with exactly the operators reportlab's
own drawing writes: real specs (the seed's documents and release, the real
specs, date-shifted and text-varied notices, the copies with their marks) are
built with it and without it, and every PDF must be the same bytes."""
from __future__ import annotations

import sys

from conftest import ROOT, SEED_SPEC

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402


def _specs_drawn(tmp_path, seed):
    """The specs these tests build (the seed, three date-shifted notices made with `seed`,
    every real case), with a batch worker's set-up done for PDF."""
    from jpdocs.build import batch
    specs = [SEED_SPEC, *write_specs(tmp_path / "specs", spread_dates(3, seed=seed), notice_only=True)]
    specs += sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml")
                    if not p.name.endswith(".facts.yaml"))
    batch._init_worker(("pdf",), None)
    return specs


def _build_all(specs, out):
    """Every PDF of the specs, and of the seed spec with its originals and copy."""
    from jpdocs.build import batch
    for spec, extra in [*((s, None) for s in specs), (SEED_SPEC, {"copies": True})]:
        folder = out / ("copies" if extra else "plain")
        res = batch.build_one(str(spec), str(folder), ("pdf",), None, force=True, extra=extra)
        assert res.status == "built", res.problems
    return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.pdf"))}


def test_paragraphs_drawn_the_short_way_are_reportlabs_bytes(tmp_path, monkeypatch):
    from jpdocs.writers import composer, drawing
    specs = _specs_drawn(tmp_path, seed=31)
    drawn = {"short": 0, "long": 0}

    def counted(para):
        done = drawing.draw_lines(para)
        drawn["short" if done else "long"] += 1
        return done
    monkeypatch.setattr(composer, "draw_lines", counted)
    short = _build_all(specs, tmp_path / "short")
    monkeypatch.setattr(composer, "draw_lines", lambda para: False)
    long = _build_all(specs, tmp_path / "long")
    assert short.keys() == long.keys() and len(short) > 20
    for name in short:
        assert short[name] == long[name], f"{name} differs"
    assert drawn["short"] > 1000                       # most paragraphs the short way,
    assert drawn["long"] > 10                          # some (bullets, links …) reportlab's
