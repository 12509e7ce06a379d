"""SHA-256 without OpenSSL's start, for a process that hashes little (issue #17).

`import hashlib` loads OpenSSL: libcrypto linked in, its providers started and
each of hashlib's algorithms fetched once to see that it works, ~7 M instructions
and 2-3 ms of a cold notice. The notice then hashes ~0.2 MB with SHA-256 (the PDF's
/ID and the manifest's digest of the file, the build record's inputs), which
Python's own SHA-256 does in ~0.6 ms (~3 µs a KB, against OpenSSL's ~0.6 µs on the
processor's SHA instructions). Each is the better choice for some process: a cold
notice hashes too little to repay OpenSSL's start, a batch of a thousand notices
(or a font file's 15 MB digested once) too much to do without it.

So `sha256` hashes the process's first BUILTIN_BUDGET bytes with Python's own code
and loads OpenSSL for what comes after; the budget is about what OpenSSL's start
costs in time. Both give the same digest, so the choice shows in no file. Only the
bytes given to `sha256` count: `update`s of a hash made here stay with its code
(the callers' updates are short: an /ID, a list of paths).

reportlab and Jinja import hashlib as they are imported (for an MD5 of a few
hundred bytes and SHA-1s of template names, which Python also has built in): the
program keeps OpenSSL out of hashlib's import with `defer_openssl`, called before
anything imports hashlib (generate.py); hashlib then makes its functions from
Python's own modules, as it does where Python was built without OpenSSL. This
module never imports hashlib itself unless Python has no SHA-256 of its own.
"""
import sys

try:
    from _sha256 import sha256 as _builtin      # Python 3.11
except ImportError:
    try:
        from _sha2 import sha256 as _builtin    # Python 3.12 and later
    except ImportError:
        _builtin = None

BUILTIN_BUDGET = 1_000_000      # bytes: ~3 ms of Python's SHA-256, about OpenSSL's start
_left = BUILTIN_BUDGET


def defer_openssl() -> None:
    """Keep OpenSSL out of hashlib's import, until `sha256` has hashed its budget.
    For the program only: it changes hashlib for the whole process (no
    pbkdf2_hmac or scrypt, which need OpenSSL and which a build never calls)."""
    if _builtin is not None and "hashlib" not in sys.modules:
        sys.modules.setdefault("_hashlib", None)     # None: `import _hashlib` fails


def sha256(data=b""):
    """A SHA-256 hash object of `data`, as hashlib.sha256 gives (update, copy,
    digest, hexdigest)."""
    global _left
    openssl = sys.modules.get("_hashlib")
    if openssl is None:                       # not loaded yet, or kept out
        if _builtin is not None and len(data) <= _left:
            _left -= len(data)
            return _builtin(data)
        openssl = _load_openssl()
    if openssl is None:                       # a Python without OpenSSL
        import hashlib
        return hashlib.sha256(data)
    return openssl.openssl_sha256(data)


def _load_openssl():
    """Python's OpenSSL module, or None where it has none."""
    if "_hashlib" in sys.modules and sys.modules["_hashlib"] is None:
        del sys.modules["_hashlib"]           # kept out by defer_openssl until now
    try:
        import _hashlib
    except ImportError:
        return None
    return _hashlib
