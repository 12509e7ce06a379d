"""Strict models: the spec's, the house style's and the article sets' keys, checked
against their annotations.

A model is a class with annotated fields (spec/schema/); `Model.model_validate(data)`
checks a parsed YAML mapping against them and gives a frozen object, or raises
ValidationError with every finding: its kind, its path (loc) and pydantic's
message, for schema_messages.py to put in plain words. An unknown key is always an
error.

This replaced pydantic (issue #17): importing it and building the models took
60–100 ms of every start, most of a cold press notice, for the few kinds of field
a spec has. The findings are pydantic 2's, kind, path and message (the outcomes of
thousands of variants of real specs, styles and article sets were recorded with
pydantic: tests/test_schema_golden.py), but where pydantic took a value for
something it is not (0 for false, true for a size of 1, nan for a size). What is
checked:

- str, and text that may not be empty (`Line`: StringConstraints(min_length=1));
- bool: true or false only; int and float: numbers, or numbers written as text
  ("10.5" → 10.5, 3 → 3.0 for a float), finite, never true or false;
- Optional, Literal, list, dict[str, …], Union (the first member that takes the
  value as it is, else the first that converts it; failing all, every member's
  findings, each path tagged with the member as pydantic tags it);
- models, with Field(default, alias, min_length), BeforeValidator (which may raise
  ValueProblem, a finding of the spec's own kind: values.py), field_validator and
  model_validator (mode after), whose ValueError is a finding at the field or model.
"""
from .fields import REQUIRED, BeforeValidator, Field, FieldInfo, StringConstraints, field_validator, model_validator
from .findings import ValidationError, ValueProblem
from .model import Model

__all__ = ["Model", "Field", "FieldInfo", "BeforeValidator", "StringConstraints", "ValueProblem", "ValidationError",
           "field_validator", "model_validator", "REQUIRED"]
