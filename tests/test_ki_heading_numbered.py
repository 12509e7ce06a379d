"""A heading over the 記 block's items numbered as the notice's own sections are
(ki: - {heading: 締結式について, numbered: true}), as 東京都水道局 sets its プレス発表
(1 経緯, 2 覚書主旨, then 3 締結式について over 1 日時 …, `tokyo-water-ibaraki-2014`) and
広島市水道局 its news (4 覚書締結式 after three sections, `hiroshima-water-tokyo-2020`).

The real case is built by the real command line, PDF and DOCX, and read back line by
line; a variation adds a section after the 記 block, which counts on after the heading.
The numbered heading is set as the sections' headings are (their face, PDF and DOCX),
as 島根県 sets 1 覚書調印式 and 2 覚書の概要 alike (`shimane-kango-2025`).
A numbered key beside an item, or a heading numbered where no marker numbers the
sections, has no effect: each stops with file, line and key.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from jpdocs import cli

from conftest import needs_poppler, no_space, real_case_variant
from glyphs import page_rows
from test_contact_forms import docx_paragraphs, lines_of
from test_notice_format import check, has_error

CASE = "tokyo-water-ibaraki-2014"
HEADING = "    - {heading: 締結式について, numbered: true}"


def variant(tmp_path: Path, *pairs: tuple[str, str]) -> Path:
    """The real case with its text changed, beside its house style."""
    return real_case_variant(tmp_path, CASE, "tokyo-water.yaml", *pairs)


def built_lines(path: Path, tmp_path: Path, capsys) -> tuple[list[str], list[str]]:
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    pdf = [text for text, _, _ in lines_of(out / "press-notice.pdf")]
    docx = [no_space(p) for p in docx_paragraphs(out / "press-notice.docx") if p.strip()]
    return pdf, docx


@needs_poppler
def test_the_heading_is_numbered_after_the_sections_before_the_ki(tmp_path, capsys):
    pdf, docx = built_lines(variant(tmp_path), tmp_path, capsys)
    for lines in (pdf, docx):
        order = [next(i for i, t in enumerate(lines) if t == want) for want in ("１経緯", "２覚書主旨", "３締結式について")]
        assert order == sorted(order), lines
        # its items keep their own numbers, from １
        assert lines.index("１日時") > order[2] and "２場所" in lines, lines
        assert "締結式について" not in lines, lines


@needs_poppler
def test_a_section_after_the_ki_counts_on_after_the_heading(tmp_path, capsys):
    section = "  sections:\n"
    after = ("  sections:\n    - heading: 参考\n      paragraphs: [中継水道事業体の制度は、日本水道協会が設けたものです。]\n")
    pdf, docx = built_lines(variant(tmp_path, (section, after)), tmp_path, capsys)
    for lines in (pdf, docx):
        assert "４参考" in lines and "３締結式について" in lines, lines
        assert lines.index("４参考") > lines.index("３締結式について"), lines
    # without numbered: the heading has no number, and the section after is the third
    pdf, _ = built_lines(variant(tmp_path, (section, after), (HEADING, "    - heading: 締結式について")),
                         tmp_path, capsys)
    assert "締結式について" in pdf and "３参考" in pdf, pdf


def test_numbered_beside_an_item_is_an_error(tmp_path, capsys):
    path = variant(tmp_path, ("    - {item: place, label: 場所}", "    - {item: place, label: 場所, numbered: true}"))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "label: 場所, numbered", "press_notice.ki[2].numbered",
                                   "beside an item it would have no effect"), err


def test_numbered_without_a_section_marker_is_an_error(tmp_path, capsys):
    path = variant(tmp_path, ("  subject_label: false\n", "  subject_label: false\n  section_marker: \"\"\n"))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, HEADING.strip(), "press_notice.ki[0].numbered",
                                   "it would have no effect"), err


def _fonts(pdf: Path) -> dict[str, set[str]]:
    """Each line of the PDF (its text without spaces) → the fonts its glyphs are set in."""
    out: dict[str, set[str]] = {}
    for row in page_rows(pdf, 0):
        text = no_space("".join(c["text"] for c in row))
        out.setdefault(text, set()).update(c["fontname"].split("+")[-1] for c in row if not c["text"].isspace())
    return out


@needs_poppler
@pytest.mark.parametrize("case, style, numbered, section", [
    ("tokyo-water-ibaraki-2014", "tokyo-water.yaml", "３締結式について", "２覚書主旨"),
    # 島根県 sets 1 覚書調印式 over its items as 2 覚書の概要 (the page sets both alike)
    ("shimane-kango-2025", "shimane-pref.yaml", "1覚書調印式", "2覚書の概要"),
])
def test_the_numbered_heading_is_set_as_the_sections_headings_are(tmp_path, capsys, case, style, numbered,
                                                                   section):
    """In the series of the sections' headings, it is set as they are: in their face (the
    heading style's gothic, not the 記 items' mincho), PDF and DOCX alike; the items under
    it are still set as items."""
    path = real_case_variant(tmp_path, case, style)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / case
    fonts = _fonts(out / "press-notice.pdf")
    assert fonts[numbered] == fonts[section] and len(fonts[section]) == 1, fonts
    item = next(t for t in fonts if t.startswith(("１日時", "(1)日時")))
    assert fonts[item] != fonts[section], fonts                       # an item: the 記's own face
    doc = Document(out / "press-notice.docx")
    styles = {no_space(p.text): p.style.name for p in doc.paragraphs if p.text.strip()}
    assert styles[numbered] == styles[section], styles


@needs_poppler
def test_a_heading_not_numbered_is_still_set_as_an_items_label(tmp_path, capsys):
    """Without numbered: the heading stands in the 記 block as a label would, in its face."""
    path = variant(tmp_path, (HEADING, "    - heading: 締結式について"))
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf"])
    assert code == 0, capsys.readouterr().err
    fonts = _fonts(tmp_path / "out" / CASE / "press-notice.pdf")
    assert fonts["締結式について"] == fonts["１日時"] != fonts["２覚書主旨"], fonts
