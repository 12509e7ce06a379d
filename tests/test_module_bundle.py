"""The module bundle (jpdocs/module_bundle.py) serves the code Python would load,
never stale code: an edited source is run as edited; the bundle stays within its
budget, damaged or foreign bundles are not trusted, and old ones are deleted."""
from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
import time

from conftest import ROOT, SEED_SPEC

from jpdocs import module_bundle

# A module of the copy imported with the bundle installed: what it says, and whether
# the bundle served it.
PROBE = """
import sys
sys.path.insert(0, {root!r})
from jpdocs import module_bundle
module_bundle.BUDGET = {budget}
module_bundle.install()
import jpdocs.probe_target as target
import jpdocs.japanese
from importlib.util import cache_from_source
print(target.SAYS, type(target.__spec__.loader).__name__,
      target.__file__ == target.__spec__.origin and target.__cached__ == cache_from_source(target.__file__),
      type(jpdocs.japanese.__spec__.loader).__name__)
"""


def _env(cache) -> dict:
    env = {"JPDOCS_CACHE": str(cache), "PATH": "/usr/bin:/bin", "HOME": str(cache)}
    return env                      # (no PYTHONDONTWRITEBYTECODE: the .pyc files are written)


def _copy(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "jpdocs", project / "jpdocs", ignore=shutil.ignore_patterns("__pycache__"))
    (project / "jpdocs" / "probe_target.py").write_text('SAYS = "old"\n')
    return project


def _probe(project, cache, budget=24_000_000) -> list[str]:
    code = PROBE.format(root=str(project), budget=budget)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(cache),
                            cwd=project, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def _bundles(cache):
    return sorted((cache / "compiled").glob("modules-*.marshal"))


def _index(path) -> dict:
    data = path.read_bytes()
    size = int.from_bytes(data[:8], "little")
    return marshal.loads(data[8:8 + size])[3]


def test_an_edited_source_runs_as_edited(tmp_path):
    """The first run imports from source and writes the bundle; the second is served
    from it; a source edited after that (same size too) is imported from source,
    and the bundle made anew serves the new code."""
    project, cache = _copy(tmp_path), tmp_path / "cache"
    assert _probe(project, cache) == ["old", "SourceFileLoader", "True", "SourceFileLoader"]
    bundle, = _bundles(cache)
    assert "jpdocs.probe_target" in _index(bundle) and "jpdocs.japanese" in _index(bundle)
    assert _probe(project, cache) == ["old", "_BundledLoader", "True", "_BundledLoader"]

    target = project / "jpdocs" / "probe_target.py"
    before = target.stat()
    target.write_text('SAYS = "new"\n')                     # the same size
    # (Python's own .pyc check tells times by the second: moved by one)
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns - 1_000_000_000))
    assert _probe(project, cache)[:2] == ["new", "SourceFileLoader"]
    assert _probe(project, cache)[:2] == ["new", "_BundledLoader"]

    target.write_text('SAYS = "newer and longer"\n')
    assert _probe(project, cache)[0] == "newer"


def test_a_module_added_to_a_folder_of_sys_path_is_not_shadowed(tmp_path):
    """A module put in a folder of sys.path ahead of the one the bundle found it in
    is what Python imports: the bundle is not used once such a folder changed."""
    project, cache = _copy(tmp_path), tmp_path / "cache"
    code = PROBE.format(root=str(project), budget=24_000_000).replace(
        "import jpdocs.japanese", "import jpdocs.japanese, colorsys; print(colorsys.__file__)")
    run = lambda: subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,  # noqa: E731
                                 env=_env(cache), cwd=project, timeout=120)
    run()
    served = run()
    assert served.returncode == 0, served.stderr
    assert served.stdout.split()[0] != str(project / "colorsys.py") and served.stdout.split()[2] == "_BundledLoader"
    (project / "colorsys.py").write_text("")            # the standard library's module shadowed
    shadowed = run()
    assert shadowed.returncode == 0, shadowed.stderr
    assert shadowed.stdout.split()[0] == str(project / "colorsys.py")


def test_a_damaged_bundle_is_imported_past_and_rewritten(tmp_path):
    project, cache = _copy(tmp_path), tmp_path / "cache"
    _probe(project, cache)
    bundle, = _bundles(cache)
    bundle.write_bytes(b"not a bundle at all")
    assert _probe(project, cache)[:2] == ["old", "SourceFileLoader"]
    assert _probe(project, cache)[:2] == ["old", "_BundledLoader"]
    # an entry whose code is damaged: Python's loader is used instead (marshal refuses it)
    data = bytearray(bundle.read_bytes())
    data[-40:] = b"\xff" * 40
    bundle.write_bytes(bytes(data))
    assert _probe(project, cache)[0] == "old"
    assert _probe(project, cache) == ["old", "_BundledLoader", "True", "_BundledLoader"]     # made anew


def test_the_bundle_keeps_to_its_budget_and_old_bundles_go(tmp_path):
    project, cache = _copy(tmp_path), tmp_path / "cache"
    folder = cache / "compiled"
    folder.mkdir(parents=True, mode=0o700)
    cache.chmod(0o700)
    old = time.time() - 40 * 86400
    stale = []
    others = module_bundle.MAX_BUNDLES + 2
    for i in range(others):                    # other kinds' or interpreters' bundles, one of them old
        path = folder / f"modules-{i:016x}.marshal"
        path.write_bytes(b"x")
        os.utime(path, (old if i == 0 else time.time() - i, old if i == 0 else time.time() - i))
        stale.append(path)
    _probe(project, cache, budget=200_000)
    ours = [p for p in _bundles(cache) if p not in stale]
    assert len(ours) == 1
    assert len(_bundles(cache)) <= module_bundle.MAX_BUNDLES and not stale[0].exists()
    data = ours[0].read_bytes()
    header = int.from_bytes(data[:8], "little")
    assert len(data) - 8 - header <= 200_000
    assert 0 < len(_index(ours[0])) < 50


def test_a_build_is_served_from_the_bundle_and_writes_the_same_bytes(tmp_path):
    """generate.py installs the bundle: a second run loads jpdocs and its libraries
    from it (python -v names the loader), and its PDF is the PDF built without it."""
    cache = tmp_path / "cache"
    env = _env(cache) | {"TMPDIR": str(tmp_path)}
    command = [sys.executable, str(ROOT / "generate.py"), str(SEED_SPEC), "--kinds", "press-notice",
               "--format", "pdf", "--force"]
    for run in ("first", "second"):
        result = subprocess.run(command + ["-o", str(tmp_path / run)], capture_output=True, text=True,
                                env=env | ({"PYTHONVERBOSE": "1"} if run == "second" else {}), cwd=ROOT, timeout=300)
        assert result.returncode == 0, result.stderr
    served = [line for line in result.stderr.splitlines() if "_BundledLoader" in line]
    assert any("'jpdocs.cli'" in line for line in served) and any("'reportlab" in line for line in served)
    assert len(served) > 100
    plain = subprocess.run(command + ["-o", str(tmp_path / "plain")], capture_output=True, text=True,
                           env=env | {"JPDOCS_NO_BUNDLE": "1"}, cwd=ROOT, timeout=300)
    assert plain.returncode == 0, plain.stderr
    pdf = lambda run: sorted((tmp_path / run).rglob("*.pdf"))[0].read_bytes()  # noqa: E731
    assert pdf("second") == pdf("plain")


def test_the_bundle_lives_in_the_private_cache_folder(tmp_path, monkeypatch):
    """cache_folder (os alone, before pathlib is loaded) is output.private_cache_dir("compiled"),
    and refuses a folder others can write into as it does."""
    from jpdocs import module_bundle, output
    for variable, value in (("JPDOCS_CACHE", str(tmp_path / "a")), ("XDG_CACHE_HOME", str(tmp_path / "b"))):
        monkeypatch.delenv("JPDOCS_CACHE", raising=False)
        monkeypatch.setenv(variable, value)
        assert module_bundle.cache_folder() == str(output.private_cache_dir("compiled"))
    os.chmod(module_bundle.cache_folder(), 0o777)
    assert module_bundle.cache_folder() is None and output.private_cache_dir("compiled") is None


JINJA_PROBE = """
import sys
sys.path.insert(0, {root!r})
from jpdocs import module_bundle
module_bundle.install()
import jinja2, jinja2.filters, jpdocs.japanese
annotations = jinja2.Environment.__init__.__annotations__
print(type(jinja2.environment.__spec__.loader).__name__, type(jinja2.filters._GroupTuple.__annotations__["list"]).__name__,
      all(isinstance(a, str) for a in annotations.values()), len(annotations),
      type(jpdocs.japanese.__spec__.loader).__name__)
"""


def test_jinjas_bundled_code_keeps_its_annotations_as_text(tmp_path):
    """Jinja's modules are bundled compiled with their annotations as text (PEP 563),
    which Jinja never reads; a first process imports them as Python does (typing's
    objects), the next from the bundle; Jinja still works (its NamedTuple takes a
    text annotation as a forward reference), and jpdocs's modules are bundled as
    Python compiled them."""
    code = JINJA_PROBE.format(root=str(ROOT))
    run = lambda: subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,  # noqa: E731
                                 env=_env(tmp_path), cwd=ROOT, timeout=120)
    first, second = run(), run()
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert first.stdout.split()[:3] == ["SourceFileLoader", "_GenericAlias", "False"]
    loader, field, texts, count, ours = second.stdout.split()
    assert (loader, field, texts, ours) == ("_BundledLoader", "ForwardRef", "True", "_BundledLoader")
    assert int(count) > 10


GC_PROBE = """
import gc, marshal, sys
sys.path.insert(0, {root!r})
from jpdocs import module_bundle
gc.set_threshold(1_000_000)                # (no pass of its own here: what is tracked stays so)
collecting = []


class Marshal:                             # marshal, noting whether the collector was on while it decoded
    def __getattr__(self, name):
        return getattr(marshal, name)

    def loads(self, data):
        collecting.append(gc.isenabled())
        return marshal.loads(data)


module_bundle.marshal = Marshal()
module_bundle.install()
module_bundle.marshal = marshal
entries = {{id(entry) for entry in module_bundle._finder.index.values()}}
walked = sum(id(o) in entries for o in gc.get_objects())      # (what the next passes walk; not the frozen)
import jpdocs.cli, jpdocs.build.batch, jinja2, reportlab.platypus  # noqa
print(len(module_bundle._finder.index), sum(collecting), walked)
"""


def test_the_index_is_read_with_the_collector_off(tmp_path):
    """The bundle's index, a tuple a module, was decoded with the cycle collector on
    (generate.py pauses it later): its passes walked the new tuples, the more the
    more modules other commands had added (a long-used bundle: 509 modules against a
    notice's 293, 2.8 M instructions of a cold notice). Decoded with it off, frozen
    (no later pass walks them), and the collector on again after."""
    folder = tmp_path / "probe"                # (a folder of sys.path that nothing else writes to)
    folder.mkdir()
    (folder / "probe.py").write_text(GC_PROBE.format(root=str(ROOT)) + "\nassert gc.isenabled()\n")
    runs = [subprocess.run([sys.executable, str(folder / "probe.py")], capture_output=True, text=True,
                           env=_env(tmp_path / "cache"), timeout=120) for _ in range(2)]
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr
    modules, collecting, walked = map(int, runs[-1].stdout.split())
    assert modules > 150 and collecting == 0 and walked == 0, (modules, collecting, walked)


def test_other_commands_leave_a_notices_caches_as_they_were(tmp_path):
    """The module bundle and the compile caches are read whole by every start. One
    file each for every command, they grew with each other kind of command run (the
    DOCX writer's modules, check's, annual's …): a long-used cache cost a cold press
    notice 24 M instructions more than a fresh one. Each kind of command now has its
    own, and the files a PDF build reads are not touched by other commands."""
    cache = tmp_path / "cache"
    env = _env(cache) | {"TMPDIR": str(tmp_path)}

    def run(*args):
        result = subprocess.run([sys.executable, str(ROOT / "generate.py"), *args], capture_output=True, text=True,
                                env=env, cwd=ROOT, timeout=300)
        assert result.returncode in (0, 1), result.stderr

    def files():
        return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in (cache / "compiled").glob("*.marshal")}

    notice = [str(SEED_SPEC), "--kinds", "press-notice", "--format", "pdf", "--force", "-o", str(tmp_path / "n")]
    for _ in range(3):              # (the compile caches store what a second run compiles again)
        run(*notice)
    read = files()
    assert any(name.startswith("modules-") for name in read) and len(read) >= 3, read
    for _ in range(2):
        run(str(SEED_SPEC), "--format", "docx", "--force", "-o", str(tmp_path / "d"))
        run("check", str(SEED_SPEC), str(ROOT / "tests" / "bad_specs" / "30-unknown-key.yaml"))
    run(*notice)
    after = files()
    assert {name: after.get(name) for name in read} == read
    assert len(after) > len(read)                   # (the other commands kept their own)


def test_the_kind_of_command_is_read_from_its_words():
    from jpdocs.cache_folders import command_kind
    assert command_kind([]) == command_kind(["a.yaml"]) == command_kind(["a.yaml", "--format", "pdf,docx"]) == "build"
    assert command_kind(["a.yaml", "--format", "pdf"]) == command_kind(["--format=pdf", "a.yaml"]) == "build-pdf"
    assert command_kind(["a.yaml", "--format", "docx", "--force"]) == "build-docx"
    assert command_kind(["a.yaml", "--format", "rtf"]) == "build"
    assert command_kind(["check", "a.yaml", "--format", "pdf"]) == "check"
    assert command_kind(["annual", "--fiscal-year", "2024"]) == "annual"


def test_every_command_the_program_knows_is_a_kind_of_its_own():
    """cache_folders names the commands itself (cli is not loaded when it is asked): a
    command added to the program and not there would share a build's caches."""
    from jpdocs import cache_folders, cli
    assert set(cache_folders.COMMANDS) == set(cli.COMMANDS)
    assert all(cache_folders.command_kind([name, "x.yaml"]) == name for name in cli.COMMANDS)
