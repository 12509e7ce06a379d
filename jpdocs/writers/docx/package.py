"""The package a document is written into: the house-styled reference document with
its page set up, footers and marks made, prepared once per process for each kind of
page and copied for every document.

Reading the styled reference (unzipping and parsing its parts) and making the footers
through python-docx were a third of a notice's DOCX; a batch's notices all start from
the same few pages. The copy is made as python-docx's own reading makes a package
(the same part classes, partnames, relationships and their order), from parts
parsed once, so the document written is the one a fresh read would give. Only the
document and its core properties are copied tree and all at once: the other XML
parts, which most documents leave as they are, are read from the prepared ones
when first asked for, and the styles a document adds are kept apart (parts.py).
"""
from __future__ import annotations

import io

import docx
from docx.document import Document
from docx.opc.part import XmlPart
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.parts.document import DocumentPart
from docx.parts.styles import StylesPart
from docx.shared import Length

from ...content import model as m
from ...spec.style import HouseStyle
from ..ooxml import qn
from ..ooxml_styles import no_stretch_before_breaks, per_style, set_page, styled_reference
from ..ooxml_zip import FIXED_TIME
from .page import cover_footer, write_footer, write_marks
from .parts import KeptStyles, KeptStylesPart, unread

_PREPARED: dict[tuple, tuple[Document, int, tuple]] = {}   # the prepared package, its text width, its copy plan
MAX_PREPARED = 32            # a few styles × kinds of page; beyond, the oldest goes
_STYLE_KEYS: dict[int, tuple[HouseStyle, str]] = {}   # id(style) → (style, its repr), the last few styles


def style_key(style: HouseStyle) -> str:
    """The style's repr (every field's value, nested), what the prepared packages
    are kept by (a house style is frozen, but not hashable), made once per style object."""
    return per_style(_STYLE_KEYS, style, repr)


def _prepare(style: HouseStyle, style_key: str, doc: m.Document, page_numbers: bool) -> Document:
    """The styled reference with an empty body, the page of `doc`'s kind and
    orientation, its footers and marks."""
    document = docx.Document(io.BytesIO(styled_reference(style_key, style)))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    no_stretch_before_breaks(document)
    section = document.sections[0]
    set_page(section, style, doc.orientation, doc.kind)
    if doc.kind == "annual":                        # the cover carries no number, the rest always do
        write_footer(document, section, style, True, conditional=False)
        section.different_first_page_header_footer = True
        section.first_page_footer.is_linked_to_previous = False
    elif doc.cover:                                 # an agreement's cover: unnumbered, the text from - 1 -
        cover_footer(document, section, style, page_numbers)
    elif not doc.fit_one_page:                      # the one-page overview sheet carries none
        write_footer(document, section, style, page_numbers)
    write_marks(section, style, doc.marks)
    # The core properties every document sets alike, and the ones each sets itself
    # (render_docx) made here in the order render_docx sets them, so that setting them
    # again leaves them in that order: the same core.xml as made afresh.
    # No spec gives keywords, a description (dc:description, Word's comments) or a
    # category: the reference's empty ones are removed, not left as blank fields that
    # validators and catalogue tools list.
    cp = document.core_properties
    for prop in ("title", "subject", "creator", "lastModifiedBy"):
        cp._element._get_or_add(prop).text = ""
    for prop in ("keywords", "description", "category"):
        element = getattr(cp._element, prop)
        if element is not None:
            cp._element.remove(element)
    cp.language = doc.lang
    cp.created = cp.modified = FIXED_TIME
    cp.revision = 1
    return document


def prepared(style: HouseStyle, doc: m.Document, page_numbers: bool) -> tuple[Document, int]:
    """A fresh copy of the prepared package for `doc` (its own parts: nothing a
    document writes reaches the kept one or another document), and the width of its
    text in twips."""
    key_of_style = style_key(style)
    footer = ("annual" if doc.kind == "annual" else "none" if doc.fit_one_page
              else ("cover", page_numbers) if doc.cover else page_numbers)
    key = (key_of_style, doc.kind, doc.orientation, footer, tuple((mark.text, mark.where) for mark in doc.marks or ()))
    kept = _PREPARED.get(key)
    if kept is None:
        document = _prepare(style, key_of_style, doc, page_numbers)
        section = document.sections[0]
        width = Length(section.page_width - section.left_margin - section.right_margin).twips
        if len(_PREPARED) >= MAX_PREPARED:
            del _PREPARED[next(iter(_PREPARED))]
        kept = _PREPARED[key] = (document, width, copy_plan(document))
    return copy_from(kept[2]), kept[1]


def copy_document(document: Document) -> Document:
    """A deep copy of a python-docx document (see copy_plan)."""
    return copy_from(copy_plan(document))


def copy_plan(document: Document) -> tuple:
    """What copying `document` takes, read once: its parts in python-docx's order, each
    with its class, name, content type and how it is copied (_how), the relationships
    of the package and of each part in their order, and its pictures. The plan holds
    the document's own trees: they must not change while it is used."""
    package = document.part.package
    parts = list(package.iter_parts())
    index = {part: i for i, part in enumerate(parts)}
    made = [(type(part), part.partname, part.content_type, *_how(part)) for part in parts]
    rels = [(-1 if source is package else index[source],
             [(rel.reltype, rel.target_ref if rel.is_external else index[rel.target_part], rel.rId, rel.is_external)
              for rel in source.rels.values()])
            for source in (package, *parts)]
    return type(package), made, rels, [index[image] for image in package.image_parts]


def copy_from(plan: tuple) -> Document:
    """A new document from a copy plan, built as python-docx's Unmarshaller builds one
    read from a file: each part made by its class's constructor (an XML part from a
    copy of its element tree instead of its parsed bytes), then the relationships
    loaded in their order; the package's pictures are the copies of the original's,
    in its order (what its after-unmarshal hook would gather; Part.after_unmarshal
    does nothing)."""
    package_class, made, rels, images = plan
    copy = package_class()
    parts = [_COPY[how](cls, name, content_type, payload, copy) for cls, name, content_type, how, payload in made]
    for source, source_rels in rels:
        target = copy if source < 0 else parts[source]
        for reltype, ref, rId, external in source_rels:
            target.load_rel(reltype, ref if external else parts[ref], rId, external)
    for image in images:
        copy.image_parts.append(parts[image])
    return copy.main_document_part.document


def _how(part) -> tuple:
    """How a part is copied, and from what: the document and its core properties,
    which every document changes, from their trees; the styles from what KeptStyles
    made of them; any other XML part unread (parts.py) until asked for; the rest
    (pictures, app.xml) from their bytes."""
    if isinstance(part, (DocumentPart, CorePropertiesPart)):
        return "tree", part.element
    if type(part) is StylesPart:
        return "styles", KeptStyles(part.element)
    if isinstance(part, XmlPart):
        return "unread", (part.element, part.blob)
    return "bytes", part.blob


_COPY = {
    # lxml's __copy__ copies the whole tree (without copy.deepcopy's own work)
    "tree": lambda cls, name, content_type, element, package: cls(name, content_type, element.__copy__(), package),
    "styles": lambda cls, name, content_type, kept, package: KeptStylesPart(name, content_type, kept, package),
    "unread": lambda cls, name, content_type, kept, package: unread(cls, name, content_type, *kept, package),
    "bytes": lambda cls, name, content_type, blob, package: cls.load(name, content_type, blob, package),
}
