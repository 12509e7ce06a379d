"""What the form sends, made into what a spec file says.

The form sends every field it shows: an empty text box as "". In a spec an empty
value is written as nothing (`short_name:`, YAML's null), which keeps the key and
its comment in the file; an optional field then means "not given". Where the schema
does not allow null but has a default (a list, `date_suffix`), the key is left out
instead. A required field left empty stays null, and the spec's own check says what
is missing there, at that key, in the command line's words.

A text the file already holds, sent back as it is, is kept as the file says it, even
empty or blank: `date_suffix: ""` (the date alone, no 配布) or `date_suffix: "　"` shows
as an empty box, and a save that did not touch it must not make it the default (配布
printed). Until the thirty-eighth session every save of such a spec dropped the key:
90 of the 255 specs of tests/data/real lost it, whatever field was edited.

A head's or signer's name left empty is the one field whose two ways of being empty
mean two things (schema.Representative): left out, the person is known by the title
alone (山形県知事, as many notices name the heads); null, it is a blank a draft leaves
to fill in. The form has one box, so its emptiness means what the spec's other
settings make possible: a blank in a draft (agreement.document.draft), else the
title alone.
"""
from __future__ import annotations

from .schema_export import spec_schema


# Models and the field of each that, left empty, is left out of the spec (see above).
TITLE_ALONE = {"Representative": "name"}


def normalize(data, schema: dict | None = None, old=None):
    """`data` with "" → null and nulls the schema forbids (where it has a default) left
    out; a text equal to the one `old` (the file's plain data) holds there is kept."""
    schema = schema or spec_schema()
    document = ((data or {}).get("agreement") or {}).get("document") if isinstance(data, dict) else None
    draft = isinstance(document, dict) and document.get("draft") is True
    return _walk(data, schema, schema, draft, old)


def _resolve(node: dict, root: dict) -> dict:
    while isinstance(node, dict) and "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _options(node: dict, root: dict) -> list[dict]:
    node = _resolve(node, root)
    if "anyOf" in node:
        return [_resolve(o, root) for o in node["anyOf"]]
    return [node]


def _nullable(node: dict, root: dict) -> bool:
    return any(o.get("type") == "null" for o in _options(node, root))


def _blank_allowed(node: dict, root: dict) -> bool:
    """A list's entry that is a text which may be empty and never null: an annex's or
    a section's table cell (\"\" a blank to fill in). Made null, as an empty box
    elsewhere is, the cell was refused by the build, and the form could make no blank."""
    options = _options(node, root)
    return options == [{"type": "string"}]


def _walk(value, node: dict, root: dict, draft: bool = False, old=None):
    if isinstance(value, str):
        return value if value.strip() or value == old else None
    if isinstance(value, list):
        item = next((o.get("items") for o in _options(node, root) if o.get("type") == "array"), {})
        olds = old if isinstance(old, list) else []
        if _blank_allowed(item or {}, root):    # a table's cell: "" is a blank to fill in, kept
            return [v if v == "" else _walk(v, item, root, draft, olds[i] if i < len(olds) else None)
                    for i, v in enumerate(value)]
        return [_walk(v, item or {}, root, draft, olds[i] if i < len(olds) else None) for i, v in enumerate(value)]
    if isinstance(value, dict):
        obj = next((o for o in _options(node, root) if o.get("type") == "object"), {})
        props = obj.get("properties", {})
        extra = obj.get("additionalProperties")
        alone = None if draft else TITLE_ALONE.get(obj.get("title"))
        out = {}
        for key, v in value.items():
            sub = props.get(key, extra if isinstance(extra, dict) else {})
            emptied = isinstance(v, str) and not v.strip()
            v = _walk(v, sub, root, draft, old.get(key) if isinstance(old, dict) else None)
            default = props.get(key, {}).get("default", None)
            if v is None and key in props and "default" in props[key] and (
                    not _nullable(props[key], root) or (emptied and default is not None)):
                continue            # not given: the default applies (renewal_notice: 1か月, a list's [])
            if v is None and key == alone:
                continue            # the head known by the title alone (see above)
            out[key] = v
        return out
    return value
