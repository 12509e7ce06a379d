"""The sections after the 記 block numbered on from its items (press_notice.
sections_follow_items: true), as 岐阜県's page of 2008 numbers them (`gifu-vet-2008`):
1 日時, 2 場所, 3 出席者, then 4 協定の概要.

The real case is built by the real command line, PDF and DOCX, and read back line by
line; a variation drops an item, and the section is the third. Where no marker numbers
the sections, no section after the 記 block has a heading, the house's items have no
number, or a numbered heading over the items also sets the count, the key would have no
effect or leave the number a guess: each stops with file, line and key.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, needs_poppler, real_case_variant
from test_ki_heading_numbered import built_lines
from test_notice_format import check, has_error

CASE = "gifu-vet-2008"
KEY = "  sections_follow_items: true"
KEY_AT = "press_notice.sections_follow_items"


def variant(tmp_path: Path, *pairs: tuple[str, str]) -> Path:
    """The real case with its text changed, beside its house style and its photos' stand-in."""
    photos = tmp_path / "photos"
    if not photos.exists():
        shutil.copytree(ROOT / "tests" / "data" / "real" / "photos", photos)
    return real_case_variant(tmp_path, CASE, "gifu-pref.yaml", *pairs)


@needs_poppler
def test_the_section_counts_on_from_the_items(tmp_path, capsys):
    pdf, docx = built_lines(variant(tmp_path), tmp_path, capsys)
    for lines in (pdf, docx):
        order = [lines.index(want) for want in ("1日時", "2場所", "3出席者", "4協定の概要")]
        assert order == sorted(order), lines
        assert "■対象とする動物" in lines and "協定の概要" not in lines, lines


@needs_poppler
def test_one_item_fewer_makes_the_section_the_third(tmp_path, capsys):
    pdf, docx = built_lines(variant(tmp_path, ("    - place\n", ""), ("    venue: 第一応接室\n", "")), tmp_path, capsys)
    for lines in (pdf, docx):
        assert "2出席者" in lines and "3協定の概要" in lines and "4協定の概要" not in lines, lines
    # without the key, the house numbers the section as the first of its own
    pdf, _ = built_lines(variant(tmp_path, (KEY + "   ", "  #")), tmp_path, capsys)
    assert "1協定の概要" in pdf, pdf


def _refused(tmp_path, capsys, message: str, *pairs) -> None:
    path = variant(tmp_path, *pairs)
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, KEY, KEY_AT, message), err


def test_without_a_section_marker_it_is_an_error(tmp_path, capsys):
    _refused(tmp_path, capsys, "numbers them: it would have no effect",
             ("  subject_label: false\n", "  subject_label: false\n  section_marker: \"\"\n"))


def test_without_a_numbered_section_after_the_ki_it_is_an_error(tmp_path, capsys):
    _refused(tmp_path, capsys, "none after it has a numbered heading",
             ("    - heading: 協定の概要 ", "    - heading: 協定の概要\n      numbered: false\n     "))


def test_beside_a_numbered_ki_heading_it_is_an_error(tmp_path, capsys):
    _refused(tmp_path, capsys, "would be a guess", ("  ki:\n", "  ki:\n    - {heading: 締結式, numbered: true}\n"))


def test_with_unnumbered_items_it_is_an_error(tmp_path, capsys):
    path = variant(tmp_path)
    style = tmp_path / "styles" / "gifu-pref.yaml"
    style.write_text(style.read_text(encoding="utf-8").replace("  people: run\n", "  people: run\n  ki_marker: ○\n"),
                     encoding="utf-8")
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, KEY, KEY_AT, "there is no number to follow"), err
