"""The house style's digit style and calendar (dates.calendar, once western_year), end to end.

Every other test builds with the default (`digits: mixed`, `dates.calendar: era_western`).
Here the house style is a copy of templates/house-style.yaml with one key changed,
passed by --style, and the dates, times, item and article numbers and 本書Ｎ通 are
read back from the PDF (pdftotext) and the reopened DOCX. Each expected string is
written out; the mixed build is checked the same way, so a style that is ignored
(the agreement written mixed whatever the style, or a `date` filter that always
writes mixed) fails here.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, SEED_SPEC, needs_poppler, no_space, pdf_text, run_generate
from test_agreement import write_spec

HOUSE = ROOT / "templates" / "house-style.yaml"


def house_style(folder: Path, key: str, value: str) -> Path:
    """A copy of the bundled house style with one key changed: a top-level one, or
    one indented under its section (dates.calendar). Its article_sets: points back at
    the bundled templates/articles.yaml (the copy's own folder has none)."""
    text = HOUSE.read_text(encoding="utf-8")
    *section, name = key.split(".")
    indent = "  " * len(section)
    start = re.search(rf"^{section[0]}:", text, re.M).end() if section else 0     # within its section
    end = re.search(r"^\S", text[start:], re.M) if section else None
    end = start + end.start() if end else len(text)
    part, count = re.subn(rf"^{indent}{name}: \S+", f"{indent}{name}: {value}", text[start:end], flags=re.M)
    assert count == 1, key
    changed = text[:start] + part + text[end:]
    changed, count = re.subn(r"^article_sets: \S+", f"article_sets: {HOUSE.parent / 'articles.yaml'}", changed,
                             flags=re.M)
    assert count == 1
    path = folder / f"{key}-{value}.yaml"
    path.write_text(changed, encoding="utf-8")
    return path


def docx_text(path: Path) -> str:
    """The DOCX's text as Word shows it: with the numbers its numbering prints
    (第１条, ２, （１）, ア come from numbering.xml, in the house digit style)."""
    from test_agreement import docx_texts
    return no_space("".join(docx_texts(path)))


def build(tmp_path: Path, spec: Path, style: Path | None, *args) -> Path:
    out = tmp_path / ("out-" + (style.stem if style else "default"))
    result = run_generate(spec, "-o", out, *(["--style", style] if style else []), *args)
    assert result.returncode == 0, result.stderr
    return out / spec.stem


def texts(folder: Path, kind: str) -> dict[str, str]:
    return {"pdf": no_space(pdf_text(folder / f"{kind}.pdf")),
            "docx": docx_text(folder / f"{kind}.docx")}


# What the seed's notice and agreement print, per style. The first strings differ
# between every pair of styles; "absent" are the other styles' forms.
SEED = {
    "mixed": {
        "press-notice": ["令和６年（2024年）２月16日（金）", "令和６年（2024年）２月27日（火）11時00分～",
                         "令和６年２月21日（水）17時まで", "１日時", "２場所", "４次第"],
        "agreement": ["第１条（目的）", "第７条（協議）", "（１）農林水産業の振興に関する事項",
                      "本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。", "令和６年２月27日",
                      "令和７年３月31日までとする。", "１か月前までに", "１年間延長する"],
    },
    "full": {
        "press-notice": ["令和６年（２０２４年）２月１６日（金）", "令和６年（２０２４年）２月２７日（火）１１時００分～",
                         "令和６年２月２１日（水）１７時まで", "１日時", "２場所", "４次第"],
        "agreement": ["第１条（目的）", "第７条（協議）", "（１）農林水産業の振興に関する事項",
                      "本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。", "令和６年２月２７日",
                      "令和７年３月３１日までとする。", "１か月前までに", "１年間延長する"],
    },
    "half": {
        "press-notice": ["令和6年（2024年）2月16日（金）", "令和6年（2024年）2月27日（火）11時00分～",
                         "令和6年2月21日（水）17時まで", "1日時", "2場所", "4次第"],
        "agreement": ["第1条（目的）", "第7条（協議）", "（1）農林水産業の振興に関する事項",
                      "本書2通を作成し、甲乙記名押印の上、各自その1通を保有する。", "令和6年2月27日",
                      "令和7年3月31日までとする。", "1か月前までに", "1年間延長する"],
    },
}
ABSENT = {
    "mixed": ["（２０２４年）", "令和6年", "第1条", "２月１６日", "２月２７日"],
    "full": ["（2024年）", "２月16日", "２月27日", "11時00分", "17時", "令和６年２月27日", "３月31日", "令和6年"],
    "half": ["令和６年", "第１条", "本書２通", "２月", "（１）", "１日時", "１か月"],
}


@needs_poppler
@pytest.mark.parametrize("digits", ["mixed", "full", "half"])
def test_the_seed_follows_the_digit_style_in_pdf_and_docx(tmp_path, digits):
    style = None if digits == "mixed" else house_style(tmp_path, "digits", digits)
    folder = build(tmp_path, SEED_SPEC, style, "--kinds", "press-notice,agreement")
    for kind, expected in SEED[digits].items():
        for fmt, text in texts(folder, kind).items():
            for must in expected:
                assert must in text, f"{kind}.{fmt} ({digits}): {must}"
            for never in ABSENT[digits]:
                assert never not in text, f"{kind}.{fmt} ({digits}) has {never}"


@needs_poppler
@pytest.mark.parametrize("digits, article, copies, date", [
    ("mixed", "第10条", "本書10通", "令和６年２月27日"),
    ("full", "第１０条", "本書１０通", "令和６年２月２７日"),
    ("half", "第10条", "本書10通", "令和6年2月27日"),
])
def test_article_numbers_and_copies_of_ten_follow_the_digit_style(tmp_path, digits, article, copies, date):
    """Two-digit article numbers and 本書１０通: the only place full and mixed differ."""
    style = None if digits == "mixed" else house_style(tmp_path, "digits", digits)
    spec = write_spec(tmp_path, f"ten-{digits}", parties=10, count=12)
    folder = build(tmp_path, spec, style, "--kinds", "agreement")
    last = {"mixed": "第12条（協議）", "full": "第１２条（協議）", "half": "第12条（協議）"}[digits]
    for fmt, text in texts(folder, "agreement").items():
        assert article in text and last in text, f"{fmt}: {article}, {last}"
        assert f"{copies}を作成し" in text, fmt
        assert date in text, fmt
        other = {"mixed": "第１０条", "full": "第10条", "half": "第１０条"}[digits]
        assert other not in text, fmt


@needs_poppler
def test_calendar_era_drops_the_western_year(tmp_path):
    # what western_year: false did before the merge: dates.calendar: era
    style = house_style(tmp_path, "dates.calendar", "era")
    folder = build(tmp_path, SEED_SPEC, style, "--kinds", "press-notice,agreement")
    for fmt, text in texts(folder, "press-notice").items():
        assert "令和６年２月16日（金）" in text, fmt
        assert "令和６年２月27日（火）11時00分～" in text, fmt
        assert "年）" not in text and "2024" not in text, fmt
    for fmt, text in texts(folder, "agreement").items():
        assert "令和６年２月27日" in text and "2024" not in text, fmt


def test_an_old_western_year_key_is_refused_as_moved(tmp_path):
    style = tmp_path / "old.yaml"
    style.write_text("digits: mixed\nwestern_year: false\n", encoding="utf-8")
    result = run_generate(SEED_SPEC, "-o", tmp_path / "out", "--style", style, "--kinds", "agreement")
    assert result.returncode != 0
    assert (f"{style}:2: western_year: western_year has moved: write dates: {{calendar: era}}"
            " (era_western: 令和６年（2024年）; era: 令和６年; western: 2024年)") in result.stderr
