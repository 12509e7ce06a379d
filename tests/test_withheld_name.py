"""agreement.document.withheld_name: the words a published copy prints in place of each
name it withholds (国税庁's 覚書: （氏名省略） under each title, tests/data/real
nta-jica-2021, keio-nta-1996, waseda-nta-2009), printed as written on the name's line
beside signer_names: withheld — under the title, or after it where the house sets the
name there — in every block, a co-signer's too, in the PDF and the DOCX; nothing by
default (the words are the copy's); refused where it would have no effect or print
nothing. The real command line, the PDF and the DOCX read back."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEED_SPEC, needs_poppler, run_generate
from test_agreement import docx_texts
from test_real_cases import fold, visual_lines

REAL = ROOT / "tests" / "data" / "real"
WORDS = "（氏名省略）"


def real(tmp_path: Path, case: str, words: bool = True) -> Path:
    """The real case as written, or without its withheld_name."""
    data = yaml.safe_load((REAL / f"{case}.yaml").read_text(encoding="utf-8"))
    data["style"] = str(REAL / data["style"])
    if not words:
        del data["agreement"]["document"]["withheld_name"]
    path = tmp_path / f"{case}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def built(tmp_path: Path, spec: Path) -> tuple[list[str], list[str], str]:
    """(the agreement PDF's lines as a reader sees them, the DOCX's paragraphs, stdout)."""
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx", "--force")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / spec.stem
    return [fold(x) for x in visual_lines(folder / "agreement.pdf")], docx_texts(folder / "agreement.docx"), \
        result.stdout


def after(lines: list[str], line: str) -> str:
    return lines[lines.index(line) + 1]


@needs_poppler
def test_the_pages_words_stand_under_each_title_in_the_pdf_and_the_docx(tmp_path):
    """国税庁税務大学校's 覚書: 研究部長, then （氏名省略） on a line of its own, as the page
    sets each block; the DOCX the same paragraphs in the same order."""
    lines, paragraphs, stdout = built(tmp_path, real(tmp_path, "nta-jica-2021"))
    assert after(lines, "研究部長") == fold(WORDS) and after(lines, "東京センター所長") == fold(WORDS), lines[-8:]
    texts = [p.replace("\u3000", "") for p in paragraphs]
    assert texts[texts.index("研究部長") + 1] == WORDS and texts[texts.index("東京センター所長") + 1] == WORDS
    assert f"with {WORDS} where the name would stand (agreement.document.withheld_name)" in stdout


@needs_poppler
def test_without_the_key_nothing_stands_for_a_name(tmp_path):
    """The words are the copy's, not the product's: without withheld_name each title is
    its block's last line, as signer_names: withheld alone prints it."""
    lines, paragraphs, _ = built(tmp_path, real(tmp_path, "nta-jica-2021", words=False))
    assert after(lines, "研究部長") == fold("乙：独立行政法人国際協力機構"), lines[-8:]
    assert "氏名省略" not in "".join(lines) + "".join(paragraphs)


@needs_poppler
def test_a_co_signer_and_blocks_side_by_side_print_the_words_too(tmp_path):
    """早稲田大学's text: 国税庁's co-signer (教務課) under its party's block gets them as
    the representative does; 慶應義塾大学's, the two blocks side by side, each its own."""
    lines, paragraphs, _ = built(tmp_path, real(tmp_path, "waseda-nta-2009"))
    for title in ("早稲田大学大学院商学研究科", "国税庁長官官房国際業務課", "国税庁税務大学校教務課"):
        assert after(lines, title) == fold(WORDS), (title, lines)
    assert paragraphs.count(WORDS) == 3
    lines, paragraphs, _ = built(tmp_path / "keio", real(tmp_path, "keio-nta-1996"))
    assert after(lines, "慶應義塾大学大学院商学研究科委員長国税庁国税審議官") == fold(WORDS * 2), lines[-4:]
    assert paragraphs.count(WORDS) == 2


@needs_poppler
def test_the_words_follow_the_title_where_the_house_sets_the_name_there(tmp_path):
    """name_line: with_title (府中市長　高野律雄): the words one em after the title, on
    its line, not spread as a name would be (the house spreads names across four em)."""
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    del data["press_notice"]
    doc = data["agreement"]["document"]
    doc.update(signer_names="withheld", withheld_name=WORDS)
    for party, title in zip(data["parties"].values(), ("局長", "学長")):    # short: on one line with the words
        party["representative"] = {"title": title}
        party.pop("honorific", None)
    (tmp_path / "house.yaml").write_text("agreement:\n  name_line: with_title\n  signature_spread: {name: 8}\n",
                                         encoding="utf-8")
    data["style"] = "house.yaml"
    spec = tmp_path / "with-title.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    lines, paragraphs, _ = built(tmp_path, spec)
    assert "局長" + fold(WORDS) in lines and "学長" + fold(WORDS) in lines, lines[-8:]
    assert "局長\u3000" + WORDS in paragraphs and "学長\u3000" + WORDS in paragraphs, paragraphs[-6:]


def _seed_withheld(tmp_path: Path, change: dict, withheld: bool = True) -> Path:
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    doc = data["agreement"]["document"]
    if withheld:
        for party in data["parties"].values():
            del party["representative"]["name"]
            party.pop("honorific", None)
    doc.update(change)
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, withheld, message", [
    ({"withheld_name": WORDS}, False,
     "withheld_name is printed where signer_names: withheld leaves a signer's name out, and signer_names is not"
     " withheld: it would have no effect (write signer_names: withheld where the copy withholds the names, or"
     " remove withheld_name)"),
    ({"signer_names": "withheld", "withheld_name": "\u3000"}, True,
     "withheld_name is blank: it would print nothing in place of the names; write the words the copy prints"
     " there (（氏名省略）), or remove it"),
    ({"signature_blocks": "withheld", "withheld_name": WORDS}, True,
     "signature_blocks: withheld prints no signature block, and withheld_name stands in a block in place of a"
     " name: it would have no effect"),
])
def test_words_with_no_name_withheld_or_nothing_to_print_are_an_error_at_their_line(tmp_path, change, withheld,
                                                                                    message):
    spec = _seed_withheld(tmp_path, change, withheld)
    line = next(n for n, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "withheld_name:" in t)
    for argv in (("check", spec), (spec, "-o", tmp_path / "out")):
        result = run_generate(*argv)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert f"error: {spec}:{line}: agreement.document.withheld_name: {message}" in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()
