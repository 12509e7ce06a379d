"""templates_used: a template and those it includes, each from the first folder that
has it, each read and checked; a template read before is not read again until it
changes."""
from __future__ import annotations

import os
import time

import pytest

from jpdocs.errors import InputError
from jpdocs.spec import textfile
from jpdocs.spec.textfile import templates_used


@pytest.fixture
def folders(tmp_path):
    mine, bundled = tmp_path / "mine", tmp_path / "bundled"
    mine.mkdir()
    bundled.mkdir()
    (bundled / "a.j2").write_text('{% include "b.j2" %}', encoding="utf-8")
    (bundled / "b.j2").write_text("b", encoding="utf-8")
    return mine, bundled


def test_includes_are_followed_and_the_users_folder_comes_first(folders):
    mine, bundled = folders
    assert templates_used("a.j2", (bundled,)) == [bundled / "a.j2", bundled / "b.j2"]
    (mine / "b.j2").write_text('{% include "c.j2" %}', encoding="utf-8")
    assert templates_used("a.j2", (mine, bundled)) == [bundled / "a.j2", mine / "b.j2", bundled / "c.j2"]


def test_a_template_read_before_is_not_read_again_until_it_changes(folders, monkeypatch):
    mine, bundled = folders
    reads = []
    real = textfile.read_utf8
    monkeypatch.setattr(textfile, "read_utf8", lambda path, *a, **k: reads.append(path.name) or real(path, *a, **k))
    templates_used("a.j2", (bundled,))
    templates_used("a.j2", (bundled,))
    assert sorted(reads) == ["a.j2", "b.j2"]
    # the same size and modification time: still a change (its ctime moved on)
    st = (bundled / "b.j2").stat()
    time.sleep(0.05)                  # past the file system's clock tick
    (bundled / "b.j2").write_text("x", encoding="utf-8")
    os.utime(bundled / "b.j2", ns=(st.st_atime_ns, st.st_mtime_ns))
    reads.clear()
    assert templates_used("a.j2", (bundled,)) == [bundled / "a.j2", bundled / "b.j2"]
    assert reads == ["b.j2"]


def test_a_template_changed_to_another_encoding_is_refused_after_it_was_read(folders):
    mine, bundled = folders
    templates_used("a.j2", (bundled,))
    (bundled / "b.j2").write_bytes("見出し".encode("cp932"))
    with pytest.raises(InputError) as exc:
        templates_used("a.j2", (bundled,))
    assert "the template is not UTF-8 text (first bad byte at line 1)" in exc.value.problems[0].message


def test_a_missing_include_is_named_in_the_last_folder(folders):
    mine, bundled = folders
    (bundled / "b.j2").unlink()
    assert templates_used("a.j2", (mine, bundled)) == [bundled / "a.j2", bundled / "b.j2"]
