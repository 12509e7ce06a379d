"""The house style: fonts, sizes, margins, colours, digit style and fixed wording.

The default lives in templates/house-style.yaml. An office's own file names only
what it changes; it is laid over the default key by key, so a new release of the
default never breaks an office's file. The model is style_model.py (its names are
importable from here, as they always were), the findings across keys style_checks.py.
"""
# No `from __future__ import annotations` here: each field's annotation would be
# compiled and evaluated from its text as the models are made.

import re
from functools import lru_cache
from pathlib import Path

from ..errors import InputError, Problem
from ..files import FileRefused, as_path, check_regular, read_regular_file
from .parsed import load_yaml_kept, parse_yaml_kept
from .source import MAX_BYTES, dotted, line_of
from .strict import ValidationError
from .style_checks import style_problems
from .text_checks import unprintable
from .style_model import (  # noqa: F401 (the model's names, imported from here by the rest)
    A4_WIDTH, ANNUAL_DATA, ANNUAL_DATE_DATA, ANNUAL_HEADINGS, DEFAULT_STYLE, FONTS, FRAME_PAD, ROOT,
    SIZES, TEMPLATES, TEXT_AT_LEAST, AgreementStyle, AnnualColumn, AnnualStyle, ContactStyle, Dates, Grid,
    HouseStyle, Margins, NoticeStyle, Page, ParagraphStyle, Times, Typesetting, resolve_font)


def load_style(path: Path | str | None = None) -> HouseStyle:
    """The default house style, with `path` (if given) laid over it. Cached while
    the files are unchanged: a batch would otherwise parse them again for every spec."""
    return _load_cached(None if path is None else str(path), _stamp(DEFAULT_STYLE), _stamp(path))


def _stamp(path) -> tuple | None:
    try:
        st = as_path(path).stat()
        return st.st_mtime_ns, st.st_size
    except (OSError, TypeError):
        return None


# The font role of text in another language (an agreement's English text, <p lang="en">):
# proportional Latin letters. It draws no Japanese, so no paragraph style or template
# span names it; the writers use it for that text alone, where it would be mincho.
LATIN_ROLE = "latin"


def japanese_roles(style: HouseStyle) -> list[str]:
    """The font roles a paragraph style or a template's span may name."""
    return [role for role in style.fonts if role != LATIN_ROLE]


class StyleFileError(InputError):
    """The style file as a whole cannot be used: it is missing, special, too big or
    not a house style at all. `reason` completes "the house style FILE …", so that a
    spec's `style:` can report it at its own line."""

    def __init__(self, path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__([Problem(str(path), None, "", f"the file {reason}")])


# A spec can point `style:` at any file, and a file that is not a style must not be
# echoed back key by key (it printed /etc/shadow): it is refused as a whole.
STYLE_KEYS = frozenset(HouseStyle.model_fields) - set(HouseStyle.set_by_loader)
_STYLE_KEY_LINE = re.compile(rb"^(?:%s)[ \t]*:" % b"|".join(k.encode() for k in sorted(STYLE_KEYS)), re.M)
NOT_A_STYLE = ("is not a house style (a YAML file of keys such as name:, fonts:, styles:,"
               " like templates/house-style.yaml); its content is not shown")


def read_office_style(path: Path) -> tuple[dict, dict]:
    """An office's style file: its data and lines, or StyleFileError."""
    try:
        raw = read_regular_file(path, MAX_BYTES, "house style")
    except FileRefused as exc:
        raise StyleFileError(path, exc.reason) from None
    try:
        data, lines = parse_yaml_kept(path, raw)
    except InputError:
        # A style with a typo gets the parser's messages; any other file, one line.
        if not _STYLE_KEY_LINE.search(raw):
            raise StyleFileError(path, NOT_A_STYLE) from None
        raise
    if not isinstance(data, dict) or not STYLE_KEYS.intersection(data):
        raise StyleFileError(path, NOT_A_STYLE)
    return data, lines


@lru_cache(maxsize=32)
def _load_cached(path: str | None, *_stamps) -> HouseStyle:
    base, lines = load_yaml_kept(DEFAULT_STYLE, "house style")     # its lines: the default's own mistakes
    name = str(DEFAULT_STYLE)
    if path is not None:
        name = str(path)
        extra, lines = read_office_style(Path(path))
        # its texts are printed as a spec's are (press_header, original_mark …): a control
        # character would reach the markup (blamed on the template) or the page (a tab)
        bad = unprintable(extra)
        if bad:
            raise InputError([Problem(name, line_of(lines, key), dotted(key), message) for key, message in bad])
        base = _overlay(base, extra)
    # The standard articles file is relative to the style file that names it.
    named_by = Path(path) if path is not None and isinstance(extra, dict) and "article_sets" in extra else DEFAULT_STYLE
    if isinstance(base.get("article_sets", "articles.yaml"), str):
        base["article_sets"] = str(named_by.parent / base.get("article_sets", "articles.yaml"))
    if "source" in base:            # what the loader sets: a file that writes it would not be heeded
        raise InputError([Problem(name, line_of(lines, ("source",)), "source",
                                  "unknown key 'source': a style's source is the file it is read from")])
    base["source"] = name
    if "western_year" in base:      # the key before dates: had its section
        was = base.pop("western_year")
        raise InputError([Problem(name, line_of(lines, ("western_year",)), "western_year",
                                  "western_year has moved: write dates: {calendar: "
                                  + ("era_western}" if was is not False else "era}")
                                  + " (era_western: 令和６年（2024年）; era: 令和６年; western: 2024年)")])
    try:
        style = HouseStyle.model_validate(base)
    except ValidationError as exc:
        from .schema_messages import problems_of
        raise InputError(problems_of(exc, name, lines, root=HouseStyle)) from None
    problems = []
    for key, st in style.styles.items():
        if st.font not in style.fonts or st.font == LATIN_ROLE:
            problems.append(Problem(name, line_of(lines, ("styles", key, "font")), f"styles.{key}.font",
                                    f"font role '{st.font}' is not one of fonts: {', '.join(japanese_roles(style))}"
                                    + (f" ('{LATIN_ROLE}' sets text in another language only)" if st.font == LATIN_ROLE else "")))
    fonts = [(("fonts", role), style.font_path(role)) for role in style.fonts]
    fonts += [(("fallback_fonts", i), path) for i, path in enumerate(style.fallback_paths())]
    for key, font in fonts:
        trouble = font_trouble(font)
        if trouble:
            problems.append(Problem(name, line_of(lines, key), dotted(key), trouble))
    problems += style_problems(style, name, lines)
    if problems:
        raise InputError(problems)
    return style


def font_trouble(path: Path) -> str | None:
    """Why a font file cannot be used, as far as its path tells (fonts/registry.py reads it)."""
    try:
        check_regular(path, "font file")
    except FileRefused as exc:
        return f"font file not found: {path}" if exc.reason == "does not exist" else str(exc)
    return None


def _overlay(base: dict, extra: dict) -> dict:
    out = dict(base)
    for k, v in extra.items():
        out[k] = _overlay(base[k], v) if isinstance(v, dict) and isinstance(base.get(k), dict) else v
    return out
