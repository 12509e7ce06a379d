"""A paragraph's link (<p link="…">) written by a user's template is never lost without a
word, whatever else the paragraph holds: with lang="en", with a number (list=… number=…:
the link over the text after it, the number the paragraph's label), with tracking, with
bold, a span, a line break, a spread, a name kept whole, a reference to an article, in a
table's cell. Each is built by the real generator from the seed spec with a section
template of the user's (--templates) and read back: the PDF's /Link annotations (pypdf),
each covering its glyphs as drawn (test_link_areas._covered), the file valid PDF/UA; the
DOCX's w:hyperlink, its relationship's target the address, holding the text after the
number. A linked paragraph with no text for the link to stand on is refused at the
template's line, exit 1, nothing written."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from pypdf import PdfReader

from conftest import ROOT, SEED_SPEC, run_generate
from test_link_areas import _covered
from test_tagged_pdf import validate

ADDRESS = "https://www.example.jp/kyotei.pdf"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# the bundled section template's line of a linked document, which the user's replaces
DOCUMENT_LINE = ('<p before="{{ 8 if loop.first and not (section.heading or section.paragraphs or section.parts'
                 ' or section.table) else (4 if loop.first else 0) }}"{% if address %} link="{{ address }}"'
                 '{% endif %}>{{ line }}</p>')

# name → (the paragraph the user's template writes, the text its link covers in the PDF
# and holds in the DOCX, spaces aside: a line break between lines)
CASES = {
    "phone and date": ('<p link="{a}">問合せ 電話 03-1234-5678（令和６年４月１日から）</p>',
                       "問合せ電話03-1234-5678（令和６年４月１日から）"),
    "english": ('<p lang="en" link="{a}">The agreement in full (PDF, 294KB)</p>', "TheagreementinfullPDF,294KB"),
    "numbered": ('<p list="paragraph" number="２" link="{a}">２　協定書の概要</p>', "協定書の概要"),
    "tracking": ('<p tracking="1" link="{a}">資料一覧<br/>協定書</p>', "資料一覧\n協定書"),
    "bold": ('<p link="{a}"><b>協定書</b>（PDF形式）</p>', "協定書（PDF形式）"),
    "span": ('<p link="{a}"><span font="gothic" size="12">協定書</span>の全文</p>', "協定書の全文"),
    "line break": ('<p link="{a}">協定書の全文<br/>（PDF形式）</p>', "協定書の全文\n（PDF形式）"),
    "spread": ('<p link="{a}"><spread width="5">協定書</spread>（全文）</p>', "協定書（全文）"),
    "whole": ('<p link="{a}">署名者 <whole>久保　康之</whole> の協定書</p>', "署名者久保康之の協定書"),
    "reference": ('<p link="{a}">協定書<ref article="2">第２条</ref>の本文</p>', "協定書第２条の本文"),
    "cell": ('<table widths="0.3 0.7"><tr><td>資料</td><td><p link="{a}">協定書の写し</p></td></tr></table>',
             "協定書の写し"),
}


def _spec(folder: Path) -> Path:
    """The seed spec with a section that links a document at ADDRESS."""
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["press_notice"]["sections"] = [{"heading": "関連資料", "documents": [
        {"title": "協定書", "form": "PDF形式", "size": "294KB", "address": ADDRESS}]}]
    spec = folder / "links.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return spec


def _templates(folder: Path, *paragraphs: str) -> Path:
    """A templates folder whose section template prints the linked document's line as the
    bundled one does, then `paragraphs` ({a}: the address)."""
    text = (ROOT / "templates" / "section.xml.j2").read_text(encoding="utf-8")
    assert DOCUMENT_LINE in text                 # (else this tests a line no longer there)
    own = "\n".join(p.format(a="{{ address }}") for p in paragraphs)
    folder.mkdir()
    (folder / "section.xml.j2").write_text(text.replace(DOCUMENT_LINE, DOCUMENT_LINE + "\n" + own), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("links")
    templates = _templates(folder / "templates", *(p for p, _ in CASES.values()))
    result = run_generate(_spec(folder), "-o", folder / "out", "--format", "pdf,docx", "--kinds", "press-notice",
                          "--templates", templates)
    assert result.returncode == 0, result.stderr
    return folder / "out" / "links"


def _flat(text: str) -> str:
    return re.sub("[ 　()]", "", text)


def _pdf_links(pdf: Path) -> list[tuple[str, str]]:
    """(the address, the text covered) of each /Link annotation, a line each, the
    lines of one paragraph joined by a line break where they have one annotation's
    /Contents (the paragraph's text and address)."""
    addresses, contents = [], []
    for page in PdfReader(pdf).pages:
        for a in page.get("/Annots") or []:
            a = a.get_object()
            if a["/Subtype"] == "/Link":
                addresses.append(a["/A"]["/URI"])
                contents.append(str(a.get("/Contents")))
    texts = _covered(pdf)
    out: list[tuple[str, str]] = []
    for n, (address, text) in enumerate(zip(addresses, texts)):
        if n and contents[n] == contents[n - 1]:          # the next line of the same link
            out[-1] = (address, out[-1][1] + "\n" + text)
        else:
            out.append((address, text))
    return out


@pytest.mark.parametrize("case", CASES)
def test_the_pdf_keeps_the_link_over_its_glyphs(built, case):
    links = _pdf_links(built / "press-notice.pdf")
    covered = {_flat(text): address for address, text in links}
    expected = _flat(CASES[case][1])
    assert covered.get(expected) == ADDRESS, (expected, list(covered))


def test_the_pdf_with_every_kind_of_link_is_valid_pdf_ua(built):
    # (each annotation a Link element's, after the number's Lbl where there is one)
    links = _pdf_links(built / "press-notice.pdf")
    assert len(links) == len(CASES) + 1                   # and the bundled document line
    assert validate(built / "press-notice.pdf") == []


def _docx_links(docx: Path) -> list[tuple[str, str, str]]:
    """(the address, the text in the hyperlink, the paragraph's text before it) of each
    w:hyperlink of the document."""
    with zipfile.ZipFile(docx) as z:
        body = ElementTree.fromstring(z.read("word/document.xml"))
        rels = ElementTree.fromstring(z.read("word/_rels/document.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}

    def text(elements) -> str:
        return "".join(e.text or "" if e.tag == W + "t" else "\n"
                       for el in elements for e in el.iter() if e.tag in (W + "t", W + "br"))
    out = []
    for p in body.iter(W + "p"):
        children = list(p)
        for n, link in enumerate(children):
            if link.tag == W + "hyperlink":
                out.append((targets[link.get(R + "id")], text([link]), text(children[:n])))
    return out


@pytest.mark.parametrize("case", CASES)
def test_the_docx_keeps_the_link_after_the_number(built, case):
    links = {_flat(inside): (address, before) for address, inside, before in _docx_links(built / "press-notice.docx")}
    expected = _flat(CASES[case][1])
    assert expected in links, (expected, list(links))
    address, before = links[expected]
    assert address == ADDRESS
    assert _flat(before) == ("２" if case == "numbered" else "")    # the number before the link, as in the PDF


@pytest.mark.parametrize("paragraph, says", [
    ('<p link="{a}"></p>', 'the paragraph has no text for the link to stand on'),
    ('<p link="{a}">　</p>', 'the paragraph has no text for the link to stand on'),
    ('<p list="paragraph" number="２" link="{a}">２</p>', 'the paragraph has no text after its number'),
    ('<p><a href="{a}">協定書</a></p>', '<a> cannot stand inside a paragraph: a paragraph links as a whole'),
])
def test_a_link_with_nothing_to_stand_on_is_refused_at_the_templates_line(tmp_path, paragraph, says):
    templates = _templates(tmp_path / "templates", paragraph)
    spec, out = _spec(tmp_path), tmp_path / "out"
    result = run_generate(spec, "-o", out, "--format", "pdf,docx", "--kinds", "press-notice", "--templates", templates)
    assert result.returncode == 1
    section = templates / "section.xml.j2"
    line = next(n for n, text in enumerate(section.read_text(encoding="utf-8").splitlines(), 1)
                if paragraph.format(a="{{ address }}") in text)
    assert f"error: {section}:{line} (the markup it rendered for {spec}): " in result.stderr, result.stderr
    assert says in result.stderr
    assert "Traceback" not in result.stderr
    assert not [p for p in out.rglob("*") if p.suffix in (".pdf", ".docx")]


@pytest.mark.parametrize("paragraph, says", [
    ('<p tracking="1" link="{a}"><b>協定書</b>の全文</p>', "<b> or <span> inside it would not be drawn"),
    ('<p tracking="1"><span font="gothic">報道機関各位</span></p>', "<b> or <span> inside it would not be drawn"),
    ('<p tracking="1"><spread width="5">協定書</spread></p>', "a <spread> inside it would not be set"),
])
def test_markup_a_letter_spaced_line_cannot_draw_is_refused_at_the_templates_line(tmp_path, paragraph, says):
    """A <p tracking> is one line drawn from its plain text (TrackedLine): bold, a span's
    font or a spread inside it were dropped without a word, and are refused."""
    test_a_link_with_nothing_to_stand_on_is_refused_at_the_templates_line(tmp_path, paragraph, says)


def test_a_reference_in_a_linked_paragraph_gives_up_its_own_link_in_the_docx(tmp_path):
    """Where Word numbers the articles, a reference to one is a REF field whose \\h links it
    to the article; inside a linked paragraph it would take the clicks on its text from the
    address (the PDF links none there): it keeps its number and loses its \\h there only.
    Word's own number of the paragraph stays outside the hyperlink."""
    from jpdocs.content import markup
    from jpdocs.spec.style import load_style
    from jpdocs.writers.docx import write_docx
    doc = markup.parse(f'''<document kind="agreement">
<p list="article" number="第１条" seq="1">第１条（目的）</p>
<p>この協定は、連携に関し必要な事項を定める。</p>
<p list="article" number="第２条" seq="2">第２条（連携事項）</p>
<p list="paragraph" number="１" seq="1">１　<ref article="1">第１条</ref>の連携は、次のとおりとする。</p>
<p list="paragraph" number="２" seq="2" link="{ADDRESS}">２　<ref article="1">第１条</ref>の協定書の全文</p>
</document>''', "t")
    out = tmp_path / "ref.docx"
    write_docx(doc, load_style(), out)
    with zipfile.ZipFile(out) as z:
        body = ElementTree.fromstring(z.read("word/document.xml"))
    [link] = body.iter(W + "hyperlink")
    inside = [i.text for i in link.iter(W + "instrText")]
    everywhere = [i.text for i in body.iter(W + "instrText") if i.text.lstrip().startswith("REF")]
    assert inside == [" REF _Ref_article_1 \\r "]
    assert sorted(everywhere) == sorted([" REF _Ref_article_1 \\r \\h ", " REF _Ref_article_1 \\r "])
    paragraph = next(p for p in body.iter(W + "p") if link in list(p))
    assert paragraph.find(f"{W}pPr/{W}numPr") is not None      # Word's number, no run of the hyperlink
