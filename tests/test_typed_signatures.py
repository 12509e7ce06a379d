"""A signature line as the signed copy types it: a signer's `typed:` title and name
(the same characters, gaps of the copy's own: 赤 磐 市 長, 友　實　　武　則) and the
house's gap between title and name (agreement.name_gap) or the names in one column
(agreement.name_column). Read back from the real cases' PDFs (each glyph's x, in em
from the title's first) and DOCX (the cell's text and each run's spacing), measured
against the scans of the signed copies (tests/data/real/*.facts.yaml: `# fixed`);
and every way the key could say something else than the facts, refused at its line."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import needs_poppler, no_space, run_generate
from glyphs import page_rows

REAL = Path(__file__).resolve().parent / "data" / "real"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
GAPS = " \u3000"


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("typed")
    specs = [REAL / f"{c}.yaml" for c in ("akaiwa-cmj-2020", "katori-cmj-2020", "higashikurume-cmj-2018",
                                          "kunitachi-cmj-2018", "mitaka-cmj-2018")]
    result = run_generate(*specs, "-o", out, "--kinds", "agreement", "--force", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    return out


def placed(cases: Path, case: str, title: str) -> list[tuple[str, float]]:
    """The glyphs (no spaces) of the line on the last page beginning with `title` (its
    first character, after any label), each with its x in em from that character."""
    pdf = cases / case / "agreement.pdf"
    for row in page_rows(pdf):
        ink = [c for c in row if c["text"] not in GAPS]
        text = "".join(c["text"] for c in ink)
        if title in text:
            ink = ink[text.index(title):]
            size = ink[0]["size"]
            return [(c["text"], round((c["x0"] - ink[0]["x0"]) / size, 2)) for c in ink]
    raise AssertionError(f"{case}: no line holds {title}")


def line_text(cases: Path, case: str, start: str) -> str:
    """The PDF's text of the line holding `start`, spaces kept."""
    for row in page_rows(cases / case / "agreement.pdf"):
        text = "".join(c["text"] for c in row)
        if start in no_space(text):
            return text
    raise AssertionError(start)


def docx_runs(cases: Path, case: str, start: str) -> list[tuple[str, int]]:
    """The runs (text, spacing in twentieths of a point) of the DOCX paragraph holding `start`."""
    body = etree.fromstring(zipfile.ZipFile(cases / case / "agreement.docx").read("word/document.xml"))
    for p in body.iter(f"{W}p"):
        runs = [("".join(t.text or "" for t in r.iter(f"{W}t")),
                 int(next(iter(r.iter(f"{W}spacing")), None).get(f"{W}val")) if next(iter(r.iter(f"{W}spacing")), None) is not None else 0)
                for r in p.iter(f"{W}r")]
        if start in no_space("".join(t for t, _ in runs)):
            return [(t, s) for t, s in runs if t]
    raise AssertionError(start)


def docx_x(runs: list[tuple[str, int]], size: float = 10.5) -> list[tuple[str, float]]:
    """Where Word sets each glyph (em): one em a character, a run's spacing after each
    of its characters; the spaces left out, as from the PDF."""
    out, x = [], 0.0
    for text, spacing in runs:
        for c in text:
            if c not in GAPS:
                out.append((c, x))
            x += (0.5 if c == " " else 1.0) + spacing / 20 / size
    first = out[0][1]
    return [(c, round(v - first, 2)) for c, v in out]


# ---------------------------------------------------------------- the real cases, as typed
@needs_poppler
def test_akaiwa_types_each_title_and_name_with_its_own_gaps(cases):
    """赤 磐 市 長　　友　實　　武　則 / 理　事　長　　古　橋　　大　地 (typed:, name_gap: 2): the
    glyphs where the typed forms put them, each name two em after its title, both names
    eight em wide, ending within half an em of each other as on the copy."""
    assert placed(cases, "akaiwa-cmj-2020", "赤磐市長") == [
        ("赤", 0), ("磐", 1.5), ("市", 3), ("長", 4.5), ("友", 7.5), ("實", 9.5), ("武", 12.5), ("則", 14.5)]
    assert placed(cases, "akaiwa-cmj-2020", "理事長") == [
        ("理", 0), ("事", 2), ("長", 4), ("古", 7), ("橋", 9), ("大", 12), ("地", 14)]
    # the text is the facts as the spec writes them, the gap between title and name full-width
    # spaces: no half-width space in the PDF (jpcheck) nor a character the spec did not write
    assert line_text(cases, "akaiwa-cmj-2020", "赤磐市長") == "赤磐市長\u3000\u3000友實\u3000武則"
    assert line_text(cases, "akaiwa-cmj-2020", "理事長古橋") == "理事長\u3000\u3000古橋\u3000大地"
    runs = docx_runs(cases, "akaiwa-cmj-2020", "赤磐市長")
    assert "".join(t for t, _ in runs) == "赤磐市長\u3000\u3000友實\u3000武則"
    assert docx_x(runs) == placed(cases, "akaiwa-cmj-2020", "赤磐市長")       # Word sets them alike


@needs_poppler
def test_katori_sets_the_names_in_one_column_after_the_wider_title(cases):
    """香取市長　　　宇　井　　　成　一 / 理事長　　　　古　橋　　　大　地 (name_column, name_gap: 3,
    signature_spread: {name: 9}): both names start seven em from the titles' start."""
    assert placed(cases, "katori-cmj-2020", "香取市長") == [
        ("香", 0), ("取", 1), ("市", 2), ("長", 3), ("宇", 7), ("井", 9), ("成", 13), ("一", 15)]
    assert placed(cases, "katori-cmj-2020", "理事長古") == [
        ("理", 0), ("事", 1), ("長", 2), ("古", 7), ("橋", 9), ("大", 13), ("地", 15)]
    runs = docx_runs(cases, "katori-cmj-2020", "理事長古")
    assert docx_x(runs) == placed(cases, "katori-cmj-2020", "理事長古")


@needs_poppler
def test_higashikurume_and_mitaka_set_each_name_two_em_after_its_own_title(cases):
    """東久留米市長　　並木 / 理　事　長　　古橋 (typed 理　事　長, name_gap: 2): not one
    column, as on the copy; 三鷹市's side-by-side blocks: 三　鷹　市　長 typed seven em."""
    east = placed(cases, "higashikurume-cmj-2018", "東久留米市長")
    assert east[5:7] == [("長", 5), ("並", 8)]
    assert placed(cases, "higashikurume-cmj-2018", "理事長") == [
        ("理", 0), ("事", 2), ("長", 4), ("古", 7), ("橋", 8), ("大", 10), ("地", 11)]
    assert placed(cases, "mitaka-cmj-2018", "三鷹市長")[:5] == [("三", 0), ("鷹", 2), ("市", 4), ("長", 6), ("清", 9)]
    assert placed(cases, "mitaka-cmj-2018", "理事長")[:4] == [("理", 0), ("事", 2), ("長", 4), ("古", 7)]


@needs_poppler
def test_kunitachi_spreads_both_titles_to_five_em_and_the_names_two_after(cases):
    """代表者　国 立 市 長　　永見　理夫 / 代表者　理　事　長　　古橋　大地: the titles one width
    (signature_spread: {title: 5}), the names in one column two em after (name_gap: 2)."""
    city = placed(cases, "kunitachi-cmj-2018", "国立市長")
    assert city[:5] == [("国", 0), ("立", 1.33), ("市", 2.67), ("長", 4), ("永", 7)]
    assert placed(cases, "kunitachi-cmj-2018", "理事長古")[:4] == [("理", 0), ("事", 2), ("長", 4), ("古", 7)]


# ---------------------------------------------------------------- refused: never another fact
def _copy(tmp_path: Path, case: str, old: str, new: str, style: str | None = None) -> Path:
    text = (REAL / f"{case}.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "styles").mkdir(exist_ok=True)
    for f in (REAL / "styles").glob("*.yaml"):
        shutil.copy(f, tmp_path / "styles" / f.name)
    if style:
        (tmp_path / "styles" / f"cmj-{case.split('-')[0]}.yaml").write_text(style, encoding="utf-8")
    path = tmp_path / f"{case}.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def refused(path: Path, tmp_path: Path) -> str:
    result = run_generate(path, "-o", tmp_path / "out", "--force")
    assert result.returncode == 1, result.stdout + result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.docx"))
    return result.stderr


AKAIWA_TYPED = "      typed: {title: 赤 磐 市 長, name: 友　實　　武　則}"


@pytest.mark.parametrize("typed, key, message", [
    ("{title: 赤 磐 市 長, name: 友　實　　武　側}", "name",
     "「友　實　　武　側」 without its gaps is 「友實武側」, not the name written 「友實　武則」: a typed form may only"
     " add or change the gaps between the same characters"),
    ("{title: 赤 磐 市 長 市}", "title", "「赤 磐 市 長 市」 without its gaps is 「赤磐市長市」"),
    ("{name: 友 實 武 則}", "name",
     "「友 實 武 則」 leaves less room before 「武」 than the space the name written 「友實　武則」 has there"),
    ("{name: 友實　武則}", "name", "「友實　武則」 is typed as the name is written: it would have no effect;"
                               " remove typed.name"),
    ('{name: "友　實　　武　則　"}', "name", "begins or ends with a gap"),
    ("{}", "", "typed needs title:, name: or both, as the signed copy types them"),
])
def test_a_typed_form_that_is_not_the_written_title_or_name_is_refused_at_its_line(
        typed, key, message, tmp_path):
    path = _copy(tmp_path, "akaiwa-cmj-2020", AKAIWA_TYPED, f"      typed: {typed}")
    err = refused(path, tmp_path)
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "typed:" in text)
    where = f"{path}:{line}: parties.akaiwa.representative.typed" + (f".{key}" if key else "") + ":"
    assert where in err and message in err, err


def test_a_typed_name_where_no_name_prints_is_refused(tmp_path):
    """久喜市 (signer_names: withheld): the titles alone; a typed name would print nothing."""
    text = (REAL / "kuki-tomita-2019.yaml").read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.strip().startswith("title: 久喜市長"))
    path = tmp_path / "kuki-tomita-2019.yaml"
    shutil.copytree(REAL / "styles", tmp_path / "styles")
    path.write_text(text.replace(title, title + "\n" + title[:title.index("title")] + "typed: {name: 梅　田　修　一}", 1),
                    encoding="utf-8")
    err = refused(path, tmp_path)
    assert "typed.name: signer_names: withheld prints no name: a typed name would have no effect" in err, err


def test_a_typed_form_of_a_head_who_does_not_sign_is_refused(tmp_path):
    """A signatory signs for the party: the head's typed form would print nowhere."""
    path = _copy(tmp_path, "akaiwa-cmj-2020", AKAIWA_TYPED,
                 AKAIWA_TYPED + "\n    signatory: {title: 副市長, name: 山田　太郎}")
    assert "does not sign the agreement (the signatory signs for the party): typed would have no effect" \
        in refused(path, tmp_path)


@pytest.mark.parametrize("style, message", [
    ("agreement:\n  name_gap: 2\n", "name_gap places the name on the title's line, and name_line is own"),
    ("agreement:\n  name_column: true\n", "name_column places the name on the title's line, and name_line is own"),
    ("agreement:\n  name_line: with_title\n  name_gap: 0.3\n", "a gap of 0.3 em between a title and its name"),
])
def test_a_house_gap_or_column_that_cannot_print_is_refused(style, message, tmp_path):
    path = _copy(tmp_path, "akaiwa-cmj-2020", AKAIWA_TYPED, AKAIWA_TYPED, style=style)
    assert message in refused(path, tmp_path)


def test_a_half_width_gap_in_a_typed_form_is_not_warned_about(tmp_path):
    """The check that warns of an ASCII space beside Japanese text (a gap meant full-width)
    leaves a typed form alone: its half-width gaps are what the copy types."""
    result = run_generate("check", REAL / "akaiwa-cmj-2020.yaml")
    assert result.returncode == 0 and "ASCII space" not in result.stdout + result.stderr, result.stderr
