"""A party's name of kanji alone parts in the annual book's 相手方 where printed lists part
it (annual/name_parts.py), not only where its writer put a full-width space: the 2016
book of the real cases with yamaguchi-tokuji-2017's party written run on, as its page
writes it (独立行政法人国立青少年教育振興機構国立山口徳地青少年自然の家: after its legal
form the book found no place to part 国立青少年教育振興機構国立山口徳地青少年自然の家, 20
em, held whole: 相手方 24 em wide, the table 53 lines, three more than with the spaces).
Read back from the PDF's glyphs and the DOCX's cells. A name of kanji alone with no such
seam is held whole as before."""
from __future__ import annotations

import pytest
from docx import Document as OpenDocx

from conftest import run_generate
from test_annual_widths import REAL, SIZE, PADDING, TALL_OFFICES, columns, column_widths

SPACED = "独立行政法人　国立青少年教育振興機構　国立山口徳地青少年自然の家"
RUN_ON = SPACED.replace("　", "")
# a name of kanji alone with no legal form, no body before a member, no company after it
# (a name made up for the test, longer than any other partner of the year)
NO_SEAM = "徳地地域青少年自然体験活動推進協議会連絡会"


def _book(folder, name: str):
    """The 2016 book of the real cases (as test_annual_widths builds it), the 徳地 centre named `name`."""
    specs = folder / "specs"
    specs.mkdir()
    for f in REAL.glob("*.yaml"):
        if f.name.endswith(".facts.yaml"):
            continue
        text = f.read_text(encoding="utf-8")
        if f.stem in TALL_OFFICES:
            office = TALL_OFFICES[f.stem].replace("\n", "\\n")
            text = text.replace("\nagreement:\n", f'\nagreement:\n  department: "{office}"\n', 1)
        if f.stem == "yamaguchi-tokuji-2017":
            assert f"name: {SPACED}\n" in text
            text = text.replace(f"name: {SPACED}\n", f"name: {name}\n")
        (specs / f.name).write_text(text, encoding="utf-8")
    for d in REAL.iterdir():
        if d.is_dir():
            (specs / d.name).symlink_to(d)
    result = run_generate("annual", "--fiscal-year", 2016, specs, "-o", folder, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return folder / "annual-2016.pdf"


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    return {name: _book(tmp_path_factory.mktemp("book"), name) for name in (RUN_ON, SPACED, NO_SEAM)}


def _table_lines(cols: dict[str, list[list[str]]]) -> int:
    return sum(max(len(cells[row]) for cells in cols.values()) for row in range(len(cols["№"])))


def _docx_cell(pdf, start: str) -> str:
    table = OpenDocx(pdf.with_suffix(".docx")).tables[-1]
    return next(c.text for row in table.rows for c in row.cells if c.text.startswith(start))


def test_a_run_on_name_parts_between_its_body_and_its_facility(books):
    """Written run on, the centre's name parts where a list parts it, between the body and
    its facility, on two lines (it was 独立行政法人 / 国立青少年教育振興機構国立山口…, 相手方
    held 24 em wide for its 20-em word); the table no taller than with the writer's
    spaces (44 lines, 53 before; the spaced book's 50), in the DOCX as in the PDF."""
    pdf = books[RUN_ON]
    cols = columns(pdf)
    cell = next(c for c in cols["相手方"] if "".join(c) == RUN_ON)
    assert cell == ["独立行政法人国立青少年教育振興機構", "国立山口徳地青少年自然の家"], cell
    row = cols["相手方"].index(cell)
    assert max(len(c[row]) for c in cols.values()) == 2
    assert column_widths(pdf)["相手方"] < 20 * SIZE + PADDING
    assert _table_lines(cols) <= _table_lines(columns(books[SPACED]))
    assert _docx_cell(pdf, "独立行政法人") == "\n".join(cell)


def test_a_name_of_kanji_alone_with_no_seam_is_held_whole(books):
    """A name with no legal form and no body before a member has no place to part: held
    whole on its line, its column as wide as it, as before; the spaced name still parts
    at its spaces alone."""
    pdf = books[NO_SEAM]
    assert [NO_SEAM] in columns(pdf)["相手方"]
    assert column_widths(pdf)["相手方"] >= len(NO_SEAM) * SIZE + PADDING
    assert _docx_cell(pdf, NO_SEAM[:4]) == NO_SEAM
    spaced = next(c for c in columns(books[SPACED])["相手方"] if "".join(c) == RUN_ON)
    assert spaced == SPACED.split("　"), spaced


@pytest.mark.parametrize("name, parts", [
    ("東日本高速道路株式会社", ["東日本高速道路", "株式会社"]),            # a company's form after its name
    ("日本郵便株式会社北海道支社", ["日本郵便", "株式会社", "北海道支社"]),
    ("独立行政法人国立病院機構刀根山病院", ["独立行政法人", "国立病院機構", "刀根山病院"]),
    ("埼玉大学大学院政策科学研究科", ["埼玉大学", "大学院政策科学研究科"]),   # a university and its member
    ("札幌医科大学附属病院", ["札幌医科大学", "附属病院"]),
    ("国立大学法人東北大学", ["国立大学法人", "東北大学"]),                # 大学 inside a word: no seam
    ("放送大学学園", ["放送大学学園"]),
    ("防衛大学校", ["防衛大学校"]),
    (NO_SEAM, [NO_SEAM]),
])
def test_the_words_a_name_parts_between(name, parts):
    """The words the book's widths hold whole (widths.name_words), from the real cases'
    partners and the forms around them."""
    from jpdocs.annual.widths import name_words
    assert name_words(name) == parts
