"""atomic._flush_all: a build's files flushed side by side by threads kept for the
process (a thread made for each build cost ~0.3 M instructions a notice): a failure
in any flusher is raised by the caller, a flush that outlives its call does not
answer the next call, and a forked child makes its own threads."""
from __future__ import annotations

import errno
import os
import signal
import threading
import time

import pytest

from jpdocs import atomic


def _files(tmp_path, count: int) -> list[int]:
    return [os.open(tmp_path / f"f{i}", os.O_RDWR | os.O_CREAT) for i in range(count)]


def test_a_failed_flush_in_a_flusher_is_raised_by_the_caller(tmp_path, monkeypatch):
    fds = _files(tmp_path, 4)
    real = os.fsync

    def fsync(fd):
        if fd == fds[2]:
            assert threading.current_thread().name == "jpdocs-fsync"
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)
    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError) as caught:
        atomic._flush_all(fds)
    assert caught.value.errno == errno.ENOSPC
    monkeypatch.setattr(os, "fsync", real)
    atomic._flush_all(fds)                       # the flushers go on: nothing left of the failure
    for fd in fds:
        os.close(fd)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs setitimer")
def test_a_flush_that_outlives_its_call_holds_up_and_answers_no_other(tmp_path, monkeypatch):
    """A call stopped while a flusher hangs (Ctrl-C: here a timer's signal) leaves that
    flush behind: the next call gets a thread of its own, and the late outcome goes to
    the stopped call's queue, not to the next call's."""
    monkeypatch.setattr(atomic, "_flushers_pid", 0)     # a pool of its own (as a forked child's)
    fds = _files(tmp_path, 2)
    release, real = threading.Event(), os.fsync

    def fsync(fd):
        if fd == fds[1]:
            release.wait(20)
            raise OSError(errno.EIO, "late")
        real(fd)
    monkeypatch.setattr(os, "fsync", fsync)

    class Stopped(Exception):
        pass

    def stop(*_):
        raise Stopped
    before = signal.signal(signal.SIGALRM, stop)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(Stopped):
            atomic._flush_all(fds)               # waits for the hanging flush: stopped
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
    others = [os.open(tmp_path / f"g{i}", os.O_RDWR | os.O_CREAT) for i in range(2)]
    done = threading.Event()
    threading.Thread(target=lambda: (atomic._flush_all(others), done.set()), daemon=True).start()
    assert done.wait(10), "the next call waited for the hanging flush"
    release.set()                                # the late failure, to the stopped call's queue
    while atomic._jobs_out:
        time.sleep(0.01)
    atomic._flush_all(others)                    # not raised here
    for fd in fds + others:
        os.close(fd)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_flushes_with_threads_of_its_own(tmp_path):
    fds = _files(tmp_path, 3)
    atomic._flush_all(fds)                       # the parent's flushers made
    pid = os.fork()
    if pid == 0:                                 # (the child: its parent's threads are not here)
        try:
            done = threading.Event()
            threading.Thread(target=lambda: (atomic._flush_all(fds), done.set()), daemon=True).start()
            os._exit(0 if done.wait(10) else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    for fd in fds:
        os.close(fd)
