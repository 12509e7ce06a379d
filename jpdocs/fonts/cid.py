"""Text written as glyph IDs: one Type0 font (a CIDFontType2, Identity-H) per face
and document, in place of reportlab's subsets of 256 characters.

reportlab numbers a document's characters in the order the document first draws
them and puts each 256 of them in a TrueType subset of their own (`splitString`,
a Python loop a character, then a font file, a ToUnicode map, widths and a
descriptor per subset). Those numbers differ from one document to the next, so a
run's bytes could never be remembered across a batch. Here a character's code is
a CID fixed by the font itself: its glyph's index in the font (CID = glyph ID), two
bytes written as four hex digits. A run is coded in C (`str.translate` with a
table made once per font and process) and a run the composer remembers keeps its
operators for every later document (writers/textout.py); the document only notes
which runs it drew, and its glyphs are gathered once, when the file is written.

A glyph that two characters of the font share (BIZ UD: U+02DC and U+0303) gets a
CID of its own for each character after the first, above the font's glyph count,
so that the ToUnicode map reads every character back as it was written.

Each face drawn in a document is written as one Type0 font (/Encoding
/Identity-H, the ToUnicode map) over one CIDFontType2 (CIDSystemInfo
Adobe-Identity-0, /DW and /W for the widths, /CIDToGIDMap) with its descriptor
and font file: the glyphs drawn, cut by fonts/cut.py (without hinting) and
numbered 1, 2 … in the order of their CIDs, which the /CIDToGIDMap stream maps
(two bytes a CID; mostly zeros, it deflates to a few hundred bytes). Keeping the
font's own glyph numbers in the subset (/CIDToGIDMap /Identity) would need its
loca and hmtx tables as long as the whole font's, ~55 KB a face to deflate. No
/CIDSet: PDF/A-2 and PDF/UA-1 make it optional (PDF/A-1 required it).
"""
from __future__ import annotations

from binascii import crc32

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, ShapedStr

from ..flate import compress
from .cut import Cutter
from .hinting import strip as strip_hinting

DEFAULT_WIDTH = 1000            # /DW: a full-width character's, most of a Japanese text's


class Coding:
    """One font's characters as CIDs, and the PDF objects of the glyphs a document drew."""

    def __init__(self, font):
        self.font = font
        self.face = font.face
        self.hex: dict[int, str] = {}         # a code point → its CID in hex, for str.translate
        self.widths: dict[int, bytes] = {}    # a CID → its width as /W writes it
        self.lines: dict[int, str] = {}       # a CID → its ToUnicode line

    def _number(self) -> dict[int, str]:
        """The font's characters numbered (where a document first draws with it: the
        whole cmap is read then, not when a run only checks its coverage)."""
        face = self.face
        glyphs = len(face.hmetrics)
        self.cid_of: dict[int, int] = {}      # a code point → its CID
        self.char_of: dict[int, int] = {}     # a CID → the code point it reads back as
        self.glyph_of: dict[int, int] = {}    # a CID → its glyph in the font
        shared = glyphs                       # the next CID of a glyph's second character
        for char, glyph in sorted(face.charToGlyph.items()):
            cid = glyph
            if glyph in self.glyph_of:        # (CID `glyph` is the character's before)
                cid, shared = shared, shared + 1
            self.cid_of[char] = cid
            self.char_of[cid] = char
            self.glyph_of[cid] = glyph
        space = self.cid_of.get(32)
        if space is not None and 0xA0 not in self.cid_of:
            self.cid_of[0xA0] = space         # a no-break space drawn as the space, as reportlab drew it
        self.cutter = Cutter(face)
        self.usable = self.cutter.usable()
        self.hex = {char: "%04X" % cid for char, cid in self.cid_of.items()}
        return self.hex

    def code(self, text: str) -> str:
        """`text` as hex digits, four a character (its CID); a character the font
        lacks as CID 0, the missing glyph, as reportlab drew it."""
        table = self.hex or self._number()
        out = text.translate(table)
        if len(out) == 4 * len(text):
            return out
        return "".join([table.get(c, "0000") for c in map(ord, text)])

    # --- the document's state: the runs it drew, the font's name in it
    def used(self, doc) -> list:
        """The runs drawn with the font in `doc` (its glyphs are gathered when the
        file is written), the font named in the document where it is first drawn
        (as reportlab's getSubsetInternalName names it: F1, F2 … in order)."""
        try:
            fonts = doc.jp_cid_fonts
        except AttributeError:
            fonts = doc.jp_cid_fonts = {}
        state = fonts.get(self)
        if state is None:
            name = "F%d" % (len(doc.fontMapping) + 1)
            doc.fontMapping[self.font.fontName] = "/" + name
            doc.delayedFonts.append(self.font)
            state = fonts[self] = (name, [])
        return state[1]

    def name(self, doc) -> str:
        """The font's resource name in `doc` ("/F1")."""
        self.used(doc)
        return "/" + doc.jp_cid_fonts[self][0]

    # reportlab's own text code (a paragraph drawing.py leaves to reportlab, a
    # canvas's drawString) asks the font for these two
    def split_string(self, text, doc, encoding="utf-8"):
        """TTFont.splitString: one piece, the CIDs' two bytes each."""
        if isinstance(text, ShapedStr):    # (reportlab's code for it takes a byte for a glyph)
            raise ValueError("shaped text is written by writers/textout.py only")
        if not isinstance(text, str):
            text = text.decode(encoding)
        self.used(doc).append(text)
        return [(0, bytes.fromhex(self.code(text)))]

    def subset_internal_name(self, subset, doc) -> str:
        if subset != 0:
            raise IndexError("Subset %d does not exist in font %s" % (subset, self.font.fontName))
        return self.name(doc)

    # --- the objects, when the file is written
    def add_objects(self, doc) -> None:
        """TTFont.addObjects: the Type0 font of the glyphs `doc` drew, with its parts."""
        state = getattr(doc, "jp_cid_fonts", {}).get(self)
        if state is None:
            return
        name, runs = state
        cid_of = self.cid_of
        cids = sorted({cid_of.get(c, 0) for c in map(ord, set("".join(runs)))} - {0})
        chars = list(map(self.char_of.__getitem__, cids))
        font_file = self.cutter.cut(chars) if self.usable else strip_hinting(self.face.makeSubset(chars))
        tag = _tag(cids)
        base_name = "%s+%s" % (tag, (self.face.name + self.face.subfontNameX).decode("latin-1"))
        ref = doc.Reference

        stream = pdfdoc.PDFStream(content=font_file)
        stream.dictionary["Length1"] = len(font_file)
        _deflated(stream, doc)
        face = self.face
        descriptor = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("FontDescriptor"), "Ascent": face.ascent, "CapHeight": face.capHeight,
            "Descent": face.descent, "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
            "FontBBox": pdfdoc.PDFArray(face.bbox), "FontName": pdfdoc.PDFName(base_name),
            "ItalicAngle": face.italicAngle, "StemV": face.stemV,
            "FontFile2": ref(stream, "fontFile:" + base_name)})

        glyph_of = self.glyph_of
        numbered = {glyph: n for n, glyph in enumerate(dict.fromkeys([0, *map(glyph_of.__getitem__, cids)]))}
        to_gid = bytearray(2 * (cids[-1] + 1 if cids else 1))
        for cid in cids:
            n = numbered[glyph_of[cid]]
            to_gid[2 * cid] = n >> 8
            to_gid[2 * cid + 1] = n & 0xFF
        cid_map = pdfdoc.PDFStream(content=bytes(to_gid))
        _deflated(cid_map, doc)

        cid_font = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("Font"), "Subtype": pdfdoc.PDFName("CIDFontType2"),
            "BaseFont": pdfdoc.PDFName(base_name), "CIDSystemInfo": _SYSTEM_INFO,
            "FontDescriptor": ref(pdfdoc.PDFDictionary(descriptor.dict), "fontDescriptor:" + base_name),
            "DW": DEFAULT_WIDTH, "W": _Formatted(self._widths(cids)),
            "CIDToGIDMap": ref(cid_map, "cidToGidMap:" + base_name)})
        to_unicode = pdfdoc.PDFStream(content=self._to_unicode(cids))
        _deflated(to_unicode, doc)
        type0 = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("Font"), "Subtype": pdfdoc.PDFName("Type0"),
            "BaseFont": pdfdoc.PDFName(base_name), "Encoding": pdfdoc.PDFName("Identity-H"),
            "DescendantFonts": pdfdoc.PDFArray([ref(cid_font, "cidFont:" + base_name)]),
            "ToUnicode": ref(to_unicode, "toUnicodeCMap:" + base_name)})
        doc.idToObject["BasicFonts"].dict[name] = ref(type0, name)

    def _widths(self, cids: list[int]) -> bytes:
        """/W: the CIDs whose width is not /DW, consecutive ones in one array."""
        widths, get_width = self.widths, self.face.getCharWidth
        out, last = [], -2
        for cid in cids:
            w = widths.get(cid)
            if w is None:
                width = get_width(self.char_of[cid])
                w = widths[cid] = b"" if width == DEFAULT_WIDTH else fp_str(width).encode("ascii")
            if not w:
                continue
            if cid == last + 1:
                out[-1].append(w)
            else:
                out.append(b"%d" % cid)
                out.append([w])
            last = cid
        return b"[" + b" ".join([b"[%s]" % b" ".join(x) if type(x) is list else x for x in out]) + b"]"

    def _to_unicode(self, cids: list[int]) -> bytes:
        """The ToUnicode CMap: each CID's character, in UTF-16BE (a surrogate pair
        beyond U+FFFF), a hundred lines to a block as the CMap format allows."""
        lines, char_of = self.lines, self.char_of
        body = []
        for at in range(0, len(cids), 100):
            block = cids[at:at + 100]
            body.append("%d beginbfchar" % len(block))
            for cid in block:
                line = lines.get(cid)
                if line is None:
                    char = chr(char_of[cid])
                    line = lines[cid] = "<%04X> <%s>" % (cid, char.encode("utf-16-be", "surrogatepass").hex().upper())
                body.append(line)
            body.append("endbfchar")
        return "\n".join([_CMAP_HEAD, *body, _CMAP_TAIL]).encode("ascii")


_CMAP_HEAD = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
              "<< /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n"
              "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange")
_CMAP_TAIL = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
_SYSTEM_INFO = pdfdoc.PDFDictionary({"Registry": pdfdoc.PDFString("Adobe"), "Ordering": pdfdoc.PDFString("Identity"),
                                     "Supplement": 0})


def _tag(cids: list[int]) -> str:
    """The subset's six-letter tag (PDF: the same tag, the same glyphs), from its CIDs."""
    n = crc32(b"".join(b"%d," % c for c in cids))
    letters = []
    for _ in range(6):
        n, r = divmod(n, 26)
        letters.append(chr(65 + r))
    return "".join(letters)


class _Formatted(pdfdoc.PDFObject):
    """A value formatted before (the /W array)."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document):
        return self.data


def _deflated(stream, doc) -> None:
    if doc.compression:
        stream.filters = [pdfdoc.PDFZCompress]


def install(font) -> Coding:
    """`font` (a registered TTFont) drawn as glyph IDs: reportlab's per-document
    subsets replaced by its Coding's (kept as `font.jp_cid`)."""
    coding = font.jp_cid = Coding(font)
    font.splitString = coding.split_string
    font.getSubsetInternalName = coding.subset_internal_name
    font.addObjects = coding.add_objects
    return coding


class _Flate(pdfdoc.PDFStreamFilterZCompress):
    """reportlab's FlateDecode filter deflating with `flate.compress` (flate.py says why)."""

    def encode(self, text):
        return compress(text.encode("utf8") if isinstance(text, str) else text)


# Every stream reportlab deflates goes through this one filter object (looked up in
# pdfdoc at write time).
pdfdoc.PDFZCompress = _Flate()
