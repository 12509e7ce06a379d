"""A message's closing at its foot, as a letter is signed (press_notice.closing): its
date (whole, or a month without a day as the page dates it), the body, the signer's
title and name, each printed only where the spec gives it, at the right, after the text
(or after the opening, where the message ends before the ceremony's items), the lines
as the page groups them: 鹿児島県警察本部長's message, 平成28年8月 / 鹿児島県警察本部長 /
種部滋康 a line each (`kagoshima-police-silver-2016`); 東京都行政書士会府中支部's, the branch,
its head's title and name and the day on one line before the ceremony
(`fuchu-gyosei-3shi-2019`).

The real cases and variations of the seed are built by the real command line, PDF and
DOCX; the PDF read back line by line with each line's edges, the DOCX reopened (its
paragraphs in order and their alignment). Each mistake in the closing stops with file,
line and key.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from jpdocs import cli

from conftest import needs_poppler, no_space
from test_contact_forms import docx_paragraphs, lines_of
from test_kind_line import docx_alignment
from test_notice_format import check, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CLOSING = ("  closing_ijo: false\n", "  closing_ijo: false\n  closing: {%s}\n")
SEED_TEXT_END = "本協定の締結式を次のとおり執り行います。"


def built(spec: Path, out: Path, kinds: str = "press-notice") -> Path:
    assert cli.main([str(spec), "-o", str(out), "--kinds", kinds, "--format", "pdf,docx"]) == 0
    return out / spec.stem


def right_margin(lines) -> float:
    return max(right for _, _, right in lines)


@needs_poppler
def test_the_police_head_signs_his_message_a_line_each_at_its_foot(tmp_path):
    """平成28年8月 (the month as the page dates it, no day made up) / 鹿児島県警察本部長 /
    種部滋康: the notice's last three lines, each at the right margin, the first apart
    from the text; the DOCX's last paragraphs, right-aligned."""
    out = built(REAL / "kagoshima-police-silver-2016.yaml", tmp_path)
    lines = lines_of(out / "press-notice.pdf")
    texts = [text for text, _, _ in lines]
    assert texts[-3:] == ["平成28年8月", "鹿児島県警察本部長", "種部滋康"], texts[-4:]
    assert all(abs(right - right_margin(lines)) < 1 for _, _, right in lines[-3:]), lines[-4:]
    assert all(left > lines[-4][1] + 100 for _, left, _ in lines[-3:]), lines[-4:]   # not at the left
    docx = [no_space(t) for t in docx_paragraphs(out / "press-notice.docx") if t.strip()]
    assert docx[-3:] == ["平成28年8月", "鹿児島県警察本部長", "種部滋康"], docx[-4:]
    assert all(docx_alignment(out / "press-notice.docx", t) == "right"
               for t in ("平成28年8月", "鹿児島県警察本部長", "種部滋康"))


@needs_poppler
def test_the_branch_signs_its_message_on_one_line_before_the_ceremony(tmp_path):
    """The branch, its head's title and name and the day on one line (lines: [[body,
    title, name, date]]), the parts a full-width space apart, at the right, between the
    message and 協定締結セレモニー (place: after_opening), in the PDF and the DOCX."""
    out = built(REAL / "fuchu-gyosei-3shi-2019.yaml", tmp_path)
    lines = lines_of(out / "press-notice.pdf")
    texts = [text for text, _, _ in lines]
    signed = "東京都行政書士会府中支部支部長石原静平成31年１月25日"
    at = texts.index(signed)
    assert texts[at - 1].endswith("よろしくお願いいたします。") and texts[at + 1] == "協定締結セレモニー", texts[at - 1:at + 2]
    assert abs(lines[at][2] - right_margin(lines)) < 1 and lines[at][1] > lines[at + 1][1] + 50, lines[at]
    docx = docx_paragraphs(out / "press-notice.docx")
    written = next(t for t in docx if no_space(t) == signed)
    assert written == "東京都行政書士会府中支部　支部長　石原　静　平成31年１月25日", written
    folded = [no_space(t) for t in docx if t.strip()]
    assert folded[folded.index(signed) + 1] == "協定締結セレモニー", folded
    assert docx_alignment(out / "press-notice.docx", written) == "right"


@needs_poppler
def test_a_whole_date_prints_without_a_weekday_and_the_parts_a_line_each_in_order(tmp_path, capsys):
    """The seed's house (era and western year, the weekday): the closing's whole date in
    its calendar without the weekday, then the body, the title and the name a line each,
    after the text and before the contact's box; the release after the signing prints none."""
    after = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-28\n    opening: [本日、締結しました。]\n  closing_ijo:")
    path = variant(tmp_path, after, (CLOSING[0], CLOSING[1] % "name: 北見　太郎, title: 局長, date: 2024-02-16,"
                                      " body: オホーツク総合振興局"))
    out = built(path, tmp_path / "out", "press-notice,press-notice-after")
    texts = [text for text, _, _ in lines_of(out / "press-notice.pdf")]
    at = texts.index("局長")
    assert texts[at - 2:at + 2] == ["令和６年（2024年）２月16日", "オホーツク総合振興局", "局長", "北見太郎"], texts[at - 3:at + 3]
    boxes = next(i for i, t in enumerate(texts) if "報道に当たってのお願い" in t or t.startswith("当日取材"))
    assert boxes > at + 1, texts[at - 3:]                              # before the boxes at the foot
    assert all("北見太郎" not in text for text, _, _ in lines_of(out / "press-notice-after.pdf"))
    assert all("北見　太郎" not in text for text in docx_paragraphs(out / "press-notice-after.docx"))


@pytest.mark.parametrize("closing, key, message", [
    ("date: 2024-02-16", "press_notice.closing", "the closing names no one who signs it"),
    ("name: 北見　太郎, lines: []", "press_notice.closing.lines", "the closing's lines are an empty list"),
    ("name: 北見　太郎, lines: [[name], []]", "press_notice.closing.lines[1]", "line 2 of the closing's lines names no part"),
    ("name: 北見　太郎, lines: [[name, name]]", "press_notice.closing.lines[0]", "the closing's lines name name twice"),
    ("name: 北見　太郎, lines: [[title, name]]", "press_notice.closing.lines[0]",
     "the closing's lines name title, which the closing does not give"),
    ("title: 局長, name: 北見　太郎, lines: [[name]]", "press_notice.closing.lines",
     "the closing gives title, and its lines place it nowhere"),
    ("name: 北見　太郎, lines: [[name, seal]]", "press_notice.closing.lines[0][1]", "seal"),
    ("name: 北見　太郎, date: 1989年1月", "press_notice.closing.date", "lies in two eras"),
    ("name: 北見　太郎, date: 2024-13", "press_notice.closing.date", "no month 13"),
    ("name: 北見　太郎, place: foot", "press_notice.closing.place", "foot"),
])
def test_a_malformed_closing_is_refused_at_its_line(closing, key, message, tmp_path, capsys):
    path = variant(tmp_path, (CLOSING[0], CLOSING[1] % closing))
    code, _, err = check(path, capsys)
    line = path.read_text(encoding="utf-8").splitlines().index(f"  closing: {{{closing}}}") + 1
    assert code == 1 and f"error: {path}:{line}: {key}: " in err and message in err, err


def test_a_closing_after_an_opening_nothing_follows_is_refused_at_its_place(tmp_path, capsys):
    """place: after_opening where nothing follows the opening (no ceremony's items, no
    background, no section): the closing would stand where place: end sets it; the key
    has no effect, an error at its line, and nothing is written."""
    text = (REAL.parent.parent.parent / "specs" / "2024-02-27-okhotsk-kitami.yaml").read_text(encoding="utf-8")
    pairs = [(text[text.index("  ceremony:\n"):text.index("  closing_ijo:")], ""),
             (text[text.index("  background:\n"):text.index("  press_request:\n")], ""),
             ("    - つきましては、本協定の締結式を次のとおり執り行います。\n", ""),
             (CLOSING[0], CLOSING[1] % "name: 北見　太郎, place: after_opening")]
    path = variant(tmp_path, *pairs)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    err = capsys.readouterr().err
    line = path.read_text(encoding="utf-8").splitlines().index("  closing: {name: 北見　太郎, place: after_opening}") + 1
    assert code == 1 and f"error: {path}:{line}: press_notice.closing.place: place: after_opening" in err, err
    assert not list((tmp_path / "out").rglob("*.pdf")) and not list((tmp_path / "out").rglob("*.docx"))
