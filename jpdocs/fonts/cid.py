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
the codes of the runs it drew, and its glyphs are gathered once, when the file is
written.

A glyph that two characters of the font share (BIZ UD: U+02DC and U+0303) gets a
CID of its own for each character after the first, above the font's glyph count,
so that the ToUnicode map reads every character back as it was written.

Each face drawn in a document is written as one Type0 font (/Encoding
/Identity-H, the ToUnicode map) over one CIDFontType2 (CIDSystemInfo
Adobe-Identity-0, /DW and /W for the widths, /CIDToGIDMap) with its descriptor
and font file: the glyphs drawn, cut by fonts/cut.py (without hinting) and
numbered 1, 2 … in the order of their CIDs, which the /CIDToGIDMap stream maps
(two bytes a CID, mostly zeros, written run-length encoded: glyph_map.py). Keeping the font's own glyph numbers in the
subset (/CIDToGIDMap /Identity) would need its loca and hmtx tables as long as the
whole font's, three times the map's bytes. No /CIDSet: PDF/A-2 and PDF/UA-1 make
it optional (PDF/A-1 required it). A glyph set's parts (font file, /W, the maps,
with their deflated forms) are kept for a document drawn again; no two notices of
a batch draw the same set, so each notice cuts and deflates its fonts anew, as it
cut ~2.8 new subsets before.
"""
from __future__ import annotations

import functools
import sys
from array import array
from binascii import crc32
from itertools import compress as picked, repeat
from operator import is_, itemgetter
from struct import pack

from reportlab.lib.rl_accel import fp_str, instanceStringWidthTTF
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, ShapedStr

from ..flate import CID_MAP, FONT_PROGRAM, LEVEL, compress
from . import lookups, numbering
from .cache import coverage
from .cut import Cutter
from .glyph_map import run_length_map
from .hinting import strip as strip_hinting

DEFAULT_WIDTH = 1000            # /DW: a full-width character's, most of a Japanese text's
MAX_KEPT = 64                   # glyph sets' parts kept per font and process (~90 KB each)


class _HexTable(dict):
    """A code point → its CID as four hex digits, made the first time a character is
    coded (`__missing__`, which str.translate's look-up calls as `table[c]` does):
    numbering and formatting all of a font's 11,741 characters up front took ~5 ms a
    font of every cold run, which codes a few hundred. The same strings as the whole
    numbering (Coding.cid_of); a character the font lacks raises KeyError, which
    str.translate takes as "leave it", as it did when the table had no entry for it.
    Bounded by the font's characters; replaced by the whole table, a plain dict, once
    a second document draws with the font (Coding.used)."""
    __slots__ = ("coding",)

    def __init__(self, coding: "Coding"):
        super().__init__()
        self.coding = coding

    def __missing__(self, char: int) -> str:
        value = self[char] = "%04X" % self.coding.cid(char)
        return value


class Coding:
    """One font's characters as CIDs, and the PDF objects of the glyphs a document drew."""

    def __init__(self, font):
        self.font = font
        self.face = font.face
        self.hex: _HexTable | None = None     # a code point → its CID in hex, for str.translate
        # by CID (lists made with the numbering, None where not made yet): a glyph
        # set looks up each of its ~300 CIDs in these two and char_of, and a list's
        # item is found by its index where a dictionary's int key is compared again
        # (a CID's int is not the key's object): ~0.1 M instructions a notice each
        self.widths: list[bytes | None] = []  # a CID → its width as /W writes it (b"": /DW)
        self.lines: list[str | None] = []     # a CID → its ToUnicode line
        # a glyph set's parts (_parts), for a document drawn again (the app's preview,
        # a release after its notice): no other notice of a batch has the same set
        self.made: dict[tuple, tuple] = {}
        face = self.face
        self.face_name = (face.name + face.subfontNameX).decode("latin-1")
        self.templates: tuple[bytes, bytes, bytes] | None = None     # (_templates)
        self.documents = 0                    # documents the font was drawn in (used)

    def _number(self) -> dict[int, str]:
        """What coding needs before the first character, where a document first draws
        with the font (not where a run only checks its coverage): the characters whose
        CID is not their glyph's number (numbering.py: stored with the font's cache
        entry), and the tables by CID. A character is numbered as it is first coded
        (`cid`), and the whole cmap only where a second document draws (`used`)."""
        glyphs, self.extra = numbering.of(self.face)
        shared = glyphs + len(self.extra)     # the CIDs: the glyphs', then the extra ones
        if shared > 0x10000:
            raise ValueError(f"{self.font.fontName}: more glyphs and characters sharing them than two bytes number")
        # a CID → the code point it reads back as, noted as characters are numbered
        # (by CID, as widths and lines; None for a CID no character has been given)
        self.char_of: list[int | None] = [None] * shared
        # a no-break space the font lacks is drawn as the space, as reportlab drew it
        covered = coverage(self.face)
        self.space_for_nbsp = 0xA0 not in covered and 32 in covered
        self.widths, self.lines = [None] * shared, [None] * shared
        self.glyph = lookups.glyph_of(self.face)    # (not the cmap's dict where a cold run has arrays)
        self.cutter = Cutter(self.face)
        self.usable = self.cutter.usable()
        self.hex = _HexTable(self)
        return self.hex

    def cid(self, char: int) -> int:
        """The CID of code point `char` (KeyError if the font lacks it), noted in
        char_of: the CID is the glyph's number but for the extra ones, so `char` is
        the only character numbered so (the lowest of those that share its glyph)."""
        cid = self.extra.get(char)
        if cid is None:
            if char == 0xA0 and self.space_for_nbsp:
                return self.cid(32)           # (read back as the space: not noted as U+00A0)
            cid = self.glyph(char)
        try:
            self.char_of[cid] = char
        except IndexError:    # (not KeyError, which str.translate would take as "the font lacks it")
            raise ValueError(f"{self.font.fontName}: U+{char:04X} is mapped to glyph {cid}, which the font"
                             " does not have") from None
        return cid

    @functools.cached_property
    def cid_of(self) -> dict[int, int]:
        """Every code point of the font → its CID (a batch's second document codes
        from it, and then every CID's character is noted)."""
        if self.hex is None:
            self._number()
        cid_of = dict(self.face.charToGlyph)
        cid_of.update(self.extra)
        char_of = self.char_of
        for char, cid in cid_of.items():
            char_of[cid] = char
        if self.space_for_nbsp:
            cid_of[0xA0] = cid_of[32]
        return cid_of

    def glyph_of(self, cid: int) -> int:
        """The glyph a CID numbered so far draws."""
        return self.face.charToGlyph[self.char_of[cid]]

    def code(self, text: str) -> str:
        """`text` as hex digits, four a character (its CID); a character the font
        lacks as CID 0, the missing glyph, as reportlab drew it."""
        table = self.hex if self.hex is not None else self._number()
        out = text.translate(table)
        if len(out) == 4 * len(text):
            return out
        # (translate has looked up every character of `text`: a table still being
        # filled holds all of them that the font has)
        return "".join([table.get(c, "0000") for c in map(ord, text)])

    # --- the document's state: the runs it drew, the font's name in it
    def used(self, doc) -> list:
        """The codes of the runs drawn with the font in `doc` (their glyphs are
        gathered when the file is written); the font named in the document where it
        is first drawn (as reportlab's getSubsetInternalName named it: F1, F2 … in order)."""
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
            self.documents += 1
            if self.documents == 2:
                # A second document (a batch, the app): many will follow, each with
                # characters the ones before lacked, which __missing__ would make one
                # call at a time, and a character the font lacks would go through it
                # on every look-up (+0.14 M instructions a warm notice). So the whole
                # table, a plain dict, as it was made before any document drew.
                self.hex = {char: "%04X" % cid for char, cid in self.cid_of.items()}
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
        codes = self.code(text)
        self.used(doc).append(codes)
        return [(0, bytes.fromhex(codes))]

    def string_width(self, text, size, encoding="utf8"):
        """TTFont.stringWidth: rl_accel's instanceStringWidthTTF, which reads the
        face's widths dict; before the dict is in memory (a cold run: lookups.py), the
        same sum over the arrays, as the C code makes it: each advance (a character
        the font lacks: the default) added in order to 0.0, times 0.001, times size."""
        arrays = lookups.arrays_of(self.face)
        if arrays is None:
            return instanceStringWidthTTF(self.font, text, size, encoding)
        if not isinstance(text, str):
            text = text.decode(encoding or "utf8")
        width, total = arrays.width, 0.0
        for code in map(ord, text):
            total += width(code)
        return total * 0.001 * size

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
        # the CIDs drawn, gathered in C: every run's codes at once, as 16-bit numbers
        drawn = array("H", bytes.fromhex("".join(runs)))
        if _LITTLE_ENDIAN:
            drawn.byteswap()
        cids = set(drawn)
        cids.discard(0)                   # (in place: `- {0}` copied the set)
        cids = tuple(sorted(cids))
        parts = self.made.get(cids)
        if parts is None:
            if len(self.made) >= MAX_KEPT:
                self.made.clear()
            parts = self.made[cids] = self._parts(cids)
        base_name, font_file, widths, cid_map, to_unicode = parts
        # The three dictionaries (descriptor, CIDFont, Type0) as their final bytes:
        # each is its face's template (reportlab's own formatting of the entries,
        # made once per face and process) with the glyph set's name, its /W and
        # the references filled in. Made as PDFDictionary objects and formatted
        # when the file is written (pdffile._items, an entry at a time), they cost
        # a notice ~0.35 M instructions. The objects are registered in the order
        # the dictionaries registered them (their numbers are the same).
        ref, numbers = doc.Reference, doc.idToObjectNumberAndVersion
        descriptor, cid_font, type0 = _Formatted(), _Formatted(), _Formatted()
        stream = font_file.stream(doc, length1=True)
        named = ("fontFile:" + base_name, "fontDescriptor:" + base_name, "cidToGidMap:" + base_name,
                 "cidFont:" + base_name, "toUnicodeCMap:" + base_name)
        for obj, internal in zip((stream, descriptor, cid_map.stream(doc), cid_font, to_unicode.stream(doc)), named):
            ref(obj, internal)
        doc.idToObject["BasicFonts"].dict[name] = ref(type0, name)
        font_file_ref, descriptor_ref, map_ref, cid_font_ref, to_unicode_ref = [
            b"%d %d R" % numbers[internal] for internal in named]
        templates = self.templates or self._templates()
        font_name = self._name_bytes(base_name)
        descriptor.data = _filled(templates[0], font_name, font_file_ref)
        cid_font.data = _filled(templates[1], font_name, descriptor_ref, widths, map_ref)
        type0.data = _filled(templates[2], font_name, cid_font_ref, to_unicode_ref)

    def _name_bytes(self, base_name: str) -> bytes:
        """The glyph set's name as the file writes it (`_name_bytes`), its face's part
        spelled once per process: reportlab's PDFName looks at a name character by
        character, each alone, and a tag's letters and its "+" are written as they are."""
        tag, plus, rest = base_name.partition("+")
        if plus and rest == self.face_name and tag.isascii() and tag.isalpha():
            tail = self.__dict__.get("name_tail")
            if tail is None:
                tail = self.name_tail = _name_bytes("+" + self.face_name)[1:]
            return b"/" + tag.encode("ascii") + tail
        return _name_bytes(base_name)

    def _templates(self) -> tuple[bytes, bytes, bytes]:
        """The face's descriptor, CIDFont and Type0 dictionaries as reportlab formats
        them, with _SLOTS where a glyph set's values go (`_filled`): the descriptor's
        entries but the subset's name and its font file are reportlab's of a subset
        (its addSubsetObjects), the font flagged symbolic as it flags it."""
        face = self.face
        slot = _SLOTS
        descriptor = {
            "Type": pdfdoc.PDFName("FontDescriptor"), "Ascent": face.ascent, "CapHeight": face.capHeight,
            "Descent": face.descent, "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
            "FontBBox": pdfdoc.PDFArray(face.bbox), "ItalicAngle": face.italicAngle, "StemV": face.stemV,
            "FontName": slot[0], "FontFile2": slot[1]}
        cid_font = {"Type": _FONT, "Subtype": _CID_FONT_TYPE2, "BaseFont": slot[0], "CIDSystemInfo": _SYSTEM_INFO,
                    "FontDescriptor": slot[1], "DW": DEFAULT_WIDTH, "W": slot[2], "CIDToGIDMap": slot[3]}
        type0 = {"Type": _FONT, "Subtype": _TYPE0, "BaseFont": slot[0], "Encoding": _IDENTITY_H,
                 "DescendantFonts": pdfdoc.PDFArray([slot[1]]), "ToUnicode": slot[2]}
        document = pdfdoc.PDFDocument()
        self.templates = tuple(pdfdoc.PDFDictionary(d).format(document) for d in (descriptor, cid_font, type0))
        return self.templates

    def _parts(self, cids: tuple[int, ...]) -> tuple:
        """What the font's objects hold of the glyph set `cids`: its name, its font
        file, /W, /CIDToGIDMap and ToUnicode map (the streams kept with their
        deflated forms)."""
        chars = list(_by_cid(self.char_of, cids))
        font_file = self.cutter.cut(chars) if self.usable else strip_hinting(self.face.makeSubset(chars))
        lines = _by_cid(self.lines, cids)
        if not all(lines):            # (a line is never empty: a false one is a CID not met yet)
            self._learn(cids, lines)
            lines = _by_cid(self.lines, cids)
        return ("%s+%s" % (_tag(cids), self.face_name), _Kept(font_file, FONT_PROGRAM), self._widths(cids),
                _KeptMap(self._cid_to_gid(cids)), _Kept(_to_unicode(lines)))

    def _learn(self, cids: tuple[int, ...], lines: tuple) -> None:
        """Each CID's /W entry and ToUnicode line, for the CIDs of `cids` met for the
        first time (`lines`: theirs so far, None where not made), made once per process.
        The two are made together, so that one check (`_parts`: `all`, ~60
        instructions a CID) finds the new ones for both, where `None in` each of the two
        tables compared every item with None (~150 a CID each)."""
        get_width, char_of, widths, table = lookups.width_of(self.face), self.char_of, self.widths, self.lines
        for cid in list(picked(cids, map(is_, lines, repeat(None)))):     # (the new ones, in C)
            width = get_width(char_of[cid])
            widths[cid] = b"" if width == DEFAULT_WIDTH else fp_str(width).encode("ascii")
            char = chr(char_of[cid]).encode("utf-16-be", "surrogatepass").hex().upper()
            table[cid] = "<%04X> <%s>" % (cid, char)

    def _cid_to_gid(self, cids: tuple[int, ...]) -> bytes:
        """/CIDToGIDMap: two bytes a CID up to the last drawn, each the CID's glyph
        in the subset (fonts/cut.py numbers the glyphs 1, 2 … in the order of their
        CIDs; a glyph two CIDs share, once), 0 for a CID not drawn; run-length
        encoded without being written out in full (glyph_map.py)."""
        # (no CID above the glyphs: none shared; the glyph count as the font's cache entry
        # keeps it, numbering.of, so that the face's offsets and metrics need not be read)
        if not cids or cids[-1] < numbering.of(self.face)[0]:
            glyphs = range(1, len(cids) + 1)
        else:
            glyph_of = self.glyph_of
            order = dict.fromkeys([0, *map(glyph_of, cids)])
            numbered = dict(zip(order, range(len(order))))
            glyphs = [numbered[glyph_of(cid)] for cid in cids]
        return run_length_map(cids, glyphs)

    def _widths(self, cids: list[int]) -> bytes:
        """/W: the CIDs whose width is not /DW, consecutive ones in one array (each
        CID's width looked up and formatted once per process, `_learn`)."""
        formatted = _by_cid(self.widths, cids)
        # only the CIDs not of /DW's width (b"" is false), picked in C: most are
        out, last = [], -2
        for cid, w in zip(picked(cids, formatted), filter(None, formatted)):
            if cid == last + 1:
                out[-1].append(w)
            else:
                out.append(b"%d" % cid)
                out.append([w])
            last = cid
        return b"[" + b" ".join([b"[%s]" % b" ".join(x) if type(x) is list else x for x in out]) + b"]"


def _to_unicode(lines: tuple[str, ...]) -> bytes:
    """The ToUnicode CMap of a glyph set's CIDs, given their lines (`Coding._learn`):
    each CID's character, in UTF-16BE (a surrogate pair beyond U+FFFF), a hundred
    lines to a block as the CMap format allows."""
    body = [_CMAP_HEAD]
    for at in range(0, len(lines), 100):
        block = lines[at:at + 100]
        body += ["%d beginbfchar" % len(block), *block, "endbfchar"]
    body.append(_CMAP_TAIL)
    return "\n".join(body).encode("ascii")


_CMAP_HEAD = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
              "<< /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n"
              "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange")
_CMAP_TAIL = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
_FONT, _TYPE0, _CID_FONT_TYPE2, _IDENTITY_H = map(pdfdoc.PDFName, ("Font", "Type0", "CIDFontType2", "Identity-H"))
_LITTLE_ENDIAN = sys.byteorder == "little"
_SYSTEM_INFO = pdfdoc.PDFDictionary({"Registry": pdfdoc.PDFString("Adobe"), "Ordering": pdfdoc.PDFString("Identity"),
                                     "Supplement": 0})
# where a glyph set's values go in a face's dictionaries (Coding._templates): names
# no font has, so that each is found once in a template
_SLOTS = [pdfdoc.PDFName("jpdocs-slot-%d" % n) for n in range(4)]
_SLOT_BYTES = [slot.encode("ascii") for slot in _SLOTS]


def _filled(template: bytes, *values: bytes) -> bytes:
    """`template` with its slots (_SLOTS, in order) replaced by `values`, formatted."""
    for slot, value in zip(_SLOT_BYTES, values):
        template = template.replace(slot, value)
    return template


def _name_bytes(name: str) -> bytes:
    """A name as reportlab writes it (PDFName: # and two hex digits for a character it
    may not write as itself), as the file's bytes (extpdfdoc: ASCII as itself)."""
    return pdfdoc.PDFName(name).encode("ascii")


def _by_cid(table: list, cids: tuple[int, ...]) -> tuple:
    """table[cid] for each of `cids`, looked up in C (`itemgetter`: ~60 instructions a
    CID against ~150 through `map` and a bound method)."""
    if len(cids) > 1:
        return itemgetter(*cids)(table)
    return tuple([table[cid] for cid in cids])


def _tag(cids: list[int]) -> str:
    """The subset's six-letter tag (PDF: the same tag, the same glyphs), from its CIDs
    (as big-endian numbers: the same on every machine)."""
    n = crc32(pack(">%dH" % len(cids), *cids))      # (array("H", cids) takes ~2x as long: a call a CID)
    letters = []
    for _ in range(6):
        n, r = divmod(n, 26)
        letters.append(chr(65 + r))
    return "".join(letters)


class _Formatted(pdfdoc.PDFObject):
    """An object formatted before the file is written (a font's dictionaries: its
    bytes set once the objects it refers to have their numbers)."""

    def __init__(self, data: bytes = b""):
        self.data = data

    def format(self, document):
        return self.data


def install(font) -> Coding:
    """`font` (a registered TTFont) drawn as glyph IDs: reportlab's per-document
    subsets replaced by its Coding's (kept as `font.jp_cid`)."""
    coding = font.jp_cid = Coding(font)
    font.splitString = coding.split_string
    font.stringWidth = coding.string_width
    font.getSubsetInternalName = coding.subset_internal_name
    font.addObjects = coding.add_objects
    return coding


class _Flate(pdfdoc.PDFStreamFilterZCompress):
    """reportlab's FlateDecode filter deflating with `flate.compress` (flate.py says why)."""

    def encode(self, text):
        return compress(text.encode("utf8") if isinstance(text, str) else text)


class _Kept(pdfdoc.PDFStreamFilterZCompress):
    """A stream's bytes kept for a glyph set (a font file, a map), and the FlateDecode
    filter of the streams made of them, which deflates them once however many
    documents write them (at `level`: flate.py says which streams get which). The filter holds the
    bytes rather than the bytes their deflated form: a subclass of bytes is a copy
    of them (the font file's ~80 KB, the map's ~35 KB, set to zeros first), which
    cost a warm notice ~0.3 M instructions."""

    def __init__(self, data: bytes, level: int = LEVEL):
        self.data, self.level, self.deflated = data, level, None

    def stream(self, doc, length1: bool = False) -> pdfdoc.PDFStream:
        """A stream of the bytes (a font file's with /Length1, their length), deflated
        where the document deflates its streams; then with `jp_formatted` too, its
        dictionary as written and its deflated bytes (_formatted_stream)."""
        stream = pdfdoc.PDFStream(content=self.data)
        if length1:
            stream.dictionary["Length1"] = len(self.data)
        if doc.compression:
            stream.filters = [self]
            deflated = self.encode(self.data)
            stream.jp_formatted = _formatted_stream("font" if length1 else "flate", deflated,
                                                    len(self.data) if length1 else None)
        return stream

    def encode(self, text):
        if text is not self.data:                 # (someone else's bytes: deflated as any stream's)
            return pdfdoc.PDFZCompress.encode(text)
        if self.deflated is None:
            self.deflated = compress(text, self.level)
        return self.deflated


class _KeptMap:
    """A glyph set's /CIDToGIDMap, run-length encoded (glyph_map.py), with its deflated
    form made once however many documents write it: a stream of both filters, or of
    RunLengthDecode alone where the document deflates nothing."""

    def __init__(self, codes: bytes):
        self.codes, self.deflated = codes, None

    def stream(self, doc) -> pdfdoc.PDFStream:
        if not doc.compression:
            return pdfdoc.PDFStream(pdfdoc.PDFDictionary({"Filter": _RUN_LENGTH}), self.codes)
        if self.deflated is None:
            self.deflated = compress(self.codes, CID_MAP)
        stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"Filter": _DEFLATED_RUN_LENGTH}), self.deflated)
        stream.jp_formatted = _formatted_stream("map", self.deflated)
        return stream


_RUN_LENGTH = pdfdoc.PDFArray([pdfdoc.PDFName("RunLengthDecode")])
_DEFLATED_RUN_LENGTH = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode"), pdfdoc.PDFName("RunLengthDecode")])
_STREAM_HEADS: dict[str, bytes] = {}       # a kind of kept stream → its dictionary's template


def _formatted_stream(kind: str, deflated: bytes, length1: int | None = None) -> tuple[bytes, bytes]:
    """A kept stream as writers/pdffile.py writes it: its dictionary's bytes (the
    kind's template, reportlab's own formatting of /Filter, /Length and a font
    file's /Length1, made once per process, with the lengths filled in) and its
    deflated bytes. Formatted an entry at a time for each stream, the six streams
    of a notice's fonts cost ~0.2 M instructions. (reportlab's own writer does not
    look at it, and writes the same bytes: tests/test_pdf_file.py.)"""
    template = _STREAM_HEADS.get(kind)
    if template is None:
        entries = {"Filter": _DEFLATED_RUN_LENGTH if kind == "map" else pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")]),
                   "Length": _SLOTS[0]}
        if kind == "font":
            entries["Length1"] = _SLOTS[1]
        template = _STREAM_HEADS[kind] = pdfdoc.PDFDictionary(entries).format(pdfdoc.PDFDocument())
    if length1 is None:
        return _filled(template, b"%d" % len(deflated)), deflated
    return _filled(template, b"%d" % len(deflated), b"%d" % length1), deflated


# Every stream reportlab deflates goes through this one filter object (looked up in
# pdfdoc at write time).
pdfdoc.PDFZCompress = _Flate()
