"""A copy's 写 (a page mark drawn across the page, model.PageMark where="diagonal") in
the DOCX stands as the PDF draws it: turned 45°, light grey, behind the text, the size
of the PDF's, on every page. It was typed upright into the header's right-aligned
paragraph, where 案 and 正本 stand (writers/docx/watermark.py: a VML text path, as
Word writes a watermark). The build writes the copy as a PDF only (agreement-写.pdf);
the DOCX writer is asked here for the same copy of the seed agreement."""
from __future__ import annotations

import math
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from PIL import Image, ImageFilter

from conftest import SEED_SPEC, SOFFICE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
V = "{urn:schemas-microsoft-com:vml}"


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    from jpdocs.build.documents import copies_of, make_documents, style_for
    from jpdocs.spec.load import load_spec
    from jpdocs.writers.docx import render_docx
    from jpdocs.writers.pdf import render_pdf_layout
    loaded = load_spec(SEED_SPEC)
    style = style_for(loaded)
    doc = next(d for d in make_documents(loaded, style) if d.kind == "agreement")
    version = copies_of(doc, style)[style.word("copy_mark")]
    assert [(mark.text, mark.where) for mark in version.marks] == [("写", "diagonal")]
    out = tmp_path_factory.mktemp("copy")
    data, _, pages = render_pdf_layout(version, style)
    (out / "copy.pdf").write_bytes(data)
    (out / "copy.docx").write_bytes(render_docx(version, style, page_numbers=pages > 1))
    return out


def _style(shape) -> dict[str, str]:
    return dict(item.split(":", 1) for item in shape.get("style").split(";"))


def test_the_mark_is_a_watermark_shape_in_every_header(copy):
    document = docx.Document(str(copy / "copy.docx"))
    section = document.sections[0]
    assert section.different_first_page_header_footer      # page 1 has a header of its own
    for header in (section.header, section.first_page_header):
        p = header._element.find(f"{W}p")
        assert "".join(t.text for t in p.iter(f"{W}t")) == ""       # no upright 写 typed in
        shapes = list(p.iter(f"{V}shape"))
        assert len(shapes) == 1
        shape = shapes[0]
        assert shape.get("id").startswith("PowerPlusWaterMarkObject")    # Word lists it as a watermark
        assert shape.get("type") == "#_x0000_t136" and len(list(p.iter(f"{V}shapetype"))) == 1
        assert shape.find(f"{V}textpath").get("string") == "写"
        assert 'font-family:"BIZ UD明朝"' in shape.find(f"{V}textpath").get("style")
        assert (shape.get("fillcolor"), shape.get("stroked")) == ("#D9D9D9", "f")   # the PDF's 0.85 grey
        css = _style(shape)
        assert css["rotation"] == "315" and int(css["z-index"]) < 0          # behind the text
        # the run as the schema orders it: its properties, then the picture
        run = shape.getparent().getparent()
        assert [c.tag for c in run] == [f"{W}rPr", f"{W}pict"]
        assert [c.tag for c in run[0]] == [f"{W}noProof"]


def test_the_shape_turns_as_the_pdfs_mark_about_its_ink(copy):
    """VML turns clockwise: 315° is the PDF's 45° anticlockwise (its text matrix);
    the box, turned about its centre, is centred where the PDF's ink is (for 写,
    whose ink sits in the middle of its em, the page's centre)."""
    import pdfplumber
    with pdfplumber.open(str(copy / "copy.pdf")) as pdf:
        page = pdf.pages[0]
        mark = next(c for c in page.chars if c["text"] == "写" and c["size"] > 100)
        a, b = mark["matrix"][:2]
        assert round(math.degrees(math.atan2(b, a))) == 45
        width, height = page.width, page.height
    css = _style(next(docx.Document(str(copy / "copy.docx")).sections[0].header._element.iter(f"{V}shape")))
    pt = {k: float(css[k].removesuffix("pt")) for k in ("margin-left", "margin-top", "width", "height")}
    centre = (pt["margin-left"] + pt["width"] / 2, pt["margin-top"] + pt["height"] / 2)
    assert abs(centre[0] - width / 2) < 2 and abs(centre[1] - height / 2) < 2, centre
    # the box is the glyph's ink: a little under the PDF's size (half the page's width)
    assert 0.85 * width / 2 < pt["width"] < width / 2 and 0.85 * width / 2 < pt["height"] < width / 2


def _grey_box(png: Path) -> tuple[int, int, int, int]:
    """The box of the page's light grey (the mark's 0.85) where it is solid: a pixel
    whose 5×5 neighbourhood is all such grey (the mark's strokes, some 20pt wide; not
    the edges of anti-aliased black text), in pixels."""
    grey = Image.open(png).convert("L").point(lambda v: 255 if 200 < v < 235 else 0)
    return grey.filter(ImageFilter.MinFilter(5)).getbbox()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice and poppler-utils needed")
def test_libreoffice_draws_the_mark_where_the_pdf_does(copy, tmp_path):
    """Every page of LibreOffice's print of the DOCX has the grey mark where the PDF's
    page has it, within 8pt on each side (measured: LibreOffice stretches the ink a
    little taller than its box, 写 5pt lower at its foot)."""
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(copy / "copy.docx")],
                   env=dict(os.environ, HOME=str(tmp_path)), capture_output=True, timeout=300, check=True)
    boxes = {}
    for name, pdf in (("pdf", copy / "copy.pdf"), ("lo", tmp_path / "copy.pdf")):
        subprocess.run(["pdftoppm", "-r", "72", "-png", str(pdf), str(tmp_path / name)], check=True)
        boxes[name] = [_grey_box(png) for png in sorted(tmp_path.glob(f"{name}-*.png"))]
    assert len(boxes["pdf"]) == len(boxes["lo"]) == 2
    for ours, theirs in zip(boxes["pdf"], boxes["lo"]):
        assert theirs is not None and ours[2] - ours[0] > 250      # the mark, not a stray grey pixel
        assert all(abs(a - b) <= 8 for a, b in zip(ours, theirs)), boxes
