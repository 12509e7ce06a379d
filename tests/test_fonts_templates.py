"""Glyph coverage with a real fallback font, and hostile user templates."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from jpdocs import cli

from conftest import ROOT, SEED_SPEC, needs_poppler, pdf_text

IPAMJ = Path("/usr/share/fonts/truetype/ipamj/ipamjm.ttf")     # Debian: fonts-ipamj-mincho
needs_ipamj = pytest.mark.skipif(not IPAMJ.is_file(), reason="fonts-ipamj-mincho not installed")


def spec_with(tmp_path, old, new, name="spec.yaml") -> Path:
    text = SEED_SPEC.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def main(argv, capsys):
    code = cli.main([str(a) for a in argv])
    return code, capsys.readouterr().err


def test_a_character_no_font_has_names_character_field_and_line(tmp_path, capsys):
    path = spec_with(tmp_path, "name: 道下", "name: 𠮷田")
    line = next(n for n, l in enumerate(path.read_text().splitlines(), 1) if "𠮷田" in l)
    code, err = main([path, "-o", tmp_path / "out"], capsys)
    assert code == 1
    assert (f"error: {path}:{line}: press_notice.press_request.contact.name: no font has this character:"
            " 𠮷 (U+20BB7)") in err
    assert "fallback_fonts" in err
    assert not (tmp_path / "out").exists()


@needs_ipamj
@needs_poppler
def test_a_fallback_font_draws_what_the_bizud_fonts_lack(tmp_path, capsys):
    path = spec_with(tmp_path, "name: 道下", "name: 𠮷田")
    style = tmp_path / "style.yaml"
    style.write_text(f"fallback_fonts: [{IPAMJ}]\n", encoding="utf-8")
    code, err = main([path, "-o", tmp_path / "out", "--style", style], capsys)
    assert code == 0, err
    folder = tmp_path / "out" / "spec"
    import subprocess
    fonts = subprocess.run(["pdffonts", str(folder / "press-notice.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"[A-Z]{6}\+IPAmjMincho\s", fonts), fonts                 # embedded, as a subset
    assert "担当：𠮷田" in pdf_text(folder / "press-notice.pdf").replace(" ", "")  # copies as 𠮷, not ₻
    xml = zipfile.ZipFile(folder / "press-notice.docx").read("word/document.xml").decode()
    run = re.search(r"<w:r>(?:(?!</w:r>).)*𠮷(?:(?!</w:r>).)*</w:r>", xml).group(0)
    assert 'w:eastAsia="IPAmj明朝"' in run and "田" not in run                  # only 𠮷 in the fallback
    assert re.search(r"<w:t>田", xml)


def test_a_missing_fallback_font_file_is_named(tmp_path, capsys):
    style = tmp_path / "style.yaml"
    style.write_text("fallback_fonts: [/nowhere/font.ttf]\n", encoding="utf-8")
    code, err = main(["check", SEED_SPEC, "--style", style], capsys)
    assert code == 1 and f"error: {style}:1: fallback_fonts[0]: font file not found: /nowhere/font.ttf" in err


TEMPLATE_HEAD = '<document kind="press-notice" title="t" author="a">\n'
HOSTILE_TEMPLATES = {
    "mro": ('<p>{{ "".__class__.__mro__ }}</p>', 2, "the sandbox refused it"),
    "globals": ("<p>{{ namespace.__init__.__globals__ }}</p>", 2, "the sandbox refused it"),
    "subclasses": ("<p>{{ ().__class__.__base__.__subclasses__() }}</p>", 2, "the sandbox refused it"),
    "format": ("<p>{{ '{0.__class__}'.format(notice) }}</p>", 2, "the sandbox refused it"),
    "memory": ("<p>{{ 'x' * 1000000000 }}</p>", 2, "repeating text or a list 1,000,000,000 times"),
    "syntax": ("<p>{% if %}</p>", 2, "template error: Expected an expression"),
    "undefined": ("\n<p>{{ notice.subjekt }}</p>", 3, "template uses an undefined value"),
    "mutation": ("<p>{{ notice.opening.append('x') }}</p>", 2, "the sandbox refused it"),
    "division": ("<p>{{ 1 / 0 }}</p>", 2, "ZeroDivisionError"),
    "include": ('<p>{% include "../../../../etc/passwd" %}</p>', 2, "template not found"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEMPLATES))
def test_a_hostile_template_is_stopped_with_its_file_and_line(name, tmp_path, capsys):
    body, line, fragment = HOSTILE_TEMPLATES[name]
    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "press-notice.xml.j2"
    template.write_text(TEMPLATE_HEAD + body + "\n</document>\n", encoding="utf-8")
    for argv in (["check", SEED_SPEC, "--templates", folder], [SEED_SPEC, "-o", tmp_path / "out", "--templates", folder]):
        code, err = main(argv, capsys)
        assert code == 1, err
        where = f"{template}:{line}:" if line else f"{template}:"
        assert err.startswith(f"error: {where}") and fragment in err, err
        assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("language, said", [
    ("C", "template not found: {name} (looked in {folders})"),
    ("ja_JP.UTF-8", "テンプレートが見つかりません: {name}（探した場所: {folders}）"),
])
def test_a_missing_include_is_named_at_the_line_that_includes_it(language, said, tmp_path, monkeypatch, capsys):
    """A template that includes (or imports) one that does not exist is refused at the
    including template's line, as the other template refusals are: in the template the
    build asked for, and in a template it included. Before, the file alone was named,
    and an include's own missing import was blamed on the template asked for."""
    monkeypatch.setenv("LANGUAGE", language)
    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "press-notice.xml.j2"
    looked = f"{folder}, {ROOT / 'templates'}"
    template.write_text(TEMPLATE_HEAD + "<p>x</p>\n{% include 'nowhere.j2' %}\n</document>\n", encoding="utf-8")
    code, err = main(["check", SEED_SPEC, "--templates", folder], capsys)
    assert code == 1 and "Traceback" not in err, err
    assert f"{template}:3: " + said.format(name="nowhere.j2", folders=looked) in err, err
    # one level down: the included template's own line, not the including one's
    (folder / "inner.j2").write_text("<p>y</p>\n\n{% import 'gone.j2' as gone %}\n", encoding="utf-8")
    template.write_text(TEMPLATE_HEAD + "<p>x</p>\n{% include 'inner.j2' %}\n</document>\n", encoding="utf-8")
    code, err = main([SEED_SPEC, "-o", tmp_path / "out", "--templates", folder], capsys)
    assert code == 1 and "Traceback" not in err, err
    assert f"{folder / 'inner.j2'}:3: " + said.format(name="gone.j2", folders=looked) in err, err
    assert not (tmp_path / "out").exists()


def test_a_missing_include_is_named_at_its_line_on_the_apps_page(tmp_path):
    """The app's page shows the problem's file and line in their own fields (preview.py),
    its message in the reader's language."""
    from jpdocs import i18n
    from jpdocs.app.preview import problem_json
    from jpdocs.build.documents import render_spec
    from jpdocs.errors import InputError
    from jpdocs.spec.load import load_spec
    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "press-notice.xml.j2"
    template.write_text(TEMPLATE_HEAD + "<p>x</p>\n{% include 'nowhere.j2' %}\n</document>\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        render_spec(load_spec(str(SEED_SPEC)), formats=("pdf",), templates=folder, kinds=["press-notice"])
    [problem] = refused.value.problems
    shown = problem_json(problem, i18n.messages("ja"))
    assert (shown["file"], shown["line"]) == (str(template), 3), shown
    assert shown["message"].startswith("テンプレートが見つかりません: nowhere.j2（探した場所: "), shown


def test_a_user_template_replaces_the_bundled_one_by_name(tmp_path, capsys):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "press-notice.xml.j2").write_text(
        TEMPLATE_HEAD + "<p>{{ notice.subject }}</p>\n</document>\n", encoding="utf-8")
    code, err = main([SEED_SPEC, "-o", tmp_path / "out", "--templates", folder, "--format", "docx"], capsys)
    assert code == 0, err
    xml = zipfile.ZipFile(tmp_path / "out" / SEED_SPEC.stem / "press-notice.docx").read("word/document.xml").decode()
    assert "包括連携協定締結式について" in xml and "報道機関各位" not in xml


@needs_poppler
def test_an_item_of_a_users_template_with_only_blocks_keeps_its_marker(tmp_path, capsys):
    """<item marker="３"> holding a table and no text of its own: reportlab draws a
    bullet only beside text, so the marker is printed as the item's own line."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "press-notice.xml.j2").write_text(
        TEMPLATE_HEAD + '<item marker="３　締結者"><table widths="0.5 0.5" border="none"><tr><td>北見市長</td>'
        "<td>辻　直孝</td></tr></table></item>\n</document>\n", encoding="utf-8")
    code, err = main([SEED_SPEC, "-o", tmp_path / "out", "--templates", folder, "--kinds", "press-notice",
                      "--format", "pdf,docx"], capsys)
    assert code == 0, err
    pdf = tmp_path / "out" / SEED_SPEC.stem / "press-notice.pdf"
    assert "３　締結者" in pdf_text(pdf).replace(" ", "　")
    xml = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml").decode()
    assert "３　締結者" in xml


def test_bad_markup_from_a_template_names_the_template(tmp_path, capsys):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "press-notice.xml.j2").write_text(
        TEMPLATE_HEAD + '<p style="nope">x</p>\n</document>\n', encoding="utf-8")
    code, err = main(["check", SEED_SPEC, "--templates", folder], capsys)
    # at the line that printed it (before: the file alone)
    line = (TEMPLATE_HEAD + '<p style="nope">').count("\n") + 1
    assert code == 1 and f"error: {folder / 'press-notice.xml.j2'}:{line} (the markup" in err, err
    assert "paragraph style 'nope' is not one of" in err


URL = "https://www.pref.hokkaido.lg.jp/ss/ssa/" + "kenkyu_renkei/" * 12 + "index.html?id=" + "0123456789" * 8


@needs_poppler
def test_a_very_long_url_prints_whole_in_a_paragraph_and_a_table_cell(tmp_path, capsys):
    text = SEED_SPEC.read_text(encoding="utf-8")
    text = text.replace("      phone: 0152-41-0618", f"      phone: 0152-41-0618\n      email: {URL}")
    text = text.replace("    - つきましては、", f"    - 詳細は{URL}をご覧ください。\n    - つきましては、")
    path = tmp_path / "url.yaml"
    path.write_text(text, encoding="utf-8")
    code, err = main([path, "-o", tmp_path / "out"], capsys)
    assert code == 0, err
    shown = re.sub(r"\s+", "", pdf_text(tmp_path / "out" / "url" / "press-notice.pdf"))
    assert shown.count(URL) == 2


def test_the_latin_font_role_draws_no_japanese_style_nor_span(tmp_path, capsys):
    """The house's `latin` role sets text in another language only: a paragraph style or
    a template's span that names it is an error (its Japanese would have no glyph)."""
    style = tmp_path / "office.yaml"
    style.write_text("name: 課\nstyles:\n  body:\n    font: latin\n", encoding="utf-8")
    code, err = main([SEED_SPEC, "-o", tmp_path / "out", "--style", style], capsys)
    assert code == 1
    assert (f"error: {style}:4: styles.body.font: font role 'latin' is not one of fonts: mincho, gothic,"
            " gothic-bold ('latin' sets text in another language only)") in err
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "press-notice.xml.j2").write_text(
        TEMPLATE_HEAD + '<p><span font="latin">{{ notice.subject }}</span></p>\n</document>\n', encoding="utf-8")
    code, err = main([SEED_SPEC, "-o", tmp_path / "out2", "--templates", folder], capsys)
    assert code == 1
    assert "font role 'latin' is not one of: mincho, gothic, gothic-bold" in err, err
    assert not (tmp_path / "out").exists() and not (tmp_path / "out2").exists()


def test_a_users_template_that_leaves_out_what_the_bundled_prints_is_warned_at_the_key(tmp_path):
    """A user's contact template written before contacts had `notes` prints no note:
    the build still makes the notice, and warns at the note's line that it is left out.
    The bundled templates given as the user's leave nothing out, so warn of nothing."""
    import shutil
    from conftest import ROOT, run_generate
    real = ROOT / "tests" / "data" / "real"
    case = real / "sgu-uchiko-2019.yaml"
    same = tmp_path / "same"
    shutil.copytree(ROOT / "templates", same)
    for spec in (SEED_SPEC, case):
        result = run_generate(spec, "-o", tmp_path / "a", "--templates", same, "--format", "pdf")
        assert result.returncode == 0, result.stderr
        assert "printed by the bundled template" not in result.stderr, result.stderr
    old = tmp_path / "old"
    old.mkdir()
    text = (ROOT / "templates" / "contact.xml.j2").read_text(encoding="utf-8")
    start = text.index("{#- the contact's own notes")
    (old / "contact.xml.j2").write_text(text[:start] + text[text.index("{% endfor %}", start) + 12:], encoding="utf-8")
    result = run_generate(case, "-o", tmp_path / "b", "--templates", old, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    line = next(n for n, t in enumerate(case.read_text(encoding="utf-8").splitlines(), 1) if "★を@に変えて" in t)
    assert (f"warning: {case}:{line}: press_notice.contacts[0].notes[0]: printed by the bundled template, not by"
            f" the one in {old}: the press-notice leaves it out") in result.stderr
    assert "★を@に変えて" not in pdf_text(tmp_path / "b" / case.stem / "press-notice.pdf")
