"""A face's characters numbered as CIDs (fonts/cid.py): where the numbering is not
the glyph's own number.

A character's CID is its glyph's index in the font, but for a glyph that several
characters share (BIZ UD: U+02DC and U+0303): taken in code point order, each
character after the first gets a CID of its own above the font's glyphs, so that the
ToUnicode map reads every character back as it was written. Those characters, few
or none in a font, are all that sets the numbering apart from the cmap itself, and
finding them means sorting the whole cmap: ~2.4 ms a font of every cold run, which
codes a few hundred characters. So the parse's cache entry keeps them
(fonts/cache.py stores `of(face)` as STORED), and a face read from the cache numbers
its characters as it codes them (cid.py).
"""
from __future__ import annotations

STORED = "jp_numbering"     # the face's attribute a cache entry sets: (glyphs, extra_cids(…))


def extra_cids(char_to_glyph: dict[int, int], glyphs: int) -> dict[int, int]:
    """The characters whose CID is not their glyph's number, with their CIDs: in code
    point order, a character gets its glyph's number unless a character before it
    took that CID, and then the next CID from `glyphs` (the font's glyph count) up."""
    taken: set[int] = set()
    extra: dict[int, int] = {}
    following = glyphs
    for char, glyph in sorted(char_to_glyph.items()):
        cid = glyph
        if glyph in taken:
            cid = extra[char] = following
            following += 1
        taken.add(cid)
    return extra


def of(face) -> tuple[int, dict[int, int]]:
    """(the face's glyph count, its extra_cids): as its cache entry stored them, else
    worked out from its tables (a face parsed in this process) and kept on the face:
    sorting the whole cmap again for every document cost a process that parsed its
    fonts (a fresh or unwritable cache) ~7 ms a notice."""
    stored = face.__dict__.get(STORED)
    if stored is None:
        glyphs = len(face.hmetrics)
        stored = face.__dict__[STORED] = (glyphs, extra_cids(face.charToGlyph, glyphs))
    return stored
