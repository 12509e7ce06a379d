"""A 記 list whose entries are marked, not numbered (notice.list_marker: •, one of the
marks a list's bullets take): 九州経済産業局's 3. 内容 over • 記者会見 (2019), where the
list printed (1)記者会見. Built by the real command line; the PDF read back glyph by
glyph (the mark where a number stood, the entry's text an em after it, the line under
it at the entry's margin), the DOCX reopened (the same mark typed before each entry,
as every 記 list's marker is typed there). A marker with no {number} that is none of
the marks is refused at its line: a slip in the pattern never prints as every entry's
mark."""
from __future__ import annotations

import pytest

from conftest import ROOT, needs_poppler, no_space
from test_notice_format import _docx_paragraph_texts, _rows, build, check, docx_text, pdf_words, variant

REAL = ROOT / "tests" / "data" / "real"
LIST = ("  closing_ijo:", "  ki:\n    - date\n    - place\n    - signatories\n    - agenda\n"
                          "    - {label: 配付物, list: [協定書（写し）, 連携事項の一覧]}\n  closing_ijo:")


def _row(rows, text: str) -> list[dict]:
    """The glyphs of the line that reads `text` (spaces aside)."""
    return next(r for r in rows if no_space("".join(c["text"] for c in r)) == text)


@needs_poppler
def test_the_real_case_marks_its_entry_as_the_page_does(tmp_path, capsys):
    """meti-kyushu-koshi-2019: 3.内容, then •記者会見 (no (1)), its text an em past the
    mark's start, the line under it at the entry's text (list_bullet: ""); the DOCX
    types the same mark before the entry, a tab after it to the entry's text."""
    from jpdocs import cli
    out = tmp_path / "out"
    spec = REAL / "meti-kyushu-koshi-2019.yaml"
    code = cli.main([str(spec), "-o", str(out), "--kinds", "press-notice", "--format", "pdf,docx", "--force"])
    assert code == 0, capsys.readouterr().err
    pdf = out / spec.stem / "press-notice.pdf"
    rows = _rows(pdf)
    texts = [no_space("".join(c["text"] for c in r)) for r in rows]
    assert "•記者会見" in texts and not any("(1)" in t or "（1）" in t for t in texts), texts
    entry = _row(rows, "•記者会見")
    under = next(r for r in rows if "".join(c["text"] for c in r).startswith("塩田"))
    label = next(r for r in rows if no_space("".join(c["text"] for c in r)) == "3.内容")
    em = entry[1]["size"]
    # the mark where （1） stood, an em past the label's start (under 容 of 内容)
    assert abs(entry[0]["x0"] - (label[-2]["x0"] + em)) < 0.5, (entry[0], label[-2:])
    assert abs(entry[1]["x0"] - (entry[0]["x0"] + em)) < 0.5, entry[:2]    # the text an em after the mark's start
    assert abs(under[0]["x0"] - entry[1]["x0"]) < 0.5, (under[0], entry[1])
    paragraphs = _docx_paragraph_texts(pdf.with_suffix(".docx"))
    # a tab after the mark to the entry's hang: the fonts set • in half an em (Word and
    # LibreOffice too), and 記者会見 would stand half an em short of the line under it
    assert "•\t記者会見" in paragraphs, paragraphs
    assert not any(no_space(p).startswith(("(1)", "（１）")) for p in paragraphs)


@needs_poppler
@pytest.mark.parametrize("mark", ["●", "・"])
def test_every_entry_takes_the_houses_mark_and_no_number(mark, tmp_path, capsys):
    """The seed's list of two under a house that marks them: each entry after the mark,
    none numbered, the text straight after the mark (an em); the DOCX alike."""
    code, _, err, pdf = build(variant(tmp_path, LIST, style=f"notice:\n  list_marker: {mark}\n"), tmp_path, capsys,
                              formats="pdf,docx")
    assert code == 0, err
    rows = _rows(pdf)
    for entry in ("協定書（写し）", "連携事項の一覧"):
        row = _row(rows, mark + entry)
        assert row[0]["text"] == mark and abs(row[1]["x0"] - (row[0]["x0"] + row[0]["size"])) < 0.5, row[:2]
    words = pdf_words(pdf)
    assert "（１）協定書" not in words and "（２）連携" not in words, words
    paragraphs = [t.strip() for t in _docx_paragraph_texts(pdf.with_suffix(".docx"))]
    assert mark + "協定書（写し）" in paragraphs and mark + "連携事項の一覧" in paragraphs, paragraphs
    assert no_space(docx_text(pdf.with_suffix(".docx"))) == words


@pytest.mark.parametrize("house, line, key, message", [
    ("name: x\nnotice:\n  list_marker: \"(1)\"\n", 3, "notice.list_marker",
     "{number} must appear once in list_marker, and no other placeholder (or write ⑴ for entries marked ⑴ ⑵ …,"
     " or one of ・ • ○ ◯ ● ◆ ■ － for entries marked so without numbers)"),
    ("name: x\nnotice:\n  list_marker: \"••\"\n", 3, "notice.list_marker", "{number} must appear once in list_marker"),
    ("name: x\nnotice:\n  list_marker: •\n  list_digits: full\n", 4, "notice.list_digits",
     "the list's entries are marked • without numbers (list_marker), with no digits: list_digits would have no"
     " effect"),
])
def test_a_marker_that_is_no_pattern_and_no_mark_is_refused_at_its_line(house, line, key, message, tmp_path, capsys):
    """(1): a number typed where {number} belongs, •• a mark doubled; and digits for
    entries that have none. Each refused at the style's file and line, exit 1, no
    traceback, nothing built."""
    path = variant(tmp_path, LIST, style=house)
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:{line}: {key}: " in err and message in err, err
    assert "Traceback" not in err
    code, _, err, pdf = build(path, tmp_path, capsys)
    assert code == 1 and not pdf.exists() and "Traceback" not in err
