"""notice.ki_label_line_gap: false — with inline labels, a label that keeps its line over
its text (a list, people) printed without the gap that prints after the others: 九州経済産業局
writes 1. 日時:令和元年… and then 3. 内容 over its entries (meti-kyushu-koshi-2019), where
the default keeps it (４．次第： over its steps, as 摂南大学 writes it). Built by the real
command line, the PDF's lines and the DOCX's paragraphs read back; the key refused where it
would have no effect (labels on their own lines, a gap of spaces)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from conftest import real_case_variant, run_generate
from test_linked_documents import _lines

CASE, STYLE = "meti-kyushu-koshi-2019", "meti-kyushu.yaml"


def _plain(text: str) -> str:
    return re.sub(r"[ 　\t]", "", text)      # (a label on its line follows its marker after a tab in the DOCX)


def the_case(tmp_path: Path, style_edit: tuple[str, str] | None = None) -> Path:
    path = real_case_variant(tmp_path, CASE, STYLE)
    if style_edit:
        style = tmp_path / "styles" / STYLE
        text = style.read_text(encoding="utf-8")
        assert style_edit[0] in text, style_edit[0]
        style.write_text(text.replace(style_edit[0], style_edit[1], 1), encoding="utf-8")
    return path


def built_texts(tmp_path: Path, spec: Path) -> tuple[list[str], list[str]]:
    out = tmp_path / "out"
    result = run_generate(spec, "-o", out, "--format", "pdf,docx", "--kinds", "press-notice")
    assert result.returncode == 0, result.stderr
    docx = [_plain(p.text) for p in Document(out / spec.stem / "press-notice.docx").paragraphs if p.text.strip()]
    return _lines(out / spec.stem / "press-notice.pdf"), docx


@pytest.mark.parametrize("keep, line", [(False, "3.内容"), (True, "3.内容:")])
def test_a_label_over_its_entries_keeps_the_gap_only_where_the_house_writes_it(tmp_path, keep, line):
    edit = None if not keep else ("  ki_label_line_gap: false", "  ki_label_line_gap: true")
    pdf, docx = built_texts(tmp_path, the_case(tmp_path, edit))
    for texts in (pdf, docx):
        assert line in texts, texts
        assert ("3.内容:" in texts) == keep
        # the labels whose text runs in keep theirs either way
        assert any(t.startswith("1.日時:令和元年11月5日") for t in texts), texts
        assert any(t.startswith("2.場所:合志市役所") for t in texts), texts


@pytest.mark.parametrize("edit", [
    ("  ki_label: inline\n", "  ki_label: line\n"),
    ('  ki_label_gap: ":"\n', '  ki_label_gap: "　"\n'),
])
def test_the_key_where_it_would_have_no_effect_is_refused(tmp_path, edit):
    spec = the_case(tmp_path, edit)
    if edit[1] == "  ki_label: line\n":      # (its gap would be refused too: leave it out)
        style = tmp_path / "styles" / STYLE
        style.write_text(re.sub(r'  ki_label_gap: .*\n', "", style.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert re.search(rf"{re.escape(str(tmp_path / 'styles' / STYLE))}:\d+: notice.ki_label_line_gap: .*no effect",
                     result.stderr), result.stderr
    assert not list((tmp_path / "out").rglob("*.pdf")) and not list((tmp_path / "out").rglob("*.docx"))
