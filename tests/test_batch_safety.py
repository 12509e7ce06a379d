"""A batch that one spec cannot stop: a worker killed mid-run costs its own spec
only, a spec that hangs is stopped by the time limit, the workers go when their
parent is killed, and --jobs is capped. Run through the real generator; the
worker processes are found as the batch's children in /proc."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

# The generator with one spec made to hang: its loading sleeps (as a read of a FIFO
# would block) when the spec is hang.yaml. Workers are forked, so
# they inherit the change.
HANGING = """
import sys, time
sys.path.insert(0, {root!r})
from jpdocs import cli
from jpdocs.spec import load as spec
real = spec.load_spec
def load_spec(path):
    if str(path).endswith("/hang.yaml"):
        time.sleep(3600)
    return real(path)
spec.load_spec = load_spec
sys.exit(cli.main(sys.argv[1:]))
"""


def counts(stdout: str) -> dict[str, int]:
    found = re.search(r"built (\d+), unchanged (\d+), failed (\d+)", stdout)
    assert found, stdout
    return dict(zip(("built", "unchanged", "failed"), map(int, found.groups())))


def proc_stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return fields[0], int(fields[1])


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = proc_stat(int(entry.name))
            if stat and stat[1] == pid and stat[0] != "Z":
                out.append(int(entry.name))
    return out


def batch(specs_dir: Path, out: Path, *args, output=subprocess.PIPE) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "generate.py"), specs_dir, "-o", out, *map(str, args)],
                            stdout=output, stderr=output, text=True)


def wait_for(condition, seconds: float = 60, what: str = ""):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_killed_worker_costs_only_its_own_spec_which_is_named(tmp_path):
    specs = write_specs(tmp_path / "specs", spread_dates(12))
    out = tmp_path / "out"
    proc = batch(tmp_path / "specs", out, "-j", "2")
    wait_for(lambda: list(out.glob("*/press-notice.pdf")), what="the first spec built")

    def busy_worker():
        # A worker on the CPU is building a spec (an idle one sleeps on its pipe).
        return next((pid for pid in children(proc.pid) if (proc_stat(pid) or ("",))[0] == "R"), None)
    victim = wait_for(busy_worker, what="a busy worker")
    os.kill(victim, signal.SIGKILL)
    stdout, stderr = proc.communicate(timeout=120)

    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr
    assert counts(stdout) == {"built": 11, "unchanged": 0, "failed": 1}, stdout
    failed = re.findall(r"^failed: (.+)$", stdout, re.M)
    assert len(failed) == 1
    assert re.search(rf"error: {re.escape(failed[0])}: the worker process building it was killed by SIGKILL",
                     stderr), stderr
    for spec in specs:
        if str(spec) != failed[0]:
            assert (out / spec.stem / "press-notice.pdf").is_file(), spec
    # The next run builds the one that failed; nothing else.
    again = batch(tmp_path / "specs", out, "-j", "2")
    stdout, stderr = again.communicate(timeout=120)
    assert again.returncode == 0, stderr
    assert counts(stdout) == {"built": 1, "unchanged": 11, "failed": 0}


@pytest.mark.parametrize("others", [5, 0], ids=["in-a-batch", "alone"])
def test_a_spec_that_hangs_is_stopped_by_the_time_limit_and_named(others, tmp_path):
    specs = write_specs(tmp_path / "specs", spread_dates(others + 1), notice_only=True)
    hanging = specs[others // 2].rename(specs[others // 2].with_name("hang.yaml"))
    # A limit well above what a notice takes on a loaded machine (a worker's first
    # spec imports everything; at a load of 8 on two cores 3 s stopped a good one too)
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-c", HANGING.format(root=str(ROOT)), tmp_path / "specs",
                             "-o", tmp_path / "out", "-j", "2", "--time-limit", "10"],
                            capture_output=True, text=True, timeout=120)
    assert time.monotonic() - start < 90
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert counts(result.stdout) == {"built": others, "unchanged": 0, "failed": 1}, result.stdout + result.stderr
    assert f"error: {hanging}: not built: it took longer than 10 s (--time-limit)" in result.stderr


def test_the_workers_exit_when_the_batch_is_killed(tmp_path):
    write_specs(tmp_path / "specs", spread_dates(40))
    out = tmp_path / "out"
    # not piped: orphaned workers would hold the pipes open
    proc = batch(tmp_path / "specs", out, "-j", "2", output=subprocess.DEVNULL)
    workers = wait_for(lambda: len(children(proc.pid)) >= 2 and children(proc.pid), what="two workers")
    wait_for(lambda: list(out.glob("*/press-notice.pdf")), what="the first spec built")
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 5
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.05)
        alive = [pid for pid in workers if (proc_stat(pid) or ("Z",))[0] != "Z"]
    for pid in alive:                    # (the old code's orphans: not left running after the test)
        os.kill(pid, signal.SIGKILL)
    assert alive == [], "workers still running after their parent was killed"


def test_jobs_is_capped_by_the_cores_and_the_specs(tmp_path):
    write_specs(tmp_path / "specs", spread_dates(3), notice_only=True)
    proc = batch(tmp_path / "specs", tmp_path / "out", "-j", "64")
    most = 0
    while proc.poll() is None:
        most = max(most, len(children(proc.pid)))
        time.sleep(0.005)
    stdout, stderr = proc.communicate()
    assert proc.returncode == 0, stderr
    assert counts(stdout)["built"] == 3
    assert 1 <= most <= min(3, len(os.sched_getaffinity(0)))


# ------------------------------------------------------------ the pool itself, in this process
def _square_or_die(task: int) -> int:
    if task == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    if task == 5:
        time.sleep(60)
    return task * task


def test_the_pool_reports_each_task_once_whatever_its_worker_does():
    from jpdocs.build.workers import run_tasks
    outcomes = dict(run_tasks(list(range(8)), 2, init=lambda: None, work=_square_or_die, time_limit=2))
    assert sorted(outcomes) == list(range(8))
    assert outcomes[3].status == "died" and "SIGKILL" in outcomes[3].value
    assert outcomes[5].status == "timeout"
    assert {t: o.value for t, o in outcomes.items() if o.status == "done"} == {
        t: t * t for t in range(8) if t not in (3, 5)}


def test_workers_that_cannot_start_fail_the_tasks_instead_of_looping():
    from jpdocs.build.workers import run_tasks
    start = time.monotonic()
    outcomes = list(run_tasks([1, 2, 3], 2, init=lambda: os._exit(7), work=_square_or_die))
    assert sorted(t for t, _ in outcomes) == [1, 2, 3]
    assert all(o.status == "not-started" and "exited with status 7" in o.value for _, o in outcomes)
    assert time.monotonic() - start < 30


def test_a_time_limit_too_short_for_anything_is_a_failure_named_never_a_traceback(tmp_path):
    # The alarm rings before the build has begun (found: SpecTimeout escaped as a traceback).
    spec = write_specs(tmp_path / "specs", spread_dates(1), notice_only=True)[0]
    for _ in range(3):
        result = subprocess.run([sys.executable, ROOT / "generate.py", spec, "-o", tmp_path / "out",
                                 "--time-limit", "0.000001"], capture_output=True, text=True, timeout=120)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode == 1, result.stderr
        assert f"error: {spec}: not built: it took longer than 1e-06 s (--time-limit)" in result.stderr
        assert not (tmp_path / "out" / spec.stem).exists() or not any((tmp_path / "out" / spec.stem).iterdir())


def test_the_alarm_ringing_at_any_moment_of_a_build_in_this_process_gives_a_result(monkeypatch):
    from jpdocs.build import batch

    def quick(spec, *args):
        return batch.Result(spec, "built")
    monkeypatch.setattr(batch, "build_one", quick)
    outcomes = set()
    for i in range(400):              # limits from 1 µs on: the alarm rings before, in or after the build
        result = batch._build_here("s.yaml", (), 1e-6 * (1 + i % 40))
        assert isinstance(result, batch.Result)
        outcomes.add(result.status)
    assert outcomes <= {"built", "failed"}


def test_a_time_limit_swallowed_by_a_finalizer_stops_the_spec_all_the_same(monkeypatch):
    """The alarm rings while Python runs some object's __del__ (the garbage collector
    can run one at any moment): an exception raised there is not propagated, only
    printed. The spec must still be stopped, not left to run (or hang) for good."""
    from jpdocs.build import batch

    finished = []

    class Finalized:
        def __del__(self):
            time.sleep(0.5)          # the 0.1 s alarm rings in here, and its exception is lost
            finished.append(True)

    def build_one(spec, *args):
        Finalized()                  # dropped at once: its __del__ runs now
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            pass                     # still building when the limit has long passed
        return batch.Result(spec, "built")

    monkeypatch.setattr(batch, "build_one", build_one)
    hook = sys.unraisablehook
    start = time.monotonic()
    result = batch._build_here("slow.yaml", (), 0.1)
    assert finished == []                            # the case: the ring fell in __del__, cut it short
    assert result.status == "failed", result
    assert "took longer than 0.1 s (--time-limit)" in result.problems[0].message
    assert time.monotonic() - start < 0.9            # at once, not at the next regular ring
    assert sys.unraisablehook is hook
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)      # no alarm left running


# ------------------------------------------------- a task finished while its worker goes on
def _finish_slowly(task: int, built: float) -> tuple[int, float, float]:
    time.sleep(0.3)
    return task, built, time.monotonic()


def _built_now_finished_later(task: int):
    from jpdocs.build.workers import Later
    import functools
    return Later(functools.partial(_finish_slowly, task, time.monotonic()))


def test_a_worker_builds_its_next_tasks_while_the_last_ones_are_finished_in_order():
    """What a batch worker does with a spec's files: written by another thread while
    it renders the next spec, at most IN_FLIGHT tasks at once, each reported done
    only when finished, in the order given."""
    from jpdocs.build.workers import IN_FLIGHT, run_tasks
    ended = list(run_tasks(list(range(IN_FLIGHT + 2)), 1, init=lambda: None, work=_built_now_finished_later))
    assert [task for task, _ in ended] == list(range(IN_FLIGHT + 2))
    values = [outcome.value for _, outcome in ended]
    built = {task: at for task, at, _ in values}
    finished = {task: at for task, _, at in values}
    assert built[1] < finished[0]                      # the next was built before the last was written
    assert built[IN_FLIGHT - 1] < finished[0]
    assert built[IN_FLIGHT] >= finished[0]             # no more than IN_FLIGHT at once


def _die_on_two(task: int):
    if task == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return _built_now_finished_later(task)


def test_a_worker_killed_while_earlier_tasks_are_being_finished_costs_only_the_task_it_was_on():
    from jpdocs.build.workers import run_tasks
    outcomes = dict(run_tasks(list(range(5)), 1, init=lambda: None, work=_die_on_two))
    assert sorted(outcomes) == list(range(5))
    assert outcomes[2].status == "died" and "SIGKILL" in outcomes[2].value
    # 0 and 1, built and still being written when it died, were built again
    assert {t for t, o in outcomes.items() if o.status == "done"} == {0, 1, 3, 4}
    assert all(outcomes[t].value[0] == t for t in (0, 1, 3, 4))


def _a_second(task: int) -> int:
    time.sleep(1.0)
    return task


def test_the_time_limit_of_a_task_waiting_in_a_workers_pipe_counts_from_when_it_begins():
    from jpdocs.build.workers import run_tasks
    outcomes = dict(run_tasks([0, 1, 2], 1, init=lambda: None, work=_a_second, time_limit=1.6))
    assert {t: o.status for t, o in outcomes.items()} == {0: "done", 1: "done", 2: "done"}
