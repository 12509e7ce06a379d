"""Each contact on a line of its own after the text, no box (notice.contacts_at:
foot_line), as 広島労働局 ends its topics: 【照会先】広島労働局職業安定部職業安定課
（電話:082(502)7831） (`hiroshima-labour-hatsukaichi-2024`): the role, the department
and the number in （） after its label.

The real case is built by the real command line, PDF and DOCX; the PDF read back line
by line as a reader sees it, the DOCX reopened (no table: the line is a paragraph of
the body). Variations of the seed show a role without a bracket of its own (the
house's gap after it), a phone's kind as its label, two contacts, the release after
the signing; what the line cannot print stops with file, line and key.
"""
from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from jpdocs import cli

from conftest import needs_poppler, no_space
from test_contact_forms import docx_paragraphs, lines_of
from test_notice_format import CONTACT, check, has_error, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "hiroshima-labour-hatsukaichi-2024"
HOUSE = "notice:\n  contacts_at: foot_line\ncontacts:\n  label_gap: \"：\"\n"
AFTER = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-28\n    opening: [本日、締結しました。]\n  closing_ijo:")


def fold(text: str) -> str:
    return no_space(unicodedata.normalize("NFKC", text))


def docx_tables(path: Path, holding: str = "") -> int:
    """The DOCX's tables (those whose text holds `holding`)."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, flags=re.S)
    return sum(holding in "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", t)) for t in tables)


@needs_poppler
def test_the_contact_of_hiroshima_labour_is_the_last_line_pdf_and_docx(tmp_path):
    """The page's line whole, the last of the notice, once; no box round it (the DOCX
    holds no table)."""
    # (its photos' captions stand in a table without rules; the contact is in none)
    _the_last_line_unboxed(tmp_path, CASE, "【照会先】広島労働局職業安定部職業安定課（電話:082(502)7831）",
                           once="職業安定課", label="照会先")


def _the_last_line_unboxed(tmp_path, case: str, wanted: str, once: str, label: str) -> None:
    """The real case's notice, PDF and DOCX, ends with the line `wanted` whole; the PDF
    prints `once` on that line alone; no DOCX table holds `label`."""
    assert cli.main([str(REAL / f"{case}.yaml"), "-o", str(tmp_path), "--format", "pdf,docx"]) == 0
    pdf = [text for text, _, _ in lines_of(tmp_path / case / "press-notice.pdf")]
    assert pdf[-1] == no_space(wanted), pdf[-3:]
    assert sum(once in line for line in pdf) == 1
    docx = [text for text in docx_paragraphs(tmp_path / case / "press-notice.docx") if text.strip()]
    assert docx[-1] == wanted, docx[-3:]
    assert docx_tables(tmp_path / case / "press-notice.docx", holding=label) == 0


@needs_poppler
@pytest.mark.parametrize("contacts, lines", [
    # a role without a bracket of its own: the house's gap after it; the kind as the label
    ("    - {role: 担当窓口, department: 地域政策課, phone: 0152-41-0618, phone_kind: 直通}\n",
     ["担当窓口：地域政策課（直通：0152-41-0618）"]),
    # no role: 問合せ先, as a box labels it; no phone: no brackets; a contact a line
    ("    - {department: 地域政策課, phone: 0152-41-0618}\n    - {role: 【取材受付】, department: 広報室}\n",
     ["問合せ先：地域政策課（電話：0152-41-0618）", "【取材受付】広報室"]),
])
def test_a_line_each_contact_in_the_notice_and_the_release_after(contacts, lines, tmp_path, capsys):
    path = variant(tmp_path, (CONTACT, contacts), AFTER, style=HOUSE)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    for kind in ("press-notice", "press-notice-after"):
        pdf = [text for text, _, _ in lines_of(out / f"{kind}.pdf")]
        assert pdf[-len(lines):] == [no_space(line) for line in lines], (kind, pdf[-4:])
        docx = [text for text in docx_paragraphs(out / f"{kind}.docx") if text.strip()]
        assert docx[-len(lines):] == lines, (kind, docx[-4:])


@pytest.mark.parametrize("key, fragment", [("title", "title: 地域政策課長"), ("name", "name: 杉村　勝彦")])
def test_what_the_line_cannot_print_is_refused_at_its_key(key, fragment, tmp_path, capsys):
    """The seed's contact names its head: the line prints no person, so each is refused."""
    path = variant(tmp_path, style=HOUSE)
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, fragment, f"press_notice.contacts[0].{key}",
                                   f"(notice.contacts_at: foot_line): its role, department and phone number"), err


def test_a_lead_before_boxes_there_are_none_of_is_refused(tmp_path, capsys):
    path = variant(tmp_path, (CONTACT, "    - {role: 担当窓口, department: 地域政策課}\n"),
                   ("  contacts:\n", "  contacts_lead: お問い合わせは、下記まで。\n  contacts:\n"), style=HOUSE)
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "contacts_lead:", "press_notice.contacts_lead",
                                   "the house sets each contact on a line of its own after the text"), err


def test_a_role_above_a_box_there_is_none_of_is_refused(tmp_path, capsys):
    path = variant(tmp_path, (CONTACT, "    - {role: 担当窓口, department: 地域政策課}\n"),
                   style="notice:\n  contacts_at: foot_line\ncontacts:\n  role_place: above\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:4: contacts.role_place: the role is set above a" \
                         " contact's box; the house sets each contact on a line after the text" in err, err


SPACED = "notice:\n  contacts_at: foot_line\ncontacts:\n  foot_line_phone: spaced\n"


@needs_poppler
def test_the_contact_of_yanai_is_one_line_its_phone_apart_pdf_and_docx(tmp_path):
    """柳井市's 広報 ends an article with ●問い合わせ　危機管理室　電話(22)2111　内線431: the
    parts parted by spaces, no brackets, the 内線 a number of its own after the phone
    (contacts.foot_line_phone: spaced, extension: labelled, label_gap: "")."""
    _the_last_line_unboxed(tmp_path, "yanai-network-2012", "●問い合わせ　危機管理室　電話(22)2111　内線431",
                           once="危機管理室", label="問い合わせ")


@needs_poppler
@pytest.mark.parametrize("house, contacts, lines", [
    # the house's boxes bracket the 内線 (extension: bracketed, the default): so does the line
    ("", "    - {role: 担当窓口, department: 地域政策課, phone: 0152-41-0618, extension: \"2345\"}\n",
     ["担当窓口　地域政策課　電話　0152-41-0618（内線2345）"]),
    # labelled: a number of its own after the number_gap, label_gap after 内線 as after 電話;
    # a role closing its own bracket, no space after it; the kind as the label; no phone
    ("  extension: labelled\n  label_gap: \"：\"\n",
     "    - {role: 【照会先】, department: 地域政策課, phone: 0152-41-0618, phone_kind: 代表, extension: \"2345\"}\n"
     "    - {department: 広報室}\n",
     ["【照会先】地域政策課　代表：0152-41-0618　内線：2345", "問合せ先　広報室"]),
])
def test_a_phone_apart_and_its_extension_in_the_notice_and_the_release_after(house, contacts, lines, tmp_path,
                                                                              capsys):
    path = variant(tmp_path, (CONTACT, contacts), AFTER, style=SPACED + house)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    for kind in ("press-notice", "press-notice-after"):
        pdf = [text for text, _, _ in lines_of(out / f"{kind}.pdf")]
        assert pdf[-len(lines):] == [no_space(line) for line in lines], (kind, pdf[-4:])
        docx = [text for text in docx_paragraphs(out / f"{kind}.docx") if text.strip()]
        assert docx[-len(lines):] == lines, (kind, docx[-4:])


def test_an_extension_beside_a_bracketed_phone_is_refused(tmp_path, capsys):
    """The default line brackets the phone and prints no 内線: refused at the key, naming
    the form that prints it."""
    path = variant(tmp_path, (CONTACT, "    - {department: 地域政策課, phone: 0152-41-0618, extension: \"2345\"}\n"),
                   style=HOUSE)
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "extension:", "press_notice.contacts[0].extension",
                                   "with its phone in （） (contacts.foot_line_phone: bracketed), where no 内線 is"
                                   " printed"), err


@pytest.mark.parametrize("place", ["foot", "top", "head_table"])
def test_a_phone_apart_where_no_line_after_the_text_is_set_is_refused(place, tmp_path, capsys):
    """foot_line_phone: spaced acts on the line after the text only: elsewhere it would
    have no effect, an error of the house style at its line."""
    path = variant(tmp_path, (CONTACT, "    - {role: 担当窓口, department: 地域政策課}\n"),
                   style=f"notice:\n  contacts_at: {place}\ncontacts:\n  foot_line_phone: spaced\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:4: contacts.foot_line_phone: foot_line_phone: spaced" \
                         f" sets the phone apart on a contact's line after the text (notice.contacts_at:" \
                         f" foot_line), and the house sets its contacts elsewhere (notice.contacts_at: {place})" \
                         in err, err
