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
    for heading in ("別記第１号様式", "別記第２号様式"):
        para = re.search(r"<w:p>(?:(?!<w:p>).)*?<w:t>" + heading + "</w:t>", body).group()
        assert "pageBreakBefore" in para or 'w:type="page"' in para
    assert "協力要請の理由" in body and "その他参考となるべき事項" in body
    table = re.search(r"<w:tbl>(?:(?!<w:tbl>).)*?【?緊急時連絡先(?:(?!</w:tbl>).)*</w:tbl>", body).group()
    assert table.count("<w:tr") == 3 and "電話番号" in table


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
