#!/usr/bin/env python3
"""What tagging (PDF/UA-1, writers/tags.py) costs: each PDF of a few specs built
in this process with tagging and without, alternately, and the median times.

    python benchmarks/bench_tagging.py [--runs 30] [SPEC ...]

"Without" draws on reportlab's plain canvas (no marked content, no structure
tree, no XMP) and adds the signature fields untagged; the builder still makes
its structure nodes, which is part of the cost measured as "with". Target
(issue #15): tagging under 15% of a PDF's build time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT)]

TARGET = 0.15
DEFAULT_SPECS = [ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml",
                 ROOT / "tests" / "data" / "real" / "moriya-yakult-2023.yaml",
                 ROOT / "tests" / "data" / "real" / "emecs-env-2024.yaml"]


@contextmanager
def untagged():
    """Draw on a canvas that tags nothing."""
    from reportlab.pdfgen.canvas import Canvas
    from jpdocs.pdf import sig_fields
    from jpdocs.writers import pages
    saved = pages.tagging_canvas, sig_fields._tag_fields
    pages.tagging_canvas = lambda tree, forms=False: Canvas
    sig_fields._tag_fields = lambda f, widgets: None
    try:
        yield
    finally:
        pages.tagging_canvas, sig_fields._tag_fields = saved


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=30, help="builds of each PDF, each way (default 30)")
    ap.add_argument("specs", nargs="*", type=Path, default=DEFAULT_SPECS)
    args = ap.parse_args()
    from jpdocs.build.documents import make_documents, render_files, style_for
    from jpdocs.spec.load import load_spec
    from jpdocs.writers.fit import fit_style

    print(f"tagging cost, median of {args.runs} builds each way (ms); target: under {TARGET:.0%}")
    worst, total_with, total_without = 0.0, 0.0, 0.0
    for spec in args.specs:
        loaded = load_spec(spec)
        style = style_for(loaded)
        for doc in make_documents(loaded, style):
            st = fit_style(doc, style, str(spec)) if doc.fit_one_page else style
            render_files(doc, st, ("pdf",))                    # warm: fonts, caches
            with untagged():
                render_files(doc, st, ("pdf",))
            times = {"with": [], "without": []}
            for _ in range(args.runs):
                for way in ("with", "without"):                # alternately, so that load affects both
                    start = time.process_time()
                    if way == "with":
                        render_files(doc, st, ("pdf",))
                    else:
                        with untagged():
                            render_files(doc, st, ("pdf",))
                    times[way].append(time.process_time() - start)
            a, b = statistics.median(times["with"]), statistics.median(times["without"])
            cost = (a - b) / a
            worst, total_with, total_without = max(worst, cost), total_with + a, total_without + b
            print(f"  {spec.stem[:34]:<34} {doc.kind:<20} {a * 1000:7.1f} {b * 1000:7.1f}  {cost:6.1%}")
    overall = (total_with - total_without) / total_with
    print(f"  all together: {overall:.1%} of the build time; the worst PDF {worst:.1%}"
          f"  {'ok' if worst < TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
