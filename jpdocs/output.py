"""Writing files so that a crash or a kill leaves either the old file or the new one,
and never over a file the generator did not write.

Every writer produces bytes in memory and hands them here: they go to a hidden
temporary file in the same folder, are flushed to disk, and are renamed over the
target in one step (rename is atomic within a file system).

Each spec's output folder holds a small manifest, `.jpdocs-manifest.json`, with the
SHA-256 of every file the generator wrote there. An existing file is replaced only
when its content is what the manifest records — a file someone edited (a DOCX
finished in Word) or put there is refused unless the build is run with --force.
The manifest is written before the files (listing both the old and the new
content; only when a file changes) and again after them, so a kill at any moment
leaves a folder that the next build accepts. It also names the spec that owns the folder and the digest of
the build that wrote it (record.py checks that against the build record).

A build holds a lock on its folder (flock on the folder itself) from reading the
manifest to writing it, so two builds of one spec at once take turns instead of
mixing manifests. All of a build's files are written to temporary files first and
renamed only when every one is on disk: a full disk leaves all the old files.
A spec's folder that is a symbolic link is never followed.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import stat
import threading
import time
import unicodedata
from pathlib import Path

try:
    import fcntl
except ImportError:          # not on Windows: builds of one folder are then not serialised
    fcntl = None

from .errors import InputError, Problem, fail

MANIFEST = ".jpdocs-manifest.json"
STALE_SECONDS = 300          # a .part file this old is left over from a killed run


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    tmp = stage(path, data, durable)
    try:
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
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
        _unlink(tmp)
        raise
    return tmp


def stage_all(targets: list[tuple[Path, bytes]]) -> list[str]:
    """stage() for several files of one folder (which exists), durable, returning
    their temporary files' names in order: all written first, then all flushed to
    the disk at once. A flush waits for the disk (0.4–0.7 ms here, much longer on a
    busy disk): a notice's manifest, PDF and DOCX flushed in turn waited some 7% of
    its time in a batch, with the processor idle. Side by side (os.fsync lets other
    threads run while it waits) the file system commits them together. On any
    failure none of them is left."""
    names: list[str] = []
    open_fds: list[int] = []                    # each open until it is flushed
    try:
        for path, data in targets:
            fd, tmp = _make_part(Path(path))
            open_fds.append(fd)
            names.append(tmp)
            _hold(fd)
            _write_all(fd, data)
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
            _unlink(tmp)
        raise
    return names


def _write_all(fd: int, data: bytes) -> None:
    """All of `data` to the file (os.write may write less than it is given)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _flush_all(fds: list[int]) -> None:
    """os.fsync of each, the first in this thread and the others each in a thread of
    its own; the first failure is raised once all are done."""
    if len(fds) < 2:
        for fd in fds:
            os.fsync(fd)
        return
    failed: list[BaseException] = []

    def flush(fd: int) -> None:
        try:
            os.fsync(fd)
        except BaseException as exc:          # (an OSError: reported by the caller's thread)
            failed.append(exc)
    others = [threading.Thread(target=flush, args=(fd,), daemon=True) for fd in fds[1:]]
    for t in others:
        t.start()
    flush(fds[0])
    for t in others:
        t.join()
    if failed:
        raise failed[0]


_PART_FLAGS = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_BINARY", 0))


def _make_part(path: Path) -> tuple[int, str]:
    """A new, empty temporary file beside `path`, `.{name}.{pid}-{random}.part`, open
    and only the user's (mode 0600 until it is complete), as tempfile.mkstemp makes
    it; made here because importing tempfile was ~1.5 ms of every start."""
    for _ in range(100):
        tmp = os.path.join(path.parent, f".{path.name}.{os.getpid()}-{os.urandom(6).hex()}.part")
        try:
            return os.open(tmp, _PART_FLAGS, 0o600), tmp
        except FileExistsError:
            continue                 # (48 random bits: another writer's name, astronomically rarely)
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path.parent))


def _unlink(path) -> None:
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
        _unlink(tmp)


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
        _unlink(path)
        raise
    return True


@contextlib.contextmanager
def locked_folder(folder: Path, follow_link: bool = False):
    """Hold an exclusive lock on `folder` (flock on the folder itself: no lock file
    to leave behind, and the kernel releases it when the process dies). Refuses a
    folder that is a symbolic link unless follow_link."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | (0 if follow_link else getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(folder, flags)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR) and os.path.islink(folder):
            raise _linked(folder) from None
        raise fail(str(folder), f"cannot open the output folder: {describe(exc)}") from None
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _linked(folder: Path) -> InputError:
    return fail(str(folder), f"is a symbolic link (to {os.readlink(folder)}); jpdocs writes only into real"
                             " folders of the output folder and never follows a link out of it: remove the link")


# A folder name made from a spec's file name must be one plain component that
# means the same on every system: no separators, no . or .., nothing Windows
# refuses or silently changes.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$")


def safe_folder_name(stem: str, spec_path: Path) -> str:
    """The output folder's name for a spec file's stem, in NFC: a name typed on a
    Mac (NFD) and the same name typed elsewhere make one folder, not two that look
    the same."""
    stem = unicodedata.normalize("NFC", stem)
    if (stem in ("", ".", "..") or _UNSAFE.search(stem) or stem != stem.strip(" .")
            or _RESERVED.match(stem) or len(stem.encode("utf-8")) > 200):
        raise fail(str(spec_path), f"the spec's file name {stem!r} cannot name an output folder"
                                   " (it must be a plain name: no / \\ : * ? \" < > |, no leading or"
                                   " trailing dot or space, not . or ..); rename the spec file")
    return stem


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_raw(folder: Path) -> dict:
    try:
        raw = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def read_manifest(folder: Path) -> dict[str, list[str]]:
    return _files_of(_read_raw(folder))


def _files_of(raw: dict) -> dict[str, list[str]]:
    files = raw.get("files", {})
    if not isinstance(files, dict):
        return {}
    return {k: [h for h in v if isinstance(h, str)] for k, v in files.items() if isinstance(v, list)}


def manifest_stamp(folder: Path) -> str | None:
    """The digest of the build that last wrote the folder (None: unknown, or a write
    is under way: the first manifest write of a build clears it)."""
    stamp = _read_raw(folder).get("build")
    return stamp if isinstance(stamp, str) else None


def _manifest(files: dict[str, list[str]], owner: str | None = None, stamp: str | None = None) -> bytes:
    body = {"generator": "jpdocs", "note": "files this generator wrote here, by SHA-256;"
                                           " a file whose content differs is not overwritten without --force",
            "spec": owner, "build": stamp,
            "files": {k: sorted(set(v)) for k, v in sorted(files.items())}}
    return (json.dumps(body, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def _write_manifest(folder: Path, files: dict[str, list[str]], owner: str | None = None,
                    stamp: str | None = None, durable: bool = True) -> None:
    write_atomic(folder / MANIFEST, _manifest(files, owner, stamp), durable)


def clean_stale_parts(folder: Path, names) -> list[Path]:
    """Remove temporary files a killed run left behind for these targets: those
    whose writer is gone, and any older than STALE_SECONDS."""
    removed = []
    now = time.time()
    # The folder listed once, not once for each name as Path.glob did (the same
    # matches, in the same order: a name is `.{name}.` + anything + `.part`).
    try:
        with os.scandir(folder) as entries:
            listed = [entry.name for entry in entries]
    except (PermissionError, NotADirectoryError, FileNotFoundError):
        listed = []                  # as glob: nothing to look at
    for name in list(names) + [MANIFEST]:
        prefix = "." + name + "."
        for part in (folder / n for n in listed
                     if n.startswith(prefix) and n.endswith(".part") and len(n) >= len(prefix) + 5):
            try:
                if now - part.stat().st_mtime > STALE_SECONDS or _abandoned(part, part.name[len(prefix):]):
                    part.unlink()
                    removed.append(part)
            except OSError:
                pass
    return removed


# A writer holds an exclusive lock on its open temporary file until it has renamed
# it. The kernel drops the lock the moment the process dies, before its parent has
# reaped it: a killed worker's process id still answers os.kill(pid, 0) for a while
# (as a zombie), so the lock, not the process id, tells a leftover from a file being
# written. Where flock does not exist, the process id alone decides.
try:
    import fcntl
except ImportError:                 # Windows
    fcntl = None


def _hold(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)


def _abandoned(part: Path, rest: str) -> bool:
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


def describe(exc: OSError) -> str:
    """An OSError in words that say what to do."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "the disk is full; free some space and build again"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied (the folder is read-only or belongs to someone else); choose another output folder with -o"
    if code == errno.EROFS:
        return "the disk is read-only; choose another output folder with -o"
    if code == errno.ENOTDIR:
        return "a file is in the way: part of this path is a file, not a folder"
    if code == errno.EISDIR:
        return "a folder with this name is in the way"
    if code == errno.ENAMETOOLONG:
        return "the path is too long for the file system"
    return exc.strerror or str(exc)


def write_outputs(folder: Path, files: dict[str, bytes], force: bool = False, owner: str | None = None,
                  stamp: str | None = None, follow_link: bool = False) -> list[Path]:
    """Write `files` (name → bytes) into `folder`, all or nothing: refused up front if
    a target was not written by us, or if the folder belongs to another spec (owner:
    the spec's absolute path); every file staged on disk before any is replaced.
    stamp: the build's digest, kept in the manifest. follow_link: the folder may be a
    symbolic link (the output folder the user named, not a spec's folder inside it)."""
    folder = Path(folder)
    if folder.is_symlink() and not follow_link:
        raise _linked(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise fail(str(folder), f"cannot create the output folder: {describe(exc)}") from None
    with locked_folder(folder, follow_link):
        clean_stale_parts(folder, files)
        raw = _read_raw(folder)              # read once: the lock keeps it as it is
        _check_owner(folder, owner, raw)
        manifest = _files_of(raw)
        current = _refuse_foreign(folder, files, manifest, force)
        return _replace_all(folder, files, manifest, current, owner, stamp)


def _check_owner(folder: Path, owner: str | None, raw: dict) -> None:
    """Two specs with the same file name (a/x.yaml, b/x.yaml) would share the folder
    and mix their documents; the one that did not write it first is refused, unless
    that spec is gone (the specs were moved). raw: the folder's manifest as read."""
    previous = raw.get("spec")
    if owner and isinstance(previous, str) and previous != owner and os.path.isfile(previous):
        raise fail(owner, f"not built: its output folder {folder}/ holds the documents of another spec with"
                          f" the same file name, {previous}. Rename one of the two, or build them into"
                          " different -o folders")


def _refuse_foreign(folder: Path, files, manifest, force: bool) -> dict[str, str | None]:
    """The SHA-256 of each existing target (None: absent); refuses, all at once,
    those jpdocs did not write (or that were changed since), unless force."""
    current: dict[str, str | None] = {}
    refused = []
    for name in files:
        target = folder / name
        if target.is_symlink() or target.exists() and not target.is_file():
            refused.append(Problem(str(target), None, "", "this is not a plain file; move it away"))
            continue
        try:
            current[name] = sha256(target.read_bytes()) if target.exists() else None
        except OSError as exc:
            raise fail(str(target), f"cannot read the existing file: {describe(exc)}") from None
        if current[name] and not force and current[name] not in manifest.get(name, []):
            why = ("it was changed after jpdocs wrote it (edited in Word?)" if name in manifest
                   else "jpdocs did not write it")
            refused.append(Problem(str(target), None, "",
                                   f"not overwritten: {why}. Move it away or rename it to keep it,"
                                   " or build with --force to replace it"))
    if refused:
        raise InputError(refused)
    return current


def _replace_all(folder: Path, files, manifest, current, owner, stamp) -> list[Path]:
    new = {name: sha256(data) for name, data in files.items()}
    staged: dict[str, str] = {}
    written: list[Path] = []
    try:
        # Before: both the old and the new content count as ours, so whatever a
        # kill leaves on disk, the next build accepts it (and no build stamp: the
        # record must not trust a folder caught half-way). Not needed when no file
        # changes (a rebuild whose documents came out the same, or no documents):
        # every file then stays what the manifest on disk already accepts, so the
        # folder is never half-way, and a kill or power cut before the manifest
        # below leaves the old one, true to the files and to the old record entry.
        # That spares a write and an fsync (~1 ms).
        todo = []
        if not all(current[n] == new[n] and new[n] in manifest.get(n, ()) for n in files):
            todo.append((MANIFEST, _manifest({**manifest, **{n: [h for h in (current[n], new[n]) if h]
                                                             for n in files}}, owner)))
        todo += [(name, data) for name, data in files.items() if current[name] != new[name]]
        # Every file on disk, the manifest with them, before any is renamed; the
        # manifest renamed first, so a file in place is always one it accepts.
        staged = dict(zip([name for name, _ in todo], stage_all([(folder / name, data) for name, data in todo])))
        for name in ([MANIFEST] if MANIFEST in staged else []) + list(files):
            if name in staged:
                os.replace(staged[name], folder / name)
                del staged[name]             # (renamed: no longer ours to remove)
            if name != MANIFEST:
                written.append(folder / name)
        # After: not flushed to the disk (an fsync is ~4 ms here, a third of a
        # notice's writing). A kill cannot lose it (the rename is atomic either
        # way); a power cut that does leaves the manifest written before, which
        # accepts the old and the new files and has no stamp, so the next build
        # rebuilds the spec (on a file system that renames before it writes the
        # data, an empty manifest: the next build then asks for --force).
        _write_manifest(folder, {**manifest, **{n: [new[n]] for n in files}}, owner, stamp, durable=False)
    except OSError as exc:
        target = getattr(exc, "filename", None) or str(folder)
        done = [p.name for p in written]
        left = [n for n in files if folder / n not in written]
        state = (f" Written: {', '.join(done)}." if done else "") + (
            f" Unchanged: {', '.join(left)}." if left else "")
        raise fail(str(target), f"cannot write: {describe(exc)}.{state}") from None
    finally:
        for tmp in staged.values():          # staged, not renamed: the old file stays
            _unlink(tmp)
    return written


def private_cache_dir(name: str) -> Path | None:
    """A folder of the cache that only this user can write, made if need be; None if
    it cannot be had (then nothing is cached). What is cached may be loaded as code
    (compiled templates), so a folder another user could write into is not used."""
    folder = cache_dir() / name
    try:
        folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.mkdir(exist_ok=True, mode=0o700)
        st = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_mode & 0o022 or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
        return None
    return folder




def cache_dir() -> Path:
    """Where parsed fonts and compiled templates are kept between runs (safe to delete)."""
    base = os.environ.get("JPDOCS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "jpdocs")
    return Path(base)
