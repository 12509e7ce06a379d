"""Articles numbered as the text numbers them (extra_articles[].number), as 久喜市's
agreement of 2019 goes from 第６条 to 第８条: the stated number and the count on from
it, the references to articles (第１条の目的, 前条) by their printed numbers, the
DOCX typing the numbers Word's numbering could not print (it would count 第２条), the
build naming the gap, and a number that would count backwards or has no effect
refused at its line. Built from the seed spec by the real command line, the PDF and
the DOCX read back."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn

from conftest import SEED_SPEC, no_space, pdf_text, run_generate

SHARING = {"heading": "情報の共有", "name": "sharing", "after": "purpose", "number": 3,
           "text": ["甲及び乙は、必要な情報を共有するものとする。"]}
EXCHANGE = {"heading": "人材の交流", "name": "exchange", "after": "areas",
            "text": ["甲及び乙は、人材の交流に努めるものとする。"]}


def variant(tmp_path: Path, *extras) -> Path:
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    del data["press_notice"]
    data["agreement"]["document"]["extra_articles"] = list(extras)
    # one standard article fewer: the last is 第９条, numbers Word's full-width format prints
    data["agreement"]["document"]["articles"] = {"confidentiality": {"remove": True}}
    path = tmp_path / "numbered.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("numbered")
    spec = variant(tmp, SHARING, EXCHANGE)
    result = run_generate(spec, "-o", tmp / "out", "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    return tmp / "out" / spec.stem, result


def test_the_stated_number_and_the_count_on_from_it(built):
    folder, _ = built
    text = no_space(pdf_text(folder / "agreement.pdf"))
    # 第１条 (purpose), 第３条 (stated), then 第４条 (areas), 第５条 (exchange), 第６条 (promotion) …
    for article in ("第１条（目的）", "第３条（情報の共有）", "第４条（連携事項）", "第５条（人材の交流）", "第６条（推進体制）",
                    "第９条（協議）"):
        assert article in text, article
    assert "第２条" not in text and "第10条" not in text


def test_references_name_the_printed_numbers(built):
    folder, _ = built
    text = no_space(pdf_text(folder / "agreement.pdf"))
    assert "第１条の目的を達成するため" in text          # 連携事項 (第４条) of 目的
    assert "第４条に掲げる事項を円滑かつ効果的に推進するため" in text   # 推進体制 (第６条) of 連携事項, not 第３条


def test_the_docx_types_the_numbers_word_would_count_on(built):
    """Word numbers a list 1, 2, 3 …: 第３条 after 第１条 is typed, and so are the
    references (a REF field would print the list's count)."""
    folder, _ = built
    document = docx.Document(str(folder / "agreement.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "第３条（情報の共有）" in texts and "第６条（推進体制）" in texts
    assert not any("第２条" in t for t in texts)
    joined = no_space("".join(texts))
    assert "第４条に掲げる事項を円滑かつ効果的に推進するため" in joined
    numbered = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:numPr")) is not None]
    assert numbered == []
    assert not document.element.body.xpath(".//w:instrText")


def test_without_a_gap_word_still_numbers_the_articles(tmp_path):
    """The numbers one after the other (the same extra without number:): Word's numbering."""
    spec = variant(tmp_path, {k: v for k, v in SHARING.items() if k != "number"})
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(tmp_path / "out" / spec.stem / "agreement.docx"))
    numbered = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:numPr")) is not None]
    assert numbered
    assert "numbered as the text numbers them" not in result.stdout + result.stderr


def test_the_build_names_the_gap(built):
    _, result = built
    assert ("agreement.document.extra_articles[0].number: the articles are numbered as the text numbers"
            " them: 第３条 follows 第１条 (no article between them is printed)") in result.stdout


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize("extra, message", [
    (dict(SHARING, number=1), "第１条 after 第１条: an article's number only skips ahead of the article before it"
                              " (number: more than 1)"),
    (dict(SHARING, number=2), "number: 2 is the number this article has anyway (第２条): it would have no effect"),
    (dict(SHARING, number=0), "expected an article's number, 1 to 999 (8 = 第８条), got the number 0"),
])
def test_a_number_backwards_or_without_effect_is_refused_at_its_line(tmp_path, extra, message):
    spec = variant(tmp_path, extra)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    key = "agreement.document.extra_articles[0].number"
    assert f"{spec}:{_line_of(spec, 'number:')}: {key}: {message}" in result.stderr, result.stderr
    assert not (tmp_path / "out" / spec.stem).exists()
