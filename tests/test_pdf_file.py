"""pdffile.py writes a canvas's PDF as reportlab's own PDFDocument.format writes it.

Real documents (the seed spec's notice, overview sheet, agreement and release, date-
shifted and text-varied notices, real specs' agreements, an annual book with its
links and bookmarks) are built once with the fast writer and once with reportlab's
(the same process, so the same caches) and compared byte for byte; and objects of
the kinds the fast writer leaves to reportlab, or writes only in their plain form,
are written both ways."""
from __future__ import annotations

import re
import sys
from collections import OrderedDict
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfdoc

from conftest import ROOT, SEED_SPEC

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402


@pytest.fixture
def ways(monkeypatch):
    """`ways(build)`: build() with the fast writer, then with reportlab's; both
    results, and how many documents each writer wrote."""
    from jpdocs.writers import pdffile
    plain = pdffile._plain
    count = {"fast": 0, "reportlab": 0}

    def run(build):
        def fast_way(doc):
            ok = plain(doc)
            count["fast"] += ok
            return ok

        def reportlabs_way(doc):
            count["reportlab"] += 1
            return False
        monkeypatch.setattr(pdffile, "_plain", fast_way)
        fast = build()
        monkeypatch.setattr(pdffile, "_plain", reportlabs_way)
        theirs = build()
        return fast, theirs, dict(count)
    return run


def _pdfs(root) -> dict:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.pdf"))}


def test_built_documents_are_the_bytes_reportlab_writes(tmp_path, ways):
    from jpdocs.build import batch
    specs = [SEED_SPEC, *write_specs(tmp_path / "specs", spread_dates(5, seed=31), notice_only=True)]
    specs += sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml")
                    if not p.name.endswith(".facts.yaml"))[:4]
    batch._init_worker(("pdf",), None)
    runs = iter(range(2))

    def build():
        out = tmp_path / f"out{next(runs)}"
        for spec in specs:
            res = batch.build_one(str(spec), str(out), ("pdf",), None, force=True)
            assert res.status == "built", res.problems
        return _pdfs(out)
    fast, theirs, count = ways(build)
    assert len(fast) >= len(specs) + 3 and fast.keys() == theirs.keys()
    for name in fast:
        assert fast[name] == theirs[name], name
    # every document went the fast way once and reportlab's once
    assert count["fast"] == count["reportlab"] >= len(fast)


def test_the_annual_book_is_the_bytes_reportlab_writes(ways):
    from jpdocs.annual.pdf import render_annual_pdf
    from jpdocs.annual.rows import annual_files
    from jpdocs.annual.book import select
    from jpdocs.spec.style import load_style
    office = ROOT / "tests" / "data" / "annual" / "mukawa-r6"
    style = load_style(office / "style.yaml")
    files, _ = annual_files([office / "specs"])
    fast, theirs, count = ways(lambda: render_annual_pdf(2024, select(files, 2024, style), style))
    assert b"/Annots" in fast and b"/Outlines" in fast      # links and bookmarks: reportlab's objects
    assert fast == theirs
    assert count["fast"] >= 1 and count["reportlab"] >= 1



def test_pages_written_directly_are_the_bytes_reportlab_writes(tmp_path, ways, monkeypatch):
    """pdffile._page (and _root, _pages_tree: the catalog, the pages tree) write the usual
    page itself and leave the others to _catalog: the
    seed's agreement (its signature fields added to the file after), its release and
    notice, plain and PDF/A (pdfa.py rewrites the file reportlab's writer made), are
    the bytes reportlab writes; and its own way was taken (pages written by it), so
    the comparison is of the two ways, not of reportlab's twice."""
    from jpdocs.build import batch
    from jpdocs.writers import pdffile
    pages = {"written": 0, "left": 0}         # by the fast writer; left by _page to _catalog
    catalog, page_way = pdffile._catalog, pdffile._page

    def left(obj, doc):
        pages["left"] += type(obj) in (pdfdoc.PDFPage, pdfdoc.PDFPages, pdfdoc.PDFCatalog)
        return catalog(obj, doc)

    def written(page, doc):
        pages["written"] += 1
        return page_way(page, doc)
    monkeypatch.setattr(pdffile, "_catalog", left)
    monkeypatch.setitem(pdffile._OBJECTS, pdfdoc.PDFPage, written)
    batch._init_worker(("pdf",), None)
    runs = iter(range(2))

    def build():
        out = tmp_path / f"out{next(runs)}"
        for pdfa in (False, True):
            res = batch.build_one(str(SEED_SPEC), str(out / str(pdfa)), ("pdf",), None, force=True,
                                  extra={"pdfa": pdfa})
            assert res.status == "built", res.problems
        return _pdfs(out)
    fast, theirs, _ = ways(build)
    assert fast.keys() == theirs.keys()
    names = {name.split("/")[-1] for name in fast}
    assert {"agreement.pdf", "release.pdf", "press-notice.pdf"} <= names
    assert any(b"/AcroForm" in data for name, data in fast.items() if name.startswith("False/"))
    assert any(b"/OutputIntents" in data for name, data in fast.items() if name.startswith("True/"))
    for name in fast:
        assert fast[name] == theirs[name], name
    # every page, catalog and pages tree of the fast build written its own way (the seed's
    # documents: 6 pages)
    assert pages["written"] >= 2 * 6 and pages["left"] == 0


def test_an_unusual_page_is_reportlabs(monkeypatch):
    """A page _page does not write itself (annotations, a crop box, a form's XObject, a
    duration, its own resources) goes through _catalog and comes out as reportlab's."""
    from reportlab.pdfgen import canvas
    from jpdocs.writers.pdffile import FastDocument
    import io

    def written(kind):
        c = canvas.Canvas(io.BytesIO(), invariant=1)
        c.drawString(10, 10, "plain")
        c.showPage()
        c.setPageRotation(90)                 # (written by _page: its box turned)
        c.drawString(10, 10, "turned")
        c.showPage()
        c.setPageRotation(0)
        c.setPageDuration(3)
        c.showPage()
        c.setPageDuration(None)
        c.linkURL("https://example.jp/", (10, 10, 50, 50))
        c.showPage()
        c.beginForm("f")
        c.rect(0, 0, 5, 5)
        c.endForm()
        c.doForm("f")
        c.showPage()
        c.setCropBox((10, 10, 500, 700))
        c.drawString(10, 10, "last")
        c._doc.__class__ = kind
        return c.getpdfdata()
    ours, theirs = written(FastDocument), written(pdfdoc.PDFDocument)
    assert b"/CropBox" in ours and b"/Annots" in ours and b"/XObject" in ours and b"/Dur 3" in ours
    assert b"/MediaBox [ 0 0 841.8898 595.2756 ] /Parent" in ours and b"/Rotate 90" in ours   # (turned)
    assert ours == theirs

def _objects(doc) -> None:
    """Objects of every kind the writer meets, in their plain and their odd forms."""
    ref_only = pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("Font"), "N": 2})
    ref_only.__RefOnly__ = 1                  # (as reportlab's forms mark their fonts)
    forced = pdfdoc.PDFDictionary({"A": 1, "B": [1, 2]})
    forced.multiline = "forced"
    long_array = pdfdoc.PDFArray([i * 0.25 for i in range(23)] + [True, None, b"raw", "/N"])
    stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"Type": "/XObject"}), "q 1 0 0 1 0 0 cm Q\n",
                              filters=[pdfdoc.PDFBase85Encode, pdfdoc.PDFZCompress])
    bare = pdfdoc.PDFStream(content=b"raw stream")
    doc.Reference(pdfdoc.PDFDictionary({
        "Keys": OrderedDict([("Z", 1), ("A", 2.5), ("M", -0.0)]),
        "Ordered": pdfdoc.PDFDictionary(OrderedDict([("Z", 1), ("A", 2)])),
        "RefOnly": ref_only, "Forced": forced, "Long": long_array, "Empty": pdfdoc.PDFDictionary(),
        "Compact": pdfdoc.PDFArrayCompact(list(range(12))), "Stream": stream, "Bare": bare,
        "Strings": pdfdoc.PDFArray([pdfdoc.PDFString("plain (text)"), pdfdoc.PDFString("日本語"),
                                    pdfdoc.PDFString(b"\xfe\xff\x00A"), pdfdoc.PDFString("raw", enc="raw"),
                                    pdfdoc.PDFString("no escape (a)\\", escape=0)]),
        "Date": pdfdoc.PDFDate(ts=doc._timeStamp),
        "OwnDate": pdfdoc.PDFDate(ts=doc._timeStamp, dateFormatter=lambda y, *rest: f"D:{y}"),
        "Names": pdfdoc.PDFArray([pdfdoc.PDFName("a b#"), "true", 10 ** 12, 1e-7]),
        "Many": pdfdoc.PDFDictionary({f"K{i}": i for i in range(14)}),
        "Name with space": 1, "LongText": "x" * 600, "LongString": pdfdoc.PDFString("長い題名" * 200),
    }), "Odd")
    doc.Reference(pdfdoc.PDFArray([1, 2, 3]), "TopArray")
    doc.Reference(stream, "TopStream")
    doc.info.title = "題名 (title)"
    doc.info.author = b"bytes author"
    doc.info._dateFormatter = lambda y, mo, d, *rest: f"D:{y}-{mo}-{d}"
    doc.Catalog.PageLayout = pdfdoc.PDFName("OneColumn")
    # the catalog's entries: a new object (registered by the catalog), a reference to a
    # registered one, a registered object itself (pdffile._registered's three ways)
    doc.Catalog.OpenAction = pdfdoc.PDFArray([0, pdfdoc.PDFName("Fit")])
    doc.Catalog.Threads = pdfdoc.PDFObjectReference("TopArray")
    doc.Catalog.Names = doc.idToObject["Odd"]


def test_odd_objects_are_written_as_reportlab_writes_them():
    from jpdocs.writers.pdffile import FastDocument

    def written(kind):
        doc = kind(invariant=1, lang="ja-JP", dummyoutline=1)
        _objects(doc)
        return doc.format()
    ours, theirs = written(FastDocument), written(pdfdoc.PDFDocument)
    assert re.search(rb"/RefOnly \d+ 0 R", theirs)      # (written as a reference to it)
    assert ours == theirs


def test_a_document_reportlab_would_write_otherwise_is_left_to_reportlab(monkeypatch):
    from reportlab import rl_config
    from jpdocs.writers import pdffile
    monkeypatch.setattr(rl_config, "pdfComments", 1)
    monkeypatch.setattr(rl_config, "invariant", 0)
    assert not pdffile._plain(pdffile.FastDocument(invariant=1))


def test_objects_registered_at_once_are_numbered_as_reportlab_numbers_them():
    """pdffile.register gives the numbers, maps and names doc.Reference gives one by one,
    for a run of bytes (the structure elements) and for objects; where Reference would
    do something else (a name taken), it is Reference's doing."""
    from jpdocs.writers.pdffile import register

    def made(at_once, objects):
        doc = pdfdoc.PDFDocument(invariant=1)
        doc.Reference(pdfdoc.PDFDictionary({"A": 1}), "first")
        names = ["a", "b", "c"][:len(objects)]
        if at_once:
            refs = register(doc, objects, names)
        else:
            refs = [pdfdoc.format(doc.Reference(o, n), doc).decode() for o, n in zip(objects, names)]
        return refs, doc.objectcounter, doc.idToObjectNumberAndVersion, doc.numberToId, \
            [getattr(o, "__InternalName__", None) for o in objects], [o if type(o) is bytes else type(o) for o in map(doc.idToObject.get, names)], \
            "jp_runs" in doc.__dict__
    for objects in (lambda: [b"1", b"2", b"[3]"], lambda: [pdfdoc.PDFDictionary({"B": 2}), pdfdoc.PDFArray([3])],
                    lambda: [b"1"]):
        ours, theirs = made(True, objects()), made(False, objects())
        assert ours[:-1] == theirs[:-1] and ours[-1] == (type(objects()[0]) is bytes) and not theirs[-1]

    doc = pdfdoc.PDFDocument(invariant=1)
    taken = pdfdoc.PDFArray([1])
    doc.Reference(taken, "b")
    n = doc.objectcounter
    assert register(doc, [b"a", taken], ["a", "b"]) == [f"{n + 1} 0 R", f"{n} 0 R"]   # (Reference's)
    assert "jp_runs" not in doc.__dict__
    with pytest.raises(ValueError, match="redefining"):
        register(doc, [b"other"], ["b"])
    mixed = [b"<<>>", pdfdoc.PDFArray([2])]                # (bytes among objects: Reference's, one by one)
    m = doc.objectcounter
    assert register(doc, mixed, ["c", "d"]) == [f"{m + 1} 0 R", f"{m + 2} 0 R"]
    assert doc.idToObject["c"] is mixed[0] and mixed[1].__InternalName__ == "d" and "jp_runs" not in doc.__dict__


def test_references_and_object_heads_spelled_once_are_reportlabs():
    """The references and object heads pdffile.py keeps per process (and spells anew
    past _SPELLED, or with a version but 0) are reportlab's spelling; a file with an
    object of another version has its cross-reference entry written as reportlab's."""
    from jpdocs.writers import pdffile
    for first, count in [(1, 3), (5, 1), (2, 40), (pdffile._SPELLED - 2, 5)]:
        assert pdffile.references(first, count) == [f"{n} 0 R" for n in range(first, first + count)]
    assert [pdffile._head(n, 0) for n in (1, 9, 10, 99, pdffile._SPELLED + 1)] == \
        [b"%d 0 obj\n" % n for n in (1, 9, 10, 99, pdffile._SPELLED + 1)]
    assert pdffile._head(7, 2) == b"7 2 obj\n"

    def written(fast):
        import io

        from reportlab.pdfgen.canvas import Canvas
        out = io.BytesIO()
        canv = Canvas(out, invariant=1)
        canv.drawString(10, 10, "x")
        canv.showPage()
        doc = canv._doc
        if fast:
            doc.__class__ = pdffile.FastDocument
        doc.Reference(pdfdoc.PDFDictionary({"A": 1}), "first")
        doc.idToObjectNumberAndVersion["first"] = (doc.idToObjectNumberAndVersion["first"][0], 3)
        canv.save()
        return out.getvalue()
    assert b" 00003 n " in written(True) and written(True) == written(False)


IPAMJ = Path("/usr/share/fonts/truetype/ipamj/ipamjm.ttf")


def test_a_fallback_fonts_character_beyond_ffff_reads_back(tmp_path):
    """A character drawn from a fallback font (IPAmj明朝, when installed: 61,179
    glyphs, CIDs near the top of the two bytes) is embedded in its own Type0 font and
    read back as written (a surrogate pair in ToUnicode)."""
    if not IPAMJ.is_file():
        pytest.skip("IPAmj明朝 not installed")
    from jpdocs.build import batch
    rare = tmp_path / "rare.yaml"
    rare.write_text(SEED_SPEC.read_text(encoding="utf-8").replace("name: 道下", "name: 𠮷田", 1), encoding="utf-8")
    style = tmp_path / "style.yaml"
    style.write_text(f"fallback_fonts: [{IPAMJ}]\n", encoding="utf-8")
    batch._init_worker(("pdf",), None)
    res = batch.build_one(str(rare), str(tmp_path / "out"), ("pdf",), str(style), force=True)
    assert res.status == "built", res.problems
    pdf = tmp_path / "out" / "rare" / "press-notice.pdf"
    data = pdf.read_bytes()
    assert b"IPAmjMincho" in data
    from pypdf import PdfReader
    assert "𠮷田" in "".join(p.extract_text() for p in PdfReader(pdf).pages)


@pytest.mark.parametrize("text", ["", "/FlateDecode", "true", "a" * 600, "~>z!!" * 200, "café", "é" * 600,
                                  "\x18", "page\x1f" * 200, "日本", "\x7f", "\t\n\r",
                                  "(a) \\ b)", "𠮷田", "Œ€‘’", "令和８年度 (案)"])
def test_text_is_encoded_as_reportlab_encodes_it(text):
    """A str in a file: the fast writer's ASCII shortcut, and its memory of short
    ones, give pdfdoc.format's bytes, or its error (extpdfdoc has no byte for some
    ASCII controls, and none for most of Unicode)."""
    from jpdocs.writers import pdffile
    doc = pdfdoc.PDFDocument(invariant=1)

    def both(write):
        try:
            return write(text, doc)
        except UnicodeEncodeError as exc:
            return type(exc)
    theirs = both(pdfdoc.format)
    assert both(pdffile.value) == theirs
    assert both(pdffile.value) == theirs           # (remembered)
    assert both(lambda t, d: pdffile._string(pdfdoc.PDFString(t), d)) == pdfdoc.PDFString(text).format(doc)


def test_a_run_of_preformatted_objects_is_written_as_reportlab_writes_it():
    """Objects registered together as their bytes (the structure elements) are written
    at once (pdffile._run): the same bytes and cross-reference offsets as reportlab's
    writer, an object whose bytes end a line included."""
    import io

    from reportlab.pdfgen.canvas import Canvas
    from jpdocs.writers import pdffile

    def written(fast):
        out = io.BytesIO()
        canv = Canvas(out, invariant=1)
        canv.drawString(10, 10, "x")
        canv.showPage()
        doc = canv._doc
        objects = [b"<</A %d>>" % k for k in range(5)]
        objects[2] = b"[ 1 2 ]\n"
        refs = pdffile.register(doc, objects, [f"run{k}" for k in range(5)])
        doc.Reference(pdfdoc.PDFArray([pdfdoc.PDFObjectReference("run0"), pdfdoc.PDFObjectReference("run4")]),
                      "after")
        if fast:
            doc.__class__ = pdffile.FastDocument
            assert list(doc.jp_runs.values())[0][0] == [f"run{k}" for k in range(5)]
        canv.save()
        return refs, out.getvalue()
    ours, theirs = written(True), written(False)
    assert ours == theirs and b"[ 1 2 ]\nendobj\n" in ours[1] and b"<</A 4>>\nendobj\n" in ours[1]


@pytest.mark.parametrize("fields", [
    {},
    {"subject": "", "keywords": ""},
    {"subject": "件名 (subject)", "keywords": "鍵, words"},
    {"title": "長い題名" * 200, "author": b"bytes author", "creator": "", "trapped": "True"},
    {"subject": "s", "dateFormatter": lambda y, mo, d, *rest: f"D:{y}-{mo}-{d}"},
])
def test_the_info_dictionary_is_written_as_its_entries_are(fields):
    """pdffile._info writes Info's entries without making reportlab's objects of them:
    the bytes reportlab's PDFDictionary of the same entries writes (Info.format), with
    and without a subject and keywords, a long title, bytes, and a date formatter (the
    general way)."""
    from jpdocs.writers.pdffile import FastDocument, Info, _info
    doc = FastDocument(invariant=1)
    info = doc.info
    info.__class__ = Info
    for key, value in fields.items():
        setattr(info, "_dateFormatter" if key == "dateFormatter" else key, value)
    written = _info(info, doc)
    assert written == info.format(doc)
    assert (b"/Subject" in written) == bool(info.subject) and (b"/Keywords" in written) == bool(info.keywords)
