"""A preamble that defines the labels on the signers' offices, as 日本年金機構, 国税庁 and
厚生労働省 wrote their 協定書 of 2017: 日本年金機構理事長を甲とし、国税庁徴収部徴収課長を乙とし、
厚生労働省大臣官房年金管理審議官を丙とし、…次のとおり協定を締結する。 The product holds an own
preamble to define every label the document uses; before, it knew （以下「甲」という。） and
以下甲という only, refused this text as defining none, and the agreement could not be stated.
A label the preamble still leaves undefined is refused, naming it. Real spec, real command line.
"""
from __future__ import annotations

from pathlib import Path

from conftest import ROOT, no_space, pdf_text, run_generate

REAL = ROOT / "tests" / "data" / "real"
CASE = REAL / "nta-nenkin-mhlw-2017.yaml"
DEFINES_HEI = "厚生労働省大臣官房年金管理審議官を丙とし、"


def test_labels_defined_on_the_signers_offices_are_accepted(tmp_path):
    result = run_generate(CASE, "-o", tmp_path / "out", "--force", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / CASE.stem / "agreement.pdf"))
    assert "日本年金機構理事長を甲とし、国税庁徴収部徴収課長を乙とし、" + DEFINES_HEI in text
    assert "甲乙丙記名押印のうえ" in text


def test_a_label_the_preamble_leaves_undefined_is_still_refused(tmp_path):
    spec_text = CASE.read_text(encoding="utf-8")
    assert DEFINES_HEI in spec_text
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "nta-nenkin.yaml").write_text((REAL / "styles" / "nta-nenkin.yaml").read_text(encoding="utf-8"),
                                                         encoding="utf-8")
    spec = tmp_path / CASE.name
    spec.write_text(spec_text.replace(DEFINES_HEI, "厚生労働省大臣官房年金管理審議官と丙とし、"), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    line = next(i for i, l in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if l.startswith("    preamble:"))
    assert (f"{spec}:{line}: agreement.document.preamble: the preamble does not define the label 「丙」"
            " the document uses") in result.stderr, result.stderr
