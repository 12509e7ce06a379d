"""The annual book checks its characters against its own fonts, and only what it prints
(annual/glyphs.py, build/checks.py's `book`). The real cases' 2023 book failed: it
checked every field of oita-kenshin-gyokyo-2023 against the book's fonts, the head's
name 𠮷野　一彦 and the notice's attendees among them, which the book never prints, and
advised adding a font to "the house style", which the spec's own style already does (the
book is set in its --style, the standard one there). Now the book builds, and a 𠮷 the
book does print (a partner's name) is refused at its field with advice on the book's style."""
from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from conftest import ROOT, no_space, pdf_text, real_case_variant, run_generate

REAL = ROOT / "tests" / "data" / "real"
SPECS = sorted(p for p in REAL.glob("*.yaml") if not p.name.endswith(".facts.yaml"))
IPAMJ = Path("/usr/share/fonts/truetype/ipamj/ipamjm.ttf")
TITLE = "大分県漁業協同組合と大分県信用組合との包括連携協定"


def test_the_real_cases_2023_book_builds_without_what_it_does_not_print(tmp_path):
    result = run_generate("annual", "--fiscal-year", 2023, *SPECS, "-o", tmp_path, "--format", "pdf,docx,csv,html")
    assert result.returncode == 0, result.stderr
    assert "𠮷" not in result.stderr
    with open(tmp_path / "annual-2023.csv", encoding="utf-8-sig", newline="") as f:
        rows = [row for row in csv.DictReader(f) if row["協定等の名称"] == TITLE]       # (a book of several kinds)
    assert [row["相手方"] for row in rows] == ["大分県漁業協同組合"]
    text = no_space(pdf_text(tmp_path / "annual-2023.pdf"))
    assert TITLE in text and "大分県漁業協同組合" in text
    # the head and the attendees are the notice's, not the book's: printed nowhere in it
    for printed in (text, (tmp_path / "annual-2023.csv").read_text(encoding="utf-8-sig"),
                    (tmp_path / "annual-2023.html").read_text(encoding="utf-8")):
        assert "𠮷" not in printed and "一彦" not in printed


def partner_with_yoshi(tmp_path) -> Path:
    """The real case with a partner named with 𠮷, a name the book prints (相手方)."""
    return real_case_variant(tmp_path, "oita-kenshin-gyokyo-2023", "oita-kenshin.yaml",
                             ("    name: 大分県漁業協同組合\n", "    name: 𠮷田漁業協同組合\n"))


def yoshi_line(spec: Path) -> int:
    return next(n for n, text in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "𠮷田" in text)


def test_a_character_the_book_prints_is_refused_with_advice_on_the_books_style(tmp_path):
    spec = partner_with_yoshi(tmp_path)
    out = tmp_path / "out"
    result = run_generate("annual", "--fiscal-year", 2023, spec, "-o", out, "--format", "pdf,csv")
    assert result.returncode == 1
    assert not out.exists() or not any(out.iterdir())          # nothing half-written
    [error] = result.stderr.splitlines()
    assert error.startswith(f"error: {spec}:{yoshi_line(spec)}: parties.gyokyo.name: no font has this character:"
                            " 𠮷 (U+20BB7)")
    # the spec's own style has the fallback: the advice is on the book's, the standard one
    assert ("or build the book with --style naming a house style whose fallback_fonts: has a font that has"
            " it") in error
    assert "the book is set in the standard house style, not in its specs' styles." in error
    assert "add a font that has it to fallback_fonts: in the house style (" not in error
    # a book built with a style of its own that lacks the font: that style is named
    plain = tmp_path / "book-style.yaml"
    plain.write_text("dates: {calendar: era}\n", encoding="utf-8")
    result = run_generate("annual", "--fiscal-year", 2023, spec, "-o", out, "--format", "pdf,csv", "--style", plain)
    assert result.returncode == 1
    assert f"add a font that has it to fallback_fonts: in the book's house style, {plain} (" in result.stderr
    # a 𠮷 the book does not print (the head's name, the attendees) is refused nowhere
    assert result.stderr.count("error:") == 1


@pytest.mark.skipif(not IPAMJ.exists(), reason="IPAmj明朝 (fonts-ipamj-mincho) not installed")
def test_a_book_style_with_the_fallback_prints_it(tmp_path):
    spec = partner_with_yoshi(tmp_path)
    result = run_generate("annual", "--fiscal-year", 2023, spec, "-o", tmp_path / "out", "--format", "pdf,csv",
                          "--style", tmp_path / "styles" / "oita-kenshin.yaml")
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "out" / "annual-2023.pdf")
    assert "𠮷田漁業協同組合" in no_space(text)           # the table's 相手方 and the sheet's


def test_the_books_advice_in_japanese(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env["LANG"] = "ja_JP.UTF-8"
    spec = partner_with_yoshi(tmp_path)
    result = run_generate("annual", "--fiscal-year", 2023, spec, "-o", tmp_path / "out", "--format", "csv", env=env)
    assert result.returncode == 1
    assert "この文字を持つフォントがありません: 𠮷 (U+20BB7)" in result.stderr
    assert ("その文字を持つフォントを fallback_fonts: に持つハウススタイルを --style で指定して年度一覧を作ってください"
            in result.stderr)
