"""fonts/cid.py: text in the bundled fonts written as CIDs (a glyph's number in the
font), the same bytes in every document, and read back as the characters written,
also where two characters share a glyph and beyond U+FFFF."""
from __future__ import annotations

import io
import re

from pypdf import PdfReader


def _mincho():
    from reportlab.pdfbase.pdfmetrics import getFont
    from jpdocs.fonts import registry
    from jpdocs.spec.style import load_style
    return getFont(registry.register(load_style())["mincho"])


def _drawn(font, *lines: str) -> bytes:
    """A page with `lines` drawn by reportlab's own text code (a canvas's drawString)."""
    from reportlab.pdfgen.canvas import Canvas
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setFont(font.fontName, 12)
    for i, line in enumerate(lines):
        canvas.drawString(72, 700 - 20 * i, line)
    canvas.save()
    return out.getvalue()


def test_a_character_is_its_glyphs_number_in_every_document():
    font = _mincho()
    coding = font.jp_cid
    text = "北海道オホーツク"
    glyphs = [font.face.charToGlyph[ord(c)] for c in text]
    assert coding.code(text) == "".join("%04X" % g for g in glyphs)
    from reportlab.lib.rl_accel import escapePDF
    written = escapePDF(bytes.fromhex(coding.code(text))).encode("latin-1")   # (reportlab's drawString escapes)
    for pdf in (_drawn(font, text, "連携協定"), _drawn(font, "連携協定", text)):
        assert written in PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data()


def test_characters_sharing_a_glyph_and_beyond_ffff_read_back_as_written():
    """BIZ UD Mincho draws U+02DC and U+0303 with one glyph, and U+29FCE and U+29FD7
    with another: each character after the first gets a CID of its own, which the
    /CIDToGIDMap maps to the shared glyph and ToUnicode to the character."""
    font = _mincho()
    coding = font.jp_cid
    coding.code("")                                   # (the font's characters numbered)
    pairs = [(0x02DC, 0x0303), (0x29FCE, 0x29FD7)]
    for a, b in pairs:
        assert font.face.charToGlyph[a] == font.face.charToGlyph[b]
        assert coding.cid_of[a] != coding.cid_of[b]
    pdf = PdfReader(io.BytesIO(_drawn(font, "a˜", "b\u0303", "𩿎", "𩿗")))
    font_dict, = [f.get_object() for f in pdf.pages[0]["/Resources"]["/Font"].values()
                  if f.get_object()["/Subtype"] == "/Type0"]
    cmap = font_dict["/ToUnicode"].get_object().get_data().decode("ascii")
    read = {int(c, 16): bytes.fromhex(u).decode("utf-16-be")
            for c, u in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]+)>", "".join(re.findall(r"beginbfchar(.*?)endbfchar",
                                                                                   cmap, re.S)))}
    to_gid = font_dict["/DescendantFonts"][0].get_object()["/CIDToGIDMap"].get_object().get_data()
    for a, b in pairs:
        ca, cb = coding.cid_of[a], coding.cid_of[b]
        assert (read[ca], read[cb]) == (chr(a), chr(b))
        assert to_gid[2 * ca:2 * ca + 2] == to_gid[2 * cb:2 * cb + 2] != b"\0\0"


def test_the_hex_table_made_as_characters_are_coded_is_the_whole_fonts():
    """The code point → hex table is filled as characters are first coded
    (cid._HexTable); every character, looked up in any order, gives what formatting
    the whole font up front gave, and text with a character the font lacks codes
    it as CID 0 whether or not the table has met the text's other characters."""
    from jpdocs.fonts.cid import Coding
    font = _mincho()
    coding = Coding(font)                             # (the font's own may be whole already)
    lacking = "\U000F0000"                            # (a private-use plane: in no bundled font)
    assert coding.code("北" + lacking + "海") == coding.code("北") + "0000" + coding.code("海")
    assert coding.code("𩿗" + lacking + "˜") == coding.code("𩿗") + "0000" + coding.code("˜")
    assert ord(lacking) not in coding.hex and ord(lacking) not in coding.cid_of
    whole = {char: "%04X" % cid for char, cid in coding.cid_of.items()}
    chars = sorted(whole, reverse=True)
    assert coding.code("".join(map(chr, chars))) == "".join(whole[c] for c in chars)
    assert dict(coding.hex) == whole and len(whole) >= len(font.face.charToGlyph)


def test_the_hex_table_is_made_whole_when_a_second_document_draws_the_font():
    """Made whole as a plain dict, as it was made before (no look-up of a batch's
    later notices goes through __missing__)."""
    from reportlab.pdfbase.pdfdoc import PDFDocument
    from jpdocs.fonts.cid import Coding
    coding = Coding(_mincho())
    coding.used(PDFDocument())
    coding.code("北")
    assert len(coding.hex) == 1
    coding.used(PDFDocument())
    assert type(coding.hex) is dict and coding.hex == {char: "%04X" % cid for char, cid in coding.cid_of.items()}


def test_shaped_text_is_not_left_to_reportlabs_byte_a_glyph_code():
    """reportlab's code for shaped text takes one byte for a glyph; a CID is two, so
    such text in a bundled font is refused rather than drawn wrong (the composer's
    runs are written by writers/textout.py)."""
    import pytest
    from reportlab.pdfbase.pdfdoc import PDFDocument
    from reportlab.pdfbase.ttfonts import ShapedStr
    font = _mincho()
    with pytest.raises(ValueError, match="textout"):
        font.splitString(ShapedStr("北海道"), PDFDocument())


def test_a_font_named_with_nothing_drawn_is_a_font_of_the_missing_glyph_alone():
    """drawString("") names the font in the page (reportlab's Tf) and draws nothing:
    the font is still written, its file holding glyph 0 alone."""
    from fontTools.ttLib import TTFont
    pdf = PdfReader(io.BytesIO(_drawn(_mincho(), "")))
    font, = [f.get_object() for f in pdf.pages[0]["/Resources"]["/Font"].values()
             if f.get_object()["/Subtype"] == "/Type0"]
    data = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]["/FontFile2"].get_object().get_data()
    assert TTFont(io.BytesIO(data)).getGlyphOrder() == [".notdef"]


def test_pdfa_leaves_a_map_ending_in_a_carriage_return_as_it_is():
    """pdfa.py gives a deflated text stream whose last byte is CR another newline
    (validators misread its length); a /CIDToGIDMap is binary, where a byte more is
    a CID more, and is left as it is. (The same stream, not a map, is changed.)"""
    import random
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, StreamObject
    from jpdocs import flate
    from jpdocs.pdf.pdfa import _no_cr_before_endstream
    rng = random.Random(2)
    while True:
        raw = bytearray(2000)
        for _ in range(30):
            raw[rng.randrange(2000)] = rng.randrange(1, 256)
        data = flate.compress(bytes(raw), flate.CID_MAP)
        if data.endswith(b"\r"):
            break
    for is_map in (True, False):
        w = PdfWriter()
        stream = StreamObject()
        stream._data = data
        stream[NameObject("/Filter")] = NameObject("/FlateDecode")
        ref = w._add_object(stream)
        if is_map:
            w._add_object(DictionaryObject({NameObject("/CIDToGIDMap"): ref}))
        _no_cr_before_endstream(w)
        assert (stream._data == data) is is_map


def test_a_fonts_dictionaries_are_written_as_reportlab_formats_them():
    """fonts/cid.py writes a font's descriptor, CIDFont and Type0 dictionaries from a
    template per face: the bytes reportlab's own formatting gives the same entries as
    PDFDictionary objects (as the fonts were made before the templates)."""
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC
    from reportlab.pdfgen.canvas import Canvas
    from jpdocs.fonts import cid
    font = _mincho()
    canvas = Canvas(io.BytesIO())
    canvas.setFont(font.fontName, 12)
    canvas.drawString(72, 700, "北海道オホーツク（総合振興局）™")
    doc = canvas._doc
    font.jp_cid.add_objects(doc)
    name, = [n for n in doc.idToObject if n.startswith("fontDescriptor:")]
    base_name = name.split(":", 1)[1]
    numbers = doc.idToObjectNumberAndVersion

    def ref(kind: str) -> pdfdoc.PDFObjectReference:
        return pdfdoc.PDFObjectReference(f"{kind}:{base_name}")
    face = font.face
    descriptor = {"Type": pdfdoc.PDFName("FontDescriptor"), "Ascent": face.ascent, "CapHeight": face.capHeight,
                  "Descent": face.descent, "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                  "FontBBox": pdfdoc.PDFArray(face.bbox), "ItalicAngle": face.italicAngle, "StemV": face.stemV,
                  "FontName": pdfdoc.PDFName(base_name), "FontFile2": ref("fontFile")}
    widths = doc.idToObject[f"cidFont:{base_name}"].data.split(b"/W ", 1)[1].rsplit(b"\n>>", 1)[0]
    assert widths.startswith(b"[") and widths.endswith(b"]") and widths != b"[]"     # (™ is narrow)
    cid_font = {"Type": pdfdoc.PDFName("Font"), "Subtype": pdfdoc.PDFName("CIDFontType2"),
                "BaseFont": pdfdoc.PDFName(base_name), "CIDSystemInfo": pdfdoc.PDFDictionary(
                    {"Registry": pdfdoc.PDFString("Adobe"), "Ordering": pdfdoc.PDFString("Identity"), "Supplement": 0}),
                "FontDescriptor": ref("fontDescriptor"), "DW": 1000, "W": cid._Formatted(widths),
                "CIDToGIDMap": ref("cidToGidMap")}
    type0 = {"Type": pdfdoc.PDFName("Font"), "Subtype": pdfdoc.PDFName("Type0"), "BaseFont": pdfdoc.PDFName(base_name),
             "Encoding": pdfdoc.PDFName("Identity-H"), "DescendantFonts": pdfdoc.PDFArray([ref("cidFont")]),
             "ToUnicode": ref("toUnicodeCMap")}
    type0_name = doc.idToObject["BasicFonts"].dict[font.jp_cid.name(doc)[1:]].name
    for internal, entries in ((name, descriptor), (f"cidFont:{base_name}", cid_font), (type0_name, type0)):
        assert doc.idToObject[internal].data == pdfdoc.PDFDictionary(entries).format(doc), internal
    # registered in the order the dictionaries registered them
    order = [f"fontFile:{base_name}", name, f"cidToGidMap:{base_name}", f"cidFont:{base_name}",
             f"toUnicodeCMap:{base_name}", type0_name]
    assert [numbers[n][0] for n in order] == sorted(numbers[n][0] for n in order)
