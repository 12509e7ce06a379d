"""A signer's title too long for its column breaks at its words: after the word's ・,
never inside a word where only the script changes (マレーシア・ / ペナン州首席大臣, not
マレーシア・ペナン / 州首席大臣, ペナン州 torn). Seen in kanagawa-penang-1991 with the
house's label of the name line (agreement.signature_labels: {name: 署名}): the title
then sits under the label's padding and no longer fits its half of the measure. In the
built PDF and in the DOCX."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from conftest import needs_poppler, no_space, pdf_text, run_generate

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "kanagawa-penang-1991"


@needs_poppler
def test_a_title_breaks_after_its_words_middle_dot_not_inside_a_word(tmp_path):
    (tmp_path / "styles").mkdir()
    style = (REAL / "styles" / "kanagawa-intl.yaml").read_text(encoding="utf-8")
    assert "  name_line: above_title\n" in style
    (tmp_path / "styles" / "kanagawa-intl.yaml").write_text(
        style.replace("  name_line: above_title\n", "  name_line: above_title\n  signature_labels: {name: 署名}\n"),
        encoding="utf-8")
    spec = (REAL / f"{CASE}.yaml").read_text(encoding="utf-8")
    assert "signature_mark:" in spec              # the mark and the label would both stand before the name
    (tmp_path / f"{CASE}.yaml").write_text(
        "".join(line for line in spec.splitlines(keepends=True) if "signature_mark:" not in line), encoding="utf-8")
    run = run_generate(tmp_path / f"{CASE}.yaml", "-o", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    folder = tmp_path / "out" / CASE
    lines = [no_space(line) for line in pdf_text(folder / "agreement.pdf").splitlines()]
    assert "署名コー・ツー・クーン" in lines or any(line.endswith("署名コー・ツー・クーン") for line in lines), lines[-6:]
    assert any(line.endswith("マレーシア・") for line in lines), lines[-6:]        # the title does not fit: it breaks
    assert "ペナン州首席大臣" in lines, lines[-6:]
    assert "州首席大臣" not in lines
    body = docx.Document(folder / "agreement.docx").element.body     # the blocks' tables are nested
    texts = [Paragraph(p, None).text for p in body.iter(qn("w:p"))]     # (a w:br read as \n)
    assert any("マレーシア・\nペナン州首席大臣" in t for t in texts), [t for t in texts if "大臣" in t]
