"""A PDF's /ID is the SHA-256 of its own bytes with the /ID zeroed, its first 16
bytes (pages.content_id): the trailer's /ID, which is looked for from the file's end.
The file comes back with its own SHA-256 (digested.py), which the manifest records."""
from __future__ import annotations

import hashlib
import re

_ID = re.compile(rb"/ID\s*\[<([0-9a-f]{32})><\1>\]")


def test_the_id_of_a_notice_is_the_digest_of_its_content(seed_build):
    # (an agreement's form fields are added after: signing.py)
    pdfs = sorted(seed_build.rglob("press-notice*.pdf"))
    assert pdfs
    for path in pdfs:
        data = path.read_bytes()
        found = list(_ID.finditer(data))
        assert len(found) == 1, path
        start, end = found[0].span(1)[0] - 2, found[0].span()[1]
        blank = data[:start] + b"[<" + b"0" * 32 + b"><" + b"0" * 32 + b">]" + data[end:]
        assert found[0].group(1) == hashlib.sha256(blank).hexdigest()[:32].encode(), path


def test_the_trailers_id_is_replaced_not_one_in_the_content_before_it():
    from jpdocs.writers.pages import content_id
    content = b"BT [<" + b"ab" * 16 + b"><" + b"ab" * 16 + b">] TJ ET\n"   # an ID's pattern in a page
    trailer = b"trailer\n<<\n/ID \n[<" + b"cd" * 16 + b"><" + b"cd" * 16 + b">]\n>>\n%%EOF\n"
    out = content_id(b"%PDF-1.4\n" + content + trailer)
    assert content in out                                   # the page untouched
    digest = hashlib.sha256(b"%PDF-1.4\n" + content + trailer.replace(b"cd" * 16, b"0" * 32)).hexdigest()[:32].encode()
    assert out.endswith(b"/ID \n[<" + digest + b"><" + digest + b">]\n>>\n%%EOF\n")
    assert content_id(b"%PDF-1.4\nno id\n") == b"%PDF-1.4\nno id\n"
    assert out.known_sha256 == hashlib.sha256(out).hexdigest()     # the file's own, as written


def test_the_manifest_records_each_files_own_sha256(seed_build):
    """Every file's digest in the manifest is its own: a PDF's, found by its writer
    with its /ID (digested.py), as a DOCX's, hashed as it is written."""
    import json
    manifests = sorted(seed_build.rglob(".jpdocs-manifest.json"))
    assert manifests
    kinds = set()
    for manifest in manifests:
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
        for name, digests in files.items():
            assert digests == [hashlib.sha256((manifest.parent / name).read_bytes()).hexdigest()], name
            kinds.add(name.rsplit(".", 1)[1])
    assert kinds == {"pdf", "docx"}


def test_a_digest_goes_only_with_its_own_bytes():
    """Whatever is made from a file that carries its digest is plain bytes, hashed anew."""
    from jpdocs.digested import Digested, sha256_hex
    from jpdocs.writers.pages import content_id
    pdf = content_id(b"%PDF-1.4\ntrailer\n<<\n/ID \n[<" + b"0" * 32 + b"><" + b"0" * 32 + b">]\n>>\n%%EOF\n")
    assert type(pdf) is Digested and sha256_hex(pdf) == hashlib.sha256(pdf).hexdigest()
    for made in (pdf[:-1], pdf + b"x", pdf.replace(b"EOF", b"EOG"), bytes(pdf)):
        assert type(made) is bytes and sha256_hex(made) == hashlib.sha256(made).hexdigest()
