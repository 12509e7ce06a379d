"""A date a page gives only in part: a related document's date (agreement.related[].date)
or an amended original's (agreement.amends.signing_date) known by its year and month
(平成27年3月, 2015-03) or its year alone (平成9年, 1997年). It prints as given, in the house's
calendar and digits, never padded to a day: the annual book's columns, its plain sheet,
CSV (ISO 8601's reduced precision: 2015-03, 1997), HTML and DOCX, and a generated
preamble naming the 原協定. A year or a month in which an era changed (1989, 2019,
1989-01) is written in an era only as the spec gives it (平成31年): given in the western
calendar, a house that writes eras refuses it at its key. Real generator, files read back."""
from __future__ import annotations

import docx
import pytest
import yaml

from conftest import ROOT, no_space, pdf_text, run_generate
from test_annual_amends import docx_cells, real_case
from test_annual_lists import annual, html_rows, read_csv, signed, style_file, write

REAL = ROOT / "tests" / "data" / "real"
COLUMNS = ("annual:\n  columns:\n    - {data: signing_date}\n    - {data: title}\n"
           "    - {data: related}\n    - {data: amends, dates: short}\n")


def test_the_real_renewal_names_its_original_by_the_year_the_page_gives(tmp_path):
    """九州防衛局's 合意文書 renews a 協定 the page dates 平成9年 alone: the book's line under
    the title and the plain sheet's 原協定 say 平成９年, in the PDF, the DOCX, the CSV and the
    HTML, and no month or day of it is printed anywhere."""
    spec = REAL / "mod-kyushu-hijudai-2017.yaml"
    result, out = annual([spec], 2017, tmp_path / "out", "--format", "pdf,docx,csv,html")
    assert result.returncode == 0, result.stderr
    under = "（平成９年締結の日出生台演習場の米軍使用に関する協定の更新）"
    stem = out / "annual-2017"
    heads, rows, _ = read_csv(stem.with_suffix(".csv"))
    title = next(h for h in heads if h.endswith("名"))
    assert rows[0][heads.index(title)] == f"合意文書\n{under}"
    assert f"合意文書\n{under}" in docx_cells(stem.with_suffix(".docx"))
    assert html_rows(stem.with_suffix(".html"))[1][heads.index(title)] == f"合意文書\n{under}"
    text = no_space(pdf_text(stem.with_suffix(".pdf")))
    assert under in text and "原協定日出生台演習場の米軍使用に関する協定（平成９年）" in text
    assert "平成９年１月" not in text and "平成９年（" not in text


@pytest.mark.parametrize("given, long, short, iso", [
    ("2019-04", "平成31年４月", "H31.4", "2019-04"),      # the month before 令和: 平成
    ("2019-05", "令和元年５月", "R1.5", "2019-05"),       # 令和's first month: 元年
    ("平成27年3月", "平成27年３月", "H27.3", "2015-03"),
    ("2015/3", "平成27年３月", "H27.3", "2015-03"),
    ("1997年", "平成９年", "H9", "1997"),
    ("平成31年", "平成31年", "H31", "2019"),              # a year two eras share, given in its era
    ("昭和64年1月", "昭和64年１月", "S64.1", "1989-01"),  # a month two eras share, given in its era
])
def test_a_date_in_part_prints_as_given_in_every_file(tmp_path, given, long, short, iso):
    style = style_file(tmp_path, COLUMNS)
    spec = write(tmp_path / "specs", signed("2024-05-22", related=[{"title": "実施に関する覚書", "date": given}],
                                            amends={"title": "包括連携協定", "signing_date": given}), "a")
    result, out = annual([spec], 2024, tmp_path / "out", "--style", style, "--format", "pdf,docx,csv,html")
    assert result.returncode == 0, result.stderr
    related, original = f"実施に関する覚書（{long}）", f"包括連携協定（{short}）"
    heads, rows, table = read_csv(out / "annual-2024.csv")
    assert rows[0][heads.index("関連文書")] == related and rows[0][heads.index("原協定")] == original
    assert table[1][table[0].index("関連文書（ISO）")] == iso and table[1][table[0].index("原協定（ISO）")] == iso
    assert html_rows(out / "annual-2024.html")[1][2:] == [related, original]
    cells = docx_cells(out / "annual-2024.docx")
    assert related in cells and original in cells
    text = no_space(pdf_text(out / "annual-2024.pdf"))
    assert related in text and original in text


def test_a_western_house_writes_the_year_an_era_changed_in(tmp_path):
    """In the western calendar a year is one year: 1989年, 2019年１月 print as given."""
    style = style_file(tmp_path, "dates:\n  calendar: western\n" + COLUMNS)
    spec = write(tmp_path / "specs", signed("2024-05-22", related=[{"title": "覚書", "date": "2019-01"}],
                                            amends={"title": "包括連携協定", "signing_date": "1989年"}), "a")
    result, out = annual([spec], 2024, tmp_path / "out", "--style", style, "--format", "csv")
    assert result.returncode == 0, result.stderr
    heads, rows, _ = read_csv(out / "annual-2024.csv")
    assert rows[0][heads.index("関連文書")] == "覚書（2019年１月）" and rows[0][heads.index("原協定")] == "包括連携協定（1989）"


@pytest.mark.parametrize("key, given, first, second", [
    ("amends", "1989年", "昭和64年", "平成元年"),
    ("related", "2019", "平成31年", "令和元年"),
    ("related", "1926-12", "大正15年12月", "昭和元年12月"),
])
def test_a_western_year_two_eras_share_is_refused_where_the_house_writes_eras(tmp_path, key, given, first, second):
    """The era of 1989 (昭和64年 to 1月7日, 平成元年 from 8日) cannot be chosen without a day:
    refused at its line and key, nothing written."""
    style = style_file(tmp_path, COLUMNS)
    value = f"{given}年" if given.isdigit() else given
    dated = ({"amends": {"title": "包括連携協定", "signing_date": value}} if key == "amends"
             else {"related": [{"title": "覚書", "date": value}]})
    spec = write(tmp_path / "specs", signed("2024-05-22", **dated), "a")
    result, out = annual([spec], 2024, tmp_path / "out", "--style", style)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = spec.read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(lines, 1) if value in t)
    path = "agreement.amends.signing_date" if key == "amends" else "agreement.related[0].date"
    assert f"error: {spec}:{line}: {path}: {value.removesuffix('年')} lies in two eras ({first} until" in result.stderr
    assert f"write it in the era the page writes ({first} or {second})" in result.stderr, result.stderr
    assert not out.exists()


def test_a_generated_preamble_names_the_original_by_its_month(tmp_path):
    """国税庁 and JIIMA's 追加締結分 without its own preamble, its 原協定 known by its month:
    令和元年７月に締結した…, in the PDF and the DOCX."""
    spec = real_case(tmp_path, "nta-jiima-2021", title="情報提供に関する協定書", signing_date="2019-07")
    text = spec.read_text(encoding="utf-8")
    spec.write_text("\n".join(line for line in text.splitlines() if not line.startswith("    preamble:")) + "\n",
                    encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    says = "は、令和元年７月に締結した情報提供に関する協定書（以下「原協定」という。）に関し、次のとおり協定を締結する。"
    assert says in no_space(pdf_text(tmp_path / "out" / "nta-jiima-2021" / "agreement.pdf"))
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "out" / "nta-jiima-2021" / "agreement.docx")).paragraphs]
    assert any(no_space(p).endswith(says) for p in paragraphs), paragraphs[:5]


@pytest.mark.parametrize("written, message", [
    ("1997", "the number 1997 is no date: write a year alone with its 年 (1997年) or in its era (平成9年)"),
    ("'1997'", "'1997' is no date: write a year alone with its 年 (1997年)"),
    ("2015-13", "2015-13 is not a valid date: there is no month 13"),
    ("平成31年5月", "平成31年5月 is after the 平成 era ended (2019-04-30)"),
    ("令和元年4月", "令和元年4月 is before the 令和 era began (2019-05-01)"),
    ("3月", "'3月' is not a valid date; write it as YYYY-MM-DD (2024-02-27), or its year and month"),
])
def test_what_cannot_be_read_as_a_date_in_part_is_refused_at_its_key(tmp_path, written, message):
    path = tmp_path / "a.yaml"
    data = signed("2024-05-22", amends={"title": "旧協定", "signing_date": "WRITTEN"})
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).replace("WRITTEN", written)
    path.write_text(text, encoding="utf-8")
    result = run_generate("check", path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = text.splitlines().index(f"    signing_date: {written}") + 1
    assert f"error: {path}:{line}: agreement.amends.signing_date: {message}" in result.stderr, result.stderr


def test_a_related_document_whose_year_runs_past_the_book_is_left_out_said(tmp_path):
    """A 覚書 dated 2024年 alone may be of April 2024, after 令和５年度 ended: the book of
    the year cannot say it stood by then, leaves it out and names the --as-of that lists
    it; one of 2023年 is listed (all of it is within the year's days)."""
    style = style_file(tmp_path, COLUMNS)
    spec = write(tmp_path / "specs", signed("2023-05-22", related=[{"title": "前の覚書", "date": "2023年"},
                                                                   {"title": "後の覚書", "date": "2024年"}]), "a")
    result, out = annual([spec], 2023, tmp_path / "out", "--style", style, "--format", "csv")
    assert result.returncode == 0, result.stderr
    heads, rows, _ = read_csv(out / "annual-2023.csv")
    assert rows[0][heads.index("関連文書")] == "前の覚書（令和５年）"
    assert ("後の覚書 is dated 2024 alone, whose last day is after the end of 令和５年度 (2024-03-31): the book of"
            " the year cannot say it stood by then and leaves it out; --as-of 2024-12-31 lists it") in result.stdout


def test_the_form_shows_a_date_in_part_in_the_era_beside_its_box():
    """The app's era beside a date's box (preview.era_labels): a date given in part where the
    key takes one, nothing where it lies in two eras or the key takes whole dates only."""
    from jpdocs.app.preview import era_labels
    shown = era_labels({"agreement.related[0].date": "2015-03", "agreement.amends.signing_date": "1989年",
                        "agreements.a.amends.signing_date": "平成9年", "press_notice.issue_date": "2015-03"})
    assert shown == {"agreement.related[0].date": "平成27年３月", "agreements.a.amends.signing_date": "平成９年"}


@pytest.mark.parametrize("original, warned", [
    ("令和元年7月", None), ("2019年", None), ("2019-06", "2019-06"), ("令和2年", "2020"),
])
def test_the_preamble_dating_the_original_within_its_part_is_no_disagreement(tmp_path, original, warned):
    """国税庁 and JIIMA's 追加締結分 dates its 原協定 令和元年７月１日 in its own preamble: an amends
    given in part that holds that day (令和元年7月, 2019年) agrees with it; one that does not
    (2019-06, 令和2年) is warned at its key, as a whole date of another day is."""
    spec = real_case(tmp_path, "nta-jiima-2021", title="情報提供に関する協定書", signing_date=original)
    result = run_generate("check", spec)
    assert result.returncode == 0, result.stderr
    said = "agreement.amends.signing_date: the agreement document dates 情報提供に関する協定書 令和元年７月１日"
    assert (said in result.stderr) == bool(warned), result.stderr
    if warned:
        assert f"{said}, and agreement.amends says {warned}: the annual book would list another day" in result.stderr


@pytest.mark.parametrize("original, refused", [
    ("2021年", False),         # begins before the signing (2021-03-23): it may be before it
    ("2021-03", False),        # the month of the signing: it may be before the day
    ("2021-04", True),         # all of it after the signing
    ("令和4年", True),
])
def test_an_original_in_part_is_refused_only_where_all_of_it_is_not_before(tmp_path, original, refused):
    """The 原協定 is signed before the agreement amending it: given in part, it is refused only
    where all of its year or month is on or after the signing (no day is chosen for it)."""
    spec = real_case(tmp_path, "nta-jiima-2021", title="情報提供に関する協定書", signing_date=original)
    result = run_generate("check", spec)
    assert result.returncode == (1 if refused else 0), result.stderr
    assert ("the agreement amended was signed on" in result.stderr) == refused, result.stderr
