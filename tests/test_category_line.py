"""The site's section or category the page is listed under, a line of its own at the left,
the notice's first (press_notice.category_line), as 日本女子大学 heads its news with お知らせ
(`jwu-hidaka-2021`) and 中村河川国道事務所 its topics with 事務所トピックス above the date
(`nakamura-shimanto-2014`).

The real cases are built by the real command line, PDF and DOCX; the PDF read back line
by line with each line's left edge (at the margin: the leftmost glyph of the page) and
baseline (the gap before the title where nothing else stands above it), the DOCX reopened
(its first paragraph, set at the left). A variation of the seed shows it above the header
and the date, and not in the release after the signing; an empty one stops with file,
line and key.
"""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from jpdocs import cli

from conftest import needs_poppler, no_space
from test_contact_forms import docx_paragraphs, lines_of
from test_kind_line import docx_alignment
from test_notice_format import check, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CATEGORY = ("  issue_date: 2024-02-16\n", "  category_line: お知らせ\n  issue_date: 2024-02-16\n")
AFTER = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-28\n    opening: [本日、締結しました。]\n  closing_ijo:")


def baselines(pdf: Path) -> list[tuple[str, float]]:
    """Each line of the first page (without spaces) and its baseline, top to bottom."""
    with pdfplumber.open(pdf) as doc:
        rows: dict[int, list] = {}
        for c in doc.pages[0].chars:
            rows.setdefault(round(c["bottom"]), []).append(c)
    return [(no_space("".join(c["text"] for c in sorted(row, key=lambda c: c["x0"]))), bottom)
            for bottom, row in sorted(rows.items())]


@needs_poppler
@pytest.mark.parametrize("case, head", [
    # no date, no header, no office: the category, then the title after the head's gap
    ("jwu-hidaka-2021", ["お知らせ", "日本女子大学と北海道日高管内"]),
    # the category above the date, the date above the title
    ("nakamura-shimanto-2014", ["事務所トピックス", "2014年３月５日", "四万十市と災害時の一時避難場所"]),
])
def test_the_category_is_the_first_line_at_the_left(case, head, tmp_path):
    assert cli.main([str(REAL / f"{case}.yaml"), "-o", str(tmp_path), "--kinds", "press-notice",
                     "--format", "pdf,docx"]) == 0
    out = tmp_path / case
    lines = lines_of(out / "press-notice.pdf")
    texts = [text for text, _, _ in lines]
    assert texts[0] == head[0] and all(t.startswith(h) for t, h in zip(texts[1:len(head)], head[1:])), texts[:4]
    assert sum(head[0] in text for text in texts) == 1
    margin = min(left for _, left, _ in lines)
    assert abs(lines[0][1] - margin) < 0.5, (lines[0], margin)        # at the left margin
    assert lines[1][1] > margin + 10                                 # what follows is not (right, centred)
    # the gap before the title: the line before it (the category or the date) stands a
    # line and the head's 8 points above it, as the date does in a notice with a date
    rows = baselines(out / "press-notice.pdf")
    title = next(i for i, (text, _) in enumerate(rows) if text.startswith(head[-1]))
    assert rows[title][1] - rows[title - 1][1] > rows[title + 2][1] - rows[title + 1][1] + 6, rows[:title + 3]
    docx = [text for text in docx_paragraphs(out / "press-notice.docx") if text.strip()]
    assert docx[0] == head[0] and docx[1].replace(" ", "").startswith(head[1][:6]), docx[:3]
    assert docx_alignment(out / "press-notice.docx", head[0]) == "left"


@needs_poppler
def test_the_category_stands_above_the_header_and_not_in_the_release_after(tmp_path, capsys):
    """With a header and a date: the category above 報道機関各位; the release after the
    signing is another paper and prints none."""
    path = variant(tmp_path, CATEGORY, AFTER)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    texts = [text for text, _, _ in lines_of(out / "press-notice.pdf")]
    assert texts[:2] == ["お知らせ", "報道機関各位"], texts[:3]
    docx = [no_space(text) for text in docx_paragraphs(out / "press-notice.docx") if text.strip()]
    assert docx[:2] == ["お知らせ", "報道機関各位"], docx[:3]
    assert all("お知らせ" not in text for text, _, _ in lines_of(out / "press-notice-after.pdf"))
    assert all("お知らせ" not in text for text in docx_paragraphs(out / "press-notice-after.docx"))


def test_an_empty_category_line_is_refused_at_its_line(tmp_path, capsys):
    path = variant(tmp_path, ("  issue_date: 2024-02-16\n", "  category_line: \"\"\n  issue_date: 2024-02-16\n"))
    code, _, err = check(path, capsys)
    line = path.read_text(encoding="utf-8").splitlines().index("  category_line: \"\"") + 1
    assert code == 1 and f"error: {path}:{line}: press_notice.category_line: " in err, err


# ------------------------------------------------------------ under the date (category_place)

UNDER_DATE = "notice:\n  category_place: under_date\n"


@needs_poppler
@pytest.mark.parametrize("case, run, category", [
    # the date in the head, the category under it, then the title (ファミリーマート's news)
    ("familymart-miyagi-2010", ["2010年04月23日", "社会・環境", "株式会社ファミリーマートと宮城県が"], "社会・環境"),
    # the title first, the date under it, the category under the date (弘前大学's topics)
    ("hirosaki-aoimori-2017", ["弘前大学，青い森信用金庫との包括連携協定を締結", "2017.10.25", "地域"], "地域"),
])
def test_the_category_stands_under_the_date_where_the_house_sets_it(case, run, category, tmp_path):
    """notice.category_place: under_date: the category the line straight under the date
    of issue, wherever the date stands, at the right as the date is (their right edges
    one), a line's height under it; nowhere else; the DOCX's paragraph after the date's,
    right-aligned as it is."""
    assert cli.main([str(REAL / f"{case}.yaml"), "-o", str(tmp_path), "--kinds", "press-notice",
                     "--format", "pdf,docx"]) == 0
    out = tmp_path / case
    lines = lines_of(out / "press-notice.pdf")
    texts = [text for text, _, _ in lines]
    at = next(i for i, text in enumerate(texts) if text.startswith(run[0]))
    assert [t[:len(r)] for t, r in zip(texts[at:at + 3], run)] == run, texts[:5]
    assert sum(category == text for text in texts) == 1, texts       # printed once, not first too
    date, category = lines[texts.index(category) - 1], lines[texts.index(category)]
    assert abs(date[2] - category[2]) < 0.5, (date, category)     # both at the right edge
    assert category[1] > min(left for _, left, _ in lines) + 100, category   # not at the left
    rows = baselines(out / "press-notice.pdf")
    d = next(i for i, (text, _) in enumerate(rows) if text == date[0])
    assert rows[d + 1][0] == category[0] and 10 < rows[d + 1][1] - rows[d][1] < 20, rows[d:d + 2]
    docx = [no_space(text) for text in docx_paragraphs(out / "press-notice.docx") if text.strip()]
    d = docx.index(date[0])
    assert docx[d + 1] == category[0], docx[:d + 3]
    assert docx_alignment(out / "press-notice.docx", category[0]) == docx_alignment(out / "press-notice.docx",
                                                                                   docx_paragraphs_of(out, date[0]))


def docx_paragraphs_of(out: Path, folded: str) -> str:
    """The DOCX paragraph's text as written whose text without spaces is `folded`."""
    return next(text for text in docx_paragraphs(out / "press-notice.docx") if no_space(text) == folded)


@needs_poppler
def test_under_the_date_in_the_head_the_offices_follow_the_category(tmp_path, capsys):
    """The seed (報道機関各位, the date, the office): the category between the date and the
    office, in the PDF and the DOCX; the release after the signing prints none."""
    path = variant(tmp_path, CATEGORY, AFTER, style=UNDER_DATE)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    texts = [text for text, _, _ in lines_of(out / "press-notice.pdf")]
    assert texts[0] == "報道機関各位" and texts[2] == "お知らせ" and "年" in texts[1], texts[:4]
    assert texts[3] == "北海道オホーツク総合振興局", texts[:4]
    docx = [no_space(text) for text in docx_paragraphs(out / "press-notice.docx") if text.strip()]
    assert docx[2:4] == ["お知らせ", "北海道オホーツク総合振興局"], docx[:4]
    assert all("お知らせ" not in text for text, _, _ in lines_of(out / "press-notice-after.pdf"))


def test_a_category_under_no_date_is_refused_at_its_line(tmp_path, capsys):
    """issue_date: none: no date line to set the category under; refused at the
    category's line, never moved to the top unasked."""
    path = variant(tmp_path, ("  issue_date: 2024-02-16\n", "  category_line: お知らせ\n  issue_date: none\n"),
                   style=UNDER_DATE)
    code, _, err = check(path, capsys)
    line = path.read_text(encoding="utf-8").splitlines().index("  category_line: お知らせ") + 1
    assert code == 1 and f"error: {path}:{line}: press_notice.category_line: " in err, err
    assert "category_place: under_date" in err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("house, where", [
    ("notice:\n  date_place: before_title\n  category_place: under_date\n", "date_place: before_title"),
    ("notice:\n  head_form: label_table\n  contacts_at: foot\n  category_place: under_date\n",
     "head_form: label_table"),
])
def test_under_a_date_with_no_line_of_its_own_the_house_is_refused(house, where, tmp_path, capsys):
    path = variant(tmp_path, CATEGORY, style=house)
    code, _, err = check(path, capsys)
    lines = (tmp_path / "house.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index("  category_place: under_date") + 1
    assert code == 1 and f"{tmp_path / 'house.yaml'}:{line}: notice.category_place: " in err, err
    assert where in err, err
