"""Where a notice's contact stands and how its lines are set, as real offices set them
(content/contacts.py):

- notice.contacts_at: top — the one contact on a line under the date and the issuer,
  its number in （） without a label (大阪市中央区役所 2020: 問合せ先:中央区役所 総務課
  (総合企画グループ)(06-6267-9683));
- contacts.person_line: with_department — the office, title and surname on one line,
  the numbers under it (宗谷森林管理署 2011: 宗谷森林管理署 流域管理調整官 安藤).

Each spec is a variation of the seed's, built by the real command line; the PDF is read
back line by line as a reader sees it, the DOCX reopened; what the form cannot print is
refused with file, line and key, and nothing is written.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from jpdocs import cli

from conftest import needs_poppler, no_space, pdf_text
from test_notice_format import CONTACT, check, has_error, variant

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TOP = "notice:\n  contacts_at: top\ncontacts:\n  label_gap: \"：\"\n"
WARD = ("    - role: 問合せ先\n      department: 中央区役所　総務課（総合企画グループ）\n"
        "      phone: 06-6267-9683\n")
WARD_LINE = "問合せ先：中央区役所　総務課（総合企画グループ）（06-6267-9683）"
AFTER = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n    opening: [本日、締結しました。]\n  closing_ijo:")
WITH_DEPARTMENT = "contacts:\n  person_line: with_department\n"


def build(path: Path, tmp_path: Path, capsys, kinds="press-notice") -> Path:
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", kinds, "--format", "pdf,docx"])
    err = capsys.readouterr().err
    assert code == 0, err
    return tmp_path / "out" / path.stem


def lines_of(pdf: Path) -> list[tuple[str, float, float]]:
    """Each line a reader sees (glyphs by page and baseline, left to right), without
    spaces, with its left and right edges."""
    import pdfplumber
    rows: dict[tuple[int, int], list] = {}
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages):
            for c in page.chars:
                rows.setdefault((number, round(c["bottom"])), []).append(c)
    out = []
    for _, row in sorted(rows.items()):
        row.sort(key=lambda c: c["x0"])
        out.append((no_space("".join(c["text"] for c in row)), row[0]["x0"], row[-1]["x1"]))
    return out


def docx_paragraphs(path: Path) -> list[str]:
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]


def docx_styles(path: Path) -> list[str | None]:
    """Each paragraph's style (w:pStyle), in the order of docx_paragraphs."""
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return [next((s.get(f"{W}val") for s in p.iter(f"{W}pStyle")), None) for p in body.iter(f"{W}p")]


# ------------------------------------------------------------------ the contact at the top

@needs_poppler
def test_the_contact_on_a_line_at_the_top_under_the_issuer(tmp_path, capsys):
    """大阪市中央区役所: the one contact a line of its own under the date and the issuer,
    right-aligned with them, before the title; its role, the house's gap, its department
    and its number in （） without 電話; no contact box at the foot, where the press
    request keeps its own contact; the DOCX alike, and the release after the signing."""
    path = variant(tmp_path, (CONTACT, WARD), AFTER, style=TOP)
    out = build(path, tmp_path, capsys, kinds="press-notice,press-notice-after")
    for name in ("press-notice", "press-notice-after"):
        pdf = out / f"{name}.pdf"
        lines = lines_of(pdf)
        texts = [t for t, _, _ in lines]
        at = texts.index(no_space(WARD_LINE))
        assert texts[at - 1] == "北海道オホーツク総合振興局", texts[:at + 2]      # under the issuer
        dated = lines[at - 2]
        assert "年" in dated[0] and "月" in dated[0], texts[:at + 2]
        assert lines[at][2] == pytest.approx(dated[2], abs=1.5)               # right-aligned with the date
        text = no_space(pdf_text(pdf))
        assert text.count("06-6267-9683") == 1 and "電話" not in text
        assert text.count("問合せ先") == 1
        paragraphs = [no_space(p) for p in docx_paragraphs(pdf.with_suffix(".docx"))]
        at = paragraphs.index(no_space(WARD_LINE))
        assert at == paragraphs.index("北海道オホーツク総合振興局") + 1
        styles = docx_styles(pdf.with_suffix(".docx"))
        assert styles[at] == styles[at - 1] and styles[at] is not None       # set as the issuer is
        assert "".join(paragraphs).count("06-6267-9683") == 1
    notice = no_space(pdf_text(out / "press-notice.pdf"))
    # the press request's box stays at the foot, with its own contact in it
    assert notice.index("報道に当たってのお願い") > notice.index("包括連携協定の締結に至った経緯")
    assert notice.endswith("担当：道下直通：0152-67-5621"), notice[-80:]


@needs_poppler
@pytest.mark.parametrize("contact, line", [
    ("    - department: 中央区役所　総務課\n", "問合せ先：中央区役所　総務課"),           # no role, no phone
    ("    - role: お問い合わせ先\n      department: 総務課\n      phone: 06-1234-5678\n",
     "お問い合わせ先：総務課（06-1234-5678）"),
])
def test_the_line_at_the_top_prints_what_the_spec_gives(contact, line, tmp_path, capsys):
    """No phone, no brackets; no role, the boxes' own 問合せ先; the role as written."""
    path = variant(tmp_path, (CONTACT, contact), style=TOP)
    pdf = build(path, tmp_path, capsys) / "press-notice.pdf"
    texts = [t for t, _, _ in lines_of(pdf)]
    assert no_space(line) in texts, texts[:6]
    assert "（）" not in no_space(pdf_text(pdf))


@needs_poppler
def test_the_house_gap_after_the_role(tmp_path, capsys):
    """The gap between the role and the department is the house's contacts.label_gap,
    as between 電話 and its number: half-width where the house writes it so."""
    path = variant(tmp_path, (CONTACT, WARD), style="notice:\n  contacts_at: top\ncontacts:\n  label_gap: \":\"\n")
    pdf = build(path, tmp_path, capsys) / "press-notice.pdf"
    assert "問合せ先:中央区役所総務課（総合企画グループ）（06-6267-9683）" in [t for t, _, _ in lines_of(pdf)]


_SECOND = WARD + "    - role: 取材受付\n      department: 広報室\n"


@pytest.mark.parametrize("pairs, fragment, key, message", [
    ([], "      title: 地域政策課長", "press_notice.contacts[0].title",
     "the house sets the contact on one line at the top of the notice (notice.contacts_at: top): its role,"
     " department and phone number (問合せ先：…課（06-…）); title would not be printed"),
    ([], "      phone_kind: 直通", "press_notice.contacts[0].phone_kind", "phone_kind would not be printed"),
    ([(CONTACT, WARD + "      fax: 06-6267-0000\n")], "fax:", "press_notice.contacts[0].fax",
     "fax would not be printed"),
    ([(CONTACT, WARD + "      email: a@example.jp\n")], "email:", "press_notice.contacts[0].email",
     "email would not be printed"),
    ([(CONTACT, _SECOND)], "role: 取材受付", "press_notice.contacts[1]",
     "where one contact stands, and 2 are given: give one, or use a house style that sets the contacts in boxes"
     " at the foot (notice.contacts_at: foot)"),
    ([(CONTACT, WARD), ("  contacts:\n", "  contacts_lead: お問い合わせは、下記まで。\n  contacts:\n")],
     "contacts_lead:", "press_notice.contacts_lead",
     "contacts_lead is the sentence before the contact boxes at the foot"),
    ([(CONTACT, WARD), ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n    opening: [締結しました。]\n"
                        "    contacts: [{department: 広報室, fax: 0152-00-0000}]\n  closing_ijo:")],
     "contacts: [{department: 広報室", "press_notice.after.contacts[0].fax", "fax would not be printed"),
])
def test_what_the_line_at_the_top_cannot_print_is_refused(pairs, fragment, key, message, tmp_path, capsys):
    """Never a given fact left out: a second contact, a key the line does not print,
    a sentence before boxes that are not there, in the release's own contacts too;
    file, line and key, exit 1, and no file written by the build."""
    path = variant(tmp_path, *pairs, style=TOP)
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    assert has_error(err, path, fragment, key, message, after="  contacts"), err
    assert cli.main([str(path), "-o", str(tmp_path / "out")]) == 1
    capsys.readouterr()
    assert not list((tmp_path / "out").rglob("*.pdf")) and not list((tmp_path / "out").rglob("*.docx"))


# ------------------------------------------------------------------ the person on the department's line

@needs_poppler
def test_the_person_on_the_line_of_the_department(tmp_path, capsys):
    """宗谷森林管理署: department, title and name one line, the numbers under it; a name
    given with its label (担当：道下) after the department, as before; the DOCX alike, and
    the release after the signing."""
    path = variant(tmp_path, AFTER, style=WITH_DEPARTMENT)
    out = build(path, tmp_path, capsys, kinds="press-notice,press-notice-after")
    for name in ("press-notice", "press-notice-after"):
        pdf = out / f"{name}.pdf"
        # (the box's label, centred in its cell, reads as a line of its own between them)
        texts = [t for t, _, _ in lines_of(pdf) if t != "担当窓口"]
        at = texts.index("オホーツク総合振興局地域創生部地域政策課長杉村勝彦")
        assert texts[at + 1] == "直通0152-41-0618", texts[at - 1:at + 2]
        assert "地域政策課長杉村勝彦" not in texts                    # not on a line of its own
        paragraphs = [no_space(p) for p in docx_paragraphs(pdf.with_suffix(".docx"))]
        assert "オホーツク総合振興局地域創生部地域政策課長杉村勝彦" in paragraphs
    texts = [t for t, _, _ in lines_of(out / "press-notice.pdf")]
    assert "オホーツク総合振興局地域創生部地域政策課地域振興係担当：道下" in texts


@needs_poppler
def test_one_person_of_people_with_a_reading_on_the_department_line(tmp_path, capsys):
    """people: of one person, with a reading and a note, printed as its own line would be."""
    contact = CONTACT.replace("      title: 地域政策課長\n      name: 杉村　勝彦\n",
                              "      people: [{title: 課長, name: 杉村, reading: すぎむら, note: 予定}]\n")
    path = variant(tmp_path, (CONTACT, contact), style=WITH_DEPARTMENT)
    pdf = build(path, tmp_path, capsys) / "press-notice.pdf"
    assert "オホーツク総合振興局地域創生部課長杉村（すぎむら）（予定）" in [t for t, _, _ in lines_of(pdf)]


@pytest.mark.parametrize("pairs, fragment, key", [
    ([(CONTACT, CONTACT.replace("      title: 地域政策課長\n      name: 杉村　勝彦\n",
                                "      people:\n        - {title: 課長, name: 杉村}\n        - {title: 主査, name: 北野}\n"))],
     "{title: 主査", "press_notice.contacts[0].people[1]"),
    ([("      name_label: 担当\n      name: 道下\n",
       "      people:\n        - {title: 係長, name: 道下}\n        - {title: 主任, name: 北野}\n")],
     "{title: 主任", "press_notice.press_request.contact.people[1]"),
])
def test_two_people_on_the_department_line_are_refused(pairs, fragment, key, tmp_path, capsys):
    path = variant(tmp_path, *pairs, style=WITH_DEPARTMENT)
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    assert has_error(err, path, fragment, key,
                     "the house sets a contact's person on the line of its department (contacts.person_line:"
                     " with_department), where one person stands, and this contact lists 2: write each person as"
                     " a contact of its own under the same role"), err


# ------------------------------------------------------------------ the person's label

LABELLED = CONTACT.replace("      title: 地域政策課長\n", "      person_label: \"担当：\"\n      title: 地域政策課長\n")


@needs_poppler
@pytest.mark.parametrize("house", [None, WITH_DEPARTMENT])
def test_the_persons_label_before_the_title_and_name(house, tmp_path, capsys):
    """contacts[].person_label (秋田森林管理署's 担当者:): printed as written straight before
    the person's title and name, on the person's line or on the department's (person_line:
    with_department); the DOCX alike."""
    path = variant(tmp_path, (CONTACT, LABELLED), style=house)
    out = build(path, tmp_path, capsys)
    person = "担当：地域政策課長杉村勝彦"
    expected = "オホーツク総合振興局地域創生部" + person if house else person
    lines = [t for t, _, _ in lines_of(out / "press-notice.pdf")]
    assert any(t.endswith(expected) for t in lines), lines      # after the box's label column
    assert sum("地域政策課長" in t for t in lines) == 1, lines    # the person once, after the label
    assert expected in [no_space(p) for p in docx_paragraphs(out / "press-notice.docx")]


# ------------------------------------------------------------------ the department's label

@needs_poppler
@pytest.mark.parametrize("house, expected", [
    (None, "所属課室:オホーツク総合振興局地域創生部"),                    # in the box, on its line
    (WITH_DEPARTMENT, "所属課室:オホーツク総合振興局地域創生部地域政策課長杉村勝彦"),
    ("notice:\n  contacts_at: foot_line\n", "担当窓口所属課室:オホーツク総合振興局地域創生部"),
    ("notice:\n  contacts_at: head_table\n", "所属課室:オホーツク総合振興局地域創生部"),
])
def test_the_departments_label_before_the_department(house, expected, tmp_path, capsys):
    """contacts[].department_label (赤穂市's 所属課室:): printed as written straight before
    the department wherever the house prints the department — its line in the box, the
    person's line (person_line: with_department), the line after the text (foot_line),
    the head's row (head_table); the department never without it; the DOCX alike."""
    labelled = CONTACT.replace("      department: オホーツク", "      department_label: \"所属課室:\"\n      department: オホーツク")
    if house and "contacts_at" in house:          # a line or a row prints no person
        labelled = labelled.replace("      title: 地域政策課長\n      name: 杉村　勝彦\n", "")
    path = variant(tmp_path, (CONTACT, labelled), style=house)
    out = build(path, tmp_path, capsys)
    text = no_space(pdf_text(out / "press-notice.pdf"))
    assert expected in text, text
    own = text.replace("オホーツク総合振興局地域創生部地域政策課地域振興係", "")     # the request's contact, unlabelled
    assert own.count("オホーツク総合振興局地域創生部") == own.count("所属課室:オホーツク総合振興局地域創生部"), text
    assert expected in no_space("".join(docx_paragraphs(out / "press-notice.docx")))


def test_the_departments_label_on_the_top_line(tmp_path, capsys):
    """On the one line at the top (contacts_at: top): 問合せ先：所属課室:中央区役所…（06-…）."""
    ward = WARD.replace("      department:", "      department_label: \"所属課室:\"\n      department:")
    path = variant(tmp_path, (CONTACT, ward), style=TOP)
    out = build(path, tmp_path, capsys)
    assert "問合せ先：所属課室:中央区役所総務課（総合企画グループ）（06-6267-9683）" in no_space(
        pdf_text(out / "press-notice.pdf"))


@pytest.mark.parametrize("old, new, fragment, message", [
    ("      title: 地域政策課長\n      name: 杉村　勝彦\n",
     "      person_label: \"担当：\"\n      people:\n        - {title: 課長, name: 杉村}\n", "person_label",
     "person_label is printed before the one person written with title and name, and this contact lists its"
     " people under people:: write the one person so, or remove it"),
    ("      title: 地域政策課長\n      name: 杉村　勝彦\n",
     "      person_label: \"担当：\"\n      name_label: 担当\n      name: 杉村\n", "person_label",
     "person_label and name_label each print a label before the name: write one of them"),
    ("      title: 地域政策課長\n      name: 杉村　勝彦\n", "      person_label: \"担当：\"\n", "person_label",
     "person_label is printed before the person's title and name, and there is neither: it would have no effect"),
])
def test_a_persons_label_that_labels_no_one_person_is_refused(old, new, fragment, message, tmp_path, capsys):
    path = variant(tmp_path, (CONTACT, CONTACT.replace(old, new)))
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    assert has_error(err, path, fragment, "press_notice.contacts[0].person_label", message), err


# ------------------------------------------------------------------ a number without a label

NO_LABEL = "wording:\n  phone_label: \"\"\n"
BARE_PHONE = CONTACT.replace("      phone_kind: 直通\n", "      fax: 0152-44-0000\n")


@needs_poppler
def test_a_number_without_a_label_stands_where_the_label_would(tmp_path, capsys):
    """wording.phone_label: "" (青森県 2022: 017-734-9181 alone under the person): the
    number starts where a labelled line's label starts (the FAX line under it), no gap
    before it; the DOCX alike; and on the line after the text (contacts_at: foot_line)
    the number alone in its brackets, no gap after nothing."""
    path = variant(tmp_path, (CONTACT, BARE_PHONE), style=NO_LABEL + "contacts:\n  own_lines: [fax]\n")
    pdf = build(path, tmp_path, capsys) / "press-notice.pdf"
    import pdfplumber
    rows: dict[tuple[int, int], list] = {}
    with pdfplumber.open(pdf) as doc:          # the glyphs drawn (a space is none), by line
        for number, page in enumerate(doc.pages):
            for c in page.chars:
                if c["text"].strip():
                    rows.setdefault((number, round(c["bottom"])), []).append(c)
    start = {"".join(c["text"] for c in sorted(row, key=lambda c: c["x0"])): min(c["x0"] for c in row)
             for row in rows.values()}
    start = {"0152": start["0152-41-0618"], "FAX": start["FAX0152-44-0000"]}
    assert abs(start["0152"] - start["FAX"]) < 0.5, start
    assert "0152-41-0618" in docx_paragraphs(pdf.with_suffix(".docx"))       # no gap before it
    bare = "    - role: 担当窓口\n      department: オホーツク総合振興局地域創生部\n      phone: 0152-41-0618\n"
    path = variant(tmp_path, (CONTACT, bare), name="foot.yaml",
                   style=NO_LABEL + "notice:\n  contacts_at: foot_line\ncontacts:\n  label_gap: \"：\"\n")
    pdf = build(path, tmp_path, capsys) / "press-notice.pdf"
    assert "担当窓口：オホーツク総合振興局地域創生部（0152-41-0618）" in [t for t, _, _ in lines_of(pdf)]


# ------------------------------------------------------------------ the department's group

GROUPED = CONTACT.replace("      department: オホーツク総合振興局地域創生部\n",
                          "      department: オホーツク総合振興局地域創生部\n      group: 地域政策グループ\n")


@needs_poppler
def test_the_group_on_a_line_of_its_own_under_the_department(tmp_path, capsys):
    """contacts[].group (青森県 2022: 防災危機管理課 / 防災企画グループ / 副参事　菊池　滋):
    the department, its group and the person a line each, in that order, in the box; the
    DOCX alike, a paragraph each."""
    path = variant(tmp_path, (CONTACT, GROUPED))
    out = build(path, tmp_path, capsys)
    texts = [t for t, _, _ in lines_of(out / "press-notice.pdf") if t != "担当窓口"]
    at = texts.index("オホーツク総合振興局地域創生部")
    assert texts[at:at + 3] == ["オホーツク総合振興局地域創生部", "地域政策グループ", "地域政策課長杉村勝彦"], texts
    paragraphs = [no_space(p) for p in docx_paragraphs(out / "press-notice.docx")]
    at = paragraphs.index("オホーツク総合振興局地域創生部")
    assert paragraphs[at:at + 3] == ["オホーツク総合振興局地域創生部", "地域政策グループ", "地域政策課長杉村勝彦"]


@pytest.mark.parametrize("house, message", [
    (WITH_DEPARTMENT, "the house sets a contact's person on the line of its department (contacts.person_line:"
                      " with_department), and the group is set on a line of its own under the department"),
    (TOP, "group would not be printed"),
    ("notice:\n  contacts_at: foot_line\n", "group would not be printed"),
    ("notice:\n  contacts_at: head_table\n", "group would not be printed"),
])
def test_a_group_the_house_cannot_set_under_the_department_is_refused(house, message, tmp_path, capsys):
    """Where the person stands on the department's line, or the contact is one line or a
    row (contacts_at: top, foot_line, head_table), the group is refused at its key: never
    dropped, never run into the line."""
    contact = GROUPED
    if "contacts_at" in house:                          # a line or a row prints no person
        contact = contact.replace("      title: 地域政策課長\n      name: 杉村　勝彦\n", "")
        contact = contact.replace("      phone_kind: 直通\n", "")
    path = variant(tmp_path, (CONTACT, contact), style=house)
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    assert has_error(err, path, "group: 地域政策グループ", "press_notice.contacts[0].group", message), err


# ------------------------------------------------------------------ a person's number and group on the person's line

DESK = ("    - role: 問合せ先\n      department: 神奈川県くらし安全防災局防災部災害対策課\n      people:\n"
        "        - {title: 課長, name: 圓道, phone: 045-210-3420}\n"
        "        - {group: 応急対策グループ, name: 加藤, phone: 045-210-3430}\n")


@needs_poppler
@pytest.mark.parametrize("house, first, second", [
    ('contacts:\n  label_gap: ""\n', "課長　圓道　電話045-210-3420", "応急対策グループ　加藤　電話045-210-3430"),
    (None, "課長　圓道　電話　045-210-3420", "応急対策グループ　加藤　電話　045-210-3430"),
    ('wording:\n  phone_label: ""\n', "課長　圓道　045-210-3420", "応急対策グループ　加藤　045-210-3430"),
])
def test_each_person_with_the_number_on_the_persons_line(house, first, second, tmp_path, capsys):
    """people[].phone and people[].group (神奈川県 2020: 課長　圓道　電話045-210-3420 /
    応急対策グループ　加藤　電話045-210-3430): each person a line under the department, the
    group before the name, the number after it, its label and the house's gap before it
    (none where the house writes 電話045-…; no label, no gap, where it prints none); the
    number nowhere else; the DOCX's paragraphs as written, spaces and all."""
    path = variant(tmp_path, (CONTACT, DESK), style=house)
    out = build(path, tmp_path, capsys)
    # (the box's label, centred in its cell, shares a line with one of the box's)
    texts = [t.removeprefix("問合せ先") for t, _, _ in lines_of(out / "press-notice.pdf")]
    at = texts.index("神奈川県くらし安全防災局防災部災害対策課")
    assert texts[at + 1:at + 3] == [no_space(first), no_space(second)], texts[at:at + 4]
    text = no_space(pdf_text(out / "press-notice.pdf"))
    assert text.count("045-210-3420") == 1 and text.count("応急対策グループ") == 1, text
    paragraphs = docx_paragraphs(out / "press-notice.docx")
    assert first in paragraphs and second in paragraphs, paragraphs[-8:]


@needs_poppler
def test_a_persons_number_on_the_line_of_the_department(tmp_path, capsys):
    """With person_line: with_department the one person's group and number stand on the
    department's line with the person."""
    desk = DESK.replace("        - {title: 課長, name: 圓道, phone: 045-210-3420}\n", "")
    desk = desk.replace("神奈川県くらし安全防災局防災部災害対策課", "災害対策課")      # one line in the box
    path = variant(tmp_path, (CONTACT, desk), style=WITH_DEPARTMENT)
    out = build(path, tmp_path, capsys)
    line = "災害対策課　応急対策グループ　加藤　電話　045-210-3430"
    assert any(t.endswith(no_space(line)) for t, _, _ in lines_of(out / "press-notice.pdf"))
    assert line in docx_paragraphs(out / "press-notice.docx")


@pytest.mark.parametrize("key, value", [("phone", "0157-00-0000"), ("group", "秘書グループ")])
def test_a_number_or_group_of_a_person_the_notice_lists_is_refused(key, value, tmp_path, capsys):
    """group and phone are printed on a contact's person's line only: on a person of the
    notice's lists (出席者) they are refused at their key."""
    ki = ("  ki:\n    - label: 出席者\n      people:\n"
          f"        - {{title: 北見市長, name: 辻　直孝, {key}: {value}}}\n  closing_ijo:")
    path = variant(tmp_path, ("  closing_ijo:", ki))
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    assert has_error(err, path, f"{key}: {value}", f"press_notice.ki[0].people[0].{key}",
                     f"{key} is printed on a contact's person's line (press_notice.contacts[].people), and this"
                     " person is one the notice lists: it would have no effect"), err
