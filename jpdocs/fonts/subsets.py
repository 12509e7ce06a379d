"""Font subsets cut and compressed once per glyph set, not once per document.

reportlab cuts a TrueType subset for every 256 characters a document draws
(`TTFontFile.makeSubset`, ~1 ms each in Python) and deflates it when the PDF is
written (~1 ms for 50 KB of glyph outlines, which barely compress). Both depend
only on the font and the characters of the subset, in their order, so a batch
whose documents share a subset (the headings' Gothic, a notice's stock
phrases, the same document built again) cuts and deflates it once per process.
The subsets are reportlab's less their hinting (fonts/hinting.py), cut in one
pass from glyphs stripped once per process (fonts/cut.py); the cache remembers them.

Every stream is deflated by `flate.compress` (libdeflate, else zlib; flate.py
says why and at what level), the subsets and their ToUnicode maps once each.
"""
from __future__ import annotations

from collections import OrderedDict
from itertools import repeat

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, ttfonts

from ..flate import compress
from .cut import Cutter
from .hinting import strip as strip_hinting

MAX_SUBSETS = 256        # per process; a subset is ~50 KB, its deflated form ~35 KB


class _LRU(OrderedDict):
    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def put(self, key, value):
        self[key] = value
        if len(self) > self.limit:
            self.popitem(last=False)
        return value

    def take(self, key):
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value


_subsets = _LRU(MAX_SUBSETS)      # (font file's digest, characters) → the subset's bytes


class _Subset(bytes):
    """A subset's bytes, marked so that the stream filter knows to keep their
    deflated form with them (in a cache keyed by the bytes, each new subset's
    ~50 KB were hashed once more)."""
    deflated = None


class _CMap(str):
    """A subset's ToUnicode CMap, marked likewise."""
    deflated = None


class _Flate(pdfdoc.PDFStreamFilterZCompress):
    """reportlab's FlateDecode filter deflating with `flate.compress`, once for each
    font subset and ToUnicode CMap its cache holds."""

    def encode(self, text):
        kind = type(text)
        if kind is _Subset or kind is _CMap:
            out = text.deflated
            if out is None:
                out = text.deflated = compress(text if kind is _Subset else text.encode("utf8"))
            return out
        return compress(text.encode("utf8") if isinstance(text, str) else text)


class _Formatted(pdfdoc.PDFObject):
    """An object whose bytes were formatted before (a subset's /Widths array)."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document):
        return self.data


_widths = _LRU(MAX_SUBSETS)       # (digest, characters) → the subset's /Widths, formatted
_cmaps: dict = {}                 # (subset's font name, characters) → its ToUnicode CMap


def cmap_once(make):
    """A subset's ToUnicode CMap (`make`: fonts/tounicode.py's, which fonts/registry.py puts
    in the place of reportlab's makeToUnicodeCMap) made once per glyph set, marked for
    the deflate cache."""
    def cmap(fontname, subset):
        key = (fontname, tuple(subset))
        out = _cmaps.get(key)
        if out is None:
            if len(_cmaps) >= MAX_SUBSETS:
                _cmaps.clear()
            out = _cmaps[key] = _CMap(make(fontname, subset))
        return out
    return cmap


def _objects_once(font, digest: str) -> None:
    """The font's PDF objects (reportlab's TTFont.addObjects, as it writes them, in
    the same order: each subset's ToUnicode stream, font file, descriptor, font),
    each subset's /Widths array made and formatted once per glyph set: reportlab
    looked up and formatted its ~250 numbers one by one for every document."""
    add_objects, face = font.addObjects, font.face
    width_items: dict[int, bytes] = {}    # a code point → its width as the /Widths array writes it

    def widths_array(subset, doc) -> bytes:
        """`_array` of the subset's widths (reportlab's PDFArray of getCharWidth's),
        each code's width looked up and formatted once per process."""
        if rl_config.pdfMultiLine or pdfdoc.PDFArray.multiline == "forced":
            return _array(pdfdoc.PDFArray(list(map(face.getCharWidth, subset))), doc)
        try:
            items = list(map(width_items.__getitem__, subset))
        except KeyError:
            for code in subset:
                if code not in width_items:
                    width = face.getCharWidth(code)
                    if type(width) not in _NUMERIC:
                        return _array(pdfdoc.PDFArray(list(map(face.getCharWidth, subset))), doc)
                    formatted = _NUMBERS.get(width)     # (fp_str writes 500 and 500.0 alike)
                    if formatted is None:
                        formatted = _NUMBERS[width] = pdfdoc.format(width, doc)
                    width_items[code] = formatted
            items = list(map(width_items.__getitem__, subset))
        return _tens(items)

    own_objects = type(face).addSubsetObjects is ttfonts.TTFontFace.addSubsetObjects
    descriptors: dict[tuple, tuple[bytes, bytes]] = {}   # subset's font name → its descriptor around /FontFile2

    def subset_objects(doc, base_name: str, subset):
        """face.addSubsetObjects(doc, base_name, subset): the subset's font file and
        its descriptor, registered in that order; the descriptor written from its
        bytes formatted once per subset name (all but the font file's reference are
        the face's), not built and formatted anew for every document."""
        if not own_objects:
            return face.addSubsetObjects(doc, base_name, subset)
        font_file = pdfdoc.PDFStream()
        font_file.content = face.makeSubset(subset)
        font_file.dictionary["Length1"] = len(font_file.content)
        if doc.compression:
            font_file.filters = [pdfdoc.PDFZCompress]
        file_name = "fontFile:%s(%s)" % (face.filename, base_name)
        doc.Reference(font_file, file_name)
        # (the formatting settings, which a test or a caller may change, in the key)
        key = (base_name, rl_config.pdfMultiLine, pdfdoc.PDFDictionary.multiline, pdfdoc.PDFArray.multiline)
        parts = descriptors.get(key)
        if parts is None:
            parts = descriptors[key] = _descriptor_parts(face, base_name)
        reference = b"%d %d R" % doc.idToObjectNumberAndVersion[file_name]
        return doc.Reference(_Formatted(reference.join(parts)), "fontDescriptor:" + base_name)

    def objects(doc):
        state = font.state.get(doc)
        if state is None or state.internalName is None:
            return add_objects(doc)            # (reportlab's: nothing was drawn with the font)
        state.frozen = 1
        fonts = doc.idToObject["BasicFonts"].dict
        for n, subset in enumerate(state.subsets):
            internal_name = "%s+%d" % (state.internalName, n)
            base_name = b"".join((ttfonts.SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = "Font %s subset %d" % (font.fontName, n)
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            key = (digest, tuple(subset))
            widths = _widths.take(key)
            if widths is None:
                widths = _widths.put(key, widths_array(subset, doc))
            pdf_font.Widths = _Formatted(widths)
            cmap = pdfdoc.PDFStream()
            cmap.content = ttfonts.makeToUnicodeCMap(base_name, subset)
            if doc.compression:
                cmap.filters = [pdfdoc.PDFZCompress]
            pdf_font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_name)
            pdf_font.FontDescriptor = subset_objects(doc, base_name, subset)
            doc.Reference(pdf_font, internal_name)
            fonts[internal_name] = pdf_font
        del font.state[doc]
    objects.widths_array = widths_array   # (for tests/test_pdf_file.py)
    font.addObjects = objects


class _Marker(pdfdoc.PDFObject):
    """Where a descriptor's /FontFile2 reference goes, in its template."""
    data = b"\0jpdocs FontFile2\0"

    def format(self, document):
        return self.data


def _descriptor_parts(face, base_name: str) -> tuple[bytes, bytes]:
    """reportlab's FontDescriptor of a subset named `base_name` (addSubsetObjects's
    dictionary, the same entries) formatted by reportlab, cut where its /FontFile2
    reference goes. It holds names and numbers only: no string to encrypt, and no
    comment (the dictionary had none), so every writer writes these bytes."""
    flags = (face.flags & ~ttfonts.FF_NONSYMBOLIC) | ttfonts.FF_SYMBOLIC
    descriptor = pdfdoc.PDFDictionary({
        "Type": "/FontDescriptor", "Ascent": face.ascent, "CapHeight": face.capHeight,
        "Descent": face.descent, "Flags": flags, "FontBBox": pdfdoc.PDFArray(face.bbox),
        "FontName": pdfdoc.PDFName(base_name), "ItalicAngle": face.italicAngle, "StemV": face.stemV,
        "FontFile2": _Marker(), "MissingWidth": face.defaultWidth})
    before, after = descriptor.format(pdfdoc.DummyDoc()).split(_Marker.data)
    return before, after


_NUMBERS: dict = {}               # a width → its bytes as reportlab formats it (a font has few)
_NUMERIC = frozenset((int, float))


def _array(array: pdfdoc.PDFArray, doc) -> bytes:
    """A PDFArray of numbers formatted as reportlab formats it (fp_str each, ten to a
    line), each distinct number formatted once per process."""
    numbers = array.sequence
    if rl_config.pdfMultiLine or array.multiline == "forced" or not _NUMERIC.issuperset(map(type, numbers)):
        return array.format(doc)
    try:
        items = list(map(_NUMBERS.__getitem__, numbers))
    except KeyError:                  # (fp_str writes 500 and 500.0 alike)
        for v in numbers:
            if v not in _NUMBERS:
                _NUMBERS[v] = pdfdoc.format(v, doc)
        items = list(map(_NUMBERS.__getitem__, numbers))
    return _tens(items)


def _tens(items: list[bytes]) -> bytes:
    """A PDFArray of formatted items as reportlab writes it (not multi-line): ten to a
    line, as reportlab puts a "\n " item between the tens and joins them all with spaces."""
    return b"[ " + b" \n  ".join([b" ".join(items[i:i + 10]) for i in range(0, len(items), 10)]) + b" ]"


def install(font, digest: str) -> None:
    """Cut `font`'s subsets through the cache (key: the font file's content digest),
    without the font's hinting (fonts/hinting.py says why); a glyph set not seen
    before is cut by fonts/cut.py, the same bytes as reportlab's cut stripped."""
    cutter = Cutter(font.face)
    reportlab_cut = font.face.makeSubset
    usable = cutter.usable()

    def cut(subset):
        return cutter.cut(subset) if usable else strip_hinting(reportlab_cut(subset))

    def make_subset(subset):
        key = (digest, tuple(subset))
        out = _subsets.take(key)
        return out if out is not None else _subsets.put(key, _Subset(cut(subset)))
    font.face.makeSubset = make_subset
    _objects_once(font, digest)


# Every stream reportlab deflates goes through this one filter object (looked up in
# pdfdoc at write time): page content each time, subsets once each.
pdfdoc.PDFZCompress = _Flate()
