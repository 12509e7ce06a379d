"""Heads named by the title alone (`representative: {title: …}` without a name), and
parties that name no head: the real generator on variants of the seed spec, the
output read back (the PDF's lines as the reader sees them, the DOCX reopened).

Many offices' notices name the heads so (山形県知事, 町長, 徳島大学長). The notice's
締結者 prints the title and nothing else; the agreement's signature block needs the
name and refuses the spec at the key; nothing prints "None" or a hole.
"""
from __future__ import annotations

import os
import re

import pdfplumber
import pytest
from docx import Document as OpenDocx

from conftest import SEED_SPEC, needs_poppler, no_space, pdf_text, run_generate

SEED = SEED_SPEC.read_text(encoding="utf-8")
BUREAU_NAME = "      name: 中島　和彦\n"
KITAMI_NAME = "      name: 鈴木　聡一郎\n"
HONORIFIC = "    honorific: 様\n"
DOCUMENT = ("  document:                    # the agreement document (協定書), 甲乙 labels\n"
            "    standard: 包括連携           # the house's standard articles (templates/articles.yaml)\n"
            "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n")
BUREAU_HEAD = "    representative:\n      title: 北海道オホーツク総合振興局長\n" + BUREAU_NAME
KITAMI_HEAD = "    representative:\n      title: 北見工業大学学長\n" + KITAMI_NAME


def variant(tmp_path, *changes, name="variant.yaml"):
    text = SEED
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def build(tmp_path, spec, *args):
    out = tmp_path / "out"
    result = run_generate(spec, "-o", out, "--kinds", "press-notice", *args)
    assert result.returncode == 0, result.stdout + result.stderr
    return out / spec.stem


def visual_lines(pdf) -> list[str]:
    """The lines a reader sees (glyphs by baseline, left to right), spaces removed."""
    lines = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            rows: dict[int, list] = {}
            for c in page.chars:
                rows.setdefault(round(c["bottom"]), []).append(c)
            for key in sorted(rows):
                lines.append(no_space("".join(c["text"] for c in sorted(rows[key], key=lambda c: c["x0"]))))
    return lines


def docx_cells_and_paragraphs(path) -> tuple[list[list[str]], list[str]]:
    doc = OpenDocx(str(path))
    rows = [[no_space(cell.text) for cell in row.cells] for table in doc.tables for row in table.rows]
    return rows, [no_space(p.text) for p in doc.paragraphs]


NOTICE_ONLY = (DOCUMENT, "")        # no agreement document: only the notices print signers


@needs_poppler
def test_a_title_only_head_prints_its_title_alone_beside_the_named_one(tmp_path):
    """Mixed: the title alone on its line (in the titles' column), the other signer as
    before with his name and 様; in the DOCX the title's cell with an empty name cell."""
    spec = variant(tmp_path, NOTICE_ONLY, (BUREAU_NAME, ""))
    checked = run_generate("check", spec)
    assert checked.returncode == 0, checked.stderr
    assert ("press_notice.ceremony: 締結者 names 北海道オホーツク総合振興局長 by the title alone"
            in checked.stdout + checked.stderr)        # what was written, but easily an oversight: said
    out = build(tmp_path, spec, "--format", "pdf,docx")
    lines = visual_lines(out / "press-notice.pdf")
    assert "北海道オホーツク総合振興局長" in lines, [x for x in lines if "局長" in x]
    assert "北見工業大学学長鈴木聡一郎様" in lines
    rows, _ = docx_cells_and_paragraphs(out / "press-notice.docx")
    assert ["北海道オホーツク総合振興局長", ""] in rows, rows
    assert ["北見工業大学学長", "鈴木聡一郎様"] in rows, rows
    for text in (pdf_text(out / "press-notice.pdf"), "".join(map("".join, rows))):
        assert "None" not in text and "中島" not in text


@needs_poppler
def test_signers_all_named_by_title_are_listed_one_a_line(tmp_path):
    """No signer named: the titles one a line under the label, nothing after them, in
    both the PDF and the DOCX (no table with a column of empty names)."""
    spec = variant(tmp_path, NOTICE_ONLY, (BUREAU_NAME, ""), (KITAMI_NAME, ""), (HONORIFIC, ""))
    out = build(tmp_path, spec, "--format", "pdf,docx")
    lines = visual_lines(out / "press-notice.pdf")
    at = lines.index("３締結者")
    assert lines[at + 1:at + 3] == ["北海道オホーツク総合振興局長", "北見工業大学学長"], lines[at:at + 4]
    rows, paragraphs = docx_cells_and_paragraphs(out / "press-notice.docx")
    assert not any("学長" in cell for row in rows for cell in row), rows
    at = paragraphs.index("３締結者") if "３締結者" in paragraphs else \
        next(i for i, p in enumerate(paragraphs) if p.endswith("締結者"))
    assert paragraphs[at + 1:at + 3] == ["北海道オホーツク総合振興局長", "北見工業大学学長"], paragraphs[at:at + 4]
    assert "None" not in pdf_text(out / "press-notice.pdf")


@needs_poppler
def test_the_release_after_the_signing_lists_the_titles_too(tmp_path):
    spec = variant(tmp_path, NOTICE_ONLY, (BUREAU_NAME, ""), (KITAMI_NAME, ""), (HONORIFIC, ""),
                   ("  contacts:\n", "  after: {issue_date: 2024-02-27, opening: [締結しました。]}\n  contacts:\n"))
    out = tmp_path / "out"
    result = run_generate(spec, "-o", out, "--kinds", "press-notice-after", "--format", "pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = visual_lines(out / spec.stem / "press-notice-after.pdf")
    at = next(i for i, x in enumerate(lines) if x.endswith("締結者"))
    assert lines[at + 1:at + 3] == ["北海道オホーツク総合振興局長", "北見工業大学学長"], lines[at:at + 4]


def test_the_agreement_refuses_a_title_alone_at_the_key_and_writes_nothing(tmp_path):
    spec = variant(tmp_path, (BUREAU_NAME, ""))
    line = next(i for i, x in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1)
                if x.strip() == "representative:")
    out = tmp_path / "out"
    result = run_generate(spec, "-o", out)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (f"error: {spec}:{line}: parties.bureau.representative.name: missing: the agreement's"
            " signature block prints the name of 北海道オホーツク総合振興局長") in result.stderr, result.stderr
    assert not out.exists() or not any(out.rglob("*.*")), list(out.rglob("*"))
    ja = run_generate("check", spec, env=dict(os.environ, LANG="ja_JP.UTF-8", LC_ALL="ja_JP.UTF-8"))
    assert f"{spec}:{line}: parties.bureau.representative.name:" in ja.stderr, ja.stderr
    assert "協定書の署名欄には北海道オホーツク総合振興局長の氏名を載せます" in ja.stderr, ja.stderr


@needs_poppler
def test_a_draft_leaves_the_name_blank_and_says_so(tmp_path):
    spec = variant(tmp_path, (BUREAU_NAME, ""), ("    standard: 包括連携", "    draft: true\n    standard: 包括連携"))
    out = tmp_path / "out"
    result = run_generate(spec, "-o", out, "--kinds", "agreement", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert "left open: parties.bureau.representative.name" in result.stdout + result.stderr
    text = pdf_text(out / spec.stem / "agreement.pdf")
    assert "None" not in text and "中島" not in text
    assert "北海道オホーツク総合振興局長" in text


@pytest.mark.parametrize("changes, key, words", [
    pytest.param([NOTICE_ONLY, (KITAMI_NAME, "      reading: すずき　そういちろう\n"), (HONORIFIC, "")],
                 "parties.kitami_it.representative.reading", "the reading is printed after the name",
                 id="reading-without-name"),
    pytest.param([NOTICE_ONLY, (KITAMI_NAME, "")], "parties.kitami_it.honorific",
                 "'様' follows the signer's name in 締結者", id="honorific-without-name"),
    pytest.param([NOTICE_ONLY, (BUREAU_HEAD, "")], "parties.bureau.representative",
                 "missing: the press notice's 締結者 prints who signs", id="no-head-but-締結者"),
])
def test_what_would_have_no_effect_or_leave_a_hole_is_an_error(tmp_path, changes, key, words):
    spec = variant(tmp_path, *changes)
    result = run_generate("check", spec)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(rf"error: {re.escape(str(spec))}:\d+: {re.escape(key)}: {re.escape(words)}", result.stderr), \
        result.stderr


@needs_poppler
def test_a_notice_without_a_締結者_item_needs_no_head(tmp_path):
    """No party names its head and the 記 block has no 締結者 item: it builds, and
    nothing prints a signer or a hole."""
    spec = variant(tmp_path, NOTICE_ONLY, (BUREAU_HEAD, ""), (KITAMI_HEAD, ""), (HONORIFIC, ""),
                   ("    signatories: [bureau, kitami_it]\n", ""),
                   ("  closing_ijo: false", "  ki: [date, place, agenda]\n  closing_ijo: false"))
    out = build(tmp_path, spec, "--format", "pdf")
    text = no_space(pdf_text(out / "press-notice.pdf"))
    assert "締結者" not in text and "None" not in text
    assert "中島" not in text and "鈴木" not in text and "学長様" not in text
    assert "１日時" in text and "３次第" in text


def test_a_joint_notice_refuses_one_head_named_in_one_spec_and_by_title_in_another(tmp_path):
    """Two agreements at one ceremony (press_notice.also): the same head named in one
    spec and by the title alone in the other would print as two people."""
    agreement_only = SEED[:SEED.index("press_notice:")]
    companion = agreement_only.replace(KITAMI_NAME, "").replace(HONORIFIC, "").replace(
        agreement_only[agreement_only.index("  document:"):agreement_only.index("  areas:")], "")
    (tmp_path / "companion.yaml").write_text(companion, encoding="utf-8")
    spec = variant(tmp_path, ("press_notice:\n", "press_notice:\n  also: [companion.yaml]\n"))
    line = companion.splitlines().index("      title: 北見工業大学学長")     # the line above: representative:
    result = run_generate("check", spec)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"{tmp_path / 'companion.yaml'}:{line}: parties.kitami_it.representative.name: 北見工業大学's"
            " 北見工業大学学長 is named 鈴木　聡一郎 in one spec and by the title alone") in result.stderr, result.stderr
