"""A signature block's name too long for its line breaks after its legal form, in the
built PDF and in the DOCX: 公益社団法人 / 日本文書情報マネジメント協会, not
公益社団法人日本文書情報マネジメント / 協会 (nta-jiima-2021 with a narrow column: an
indent of the house's own, 0.2999; its own style sets 0.05 so that the name stands on
one line, as on the copy). At the default indent (0.3) the name, a word wider than the
lines' column, takes the room it needs from the space before the labels (fit="blocks")
and stands whole there too."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import agreement_lines_and_paragraphs, needs_poppler

REAL = Path(__file__).resolve().parent / "data" / "real"
NAME = "公益社団法人日本文書情報マネジメント協会"


def _build(tmp_path: Path, indent: str) -> tuple[list[str], list[str]]:
    """The case with its house's signature_indent replaced by `indent` (none: the
    default): the PDF's lines (spaces out) and the DOCX's paragraphs (a w:br read as \\n)."""
    folder = tmp_path / (indent or "default")
    (folder / "styles").mkdir(parents=True)
    style = (REAL / "styles" / "nta-jiima.yaml").read_text(encoding="utf-8")
    assert "  signature_indent: 0.05" in style
    (folder / "styles" / "nta-jiima.yaml").write_text(
        "".join(line if "signature_indent" not in line else f"  signature_indent: {indent}\n" * bool(indent)
                for line in style.splitlines(keepends=True)), encoding="utf-8")
    shutil.copy(REAL / "nta-jiima-2021.yaml", folder)
    return agreement_lines_and_paragraphs(folder / "nta-jiima-2021.yaml", folder / "out")


@needs_poppler
def test_the_name_breaks_after_its_legal_form_in_the_pdf_and_the_docx(tmp_path):
    lines, texts = _build(tmp_path, "0.2999")
    at = lines.index("公益社団法人")                      # the name does not fit its line: it breaks
    assert lines[at + 1] == "日本文書情報マネジメント協会", lines[at - 1:at + 3]
    assert "協会" not in lines
    assert "公益社団法人\n日本文書情報マネジメント協会" in texts, [t for t in texts if "協会" in t]


@needs_poppler
def test_at_the_default_indent_the_name_stands_whole(tmp_path):
    lines, texts = _build(tmp_path, "")
    assert NAME in lines and "公益社団法人" not in lines, [t for t in lines if "協会" in t]
    assert NAME in texts, [t for t in texts if "協会" in t]
