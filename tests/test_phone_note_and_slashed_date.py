"""Two forms real offices write that the format now says:

- a phone's note in （） after its number, naming the desks that answer it, as written
  (phones: - {number, note}): 電話番号:0229-23-2129(政策企画担当、地方創生担当)
  (大崎市 2022, `osaki-shinkin-2022`);
- the date of issue with slashes, two-digit month and day (dates.issue_calendar:
  slashes): 2017/04/12 (長崎青年会議所 2017, `nagasaki-jc-shakyo-2017`).

The real cases are built by the real command line, PDF and DOCX; the PDF is read back
line by line as a reader sees it, the DOCX reopened. Variations of the seed spec show
the note beside a kind and an extension, and the slashed date in the release after the
signing. A note that would print nothing, or brackets in brackets, or whose number is
unclear, and a slashed date given a weekday or padding, stop with file, line and key,
and nothing is written.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from jpdocs import cli

from conftest import needs_poppler, no_space, pdf_text
from test_contact_forms import docx_paragraphs, lines_of
from test_notice_format import check, has_error, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CASES = ("osaki-shinkin-2022", "nagasaki-jc-shakyo-2017")
PHONE = "      phone: 0152-41-0618\n      phone_kind: 直通\n"
AFTER = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-28\n    opening: [本日、締結しました。]\n  closing_ijo:")


def fold(text: str) -> str:
    return no_space(unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("phone-note-slashes")
    code = cli.main([*(str(REAL / f"{cid}.yaml") for cid in CASES), "-o", str(out), "--force",
                     "--format", "pdf,docx"])
    assert code == 0
    return {cid: out / cid for cid in CASES}


def docx_lines(path: Path) -> list[str]:
    """Every paragraph of the DOCX in the order of the file, those in the contact's box
    (a table in a table) too, folded."""
    return [fold(text) for text in docx_paragraphs(path)]


# ------------------------------------------------------------------ a phone's note

@needs_poppler
def test_the_phone_note_of_osaki_prints_as_written_after_the_number(built):
    """大崎市's number and the desks that answer it, on the number's line, in one pair
    of brackets, PDF and DOCX; the note printed once, never as a kind."""
    wanted = "電話番号:0229-23-2129(政策企画担当、地方創生担当)"
    pdf = [fold(text) for text, _, _ in lines_of(built["osaki-shinkin-2022"] / "press-notice.pdf")]
    assert [line for line in pdf if line.startswith(wanted)] == [wanted], pdf    # the FAX on its own line
    assert sum(line.count("政策企画担当") for line in pdf) == 1
    docx = docx_lines(built["osaki-shinkin-2022"] / "press-notice.docx")
    assert [line for line in docx if line.startswith(wanted)] == [wanted], docx


@needs_poppler
@pytest.mark.parametrize("house, phones, line", [
    (None, "{number: 0152-41-0631, kind: 代表, extension: \"2345\", note: 総務係}",
     "代表　0152-41-0631（内線2345）（総務係）"),
    ("contacts:\n  phone_kind: after\n", "{number: 0152-41-0618, kind: 直通, note: 政策企画担当、地方創生担当}",
     "電話　0152-41-0618（直通）（政策企画担当、地方創生担当）"),
    # the kind in （） straight before the number (財務省: (代表)03(3581)4111(内線2291)); a phone
    # without a kind keeps the house's label
    ("contacts:\n  phone_kind: brackets\n", "{number: 03(3581)4111, kind: 代表, extension: \"2291\", note: 国際調査担当}",
     "（代表）03(3581)4111（内線2291）（国際調査担当）"),
    ("contacts:\n  phone_kind: brackets\n", "{number: 0152-41-0618, note: 平日のみ}", "電話　0152-41-0618（平日のみ）"),
    ("contacts:\n  phone_lines: one\n  label_gap: \"：\"\n",
     "{number: 0152-41-0618, note: 平日のみ}, {number: 090-1234-5678, kind: 携帯}",
     "電話：0152-41-0618（平日のみ）　携帯：090-1234-5678"),
])
def test_the_note_follows_the_number_its_kind_and_its_extension(house, phones, line, tmp_path, capsys):
    """The note after everything the number's line says of it, in the house's form of
    the line (a kind as its label or after the number, a line per phone or one)."""
    path = variant(tmp_path, (PHONE, f"      phones: [{phones}]\n"), style=house)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    assert no_space(line) in [text for text, _, _ in lines_of(out / "press-notice.pdf")]
    assert fold(line) in docx_lines(out / "press-notice.docx")


@pytest.mark.parametrize("note, message", [
    ('""', "the value is empty; write it, or remove the key"),
    ('"　"', "the value is empty; write it, or remove the key"),
    ("（政策企画担当）", "the note is printed in （） after the number: write it without its brackets"),
    ("(政策企画担当)", "the note is printed in （） after the number: write it without its brackets"),
])
def test_a_note_that_prints_nothing_or_brackets_in_brackets_is_refused(note, message, tmp_path, capsys):
    path = variant(tmp_path, (PHONE, f"      phones:\n        - number: 0152-41-0618\n          note: {note}\n"))
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice"])
    err = capsys.readouterr().err
    assert code == 1 and has_error(err, path, f"note: {note}", "press_notice.contacts[0].phones[0].note", message), err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


def test_a_note_beside_several_numbers_is_refused(tmp_path, capsys):
    """Whose note? 直通　0152-41-0618，0152-41-0619（総務係） would read as the second's."""
    path = variant(tmp_path, (PHONE, "      phones:\n        - numbers: [0152-41-0618, 0152-41-0619]\n"
                                     "          note: 総務係\n"))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "note: 総務係", "press_notice.contacts[0].phones[0].note",
                                   "a note is printed in （） after one number, and numbers: lists several"), err


def test_a_note_inside_a_bracket_pair_of_its_own_words_is_kept(tmp_path, capsys):
    """Brackets inside the note are the office's words (政策課（企画担当）): not the
    brackets it is printed in, so not refused."""
    path = variant(tmp_path, (PHONE, "      phones: [{number: 0152-41-0618, note: 政策課（企画担当）・地方創生担当}]\n"))
    code, _, err = check(path, capsys)
    assert code == 0, err


# ------------------------------------------------------------------ the date with slashes

@needs_poppler
def test_the_date_of_issue_with_slashes_is_the_first_line_of_nagasaki_pdf_and_docx(built):
    """2017/04/12 as the page dates it, alone on its line (no weekday, nothing after
    it), the month and day in two digits; the day in the text as before."""
    pdf = [text for text, _, _ in lines_of(built["nagasaki-jc-shakyo-2017"] / "press-notice.pdf")]
    assert pdf[0] == "2017/04/12", pdf[:3]
    assert "2017年" not in "".join(pdf) and "去る４月11日（火）" in "".join(pdf)
    assert docx_lines(built["nagasaki-jc-shakyo-2017"] / "press-notice.docx")[0] == "2017/04/12"


@needs_poppler
@pytest.mark.parametrize("digits", [None, "full"])
def test_the_slashed_date_is_the_specs_in_the_notice_and_the_release_after(digits, tmp_path, capsys):
    """The spec's issue_date, half-width whatever the house's digits, in the notice and
    the release after the signing; every other date as the house writes it."""
    house = "dates: {issue_calendar: slashes}\n" + (f"digits: {digits}\n" if digits else "")
    path = variant(tmp_path, ("  issue_date: 2024-02-16", "  issue_date: 2024-02-06"), AFTER, style=house)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    notice = [text for text, _, _ in lines_of(out / "press-notice.pdf")]
    assert notice[1] == "2024/02/06配布", notice[:3]
    assert "２月27日（火）" in "".join(notice) or "２月２７日（火）" in "".join(notice)
    assert "2024/02/06配布" in docx_lines(out / "press-notice.docx")
    after = no_space(pdf_text(out / "press-notice-after.pdf"))
    assert "2024/02/28配布" in after and "2024/02/28配布" in docx_lines(out / "press-notice-after.docx")


@pytest.mark.parametrize("house, key, message", [
    ("dates:\n  issue_calendar: slashes\n  issue_weekday: none\n", "dates.issue_weekday",
     "the date of issue is written as a date with slashes (issue_calendar: slashes, 2018/12/05), which has no"
     " weekday: issue_weekday would have no effect; remove it"),
    ("dates:\n  issue_calendar: slashes\n  issue_two_digits: true\n", "dates.issue_two_digits",
     "the date of issue is written as a date with slashes (issue_calendar: slashes, 2018/12/05), whose month and"
     " day always have two digits: issue_two_digits would have no effect; remove it"),
])
def test_a_slashed_date_given_a_weekday_or_padding_is_refused(house, key, message, tmp_path, capsys):
    path = variant(tmp_path, style=house)
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:3: {key}: {message}" in err, err
