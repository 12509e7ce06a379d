"""Empty signature fields over the seal places, as our own incremental update.

reportlab has no API for /Sig fields, so they are added afterwards, appended to
the writer's bytes (or pdfa.py's) as an incremental update: what pyHanko's
append_signature_field wrote until 2026-12 (with empty_field_appearance=False),
dictionary by dictionary, but without importing pyHanko, cryptography and
asn1crypto (97 modules) for a few dictionaries: a cold build of the seed spec
(0.4 s) is ~20 ms faster, the fields take ~1 ms.
pyHanko still signs the fields (signing.py), as a further update of this file.

The update holds, for each seal place:
- a new object that is both the field and its widget (/FT /Sig, /T the name 甲,
  /TU 甲の署名欄: what a screen reader announces), over the seal place (/Rect:
  the seal's square rounded outwards), on its page (/P), flagged Print and
  Locked (/F 132, as pyHanko flags a visible field);
- its appearance: an empty form XObject, so the printed 印 shows through (the
  grey box pyHanko draws otherwise would hide it on screen and on paper);
and once: a new /AcroForm (/Fields, /SigFlags 1: the file has signature fields)
in a rewritten catalog; each page with a field rewritten with the widgets in
/Annots; for PDF/UA (tagged PDF), the Form element the writer left at the
seal's place in reading order (writers/tags.py; found by its ID field:NAME in
the structure tree's /IDTree) rewritten with the widget as its content (/K
OBJR), the widget given a /StructParent, the parent tree and the tree root
rewritten with the new keys; then an xref section for those objects and a
trailer whose /Prev is the file's own xref. The second /ID is a digest of the
content, so a rebuild is byte-identical.

Reading the file: only the objects changed or walked (trailer, catalog, page
tree, structure tree root, parent tree, Form elements) are parsed, with the
small parser of PDF objects below. reportlab and pypdf (pdfa.py) both write a
classic xref table and no object streams; a file otherwise made (an xref stream,
a form already there) is refused with an error, never given a wrong update.
"""
from __future__ import annotations

import hashlib
import math
import re
from typing import NamedTuple

# The widget's flags: Print (4) and Locked (128), pyHanko's for a visible field
# (and for an invisible one), 0b10000100.
WIDGET_FLAGS = 132


class Ref(NamedTuple):
    """An indirect reference, N G R."""
    num: int
    gen: int = 0


def add_signature_fields(pdf: bytes, seals) -> bytes:
    """One empty signature field per seal place (named after it: 甲, 乙 …), its
    widget exactly over the seal place, on the page where the place landed."""
    names = [s.field for s in seals]
    for name in names:
        # PDF joins the names of nested fields with "."; two fields of one name are one field
        if "." in name or names.count(name) > 1:
            raise ValueError(f"signature field name {name!r}: each seal place needs its own name, without '.'")
    f = _File(pdf)
    root = f.get(f.root)
    if b"/AcroForm" in root:
        raise ValueError("the PDF has a form already: signature fields are added to the writer's file only")
    if _version(pdf[:16]) < (1, 7) and _version(f.get(root.get(b"/Version", b""))) < (1, 7):
        # As pyHanko did: reportlab's header says PDF 1.4, but the file uses later
        # features (a tagged PDF/UA-1 file is PDF 1.7, ISO 32000-1); pdfa.py's says 1.7.
        root[b"/Version"] = b"/1.7"
    pages = f.pages()
    fields, widgets = [], {}
    form = f.add({b"/Fields": fields, b"/SigFlags": b"1"})
    root[b"/AcroForm"] = form
    f.changed(f.root)
    for seal in seals:
        x0, y0, x1, y1 = seal.box
        box = (math.floor(x0), math.floor(y0), math.ceil(x1), math.ceil(y1))
        page = pages[seal.page]
        widget = {b"/FT": b"/Sig", b"/T": _text(seal.field), b"/Type": b"/Annot", b"/Subtype": b"/Widget",
                  b"/F": b"%d" % WIDGET_FLAGS, b"/Rect": [b"%d" % v for v in box], b"/P": page,
                  b"/TU": _text(f"{seal.field}の署名欄")}
        ref = f.add(widget)
        w, h = abs(box[2] - box[0]), abs(box[3] - box[1])
        if w and h:
            # pyHanko's empty appearance, its /BBox [0 h w 0] included (the same box)
            widget[b"/AP"] = {b"/N": f.add_raw(b"<</BBox [0 %d %d 0]/Resources <<>>/Type /XObject/Subtype /Form"
                                               b"/Length 0>>\nstream\n\nendstream" % (h, w))}
        fields.append(ref)
        widgets[seal.field] = ref, widget
        _add_annotation(f, page, ref)
    _tag_fields(f, widgets)
    digest = hashlib.md5(pdf + repr([(s.field, s.page, s.box) for s in seals]).encode()).digest()
    return f.update(digest)


def _add_annotation(f: _File, page: Ref, annot: Ref) -> None:
    """The widget into the page's /Annots: the array's own object rewritten if it
    is one, otherwise the page (as pyHanko's register_annotation)."""
    page_obj = f.get(page)
    annots = page_obj.get(b"/Annots")
    if isinstance(annots, Ref):
        f.get(annots).append(annot)
        f.changed(annots)
        return
    page_obj.setdefault(b"/Annots", []).append(annot)
    f.changed(page)


def _tag_fields(f: _File, widgets: dict) -> None:
    """Each new widget into the structure tree (PDF/UA): the Form element the PDF
    writer left at the seal's place in reading order (its /T is the field's name,
    its /ID field:NAME in the tree's IDTree) gets the widget as its object
    reference, the widget a /StructParent, the parent tree the element under it."""
    root = f.get(f.root)
    tree_ref = root.get(b"/StructTreeRoot")
    if tree_ref is None:
        return
    tree = f.get(tree_ref)
    forms = {}
    pairs = f.get(f.get(tree.get(b"/IDTree", {})).get(b"/Names", []))
    for i in range(0, len(pairs) - 1, 2):     # the writer gives each Form element the ID field:NAME
        key = _string(pairs[i])
        if key.startswith(b"field:"):
            forms[key[6:].decode("utf-8")] = pairs[i + 1]
    parent_ref = tree[b"/ParentTree"]
    parent = f.get(parent_ref)
    if b"/Nums" not in parent:
        raise ValueError("the structure tree's parent tree is not one flat /Nums array (the writer's)")
    nums = f.get(parent[b"/Nums"])
    key = int(tree.get(b"/ParentTreeNextKey", b"0"))
    for name, (widget_ref, widget) in widgets.items():
        elem_ref = forms.get(name)
        if elem_ref is None:
            continue
        elem = f.get(elem_ref)
        elem[b"/K"] = {b"/Type": b"/OBJR", b"/Obj": widget_ref, b"/Pg": widget[b"/P"]}
        elem[b"/Pg"] = widget[b"/P"]
        widget[b"/StructParent"] = b"%d" % key
        nums.extend([b"%d" % key, elem_ref])
        key += 1
        f.changed(elem_ref)
    tree[b"/ParentTreeNextKey"] = b"%d" % key
    for ref in (parent_ref, parent[b"/Nums"], tree_ref):
        if isinstance(ref, Ref):
            f.changed(ref)


def _version(text: bytes) -> tuple[int, int]:
    """The PDF version in a header (%PDF-1.4) or a catalog's /Version (/1.7); (0, 0) if none."""
    m = re.match(rb"(?:%PDF-|/)(\d+)\.(\d+)", text)
    return (int(m[1]), int(m[2])) if m else (0, 0)


def _text(s: str) -> bytes:
    """A PDF text string: plain ASCII as it is, else UTF-16BE with its byte order mark."""
    if s.isascii() and s.isprintable():
        return b"(" + re.sub(rb"([()\\])", rb"\\\1", s.encode("ascii")) + b")"
    return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode("ascii") + b">"


# ---- the file: its xref table, its objects, the update

class _File:
    """The objects of a PDF with classic xref tables, read as asked for (each parsed
    once, so that a change made to one is what the update writes), and the update."""

    def __init__(self, pdf: bytes):
        self.pdf = pdf
        self.offsets: dict[int, int] = {}      # object number → offset of its "N G obj"
        self.objects: dict[int, object] = {}   # parsed, by number
        self.new: dict[int, object] = {}       # the update's objects: a value, or raw bytes (add_raw)
        m = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf[-1024:])
        if not m:
            raise ValueError("not a PDF: no startxref at its end")
        self.startxref = pos = int(m[1])
        self.trailer = None
        seen = set()
        while pos is not None:                 # the newest section first; /Prev the one before
            if pos in seen:
                raise ValueError("the PDF's xref sections loop")
            seen.add(pos)
            trailer = self._read_xref(pos)
            self.trailer = self.trailer or trailer
            pos = int(trailer[b"/Prev"]) if b"/Prev" in trailer else None
        self.root = self.trailer[b"/Root"]
        self.size = int(self.trailer[b"/Size"])

    def _read_xref(self, pos: int) -> dict:
        data = self.pdf
        if not data.startswith(b"xref", pos):
            raise ValueError("the PDF has no classic xref table where startxref points (an xref stream?)")
        pos += 4
        while not data.startswith(b"trailer", pos := _skip(data, pos)):
            m = _XREF_HEADER.match(data, pos)
            if not m:
                raise ValueError(f"a damaged xref table at byte {pos}")
            first, count = int(m[1]), int(m[2])
            pos = m.end()
            for num in range(first, first + count):
                e = _XREF_ENTRY.match(data, pos)
                if not e:
                    raise ValueError(f"a damaged xref entry at byte {pos}")
                pos = e.end()
                if e[3] == b"n":
                    self.offsets.setdefault(num, int(e[1]))   # a newer section's entry wins
                else:
                    self.offsets.setdefault(num, None)
        trailer, _ = _value(data, pos + 7)
        if b"/XRefStm" in trailer:
            raise ValueError("the PDF has a hybrid xref (an xref stream besides the table)")
        return trailer

    def get(self, value):
        """A reference's object (parsed once); any other value as it is."""
        if not isinstance(value, Ref):
            return value
        if value.num in self.new:
            return self.new[value.num]
        if value.num not in self.objects:
            offset = self.offsets.get(value.num)
            if offset is None:
                raise ValueError(f"object {value.num} is not in the PDF")
            m = _OBJ.match(self.pdf, offset)
            if not m or int(m[1]) != value.num:
                raise ValueError(f"object {value.num} is not at its xref offset {offset}")
            obj, pos = _value(self.pdf, m.end())
            pos = _skip(self.pdf, pos)
            if self.pdf.startswith(b"stream", pos):
                obj = _Stream(obj)             # read-only here: its data is never rewritten
            elif not self.pdf.startswith(b"endobj", pos):
                raise ValueError(f"object {value.num}: no endobj after its value")
            self.objects[value.num] = obj
        return self.objects[value.num]

    def pages(self) -> list[Ref]:
        """The page objects in order, from the page tree."""
        out, seen = [], set()

        def walk(ref):
            if ref in seen:
                raise ValueError("the page tree loops")
            seen.add(ref)
            node = self.get(ref)
            if node.get(b"/Type") == b"/Pages" or b"/Kids" in node:
                for kid in self.get(node[b"/Kids"]):
                    walk(kid)
            else:
                out.append(ref)
        walk(self.get(self.root)[b"/Pages"])
        return out

    def changed(self, ref: Ref) -> None:
        """The object `ref` is rewritten by the update (as now changed)."""
        obj = self.get(ref)
        if ref.gen != 0:
            raise ValueError(f"object {ref.num} has generation {ref.gen}: not rewritten here")
        if isinstance(obj, _Stream):
            raise ValueError(f"object {ref.num} is a stream: not rewritten here")
        self.new[ref.num] = obj

    def add(self, value) -> Ref:
        ref = Ref(self.size)
        self.size += 1
        self.new[ref.num] = value
        return ref

    def add_raw(self, body: bytes) -> Ref:
        """A new object given as its bytes (a stream)."""
        return self.add(_Raw(body))

    def update(self, digest: bytes) -> bytes:
        """The file with the update appended: the new and changed objects in number
        order, their xref section (in runs of consecutive numbers), the trailer."""
        out = [self.pdf if self.pdf.endswith(b"\n") else self.pdf + b"\n"]
        at = len(out[0])
        offsets = {}
        for num in sorted(self.new):
            obj = self.new[num]
            body = b"%d 0 obj\n" % num + (obj if isinstance(obj, _Raw) else _serialize(obj)) + b"\nendobj\n"
            offsets[num] = at
            out.append(body)
            at += len(body)
        xref_at = at
        xref = [b"xref\n0 1\n0000000000 65535 f \n"]
        nums = sorted(offsets)
        i = 0
        while i < len(nums):
            j = i
            while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
                j += 1
            xref.append(b"%d %d\n" % (nums[i], j - i + 1))
            xref += [b"%010d 00000 n \n" % offsets[n] for n in nums[i:j + 1]]
            i = j + 1
        first = _string(self.trailer[b"/ID"][0]) if b"/ID" in self.trailer else digest
        trailer = {b"/ID": [b"<" + first.hex().encode() + b">", b"<" + digest.hex().encode() + b">"]}
        if b"/Info" in self.trailer:
            trailer[b"/Info"] = self.trailer[b"/Info"]
        trailer.update({b"/Root": self.root, b"/Size": b"%d" % self.size, b"/Prev": b"%d" % self.startxref})
        xref.append(b"trailer\n" + _serialize(trailer) + b"\nstartxref\n%d\n%%%%EOF\n" % xref_at)
        return b"".join(out + xref)


class _Raw(bytes):
    """An object's bytes, written as they are."""


class _Stream(dict):
    """A stream's dictionary (the stream itself is not read)."""


# ---- PDF objects: dictionaries (dict, keys the names' bytes), arrays (list),
# references (Ref); every other value (a number, name, string, true …) is kept
# as its bytes in the file, so it is written back exactly as read.

_WHITE = b"\x00\t\n\x0c\r "
_TOKEN = re.compile(rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]+")
_NAME = re.compile(rb"/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*")
_OBJ = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj")
_XREF_HEADER = re.compile(rb"\s*(\d+)\s+(\d+)")                     # a subsection: first number, count
_XREF_ENTRY = re.compile(rb"\s*(\d{10})\s+(\d{5})\s+([nf])")
_REF = re.compile(rb"(\d+)[\x00\t\n\x0c\r ]+(\d+)[\x00\t\n\x0c\r ]+R(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])")


def _skip(data: bytes, pos: int) -> int:
    """Past white space and comments."""
    while pos < len(data):
        c = data[pos]
        if c in _WHITE:
            pos += 1
        elif c == 0x25:                          # % a comment, to the end of the line
            while pos < len(data) and data[pos] not in b"\r\n":
                pos += 1
        else:
            break
    return pos


def _value(data: bytes, pos: int):
    """The object at `pos` and the position after it."""
    pos = _skip(data, pos)
    if data.startswith(b"<<", pos):
        d, pos = {}, pos + 2
        while not data.startswith(b">>", pos := _skip(data, pos)):
            m = _NAME.match(data, pos)
            if not m:
                raise ValueError(f"a dictionary key that is not a name at byte {pos}")
            d[m[0]], pos = _value(data, m.end())
        return d, pos + 2
    c = data[pos:pos + 1]
    if c == b"[":
        items, pos = [], _skip(data, pos + 1)
        while not data.startswith(b"]", pos):
            if pos >= len(data):
                raise ValueError("an array without its end")
            item, pos = _value(data, pos)
            items.append(item)
            pos = _skip(data, pos)
        return items, pos + 1
    if c == b"(":                                # a literal string: balanced parentheses, \ escapes
        depth, i = 0, pos
        while i < len(data):
            ch = data[i]
            if ch == 0x5C:
                i += 2
                continue
            depth += (ch == 0x28) - (ch == 0x29)
            i += 1
            if depth == 0:
                return data[pos:i], i
        raise ValueError("a string without its end")
    if c == b"<":                                # a hex string
        end = data.index(b">", pos)
        return data[pos:end + 1], end + 1
    if c == b"/":
        m = _NAME.match(data, pos)
        return m[0], m.end()
    m = _REF.match(data, pos)
    if m:
        return Ref(int(m[1]), int(m[2])), m.end()
    m = _TOKEN.match(data, pos)
    if not m:
        raise ValueError(f"no PDF object at byte {pos}")
    return m[0], m.end()


_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f",
            ord("("): b"(", ord(")"): b")", ord("\\"): b"\\"}


def _string(raw: bytes) -> bytes:
    """A string's bytes, from its form in the file, (…) or <…>."""
    if raw.startswith(b"<"):
        digits = re.sub(rb"[^0-9A-Fa-f]", b"", raw)
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
    out, i, body = bytearray(), 0, raw[1:-1]
    while i < len(body):
        ch = body[i]
        if ch == 0x5C and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in _ESCAPES:
                out += _ESCAPES[nxt]
                i += 2
            elif 0x30 <= nxt <= 0x37:            # \ddd, one to three octal digits
                m = re.compile(rb"[0-7]{1,3}").match(body, i + 1)
                out.append(int(m[0], 8) & 0xFF)
                i = m.end()
            elif nxt in b"\r\n":                 # a line continued
                i += 3 if body[i + 1:i + 3] == b"\r\n" else 2
            else:
                i += 1                           # \ before another character: ignored
        elif ch == 0x0D:                         # an end of line in the string reads as \n
            out += b"\n"
            i += 2 if body[i + 1:i + 2] == b"\n" else 1
        else:
            out.append(ch)
            i += 1
    return bytes(out)


def _serialize(value) -> bytes:
    if isinstance(value, dict):
        return b"<<" + b"".join(k + b" " + _serialize(v) for k, v in value.items()) + b">>"
    if isinstance(value, list):
        return b"[" + b" ".join(_serialize(v) for v in value) + b"]"
    if isinstance(value, Ref):
        return b"%d %d R" % value
    return value
