"""The files a spec names (its house style, logos, photos, attachments): where they are, and
whether an attachment is a PDF that can be inserted. With outside files not allowed
(a service building specs sent by others), one outside the spec's folder is refused
before it is read.
"""
from __future__ import annotations

from pathlib import Path

from . import images
from ..errors import Problem
from ..files import is_within, resolve_file
from .photo_checks import photos_of
from .schema import Spec
from .source import dotted, line_of


def named_files(spec: Spec) -> list[tuple[tuple, str]]:
    """(key path, path as written) of every file the spec names."""
    out = [(("style",), spec.style)] if spec.style else []
    out += [(("parties", pid, "logo"), p.logo) for pid, p in spec.parties.items() if p.logo]
    notice = spec.press_notice
    if notice:
        lists = [(("press_notice", "attachments"), notice.attachments)]
        if notice.after is not None and notice.after.attachments is not None:
            lists.append((("press_notice", "after", "attachments"), notice.after.attachments))
        out += [(base + (i, "file"), a.file) for base, items in lists for i, a in enumerate(items) if a.file]
        out += [(("press_notice", "also", i), written) for i, written in enumerate(notice.also)]
        out += [(key, photo.file) for key, photo in photos_of(spec)]
    return out


def check_named_files(spec: Spec, name: str, lines, allow_outside: bool) -> list[Problem]:
    """Files the spec names: each logo and photo must be a usable picture (images.py), each
    attached file a usable PDF (the style is read by the build). Unless allow_outside,
    a file outside the spec's own folder (an absolute path, `../`, a link leading out)
    is refused unread."""
    problems = []
    for key, written in named_files(spec):
        path = resolve_file(Path(name), written)
        if not allow_outside and not is_within(path, Path(name).parent):
            trouble = (f"{path} is outside the spec's folder, and here a spec may only name files"
                       " inside its own folder")
        elif key[-1] == "logo" or "photos" in key:         # a picture
            trouble = images.check(path, "logo" if key[-1] == "logo" else "photo")
        elif key[-1] == "file":         # an attachment: read here, so that one outside is never read
            trouble = pdf_trouble(path)
        else:
            trouble = None
        if trouble:
            problems.append(Problem(name, line_of(lines, key), dotted(key), trouble))
    return problems


def check_attachments(spec: Spec, name: str, lines) -> list[Problem]:
    """Every attachment that names a document must be there to attach: the overview
    sheet only when the spec makes one (a file, that it is a readable, unencrypted
    PDF, is checked with the other files, check_named_files). And the release after
    the signing needs the agreement it reports (its title and the date signed)."""
    notice, problems = spec.press_notice, []
    lists = [(("press_notice", "attachments"), notice.attachments)]
    if notice.after is not None:
        if spec.agreement is None and not spec.agreements:     # (several: spec/several.py says why not)
            path = ("press_notice", "after")
            problems.append(Problem(name, line_of(lines, path), dotted(path),
                                    "the release after the signing reports the agreement signed: the spec needs"
                                    " agreement: (its title and signing_date)"))
        if notice.after.attachments is not None:
            lists.append((("press_notice", "after", "attachments"), notice.after.attachments))
    for base, items in lists:
        for i, att in enumerate(items):
            if att.document == "overview" and not att.spec and not (spec.agreement and spec.agreement.areas):
                path = base + (i, "document")
                problems.append(Problem(name, line_of(lines, path), dotted(path),
                                        "the overview sheet is made from agreement.areas, and this spec has none:"
                                        " there is no overview to attach (write the title alone to list it only)"))
    return problems


MAX_ATTACHMENT = 100_000_000      # a map or a flyer; larger is surely the wrong file


def pdf_trouble(path: Path) -> str | None:
    """Why a PDF to attach cannot be used, or None."""
    import io
    from ..files import FileRefused, read_regular_file
    try:
        data = read_regular_file(path, MAX_ATTACHMENT, "attachment")   # never a FIFO or a device
    except FileRefused as exc:
        if not path.exists():
            return f"attachment file not found: {path} (a file path is relative to the spec file)"
        return str(exc)
    if b"%PDF-" not in data[:1024]:
        return f"the attachment {path} is not a PDF file"
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return (f"the attachment {path} is encrypted (password-protected); save an unprotected copy"
                    " to attach it")
        if len(reader.pages) == 0:
            return f"the attachment {path} has no pages"
    except (PyPdfError, OSError, ValueError, KeyError, TypeError) as exc:
        return f"the attachment {path} is damaged and cannot be read: {exc}"
    return None
