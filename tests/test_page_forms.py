"""Forms of a notice's page that real offices use, as the house style says them:

- notice.date_suffix_gap — what stands between the date of issue and the spec's
  date_suffix: 上尾市 writes 掲載日：2018年10月9日更新 (nothing), 茂原市 [2018年3月23日]
  (nothing, the brackets as prefix and suffix), 四国学院大学 2019.06.05 プレスリリース
  (nothing: the house's quarter em after Latin digits, never an ASCII space); the
  full-width space stays the default, and a suffix that begins with a closing mark
  follows the date straight (関西学院大学 2019.07.12., its stop never set apart);
- notice.venue_address: above — the venue's address on the line over the venue
  (九州地方整備局 2018: 福岡県北九州市… / 九州地方整備局関門航路事務所 ４階会議室);
- contacts.role_place: above — a contact box's role on a line of its own over the box
  (四国学院大学 2019: 【この件に関するメディアの方のお問い合わせ先】);
- press_notice.event_line — the ceremony's date, time and place on one line above the
  text, without labels, as the house writes them (山梨県 2019: 令和元年6月7日(金曜日)午前10時~
  株式会社コーセー日本橋本社); the day alone where the ceremony gives no hour or place (大分県
  2016: 平成28年８月23日 at the left above the text);
- notice.date_time_gap — what stands between the ceremony's date and its time, in the
  記 block's 日時 item and on the event line: a full-width space (the seed's) or nothing,
  as most offices' pages write it (山梨県, 鳥取県 2025: 令和7年7月15日(火)午前10時から…);
- ki: - {item: date, time_under: true} — the time on the line under the date (長野県林務部
  2011: 平成23年7月26日(火) / 午前11時00分から午前11時45分), a span's end followed by
  （予定） as the ceremony's duration_note;
- notice.date_place: before_title, after_title — the date of issue on the title's line, before
  it (大分県信用組合 2023: [05.11.07]大分県漁業…) or after it, a full-width space between
  (函館高専 2015: 北斗市と連携協定を締結いたしました 2015.06.23);
- ceremony.start_note — a note of the start alone in （） straight after it, before its
  から (大阪港湾局 2023, a signing in Panama: 令和5年3月22日(水曜日)午前9時30分(現地時間)から).

The real cases are built by the real command line and read back: the PDF's glyphs as a
reader sees them (spaces are drawn glyphs here, so a line's text is exact), the DOCX
reopened. A value the house cannot mean, or a key with no effect, is refused with file,
line and key.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pdfplumber
import pytest
from lxml import etree

from jpdocs import cli

from conftest import ROOT, needs_poppler, no_space
from test_notice_format import CONTACT, check, has_error, variant

REAL = ROOT / "tests" / "data" / "real"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CASES = ("ageo-fire-2018", "mobara-abekura-2018", "sgu-uchiko-2019", "qsr-kaido-2018", "yamanashi-kose-2019",
         "oita-kagome-2016", "kwansei-kakogawa-2019")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """Each case's press notice, PDF and DOCX, by its id."""
    out = tmp_path_factory.mktemp("page-forms")
    code = cli.main([*[str(REAL / f"{cid}.yaml") for cid in CASES], "-o", str(out),
                     "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0
    return {cid: out / cid / "press-notice.pdf" for cid in CASES}


def glyph_lines(pdf: Path) -> list[list[dict]]:
    """Each line a reader sees, its glyphs left to right (spaces are glyphs too)."""
    rows: dict[tuple[int, int], list] = {}
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages):
            for c in page.chars:
                rows.setdefault((number, round(c["bottom"])), []).append(c)
    return [sorted(row, key=lambda c: c["x0"]) for _, row in sorted(rows.items())]


def text_of(line: list[dict]) -> str:
    return "".join(c["text"] for c in line)


def docx_paragraphs(docx: Path) -> list[str]:
    body = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]


def docx_tables(docx: Path) -> list[etree._Element]:
    body = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    return list(body.iter(f"{W}tbl"))


# ------------------------------------------------------------------ the gap before the suffix

@needs_poppler
@pytest.mark.parametrize("cid, dated", [
    ("ageo-fire-2018", "掲載日：2018年10月９日更新"),          # 更新 straight after the date
    ("mobara-abekura-2018", "［2018年３月23日］"),            # the brackets close on the date
    ("sgu-uchiko-2019", "2019.06.05プレスリリース"),          # the category after the date, no space glyph
    ("kwansei-kakogawa-2019", "2019.07.12."),                # the page's stop closes the date, under the
])                                                           # house's default gap before words
def test_the_date_line_is_the_page_s(cid, dated, built):
    """The first line of the page is the date with its prefix and suffix and the house's
    gap between them, nothing else; the DOCX holds the same paragraph."""
    pdf = built[cid]
    first = glyph_lines(pdf)[0]
    assert text_of(first) == dated
    paragraphs = docx_paragraphs(pdf.with_suffix(".docx"))
    assert dated in paragraphs, paragraphs[:3]


@needs_poppler
def test_the_page_s_half_width_space_is_the_house_s_quarter_em(built):
    """2019.06.05 プレスリリース: the category starts a quarter em after the date's last
    digit (typesetting.latin_spacing, the date's own type of 10.5 points), as the page's
    half-width space shows it, with no space glyph (jpcheck refuses an ASCII space beside
    Japanese); not a full em as the default gap."""
    first = glyph_lines(built["sgu-uchiko-2019"])[0]
    five = next(k for k, c in enumerate(first) if c["text"] == "プ") - 1
    category = first[five + 1]
    assert first[five]["text"] == "5"
    assert category["x0"] - first[five]["x1"] == pytest.approx(category["size"] / 4, abs=0.3)


@needs_poppler
def test_the_gap_is_the_house_s_in_the_notice_and_the_release_after(tmp_path, capsys):
    """The seed's 配布 after a full-width space by default; a house that writes none
    gets none, in the notice and the release after the signing alike, in the PDF and the
    DOCX."""
    after = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n    opening: [本日、締結しました。]\n"
                               "  closing_ijo:")
    for style, gap in ((None, "　"), ("notice:\n  date_suffix_gap: \"\"\n", "")):
        folder = tmp_path / ("default" if style is None else "none")
        folder.mkdir()
        path = variant(folder, after, style=style)
        code = cli.main([str(path), "-o", str(folder / "out"), "--kinds", "press-notice,press-notice-after",
                         "--format", "pdf,docx"])
        assert code == 0, capsys.readouterr().err
        for name, day in (("press-notice", "２月16日（金）"), ("press-notice-after", "２月27日（火）")):
            pdf = folder / "out" / path.stem / f"{name}.pdf"
            want = f"令和６年（2024年）{day}{gap}配布"
            assert want in [text_of(line) for line in glyph_lines(pdf)], name
            assert want in docx_paragraphs(pdf.with_suffix(".docx")), name


@needs_poppler
def test_a_suffix_that_closes_the_date_takes_no_gap_in_either_release(tmp_path, capsys):
    """A suffix that begins with a closing mark (a stop, a bracket) follows the date of
    issue straight, under the default gap that sets words apart (２月16日（金）　配布), in
    the notice and in the release after the signing, whose own suffix it may be."""
    after = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n    date_suffix: ）\n"
                               "    opening: [本日、締結しました。]\n  closing_ijo:")
    path = variant(tmp_path, after, ("  issue_date: 2024-02-16\n", "  issue_date: 2024-02-16\n  date_suffix: 。\n"))
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    for name, dated in (("press-notice", "令和６年（2024年）２月16日（金）。"),
                        ("press-notice-after", "令和６年（2024年）２月27日（火））")):
        pdf = tmp_path / "out" / path.stem / f"{name}.pdf"
        assert dated in [text_of(line) for line in glyph_lines(pdf)], name
        assert dated in docx_paragraphs(pdf.with_suffix(".docx")), name


@pytest.mark.parametrize("key, values", [("date_suffix_gap", ("・", " ")), ("date_time_gap", ("、", " "))])
def test_a_gap_the_house_cannot_mean_is_refused(key, values, tmp_path, capsys):
    """Only a full-width space or nothing, before the date's suffix and between the
    ceremony's date and time: anything else would be text printed that no spec said,
    and a half-width space an ASCII space beside Japanese."""
    for value in values:
        path = variant(tmp_path, style=f"notice:\n  {key}: \"{value}\"\n")
        code, _, err = check(path, capsys)
        assert code == 1 and "Traceback" not in err
        style = tmp_path / "house.yaml"
        assert any(line.startswith(f"error: {style}:2: notice.{key}: ") for line in err.splitlines()), err


@needs_poppler
def test_the_date_and_time_gap_is_the_house_s(tmp_path, capsys):
    """The seed's 日時 item has a full-width space between the date and the hour; a house
    that writes none gets none, in the PDF and the DOCX, and nothing else of the item
    moves."""
    for style, gap in ((None, "　"), ("notice:\n  date_time_gap: \"\"\n", "")):
        folder = tmp_path / ("default" if style is None else "none")
        folder.mkdir()
        path = variant(folder, style=style)
        code = cli.main([str(path), "-o", str(folder / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
        assert code == 0, capsys.readouterr().err
        pdf = folder / "out" / path.stem / "press-notice.pdf"
        want = f"令和６年（2024年）２月27日（火）{gap}11時00分～（30分程度）"
        assert want in [text_of(line).strip("　") for line in glyph_lines(pdf)]
        assert want in [p.strip("　") for p in docx_paragraphs(pdf.with_suffix(".docx"))]


# ------------------------------------------------------------------ the address over the venue

@needs_poppler
def test_the_address_on_the_line_over_the_venue(built):
    """九州地方整備局: under 場所, the address a line of its own, then the venue on the
    next line, both at the item's text margin; in the DOCX two paragraphs in that order."""
    pdf = built["qsr-kaido-2018"]
    lines = glyph_lines(pdf)
    texts = [no_space(text_of(line)) for line in lines]
    at = texts.index("場所")
    assert texts[at + 1] == "福岡県北九州市小倉北区浅野3丁目7-38"
    assert texts[at + 2] == "九州地方整備局関門航路事務所４階会議室"
    assert lines[at + 1][0]["x0"] == pytest.approx(lines[at + 2][0]["x0"], abs=0.5)
    assert "（福岡県" not in "".join(texts)                              # no brackets, not after the venue
    paragraphs = [no_space(p) for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    at = paragraphs.index("福岡県北九州市小倉北区浅野3丁目7-38")
    assert paragraphs[at + 1] == "九州地方整備局関門航路事務所４階会議室"
    assert paragraphs[at - 1] == "場所"


@needs_poppler
def test_each_site_has_its_address_over_it(tmp_path, capsys):
    """The seed's venue and a site: each address on the line over what it locates, with
    the house's label before it."""
    sites = ("    venue_address: 網走市北７条西３丁目\n",
             "    venue_address: 網走市北７条西３丁目\n    sites:\n"
             "      - {name: 北見会場, venue: 北見工業大学　会議室, address: 北見市公園町165番地}\n")
    path = variant(tmp_path, sites, style="notice:\n  venue_address: above\n  venue_address_label: 住所：\n")
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf"])
    assert code == 0, capsys.readouterr().err
    texts = [no_space(text_of(line)) for line in glyph_lines(tmp_path / "out" / path.stem / "press-notice.pdf")]
    at = texts.index("住所：網走市北７条西３丁目")
    assert texts[at + 1] == "オホーツク合同庁舎１階保健所会議室"
    at = texts.index("住所：北見市公園町165番地")
    assert texts[at + 1] == "北見会場：北見工業大学会議室"


# ------------------------------------------------------------------ the contact's role over its box

@needs_poppler
def test_the_role_on_a_line_over_the_box(built):
    """四国学院大学: 【この件に関するメディアの方のお問い合わせ先】 a line of its own, at the
    margin, right over the box whose first line is the department; not in a label column
    (the department starts at the box's own margin, left of the page's middle); in the
    DOCX a paragraph before a table of one column that holds the contact alone."""
    pdf = built["sgu-uchiko-2019"]
    lines = glyph_lines(pdf)
    texts = [no_space(text_of(line)) for line in lines]
    role = "【この件に関するメディアの方のお問い合わせ先】"
    at = texts.index(role)
    assert texts[at + 1] == "四国学院大学広報担当"
    assert texts[at + 2:at + 5] == ["TEL:0877-62-2208", "E-mail:liaison★sg-u.ac.jp", "※★を@に変えてご連絡ください。"]
    with pdfplumber.open(pdf) as doc:
        margin = min(c["x0"] for c in doc.pages[0].chars)
        rects = doc.pages[0].rects + doc.pages[0].lines
    assert lines[at][0]["x0"] == pytest.approx(margin, abs=0.5)          # the role at the margin
    assert lines[at + 1][0]["x0"] < margin + 15                          # no label column before the contact
    role_bottom, department_top = lines[at][0]["bottom"], lines[at + 1][0]["top"]
    assert any(role_bottom <= r["top"] <= department_top for r in rects)  # the box's top edge between them
    docx = pdf.with_suffix(".docx")
    paragraphs = docx_paragraphs(docx)
    assert role in paragraphs
    table = docx_tables(docx)[-1]
    cells = list(table.iter(f"{W}tc"))
    assert len(cells) == 1
    assert no_space("".join(t.text or "" for t in cells[0].iter(f"{W}t"))).startswith("四国学院大学広報担当")
    assert role not in "".join(t.text or "" for t in table.iter(f"{W}t"))


@needs_poppler
def test_roles_over_boxes_beside_the_request_and_a_lead(tmp_path, capsys):
    """The seed's request keeps its labelled box; each contact box has its role over it,
    a box without a role none, after the notice's sentence before the contacts."""
    contacts = (CONTACT, CONTACT + "    - department: 北見工業大学　総務課\n      phone: 0157-26-9116\n")
    lead = ("  contacts:\n", "  contacts_lead: お問い合わせは、下記までお寄せください。\n  contacts:\n")
    path = variant(tmp_path, contacts, lead, style="contacts:\n  role_place: above\n")
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf"])
    assert code == 0, capsys.readouterr().err
    texts = [no_space(text_of(line)) for line in glyph_lines(tmp_path / "out" / path.stem / "press-notice.pdf")]
    at = texts.index("担当窓口")
    assert texts[at - 1] == "お問い合わせは、下記までお寄せください。"
    assert texts[at + 1] == "オホーツク総合振興局地域創生部"
    assert "北見工業大学総務課" in texts and "問合せ先" not in texts
    assert any(t.startswith("報道に当たってのお願い") for t in texts)      # the request's label beside its box


def test_the_role_over_a_box_where_the_house_has_no_box_is_refused(tmp_path, capsys):
    """A house that sets the one contact on a line at the top has no box to set a role over."""
    path = variant(tmp_path, style="notice:\n  contacts_at: top\ncontacts:\n  role_place: above\n")
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    assert has_error(err, tmp_path / "house.yaml", "role_place", "contacts.role_place",
                     "the house sets the one contact on a line at the top (notice.contacts_at: top)"), err


# ------------------------------------------------------------------ the event line

@needs_poppler
def test_the_event_line_above_the_text(built):
    """山梨県: under the title, the date with its weekday in full, the hour and the
    place on one line, without 日時 or 場所, the house's forms (12-hour clock, ～ after a
    lone start, no gap before the hour); then the text; no 記 block. The DOCX holds the same paragraph, between
    the title and the text's first paragraph."""
    pdf = built["yamanashi-kose-2019"]
    texts = [text_of(line) for line in glyph_lines(pdf)]
    line = "令和元年６月７日（金曜日）午前10時～　株式会社コーセー日本橋本社"   # notice.date_time_gap: ""
    at = texts.index(line)
    assert no_space(texts[at - 1]) == "株式会社コーセーとの立地協定・森林整備協定締結式"
    assert no_space(texts[at + 1]).startswith("本日、株式会社コーセー")
    words = no_space("".join(texts))
    assert "日時" not in words and "場所" not in words and "記" not in words
    assert words.count("株式会社コーセー日本橋本社") == 1
    paragraphs = docx_paragraphs(pdf.with_suffix(".docx"))
    at = paragraphs.index(line)
    assert paragraphs[at - 1] == "株式会社コーセーとの立地協定・森林整備協定締結式"
    assert paragraphs[at + 1].startswith("本日、株式会社コーセー")


@needs_poppler
def test_the_event_line_of_the_day_alone(built):
    """大分県's 知事通信 (2016): the event's day, no hour or place, a line of its own under
    the title at the text's left margin (not set in as the paragraphs' first lines are),
    then the text; the DOCX alike."""
    pdf = built["oita-kagome-2016"]
    lines = glyph_lines(pdf)
    texts = [text_of(line) for line in lines]
    at = texts.index("平成28年８月23日")
    assert no_space(texts[at - 1]) == "知事通信「大分県とカゴメ株式会社との包括協定締結式」"
    assert no_space(texts[at + 1]).startswith("大分県とカゴメ株式会社（本社")
    assert lines[at][0]["x0"] < lines[at + 1][0]["x0"] - 5, (lines[at][0]["x0"], lines[at + 1][0]["x0"])
    assert no_space("".join(texts)).count("平成28年８月23日") == 1
    paragraphs = docx_paragraphs(pdf.with_suffix(".docx"))
    at = paragraphs.index("平成28年８月23日")
    assert paragraphs[at - 1] == "知事通信「大分県とカゴメ株式会社との包括協定締結式」"
    assert paragraphs[at + 1].startswith("大分県とカゴメ株式会社")


@needs_poppler
def test_the_event_line_takes_the_date_and_place_out_of_the_ki_block(tmp_path, capsys):
    """The seed without ki: its date, time, note and venue (the address in （） as the
    house sets it) on the line above the text's heading (a paragraph: broken where the
    line is full); the 記 block keeps 締結者 and 次第, numbered
    from １, with no 日時 or 場所."""
    path = variant(tmp_path, ("  ceremony:\n", "  event_line: true\n  ceremony:\n"))
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf"])
    assert code == 0, capsys.readouterr().err
    texts = [no_space(text_of(line)) for line in glyph_lines(tmp_path / "out" / path.stem / "press-notice.pdf")]
    line = "令和６年（2024年）２月27日（火）11時00分～（30分程度）オホーツク合同庁舎１階保健所会議室（網走市北７条西３丁目）"
    start = next(k for k, t in enumerate(texts) if t.startswith("令和６年（2024年）２月27日"))
    text = next(k for k, t in enumerate(texts) if t.startswith("今般、"))
    assert "".join(texts[start:text - 1]) == line             # broken where the line is full, under 内容
    assert texts[text - 1] == "内容"
    ki = texts[texts.index("記"):]
    assert "１締結者" in ki and "２次第" in ki
    assert not any(t.endswith("日時") or t.endswith("場所") for t in ki)


@pytest.mark.parametrize("pairs, fragment, key, message", [
    ((("    date: 2024-02-27\n    start: \"11:00\"\n    duration_note: 30分程度\n", ""),),
     "event_line", "press_notice.event_line", "the ceremony has no date (ceremony.date): it would have no effect"),
    ((("  ceremony:\n", "  ki: [date, signatories]\n  ceremony:\n"),),
     "ki: [date", "press_notice.ki[0].item", "the date is printed on the event line above the text already"),
])
def test_the_event_line_refused_where_it_would_print_nothing_or_twice(pairs, fragment, key, message, tmp_path,
                                                                      capsys):
    path = variant(tmp_path, ("  ceremony:\n", "  event_line: true\n  ceremony:\n"), *pairs)
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    assert has_error(err, path, fragment, key, message), err


def test_the_event_line_refused_where_the_place_takes_lines(tmp_path, capsys):
    """The address on a line of its own under the venue (notice.venue_address: line): the
    place is two lines, which one line cannot hold; refused, nothing written."""
    path = variant(tmp_path, ("  ceremony:\n", "  event_line: true\n  ceremony:\n"),
                   style="notice:\n  venue_address: line\n")
    out = tmp_path / "out"
    code = cli.main([str(path), "-o", str(out), "--kinds", "press-notice", "--format", "pdf"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert has_error(err, path, "event_line", "press_notice.event_line",
                     "the place is printed as 2 lines here (オホーツク合同庁舎　１階保健所会議室 / 網走市北７条西３丁目)"), err
    assert not list(out.rglob("*.pdf"))


# ------------------------------------------------------------------ the time under the date

@needs_poppler
def test_the_time_on_the_line_under_the_date(tmp_path, capsys):
    """長野県林務部's 日時: the date on a line, the span on the next (午前 repeated at its
    end: times.end_period: always), まで and （予定） after it (duration_note: 予定), both at
    the item's text margin; the DOCX two paragraphs in that order."""
    time = ('    start: "11:00"\n    duration_note: 30分程度\n',
            '    start: "11:00"\n    end: "11:45"\n    duration_note: 予定\n')
    ki = ("  ceremony:\n", "  ki: [{item: date, time_under: true}, place, signatories, agenda]\n  ceremony:\n")
    path = variant(tmp_path, time, ki, style="times:\n  clock: 12h\n  span: から\n  end_period: always\n")
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    pdf = tmp_path / "out" / path.stem / "press-notice.pdf"
    lines = glyph_lines(pdf)
    texts = [no_space(text_of(line)) for line in lines]
    at = texts.index("令和６年（2024年）２月27日（火）")
    assert texts[at - 1] == "１日時"
    assert texts[at + 1] == "午前11時00分から午前11時45分まで（予定）"
    assert lines[at][0]["x0"] == pytest.approx(lines[at + 1][0]["x0"], abs=0.5)
    paragraphs = [no_space(p) for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    at = paragraphs.index("令和６年（2024年）２月27日（火）")
    assert paragraphs[at + 1] == "午前11時00分から午前11時45分まで（予定）"


def test_the_time_under_where_there_is_no_time_is_refused(tmp_path, capsys):
    path = variant(tmp_path, ('    start: "11:00"\n    duration_note: 30分程度\n', ""),
                   ("  ceremony:\n", "  ki: [{item: date, time_under: true}, place, signatories, agenda]\n"
                                      "  ceremony:\n"))
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    assert has_error(err, path, "time_under", "press_notice.ki[0].time_under",
                     "time_under sets the ceremony's time under its date"), err


# ------------------------------------------------------------------ a note of the start alone

@needs_poppler
def test_the_start_note_stands_between_the_start_and_its_kara(tmp_path, capsys):
    """大阪港湾局's signing in Panama: the hour in the other country's time, its note in
    （） straight after the start and before から (午前11時00分（現地時間）から), where the
    duration note would stand after the span (午前11時00分から（現地時間）: another hour's
    reading). The PDF's 日時 line and the DOCX's paragraph alike."""
    path = variant(tmp_path, ('    start: "11:00"\n    duration_note: 30分程度\n',
                              '    start: "11:00"\n    start_note: 現地時間\n    span: から\n'),
                   style="times:\n  clock: 12h\n")
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    pdf = tmp_path / "out" / path.stem / "press-notice.pdf"
    texts = [no_space(text_of(line)) for line in glyph_lines(pdf)]
    assert "令和６年（2024年）２月27日（火）午前11時00分（現地時間）から" in texts, texts
    paragraphs = [no_space(p) for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    assert "令和６年（2024年）２月27日（火）午前11時00分（現地時間）から" in paragraphs, paragraphs


@pytest.mark.parametrize("time, key, message", [
    ('    start: "11:00"\n    end: "11:30"\n    start_note: 現地時間\n', "press_notice.ceremony.start_note",
     "start_note follows a start given without its end (午前９時30分（現地時間）から); beside an end, write the"
     " note as duration_note"),
    ("    start_note: 現地時間\n", "press_notice.ceremony.start_note",
     "start_note shapes the start time, and the ceremony has no start: it would have no effect"),
])
def test_a_start_note_beside_an_end_or_without_a_start_is_refused(time, key, message, tmp_path, capsys):
    """A note of the start beside an end would leave the end's time unsaid (its note is
    the duration note, after the span); without a start it would have no effect."""
    path = variant(tmp_path, ('    start: "11:00"\n    duration_note: 30分程度\n', time))
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    assert has_error(err, path, "start_note", key, message), err


# ------------------------------------------------------------------ words before the time

@needs_poppler
def test_the_time_prefix_stands_between_the_date_and_the_time(tmp_path, capsys):
    """海上保安庁's signing in the United States: the span in the other country's time, the
    words before it (令和６年５月９日（木曜）現地時間11:10～11:25), after the date's gap; a
    part of the day likewise. The PDF's 日時 line and the DOCX's paragraph alike."""
    path = variant(tmp_path, ('    start: "11:00"\n    duration_note: 30分程度\n',
                              '    start: "11:10"\n    end: "11:25"\n    time_prefix: 現地時間\n'))
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    pdf = tmp_path / "out" / path.stem / "press-notice.pdf"
    texts = [no_space(text_of(line)) for line in glyph_lines(pdf)]
    assert "令和６年（2024年）２月27日（火）現地時間11時10分～11時25分" in texts, texts
    paragraphs = [no_space(p) for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    assert "令和６年（2024年）２月27日（火）現地時間11時10分～11時25分" in paragraphs, paragraphs
    path = variant(tmp_path, ('    start: "11:00"\n    duration_note: 30分程度\n',
                              '    time_of_day: 午後\n    time_prefix: 現地時間\n'), name="afternoon.yaml")
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf"])
    assert code == 0, capsys.readouterr().err
    texts = [no_space(text_of(line)) for line in glyph_lines(tmp_path / "out" / "afternoon" / "press-notice.pdf")]
    assert "令和６年（2024年）２月27日（火）現地時間午後" in texts, texts


def test_a_time_prefix_without_a_time_is_refused(tmp_path, capsys):
    """Words before the time where the ceremony has no time would have no effect."""
    path = variant(tmp_path, ('    start: "11:00"\n    duration_note: 30分程度\n', "    time_prefix: 現地時間\n"))
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    assert has_error(err, path, "time_prefix", "press_notice.ceremony.time_prefix",
                     "time_prefix stands before the ceremony's time (現地時間11:10～11:25), and the ceremony has"
                     " no time (start or time_of_day): it would have no effect"), err


# ------------------------------------------------------------------ the date on the title's line

@needs_poppler
@pytest.mark.parametrize("place, notice_title, after_title", [
    ("before_title", "2024.02.16包括連携協定締結式について", "2024.02.28包括連携協定を締結しました"),
    ("after_title", "包括連携協定締結式について　2024.02.16", "包括連携協定を締結しました　2024.02.28"),
])
def test_the_date_on_the_titles_line(place, notice_title, after_title, tmp_path, capsys):
    """notice.date_place: before_title / after_title — the date of issue on the title's own
    line, before it straight on or after it past a full-width space, centred with it, in
    the notice and the release after the signing, PDF and DOCX; nowhere else (no date line
    in the head). The PDF's spaces are glyphs: the line is read exactly."""
    house = f"dates: {{issue_calendar: dots}}\nnotice:\n  date_place: {place}\n"
    after = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-28\n    date_suffix: \"\"\n"
             "    subject: 包括連携協定を締結しました\n    opening: [本日、締結しました。]\n  closing_ijo:")
    subject = ("  subject: 北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について",
               "  subject: 包括連携協定締結式について")
    path = variant(tmp_path, ("  issue_date: 2024-02-16\n", '  issue_date: 2024-02-16\n  date_suffix: ""\n'), after,
                   subject, style=house)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    for kind, title, day in (("press-notice", notice_title, "2024.02.16"),
                             ("press-notice-after", after_title, "2024.02.28")):
        lines = [text_of(line) for line in glyph_lines(out / f"{kind}.pdf")]
        titled = [t for t in lines if day in t]
        assert titled == [t for t in lines if "項　目" in t], (kind, lines[:6])     # one line: the title's
        assert titled[0].replace("項　目", "").strip("　 ") == title, titled
        paragraphs = [p for p in docx_paragraphs(out / f"{kind}.docx") if day in p]
        assert len(paragraphs) == 1 and paragraphs[0].endswith(title), paragraphs


def test_a_date_on_the_titles_line_refuses_an_alignment_of_its_own(tmp_path, capsys):
    """date_align: left beside date_place: after_title — the line is the title's and set as
    the title is: the alignment would have no effect; refused at the house's line."""
    path = variant(tmp_path, style="notice:\n  date_place: after_title\n  date_align: left\n")
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    assert (f"error: {tmp_path / 'house.yaml'}:3: notice.date_align: date_place: after_title sets the date of issue"
            " on the title's line, which is set as the title is: date_align would have no effect; remove it") in err, err


# ------------------------------------------------------------------ the date's prefix on its own line

@needs_poppler
def test_the_label_of_the_date_stands_on_its_own_line_over_it(tmp_path, capsys):
    """notice.date_prefix_line: own — 海上保安庁's 報道発表 (jcg-uscg-kcg-2024) sets 発表日 on a
    line of its own over 令和6年5月10日, at the left as its date; before, one line. In the
    PDF (two lines, the label's first) and the DOCX (one paragraph, a break between), in the
    notice and the release after the signing; by default the prefix stays on the date's line."""
    out = tmp_path / "out"
    code = cli.main([str(REAL / "jcg-uscg-kcg-2024.yaml"), "-o", str(out), "--kinds", "press-notice",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    pdf = out / "jcg-uscg-kcg-2024" / "press-notice.pdf"
    lines = glyph_lines(pdf)
    assert [text_of(line) for line in lines[:2]] == ["発表日", "令和６年５月10日"]
    assert lines[0][0]["x0"] == pytest.approx(lines[1][0]["x0"], abs=0.5)       # both at the left margin
    body = etree.fromstring(zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml"))
    first = next(p for p in body.iter(f"{W}p") if "".join(t.text or "" for t in p.iter(f"{W}t")).startswith("発表日"))
    assert [el.tag for el in first.iter(f"{W}t", f"{W}br")] == [f"{W}t", f"{W}br", f"{W}t"]
    after = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n    opening: [本日、締結しました。]\n"
                               "  closing_ijo:")
    for style, want in (("notice:\n  date_prefix_line: own\n", ["公開日：", "令和６年（2024年）２月27日（火）　配布"]),
                        (None, ["公開日：令和６年（2024年）２月27日（火）　配布"])):
        folder = tmp_path / ("own" if style else "default")
        folder.mkdir()
        path = variant(folder, after, ("issue_date: 2024-02-16", "date_prefix: 公開日：\n  issue_date: 2024-02-16"),
                       style=style)
        code = cli.main([str(path), "-o", str(folder / "out"), "--kinds", "press-notice-after", "--format", "pdf"])
        assert code == 0, capsys.readouterr().err
        rows = [text_of(line) for line in glyph_lines(folder / "out" / path.stem / "press-notice-after.pdf")]
        at = next(n for n, row in enumerate(rows) if row.startswith("公開日"))
        assert rows[at:at + len(want)] == want, rows[:6]


@pytest.mark.parametrize("prefix, space", [("発表日\u3000", "a full-width space"), ("発表日 ", "a space")],
                         ids=["full-width", "ascii"])
def test_a_prefix_ending_in_a_space_on_its_own_line_is_refused(prefix, space, tmp_path, capsys):
    """jcg-uscg-kcg-2024 with its 発表日 written as for the date's line (発表日　令和…):
    on a line of its own the space would end the line and separate nothing (before, it was
    printed there, unseen at the left, moving a right-aligned line off its edge). A space
    the user typed is never dropped: refused at the key, in check and in the build,
    nothing written; on the date's line (the default) it is printed as given."""
    (tmp_path / "styles").mkdir()
    for style in (REAL / "styles").glob("jcg*.yaml"):
        (tmp_path / "styles" / style.name).write_text(style.read_text(encoding="utf-8"), encoding="utf-8")
    text = (REAL / "jcg-uscg-kcg-2024.yaml").read_text(encoding="utf-8")
    assert "  date_prefix: 発表日 " in text
    path = tmp_path / "jcg-uscg-kcg-2024.yaml"
    path.write_text(text.replace("  date_prefix: 発表日 ", f'  date_prefix: "{prefix}"', 1), encoding="utf-8")
    line = next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if row.startswith("  date_prefix:"))
    out = tmp_path / "out"
    for argv in (["check", str(path)], [str(path), "-o", str(out), "--kinds", "press-notice", "--format", "pdf,docx"]):
        code = cli.main(argv)
        err = capsys.readouterr().err
        assert code == 1 and "Traceback" not in err, err
        assert (f"error: {path}:{line}: press_notice.date_prefix: date_prefix 「{prefix}」 ends in {space}, and the"
                " house sets the words before the date on a line of their own over the date line"
                " (notice.date_prefix_line: own): the space would stand at that line's end, where it separates"
                " nothing; remove it") in err, err
    assert not out.exists() or not [f for f in out.rglob("*") if f.is_file()]
    # the seed's house (the prefix on the date's line): the space separates, printed as given
    (tmp_path / "default").mkdir()
    path = variant(tmp_path / "default", ("issue_date: 2024-02-16", f'date_prefix: "{prefix}"\n  issue_date: 2024-02-16'))
    code = cli.main([str(path), "-o", str(tmp_path / "default" / "out"), "--kinds", "press-notice", "--format", "docx"])
    assert code == 0, capsys.readouterr().err
    body = etree.fromstring(zipfile.ZipFile(tmp_path / "default" / "out" / path.stem / "press-notice.docx")
                            .read("word/document.xml"))
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]
    assert any(text.startswith(f"{prefix}令和６年") for text in texts), texts[:6]


@pytest.mark.parametrize("house, where", [
    ("notice:\n  date_prefix_line: own\n  date_place: before_title\n", "date_place: before_title sets the date of"
                                                                       " issue in the title's line"),
    ("notice:\n  date_prefix_line: own\n  date_place: after_title\n", "date_place: after_title sets the date of issue"
                                                                      " in the title's line"),
    ("notice:\n  date_prefix_line: own\n  head_form: label_table\n", "head_form: label_table sets the date of issue"
                                                                     " in a row of the head's table, under its label"),
])
def test_a_prefix_line_with_no_date_line_is_refused(house, where, tmp_path, capsys):
    path = variant(tmp_path, style=house)
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err, err
    assert (f"error: {tmp_path / 'house.yaml'}:2: notice.date_prefix_line: date_prefix_line: own sets the words"
            f" before the date on a line of their own over the date line, and {where}, with no such line: it would"
            " have no effect; remove it") in err, err
