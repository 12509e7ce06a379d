"""The checks after the schema's, run on a spec the schema refused.

A spec's problems were found in stages: a date the schema refuses (2024-02-30) stopped
the load, and the user who fixed it met two more that had been there all along (a
signatory not among the parties, a file not found). The later checks need a model, so
here they run on the spec as though the refused values were right, and what they find
is reported with the schema's findings in one go.

Only the commonest mistakes are looked past: a key the schema does not know, beside
keys it does know (taken out: it meant nothing to the model; not a mapping of unknown
keys alone, whose meaning is lost), a misspelt key (read as the key the message says
it likely is, departmnt: as department:, as the user will correct it; its absence
would change what the spec says), and a date or a time that is not one (2024-02-30,
"25:00"). A wrong date cannot be taken out either: it stands in as each of the spec's
other dates and the days either side of them in turn, a time as each of its other
times and the minutes either side, and a finding is kept only if every stand-in the
schema takes gives it (a check comparing it with another date or time is satisfied by
one of them). A required value left out or empty (`name: ''`, `title:` missing, an
empty list where one item is required: the app's form filled from empty; an item of a
list left empty, `- `, the report starter's first paragraph) stands in
likewise: a text as each of TEXT_STAND_INS, words no check reads as anything (no
party's name, no title, no date, no 様), a list of texts as one of them, a date as a
wrong one's stand-ins (where the spec has no other date, null and `none`, those the
schema takes); a finding that quotes the text, or hangs on what it says, is not given by
both stand-ins and is dropped (but a party's id said with its name, 北見工業大学（kitami_it）,
where the name is stood in for: said as the spec has it, 当事者 2（kitami_it）). An optional
key left empty is not stood in for: the user may as well remove it, and what it would
say is not known (ki's `item: ''` stood in made the ceremony's date unlisted). A
finding about a refused key (at it, above or below it, beside it in its mapping, or
naming it) is not reported either; of a required value stood in for, or a key its
model says is not its own (taken out), a finding above it is, and beside the key
taken out (the spec will be corrected so: a photo whose file is left empty still
needs its caption).
Any other refusal (a list where text is expected, a block of keys left empty), or a
wrong date or time with no other to stand in for it,
leaves the later checks for the next run, as before: what they would find could be
about a spec the user did not write.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Callable

from ..errors import Problem
from ..party_words import PARTY_WORD, agreement_names, id_slot, named
from .schema_messages import close_key, moved_elsewhere, not_here, required_kind
from .source import dotted
from .strict import ValidationError
from .values import date_value, read_as_a_date, time_value

# At most this many stand-ins for a refused date or time: each is another run of the
# later checks, on a spec that will not be built
STAND_INS = 12


def found_past_schema(data, exc: ValidationError, refused: list[Problem],
                      check: Callable[[object], list[Problem] | ValidationError]) -> list[Problem]:
    """What `check` (the schema, then the later checks) finds in `data` past the
    schema's findings `exc`, as the module docstring says; [] where it cannot look."""
    unknown, misspelt, wrong, blank = _refused(data, exc)
    if unknown is None:
        return []
    base = data
    for path in unknown:
        base = _removed(base, path)
    for path, key in misspelt.items():
        base = _renamed(base, path, key)
    variants = [base]
    stand_ins = {path: _stand_ins(data, wrong, kind) for path, kind in wrong.items()}
    stand_ins.update({path: _blank_stand_ins(data, {**wrong, **blank}, kind) for path, kind in blank.items()})
    if stand_ins:
        if not all(stand_ins.values()):
            return []
        count = min(STAND_INS, max(len(v) for v in stand_ins.values()))
        variants = []
        for i in range(count):
            variant = base
            for path, values in stand_ins.items():
                variant = _put(variant, path, values[i % len(values)])
            variants.append(variant)
    kept = None
    for variant in variants:
        found = check(variant)
        if isinstance(found, ValidationError):
            continue        # (a stand-in the schema's own comparisons refuse: the start after the end)
        swaps = _slots_as_written(data, variant)
        these = {(p.key, p.message): p for p in (_swapped(p, swaps) for p in found)}
        kept = these if kept is None else {k: p for k, p in kept.items() if k in these}
    # a value stood in for will be written, a key not its model's (not_here) taken out, as
    # the user will correct them: a finding above either (beside the one taken out) holds
    # of the spec corrected
    taken_out = {dotted(path) for path in unknown if not_here(path)}
    settled = {dotted(path) for path in blank} | taken_out
    return unrelated(list(kept.values()), refused, settled, taken_out) if kept else []


def _slots_as_written(data, variant) -> list[tuple[str, str]]:
    """(a party's id with the name `variant` stands in for, as a message names it, 未記入（kitami_it）;
    the same with the name as `data` has it, none: 当事者 2（kitami_it）) for each party, and
    each of several agreements by its title, whose name the variant stands in for. A
    message that lists or offers ids names each (party_words.with_names): said with the
    stand-in, it was not given by both stand-ins and was dropped."""
    out = []
    for key, field, naming in (("parties", "name", lambda pairs: named(pairs, PARTY_WORD)),
                               ("agreements", "title", agreement_names)):
        said = [naming([(eid, entry.get(field) if isinstance(entry, dict) else None)
                        for eid, entry in (tree.get(key) or {}).items()])
                if isinstance(tree, dict) and isinstance(tree.get(key), dict) else {} for tree in (variant, data)]
        out += [(id_slot(eid, name), id_slot(eid, said[1][eid])) for eid, name in said[0].items()
                if eid in said[1] and said[1][eid] != name]
    return out


def _swapped(problem: Problem, swaps: list[tuple[str, str]]) -> Problem:
    message = problem.message
    for stood_in, written in swaps:
        message = message.replace(stood_in, written)
    return problem if message == problem.message else replace(problem, message=message)


def _blank_stand_ins(data, refused: dict, kind: str) -> list:
    """What stands in for a value left out or empty: a text TEXT_STAND_INS; a list of texts,
    one of them; a date, the spec's other dates as for a wrong one, or where it has none
    what the key may say for no date (null, a draft's blank; `none`, the notice's date of
    issue not printed: the schema refuses the one it does not take)."""
    if kind == "text":
        return list(TEXT_STAND_INS)
    if kind == "texts":
        return [[text] for text in TEXT_STAND_INS]
    return _stand_ins(data, refused, "date") or [None, "none"]


def refused_dates(data, exc: ValidationError) -> set[tuple]:
    """The paths of the values written in a date's form that the schema refused
    (2026/2/30): its reading says what is wrong with the day (2026年2月 has 28 days), so
    the text check's of the same value (no day of the calendar) would say it twice. Of
    a date in a form it does not read (2026年2月30日) it says only the form: the text
    check's finding stays beside it."""
    out = set()
    for err in exc.errors():
        path = _data_path(data, err["loc"])
        if path and path[-1] == err["loc"][-1] and read_as_a_date(_at(data, path)):
            out.add(path)
    return out


# _refused's answer where the later checks cannot look past the schema's findings
_CANNOT_LOOK: tuple = (None, {}, {}, {})


def _refused(data, exc: ValidationError) -> tuple[list[tuple] | None, dict[tuple, str], dict[tuple, str],
                                                   dict[tuple, str]]:
    """The paths of the keys the schema does not know, of those it takes for a misspelt
    known key (each with that key), of the values it refused that are written as a date
    or a time (each with its kind), and of the texts, dates and lists of texts left out
    or empty (each with its kind, required_kind's); None for the first where any other
    finding stands (module docstring)."""
    unknown, misspelt, wrong, missing, blank = [], {}, {}, [], {}
    errors = exc.errors()
    paths = [_data_path(data, err["loc"]) for err in errors]
    for err, path in zip(errors, paths):
        if _another_members(err, path, paths):
            continue
        if err["type"] == "missing":
            missing.append((_data_path(data, err["loc"][:-1]) + err["loc"][-1:], tuple(err["loc"])))
            continue
        if not path:
            return _CANNOT_LOOK
        if _at(data, path) in _EMPTY and err["type"] in _EMPTY_FINDINGS:
            # (a value of several kinds, text or false, has a finding of each member: one is enough;
            # an item of a list, `- ` left empty, is required where it stands: required_kind)
            kind = required_kind(path, checked=tuple(err["loc"]))
            if kind is None or (kind != "texts" and _at(data, path) == []):
                return _CANNOT_LOOK
            blank[path] = kind
            continue
        if not _is_mapping_key(data, path):
            return _CANNOT_LOOK
        if path[-1] != err["loc"][-1]:
            return _CANNOT_LOOK
        if err["type"] != "extra_forbidden":
            kind = _written_as(_at(data, path))
            if kind is None:
                return _CANNOT_LOOK
            wrong[path] = kind
        elif moved_elsewhere(path):
            return _CANNOT_LOOK
        elif meant := close_key(path, checked=tuple(err["loc"])):
            if meant in _at(data, path[:-1]):     # (the key it was meant to be is there too)
                return _CANNOT_LOOK
            misspelt[path] = meant
        else:
            unknown.append(path)
    # a key missing is one a misspelling stands for, or a text or a date left out
    for path, checked in missing:
        if path in [p[:-1] + (key,) for p, key in misspelt.items()]:
            continue
        kind = required_kind(path, checked=checked) if isinstance(_at_or_none(data, path[:-1]), dict) else None
        if kind not in ("text", "date"):
            return _CANNOT_LOOK
        blank[path] = kind
    # a mapping of unknown keys alone would be left empty: what it was meant to be is lost
    if any(all(path[:-1] + (key,) in unknown for key in _at(data, path[:-1])) for path in unknown):
        return _CANNOT_LOOK
    return unknown, misspelt, wrong, blank


def _another_members(err: dict, path: tuple, paths: list[tuple]) -> bool:
    """Whether `err` is the finding of a member of a union that the value is not of
    shape of, beside another member's finding within it (a point of a list, `{text:
    …}` and not a text: its text left empty): one mistake, the second's, as the
    schema's message says (schema_messages.problems_of)."""
    return (err["type"].endswith("_type") and path != () and err["loc"][-1] != path[-1]
            and any(p[:len(path)] == path and len(p) > len(path) for p in paths))


# A value left empty (`title:`, `title: ''`, `items: []`) and the schema's findings of one
_EMPTY = (None, "", [])
_EMPTY_FINDINGS = ("string_type", "string_too_short", "too_short", "literal_error", "list_type", "jp_value",
                   "value_error", "model_type")     # (model_type: a paragraph's other members, {label:, lines:} …)

# What stands in for a text left out or empty, in turn: words no check reads as anything
# (no name of a party, no 様 or 殿, no date, no number, no title's ending such as 長), in
# the fonts' common kanji; two, so that a finding that quotes one (about the stand-in,
# not the spec) is not given by every stand-in
TEXT_STAND_INS = ("未記入", "空欄")


def _at_or_none(data, path):
    try:
        return _at(data, path)
    except (KeyError, IndexError, TypeError):
        return None


_DATE_LIKE = re.compile(r"\d{4}\s*[-/.／－]\s*\d|\d\s*年")
_TIME_LIKE = re.compile(r"^\s*[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{1,2}\s*$")


def _written_as(value) -> str | None:
    """"date" or "time" for a value written as one, if a wrong one (2024-02-30, 令和6年2月30日,
    "25:00"); else None."""
    if not isinstance(value, str):
        return None
    if _TIME_LIKE.match(value):
        return "time"
    return "date" if _DATE_LIKE.search(value) and not value.strip().count(" ") else None


def _stand_ins(data, refused: dict, kind: str) -> list[str]:
    """The spec's other values of the kind (dates or times, as date_value and the times'
    check read them, but those refused) and those a day or a minute either side, in ISO
    form and HH:MM; the values themselves first."""
    values = []
    for value in _strings(data, refused):
        try:
            parsed = date_value(value) if kind == "date" else time_value(value)
        except ValueError:
            continue
        if parsed not in values:
            values.append(parsed)
    step = dt.timedelta(days=1) if kind == "date" else dt.timedelta(minutes=1)
    out = []
    for near in (0, -1, 1):
        for value in values:
            out.append(_shifted(value, near * step, kind))
    return list(dict.fromkeys(v for v in out if v))


def _shifted(value, by: dt.timedelta, kind: str) -> str | None:
    if kind == "date":
        return (value + by).isoformat()
    moved = dt.datetime.combine(dt.date(2000, 1, 1), value) + by
    return moved.strftime("%H:%M") if moved.date() == dt.date(2000, 1, 1) else None


def _strings(data, refused: dict):
    """Every text value of the spec but those at the refused paths."""
    stack = [((), data)]
    while stack:
        path, here = stack.pop()
        if path in refused:
            continue
        if isinstance(here, dict):
            stack.extend((path + (k,), v) for k, v in reversed(list(here.items())))
        elif isinstance(here, list):
            stack.extend((path + (i,), v) for i, v in reversed(list(enumerate(here))))
        elif isinstance(here, str):
            yield here


def _at(data, path):
    for part in path:
        data = data[part]
    return data


def _put(data, path, value):
    """`data` with `value` at `path`, the containers on the way copied."""
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = value if len(path) == 1 else _put(data[path[0]], path[1:], value)
    return copy


def unrelated(found: list[Problem], refused: list[Problem], settled: set[str] = frozenset(),
              taken_out: set[str] = frozenset()) -> list[Problem]:
    """The later checks' findings about none of the refused keys (module docstring),
    each once, and none the schema's findings already hold. Of the `settled` keys (a
    required value left empty, stood in for; a key not its model's, taken out), a
    finding above one is kept, and of those `taken_out` one beside it too: the spec will
    be corrected so (a photo of the report starter with its file and its caption left
    empty needs its caption, said in the same run as the file; agreements: holding one,
    beside a document: it cannot hold; a ceremony's date, beside its schedule:)."""
    keys = {p.key for p in refused if p.key}
    parents = {_parent(k) for k in keys - set(taken_out)}
    above = keys - set(settled)     # (a finding above one of these may be of its absence)
    # a key's own name in a message (ceremony.venue, (ceremony.date), start:), as a word
    named = re.compile("|".join(rf"(?<!\w){re.escape(_last(k))}(?!\w)" for k in keys)) if keys else None
    seen = {(p.key, p.message) for p in refused}
    out = []
    for p in found:
        related = any(p.key == k or p.key.startswith((k + ".", k + "[")) or (k in above and k.startswith(
                          (p.key + ".", p.key + "["))) for k in keys) or _parent(p.key) in parents or (
                          named and named.search(p.message))
        if not related and (p.key, p.message) not in seen:
            seen.add((p.key, p.message))
            out.append(p)
    return out


def _data_path(data, loc) -> tuple:
    """The part of a finding's path that indexes `data` (the check adds the names of
    union members it tried, which no mapping of the spec holds)."""
    out, here = (), data
    for part in loc:
        if isinstance(here, dict) and part in here:
            out, here = out + (part,), here[part]
        elif isinstance(here, list) and isinstance(part, int) and 0 <= part < len(here):
            out, here = out + (part,), here[part]
    return out


def _is_mapping_key(data, path) -> bool:
    """Whether the last part of `path` is a key of a mapping (YAML reads `1:` as a number)."""
    return isinstance(_at(data, path[:-1]), dict)


def _renamed(data, path, key):
    """`data` with the key at `path` renamed `key`, in its place, the containers on the way copied."""
    return _mapping_put(data, path[:-1], {(key if k == path[-1] else k): v for k, v in _at(data, path[:-1]).items()})


def _removed(data, path):
    """`data` without the value at `path`, the containers on the way copied."""
    return _mapping_put(data, path[:-1], {k: v for k, v in _at(data, path[:-1]).items() if k != path[-1]})


def _mapping_put(data, path, mapping):
    """`data` with `mapping` in place of the one at `path` (the root itself for an empty path)."""
    return _put(data, path, mapping) if path else mapping


def _last(key: str) -> str:
    """A dotted key's last name (`a.b` → `b`; an item's, its list's: `a.b[1]` → `b`)."""
    parent = _parent(key)
    name = key[len(parent):].lstrip(".")
    return name if not name.startswith("[") or not parent else _last(parent)


def _parent(key: str) -> str:
    """The dotted key of the mapping or list a dotted key is in (`a.b[1]` → `a.b`)."""
    return key[:max(key.rfind("."), key.rfind("["), 0)]
