"""The annual summary's columns share the page by what their text needs: the 2018 book
of the real cases (19 agreements; 担当課 and 連携事項 mostly －, titles of up to 53
characters, partners' names of up to 24) once set 協定名 about four characters wide, its
titles torn anywhere (災害時 / におけ / る無人 / 航空機), while 担当課 took 22 em for one
office. Read back from the PDF: titles and names end their lines between words, no line
of a title is a lone one or two characters, and the DOCX's columns are the PDF's."""
from __future__ import annotations

import pdfplumber
import pytest
from docx import Document as OpenDocx
from docx.oxml.ns import qn

from conftest import ROOT, run_generate
from test_annual_lists import table_cells

REAL = ROOT / "tests" / "data" / "real"
HEADS = ["№", "締結日", "協定名", "相手方", "連携事項", "担当課", "有効期間"]
# words of the year's titles and names that a line must not end inside
TITLE_WORDS = ["無人航空機", "災害時", "支援活動", "包括的", "連携協定", "協定書", "防災科学技術研究所",
               "国立研究開発法人", "特定非営利活動法人", "ジオパークネットワーク", "箕輪進修高等学校", "消防用水",
               "情報収集", "相互協力", "五島日本語学校", "明星大学", "カゴメ株式会社", "消防活動"]
NAME_WORDS = ["クライシスマッパーズ", "ジャパン", "千葉中央生コンクリート協同組合", "防災科学技術研究所",
              "特定非営利活動法人", "ジオパークネットワーク", "九州総合学院", "トミタモータース", "東京理科大学"]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    specs = tmp_path_factory.mktemp("real")
    for f in REAL.glob("*.yaml"):
        if not f.name.endswith(".facts.yaml"):
            (specs / f.name).symlink_to(f)
    for d in REAL.iterdir():
        if d.is_dir():
            (specs / d.name).symlink_to(d)
    out = tmp_path_factory.mktemp("book")
    result = run_generate("annual", "--fiscal-year", "2018", specs, "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out


def columns(pdf) -> dict[str, list[list[str]]]:
    """Each column's cells on every page of the table, a cell as its lines (top to bottom)."""
    out: dict[str, list[list[str]]] = {h: [] for h in HEADS}
    with pdfplumber.open(pdf) as doc:
        pages = range(2, len(doc.pages))
        rules = [sorted({round(e["top"]) for e in doc.pages[p].edges if e["orientation"] == "h"}) for p in pages]
    for p, ys in zip(pages, rules):
        lines = table_cells(pdf, p)
        if not lines or "".join(c["text"] for c in lines[0]) != "№":
            break
        with pdfplumber.open(pdf) as doc:
            xs = sorted({round(e["x0"], 1) for e in doc.pages[p].edges if e["orientation"] == "v"})
        for line in lines:
            k = sum(1 for x in xs if x <= line[0]["x0"]) - 1
            row = sum(1 for y in ys if y <= line[0]["top"])
            text = "".join(c["text"] for c in line)
            cells = out[HEADS[k]]
            if text == HEADS[k]:
                continue
            if not cells or cells[-1][0] != (p, row):
                cells.append([(p, row)])
            cells[-1].append(text)
    return {h: [cell[1:] for cell in cells] for h, cells in out.items()}


def torn(cell: list[str], words: list[str]) -> list[str]:
    """The words of `words` that a line end of the cell falls inside."""
    text, ends, pos = "".join(cell), set(), 0
    for line in cell[:-1]:
        pos += len(line)
        ends.add(pos)
    found = []
    for word in words:
        start = text.find(word)
        while start >= 0:
            if any(start < e < start + len(word) for e in ends):
                found.append(word)
            start = text.find(word, start + 1)
    return found


def test_titles_end_their_lines_between_words_and_leave_no_lone_characters(book):
    titles = columns(book / "annual-2018.pdf")["協定名"]
    assert len(titles) == 19
    assert [cell for cell in titles if torn(cell, TITLE_WORDS)] == []
    assert [cell for cell in titles if len(cell) > 1 and any(len(line) <= 2 for line in cell)] == []
    # the drone agreements' title of 28 characters in two lines, not nine
    drone = "災害時における無人航空機を活用した支援活動等に関する協定"
    assert max(len(cell) for cell in titles if "".join(cell) == drone) <= 3


def test_names_are_whole_or_parted_between_their_words(book):
    cols = columns(book / "annual-2018.pdf")
    for heading in ("相手方", "担当課"):
        assert [cell for cell in cols[heading] if torn(cell, NAME_WORDS)] == [], heading


def test_a_column_of_dashes_is_no_wider_than_its_heading_needs(book):
    with pdfplumber.open(book / "annual-2018.pdf") as doc:
        page = doc.pages[2]
        xs = sorted({round(e["x0"], 1) for e in page.edges if e["orientation"] == "v"})
    widths = dict(zip(HEADS, (b - a for a, b in zip(xs, xs[1:]))))
    assert widths["連携事項"] < 5 * 9 + 8 + 1               # 連携事項 in 9-point type, and the padding
    assert widths["協定名"] > widths["担当課"]


def test_the_docx_columns_are_the_pdfs(book):
    with pdfplumber.open(book / "annual-2018.pdf") as doc:
        page = doc.pages[2]
        xs = sorted({round(e["x0"], 1) for e in page.edges if e["orientation"] == "v"})
    pdf = [b - a for a, b in zip(xs, xs[1:])]
    table = OpenDocx(book / "annual-2018.docx").tables[-1]
    grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert [c.text for c in table.rows[0].cells] == HEADS
    assert [round(w / sum(grid), 3) for w in grid] == pytest.approx([w / sum(pdf) for w in pdf], abs=0.003)
