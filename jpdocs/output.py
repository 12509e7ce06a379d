"""Writing files so that a crash or a kill leaves either the old file or the new one.

Every writer produces bytes in memory and hands them here: they go to a hidden
temporary file in the same folder, are flushed to disk, and are renamed over the
target in one step (rename is atomic within a file system).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        # Whatever went wrong (a full disk, a kill signal turned into an
        # exception), the half-written temporary file must not stay behind.
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def cache_dir() -> Path:
    """Where parsed fonts and compiled templates are kept between runs (safe to delete)."""
    base = os.environ.get("JPDOCS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "jpdocs")
    return Path(base)
