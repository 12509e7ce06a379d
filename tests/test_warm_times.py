"""benchmarks/warm_times.py: its timing wrapper calls what it wraps once, with its
arguments and result, and times only the outermost call of a function that calls
itself (a stage's time is not counted twice)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import warm_times  # noqa: E402


def test_timed_passes_arguments_and_result():
    totals, seen = {}, []

    def f(a, b=0):
        seen.append((a, b))
        return (a, b, "out")
    assert warm_times.timed(totals, "f", f)(1, b=2) == (1, 2, "out")
    assert seen == [(1, 2)]
    assert list(totals) == ["f"] and all(t >= 0 for t in totals["f"])


def test_timed_counts_the_outermost_call_alone(monkeypatch):
    totals, calls = {}, []

    def down(n):
        calls.append(n)
        return down_timed(n - 1) if n else "bottom"
    down_timed = warm_times.timed(totals, "down", down)
    ticks = iter(range(0, 10_000, 10))
    monkeypatch.setattr(warm_times.time, "thread_time_ns", lambda: next(ticks))
    assert down_timed(3) == "bottom"
    assert calls == [3, 2, 1, 0]
    assert totals["down"][0] == 10       # one start and one end read: the inner calls not timed


def test_fastest_sums_each_calls_best(monkeypatch):
    runs, now = iter([5, 3, 4, 7, 3, 9]), [0]

    def f(x):
        now[0] += next(runs)
    monkeypatch.setattr(warm_times, "REPLAYS", 3)
    monkeypatch.setattr(warm_times.time, "perf_counter_ns", lambda: now[0])
    assert warm_times.fastest(f, [(1,), (2,)]) == 3 + 3
