"""An item of the 記 block without a label (ki: - {label: false, text: […]}): its lines
as written, where the other items' text stands, so that a block mixing labelled and
unlabelled items aligns (under 日時 on its line, or past the widest inline 日時：);
where no item has a label, where a label would start (茨城県, 2022: the day, the venue
and the signers, each a line at the text's margin). Built by the real command line; the
PDF's glyphs measured, the DOCX's indents read back; the key refused where it has no
meaning, at its file and line."""
from __future__ import annotations

from pathlib import Path

from jpdocs import cli

from conftest import ROOT, needs_poppler
from docx_reading import W, paragraph_indents
from test_notice_format import check, line_of, variant

REAL = ROOT / "tests" / "data" / "real"
NOTE = "当日は報道機関の方の取材が可能です。"
# the seed's 記 block as a list, an item without a label between 日時 and 場所
KI = ("  closing_ijo: false",
      f"  ki:\n    - date\n    - {{label: false, text: [{NOTE}]}}\n    - place\n    - signatories\n    - agenda\n"
      "  closing_ijo: false")


def built(spec: Path, out: Path, capsys) -> Path:
    code = cli.main([str(spec), "-o", str(out), "--kinds", "press-notice", "--format", "pdf,docx", "--force"])
    assert code == 0, capsys.readouterr().err
    return out / spec.stem / "press-notice.pdf"


def rows(pdf: Path) -> list[list[dict]]:
    """The first page's glyphs by line, left to right, spaces left out."""
    import pdfplumber
    by_line: dict[int, list] = {}
    with pdfplumber.open(pdf) as doc:
        for c in doc.pages[0].chars:
            if not c["text"].isspace():
                by_line.setdefault(round(c["bottom"]), []).append(c)
    return [sorted(row, key=lambda c: c["x0"]) for _, row in sorted(by_line.items())]


def line_with(lines: list[list[dict]], text: str) -> list[dict]:
    return next(row for row in lines if text in "".join(c["text"] for c in row))


def first_glyph(row: list[dict], text: str) -> dict:
    return row["".join(c["text"] for c in row).index(text)]


def text_starts(docx: Path) -> dict[str, float]:
    """Each DOCX paragraph's left indent (em: leftChars / 100, from its style where not
    its own), where its text (or a hanging item's text after its marker) starts, by
    the paragraph's text."""
    return {text: int(ind.get(f"{W}leftChars", 0)) / 100 for text, ind in paragraph_indents(docx)}


def docx_start(starts: dict[str, float], text: str) -> float:
    return next(v for k, v in starts.items() if text in k)


@needs_poppler
def test_the_real_case_sets_each_line_at_the_text_margin(tmp_path, capsys):
    """茨城県's day, venue and signers: each a whole line, its first glyph at the text's
    margin (where the opening's second line starts), no 記 and no number; before, they
    were a section's paragraphs, each one em in. The DOCX: each a paragraph of its own,
    not indented."""
    pdf = built(REAL / "ibaraki-yokohama-port-2022.yaml", tmp_path / "out", capsys)
    lines = rows(pdf)
    texts = ["".join(c["text"] for c in row) for row in lines]
    margin = line_with(lines, "地域の活性化")[0]["x0"]       # the opening's second line
    for line in ("令和4年12月21日(水曜日)", "都道府県会館", "茨城県知事大井川和彦", "横浜市長山中竹春"):
        assert line in texts, texts
        assert abs(line_with(lines, line)[0]["x0"] - margin) < 0.5, (line, line_with(lines, line)[0], margin)
    assert "記" not in texts
    starts = text_starts(pdf.with_suffix(".docx"))
    for line in ("令和4年12月21日(水曜日)", "都道府県会館", "茨城県知事　大井川　和彦", "横浜市長　山中　竹春"):
        assert docx_start(starts, line) == 0.0, (line, starts)


@needs_poppler
def test_an_unlabelled_item_stands_under_the_labelled_items_text(tmp_path, capsys):
    """The default house (１, then 日時 on its line and the text an em in under it): the
    item without a label, numbered ２ as any item, its text where 日時's text starts."""
    pdf = built(variant(tmp_path, KI), tmp_path / "out", capsys)
    lines = rows(pdf)
    date_text = line_with(lines, "２月27日")[0]
    note = line_with(lines, NOTE)
    assert "".join(c["text"] for c in note) == "２" + NOTE
    assert abs(first_glyph(note, "当")["x0"] - date_text["x0"]) < 0.5, (note[:2], date_text)
    assert abs(note[0]["x0"] - line_with(lines, "場所")[0]["x0"]) < 0.5      # its marker under ３
    starts = text_starts(pdf.with_suffix(".docx"))
    assert docx_start(starts, NOTE) == docx_start(starts, "２月27日") == 3.0, starts


@needs_poppler
def test_with_inline_labels_it_starts_where_their_text_does(tmp_path, capsys):
    """Inline labels (１　日時：令和…): the item without a label's text where every run-in
    text starts, past the widest label, in the PDF and the DOCX."""
    pdf = built(variant(tmp_path, KI, style='notice:\n  ki_label: inline\n  ki_label_gap: "："\n'),
                tmp_path / "out", capsys)
    lines = rows(pdf)
    date_line = line_with(lines, "２月27日")
    note = line_with(lines, NOTE)
    assert abs(first_glyph(note, "当")["x0"] - first_glyph(date_line, "令")["x0"]) < 0.5, (note[:2], date_line[:6])
    starts = text_starts(pdf.with_suffix(".docx"))
    assert docx_start(starts, NOTE) == docx_start(starts, "日時：") > 0, starts


def test_label_false_beside_anything_but_text_is_refused(tmp_path, capsys):
    """label: false prints lines as written: a built-in item or a list needs the label
    that says what it is. Refused at the key's line, exit 1, no traceback."""
    for body in ("    - {item: date, label: false}\n", "    - {label: false, list: [x]}\n"):
        path = variant(tmp_path, ("  closing_ijo: false", "  ki:\n" + body + "  closing_ijo: false"))
        code, _, err = check(path, capsys)
        at = f"error: {path}:{line_of(path, 'label: false')}: press_notice.ki[0].label: label: false prints"
        assert code == 1 and at in err and "Traceback" not in err, err


@needs_poppler
def test_where_each_text_follows_its_own_label_it_stands_where_the_labels_do(tmp_path, capsys):
    """ki_label_align: own (国際ロータリー第2700地区, 2022: 開催日時：…, 会場：…): no column of
    texts to align with, so the line naming the ceremony stands where the labels start,
    at the margin under ■調印式　開催概要, not past the widest label (開催日時：); the DOCX's
    paragraph not indented."""
    pdf = built(REAL / "rid2700-shigaku-2022.yaml", tmp_path / "out", capsys)
    lines = rows(pdf)
    texts = ["".join(c["text"] for c in row) for row in lines]
    line = "青少年育成分野における包括連携合意書調印式"
    assert line in texts, texts
    assert texts[texts.index(line) - 1] == "■調印式開催概要" and texts[texts.index(line) + 1].startswith("開催日時")
    label = line_with(lines, "開催日時")[0]
    assert abs(line_with(lines, line)[0]["x0"] - label["x0"]) < 0.5, (line_with(lines, line)[0], label)
    starts = text_starts(pdf.with_suffix(".docx"))
    # its paragraph at the margin, where the labelled items' first lines start (their
    # text hangs past their labels, left 5 em: 開催日時：)
    assert docx_start(starts, "青少年育成分野における包括連携合意書") == 0.0 < docx_start(starts, "開催日時"), starts


@needs_poppler
def test_with_markers_and_own_alignment_it_starts_where_a_label_would(tmp_path, capsys):
    """Numbered inline items, each text after its own label (１　日時：…): the item
    without a label's text where the labels start, past its marker (under 日 of 日時),
    in the PDF and the DOCX."""
    pdf = built(variant(tmp_path, KI, style='notice:\n  ki_label: inline\n  ki_label_gap: "："\n'
                                             '  ki_label_align: own\n'), tmp_path / "out", capsys)
    lines = rows(pdf)
    note = line_with(lines, NOTE)
    date_line = line_with(lines, "２月27日")
    assert abs(first_glyph(note, "当")["x0"] - first_glyph(date_line, "日")["x0"]) < 0.5, (note[:2], date_line[:4])
    starts = text_starts(pdf.with_suffix(".docx"))
    assert 0 < docx_start(starts, NOTE) < docx_start(starts, "日時：令和"), starts
