"""Photos among the notice's text where the page sets them (press_notice.opening's
{photos: […]}): a section's photos stand after its paragraphs, and a page that opens
with its photo under the title (流山市's ぐるっと流山, `nagareyama-police-2018`) or sets
one between two paragraphs of its text (a PR release's 画像1, `michinoku-rokkasho-2022`)
had no place to say so.

The real cases are built by the command line, PDF and DOCX: the pictures' places on
the PDF's page against the text's glyphs, the tagged PDF's Figures with their texts,
the DOCX reopened (its photos' table among the text's paragraphs, in the page's
order). Photos among the text where the house sets the text in its head's table, and
a note ({note: …}) straight after photos, are refused with file, line and key."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pdfplumber
import pytest
import yaml

from conftest import ROOT, needs_poppler, run_generate
from test_notice_format import SEED, check, has_error, variant
from test_tagged_pdf import structure

REAL = ROOT / "tests" / "data" / "real"
ABOVE = "nagareyama-police-2018"       # its first photo above the text
BETWEEN = "michinoku-rokkasho-2022"    # a photo without a caption between the text's first two paragraphs


def _plain(text: str) -> str:
    return re.sub(r"[ 　]", "", text)


def _opening(case: str) -> list:
    return yaml.safe_load((REAL / f"{case}.yaml").read_text(encoding="utf-8"))["press_notice"]["opening"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("opening-photos")
    for case in (ABOVE, BETWEEN):
        result = run_generate(REAL / f"{case}.yaml", "-o", out, "--kinds", "press-notice", "--format", "pdf,docx")
        assert result.returncode == 0, result.stderr
    return {case: out / case for case in (ABOVE, BETWEEN)}


def _top_of(page, text: str) -> tuple[float, float]:
    """The top and bottom of the first line on the page that begins the text (its first
    twelve characters, spaces aside)."""
    chars = [c for c in page.chars if not c["text"].isspace()]
    line = "".join(c["text"] for c in chars)
    at = line.find(_plain(text)[:12])
    assert at >= 0, (text, line[:200])
    return chars[at]["top"], chars[at]["bottom"]


@needs_poppler
def test_the_first_photo_stands_under_the_title_above_the_text(built):
    opening = _opening(ABOVE)
    photo, first = opening[0]["photos"][0], opening[1]
    subject = yaml.safe_load((REAL / f"{ABOVE}.yaml").read_text(encoding="utf-8"))["press_notice"]["subject"]
    with pdfplumber.open(built[ABOVE] / "press-notice.pdf") as pdf:
        page = pdf.pages[0]
        _, title_bottom = _top_of(page, subject)
        caption_top, caption_bottom = _top_of(page, photo["caption"])
        text_top, _ = _top_of(page, first)
        picture = min(page.images, key=lambda im: im["top"])       # the page's first picture
    assert title_bottom < picture["top"] < picture["bottom"] < caption_top   # under the title, its caption under it
    assert caption_bottom < text_top                                         # and the text after both


@needs_poppler
def test_a_photo_between_two_paragraphs_stands_between_them(built):
    opening = _opening(BETWEEN)
    assert isinstance(opening[0], str) and "photos" in opening[1] and isinstance(opening[2], str)
    with pdfplumber.open(built[BETWEEN] / "press-notice.pdf") as pdf:
        page = pdf.pages[0]
        chars = [c for c in page.chars if not c["text"].isspace()]
        line = "".join(c["text"] for c in chars)
        first = _plain(opening[0])
        end = line.find(first[-12:]) + 11          # the first paragraph's last glyph
        assert end > 11, line[:300]
        before_bottom = chars[end]["bottom"]
        after_top, _ = _top_of(page, opening[2])
        between = [im for im in page.images if before_bottom < im["top"] and im["bottom"] < after_top]
    assert len(between) == 1, [(im["top"], im["bottom"]) for im in page.images]


def test_the_photo_without_a_caption_is_a_figure_with_its_alt_and_nothing_printed(built):
    pdf = built[BETWEEN] / "press-notice.pdf"
    _, elements, _ = structure(pdf)
    figures = [str(e["/Alt"]) for r, e in elements if r == "Figure"]
    assert figures == ["画像1", "画像2"]                 # in the page's order: the text's, then the section's
    with pdfplumber.open(pdf) as doc:
        assert not any("画像" in page.extract_text() for page in doc.pages)


def _body_order(path: Path, texts: list[str]) -> list[str]:
    """The DOCX body's blocks in order: 'photos' for a table holding a picture, else the
    text each paragraph begins with when it is one of `texts` (others left out)."""
    body = docx.Document(str(path)).element.body
    out = []
    for el in body.iterchildren():
        if el.tag.endswith("}tbl") and any(d.tag.endswith("}drawing") for d in el.iter()):
            out.append("photos")
        elif el.tag.endswith("}p"):
            text = "".join(t.text or "" for t in el.iter() if t.tag.endswith("}t"))
            out += [t for t in texts if text and text == t]
    return out


def test_the_docx_sets_the_photos_table_where_the_page_sets_it(built):
    above = [p for p in _opening(ABOVE) if isinstance(p, str)]
    order = _body_order(built[ABOVE] / "press-notice.docx", above)
    assert order[:2] == ["photos", above[0]], order          # the photo first, then the text
    between = [p for p in _opening(BETWEEN) if isinstance(p, str)]
    order = _body_order(built[BETWEEN] / "press-notice.docx", between)
    assert order[:3] == [between[0], "photos", between[1]], order
    d = docx.Document(str(built[BETWEEN] / "press-notice.docx"))
    described = [el.get("descr") for el in d.element.body.iter() if el.tag.endswith("}docPr")]
    assert described == ["画像1", "画像2"]


SEED_OPENING = "  opening:\n    - 今般"
PHOTO = "    - photos: [{file: photo.jpg, caption: 握手}]\n"


@pytest.fixture(autouse=True)
def _picture(tmp_path):
    """The picture the variants' photo names, beside the spec."""
    shutil.copy(REAL / "photos" / "stand-in.jpg", tmp_path / "photo.jpg")


def test_photos_among_the_text_in_the_heads_table_are_refused_at_their_line(tmp_path, capsys):
    path = variant(tmp_path, (SEED_OPENING, "  opening:\n" + PHOTO + "    - 今般"),
                   style="notice:\n  head_form: label_table\n")
    code, out, err = check(path, capsys)
    assert code == 1, out
    assert has_error(err, path, "- photos:", "press_notice.opening[0]",
                     "the text in its row under 内容, which holds no photo: set the photos in a section of their"
                     " own after it (sections: - photos: […]), or the text under the table (opening_heading: false)"), err
    assert "Traceback" not in err


def test_a_note_straight_after_photos_is_refused_at_its_line(tmp_path, capsys):
    opening = re.search(r"  opening:\n    - (.*)\n", SEED).group(1)
    path = variant(tmp_path, (f"  opening:\n    - {opening}\n",
                              f"  opening:\n    - {opening}\n{PHOTO}    - {{note: ※注記です。}}\n"))
    code, out, err = check(path, capsys)
    assert code == 1, out
    assert has_error(err, path, "{note:", "press_notice.opening[2]",
                     "a note ({note: …}) is set apart under the paragraph before it, and the entry before it is"
                     " no paragraph"), err


def test_photos_given_as_no_photo_are_refused_at_their_line(tmp_path, capsys):
    path = variant(tmp_path, (SEED_OPENING, "  opening:\n    - photos: []\n    - 今般"))
    code, out, err = check(path, capsys)
    assert code == 1, out
    assert "press_notice.opening[0]" in err and "Traceback" not in err, err
