"""Locating, registering and checking the coverage of the fonts.

Fonts are parsed once per process (parsing a Japanese TrueType font costs about
30 ms, so the parse is also kept on disk between processes: fontcache.py) and registered with reportlab under names derived from their role, so the
PDF writer never sees file paths. Coverage is read from the fonts' own cmaps: a
character no font has stops the build instead of printing a blank or a box.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from .fontcache import load_ttfont
from .style import HouseStyle


@lru_cache(maxsize=None)
def _load(path: str):
    name = "JP-" + Path(path).stem
    font = load_ttfont(name, path)         # the parse is cached on disk (fontcache.py)
    pdfmetrics.registerFont(font)
    return font


def register(style: HouseStyle) -> dict[str, str]:
    """Register every font role of the style; returns role → reportlab font name."""
    return {role: _load(str(style.font_path(role))).fontName for role in style.fonts}


def fallback_names(style: HouseStyle) -> list[str]:
    return [_load(str(p)).fontName for p in style.fallback_paths()]


def has_glyph(font_name: str, ch: str) -> bool:
    font = pdfmetrics.getFont(font_name)
    return ord(ch) in font.face.charToGlyph


def font_for(ch: str, primary: str, fallbacks: list[str]) -> str | None:
    """The font that draws `ch`: the primary one if it can, else the first fallback
    that has it, else None (the caller reports the character)."""
    if ch in "\n\t" or has_glyph(primary, ch):
        return primary
    for name in fallbacks:
        if has_glyph(name, ch):
            return name
    return None
