"""A pure bundled include remembered by what it reads (content/template_memo.py): every
bundled and real spec renders to the same text, with the same steps spent, as it does
without the memo, whatever was rendered before; the budget runs out where it did,
with the same message at the same line; a user's template is never remembered; the
memo's list of the names a template reads is the template's own."""
from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from jinja2 import meta, nodes
from jinja2.exceptions import SecurityError
from markupsafe import Markup

from jpdocs.build import documents as build
from jpdocs.content import sandbox, template_memo, templating
from jpdocs.spec.load import load_spec
from jpdocs.spec.style import TEMPLATES, load_style

from conftest import ROOT, SEED_SPEC

SPECS = sorted((ROOT / "specs").glob("*.yaml")) + sorted(
    p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml") if not p.name.endswith(".facts.yaml"))


def _environment(style, remembered: bool, monkeypatch, folders=(TEMPLATES,)):
    """A new environment (its own compiled templates), with or without the memo."""
    if not remembered:
        monkeypatch.setattr(template_memo, "PURE_INCLUDES", {})
    try:
        return templating.environment.__wrapped__(tuple(folders), style.digits, style.dates, style.times,
                                                  style.word("comma"))
    finally:
        monkeypatch.undo()


def _documents(spec_path: Path):
    loaded = load_spec(spec_path)
    style = build.style_for(loaded)
    kinds = build.kinds_of(loaded)
    context = build.context(loaded, style, agreement_text=any(k.name == "agreement" for k in kinds))
    return style, context, [k.template for k in kinds]


def _render(env, name: str, context: dict, style, reads=None) -> tuple[str, int]:
    env.start_render(reads)
    text = env.get_template(name).render(**context, style=style)
    return text, env._budget.steps


def test_every_spec_renders_the_same_text_and_steps_with_the_memo_alone_and_after_the_others(monkeypatch):
    """Each spec rendered by a fresh environment without the memo, then by one with it:
    first after every other spec (its contacts remembered or not, others' in the memo),
    then again (its own remembered): the same text and steps each time."""
    documents = [_documents(p) for p in SPECS]
    remembered = {}                    # one memo environment per house style, as a batch has
    for style, context, templates in documents + documents:
        env = remembered.setdefault(id(style), _environment(style, True, monkeypatch))
        for name in templates:
            _render(env, name, context, style)
    replays = 0
    for (style, context, templates), spec_path in zip(documents, SPECS):
        plain = _environment(style, False, monkeypatch)
        env = remembered[id(style)]
        for name in templates:
            expected = _render(plain, name, context, style)
            assert _render(env, name, context, style) == expected, (spec_path.name, name)
            assert _render(env, name, context, style) == expected, (spec_path.name, name)
        contact = env.get_template("contact.xml.j2").root_render_func
        replays += contact is not plain.get_template("contact.xml.j2").root_render_func
    assert replays == len(SPECS)       # (the memo was on in each)


def test_the_budget_runs_out_where_it_did_with_the_same_message_and_line(monkeypatch):
    """The seed's notice, at every budget from one step to the steps it takes: the memo's
    environment (its contacts remembered) fails or succeeds as the plain one does, with
    the same message at the same file and line."""
    style, context, _ = _documents(SEED_SPEC)
    name = "press-notice.xml.j2"
    plain = _environment(style, False, monkeypatch)
    memo = _environment(style, True, monkeypatch)
    text, steps = _render(plain, name, context, style)
    assert _render(memo, name, context, style) == (text, steps)
    assert 200 < steps < 5_000

    def outcome(env, budget):
        monkeypatch.setattr(sandbox, "MAX_STEPS", budget)
        try:
            return _render(env, name, context, style)
        except SecurityError as exc:
            return str(exc), templating._where(exc, (TEMPLATES,), name)
        finally:
            monkeypatch.setattr(sandbox, "MAX_STEPS", 5_000_000)

    inside_contacts = 0
    for budget in range(1, steps + 2):
        expected = outcome(plain, budget)
        assert outcome(memo, budget) == expected, budget
        inside_contacts += isinstance(expected[1], tuple) and expected[1][0].endswith("contact.xml.j2")
    assert inside_contacts > 10        # budgets that run out inside a remembered contact were tried


def test_a_users_template_of_that_name_is_not_remembered(tmp_path, monkeypatch):
    ours = tmp_path / "templates"
    ours.mkdir()
    (ours / "contact.xml.j2").write_text((TEMPLATES / "contact.xml.j2").read_text(encoding="utf-8"), encoding="utf-8")
    style = load_style()
    theirs = _environment(style, True, monkeypatch, folders=(ours, TEMPLATES))
    bundled = _environment(style, True, monkeypatch)
    loaded = theirs.get_template("contact.xml.j2")
    assert loaded.filename == str(ours / "contact.xml.j2")
    assert loaded.root_render_func.__module__ != template_memo.__name__
    assert bundled.get_template("contact.xml.j2").root_render_func.__module__ == template_memo.__name__


def test_a_render_that_gathers_reads_gathers_the_same_with_the_memo(monkeypatch):
    """A user's template is rendered with `reads` (build/template_coverage.py): the
    remembered contact is rendered, so that its reads are gathered each time."""
    style, context, templates = _documents(SEED_SPEC)
    plain = _environment(style, False, monkeypatch)
    memo = _environment(style, True, monkeypatch)
    for name in templates + templates:
        reads = [set(), set()]
        assert _render(memo, name, context, style, reads[0]) == _render(plain, name, context, style, reads[1])
        # a read is recorded by class and by object (id: build/unprinted.py); the objects a
        # render makes itself (a loop's, a memo's key) are new each render, so the objects'
        # reads are compared by their fields, the classes' whole
        by_class = [{r for r in got if isinstance(r[0], type)} for got in reads]
        by_object = [{field for owner, field in got if isinstance(owner, int)} for got in reads]
        assert by_class[0] == by_class[1] and by_class[0]
        assert by_object[0] == by_object[1]


def test_a_key_tells_apart_what_prints_differently():
    key = template_memo.value_key
    assert key("a<b") != key(Markup("a<b"))
    assert len({key(1), key(True), key("1")}) == 3
    assert key([1, "x"]) != key((1, "x"))
    assert key(jinja2.utils.missing) != key(None)
    for unkeyed in (1.0, {"a": 1}, object(), b"x"):
        with pytest.raises(template_memo._Unkeyed):
            key(unkeyed)


@pytest.mark.parametrize("name", sorted(template_memo.PURE_INCLUDES))
def test_a_remembered_template_reads_only_the_names_it_is_keyed_by_and_changes_nothing(name):
    """The names keyed are those the bundled source reads from its context (Jinja's own
    list); it assigns to no namespace, makes none, includes and imports nothing, and
    calls only the methods listed (each pure: it reads the object's fields) and macros of
    its own (a macro defined in the template is its own code: the names it reads are in
    Jinja's list above, and its calls are checked as the template's; no `caller`, as a
    call block is refused)."""
    by_value, by_identity, methods = template_memo.PURE_INCLUDES[name]
    env = jinja2.Environment()
    tree = env.parse((TEMPLATES / name).read_text(encoding="utf-8"))
    assert meta.find_undeclared_variables(tree) == set(by_value) | set(by_identity)
    assert not list(tree.find_all((nodes.NSRef, nodes.Include, nodes.Import, nodes.FromImport,
                                   nodes.Extends, nodes.CallBlock)))
    own_macros = {macro.name for macro in tree.find_all(nodes.Macro)}
    called = set()
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in own_macros:
            continue
        assert isinstance(call.node, nodes.Getattr), call
        called.add(call.node.attr)
    assert called == methods


@pytest.mark.slow
def test_every_pdf_is_the_same_built_with_the_memo_in_either_order_and_without_it(tmp_path, monkeypatch):
    """Whole builds in one process (as a batch builds them): the seed, notices made from it
    (the same contacts) and the real specs, with the memo forward and in reverse order,
    against builds whose environments remember nothing: the same bytes."""
    import sys
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from specgen import spread_dates, write_specs
    from test_drawing import _build_all
    from jpdocs.build import batch
    specs = [SEED_SPEC, *write_specs(tmp_path / "specs", spread_dates(3, seed=43), notice_only=True)]
    specs += sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml")
                    if not p.name.endswith(".facts.yaml"))
    batch._init_worker(("pdf",), None)
    replays = []
    replayed = template_memo._replayed
    monkeypatch.setattr(template_memo, "_replayed", lambda *a: replays.append(a) or replayed(*a))

    def built(out, order, remembered):
        if not remembered:
            monkeypatch.setattr(template_memo, "PURE_INCLUDES", {})
        templating.environment.cache_clear()          # environments, and their templates, made anew
        try:
            return _build_all(order, out)
        finally:
            monkeypatch.setattr(template_memo, "PURE_INCLUDES", PURE_INCLUDES)
            templating.environment.cache_clear()

    PURE_INCLUDES = template_memo.PURE_INCLUDES
    plain = built(tmp_path / "plain", specs, False)
    assert not replays
    forward = built(tmp_path / "forward", specs, True)
    assert len(replays) >= 6          # the seed's two contacts, in each of the three notices after it
    backward = built(tmp_path / "backward", specs[::-1], True)
    assert plain.keys() == forward.keys() == backward.keys() and len(plain) > 20
    for name in plain:
        assert forward[name] == plain[name] and backward[name] == plain[name], f"{name} differs"


def test_the_line_that_printed_a_remembered_contacts_text_is_the_contacts_own():
    """printed_lines renders the template again to name the line that printed a refused
    element: a contact remembered (the render before it filled the memo) is rendered
    there, not played as its includer's piece, so its lines are named in contact.xml.j2."""
    from jpdocs.content.printed_lines import printed_by
    style, context, _ = _documents(SEED_SPEC)
    name = "press-notice.xml.j2"
    text = templating.render(name, context, style)          # (the seed's contacts remembered)
    text = templating.render(name, context, style)
    department = context["contact_boxes"][0][1][0].department
    found = printed_by(name, context, style, (TEMPLATES,), text.index(department))
    source = (TEMPLATES / "contact.xml.j2").read_text(encoding="utf-8").splitlines()
    assert found.file == str(TEMPLATES / "contact.xml.j2")
    assert "ct.department" in source[found.line - 1]


def test_the_memo_keeps_at_most_its_bound(monkeypatch):
    """Contacts of MAX_ENTRIES + 10 offices, each remembered in turn: the memo holds the
    last MAX_ENTRIES, and each of them still renders as without it."""
    style, context, _ = _documents(SEED_SPEC)
    env = _environment(style, True, monkeypatch)
    plain = _environment(style, False, monkeypatch)
    contact = context["contact_boxes"][0][1][0]
    memo_size = 0
    for i in range(template_memo.MAX_ENTRIES + 10):
        ct = contact.model_copy(update={"department": f"第{i}課"})
        for e in (env, plain, env):
            e.start_render()
        texts = [e.get_template("contact.xml.j2").render(ct=ct, style=style) for e in (env, plain, env)]
        assert texts[0] == texts[1] == texts[2] and f"第{i}課" in texts[0]
        root = env.get_template("contact.xml.j2").root_render_func
        memo_size = len(next(c.cell_contents for c in root.__closure__ if isinstance(c.cell_contents, dict)))
    assert memo_size == template_memo.MAX_ENTRIES
