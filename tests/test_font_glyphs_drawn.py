"""The embedded fonts carry the glyphs the document draws and no others, one font
per face (fonts/cid.py): read from the PDF, every character a font's ToUnicode CMap
maps is one the page's text has, each face is one Type0 font over a CIDFontType2
(Identity-H), and the widths it gives are the font's."""
from __future__ import annotations

import re

from pypdf import PdfReader

from conftest import SEED_SPEC

_PAIR = re.compile(rb"<([0-9A-F]{4})>\s*<([0-9A-F]+)>")


def _mapped(font) -> dict[int, str]:
    """A font's ToUnicode map: CID → its text."""
    cmap = font["/ToUnicode"].get_object().get_data()
    body = b"".join(re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S))
    return {int(c, 16): bytes.fromhex(u.decode()).decode("utf-16-be") for c, u in _PAIR.findall(body)}


def _widths(cid_font) -> dict[int, float]:
    """/W read: CID → width (the others are /DW)."""
    out, w = {}, list(cid_font.get("/W", []))
    while w:
        first, widths = w.pop(0), w.pop(0)
        out.update({first + i: float(x) for i, x in enumerate(widths)})
    return out


def test_a_notice_embeds_only_the_glyphs_it_draws(tmp_path):
    from reportlab.pdfbase.pdfmetrics import getFont
    from jpdocs.build import batch
    from jpdocs.fonts import registry
    batch._init_worker(("pdf",), None)
    res = batch.build_one(str(SEED_SPEC), str(tmp_path), ("pdf",), None, force=True)
    assert res.status == "built", res.problems
    reader = PdfReader(str(tmp_path / SEED_SPEC.stem / "press-notice.pdf"))
    drawn = set("".join(page.extract_text() for page in reader.pages)) | {" "}
    fonts = {}
    for page in reader.pages:
        fonts.update(page["/Resources"]["/Font"])
    faces = {str(ref.get_object()["/BaseFont"]).split("+", 1)[1] for ref in fonts.values()}
    assert len(faces) == len(fonts) >= 2          # one font a face
    by_face = {font.face.name.decode(): font for font in registry._BY_CONTENT.values()}
    narrow = 0                                    # glyphs not at /DW
    for name, ref in fonts.items():
        font = ref.get_object()
        assert (font["/Subtype"], font["/Encoding"]) == ("/Type0", "/Identity-H")
        cid_font = font["/DescendantFonts"][0].get_object()
        assert cid_font["/Subtype"] == "/CIDFontType2"
        info = cid_font["/CIDSystemInfo"]
        assert (info["/Registry"], info["/Ordering"], info["/Supplement"]) == ("Adobe", "Identity", 0)
        mapped = _mapped(font)
        extra = set(mapped.values()) - drawn
        assert not extra, f"{name} embeds glyphs the notice never draws: {''.join(sorted(extra))}"
        face = getFont(by_face[str(font["/BaseFont"]).split("+", 1)[1]].fontName).face
        widths = _widths(cid_font)
        narrow += len(widths)
        for cid, text in mapped.items():
            assert widths.get(cid, cid_font["/DW"]) == face.getCharWidth(ord(text)), (name, text)
    assert narrow, "every glyph at /DW: the test proves nothing"
