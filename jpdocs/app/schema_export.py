"""The spec's schema (spec/schema/'s models) as JSON Schema, for the app's form and for
editors (`generate.py schema`; starters name it on their first line for
yaml-language-server).

json_schema.py writes the schema (as pydantic's model_json_schema did); this adds
what a form and an editor need and the models cannot say: Japanese labels and help
(labels.py), which strings are dates or times (`x-jpdocs: date`: a spec may write
令和6年2月27日 too, so JSON Schema's `format: date` would flag a valid spec), which
lists name parties, the words of the checkbox that writes false where a text may be
none at all (`x-jpdocs-none`: 職名なし beside a signer's title), and the shorthand a spec
may use (`- place` for `{item: place}`, a plain attachment title).
"""
from __future__ import annotations

import copy
import json
from functools import lru_cache

from .json_schema import model_json_schema
from .labels import LABELS, NONE_CHOICES

SCHEMA_ID = "https://jpdocs.invalid/spec.schema.json"   # a name, not a place: nothing is fetched

# Fields whose values are party ids (the keys of `parties:`): the form offers a picker.
PARTY_REFS = {("Ceremony", "signatories"), ("CeremonyOfSeveral", "signatories"), ("AgreementOfSeveral", "parties")}
# Models that are another with a key or two more: the other's labels stand for the keys they share
LABELS_OF = {"AgreementOfSeveral": "Agreement", "CeremonyOfSeveral": "Ceremony"}
# Models a spec may write as a plain string, and what the string stands for.
SHORTHAND = {"KiEntry": "item", "Attachment": "title", "AgendaStep": "step", "AgendaSubStep": "step"}
_KINDS = {"date": "date", "time": "time", "date-time": "date-time"}


@lru_cache(maxsize=1)
def _built() -> str:
    from ..spec.schema import Spec
    schema = model_json_schema(Spec)
    defs = schema.setdefault("$defs", {})
    defs["Spec"] = {k: v for k, v in schema.items() if k not in ("$defs",)}
    for name, model in defs.items():
        for field, prop in model.get("properties", {}).items():
            _mark_kinds(prop)
            label = LABELS.get((name, field)) or LABELS.get((LABELS_OF.get(name), field))
            if label:
                prop["title"] = label[0]
                if label[1]:
                    prop["description"] = label[1]
            if (name, field) in PARTY_REFS:
                prop["x-jpdocs"] = "party-ids"
            if (name, field) in NONE_CHOICES:     # the form's checkbox that writes false
                prop["x-jpdocs-none"] = NONE_CHOICES[(name, field)]
    for name in SHORTHAND:
        if name in defs:   # a string is allowed wherever the model is
            _allow_string(schema, f"#/$defs/{name}")
    top = defs.pop("Spec")
    out = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
           "title": "jpdocs spec", **{k: v for k, v in top.items() if k != "title"}, "$defs": defs}
    return json.dumps(out, ensure_ascii=False, indent=1, sort_keys=False)


def spec_schema() -> dict:
    """The JSON Schema of a spec (a fresh copy each call)."""
    return json.loads(_built())


def schema_text() -> str:
    return _built() + "\n"


def _mark_kinds(node) -> None:
    """format: date/time/date-time → x-jpdocs: date … (the value stays any string)."""
    if isinstance(node, dict):
        fmt = node.get("format")
        if fmt in _KINDS and node.get("type") == "string":
            del node["format"]
            node["x-jpdocs"] = _KINDS[fmt]
        for value in node.values():
            _mark_kinds(value)
    elif isinstance(node, list):
        for value in node:
            _mark_kinds(value)


def _allow_string(node, ref: str) -> None:
    """Every {"$ref": ref} becomes {"anyOf": [{"type": "string"}, {"$ref": ref}]}."""
    if isinstance(node, dict):
        for key, value in list(node.items()):
            if isinstance(value, dict) and value.get("$ref") == ref and len(value) == 1:
                node[key] = {"anyOf": [{"type": "string", "minLength": 1}, copy.deepcopy(value)]}
            elif key == "anyOf" and isinstance(value, list):
                for i, option in enumerate(value):
                    if isinstance(option, dict) and option.get("$ref") == ref and len(option) == 1:
                        value[i:i + 1] = [{"type": "string", "minLength": 1}, option]
                        break
                for option in value:
                    _allow_string(option, ref)
            else:
                _allow_string(value, ref)
    elif isinstance(node, list):
        for value in node:
            _allow_string(value, ref)
