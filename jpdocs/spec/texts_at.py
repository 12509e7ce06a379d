"""Every text a part of a spec holds, with its key path as the spec writes it (a field's
alias: a list point's `list:`, not its attribute `entries`), so that a check can name
the line of the text it refuses or notes (source.line_of). Shared by the checks that
read all of a spec's prose: a ※N mark and its note (note_marks.py), a head's name
written in another text (signer_checks.py)."""
from __future__ import annotations

from typing import Iterator


def texts_at(value, at: tuple) -> Iterator[tuple[tuple, str]]:
    """(key path, text) of each text under `value` (a model, a list, a tuple or a mapping
    of the spec, walked in the spec's order)."""
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts_at(item, at + (key,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from texts_at(item, at + (i,))
    elif hasattr(type(value), "model_fields"):
        for key, field in type(value).model_fields.items():
            yield from texts_at(getattr(value, key), at + (field.alias or key,))
