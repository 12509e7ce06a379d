"""The DOCX writer's shortcuts give what the long way gives, on real documents: the
parts of a prepared package's copy left unread until asked for and the styles part
whose added styles, and prepared styles changed, are spliced into the prepared XML
(writers/docx/parts.py).

The long way is the same writer on a copy whose every part was read (its tree
copied from the prepared one) before anything was written: the styles looked up
in, added to and serialised from the whole tree, as before the shortcut."""
from __future__ import annotations

import sys

import pytest
from docx.opc.part import XmlPart
from lxml import etree

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402

REAL = ROOT / "tests" / "data" / "real"


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """(document, style) of the bundled and real specs (notices, overview sheets,
    agreements with Word's article numbering) and of varied notices, and the annual
    book of the varied ones (its landscape section)."""
    from jpdocs.annual.blocks import docx_document
    from jpdocs.annual.rows import select
    from jpdocs.build.documents import make_documents, style_for
    from jpdocs.spec.load import load_spec
    from jpdocs.spec.style import load_style
    from jpdocs.writers.geometry import text_margins
    from reportlab.lib.pagesizes import A4
    varied = write_specs(tmp_path_factory.mktemp("varied"), spread_dates(12, seed=11), seed=11)
    specs = sorted((ROOT / "specs").glob("*.yaml")) + sorted(p for p in REAL.glob("*.yaml")
                                                            if not p.name.endswith(".facts.yaml")) + varied
    out = []
    for spec in specs:
        loaded = load_spec(str(spec))
        style = style_for(loaded)
        out += [(doc, style) for doc in make_documents(loaded, style)]
    style = load_style()
    text = text_margins(style, "annual")
    out.append((docx_document(2023, select(varied, 2023, style), style, A4[1] - text["left"] - text["right"]), style))
    return out


def _every_part_read(prepared):
    def reading(*args):
        document, width = prepared(*args)
        for part in document.part.package.iter_parts():
            if isinstance(part, XmlPart):
                part.element                           # the tree copied now: the long way
        return document, width
    return reading


def test_parts_left_unread_give_the_bytes_of_parts_read(documents, monkeypatch):
    import jpdocs.writers.docx as writer
    from jpdocs.writers.docx.parts import KeptStylesPart
    real_bytes = writer.document_bytes
    seen = []

    def recording(document):
        styles = document.part._styles_part
        seen.append((isinstance(styles, KeptStylesPart) and "_element" not in styles.__dict__,
                     bool(getattr(styles, "_added", None)), bool(getattr(styles, "_changed", None))))
        return real_bytes(document)
    fast = []
    monkeypatch.setattr(writer, "document_bytes", recording)
    for doc, style in documents:
        fast.append(writer.render_docx(doc, style))
    shortcuts = list(seen)
    monkeypatch.setattr(writer, "prepared", _every_part_read(writer.prepared))
    for (doc, style), made in zip(documents, fast):
        assert writer.render_docx(doc, style) == made, doc.title
    # the shortcuts were taken: styles added spliced (notices), and prepared styles
    # changed spliced in their places (a notice's 見出し its next, an agreement's
    # 条見出し its numbering), where the whole tree was read before
    assert sum(unread and added for unread, added, _ in shortcuts) >= 20
    assert sum(unread and changed for unread, _, changed in shortcuts) >= 100
    assert sum(unread and changed for (unread, _, changed), (doc, _) in zip(shortcuts, documents)
               if doc.kind == "agreement") >= 15         # (18: those Word numbers, or whose next changed)
    assert not any(unread for unread, *_ in seen[len(shortcuts):])


def test_kept_styles_answer_as_the_whole_tree(documents):
    """find, names and spacing of a copy's styles part, unread, with styles added
    (as styles.py and paragraphs.py add them), are those of the whole tree."""
    from jpdocs.writers.docx import package
    from jpdocs.writers.docx.parts import KeptStylesPart, Stylesheet
    from jpdocs.writers.ooxml import qn
    doc, style = next((d, s) for d, s in documents if d.kind == "press-notice")
    document, _ = package.prepared(style, doc, True)
    kept = document.part._styles_part
    assert isinstance(kept, KeptStylesPart)
    st = kept.new_style(type="paragraph", styleId="body-1")
    etree.SubElement(st, qn("w:name")).set(qn("w:val"), "本文（字下げ）")
    etree.SubElement(st, qn("w:basedOn")).set(qn("w:val"), "body")
    other = etree.fromstring(etree.tostring(kept.find("title")))
    other.set(qn("w:styleId"), "title-mincho")
    other.find(qn("w:name")).set(qn("w:val"), "表題（明朝）")
    kept.add(other)
    changed = kept.own("heading")                      # a prepared style changed (next_styles.py): a copy
    changed.find(qn("w:next")).set(qn("w:val"), "body-1")
    assert kept.own("heading") is changed is kept.find("heading") is not kept._facts.by_id["heading"]
    ids = [s.get(qn("w:styleId")) for s in kept._facts.element.iterchildren(qn("w:style"))] + ["body-1", "title-mincho"]
    answers = (kept.names(), {i: kept.spacing(i) for i in ids}, {i: etree.tostring(kept.find(i)) for i in ids},
               kept.blob)
    assert "_element" not in kept.__dict__ and "本文（字下げ）" in answers[0] and "表題（明朝）" in answers[0]
    heading = answers[3][answers[3].index(b'w:styleId="heading"'):]
    assert b'<w:next w:val="body-1"/>' in answers[2]["heading"] and b'<w:next w:val="body-1"/>' in \
        heading[:heading.index(b"</w:style>")]                 # spliced in its place
    assert answers[1]["body-1"] == answers[1]["body"] != {}
    whole = Stylesheet(kept.element)                   # read now: the added styles moved into the tree
    assert (whole.names(), {i: whole.spacing(i) for i in ids}, {i: etree.tostring(whole.find(i)) for i in ids},
            kept.blob) == answers
    assert [s.get(qn("w:styleId")) for s in kept.element.iterchildren(qn("w:style"))][-2:] == ["body-1", "title-mincho"]


def test_a_copy_changing_its_parts_leaves_the_prepared_ones(documents, monkeypatch):
    """Parts read and changed in a copy (the styles and numbering of an agreement,
    the styles a notice adds) change nothing in the prepared package, nor in the
    next copy. (Every package kept: the real cases' house styles are more than the
    cache holds, and the first ones prepared would otherwise be gone to compare.)"""
    from jpdocs.writers.docx import package, render_docx
    monkeypatch.setattr(package, "MAX_PREPARED", 10_000)
    for doc, style in documents[:6]:
        render_docx(doc, style)
    kept = {key: {p.partname: p.blob for p in doc.part.package.parts} for key, (doc, *_) in package._PREPARED.items()}
    for doc, style in documents:
        render_docx(doc, style)
    assert {key: {p.partname: p.blob for p in doc.part.package.parts}
            for key, (doc, *_) in package._PREPARED.items() if key in kept} == kept
    for key, (doc, _, plan) in package._PREPARED.items():
        copy = package.copy_from(plan)
        assert {p.partname: p.blob for p in copy.part.package.parts} == {p.partname: p.blob for p in
                                                                        doc.part.package.parts}


def _put_the_long_way(parent, tag, order, **attrs):
    """ooxml.put as it was: find, remove, append, then move before the first later child."""
    from lxml.etree import SubElement
    from jpdocs.writers.ooxml import _ranks, _w_attrs, w
    name = w(tag)
    for old in parent.findall(name):
        parent.remove(old)
    ranks = _ranks(order)
    new = SubElement(parent, name, _w_attrs(attrs))
    for child in parent:
        if ranks.get(child.tag, -1) > ranks[name]:
            child.addprevious(new)
            break
    return new


def test_put_and_the_properties_found_as_python_docx_and_the_long_way_do(documents):
    """put (one pass over the children), ppr_of and trpr_of give the XML the long way
    (python-docx's get_or_add_pPr / get_or_add_trPr) gives, on every paragraph and
    row of real documents, for every property (also one the paragraph already has)
    and on rows with a tblPrEx."""
    import io
    import zipfile
    from docx.oxml import parse_xml
    from jpdocs.writers.docx import render_docx
    from docx.oxml.ns import nsmap
    from jpdocs.writers.ooxml import PPR, TRPR, el, ppr_of, put, trpr_of
    W = f"{{{nsmap['w']}}}"
    checked = 0
    for doc, style in documents[::4]:
        body = parse_xml(zipfile.ZipFile(io.BytesIO(render_docx(doc, style))).read("word/document.xml"))
        for p in list(body.iter(f"{W}p"))[:12]:
            for tag in ("keepNext", "keepLines", "spacing", "tabs", "numPr", "outlineLvl", "rPr", "pStyle"):
                fast, slow = p.__copy__(), p.__copy__()
                put(ppr_of(fast), tag, PPR, val=1)
                _put_the_long_way(slow.get_or_add_pPr(), tag, PPR, val=1)
                assert etree.tostring(fast) == etree.tostring(slow)
                checked += 1
        for tr in body.iter(f"{W}tr"):
            for with_ex in (False, True):
                fast, slow = tr.__copy__(), tr.__copy__()
                if with_ex:
                    for row in (fast, slow):
                        row.insert(0, el("tblPrEx"))
                put(trpr_of(fast), "cantSplit", TRPR)
                _put_the_long_way(slow.get_or_add_trPr(), "cantSplit", TRPR)
                assert etree.tostring(fast) == etree.tostring(slow)
                checked += 1
    assert checked > 500


def test_the_parts_walked_are_python_docxs(documents, monkeypatch):
    """package_parts (the walk over the parts that have relationships) gives python-
    docx's package.parts, part for part in its order, on the copies documents are
    written into (their pictures, numbering and footers too) and on a package read
    from a file."""
    import io
    import docx
    import jpdocs.writers.docx as writer
    from jpdocs.writers.ooxml_zip import package_parts
    walked = []
    real_bytes = writer.document_bytes

    def both(document):
        package = document.part.package
        walked.append([id(p) for p in package_parts(package)])
        made = real_bytes(document)
        walked.append([id(p) for p in package.parts])
        read = docx.Document(io.BytesIO(made)).part.package
        walked.append(([id(p) for p in package_parts(read)], [id(p) for p in read.parts]))
        return made
    monkeypatch.setattr(writer, "document_bytes", both)
    for doc, style in documents[::3]:
        writer.render_docx(doc, style)
    assert len(walked) > 60
    for ours, theirs, (read_ours, read_theirs) in zip(walked[::3], walked[1::3], walked[2::3]):
        assert ours == theirs and len(ours) >= 8
        assert read_ours == read_theirs


def test_an_items_tab_stop_made_with_its_paragraph_is_the_one_put_after(documents, monkeypatch):
    """An item's tab stop is made with its paragraph (and kept with it: paragraphs.para),
    not put on the paragraph made without it: the same documents, byte for byte."""
    import jpdocs.writers.docx as writer
    from jpdocs.writers.docx import blocks
    from jpdocs.writers.ooxml import PPR, ppr_of, put, sub
    real_para, tabs = blocks.para, []

    def put_after(box, ctx, name, inlines, *, tab=None, **kw):
        p = real_para(box, ctx, name, inlines, **kw)
        if tab is not None:                         # as _item put it after the paragraph was made
            tabs.append(tab)
            sub(put(ppr_of(p), "tabs", PPR), "tab", val="left", pos=tab)
        return p
    fast = [writer.render_docx(doc, style) for doc, style in documents]
    monkeypatch.setattr(blocks, "para", put_after)
    assert [writer.render_docx(doc, style) for doc, style in documents] == fast
    assert len(tabs) > 100


def test_indent_styles_followed_from_a_kept_plan_give_the_bytes_of_the_whole_pass(documents, monkeypatch):
    """The indent pass's kept plans (writers/docx/styles.py _PLANS) give every document
    the bytes the whole pass gives it: each document written twice with plans kept (the
    second time its own plan is there to follow), then with none made; and the plans
    were followed, for notices, not for an agreement whose levels Word numbers."""
    import jpdocs.writers.docx as writer
    from jpdocs.writers.docx import styles
    followed = []
    real_follow = styles._follow

    def following(sheet, found, plan):
        followed.append(True)
        return real_follow(sheet, found, plan)
    monkeypatch.setattr(styles, "_follow", following)
    monkeypatch.setattr(styles, "_PLANS", {})
    planned = []
    for doc, style in documents:
        del followed[:]
        first, second = writer.render_docx(doc, style), writer.render_docx(doc, style)
        assert first == second, doc.title
        planned.append((first, bool(followed)))
    assert sum(hit for _, hit in planned) >= 20
    assert not all(hit for _, hit in planned)
    monkeypatch.setattr(styles, "_plan_key", lambda sheet, lists, signature: None)
    for (doc, style), (made, _) in zip(documents, planned):
        assert writer.render_docx(doc, style) == made, doc.title
