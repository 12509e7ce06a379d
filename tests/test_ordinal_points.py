"""Points numbered 第1, 第2 … without 条, hung as numbered points where the house hangs
numbered prose (agreement.prose_number_hang): 小山町 and 足柄村's 協定書 of 1955
(`oyama-ashigara-1955`), 第1　採草地… / its later line under 採草地, not back at the margin.

Built by the command line, PDF and DOCX, and read back: each point's number where a
paragraph begins (one em in), its text after the number and the spaces the prose writes
(full- or half-width), every later line at that text's x; in the DOCX the number, a tab
and the text, the first line hung by the number's width. Only at a paragraph's start and
before a space: 第6条　… (an article's number) and 第1部分林… (a paragraph's first word)
are no point, and without the key every paragraph is set as written."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.shared import Pt

from conftest import ROOT, real_case_variant, run_generate
from glyphs import page_rows

CASE, STYLE = "oyama-ashigara-1955", "oyama-reiki.yaml"
SPEC = ROOT / "tests" / "data" / "real" / f"{CASE}.yaml"
SIZE = 10.5                     # the body's size (pt): an em
HANGS = {"第1": 2.5, "第2": 2.5, "第3": 2.5, "第4": 2.5, "第6": 2.5}    # 第1　: the points over two lines


def _build(spec: Path, out: Path) -> Path:
    result = run_generate(spec, "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return out / CASE


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return _build(SPEC, tmp_path_factory.mktemp("ordinal"))


def _rows(pdf: Path, page: int = 0) -> list[list[dict]]:
    """The page's lines, their glyphs without spaces, the page number (- 1 -) left out."""
    rows = [[c for c in r if not c["text"].isspace()] for r in page_rows(pdf, page)]
    return [r for r in rows if not re.fullmatch(r"-[0-9]+-", "".join(c["text"] for c in r))]


def _text(row: list[dict]) -> str:
    return "".join(c["text"] for c in row)


def _margin(pdf: Path) -> float:
    """The page's text margin: where the closing's second line starts (page 2), a
    paragraph of prose whose later lines nothing hangs."""
    row = next(r for r in _rows(pdf, 1) if _text(r).startswith("て正副6通"))
    return row[0]["x0"]


def _point_rows(pdf: Path, number: str) -> list[list[dict]]:
    """The lines of the paragraph that begins with `number`, up to the next paragraph's
    first line (one whose first glyph stands one em in)."""
    rows, margin = _rows(pdf), _margin(pdf)
    k = next(i for i, r in enumerate(rows) if re.match(re.escape(number) + r"(?![0-9０-９条])", _text(r)))
    out = [rows[k]]
    for row in rows[k + 1:]:
        if abs(row[0]["x0"] - (margin + SIZE)) < 0.5:
            break
        out.append(row)
    return out


def _assert_hung(pdf: Path, number: str, hang: float) -> int:
    """The number one em in, the text `hang` em after it, the later lines under the text;
    the count of later lines."""
    margin = _margin(pdf)
    rows = _point_rows(pdf, number)
    first = rows[0]
    assert abs(first[0]["x0"] - (margin + SIZE)) < 0.5, number
    text_x = first[len(number)]["x0"]
    assert abs(text_x - (margin + (1 + hang) * SIZE)) < 0.5, (number, text_x, margin)
    for row in rows[1:]:
        assert abs(row[0]["x0"] - text_x) < 0.5, (number, _text(row))
    return len(rows) - 1


def test_each_point_numbered_dai_hangs_its_later_lines_under_its_text(built):
    pdf = built / "agreement.pdf"
    later = sum(_assert_hung(pdf, number, hang) for number, hang in HANGS.items())
    assert later >= 5, "the points must run over more than one line for the hang to show"


def test_the_paragraphs_between_the_points_are_set_as_before(built):
    """ただし、… and the lead stand where a paragraph begins, one em in, their later
    lines (if any) at the margin: only the numbered points hang."""
    pdf = built / "agreement.pdf"
    margin = _margin(pdf)
    texts = {_text(r)[:6]: r for r in _rows(pdf)}
    for start in ("小山町足柄村", "ただし、用途", "契約の期間は", "ただし、伐採"):
        assert abs(texts[start][0]["x0"] - (margin + SIZE)) < 0.5, start


def _prose(spec: Path = SPEC) -> list[str]:
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    return [p for p in data["agreement"]["document"]["prose"] if isinstance(p, str)]


def _docx_paragraphs(path: Path) -> list:
    """Every paragraph of the DOCX, those of the table that keeps the last paragraph of
    prose with the signatures too."""
    doc = Document(path)
    return doc.paragraphs + [p for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]


def test_the_docx_point_is_its_number_a_tab_and_its_text_hung_by_the_numbers_width(built):
    em = Pt(SIZE)
    paragraphs = _docx_paragraphs(built / "agreement.docx")
    points = [p for p in _prose() if p.startswith("第")]
    assert len(points) == 7
    for para in points:
        number, text = para.split("　", 1)
        p = next(p for p in paragraphs if p.text.startswith(number + "\t"))
        assert p.text == f"{number}\t{text}", para                       # every word, in order
        fmt = p.paragraph_format if p.paragraph_format.left_indent is not None else p.style.paragraph_format
        assert abs(fmt.first_line_indent - (-2.5 * em)) < 130, para      # EMU: within 0.01 pt
        assert abs(fmt.left_indent - 3.5 * em) < 130, para


# the forms the prose may write a point's number in, and what is no point
VARIANT = (
    ("第1　採草地", "第1 採草地"),            # a half-width space: 2 em to the text
    ("第2　第1部分林", "第２　第1部分林"),     # a full-width figure: 3 em
    ("第3　第2部分林", "第三 第2部分林"),      # a kanji numeral, a half-width space: 2.5 em
    ("第4　第1部分林及び", "第1部分林及び"),   # 第1 begins the paragraph's first word: no point
    ("第6　採草地", "第6条　採草地"),          # an article's number: no point
)


def test_the_number_is_read_as_the_prose_writes_it_and_only_before_a_space(tmp_path):
    spec = real_case_variant(tmp_path, CASE, STYLE, *VARIANT)
    out = _build(spec, tmp_path / "out")
    pdf = out / "agreement.pdf"
    later = sum(_assert_hung(pdf, n, h) for n, h in (("第1", 2.0), ("第２", 3.0), ("第三", 2.5)))
    assert later >= 3
    margin = _margin(pdf)
    for start in ("第1部分林及び", "第6条"):         # set as any paragraph: later lines at the margin
        rows = _point_rows(pdf, start)
        assert len(rows) == 2, start
        assert abs(rows[0][0]["x0"] - (margin + SIZE)) < 0.5 and abs(rows[1][0]["x0"] - margin) < 0.5, start
    texts = [p.text for p in _docx_paragraphs(out / "agreement.docx")]
    assert "第1\t採草地" in "".join(texts) and "第三\t第2部分林" in "".join(texts)
    for para in ("第1部分林及び第2部分林の施業", "第6条　採草地"):       # as written, no tab
        assert any(t.startswith(para) for t in texts), para


def test_without_the_key_every_paragraph_is_set_as_written(tmp_path):
    """The house that does not hang numbered prose: 第1　採草地… one paragraph as written,
    its later line at the margin, in the DOCX its full-width space and no tab."""
    spec = real_case_variant(tmp_path, CASE, STYLE)
    house = tmp_path / "styles" / STYLE
    text = house.read_text(encoding="utf-8")
    assert "prose_number_hang: true" in text
    house.write_text(text.replace("prose_number_hang: true", "prose_number_hang: false"), encoding="utf-8")
    out = _build(spec, tmp_path / "out")
    pdf = out / "agreement.pdf"
    margin = _margin(pdf)
    for number in HANGS:
        rows = _point_rows(pdf, number)
        assert len(rows) == 2, number
        assert abs(rows[0][0]["x0"] - (margin + SIZE)) < 0.5 and abs(rows[1][0]["x0"] - margin) < 0.5, number
    texts = [p.text for p in _docx_paragraphs(out / "agreement.docx")]
    for para in _prose():
        assert para in texts, para


@pytest.mark.parametrize("line, want", [
    ("第1　採草地…", ("第1", "採草地…", 2.5)),
    ("第１　採草地…", ("第１", "採草地…", 3.0)),
    ("第十二 採草地…", ("第十二", "採草地…", 3.5)),
    ("第1　　採草地…", ("第1", "採草地…", 3.5)),      # the spaces as written: the gap up to the text
    ("第1条　採草地…", None),                          # an article's number
    ("第1部分林の…", None),                            # no space after it: a word
    ("町は、第1　…", None),                            # only where the paragraph begins
    ("第1　", None),                                   # a number with no text after it
])
def test_an_agreements_prose_reads_dai_numbers_before_a_space(line, want):
    from jpdocs.enumeration import lead_number
    assert lead_number(line, ordinals=True) == want
    if want:        # a notice's sections (notice.section_number_hang) read no 第1
        assert lead_number(line) is None
