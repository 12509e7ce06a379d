"""Empty signature fields over the seal places, as our own incremental update.

reportlab has no API for /Sig fields, so they are added afterwards, appended to
the writer's bytes (or pdfa.py's) as an incremental update: what pyHanko's
append_signature_field wrote until 2026-12 (with empty_field_appearance=False),
dictionary by dictionary, but without importing pyHanko, cryptography and
asn1crypto (97 modules) for a few dictionaries: a cold build of the seed spec
(0.4 s) is ~20 ms faster, the fields take ~1 ms.
pyHanko still signs the fields (signing.py), as a further update of this file.

The update holds, for each seal place:
- a new object that is both the field and its widget (/FT /Sig, /T the name 甲,
  /TU 甲の署名欄: what a screen reader announces), over the seal place (/Rect:
  the seal's square rounded outwards), on its page (/P), flagged Print and
  Locked (/F 132, as pyHanko flags a visible field);
- its appearance: an empty form XObject, so the printed 印 shows through (the
  grey box pyHanko draws otherwise would hide it on screen and on paper);
and once: a new /AcroForm (/Fields, /SigFlags 1: the file has signature fields)
in a rewritten catalog; each page with a field rewritten with the widgets in
/Annots; for PDF/UA (tagged PDF), the Form element the writer left at the
seal's place in reading order (writers/tags.py; found by its ID field:NAME in
the structure tree's /IDTree) rewritten with the widget as its content (/K
OBJR), the widget given a /StructParent, the parent tree and the tree root
rewritten with the new keys; then an xref section for those objects and a
trailer whose /Prev is the file's own xref. The second /ID is a digest of the
content, so a rebuild is byte-identical.

Reading the file: only the objects changed or walked (trailer, catalog, page
tree, structure tree root, parent tree, Form elements) are parsed, with the
small parser of PDF objects in objects.py. reportlab and pypdf (pdfa.py) both write a
classic xref table and no object streams; a file otherwise made (an xref stream,
a form already there) is refused with an error, never given a wrong update.
"""
from __future__ import annotations

import hashlib
import math
import re

from .objects import PdfFile, Ref, string_bytes

# The widget's flags: Print (4) and Locked (128), pyHanko's for a visible field
# (and for an invisible one), 0b10000100.
WIDGET_FLAGS = 132


def add_signature_fields(pdf: bytes, seals) -> bytes:
    """One empty signature field per seal place (named after it: 甲, 乙 …), its
    widget exactly over the seal place, on the page where the place landed."""
    names = [s.field for s in seals]
    for name in names:
        # PDF joins the names of nested fields with "."; two fields of one name are one field
        if "." in name or names.count(name) > 1:
            raise ValueError(f"signature field name {name!r}: each seal place needs its own name, without '.'")
    f = PdfFile(pdf)
    root = f.get(f.root)
    if b"/AcroForm" in root:
        raise ValueError("the PDF has a form already: signature fields are added to the writer's file only")
    if _version(pdf[:16]) < (1, 7) and _version(f.get(root.get(b"/Version", b""))) < (1, 7):
        # As pyHanko did: reportlab's header says PDF 1.4, but the file uses later
        # features (a tagged PDF/UA-1 file is PDF 1.7, ISO 32000-1); pdfa.py's says 1.7.
        root[b"/Version"] = b"/1.7"
    pages = f.pages()
    fields, widgets = [], {}
    form = f.add({b"/Fields": fields, b"/SigFlags": b"1"})
    root[b"/AcroForm"] = form
    f.changed(f.root)
    for seal in seals:
        x0, y0, x1, y1 = seal.box
        box = (math.floor(x0), math.floor(y0), math.ceil(x1), math.ceil(y1))
        page = pages[seal.page]
        widget = {b"/FT": b"/Sig", b"/T": _text(seal.field), b"/Type": b"/Annot", b"/Subtype": b"/Widget",
                  b"/F": b"%d" % WIDGET_FLAGS, b"/Rect": [b"%d" % v for v in box], b"/P": page,
                  b"/TU": _text(f"{seal.field}の署名欄")}
        ref = f.add(widget)
        w, h = abs(box[2] - box[0]), abs(box[3] - box[1])
        if w and h:
            # pyHanko's empty appearance, its /BBox [0 h w 0] included (the same box)
            widget[b"/AP"] = {b"/N": f.add_raw(b"<</BBox [0 %d %d 0]/Resources <<>>/Type /XObject/Subtype /Form"
                                               b"/Length 0>>\nstream\n\nendstream" % (h, w))}
        fields.append(ref)
        widgets[seal.field] = ref, widget
        _add_annotation(f, page, ref)
    _tag_fields(f, widgets)
    digest = hashlib.md5(pdf + repr([(s.field, s.page, s.box) for s in seals]).encode()).digest()
    return f.update(digest)


def _add_annotation(f: PdfFile, page: Ref, annot: Ref) -> None:
    """The widget into the page's /Annots: the array's own object rewritten if it
    is one, otherwise the page (as pyHanko's register_annotation)."""
    page_obj = f.get(page)
    annots = page_obj.get(b"/Annots")
    if isinstance(annots, Ref):
        f.get(annots).append(annot)
        f.changed(annots)
        return
    page_obj.setdefault(b"/Annots", []).append(annot)
    f.changed(page)


def _tag_fields(f: PdfFile, widgets: dict) -> None:
    """Each new widget into the structure tree (PDF/UA): the Form element the PDF
    writer left at the seal's place in reading order (its /T is the field's name,
    its /ID field:NAME in the tree's IDTree) gets the widget as its object
    reference, the widget a /StructParent, the parent tree the element under it."""
    root = f.get(f.root)
    tree_ref = root.get(b"/StructTreeRoot")
    if tree_ref is None:
        return
    tree = f.get(tree_ref)
    forms = {}
    pairs = f.get(f.get(tree.get(b"/IDTree", {})).get(b"/Names", []))
    for i in range(0, len(pairs) - 1, 2):     # the writer gives each Form element the ID field:NAME
        key = string_bytes(pairs[i])
        if key.startswith(b"field:"):
            forms[key[6:].decode("utf-8")] = pairs[i + 1]
    parent_ref = tree[b"/ParentTree"]
    parent = f.get(parent_ref)
    if b"/Nums" not in parent:
        raise ValueError("the structure tree's parent tree is not one flat /Nums array (the writer's)")
    nums = f.get(parent[b"/Nums"])
    key = int(tree.get(b"/ParentTreeNextKey", b"0"))
    for name, (widget_ref, widget) in widgets.items():
        elem_ref = forms.get(name)
        if elem_ref is None:
            continue
        elem = f.get(elem_ref)
        elem[b"/K"] = {b"/Type": b"/OBJR", b"/Obj": widget_ref, b"/Pg": widget[b"/P"]}
        elem[b"/Pg"] = widget[b"/P"]
        widget[b"/StructParent"] = b"%d" % key
        nums.extend([b"%d" % key, elem_ref])
        key += 1
        f.changed(elem_ref)
    tree[b"/ParentTreeNextKey"] = b"%d" % key
    for ref in (parent_ref, parent[b"/Nums"], tree_ref):
        if isinstance(ref, Ref):
            f.changed(ref)


def _version(text: bytes) -> tuple[int, int]:
    """The PDF version in a header (%PDF-1.4) or a catalog's /Version (/1.7); (0, 0) if none."""
    m = re.match(rb"(?:%PDF-|/)(\d+)\.(\d+)", text)
    return (int(m[1]), int(m[2])) if m else (0, 0)


def _text(s: str) -> bytes:
    """A PDF text string: plain ASCII as it is, else UTF-16BE with its byte order mark."""
    if s.isascii() and s.isprintable():
        return b"(" + re.sub(rb"([()\\])", rb"\\\1", s.encode("ascii")) + b")"
    return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode("ascii") + b">"


# ---- the file: its xref table, its objects, the update

