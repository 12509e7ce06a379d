"""A year's book stays that year's (annual/as_of.py): rebuilt later, the book of
令和６年度 listed in its 改定日 an amendment of 令和７年度, so the book an office kept
for the year changed with later events. Now it shows what stood at the year's end, the
later amendments and related documents named in notes; `--as-of DATE` makes the book of
a stated day (real lists: 篠山市の防災協定（平成26年５月８日現在）), printed where lists
print it, and only then. Every file read back, through the real command line."""
from __future__ import annotations

import datetime as dt

import docx
import pytest

from conftest import no_space, pdf_text
from test_annual_lists import annual, read_csv, signed, strict_parse, style_file, write

IN_YEAR, LATER = "2025-02-03", "2025-06-01"
COLUMNS = ("annual:\n  columns:\n    - {data: number}\n    - {data: signing_date}\n    - {data: title}\n"
           "    - {data: amendments}\n    - {data: related}\n")


def spec_with_later_events(folder, **changes):
    """Signed in 令和６年度, amended in it and after it, a 覚書 under it after it too."""
    data = signed("2024-05-24", amendments=[{"date": LATER, "note": "第５条"}, {"date": IN_YEAR, "note": "第３条"}],
                  related=[{"title": "インターンシップに関する覚書", "date": "2025-05-01"}], **changes)
    data["agreement"].pop("areas")                      # a plain sheet, which lists its 改定日 too
    data["press_notice"]["attachments"] = []
    return write(folder, data, "a")


def line_of(spec, text: str) -> int:
    return next(n for n, line in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def book_texts(out, fy: int = 2024) -> dict[str, str]:
    stem = out / f"annual-{fy}"
    document = docx.Document(str(stem.with_suffix(".docx")))
    return {"pdf": no_space(pdf_text(stem.with_suffix(".pdf"))),
            "docx": no_space("".join(p.text for p in document.paragraphs)
                             + "".join(c.text for t in document.tables for r in t.rows for c in r.cells)),
            "csv": stem.with_suffix(".csv").read_text(encoding="utf-8-sig"),
            "html": stem.with_suffix(".html").read_text(encoding="utf-8")}


def test_the_book_of_a_year_leaves_out_what_came_after_it_and_says_so(tmp_path):
    spec = spec_with_later_events(tmp_path / "specs")
    style = style_file(tmp_path, COLUMNS)
    result, out = annual([spec], 2024, tmp_path / "out", "--style", style, "--format", "pdf,docx,csv,html")
    assert result.returncode == 0, result.stderr
    heads, rows, table = read_csv(out / "annual-2024.csv")
    assert rows[0][heads.index("改定日")] == "令和７年２月３日（第３条）"
    assert table[1][table[0].index("改定日（ISO）")] == IN_YEAR
    assert rows[0][heads.index("関連文書")] == "－"
    texts = book_texts(out)
    for name, text in texts.items():
        assert "令和７年２月３日" in text, name                     # the amendment of the year
        assert "令和７年６月１日" not in text and "2025-06-01" not in text, name
        assert "インターンシップ" not in text and "令和７年５月１日" not in text, name
        assert "現在" not in text, name          # no day stated: none printed
    sheet = texts["pdf"].split("の概要")[-1]
    assert "改定日令和７年２月３日（第３条）相手方" in sheet
    # each left out, named at its line, with the option that lists it
    later = line_of(spec, LATER)
    assert (f"note: {spec}:{later}: agreement.amendments[0].date: amended on {LATER}, after the end of 令和６年度"
            f" (2025-03-31): the book of the year lists the agreement as it stood then and leaves the amendment out;"
            f" --as-of {LATER} lists it") in result.stdout
    assert (f"note: {spec}:{line_of(spec, '2025-05-01')}: agreement.related[0].date: インターンシップに関する覚書 is"
            " dated 2025-05-01, after the end of 令和６年度 (2025-03-31): the book of the year leaves it out;"
            " --as-of 2025-05-01 lists it") in result.stdout


def test_a_book_as_of_a_day_lists_what_stood_then_and_prints_the_day(tmp_path):
    spec = spec_with_later_events(tmp_path / "specs")
    style = style_file(tmp_path, COLUMNS)
    result, out = annual([spec], 2024, tmp_path / "out", "--style", style, "--format", "pdf,docx,csv,html",
                         "--as-of", "2025-06-30")
    assert result.returncode == 0, result.stderr
    assert "after the end of" not in result.stdout and "left out" not in result.stdout
    heads, rows, _ = read_csv(out / "annual-2024.csv")
    assert rows[0][heads.index("改定日")] == "令和７年６月１日（第５条）\n令和７年２月３日（第３条）"
    assert rows[0][heads.index("関連文書")] == "インターンシップに関する覚書（令和７年５月１日）"
    texts = book_texts(out)
    # on the cover and above the table (PDF, DOCX), in the web table's caption and above it;
    # a line of the book's head in brackets, as every list read that heads itself with its
    # day sets it (tests/data/real/README.md, h198): the cover's too, and the web's
    assert texts["pdf"].count("（令和７年６月30日現在）") == 2 and texts["pdf"].count("現在") == 2
    assert texts["docx"].count("（令和７年６月30日現在）") == 2 and texts["docx"].count("現在") == 2
    root = strict_parse(texts["html"].encode("utf-8"))
    assert root.find(".//caption").text.endswith("１件、令和７年６月30日現在）")
    assert root.find(".//p[@class='jpdocs-annual-as-of']").text == "（令和７年６月30日現在）"
    assert "現在" not in texts["csv"]           # the CSV holds the rows alone


def test_a_book_as_of_a_day_in_the_year_lists_the_agreements_signed_by_then(tmp_path):
    early = write(tmp_path / "specs", signed("2024-05-24"), "early")
    late = write(tmp_path / "specs", signed("2024-11-05", title="防災に関する連携協定"), "late")
    result, out = annual([early, late], 2024, tmp_path / "out", "--format", "pdf,csv", "--as-of", "2024-10-01")
    assert result.returncode == 0, result.stderr
    _, rows, _ = read_csv(out / "annual-2024.csv")
    assert [r[0] for r in rows] == ["1"] and len(rows) == 1
    text = no_space(pdf_text(out / "annual-2024.pdf"))
    assert "締結件数１件（令和６年10月１日現在）" in text and "防災に関する連携協定" not in text
    assert (f"note: {late}:{line_of(late, 'signing_date:')}: agreement.signing_date: signed on 2024-11-05, after the"
            " day the book is as of (2024-10-01, --as-of): the book leaves 防災に関する連携協定 out") in result.stdout
    # a day before any of them: nothing to list, said, the note still naming why
    result, none = annual([late], 2024, tmp_path / "none", "--as-of", "2024-10-01")
    assert result.returncode == 1 and "no agreement of 令和６年度" in result.stderr
    assert "the book leaves 防災に関する連携協定 out" in result.stdout and not none.exists()


@pytest.mark.parametrize("day, message", [
    ("2024-03-31", "2024-03-31 is before 令和６年度 began (2024-04-01): the book of the year cannot be as of that day"),
    ("2024-02-30", "2024-02-30 is not a date: write the day the book is as of as YYYY-MM-DD, e.g. 2025-03-31"),
    ("tomorrow", None)])
def test_a_day_the_book_cannot_be_as_of_is_an_error_at_the_option(tmp_path, day, message):
    if message is None:                         # a day not yet come: the book cannot say what stands on it
        day = (dt.date.today() + dt.timedelta(days=1)).isoformat()
        message = f"{day} is still to come (today is {dt.date.today().isoformat()}): the book cannot say"
    spec = write(tmp_path / "specs", signed("2024-05-24"), "a")
    result, out = annual([spec], 2024, tmp_path / "out", "--as-of", day)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: --as-of: {message}"), result.stderr
    assert not out.exists()


def test_a_kept_amendment_after_one_left_out_is_still_named_at_its_own_line(tmp_path):
    """The book's view of the spec drops the later amendment; a fault in one it prints is
    named at that one's line and key, not at the place the dropped one held."""
    spec = spec_with_later_events(tmp_path / "specs")
    text = spec.read_text(encoding="utf-8").replace("第３条", "𠮷第３条")
    spec.write_text(text, encoding="utf-8")
    style = style_file(tmp_path, COLUMNS)
    result, _ = annual([spec], 2024, tmp_path / "out", "--style", style, "--format", "csv")
    assert result.returncode == 1, result.stdout
    assert f"error: {spec}:{line_of(spec, '𠮷')}: agreement.amendments[1].note: no font has this character" \
           in result.stderr, result.stderr


def test_a_book_as_of_a_day_after_the_year_names_what_came_later_still(tmp_path):
    spec = spec_with_later_events(tmp_path / "specs")
    style = style_file(tmp_path, COLUMNS)
    result, out = annual([spec], 2024, tmp_path / "out", "--style", style, "--format", "csv", "--as-of", "2025-04-30")
    assert result.returncode == 0, result.stderr
    heads, rows, _ = read_csv(out / "annual-2024.csv")
    assert rows[0][heads.index("改定日")] == "令和７年２月３日（第３条）" and rows[0][heads.index("関連文書")] == "－"
    assert (f"note: {spec}:{line_of(spec, LATER)}: agreement.amendments[0].date: amended on {LATER}, after the day"
            " the book is as of (2025-04-30, --as-of): left out of the book") in result.stdout
    assert (f"note: {spec}:{line_of(spec, '2025-05-01')}: agreement.related[0].date: インターンシップに関する覚書 is"
            " dated 2025-05-01, after the day the book is as of (2025-04-30, --as-of): left out of the book"
            ) in result.stdout
