"""The agreement's empty signature fields (pdf/sig_fields.py), written without
pyHanko, are what pyHanko's append_signature_field wrote with the fields tagged
as signing.py tagged them until 2026-12 (kept here as the reference): the two
files compared object by object, references matched as both are walked from
their trailers. On the seed agreement (reportlab's file, and pdfa.py's), and on
reportlab pages that carry a link already (/Annots in the page, or an object of
its own). A file the update cannot be made for safely is refused."""
from __future__ import annotations

import io

import pytest

from conftest import SEED_SPEC
from jpdocs.pdf.objects import parse_value, string_bytes
from jpdocs.pdf.sig_fields import add_signature_fields
from jpdocs.writers.flowables import SealBox


def pyhanko_fields(pdf: bytes, seals) -> bytes:
    """The fields as the build added them until 2026-12 (signing.py then)."""
    import hashlib
    import math
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    class Writer(IncrementalPdfFileWriter):
        def _update_meta(self):
            pass

    w = Writer(io.BytesIO(pdf))
    for seal in seals:
        x0, y0, x1, y1 = seal.box
        box = (math.floor(x0), math.floor(y0), math.ceil(x1), math.ceil(y1))
        append_signature_field(w, SigFieldSpec(seal.field, on_page=seal.page, box=box,
                                               readable_field_name=f"{seal.field}の署名欄",
                                               empty_field_appearance=False))
    root = w.root
    if "/StructTreeRoot" in root:
        tree = root["/StructTreeRoot"]
        pairs = tree["/IDTree"]["/Names"]
        forms = {}
        for i in range(0, len(pairs), 2):
            key = pairs[i]
            key = key.original_bytes if hasattr(key, "original_bytes") else bytes(key)
            forms[key[6:].decode("utf-8")] = pairs.raw_get(i + 1)
        fields = {str(f.get_object()["/T"]): f for f in root["/AcroForm"]["/Fields"]}
        parent_tree_ref = tree.raw_get("/ParentTree")
        nums = parent_tree_ref.get_object()["/Nums"]
        key = int(tree.get("/ParentTreeNextKey", 0))
        for seal in seals:
            widget_ref, elem_ref = fields[seal.field], forms[seal.field]
            widget, elem = widget_ref.get_object(), elem_ref.get_object()
            elem["/K"] = generic.DictionaryObject({
                generic.NameObject("/Type"): generic.NameObject("/OBJR"),
                generic.NameObject("/Obj"): widget_ref, generic.NameObject("/Pg"): widget.raw_get("/P")})
            elem["/Pg"] = widget.raw_get("/P")
            widget["/StructParent"] = generic.NumberObject(key)
            nums.extend([generic.NumberObject(key), elem_ref])
            key += 1
            w.mark_update(elem_ref)
            w.mark_update(widget_ref)
        tree["/ParentTreeNextKey"] = generic.NumberObject(key)
        w.mark_update(parent_tree_ref)
        w.mark_update(root.raw_get("/StructTreeRoot"))
    first = w.prev.trailer["/ID"][0]
    first = first.original_bytes if isinstance(first, generic.TextStringObject) else bytes(first)
    digest = hashlib.md5(pdf + repr([(s.field, s.page, s.box) for s in seals]).encode()).digest()
    w._document_id = generic.ArrayObject([generic.ByteStringObject(first), generic.ByteStringObject(digest)])
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def differences(old: bytes, new: bytes) -> list[str]:
    """Where two PDFs' object graphs differ, walked from their trailers (all but
    /Prev and /Size): references matched one to one as met; strings compared as
    their text, numbers as numbers, streams by their dictionary and data."""
    from pypdf import PdfReader
    from pypdf.generic import (ArrayObject, ByteStringObject, DictionaryObject, FloatObject, IndirectObject,
                               NumberObject, StreamObject, TextStringObject)
    ra, rb = PdfReader(io.BytesIO(old)), PdfReader(io.BytesIO(new))
    matched, taken, out = {}, set(), []

    def walk(a, b, path):
        if isinstance(a, IndirectObject) or isinstance(b, IndirectObject):
            if not (isinstance(a, IndirectObject) and isinstance(b, IndirectObject)):
                out.append(f"{path}: direct and indirect")
            elif a.idnum in matched:
                if matched[a.idnum] != b.idnum:
                    out.append(f"{path}: {a.idnum} matched {matched[a.idnum]} before, here {b.idnum}")
            elif b.idnum in taken:
                out.append(f"{path}: {b.idnum} matched to another object before")
            else:
                matched[a.idnum] = b.idnum
                taken.add(b.idnum)
                walk(a.get_object(), b.get_object(), f"{path}→{a.idnum}")
        elif isinstance(a, DictionaryObject) and isinstance(b, DictionaryObject):
            if set(a) != set(b):
                out.append(f"{path}: keys {sorted(set(a) ^ set(b))} in one only")
            for k in sorted(set(a) & set(b)):
                walk(a.raw_get(k), b.raw_get(k), f"{path}{k}")
            if isinstance(a, StreamObject) != isinstance(b, StreamObject) or (
                    isinstance(a, StreamObject) and a._data != b._data):
                out.append(f"{path}: stream data")
        elif isinstance(a, ArrayObject) and isinstance(b, ArrayObject) and len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b)):
                walk(x, y, f"{path}[{i}]")
        elif isinstance(a, (TextStringObject, ByteStringObject)) and isinstance(b, (TextStringObject,
                                                                                     ByteStringObject)):
            if str(a) != str(b):
                out.append(f"{path}: {a!r} vs {b!r}")
        elif isinstance(a, (NumberObject, FloatObject)) and isinstance(b, (NumberObject, FloatObject)):
            if float(a) != float(b):
                out.append(f"{path}: {a!r} vs {b!r}")
        elif type(a) is not type(b) or a != b:
            out.append(f"{path}: {a!r} vs {b!r}")

    for key in sorted((set(ra.trailer) | set(rb.trailer)) - {"/Prev", "/Size"}):
        if key not in ra.trailer or key not in rb.trailer:
            out.append(f"trailer {key} in one only")
        else:
            walk(ra.trailer.raw_get(key), rb.trailer.raw_get(key), f"trailer{key}")
    assert len(matched) > 10
    return out


@pytest.fixture(scope="module")
def seed_agreement():
    from jpdocs.build.documents import make_documents, style_for
    from jpdocs.spec.load import load_spec
    from jpdocs.writers.pdf import render_pdf_layout
    loaded = load_spec(SEED_SPEC)
    style = style_for(loaded)
    doc = next(d for d in make_documents(loaded, style) if d.kind == "agreement")
    data, seals, _ = render_pdf_layout(doc, style, forms=True)
    return doc, data, seals


@pytest.mark.parametrize("pdfa", [False, True])
def test_the_seed_agreements_fields_are_what_pyhanko_wrote(seed_agreement, pdfa):
    doc, data, seals = seed_agreement
    if pdfa:
        from jpdocs.pdf.pdfa import make_pdfa
        data = make_pdfa(data, doc)
    assert [s.field for s in seals] == ["甲", "乙"]
    ours = add_signature_fields(data, seals)
    assert ours.startswith(data) and ours == add_signature_fields(data, seals)
    assert differences(pyhanko_fields(data, seals), ours) == []


def reportlab_pages(link_on: int) -> bytes:
    """Two pages, a link on page `link_on` (reportlab writes /Annots in the page)."""
    from reportlab.pdfgen.canvas import Canvas
    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    for page in range(2):
        c.drawString(72, 720, f"page {page + 1}")
        if page == link_on:
            c.linkURL("https://example.org/", (72, 700, 200, 730))
        c.showPage()
    c.save()
    return buf.getvalue()


def annots_of_their_own(pdf: bytes) -> bytes:
    """The same file with each page's /Annots an object of its own (pypdf)."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, NameObject
    w = PdfWriter(clone_from=io.BytesIO(pdf))
    for page in w.pages:
        if "/Annots" in page:
            page[NameObject("/Annots")] = w._add_object(ArrayObject(page["/Annots"]))
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


@pytest.mark.parametrize("own", [False, True])
def test_fields_on_pages_with_a_link_are_what_pyhanko_wrote(own):
    pdf = reportlab_pages(link_on=1)
    if own:
        pdf = annots_of_their_own(pdf)
    seals = [SealBox("甲", 1, (400.2, 500.5, 462.2, 562.5)), SealBox("乙", 0, (400, 400, 462, 462)),
             SealBox("A", 1, (100, 100, 162.9, 162.1))]
    ours = add_signature_fields(pdf, seals)
    assert differences(pyhanko_fields(pdf, seals), ours) == []
    moved = [seals[0], seals[1], SealBox("A", 1, (101, 100, 162.9, 162.1))]
    assert any("/Rect[0]" in d for d in differences(pyhanko_fields(pdf, moved), ours))   # the comparison sees
    from pypdf import PdfReader
    page = PdfReader(io.BytesIO(ours)).pages[1]
    assert [a.get_object()["/Subtype"] for a in page["/Annots"]] == ["/Link", "/Widget", "/Widget"]
    assert page.raw_get("/Annots").__class__.__name__ == ("IndirectObject" if own else "ArrayObject")


def test_what_cannot_be_updated_safely_is_refused():
    pdf = reportlab_pages(link_on=0)
    seal = SealBox("甲", 0, (400, 400, 462, 462))
    with_fields = add_signature_fields(pdf, [seal])
    with pytest.raises(ValueError, match="has a form already"):
        add_signature_fields(with_fields, [SealBox("乙", 0, (300, 300, 362, 362))])
    with pytest.raises(ValueError, match="its own name"):
        add_signature_fields(pdf, [seal, seal])
    with pytest.raises(ValueError, match="without '.'"):
        add_signature_fields(pdf, [SealBox("甲.1", 0, (400, 400, 462, 462))])
    at = pdf.rindex(b"startxref")
    with pytest.raises(ValueError, match="no classic xref table"):
        add_signature_fields(pdf[:at] + b"startxref\n9\n%%EOF\n", [seal])


def test_the_reader_of_pdf_objects():
    value, end = parse_value(b"<</A [1 0 R 2 (a\\)b(c)) <41 42>]/B /N#20x/C<</D -1.5>>/E true>>rest", 0)
    assert value[b"/A"][0] == (1, 0) and value[b"/A"][1:] == [b"2", b"(a\\)b(c))", b"<41 42>"]
    assert value[b"/B"] == b"/N#20x" and value[b"/C"] == {b"/D": b"-1.5"} and value[b"/E"] == b"true"
    assert end == len(b"<</A [1 0 R 2 (a\\)b(c)) <41 42>]/B /N#20x/C<</D -1.5>>/E true>>")
    assert string_bytes(b"(field\\072\\347\\224\\262)") == "field:甲".encode()
    assert string_bytes(b"(a\\\nb\\(\\n)") == b"ab(\n" and string_bytes(b"<6669656C643A E794B>") == b"field:\xe7\x94\xb0"
