"""Whether a setting a user's template never reads still has the effect it asks for.

A key that has no effect is an error. A user's template (--templates) written before a
key (`subtitle_joined: true`, `contacts.label_gap`, `notice.section_mark_hang`) prints
as if it were not there, so where the bundled template reads a setting the spec or the
office's style file writes and the user's does not (template_coverage.unread_settings,
by what each render read), the setting is tried: both templates are rendered again
with it at its default, as if it were not written.

- The user's output changes: the template answers to the key by some other way (a
  method, a value Python composes): it has its effect.
- The bundled output does not change: the key asks for nothing in this document.
- The bundled output as written is its output without the key less some text (the key
  turns a part off: `header: false`, `opening_heading: false`): a template that prints
  none of that text (no more of it than the bundled one as written) gives what the key
  asks without reading it, and is not refused for it.
- Else the user's document is not what the key asks: an error at the key's line.

Only a build with a user's template pays for this, and only for the settings the
pre-filter finds (most builds: none).
"""
from __future__ import annotations

import copy
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable

from ..content import markup, model
from ..errors import InputError
from ..spec.strict import Model

# What the checker is given to render again: (spec, style) → the user's markup, and the
# bundled markup when asked (most settings the user's template heeds: it is not needed),
# or InputError where the spec and style so made are refused.
Rerender = Callable[[object, object], tuple[str, Callable[[], str]]]


def without(value, path: tuple, default):
    """A copy of `value` (a model, list or dict, nested) with the key at `path` set to
    `default` and, on a model, marked as not written (a check that asks whether the key
    is written then sees it absent); `default` None on a dict deletes the entry."""
    head, rest = path[0], path[1:]
    if isinstance(value, Model):
        if rest:
            return value.model_copy(update={head: without(getattr(value, head), rest, default)})
        new = value.model_copy(update={head: default})
        object.__setattr__(new, "_fields_set", new._fields_set - {head})
        return new
    if isinstance(value, (list, tuple)):
        items = list(value)
        items[head] = without(items[head], rest, default) if rest else default
        return type(value)(items)
    if isinstance(value, dict):
        items = dict(value)
        if rest:
            items[head] = without(items[head], rest, default)
        elif default is None:
            items.pop(head, None)
        else:
            items[head] = default
        return items
    raise TypeError(f"no key {head!r} in {type(value).__name__}")


def field_default(spec, path: tuple):
    """The default of the spec's field at `path` (a fresh copy: a list default is shared)."""
    owner = spec
    for key in path[:-1]:
        owner = owner[key] if isinstance(owner, (list, tuple, dict)) else getattr(owner, key)
    return copy.deepcopy(type(owner).model_fields[path[-1]].default)


def style_default(default_style, path: tuple):
    """The value at `path` in the bundled house style (None where it has none)."""
    value = default_style
    for key in path:
        if isinstance(value, dict):
            value = value.get(key)
        else:
            value = getattr(value, key, None)
        if value is None:
            return None
    return copy.deepcopy(value)


def _printed(doc: model.Document) -> str:
    """The document's characters, an item's marker before its text (項　目 is one),
    with no whitespace (a name may be split over lines)."""
    return "".join("".join((getattr(b, "marker", "") + model.plain_text(b.inlines)).split())
                   for b in model.walk(doc.blocks) if getattr(b, "inlines", None) is not None)


def verdict(theirs: tuple[str, str], ours: tuple[Callable[[], str], str], kind: str) -> str | None:
    """Whether the user's template gives what a setting asks: `theirs` and `ours` are
    the user's and the bundled markup, without the setting (the bundled one made when
    asked) and as written. None: it does; else what the user's document lacks."""
    if theirs[0] != theirs[1]:
        return None        # it answers to the key, by reading it or by some other way
    without_key = ours[0]()
    if without_key == ours[1]:
        return None        # the key changes nothing in this document
    before, after = _printed(markup.parse(without_key)), _printed(markup.parse(ours[1]))
    ops = SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    if all(tag in ("equal", "delete") for tag, *_ in ops) and before != after:
        # the key turns text off: heeded where the user's prints none of it (no more
        # of it than the bundled one as written, where the same words stand elsewhere)
        printed = _printed(markup.parse(theirs[1]))
        parts = [before[i1:i2] for tag, i1, i2, _, _ in ops if tag == "delete"]
        shown = [p for p in parts if printed.count(p) > after.count(p)]
        return f"the {kind} prints {shown[0]}, which the key leaves out" if shown else None
    return f"the {kind} is printed as if the key were not there"


def unheeded(candidates: list[tuple], rerender: Rerender, theirs: str, ours: str,
             kind: str) -> list[tuple[tuple, str]]:
    """Each candidate (its key, and the spec and style without it) the user's template
    does not heed, with what its document lacks. `theirs`, `ours`: the markup the
    user's and the bundled template made of the spec and style as written."""
    out = []
    for key, spec, style in candidates:
        try:
            theirs_without, ours_without = rerender(spec, style)
            lacks = verdict((theirs_without, theirs), (ours_without, ours), kind)
        except InputError:
            # without the key the spec is refused (another key needs it): it shapes
            # what is composed, and the user's template makes the same without it
            lacks = f"the {kind} is printed as if the key were not there"
        if lacks:
            out.append((key, lacks))
    return out


def where_read(files: list[Path], field: str) -> str | None:
    """The first `file:line` of the bundled templates that reads `field` (x.field), for
    the message: where to look to add it."""
    from jinja2 import Environment, nodes
    env = Environment()
    for f in files:
        if f.is_file():
            tree = env.parse(f.read_text(encoding="utf-8"))
            for node in tree.find_all((nodes.Getattr, nodes.Name)):
                if getattr(node, "attr", None) == field or getattr(node, "name", None) == field:
                    return f"{f}:{node.lineno}"
    return None
