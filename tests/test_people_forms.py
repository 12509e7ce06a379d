"""People as real offices list them in a notice's 記 block (notice.people: joined and
tabulated, people_mark and people_title_spread with tabulated), a 記 list's marker in
the house's form (notice.list_marker, list_digits), and each party's words after its
last signer (ki: item: signatories, others_per_party).

Each notice is built by the real command line (PDF and DOCX); the PDF is read back
glyph by glyph (where each part of a line starts), the DOCX reopened. A key that
would have no effect stops the build with file, line and key.
"""
from __future__ import annotations

import zipfile

import pdfplumber
import pytest
from lxml import etree

from jpdocs import cli
from jpdocs.content import model as m
from jpdocs.writers.columns import fitted_widths

from conftest import ROOT, needs_poppler, no_space
from test_notice_format import (CEREMONY, PEOPLE_KI, RUNS, _agenda_and_release, _docx_paragraph_texts, _lines,
                                _rows, build, check, docx_text, has_error, pdf_words, variant)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REAL = ROOT / "tests" / "data" / "real"
TABULATED = "notice:\n  people: tabulated\n  people_mark: ・\n  people_title_spread: 4\n"


def _row(rows, text: str) -> list[dict]:
    """The glyphs of the line that reads `text` (spaces aside)."""
    return next(r for r in rows if no_space("".join(c["text"] for c in r)) == text)


def _x(row, char: str, nth: int = 0) -> float:
    return [c["x0"] for c in row if c["text"] == char][nth]


def _docx_tables(path) -> list[list[list[str]]]:
    """Each table of the DOCX, its rows' cells' texts."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return [[["".join(t.text or "" for t in tc.iter(W + "t")) for tc in tr.findall(W + "tc")]
             for tr in tbl.findall(W + "tr")] for tbl in root.iter(W + "tbl")]


# ------------------------------------------------------------------ tabulated

@needs_poppler
def test_people_tabulated_organisation_title_and_name_each_in_a_column_of_its_own(tmp_path, capsys):
    """notice.people: tabulated with people_mark: ・ and people_title_spread: 4 (浪江町
    2026: ・双葉郡　浪江町 | 町　　長 | 吉田　栄光): the 締結者 each a row, the mark and
    the organisation at the item's margin, every title starting at one x past the widest
    organisation, every name at one x past the widest title; 学長 set across four em;
    a people item without organisations in two columns (・北見市長 | 辻　直孝), the groups
    of an item sharing one table, each label a row of its own, unmarked; the DOCX has
    the same tables and text."""
    path = variant(tmp_path, ("  closing_ijo:", PEOPLE_KI + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    agenda:"):], ""),
                   ("title: 北見工業大学学長", "title: 学長"), style=TABULATED)   # the organisation before 学長
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    rows = _rows(pdf)
    lines = _lines(rows)
    at = lines.index("３締結者")
    assert lines[at + 1:at + 12] == [
        "・北海道オホーツク総合振興局長中島和彦", "・北見工業大学学長鈴木聡一郎様", "４出席者", "・北見市長辻直孝",
        "・網走市長水谷洋一（予定）ほか", "５来賓等", "＜来賓＞", "・北海道議会議員北野太郎", "・網走花子", "＜立会人＞",
        "・網走市副市長南次郎"], lines[at:]
    first, second = _row(rows, lines[at + 1]), _row(rows, lines[at + 2])
    size = first[0]["size"]
    assert abs(first[0]["x0"] - second[0]["x0"]) < 0.5                       # the marks, one above the other
    assert _docx_tables(pdf.with_suffix(".docx"))[0][0] == ["・", "北海道オホーツク総合振興局長", "中島　和彦"]
    # the titles' column starts an em past the widest organisation (北見工業大学 after ・)
    org_end = next(c["x1"] for c in second if c["text"] == "学")
    assert abs(_x(first, "北") - _x(second, "学", 1)) < 0.5                   # 北海道…局長 over 学長
    assert _x(second, "学", 1) - org_end >= size - 0.5
    # 学長 across four em: 長 three em after 学
    assert abs(_x(second, "長") - _x(second, "学", 1) - 3 * size) < 0.5
    assert abs(_x(first, "中") - _x(second, "鈴")) < 0.5                      # the names' column
    assert _x(first, "中") - next(c["x1"] for c in first if c["text"] == "長") >= size - 0.5
    # no organisation in the people item: the mark before the title, the names in a column
    person = _row(rows, "・北見市長辻直孝")
    assert abs(person[0]["x0"] - first[0]["x0"]) < 0.5
    assert abs(_x(person, "辻") - _x(_row(rows, "・網走市長水谷洋一（予定）ほか"), "水")) < 0.5
    # the groups share one table: the names of both groups in one column, the labels at the margin
    guest = _row(rows, "・北海道議会議員北野太郎")
    assert abs(_x(guest, "北", 1) - _x(_row(rows, "・網走市副市長南次郎"), "南")) < 0.5
    assert abs(_row(rows, "＜立会人＞")[0]["x0"] - first[0]["x0"]) < 1.1
    docx_path = pdf.with_suffix(".docx")
    tables = _docx_tables(docx_path)
    assert ["・北見工業大学", "学長", "鈴木　聡一郎　様"] in tables[0], tables
    assert ["・北見市長", "辻　直孝"] in tables[1]
    assert tables[2][0] == ["＜来賓＞"] and ["・網走花子", ""] not in tables[2] and ["・", "網走　花子"] in tables[2]
    assert no_space(docx_text(docx_path)) == pdf_words(pdf)


@needs_poppler
def test_the_real_namie_signers_tabulated_and_its_list_numbered_half_width(tmp_path, capsys):
    """浪江町 2026 as its page sets it: ・双葉郡　浪江町 … 町　　長 … 吉田　栄光, five signers
    with their titles in one column (町　　長 as wide as 常務理事) and their names in
    another, the marks at ＜協定締結者＞'s margin; the fields numbered (1) with half-width
    brackets and digits, the text straight after the marker."""
    spec = REAL / "namie-tohoku-2026.yaml"
    code = cli.main([str(spec), "-o", str(tmp_path / "out"), "--format", "pdf,docx", "--force"])
    assert code == 0, capsys.readouterr().err
    pdf = tmp_path / "out" / spec.stem / "press-notice.pdf"
    rows = _rows(pdf)
    signers = [_row(rows, t) for t in ("・双葉郡浪江町町長吉田栄光", "・国立大学法人東北大学大学院農学研究科長北澤春樹",
                                       "・全国酪農業協同組合連合会常務理事工藤文彦", "・福島県酪農業協同組合代表理事組合長紺野宏",
                                       "・シャインコースト株式会社代表取締役専務山崎正典")]
    label = _row(rows, "＜協定締結者＞")
    size = label[0]["size"]
    # at the label's margin (the table's cells 1 pt in, as every table without rules)
    assert all(abs(r[0]["x0"] - label[0]["x0"]) < 1.1 for r in signers)
    titles = [_x(signers[0], "町", 1), _x(signers[1], "農"), _x(signers[2], "常"), _x(signers[3], "代"),
              _x(signers[4], "代")]
    names = [_x(signers[0], "吉"), _x(signers[1], "北", 1), _x(signers[2], "工"), _x(signers[3], "紺"),
             _x(signers[4], "山")]
    assert max(titles) - min(titles) < 0.5 and max(names) - min(names) < 0.5
    assert abs(_x(signers[0], "長") - titles[0] - 3 * size) < 0.5             # 町　　長, four em
    assert abs(_x(signers[2], "事") - titles[2] - 3 * size) < 0.5             # 常務理事
    line = _row(rows, "(1)教育、実習及び研究開発、技術開発等の推進に関すること")
    assert "".join(c["text"] for c in line[:3]) == "(1)"
    assert abs(line[3]["x0"] - line[2]["x1"]) < 0.5                            # 教 straight after )
    docx_path = pdf.with_suffix(".docx")
    assert ["・双葉郡　浪江町", "町長", "吉田　栄光"] in _docx_tables(docx_path)[0]
    assert "(1)教育、実習及び研究開発、技術開発等の推進に関すること" in [p.strip() for p in _docx_paragraph_texts(docx_path)]
    # the title set across its width in the DOCX too: character spacing on 町
    root = etree.fromstring(zipfile.ZipFile(docx_path).read("word/document.xml"))
    run = next(r for r in root.iter(W + "r") if "".join(t.text or "" for t in r.iter(W + "t")) == "町")
    assert run.find(W + "rPr/" + W + "spacing") is not None
    assert no_space(docx_text(docx_path)) == pdf_words(pdf)


@needs_poppler
def test_people_tabulated_under_a_step_of_the_agenda_and_in_the_release_after(tmp_path, capsys):
    """Tabulated under a step of a numbered 次第 (the signers, then the bank's officer;
    every title here begins with its organisation, so the mark stands before the title)
    and in the release after the signing's 締結者: the titles in one column, the names
    in another."""
    pdf = _agenda_and_release(tmp_path, capsys, "notice:\n  agenda: numbered\n  people: tabulated\n  people_mark: ・\n")
    rows = _rows(pdf)
    lines = _lines(rows)
    at = lines.index("（３）調印者挨拶")
    guest = "・株式会社北見銀行常務取締役北見太郎（きたみたろう）"
    assert lines[at + 1:at + 4] == ["・" + RUNS[0], "・" + RUNS[1], guest], lines[at:]
    first, second, third = (_row(rows, t) for t in lines[at + 1:at + 4])
    assert abs(_x(first, "北") - _x(second, "北")) < 0.5 and abs(_x(first, "北") - _x(third, "株")) < 0.5
    assert abs(_x(first, "中") - _x(second, "鈴")) < 0.5 and abs(_x(first, "中") - _x(third, "北", 1)) < 0.5
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)
    after = pdf.with_name("press-notice-after.pdf")
    rows = _rows(after)
    lines = _lines(rows)
    at = lines.index("２締結者")
    assert lines[at + 1:at + 3] == ["・" + r for r in RUNS]
    assert abs(_x(rows[at + 1], "中") - _x(rows[at + 2], "鈴")) < 0.5
    assert _docx_tables(after.with_suffix(".docx"))[0] == [["・北海道オホーツク総合振興局長", "中島　和彦"],
                                                           ["・北見工業大学学長", "鈴木　聡一郎　様"]]


def test_fitted_columns_give_way_where_they_would_not_fit():
    """fit="columns": each column but the last as wide as its widest line and an em;
    where that leaves the last less than its widest, the others give way (their cells
    break after a full-width space), and the widths still fill the table."""
    from jpdocs.spec.style import load_style
    style = load_style(None)

    def table(*rows):
        return m.Table([[m.Cell([m.Paragraph([m.Text(t)])]) for t in r] for r in rows], [1 / 3] * 3,
                       border="none", style="item", fit_columns=True)
    short = fitted_widths(table(("双葉郡　浪江町", "町長", "吉田　栄光")), 400.0, 1.0, style)
    size = style.styles["item"].size
    assert short[0] * 400 == pytest.approx(7 * size + 2 + 1 + size, abs=0.6)      # seven characters and an em
    assert sum(short) == pytest.approx(1)
    long = fitted_widths(table(("長" * 30, "代表取締役社長" * 2, "吉田　栄光")), 400.0, 1.0, style)
    assert sum(long) == pytest.approx(1) and long[2] * 400 >= 5 * size


# ------------------------------------------------------------------ joined

@needs_poppler
def test_people_joined_on_one_line_with_the_houses_comma(tmp_path, capsys):
    """notice.people: joined (大府市 2022: 大府市社会福祉協議会長　大山尚雄、大府市長　岡村秀人):
    every person of an item on one line at the items' text margin, 、 between them,
    ほか after the last; a group's label on its line, its people joined under it; the
    DOCX's paragraphs say the same, with no table."""
    path = variant(tmp_path, ("  closing_ijo:", PEOPLE_KI + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    agenda:"):], ""), style="notice:\n  people: joined\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    rows = _rows(pdf)
    lines = _lines(rows)
    at = lines.index("３締結者")
    assert lines[at + 1:at + 8] == ["、".join(RUNS), "４出席者", "北見市長辻直孝、網走市長水谷洋一（予定）ほか", "５来賓等",
                                    "＜来賓＞", "北海道議会議員北野太郎、網走花子", "＜立会人＞"], lines[at:]
    margin = rows[lines.index("オホーツク合同庁舎１階保健所会議室（網走市北７条西３丁目）")][0]["x0"]
    assert abs(rows[at + 1][0]["x0"] - margin) < 0.5
    docx_path = pdf.with_suffix(".docx")
    texts = [t.strip() for t in _docx_paragraph_texts(docx_path)]
    assert "北海道オホーツク総合振興局長　中島　和彦、北見工業大学学長　鈴木　聡一郎　様" in texts
    assert _docx_tables(docx_path) == [] or not any("辻" in c for t in _docx_tables(docx_path) for r in t for c in r)
    assert no_space(docx_text(docx_path)) == pdf_words(pdf)


@needs_poppler
def test_the_houses_name_first_order_reaches_every_person_it_lists(tmp_path, capsys):
    """notice.signer_order: name_title sets every person the house lists name first,
    not only the 締結者 (湘南鎌倉総合病院 2024: 小林 修三 院長、鵜川 美穂 看護部長 under
    its name): a people item (the note after the title: （予定）, then ほか) and the
    people of a group; a person without a title by the name alone. Before, the key set
    the signers alone and these printed title first, the key having no effect on them."""
    path = variant(tmp_path, ("  closing_ijo:", PEOPLE_KI + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    agenda:"):], ""), ("    honorific: 様\n", ""),
                   style="notice:\n  people: joined\n  signer_order: name_title\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = _lines(_rows(pdf))
    at = lines.index("４出席者")
    assert lines[at:at + 6] == ["４出席者", "辻直孝北見市長、水谷洋一網走市長（予定）ほか", "５来賓等", "＜来賓＞",
                                "北野太郎北海道議会議員、網走花子", "＜立会人＞"], lines[at:]
    assert lines[at + 6] == "南次郎網走市副市長"
    texts = [t.strip() for t in _docx_paragraph_texts(pdf.with_suffix(".docx"))]
    assert "辻　直孝　北見市長、水谷　洋一　網走市長（予定）　ほか" in texts, texts
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


@needs_poppler
@pytest.mark.parametrize("form, expected", [
    ("joined", ["５来賓等", "＜来賓＞北海道議会議員北野太郎、網走花子", "＜立会人＞網走市副市長南次郎"]),
    ("run", ["５来賓等", "＜来賓＞北海道議会議員北野太郎", "網走花子", "＜立会人＞網走市副市長南次郎"]),
])
def test_a_groups_people_on_its_labels_line(form, expected, tmp_path, capsys):
    """notice.group_label: inline (湘南鎌倉総合病院 2024: 湘南鎌倉総合病院 小林 修三 院長、…):
    each group's label, a full-width space, then its people on the same line (joined:
    all of them; run: the first, the rest a line each under it at the text margin); a
    people item without groups unchanged; the DOCX says the same."""
    path = variant(tmp_path, ("  closing_ijo:", PEOPLE_KI + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    agenda:"):], ""),
                   style=f"notice:\n  people: {form}\n  group_label: inline\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    rows = _rows(pdf)
    lines = _lines(rows)
    at = lines.index("５来賓等")
    assert lines[at:at + len(expected)] == expected, lines[at:]
    if form == "run":     # the second person under the first, at the text margin (after the label)
        first, second = rows[at + 1], rows[at + 2]
        assert abs(second[0]["x0"] - next(c["x0"] for c in first if c["text"] == "北")) > 10
        assert abs(second[0]["x0"] - first[0]["x0"]) < 0.5
    texts = [t.strip() for t in _docx_paragraph_texts(pdf.with_suffix(".docx"))]
    assert any(t.startswith("＜立会人＞　網走市副市長　南　次郎") for t in texts), texts
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


@needs_poppler
def test_a_group_label_ending_in_its_colon_is_its_own_gap(tmp_path, capsys):
    """group_label: inline with a label that ends in its colon (海上保安庁 2024: 日本側:渡邉 保範
    海上保安監): the person straight after the colon, no full-width space added after it;
    a label without one keeps the space (＜立会人＞　網走市副市長…). The DOCX alike."""
    ki = PEOPLE_KI.replace("{label: ＜来賓＞,", "{label: 来賓：,")
    path = variant(tmp_path, ("  closing_ijo:", ki + "  closing_ijo:"),
                   (CEREMONY[CEREMONY.index("    agenda:"):], ""),
                   style="notice:\n  people: run\n  group_label: inline\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    texts = [t.strip() for t in _docx_paragraph_texts(pdf.with_suffix(".docx"))]
    assert any(t.startswith("来賓：北海道議会議員　北野　太郎") for t in texts), texts
    assert any(t.startswith("＜立会人＞　網走市副市長　南　次郎") for t in texts), texts
    with pdfplumber.open(pdf) as doc:
        chars = [c for page in doc.pages for c in page.chars]
    colon = next(i for i, c in enumerate(chars) if c["text"] == "：" and chars[i - 1]["text"] == "賓")
    # the next glyph starts where the colon's em ends: no space between
    assert abs(chars[colon + 1]["x0"] - chars[colon]["x1"]) < 0.5, (chars[colon], chars[colon + 1])


@needs_poppler
def test_people_joined_under_a_step_and_in_the_release_after(tmp_path, capsys):
    """Joined under a step of a numbered 次第 and in the release after the signing, with
    the house's comma (wording.comma: ，)."""
    pdf = _agenda_and_release(tmp_path, capsys, "notice:\n  agenda: numbered\n  people: joined\nwording:\n  comma: ，\n")
    rows = _rows(pdf)
    lines = _lines(rows)
    at = lines.index("（３）調印者挨拶")
    # one paragraph, broken where the line is full, its second line at its first's margin
    assert "".join(lines[at + 1:at + 3]) == "，".join([*RUNS, "株式会社北見銀行常務取締役北見太郎（きたみたろう）"])
    assert lines[at + 3] == "（４）閉会" and abs(rows[at + 1][0]["x0"] - rows[at + 2][0]["x0"]) < 0.5
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)
    after = pdf.with_name("press-notice-after.pdf")
    lines = _lines(_rows(after))
    assert lines[lines.index("２締結者") + 1] == "，".join(RUNS)
    assert no_space(docx_text(after.with_suffix(".docx"))) == pdf_words(after)


# ------------------------------------------------------------------ a list's marker

@needs_poppler
@pytest.mark.parametrize("house, first", [
    ("notice:\n  list_marker: \"({number})\"\n  list_digits: half\n", "(1)"),
    ("notice:\n  list_marker: ⑴\n", "⑴"),
    ("digits: full\nnotice:\n  list_marker: \"{number}.\"\n", "１."),
])
def test_a_ki_lists_marker_in_the_houses_form_the_text_straight_after(house, first, tmp_path, capsys):
    """notice.list_marker and list_digits (浪江町: (1)教育、…): the entries of an item's
    list: marked in the house's form and digits, the text straight after the widest
    marker; the DOCX alike."""
    path = variant(tmp_path, ("  closing_ijo:", "  ki:\n    - date\n    - place\n    - signatories\n    - agenda\n"
                                                "    - {label: 配付物, list: [協定書（写し）, 連携事項の一覧]}\n  closing_ijo:"),
                   style=house)
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    rows = _rows(pdf)
    row = _row(rows, first + "協定書（写し）")
    mark = len(first)
    assert "".join(c["text"] for c in row[:mark]) == first
    assert abs(row[mark]["x0"] - row[mark - 1]["x1"]) < 0.5
    texts = [t.strip() for t in _docx_paragraph_texts(pdf.with_suffix(".docx"))]
    assert first + "協定書（写し）" in texts
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == pdf_words(pdf)


# ------------------------------------------------------------------ each party's words

@needs_poppler
@pytest.mark.parametrize("house", ["", "notice:\n  people: run\n", TABULATED])
def test_each_partys_words_after_its_last_signer(house, tmp_path, capsys):
    """ki: - {item: signatories, others_per_party: {…}} (埼玉県教育委員会 2024: 日吉亨
    教育長ら3名、矢口悦子学長ら3名): the spec's words straight after each party's last
    signer, as written, in every form of people; the release after the signing lists
    who signed, without them."""
    path = variant(tmp_path, ("  closing_ijo:", "  ki:\n    - date\n    - place\n"
                              "    - {item: signatories, others_per_party: {bureau: ら3名, kitami_it: ほか2名}}\n"
                              "    - agenda\n  after:\n    issue_date: 2024-02-27\n    opening: [本日、締結しました。]\n"
                              "  closing_ijo:"), style=house or None)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    pdf = tmp_path / "out" / path.stem / "press-notice.pdf"
    words = pdf_words(pdf)
    assert "北海道オホーツク総合振興局長中島和彦ら3名" in words and "北見工業大学学長鈴木聡一郎様ほか2名" in words, words
    assert "ら3名" in docx_text(pdf.with_suffix(".docx")) and "様ほか2名" in docx_text(pdf.with_suffix(".docx"))
    after = pdf_words(pdf.with_name("press-notice-after.pdf"))
    assert "中島和彦" in after and "ら3名" not in after and "ほか2名" not in after


# ------------------------------------------------------------------ keys with no effect

@pytest.mark.parametrize("house, line, key, message", [
    ("name: x\nnotice:\n  group_label: inline\n", 3, "notice.group_label",
     "a group's people run on after its label on one line where people are set as text (people: run or joined);"
     " with people: columns they stand in a table"),
    ("name: x\nnotice:\n  people: tabulated\n  group_label: inline\n", 4, "notice.group_label",
     "with people: tabulated they stand in a table, and it would have no effect"),
    ("name: x\nnotice:\n  people: joined\n  people_mark: ・\n", 4, "notice.people_mark",
     "the mark '・' goes before each person's line (people: run or tabulated); joined on one line"),
    ("name: x\nnotice:\n  people: run\n  people_title_spread: 4\n", 4, "notice.people_title_spread",
     "titles are set across a width in a column of their own (people: tabulated); with people: run it would"
     " have no effect"),
    ("name: x\nnotice:\n  people_title_spread: 4\n", 3, "notice.people_title_spread",
     "with people: columns it would have no effect"),
    ("name: x\nnotice:\n  list_marker: ⑴\n  list_digits: half\n", 4, "notice.list_digits",
     "list_digits would have no effect"),
    ("name: x\nnotice:\n  list_marker: \"({n})\"\n", 3, "notice.list_marker",
     "{number} must appear once in list_marker"),
])
def test_a_people_or_list_key_with_no_effect_is_refused_at_its_line(house, line, key, message, tmp_path, capsys):
    path = variant(tmp_path, style=house)
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:{line}: {key}: " in err and message in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize("entry, extra, fragment, key, message", [
    ("    - {label: 出席者, people: [{name: 辻}], others_per_party: {bureau: ら3名}}\n", (), "others_per_party",
     "press_notice.ki[4].others_per_party", "an item of your own has no party: it would have no effect"),
    ("    - {item: signatories, others_per_party: {}}\n", (), "others_per_party",
     "press_notice.ki[3].others_per_party", "others_per_party is empty"),
    ("    - {item: signatories, others: ほか, others_per_party: {bureau: ら3名}}\n", (), "others_per_party",
     "press_notice.ki[3].others", "write one of them"),
    ("    - {item: signatories, others_per_party: {zzz: ら3名}}\n", (), "others_per_party",
     "press_notice.ki[3].others_per_party.zzz", "'zzz' is not a party of this spec (parties: 北海道オホーツク総合振興局（bureau）, 北見工業大学（kitami_it）)"),
    ("    - {item: signatories, others_per_party: {kitami_it: ら3名}}\n",
     (("signatories: [bureau, kitami_it]", "signatories: [bureau]"),), "others_per_party",
     "press_notice.ki[3].others_per_party.kitami_it", "'kitami_it' does not sign at the ceremony"),
    ("    - {item: schedule, others_per_party: {bureau: ら3名}}\n", (), "others_per_party",
     "press_notice.ki[4].others_per_party", "the built-in item 'schedule' is made from the ceremony's facts;"
                                            " others_per_party would have no effect"),
])
def test_others_per_party_where_it_cannot_print_is_refused_at_its_line(entry, extra, fragment, key, message,
                                                                        tmp_path, capsys):
    """Each party's words: only after the 締結者 (item: signatories), a party of the
    spec that signs at the ceremony, not beside others (ほか); each refusal at the
    spec's file, line and key, exit 1, nothing written."""
    ki = "  ki:\n    - date\n    - place\n    - agenda\n" + ("    - signatories\n" if "signatories" not in entry else "")
    path = variant(tmp_path, ("  closing_ijo:", ki + entry + "  closing_ijo:"), *extra)
    if "schedule" in entry:          # the schedule the item would print
        path.write_text(path.read_text(encoding="utf-8").replace(
            "    agenda:", "    schedule: [{time: \"11:00\", item: 開会}]\n    agenda:", 1), encoding="utf-8")
    code, out, err, _ = build(path, tmp_path, capsys)
    assert code == 1, err
    assert has_error(err, path, fragment, key, message, after="  ki:"), err
    assert not (tmp_path / "out" / path.stem / "press-notice.pdf").exists()
