"""A release as one PDF: the notice, then its attachments in the order 配付資料 lists
them, each page in its own orientation, a bookmark per part.

The project's own pages — the notice and the generated documents it attaches (the
overview sheet) — are set as ONE reportlab document by the writers' builder, each
in its page template (A4 portrait or landscape, the house margins of its kind), as
annual/pdf.py sets the annual book: one copy of each font subset, not the copies
of a merge. PDFs the spec names (a map, a flyer) cannot be set by reportlab; their
pages are inserted with pypdf where the list puts them, exactly as they are (size
and /Rotate kept). The bookmarks are added last, over the final page order: one per
part, a file's own bookmarks nested under its entry. The
bytes are the same on every build: the /ID is a digest of the content.

The separate files (press-notice.pdf, overview.pdf) are still written; the notice
is numbered (- 1 -) only when it takes more than one page, as on its own, and the
attachments carry no number of the release's.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, NextPageTemplate, PageBreak, PageTemplate

from .. import collector
from ..content import model as m
from ..spec.style import HouseStyle
from ..writers.blocks import BlockBuilder
from ..writers.frame import TextFrame
from ..writers.pages import content_id, document_settings, numbered_canvas, page_size
from ..writers.tags import Node, xmp_packet


class _Start(Flowable):
    """A zero-size mark: the page a part of the release starts on."""

    def __init__(self, key: str, starts: dict):
        super().__init__()
        self.key, self.starts = key, starts
        self.width = self.height = 0

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        self.starts[self.key] = self.canv.getPageNumber() - 1


def _template(kind: str, orientation: str, style: HouseStyle) -> PageTemplate:
    size = page_size(m.Document(kind, "", "", [], orientation=orientation))
    mg = style.page.margins_for(kind)
    # reportlab's default 6pt frame padding, as SimpleDocTemplate (writers/pdf.py):
    # each part fits the release's page exactly as it fits its own file.
    frame = TextFrame(mg.left * mm, mg.bottom * mm, size[0] - (mg.left + mg.right) * mm,
                  size[1] - (mg.top + mg.bottom) * mm, id=f"{kind}-{orientation}")
    return PageTemplate(f"{kind}-{orientation}", [frame], pagesize=size)


def _own_pages(notice: tuple[m.Document, HouseStyle], docs: list[tuple[str, tuple[m.Document, HouseStyle]]],
               titles: dict[str, str] | None = None) -> tuple[bytes, dict[str, int], int]:
    """The notice and the generated attachments as one reportlab document: its bytes,
    the page each part starts on (0-based) and the page count. `titles` (part key →
    title, "notice" the notice's): the parts' bookmarks, made by reportlab. Laid out
    with the collector held off until the layout is let go (writers/pdf.py)."""
    return collector.call_held_off(_lay_out, notice, docs, titles)


def _lay_out(notice, docs, titles) -> tuple[bytes, dict[str, int], int]:
    doc, style = notice
    # One structure tree: the notice and each attachment a Part of the Document.
    tree = Node("Document")
    builder = BlockBuilder(style, page_size(doc), tree.add("Part"), people=doc.people)
    buf = io.BytesIO()
    settings = document_settings(doc.title, doc.author, doc.subject, style.page.margins_for(doc.kind),
                                 builder.styles["body"])
    book = BaseDocTemplate(buf, pagesize=page_size(doc), **{**settings, "lang": doc.lang})
    templates = {}

    def template(d: m.Document, st: HouseStyle) -> str:
        name = f"{d.kind}-{d.orientation}"
        if name not in templates:
            templates[name] = _template(d.kind, d.orientation, st)
        return name

    first = template(doc, style)
    starts: dict[str, int] = {}
    story = [_Start("notice", starts)]
    story += builder.blocks(doc.blocks, templates[first].frames[0]._width - 12)
    for key, (d, st) in docs:
        name = template(d, st)
        story += [NextPageTemplate(name), PageBreak(), _Start(key, starts)]
        b = builder if st is style and d.people == doc.people else BlockBuilder(st, page_size(d), people=d.people)
        b.node = tree.add("Part")
        story += b.blocks(d.blocks, templates[name].frames[0]._width - 12)
    book.addPageTemplates([templates[first]] + [t for n, t in templates.items() if n != first])
    # the notice's own pages are numbered (- 1 -) when it has several; attachments keep theirs
    pages: list[int] = []

    def notice_pages(total: int) -> int:
        pages.append(total)
        return min([v for k, v in starts.items() if k != "notice"] + [total])

    def outline() -> list[tuple[int, str]]:
        return sorted((starts[key], title) for key, title in titles.items())
    book.build(story, canvasmaker=numbered_canvas(builder.styles["body"].fontName, 9, notice_pages, tree,
                                                  outline=outline if titles else None))
    return buf.getvalue(), starts, pages[0]


def render_release(notice: tuple[m.Document, HouseStyle],
                   parts: list[tuple[str, tuple[m.Document, HouseStyle] | Path]]) -> bytes:
    """The release: `notice` (its model and the style it is set in), then each part
    as (title, (document, style)) for a generated document or (title, path) for a
    PDF file, in order. The files were checked when the spec was loaded."""
    own = [(f"part-{i}", p) for i, (_, p) in enumerate(parts) if not isinstance(p, Path)]
    if len(own) == len(parts):
        # Only our own pages (the usual release: the notice and its overview sheet):
        # reportlab writes the bookmarks too, and the file is done without pypdf,
        # whose import and rewrite of the file took longer than setting its pages.
        titles = {"notice": notice[0].title, **{f"part-{i}": title for i, (title, _) in enumerate(parts)}}
        return content_id(_own_pages(notice, own, titles)[0])
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject

    data, starts, total = _own_pages(notice, own)
    writer = PdfWriter(clone_from=io.BytesIO(data))
    # The pages of our own parts, in the order they were set: each runs to the next
    # part's start (or the end).
    ordered = sorted(starts.values())
    span = {k: (v, (ordered[ordered.index(v) + 1] if ordered.index(v) + 1 < len(ordered) else total))
            for k, v in starts.items()}
    marks: list[tuple[str, int, PdfReader | None]] = [(notice[0].title, 0, None)]
    pos = span["notice"][1] - span["notice"][0]
    for i, (title, part) in enumerate(parts):
        if isinstance(part, Path):
            reader = PdfReader(part)
            marks.append((title, pos, reader))
            for page in reader.pages:
                writer.insert_page(page, pos)
                pos += 1
        else:
            marks.append((title, pos, None))
            a, b = span[f"part-{i}"]
            pos += b - a
    for title, page, reader in marks:
        item = writer.add_outline_item(title=title, page_number=page)
        if reader is not None:           # a file's own bookmarks, under its entry
            _copy_outline(writer, reader, reader.outline, item, page)
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")
    if any(isinstance(part, Path) for _, part in parts):
        _no_ua_claim(writer, notice[0])
    writer._ID = ArrayObject([ByteStringObject(b"\0" * 16), ByteStringObject(b"\0" * 16)])
    out = io.BytesIO()
    writer.write(out)
    return _content_digest_id(out.getvalue())


def _no_ua_claim(writer, doc: m.Document) -> None:
    """Pages of another PDF (a map, a flyer) are inserted as they are: they are not in
    our structure tree, and whether they are accessible is not ours to say. The
    release keeps the tags of its own parts but does not declare PDF/UA-1."""
    from pypdf.generic import DecodedStreamObject, NameObject
    stream = DecodedStreamObject()
    stream.set_data(xmp_packet(doc.title, doc.author, doc.subject, doc.lang, ua=False))
    stream.update({NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")})
    writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)


def _copy_outline(writer, reader, entries, parent, offset: int) -> None:
    """The bookmarks of an attached file (titles and pages, nested as they were)."""
    last = None
    for entry in entries:
        if isinstance(entry, list):
            if last is not None:
                _copy_outline(writer, reader, entry, last, offset)
            continue
        try:
            page = reader.get_destination_page_number(entry)
        except Exception:                # a bookmark to no page of the file: left out
            continue
        if page is None or page < 0:
            continue
        last = writer.add_outline_item(title=str(entry.title), page_number=offset + page, parent=parent)


def _content_digest_id(pdf: bytes) -> bytes:
    """pypdf writes the zero /ID set above; replace it by a digest of the content
    (same length, so the offsets stay right)."""
    zero = b"<" + b"00" * 16 + b">"
    if pdf.count(zero) < 2:
        return content_id(pdf)
    digest = hashlib.md5(pdf).hexdigest().encode()
    return pdf.replace(zero, b"<" + digest + b">")
