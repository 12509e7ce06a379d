"""A pool of worker processes that one task cannot stop.

concurrent.futures' pool marks itself broken when one worker dies and fails every
task still queued, without saying which task killed it. Here the parent hands each
worker one task at a time over its own pipe, so it always knows which task a
worker is on and since when:

- a worker that dies (out of memory, a signal) costs only its task, reported as
  such; a fresh worker takes its place and the queue goes on;
- a task that runs longer than the time limit (a read that never returns) has its
  worker killed and is reported as timed out;
- a worker exits when its parent goes, even by kill -9 (die_with_parent).

`run_tasks` yields (task, Outcome) as tasks end, in the order they end.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any, Callable, Iterator

START_FAILURES = 3        # workers dying before their first task, in a row, before giving up
STOP_GRACE = 10.0         # seconds a worker may take to finish its task when the run stops early
PR_SET_PDEATHSIG = 1      # linux/prctl.h


@dataclass
class Outcome:
    """What became of one task given to a worker process."""
    status: str           # done | died | timeout | not-started
    value: Any = None     # the task's result (done); a description otherwise


def die_with_parent(parent_pid: int) -> None:
    """Make this process end when its parent does. On Linux the kernel sends SIGKILL
    at once (prctl PR_SET_PDEATHSIG); elsewhere, and in case the parent was gone
    before the prctl, a thread checks every second whether we were re-parented."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(1)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _serve(conn, parent_end, parent_pid: int, init: Callable, work: Callable) -> None:
    """A worker's life: set up once, say ready, then one task per message until told
    to stop (None) or the pipe closes."""
    parent_end.close()
    die_with_parent(parent_pid)
    # Ctrl-C reaches the whole process group; the parent alone decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    init()
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            break
        if task is None:
            break
        conn.send(("done", work(task)))


def how_it_ended(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"was killed by {name}{hint}"
    return f"exited with status {exitcode}"


class _Worker:
    def __init__(self, context, init: Callable, work: Callable):
        self.conn, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end, self.conn, os.getpid(), init, work),
                                       daemon=True, name="jpdocs-worker")
        self.process.start()
        child_end.close()
        self.ready = False
        self.task: Any = None
        self.busy = False
        self.started = 0.0

    def give(self, task) -> None:
        self.task, self.busy, self.started = task, True, time.monotonic()
        self.conn.send(task)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def run_tasks(tasks: list, jobs: int, init: Callable, work: Callable,
              time_limit: float | None = None) -> Iterator[tuple[Any, Outcome]]:
    """Run work(task) for every task in `jobs` worker processes (each first runs
    init()); yield (task, Outcome) as each ends. time_limit: seconds per task."""
    methods = multiprocessing.get_all_start_methods()
    # fork where there is one: a worker starts in ~70 ms instead of ~340 ms
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    queue = deque(tasks)
    workers = [_Worker(context, init, work) for _ in range(min(jobs, len(queue)))]
    start_failures = 0
    try:
        while queue or any(w.busy for w in workers):
            for w in workers:
                if w.ready and not w.busy and queue:
                    w.give(queue.popleft())
            now = time.monotonic()
            timeout = None
            if time_limit:
                ends = [w.started + time_limit - now for w in workers if w.busy]
                timeout = max(0.0, min(ends)) if ends else None
            ready = set(wait([w.conn for w in workers] + [w.process.sentinel for w in workers], timeout))
            for w in list(workers):
                gone = False
                if w.conn in ready:
                    try:
                        kind, value = w.conn.recv()
                    except (EOFError, OSError):
                        gone = True
                    else:
                        if kind == "ready":
                            w.ready, start_failures = True, 0
                        else:
                            task, w.task, w.busy = w.task, None, False
                            if queue:              # the next task first: the worker need not
                                w.give(queue.popleft())   # wait while its result is taken in
                            yield task, Outcome("done", value)
                elif w.process.sentinel in ready:
                    gone = True
                elif w.busy and time_limit and time.monotonic() - w.started >= time_limit:
                    w.kill()
                    workers.remove(w)
                    yield w.task, Outcome("timeout", time_limit)
                    if queue:
                        workers.append(_Worker(context, init, work))
                    continue
                if not gone:
                    continue
                w.kill()            # reaps it; it is gone already
                workers.remove(w)
                if w.busy:
                    yield w.task, Outcome("died", how_it_ended(w.process.exitcode))
                elif not w.ready:
                    start_failures += 1
                if start_failures >= START_FAILURES:
                    why = f"worker processes end before their first task ({how_it_ended(w.process.exitcode)})"
                    while queue:
                        yield queue.popleft(), Outcome("not-started", why)
                if queue and len(workers) < jobs:
                    workers.append(_Worker(context, init, work))
            if not workers and queue:      # every worker gone at once: start afresh
                workers = [_Worker(context, init, work) for _ in range(min(jobs, len(queue)))]
    finally:
        _stop(workers)


def _stop(workers: list[_Worker]) -> None:
    """Idle workers exit at once; a busy one (the run was interrupted) may finish its
    task — its files are written whole — for up to STOP_GRACE seconds."""
    for w in workers:
        try:
            w.conn.send(None)
        except OSError:
            pass
    deadline = time.monotonic() + STOP_GRACE
    for w in workers:
        w.process.join(max(0.0, deadline - time.monotonic()))
        w.kill()
