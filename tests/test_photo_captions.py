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

import docx
import pdfplumber
import pytest

from conftest import needs_poppler
from test_photos import _line, build, photo_spec
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


@needs_poppler
def test_a_caption_given_as_its_lines_sets_each_on_a_line_centred_under_its_photo(built):
    lines, hall = _caption_lines(built[True] / "press-notice.pdf", 1)
    assert _texts(lines) == LINES
    middle = (hall["x0"] + hall["x1"]) / 2
    for line in lines:
        assert abs((line[0]["x0"] + line[-1]["x1"]) / 2 - middle) < 1


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
