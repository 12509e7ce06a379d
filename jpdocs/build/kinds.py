"""Which documents a spec makes: the kinds of document and the template of each,
the releases (a notice with its attachments in one PDF) and what each needs, and the
template folders.

Kept apart from the making (documents.py) because the build's record (record.py)
asks these questions before anything is rendered, and must stay light: nothing here
imports the fonts, the templates' engine or a writer.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem
from ..spec.source import dotted
from ..spec.load import LoadedSpec
from ..spec.style import TEMPLATES


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document a spec can make, and the template that makes it."""
    name: str            # output file stem
    template: str
    section: str         # the spec section the document needs
    requires: str = ""   # a field of that section that must not be empty


KINDS = [
    DocumentKind("press-notice", "press-notice.xml.j2", "press_notice"),
    DocumentKind("overview", "overview.xml.j2", "agreement", requires="areas"),
    DocumentKind("agreement", "agreement.xml.j2", "agreement", requires="document"),
    DocumentKind("press-notice-after", "press-notice-after.xml.j2", "press_notice", requires="after"),
]

# A release: a notice followed by its attachments in one PDF (release.py). Its
# name → the notice kind it opens with.
RELEASES = {"release": "press-notice", "release-after": "press-notice-after"}


def is_draft(loaded: LoadedSpec) -> bool:
    ag = loaded.spec.agreement
    return bool(ag and ag.document and ag.document.draft)


def kinds_of(loaded: LoadedSpec, kinds=None) -> list[DocumentKind]:
    """The document kinds the spec's sections call for (of the given names, if any)."""
    out = []
    for kind in KINDS:
        section = getattr(loaded.spec, kind.section)
        if (kinds is None or kind.name in kinds) and section is not None \
                and not (kind.requires and not getattr(section, kind.requires)):
            out.append(kind)
    return out


def attachments_of(spec, release: str) -> list:
    """The attachments (配付資料) of a release, in the order its notice lists them."""
    n = spec.press_notice
    if n is None:
        return []
    if release == "release-after":
        return n.after.attachments_or(n.attachments) if n.after else []
    return list(n.attachments)


def bound_files(spec, release: str) -> list[tuple[tuple, str]]:
    """(key path, file) of each PDF file a release binds as it is (an attachment's
    `file:`), in its notice's order: pages the product did not make."""
    n = spec.press_notice
    if n is None:
        return []
    if release == "release-after":
        if n.after is None or n.after.attachments is None:
            return []                        # the notice's generated documents only
        base, listed = ("press_notice", "after", "attachments"), n.after.attachments
    else:
        base, listed = ("press_notice", "attachments"), n.attachments
    return [(base + (i, "file"), a.file) for i, a in enumerate(listed) if a.file]


def attachment_notes(loaded: LoadedSpec) -> list[Problem]:
    """A plain title in 配付資料 is printed only; where the spec makes an overview sheet
    and no attachment names it, say so (the sheet is attached by document: overview)."""
    spec = loaded.spec
    n = spec.press_notice
    if not (n and spec.agreement and spec.agreement.areas) or any(a.document for a in n.attachments):
        return []
    return [Problem(str(loaded.path), loaded.line_of(("press_notice", "attachments", i)),
                    dotted(("press_notice", "attachments", i)),
                    f"'{a.title}' names no document and no file: it is printed in 配付資料 only and"
                    f" release.pdf has no pages for it; to attach the overview sheet write"
                    f" {{title: {a.title}, document: overview}}")
            for i, a in enumerate(n.attachments) if not a.file]


def releases_of(loaded: LoadedSpec, kinds=None) -> list[str]:
    """The releases the spec calls for (of the given names, if any): one per notice
    with an attachment that has pages (a generated document or a PDF file)."""
    spec, out = loaded.spec, []
    for name, notice_kind in RELEASES.items():
        if kinds is not None and name not in kinds:
            continue
        if not any(k.name == notice_kind for k in kinds_of(loaded)):
            continue
        if any(a.document or a.file for a in attachments_of(spec, name)):
            out.append(name)
    return out


def needed_kinds(loaded: LoadedSpec, kinds=None) -> set[str] | None:
    """The document kinds to make for the kinds asked for: a release needs its
    notice and the documents it attaches. None: every kind."""
    if kinds is None:
        return None
    need = {k for k in kinds if k not in RELEASES}
    for name in releases_of(loaded, kinds):
        need.add(RELEASES[name])
        need.update(a.document for a in attachments_of(loaded.spec, name) if a.document and not a.spec)
    return need


def folders(templates: Path | None) -> tuple[Path, ...]:
    """Template folders in lookup order: the user's (--templates) over the bundled."""
    return (Path(templates), TEMPLATES) if templates else (TEMPLATES,)


def unmade(loaded: LoadedSpec, kinds, formats=("pdf", "docx")) -> list[Problem]:
    """For each kind asked for (--kinds) that the spec cannot make, why: the section
    or key it lacks, at the line of the section (or of the key) where the spec has one.
    Asked for something, the user must not silently get nothing."""
    made = {k.name for k in kinds_of(loaded, kinds)} | set(releases_of(loaded, kinds) if "pdf" in formats else ())
    return [_why_not(loaded, name, formats) for name in kinds if name not in made]


def _lacks(loaded: LoadedSpec, name: str, path: tuple) -> Problem:
    """`name` is not made: the spec has no `path` (or has it empty)."""
    if path in loaded.lines:                 # written, and empty
        return Problem(str(loaded.path), loaded.lines[path], dotted(path),
                       f"makes no {name} (--kinds): {dotted(path)} is empty")
    # at the line of the nearest section the spec has (line_of falls back to it), if any
    return Problem(str(loaded.path), loaded.line_of(path) if len(path) > 1 else None, dotted(path),
                   f"makes no {name} (--kinds): it has no {dotted(path)}")


def _why_not(loaded: LoadedSpec, name: str, formats) -> Problem:
    spec = loaded.spec
    if name in RELEASES:
        if "pdf" not in formats:
            return Problem(str(loaded.path), None, "", f"makes no {name} (--kinds): a release is a PDF,"
                                                       " and --format has no pdf")
        notice = next(k for k in KINDS if k.name == RELEASES[name])
        if notice not in kinds_of(loaded):
            return _kind_lacks(loaded, notice, name)
        key = ("press_notice", "after", "attachments") if name == "release-after" else ("press_notice", "attachments")
        listed = attachments_of(spec, name)
        if not listed:
            return _lacks(loaded, name, key)
        return Problem(str(loaded.path), loaded.line_of(key), dotted(key),
                       f"makes no {name} (--kinds): no attachment in {dotted(key)} has pages to bind"
                       " (a document: or a file:); a release binds the notice with its attachments' pages")
    return _kind_lacks(loaded, next(k for k in KINDS if k.name == name), name)


def _kind_lacks(loaded: LoadedSpec, kind: DocumentKind, name: str) -> Problem:
    """Why `kind` is not made, said of `name` (the kind, or the release it opens)."""
    if getattr(loaded.spec, kind.section) is None:
        return _lacks(loaded, name, (kind.section,))
    return _lacks(loaded, name, (kind.section, kind.requires))
