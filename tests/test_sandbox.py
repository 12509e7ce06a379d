"""The template sandbox holds: a template given with --templates is hostile.

Every object the real context holds is enumerated, and every attribute of each is
tried from a template: what the allow-list refuses must be refused by the running
sandbox, and what it allows must be plain data or the project's own object. Then
each way of building without bound that the red-team pass found is run through
the real command line, and must stop with the template's file and line.
"""
from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from jinja2.exceptions import SecurityError

from jpdocs.build import documents as build
from jpdocs import cli
from jpdocs.content import sandbox, templating
from jpdocs.spec.strict import Model
from jpdocs.spec.load import load_spec
from jpdocs.spec.style import TEMPLATES, load_style

from conftest import ROOT, SEED_SPEC

SPECS = sorted((ROOT / "specs").glob("*.yaml"))
PLAIN = (str, int, float, bool, type(None), dt.date, dt.time, dt.datetime)


def main(argv, capsys):
    code = cli.main([str(a) for a in argv])
    return code, capsys.readouterr().err


def reachable(root) -> list:
    """Every object a template can reach from the context through attributes the
    sandbox allows, list elements and dict values (each object once)."""
    seen, out, stack = set(), [], [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        out.append(obj)
        if isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, (list, tuple)):
            stack.extend(obj)
        for name in sandbox.allowed_attributes(obj):
            value = getattr(obj, name, None)
            if not callable(value):
                stack.append(value)
    return out


@pytest.mark.parametrize("spec_path", SPECS, ids=lambda p: p.stem)
def test_every_attribute_of_every_object_in_the_context_is_allowed_or_refused_as_listed(spec_path):
    loaded = load_spec(spec_path)
    style = load_style()
    context = build.context(loaded, style, agreement_text=any(k.name == "agreement" for k in build.kinds_of(loaded)))
    context["style"] = style
    env = templating.environment((TEMPLATES,), style.digits, style.dates, style.times, style.word("comma"))
    read = env.from_string("{{ obj|attr(name) }}")
    call = env.from_string("{{ (obj|attr(name))() }}")
    objects = reachable(context)
    kinds = {type(o) for o in objects}
    # The context really holds what the attack used: the house style (whose methods gave Paths),
    # the project's models (spec/strict.py) and dataclasses, and plain data.
    assert {type(style), dict, list, str, dt.date} <= kinds
    assert any(isinstance(o, Model) and type(o).__module__ == "jpdocs.spec.schema" for o in objects)
    tried_types = set()
    refused = 0
    for obj in objects:
        project = type(obj).__module__.startswith("jpdocs.")
        if not project and type(obj) in tried_types:
            continue                              # plain data: one instance of each type is enough
        tried_types.add(type(obj))
        allowed = sandbox.allowed_attributes(obj)
        for name in dir(obj):
            env.start_render()
            if name in allowed:
                value = getattr(obj, name)
                assert (isinstance(value, PLAIN + (list, tuple, dict)) or type(value).__module__.startswith("jpdocs.")
                        or callable(value) and env.is_safe_callable(value)), (type(obj), name, type(value))
                continue
            refused += 1
            with pytest.raises((SecurityError, jinja2.UndefinedError)) as exc:
                read.render(obj=obj, name=name)
            exists = hasattr(obj, name)
            assert "is unsafe" in str(exc.value) or not exists and "has no attribute" in str(exc.value), \
                (type(obj), name, str(exc.value))
            if callable(getattr(obj, name, None)):
                with pytest.raises((SecurityError, jinja2.UndefinedError)):
                    call.render(obj=obj, name=name)
    assert refused > 1000


def test_an_attribute_read_directly_is_what_jinjas_own_getattr_reads(monkeypatch):
    """TemplateSandbox.getattr reads an attribute its class allows without Jinja's
    checks (a notice's render reads some two hundred): the same value, and anything
    else (refused, missing, a namespace's key) still goes Jinja's way."""
    loaded = load_spec(SEED_SPEC)
    style = load_style()
    context = build.context(loaded, style, agreement_text=any(k.name == "agreement" for k in build.kinds_of(loaded)))
    context["style"] = style
    env = templating.environment((TEMPLATES,), style.digits, style.dates, style.times, style.word("comma"))
    jinjas = jinja2.sandbox.SandboxedEnvironment.getattr
    objects = [*reachable(context), jinja2.utils.Namespace(a=1), sandbox.BoundedNamespace(b="x")]
    direct = 0
    for obj in objects:
        allowed = sandbox.allowed_attributes(obj)
        for name in sorted(set(dir(obj)) | {"no_such_attribute"}):
            env.start_render()
            ours, theirs = env.getattr(obj, name), jinjas(env, obj, name)
            if isinstance(theirs, jinja2.Undefined):
                assert isinstance(ours, jinja2.Undefined) and name not in allowed or name.startswith("_"), \
                    (type(obj), name)
            else:
                assert ours == theirs or ours is theirs, (type(obj), name)
                direct += name in allowed and not isinstance(obj, jinja2.utils.Namespace)
    assert direct > 100
    # and it is read without them: the checks are not asked
    monkeypatch.setattr(env, "is_safe_attribute", lambda *a: pytest.fail("Jinja's checks were asked"))
    env.start_render()
    assert env.getattr(loaded.spec, "issuer") is loaded.spec.issuer


def _jinjas_own_output(args: tuple):
    """The environment of the bundled templates, but printing values as Jinja's code
    generator prints them (escape(finalize(value))), compiling afresh."""
    theirs = templating.environment.__wrapped__((TEMPLATES,), *args)
    theirs.code_generator_class = jinja2.compiler.CodeGenerator
    theirs.bytecode_cache = None
    return theirs


ESCAPING = ("{{ v }}|{{ m }}|{{ n }}|{{ v|safe }}|{{ m ~ v }}|{% set x %}<{{ v }}>{% endset %}{{ x }}|"
            "{% macro k(a) %}[{{ a }}]{% endmacro %}{{ k(v) }}|{% for c in v %}{{ c }}{% endfor %}|"
            "{% autoescape false %}{{ v }}{{ m }}{% endautoescape %}|{{ 3 }}{{ 'a<b' }}{{ d }}")


@pytest.mark.parametrize("spec_path", SPECS, ids=lambda p: p.stem)
def test_values_are_printed_as_jinjas_own_code_printed_them(spec_path):
    """templating._finalized_output prints {{ value }} as str(finalize(value)), not
    escape(finalize(value)): every bundled template on every bundled spec, and values
    with characters to escape in every way a template prints them, come out the same."""
    loaded = load_spec(spec_path)
    style = build.style_for(loaded)
    context = build.context(loaded, style, agreement_text=any(k.name == "agreement" for k in build.kinds_of(loaded)))
    args = (style.digits, style.dates, style.times, style.word("comma"))
    ours = templating.environment((TEMPLATES,), *args)
    theirs = _jinjas_own_output(args)
    assert "escape(environment.finalize(" not in ours.compile(ESCAPING, raw=True)
    assert "escape(environment.finalize(" in theirs.compile(ESCAPING, raw=True)
    compared = 0
    for kind in build.kinds_of(loaded):
        outputs = []
        for env in (ours, theirs):
            env.start_render()
            outputs.append(env.get_template(kind.template).render(**context, style=style))
        assert outputs[0] == outputs[1], kind.template
        compared += 1
    assert compared >= 1
    values = dict(v='a<b>&"c\'\n', m=jinja2.utils.markupsafe.Markup("<b>x</b>"), n=None, d=dt.date(2024, 2, 27))
    outputs = []
    for env in (ours, theirs):
        env.start_render()
        outputs.append(env.from_string(ESCAPING).render(**values))
    assert outputs[0] == outputs[1]
    assert "a&lt;b&gt;&amp;&#34;c&#39;" in outputs[0] and "<b>x</b>" in outputs[0]


def test_a_path_handed_out_by_a_method_cannot_be_reached():
    style = load_style()
    env = templating.environment((TEMPLATES,), style.digits, style.dates, style.times, style.word("comma"))
    for source in ("{{ style.font_path('mincho').read_text() }}", "{{ style.fallback_paths() }}",
                   "{{ style.model_dump() }}", "{{ style.model_copy() }}", "{{ style.page.margins_for('x') }}"):
        env.start_render()
        with pytest.raises((SecurityError, jinja2.UndefinedError)):
            env.from_string(source).render(style=style)


def hostile(tmp_path, body: str) -> tuple[Path, Path]:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    template = folder / "press-notice.xml.j2"
    template.write_text('<document kind="press-notice" title="t" author="a">\n' + body
                        + "\n</document>\n", encoding="utf-8")
    return folder, template


ATTACKS = {
    # reaching files and internals
    "read a file": "<p>{{ style.font_path('mincho').read_text() }}</p>",
    "write a file": "<p>{{ style.font_path('mincho').with_name('x.pth').write_text('import os') }}</p>",
    "private attribute": "<p>{% for x in [1] %}{{ loop._iterator }}{% endfor %}</p>",
    "dunder of a model": "<p>{{ notice.__dict__ }}</p>",
    "model method": "<p>{{ spec.model_copy() }}</p>",
    "str.format": "<p>{{ '{0:>300000000}'.format(1) }}</p>",
    # building without bound
    "ljust": "<p>{{ 'x'.ljust(300000000) }}</p>",
    "center filter": "<p>{{ 'x'|center(300000000) }}</p>",
    "indent filter": "<p>{{ 'x\\ny'|indent(300000000) }}</p>",
    "format filter": "<p>{{ '%300000000s'|format('x') }}</p>",
    "percent star": "<p>{{ '%*s' % (300000000, 'x') }}</p>",
    "list repetition": "<p>{{ ([1] * 100000000)|length }}</p>",
    "doubling in a loop": ("<p>{% set ns = namespace(s='xxxxxxxx') %}{% for i in range(60) %}"
                           "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}</p>"),
    "list doubling": ("<p>{% set ns = namespace(l=[1]) %}{% for i in range(60) %}"
                      "{% set ns.l = [ns.l, ns.l] %}{% endfor %}{{ ns.l }}</p>"),
    "nested range loops": ("<p>{% for i in range(100000) %}{% for j in range(100000) %}"
                           "{% endfor %}{% endfor %}</p>"),
    "nested data loops": ("<p>{% for a in range(99999) %}{% for b in 'abcdefghij' %}{% for c in 'abcdefghij' %}"
                          "{% endfor %}{% endfor %}{% endfor %}</p>"),
    "exponential macro": "<p>{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}</p>",
    "replace blow-up": "<p>{{ ('a' * 5000).replace('a', 'b' * 5000)|length }}</p>",
    "replace filter blow-up": "<p>{{ ('a' * 5000)|replace('a', 'b' * 5000)|length }}</p>",
    "slice filter": "<p>{{ [1]|slice(300000000)|list|length }}</p>",
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_an_attack_from_a_template_is_stopped_with_its_file_and_line(name, tmp_path, capsys):
    folder, template = hostile(tmp_path, ATTACKS[name])
    victim = Path(load_style().font_path("mincho")).with_name("x.pth")
    for argv in (["check", SEED_SPEC, "--templates", folder],
                 [SEED_SPEC, "-o", tmp_path / "out", "--templates", folder]):
        code, err = main(argv, capsys)
        assert code == 1, err
        assert err.startswith(f"error: {template}:2: "), err
        assert "Traceback" not in err and "internal error" not in err
    assert not (tmp_path / "out").exists()
    assert not victim.exists()


def test_the_bundled_templates_spend_a_small_part_of_the_budget():
    """The limits must leave room: the largest bundled document spends well under
    a hundredth of the step budget (so a large real spec is far from it)."""
    style = load_style()
    env = templating.environment((TEMPLATES,), style.digits, style.dates, style.times, style.word("comma"))
    for spec_path in SPECS:
        loaded = load_spec(spec_path)
        context = build.context(loaded, style, agreement_text=any(k.name == "agreement" for k in build.kinds_of(loaded)))
        for kind in build.kinds_of(loaded):
            templating.render(kind.template, context, style)
            assert 0 < env._budget.steps < sandbox.MAX_STEPS / 100, (spec_path.name, kind.name)


def plant_bytecode(cache: Path, marker: Path) -> None:
    """A compiled-template cache entry for the bundled press notice that runs code
    (writes `marker`) when loaded: what a second user could plant in a shared cache."""
    env = jinja2.Environment()
    bcc = templating._BytecodeCache(str(cache), templating.BYTECODE_FILES)     # its checksum: found fresh
    name = "press-notice.xml.j2"
    filename = os.path.join(str(TEMPLATES), name)
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    bucket = jinja2.bccache.Bucket(env, bcc.get_cache_key(name, filename), bcc.get_source_checksum(source))
    bucket.code = compile(f"open({str(marker)!r}, 'w').close()", filename, "exec")
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / (templating.BYTECODE_FILES % bucket.key), "wb") as fh:
        bucket.write_bytecode(fh)


def run_with_cache(cache_root: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "JPDOCS_CACHE": str(cache_root)}
    return subprocess.run([sys.executable, str(ROOT / "generate.py"), str(SEED_SPEC), "-o", str(out),
                           "--kinds", "press-notice", "--format", "pdf"],
                          capture_output=True, text=True, env=env, timeout=120)


def test_a_cache_folder_others_can_write_is_not_used(tmp_path):
    cache_root = tmp_path / "cache"
    marker = tmp_path / "planted-code-ran"
    plant_bytecode(cache_root / "templates", marker)
    os.chmod(cache_root / "templates", 0o777)
    result = run_with_cache(cache_root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert len(list((cache_root / "templates").iterdir())) == 1          # nothing of ours written there either


def test_the_users_own_cache_folder_is_private_and_used(tmp_path):
    cache_root = tmp_path / "cache"
    result = run_with_cache(cache_root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    folder = cache_root / "templates"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert any(folder.iterdir())


def test_entries_of_the_caches_old_names_are_removed_when_the_cache_is_opened(tmp_path):
    """Compiled templates were once kept as Jinja names them (__jinja2_….cache), then as
    __jpdocs_output1_….cache; since
    the cache's names changed (BYTECODE_FILES) nothing reads them: the first run of this
    version that opens the cache removes them, and leaves any other file; then it marks
    the folder done (templating.STALE_REMOVED), so that later runs do not list it."""
    cache_root = tmp_path / "cache"
    folder = cache_root / "templates"
    folder.mkdir(parents=True, mode=0o700)
    os.chmod(folder, 0o700)
    for name in ("__jinja2_0123abcd.cache", "__jinja2_4567ef.cache", "__jpdocs_output1_89ab.cache"):
        (folder / name).write_bytes(b"old")
    (folder / "notes.txt").write_text("the user's", encoding="utf-8")
    result = run_with_cache(cache_root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert not [n for n in names if n.startswith(("__jinja2_", "__jpdocs_output1_"))], names
    assert "notes.txt" in names and templating.STALE_REMOVED in names, names
    prefix = templating.BYTECODE_FILES.split("%s")[0]
    assert any(n.startswith(prefix) for n in names), names          # its own entries written
    result = run_with_cache(cache_root, tmp_path / "out2")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == names         # nothing else removed


@pytest.mark.parametrize("wording", ["正本（{label:>300000000}保管）", "正本（{0.__class__}保管）", "正本（{name}保管）"])
def test_a_wording_placeholder_is_filled_by_name_only(wording, tmp_path, capsys):
    style = tmp_path / "style.yaml"
    style.write_text(f"wording:\n  original_mark: \"{wording}\"\n", encoding="utf-8")
    code, err = main(["check", SEED_SPEC, "--style", style], capsys)
    assert code == 1, err
    assert f"error: {style}:2: wording.original_mark: " in err and "{label}" in err, err


def test_a_wording_with_its_placeholder_prints_the_label(tmp_path):
    style = load_style()
    assert style.fill("original_mark", label="乙") == "正本（乙保管）"
    assert style.model_copy(update={"wording": {"original_mark": "{label}の正本 {other}"}}).fill(
        "original_mark", label="甲") == "甲の正本 {other}"


def test_a_template_larger_than_a_megabyte_is_refused_not_read_whole(tmp_path, capsys):
    folder, template = hostile(tmp_path, "<p>x</p>")
    with open(template, "a", encoding="utf-8") as fh:
        fh.write("{# " + "x" * 1_100_000 + " #}\n")
    code, err = main(["check", SEED_SPEC, "--templates", folder], capsys)
    assert code == 1 and f"error: {template}: --templates: the file is" in err and "at most 1,000,000" in err, err


@pytest.mark.parametrize("n", [1, 7])
def test_the_budget_counts_every_step_and_stops_at_its_limit(monkeypatch, n):
    """The steps are counted by a counter each loop and join takes once (sandbox._Budget):
    a loop over range(n) costs one for the call, n for the range, n for its items and n
    for the pieces it prints, the attribute it reads each time n more (as the old
    count, a plain int on a threading.local, counted them), and the render runs at that
    budget exactly and stops one step under it, with the budget's message."""
    style = load_style()
    env = templating.environment((TEMPLATES,), style.digits, style.dates, style.times, style.word("comma"))
    template = env.from_string("{% for i in range(n) %}{{ d.year }}{% endfor %}")
    steps = 1 + 4 * n
    for budget, ok in ((steps, True), (steps - 1, False)):
        monkeypatch.setattr(sandbox, "MAX_STEPS", budget)
        env.start_render()
        if ok:
            assert template.render(n=n, d=dt.date(2024, 1, 1)) == "2024" * n
            assert env._budget.steps == steps
        else:
            with pytest.raises(SecurityError, match=f"more than {budget:,} steps"):
                template.render(n=n, d=dt.date(2024, 1, 1))
    env.start_render()
    assert env._budget.steps == 0
