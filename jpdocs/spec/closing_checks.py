"""A message's closing (press_notice.closing), checked: it names who signs it, and its
lines (as the page groups the parts) place every part it gives once and no other, so
that nothing given is dropped, nothing is printed twice, and no line stands empty."""
from __future__ import annotations

from ..errors import Problem
from .schema import Spec
from .source import dotted, line_of

AT = ("press_notice", "closing")
PARTS = ("date", "body", "title", "name")


def check_closing(spec: Spec, name: str, lines) -> list[Problem]:
    n = spec.press_notice
    if n is None or n.closing is None:
        return []
    closing, problems = n.closing, []

    def problem(path, message):
        problems.append(Problem(name, line_of(lines, path), dotted(path), message))

    given = [part for part in PARTS if getattr(closing, part) is not None]
    if not any(part in given for part in ("body", "title", "name")):
        problem(AT, "the closing names no one who signs it: give its body, title or name (a date alone"
                    " closes nothing), or remove closing")
    if closing.lines is None:
        return problems
    at = AT + ("lines",)
    if not closing.lines:
        problem(at, "the closing's lines are an empty list: name the parts each line holds, or remove"
                    " the key (each part is then a line of its own)")
        return problems
    seen: set[str] = set()
    for i, line in enumerate(closing.lines):
        if not line:
            problem(at + (i,), f"line {i + 1} of the closing's lines names no part: it would print an empty"
                               " line; name its parts, or remove it")
        for part in line:
            if part in seen:
                problem(at + (i,), f"the closing's lines name {part} twice: each part is printed once")
            elif part not in given:
                problem(at + (i,), f"the closing's lines name {part}, which the closing does not give:"
                                   f" give {part}, or remove it from lines")
            seen.add(part)
    for part in given:
        if part not in seen:
            problem(at, f"the closing gives {part}, and its lines place it nowhere: add {part} to a line,"
                        f" or remove it")
    return problems
