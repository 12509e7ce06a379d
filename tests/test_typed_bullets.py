"""A nested line typed with a mark of its own (・会場　市役所) where the house prints its
mark before each such line (notice.list_bullet, ・): it would print ・・会場…, so it is
refused at the line's file, line and key, and nothing is written (content/typed_bullets.py).
Under a house that prints no mark (list_bullet: "") the typed mark is the only one, and
the line is printed as written; a note's ※ and a placeholder's ○○ are no list marks.

Run by the real command line (in process, as tests/test_notice_format.py does) on
variations of the seed; the PDF read back for what is printed.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, needs_poppler, no_space, pdf_text, seed_with_sections
from test_notice_format import build, check

POINT = {"text": "締結式の概要", "bullets": ["日時　２月27日", "・会場　市役所"]}


def _spec(tmp_path, paragraphs=None, parts=None, style=None):
    section = {"heading": "連携項目", "paragraphs": paragraphs or []}
    if parts:
        section["parts"] = parts
    spec = seed_with_sections(tmp_path, "typed", [section])
    if style is not None:
        (tmp_path / "house.yaml").write_text(style, encoding="utf-8")
        spec.write_text("style: house.yaml\n" + spec.read_text(encoding="utf-8"), encoding="utf-8")
    return spec


def _line(spec, fragment: str) -> int:
    return next(n for n, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if fragment in t)


MESSAGE = ("the line begins with a mark of its own (・), and the house prints its mark ・ before each line"
           " (notice.list_bullet): it would print 「・・会場　市役所」; remove the typed ・")


def test_a_section_point_s_line_typed_with_the_mark_is_refused_at_its_line(tmp_path, capsys):
    spec = _spec(tmp_path, ["前文です。", POINT])
    code, _, err = check(spec, capsys)
    assert code == 1, err
    assert (f"error: {spec}:{_line(spec, '・会場')}: press_notice.sections[0].paragraphs[1].bullets[1]: {MESSAGE}"
            in err), err
    assert "bullets[0]" not in err and "Traceback" not in err
    code, _, err, pdf = build(spec, tmp_path, capsys)
    assert code == 1 and not pdf.exists() and not list((tmp_path / "out").rglob("*.docx")), err


@pytest.mark.parametrize("mark", ["●", "○", "〇", "◆", "-", "･", "\u3000・"])
def test_a_part_s_line_typed_with_another_mark_is_refused_too(tmp_path, capsys, mark):
    """・ then ● is two marks before one line as much as ・・ is; a mark after a space
    (「　・会場」) would print 「・　・会場」."""
    parts = [{"heading": "（１）　期日", "paragraphs": [{"text": "締結式", "bullets": [f"{mark}会場　市役所"]}]}]
    spec = _spec(tmp_path, parts=parts)
    code, _, err = check(spec, capsys)
    assert code == 1, err
    assert (f"error: {spec}:{_line(spec, '会場　市役所')}: press_notice.sections[0].parts[0].paragraphs[0].bullets[0]:"
            f" the line begins with a mark of its own ({mark.strip()})") in err, err


def test_a_ki_list_entry_s_bullet_typed_with_a_mark_is_refused(tmp_path, capsys):
    from test_list_bullets import AGENDA, POINTS
    from test_notice_format import variant
    spec = variant(tmp_path, (AGENDA, POINTS.replace("[スマート林業の推進,", "[・スマート林業の推進,")))
    code, _, err = check(spec, capsys)
    assert code == 1, err
    assert (f"error: {spec}:{_line(spec, '・スマート林業')}: press_notice.ki[4].list[0].bullets[0]:"
            " the line begins with a mark of its own (・)") in err, err


@needs_poppler
def test_under_a_house_that_prints_no_mark_the_typed_one_is_printed_once(tmp_path, capsys):
    spec = _spec(tmp_path, [POINT], style="notice:\n  list_bullet: \"\"\n")
    code, _, err, pdf = build(spec, tmp_path, capsys)
    assert code == 0, err
    text = no_space(pdf_text(pdf))
    assert "締結式の概要日時２月27日・会場市役所" in text and "・・" not in text, text


@needs_poppler
def test_a_note_and_a_placeholder_are_no_marks(tmp_path, capsys):
    """※ begins a note (※ 要予約), ○○ stands for a name withheld: printed after the mark."""
    spec = _spec(tmp_path, [{"text": "締結式の概要", "bullets": ["※ 要予約", "○○地区の集会所"]}])
    code, _, err, pdf = build(spec, tmp_path, capsys)
    assert code == 0, err
    text = no_space(pdf_text(pdf))
    assert "・※要予約・○○地区の集会所" in text, text


def test_the_message_in_japanese(tmp_path):
    spec = _spec(tmp_path, [POINT])
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env["LANG"] = "ja_JP.UTF-8"
    result = subprocess.run([sys.executable, str(ROOT / "generate.py"), "check", str(spec)],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    line = next(t for t in result.stderr.splitlines() if "bullets[1]" in t)
    assert re.search(r"「・・会場　市役所」", line) and "ハウススタイル" in line, line
