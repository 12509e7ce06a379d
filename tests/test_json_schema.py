"""jpdocs/app/json_schema.py writes the spec's JSON Schema as pydantic did: the same
dict, its keys in the same order (the app's export and `generate.py schema` show it).

The snapshot, tests/data/app/spec-json-schema.json, was written by pydantic 2.14 from
the models as they stood when json_schema.py replaced it:
    json.dumps(Spec.model_json_schema(), ensure_ascii=False, indent=1) + "\\n"
A change to the models changes the schema: write the snapshot again from
json_schema.model_json_schema(Spec) and read the diff.
"""
from __future__ import annotations

import ast
import json
import typing
from pathlib import Path

import pytest

from jpdocs.app import json_schema
from jpdocs.app.json_schema import model_json_schema
from jpdocs.spec.schema import Spec

SNAPSHOT = Path(__file__).resolve().parent / "data" / "app" / "spec-json-schema.json"


def _text(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def test_the_spec_schema_is_the_snapshot_key_for_key_in_order():
    assert _text(model_json_schema(Spec)) == SNAPSHOT.read_text(encoding="utf-8")


def test_the_writer_needs_no_pydantic():
    tree = ast.parse(Path(json_schema.__file__).read_text(encoding="utf-8"))
    names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not names & {"pydantic", "pydantic_core"}


class _Info:
    """A field as the writer reads it, without pydantic."""
    def __init__(self, annotation, default=None, required=False, metadata=()):
        self.annotation, self.default, self.metadata = annotation, default, list(metadata)
        self.alias = self.description = None
        self._required = required

    def is_required(self):
        return self._required


def _model(name, **fields):
    return type(name, (), {"model_fields": fields, "__doc__": None})


def test_a_type_or_constraint_it_cannot_write_is_refused_not_written_wrong():
    class MaxLen:
        min_length, max_length = None, 10
    with pytest.raises(TypeError, match="tuple"):
        model_json_schema(_model("M", x=_Info(tuple[int, ...], required=True)))
    with pytest.raises(TypeError, match="constraint"):
        model_json_schema(_model("M", x=_Info(str, required=True, metadata=[MaxLen()])))


def test_plain_classes_with_the_same_surface_give_the_same_schema():
    """What the models to come must provide: model_fields (annotation, metadata, alias,
    default, description, is_required()), __doc__ and __name__."""
    class MinLen:
        min_length = 1
    inner = _model("Inner", a=_Info(typing.Optional[str]))
    outer = _model("Outer", items=_Info(list[inner], required=True, metadata=[MinLen()]),
                   one=_Info(typing.Optional[inner]))
    assert model_json_schema(outer) == {
        "$defs": {"Inner": {"additionalProperties": False,
                            "properties": {"a": {"anyOf": [{"type": "string"}, {"type": "null"}],
                                                 "default": None, "title": "A"}},
                            "title": "Inner", "type": "object"}},
        "additionalProperties": False,
        "properties": {"items": {"items": {"$ref": "#/$defs/Inner"}, "minItems": 1, "title": "Items",
                                 "type": "array"},
                       "one": {"anyOf": [{"$ref": "#/$defs/Inner"}, {"type": "null"}], "default": None}},
        "required": ["items"], "title": "Outer", "type": "object"}
