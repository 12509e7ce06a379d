"""Which line of which template printed a character of the markup: asked only when
the markup is refused (build/documents.py), so that the refusal names the template's
file and line rather than the rendered markup's. The template is rendered again,
traced: each piece the template's code yields is tied to the template line Jinja's
debug info gives its code, and a macro's output, which reaches the page inside the
piece that calls it, to the macro's own line.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import NamedTuple

from .templating import environment
from ..spec.style import HouseStyle

_CO_GENERATOR = 0x20      # inspect.CO_GENERATOR, without importing inspect at every start

# the statements by which Jinja's code puts a macro's output in its buffer (t_N, the
# first name it gives in the macro's function): an append of one value on its line,
# or an extend of a tuple whose items stand one a line after it (jinja2/compiler.py)
_BUFFERED = r"\s*{}\.(extend|append)\("

# macro calls traced between two pieces, at most: past that (a loop calling a macro
# without end inside one piece) the calls are not kept, and a refusal in one of them is
# named at the line that called it
MAX_MACRO_RUNS = 10_000


class Printed(NamedTuple):
    """A template's file and line; inside a macro, the lines that called it (the
    macro's call first, then the call of a macro that called it …)."""
    file: str
    line: int
    called_at: tuple[tuple[str, int], ...] = ()


class _MacroRun:
    """One call of a macro, as traced: its template, the Python lines it ran with the
    count of items then in its output buffer, and what it returned."""

    def __init__(self, template, frame):
        self.template = template
        self.buffer_name = next((n for n in frame.f_code.co_varnames if n.startswith("t_")), None)
        self.steps: list[tuple[int, int]] = []
        self.items: list[str] = []
        self.text: str | None = None
        self.inner: list[_MacroRun] = []

    def buffer(self, frame) -> list:
        found = frame.f_locals.get(self.buffer_name) if self.buffer_name else None
        return found if isinstance(found, list) else []


def printed_by(template_name: str, context: dict, style: HouseStyle, folder: tuple[Path, ...],
               offset: int) -> Printed | None:
    """The template file and line that printed the character at `offset` of the
    markup `render` gives: the template rendered again (only for a refusal of its
    markup), piece by piece, each piece traced to the template code that yielded it
    (the innermost one: an included template's before the include's), whose line
    Jinja's debug info maps back to the template's; inside a macro the macro's line,
    and the line that called it. None where it cannot be told."""
    env = environment(folder, style.digits, style.dates, style.times, style.word("comma"))
    pending: list = [None]
    active: list[_MacroRun | None] = []    # the macros running, outermost first (None: not kept)
    returned: list[_MacroRun] = []     # those called by the template's own code since its last piece
    kept = [0]                         # calls kept since the last piece

    def trace(frame, event, arg):
        template = frame.f_globals.get("__jinja_template__")
        if template is None:
            return None
        if frame.f_code.co_flags & _CO_GENERATOR:
            if event == "return" and pending[0] is None and isinstance(arg, str):     # a piece yielded
                pending[0] = (template, template.get_corresponding_lineno(frame.f_lineno))
            return trace
        if frame.f_code.co_name != "macro":
            return trace
        if event == "call":
            kept[0] += 1
            kept_too = kept[0] <= MAX_MACRO_RUNS and (not active or active[-1] is not None)  # (its caller's too)
            active.append(_MacroRun(template, frame) if kept_too else None)
        elif event == "line" and active and active[-1] is not None:
            active[-1].steps.append((frame.f_lineno, len(active[-1].buffer(frame))))
        elif event == "return" and active:
            run = active.pop()
            if run is not None:
                run.items, run.text = list(run.buffer(frame)), arg if isinstance(arg, str) else None
                (active[-1].inner if active else returned).append(run)
        return trace

    before = sys.gettrace()
    try:
        template = env.get_template(template_name)
        # (each included template's own code run: one played from memory, template_memo.py,
        # would yield its text as a piece of the template that includes it)
        env.start_render(None, replays=False)
        pieces = template.root_render_func(template.new_context(dict(**context, style=style)))
        at = 0
        sys.settrace(trace)
        try:
            for piece in pieces:
                where, pending[0] = pending[0], None
                calls, returned[:], kept[0] = list(returned), [], 0
                if at + len(piece) > offset:
                    if where is None:
                        return None
                    return (_in_macro(env, calls, where, piece, offset - at)
                            or _line_in_piece(env, where, piece, offset - at))
                at += len(piece)
        finally:
            sys.settrace(before)
    except Exception:
        return None          # (the first render succeeded; a second that fails tells nothing)
    return None


def _in_macro(env, runs: list[_MacroRun], where: tuple, text: str, offset: int,
              calls: tuple = ()) -> Printed | None:
    """Where in a macro the character `offset` of `text` was printed, `text` being
    what `where` (a template and Jinja's line) printed: a piece, or an item of a
    macro's output, that holds one of `runs`' outputs whole around that character;
    None where none does. The macro was called where its output begins in `text`
    (from the lines `calls`, where that is a macro's)."""
    for run in runs:
        start = text.find(run.text) if run.text else -1
        while start != -1 and not start <= offset < start + len(run.text):
            start = text.find(run.text, start + 1)
        if start != -1:
            called_at = _line_in_piece(env, where, text, start)
            return _line_in_macro(env, run, offset - start, ((called_at.file, called_at.line), *calls))
    return None


def _line_in_macro(env, run: _MacroRun, offset: int, calls: tuple) -> Printed | None:
    """The line of the macro `run` that printed its output's character `offset`: the
    item of its buffer that holds it, the statement that put the item there (the
    buffer's count of items when the statement ran), the item's own Python line and
    the template line Jinja's debug info gives that; a macro it called, the same way."""
    at = 0
    for index, item in enumerate(run.items):
        if at + len(item) > offset:
            break
        at += len(item)
    else:
        return None
    code, buffered = _python_lines(env, run.template), re.compile(_BUFFERED.format(run.buffer_name))
    statements = [(line, count) for line, count in run.steps
                  if count <= index and 0 < line <= len(code) and buffered.match(code[line - 1])]
    if not statements:
        return None
    line, count = statements[-1]
    if ".extend(" in code[line - 1]:
        line += 1 + index - count
    where = (run.template, run.template.get_corresponding_lineno(line))
    inner = _in_macro(env, run.inner, where, item, offset - at, calls)
    if inner:
        return inner
    here = _line_in_piece(env, where, item, offset - at)
    return Printed(here.file, here.line, calls)


def _python_lines(env, template) -> list[str]:
    """The Python Jinja makes of the template (as it made the code that ran: the
    same generator, the same source), a line each."""
    source = env.loader.get_source(env, template.name)[0]
    return env.compile(source, template.name, template.filename, raw=True).splitlines()


def _line_in_piece(env, where: tuple, piece: str, offset: int) -> Printed:
    """(file, line) of the character `offset` into a piece its template yielded at
    `line`. Jinja yields the template's own text whole, lines and all (with the
    constants it folds into it: `{{ 'x' }}`), at the line of the tag before it, whose
    newline trim_blocks drops: the piece begins on that line or the next, which its
    first characters tell, and the character stands as many lines further as the
    piece has newlines before it."""
    template, line = where
    try:
        text = env.loader.get_source(env, template.name)[0]
    except Exception:
        return Printed(template.filename, line)
    lines = text.splitlines(keepends=True)
    if piece[:1] not in ("", "\n") and line < len(lines):
        first = piece.split("\n", 1)[0][:12]
        if first not in lines[line - 1] and lines[line].startswith(first):
            line += 1
    return Printed(template.filename, line + piece.count("\n", 0, offset))
