"""A list within an agreement's prose (document.prose's {items: [...]}): 渋川市's
friendship agreement with ファカタネ市 (2016) lists its six purposes under
協定を結ぶ目的は以下のとおりとする。 The real case is built by the command line and its PDF
read back glyph by glyph (each entry a line, an em further in than the paragraphs' first
lines), its structure tree (a list) and its DOCX (the entries' indent); a mark prints only
where the spec gives the text's own; a list with no paragraph to lead it is refused."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from conftest import ROOT, SEED_SPEC, run_generate
from glyphs import page_rows
from test_tagged_pdf import structure

CASE = ROOT / "tests" / "data" / "real" / "shibukawa-whakatane-2016.yaml"
LEAD = "協定を結ぶ目的は以下のとおりとする。"


def _entries() -> list[str]:
    prose = yaml.safe_load(CASE.read_text(encoding="utf-8"))["agreement"]["document"]["prose"]
    return next(p["items"] for p in prose if isinstance(p, dict))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("prose-list")
    result = run_generate(CASE, "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / CASE.stem


def _rows(pdf: Path) -> dict[str, list[dict]]:
    return {"".join(c["text"] for c in r).replace(" ", ""): r for r in page_rows(pdf, 0)}


def test_each_entry_is_a_line_an_em_in_under_the_sentence_that_leads_it(built):
    rows = _rows(built / "agreement.pdf")
    lead = rows[LEAD]
    size = lead[0]["size"]
    order = list(rows)
    at = order.index(LEAD)
    assert order[at + 1:at + 7] == _entries()          # right under it, an entry a line, in order
    for entry in _entries():
        assert abs(rows[entry][0]["x0"] - (lead[0]["x0"] + size)) < 0.5, entry
    # the paragraphs' first lines start where the sentence does: the list is set apart
    first = rows[next(k for k in order if k.startswith("渋川市の学校から"))]
    assert abs(first[0]["x0"] - lead[0]["x0"]) < 0.5


def test_the_entries_are_a_list_in_the_structure_tree(built):
    leaves, elements, _ = structure(built / "agreement.pdf")
    lists = [e for r, e in elements if r == "L"]
    assert len(lists) == 1
    bodies = [t for r, t in leaves if r == "P" and t in _entries()]
    assert bodies == _entries()
    assert not [t for r, t in leaves if r == "Lbl"]        # no mark: no label


def test_the_docx_sets_each_entry_a_paragraph_an_em_further_in(built):
    doc = Document(built / "agreement.docx")
    paras = [Paragraph(p, doc) for p in doc.element.body.iter(qn("w:p"))]
    entries = [p for p in paras if p.text in _entries()]
    assert [p.text for p in entries] == _entries()
    size = 10.5
    for p in entries:
        # the indent the paragraph has, its own or its style's (本文（左２字）)
        left = p.paragraph_format.left_indent
        left = left if left is not None else p.style.paragraph_format.left_indent
        assert left is not None and abs(left.pt - 2 * size) < 0.1, p.text
        assert not p.paragraph_format.first_line_indent


def _spec(tmp_path: Path, prose: list) -> Path:
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    doc = data["agreement"]["document"]
    for key in ("standard", "purpose"):
        doc.pop(key, None)
    doc["prose"] = prose
    doc["closing"] = "ここに協定書を交換する。"
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_mark_the_text_has_prints_before_each_entry(tmp_path):
    spec = _spec(tmp_path, ["両者は、次の事項に取り組む。", {"items": ["人材の育成", "地域の振興"], "marker": "・"}])
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    rows = _rows(tmp_path / "out" / spec.stem / "agreement.pdf")
    lead = rows["両者は、次の事項に取り組む。"]
    size = lead[0]["size"]
    for entry in ("人材の育成", "地域の振興"):
        row = rows["・" + entry]
        assert abs(row[0]["x0"] - lead[0]["x0"]) < 0.5                 # the mark at the paragraphs' indent
        assert abs(row[1]["x0"] - (lead[0]["x0"] + 2 * size)) < 0.5    # the entry an em past it


@pytest.mark.parametrize("prose", [
    [{"items": ["人材の育成"]}, "両者は、連携する。"],
    ["両者は、次の事項に取り組む。", {"items": ["人材の育成"]}, {"items": ["地域の振興"]}],
])
def test_a_list_with_no_paragraph_to_lead_it_is_refused_with_no_output(prose, tmp_path):
    spec = _spec(tmp_path, prose)
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx")
    assert result.returncode == 1, result.stdout
    at = next(i for i, p in enumerate(prose) if isinstance(p, dict) and (i == 0 or isinstance(prose[i - 1], dict)))
    found = [line for line in result.stderr.splitlines()
             if f": agreement.document.prose[{at}]: a list in the prose stands under the paragraph" in line]
    assert found and re.match(rf"error: {re.escape(str(spec))}:\d+: ", found[0]), result.stderr
    assert not list((tmp_path / "out").rglob("*.pdf"))


def test_a_numbering_mark_numbers_the_entries_and_their_later_lines_hang_under_the_text(tmp_path):
    """marker: ① numbers the entries ① ② ③, as 四大学連合憲章 (2001) marks its aims
    (tests/data/real/titech-4univ-charter-2001): each mark at the paragraphs' indent, each
    entry's text an em past it, and an entry's later lines under its text, not its mark."""
    case = ROOT / "tests" / "data" / "real" / "titech-4univ-charter-2001.yaml"
    result = run_generate(case, "-o", tmp_path / "out", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    rows = list(_rows(tmp_path / "out" / case.stem / "agreement.pdf").items())
    marked = [(k, r) for k, r in rows if k[:1] in "①②③④"]
    assert [k[0] for k, _ in marked] == ["①", "②", "③"]
    # the lead's last line (…を踏まえ、) is its second, at the margin: the paragraphs' first lines an em in
    margin = next(r for k, r in rows if k.endswith("を踏まえ、"))[0]["x0"]
    size = marked[0][1][0]["size"]
    for _, row in marked:
        assert abs(row[0]["x0"] - (margin + size)) < 0.5               # the mark at the paragraphs' indent
        assert abs(row[1]["x0"] - (margin + 3 * size)) < 0.5           # the text an em past it
    after = [k for k, _ in rows].index(marked[1][0]) + 1       # ②'s second line, under its text
    assert rows[after][0] == "研究水準の維持・達成を目指すこと。"
    assert abs(rows[after][1][0]["x0"] - (margin + 3 * size)) < 0.5
    doc = Document(tmp_path / "out" / case.stem / "agreement.docx")
    texts = [p.text for p in doc.paragraphs]
    assert [t[0] for t in texts if t[:1] in "①②③④"] == ["①", "②", "③"]


def test_a_numbering_mark_beside_more_entries_than_it_numbers_is_refused(tmp_path):
    spec = _spec(tmp_path, ["両者は、次の事項に取り組む。", {"items": [f"事項{n}" for n in range(21)], "marker": "①"}])
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 1, result.stdout
    assert "agreement.document.prose[1].marker: marker: ① numbers the entries ① to ⑳, and this list has 21" \
        in result.stderr, result.stderr
    assert not list((tmp_path / "out").rglob("*.pdf"))
