"""Every text a part of a spec holds, with its key path as the spec writes it (a field's
alias: a list point's `list:`, not its attribute `entries`), so that a check can name
the line of the text it refuses or notes (source.line_of). Shared by the checks that
read all of a spec's prose: a ※N mark and its note (note_marks.py), a head's name
written in another text (signer_checks.py)."""
from __future__ import annotations

# the types met that hold no text (None, numbers, dates, the schema's enums …): a
# value of one is passed over at once. Asking such a type for `model_fields` raises
# and catches an AttributeError inside hasattr, and most of a notice's ~230 values
# are of these; with a generator a value, the walk was ~0.17 ms of a warm notice.
_NO_TEXT: set[type] = set()


def texts_at(value, at: tuple) -> list[tuple[tuple, str]]:
    """(key path, text) of each text under `value` (a model, a list, a tuple or a mapping
    of the spec, walked in the spec's order)."""
    found: list[tuple[tuple, str]] = []
    _gather(value, at, found)
    return found


def _gather(value, at: tuple, found: list) -> None:
    kind = type(value)
    if kind in _NO_TEXT:
        return
    if isinstance(value, str):
        found.append((at, value))
    elif isinstance(value, dict):
        for key, item in value.items():
            _gather(item, at + (key,), found)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _gather(item, at + (i,), found)
    elif hasattr(kind, "model_fields"):
        for key, field in kind.model_fields.items():
            _gather(getattr(value, key), at + (field.alias or key,), found)
    else:
        _NO_TEXT.add(kind)
