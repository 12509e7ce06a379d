"""Errors a user can act on. Each names the file, the line and the key path; the
command line prints them and exits with status 1, never with a traceback."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# the categories of characters a terminal does not show as themselves: controls (a NUL
# ends a C string, U+202E turns the rest of the line around), formats, surrogates
_HIDDEN = ("Cc", "Cf", "Cs")


def shown_key(key: str) -> str:
    """A key path as a message shows it: a control, format or surrogate character in a
    key the spec chose (a party's id) written as \\uXXXX, the rest as written."""
    if key.isprintable():
        return key
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in _HIDDEN else c for c in key)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file."""
    file: str
    line: int | None
    key: str
    message: str
    # what the file and line are of, said after them: a template's line is that of
    # "the markup it rendered for SPEC" (build/documents.py)
    about: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.about:
            where = f"{where} ({self.about})"
        key = f" {shown_key(self.key)}:" if self.key else ""
        return f"{where}:{key} {self.message}"


class InputError(Exception):
    """Bad input: one or more problems, all reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def fail(file: str, message: str, line: int | None = None, key: str = "") -> InputError:
    """An InputError with a single problem (to `raise fail(...)`)."""
    return InputError([Problem(str(file), line, key, message)])


class LayoutProblem(InputError):
    """Text too long for the page it must stand on, found while laying a document
    out. The writers do not know the spec, so they describe the page instead:
    `parts` are (a reader's name for a part, its height in points, its text), and
    `explain(name, height)` says what is wrong, naming a part. build/documents.py turns this
    into a problem at the key and line whose text the tallest part holds."""

    def __init__(self, file: str, parts: list[tuple[str, float, str]], explain):
        self.parts, self.explain = list(parts), explain
        name, height, _ = max(self.parts, key=lambda p: p[1]) if self.parts else ("its content", 0.0, "")
        super().__init__([Problem(str(file), None, "", explain(name, height))])
