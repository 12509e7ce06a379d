"""Each contact's lines after the text with no box, its role a line over them
(notice.contacts_at: foot_unboxed), as 財務省 ended its 報道発表 of 2007
(`mof-ec-customs-2007`): （問い合わせ先） / 財務省関税局参事官室（国際調査担当）　課長補佐　松田 /
（代表）03(3581)4111（内線2291） / （直通）03(3581)2852.

The real case is built by the real command line, PDF and DOCX: the PDF read back line by
line (the role and the desk at the text's margin, the numbers one em in, nothing drawn
round them), the DOCX reopened (no table: paragraphs of the body). Variations of the seed
show a contact without a role (no line over it, no 問合せ先 supplied) and the release after
the signing; a lead sentence and a role above a box stop with file, line and key."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from jpdocs import cli

from conftest import needs_poppler, no_space
from test_contact_forms import docx_paragraphs, lines_of
from test_contacts_foot_line import AFTER, docx_tables
from test_notice_format import CONTACT, check, has_error, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "mof-ec-customs-2007"
HOUSE = "notice:\n  contacts_at: foot_unboxed\n"
SIZE = 10.5
LINES = ["（問い合わせ先）", "財務省関税局参事官室（国際調査担当）　課長補佐　松田", "（代表）03(3581)4111（内線2291）",
         "（直通）03(3581)2852"]


@needs_poppler
def test_the_contact_of_the_ministry_is_its_lines_after_the_text_without_a_box(tmp_path):
    assert cli.main([str(REAL / f"{CASE}.yaml"), "-o", str(tmp_path), "--format", "pdf,docx"]) == 0
    pdf = tmp_path / CASE / "press-notice.pdf"
    lines = lines_of(pdf)
    assert [text for text, _, _ in lines[-4:]] == [no_space(line) for line in LINES], lines[-5:]
    margin = lines[-5][1]                              # the last paragraph's later line: the text's margin
    role, desk, *numbers = lines[-4:]
    assert abs(role[1] - margin) < 0.5 and abs(desk[1] - margin) < 0.5
    assert all(abs(x0 - (margin + SIZE)) < 0.5 for _, x0, _ in numbers)      # one em in, as in a box
    with pdfplumber.open(pdf) as doc:                  # nothing drawn round them: no box, no rule
        page = doc.pages[-1]
        assert not page.rects and not page.lines, (page.rects, page.lines)
    docx = [text for text in docx_paragraphs(tmp_path / CASE / "press-notice.docx") if text.strip()]
    assert docx[-4:] == LINES, docx[-5:]
    assert docx_tables(tmp_path / CASE / "press-notice.docx") == 0


@needs_poppler
def test_a_contact_without_a_role_has_no_line_over_it_in_the_notice_and_the_release_after(tmp_path, capsys):
    contacts = "    - {department: 地域政策課, phone: 0152-41-0618}\n"
    path = variant(tmp_path, (CONTACT, contacts), AFTER, style=HOUSE)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    for kind in ("press-notice", "press-notice-after"):
        pdf = [text for text, _, _ in lines_of(out / f"{kind}.pdf")]
        assert pdf[-2:] == ["地域政策課", "電話0152-41-0618"], (kind, pdf[-4:])
        assert not any("問合せ先" in line for line in pdf), kind
        assert docx_tables(out / f"{kind}.docx", holding="0152-41-0618") == 0, kind


def test_a_lead_before_boxes_there_are_none_of_is_refused(tmp_path, capsys):
    path = variant(tmp_path, ("  contacts:\n", "  contacts_lead: お問い合わせは、下記まで。\n  contacts:\n"), style=HOUSE)
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "contacts_lead:", "press_notice.contacts_lead",
                                   "the house sets the contacts' lines after the text with no box"), err


def test_a_role_above_a_box_there_is_none_of_is_refused(tmp_path, capsys):
    path = variant(tmp_path, style=HOUSE + "contacts:\n  role_place: above\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:4: contacts.role_place: the role is set above a" \
                         " contact's box; the house sets the contacts' lines after the text with no box" in err, err
