"""An annex the agreement's text names and the document does not print
(content/agreement/annex_refs.py): a note at the article or paragraph that names it,
with the words round the name, never an error (the secretariat may attach it by hand);
nothing where the spec prints it (document.annexes, its heading naming it).

The real cases whose stored copies cut their annexes (常光・中丸・加納三か村 別紙, 小山町と
足柄村 別表, 相模川 別表第1 and 別表第2, 越谷市 第１号様式) are checked by the real command
line; those that print theirs (消防庁 別記第１号様式, 国税庁 【別紙１】, 早稲田 別紙) give no
note, nor does 相模川 given its two tables; given one, the other is named. An article
naming several in one run (別表第1及び第2, 別紙1、別紙2, 第１号及び第２号様式, 別表第1から第3まで)
has one note naming each it does not print.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, real_case_variant, run_generate

REAL = ROOT / "tests" / "data" / "real"
CUT = {
    "kitamoto-3villages-taisho": [("agreement.document.prose[1].items[4]", "別紙の関係区域", "別紙")],
    "oyama-ashigara-1955": [("agreement.document.prose[10]", "別表のとおりとする", "別表")],
    "sagamigawa-kyodo-1960": [("agreement.document.prose[0]", "別表第1のとおり", "別表第1"),
                              ("agreement.document.prose[1]", "別表第2のとおり", "別表第2")],
    "koshigaya-cmj-2020-draft": [("agreement.document.extra_articles[2]", "（第１号様式）", "第１号様式")],
}
PRINTED = ["fdma-drone-2018-draft", "nta-nenkin-mhlw-2017", "waseda-nta-2009"]


def _annex_notes(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("note: ")
            and ("or give it in document.annexes" in line or "or give them in document.annexes" in line)]


def _line(spec, key: str, fragment: str) -> int:
    """The spec's line of the key's article or paragraph (an article's: its heading's)."""
    lines = spec.read_text(encoding="utf-8").splitlines()
    if "extra_articles" in key:
        text_at = next(n for n, t in enumerate(lines) if fragment in t)
        return next(n for n in range(text_at, -1, -1) if "- heading:" in lines[n] or "- name:" in lines[n]) + 1
    return next(n for n, t in enumerate(lines, 1) if fragment in t)


@pytest.fixture(scope="module")
def checked():
    specs = [REAL / f"{case}.yaml" for case in [*CUT, *PRINTED]]
    result = run_generate("check", *specs)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("case", list(CUT))
def test_an_annex_cut_from_the_copy_is_named_in_a_note_at_its_key(checked, case):
    spec = REAL / f"{case}.yaml"
    mine = [line for line in _annex_notes(checked) if line.startswith(f"note: {spec}:")]
    want = [(f"note: {spec}:{_line(spec, key, fragment)}: {key}: 「", f"{fragment}", f" names {name}, and the document"
             " prints no annex: attach it by hand, or give it in document.annexes") for key, fragment, name in CUT[case]]
    assert len(mine) == len(want), mine
    for line, (head, words, tail) in zip(mine, want):
        assert line.startswith(head) and words in line and line.endswith(tail), (line, head)


@pytest.mark.parametrize("case", PRINTED)
def test_an_annex_the_document_prints_gives_no_note(checked, case):
    assert not [line for line in _annex_notes(checked) if f"{case}.yaml" in line], checked


_PROSE_END = "    closing: この覚書締結の証として"
_TABLES = ("    annexes:\n      - {heading: 別表第１, parts: [事業の効果]}\n"
           "      - {heading: 別表第２, parts: [共同施設と費用の負担額]}\n")


def test_given_its_annexes_the_real_case_has_no_note_and_given_one_the_other_is_named(tmp_path):
    both = real_case_variant(tmp_path, "sagamigawa-kyodo-1960", "kawasaki-suido-history.yaml",
                             (_PROSE_END, _TABLES + _PROSE_END))
    result = run_generate("check", both)
    assert result.returncode == 0 and not _annex_notes(result.stdout), result.stdout + result.stderr
    one = real_case_variant(tmp_path, "sagamigawa-kyodo-1960", "kawasaki-suido-history.yaml",
                            (_PROSE_END, _TABLES.split("      - {heading: 別表第２")[0] + _PROSE_END))
    result = run_generate("check", one)
    notes = _annex_notes(result.stdout)
    assert result.returncode == 0 and len(notes) == 1, result.stdout + result.stderr
    assert ": agreement.document.prose[1]: 「" in notes[0] and notes[0].endswith(
        " names 別表第2, and the document prints no annex of that name (its annexes: 別表第１): attach it by"
        " hand, or give it in document.annexes"), notes[0]


def test_another_text_s_annex_and_a_form_unnamed_are_no_annex_of_this_one(tmp_path):
    """施行規則別表第一 is the rules' table, 所定の様式 and 生活様式 name no annex."""
    spec = real_case_variant(tmp_path, "sagamigawa-kyodo-1960", "kawasaki-suido-history.yaml",
                             ("おおむね別表第1のとおりとする。", "同法施行規則別表第一の例により、所定の様式で報告し、"
                                                           "新しい生活様式を広める。"),
                             ("負担額は、別表第2のとおりとする。", "負担額は、協議して定める。"))
    result = run_generate("check", spec)
    assert result.returncode == 0, result.stderr
    assert not _annex_notes(result.stdout), result.stdout


_FIRST = "おおむね別表第1のとおりとする。"
_SECOND = "負担額は、別表第2のとおりとする。"


@pytest.mark.parametrize("written, named", [
    ("おおむね別表第1及び第2のとおりとする。", "別表第1、別表第2"),
    ("おおむね別紙1、別紙2のとおりとする。", "別紙1、別紙2"),
    ("第１号及び第２号様式により報告する。", "第１号様式、第２号様式"),
    ("おおむね別表第1から第3までのとおりとする。", "別表第1、別表第2、別表第3"),
])
def test_an_article_naming_several_annexes_has_one_note_naming_each(tmp_path, written, named):
    spec = real_case_variant(tmp_path, "sagamigawa-kyodo-1960", "kawasaki-suido-history.yaml",
                             (_FIRST, written), (_SECOND, "負担額は、協議して定める。"))
    result = run_generate("check", spec)
    notes = _annex_notes(result.stdout)
    assert result.returncode == 0 and len(notes) == 1, result.stdout + result.stderr
    assert ": agreement.document.prose[0]: 「" in notes[0] and notes[0].endswith(
        f" names {named}, and the document prints no annex: attach them by hand, or give them in"
        " document.annexes"), notes[0]


def test_of_several_named_those_printed_are_left_out(tmp_path):
    spec = real_case_variant(tmp_path, "sagamigawa-kyodo-1960", "kawasaki-suido-history.yaml",
                             (_FIRST, "おおむね別表第1から第3まで及び別紙のとおりとする。"),
                             (_PROSE_END, _TABLES + _PROSE_END))
    result = run_generate("check", spec)
    notes = _annex_notes(result.stdout)
    assert result.returncode == 0 and len(notes) == 1, result.stdout + result.stderr
    assert ": agreement.document.prose[0]: 「" in notes[0] and notes[0].endswith(
        " names 別表第3、別紙, and the document prints none of them (its annexes: 別表第１、別表第２): attach them"
        " by hand, or give them in document.annexes"), notes[0]


def test_a_run_after_another_text_s_name_and_an_article_after_an_annex_are_not_this_one_s(tmp_path):
    """施行規則別表第一及び第二 are the rules' tables; 別表第1及び第2条: 第2条 is an article."""
    spec = real_case_variant(tmp_path, "sagamigawa-kyodo-1960", "kawasaki-suido-history.yaml",
                             (_FIRST, "同法施行規則別表第一及び第二の例による。"),
                             (_SECOND, "負担額は、別表第1及び第2条の例による。"))
    result = run_generate("check", spec)
    notes = _annex_notes(result.stdout)
    assert result.returncode == 0 and len(notes) == 1, result.stdout + result.stderr
    assert ": agreement.document.prose[1]: 「" in notes[0] and notes[0].endswith(
        " names 別表第1, and the document prints no annex: attach it by hand, or give it in document.annexes"), notes[0]


def test_the_note_in_japanese():
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env["LANG"] = "ja_JP.UTF-8"
    result = subprocess.run([sys.executable, str(ROOT / "generate.py"), "check", str(REAL / "oyama-ashigara-1955.yaml")],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    line = next(t for t in result.stdout.splitlines() if "prose[10]" in t)
    assert "は別表を指していますが" in line and "手で添付するか" in line, line
