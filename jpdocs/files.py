"""Reading the files a spec or a house style points at: regular files only, with a
size limit.

A spec names other files (`style:`, `logo:`), a house style names fonts, and the
command line names a style and a password file. Any of these paths can lead to a
device (/dev/zero is read until memory runs out), a named pipe (a read that waits
for ever) or a huge file. So every such file is read by `read_regular_file`:

- it is opened without blocking (a FIFO opens at once instead of waiting for a
  writer), then the *open file* is checked to be a regular file, and that same
  file is read: no one can swap the path between the check and the read;
- at most `limit + 1` bytes are read, so a file that grows while it is read is
  still refused, not loaded whole.

The messages name the file and say what is wrong with it, never what is in it.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path


def shown(path) -> str:
    """A path as a message names it: a name of 100,000 characters (a text pasted into
    `style:`) by its first 300 only, not as an error line as long."""
    path = str(path)
    return path if len(path) <= 300 else path[:300] + "…"


class FileRefused(Exception):
    """A file that cannot be used. `reason` says what is wrong with it, never what
    is in it ("is a named pipe (FIFO), not a regular file"). str() names the file,
    for a message at the key that pointed at it; `about_itself()` is the message
    for a problem reported against the file itself."""

    def __init__(self, path, what: str, reason: str):
        self.path, self.what, self.reason = str(path), what, reason
        super().__init__(f"the {what} {shown(self.path)} {reason}")

    def about_itself(self) -> str:
        return f"the file {self.reason}"


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, words in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                        (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return words
    return "a special file"


def check_regular(path: Path | str, what: str) -> None:
    """Raise FileRefused unless `path` is (now) a regular file. For an early, clear
    message only: the read itself checks again, on the file it opened."""
    try:
        kind = _kind(os.stat(path).st_mode)
    except FileNotFoundError:
        raise FileRefused(path, what, "does not exist") from None
    except OSError as exc:
        raise FileRefused(path, what, f"cannot be read ({exc.strerror or exc})") from None
    except ValueError:          # os.stat's "embedded null byte": no file has such a name
        raise FileRefused(str(path).replace("\0", "\\0"), what, "does not exist") from None
    if kind:
        raise FileRefused(path, what, f"is {kind}, not a regular file")


def read_regular_file(path: Path | str, limit: int, what: str) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `limit` bytes.
    `what` names the file's role in messages ("house style", "logo", "font file")."""
    return read_regular_file_stat(path, limit, what)[0]


def read_regular_file_stat(path: Path | str, limit: int, what: str) -> tuple[bytes, os.stat_result]:
    """read_regular_file, with the status of the file that was read."""
    fd, st = _open_regular(path, limit, what)
    try:
        data = _read_at_most(fd, limit + 1, st.st_size)
    except OSError as exc:
        raise FileRefused(path, what, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileRefused(path, what, _too_big(len(data), limit, what))
    return data, st


def _read_at_most(fd: int, most: int, size: int) -> bytes:
    """Up to `most` bytes of the open file, read until its end, as a buffered file's
    read(most) reads them (os.fdopen: three system calls more to set up, and a
    buffer of `most` bytes, a megabyte for a 4 KB spec, asked of the system and given
    back). `size`, the file's size when it was opened, sizes the first read; a file
    that grew since is read on, to `most`."""
    chunks, got = [], 0
    while got < most:
        chunk = os.read(fd, min(most - got, max(size - got, 0) + 65536))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _open_regular(path: Path | str, limit: int, what: str) -> tuple[int, os.stat_result]:
    """`path` opened for reading, and its status, if it is a regular file of at most
    `limit` bytes; FileRefused otherwise."""
    def refused(reason: str) -> FileRefused:
        return FileRefused(path, what, reason)

    # Refuse a special file before opening it at all: opening some devices (a tape,
    # a serial line) does something by itself.
    check_regular(path, what)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise refused("does not exist") from None
    except OSError as exc:
        raise refused(f"cannot be read ({exc.strerror or exc})") from None
    st = os.fstat(fd)                       # the file that was opened, whatever the path is now
    kind = _kind(st.st_mode)
    reason = f"is {kind}, not a regular file" if kind else \
        _too_big(st.st_size, limit, what) if st.st_size > limit else None
    if reason:
        os.close(fd)
        raise refused(reason)
    return fd, st


def _too_big(size: int, limit: int, what: str) -> str:
    return f"is {size:,} bytes; a {what} is at most {limit:,} (is this the right file?)"


# The class Path() makes here (PosixPath, WindowsPath)
_PATH = type(Path())


def as_path(path: Path | str) -> Path:
    """`path` as Path(path) gives it, without making it again where it is one: a Path
    made from a Path parses its parts anew (~25 K instructions), and a build hands
    the same few on from step to step (the output folder, the spec's path). A
    subclass of Path, or anything else, goes through Path() as before."""
    return path if type(path) is _PATH else Path(path)


def is_within(path: Path, folder: Path) -> bool:
    """Whether `path` is inside `folder` once both are resolved (symbolic links
    followed, `..` taken away)."""
    try:
        Path(path).resolve().relative_to(Path(folder).resolve())
        return True
    except ValueError:
        return False


def resolve_file(spec_path: Path, relative: str) -> Path:
    """A file a spec names (style, logo), relative to the spec's folder."""
    return (Path(spec_path).parent / relative).resolve()


class FileChanged(Exception):
    """A file read piece by piece (FileBytes) changed while it was being read."""


class FileBytes:
    """The bytes of an open regular file, read where they are asked for (os.pread)
    instead of all at once: a press notice reads a few hundred glyphs of three
    Japanese fonts, 15 MB that took ~10 ms of every start to read whole, and its
    metrics come from the parse cache (fonts/cache.py). Indexing and slicing work
    as on bytes; `whole()` reads everything (once), for what needs the whole font.

    The file stays open, so a font replaced on disk (a new file renamed over it)
    is still the one that was opened. A font rewritten in place while it is read
    would mix old and new bytes, so every read checks that it got all it asked
    for, and `check_unchanged()` (called before a document is handed out) compares
    the file's size and times with those it had when opened: FileChanged, never a
    document drawn from two fonts. (Not a memory map: a file truncated under a map
    kills the process with SIGBUS instead of saying why.)"""

    def __init__(self, fd: int, st: os.stat_result, name: str):
        self.fd, self.st, self.name = fd, st, name
        self.size = st.st_size
        self._whole: bytes | None = None

    def __len__(self) -> int:
        return self.size

    def _read(self, start: int, stop: int) -> bytes:
        if self._whole is not None:
            return self._whole[start:stop]
        if stop <= start:
            return b""
        data = os.pread(self.fd, stop - start, start)
        if len(data) != stop - start:
            raise FileChanged(self.name)
        return data

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(self.size)
            if step != 1:
                return self.whole()[key]
            return self._read(start, stop)
        if key < 0:
            key += self.size
        if not 0 <= key < self.size:
            raise IndexError("index out of range")
        return self._read(key, key + 1)[0]

    def whole(self) -> bytes:
        if self._whole is None:
            data = self._read(0, self.size)
            self.check_unchanged()
            self._whole = data
        return self._whole

    def close(self) -> None:
        os.close(self.fd)

    def check_unchanged(self) -> None:
        now = os.fstat(self.fd)
        if (now.st_size, now.st_mtime_ns, now.st_ctime_ns) != (self.size, self.st.st_mtime_ns, self.st.st_ctime_ns):
            raise FileChanged(self.name)


def open_regular_file(path: Path | str, limit: int, what: str) -> FileBytes:
    """`path`, which must be a regular file of at most `limit` bytes, opened to be
    read piece by piece (FileBytes); refused as read_regular_file refuses it."""
    fd, st = _open_regular(path, limit, what)
    return FileBytes(fd, st, str(path))
