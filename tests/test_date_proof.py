"""The proof-reader of dates: every date the notice, the agreement (PDF and DOCX) and the
annual book print, at the days where eras change and fiscal years turn, read back and held
to an independent reckoning written here (its own era table, its own digit widths, the
weekday from the day's ordinal), not to jpdocs.japanese.

The spec is the bundled real case (北海道オホーツク総合振興局 and 北見工業大学, 2024; conftest's
SEED_SPEC, which has all of a notice's dates: issue, ceremony with its hour, a 取材申込 deadline,
and an agreement with its term), its dates moved to each boundary, built under tmp_path.
"""
from __future__ import annotations

import csv
import datetime as dt

import pytest

from conftest import SEED_SPEC, no_space, pdf_text, run_generate
from docx_reading import docx_text

# The first day of each era, as the 詔書 and 元号法's 政令 fixed them (Gregorian).
ERA_STARTS = [(dt.date(2019, 5, 1), "令和"), (dt.date(1989, 1, 8), "平成"),
              (dt.date(1926, 12, 25), "昭和"), (dt.date(1912, 7, 30), "大正")]
# 1970-01-05 was a Monday: the weekday counted from it, not taken from the product
_MONDAY = dt.date(1970, 1, 5)
_KANJI_WEEK = "月火水木金土日"
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _n(number: int) -> str:
    """The house's mixed digits: one digit full-width, two or more half-width."""
    text = str(number)
    return text.translate(_FULL) if len(text) == 1 else text


def _era_year(day: dt.date) -> str:
    for first, name in ERA_STARTS:
        if day >= first:
            year = day.year - first.year + 1
            return f"{name}{'元' if year == 1 else _n(year)}年"
    return f"明治{_n(day.year - 1867)}年"


def _weekday(day: dt.date) -> str:
    return _KANJI_WEEK[(day.toordinal() - _MONDAY.toordinal()) % 7]


def _long(day: dt.date, western: bool = True, weekday: bool = True) -> str:
    text = _era_year(day) + (f"（{day.year}年）" if western else "") + f"{_n(day.month)}月{_n(day.day)}日"
    return text + (f"（{_weekday(day)}）" if weekday else "")


def _spec(tmp_path, pairs, style: str | None = None):
    text = SEED_SPEC.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    if style is not None:
        (tmp_path / "house.yaml").write_text(style, encoding="utf-8")
        text = "style: house.yaml\n" + text
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    return spec


def _moved(day: dt.date, issue: dt.date, deadline: dt.date, end: dt.date):
    return [("signing_date: 2024-02-27", f"signing_date: {day}"), ("    date: 2024-02-27", f"    date: {day}"),
            ("issue_date: 2024-02-16", f"issue_date: {issue}"),
            ("deadline: 2024-02-21T17:00", f"deadline: {deadline}T17:00"), ("end: 2025-03-31", f"end: {end}")]


def _build(tmp_path, spec):
    run = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx")
    assert run.returncode == 0, run.stderr
    built = tmp_path / "out" / spec.stem
    return {name: (no_space(pdf_text(built / f"{name}.pdf")), no_space(docx_text(built / f"{name}.docx")))
            for name in ("press-notice", "agreement")}, run.stdout + run.stderr


# the last and first days of 明治/大正, 大正/昭和, 昭和/平成, 平成/令和, and a leap day
BOUNDARIES = [dt.date(1912, 7, 29), dt.date(1912, 7, 30), dt.date(1926, 12, 24), dt.date(1926, 12, 25),
              dt.date(1989, 1, 7), dt.date(1989, 1, 8), dt.date(2019, 4, 30), dt.date(2019, 5, 1),
              dt.date(2020, 2, 29)]


@pytest.mark.parametrize("day", BOUNDARIES, ids=str)
def test_every_date_at_an_era_boundary_is_the_specs_in_its_era_with_its_weekday(tmp_path, day):
    # the issue three days before, the deadline the day before (often in the era before),
    # the term's end a year on: a leap day's year on is 2月28日, given so in the spec
    issue, deadline = day - dt.timedelta(days=3), day - dt.timedelta(days=1)
    end = day.replace(year=day.year + 1, day=28 if (day.month, day.day) == (2, 29) else day.day)
    texts, _ = _build(tmp_path, _spec(tmp_path, _moved(day, issue, deadline, end)))
    wanted = {"press-notice": [_long(issue) + "配布", _long(day) + "11時00分",
                               _long(deadline, western=False) + "17時までに"],
              "agreement": [f"締結の日から{_long(end, western=False, weekday=False)}までとする",
                            "保有する。" + _long(day, western=False, weekday=False)]}
    for name, fragments in wanted.items():
        for fragment in fragments:
            for form, text in zip(("PDF", "DOCX"), texts[name]):
                assert fragment in text, (name, form, fragment)
    # and no date of an era that had not begun, or had ended, on its day: 昭和64年 is only
    # 1月1日-7日, 平成31年 only to 4月30日, 明治45年 only to 7月29日, 大正15年 only to 12月24日
    for text in (t for pair in texts.values() for t in pair):
        for wrong in ("昭和64年１月８日", "平成31年５月", "明治45年７月30日", "大正15年12月25日", "令和元年４月"):
            assert wrong not in text


def test_a_ceremony_without_its_year_only_in_the_issue_dates_era_year(tmp_path, capsys):
    """dates.event_year: false leaves the ceremony's year to the date of issue. Under
    平成31年４月26日, ５月１日（水） would be read as 平成31年５月１日, which is 令和元年's: the
    year is printed (and the build says why); the deadline, 平成31年４月30日, is of the issue
    date's era year and stays without it. Before, only the Western years were compared."""
    day, issue, deadline = dt.date(2019, 5, 1), dt.date(2019, 4, 26), dt.date(2019, 4, 30)
    spec = _spec(tmp_path, _moved(day, issue, deadline, dt.date(2020, 3, 31)),
                 style="dates:\n  calendar: era\n  event_year: false\n")
    texts, said = _build(tmp_path, spec)
    for text in texts["press-notice"]:
        assert _long(issue, western=False) + "配布" in text
        assert "日時" + _long(day, western=False) + "11時00分" in text
        assert "は、４月30日（火）17時までに" in text
    assert "in another era's year (令和元年) than the issue date (平成31年): the year is printed" in said


def test_the_ceremony_in_the_issue_dates_era_year_still_leaves_its_year_out(tmp_path):
    """The other side: 昭和64年１月５日 issuing a ceremony of 昭和64年１月７日 leaves it out."""
    day, issue = dt.date(1989, 1, 7), dt.date(1989, 1, 5)
    spec = _spec(tmp_path, _moved(day, issue, dt.date(1989, 1, 6), dt.date(1990, 3, 31)),
                 style="dates:\n  calendar: era\n  event_year: false\n")
    texts, said = _build(tmp_path, spec)
    for text in texts["press-notice"]:
        assert "日時１月７日（土）11時00分" in text
    assert "the year is printed" not in said


def test_the_annual_book_of_fy2019_takes_april_1_to_march_31_and_writes_each_era(tmp_path):
    """令和元年度 (the national budget's name for FY2019 throughout, 改元に伴う元号による年表示の
    取扱いについて, 2018), its rows from 平成31年４月１日 to 令和２年３月31日 in signing order:
    not 3月31日 before it nor 4月1日 after it."""
    days = [dt.date(2020, 4, 1), dt.date(2019, 5, 1), dt.date(2019, 3, 31), dt.date(2020, 3, 31),
            dt.date(2019, 4, 30), dt.date(2020, 2, 29), dt.date(2019, 4, 1)]
    folder = tmp_path / "specs"
    folder.mkdir()
    for i, day in enumerate(days):
        one = _spec(tmp_path, _moved(day, day - dt.timedelta(days=3), day - dt.timedelta(days=1),
                                     dt.date(2021, 3, 31)))
        one.rename(folder / f"k{i}.yaml")
    run = run_generate("annual", "--fiscal-year", "2019", folder, "-o", tmp_path / "out", "--format", "pdf,csv")
    assert run.returncode == 0, run.stderr
    with open(tmp_path / "out" / "annual-2019.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    inside = sorted(d for d in days if dt.date(2019, 4, 1) <= d <= dt.date(2020, 3, 31))
    assert [r["締結日（ISO）"] for r in rows] == [d.isoformat() for d in inside]
    assert [r["締結日"] for r in rows] == [_long(d, western=False, weekday=False) for d in inside]
    assert [r["有効期間"] for r in rows] == [f"{_long(d, False, False)}～令和３年３月31日（自動更新）" for d in inside]
    book = no_space(pdf_text(tmp_path / "out" / "annual-2019.pdf"))
    assert book.startswith("令和元年度連携協定締結状況（平成31年４月１日～令和２年３月31日締結分）"), book[:80]
    assert "平成31年度" not in book and "令和元年４月" not in book and "平成31年５月" not in book
    # the year's name is chosen for the user (named by its 31 December): the build says so,
    # and says it of no year whose era did not change
    assert ("note: --fiscal-year: the book is titled 令和元年度: the fiscal year began in 平成31年 and ended in"
            " 令和２年, and is named by the era of its 31 December") in run.stdout, run.stdout
    plain = run_generate("annual", "--fiscal-year", "2020", folder, "-o", tmp_path / "out-2020", "--format", "csv")
    assert plain.returncode == 0 and "the book is titled" not in plain.stdout, plain.stdout
