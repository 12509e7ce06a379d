"""Letter-spacing to a width (均等割付): a label, a title or a signature block's line set
across a number of em, as offices align them (日　時 / 場　所 / 出席者; 大 和 市 長 over
理　事　長; 覚　書). The characters stay the ones written; only the space between them
grows, none after the last, and no line breaks inside.

Read back from the real writers' output: glyph positions in the PDF (pdfplumber), runs
and their spacing in the DOCX, and the DOCX's pages as LibreOffice lays them out.
"""
from __future__ import annotations

import io
import subprocess
import zipfile

import pytest
from lxml import etree

from jpdocs import cli
from jpdocs.content import markup
from jpdocs.content import model as m
from jpdocs.errors import InputError
from jpdocs.spec.style import load_style
from jpdocs.writers.docx import render_docx

from conftest import ROOT, needs_poppler, no_space, pdf_text
from glyphs import page_rows, read_lines, render
from test_notice_format import build, check, variant

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SIZE = load_style().styles["body"].size


def doc(body: str) -> m.Document:
    return markup.parse(f'<document kind="t" title="t" author="a">{body}</document>')


def line_with(lines, text):
    return next(line for line in lines if line.text.startswith(text))


def ems_between(line, first: int, last: int, size: float = SIZE) -> float:
    """From the start of glyph `first` to the end of glyph `last`, in em."""
    return (line.chars[last]["x1"] - line.chars[first]["x0"]) / size


@needs_poppler
def test_a_spread_sets_its_characters_across_its_width_and_no_wider():
    lines = read_lines(render(doc('<p><spread width="5">理事長</spread>　古橋　大地</p>'
                                  '<p><spread width="5">大和市長</spread>　大木　哲</p>'
                                  '<p><spread width="3">出席者</spread>　学長</p>'
                                  '<p><spread width="2">国立大学法人</spread>　学長</p>').blocks))
    a, b = line_with(lines, "理事長"), line_with(lines, "大和市長")
    assert a.text == "理事長　古橋　大地"                   # no character added: the space is spacing
    assert ems_between(a, 0, 2) == pytest.approx(5, abs=0.01)
    assert ems_between(b, 0, 3) == pytest.approx(5, abs=0.01)
    gaps = [b.chars[i + 1]["x0"] - b.chars[i]["x1"] for i in range(3)]
    assert max(gaps) - min(gaps) < 0.01 and gaps[0] == pytest.approx(SIZE / 3, abs=0.01)   # alike
    # the text after a spread starts where the spread ends, as after any character
    assert a.chars[4]["x0"] - a.chars[2]["x1"] == pytest.approx(SIZE, abs=0.01)         # the U+3000 after it
    assert a.chars[4]["x0"] == pytest.approx(b.chars[5]["x0"], abs=0.01)                  # both 6 em in
    same = line_with(lines, "出席者")                     # already as wide: as it is
    assert ems_between(same, 0, 2) == pytest.approx(3, abs=0.01)
    wide = line_with(lines, "国立大学法人")               # wider: never squeezed
    assert ems_between(wide, 0, 5) == pytest.approx(6, abs=0.01)


@needs_poppler
def test_a_line_never_breaks_inside_a_spread():
    """A spread that would straddle the line's end moves to the next line whole."""
    filler = "あ" * 44
    lines = read_lines(render(doc(f'<p>{filler}<spread width="6">理事長</spread>です。</p>').blocks))
    second = next(line for line in lines if "理" in line.text)
    assert second.text.startswith("理事長")
    assert ems_between(second, 0, 2) == pytest.approx(6, abs=0.01)


@needs_poppler
def test_a_name_kept_whole_moves_to_the_next_line_whole():
    """<whole>久保　康之</whole> (a person's name after its title, notice.people: run): where
    the line must break, never inside it (久保 / 康之), but before it; set as it is, and a
    name longer than any line breaks all the same."""
    filler = "あ" * 41
    lines = read_lines(render(doc(f'<p>{filler}<whole>久保　康之</whole>です。</p>'
                                  f'<p>{filler}久保　康之です。</p>'
                                  f'<p><whole>{"い" * 60}</whole></p>').blocks))
    kept = [line.text for line in lines if "久" in line.text or line.text.endswith("あ")]
    assert kept[0] == filler and kept[1] == "久保　康之です。", kept
    plain = kept[2:]                                   # the same text without: broken inside the name
    assert plain[0].startswith(filler) and plain[0] != filler, plain
    assert sum(1 for line in lines if set(line.text) == {"い"}) == 2     # too long for a line: broken


@needs_poppler
def test_a_marker_with_a_spread_label_and_the_text_hung_after_it():
    """<item hang="4"><marker><spread width="3">日時</spread>　</marker>…: 日 and 時 three em
    apart end to end, the text from four em, its second line under its first."""
    long = "令和６年２月27日（火）11時00分～（30分程度）。会場は庁舎の正面玄関から入って右手の会議室です。"
    lines = read_lines(render(doc(f'<item hang="4"><marker><spread width="3">日時</spread>　</marker>{long}</item>'
                                  '<item hang="4"><marker>場所　</marker>庁舎</item>').blocks))
    first, second = lines[0], lines[1]
    assert first.text.startswith("日時　令和") and second.text[0] not in "日時"
    assert ems_between(first, 0, 1) == pytest.approx(3, abs=0.01)
    assert first.chars[3]["x0"] - first.chars[0]["x0"] == pytest.approx(4 * SIZE, abs=0.01)
    assert second.chars[0]["x0"] == pytest.approx(first.chars[3]["x0"], abs=0.01)
    place = line_with(lines, "場所")
    assert place.chars[3]["x0"] == pytest.approx(first.chars[3]["x0"], abs=0.01)


def test_the_docx_spaces_each_character_but_the_last():
    """w:spacing on the run of every character but the last: 理事長 across five em of
    10.5pt is 1 em (210 twips) after 理 and after 事, none after 長."""
    data = render_docx(doc('<p><spread width="5">理事長</spread>　古橋</p>'), load_style())
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    runs = [(r.findtext(f"{W}t"), r.find(f"{W}rPr/{W}spacing")) for r in body.iter(f"{W}r")]
    runs = [(t, None if s is None else int(s.get(f"{W}val"))) for t, s in runs]
    assert runs[:3] == [("理事", round(SIZE * 20)), ("長", None), ("　古橋", None)]


@pytest.mark.parametrize("body, message", [
    ('<p><spread width="0">日時</spread></p>', "the width is in em, above 0"),
    ('<p><spread width="3">日<b>時</b></spread></p>', "<spread> holds one line of text only"),
])
def test_a_spread_the_markup_cannot_set_is_refused(body, message):
    with pytest.raises(InputError) as exc:
        doc(body)
    assert message in str(exc.value)


# ------------------------------------------------------------- the house style's keys

def label_gap(pdf, label: str) -> float:
    """In em, from the start of the label's first character to the end of its last,
    on the line that starts with it (the 記 item's label)."""
    for row in page_rows(pdf, 0):
        text = "".join(c["text"] for c in row)
        at = text.find(label)
        if at != -1 and not text[:at].strip("１２３４５６７８９　 "):
            return (row[at + len(label) - 1]["x1"] - row[at]["x0"]) / SIZE
    raise AssertionError(label)


@needs_poppler
@pytest.mark.parametrize("form", ["line", "inline"])
def test_ki_labels_set_across_the_houses_width(tmp_path, capsys, form):
    """notice.ki_label_spread: 3 → 日　時 and 場　所 as wide as 締結者; the DOCX alike (its
    text the same characters, the spacing on the runs); the text of inline items from
    one place."""
    house = f"notice:\n  ki_label: {form}\n  ki_label_spread: 3\n"
    path = variant(tmp_path, style=house)
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    for label in ("日時", "場所", "締結者"):
        assert label_gap(pdf, label) == pytest.approx(3, abs=0.01), label
    assert label_gap(pdf, "次第") == pytest.approx(3, abs=0.01)
    text = no_space(pdf_text(pdf))
    assert "１日時" in text and "２場所" in text                  # the characters, nothing between them
    body = etree.fromstring(zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml"))
    spaced = {r.findtext(f"{W}t"): int(r.find(f"{W}rPr/{W}spacing").get(f"{W}val"))
              for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}spacing") is not None}
    size = load_style().styles["item"].size
    assert spaced["日"] == spaced["場"] == round(size * 20)
    assert "締結" not in spaced                                     # as wide already


@needs_poppler
def test_the_signature_blocks_titles_set_across_one_width(tmp_path, capsys):
    """agreement.signature_spread {title: 12}: 北見工業大学学長 set across twelve em, as
    the lines of a form; 北海道オホーツク総合振興局長, wider, as it is."""
    text = (ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml").read_text(encoding="utf-8")
    (tmp_path / "house.yaml").write_text("agreement:\n  signature_spread: {title: 12}\n", encoding="utf-8")
    path = tmp_path / "a.yaml"
    path.write_text(text.replace("issuer: ", "style: house.yaml\nissuer: ", 1), encoding="utf-8")
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "agreement", "--format", "pdf"])
    assert code == 0, capsys.readouterr().err
    widths = {"".join(c["text"] for c in row): (row[-1]["x1"] - row[0]["x0"]) / SIZE
              for row in page_rows(tmp_path / "out" / "a" / "agreement.pdf")}
    assert widths["北見工業大学学長"] == pytest.approx(12, abs=0.01)
    assert widths["北海道オホーツク総合振興局長"] == pytest.approx(14, abs=0.01)
    assert widths["中島　和彦"] == pytest.approx(5, abs=0.01)        # a name: not asked for


@needs_poppler
def test_a_short_title_set_across_the_houses_width(tmp_path, capsys):
    """agreement.title_spread 3 (日本緩和医療学会's model memorandum): 覚書 → 覚　書."""
    spec = ROOT / "tests" / "data" / "real" / "kanwa-oboegaki-draft.yaml"
    assert cli.main([str(spec), "-o", str(tmp_path), "--kinds", "agreement", "--format", "pdf"]) == 0, \
        capsys.readouterr().err
    title = next(row for row in page_rows(tmp_path / spec.stem / "agreement.pdf", 0)
                 if "".join(c["text"] for c in row) == "覚書")
    size = load_style().styles["title"].size
    assert (title[1]["x1"] - title[0]["x0"]) / size == pytest.approx(3, abs=0.01)


def test_a_width_to_set_across_outside_two_to_twenty_em_is_refused(tmp_path, capsys):
    path = variant(tmp_path, style="notice:\n  ki_label_spread: 1\n")
    code, _, err = check(path, capsys)
    assert code == 1
    assert f"error: {tmp_path / 'house.yaml'}:2: notice.ki_label_spread: a width of 1 em to set text across:" \
           " 2 to 20 em" in err


@pytest.mark.slow
@needs_poppler
def test_libreoffice_lays_the_docx_labels_out_as_wide_as_the_pdf(tmp_path, capsys):
    path = variant(tmp_path, style="notice:\n  ki_label_spread: 4\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out),
                    str(pdf.with_suffix(".docx"))], check=True, capture_output=True, timeout=180)
    for label in ("日時", "場所"):
        assert label_gap(out / "press-notice.pdf", label) == pytest.approx(label_gap(pdf, label), abs=0.1), label
        assert label_gap(pdf, label) == pytest.approx(4, abs=0.01)
