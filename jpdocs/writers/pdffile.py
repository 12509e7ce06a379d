"""The PDF file written from reportlab's objects without reportlab's generic formatting.

reportlab writes every value through `pdfdoc.format`, which asks of it in turn
whether it is a PDFObject, a reference-only one, a number, bytes or text, and a
dictionary spells each of its keys as a PDFName anew, character by character: a
warm notice spent about a millisecond there, beside the deflating. `FastDocument`
writes the same bytes with the kinds of object jpdocs's files are made of (the
catalog, pages, dictionaries (the fonts' too), arrays, references,
names, numbers, strings, streams, the info dictionary) formatted here by their
exact type (the usual page, the catalog and the pages tree without the objects
reportlab makes of their entries only to format them), each as its reportlab class formats it, in the same order (an object
first referenced while the file is written gets the same number); a name, a key,
a number or a string of text is spelled once per process. Any other kind of
object, a subclass, or a value reportlab would write differently (a dictionary
marked reference-only or multi-line) goes to reportlab's own method.

Only with reportlab's settings as jpdocs leaves them (no encryption, no comments,
no multi-line dictionaries) does it write: otherwise it is reportlab's writer.
tests/test_pdf_file.py writes real documents both ways and compares them.
"""
from __future__ import annotations

import codecs
from collections import OrderedDict
from itertools import accumulate, repeat
from operator import methodcaller

from reportlab import rl_config
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.utils import isSeq
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (NoEncryption, PDFArray, PDFCatalog, PDFDate, PDFDictionary, PDFFile,
                                      PDFInfo, PDFName, PDFObject, PDFObjectReference, PDFPage, PDFPages,
                                      PDFResourceDictionary, PDFStream, PDFString,
                                      ViewerPreferencesPDFDictionary)

_LIMIT = 20_000                   # entries per cache: a batch repeats few, a title each document
_SHORT = 512                      # characters of a text remembered (not a page's content, say)


def _not_their_own_byte() -> bytes:
    """The ASCII characters that extpdfdoc does not write as their own byte (it has
    no byte for 0x18-0x1F, which PDFDocEncoding gives to accents): found, not assumed."""
    other = b""
    for code in range(128):
        try:
            same = chr(code).encode("extpdfdoc") == bytes([code])
        except UnicodeEncodeError:
            same = False
        if not same:
            other += bytes([code])
    return other


_NOT_OWN_BYTE = _not_their_own_byte()


def encoded(s: str) -> bytes:
    """s.encode("extpdfdoc"), reportlab's encoding of text into a file: ASCII text (a
    page's ASCII85 content, most names) is its own bytes, encoded in C; extpdfdoc is
    a charmap looked up character by character (~15 ns each)."""
    if s.isascii():
        data = s.encode("ascii")
        if len(data.translate(None, _NOT_OWN_BYTE)) == len(data):
            return data
    return s.encode("extpdfdoc")


def _remembered(make):
    """`make` (a function of one hashable value) remembered per value, up to _LIMIT values."""
    memo: dict = {}

    def get(key):
        out = memo.get(key)
        if out is None:
            if len(memo) >= _LIMIT:
                memo.clear()
            out = memo[key] = make(key)
        return out
    return get


_text = _remembered(encoded)                                   # pdfdoc.format of a str
_key = _remembered(lambda k: encoded(PDFName(k)))              # a dictionary's key, as PDFName
_name = _remembered(PDFName)
# fp_str, as pdfdoc.format writes an int or a float (one cache each: 1 and 1.0 are one key)
_int = _remembered(lambda v: encoded(fp_str(v)))
_float = _remembered(lambda v: encoded(fp_str(v)))


def _string_text(s: str) -> bytes:
    """PDFString(s).format(DummyDoc()) of a str `s` (enc "auto", escape 1, no
    encryption), its steps without reportlab's lookups: PDFDocEncoding where the text
    has it, else UTF-16BE after its byte-order mark; escaped (escapePDF, in C); the
    escaped text, ASCII, as the file's bytes (`encoded`). A new title costs ~17 µs
    through PDFString (its codecs looked up by name, extpdfdoc a Python codec)."""
    try:
        data = s.encode("pdfdoc")
    except UnicodeEncodeError:
        data = codecs.BOM_UTF16_BE + s.encode("utf-16-be")
    return encoded("(%s)" % escapePDF(data))


# PDFString(s).format: with its defaults and no encryption, a function of s alone
_string_of = _remembered(_string_text)


def value(v, doc) -> bytes:
    """pdfdoc.format(v, doc): a value inside an object."""
    kind = type(v)
    if kind is str:
        return _text(v) if len(v) <= _SHORT else encoded(v)
    if kind is int:
        return _int(v)
    if kind is float:
        return _float(v)
    write = _VALUES.get(kind)
    if write is None or "__RefOnly__" in v.__dict__:     # (reportlab writes a reference to it)
        return pdfdoc.format(v, doc)
    return write(v, doc)


def _items(d: dict, doc) -> bytes:
    """A PDFDictionary of `d` formatted (not multi-line: six entries to a line)."""
    keys = list(d)
    if not isinstance(d, OrderedDict):
        keys.sort()
    return _joined([_key(k) + b" " + value(d[k], doc) for k in keys])


def _joined(out: list[bytes]) -> bytes:
    """A dictionary's entries (b"/Key value", in order) as PDFDictionary writes them (not
    multi-line: six entries to a line)."""
    for i in reversed(range(6, len(out), 6)):
        out.insert(i, b"\n ")
    return b"<<\n" + b" ".join(out) + b"\n>>"


def _dictionary(d: PDFDictionary, doc) -> bytes:
    if d.multiline == "forced":
        return d.format(doc)
    return _items(d.dict, doc)


def _array(a: PDFArray, doc) -> bytes:
    if a.multiline == "forced":
        return a.format(doc)
    out = [value(e, doc) for e in a.sequence]
    for i in reversed(range(10, len(out), 10)):
        out.insert(i, b"\n ")
    return b"[ " + b" ".join(out) + b" ]"


def _reference(r: PDFObjectReference, doc) -> bytes:
    try:
        return b"%d %d R" % doc.idToObjectNumberAndVersion[r.name]
    except KeyError:
        return r.format(doc)          # (reportlab's error)


def _string(s: PDFString, doc) -> bytes:
    if type(s.s) is str and len(s.s) <= _SHORT and getattr(s, "enc", "auto") == "auto" and \
            getattr(s, "escape", 1) == 1:
        return _string_of(s.s)
    return s.format(doc)


def _date(d: PDFDate, doc) -> bytes:
    if d.dateFormatter is not None:
        return d.format(doc)
    y, mo, day, h, mi, sec = d.date
    return _string(PDFString("D:%04d%02d%02d%02d%02d%02d%+03d'%02d'" % (y, mo, day, h, mi, sec, d.dhh, d.dmm)),
                   doc)


def _resources(r: PDFResourceDictionary, doc) -> bytes:
    """PDFResourceDictionary.format: its non-empty dictionaries and its ProcSet."""
    d = {}
    for name in r.dict_attributes:
        v = getattr(r, name)
        if isinstance(v, dict):
            if v:
                d[name] = PDFDictionary(v)
        else:
            d[name] = v
    v = r.ProcSet
    if isSeq(v):
        if v:
            d["ProcSet"] = PDFArray(v)
    else:
        d["ProcSet"] = v
    return _items(d, doc)


def _catalog(c: PDFCatalog, doc) -> bytes:
    """PDFCatalog.format (and its pages tree's and pages'): the defaults, the entries
    set, those that must be references made so, in reportlab's order."""
    c.check_format(doc)
    d = {}
    for k, v in c.__Defaults__.items():
        v = getattr(c, k, v)
        if v is not None:
            d[k] = v
    for k in c.__NoDefault__:
        v = getattr(c, k, None)
        if v is not None:
            d[k] = v
    for k in c.__Refs__:
        if k in d:
            d[k] = doc.Reference(d[k])
    return _items(d, doc)




def _registered(v, doc):
    """doc.Reference(v) as the file spells it, without making the reference where v
    is registered already (Reference's first branch: its name's numbers) or a
    reference to one; a new object registered by Reference itself (the next number)."""
    ids = doc.idToObjectNumberAndVersion
    if type(v) is PDFObjectReference and v.name in ids:
        return b"%d %d R" % ids[v.name]
    name = v.__dict__.get("__InternalName__") if isinstance(v, PDFObject) else None
    if name is not None and doc.idToObject.get(name) is v:
        return b"%d %d R" % ids[name]
    return value(doc.Reference(v), doc)


_ROOT_KEYS = sorted({*PDFCatalog.__Defaults__, *PDFCatalog.__NoDefault__})


def _root(c: PDFCatalog, doc) -> bytes:
    """PDFCatalog.format (`_catalog`) of reportlab's own catalog: its entries
    registered in the order the references loop registers them (all but /Type and
    /Lang are references, /PageMode a name left as it is), then written in the sorted
    order `_items` writes them, a registered object's reference spelled from its
    numbers without the reference object Reference makes of it (~0.05 M a notice
    with the pages tree's)."""
    if type(c) is not PDFCatalog:
        return _catalog(c, doc)
    own = c.__dict__
    got = {}
    for k, default in PDFCatalog.__Defaults__.items():      # (no class attribute of these names)
        v = own.get(k, default)
        if v is not None:
            got[k] = v
    for k in PDFCatalog.__NoDefault__:
        v = own.get(k)
        if v is not None:
            got[k] = v
    for k in PDFCatalog.__Refs__:                           # (registered in this order)
        if k in got:
            v = got[k]
            got[k] = _registered(v, doc) if isinstance(v, PDFObject) else value(v, doc)
    return _joined([_key(k) + b" " + (v if k in PDFCatalog.__Refs__ else value(v, doc))
                    for k in _ROOT_KEYS if (v := got.get(k)) is not None])


def _pages_tree(t: PDFPages, doc) -> bytes:
    """PDFPages.format (`_catalog`: its check_format makes the /Kids, each page a
    reference) where every page is registered already (the canvas registers each as
    it adds it) and the tree has no parent: /Count, /Kids, /Type."""
    own = t.__dict__
    ids, objects = doc.idToObjectNumberAndVersion, doc.idToObject
    names = [p.__dict__.get("__InternalName__") if isinstance(p, PDFObject) else None for p in t.pages]
    if type(t) is not PDFPages or own.get("Parent") is not None or \
            not all([name is not None and objects.get(name) is p for name, p in zip(names, t.pages)]):
        return _catalog(t, doc)
    kids = [b"%d %d R" % ids[name] for name in names]
    for i in reversed(range(10, len(kids), 10)):
        kids.insert(i, b"\n ")
    return _joined([b"/Count " + value(len(names), doc), b"/Kids [ " + b" ".join(kids) + b" ]", b"/Type /Pages"])


# the page entries _page writes itself (sorted, as _items orders them); any other
# entry set makes the page reportlab's (an entry tags.py does not give, a crop box …)
_PAGE_OWN = frozenset("Annots Contents MediaBox Parent Resources Rotate StructParents Tabs Trans".split())


def _page(page: PDFPage, doc) -> bytes:
    """PDFPage.format (`_catalog`: its check_format, then its entries sorted), the usual
    page of a canvas without the objects check_format makes only to be formatted
    (~150 K instructions a page, the resources a third): its stream made and
    registered as check_format and the references loop make and register it (the
    parent first, then the contents: the same numbers), its entries written in the
    order `_items` sorts them, each as `value` writes it, its resources as
    PDFResourceDictionary writes a font reference and a ProcSet. A page with
    annotations, an entry set beyond these, its own resources, contents or box, or
    resources beyond the fonts (forms, colour spaces …) is `_catalog`'s."""
    own = page.__dict__
    if type(page) is not PDFPage or page.Override_default_compilation or page.Annots or \
            page.__Defaults__ is not PDFPage.__Defaults__ or own.get("Type") is not None or \
            page.MediaBox or page.Contents or page.Resources or page.Parent or not page.stream or \
            page.XObjects or page.ExtGState or page._shadingUsed or page._colorsUsed or \
            "BasicFonts" not in doc.idToObjectNumberAndVersion or \
            any([own.get(k) is not None for k in page.__NoDefault__ if k not in _PAGE_OWN]):
        return _catalog(page, doc)
    ids = doc.idToObjectNumberAndVersion
    parent = page.Parent = doc.Reference(doc.Pages)               # check_format's order
    stream = PDFStream()
    if page.compression:
        stream.filters = rl_config.useA85 and [pdfdoc.PDFBase85Encode, pdfdoc.PDFZCompress] or \
            [pdfdoc.PDFZCompress]
    stream.content = page.stream
    stream.__Comment__ = "page stream"
    page.Contents = stream
    contents = doc.Reference(stream)                              # then the references loop's
    width, height = page.pagewidth, page.pageheight
    if page.Rotate in (90, 270):
        width, height = height, width
    entries = [b"/Contents %d %d R" % ids[contents.name],
               b"/MediaBox [ 0 0 " + value(width, doc) + b" " + value(height, doc) + b" ]",
               b"/Parent %d %d R" % ids[parent.name],
               b"/Resources <<\n/Font %d %d R /ProcSet " % ids["BasicFonts"] +
               (b"[ /PDF /Text /ImageB /ImageC /ImageI ]\n>>" if page.hasImages else b"[ /PDF /Text ]\n>>")]
    for key in ("Rotate", "StructParents", "Tabs", "Trans"):
        v = own.get(key) if key in page.__NoDefault__ else None
        if v is not None:
            entries.append(_key(key) + b" " + value(v, doc))
    entries.append(b"/Type /Page")
    return _joined(entries)


def _info_entries(info: PDFInfo, doc, leave_out_empty: bool = True) -> dict:
    """PDFInfo.format's entries, in its order (all of them, leave_out_empty=False: a
    plain PDFInfo, written as reportlab writes it), without a /Subject where the document has
    none (a notice printed without a header line): an empty one would claim a subject
    it does not print. tags.py's XMP leaves its dc:description out alike (PDF/A: the
    two agree). No /Keywords either: no spec gives any, and an empty entry is listed
    as a blank field by validators and catalogue tools (pdfa.py's XMP leaves
    pdf:Keywords out alike)."""
    date = PDFDate(ts=doc._timeStamp, dateFormatter=info._dateFormatter)
    entries = {"Title": PDFString(info.title), "Author": PDFString(info.author), "ModDate": date,
               "CreationDate": date, "Producer": PDFString(info.producer),
               "Creator": PDFString(info.creator), "Subject": PDFString(info.subject),
               "Keywords": PDFString(info.keywords), "Trapped": PDFName(info.trapped)}
    for key, text in (("Subject", info.subject), ("Keywords", info.keywords)):
        if leave_out_empty and not text:
            del entries[key]
    return entries


def _info(info: PDFInfo, doc) -> bytes:
    """Info.format: without its empty entries. Each entry is written as `_items` writes
    _info_entries' (in their keys' order), without making reportlab's objects of them
    (seven PDFStrings, a PDFDate, a PDFName: ~0.08 M instructions a notice); a date
    formatter or a timestamp not set goes the general way."""
    ts = doc._timeStamp
    if info._dateFormatter is not None or ts is None or type(info.trapped) is not str:
        return _items(_info_entries(info, doc), doc)
    date = _string_of("D:%04d%02d%02d%02d%02d%02d%+03d'%02d'" % (*ts.YMDhms, ts.dhh, ts.dmm))
    entries = [b"/Author " + _text_string(info.author, doc), b"/CreationDate " + date,
               b"/Creator " + _text_string(info.creator, doc)]
    if info.keywords:
        entries.append(b"/Keywords " + _text_string(info.keywords, doc))
    entries += (b"/ModDate " + date, b"/Producer " + _text_string(info.producer, doc))
    if info.subject:
        entries.append(b"/Subject " + _text_string(info.subject, doc))
    entries += (b"/Title " + _text_string(info.title, doc), b"/Trapped " + _text(_name(info.trapped)))
    return _joined(entries)


def _text_string(s, doc) -> bytes:
    """PDFString(s) as `value` writes it (`_string`)."""
    if type(s) is str and len(s) <= _SHORT:
        return _string_of(s)
    return PDFString(s).format(doc)


def _reportlab_info(info: PDFInfo, doc) -> bytes:
    """PDFInfo.format: every entry, empty or not, as reportlab writes them (tags.py gives
    every canvas's document an Info; a plain one is written as reportlab would)."""
    return _items(_info_entries(info, doc, leave_out_empty=False), doc)


class Info(PDFInfo):
    """reportlab's Info dictionary without an empty /Subject or /Keywords (_info_entries), written
    alike by reportlab's writer and this module's (a canvas's document is given this
    class with FastDocument, tags.py)."""

    def format(self, document):
        return PDFDictionary(_info_entries(self, document)).format(document)


def _stream(s: PDFStream, doc) -> list[bytes]:
    """PDFStream.format, as pieces (the dictionary, then the content: a subset's tens
    of kilobytes are not copied into one string here). A font's stream kept for its
    glyph set (fonts/cid.py) comes with its dictionary formatted and its bytes deflated
    (`jp_formatted`): written as they are."""
    formatted = s.__dict__.get("jp_formatted")
    if formatted is not None:
        return [formatted[0], b"\nstream\n", formatted[1], b"endstream\n"]
    d = s.dictionary.dict.copy()
    content = s.content
    if content is None:
        raise ValueError("stream content not set")
    filters = s.filters
    if filters is None:
        filters = doc.defaultStreamFilters
    if filters is not None and "Filter" not in d:
        names = []
        for f in reversed(list(filters)):
            content = f.encode(content)
            names.insert(0, _name(f.pdfname))
        d["Filter"] = PDFArray(names)
    data = value(content, doc)
    d["Length"] = len(content)
    return [_items(d, doc), b"\nstream\n", data, b"endstream\n"]


def dictionary_bytes(d: PDFDictionary, doc) -> bytes:
    """pdfdoc.format(d, doc) of a PDFDictionary inside another object (a stream's), written
    here where the document is (`_plain`)."""
    if _plain(doc) and type(d) is PDFDictionary:
        return _dictionary(d, doc)
    return pdfdoc.format(d, doc)


_SPELLED = 100_000                # object numbers whose reference and head are spelled once per process
_REFS: list[str] = []             # "n 0 R", by n
_HEADS: list[bytes] = []          # b"n 0 obj\n", by n (a format is ~1,200 instructions, a list item ~20)


def references(first: int, count: int) -> list[str]:
    """The references ("12 0 R") of the objects numbered `first` … `first + count - 1`,
    version 0 (every object of reportlab's files)."""
    end = first + count
    if end > _SPELLED:
        return list(map("%d 0 R".__mod__, range(first, end)))
    if len(_REFS) < end:
        _REFS.extend(map("%d 0 R".__mod__, range(len(_REFS), end)))
    return _REFS[first:end]


def _head(number: int, version: int) -> bytes:
    """An indirect object's first line, b"12 0 obj\n"."""
    if version or number >= _SPELLED:
        return b"%d %d obj\n" % (number, version)
    if number >= len(_HEADS):
        _HEADS.extend(map(b"%d 0 obj\n".__mod__, range(len(_HEADS), number + 1)))
    return _HEADS[number]


def register(doc, objects: list, names: list[str]) -> list[str]:
    """`doc.Reference(obj, name)` for each object and its name, in order; their
    references as the file spells them ("12 0 R"). An object may be bytes, one made
    before the file is written (tags.py's structure elements, their references
    spelled with the numbers given here), which is written as it is: by reportlab's
    writer too (pdfdoc.format writes bytes as they are; Reference takes an object
    that is no PDFObject where it is named). New objects of reportlab's own document
    are registered here as its Reference registers a new named object (the next
    number, version 0, the three maps, a PDFObject's internal name) without its
    checks one by one: the structure tree registers some 60 at once, written at once
    (`_run`) where all are bytes."""
    ids = doc.idToObjectNumberAndVersion
    run = set(map(type, objects)) == {bytes}     # (bytes have no internal name to set)
    if type(doc) not in (pdfdoc.PDFDocument, FastDocument) or not doc.idToObject.keys().isdisjoint(names) or \
            not run and not all([isinstance(obj, PDFObject) and "__InternalName__" not in obj.__dict__
                                 for obj in objects]):
        for obj, name in zip(objects, names):
            doc.Reference(obj, name)
        return ["%d %d R" % ids[name] for name in names]
    first = doc.objectcounter + 1
    numbers = range(first, first + len(names))
    if not run:
        for obj, name in zip(objects, names):
            obj.__InternalName__ = name
    ids.update(zip(names, zip(numbers, repeat(0))))
    doc.numberToId.update(zip(numbers, names))
    doc.idToObject.update(zip(names, objects))
    doc.objectcounter = first + len(names) - 1
    if run:
        doc.__dict__.setdefault("jp_runs", {})[first] = (names, objects)
    return references(first, len(names))


def _run(names: list[str], objects: list[bytes], doc, offset: int) -> tuple[list[bytes], list[int]]:
    """The indirect objects of a run of bytes registered together (`register`: the
    structure elements, ~60 a notice, numbered from the first's), each as one piece
    (its head, its bytes, its end), and their offsets, from `offset` on: made in C
    passes over the run rather than object by object in `FastDocument.format`'s loop
    (~100 bytecodes an object there)."""
    first = doc.idToObjectNumberAndVersion[names[0]][0]
    if first + len(names) > _SPELLED:
        heads = list(map(b"%d 0 obj\n".__mod__, range(first, first + len(names))))
    else:
        _head(first + len(names), 0)             # (spelled that far)
        heads = _HEADS[first:first + len(names)]
    ends = [b"endobj\n" if d.endswith(b"\n") else b"\nendobj\n" for d in objects]
    pieces = list(map(b"".join, zip(heads, objects, ends)))
    offsets = list(accumulate(map(len, pieces), initial=offset))
    return pieces, offsets


# a value of these kinds (each with a __dict__), inside an object
_VALUES = {PDFDictionary: _dictionary, PDFArray: _array, PDFObjectReference: _reference, PDFString: _string,
           PDFDate: _date, PDFResourceDictionary: _resources}
# an object at the top of the file (an indirect object)
_OBJECTS = {PDFDictionary: _dictionary, PDFArray: _array, PDFCatalog: _root, PDFPages: _pages_tree,
            PDFPage: _page, PDFInfo: _reportlab_info, Info: _info,
            ViewerPreferencesPDFDictionary: _dictionary}


def _trailer(doc, startxref: int, size: int, root: PDFObjectReference, info: PDFObjectReference) -> bytes:
    """PDFTrailer(startxref, Size=size, Root=root, Info=info, ID=doc.ID()).format(doc) with
    no encryption (_plain) and no /Prev: its dictionary's four keys in their order
    (multi-line, as reportlab forces it), the /ID as the document makes it (bytes,
    written as they are), the references and numbers as pdfdoc.format writes them.
    Made by reportlab, a PDFDictionary formatted an entry at a time (each key spelled
    as a PDFName character by character): ~0.12 M instructions a notice."""
    number = doc.idToObjectNumberAndVersion
    file_id = doc.ID()
    if type(file_id) is not bytes or type(size) is not int or type(startxref) is not int:
        return pdfdoc.PDFTrailer(startxref=startxref, Size=size, Root=root, Info=info, ID=file_id).format(doc)
    return b"".join((b"trailer\n<<\n/ID ", file_id,
                     _TRAILER_TAIL % (*number[info.name], *number[root.name], size, startxref)))


_TRAILER_TAIL = b"\n/Info %d %d R\n/Root %d %d R\n/Size %d\n>>\nstartxref\n%d\n%%%%EOF\n"


def _plain(doc) -> bool:
    """Whether the file is written as this module writes it."""
    return type(doc.encrypt) is NoEncryption and not rl_config.pdfComments and not rl_config.pdfMultiLine


class FastDocument(pdfdoc.PDFDocument):
    """reportlab's PDFDocument whose `format` writes its objects with this module's
    formatting (a canvas's document is given this class before it is saved)."""

    def format(self):
        if not _plain(self):
            return super().format()
        # PDFDocument.format, with each indirect object written here
        self.encrypt.prepare(self)
        cat, info = self.Catalog, self.info
        self.Reference(cat)
        self.Reference(info)
        numbertoid, id_to_nv, id_to_object, id_to_offset = (
            self.numberToId, self.idToObjectNumberAndVersion, self.idToObject, self.idToOffset)
        self.__accum__ = out = PDFFile(self._pdfVersion)     # (its header)
        write, offset = out.strings.append, out.offset
        offsets = []                 # of the cross-reference table: each object's
        versions = False             # (whether any has a version but 0)
        runs = self.__dict__.get("jp_runs", {})
        counter = 0
        while True:                  # objects referenced while writing are written too
            counter += 1
            if counter not in numbertoid:
                break
            oid = numbertoid[counter]
            obj = id_to_object[oid]
            n, v = id_to_nv[oid]
            kind = type(obj)
            if counter in runs:      # a run of objects made as bytes, at once (`_run`)
                # (numbered in a row by `register`, version 0, and a named object
                # is never redefined: reportlab's Reference refuses it)
                names, objects = runs[counter]
                if oid == names[0] and numbertoid.get(counter + len(names) - 1) == names[-1]:
                    pieces, run_offsets = _run(names, objects, self, offset)
                    offset = run_offsets.pop()
                    out.strings += pieces
                    offsets += run_offsets
                    id_to_offset.update(zip(names, run_offsets))
                    counter += len(names) - 1
                    continue
            id_to_offset[oid] = offset
            offsets.append(offset)
            if v:
                versions = True
            if kind is PDFStream:    # in pieces: a subset's tens of kilobytes are not copied again
                pieces = _stream(obj, self)
                pieces.insert(0, _head(n, v))
                pieces.append(b"endobj\n" if pieces[-1].endswith(b"\n") else b"\nendobj\n")
                for piece in pieces:
                    write(piece)
                    offset += len(piece)
                continue
            write_object = _OBJECTS.get(kind)
            if write_object is not None:
                body = write_object(obj, self)
            elif isinstance(obj, PDFObject):          # (pdfdoc.format at the top, with no comments)
                body = obj.format(self)
            else:
                body = pdfdoc.format(obj, self, toplevel=1)
            piece = b"".join((_head(n, v), body, b"endobj\n" if body.endswith(b"\n") else b"\nendobj\n"))
            write(piece)
            offset += len(piece)
        out.offset = offset
        del self.__accum__
        # the rest as reportlab writes it (its cross-reference table made in the loop:
        # the objects are numbered 1, 2 … in the order written)
        count = len(numbertoid)
        if counter - 1 != count:
            raise ValueError("counter %s doesn't match number to id dictionary %s" % (counter, count))
        if versions or not offsets:
            entries = list(map("%0.10d %0.5d n ".__mod__, zip(offsets, (id_to_nv[numbertoid[k]][1]
                                                                      for k in range(1, count + 1)))))
        else:                        # "%0.10d 00000 n " each, without a format each
            entries = [" 00000 n \n".join(map(methodcaller("zfill", 10), map(str, offsets))) + " 00000 n "]
        xref = ["xref", "0 %d" % (count + 1), "0000000000 65535 f ", *entries, ""]
        xrefoffset = out.add("\n".join(xref).encode("latin-1"))
        out.add(_trailer(self, xrefoffset, count + 1, self.Reference(cat), self.Reference(info)))
        for ds in getattr(self, "_digiSigs", []):
            ds.sign(out)
        return out.format(self)
