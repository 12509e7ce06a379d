"""A contact's name set after its phone, on the phone's line (contacts.name_line:
after_phone), as 県立広島大学 ends its release (`pu-hiroshima-miyagi-2024`):
【本件に関するお問い合わせ】 / 広島県公立大学法人県立広島大学地域基盤研究機構 /
TEL:082-251-9534 担当:上水流, where own_lines: [name] set the person on a line under the
number and, without it, the person stood on the department's line.

The real case and variations of the seed are built by the real command line, PDF and
DOCX: the PDF read back line by line as a reader sees it, the DOCX reopened. The key
beside own_lines' name, and a name with no phone to follow, stop with file, line and key.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from jpdocs import cli

from conftest import needs_poppler
from test_contact_forms import docx_paragraphs, lines_of
from test_contact_own_lines import DESK, _contact_lines_are, fold
from test_notice_format import CONTACT, check, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "pu-hiroshima-miyagi-2024"


@needs_poppler
def test_pu_hiroshima_sets_its_number_and_its_person_on_one_line(tmp_path):
    assert cli.main([str(REAL / f"{CASE}.yaml"), "-o", str(tmp_path), "--format", "pdf,docx"]) == 0
    wanted = ["【本件に関するお問い合わせ】", "広島県公立大学法人県立広島大学地域基盤研究機構", "TEL:082-251-9534担当:上水流"]
    pdf = [fold(text) for text, _, _ in lines_of(tmp_path / CASE / "press-notice.pdf")]
    assert pdf[-3:] == wanted, pdf[-5:]
    docx = [text for text in docx_paragraphs(tmp_path / CASE / "press-notice.docx") if text.strip()]
    assert docx[-2:] == ["広島県公立大学法人県立広島大学地域基盤研究機構", "TEL:082-251-9534　担当:上水流"], docx[-4:]


@needs_poppler
@pytest.mark.parametrize("house, lines", [
    # the FAX on a line of its own: the name stays on the phone's
    ("contacts:\n  name_line: after_phone\n  own_lines: [fax]\n",
     ["担当課：地域政策課", "直通　0152-41-0618（内線2345）　担当者：道下", "FAX　0152-23-6123"]),
    # after the FAX the phone's line holds, the name last on it
    ("contacts:\n  name_line: after_phone\n  label_gap: \":\"\n  number_gap: \" \"\n",
     ["担当課：地域政策課", "直通:0152-41-0618（内線2345） FAX:0152-23-6123 担当者:道下"]),
    # in the notice's head, right-aligned: the same line
    ("notice:\n  contacts_at: head\ncontacts:\n  name_line: after_phone\n  own_lines: [fax]\n",
     ["担当課：地域政策課", "直通　0152-41-0618（内線2345）　担当者：道下", "FAX　0152-23-6123"]),
])
def test_the_name_ends_the_phones_line(house, lines, tmp_path, capsys):
    """name_line: after_phone: 担当者：道下 at the end of the phone's line, number_gap
    before it, and nowhere else (not on the department's line), PDF and DOCX alike."""
    _contact_lines_are(DESK, house, lines, tmp_path, capsys)


@needs_poppler
def test_with_two_phones_the_name_follows_the_last(tmp_path, capsys):
    desk = DESK.replace("phones: [{number: 0152-41-0618, kind: 直通, extension: \"2345\"}]",
                        "phones: [{number: 0152-41-0618, kind: 直通}, {number: 0152-41-0619, kind: 代表}]")
    _contact_lines_are(desk, "contacts:\n  name_line: after_phone\n  own_lines: [fax]\n",
                       ["担当課：地域政策課", "直通　0152-41-0618", "代表　0152-41-0619　担当者：道下", "FAX　0152-23-6123"],
                       tmp_path, capsys)


def test_after_phone_beside_the_name_on_its_own_line_is_refused(tmp_path, capsys):
    """own_lines: [name] sets the name on a line of its own, after_phone on the phone's:
    the two contradict each other, the house style's file, line and key."""
    path = variant(tmp_path, style="contacts:\n  own_lines: [name]\n  name_line: after_phone\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:3: contacts.name_line: name_line: after_phone sets the" \
                         " contact's name on its phone's line, and own_lines names name" in err, err
    assert "Traceback" not in err


def test_a_name_after_a_phone_the_contact_lacks_is_refused(tmp_path, capsys):
    """A contact with a labelled name and no phone has no line to set it on: refused at
    the spec's name, nothing written."""
    path = variant(tmp_path, (CONTACT, "    - role: 担当窓口\n      department: 地域政策課\n      name_label: 担当\n"
                                       "      name: 道下\n"), style="contacts:\n  name_line: after_phone\n")
    code, _, err = check(path, capsys)
    text = path.read_text(encoding="utf-8").splitlines()
    line = text.index("      department: 地域政策課") + 3        # (the press request's contact names 道下 too)
    assert code == 1 and f"error: {path}:{line}: press_notice.contacts[0].name: the house sets a contact's name after" \
                         " its phone" in err, err
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice"])
    assert code == 1 and not (tmp_path / "out" / path.stem / "press-notice.pdf").exists()
    assert "Traceback" not in capsys.readouterr().err

