"""Lines as written under a contact and under a step of the 次第, the house's mark
before the attendees only, and a phone given with numbers: in a template written
before numbers: existed.

- a contact's notes: (四国学院大学 2019: ※★を@に変えてご連絡ください。 under its e-mail;
  流山市 2018: お問い合わせは専用フォームをご利用ください。 under its numbers), a line
  each in the contact's box, set one em in as its numbers;
- a step's notes: (四国学院大学 2019: 報道関係者との質疑応答 under 合同記者会見　開会),
  a line each at the step's text margin, where the house sets the 次第 a step a line;
- notice.people_mark_agenda: false (四国学院大学 2019: ○ before each attendee, none
  before the two under 5.あいさつ);
- a user's contact.xml.j2 that prints ph.number: a phone given with numbers: answers it
  with its numbers joined by the house's comma, never a label with nothing after it.

Each spec is a variation of the seed's, built by the real command line; the PDF is read
back line by line, the DOCX reopened; where a note cannot be printed the build stops
with file, line and key and writes nothing.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from jpdocs import cli

from conftest import needs_poppler
from test_contact_forms import build, docx_paragraphs, lines_of
from test_notice_format import CONTACT, check, has_error, variant

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
NOTE = "※★を@に変えてご連絡ください。"
WITH_NOTE = CONTACT + f"      email: liaison★example.jp\n      notes: [{NOTE}]\n"
AGENDA = "    agenda: [出席者紹介, 協定書への署名, 記念撮影, 局長及び学長からの挨拶, 質疑応答（事務方対応）]\n"
AGENDA_NOTES = ("    agenda:\n      - 出席者紹介\n      - 協定書への署名\n"
                "      - {step: 記念撮影, notes: [報道関係者との質疑応答]}\n      - 局長及び学長からの挨拶\n")
NUMBERED = "notice:\n  agenda: numbered\n"


def texts(pdf: Path) -> list[str]:
    return [text for text, _, _ in lines_of(pdf)]


@needs_poppler
def test_a_contacts_note_is_a_line_under_its_numbers(tmp_path, capsys):
    out = build(variant(tmp_path, (CONTACT, WITH_NOTE)), tmp_path, capsys)
    lines = lines_of(out / "press-notice.pdf")
    found = [i for i, (text, _, _) in enumerate(lines) if text == NOTE]
    assert len(found) == 1, [t for t, _, _ in lines]
    email = next(i for i, (text, _, _) in enumerate(lines) if "liaison★example.jp" in text)
    assert found[0] == email + 1
    # at the left of the e-mail's line: one em in, as the numbers
    assert abs(lines[found[0]][1] - lines[email][1]) < 1
    docx = docx_paragraphs(out / "press-notice.docx")
    at = docx.index(NOTE)
    assert "liaison★example.jp" in docx[at - 1]


def test_a_contacts_note_is_refused_where_the_house_sets_the_contact_on_a_line_at_the_top(tmp_path, capsys):
    path = variant(tmp_path, (CONTACT, WITH_NOTE), style="notice:\n  contacts_at: top\n")
    code, _, err = check(path, capsys)
    assert code == 1
    assert has_error(err, path, "notes:", "press_notice.contacts[0].notes", "notes would not be printed"), err


@needs_poppler
def test_a_steps_note_is_a_line_under_the_step(tmp_path, capsys):
    out = build(variant(tmp_path, (AGENDA, AGENDA_NOTES), style=NUMBERED), tmp_path, capsys)
    lines = lines_of(out / "press-notice.pdf")
    text = [t for t, _, _ in lines]
    step = next(i for i, t in enumerate(text) if t.endswith("記念撮影"))
    assert text[step + 1] == "報道関係者との質疑応答"
    assert text[step + 2].endswith("局長及び学長からの挨拶")
    # at the step's text margin, right of its marker
    assert abs(lines[step + 1][1] - lines[step][1]) > 5
    assert lines[step + 1][1] > lines[step][1]
    docx = docx_paragraphs(out / "press-notice.docx")
    assert "報道関係者との質疑応答" in docx


def test_a_steps_note_is_refused_where_the_house_joins_the_agenda(tmp_path, capsys):
    path = variant(tmp_path, (AGENDA, AGENDA_NOTES))
    code, out, err = cli.main([str(path), "-o", str(tmp_path / "out")]), *capsys.readouterr()
    assert code == 1
    assert has_error(err, path, "notes:", "press_notice.ceremony.agenda[2].notes",
                     "nothing can stand under a step: notes would have no effect"), err
    assert not (tmp_path / "out").exists()


@needs_poppler
def test_a_template_written_before_numbers_prints_them_joined(tmp_path, capsys):
    """A user's contact.xml.j2 of before numbers: (it prints ph.number alone) prints the
    numbers joined with the house's comma, as the bundled template does."""
    old = (TEMPLATES / "contact.xml.j2").read_text(encoding="utf-8")
    branch = "{% if ph.numbers %}{{ ph.numbers|join(style.word('comma')) }}{% else %}{{ ph.number }}{% endif %}"
    assert branch in old
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "contact.xml.j2").write_text(old.replace(branch, "{{ ph.number }}"), encoding="utf-8")
    phones = "      phones:\n        - {numbers: [0152-41-0618, 0152-41-0619], kind: 直通}\n"
    path = variant(tmp_path, (CONTACT, CONTACT.replace("      phone: 0152-41-0618\n      phone_kind: 直通\n", phones)))
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf",
                     "--templates", str(folder)])
    assert code == 0, capsys.readouterr().err
    text = texts(tmp_path / "out" / path.stem / "press-notice.pdf")
    assert "直通0152-41-0618、0152-41-0619" in text, text
    assert "直通" not in [t for t in text]          # never the label alone


# ------------------------------------------------------------------ the mark before the attendees only

RUN_MARKED = "notice:\n  agenda: numbered\n  people: run\n  people_mark: ・\n"
SIGNING_STEP = ("    agenda:\n      - 出席者紹介\n      - {step: 協定書への署名, signatories: true}\n      - 記念撮影\n")


@needs_poppler
def test_the_mark_before_the_attendees_only(tmp_path, capsys):
    """people_mark_agenda: false (四国学院大学): the house's mark before each attendee of
    the 締結者 item, none before the same people listed under a step of the 次第; with
    the default, the mark before both."""
    def built(style: str, name: str) -> list[str]:
        folder = tmp_path / name
        folder.mkdir()
        out = build(variant(folder, (AGENDA, SIGNING_STEP), style=style), folder, capsys)
        return texts(out / "press-notice.pdf")

    def under_step(text: list[str]) -> list[str]:
        step = next(i for i, t in enumerate(text) if t.endswith("協定書への署名"))
        end = next(i for i, t in enumerate(text) if t.endswith("記念撮影"))
        return text[step + 1:end]

    marked = built(RUN_MARKED, "both")
    only = built(RUN_MARKED + "  people_mark_agenda: false\n", "attendees")
    assert len(under_step(marked)) == 2 and all(t.startswith("・") for t in under_step(marked)), marked
    assert under_step(only) == [t[1:] for t in under_step(marked)], only
    # the 締結者 item keeps its marks: the same people, marked there alone
    assert len([t for t in marked if t.startswith("・")]) == 4
    assert [t for t in only if t.startswith("・")] == under_step(marked)


@pytest.mark.parametrize("style, message", [
    ("notice:\n  agenda: numbered\n  people: run\n  people_mark_agenda: false\n",
     "there is no mark (people_mark): it would have no effect"),
    ("notice:\n  people: run\n  people_mark: ・\n  people_mark_agenda: false\n",
     "joins the 次第 on one line (agenda: joined), where nobody stands under a step"),
])
def test_the_mark_before_the_attendees_only_is_refused_where_it_would_do_nothing(tmp_path, capsys, style, message):
    path = variant(tmp_path, style=style)
    code, _, err = check(path, capsys)
    assert code == 1
    house = tmp_path / "house.yaml"
    assert has_error(err, house, "people_mark_agenda", "notice.people_mark_agenda", message), err
