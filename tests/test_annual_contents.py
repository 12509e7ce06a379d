"""The annual book's table of contents, read back from the 2016 book of the real cases:
every agreement's number label (（１）, （12）) as wide as every other's, its title starting
at one x. An entry whose title and date just fit its line (（12）災害時における福祉避難所の
設置及び管理運営に関する協定（平成28年12月19日）) took the room it lacked from every
bracket of the line alike, its label's among them: （12）災害時… stood a third of an em
left of its neighbours' titles. The title's own brackets give that room now."""
from __future__ import annotations

import unicodedata

import pdfplumber
import pytest

from conftest import ROOT, run_generate

REAL = ROOT / "tests" / "data" / "real"


@pytest.fixture(scope="module")
def contents(tmp_path_factory):
    """The contents page's lines of the 2016 book, each as its characters (left to right)."""
    out = tmp_path_factory.mktemp("book")
    specs = [p for p in REAL.glob("*.yaml") if not p.name.endswith(".facts.yaml")]
    result = run_generate("annual", "--fiscal-year", 2016, *specs, "-o", out, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(out / "annual-2016.pdf") as doc:
        page = doc.pages[1]
        assert "目次" in page.extract_text()
        lines: dict[float, list[dict]] = {}
        for c in page.chars:
            lines.setdefault(round(c["top"]), []).append(c)
    return [sorted(cs, key=lambda c: c["x0"]) for _, cs in sorted(lines.items())]


def test_every_entrys_title_starts_where_the_others_do(contents):
    # an entry's line begins with its label, （１）; a title too long for its line puts its
    # date on the next, which begins with （ too: （平成28年８月３日）, no label
    entries = [line for line in contents if line[0]["text"] == "（" and unicodedata.normalize(
        "NFKC", "".join(c["text"] for c in line).split("）")[0][1:]).isdigit()]
    # every entry found: labels （１）…（N） in order (the real cases of 2016 only grow)
    labels = ["".join(c["text"] for c in line).split("）")[0][1:] for line in entries]
    assert [int(unicodedata.normalize("NFKC", n)) for n in labels] == list(range(1, len(labels) + 1))
    assert len(entries) >= 16
    starts = {}
    for line in entries:
        text = "".join(c["text"] for c in line)
        close = text.index("）")
        starts[text[:close + 1]] = line[close + 1]["x0"]
    # the tight entry is set on one line with its date, as it was: the case under test
    tight = next(line for line in entries if "福祉避難所" in "".join(c["text"] for c in line))
    assert "".join(c["text"] for c in tight).endswith("19日）")
    assert max(starts.values()) - min(starts.values()) < 0.1, starts
