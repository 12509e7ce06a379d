"""An agreement's numbering levels in the DOCX, each in a style of its own, where two
levels share one indent: 世田谷区's agreement (setagaya-cmj-2017) sets each article's
number in the lead of its first paragraph (（目的） above 第１条　この協定は…) and that
paragraph, like its paragraphs ２, ３, at 左１字・ぶら下げ１字. Before, neither level got
a style and the twelve paragraphs kept the indent on themselves; now the lead
paragraphs are 条 and the paragraphs 項, each tied to its level (README, "Indents in
styles"), and LibreOffice sets every line where the PDF does."""
from __future__ import annotations

import shutil

import docx
import pytest
from docx.oxml.ns import qn

from conftest import ROOT, run_generate
from glyphs import page_rows

CASE = "setagaya-cmj-2017"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("level-styles")
    result = run_generate(ROOT / "tests" / "data" / "real" / f"{CASE}.yaml", "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / CASE


def _level(p) -> int | None:
    ilvl = p.find(f"{W}pPr/{W}numPr/{W}ilvl")
    return int(ilvl.get(qn("w:val"))) if ilvl is not None else None


def _ind(element) -> dict[str, str]:
    ind = element.find(f"{W}pPr/{W}ind")
    return {k.split("}")[1]: v for k, v in ind.attrib.items()} if ind is not None else {}


def _levels(document) -> dict[int, set[str]]:
    """ilvl → the style ids of the paragraphs it numbers."""
    out: dict[int, set[str]] = {}
    for p in document.element.body.iter(f"{W}p"):
        if _level(p) is not None:
            out.setdefault(_level(p), set()).add(p.find(f"{W}pPr/{W}pStyle").get(qn("w:val")))
    return out


def test_two_levels_that_share_an_indent_get_a_style_each(built):
    document = docx.Document(str(built / "agreement.docx"))
    numbered = [p for p in document.element.body.iter(f"{W}p") if _level(p) is not None]
    assert len([p for p in numbered if _level(p) in (0, 1)]) == 12
    assert not [p for p in numbered if p.find(f"{W}pPr/{W}ind") is not None or p.find(f"{W}pPr/{W}tabs") is not None]
    levels = _levels(document)
    assert all(len(ids) == 1 for ids in levels.values()), levels
    by_id = {st.get(qn("w:styleId")): st for st in document.styles.element.findall(f"{W}style")}
    names = {ilvl: by_id[next(iter(ids))].find(f"{W}name").get(qn("w:val")) for ilvl, ids in levels.items()}
    assert names == {0: "条", 1: "項", 2: "号"}
    # each style tied to its level both ways: the style's numPr, the level's pStyle and indent
    lvls = {int(lvl.get(qn("w:ilvl"))): lvl for lvl in document.part.numbering_part.element.iter(f"{W}lvl")
            if lvl.find(f"{W}pStyle") is not None}
    for ilvl, ids in levels.items():
        st = by_id[next(iter(ids))]
        assert st.find(f"{W}pPr/{W}numPr/{W}ilvl").get(qn("w:val")) == str(ilvl)
        assert lvls[ilvl].find(f"{W}pStyle").get(qn("w:val")) == st.get(qn("w:styleId"))
        assert _ind(lvls[ilvl]) == _ind(st)


def _hang(pdf, first: str) -> tuple[float, float]:
    """How far in from the PDF's line starting `first` the line after it starts, in em
    of that line's first glyph (a full-width character's advance), and that em in points."""
    rows = page_rows(str(pdf), 0)
    texts = ["".join(c["text"] for c in row) for row in rows]
    at = next(i for i, t in enumerate(texts) if t.startswith(first))
    head, em = rows[at][0]["x0"], rows[at][0]["x1"] - rows[at][0]["x0"]
    return round((rows[at + 1][0]["x0"] - head) / em, 2), em


@pytest.mark.parametrize("first, name", [("第１条", "条"), ("２　前項の規定により", "項")])
def test_the_styles_carry_the_indents_the_pdf_uses(built, first, name):
    """The PDF sets the paragraph's first line at the text's edge and the lines after it
    an em in (ぶら下げ１字); the style holds just that: left 1 em, hanging 1 em (in
    hundredths of a character, and in twips of the body's em)."""
    hang, em = _hang(built / "agreement.pdf", first)
    assert hang == 1.0
    document = docx.Document(str(built / "agreement.docx"))
    st = next(st for st in document.styles.element.findall(f"{W}style")
              if st.find(f"{W}name").get(qn("w:val")) == name)
    ind = _ind(st)
    assert ind["leftChars"] == ind["hangingChars"] == str(round(hang * 100))
    assert int(ind["left"]) == int(ind["hanging"]) == round(hang * em * 20)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler-utils needed")
def test_libreoffice_starts_every_line_where_the_pdf_does(built, tmp_path):
    """The indents moved from the paragraphs into 条 and 項 and their levels set the
    lines as before: every line LibreOffice sets with a line's text of the PDF starts at
    its place (within 2pt), the lead paragraphs' second lines and the 項's included."""
    from test_docx_pages import convert, line_starts
    pdf, lo = line_starts(built / "agreement.pdf"), line_starts(convert(built / "agreement.docx", tmp_path))
    same = [t for t in pdf if t in lo and t]
    # (41 of the 61 lines: LibreOffice wraps the preamble and some articles a character
    # away from the PDF, which gives a torn word up at a phrase start; see test_docx_pages)
    assert len(same) >= 0.6 * len(pdf)
    assert "第１条この協定は、甲の区域内において災害等が発生したときに備え、平時から相互に協力" in same
    assert "定めることを目的とする。" in same              # 第１条's last line, an em in
    assert "２" in same                                      # 第２条's ２, at the text's edge
    assert "が協議して定めるものとする。" in same          # 第５条２'s last line, an em in
    moved = {t: (pdf[t], lo[t]) for t in same if abs(pdf[t] - lo[t]) > 2}
    assert not moved, moved


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler-utils needed")
def test_a_paragraph_a_clerk_sets_in_the_articles_style_is_the_next_article(built, tmp_path):
    """条 is the level of the articles' numbers: a paragraph set in it (with no number of
    its own) is numbered by LibreOffice as the next article, the ones after renumbered,
    and a paragraph set in 項 under it starts again at ２."""
    from test_docx_pages import convert, pages
    document = docx.Document(str(built / "agreement.docx"))
    # (the gap after 第４条 is the number's, 第%1条　: the clerk types none)
    fourth = next(p for p in document.paragraphs if p.text.startswith("甲及び乙は、災害等が発生したとき"))
    fourth.insert_paragraph_before("甲及び乙は、新たな連携事項について協議する。", style="条")
    fourth.insert_paragraph_before("前項の協議は、書面により行う。", style="項")
    edited = tmp_path / "inserted.docx"
    document.save(str(edited))
    text = "".join(pages(convert(edited, tmp_path)))
    assert "第４条甲及び乙は、新たな連携事項について協議する。２前項の協議は、書面により行う。" in text
    assert "第５条甲及び乙は、災害等が発生したとき" in text and "第９条この協定の有効期間" in text


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """むかわ町's book of 令和6年度 (tests/data/annual/mukawa-r6), PDF and DOCX."""
    lists = ROOT / "tests" / "data" / "annual" / "mukawa-r6"
    out = tmp_path_factory.mktemp("book")
    result = run_generate("annual", "--fiscal-year", "2024", lists / "specs", "--style", lists / "style.yaml",
                          "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / "annual-2024.docx"


def test_the_books_contents_line_takes_its_leader_from_a_style(book):
    """The annual book's one paragraph that carried its own tab stop, the contents'
    entry (締結状況一覧 …… 3), is set in toc 2, the style Word gives a TOC field's
    level-2 entries when it rebuilds them: the style holds the dotted leader to the
    right margin, and no paragraph of the book keeps an indent or tab stop of its own."""
    document = docx.Document(str(book))
    direct = [p for p in document.element.body.iter(f"{W}p")
              if p.find(f"{W}pPr/{W}ind") is not None or p.find(f"{W}pPr/{W}tabs") is not None]
    assert not direct, [docx.text.paragraph.Paragraph(p, None).text for p in direct]
    entry = next(p for p in document.paragraphs if p.text.startswith("締結状況一覧\t"))
    assert entry.style.name == "toc 2" and entry.style.base_style.style_id == "body"
    tab = entry.style.element.find(f"{W}pPr/{W}tabs/{W}tab")
    section = document.sections[0]
    width = docx.shared.Length(section.page_width - section.left_margin - section.right_margin).twips
    assert (tab.get(qn("w:val")), tab.get(qn("w:leader")), int(tab.get(qn("w:pos")))) == ("right", "middleDot", width)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler-utils needed")
def test_libreoffice_sets_the_books_contents_line_to_the_right_margin(book, tmp_path):
    """From its style, LibreOffice leads the entry with dots to its page number, which
    ends at the text's right edge, as the PDF's contents does (within 2pt)."""
    import html
    import re
    import subprocess
    from test_docx_pages import convert

    def entry(pdf):
        xml = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", "-f", "2", "-l", "2", str(pdf), "-"],
                             capture_output=True, text=True, check=True).stdout
        lines = [(float(x1), html.unescape("".join(re.findall(r"<word[^>]*>(.*?)</word>", body))))
                 for x1, body in re.findall(r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>',
                                            xml, re.S)]
        return next((x1, text) for x1, text in lines if text.startswith("締結状況一覧"))

    lo_end, lo_text = entry(convert(book, tmp_path))
    pdf_end, _ = entry(book.with_suffix(".pdf"))
    assert re.fullmatch(r"締結状況一覧[·・.…]{10,}3", lo_text), lo_text
    assert abs(lo_end - pdf_end) < 2, (lo_end, pdf_end)
