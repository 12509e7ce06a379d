"""A model's JSON Schema, written as pydantic 2's `Model.model_json_schema()` writes it.

The app's form and the editors' schema (schema_export.py) were made from pydantic's
output; this writes the same dict, key for key and in the same order, without
pydantic, so that the spec's models need not be pydantic models. It reads a model
only through what both kinds of model provide:

    Model.model_fields   name → info: .annotation, .metadata, .alias, .default,
                         .description, .is_required()
    Model.__doc__, Model.__name__
    getattr(instance, name) for each field, where a default is a model instance

and knows only the types the spec uses (str, bool, int, float, Optional, Union,
Literal, list, dict, date, time, datetime, nested models, Annotated with a min_length
or a validator): anything else is refused by name rather than written wrong.
tests/test_json_schema.py holds it to a snapshot of pydantic's output for Spec.
"""
from __future__ import annotations

import datetime as dt
import inspect
import types
import typing
from typing import Annotated, Any, Literal, Union

from ..japanese import PartialDate

_PLAIN = {str: "string", bool: "boolean", int: "integer", float: "number", type(None): "null"}
# Strings with a format, as pydantic writes them: the app makes its date and time boxes
# from the format (schema_export._mark_kinds).
# A date given in part (japanese.PartialDate: 2015-03, 平成9年) is typed in a date's box too.
_TEMPORAL = {dt.datetime: "date-time", dt.date: "date", dt.time: "time", PartialDate: "date"}
# min_length means minLength, minItems or minProperties by what it constrains.
_MIN_KEY = {"string": "minLength", "array": "minItems", "object": "minProperties"}
# Constraints pydantic would write and this does not: met, they are refused, not dropped.
_UNSUPPORTED = ("max_length", "pattern", "gt", "ge", "lt", "le", "multiple_of")


def model_json_schema(model: type) -> dict:
    """The JSON Schema of `model`: its own schema, with every model it uses under $defs."""
    defs: dict[type, dict] = {}       # by class while written: two models may share a name
    schema = _model(model, defs)
    if model in defs:                 # it holds itself: pydantic then refers to it from the top too
        schema = {"$ref": f"#/$defs/{model.__name__}"}
    if len({cls.__name__ for cls in defs}) < len(defs):
        raise TypeError("two models of the same name: pydantic would rename them, this does not")
    if defs:
        schema["$defs"] = {cls.__name__: s for cls, s in defs.items()}
    return _sorted(schema)


def _model(model: type, defs: dict) -> dict:
    """A model's own schema (the models it uses are added to defs)."""
    properties, required = {}, []
    for name, info in model.model_fields.items():
        key = info.alias or name      # the spec writes the alias (KiEntry's `list`)
        prop = _constrained(_schema(info.annotation, defs), info.metadata)
        # pydantic titles a field after its name, unless its value is a model (which has a title)
        if _model_class(info.annotation) is None:
            prop["title"] = key.title().replace("_", " ").strip()
        if info.description:
            prop["description"] = info.description
        if info.is_required():
            required.append(key)
        else:
            prop["default"] = _jsonable(info.default)
        properties[key] = prop
    schema = {"type": "object", "properties": properties, "title": model.__name__,
              "additionalProperties": False}    # every model of ours refuses unknown keys
    if required:
        schema["required"] = required
    if model.__doc__:
        schema["description"] = inspect.cleandoc(model.__doc__)
    return schema


def _schema(tp, defs: dict) -> dict:
    """The schema of a type; a model goes to defs, once, and is referred to."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Annotated:
        return _constrained(_schema(args[0], defs), tp.__metadata__)
    if origin in (Union, types.UnionType):
        # pydantic writes None last, whatever its place, and flattens nested anyOfs
        members = [_schema(a, defs) for a in args if a is not type(None)]
        if type(None) in args:
            members.append({"type": "null"})
        flat = [m for s in members for m in (s["anyOf"] if list(s) == ["anyOf"] else [s])]
        unique = [m for i, m in enumerate(flat) if m not in flat[:i]]
        return unique[0] if len(unique) == 1 else {"anyOf": unique}
    if origin is Literal:
        schema = {"const": args[0]} if len(args) == 1 else {"enum": list(args)}
        kinds = {type(a) for a in args}
        if len(kinds) == 1 and (kind := kinds.pop()) in _PLAIN:
            schema["type"] = _PLAIN[kind]
        return schema
    if origin is list:
        return {"type": "array", "items": _schema(args[0], defs)}
    if origin is dict:
        key = args[0]
        while typing.get_origin(key) is Annotated:      # a party's id (base.PartyKey): a text
            key = typing.get_args(key)[0]
        if key is not str:
            raise TypeError(f"JSON Schema of dict keys other than str: {tp!r}")
        return {"type": "object", "additionalProperties": _schema(args[1], defs)}
    if tp in _PLAIN:
        return {"type": _PLAIN[tp]}
    if tp in _TEMPORAL:
        return {"type": "string", "format": _TEMPORAL[tp]}
    if hasattr(tp, "model_fields"):
        if tp not in defs:
            defs[tp] = {}             # taken before it is written: a model may hold itself
            defs[tp] = _model(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _constrained(schema: dict, metadata) -> dict:
    """The schema with the Annotated metadata's constraints, read by duck typing."""
    for item in metadata:
        if hasattr(item, "func"):     # a validator: it changes what is read, not what is written
            continue
        if hasattr(item, "kind"):     # base.Refers: an id (schema_export.py marks it for the form)
            continue
        if not hasattr(item, "min_length") or any(getattr(item, a, None) is not None for a in _UNSUPPORTED):
            raise TypeError(f"no JSON Schema for the constraint {item!r}")
        if item.min_length is None:
            continue
        # on Optional[X], the constraint is X's (the null branch has no length)
        target = next((s for s in schema.get("anyOf", [schema]) if s.get("type") in _MIN_KEY), None)
        if target is None:
            raise TypeError(f"min_length on {schema!r}")
        target[_MIN_KEY[target["type"]]] = item.min_length
    return schema


def _model_class(tp):
    """The model a field holds, through Optional and Annotated (None if it holds no model)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Annotated:
        return _model_class(args[0])
    if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return _model_class(next(a for a in args if a is not type(None)))
    return tp if hasattr(tp, "model_fields") else None


def _jsonable(value):
    """A default as pydantic serialises it (mode="json", by alias): a model as a dict of
    every field, dates as ISO text."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.time)):     # datetime is a date
        return value.isoformat()
    if hasattr(type(value), "model_fields"):
        return {info.alias or name: _jsonable(getattr(value, name))
                for name, info in type(value).model_fields.items()}
    raise TypeError(f"no JSON for the default {value!r}")


def _sorted(node: Any, parent: str | None = None) -> Any:
    """pydantic's key order: every mapping sorted by key, except a model's properties
    (kept in field order) and a default (kept as serialised); a dict nested in either
    is sorted again, as pydantic does."""
    if isinstance(node, dict):
        keys = node if parent in ("properties", "default") else sorted(node)
        return {k: _sorted(node[k], k) for k in keys}
    if isinstance(node, list):
        return [_sorted(v, parent) for v in node]
    return node
