"""Photos in a notice's own sections (`press_notice.sections[].photos`): the signing's
photographs as reports of it print them, each caption under its photo as written.

Built with the real generator on the seed spec with a section of three photos (two
with captions, one with `alt:` alone) and read back: the PDF's pictures where they are
set (two a row side by side, the last alone centred), each caption under its photo and
nothing printed for the one without; the tagged PDF's Figures carrying each photo's
text and validating as PDF/UA-1; the DOCX reopened (its pictures and their
descriptions, the captions' paragraphs) and converted by LibreOffice. The spec's
errors (a photo with no text for readers, a section saying nothing, a file that is
no picture) at file, line and key with nothing written; a photo changed on disk
builds the notice again.
"""
from __future__ import annotations

import shutil
import subprocess

import docx
import pdfplumber
import pytest
import yaml
from PIL import Image

from conftest import SOFFICE, needs_poppler, no_space, pdf_text, run_generate, seed_with_sections
from test_tagged_pdf import structure, validate

PHOTOS = [{"file": "photos/sign.jpg", "caption": "協定書を手にする局長（左）と学長（右）"},
          {"file": "photos/hall.jpg", "alt": "締結式の会場"},
          {"file": "photos/group.png", "caption": "記念撮影"}]
# how the bundled notice template sets a section's photos (a template of before them has none)
INCLUDE = '{% set photos = section.photos %}{% include "photos.xml.j2" %}'
SECTION = '{% include "section.xml.j2" %}'


def notice_template_without_photos() -> str:
    """The bundled notice template as one written before the photos: its sections set
    inline (section.xml.j2) without the photos' include."""
    from conftest import ROOT
    bundled = (ROOT / "templates" / "press-notice.xml.j2").read_text(encoding="utf-8")
    section = (ROOT / "templates" / "section.xml.j2").read_text(encoding="utf-8")
    assert SECTION in bundled and INCLUDE in section
    return bundled.replace(SECTION, section.replace(INCLUDE, ""))
SIZES = {"photos/sign.jpg": (1200, 900), "photos/hall.jpg": (1200, 800), "photos/group.png": (600, 800)}


def photo_spec(tmp_path, photos=PHOTOS, paragraphs=("協定書に署名した後、局長と学長が握手を交わしました。",)):
    (tmp_path / "photos").mkdir(parents=True, exist_ok=True)
    for name, size in SIZES.items():
        Image.new("RGB", size, (120, 140, 160)).save(tmp_path / name)
    section = {"heading": "【締結式の様子】"}
    if paragraphs:
        section["paragraphs"] = list(paragraphs)
    section["photos"] = photos
    return seed_with_sections(tmp_path, "photos", [section])


def build(spec, out, *more):
    return run_generate(spec, "-o", out, "--kinds", "press-notice", "--format", "pdf,docx", *more)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("photos")
    spec = photo_spec(tmp)
    result = build(spec, tmp / "out")
    assert result.returncode == 0, result.stderr
    return tmp / "out" / "photos"


def _captions(page, text: str) -> list[dict]:
    """The caption's characters on the page (it is set on one line)."""
    chars = [c for c in page.chars if c["text"].strip()]
    line = "".join(c["text"] for c in chars)
    at = line.find(text)
    assert at >= 0, (text, line)
    return chars[at:at + len(text)]


@needs_poppler
def test_the_photos_two_a_row_each_caption_under_its_photo(built):
    pdf = built / "press-notice.pdf"
    with pdfplumber.open(pdf) as doc:
        placed = [(page, im) for page in doc.pages for im in page.images]
        assert len(placed) == 3
        (p1, sign), (p2, hall), (p3, group) = placed
        # the first two side by side on one row, a gutter between them; the third under them, centred
        assert p1 is p2 and abs(sign["top"] - hall["top"]) < 0.5
        assert hall["x0"] - sign["x1"] >= 8
        middle = (sign["x0"] + hall["x1"]) / 2
        assert abs((group["x0"] + group["x1"]) / 2 - middle) < 1
        assert group["top"] > max(sign["bottom"], hall["bottom"])
        # each photo keeps its proportions
        for im, name in ((sign, "photos/sign.jpg"), (hall, "photos/hall.jpg"), (group, "photos/group.png")):
            w, h = SIZES[name]
            assert abs((im["x1"] - im["x0"]) / (im["bottom"] - im["top"]) - w / h) < 0.01
        # each caption under its photo, centred on it; nothing under the photo without one
        for page, im, caption in ((p1, sign, PHOTOS[0]["caption"]), (p3, group, PHOTOS[2]["caption"])):
            chars = _captions(page, caption)
            assert all(0 < c["top"] - im["bottom"] < 14 for c in chars)
            assert abs((chars[0]["x0"] + chars[-1]["x1"]) / 2 - (im["x0"] + im["x1"]) / 2) < 1
        below_hall = [c for c in p2.chars if c["text"].strip() and hall["x0"] <= c["x0"] <= hall["x1"]
                      and hall["bottom"] < c["top"] < group["top"]]
        assert below_hall == []
    text = no_space(pdf_text(pdf))
    assert "【締結式の様子】" in text and "記念撮影" in text
    assert "締結式の会場" not in text          # alt is never printed


def test_each_photo_is_a_figure_with_its_text_and_the_pdf_validates(built):
    pdf = built / "press-notice.pdf"
    assert validate(pdf) == []
    _, elements, _ = structure(pdf)
    figures = [e for r, e in elements if r == "Figure"]
    assert [str(f["/Alt"]) for f in figures] == [PHOTOS[0]["caption"], "締結式の会場", "記念撮影"]


def test_the_docx_has_the_photos_with_their_texts_and_captions(built):
    d = docx.Document(str(built / "press-notice.docx"))
    body = d.element.body
    described = [el.get("descr") for el in body.iter() if el.tag.endswith("}docPr")]
    assert described == [PHOTOS[0]["caption"], "締結式の会場", "記念撮影"]
    paragraphs = [p.text for t in d.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
    assert PHOTOS[0]["caption"] in paragraphs and "記念撮影" in paragraphs
    assert not any("締結式の会場" in p.text for p in d.paragraphs)
    assert "締結式の会場" not in paragraphs


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_sets_the_docx_photos_as_the_pdf(built, tmp_path):
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(built / "press-notice.docx")],
                   capture_output=True, timeout=300, check=True, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    with pdfplumber.open(tmp_path / "press-notice.pdf") as doc:
        placed = [im for page in doc.pages for im in page.images]
        text = no_space("".join(page.extract_text() or "" for page in doc.pages))
    assert len(placed) == 3
    sign, hall, group = placed
    assert abs(sign["top"] - hall["top"]) < 1 and hall["x0"] > sign["x1"]
    assert group["top"] > sign["bottom"]
    assert PHOTOS[0]["caption"] in text and "記念撮影" in text and "締結式の会場" not in text


def test_a_section_of_photos_alone_builds(tmp_path):
    spec = photo_spec(tmp_path, photos=PHOTOS[:1], paragraphs=())
    result = build(spec, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(tmp_path / "out" / "photos" / "press-notice.pdf") as doc:
        assert sum(len(page.images) for page in doc.pages) == 1


def _line(spec, fragment: str) -> int:
    return next(n for n, text in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if fragment in text)


@pytest.mark.parametrize("photos, paragraphs, fragment, key, message", [
    ([{"file": "photos/sign.jpg"}], ("署名しました。",), "- file: photos/sign.jpg",
     "press_notice.sections[0].photos[0]", "a photo needs its caption (caption:, printed under it) or, where the page"
                                         " prints none, alt:"),
    ([], (), "- heading: 【締結式の様子】", "press_notice.sections[0]",
     "a section needs its paragraphs (paragraphs: […]), parts (parts: […]), a table (table: […]), its photos"
     " (photos: […]) or the documents it links (documents: […]), one at least"),
    ([{"file": "photos/sign.jpg", "caption": "握手", "alt": "　"}], ("署名しました。",), "alt: 　",
     "press_notice.sections[0].photos[0].alt", "the photo's alt is blank: write what it says, or leave alt: out"),
    ([{"file": "photos/none.jpg", "caption": "握手"}], ("署名しました。",), "file: photos/none.jpg",
     "press_notice.sections[0].photos[0].file", "photo"),
    ([{"file": "photos.yaml", "caption": "握手"}], ("署名しました。",), "file: photos.yaml",
     "press_notice.sections[0].photos[0].file", "photo"),
])
def test_a_photo_the_notice_cannot_print_is_an_error_at_its_key(tmp_path, photos, paragraphs, fragment, key, message):
    spec = photo_spec(tmp_path, photos=photos, paragraphs=paragraphs)
    result = build(spec, tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert f"{spec}:{_line(spec, fragment)}: {key}: " in result.stderr, result.stderr
    assert message in result.stderr, result.stderr
    assert not (tmp_path / "out" / "photos").exists() or not any((tmp_path / "out" / "photos").iterdir())


def test_a_photo_changed_on_disk_builds_the_notice_again(tmp_path):
    spec = photo_spec(tmp_path)
    assert build(spec, tmp_path / "out").returncode == 0
    again = build(spec, tmp_path / "out")
    assert "unchanged 1" in again.stdout, again.stdout
    Image.new("RGB", SIZES["photos/hall.jpg"], (200, 30, 30)).save(tmp_path / "photos/hall.jpg")
    changed = build(spec, tmp_path / "out")
    assert changed.returncode == 0 and "built 1" in changed.stdout, changed.stdout


def test_a_template_that_prints_no_photos_warns_of_each_at_its_file(tmp_path):
    """A user's notice template of before the photos (--templates) leaves them out: each
    photo is a warning at its file's line, the one with alt: alone too (it has no
    printed text that the warnings about text would find)."""
    from conftest import ROOT
    spec = photo_spec(tmp_path)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "press-notice.xml.j2").write_text(notice_template_without_photos(), encoding="utf-8")
    result = build(spec, tmp_path / "out", "--templates", mine)
    assert result.returncode == 0, result.stderr
    for j, photo in enumerate(PHOTOS):
        assert (f"warning: {spec}:{_line(spec, 'file: ' + photo['file'])}: press_notice.sections[0].photos[{j}].file:"
                f" printed by the bundled template, not by the one in {mine}: the press-notice leaves the photo out"
                ) in result.stderr, result.stderr


def test_the_release_after_the_signing_prints_its_photos_under_the_ki_block(tmp_path):
    """after.photos: the signing's photos in the release after it (…を締結しました), under
    its 記 block (締結日, 締結者), each caption under its photo; the notice has none."""
    spec = photo_spec(tmp_path, photos=PHOTOS[:1])
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    data["press_notice"].pop("sections")
    data["press_notice"]["after"] = {"issue_date": "2024-02-27", "opening": ["本日、締結しました。"],
                                     "photos": [{"file": "photos/sign.jpg", "caption": "握手を交わす局長と学長"},
                                                {"file": "photos/hall.jpg", "alt": "締結式の会場"}]}
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "press-notice,press-notice-after",
                          "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out" / "photos"
    with pdfplumber.open(out / "press-notice.pdf") as doc:
        assert sum(len(page.images) for page in doc.pages) == 0
    with pdfplumber.open(out / "press-notice-after.pdf") as doc:
        page = doc.pages[0]
        sign, hall = page.images
        words = no_space(page.extract_text())
        signers = next(c for c in page.chars if c["text"] == "鈴")       # 締結者: 鈴木　聡一郎, above the photos
        assert signers["bottom"] < sign["top"] and abs(sign["top"] - hall["top"]) < 0.5
        chars = _captions(page, "握手を交わす局長と学長")
        assert all(0 < c["top"] - sign["bottom"] < 14 for c in chars)
    assert "締結式の会場" not in words
    assert validate(out / "press-notice-after.pdf") == []
    d = docx.Document(str(out / "press-notice-after.docx"))
    assert [el.get("descr") for el in d.element.body.iter() if el.tag.endswith("}docPr")] == \
        ["握手を交わす局長と学長", "締結式の会場"]
