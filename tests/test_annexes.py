"""An agreement's annexes (別記様式, 別表): pages after the signatures, printed part after
part as the spec writes them (消防庁's model agreement of 2018 ends with two forms: a
request form with its 記 and numbered entries, and a table of contacts to fill in).

Each test writes the seed's agreement with annexes and runs the real command line; the
PDF is read back glyph by glyph and the DOCX reopened.
"""
from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
import yaml

from conftest import SEED_SPEC, needs_poppler, no_space, pdf_text, run_generate
from glyphs import page_rows

REQUEST = {"heading": "別記第１号様式", "parts": [
    {"text": "年　　月　　日", "align": "right"},
    "（事業者名）",
    {"title": "協力要請書"},
    "下記のとおり、無人航空機による協力を要請します。",
    {"text": "記", "align": "center"},
    {"items": ["協力要請の理由",
               {"text": "消防庁担当者の所属、職・氏名および連絡先", "lines": ["所属", "職・氏名"]},
               "その他参考となるべき事項"]},
]}
CONTACTS = {"heading": "別記第２号様式", "parts": [
    {"title": "連絡責任者選任届"},
    {"caption": "【消防庁】", "table": [["", "平時連絡先", "緊急時連絡先"], ["氏名", "", ""], ["電話番号", "", ""]]},
]}


def spec_with(tmp_path: Path, annexes, name: str = "spec") -> Path:
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["agreement"]["document"]["annexes"] = annexes
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def text_of(row) -> str:
    return "".join(c["text"] for c in row)


@needs_poppler
def test_annexes_follow_the_signatures_each_from_a_page_of_its_own(tmp_path):
    spec = spec_with(tmp_path, [REQUEST, CONTACTS])
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / spec.stem / "agreement.pdf"
    flat = re.sub(r"-\d+-", "", no_space(pdf_text(pdf)))      # (the page numbers)
    # the agreement ends as before (the signatures), then the forms in order, as written
    assert flat.index("北見工業大学学長") < flat.index("別記第１号様式年月日（事業者名）協力要請書下記のとおり、"
                                                  "無人航空機による協力を要請します。記１協力要請の理由２消防庁担当者の所属、"
                                                  "職・氏名および連絡先所属職・氏名３その他参考となるべき事項別記第２号様式"
                                                  "連絡責任者選任届【消防庁】平時連絡先緊急時連絡先氏名電話番号")
    pages = [[r for r in page_rows(pdf, p) if not re.fullmatch(r"- \d+ -", text_of(r))] for p in range(4)]
    assert "北見工業大学学長" in "".join(text_of(r) for r in pages[1])      # the signatures' page
    first, second = pages[2], pages[3]
    assert text_of(first[0]) == "別記第１号様式" and text_of(second[0]) == "別記第２号様式"
    body_left = first[0][0]["x0"]
    rows = {no_space(text_of(r)): r for r in first}
    size = rows["記"][0]["size"]
    # flush right at the text's right edge (where the full lines of page 1 end)
    right = Counter(round(r[-1]["x1"], 1) for r in page_rows(pdf, 0)).most_common(1)[0][0]
    assert abs(rows["年月日"][-1]["x1"] - right) < 0.5
    # 記 in the middle of the text, the title in the middle too
    middle = (body_left + right) / 2
    assert abs((rows["記"][0]["x0"] + rows["記"][0]["x1"]) / 2 - middle) < 1
    title = rows["協力要請書"]
    assert abs((title[0]["x0"] + title[-1]["x1"]) / 2 - middle) < 1 and title[0]["size"] > size
    # entries numbered in the house's digits, the text an em past the marker, the lines
    # under an entry at its text's margin
    entry = rows["２消防庁担当者の所属、職・氏名および連絡先"]
    assert entry[0]["text"] == "２" and abs(entry[0]["x0"] - body_left) < 0.5
    assert abs(entry[1]["x0"] - (body_left + 2 * size)) < 0.5
    assert abs(rows["職・氏名"][0]["x0"] - entry[1]["x0"]) < 0.5
    # the table: the caption above it, the heading row, the labels in the first column
    texts = [no_space(text_of(r)) for r in second]
    assert texts[1:6] == ["連絡責任者選任届", "【消防庁】", "平時連絡先緊急時連絡先", "氏名", "電話番号"]
    # the DOCX: the same parts, each annex from a new page, the table's rows
    body = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml").decode()
    # the first from a new section (new page: the section break of the paragraph before
    # it), the second from a page break
    before, first = re.search(r"(<w:p>(?:(?!<w:p>).)*</w:p>)(<w:p>(?:(?!<w:p>).)*?<w:t>別記第１号様式</w:t>)",
                              body).groups()
    assert "<w:sectPr" in before and "<w:type " not in before and "pageBreakBefore" not in first
    second = re.search(r"<w:p>(?:(?!<w:p>).)*?<w:t>別記第２号様式</w:t>", body).group()
    assert "pageBreakBefore" in second
    assert "協力要請の理由" in body and "その他参考となるべき事項" in body
    table = re.search(r"<w:tbl>(?:(?!<w:tbl>).)*?【?緊急時連絡先(?:(?!</w:tbl>).)*</w:tbl>", body).group()
    assert len(re.findall(r"<w:tr[ >]", table)) == 3 and "電話番号" in table    # rows, not their w:trPr


def numbers_by_page(pdf: Path) -> list[list[str]]:
    with pdfplumber.open(pdf) as doc:
        count = len(doc.pages)
    return [[text_of(r) for r in page_rows(pdf, p) if re.fullmatch(r"- \d+ -", text_of(r))] for p in range(count)]


def footer_texts(docx: Path) -> list[list[str]]:
    """For each section of the DOCX's body, the text and fields of the footers it names."""
    package = zipfile.ZipFile(docx)
    rels = package.read("word/_rels/document.xml.rels").decode()
    target = {m.group(1): m.group(2) for m in re.finditer(r'<Relationship Id="(\w+)"[^>]*?Target="([^"]+)"', rels)}
    body = package.read("word/document.xml").decode()
    out = []
    for sect in re.findall(r"<w:sectPr\b.*?</w:sectPr>", body, re.S):
        parts = [package.read("word/" + target[rid]).decode()
                 for rid in re.findall(r'<w:footerReference w:type="\w+" r:id="(\w+)"', sect)]
        out.append(["".join(a + b for a, b in re.findall(r'<w:t[^>]*>([^<]*)</w:t>|w:instr="([^"]*)"', part))
                    for part in parts])
    return out


@needs_poppler
def test_the_annexes_pages_carry_no_page_number(tmp_path):
    """A form copied to be filled in carries no number of the agreement's pages: the
    numbers stop where the annexes start, in the PDF and in the DOCX (a section of its
    own, with empty footers); an agreement of one page and its forms has none at all."""
    spec = spec_with(tmp_path, [REQUEST, CONTACTS])
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / spec.stem / "agreement.pdf"
    assert numbers_by_page(pdf) == [["- 1 -"], ["- 2 -"], [], []]
    # the DOCX: the agreement's section numbers its pages (the first page's number
    # conditional, then PAGE); the annexes' section, from a new page, has one empty footer
    numbered, annexes = footer_texts(pdf.with_suffix(".docx"))
    assert any("PAGE" in f for f in numbered) and annexes == [""]
    body = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml").decode()
    assert "<w:titlePg" not in body.rsplit("<w:sectPr", 1)[1]


@needs_poppler
def test_a_one_page_agreement_with_its_forms_has_no_page_numbers(tmp_path):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["agreement"]["document"]["annexes"] = [REQUEST]
    data["agreement"]["document"]["articles"] = {name: {"remove": True} for name in ("promotion", "confidentiality", "costs")}
    data["agreement"]["areas"] = data["agreement"]["areas"][:2]
    spec = tmp_path / "short.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert numbers_by_page(tmp_path / "out" / "short" / "agreement.pdf") == [[], []]

@pytest.mark.parametrize("annex, key, message", [
    ({"heading": "別表", "parts": [{"text": "記", "title": "協力要請書"}]}, "parts[0]",
     "a part of an annex is one of text:, title:, items: or table: (give one)"),
    ({"heading": "別表", "parts": [{"title": "協力要請書", "align": "center"}]}, "parts[0]",
     "align: goes with text: in the same part; here it would have no effect"),
    ({"heading": "別表", "parts": [{"items": ["理由"], "caption": "【消防庁】"}]}, "parts[0]",
     "caption: goes with table: in the same part; here it would have no effect"),
    ({"heading": "別表", "parts": [{"items": ["理由"], "item_marker": "（）"}]}, "parts[0].item_marker",
     "{number} must appear once in item_marker, and no other placeholder"),
    ({"heading": "別表", "parts": [{"table": [["名称", "所在地"], ["北見市役所"]]}]}, "parts[0].table",
     "every row of a table has as many cells as its heading row (2)"),
    ({"heading": "別表", "parts": [{"table": [["名称", "所在地"]]}]}, "parts[0].table",
     "a table needs its heading row and at least one row under it"),
    ({"heading": "別表", "parts": []}, "parts", "at least 1"),
    ({"parts": ["北見市役所"]}, "heading", "required"),
])
def test_an_annex_that_cannot_print_as_written_is_an_error(annex, key, message, tmp_path):
    spec = spec_with(tmp_path, [REQUEST, annex])
    result = run_generate("check", spec)
    assert result.returncode == 1, result.stdout
    found = [line for line in result.stderr.splitlines()
             if f": agreement.document.annexes[1].{key}: " in line and message in line]
    assert found and found[0].startswith(f"error: {spec}:"), result.stderr
