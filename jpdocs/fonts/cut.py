"""A font subset cut in one pass, without hinting, glyph by glyph from glyphs
already stripped: the same bytes as `font_hinting.strip(face.makeSubset(subset))`.

A batch's documents differ in a few characters, so nearly every document has
glyph sets of its own (a new subset per face: fonts/cid.py keeps only whole
sets), while its glyphs are mostly those of the documents before. fonts/cid.py
gives the characters in the order of their CIDs, and maps each CID to the glyph
numbered here. reportlab's
makeSubset reads each glyph through a file cursor in Python and writes a whole
font, which strip() then parses and writes again (~4 ms a subset). Here each
glyph is stripped once per process and a subset is its tables assembled once.
What a subset needs of a glyph (its stripped bytes and their checksum, its size
with instructions, its metrics as written) is worked out with it, so that a
subset is assembled by looking up its ~250 glyphs, not by a loop over them in
Python, and its file's checksums are sums of the glyphs' (a TrueType checksum
is a sum of 32-bit words), not reckoned again over ~50 KB twice per subset.
Once a code's glyph is read, the code keeps that glyph's pieces in one record, so
that a set of known codes is cut from one look-up a code, its columns taken apart by
zip (`_cut_known`: 0.59 → 0.44 M instructions a subset of 256 codes).

Every table is made as reportlab makes it (makeSubset: glyph order with the
parts of composite glyphs, cmap format 6, post format 3, hmtx runs, loca in the
format the *hinted* glyph table's size chose) and then changed as strip()
changes it (no cvt/fpgm/prep, glyphs without instructions, maxp's largest
instruction size 0); the file is written as TTFontMaker writes it (table order,
directory, checksums, head's checkSumAdjustment).
tests/test_font_cut.py compares the two ways on real and random glyph sets.
"""
from __future__ import annotations

import atexit
from itertools import accumulate, chain, count, dropwhile, filterfalse, repeat
from operator import methodcaller
from struct import pack, unpack_from

from reportlab.lib.rl_accel import calcChecksum

from . import glyph_cache
from .hinting import composite_parts, glyph_without_instructions
from .lookups import glyph_or_0_of


def _components(data: bytes):
    """(offset of the glyph index, glyph index) of each part of a composite glyph."""
    for at in composite_parts(data)[:-1]:
        yield at + 2, unpack_from(">H", data, at + 2)[0]


class Cutter:
    """Cuts subsets of one font face (reportlab's TTFontFace, whose small tables are
    read once per process: fonts/registry.py caches get_table). Each glyph is read
    from the font file once per process, where a subset first needs it: the whole
    glyph table (4–6 MB a BIZ UD font) was copied at the start of every run."""

    def __init__(self, face):
        self.face = face
        self.pos = None     # face.glyphPos, read where a first subset is cut (fonts/cache.py)
        self.long_metrics = None    # hhea's numberOfHMetrics, read with the first glyph
        # what the subsets need of each glyph read so far (glyph index → …)
        self.stripped: dict[int, bytes] = {}      # a simple glyph stripped and padded to 4
        self.half: dict[int, int] = {}            # half its size (its step in a short loca)
        # its size with instructions (padded to 4) << 48 | its checksum: a subset sums
        # both in one pass (up to 2**16 checksums of 32 bits sum to less than 2**48)
        self.hinted_and_checksum: dict[int, int] = {}
        self.composite: dict[int, bytes] = {}     # a composite glyph as in the font
        self.hinted: dict[int, int] = {}          # any glyph's size with instructions, padded to 4
        self.metric: dict[int, bytes] = {}        # its hmtx entry (advance, left side bearing)
        # a code whose glyph is simple and read → that glyph's (index, stripped bytes,
        # half their size, hinted size << 48 | checksum, hmtx entry): a subset cut
        # again from glyphs read before looks each code up once (_cut_known)
        self.by_code: dict[int, tuple] = {}
        # each glyph's pieces as an earlier process read them (glyph_cache.py), loaded
        # where a first glyph is read; `added` once this process read one from the font
        self.records: dict[int, tuple] | None = None
        self.added = False

    def usable(self) -> bool:
        tables = self.face.table
        return all(t in tables for t in ("glyf", "loca", "head", "hhea", "maxp", "hmtx", "post", "name", "OS/2"))

    def _read(self, old: int) -> None:
        """What the subsets need of glyph `old`: as an earlier process read it
        (glyph_cache.py), else from the font file, and kept for the next process."""
        records = self.records
        if records is None:
            records = self.records = glyph_cache.load(glyph_cache.entry(self.face))
        record = records.get(old)
        if record is not None and self._restore(old, record):
            return
        self._read_font(old)
        records[old] = (self.hinted[old], self.metric[old], self.stripped.get(old), self.composite.get(old),
                        self.hinted_and_checksum.get(old, 0))
        if not self.added:
            self.added = True
            path = glyph_cache.entry(self.face)
            if path is not None:
                atexit.register(glyph_cache.store, path, records)

    def _restore(self, old: int, record) -> bool:
        """Glyph `old`'s pieces set from its record as _read keeps it (hinted size,
        hmtx entry, stripped bytes or None, composite glyph or None, hinted size << 48
        | checksum), as _read_font sets them; False for a record not of that form."""
        if type(record) is not tuple or len(record) != 5:
            return False
        hinted, metric, stripped, composite, both = record
        if type(hinted) is not int or type(metric) is not bytes or len(metric) != 4 or type(both) is not int:
            return False
        if composite is not None:
            if type(composite) is not bytes or stripped is not None:
                return False
            self.hinted[old], self.metric[old], self.composite[old] = hinted, metric, composite
        else:
            if type(stripped) is not bytes:
                return False
            self.hinted[old], self.metric[old] = hinted, metric
            self.stripped[old], self.half[old], self.hinted_and_checksum[old] = stripped, len(stripped) >> 1, both
        return True

    def _read_font(self, old: int) -> None:
        """What the subsets need of glyph `old`, from the font file."""
        pos = self.pos
        if pos is None:
            pos = self.pos = self.face.glyphPos
        a, b = pos[old], pos[old + 1]
        length = b - a
        self.hinted[old] = length + (-length % 4)
        aw, lsb = self.face.hmetrics[old]
        if self.long_metrics is None:
            at = self.face.table["hhea"]["offset"] + 34
            self.long_metrics = unpack_from(">H", self.face._ttf_data[at:at + 2])[0]
        if old >= self.long_metrics:
            # past hhea's numberOfHMetrics a glyph has the last long metric's advance;
            # reportlab's parse keeps it there scaled to 1/1000 em (1000 for 2048 font
            # units: IPAmj明朝's 𠮷 would be drawn half as wide in the embedded program as
            # /Widths says, a fault of PDF/UA and PDF/A), so take it in font units
            aw = self.face.hmetrics[self.long_metrics - 1][0]
        self.metric[old] = pack(">HH", int(aw), int(lsb))
        if b <= a:
            self.stripped[old], self.half[old] = b"", 0
            self.hinted_and_checksum[old] = self.hinted[old] << 48
            return
        at = self.face.table["glyf"]["offset"]
        data = self.face._ttf_data[at + a:at + b]
        if len(data) > 2 and unpack_from(">h", data, 0)[0] < 0:
            self.composite[old] = data
        else:
            data += b"\0" * (-len(data) % 4)
            g = glyph_without_instructions(data)
            g += b"\0" * (-len(g) % 4)
            self.stripped[old], self.half[old] = g, len(g) >> 1
            self.hinted_and_checksum[old] = self.hinted[old] << 48 | calcChecksum(g)

    def cut(self, subset) -> bytes:
        if not subset:                            # (a font named in a document that drew nothing in it)
            return self._cut(subset)
        try:
            records = list(map(self.by_code.__getitem__, subset))
        except KeyError:                          # a code not seen yet (or of a composite glyph)
            self._remember_codes(subset)
            records = list(map(self.by_code.get, subset))
            if None in records:                   # (a composite glyph: its parts are renumbered)
                return self._cut(subset)
        return self._cut_known(subset, records)

    def _remember_codes(self, subset) -> None:
        """Each code of `subset` whose glyph is simple, with that glyph's record (the
        glyph read from the font where no subset needed it before)."""
        glyph = glyph_or_0_of(self.face)        # (a cold run: the cmap's arrays, lookups.py)
        for code in filterfalse(self.by_code.__contains__, subset):
            record = self._record(glyph(code))
            if record is not None:
                self.by_code[code] = record

    def _record(self, old: int) -> tuple | None:
        """Glyph `old`'s record, as by_code keeps a code's (None if it is not a simple
        glyph), the glyph read from the font where no subset needed it before."""
        if old not in self.hinted:
            self._read(old)
        if old not in self.stripped:
            return None
        entry, both = self.metric[old], self.hinted_and_checksum[old]
        return (old, self.stripped[old], self.half[old], both >> 48, both & 0xFFFFFFFF, entry, entry[:2], entry[2:])

    def _cut_known(self, subset, records: list[tuple]) -> bytes:
        """`cut`, for codes whose glyphs are all simple and read (`records`, by_code's):
        the glyphs' pieces taken apart in one pass (zip) where `_cut` looks each glyph
        up in four tables. The glyph order is `_cut`'s: glyph 0, then each code's
        glyph in turn, when no two codes share a glyph (else `_cut` sorts it out). A
        first subset's code 0 draws glyph 0 itself (its code is reserved), so that
        glyph comes first once, as `_cut` has it."""
        if records[0][0] == 0:                    # code 0 → glyph 0 (a first subset's reserved code)
            columns, code_glyphs = zip(*records), range(len(records))
        else:
            zero = self._record(0)
            if zero is None:
                return self._cut(subset)
            columns, code_glyphs = zip(zero, *records), range(1, len(records) + 1)
        glyph_map, parts, halves, hinted, checksums, entries, advances, bearings = columns
        if len(set(glyph_map)) != len(glyph_map):        # codes sharing a glyph (or drawing glyph 0)
            return self._cut(subset)
        # hmtx: as _assemble writes it, the trailing run of one advance found by
        # halving (advances joined: a run of r glyphs is r times the last advance)
        # rather than by a call for each glyph of the run, most of a subset
        last, joined = advances[-1], b"".join(advances)
        low, high = 1, len(advances)              # (low: a run known; high: the longest possible)
        while low < high:
            mid = (low + high + 1) >> 1
            if joined.endswith(last * mid):
                low = mid
            else:
                high = mid - 1
        metrics = len(advances) - low + 1
        hmtx = b"".join(entries[:metrics]) + b"".join(bearings[metrics:])
        return self._assemble(subset, glyph_map, code_glyphs, parts, halves, sum(hinted),
                              sum(checksums) & 0xFFFFFFFF, (hmtx, metrics))

    def _cut(self, subset) -> bytes:
        """The subset cut glyph by glyph (any set of codes)."""
        old_glyphs = list(map(self.face.charToGlyph.get, subset, repeat(0)))   # each code's glyph in the font
        glyph_map = list(dict.fromkeys(chain((0,), old_glyphs)))             # new glyph index → old
        try:
            parts = list(map(self.stripped.__getitem__, glyph_map))
        except KeyError:                          # a glyph not read yet, or a composite one
            for old in filterfalse(self.hinted.__contains__, glyph_map):
                self._read(old)
            if not self.composite.keys().isdisjoint(glyph_map):
                return self._cut_with_composites(subset, glyph_map, old_glyphs)
            parts = list(map(self.stripped.__getitem__, glyph_map))
        if len(glyph_map) > 0x10000:              # (reportlab's subsets have 256 codes at most)
            return self._cut_with_composites(subset, glyph_map, old_glyphs)
        codes = len(old_glyphs)
        if len(glyph_map) == codes + 1:           # each code a glyph of its own, none glyph 0
            code_glyphs = range(1, codes + 1)
        elif len(glyph_map) == codes and old_glyphs[0] == 0:     # the same, after code 0 → glyph 0
            code_glyphs = range(codes)
        else:                                     # codes sharing a glyph (or the font lacking one)
            glyph_set = dict(zip(glyph_map, count()))                        # old → new
            code_glyphs = list(map(glyph_set.__getitem__, old_glyphs))
        both = sum(map(self.hinted_and_checksum.__getitem__, glyph_map))
        return self._assemble(subset, glyph_map, code_glyphs, parts, map(self.half.__getitem__, glyph_map),
                              both >> 48, both & 0xFFFFFFFF)

    def _cut_with_composites(self, subset, glyph_map: list[int], old_glyphs: list[int]) -> bytes:
        """The parts of composite glyphs join the set (after the glyphs drawn, in the
        order found), and each composite's references to them are renumbered. (The
        general way, glyph by glyph, for any set.)"""
        glyph_set = dict(zip(glyph_map, count()))
        n = 0
        while n < len(glyph_map):
            data = self.composite.get(glyph_map[n])
            n += 1
            if data is not None:
                for _, part in _components(data):
                    if part not in glyph_set:
                        glyph_set[part] = len(glyph_map)
                        glyph_map.append(part)
                        if part not in self.hinted:
                            self._read(part)
        parts = []
        for old in glyph_map:
            g = self.stripped.get(old)
            if g is None:
                data = self.composite[old]
                length = len(data)
                for at, part in _components(data):
                    data = data[:at] + pack(">H", glyph_set[part]) + data[at + 2:]
                data += b"\0" * (-length % 4)
                g = glyph_without_instructions(data)
                g += b"\0" * (-len(g) % 4)
            parts.append(g)
        return self._assemble(subset, glyph_map, list(map(glyph_set.__getitem__, old_glyphs)), parts,
                              [len(g) >> 1 for g in parts], sum(map(self.hinted.__getitem__, glyph_map)),
                              calcChecksum(b"".join(parts)))

    def _assemble(self, subset, glyph_map, code_glyphs, parts, halves, hinted_size: int, glyf_checksum: int,
                  hmtx: tuple[bytes, int] | None = None) -> bytes:
        """The subset's font file: `glyph_map` (new glyph → old), `code_glyphs` (the
        new glyph of each code of `subset`: a list, or a range), `parts` (each new
        glyph's bytes), `halves` (their sizes halved), `hinted_size` (the glyphs'
        with their instructions), `glyf_checksum` (the checksum of `parts` joined),
        `hmtx` (the hmtx table and its count of advances, if made already)."""
        # glyf, loca: each glyph stripped and padded to 4; loca's format is the one
        # reportlab chose from the size of the glyphs with their instructions
        loca_size = len(glyph_map) + 1
        if (hinted_size + 1) >> 1 > 0xFFFF:
            loc_format, loca = 1, pack(f">{loca_size}L", *accumulate(map(len, parts), initial=0))
        else:
            loc_format, loca = 0, pack(f">{loca_size}H", *accumulate(halves, initial=0))

        # hmtx: the trailing run of glyphs of one advance has it written once (in the
        # run's first glyph's entry), then the left side bearings of the rest (an
        # entry's first two bytes are its advance)
        if hmtx is None:
            entries = list(map(self.metric.__getitem__, glyph_map))
            same_advance = methodcaller("startswith", entries[-1][:2])
            run = len(entries) - len(list(dropwhile(same_advance, reversed(entries))))
            metrics = len(entries) - run + 1
            hmtx = b"".join(entries[:metrics]) + b"".join([e[2:] for e in entries[metrics:]])
        else:
            hmtx, metrics = hmtx

        cmap = _SEQUENTIAL_CMAPS.get(code_glyphs) if type(code_glyphs) is range else None
        if cmap is None:
            cmap = _cmap_table(code_glyphs)
            if type(code_glyphs) is range:
                _SEQUENTIAL_CMAPS[code_glyphs] = cmap
        get = self.face.get_table
        hhea, maxp, head = get("hhea"), get("maxp"), get("head")
        maxp = maxp[:4] + pack(">H", len(glyph_map)) + maxp[6:]
        if len(maxp) >= 28:
            maxp = maxp[:26] + b"\0\0" + maxp[28:]
        return font_file({
            "name": get("name"),
            "OS/2": get("OS/2"),
            "post": b"\x00\x03\x00\x00" + get("post")[4:16] + b"\x00" * 16,
            "hmtx": hmtx,
            "hhea": hhea[:34] + pack(">H", metrics) + hhea[36:],
            "maxp": maxp,
            "cmap": cmap,
            "glyf": b"".join(parts),
            "loca": loca,
            "head": head[:8] + b"\0\0\0\0" + head[12:50] + pack(">H", loc_format) + head[52:],
        }, {"glyf": glyf_checksum})


_SEQUENTIAL_CMAPS: dict[range, bytes] = {}   # a cmap whose codes draw glyphs 1, 2 … (or 0, 1 …)


def _cmap_table(code_glyphs) -> bytes:
    """reportlab's subset cmap: one Mac (1, 0) subtable, format 6, code n → code_glyphs[n]."""
    codes = len(code_glyphs)
    return pack(f">{11 + codes}H", 0, 1, 1, 0, 0, 12, 6, 10 + codes * 2, 0, 0, codes, *code_glyphs)


def font_file(tables: dict[str, bytes], checksums: dict[str, int]) -> bytes:
    """The TrueType file of `tables` (their head's checkSumAdjustment zero) as
    reportlab's TTFontMaker writes it: the directory in the order of the tags, each
    table padded to 4, and checkSumAdjustment set from the whole file's checksum,
    here the sum of the directory's and the tables' (`checksums` has those known)."""
    tags = sorted(tables)
    n = len(tags)
    search_range, entry_selector = 1, 0
    while search_range * 2 <= n:
        search_range *= 2
        entry_selector += 1
    search_range *= 16
    directory = [pack(">lHHHH", 0x00010000, n, search_range, entry_selector, n * 16 - search_range)]
    offset, total = 12 + n * 16, 0
    for tag in tags:
        data = tables[tag]
        checksum = checksums.get(tag)
        if checksum is None:
            checksum = calcChecksum(data)
        directory.append(tag.encode("latin-1") + pack(">LLL", checksum, offset, len(data)))
        offset += (len(data) + 3) & ~3
        total += checksum
    directory = b"".join(directory)
    adjustment = (0xB1B0AFBA - calcChecksum(directory) - total) & 0xFFFFFFFF
    body = [directory]
    for tag in tags:
        data = tables[tag]
        if tag == "head":
            data = data[:8] + pack(">L", adjustment) + data[12:]
        body.append(data + b"\0" * (-len(data) % 4))
    return b"".join(body)
