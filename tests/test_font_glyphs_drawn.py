"""The embedded font subsets carry the glyphs the document draws and no others:
reportlab's default "ASCII readable" subsets put all 95 ASCII glyphs into every
font's first subset, drawn or not, a sixth of a press notice (fonts/registry.py turns it
off). Read from the PDF: every character a subset's ToUnicode CMap maps is one
the page's text has."""
from __future__ import annotations

import re

from pypdf import PdfReader

from conftest import SEED_SPEC

_PAIR = re.compile(rb"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]+)>")


def _mapped(font) -> set[str]:
    cmap = font["/ToUnicode"].get_object().get_data()
    body = cmap.split(b"beginbfchar", 1)[1].split(b"endbfchar", 1)[0]
    return {bytes.fromhex(u.decode()).decode("utf-16-be") for _, u in _PAIR.findall(body)}


def test_a_notice_embeds_only_the_glyphs_it_draws(tmp_path):
    from jpdocs.build import batch
    batch._init_worker(("pdf",), None)
    res = batch.build_one(str(SEED_SPEC), str(tmp_path), ("pdf",), None, force=True)
    assert res.status == "built", res.problems
    reader = PdfReader(str(tmp_path / SEED_SPEC.stem / "press-notice.pdf"))
    drawn = set("".join(page.extract_text() for page in reader.pages)) | {" "}
    fonts = {}
    for page in reader.pages:
        fonts.update(page["/Resources"]["/Font"])
    assert len(fonts) >= 3
    for name, ref in fonts.items():
        extra = _mapped(ref.get_object()) - drawn
        assert not extra, f"{name} embeds glyphs the notice never draws: {''.join(sorted(extra))}"
