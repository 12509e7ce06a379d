"""Articles numbered in kanji (article_numerals: kanji), as treaties, laws and older
agreements number them: 第一条, 第十条, 第十一条, chapters 第一章, references between
articles 第二条 (and 前条), the paragraphs still ２, ３ in figures — in the PDF and the
DOCX (Word's numbering in japaneseCounting, 第%1条, which LibreOffice prints so too);
chosen by the document or the house, the document's word refused where it would have
no effect (the house says it already, or the document is prose without articles).
Built from the seed spec by the real command line, the PDF and the DOCX read back."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
import yaml

from conftest import SEED_SPEC, SOFFICE, no_space, pdf_text, run_generate


def _article(name: str, heading: str, after: str) -> dict:
    return {"heading": heading, "name": name, "after": after, "text": [f"甲及び乙は、{heading}に努めるものとする。"]}


# one after 連携事項, so that 推進体制 (第四条) names it by its number (第二条), and three
# after 協議, so that the articles run to 第十一条
EXTRAS = [_article("exchange", "人材の交流", "areas"), _article("sports", "スポーツの振興", "consultation"),
          _article("culture", "文化の振興", "sports"), _article("youth", "青少年の育成", "culture")]
CHAPTERS = [{"heading": "総則", "first": "purpose"}, {"heading": "連携の内容", "first": "areas"},
            {"heading": "雑則", "first": "costs"}]


def variant(tmp_path: Path, house: str | None = None, **document) -> Path:
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    del data["press_notice"]
    data["agreement"]["document"].update(document)
    if house is not None:
        (tmp_path / "house.yaml").write_text(house, encoding="utf-8")
        data["style"] = "house.yaml"
    path = tmp_path / "kanji.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kanji")
    spec = variant(tmp, article_numerals="kanji", extra_articles=EXTRAS, chapters=CHAPTERS)
    result = run_generate(spec, "-o", tmp / "out", "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    return tmp / "out" / spec.stem, result


def test_the_headings_number_the_articles_and_chapters_in_kanji(built):
    folder, _ = built
    text = no_space(pdf_text(folder / "agreement.pdf"))
    for heading in ("第一章総則第一条（目的）", "第二章連携の内容第二条（連携事項）", "第三条（人材の交流）",
                    "第四条（推進体制）", "第三章雑則第六条（費用負担）", "第八条（協議）", "第九条（スポーツの振興）", "第十条（文化の振興）",
                    "第十一条（青少年の育成）"):
        assert heading in text, heading
    assert not re.search(r"第[0-9０-９]+[条章]", text)          # no article or chapter in figures
    assert "第一〇条" not in text and "第一十条" not in text


def test_references_and_paragraphs(built):
    """A reference names the article in kanji (第二条), 前条 stays; the paragraphs are
    numbered ２ in figures, as laws number them under 第一条."""
    folder, _ = built
    text = no_space(pdf_text(folder / "agreement.pdf"))
    assert "甲及び乙は、前条の目的を達成するため" in text                 # 第二条 of 第一条
    assert "甲及び乙は、第二条に掲げる事項を円滑かつ効果的に推進するため" in text   # 第四条 of 第二条
    assert "２第二条に掲げる事項の具体的な内容" in text
    assert "２前項の規定は、本協定の終了後においても" in text


def test_the_docx_numbers_the_articles_in_japanese_counting(built):
    """Word numbers the articles 第%1条 in japaneseCounting (一 … 十, 十一), the paragraphs
    %2 in full-width figures; a reference is a REF field whose result is 第二条."""
    folder, _ = built
    path = folder / "agreement.docx"
    numbering = zipfile.ZipFile(path).read("word/numbering.xml").decode()
    article_level = re.search(r'<w:lvl w:ilvl="0">.*?</w:lvl>', numbering).group()
    assert 'w:numFmt w:val="japaneseCounting"' in article_level and 'w:lvlText w:val="第%1条"' in article_level
    paragraph_level = re.search(r'<w:lvl w:ilvl="1">.*?</w:lvl>', numbering).group()
    assert 'w:numFmt w:val="decimalFullWidth"' in paragraph_level
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert "第一章　総則" in texts and "第三章　雑則" in texts
    assert not any(re.search(r"第[0-9０-９]+条", t) for t in texts)
    instructions = document.element.body.xpath(".//w:instrText/text()")
    assert any("REF _Ref_article_2 " in i for i in instructions), instructions
    assert "第二条に掲げる事項を円滑かつ効果的に推進するため" in no_space("".join(texts))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_prints_the_kanji_numbers(built, tmp_path):
    folder, _ = built
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(folder / "agreement.docx")],
                   env=dict(os.environ, HOME=str(tmp_path)), capture_output=True, timeout=300, check=True)
    text = no_space(pdf_text(tmp_path / "agreement.pdf"))
    for heading in ("第一条（目的）", "第四条（推進体制）", "第十条（文化の振興）", "第十一条（青少年の育成）"):
        assert heading in text, heading
    assert "第二条に掲げる事項を円滑かつ効果的に推進するため" in text


def test_the_build_names_the_articles_in_kanji(built):
    _, result = built
    assert "第一条（目的）、第二条（連携事項）、第四条（推進体制）" in result.stdout
    assert "the spec's own: 第三条（人材の交流）、第九条（スポーツの振興）、第十条（文化の振興）、第十一条（青少年の育成）" \
        in result.stdout


def test_a_stated_number_is_written_in_kanji(tmp_path):
    """A gap the text has (number: 5 after 第三条) counts on in kanji, the DOCX typing
    the numbers Word would count otherwise, and the build names the gap in kanji."""
    extras = [dict(EXTRAS[0], number=5)]
    spec = variant(tmp_path, article_numerals="kanji", extra_articles=extras)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / spec.stem / "agreement.pdf"))
    assert "第五条（人材の交流）" in text and "第六条（推進体制）" in text and "第三条" not in text
    assert "第二条に掲げる事項を円滑かつ効果的に推進するため" in text
    assert "第五条 follows 第二条 (no article between them is printed)" in result.stdout
    texts = [p.text for p in docx.Document(str(tmp_path / "out" / spec.stem / "agreement.docx")).paragraphs]
    assert "第五条（人材の交流）" in texts and "第六条（推進体制）" in texts


def test_the_house_numbers_in_kanji_and_a_document_in_figures(tmp_path):
    """agreement.article_numerals: kanji in the house style numbers every agreement so;
    a document of that house in figures says article_numerals: figures."""
    spec = variant(tmp_path, house="agreement:\n  article_numerals: kanji\n")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / spec.stem / "agreement.pdf"))
    assert "第一条（目的）" in text and "第七条（協議）" in text and "第１条" not in text
    spec = variant(tmp_path, house="agreement:\n  article_numerals: kanji\n", article_numerals="figures")
    result = run_generate(spec, "-o", tmp_path / "fig", "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "fig" / spec.stem / "agreement.pdf"))
    assert "第１条（目的）" in text and "第七条" not in text


@pytest.mark.parametrize("house, numerals, message", [
    (None, "figures", "the house numbers its articles in figures already (agreement.article_numerals):"
                      " article_numerals would have no effect; remove it"),
    ("agreement:\n  article_numerals: kanji\n", "kanji",
     "the house numbers its articles in kanji already (agreement.article_numerals): article_numerals would have"
     " no effect; remove it"),
])
def test_a_word_without_effect_is_refused_at_its_line(tmp_path, house, numerals, message):
    spec = variant(tmp_path, house=house, article_numerals=numerals)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    key = "agreement.document.article_numerals"
    assert f"{spec}:{_line_of(spec, 'article_numerals:')}: {key}: {message}" in result.stderr, result.stderr
    assert not (tmp_path / "out" / spec.stem).exists()


def test_refused_beside_prose(tmp_path):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    del data["press_notice"]
    data["agreement"]["document"] = {"prose": ["両市は、友好を深める。"], "closing": "以上のとおり協定する。",
                                     "article_numerals": "kanji"}
    spec = tmp_path / "prose.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert ("agreement.document.article_numerals: the document is prose without articles (document.prose), and"
            " article_numerals is the articles' numerals: it would have no effect") in result.stderr, result.stderr


def test_a_hundredth_article_is_typed_in_the_docx(tmp_path):
    """第百条: Word's japaneseCounting is trusted to 九十九 only, so the articles' numbers
    are typed (before, reading the numbers as that format failed at the 100th)."""
    extras = [dict(_article(f"more{k}", f"事項{k}", "consultation" if k == 0 else f"more{k - 1}"), name=f"more{k}")
              for k in range(93)]
    spec = variant(tmp_path, article_numerals="kanji", extra_articles=extras)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / spec.stem / "agreement.pdf"))
    assert "第九十九条（事項91）" in text and "第百条（事項92）" in text
    body = docx.Document(str(tmp_path / "out" / spec.stem / "agreement.docx")).element.body
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]   # tables' too
    assert "第百条（事項92）" in texts and "第一条（目的）" in texts
