"""Errors a user can act on. Each names the file, the line and the key path; the
command line prints them and exits with status 1, never with a traceback."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file."""
    file: str
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.message}"


class InputError(Exception):
    """Bad input: one or more problems, all reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def fail(file: str, message: str, line: int | None = None, key: str = "") -> InputError:
    """An InputError with a single problem (to `raise fail(...)`)."""
    return InputError([Problem(str(file), line, key, message)])
