"""Every text a part of a spec holds, with its key path as the spec writes it (a field's
alias: a list point's `list:`, not its attribute `entries`), so that a check can name
the line of the text it refuses or notes (source.line_of). Shared by the checks that
read all of a spec's prose: a ※N mark and its note (note_marks.py), a head's name
written in another text (signer_checks.py)."""
from __future__ import annotations

from operator import attrgetter

# How a value of each type met is walked: None for a type that holds no text (None,
# numbers, dates, the schema's enums …), passed over where it is met; for a model, its
# fields' keys as written and a getter of their values (read in C, as a tuple). A
# notice holds ~140 values, most of them None, texts and flags; a generator a value,
# each type asked for `model_fields` (for a type without, hasattr raises and catches an
# AttributeError) and each field's alias read in Python took the note marks' check
# (note_marks.py), which walks the notice, 1.16 M instructions a warm notice.
_SHAPES: dict[type, tuple[tuple, attrgetter] | None] = {type(None): None, bool: None, int: None, float: None}


def texts_at(value, at: tuple) -> list[tuple[tuple, str]]:
    """(key path, text) of each text under `value` (a model, a list, a tuple or a mapping
    of the spec, walked in the spec's order)."""
    found: list[tuple[tuple, str]] = []
    _gather(value, at, found)
    return found


def _shape(kind: type) -> tuple[tuple, attrgetter] | None:
    fields = getattr(kind, "model_fields", None) or {}
    shape = _SHAPES[kind] = (tuple(f.alias or k for k, f in fields.items()),
                             attrgetter(*fields, "__class__")) if fields else None
    return shape                # (the class read too: a tuple of values for one field as well)


def _gather(value, at: tuple, found: list) -> None:
    if isinstance(value, str):
        found.append((at, value))
        return
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value)
    else:
        kind = type(value)
        shape = _SHAPES[kind] if kind in _SHAPES else _shape(kind)
        if shape is None:
            return
        keys, values = shape
        items = zip(keys, values(value))
    shapes = _SHAPES
    for key, item in items:
        if isinstance(item, str):
            found.append((at + (key,), item))
        elif shapes.get(type(item), 0) is not None:
            _gather(item, at + (key,), found)
