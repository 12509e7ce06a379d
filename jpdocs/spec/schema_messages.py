"""The schema's findings (strict/) in plain words, each at the key the file writes: an
unknown key with a did-you-mean, a key moved to where it now belongs, a wrong value
with what was expected. For the spec, the house style and the standard article sets
alike (`root`: the model of the whole file).
"""
from __future__ import annotations

import datetime as dt
import difflib
import types
import unicodedata
from typing import Annotated, Literal, NamedTuple, Union, get_args, get_origin

from ..errors import Problem
from .schema import Contact, Phone, Spec
from .source import dotted, line_of
from .strict import Model, ValidationError
from .values import EMPTY_ITEM, NOTHING, describe


def _spec_path(loc: tuple, lines, kind: str) -> tuple:
    """An error's path as the file writes it. The check puts the union member it tried
    (ClauseSpec, constrained-str, function-after[…], dict[str,…]) and [key] into the
    path; they name no key of the spec (every key the spec has is in `lines`), so they
    are left out. Only a missing key, the last part, is rightly absent from the spec."""
    out: tuple = ()
    for i, part in enumerate(loc):
        if not isinstance(part, str) and out + (part,) not in lines:
            part = _written_key(out, part, lines)
        if isinstance(part, str) and out + (part,) not in lines and not (kind == "missing" and i == len(loc) - 1):
            continue
        out += (part,)
    return out


def _written_key(parent: tuple, key, lines):
    """A key YAML made a number, true/false or null (`1.5:`, `true:`, `~:` under parties:)
    as the file writes it: `lines` keeps every key by its text, and the check's path
    holds the value, so the problem would stand at the parent's line."""
    import yaml
    for path in lines:
        if len(path) == len(parent) + 1 and path[:-1] == parent and isinstance(path[-1], str):
            try:
                value = yaml.safe_load(path[-1])
            except yaml.YAMLError:
                continue
            if type(value) is type(key) and value == key:
                return path[-1]
    return key


def problems_of(exc: ValidationError, name: str, lines, root: type[Model] = Spec, prefix: tuple = ()) -> list[Problem]:
    """Each finding of `exc` as a problem of the file `name`; `prefix` is the path of
    what was validated within the file (a set of articles: its name)."""
    found: list[_Found] = []
    for err in exc.errors():
        loc = _spec_path(prefix + tuple(err["loc"]), lines, err["type"])
        dropped = len(prefix) + len(err["loc"]) - len(loc)
        union = dropped > 0 and err["type"].endswith(("_type", "literal_error"))
        # a member's own finding about the value (its path ends at the member's name)
        whole = union and dropped == 1 and isinstance(err["loc"][-1], str) and loc[-1:] != err["loc"][-1:]
        message = _explain(err, loc[len(prefix):], root)
        if err["loc"][-1:] == ("[key]",) and loc and not isinstance(err["input"], str):
            # the key, not its value: "got nothing (the value after the colon is empty)" misleads
            got = "null" if err["input"] is None else describe(err["input"])    # (not "the value after the colon")
            message = (f"this key is read as {got}, but a key here is a name;"
                       f" put it in quotes (\"{loc[-1]}\") or choose a name")
        found.append(_Found(Problem(name, line_of(lines, loc), dotted(loc), message), union, whole, err))
    # A value of a union (a paragraph: text or {text:, items:}) that has one member's
    # shape gets that member's problems (inside it, or about it: empty text); the other
    # members' "expected text" says nothing the user can act on.
    found = [f for f in found if not (f.union and any(q.problem.key.startswith((f.problem.key + ".", f.problem.key + "["))
                                                       or (q.problem.key == f.problem.key and not q.union)
                                                       for q in found))]
    out = [_of_item(p) for p in _one_per_union(found)]
    # A required key reported missing next to a misspelt one: say they are one mistake.
    typos = {(p.key.rpartition(".")[0], p.message.split("did you mean '")[1].rstrip("'?")): p
             for p in out if "did you mean '" in p.message}
    for i, p in enumerate(out):
        parent, _, key = p.key.rpartition(".")
        typo = typos.get((parent, key))
        if p.message == "this key is required but missing" and typo:
            out[i] = Problem(p.file, p.line, p.key, f"{p.message} (is it the misspelt"
                             f" '{typo.key.rpartition('.')[2]}' at line {typo.line}?)")
    return out


def _of_item(problem: Problem) -> Problem:
    """A problem of a list's item (its key ends in [n]) that got nothing: said as the
    empty item it is (`- ` alone), not as an empty value after a colon. Done on the
    finished message, as the dates' and times' own messages (values.py) say NOTHING too."""
    if not problem.key.endswith("]") or f"got {NOTHING}" not in problem.message:
        return problem
    return Problem(problem.file, problem.line, problem.key,
                   problem.message.replace(f"got {NOTHING}", f"got {EMPTY_ITEM}"), problem.about)


# What each member of a union is, for a value that fits none of them (one problem, not
# one per member): the members' kinds of finding → the expectation in plain words.
EITHER = {
    frozenset({"string_type", "dict_type"}): "expected text or a block of keys (key: value lines, indented under"
                                              " this one), got {got}",
    frozenset({"string_type", "model_type"}): "expected text or a block of keys (key: value lines, indented under"
                                               " this one), got {got}",
    frozenset({"string_type", "literal_error"}): "expected text, or false for none, got {got}",
    # a preamble or closing: a line, its paragraphs, or false; a notice's subject: a line,
    # its lines, or false
    frozenset({"string_type", "list_type", "literal_error"}): "expected text, a list of its paragraphs or"
                                                               " lines, or false for none, got {got}",
}


class _Found(NamedTuple):
    problem: Problem
    union: bool          # a union member's finding of the wrong kind of value
    whole: bool          # … about the value as a whole (its path ends at the member)
    err: dict            # the finding itself


def _one_per_union(found: list[_Found]) -> list[Problem]:
    """The members' findings about one value as a whole, made one problem: a paragraph
    written as a number is neither text nor a block of keys, one mistake."""
    kinds: dict[str, set] = {}
    for problem, _, whole, err in found:
        if whole:
            kinds.setdefault(problem.key, set()).add(err["type"])
    out, done = [], set()
    for problem, _, whole, err in found:
        wording = EITHER.get(frozenset(kinds.get(problem.key, ()))) if whole else None
        if wording is None:
            out.append(problem)
        elif problem.key not in done:
            done.add(problem.key)
            value = err.get("input")
            text = wording.format(got=describe(value))
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                text += f"; put it in quotes (\"{value}\") if it is text, so that it is kept exactly as written"
            out.append(Problem(problem.file, problem.line, problem.key, text))
    return out


# Keys of the agreement document that stood directly under agreement: before the
# document became a section of its own (made only when the spec asks for it).
MOVED = {("agreement", k): f"agreement.document.{v}" for k, v in {
    "document_title": "title", "labels": "labels", "subject": "subject", "purpose": "purpose",
    "area_items": "area_items", "articles": "articles", "extra_articles": "extra_articles",
    "closing": "closing", "copies": "copies", "original_mark": "original_mark"}.items()}


def moved_elsewhere(loc: tuple, root: type[Model] = Spec) -> bool:
    """Whether an unknown key at `loc` (as the spec writes it) is one of another place:
    a key moved to the agreement's document, also: outside press_notice."""
    return root is Spec and bool(loc) and (loc[-1] == "also" or loc in MOVED)


def close_key(loc: tuple, root: type[Model] = Spec, checked: tuple = ()) -> str | None:
    """The known key an unknown one at `loc` is likely a misspelling of, if any (the
    message's "did you mean"; past_schema.py reads the spec as though it were that key).
    `checked`: the finding's own path, which names the union member the key was checked as."""
    return _close_key(_as_checked(loc, checked, root), root)


def _as_checked(loc: tuple, checked: tuple, root: type[Model]) -> tuple:
    """A finding's own path where it leads to a model (through the union member it names),
    else the path as the spec writes it (read as the first member)."""
    return checked if checked and _model_at(checked[:-1], root) else loc


def _close_key(loc: tuple, root: type[Model]) -> str | None:
    """The known key an unknown one at `loc` is likely a misspelling of, if any; none for
    a key its model says is not one of its own (_not_here): written as meant."""
    model = _model_at(loc[:-1], root)
    if _not_here(loc, root):
        return None
    # a key's name inside the product (entries), where the spec writes another (list)
    renamed = [f.alias for n, f in (model.model_fields.items() if model else ()) if n == loc[-1] and f.alias]
    close = renamed or difflib.get_close_matches(str(loc[-1]), _fields_at(loc[:-1], root), n=1, cutoff=0.6)
    return close[0] if close else None


def not_here(loc: tuple, root: type[Model] = Spec) -> bool:
    """Whether the key at `loc` (as the spec writes it) is one its model says is not its
    own (an agreement of several's document:): taken out as the user will, never read
    as a misspelling (past_schema.py)."""
    return _not_here(loc, root) is not None


def _not_here(loc: tuple, root: type[Model]) -> str | None:
    """Why the key at `loc` is not a key there, where its model says so (`not_here`: a key
    of the model it is made from, which it has not: an agreement of several's document)."""
    model = _model_at(loc[:-1], root) if loc else None
    return getattr(model, "not_here", {}).get(loc[-1]) if model else None


def required_kind(loc: tuple, root: type[Model] = Spec, checked: tuple = ()) -> str | None:
    """What the required key at `loc` (as the spec writes it) holds, where past_schema.py
    can stand in for it when it is missing or empty: "text" (a Line, alone or among other
    kinds), "date", "texts" (a list of Lines); None for anything else (a block of keys,
    a number, a choice) and for a key that may be left out (its empty value is as likely
    to go as to be written: what it would say is not known, ki's item: date). An item of
    a list (`- ` left empty: the report starter's first paragraph) is required where it
    stands: what its list holds, "text" or "date", as a key's."""
    if len(loc) > 1 and isinstance(loc[-1], int):
        return _item_kind(loc[:-1], root)
    loc = _as_checked(loc, checked, root)
    model = _model_at(loc[:-1], root) if loc and isinstance(loc[-1], str) else None
    field = {f.alias or n: f for n, f in model.model_fields.items()}.get(loc[-1]) if model else None
    if field is None or not field.is_required():
        return None
    kinds = _kinds(field.annotation)
    if {"list", "text"} <= kinds and get_origin(field.annotation) in (Union, types.UnionType):
        return "text"       # a text, or its lines (a notice's subject): a text stands in
    if "list" in kinds:
        return "texts" if get_args(field.annotation) and _kinds(get_args(field.annotation)[0]) == {"text"} else None
    return "date" if "date" in kinds else "text" if "text" in kinds else None


def _item_kind(loc: tuple, root: type[Model]) -> str | None:
    """"text" or "date" where the key at `loc` holds a list of texts or of dates (among
    other kinds: a paragraph is a text or a block of keys), else None."""
    model = _model_at(loc[:-1], root) if isinstance(loc[-1], str) else None
    field = {f.alias or n: f for n, f in model.model_fields.items()}.get(loc[-1]) if model else None
    lists = [a for a in _members(field.annotation) if get_origin(a) is list] if field else []
    kinds = _kinds(get_args(lists[0])[0]) if len(lists) == 1 and get_args(lists[0]) else set()
    return "date" if "date" in kinds else "text" if "text" in kinds else None


def _members(annotation) -> list:
    """An annotation's members through Optional, Union and Annotated (a list among them)."""
    if get_origin(annotation) is Annotated:
        return _members(annotation.__origin__)
    if get_origin(annotation) in (Union, types.UnionType):
        return [m for a in get_args(annotation) for m in _members(a)]
    return [annotation]


def _kinds(annotation) -> set[str]:
    """The kinds of value an annotation takes: text, date, list, other (None and a false aside)."""
    if get_origin(annotation) is Annotated:
        return _kinds(annotation.__origin__)
    if get_origin(annotation) in (Union, types.UnionType):
        return set().union(*(_kinds(a) for a in get_args(annotation)))
    if annotation is str:
        return {"text"}
    if annotation is dt.date:
        return {"date"}
    if get_origin(annotation) is list:
        return {"list"}
    if annotation is type(None) or (get_origin(annotation) is Literal and get_args(annotation) == (False,)):
        return set()
    return {"other"}


def _explain(err: dict, loc: tuple, root: type[Model] = Spec) -> str:
    """A finding → what is wrong and what was expected, in plain words. The kinds
    are those the schemas can produce: text, true/false, numbers (the house style's),
    choices, lists and blocks of keys (dates, times and the fiscal year are parsed
    by values.py, whose own errors, jp_value, are worded there)."""
    kind, value = err["type"], err.get("input")
    got = describe(value)
    if kind == "extra_forbidden":
        if root is Spec and loc and loc[-1] == "also":
            return ("unknown key 'also' here: the other agreements signed at the same ceremony are named"
                    " by the notice that announces them, as press_notice.also")
        moved = MOVED.get(loc) if root is Spec else None
        if moved:
            return f"'{loc[-1]}' belongs to the agreement document now: write it as {moved}"
        # the finding's own path names the union member the key was checked as
        member = _as_checked(loc, tuple(err["loc"]), root)
        if said := _not_here(member, root):
            return said
        close = _close_key(member, root)
        options = _fields_at(member[:-1], root)
        hint = f"; did you mean '{close}'?" if close else (
            f"; allowed here: {', '.join(options)}" if options else "")
        return f"unknown key '{loc[-1]}'{hint}"
    if kind == "missing":
        return "this key is required but missing"
    if kind == "jp_value":
        return err["msg"]
    if kind == "string_type":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return (f"expected text, got {got}; put it in quotes (\"{value}\") so that it is kept"
                    " exactly as written")
        return f"expected text, got {got}"
    if kind == "string_too_short":
        return "the value is empty; write it, or remove the key"
    if kind == "list_type":
        return f"expected a list (lines starting with '- ', or [a, b]), got {got}"
    if kind in ("model_type", "dict_type"):
        return f"expected a block of keys (key: value lines, indented under this one), got {got}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {got}"
    if kind in ("float_type", "float_parsing", "finite_number"):
        return f"expected a number, got {got}"
    if kind in ("int_type", "int_parsing", "int_from_float", "int_parsing_size"):
        return f"expected a whole number, got {got}"
    if kind == "literal_error":
        elsewhere = _PHONE_KIND_ELSEWHERE.get(_folded(value)) if loc and loc[-1] in ("phone_kind", "kind") else None
        if elsewhere and _model_at(loc[:-1], root) in (Contact, Phone):
            return elsewhere.format(got=got, options=err["ctx"]["expected"])
        return f"must be one of {err['ctx']['expected']}, got {got}"
    if kind == "too_short":
        least = err['ctx']['min_length']
        return f"needs at least {least} " + ("entry" if least == 1 else "entries")
    if kind == "value_error":
        return err["msg"].removeprefix("Value error, ")
    # Not reached with the schema as it is (test_spec_checks walks it): a kind of
    # error a new field could bring is still told, in the check's words.
    return f"{err['msg']} (got {got})"


# What a spec may write as a phone's kind that is no kind of a phone: where it goes instead.
_EXTENSION = ("{got} is not a phone's kind: write the extension's number as extension: beside the phone"
              " (printed （内線…） after it); a phone's kind is one of {options}")
_FAX = ("{got} is not a phone's kind: write the FAX number as the contact's fax: (printed after FAX);"
        " a phone's kind is one of {options}")
_PHONE_KIND_ELSEWHERE = {"内線": _EXTENSION, "FAX": _FAX, "ファクス": _FAX, "ファックス": _FAX, "FAX番号": _FAX}


def _folded(value) -> str | None:
    """A choice as written, widths folded and upper-cased (ＦＡＸ, fax → FAX)."""
    return unicodedata.normalize("NFKC", value).strip().upper() if isinstance(value, str) else None


def _fields_at(loc: tuple, root: type[Model] = Spec) -> list[str]:
    """The keys allowed at a path, for the did-you-mean of an unknown key."""
    model = _model_at(loc, root)
    internal = getattr(model, "set_by_loader", ())
    return sorted(f.alias or n for n, f in model.model_fields.items() if n not in internal) if model else []


def _model_at(loc: tuple, root: type[Model] = Spec) -> type[Model] | None:
    """The model whose keys are written at a path. The path runs through a model's
    keys, list indexes and the keys of a dict of models (party ids, article names):
    those are the user's own words and may be any word, a key of the model below too
    (a party called `logo`), so they are skipped, never looked up. Where a value may be
    one of several models (an opening's paragraph: label and lines, or photos), a
    finding's own path names the member it was checked as (strict/checks.py's tag);
    a path as the spec writes it has none, and reads as the first."""
    models: list[type[Model]] = [root]
    user_key = False
    for part in loc:
        if user_key or isinstance(part, int):
            user_key = False
            continue
        member = [m for m in models if m.__name__ == part] if len(models) > 1 else []
        if member:
            models = member
            continue
        field = {f.alias or n: f for n, f in models[0].model_fields.items()}.get(part) if models else None
        if field is None:
            return None
        user_key = _holds_dict(field.annotation)
        models = _models_of(field.annotation)
    return models[0] if models else None


def _holds_dict(annotation) -> bool:
    """Whether a value of the annotation may be a dict, through Optional and Annotated:
    `agreements:` is Optional[dict[str, AgreementOfSeveral]], and its ids are the user's
    own words (until h158 the optional dict was read as a model, so nothing under an
    agreement's id was found: no did-you-mean, no allowed keys). No field's union holds
    both a model and a dict of models, so the dict's keys are never a model's."""
    if get_origin(annotation) is dict:
        return True
    return any(_holds_dict(a) for a in get_args(annotation)) if get_origin(annotation) in (
        Union, types.UnionType, Annotated) else False


def _models_of(annotation) -> list[type[Model]]:
    """The models an annotation may hold, in its order (a union's members, a list's items)."""
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models_of(arg)]
