#!/usr/bin/env python3
"""What warm_stages.py's stages cost in time, not in counted instructions.

    python benchmarks/warm_times.py [N] [PASS ...]   (default N = 40, passes fonts file pages)

callgrind counts instructions as its own simulated processor runs them, not as this
machine does: OpenSSL's SHA-256 runs on the processor's SHA instructions, which
callgrind does not run as the processor does, and libdeflate picks its code by the
processor too. This script builds N warm notices as warm_stages.py does
(benchmarks/specgen.py, seed 13, PDF only, after three) and reads each stage's time
around its outermost call: processor time of the thread (`time.thread_time_ns`,
which a shared machine's load hardly moves) and wall time (`perf_counter_ns`). Then
it replays the notices' deflate calls, font cuts and /ID digests alone, each many
times, and keeps each call's fastest run: what the work costs with the processor's
caches warm, set beside its share of the build. A stage's time over its instructions
(warm_stages.py's figure) says whether the instructions are real time: most of a
notice runs at a few instructions a nanosecond; a stage far above that (the digest)
costs less than its count says.
"""
from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

WARM_UP = 3
REPLAYS = 15


def timed(totals: dict, name: str, f):
    """`f`, its outermost calls' processor and wall time added to totals[name]."""
    depth = [0]

    def w(*a, **k):
        if depth[0]:
            return f(*a, **k)
        depth[0] = 1
        cpu, wall = time.thread_time_ns(), time.perf_counter_ns()
        try:
            return f(*a, **k)
        finally:
            spent = totals.setdefault(name, [0, 0])
            spent[0] += time.thread_time_ns() - cpu
            spent[1] += time.perf_counter_ns() - wall
            depth[0] = 0
    return w


def fastest(f, calls: list[tuple]) -> int:
    """The sum over `calls` of each one's fastest of REPLAYS runs, in ns."""
    total = 0
    for args in calls:
        best = None
        for _ in range(REPLAYS):
            t = time.perf_counter_ns()
            f(*args)
            t = time.perf_counter_ns() - t
            best = t if best is None or t < best else best
        total += best
    return total


def main(n: int, passes: list[str]) -> None:
    import warm_stages
    from specgen import spread_dates, write_specs
    from jpdocs.build import batch
    from jpdocs.fonts import cid, cut
    from jpdocs.writers import pdf
    totals: dict[str, list[int]] = {}
    for pass_name, stages in warm_stages._stages().items():
        if pass_name in passes:
            for label, owner, attr, _ in stages:
                setattr(owner, attr, timed(totals, label, owner.__dict__[attr] if isinstance(owner, type)
                                           else getattr(owner, attr)))
    # the calls replayed alone (recorded as they are made)
    deflates, cuts, digests = [], [], []
    compress, cut_one, content_id = cid.compress, cut.Cutter.__dict__["cut"], pdf.content_id

    def recording_compress(data, *level):
        deflates.append((bytes(data), *level))
        return compress(data, *level)

    def recording_cut(cutter, subset):
        cuts.append((cutter, list(subset)))
        return cut_one(cutter, subset)

    def recording_id(data):
        digests.append((bytes(data),))
        return content_id(data)
    cid.compress = timed(totals, "every stream deflated (flate.compress)", recording_compress)
    cut.Cutter.cut = recording_cut
    pdf.content_id = recording_id
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as tmp:
        specs = write_specs(Path(tmp) / "s", spread_dates(WARM_UP + n, seed=13), notice_only=True)
        batch._init_worker(("pdf",), None)
        for i, spec in enumerate(specs):
            if i == WARM_UP:
                totals.clear()
                del deflates[:], cuts[:], digests[:]
                cpu, wall = time.thread_time_ns(), time.perf_counter_ns()
            result = batch.build_one(str(spec), str(Path(tmp) / "o"), ("pdf",), None, force=True)
            if result.status != "built":
                raise SystemExit(f"{spec}: {result.problems}")
        cpu, wall = time.thread_time_ns() - cpu, time.perf_counter_ns() - wall
    print(f"a warm notice, {n} after {WARM_UP}: {cpu / n / 1e3:8.1f} µs processor, {wall / n / 1e3:8.1f} µs wall")
    print("   processor     wall  (µs a notice, around each stage's outermost calls)")
    for label, (spent_cpu, spent_wall) in totals.items():
        print(f"{spent_cpu / n / 1e3:10.1f} {spent_wall / n / 1e3:8.1f}  {label}")
    print(f"replayed alone, each call's fastest of {REPLAYS} (µs a notice):")
    print(f"{fastest(compress, deflates) / n / 1e3:10.1f}  deflate, {len(deflates) / n:.1f} calls "
          f"of {sum(len(d[0]) for d in deflates) / n / 1e3:.1f} KB")
    print(f"{fastest(cut_one, cuts) / n / 1e3:10.1f}  the font cut, its glyphs read before ({len(cuts) / n:.1f} cuts)")
    print(f"{fastest(content_id, digests) / n / 1e3:10.1f}  the /ID and the file's digest (pdf.content_id)")
    print(f"{fastest(lambda d: hashlib.sha256(d).digest(), digests) / n / 1e3:10.1f}  "
          f"one SHA-256 of the file ({sum(len(d[0]) for d in digests) / n / 1e3:.1f} KB)")


if __name__ == "__main__":
    args = sys.argv[1:]
    count = int(args.pop(0)) if args and args[0].isdigit() else 40
    main(count, args or ["fonts", "file", "pages"])
