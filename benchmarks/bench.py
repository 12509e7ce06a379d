#!/usr/bin/env python3
"""Benchmark on this machine: how fast and how big, each figure against its target.

    python benchmarks/bench.py [--batch 1000] [--docs 40] [--runs 3] [--profile]

Figures (issue #17), each printed with its target:

- warm: press notices per second, PDF only, in one process (fonts and templates
  loaded once) as a batch's worker process builds them (each notice's files written by
  its finishing thread while the next is composed; every file written before the
  clock stops), and, beside it, one by one (each written before the next is read),
  against Typst compiling the same notices' text in the same fonts
  with one compiler reused (the `typst` package, requirements-bench.txt). Both get
  --docs different documents in each round (specgen.py: date-shifted, text-varied
  copies of the example notice), fresh ones every round, so neither a memo cache nor
  a warm page cache can serve one document twice. Rounds alternate ours / Typst's;
  the median of --runs rounds is quoted. Target: at least Typst's rate in the same
  run, and at least twice the rate before issue #17 (44 docs/s).
- cold: whole processes, `python generate.py SPEC --kinds press-notice --format pdf`
  (≤ 0.15 s) and the seed spec's three documents, PDF + DOCX (≤ 0.4 s); the two
  commands alternate, --cold-runs each, medians quoted.
- batch: `python generate.py DIR -j 2 --force` on --batch notice specs, PDF + DOCX, as
  a whole process; scaled to 1,000 specs for the target (≤ 12 s).
- size: the seed's press-notice.pdf (≤ 100 KB).

The machine is shared: rates move with its load, which is why figures are
interleaved and medians; compare ratios measured in one run, not runs of different days.
Each figure also shows the processor time it took (user + system, in brackets): on a
loaded machine the wall time waits for the processor, and the processor time is what
the same work costs on an idle one (less the waits for the disk).
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import pstats
import queue
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from specgen import SEED, spread_dates, write_specs  # noqa: E402

BEFORE_WARM = 44.0      # notices/s, PDF only, measured before issue #17
TARGETS = {"cold_notice_s": 0.15, "cold_seed_s": 0.40, "batch_s": 12.0, "notice_kb": 100}
# The cold runs' processes write their bytecode (the warm-up run of each command writes
# what is missing): with PYTHONDONTWRITEBYTECODE set in the shell, every start compiled
# the modules whose cached bytecode was stale, ~60-80 ms that no installed copy pays.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def line(label: str, value: str, target: str = "") -> None:
    print(f"  {label:<50} {value:>16}  {target}")


def verdict(ok: bool, target: str) -> str:
    return f"target {target}: " + ("met" if ok else "MISSED")


# ---------------------------------------------------------------- warm, against Typst
def build_rate(specs: list[Path], out: Path, as_worker: bool = False) -> tuple[float, float]:
    """Documents per second of wall time and of processor time. One by one, each
    notice's files written before the next is read; or `as_worker`, as a batch's worker
    process builds them (jpdocs.build.workers): each notice rendered in memory and its
    files written by the worker's own finishing thread while the next is rendered,
    every file written before the clock stops."""
    from jpdocs.build import batch, workers
    start, cpu = time.perf_counter(), time.process_time()
    if not as_worker:
        for s in specs:
            res = batch.build_one(str(s), str(out), ("pdf",), None, force=True)
            assert res.status == "built", res.problems
    else:
        finishing, answers = queue.SimpleQueue(), []
        finisher = threading.Thread(target=workers._finish_in_turn, args=(finishing, answers.append))
        finisher.start()
        for s in specs:
            finishing.put(batch._build_task(str(s), (str(out), ("pdf",), None, True, None)))
        finishing.put(workers._END)
        finisher.join()
        assert len(answers) == len(specs) and all(r.status == "built" for _, r in answers), answers
    return len(specs) / (time.perf_counter() - start), len(specs) / (time.process_time() - cpu)


def notice_text(spec: Path) -> str:
    """A spec's press notice as plain text, paragraph by paragraph, from the document model."""
    from jpdocs.content import model
    from jpdocs.build.documents import make_documents, style_for
    from jpdocs.spec.load import load_spec
    loaded = load_spec(spec)
    doc = make_documents(loaded, style_for(loaded))[0]
    return "\n".join(model.plain_text(b.inlines) for b in model.walk(doc.blocks) if hasattr(b, "inlines"))


def typst_source(text: str) -> bytes:
    """The notice's text as a Typst document in the same fonts and page."""
    body = (text.replace("\\", "\\\\").replace("#", "\\#").replace("*", "\\*").replace("_", "\\_")
            .replace("$", "\\$").replace("@", "\\@").replace("<", "\\<").replace("`", "\\`"))
    return ('#set page(paper: "a4", margin: (x: 20mm, y: 15mm))\n'
            '#set text(font: "BIZ UDMincho", size: 10.5pt, lang: "ja")\n'
            '#set par(justify: true)\n' + body.replace("\n", "\n\n")).encode("utf-8")


def typst_rate(compiler, folder: Path, sources: list[bytes]) -> tuple[float, float]:
    """Typst, one compiler reused, each source written to the file it compiles (as a
    batch of different documents has it) and compiled to PDF bytes (wall, processor)."""
    main = folder / "notice.typ"
    start, cpu = time.perf_counter(), time.process_time()
    for src in sources:
        main.write_bytes(src)
        pdf = compiler.compile()
        assert pdf[:5] == b"%PDF-", pdf[:20]
    return len(sources) / (time.perf_counter() - start), len(sources) / (time.process_time() - cpu)


def warm(tmp: Path, docs: int, runs: int) -> tuple[tuple, tuple, tuple | None]:
    """(as a batch's worker, one by one, Typst): medians of (wall, processor) rates."""
    from jpdocs.build import batch
    specs = write_specs(tmp / "warm", spread_dates((runs + 1) * 2 * docs, seed=11), notice_only=True)
    rounds = [specs[i * docs:(i + 1) * docs] for i in range((runs + 1) * 2)]    # rounds 0, 1 warm up
    batch._init_worker(("pdf",), None)
    try:
        import typst
    except ImportError:
        typst = None
    if typst is not None:
        sources = [[typst_source(notice_text(s)) for s in r] for r in rounds[::2]]
        tdir = tmp / "typst"
        tdir.mkdir()
        (tdir / "notice.typ").write_bytes(sources[0][0])
        compiler = typst.Compiler(str(tdir / "notice.typ"), root=str(tdir), font_paths=[str(ROOT / "fonts")])
    worker, single, theirs = [], [], []
    for i in range(runs + 1):
        rates = (build_rate(rounds[2 * i], tmp / "w", as_worker=True), build_rate(rounds[2 * i + 1], tmp / "s"))
        their = typst_rate(compiler, tdir, sources[i]) if typst is not None else None
        if i:
            worker.append(rates[0])
            single.append(rates[1])
            theirs.append(their)
    med = lambda xs: (statistics.median(x[0] for x in xs), statistics.median(x[1] for x in xs))  # noqa: E731
    return med(worker), med(single), (med(theirs) if typst is not None else None)


def profile(tmp: Path, docs: int) -> None:
    from jpdocs.build import batch
    specs = write_specs(tmp / "prof", spread_dates(docs + 1, seed=13), notice_only=True)
    batch._init_worker(("pdf", "docx"), None)
    batch.build_one(str(specs[0]), str(tmp / "p"), ("pdf", "docx"), None)
    prof = cProfile.Profile()
    prof.enable()
    for s in specs[1:]:
        batch.build_one(str(s), str(tmp / "p"), ("pdf", "docx"), None)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(30)
    print(buf.getvalue())


# ---------------------------------------------------------------- whole processes
def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(cmd: list) -> tuple[float, float]:
    """(wall, processor) seconds of one whole process, its children included."""
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([str(c) for c in cmd], check=True, capture_output=True, cwd=ROOT, env=ENV)
    return time.perf_counter() - start, _children_cpu() - cpu


def interleaved(commands: dict[str, list], runs: int) -> dict[str, tuple[float, float]]:
    """Each command run `runs` times, in turn (A B A B …) after one warm-up each;
    medians of wall and of processor time."""
    for cmd in commands.values():
        run_once(cmd)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(run_once(cmd))
    return {name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t))
            for name, t in times.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batch", type=int, default=1000, help="notice specs in the 2-worker batch (default 1000)")
    ap.add_argument("--docs", type=int, default=40, help="documents per warm round (default 40)")
    ap.add_argument("--runs", type=int, default=3, help="warm rounds of each, interleaved (default 3)")
    ap.add_argument("--cold-runs", type=int, default=7, help="runs of each cold command (default 7)")
    ap.add_argument("--profile", action="store_true", help="print a profile of the warm PDF + DOCX build")
    args = ap.parse_args()
    py = sys.executable

    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]},"
          f" load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="jpdocs-bench-") as d:
        tmp = Path(d)

        print(f"\nwarm, one process, PDF only ({args.docs} different notices a round,"
              f" median of {args.runs} interleaved rounds):")
        (ours, ours_cpu), single, typst_r = warm(tmp, args.docs, args.runs)
        goal = max(2 * BEFORE_WARM, typst_r[0] if typst_r else 0)
        line("jpdocs as a batch's worker, notices/s", f"{ours:.1f} ({ours_cpu:.0f})",
             verdict(ours >= goal, f"≥ {goal:.0f}/s (Typst's rate, and ≥ 2 × {BEFORE_WARM:.0f})"))
        line("jpdocs one by one (files written in turn)", f"{single[0]:.1f} ({single[1]:.0f})")
        if typst_r is None:
            line("Typst (pip install -r requirements-bench.txt)", "not installed")
        else:
            line("Typst, one compiler reused, notices/s", f"{typst_r[0]:.1f} ({typst_r[1]:.0f})",
                 f"(jpdocs/Typst {ours / typst_r[0]:.2f})")
        if args.profile:
            profile(tmp, args.docs)

        print(f"\ncold, whole processes (median of {args.cold_runs}, interleaved):")
        seed_out = tmp / "cold"
        commands = {
            "notice": [py, ROOT / "generate.py", SEED, "-o", tmp / "cold-n", "--force", "--kinds", "press-notice",
                       "--format", "pdf"],
            "seed": [py, ROOT / "generate.py", SEED, "-o", seed_out, "--force"],
            "python": [py, "-c", "pass"],
        }
        cold = interleaved(commands, args.cold_runs)
        secs = lambda t: f"{t[0]:.3f} s ({t[1]:.2f})"  # noqa: E731
        line("generate.py SEED --kinds press-notice --format pdf", secs(cold["notice"]),
             verdict(cold["notice"][0] <= TARGETS["cold_notice_s"], f"≤ {TARGETS['cold_notice_s']} s"))
        line("generate.py SEED (3 documents, PDF + DOCX)", secs(cold["seed"]),
             verdict(cold["seed"][0] <= TARGETS["cold_seed_s"], f"≤ {TARGETS['cold_seed_s']} s"))
        line("(python -c pass, for scale)", secs(cold["python"]))

        print("\nsize (the seed spec):")
        for f in sorted(p for p in (seed_out / SEED.stem).iterdir() if not p.name.startswith(".")):
            kb = f.stat().st_size / 1024
            target = verdict(kb <= TARGETS["notice_kb"], f"≤ {TARGETS['notice_kb']} KB") \
                if f.name == "press-notice.pdf" else ""
            line(f.name, f"{kb:.0f} KB", target)

        print(f"\nbatch: generate.py DIR -j 2 --force, {args.batch} notice specs, whole process:")
        specs = write_specs(tmp / "batch", spread_dates(args.batch), notice_only=True)
        for formats in ("pdf", "pdf,docx"):
            took, cpu = run_once([py, ROOT / "generate.py", tmp / "batch", "-o", tmp / f"b-{formats}", "-j", "2",
                                  "--force", "--format", formats])
            assert len(list((tmp / f"b-{formats}").glob("*/press-notice.pdf"))) == len(specs)
            scaled = took * 1000 / args.batch
            target = verdict(scaled <= TARGETS["batch_s"], f"1,000 in ≤ {TARGETS['batch_s']:.0f} s") \
                if formats == "pdf,docx" else ""
            line(f"{formats.upper().replace(',', ' + ')}", f"{took:.2f} s ({cpu:.1f})",
                 f"({args.batch / took:.0f}/s; 1,000 → {scaled:.1f} s) {target}")

        print("\nannual overview, 30 agreements of one fiscal year (for reference):")
        year = write_specs(tmp / "year", spread_dates(30, dt.date(2024, 4, 1), 365, seed=5))
        took, cpu = run_once([py, ROOT / "generate.py", "annual", "--fiscal-year", "2024", tmp / "year",
                              "-o", tmp / "annual", "--force"])
        line("generate.py annual, whole process", f"{took:.2f} s ({cpu:.2f})")

        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            took, _ = run_once([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/lo-profile",
                             "--convert-to", "pdf", "--outdir", tmp / "lo",
                             seed_out / SEED.stem / "press-notice.docx"])
            line("LibreOffice DOCX → PDF of the notice, cold (for reference)", f"{took:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
