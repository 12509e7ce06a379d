"""A paragraph of prose never ends on a line of one character (…各自その１通を保有す / る。):
the line before it gives up its last break (…保有 / する。), as a proof-reader asks. Seen in
2024-02-27-okhotsk-kitami's 協定書 (its 第１条 and its closing) and in a press notice
(jwu-hidaka-2021: …これが初めてで / す。). The built PDF read back."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import needs_poppler, pdf_text, run_generate

ROOT = Path(__file__).resolve().parent.parent
ONE_CHARACTER = re.compile(r"[^\s。、）」][。、）」]*")


@needs_poppler
def test_no_paragraph_of_prose_ends_on_one_character(tmp_path):
    run = run_generate(ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml",
                       ROOT / "tests" / "data" / "real" / "jwu-hidaka-2021.yaml", "-o", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    agreement = pdf_text(tmp_path / "out" / "2024-02-27-okhotsk-kitami" / "agreement.pdf").splitlines()
    notice = pdf_text(tmp_path / "out" / "jwu-hidaka-2021" / "press-notice.pdf").splitlines()
    for lines in (agreement, notice):
        widows = [(a, b) for a, b in zip(lines, lines[1:]) if len(a) >= 30 and ONE_CHARACTER.fullmatch(b.strip())]
        assert not widows, widows
    assert "する。" in [line.strip() for line in agreement]          # the closing: …保有 / する。
    assert any(line.strip() == "です。" for line in notice)             # …これが初めて / です。
