"""PDF objects, read from a file and written back: the little of PDF syntax that an
incremental update (sig_fields.py) needs.

PdfFile reads a PDF with classic xref tables (what reportlab and pypdf write):
each object is parsed when first asked for, and the update appends the objects
added or changed, their xref section and a trailer with /Prev. Dictionaries are
dicts (keys the names' bytes), arrays lists, references Ref; every other value (a
number, a name, a string, true …) is kept as its bytes in the file, so that it is
written back exactly as read. Anything else (an xref stream, a damaged table) is
refused with ValueError, never given a wrong update.
"""
from __future__ import annotations

import re
from typing import NamedTuple


class Ref(NamedTuple):
    """An indirect reference, N G R."""
    num: int
    gen: int = 0


class PdfFile:
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
        trailer, _ = parse_value(data, pos + 7)
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
            obj, pos = parse_value(self.pdf, m.end())
            pos = _skip(self.pdf, pos)
            if self.pdf.startswith(b"stream", pos):
                obj = Stream(obj)             # read-only here: its data is never rewritten
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
        if isinstance(obj, Stream):
            raise ValueError(f"object {ref.num} is a stream: not rewritten here")
        self.new[ref.num] = obj

    def add(self, value) -> Ref:
        ref = Ref(self.size)
        self.size += 1
        self.new[ref.num] = value
        return ref

    def add_raw(self, body: bytes) -> Ref:
        """A new object given as its bytes (a stream)."""
        return self.add(Raw(body))

    def update(self, digest: bytes) -> bytes:
        """The file with the update appended: the new and changed objects in number
        order, their xref section (in runs of consecutive numbers), the trailer."""
        out = [self.pdf if self.pdf.endswith(b"\n") else self.pdf + b"\n"]
        at = len(out[0])
        offsets = {}
        for num in sorted(self.new):
            obj = self.new[num]
            body = b"%d 0 obj\n" % num + (obj if isinstance(obj, Raw) else serialize(obj)) + b"\nendobj\n"
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
        first = string_bytes(self.trailer[b"/ID"][0]) if b"/ID" in self.trailer else digest
        trailer = {b"/ID": [b"<" + first.hex().encode() + b">", b"<" + digest.hex().encode() + b">"]}
        if b"/Info" in self.trailer:
            trailer[b"/Info"] = self.trailer[b"/Info"]
        trailer.update({b"/Root": self.root, b"/Size": b"%d" % self.size, b"/Prev": b"%d" % self.startxref})
        xref.append(b"trailer\n" + serialize(trailer) + b"\nstartxref\n%d\n%%%%EOF\n" % xref_at)
        return b"".join(out + xref)


class Raw(bytes):
    """An object's bytes, written as they are."""


class Stream(dict):
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


def parse_value(data: bytes, pos: int):
    """The object at `pos` and the position after it."""
    pos = _skip(data, pos)
    if data.startswith(b"<<", pos):
        d, pos = {}, pos + 2
        while not data.startswith(b">>", pos := _skip(data, pos)):
            m = _NAME.match(data, pos)
            if not m:
                raise ValueError(f"a dictionary key that is not a name at byte {pos}")
            d[m[0]], pos = parse_value(data, m.end())
        return d, pos + 2
    c = data[pos:pos + 1]
    if c == b"[":
        items, pos = [], _skip(data, pos + 1)
        while not data.startswith(b"]", pos):
            if pos >= len(data):
                raise ValueError("an array without its end")
            item, pos = parse_value(data, pos)
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


def string_bytes(raw: bytes) -> bytes:
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


def serialize(value) -> bytes:
    if isinstance(value, dict):
        return b"<<" + b"".join(k + b" " + serialize(v) for k, v in value.items()) + b">>"
    if isinstance(value, list):
        return b"[" + b" ".join(serialize(v) for v in value) + b"]"
    if isinstance(value, Ref):
        return b"%d %d R" % value
    return value
