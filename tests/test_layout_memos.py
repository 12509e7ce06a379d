"""What the layout remembers from one document to the next (BudouX's answer at each
boundary, phrases.py; the house's styles and flowables, blocks.BlockBuilder._house_memo)
never changes a document: each notice of a batch is the same bytes built after the
others as built alone, with nothing remembered."""
from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402


def test_a_notice_is_the_same_bytes_built_after_others_as_built_alone(tmp_path):
    from jpdocs.build import batch
    from jpdocs.writers import blocks, composer, composition, house_memo, jlreq, phrases, table_shapes

    def forget():                                       # all the layout remembers
        phrases._STARTS.clear()
        table_shapes._MADE.clear()
        jlreq.budoux_bounds.cache_clear()
        composition._COMPOSED.clear()
        composer._WRAPPED.clear()
        house_memo.HOUSE_STYLES.clear()
    specs = write_specs(tmp_path / "specs", spread_dates(4, seed=29), notice_only=True)
    batch._init_worker(("pdf",), None)
    forget()                                            # (what other tests' documents left)

    def build(spec, out):
        res = batch.build_one(str(spec), str(out), ("pdf",), None, force=True)
        assert res.status == "built", res.problems
        return {p.name: p.read_bytes() for p in sorted(out.rglob("*.pdf"))}
    for spec in specs:                                  # each after the ones before it
        after = build(spec, tmp_path / "after" / spec.stem)
        assert phrases._STARTS and len(house_memo.HOUSE_STYLES) == 1 and table_shapes._MADE   # remembered, and used
        forget()
        alone = build(spec, tmp_path / "alone" / spec.stem)
        assert after and after == alone, spec.name
