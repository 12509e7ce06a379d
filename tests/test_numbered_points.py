"""Numbered points whose later lines hang under their text after the number, where the
house so sets them: 島根県's 2 覚書の概要, (1)県看護協会は、… / its later lines under 県
(notice.section_number_hang, `shimane-kango-2025`), and 国税庁's 合意書, １　乙は，… /
its later lines under 乙 (agreement.prose_number_hang, `moj-nta-touki-2021`), and the
entries numbered 一 to 三 of its list of prose under ４ (一　甲は，… / its later lines under 甲).

Both real cases are built by the command line, PDF and DOCX: the PDF's lines read back
glyph by glyph (the number where a paragraph begins, one em in; every later line at the
x of the first line's text after the number), the DOCX reopened (the paragraph's left
indent the number's width past one em, its first line that width out). Without the key
the same paragraphs are set as before (later lines at the margin); a user's template
older than either key is refused at the style file's line."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.shared import Pt

from conftest import ROOT, needs_poppler, real_case_variant, run_generate
from glyphs import page_rows

REAL = ROOT / "tests" / "data" / "real"
SHIMANE, MOJ = "shimane-kango-2025", "moj-nta-touki-2021"
SIZE = 10.5                     # the body's size (pt): an em


def _plain(text: str) -> str:
    return re.sub(r"[ 　]", "", text)


def _numbered(case: str) -> list[tuple[str, float]]:
    """The case's numbered paragraphs as written, each with its number's width (em) and
    the spaces after it."""
    spec = yaml.safe_load((REAL / f"{case}.yaml").read_text(encoding="utf-8"))
    if case == SHIMANE:
        paras = next(s for s in spec["press_notice"]["sections"] if s["heading"] == "覚書の概要")["paragraphs"]
        return [(p, 2.5) for p in paras]                                    # (1)　
    return [(p, 2.0) for p in spec["agreement"]["document"]["prose"]
            if isinstance(p, str) and p[0] in "１２３４"]                     # １　


def _build(out: Path, *specs: Path) -> Path:
    result = run_generate(*specs, "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("numbered"), REAL / f"{SHIMANE}.yaml", REAL / f"{MOJ}.yaml")


def _pdf(folder: Path, case: str) -> Path:
    return folder / case / ("press-notice.pdf" if case == SHIMANE else "agreement.pdf")


def _paragraph_rows(pdf: Path, para: str) -> list[list[dict]]:
    """The lines one paragraph is set on, in order: the first whose text begins it, and
    those after it until the paragraph's text is whole."""
    rows = [[c for c in r if not c["text"].isspace()] for r in page_rows(pdf, 0)]
    texts = ["".join(c["text"] for c in r) for r in rows]
    want = _plain(para)
    k = next(i for i, t in enumerate(texts) if len(t) > 10 and want.startswith(t))
    got, whole = [rows[k]], texts[k]
    while whole != want:
        k += 1
        got.append(rows[k])
        whole += texts[k]
    return got


def _margin(pdf: Path, case: str) -> float:
    """The x a paragraph's later lines start at without a hang: the margin (the heading
    of 2 覚書の概要; the date line's page margin under the preamble's second line)."""
    rows = [[c for c in r if not c["text"].isspace()] for r in page_rows(pdf, 0)]
    texts = ["".join(c["text"] for c in r) for r in rows]
    at = texts.index("2覚書の概要") if case == SHIMANE else next(i for i, t in enumerate(texts) if t.startswith("う。）"))
    return rows[at][0]["x0"]


@needs_poppler
@pytest.mark.parametrize("case", (SHIMANE, MOJ))
def test_a_numbered_points_later_lines_hang_under_the_text_after_its_number(built, case):
    pdf = _pdf(built, case)
    margin = _margin(pdf, case)
    points = _numbered(case)
    assert len(points) >= 3
    hung = 0
    for para, width in points:
        rows = _paragraph_rows(pdf, para)
        number = len(_plain(para)) - len(_plain(para).lstrip("(（)）1234567890１２３４"))
        first = rows[0]
        assert abs(first[0]["x0"] - (margin + SIZE)) < 0.5, para            # the number one em in
        text_x = first[number]["x0"]                                           # the text after it
        assert abs(text_x - (margin + (1 + width) * SIZE)) < 0.5, para
        for row in rows[1:]:
            assert abs(row[0]["x0"] - text_x) < 0.5, (para, "".join(c["text"] for c in row))
            hung += 1
    assert hung >= 3, "the points must run over more than one line for the hang to show"


@pytest.mark.parametrize("case", (SHIMANE, MOJ))
def test_the_docx_paragraph_hangs_by_the_numbers_width(built, case):
    """Each point a paragraph of its own: its number, a tab to a stop where the text
    starts, the text; the left indent one em and the number's width in, the first line
    that width out (Word sets the later lines under the text, an edit keeps them so)."""
    kind = "press-notice" if case == SHIMANE else "agreement"
    doc = Document(built / case / f"{kind}.docx")
    em = Pt(SIZE)
    for para, width in _numbered(case):
        number, text = re.match(r"([(（]?[0-9０-９]+[)）]?)　*(.*)", para).groups()
        p = next(p for p in doc.paragraphs if p.text.startswith(number + "\t"))
        assert p.text == f"{number}\t{text}", para                          # every word, in order
        direct = p.paragraph_format
        fmt = direct if direct.left_indent is not None else p.style.paragraph_format
        assert abs(fmt.first_line_indent - (-width * em)) < 130, para       # EMU: within 0.01 pt
        assert abs(fmt.left_indent - (1 + width) * em) < 130, para
        stops = [t.position for t in direct.tab_stops] or [t.position for t in p.style.paragraph_format.tab_stops]
        assert any(abs(t - (1 + width) * em) < 130 for t in stops), para


def _items(case: str = MOJ) -> list[str]:
    """The entries of the case's list of prose (一　甲は，… to 三), as written."""
    spec = yaml.safe_load((REAL / f"{case}.yaml").read_text(encoding="utf-8"))
    return next(p["items"] for p in spec["agreement"]["document"]["prose"] if isinstance(p, dict) and "items" in p)


@needs_poppler
def test_a_numbered_entry_of_a_prose_list_hangs_too(built):
    """国税庁's 合意書: ４　…次のとおりとする。 leads three entries numbered 一 to 三 (a list
    of prose without a mark, each number written in its entry): with the house's
    prose_number_hang each is a numbered point too, the number two em in, where an entry
    of the list begins, and its later lines under its text after the number (一　甲は，…
    / 報告を求める… under 甲), not back under the number."""
    pdf = _pdf(built, MOJ)
    margin = _margin(pdf, MOJ)
    hung = 0
    for entry in _items():
        rows = _paragraph_rows(pdf, entry)
        assert abs(rows[0][0]["x0"] - (margin + 2 * SIZE)) < 0.5, entry        # 一 where an entry begins
        text_x = rows[0][1]["x0"]                                              # 甲, after 一　
        assert abs(text_x - (margin + 4 * SIZE)) < 0.5, entry
        for row in rows[1:]:
            assert abs(row[0]["x0"] - text_x) < 0.5, (entry, "".join(c["text"] for c in row))
            hung += 1
    assert hung >= 2, "the entries must run over more than one line for the hang to show"


def test_the_docx_entry_hangs_by_its_numbers_width(built):
    """In the DOCX each entry its number, a tab and its text, the left indent four em
    and the first line two em out: Word sets the later lines under the text."""
    doc = Document(built / MOJ / "agreement.docx")
    em = Pt(SIZE)
    paragraphs = [p for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs] + doc.paragraphs
    for entry in _items():
        number, text = entry.split("　", 1)
        p = next(p for p in paragraphs if p.text.startswith(number + "\t"))
        assert p.text == f"{number}\t{text}", entry
        fmt = p.paragraph_format if p.paragraph_format.left_indent is not None else p.style.paragraph_format
        assert abs(fmt.left_indent - 4 * em) < 130 and abs(fmt.first_line_indent - (-2 * em)) < 130, entry


@needs_poppler
@pytest.mark.parametrize("case, style, key", [
    (SHIMANE, "shimane-pref.yaml", "section_number_hang"),
    (MOJ, "moj-nta-touki.yaml", "prose_number_hang"),
])
def test_without_the_key_the_points_are_set_as_any_paragraph(tmp_path, case, style, key):
    """The default unchanged: the first line one em in, the later lines at the margin."""
    spec = real_case_variant(tmp_path, case, style)
    house = tmp_path / "styles" / style
    text = house.read_text(encoding="utf-8")
    assert f"{key}: true" in text
    house.write_text(text.replace(f"{key}: true", f"{key}: false"), encoding="utf-8")
    out = _build(tmp_path / "out", spec)
    pdf = _pdf(out, case)
    margin = _margin(pdf, case)
    para, _ = _numbered(case)[0]
    rows = _paragraph_rows(pdf, para)
    assert len(rows) > 1
    assert abs(rows[0][0]["x0"] - (margin + SIZE)) < 0.5
    assert all(abs(r[0]["x0"] - margin) < 0.5 for r in rows[1:]), para
    if case == MOJ:          # the list's entries as before too: their later lines under the number
        rows = _paragraph_rows(pdf, _items()[0])
        assert len(rows) > 1 and all(abs(r[0]["x0"] - rows[0][0]["x0"]) < 0.5 for r in rows[1:])


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_an_agreement_template_older_than_the_hung_prose_is_refused_at_the_key(tmp_path):
    """A user's agreement template of before agreement.prose_number_hang sets every
    paragraph of prose one em in: the key is refused at the style file's line, and
    nothing is written."""
    mine = tmp_path / "mine"
    shutil.copytree(ROOT / "templates", mine, ignore=shutil.ignore_patterns("*.yaml", "*.docx"))
    template = mine / "agreement.xml.j2"
    text = template.read_text(encoding="utf-8")
    cut = re.sub(r"\{% elif (?:text\.prose and text\.prose\[-1\]|para)\.hang is defined %\}\n<item [^\n]*\n", "", text)
    cut = re.sub(r"\{% if e\.hang is defined %\}\n<item [^\n]*\n\{% else %\}\n(<item [^\n]*\n)\{% endif %\}\n", r"\1", cut)
    assert cut.count("hang is defined") == 0 and cut != text
    template.write_text(cut, encoding="utf-8")
    out = tmp_path / "out"
    result = run_generate(REAL / f"{MOJ}.yaml", "-o", out, "--kinds", "agreement", "--format", "pdf",
                          "--templates", mine)
    style = REAL / "styles" / "moj-nta-touki.yaml"
    assert result.returncode == 1, result.stderr
    assert (f"{style}:{_line_of(style, 'prose_number_hang:')}: agreement.prose_number_hang: the house sets"
            " agreement.prose_number_hang: true") in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not any(out.rglob("*.pdf")), "no output beside the error"
