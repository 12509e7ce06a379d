"""A note beside an agreement's title on its line (agreement.document.title_note), as
北本市史 prints 仮協約書案　（三村長協定） (`kitamoto-3villages-taisho`): after the title's
last line, a full-width space between, in the title's type; not part of the title, so
the file's title stays 仮協約書案.

The real case is built by the real command line, PDF and DOCX: the PDF's glyphs read
back (the note on the title's baseline, after it), its /Title, the DOCX reopened. A
blank note is refused with file, line and key, nothing written."""
from __future__ import annotations

from pathlib import Path

import docx
import pdfplumber
from pypdf import PdfReader

from conftest import ROOT, needs_poppler, run_generate

REAL = ROOT / "tests" / "data" / "real"
CASE = "kitamoto-3villages-taisho"


def _build(tmp_path: Path, spec: Path):
    return run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx", "--kinds", "agreement")


@needs_poppler
def test_the_note_stands_after_the_title_on_its_line(tmp_path):
    result = _build(tmp_path, REAL / f"{CASE}.yaml")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / CASE
    with pdfplumber.open(folder / "agreement.pdf") as pdf:
        chars = [c for c in pdf.pages[0].chars if not c["text"].isspace()]
    first = next(c for c in chars if c["text"] == "仮")                         # (the draft's 案 stands above)
    line = sorted((c for c in chars if abs(c["bottom"] - first["bottom"]) < 0.5), key=lambda c: c["x0"])
    assert "".join(c["text"] for c in line) == "仮協約書案（三村長協定）"          # one line, the note last
    assert line[5]["x0"] - line[4]["x1"] > line[4]["size"] * 0.9                # a full-width space between
    assert abs(line[5]["size"] - line[0]["size"]) < 0.01                         # in the title's type
    assert PdfReader(folder / "agreement.pdf").metadata.title == "仮協約書案"   # the file's title without it
    assert docx.Document(str(folder / "agreement.docx")).paragraphs[0].text == "仮協約書案　（三村長協定）"


def test_a_blank_note_is_refused_at_its_line(tmp_path):
    spec = tmp_path / f"{CASE}.yaml"
    text = (REAL / f"{CASE}.yaml").read_text(encoding="utf-8")
    assert "    title_note: （三村長協定）" in text
    spec.write_text(text.replace("    title_note: （三村長協定）", "    title_note: \"　\"  #"), encoding="utf-8")
    (tmp_path / "styles").symlink_to(REAL / "styles")
    result = _build(tmp_path, spec)
    line = next(n for n, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "title_note" in t)
    assert result.returncode == 1, result.stdout
    assert (f"{spec}:{line}: agreement.document.title_note: the title's note is blank: write it as the text prints"
            " it beside the title, or leave title_note out") in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not any((tmp_path / "out").rglob("*.pdf"))
