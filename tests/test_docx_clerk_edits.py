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
