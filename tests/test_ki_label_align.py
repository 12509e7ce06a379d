"""notice.ki_label_align: own — with inline labels, each 記 item's text straight after its
own label, a wrapped line under its own text's start (静岡県建設業協会 2005: (1) 日時：平成17年…,
(5) 出席者：静岡県建設業協会…), where the default (widest) starts every such text where the
widest label ends. Built by the real command line; the PDF's glyphs measured, the DOCX's
indents read back; the key with labels on their own lines refused."""
from __future__ import annotations

from pathlib import Path

from jpdocs import cli

from conftest import needs_poppler, real_case_variant
from docx_reading import W, paragraph_indents
from test_notice_format import check, variant

CASE, STYLE = "sizkk-shizuoka-kokudo-2005", "sizkk-news.yaml"
# long enough to wrap: the attendees of a variant, to see where its second line starts
LONG = "静岡県建設業協会伊藤会長他（協定指定会社22社）、静岡国道事務所の職員、協会の会員の各社の代表者、報道関係者"


def built(spec: Path, out: Path, capsys) -> Path:
    code = cli.main([str(spec), "-o", str(out), "--kinds", "press-notice", "--format", "pdf,docx", "--force"])
    assert code == 0, capsys.readouterr().err
    return out / spec.stem / "press-notice.pdf"


def the_case(tmp_path: Path, align: str | None) -> Path:
    """The real case with its attendees long enough to wrap, its house style's
    ki_label_align as written (own), or removed (None: the default, widest)."""
    path = real_case_variant(tmp_path, CASE, STYLE, ("[静岡県建設業協会伊藤会長他（協定指定会社22社）]", f"[{LONG}]"))
    style = tmp_path / "styles" / STYLE
    if align is None:
        text = style.read_text(encoding="utf-8")
        line = next(x for x in text.splitlines(keepends=True) if x.startswith("  ki_label_align:"))
        style.write_text(text.replace(line, ""), encoding="utf-8")
    return path


def rows(pdf: Path) -> list[list[dict]]:
    """The first page's glyphs by line, left to right, spaces left out."""
    import pdfplumber
    by_line: dict[int, list] = {}
    with pdfplumber.open(pdf) as doc:
        for c in doc.pages[0].chars:
            if not c["text"].isspace():
                by_line.setdefault(round(c["bottom"]), []).append(c)
    return [sorted(row, key=lambda c: c["x0"]) for _, row in sorted(by_line.items())]


def text_after(lines: list[list[dict]], label: str) -> tuple[dict, dict, list[dict]]:
    """On the line of LABEL (日時：): its colon's glyph, the first glyph of the text after
    it, and the line under it."""
    at = next(i for i, row in enumerate(lines) if label in "".join(c["text"] for c in row))
    row = lines[at]
    colon = "".join(c["text"] for c in row).index(label) + len(label) - 1
    return row[colon], row[colon + 1], lines[at + 1]


@needs_poppler
def test_each_text_straight_after_its_own_label(tmp_path, capsys):
    """The page's (1) 日時：平成17年… and (5) 出席者：静岡県…: each text's first glyph
    where its own label's colon ends, so 日時's starts one em left of 出席者's; the
    attendees' wrapped line under their text's start, not at the widest label's end."""
    lines = rows(built(the_case(tmp_path, "own"), tmp_path / "out", capsys))
    date_colon, date_text, _ = text_after(lines, "日時：")
    people_colon, people_text, wrapped = text_after(lines, "出席者：")
    assert date_text["text"] == "平" and people_text["text"] == "静"
    assert abs(date_text["x0"] - date_colon["x1"]) < 0.5, (date_colon, date_text)
    assert abs(people_text["x0"] - people_colon["x1"]) < 0.5, (people_colon, people_text)
    em = date_text["size"]
    assert abs((people_text["x0"] - date_text["x0"]) - em) < 0.5, (date_text["x0"], people_text["x0"], em)
    assert abs(wrapped[0]["x0"] - people_text["x0"]) < 0.5, (wrapped[0], people_text)


@needs_poppler
def test_without_the_key_every_text_starts_where_the_widest_label_ends(tmp_path, capsys):
    """The default (widest), the same case: 日時's text and 出席者's at one x, a gap
    after 日時： — what the page does not do, and what the key changes."""
    lines = rows(built(the_case(tmp_path, None), tmp_path / "out", capsys))
    date_colon, date_text, _ = text_after(lines, "日時：")
    _, people_text, wrapped = text_after(lines, "出席者：")
    assert abs(date_text["x0"] - people_text["x0"]) < 0.5, (date_text, people_text)
    assert date_text["x0"] - date_colon["x1"] > 0.5 * date_text["size"]
    assert abs(wrapped[0]["x0"] - people_text["x0"]) < 0.5


def hangs(docx: Path) -> dict[str, float]:
    """Each DOCX paragraph's hanging indent (em, hangingChars / 100, from its style where
    not its own), by the paragraph's text up to its label's colon (日時：)."""
    return {text[:text.index("：") + 1]: int(ind[f"{W}hangingChars"]) / 100
            for text, ind in paragraph_indents(docx) if "：" in text and ind.get(f"{W}hangingChars")}


@needs_poppler
def test_the_docx_hangs_each_text_at_its_own_labels_end(tmp_path, capsys):
    """The DOCX as the PDF: (1)　日時： hangs its text 5.5 em in ((1) 1.5, the gap 1, 日時：
    3), (5)　出席者： 6.5 em; without the key both at the widest, 6.5 em."""
    (tmp_path / "own").mkdir()
    own = hangs(built(the_case(tmp_path / "own", "own"), tmp_path / "own" / "out", capsys).with_suffix(".docx"))
    assert own["(1)　日時："] == 5.5 and own["(2)　場所："] == 5.5 and own["(5)　出席者："] == 6.5, own
    (tmp_path / "widest").mkdir()
    widest = hangs(built(the_case(tmp_path / "widest", None), tmp_path / "widest" / "out", capsys)
                   .with_suffix(".docx"))
    assert widest["(1)　日時："] == widest["(5)　出席者："] == 6.5, widest


def test_the_key_with_labels_on_their_own_lines_is_refused(tmp_path, capsys):
    """ki_label: line (the default): no text follows a label on its line, and the key
    would have no effect."""
    path = variant(tmp_path, style="notice:\n  ki_label_align: own\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:2: notice.ki_label_align: " in err, err
    assert "with the label on its own line it would have no effect" in err and "Traceback" not in err

