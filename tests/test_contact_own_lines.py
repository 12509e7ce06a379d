"""Parts of a contact on lines of their own (contacts.own_lines), as 大崎市 sets its
contact (`osaki-shinkin-2022`): 〒989-6188 / 大崎市古川七日町1-1　市役所本庁舎3階 /
電話番号:0229-23-2129(政策企画担当、地方創生担当) / ファクス:0229-23-2427, where the
house by default sets 〒 before the address and the FAX after the last phone.

The real case is built by the real command line, PDF and DOCX; the PDF read back line
by line as a reader sees it, the DOCX reopened. Variations of the seed show each part
alone, the FAX under phones set on one line, and the contact in the notice's head; a
part named twice stops with file, line and key.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from jpdocs import cli

from conftest import needs_poppler, no_space
from test_contact_forms import docx_paragraphs, lines_of
from test_notice_format import CONTACT, check, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "osaki-shinkin-2022"
FULL = ("    - role: 担当窓口\n      department: 地域政策課\n      postal_code: 093-8585\n"
        "      address: 北見市青葉町6-6\n      phones: [{number: 0152-41-0618}, {number: 0152-41-0619, kind: 代表}]\n"
        "      fax: 0152-23-6123\n")


def fold(text: str) -> str:
    return no_space(unicodedata.normalize("NFKC", text))


@needs_poppler
def test_osaki_sets_postal_code_address_phone_and_fax_a_line_each(tmp_path):
    assert cli.main([str(REAL / f"{CASE}.yaml"), "-o", str(tmp_path), "--format", "pdf,docx"]) == 0
    wanted = ["〒989-6188", "大崎市古川七日町1-1市役所本庁舎3階", "電話番号:0229-23-2129(政策企画担当、地方創生担当)",
              "ファクス:0229-23-2427"]
    pdf = [fold(text) for text, _, _ in lines_of(tmp_path / CASE / "press-notice.pdf")]
    start = pdf.index(wanted[0])
    assert pdf[start:start + 4] == wanted, pdf[start - 2:]
    docx = [fold(text) for text in docx_paragraphs(tmp_path / CASE / "press-notice.docx") if text.strip()]
    start = docx.index(wanted[0])
    assert docx[start:start + 4] == wanted, docx[start - 2:]


def _contact_lines_are(contact, house, lines, tmp_path, capsys):
    """The notice built with `contact` under `house` sets `lines`, in order, in its PDF
    and its DOCX."""
    path = variant(tmp_path, (CONTACT, contact), style=house)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    wanted = [no_space(line) for line in lines]
    # the box's role stands in its label column, at the height of one of the lines: read
    # the contact's column alone
    pdf = [text.replace("担当窓口", "") for text, _, _ in lines_of(out / "press-notice.pdf")]
    pdf = [text for text in pdf if text]
    start = next(i for i, text in enumerate(pdf) if text.startswith(wanted[0]))
    assert pdf[start:start + len(wanted)] == wanted, pdf[start:start + 6]
    docx = [text for text in docx_paragraphs(out / "press-notice.docx") if text.strip()]
    start = docx.index(lines[0])
    assert docx[start:start + len(lines)] == lines, docx[start:start + 6]


@needs_poppler
@pytest.mark.parametrize("house, lines", [
    # the default: 〒 before the address, the FAX after the last phone
    ("contacts: {}\n", ["〒093-8585　北見市青葉町6-6", "電話　0152-41-0618", "代表　0152-41-0619　FAX　0152-23-6123"]),
    ("contacts:\n  own_lines: [postal_code]\n",
     ["〒093-8585", "北見市青葉町6-6", "電話　0152-41-0618", "代表　0152-41-0619　FAX　0152-23-6123"]),
    ("contacts:\n  own_lines: [fax]\n",
     ["〒093-8585　北見市青葉町6-6", "電話　0152-41-0618", "代表　0152-41-0619", "FAX　0152-23-6123"]),
    # the phones on one line, the FAX under it
    ("contacts:\n  own_lines: [fax, postal_code]\n  phone_lines: one\n",
     ["〒093-8585", "北見市青葉町6-6", "電話　0152-41-0618　代表　0152-41-0619", "FAX　0152-23-6123"]),
    # wording.address_label: before the address's first line, after it the house's gap
    # (多古町: 住所:〒289-2292 千葉県…); before the postal code where that stands apart
    ("wording:\n  address_label: 住所\ncontacts:\n  label_gap: \":\"\n",
     ["住所:〒093-8585　北見市青葉町6-6", "電話:0152-41-0618", "代表:0152-41-0619　FAX:0152-23-6123"]),
    ("wording:\n  address_label: 所在地\ncontacts:\n  own_lines: [postal_code]\n",
     ["所在地　〒093-8585", "北見市青葉町6-6", "電話　0152-41-0618"]),
    # in the notice's head, right-aligned: the same lines
    ("notice:\n  contacts_at: head\ncontacts:\n  own_lines: [postal_code, fax]\n",
     ["〒093-8585", "北見市青葉町6-6", "電話　0152-41-0618", "代表　0152-41-0619", "FAX　0152-23-6123"]),
])
def test_each_part_named_stands_on_its_own_line(house, lines, tmp_path, capsys):
    _contact_lines_are(FULL, house, lines, tmp_path, capsys)


def test_a_part_named_twice_is_refused_at_its_line(tmp_path, capsys):
    path = variant(tmp_path, style="contacts:\n  own_lines: [fax, postal_code, fax]\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:2: contacts.own_lines: fax is named twice in own_lines:" \
                         " the second would have no effect; remove it" in err, err


DESK = ("    - role: 担当窓口\n      department_label: 担当課：\n      department: 地域政策課\n"
        "      phones: [{number: 0152-41-0618, kind: 直通, extension: \"2345\"}]\n"
        "      fax: 0152-23-6123\n      name_label: 担当者\n      name: 道下\n")


@needs_poppler
@pytest.mark.parametrize("house, lines", [
    # extension labelled: 内線 after the number, the name on the department's line
    ("contacts:\n  extension: labelled\n",
     ["担当課：地域政策課　担当者：道下", "直通　0152-41-0618　内線　2345　FAX　0152-23-6123"]),
    ("contacts:\n  extension: labelled\n  own_lines: [extension, name]\n",
     ["担当課：地域政策課", "直通　0152-41-0618　FAX　0152-23-6123", "内線　2345", "担当者：道下"]),
    # name_line: under_department: 担当者 straight under the department, as 総務省 sets its
    # contacts (統計局総務課 / 担当:… / 電話:…), in a box and in the notice's head
    ("contacts:\n  own_lines: [name]\n  name_line: under_department\n",
     ["担当課：地域政策課", "担当者：道下", "直通　0152-41-0618（内線2345）　FAX　0152-23-6123"]),
    ("notice:\n  contacts_at: head\ncontacts:\n  extension: labelled\n  own_lines: [fax, extension, name]\n"
     "  name_line: under_department\n",
     ["担当課：地域政策課", "担当者：道下", "直通　0152-41-0618", "内線　2345", "FAX　0152-23-6123"]),
    # in the notice's head, as 福岡県 sets its desk: the page's order, a line each
    ("notice:\n  contacts_at: head\ncontacts:\n  extension: labelled\n  own_lines: [fax, extension, name]\n",
     ["担当課：地域政策課", "直通　0152-41-0618", "内線　2345", "FAX　0152-23-6123", "担当者：道下"]),
])
def test_the_extension_and_the_name_on_lines_of_their_own(house, lines, tmp_path, capsys):
    """own_lines: extension, the labelled 内線 under its phone; name, 担当者：… last, under
    the numbers (福岡県: 担当課 / 直通 / 内線 / 担当者), PDF and DOCX alike."""
    _contact_lines_are(DESK, house, lines, tmp_path, capsys)


def test_a_name_line_without_the_name_on_its_own_line_is_refused(tmp_path, capsys):
    """name_line places the name own_lines sets apart; with the name on the department's
    line it would have no effect: the house style's file, line and key."""
    path = variant(tmp_path, style="contacts:\n  own_lines: [fax]\n  name_line: under_department\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:3: contacts.name_line: name_line: under_department" \
                         " places the contact's name set on a line of its own" in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize("house", ["contacts:\n  own_lines: [extension]\n",
                                   "contacts:\n  extension: labelled\n  phone_lines: one\n  own_lines: [extension]\n"])
def test_an_extension_on_its_own_line_where_it_has_no_effect_is_refused(house, tmp_path, capsys):
    """A bracketed 内線 (the default) or phones on one line: own_lines: extension would
    have no effect: the house style's file, line and key."""
    path = variant(tmp_path, style=house)
    code, _, err = check(path, capsys)
    line = house.count("\n")
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:{line}: contacts.own_lines: extension in own_lines sets" \
                         " a labelled 内線 on a line of its own under its phone" in err, err
    assert "Traceback" not in err


@needs_poppler
@pytest.mark.parametrize("house, lines", [
    # a colon for the gap: the name label takes it too, as every other label does
    ("contacts:\n  label_gap: \":\"\n  extension: labelled\n",
     ["担当課：地域政策課　担当者:道下", "直通:0152-41-0618　内線:2345　FAX:0152-23-6123"]),
    ("contacts:\n  label_gap: \": \"\n  extension: labelled\n  own_lines: [extension, name]\n",
     ["担当課：地域政策課", "直通: 0152-41-0618　FAX: 0152-23-6123", "内線: 2345", "担当者: 道下"]),
    ("contacts:\n  label_gap: \"：\"\n  person_line: with_department\n",
     ["担当課：地域政策課　担当者：道下", "直通：0152-41-0618（内線2345）　FAX：0152-23-6123"]),
    # a space for the gap (the default's, or a half-width one): 担当者：道下, not a name
    # that reads on from its label
    ("contacts:\n  label_gap: \" \"\n", ["担当課：地域政策課　担当者：道下", "直通 0152-41-0618（内線2345）　FAX 0152-23-6123"]),
])
def test_the_name_label_takes_the_house_gap_where_it_is_a_colon(house, lines, tmp_path, capsys):
    """contacts.label_gap: ":" → 担当者:道下 as 直通:0152-…, in the PDF and the DOCX alike;
    a gap of spaces keeps 担当者：道下."""
    _contact_lines_are(DESK, house, lines, tmp_path, capsys)


@needs_poppler
def test_fukuoka_prints_its_desk_with_the_pages_colon(tmp_path):
    """福岡県's head block: 担当者:里道 with the half-width colon of 直通:092-… and 内線:3626
    (contacts.label_gap: ":"), not the full-width one, in the PDF and the DOCX."""
    case = "fukuoka-fcoop-2023"
    assert cli.main([str(REAL / f"{case}.yaml"), "-o", str(tmp_path), "--format", "pdf,docx"]) == 0
    wanted = ["直通:092-643-3413", "内線:3626", "担当者:里道"]
    pdf = [no_space(text) for text, _, _ in lines_of(tmp_path / case / "press-notice.pdf")]
    start = pdf.index(wanted[0])
    assert pdf[start:start + 3] == wanted, pdf[:8]
    docx = [text for text in docx_paragraphs(tmp_path / case / "press-notice.docx") if text.strip()]
    start = docx.index(wanted[0])
    assert docx[start:start + 3] == wanted, docx[:8]


REQUEST = "      phone_kind: 直通\n  contacts:"
ONE_LINE = "    - role: 担当窓口\n      department: オホーツク総合振興局地域創生部\n      phone: 0152-41-0618\n"


@needs_poppler
@pytest.mark.parametrize("place", ["top", "foot_line", "head_table"])
def test_beside_contacts_on_one_line_own_lines_reaches_the_requests_box(place, tmp_path, capsys):
    """A house that sets each contact on one line or a row (notice.contacts_at: top,
    foot_line, head_table) still sets the press request's contact in its box at the foot:
    own_lines has its effect there (the FAX under the phone), so it is no key without
    effect; the notice's own contacts take none of the parts it moves, each refused at
    the spec's key."""
    house = f"notice:\n  contacts_at: {place}\ncontacts:\n  own_lines: [fax]\n"
    path = variant(tmp_path, (REQUEST, "      phone_kind: 直通\n      fax: 0152-67-5622\n  contacts:"),
                   (CONTACT, ONE_LINE), style=house)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    pdf = [text for text, _, _ in lines_of(out / "press-notice.pdf")]
    at = next(i for i, text in enumerate(pdf) if text.endswith("直通0152-67-5621"))
    assert pdf[at + 1] == "FAX0152-67-5622", pdf[at - 1:]
    docx = docx_paragraphs(out / "press-notice.docx")
    assert docx[docx.index("直通　0152-67-5621") + 1] == "FAX　0152-67-5622", docx
    # the notice's own contact, on its line or row, cannot be given a FAX
    path = variant(tmp_path, (CONTACT, ONE_LINE + "      fax: 0152-41-0619\n"), style=house, name="fax.yaml")
    code, _, err = check(path, capsys)
    assert code == 1 and f"{path}:" in err and "press_notice.contacts[0].fax: the house sets" in err, err
