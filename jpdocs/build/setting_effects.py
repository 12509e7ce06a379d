"""Whether a setting a user's template never reads still has the effect it asks for.

A key that has no effect is an error. A user's template (--templates) written before a
key (`subtitle_joined: true`, `contacts.label_gap`, `notice.section_mark_hang`) prints
as if it were not there; one that reads a key may still not heed it (`n.header or
報道機関各位` under `header: false`). So each setting the spec or the office's style file
writes, not at its default, that the bundled template reads (template_coverage
.settings_without_effect, by what the render read) is tried: both templates are
rendered again with it at its default, as if it were not written.

- The user's output changes: the template answers to the key (by reading it, or by a
  method or a value Python composes from it).
- The bundled output does not change: the key asks for nothing in this document.
- Else the bundled output's text, without the key and as written, tells what it asks:
  - text it turns off (`header: false`, `opening_heading: false`): heeded by a template
    that prints none of it (no more of it than the bundled one as written: the same
    words may stand elsewhere);
  - text it changes (`contacts.label_gap`: 電話　… → 電話:…): not heeded where the user's
    prints the text as it is without the key (the change, a few characters either
    side); a template that prints none of that part (no contacts) is asked nothing;
  - text it moves (`notice.header_place`): not heeded where the user's prints it;
  - the same text set otherwise (`subtitle_joined`, `notice.section_mark_hang`'s
    indents, a space over a signer): not heeded where the user's prints that text
    (a block with no text, a spacer, stands for the text beside it).
  Not heeded: an error at the key's line, and nothing is written.

Only a build with a user's template pays for this (a build with the bundled templates
never comes here): one context and render of the user's template for each such setting,
and a render of the bundled one where the user's output does not change.
"""
from __future__ import annotations

import copy
from dataclasses import fields
from pathlib import Path
from typing import Callable

from ..content import markup, model
from ..spec.strict import Model

# Characters either side of a change of text, to find it as a template without the key prints it.
CONTEXT = 4

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


def value_at(owner, path: tuple):
    """The value at a key path of models, lists and dicts."""
    for key in path:
        owner = owner[key] if isinstance(owner, (list, tuple, dict)) else getattr(owner, key)
    return owner


def _own(value):
    """A list's or mapping's own copy (a default is shared by every model that takes
    it); a model is frozen and is used as it is."""
    return copy.copy(value) if isinstance(value, (list, dict)) else value


def field_default(spec, path: tuple):
    """The default of the spec's field at `path`."""
    return _own(type(value_at(spec, path[:-1])).model_fields[path[-1]].default)


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
    return _own(value)


def _text(block) -> str:
    """A block's characters, an item's marker before its text (項　目 is one), with no
    whitespace (a name may be split over lines)."""
    if getattr(block, "inlines", None) is None:
        return ""
    return "".join((getattr(block, "marker", "") + model.plain_text(block.inlines)).split())


def _printed(doc: model.Document) -> str:
    return "".join(_text(b) for b in model.walk(doc.blocks))


def _relaid(before: model.Document, after: model.Document) -> list[str]:
    """The text of each block the key sets otherwise where the text is the same (a
    line's indent, the subtitle on the subject's line), as set without the key; a block
    with no text (a spacer) stands for the text beside it."""
    from difflib import SequenceMatcher      # (only here: a build with the bundled templates never comes)

    def shape(block) -> str:       # the block's own settings and text, not its blocks'
        return repr([(f.name, getattr(block, f.name)) for f in fields(block) if f.name not in ("blocks", "rows")])
    blocks = list(model.walk(before.blocks))
    texts = [_text(b) for b in blocks]
    out = []
    matcher = SequenceMatcher(None, [shape(b) for b in blocks], [shape(b) for b in model.walk(after.blocks)],
                              autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changed = [t for t in texts[i1:i2] if t]
        if not changed:
            changed = [t for t in (next((t for t in reversed(texts[:i1]) if t), ""),
                                   next((t for t in texts[i2:] if t), "")) if t]
        out += changed
    return out


def verdict(theirs: tuple[str, str], ours: tuple[Callable[[], str], str], kind: str) -> str | None:
    """Whether the user's template gives what a setting asks: `theirs` and `ours` are
    the user's and the bundled markup, without the setting (the bundled one made when
    asked) and as written. None: it does; else what the user's document lacks."""
    if theirs[0] != theirs[1]:
        return None        # it answers to the key, by reading it or by some other way
    without_key = ours[0]()
    if without_key == ours[1]:
        return None        # the key changes nothing in this document
    from difflib import SequenceMatcher      # (only here: a build with the bundled templates never comes)
    doc_before, doc_after = markup.parse(without_key), markup.parse(ours[1])
    before, after = _printed(doc_before), _printed(doc_after)
    printed = _printed(markup.parse(theirs[1]))
    # each count against the bundled document as written: the same words may stand elsewhere
    ops = [op for op in SequenceMatcher(None, before, after, autojunk=False).get_opcodes() if op[0] != "equal"]
    as_if_absent = f"the {kind} is printed as if the key were not there"
    # text the key moves (the header under the title): not heeded where the user's prints it
    moved = {before[i1:i2] for tag, i1, i2, _, _ in ops if tag == "delete"} & \
        {after[j1:j2] for tag, _, _, j1, j2 in ops if tag == "insert"}
    for tag, i1, i2, j1, j2 in ops:
        if tag == "delete" and before[i1:i2] in moved:
            if before[i1:i2] in printed:
                return as_if_absent
        elif tag == "delete":
            # the key turns text off: heeded where the user's prints none of it
            if printed.count(before[i1:i2]) > after.count(before[i1:i2]):
                return f"the {kind} prints {before[i1:i2]}, which the key leaves out"
        elif tag == "replace" or after[j1:j2] not in moved:
            # the key changes text: not heeded where the user's prints it as it is
            # without the key (the change and a few characters either side); a template
            # that prints none of that part (no contacts: the gap after their labels)
            # is asked nothing by it
            absent = before[max(0, i1 - CONTEXT):i2 + CONTEXT]
            if printed.count(absent) > after.count(absent):
                return as_if_absent
    if ops:
        return None
    # the key sets the same text otherwise: not heeded where the user's prints that text
    relaid = _relaid(doc_before, doc_after)
    return as_if_absent if not relaid or any(t in printed for t in relaid) else None


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
        except Exception:      # InputError, or a fault of a combination no check saw
            # without the key the spec and style cannot be made (another key needs it,
            # or no style file combines them so): what it asks cannot be read from the
            # bundled output, and the user's template does not read it
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
