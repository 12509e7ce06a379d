"""A label before some signature blocks only (document.block_labels as a list of party
ids): 大東市 and 東大阪市's library agreement (2008) prints 甲 before 大東市's block and
nothing before 東大阪市's, though its preamble defines both. The real case is built by the
command line and read back glyph by glyph from the PDF (the 甲 on the first block's first
line, the second block's lines at the first's margin, no 乙 anywhere before a block) and
from the DOCX reopened (the label cell of each block's row); a list that names no party,
one twice, every party, or beside one word for all the parties is an error at its key."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn

from conftest import ROOT, SEED_SPEC, needs_poppler, run_generate
from glyphs import page_rows

CASE = ROOT / "tests" / "data" / "real" / "daito-higashiosaka-library-2008.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("block-labels")
    result = run_generate(CASE, "-o", out, "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / CASE.stem


def _rows(pdf: Path) -> list[tuple[str, float, list[dict]]]:
    """Each line of the last page: its text without spaces, its first glyph's x, its glyphs."""
    return [("".join(c["text"] for c in row).replace(" ", ""), row[0]["x0"], row) for row in page_rows(pdf, -1)]


@needs_poppler
def test_the_first_block_alone_has_its_label_and_the_second_keeps_its_margin(built):
    rows = _rows(built / "agreement.pdf")
    texts = [t for t, _, _ in rows]
    first = texts.index("甲大東市曙町4番6号")
    second = texts.index("東大阪市荒本北50番の4")
    assert second > first
    label = rows[first][2][0]
    assert label["text"] == "甲"
    address_x = next(c["x0"] for c in rows[first][2] if c["text"] == "大")
    assert address_x - label["x1"] > 5                      # the label in a column of its own
    # every line of both blocks after the label at the one margin: nothing stands in 乙's place
    for at in (first + 1, first + 2, second, second + 1, second + 2):
        assert rows[at][1] == pytest.approx(address_x, abs=0.5), texts[at]
    assert texts[second - 1] == "教育長中口馨" or texts[second - 1].startswith("教育長")
    assert not any(t.startswith("乙") for t in texts)


def _label_cells(docx: Path) -> list[tuple[str, str]]:
    """(label cell, lines cell) of each row of the signatures' table that holds a block."""
    doc = Document(docx)
    out = []
    for tr in doc.element.body.iter(qn("w:tr")):      # every row once, a nested table's too
        cells = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.findall(qn("w:tc"))]
        if len(cells) == 4 and cells[2]:
            out.append((cells[1], cells[2]))
    return out


def test_the_docx_labels_the_first_block_alone(built):
    cells = _label_cells(built / "agreement.docx")
    assert [label for label, _ in cells] == ["甲", ""]
    assert cells[0][1].startswith("大東市曙町4番6号") and cells[1][1].startswith("東大阪市荒本北50番の4")


def _spec(tmp_path: Path, block_labels, labels=None) -> Path:
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    doc = data["agreement"]["document"]
    if labels:
        doc["labels"] = labels
    doc["block_labels"] = block_labels
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@needs_poppler
def test_the_second_party_alone_may_carry_its_label(tmp_path):
    """The list names which parties, in any position: 乙 before the second block, no 甲."""
    spec = _spec(tmp_path, ["kitami_it"])
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    texts = [t for t, _, _ in _rows(tmp_path / "out" / spec.stem / "agreement.pdf")]
    assert "北海道網走市北７条西３丁目" in texts and not any(t.startswith("甲北海道") for t in texts)
    assert any(t.startswith("乙北海道北見市") for t in texts)


def _line(path: Path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


@pytest.mark.parametrize("block_labels, labels, at, message", [
    (["kitami"], None, "[0]", "'kitami' is not a party of the agreement (its parties: 北海道オホーツク総合振興局（bureau）, 北見工業大学（kitami_it）): block_labels"
                             " lists the parties whose blocks carry their label"),
    (["bureau", "bureau"], None, "[1]", "'bureau' is listed twice: name each party once"),
    (["bureau", "kitami_it"], None, "", "block_labels lists every party, and the labels print before every"
                                        " signature block by default: the list would have no effect; leave it out"),
    (["bureau"], "両者", "", "labels: 両者 is one word for all the parties, which prints before no signature block:"
                            " a list of the blocks it prints before would have no effect"),
])
def test_a_list_that_would_print_nothing_or_name_no_party_is_an_error(tmp_path, block_labels, labels, at, message):
    spec = _spec(tmp_path, block_labels, labels)
    result = run_generate("check", spec)
    assert result.returncode == 1, result.stdout
    line = _line(spec, "block_labels:") + (int(at[1:-1]) + 1 if at else 0)
    assert f"error: {spec}:{line}: agreement.document.block_labels{at}: {message}" in result.stderr
    assert "Traceback" not in result.stderr
