#!/usr/bin/env python3
"""Benchmark on this machine: how fast and how big, against the issue's targets.

    python benchmarks/bench.py [--n 1000] [--profile]

Generates N varied specs (specgen.py: other partners, lengths, areas; nothing is
shared between them but the fonts and templates, as in real use) and prints:
press notices per second in one process (warm) and with 2 workers, the cold time of
`python generate.py SPEC`, file sizes, the annual overview's time for 30
agreements, and, where LibreOffice or the `typst` package is installed, the same
notice made with them. Targets (2 cores): 1,000 specs in 12 s with 2 workers,
60 notices/s per core warm, 0.25 s cold, a notice at most 130 KB.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from specgen import SEED, spread_dates, write_specs  # noqa: E402

TARGETS = {"batch_s": 12.0, "per_core": 60.0, "cold_s": 0.25, "notice_kb": 130}


def line(label: str, value: str, target: str = "") -> None:
    print(f"  {label:<44} {value:>14}  {target}")


def verdict(ok: bool, by: str) -> str:
    return "ok" if ok else f"MISSED by {by}"


def warm_rate(specs: list[Path], out: Path, formats: tuple) -> float:
    from jpdocs import batch
    batch._init_worker(formats, None)
    batch.build_one(str(specs[0]), str(out), formats, None)
    start = time.perf_counter()
    for s in specs:
        res = batch.build_one(str(s), str(out), formats, None)
        assert res.status == "built", res.problems
    return len(specs) / (time.perf_counter() - start)


def profile(specs: list[Path], out: Path, formats: tuple) -> None:
    from jpdocs import batch
    prof = cProfile.Profile()
    prof.enable()
    for s in specs:
        batch.build_one(str(s), str(out), formats, None)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(30)
    print(buf.getvalue())


def cold(args: list, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "generate.py"), *map(str, args)], check=True,
                       capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def libreoffice(docx: Path, tmp: Path) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    start = time.perf_counter()
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/lo-profile", "--convert-to", "pdf",
                    "--outdir", str(tmp / "lo"), str(docx)], capture_output=True, timeout=300)
    return time.perf_counter() - start if (tmp / "lo" / (docx.stem + ".pdf")).is_file() else None


def typst_rate(seed_pdf_text: str, n: int = 20) -> float | None:
    """An equivalent notice (the same text in the same fonts) compiled by Typst."""
    try:
        import typst
    except ImportError:
        return None
    body = seed_pdf_text.replace("\\", "\\\\").replace("#", "\\#").replace("*", "\\*").replace("_", "\\_")
    source = ('#set page(paper: "a4", margin: (x: 20mm, y: 15mm))\n'
              '#set text(font: "BIZ UDMincho", size: 10.5pt, lang: "ja")\n' + body.replace("\n", "\n\n"))
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "notice.typ"
        src.write_text(source, encoding="utf-8")
        compiler = typst.Compiler(str(src), font_paths=[str(ROOT / "fonts")])
        compiler.compile()
        start = time.perf_counter()
        for _ in range(n):
            compiler.compile()
        return n / (time.perf_counter() - start)


def notice_text() -> str:
    """The seed notice's text, paragraph by paragraph, from the document model."""
    from jpdocs import model
    from jpdocs.build import make_documents, style_for
    from jpdocs.spec import load_spec
    loaded = load_spec(SEED)
    doc = make_documents(loaded, style_for(loaded))[0]
    return "\n".join(model.plain_text(b.inlines) for b in model.walk(doc.blocks) if hasattr(b, "inlines"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="specs for the 2-worker batch (default 1000)")
    ap.add_argument("--warm", type=int, default=100, help="specs for the one-process rate (default 100)")
    ap.add_argument("--profile", action="store_true", help="print a profile of the warm build")
    args = ap.parse_args()
    from jpdocs import batch
    from jpdocs.annual import build_annual
    from jpdocs.style import load_style

    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        # Press-notice specs: without 連携事項 they make no overview sheet (timed apart below).
        specs = write_specs(tmp / "specs", spread_dates(args.n), notice_only=True)
        print(f"\n{args.n} generated press-notice specs in {tmp / 'specs'}")

        print("\nwarm, one process (fonts and templates loaded once):")
        pdf_rate = warm_rate(specs[:args.warm], tmp / "w1", ("pdf",))
        both_rate = warm_rate(specs[:args.warm], tmp / "w2", ("pdf", "docx"))
        line("press notices/s, PDF only", f"{pdf_rate:.1f}",
             verdict(pdf_rate >= TARGETS["per_core"], f"{TARGETS['per_core'] / pdf_rate:.2f}x"))
        line("press notices/s, PDF + DOCX", f"{both_rate:.1f}",
             verdict(both_rate >= TARGETS["per_core"], f"{TARGETS['per_core'] / both_rate:.2f}x"))
        full = write_specs(tmp / "full", spread_dates(args.warm, seed=3))
        sheet_rate = warm_rate(full, tmp / "w4", ("pdf", "docx"))
        line("specs/s with notice + overview sheet, PDF + DOCX", f"{sheet_rate:.1f}")
        if args.profile:
            profile(specs[:args.warm], tmp / "w3", ("pdf", "docx"))

        print(f"\nbatch of {args.n} with 2 workers (python generate.py DIR -j 2, in-process pool):")
        for formats in (("pdf",), ("pdf", "docx")):
            start = time.perf_counter()
            res = batch.run(specs, tmp / f"b-{'-'.join(formats)}", formats, jobs=2, force=True,
                            progress_stream=io.StringIO())
            took = time.perf_counter() - start
            assert not res["failed"], res["failed"][:1]
            scaled = took * 1000 / args.n
            line(f"{'+'.join(formats)}: {args.n} specs", f"{took:.2f} s",
                 f"({len(specs) / took:.0f}/s; 1,000 → {scaled:.1f} s) "
                 + verdict(scaled <= TARGETS["batch_s"], f"{scaled - TARGETS['batch_s']:.1f} s"))

        print("\ncold: python generate.py SPEC (median of 5, fresh process each):")
        for extra in ([], ["--format", "pdf"], ["--kinds", "press-notice"], ["--kinds", "press-notice", "--format", "pdf"]):
            t = cold([SEED, "-o", tmp / "cold", "--force", *extra])
            what = " ".join(extra).replace("--kinds ", "").replace("--format ", "")
            line(f"seed spec, {what or 'all three documents, PDF + DOCX'}", f"{t:.3f} s",
                 verdict(t <= TARGETS["cold_s"], f"{t - TARGETS['cold_s']:.2f} s"))

        print("\nsizes (the seed spec):")
        seed_out = tmp / "cold" / SEED.stem
        for f in sorted(seed_out.iterdir()):
            kb = f.stat().st_size / 1024
            target = verdict(kb <= TARGETS["notice_kb"], f"{kb - TARGETS['notice_kb']:.0f} KB") \
                if f.name == "press-notice.pdf" else ""
            line(f.name, f"{kb:.0f} KB", target)

        print("\nannual overview, 30 agreements of one fiscal year:")
        year = write_specs(tmp / "year", spread_dates(30, dt.date(2024, 4, 1), 365, seed=5))
        style = load_style()
        build_annual(year, 2024, tmp / "annual", style)                   # warm up the writers
        start = time.perf_counter()
        files = build_annual(year, 2024, tmp / "annual", style)
        line("build (in process, warm)", f"{time.perf_counter() - start:.2f} s")
        line("python generate.py annual (cold)",
             f"{cold(['annual', '--fiscal-year', '2024', tmp / 'year', '-o', tmp / 'annual'], 3):.2f} s")
        for f in files:
            line(f.name, f"{f.stat().st_size / 1024:.0f} KB")

        print("\nother tools, same notice:")
        lo = libreoffice(seed_out / "press-notice.docx", tmp)
        if lo is None:
            line("LibreOffice (DOCX → PDF)", "not installed")
        else:
            line("LibreOffice DOCX → PDF, cold", f"{lo:.2f} s", f"({lo / cold([SEED, '-o', tmp / 'c2', '--force']):.1f}x"
                                                                 " our cold PDF + DOCX build)")
        rate = typst_rate(notice_text())
        if rate is None:
            line("Typst (the `typst` package)", "not installed")
        else:
            line("Typst, compiler reused, notices/s", f"{rate:.1f}", f"({rate / pdf_rate:.2f}x our PDF rate)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
