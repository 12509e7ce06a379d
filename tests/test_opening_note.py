"""A note set apart under a paragraph of the notice's text (press_notice.opening's
{note: ※…}): 長野県林務部's ※県が行う…協定です。 under its opening paragraph
(`nagano-fuchu-sakuho-2011`), at the text's margin where a paragraph begins one em in,
a little space above it, its later lines under the text after ※.

A note may head the text too, before its first paragraph, as 大阪府 heads a release of
2020 with ※本協定締結式は中止になりました。 (`osaka-pref-suido-2020`: a cancellation, a
correction, a postponement): at the same margin, its later lines after ※, six points
under it.

The real cases are built by the command line, PDF and DOCX: the PDF's lines read back
glyph by glyph, the DOCX reopened. A note after an entry that is no paragraph (a block
of lines, photos) is refused with file, line and key; a paragraph as written is set as
before."""
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


def _opening(case: str = CASE) -> list:
    return yaml.safe_load((REAL / f"{case}.yaml").read_text(encoding="utf-8"))["press_notice"]["opening"]


@pytest.fixture(scope="module", params=[CASE, "nagano-abn-azumino-2012"])
def built(request, tmp_path_factory) -> tuple[str, Path]:
    """長野県林務部's two releases, each a paragraph and the note on its （※）: 2011's
    and 2012's (written as a paragraph before the forty-seventh session)."""
    case = request.param
    out = tmp_path_factory.mktemp("note")
    result = run_generate(REAL / f"{case}.yaml", "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return case, out / case


def _lines_of(pdf: Path, text: str, right_of: float = 0.0) -> list[list[dict]]:
    """The glyph rows one paragraph is set on, and the row before them (right_of: of
    the glyphs right of that x only, a table's column)."""
    rows = [[c for c in r if not c["text"].isspace()] for r in page_rows(pdf, 0, right_of)]
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
    case, built = built
    paragraph, note = _opening(case)
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
    case, built = built
    paragraph, note = _opening(case)
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
@pytest.mark.parametrize("case, marked", [("hiroshima-matsuyama-2025", "松山圏域※"),
                                          ("michinoku-rokkasho-2022", "42件目（※）")])
def test_a_note_that_fits_one_line_is_set_apart_at_the_margin_too(tmp_path, case, marked):
    """広島市's ※松山圏域：松山市、… (3市3町) under the paragraph that marks 松山圏域※
    (`hiroshima-matsuyama-2025`, a paragraph one em in before the thirty-second session),
    みちのくコカ・コーラボトリング's ※青森県、青森県警察本部を含む under the one that marks
    42件目（※） (a paragraph before the forty-seventh): at the margin of the paragraph's
    later lines, straight under it, set apart."""
    opening = _opening(case)
    k = next(i for i, p in enumerate(opening) if isinstance(p, dict) and "note" in p)
    paragraph, note = opening[k - 1], opening[k]
    assert isinstance(paragraph, str) and marked in paragraph and note["note"].startswith("※")
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


HEAD_CASE = "osaka-pref-suido-2020"


@pytest.fixture(scope="module")
def head_built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("head-note")
    result = run_generate(REAL / f"{HEAD_CASE}.yaml", "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / HEAD_CASE


@needs_poppler
def test_a_note_heading_the_text_stands_at_its_margin_set_apart_over_the_first_paragraph(head_built):
    """大阪府's ※…中止になりました。 in the 内容 row of its head's table, before the first
    paragraph: ※ at the text's margin, the note's later lines after ※, the paragraph
    one em in under it, more than a line's step apart; nothing of the text above it."""
    note, paragraph, *_ = _opening(HEAD_CASE)
    assert note["note"].startswith("※") and isinstance(paragraph, str)
    pdf = head_built / "press-notice.pdf"
    column = 120.0                          # right of the table's label column (内容), in points
    above, *note_rows = _lines_of(pdf, note["note"], column)
    para_rows = _lines_of(pdf, paragraph, column)[1:]
    first = note_rows[0]
    margin = para_rows[1][0]["x0"]                                          # the paragraph's later lines
    assert first[0]["text"] == "※" and abs(first[0]["x0"] - margin) < 0.5    # the note at the margin
    assert abs(para_rows[0][0]["x0"] - (margin + SIZE)) < 0.5               # the paragraph one em in
    assert len(note_rows) > 1
    for row in note_rows[1:]:                                               # under the text after ※
        assert abs(row[0]["x0"] - first[1]["x0"]) < 0.5, "".join(c["text"] for c in row)
    step = para_rows[1][0]["top"] - para_rows[0][0]["top"]
    assert para_rows[0][0]["top"] - note_rows[-1][0]["top"] > step + 5      # set apart over it
    assert "".join(c["text"] for c in above) == "14時０分"                     # the row before: the hour's


def test_the_docx_note_heading_the_text_is_its_first_paragraph_hung_and_set_apart(head_built):
    note, paragraph, *_ = _opening(HEAD_CASE)
    doc = Document(head_built / "press-notice.docx")
    cell = next(c for t in doc.tables for r in t.rows for c in r.cells
                if c.paragraphs and c.paragraphs[0].text == note["note"])   # as written, whole, first
    p = cell.paragraphs[0]
    assert cell.paragraphs[1].text == paragraph
    fmt = p.paragraph_format if p.paragraph_format.left_indent is not None else p.style.paragraph_format
    em = Pt(SIZE)
    assert abs(fmt.left_indent - em) < 130 and abs(fmt.first_line_indent + em) < 130
    assert p.paragraph_format.space_after == Pt(6)
    assert not p.paragraph_format.space_before


def test_a_note_after_an_entry_that_is_no_paragraph_is_refused_at_its_line(tmp_path, capsys):
    seed_opening = re.search(r"  opening:.*\n(?:    - .*\n)+", SEED).group()
    path = variant(tmp_path, (seed_opening, "  opening:\n    - {label: ○施設, lines: [本館]}\n    - {note: ※注記です。}\n"))
    code, out, err = check(path, capsys)
    assert code == 1, out
    assert has_error(err, path, "{note:", "press_notice.opening[1]",
                     "a note ({note: …}) is set apart under the paragraph before it, and the entry before it is"
                     " no paragraph: write the paragraph it notes first"), err


def test_a_note_heading_the_text_of_the_seed_is_accepted(tmp_path, capsys):
    seed_opening = re.search(r"  opening:.*\n(?:    - .*\n)+", SEED).group()
    path = variant(tmp_path, (seed_opening, seed_opening.replace("  opening:\n", "  opening:\n    - {note: ※注記です。}\n")))
    code, out, err = check(path, capsys)
    assert code == 0, err


MIDDLE_CASE = "yokohama-water-kankoji-2017"


def _gap(upper: list[list[dict]], lower: list[list[dict]]) -> float:
    """From the last row of one paragraph to the first of the next (their tops)."""
    return lower[0][0]["top"] - upper[-1][0]["top"]


@needs_poppler
def test_a_note_between_paragraphs_is_set_apart_from_both_alike(tmp_path):
    """横浜市水道局's ※1　災害時給水所とは… between two paragraphs of its text: as far
    from the paragraph after it as from the one before, six points more than a line's
    step each way (the paragraph after it ran on under it, a line's step apart)."""
    opening = _opening(MIDDLE_CASE)
    k = next(i for i, p in enumerate(opening) if isinstance(p, dict) and "note" in p)
    before, note, after = opening[k - 1], opening[k]["note"], opening[k + 1]
    assert isinstance(before, str) and isinstance(after, str)
    result = run_generate(REAL / f"{MIDDLE_CASE}.yaml", "-o", tmp_path, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / MIDDLE_CASE / "press-notice.pdf"
    before_rows = _lines_of(pdf, before)[1:]
    note_rows = _lines_of(pdf, note)[1:]
    after_rows = _lines_of(pdf, after)[1:]
    step = after_rows[1][0]["top"] - after_rows[0][0]["top"]
    assert abs(_gap(before_rows, note_rows) - (step + 6)) < 0.5
    assert abs(_gap(note_rows, after_rows) - (step + 6)) < 0.5
    # the DOCX the same: six points over the note and six under it, none over the paragraph
    doc = Document(tmp_path / MIDDLE_CASE / "press-notice.docx")
    texts = [p.text for p in doc.paragraphs]
    i = texts.index(note)
    assert texts[i + 1] == after
    assert doc.paragraphs[i].paragraph_format.space_before == Pt(6)
    assert doc.paragraphs[i].paragraph_format.space_after == Pt(6)
    assert not doc.paragraphs[i + 1].paragraph_format.space_before


@needs_poppler
def test_notes_after_one_another_are_six_points_apart_and_the_last_apart_from_the_text(tmp_path):
    """In the head's table (大阪府's 内容 row), a note heading the text, a paragraph, two
    notes and a paragraph: the DOCX cell's paragraphs spaced as the PDF's, six points
    between the notes and between each note and a paragraph beside it, nothing more."""
    spec = (REAL / f"{HEAD_CASE}.yaml").read_text(encoding="utf-8")
    spec = spec.replace("style: styles/", f"style: {REAL}/styles/", 1)
    first = spec.index("    - このたび、")
    end = spec.index("\n", first) + 1
    spec = spec[:end] + ("    - {note: ※1　式の様子は後日お知らせします。}\n    - {note: ※2　写真の貸出はしません。}\n"
                         "    - 協定の全文は府のホームページでご覧になれます（※1、※2）。\n") + spec[end:]
    path = tmp_path / "osaka.yaml"
    path.write_text(spec, encoding="utf-8")
    result = run_generate(path, "-o", tmp_path / "out", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    doc = Document(tmp_path / "out" / "osaka" / "press-notice.docx")
    cell = next(c for t in doc.tables for r in t.rows for c in r.cells
                if c.paragraphs and c.paragraphs[0].text.startswith("※この協定"))
    spacing = [(p.paragraph_format.space_before or 0, p.paragraph_format.space_after or 0) for p in cell.paragraphs]
    assert spacing == [(0, Pt(6)), (0, 0), (Pt(6), 0), (Pt(6), Pt(6)), (0, 0)]
    pdf = tmp_path / "out" / "osaka" / "press-notice.pdf"         # the PDF's rows the same
    rows = [_lines_of(pdf, p.text, 120.0)[1:] for p in cell.paragraphs]
    step = rows[1][1][0]["top"] - rows[1][0][0]["top"]
    assert [round(_gap(a, b) - step, 1) for a, b in zip(rows, rows[1:])] == [6.0, 6.0, 6.0, 6.0]
