"""Parsed font metrics kept on disk between runs.

reportlab parses a TrueType font's cmap, widths and glyph offsets in Python: about
35 ms for each BIZ UD font, over 100 ms for the three a document uses, which was
a third of the time of `python generate.py SPEC`. The parse depends only on the
font file's content and reportlab's version, so its result is stored, under the
content's digest (marshal: plain data,
nothing executed on loading, and twice as fast to read as pickle; in the user's
cache folder) and a later process reads it in a few milliseconds. The font file
itself is read only where the subsets embedded in each PDF need its glyphs
(files.FileBytes); a parse reads it whole.

An entry keeps the four big tables (cmap, widths, horizontal metrics, glyph
offsets: 50,000 values, some 17 M instructions a font to read, 2.5% of a cold
press notice) as a blob of their own, read where something first asks for one of
them: a style's bold Gothic is registered and checked in every run, and drawn in
few documents (not in the notice). What the glyph checks ask of every font,
whether it has a character, is answered by a bitmap of the cmap's code points
stored beside them (Coverage); what numbering its characters as CIDs needs of the
whole cmap (fonts/numbering.py: the few characters whose CID is not their glyph's),
beside them too.

Any problem with the cache (unwritable folder, stale or corrupt entry) falls back
to parsing the font, so the cache can be deleted at any time.
"""
from __future__ import annotations

import functools
import marshal
import os
import sys
from array import array
from pathlib import Path
from typing import Callable

from reportlab import Version as RL_VERSION
from reportlab.pdfbase import ttfonts

from .. import collector
from ..atomic import write_atomic
from ..output import private_cache_dir
from . import lookups, numbering
from ..sha import sha256

FORMAT = 8                 # 5: equal values stored once (_shared); 6: the big tables read on use;
                           # 8: the CID numbering's exceptions (numbering.py), the cmap's and widths'
                           # arrays (lookups.py), the big tables in two blobs

# The tables a parse makes that are read only where a font draws (composition.py's
# widths, reportlab's splitString, cut.py): in an entry, a marshal blob a group, each
# read on first use of one of its tables (_Table): the cmap and widths (which a cold
# run reads as arrays, lookups.py), and the glyphs' metrics and offsets (the subsets' cut).
TABLE_GROUPS = (("charToGlyph", "charWidths"), ("hmetrics", "glyphPos"))
BIG_TABLES = tuple(name for group in TABLE_GROUPS for name in group)
_GROUP_OF = {name: i for i, group in enumerate(TABLE_GROUPS) for name in group}
_TYPES = {"charToGlyph": dict, "charWidths": dict, "hmetrics": list, "glyphPos": list}

# Parsed, but read by nothing after the parse: not stored (a third of the time to
# read an entry, its 11,000 lists), and rebuilt from the cmap should anything ask.
NOT_STORED = ("_pdfScale", "_pos", "glyphToChar")


def _entry(digest: str) -> Path:
    """The cache file of a font (by its content); an OSError if there is no private
    cache folder."""
    key = f"{FORMAT}|{RL_VERSION}|{digest}"
    folder = private_cache_dir("fonts")
    if folder is None:
        raise OSError("no private cache folder")
    return folder / (sha256(key.encode()).hexdigest()[:32] + ".marshal")


def content_digest(read: Callable[[], bytes], st: os.stat_result) -> str:
    """The SHA-256 of a font file's bytes (`read()`, from the file whose status is
    `st`), remembered under the file's identity and times: reading and hashing the
    three fonts' 15 MB took 18 ms of every run. Writing to a file, or replacing it, changes
    its ctime (which no program can set), so a changed file is hashed again."""
    key = f"{FORMAT}|{st.st_dev}|{st.st_ino}|{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}"
    folder = private_cache_dir("fonts")
    entry = folder / (sha256(key.encode()).hexdigest()[:32] + ".sha256") if folder else None
    if entry is not None:
        try:
            known = entry.read_text(encoding="ascii")
            if len(known) == 64 and all(c in "0123456789abcdef" for c in known):
                return known
        except (OSError, ValueError):
            pass
    digest = sha256(read()).hexdigest()
    if entry is not None:
        try:
            write_atomic(entry, digest.encode("ascii"), durable=False)
        except (OSError, ValueError):
            pass
    return digest


class Coverage:
    """The code points a font's cmap maps, as a bitmap (bit `c` set for code point
    `c`): `code in coverage` answers as `code in face.charToGlyph` does, without
    the 11,741-entry dict. A BIZ UD font's is 24 KB (its highest code point is
    U+2F920), read with its entry as one bytes object. (Sorted ranges and bisect
    were the other way: a Japanese font's kanji make 5,258 ranges, no smaller.)"""
    __slots__ = ("bits",)

    def __init__(self, bits: bytes):
        self.bits = bits

    @classmethod
    def of(cls, codes) -> "Coverage":
        codes = list(codes)
        bits = bytearray((max(codes) >> 3) + 1 if codes else 0)
        for code in codes:
            bits[code >> 3] |= 1 << (code & 7)
        return cls(bytes(bits))

    def __contains__(self, code) -> bool:
        i = code >> 3
        return 0 <= i < len(self.bits) and (self.bits[i] >> (code & 7)) & 1 == 1


def coverage(face):
    """What answers "does the font map this code point" for `face`: its cmap once it
    is in memory (parsed in this process, or its tables read), else the bitmap
    stored with its cache entry, the same answers without reading the tables."""
    loaded = face.__dict__.get("charToGlyph")
    if loaded is not None:
        return loaded
    stored = face.__dict__.get("_coverage")
    return stored if stored is not None else face.charToGlyph


class _Table:
    """A big table of a face read from the cache, as an attribute of its class: asked
    for before it is read (the instance has no attribute of the name yet), it reads
    its group's tables (_CachedFace._read_tables), which then stand in the instance and
    are found there, as any attribute, from then on (a descriptor without __set__
    yields to them). reportlab, and rl_accel's C code, get the real dicts and lists."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, face, owner=None):
        if face is None:
            return self
        if "_tables" not in face.__dict__:      # (a face parsed: the parse sets them)
            raise AttributeError(self.name)
        face._read_tables(self.name)
        return face.__dict__[self.name]


class _CachedFace(ttfonts.TTFontFace):
    """A TTFontFace whose metric extraction is read from, or saved to, the cache.
    `digest` (the SHA-256 of the font file) is set on a subclass made per font.
    A face read from the cache holds its big tables as marshal blobs (`_tables`, one
    a group) until one of the group is asked for."""
    digest = ""
    charToGlyph, charWidths, hmetrics, glyphPos = _Table(), _Table(), _Table(), _Table()

    @functools.cached_property
    def glyphToChar(self) -> dict[int, list[int]]:
        """glyph → the characters that map to it, from the final cmap (a parse sets
        the attribute itself; a face read from the cache builds it here if asked;
        here U+00A0 maps to the space's glyph, as the cmap has it after the parse)."""
        out: dict[int, list[int]] = {}
        for char, glyph in sorted(self.charToGlyph.items()):
            out.setdefault(glyph, []).append(char)
        return out

    def _read_tables(self, name: str) -> None:
        # (a blob is dropped once its tables are in place: a second thread asking
        # meanwhile finds them, or reads the blob too, rather than finding neither)
        blobs = self.__dict__.get("_tables")
        if name in self.__dict__ or blobs is None:
            return
        group = TABLE_GROUPS[_GROUP_OF[name]]
        try:
            tables = collector.lasting(lambda: _unpacked(marshal.loads(blobs[_GROUP_OF[name]])))
            if not (type(tables) is dict and sorted(tables) == sorted(group)
                    and all(type(tables[k]) is _TYPES[k] for k in group)):
                raise ValueError("not the tables of a font")
        except Exception:          # a damaged blob: the font is parsed after all,
            self._read_whole()     # and the entry dropped (the next run stores it anew)
            super().extractInfo()
            self.__dict__.pop("_tables", None)
            try:
                _entry(self.digest).unlink()
            except OSError:
                pass
            return
        self.__dict__.update(tables)
        if all(k in self.__dict__ for k in BIG_TABLES):
            self.__dict__.pop("_tables", None)

    def _read_whole(self) -> None:
        """Before a parse, which reads the font two bytes at a time: all of it, once."""
        whole = getattr(self._ttf_data, "whole", None)
        if whole is not None:
            self._ttf_data = whole()

    def extractInfo(self, charInfo=1):
        try:
            entry = _entry(self.digest)
        except OSError:            # no cache folder of our own: parse every time
            self._read_whole()
            return super().extractInfo(charInfo)
        try:
            with open(entry, "rb") as fh:
                data = marshal.loads(fh.read())      # load(fh) reads in small pieces: 5x slower
            names = data.pop("__names__")
            tables, bits = data.pop("__tables__"), data.pop("__coverage__")
            glyphs, extra_cids = data.pop("__numbering__")
            arrays = data.pop("__arrays__")
            if type(tables) is not tuple or len(tables) != len(TABLE_GROUPS) \
                    or any(type(t) is not bytes for t in tables) or type(bits) is not bytes \
                    or type(glyphs) is not int or type(extra_cids) is not dict:
                raise ValueError("not an entry of this format")
            self.__dict__.update(data)
            self.__dict__[numbering.STORED] = (glyphs, extra_cids)
            for k in names:                    # name strings are bytes with a .ustr
                setattr(self, k, ttfonts.TTFNameBytes(data[k]))
            self._tables, self._coverage = tables, Coverage(bits)
            if arrays is not None:
                self.__dict__[lookups.STORED] = lookups.loaded(arrays, self._coverage, self.defaultWidth)
        except Exception:          # no entry yet, or an unusable one: parse, then store
            self._read_whole()
            before = dict(self.__dict__)
            super().extractInfo(charInfo)
            self._store(entry, {k: v for k, v in self.__dict__.items()
                                if (k not in before or before[k] is not v) and k not in NOT_STORED})
            return
        # The one attribute that cannot be pickled: a closure scaling font units to 1/1000 em.
        factor = 1000 / self.unitsPerEm
        self._pdfScale = (lambda x: x) if self.unitsPerEm == 1000 else (lambda x: x * factor)

    @staticmethod
    def _store(entry: Path, keep: dict) -> None:
        """Write a parse's attributes as a cache entry: the big tables as blobs of
        their own, the cmap's code points as a Coverage bitmap, the CID numbering's
        exceptions, and the cmap and widths as arrays where they give the dicts back."""
        if not isinstance(keep.get("charToGlyph"), dict) or not all(k in keep for k in BIG_TABLES):
            return                 # (a parse without the character tables: charInfo=0)
        tables = {k: keep.pop(k) for k in BIG_TABLES}
        keep["__tables__"] = tuple(marshal.dumps(_shared(_packed({k: tables[k] for k in group}), {}))
                                   for group in TABLE_GROUPS)
        keep["__coverage__"] = Coverage.of(tables["charToGlyph"]).bits
        glyphs = len(tables["hmetrics"])
        keep["__numbering__"] = (glyphs, numbering.extra_cids(tables["charToGlyph"], glyphs))
        keep["__arrays__"] = lookups.of_tables(tables["charToGlyph"], tables["charWidths"], glyphs,
                                               keep.get("defaultWidth"))
        keep["__names__"] = [k for k, v in keep.items() if isinstance(v, ttfonts.TTFNameBytes)]
        keep = {k: bytes(v) if isinstance(v, ttfonts.TTFNameBytes) else v for k, v in keep.items()}
        try:
            write_atomic(entry, marshal.dumps(_shared(keep, {})))
        except (OSError, ValueError):
            pass


# The glyphs' offsets, 13,933 distinct numbers, as 32-bit little-endian words: a
# third of the time to read them as marshal's numbers one by one.
_OFFSETS = "I" if array("I").itemsize == 4 else None


def _packed(tables: dict) -> dict:
    offsets = tables.get("glyphPos")
    if offsets is not None and _OFFSETS and all(type(v) is int and 0 <= v <= 0xFFFFFFFF for v in offsets):
        words = array(_OFFSETS, offsets)
        if sys.byteorder == "big":
            words.byteswap()
        tables = {**tables, "glyphPos": words.tobytes()}
    return tables


def _unpacked(tables):
    """The tables as _packed stored them, the offsets a list again."""
    if type(tables) is dict and type(tables.get("glyphPos")) is bytes and _OFFSETS:
        words = array(_OFFSETS)
        words.frombytes(tables["glyphPos"])
        if sys.byteorder == "big":
            words.byteswap()
        tables["glyphPos"] = words.tolist()
    return tables


def _shared(value, seen: dict):
    """`value` with equal numbers and tuples made one object, which marshal then
    stores once and refers to: a Japanese font's widths are 11,741 entries of two
    values, its horizontal metrics 13,932 pairs of under a thousand, and the widths'
    and the cmap's keys the same code points. Reading an entry makes some 60,000
    objects instead of 100,000 a font, half the time of a cold start's read."""
    if isinstance(value, dict):
        return {_shared(k, seen): _shared(v, seen) for k, v in value.items()}
    if isinstance(value, list):
        return [_shared(v, seen) for v in value]
    if isinstance(value, tuple):
        value = tuple(_shared(v, seen) for v in value)
        key = (tuple, tuple(map(id, value)))      # (its items are shared already)
    elif type(value) is int:
        key = (int, value)
    elif type(value) is float:
        key = (float, value.hex())                # (-0.0 is not 0.0)
    else:
        return value
    return seen.setdefault(key, value)


class _Opened:
    """The open font file (files.FileBytes) as reportlab's parser takes a file: it
    keeps `read()` as the font's data and `name` for its messages and subsetting
    rules. The data is read where reportlab and the subset cutter ask for it."""

    def __init__(self, data, name: str):
        self.data, self.name = data, name

    def read(self):
        return self.data


def load_ttfont(name: str, data, digest: str, path: str) -> ttfonts.TTFont:
    """ttfonts.TTFont(name, …) from the bytes of the file at `path`, with the parse
    cached under `digest`. TTFont builds its face from the module's TTFontFace, which
    is swapped for the caching one for that call."""
    original = ttfonts.TTFontFace
    ttfonts.TTFontFace = type("_Face", (_CachedFace,), {"digest": digest})
    try:
        return ttfonts.TTFont(name, _Opened(data, path))
    finally:
        ttfonts.TTFontFace = original
