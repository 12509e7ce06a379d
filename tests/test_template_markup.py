"""A user's template (--templates) whose markup the writers cannot draw is refused by
the markup's parser (content/markup.py), never an internal error in the PDF or DOCX
writer: an empty table (found: the agreement template of before commit 88e0392 on
aso-taketa-fire-1998 made one, and reportlab failed with "must have at least a row and
column"), a row without cells, another element where rows or cells stand, numbers that
are not finite or past what a page holds, an unknown alignment, border or fit, a page
break in a cell, two seal places of one name, a text colour the house style lacks.

Each through the real command line with a small template written here: status 1, one
error naming the template file, the line that printed the element, and the spec,
nothing written, under `check` as under
the build; and a batch goes on to the next spec.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, SEED_SPEC, run_generate
from jpdocs.app.preview import problem_json
from jpdocs.build.documents import render_spec
from jpdocs.errors import InputError
from jpdocs.spec.load import load_spec

# the markup on the template's line 4 (behind a line a block tag opens, whose newline
# Jinja drops): the refusal names that line
DOCUMENT = "<document kind='press-notice' title='t' author='a'>\n<p>前</p>\n{{% if true %}}\n{}\n{{% endif %}}\n</document>"
LINE = 4

# name: (the template's markup inside <document>, the refusal it must get)
REFUSED = {
    "empty-table": ("<table widths='1'></table>",
                    "a <table> needs at least one <tr>, and each <tr> at least one <td>"),
    "empty-table-no-widths": ("<table></table>",
                              "a <table> needs at least one <tr>, and each <tr> at least one <td>"),
    "row-without-cells": ("<table widths='0.5 0.5'><tr><td>a</td><td>b</td></tr><tr/></table>",
                          "a <table> needs at least one <tr>, and each <tr> at least one <td>"),
    "paragraph-for-a-row": ("<table widths='1'><p>x</p></table>",
                            "<p> cannot stand in a <table>: its rows are <tr>, each of <td> cells"),
    "paragraph-for-a-cell": ("<table widths='1'><tr><p>x</p></tr></table>",
                             "<p> cannot stand in a <tr>: a row's cells are <td>"),
    "zero-width": ("<table widths='0'><tr><td>a</td></tr></table>",
                   "<table widths=\"0\">: each column's width a number above 0 (at most 1)"),
    "nan-width": ("<table widths='nan'><tr><td>a</td></tr></table>",
                  "<table widths=\"nan\">: each column's width a number above 0 (at most 1)"),
    "infinite-width": ("<table widths='inf'><tr><td>a</td></tr></table>",
                       "<table widths=\"inf\">: each column's width a number above 0 (at most 1)"),
    "wider-than-the-page": ("<table widths='5 5'><tr><td>a</td><td>b</td></tr></table>",
                            "<table widths=\"5 5\">: each column's width a number above 0 (at most 1)"),
    "shares-above-1": ("<table widths='0.8 0.8'><tr><td>a</td><td>b</td></tr></table>",
                       "<table widths=\"0.8 0.8\">: the columns' widths are shares of the width the table stands in,"
                       " together at most 1; these make 1.6"),
    "colspan-0": ("<table widths='0.5 0.5'><tr><td colspan='0'>a</td></tr></table>",
                  "<td colspan=\"0\">: a whole number from 1 to 99"),
    "huge-padding": ("<table widths='1' padding='1e6'><tr><td>x</td></tr></table>",
                     "<table padding=\"1e6\">: a number from 0 to 72"),
    "border": ("<table widths='1' border='zig'><tr><td>x</td></tr></table>",
               "<table border=\"zig\">: one of grid, box, none"),
    "fit": ("<table widths='1' fit='all'><tr><td>x</td></tr></table>",
            "<table fit=\"all\">: one of first, columns, rest, blocks"),
    "cell-align": ("<table widths='1'><tr><td align='diag'>x</td></tr></table>",
                   "<td align=\"diag\">: one of left, center, right, justify"),
    "text-colour": ("<table widths='1'><tr><td colour='zz'>x</td></tr></table>",
                    "colour 'zz' is not one of: "),
    "pagebreak-in-cell": ("<table widths='1'><tr><td><pagebreak/></td></tr></table>",
                          "<pagebreak> cannot stand in a table cell: a cell is never split across pages"),
    "paragraph-align": ("<p align='diagonal'>x</p>", "<p align=\"diagonal\">: one of left, center, right, justify, block"),
    "nan-space-after": ("<p after='nan'>x</p>", "<p after=\"nan\">: a number from 0 to 600"),
    "huge-indent": ("<p indent='1e6'>x</p>", "<p indent=\"1e6\">: a number from -40 to 40"),
    "nan-spacer": ("<spacer height='nan'/>", "<spacer height=\"nan\">: a number from 0 to 600"),
    "huge-spacer": ("<spacer height='1e9'/>", "<spacer height=\"1e9\">: a number from 0 to 600"),
    "heading-level": ("<h level='99'>x</h>", "<h level=\"99\">: a whole number from 1 to 6"),
    "huge-seal": ("<seal field='x' size='1e9'/>", "<seal size=\"1e9\">: a number from 10 to 300"),
    "seal-twice": ("<seal field='x'/><seal field='x'/>",
                   "<seal field=\"x\">: each seal place needs a name of its own, without \".\""),
    "reference-to-article-0": ("<p><ref article='0'>x</ref></p>",
                               "<ref> needs article=\"N\": the number of the article it names"),
    "deep": ("<keep>" * 41 + "<p>x</p>" + "</keep>" * 41, "the markup nests elements more than 40 deep"),
    "items-in-items": ("<item marker='1'>" * 11 + "x" + "</item>" * 11,
                       "the markup nests <item> in <item> more than 10 deep"),
    "attribute-without-effect": ("<p colour='red'>x</p>", "<p colour=\"red\">: <p> has no attribute colour (its"
                                 " attributes: style, align, indent, left, before, after, tracking, keep, breaks,"
                                 " lang, list, number, seq, link)"),
    "list": ("<p list='chapter' seq='1'>x</p>",
             "<p list=\"chapter\">: one of article, article_text, paragraph, item, subitem, article_heading"),
    "picture-not-found": ("<img src='nowhere.png' width='9' height='9' alt='x'/>",
                          "picture file not found: nowhere.png"),
    # refused by the house style's names after the markup was parsed: these named the file only
    "paragraph-style": ("<p style='zz'>x</p>", "paragraph style 'zz' is not one of the house style's: "),
    "cell-style-from-its-table": ("<table widths='1' style='zz'><tr><td>x</td></tr></table>",
                                  "paragraph style 'zz' is not one of the house style's: "),
    "font-role": ("<p>甲<span font='zz'>x</span></p>", "font role 'zz' is not one of: "),
}


def template_folder(folder: Path, markup: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "press-notice.xml.j2").write_text(markup, encoding="utf-8")
    return folder


# refused after the markup was parsed, by the checks of the model (the house style's
# colours) and of the pictures: named at the template's line all the same
# (build/documents.py, _elements_at_template_lines)


def assert_refused_at_template(result: subprocess.CompletedProcess, folder: Path, spec: Path, message: str,
                               line: int | None = LINE) -> None:
    err = result.stderr
    assert result.returncode == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    if line is None:
        where, after = f"error: {folder / 'press-notice.xml.j2'} (the markup it rendered for {spec}): ", ""
    else:
        where, after = f"error: {folder / 'press-notice.xml.j2'}:{line} (the markup it rendered for {spec}): ", ""
    assert any(each.startswith(where) and message in each and each.endswith(after) for each in err.splitlines()), \
        (where, message, err)


@pytest.mark.parametrize("name", REFUSED)
def test_markup_the_writers_cannot_draw_is_refused_at_the_template(name, tmp_path):
    body, message = REFUSED[name]
    folder = template_folder(tmp_path / "templates", DOCUMENT.format(body))
    out = tmp_path / "out"
    assert_refused_at_template(run_generate("check", SEED_SPEC, "--templates", folder), folder, SEED_SPEC, message)
    built = run_generate(SEED_SPEC, "-o", out, "--kinds", "press-notice", "--format", "pdf,docx",
                         "--templates", folder)
    assert_refused_at_template(built, folder, SEED_SPEC, message)
    assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()], "something was written"
    # the problem itself, as the app's page and its JSON read it: the line is the
    # template's, in its own field, the file the template's
    problem = next(p for p in problems_of(folder) if message in p.message)
    assert (problem.file, problem.line) == (str(folder / "press-notice.xml.j2"), LINE), problem
    assert problem.about == f"the markup it rendered for {SEED_SPEC}", problem
    shown = problem_json(problem)
    assert (shown["file"], shown["line"]) == (problem.file, LINE), shown


def problems_of(folder: Path, spec: Path = SEED_SPEC) -> list:
    """The problems of building the spec's notice with the templates of `folder`,
    in this process (as the app builds)."""
    with pytest.raises(InputError) as refused:
        render_spec(load_spec(str(spec)), formats=("pdf", "docx"), templates=folder, kinds=["press-notice"])
    return refused.value.problems


def test_a_batch_goes_on_after_a_template_the_writers_cannot_draw(tmp_path):
    # found: the agreement template of before 88e0392 made an empty table for this case
    # (withheld signers), and `check` stopped the batch at an internal error
    real = ROOT / "tests" / "data" / "real" / "aso-taketa-fire-1998.yaml"
    folder = tmp_path / "templates"
    folder.mkdir()
    old = subprocess.run(["git", "show", "88e0392^:templates/agreement.xml.j2"], cwd=ROOT, capture_output=True,
                         text=True)
    if old.returncode:
        pytest.skip("the repository's history is not here")
    (folder / "agreement.xml.j2").write_text(old.stdout, encoding="utf-8")
    result = run_generate("check", real, SEED_SPEC, "--templates", folder)
    err = result.stderr
    assert result.returncode == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    # the line of the template that printed the empty table
    line = next(n for n, text in enumerate(old.stdout.splitlines(), 1) if text.startswith('<table widths="{{ 0.3'))
    assert (f"error: {folder / 'agreement.xml.j2'}:{line} (the markup it rendered for {real}): a <table> needs"
            " at least one <tr>, and each <tr> at least one <td>") in err, err
    assert f"ok: {SEED_SPEC}" in result.stdout + err, result.stdout + err     # the next spec was checked


@pytest.mark.parametrize("widths", ["0.9999 0.0001", " ".join(["0.005"] * 200)], ids=["a-sliver", "200-columns"])
def test_a_column_its_padding_leaves_no_room_in_is_named(widths, tmp_path):
    # found: reportlab's "flowable given negative availWidth"; what a column is wide in
    # points is known only to the PDF writer, which names the cell and the widths
    body = f"<table widths='{widths}'><tr>" + "<td>甲</td>" * len(widths.split()) + "</tr></table>"
    folder = template_folder(tmp_path / "templates", DOCUMENT.format(body))
    out = tmp_path / "out"
    for argv in (["check", SEED_SPEC], [SEED_SPEC, "-o", out, "--format", "pdf,docx"]):
        result = run_generate(*argv, "--templates", folder)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
        # named at the template's line that printed the table, and the spec
        assert (f"error: {folder / 'press-notice.xml.j2'}:{LINE} (the markup it rendered for {SEED_SPEC}): the"
                " document cannot be laid out: the table cell 「甲」 stands in a column" in result.stderr), result.stderr
        assert "widen the column (the template's <table widths>)" in result.stderr, result.stderr
    assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()], "something was written"


def test_a_template_within_the_limits_still_builds(tmp_path):
    # the refusals' other side: the same elements at values the writers draw
    body = ("<p align='center' indent='-1' left='2' after='6' tracking='0.5'>見出し</p><spacer height='12'/>"
            "<table widths='0.3 0.7' border='box' padding='6' fit='first'><tr><td align='right' colspan='1'>日時</td>"
            "<td>２月２７日</td></tr><tr><td colspan='2'>会場</td></tr></table><h level='2'>x</h>")
    folder = template_folder(tmp_path / "templates", DOCUMENT.format(body))
    out = tmp_path / "out"
    result = run_generate(SEED_SPEC, "-o", out, "--kinds", "press-notice", "--format", "pdf,docx",
                          "--templates", folder)
    assert result.returncode == 0, result.stderr
    assert sorted(p.suffix for p in out.rglob("press-notice.*")) == [".docx", ".pdf"]


def test_a_refusal_names_the_line_of_an_included_template_and_of_broken_markup(tmp_path):
    # the element printed by a template the document's template includes, after a value
    # of the spec Jinja folds into the text around it and a comment: that file's line
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "press-notice.xml.j2").write_text(
        "<document kind='press-notice' title='t' author='a'>\n<p>{{ spec.issuer }}</p>\n"
        "{# the parts #}\n{% include 'part.xml.j2' %}\n</document>\n", encoding="utf-8")
    (folder / "part.xml.j2").write_text("<p>日本語の文</p>\n\n<p>{{ '値' }}</p><p align=\"{{ 'diag' }}\">x</p>\n",
                                        encoding="utf-8")
    out = tmp_path / "out"
    for argv in (["check", SEED_SPEC], [SEED_SPEC, "-o", out, "--kinds", "press-notice"]):
        result = run_generate(*argv, "--templates", folder)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr, result.stderr
        assert (f"error: {folder / 'part.xml.j2'}:3 (the markup it rendered for {SEED_SPEC}): <p align=\"diag\">:"
                " one of left, center, right, justify") in result.stderr, result.stderr
    # markup that is not well-formed: the template's line, not the rendered markup's
    (folder / "part.xml.j2").write_text("{% if true %}\n<p>日本語</p>\n<p>x</b>\n{% endif %}\n", encoding="utf-8")
    result = run_generate(SEED_SPEC, "-o", out, "--kinds", "press-notice", "--templates", folder)
    assert result.returncode == 1, result.stderr
    assert (f"error: {folder / 'part.xml.j2'}:3 (the markup it rendered for {SEED_SPEC}): the rendered template is"
            " not well-formed markup: mismatched tag" in result.stderr), result.stderr
    assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()], "something was written"


def test_a_refusal_in_a_macro_names_the_macros_line_and_the_lines_that_called_it(tmp_path):
    # found: the line named was the one that called the macro, and the problem's line
    # field was empty; a macro's output reaches the page inside its caller's
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "press-notice.xml.j2").write_text(
        "{% from 'rows.xml.j2' import row %}\n"                                   # 1
        "{% macro cells(values) %}\n"                                             # 2
        "{% for a in values %}\n"                                                 # 3
        "<td>{{ a }}</td><td\n"                                                   # 4
        "  align=\"{{ a }}\">x</td>\n"                                            # 5
        "{% endfor %}\n"                                                          # 6
        "{% endmacro %}\n"                                                        # 7
        "<document kind='press-notice' title='t' author='a'>\n"                   # 8
        "<p>{{ spec.issuer }}</p>\n"                                              # 9
        "<table widths='0.25 0.25 0.25 0.25'>\n"                                  # 10
        "<tr>{{ cells(['left', 'right']) }}</tr>\n"                               # 11
        "{{ row('') }}\n"                                                         # 12
        "<tr>{{ cells(['center', 'diag']) }}</tr>\n"                              # 13
        "</table>\n</document>\n", encoding="utf-8")
    (folder / "rows.xml.j2").write_text(
        "{% macro row(colour) %}\n"                                               # 1
        "<tr>{{ cell(colour) }}<td>乙</td><td>丙</td><td>丁</td></tr>\n"          # 2
        "{% endmacro %}\n"                                                        # 3
        "{% macro cell(colour) %}\n"                                              # 4
        "{% if colour %}\n"                                                       # 5
        "<td colour=\"{{ colour }}\">甲</td>\n"                                   # 6
        "{% else %}<td>甲</td>{% endif %}\n"                                      # 7
        "{% endmacro %}\n", encoding="utf-8")
    main, rows = folder / "press-notice.xml.j2", folder / "rows.xml.j2"
    rendered = f"the markup it rendered for {SEED_SPEC}"

    # the second call's second cell, printed on the macro's lines 4 and 5: its start tag's line
    text = main.read_text(encoding="utf-8")
    (problem,) = problems_of(folder)
    assert (problem.file, problem.line) == (str(main), 4), problem
    assert problem.about == f"in the macro called at {main}:13, {rendered}", problem
    assert problem.message == '<td align="diag">: one of left, center, right, justify'
    result = run_generate("check", SEED_SPEC, "--templates", folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"error: {main}:4 (in the macro called at {main}:13, {rendered}): <td align=\"diag\">" in result.stderr

    # a colour refused after the markup was parsed, in a macro a macro of another file called
    main.write_text(text.replace("'diag'", "'left'").replace("row('')", "row('zz')"), encoding="utf-8")
    (problem,) = problems_of(folder)
    assert (problem.file, problem.line) == (str(rows), 6), problem
    assert problem.about == f"in the macro called at {rows}:2, from {main}:12, {rendered}", problem
    assert problem.message.startswith("colour 'zz' is not one of: ")
    out = tmp_path / "out"
    result = run_generate(SEED_SPEC, "-o", out, "--kinds", "press-notice", "--templates", folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"error: {rows}:6 (in the macro called at {rows}:2, from {main}:12, {rendered}): colour 'zz'" \
        in result.stderr, result.stderr
    assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()], "something was written"

    # a picture not found, on the macro's line
    (folder / "rows.xml.j2").write_text((folder / "rows.xml.j2").read_text(encoding="utf-8").replace(
        "<td colour=\"{{ colour }}\">甲</td>", "<td><img src='nowhere.png' width='9' height='9' alt='x'/></td>"),
        encoding="utf-8")
    (problem,) = problems_of(folder)
    assert (problem.file, problem.line) == (str(rows), 6), problem
    assert problem.message.startswith("picture file not found: nowhere.png"), problem


def test_a_macro_called_without_end_in_one_piece_is_still_named_at_a_line(tmp_path):
    # a hostile template: a macro calling another twenty thousand times inside one
    # piece of output, the refused element in the last call; the calls past what is
    # traced are named at the line of the macro that called them
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "press-notice.xml.j2").write_text(
        "{% macro cell(i) %}\n"                                                   # 1
        "<p align=\"{{ 'diag' if i == 19999 else 'left' }}\">{{ i }}</p>\n"       # 2
        "{% endmacro %}\n"                                                        # 3
        "{% macro many() %}\n"                                                    # 4
        "{% for i in range(20000) %}\n"                                           # 5
        "{{ cell(i) }}\n"                                                         # 6
        "{% endfor %}\n"                                                          # 7
        "{% endmacro %}\n"                                                        # 8
        "<document kind='press-notice' title='t' author='a'>\n"                   # 9
        "{{ many() }}\n"                                                          # 10
        "</document>\n", encoding="utf-8")
    main = folder / "press-notice.xml.j2"
    (problem,) = problems_of(folder)
    assert (problem.file, problem.line) == (str(main), 6), problem
    assert problem.about == f"in the macro called at {main}:10, the markup it rendered for {SEED_SPEC}", problem
    result = run_generate("check", SEED_SPEC, "--templates", folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"error: {main}:6 (in the macro called at {main}:10, " in result.stderr, result.stderr


@pytest.mark.parametrize("markup, line, message", [
    ("\n<document kind='press-notice' orientation='sideways' title='t' author='a'>\n<p>x</p>\n</document>", 2,
     "orientation must be portrait or landscape, not 'sideways'"),
    ("{% if true %}\n<document kind='press-notice' title='t' author='a'>text<p>x</p>\n</document>{% endif %}", 2,
     "text outside a paragraph in <document>: 'text'"),
    ("\n\n<page kind='press-notice'>\n<p>x</p>\n</page>", 3, "the markup's root must be <document>, not <page>"),
])
def test_a_refusal_of_the_markups_root_names_the_line_of_its_document_element(markup, line, message, tmp_path):
    """The root's refusals (its orientation, text straight in it, another root) named
    the template's file only: now its line, that of the <document> element."""
    folder = template_folder(tmp_path / "templates", markup)
    assert_refused_at_template(run_generate("check", SEED_SPEC, "--templates", folder), folder, SEED_SPEC, message,
                               line)


def test_a_style_or_font_role_refused_in_a_macro_names_the_macros_line_and_its_call(tmp_path):
    """A paragraph style or font role the house style has not, written by a macro: the
    macro's line that wrote it, and the line that called the macro (before: the file
    alone); the other call, with names the house has, is not the one named."""
    folder = template_folder(tmp_path / "templates", (
        "{% macro part(style, font) %}\n"                                           # 1
        "<p style='{{ style }}'>甲\n"                                                # 2
        "<span font='{{ font }}'>乙</span></p>\n"                                    # 3
        "{% endmacro %}\n"                                                           # 4
        "<document kind='press-notice' title='t' author='a'>\n"                      # 5
        "{{ part('body', 'gothic') }}\n"                                             # 6
        "{{ part('zz', 'gothic') }}\n"                                               # 7
        "{{ part('body', 'yy') }}\n"                                                 # 8
        "</document>\n"))
    main = folder / "press-notice.xml.j2"
    style, font = problems_of(folder)
    assert (style.file, style.line, font.file, font.line) == (str(main), 2, str(main), 3), (style, font)
    assert style.message.startswith("paragraph style 'zz' is not one of the house style's: ")
    assert style.about == f"in the macro called at {main}:7, the markup it rendered for {SEED_SPEC}", style
    assert font.message.startswith("font role 'yy' is not one of: ")
    assert font.about == f"in the macro called at {main}:8, the markup it rendered for {SEED_SPEC}", font
