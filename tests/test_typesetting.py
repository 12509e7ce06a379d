"""Japanese line composition, checked on the finished PDF by glyph position.

The rule corpus puts each case exactly at a line boundary: k characters fill a
line, so the character at index k would start line 2 if lines were simply
filled. Every case is set single-style and multi-style (the characters around
the boundary in bold Gothic, another font), at two widths.
"""
from __future__ import annotations

import math
import re
import sys
import zipfile

import pdfplumber
import pytest

from jpdocs.content import model as m
from jpdocs.spec.style import Grid, load_style

from conftest import ROOT, SEED_SPEC, run_generate
from glyphs import HANGING, NO_END, NO_START, ink_right, is_japanese, read_lines, render, text_block

EM = 10.5                                           # body size of the house style
FILL = "組版規則日本語文書作成行政機関報道発表資料会議室総合振興局地域政策課"
WIDTHS = [0, 7.4]                                   # left indents (em): lines of 44.75 and 37.35 em
STYLE = load_style()


def filler(n: int, offset: int = 0) -> str:
    return "".join(FILL[(i + offset) % len(FILL)] for i in range(n))


def capacity(indent: float) -> int:
    left, right = text_block(STYLE, indent * EM)
    return math.floor((right - left) / EM + 1e-9)


def para(text: str, indent: float, multi: bool, around: int, **kw) -> m.Paragraph:
    """The text as a paragraph; multi-style sets text[around-3:around+3] in bold."""
    if multi:
        a, b = max(around - 3, 0), around + 3
        inlines = [m.Text(text[:a]), m.Text(text[a:b], bold=True), m.Text(text[b:])]
        inlines = [i for i in inlines if i.text]
    else:
        inlines = [m.Text(text)]
    return m.Paragraph(inlines, style="body", left_indent=indent, **kw)


def set_lines(text, indent, multi, around, style=STYLE, **kw):
    return read_lines(render([para(text, indent, multi, around, **kw)], style), style)


def check_rules(lines, text, indent, style=STYLE):
    """The checks every paragraph must pass."""
    left, right = text_block(style, indent * EM)
    assert "".join(l.text for l in lines) == text, "characters added, dropped or reordered"
    for i, line in enumerate(lines):
        ink = line.ink
        if i > 0:
            assert ink[0]["text"] not in NO_START, f"line {i + 1} starts with {ink[0]['text']}: {line.text}"
        assert ink[-1]["text"] not in NO_END, f"line {i + 1} ends with {ink[-1]['text']}: {line.text}"
        last = ink[-1]
        if last["text"] not in HANGING:
            assert ink_right(last) <= right + 0.5, f"{last['text']} passes the edge: {line.text}"
        if i < len(lines) - 1:                        # justified: non-final lines reach the edge
            assert last["x1"] >= right - 1.0, f"line {i + 1} ends {right - last['x1']:.1f}pt short: {line.text}"
        for a, b in zip(line.chars, line.chars[1:]):
            if " " in (a["text"], b["text"]):
                other = b["text"] if a["text"] == " " else a["text"]
                assert not is_japanese(other), f"ASCII space beside {other}: {line.text}"
        assert ink[0]["x0"] >= left - 0.5, f"line {i + 1} starts left of the text block"


# ------------------------------------------------------------ boundary corpus
STARTS = list("」）》』、。，．？！ーッょ々〜～・：％") + ["。」", "」。", "？」", "）、"]
ENDS = list("「（『【《") + ["￥1,000"]
WHOLE = ["……", "――", "0152-67-5621", "2024年", "１，０００", "Typesetting", "２月27日", "11時00分",
         "3.14", "50％"]


@pytest.mark.parametrize("multi", [False, True], ids=["single", "multi"])
@pytest.mark.parametrize("indent", WIDTHS)
@pytest.mark.parametrize("case", STARTS)
def test_no_line_starts_with_a_closing_mark(case, indent, multi):
    k = capacity(indent)
    text = filler(k) + case + filler(30, 7) + "。"
    lines = set_lines(text, indent, multi, k)
    assert len(lines) >= 2
    check_rules(lines, text, indent)


@pytest.mark.parametrize("multi", [False, True], ids=["single", "multi"])
@pytest.mark.parametrize("indent", WIDTHS)
@pytest.mark.parametrize("case", ENDS)
def test_no_line_ends_with_an_opening_mark(case, indent, multi):
    k = capacity(indent)
    text = filler(k - 1) + case + filler(30, 5) + "。"
    lines = set_lines(text, indent, multi, k - 1)
    check_rules(lines, text, indent)
    assert any(case in l.text for l in lines)


@pytest.mark.parametrize("multi", [False, True], ids=["single", "multi"])
@pytest.mark.parametrize("indent", WIDTHS)
@pytest.mark.parametrize("token", WHOLE)
@pytest.mark.parametrize("shift", [1, 2])
def test_inseparables_numbers_and_words_stay_whole(token, shift, indent, multi):
    k = capacity(indent)
    text = filler(k - shift) + token + filler(30, 3) + "。"
    lines = set_lines(text, indent, multi, k - shift)
    check_rules(lines, text, indent)
    assert any(token in l.text for l in lines), f"{token} split: {[l.text for l in lines]}"


@pytest.mark.parametrize("multi", [False, True], ids=["single", "multi"])
@pytest.mark.parametrize("indent", [0.4, 7.4])          # 0.65 em over: push-in cannot take it
def test_only_commas_and_full_stops_hang(indent, multi):
    k = capacity(indent)
    text = filler(k) + "。" + filler(k) + "、" + filler(20) + "。"
    lines = set_lines(text, indent, multi, k)
    check_rules(lines, text, indent)
    _, right = text_block(STYLE, indent * EM)
    hung = [l for l in lines[:-1] if ink_right(l.ink[-1]) > right + 0.5]
    assert hung and all(l.ink[-1]["text"] in HANGING for l in hung)


def test_hanging_can_be_turned_off():
    style = STYLE.model_copy(update={"typesetting": STYLE.typesetting.model_copy(
        update={"hanging_punctuation": False})})
    k = capacity(0)
    text = filler(k) + "。" + filler(k) + "、" + filler(20) + "。"
    lines = set_lines(text, 0, False, k, style=style)
    check_rules(lines, text, 0, style)
    _, right = text_block(style)
    assert all(ink_right(l.ink[-1]) <= right + 0.5 for l in lines)


# ------------------------------------------------------------ spacing
def advances(text: str, style=STYLE, **kw) -> dict:
    """x0 of each glyph of a one-line (so unjustified) paragraph, by index."""
    lines = read_lines(render([m.Paragraph([m.Text(text)], style="body", **kw)], style), style)
    assert len(lines) == 1
    return lines[0].chars


@pytest.mark.parametrize("pair", ["。「", "」（", "」「", "、「", "）」", "」。", "（「"])
def test_punctuation_pairs_take_one_and_a_half_em(pair):
    cs = advances("規則" + pair + "組版")
    i = 2
    assert cs[i + 2]["x0"] - cs[i]["x0"] == pytest.approx(1.5 * EM, abs=0.05)


def test_compression_can_be_turned_off():
    style = STYLE.model_copy(update={"typesetting": STYLE.typesetting.model_copy(
        update={"compress_punctuation": False})})
    cs = advances("規則。「組版」（注）", style)
    assert cs[4]["x0"] - cs[2]["x0"] == pytest.approx(2 * EM, abs=0.05)
    assert cs[7]["x0"] - cs[5]["x0"] == pytest.approx(2 * EM, abs=0.05)


@pytest.mark.parametrize("text, a, b", [("日本語Typeset組版", 2, 3), ("組版Typeset日本", 8, 9),
                                        ("第3回会議", 0, 1), ("第3回会議", 1, 2), ("令和６年２月16日", 5, 6)])
def test_quarter_em_between_japanese_and_latin(text, a, b):
    cs = advances(text)
    assert cs[b]["x0"] - cs[a]["x1"] == pytest.approx(0.25 * EM, abs=0.05 * EM)


@pytest.mark.parametrize("text, a, b", [("（2024年）", 0, 1), ("2024、組版", 3, 4), ("組版「AI」", 2, 3),
                                        ("組版 Typeset", 2, 3), ("ＡＢ組版", 1, 2)])
def test_no_latin_spacing_beside_brackets_punctuation_or_spaces(text, a, b):
    cs = advances(text)
    assert cs[b]["x0"] - cs[a]["x1"] == pytest.approx(0.0, abs=0.05)


def test_latin_spacing_can_be_turned_off():
    style = STYLE.model_copy(update={"typesetting": STYLE.typesetting.model_copy(
        update={"latin_spacing": False})})
    cs = advances("日本語Typeset組版", style)
    assert cs[3]["x0"] - cs[2]["x1"] == pytest.approx(0.0, abs=0.05)


def test_first_line_indent_is_one_em_never_a_space():
    text = filler(120) + "。"
    lines = read_lines(render([m.Paragraph([m.Text(text)], style="body", first_indent=1)]))
    left, _ = text_block(STYLE)
    assert lines[0].chars[0]["text"] == text[0]
    assert lines[0].chars[0]["x0"] == pytest.approx(left + EM, abs=0.1)
    assert lines[1].chars[0]["x0"] == pytest.approx(left, abs=0.1)
    check_rules(lines, text, 0)


def test_ideographic_space_keeps_its_full_width():
    cs = advances("　局長　中島　和彦")
    assert "".join(c["text"] for c in cs) == "　局長　中島　和彦"
    assert " " not in [c["text"] for c in cs]
    assert cs[4]["x0"] - cs[3]["x0"] == pytest.approx(EM, abs=0.05)
    assert cs[1]["x0"] - cs[0]["x0"] == pytest.approx(EM, abs=0.05)


# ------------------------------------------------------------ URLs, splits, headings, grid
def test_long_urls_break_only_after_url_punctuation():
    url = "https://www.example.jp/kouhou/press_release/2024/okhotsk-kitami/houkatsu-renkei.html?lang=ja&page=1#top"
    text = "詳しくは" + url + "を御覧ください。"
    lines = read_lines(render([m.Paragraph([m.Text(text)], style="body", left_indent=20)]))
    check_rules(lines, text, 20)
    inside = [l.text for l in lines if l.text.rstrip()[-1:].isascii() and l is not lines[-1]]
    assert inside and all(t[-1] in "/.-_?&=#" for t in inside), [l.text for l in lines]


def test_a_short_url_moves_whole():
    k = capacity(0)
    url = "https://example.jp/a"
    text = filler(k - 4) + url + filler(20) + "。"
    lines = read_lines(render([m.Paragraph([m.Text(text)], style="body")]))
    check_rules(lines, text, 0)
    assert any(url in l.text for l in lines)


def test_a_paragraph_split_across_pages_stays_clean():
    text = "".join(filler(40, i) + "、" for i in range(6)) + "終わり。"
    blocks = [m.Spacer(700), m.Paragraph([m.Text(text[:90]), m.Text(text[90:130], bold=True), m.Text(text[130:])],
                                         style="body", first_indent=1)]
    lines = read_lines(render(blocks))
    assert {l.page for l in lines} == {1, 2}
    assert "".join(l.text for l in lines) == text
    for i, line in enumerate(lines[1:], 1):
        assert line.ink[0]["text"] not in NO_START
    _, right = text_block(STYLE)
    page1 = [l for l in lines if l.page == 1]
    assert page1[-1].ink[-1]["x1"] >= right - 1.0, "the last line before the split is justified"


@pytest.mark.parametrize("indent, first_line", [(0, "北海道オホーツク総合振興局と北見工業大学との"),
                                                (10, "北海道オホーツク総合振興局と北見工業大学との")])
def test_titles_break_between_phrases(indent, first_line):
    """Between BudouX's phrases, and never inside a compound particle: at full width the
    first line once ended …締結式に (ついて alone under it); …締結式について is one phrase
    that the second line holds (writers/jlreq.py _phrase_ends)."""
    title = "北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について"
    lines = read_lines(render([m.Paragraph([m.Text(title)], style="title", left_indent=indent)]))
    assert lines[0].text == first_line
    assert "".join(l.text for l in lines) == title


def test_heading_keeps_a_name_in_brackets_whole():
    text = "令和６年度オホーツク地域連携事業「オホーツク・スマート林業推進会議」の開催について"
    lines = read_lines(render([m.Heading([m.Text(text)], style="title")]))
    assert len(lines) >= 2
    assert any("「オホーツク・スマート林業推進会議」" in l.text for l in lines), [l.text for l in lines]


def test_character_grid_puts_glyphs_on_cells():
    ts = STYLE.typesetting.model_copy(update={"compress_punctuation": False, "grid": Grid(chars=40, lines=36)})
    style = STYLE.model_copy(update={"typesetting": ts})
    text = filler(110) + "。"
    lines = read_lines(render([m.Paragraph([m.Text(text)], style="body", first_indent=1)], style), style)
    left, right = text_block(style)
    pitch = (right - left) / 40
    assert [len(l.text) for l in lines] == [39, 40, 32]
    for line in lines:
        for c in line.chars:
            cell = (c["x0"] - left - (pitch - EM) / 2) / pitch
            assert cell == pytest.approx(round(cell), abs=0.01), (c["text"], cell)
    steps = {round(b.chars[0]["bottom"] - a.chars[0]["bottom"], 2) for a, b in zip(lines, lines[1:])}
    assert len(steps) == 1 and steps.pop() > EM * 1.5


# ------------------------------------------------------------ the seed notice
def _jpcheck():
    path = ROOT.parent / "shared" / "tools" / "jpcheck.py"
    if not path.is_file():
        pytest.skip("../shared/tools/jpcheck.py not present")
    sys.path.insert(0, str(path.parent))
    import jpcheck
    return jpcheck


def test_every_bundled_example_passes_jpcheck(tmp_path):
    """The independent checker reports no violation on any PDF the bundled specs make."""
    jpcheck = _jpcheck()
    result = run_generate(ROOT / "specs", "-o", tmp_path, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    pdfs = sorted(tmp_path.rglob("*.pdf"))
    # every document each example asks for: both notices and overview sheets, the seed's agreement
    assert {p.relative_to(tmp_path).as_posix() for p in pdfs} >= {
        f"{spec.stem}/{kind}.pdf" for spec in (ROOT / "specs").glob("*.yaml") for kind in ("press-notice", "overview")
    } | {f"{SEED_SPEC.stem}/agreement.pdf"}
    for pdf in pdfs:
        found = jpcheck.check(str(pdf))
        assert found["violations"] == [], (pdf.name, found["violations"])


def test_seed_notice_body_is_justified_and_clean(tmp_path):
    result = run_generate(SEED_SPEC, "-o", tmp_path, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    lines = read_lines((tmp_path / SEED_SPEC.stem / "press-notice.pdf").read_bytes())
    left, right = text_block(STYLE)
    body = [l for l in lines if abs(l.ink[0]["x0"] - left) < 0.5 or abs(l.ink[0]["x0"] - left - EM) < 0.5]
    long = [l for l in body if len(l.ink) > 30]
    assert len(long) >= 10
    for l in long:
        assert ink_right(l.ink[-1]) <= right + 0.5 or l.ink[-1]["text"] in HANGING
    leading = STYLE.styles["body"].size * STYLE.styles["body"].leading
    for a, b in zip(lines, lines[1:]):
        continued = abs(b.chars[0]["bottom"] - a.chars[0]["bottom"] - leading) < 0.2
        starts_body = min(abs(a.ink[0]["x0"] - left - d) for d in (0, EM)) < 0.5
        if continued and starts_body and abs(b.ink[0]["x0"] - left) < 0.5:
            assert a.ink[-1]["x1"] >= right - 1.0, a.text            # non-final body lines reach the edge
            assert b.ink[0]["text"] not in NO_START
    text = "".join(l.text for l in lines)
    assert "局長" in text and "中島\u3000和彦" in text


# ------------------------------------------------------------ DOCX carries the same settings
def _docx_part(blocks, style, name):
    import io
    import zipfile

    from jpdocs.writers.docx import render_docx
    data = render_docx(m.Document(kind="test", title="組版試験", author="jpdocs", blocks=blocks), style)
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def test_docx_follows_the_house_typesetting_settings():
    ts = STYLE.typesetting.model_copy(update={"compress_punctuation": False, "hanging_punctuation": False,
                                              "latin_spacing": False, "grid": Grid(chars=40, lines=36)})
    style = STYLE.model_copy(update={"typesetting": ts})
    blocks = [m.Paragraph([m.Text("組版")])]
    doc, styles = _docx_part(blocks, style, "word/document.xml"), _docx_part(blocks, style, "word/styles.xml")
    settings = _docx_part(blocks, style, "word/settings.xml")
    grid = re.search(r'<w:docGrid w:type="linesAndChars" w:linePitch="(\d+)" w:charSpace="(\d+)"/>', doc)
    # the grid divides the text area, as the PDF's does: inside the margins less the 6pt frame padding
    assert grid and int(grid[1]) == 414                   # (267 mm - 12pt) / 36 lines, in twips
    assert 10.5 + int(grid[2]) / 4096 == pytest.approx((481.9 - 12) / 40, abs=0.01)   # (170 mm - 12pt) / 40 characters
    for flag in ('<w:overflowPunct w:val="0"/>', '<w:autoSpaceDE w:val="0"/>', '<w:snapToGrid w:val="1"/>'):
        assert flag in styles
    assert '<w:characterSpacingControl w:val="doNotCompress"/>' in settings
    plain = _docx_part(blocks, STYLE, "word/document.xml")
    assert 'w:type="linesAndChars"' not in plain


def test_a_grid_sets_the_running_text_and_leaves_the_overview_sheet_as_it_was(tmp_path):
    """The grid is the running text's (portrait pages): the overview sheet, one landscape
    page whose sizes shrink together to fit, did not fit the seed's areas when its lines
    were rounded up to whole grid lines; it is now the sheet made without a grid."""
    spec = (tmp_path / "spec.yaml")
    spec.write_text("style: style.yaml\n" + SEED_SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "style.yaml").write_text("typesetting:\n  grid: {chars: 40, lines: 36}\n", encoding="utf-8")
    plain = tmp_path / "plain.yaml"
    plain.write_text(SEED_SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    for path in (spec, plain):
        done = run_generate(path, "-o", tmp_path / "out", "--force", "--kinds", "press-notice,overview", "--format", "pdf,docx")
        assert done.returncode == 0, done.stderr
    gridded, free = tmp_path / "out" / "spec", tmp_path / "out" / "plain"
    def glyphs(path):
        with pdfplumber.open(path) as pdf:
            return [(c["text"], round(c["x0"], 2), round(c["top"], 2)) for page in pdf.pages for c in page.chars]
    assert glyphs(gridded / "overview.pdf") == glyphs(free / "overview.pdf")
    assert 'w:type="linesAndChars"' not in zipfile.ZipFile(gridded / "overview.docx").read("word/document.xml").decode()
    assert 'w:type="linesAndChars"' in zipfile.ZipFile(gridded / "press-notice.docx").read("word/document.xml").decode()


def test_line_breaks_and_an_empty_line():
    lines = read_lines(render([m.Paragraph([m.Text("一行目"), m.LineBreak(), m.LineBreak(), m.Text("三行目")])]))
    assert [l.text for l in lines] == ["一行目", "三行目"]
    leading = STYLE.styles["body"].size * STYLE.styles["body"].leading
    assert lines[1].chars[0]["bottom"] - lines[0].chars[0]["bottom"] == pytest.approx(2 * leading, abs=0.1)


@pytest.mark.parametrize("text, whole", [
    ("東京都千代田区霞が関１丁目11番15号", ["１丁目", "11番", "15号"]),
    ("北海道北見市公園町165番地", ["165番地"]),
    ("北海道網走市北７条西３丁目", ["７条", "３丁目"]),
    ("定員は30名です。", ["30名"]),
])
def test_a_number_and_its_counter_in_an_address_never_part(text, whole):
    """「11番15／号」 was seen in a signature block: like 27日 and 11時00分, a number
    keeps its counter (番地, 丁目, 番, 号, 条, 名 …) on its line."""
    from jpdocs.writers import jlreq
    n = len(text)
    p = jlreq.prepare(text, [10.0] * n, [10.0] * n, jlreq.Settings(), 100.0)
    for part in whole:
        at = text.index(part)
        assert not any(p.brk[i] for i in range(at + 1, at + len(part))), (text, part)


# ------------------------------------------------------------ every character of every class
# JLREQ Appendix A, written out (tests/test_jlreq.py holds the same lists for the
# composer's own tests): each character is put exactly where a simple fill would
# start (or end) a line with it.
NO_START_CLASSES = {
    "closing brackets": "’”）〕］｝〉》」』】｠〙〗〟»)]}",
    "hyphens": "‐〜゠–～",
    "dividing punctuation": "？！‼⁇⁈⁉?!",
    "middle dots": "・：；:;",
    "full stops": "。．.",
    "commas": "、，,",
    "iteration marks": "ヽヾゝゞ々〻",
    "prolonged sound mark": "ー",
    "small kana": "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ",
    "postfixes": "％‰℃°′″￠%",
}
NO_END_CLASSES = {
    "opening brackets": "‘“（〔［｛〈《「『【｟〘〖〝«([{",
    "prefixes": "￥＄￡＃€№",
}


def exact_indent() -> tuple[float, int]:
    """A left indent (em) that makes the line exactly k ems wide, so that a half-width
    character is as much at the boundary as a full-width one."""
    left, right = text_block(STYLE)
    k = capacity(0)
    return (right - left - k * EM) / EM, k


@pytest.mark.parametrize("cls", NO_START_CLASSES)
def test_every_no_start_character_at_a_forced_break(cls):
    indent, k = exact_indent()
    for ch in NO_START_CLASSES[cls]:
        text = filler(k) + ch + filler(30, 7) + "。"
        lines = set_lines(text, indent, False, k)
        assert lines[0].text.startswith(filler(k - 1)), ch
        assert "".join(l.text for l in lines) == text, ch
        assert len(lines) >= 2, ch
        for i, line in enumerate(lines[1:], 2):
            assert line.ink[0]["text"] != ch, f"line {i} starts with {ch!r} ({cls}): {line.text}"


@pytest.mark.parametrize("cls", NO_END_CLASSES)
def test_every_no_end_character_at_a_forced_line_end(cls):
    indent, k = exact_indent()
    for ch in NO_END_CLASSES[cls]:
        text = filler(k - 1) + ch + filler(30, 5) + "。"
        lines = set_lines(text, indent, False, k - 1)
        assert "".join(l.text for l in lines) == text, ch
        assert len(lines) >= 2, ch
        # carried to the next line, or the line pushed in so that a character follows it
        for i, line in enumerate(lines, 1):
            assert line.ink[-1]["text"] != ch, f"line {i} ends with {ch!r} ({cls}): {line.text}"
