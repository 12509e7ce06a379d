"""The notice's head as one ruled table of a label and its value a row under the title
(notice.head_form: label_table), as 大阪府 heads its releases (`osaka-yomiuri-2021`):

    代表連絡先 | 財務部　行政経営課　公民連携グループ / ダイヤルイン番号：… / メールアドレス：…
    提供日     | 2021年12月22日
    提供時間   | 14時0分
    内容       | 大阪府と株式会社読売新聞大阪本社は、…

The real case is built by the real command line, PDF and DOCX: the PDF read back line by
line as a reader sees it, the DOCX reopened (its table's rows of cells). Variations of
the seed show a row whose fact the spec does not give left out (no hour, no date, no
内容 row with opening_heading: false); what the table leaves no place for stops with
file, line and key, and nothing is written.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from jpdocs import cli

from conftest import SOFFICE, needs_poppler, no_space
from test_contact_forms import lines_of
from test_head_table import docx_body, fold
from test_notice_format import CONTACT, check, has_error, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "osaka-yomiuri-2021"
HOUSE = "notice:\n  head_form: label_table\n"
TIME = ("  issue_date: 2024-02-16\n", "  issue_date: 2024-02-16\n  issue_time: \"14:00\"\n")
OPENING = "今般、北海道オホーツク総合振興局と北見工業大学は、"


def tables(body: list) -> list:
    return [part for part in body if isinstance(part, list)]


@needs_poppler
def test_the_head_of_osaka_is_a_table_of_label_and_value_pdf_and_docx(tmp_path):
    """Under the title, before 【協定締結式の概要】: the contact under 代表連絡先, the date
    under 提供日, the hour under 提供時間 (14時0分, the minutes as the page writes them),
    the opening under 内容; no date line and nothing of the contact at the foot."""
    assert cli.main([str(REAL / f"{CASE}.yaml"), "-o", str(tmp_path), "--format", "pdf,docx"]) == 0
    pdf = [fold(text) for text, _, _ in lines_of(tmp_path / CASE / "press-notice.pdf")]
    title = next(i for i, line in enumerate(pdf) if line.startswith("【公民連携】"))
    heading = pdf.index("【協定締結式の概要】")
    head = pdf[title + 1:heading]
    assert "提供日2021年12月22日" in head and "提供時間14時0分" in head, head
    assert head.index("提供日2021年12月22日") + 1 == head.index("提供時間14時0分"), head
    assert any(line.startswith("財務部行政経営課公民連携グループ") for line in head[:3]), head
    assert sum("koumin@gbox.pref.osaka.lg.jp" in line for line in pdf) == 1, pdf    # not at the foot too
    assert sum("2021年12月22日" in line for line in pdf) == 1, pdf                   # no date line
    body = docx_body(tmp_path / CASE / "press-notice.docx")
    [table] = tables(body)
    at = body.index(table)
    assert body[at - 1].startswith("【公民連携】") and body[at + 1] == "【協定締結式の概要】", body[:at + 2]
    assert [row[0] for row in table] == ["代表連絡先", "提供日", "提供時間", "内容"], table
    assert [fold(row[1]) for row in table[1:3]] == ["2021年12月22日", "14時0分"], table
    contact = fold(table[0][1])
    assert contact == "財務部行政経営課公民連携グループダイヤルイン番号:06-6944-6401" \
                      "メールアドレス:koumin@gbox.pref.osaka.lg.jp", contact
    assert table[3][1].startswith("大阪府と株式会社読売新聞大阪本社は、"), table[3]
    assert sum(part.startswith("大阪府と株式会社読売新聞大阪本社は、") for part in body if isinstance(part, str)) == 0


@pytest.mark.parametrize("pairs, labels, opening_under", [
    # the seed's: its contact (its person and numbers as the box sets them), the date, the opening
    ((), ["担当窓口", "提供日", "内容"], False),
    # the hour given: its row after the date's
    ((TIME,), ["担当窓口", "提供日", "提供時間", "内容"], False),
    # no date of issue: no 提供日 row; no contacts: no contact row
    ((("  issue_date: 2024-02-16\n", "  issue_date: none\n"), ("  contacts:\n" + CONTACT, "")), ["内容"], False),
    # opening_heading: false: no 内容 row, the opening under the table; the 内容 row's label as the spec writes it
    ((("  opening:\n", "  opening_heading: false\n  opening:\n"),), ["担当窓口", "提供日"], True),
    ((("  opening:\n", "  opening_heading: 概要\n  opening:\n"),), ["担当窓口", "提供日", "概要"], False),
])
def test_a_row_is_left_out_where_the_spec_gives_no_fact_for_it(pairs, labels, opening_under, tmp_path, capsys):
    path = variant(tmp_path, *pairs, style=HOUSE)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "docx"])
    assert code == 0, capsys.readouterr().err
    body = docx_body(tmp_path / "out" / path.stem / "press-notice.docx")
    head = tables(body)[0]
    assert [row[0] for row in head] == labels, head
    for row in head:
        assert len(row) == 2 and row[1].strip(), row          # every row a label and its fact
    if "提供時間" in labels:
        assert head[labels.index("提供時間")][1] == "14時00分", head      # the house's minutes: two digits
    under = [part for part in body[body.index(head) + 1:] if isinstance(part, str)]
    assert any(part.startswith(OPENING) for part in under) == opening_under, under
    assert not any(part == "内容" for part in body if isinstance(part, str)), body     # no 内容 heading line
    assert not any("2024年２月16日" in part or "令和６年２月16日" in part for part in body if isinstance(part, str))


@pytest.mark.parametrize("pairs, fragment, key, message", [
    ((TIME,), "issue_time:", "press_notice.issue_time",
     "issue_time is the hour of release, printed in a row of the head's table under its label"),
])
def test_an_hour_of_release_without_the_table_is_refused(pairs, fragment, key, message, tmp_path, capsys):
    path = variant(tmp_path, *pairs)
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, fragment, key, message), err


@pytest.mark.parametrize("pairs, fragment, key, message", [
    ((("  issue_date: 2024-02-16\n", "  issue_date: 2024-02-16\n  date_prefix: 提供日　\n"),), "date_prefix:",
     "press_notice.date_prefix", "the words before the date would have no effect; remove date_prefix"),
    ((("  issue_date: 2024-02-16\n", "  issue_date: 2024-02-16\n  date_suffix: 提供時間　14時0分\n"),), "date_suffix:",
     "press_notice.date_suffix", "the words after the date would have no effect; remove date_suffix"),
    ((("  contacts:\n", "  contacts_lead: お問い合わせは、下記まで。\n  contacts:\n"),), "contacts_lead:",
     "press_notice.contacts_lead", "contacts_lead is the sentence before the contact boxes at the foot"),
    ((("  closing_ijo:", "  after:\n    issue_date: 2024-02-28\n    opening: [本日、締結しました。]\n  closing_ijo:"),),
     "after:", "press_notice.after", "the release after the signing is not built in that form"),
])
def test_what_the_table_leaves_no_place_for_is_refused_at_its_key(pairs, fragment, key, message, tmp_path, capsys):
    path = variant(tmp_path, *pairs, style=HOUSE)
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, fragment, key, message), err
    assert "(notice.head_form: label_table)" in err, err
    code = cli.main([str(path), "-o", str(tmp_path / "out")])
    assert code == 1 and not (tmp_path / "out" / path.stem / "press-notice.pdf").exists()


@pytest.mark.parametrize("style, line, key, message", [
    (HOUSE + "  contacts_at: head\n", 3, "notice.contacts_at",
     "head_form: label_table sets each contact in a row of the head's table, under its role, and contacts_at: head"),
    (HOUSE + "  date_place: foot\n", 3, "notice.date_place",
     "head_form: label_table sets the date of issue in a row of the head's table, under its label, and date_place"),
    (HOUSE + "  date_align: left\n", 3, "notice.date_align", "and date_align places it on a line of its own"),
    (HOUSE + "contacts:\n  role_place: above\n", 4, "contacts.role_place",
     "the house sets each contact as a row of the head's table (notice.head_form: label_table)"),
    ("wording:\n  issue_time_label: 発表時刻\n", 2, "wording.issue_time_label",
     "issue_time_label labels a row of the head's table (notice.head_form: label_table), and the house sets its"
     " head as lines"),
    ("times:\n  notation: colon\n  pad_minutes: false\n", 3, "times.pad_minutes",
     "pad_minutes: false has no effect with notation: colon"),
])
def test_a_house_setting_that_contradicts_the_table_is_refused(style, line, key, message, tmp_path, capsys):
    path = variant(tmp_path, style=style)
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:{line}: {key}: " in err and message in err, err


def test_the_minutes_unpadded_in_every_time_the_house_writes(tmp_path, capsys):
    """times.pad_minutes: false: 11時５分 in the 記 block's 日時 (as the hour of release)."""
    path = variant(tmp_path, ('    start: "11:00"', '    start: "11:05"'), style="times:\n  pad_minutes: false\n")
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "docx"])
    assert code == 0, capsys.readouterr().err
    text = no_space("".join(str(part) for part in docx_body(tmp_path / "out" / path.stem / "press-notice.docx")))
    assert "11時５分～" in text and "11時05分" not in text, text


# the opening of osaka-yomiuri-2021, which its 内容 row holds
OSAKA_OPENING = ("大阪府と株式会社読売新聞大阪本社は、教育・人材育成、情報発信、安全・安心、子ども・福祉、地域活性化、"
                 "産業振興・雇用、健康、環境など８分野での連携と協働をさらに進め、地域を活性化し府民サービスを向上させる"
                 "ため、包括連携協定を結ぶこととしました。締結式を次のとおり行いますので、お知らせします。")


@pytest.fixture(scope="module")
def osaka_docx(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("osaka")
    assert cli.main([str(REAL / f"{CASE}.yaml"), "-o", str(out), "--kinds", "press-notice", "--format", "docx"]) == 0
    return out / CASE / "press-notice.docx"


def test_the_content_row_of_the_docx_is_running_text_without_a_break_of_its_own(osaka_docx):
    """found: the 内容 cell's paragraph had a line break after 安心、, where the PDF fits
    its first line by squeezing its punctuation, and that line's 、・ narrowed (w:w): a
    break the text does not have, left in it for whoever edits the DOCX. Running text
    (indented at its first line) is wrapped by Word as the body is."""
    from docx import Document
    from docx.oxml.ns import qn
    table = Document(str(osaka_docx)).tables[0]
    label, cell = table.rows[-1].cells
    assert label.text == "内容"
    [paragraph] = cell.paragraphs
    assert paragraph.text == OSAKA_OPENING
    assert paragraph._p.find(f".//{qn('w:br')}") is None, "a line break the text does not have"
    assert paragraph._p.find(f".//{qn('w:w')}") is None, "punctuation narrowed to fit a line the PDF squeezed"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@needs_poppler
def test_libreoffice_sets_the_content_row_as_running_text(osaka_docx, tmp_path):
    """The DOCX as LibreOffice reads it: the 内容 row's paragraph one line of text (its
    text export ends a line only where the paragraph, or a break in it, ends); and as it
    sets it, its lines read the opening whole, in order, and each but the last fills
    the column (the first after its one-em indent)."""
    from test_docx_forced_breaks import convert, layout_lines
    subprocess.run([*SOFFICE, "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(osaka_docx)],
                   env=dict(os.environ, HOME=str(tmp_path)), capture_output=True, timeout=300, check=True)
    read = (tmp_path / "press-notice.txt").read_text(encoding="utf-8-sig").splitlines()
    assert OSAKA_OPENING in read, [line for line in read if "大阪府と株式会社" in line or "子ども" in line]
    lo = [line.replace(" ", "").replace("\u3000", "") for line in layout_lines(convert(osaka_docx, tmp_path / "pdf"))]
    first = next(i for i, line in enumerate(lo) if line.startswith("大阪府と株式会社読売新聞大阪本社は"))
    last = next(i for i, line in enumerate(lo) if line.endswith("お知らせします。"))
    lines = [line for line in lo[first:last + 1] if line and line != "内容"]      # (the label, between them)
    assert "".join(lines) == OSAKA_OPENING, lines
    widths = [len(lines[0]) + 1] + [len(line) for line in lines[1:]]
    assert all(width >= max(widths) - 1 for width in widths[:-1]), lines


# How a time on the hour and one with one-digit minutes are printed, decided: real pages
# pad the minutes (14時00分, 08時05分, 午前9時00分: the facts of 24 real cases); 大阪府's
# writes its hour of release unpadded (14時0分, times.pad_minutes: false). The minutes
# are then a number as any other, in the house's digits: a one-digit number full-width
# under mixed digits (14時０分, as ２月 and 12月５日), half-width under half (14時0分, as
# 大阪府's page sets every digit). On the hour, zero_minutes: false prints no minutes
# (14時); any other minute is always printed. Never another time than the spec's.
@pytest.mark.parametrize("house, hour, start", [
    ("", "14時00分", "11時05分"),                                          # padded: 05 two digits, half-width
    ("times:\n  pad_minutes: false\n", "14時０分", "11時５分"),
    ("digits: half\ntimes:\n  pad_minutes: false\n", "14時0分", "11時5分"),
    ("digits: full\ntimes:\n  pad_minutes: false\n", "１４時０分", "１１時５分"),
    ("times:\n  pad_minutes: false\n  zero_minutes: false\n", "14時", "11時５分"),
    ("times:\n  pad_minutes: false\n  clock: 12h\n", "午後２時０分", "午前11時５分"),
])
def test_a_time_on_the_hour_and_one_digit_minutes_as_the_house_writes_them(house, hour, start, tmp_path, capsys):
    path = variant(tmp_path, TIME, ('    start: "11:00"', '    start: "11:05"'), style=HOUSE + house)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    body = docx_body(tmp_path / "out" / path.stem / "press-notice.docx")
    head = tables(body)[0]
    assert [row[1] for row in head if row[0] == "提供時間"] == [hour], head
    text = no_space("".join(str(part) for part in body))
    assert start in text, text
    pdf = no_space("".join(text for text, _, _ in lines_of(tmp_path / "out" / path.stem / "press-notice.pdf")))
    assert f"提供時間{hour}" in pdf and start in pdf, pdf
