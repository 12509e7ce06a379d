"""Writing files so that a crash or a kill leaves either the old file or the new one,
and never over a file the generator did not write.

Every writer produces bytes in memory and hands them here: they go to a hidden
temporary file in the same folder, are flushed to disk, and are renamed over the
target in one step (rename is atomic within a file system: atomic.py, which writes
the single files of the caches, the writers and `sign` too).

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
import json
import os
import re
import stat
import time
import unicodedata
from pathlib import Path

try:
    import fcntl
except ImportError:          # not on Windows: builds of one folder are then not serialised
    fcntl = None

from .atomic import abandoned, discard, stage_all
from .cache_folders import cache_root, private_folder
from .digested import sha256_hex
from .errors import InputError, Problem, fail
from .files import as_path

MANIFEST = ".jpdocs-manifest.json"
STALE_SECONDS = 300          # a .part file this old is left over from a killed run


@contextlib.contextmanager
def locked_folder(folder: Path, follow_link: bool = False):
    """Hold an exclusive lock on `folder` (flock on the folder itself: no lock file
    to leave behind, and the kernel releases it when the process dies). Refuses a
    folder that is a symbolic link unless follow_link."""
    fd = _lock(folder, follow_link)
    try:
        yield
    finally:
        os.close(fd)


def _lock(folder: Path | str, follow_link: bool) -> int:
    """locked_folder's lock: the folder's descriptor, locked (closing it unlocks)."""
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
    except BaseException:
        os.close(fd)
        raise
    return fd


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
    # (a PDF comes with the SHA-256 its writer found with its /ID: digested.py)
    return sha256_hex(data)


def _read_raw(folder: Path | str) -> dict:
    try:
        with open(os.path.join(folder, MANIFEST), encoding="utf-8") as f:
            raw = json.loads(f.read())
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


_NOTE = ("files this generator wrote here, by SHA-256;"
         " a file whose content differs is not overwritten without --force")


def manifest_json(files: dict[str, list[str]], owner: str | None = None, stamp: str | None = None) -> bytes:
    """The manifest as json writes it: what `_manifest` spells by hand."""
    body = {"generator": "jpdocs", "note": _NOTE, "spec": owner, "build": stamp,
            "files": {k: sorted(set(v)) for k, v in sorted(files.items())}}
    return (json.dumps(body, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


_quoted = json.encoder.encode_basestring          # a str as json.dumps(s, ensure_ascii=False) writes it
_HEAD = '{\n "generator": "jpdocs",\n "note": ' + _quoted(_NOTE) + ',\n "spec": '


def _manifest(files: dict[str, list[str]], owner: str | None = None, stamp: str | None = None) -> bytes:
    """manifest_json's bytes, spelled here: json's indented form is written by its
    Python encoder (an encoder and its closures made per call, ~0.19 M instructions),
    and a build writes the manifest twice. The shape is fixed (strings, or None, and
    a dictionary of lists of strings), and each string is quoted by json's own C
    function, as json.dumps quotes it; anything else goes to json
    (tests/test_output.py compares the two on names that need escaping)."""
    if not all(type(v) is str or v is None for v in (owner, stamp)):
        return manifest_json(files, owner, stamp)
    parts = [_HEAD, "null" if owner is None else _quoted(owner),
             ',\n "build": ', "null" if stamp is None else _quoted(stamp), ',\n "files": ']
    if not files:
        parts.append("{}")
    else:
        entries = []
        for name, digests in sorted(files.items()):
            if type(name) is not str or not all(type(d) is str for d in digests):
                return manifest_json(files, owner, stamp)
            digests = sorted(set(digests))
            entries.append("  " + _quoted(name) + ": " + (
                "[\n   " + ",\n   ".join(map(_quoted, digests)) + "\n  ]" if digests else "[]"))
        parts += ("{\n", ",\n".join(entries), "\n }")
    parts.append("\n}\n")
    return "".join(parts).encode("utf-8")


def _write_manifest(folder: Path | str, files: dict[str, list[str]], owner: str | None = None,
                    stamp: str | None = None, durable: bool = True) -> None:
    # stage_all, not write_atomic: the folder is there (it is locked), no mkdir to ask
    target = os.path.join(folder, MANIFEST)
    tmp, = stage_all([(target, _manifest(files, owner, stamp))], durable)
    try:
        os.replace(tmp, target)
    except BaseException:
        discard(tmp)
        raise


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
                if now - part.stat().st_mtime > STALE_SECONDS or abandoned(part, part.name[len(prefix):]):
                    part.unlink()
                    removed.append(part)
            except OSError:
                pass
    return removed

def describe(exc: OSError) -> str:
    """An OSError in words that say what to do."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "the disk is full; free some space and build again"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied (the folder is read-only or belongs to someone else); choose another output folder with -o"
    if code == errno.EROFS:
        return "the disk is read-only; choose another output folder with -o"
    # EEXIST: a folder on the way to the file could not be made, a file has its name
    # (mkdir(exist_ok=True) raises it for nothing else): said as ENOTDIR is, not "File exists"
    if code in (errno.ENOTDIR, errno.EEXIST):
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
    folder = as_path(folder)
    base = str(folder)        # its files named by strings (os.path.join): a Path made per file and step was most of the writing's own work
    _make_folder(folder, follow_link)
    fd = _lock(base, follow_link)    # (not locked_folder: a generator-made context a build)
    try:
        clean_stale_parts(folder, files)
        raw = _read_raw(base)                # read once: the lock keeps it as it is
        _check_owner(folder, owner, raw)
        manifest = _files_of(raw)
        current = _refuse_foreign(base, files, manifest, force)
        return _replace_all(folder, files, manifest, current, owner, stamp)
    finally:
        os.close(fd)


def _make_folder(folder: Path, follow_link: bool) -> None:
    """`folder` made if it is not there; refused if it is a symbolic link (unless
    follow_link) or not a folder. Made first and looked at only if it was there: a new
    folder (a spec's first build) takes one call where asking first whether it was a
    link took two, and one that is there two (mkdir, lstat) where it took three."""
    base = str(folder)
    try:
        os.mkdir(base)
        return
    except FileExistsError as exc:
        try:
            st = os.lstat(base)
        except OSError:
            st = None                        # gone again: looked at as before, below
        if st is not None:
            if stat.S_ISDIR(st.st_mode):
                return
            if stat.S_ISLNK(st.st_mode):
                if not follow_link:
                    raise _linked(folder) from None
                if os.path.isdir(base):
                    return
            raise fail(base, f"cannot create the output folder: {describe(exc)}") from None
    except OSError:
        pass                                 # (its parents missing, or anything else: below)
    if folder.is_symlink() and not follow_link:
        raise _linked(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise fail(base, f"cannot create the output folder: {describe(exc)}") from None


def _check_owner(folder: Path, owner: str | None, raw: dict) -> None:
    """Two specs with the same file name (a/x.yaml, b/x.yaml) would share the folder
    and mix their documents; the one that did not write it first is refused, unless
    that spec is gone (the specs were moved). raw: the folder's manifest as read."""
    previous = raw.get("spec")
    if owner and isinstance(previous, str) and previous != owner and os.path.isfile(previous):
        raise fail(owner, f"not built: its output folder {folder}/ holds the documents of another spec with"
                          f" the same file name, {previous}. Rename one of the two, or build them into"
                          " different -o folders")


def _refuse_foreign(folder: str, files, manifest, force: bool) -> dict[str, str | None]:
    """The SHA-256 of each existing target (None: absent); refuses, all at once,
    those jpdocs did not write (or that were changed since), unless force."""
    current: dict[str, str | None] = {}
    refused = []
    for name in files:
        target = os.path.join(folder, name)
        try:
            data = _read_plain(target)
        except OSError as exc:
            raise fail(target, f"cannot read the existing file: {describe(exc)}") from None
        if data is _NOT_PLAIN:
            refused.append(Problem(target, None, "", "this is not a plain file; move it away"))
            continue
        # a rebuild mostly finds the file it is about to write: its digest is known
        current[name] = (None if data is None else sha256(files[name]) if data == files[name]
                         else sha256(data))
        if current[name] and not force and current[name] not in manifest.get(name, []):
            why = ("it was changed after jpdocs wrote it (edited in Word?)" if name in manifest
                   else "jpdocs did not write it")
            refused.append(Problem(target, None, "",
                                   f"not overwritten: {why}. Move it away or rename it to keep it,"
                                   " or build with --force to replace it"))
    if refused:
        raise InputError(refused)
    return current


_NOT_PLAIN = object()
_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


def _read_plain(target: Path | str):
    """The bytes of an existing target; None when there is none; _NOT_PLAIN for a
    symbolic link, a folder, a pipe or a device. Opened once, without following a link
    and without waiting on a pipe, and looked at through the open file: one open and
    one fstat, where asking first (is_symlink, exists, is_file, exists) took four
    stat calls for each of a spec's files."""
    try:
        fd = os.open(target, _READ_FLAGS)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK) or os.path.islink(target) or os.path.isdir(target):
            return _NOT_PLAIN            # (EMLINK: FreeBSD's O_NOFOLLOW; a folder: Windows)
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return _NOT_PLAIN
        chunks, size = [], 0
        while chunk := os.read(fd, max(st.st_size - size, 0) + 65536):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _replace_all(folder: Path, files, manifest, current, owner, stamp) -> list[Path]:
    base = str(folder)
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
        staged = dict(zip([name for name, _ in todo], stage_all([(os.path.join(base, name), data) for name, data in todo])))
        for name in ([MANIFEST] if MANIFEST in staged else []) + list(files):
            if name in staged:
                os.replace(staged[name], os.path.join(base, name))
                del staged[name]             # (renamed: no longer ours to remove)
            if name != MANIFEST:
                written.append(folder / name)
        # After: not flushed to the disk (an fsync is ~4 ms here, a third of a
        # notice's writing). A kill cannot lose it (the rename is atomic either
        # way); a power cut that does leaves the manifest written before, which
        # accepts the old and the new files and has no stamp, so the next build
        # rebuilds the spec (on a file system that renames before it writes the
        # data, an empty manifest: the next build then asks for --force).
        _write_manifest(base, {**manifest, **{n: [new[n]] for n in files}}, owner, stamp, durable=False)
    except OSError as exc:
        target = getattr(exc, "filename", None) or str(folder)
        done = [p.name for p in written]
        left = [n for n in files if folder / n not in written]
        state = (f" Written: {', '.join(done)}." if done else "") + (
            f" Unchanged: {', '.join(left)}." if left else "")
        raise fail(str(target), f"cannot write: {describe(exc)}.{state}") from None
    finally:
        for tmp in staged.values():          # staged, not renamed: the old file stays
            discard(tmp)
    return written


def private_cache_dir(name: str) -> Path | None:
    """A folder of the cache that only this user can write, made if need be; None if
    it cannot be had (then nothing is cached): cache_folders.private_folder."""
    folder = private_folder(name)
    return Path(folder) if folder is not None else None


def cache_dir() -> Path:
    """Where parsed fonts and compiled templates are kept between runs (safe to delete)."""
    return Path(cache_root())
