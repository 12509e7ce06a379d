"""How a model declares its fields: Field (default, alias, min_length), the Annotated
metadata of a field's type (BeforeValidator, StringConstraints), and the checks a
model adds (field_validator, model_validator)."""
from __future__ import annotations


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
    if mode != "after":
        raise ValueError("only model checks after the fields (mode='after') are made")

    def mark(method):
        method._checks_model = True
        return method
    return mark
