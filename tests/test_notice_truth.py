"""The press notice prints nothing the spec did not say.

Each test writes a spec as another office would (a variation of the seed's),
builds it with the real command line and reads the PDF back: a sentence is whole
or absent, a phone has no kind the spec did not give, every 締結者 line names its
organisation, the issuer is named, 様 never stands on one's own head, and a title
never runs into the name after it.
"""
from __future__ import annotations

from pathlib import Path

import docx
import pdfplumber
import pytest

from jpdocs import cli

from conftest import SEED_SPEC, needs_poppler, no_space, pdf_text

SEED = SEED_SPEC.read_text(encoding="utf-8")
REQUEST = """  press_request:
    deadline: 2024-02-21T17:00
"""


def variant(tmp_path: Path, *pairs: tuple[str, str], name="notice.yaml") -> Path:
    text = SEED
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def build(path: Path, tmp_path: Path, capsys) -> tuple[int, str, Path]:
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf"])
    return code, capsys.readouterr().err, tmp_path / "out" / path.stem / "press-notice.pdf"


def line_of(path: Path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


@needs_poppler
def test_a_request_without_a_deadline_reads_as_a_whole_sentence(tmp_path, capsys):
    path = variant(tmp_path, (REQUEST, "  press_request:\n"))
    code, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    text = no_space(pdf_text(pdf))
    assert "当日取材いただける場合は、下記連絡先までお知らせください。" in text
    assert "までに下記" not in text and "は、までに" not in text


@needs_poppler
def test_an_empty_lead_and_tail_without_a_deadline_print_no_sentence(tmp_path, capsys):
    path = variant(tmp_path, (REQUEST, '  press_request:\n    lead: ""\n    tail: ""\n    notes: [当日は腕章を着用してください。]\n'))
    code, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    text = no_space(pdf_text(pdf))
    assert "当日は腕章を着用してください。" in text
    assert "当日取材いただける場合は" not in text and "お知らせください" not in text


@needs_poppler
def test_the_seed_request_keeps_its_deadline_sentence(tmp_path, capsys):
    code, err, pdf = build(variant(tmp_path), tmp_path, capsys)
    assert code == 0, err
    assert "当日取材いただける場合は、令和６年２月21日（水）17時までに下記連絡先までお知らせください。" \
        in no_space(pdf_text(pdf))


@pytest.mark.parametrize("tail, message", [
    ('""', "the deadline needs a tail to make a sentence"),
    ("までに下記連絡先までお知らせください。", "までに is printed after the deadline already"),
])
def test_a_deadline_without_a_whole_sentence_is_an_error_naming_the_tail(tail, message, tmp_path, capsys):
    path = variant(tmp_path, (REQUEST, REQUEST + f"    tail: {tail}\n"))
    code = cli.main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"error: {path}:{line_of(path, '    tail:')}: press_notice.press_request.tail: {message}" in err


@needs_poppler
def test_a_phone_has_no_kind_the_spec_did_not_give(tmp_path, capsys):
    path = variant(tmp_path, ("      phone: 0152-67-5621\n      phone_kind: 直通\n", "      phone: 0152-67-5621\n"),
                   ("      phone: 0152-41-0618\n      phone_kind: 直通\n", "      phone: 0152-41-0618\n      phone_kind: 代表\n      extension: \"2345\"\n"))
    code, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    text = no_space(pdf_text(pdf))
    assert "直通" not in text
    assert "電話0152-67-5621" in text and "代表0152-41-0618（内線2345）" in text


@needs_poppler
def test_a_contact_without_a_phone_prints_none(tmp_path, capsys):
    path = variant(tmp_path, ("      phone: 0152-41-0618\n      phone_kind: 直通\n", ""))
    code, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    text = no_space(pdf_text(pdf))
    assert "0152-41-0618" not in text and text.count("直通") == 1
    assert text.endswith("地域政策課長杉村勝彦")


@needs_poppler
def test_every_signatory_line_names_its_organisation(tmp_path, capsys):
    """A title as real notices write it (市長, 学長) gets its organisation before it;
    a title that begins with the organisation is printed as it is."""
    path = variant(tmp_path, ("      title: 北見工業大学学長\n", "      title: 学長\n"),
                   ("      title: 北海道オホーツク総合振興局長\n", "      title: 局長\n"))
    code, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    text = no_space(pdf_text(pdf))
    assert "３締結者北海道オホーツク総合振興局局長中島和彦北見工業大学学長鈴木聡一郎様４次第" in text
    seed_code, err, seed_pdf = build(variant(tmp_path, name="seed.yaml"), tmp_path, capsys)
    assert seed_code == 0, err
    assert "３締結者北海道オホーツク総合振興局長中島和彦北見工業大学学長鈴木聡一郎様４次第" in no_space(pdf_text(seed_pdf))


def test_sama_on_the_issuing_offices_own_head_is_an_error(tmp_path, capsys):
    path = variant(tmp_path, ("      name: 中島　和彦\n", "      name: 中島　和彦\n    honorific: 様\n"))
    code = cli.main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 1, err
    line = line_of(path, "    honorific: 様")
    assert f"error: {path}:{line}: parties.bureau.honorific: '様' on the issuing office's own head" in err


def test_a_party_of_the_issuing_side_by_name_or_by_saying_so(tmp_path, capsys):
    """The issuer need not be a party's name: `issuing: true` says it; and a party named
    like the issuer can say `issuing: false` (then 様 is its own business)."""
    path = variant(tmp_path, ("issuer: 北海道オホーツク総合振興局\n", "issuer: 北海道オホーツク総合振興局地域創生部\n"),
                   ("    honorific: 様\n", "    honorific: 様\n    issuing: true\n"))
    code = cli.main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 1 and "parties.kitami_it.honorific: '様' on the issuing office's own head (issuing: true)" in err
    path = variant(tmp_path, ("      name: 中島　和彦\n", "      name: 中島　和彦\n    honorific: 様\n    issuing: false\n"),
                   name="other.yaml")
    assert cli.main(["check", str(path)]) == 0, capsys.readouterr().err


@needs_poppler
def test_the_issuer_is_named_under_the_date_and_a_co_issuer_besides(tmp_path, capsys):
    path = variant(tmp_path, ("  issue_date: 2024-02-16\n",
                              "  issue_date: 2024-02-16\n  issuing_office: オホーツク総合振興局地域創生部地域政策課\n"
                              "  issuer_label: 同時発表：北見工業大学\n"))
    code, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    lines = pdf_text(pdf).splitlines()
    at = next(i for i, line in enumerate(lines) if "配布" in line)
    assert [no_space(x) for x in lines[at + 1:at + 3]] == ["オホーツク総合振興局地域創生部地域政策課", "同時発表：北見工業大学"]


def test_a_title_and_the_name_after_it_stand_a_full_width_space_apart(tmp_path, capsys):
    """「△△市長野田　一郎」 read as 長野 + 田一郎 when the two touched."""
    path = variant(tmp_path, ("      title: 北見工業大学学長\n      name: 鈴木　聡一郎\n",
                              "      title: 北見工業大学長\n      name: 野田　一郎\n"))
    code, err, pdf = build(path, tmp_path, capsys)
    assert code == 0, err
    with pdfplumber.open(pdf) as doc:
        chars = [c for c in doc.pages[0].chars if c["text"].strip()]
    text = "".join(c["text"] for c in chars)
    at = text.index("北見工業大学長野田")
    title_end, name_start = chars[at + len("北見工業大学長") - 1], chars[at + len("北見工業大学長")]
    assert abs(title_end["top"] - name_start["top"]) < 1                 # one line
    assert name_start["x0"] - title_end["x1"] >= title_end["size"] - 0.01   # at least one em apart


@needs_poppler
def test_the_signatory_when_not_the_head_and_a_reading_printed_in_the_notice_only(tmp_path, capsys):
    # (the head beside it would print nowhere: refused, spec/signer_checks.py; the signatory alone)
    path = variant(tmp_path, ("    representative:\n      title: 北見工業大学学長\n      name: 鈴木　聡一郎\n",
                              "    signatory:\n      title: 北見工業大学理事・副学長\n      name: 柴田　岳\n"
                              "      reading: しばた　がく\n"))
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,agreement", "--format", "pdf"])
    assert code == 0, capsys.readouterr().err
    notice = no_space(pdf_text(tmp_path / "out" / path.stem / "press-notice.pdf"))
    assert "北見工業大学理事・副学長柴田岳（しばたがく）様" in notice and "鈴木聡一郎" not in notice
    agreement = no_space(pdf_text(tmp_path / "out" / path.stem / "agreement.pdf"))
    assert "北見工業大学理事・副学長柴田岳" in agreement
    assert "しばた" not in agreement and "鈴木聡一郎" not in agreement


def _signatory_lines(pdf: Path, first: str) -> list[str]:
    """The 締結者 item's lines of the notice's first page, from the line holding `first`."""
    with pdfplumber.open(pdf) as doc:
        chars = [c for c in doc.pages[0].chars if c["text"].strip()]
    rows: dict[float, list] = {}
    for c in chars:
        rows.setdefault(round(c["top"]), []).append(c)
    lines = ["".join(c["text"] for c in sorted(row, key=lambda c: c["x0"])) for _, row in sorted(rows.items())]
    at = next(i for i, line in enumerate(lines) if first in line)
    return lines[at:at + 3]


@needs_poppler
@pytest.mark.parametrize("org, size, whole", [
    ("株式会社ヤクルト球団", None, True),                      # 21 characters: it fits, one line
    ("株式会社北海道オホーツク地域振興開発公社", None, False),     # too long: the organisation alone
    ("株式会社ヤクルト球団", 13, False),                       # fits at 10.5pt, not at the office's 13pt
    ("ヤクルト球団", 18, False),           # 16 characters, under the old count: its title was cut at 18pt
])
def test_an_organisation_and_its_heads_title_break_between_them_when_they_must(tmp_path, capsys, org, size, whole):
    """The 締結者 cell breaks its line after the full-width space between the
    organisation and the title, and only where the two do not fit its width: measured,
    where a count of 19 characters split pairs that fit and cut titles at larger sizes
    (a title cut in two sets the name beside half a title). The DOCX breaks there too."""
    pairs = [("    name: 北見工業大学\n", f"    name: {org}\n"), ("      title: 北見工業大学学長\n", "      title: 代表取締役会長ＣＥＯ\n")]
    if size:
        (tmp_path / "style.yaml").write_text(f"styles:\n  item: {{font: mincho, size: {size}, leading: 1.5, align: justify}}\n",
                                             encoding="utf-8")
        pairs.append(("issuer: 北海道オホーツク総合振興局\n", "issuer: 北海道オホーツク総合振興局\nstyle: style.yaml\n"))
    path = variant(tmp_path, *pairs)
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice"]) == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    lines = _signatory_lines(out / "press-notice.pdf", org)
    if whole:
        assert lines[0].startswith(f"{org}代表取締役会長ＣＥＯ鈴木聡一郎")
    else:
        assert lines[0] == org and lines[1].startswith("代表取締役会長ＣＥＯ鈴木聡一郎")
    cell = next(c for t in docx.Document(out / "press-notice.docx").tables for row in t.rows for c in row.cells
                if org in c.text)
    # broken: the line break takes the space's place, as the PDF's line drops it (line_breaks._broken)
    assert cell.text == (f"{org}　代表取締役会長ＣＥＯ" if whole else f"{org}\n代表取締役会長ＣＥＯ")
