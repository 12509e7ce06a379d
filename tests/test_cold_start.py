"""The shortcuts of a cold start (issue #17) give what the long way gave.

Regular expressions whose compiled code comes from the cache on disk
(jpdocs/patterns.py) are the patterns re compiles; the cycle collector, paused
while the program starts (jpdocs/collector.py), runs again wherever a process goes
on to more work.
"""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

PATTERNS = r"""
import re, sys
sys.path.insert(0, {root!r})
from jpdocs import patterns
patterns.install()
assert patterns._real is not None, "the cache was not installed"
real = patterns._real
cases = [("abc", 0), (r"(?P<year>\d{{4}})-(?P<month>\d\d)", 0), (r"[ぁ-んァ-ヶ一-龠]+", 0), (r"(?i)straße|ﬀ", 0),
         (r"^\s*#.*$", re.M), (rb"[^\x09\x0A\x0D\x20-\x7E]", 0), (r"(a)(b)?(?:c)(?P<d>d)\1", re.I | re.X | re.S),
         (r"[\u3000-\u303f\uff00-\uffef]", re.A), (r"\bword\b", re.U), ("abc", re.I)]
seen = []
for pattern, flags in cases:
    re.purge()
    p = re.compile(pattern, flags)
    expected = real(pattern, int(flags))
    seen.append(p == expected and p.groupindex == expected.groupindex and p.groups == expected.groups
                and p.flags == expected.flags)
print(sys.argv[1], len(patterns._known), len(patterns._new), all(seen), seen)
"""


def _run(code: str, cache, arg: str) -> str:
    env = {"JPDOCS_CACHE": str(cache), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code, arg], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_patterns_from_the_cache_are_the_patterns_re_compiles(tmp_path):
    """A first process compiles (and stores at exit); a second takes every one from
    the cache: each equal to re's own (pattern, flags and compiled code), with its
    groups; a damaged cache is compiled past, never trusted."""
    code = PATTERNS.format(root=str(ROOT))
    first = _run(code, tmp_path, "first")
    assert first[0] == "first" and first[3] == "True" and int(first[2]) >= 10
    second = _run(code, tmp_path, "second")
    assert second[0] == "second" and second[3] == "True"
    assert int(second[1]) >= 10 and second[2] == "0", "the second process compiled patterns the cache holds"
    entry, = (tmp_path / "patterns").glob("re-*.marshal")
    import marshal
    stored = marshal.loads(entry.read_bytes())
    # damage the code of every entry: the engine refuses it, re compiles anew
    entry.write_bytes(marshal.dumps({k: (v[0], [999999] * len(v[1]), *v[2:]) for k, v in stored.items()}))
    damaged = _run(code, tmp_path, "damaged")
    assert damaged[3] == "True" and int(damaged[2]) >= 10
    entry.write_bytes(b"not marshal at all")
    assert _run(code, tmp_path, "garbage")[3] == "True"


COLLECTOR = """
import gc, sys
sys.path.insert(0, {root!r})
from jpdocs import collector
collector.pause()
paused = gc.isenabled()
from jpdocs.build import batch
batch._init_worker(("pdf",), None)
print(paused, gc.isenabled(), gc.get_freeze_count() > 0)
"""


def test_a_batch_worker_collects_again():
    """generate.py pauses the collector; a batch worker (forked from it) builds spec
    after spec, so it runs the collector again, what its start made frozen."""
    code = COLLECTOR.format(root=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True"]


def test_a_library_user_keeps_the_collector():
    """Without the program's pause, resume changes nothing."""
    code = (f"import gc, sys; sys.path.insert(0, {str(ROOT)!r}); from jpdocs import collector; "
            "collector.resume(); print(gc.isenabled(), gc.get_freeze_count())")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "0"]
