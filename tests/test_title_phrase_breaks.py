"""A title, heading or label too long for its line breaks between phrases, and never
inside a compound particle: BudouX ends a phrase before 関する, 係る, おける, ついて …
(交流促進に / 関する覚書), and inside a number (1 / 0周年), and the line broke there where
it filled. 鳥取県's 覚書 of 2004 (tottori-jilin-2004), whose title has no との for the
agreement's title breaker (wording.title_lines) to break after: …10周年に係る / 交流促進に
関する覚書, in the PDF and the DOCX; a title that fits (mhlw-nta-quarantine-2024's, of
…確保に係る覚書) stays one line."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from conftest import needs_poppler, no_space, pdf_text, run_generate
from jpdocs.writers.jlreq import budoux_bounds

REAL = Path(__file__).resolve().parent / "data" / "real"
TOTTORI = "鳥取県・吉林省友好交流に関する覚書締結10周年に係る交流促進に関する覚書"


def _phrases(text: str) -> list[str]:
    ends = budoux_bounds(text)
    return [text[a:b] for a, b in zip((0,) + ends, ends)]


@pytest.mark.parametrize("text, phrases", [
    (TOTTORI, ["鳥取県・吉林省友好交流に関する", "覚書締結10周年に係る", "交流促進に関する覚書"]),
    ("災害時における相互協力に関する協定", ["災害時における", "相互協力に関する協定"]),
    ("地域の活性化のための連携に基づく協定", ["地域の", "活性化のための", "連携に基づく協定"]),
    ("大規模災害に対する応援に向けた協定の締結について", ["大規模災害に対する", "応援に向けた", "協定の", "締結について"]),
    ("観光振興に関すること", ["観光振興に関すること"]),      # (こと kept with its phrase, as before)
])
def test_no_phrase_ends_inside_a_compound_particle_or_a_number(text, phrases):
    assert _phrases(text) == phrases


@needs_poppler
def test_a_title_without_との_breaks_after_a_whole_phrase(tmp_path):
    cases = ("tottori-jilin-2004", "mhlw-nta-quarantine-2024")
    run = run_generate(*(REAL / f"{c}.yaml" for c in cases), "-o", tmp_path, "--kinds", "agreement")
    assert run.returncode == 0, run.stderr
    for case, title in (("tottori-jilin-2004", ["鳥取県・吉林省友好交流に関する覚書締結10周年に係る", "交流促進に関する覚書"]),
                        ("mhlw-nta-quarantine-2024", ["新型インフルエンザ等の流行に備えた検疫待機施設の確保に係る覚書"])):
        folder = tmp_path / case
        lines = [no_space(line) for line in pdf_text(folder / "agreement.pdf").splitlines() if line.strip()]
        assert lines[:len(title)] == title, lines[:3]
        body = docx.Document(folder / "agreement.docx").element.body
        assert Paragraph(next(body.iter(qn("w:p"))), None).text == "\n".join(title)
