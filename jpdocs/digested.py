"""Bytes that carry their own SHA-256, found while they were made.

A PDF's /ID is a digest of the file with the /ID zeroed (writers/pages.content_id),
and the folder's manifest records the SHA-256 of the file as written
(output.py): two passes over the same ~100 KB, the /ID's just before the end. The
PDF writer hashes the file up to its /ID once and finishes both digests from there
(hashlib's `copy`), and hands the file's SHA-256 to output.py with the bytes.

A bytes object cannot change, and whatever is made from one (a slice, a join, a
file rewritten by pypdf) is plain bytes: the digest is never of other bytes than
its own. A subclass of bytes is one in every other way (equal, hashed, written,
pickled as bytes are).
"""
from __future__ import annotations

from .sha import sha256


class Digested(bytes):
    """`bytes` whose SHA-256, in hex, is `known_sha256`."""

    known_sha256: str


def digested(data: bytes, sha256_hex: str) -> Digested:
    """`data` (copied: ~100 KB a notice, a few microseconds) with its SHA-256."""
    out = Digested(data)
    out.known_sha256 = sha256_hex
    return out


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of `data` in hex: the one it carries, if found as it was made."""
    if type(data) is Digested:
        return data.known_sha256
    return sha256(data).hexdigest()
