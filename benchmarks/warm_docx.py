#!/usr/bin/env python3
"""What a warm notice's DOCX costs, for counting instructions (cachegrind), which do
not move with the machine's load as times do.

    python benchmarks/warm_docx.py build N [FORMATS]   3 + N notices built, as a batch worker builds them
    python benchmarks/warm_docx.py render N            3 + N notices' models made, then render_docx on them

Run each under cachegrind with N = 20 and N = 0; the difference over 20 is one warm
notice:

    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        .venv/bin/python benchmarks/warm_docx.py build 20 pdf,docx

`build` with `pdf,docx` against `pdf` gives what the DOCX adds to a notice (its
writer and its file); `render` gives the writer alone: every model is made first
(the PDF's layout included, which the DOCX needs for its page count and line
breaks), and only then are the DOCX files rendered, the first 3 to fill the
writer's caches (the prepared package, the paragraphs a batch repeats), under the
collector's hold as the build renders them (documents.render_files). The specs are
benchmarks/specgen.py's date-shifted, text-varied copies of the example notice
(seed 13, as /work/tools/warm.py makes them for the PDF's count).
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

WARM_UP = 3


def _specs(tmp: Path, count: int) -> list[Path]:
    from specgen import spread_dates, write_specs
    return write_specs(tmp / "s", spread_dates(WARM_UP + count, seed=13), notice_only=True)


def build(count: int, formats: tuple[str, ...]) -> None:
    from jpdocs.build import batch
    tmp = Path(tempfile.mkdtemp(prefix="warm-docx-"))
    try:
        specs = _specs(tmp, count)
        batch._init_worker(formats, None)
        for spec in specs:
            batch.build_one(str(spec), str(tmp / "o"), formats, None, force=True)
    finally:
        shutil.rmtree(tmp)


def render(count: int) -> None:
    import jpdocs.writers.docx as writer
    from jpdocs import collector
    from jpdocs.build import batch
    real, asked = writer.render_docx, []

    def keep(doc, style, page_numbers=True):      # the build's call, kept for later
        asked.append((doc, style, page_numbers))
        return b""
    writer.render_docx = keep
    tmp = Path(tempfile.mkdtemp(prefix="warm-docx-"))
    try:
        specs = _specs(tmp, 20)                    # the same models whatever N: only the rendering differs
        batch._init_worker(("pdf", "docx"), None)
        for spec in specs:
            batch.build_one(str(spec), str(tmp / "o"), ("pdf", "docx"), None, force=True)
    finally:
        shutil.rmtree(tmp)
        writer.render_docx = real
    with collector.held_off():
        for doc, style, page_numbers in asked[:WARM_UP + count]:
            real(doc, style, page_numbers)


if __name__ == "__main__":
    what, n = sys.argv[1], int(sys.argv[2])
    if what == "build":
        build(n, tuple((sys.argv[3] if len(sys.argv) > 3 else "pdf,docx").split(",")))
    elif what == "render":
        if n > 20:
            sys.exit("render: at most 20 (the models are made for 3 + 20 notices)")
        render(n)
    else:
        sys.exit(__doc__)
