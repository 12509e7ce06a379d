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


# 厚生労働省 and 国税庁税務大学校's 覚書 (2024): its own preamble uses no label, and 第１条's first
# sentence defines 甲 and 乙 (厚生労働省…検疫課長（以下「甲」という。）は、国税庁税務大学校総務課長
# （以下「乙」という。）に対し、…). Before, an own preamble had to define every label itself, and
# this text was refused.
QUARANTINE = REAL / "mhlw-nta-quarantine-2024.yaml"
FIRST_DEFINES_OTSU = "国税庁税務大学校総務課長（以下「乙」という。）に対し、"


def _quarantine_variant(tmp_path, old: str, new: str) -> Path:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "nta-quarantine.yaml").write_text(
        (REAL / "styles" / "nta-quarantine.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    spec_text = QUARANTINE.read_text(encoding="utf-8")
    assert old in spec_text
    spec = tmp_path / QUARANTINE.name
    spec.write_text(spec_text.replace(old, new, 1), encoding="utf-8")
    return spec


def test_labels_the_first_article_defines_beside_a_preamble_that_uses_none(tmp_path):
    result = run_generate(QUARANTINE, "-o", tmp_path / "out", "--force", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / QUARANTINE.stem / "agreement.pdf"))
    assert "次のとおり覚書を締結する。（開設の手続）第１条厚生労働省健康・生活衛生局感染症対策部企画・検疫課長（以下「甲」という。）" in text
    assert FIRST_DEFINES_OTSU in text


def test_a_label_the_first_article_does_not_define_is_still_refused(tmp_path):
    spec = _quarantine_variant(tmp_path, FIRST_DEFINES_OTSU, "国税庁税務大学校総務課長に対し、")
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    line = next(i for i, l in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if l.startswith("    preamble:"))
    assert (f"{spec}:{line}: agreement.document.preamble: the preamble does not define the label 「乙」"
            " the document uses") in result.stderr, result.stderr
    assert not (tmp_path / "out" / spec.stem / "agreement.pdf").exists()


def test_a_label_the_preamble_uses_must_be_defined_there(tmp_path):
    # 乙 used in the preamble before 第１条 defines it: the reader meets it undefined.
    spec = _quarantine_variant(tmp_path, "開設までの手続について、次のとおり", "開設までの手続について、乙の協力を得て、次のとおり")
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert "agreement.document.preamble: the preamble does not define the label 「乙」" in result.stderr, result.stderr


# 豊根村 and 愛知県's 林道施設の維持管理に関する協定書 (昭和44年5月16日, as 豊根村's 例規集 keeps it,
# https://www.vill.toyone.aichi.jp/section/reiki_int/reiki_honbun/i577RG00000383.html) labels
# the two in the te-form: 豊根村を甲とし、愛知県を乙として、…下記のとおり協定する。 Before, the
# product knew …を乙とし、 only and refused this preamble as leaving 乙 undefined. (The text
# itself is not a case: its signers stand above it, and its stored copy ends in 第9条.)
TOYONE_PREAMBLE = "豊根村を甲とし、愛知県を乙として、県営事業により開設された林道施設の管理について、下記のとおり協定する。"
TOYONE_FIRST = ("甲が管理する林道は、別紙林道調書記載の林道施設（以下「施設」という。）とし、これの維持、保全"
                "および改良工事ならびに運用にかかる必要な措置（以下「維持管理」という。）は甲が行なうものとする。")


def _toyone_spec(tmp_path, preamble: str) -> Path:
    spec = tmp_path / "toyone-rindo-1969.yaml"
    spec.write_text(f"""issuer: 豊根村
parties:
  toyone: {{name: 豊根村, representative: {{title: 愛知県北設楽郡豊根村長, name: 熊谷賢一}}}}
  aichi: {{name: 愛知県, representative: {{title: 愛知県知事, name: 桑原幹根}}}}
agreement:
  title: 林道施設の維持管理に関する協定
  signing_date: 1969-05-16
  document:
    title: 林道施設の維持管理に関する協定書
    preamble: {preamble}
    extra_articles:
      - {{name: managed, text: [{TOYONE_FIRST}]}}
""", encoding="utf-8")
    return spec


def test_labels_defined_in_the_te_form_are_accepted(tmp_path):
    spec = _toyone_spec(tmp_path, TOYONE_PREAMBLE)
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / spec.stem / "agreement.pdf"))
    assert no_space(TOYONE_PREAMBLE) in text
    assert "第1条甲が管理する林道は、" in text.replace("１", "1")


def test_a_te_form_naming_no_label_still_leaves_it_undefined(tmp_path):
    # 愛知県と乙として: no definition of 乙 (the wording of a role, not a label given).
    spec = _toyone_spec(tmp_path, TOYONE_PREAMBLE.replace("愛知県を乙として", "愛知県と乙として"))
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert f"{spec}:10: agreement.document.preamble: the preamble does not define the label 「乙」" in result.stderr, result.stderr
