"""The benchmark's warm figure as a batch's worker builds (benchmarks/bench.py
build_rate, as_worker): it drives the worker's own finishing thread
(jpdocs.build.workers), so a change there that the benchmark no longer follows
fails here, and the files it times are the same bytes the one-by-one build writes."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import ROOT

SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path[:0] = [{bench!r}]
    import bench
    from specgen import spread_dates, write_specs
    from jpdocs.build import batch
    tmp = Path({tmp!r})
    specs = write_specs(tmp / "specs", spread_dates(3, seed=5), notice_only=True)
    batch._init_worker(("pdf",), None)
    bench.build_rate(specs, tmp / "worker", as_worker=True)
    bench.build_rate(specs, tmp / "single")
""")


def test_worker_path_writes_what_one_by_one_writes(tmp_path: Path):
    run = subprocess.run([sys.executable, "-c", SCRIPT.format(bench=str(ROOT / "benchmarks"), tmp=str(tmp_path))],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    worker = sorted((tmp_path / "worker").glob("*/press-notice.pdf"))
    single = sorted((tmp_path / "single").glob("*/press-notice.pdf"))
    assert len(worker) == len(single) == 3
    for w, s in zip(worker, single):
        assert w.parent.name == s.parent.name
        assert w.read_bytes() == s.read_bytes()
