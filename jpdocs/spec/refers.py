"""Where a spec holds ids of its parties or of its several agreements, read from the
models' marks (base.py's Refers: PartyId, PartyKey, AgreementId, AgreementKey): the
fields that hold them (for the app's form, app/id_fields.py) and, in one spec, each id
it writes with its key path (for the check that looks each up, id_checks.py).

Both walk the models, so a field of ids added to a model is found without a list kept
by hand.
"""
from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Annotated, Iterator, Union, get_args, get_origin

from .strict import Model

# How a field holds ids: a list of ids and nothing else (a ceremony's 締結者); one id,
# or a list of ids beside other values (block_labels: false or a list); a mapping keyed
# by ids (a cover's names)
LIST, ONE, KEYS = "list", "one", "keys"


def field_annotation(info):
    """A model field's annotation with its own marks (pydantic keeps a field's
    Annotated metadata apart from its type)."""
    return Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


def refers(annotation) -> str | None:
    """The kind of id a text is ("parties", "agreements"), or None: a text, or anything else."""
    if get_origin(annotation) is not Annotated:
        return None
    return next((m.kind for m in annotation.__metadata__ if hasattr(m, "kind")), None)


def bare(annotation):
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def ids_of(annotation) -> tuple[str, str] | None:
    """(kind, how) of a field that holds ids, or None: a list of ids alone is LIST, a
    list of ids beside other values (true, false) or one id ONE, a mapping by ids KEYS."""
    members = _members_kept(annotation)
    for member in members:
        plain, args = bare(member), get_args(bare(member))
        if get_origin(plain) is dict and refers(args[0]):
            return refers(args[0]), KEYS
        if get_origin(plain) is list and refers(args[0]):
            return refers(args[0]), LIST if len(members) == 1 else ONE
        if refers(member):
            return refers(member), ONE
    return None


def _members_kept(annotation) -> list:
    """A field's kinds of value, each with its own marks (PartyId keeps its Refers)."""
    if get_origin(annotation) is Annotated and get_origin(bare(annotation)) not in (Union, types.UnionType):
        return [annotation]
    annotation = bare(annotation)
    if get_origin(annotation) in (Union, types.UnionType):
        return [m for a in get_args(annotation) if a is not type(None) for m in _members_kept(a)]
    return [annotation]


def models_in(annotation) -> list[type]:
    """The models a field may hold, anywhere in it (a list's rows, a mapping's values)."""
    if isinstance(annotation, type) and issubclass(annotation, Model):    # (not built by asking: strict/model.py)
        return [annotation]
    return [m for a in get_args(annotation) for m in models_in(a)]


# -- the ids one spec writes -------------------------------------------------------

@dataclass(frozen=True)
class IdAt:
    """An id written in a spec: its key path (a list's entry, a mapping's key, a field),
    what it names ("parties" or "agreements"), and the field that holds it."""
    path: tuple
    kind: str
    value: str
    model: str
    field: str


def ids_in(spec) -> Iterator[IdAt]:
    """Every id the spec writes, at its key path, in the order of the fields and their
    entries. A process's first specs are walked reading each field's annotation where the
    spec first writes it (a build of one spec reads few); later ones, a batch's, by
    tables of each model's fields that may hold ids, whole, so that a walk goes only
    where ids may be."""
    global _walks
    _walks += 1
    walk = _walk_first if _walks <= FIRST_WALKS else _walk_known
    return walk(spec, ())


FIRST_WALKS = 2         # a build reads its spec and the specs its notice announces
_walks = 0


def _walk_first(model, at: tuple) -> Iterator[IdAt]:
    kind = type(model)
    for row in _ROWS.get(kind) or _rows(kind):
        name, key, facts = row
        value = getattr(model, name)
        if value is None:
            continue
        if facts is None:
            facts = row[2] = _facts(kind.model_fields[name])
        found, models = facts
        if found:
            for path, one in _written(value, at + (key,), found[1]):
                yield IdAt(path, found[0], one, kind.__name__, key)
        if models:
            yield from _below(value, at + (key,), _walk_first)


def _walk_known(model, at: tuple) -> Iterator[IdAt]:
    kind = type(model)
    known = _KNOWN.get(kind)
    for name, key, found, descend in _known(kind, ()) if known is None else known:
        value = getattr(model, name)
        if value is None:
            continue
        if found:
            for path, one in _written(value, at + (key,), found[1]):
                yield IdAt(path, found[0], one, kind.__name__, key)
        if descend:
            yield from _below(value, at + (key,), _walk_known)


# a model → [attribute, key, _facts or None until a spec first writes the field] of each
# field: a spec leaves most fields out, and reading a field's annotation walks typing's
# forms (a cold notice that read all 174 fields' spent ~14 M instructions on them; reading
# the 102 it writes or defaults, each shared annotation once, ~7 M)
_ROWS: dict[type, list] = {}

# a model → (attribute, key, ids_of, whether to descend) of each field that holds ids
# or models that may: a walk of the seed's spec ~100 → ~20 µs
_KNOWN: dict[type, tuple] = {}


def _rows(model: type) -> list:
    rows = _ROWS[model] = [[name, info.alias or name, None] for name, info in model.model_fields.items()]
    return rows


def _known(model: type, within: tuple) -> tuple:
    """_KNOWN's entry of a model, made from all its fields (and their models', `within`:
    the models being made, taken as holding ids: a model that holds itself)."""
    rows = []
    for name, info in model.model_fields.items():
        found, models = _facts(info)
        descend = any(m in within or m is model or _may_hold(m, within + (model,)) for m in models)
        if found or descend:
            rows.append((name, info.alias or name, found, descend))
    _KNOWN[model] = known = tuple(rows)
    return known


def _may_hold(model: type, within: tuple) -> bool:
    known = _KNOWN.get(model)
    return bool(_known(model, within) if known is None else known)


def _facts(info) -> tuple:
    """(ids_of, the models it may hold) of a field."""
    if info.metadata:                       # (its own marks: an annotation made for it)
        return _read(field_annotation(info))
    kept = _BY_ANNOTATION.get(id(info.annotation))
    if kept is None or kept[0] is not info.annotation:
        kept = _BY_ANNOTATION[id(info.annotation)] = (info.annotation, _read(info.annotation))
    return kept[1]


# id(annotation) → (the annotation, _read of it): fields share annotation objects (typing
# keeps one Optional[Text] for every field that writes it), read once
_BY_ANNOTATION: dict[int, tuple] = {}


def _read(annotation) -> tuple:
    return ids_of(annotation), tuple(models_in(annotation))


def _written(value, key: tuple, how: str) -> list[tuple[tuple, str]]:
    """(key path, id) of each id a field of ids holds: a mapping's keys (not the one
    word of labels: 甲乙 beside its mapping), a list's entries (not block_labels: false
    beside its list), or the one text."""
    if isinstance(value, dict):
        return [(key + (k,), k) for k in value if isinstance(k, str)]
    if isinstance(value, (list, tuple)):
        return [(key + (i,), one) for i, one in enumerate(value) if isinstance(one, str)]
    return [(key, value)] if isinstance(value, str) and how == ONE else []


def _below(value, at: tuple, walk) -> Iterator[IdAt]:
    """The ids of the models a field's value holds (a model, a list's rows, a mapping's values)."""
    if isinstance(value, Model):
        yield from walk(value, at)
    elif isinstance(value, (list, tuple)):
        for i, one in enumerate(value):
            yield from _below(one, at + (i,), walk)
    elif isinstance(value, dict):
        for k, one in value.items():
            yield from _below(one, at + (k,), walk)
