"""The spec's schema (spec/schema/'s models) as JSON Schema, for the app's form and for
editors (`generate.py schema`; starters name it on their first line for
yaml-language-server).

json_schema.py writes the schema (as pydantic's model_json_schema did); this adds
what a form and an editor need and the models cannot say: Japanese labels and help
(labels.py), which strings are dates or times (`x-jpdocs: date`: a spec may write
令和6年2月27日 too, so JSON Schema's `format: date` would flag a valid spec), which
lists name parties and which mappings are keyed by party ids (`x-jpdocs-keys`; both
found in the models: id_fields.py), the
words of the checkbox that writes false where a text may be none at all
(`x-jpdocs-none`: 職名なし beside a signer's title; the value it writes where that is
not false, `x-jpdocs-none-value`: 日付を示さない, issue_date: none), which fields take a
party's id (`x-jpdocs: party-id`, a select of the parties) or agreements' ids
(`agreement-ids`), every value of a field that is one
to choose, in the form's words (`x-jpdocs-choices`: 改ページ's はい, いいえ, 見出しの後),
and the shorthand a spec may use (`- place` for `{item: place}`, a plain attachment
title).
"""
from __future__ import annotations

import copy
import json
from functools import lru_cache

from .json_schema import model_json_schema
from .labels import LABELS, NONE_CHOICES, NONE_VALUES, OPTION_WORDS
from .id_fields import KEYS, LIST, ONE, id_fields
from .party_words import AGREEMENT_KEYS, PARTY_KEYS

SCHEMA_ID = "https://jpdocs.invalid/spec.schema.json"   # a name, not a place: nothing is fetched

# The fields of ids (id_fields.py, from the models' marks): a list of party ids alone is
# checkboxes of the parties (x-jpdocs: party-ids), agreement ids of the agreements
# (agreement-ids); one party's id, or each row of a list that is one of the field's
# choices, a select of the parties (party-id: a translation's signer; 署名欄の前の記号's
# rows, beside its はい and いいえ; typed, an id was a guess at a key the form shows in
# the party's 記号 box alone); a mapping keyed by ids names its entries by the parties'
# names (x-jpdocs-keys: parties), the several agreements by their titles (agreements).
_MARKS = {("parties", LIST): "party-ids", ("agreements", LIST): "agreement-ids"}
_KEYS = {"parties": PARTY_KEYS, "agreements": AGREEMENT_KEYS}
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
            if (name, field) in id_fields():
                _mark_ids(prop, *id_fields()[(name, field)])
            if (name, field) in NONE_CHOICES:     # the form's checkbox that writes false
                prop["x-jpdocs-none"] = NONE_CHOICES[(name, field)]
                if (name, field) in NONE_VALUES:  # a word, not false (issue_date: none)
                    prop["x-jpdocs-none-value"] = NONE_VALUES[(name, field)]
            words = OPTION_WORDS.get((name, field)) or OPTION_WORDS.get((LABELS_OF.get(name), field)) or {}
            choices = None if "x-jpdocs-none" in prop else _choices(prop, defs, words)
            if choices is not None:               # the form's select: every value, in its words
                prop["x-jpdocs-choices"] = choices
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


def _choices(prop: dict, defs: dict, words: dict) -> list | None:
    """[[value, words], …] of a field whose every value but a block or a list is one to
    choose (true or false, an enum's or a constant's), in the schema's order, or None (a
    text or a number is typed: issue_date's none is typed in its date box).

    The form draws one select of them all. It drew the one option of the union that fit
    the value, so a field that is true, false or a word (new_page: true, false or
    after_heading; signed_by_hand: … or despite_closing) offered （なし） and the word
    while empty, and はい and いいえ alone once filled: a choice made could not be
    changed to the other kind in the form."""
    def resolve(node):
        while isinstance(node, dict) and "$ref" in node:
            node = defs.get(node["$ref"].rsplit("/", 1)[-1], {})
        return node or {}
    node = resolve(prop)
    options = [resolve(o) for o in node.get("anyOf", [])] or [node]
    out: list = []
    for option in options:
        if option.get("type") in ("null", "object", "array"):
            continue        # a block or a list beside the choices (a cover's items): the form adds it
        if "enum" in option:
            values = option["enum"]
        elif "const" in option:
            values = [option["const"]]
        elif option.get("type") == "boolean":
            values = [True, False]
        else:
            return None
        out += [[v, _option_words(v, words)] for v in values if [v, _option_words(v, words)] not in out]
    return out or None


def _option_words(value, words: dict) -> str:
    """A value as the form's select lists it: true はい, false いいえ, a word the spec
    writes in English in labels.OPTION_WORDS's words, any other as written."""
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    return words.get(value, str(value))


def _mark_ids(prop: dict, kind: str, how: str) -> None:
    if how == KEYS:
        prop["x-jpdocs-keys"] = _KEYS[kind]
    elif (kind, how) in _MARKS:
        prop["x-jpdocs"] = _MARKS[(kind, how)]
    elif (kind, how) == ("parties", ONE):
        _mark_party_id(prop)
    else:       # the form has no control for it yet (one agreement's id): say so, not a text box
        raise TypeError(f"the form offers no choice of {kind} for a field of {how} id: {prop.get('title')}")


def _mark_party_id(prop: dict) -> None:
    """x-jpdocs: party-id on the string that is a party's id: the field's own, or its
    list's rows (block_labels: true, false, or the ids)."""
    for option in prop.get("anyOf") or [prop]:
        if option.get("type") == "array":
            option["items"]["x-jpdocs"] = "party-id"
        elif option.get("type") == "string":
            option["x-jpdocs"] = "party-id"


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
