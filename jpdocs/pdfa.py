"""PDF/A-2b from reportlab's PDF.

reportlab has no PDF/A switch, but its files need only three things to conform:
an XMP metadata stream saying pdfaid:part=2, conformance=B and repeating the Info
dictionary; an sRGB OutputIntent with an ICC profile; and an end-of-line before
every `endstream` (reportlab writes none after compressed data). Fonts are already
embedded subsets, and nothing is encrypted or transparent. pypdf rewrites the file
with the additions (its streams end with an EOL); the /ID is a digest of the
content, so the result is byte-identical on rebuild.

Signature fields are added afterwards as an incremental update with empty
appearance streams, and signing adds another: both keep the file PDF/A-2b.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path
from xml.sax.saxutils import escape

from . import model as m
from .errors import fail

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
    def text(key):
        return escape(str(info.get(key, "")))
    lang_x = escape(lang)
    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text('/Title')}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{text('/Author')}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text('/Subject')}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang_x}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>{text('/Producer')}</pdf:Producer>
   <pdf:Keywords>{text('/Keywords')}</pdf:Keywords>
   <xmp:CreatorTool>{text('/Creator')}</xmp:CreatorTool>
   <xmp:CreateDate>{_xmp_date(str(info['/CreationDate']))}</xmp:CreateDate>
   <xmp:ModifyDate>{_xmp_date(str(info['/ModDate']))}</xmp:ModifyDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return body.encode("utf-8")


def make_pdfa(pdf: bytes, doc: m.Document) -> bytes:
    """The same document as PDF/A-2b."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (ArrayObject, ByteStringObject, DecodedStreamObject, DictionaryObject,
                               NameObject, NumberObject, TextStringObject)

    reader = PdfReader(io.BytesIO(pdf))
    info = {k: v for k, v in reader.metadata.items()}
    info.pop("/Trapped", None)           # PDF/A-2 wants it True/False in XMP too, or absent
    info["/Producer"] = str(info.get("/Producer", "")) + "; jpdocs PDF/A-2b"
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
        w._ID = ArrayObject([ByteStringObject(doc_id), ByteStringObject(doc_id)])
        out = io.BytesIO()
        w.write(out)
        return out.getvalue()

    draft = build(b"\0" * 16)
    return build(hashlib.md5(draft).digest())
