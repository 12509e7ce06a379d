"""An included bundled template's output remembered by the values it reads.

A notice includes contact.xml.j2 once a contact (the press request's, each box's),
and an office's contacts are the same from one notice to the next: rendering one
cost ~0.5 M instructions, most of a notice's template time after the notice's own.
Where a bundled template is *pure* — its output is a function of the context names
it reads, it sets nothing outside itself, and it calls nothing that has an effect —
its pieces of output are kept, keyed by those names' values, and played again.

What makes a replay the same render:
- the key holds every name the template reads (PURE_INCLUDES; a test compares it with
  Jinja's own list of the bundled source's undeclared names, and checks that the
  source assigns to no namespace and calls only the pure methods listed there);
- a value is keyed by its type and contents all the way down (a Markup is not the
  str of the same text; 1, True and 1.0 are three keys), and only plain values and the
  project's frozen models are keyed: anything else is rendered as before;
- the house style is keyed by identity: one object per file and stamp
  (style.load_style), frozen, shared by every build that uses it; the memo holds it,
  so that its id cannot name another object while the entry lives;
- the memo is the Template's own: a template is compiled per environment (its digit
  style and filters) and reloaded when its file changes, each with an empty memo;
  a user's template of the same name (--templates) is never remembered.

The sandbox's budget sees the same steps: a replay is the text as one piece, and
charges the steps the template took itself (measured around each of its pieces on the
render that made them) and one for each of its pieces but the one the includer's join
counts; the join adds up the same size. Where that would pass the budget, the
template is rendered instead, so a refusal comes from the same place with the same
message. A render that gathers the names a user's template reads (`reads`) renders, and
so does the render printed_lines.py traces to name the line of a refused element (a
piece played from memory would be its includer's).
Only a completed render is kept, so an error is raised where it always was.
"""
from __future__ import annotations

import os
from typing import Any

from jinja2.utils import missing
from markupsafe import Markup

from ..spec.strict import Model
from . import sandbox as _sandbox

# A bundled template → (names keyed by value, names keyed by identity, the methods it may call).
PURE_INCLUDES: dict[str, tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]] = {
    "contact.xml.j2": (("contact_line", "ct"), ("style",), frozenset({"persons", "phone_list", "word"})),
}
MAX_ENTRIES = 64              # per template: a batch's offices have a few contacts each


class _Unkeyed(Exception):
    """A value the memo does not key (not plain data or a frozen model of ours)."""


_MISSING = ("missing",)
_PLAIN = (str, Markup, int, bool, type(None))     # (a float's -0.0 == 0.0: not keyed)
_PLAIN_KINDS = frozenset(_PLAIN)


def value_key(value: Any) -> tuple:
    """The value as a key equal only to a value the template prints the same: its exact
    type beside its contents, all the way down."""
    kind = type(value)
    if kind in _PLAIN_KINDS:
        return kind, value
    if kind is list or kind is tuple:
        return kind, tuple(map(value_key, value))
    if value is missing:
        return _MISSING
    if isinstance(value, Model) and kind.__module__.startswith("jpdocs."):
        # frozen: its fields are its state (a template reads fields and template_api
        # methods, which read fields only). Its names, its values' types and its values,
        # each value keyed in turn where one is not plain (a list, a model).
        fields = value.__dict__
        values = tuple(fields.values())
        kinds = tuple(map(type, values))
        if not _PLAIN_KINDS.issuperset(kinds):
            values = tuple([v if k in _PLAIN_KINDS else value_key(v) for v, k in zip(values, kinds)])
        return kind, tuple(fields), kinds, values
    raise _Unkeyed


def _spent(counter) -> int:
    """The steps a render's counter has given (count(n)'s repr names the next, n)."""
    return int(repr(counter)[6:-1]) - 1


def remembering(template, name: str, bundled_folder: str, sandbox):
    """The template, its root render function remembering its output where it is a
    pure bundled include (PURE_INCLUDES) loaded from the bundled folder."""
    pure = PURE_INCLUDES.get(name)
    if pure is None or template.filename is None:
        return template
    if os.path.normpath(template.filename) != os.path.normpath(os.path.join(bundled_folder, name)):
        return template                      # a user's template of that name
    by_value, by_identity, _ = pure
    render = template.root_render_func
    memo: dict[tuple, tuple] = {}

    def root(context):
        budget = sandbox._budget
        if not budget.replays:               # reads gathered, or the render traced
            return render(context)
        resolve = context.resolve_or_missing
        try:
            values = tuple(value_key(resolve(n)) for n in by_value)
        except _Unkeyed:
            return render(context)
        held = tuple(resolve(n) for n in by_identity)
        key = (values, tuple(map(id, held)))
        entry = memo.get(key)
        if entry is None:
            return _recorded(render(context), budget.counter, memo, key, held)
        text, pieces, steps, _ = entry
        if _spent(budget.counter) + steps + pieces > _sandbox.MAX_STEPS:
            return render(context)           # the budget runs out in it: refused where it was
        # Its text as one piece: the steps the template took itself, and one for each of
        # its pieces but the one its includer's join counts (a join counts a step a piece
        # and adds up their sizes: one piece of their text spends the same and passes or
        # fails the size limit as they did).
        charge = steps + pieces - 1 if pieces else steps
        if charge:
            sandbox.step(charge)
        return _replayed(text, pieces)

    template.root_render_func = root
    return template


def _replayed(text: str, pieces: int):
    if pieces:
        yield text


def _recorded(gen, counter, memo: dict, key: tuple, held: tuple):
    """The render's pieces passed on as they come, and kept with the steps the template
    took itself (not those its includer's join counts while it waits) once it ends."""
    pieces, steps = [], 0
    try:
        while True:
            before = _spent(counter)
            try:
                piece = next(gen)
            except StopIteration:
                break
            steps += _spent(counter) - before
            pieces.append(piece)
            yield piece
        steps += _spent(counter) - before
    finally:
        gen.close()
    if len(memo) >= MAX_ENTRIES:             # the oldest out (pop: another thread may have taken it)
        memo.pop(next(iter(memo), None), None)
    memo[key] = ("".join(pieces), len(pieces), steps, held)
