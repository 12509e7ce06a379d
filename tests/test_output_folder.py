"""A spec's output folder made (output._make_folder): tried at once, and looked at only
when something is already there. Every kind of thing in the folder's place gives what
the plain way gives (ask whether it is a link, then Path.mkdir(parents=True,
exist_ok=True)): the same folder made, or the same message, and nothing else changed."""
from __future__ import annotations

import os

import pytest

from jpdocs import output
from jpdocs.errors import InputError


def plain_way(folder, follow_link: bool) -> None:
    """What write_outputs asked before the folder was made first."""
    if folder.is_symlink() and not follow_link:
        raise output._linked(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output.fail(str(folder), f"cannot create the output folder: {output.describe(exc)}") from None


PLACES = {
    "absent": lambda root: None,
    "parents absent": lambda root: None,
    "a folder": lambda root: (root / "x").mkdir(),
    "a file": lambda root: (root / "x").write_bytes(b"theirs"),
    "a link to a folder": lambda root: ((root / "elsewhere").mkdir(), (root / "x").symlink_to(root / "elsewhere")),
    "a link to a file": lambda root: ((root / "elsewhere").write_bytes(b"theirs"),
                                      (root / "x").symlink_to(root / "elsewhere")),
    "a link to nothing": lambda root: (root / "x").symlink_to(root / "nowhere"),
    "a path through a file": lambda root: (root / "x").write_bytes(b"theirs"),
}


def _outcome(make, folder, follow_link):
    try:
        make(folder, follow_link)
    except InputError as exc:
        return [(p.file, p.message) for p in exc.problems]
    return "made"


def _tree(root):
    return sorted((str(p.relative_to(root)), p.is_symlink(), p.is_dir()) for p in root.rglob("*"))


@pytest.mark.parametrize("follow_link", [False, True], ids=["spec folder", "named output folder"])
@pytest.mark.parametrize("place", list(PLACES))
def test_the_folder_is_made_or_refused_as_the_plain_way_does(tmp_path, place, follow_link):
    seen = {}
    for way, make in (("plain", plain_way), ("fast", output._make_folder)):
        root = tmp_path / way
        root.mkdir()
        PLACES[place](root)
        folder = root / "x"
        if place == "parents absent":
            folder = root / "a" / "b" / "x"
        elif place == "a path through a file":
            folder = root / "x" / "y"
        outcome = _outcome(make, folder, follow_link)
        if outcome != "made":                      # the message names the folder: said relative to its root
            outcome = [(f.replace(str(root), "ROOT"), m.replace(str(root), "ROOT")) for f, m in outcome]
        seen[way] = (outcome, _tree(root))
    assert seen["fast"] == seen["plain"]
    expected_made = place in ("absent", "parents absent", "a folder") or (
        follow_link and place == "a link to a folder")
    assert (seen["fast"][0] == "made") == expected_made


def test_a_new_folder_takes_one_call_and_an_existing_one_two(tmp_path, monkeypatch):
    """The step itself: a new folder is made by one mkdir, with no look first (a
    regression to asking first would still pass the test above)."""
    calls = []
    for name in ("mkdir", "lstat", "stat"):
        real = getattr(os, name)
        monkeypatch.setattr(os, name, lambda *a, _real=real, _name=name, **k: (calls.append(_name), _real(*a, **k))[1])
    output._make_folder(tmp_path / "x", False)
    assert calls == ["mkdir"]
    calls.clear()
    output._make_folder(tmp_path / "x", False)
    assert calls == ["mkdir", "lstat"]


@pytest.mark.parametrize("where", ["absolute", "relative", "bare name"])
def test_a_temporary_file_is_named_from_a_paths_text_as_from_the_path(tmp_path, monkeypatch, where):
    """atomic._make_part splits a path's text (os.path.split) where it took the Path's
    parent and name: the same name either way, beside the target."""
    from pathlib import Path

    from jpdocs import atomic
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    monkeypatch.setattr(os, "urandom", lambda n: bytes(range(n)))
    target = {"absolute": tmp_path / "sub" / "a.pdf", "relative": Path("sub/a.pdf"), "bare name": Path("a.pdf")}[where]
    plain = os.path.join(target.parent, f".{target.name}.{os.getpid()}-{bytes(range(6)).hex()}.part")
    for given in (target, str(target)):
        fd, tmp = atomic._make_part(given)
        os.close(fd)
        os.unlink(tmp)
        assert tmp == plain


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_names_its_temporary_files_by_its_own_process_id(tmp_path):
    """The process id is asked once per process (atomic._pid): a forked child asks again."""
    from jpdocs import atomic
    assert atomic._pid() == os.getpid()
    read, write = os.pipe()
    child = os.fork()
    if child == 0:                                     # (the child: says what it named, and ends)
        try:
            fd, tmp = atomic._make_part(str(tmp_path / "a.pdf"))
            os.write(write, f"{os.getpid()} {os.path.basename(tmp)}".encode())
        finally:
            os._exit(0)
    os.close(write)
    said = os.read(read, 1000).decode()
    os.waitpid(child, 0)
    pid, name = said.split()
    assert int(pid) == child and name.startswith(f".a.pdf.{child}-")
    assert atomic._pid() == os.getpid()
