"""A PDF's layout is freed by its reference counts when the build ends, not left to
the cycle collector: every object a notice's layout makes (the canvas, the doc
template, the PDF document, the structure tree's nodes, the flowables: ~630 of
them) was once kept by a cycle in a notice of two pages, and each such notice cost
the collector a pass over all of it (collector.py, issue 17); nor does a build leave
a function of jpdocs in a cycle with its closure (one that calls itself)."""
from __future__ import annotations

import gc
import sys
from types import FunctionType

from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.flowables import Flowable

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402


def test_a_notices_layout_leaves_no_cycle(tmp_path):
    from jpdocs.build import batch
    from jpdocs.writers.tags import Node
    specs = write_specs(tmp_path / "specs", spread_dates(8, seed=13), notice_only=True)
    batch._init_worker(("pdf",), None)
    pages = []
    gc.collect()
    gc.disable()
    try:
        for spec in specs:
            result = batch.build_one(str(spec), str(tmp_path / "out"), ("pdf",), None, force=True)
            assert result.status == "built", result.problems
            pdf = (tmp_path / "out" / spec.stem / "press-notice.pdf").read_bytes()
            pages.append(pdf.count(b"/Type /Page\n"))
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        left = sorted({type(o).__name__ for o in gc.garbage
                       if isinstance(o, (Canvas, BaseDocTemplate, PDFDocument, Flowable, Node))} |
                      {o.__qualname__ for o in gc.garbage                # (a function nested in its own closure)
                       if isinstance(o, FunctionType) and "jpdocs" in o.__code__.co_filename})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert 2 in pages and 1 in pages, f"the specs should give notices of one and two pages: {pages}"
    assert left == [], f"a layout left to the cycle collector: {left}"
