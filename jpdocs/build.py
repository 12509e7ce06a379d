"""One spec → its documents on disk.

    spec (spec.py) → markup text (templating.py) → document model (markup.py)
        → PDF bytes (writers/pdf.py) and DOCX bytes (writers/docx.py) → files

Every document of a spec is made in memory first and written only when all of
them succeeded, so bad input never leaves half of a spec's output behind.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import markup, model
from .errors import InputError, Problem
from .fonts import fallback_names, font_for, register
from .output import write_atomic
from .spec import LoadedSpec
from .style import HouseStyle, load_style
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
]


def style_for(loaded: LoadedSpec, override: Path | None = None) -> HouseStyle:
    """--style wins over the spec's `style:`; a spec's path is relative to it."""
    if override is not None:
        return load_style(override)
    if loaded.spec.style:
        return load_style(loaded.path.parent / loaded.spec.style)
    return load_style()


def context(loaded: LoadedSpec) -> dict:
    spec = loaded.spec
    return {
        "spec": spec,
        "notice": spec.press_notice,
        "agreement": spec.agreement,
        "parties": spec.party_list(),
        "signatories": spec.signatories() if spec.press_notice else [],
        "logos": {pid: str(loaded.file(p.logo)) for pid, p in spec.parties.items() if p.logo},
    }


def make_documents(loaded: LoadedSpec, style: HouseStyle) -> list[model.Document]:
    docs = []
    ctx = context(loaded)
    for kind in KINDS:
        section = getattr(loaded.spec, kind.section)
        if section is None or (kind.requires and not getattr(section, kind.requires)):
            continue
        text = render(kind.template, ctx, style)
        doc = markup.parse(text, source=f"{kind.template} (rendered for {loaded.path})")
        check_glyphs(doc, style, loaded)
        docs.append(doc)
    return docs


def check_glyphs(doc: model.Document, style: HouseStyle, loaded: LoadedSpec) -> None:
    """Every character must have a glyph in a font that will draw it."""
    font = register(style)
    fallbacks = fallback_names(style)
    problems = []
    seen = set()
    for block in model.walk(doc.blocks):
        for inline in getattr(block, "inlines", []):
            if not isinstance(inline, model.Text):
                continue
            for ch in inline.text:
                if ch in seen:
                    continue
                seen.add(ch)
                primary = font["gothic-bold" if inline.bold else (inline.font or "mincho")]
                if font_for(ch, primary, fallbacks) is None:
                    problems.append(Problem(
                        str(loaded.path), None, "",
                        f"the character {ch} (U+{ord(ch):04X}) in {inline.text[:30]!r} of the {doc.kind} has no"
                        " glyph in the fonts; write a common form of it, or add a font that has it to"
                        " fallback_fonts: in the house style"))
    if problems:
        raise InputError(problems)


def render_files(doc: model.Document, style: HouseStyle, formats=FORMATS) -> dict[str, bytes]:
    out = {}
    if "pdf" in formats:
        from .writers.pdf import render_pdf
        out["pdf"] = render_pdf(doc, style)
    if "docx" in formats:
        from .writers.docx import render_docx
        out["docx"] = render_docx(doc, style)
    return out


def build(loaded: LoadedSpec, out_root: Path, formats=FORMATS, style_override: Path | None = None) -> list[Path]:
    """Build every document of one spec into out_root/<spec name>/. Returns the paths."""
    style = style_for(loaded, style_override)
    pending: dict[Path, bytes] = {}
    folder = out_root / loaded.name
    for doc in make_documents(loaded, style):
        doc_style = style
        if doc.fit_one_page:
            from .writers.fit import fit_style   # the sizes the PDF settles on, for the DOCX too
            doc_style = fit_style(doc, style, str(loaded.path))
        for fmt, data in render_files(doc, doc_style, formats).items():
            pending[folder / f"{doc.kind}.{fmt}"] = data
    for path, data in pending.items():
        write_atomic(path, data)
    return list(pending)
