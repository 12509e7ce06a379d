"""Strict models: the spec's, the house style's and the article sets' keys, checked
against their annotations.

A model is a class with annotated fields (schema.py); `Model.model_validate(data)`
checks a parsed YAML mapping against them and gives a frozen object, or raises
ValidationError with every finding: its kind, its path (loc) and pydantic's
message, for schema_messages.py to put in plain words. An unknown key is always an
error.

This replaced pydantic (issue #17): importing it and building the models took
60–100 ms of every start, most of a cold press notice, for the few kinds of field
a spec has. The findings are pydantic 2's, kind, path and message, so that nothing
a user reads changed (tests/test_schema_golden.py holds the outcomes recorded with
pydantic). What is checked:

- str, and text that may not be empty (`Line`: StringConstraints(min_length=1));
- bool, int and float, converted as pydantic's lax mode converts them (yes → True,
  "10.5" → 10.5, 3 → 3.0 for a float), since a house style's sizes may be quoted;
- Optional, Literal, list, dict[str, …], Union (the first member that takes the
  value as it is, else the first that converts it; failing all, every member's
  findings, each path tagged with the member as pydantic tags it);
- models, with Field(default, alias, min_length), BeforeValidator (which may raise
  ValueProblem, a finding of the spec's own kind: values.py), field_validator and
  model_validator (mode after), whose ValueError is a finding at the field or model.
"""
from __future__ import annotations

import sys
import types
from typing import Annotated, ClassVar, Literal, Union, get_args, get_origin


class ValueProblem(ValueError):
    """A finding of a kind of the spec's own (values.py's jp_value), raised by a
    BeforeValidator: reported with its message as written."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind, self.message = kind, message


class ValidationError(ValueError):
    def __init__(self, title: str, errors: list[dict]):
        # as pydantic words it, for a developer who builds a model in code
        lines = [f"{len(errors)} validation error{'s' if len(errors) > 1 else ''} for {title}"]
        for e in errors:
            lines += [".".join(map(str, e["loc"])) or "(the object)", f"  {e['msg']} [type={e['type']}]"]
        super().__init__("\n".join(lines))
        self._errors = errors

    def errors(self) -> list[dict]:
        return [dict(e) for e in self._errors]


class BeforeValidator:
    """Annotated metadata: `func` turns the value as written into what the type checks."""

    def __init__(self, func):
        self.func = func


class StringConstraints:
    def __init__(self, min_length: int):
        self.min_length = min_length


class MinLen:
    """Field(min_length=…) of a list or a dict."""

    def __init__(self, min_length: int):
        self.min_length = min_length


class _Required:
    def __repr__(self) -> str:
        return "PydanticUndefined"


REQUIRED = _Required()


class FieldInfo:
    """A field as pydantic describes one (app/json_schema.py and schema_messages.py read
    annotation, metadata, alias, default): the annotation without its outermost
    Annotated, whose metadata (and Field's min_length) is in `metadata`."""

    def __init__(self, default=REQUIRED, alias: str | None = None, min_length: int | None = None):
        self.default, self.alias = default, alias
        self.metadata: list = [MinLen(min_length)] if min_length is not None else []
        self.annotation = None
        self.description = None
        self.check = None               # the compiled check, made on first use

    def is_required(self) -> bool:
        return self.default is REQUIRED


def Field(default=REQUIRED, *, alias: str | None = None, min_length: int | None = None):   # noqa: N802 (pydantic's name)
    return FieldInfo(default, alias, min_length)


def field_validator(*names: str):
    """Marks a classmethod that checks the named fields' values after their type (mode after)."""
    def mark(method):
        method.__func__._checks_fields = names
        return method
    return mark


def model_validator(mode: str = "after"):
    """Marks a method that checks the whole object once its fields are valid."""
    assert mode == "after"

    def mark(method):
        method._checks_model = True
        return method
    return mark


_FAIL = object()      # a check's result when it added findings


def _error(errors, kind, loc, msg, value, ctx=None):
    e = {"type": kind, "loc": loc, "msg": msg, "input": value}
    if ctx is not None:
        e["ctx"] = ctx
    errors.append(e)
    return _FAIL


class Model:
    """The base of every model: frozen, unknown keys refused, fields as declared."""
    __slots__ = ("__dict__", "_fields_set")
    model_fields: ClassVar[dict[str, FieldInfo]] = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("__annotations__", {})
        if any(isinstance(a, str) for a in own.values()):      # `from __future__ import annotations`
            module = sys.modules[cls.__module__].__dict__
            own = {name: eval(a, module, dict(vars(cls))) if isinstance(a, str) else a for name, a in own.items()}
        fields = dict(cls.model_fields)
        for name, annotation in own.items():
            if get_origin(annotation) is ClassVar or annotation is ClassVar:
                continue
            given = cls.__dict__.get(name, REQUIRED)
            info = given if isinstance(given, FieldInfo) else FieldInfo(given)
            if get_origin(annotation) is Annotated:
                info.metadata = list(annotation.__metadata__) + info.metadata
                annotation = annotation.__origin__
            info.annotation = annotation
            fields[name] = info
            if name in cls.__dict__:
                delattr(cls, name)      # the default is the field's, not a class attribute
        cls.model_fields = fields
        cls._field_checks = {}
        cls._model_checks = []
        for klass in reversed(cls.__mro__):
            for attr in vars(klass).values():
                func = attr.__func__ if isinstance(attr, classmethod) else attr
                for name in getattr(func, "_checks_fields", ()):
                    cls._field_checks.setdefault(name, []).append(func)
                if getattr(func, "_checks_model", False) and func not in cls._model_checks:
                    cls._model_checks.append(func)
        cls._by_key = {(f.alias or n): (n, f) for n, f in fields.items()}

    def __init__(self, **data):
        errors: list[dict] = []
        made = _check_model(type(self), data, (), errors, into=self)
        if made is _FAIL:
            raise ValidationError(type(self).__name__, errors)

    @classmethod
    def model_validate(cls, data):
        errors: list[dict] = []
        made = _check_model(cls, data, (), errors)
        if made is _FAIL:
            raise ValidationError(cls.__name__, errors)
        return made

    @property
    def model_fields_set(self) -> set[str]:
        return set(self._fields_set)

    def model_copy(self, update: dict | None = None):
        """A copy with `update`'s fields replaced, unchecked (as pydantic's)."""
        new = object.__new__(type(self))
        object.__setattr__(new, "__dict__", {**self.__dict__, **(update or {})})
        object.__setattr__(new, "_fields_set", self._fields_set | frozenset(update or ()))
        return new

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be set")

    def __delattr__(self, name):
        raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be deleted")

    def __eq__(self, other):
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self):
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"


def _check_model(cls, value, loc, errors, into=None):
    if isinstance(value, cls) and into is None:
        return value
    if not isinstance(value, dict):
        return _error(errors, "model_type", loc, f"Input should be a valid dictionary or instance of {cls.__name__}",
                      value, {"class_name": cls.__name__})
    before = len(errors)
    out, given = {}, set()
    for name, info in cls.model_fields.items():
        key = info.alias or name
        if key in value:
            checked = _check_field(cls, name, info, value[key], loc + (key,), errors)
            given.add(name)
        elif info.default is REQUIRED:
            checked = _error(errors, "missing", loc + (key,), "Field required", value)
        else:
            default = info.default
            checked = default.copy() if type(default) in (list, dict) else default
        out[name] = checked
    for key, extra in value.items():
        if key not in cls._by_key:
            _error(errors, "extra_forbidden", loc + (key,), "Extra inputs are not permitted", extra)
    if len(errors) > before:
        return _FAIL
    made = object.__new__(cls) if into is None else into
    object.__setattr__(made, "__dict__", out)
    object.__setattr__(made, "_fields_set", frozenset(given))
    for check in cls._model_checks:
        try:
            check(made)
        except ValueError as exc:
            return _error(errors, "value_error", loc, f"Value error, {exc}", value, {"error": exc})
    return made


def _check_field(cls, name, info, value, loc, errors):
    if info.check is None:
        info.check = _checker(info.annotation, info.metadata)
    checked = info.check(value, loc, errors)
    if checked is _FAIL:
        return _FAIL
    for func in cls._field_checks.get(name, ()):
        try:
            checked = func(cls, checked)
        except ValueError as exc:
            return _error(errors, "value_error", loc, f"Value error, {exc}", checked, {"error": exc})
    return checked


# ---- the checks of each kind of annotation: (value, loc, errors) → value or _FAIL

_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})


def _check_str(value, loc, errors):
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            return _error(errors, "string_unicode", loc, "Input should be a valid string, unable to parse raw data"
                          " as a unicode string", value)
    return _error(errors, "string_type", loc, "Input should be a valid string", value)


def _check_bool(value, loc, errors):
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if value in (0, 1):
            return bool(value)
    elif isinstance(value, str):
        if value.lower() in _TRUE:
            return True
        if value.lower() in _FALSE:
            return False
    else:
        return _error(errors, "bool_type", loc, "Input should be a valid boolean", value)
    return _error(errors, "bool_parsing", loc, "Input should be a valid boolean, unable to interpret input", value)


def _check_int(value, loc, errors):
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
                return _error(errors, "int_parsing", loc, "Input should be a valid integer, unable to parse string"
                              " as an integer", value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or abs(value) > 2 ** 63:
            return _error(errors, "int_parsing_size", loc, "Unable to parse input string as an integer, exceeded"
                          " maximum size", value)
        if not value.is_integer():
            return _error(errors, "int_from_float", loc, "Input should be a valid integer, got a number with a"
                          " fractional part", value)
        return int(value)
    return _error(errors, "int_type", loc, "Input should be a valid integer", value)


def _check_float(value, loc, errors):
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return _error(errors, "float_parsing", loc, "Input should be a valid number, unable to parse string"
                          " as a number", value)
    return _error(errors, "float_type", loc, "Input should be a valid number", value)


def _instance_check(kind, what, types_):
    def check(value, loc, errors):
        if isinstance(value, types_):
            return value
        return _error(errors, kind, loc, f"Input should be a valid {what}", value)
    return check


import datetime as _dt   # noqa: E402 (only for the value types' checks below)

_SIMPLE = {
    str: _check_str, bool: _check_bool, int: _check_int, float: _check_float,
    _dt.date: _instance_check("date_type", "date", _dt.date),
    _dt.datetime: _instance_check("datetime_type", "datetime", _dt.datetime),
    _dt.time: _instance_check("time_type", "time", _dt.time),
}


def _literal_text(values) -> str:
    shown = [repr(v) for v in values]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


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
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return lambda value, loc, errors: _check_model(annotation, value, loc, errors)
    raise TypeError(f"strict.py has no check for the annotation {annotation!r}")


def _before(func, then):
    def check(value, loc, errors):
        try:
            value = func(value)
        except ValueProblem as exc:
            return _error(errors, exc.kind, loc, exc.message, value)
        except ValueError as exc:
            return _error(errors, "value_error", loc, f"Value error, {exc}", value, {"error": exc})
        return then(value, loc, errors)
    return check


def _min_str(check, min_length):
    def checked(value, loc, errors):
        value = check(value, loc, errors)
        if value is not _FAIL and len(value) < min_length:
            s = "" if min_length == 1 else "s"
            return _error(errors, "string_too_short", loc, f"String should have at least {min_length} character{s}",
                          value, {"min_length": min_length})
        return value
    return checked


def _too_short(errors, loc, value, what, min_length):
    s = "" if min_length == 1 else "s"
    return _error(errors, "too_short", loc, f"{what} should have at least {min_length} item{s} after validation,"
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
        return _error(errors, "literal_error", loc, f"Input should be {text}", value, {"expected": text})
    return check


def _list(item, min_length):
    def check(value, loc, errors):
        if not isinstance(value, (list, tuple)):
            return _error(errors, "list_type", loc, "Input should be a valid list", value)
        before = len(errors)
        out = [item(v, loc + (i,), errors) for i, v in enumerate(value)]
        if len(errors) > before:
            return _FAIL
        if min_length is not None and len(out) < min_length:
            return _too_short(errors, loc, value, "List", min_length)
        return out
    return check


def _dict(key, item, min_length):
    def check(value, loc, errors):
        if not isinstance(value, dict):
            return _error(errors, "dict_type", loc, "Input should be a valid dictionary", value)
        before = len(errors)
        out = {}
        for k, v in value.items():
            checked_key = key(k, loc + (k, "[key]"), errors)
            checked = item(v, loc + (k,), errors)
            if checked_key is not _FAIL:
                out[checked_key] = checked
        if len(errors) > before:
            return _FAIL
        if min_length is not None and len(out) < min_length:
            return _too_short(errors, loc, value, "Dictionary", min_length)
        return out
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

    def check(value, loc, errors):
        for _, member, exact in checks:        # the member whose own type the value is
            if exact is not None and type(value) in exact:
                attempt: list = []
                checked = member(value, loc, attempt)
                if checked is not _FAIL:
                    return checked
        found: list = []
        for tag, member, _ in checks:
            attempt = []
            checked = member(value, loc + (tag,), attempt)
            if checked is not _FAIL:
                return checked
            found += attempt
        errors += found
        return _FAIL
    return check


def _exact_type(annotation):
    while get_origin(annotation) is Annotated:
        annotation = annotation.__origin__
    origin = get_origin(annotation) or annotation
    if origin is Literal:
        return tuple({type(a) for a in get_args(annotation)})
    if isinstance(origin, type) and issubclass(origin, Model):
        return (dict, origin)
    exact = _EXACT.get(origin)
    return exact if isinstance(exact, tuple) else (exact,) if exact else None


__all__ = ["Model", "Field", "FieldInfo", "BeforeValidator", "StringConstraints", "ValueProblem", "ValidationError",
           "field_validator", "model_validator", "REQUIRED"]
