"""What the commands of the command line share: the project's default folders, and
the lines they print — `error: file:line: key: message`, warnings, notes — in the
environment's language."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError, Problem

# The project's folder, as spec/style.py finds it: not imported from there, as that
# loads and checks the house style, which neither --help nor a build whose specs are
# all unchanged needs.
ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
OUTPUT = ROOT / "output"


def messages():
    """The messages in the environment's language (jpdocs/i18n.py: English unless the
    locale is Japanese); a Problem's message is translated when it is printed."""
    from ..i18n import for_environment
    return for_environment()


def message_line(word: str, problem) -> str:
    """`error: file:line: key: message`, in the environment's language."""
    say = messages()
    return f"{say.label(word)} {say.problem(problem) if isinstance(problem, Problem) else say.message(problem)}"


def print_errors(exc: InputError) -> None:
    for problem in exc.problems:
        print(message_line("error", problem), file=sys.stderr)


def print_warnings(loaded) -> None:
    for w in loaded.warnings:
        print(message_line("warning", w), file=sys.stderr)


def print_notes(notes) -> None:
    """What was chosen for the user (standard articles, a term's end): said on
    standard output, once each."""
    for n in dict.fromkeys(notes):
        print(message_line("note", n))


def print_os_error(exc: OSError, inputs: list[Path], output: Path) -> None:
    """One `error:` line for a file that could not be read or written: an input
    named in the error is one that could not be read; anything else (a write fails
    without naming its file) is the output."""
    from ..output import describe
    named = Path(exc.filename) if exc.filename else None
    if named is not None and any(named == p or named.resolve() == Path(p).resolve() for p in inputs):
        what = "folder" if named.is_dir() else "file"
        print(message_line("error", Problem(str(named), None, "", f"cannot read the {what}:"
                                     f" {(exc.strerror or str(exc)).lower()}")), file=sys.stderr)
    else:
        print(message_line("error", Problem(str(named or output), None, "", f"cannot write: {describe(exc)}")),
              file=sys.stderr)
