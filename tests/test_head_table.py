"""The contacts as a ruled table in the notice's head (notice.contacts_at: head_table), as
山形県 heads its releases: 部局・担当課 | 防災くらし安心部　防災危機管理課 | 電話番号 |
023-630-2230 (`yamagata-marukan-2021`), under the date and the issuer, above the title;
a contact a row: its role, its department, its number's label and the number.

The real case is built by the real command line, PDF and DOCX; the PDF read back line by
line as a reader sees it (a row of the table reads as one line), the DOCX reopened (its
table's cells, in the body before the title). Variations of the seed show a contact
without a role or a phone, the phone's kind as its label, two contacts, the release
after the signing; what a row cannot print stops with file, line and key.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from docx import Document
from jpdocs import cli

from conftest import needs_poppler, no_space
from test_contact_forms import lines_of
from test_notice_format import CONTACT, check, has_error, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "yamagata-marukan-2021"
HOUSE = "notice:\n  contacts_at: head_table\n"
AFTER = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-28\n    opening: [本日、締結しました。]\n  closing_ijo:")


def fold(text: str) -> str:
    return no_space(unicodedata.normalize("NFKC", text))


def docx_body(path: Path) -> list:
    """The DOCX body in order: a paragraph's text, or a table as its rows of cell texts."""
    doc = Document(str(path))
    out = []
    for el in doc.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in el.iter() if t.tag.endswith("}t"))
            if text.strip():
                out.append(text)
        elif tag == "tbl":
            from docx.table import Table
            rows = []
            for row in Table(el, doc).rows:
                cells = []
                for cell in row.cells:         # a merged cell is listed once per column it spans
                    if not cells or cell._tc is not cells[-1][0]:
                        cells.append((cell._tc, cell.text))
                rows.append([text for _, text in cells])
            out.append(rows)
    return out


@needs_poppler
def test_the_contact_of_yamagata_is_the_head_s_table_pdf_and_docx(tmp_path):
    """The page's row whole, once, between the issuer and the title; nothing of the
    contact at the foot; the DOCX's table of four cells there."""
    assert cli.main([str(REAL / f"{CASE}.yaml"), "-o", str(tmp_path), "--format", "pdf,docx"]) == 0
    row = "部局・担当課防災くらし安心部防災危機管理課電話番号023-630-2230"
    pdf = [text for text, _, _ in lines_of(tmp_path / CASE / "press-notice.pdf")]
    at = pdf.index(no_space(row))
    assert pdf[at - 1] == "山形県" and pdf[at + 1].startswith("項目青果物"), pdf[:at + 2]
    assert sum("防災危機管理課" in line for line in pdf) == 1, pdf
    body = docx_body(tmp_path / CASE / "press-notice.docx")
    table = next(i for i, part in enumerate(body) if isinstance(part, list))
    assert body[table] == [["部局・担当課", "防災くらし安心部　防災危機管理課", "電話番号", "023-630-2230"]]
    assert body[table - 1] == "山形県" and body[table + 1].startswith("項　目"), body[:table + 2]
    assert sum("防災危機管理課" in str(part) for part in body) == 1


@needs_poppler
@pytest.mark.parametrize("contacts, rows", [
    # the phone's kind as its label
    ("    - {role: 担当窓口, department: 地域政策課, phone: 0152-41-0618, phone_kind: 直通}\n",
     [["担当窓口", "地域政策課", "直通", "0152-41-0618"]]),
    # no role: 問合せ先, as a box labels it; no phone: the department across the rest; a row each
    ("    - {department: 地域政策課, phone: 0152-41-0618}\n    - {role: 取材受付, department: 広報室}\n",
     [["問合せ先", "地域政策課", "電話", "0152-41-0618"], ["取材受付", "広報室"]]),
])
def test_a_row_each_contact_in_the_notice_and_the_release_after(contacts, rows, tmp_path, capsys):
    path = variant(tmp_path, (CONTACT, contacts), AFTER, style=HOUSE)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    for kind in ("press-notice", "press-notice-after"):
        pdf = [text for text, _, _ in lines_of(out / f"{kind}.pdf")]
        at = pdf.index("北海道オホーツク総合振興局")
        assert pdf[at + 1:at + 1 + len(rows)] == ["".join(row) for row in rows], (kind, pdf[:at + 4])
        assert pdf[at + 1 + len(rows)].startswith("項目"), (kind, pdf[:at + 4])
        body = docx_body(out / f"{kind}.docx")
        table = next(i for i, part in enumerate(body) if isinstance(part, list))
        assert body[table] == rows and body[table + 1].startswith("項　目"), (kind, body[:table + 2])
        assert not any("0152-41-0618" in line for line in pdf[at + 1 + len(rows):]), kind    # no box at the foot


@pytest.mark.parametrize("key, fragment", [("title", "title: 地域政策課長"), ("name", "name: 杉村　勝彦")])
def test_what_a_row_cannot_print_is_refused_at_its_key(key, fragment, tmp_path, capsys):
    """The seed's contact names its head: a row prints no person, so each is refused,
    file, line and key; nothing written."""
    path = variant(tmp_path, style=HOUSE)
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, fragment, f"press_notice.contacts[0].{key}",
                                   "the house sets each contact as a row of a table in the head"
                                   " (notice.contacts_at: head_table): its role, department and phone number"), err
    code = cli.main([str(path), "-o", str(tmp_path / "out")])
    assert code == 1 and not (tmp_path / "out" / path.stem / "press-notice.pdf").exists()


def test_a_lead_before_boxes_there_are_none_of_is_refused(tmp_path, capsys):
    path = variant(tmp_path, (CONTACT, "    - {role: 担当窓口, department: 地域政策課}\n"),
                   ("  contacts:\n", "  contacts_lead: お問い合わせは、下記まで。\n  contacts:\n"), style=HOUSE)
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "contacts_lead:", "press_notice.contacts_lead",
                                   "contacts_lead is the sentence before the contact boxes at the foot, and the"
                                   " house sets the contacts in a table in the head"), err


def test_a_role_above_a_box_there_is_none_of_is_refused(tmp_path, capsys):
    path = variant(tmp_path, (CONTACT, "    - {role: 担当窓口, department: 地域政策課}\n"),
                   style=HOUSE + "contacts:\n  role_place: above\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:4: contacts.role_place: the role is set above a" \
                         " contact's box; the house sets each contact as a row of a table in the head" in err, err
