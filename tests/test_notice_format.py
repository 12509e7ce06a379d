"""What real notices carry, as specs say it: the 記 block as a list the office
controls (press_notice.ki), times and dates as the house writes them (dates:,
times:), contacts as they are (people, phones, 〒 address).

Each spec is a variation of the seed's, built by the real command line; the PDF
is read back (and the DOCX where it matters). Each mistake stops with file, line
and key.
"""
from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from jpdocs import cli

from conftest import ROOT, SEED_SPEC, needs_poppler, no_space, pdf_text

SEED = SEED_SPEC.read_text(encoding="utf-8")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CEREMONY = SEED[SEED.index("  ceremony:\n"):SEED.index("  closing_ijo:")]
CONTACT = """    - role: 担当窓口
      department: オホーツク総合振興局地域創生部
      title: 地域政策課長
      name: 杉村　勝彦
      phone: 0152-41-0618
      phone_kind: 直通
"""
# the seed's sentence pointing at its 記 block (次のとおり) as a report says it: with the
# ceremony gone, nothing would follow it (spec/pointers.py)
REPORTED = ("    - つきましては、本協定の締結式を次のとおり執り行います。\n", "    - 本日、本協定の締結式を執り行いました。\n")

RICH_KI = """  ceremony:
    date: 2024-02-27
    start: "14:00"
    end: "14:30"
    online: オンライン開催（Zoom）
    sites:
      - {name: 網走会場, venue: オホーツク合同庁舎　１階保健所会議室, address: 網走市北７条西３丁目}
      - {name: 北見会場, venue: 北見工業大学　第１会議室}
    access: [JR網走駅から徒歩約10分]
    signatories: [bureau, kitami_it]
    agenda: [出席者紹介, 協定書への署名]
  ki:
    - {item: date, label: 協定締結日}
    - place
    - label: 出席者
      people:
        - {title: 北見市長, name: 辻　直孝}
        - {title: 網走市長, name: 水谷　洋一, note: 予定}
      others: ほか
    - signatories
    - {label: 内容, text: [協定書への署名, 記念撮影]}
    - {label: 配付物, list: [協定書（写し）, 連携事項の一覧]}
    - {label: 進行, table: [[14時00分, 開会], [14時10分, 署名]]}
    - {item: agenda, label: 式次第}
"""

RICH_CONTACT = """    - role: 担当窓口
      department: オホーツク総合振興局地域創生部地域政策課
      people:
        - {title: 地域政策課長, name: 杉村　勝彦}
        - {title: 主査, name: 北野　花子}
      postal_code: 093-8585
      address: 網走市北７条西３丁目
      phones:
        - {number: 0152-41-0631, kind: 代表, extension: "2345"}
        - {number: 0152-41-0618, kind: 直通}
        - {number: 0152-41-0699}
      fax: 0152-44-0000
      email: chiiki.seisaku@example.lg.jp
"""


def variant(tmp_path: Path, *pairs: tuple[str, str], name="notice.yaml", style: str | None = None) -> Path:
    text = SEED
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    if style is not None:
        (tmp_path / "house.yaml").write_text(style, encoding="utf-8")
        text = text.replace("issuer: ", "style: house.yaml\nissuer: ", 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def build(path: Path, tmp_path: Path, capsys, formats="pdf") -> tuple[int, str, str, Path]:
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", formats])
    out = capsys.readouterr()
    return code, out.out, out.err, tmp_path / "out" / path.stem / "press-notice.pdf"


def notice_text(path, tmp_path, capsys) -> str:
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    return no_space(pdf_text(pdf))


def check(path: Path, capsys) -> tuple[int, str, str]:
    code = cli.main(["check", str(path)])
    out = capsys.readouterr()
    return code, out.out, out.err


def line_of(path: Path, fragment: str, after: str | None = None) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if after in line) if after else 0
    return next(n for n, line in enumerate(lines[start:], start + 1) if fragment in line)


def error(path: Path, fragment: str, key: str, message: str, after: str | None = None) -> str:
    """The error line of the given file, line (of the fragment) and key that says message."""
    return f"error: {path}:{line_of(path, fragment, after)}: {key}: {message}"


def has_error(err: str, path: Path, fragment: str, key: str, message: str, after: str | None = None) -> bool:
    prefix = f"error: {path}:{line_of(path, fragment, after)}: {key}: "
    return any(line.startswith(prefix) and message in line for line in err.splitlines())


def ki_part(text: str) -> str:
    """The 記 block of a notice's text: from 記 to the background heading."""
    return text[text.index("記１"):text.index("◯")]


def pdf_words(pdf: Path) -> str:
    """The PDF's text without spaces and page numbers (- 1 -), as the DOCX holds it."""
    return no_space(re.sub(r"^- \d+ -$", "", pdf_text(pdf), flags=re.M))


def docx_text(path: Path) -> str:
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return "".join(e.text or "" for e in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))


# ------------------------------------------------------------------ the 記 block

@needs_poppler
def test_a_numbered_agenda_a_step_a_line(tmp_path, capsys):
    """notice.agenda: numbered — the 次第 a step a line, （１）出席者紹介 …, each under the
    label (as 滋賀県 sets it), nothing joined by 、; the DOCX alike."""
    path = variant(tmp_path, style="notice:\n  agenda: numbered\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = [no_space(x) for x in pdf_text(pdf).splitlines() if x.strip()]
    at = lines.index("４次第")
    assert lines[at + 1:at + 6] == ["（１）出席者紹介", "（２）協定書への署名", "（３）記念撮影", "（４）局長及び学長からの挨拶",
                                    "（５）質疑応答（事務方対応）"]
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


AGENDA = "    agenda: [出席者紹介, 協定書への署名, 記念撮影, 局長及び学長からの挨拶, 質疑応答（事務方対応）]\n"
SIGNING_AGENDA = ("    agenda:\n      - 出席者紹介\n      - {step: 協定書への署名, signatories: true}\n"
                  "      - {step: 挨拶, steps: [局長挨拶, 学長挨拶]}\n      - 質疑応答（事務方対応）\n")


@needs_poppler
def test_the_signers_under_a_step_of_the_agenda_and_steps_within_a_step(tmp_path, capsys):
    """A step of the 次第 with the signers under it (滋賀県: （２）協定書署名, then 滋賀県知事
    … and the company's head), and a step with its own steps (ア, イ), in a 記 block with
    no 締結者 item: the PDF and the DOCX alike, and the build names the parties it chose."""
    path = variant(tmp_path, (AGENDA, SIGNING_AGENDA),
                   ("  closing_ijo:", "  ki: [date, place, agenda]\n  closing_ijo:"),
                   ("    signatories: [bureau, kitami_it]\n", ""), style="notice:\n  agenda: numbered\n")
    code, out, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = [no_space(x) for x in pdf_text(pdf).splitlines() if x.strip()]
    at = lines.index("３次第")
    assert lines[at + 1:at + 9] == ["（１）出席者紹介", "（２）協定書への署名", "北海道オホーツク総合振興局長中島和彦",
                                    "北見工業大学学長鈴木聡一郎様", "（３）挨拶", "ア局長挨拶", "イ学長挨拶",
                                    "（４）質疑応答（事務方対応）"]
    assert "締結者" not in pdf_words(pdf)
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)
    assert "ceremony.signatories not given: 次第（協定書への署名） lists every party" in out + err


NESTED_AGENDA = ("    agenda:\n      - 開会\n      - step: 署名\n        steps:\n"
                 "          - {step: 連携協定書, parties: true}\n          - 記念撮影\n"
                 "      - step: 調印者挨拶\n        signatories: true\n"
                 "        people: [{title: 株式会社北見銀行　常務取締役, name: 北見　太郎, reading: きたみ　たろう}]\n"
                 "      - 閉会\n")


def _rows(pdf: Path) -> list[list[dict]]:
    """The glyphs a line each, left to right, page by page."""
    import pdfplumber
    rows: dict[tuple[int, int], list] = {}
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages):
            for c in page.chars:
                rows.setdefault((number, round(c["top"])), []).append(c)
    return [sorted(row, key=lambda c: c["x0"]) for _, row in sorted(rows.items())]


@needs_poppler
def test_steps_within_a_step_with_the_parties_and_other_people_under_them(tmp_path, capsys):
    """鳥取県's 次第 (2025): 署名 with its own steps, the parties' names under the first
    (・北海道オホーツク総合振興局 …), then 調印者挨拶 with the signers and, after them, the
    bank's officer who introduced the parties. A step's own steps start where its text
    starts (ア under 署名's 署), the names where the sub-step's text starts; the DOCX alike."""
    path = variant(tmp_path, (AGENDA, NESTED_AGENDA),
                   ("  closing_ijo:", "  ki: [date, place, agenda]\n  closing_ijo:"),
                   style="notice:\n  agenda: numbered\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = [no_space(x) for x in pdf_text(pdf).splitlines() if x.strip()]
    at = lines.index("３次第")
    assert lines[at + 1:at + 12] == [
        "（１）開会", "（２）署名", "ア連携協定書", "・北海道オホーツク総合振興局", "・北見工業大学",
        "イ記念撮影", "（３）調印者挨拶", "北海道オホーツク総合振興局長中島和彦", "北見工業大学学長鈴木聡一郎様",
        "株式会社北見銀行常務取締役北見太郎（きたみたろう）", "（４）閉会"], lines[at:]
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)
    rows = _rows(pdf)

    def x_of(text: str, char: str) -> float:
        row = next(r for r in rows if no_space("".join(c["text"] for c in r)) == text)
        return next(c["x0"] for c in row if c["text"] == char)
    assert abs(x_of("ア連携協定書", "ア") - x_of("（２）署名", "署")) < 0.5
    assert abs(x_of("・北海道オホーツク総合振興局", "・") - x_of("ア連携協定書", "連")) < 0.5
    assert x_of("イ記念撮影", "イ") == x_of("ア連携協定書", "ア")


def _x_of(rows, text: str, char: str) -> float:
    """Where `char` stands on the line that reads `text` (spaces aside)."""
    row = next(r for r in rows if no_space("".join(c["text"] for c in r)) == text)
    return next(c["x0"] for c in row if c["text"] == char)


@needs_poppler
def test_the_agendas_steps_in_the_houses_marker(tmp_path, capsys):
    """notice.agenda_marker: "{number}." — the 次第's steps numbered １. ２. … (大阪市中央区:
    1. 開式), in the house's digits, each step's text an em past the marker (where the
    seed's （１） ends it at 3 em), in the PDF and in the DOCX's paragraphs and their
    hanging indent."""
    import docx
    path = variant(tmp_path, style="notice:\n  agenda: numbered\n  agenda_marker: \"{number}.\"\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    rows = _rows(pdf)
    lines = [no_space("".join(c["text"] for c in r)) for r in rows]
    at = lines.index("４次第")
    steps = ["１.出席者紹介", "２.協定書への署名", "３.記念撮影", "４.局長及び学長からの挨拶", "５.質疑応答（事務方対応）"]
    assert lines[at + 1:at + 6] == steps
    row = rows[at + 1]
    size = row[0]["size"]
    assert abs(_x_of(rows, "１.出席者紹介", "出") - row[0]["x0"] - 2.5 * size) < 0.5   # １. is 1.5 em, then 1 em
    paragraphs = [p for p in docx.Document(str(pdf.with_suffix(".docx"))).paragraphs if no_space(p.text)]
    found = [p for p in paragraphs if no_space(p.text.replace("\t", "")) in steps]
    assert [no_space(p.text.replace("\t", "")) for p in found] == steps
    assert found[0].style.paragraph_format.first_line_indent.pt == -2.5 * 10.5      # hanging 2.5 字


@needs_poppler
def test_steps_within_a_step_under_a_marker_of_the_houses(tmp_path, capsys):
    """With notice.agenda_marker "⑴" (as agreement.item_marker writes it), a step's own
    steps (ア, イ) and the names under them still start where its text starts; the DOCX
    holds the same words."""
    path = variant(tmp_path, (AGENDA, NESTED_AGENDA),
                   ("  closing_ijo:", "  ki: [date, place, agenda]\n  closing_ijo:"),
                   style="notice:\n  agenda: numbered\n  agenda_marker: ⑴\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = [no_space(x) for x in pdf_text(pdf).splitlines() if x.strip()]
    at = lines.index("３次第")
    assert lines[at + 1:at + 8] == ["⑴開会", "⑵署名", "ア連携協定書", "・北海道オホーツク総合振興局",
                                    "・北見工業大学", "イ記念撮影", "⑶調印者挨拶"], lines[at:]
    rows = _rows(pdf)
    assert abs(_x_of(rows, "ア連携協定書", "ア") - _x_of(rows, "⑵署名", "署")) < 0.5
    assert abs(_x_of(rows, "・北海道オホーツク総合振興局", "・") - _x_of(rows, "ア連携協定書", "連")) < 0.5
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


@pytest.mark.parametrize("house, line, key, message", [
    ("notice:\n  agenda: numbered\n  agenda_marker: \"{n}.\"\n", 3, "notice.agenda_marker",
     "{number} must appear once in agenda_marker, and no other placeholder (or write ⑴ for items marked ⑴ ⑵ …)"),
    ("notice:\n  agenda: numbered\n  agenda_marker: ・\n", 3, "notice.agenda_marker",
     "{number} must appear once in agenda_marker"),
    ("notice:\n  agenda_marker: \"{number}.\"\n", 2, "notice.agenda_marker",
     "the marker numbers the 次第's steps set a line each (agenda: numbered); joined on one line they have none,"
     " and it would have no effect"),
    ("notice:\n  venue_address: under\n", 2, "notice.venue_address",
     "must be one of 'brackets', 'line', 'line_brackets' or 'above', got the text 'under'"),
    ("notice:\n  duration_note: none\n", 2, "notice.duration_note",
     "must be one of 'brackets' or 'plain', got the text 'none'"),
    ("notice:\n  schedule: list\n", 2, "notice.schedule", "must be one of 'table' or 'lines', got the text 'list'"),
    ("notice:\n  schedule: lines\n  schedule_place: \"【{name}】\"\n", 3, "notice.schedule_place",
     "{place} must appear once in schedule_place, and no other placeholder"),
    ("notice:\n  schedule_place: 【】\n", 2, "notice.schedule_place",
     "{place} must appear once in schedule_place, and no other placeholder"),
    ("notice:\n  schedule_place: \"{place}（{place}）\"\n", 2, "notice.schedule_place",
     "{place} must appear once in schedule_place, and no other placeholder"),
    ("notice:\n  people: table\n", 2, "notice.people", "must be one of 'columns', 'run', 'joined' or 'tabulated', got the text 'table'"),
])
def test_a_house_form_of_the_agenda_place_or_duration_that_cannot_print_is_refused(house, line, key, message,
                                                                                   tmp_path, capsys):
    path = variant(tmp_path, style=house)
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:{line}: {key}: {message}" in err, err
    assert "Traceback" not in err


def test_more_steps_than_one_character_numbers_is_refused(tmp_path, capsys):
    """⑴ to ⒇: a 次第 of 21 steps under the marker ⑴ cannot be numbered, and says so at its line."""
    path = variant(tmp_path, (AGENDA, "    agenda: [" + ", ".join(f"段階{i}" for i in range(21)) + "]\n"),
                   style="notice:\n  agenda: numbered\n  agenda_marker: ⑴\n")
    code, _, err = check(path, capsys)
    assert code == 1
    assert has_error(err, path, "    agenda: [", "press_notice.ceremony.agenda",
                     "the 次第 has more than 20 steps, and the house marks them ⑴ to ⒇ (notice.agenda_marker):"
                     " join some of them"), err


@needs_poppler
def test_the_ki_items_marked_one_character_each(tmp_path, capsys):
    """notice.ki_marker "⑴" numbers the 記 block's items ⑴ ⑵ ⑶, a character each, as the 次第's
    and a list's ⑴ do (地方独立行政法人広島市立病院機構: ⑴ 日 時 … ⑶ 締結者), never ⑴ before
    every item as a mark such as ◯ stands; the DOCX alike."""
    path = variant(tmp_path, style="notice:\n  ki_marker: ⑴\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = [no_space(x) for x in pdf_text(pdf).splitlines() if x.strip()]
    assert ["⑴日時", "⑵場所", "⑶締結者"] == [x for x in lines if x[:1] in "⑴⑵⑶⑷"][:3], lines
    words = no_space(docx_text(pdf.with_suffix(".docx")))
    assert "⑴日時" in words and "⑵場所" in words and "⑴場所" not in words


def test_more_ki_items_than_one_character_numbers_is_refused(tmp_path, capsys):
    """⑴ to ⒇: a 記 block of 21 items under the marker ⑴ cannot be numbered, and says so."""
    items = "    - date\n    - place\n    - signatories\n    - agenda\n" + \
        "".join(f"    - {{label: 項目{i}, text: [内容{i}]}}\n" for i in range(17))
    path = variant(tmp_path, ("  closing_ijo:", "  ki:\n" + items + "  closing_ijo:"),
                   style="notice:\n  ki_marker: ⑴\n")
    code, _, err = check(path, capsys)
    assert code == 1
    assert has_error(err, path, "  ki:", "press_notice.ki",
                     "the 記 block has 21 items, and the house marks them ⑴ to ⒇ (notice.ki_marker):"
                     " join some of them"), err
    assert "Traceback" not in err


@pytest.mark.parametrize("house, key", [
    ("", "press_notice.ceremony.agenda[1].signatories"),         # the default: joined on one line
    ("notice:\n  agenda: joined\n", "press_notice.ceremony.agenda[1].signatories"),
])
def test_a_joined_agenda_has_nothing_under_a_step(house, key, tmp_path, capsys):
    path = variant(tmp_path, (AGENDA, SIGNING_AGENDA), style=house or None)
    code, _, err = check(path, capsys)
    assert code == 1, err
    assert has_error(err, path, "- {step: 協定書への署名", key,
                     "the house joins the 次第 on one line (notice.agenda: joined), where nothing can stand under a"
                     " step: signatories would have no effect"), err


def test_a_joined_agenda_reports_every_key_under_a_step_in_one_run(tmp_path, capsys):
    """Signers, sub-steps, names, people and notes under four steps: each refused at its
    own line and key in the one run, not the first alone (the user fixes them at once),
    and nothing is written."""
    steps = ("    agenda:\n      - 開会\n      - {step: 協定書への署名, signatories: true, parties: true}\n"
             "      - {step: 挨拶, steps: [局長挨拶, 学長挨拶]}\n"
             "      - {step: 来賓祝辞, people: [{title: 北見市長}]}\n"
             "      - step: 記念撮影\n        notes: [報道関係者との質疑応答]\n")
    path = variant(tmp_path, (AGENDA, steps))
    code, out, err = cli.main([str(path), "-o", str(tmp_path / "out")]), *capsys.readouterr()
    assert code == 1, err
    want = [("- {step: 協定書への署名", "[1].signatories", "signatories"), ("- {step: 協定書への署名", "[1].parties", "parties"),
            ("- {step: 挨拶", "[2].steps", "steps"), ("- {step: 来賓祝辞", "[3].people", "people"),
            ("notes: [報道関係者", "[4].notes", "notes")]
    for fragment, at, key in want:
        assert has_error(err, path, fragment, f"press_notice.ceremony.agenda{at}",
                         "the house joins the 次第 on one line (notice.agenda: joined), where nothing can stand under"
                         f" a step: {key} would have no effect"), (key, err)
    assert sum("nothing can stand under a step" in line for line in err.splitlines()) == len(want), err
    assert "Traceback" not in err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("steps, fragment, key, message", [
    ("      - {step: 署名, parties: true}\n", "- {step: 署名", "press_notice.ceremony.agenda[1].parties",
     "nothing can stand under a step: parties would have no effect"),
    ("      - {step: 挨拶, people: [{title: 来賓}]}\n", "- {step: 挨拶", "press_notice.ceremony.agenda[1].people",
     "nothing can stand under a step: people would have no effect"),
])
def test_a_joined_agenda_has_no_names_or_people_under_a_step(steps, fragment, key, message, tmp_path, capsys):
    path = variant(tmp_path, (AGENDA, "    agenda:\n      - 開会\n" + steps))
    code, _, err = check(path, capsys)
    assert code == 1, err
    assert has_error(err, path, fragment, key, message), err


@pytest.mark.parametrize("steps, fragment, key, message", [
    ("      - {step: 挨拶, people: [{reading: きたみ}]}\n", "- {step: 挨拶", "press_notice.ceremony.agenda[1].people[0]",
     "a person needs a title or a name"),
    ("      - {step: 署名, steps: [{step: 祝辞, people: [{note: 予定}]}]}\n", "- {step: 署名",
     "press_notice.ceremony.agenda[1].steps[0].people[0]", "a person needs a title or a name"),
])
def test_a_person_under_a_step_has_a_title_or_a_name(steps, fragment, key, message, tmp_path, capsys):
    path = variant(tmp_path, (AGENDA, "    agenda:\n      - 開会\n" + steps), style="notice:\n  agenda: numbered\n")
    code, _, err = check(path, capsys)
    assert code == 1, err
    assert has_error(err, path, fragment, key, message), err


GROUPS = ("  ki:\n    - date\n    - place\n    - label: 出席者\n      groups:\n"
          "        - {label: 協定締結者, item: signatories}\n"
          "        - {label: 来賓, people: [{title: 北見市長, name: 辻　直孝}], others: ほか}\n")


@needs_poppler
def test_one_item_holds_the_signers_and_other_people_under_labels_of_their_own(tmp_path, capsys):
    """協定締結者等 (環境省 and エメックスセンター, 2024): one item of the office's own with
    groups, the signers under one label and the guests under another (ほか after the
    last), in the PDF and the DOCX; the build names the item where it lists every party."""
    path = variant(tmp_path, ("  closing_ijo:", GROUPS + "  closing_ijo:"),
                   ("    signatories: [bureau, kitami_it]\n", ""), (CEREMONY[CEREMONY.index("    agenda:"):], ""))
    code, out, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert ("３出席者協定締結者北海道オホーツク総合振興局長中島和彦北見工業大学学長鈴木聡一郎様"
            "来賓北見市長辻直孝ほか") in text
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == text
    assert "ceremony.signatories not given: 出席者（協定締結者） lists every party" in out + err


@pytest.mark.parametrize("groups, fragment, key, message", [
    ("        - {label: 協定締結者}\n", "- {label: 協定締結者}", "press_notice.ki[2].groups[0]",
     "a group lists the signers (item: signatories) or people (people:), one of them"),
    ("        - {label: 来賓, item: signatories, people: [{name: 辻　直孝}]}\n", "- {label: 来賓",
     "press_notice.ki[2].groups[0]", "a group lists the signers (item: signatories) or people (people:), one of them"),
    ("        - {label: 来賓, people: []}\n", "- {label: 来賓", "press_notice.ki[2].groups[0].people",
     "people is empty: write who the group lists, or leave it out"),
    ("        - {label: 協定締結者, item: signatories}\n    - signatories\n", "- {label: 協定締結者",
     "press_notice.ki[2].groups[0].item",
     "the signers are listed by another item or group of this 記 block already: list them once"),
    ("        - {label: 来賓, item: guests}\n", "- {label: 来賓", "press_notice.ki[2].groups[0].item", "signatories"),
])
def test_a_group_that_cannot_be_printed_is_an_error(groups, fragment, key, message, tmp_path, capsys):
    ki = "  ki:\n    - date\n    - place\n    - label: 出席者\n      groups:\n" + groups
    path = variant(tmp_path, ("  closing_ijo:", ki + "  closing_ijo:"), (CEREMONY[CEREMONY.index("    agenda:"):], ""))
    code, _, err = check(path, capsys)
    assert code == 1, err
    assert has_error(err, path, fragment, key, message), err


SCHEDULE = ("    schedule:\n      - {time: \"11:00〜\", item: 協定締結式}\n"
            "      - {time: \"11:30〜\", item: 記者会見, place: 第２会議室}\n")


@needs_poppler
def test_the_days_schedule_under_the_date(tmp_path, capsys):
    """{item: date, schedule_under: true}: the day's program a line a row under 日時 (奈義町,
    2016), not an item of its own: 場所 stays item ２; the DOCX alike."""
    path = variant(tmp_path, ("    venue: オホーツク", SCHEDULE + "    venue: オホーツク"),
                   ("  closing_ijo:", "  ki:\n    - {item: date, schedule_under: true}\n    - place\n    - signatories\n"
                                      "    - agenda\n  closing_ijo:"))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert "１日時令和６年（2024年）２月27日（火）11時00分～（30分程度）11:00〜協定締結式11:30〜記者会見第２会議室２場所" in text
    assert "日程" not in text
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == text


@pytest.mark.parametrize("ki, fragment, key, message", [
    ("    - {item: date, schedule_under: true}\n    - schedule\n", "- schedule", "press_notice.ki[1].item",
     "the schedule is printed under the date already (schedule_under): list it once"),
    ("    - date\n    - {item: place, schedule_under: true}\n    - schedule\n", "schedule_under",
     "press_notice.ki[1].schedule_under", "schedule_under sets the ceremony's schedule under its date: it goes with"
     " item: date, and needs ceremony.schedule; here it would have no effect"),
])
def test_a_schedule_under_the_date_said_wrong_is_an_error(ki, fragment, key, message, tmp_path, capsys):
    path = variant(tmp_path, ("    venue: オホーツク", SCHEDULE + "    venue: オホーツク"),
                   ("  closing_ijo:", "  ki:\n" + ki + "  closing_ijo:"), (CEREMONY[CEREMONY.index("    signatories:"):], ""))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, fragment, key, message), err


@needs_poppler
def test_the_place_under_the_date_in_one_item(tmp_path, capsys):
    """{item: date, place_under: true}: the venue (and its address, as the house sets it)
    on the lines under the date and time, in one item labelled as the page labels it
    (観光庁, 2013: 日時・場所), before any schedule under the date; no 場所 item, 締結者 is
    item ２; the DOCX alike."""
    ki = ("  ki:\n    - {item: date, label: 日時・場所, place_under: true, schedule_under: true}\n"
          "    - signatories\n    - agenda\n  closing_ijo:")
    path = variant(tmp_path, ("    venue: オホーツク", SCHEDULE + "    venue: オホーツク"), ("  closing_ijo:", ki),
                   style="notice:\n  venue_address: line\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert ("１日時・場所令和６年（2024年）２月27日（火）11時00分～（30分程度）オホーツク合同庁舎１階保健所会議室"
            "網走市北７条西３丁目11:00〜協定締結式11:30〜記者会見第２会議室２締結者") in text
    assert "場所オホーツク" not in text and "日程" not in text
    lines = [no_space(x) for x in pdf_text(pdf).splitlines() if x.strip()]
    at = lines.index("オホーツク合同庁舎１階保健所会議室")       # a line of its own under the date
    assert lines[at - 1].endswith("11時00分～（30分程度）") and lines[at + 1] == "網走市北７条西３丁目"
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == text


@needs_poppler
def test_each_line_of_the_date_and_place_item_after_its_own_label(tmp_path, capsys):
    """{item: date, place_under: true, date_label: "日時:", place_label: "場所:"}: each line
    of the one item after its own label, as written (海上保安庁, 2024: 1 署名式開催日・場所 /
    日時:令和6年5月9日… / 場所:米国沿岸警備隊…), the place's label before its first line only
    (the address under it as the house sets it); the DOCX alike."""
    ki = ('  ki:\n    - {item: date, label: 署名式開催日・場所, place_under: true, date_label: "日時:",'
          ' place_label: "場所:"}\n    - signatories\n  closing_ijo:')
    path = variant(tmp_path, ("  closing_ijo:", ki), (CEREMONY[CEREMONY.index("    agenda:"):], ""),
                   style="notice:\n  venue_address: line\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = [no_space(x) for x in pdf_text(pdf).splitlines() if x.strip()]
    at = lines.index("１署名式開催日・場所")
    assert lines[at + 1:at + 4] == ["日時:令和６年（2024年）２月27日（火）11時00分～（30分程度）",
                                    "場所:オホーツク合同庁舎１階保健所会議室", "網走市北７条西３丁目"], lines[at:]
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


@pytest.mark.parametrize("entry, key", [
    ('    - {item: date, date_label: "日時:"}\n    - place\n', "date_label"),
    ('    - date\n    - {item: place, place_label: "場所:"}\n', "place_label"),
])
def test_a_line_label_without_the_place_under_the_date_is_an_error(entry, key, tmp_path, capsys):
    """date_label and place_label label the lines of an item holding both (place_under):
    elsewhere they would have no effect."""
    path = variant(tmp_path, ("  closing_ijo:", "  ki:\n" + entry + "    - signatories\n    - agenda\n  closing_ijo:"))
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    index = 0 if key == "date_label" else 1
    assert has_error(err, path, key, f"press_notice.ki[{index}].{key}",
                     f"{key} labels a line of an item that holds the date and the place under it (item: date,"
                     " place_under: true), or of each ceremony's item (item: ceremonies): here it would have no"
                     " effect"), err


@pytest.mark.parametrize("ki, fragment, key, message", [
    ("    - {item: date, place_under: true}\n    - place\n", "- place", "press_notice.ki[1].item",
     "the place is printed under the date already (place_under): list it once"),
    ("    - date\n    - {item: place, place_under: true}\n", "place_under", "press_notice.ki[1].place_under",
     "place_under sets the ceremony's place under its date: it goes with item: date, and needs ceremony.venue,"
     " online or sites; here it would have no effect"),
    ("    - {label: 日時, text: [２月27日], place_under: true}\n    - place\n", "place_under",
     "press_notice.ki[0].place_under", "place_under sets the ceremony's place under its date"),
])
def test_a_place_under_the_date_said_wrong_is_an_error(ki, fragment, key, message, tmp_path, capsys):
    path = variant(tmp_path, ("  closing_ijo:", "  ki:\n" + ki + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    signatories:"):], ""), (CEREMONY[CEREMONY.index("    start:"):CEREMONY.index("    venue:")], ""))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, fragment, key, message), err


def test_a_place_under_the_date_without_a_place_is_an_error(tmp_path, capsys):
    """No venue, online or sites: nothing to set under the date (and no other error)."""
    ceremony = "  ceremony:\n    date: 2024-02-27\n"
    path = variant(tmp_path, (CEREMONY, ceremony), ("  closing_ijo:", "  ki:\n    - {item: date, place_under: true}\n  closing_ijo:"))
    code, _, err = check(path, capsys)
    assert code == 1, err
    assert [line for line in err.splitlines() if line.startswith("error:")] == [
        error(path, "place_under", "press_notice.ki[0].place_under", "place_under sets the ceremony's place under its"
              " date: it goes with item: date, and needs ceremony.venue, online or sites; here it would have no effect")], err


@needs_poppler
def test_the_venues_address_on_a_line_of_its_own(tmp_path, capsys):
    """notice.venue_address: line — the address under the venue (and under each site),
    not in （）, as 奈義町 sets it; the DOCX alike."""
    path = variant(tmp_path, (CEREMONY, RICH_KI.split("  ki:")[0].replace("    access: [JR網走駅から徒歩約10分]\n", "")
                              .replace("北見会場, venue: 北見工業大学　第１会議室}", "北見会場, venue: 北見工業大学　第１会議室,"
                                                                            " address: 北見市公園町165番地}")
                              + "    venue: オホーツク合同庁舎\n    venue_address: 網走市北７条西３丁目\n"),
                   style="notice:\n  venue_address: line\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = [no_space(x) for x in pdf_text(pdf).splitlines() if x.strip()]
    at = lines.index("オホーツク合同庁舎")
    assert lines[at + 1] == "網走市北７条西３丁目"
    assert lines[lines.index("北見会場：北見工業大学第１会議室") + 1] == "北見市公園町165番地"
    assert "（網走市" not in "".join(lines)
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


def _paragraphs(docx_path: Path) -> list[str]:
    """The DOCX's paragraphs as python-docx reads them, without spaces."""
    import docx
    return [no_space(p.text) for p in docx.Document(str(docx_path)).paragraphs if p.text.strip()]


@needs_poppler
def test_the_venues_address_on_a_line_of_its_own_in_brackets(tmp_path, capsys):
    """notice.venue_address: line_brackets — the address under the venue (and under each
    site) and still in （）, as 文化庁 and 国立環境研究所 set it (旧岩崎邸庭園… /
    （東京都台東区池之端1-3-45）): a line of its own, starting where the venue starts, in
    the PDF and in the DOCX's paragraphs."""
    path = variant(tmp_path, (CEREMONY, RICH_KI.split("  ki:")[0].replace("    access: [JR網走駅から徒歩約10分]\n", "")
                              .replace("北見会場, venue: 北見工業大学　第１会議室}", "北見会場, venue: 北見工業大学　第１会議室,"
                                                                            " address: 北見市公園町165番地}")
                              + "    venue: オホーツク合同庁舎\n    venue_address: 網走市北７条西３丁目\n"),
                   style="notice:\n  venue_address: line_brackets\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    rows = _rows(pdf)
    texts = [no_space("".join(c["text"] for c in r)) for r in rows]
    at = texts.index("オホーツク合同庁舎")
    assert texts[at + 1] == "（網走市北７条西３丁目）"
    assert abs(rows[at + 1][0]["x0"] - rows[at][0]["x0"]) < 0.5        # under the venue, at its margin
    assert texts[texts.index("北見会場：北見工業大学第１会議室") + 1] == "（北見市公園町165番地）"
    assert not any("合同庁舎（網走市" in t for t in texts)           # never on the venue's line
    paragraphs = _paragraphs(pdf.with_suffix(".docx"))
    assert paragraphs[paragraphs.index("オホーツク合同庁舎") + 1] == "（網走市北７条西３丁目）"
    assert paragraphs[paragraphs.index("北見会場：北見工業大学第１会議室") + 1] == "（北見市公園町165番地）"


@needs_poppler
def test_a_report_with_no_ki_block(tmp_path, capsys):
    """ki: [] and no ceremony: a report that says the date, place and signers in its own
    sentences (帝塚山大学's 締結しました) prints no 記 heading, no items and no 以上 of an
    empty block, in the PDF and the DOCX; with a ceremony, its facts would not print."""
    report = variant(tmp_path, (CEREMONY, "  ki: []\n"), REPORTED)
    code, _, err, pdf = build(report, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert "執り行いました。◯包括連携協定の締結に至った経緯" in text
    assert "日時" not in text and "締結者" not in text
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == text
    kept = variant(tmp_path, ("  ceremony:\n", "  ki: []\n  ceremony:\n"), name="kept.yaml")
    code, _, err = check(kept, capsys)
    assert code == 1 and "press_notice.ceremony.date: ki does not list 'date'" in err


@needs_poppler
def test_a_label_before_the_date_a_heading_of_its_own_and_sections_after_the_ki(tmp_path, capsys):
    """公開日： before the date (滋賀県), the office's own heading above the opening in
    place of the house's 内容 (四国5大学: 締結式開催日の決定), and sections of its own after
    the 記 block and the background, each heading as written (奈義町: 【岡山県奈義町とは】):
    in the PDF and the DOCX, in order; the release after the signing keeps the date's
    label and not the notice's heading or sections."""
    path = variant(tmp_path, ("  issue_date: 2024-02-16\n", "  date_prefix: 公開日：\n  issue_date: 2024-02-16\n"),
                   ("  opening:\n", "  opening_heading: 締結式のご案内\n  opening:\n"),
                   ("  press_request:\n", "  sections:\n    - heading: 【北見工業大学とは】\n      paragraphs: [オホーツク地域唯一の"
                    "工業系大学です。]\n    - heading: 【参考】\n      paragraphs: [第一段落。, 第二段落。]\n  press_request:\n"),
                   ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n    opening: [本日、締結しました。]\n  closing_ijo:"))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert "公開日：令和６年（2024年）２月16日（金）配布" in text
    assert "締結式のご案内今般、" in text and "内容" not in text
    assert ("となりました。【北見工業大学とは】オホーツク地域唯一の工業系大学です。【参考】第一段落。第二段落。"
            "報道に当たってのお願い") in text
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == text
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0, \
        capsys.readouterr().err
    after = no_space(pdf_text(tmp_path / "out" / path.stem / "press-notice-after.pdf"))
    assert "公開日：令和６年（2024年）２月27日（火）" in after
    assert "内容本日、締結しました。" in after and "【参考】" not in after and "締結式のご案内" not in after

    # the release's own heading above its text, or none
    text = path.read_text(encoding="utf-8").replace("    opening: [本日、締結しました。]\n",
                                                    "    opening_heading: false\n    opening: [本日、締結しました。]\n")
    path.write_text(text, encoding="utf-8")
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after",
                     "--format", "pdf,docx"]) == 0, capsys.readouterr().err
    release = tmp_path / "out" / path.stem / "press-notice-after.pdf"
    after = pdf_words(release)
    assert "内容" not in after and "２月27日（火）配布" in after and "本日、締結しました。" in after
    assert no_space(docx_text(release.with_suffix(".docx"))) == after


@needs_poppler
def test_a_section_before_the_ki_block(tmp_path, capsys):
    """sections: before_ki (摂南大学 2025: 【本件のポイント】 with its ● lines between the
    text and the 記 block); the other sections still after the background, in the
    order written; the heading on the page of its first paragraph; the DOCX alike."""
    path = variant(tmp_path, ("  press_request:\n", "  sections:\n    - heading: 【参考】\n      paragraphs: [第一段落。]\n"
                              "    - heading: 【本件のポイント】\n      before_ki: true\n      paragraphs: [●　連携します。,"
                              " ●　発展を目指します。]\n  press_request:\n"))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert "執り行います。【本件のポイント】●連携します。●発展を目指します。記１日時" in text
    assert "となりました。【参考】第一段落。報道に当たってのお願い" in text and text.count("【本件のポイント】") == 1
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == text


@needs_poppler
def test_a_section_without_a_heading_is_its_paragraphs(tmp_path, capsys):
    """A section may have no heading (長崎県公立大学法人 2018: a paragraph after the list
    of those who attended, on what happened at the signing): its paragraphs alone, set
    apart from what stands above them, after the background; the DOCX alike."""
    path = variant(tmp_path, ("  press_request:\n", "  sections:\n    - paragraphs: [締結式では、協定書への署名の後、"
                                                    "両者による挨拶がありました。]\n  press_request:\n"))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert "となりました。締結式では、協定書への署名の後、両者による挨拶がありました。報道に当たってのお願い" in text
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == text
    rows = _rows(pdf)
    at = next(i for i, r in enumerate(rows) if "".join(c["text"] for c in r).startswith("締結式では"))
    gap = rows[at][0]["top"] - rows[at - 1][0]["top"]
    line = rows[at - 1][0]["top"] - rows[at - 2][0]["top"]
    assert gap > line + 4                     # set apart (8 pt before), not run on as the background's


_SECTIONS = ("  press_request:\n", "  sections:\n    - heading: 参考\n      paragraphs: [第一段落。]\n"
             "    - paragraphs: [見出しのない段落。]\n    - heading: 本件のポイント\n      before_ki: true\n"
             "      paragraphs: [連携します。]\n    - heading: 今後の予定\n      paragraphs: [第二段落。]\n  press_request:\n")


@needs_poppler
def test_the_sections_numbered_as_the_house_numbers_them(tmp_path, capsys):
    """notice.section_marker: "{number}." (a company's release: 1.基本協定の主な内容,
    2.建設予定施設の概要): each section with a heading numbered in the order printed,
    the one before the 記 block first; a section without one has no number; the DOCX
    alike. A notice's own section_marker instead of the house's: "" for none."""
    path = variant(tmp_path, _SECTIONS, style="notice:\n  section_marker: \"{number}.\"\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert "執り行います。１.本件のポイント連携します。記１日時" in text
    assert "となりました。２.参考第一段落。見出しのない段落。３.今後の予定第二段落。報道に当たってのお願い" in text
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == text
    lines = [no_space(x) for x in pdf_text(pdf).splitlines()]
    assert "１.本件のポイント" in lines and "２.参考" in lines and "３.今後の予定" in lines
    path = variant(tmp_path, _SECTIONS, ("  closing_ijo:", "  section_marker: \"\"\n  closing_ijo:"),
                   style="notice:\n  section_marker: \"{number}.\"\n", name="own.yaml")
    text = notice_text(path, tmp_path, capsys)
    assert "となりました。参考第一段落。" in text and "１." not in text
    path = variant(tmp_path, _SECTIONS, ("  closing_ijo:", "  section_marker: \"（{number}）\"\n  closing_ijo:"),
                   name="spec.yaml")
    assert "となりました。（２）参考第一段落。" in notice_text(path, tmp_path, capsys)


def refused_without_output(path, tmp_path) -> None:
    """The build of `path` fails (exit 1) and writes no PDF."""
    assert cli.main([str(path), "-o", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


@pytest.mark.parametrize("marker, sections, message", [
    ("{n}.", True, "{number} must appear once in section_marker, and no other placeholder"),
    ("{number}.{number}", True, "{number} must appear once in section_marker, and no other placeholder"),
    ("{number}.", False, "section_marker numbers the headings of the notice's own sections, and none has a"
                         " heading: it would have no effect"),
    ("", True, "section_marker: \"\" leaves the sections' headings unnumbered, as the house does already"
               " (notice.section_marker): it would have no effect"),
])
def test_a_section_marker_with_no_effect_or_malformed_is_an_error(marker, sections, message, tmp_path, capsys):
    pairs = [("  closing_ijo:", f"  section_marker: \"{marker}\"\n  closing_ijo:")]
    if sections:
        pairs.append(("  press_request:\n", "  sections:\n    - heading: 【参考】\n      paragraphs: [第一段落。]\n"
                                            "  press_request:\n"))
    path = variant(tmp_path, *pairs)
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "section_marker:", "press_notice.section_marker", message), err
    refused_without_output(path, tmp_path)


def test_a_house_section_marker_without_its_number_is_an_error(tmp_path, capsys):
    path = variant(tmp_path, style="notice:\n  section_marker: \"第{n}\"\n")
    code, _, err = check(path, capsys)
    assert code == 1
    assert ("house.yaml:2: notice.section_marker: {number} must appear once in section_marker, and no other"
            " placeholder") in err, err


def test_a_section_before_a_ki_block_the_notice_does_not_have_is_an_error(tmp_path, capsys):
    path = variant(tmp_path, (CEREMONY, "  ceremony: {}\n  ki: []\n"),
                   ("  press_request:\n", "  sections:\n    - heading: 【本件のポイント】\n      before_ki: true\n"
                                          "      paragraphs: [●　連携します。]\n  press_request:\n"))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "before_ki:", "press_notice.sections[0].before_ki",
                                   "the notice has no 記 block for the section to stand before: before_ki would"
                                   " have no effect"), err


@pytest.mark.parametrize("section", ["{heading: 【参考】, paragraphs: []}", "{heading: 【参考】}",
                                     "{heading: 【参考】, paragraphs: [], photos: []}"])
def test_a_section_without_its_text_is_an_error(section, tmp_path, capsys):
    """A section says something: its paragraphs, its photos (test_photos.py) or the documents
    it links (test_linked_documents.py)."""
    path = variant(tmp_path, ("  press_request:\n", f"  sections:\n    - {section}\n  press_request:\n"))
    code, _, err = check(path, capsys)
    assert code == 1 and (f"{path}:{line_of(path, '- {')}: press_notice.sections[0]: a section needs its paragraphs"
                          " (paragraphs: […]), parts (parts: […]), a table (table: […]), its photos (photos: […]) or"
                          " the documents it links (documents: […]), one at least") in err, err


@needs_poppler
@pytest.mark.parametrize("where, printed", [
    ("brackets", "オホーツク合同庁舎１階保健所会議室（住所：網走市北７条西３丁目）"),
    ("line", "オホーツク合同庁舎１階保健所会議室住所：網走市北７条西３丁目"),
    ("line_brackets", "オホーツク合同庁舎１階保健所会議室（住所：網走市北７条西３丁目）"),
])
def test_the_houses_label_before_the_venues_address(where, printed, tmp_path, capsys):
    """notice.venue_address_label: 住所： before the address, in its brackets (酪農学園大学)
    or on its line."""
    path = variant(tmp_path, style=f"notice:\n  venue_address: {where}\n  venue_address_label: 住所：\n")
    assert printed in notice_text(path, tmp_path, capsys)


@needs_poppler
def test_a_house_that_sets_the_signers_name_before_the_title(tmp_path, capsys):
    """notice.signer_order: name_title — 締結者 as 関東学院大学's release lists them, the
    organisation in （） where the title does not name it, then the name and the title;
    様 after the title has no place there, and is refused at its line."""
    house = "notice:\n  signer_order: name_title\n"
    path = variant(tmp_path, ("    honorific: 様\n", ""), ("      title: 北見工業大学学長", "      title: 学長"), style=house)
    text = notice_text(path, tmp_path, capsys)
    assert "締結者中島和彦北海道オホーツク総合振興局長（北見工業大学）鈴木聡一郎学長" in text
    kept = variant(tmp_path, style=house, name="honorific.yaml")
    code, _, err = check(kept, capsys)
    assert code == 1 and has_error(err, kept, "honorific: 様", "parties.kitami_it.honorific",
                                   "the house sets the signer's title after the name (notice.signer_order:"
                                   " name_title), where '様' has no place"), err


@needs_poppler
@pytest.mark.parametrize("house, title, item, lines", [
    # 文化庁 (2016): each title names its agency, so no organisation is printed
    ("notice:\n  signer_order: name_title\n", "北見工業大学長", "３締結者",
     ["中島和彦北海道オホーツク総合振興局長", "鈴木聡一郎北見工業大学長"]),
    (None, "学長", "５出席者", ["藤田", "塚田（つかだ）"]),       # people named without titles
])
def test_people_with_nothing_before_their_names_stand_at_the_items_margin(house, title, item, lines,
                                                                          tmp_path, capsys):
    """Where no row has anything in the left column (the name first and no organisation
    to print, or names without titles), the people are a list under the label at the
    item's margin, not lines starting half-way across the page beside an empty column;
    the DOCX alike."""
    path = variant(tmp_path, ("    honorific: 様\n", ""), ("      title: 北見工業大学学長", "      title: " + title),
                   ("  closing_ijo:", "  ki: [date, place, signatories, agenda, {label: 出席者, people: [{name: 藤田},"
                                      " {name: 塚田, reading: つかだ}]}]\n  closing_ijo:"), style=house)
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = [no_space(x) for x in pdf_text(pdf).splitlines() if x.strip()]
    at = text.index(item)
    assert text[at + 1:at + 3] == lines, text[at:]
    label = next(r for r in _rows(pdf) if no_space("".join(c["text"] for c in r)) == item)
    first = next(r for r in _rows(pdf) if no_space("".join(c["text"] for c in r)) == lines[0])
    assert first[0]["x0"] - label[0]["x0"] < 40          # under the label, not half-way across (~270 pt)
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


LONG_NOTE = "※　北見市長も陪席する予定ですが、公務の都合により出席者が変更となる場合がありますので、あらかじめ御了承ください。"


def _note_lines(pdf: Path, first: str) -> tuple[list[dict], list[dict]]:
    """The first two lines of the note that begins with `first`."""
    rows = _rows(pdf)
    at = next(i for i, r in enumerate(rows) if no_space("".join(c["text"] for c in r)).startswith(first))
    return rows[at], rows[at + 1]


@needs_poppler
@pytest.mark.parametrize("house", [None, "notice:\n  ki_label: inline\n"])
def test_notes_under_an_item_of_any_kind_hang_after_their_mark(house, tmp_path, capsys):
    """ki: notes (文化庁 2016: ※　義家弘介　文部科学副大臣も陪席予定。 under the 出席者):
    lines under the item after whatever it lists (people, signers, a list, a table, the
    次第, text), printed as written; a note's further lines start under its text, after
    the mark (※　), not under the mark; a note without a mark is a plain line. The
    DOCX alike; with inline labels too."""
    path = variant(tmp_path, ("  closing_ijo:", "  ki:\n"
                              "    - {item: date, notes: [※　受付は10時30分から]}\n"
                              "    - place\n"
                              "    - {item: signatories, notes: [" + LONG_NOTE + "]}\n"
                              "    - {item: agenda, notes: [都合により変更となる場合があります。]}\n"
                              "    - {label: 配付物, list: [協定書（写し）], notes: [＊　当日会場で配付します。]}\n"
                              "    - {label: 進行, table: [[14時00分, 開会]], notes: [※時間は目安です。]}\n"
                              "  closing_ijo:"), style=house)
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = no_space(pdf_text(pdf))
    assert "11時00分～（30分程度）※受付は10時30分から２場所" in text
    assert "鈴木聡一郎様" + no_space(LONG_NOTE) + "４次第" in text
    assert "記念撮影、局長及び学長からの挨拶、質疑応答（事務方対応）都合により変更となる場合があります。５配付物" in text
    assert "（１）協定書（写し）＊当日会場で配付します。６進行14時00分開会※時間は目安です。" in text
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)
    first, second = _note_lines(pdf, "※北見市長")
    size = first[0]["size"]
    assert abs(second[0]["x0"] - (first[0]["x0"] + 2 * size)) < 0.5        # under 北, after ※　
    label = next(r for r in _rows(pdf) if no_space("".join(c["text"] for c in r)).startswith("１日時"))
    plain = next(r for r in _rows(pdf) if no_space("".join(c["text"] for c in r)).startswith("都合により"))
    date = next(r for r in _rows(pdf) if no_space("".join(c["text"] for c in r)).startswith("※受付"))
    assert abs(plain[0]["x0"] - date[0]["x0"]) < 0.5 and plain[0]["x0"] > label[0]["x0"] + size
    # in the DOCX too: the note's paragraph style hangs by the mark's width (２字)
    docx = zipfile.ZipFile(pdf.with_suffix(".docx"))
    root = etree.fromstring(docx.read("word/document.xml"))
    para = next(p for p in root.iter(W + "p") if "".join(t.text or "" for t in p.iter(W + "t")).startswith("※　北見市長"))
    name = para.find(W + "pPr/" + W + "pStyle").get(W + "val")
    style = next(st for st in etree.fromstring(docx.read("word/styles.xml")).iter(W + "style")
                 if st.get(W + "styleId") == name)
    assert style.find(W + "pPr/" + W + "ind").get(W + "hangingChars") == "200", etree.tostring(style)


@needs_poppler
@pytest.mark.parametrize("house", [None, "notice:\n  ki_label: inline\n"])
def test_a_paragraph_of_an_items_text_that_begins_with_a_mark_hangs_after_it(house, tmp_path, capsys):
    """文化庁 2016 (5.取材, a bullet before each paragraph): a paragraph of an item's own text
    that begins with ・ (or ●, ※ …) has its further lines under its text, not under the
    mark; one without a mark keeps the item's margin; the DOCX alike."""
    long = ("・取材を希望される場合は、２月21日（水）17時までに、別添の取材申込書により北海道オホーツク総合振興局地域政策課へ"
            "事前に御連絡ください。")
    path = variant(tmp_path, ("  closing_ijo:", "  ki: [date, place, signatories, agenda, {label: 取材受付, text: [受付は会場入口です。, \"" + long
                              + "\"]}]\n  closing_ijo:"), style=house)
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)
    rows = _rows(pdf)
    texts = [no_space("".join(c["text"] for c in r)) for r in rows]
    at = next(i for i, t in enumerate(texts) if t.startswith("・取材を"))
    plain = rows[next(i for i, t in enumerate(texts) if t.endswith("受付は会場入口です。"))]
    mark, text, wrapped = rows[at][0], rows[at][1], rows[at + 1][0]
    assert abs(wrapped["x0"] - text["x0"]) < 0.5 and wrapped["x0"] > mark["x0"] + 5
    if house is None:
        assert abs(plain[0]["x0"] - mark["x0"]) < 0.5


@pytest.mark.parametrize("ki, key, message", [
    ("[{item: signatories, notes: [\"\"]}]", "press_notice.ki[0].notes[0]", "the value is empty; write it, or remove the key"),
    ("[{item: signatories, notes: 陪席予定}]", "press_notice.ki[0].notes", "expected a list"),
])
def test_a_note_said_wrong_is_an_error(ki, key, message, tmp_path, capsys):
    path = variant(tmp_path, ("  closing_ijo:", f"  ki: {ki}\n  closing_ijo:"))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "notes:", key, message), err


@needs_poppler
def test_a_place_too_long_for_its_cell_breaks_after_its_full_width_space(tmp_path, capsys):
    """The bundled 2016 notice's 日程: 「旧岩崎邸庭園　撞球（どうきゅう）室」 in the places'
    column breaks after the space, as a venue does, each part on a line of its own and
    flush left (not 「…撞球（どうきゅ」 / 「う）室」, the reading torn, nor the first part
    spread across the cell)."""
    spec = ROOT / "specs" / "2016-03-07-sports-culture-tourism.yaml"
    code, _, err, pdf = build(spec, tmp_path, capsys)
    assert code == 0, err
    lines = [no_space(x) for x in pdf_text(pdf).splitlines()]
    at = next(i for i, x in enumerate(lines) if x.startswith("17:15～17:55"))
    assert lines[at].endswith("署名式，記者会見旧岩崎邸庭園") and lines[at + 1] == "撞球（どうきゅう）室"
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        words = doc.pages[0].extract_words(use_text_flow=True)
    assert "旧岩崎邸庭園" in [w["text"] for w in words]     # one word: not letter-spaced across the cell


def test_a_schedule_without_places_has_no_empty_column_of_places(tmp_path, capsys):
    """奈義町's 日程 gives times and items only: two columns, not a third left blank (the
    real case sets it under 日時; here as an item of its own, 日程)."""
    real = ROOT / "tests" / "data" / "real"
    text = (real / "nagi-toyooka-2016.yaml").read_text(encoding="utf-8")
    under = text[text.index("    - {item: date, schedule_under: true}"):text.index("    - place\n")]
    text = text.replace(under, "    - date\n    - {item: schedule, label: 日程}\n").replace(
        "style: styles/", f"style: {real}/styles/")
    spec = tmp_path / "nagi-toyooka-2016.yaml"
    spec.write_text(text, encoding="utf-8")
    code = cli.main([str(spec), "-o", str(tmp_path), "--kinds", "press-notice", "--format", "docx"])
    assert code == 0, capsys.readouterr().err
    root = etree.fromstring(zipfile.ZipFile(tmp_path / spec.stem / "press-notice.docx").read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    table = next(t for t in root.iter(f"{w}tbl") if "14:00" in "".join(t.itertext()))
    assert [len(row.findall(f"{w}tc")) for row in table.iter(f"{w}tr")] == [2, 2]
    assert len(table.find(f"{w}tblGrid")) == 2


LINES_HOUSE = "notice:\n  schedule: lines\n  schedule_place: \"【{place}】\"\n"


def _lines(rows) -> list[str]:
    return [no_space("".join(c["text"] for c in r)) for r in rows]


@needs_poppler
def test_the_schedule_a_line_a_row_with_the_place_in_the_houses_form(tmp_path, capsys):
    """notice.schedule: lines and schedule_place: "【{place}】" (文化庁 2016: 17:10～17:15
    記念撮影　【旧岩崎邸庭園洋館東側】): the 日程 a line a row at the item's text margin,
    time, item, then the place in the house's brackets; a row without a place has no
    empty 【】; no table in the DOCX, whose text is the PDF's."""
    path = variant(tmp_path, ("    venue: オホーツク", SCHEDULE + "    venue: オホーツク"), style=LINES_HOUSE)
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    rows = _rows(pdf)
    lines = _lines(rows)
    at = lines.index("５日程")
    assert lines[at + 1:at + 3] == ["11:00〜協定締結式", "11:30〜記者会見【第２会議室】"], lines[at:]
    assert "【】" not in "".join(lines)
    venue = lines.index("オホーツク合同庁舎１階保健所会議室（網走市北７条西３丁目）")
    assert abs(rows[at + 1][0]["x0"] - rows[venue][0]["x0"]) < 0.5          # the items' text margin
    row = rows[at + 2]                     # one run: 記者会見, a full-width space, then 【
    end = next(c for c in row if c["text"] == "見")
    assert next(c for c in row if c["text"] == "【")["x0"] - end["x1"] < 1.5 * end["size"] + 0.5
    docx_path = pdf.with_suffix(".docx")
    assert "11:30〜　記者会見　【第２会議室】" in [p.strip() for p in _docx_paragraph_texts(docx_path)]
    assert not any("11:00" in "".join(t.itertext())
                   for t in etree.fromstring(zipfile.ZipFile(docx_path).read("word/document.xml")).iter(W + "tbl"))
    assert no_space(docx_text(docx_path)) == pdf_words(pdf)


def _docx_paragraph_texts(docx_path: Path) -> list[str]:
    import docx
    return [p.text for p in docx.Document(str(docx_path)).paragraphs]


@needs_poppler
@pytest.mark.parametrize("house, printed", [
    # under the date (schedule_under), whatever the item's form: the house's place form
    (LINES_HOUSE, "11時00分～（30分程度）11:00〜協定締結式11:30〜記者会見【第２会議室】２場所"),
    ("notice:\n  schedule_place: \"【{place}】\"\n", "11時00分～（30分程度）11:00〜協定締結式11:30〜記者会見【第２会議室】２場所"),
])
def test_the_schedule_under_the_date_writes_its_places_as_the_house_does(house, printed, tmp_path, capsys):
    path = variant(tmp_path, ("    venue: オホーツク", SCHEDULE + "    venue: オホーツク"),
                   ("  closing_ijo:", "  ki:\n    - {item: date, schedule_under: true}\n    - place\n    - signatories\n"
                                      "    - agenda\n  closing_ijo:"), style=house)
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    assert printed in pdf_words(pdf)
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


@needs_poppler
def test_a_schedule_table_writes_its_places_in_the_houses_form(tmp_path, capsys):
    """schedule_place without schedule: lines: the table's column of places in 【】 (and
    an empty cell, not empty brackets, where a row has no place)."""
    path = variant(tmp_path, ("    venue: オホーツク", SCHEDULE + "    venue: オホーツク"),
                   style="notice:\n  schedule_place: \"【{place}】\"\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    root = etree.fromstring(zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml"))
    table = next(t for t in root.iter(W + "tbl") if "11:00" in "".join(t.itertext()))
    cells = [["".join(c.itertext()) for c in tr.findall(W + "tc")] for tr in table.iter(W + "tr")]
    assert cells == [["11:00〜", "協定締結式", ""], ["11:30〜", "記者会見", "【第２会議室】"]]
    assert "11:30〜記者会見【第２会議室】" in pdf_words(pdf)


PEOPLE_KI = ("  ki:\n    - date\n    - place\n    - signatories\n"
             "    - label: 出席者\n      people:\n        - {title: 北見市長, name: 辻　直孝}\n"
             "        - {title: 網走市長, name: 水谷　洋一, note: 予定}\n      others: ほか\n"
             "    - label: 来賓等\n      groups:\n"
             "        - {label: ＜来賓＞, people: [{title: 北海道議会議員, name: 北野　太郎}, {name: 網走　花子}]}\n"
             "        - {label: ＜立会人＞, people: [{title: 網走市副市長, name: 南　次郎}]}\n")
RUNS = ["北海道オホーツク総合振興局長中島和彦", "北見工業大学学長鈴木聡一郎様"]


@needs_poppler
def test_people_a_line_each_title_then_name_at_the_items_text_margin(tmp_path, capsys):
    """notice.people: run (摂南大学 2025: ＜摂南大学＞ / 学長　久保　康之): the 締結者, a
    people item and the groups of an item, each person a line, title then name as one
    run (a full-width space between them, not a column's gap), every line at the items'
    text margin (where the venue stands); a group's label there too, kept with its first
    person; no table in the DOCX, whose text is the PDF's."""
    path = variant(tmp_path, ("  closing_ijo:", PEOPLE_KI + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    agenda:"):], ""), style="notice:\n  people: run\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    rows = _rows(pdf)
    lines = _lines(rows)
    at = lines.index("３締結者")
    assert lines[at + 1:at + 12] == [*RUNS, "４出席者", "北見市長辻直孝", "網走市長水谷洋一（予定）ほか", "５来賓等",
                                     "＜来賓＞", "北海道議会議員北野太郎", "網走花子", "＜立会人＞", "網走市副市長南次郎"]
    margin = rows[lines.index("オホーツク合同庁舎１階保健所会議室（網走市北７条西３丁目）")][0]["x0"]
    for line in [*RUNS, "北見市長辻直孝", "＜来賓＞", "北海道議会議員北野太郎", "網走花子", "網走市副市長南次郎"]:
        assert abs(rows[lines.index(line)][0]["x0"] - margin) < 0.5, line
    row = rows[lines.index(RUNS[0])]       # 総合振興局長, a full-width space, 中島
    end = next(c for c in row if c["text"] == "長")
    assert abs(next(c for c in row if c["text"] == "中")["x0"] - end["x1"] - end["size"]) < 0.5
    docx_path = pdf.with_suffix(".docx")
    document = zipfile.ZipFile(docx_path).read("word/document.xml")
    root = etree.fromstring(document)
    assert not any("辻" in "".join(t.itertext()) or "中島" in "".join(t.itertext()) for t in root.iter(W + "tbl"))
    texts = [p.strip() for p in _docx_paragraph_texts(docx_path)]
    assert "北海道オホーツク総合振興局長　中島　和彦" in texts and "北見市長　辻　直孝" in texts
    label = next(p for p in root.iter(W + "p") if "".join(t.text or "" for t in p.iter(W + "t")) == "＜立会人＞")
    styles = etree.fromstring(zipfile.ZipFile(docx_path).read("word/styles.xml"))
    style = label.find(W + "pPr/" + W + "pStyle")
    kept = label.find(W + "pPr/" + W + "keepNext") is not None or (style is not None and any(
        st.get(W + "styleId") == style.get(W + "val") and st.find(W + "pPr/" + W + "keepNext") is not None
        for st in styles.iter(W + "style")))
    assert kept, etree.tostring(label)                      # a group's label stays with its first person
    assert no_space(docx_text(docx_path)) == pdf_words(pdf)


@needs_poppler
def test_people_as_runs_with_inline_labels_run_in_after_the_label(tmp_path, capsys):
    """With inline labels (摂南大学: ３．出席者：＜摂南大学＞), the first line runs in after
    the label and the others stand under it, where every inline item's text starts."""
    path = variant(tmp_path, ("  closing_ijo:", PEOPLE_KI + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    agenda:"):], ""),
                   style="notice:\n  people: run\n  ki_label: inline\n  ki_label_gap: \"：\"\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    rows = _rows(pdf)
    lines = _lines(rows)
    assert "５来賓等：＜来賓＞" in lines and "３締結者：" + RUNS[0] in lines, lines
    first = rows[lines.index("３締結者：" + RUNS[0])]
    text_x = next(c for c in first if c["text"] == "北")["x0"]
    for line in (RUNS[1], "北海道議会議員北野太郎", "＜立会人＞"):
        assert abs(rows[lines.index(line)][0]["x0"] - text_x) < 0.5, line
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


def _agenda_and_release(tmp_path, capsys, house: str) -> Path:
    """The seed's notice with the nested 次第 and a release after the signing, built in
    the house given (PDF and DOCX of both): the notice's PDF."""
    path = variant(tmp_path, (AGENDA, NESTED_AGENDA), ("  closing_ijo:", "  ki: [date, place, agenda]\n  after:\n"
                                                        "    issue_date: 2024-02-27\n    opening: [本日、締結しました。]\n"
                                                        "  closing_ijo:"),
                   style=house)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    return tmp_path / "out" / path.stem / "press-notice.pdf"


@needs_poppler
def test_people_as_runs_under_a_step_of_the_agenda_and_in_the_release_after(tmp_path, capsys):
    """notice.people: run under a step of a numbered 次第 (the signers, then a guest):
    a line each at the step's text margin (under 調 of 調印者挨拶), not a table; and the
    release after the signing lists its 締結者 the same way."""
    pdf = _agenda_and_release(tmp_path, capsys, "notice:\n  agenda: numbered\n  people: run\n")
    rows = _rows(pdf)
    lines = _lines(rows)
    at = lines.index("（３）調印者挨拶")
    guest = "株式会社北見銀行常務取締役北見太郎（きたみたろう）"
    assert lines[at + 1:at + 5] == [*RUNS, guest, "（４）閉会"], lines[at:]
    step_x = _x_of(rows, "（３）調印者挨拶", "調")
    for line in (*RUNS, guest):
        assert abs(rows[lines.index(line)][0]["x0"] - step_x) < 0.5, line
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)
    after = pdf.with_name("press-notice-after.pdf")
    rows = _rows(after)
    lines = _lines(rows)
    at = lines.index("２締結者")
    assert lines[at + 1:at + 3] == RUNS
    assert abs(rows[at + 1][0]["x0"] - rows[lines.index("令和６年（2024年）２月27日（火）")][0]["x0"]) < 0.5
    assert no_space(docx_text(after.with_suffix(".docx"))) == pdf_words(after)



@needs_poppler
def test_a_mark_before_each_person_set_as_a_run(tmp_path, capsys):
    """notice.people_mark: ・ with people: run (浪江町 2026: ・双葉郡　浪江町　町長　吉田　栄光):
    each person's line marked, at the items' text margin as before (the mark first), in
    the 締結者, a people item and the groups of an item, whose labels stay unmarked; the
    DOCX says the same."""
    path = variant(tmp_path, ("  closing_ijo:", PEOPLE_KI + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    agenda:"):], ""),
                   style="notice:\n  people: run\n  people_mark: ・\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    rows = _rows(pdf)
    lines = _lines(rows)
    at = lines.index("３締結者")
    marked = ["・" + r for r in RUNS]
    assert lines[at + 1:at + 12] == [*marked, "４出席者", "・北見市長辻直孝", "・網走市長水谷洋一（予定）ほか", "５来賓等",
                                     "＜来賓＞", "・北海道議会議員北野太郎", "・網走花子", "＜立会人＞", "・網走市副市長南次郎"]
    margin = rows[lines.index("オホーツク合同庁舎１階保健所会議室（網走市北７条西３丁目）")][0]["x0"]
    for line in [*marked, "・北見市長辻直孝", "＜来賓＞", "・網走花子"]:
        assert abs(rows[lines.index(line)][0]["x0"] - margin) < 0.5, line
    texts = [t.strip() for t in _docx_paragraph_texts(pdf.with_suffix(".docx"))]
    assert "・北海道オホーツク総合振興局長　中島　和彦" in texts and "＜立会人＞" in texts
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


@needs_poppler
def test_a_mark_before_each_person_under_a_step_and_in_the_release_after(tmp_path, capsys):
    """The mark before the people under a step of a numbered 次第 and before the 締結者 of
    the release after the signing, where people are runs too."""
    pdf = _agenda_and_release(tmp_path, capsys, "notice:\n  agenda: numbered\n  people: run\n  people_mark: ◯\n")
    lines = _lines(_rows(pdf))
    at = lines.index("（３）調印者挨拶")
    assert lines[at + 1:at + 4] == ["◯" + RUNS[0], "◯" + RUNS[1], "◯株式会社北見銀行常務取締役北見太郎（きたみたろう）"]
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)
    after = pdf.with_name("press-notice-after.pdf")
    lines = _lines(_rows(after))
    at = lines.index("２締結者")
    assert lines[at + 1:at + 3] == ["◯" + r for r in RUNS]
    assert no_space(docx_text(after.with_suffix(".docx"))) == pdf_words(after)


@needs_poppler
def test_a_colon_between_each_title_and_name_set_as_a_run(tmp_path, capsys):
    """notice.people_gap: ： with people: run (岐阜県 2008: ■岐阜県 / 副知事：横井篤): the
    colon instead of the full-width space between each title and its name, in the 締結者,
    a people item and the groups of an item; a person without a title has none, and the
    names keep their own spaces; the DOCX says the same."""
    path = variant(tmp_path, ("  closing_ijo:", PEOPLE_KI + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    agenda:"):], ""),
                   style="notice:\n  people: run\n  people_gap: ：\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = _lines(_rows(pdf))
    at = lines.index("３締結者")
    assert lines[at + 1:at + 12] == ["北海道オホーツク総合振興局長：中島和彦", "北見工業大学学長：鈴木聡一郎様", "４出席者",
                                     "北見市長：辻直孝", "網走市長：水谷洋一（予定）ほか", "５来賓等", "＜来賓＞",
                                     "北海道議会議員：北野太郎", "網走花子", "＜立会人＞", "網走市副市長：南次郎"]
    texts = [t.strip() for t in _docx_paragraph_texts(pdf.with_suffix(".docx"))]
    assert "北見市長：辻　直孝" in texts and "網走　花子" in texts
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


@pytest.mark.parametrize("house, message", [
    ("notice:\n  people_gap: ：\n", "people_gap '：' stands between a title and its name where people are set as"
                                     " runs (people: run or joined); in columns the title and the name have cells"),
    ("notice:\n  people: run\n  signer_order: name_title\n  people_gap: ：\n",
     "the house sets the name first (signer_order: name_title), and it would have no effect"),
])
def test_a_colon_between_title_and_name_where_it_has_no_effect_is_refused(tmp_path, capsys, house, message):
    """people_gap stands between a title and the name after it in a run: in columns (the
    default) or where the name comes first it would have no effect: the house style's
    file, line and key."""
    path = variant(tmp_path, style="name: 岐阜\n" + house)
    code, _, err = check(path, capsys)
    assert code == 1
    line = house.count("\n") + 1
    assert f"error: {tmp_path / 'house.yaml'}:{line}: notice.people_gap: " in err and message in err, err
    assert "Traceback" not in err


def test_a_mark_before_people_set_in_columns_is_refused_at_its_line(tmp_path, capsys):
    """people_mark goes before a person's line of a run; with people: columns (the
    default) it would have no effect: the house style's file, line and key."""
    path = variant(tmp_path, style="name: 浪江\nnotice:\n  people_mark: ・\n")
    code, _, err = check(path, capsys)
    assert code == 1
    assert (f"error: {tmp_path / 'house.yaml'}:3: notice.people_mark: the mark '・' goes before each person's line"
            " where people are set as runs (people: run)") in err, err
    assert "Traceback" not in err


@needs_poppler
def test_the_ki_list_renames_moves_and_adds_items_and_the_docx_says_the_same(tmp_path, capsys):
    path = variant(tmp_path, (CEREMONY, RICH_KI))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = no_space(pdf_text(pdf))
    assert ki_part(text) == (
        "記"
        "１協定締結日令和６年（2024年）２月27日（火）14時00分～14時30分"
        "２場所オンライン開催（Zoom）網走会場：オホーツク合同庁舎１階保健所会議室（網走市北７条西３丁目）"
        "北見会場：北見工業大学第１会議室JR網走駅から徒歩約10分"
        "３出席者北見市長辻直孝網走市長水谷洋一（予定）ほか"
        "４締結者北海道オホーツク総合振興局長中島和彦北見工業大学学長鈴木聡一郎様"
        "５内容協定書への署名記念撮影"
        "６配付物（１）協定書（写し）（２）連携事項の一覧"
        "７進行14時00分開会14時10分署名"
        "８式次第出席者紹介、協定書への署名")
    assert "日時" not in text and "次第出席者紹介" in text
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


@needs_poppler
def test_a_venue_not_yet_known_prints_no_place_item(tmp_path, capsys):
    path = variant(tmp_path, ("    venue: オホーツク合同庁舎　１階保健所会議室\n    venue_address: 網走市北７条西３丁目\n", ""))
    code, _, err = check(path, capsys)
    assert code == 0, err
    text = notice_text(path, tmp_path, capsys)
    assert "場所" not in text and "合同庁舎" not in text
    assert "記１日時令和６年（2024年）２月27日（火）11時00分～（30分程度）２締結者北海道" in text
    assert "３次第出席者紹介" in text


@needs_poppler
def test_a_ki_block_of_the_offices_own_items_only_and_no_ceremony(tmp_path, capsys):
    path = variant(tmp_path, (CEREMONY, "  ki:\n    - {label: 内容, text: [協定書の取り交わしを書面で行います。]}\n"))
    text = notice_text(path, tmp_path, capsys)
    assert ki_part(text) == "記１内容協定書の取り交わしを書面で行います。"


@needs_poppler
def test_the_venue_with_access_directions_under_it(tmp_path, capsys):
    path = variant(tmp_path, ("    venue_address: 網走市北７条西３丁目\n",
                              "    venue_address: 網走市北７条西３丁目\n    access: [JR網走駅から徒歩約10分, 駐車場はありません。]\n"))
    text = notice_text(path, tmp_path, capsys)
    assert ("２場所オホーツク合同庁舎１階保健所会議室（網走市北７条西３丁目）JR網走駅から徒歩約10分駐車場はありません。"
            "３締結者") in text


@needs_poppler
def test_others_after_the_ceremonys_signers(tmp_path, capsys):
    """others: ほか on the built-in 締結者 item: more attend than the parties' heads the
    list names, as 酪農学園大学's release says (…専務理事　足立　正明　ほか)."""
    path = variant(tmp_path, ("  closing_ijo:", "  ki: [date, place, {item: signatories, label: 出席者, others: ほか}, agenda]\n"
                                                "  closing_ijo:"))
    text = notice_text(path, tmp_path, capsys)
    assert "３出席者北海道オホーツク総合振興局長中島和彦北見工業大学学長鈴木聡一郎様ほか" in text


@pytest.mark.parametrize("ki, fragment, key, message", [
    ("    - date\n    - venue\n", "- venue", "press_notice.ki[1].item",
     "unknown item 'venue'; the built-in items are date, place, signatories, agenda, schedule"),
    ("    - date\n    - {label: 配付物, lst: [a]}\n", "lst", "press_notice.ki[1].lst", "unknown key 'lst'; did you mean 'list'?"),
    ("    - date\n    - {label: 配付物, entries: [a]}\n", "entries", "press_notice.ki[1].entries",
     "unknown key 'entries'; did you mean 'list'?"),
    ("    - date\n    - {label: 配付物, lst: [a]}\n", "lst", "press_notice.ki[1].lst",
     "unknown key 'lst'; did you mean 'list'?"),
    ("    - date\n    - {label: 配付物, caption: [a]}\n", "caption", "press_notice.ki[1].caption",
     "unknown key 'caption'; allowed here: agenda_label, attachment, date_label, groups, heading, item, label, list, marker, notes, numbered, others, others_per_party, people, place_label, place_under, schedule_under, signatories_label, table, text, time_under"),
    ("    - date\n    - {item: agendaa}\n", "agendaa", "press_notice.ki[1].item", "unknown item 'agendaa'; did you mean 'agenda'?"),
    ("    - date\n    - place\n    - signatories\n    - agenda\n    - {item: date, label: 協定締結日}\n", "協定締結日",
     "press_notice.ki[4].item", "'date' is listed twice in ki (first as item 1)"),
    ("    - date\n    - place\n    - signatories\n    - agenda\n    - schedule\n", "- schedule", "press_notice.ki[4].item",
     "'schedule' is listed, but the spec does not give ceremony.schedule: give it, or leave the item out"),
    ("    - date\n    - place\n    - signatories\n    - agenda\n    - {label: 傍聴}\n", "傍聴", "press_notice.ki[4]",
     "say what the item holds: text:, list:, table:, people: or groups:"),
    ("    - date\n    - place\n    - signatories\n    - agenda\n    - {label: 傍聴, text: [不可], list: [a]}\n", "傍聴",
     "press_notice.ki[4].list", "an item holds one of text, list, table, people or groups; it has text already"),
    ("    - date\n    - {item: place, text: [２階]}\n    - signatories\n    - agenda\n", "２階", "press_notice.ki[1].text",
     "the built-in item 'place' is made from the ceremony's facts; text would have no effect"),
    ("    - date\n    - place\n    - signatories\n    - agenda\n    - {label: 内容, text: [a], others: ほか}\n", "others",
     "press_notice.ki[4].others", "others (ほか) follows a list of people"),
    ("    - {item: date, others: ほか}\n    - place\n    - signatories\n", "others", "press_notice.ki[0].others",
     "the built-in item 'date' is made from the ceremony's facts; others would have no effect"),
    ("    - date\n    - place\n    - signatories\n    - agenda\n    - {label: 進行, table: [[a, b], [c]]}\n", "進行",
     "press_notice.ki[4].table", "every row of a table has the same number of cells; these have 1, 2"),
    ("    - date\n    - place\n    - signatories\n    - agenda\n    - {label: 出席者, people: [], others: ほか}\n", "出席者",
     "press_notice.ki[4].people", "people is empty: write what the item says, or leave the item out"),
    ("    - date\n    - place\n    - signatories\n    - agenda\n    - {label: 進行, table: [[]]}\n", "進行",
     "press_notice.ki[4].table", "table is empty"),
    ("    - date\n    - place\n    - signatories\n    - agenda\n    - {text: [a]}\n", "{text: [a]}", "press_notice.ki[4]",
     "an item of your own needs a label"),
    ("    - date\n    - place\n    - signatories\n    - agenda\n    - {label: 場所, text: [a]}\n", "{label: 場所",
     "press_notice.ki[4].label", "two items of the 記 block are labelled '場所' (items 2 and 5); rename one"),
])
def test_mistakes_in_the_ki_list_name_file_line_and_key(ki, fragment, key, message, tmp_path, capsys):
    path = variant(tmp_path, ("  closing_ijo:", "  ki:\n" + ki + "  closing_ijo:"))
    code, _, err = check(path, capsys)
    assert code == 1, err
    assert has_error(err, path, fragment, key, message, after="  ki:"), err
    assert "Traceback" not in err


def test_a_place_listed_with_no_venue_is_an_error(tmp_path, capsys):
    path = variant(tmp_path, ("    venue: オホーツク合同庁舎　１階保健所会議室\n    venue_address: 網走市北７条西３丁目\n", ""),
                   ("  closing_ijo:", "  ki: [date, place, signatories, agenda]\n  closing_ijo:"))
    code, _, err = check(path, capsys)
    assert code == 1
    assert has_error(err, path, "  ki:", "press_notice.ki[1].item",
                 "'place' is listed, but the spec does not give ceremony.venue or ceremony.online or ceremony.sites"), err


@pytest.mark.parametrize("ki, fragment, key", [
    ("[date, place, signatories]", "    agenda:", "press_notice.ceremony.agenda"),
    ("[date, signatories, agenda]", "    venue:", "press_notice.ceremony.venue"),
    ("[place, signatories, agenda]", "    start:", "press_notice.ceremony.start"),
])
def test_a_ceremony_fact_the_ki_list_does_not_print_is_an_error(ki, fragment, key, tmp_path, capsys):
    path = variant(tmp_path, ("  closing_ijo:", f"  ki: {ki}\n  closing_ijo:"))
    code, _, err = check(path, capsys)
    assert code == 1
    assert has_error(err, path, fragment, key, "ki does not list"), err


def test_extra_items_beside_a_ki_list_say_where_they_go(tmp_path, capsys):
    path = variant(tmp_path, ("    agenda:", "    extra_items: [{label: 傍聴, text: [不可]}]\n    agenda:"),
                   ("  closing_ijo:", "  ki: [date, place, signatories, agenda]\n  closing_ijo:"))
    code, _, err = check(path, capsys)
    assert code == 1
    assert has_error(err, path, "extra_items", "press_notice.ceremony.extra_items", "with ki:, write these items in ki:"), err


def test_signatories_by_default_are_named_in_the_output(tmp_path, capsys):
    path = variant(tmp_path, ("    signatories: [bureau, kitami_it]\n", ""))
    code, out, err = check(path, capsys)
    assert code == 0, err
    assert (f"note: {path}:{line_of(path, '  ceremony:')}: press_notice.ceremony: ceremony.signatories not given:"
            " 締結者 lists every party (北海道オホーツク総合振興局、北見工業大学)") in out
    code, out, err = check(SEED_SPEC, capsys)
    assert code == 0 and "press_notice" not in out
    # an office that labels the item 出席者 reads the note in its own word
    path = variant(tmp_path, ("    signatories: [bureau, kitami_it]\n", ""),
                   ("  closing_ijo: false\n", "  closing_ijo: false\n  ki: [date, place, {item: signatories, label: 出席者}, agenda]\n"
                    ), name="labelled.yaml")
    code, out, err = check(path, capsys)
    assert code == 0, err
    assert (f"note: {path}:{line_of(path, '  ceremony:')}: press_notice.ceremony: ceremony.signatories not given:"
            " 出席者 lists every party (北海道オホーツク総合振興局、北見工業大学)") in out
    assert "締結者" not in out


@needs_poppler
def test_a_notice_that_writes_no_ceremony_names_no_signer(tmp_path, capsys):
    """Who signed is a fact: a report that writes no ceremony: at all (栗山町's page of its
    協定 with コメリ災害対策センター, 2017, says who spoke, not who signed) prints no 締結者
    item, where the default once listed every party's head as a signer; written, ki: lists
    them still, as asked."""
    path = variant(tmp_path, (CEREMONY, ""), REPORTED)
    code, out, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert "締結者" not in text and "中島和彦" not in text and "鈴木聡一郎" not in text
    assert "締結者" not in docx_text(pdf.with_suffix(".docx"))
    assert "signatories not given" not in out + err
    path = variant(tmp_path, (CEREMONY, ""), ("  closing_ijo:", "  ki: [signatories]\n  closing_ijo:"), name="asked.yaml")
    code, out, err, pdf = build(path, tmp_path, capsys, formats="pdf")
    assert code == 0, err
    assert "締結者北海道オホーツク総合振興局長中島和彦" in pdf_words(pdf)


# ------------------------------------------------------------------ an item pointing at an attachment

_ATT = "  attachments: [{title: 連携協定の概要, document: overview}]\n"
_ATTS = "  attachments: [{title: 連携協定の概要, document: overview}, 会場案内図]\n"
_KI = "  ki: [date, place, signatories, agenda, {label: 協定概要, attachment: %s}]\n  closing_ijo: false\n"


@needs_poppler
@pytest.mark.parametrize("ref", ["2", "会場案内図"])
def test_an_item_points_at_one_of_the_attachments(ref, tmp_path, capsys):
    """ki: - {label:, attachment:} (十勝西部森林管理署's 3.協定概要, a link to the file): the
    item's text is the house's wording with the attachment's title, by its number or its
    title; the DOCX alike; a house's own wording."""
    path = variant(tmp_path, (_ATT, _ATTS), ("  closing_ijo: false\n", _KI % ref))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert "配付資料連携協定の概要、会場案内図" in text
    assert "５協定概要別添「会場案内図」のとおり" in text, text
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == text
    path = variant(tmp_path, (_ATT, _ATTS), ("  closing_ijo: false\n", _KI % "1"), name="own.yaml",
                   style="wording:\n  ki_attachment: （資料「{title}」参照）\n")
    assert "５協定概要（資料「連携協定の概要」参照）" in notice_text(path, tmp_path, capsys)


@pytest.mark.parametrize("pairs, key, message", [
    ([(_ATT, _ATTS), ("  closing_ijo: false\n", _KI % "3")], "attachment",
     "the item points at attachment 3, and the notice has 2 (press_notice.attachments: 1. 連携協定の概要、2. 会場案内図):"
     " give the number or the title of one of them, or add the file to attachments"),
    ([("  closing_ijo: false\n", _KI % "案内図")], "attachment",
     "the item points at the attachment '案内図', and the notice has none of that title (press_notice.attachments:"
     " 1. 連携協定の概要): give the number or the title of one of them, or add the file to attachments"),
    ([(_ATT, "  attachments: [{title: 連携協定の概要, document: overview}, 連携協定の概要]\n"),
      ("  closing_ijo: false\n", _KI % "連携協定の概要")], "attachment",
     "two of the notice's attachments are titled '連携協定の概要': point at one by its number (attachment: 1 for the first)"),
    ([(_ATT, ""), ("  closing_ijo: false\n", _KI % "1")], "attachment",
     "the item points at an attached file, and the notice has no attachments: add the file to"
     " press_notice.attachments ({title: …, file: …}), or write what the item says"),
    ([("  closing_ijo: false\n", _KI % "1, text: [別紙]")], "text",
     "the item points at an attached file (attachment:), which is what it says: text would have no effect"
     " beside it; write one of them"),
    ([("  closing_ijo: false\n", _KI.replace("{label: 協定概要, attachment: %s}", "{item: date, attachment: 1}"))],
     "attachment", "the built-in item 'date' is made from the ceremony's facts; attachment would have no effect"
     " (write an item of your own for it)"),
])
def test_an_item_that_points_at_no_attachment_is_refused(pairs, key, message, tmp_path, capsys):
    path = variant(tmp_path, *pairs)
    code, _, err = check(path, capsys)
    assert code == 1
    assert f"{path}:{line_of(path, '  ki: [')}: press_notice.ki[4].{key}: {message}" in err, err
    refused_without_output(path, tmp_path)


def test_an_empty_attachment_wording_is_refused(tmp_path, capsys):
    path = variant(tmp_path, style="wording:\n  ki_attachment: \"\"\n")
    code, _, err = check(path, capsys)
    assert code == 1
    assert ("house.yaml:2: wording.ki_attachment: ki_attachment is the text of a 記 item that points at an"
            " attached file (別添「{title}」のとおり); empty, the item would say nothing: write it") in err, err


# ------------------------------------------------------------------ times and dates

TWELVE = "dates: {calendar: western, weekday: long, event_year: false}\ntimes: {clock: 12h, zero_minutes: false, span: から}\n"


@needs_poppler
def test_the_house_writes_western_dates_long_weekdays_and_twelve_hour_times(tmp_path, capsys):
    path = variant(tmp_path, ('    start: "11:00"\n', '    start: "14:00"\n    end: "15:30"\n'), style=TWELVE)
    text = notice_text(path, tmp_path, capsys)
    assert "2024年２月16日（金曜日）配布" in text
    assert "１日時２月27日（火曜日）午後２時から３時30分まで（30分程度）" in text
    assert "２月21日（水曜日）午後５時までに下記連絡先" in text
    assert "令和" not in text


@needs_poppler
def test_an_era_only_house_and_from_only_times(tmp_path, capsys):
    path = variant(tmp_path, ("    duration_note: 30分程度\n", "    span: から\n"),
                   style="dates: {calendar: era}\ntimes: {zero_minutes: false}\n")
    text = notice_text(path, tmp_path, capsys)
    assert "令和６年２月16日（金）配布" in text and "2024" not in text
    assert "１日時令和６年２月27日（火）11時から２場所" in text


@needs_poppler
def test_a_house_that_writes_times_with_a_colon(tmp_path, capsys):
    """13:30～14:00 in the 記 block and 17:00 in the request's deadline, as university
    and company releases write them; the rest of the notice as the house writes it."""
    path = variant(tmp_path, ('    start: "11:00"\n', '    start: "13:30"\n    end: "14:00"\n'),
                   style="times: {notation: colon}\n")
    text = notice_text(path, tmp_path, capsys)
    assert "１日時令和６年（2024年）２月27日（火）13:30～14:00（30分程度）" in text
    assert "２月21日（水）17:00までに下記連絡先" in text
    assert "時30分" not in text and "17時" not in text


@needs_poppler
@pytest.mark.parametrize("after, printed", [("\"\"", "11時00分（30分程度）"), ("開会", "11時00分開会（30分程度）")])
def test_what_follows_a_start_without_its_end_is_the_houses(tmp_path, capsys, after, printed):
    """times.after_start: nothing (午後２時30分, as 明星大学 writes it) or a word (10:00開会,
    as 酪農学園大学 does) where the seed's 11時00分～ has a ～; with an end, the span as
    before; a spec's own span (ceremony.span: から) still says its mark."""
    house = f"times:\n  after_start: {after}\n"
    text = notice_text(variant(tmp_path, style=house), tmp_path, capsys)
    assert f"１日時令和６年（2024年）２月27日（火）{printed}２場所" in text
    ended = variant(tmp_path, ('    start: "11:00"\n', '    start: "11:00"\n    end: "11:30"\n'), style=house,
                    name="ended.yaml")
    assert "（火）11時00分～11時30分（30分程度）" in notice_text(ended, tmp_path, capsys)
    own = variant(tmp_path, ("    duration_note: 30分程度\n", "    span: から\n"), style=house, name="own.yaml")
    assert "（火）11時00分から２場所" in notice_text(own, tmp_path, capsys)


PLAIN_NOTE = "notice:\n  duration_note: plain\n"


@needs_poppler
@pytest.mark.parametrize("house, spec", [
    ("times: {notation: colon, span: から}\n", ()),                     # the house's から (摂南大学: 16:30から30分程度)
    ("", (("    duration_note:", "    span: から\n    duration_note:"),)),  # the notice's own span
])
def test_a_duration_run_on_after_from_without_brackets(house, spec, tmp_path, capsys):
    """notice.duration_note: plain — the note after the start's から, without （）, as
    摂南大学 writes 16:30から30分程度: the date item's line in the PDF as a reader sees it
    and its paragraph in the DOCX."""
    path = variant(tmp_path, *spec, style=house + PLAIN_NOTE)
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    start = "11:00から" if "colon" in house else "11時00分から"
    line = f"令和６年（2024年）２月27日（火）{start}30分程度"
    assert line in [no_space("".join(c["text"] for c in r)) for r in _rows(pdf)]
    assert "（30分程度）" not in pdf_words(pdf)
    assert line in _paragraphs(pdf.with_suffix(".docx"))


@pytest.mark.parametrize("pairs, house, follows", [
    ((), "", "令和６年（2024年）２月27日（火）　11時00分～"),                             # ～: 11時00分～30分程度
    ((('    start: "11:00"\n', '    start: "11:00"\n    end: "11:30"\n'),), "times: {span: から}\n",
     "令和６年（2024年）２月27日（火）　11時00分から11時30分まで"),                       # an end: …まで30分程度
    ((('    start: "11:00"\n', "    time_of_day: 午後\n"),), "", "令和６年（2024年）２月27日（火）　午後"),
    ((), "times: {span: から, after_start: 開会}\n", "令和６年（2024年）２月27日（火）　11時00分開会"),
])
def test_a_duration_without_brackets_only_after_from(pairs, house, follows, tmp_path, capsys):
    """Without brackets the note would read as part of a time that does not end in から
    (11時00分～30分程度: until 30 minutes?): refused at the note's line, naming what it
    would follow; the house's brackets or a start with から are the ways out."""
    path = variant(tmp_path, *pairs, style=house + PLAIN_NOTE)
    code, _, err = check(path, capsys)
    assert code == 1, err
    assert has_error(err, path, "    duration_note:", "press_notice.ceremony.duration_note",
                     "the house runs the duration note on after a start written with から, without brackets"
                     f" (notice.duration_note: plain: 16:30から30分程度); here it would follow 「{follows}」"
                     " and read as part of it"), err
    assert "Traceback" not in err


def test_zero_minutes_false_with_colon_times_is_refused(tmp_path, capsys):
    """With a colon the minutes are always written: zero_minutes: false would have no effect."""
    path = variant(tmp_path, style="times:\n  notation: colon\n  zero_minutes: false\n")
    code, out, err = check(path, capsys)
    assert code == 1
    assert (f"error: {tmp_path / 'house.yaml'}:3: times.zero_minutes: zero_minutes: false has no effect with"
            " notation: colon") in err
    assert "Traceback" not in err


@needs_poppler
def test_the_ki_block_in_the_houses_form(tmp_path, capsys):
    """notice.ki_heading and ki_marker: ■締結式概要 at the left with （１） items (PDF and
    DOCX alike), and a plain list of labels without 記 or numbers, its items' text set
    one em in, as the DOCX sets it."""
    import zipfile
    path = variant(tmp_path, style="notice:\n  ki_heading: left\n  ki_marker: \"（{number}）\"\nwording:\n  ki: ■締結式概要\n")
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    text = no_space(pdf_text(pdf))
    assert "執り行います。■締結式概要（１）日時令和６年（2024年）２月27日（火）" in text
    assert "（２）場所オホーツク合同庁舎" in text and "（４）次第" in text
    assert cli.main([str(path), "-o", str(tmp_path / "docx"), "--force", "--kinds", "press-notice",
                     "--format", "docx"]) == 0
    xml = zipfile.ZipFile(tmp_path / "docx" / path.stem / "press-notice.docx").read("word/document.xml").decode()
    assert "■締結式概要" in xml and "（１）" in xml and ">記<" not in xml
    path = variant(tmp_path, style="notice:\n  ki_heading: none\n  ki_marker: \"\"\n", name="plain.yaml")
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    text = no_space(pdf_text(pdf))
    assert "執り行います。日時令和６年（2024年）２月27日（火）11時00分～（30分程度）場所" in text
    assert "記" not in pdf_text(pdf).split("執り行います。")[1].split("次第")[0]


@needs_poppler
def test_inline_ki_labels_run_their_text_in_and_line_it_up(tmp_path, capsys):
    """notice.ki_label: inline: １　日時　令和６年…, every item's text from where the widest
    head ends (１　締結者　), a table's item keeping its label on its own line, and a label
    too long to run in (連携協力する内容) on its own line with its text under it; the
    DOCX alike."""
    path = variant(tmp_path, ("  closing_ijo:", "  ki: [date, place, signatories, agenda, {label: 取材受付, text: [会場入口"
                                                "にて受け付けます。]}, {label: 連携協力する内容, text: [研究開発の推進に関"
                                                "すること]}]\n  closing_ijo:"),
                   style="notice:\n  ki_label: inline\n  ki_label_gap: \"：\"\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = [line.strip() for line in pdf_text(pdf).splitlines() if line.strip()]
    date = next(line for line in lines if line.startswith("１"))
    assert no_space(date) == "１日時：令和６年（2024年）２月27日（火）11時00分～（30分程度）"
    assert no_space(next(line for line in lines if line.startswith("３"))) == "３締結者："
    assert "６連携協力する内容：" in [no_space(line) for line in lines]
    text = no_space(pdf_text(pdf))
    assert "６連携協力する内容：研究開発の推進に関すること" in text
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)
    # the texts start at one x: 日時's and 場所's first characters
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        chars = doc.pages[0].chars

    rows = {}
    for c in chars:
        rows.setdefault(round(c["top"]), []).append(c)
    rows = [sorted(row, key=lambda c: c["x0"]) for row in rows.values()]

    def text_start(label):           # x of the first character after the label's ：, on its line
        row = next(r for r in rows if label + "：" in "".join(c["text"] for c in r))
        return row["".join(c["text"] for c in row).index(label + "：") + len(label) + 1]["x0"]
    assert abs(text_start("日時") - text_start("取材受付")) < 0.5


@needs_poppler
def test_the_release_after_the_signing_sets_its_ki_in_the_houses_form_too(tmp_path, capsys):
    path = variant(tmp_path, ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n    opening: [本日、締結しました。]\n"
                                                "    extra_items: [{label: 場所, text: [オホーツク合同庁舎]}]\n  closing_ijo:"),
                   style="notice:\n  ki_heading: left\n  ki_marker: \"（{number}）\"\n  ki_label: inline\n"
                         "  ki_label_gap: \"：\"\nwording:\n  ki: 【締結の概要】\n")
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0, \
        capsys.readouterr().err
    text = no_space(pdf_text(tmp_path / "out" / path.stem / "press-notice-after.pdf"))
    assert ("本日、締結しました。【締結の概要】（１）締結日：令和６年（2024年）２月27日（火）（２）締結者："
            "北海道オホーツク総合振興局長") in text
    assert "（３）場所：オホーツク合同庁舎" in text


@pytest.mark.parametrize("house, key, message", [
    ("notice:\n  ki_label_gap: \"：\"\n", "notice.ki_label_gap",
     "the gap follows an inline label (ki_label: inline); with the label on its own line it would have no effect"),
    ("notice:\n  ki_marker: \"{n}.\"\n", "notice.ki_marker", "{n} is not a placeholder here; use {number}"),
    ("notice:\n  ki_heading: none\nwording:\n  ki: 【概要】\n", "wording.ki",
     "notice.ki_heading is none, so the 記 block prints no heading and this word would have no effect"),
])
def test_a_ki_form_that_cannot_print_is_refused(tmp_path, capsys, house, key, message):
    path = variant(tmp_path, style=house)
    code, out, err = check(path, capsys)
    line = 4 if key == "wording.ki" else 2
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:{line}: {key}: {message}" in err


@needs_poppler
def test_a_subtitle_under_the_subject(tmp_path, capsys):
    path = variant(tmp_path, ("  subject: ", "  subtitle: ～民・国連携した森林整備をめざして～\n  subject: "))
    text = notice_text(path, tmp_path, capsys)
    assert "項目北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について～民・国連携した森林整備をめざして～" in text


@needs_poppler
def test_the_date_of_issue_in_a_form_of_its_own(tmp_path, capsys):
    """dates.issue_calendar and issue_weekday: a release dated 2024年２月16日 at its top
    (滋賀県, 鳥取県, 山形県), the ceremony's date as the house writes every other date."""
    path = variant(tmp_path, style="dates: {issue_calendar: western, issue_weekday: none}\n")
    text = notice_text(path, tmp_path, capsys)
    assert "2024年２月16日配布" in text and "令和６年（2024年）２月16日" not in text
    assert "１日時令和６年（2024年）２月27日（火）11時00分～" in text


@needs_poppler
def test_no_issuing_office_under_the_date(tmp_path, capsys):
    """issuing_office: false (浪江町's own page, a university's news page: the letterhead or
    the site names the office): the date alone, then the subject, in the notice and the
    release after the signing; the DOCX alike; the PDF's author is still the issuer."""
    path = variant(tmp_path, ("  issue_date: 2024-02-16\n", "  issue_date: 2024-02-16\n  issuing_office: false\n"),
                   ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n    opening: [本日、締結しました。]\n  closing_ijo:"))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = [no_space(x) for x in pdf_text(pdf).splitlines() if x.strip()]
    dated = next(i for i, x in enumerate(lines) if x.startswith("令和６年（2024年）２月16日"))
    assert lines[dated + 1].startswith("項目") and "北海道オホーツク総合振興局" not in lines[dated]
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0
    after = [no_space(x) for x in pdf_text(tmp_path / "out" / path.stem / "press-notice-after.pdf").splitlines()
             if x.strip()]
    dated = next(i for i, x in enumerate(after) if x.startswith("令和６年（2024年）２月27日"))
    assert after[dated + 1].startswith("項目"), after[dated:dated + 2]


@needs_poppler
@pytest.mark.parametrize("digits, printed", [(None, "2024年02月06日配布"), ("full", "２０２４年０２月０６日配布")])
def test_the_date_of_issue_with_its_month_and_day_in_two_digits(digits, printed, tmp_path, capsys):
    """dates.issue_two_digits (鳥取県: 2025年07月10日提供): the issue date's month and day
    zero-padded, in the house's digits; every other date as before (２月27日); the DOCX
    and the release after the signing alike."""
    house = "dates: {issue_calendar: western, issue_weekday: none, issue_two_digits: true}\n"
    path = variant(tmp_path, ("  issue_date: 2024-02-16", "  issue_date: 2024-02-06"),
                   ("  closing_ijo:", "  after:\n    issue_date: 2024-03-01\n    opening: [本日、締結しました。]\n"
                                      "  closing_ijo:"),
                   style=house + (f"digits: {digits}\n" if digits else ""))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert printed in text and ("２月27日（火）" in text or "２月２７日（火）" in text)
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == text
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0
    after = no_space(pdf_text(tmp_path / "out" / path.stem / "press-notice-after.pdf"))
    assert ("2024年03月01日" if digits is None else "２０２４年０３月０１日") in after


# a weekday form as a house writes it: (the key's value, the date of issue, the ceremony's
# line, the deadline, what none of them may hold, the date after the signing, what it may
# not hold, the ceremony's date as the DOCX writes it or None)
_WEEKDAY_FORMS = [
    # dates.weekday: medium, as 大府市 writes it (令和4年3月15日(火曜))
    ("medium", "令和６年（2024年）２月16日（金曜）配布", "１日時令和６年（2024年）２月27日（火曜）11時00分～",
     "２月21日（水曜）", ("曜日", "（火）"), "令和６年（2024年）２月27日（火曜）", "曜日", None),
    # dates.weekday: long_plain, as 岐阜県's pages write it (平成20年3月14日金曜日): the weekday
    # straight after the day, the ceremony's time after the house's gap
    ("long_plain", "令和６年（2024年）２月16日金曜日配布", "１日時令和６年（2024年）２月27日火曜日11時00分～",
     "２月21日水曜日", ("曜日）", "（火）"), "令和６年（2024年）２月27日火曜日", "曜日）",
     "２月27日火曜日　11時00分～"),
]


@needs_poppler
@pytest.mark.parametrize("form, issued, ceremony, deadline, never, after_date, never_after, docx_ceremony",
                         _WEEKDAY_FORMS, ids=[f[0] for f in _WEEKDAY_FORMS])
def test_a_weekday_form_throughout_the_notice(tmp_path, capsys, form, issued, ceremony, deadline, never,
                                              after_date, never_after, docx_ceremony):
    """dates.weekday: the form in the date of issue, the ceremony's date, the request's
    deadline, the DOCX and the release after the signing alike; issue_weekday: the form
    for the date of issue alone."""
    path = variant(tmp_path, ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n"
                                                "    opening: [本日、締結しました。]\n  closing_ijo:"),
                   style=f"dates: {{weekday: {form}}}\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert issued in text
    assert ceremony in text
    assert deadline in text and not any(n in text for n in never)
    if docx_ceremony:
        assert docx_ceremony in docx_text(pdf.with_suffix(".docx"))   # the house's date_time_gap
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == text
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0
    after = no_space(pdf_text(tmp_path / "out" / path.stem / "press-notice-after.pdf"))
    assert after_date in after and never_after not in after
    path = variant(tmp_path, style=f"dates: {{issue_weekday: {form}}}\n", name="issue.yaml")
    text = notice_text(path, tmp_path, capsys)
    assert issued in text and "２月27日（火）" in text


@needs_poppler
@pytest.mark.parametrize("weekday, written", [("long_plain", "令和６年２月21日水曜日　17時までに"),
                                              ("long", "令和６年２月21日（水曜日）17時までに"),
                                              ("none", "令和６年２月21日17時までに")])
def test_a_deadline_keeps_its_weekday_in_full_apart_from_the_hour(weekday, written, tmp_path, capsys):
    """The request's deadline under dates.weekday: long_plain: the weekday has no bracket
    to hold it apart from the hour, and a full-width space stands between, as Japanese
    writes a date with its weekday and a time (２月21日水曜日　17時): in the PDF (a glyph
    of one em between 日 and 17, read back) and the DOCX alike; the bracketed form and
    the date without a weekday run on as before."""
    import pdfplumber
    path = variant(tmp_path, style=f"dates: {{weekday: {weekday}}}\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    assert written in docx_text(pdf.with_suffix(".docx"))
    with pdfplumber.open(pdf) as doc:
        chars = [c for page in doc.pages for c in page.chars]
    text = "".join(c["text"] for c in chars)
    at = text.index(written[:written.index("17時")])
    day = chars[at + written.index("17時") - 1 - ("　" in written)]
    hour = chars[at + written.index("17時")]
    assert day["text"] in "日）" and hour["text"] == "1", (day["text"], hour["text"])
    gap = hour["x0"] - day["x1"]
    if "　" in written:
        assert gap == pytest.approx(day["size"], abs=1.5), gap      # one em, the space's
    else:
        assert gap < day["size"] / 2, gap


def test_the_time_straight_after_a_weekday_without_brackets_is_refused(tmp_path, capsys):
    """date_time_gap: "" leaves the ceremony's time straight after the date, which the
    weekday's bracket holds apart; without brackets (long_plain) the weekday would run into
    the hour: the house style's file, line and key."""
    path = variant(tmp_path, style="dates: {weekday: long_plain}\nnotice:\n  date_time_gap: \"\"\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:3: notice.date_time_gap: date_time_gap: \"\" sets the" \
                         " ceremony's time straight after its date" in err, err
    assert "Traceback" not in err
    path = variant(tmp_path, style="dates: {weekday: long}\nnotice:\n  date_time_gap: \"\"\n")
    assert check(path, capsys)[0] == 0


@needs_poppler
def test_a_part_of_the_day_only(tmp_path, capsys):
    path = variant(tmp_path, ('    start: "11:00"\n    duration_note: 30分程度\n', "    time_of_day: 午後\n"))
    text = notice_text(path, tmp_path, capsys)
    assert "１日時令和６年（2024年）２月27日（火）午後２場所" in text


@needs_poppler
def test_the_year_left_out_is_printed_with_a_note_when_the_ceremony_is_in_another_year(tmp_path, capsys):
    path = variant(tmp_path, ("    date: 2024-02-27\n", "    date: 2025-01-10\n"),
                   ("  issue_date: 2024-02-16\n", "  issue_date: 2024-12-20\n"),
                   ("    deadline: 2024-02-21T17:00\n", "    deadline: 2024-12-26T17:00\n"),
                   style="dates: {event_year: false}\n")
    code, out, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    text = no_space(pdf_text(pdf))
    assert "１日時令和７年（2025年）１月10日（金）11時00分～" in text
    assert "当日取材いただける場合は、12月26日（木）17時までに" in text
    assert (f"note: {path}:{line_of(path, '    date: 2025-01-10')}: press_notice.ceremony.date: the house style"
            " leaves the year out of the ceremony's date, but the ceremony is not in the issue date's year") in out


@pytest.mark.parametrize("pairs, fragment, key, message", [
    ([("    duration_note:", "    time_of_day: 午後\n    duration_note:")], "time_of_day", "press_notice.ceremony.time_of_day",
     "give a start time or a part of the day (time_of_day), not both"),
    ([('    start: "11:00"\n', '    span: から\n')], "span:", "press_notice.ceremony.span",
     "span shapes the start time, and the ceremony has no start: it would have no effect"),
    ([("    date: 2024-02-27\n", "")], "start:", "press_notice.ceremony.start",
     "a time needs the ceremony's date (ceremony.date)"),
    ([("    venue: オホーツク合同庁舎　１階保健所会議室\n", "")], "venue_address", "press_notice.ceremony.venue_address",
     "there is no venue: it would have no effect"),
    ([("    span: から\n", "")], None, None, None),
])
def test_mistakes_in_the_ceremony_time_and_place(pairs, fragment, key, message, tmp_path, capsys):
    if fragment is None:           # the last case: a span with a start is fine
        path = variant(tmp_path, ('    start: "11:00"\n', '    start: "11:00"\n    span: から\n'))
        assert check(path, capsys)[0] == 0
        return
    path = variant(tmp_path, *pairs)
    code, _, err = check(path, capsys)
    assert code == 1
    assert has_error(err, path, fragment, key, message), err


def test_the_old_western_year_key_of_a_house_style_says_where_it_moved(tmp_path, capsys):
    path = variant(tmp_path, style="name: 他局\nwestern_year: false\n")
    code, _, err = check(path, capsys)
    assert code == 1
    assert (f"error: {tmp_path / 'house.yaml'}:2: western_year: western_year has moved: write dates:"
            " {calendar: era}") in err


def test_a_wrong_house_choice_names_the_key(tmp_path, capsys):
    path = variant(tmp_path, style="times: {clock: 24時間}\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"{tmp_path / 'house.yaml'}:1: times.clock:" in err


# ------------------------------------------------------------------ contacts

@needs_poppler
def test_a_contact_with_several_people_phones_fax_mail_and_an_address(tmp_path, capsys):
    path = variant(tmp_path, (CONTACT, RICH_CONTACT))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert text.endswith(
        "担当窓口オホーツク総合振興局地域創生部地域政策課地域政策課長杉村勝彦主査北野花子〒093-8585網走市北７条西３丁目"
        "代表0152-41-0631（内線2345）直通0152-41-0618電話0152-41-0699FAX0152-44-0000"
        "E-mailchiiki.seisaku@example.lg.jp")
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


@needs_poppler
def test_contact_lines_in_the_houses_form(tmp_path, capsys):
    """contacts.label_gap and phone_kind with the labels' wording: TEL:0152-…(直通) as
    university releases write them, FAX: and MAIL: alike, in the PDF and the DOCX."""
    path = variant(tmp_path, (CONTACT, RICH_CONTACT),
                   style="wording: {phone_label: TEL, fax_label: FAX, email_label: MAIL}\n"
                         "contacts: {label_gap: \":\", phone_kind: after, number_gap: \" / \"}\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert text.endswith(
        "〒093-8585網走市北７条西３丁目TEL:0152-41-0631（代表）（内線2345）TEL:0152-41-0618（直通）"
        "TEL:0152-41-0699/FAX:0152-44-0000MAIL:chiiki.seisaku@example.lg.jp")
    assert "TEL:0152-41-0699 / FAX:0152-44-0000" in pdf_text(pdf)       # on one line, parted as the house parts them
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


SUBJECT = "  subject: 北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について\n"


@needs_poppler
def test_a_notice_without_a_title(tmp_path, capsys):
    """press_notice.subject: false (弘前大学大学院医学研究科 2019, whose stored copy begins
    at its text): no title and no label printed, the text straight after the head; the
    document title in the file's properties (never printed) the agreement's, named in
    the build's output as chosen; the DOCX says what the PDF says."""
    path = variant(tmp_path, (SUBJECT, "  subject: false\n  subject_label: false\n"))
    code, out, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    words = pdf_words(pdf)
    assert "締結式について" not in words and "項目" not in words, words
    assert "press_notice.subject: the notice has no title (subject: false)" in out + err, (out, err)
    from pypdf import PdfReader
    title = "北海道オホーツク総合振興局と北見工業大学との包括連携協定"
    assert PdfReader(str(pdf)).metadata.title == title
    docx = pdf.with_suffix(".docx")
    assert f"<dc:title>{title}</dc:title>" in zipfile.ZipFile(docx).read("docProps/core.xml").decode()
    assert no_space(docx_text(docx)) == words


@needs_poppler
def test_a_notice_without_a_title_or_an_agreement(tmp_path, capsys):
    """subject: false beside no agreement: (豊沢川土地改良区, a report whose stored
    copy has no title and whose signing has no year to state): it crashed on the
    agreement's title; now the file's title (never printed) is the issuer's name, named
    in the build's output, in the PDF's and the DOCX's properties."""
    path = ROOT / "tests" / "data" / "real" / "toyosawagawa-hanamaki-838.yaml"
    code, out, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    assert ("is the issuer's name (the spec states no agreement), 豊沢川土地改良区" in out + err), (out, err)
    from pypdf import PdfReader
    assert PdfReader(str(pdf)).metadata.title == "豊沢川土地改良区"
    docx = pdf.with_suffix(".docx")
    assert "<dc:title>豊沢川土地改良区</dc:title>" in zipfile.ZipFile(docx).read("docProps/core.xml").decode()
    assert pdf_words(pdf).startswith("９月10日、豊沢川土地改良区と花巻市は")     # no title line before the text


@pytest.mark.parametrize("extra, house, fragment, key, message", [
    ("", None, "subject: false", "press_notice.subject_label", None),    # the house's 項　目 over nothing: left out, no error
    ("  subject_label: 件名\n", None, "subject_label: 件名", "press_notice.subject_label",
     "the notice has no title (subject: false), and its label would stand before nothing"),
    ("  subtitle: 〜副題〜\n", None, "subtitle:", "press_notice.subtitle",
     "the notice has no title (subject: false), and a subtitle is a line under the title"),
    ("", "notice:\n  date_place: before_title\n", "subject: false", "press_notice.subject",
     "the house sets the date of issue in the title's line (notice.date_place: before_title), and this notice"
     " has no title (subject: false)"),
])
def test_what_a_notice_without_a_title_cannot_print_is_refused(extra, house, fragment, key, message, tmp_path, capsys):
    """subject: false beside a label of the spec's own, a subtitle, or a house that dates
    its notices in the title's line: each would have nothing to stand with, refused at
    its key and line; the house's default label (項　目) is simply not printed."""
    path = variant(tmp_path, (SUBJECT, "  subject: false\n" + extra), style=house)
    code, _, err, _ = build(path, tmp_path, capsys)
    if message is None:
        assert code == 0, err
        return
    assert code == 1 and has_error(err, path, fragment, key, message), err


@needs_poppler
@pytest.mark.parametrize("own_lines", [False, True])
def test_a_postal_code_after_the_houses_word(own_lines, tmp_path, capsys):
    """wording.postal_label: a word before the postal code and the house's label_gap, as
    日高市 writes it (郵便番号:350-1292　日高市大字南平沢1020番地), no 〒 beside it; on the
    address's line or on its own (contacts.own_lines: [postal_code]); the DOCX alike."""
    apart = ", own_lines: [postal_code]" if own_lines else ""
    path = variant(tmp_path, (CONTACT, RICH_CONTACT),
                   style="wording: {postal_label: 郵便番号}\ncontacts: {label_gap: \":\"" + apart + "}\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    assert "〒" not in pdf_words(pdf)
    lines = _lines(_rows(pdf))
    if own_lines:
        assert "郵便番号:093-8585" in lines, [x for x in lines if "093" in x]     # a line of its own
    else:
        assert "郵便番号:093-8585網走市北７条西３丁目" in lines, lines
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


@needs_poppler
def test_contacts_under_one_role_share_one_box(tmp_path, capsys):
    """Two offices' contacts both お問い合わせ先 (as 十勝西部森林管理署 lists the town's
    cooperative and itself): one box, the heading once, both contacts in it; a contact of
    another role after them a box of its own; the DOCX alike."""
    two = ("    - role: お問い合わせ先\n      department: 大樹町森林組合\n      phone: 01558-6-3108\n"
           "    - role: お問い合わせ先\n      department: 十勝西部森林管理署\n      phone: 0155-24-6118\n"
           "    - role: 取材受付\n      department: 広報室\n      phone: 0155-24-6000\n")
    path = variant(tmp_path, (CONTACT, two))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = pdf_words(pdf)
    assert text.count("お問い合わせ先") == 1 and text.count("取材受付") == 1
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[-1]
        rules = [e["top"] for e in page.horizontal_edges if e["width"] > 300]   # the table's rules
        words = {w["text"]: w for w in page.extract_words()}

    def ruled_apart(a: str, b: str) -> bool:       # a rule of the table between the two
        top, bottom = sorted((words[a]["top"], words[b]["top"]))
        return any(top < y < bottom for y in rules)
    assert not ruled_apart("大樹町森林組合", "十勝西部森林管理署")
    assert ruled_apart("十勝西部森林管理署", "広報室")
    body = etree.fromstring(zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml"))
    row = next(tr for tr in body.iter(f"{W}tr") if "大樹町" in "".join(t.text or "" for t in tr.iter(f"{W}t")))
    assert "十勝西部森林管理署" in "".join(t.text or "" for t in row.iter(f"{W}t"))


@needs_poppler
def test_every_number_of_a_contact_on_one_line(tmp_path, capsys):
    """contacts.phone_lines: one — the phones and the FAX on one line, parted by
    number_gap (代表:03-3581-3351 直通:03-5521-8248, as 環境省 writes them); the DOCX alike."""
    contact = RICH_CONTACT.replace(', extension: "2345"', "").replace("        - {number: 0152-41-0699}\n", "")
    path = variant(tmp_path, (CONTACT, contact),
                   style="contacts: {label_gap: \":\", phone_lines: one, number_gap: \" \"}\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    line = next(x.strip() for x in pdf_text(pdf).splitlines() if "代表:" in x)
    assert line == "代表:0152-41-0631 直通:0152-41-0618 FAX:0152-44-0000"
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


@needs_poppler
@pytest.mark.parametrize("form, lines", [
    ("label", ["IP050-3160-5740", "携帯090-1234-5678", "IP電話050-3160-5741FAX0152-44-0000"]),
    ("after", ["電話050-3160-5740（IP）", "電話090-1234-5678（携帯）", "電話050-3160-5741（IP電話）FAX0152-44-0000"]),
])
def test_a_phones_kind_ip_or_mobile_in_either_form_of_the_house(form, lines, tmp_path, capsys):
    """Kinds offices print beside 直通 and 代表: an IP telephone line (宗谷森林管理署 2011:
    050-3160-5740(IP)), IP電話, a mobile (携帯): as the number's label (IP　050-…) or in （）
    after it where the house writes 電話　050-…（IP）; the DOCX alike."""
    contact = CONTACT.replace("      phone: 0152-41-0618\n      phone_kind: 直通\n",
                              "      phones:\n        - {number: 050-3160-5740, kind: IP}\n"
                              "        - {number: 090-1234-5678, kind: 携帯}\n"
                              "        - {number: 050-3160-5741, kind: IP電話}\n      fax: 0152-44-0000\n")
    path = variant(tmp_path, (CONTACT, contact), style=f"contacts: {{phone_kind: {form}}}\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    assert pdf_words(pdf).endswith("地域政策課長杉村勝彦" + "".join(lines)), pdf_words(pdf)[-120:]
    printed = [no_space(x) for x in pdf_text(pdf).splitlines()]
    assert all(line in printed for line in lines), printed[-6:]
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


@pytest.mark.parametrize("old, new, fragment, key, message", [
    ("      phone_kind: 直通\n", "      phone_kind: 内線\n", "phone_kind: 内線", "press_notice.contacts[0].phone_kind",
     "the text '内線' is not a phone's kind: write the extension's number as extension: beside the phone"),
    ("      phone_kind: 直通\n", "      phone_kind: FAX\n", "phone_kind: FAX", "press_notice.contacts[0].phone_kind",
     "the text 'FAX' is not a phone's kind: write the FAX number as the contact's fax:"),
    ("      phone: 0152-41-0618\n      phone_kind: 直通\n", "      phones: [{number: 0152-41-0618, kind: ファクス}]\n",
     "phones:", "press_notice.contacts[0].phones[0].kind",
     "the text 'ファクス' is not a phone's kind: write the FAX number as the contact's fax:"),
    ("      phone_kind: 直通\n", "      phone_kind: 夜間\n", "phone_kind: 夜間", "press_notice.contacts[0].phone_kind",
     "must be one of '直通', '代表', 'IP', 'IP電話', '携帯' or '携帯電話', got the text '夜間'"),
])
def test_what_is_no_phones_kind_is_refused_saying_where_it_goes(old, new, fragment, key, message, tmp_path, capsys):
    """内線 is an extension (extension:), FAX the contact's fax: — neither a phone's
    kind; another word is not one of the kinds. File, line and key, no traceback."""
    path = variant(tmp_path, (CONTACT, CONTACT.replace(old, new)))
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    assert has_error(err, path, fragment, key, message, after="  contacts:"), err


@pytest.mark.parametrize("old, new, fragment, key, message", [
    ("      title: 地域政策課長\n", "      title: 地域政策課長\n      people: [{title: 主査, name: 北野}]\n",
     "      title: 地域政策課長", "press_notice.contacts[0].title", "this contact lists its people under people:"),
    ("      phone_kind: 直通\n", "      phone_kind: 直通\n      phones: [{number: 0152-41-0631}]\n",
     "0152-41-0618", "press_notice.contacts[0].phone", "this contact lists its numbers under phones:"),
    ("      phone_kind: 直通\n", "      phone_kind: 直通\n      postal_code: 093-8585\n",
     "postal_code", "press_notice.contacts[0].postal_code", "there is no address: it would have no effect"),
    ("      phone_kind: 直通\n", "      phone_kind: 直通\n      postal_code: 09385\n      address: 網走市\n",
     "postal_code", "press_notice.contacts[0].postal_code", "write a postal code as seven digits 093-8585"),
    ("      phone: 0152-41-0618\n", "", "phone_kind", "press_notice.contacts[0].phone_kind",
     "phone_kind goes with a phone number, and there is none"),
    ("      phone_kind: 直通\n", "      phone_kind: 直通\n      people: [{note: 予定}]\n",
     "people:", "press_notice.contacts[0].people[0]", "a person needs a title or a name"),
])
def test_mistakes_in_a_contact_name_file_line_and_key(old, new, fragment, key, message, tmp_path, capsys):
    path = variant(tmp_path, (CONTACT, CONTACT.replace(old, new)))
    code, _, err = check(path, capsys)
    assert code == 1
    assert has_error(err, path, fragment, key, message, after="  contacts:"), err


# ------------------------------------------------------------------ an independent check

@needs_poppler
def test_the_rich_notices_pass_jpcheck(tmp_path, capsys):
    checker = ROOT.parent / "shared" / "tools" / "jpcheck.py"
    if not checker.is_file():
        pytest.skip("../shared/tools/jpcheck.py not present")
    sys.path.insert(0, str(checker.parent))
    import jpcheck
    rich = variant(tmp_path, (CEREMONY, RICH_KI), (CONTACT, RICH_CONTACT), name="rich.yaml")
    twelve = variant(tmp_path, (CONTACT, RICH_CONTACT), name="twelve.yaml", style=TWELVE)
    for path in (rich, twelve):
        code, _, err, pdf = build(path, tmp_path, capsys)
        assert code == 0, err
        found = jpcheck.check(str(pdf))
        assert found["violations"] == [], (path.name, found["violations"])


def test_the_annual_table_writes_dates_in_the_house_calendar(tmp_path):
    """One choice for every document: a western-calendar house's annual table says 2024年."""
    import csv
    from conftest import run_generate
    style = tmp_path / "house.yaml"
    style.write_text("dates: {calendar: western}\n", encoding="utf-8")
    result = run_generate("annual", "--fiscal-year", "2023", SEED_SPEC, "-o", tmp_path / "out", "--style", style)
    assert result.returncode == 0, result.stderr
    with open(tmp_path / "out" / "annual-2023.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][1] == "2024年２月27日"
    assert rows[1][7].startswith("2024年２月27日～2025年３月31日")          # [2]: the ISO date


# ------------------------------------------------------------------ a sentence before the contacts

_LEAD = "  contacts_lead: お問い合わせは、下記までお寄せください。\n  contacts:\n"
_OTHER = "      phone_kind: 直通\n    - department: 北見工業大学総務課\n      phone: 0157-26-9116\n"


@needs_poppler
def test_a_sentence_before_the_contacts_and_their_boxes_without_a_label(tmp_path, capsys):
    """愛媛大学 (2022): お問い合わせは、…下記まで… and then the contacts, in a box with no
    label. The request to the press keeps its labelled box, above the sentence; a
    contact with a role of its own (担当窓口) keeps its label; one without is not given
    the generator's 問合せ先. The DOCX alike, and the release after the signing too."""
    path = variant(tmp_path, ("  contacts:\n", _LEAD),
                   ("      phone: 0152-41-0618\n      phone_kind: 直通\n", "      phone: 0152-41-0618\n" + _OTHER),
                   ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n    opening: [本日、締結しました。]\n  closing_ijo:"))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    text = no_space(pdf_text(pdf))
    request, lead = text.index("報道に当たってのお願い"), text.index("お問い合わせは、下記までお寄せください。")
    assert request < lead < text.index("担当窓口") < text.index("北見工業大学総務課"), text
    assert "問合せ先" not in text
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)
    # the sentence stands on the page of the boxes it introduces
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        pages = [no_space(page.extract_text() or "") for page in doc.pages]
    assert [i for i, t in enumerate(pages) if "下記までお寄せください" in t] == \
        [i for i, t in enumerate(pages) if "担当窓口" in t]
    # the unlabelled contact's box spans the table: its text starts at the label column's left
    rows = _rows(pdf)
    left = lambda start: next(r for r in rows if no_space("".join(c["text"] for c in r)).startswith(start))[0]["x0"]  # noqa: E731
    assert left("北見工業大学総務課") < left("オホーツク総合振興局地域創生部") - 30
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0
    after = no_space(pdf_text(pdf.with_name("press-notice-after.pdf")))
    assert after.index("お問い合わせは、下記までお寄せください。") < after.index("北見工業大学総務課")
    assert "問合せ先" not in after


def test_a_sentence_before_no_contacts_is_refused(tmp_path, capsys):
    path = variant(tmp_path, ("  contacts:\n" + CONTACT, "  contacts_lead: お問い合わせは、下記まで。\n"))
    code, _, err = check(path, capsys)
    assert code == 1, err
    assert has_error(err, path, "contacts_lead:", "press_notice.contacts_lead",
                     "contacts_lead is the sentence before the contacts, and there is no contact"), err


@needs_poppler
def test_a_notice_without_a_header_a_subject_label_or_an_opening_heading(tmp_path, capsys):
    """文化庁 (2016) and 摂南大学 (2025) begin with their date and title: header: false
    prints no 報道機関各位, subject_label: false sets the subject as a centred title
    without 項　目, opening_heading: false no 内容 above the text. The DOCX alike; the
    release after the signing has neither the header nor the label either."""
    path = variant(tmp_path, ("press_notice:\n", "press_notice:\n  header: false\n  subject_label: false\n"
                                                 "  opening_heading: false\n"),
                   ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n    opening: [本日、締結しました。]\n  closing_ijo:"))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = [no_space(x) for x in pdf_text(pdf).splitlines() if x.strip()]
    subject = "北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について"
    assert lines[:3] == ["令和６年（2024年）２月16日（金）配布", "北海道オホーツク総合振興局", subject], lines[:4]
    assert lines[3].startswith("配付資料") and lines[4].startswith("今般、"), lines[3:5]
    assert not {"報道機関各位", "内容"} & set(lines) and not any(x.startswith("項目") for x in lines)
    row = next(r for r in _rows(pdf) if no_space("".join(c["text"] for c in r)) == subject)
    assert abs((row[0]["x0"] + row[-1]["x1"]) / 2 - 595.28 / 2) < 3        # centred on the A4 page
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--force", "--kinds", "press-notice-after"]) == 0
    after = [no_space(x) for x in pdf_text(pdf.with_name("press-notice-after.pdf")).splitlines() if x.strip()]
    assert after[1] == "北海道オホーツク総合振興局" and "報道機関各位" not in after and not after[2].startswith("項目")
