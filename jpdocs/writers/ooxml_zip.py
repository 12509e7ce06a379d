"""A document saved as deterministic bytes: python-docx's parts zipped with fixed
dates and a fixed order, byte for byte as zipfile writes them, each member that
every document of a batch shares deflated once.

A module of its own because it is the one step of the DOCX writer that does not
make Word XML but packs it (and the core properties' fixed time is here, with the
zip's: nothing time-dependent in files).
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from datetime import datetime, timezone
from pathlib import Path

from ..atomic import write_atomic

FIXED_TIME = datetime(2000, 1, 1, tzinfo=timezone.utc)   # nothing time-dependent in files


ZIP_TIME = (1980, 1, 1, 0, 0, 0)


_KEPT_XML: dict[tuple, bytes] = {}                 # what a package's content types or relationships are → their XML


def _kept_xml(key: tuple, make) -> bytes:
    """The content types or a relationships part, made once for what they list: the
    same few in every document of a batch (python-docx builds and serializes them,
    working each target's path out anew, for every save)."""
    made = _KEPT_XML.get(key)
    if made is None:
        if len(_KEPT_XML) >= 256:
            del _KEPT_XML[next(iter(_KEPT_XML))]  # the oldest
        made = _KEPT_XML[key] = make()
    return made


def _rels_key(source: str, rels) -> tuple:
    # rels.xml lists each relationship's id, type and target, the target relative to
    # the source's folder (so the source is part of the key)
    return ("rels", source, tuple((rel.rId, rel.reltype, rel.is_external,
                                   rel.target_ref if rel.is_external else rel.target_part.partname)
                                  for rel in rels.values()))


def _rels(source):
    """The relationships of a part or package, or None where it has none: python-docx
    makes a part's (its lazyproperty `rels`, kept in the instance's __dict__) only when
    first asked for, and every relationship is added through it. Making the empty ones
    of the parts without any (styles, settings, theme, …) to walk them cost more than
    the walk (a path split each)."""
    return source.__dict__.get("rels")


def package_parts(package) -> list:
    """package.parts: python-docx's walk over the relationships (depth first, each part
    once, in the order of each source's relationships), over the parts that have
    any. (No part class defines equality: python-docx's `part in visited` is identity.)"""
    parts, seen = [], set()

    def walk(source):
        rels = _rels(source)
        for rel in rels.values() if rels else ():
            if rel.is_external:
                continue
            part = rel.target_part
            if id(part) not in seen:
                seen.add(id(part))
                parts.append(part)
                walk(part)
    walk(package)
    return parts


def package_members(document) -> dict[str, bytes]:
    """The package's members as python-docx's `Document.save` writes them (the steps of
    its PackageWriter: content types, package relationships, then each part and its
    relationships), without the zip it would write them into."""
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgwriter import _ContentTypesItem
    package = document.part.package
    parts = package_parts(package)
    for part in parts:
        part.before_marshal()
    members = {CONTENT_TYPES_URI.membername: _kept_xml(("types", tuple((p.partname, p.content_type) for p in parts)),
                                                       lambda: _ContentTypesItem.from_parts(parts).blob),
               PACKAGE_URI.rels_uri.membername: _kept_xml(_rels_key("/", package.rels), lambda: package.rels.xml)}
    for part in parts:
        members[part.partname.membername] = part.blob
        if _rels(part):
            members[part.partname.rels_uri.membername] = _kept_xml(_rels_key(part.partname, part.rels),
                                                                   lambda: part.rels.xml)
    return members


def document_bytes(document) -> bytes:
    """python-docx's parts are stable but its zip entries carry the clock: the zip is
    written here, with fixed dates and a fixed order ([Content_Types].xml first).
    (The parts are taken from python-docx directly: saving its zip and rewriting it
    deflated every part twice and inflated it once.)"""
    members = package_members(document)
    return zip_bytes([(name, members[name]) for name in sorted(members, key=lambda n: (n != "[Content_Types].xml", n))])


# The zip exactly as zipfile.ZipFile(..., "w", ZIP_DEFLATED).writestr writes it into a
# seekable file, given a ZipInfo with ZIP_TIME, create_system 0 and external_attr 0
# (which writestr makes 0o600 << 16): local header, deflated data, then the central
# directory and its end record. Written here because zipfile cannot take data
# deflated before: most of a DOCX's members (styles, theme, fonts table, settings,
# footers) are the same in every document of a batch, and are deflated once.
_LOCAL = struct.Struct("<4s2B4HL2L2H")             # zipfile.structFileHeader
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")         # zipfile.structCentralDir
_END = struct.Struct("<4s4H2LH")                   # zipfile.structEndArchive
_VERSION, _DOS_TIME, _DOS_DATE = 20, 0, (ZIP_TIME[0] - 1980) << 9 | ZIP_TIME[1] << 5 | ZIP_TIME[2]
_ATTR = 0o600 << 16
_DEFLATED: dict[bytes, tuple[int, bytes]] = {}     # a member's bytes → (CRC-32, deflated), the last few hundred
_KEEP = 256
_ALWAYS_NEW = frozenset(("word/document.xml", "docProps/core.xml"))   # each document's own


def deflated(name: str, data: bytes) -> tuple[int, bytes]:
    """(CRC-32, raw deflate stream) of a member, as zipfile deflates it (level 6,
    no zlib header); a member seen before is not deflated again."""
    hit = None if name in _ALWAYS_NEW else _DEFLATED.get(data)
    if hit is not None:
        return hit
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    made = zlib.crc32(data), compressor.compress(data) + compressor.flush()
    if name not in _ALWAYS_NEW:
        if len(_DEFLATED) >= _KEEP:
            del _DEFLATED[next(iter(_DEFLATED))]  # the oldest
        _DEFLATED[data] = made
    return made


def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    """A zip of the members, in order, byte for byte as zipfile writes it (see above)."""
    out, central = [], []
    offset = 0
    for name, data in members:
        crc, packed = deflated(name, data)
        try:
            filename, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            filename, flags = name.encode("utf-8"), 0x800
        header = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, flags, zipfile.ZIP_DEFLATED, _DOS_TIME, _DOS_DATE, crc,
                             len(packed), len(data), len(filename), 0)
        out += (header, filename, packed)
        central += (_CENTRAL.pack(b"PK\x01\x02", _VERSION, 0, _VERSION, 0, flags, zipfile.ZIP_DEFLATED, _DOS_TIME,
                                  _DOS_DATE, crc, len(packed), len(data), len(filename), 0, 0, 0, 0, _ATTR, offset),
                    filename)
        offset += len(header) + len(filename) + len(packed)
    directory = b"".join(central)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(out) + directory + end


def save_deterministic(document, out: Path) -> None:
    """Deterministic bytes, written atomically (a reader never sees half a file)."""
    write_atomic(Path(out), document_bytes(document))
