"""A title in the annual summary's crowded 協定名 column ends its lines where the title
allows, as the notices' titles break (BudouX phrases; a phrase longer than its line
after a word of it), never inside a proper noun (北見 / 工業大学, seen in the 2023 book
of specs/), and only where that leaves the table no longer than its tallest cell
makes it; where they would make it longer, between its words (never inside one: the
row grows rather). The PDF's glyphs read back by cell, the DOCX's cell reopened; the rule in
process, at widths where it must give way."""
from __future__ import annotations

import pytest
from docx import Document as OpenDocx

from conftest import ROOT, run_generate
from jpdocs.annual.blocks import title_lines
from jpdocs.spec.style import load_style
from jpdocs.writers.docx.line_breaks import composed_lines
from test_annual_lists import table_cells

SPEC = ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml"
TITLE = "北海道オホーツク総合振興局と北見工業大学との包括連携協定"
PHRASED = ["北海道オホーツク", "総合振興局と", "北見工業大学との", "包括連携協定"]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    out = tmp_path_factory.mktemp("titles")
    result = run_generate("annual", "--fiscal-year", "2023", SPEC, "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out


def cell_lines(out, heading: str) -> list[str]:
    """The lines of the table's first row's cell under `heading`, read back from the PDF."""
    lines = ["".join(c["text"] for c in line) for line in table_cells(out / "annual-2023.pdf")]
    heads = ["№", "締結日", "協定名", "相手方", "連携事項", "担当課", "有効期間"]
    assert all(h in lines for h in heads), lines
    start = lines.index(heading)
    following = lines.index(heads[heads.index(heading) + 1])
    return lines[start + 1:following]


def test_the_title_ends_its_lines_between_words_in_the_pdf_and_the_docx(book):
    assert cell_lines(book, "協定名") == PHRASED
    table = OpenDocx(book / "annual-2023.docx").tables[-1]
    k = [c.text for c in table.rows[0].cells].index("協定名")
    assert table.rows[1].cells[k].text.split("\n") == PHRASED


def test_the_row_is_no_taller_for_it(book):
    """The row stands as tall as its 連携事項 (six areas): the title's four lines fit in it."""
    assert len(cell_lines(book, "連携事項")) == 6 and len(cell_lines(book, "協定名")) <= 6


@pytest.fixture(scope="module")
def style():
    return load_style()


@pytest.mark.parametrize("ems", [8.4, 9.5, 15])
def test_where_the_row_has_room_the_title_breaks_between_its_words(style, ems):
    width = ems * style.styles["small"].size
    lines = title_lines([TITLE], width, [], style)
    assert lines in (PHRASED, ["北海道オホーツク総合振興局と", "北見工業大学との包括連携協定"])
    # the composer's own lines, set left, tore 北見 / 工業大学, 総 / 合振興局 …; they give the
    # torn word up at a phrase start now (jlreq_lines._keep_word): the same lines
    assert composed_lines(style, "small", TITLE, width) == lines


def test_the_row_grows_rather_than_the_title_tearing_a_word(style):
    """At 10 em JLREQ alone sets the title in three lines (…総合 / 振興局と北見工業大学 /
    との…), tearing 総合振興局; its words take four: alone in its row, the title takes four
    lines between its words (a taller row reads right; a torn word does not). The
    composer's lines, set left, now give the torn words up themselves (_keep_word)."""
    width = 10 * style.styles["small"].size
    assert composed_lines(style, "small", TITLE, width) == PHRASED
    assert title_lines([TITLE], width, [], style) == PHRASED
    assert title_lines([TITLE], width, [(width, ["一行目", "二行目", "三行目", "四行目"])], style) == PHRASED


def test_a_phrase_of_budoux_that_ends_inside_a_word_is_not_a_line_end(style):
    """BudouX parts 無人航 / 空機を: the title's lines end between words instead."""
    title = "災害時における無人航空機を活用した支援活動等に関する協定"
    for ems in (8, 10, 13.5):
        lines = title_lines([title], ems * style.styles["small"].size, [], style)
        assert "".join(lines) == title and len(lines) > 1
        assert all(not a.endswith("無人航") for a in lines), lines
        assert all(len(line) > 2 for line in lines), lines


def test_a_word_longer_than_the_line_is_the_composers_to_break(style):
    width = 4 * style.styles["small"].size
    assert title_lines(["防災科学技術研究所との協定"], width, [], style) == ["防災科学技術研究所との協定"]


def test_a_title_that_fits_its_line_is_left_as_it_is(style):
    width = 40 * style.styles["small"].size
    assert title_lines([TITLE], width, [], style) == [TITLE]
    assert title_lines(["北見工業大学との", "包括連携協定"], width, [], style) == ["北見工業大学との", "包括連携協定"]


OKINAWA = "酪農学園大学と一般財団法人沖縄美ら島財団との包括連携協定"        # rakuno-churaumi-2026
OKINAWA_NAMES = ("酪農学園大学", "一般財団法人沖縄美ら島財団")


@pytest.mark.parametrize("others", [[], [(80.0, ["一行目", "二行目"])]])
def test_a_name_the_line_can_hold_is_whole_at_one_line_more(style, others):
    """The 2025 book of the real cases set 協定名 20.64 em wide once hokkaido-forest-ffpri-2025
    widened 相手方: filled, the title took two lines, 酪農学園大学と一般財団法人沖縄美ら / 島財団
    との包括連携協定, 美ら島 torn; the name whole took three, which the rule (no more lines)
    refused. One line more buys a title whose parties' names are all whole, even in a row
    of two lines."""
    width = 20.64 * style.styles["small"].size
    assert title_lines([OKINAWA], width, others, style, OKINAWA_NAMES) == \
        ["酪農学園大学と", "一般財団法人沖縄美ら島財団との", "包括連携協定"]
    # and where no name is known, the filled lines, as before: the names make the difference
    assert len(title_lines([OKINAWA], width, others, style)) == 2

