"""The files every run parses, read back from the cache (jpdocs/spec/parsed.py), are
what parsing them gives; a damaged, foreign or stale entry is never read as data."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED_SPEC
from jpdocs.errors import InputError
from jpdocs.spec import parsed, source

FILES = [ROOT / "templates" / "house-style.yaml", ROOT / "templates" / "articles.yaml",
         *sorted((ROOT / "specs").glob("*.yaml")),
         *sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml") if not p.name.endswith(".facts.yaml"))]


def _same(a, b) -> bool:
    """Equal, and of the same types all the way down (1, 1.0 and True are equal)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(k, j) and _same(a[k], b[j]) for k, j in zip(a, b))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(map(_same, a, b))
    return a == b


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("JPDOCS_CACHE", str(tmp_path))
    return tmp_path / "parsed"


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.marshal"))


def test_a_kept_parse_is_the_parse(cache, monkeypatch):
    """Stored on a first parse, read back on the next (the parser is not called):
    the same data and lines, key order and types included, for the bundled files and
    every bundled and real spec."""
    assert (ROOT / "templates" / "articles.yaml").is_file()
    wanted = {}
    for path in FILES:
        raw = path.read_bytes()
        wanted[path] = source.parse_yaml(path, raw)
        assert _same(parsed.parse_yaml_kept(path, raw), wanted[path]), path
    assert len(_entries(cache)) == len({p.read_bytes() for p in FILES}) > 50

    def refuse(*_):
        raise AssertionError("parsed again, though kept")
    monkeypatch.setattr(source, "parse_yaml", refuse)
    for path in FILES:
        assert _same(parsed.parse_yaml_kept(path, path.read_bytes()), wanted[path]), path
    assert _same(parsed.load_yaml_kept(FILES[0], "house style"), wanted[FILES[0]])


@pytest.mark.parametrize("damage", ["cut short", "a byte changed", "empty", "not marshal", "not a parse"])
def test_a_damaged_entry_is_parsed_past_and_stored_anew(cache, damage):
    import hashlib
    import marshal
    path = FILES[0]
    raw = path.read_bytes()
    wanted = source.parse_yaml(path, raw)
    parsed.parse_yaml_kept(path, raw)
    entry, = _entries(cache)
    good = entry.read_bytes()
    if damage == "cut short":
        bad = good[:len(good) // 2]
    elif damage == "a byte changed":                # (a number in the data: still marshal, other data)
        at = good.rindex(marshal.dumps(12)[1:])
        bad = good[:at] + bytes([good[at] ^ 1]) + good[at + 1:]
    elif damage == "empty":
        bad = b""
    else:                                           # its own digest right, its data not a parse
        payload = b"garbage" if damage == "not marshal" else marshal.dumps({"name": "偽"})
        bad = hashlib.blake2b(payload, digest_size=16).digest() + payload
    entry.write_bytes(bad)
    assert _same(parsed.parse_yaml_kept(path, raw), wanted)
    assert entry.read_bytes() == good, "the damaged entry was not replaced"


def test_an_entry_is_named_by_the_code_that_parsed_it(cache, monkeypatch):
    """An entry written by other code (source.py changed, another PyYAML) is not read:
    the code's digest names the entry."""
    path = FILES[0]
    parsed.parse_yaml_kept(path, path.read_bytes())
    monkeypatch.setattr(parsed, "_code_digest", b"\0" * 32)
    calls = []
    real = source.parse_yaml
    monkeypatch.setattr(source, "parse_yaml", lambda *a: calls.append(1) or real(*a))
    parsed.parse_yaml_kept(path, path.read_bytes())
    assert calls == [1] and len(_entries(cache)) == 2


def test_a_file_that_does_not_parse_is_not_kept(cache, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: a\nname: b\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InputError) as exc:
            parsed.load_yaml_kept(bad, "house style")
        assert "name" in str(exc.value)
    assert not _entries(cache)


def test_a_build_with_the_parses_kept_is_the_build_without(tmp_path):
    """The seed's notice and agreement (the house style and the standard articles)
    built with an empty cache, then with the parses read back: the same bytes."""
    outputs = []
    for run in ("first", "second"):
        out = tmp_path / run
        env = {"JPDOCS_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
        result = subprocess.run([sys.executable, str(ROOT / "generate.py"), str(SEED_SPEC), "-o", str(out),
                                 "--format", "pdf", "--kinds", "press-notice,agreement"],
                                capture_output=True, text=True, env=env, timeout=300)
        assert result.returncode == 0, result.stderr
        outputs.append({p.name: p.read_bytes() for p in sorted(out.rglob("*.pdf"))})
    assert len(list((tmp_path / "cache" / "parsed").glob("*.marshal"))) == 2
    assert outputs[0] == outputs[1] and len(outputs[0]) == 2
