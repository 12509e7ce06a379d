"""spec/strict/, the schema's checks, gives the findings pydantic 2 gave: the kind,
the path and the message of each, in pydantic's order. The expected values below
were read from pydantic 2.14 on the same models before strict/ replaced it
(tests/test_schema_golden.py holds the whole outcome of thousands of spec, style
and article-set variants recorded the same way), except where pydantic took a
value for something it is not (the numbers and true/false below)."""
from __future__ import annotations

import datetime as dt

import pytest

from jpdocs.spec.schema import AgreementDocument, ArticleOverride, ClauseSpec, Person, PressNotice, Spec, Validity
from jpdocs.spec.strict import ValidationError
from jpdocs.spec.style import Grid, ParagraphStyle, Typesetting


def findings(model, data) -> list[tuple]:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)
    return [(e["type"], e["loc"], e["msg"]) for e in raised.value.errors()]


def test_field_findings_come_in_the_fields_order_then_unknown_keys_in_the_inputs():
    # (name and reading: two plain strings; a Person's title may also be a list, a union)
    assert findings(Person, {"zz": 1, "name": 3, "aa": 2, "reading": 4}) == [
        ("string_type", ("name",), "Input should be a valid string"),
        ("string_type", ("reading",), "Input should be a valid string"),
        ("extra_forbidden", ("zz",), "Extra inputs are not permitted"),
        ("extra_forbidden", ("aa",), "Extra inputs are not permitted")]


def test_a_union_tags_each_members_findings_in_the_path():
    # {"text": 2} has the shape of SubItemSpec alone (its keys): only that member's findings
    # (checks._shaped_member); {"zz": 1} has no member's shape: every member's
    assert findings(ClauseSpec, {"text": "a", "items": [1, {"text": 2}, "", {"zz": 1}]}) == [
        ("string_type", ("items", 0, "constrained-str"), "Input should be a valid string"),
        ("model_type", ("items", 0, "SubItemSpec"), "Input should be a valid dictionary or instance of SubItemSpec"),
        ("string_type", ("items", 1, "SubItemSpec", "text"), "Input should be a valid string"),
        ("string_too_short", ("items", 2, "constrained-str"), "String should have at least 1 character"),
        ("model_type", ("items", 2, "SubItemSpec"), "Input should be a valid dictionary or instance of SubItemSpec"),
        ("string_type", ("items", 3, "constrained-str"), "Input should be a valid string"),
        ("missing", ("items", 3, "SubItemSpec", "text"), "Field required"),
        ("extra_forbidden", ("items", 3, "SubItemSpec", "zz"), "Extra inputs are not permitted")]
    assert findings(AgreementDocument, {"labels": {"a": 3}, "preamble": True, "kind": "x"}) == [
        ("literal_error", ("kind",), "Input should be '協定書', '覚書', '契約書', '確認書', '盟約書', '協議書', '合意書', '協約書', '共同声明', '議定書' or '憲章'"),
        ("string_type", ("labels", "constrained-str"), "Input should be a valid string"),
        ("string_type", ("labels", "dict[str,constrained-str]", "a"), "Input should be a valid string"),
        ("string_type", ("preamble", "constrained-str"), "Input should be a valid string"),
        ("list_type", ("preamble", "constrained-list[Union]"), "Input should be a valid list"),
        ("literal_error", ("preamble", "literal[False]"), "Input should be False")]


def test_lengths_keys_and_model_checks():
    assert findings(ArticleOverride, {"text": []}) == [
        ("too_short", ("text",), "List should have at least 1 item after validation, not 0")]
    assert findings(Spec, {"issuer": "x", "parties": {}}) == [
        ("too_short", ("parties",), "Dictionary should have at least 1 item after validation, not 0")]
    assert findings(Spec, {"issuer": "x", "parties": {1: {"name": "a"}, "b": 3}}) == [
        ("string_type", ("parties", 1, "[key]"), "Input should be a valid string"),
        ("model_type", ("parties", "b"), "Input should be a valid dictionary or instance of Party")]
    notice = findings(PressNotice, {"issue_date": "2024-02-30", "subject": "s", "opening": ["o"],
                                    "attachments": [{"title": "a", "document": "overview", "file": "x"}],
                                    "ki": ["date", {"entries": ["x"]}]})
    assert notice == [
        ("jp_value", ("issue_date",), "2024-02-30 is not a valid date: 2024年2月 has 29 days"),
        ("value_error", ("attachments", 0), "Value error, an attachment is a generated document or a file, not"
                                            " both: give document: or file:"),
        ("extra_forbidden", ("ki", 1, "entries"), "Extra inputs are not permitted")]
    assert findings(Validity, {"renewal_term": "ずっと"})[0][:2] == ("value_error", ("renewal_term",))


def test_numbers_may_be_written_as_text_but_nothing_else_is_taken_for_a_number():
    """pydantic took true for a size of 1.0, 0 for false and nan for a size; here a
    number is a number (or one written as text, as a style may quote a size), and
    true or false is only true or false."""
    size = lambda v: ParagraphStyle.model_validate({"font": "a", "size": v, "leading": 1}).size   # noqa: E731
    assert [size(v) for v in (10, "10.5", "1.2e1", " 12 ")] == [10.0, 10.5, 12.0, 12.0]
    assert type(size(10)) is float
    assert findings(ParagraphStyle, {"font": "a", "size": "abc", "leading": None}) == [
        ("float_parsing", ("size",), "Input should be a valid number, unable to parse string as a number"),
        ("float_type", ("leading",), "Input should be a valid number")]
    for wrong, kind in ((True, "float_type"), ("nan", "finite_number"), ("-inf", "finite_number")):
        assert findings(ParagraphStyle, {"font": "a", "size": wrong, "leading": 1})[0][:2] == (kind, ("size",))
    chars = lambda v: Grid.model_validate({"chars": v, "lines": 1}).chars   # noqa: E731
    assert [chars(v) for v in (3, 3.0, "3", " 4 ", "4.0")] == [3, 3, 3, 4, 4]
    assert findings(Grid, {"chars": 3.5, "lines": True}) == [
        ("int_from_float", ("chars",), "Input should be a valid integer, got a number with a fractional part"),
        ("int_type", ("lines",), "Input should be a valid integer")]
    assert findings(Grid, {"chars": 0, "lines": 40}) == [
        ("value_error", (), "Value error, a grid has at least 1 character a line and 1 line a page (chars: 0,"
                            " lines: 40)")]
    spacing = lambda v: Typesetting.model_validate({"latin_spacing": v}).latin_spacing   # noqa: E731
    assert [spacing(v) for v in (True, False, "true", "FALSE")] == [True, False, True, False]
    for wrong, kind in ((1, "bool_parsing"), (0, "bool_parsing"), (1.0, "bool_parsing"), ("yes", "bool_parsing"),
                        ("no", "bool_parsing"), (None, "bool_type"), ([], "bool_type")):
        assert findings(Typesetting, {"latin_spacing": wrong})[0][0] == kind, wrong


def test_objects_are_frozen_compare_by_value_and_know_which_keys_were_given():
    a = Person.model_validate({"title": "課長"})
    assert a == Person(title="課長") and a != Person(title="課長", name="x") and a.model_fields_set == {"title"}
    with pytest.raises(AttributeError):
        a.title = "部長"
    b = a.model_copy(update={"name": "杉村"})
    assert (b.title, b.name, a.name) == ("課長", "杉村", None) and b.model_fields_set == {"title", "name"}
    assert repr(a) == "Person(title='課長', name=None, reading=None, honorific=None, role=None, note=None, group=None, phone=None)"
    assert not hasattr(Person, "title")       # a default is the field's, not the class's
    with pytest.raises(ValidationError, match="1 validation error for Person\nname\n  Input should be a valid string"):
        Person(name=1)


def test_defaults_are_not_shared_between_objects():
    one, two = PressNotice.model_validate({"issue_date": dt.date(2024, 2, 1), "subject": "s", "opening": ["o"]}), \
        PressNotice.model_validate({"issue_date": "2024-02-01", "subject": "s", "opening": ["o"]})
    assert one.contacts == [] and one.contacts is not two.contacts and one.issue_date == two.issue_date


def test_a_style_sets_readable_sizes_lines_apart_and_room_for_the_text():
    """Sizes of 0 or less and negative margins stopped the writers with an internal
    error; a leading under 1 printed lines over each other: each is refused at its key."""
    from jpdocs.spec.style import Margins
    style = lambda **kw: ParagraphStyle.model_validate({"font": "a", "size": 10.5, "leading": 1.5, **kw})  # noqa: E731
    assert style(size=5).size == 5 and style(size=100).size == 100 and style(leading=1).leading == 1
    for size in (0, -5, 4.9, 100.5):
        assert findings(ParagraphStyle, {"font": "a", "size": size, "leading": 1.5}) == [
            ("value_error", ("size",), f"Value error, a size of {size:g}pt: a paragraph style's size is 5 to 100pt")]
    assert findings(ParagraphStyle, {"font": "a", "size": 10.5, "leading": 0.9})[0][:2] == ("value_error", ("leading",))
    margins = {"top": 20, "bottom": 20, "left": 25, "right": 25}
    assert Margins.model_validate({**margins, "left": 0}).left == 0
    assert findings(Margins, {**margins, "top": -1}) == [
        ("value_error", ("top",), "Value error, a margin of -1 mm: a margin is 0 mm or more")]
    assert findings(Margins, {**margins, "left": 100, "right": 61}) == [
        ("value_error", (), "Value error, left and right margins of 161 mm together leave less than 50 mm of a"
                            " 210 mm page for the text")]
    assert Margins.model_validate({**margins, "top": 80, "bottom": 80}).top == 80     # 160 mm: 50 left


def _scanned(cls) -> tuple[dict, list]:
    """The checks of `cls` as found before each class kept its own: every class of the
    MRO, base first, every attribute of each."""
    field_checks, model_checks = {}, []
    for klass in reversed(cls.__mro__):
        for attr in vars(klass).values():
            func = attr.__func__ if isinstance(attr, classmethod) else attr
            for name in getattr(func, "_checks_fields", ()):
                field_checks.setdefault(name, []).append(func)
            if getattr(func, "_checks_model", False) and func not in model_checks:
                model_checks.append(func)
    return field_checks, model_checks


def test_each_models_checks_are_those_a_scan_of_its_whole_mro_finds():
    """A model's field and model checks, gathered from each class's own (`_own_checks`),
    are what scanning every class of its MRO finds, in the same order: for every model
    of the spec, and for one built over a plain mixin and an overridden check."""
    import jpdocs.spec.load  # noqa: F401  (the spec's models, every one)
    from jpdocs.spec.strict import Model, field_validator, model_validator

    class Mixin:
        @field_validator("a")
        @classmethod
        def _mixed(cls, value):
            return value

    class Base(Model):
        a: int = 0

        @model_validator()
        def _whole(self):
            return self

    class Child(Mixin, Base):
        b: int = 0

        @field_validator("a", "b")
        @classmethod
        def _both(cls, value):
            return value

        @model_validator()
        def _whole(self):                 # (the base's is still run, as before)
            return self

    models, stack = [], [Model]
    while stack:
        for sub in stack.pop().__subclasses__():
            models.append(sub)
            stack.append(sub)
    assert len(models) > 60 and Child in models
    for model in models:
        assert (model._field_checks, model._model_checks) == _scanned(model), model.__name__
    assert [f.__name__ for f in Child._field_checks["a"]] == ["_mixed", "_both"]
    assert len(Child._model_checks) == 2


def test_a_press_notice_leaves_the_models_it_does_not_check_unmade():
    """A model's fields, checks and keys are made at its first use (strict/model.py's
    _build), its annotations evaluated from their text then: the seed's press notice,
    read and checked in a fresh process, makes the press notice's models and leaves an
    agreement's amendments and a notice's corrections unmade (issue #17: a notice's
    imports define 69 models and it uses about half)."""
    import subprocess
    import sys

    from conftest import ROOT, SEED_SPEC
    code = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from jpdocs.spec.load import load_spec
from jpdocs.spec.schema import PressNotice, Contact, Amendment
from jpdocs.spec.schema.notice import Correction
from jpdocs.spec.strict.model import _Unbuilt
def made(model):
    return not isinstance(model.__dict__["model_fields"], _Unbuilt)
assert not made(PressNotice) and not made(Contact), "made as they were defined"
load_spec({str(SEED_SPEC)!r})
print(made(PressNotice), made(Contact), made(Amendment), made(Correction))
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["True", "True", "False", "False"]


def test_fields_evaluated_from_their_text_are_those_typing_evaluates():
    """Each field's annotation, kept as text and evaluated at the model's first use, is
    the form typing.get_type_hints gives for it (its Annotated metadata taken into the
    field's), and a model made after its base has the base's fields, then its own."""
    import typing

    import jpdocs.spec.load  # noqa: F401  (the spec's models, every one)
    from jpdocs.spec.strict import Model

    models, stack = [], [Model]
    while stack:
        for sub in stack.pop().__subclasses__():
            models.append(sub)
            stack.append(sub)
    assert len(models) > 60
    for model in models:
        hints = typing.get_type_hints(model, include_extras=True)
        for name, info in model.model_fields.items():
            hint = hints[name]
            if typing.get_origin(hint) is typing.Annotated:
                made = info.metadata[:len(hint.__metadata__)]
                assert _form(made) == _form(list(hint.__metadata__)), (model.__name__, name)
                hint = hint.__origin__
            assert _form(info.annotation) == _form(hint), (model.__name__, name)

    class Base(Model):
        a: int = 0

    assert Base(a=1).a == 1                 # (Base made)

    class Child(Base):
        b: str | None = None

    assert list(Child.model_fields) == ["a", "b"] and Child._keys == {"a", "b"}
    assert Child.model_validate({"a": 2, "b": "x"}).b == "x"
    assert list(Base.model_fields) == ["a"]


def _form(annotation):
    """A typing form as nested tuples, its metadata objects (each evaluation makes
    its own MinLen(1)) by class and attributes."""
    import typing
    if isinstance(annotation, list):
        return [_form(a) for a in annotation]
    if typing.get_origin(annotation) is typing.Annotated:
        return ("Annotated", _form(annotation.__origin__), _form(list(annotation.__metadata__)))
    args = typing.get_args(annotation)
    if args:
        return (typing.get_origin(annotation), tuple(_form(a) for a in args))
    if hasattr(annotation, "__dict__") and not isinstance(annotation, type):
        return (type(annotation).__name__, {k: v for k, v in vars(annotation).items()})
    return annotation
