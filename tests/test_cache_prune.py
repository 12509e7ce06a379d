"""The cache folder pruned of entries no run uses (jpdocs/cache_prune.py): once a day at
most, at the end of a real generate.py run; what is deleted and what never is."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import SEED_SPEC, run_generate
from jpdocs import cache_prune

DAY = 86400


def _file(path: Path, days_unused: float, size: int = 10) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_bytes(b"x" * size)
    t = time.time() - days_unused * DAY
    os.utime(path, (t, t))
    return path


def _cache(tmp_path: Path) -> Path:
    root = tmp_path / "cache"
    root.mkdir(mode=0o700)
    return root


def test_entries_unused_for_the_idle_days_go_and_the_rest_stay(tmp_path):
    root = _cache(tmp_path)
    old = _file(root / "inputs" / "old.digests", cache_prune.IDLE_DAYS + 1)
    recent = _file(root / "inputs" / "recent.digests", cache_prune.IDLE_DAYS - 1)
    old_glyphs = _file(root / "glyphs" / "face-format1.marshal", 200)
    bundle = _file(root / "compiled" / "modules-0123456789abcdef.marshal", 200)
    writing = _file(root / "templates" / ".x.123-abc.part", 0.5)
    left_by_a_kill = _file(root / "templates" / ".y.456-def.part", 2)
    # one read yesterday, written long ago: the access time counts as use
    read = _file(root / "parsed" / "read.marshal", 300)
    os.utime(read, (time.time() - DAY, time.time() - 300 * DAY))

    deleted = cache_prune.prune(str(root), time.time())

    assert sorted(deleted) == sorted(map(str, [old, old_glyphs, left_by_a_kill]))
    for kept in (recent, bundle, writing, read):
        assert kept.exists(), kept


def test_links_and_folders_others_can_write_are_never_pruned(tmp_path):
    root = _cache(tmp_path)
    outside = _file(tmp_path / "users-own.yaml", 400)
    (root / "inputs").mkdir(mode=0o700)
    (root / "inputs" / "link.digests").symlink_to(outside)
    os.utime(root / "inputs" / "link.digests", (0, 0), follow_symlinks=False)
    shared = _file(root / "fonts" / "old.marshal", 400)
    os.chmod(root / "fonts", 0o777)            # not a folder this user alone can write: not the cache's
    (root / "elsewhere").symlink_to(tmp_path)  # a linked folder is not walked

    assert cache_prune.prune(str(root), time.time()) == []
    assert outside.exists() and shared.exists() and (root / "inputs" / "link.digests").is_symlink()


def test_over_the_budget_the_least_recently_used_go_first(tmp_path, monkeypatch):
    root = _cache(tmp_path)
    monkeypatch.setattr(cache_prune, "BUDGET", 250)
    oldest = _file(root / "templates" / "a.marshal", 30, size=100)
    middle = _file(root / "templates" / "b.marshal", 20, size=100)
    newest = _file(root / "parsed" / "c.marshal", 10, size=100)

    assert cache_prune.prune(str(root), time.time()) == [str(oldest)]
    assert middle.exists() and newest.exists()


@pytest.mark.parametrize("command", [["check"], []])
def test_a_real_run_prunes_once_a_day(tmp_path, command):
    root = _cache(tmp_path)
    env = {**os.environ, "JPDOCS_CACHE": str(root)}
    args = [*command, SEED_SPEC] + ([] if command else ["-o", tmp_path / "out"])
    first = _file(root / "inputs" / "a-set-of-files-long-changed.digests", 100)

    done = run_generate(*args, env=env)
    assert done.returncode == 0, done.stderr
    assert not first.exists()
    stamp = root / cache_prune.STAMP
    assert time.time() - stamp.stat().st_mtime < 600
    assert any((root / "inputs").iterdir()) or command      # the build's own entries stay

    # the next run of the same day walks nothing
    second = _file(root / "inputs" / "another-long-changed.digests", 100)
    done = run_generate(*args, env=env)
    assert done.returncode == 0, done.stderr
    assert second.exists()

    # a day later it does
    t = time.time() - DAY - 60
    os.utime(stamp, (t, t))
    done = run_generate(*args, env=env)
    assert done.returncode == 0, done.stderr
    assert not second.exists()
