"""A paragraph of the notice's text that lists lines after a label ({label, lines}), as
中村河川国道事務所 lists its facilities (`nakamura-shimanto-2014`): ○施設　…庁舎　別棟１階,
then …古津賀宿舎　階段及び踊り場 under the first's text. The label starts one em in, where
a paragraph's first line starts; the first line one em after it; each further line, and
a line that runs over, under the first's text.

The real case and a variation of the seed are built by the real command line, the PDF
read back line by line with where each glyph stands, the DOCX reopened (its paragraphs
in order, their indents); a label with no line, an unknown key stop with file, line and
key.
"""
from __future__ import annotations

from pathlib import Path

import pdfplumber
from docx import Document
from jpdocs import cli

from conftest import needs_poppler, no_space
from test_notice_format import build, check, has_error, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "nakamura-shimanto-2014"
OPENING = "  opening:\n"
LONG = "北海道オホーツク総合振興局と北見工業大学が共同で進める、スマート林業の推進と地域公共交通の維持と発展に向けた取組"
LABELLED = OPENING + f"""    - label: ○連携分野
      lines: [{LONG}, 脱炭素に向けた取組の促進]
"""


def rows(pdf: Path) -> list[list[dict]]:
    """The glyphs of each line a reader sees on the first page, left to right."""
    out: dict[int, list] = {}
    with pdfplumber.open(pdf) as doc:
        for c in doc.pages[0].chars:
            if c["text"].strip():
                out.setdefault(round(c["bottom"]), []).append(c)
    return [sorted(cs, key=lambda c: c["x0"]) for _, cs in sorted(out.items())]


def text(row: list[dict]) -> str:
    return "".join(c["text"] for c in row)


@needs_poppler
def test_the_facilities_of_nakamura_a_line_each_under_the_first_s_text(tmp_path):
    assert cli.main([str(REAL / f"{CASE}.yaml"), "-o", str(tmp_path), "--format", "pdf,docx"]) == 0
    lines = rows(tmp_path / CASE / "press-notice.pdf")
    texts = [text(r) for r in lines]
    at = texts.index("○施設中村河川国道事務所庁舎別棟１階")
    assert texts[at + 1] == "中村河川国道事務所古津賀宿舎階段及び踊り場", texts[at:at + 2]
    first = lines[at][3]                       # 中, after ○施設 and the gap
    assert first["text"] == "中" and abs(lines[at + 1][0]["x0"] - first["x0"]) < 0.5
    paragraph = lines[at + 2][0]               # the next paragraph starts where ○ does
    assert abs(lines[at][0]["x0"] - paragraph["x0"]) < 0.5
    paras = [no_space(p.text) for p in Document(str(tmp_path / CASE / "press-notice.docx")).paragraphs]
    i = next(n for n, p in enumerate(paras) if p.startswith("○施設"))
    assert paras[i:i + 2] == ["○施設中村河川国道事務所庁舎別棟１階", "中村河川国道事務所古津賀宿舎階段及び踊り場"]


@needs_poppler
def test_a_line_that_runs_over_stays_under_the_first_s_text(tmp_path, capsys):
    """The seed's opening with such a paragraph first: the long line's second line and
    the next line start where the first's text does; the paragraphs after it as before.
    The DOCX's paragraph hangs the label, its next under the first's text."""
    path = variant(tmp_path, (OPENING, LABELLED))
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = rows(pdf)
    at = next(n for n, r in enumerate(lines) if text(r).startswith("○連携分野"))
    start = lines[at][5]["x0"]                 # 北, after ○連携分野 and the gap
    assert lines[at][5]["text"] == "北"
    assert no_space(text(lines[at]) + text(lines[at + 1])).startswith("○連携分野" + LONG[:20])
    assert abs(lines[at + 1][0]["x0"] - start) < 0.5, (text(lines[at + 1]), lines[at + 1][0]["x0"], start)
    assert text(lines[at + 2]) == "脱炭素に向けた取組の促進" and abs(lines[at + 2][0]["x0"] - start) < 0.5
    doc = Document(str(pdf.with_suffix(".docx")))
    paras = [p for p in doc.paragraphs if p.text.strip()]
    i = next(n for n, p in enumerate(paras) if p.text.startswith("○連携分野"))
    assert no_space(paras[i].text) == "○連携分野" + LONG and paras[i + 1].text == "脱炭素に向けた取組の促進"


def test_a_label_without_a_line_is_refused(tmp_path, capsys):
    path = variant(tmp_path, (OPENING, LABELLED.replace(f"[{LONG}, 脱炭素に向けた取組の促進]", "[]")))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "lines: []", "press_notice.opening[0].lines", "needs at least 1"), err


def test_an_unknown_key_is_refused(tmp_path, capsys):
    path = variant(tmp_path, (OPENING, LABELLED.replace("      lines:", "      line:")))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "line:", "press_notice.opening[0].line", "unknown key 'line'"), err
