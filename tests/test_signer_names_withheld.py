"""A signed agreement as the office published it without its signers' names
(agreement.document.signer_names: withheld), as 久喜市 published its agreement of 2019
(久喜市長, 代表取締役, under a 記名押印 closing): each block prints the title alone, with
no name and no blank line for one, 印 as the closing asks, and the build says so; a
name given, a draft or signed_by_hand beside it is refused at its line. Built from the
seed spec by the real command line, the PDF and the DOCX read back."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pdfplumber
import pytest
import yaml

from conftest import SEED_SPEC, no_space, pdf_text, run_generate
from test_agreement import docx_texts

BUREAU, UNIVERSITY = "北海道オホーツク総合振興局長", "北見工業大学学長"


def variant(tmp_path: Path, change=lambda doc, parties: None, name: str = "withheld") -> Path:
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    del data["press_notice"]
    doc, parties = data["agreement"]["document"], data["parties"]
    doc["signer_names"] = "withheld"
    for party in parties.values():
        del party["representative"]["name"]
        party.pop("honorific", None)
    change(doc, parties)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _build(spec: Path, out: Path):
    result = run_generate(spec, "-o", out, "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    return out / spec.stem, result


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("withheld")
    return _build(variant(tmp), tmp / "out")


def last_page_lines(pdf: Path) -> list[str]:
    """The last page's lines as a reader sees them, each glyph kept (a draft's blank
    name is a line of full-width spaces)."""
    with pdfplumber.open(pdf) as doc:
        rows = defaultdict(list)
        for c in doc.pages[-1].chars:
            rows[round(c["bottom"])].append(c)
    return ["".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"])) for _, cs in sorted(rows.items())]


def test_each_block_prints_the_title_alone_and_印_as_the_closing_asks(built):
    folder, _ = built
    text = no_space(pdf_text(folder / "agreement.pdf"))
    blocks = text[text.index("令和６年２月27日"):]
    assert BUREAU in blocks and UNIVERSITY in blocks
    assert "記名押印" in text and blocks.count("印") == 2       # the generated closing: a seal by each block
    assert "中島" not in text and "鈴木" not in text


def test_no_blank_line_stands_for_a_name(built):
    """Each title is its block's last line: no line of blanks (the house's blank_name,
    what a draft prints for a name left open) under it; 印 aside, 乙's block follows."""
    lines = [line for line in last_page_lines(built[0] / "agreement.pdf") if line != "印"]
    assert not [line for line in lines if not line.strip("\u3000 ")]
    assert lines[lines.index(BUREAU) + 1].startswith("乙北海道北見市公園町165番地")
    assert lines[lines.index(UNIVERSITY) + 1] == "- 2 -"


def test_the_docx_has_no_line_for_a_name(built):
    """No paragraph of blanks (the house's blank_name, a draft's name left open)."""
    texts = docx_texts(built[0] / "agreement.docx")
    assert BUREAU in texts and UNIVERSITY in texts and "中島" not in "".join(texts)
    assert not [t for t in texts if t and not t.strip("\u3000")]


def test_the_build_says_the_names_are_withheld(built):
    """And, its closing having the signers seal (記名押印), that 印 stands by each block
    and how a copy that marks none says so (a new user met the 印 unasked, 2026)."""
    _, result = built
    assert ("agreement.document.signer_names: withheld: the blocks print a signer named by the title alone so,"
            " as the published copy sets them, with no name and no blank for one (印 by each, as the closing"
            " has the signers seal: seal_places: blank where the copy marks none)") in result.stdout


def test_a_copy_that_marks_no_seal_either_is_named_so(tmp_path):
    """seal_places: blank beside it (石川県教育委員会's copy of 2005): no 印 by the blocks,
    and the note on the names says the copy marks none, not that 印 stands by each."""
    def no_seal(doc, parties):
        doc["seal_places"] = "blank"
    folder, result = _build(variant(tmp_path, no_seal), tmp_path / "out")
    assert "印" not in last_page_lines(folder / "agreement.pdf")
    assert ("with no name and no blank for one (no 印, as the copy marks none: seal_places)") in result.stdout
    assert "印 by each" not in result.stdout


def _line_of(path: Path, text: str, nth: int = 1) -> int:
    found = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line]
    return found[nth - 1]


def _refused(tmp_path: Path, spec: Path) -> str:
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert not (tmp_path / "out" / spec.stem).exists()
    return result.stderr


def test_a_name_given_is_refused_where_it_is_written(tmp_path):
    spec = variant(tmp_path, lambda doc, parties: parties["kitami_it"]["representative"].update(name="鈴木　聡一郎"))
    err = _refused(tmp_path, spec)
    assert (f"{spec}:{_line_of(spec, 'name: 鈴木')}: parties.kitami_it.representative.name: the name of"
            f" {UNIVERSITY} would not print: signer_names: withheld prints the titles alone, as the published"
            " copy does; remove the name, or signer_names") in err, err


@pytest.mark.parametrize("key, value, message", [
    ("draft", True, "signer_names: withheld prints no name and no place for one, and a draft (draft: true) leaves"
                    " a blank to fill in for each name: say one or the other"),
    ("signed_by_hand", True, "signer_names: withheld prints no name and no place for one, and signed_by_hand"
                             " leaves a line to sign on for each name: say one or the other"),
])
def test_a_draft_or_a_line_to_sign_on_beside_it_is_refused(tmp_path, key, value, message):
    spec = variant(tmp_path, lambda doc, parties: doc.update({key: value}))
    err = _refused(tmp_path, spec)
    assert f"{spec}:{_line_of(spec, 'signer_names:')}: agreement.document.signer_names: {message}" in err, err
