"""The cache folder kept from growing without end.

Every cache of jpdocs (cache_folders.cache_root: parsed fonts and specs, stripped
glyphs, compiled templates and code, the digests of a build's inputs …) writes an
entry under a key made of what it holds: a template's source, a set of input files
as they are (paths, sizes, times), a spec's text, the interpreter. An entry whose
key is never asked for again stays: a template's version before an edit, a spec
since changed, a format an upgrade no longer reads (glyphs' formats 1 and 2). None
of them is read again, and on a machine that builds every day the folder only grew
(this project's machine: 15,000 files, 180 MB after three hours of test runs).

So at the end of a program run, at most once a day (a stamp file's time says when
it was last done), the files of the cache that no run has used for IDLE_DAYS are
deleted, and then the least recently used ones while the folder holds more than
BUDGET bytes. "Used" is the later of a file's access and modification times: Linux
updates the access time of a file read at least once a day (relatime, its
default), so an entry read every day is kept; where access times are not kept
(noatime), an entry read but not written for IDLE_DAYS is deleted and made again by
the next run that needs it, which costs that run what a first run costs. Deleting
is safe while another process reads an entry (it keeps its open file), and every
cache treats a missing entry as one not made yet. Files being written (`*.part`)
are left alone unless a day old (left by a killed run); the module bundles
(`compiled/modules-*.marshal`) are left to module_bundle.py, which keeps its own
count and age. Links are never followed; only regular files are deleted, and only
in a cache folder that this user owns and no one else can write into (as
cache_folders.private_folder demands of each folder it gives).
"""
from __future__ import annotations

import os
import stat
import time

from .cache_folders import cache_root

IDLE_DAYS = 60
BUDGET = 512 * 1024 * 1024     # bytes the cache may hold before its least used files go
EVERY = 86400                  # seconds between two prunings
STAMP = "last-pruned"
_DAY = 86400


def prune_if_due(now: float | None = None) -> None:
    """Prune the cache if it was last pruned more than EVERY seconds ago (or never).
    Costs a normal run one stat; never raises (a cache that cannot be pruned is
    only larger)."""
    now = time.time() if now is None else now
    root = cache_root()
    stamp = os.path.join(root, STAMP)
    try:
        if 0 <= now - os.stat(stamp).st_mtime < EVERY:      # (a stamp ahead of the clock: due)
            return
    except FileNotFoundError:
        pass
    except OSError:
        return
    if not _owned(root):
        return
    try:
        # Touched first, so that runs ending at the same moment do not all walk the folder.
        with open(stamp, "a"):
            pass
        os.utime(stamp, (now, now))
    except OSError:
        return
    prune(root, now)


def prune(root: str, now: float) -> list[str]:
    """Delete what IDLE_DAYS and BUDGET say from the cache folder `root`; the paths deleted."""
    entries = []                                   # (last used, size, path)
    for folder in _folders(root):
        try:
            with os.scandir(folder) as listing:
                for item in listing:
                    kept = _entry(folder, item, now)
                    if kept is not None:
                        entries.append(kept)
        except OSError:
            continue
    entries.sort()                                 # least recently used first
    total = sum(size for _, size, _ in entries)
    deleted = []
    for used, size, path in entries:
        if now - used < IDLE_DAYS * _DAY and total <= BUDGET:
            break
        try:
            os.unlink(path)
        except OSError:
            continue
        total -= size
        deleted.append(path)
    return deleted


def _folders(root: str) -> list[str]:
    """The cache's folders below `root` that may be pruned: real folders, owned by this
    user and writable by no one else (a folder that is not is not the cache's)."""
    found = []
    try:
        with os.scandir(root) as listing:
            for item in listing:
                if item.is_dir(follow_symlinks=False) and _owned(item.path):
                    found.append(item.path)
    except OSError:
        pass
    return found


def _entry(folder: str, item: os.DirEntry, now: float) -> tuple[float, int, str] | None:
    """(last used, size, path) of a file of the cache that may be deleted, else None."""
    name = item.name
    if os.path.basename(folder) == "compiled" and name.startswith("modules-"):
        return None                                # module_bundle.py keeps its own
    try:
        st = item.stat(follow_symlinks=False)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    used = max(st.st_atime, st.st_mtime)
    if name.endswith(".part"):
        if now - used < _DAY:
            return None                            # being written by a run now
        used = 0.0                                 # left by a killed run: never to be used
    return used, st.st_size, item.path


def _owned(path: str) -> bool:
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return (stat.S_ISDIR(st.st_mode) and not st.st_mode & 0o022
            and (not hasattr(os, "getuid") or st.st_uid == os.getuid()))
