"""A date the spec's own text writes with its year is a true one (jpdocs/dates_in_text.py,
checked by spec/text_checks.py): a weekday written after it that is not the day's
(令和６年２月27日（月）: the 27th of February 2024 is a Tuesday), a year in brackets that
is another year (令和６年（2023年）), a day the calendar does not have (２月30日). The
product cannot know which part is wrong, and would print it under the office's name:
the spec is refused at the value's line and key, nothing written. The forms real texts
write are accepted: a weekday written out without brackets (平成28年１月19日火曜日, as
中津市's page), an era year past its era's end (平成32年３月31日, written before it ended),
the other calendar in brackets, a date without its year (not checked: any year's)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import SEED_SPEC, run_generate
from jpdocs.dates_in_text import untrue_dates, yearless_weekdays

SENTENCE = "つきましては、本協定の締結式を次のとおり執り行います。"


def _seed_saying(tmp_path: Path, sentence: str, where: str = "opening") -> Path:
    """The seed spec with its notice's second opening paragraph (or an article of the
    agreement's) saying `sentence`, its house style named where it is."""
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    if where == "opening":
        assert data["press_notice"]["opening"][1] == SENTENCE
        data["press_notice"]["opening"][1] = sentence
    else:
        data["agreement"]["document"]["extra_articles"] = [{"heading": "期日", "text": [sentence]}]
    if data.get("style"):
        data["style"] = str(SEED_SPEC.parent / data["style"])
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return spec


def _line_of(spec: Path, text: str) -> int:
    return next(i for i, line in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def _assert_refused_at(tmp_path: Path, sentence: str, key: str, message: str, where: str = "opening") -> None:
    """The seed saying `sentence` is refused with `message` at the sentence's line and `key`:
    exit status 1, no traceback, no PDF written."""
    spec = _seed_saying(tmp_path, sentence, where)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert f"{spec}:{_line_of(spec, sentence)}: {key}: {message}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


@pytest.mark.parametrize("where, sentence, key, message", [
    ("opening", "令和６年２月27日（月）に締結式を行います。", "press_notice.opening[1]",
     "令和６年２月27日（月）: 2024-02-27 is a 火曜日, not a 月曜日; correct the date or the weekday"),
    ("opening", "平成28年１月19日水曜日、市役所で締結しました。", "press_notice.opening[1]",
     "平成28年１月19日水曜日: 2016-01-19 is a 火曜日, not a 水曜日"),
    ("opening", "令和６年（2023年）２月27日に締結します。", "press_notice.opening[1]",
     "令和６年（2023年）２月27日 gives two years, 2024 and in brackets 2023"),
    ("article", "甲及び乙は、2024年２月30日までに協議する。", "agreement.document.extra_articles[0].text[0]",
     "2024年２月30日 is no day of the calendar (2024-02-30)"),
])
def test_an_untrue_date_is_refused_at_its_line(tmp_path, where, sentence, key, message):
    _assert_refused_at(tmp_path, sentence, key, message, where)


def test_the_forms_real_texts_write_are_built(tmp_path):
    sentence = ("平成28年１月19日火曜日に協議し、令和元年（2019年）５月１日(水)に定め、平成32年３月31日（火）まで"
                "とした２月30日（月）の案を改めます。")
    spec = _seed_saying(tmp_path, sentence)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("text, found", [
    ("令和６年２月27日（火）", 0), ("令和６年２月27日(火曜)", 0), ("令和６年２月27日（火曜日）", 0),
    ("令和６年２月27日（水曜日）", 1), ("2024年２月27日（水）", 1), ("二〇二四年二月二十七日（水）", 1),
    ("令和６年２月27日　（水）", 1),                  # a space before the brackets is the same weekday
    ("令和６年２月27日、水曜日の会議", 0),            # a weekday elsewhere in the sentence is not the date's
    ("2024年（令和６年）２月27日", 0), ("令和元年（2020年）５月１日", 1), ("2023年２月29日", 1),
    ("２月27日（水）", 0),                            # no year: any year's
])
def test_what_is_read_as_an_untrue_date(text, found):
    assert len(untrue_dates(text)) == found, untrue_dates(text)


def test_an_era_date_before_its_era_began_is_warned_of_and_printed(tmp_path):
    """令和元年４月26日 is no day of 令和, which began on 2019-05-01: the day is 平成31年４月26日
    (a release of the boundary, mofa-asean-2019, dates 令和元年５月13日). The spec's own text is
    printed as written (offices dated the weeks before in the new era after it began, in
    tables of figures), and the build says which day it is, as an issue_date written so is
    refused (spec/values.py); an era year past its era's end (平成31年５月７日, written before
    it ended) is counted on, and the era's first day is its own."""
    sentence = "令和元年４月26日（金）の協議を経て、平成31年５月７日（火）に、令和元年５月１日（水）からの協定を締結します。"
    spec = _seed_saying(tmp_path, sentence)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "era began" in line or "era ended" in line]
    assert warned == [f"warning: {spec}:{_line_of(spec, sentence)}: press_notice.opening[1]: 令和元年４月26日 is before"
                      " the 令和 era began (2019-05-01); that day is 平成31年4月26日"], result.stderr
    assert any((tmp_path / "out").rglob("*.pdf"))


# ------------------------------------------------------------ a date without its year
# ２月27日（火） means the 27th of February near the day the spec is written around (the
# notice's date of issue, 2024-02-16 in the seed; else its ceremony's; else the signing
# date): in 2023 a Monday, in 2024 a Tuesday, in 2025 a Thursday.
def test_a_weekday_no_near_year_has_is_refused(tmp_path):
    sentence = "つきましては、２月27日（水）に締結式を執り行います。"
    spec = _seed_saying(tmp_path, sentence)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert (f"{spec}:{_line_of(spec, sentence)}: press_notice.opening[1]: ２月27日（水）: no 2月27日 of 2023 to"
            " 2025 (around press_notice.issue_date, 2024-02-16) is a 水曜日") in result.stderr, result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


def test_a_weekday_of_another_near_year_is_warned_of_and_printed(tmp_path):
    sentence = "昨年２月27日（月）の懇談会を経て、締結式を執り行います。"
    spec = _seed_saying(tmp_path, sentence)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert (f"{spec}:{_line_of(spec, sentence)}: press_notice.opening[1]: ２月27日（月）: the 2月27日 nearest"
            " press_notice.issue_date (2024-02-16) is 2024-02-27, not a 月曜日 (that of 2023 is)") in result.stderr


def test_an_agreement_alone_is_read_around_its_signing_date(tmp_path):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    del data["press_notice"]
    data["style"] = str(SEED_SPEC.parent / data["style"]) if data.get("style") else None
    data["agreement"]["document"]["extra_articles"] = [{"heading": "期日", "text": ["甲及び乙は、３月１日（木）までに協議する。"]}]
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump({k: v for k, v in data.items() if v is not None}, allow_unicode=True,
                                   sort_keys=False), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout          # 2023: Wednesday, 2024: Friday, 2025: Saturday
    assert ("３月１日（木）: no 3月1日 of 2023 to 2025 (around agreement.signing_date, 2024-02-27) is a 木曜日"
            in result.stderr), result.stderr


# ------------------------------------------------------------ a date in figures
# Notices write dates in figures too: 2024/2/27（火）, 2024.2.27(火), R6.2.27（火）,
# 令和6.2.27（火）, H31.4.30, and 2/27（火） without the year. The era's last and first days:
# 平成31年4月30日 was a Tuesday, 令和元年5月1日 a Wednesday.
@pytest.mark.parametrize("text, found", [
    ("2024/2/27（火）", 0), ("2024/2/27（水）", 1), ("2024.2.27(火)", 0), ("2024.2.27(月)", 1),
    ("R6.2.27（火）", 0), ("R6.2.27（木）", 1), ("令和6.2.27（火）", 0), ("令和６．２．２７（金）", 1),
    ("２０２４／２／２７（水）", 1), ("2024/02/27（火曜日）", 0), ("2024/2/27 (水)", 1),
    ("H31.4.30（火）", 0), ("H31.4.30（水）", 1), ("平成31年4月30日（火）", 0), ("平成31年4月30日（水）", 1),
    ("R1.5.1（水）", 0), ("R1.5.1（火）", 1), ("令和元.5.1（水）", 0), ("令和元年5月1日（水）", 0),
    ("令和元年5月1日（火）", 1), ("H31.4.30", 0), ("H31.4.31", 1), ("2024/2/30", 1),
    ("2/27（水）", 0),                              # no year: read around the spec's day (below)
    # no dates: times, phone numbers, versions, a western year with dots and no weekday, mixed separators
    ("10:00～12:00（火）", 0), ("電話 03-1234-5678（月）", 0), ("06.6267.9683（月）", 0), ("ver2.1.3（火）", 0),
    ("v1.2.3 (水)", 0), ("2024.2.30", 0), ("2024/2.27（水）", 0), ("https://example.jp/2024/2/27（水）", 0),
])
def test_what_is_read_as_an_untrue_date_in_figures(text, found):
    assert len(untrue_dates(text)) == found, untrue_dates(text)


@pytest.mark.parametrize("text, read", [
    ("2/27（火）に", [("2/27（火）", 2, 27, "火", "")]), ("12/1(日)", [("12/1(日)", 12, 1, "日", "")]),
    ("2/27", []), ("2.27（火）", []), ("1/2 の量", []), ("2024/2/27（水）", []),
])
def test_what_is_read_as_a_date_in_figures_without_its_year(text, read):
    assert yearless_weekdays(text) == read


@pytest.mark.parametrize("sentence, written, message", [
    ("締結式は2024/2/27（水）に執り行います。", "2024/2/27（水）", "2024-02-27 is a 火曜日, not a 水曜日"),
    ("締結式はR6.2.27（月）に執り行います。", "R6.2.27（月）", "2024-02-27 is a 火曜日, not a 月曜日"),
    ("締結式は令和6.2.27（木）に執り行います。", "令和6.2.27（木）", "2024-02-27 is a 火曜日, not a 木曜日"),
    ("平成の最後の日、H31.4.30（水）に合意しました。", "H31.4.30（水）", "2019-04-30 is a 火曜日, not a 水曜日"),
    ("令和の最初の日、2019.5.1(火)に合意しました。", "2019.5.1(火)", "2019-05-01 is a 水曜日, not a 火曜日"),
    ("つきましては、2/27（水）に締結式を執り行います。", "2/27（水）",
     "no 2月27日 of 2023 to 2025 (around press_notice.issue_date, 2024-02-16) is a 水曜日"),
])
def test_a_wrong_weekday_beside_a_date_in_figures_is_refused_at_its_line(tmp_path, sentence, written, message):
    spec = _seed_saying(tmp_path, sentence)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert f"{spec}:{_line_of(spec, sentence)}: press_notice.opening[1]: {written}: {message}" in result.stderr, \
        result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


def test_right_weekdays_in_figures_and_what_is_no_date_are_built(tmp_path):
    sentence = ("2024/2/27（火）10:00から、R6.2.27（火）、令和6.2.27（火）、2024.2.27(火)、2/27（火）の順に"
                "H31.4.30（火）とR1.5.1（水）の記録を、電話03-1234-5678（月～金）で受け付けます。")
    spec = _seed_saying(tmp_path, sentence)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert "2/27" not in result.stderr, result.stderr
