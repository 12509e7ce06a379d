"""The line breaks the DOCX copies from the PDF (writers/docx/line_breaks.py) as Word and
LibreOffice set the lines, which squeeze no punctuation and keep a line-end full-width
space on its line: the space the PDF broke at is not left before the forced break (an
empty line in 江東区・サレー市's signature block), and a line the PDF fitted only by
squeezing its punctuation keeps its break with that punctuation narrowed (w:w) so that
it fits Word's column (ズ・ alone on a line in 立川市's block at the house's indent), or,
where narrowing cannot make it fit, leaves the break to Word.

The unit tests lay a paragraph out at many widths and measure every DOCX line as Word
sets it; the real cases are built, their DOCX read back, and (slow) converted by
LibreOffice and read again line by line."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import SOFFICE, needs_poppler, run_generate

REAL = Path(__file__).resolve().parent / "data" / "real"
SEED = Path(__file__).resolve().parent.parent / "specs" / "2024-02-27-okhotsk-kitami.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NPO = "特定非営利活動法人クライシスマッパーズ・ジャパン"
SIZE = 10.5                           # the default style's body, in points: one em of a full-width character


def docx_lines(text: str, width_twips: int, phrases="spaces"):
    """phrase_lines at that width for the default style's body: the pieces of each DOCX
    line (model inlines, the narrowed marks among them), the line breaks left out."""
    from jpdocs.content import model as m
    from jpdocs.spec.style import load_style
    from jpdocs.writers.docx.line_breaks import phrase_lines
    from jpdocs.writers.docx.paragraphs import Ctx
    out = phrase_lines(Ctx(load_style(), width_twips), "body", None, [m.Text(text)], phrases=phrases)
    lines = [[]]
    for inline in out:
        if isinstance(inline, m.LineBreak):
            lines.append([])
        else:
            lines[-1].append(inline)
    return lines


def pdf_lines(text: str, width_twips: int, phrases="spaces"):
    """The PDF composer's lines of the same paragraph: (text, adjust), adjust < 0 where
    it squeezed the line to fit (push-in)."""
    from jpdocs.content import model as m
    from jpdocs.spec.style import load_style
    from jpdocs.writers.docx.line_breaks import _builder
    from jpdocs.writers.tags import Node
    flow = _builder(load_style()).paragraph(m.Paragraph([m.Text(text)], style="body"), phrases=phrases,
                                            node=Node("P"))
    flow.wrap(width_twips / 20, 1e6)
    _, lines = flow.blPara.jl_composed
    return [(text[line.start:line.end], line.adjust) for line in lines]


def word_width(pieces) -> float:
    """A DOCX line of full-width characters as Word sets it, in points: one em each,
    a narrowed mark at its scale."""
    from jpdocs.writers.docx.paragraphs import Narrowed
    return sum(len(p.text) * SIZE * (p.scale / 100 if isinstance(p, Narrowed) else 1) for p in pieces)


def joined(pieces) -> str:
    return "".join(p.text for p in pieces)


# ---------------------------------------------------------------- the DOCX's inlines, unit-level
def test_a_break_at_a_full_width_space_is_the_spaces_own():
    """Surrey's title in 江東区・サレー市's 14.7-em column: the PDF breaks after the space,
    which takes no room at its line's end; the DOCX's forced break replaces it, so that
    Word has 14 em to set there, not 15."""
    text = "ブリティッシュ・コロンビア州\u3000サレー市長"
    assert [t for t, _ in pdf_lines(text, 3095)] == ["ブリティッシュ・コロンビア州\u3000", "サレー市長"]
    lines = docx_lines(text, 3095)
    assert [joined(line) for line in lines] == ["ブリティッシュ・コロンビア州", "サレー市長"]
    # where the paragraph fits one line, nothing is broken and the space stays
    assert [joined(line) for line in docx_lines(text, 4400)] == [text]


def test_a_line_the_pdf_fits_by_squeezing_its_ideographic_dot_keeps_its_break_and_fits_word():
    """…マッパーズ・ is 20 em; between 19.5 and 20 em the PDF fits it by taking the ・'s
    blanks (push-in). At every such width the DOCX breaks there too, the ・ alone narrowed
    to what the line lacks, and the line as Word sets it fits the width."""
    squeezed = 0
    # 19.5 em (4095 twips: the ・ at half, and no room left for rounding) to just under 20 em
    # (at 20 em the line fits exactly, narrowed a per cent for Word's rounding: line_breaks._ROOM)
    for twips in range(4100, 4200, 5):
        pdf = pdf_lines(NPO, twips)
        lines = docx_lines(NPO, twips)
        assert [joined(line) for line in lines] == [t for t, _ in pdf], twips
        first = lines[0]
        narrowed = [p for p in first if type(p).__name__ == "Narrowed"]
        if pdf[0][1] < 0:                        # the PDF squeezed its first line
            squeezed += 1
            assert [p.text for p in narrowed] == ["・"] and 50 <= narrowed[0].scale < 100, twips
        else:
            assert not narrowed, twips
        assert word_width(first) <= twips / 20, (twips, word_width(first))
    assert squeezed >= 15


def test_a_forced_break_is_never_left_to_a_line_too_long_for_word():
    """Every DOCX line that ends in a forced break and is a line of the PDF, as Word sets
    it (full-width characters, no squeezing), fits its width, over a range of widths and
    of punctuation the PDF squeezes (closing brackets, the dot, an opening bracket). (A
    DOCX line that holds more than one of the PDF's, a part longer than its line broken
    inside a word in the PDF, Word wraps its own way.)"""
    texts = [NPO, "「北山市」（みなみ県）・北山市中央公民館\u3000館長", "東京都北山市役所（本庁舎）\u3000市長室・秘書課"]
    measured = narrowed = 0
    for text in texts:
        for twips in range(1600, 5000, 15):
            lines = docx_lines(text, twips)
            assert "".join(joined(line) for line in lines).replace("\u3000", "") == text.replace("\u3000", "")
            pdf = {t.rstrip("\u3000") for t, _ in pdf_lines(text, twips)}
            for line in lines[:-1]:
                if joined(line) in pdf:
                    measured += 1
                    narrowed += any(type(p).__name__ == "Narrowed" for p in line)
                    assert word_width(line) <= twips / 20 + 1e-6, (text, twips, [joined(x) for x in lines])
    assert measured > 200 and narrowed > 20, (measured, narrowed)


def test_a_line_the_pdf_fits_only_by_narrowing_the_space_beside_digits_breaks_before_its_address():
    """The PDF may also fit a line by narrowing the quarter em between kanji and digits
    (和欧間); the DOCX has no punctuation to narrow there, so it does not force the
    PDF's break after the space, and the text keeps its space. Left to itself, Word would
    wrap the line's end inside the address (3丁目4番 / 41号); the DOCX breaks it before
    the address instead, which the PDF keeps whole, and Word sets on from there."""
    text = "東京都調布市国領町3丁目4番41号\u3000北山ビル"
    pdf = pdf_lines(text, 3310)
    assert pdf[0][0].endswith("\u3000") and pdf[0][1] < 0
    assert [joined(line) for line in docx_lines(text, 3310)] == ["東京都調布市国領町", "3丁目4番41号\u3000北山ビル"]
    # with room for the line as Word sets it, the break (and the space's drop) is kept
    assert [joined(line) for line in docx_lines(text, 3470)] == ["東京都調布市国領町3丁目4番41号", "北山ビル"]


def test_a_line_word_cannot_fit_breaks_before_the_address_not_inside_it():
    """町田市・相模原市's CMJ: an address the PDF sets on one line by narrowing the 和欧間
    before 41, which Word and LibreOffice set a full quarter em and so wrap 41 alone
    (３丁目４番地 / 41, seen in LibreOffice). The DOCX breaks the line before the address,
    at every width where only the PDF fits it; where Word fits it too, it stays one line."""
    text = "東京都調布市国領町３丁目４番地41"
    for twips in range(3390, 3415, 5):
        assert [t for t, _ in pdf_lines(text, twips)] == [text], twips
        assert [joined(line) for line in docx_lines(text, twips)] == ["東京都調布市国領町", "３丁目４番地41"], twips
    for twips in (3420, 3600):
        assert [joined(line) for line in docx_lines(text, twips)] == [text], twips


def test_the_narrowed_mark_is_one_run_with_its_scale(tmp_path):
    """The XML: the ・ in a run of its own with w:w, after the other runs' properties."""
    from jpdocs.content import model as m
    from jpdocs.spec.style import load_style
    from jpdocs.writers.docx.paragraphs import Ctx, Narrowed, _runs
    p = etree.Element(f"{W}p")
    _runs(p, load_style(), [m.Text("マッパーズ"), Narrowed("・", scale=67), m.LineBreak(), m.Text("ジャパン")], 0)
    runs = [(("".join(t.text for t in r.iter(f"{W}t"))), [c.tag[len(W):] for c in r.iter() if c is not r])
            for r in p.iter(f"{W}r")]
    assert runs[1][0] == "・" and runs[1][1] == ["rPr", "w", "t"], runs
    assert p.find(f"{W}r/{W}rPr/{W}w") is not None and p.find(f"{W}r/{W}rPr/{W}w").get(f"{W}val") == "67"
    assert runs[2][1] == ["br"] and runs[3][0] == "ジャパン"


# ---------------------------------------------------------------- the real cases
@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """江東区・サレー市 as it is, and 立川市 at the default's signature indent (0.3), where
    the PDF's line holds …ズ・ only by squeezing the ・ (the case's own 0.29 avoids it);
    町田市・相模原市, whose line reached …ジャ by squeezing the ・ (jlreq_lines' push-in).
    Both at 0.2999, an indent of the house's own, which the blocks keep: at the default
    (0.3) the lines' column takes the room the NPO's name needs whole (fit="blocks"), and
    no line would be squeezed."""
    out = tmp_path_factory.mktemp("forced_breaks")
    specs = out / "specs"
    shutil.copytree(REAL / "styles", specs / "styles")
    style = specs / "styles" / "cmj-tachikawa.yaml"
    text = style.read_text(encoding="utf-8")
    assert "signature_indent: 0.29 " in text
    style.write_text(text.replace("signature_indent: 0.29 ", "signature_indent: 0.2999 "), encoding="utf-8")
    machida = specs / "styles" / "cmj-machida-sagamihara.yaml"
    text = machida.read_text(encoding="utf-8")
    assert "signature_indent" not in text and "\nagreement:\n" in text
    machida.write_text(text.replace("\nagreement:\n", "\nagreement:\n  signature_indent: 0.2999\n"), encoding="utf-8")
    cases = ("koto-surrey-1989", "tachikawa-cmj-2018", "machida-sagamihara-cmj-2019")
    for case in cases:
        shutil.copy(REAL / f"{case}.yaml", specs / f"{case}.yaml")
    result = run_generate(*(specs / f"{case}.yaml" for case in cases), "-o", out / "out",
                          "--kinds", "agreement", "--force", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    return out / "out"


def docx_paragraph(path: Path, start: str) -> list[tuple[str, int | None]]:
    """The DOCX paragraph holding `start`: each run's text ("\\n" for a line break) and
    its w:w (None: its full width)."""
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    for p in body.iter(f"{W}p"):
        runs = []
        for r in p.iter(f"{W}r"):
            scale = r.find(f"{W}rPr/{W}w")
            runs.append(("\n" if r.find(f"{W}br") is not None else "".join(t.text or "" for t in r.iter(f"{W}t")),
                         None if scale is None else int(scale.get(f"{W}val"))))
        if "".join(t for t, _ in runs).startswith(start):
            return runs
    raise AssertionError(start)


def layout_lines(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [line.strip() for line in text.splitlines()]


def line_after(lines: list[str], text: str) -> tuple[str, str]:
    """The layout line that ends with `text` (a column's line) and the next one."""
    at = next(i for i, line in enumerate(lines) if line.endswith(text))
    return lines[at], lines[at + 1]


@needs_poppler
def test_koto_surrey_docx_breaks_surreys_title_without_its_space(built):
    pdf = layout_lines(built / "koto-surrey-1989" / "agreement.pdf")
    assert line_after(pdf, "ブリティッシュ・コロンビア州")[1].endswith("サレー市長")
    runs = docx_paragraph(built / "koto-surrey-1989" / "agreement.docx", "ブリティッシュ")
    assert "".join(t for t, _ in runs) == "ブリティッシュ・コロンビア州\nサレー市長"


@needs_poppler
def test_tachikawa_at_the_house_indent_narrows_the_dot_the_pdf_squeezed(built):
    pdf = layout_lines(built / "tachikawa-cmj-2018" / "agreement.pdf")
    assert line_after(pdf, "特定非営利活動法人クライシスマッパーズ・")[1] == "ジャパン"
    runs = docx_paragraph(built / "tachikawa-cmj-2018" / "agreement.docx", "特定非営利活動法人")
    assert "".join(t for t, _ in runs) == NPO.replace("・ジャ", "・\nジャ")
    assert [(t, s) for t, s in runs if s is not None] == [("・", runs[1][1])] and 50 <= runs[1][1] < 100, runs


@needs_poppler
def test_machida_ends_the_pushed_in_line_after_the_dot_not_inside_japan(built):
    """The line would hold …ジャ by squeezing the ・ and ended there (…ジャ / パン, in the
    PDF and the DOCX that copied the break): it ends after the ・, in both."""
    pdf = layout_lines(built / "machida-sagamihara-cmj-2019" / "agreement.pdf")
    assert line_after(pdf, "クライシスマッパーズ・")[1] == "ジャパン"
    runs = docx_paragraph(built / "machida-sagamihara-cmj-2019" / "agreement.docx", "\u3000\u3000\u3000NPO法人")
    assert "".join(t for t, _ in runs).endswith("NPO法人クライシスマッパーズ・\nジャパン"), runs


def test_machida_keeps_each_address_number_whole_in_the_pdf_and_the_docx(built):
    """相模原市's address ended its line at 中央２丁目11番 before 15号, in the PDF and in the
    DOCX that copied the break; CMJ's fits the PDF's line only with its 和欧間 narrowed.
    Each address number goes whole to the next line, in both."""
    runs = docx_paragraph(built / "machida-sagamihara-cmj-2019" / "agreement.docx", "\u3000\u3000\u3000相模原市")
    assert "".join(t for t, _ in runs) == "\u3000\u3000\u3000相模原市中央区中央\n２丁目11番15号", runs
    runs = docx_paragraph(built / "machida-sagamihara-cmj-2019" / "agreement.docx", "\u3000\u3000\u3000東京都調布市")
    assert "".join(t for t, _ in runs) == "\u3000\u3000\u3000東京都調布市国領町\n３丁目４番地41", runs


def convert(docx: Path, outdir: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                   env=dict(os.environ, HOME=str(outdir)), capture_output=True, timeout=300, check=True)
    return outdir / (docx.stem + ".pdf")


@pytest.mark.parametrize("case, first, second", [
    ("koto-surrey-1989", "ブリティッシュ・コロンビア州", "サレー市長"),
    ("tachikawa-cmj-2018", "特定非営利活動法人クライシスマッパーズ・", "ジャパン"),
    ("machida-sagamihara-cmj-2019", "相模原市中央区中央", "２丁目11番15号"),
])
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@needs_poppler
def test_libreoffice_sets_the_lines_as_the_pdf_does(built, tmp_path, case, first, second):
    """The DOCX converted by LibreOffice: the line the PDF breaks is followed by the PDF's
    next line, with no empty line (koto) and no piece wrapped alone (ズ・, tachikawa)."""
    pdf = line_after(layout_lines(built / case / "agreement.pdf"), first)
    lo = line_after(layout_lines(convert(built / case / "agreement.docx", tmp_path)), first)
    assert re.sub(r"\s+", "", lo[1]).endswith(second), lo
    assert re.sub(r"\s+", "", pdf[1]).endswith(second), pdf


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@needs_poppler
def test_libreoffice_sets_cmjs_address_number_whole(built, tmp_path):
    """CMJ's address, one line in the PDF, is two in LibreOffice (its 和欧間 a quarter em):
    broken before the address number, not inside it (３丁目４番地 / 41)."""
    lo = [re.sub(r"\s+", "", line) for line in
          layout_lines(convert(built / "machida-sagamihara-cmj-2019" / "agreement.docx", tmp_path))]
    at = next(i for i, line in enumerate(lo) if line.endswith("東京都調布市国領町"))
    assert lo[at + 1] == "３丁目４番地41", lo[at:at + 2]


# ---------------------------------------------------------------- an overview sheet's item
ITEM = "・オホーツクAI（エリアアイディンティティ）の推進\u3000等"


def item_lines(width_twips: int) -> list[str]:
    """The seed overview's item in a cell `width_twips` wide, as the DOCX breaks it (・ hung
    one em, as the sheet sets it): each line's text."""
    from jpdocs.content import model as m
    from jpdocs.spec.style import load_style
    from jpdocs.writers.docx.line_breaks import SQUEEZED, phrase_lines
    from jpdocs.writers.docx.paragraphs import Ctx
    out = phrase_lines(Ctx(load_style(), width_twips, in_cell=True), "sheet_item", None, [m.Text(ITEM)],
                       phrases=SQUEEZED, indents=(-1.0, 1.0))
    return "".join("\n" if isinstance(i, m.LineBreak) else i.text for i in out).split("\n")


def test_an_item_the_pdf_fits_by_squeezing_breaks_before_its_bracket_not_inside_a_word():
    """The seed overview's item: the PDF sets …アイディンティティ） on the first line by
    squeezing its brackets, which Word and LibreOffice do not; left to itself LibreOffice
    wrapped …アイディン / ティティ）. The DOCX breaks before the bracket, where a phrase
    starts; where the line fits as Word sets it, nothing."""
    assert item_lines(4250) == ["・オホーツクAI", "（エリアアイディンティティ）の推進\u3000等"]
    assert item_lines(4700) == [ITEM]


@pytest.fixture(scope="module")
def overview(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("overview")
    result = run_generate(SEED, "-o", out, "--kinds", "overview", "--force")
    assert result.returncode == 0, result.stderr
    return out / SEED.stem


def test_the_seed_overview_docx_breaks_the_item_before_its_bracket(overview):
    runs = docx_paragraph(overview / "overview.docx", "・オホーツクAI")
    assert "".join(t for t, _ in runs) == ITEM.replace("AI（", "AI\n（"), runs
    # the other items keep no break of their own (Word wraps them as the PDF does)
    body = etree.fromstring(zipfile.ZipFile(overview / "overview.docx").read("word/document.xml"))
    items = [p for p in body.iter(f"{W}p")
             if (p.find(f"{W}pPr/{W}pStyle") is not None
                 and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val").startswith("sheet_item"))]
    assert len(items) > 10
    broken = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in items if p.find(f"{W}r/{W}br") is not None]
    assert broken == [ITEM], broken


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@needs_poppler
def test_libreoffice_keeps_the_overview_items_word_whole(overview, tmp_path):
    lo = [re.sub(r"\s+", "", line) for line in layout_lines(convert(overview / "overview.docx", tmp_path))]
    assert any(line.endswith("（エリアアイディンティティ）の推進等") for line in lo), lo


@needs_poppler
def test_surreys_title_written_whole_breaks_before_the_place_name(tmp_path):
    """江東区・サレー市 with Surrey's title written without its space, as the covenant's prose
    writes the place (カナダ国ブリティッシュ・コロンビア州サレー市長), its block in one column
    at an indent (0.26) that leaves its line room for …州サレー only by squeezing the ・:
    the line ends before the place name (…コロンビア州 / サレー市長), never inside the title
    (…州サレー / 市長, as it did), and the DOCX copies the break."""
    specs = tmp_path / "specs"
    shutil.copytree(REAL / "styles", specs / "styles")
    style = specs / "styles" / "koto-ward.yaml"
    text = style.read_text(encoding="utf-8")
    assert "signature_columns: 2\n" in text
    style.write_text(text.replace("signature_columns: 2\n", "signature_columns: 1\n  signature_indent: 0.26\n"),
                     encoding="utf-8")
    spec = (REAL / "koto-surrey-1989.yaml").read_text(encoding="utf-8")
    title = "title: ブリティッシュ・コロンビア州　サレー市長"
    assert title in spec
    spec = spec.replace(title, "title: カナダ国ブリティッシュ・コロンビア州サレー市長")
    (specs / "koto.yaml").write_text(spec, encoding="utf-8")
    result = run_generate(specs / "koto.yaml", "-o", tmp_path / "out", "--kinds", "agreement", "--force")
    assert result.returncode == 0, result.stderr
    pdf = layout_lines(tmp_path / "out" / "koto" / "agreement.pdf")
    assert line_after(pdf, "カナダ国ブリティッシュ・コロンビア州")[1].endswith("サレー市長")
    runs = docx_paragraph(tmp_path / "out" / "koto" / "agreement.docx", "カナダ国")
    assert "".join(t for t, _ in runs) == "カナダ国ブリティッシュ・コロンビア州\nサレー市長"
