"""A release re-issued as corrected (press_notice.correction): the correction's own lines
close the notice's head, as 広島市 sets its 【修正】 報道資料 (`hiroshima-iinan-kawamoto-2024`):
the day of the correction in the date of issue's form with the word after it on one
line, the reason on the next, right-aligned as the head's lines, apart from what stands
above them and before the title.

The real case and variations of the seed are built by the real command line, PDF and
DOCX; the PDF read back line by line (text, left and right edges, baselines), the DOCX
reopened paragraph by paragraph. The checks stop with file, line and key and write
nothing.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from jpdocs import cli

from conftest import needs_poppler, no_space
from test_category_line import baselines
from test_contact_forms import docx_paragraphs, lines_of
from test_notice_format import CEREMONY, RICH_KI, line_of, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
ISSUED = "  issue_date: 2024-02-16\n"


def corrected(correction: str) -> tuple[str, str]:
    """The seed's replacement giving it `correction: {…}` after its date of issue."""
    return ISSUED, f"{ISSUED}  correction: {correction}\n"


def built(spec: Path, out: Path, capsys) -> Path:
    code = cli.main([str(spec), "-o", str(out), "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    return out / spec.stem


@needs_poppler
def test_the_hiroshima_correction_closes_the_head(tmp_path, capsys):
    """広島市's page: the date, the desk that answers (two lines), then apart from them the
    correction's day with 修正 after it and its reason, then the title; the DOCX the same
    paragraphs in the same order, the word after a full-width space."""
    out = built(REAL / "hiroshima-iinan-kawamoto-2024.yaml", tmp_path, capsys)
    lines = lines_of(out / "press-notice.pdf")
    texts = [text for text, _, _ in lines]
    head = ["令和6年（2024年）3月27日（水曜日）", "企画総務局広域都市圏推進課課長鍜治岡誠", "電話:504-2814内線:2290",
            "令和6年（2024年）3月28日（木曜日）修正", "ぶら下がり取材を行うこととしたため、修正します。"]
    assert texts[:5] == head, texts[:6]
    assert texts[5].startswith("【修正】「広島市と飯南町"), texts[5]
    assert sum("3月28日" in text for text in texts) == 1         # printed once, nowhere else
    # right-aligned as the date: every line of the head ends at the same right edge
    assert max(r for _, _, r in lines[:5]) - min(r for _, _, r in lines[:5]) < 1, lines[:5]
    # apart: the gap above the correction and above the title is wider than a line's step
    rows = [bottom for text, bottom in baselines(out / "press-notice.pdf")]
    step = rows[2] - rows[1]
    assert rows[3] - rows[2] > step + 6 and rows[5] - rows[4] > step + 6, rows[:6]
    assert abs(rows[4] - rows[3] - step) < 2, rows[:6]          # the reason right under its day (rounded)
    docx = [text for text in docx_paragraphs(out / "press-notice.docx") if text.strip()]
    assert docx[3:5] == ["令和6年（2024年）3月28日（木曜日）\u3000修正", "ぶら下がり取材を行うこととしたため、修正します。"]
    assert docx[2].startswith("電話") and docx[5].startswith("【修正】"), docx[:6]


@needs_poppler
@pytest.mark.parametrize("house, issued, fixed", [
    # the house's default: era and western year, the weekday short
    (None, "令和６年（2024年）２月16日（金）配布", "令和６年（2024年）２月19日（月）訂正"),
    # a house that dates its notices in a form of their own (dates.issue_calendar): the correction too
    ("dates:\n  issue_calendar: western\n", "2024年２月16日（金）配布", "2024年２月19日（月）訂正"),
])
def test_the_correction_takes_the_date_of_issue_s_form(house, issued, fixed, tmp_path, capsys):
    """The seed with 訂正 on 2024-02-19 and no reason: its one line after the offices
    under the date, in the date's form, the title next; no reason line."""
    spec = variant(tmp_path, corrected("{date: 2024-02-19, word: 訂正}"), style=house)
    out = built(spec, tmp_path / "out", capsys)
    texts = [text for text, _, _ in lines_of(out / "press-notice.pdf")]
    at = texts.index(issued)
    fixed_at = texts.index(fixed)
    assert fixed_at > at + 1, texts[:fixed_at + 2]                # the offices under the date first
    assert texts[fixed_at - 1] == "北海道オホーツク総合振興局", texts[:fixed_at + 2]
    assert texts[fixed_at + 1].startswith("項目北海道オホーツク"), texts[:fixed_at + 2]   # the title, no reason
    docx = [text for text in docx_paragraphs(out / "press-notice.docx") if text.strip()]
    at = docx.index(fixed.replace("訂正", "\u3000訂正"))
    assert "北海道オホーツク" in docx[at + 1] and docx[at - 1] == "北海道オホーツク総合振興局", docx[:at + 2]


def test_a_correction_on_the_day_of_issue_is_one(tmp_path, capsys):
    """Corrected the same day: allowed (the day before is not)."""
    spec = variant(tmp_path, corrected("{date: 2024-02-16, reason: 時間を改めたため、修正します。}"))
    assert cli.main(["check", str(spec)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("correction, issue, house, key, message", [
    ("{date: 2024-02-15, reason: 時間を改めたため、修正します。}", None, None, "press_notice.correction.date",
     "the correction is dated 2024-02-15, before the notice was issued (2024-02-16); check the date"),
    ('{date: 2024-02-19, reason: "\u3000"}', None, None, "press_notice.correction.reason",
     "the correction's reason is empty: write it, or remove the key (no line of reason is then printed)"),
    ('{date: 2024-02-19, reason: ""}', None, None, "press_notice.correction.reason",
     "the correction's reason is empty"),
    ("{date: 2024-02-19}", "none", None, "press_notice.correction",
     "the correction's lines stand under the date of issue, and the notice has none (issue_date: none)"),
    ("{date: 2024-02-19}", None, "notice:\n  date_place: foot\n", "press_notice.correction",
     "the house sets the date elsewhere (notice.date_place: foot)"),
    ("{date: 2024-02-19}", None, "notice:\n  head_form: label_table\n", "press_notice.correction",
     "the house sets the date elsewhere (notice.head_form: label_table)"),
    ("{date: 2024-02-19, wrod: 訂正}", None, None, "press_notice.correction.wrod",
     "unknown key 'wrod'; did you mean 'word'?"),
    ("{word: 訂正}", None, None, "press_notice.correction.date", "this key is required but missing"),
])
def test_a_correction_that_cannot_be_printed_is_refused(correction, issue, house, key, message, tmp_path, capsys):
    """Each mistake stops the build with exit 1 at the file, the correction's line and
    the key, and nothing is written."""
    pairs = [corrected(correction)]
    if issue:
        pairs.append((ISSUED, f"  issue_date: {issue}\n"))
    spec = variant(tmp_path, *pairs, style=house)
    _refused_at_the_correction(spec, key, message, tmp_path, capsys)


def _refused_at_the_correction(spec, key, message, tmp_path, capsys):
    """The build of `spec` stops with exit 1 at the file, the correction's line and `key`,
    its message holding `message`, and nothing is written."""
    code = cli.main([str(spec), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    err = capsys.readouterr().err
    prefix = f"error: {spec}:{line_of(spec, 'correction:')}: {key}: "
    assert code == 1 and any(line.startswith(prefix) and message in line for line in err.splitlines()), err
    assert "Traceback" not in err
    assert not (tmp_path / "out" / spec.stem).exists() or not any((tmp_path / "out" / spec.stem).iterdir())


RED = (1.0, 0.0, 0.0)


def _red_chars(pdf: Path) -> str:
    """The characters the PDF fills in red, in reading order."""
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        return "".join(c["text"] for page in doc.pages for c in page.chars
                       if tuple(c["non_stroking_color"] or ()) == RED)


def _coloured_runs(docx: Path) -> list[tuple[str, str]]:
    """(text, w:color) of each DOCX run that has a colour."""
    import docx as python_docx
    return [(r.text, str(r.font.color.rgb)) for p in python_docx.Document(str(docx)).paragraphs for r in p.runs
            if r.font.color is not None and r.font.color.rgb is not None]


def test_the_changed_parts_are_red_in_the_pdf_and_the_docx(tmp_path, capsys):
    """The seed corrected, two parts named as changed: a part of a 記 item's text (the place)
    and a part of the opening, named in the other order. Exactly those characters are red in the PDF and in red runs of the
    DOCX; the text around them, the reason that names one of them again, and every other
    character stay black; the text reads as before."""
    spec = variant(tmp_path, corrected("{date: 2024-02-19, reason: 場所を改めたため、修正します（修正箇所は赤字）。,"
                                       " changed: [１階保健所会議室, 包括連携協定を締結することとしました]}"))
    out = built(spec, tmp_path / "out", capsys)
    assert _red_chars(out / "press-notice.pdf") == "包括連携協定を締結することとしました１階保健所会議室"
    runs = _coloured_runs(out / "press-notice.docx")
    assert [text for text, _ in runs] == ["包括連携協定を締結することとしました", "１階保健所会議室"], runs
    assert {colour for _, colour in runs} == {"FF0000"}, runs
    (tmp_path / "plain").mkdir()
    plain = built(variant(tmp_path / "plain", corrected("{date: 2024-02-19}")), tmp_path / "out2", capsys)
    assert _red_chars(plain / "press-notice.pdf") == "" and _coloured_runs(plain / "press-notice.docx") == []


def test_a_house_chooses_the_colour_of_the_changed_parts(tmp_path, capsys):
    """colours.changed: the house's own red (#C00000) in both files."""
    spec = variant(tmp_path, corrected("{date: 2024-02-19, changed: [包括連携協定を締結することとしました]}"),
                   style='colours:\n  changed: "#C00000"\n')
    out = built(spec, tmp_path / "out", capsys)
    runs = _coloured_runs(out / "press-notice.docx")
    assert runs == [("包括連携協定を締結することとしました", "C00000")], runs
    import pdfplumber
    with pdfplumber.open(out / "press-notice.pdf") as doc:
        dark = "".join(c["text"] for c in doc.pages[0].chars if tuple(c["non_stroking_color"] or ())[:1] == (0.752941,))
    assert dark == "包括連携協定を締結することとしました", dark


@pytest.mark.parametrize("changed, key, message", [
    ("[ぶら下がり取材]", "press_notice.correction.changed[0]", "「ぶら下がり取材」 is not in the notice"),
    # in the reason only: the correction's own lines are not searched
    ("[場所を改めたため]", "press_notice.correction.changed[0]", "「場所を改めたため」 is not in the notice"),
    ("[１階保健所会議室, 北見]", "press_notice.correction.changed[1]", "「北見」 stands "),
    ("[]", "press_notice.correction.changed", "the correction's changed parts are an empty list"),
    ('[""]', "press_notice.correction.changed[0]", "empty"),
])
def test_a_changed_part_not_printed_once_is_refused(changed, key, message, tmp_path, capsys):
    """A part the notice does not print, or prints more than once, or an empty list: exit 1
    at the file, the correction's line and the key, nothing written."""
    spec = variant(tmp_path, corrected(f"{{date: 2024-02-19, reason: 場所を改めたため、修正します。, changed: {changed}}}"))
    _refused_at_the_correction(spec, key, message, tmp_path, capsys)


# --------------------------------------------------- a part of a run the model keeps whole
# A run set as one unit (a label spread across a width, 日　時; a name or an item's others
# kept whole on a line; the tracked 報道機関各位) that a part covers only in part: exactly
# the part's characters are red, and the run is set as before, its glyphs where they were
# (read by pdfium, which places glyphs as a viewer does: pdfminer drops a tracked line's
# character spacing where a run of glyphs ends, its colour changing there), its lines the same.

# a 記 item of RICH_KI under a label no other text of the notice holds a character of
SPREAD_KI = ("    - {label: 内容, text: [協定書への署名, 記念撮影]}\n", "    - {label: 祝辞, text: [協定書への署名, 記念撮影]}\n")


def _glyphs(pdf: Path) -> list[tuple[str, float, float]]:
    """Each glyph drawn (text, left, bottom), by pdfium, spaces it infers left out."""
    import pypdfium2
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        out = []
        for page in doc:
            text = page.get_textpage()
            for k in range(text.count_chars()):
                ch = text.get_text_range(k, 1)
                if ch.strip():
                    left, bottom, _, _ = text.get_charbox(k)
                    out.append((ch, round(left, 2), round(bottom, 2)))
        return out
    finally:
        doc.close()


def _docx_chars(docx: Path) -> list[tuple[str, str | None, str | None]]:
    """Each character of the DOCX's runs with its run's character spacing (w:spacing) and
    colour (w:color): how Word places and colours it."""
    import zipfile
    from lxml import etree
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    out = []
    for r in body.iter(f"{w}r"):
        spacing, colour = r.find(f"{w}rPr/{w}spacing"), r.find(f"{w}rPr/{w}color")
        for t in r.iter(f"{w}t"):
            out += [(ch, None if spacing is None else spacing.get(f"{w}val"),
                     None if colour is None else colour.get(f"{w}val")) for ch in t.text or ""]
    return out


def _marked_and_plain(tmp_path, capsys, changed: str, *pairs, style=None) -> tuple[Path, Path]:
    """The notice built twice from the seed so varied: corrected with `changed`, and
    corrected with no part named."""
    out = []
    for name, fields in (("marked", f", changed: {changed}"), ("plain", "")):
        (tmp_path / name).mkdir()
        spec = variant(tmp_path / name, *pairs, corrected(f"{{date: 2024-02-19{fields}}}"), style=style)
        out.append(built(spec, tmp_path / name / "out", capsys))
    return out[0], out[1]


def _same_but_the_colour(marked: Path, plain: Path, red: str) -> None:
    """The two builds differ only in the colour of `red`'s characters: the PDF's glyphs
    where they were, the DOCX's characters in the same runs' spacing, only `red` red."""
    assert _red_chars(marked / "press-notice.pdf") == red
    assert _glyphs(marked / "press-notice.pdf") == _glyphs(plain / "press-notice.pdf")
    ours, theirs = _docx_chars(marked / "press-notice.docx"), _docx_chars(plain / "press-notice.docx")
    assert [c[:2] for c in ours] == [c[:2] for c in theirs]
    assert "".join(ch for ch, _, colour in ours if colour == "FF0000") == red
    assert not any(colour for _, _, colour in theirs)


def test_a_part_of_a_spread_label_is_red_alone(tmp_path, capsys):
    """祝辞 spread across three em (notice.ki_label_spread: 3, 祝　　辞), the correction
    naming 祝 only: 祝 red, 辞 black, both where the spread sets them, in the PDF and
    (its character spacing the same) the DOCX."""
    marked, plain = _marked_and_plain(tmp_path, capsys, "[祝]", (CEREMONY, RICH_KI), SPREAD_KI,
                                      style="notice:\n  ki_label_spread: 3\n")
    _same_but_the_colour(marked, plain, "祝")
    assert any(sp not in (None, "0") for ch, sp, _ in _docx_chars(marked / "press-notice.docx") if ch == "祝")


def test_a_part_of_the_tracked_header_is_red_alone(tmp_path, capsys):
    """報道機関各位 set with its tracking (報 道 機 関 各 位), 各位 named: red in the PDF
    (where it was drawn black before: a tracked line took no colour) and the DOCX, the
    glyphs where they were."""
    marked, plain = _marked_and_plain(tmp_path, capsys, "[各位]")
    _same_but_the_colour(marked, plain, "各位")


def test_a_part_of_the_others_kept_whole_keeps_them_whole(tmp_path, capsys):
    """ほか関係者　約100名 kept whole after the name in its cell (too long for the line
    after 水谷川　洋一郎太: the whole of it on the next), 約100名 named: red alone, and the
    others still whole on their line (not ほか関係者 / 約100名), as without the part."""
    ki = RICH_KI.replace("{title: 網走市長, name: 水谷　洋一, note: 予定}", "{title: 網走市長, name: 水谷川　洋一郎太}")
    ki = ki.replace("others: ほか", "others: ほか関係者　約100名")
    marked, plain = _marked_and_plain(tmp_path, capsys, "[約100名]", (CEREMONY, ki))
    _same_but_the_colour(marked, plain, "約100名")
    lines = [text for text, _, _ in lines_of(marked / "press-notice.pdf")]
    assert "ほか関係者約100名" in lines, lines
    assert lines == [text for text, _, _ in lines_of(plain / "press-notice.pdf")]


def test_a_part_across_a_line_break_and_a_part_of_a_link_are_red_exactly(tmp_path, capsys):
    """The opening's first paragraph with a line break the spec writes (a newline), a
    part across it; a section's linked document, a part of its title: exactly those
    characters red in the PDF and the DOCX (the break none of them), the glyphs where
    they were, the link still the line's."""
    import yaml
    from conftest import SEED_SPEC
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    n = data["press_notice"]
    n["opening"][0] = n["opening"][0].replace("北見工業大学は、", "北見工業大学は、\n", 1)
    n["sections"] = [{"heading": "関連資料", "documents": [
        {"title": "連携協定書（写し）", "address": "https://www.example.jp/kyotei.pdf"}]}]
    builds = []
    for name, changed in (("marked", {"changed": ["北見工業大学は、\n持続可能で", "協定書（写"]}), ("plain", {})):
        n["correction"] = {"date": "2024-02-19", **changed}
        (tmp_path / name).mkdir()
        spec = tmp_path / name / "notice.yaml"
        spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        builds.append(built(spec, tmp_path / name / "out", capsys))
    marked, plain = builds
    _same_but_the_colour(marked, plain, "北見工業大学は、持続可能で協定書（写")
    import pdfplumber
    with pdfplumber.open(marked / "press-notice.pdf") as doc:
        links = [a for page in doc.pages for a in page.annots if a.get("uri")]
    assert [a["uri"] for a in links] == ["https://www.example.jp/kyotei.pdf"], links


def test_marking_flags_exactly_the_part_s_characters_and_cuts_no_run():
    """changed_parts._marked on runs of every kind, a part across a bold run, a plain one,
    a line break and into a spread label; then a second part beside it: each run kept
    whole and of its kind, flagged where the part covers it all, given the span it covers
    where only some; the line break unflagged; the pieces the writers colour are the parts."""
    from jpdocs.content import model as m
    from jpdocs.content.changed_parts import _marked
    runs = [m.Text("AB", True), m.Text("CD"), m.LineBreak(), m.Spread("EF", width=3.0), m.Whole("GH")]
    once = _marked(runs, 1, 6)                            # B, CD, the break, E
    assert [type(i) for i in once] == [type(i) for i in runs]
    assert [i.text for i in once if isinstance(i, m.Text)] == ["AB", "CD", "EF", "GH"]
    assert once[0] == m.Text("AB", True, changed_at=((1, 2),)) and once[1] == m.Text("CD", changed=True)
    assert once[3] == m.Spread("EF", width=3.0, changed_at=((0, 1),)) and once[4] == runs[4]
    twice = _marked(once, 6, 8)                           # F and G: the spread now changed whole
    assert twice[3] == m.Spread("EF", width=3.0, changed=True) and twice[4] == m.Whole("GH", changed_at=((0, 1),))
    assert [m.changed_pieces(i) for i in (twice[0], twice[4])] == [[("A", False), ("B", True)], [("G", True), ("H", False)]]
    # a writer cutting a run keeps the mark on its characters
    assert m.sliced(twice[4], 0, 1) == m.Whole("G", changed=True) and m.sliced(twice[4], 1, 2) == m.Whole("H")
