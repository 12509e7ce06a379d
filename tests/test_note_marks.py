"""Numbered notes (※1, ※2) after a notice's text, each explaining a term the text marks
(広島広域都市圏(※1)): spec/note_marks.py checks that marks and notes agree, the
product numbering nothing; the note's later lines hang under its text after ※1.

The real case `hiroshima-iinan-kawamoto-2024` is built by the command line, PDF and
DOCX: its note ※1 read back glyph by glyph, the DOCX reopened. Variants of the seed:
a mark pointing at no note (the page's ※2, whose note the stored copy cuts), a note no
mark points at, two notes of one number, and a mark in the notice whose note is only in
the release after the signing, each refused with file, line and key; a plain ※ note
about a day (※10月1日から…) is no note 10."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.shared import Pt

from conftest import ROOT, needs_poppler, run_generate
from glyphs import page_rows
from test_notice_format import SEED, build, check, has_error, variant

REAL = ROOT / "tests" / "data" / "real"
CASE = "hiroshima-iinan-kawamoto-2024"
SIZE = 10.5
OPENING = re.search(r"  opening:.*\n(?:    - .*\n)+", SEED).group()


def _note() -> str:
    opening = yaml.safe_load((REAL / f"{CASE}.yaml").read_text(encoding="utf-8"))["press_notice"]["opening"]
    (note,) = [p["note"] for p in opening if isinstance(p, dict) and "note" in p]
    assert note.startswith("※1　") and any(isinstance(p, str) and "(※1)" in p for p in opening)
    return note


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("marks")
    result = run_generate(REAL / f"{CASE}.yaml", "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / CASE


@needs_poppler
def test_the_numbered_note_hangs_its_later_lines_under_its_text_after_its_mark(built):
    note = _note()
    rows = [[c for c in r if not c["text"].isspace()] for r in page_rows(built / "press-notice.pdf", 0)]
    k = next(i for i, r in enumerate(rows) if "".join(c["text"] for c in r[:2]) == "※1")
    first = rows[k]
    text_start = first[2]["x0"]                        # 広, after ※1 and its full-width space
    later = []
    for r in rows[k + 1:]:
        if abs(r[0]["x0"] - text_start) > 0.5:
            break
        later.append(r)
    assert len(later) >= 2                             # the note runs on over three lines and more
    read = "".join(c["text"] for r in [first, *later] for c in r)
    assert read == re.sub(r"[ 　]", "", note)          # every later line under 広, the note whole


def test_the_docx_numbered_note_is_hung_past_its_mark_and_number(built):
    note = _note()
    doc = Document(built / "press-notice.docx")
    p = next(p for p in doc.paragraphs if p.text == note)
    fmt = p.paragraph_format if p.paragraph_format.left_indent is not None else p.style.paragraph_format
    hang = Pt(SIZE * 2.5)                               # ※ one em, 1 half, the space one em
    assert abs(fmt.left_indent - hang) < 130 and abs(fmt.first_line_indent + hang) < 130


def _opening(*paragraphs: str) -> tuple[str, str]:
    return OPENING, "  opening:\n" + "".join(f"    - {p}\n" for p in paragraphs)


CITES = "北見工業大学の連携推進室(※1)が窓口になります。"


def test_a_mark_and_its_note_are_accepted(tmp_path, capsys):
    path = variant(tmp_path, _opening(CITES, "{note: ※1　学内の地域連携の窓口です。}"))
    code, out, err = check(path, capsys)
    assert code == 0, err


def test_a_plain_note_about_a_day_is_no_numbered_note(tmp_path, capsys):
    path = variant(tmp_path, _opening("締結式を行います。", "{note: ※10月1日から受け付けます。}",
                                      "振替休日の※8月12日(月)は閉庁します。"))
    code, out, err = check(path, capsys)
    assert code == 0, err


def test_a_mark_pointing_at_no_note_is_refused_at_its_paragraph(tmp_path, capsys):
    path = variant(tmp_path, _opening(CITES, "連携協約(※2)を結びます。", "{note: ※1　学内の地域連携の窓口です。}"))
    code, out, err = check(path, capsys)
    assert code == 1, out
    assert has_error(err, path, "連携協約(※2)", "press_notice.opening[1]",
                     "「連携協約(※2)を結びます。」 points at a note ※2, and no note of the notice begins with ※2:"
                     " write the note, its mark ※2 and a space before its text, or remove the mark"), err


def test_a_mark_whose_note_has_no_space_after_its_number_is_refused_too(tmp_path, capsys):
    """※1学内の… is no numbered note (its number is read only before a space): the
    mark (※1) points at none, and the message says what to write."""
    path = variant(tmp_path, _opening(CITES, "{note: ※1学内の地域連携の窓口です。}"))
    code, out, err = check(path, capsys)
    assert code == 1, out
    assert has_error(err, path, "(※1)", "press_notice.opening[0]", "its mark ※1 and a space before its text"), err


def test_a_note_no_mark_points_at_is_refused_at_its_line(tmp_path, capsys):
    path = variant(tmp_path, _opening("締結式を行います。", "{note: ※1　学内の地域連携の窓口です。}"))
    code, out, err = check(path, capsys)
    assert code == 1, out
    assert has_error(err, path, "{note: ※1", "press_notice.opening[1].note",
                     "the note begins with ※1, and no text of the notice marks ※1: write the mark after the"
                     " words it explains (広島広域都市圏(※1)), or write the note without its number"), err


def test_two_notes_of_one_number_are_refused(tmp_path, capsys):
    path = variant(tmp_path, _opening(CITES, "{note: ※1　学内の窓口です。}", "{note: ※1　学外の窓口です。}"))
    code, out, err = check(path, capsys)
    assert code == 1, out
    assert has_error(err, path, "学外の窓口", "press_notice.opening[2].note",
                     "two notes begin with ※1 (press_notice.opening[1].note and this one)"), err


def test_a_note_in_a_ki_item_answers_a_mark_in_the_text(tmp_path, capsys):
    """The notice is read whole: a note under an item of the 記 block (ki: notes) is a
    note of the notice as an opening's is."""
    path = variant(tmp_path, _opening("締結式(※1)を次のとおり行います。"),
                   ("  contacts:\n", "  ki:\n    - date\n    - {item: place, notes: [※1　会場は一般の方も入れます。]}\n"
                                     "    - signatories\n    - agenda\n  contacts:\n"))
    code, out, err = check(path, capsys)
    assert code == 0, err


def test_the_release_after_the_signing_keeps_its_own_notes(tmp_path, capsys):
    """The release after the signing is printed apart: a mark in the notice is not
    answered by a note of that release, nor the other way round."""
    path = variant(tmp_path, _opening(CITES),
                   ("  contacts:\n", "  after: {issue_date: 2024-02-27, opening: [締結しました。, ※1　学内の窓口です。]}\n"
                                     "  contacts:\n"))
    code, out, err = check(path, capsys)
    assert code == 1, out
    assert has_error(err, path, "(※1)", "press_notice.opening[0]", "points at a note ※1"), err
    assert has_error(err, path, "after:", "press_notice.after.opening[1]", "the note begins with ※1"), err


# An unnumbered mark (空き家率は13.9％※で…) points at a note beginning with ※ alone.
BARE = "区の空き家率は13.9％※で23区のなかで最も高くなっています。"


def test_an_unnumbered_mark_pointing_at_no_note_is_refused_at_its_paragraph(tmp_path, capsys):
    """toshima-shihoshoshi-2025's page marks 13.9％※, and its stored copy ends before the
    note: the mark alone would send the reader after a note that is not printed."""
    path = variant(tmp_path, _opening("締結式を行います。", BARE))
    code, out, err = check(path, capsys)
    assert code == 1, out
    assert has_error(err, path, "13.9％※で", "press_notice.opening[1]",
                     "「…空き家率は13.9％※で23区のなかで最も…」 marks a note with ※, and no note of the notice"
                     " begins with ※: write the note after the paragraph ({note: ※…}), or remove the mark"), err


@pytest.mark.parametrize("cite", [BARE, "「森林の里親契約」（※）を結びます。", "協議会（以下「四者協」。※）が協力します。",
                                  "「森林整備協定※」を結びます。"])
def test_an_unnumbered_mark_and_its_note_are_accepted(tmp_path, capsys, cite):
    path = variant(tmp_path, _opening(cite, "{note: ※平成30年住宅・土地統計調査による。}"))
    code, out, err = check(path, capsys)
    assert code == 0, err


@pytest.mark.parametrize("inline", ["締結式の概要　※オンラインにより開催します。", "【出席者】※写真左から", "※印の項目は当日配布します。"])
def test_a_note_written_inside_its_paragraph_needs_no_note_apart(tmp_path, capsys, inline):
    """A ※ followed by the note's own words (kobe-panama-2022, tikusei-shinyo-2018) is
    the note itself, written in its paragraph: no mark pointing elsewhere."""
    path = variant(tmp_path, _opening("締結式を行います。", inline))
    code, out, err = check(path, capsys)
    assert code == 0, err


LONG = ("学内の地域連携の窓口として、大学と地域の方々との連絡、相談の受付、共同研究の調整を担い、年に二回の"
        "報告会を開くほか、学生の地域活動を支え、その成果を冊子にまとめて市内の図書館と公民館に置きます。")


@needs_poppler
@pytest.mark.parametrize("mark, lead", [("※", 1), ("※　", 2), ("※ ", 2), ("※1　", 3), ("※1 ", 3), ("※１　", 3),
                                        ("※１ ", 3), ("※10月1日から", 1)])
def test_a_notes_later_lines_hang_under_its_text_after_its_mark_as_written(tmp_path, capsys, mark, lead):
    """The mark as the spec writes it, with or without a space, full- or half-width: the
    later lines under the first character after the mark and its space (`lead`
    characters in: 学, or the 1 of ※10月1日から…, a plain ※ before a day); the note
    printed as written, PDF and DOCX, the DOCX hung by the width the PDF shows."""
    note = mark + LONG
    number = re.match(r"※[0-9０-９](?=[ 　])", mark)
    cites = [CITES.replace("(※1)", f"({number.group()})")] if number else []
    path = variant(tmp_path, _opening("締結式を行います。", *cites, f"{{note: {note}}}"))
    code, _, err, pdf = build(path, tmp_path, capsys, "pdf,docx")
    assert code == 0, err
    rows = page_rows(pdf, 0)
    k = next(i for i, r in enumerate(rows) if "".join(c["text"] for c in r).startswith(mark))
    first, plain = rows[k], re.sub(r"[ 　]", "", note)
    read, later = "".join(c["text"] for c in first), []
    for row in rows[k + 1:]:
        if len(re.sub(r"[ 　]", "", read)) >= len(plain):
            break
        later.append(row)
        read += "".join(c["text"] for c in row)
    assert read == note and len(later) >= 2                       # printed as written, whole
    text_start = first[lead]["x0"]
    assert all(abs(r[0]["x0"] - text_start) < 1.5 for r in later), (text_start, [r[0]["x0"] for r in later])
    doc = Document(pdf.with_suffix(".docx"))
    p = next(p for p in doc.paragraphs if p.text == note)
    fmt = p.paragraph_format if p.paragraph_format.left_indent is not None else p.style.paragraph_format
    hang = Pt(text_start - first[0]["x0"])
    assert abs(fmt.left_indent - hang) < Pt(1.5) and abs(fmt.first_line_indent + hang) < Pt(1.5)
