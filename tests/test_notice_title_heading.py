"""A notice's centred title (subject_label: false, as most real pages set it) is the
notice's first heading: H1 in the PDF's structure tree, holding the whole title (a title
of two lines read as one), the notice's other headings under it with no level skipped
(PDF/UA); and in the DOCX a paragraph of Word's first outline level, so that Word's
navigation pane lists it, kept with what follows it. An agreement's title was H1 already;
a notice's was a plain P, so a screen reader's list of headings began at 1 協定の締結.
Real cases built by the command line and read back."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, run_generate
from test_section_parts import _headings, _plain

REAL = ROOT / "tests" / "data" / "real"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# (case, the title as printed, the headings after it as the page has them)
CASES = {
    "gunma-seven-2009": ("群馬県と株式会社セブン－イレブン・ジャパンとの連携について",
                         ["１協定の締結", "２協定の内容", "３「はばたけ上州フェア」の開催"]),
    "familymart-miyagi-2010": ("株式会社ファミリーマートと宮城県が「地域活性化包括連携協定」を締結", []),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("title-heading")
    result = run_generate(*(REAL / f"{c}.yaml" for c in CASES), "-o", out, "--kinds", "press-notice",
                          "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out


def _same(a: str, b: str) -> bool:
    # the hyphen of セブン-イレブン as the spec types it, read back as the font maps it
    return _plain(a).replace("－", "-") == _plain(b).replace("－", "-")


@pytest.mark.parametrize("case", CASES)
def test_the_title_is_the_first_heading_h1_whole_and_the_others_under_it(built, case):
    title, others = CASES[case]
    headings = _headings(built / case / "press-notice.pdf")
    assert headings, "no heading in the structure tree"
    level, text = headings[0]
    assert level == 1 and _same(text, title), headings[0]
    assert [lv for lv, _ in headings[1:]] == [2] * len(others)
    assert all(_same(t, o) for (_, t), o in zip(headings[1:], others)), headings[1:]


@pytest.mark.parametrize("case", CASES)
def test_the_docx_title_is_of_the_first_outline_level_and_kept_with_what_follows(built, case):
    title, _ = CASES[case]
    with zipfile.ZipFile(built / case / "press-notice.docx") as z:
        body = etree.fromstring(z.read("word/document.xml"))
    found = [p for p in body.iter(f"{W}p") if _same("".join(t.text or "" for t in p.iter(f"{W}t")), title)]
    assert len(found) == 1, "the title is not one paragraph"
    ppr = found[0].find(f"{W}pPr")
    assert ppr.find(f"{W}outlineLvl").get(f"{W}val") == "0"
    assert ppr.find(f"{W}keepNext") is not None
    # no other paragraph of the notice claims the first level
    firsts = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}outlineLvl[@{W}val='0']") is not None]
    assert firsts == found
