"""What a spec's documents must pass before anything is laid out: every character
of the spec's text and of the rendered model in a font that will draw it (or a
fallback), and every style, colour and font role a template names in the house style.

Kept apart from the making (documents.py): the checks carry their own memory of the
characters found drawable, which a batch's specs share.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..content import model
from ..content.locate import spec_strings, spec_texts
from ..errors import InputError, Problem
from ..fonts.registry import covers, fallback_names, font_for, latin_font, missing_chars, register
from ..spec.source import dotted
from ..spec.load import LoadedSpec
from ..spec.style import LATIN_ROLE, HouseStyle, japanese_roles
from ..spec.style_model import DEFAULT_STYLE


# (primary fonts, "", fallback fonts) → characters found drawable with them: every
# primary font has it, or a fallback does (missing_chars finds nothing). A font's name
# is made from its content and names one font for the life of the process
# (fonts/registry.py), so what was found stays true.
_DRAWABLE: dict[tuple[str, ...], set[str]] = {}
# the same fonts → whole texts of specs found drawable (a batch's specs repeat their
# offices, names and wording); cleared past _MAX_COVERED texts
_COVERED: dict[tuple[str, ...], set[str]] = {}
_MAX_COVERED = 20_000


def check_spec_glyphs(loaded: LoadedSpec, style: HouseStyle) -> None:
    """Every character of the spec's text must be in the fonts that may draw it (all
    of the style's roles) or in a fallback font, before anything is rendered; each
    field with characters no font has is reported with its line."""
    # (not the Latin role, which draws the English text alone: checked after rendering)
    primaries = sorted(set(register(style).values()))
    fallbacks = fallback_names(style)
    # One look at all the text first: in the usual spec every character is covered,
    # and then no string needs a look of its own (nor its key path). Characters found
    # covered before by these fonts are not looked up again: the specs of a batch share
    # most of them.
    fonts = (*primaries, "", *fallbacks)
    known = _DRAWABLE.setdefault(fonts, set())
    # A text met before, whole, was covered then: its look is a hash (cached in the str)
    # where a look at its characters makes a set of them (a notice's 1.4 M instructions).
    covered = _COVERED.setdefault(fonts, set())
    fresh = [text for text in spec_texts(loaded.spec) if text not in covered]
    everything = "".join(fresh)
    if not known.issuperset(everything):
        new = set(everything) - known
        if missing_chars("".join(new), primaries, fallbacks):
            _report_missing(loaded, style, primaries, fallbacks)   # raises, if a field has one
            return                       # (the joined text's look is not each field's: nothing kept)
        known |= new
    if len(covered) > _MAX_COVERED:
        covered.clear()
    covered.update(fresh)


def _report_missing(loaded: LoadedSpec, style: HouseStyle, primaries: list, fallbacks: list) -> None:
    """Each field with characters no font has, with its line."""
    problems = []
    for path, text in spec_strings(loaded.spec):
        missing = missing_chars(text, primaries, fallbacks)
        if missing:
            problems.append(Problem(str(loaded.path), loaded.line_of(path), dotted(path),
                                    no_glyph_message(missing, style)))
    if problems:
        raise InputError(problems)


def no_glyph_message(chars: list[str], style: HouseStyle, book: bool = False) -> str:
    """What is wrong and what to do. `book`: the text is the annual book's, which is set
    in the house style the book is built with (its --style, else the standard one), not
    in the spec's: the advice names that style, where a font is to be added."""
    shown = ", ".join(f"{ch} (U+{ord(ch):04X})" if unicodedata.category(ch)[0] not in "MCZ"
                      else f"U+{ord(ch):04X} ({unicodedata.name(ch, 'unnamed')})" for ch in chars)
    fonts = ", ".join(p.name for p in [style.font_path(r) for r in style.fonts] + style.fallback_paths())
    msg = f"no font has {'this character' if len(chars) == 1 else 'these characters'}: {shown}; it would print as a blank or a box ({fonts})."
    if any(0xFE00 <= ord(c) <= 0xFE0F or 0xE0100 <= ord(c) <= 0xE01EF for c in chars):
        msg += (" A variation selector asks for a glyph variant the fonts cannot show; delete it"
                " (the character before it then prints in its common form).")
    elif any(unicodedata.category(c) == "So" and ord(c) >= 0x1F000 for c in chars):
        msg += " Emoji are not printed in official documents; delete them or write the words."
    elif book and style.source == str(DEFAULT_STYLE):
        msg += (" Write a common form of the character (𠮷 → 吉), or build the book with --style naming a"
                " house style whose fallback_fonts: has a font that has it (for instance IPAmj明朝, Debian"
                " package fonts-ipamj-mincho: /usr/share/fonts/truetype/ipamj/ipamjm.ttf): the book is set"
                " in the standard house style, not in its specs' styles.")
    elif book:
        msg += (f" Write a common form of the character (𠮷 → 吉), or add a font that has it to fallback_fonts:"
                f" in the book's house style, {style.source} (for instance IPAmj明朝, Debian package"
                " fonts-ipamj-mincho: /usr/share/fonts/truetype/ipamj/ipamjm.ttf): the book is set in the"
                " house style of its --style, not in its specs' styles.")
    else:
        msg += (" Write a common form of the character (𠮷 → 吉), or add a font that has it to"
                " fallback_fonts: in the house style (for instance IPAmj明朝, Debian package"
                " fonts-ipamj-mincho: /usr/share/fonts/truetype/ipamj/ipamjm.ttf).")
    return msg


def check_model(doc: model.Document, style: HouseStyle, source: str, every: list | None = None) -> None:
    """What a (user's) template put in the markup must exist in the house style. The
    refusal's `elements` say, beside each problem, which element of the markup it is
    of, (tag, its index among the markup's elements of that tag), where that is known,
    for the caller to name the template's line that printed it. `every`: the document's
    blocks as model.every_block gives them, where the caller has them."""
    problems: dict[str, object] = {}           # each message → the element it is of, or None
    tables: list[model.Table] = []
    for block in model.walk(doc.blocks) if every is None else every:
        name = getattr(block, "style", None)
        if name is not None and not isinstance(block, model.Table) and name not in style.styles:
            problems.setdefault(f"paragraph style '{name}' is not one of the house style's:"
                                f" {', '.join(style.styles)}", _given("*", "style", name))
        if isinstance(block, model.Table):
            tables.append(block)
            for row in block.rows:
                for cell in row:
                    for colour in (cell.shade, cell.colour):
                        if colour and colour not in style.colours:
                            problems.setdefault(f"colour '{colour}' is not one of: {', '.join(style.colours)}", cell)
            if any(sum(c.colspan for c in row) > len(block.widths) for row in block.rows):
                problems.setdefault("a table row has more cells than the table has column widths",
                                    ("table", len(tables) - 1))
        for inline in getattr(block, "inlines", []):
            if isinstance(inline, model.Text) and inline.font and inline.font not in japanese_roles(style):
                problems.setdefault(f"font role '{inline.font}' is not one of: {', '.join(japanese_roles(style))}",
                                    _given("span", "font", inline.font))
    if problems:
        error = InputError([Problem(source, None, "", p) for p in problems])
        # a cell as the markup's <td>s stand: its index among them (only for a refusal)
        cells = {id(cell): n for n, cell in enumerate(_cells(doc.blocks))} \
            if any(isinstance(e, model.Cell) for e in problems.values()) else {}
        error.elements = [("td", cells[id(e)]) if isinstance(e, model.Cell) else e for e in problems.values()]
        raise error


def _given(tag: str, key: str, value: str) -> tuple[str, int] | None:
    """The first element of the markup whose attribute `key` gives the refused `value`
    (a style or font role is inherited: the element that names it is where the template
    wrote it), as (path, 0) for the caller's printed_at; None where the value is a
    default no element writes (the caller then finds none either)."""
    from ..content.markup import with_attribute
    path = with_attribute(tag, key, value)
    return (path, 0) if path else None


def _cells(blocks: list) -> Iterator[model.Cell]:
    """Every table cell, in the order of the markup's <td>s: a cell before the
    cells of a table inside it (model.walk gives a table's blocks, not its cells)."""
    for b in blocks:
        if isinstance(b, model.Table):
            for row in b.rows:
                for cell in row:
                    yield cell
                    yield from _cells(cell.blocks)
        elif isinstance(b, (model.Ki, model.KeepTogether, model.Item)):
            yield from _cells(b.blocks)


# font name → characters found in it (by covers), as _DRAWABLE above
_HAS: dict[str, set[str]] = {}
# font name → whole texts found in it, as _COVERED above: a text's look at its
# characters makes a string of each (0.5 M instructions of a notice's model), a text
# met before is one hash, and a batch's documents repeat their wording and names
_HAS_TEXTS: dict[str, set[str]] = {}


def check_glyphs(doc: model.Document, style: HouseStyle, loaded: LoadedSpec, every: list | None = None,
                 book: bool = False) -> None:
    """Backstop after rendering: every character of the model (template text and house
    wording included) must have a glyph in the font that will draw it or a fallback.
    Item markers are drawn in the paragraph's font alone, so they get no fallback.
    `every`: the document's blocks as model.every_block gives them, where the caller has them.
    `book`: the model is (a part of) the annual book, which checks only what it prints
    (this, not the spec's every field): a character missing from a spec's field is named
    at that field, with advice on the book's house style (no_glyph_message)."""
    font = register(style)
    fallbacks = fallback_names(style)
    problems: list[Problem] = []
    seen: set = set()
    for block in model.walk(doc.blocks) if every is None else every:
        # text in another language is drawn in the Latin role's font where it would be mincho
        latin = getattr(block, "lang", None) and LATIN_ROLE in style.fonts
        if latin and LATIN_ROLE not in font:
            font = {**font, LATIN_ROLE: latin_font(style)}
        for i in getattr(block, "inlines", ()):
            if isinstance(i, model.Text):
                # (_role written out: a call of it for each run cost more than the look below)
                role = "gothic-bold" if i.bold and "gothic-bold" in font else (i.font or "mincho")
                primary = font[LATIN_ROLE if latin and role == "mincho" else role]
                texts = _HAS_TEXTS.get(primary)
                # a text met before in this font, whole, was drawable then: the usual case
                if texts is None or i.text not in texts:
                    _check_run(i.text, primary, fallbacks, (doc, style, loaded, problems, seen, book))
        if isinstance(block, model.Item) and block.style in style.styles:
            primary = font[style.styles[block.style].font]
            texts = _HAS_TEXTS.get(primary)
            if texts is None or block.marker not in texts:
                _check_run(block.marker, primary, [], (doc, style, loaded, problems, seen, book))
    if problems:
        raise InputError(problems)


def _check_run(text: str, primary: str, extra: list, where: tuple) -> None:
    """One run of text drawn in `primary` (else in a font of `extra`), as check_glyphs
    checks it: a text found drawable remembered, each character no font draws a problem
    (once per character, font and whether fallbacks were looked at: `seen`)."""
    doc, style, loaded, problems, seen, book = where
    texts = _HAS_TEXTS.get(primary)
    if texts is None:
        texts = _HAS_TEXTS[primary] = set()
    elif text in texts:
        return
    has = _HAS.setdefault(primary, set())
    if has.issuperset(text):
        _found(texts, text)          # the usual case, checked in C
        return
    new = set(text) - has            # (a font not drawn yet answers from a bitmap, in Python)
    if covers(primary, new):
        has |= new
        _found(texts, text)
        return
    for ch in text:
        if (ch, primary, bool(extra)) in seen:
            continue
        seen.add((ch, primary, bool(extra)))
        if font_for(ch, primary, extra) is None:
            field = _field_with(loaded, text, ch) if book else None
            if field is not None:
                problems.append(Problem(str(loaded.path), loaded.line_of(field), dotted(field),
                                        no_glyph_message([ch], style, book)))
                continue
            problems.append(Problem(
                str(loaded.path), None, "",
                f"the {doc.kind}'s text {text[:30]!r} (from a template or the house style) has"
                f" {ch} (U+{ord(ch):04X}), which its font cannot draw; "
                + no_glyph_message([ch], style, book).split("; ", 1)[1]))


def _field_with(loaded: LoadedSpec, text: str, ch: str) -> tuple | None:
    """The spec's field a printed run with `ch` came from: the first whose text has `ch`
    and is part of the run (a name in a list) or holds it (a line of a field)."""
    for path, value in spec_strings(loaded.spec):
        if ch in value and (value in text or text in value):
            return path
    return None


def _found(texts: set[str], text: str) -> None:
    if len(texts) > _MAX_COVERED:
        texts.clear()
    texts.add(text)
