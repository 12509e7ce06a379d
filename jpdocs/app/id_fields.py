"""The spec's fields whose values (or keys) are ids of its parties or of its several
agreements, read from the models: each such text is marked there (spec/base.py's
Refers: PartyId, PartyKey, AgreementId, AgreementKey), as the checks that look the ids
up know them. schema_export.py marks them in the app's schema, so that the form offers
the parties (agreements) to choose and names them by name.

The fields were listed here by hand, and a new one (a list of party ids added to a
model) would have been a text box to type ids into, with no test to say so.
"""
from __future__ import annotations

import types
from functools import lru_cache
from typing import Annotated, Union, get_args, get_origin

# How a field holds ids: checkboxes of a list of ids and nothing else (a ceremony's
# 締結者); a select for one id, or for each row of a list that is one of the field's
# choices (署名欄の前の記号: はい, いいえ, or the parties' rows); a mapping keyed by ids
LIST, ONE, KEYS = "list", "one", "keys"


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
            annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
            found = _ids_of(annotation)
            if found:
                out[(model.__name__, info.alias or name)] = found
            todo += _models(annotation)
    return out


def _refers(annotation) -> str | None:
    """The kind of id a text is ("parties"), or None: a text, or anything else."""
    if get_origin(annotation) is not Annotated:
        return None
    return next((m.kind for m in annotation.__metadata__ if hasattr(m, "kind")), None)


def _bare(annotation):
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _ids_of(annotation) -> tuple[str, str] | None:
    """(kind, how) of a field that holds ids, or None: a list of ids alone is LIST, a
    list of ids beside other values (true, false) or one id ONE, a mapping by ids KEYS."""
    members = _members_kept(annotation)
    for member in members:
        bare, args = _bare(member), get_args(_bare(member))
        if get_origin(bare) is dict and _refers(args[0]):
            return _refers(args[0]), KEYS
        if get_origin(bare) is list and _refers(args[0]):
            return _refers(args[0]), LIST if len(members) == 1 else ONE
        if _refers(member):
            return _refers(member), ONE
    return None


def _members_kept(annotation) -> list:
    """A field's kinds of value, each with its own marks (PartyId keeps its Refers)."""
    if get_origin(annotation) is Annotated and get_origin(_bare(annotation)) not in (Union, types.UnionType):
        return [annotation]
    annotation = _bare(annotation)
    if get_origin(annotation) in (Union, types.UnionType):
        return [m for a in get_args(annotation) if a is not type(None) for m in _members_kept(a)]
    return [annotation]


def _models(annotation) -> list[type]:
    """The models a field may hold, anywhere in it (a list's rows, a mapping's values)."""
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return [annotation]
    return [m for a in get_args(annotation) for m in _models(a)]
