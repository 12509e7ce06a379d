"""Benchmark: the JLREQ composer against reportlab's own CJK wrap.

Lays out the seed's press notice many times in one process, both ways, and
prints the rates and their ratio:
  wrap    every paragraph of the notice broken into lines (Paragraph.wrap)
  render  the whole notice made into a PDF (wrap, split and draw)
Run:  python benchmarks/bench_composer.py [repetitions]
A script, not a timed test: timings depend on the machine.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.platypus import Paragraph  # noqa: E402
from reportlab.platypus.flowables import KeepTogether  # noqa: E402
from reportlab.platypus.tables import Table  # noqa: E402

from jpdocs.build import documents as build
from jpdocs.spec import load as spec  # noqa: E402
from jpdocs.writers import blocks, pdf  # noqa: E402
from jpdocs.writers.composer import JParagraph  # noqa: E402

SEED = Path(__file__).resolve().parent.parent / "specs" / "2024-02-27-okhotsk-kitami.yaml"


class PlainParagraph(Paragraph):
    """reportlab's Paragraph with its own CJK wrap, taking the composer's arguments."""

    def __init__(self, text, style=None, bulletText=None, *args, settings=None, phrases=False, **kw):
        super().__init__(text, style, bulletText, *args, **kw)


def paragraphs(flowables):
    for f in flowables:
        if isinstance(f, Paragraph):
            yield f
        elif isinstance(f, KeepTogether):
            yield from paragraphs(f._content)
        elif isinstance(f, Table):
            for row in f._cellvalues:
                for cell in row:
                    if isinstance(cell, (list, tuple)):
                        yield from paragraphs(cell)


def rate(fn, reps):
    fn()                                             # warm up: fonts, caches
    t0 = time.perf_counter()
    for _ in range(reps):
        fn()
    return reps / (time.perf_counter() - t0)


def main(reps: int = 200, rounds: int = 5):
    loaded = spec.load_spec(SEED)
    style = build.style_for(loaded)
    doc = build.make_documents(loaded, style)[0]
    jobs = {}
    for name, cls in (("reportlab", PlainParagraph), ("composer", JParagraph)):
        blocks.JParagraph = cls
        builder = blocks.BlockBuilder(style)
        paras = list(paragraphs(builder.blocks(doc.blocks, 469.9)))

        def wrap_all(paras=paras):
            for p in paras:
                p.__dict__.pop("_jl_cache", None)
                p.wrap(469.9 - p.style.leftIndent, 1e6)

        def render(cls=cls):
            blocks.JParagraph = cls
            pdf.render_pdf(doc, style)

        jobs[name] = (wrap_all, render, len(paras))
    # rounds alternate the two ways and keep each one's best rate, so that
    # other load on the machine does not decide the ratio
    best = {(name, k): 0.0 for name in jobs for k in (0, 1)}
    for _ in range(rounds):
        for name, (wrap_all, render, _n) in jobs.items():
            best[name, 0] = max(best[name, 0], rate(wrap_all, reps))
            best[name, 1] = max(best[name, 1], rate(render, max(reps // 20, 5)))
    blocks.JParagraph = JParagraph
    print(f"seed notice: {jobs['composer'][2]} paragraphs, best of {rounds} rounds")
    for k, what in ((0, "wrap  "), (1, "render")):
        r, c = best["reportlab", k], best["composer", k]
        print(f"{what} reportlab CJK {r:8.1f}/s   composer {c:8.1f}/s   composer costs {r / c:.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
