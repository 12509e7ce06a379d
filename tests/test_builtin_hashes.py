"""hashlib without OpenSSL (jpdocs/builtin_hashes.py): a build does not load
_hashlib, and the digests are OpenSSL's."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, SEED_SPEC

PROBE = """
import sys
sys.path.insert(0, {root!r})
from jpdocs import builtin_hashes
builtin_hashes.install()
import hashlib
loaded = "_hashlib" in sys.modules
import _hashlib
data = b"jpdocs " * 1000
same = all(getattr(hashlib, name)(data).digest() == _hashlib.new(name, data).digest()
           for name in ("md5", "sha1", "sha256", "sha512", "sha3_256"))
same = same and hashlib.blake2b(data).digest() == _hashlib.new("blake2b512", data).digest()
same = same and hashlib.md5(data, usedforsecurity=False).hexdigest() == _hashlib.new("md5", data).hexdigest()
only_openssl = hashlib.new("ripemd160", data).hexdigest() == _hashlib.new("ripemd160", data).hexdigest()
import hmac
keyed = hmac.new(b"k", data, "sha256").hexdigest() == _hashlib.hmac_digest(b"k", data, "sha256").hex()
print(loaded, type(hashlib.sha256(b"")).__module__, same, only_openssl, keyed)
"""


def test_hashlib_takes_its_built_in_hashes():
    result = subprocess.run([sys.executable, "-c", PROBE.format(root=str(ROOT))], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "_sha256", "True", "True", "True"]


def test_a_build_does_not_load_openssl(tmp_path):
    """python -v names each extension module it loads: a notice's build loads the
    built-in _sha256, never _hashlib (OpenSSL)."""
    result = subprocess.run([sys.executable, "-v", str(ROOT / "generate.py"), str(SEED_SPEC),
                             "--kinds", "press-notice", "--format", "pdf", "-o", str(tmp_path / "out")],
                            capture_output=True, text=True, cwd=ROOT, timeout=300,
                            env={"JPDOCS_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin",
                                 "TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    extensions = [line.split("'")[1] for line in result.stderr.splitlines() if line.startswith("# extension module '")]
    assert "_sha256" in extensions and "_hashlib" not in extensions
