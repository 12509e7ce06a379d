"""The checks: a model's input (check_model), and the check of each kind of annotation,
made once per field: (value, loc, errors) → the value, or FAIL with findings added."""
from __future__ import annotations

import datetime as dt
import types
from typing import Annotated, Literal, Union, get_args, get_origin

from ...japanese import PartialDate
from .fields import REQUIRED, BeforeValidator
from .findings import FAIL, ValueProblem, error


def check_model(cls, value, loc, errors, into=None):
    if isinstance(value, cls) and into is None:
        return value
    if not isinstance(value, dict):
        return error(errors, "model_type", loc, f"Input should be a valid dictionary or instance of {cls.__name__}",
                      value, {"class_name": cls.__name__})
    before = len(errors)
    by_key, defaults, fresh, required = cls._plan or _plan(cls)
    out = None
    if value.keys() <= by_key.keys() and value.keys() >= required:
        # Every key known and every required one given (a spec that passes): only the
        # given fields walked, in the spec's order, onto the defaults in the fields' order
        # (a model has 5-34 fields, a notice's spec gives a third of them). Its findings
        # would come in the spec's order: a value that has any is checked again below,
        # field by field, as they are reported.
        out, given = defaults.copy(), set()
        field_checks = cls._field_checks
        for key, field_value in value.items():
            name, info = by_key[key]
            if info.check is None or name in field_checks:
                out[name] = _check_field(cls, name, info, field_value, loc + (key,), errors)
            else:                                   # (all _check_field would do)
                out[name] = info.check(field_value, loc + (key,), errors)
            given.add(name)
        if len(errors) > before:
            del errors[before:]
            out = None
        else:
            for name in fresh:
                if name not in given:
                    out[name] = out[name].copy()      # (a default list or dict: each model its own)
    if out is None:
        out, given = {}, set()
        for name, info in cls.model_fields.items():
            key = info.alias or name
            if key in value:
                checked = _check_field(cls, name, info, value[key], loc + (key,), errors)
                given.add(name)
            elif info.default is REQUIRED:
                checked = error(errors, "missing", loc + (key,), "Field required", value)
            else:
                default = info.default
                checked = default.copy() if type(default) in (list, dict) else default
            out[name] = checked
        for key, extra in value.items():
            if key not in cls._keys:
                error(errors, "extra_forbidden", loc + (key,), "Extra inputs are not permitted", extra)
        if len(errors) > before:
            return FAIL
    made = object.__new__(cls) if into is None else into
    object.__setattr__(made, "__dict__", out)
    object.__setattr__(made, "_fields_set", frozenset(given))
    for check in cls._model_checks:
        try:
            check(made)
        except ValueError as exc:
            return error(errors, "value_error", loc, f"Value error, {exc}", value, {"error": exc})
    return made


def _plan(cls):
    """What check_model's walk of given fields needs of a model class, made at its first
    check: each key (a field's alias or name) → (name, field); the defaults by name, in
    the fields' order (None for a required field: given whenever the walk is taken); the
    fields whose default is a list or dict (copied for each model); the required keys."""
    fields = cls.model_fields.items()
    plan = ({info.alias or name: (name, info) for name, info in fields},
            {name: None if info.default is REQUIRED else info.default for name, info in fields},
            tuple(name for name, info in fields if type(info.default) in (list, dict)),
            frozenset(info.alias or name for name, info in fields if info.default is REQUIRED))
    cls._plan = plan              # (each class's own: model._build sets it to None)
    return plan


def _check_field(cls, name, info, value, loc, errors):
    if info.check is None:
        info.check = _checker(info.annotation, info.metadata)
    checked = info.check(value, loc, errors)
    if checked is FAIL:
        return FAIL
    for func in cls._field_checks.get(name, ()):
        try:
            checked = func(cls, checked)
        except ValueError as exc:
            return error(errors, "value_error", loc, f"Value error, {exc}", checked, {"error": exc})
    return checked


# ---- the checks of each kind of annotation: (value, loc, errors) → value or FAIL


def _check_str(value, loc, errors):
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            return error(errors, "string_unicode", loc, "Input should be a valid string, unable to parse raw data"
                          " as a unicode string", value)
    return error(errors, "string_type", loc, "Input should be a valid string", value)


def _check_bool(value, loc, errors):
    """true or false, as the YAML says it (True, TRUE too), or quoted. Not 0, 1, yes
    or no, which pydantic took for true and false: to the spec's YAML (1.2, source.py)
    they are a number and text, and what a spec says is never taken for something else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if isinstance(value, (int, float, str)):
        return error(errors, "bool_parsing", loc, "Input should be a valid boolean, unable to interpret input", value)
    return error(errors, "bool_type", loc, "Input should be a valid boolean", value)


def _check_int(value, loc, errors):
    """A whole number, or one written as text ("40", 40.0). true and false are not numbers."""
    if isinstance(value, bool):
        return error(errors, "int_type", loc, "Input should be a valid integer", value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            try:
                value = float(text)
            except ValueError:
                return error(errors, "int_parsing", loc, "Input should be a valid integer, unable to parse string"
                              " as an integer", value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or abs(value) > 2 ** 63:
            return error(errors, "int_parsing_size", loc, "Unable to parse input string as an integer, exceeded"
                          " maximum size", value)
        if not value.is_integer():
            return error(errors, "int_from_float", loc, "Input should be a valid integer, got a number with a"
                          " fractional part", value)
        return int(value)
    return error(errors, "int_type", loc, "Input should be a valid integer", value)


def _check_float(value, loc, errors):
    """A number, or one written as text ("10.5"): finite (a size of nan or inf is no size).
    true and false are not numbers."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return error(errors, "float_parsing", loc, "Input should be a valid number, unable to parse string"
                          " as a number", value)
    else:
        return error(errors, "float_type", loc, "Input should be a valid number", value)
    if number != number or number in (float("inf"), float("-inf")):
        return error(errors, "finite_number", loc, "Input should be a finite number", value)
    return number


def _instance_check(kind, what, types_):
    def check(value, loc, errors):
        if isinstance(value, types_):
            return value
        return error(errors, kind, loc, f"Input should be a valid {what}", value)
    return check


_SIMPLE = {
    str: _check_str, bool: _check_bool, int: _check_int, float: _check_float,
    # values.py's types: their BeforeValidator makes the object, checked here as pydantic did
    dt.date: _instance_check("date_type", "date", dt.date),
    dt.datetime: _instance_check("datetime_type", "datetime", dt.datetime),
    dt.time: _instance_check("time_type", "time", dt.time),
    # a date given in part (values.DateOrPart: a related document's, an amended original's)
    PartialDate: _instance_check("date_type", "date", PartialDate),
}


def _literal_text(values) -> str:
    shown = [repr(v) for v in values]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


def _is_model(annotation) -> bool:
    # (model.py imports this module: a model is known by what it declares)
    return isinstance(annotation, type) and hasattr(annotation, "model_fields")


def _checker(annotation, metadata=()):
    """The check of one annotation, with its metadata (outermost first)."""
    for i, meta in enumerate(metadata):
        if isinstance(meta, BeforeValidator):
            return _before(meta.func, _checker(annotation, metadata[i + 1:]))
    if get_origin(annotation) is Annotated:
        return _checker(annotation.__origin__, list(annotation.__metadata__) + list(metadata))
    min_length = next((m.min_length for m in metadata if hasattr(m, "min_length")), None)
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType):
        members = [a for a in args if a is not type(None)]
        inner = _checker(members[0], metadata) if len(members) == 1 else _union(members)
        return _optional(inner) if len(members) < len(args) else inner
    if annotation in _SIMPLE:
        check = _SIMPLE[annotation]
        return _min_str(check, min_length) if min_length is not None else check
    if origin is Literal:
        return _literal(args)
    if origin is list:
        return _list(_checker(args[0]), min_length)
    if origin is dict:
        return _dict(_checker(args[0]), _checker(args[1]), min_length)
    if _is_model(annotation):
        return lambda value, loc, errors: check_model(annotation, value, loc, errors)
    raise TypeError(f"strict.py has no check for the annotation {annotation!r}")


def _before(func, then):
    def check(value, loc, errors):
        try:
            value = func(value)
        except ValueProblem as exc:
            return error(errors, exc.kind, loc, exc.message, value)
        except ValueError as exc:
            return error(errors, "value_error", loc, f"Value error, {exc}", value, {"error": exc})
        return then(value, loc, errors)
    return check


def _min_str(check, min_length):
    def checked(value, loc, errors):
        value = check(value, loc, errors)
        if value is not FAIL and len(value) < min_length:
            s = "" if min_length == 1 else "s"
            return error(errors, "string_too_short", loc, f"String should have at least {min_length} character{s}",
                          value, {"min_length": min_length})
        return value
    if check is not _check_str:
        return checked

    def checked_text(value, loc, errors):
        # a text long enough is what _check_str and the length give it: taken without
        # their call (a spec's most common field, Line)
        if type(value) is str and len(value) >= min_length:
            return value
        return checked(value, loc, errors)
    return checked_text


def _gathered(out, before: int, errors, loc, value, what: str, min_length):
    """A list's or dict's checked items, FAIL if any failed, or too few."""
    if len(errors) > before:
        return FAIL
    if min_length is not None and len(out) < min_length:
        return _too_short(errors, loc, value, what, min_length)
    return out


def _too_short(errors, loc, value, what, min_length):
    s = "" if min_length == 1 else "s"
    return error(errors, "too_short", loc, f"{what} should have at least {min_length} item{s} after validation,"
                  f" not {len(value)}", value, {"field_type": what, "min_length": min_length,
                                                "actual_length": len(value)})


def _optional(inner):
    return lambda value, loc, errors: None if value is None else inner(value, loc, errors)


def _literal(expected):
    text = _literal_text(expected)

    def check(value, loc, errors):
        for e in expected:
            # a bool literal takes 0 and 1 as pydantic's lax mode does; text only text
            if value == e and (type(value) is type(e) or (type(e) is bool and type(value) is int)):
                return e
        return error(errors, "literal_error", loc, f"Input should be {text}", value, {"expected": text})
    return check


def _list(item, min_length):
    def check(value, loc, errors):
        if not isinstance(value, (list, tuple)):
            return error(errors, "list_type", loc, "Input should be a valid list", value)
        before = len(errors)
        out = [item(v, loc + (i,), errors) for i, v in enumerate(value)]
        return _gathered(out, before, errors, loc, value, "List", min_length)
    return check


def _dict(key, item, min_length):
    def check(value, loc, errors):
        if not isinstance(value, dict):
            return error(errors, "dict_type", loc, "Input should be a valid dictionary", value)
        before = len(errors)
        out = {}
        for k, v in value.items():
            checked_key = key(k, loc + (k, "[key]"), errors)
            checked = item(v, loc + (k,), errors)
            if checked_key is not FAIL:
                out[checked_key] = checked
        return _gathered(out, before, errors, loc, value, "Dictionary", min_length)
    return check


def _tag(annotation) -> str:
    """A union member's name in a finding's path, as pydantic names it."""
    if get_origin(annotation) is Annotated:
        if any(hasattr(m, "min_length") for m in annotation.__metadata__):
            return f"constrained-{_tag(annotation.__origin__)}"
        return _tag(annotation.__origin__)
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Literal:
        return f"literal[{','.join(map(repr, args))}]"
    if origin in (list, dict):
        return f"{origin.__name__}[{','.join(map(_tag, args))}]"
    return annotation.__name__


# A value of the member's own type: taken by that member before any other converts it
_EXACT = {str: str, bool: bool, int: int, float: float, list: (list, tuple), dict: dict}


def _union(members):
    checks = [(_tag(m), _checker(m), _exact_type(m)) for m in members]
    shapes = [_keys_of(m) for m in members]

    def check(value, loc, errors):
        for _, member, exact in checks:        # the member whose own type the value is
            if exact is not None and type(value) in exact:
                attempt: list = []
                checked = member(value, loc, attempt)
                if checked is not FAIL:
                    return checked
        found: list = []
        for tag, member, _ in checks:
            attempt = []
            checked = member(value, loc + (tag,), attempt)
            if checked is not FAIL:
                return checked
            found.append(attempt)
        shaped = _shaped_member(value, shapes)
        errors += found[shaped] if shaped is not None else [e for attempt in found for e in attempt]
        return FAIL
    return check


def _keys_of(annotation) -> frozenset | None:
    """A model member's keys as a spec writes them; None for any other member."""
    while get_origin(annotation) is Annotated:
        annotation = annotation.__origin__
    return annotation._keys if _is_model(annotation) else None


def _shaped_member(value, shapes: list) -> int | None:
    """The one model member a mapping that fits no member was written as: the one that
    knows the most of its keys, if one alone does. Only its findings are the user's
    ({items: []} in a paragraph's place: its list needs an entry), not those of the
    members it was never meant to be (text: missing, heading: missing, items unknown)."""
    if not isinstance(value, dict) or not value:
        return None
    known = [len(keys.intersection(value)) if keys is not None else -1 for keys in shapes]
    if max(known) == 0:          # every key misspelt ({heaading: …}): the keys it is close to
        import difflib           # (the cutoff the message's "did you mean" uses)
        written = [k for k in value if isinstance(k, str)]
        known = [sum(bool(difflib.get_close_matches(k, keys, n=1, cutoff=0.6)) for k in written)
                 if keys is not None else -1 for keys in shapes]
    best = max(known)
    return known.index(best) if best > 0 and known.count(best) == 1 else None


def _exact_type(annotation):
    while get_origin(annotation) is Annotated:
        annotation = annotation.__origin__
    origin = get_origin(annotation) or annotation
    if origin is Literal:
        return tuple({type(a) for a in get_args(annotation)})
    if _is_model(origin):
        return (dict, origin)
    exact = _EXACT.get(origin)
    return exact if isinstance(exact, tuple) else (exact,) if exact else None
