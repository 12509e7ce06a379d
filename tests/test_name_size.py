"""Names printed larger than their titles (agreement.name_size): 府中市's copy of 2017 types
each signer's name in a larger type than the title before it and spaces it across about
nine and a half em of the body's type, the two names in one column (府中市長　高 野 律 雄 /
理事長　古 橋 大 地). The real case is built by the command line and read back glyph by
glyph (each glyph's size and baseline, where the names start and end), its DOCX reopened
(the name's runs in half points, w:sz, the title's in the style's size) and converted by
LibreOffice (slow); a size out of range or at the body's own, a typed name beside it, a
gap with no full-width space to set the name after, and a spread not in half em are errors
naming the key."""
from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pdfplumber
import pytest
import yaml
from lxml import etree

from conftest import ROOT, SEED_SPEC, needs_poppler, run_generate

CASE = ROOT / "tests" / "data" / "real" / "fuchu-cmj-2017.yaml"
BODY = 10.5
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("name-size")
    result = run_generate(CASE, "-o", out, "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / CASE.stem / "agreement.pdf"


def _glyphs(pdf: Path, text: str) -> list[dict]:
    """The glyphs of `text`, in order, where its characters stand one after another on a
    line of the PDF (spaces aside)."""
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            chars = sorted((c for c in page.chars if c["text"].strip()),
                           key=lambda c: (round(page.height - c["matrix"][5]), c["x0"]))
            found = "".join(c["text"] for c in chars)
            at = found.find(text)
            if at >= 0:
                return chars[at:at + len(text)]
    raise AssertionError(f"{text} not in {pdf}")


def test_the_names_are_larger_than_their_titles_on_one_baseline_spread_and_in_one_column(built):
    for line, title, name in (("府中市長高野律雄", "府中市長", "高野律雄"), ("理事長古橋大地", "理事長", "古橋大地")):
        glyphs = _glyphs(built, line)
        titles, names = glyphs[:len(title)], glyphs[len(title):]
        assert {round(c["size"], 1) for c in titles} == {BODY}
        assert {round(c["size"], 1) for c in names} == {14.0}
        assert len({round(c["matrix"][5], 1) for c in glyphs}) == 1          # one baseline
        # across nine and a half em of the body's type, the name's own space spread with the rest
        assert names[-1]["x1"] - names[0]["x0"] == pytest.approx(9.5 * BODY, abs=0.3)
        first, second = names[1]["x0"] - names[0]["x0"], names[3]["x0"] - names[2]["x0"]
        assert first == pytest.approx(second, abs=0.05) and first > 14 + 5       # a gap of its own after each
    city, npo = _glyphs(built, "高野律雄")[0], _glyphs(built, "古橋大地")[0]
    assert city["x0"] == pytest.approx(npo["x0"], abs=0.05)                   # the names in one column


def _runs(docx: Path) -> list[tuple[str, str | None, str | None]]:
    """(text, w:sz, w:spacing) of every run of the DOCX's body."""
    with zipfile.ZipFile(docx) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    out = []
    for r in body.iter(W + "r"):
        sz, sp = r.find(f"{W}rPr/{W}sz"), r.find(f"{W}rPr/{W}spacing")
        out.append(("".join(t.text or "" for t in r.iter(W + "t")), sz.get(W + "val") if sz is not None else None,
                    sp.get(W + "val") if sp is not None else None))
    return out


def test_the_docx_sets_the_names_runs_in_their_size_and_spacing(built):
    runs = _runs(built.with_suffix(".docx"))
    name = [(t, sz, sp) for t, sz, sp in runs if t and t[0] in "高野律雄古橋大地"]
    assert "".join(t for t, _, _ in name) == "高野　律雄古橋　大地"
    assert {sz for _, sz, _ in name} == {"28"}                                # 14 points in half points
    # the width in the body's em: each character but the last the same spacing after it
    spacing = (9.5 * BODY - 5 * 14) / 4
    assert [(t, sp) for t, _, sp in name] == [("高野　律", str(round(spacing * 20))), ("雄", None),
                                             ("古橋　大", str(round(spacing * 20))), ("地", None)]
    titles = [(t, sz) for t, sz, _ in runs if t.startswith(("府中市長", "理事長"))]
    assert titles and all(sz is None for _, sz in titles)


@pytest.mark.slow
@needs_poppler
def test_libreoffice_sets_the_docx_names_in_their_size_in_one_column(built, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    docx = tmp_path / "agreement.docx"
    shutil.copy(built.with_suffix(".docx"), docx)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=180,
                   env={**os.environ, "HOME": str(tmp_path)})
    pdf = tmp_path / "agreement.pdf"
    city, npo = _glyphs(pdf, "府中市長高野律雄"), _glyphs(pdf, "理事長古橋大地")
    assert {round(c["size"]) for c in city[4:] + npo[3:]} == {14}
    assert {round(c["size"], 1) for c in city[:4] + npo[:3]} == {BODY}
    assert city[4]["x0"] == pytest.approx(npo[3]["x0"], abs=1.0)
    assert city[-1]["x1"] - city[4]["x0"] == pytest.approx(9.5 * BODY, abs=2.0)


@needs_poppler
def test_a_name_on_a_line_of_its_own_takes_the_size_too(tmp_path):
    style = tmp_path / "own.yaml"
    style.write_text("name: 名前の大きい署名欄\nagreement: {name_size: 13}\n", encoding="utf-8")
    result = run_generate(SEED_SPEC, "-o", tmp_path / "out", "--kinds", "agreement", "--style", style)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / SEED_SPEC.stem / "agreement.pdf"
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    for party in data["parties"].values():
        name = party["representative"]["name"].replace("\u3000", "")
        title = party["representative"]["title"]
        assert {round(c["size"], 1) for c in _glyphs(pdf, name)} == {13.0}
        assert {round(c["size"], 1) for c in _glyphs(pdf, title)} == {BODY}


def _style_error(tmp_path: Path, agreement: str) -> str:
    style = tmp_path / "style.yaml"
    style.write_text(f"name: 試し\nagreement: {{{agreement}}}\n", encoding="utf-8")
    result = run_generate("check", SEED_SPEC, "--style", style)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.parametrize("agreement, key, message", [
    ("name_size: 40", "agreement.name_size", "a name of 40 points in the signature block: 6 to 36 points"),
    ("name_size: 10.5", "agreement.name_size", "the signature blocks are set in the body's type of 10.5 points, and"
                                               " name_size is the same: it would have no effect"),
    ("name_size: 14, name_line: with_title, name_gap: 0.5", "agreement", "name_size sets the name in a type of its"
                                                                        " own after the gap's full-width spaces, and a gap of 0.5 em has none"),
    ("signature_spread: {name: 9.25}", "agreement.signature_spread", "a width of 9.25 em to set a signature line"
                                                                   " across: in half em"),
])
def test_a_name_size_that_cannot_print_as_asked_is_an_error_of_the_house_style(tmp_path, agreement, key, message):
    stderr = _style_error(tmp_path, agreement)
    assert f"style.yaml:2: {key}" in stderr and message in stderr, stderr


def test_a_typed_name_beside_the_houses_name_size_is_an_error_at_its_key(tmp_path):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    pid, party = next(iter(data["parties"].items()))
    name = party["representative"]["name"]
    party["representative"]["typed"] = {"name": name.replace("\u3000", "\u3000\u3000")}
    spec = tmp_path / "typed.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    style = tmp_path / "style.yaml"
    style.write_text("name: 試し\nagreement: {name_size: 14}\n", encoding="utf-8")
    result = run_generate("check", spec, "--style", style)
    assert result.returncode == 1
    line = next(n for n, text in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "typed:" in text) + 1
    assert (f"error: {spec}:{line}: parties.{pid}.representative.typed.name: the house sets the signers' names in a"
            " type of their own (agreement.name_size: 14 points)") in result.stderr
