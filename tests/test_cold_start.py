"""The shortcuts of a cold start (issue #17) give what the long way gave.

Regular expressions and generated code compiled from the cache on disk
(jpdocs/compiled.py) are what re and compile make; the cycle collector, paused
while the program starts (jpdocs/collector.py), runs again wherever a process goes
on to more work.
"""
from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT

PATTERNS = r"""
import re, sys
sys.path.insert(0, {root!r})
from jpdocs import compiled
compiled.install()
assert compiled._real_re_compile is not None, "the cache was not installed"
real = compiled._real_re_compile
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
print(sys.argv[1], len(compiled._patterns.known), len(compiled._patterns.new), all(seen), seen)
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
    assert not list((tmp_path / "compiled").glob("re-*.marshal")), "stored when compiled only once"
    second = _run(code, tmp_path, "second")                 # compiled again: now stored
    assert second[3] == "True" and int(second[2]) >= 10
    third = _run(code, tmp_path, "third")
    assert third[0] == "third" and third[3] == "True"
    assert int(third[1]) >= 10 and third[2] == "0", "the third process compiled patterns the cache holds"
    entry, = (tmp_path / "compiled").glob("re-*.marshal")
    import marshal
    stored = marshal.loads(entry.read_bytes())
    # damage the code of every entry: the engine refuses it, re compiles anew
    damaged = {}
    for key, data in stored.items():
        flags, engine_code, *rest = marshal.loads(data)
        damaged[key] = marshal.dumps((flags, [999999] * len(engine_code), *rest))
    entry.write_bytes(marshal.dumps(damaged))
    damaged = _run(code, tmp_path, "damaged")
    assert damaged[3] == "True" and int(damaged[2]) >= 10
    entry.write_bytes(b"not marshal at all")
    assert _run(code, tmp_path, "garbage")[3] == "True"


CODE = """
import collections, dataclasses, sys, typing
sys.path.insert(0, {root!r})
from jpdocs import compiled
compiled.install()

@dataclasses.dataclass(frozen=True, order=True)
class Point:
    x: int
    y: "tuple[Point, ...]" = ()
    label: str = "p"

@dataclasses.dataclass
class Plain:
    a: int = 1

p, q = Point(1), Point(1, (Point(2),), "q")
assert p == Point(1) and p != q and p < q and hash(p) == hash(Point(1))
assert repr(q) == "Point(x=1, y=(Point(x=2, y=(), label='p'),), label='q')", repr(q)
try:
    p.x = 3
    raise SystemExit("a frozen dataclass took an attribute")
except dataclasses.FrozenInstanceError:
    pass
assert Plain() == Plain(1) and Plain(2).a == 2
hints = typing.get_type_hints(Point, localns={{"Point": Point}})
assert hints == {{"x": int, "y": tuple[Point, ...], "label": str}}, hints
Pair = collections.namedtuple("Pair", "left right", defaults=(0,))
assert Pair(1) == (1, 0) and Pair(right=2, left=3) == (3, 2) and repr(Pair(1, 2)) == "Pair(left=1, right=2)"
assert Pair.__new__.__code__.co_filename == "<string>" and Pair.__new__.__defaults__ == (0,)
try:
    Pair(1, 2, 3)
    raise SystemExit("a namedtuple took three fields")
except TypeError:
    pass
print(sys.argv[1], len(compiled._code.known), len(compiled._code.new),
      ("lambda _cls, left, right: _tuple_new(_cls, (left, right))", "eval") in compiled._code.known)
"""


def test_generated_code_from_the_cache_behaves_as_compiled(tmp_path):
    """Dataclasses' generated methods, typing's annotation texts and namedtuple's
    __new__: compiled in a first process, taken from the cache in a later one, and the
    classes behave alike."""
    code = CODE.format(root=str(ROOT))
    first = _run(code, tmp_path, "first")
    assert first[0] == "first" and int(first[2]) >= 9
    _run(code, tmp_path, "second")                         # compiled again: now stored
    third = _run(code, tmp_path, "third")
    assert int(third[1]) >= 9 and third[2] == "0", "the third process compiled code the cache holds"
    assert first[3] == "False" and third[3] == "True", "namedtuple's __new__ not taken from the cache"
    entry, = (tmp_path / "compiled").glob("code-*.marshal")
    import marshal
    stored = marshal.loads(entry.read_bytes())
    entry.write_bytes(marshal.dumps({key: marshal.dumps(123) for key in stored}))     # not code
    assert _run(code, tmp_path, "not-code")[0] == "not-code"
    entry.write_bytes(b"\x00garbage")
    assert _run(code, tmp_path, "garbage")[0] == "garbage"


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


def test_a_font_read_from_the_cache_is_the_font_parsed(tmp_path, monkeypatch):
    """The metrics stored with equal values shared (fonts/cache.py) read back equal to
    a fresh parse, value for value and type for type."""
    from reportlab.pdfbase import ttfonts
    from jpdocs.files import open_regular_file
    from jpdocs.fonts import cache
    monkeypatch.setenv("JPDOCS_CACHE", str(tmp_path))
    path = ROOT / "fonts" / "BIZUDMincho-Regular.ttf"
    data = open_regular_file(path, 10**9, "font file")
    digest = cache.content_digest(data.whole, data.st)
    stored = cache.load_ttfont("A", open_regular_file(path, 10**9, "font file"), digest, str(path)).face
    assert cache._entry(digest).is_file()                                 # (parsed, then stored)
    read = cache.load_ttfont("B", open_regular_file(path, 10**9, "font file"), digest, str(path)).face
    assert read._ttf_data._whole is None, "a font read from the cache was read whole"
    parsed = ttfonts.TTFontFace(str(path))
    for face in (stored, read):
        for name in ("charToGlyph", "charWidths", "hmetrics", "glyphPos", "defaultWidth", "bbox", "ascent",
                     "descent", "capHeight", "italicAngle", "stemV", "flags", "unitsPerEm", "numGlyphs"):
            mine, theirs = getattr(face, name), getattr(parsed, name)
            assert mine == theirs and type(mine) is type(theirs), name
        assert list(map(type, face.charWidths.values())) == list(map(type, parsed.charWidths.values()))
        assert face.name == parsed.name and face.name.ustr == parsed.name.ustr


EXIT = """
import atexit, sys, threading, time
sys.path.insert(0, {root!r})
from jpdocs import collector
atexit.register(lambda: print("exit handler ran", flush=False))
print("buffered output", end="; ")
if sys.argv[1] == "thread":
    threading.Thread(target=time.sleep, args=(0.2,)).start()
collector.exit_now(5)
print("returned", end="; ")
"""


VARYING = """
import re, sys
sys.path.insert(0, {root!r})
from jpdocs import compiled
compiled.install()
re.compile("|".join({{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
                      "lambda", "mu"}}))     # a set's order: one per process
re.compile(r"steady \\d+")
print(len(compiled._patterns.known))
"""


def test_a_pattern_that_changes_from_process_to_process_is_not_stored(tmp_path):
    """Patterns made from a set differ with each process's hash seed: only what a
    later process compiles again is stored, so they do not grow the cache."""
    code = VARYING.format(root=str(ROOT))
    env = {"JPDOCS_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for seed in range(1, 7):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                                env={**env, "PYTHONHASHSEED": str(seed)})
        assert result.returncode == 0, result.stderr
    import marshal
    entry, = (tmp_path / "compiled").glob("re-*.marshal")
    stored = [key[0] for key in marshal.loads(entry.read_bytes())]
    stored = [p for p in stored if isinstance(p, str)]          # (bytes patterns are kept too)
    assert "steady \\d+" in stored and not any("|" in p and "alpha" in p for p in stored), stored


def test_exit_now_ends_as_the_interpreter_would():
    """The exit handlers run and buffered output is written before the process ends
    with the code; with a thread still running, it leaves the ending to Python."""
    code = EXIT.format(root=str(ROOT))
    ended = subprocess.run([sys.executable, "-c", code, "plain"], capture_output=True, text=True, timeout=60)
    assert ended.returncode == 5, ended.stderr
    assert ended.stdout == "buffered output; exit handler ran\n"
    waited = subprocess.run([sys.executable, "-c", code, "thread"], capture_output=True, text=True, timeout=60)
    assert waited.returncode == 0, waited.stderr
    assert waited.stdout == "buffered output; returned; exit handler ran\n"


def test_a_profiled_run_still_writes_its_profile(tmp_path):
    """Under cProfile the program returns normally, so that the profile is written."""
    out = tmp_path / "run.prof"
    result = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), str(ROOT / "generate.py"), "--help"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    out.unlink()
    script = tmp_path / "script.py"
    script.write_text(f"import sys; sys.path.insert(0, {str(ROOT)!r}); from jpdocs import collector\n"
                      "collector.exit_now(0)\nprint('returned')\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), str(script)],
                         capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "returned" and out.is_file()


PYPDF = """
import io, sys
sys.path.insert(0, {root!r})
from jpdocs import lazy_imports
lazy_imports.install()
import pypdf
from pypdf.generic import _font
print(type(sys.modules["fontTools.ttLib"]).__name__)
font = _font.TTFont(io.BytesIO(open({font!r}, "rb").read()))      # as pypdf calls it
from fontTools.ttLib import TTFont
print(type(sys.modules["fontTools.ttLib"]).__name__, type(font) is TTFont, font["head"].unitsPerEm)
"""


def test_pypdf_gets_fonttools_when_it_uses_it():
    """fontTools.ttLib is deferred when pypdf is imported; pypdf's TTFont makes the
    real fonts, and the module is the real one from then on."""
    code = PYPDF.format(root=str(ROOT), font=str(ROOT / "fonts" / "BIZUDGothic-Bold.ttf"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["_Deferred", "module", "True", "2048"]


def test_a_template_runs_with_the_cycle_collector_on(tmp_path):
    """generate.py pauses the collector while it starts; a template (a user's, maybe
    hostile) must run with it on: namespaces that hold themselves, made in a loop,
    are garbage only the collector frees. With the collector left paused this
    template took ~40 MB more and left 300,000 objects; here a run of the program on
    such a template ends having freed them (the build reports the spec's result,
    and a marker template shows the collector's state while it ran)."""
    import shutil
    from conftest import SEED_SPEC, run_generate
    folder = tmp_path / "templates"
    folder.mkdir()
    shutil.copy(ROOT / "templates" / "press-notice.xml.j2", folder / "press-notice.xml.j2")
    text = (folder / "press-notice.xml.j2").read_text(encoding="utf-8")
    loop = ("{% for i in range(20000) %}{% set ns = namespace(b=[i, i, i, i]) %}{% set ns.a = ns %}"
            "{% endfor %}")
    (folder / "press-notice.xml.j2").write_text(loop + text, encoding="utf-8")
    code = ("import gc, runpy, sys\n"
            "from jpdocs.content import templating\n"
            "real = templating.render\n"
            "def render(*a, **k):\n"
            "    out = real(*a, **k)\n"
            "    print('collector on:', gc.isenabled(), 'cyclic left:', gc.collect(), file=sys.stderr)\n"
            "    return out\n"
            "templating.render = render\n"
            f"sys.argv = ['generate.py', {str(SEED_SPEC)!r}, '-o', {str(tmp_path / 'out')!r},"
            f" '--templates', {str(folder)!r}, '--kinds', 'press-notice', '--format', 'pdf']\n"
            "runpy.run_path('generate.py', run_name='__main__')\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    found = re.search(r"collector on: (\w+) cyclic left: (\d+)", result.stderr)
    assert found and found.group(1) == "True", result.stderr
    assert int(found.group(2)) < 20000, result.stderr      # freed as the loop ran, not left


def test_a_pdf_build_does_not_import_inspect(tmp_path):
    """Importing `inspect` (with dis, tokenize and ast) costs a start some 30 M
    instructions, ~10 ms. A dataclass without a docstring of its own imports it: its
    __doc__ is made from inspect.signature. The seed's notice and agreement as PDF
    import it no more (the DOCX's lxml does, which is its own)."""
    seed = ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml"
    result = subprocess.run([sys.executable, "-X", "importtime", str(ROOT / "generate.py"), str(seed), "-o",
                             str(tmp_path), "--kinds", "press-notice,agreement", "--format", "pdf"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    imported = re.findall(r"^import time:\s+\d+ \|\s+\d+ \| +(\S+)$", result.stderr, re.M)
    assert "jpdocs.content.agreement.text" in imported and "reportlab.pdfgen.canvas" in imported
    assert "inspect" not in imported and "dis" not in imported, [m for m in imported if m in ("inspect", "dis")]


FILLING = """
import re, sys
sys.path.insert(0, {root!r})
from jpdocs import compiled
compiled.BUDGET = int(sys.argv[1])
compiled.install()
for pattern in sys.argv[2].split(","):
    re.compile(pattern)
"""


def _fill(cache, budget: int, patterns: list[str]) -> None:
    env = {"JPDOCS_CACHE": str(cache), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", FILLING.format(root=str(ROOT)), str(budget), ",".join(patterns)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr


def test_a_full_pattern_cache_makes_room_and_is_not_written_for_nothing(tmp_path):
    """Once the file held BUDGET bytes, what a process compiled again was never stored,
    and every such process read the whole file and wrote it back unchanged (2 MB on a
    machine that had run many commands: ~4 ms of a cold notice). Now room is made from
    the oldest entries the process did not use, and a process adding nothing writes
    nothing."""
    import marshal
    old = [rf"old{i}\d+[a-z]{{{i + 1}}}" for i in range(40)]
    new = [rf"new{i}\w+[0-9]{{{i + 1}}}" for i in range(10)]
    budget = 8000                           # ~20 of these patterns' entries
    for _ in range(2):                      # compiled twice: stored the second time
        _fill(tmp_path, budget, old)
    entry, = (tmp_path / "compiled").glob("re-*.marshal")
    stored = [key[0] for key in marshal.loads(entry.read_bytes())]
    assert any(p in stored for p in old)
    kept = [p for p in old if p in stored][-3:]     # three of the newest old ones, used below
    for _ in range(2):
        _fill(tmp_path, budget, new + kept)
    cache = marshal.loads(entry.read_bytes())
    stored = [key[0] for key in cache]
    assert all(p in stored for p in new), stored            # room was made for them
    assert all(p in stored for p in kept), stored           # and not from what the process used
    assert sum(map(len, cache.values())) <= budget
    before = entry.stat()
    _fill(tmp_path, budget, new + kept)                     # nothing new: the file is left alone
    after = entry.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_the_pattern_cache_keeps_no_message_catalogue_patterns(tmp_path):
    """Reporting errors in Japanese matches each message against the catalogue's
    templates (i18n.py). Their ~1,000 patterns had all been compiled for the first
    message and, compiled again by a later run, stored in the pattern cache, which
    every start reads whole: 1.8 of its 2 MB on a machine that had shown errors in
    Japanese, read by every cold notice that needs none of them. Now only a template
    whose fixed words the message holds is compiled, and not stored."""
    import marshal
    from jpdocs import i18n
    env = {"JPDOCS_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "ja_JP.UTF-8"}
    specs = [str(ROOT / "tests" / "bad_specs" / name) for name in ("23-february-30.yaml", "30-unknown-key.yaml")]
    for _ in range(2):             # compiled twice: what the cache keeps is stored by the second
        result = subprocess.run([sys.executable, str(ROOT / "generate.py"), "check", *specs],
                                capture_output=True, text=True, env=env, timeout=120)
        assert result.returncode == 1 and "エラー:" in result.stderr and "という日付はありません" in result.stderr, \
            result.stderr
    entry, = (tmp_path / "compiled").glob("re-*.marshal")
    stored = {key[0] for key in marshal.loads(entry.read_bytes())}
    templates = i18n.templates("ja")
    catalogue = {i18n.Templates.pattern(msgid).pattern for _, msgid, _ in templates.entries}
    assert len(catalogue) > 500 and stored, (len(catalogue), len(stored))
    assert not stored & catalogue, len(stored & catalogue)


def test_a_message_is_matched_as_by_every_template_compiled():
    """Templates skipped for lacking the message's fixed words are templates whose
    pattern would not have matched: each message of a sample gets the template the
    first full match in the catalogue's order gives."""
    from jpdocs import i18n
    templates = i18n.templates("ja")
    patterns = [(i18n.Templates.pattern(msgid), msgid) for _, msgid, _ in templates.entries]
    samples = ["unknown key 'subjet'; did you mean 'subject'?", "no specs found", "zzz", "",
               "this is not valid YAML: unknown key 'a'; did you mean 'b'? (YAML says: {x})"]
    samples += [msgid.replace("{", "<").replace("}", ">") for _, msgid, _ in templates.entries[::7]]
    for message in samples:
        first = next((msgid for pattern, msgid in patterns if pattern.fullmatch(message)), None)
        found = templates.match(message)
        assert (found[0] if found else None) == first, message
