"""One spec → its documents on disk.

    spec (spec.py) → markup text (templating.py) → document model (markup.py)
        → PDF bytes (writers/pdf.py) and DOCX bytes (writers/docx.py) → files

Every document of a spec is made in memory first and written only when all of
them succeeded, so bad input never leaves half of a spec's output behind.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import BaseModel

from . import markup, model
from .errors import InputError, Problem
from .fonts import fallback_names, font_for, missing_chars, register
from .output import safe_folder_name, write_outputs
from .source import dotted
from .spec import LoadedSpec
from .style import TEMPLATES, HouseStyle, load_style
from .templating import render

FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class DocumentKind:
    name: str            # output file stem
    template: str
    section: str         # the spec section the document needs
    requires: str = ""   # a field of that section that must not be empty


KINDS = [
    DocumentKind("press-notice", "press-notice.xml.j2", "press_notice"),
    DocumentKind("overview", "overview.xml.j2", "agreement", requires="areas"),
    DocumentKind("agreement", "agreement.xml.j2", "agreement"),
]


def style_for(loaded: LoadedSpec, override: Path | None = None) -> HouseStyle:
    """--style wins over the spec's `style:`; a spec's path is relative to it."""
    if override is not None:
        return load_style(override)
    if loaded.spec.style:
        path = loaded.path.parent / loaded.spec.style
        if not path.is_file():
            raise InputError([Problem(str(loaded.path), loaded.line_of(("style",)), "style",
                                      f"the house style file {path} does not exist (a path relative to the spec)")])
        return load_style(path)
    return load_style()


def context(loaded: LoadedSpec, style: HouseStyle, agreement_text: bool) -> dict:
    """What the templates see. The agreement's text (articles.py) is composed only
    when the agreement is made: a problem in it must not stop a press notice."""
    spec = loaded.spec
    ctx = {
        "spec": spec,
        "notice": spec.press_notice,
        "agreement": spec.agreement,
        "parties": spec.party_list(),
        "signatories": spec.signatories() if spec.press_notice else [],
        "logos": {pid: str(loaded.file(p.logo)) for pid, p in spec.parties.items() if p.logo},
    }
    if agreement_text:
        from .articles import compose
        ctx["text"] = compose(loaded, style.digits)
    return ctx


def kinds_of(loaded: LoadedSpec, kinds=None) -> list[DocumentKind]:
    """The document kinds the spec's sections call for (of the given names, if any)."""
    out = []
    for kind in KINDS:
        section = getattr(loaded.spec, kind.section)
        if (kinds is None or kind.name in kinds) and section is not None \
                and not (kind.requires and not getattr(section, kind.requires)):
            out.append(kind)
    return out


def make_documents(loaded: LoadedSpec, style: HouseStyle, kinds=None,
                   templates: Path | None = None) -> list[model.Document]:
    """Every document of the spec (of the given kind names; default: every kind its
    sections call for) as a model, checked: spec text against the fonts first
    (naming field and line), then the rendered model (template text, styles)."""
    check_spec_glyphs(loaded, style)
    chosen = kinds_of(loaded, kinds)
    ctx = context(loaded, style, agreement_text=any(k.name == "agreement" for k in chosen))
    where = folders(templates)
    docs = []
    for kind in chosen:
        text = render(kind.template, ctx, style, where)
        used = next((f / kind.template for f in where if (f / kind.template).is_file()), kind.template)
        source = f"{used} (the markup it rendered for {loaded.path})"
        doc = markup.parse(text, source=source)
        check_model(doc, style, source)
        check_glyphs(doc, style, loaded)
        docs.append(doc)
    return docs


def folders(templates: Path | None) -> tuple[Path, ...]:
    """Template folders in lookup order: the user's (--templates) over the bundled."""
    return (Path(templates), TEMPLATES) if templates else (TEMPLATES,)


# Fields that name files, not text to print.
_NOT_PRINTED = {"style", "logo"}


def spec_strings(value, path=()):
    """(key path, text) of every string the spec holds, in spec order."""
    if isinstance(value, BaseModel):
        for key in type(value).model_fields:
            if key not in _NOT_PRINTED:
                yield from spec_strings(getattr(value, key), path + (key,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from spec_strings(item, path + (key,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from spec_strings(item, path + (i,))
    elif isinstance(value, str):
        yield path, value


def check_spec_glyphs(loaded: LoadedSpec, style: HouseStyle) -> None:
    """Every character of the spec's text must be in the fonts that may draw it (all
    of the style's roles) or in a fallback font, before anything is rendered; each
    field with characters no font has is reported with its line."""
    primaries = sorted(set(register(style).values()))
    fallbacks = fallback_names(style)
    problems = []
    for path, text in spec_strings(loaded.spec):
        missing = missing_chars(text, primaries, fallbacks)
        if missing:
            problems.append(Problem(str(loaded.path), loaded.line_of(path), dotted(path),
                                    no_glyph_message(missing, style)))
    if problems:
        raise InputError(problems)


def no_glyph_message(chars: list[str], style: HouseStyle) -> str:
    shown = ", ".join(f"{ch} (U+{ord(ch):04X})" if unicodedata.category(ch)[0] not in "MCZ"
                      else f"U+{ord(ch):04X} ({unicodedata.name(ch, 'unnamed')})" for ch in chars)
    fonts = ", ".join(p.name for p in [style.font_path(r) for r in style.fonts] + style.fallback_paths())
    msg = f"no font has {'this character' if len(chars) == 1 else 'these characters'}: {shown}; it would print as a blank or a box ({fonts})."
    if any(0xFE00 <= ord(c) <= 0xFE0F or 0xE0100 <= ord(c) <= 0xE01EF for c in chars):
        msg += (" A variation selector asks for a glyph variant the fonts cannot show; delete it"
                " (the character before it then prints in its common form).")
    elif any(unicodedata.category(c) == "So" and ord(c) >= 0x1F000 for c in chars):
        msg += " Emoji are not printed in official documents; delete them or write the words."
    else:
        msg += (" Write a common form of the character (𠮷 → 吉), or add a font that has it to"
                " fallback_fonts: in the house style (for instance IPAmj明朝, Debian package"
                " fonts-ipamj-mincho: /usr/share/fonts/truetype/ipamj/ipamjm.ttf).")
    return msg


def check_model(doc: model.Document, style: HouseStyle, source: str) -> None:
    """What a (user's) template put in the markup must exist in the house style."""
    problems = []
    for block in model.walk(doc.blocks):
        name = getattr(block, "style", None)
        if name is not None and not isinstance(block, model.Table) and name not in style.styles:
            problems.append(f"paragraph style '{name}' is not one of the house style's: {', '.join(style.styles)}")
        if isinstance(block, model.Table):
            for row in block.rows:
                for cell in row:
                    if cell.shade and cell.shade not in style.colours:
                        problems.append(f"colour '{cell.shade}' is not one of: {', '.join(style.colours)}")
            if any(sum(c.colspan for c in row) > len(block.widths) for row in block.rows):
                problems.append("a table row has more cells than the table has column widths")
        for inline in getattr(block, "inlines", []):
            if isinstance(inline, model.Text) and inline.font and inline.font not in style.fonts:
                problems.append(f"font role '{inline.font}' is not one of: {', '.join(style.fonts)}")
    if problems:
        raise InputError([Problem(source, None, "", p) for p in dict.fromkeys(problems)])


def check_glyphs(doc: model.Document, style: HouseStyle, loaded: LoadedSpec) -> None:
    """Backstop after rendering: every character of the model (template text and house
    wording included) must have a glyph in the font that will draw it or a fallback.
    Item markers are drawn in the paragraph's font alone, so they get no fallback."""
    font = register(style)
    fallbacks = fallback_names(style)
    problems = []
    seen = set()
    for block in model.walk(doc.blocks):
        runs = [(i.text, font["gothic-bold" if i.bold and "gothic-bold" in font else (i.font or "mincho")],
                 fallbacks) for i in getattr(block, "inlines", []) if isinstance(i, model.Text)]
        if isinstance(block, model.Item) and block.style in style.styles:
            runs.append((block.marker, font[style.styles[block.style].font], []))
        for text, primary, extra in runs:
            for ch in text:
                if (ch, primary, bool(extra)) in seen:
                    continue
                seen.add((ch, primary, bool(extra)))
                if font_for(ch, primary, extra) is None:
                    problems.append(Problem(
                        str(loaded.path), None, "",
                        f"the {doc.kind}'s text {text[:30]!r} (from a template or the house style) has"
                        f" {ch} (U+{ord(ch):04X}), which its font cannot draw; "
                        + no_glyph_message([ch], style).split("; ", 1)[1]))
    if problems:
        raise InputError(problems)


def render_files(doc: model.Document, style: HouseStyle, formats=FORMATS, pdfa: bool = False,
                 fields: bool = True) -> dict[str, bytes]:
    """The document's files. A PDF with seal places gets one empty signature field
    over each (fields=False for a copy, which nobody signs); pdfa=True makes it PDF/A-2b
    before the fields are added, as an incremental update that keeps it PDF/A."""
    out = {}
    # The layout is made for the DOCX too: its page count decides whether the DOCX
    # carries page numbers (- 1 -), as the PDF does only past one page.
    from .writers.pdf import render_pdf_layout
    data, seals, pages = render_pdf_layout(doc, style)
    if "pdf" in formats:
        if pdfa:
            from .pdfa import make_pdfa
            data = make_pdfa(data, doc)
        if seals and fields:
            from .signing import add_signature_fields
            data = add_signature_fields(data, seals)
        out["pdf"] = data
    if "docx" in formats:
        from .writers.docx import render_docx
        out["docx"] = render_docx(doc, style, page_numbers=pages > 1)
    return out


def seal_fields(doc: model.Document) -> list[str]:
    """The signature field names of a document's seal places, in order (甲, 乙 …)."""
    return [b.field for b in model.walk(doc.blocks) if isinstance(b, model.Seal)]


def copies_of(doc: model.Document, style: HouseStyle, original_mark: bool = True) -> dict[str, model.Document]:
    """One original per party (正本（甲保管） at the top right, if wanted) and one copy for
    circulation (写 across every page), as file-name suffix → document. The marks are
    drawn by the page template of the same layout, so every version has the same pages."""
    out = {}
    for name in seal_fields(doc):
        marks = [model.PageMark(style.word("original_mark").format(label=name), "corner")] if original_mark else []
        out[name] = replace(doc, marks=marks)
    out[style.word("copy_mark")] = replace(doc, marks=[model.PageMark(style.word("copy_mark"), "diagonal")])
    return out


def build(loaded: LoadedSpec, out_root: Path, formats=FORMATS, style_override: Path | None = None,
          templates: Path | None = None, force: bool = False,
          copies: bool = False, pdfa: bool = False, kinds=None, stamp: str | None = None) -> list[Path]:
    """Build every document of one spec into out_root/<spec name>/. Returns the paths.
    Everything is rendered in memory first; nothing is written if any part fails.
    copies (or the spec's agreement.copies) adds the originals and the copy of every
    document with seal places; pdfa makes every PDF PDF/A-2b. stamp: the digest of
    the build's inputs (record.py), kept in the folder's manifest."""
    folder = Path(out_root) / safe_folder_name(loaded.name, loaded.path)
    style = style_for(loaded, style_override)
    pending: dict[str, bytes] = {}
    ag = loaded.spec.agreement
    copies = copies or bool(ag and ag.copies)
    for doc in make_documents(loaded, style, kinds, templates):
        doc_style = style
        if doc.fit_one_page:
            from .writers.fit import fit_style   # the sizes the PDF settles on, for the DOCX too
            doc_style = fit_style(doc, style, str(loaded.path))
        for fmt, data in render_files(doc, doc_style, formats, pdfa=pdfa).items():
            pending[f"{doc.kind}.{fmt}"] = data
        if copies and "pdf" in formats and seal_fields(doc):
            mark = ag.original_mark if ag else True
            for suffix, version in copies_of(doc, style, mark).items():
                is_copy = suffix == style.word("copy_mark")
                data = render_files(version, style, ("pdf",), pdfa=pdfa, fields=not is_copy)["pdf"]
                pending[f"{doc.kind}-{suffix}.pdf"] = data
    return write_outputs(folder, pending, force, owner=str(loaded.path.resolve()), stamp=stamp)
