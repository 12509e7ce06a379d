"""hashlib loaded without OpenSSL (issue #17): its own implementations of the hashes
a build uses instead of OpenSSL's.

hashlib imports _hashlib, which loads OpenSSL's libcrypto, about 1 ms of a cold start
(of hashlib's ~2 ms), for digests (sha256 of outputs and caches, blake2b of the
parsed files, md5 of the PDFs' IDs) that Python's built-in modules compute alike:
the same algorithm, the same bytes. hashlib is imported here with _hashlib hidden,
so it takes its built-in constructors; _hashlib itself stays importable (hmac and
ssl load it when they are used), and hashlib.new falls back to OpenSSL for an
algorithm only OpenSSL has (ripemd160, sha512_224 …).

Installed by the program (generate.py), before anything imports hashlib; not by
`import jpdocs`: it changes hashlib for the whole process.
"""
import sys


def install() -> None:
    if "hashlib" in sys.modules or "_hashlib" in sys.modules:
        return
    sys.modules["_hashlib"] = None            # (import _hashlib raises ImportError)
    try:
        import hashlib
    finally:
        del sys.modules["_hashlib"]
    builtin_new = hashlib.new

    def new(name, data=b"", **kwargs):
        try:
            return builtin_new(name, data, **kwargs)
        except ValueError:                    # not built in: OpenSSL's, as hashlib would have it
            import _hashlib
            return _hashlib.new(name, data, **kwargs)

    new.__doc__ = builtin_new.__doc__
    hashlib.new = new
