"""A secretariat edits an agreement's DOCX as a clerk does: copies an article's
paragraphs and pastes them before the next article, copies a paragraph ２ and an item
（２） to add one more, deletes an article (README, "The DOCX a secretariat edits").
三鷹市's agreement (mitaka-cmj-2018) sets each article's number in the lead of its first
paragraph (（協定の趣旨） above 第１条　この協定は…), with 項 and 号. Its headings above were
set in 本文（左１字） with keepNext and spacing of their own: not 条見出し, so Word's
navigation pane (and LibreOffice's PDF outline) listed no article, and a pasted heading
carried the keep by hand. Now they are 条見出し（左１字）, which takes no number there."""
from __future__ import annotations

import copy
import shutil

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from conftest import ROOT, no_space, run_generate

CASE = "mitaka-cmj-2018"
HEADINGS = ["（協定の趣旨）", "（調査研究の実施）", "（支援活動の実施）", "（連絡窓口）", "（経費の負担）",
            "（災害補償等）", "（防災訓練への参加）", "（協定の期間）", "（その他）"]
needs_lo = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                              reason="LibreOffice and poppler-utils needed")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("clerk-edits")
    result = run_generate(ROOT / "tests" / "data" / "real" / f"{CASE}.yaml", "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / CASE / "agreement.docx"


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _style_id(p) -> str:
    s = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return s.get(qn("w:val")) if s is not None else ""


def _chain(document, style_id: str) -> list:
    """The style and those it is based on, nearest first."""
    out = []
    while style_id:
        st = document.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
        out.append(st)
        based = st.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else ""
    return out


def _paragraphs(document) -> list:
    return list(document.element.body.iter(qn("w:p")))


def test_the_headings_above_the_numbered_leads_are_article_headings(built):
    document = docx.Document(str(built))
    heads = [p for p in _paragraphs(document) if _text(p) in HEADINGS]
    assert [_text(p) for p in heads] == HEADINGS
    for p in heads:
        chain = _chain(document, _style_id(p))
        assert "article" in [st.get(qn("w:styleId")) for st in chain], (_text(p), _style_id(p))
        # the style keeps it with its article and takes no number (the article's is its lead's)
        assert not any(st.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None for st in chain)
        own = p.find(qn("w:pPr"))
        assert own.find(qn("w:spacing")) is None
        # (the last article is in the signature page's cell, whose paragraphs all keep)
        assert own.find(qn("w:keepNext")) is None or p.getparent().tag == qn("w:tc")
        assert own.find(qn("w:numPr")) is None and own.find(qn("w:ind")) is None
        assert chain[0].find(f"{qn('w:name')}").get(qn("w:val")) == "条見出し（左１字）"


def _pasted(p):
    """A paragraph copied and pasted as Word does: a bookmark whose name the document
    has is not pasted."""
    c = copy.deepcopy(p)
    for b in [*c.iter(qn("w:bookmarkStart")), *c.iter(qn("w:bookmarkEnd"))]:
        b.getparent().remove(b)
    return c


def _set_text(p, text: str) -> None:
    ts = list(p.iter(qn("w:t")))
    ts[0].text = text
    for t in ts[1:]:
        t.text = ""


def _outline(pdf) -> list[str]:
    out = []

    def walk(entries):
        for e in entries:
            walk(e) if isinstance(e, list) else out.append(e.title)
    walk(pypdf.PdfReader(str(pdf)).outline)
    return out


def _read(pdf) -> list[str]:
    """Each page's text without spaces, read in its layout (a label ３ before its line,
    where pdftotext's reading order gives the labels of a page's paragraphs in a column)."""
    from test_docx_pages import page_texts
    return [no_space(t) for t in page_texts(pdf, "-layout")]


def _article(ps, n: int) -> list:
    """Article n's paragraphs (1-based): from its heading to the next heading."""
    starts = [i for i, p in enumerate(ps) if _text(p) in HEADINGS]
    return ps[starts[n - 1]:starts[n]]


@pytest.mark.slow
@needs_lo
def test_a_clerks_copied_article_item_and_paragraph_renumber_in_libreoffice(built, tmp_path):
    from test_docx_pages import convert
    assert _outline(convert(built, tmp_path / "as-built"))[-9:] == HEADINGS

    document = docx.Document(str(built))
    ps = _paragraphs(document)
    second, third = _article(ps, 2), _article(ps, 3)
    for p, text in zip(second, ["（新設条）", "　甲及び乙は、新たな事項を定める。", "前項の事項は、別に定める。"]):
        c = _pasted(p)
        _set_text(c, text)
        third[0].addprevious(c)
    paragraph_2 = second[-1]                             # 第２条２: one more paragraph after it
    c = _pasted(paragraph_2)
    _set_text(c, "甲及び乙は、追加した事項を協議する。")
    paragraph_2.addnext(c)
    item_2 = [p for p in third if _text(p).startswith("無人航空機（ドローン）により撮影")][0]
    c = _pasted(item_2)
    _set_text(c, "追加した号の事項")
    item_2.addnext(c)
    edited = tmp_path / "edited.docx"
    document.save(str(edited))
    pdf = convert(edited, tmp_path / "edited")
    text = "".join(_read(pdf))
    assert ("第２条甲乙ともに平時から" in text and "２乙の支援活動が" in text
            and "３甲及び乙は、追加した事項を協議する。" in text)
    # the pasted heading takes no number; its lead is the next article, the rest renumbered
    assert "（新設条）第３条甲及び乙は、新たな事項を定める。２前項の事項は、別に定める。（支援活動の実施）第４条" in text
    assert "（２）無人航空機（ドローン）により撮影した情報を甲へ提供（３）追加した号の事項（４）取得した" in text
    assert "（その他）第１０条この協定の実施に関し" in text
    assert _outline(pdf)[-10:] == [*HEADINGS[:2], "（新設条）", *HEADINGS[2:]]
    # the signature page holds: the last article, the date and both blocks on one page
    last = _read(pdf)[-1]
    assert "第１０条" in last and "平成30年4月25日" in last and "理事長" in last

    document = docx.Document(str(built))                # an article deleted: the rest move up
    for p in _article(_paragraphs(document), 2):
        p.getparent().remove(p)
    deleted = tmp_path / "deleted.docx"
    document.save(str(deleted))
    text = "".join(_read(convert(deleted, tmp_path / "deleted")))
    assert "（支援活動の実施）第２条甲の区域内" in text and "（その他）第８条" in text


def _levels(document) -> dict[str, str]:
    """ilvl → lvlText of the agreement's one multi-level list."""
    numbering = document.part.numbering_part.element
    return {lvl.get(qn("w:ilvl")): lvl.find(qn("w:lvlText")).get(qn("w:val"))
            for a in numbering.findall(qn("w:abstractNum"))
            if a.find(qn("w:multiLevelType")).get(qn("w:val")) == "multilevel" for lvl in a.findall(qn("w:lvl"))}


def test_the_gap_after_an_articles_number_is_the_numberings(built):
    """第１条　この協定は…: the full-width space after the number is part of the number
    Word prints (第%1条　, as the paragraphs' %2　), not typed in the text, so that the
    next article a clerk starts with Enter (the style 条 is its own next) has it too."""
    document = docx.Document(str(built))
    levels = _levels(document)
    assert levels["0"] == "第%1条　" and levels["1"] == "%2　"
    leads = [p for p in _paragraphs(document)
             if p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
             and p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}").get(qn("w:val")) == "0"]
    assert len(leads) == len(HEADINGS)
    assert _text(leads[0]).startswith("この協定は、甲の区域内において")     # no gap typed before it
    assert not any(_text(p).startswith("　") for p in leads)
    style = document.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{_style_id(leads[0])}']")
    assert style.find(qn("w:name")).get(qn("w:val")) == "条"
    assert style.find(qn("w:next")).get(qn("w:val")) == _style_id(leads[0])


def _words(pdf) -> list[tuple[float, float, str]]:
    """Every word pdftotext finds: (xMin, yMin, text), in reading order."""
    import subprocess
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    import re
    return [(float(x), float(y), w) for x, y, w in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', xml)]


@pytest.mark.slow
@needs_lo
def test_an_article_a_clerk_adds_in_style_jo_reads_with_the_gap(built, tmp_path):
    """A clerk puts the cursor after 第２条's last paragraph and adds one in style 条 with
    plain text (as Enter after an article's first paragraph does): LibreOffice prints
    第３条　甲及び乙は、…, its text one full-width space after the number where the other
    articles' texts start, not 第３条甲及び乙は、…; the articles after it are renumbered."""
    from test_docx_pages import convert
    document = docx.Document(str(built))
    ps = _paragraphs(document)
    lead = next(p for p in _article(ps, 1) if p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None)
    added = docx.oxml.parse_xml(
        f'<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:pPr>'
        f'<w:pStyle w:val="{_style_id(lead)}"/></w:pPr><w:r><w:t>甲及び乙は、新たな事項を定める。</w:t></w:r></w:p>')
    _article(ps, 3)[0].addprevious(added)
    edited = tmp_path / "added.docx"
    document.save(str(edited))
    pdf = convert(edited, tmp_path / "added")
    text = "".join(_read(pdf))
    assert "２乙の支援活動が" in text and "第３条甲及び乙は、新たな事項を定める。（支援活動の実施）第４条" in text
    words = _words(pdf)
    at = next(i for i, w in enumerate(words) if "新たな事項" in w[2])
    assert words[at][2].startswith("甲及び乙は"), words[at][2]          # not 第３条甲及び乙は…, run together
    number, new_text = words[at - 1], words[at]
    assert number[2] == "第３条" and abs(number[1] - new_text[1]) < 1    # on the number's line
    # where 第２条's text starts, after 第２条 and its gap (a whole em, 10.5pt, after the number)
    second = next(w for w in words if w[2].startswith("甲乙ともに平時から"))
    assert abs(new_text[0] - second[0]) < 0.5, (new_text, second)


LEAD = 'agreement:\n  article_heading: "（{heading}）"\n  article_lead: "{number}　"\n'


@pytest.mark.parametrize("house, document, level, gap_typed", [
    (LEAD + "  numbering_digits: half\n", {}, "第%1条　", False),                  # 第1条　甲及び乙は…
    ('agreement:\n  article_heading: "{number}　{heading}"\n', {}, "第%1条　", False),  # 第１条　目的
    ('agreement:\n  article_heading: ""\n  article_lead: "{number}（{heading}）　"\n', {},
     "第%1条", False),                                                          # 第１条（目的）　…: no gap after the number
    # kanji and chapters, and 第四条 names 第二条: that REF field prints the level's text,
    # so a gap there would read 第二条　に掲げる; the gap stays typed
    (LEAD, "kanji", "第%1条", True),
], ids=["half-width", "heading-with-gap", "heading-in-lead", "kanji-chapters-referred"])
def test_the_gap_is_the_numberings_for_each_article_form(tmp_path, house, document, level, gap_typed):
    from test_kanji_article_numbers import CHAPTERS, EXTRAS, variant
    if document == "kanji":
        document = dict(article_numerals="kanji", extra_articles=EXTRAS, chapters=CHAPTERS)
    spec = variant(tmp_path, house, **document)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    path = next((tmp_path / "out").glob("*/agreement.docx"))
    document = docx.Document(str(path))
    assert _levels(document)["0"] == level
    numbered = [_text(p) for p in _paragraphs(document)
                if p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}") is not None
                and p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}").get(qn("w:val")) == "0"]
    assert len(numbered) >= 6
    assert all(t.startswith("　") for t in numbered) == gap_typed, numbered
    if gap_typed:
        assert any("REF _Ref_article_2 " in i for i in document.element.body.xpath(".//w:instrText/text()"))


def test_articles_whose_gaps_differ_keep_them_typed():
    """One level prints one text: where one article's number is followed by a full-width
    space and another's by none, every gap stays typed (today's way)."""
    from jpdocs.content import model as m
    from jpdocs.writers.docx.numbering import ARTICLE_TEXT, article_gap

    def lead(n: int, text: str):
        return m.Paragraph([m.Text(text)], numbering=ARTICLE_TEXT, number=text[:3], seq=n)
    same = [lead(1, "第１条　甲は、"), lead(2, "第２条　乙は、")]
    assert article_gap(same) == "　"
    assert article_gap([*same, lead(3, "第３条 甲及び乙は、")]) == ""
    assert article_gap([*same, lead(3, "第３条甲及び乙は、")]) == ""
