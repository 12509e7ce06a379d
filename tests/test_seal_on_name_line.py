"""A signature block's seal place (印 in its circle) stands on the block's last line, the
signer's name, whatever the block's height (writers/last_line.py): two lines (a title
and a name, no address: it hung under the name, 9 pt low, reaching 20 pt below the
block), three, four (it stood beside the title, a line above the name). The PDF's
signature field stays over the circle; the DOCX, as LibreOffice sets it, puts ㊞ there
too."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pdfplumber
import pytest
import yaml

from conftest import SEED_SPEC, SOFFICE, needs_poppler, run_generate
from jpdocs.pdf.signing import signature_fields

NAMES = ("中島", "鈴木")          # the seed's signers' surnames, each its block's last line


def seed(addresses: bool) -> dict:
    """The seed's agreement alone; without the parties' addresses its blocks are a line
    shorter (甲: title and name, two lines; 乙: three), with them three and four."""
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    del data["press_notice"]
    if not addresses:
        for party in data["parties"].values():
            party.pop("address", None)
    return data


def built(tmp_path: Path, addresses: bool, formats: str = "pdf") -> Path:
    spec = tmp_path / ("with-addresses.yaml" if addresses else "without-addresses.yaml")
    spec.write_text(yaml.safe_dump(seed(addresses), allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", formats)
    assert result.returncode == 0, result.stderr
    return tmp_path / "out" / spec.stem


def marks_and_names(pdf: Path, mark: str | None) -> list[tuple[dict, tuple[float, float, float, float]]]:
    """Each signer's name line with its seal's box from the page's top, (x0, top, x1,
    bottom): the drawn circle's (mark None), else the glyph `mark`'s (a DOCX set by
    LibreOffice writes ㊞, no circle). The page is the last, the blocks' page."""
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[-1]
        lines = page.extract_text_lines()
        names = [next(l for l in lines if l["text"].replace(" ", "").startswith(n)) for n in NAMES]
        if mark is None:
            seals = [(c["x0"], c["top"], c["x1"], c["bottom"]) for c in page.curves
                     if abs((c["x1"] - c["x0"]) - (c["bottom"] - c["top"])) < 0.5]
        else:
            seals = [(ch["x0"], ch["top"], ch["x1"], ch["bottom"]) for ch in page.chars if ch["text"] == mark]
    assert len(seals) == len(NAMES), seals
    return list(zip(names, sorted(seals, key=lambda s: s[1])))


def assert_on_name_lines(pairs, tolerance: float = 0.0) -> None:
    for name, (x0, top, x1, bottom) in pairs:
        # the name's own characters (the line read back may hold the mark too)
        chars = [ch for ch in name["chars"] if ch["text"] not in "印㊞"]
        line_top, line_bottom = min(ch["top"] for ch in chars), max(ch["bottom"] for ch in chars)
        centre = (top + bottom) / 2
        assert line_top - tolerance <= centre <= line_bottom + tolerance, (name["text"], centre, line_top, line_bottom)
        assert max(ch["x1"] for ch in chars) < x0, name["text"]             # at its right


@needs_poppler
@pytest.mark.parametrize("addresses", (False, True), ids=("two-and-three-lines", "three-and-four-lines"))
def test_each_seal_circle_stands_on_its_signer_s_name_line(tmp_path, addresses):
    assert_on_name_lines(marks_and_names(built(tmp_path, addresses) / "agreement.pdf", None))


@needs_poppler
def test_the_signature_field_stays_over_the_circle_on_the_name_line(tmp_path):
    pdf = built(tmp_path, False) / "agreement.pdf"
    pairs = marks_and_names(pdf, None)
    with pdfplumber.open(pdf) as doc:
        height = doc.pages[-1].height
    fields = signature_fields(pdf.read_bytes())
    assert [f.name for f in fields] == ["甲", "乙"]
    for field, (_, (x0, top, x1, bottom)) in zip(fields, pairs):
        fx0, fy0, fx1, fy1 = field.box
        assert abs((fx0 + fx1) / 2 - (x0 + x1) / 2) <= 1 and abs(height - (fy0 + fy1) / 2 - (top + bottom) / 2) <= 1


@pytest.mark.slow
@needs_poppler
def test_the_docx_as_libreoffice_sets_it_puts_each_seal_on_the_name_line(tmp_path):
    """㊞ set from the top of its cell as far down as the PDF's circle (a block of two
    lines: its line shortened, its centre on the name's). LibreOffice's lines are not
    the PDF's to the point, so within a fifth of a line's height."""
    docx = built(tmp_path, False, "docx") / "agreement.docx"
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180)
    assert_on_name_lines(marks_and_names(tmp_path / "agreement.pdf", "㊞"), tolerance=3.0)
