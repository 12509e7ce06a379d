"""A build message's key path (press_notice.ceremony.venue) named as the form names
its field (報道発表（報道機関各位） › 式典 › 場所), so that the app can say a
warning or an error in the form's words and beside the field it concerns.

The names are the schema's titles, which are labels.py's Japanese labels; the walk
follows app.js's renderField: a list's entry is the list's label and its number
(連携事項 1), a party's entry (in a mapping keyed by party ids) the party as the form's
legend names it (its name, or 当事者 N: party_words.py), any other mapping's entry its
key (a standard article's name).
A key the schema does not know (a misspelt key) is named as written from there on.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .party_words import keyed_name
from .schema_export import spec_schema

SEPARATOR = " › "
_STEP = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def key_steps(key: str) -> list[str | int] | None:
    """press_notice.contacts[0].phone → ["press_notice", "contacts", 0, "phone"]; None
    for a text that is not a key path as the build writes them (source.dotted)."""
    if not key or not isinstance(key, str):
        return None
    steps, at = [], 0
    for m in _STEP.finditer(key):
        gap = key[at:m.start()]
        if gap not in ("", ".") or (gap == "." and (m.group(1) is not None or not steps)):
            return None
        steps.append(int(m.group(1)) if m.group(1) is not None else m.group(2))
        at = m.end()
    return steps if steps and at == len(key) else None


def field_label(key: str, schema: dict | None = None, parties: dict | None = None) -> str | None:
    """The field of `key` as the form labels it, outer to inner, or None where `key`
    is not a key path (a message about the whole spec, a template's line). A party's
    id is named by `parties` (party_words.party_names: {id: name}), an id it has not
    (no party of the spec) as written."""
    steps = key_steps(key)
    if steps is None:
        return None
    schema = schema or _schema()
    defs = schema.get("$defs", {})
    node, names = schema, []
    for step in steps:
        if node is None:                          # below a key the schema does not know
            names.append(f"{names.pop()} {step + 1}" if isinstance(step, int) and names else str(step))
            continue
        option = _option_for(node, step, defs)
        if isinstance(step, int):
            # a list's entry: the list's label and the entry's number, as the form's legend
            names.append(f"{names.pop()} {step + 1}" if names else str(step + 1))
            node = option.get("items") if option else None
        elif option and step in (option.get("properties") or {}):
            prop = option["properties"][step]
            names.append(prop.get("title") or _resolve(prop, defs).get("title") or step)
            node = prop
        elif option and isinstance(option.get("additionalProperties"), dict):
            # a party by its name, as the form's legend shows it; another mapping's key as written
            # (and an agreement of several by its title: keyed_name)
            said = keyed_name(node, step, parties)
            names.append(step if said is None else said)
            node = option["additionalProperties"]
        else:
            names.append(step)
            node = None
    return SEPARATOR.join(names)


def _resolve(node: dict, defs: dict) -> dict:
    while isinstance(node, dict) and "$ref" in node:
        node = defs.get(node["$ref"].rsplit("/", 1)[-1], {})
    return node or {}


def _option_for(node: dict, step, defs: dict) -> dict | None:
    """The option of a (union) node that can hold `step`: a list for a number, a
    mapping with that key (or any key) for a name."""
    node = _resolve(node, defs)
    options = [_resolve(o, defs) for o in node.get("anyOf", [])] or [node]
    if isinstance(step, int):
        return next((o for o in options if o.get("type") == "array"), None)
    return (next((o for o in options if step in (o.get("properties") or {})), None)
            or next((o for o in options if isinstance(o.get("additionalProperties"), dict)), None))


@lru_cache(maxsize=1)
def _schema() -> dict:
    return spec_schema()          # read only here: one copy serves every message
