"""The proof-reader's two checks (printed_figures.py, printed_words.py) over the bundled
examples the README shows (specs/: the seed 北見工業大学 and the others): their notices,
overview sheets, agreements and releases, PDF and DOCX. The examples are what a new user
copies: they print nothing their spec did not say, but for a default the build names in a
note (the seed's renewal by １年間: printed_figures.chosen_in_notes). And that the DOCX is
read as its reader sees it (docx_reading.py): a word or a date planted in a table's cell
or a paragraph of a built DOCX is found."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, needs_poppler, pdf_text, run_generate
from docx_reading import docx_text
from printed_figures import Said, chosen_in_notes, spec_figures, unsaid_figures
from printed_words import closings_in_notes, said_words, unsaid_words

EXAMPLES = sorted((ROOT / "specs").glob("*.yaml"))


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("examples")
    result = run_generate(*EXAMPLES, "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stdout + result.stderr


def texts(folder: Path) -> dict[str, str]:
    found = {p.name: pdf_text(p) for p in sorted(folder.glob("*.pdf"))}
    found.update({p.name: docx_text(p) for p in sorted(folder.glob("*.docx"))})
    return found


def spec_and_style(path: Path) -> tuple[dict, dict]:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    style = yaml.safe_load((path.parent / spec["style"]).read_text(encoding="utf-8")) if spec.get("style") else {}
    return spec, style


def test_the_examples_are_the_readme_s():
    assert {p.stem for p in EXAMPLES} >= {"2024-02-27-okhotsk-kitami", "2016-03-07-sports-culture-tourism"}


@needs_poppler
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_figure_an_example_prints_is_its_spec_s(path, examples):
    out, output = examples
    spec, style = spec_and_style(path)
    said = chosen_in_notes(spec_figures(spec, style), output)
    found = texts(out / path.stem)
    assert any(k.endswith(".docx") for k in found) and any(k.endswith(".pdf") for k in found)
    for kind, text in found.items():
        assert unsaid_figures(text, said, len(spec["parties"])) == [], kind


@needs_poppler
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_word_an_example_prints_is_its_spec_s_or_the_product_s_own(path, examples):
    out, output = examples
    spec, style = spec_and_style(path)
    said = said_words(spec, style)
    closings = closings_in_notes(output, path)
    for kind, text in texts(out / path.stem).items():
        assert unsaid_words(text, said, closings) == [], kind


def test_only_the_count_a_note_names_as_chosen_is_accepted():
    note = ("note: a.yaml:32: agreement.validity.renewal_term: not given; the 有効期間 article renews the"
            " term by １年間 at a time (the default)\n")
    assert unsaid_figures("起算して１年間延長する", chosen_in_notes(Said(), note), 2) == []
    assert [f for f, _ in unsaid_figures("起算して２年間延長する", chosen_in_notes(Said(), note), 2)] == ["2年間"]
    # a note that chose nothing (or a warning) accepts nothing
    other = "note: a.yaml:36: agreement.document.standard: articles from the standard set '包括連携': 第１条（目的）\n"
    assert [f for f, _ in unsaid_figures("起算して１年間延長する", chosen_in_notes(Said(), other), 2)] == ["1年間"]


def planted(docx: Path, old: str, new: str, to: Path) -> Path:
    """A copy of `docx` with `old` in its document.xml replaced by `new` (once)."""
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(to, "w") as copy:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                assert old in xml, old
                data = xml.replace(old, new, 1).encode("utf-8")
            copy.writestr(item, data)
    return to


@needs_poppler
def test_a_fault_planted_in_a_built_docx_is_found(examples, tmp_path):
    """The seed's overview sheet (a table: its cells are read where the table stands)
    and notice, with an honorific (殿) and a date no spec gave planted in them."""
    out, output = examples
    path = ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml"
    spec, style = spec_and_style(path)
    words, figures = said_words(spec, style), chosen_in_notes(spec_figures(spec, style), output)
    folder = out / path.stem
    sheet = planted(folder / "overview.docx", "北見工業大学<", "北見工業大学殿<", tmp_path / "overview.docx")
    assert "殿" in unsaid_words(docx_text(sheet), words)
    notice = planted(folder / "press-notice.docx", "</w:t>", "令和６年３月１日</w:t>", tmp_path / "notice.docx")
    assert "令和6年3月1日" in [f for f, _ in unsaid_figures(docx_text(notice), figures, 2)]
    shutil.copy(folder / "overview.docx", tmp_path / "unplanted.docx")
    assert unsaid_words(docx_text(tmp_path / "unplanted.docx"), words) == []


@needs_poppler
def test_the_generated_closing_s_wording_elsewhere_is_found(examples, tmp_path):
    """The seed's agreement prints the generated closing (本書２通を作成し …), which the
    build's note quotes: its words pass there, and planted in an article (as a default
    wording leaking out of its place would print them) they are a residue. Until h167 the
    closing's phrases were the product's anywhere in any document."""
    out, output = examples
    path = ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml"
    spec, style = spec_and_style(path)
    words, closings = said_words(spec, style), closings_in_notes(output, path)
    assert closings == ["本協定の締結を証するため、本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。"], output
    agreement = out / path.stem / "agreement.docx"
    assert unsaid_words(docx_text(agreement), words, closings) == []
    leaked = planted(agreement, "決定するものとする。<", "決定するものとする。本書２通を作成し、各自その１通を保有する。<",
                     tmp_path / "agreement.docx")
    # (成 the product's own, as in 平成)
    assert unsaid_words(docx_text(leaked), words, closings) == ["本書", "通を作", "し", "各自その", "通を保有する"]
