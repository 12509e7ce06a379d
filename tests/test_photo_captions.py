"""A photo's caption (`press_notice.sections[].photos[].caption`) as the page sets it:
the people it names kept whole on a line (`names:`, as the spec's other people are:
writers/kept_names.py), and a caption given as its lines, each a line of its own.

Built with the real generator on the seed spec with a section of two photos, side by
side (each caption in half the text's width), and read back: the PDF's lines (a name
that JLREQ would tear at the line's end, 錦織 / 孝一, is whole on the next line; the
same caption without `names:` tears it, so the test can fail), the lines of a caption
given as a list, each centred under its photo; the DOCX reopened (the caption one
paragraph, its lines parted by line breaks; each picture's description). The spec's
errors (a blank line of a caption, an empty list; a name the caption does not print,
of one character, one the spec holds already, names without a caption) at file, line
and key, with nothing written.
"""
from __future__ import annotations

import shutil
import subprocess

import docx
import pdfplumber
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from conftest import SOFFICE, needs_poppler
from test_photos import _line, build, photo_spec
from test_tagged_pdf import structure, validate
from test_real_cases import torn_names

NAME = "錦織　孝一"
# where the caption's line is full, JLREQ would break at the name's space (錦織 / 孝一)
TORN = "左から中央県北部地域農業振興協議会理事長錦織　孝一、中央市長"
LINES = ["左から", "久保多賀町長、野瀬甲良町長", "有村愛荘町長"]


def _photos(names=None):
    first = {"file": "photos/sign.jpg", "caption": TORN}
    if names:
        first["names"] = names
    return [first, {"file": "photos/hall.jpg", "caption": LINES}]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The notice with names: (kept) and without (torn), each a PDF and a DOCX."""
    out = {}
    for names in ([NAME], None):
        tmp = tmp_path_factory.mktemp("captions")
        result = build(photo_spec(tmp, photos=_photos(names)), tmp / "out")
        assert result.returncode == 0, result.stderr
        out[bool(names)] = tmp / "out" / "photos"
    return out


def _caption_lines(pdf, index: int) -> tuple[list[list[dict]], dict]:
    """The lines of the caption under the page's photo `index` (its characters between
    the photo's sides, under it, up to the first gap wider than a line's), each a list of its characters left to right; and the
    photo."""
    with pdfplumber.open(pdf) as doc:
        page = next(p for p in doc.pages if p.images)
        photo = page.images[index]
        chars = [c for c in page.chars if c["text"].strip() and photo["x0"] - 1 <= c["x0"] <= photo["x1"]
                 and photo["bottom"] < c["top"] < photo["bottom"] + 60]
    rows: dict[float, list] = {}
    for c in chars:
        rows.setdefault(round(c["top"]), []).append(c)
    lines, last = [], photo["bottom"]
    for top, row in sorted(rows.items()):
        if top - last > 20:                  # (the caption's end: what follows the photos)
            break
        lines.append(sorted(row, key=lambda c: c["x0"]))
        last = top
    return lines, photo


def _texts(lines) -> list[str]:
    return ["".join(c["text"] for c in line) for line in lines]


@needs_poppler
def test_a_name_the_caption_holds_is_not_torn_at_a_lines_end(built):
    kept = _texts(_caption_lines(built[True] / "press-notice.pdf", 0)[0])
    torn = _texts(_caption_lines(built[False] / "press-notice.pdf", 0)[0])
    assert torn == ["左から中央県北部地域農業振興協議会理事長錦織", "孝一、中央市長"]     # as JLREQ breaks it
    assert torn_names(torn, {NAME}) != []
    assert kept == ["左から中央県北部地域農業振興協議会理事長", "錦織孝一、中央市長"]
    assert torn_names(kept, {NAME}) == []


def _starts_and_middle(lines, photo) -> tuple[list[float], float]:
    """Where each line's first glyph starts, and how far the block of the lines (the
    first start to the widest line's end) stands from the photo's middle."""
    starts = [line[0]["x0"] for line in lines]
    block = (min(starts) + max(line[-1]["x1"] for line in lines)) / 2
    return starts, abs(block - (photo["x0"] + photo["x1"]) / 2)


@needs_poppler
def test_a_caption_given_as_its_lines_is_one_block_flush_left_centred_under_its_photo(built):
    lines, hall = _caption_lines(built[True] / "press-notice.pdf", 1)
    assert _texts(lines) == LINES
    starts, off = _starts_and_middle(lines, hall)
    assert max(starts) - min(starts) < 0.01, starts           # each line from the block's left edge
    assert off < 1                                            # the block (its widest line) centred
    assert len({round(line[-1]["x1"]) for line in lines}) == 3      # (lines of three widths)


@pytest.fixture(scope="module")
def blocks(tmp_path_factory):
    """A notice with a caption of one line and one of several, a line of it too long
    for the photo's width (PDF and DOCX)."""
    tmp = tmp_path_factory.mktemp("blocks")
    spec = photo_spec(tmp, photos=[{"file": "photos/sign.jpg", "caption": ONE_LINE},
                                   {"file": "photos/hall.jpg", "caption": PEOPLE}])
    result = build(spec, tmp / "out")
    assert result.returncode == 0, result.stderr
    return tmp / "out" / "photos"


ONE_LINE = "協定書を手にする局長（左）と学長（右）"
# a list of people as do-gyosei-tomakomai-2015 prints it, its last line longer than the photo
PEOPLE = ["写真　左から", "・土井光博　北海道行政書士会　苫小牧副支部長", "・岩倉博文　苫小牧市長",
          "・酒勾桂子　北海道行政書士会　広報部長、北海道行政書士会苫小牧支部の会員の皆様"]


@needs_poppler
def test_a_caption_of_one_line_is_centred_under_its_photo(blocks):
    lines, sign = _caption_lines(blocks / "press-notice.pdf", 0)
    assert _texts(lines) == [ONE_LINE]
    assert _starts_and_middle(lines, sign)[1] < 1


@needs_poppler
def test_a_line_too_long_for_the_photo_wraps_inside_the_block(blocks):
    lines, hall = _caption_lines(blocks / "press-notice.pdf", 1)
    texts = _texts(lines)
    assert len(texts) == 5 and "".join(texts[3:]) == PEOPLE[3].replace("　", "")     # the last line wrapped
    starts, off = _starts_and_middle(lines, hall)
    assert max(starts) - min(starts) < 0.01, starts           # its second part flush left in the block too
    assert off < 1


def test_the_block_caption_pdf_validates_and_its_caption_is_one_paragraph(blocks):
    pdf = blocks / "press-notice.pdf"
    assert validate(pdf) == []
    _, elements, _ = structure(pdf)
    assert [str(e["/Alt"]) for r, e in elements if r == "Figure"] == [ONE_LINE, " ".join(PEOPLE)]


def test_the_docx_indents_a_block_caption_and_centres_a_line(blocks):
    d = docx.Document(str(blocks / "press-notice.docx"))
    paragraphs = {p.text: p for t in d.tables for row in t.rows for cell in row.cells for p in cell.paragraphs}
    one, block = paragraphs[ONE_LINE], paragraphs["\n".join(PEOPLE)]      # one paragraph, lines parted by breaks
    assert one.alignment == WD_ALIGN_PARAGRAPH.CENTER and not _left_indent(one)
    assert block.alignment == WD_ALIGN_PARAGRAPH.LEFT
    # indented to centre its widest line (the long line broken after its 、, short of the cell):
    # where LibreOffice sets it, test_libreoffice_sets_the_docx_block_caption_as_the_pdf
    assert _left_indent(block) > 0


def _left_indent(p) -> int:
    """A paragraph's left indent in twips, its own or its style's (the DOCX names an
    indented paragraph's style by its indent: 注記（左14.44字）)."""
    for pPr in (p._p.pPr, p.style.element.pPr):
        ind = pPr.find(qn("w:ind")) if pPr is not None else None
        if ind is not None and ind.get(qn("w:left")):
            return int(ind.get(qn("w:left")))
    return 0


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_sets_the_docx_block_caption_as_the_pdf(built, tmp_path):
    """Where LibreOffice sets the DOCX's caption of several lines: flush left, the block
    where the PDF's stands. (Against the PDF's caption, not LibreOffice's photo: it sets
    the seed's photo, as wide as its cell's text, 9 pt to the right of the PDF's.)"""
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(built[True] / "press-notice.docx")],
                   capture_output=True, timeout=300, check=True, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    lines, _ = _caption_lines(tmp_path / "press-notice.pdf", 1)
    pdf_lines, _ = _caption_lines(built[True] / "press-notice.pdf", 1)
    assert _texts(lines) == LINES
    starts = [line[0]["x0"] for line in lines]
    assert max(starts) - min(starts) < 0.01, starts
    for line, pdf_line in zip(lines, pdf_lines):
        assert abs(line[0]["x0"] - pdf_line[0]["x0"]) < 1 and abs(line[-1]["x1"] - pdf_line[-1]["x1"]) < 1


# a caption's first line in brackets over a list of people, ・ after ・, and a line of a name
BRACKETED = ["（写真左から）", "・土井光博　北海道行政書士会", "水野消防長"]


@pytest.fixture(scope="module")
def bracketed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bracketed")
    result = build(photo_spec(tmp, photos=[{"file": "photos/sign.jpg", "caption": ONE_LINE},
                                           {"file": "photos/hall.jpg", "caption": BRACKETED}]), tmp / "out")
    assert result.returncode == 0, result.stderr
    return tmp / "out" / "photos"


def _bracket_and_dot(lines) -> tuple[float, float, float]:
    """The block's edge, and where the text after the line-head （ and after the ・
    begins, from the caption's lines read back."""
    assert _texts(lines) == [t.replace("　", "") for t in BRACKETED]
    starts = {round(line[0]["x0"], 2) for line in lines}
    assert len(starts) == 1, starts                              # each line's first glyph at the block's edge
    return starts.pop(), lines[0][1]["x0"], lines[1][1]["x0"]


@needs_poppler
def test_a_line_head_opening_bracket_keeps_its_blank_half_in_a_block_caption_as_in_the_body(bracketed):
    """JLREQ §3.1.5 gives two ways to set an opening bracket at a line's head: without
    its blank half (天付き, Appendix B.2 note 17's preferred) or with it, a full em (the
    alternative it names). The house keeps it, in the body (jlreq_lines._shrinkable)
    and in a block caption alike: measured, the text after （ then begins where the
    text after the ・ under it does (9 pt, one em of the caption's size, in from the
    block's edge), and the bracket's ink stands 0.66 em in, the ・'s 0.42 em. Without
    the blank the bracket's text would begin half an em left of the ・ lines' text."""
    lines, _ = _caption_lines(bracketed / "press-notice.pdf", 1)
    edge, after_bracket, after_dot = _bracket_and_dot(lines)
    size = lines[0][0]["size"]
    assert abs(after_bracket - after_dot) < 0.01 and abs(after_bracket - edge - size) < 0.01, (edge, after_bracket, after_dot)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_the_docx_sets_a_line_head_bracket_of_a_block_caption_as_the_pdf(bracketed, tmp_path):
    """The DOCX asks no compression of a line-head bracket (w:topLinePunct: Word would
    set every line-head bracket of the paragraph without its blank half, unlike the
    PDF); LibreOffice sets the caption's lines as the PDF does."""
    d = docx.Document(str(bracketed / "press-notice.docx"))
    block = next(p for t in d.tables for row in t.rows for cell in row.cells for p in cell.paragraphs
                 if p.text == "\n".join(BRACKETED))
    assert not list(d.element.body.iter(qn("w:topLinePunct"))) and block._p.pPr.find(qn("w:topLinePunct")) is None
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(bracketed / "press-notice.docx")],
                   capture_output=True, timeout=300, check=True, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    office = _bracket_and_dot(_caption_lines(tmp_path / "press-notice.pdf", 1)[0])
    pdf = _bracket_and_dot(_caption_lines(bracketed / "press-notice.pdf", 1)[0])
    assert abs(office[1] - office[2]) < 0.01, office
    assert all(abs(a - b) < 1 for a, b in zip(office, pdf)), (office, pdf)


def test_the_docx_sets_the_captions_lines_and_each_photo_describes_itself(built):
    d = docx.Document(str(built[True] / "press-notice.docx"))
    paragraphs = [p.text for t in d.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
    assert TORN in paragraphs
    assert "\n".join(LINES) in paragraphs                    # one paragraph, its lines parted by breaks
    described = [el.get("descr") for el in d.element.body.iter() if el.tag.endswith("}docPr")]
    assert described == [TORN, " ".join(LINES)]


@pytest.mark.parametrize("photo, fragment, key, message", [
    ({"caption": ["左から", "　"]}, "- 　", "caption[1]",
     "a line of the photo's caption is blank: write what it says, or leave the line out"),
    ({"caption": ["左から", ""]}, "- ''", "caption[1]", ""),
    ({"caption": []}, "caption: []", "caption", ""),
    ({"caption": TORN, "names": ["錦織　孝二"]}, "- 錦織　孝二", "names[0]",
     "the caption does not name 錦織　孝二"),
    ({"caption": ["左から錦織", "孝一、中央市長"], "names": [NAME]}, "- 錦織　孝一", "names[0]",
     "the caption does not name 錦織　孝一"),
    ({"caption": TORN, "names": ["錦"]}, "- 錦", "names[0]", "錦 is one character"),
    ({"caption": "握手を交わす鈴木聡一郎学長", "names": ["鈴木　聡一郎"]}, "- 鈴木　聡一郎", "names[0]",
     "the spec holds 鈴木　聡一郎 already"),
    ({"alt": "握手", "names": [NAME]}, "names:", "names",
     "the photo has no caption to name anyone: names: would have no effect"),
    ({"caption": TORN, "names": []}, "names: []", "names", ""),
])
def test_a_caption_that_cannot_be_printed_as_given_is_an_error_at_its_key(tmp_path, photo, fragment, key, message):
    spec = photo_spec(tmp_path, photos=[{"file": "photos/sign.jpg", **photo}])
    result = build(spec, tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    at = f"{spec}:{_line(spec, fragment)}: press_notice.sections[0].photos[0].{key}: "
    assert at in result.stderr, result.stderr
    assert message in result.stderr, result.stderr
    assert not (tmp_path / "out" / "photos").exists() or not any((tmp_path / "out" / "photos").iterdir())
