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

A trampoline's C function must be called by that stage alone: each run counts the
stage's calls in Python and reads callgrind's count of calls to its C function, and a
figure whose C function was called more often is marked HIGH (`sorted`, `min` and
`itertools.compress`, trampolines until the twenty-sixth session, were also called by
the build, and made the strict and cross checks' figures read high).

Each stage is counted in its own pass (`--stages`), not all at once: one
trampoline per C function, and callgrind's inclusive cost of a recursive
function is only right for the outermost call.
"""
from __future__ import annotations

import functools
import itertools
import json
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


def _via_pairwise(f):
    # pairwise_next runs the generator, so its inclusive cost holds f's
    def w(*a, **k):
        out = []

        def twice():
            out.append(f(*a, **k))
            yield 0
            yield 1
        next(itertools.pairwise(twice()))
        return out[0]
    return w


def _via_zip_longest(f):
    def w(*a, **k):
        out = []

        def once():
            out.append(f(*a, **k))
            yield 0
        next(itertools.zip_longest(once()))
        return out[0]
    return w


def _via_cycle(f):
    # cycle_next runs the generator the first time round (itertools.compress and
    # iter(callable, sentinel), tried before it, are also called by the build)
    def w(*a, **k):
        out = []

        def once():
            out.append(f(*a, **k))
            yield 0
        next(itertools.cycle(once()))
        return out[0]
    return w


# the C function callgrind names for each trampoline
_C_NAMES = {_via_call: "_operator_call", _via_reduce: "functools_reduce", _via_starmap: "starmap_next",
            _via_takewhile: "takewhile_next", _via_pairwise: "pairwise_next", _via_zip_longest: "zip_longest_next",
            _via_cycle: "cycle_next"}


def _stages() -> dict[str, list[tuple[str, object, str, object]]]:
    """Pass name → [(stage, owner, attribute, trampoline)]."""
    from reportlab.platypus import paragraph, tables
    from jpdocs import output
    from jpdocs.build import checks, documents, record
    from jpdocs.content import markup
    from reportlab.pdfbase import pdfdoc
    from jpdocs.fonts import cid, cut
    from jpdocs.spec import load, source
    from jpdocs.spec.strict import model as strict_model
    from reportlab.platypus import doctemplate
    from jpdocs.writers import (blocks, canvas_state, composer, composition, drawing, jlreq, jlreq_lines, pages, pdf,
                                pdffile, placing, tags)
    return {
        # build_one's steps before and after the PDF (batch.build_in_memory): names
        # it imports when it runs are wrapped in their modules, names another module
        # imported at its own import in that module's namespace
        "spec": [
            ("the spec read (load.load_spec)", load, "load_spec", _via_call),
            ("  the YAML parsed (source._load_fast)", source, "_load_fast", _via_reduce),
            ("  radicals mended, text checked (load.mended_and_checked)", load, "mended_and_checked", _via_starmap),
            ("  the strict checks (strict.model.check_model)", strict_model, "check_model", _via_pairwise),
            ("  cross checks (load.cross_check)", load, "cross_check", _via_zip_longest),
            ("  named files checked (load.check_named_files)", load, "check_named_files", _via_cycle),
        ],
        "documents": [
            ("the documents made (documents.make_documents)", documents, "make_documents", _via_call),
            ("  the templates' context (documents.context)", documents, "context", _via_reduce),
            ("  templates rendered (documents.render)", documents, "render", _via_starmap),
            ("  markup parsed (markup.parse)", markup, "parse", _via_takewhile),
            ("  the model checked (documents.check_model)", documents, "check_model", _via_pairwise),
            ("  its glyphs checked (documents.check_glyphs)", documents, "check_glyphs", _via_zip_longest),
            ("  the spec's glyphs checked (documents.check_spec_glyphs)", documents, "check_spec_glyphs",
             _via_cycle),
        ],
        "around": [
            ("the house style found (documents.style_for)", documents, "style_for", _via_call),
            ("the inputs listed (record.input_files)", record, "input_files", _via_reduce),
            ("the inputs digested (Hasher.digest)", record.Hasher, "digest", _via_starmap),
            ("the files written (documents.write_outputs)", documents, "write_outputs", _via_takewhile),
            ("  the manifest (output._write_manifest)", output, "_write_manifest", _via_pairwise),
            ("the spec's documents, PDF included (documents.render_spec)", documents, "render_spec", _via_zip_longest),
        ],
        "layout": [
            ("the PDF, model to bytes (pdf._lay_out)", pdf, "_lay_out", _via_call),
            ("  the story built (BlockBuilder.blocks)", blocks.BlockBuilder, "blocks", _via_cycle),
            ("  paragraphs wrapped (Paragraph.wrap)", paragraph.Paragraph, "wrap", _via_zip_longest),
            ("  paragraphs drawn (JParagraph.drawPara)", composer.JParagraph, "drawPara", _via_pairwise),
            ("  tables wrapped (Table.wrap)", tables.Table, "wrap", _via_takewhile),
            ("  tables drawn, cells included (Table.draw)", tables.Table, "draw", _via_starmap),
            ("  the file written (TaggingCanvas.save)", tags.TaggingCanvas, "save", _via_reduce),
        ],
        # what pdf._lay_out spends in none of the layout pass's stages (issue 17's
        # ~5.4 M "elsewhere"): the set-up, reportlab's build loop, the pages, the /ID
        "pages": [
            ("  the doc template made (pages.doc_template)", pdf, "doc_template", _via_call),
            ("  the build begun, canvas made (BaseDocTemplate._startBuild)", doctemplate.BaseDocTemplate,
             "_startBuild", _via_reduce),
            ("  flowables placed, drawn included (Placing.handle_flowable)", placing.Placing, "handle_flowable",
             _via_starmap),
            ("  offsets moved, cells' included (StateCanvas.translate)", canvas_state.StateCanvas, "translate",
             _via_takewhile),
            ("  the build ended, file written included (BaseDocTemplate._endBuild)", doctemplate.BaseDocTemplate,
             "_endBuild", _via_pairwise),
            ("    held pages closed, file written included (NumberedCanvas.save)", pages.NumberedCanvas, "save",
             _via_zip_longest),
            ("  the /ID and the file's digest (pdf.content_id)", pdf, "content_id", _via_cycle),
        ],
        "drawing": [
            ("  runs' text operators (textout.run_operators)", drawing, "run_operators", _via_reduce),
            ("    runs' glyphs coded (Coding.code)", cid.Coding, "code", _via_cycle),
            ("  lines' words made (JParagraph._words)", composer.JParagraph, "_words", _via_call),
            ("  text objects begun (TaggingCanvas.beginText)", tags.TaggingCanvas, "beginText", _via_starmap),
            ("  text objects drawn (TaggingCanvas.drawText)", tags.TaggingCanvas, "drawText", _via_takewhile),
            ("  the fonts' objects, cut (Coding.add_objects)", cid.Coding, "add_objects", _via_zip_longest),
        ],
        # inside the paragraphs wrapped and drawn (the layout pass's Paragraph.wrap and
        # JParagraph.drawPara): a new composition's parts and what its drawing makes once
        "composer": [
            ("  compositions made (composition.set_lines)", composition, "set_lines", _via_call),
            ("    paragraphs prepared (jlreq.prepare)", jlreq, "prepare", _via_reduce),
            ("    lines broken (jlreq_lines.compose)", jlreq_lines, "compose", _via_starmap),
            ("  characters measured (composition._measure)", composition, "_measure", _via_takewhile),
            ("  lines' recipes (JParagraph._recipe)", composer.JParagraph, "_recipe", _via_pairwise),
            ("  drawn programs made (drawing._program)", drawing, "_program", _via_zip_longest),
            ("  story paragraphs made (BlockBuilder.paragraph)", blocks.BlockBuilder, "paragraph", _via_cycle),
        ],
        # inside the fonts' objects (the drawing pass's Coding.add_objects)
        "fonts": [
            ("  a glyph set's parts (Coding._parts)", cid.Coding, "_parts", _via_call),
            ("    the font program cut (Cutter.cut)", cut.Cutter, "cut", _via_reduce),
            ("    /W (Coding._widths)", cid.Coding, "_widths", _via_starmap),
            ("    the ToUnicode CMap (cid._to_unicode)", cid, "_to_unicode", _via_takewhile),
            ("    the /CIDToGIDMap (Coding._cid_to_gid)", cid.Coding, "_cid_to_gid", _via_pairwise),
            ("    the subset's tag (cid._tag)", cid, "_tag", _via_zip_longest),
            ("  kept streams deflated (_Kept.encode)", cid._Kept, "encode", _via_cycle),
        ],
        # inside the file written (the layout pass's TaggingCanvas.save)
        "file": [
            ("  the structure tree (tags.write_tree)", tags, "write_tree", _via_call),
            ("    its elements' text (tags._element_texts)", tags, "_element_texts", _via_reduce),
            ("    the XMP packet (tags.xmp_packet)", tags, "xmp_packet", _via_starmap),
            ("  the document's data, fonts included (PDFDocument.GetPDFData)", pdfdoc.PDFDocument, "GetPDFData",
             _via_takewhile),
            ("    the objects formatted (FastDocument.format)", pdffile.FastDocument, "format", _via_pairwise),
            ("      the pages' tree (PDFPages.check_format)", pdfdoc.PDFPages, "check_format", _via_zip_longest),
            ("    the outlines prepared (PDFOutlines.prepare)", pdfdoc.PDFOutlines, "prepare", _via_cycle),
        ],
    }


# calls of each stage's function in this process, by its trampoline's C name: read back
# against callgrind's count of calls to that C function, which is more when something
# else in a build calls it too (sorted and min, once trampolines, were: their stages
# read high)
_CALLS: dict[str, int] = {}


def _counted(w, name: str):
    def c(*a, **k):
        _CALLS[name] += 1
        return w(*a, **k)
    return c


def _wrap(pass_name: str) -> None:
    for _, owner, attr, via in _stages()[pass_name]:
        f = owner.__dict__[attr] if isinstance(owner, type) else getattr(owner, attr)
        name = _C_NAMES[via]
        _CALLS[name] = 0
        if isinstance(f, staticmethod):
            setattr(owner, attr, staticmethod(_counted(via(f.__func__), name)))
        else:
            setattr(owner, attr, _counted(via(f), name))


def build(count: int, pass_name: str, written: int, calls_file: str) -> None:
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
    Path(calls_file).write_text(json.dumps(_CALLS))


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


def c_calls(out_file: str) -> dict[str, int]:
    """Calls to each C function in callgrind's own output file, all callers summed
    (`cfn=(id) name` names a callee, the first time only; its `calls=N` line follows)."""
    names: dict[str, str] = {}
    calls: dict[str, int] = {}
    callee = None
    with open(out_file, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(("fn=", "cfn=")):
                m = re.match(r"c?fn=(\(\d+\))(?: (\S+))?", line)
                if m and m.group(2):
                    names[m.group(1)] = m.group(2).split("'")[0]   # (name'2: a recursive call's)
                callee = names.get(m.group(1)) if m and line.startswith("cfn=") else None
            elif line.startswith("calls=") and callee is not None:
                calls[callee] = calls.get(callee, 0) + int(line[6:].split()[0])
                callee = None
    return calls


def _count(count: int, pass_name: str, tmp: str, written: int) -> tuple[dict[str, int], dict[str, int], dict]:
    """Inclusive instructions by C function, calls by C function, the stages' own calls."""
    out = os.path.join(tmp, f"callgrind.{pass_name}.{count}")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
                    __file__, "--build", str(count), pass_name, str(written), out + ".calls"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return _inclusive(out), c_calls(out), json.loads(Path(out + ".calls").read_text())


def main(argv: list[str]) -> None:
    if argv[:1] == ["--build"]:
        build(int(argv[1]), argv[2], int(argv[3]), argv[4])
        return
    n = int(argv[0]) if argv else 20
    chosen = argv[1:] or list(_stages())
    with tempfile.TemporaryDirectory() as tmp:
        for pass_name, stages in _stages().items():
            if pass_name not in chosen:
                continue
            (many, many_c, many_py), (none, none_c, none_py) = _count(n, pass_name, tmp, n), _count(0, pass_name, tmp, n)
            per = (many["PROGRAM TOTALS"] - none["PROGRAM TOTALS"]) / n / 1e6
            print(f"[{pass_name}] a warm notice, with this pass's trampolines: {per:.2f} M instructions")
            for label, _, _, via in stages:
                name = _C_NAMES[via]
                shared = ""
                in_c = many_c.get(name, 0) - none_c.get(name, 0)
                in_stage = many_py[name] - none_py[name]
                if in_c != in_stage:
                    shared = f"   (HIGH: {name} called {in_c} times for the stage's {in_stage})"
                print(f"{(many.get(name, 0) - none.get(name, 0)) / n / 1e6:8.2f} M  {label}{shared}")
            deflate = "libdeflate_zlib_compress"
            print(f"{(many.get(deflate, 0) - none.get(deflate, 0)) / n / 1e6:8.2f} M  deflate (libdeflate)")


if __name__ == "__main__":
    main(sys.argv[1:])
