"""A notice's head and 記 items as real releases set them (house-style keys added for
real cases whose pages the format could not say before):

- notice.ki_people_label: line — with inline labels, an item of people keeps its label
  on a line of its own over its groups (長崎国際大学 2016: 【出席者】 / ＜株式会社　長崎新聞社＞),
  the other items' text still after their labels.
- notice.office_place: date_line — the issuing office on the date's line, after it
  (東京都水道局 2014: 平成26年9月12日　水道局), in the notice and the release after the signing.

Each real case is built by the real command line (PDF and DOCX); the PDF is read back
line by line as a reader sees it and the DOCX reopened; a key that cannot apply is
refused with file, line and key.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from jpdocs import cli

from conftest import ROOT, needs_poppler, real_case_variant
from test_contact_forms import docx_paragraphs, lines_of
from test_notice_format import check, variant

REAL = ROOT / "tests" / "data" / "real"


def built(spec: Path, tmp_path: Path, capsys) -> Path:
    """SPEC's press notice, PDF and DOCX, built by the command line: the PDF's path."""
    code = cli.main([str(spec), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx",
                     "--force"])
    assert code == 0, capsys.readouterr().err
    return tmp_path / "out" / spec.stem / "press-notice.pdf"


def texts(pdf: Path) -> list[str]:
    return [text for text, _, _ in lines_of(pdf)]


# ---------------------------------------------------- an item of people's label on its line

@needs_poppler
def test_the_attendees_label_on_its_line_over_its_groups_beside_inline_labels(tmp_path, capsys):
    """長崎国際大学: 【日時】 and 【場所】 run their text in after the label, 【出席者】 stands
    alone over its groups (notice.ki_people_label: line); without the key its first
    group ran in after it. The DOCX's paragraphs alike."""
    pdf = built(REAL / "niu-nagasaki-np-2016.yaml", tmp_path, capsys)
    lines = texts(pdf)
    at = lines.index("【出席者】")
    assert lines[at + 1:at + 3] == ["＜株式会社長崎新聞社＞", "才木邦夫様／代表取締役社長"], lines[at:]
    assert any(x.startswith("【日時】平成28年3月29日（火）") for x in lines), lines
    paragraphs = [p.strip().replace("\u3000", "") for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    at = paragraphs.index("【出席者】")
    assert paragraphs[at + 1] == "＜株式会社長崎新聞社＞", paragraphs[at:]

    (tmp_path / "inline").mkdir()
    inline = real_case_variant(tmp_path / "inline", "niu-nagasaki-np-2016", "niu-topics.yaml")
    style = inline.parent / "styles" / "niu-topics.yaml"
    style.write_text(style.read_text(encoding="utf-8").replace("  ki_people_label: line", ""), encoding="utf-8")
    assert "【出席者】＜株式会社長崎新聞社＞" in texts(built(inline, tmp_path / "inline", capsys))


def test_the_people_labels_line_without_inline_labels_is_refused(tmp_path, capsys):
    """Every label on its own line already (ki_label: line): the key would have no effect."""
    path = variant(tmp_path, style="notice:\n  ki_people_label: line\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:2: notice.ki_people_label: " in err, err
    assert "with every label on its own line it would have no effect" in err and "Traceback" not in err


# ------------------------------------------------------------ the office on the date's line

@needs_poppler
def test_the_date_of_issue_and_the_office_on_one_line(tmp_path, capsys):
    """東京都水道局: 平成26年9月12日　水道局 as the page heads it (notice.office_place:
    date_line), no line of the office's own; the DOCX's paragraph alike."""
    pdf = built(REAL / "tokyo-water-ibaraki-2014.yaml", tmp_path, capsys)
    lines = texts(pdf)
    assert "平成26年９月12日水道局" in lines and "水道局" not in lines, lines[:4]
    paragraphs = [p.strip() for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    assert "平成26年９月12日\u3000水道局" in paragraphs, paragraphs[:4]


@needs_poppler
def test_the_office_on_the_date_line_of_the_release_after_the_signing_too(tmp_path, capsys):
    """The seed's notice and its release after the signing: each date line ends with the
    bureau, which has no line of its own; the suffix (配布) stays with the date."""
    path = variant(tmp_path, ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n"
                                                "    opening: [本日、締結しました。]\n  closing_ijo:"),
                   style="notice:\n  office_place: date_line\n")
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    folder = tmp_path / "out" / path.stem
    notice = texts(folder / "press-notice.pdf")
    assert "令和６年（2024年）２月16日（金）配布北海道オホーツク総合振興局" in notice, notice[:4]
    assert "北海道オホーツク総合振興局" not in notice
    after = texts(folder / "press-notice-after.pdf")
    assert any(x.startswith("令和６年（2024年）２月27日") and x.endswith("北海道オホーツク総合振興局")
               for x in after), after[:4]
    assert "北海道オホーツク総合振興局" not in after


@pytest.mark.parametrize("house, where", [
    ("notice:\n  date_place: before_title\n  office_place: date_line\n", "date_place: before_title"),
    ("notice:\n  head_form: label_table\n  office_place: date_line\n", "head_form: label_table"),
])
def test_the_office_on_a_date_line_that_is_not_there_is_refused(house, where, tmp_path, capsys):
    path = variant(tmp_path, style=house)
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:3: notice.office_place: " in err, err
    assert f"with {where} the date has no line of its own: it would have no effect" in err
