"""A person of a notice's list with an honorific and a role after the name (佐藤　章　様
（立会人）, as 大分県信用組合 lists the prefecture's director who witnessed its signing,
oita-kenshin-gyokyo-2023): printed only where the spec gives them, in every list of
people the notice has (a people item in columns or a line each, a group, a step of the
次第), PDF and DOCX; refused where they cannot print (no name to follow, a contact's
own people), at the spec's file, line and key.
"""
from __future__ import annotations

import pytest

from conftest import needs_poppler, no_space
from test_notice_format import (CEREMONY, _docx_paragraph_texts, _lines, _rows, build, docx_text, has_error,
                                pdf_words, variant)

WITNESS = "{title: 大分県農林水産部長, name: 佐藤　章, honorific: 様, role: 立会人}"
KI = ("  ki:\n    - date\n    - place\n    - signatories\n"
      "    - label: 出席者\n      people:\n        - " + WITNESS + "\n"
      "        - {title: 北見市長, name: 辻　直孝}\n"
      "    - label: 来賓等\n      groups:\n"
      "        - {label: ＜来賓＞, people: [{title: 網走市長, name: 水谷　洋一, honorific: 様, note: 予定}]}\n")


@needs_poppler
@pytest.mark.parametrize("house", [None, "notice:\n  people: run\n"])
def test_a_witness_with_honorific_and_role_after_the_name(house, tmp_path, capsys):
    """The honorific after a full-width space, the role in （） after it, the note after
    both; a person without them as before (辻　直孝, no 様 added), in the house's two
    column form and a person a line; the DOCX holds the same text."""
    path = variant(tmp_path, ("  closing_ijo:", KI + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    agenda:"):], ""), style=house)
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = _lines(_rows(pdf))
    at = lines.index("４出席者")
    assert lines[at + 1:at + 6] == ["大分県農林水産部長佐藤章様（立会人）", "北見市長辻直孝", "５来賓等", "＜来賓＞",
                                    "網走市長水谷洋一様（予定）"], lines[at:]
    docx_path = pdf.with_suffix(".docx")
    assert no_space(docx_text(docx_path)) == pdf_words(pdf)
    if house:                              # a line each: one run, full-width spaces as written
        assert "大分県農林水産部長　佐藤　章　様（立会人）" in [p.strip() for p in _docx_paragraph_texts(docx_path)]
    assert "辻直孝様" not in pdf_words(pdf)


@needs_poppler
def test_a_guest_under_a_step_of_the_agenda_with_an_honorific(tmp_path, capsys):
    """A step's people (the guest who greets) take them too, where the 次第 is set a
    step a line."""
    path = variant(tmp_path, ("    agenda: [出席者紹介, ", "    agenda:\n      - {step: 来賓挨拶, people: [" + WITNESS
                              + "]}\n    agenda_rest: ["), style="notice:\n  agenda: numbered\n")
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(line for line in text.splitlines() if "agenda_rest" not in line) + "\n", encoding="utf-8")
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    assert "来賓挨拶大分県農林水産部長佐藤章様（立会人）" in pdf_words(pdf)


@pytest.mark.parametrize("person, fragment, key, message", [
    ("{title: 大分県農林水産部長, honorific: 様}", "honorific: 様", "press_notice.ki[3].people[0].honorific",
     "the honorific is printed after the name (佐藤　章　様), and this person has no name"),
    ("{title: 大分県農林水産部長, role: 立会人}", "role: 立会人", "press_notice.ki[3].people[0].role",
     "the role is printed after the name (佐藤　章　様（立会人）), and this person has no name"),
    ("{title: 大分県農林水産部長, name: 佐藤　章, role: （立会人）}", "role: （立会人）",
     "press_notice.ki[3].people[0].role", "the role is printed in （） after the name: write it without its brackets"),
])
def test_an_honorific_or_role_that_cannot_print_is_refused(person, fragment, key, message, tmp_path, capsys):
    ki = "  ki:\n    - date\n    - place\n    - signatories\n    - label: 出席者\n      people:\n        - " + person + "\n"
    path = variant(tmp_path, ("  closing_ijo:", ki + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    agenda:"):], ""))
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 1, err
    assert has_error(err, path, fragment, key, message, after="  ki:"), err
    assert "Traceback" not in err and not pdf.exists()


def test_a_contacts_people_take_no_honorific(tmp_path, capsys):
    """A contact lists the office's own staff: 様 or a role there would print nowhere."""
    path = variant(tmp_path, ("      title: 地域政策課長\n      name: 杉村　勝彦\n",
                              "      people:\n        - {title: 地域政策課長, name: 杉村　勝彦, honorific: 様}\n"))
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 1, err
    assert has_error(err, path, "honorific: 様", "press_notice.contacts[0].people[0].honorific",
                     "a contact's people are the office's own, printed without an honorific or a role:"
                     " honorific would have no effect", after="  contacts:"), err
    assert not pdf.exists()


def test_an_honorific_under_a_house_that_sets_the_title_after_the_name_is_refused(tmp_path, capsys):
    """notice.signer_order: name_title sets every listed person name first (佐藤　章　
    大分県農林水産部長): 様 would follow the title (部長　様), which an office never writes,
    so it is refused at the person's line, as it is for a signer's party."""
    path = variant(tmp_path, ("    honorific: 様\n", ""), ("  closing_ijo:", KI + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    agenda:"):], ""), style="notice:\n  signer_order: name_title\n")
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 1, err
    assert has_error(err, path, "honorific: 様, role: 立会人", "press_notice.ki[3].people[0].honorific",
                     "the house sets a person's title after the name (notice.signer_order: name_title), where an"
                     " honorific has no place", after="  ki:"), err
    assert "Traceback" not in err and not pdf.exists()


# A person written name, 氏, and the title in （） (弘前大学大学院医学研究科, 2019:
# 宮 下 宗一郎 氏(管理者); hirosaki-shimokita-2019): notice.signer_order:
# name_bracketed_title. Before it, the spec could not say this order: name_title printed
# 宮下　宗一郎　管理者 and refused the 氏.
BRACKETED = "notice:\n  signer_order: name_bracketed_title\n"
ATTENDEES = ("  ki:\n    - date\n    - place\n    - signatories\n"
             "    - label: 出席者\n      people:\n"
             "        - {title: 管理者, name: 宮下　宗一郎, honorific: 氏}\n"
             "        - {title: 大分県農林水産部長, name: 佐藤　章, honorific: 様, role: 立会人}\n"
             "        - {title: 網走市長, name: 水谷　洋一, note: 予定}\n"
             "        - {name: 辻　直孝, honorific: 氏}\n"
             "        - {title: 北見市長}\n")


def _attendees_built(house: str, tmp_path, capsys):
    """The notice with ATTENDEES and its signers' titles alone, no agenda, under HOUSE: its
    PDF (the DOCX beside it) and the PDF's words."""
    path = variant(tmp_path, ("      title: 北見工業大学学長", "      title: 学長"),
                   ("  closing_ijo:", ATTENDEES + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    agenda:"):], ""), style=house)
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    return pdf, pdf_words(pdf)


@needs_poppler
@pytest.mark.parametrize("house, form", [(BRACKETED, "columns"), (BRACKETED + "  people: run\n", "run"),
                                         (BRACKETED + "  people: tabulated\n", "tabulated")])
def test_a_person_as_name_honorific_and_the_title_in_brackets(house, form, tmp_path, capsys):
    """Each person the name, the honorific the spec gives, the title in （） straight after
    (宮下　宗一郎　氏（管理者）); a role or note in its own （） after the title; no
    honorific added where none is given (水谷　洋一（網走市長）); a person without a title,
    the name and honorific; without a name, the title. The signers (締結者) the same way
    after their organisation: （北見工業大学）　鈴木　聡一郎　様（学長）. PDF and DOCX alike."""
    pdf, words = _attendees_built(house, tmp_path, capsys)
    for person in ("宮下宗一郎氏（管理者）", "佐藤章様（大分県農林水産部長）（立会人）", "水谷洋一（網走市長）（予定）",
                   "辻直孝氏", "北見市長", "中島和彦（北海道オホーツク総合振興局長）", "（北見工業大学）鈴木聡一郎様（学長）"):
        assert person in words, (person, words)
    assert "管理者宮下" not in words and "水谷洋一様" not in words and "辻直孝氏（" not in words, words
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == words
    if form == "run":                      # a line each: one run, full-width spaces as written
        assert "宮下　宗一郎　氏（管理者）" in [p.strip() for p in _docx_paragraph_texts(pdf.with_suffix(".docx"))]


# A person written name, 様 where given, and the title after ／ (長崎国際大学, 2016:
# 才木 邦夫 様/代表取締役社長, 安部 直樹/理事長・長崎国際大学学長; niu-nagasaki-np-2016):
# notice.signer_order: name_slash_title. Before it no order could set the title so:
# name_bracketed_title printed 才木　邦夫　様（代表取締役社長）.
SLASH = "notice:\n  signer_order: name_slash_title\n"


@needs_poppler
@pytest.mark.parametrize("house, form", [(SLASH, "columns"), (SLASH + "  people: run\n", "run"),
                                         (SLASH + "  people: tabulated\n", "tabulated")])
def test_a_person_as_name_honorific_and_the_title_after_a_slash(house, form, tmp_path, capsys):
    """As the bracketed form, the title after ／ instead of in （）: 宮下　宗一郎　氏／管理者;
    a role or note in （） after the title; a person without a title, the name and its
    honorific, no ／ after them; without a name, the title. The signers the same way after
    their organisation. PDF and DOCX alike."""
    pdf, words = _attendees_built(house, tmp_path, capsys)
    for person in ("宮下宗一郎氏／管理者", "佐藤章様／大分県農林水産部長（立会人）", "水谷洋一／網走市長（予定）",
                   "辻直孝氏", "北見市長", "中島和彦／北海道オホーツク総合振興局長", "（北見工業大学）鈴木聡一郎様／学長"):
        assert person in words, (person, words)
    assert "（管理者）" not in words and "辻直孝氏／" not in words and "管理者宮下" not in words, words
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == words
    if form == "run":
        assert "宮下　宗一郎　氏／管理者" in [p.strip() for p in _docx_paragraph_texts(pdf.with_suffix(".docx"))]
