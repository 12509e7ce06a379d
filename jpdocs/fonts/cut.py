"""A font subset cut in one pass, without hinting, glyph by glyph from glyphs
already stripped: the same bytes as `font_hinting.strip(face.makeSubset(subset))`.

A batch's documents differ in a few characters, so nearly every document has
glyph sets of its own (a new subset per font: fonts/subsets.py caches only whole
sets), while its glyphs are mostly those of the documents before. reportlab's
makeSubset reads each glyph through a file cursor in Python and writes a whole
font, which strip() then parses and writes again (~4 ms a subset). Here each
glyph is stripped once per process and a subset is its tables assembled once.

Every table is made as reportlab makes it (makeSubset: glyph order with the
parts of composite glyphs, cmap format 6, post format 3, hmtx runs, loca in the
format the *hinted* glyph table's size chose) and then changed as strip()
changes it (no cvt/fpgm/prep, glyphs without instructions, maxp's largest
instruction size 0); TTFontMaker writes the file (table order, checksums).
tests/test_font_cut.py compares the two ways on real and random glyph sets.
"""
from __future__ import annotations

from struct import pack, unpack_from

from reportlab.pdfbase.ttfonts import TTFontMaker

from .hinting import composite_parts, glyph_without_instructions

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
        self.stripped: dict[int, bytes] = {}      # simple glyph → stripped and padded to 4
        self.composite: dict[int, bytes] = {}     # composite glyph → as in the font

    def usable(self) -> bool:
        tables = self.face.table
        return all(t in tables for t in ("glyf", "loca", "head", "hhea", "maxp", "hmtx", "post", "name", "OS/2"))

    def _glyph(self, old: int) -> bytes | None:
        """A composite glyph's bytes as in the font; None for a simple (or empty)
        one, whose stripped form is then in self.stripped."""
        if old in self.stripped:
            return None
        data = self.composite.get(old)
        if data is None:
            a, b = self.pos[old], self.pos[old + 1]
            if b <= a:
                self.stripped[old] = b""
                return None
            at = self.face.table["glyf"]["offset"]
            data = self.face._ttf_data[at + a:at + b]
            if len(data) > 2 and unpack_from(">h", data, 0)[0] < 0:
                self.composite[old] = data
            else:
                data += b"\0" * (-len(data) % 4)
                g = glyph_without_instructions(data)
                self.stripped[old] = g + b"\0" * (-len(g) % 4)
                return None
        return data

    def cut(self, subset) -> bytes:
        face = self.face
        pos = self.pos
        if pos is None:
            pos = self.pos = face.glyphPos
        char_to_glyph = face.charToGlyph
        glyph_map = [0]                           # new glyph index → old
        glyph_set = {0: 0}                        # old → new
        code_to_glyph = {}
        for code in subset:
            old = char_to_glyph.get(code, 0)
            if old not in glyph_set:
                glyph_set[old] = len(glyph_map)
                glyph_map.append(old)
            code_to_glyph[code] = glyph_set[old]
        n = 0
        while n < len(glyph_map):                 # the parts of composite glyphs join the set
            data = self._glyph(glyph_map[n])
            n += 1
            if data is not None:
                for _, part in _components(data):
                    if part not in glyph_set:
                        glyph_set[part] = len(glyph_map)
                        glyph_map.append(part)

        # glyf, loca: each glyph stripped and padded to 4; loca's format is the one
        # reportlab chose from the size of the glyphs with their instructions
        stripped, composite, parts, offsets, out_pos, hinted_pos = self.stripped, self.composite, [], [], 0, 0
        for old in glyph_map:
            offsets.append(out_pos)
            a, b = pos[old], pos[old + 1]
            length = b - a
            hinted_pos += length + (-length % 4)
            if not length:
                continue
            g = stripped.get(old)
            if g is None:                         # a composite: its parts are numbered per subset
                data = composite[old]
                for at, part in _components(data):
                    data = data[:at] + pack(">H", glyph_set[part]) + data[at + 2:]
                data += b"\0" * (-length % 4)
                g = glyph_without_instructions(data)
                g += b"\0" * (-len(g) % 4)
            parts.append(g)
            out_pos += len(g)
        offsets.append(out_pos)
        if (hinted_pos + 1) >> 1 > 0xFFFF:
            loc_format, loca = 1, pack(f">{len(offsets)}L", *offsets)
        else:
            loc_format, loca = 0, pack(f">{len(offsets)}H", *(o >> 1 for o in offsets))

        hmtx = []
        metrics = face.hmetrics
        for old in glyph_map:
            aw, lsb = metrics[old]
            hmtx += (int(aw), int(lsb))
        k = len(hmtx) - 2                         # the trailing run of equal advances is written once
        while k and hmtx[k] == hmtx[k - 2]:
            k -= 2
        k += 2
        hmtx = hmtx[:k] + hmtx[k + 1::2]

        count = len(subset)
        cmap = [0, 1, 1, 0, 0, 12, 6, 10 + count * 2, 0, 0, count] + [code_to_glyph[c] for c in subset]
        get = face.get_table
        hhea, maxp, head = get("hhea"), get("maxp"), get("head")
        maxp = maxp[:4] + pack(">H", len(glyph_map)) + maxp[6:]
        if len(maxp) >= 28:
            maxp = maxp[:26] + b"\0\0" + maxp[28:]

        maker = TTFontMaker()
        maker.add("name", get("name"))
        maker.add("OS/2", get("OS/2"))
        maker.add("post", b"\x00\x03\x00\x00" + get("post")[4:16] + b"\x00" * 16)
        maker.add("hmtx", pack(f">{len(hmtx)}H", *hmtx))
        maker.add("hhea", hhea[:34] + pack(">H", k >> 1) + hhea[36:])
        maker.add("maxp", maxp)
        maker.add("cmap", pack(f">{len(cmap)}H", *cmap))
        maker.add("glyf", b"".join(parts))
        maker.add("loca", loca)
        maker.add("head", head[:50] + pack(">H", loc_format) + head[52:])
        return maker.makeStream()
