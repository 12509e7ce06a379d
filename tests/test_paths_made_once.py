"""A build's paths handed on as they are, not made again (issue #17).

A Path made from a Path parses its parts anew (~25 K instructions), and a build made a
dozen (the output folder, the spec's path, the style's, the templates' folders and each
template's parent). `files.as_path` takes a Path as it is; the style's source and a
template's folder are told by their text. Each must answer as the Path made again did:
checked here on the values a build hands on, and by building specs whose answers differ.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath

import pytest

from jpdocs import cli
from jpdocs.build import documents
from jpdocs.files import as_path
from jpdocs.spec.style import DEFAULT_STYLE, TEMPLATES

from conftest import SEED_SPEC


class _MyPath(type(Path())):
    pass


@pytest.mark.parametrize("given", [Path("/a/b/c.yaml"), Path("out"), Path("."), Path("a//b/./c/"),
                                   "/a/b/c.yaml", "out", "./out/", "a//b/./c/", "", PurePosixPath("a/b"),
                                   _MyPath("x/y")])
def test_as_path_is_what_path_makes(given):
    made = as_path(given)
    assert made == Path(given) and str(made) == str(Path(given))
    assert type(made) is type(Path(given))          # a subclass or a pure path: made again, as Path() makes it
    if type(given) is type(Path()):
        assert made is given                         # a Path: taken as it is


@pytest.mark.parametrize("given", [None, 3, b"/a/b"])
def test_as_path_refuses_what_path_refuses(given):
    with pytest.raises(TypeError):
        Path(given)
    with pytest.raises(TypeError):
        as_path(given)


def test_a_template_is_told_bundled_by_its_folder_as_by_its_parent(tmp_path, monkeypatch):
    """documents.make_documents tells a user's template from a bundled one by its
    folder's text: the same answer as `f.parent != TEMPLATES`, for bundled files, a
    file in a folder inside the bundled one, and a user's folder given relative,
    absolute, or spelled with ./ and //."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine").mkdir()
    files = [TEMPLATES / "press-notice.xml.j2", TEMPLATES / "contact.xml.j2", TEMPLATES / "sub" / "x.xml.j2",
             TEMPLATES.parent / "press-notice.xml.j2", Path("mine") / "press-notice.xml.j2",
             Path("./mine//") / "press-notice.xml.j2", Path("press-notice.xml.j2"),
             tmp_path / "mine" / "press-notice.xml.j2", Path("/press-notice.xml.j2")]
    for f in files:
        assert (os.path.dirname(str(f)) != documents._BUNDLED) == (f.parent != TEMPLATES), f


def test_a_users_template_is_checked_against_the_bundled_and_ours_is_not(tmp_path, monkeypatch, capsys):
    """The build renders the bundled template beside a user's (template_coverage) only
    where a file of the document came from the user's folder: here a folder given by
    a relative path holding one of the notice's included templates."""
    checked = []
    real = documents._against_bundled
    monkeypatch.setattr(documents, "_against_bundled", lambda *a, **k: checked.append(a[2].name) or real(*a, **k))
    monkeypatch.chdir(tmp_path)
    args = [str(SEED_SPEC), "--kinds", "press-notice", "--format", "pdf"]
    assert cli.main(args + ["-o", "ours"]) == 0, capsys.readouterr().err
    assert checked == []
    (tmp_path / "mine").mkdir()
    shutil.copy(TEMPLATES / "contact.xml.j2", tmp_path / "mine" / "contact.xml.j2")
    assert cli.main(args + ["-o", "theirs", "--templates", "mine"]) == 0, capsys.readouterr().err
    assert checked == ["press-notice"]
    name = f"{SEED_SPEC.stem}/press-notice.pdf"
    assert (tmp_path / "ours" / name).is_file() and (tmp_path / "theirs" / name).is_file()


def test_the_record_lists_the_house_style_once_however_it_is_named(tmp_path):
    """The build's inputs (record.input_files) name the default house style once, whether
    the build takes it by default, by its own path, or by another spelling of that path
    (the style's source is then that spelling's text, not str(DEFAULT_STYLE)); a style
    of the user's is listed beside it."""
    from jpdocs.build.documents import style_for
    from jpdocs.build.record import input_files
    from jpdocs.spec.load import load_spec
    from jpdocs.spec.style import load_style
    loaded = load_spec(SEED_SPEC)
    spelled = str(DEFAULT_STYLE.parent) + "//./" + DEFAULT_STYLE.name
    mine = tmp_path / "mine.yaml"
    mine.write_text("agreement: {item_digits: half}\n", encoding="utf-8")
    listed = {}
    for name, style in [("default", style_for(loaded)), ("by path", load_style(DEFAULT_STYLE)),
                        ("spelled", load_style(spelled)), ("mine", load_style(mine))]:
        inputs = input_files(loaded, style, ("pdf",))
        listed[name] = [p for p in inputs if p.name in (DEFAULT_STYLE.name, mine.name)]
        assert len(inputs) == len(set(inputs)), name
    assert listed["default"] == listed["by path"] == listed["spelled"] == [DEFAULT_STYLE.resolve()]
    assert sorted(listed["mine"]) == sorted([DEFAULT_STYLE.resolve(), mine.resolve()])


def test_the_output_folder_given_as_text_or_as_a_path_writes_the_same(tmp_path):
    """write_outputs takes the folder as text or as a Path (taken as it is): the same
    files, named by the same paths."""
    from jpdocs.output import write_outputs
    as_text = write_outputs(str(tmp_path / "a" / "x"), {"n.pdf": b"%PDF-1.4 one"})
    folder = tmp_path / "b" / "x"
    as_given = write_outputs(folder, {"n.pdf": b"%PDF-1.4 one"})
    assert [p.relative_to(tmp_path / "a") for p in as_text] == [p.relative_to(tmp_path / "b") for p in as_given]
    assert all(type(p) is type(Path()) for p in as_text + as_given)
    assert (tmp_path / "a" / "x" / "n.pdf").read_bytes() == (folder / "n.pdf").read_bytes()
