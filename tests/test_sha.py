"""A build's SHA-256 without OpenSSL's start (sha.py): a cold notice never loads
OpenSSL, a process that hashes more than the budget does, and the digests are
hashlib's either way."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

from conftest import ROOT, SEED_SPEC, run_generate


COLD = """
import os, runpy, sys
sys.argv = ["generate.py", {spec!r}, "-o", {out!r}, "--kinds", "press-notice", "--format", "pdf", "--force"]
sys.path.insert(0, {root!r})
leave = os._exit

def report(code):                         # generate.py leaves through os._exit
    print(code, "hashlib" in sys.modules, sys.modules.get("_hashlib") is not None, flush=True)
    leave(code)

os._exit = report
runpy.run_path({generate!r}, run_name="__main__")
"""


def test_a_cold_notice_hashes_without_openssl_and_records_its_files_own_digest(tmp_path):
    """(The first run fills the caches: it hashes the generator's source, which takes OpenSSL.)"""
    env = dict(os.environ, JPDOCS_CACHE=str(tmp_path / "cache"))
    code = COLD.format(spec=str(SEED_SPEC), out=str(tmp_path), root=str(ROOT), generate=str(ROOT / "generate.py"))
    seen = []
    for run in ("fills the caches", "into the same folder", "over the same file"):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
                                timeout=300)
        assert result.returncode == 0, result.stderr
        seen.append(result.stdout.splitlines()[-1])
        folder = tmp_path / SEED_SPEC.stem
        manifest = json.loads((folder / ".jpdocs-manifest.json").read_text(encoding="utf-8"))
        pdf = (folder / "press-notice.pdf").read_bytes()
        assert hashlib.sha256(pdf).hexdigest() in manifest["files"]["press-notice.pdf"], run
    assert seen == ["0 True True", "0 True False", "0 True False"]       # OpenSSL: loaded, not, not


BUDGET = """
import sys
sys.path.insert(0, {root!r})
from jpdocs import sha
sha.defer_openssl()
import hashlib
data = bytes(range(256)) * 1000
out = [hashlib.md5(data).hexdigest(), hashlib.sha1(data).hexdigest(), "_hashlib" in sys.modules and
       sys.modules["_hashlib"] is not None]
h = sha.sha256(data[:1000])
c = h.copy()
c.update(data)
out += [h.hexdigest(), c.hexdigest(), sha.sha256(memoryview(data)[7:]).hexdigest()]
out.append(sys.modules.get("_hashlib") is not None)       # within the budget: still Python's own
big = data * 4                                              # past it
out += [sha.sha256(big).hexdigest(), sha.sha256(b"abc").hexdigest(), type(sha.sha256()).__module__,
        sys.modules.get("_hashlib") is not None]
print(repr(out))
"""


def test_the_digests_are_hashlibs_on_both_sides_of_the_budget():
    code = BUDGET.format(root=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    out = eval(result.stdout)
    data = bytes(range(256)) * 1000
    assert out[:3] == [hashlib.md5(data).hexdigest(), hashlib.sha1(data).hexdigest(), False]
    assert out[3:6] == [hashlib.sha256(data[:1000]).hexdigest(), hashlib.sha256(data[:1000] + data).hexdigest(),
                        hashlib.sha256(data[7:]).hexdigest()]
    assert out[6] is False
    assert out[7:9] == [hashlib.sha256(data * 4).hexdigest(), hashlib.sha256(b"abc").hexdigest()]
    assert out[9:] == ["_hashlib", True]        # OpenSSL's from then on


def test_a_rebuild_over_an_edited_file_is_still_refused(tmp_path):
    """The existing file's digest is taken from the new one only when they are equal."""
    spec = tmp_path / SEED_SPEC.name
    spec.write_bytes(SEED_SPEC.read_bytes())
    args = (spec, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf")
    assert run_generate(*args).returncode == 0
    pdf = tmp_path / "out" / SEED_SPEC.stem / "press-notice.pdf"
    assert run_generate(*args, "--force").returncode == 0          # the same file again
    pdf.write_bytes(pdf.read_bytes() + b"\n% edited\n")
    spec.write_bytes(SEED_SPEC.read_bytes() + b"\n# changed: built again\n")
    result = run_generate(*args)
    assert result.returncode == 1 and "changed after jpdocs wrote it" in result.stderr
