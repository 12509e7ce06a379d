"""document.signature_mark: the mark a published copy prints where a signer signed,
before the name ((署名)長洲一二: 神奈川県 and ペナン州's 共同声明 of 1991, tests/data/real),
printed as written in every form of the block, in the PDF and the DOCX; nothing by
default; refused where it would stand before no name, or in a draft."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
import yaml

from conftest import ROOT, SEED_SPEC, needs_poppler, no_space, pdf_text, run_generate

REAL = ROOT / "tests" / "data" / "real"


def write(tmp_path: Path, data: dict, name: str = "spec") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def built(tmp_path: Path, spec: Path) -> tuple[list[str], str]:
    """(the agreement PDF's lines without spaces, the DOCX's text)."""
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx", "--force")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / spec.stem
    lines = [no_space(x) for x in pdf_text(folder / "agreement.pdf").splitlines() if x.strip()]
    body = docx.Document(str(folder / "agreement.docx")).element.body
    return lines, "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def penang(tmp_path: Path, mark: bool = True) -> Path:
    (tmp_path / "styles").mkdir(parents=True, exist_ok=True)
    shutil.copy(REAL / "styles" / "kanagawa-intl.yaml", tmp_path / "styles")
    data = yaml.safe_load((REAL / "kanagawa-penang-1991.yaml").read_text(encoding="utf-8"))
    if not mark:
        del data["agreement"]["document"]["signature_mark"]
    return write(tmp_path, data, "penang")


@needs_poppler
def test_the_real_joint_statement_marks_each_signer_as_its_published_text(tmp_path):
    """Each name above its title, side by side, (署名) straight before it; without the
    key nothing is printed there."""
    lines, text = built(tmp_path, penang(tmp_path))
    assert "(署名)長洲一二" in lines and "(署名)コー・ツー・クーン" in lines, lines[-4:]
    assert "(署名)長洲一二" in text and "(署名)コー・ツー・クーン" in text
    lines, text = built(tmp_path / "plain", penang(tmp_path / "plain", mark=False))
    assert "長洲一二" in lines and "署名" not in "".join(lines) + text


def real(tmp_path: Path, case: str, mark: str) -> Path:
    data = yaml.safe_load((REAL / f"{case}.yaml").read_text(encoding="utf-8"))
    if "style" in data:
        data["style"] = str(REAL / data["style"])
    data["agreement"]["document"]["signature_mark"] = mark
    return write(tmp_path, data, case)


@needs_poppler
@pytest.mark.parametrize("case, line", [
    ("higashikurume-cmj-2018", "理事長（署名）古橋大地"),        # on the title's line, the title spread
    ("fuchu-cmj-2017", "理事長（署名）古橋大地"),               # in the names' column, glyph by glyph
    ("2024-02-27-okhotsk-kitami", "（署名）鈴木聡一郎"),          # on a line of its own under the title
])
def test_the_mark_stands_before_the_name_in_each_form_of_the_block(tmp_path, case, line):
    """The name on the title's line (東久留米市's house), in the names' column (府中市's)
    and on a line of its own (the seed's): （署名） straight before the name, on the name's
    line as the page shows it, in the PDF and the DOCX."""
    import subprocess
    spec = real(tmp_path, case, "（署名）") if case != SEED_SPEC.stem else None
    if spec is None:
        data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
        data["agreement"]["document"]["signature_mark"] = "（署名）"
        spec = write(tmp_path, data, case)
    _, text = built(tmp_path, spec)
    shown = subprocess.run(["pdftotext", "-layout", str(tmp_path / "out" / spec.stem / "agreement.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert any(no_space(row).endswith(line) for row in shown.splitlines()), shown[-600:]
    assert "（署名）古橋" in no_space(text) or "（署名）鈴木" in no_space(text)


@pytest.mark.parametrize("change, message", [
    ({"signature_blocks": "withheld"}, "signature_blocks: withheld prints no signature block, so no name to mark:"
                                       " signature_mark would have no effect"),
    ({"draft": True}, "a draft is not signed: signature_mark says where a signer signed the copy ((署名)); remove it"
                      " from the draft"),
])
def test_a_mark_before_no_name_or_in_a_draft_is_an_error_at_its_line(tmp_path, change, message):
    data = yaml.safe_load((REAL / "kanagawa-penang-1991.yaml").read_text(encoding="utf-8"))
    data["style"] = str(REAL / data["style"])
    data["agreement"]["document"].update(change)
    if change.get("draft"):
        data["agreement"]["signing_date"] = None
    spec = write(tmp_path, data)
    result = run_generate("check", spec)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    line = next(n for n, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "signature_mark:" in t)
    assert f"error: {spec}:{line}: agreement.document.signature_mark: {message}" in result.stderr, result.stderr


def test_a_mark_where_every_signer_is_named_by_the_title_alone_is_an_error(tmp_path):
    data = yaml.safe_load((REAL / "kanagawa-penang-1991.yaml").read_text(encoding="utf-8"))
    data["style"] = str(REAL / data["style"])
    for party in data["parties"].values():
        del party["representative"]["name"]
    data["agreement"]["document"]["signer_names"] = "withheld"
    spec = write(tmp_path, data)
    result = run_generate("check", spec)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert ("agreement.document.signature_mark: no signature block prints a signer's name (each signer is named by"
            " the title alone), so signature_mark would stand before nothing: remove it") in result.stderr, \
        result.stderr


def hand_signed(tmp_path: Path, mark: bool = True, label: bool = False) -> Path:
    """The real joint statement with ペナン州's signer named by the title alone and the
    names written by hand (signed_by_hand: a blank line to sign on in its block)."""
    data = yaml.safe_load((REAL / "kanagawa-penang-1991.yaml").read_text(encoding="utf-8"))
    style = yaml.safe_load((REAL / data["style"]).read_text(encoding="utf-8"))
    if label:                  # a form's 署名 before the line to sign on: the house's label
        style["agreement"]["signature_labels"] = {"name": "署名"}
    (tmp_path / "house.yaml").write_text(yaml.safe_dump(style, allow_unicode=True), encoding="utf-8")
    data["style"] = "house.yaml"
    del data["parties"]["penang"]["representative"]["name"]
    data["agreement"]["document"]["signed_by_hand"] = True
    if not mark:
        del data["agreement"]["document"]["signature_mark"]
    return write(tmp_path, data, "hand")


def test_a_mark_before_a_blank_line_to_sign_on_is_an_error_at_its_line(tmp_path):
    """(署名) says the copy was signed there, before the name it types (長洲一二); before a
    blank line to sign on (a signer named by the title alone, signed_by_hand) it would mark
    a signature nobody made — before, (署名) was printed before the blank. Refused at the
    key, nothing written, under check and the build."""
    spec = hand_signed(tmp_path)
    line = next(n for n, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "signature_mark:" in t)
    for argv in (("check", spec), (spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx")):
        result = run_generate(*argv)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert (f"error: {spec}:{line}: agreement.document.signature_mark: マレーシア・ペナン州首席大臣 is named by"
                " the title alone, and signed_by_hand leaves a blank line to sign on there: signature_mark says where"
                " a signer signed the copy ((署名) before the typed name), and would stand before the blank; give"
                " the name the signed copy types, or remove signature_mark (a form's 署名 before the line to sign on"
                " is the house's agreement.signature_labels, name: 署名)") in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


@needs_poppler
def test_a_forms_signature_label_stands_before_the_blank_line_to_sign_on(tmp_path):
    """What real forms print before a line to sign on (署名　　　　) is the house's label
    of the name line: 署名 before 長洲一二 and before ペナン州's blank, no (署名) mark."""
    lines, text = built(tmp_path, hand_signed(tmp_path, mark=False, label=True))
    assert "署名長洲一二" in lines and "署名" in lines, lines[-4:]
    assert "(署名)" not in "".join(lines) + text
