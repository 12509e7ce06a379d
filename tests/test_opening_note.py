"""A note set apart under a paragraph of the notice's text (press_notice.opening's
{note: ※…}): 長野県林務部's ※県が行う…協定です。 under its opening paragraph
(`nagano-fuchu-sakuho-2011`), at the text's margin where a paragraph begins one em in,
a little space above it, its later lines under the text after ※.

The real case is built by the command line, PDF and DOCX: the PDF's lines read back
glyph by glyph, the DOCX reopened. A note with no paragraph before it is refused with
file, line and key; a paragraph as written is set as before."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.shared import Pt

from conftest import ROOT, needs_poppler, run_generate
from glyphs import page_rows
from test_notice_format import SEED, check, has_error, variant

REAL = ROOT / "tests" / "data" / "real"
CASE = "nagano-fuchu-sakuho-2011"
SIZE = 10.5


def _plain(text: str) -> str:
    return re.sub(r"[ 　]", "", text)


def _opening() -> list:
    return yaml.safe_load((REAL / f"{CASE}.yaml").read_text(encoding="utf-8"))["press_notice"]["opening"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("note")
    result = run_generate(REAL / f"{CASE}.yaml", "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / CASE


def _lines_of(pdf: Path, text: str) -> list[list[dict]]:
    """The glyph rows one paragraph is set on, and the row before them."""
    rows = [[c for c in r if not c["text"].isspace()] for r in page_rows(pdf, 0)]
    texts = ["".join(c["text"] for c in r) for r in rows]
    want = _plain(text)
    k = next(i for i, t in enumerate(texts) if len(t) > 10 and want.startswith(t))
    got, whole = [rows[k - 1], rows[k]], texts[k]
    while whole != want:
        k += 1
        got.append(rows[k])
        whole += texts[k]
    return got


@needs_poppler
def test_the_note_stands_at_the_margin_apart_its_later_lines_after_its_mark(built):
    paragraph, note = _opening()
    assert isinstance(paragraph, str) and note["note"].startswith("※")
    pdf = built / "press-notice.pdf"
    para_rows = _lines_of(pdf, paragraph)[1:]
    above, *note_rows = _lines_of(pdf, note["note"])
    assert above is para_rows[-1] or above == para_rows[-1]              # straight under the paragraph
    margin = para_rows[1][0]["x0"]                                        # the paragraph's later lines
    assert abs(para_rows[0][0]["x0"] - (margin + SIZE)) < 0.5             # it begins one em in
    first = note_rows[0]
    assert first[0]["text"] == "※" and abs(first[0]["x0"] - margin) < 0.5   # the note at the margin
    assert len(note_rows) > 1
    for row in note_rows[1:]:                                             # under the text after ※
        assert abs(row[0]["x0"] - first[1]["x0"]) < 0.5, "".join(c["text"] for c in row)
    # set apart: the gap over it wider than between the paragraph's own lines
    step = para_rows[1][0]["top"] - para_rows[0][0]["top"]
    assert first[0]["top"] - para_rows[-1][0]["top"] > step + 5


def test_the_docx_note_is_a_paragraph_hung_after_its_mark(built):
    paragraph, note = _opening()
    doc = Document(built / "press-notice.docx")
    texts = [p.text for p in doc.paragraphs]
    k = texts.index(note["note"])                                         # as written, whole
    assert texts[k - 1] == paragraph
    p = doc.paragraphs[k]
    fmt = p.paragraph_format if p.paragraph_format.left_indent is not None else p.style.paragraph_format
    em = Pt(SIZE)
    assert abs(fmt.left_indent - em) < 130 and abs(fmt.first_line_indent + em) < 130
    before = p.paragraph_format.space_before if p.paragraph_format.space_before is not None \
        else p.style.paragraph_format.space_before
    assert before == Pt(6)


@needs_poppler
def test_a_note_that_fits_one_line_is_set_apart_at_the_margin_too(tmp_path):
    """広島市's ※松山圏域：松山市、… (3市3町) under the paragraph that marks 松山圏域※
    (`hiroshima-matsuyama-2025`, a paragraph one em in before the thirty-second session):
    at the margin of the paragraph's later lines, straight under it, set apart."""
    case = "hiroshima-matsuyama-2025"
    paragraph, note = yaml.safe_load((REAL / f"{case}.yaml").read_text(encoding="utf-8"))["press_notice"]["opening"]
    assert isinstance(paragraph, str) and "松山圏域※" in paragraph and note["note"].startswith("※")
    result = run_generate(REAL / f"{case}.yaml", "-o", tmp_path, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / case / "press-notice.pdf"
    para_rows = _lines_of(pdf, paragraph)[1:]
    rows = [[c for c in r if not c["text"].isspace()] for r in page_rows(pdf, 0)]
    first = next(r for r in rows if "".join(c["text"] for c in r) == _plain(note["note"]))   # one line, whole
    margin = para_rows[1][0]["x0"]
    assert abs(para_rows[0][0]["x0"] - (margin + SIZE)) < 0.5                  # the paragraph one em in
    assert first[0]["text"] == "※" and abs(first[0]["x0"] - margin) < 0.5    # the note at the margin
    step = para_rows[1][0]["top"] - para_rows[0][0]["top"]
    assert first[0]["top"] - para_rows[-1][0]["top"] > step + 5              # set apart under it


@pytest.mark.parametrize("opening, where", [
    ("  opening:\n    - {note: ※注記です。}\n    - 本文です。\n", "none is before it"),
    ("  opening:\n    - {label: ○施設, lines: [本館]}\n    - {note: ※注記です。}\n", "the entry before it is no paragraph"),
])
def test_a_note_with_no_paragraph_before_it_is_refused_at_its_line(tmp_path, capsys, opening, where):
    seed_opening = re.search(r"  opening:.*\n(?:    - .*\n)+", SEED).group()
    path = variant(tmp_path, (seed_opening, opening))
    code, out, err = check(path, capsys)
    assert code == 1, out
    index = 0 if where == "none is before it" else 1
    assert has_error(err, path, "{note:", f"press_notice.opening[{index}]",
                     f"a note ({{note: …}}) is set apart under the paragraph before it, and {where}"), err
