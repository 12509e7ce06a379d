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

A task may end in two steps: `work` returns a `Later` (a spec built in memory, its
files still to be written) and the worker takes its next task while a thread of its
own finishes the earlier ones, in order (writing waits on the disk, fsyncs, more
than on the processor). The next task already waits in the worker's pipe (QUEUED),
so that a worker never waits for the parent (which, on a busy machine, may not run
at once); a worker holds fewer than IN_FLIGHT tasks. A task counts as done only when
finished. A worker that dies costs the task it was on (the one being built, or else
the one being finished); its other tasks are given again.

`run_tasks` yields (task, Outcome) as tasks end, in the order they end.
"""
from __future__ import annotations

import multiprocessing
import os
import queue as queues
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
IN_FLIGHT = 4             # tasks a worker holds at most: being built, waiting to be, being finished
QUEUED = 2                # tasks given to a worker and not yet built: the next waits in its pipe


class Later:
    """Returned by `work` for a task whose end can wait: the worker takes its next task
    while its finishing thread calls finish(), whose value is the task's. finish()
    must not raise (a worker whose finish raises exits, and the task is reported as
    died)."""

    def __init__(self, finish: Callable[[], Any]):
        self.finish = finish


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


_END = object()           # the finishing thread's last item


def _serve(conn, parent_end, parent_pid: int, init: Callable, work: Callable) -> None:
    """A worker's life: set up once, say ready, then one task per message until told
    to stop (None) or the pipe closes. Each task is answered "free" when its work is
    done (the parent may give the next) and "done" with its value once finished."""
    parent_end.close()
    die_with_parent(parent_pid)
    # Ctrl-C reaches the whole process group; the parent alone decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    init()
    sending = threading.Lock()          # two threads send on one pipe

    def send(message) -> None:
        with sending:
            conn.send(message)
    finishing: queues.SimpleQueue = queues.SimpleQueue()
    finisher = threading.Thread(target=_finish_in_turn, args=(finishing, send), name="jpdocs-finish")
    finisher.start()
    send(("ready", None))
    try:
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                break
            if task is None:
                break
            value = work(task)
            send(("free", None))
            finishing.put(value)
    finally:
        finishing.put(_END)             # what was built is still finished (written whole)
        finisher.join()


def _finish_in_turn(finishing, send) -> None:
    """The worker's finishing thread: each task's Later finished and its value sent,
    in the order the tasks came."""
    try:
        while (value := finishing.get()) is not _END:
            send(("done", value.finish() if isinstance(value, Later) else value))
    except OSError:
        pass                            # the parent is gone; so is the worker, soon
    except BaseException:
        os._exit(70)                    # a finish that raised: the parent reports the task


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
        self.tasks: deque = deque()     # [task, when begun (None: in the pipe)], not yet done, oldest first
        self.unbuilt = 0                # of those, the newest not yet built (one being built, others queued)

    @property
    def busy(self) -> bool:
        return bool(self.tasks)

    def can_take(self) -> bool:
        return self.ready and self.unbuilt < QUEUED and len(self.tasks) < IN_FLIGHT

    def give(self, task) -> None:
        self.tasks.append([task, None if self.unbuilt else time.monotonic()])
        self.unbuilt += 1
        try:
            self.conn.send(task)
        except OSError:
            pass      # the worker is gone (its end closed): noticed next, and the task given again

    def built(self) -> None:
        """The task being built is built: the one waiting in the pipe begins now (its
        time limit counts from now, not from when it was given)."""
        self.unbuilt -= 1
        if self.unbuilt:
            self.tasks[len(self.tasks) - self.unbuilt][1] = time.monotonic()

    def first_begun(self) -> float | None:
        """When the oldest task that has begun began (the first over the time limit)."""
        return self.tasks[0][1] if self.tasks and self.tasks[0][1] is not None else None

    def lost_task(self):
        """When the worker is gone: the task it cost (the one it was building, or else the
        oldest, being finished); the others, oldest first, are to be given again."""
        tasks = [task for task, _ in self.tasks]
        on = len(tasks) - self.unbuilt if self.unbuilt else 0
        return tasks[on], tasks[:on] + tasks[on + 1:]

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
                if queue and w.can_take():
                    w.give(queue.popleft())
            now = time.monotonic()
            timeout = None
            if time_limit:
                ends = [w.first_begun() + time_limit - now for w in workers if w.first_begun() is not None]
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
                        elif kind == "free":
                            w.built()
                        else:
                            task, _ = w.tasks.popleft()
                            yield task, Outcome("done", value)
                        if queue and w.can_take():     # the next task first: the worker need
                            w.give(queue.popleft())     # not wait while results are taken in
                elif w.process.sentinel in ready:
                    gone = True
                elif (time_limit and w.first_begun() is not None
                      and time.monotonic() - w.first_begun() >= time_limit):
                    # the oldest is the one over the limit (the others began after it)
                    w.kill()
                    workers.remove(w)
                    queue.extendleft(reversed([task for task, _ in list(w.tasks)[1:]]))
                    yield w.tasks[0][0], Outcome("timeout", time_limit)
                    if queue:
                        workers.append(_Worker(context, init, work))
                    continue
                if not gone:
                    continue
                w.kill()            # reaps it; it is gone already
                workers.remove(w)
                if w.busy:
                    lost, again = w.lost_task()
                    queue.extendleft(reversed(again))
                    yield lost, Outcome("died", how_it_ended(w.process.exitcode))
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
    tasks — their files are written whole — for up to STOP_GRACE seconds."""
    for w in workers:
        try:
            w.conn.send(None)
        except OSError:
            pass
    deadline = time.monotonic() + STOP_GRACE
    for w in workers:
        w.process.join(max(0.0, deadline - time.monotonic()))
        w.kill()
