"""PDF/A-2a from reportlab's tagged PDF (PDF/A-2b until the files were tagged).

reportlab has no PDF/A switch, but its files need only three things to conform:
an XMP metadata stream saying pdfaid:part=2, conformance=A (level A: the file is
tagged, writers/tags.py) and repeating the Info dictionary; an sRGB OutputIntent with an ICC profile; and an end-of-line before
every `endstream` (reportlab writes none after compressed data). Fonts are already
embedded subsets, and nothing is encrypted or transparent. pypdf rewrites the file
with the additions (its streams end with an EOL); the /ID is a digest of the
content, so the result is byte-identical on rebuild.

Signature fields are added afterwards as an incremental update with empty
appearance streams, and signing adds another: both keep the file PDF/A-2a
(and PDF/UA-1: the fields are tagged as they are added, signing.py).
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

from ..content import model as m
from ..errors import fail
from ..flate import compress
from ..writers.tags import escape, xmp_packet as tags_xmp

# Debian's icc-profiles-free; the CI installs it (.ci/run).
ICC_CANDIDATES = [Path("/usr/share/color/icc/sRGB.icc"), Path("/usr/share/color/icc/colord/sRGB.icc")]


def srgb_profile() -> bytes:
    for path in ICC_CANDIDATES:
        if path.is_file():
            return path.read_bytes()
    raise fail(str(ICC_CANDIDATES[0]), "no sRGB ICC profile for PDF/A: install the Debian package icc-profiles-free")


def _xmp_date(pdf_date: str) -> str:
    """D:20000101000000+00'00' → 2000-01-01T00:00:00+00:00 (the same instant, as XMP writes it)."""
    d = pdf_date[2:] if pdf_date.startswith("D:") else pdf_date
    stamp = f"{d[0:4]}-{d[4:6]}-{d[6:8]}T{d[8:10]}:{d[10:12]}:{d[12:14]}"
    zone = d[14:].replace("'", "")
    if zone in ("", "Z"):
        return stamp + "Z"
    return f"{stamp}{zone[0]}{zone[1:3]}:{zone[3:5]}"


def xmp_packet(info: dict, lang: str) -> bytes:
    """The tagged writer's XMP (dc:title, pdfuaid:part 1; writers/tags.py) with the
    PDF/A identification and the Info dictionary's other entries repeated. An entry
    the Info dictionary leaves out (/Keywords: no spec gives any) is left out here
    too: PDF/A wants the two to agree, and an empty pdf:Keywords is a blank field."""
    def text(key):
        return escape(str(info.get(key, "")))
    keywords = f"\n   <pdf:Keywords>{text('/Keywords')}</pdf:Keywords>" if info.get("/Keywords") else ""
    extra = f"""
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>A</pdfaid:conformance>
   <pdf:Producer>{text('/Producer')}</pdf:Producer>{keywords}
   <xmp:CreatorTool>{text('/Creator')}</xmp:CreatorTool>
   <xmp:CreateDate>{_xmp_date(str(info['/CreationDate']))}</xmp:CreateDate>
   <xmp:ModifyDate>{_xmp_date(str(info['/ModDate']))}</xmp:ModifyDate>"""
    return tags_xmp(str(info.get("/Title", "")), str(info.get("/Author", "")), str(info.get("/Subject", "")),
                    lang, extra)


def _no_cr_before_endstream(w) -> None:
    """A compressed stream whose last byte happens to be a carriage return reads, with
    the end-of-line after it, as ending in CR LF: validators then count one byte less
    than /Length (it happened to a font's ToUnicode map). zlib ends with a checksum of
    the data, so such a stream of PostScript-like text (a CMap, page content) gets a
    newline more, which changes the checksum and nothing else (deflated as the
    writer deflates, flate.py)."""
    import zlib
    from pypdf.generic import DictionaryObject, IndirectObject, StreamObject
    # a CIDFont's /CIDToGIDMap: binary, two bytes a CID (fonts/cid.py), where a byte more is a CID more
    maps = {ref.idnum for ref in (obj.raw_get("/CIDToGIDMap") for obj in w._objects
                                  if isinstance(obj, DictionaryObject) and "/CIDToGIDMap" in obj)
            if isinstance(ref, IndirectObject)}
    for number, obj in enumerate(w._objects, 1):
        if not (isinstance(obj, StreamObject) and obj._data.endswith(b"\r")):
            continue
        if obj.get("/Filter") not in ("/FlateDecode", ["/FlateDecode"]):
            continue
        raw = zlib.decompress(obj._data)
        if "/Length1" in obj or "/Subtype" in obj or number in maps:    # a font program, an image, a map: not text
            continue
        for extra in range(1, 8):
            data = compress(raw + b"\n" * extra)
            if not data.endswith(b"\r"):
                obj._data = data
                break


def make_pdfa(pdf: bytes, doc: m.Document) -> bytes:
    """The same document as PDF/A-2a: the writer's file is tagged (level A's logical
    structure and Unicode text), so it only needs PDF/A's identification, colour
    and stream rules."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (ArrayObject, ByteStringObject, DecodedStreamObject, DictionaryObject,
                               NameObject, NumberObject, TextStringObject)

    reader = PdfReader(io.BytesIO(pdf))
    info = {k: v for k, v in reader.metadata.items()}
    info.pop("/Trapped", None)           # PDF/A-2 wants it True/False in XMP too, or absent
    info["/Producer"] = str(info.get("/Producer", "")) + "; jpdocs PDF/A-2a"
    info.setdefault("/ModDate", info["/CreationDate"])

    def build(doc_id: bytes) -> bytes:
        w = PdfWriter(clone_from=reader)
        w.pdf_header = b"%PDF-1.7"          # PDF/A-2 is based on PDF 1.7 (ISO 32000-1)
        w._info = None
        w.add_metadata({k: TextStringObject(str(v)) for k, v in info.items()})
        xmp = DecodedStreamObject()
        xmp.set_data(xmp_packet(info, doc.lang))
        xmp.update({NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")})
        icc = DecodedStreamObject()
        icc.set_data(srgb_profile())
        icc[NameObject("/N")] = NumberObject(3)
        icc = icc.flate_encode()
        intent = DictionaryObject({
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFA1"),
            NameObject("/OutputConditionIdentifier"): TextStringObject("sRGB IEC61966-2.1"),
            NameObject("/Info"): TextStringObject("sRGB IEC61966-2.1"),
            NameObject("/DestOutputProfile"): w._add_object(icc),
        })
        root = w._root_object
        root[NameObject("/Metadata")] = w._add_object(xmp)
        root[NameObject("/OutputIntents")] = ArrayObject([intent])
        root.pop("/Version", None)
        _no_cr_before_endstream(w)
        w._ID = ArrayObject([ByteStringObject(doc_id), ByteStringObject(doc_id)])
        out = io.BytesIO()
        w.write(out)
        return out.getvalue()

    draft = build(b"\0" * 16)
    return build(hashlib.md5(draft).digest())
