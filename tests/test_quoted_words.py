"""The words an amending agreement quotes: 原協定第６条中「…」を「…」に変更する。 replaces the
words of another text, so what stands in 「」 must print character for character as the
spec writes it — the widths of its digits (令和３年３月31日法律第11号: one figure full-width,
two half-width, as the amended text has them), a 様 or a full-width space inside a name,
a wave dash — whatever the house's own digit style for what the product composes. The
real cases' fragments are compared with widths folded (NFKC), so they could not see a
digit turned full-width inside a quote; these tests read the built PDF and DOCX back
unfolded. Seen in 国税庁 and JIIMA's 協定書（追加締結分） of 2023 (`nta-jiima-2023`)."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import yaml
from docx import Document

from conftest import ROOT, real_case_variant, run_generate

CASE = ROOT / "tests" / "data" / "real" / "nta-jiima-2023.yaml"
FACTS = ROOT / "tests" / "data" / "real" / "nta-jiima-2023.facts.yaml"

# A sentence of the variant: half-width figures beside full-width ones, a name with a
# full-width space and 様, a wave dash and a full-width tilde, each inside its quote.
VARIANT = ("原協定第６条中「3日以内」を「３日以内（土日を除く。）」に、「山田太郎様」を「山田　太郎様」に、"
           "「1〜2名」を「１～２名」に変更する。")


def _pdf_glyphs(path: Path) -> str:
    """Every character the PDF draws, in drawing order (reportlab draws in reading order),
    as its text layer maps it: no width folded, no space added or dropped (pdftotext puts
    a space between half-width figures and the Japanese around them)."""
    with pdfplumber.open(path) as pdf:
        return "".join(c["text"] for page in pdf.pages for c in page.chars)


def _docx_text(path: Path) -> str:
    return "".join(p.text for p in Document(path).paragraphs)


def _build(spec: Path, out: Path) -> Path:
    result = run_generate(spec, "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / spec.stem


def test_the_real_amendment_prints_its_quoted_words_as_written(tmp_path):
    quoted = yaml.safe_load(FACTS.read_text(encoding="utf-8"))["articles"][0]["says"]
    assert "３年３月31日法律第11号" in quoted          # the mixed widths this test is about
    built = _build(CASE, tmp_path)
    assert quoted in _pdf_glyphs(built / "agreement.pdf")
    assert quoted in _docx_text(built / "agreement.docx")


def test_quoted_words_keep_their_widths_under_a_house_of_full_width_digits(tmp_path):
    spec = real_case_variant(
        tmp_path, "nta-jiima-2023", "nta-jiima.yaml",
        ("原協定第６条中「電子帳簿等保存法第６条第３項及び同法第８条第１項の規定の適用」を「電子帳簿保存法（所得税法等の"
         "一部を改正する法律（令和３年３月31日法律第11号）による改正前の電子帳簿保存法を含む。）に定める保存要件の充足性に"
         "ついて、所轄税務署長が否認すること」に変更する。", VARIANT))
    style = tmp_path / "styles" / "nta-jiima.yaml"
    style.write_text(style.read_text(encoding="utf-8") + "digits: full\n", encoding="utf-8")
    built = _build(spec, tmp_path / "out")
    pdf = _pdf_glyphs(built / "agreement.pdf")
    # What the product composes follows the house (the date line in its date_digits: half,
    # the article numbers full-width); the quoted words print as written, in the PDF and the DOCX.
    assert "令和5年4月17日" in pdf and "第１条" in pdf
    assert VARIANT in pdf
    assert VARIANT in _docx_text(built / "agreement.docx")
