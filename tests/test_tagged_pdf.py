"""Tagged PDF (PDF/UA-1): every PDF the bundled specs and the real cases make passes
the `page-validation` package's PDF/UA-1 profile; the structure tree read back
matches the document model (headings, list labels and bodies, table header cells,
figures, in order); the text collected from the marked content in structure order
is the model's text, U+3000 included; no font maps a glyph to U+0000 and no glyph
is drawn that the font lacks; page numbers and the 写/正本 marks are artifacts."""
from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
import yaml
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from conftest import ROOT, SEED_SPEC, run_generate

from jpdocs.content import model as m
from jpdocs.build.documents import make_documents, style_for
from jpdocs.spec.load import load_spec

page = pytest.importorskip("page")

REAL = ROOT / "tests" / "data" / "real"
SPECS = sorted(ROOT.glob("specs/*.yaml")) + sorted(p for p in REAL.glob("*.yaml") if not p.name.endswith(".facts.yaml"))


def validate(path: Path, profile: str = "PDF_UA_1") -> list:
    report = page.validate_pdf(str(path), profile=profile)
    return [(f.rule_id, f.message) for f in report.failures]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Every spec's PDFs, and the originals and copies of every final agreement."""
    out = tmp_path_factory.mktemp("tagged")
    result = run_generate(*SPECS, "-o", out / "plain", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    def document(spec: Path) -> dict:
        return (yaml.safe_load(spec.read_text(encoding="utf-8")).get("agreement") or {}).get("document") or {}
    # a draft has no originals, and an agreement with a witness none the product makes
    # (who keeps one is its closing's to say)
    finals = [s for s in SPECS if not document(s).get("draft") and not document(s).get("witnesses")]
    result = run_generate(*finals, "-o", out / "copies", "--format", "pdf", "--copies", "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    return out


def test_every_pdf_of_the_specs_and_real_cases_validates_pdf_ua_1(built):
    pdfs = sorted(built.glob("*/*/*.pdf"))
    assert len(pdfs) >= 50                      # notices, sheets, agreements, releases, originals, copies
    assert {p.name for p in pdfs} >= {"press-notice.pdf", "overview.pdf", "agreement.pdf", "release.pdf",
                                      "agreement-写.pdf", "agreement-甲.pdf"}
    failed = {str(p.relative_to(built)): f for p in pdfs if (f := validate(p))}
    assert failed == {}


def test_a_glyph_past_the_fonts_long_metrics_validates(tmp_path):
    """™ ◊ ˚ are among the last six glyphs of the BIZ UD fonts, past hhea's
    numberOfHMetrics: their embedded advance must be the font's (1024 of 2048 units),
    as /Widths says (500), or PDF/UA fails with PDFUA1-FONT-GLYPH-WIDTH-001 (the subset
    took reportlab's parse, whose advance there is already scaled: 500 font units)."""
    text = SEED_SPEC.read_text(encoding="utf-8").replace("    - 今般、", "    - ＡＢＣ™は◊の˚です。今般、", 1)
    spec = tmp_path / "trademark.yaml"
    spec.write_text(text, encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf", "--kinds", "press-notice")
    assert result.returncode == 0, result.stdout + result.stderr
    pdf = tmp_path / "out" / "trademark" / "press-notice.pdf"
    assert "™" in pdfplumber.open(pdf).pages[0].extract_text()
    assert validate(pdf) == []


def test_the_untagged_pdf_of_before_fails_the_validator(tmp_path):
    """The validator is not blind: the same notice with its structure removed fails."""
    from pypdf import PdfWriter
    result = run_generate(SEED_SPEC, "-o", tmp_path, "--format", "pdf", "--kinds", "press-notice")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / SEED_SPEC.stem / "press-notice.pdf"
    w = PdfWriter(clone_from=pdf)
    del w._root_object["/StructTreeRoot"]
    stripped = tmp_path / "stripped.pdf"
    w.write(stripped)
    assert any(rule == "PDFUA1-STRUCT-TREE-ROOT-001" for rule, _ in validate(stripped))


# ---------------------------------------------------------------- reading the tree back
def _chars(path: Path) -> dict[tuple[int, int | None], str]:
    """The text of each marked-content sequence: (page index, MCID) → characters."""
    out: dict[tuple[int, int | None], str] = {}
    with pdfplumber.open(path) as pdf:
        for i, p in enumerate(pdf.pages):
            for c in p.chars:
                key = (i, c.get("mcid"))
                out[key] = out.get(key, "") + c["text"]
    return out


def structure(path: Path) -> tuple[list[tuple[str, str]], list, PdfReader]:
    """The leaves of the structure tree in order, as (role, text), the text read
    from the page content their MCIDs mark; and the elements as (role, dict)."""
    reader = PdfReader(path)
    pages = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    chars = _chars(path)
    leaves: list[tuple[str, str]] = []
    elements: list[tuple[str, DictionaryObject]] = []

    def walk(elem: DictionaryObject):
        role = elem["/S"][1:]
        elements.append((role, elem))
        page_of = pages.get(elem.raw_get("/Pg").idnum) if "/Pg" in elem else None
        kids = elem.get("/K")
        kids = kids if isinstance(kids, ArrayObject) else [] if kids is None else [kids]
        for k in kids:
            raw = k
            k = k.get_object() if isinstance(k, IndirectObject) else k
            if isinstance(k, int):
                text = chars.get((page_of, k), "")
            elif isinstance(k, DictionaryObject) and k.get("/Type") == "/MCR":
                text = chars.get((pages[k.raw_get("/Pg").idnum], k["/MCID"]), "")
            elif isinstance(k, DictionaryObject) and k.get("/Type") == "/OBJR":
                continue
            else:
                assert isinstance(raw, IndirectObject), raw
                walk(k)
                continue
            if leaves and leaves[-1][0] == role and leaves[-1][2] is elem:
                leaves[-1] = (role, leaves[-1][1] + text, elem)
            else:
                leaves.append((role, text, elem))
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    walk(tree["/K"].get_object())
    return [(("H" if re.fullmatch(r"H\d", r) else r), t) for r, t, _ in leaves if t], elements, reader


def expected(blocks: list[m.Block], style) -> list[tuple[str, str]]:
    """What the model says a reader meets, in order: (role, text), the roles as the
    issue names them (H for titles and headings, Lbl for a number or a bullet)."""
    out: list[tuple[str, str]] = []
    for b in blocks:
        if isinstance(b, m.Paragraph):
            text = m.plain_text(b.inlines).replace("\n", "")
            role = "H" if b.numbering in ("article", "article_heading") or b.style.split("-")[0] in ("title", "cover_title", "heading") else "P"
            if b.numbering and b.number and text.startswith(b.number):
                out += [("Lbl", b.number), (role, text[len(b.number):])]
            else:
                out.append((role, text))
        elif isinstance(b, m.Heading):
            out.append(("H", m.plain_text(b.inlines).replace("\n", "")))
        elif isinstance(b, m.Item):
            if b.marker:
                out.append(("Lbl", b.marker))
            out.append(("P", m.plain_text(b.inlines).replace("\n", "")))
            out += expected(b.blocks, style)
        elif isinstance(b, m.Ki):
            if style.notice.ki_heading != "none":          # 記, or ■締結式概要 at the left
                out.append(("P", style.word("ki")))
            out += expected(b.blocks, style)
            if b.closing:
                out.append(("P", style.word("ijo")))
        elif isinstance(b, m.Table):
            for row in b.rows:
                for cell in row:
                    out += expected(cell.blocks, style)
        elif isinstance(b, m.KeepTogether):
            out += expected(b.blocks, style)
        elif isinstance(b, m.Image):
            out.append(("Figure", ""))          # no text drawn; its /Alt is checked apart
    return [(r, t) for r, t in out if t]


def model_of(spec: Path) -> dict[str, tuple[m.Document, object]]:
    loaded = load_spec(spec)
    style = style_for(loaded)
    return {d.kind: (d, style) for d in make_documents(loaded, style)}


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_the_structure_read_back_is_the_model_in_order(built, spec):
    folder = built / "plain" / spec.stem
    docs = model_of(spec)
    assert docs
    for kind, (doc, style) in docs.items():
        pdf = folder / f"{kind}.pdf"
        assert pdf.is_file(), pdf
        leaves, elements, reader = structure(pdf)
        want = expected(doc.blocks, style)
        got = [(r, t) for r, t in leaves if r != "Figure"]
        assert got == [(r, t) for r, t in want if r != "Figure"], kind
        # the text in structure order is the model's, its ideographic spaces included
        assert "".join(t for _, t in got) == "".join(t for r, t in want if r != "Figure")
        # tables: a header cell (<td header=…>, the annual head row) is a TH with its scope
        model_heads = [(m.plain_text(b.blocks[0].inlines), c.header) for t in m.walk(doc.blocks)
                       if isinstance(t, m.Table) and t.border != "none" for row in t.rows for c in row
                       if c.header for b in [c]]
        read_heads = []
        for role, elem in elements:
            if role == "TH":
                scope = elem["/A"]["/Scope"][1:].lower()
                read_heads.append((scope, elem))
        assert [s for s, _ in read_heads] == [h for _, h in model_heads], kind
        figures = [e for r, e in elements if r == "Figure"]
        images = [b for b in m.walk(doc.blocks) if isinstance(b, m.Image)]
        assert [str(f["/Alt"]) for f in figures] == [i.alt for i in images]
        assert all(i.alt for i in images)


def test_the_seed_structure_names_what_a_reader_needs(built):
    """Spelled out on the seed's documents: the notice's 記 items are a list of
    labelled items, its contact table has the labels as row headers, the agreement's
    articles are headings labelled 第１条 and its items （１）, the sheet's title is H1."""
    folder = built / "plain" / SEED_SPEC.stem
    leaves, elements, _ = structure(folder / "press-notice.pdf")
    assert ("P", "報道機関各位") in leaves
    assert leaves[leaves.index(("Lbl", "１")) + 1] == ("P", "日時")
    assert ("P", "令和６年（2024年）２月27日（火）\u300011時00分～（30分程度）") in leaves
    roles = [r for r, _ in elements]
    assert roles.count("TH") == 2 and roles[0] == "Document"
    leaves, elements, _ = structure(folder / "agreement.pdf")
    assert leaves[0] == ("H", "北海道オホーツク総合振興局と北見工業大学との包括連携に関する協定書")
    assert leaves[leaves.index(("Lbl", "第１条")) + 1] == ("H", "（目的）")
    assert ("Lbl", "（１）") in leaves and ("Lbl", "２\u3000") in leaves
    assert [r for r, _ in elements].count("Form") == 2
    leaves, elements, _ = structure(folder / "overview.pdf")
    assert [r for r, _ in elements][1] == "H1"


# ---------------------------------------------------------------- fields, artifacts, fonts
def test_signature_fields_are_form_elements_with_a_description_in_tab_order(built):
    reader = PdfReader(built / "plain" / SEED_SPEC.stem / "agreement.pdf")
    root = reader.trailer["/Root"]
    fields = {str(f.get_object()["/T"]): f.get_object() for f in root["/AcroForm"]["/Fields"]}
    assert {k: str(v["/TU"]) for k, v in fields.items()} == {"甲": "甲の署名欄", "乙": "乙の署名欄"}
    parent_tree = root["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    keyed = dict(zip(parent_tree[::2], parent_tree[1::2]))
    for name, widget in fields.items():
        form = keyed[widget["/StructParent"]].get_object()
        assert form["/S"] == "/Form" and str(form["/T"]) == name
        assert form["/K"]["/Type"] == "/OBJR" and form["/K"]["/Obj"].get_object() is widget
    assert all(p["/Tabs"] == "/S" for p in reader.pages)


def test_page_numbers_marks_and_seal_places_are_artifacts(built):
    """What is not content is drawn outside every marked-content sequence."""
    folder = built / "copies" / SEED_SPEC.stem
    for name, loose in (("agreement-写.pdf", {"写", "- 1 -", "- 2 -", "印"}),
                        ("agreement-甲.pdf", {"正本（甲保管）", "- 1 -", "- 2 -", "印"})):
        chars = _chars(folder / name)
        untagged = "".join(t for (_, mcid), t in chars.items() if mcid is None)
        assert untagged and all(ch in "".join(loose) for ch in untagged), (name, untagged)
        tagged = "".join(t for (_, mcid), t in chars.items() if mcid is not None)
        assert "正本" not in tagged and "写" not in tagged.replace("写真", "")


def test_no_glyph_maps_to_u0000_and_none_is_missing(built):
    """No ToUnicode entry names U+0000 (reportlab's subsets had <00> <0000>), and no
    character reads back as a missing glyph, a control character or U+FFFD."""
    for pdf in sorted(built.glob("plain/*/*.pdf")):
        reader = PdfReader(pdf)
        for p in reader.pages:
            for font in (p["/Resources"].get("/Font") or {}).values():
                font = font.get_object()
                if "/ToUnicode" in font:
                    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
                    assert not re.search(r"<[0-9A-Fa-f]+>\s*<0000>", cmap), pdf
        for (_, _), text in _chars(pdf).items():
            assert "(cid:" not in text and "\ufffd" not in text, pdf
            assert not any(ord(c) < 0x20 for c in text), pdf


# ---------------------------------------------------------------- the annual book, the release
def test_the_annual_book_validates_and_its_contents_are_links(tmp_path):
    office = ROOT / "tests" / "data" / "annual" / "mukawa-r6"
    result = run_generate("annual", "--fiscal-year", "2024", office / "specs", "--style", office / "style.yaml",
                          "-o", tmp_path, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "annual-2024.pdf"
    assert validate(pdf) == []
    leaves, elements, reader = structure(pdf)
    roles = [r for r, _ in elements]
    assert "TOC" in roles and roles.count("TOCI") == roles.count("Link") >= 2
    # the summary table's head row: column headers (the sheets' fact tables head their rows)
    scopes = [e["/A"]["/Scope"] for r, e in elements if r == "TH"]
    first_table = next(e for r, e in elements if r == "Table")
    head_row = first_table["/K"][0].get_object()["/K"]
    assert [c.get_object()["/S"] for c in head_row] == ["/TH"] * len(head_row)
    # read back: the heads are the office's columns, and each agreement's row follows,
    # in signing order (the list a screen reader walks row by row)
    from jpdocs.annual.blocks import headings
    from jpdocs.spec.style import load_style
    style = load_style(office / "style.yaml")
    chars = _chars(pdf)
    pages = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}

    def cell_text(cell) -> str:
        out = ""
        kids = cell.get("/K")
        for k in (kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []):
            k = k.get_object()
            if isinstance(k, int):
                out += chars.get((pages[cell.raw_get("/Pg").idnum], k), "")
            elif isinstance(k, DictionaryObject) and "/S" in k:
                out += cell_text(k)
        return out
    rows = [[cell_text(c.get_object()) for c in tr.get_object()["/K"]] for tr in first_table["/K"]]
    assert rows[0] == headings(style)
    assert len(rows) - 1 == len(list((office / "specs").rglob("*.yaml")))
    assert rows[1] == ["プレス工業株式会社", "神奈川県", "令和６年８月22日", "包括連携協定"]
    assert scopes[:len(head_row)] == ["/Column"] * len(head_row) and set(scopes) <= {"/Column", "/Row"}
    links = [a.get_object() for p in reader.pages for a in (p.get("/Annots") or [])
             if a.get_object()["/Subtype"] == "/Link"]
    assert links and all(str(a["/Contents"]) and "/StructParent" in a for a in links)


def test_a_release_with_a_pdf_attachment_does_not_claim_pdf_ua(tmp_path):
    """Our own parts are tagged, but pages inserted from another PDF are not ours to
    tag: such a release does not declare PDF/UA-1 (pdfuaid) rather than claim it."""
    from test_release import external_pdf, release_spec
    external_pdf(tmp_path / "map.pdf", "MAP")
    spec = release_spec(tmp_path, [{"title": "連携協定の概要", "document": "overview"},
                                   {"title": "会場案内図", "file": "map.pdf"}])
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf", "--kinds", "release")
    assert result.returncode == 0, result.stderr
    pdf = next((tmp_path / "out").glob("*/release.pdf"))
    root = PdfReader(pdf).trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "pdfuaid:part" not in xmp and "/StructTreeRoot" in root
    leaves, _, _ = structure(pdf)
    assert ("H", "北海道オホーツク総合振興局と北見工業大学との包括連携協定の概要") in leaves


# ---------------------------------------------------------------- logos
def _logo_spec(tmp_path: Path, nameless: bool) -> Path:
    from PIL import Image
    Image.new("RGB", (300, 100), (31, 78, 121)).save(tmp_path / "logo.png")
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data.pop("press_notice")
    data["parties"]["kitami_it"]["logo"] = "logo.png"
    if nameless:                       # a draft's blank partner: nothing to say what the logo is
        data["parties"]["kitami_it"]["name"] = None
        data["parties"]["kitami_it"].pop("formal_name", None)
        data["agreement"]["document"]["draft"] = True
    spec = tmp_path / "logo.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return spec


def test_a_logo_is_a_figure_with_the_partys_name_as_its_text(tmp_path):
    spec = _logo_spec(tmp_path, nameless=False)
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf", "--kinds", "overview")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / "logo" / "overview.pdf"
    assert validate(pdf) == []
    _, elements, _ = structure(pdf)
    [figure] = [e for r, e in elements if r == "Figure"]
    assert str(figure["/Alt"]) == "北見工業大学" and "/K" in figure


def test_a_logo_with_nothing_to_say_what_it_shows_is_an_error_at_its_key(tmp_path):
    spec = _logo_spec(tmp_path, nameless=True)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = spec.read_text(encoding="utf-8").splitlines().index("    logo: logo.png") + 1
    assert f"{spec}:{line}: parties.kitami_it.logo: a logo needs a text" in result.stderr
    assert not (tmp_path / "out" / "logo").exists() or not any((tmp_path / "out" / "logo").iterdir())


def _tree_objects() -> list[str]:
    """The structure tree's objects of a small tagged canvas: a heading that skips a
    level, an element not drawn, a figure marked on two pages with its text and
    attributes, a table with an empty cell, a link with its annotation, two fields."""
    import io
    from jpdocs.writers.tags import Node, TaggingCanvas
    tree = Node("Document")
    title = tree.add("H2")                      # read as H1: headings never skip a level
    tree.add("P")                               # nothing drawn: left out
    figure = tree.add("Figure", alt="地図", attrs={"O": "Layout", "BBox": "[0 0 10 10]"})
    row = tree.add("Table").add("TR")
    cell = row.add("TH", attrs={"O": "Table", "Scope": "Row"}).add("P")
    row.add("TD")                               # an empty cell stays
    deep = tree.add("H4")                       # read as H2
    link = tree.add("Link", note="p. 1")
    tree.add("Form", title="甲")
    tree.add("Form", title="乙")                # the ID tree sorts them by ID
    canv = TaggingCanvas(io.BytesIO(), jp_tree=tree, jp_forms=True, invariant=1, lang="ja-JP")

    def text(node):
        canv.jp_text((node, None))
        t = canv.beginText(72, 700)
        t.textOut("x")
        if node is link:
            canv.linkAbsolute("", "top", Rect=(72, 700, 100, 710))
        canv.drawText(t)
    canv.bookmarkPage("top")
    text(title)
    canv.jp_begin(figure)
    canv.rect(0, 0, 10, 10)
    canv.jp_end()
    text(cell)
    canv.showPage()
    canv.jp_begin(figure)                       # the figure again on the next page
    canv.rect(0, 0, 10, 10)
    canv.jp_end()
    text(deep)
    text(link)
    canv.showPage()
    canv.save()
    return [m.group(0).decode("latin-1") for m in
            re.finditer(rb"\d+ 0 obj\n<</(Type/StructElem|Nums|Type/StructTreeRoot)[^\n]*", canv.getpdfdata())]


def test_the_tree_is_the_same_where_the_document_numbers_its_elements_otherwise(monkeypatch):
    """The elements are formatted with the numbers a run of new objects gets
    (write_tree) and registered after; a document that gave them others has them
    formatted again with its own: the same tree."""
    from jpdocs.writers import tags
    expected = _tree_objects()
    predicted = []

    def off_by_one(first, count):
        predicted.append(first)
        return [f"{n} 0 R" for n in range(first + 1, first + 1 + count)]
    monkeypatch.setattr(tags, "references", off_by_one)
    assert _tree_objects() == expected and predicted
    # reportlab's writer too, which writes each element from the document's objects
    # (the bytes registered, made again: not the list of the run written at once)
    from jpdocs.writers import pdffile
    monkeypatch.setattr(pdffile, "_plain", lambda doc: False)
    assert _tree_objects() == expected


def test_the_structure_tree_is_written_to_the_byte():
    """The elements are written as their final bytes when the tree is made (tags.py's
    write_tree): the objects as the writer of parts resolved at writing time wrote them."""
    assert _tree_objects() == [
        "6 0 obj\n<</Type/StructElem/S/Document/P 19 0 R/K [7 0 R 8 0 R 9 0 R 14 0 R 15 0 R 16 0 R 17 0 R ]>>",
        "7 0 obj\n<</Type/StructElem/S/H1/P 6 0 R/Pg 3 0 R/K [0 ]>>",
        "8 0 obj\n<</Type/StructElem/S/Figure/P 6 0 R/Pg 3 0 R/K [1 <</Type/MCR/Pg 5 0 R/MCID 0>> ]"
        "/Alt <FEFF573056F3>/A <</O/Layout/BBox/[0 0 10 10]>>>>",
        "9 0 obj\n<</Type/StructElem/S/Table/P 6 0 R/K [10 0 R ]>>",
        "10 0 obj\n<</Type/StructElem/S/TR/P 9 0 R/K [11 0 R 13 0 R ]>>",
        "11 0 obj\n<</Type/StructElem/S/TH/P 10 0 R/K [12 0 R ]/A <</O/Table/Scope/Row>>>>",
        "12 0 obj\n<</Type/StructElem/S/P/P 11 0 R/Pg 3 0 R/K [2 ]>>",
        "13 0 obj\n<</Type/StructElem/S/TD/P 10 0 R>>",
        "14 0 obj\n<</Type/StructElem/S/H2/P 6 0 R/Pg 5 0 R/K [1 ]>>",
        "15 0 obj\n<</Type/StructElem/S/Link/P 6 0 R/Pg 5 0 R/K [2 <</Type/OBJR/Obj 4 0 R/Pg 5 0 R>> ]>>",
        "16 0 obj\n<</Type/StructElem/S/Form/P 6 0 R/T <FEFF7532>/ID <6669656C643AE794B2>>>",
        "17 0 obj\n<</Type/StructElem/S/Form/P 6 0 R/T <FEFF4E59>/ID <6669656C643AE4B999>>>",
        "18 0 obj\n<</Nums [0 [7 0 R 8 0 R 12 0 R ] 1 [8 0 R 14 0 R 15 0 R ] 2 15 0 R ]>>",
        "19 0 obj\n<</Type/StructTreeRoot/K 6 0 R/ParentTree 18 0 R/ParentTreeNextKey 3"
        "/IDTree <</Names [<6669656C643AE4B999> 17 0 R <6669656C643AE794B2> 16 0 R ]>>>>",
    ]
