"""The spec's fields whose values (or keys) are ids of its parties or of its several
agreements, read from the models: each such text is marked there (spec/base.py's
Refers: PartyId, PartyKey, AgreementId, AgreementKey), as the checks that look the ids
up know them (spec/refers.py walks the marks for both). schema_export.py marks them in
the app's schema, so that the form offers the parties (agreements) to choose and names
them by name.

The fields were listed here by hand, and a new one (a list of party ids added to a
model) would have been a text box to type ids into, with no test to say so.
"""
from __future__ import annotations

from functools import lru_cache

from ..spec.refers import KEYS, LIST, ONE, field_annotation, ids_of, models_in

__all__ = ["KEYS", "LIST", "ONE", "id_fields"]


@lru_cache(maxsize=1)
def id_fields() -> dict[tuple[str, str], tuple[str, str]]:
    """{(model name, field): (what its ids name: "parties" or "agreements", LIST, ONE or
    KEYS)} of every model a spec may hold (the root is "Spec", as in the schema)."""
    from ..spec.schema import Spec
    out: dict[tuple[str, str], tuple[str, str]] = {}
    seen: set[type] = set()
    todo = [Spec]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            annotation = field_annotation(info)
            found = ids_of(annotation)
            if found:
                out[(model.__name__, info.alias or name)] = found
            todo += models_in(annotation)
    return out
