"""The manifest writes of write_outputs: the one before the files is made only when
a file changes, and a build stopped before the last manifest leaves a folder the
next build accepts without --force, whether a file changed or not."""
from __future__ import annotations

import hashlib
import json
import os

import pytest

from jpdocs import output


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def manifest_writes(monkeypatch):
    """The manifests written, as (files, stamp) in order (each is made by _manifest:
    the one before the files is staged with them, the one after written alone)."""
    seen = []
    real = output._manifest

    def spy(files, owner=None, stamp=None):
        seen.append(({k: sorted(v) for k, v in files.items()}, stamp))
        return real(files, owner, stamp)
    monkeypatch.setattr(output, "_manifest", spy)
    return seen


def test_the_manifest_before_the_files_is_written_only_when_a_file_changes(tmp_path, manifest_writes):
    folder = tmp_path / "x"
    output.write_outputs(folder, {"a.pdf": b"one"}, stamp="s1")
    assert manifest_writes == [({"a.pdf": [sha(b"one")]}, None), ({"a.pdf": [sha(b"one")]}, "s1")]
    manifest_writes.clear()
    output.write_outputs(folder, {"a.pdf": b"one"}, stamp="s2")           # the same document again
    assert manifest_writes == [({"a.pdf": [sha(b"one")]}, "s2")]
    manifest_writes.clear()
    output.write_outputs(folder, {"a.pdf": b"two"}, stamp="s3")           # changed: old and new first
    assert manifest_writes == [({"a.pdf": sorted([sha(b"one"), sha(b"two")])}, None),
                               ({"a.pdf": [sha(b"two")]}, "s3")]
    assert output.read_manifest(folder) == {"a.pdf": [sha(b"two")]}
    assert output.manifest_stamp(folder) == "s3"


def test_a_file_forced_over_a_foreign_one_of_the_same_content_is_listed_first(tmp_path, manifest_writes):
    """Content the manifest does not list yet (a file jpdocs did not write, replaced
    with --force by the same bytes) is listed before anything else happens."""
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"one")
    output.write_outputs(folder, {"a.pdf": b"one"}, force=True, stamp="s1")
    assert [stamp for _, stamp in manifest_writes] == [None, "s1"]


@pytest.mark.parametrize("second", [b"one", b"two"], ids=["unchanged", "changed"])
def test_a_build_stopped_before_the_last_manifest_leaves_a_folder_the_next_build_accepts(
        tmp_path, monkeypatch, second):
    folder = tmp_path / "x"
    output.write_outputs(folder, {"a.pdf": b"one", "b.docx": b"doc"}, stamp="s1")
    real = output._write_manifest

    def stopped(folder, files, owner=None, stamp=None, durable=True):
        if stamp is not None:
            raise KeyboardInterrupt           # killed after the files are in place
        real(folder, files, owner, stamp, durable)
    monkeypatch.setattr(output, "_write_manifest", stopped)
    with pytest.raises(KeyboardInterrupt):
        output.write_outputs(folder, {"a.pdf": second, "b.docx": b"doc"}, stamp="s2")
    assert (folder / "a.pdf").read_bytes() == second
    kept = json.loads((folder / output.MANIFEST).read_text())
    assert sha(second) in kept["files"]["a.pdf"]
    # no stamp of the stopped build; the old one only if nothing changed on disk
    assert kept["build"] == ("s1" if second == b"one" else None)
    monkeypatch.undo()
    output.write_outputs(folder, {"a.pdf": b"three", "b.docx": b"doc"}, stamp="s3")   # no --force needed
    assert output.read_manifest(folder) == {"a.pdf": [sha(b"three")], "b.docx": [sha(b"doc")]}


def test_stale_parts_are_found_as_a_glob_of_each_name_found_them(tmp_path):
    """clean_stale_parts lists the folder once: it removes what `.{name}.*.part`
    globbed for each name (and the manifest's), in the same order."""
    import os
    import random
    import re
    import time

    def globbed(folder, names):
        escape = lambda t: re.sub(r"([*?\[])", r"[\1]", t)          # noqa: E731
        return [p for name in list(names) + [output.MANIFEST] for p in folder.glob(f"{escape('.' + name + '.')}*.part")]
    rng = random.Random(4)
    names = ["a.pdf", "b[1].docx", "c*.pdf", "release.pdf", "a.pdf.part"]
    pieces = ["", ".", "x", "1-ab", ".part", "part", "pdf", "[1]", "*"]
    for round_ in range(20):
        folder = tmp_path / str(round_)
        folder.mkdir()
        made = {"." + rng.choice(names + [output.MANIFEST]) + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
                for _ in range(30)}
        old = time.time() - output.STALE_SECONDS - 10
        for n in made:
            (folder / n).write_bytes(b"")
            os.utime(folder / n, (old, old))               # stale by age: every match is removed
        expected = list(dict.fromkeys(globbed(folder, names)))      # (one file matching two names: once)
        assert output.clean_stale_parts(folder, names) == expected
        assert not globbed(folder, names)
        assert len(list(folder.iterdir())) == len(made) - len(expected)


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_a_builds_files_and_first_manifest_are_flushed_side_by_side(tmp_path, monkeypatch):
    """output.stage_all: the manifest written before the files and the files are on
    disk (os.fsync) before any is renamed, and their flushes run at once, not in turn:
    each flush here waits at a barrier that opens only when all three wait at it
    (flushed in turn, the first would wait alone and the barrier break)."""
    import threading
    folder = tmp_path / "x"
    barrier = threading.Barrier(3, timeout=30)
    flushed = []
    real = os.fsync

    def fsync(fd):
        name = os.readlink(f"/proc/self/fd/{fd}").rsplit("/", 1)[-1]
        assert not (folder / "a.pdf").exists(), "a file was renamed before every flush was done"
        barrier.wait()
        flushed.append(name.split(".")[1])
        real(fd)
    monkeypatch.setattr(os, "fsync", fsync)
    written = output.write_outputs(folder, {"a.pdf": b"one", "b.docx": b"two"}, stamp="s1")
    assert [p.name for p in written] == ["a.pdf", "b.docx"]
    assert sorted(flushed) == ["", "a", "b"]        # the manifest's part (..jpdocs-manifest…) and the two files
    assert (folder / "a.pdf").read_bytes() == b"one" and output.manifest_stamp(folder) == "s1"
    assert not list(folder.glob(".*.part"))


@pytest.mark.parametrize("kind", ["link", "folder", "pipe"])
def test_a_target_that_is_not_a_plain_file_is_refused_at_once_and_nothing_is_written(tmp_path, kind):
    """Looked at through one open (no link followed, no wait on a pipe), as the four
    stat calls it replaced did: refused, with or without --force, and no file written."""
    folder = tmp_path / "x"
    folder.mkdir()
    (tmp_path / "elsewhere.pdf").write_bytes(b"theirs")
    target = folder / "a.pdf"
    {"link": lambda: target.symlink_to(tmp_path / "elsewhere.pdf"), "folder": target.mkdir,
     "pipe": lambda: os.mkfifo(target)}[kind]()
    for force in (False, True):
        with pytest.raises(output.InputError) as caught:
            output.write_outputs(folder, {"a.pdf": b"one", "b.docx": b"two"}, force=force)
        assert [(p.file, p.message) for p in caught.value.problems] == [
            (str(target), "this is not a plain file; move it away")]
    assert sorted(p.name for p in folder.iterdir()) == ["a.pdf"]
    assert (tmp_path / "elsewhere.pdf").read_bytes() == b"theirs"


def test_existing_files_are_read_whole_to_tell_ours_from_others(tmp_path):
    folder = tmp_path / "x"
    big = os.urandom(300_000)
    output.write_outputs(folder, {"a.pdf": big, "b.docx": b""})
    output.write_outputs(folder, {"a.pdf": big + b"!", "b.docx": b"x"})        # ours: replaced
    (folder / "a.pdf").write_bytes(big)                                          # someone else's
    with pytest.raises(output.InputError, match="changed after jpdocs wrote it"):
        output.write_outputs(folder, {"a.pdf": b"one"})
    assert (folder / "a.pdf").read_bytes() == big


@pytest.mark.parametrize("files, owner, stamp", [
    ({}, None, None),
    ({"press-notice.pdf": [sha(b"a")]}, "/specs/notice.yaml", sha(b"s")),
    ({"b.docx": [sha(b"2"), sha(b"1"), sha(b"2")], "a.pdf": []}, "/specs/協定 \"x\"\\y.yaml", None),
    ({'q"uote\\back\nline\ttab\x01\x7f\u2028.pdf': ["x"], "𠮷野家-写.pdf": ["b", "a"]}, "/a\x1fb", "\x00"),
    ({"a.pdf": [1]}, None, None),                          # not a manifest's shape: json's own
    ({"a.pdf": ["x"]}, 3, None),
])
def test_the_manifest_spelled_by_hand_is_the_one_json_writes(files, owner, stamp):
    made = output._manifest(files, owner, stamp)
    assert made == output.manifest_json(files, owner, stamp)
    assert json.loads(made) == {"generator": "jpdocs", "note": output._NOTE, "spec": owner, "build": stamp,
                                "files": {k: sorted(set(v)) for k, v in files.items()}}
