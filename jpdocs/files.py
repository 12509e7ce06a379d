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


class FileRefused(Exception):
    """A file that cannot be used. `reason` says what is wrong with it, never what
    is in it ("is a named pipe (FIFO), not a regular file"). str() names the file,
    for a message at the key that pointed at it; `about_itself()` is the message
    for a problem reported against the file itself."""

    def __init__(self, path, what: str, reason: str):
        self.path, self.what, self.reason = str(path), what, reason
        super().__init__(f"the {what} {path} {reason}")

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
    if kind:
        raise FileRefused(path, what, f"is {kind}, not a regular file")


def read_regular_file(path: Path | str, limit: int, what: str) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `limit` bytes.
    `what` names the file's role in messages ("house style", "logo", "font file")."""
    return read_regular_file_stat(path, limit, what)[0]


def read_regular_file_stat(path: Path | str, limit: int, what: str) -> tuple[bytes, os.stat_result]:
    """read_regular_file, with the status of the file that was read."""
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
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())           # the file that was opened, whatever the path is now
        kind = _kind(st.st_mode)
        if kind:
            raise refused(f"is {kind}, not a regular file")
        if st.st_size > limit:
            raise refused(_too_big(st.st_size, limit, what))
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise refused(f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise refused(_too_big(len(data), limit, what))
    return data, st


def _too_big(size: int, limit: int, what: str) -> str:
    return f"is {size:,} bytes; a {what} is at most {limit:,} (is this the right file?)"


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
