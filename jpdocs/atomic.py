"""Writing one file so that a crash or a kill leaves either the old file or the new
one: the bytes go to a hidden temporary file beside the target
(`.{name}.{pid}-{random}.part`), are flushed to disk, and are renamed over the target
in one step (rename is atomic within a file system); and telling such a temporary
file that a killed run left from one that another run is writing now.

A module of its own because single files are written this way by many (the caches
of fonts and compiled code, the build record, a document the writers save alone,
`sign`'s signed copy), while output.py builds on it to write a build's files and
their manifest all or none.
"""
from __future__ import annotations

import contextlib
import errno
import os
import threading
from pathlib import Path

try:
    from _queue import SimpleQueue  # queue.SimpleQueue itself, without the queue module's imports (~0.3 ms)
except ImportError:
    from queue import SimpleQueue

try:
    import fcntl
except ImportError:                 # Windows: the process id alone tells a leftover (abandoned)
    fcntl = None


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    tmp = stage(path, data, durable)
    try:
        os.replace(tmp, path)
    except BaseException:
        discard(tmp)
        raise


def stage(path: Path, data: bytes, durable: bool = True) -> str:
    """`data` in a temporary file beside `path`, on disk (durable: flushed to the disk
    itself, so that a power cut cannot leave the name pointing at an empty file);
    returns its name."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # The writer's process id in the name lets a later run tell a leftover of a
    # killed run (its process is gone) from a file another run is writing now.
    fd, tmp = _make_part(path)
    try:
        try:
            _hold(fd)
            _write_all(fd, data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, 0o644)
    except BaseException:
        # Whatever went wrong (a full disk, a kill signal turned into an
        # exception), the half-written temporary file must not stay behind.
        discard(tmp)
        raise
    return tmp


def stage_all(targets: list[tuple[Path | str, bytes]], durable: bool = True) -> list[str]:
    """stage() for several files of one folder (which exists), returning their
    temporary files' names in order: all written first, then (durable) all flushed to
    the disk at once. A flush waits for the disk (0.4–0.7 ms here, much longer on a
    busy disk): a notice's manifest, PDF and DOCX flushed in turn waited some 7% of
    its time in a batch, with the processor idle. Side by side (os.fsync lets other
    threads run while it waits) the file system commits them together. On any
    failure none of them is left."""
    names: list[str] = []
    open_fds: list[int] = []                    # each open until it is flushed
    try:
        for path, data in targets:
            fd, tmp = _make_part(path)
            open_fds.append(fd)
            names.append(tmp)
            _hold(fd)
            _write_all(fd, data)
        if durable:
            _flush_all(open_fds)
        while open_fds:
            os.close(open_fds.pop())
        for tmp in names:
            os.chmod(tmp, 0o644)
    except BaseException:
        # As in stage: whatever went wrong, no temporary file stays behind.
        for fd in open_fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        for tmp in names:
            discard(tmp)
        raise
    return names


def _write_all(fd: int, data: bytes) -> None:
    """All of `data` to the file (os.write may write less than it is given)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _flush_all(fds: list[int]) -> None:
    """os.fsync of each, the first in this thread and the others side by side, each
    by a flusher thread (_flushers); the first failure is raised once all are done."""
    if len(fds) < 2:
        for fd in fds:
            os.fsync(fd)
        return
    outcomes = SimpleQueue()                  # this call's own: a late outcome of another call never lands here
    jobs = _flushers(len(fds) - 1)
    for fd in fds[1:]:
        jobs.put((fd, outcomes))
    failed = [_fsync(fds[0])]
    failed += [outcomes.get() for _ in fds[1:]]
    for exc in failed:
        if exc is not None:
            raise exc


def _fsync(fd: int) -> BaseException | None:
    try:
        os.fsync(fd)
    except BaseException as exc:              # (an OSError: raised by the caller's thread)
        return exc
    return None


# Threads that flush files for _flush_all, made as builds first need them and kept
# for the process: a thread made, started and joined for each build took 70-150 µs
# (the kernel's part of it, which callgrind does not count: 0.05 M instructions a
# notice fewer), a handoff through the queues ~14 µs (os.fsync made a no-op). They take jobs (a file descriptor, and the
# caller's queue its outcome goes to) from one queue, each while the caller's thread
# flushes its own file, so the flushes still wait on the disk side by side. There are
# always as many as the jobs given out and not done (up to _MAX_FLUSHERS): a flush
# that hangs, or outlives a call stopped by Ctrl-C, never holds up the next call's.
# The queues are C objects (queue.SimpleQueue). A forked child has the queue but not
# the threads (fork copies only the calling thread): it makes its own.
_MAX_FLUSHERS = 16               # a build has a dozen files at most; more wait their turn
_flushers_lock = threading.Lock()
_jobs: SimpleQueue | None = None
_flusher_count = 0               # threads taking from _jobs
_jobs_out = 0                    # jobs given out and not done
_flushers_pid = 0


def _flushers(wanted: int) -> SimpleQueue:
    """The flushers' queue, for `wanted` more jobs, with a thread free for each."""
    global _jobs, _flusher_count, _jobs_out, _flushers_pid
    with _flushers_lock:
        if _flushers_pid != _pid():
            _jobs, _flusher_count, _jobs_out, _flushers_pid = SimpleQueue(), 0, 0, _pid()
        _jobs_out += wanted
        while _flusher_count < min(_jobs_out, _MAX_FLUSHERS):
            threading.Thread(target=_flush_jobs, args=(_jobs,), name="jpdocs-fsync", daemon=True).start()
            _flusher_count += 1
        return _jobs


def _flush_jobs(jobs: SimpleQueue) -> None:
    global _jobs_out
    while True:
        fd, outcomes = jobs.get()
        outcome = _fsync(fd)
        with _flushers_lock:
            _jobs_out -= 1
        outcomes.put(outcome)


_PART_FLAGS = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_BINARY", 0))


def _make_part(path: Path | str) -> tuple[int, str]:
    """A new, empty temporary file beside `path`, `.{name}.{pid}-{random}.part`, open
    and only the user's (mode 0600 until it is complete), as tempfile.mkstemp makes
    it; made here because importing tempfile was ~1.5 ms of every start. `path` is a
    Path or its text (as str(Path) gives it: split here as Path splits it, no Path made)."""
    folder, name = os.path.split(path)
    folder = folder or os.curdir             # (Path("x").parent is ".")
    for _ in range(100):
        tmp = os.path.join(folder, f".{name}.{_pid()}-{os.urandom(6).hex()}.part")
        try:
            return os.open(tmp, _PART_FLAGS, 0o600), tmp
        except FileExistsError:
            continue                 # (48 random bits: another writer's name, astronomically rarely)
    raise FileExistsError(errno.EEXIST, "no free temporary file name", folder)


# The process id, asked once per process (a forked child asks again): os.getpid() is a
# system call, and a build asked it for each temporary file and each flush.
_pid_known = 0


def _pid() -> int:
    global _pid_known
    if not _pid_known:
        _pid_known = os.getpid()
    return _pid_known


def _forgotten_pid() -> None:
    global _pid_known
    _pid_known = 0


if hasattr(os, "register_at_fork"):          # (Windows: no fork; a new process imports afresh)
    os.register_at_fork(after_in_child=_forgotten_pid)


def discard(path) -> None:
    """Remove a file; one that is gone already is no matter."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def write_new(path: Path, data: bytes) -> bool:
    """Write a file that must not exist yet, atomically: False (and nothing written)
    when it does. The complete file is linked to its name, which fails if the name
    is taken, so of two runs at once exactly one succeeds."""
    path = Path(path)
    tmp = stage(path, data)
    try:
        os.link(tmp, path)
        return True
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        return _write_exclusive(path, data)       # a file system without hard links
    finally:
        discard(tmp)


def _write_exclusive(path: Path, data: bytes) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        discard(path)
        raise
    return True


# A writer holds an exclusive lock on its open temporary file until it has renamed
# it. The kernel drops the lock the moment the process dies, before its parent has
# reaped it: a killed worker's process id still answers os.kill(pid, 0) for a while
# (as a zombie), so the lock, not the process id, tells a leftover from a file being
# written. Where flock does not exist, the process id alone decides.
def _hold(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)


def abandoned(part: Path, rest: str) -> bool:
    """Whether no process is writing this temporary file ("4242-x1y2.part")."""
    if fcntl is None:
        return not _writer_alive(rest)
    try:
        fd = os.open(part, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False                # locked: its writer is alive and writing
    finally:
        os.close(fd)
    # Unlocked: the writer is gone, or it has made the file and not yet locked it
    # (a few microseconds). Its process id tells those apart; a zombie counts as gone.
    return not _writer_alive(rest)


def _writer_alive(rest: str) -> bool:
    """Whether the process named in a temporary file's name still runs (a zombie,
    killed but not yet reaped, does not); True when the name carries no process id
    (then only age decides)."""
    pid = rest.split("-", 1)[0]
    if not pid.isdigit() or "-" not in rest:
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True              # it exists, but belongs to someone else
    return not _is_zombie(int(pid))


def _is_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2:].startswith(("Z", "X"))

