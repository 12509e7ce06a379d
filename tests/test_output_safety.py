"""Output safety and faults: nothing the user had is lost, whatever happens while
writing — a kill, a read-only folder, a full disk — and the same spec always gives
the same bytes."""
from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jpdocs import atomic, cli, output

from conftest import ROOT, SEED_SPEC, run_generate

FILES = ("press-notice.pdf", "press-notice.docx")      # what a change of subject changes
ALL_FILES = FILES + ("overview.pdf", "overview.docx", "agreement.pdf", "agreement.docx",
                     "release.pdf")   # the notice with the overview sheet attached


def main(argv, capsys):
    code = cli.main([str(a) for a in argv])
    return code, capsys.readouterr().err


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def variant(tmp_path, subject="別の件名について", name="event.yaml") -> Path:
    text = SEED_SPEC.read_text(encoding="utf-8").replace(
        "subject: 北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について", f"subject: {subject}", 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def built(tmp_path, capsys):
    """A spec built once into tmp/out/event/: the 'old' files."""
    spec = variant(tmp_path, "最初の件名について")
    code, err = main([spec, "-o", tmp_path / "out"], capsys)
    assert code == 0, err
    return spec, tmp_path / "out" / "event"


# ------------------------------------------------------------ the manifest and --force
def test_a_rebuild_replaces_the_generators_own_files(built, tmp_path, capsys):
    spec, folder = built
    old = digest(folder)
    manifest = json.loads((folder / output.MANIFEST).read_text())
    assert sorted(manifest["files"]) == sorted(ALL_FILES)
    code, err = main([variant(tmp_path), "-o", tmp_path / "out"], capsys)
    assert code == 0, err
    new = digest(folder)
    assert all(new[f] != old[f] for f in FILES)
    assert sorted(p.name for p in folder.iterdir()) == sorted([output.MANIFEST, *ALL_FILES])   # no .part left


def test_a_file_edited_after_the_build_is_not_overwritten_without_force(built, tmp_path, capsys):
    spec, folder = built
    (folder / "press-notice.docx").write_bytes(b"edited in Word")
    before = digest(folder)
    code, err = main([variant(tmp_path), "-o", tmp_path / "out"], capsys)
    assert code == 1
    assert f"error: {folder / 'press-notice.docx'}: not overwritten: it was changed after jpdocs wrote it" in err
    assert "--force" in err
    assert digest(folder) == before                          # the PDF is not replaced either
    code, err = main([variant(tmp_path), "-o", tmp_path / "out", "--force"], capsys)
    assert code == 0, err
    assert (folder / "press-notice.docx").read_bytes()[:2] == b"PK"


def test_a_file_the_generator_did_not_write_is_refused(tmp_path, capsys):
    folder = tmp_path / "out" / "event"
    folder.mkdir(parents=True)
    (folder / "press-notice.pdf").write_bytes(b"%PDF- someone else's")
    code, err = main([variant(tmp_path), "-o", tmp_path / "out"], capsys)
    assert code == 1 and "not overwritten: jpdocs did not write it" in err
    assert (folder / "press-notice.pdf").read_bytes() == b"%PDF- someone else's"
    assert not (folder / "press-notice.docx").exists()


@pytest.mark.parametrize("file_name", ["...yaml", "..yaml", "a:b.yaml", " lead.yaml"])
def test_an_output_folder_name_cannot_escape_or_misbehave(file_name, tmp_path, capsys):
    (tmp_path / "specs").mkdir()
    spec = variant(tmp_path / "specs", name=file_name)
    out = tmp_path / "specs" / "out"
    code, err = main([spec, "-o", out], capsys)
    assert code == 1 and "cannot name an output folder" in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted(["specs", file_name])


# ------------------------------------------------------------ faults while writing
def test_an_output_path_through_a_file_is_a_clear_error(tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    code, err = main([SEED_SPEC, "-o", blocker / "out"], capsys)
    assert code == 1 and "cannot create the output folder: a file is in the way" in err
    assert "Traceback" not in err


def test_a_read_only_folder_is_a_clear_error_and_the_old_file_stays(built, tmp_path, capsys, monkeypatch):
    spec, folder = built
    before = digest(folder)

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))
    monkeypatch.setattr(output.os, "replace", refuse)        # tests run as root: chmod would not stop them
    code, err = main([variant(tmp_path), "-o", tmp_path / "out"], capsys)
    assert code == 1
    assert "cannot write: permission denied" in err and "choose another output folder with -o" in err
    assert digest(folder) == before                          # old files intact, no .part left


def test_a_full_disk_is_a_clear_error_and_the_old_file_stays(built, tmp_path, capsys, monkeypatch):
    spec, folder = built
    before = digest(folder)
    real_write = atomic._write_all

    def full(fd, data):
        if len(data) > 10_000:                               # the documents, not the small manifest
            real_write(fd, data[:len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(fd, data)
    monkeypatch.setattr(atomic, "_write_all", full)
    code, err = main([variant(tmp_path), "-o", tmp_path / "out"], capsys)
    assert code == 1
    assert "cannot write: the disk is full; free some space and build again" in err
    assert "Unchanged: press-notice.pdf, press-notice.docx" in err
    after = digest(folder)
    assert {f: after[f] for f in FILES} == {f: before[f] for f in FILES}
    assert sorted(after) == sorted(before)                   # no .part left
    monkeypatch.undo()
    code, err = main([variant(tmp_path), "-o", tmp_path / "out"], capsys)   # space freed: builds
    assert code == 0, err


KILLER = """
import os, sys, time
sys.path.insert(0, {root!r})
from jpdocs import cli, output
real = os.fsync
def slow_fsync(fd):
    if os.readlink(f"/proc/self/fd/{{fd}}").split("/")[-1].startswith(".{target}."):
        open({marker!r}, "w").close()
        time.sleep(60)
    real(fd)
output.os.fsync = slow_fsync
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
@pytest.mark.parametrize("target", FILES)
def test_a_kill_while_writing_leaves_old_or_new_files_and_the_next_run_cleans_up(target, built, tmp_path, capsys):
    spec, folder = built
    old = digest(folder)
    new_spec = variant(tmp_path)
    marker = tmp_path / "writing"
    proc = subprocess.Popen([sys.executable, "-c", KILLER.format(root=str(ROOT), target=target, marker=str(marker)),
                             str(new_spec), "-o", str(tmp_path / "out")], stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read()
        assert time.time() < deadline
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    parts = sorted(folder.glob(".*.part"))
    # Every file is staged before any is renamed: each changed file and the manifest
    # are written to .part files, then flushed together (output.stage_all); killed
    # while one was flushed, they are left as .part files, and every file is still
    # the old one.
    staged = {p.name[1:].rsplit(".", 2)[0] for p in parts}
    assert {target, output.MANIFEST} <= staged <= set(ALL_FILES) | {output.MANIFEST}, staged
    after = {f: hashlib.sha256((folder / f).read_bytes()).hexdigest() for f in FILES}
    assert after == {f: old[f] for f in FILES}
    json.loads((folder / output.MANIFEST).read_text())      # the manifest is whole too
    stale = time.time() - output.STALE_SECONDS - 10
    for p in parts:
        os.utime(p, (stale, stale))
    code, err = main([new_spec, "-o", tmp_path / "out"], capsys)     # no --force needed
    assert code == 0, err
    assert not list(folder.glob(".*.part"))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_killed_writer_not_yet_reaped_is_taken_for_gone_and_a_live_one_for_alive(built, tmp_path):
    """Right after a kill the writer is a zombie until its parent reaps it, and its
    process id still answers os.kill(pid, 0): a user re-running at once must still
    get the leftover cleaned, while a live writer's file is kept."""
    spec, folder = built
    marker = tmp_path / "writing"
    proc = subprocess.Popen([sys.executable, "-c", KILLER.format(root=str(ROOT), target="press-notice.pdf",
                                                                   marker=str(marker)),
                             str(variant(tmp_path)), "-o", str(tmp_path / "out")], stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read()
        assert time.time() < deadline
        time.sleep(0.05)
    parts = sorted(folder.glob(".*.part"))                           # (all flushed together: stage_all)
    assert "press-notice.pdf" in {p.name[1:].rsplit(".", 2)[0] for p in parts}
    assert all(f".{proc.pid}-" in p.name for p in parts)
    assert output.clean_stale_parts(folder, ALL_FILES) == []        # its writer is alive, writing
    assert all(p.exists() for p in parts)
    proc.send_signal(signal.SIGKILL)
    try:
        deadline = time.time() + 30
        while Path(f"/proc/{proc.pid}/stat").read_text().split(") ")[-1][0] != "Z":
            assert time.time() < deadline
            time.sleep(0.01)
        os.kill(proc.pid, 0)                                        # a zombie: the pid still answers
        # but its files are leftovers, once its last thread (one was flushing) is gone
        # and with it the locks on them: a moment after the process is a zombie. The
        # kernel closes a dying process's files one by one, so a clean in that moment
        # can find some parts free and others still held (seen once in the quick
        # suite): each is removed by the first clean that finds it free, none twice
        removed: list[Path] = []
        while len(removed) < len(parts):
            removed += output.clean_stale_parts(folder, ALL_FILES)
            assert time.time() < deadline, (removed, parts)
            time.sleep(0.01)
        assert sorted(removed) == parts
    finally:
        proc.wait()


def test_a_fresh_part_file_of_a_running_build_is_left_alone(built, tmp_path, capsys):
    spec, folder = built
    fresh = folder / ".press-notice.pdf.abc123.part"
    fresh.write_bytes(b"being written by another run")
    code, err = main([spec, "-o", tmp_path / "out"], capsys)
    assert code == 0, err
    assert fresh.exists()


# ------------------------------------------------------------ determinism
def test_the_same_spec_gives_the_same_bytes_across_hash_seeds_and_time_zones(tmp_path):
    results = []
    for seed, tz in [("0", "UTC"), ("1", "Asia/Tokyo"), ("4242", "America/Los_Angeles")]:
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": tz}
        out = tmp_path / f"{seed}-{tz.replace('/', '-')}"
        result = run_generate(SEED_SPEC, "-o", out, env=env)
        assert result.returncode == 0, result.stderr
        results.append(digest(out / SEED_SPEC.stem))
    assert results[0] == results[1] == results[2]
    assert sorted(results[0]) == sorted([output.MANIFEST, *ALL_FILES])
