"""Locating, registering and checking the coverage of the fonts.

Fonts are parsed once per process (parsing a Japanese TrueType font costs about
30 ms, so the parse is also kept on disk between processes: fonts/cache.py) and
registered with reportlab under names made from their content, so the
PDF writer never sees file paths. Coverage is read from the fonts' own cmaps: a
character no font has stops the build instead of printing a blank or a box.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import filterfalse
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts

from ..errors import fail
from ..files import FileBytes, FileChanged, FileRefused, open_regular_file
from .cid import install as write_as_glyph_ids
from .cache import content_digest, coverage, load_ttfont
from ..spec.style import LATIN_ROLE, HouseStyle, japanese_roles


MAX_FONT_BYTES = 100_000_000     # IPAmj明朝, the largest font in use, is 46 MB

_PATHS: dict[str, Path] = {}     # reportlab font name → file
_DATA: dict[str, FileBytes] = {}   # reportlab font name → the open file, read where needed
_BY_CONTENT: dict[str, ttfonts.TTFont] = {}   # SHA-256 of a font file → its registered font


_FONT_KINDS = {b"\x00\x01\x00\x00": "TrueType", b"true": "TrueType",
               b"OTTO": "an OpenType font with PostScript outlines (.otf)", b"ttcf": "a font collection (.ttc)"}


@lru_cache(maxsize=None)
def _load(path: str):
    """The font of the file at `path`, registered once per *content*: two different
    files of one name (fallback.ttf in two folders) are two fonts, where a name
    made from the file name alone let the first one stand for both."""
    data = open_regular_file(path, MAX_FONT_BYTES, "font file")     # raises FileRefused
    try:
        kind = _FONT_KINDS.get(data[:4], "not a font file")
        if kind != "TrueType":      # said without quoting the file (reportlab's message shows its first bytes)
            raise FileRefused(path, "font file", f"is {kind}; a TrueType (.ttf) font is needed")
        digest = content_digest(data.whole, data.st)
        if digest in _BY_CONTENT:
            data.close()
            return _BY_CONTENT[digest]
        name = f"JP-{Path(path).stem}-{digest[:12]}"
        font = load_ttfont(name, data, digest, path)    # the parse is cached on disk (fonts/cache.py)
    except BaseException:
        data.close()
        raise
    # Every subset cut reads the font's tables again (fonts/cut.py), and a read copies
    # the table. The tables never change, so each is read once per process.
    font.face.get_table = lru_cache(maxsize=None)(font.face.get_table)
    write_as_glyph_ids(font)        # one Type0 font per document, its text as glyph IDs (fonts/cid.py)
    pdfmetrics.registerFont(font)
    _PATHS[name], _DATA[name] = Path(path), data
    _BY_CONTENT[digest] = font
    return font


def path_of(font_name: str) -> Path:
    """The file of a registered font (the DOCX writer reads its family name)."""
    return _PATHS[font_name]


def name_table(path: Path) -> bytes:
    """The `name` table of a font file (fonts/names.py reads it), of the file the PDF
    writer opened and checked."""
    try:
        face = _load(str(path)).face
        return face.get_table("name") if "name" in face.table else b""
    except (FileChanged, OSError):
        raise _changed(path) from None


def check_unchanged() -> None:
    """Raise an InputError naming the font file if a font's file was changed in
    place since it was opened (files.FileBytes): the glyphs of a document, read
    where it needed them, could then come from two different fonts. The changed
    font is forgotten, so that a later build in this process (the app's next
    preview, a batch's next spec) opens the file anew, under its new content's name."""
    for name, data in list(_DATA.items()):
        try:
            data.check_unchanged()
        except (FileChanged, OSError):
            path = _PATHS.pop(name)
            del _DATA[name]
            for digest in [d for d, font in _BY_CONTENT.items() if font.fontName == name]:
                del _BY_CONTENT[digest]
            _load.cache_clear()     # (fonts unchanged are found again by their content)
            raise _changed(path) from None


def _changed(path) -> Exception:
    return fail(str(path), "the font file changed while the build was reading it; build again"
                           " once it is no longer being written")


def _use(style: HouseStyle, path: Path, key: str) -> str:
    """Load one font of the style, or say in the style's terms why it cannot be used."""
    try:
        return _load(str(path)).fontName
    except FileRefused as exc:
        message = f"font file not found: {path}" if exc.reason == "does not exist" else str(exc)
        raise fail(style.source, message, key=key) from None
    except Exception as exc:  # reportlab's TTFError and the struct errors of a damaged file
        raise fail(style.source, f"cannot use the font file {path}: {exc} (a TrueType .ttf"
                                 " font is needed; OpenType .otf/.ttc fonts with PostScript outlines"
                                 " are not supported)", key=key) from None


def register(style: HouseStyle) -> dict[str, str]:
    """Register the font roles the Japanese text is drawn with; returns role →
    reportlab font name. The Latin role is loaded only where a document has text in
    another language (latin_font): few do, and a font costs a cold start its parse."""
    return {role: _use(style, style.font_path(role), f"fonts.{role}") for role in japanese_roles(style)}


def latin_font(style: HouseStyle) -> str | None:
    """The reportlab name of the style's Latin role, registered now; None without one."""
    if LATIN_ROLE not in style.fonts:
        return None
    return _use(style, style.font_path(LATIN_ROLE), f"fonts.{LATIN_ROLE}")


def fallback_names(style: HouseStyle) -> list[str]:
    return [_use(style, p, f"fallback_fonts[{i}]") for i, p in enumerate(style.fallback_paths())]


def glyph_map(font_name: str):
    """What answers `code in …` for the font's cmap (membership is the coverage
    test): the cmap itself once it is read, else a bitmap of its code points, so
    that checking a font that draws nothing does not read its tables (fonts/cache.py)."""
    return coverage(pdfmetrics.getFont(font_name).face)


def has_glyph(font_name: str, ch: str) -> bool:
    return ord(ch) in glyph_map(font_name)


def covers(font_name: str, text: str) -> bool:
    """Whether the font has every character of `text` (checked in C, no set built)."""
    return all(map(glyph_map(font_name).__contains__, map(ord, text)))


def missing_chars(text: str, fonts: list[str], fallbacks: list[str]) -> list[str]:
    """The characters of `text` (newlines aside) that some font of `fonts` lacks and
    no fallback has, in order of first appearance (this runs over every string of
    every spec, so it works on sets of code points, filtered in C)."""
    codes = set(map(ord, text))
    codes.discard(10)
    # membership tests, not `codes - cmap.keys()`: that walks the whole cmap
    absent: set[int] = set()
    for name in fonts:
        absent.update(filterfalse(glyph_map(name).__contains__, codes))
    for name in fallbacks:
        if not absent:
            break
        absent = set(filterfalse(glyph_map(name).__contains__, absent))
    return [ch for ch in dict.fromkeys(text) if ord(ch) in absent] if absent else []


def font_for(ch: str, primary: str, fallbacks: list[str]) -> str | None:
    """The font that draws `ch`: the primary one if it can, else the first fallback
    that has it, else None (the caller reports the character)."""
    if ch in "\n\t" or has_glyph(primary, ch):
        return primary
    for name in fallbacks:
        if has_glyph(name, ch):
            return name
    return None


def runs_by_font(text: str, primary: str, fallbacks: list[str]) -> list[tuple[str, str]]:
    """Split `text` into (chunk, font name) runs: the primary font where it has the
    glyph, else the first fallback that has it. A character no font has stays
    with the primary font (the glyph check has refused it before any writing)."""
    if not fallbacks:           # the usual case: nothing to switch to
        return [(text, primary)] if text else []
    out: list[tuple[str, str]] = []
    for ch in text:
        name = font_for(ch, primary, fallbacks) or primary
        if out and out[-1][1] == name:
            out[-1] = (out[-1][0] + ch, name)
        else:
            out.append((ch, name))
    return out
