"""A section's heading left unnumbered among numbered ones (sections: - {heading: 【参考】,
numbered: false}), as 島根県 sets its 報道発表 (`shimane-kango-2025`): the house numbers
1 覚書調印式 (a heading over the 記 block's items) and 2 覚書の概要, and not the 【参考】
after them; a numbered section after it counts on (3, not 4).

The real case is built by the real command line, PDF and DOCX, and read back line by
line. numbered: true on a section, numbered: false on a section without a heading, or
where no marker numbers the sections, has no effect: each stops with file, line and key.
"""
from __future__ import annotations

from pathlib import Path

from conftest import needs_poppler, real_case_variant
from test_ki_heading_numbered import built_lines
from test_notice_format import check, has_error

CASE = "shimane-kango-2025"
UNNUMBERED = "      numbered: false          # the page leaves the notes unnumbered\n"


def variant(tmp_path: Path, *pairs: tuple[str, str]) -> Path:
    """The real case with its text changed, beside its house style."""
    return real_case_variant(tmp_path, CASE, "shimane-pref.yaml", *pairs)


@needs_poppler
def test_the_notes_stay_unnumbered_after_the_numbered_sections(tmp_path, capsys):
    pdf, docx = built_lines(variant(tmp_path), tmp_path, capsys)
    for lines in (pdf, docx):
        order = [lines.index(want) for want in ("1覚書調印式", "2覚書の概要", "【参考】")]
        assert order == sorted(order), lines
        assert not any(t.endswith("【参考】") and t != "【参考】" for t in lines), lines


@needs_poppler
def test_a_section_after_the_unnumbered_one_counts_on(tmp_path, capsys):
    after = UNNUMBERED + ("      paragraphs: [災害支援ナースは国の養成研修を修了した看護職員です。]\n"
                          "    - heading: 問合せ先\n")
    pdf, docx = built_lines(variant(tmp_path, (UNNUMBERED, after)), tmp_path, capsys)
    for lines in (pdf, docx):
        assert "3問合せ先" in lines and "【参考】" in lines, lines
        assert lines.index("3問合せ先") > lines.index("【参考】"), lines
    # without numbered: false, the notes are the third section and the one after the fourth
    pdf, _ = built_lines(variant(tmp_path, (UNNUMBERED, after.replace(UNNUMBERED, ""))), tmp_path, capsys)
    assert "3【参考】" in pdf and "4問合せ先" in pdf, pdf


def test_numbered_true_on_a_section_is_an_error(tmp_path, capsys):
    path = variant(tmp_path, (UNNUMBERED, UNNUMBERED.replace("false", "true")))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "numbered: true   ", "press_notice.sections[1].numbered",
                                   "it would have no effect"), err


def test_numbered_false_without_a_heading_is_an_error(tmp_path, capsys):
    path = variant(tmp_path, ("    - heading: 【参考】\n", "    - "), (UNNUMBERED, UNNUMBERED.lstrip()))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "numbered: false   ", "press_notice.sections[1].numbered",
                                   "this section has no heading"), err


def test_numbered_false_where_no_marker_numbers_is_an_error(tmp_path, capsys):
    path = variant(tmp_path, ("    - {heading: 覚書調印式, numbered: true}", "    - heading: 1　覚書調印式"),
                   ("    - heading: 覚書の概要", "    - heading: 2　覚書の概要"),
                   ("  subject_label: false\n", "  subject_label: false\n  section_marker: \"\"\n"))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "numbered: false   ", "press_notice.sections[1].numbered",
                                   "numbers the sections: it would have no effect"), err
