"""A bundled template reads attributes and calls trusted (templating.py's code generator,
TemplateSandbox.access): every bundled and real spec renders to the same text as
through the sandbox's getattr and call, a render that gathers reads or is traced goes through
the sandbox, and a user's template — even one of a bundled template's name and text —
is compiled as before and still cannot reach what the sandbox refuses."""
from __future__ import annotations

import shutil

import pytest

from jpdocs.build import documents as build
from jpdocs.content import sandbox, templating
from jpdocs.spec.load import load_spec
from jpdocs.spec.style import TEMPLATES, load_style

from conftest import ROOT, SEED_SPEC
from test_sandbox import main

SPECS = sorted((ROOT / "specs").glob("*.yaml")) + sorted(
    p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml") if not p.name.endswith(".facts.yaml"))
BUNDLED = sorted(p.name for p in TEMPLATES.glob("*.j2"))


def _environment(style, folders=(TEMPLATES,)):
    """A new environment (its own compiled templates)."""
    return templating.environment.__wrapped__(tuple(folders), style.digits, style.dates, style.times,
                                              style.word("comma"))


def _code(env, name: str) -> str:
    source, filename, _ = env.loader.get_source(env, name)
    return env.compile(source, name, filename, raw=True)


def test_every_spec_prints_the_same_text_trusted_as_through_the_sandbox(monkeypatch):
    """Each spec's documents rendered with the trusted reads and with the sandbox's (a
    render gathering reads, as a user's template is rendered): the same text, and the
    trusted render asks the sandbox's getattr only where an object lacks the attribute."""
    asked = [0]
    sandboxs = sandbox.TemplateSandbox.getattr

    def counted(self, obj, attribute):
        asked[0] += 1
        return sandboxs(self, obj, attribute)

    monkeypatch.setattr(sandbox.TemplateSandbox, "getattr", counted)
    environments = {}
    compared = trusted_asked = sandbox_asked = 0
    for spec_path in SPECS:
        loaded = load_spec(spec_path)
        style = build.style_for(loaded)
        kinds = build.kinds_of(loaded)
        context = build.context(loaded, style, agreement_text=any(k.name == "agreement" for k in kinds),
                                notice_text=any(k.section == "press_notice" for k in kinds))
        env = environments.setdefault(id(style), (style, _environment(style)))[1]
        for kind in kinds:
            texts = []
            for reads in (None, set()):
                asked[0] = 0
                env.start_render(reads)
                texts.append(env.get_template(kind.template).render(**context, style=style))
                if reads is None:
                    trusted_asked += asked[0]
                else:
                    sandbox_asked += asked[0]
                    assert reads, (spec_path.name, kind.name)
            assert texts[0] == texts[1], (spec_path.name, kind.name)
            compared += 1
    assert compared > 200
    assert sandbox_asked > 20_000 and trusted_asked < sandbox_asked / 20, (trusted_asked, sandbox_asked)


def test_a_traced_render_reads_through_the_sandbox():
    """printed_lines.py traces a render (replays=False): the sandbox's getattr then."""
    style = load_style()
    env = _environment(style)
    env.start_render(None, replays=False)
    assert env.access() == (env.getattr, env.call)
    env.start_render(set())
    assert env.access() == (env.getattr, env.call)
    env.start_render()
    assert env.access() == (env._trusted_getattr, env._trusted_call)


@pytest.mark.parametrize("name", BUNDLED)
def test_only_the_bundled_file_is_compiled_trusted(tmp_path, name):
    """The same text as a user's template (another folder, --templates) or from a string
    is compiled with the sandbox's getattr for every attribute."""
    style = load_style()
    ours = tmp_path / "templates"
    ours.mkdir()
    shutil.copy(TEMPLATES / name, ours / name)
    bundled = _code(_environment(style), name)
    theirs_env = _environment(style, (ours, TEMPLATES))
    assert theirs_env.get_template(name).filename == str(ours / name)
    theirs = _code(theirs_env, name)
    from_string = theirs_env.compile((TEMPLATES / name).read_text(encoding="utf-8"), raw=True)
    assert "jpdocs_getattr(" in bundled and "environment.getattr(" not in bundled
    assert "environment.call(" not in bundled
    for code in (theirs, from_string):
        assert "jpdocs_getattr" not in code and "environment.getattr(" in code
        assert "jpdocs_call" not in code and ("environment.call(context, " in code) == ("jpdocs_call(context, " in bundled)


@pytest.mark.parametrize("attack", [
    "{{ spec.__class__.__init__.__globals__ }}",
    "{{ style.font_path('mincho').read_text() }}",
    "{{ ct.__class__.__mro__ }}",
])
def test_a_users_template_named_as_a_bundled_one_still_cannot_escape(tmp_path, capsys, attack):
    """A user's contact.xml.j2 (a bundled name, the notice's include) whose attribute reads
    reach for internals: refused by the sandbox, exit 1, no output, as before."""
    folder = tmp_path / "templates"
    folder.mkdir()
    text = (TEMPLATES / "contact.xml.j2").read_text(encoding="utf-8")
    (folder / "contact.xml.j2").write_text(text + "\n<p>" + attack + "</p>\n", encoding="utf-8")
    for argv in (["check", SEED_SPEC, "--templates", folder],
                 [SEED_SPEC, "-o", tmp_path / "out", "--templates", folder]):
        code, err = main(argv, capsys)
        assert code == 1, err
        assert "the sandbox refused it" in err or "undefined value" in err, err
        assert "Traceback" not in err and "internal error" not in err
    assert not (tmp_path / "out").exists()


def test_a_build_with_a_users_template_never_reads_trusted(tmp_path, capsys, monkeypatch):
    """A user's press notice that includes the bundled contact.xml.j2: the render gathers
    its reads (build/template_coverage.py), so the bundled include's reads go through
    the sandbox too, never the trusted reader."""
    folder = tmp_path / "templates"
    folder.mkdir()
    shutil.copy(TEMPLATES / "press-notice.xml.j2", folder / "press-notice.xml.j2")
    for trusted in ("_trusted_getattr", "_trusted_call"):
        monkeypatch.setattr(sandbox.TemplateSandbox, trusted,
                            lambda *a, **k: pytest.fail("a trusted read or call in a render with a user's template"))
    code, err = main([SEED_SPEC, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf",
                      "--templates", folder], capsys)
    assert code == 0, err
    assert list((tmp_path / "out").rglob("*.pdf"))
