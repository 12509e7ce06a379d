"""The place of signing on a line of its own under the date line
(agreement.document.signing_place), as 鳥取県's 1994 agreement with 江原道 sets it:
1994年11月7日 / 大韓民国江原道春川市にて. Printed as written, at the date's indent, in
the PDF and the DOCX; where no date line is printed (date_line: in_closing) the key
could have no effect and is refused at its line, nothing written.
`tests/test_real_cases.py` holds the real case to its expect_lines."""
from __future__ import annotations

from pathlib import Path

import docx
import pdfplumber
import pytest

from conftest import needs_poppler, no_space
from test_date_line import SEED_CLOSING
from test_published_copies import build, line_of, refused, seed

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PLACE = "北海道網走市にて"


def _lines_around(pdf: Path, text: str) -> tuple[dict, dict, dict]:
    """The PDF line that is `text`, with the lines before and after it on its page, top down."""
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            lines = sorted(page.extract_text_lines(), key=lambda line: line["top"])
            for i, line in enumerate(lines):
                if no_space(line["text"]) == text:
                    return lines[i - 1], line, lines[i + 1]
    raise AssertionError(f"no line {text} in {pdf}")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("place")
    spec = seed(tmp, lambda doc, parties: doc.update(signing_place=PLACE))
    folder, _ = build(spec, tmp / "out", "--format", "pdf,docx")
    return folder


@needs_poppler
def test_the_place_stands_under_the_date_at_its_indent(built):
    date, place, block = _lines_around(built / "agreement.pdf", PLACE)
    assert no_space(date["text"]) == "令和６年２月27日"
    step = place["top"] - date["top"]
    assert 0 < step < 25                                   # the next line down, no gap between
    assert abs(place["x0"] - date["x0"]) < 0.5             # at the date's indent
    assert block["top"] - place["top"] > step + 5          # the blocks keep their space under it


def test_the_docx_has_the_place_after_the_date(built):
    body = docx.Document(str(built / "agreement.docx")).element.body
    texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in body.iter(W + "p")]
    at = texts.index(PLACE)
    assert no_space(texts[at - 1]) == "令和６年２月27日", texts[at - 3:at + 1]


def test_a_place_with_no_date_line_to_stand_under_is_refused(tmp_path):
    closing = SEED_CLOSING.format("令和６年２月27日、北海道網走市において")
    spec = seed(tmp_path, lambda doc, parties: doc.update(date_line="in_closing", closing=closing,
                                                          signing_place=PLACE))
    err = refused(tmp_path, spec)
    assert (f"{spec}:{line_of(spec, 'signing_place:')}: agreement.document.signing_place: signing_place prints"
            " the place under the date line, and date_line: in_closing prints no date line") in err, err
    assert "Traceback" not in err
