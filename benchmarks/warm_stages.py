#!/usr/bin/env python3
"""Where a warm notice spends its processor instructions, stage by stage.

    python benchmarks/warm_stages.py [N] [PASS ...]   (default N = 20, every pass; needs valgrind)

callgrind sees C functions, not Python ones: a Python function's inclusive cost is
read by calling it through a C function that nothing else in a build calls (a
trampoline: `operator.call`, `functools.reduce`, `itertools.starmap`, ...), whose
inclusive cost under callgrind is then that function's. The script runs itself
under callgrind twice, building 3 + N and 3 + 0 of benchmarks/specgen.py's notices
(seed 13, PDF only, as /work/tools/warm.py builds them; both runs write the same
3 + N specs first, so that writing them is not counted), and prints each stage's
difference over N: one warm notice's instructions in that stage, the first three
notices having filled the process's caches. A trampoline costs a few thousand
instructions a call, so the figures are a little high (the stages called most,
paragraphs drawn and wrapped, by ~0.1 M); the stages nest (a table's drawing holds
its cells' paragraphs), so they do not add up.

Each stage is counted in its own pass (`--stages`), not all at once: one
trampoline per C function, and callgrind's inclusive cost of a recursive
function is only right for the outermost call.
"""
from __future__ import annotations

import functools
import itertools
import operator
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

WARM_UP = 3


# ---------------------------------------------------------------- trampolines
def _via_call(f):
    def w(*a, **k):
        return operator.call(f, *a, **k)
    return w


def _via_reduce(f):
    def w(*a, **k):
        return functools.reduce(lambda acc, _: f(*a, **k), [0], None)
    return w


def _via_starmap(f):
    def w(*a, **k):
        return next(itertools.starmap(lambda: f(*a, **k), [()]))
    return w


def _via_takewhile(f):
    def w(*a, **k):
        out = []
        list(itertools.takewhile(lambda _: out.append(f(*a, **k)), [0]))
        return out[0]
    return w


def _via_sorted(f):
    def w(*a, **k):
        out = []
        sorted([0, 1], key=lambda i: (out.append(f(*a, **k)) if i == 0 else None) or 0)
        return out[0]
    return w


def _via_min(f):
    def w(*a, **k):
        out = []
        min([0], key=lambda i: out.append(f(*a, **k)) or 0)
        return out[0]
    return w


def _via_compress(f):
    def w(*a, **k):
        out = []
        list(itertools.compress([0], map(lambda _: out.append(f(*a, **k)), [0])))
        return out[0]
    return w


# the C function callgrind names for each trampoline
_C_NAMES = {_via_call: "_operator_call", _via_reduce: "functools_reduce", _via_starmap: "starmap_next",
            _via_takewhile: "takewhile_next", _via_sorted: "builtin_sorted", _via_min: "min_max",
            _via_compress: "compress_next"}


def _stages() -> dict[str, list[tuple[str, object, str, object]]]:
    """Pass name → [(stage, owner, attribute, trampoline)]."""
    from reportlab.platypus import paragraph, tables
    from jpdocs import output
    from jpdocs.build import checks, documents, record
    from jpdocs.content import markup
    from jpdocs.fonts import cid
    from jpdocs.spec import load, source
    from jpdocs.spec.strict import model as strict_model
    from jpdocs.writers import blocks, composer, drawing, pdf, tags
    return {
        # build_one's steps before and after the PDF (batch.build_in_memory): names
        # it imports when it runs are wrapped in their modules, names another module
        # imported at its own import in that module's namespace
        "spec": [
            ("the spec read (load.load_spec)", load, "load_spec", _via_call),
            ("  the YAML parsed (source._load_fast)", source, "_load_fast", _via_reduce),
            ("  radicals mended, text checked (load.mended_and_checked)", load, "mended_and_checked", _via_starmap),
            ("  the strict checks (strict.model.check_model)", strict_model, "check_model", _via_sorted),
            ("  cross checks (load.cross_check)", load, "cross_check", _via_min),
            ("  named files checked (load.check_named_files)", load, "check_named_files", _via_compress),
        ],
        "documents": [
            ("the documents made (documents.make_documents)", documents, "make_documents", _via_call),
            ("  the templates' context (documents.context)", documents, "context", _via_reduce),
            ("  templates rendered (documents.render)", documents, "render", _via_starmap),
            ("  markup parsed (markup.parse)", markup, "parse", _via_takewhile),
            ("  the model checked (documents.check_model)", documents, "check_model", _via_sorted),
            ("  its glyphs checked (documents.check_glyphs)", documents, "check_glyphs", _via_min),
            ("  the spec's glyphs checked (documents.check_spec_glyphs)", documents, "check_spec_glyphs",
             _via_compress),
        ],
        "around": [
            ("the house style found (documents.style_for)", documents, "style_for", _via_call),
            ("the inputs listed (record.input_files)", record, "input_files", _via_reduce),
            ("the inputs digested (Hasher.digest)", record.Hasher, "digest", _via_starmap),
            ("the files written (documents.write_outputs)", documents, "write_outputs", _via_takewhile),
            ("  the manifest (output._write_manifest)", output, "_write_manifest", _via_sorted),
            ("the spec's documents, PDF included (documents.render_spec)", documents, "render_spec", _via_min),
        ],
        "layout": [
            ("the PDF, model to bytes (pdf._lay_out)", pdf, "_lay_out", _via_call),
            ("  the story built (BlockBuilder.blocks)", blocks.BlockBuilder, "blocks", _via_compress),
            ("  paragraphs wrapped (Paragraph.wrap)", paragraph.Paragraph, "wrap", _via_min),
            ("  paragraphs drawn (JParagraph.drawPara)", composer.JParagraph, "drawPara", _via_sorted),
            ("  tables wrapped (Table.wrap)", tables.Table, "wrap", _via_takewhile),
            ("  tables drawn, cells included (Table.draw)", tables.Table, "draw", _via_starmap),
            ("  the file written (TaggingCanvas.save)", tags.TaggingCanvas, "save", _via_reduce),
        ],
        "drawing": [
            ("  runs' text operators (textout.run_operators)", drawing, "run_operators", _via_reduce),
            ("    runs' glyphs coded (Coding.code)", cid.Coding, "code", _via_compress),
            ("  lines' words made (JParagraph._words)", composer.JParagraph, "_words", _via_call),
            ("  text objects begun (TaggingCanvas.beginText)", tags.TaggingCanvas, "beginText", _via_starmap),
            ("  text objects drawn (TaggingCanvas.drawText)", tags.TaggingCanvas, "drawText", _via_takewhile),
            ("  the fonts' objects, cut (Coding.add_objects)", cid.Coding, "add_objects", _via_min),
        ],
    }


def _wrap(pass_name: str) -> None:
    for _, owner, attr, via in _stages()[pass_name]:
        f = owner.__dict__[attr] if isinstance(owner, type) else getattr(owner, attr)
        if isinstance(f, staticmethod):
            setattr(owner, attr, staticmethod(via(f.__func__)))
        else:
            setattr(owner, attr, via(f))


def build(count: int, pass_name: str, written: int) -> None:
    """3 + count notices built in this process, as a batch worker builds them. Both
    runs write the same 3 + `written` specs first: writing a spec (PyYAML's Python
    dumper) costs ~19 M instructions, which counted in the difference of the two runs
    as part of a warm notice until the twenty-first session."""
    from specgen import spread_dates, write_specs
    from jpdocs.build import batch
    _wrap(pass_name)
    root = Path(os.environ.get("TMPDIR") or tempfile.gettempdir())
    with tempfile.TemporaryDirectory(dir=root) as tmp:
        specs = write_specs(Path(tmp) / "s", spread_dates(WARM_UP + written, seed=13), notice_only=True)
        batch._init_worker(("pdf",), None)
        for s in specs[:WARM_UP + count]:
            result = batch.build_one(str(s), str(Path(tmp) / "o"), ("pdf",), None, force=True)
            if result.status != "built":
                raise SystemExit(f"{s}: {result.problems}")


def _inclusive(out_file: str) -> dict[str, int]:
    """Each C function's inclusive instructions (the top-level entry of each name)."""
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out_file],
                          capture_output=True, text=True, check=True).stdout
    return parse_inclusive(text)


def parse_inclusive(text: str) -> dict[str, int]:
    """callgrind_annotate's inclusive listing → each C function's instructions, by name."""
    costs: dict[str, int] = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \(.*?\)\s+\S*?:([A-Za-z_]\w*)(\'\d+)? ", line)
        if m and not m.group(3):              # ('2: callgrind's name for a recursive call)
            costs.setdefault(m.group(2), int(m.group(1).replace(",", "")))
    totals = re.search(r"([\d,]+) \(100.0%\)\s+PROGRAM TOTALS", text)
    costs["PROGRAM TOTALS"] = int(totals.group(1).replace(",", "")) if totals else 0
    return costs


def _count(count: int, pass_name: str, tmp: str, written: int) -> dict[str, int]:
    out = os.path.join(tmp, f"callgrind.{pass_name}.{count}")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
                    __file__, "--build", str(count), pass_name, str(written)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return _inclusive(out)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--build"]:
        build(int(argv[1]), argv[2], int(argv[3]))
        return
    n = int(argv[0]) if argv else 20
    chosen = argv[1:] or list(_stages())
    with tempfile.TemporaryDirectory() as tmp:
        for pass_name, stages in _stages().items():
            if pass_name not in chosen:
                continue
            many, none = _count(n, pass_name, tmp, n), _count(0, pass_name, tmp, n)
            per = (many["PROGRAM TOTALS"] - none["PROGRAM TOTALS"]) / n / 1e6
            print(f"[{pass_name}] a warm notice, with this pass's trampolines: {per:.2f} M instructions")
            for label, _, _, via in stages:
                name = _C_NAMES[via]
                print(f"{(many.get(name, 0) - none.get(name, 0)) / n / 1e6:8.2f} M  {label}")
            deflate = "libdeflate_zlib_compress"
            print(f"{(many.get(deflate, 0) - none.get(deflate, 0)) / n / 1e6:8.2f} M  deflate (libdeflate)")


if __name__ == "__main__":
    main(sys.argv[1:])
