"""A signature block's name too long for its line breaks after its legal form, in the
built PDF and in the DOCX: 公益社団法人 / 日本文書情報マネジメント協会, not
公益社団法人日本文書情報マネジメント / 協会 (nta-jiima-2021 at the house's default
signature indent, which its own style avoids with signature_indent: 0.05)."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from conftest import needs_poppler, no_space, pdf_text, run_generate

REAL = Path(__file__).resolve().parent / "data" / "real"
NAME = "公益社団法人日本文書情報マネジメント協会"


@needs_poppler
def test_the_name_breaks_after_its_legal_form_in_the_pdf_and_the_docx(tmp_path):
    (tmp_path / "styles").mkdir()
    style = (REAL / "styles" / "nta-jiima.yaml").read_text(encoding="utf-8")
    assert "  signature_indent: 0.05" in style
    (tmp_path / "styles" / "nta-jiima.yaml").write_text(
        "".join(line for line in style.splitlines(keepends=True) if "signature_indent" not in line), encoding="utf-8")
    shutil.copy(REAL / "nta-jiima-2021.yaml", tmp_path)
    run = run_generate(tmp_path / "nta-jiima-2021.yaml", "-o", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    folder = tmp_path / "out" / "nta-jiima-2021"
    lines = [no_space(line) for line in pdf_text(folder / "agreement.pdf").splitlines()]
    at = lines.index("公益社団法人")                      # the name does not fit its line: it breaks
    assert lines[at + 1] == "日本文書情報マネジメント協会", lines[at - 1:at + 3]
    assert "協会" not in lines
    body = docx.Document(folder / "agreement.docx").element.body     # the blocks' tables are nested
    texts = [Paragraph(p, None).text for p in body.iter(qn("w:p"))]     # (a w:br read as \n)
    assert "公益社団法人\n日本文書情報マネジメント協会" in texts, [t for t in texts if "協会" in t]
