"""A page number with its counter stays whole: （SOPHIA 2020年4月号（No.710）17頁）, as
愛知県弁護士会's bulletin cites the issue an interview was printed in
(`aiben-toyoake-2020`), was set …（No.710）17 / 頁）がきっかけです。, the number at one
line's end and its counter starting the next (seen in the forty-ninth session, h194).
頁 joins the counters a number keeps (writers/jlreq.py: _RUN_RE).

The real case is built by the command line and its PDF read back glyph by glyph."""
from __future__ import annotations

from conftest import ROOT, run_generate
from glyphs import page_rows

REAL = ROOT / "tests" / "data" / "real"
CASE = "aiben-toyoake-2020"


def test_the_page_number_keeps_its_counter(tmp_path):
    result = run_generate(REAL / f"{CASE}.yaml", "-o", tmp_path, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    rows = ["".join(c["text"] for c in row if not c["text"].isspace())
            for row in page_rows(tmp_path / CASE / "press-notice.pdf", 0)]
    assert any("17頁" in row for row in rows), rows
    assert not any(row.startswith("頁") for row in rows), rows
