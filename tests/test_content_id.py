"""A PDF's /ID is the MD5 of its own bytes with the /ID zeroed (pages.content_id):
the trailer's /ID, which is looked for from the file's end."""
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
        assert found[0].group(1) == hashlib.md5(blank).hexdigest().encode(), path


def test_the_trailers_id_is_replaced_not_one_in_the_content_before_it():
    from jpdocs.writers.pages import content_id
    content = b"BT [<" + b"ab" * 16 + b"><" + b"ab" * 16 + b">] TJ ET\n"   # an ID's pattern in a page
    trailer = b"trailer\n<<\n/ID \n[<" + b"cd" * 16 + b"><" + b"cd" * 16 + b">]\n>>\n%%EOF\n"
    out = content_id(b"%PDF-1.4\n" + content + trailer)
    assert content in out                                   # the page untouched
    digest = hashlib.md5(b"%PDF-1.4\n" + content + trailer.replace(b"cd" * 16, b"0" * 32)).hexdigest().encode()
    assert out.endswith(b"/ID \n[<" + digest + b"><" + digest + b">]\n>>\n%%EOF\n")
    assert content_id(b"%PDF-1.4\nno id\n") == b"%PDF-1.4\nno id\n"
