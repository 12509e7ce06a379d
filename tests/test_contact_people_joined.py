"""A contact's people on one line, each surname before title (contacts.people: joined,
people_order: name_title, people_gap), as 総務省 writes its contact (`soumu-uk-ons-2023`):
連絡先 / 統計局総務課 / 担当:阿久津課長補佐、稲垣統計専門官 / 電話:03-5273-1116, where a contact's
people were title then name, a line each, so the spec wrote the two as one name.

The words are notice.people's (joined) and notice.signer_order's (title_name, name_title).
The real case and variations of the seed are built by the real command line, PDF and
DOCX: the PDF read back line by line as a reader sees it, the DOCX reopened. A label over
people a line each, and people joined where the house sets its one person on the
department's line, stop with file, line and key.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from jpdocs import cli

from conftest import needs_poppler
from test_contact_forms import docx_paragraphs, lines_of
from test_contact_own_lines import _contact_lines_are, fold
from test_notice_format import CONTACT, check, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "soumu-uk-ons-2023"
TWO = ("    - role: 担当窓口\n      department: 地域政策課\n      person_label: \"担当：\"\n"
       "      people: [{title: 課長, name: 杉村}, {title: 主査, name: 北野}]\n      phone: 0152-41-0618\n")


@needs_poppler
def test_soumu_sets_its_two_people_on_one_line_surname_before_title(tmp_path):
    assert cli.main([str(REAL / f"{CASE}.yaml"), "-o", str(tmp_path), "--format", "pdf,docx"]) == 0
    wanted = ["連絡先", "統計局総務課", "担当:阿久津課長補佐、稲垣統計専門官", "電話:03-5273-1116"]
    pdf = [fold(text) for text, _, _ in lines_of(tmp_path / CASE / "press-notice.pdf")]
    start = pdf.index(wanted[0])
    assert pdf[start:start + 4] == wanted, pdf[start:]
    docx = [text for text in docx_paragraphs(tmp_path / CASE / "press-notice.docx") if text.strip()]
    start = docx.index(wanted[0])
    assert docx[start:start + 4] == wanted, docx[start:]      # as written: no space inside 阿久津課長補佐


@needs_poppler
@pytest.mark.parametrize("house, lines", [
    # joined, title first (the default order): the house's comma between them
    ("contacts:\n  people: joined\n", ["地域政策課", "担当：課長　杉村、主査　北野", "電話　0152-41-0618"]),
    # surname before title, as one word
    ("contacts:\n  people: joined\n  people_order: name_title\n  people_gap: \"\"\n",
     ["地域政策課", "担当：杉村課長、北野主査", "電話　0152-41-0618"]),
    # in the notice's head, right-aligned: the same line
    ("notice:\n  contacts_at: head\ncontacts:\n  people: joined\n  people_order: name_title\n",
     ["地域政策課", "担当：杉村　課長、北野　主査", "電話　0152-41-0618"]),
])
def test_the_people_joined_on_one_line(house, lines, tmp_path, capsys):
    """contacts.people: joined: person_label once, then each person in the house's order
    with its gap, the house's comma between them, PDF and DOCX alike."""
    _contact_lines_are(TWO, house, lines, tmp_path, capsys)


@needs_poppler
def test_the_order_and_the_gap_hold_for_people_a_line_each(tmp_path, capsys):
    """people_order and people_gap are the contact's people's, a line each too (people: run)."""
    two = TWO.replace("      person_label: \"担当：\"\n", "")
    _contact_lines_are(two, "contacts:\n  people_order: name_title\n  people_gap: \"\"\n",
                       ["地域政策課", "杉村課長", "北野主査", "電話　0152-41-0618"], tmp_path, capsys)


def test_people_joined_beside_the_person_on_the_departments_line_is_refused(tmp_path, capsys):
    path = variant(tmp_path, style="contacts:\n  person_line: with_department\n  people: joined\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:3: contacts.people: people: joined sets a contact's" \
                         " people on one line" in err, err
    assert "Traceback" not in err


def test_a_label_over_people_a_line_each_is_still_refused(tmp_path, capsys):
    """Without people: joined, person_label before people a line each labels no one person:
    refused at the spec's key, nothing written."""
    path = variant(tmp_path, (CONTACT, TWO))
    code, _, err = check(path, capsys)
    line = path.read_text(encoding="utf-8").splitlines().index("      person_label: \"担当：\"") + 1
    assert code == 1 and f"error: {path}:{line}: press_notice.contacts[0].person_label: person_label is printed" \
                         " before the one person" in err, err
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice"])
    assert code == 1 and not (tmp_path / "out" / path.stem / "press-notice.pdf").exists()
