"""The contacts in the notice's head (notice.contacts_at: head): each contact's lines as
its box prints them, under the date and the issuer and before the title, right-aligned
as the date is, as 広島市 heads its releases with the desk that answers
(企画総務局広域都市圏推進課 / 課長:… / 電話:… 内線:…, `pending-notices`
hiroshima-miyoshi-2021, whose stored copy ends before its 記 block: no real case of
the form can be built yet, so the seed's notice stands in).

Built by the real command line, PDF and DOCX: the PDF read back line by line as a reader
sees it (each line's right edge the date's), its structure tree in reading order, the
DOCX reopened (each line a paragraph of the date's style, in order). What would have
no effect there is refused with file, line and key, and nothing is written.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from jpdocs import cli

from conftest import needs_poppler, no_space, pdf_text
from test_contact_forms import docx_paragraphs, docx_styles, lines_of
from test_notice_format import CONTACT, check, has_error, variant

HEAD = "notice:\n  contacts_at: head\n"
AFTER = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-28\n    opening: [本日、締結しました。]\n  closing_ijo:")
SEED_LINES = ["担当窓口", "オホーツク総合振興局地域創生部", "地域政策課長杉村勝彦", "直通0152-41-0618"]
DESK = ("    - department: 企画総務局広域都市圏推進課\n      title: 課長\n      name: 光田\n"
        "      phones:\n        - {number: 0152-504-2814, kind: 代表, extension: \"2290\", note: 広域都市圏推進担当}\n"
        "      fax: 082-504-2029\n      email: kouiki@example.lg.jp\n      notes: [土日祝日を除く]\n")


def build(path: Path, tmp_path: Path, capsys, kinds="press-notice") -> Path:
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", kinds, "--format", "pdf,docx"])
    err = capsys.readouterr().err
    assert code == 0, err
    return tmp_path / "out" / path.stem


def head_of(lines: list[tuple[str, float, float]], first: str) -> list[tuple[str, float, float]]:
    """The lines from `first` to the title's (項目…), the title's excluded."""
    texts = [t for t, _, _ in lines]
    start = texts.index(first)
    end = next(i for i, t in enumerate(texts) if t.startswith("項目"))
    return lines[start:end]


@needs_poppler
@pytest.mark.parametrize("name", ["press-notice", "press-notice-after"])
def test_the_contact_stands_under_the_issuer_right_aligned_before_the_title(name, tmp_path, capsys):
    """The seed's contact, a line each (its role over it), under the date and the
    issuer, each line's right edge the date's; no contact box at the foot, where the
    press request keeps its own; the DOCX alike, each line the date's style."""
    path = variant(tmp_path, AFTER, style=HEAD)
    out = build(path, tmp_path, capsys, kinds="press-notice,press-notice-after")
    pdf = out / f"{name}.pdf"
    lines = lines_of(pdf)
    head = head_of(lines, "北海道オホーツク総合振興局")
    assert [t for t, _, _ in head] == ["北海道オホーツク総合振興局"] + SEED_LINES, head
    dated = next(line for line in lines if line[0].endswith("配布"))
    assert all(right == pytest.approx(dated[2], abs=1.5) for _, _, right in head), (dated, head)
    text = no_space(pdf_text(pdf))
    assert text.count("0152-41-0618") == 1 and text.count("担当窓口") == 1 and text.count("杉村") == 1
    paragraphs = [no_space(p) for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    styles = docx_styles(pdf.with_suffix(".docx"))
    at = paragraphs.index("北海道オホーツク総合振興局")
    assert paragraphs[at + 1:at + 1 + len(SEED_LINES)] == SEED_LINES, paragraphs[:at + 6]
    assert set(styles[at:at + 1 + len(SEED_LINES)]) == {styles[at]} and styles[at] is not None
    assert "".join(paragraphs).count("0152-41-0618") == 1
    if name == "press-notice":     # the press request's box, with its own contact, stays at the foot
        assert text.index("報道に当たってのお願い") > text.index("包括連携協定の締結に至った経緯")
        assert text.endswith("担当：道下直通0152-67-5621"), text[-60:]


@needs_poppler
def test_the_head_is_read_in_the_order_it_is_seen(tmp_path, capsys):
    """The structure tree: the date, the issuer, the contact's lines, then the title,
    each a paragraph, as the model holds them and a reader meets them; the file passes
    PDF/UA-1. (Imported here: test_tagged_pdf skips as a whole without its validator,
    and the lines of the head are checked above without it.)"""
    from test_tagged_pdf import expected, model_of, structure, validate
    path = variant(tmp_path, style=HEAD)
    out = build(path, tmp_path, capsys)
    assert validate(out / "press-notice.pdf") == []
    leaves, _, _ = structure(out / "press-notice.pdf")
    doc, style = model_of(path)["press-notice"]
    assert [(r, t) for r, t in leaves if r != "Figure"] == [(r, t) for r, t in expected(doc.blocks, style)
                                                           if r != "Figure"]
    texts = [no_space(t) for _, t in leaves]
    at = texts.index("北海道オホーツク総合振興局")
    assert texts[at + 1:at + 1 + len(SEED_LINES)] == SEED_LINES, texts[:at + 6]
    assert [r for r, _ in leaves[at:at + 1 + len(SEED_LINES)]] == ["P"] * (1 + len(SEED_LINES))
    assert texts[at + 1 + len(SEED_LINES)] == "項目"


@needs_poppler
def test_every_line_of_a_contact_stands_in_the_head(tmp_path, capsys):
    """A contact without a role (no line over it, none made up), its person, its number
    with its kind, 内線 and note, FAX, e-mail and its own note: each printed once, in
    the head, as its box would print it."""
    path = variant(tmp_path, (CONTACT, DESK), style=HEAD)
    out = build(path, tmp_path, capsys)
    lines = lines_of(out / "press-notice.pdf")
    head = [t for t, _, _ in head_of(lines, "北海道オホーツク総合振興局")]
    assert head == ["北海道オホーツク総合振興局", "企画総務局広域都市圏推進課", "課長光田",
                    "代表0152-504-2814（内線2290）（広域都市圏推進担当）FAX082-504-2029",
                    "E-mailkouiki@example.lg.jp", "土日祝日を除く"], head
    assert "問合せ先" not in no_space(pdf_text(out / "press-notice.pdf"))
    paragraphs = [no_space(p) for p in docx_paragraphs(out / "press-notice.docx")]
    at = paragraphs.index("企画総務局広域都市圏推進課")
    assert paragraphs[at:at + 5] == head[1:], paragraphs[at:at + 5]


def test_a_sentence_before_boxes_there_are_none_of_is_refused(tmp_path, capsys):
    path = variant(tmp_path, ("  contacts:\n", "  contacts_lead: お問い合わせは、下記まで。\n  contacts:\n"),
                   style=HEAD)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice"])
    err = capsys.readouterr().err
    assert code == 1 and has_error(err, path, "contacts_lead:", "press_notice.contacts_lead",
                                   "contacts_lead is the sentence before the contact boxes at the foot, and the house"
                                   " sets the contacts under the date (notice.contacts_at: head): it would have no"
                                   " effect"), err
    assert not any((tmp_path / "out").rglob("*.pdf"))


def test_a_role_above_a_box_there_is_none_of_is_refused(tmp_path, capsys):
    path = variant(tmp_path, style=HEAD + "contacts:\n  role_place: above\n")
    code, _, err = check(path, capsys)
    assert code == 1 and (f"error: {tmp_path / 'house.yaml'}:4: contacts.role_place: the role is set above a"
                          " contact's box; the house sets the contacts' lines under the date"
                          " (notice.contacts_at: head), with no box, and the press request's box keeps its label at its"
                          " left: it would have no effect") in err, err
