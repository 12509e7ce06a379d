"""The book's № as the office numbers its list (annual/numbers.py, `agreement.number`).

By default the book numbers its rows in signing order, and an agreement signed in the
year but filed late moved every № after it by one: the numbers an office had published
no longer matched. Real lists keep theirs (篠山市の防災協定 numbers its rows out of
signing order, each new one at the end). Here 国税庁's real list of 令和２年度
(tests/data/annual/nta-r2) is numbered as its office would, then a document of
令和３年２月15日 is filed after the book was published: rebuilt, every other row keeps
its №, in the PDF's table and contents, the CSV, the DOCX and the HTML, all through
the command line."""
from __future__ import annotations

import re
import shutil

import docx
import pytest

from conftest import ROOT, no_space, pdf_text, run_generate
from test_annual_lists import annual, html_rows, read_csv

NTA = ROOT / "tests" / "data" / "annual" / "nta-r2" / "specs"
LATE = "4-moj-youryou"                  # 商業・法人登記情報等の提供運用要領, 令和３年２月15日
# the office's numbers: two documents of one day (令和３年３月23日) numbered against the
# order the files are read in, so that the list's order is its numbers', not the files'
NUMBERS = {"1-isa-kakuninsho": 1, "2-isa-hosoku-1": 2, "3-isa-hosoku-2": 3, "5-moj-kyouryoku": 4,
           "6-jiima-tsuika": 6, "7-jica-oboegaki": 5}
FORMATS = ("--format", "pdf,docx,csv,html")


def numbered(folder, numbers: dict[str, int | None], names=None):
    """nta-r2's specs in `folder`, each of `numbers` given its number (None: none)."""
    folder.mkdir(parents=True, exist_ok=True)
    for src in sorted(NTA.glob("*.yaml")):
        if names is not None and src.stem not in names:
            continue
        text = src.read_text(encoding="utf-8")
        number = numbers.get(src.stem)
        if number is not None:
            text = re.sub(r"^(  signing_date: )", rf"  number: {number}\n\1", text, count=1, flags=re.M)
            assert f"  number: {number}\n" in text, src
        (folder / src.name).write_text(text, encoding="utf-8")
    return folder


def line_of(path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def table_rows(out) -> dict[str, list[tuple[str, str]]]:
    """(№, the title's first ten characters) of each row, read back from each file."""
    stem = out / "annual-2020"
    _, rows, _ = read_csv(stem.with_suffix(".csv"))
    document = docx.Document(str(stem.with_suffix(".docx")))
    table = document.tables[-1]
    html = html_rows(stem.with_suffix(".html"))
    return {"csv": [(r[0], r[2][:10]) for r in rows],
            "docx": [(r.cells[0].text, no_space(r.cells[2].text)[:10]) for r in table.rows[1:]],
            "html": [(r[0], r[2][:10]) for r in html[1:]]}


def test_an_agreement_filed_late_takes_its_own_number_and_the_others_keep_theirs(tmp_path):
    first = numbered(tmp_path / "october", NUMBERS, names=NUMBERS)
    result, out = annual([first], 2020, tmp_path / "out-october", *FORMATS)
    assert result.returncode == 0, result.stderr
    published = table_rows(out)
    expected = [("1", "在留外国人に関する出入"), ("2", "「在留外国人に関する出"), ("3", "「在留外国人に関する出"),
                ("4", "国税の適正・公平な課税"), ("5", "独立行政法人国際協力機"), ("6", "情報提供に関する協定書")]
    expected = [(n, t[:10]) for n, t in expected]
    for name, rows in published.items():
        assert rows == expected, name
    # 令和３年２月15日's document, filed late, given the next number of the office's list
    later = numbered(tmp_path / "march", {**NUMBERS, LATE: 7})
    result, out = annual([later], 2020, tmp_path / "out-march", *FORMATS)
    assert result.returncode == 0, result.stderr
    for name, rows in table_rows(out).items():
        assert rows == expected + [("7", "商業・法人登記情報等")], name
    text = no_space(pdf_text(out / "annual-2020.pdf"))
    # the table's rows (№, 締結日, 協定名) and the contents' entries, in the office's order
    assert "4令和３年３月16日国税の適正" in text and "7令和３年２月15日商業・法人登記" in text
    contents = text[text.index("目次"):text.index("締結状況一覧", text.index("各協定等の概要"))]
    entries = re.findall(r"（([０-９]+)）(..)", contents)
    assert entries == [("１", "在留"), ("２", "「在"), ("３", "「在"), ("４", "国税"), ("５", "独立"), ("６", "情報"),
                       ("７", "商業")]
    # the sheets follow the list's order: the late document's sheet is the last
    assert text.rindex("商業・法人登記情報等の提供運用要領の概要") > text.rindex("独立行政法人国際協力機構との覚書の概要")


def test_the_default_book_still_numbers_in_signing_order(tmp_path):
    """No number anywhere: the book as before, the late document 4th among the seven."""
    result, out = annual([numbered(tmp_path / "specs", {})], 2020, tmp_path / "out", *FORMATS)
    assert result.returncode == 0, result.stderr
    for name, rows in table_rows(out).items():
        assert [n for n, _ in rows] == [str(i) for i in range(1, 8)], name
        assert rows[3][1] == "商業・法人登記情報等", name


def test_a_book_where_some_agreements_have_a_number_and_others_not_is_refused(tmp_path):
    specs = numbered(tmp_path / "specs", NUMBERS)           # the late document without one
    result, out = annual([specs], 2020, tmp_path / "out", *FORMATS)
    assert result.returncode == 1, result.stdout
    late = specs / f"{LATE}.yaml"
    first = specs / "1-isa-kakuninsho.yaml"
    assert (f"error: {late}:{line_of(late, '  title:')}: agreement.number: not given, and other agreements of the"
            f" book give their number in the office's list ({first}:{line_of(first, '  number:')} gives"
            " agreement.number: 1): the book would print numbers the office did not give beside its own; give this"
            " agreement its number (商業・法人登記情報等の提供運用要領, signed 2021-02-15), or remove them all to"
            " number the book in signing order") in result.stderr
    assert result.stderr.count("agreement.number: not given") == 1
    assert "Traceback" not in result.stderr
    assert not out.exists()                                  # nothing written


def test_two_agreements_of_one_number_are_refused_naming_both_files(tmp_path):
    specs = numbered(tmp_path / "specs", {**NUMBERS, LATE: 4})
    result, out = annual([specs], 2020, tmp_path / "out", *FORMATS)
    assert result.returncode == 1, result.stdout
    late, kyouryoku = specs / f"{LATE}.yaml", specs / "5-moj-kyouryoku.yaml"
    # signed later, 5-moj-kyouryoku is the second of the two
    assert (f"error: {kyouryoku}:{line_of(kyouryoku, '  number:')}: agreement.number: 4 is the number of"
            f" {late}:{line_of(late, '  number:')} (商業・法人登記情報等の提供運用要領) too: two rows of the book"
            " would have one №; give each agreement its own number") in result.stderr
    assert not out.exists()


def test_a_number_is_a_whole_number_as_the_lists_write_it(tmp_path):
    specs = numbered(tmp_path / "specs", {LATE: 1}, names=[LATE])
    spec = specs / f"{LATE}.yaml"
    for written in ("第1号", "0", "2024-3"):
        spec.write_text(re.sub(r"  number: .*\n", f"  number: {written}\n", spec.read_text(encoding="utf-8")),
                        encoding="utf-8")
        result = run_generate("check", spec)
        assert result.returncode == 1, written
        assert (f"{spec}:{line_of(spec, '  number:')}: agreement.number: expected the agreement's number in the"
                " office's list, 1 to 9999 (12 = №12)") in result.stderr, written


def test_one_of_several_agreements_in_a_spec_has_its_own_number(tmp_path):
    """agreements: (a row each): the number under each; one left out named at its own key."""
    folder = tmp_path / "specs"
    folder.mkdir()
    real = ROOT / "tests" / "data" / "real"
    text = (real / "hikone-fire-drone-2022.yaml").read_text(encoding="utf-8")
    for name in re.findall(r"file: (photos/[^\s]+)", text):
        (folder / name).parent.mkdir(exist_ok=True)
        shutil.copy(real / name, folder / name)
    spec = folder / "hikone.yaml"
    rise = "    parties: [hikone, rise]\n"
    spec.write_text(text.replace(rise, rise + "    number: 12\n"), encoding="utf-8")
    result, out = annual([folder], 2021, tmp_path / "out", "--format", "csv")
    assert result.returncode == 1
    assert (f"error: {spec}:{line_of(spec, '    title: 災害時等')}: agreements.procrew.number: not given, and other"
            f" agreements of the book give their number in the office's list ({spec}:{line_of(spec, 'number: 12')}"
            " gives agreements.rise.number: 12)") in result.stderr
    procrew = "    parties: [hikone, procrew]\n"
    spec.write_text(text.replace(rise, rise + "    number: 12\n").replace(procrew, procrew + "    number: 13\n"),
                    encoding="utf-8")
    result, out = annual([folder], 2021, tmp_path / "out", "--format", "csv")
    assert result.returncode == 0, result.stderr
    _, rows, _ = read_csv(out / "annual-2021.csv")
    assert [(r[0], r[3]) for r in rows] == [("12", "株式会社ライズ"), ("13", "株式会社プロクルー")]


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_spec_building_no_book_accepts_its_number(tmp_path, command):
    """A fact of the agreement, stated where the agreement is: its notice's build takes it
    (and prints it nowhere: the book's alone)."""
    spec = tmp_path / "seed.yaml"
    seed = (ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml").read_text(encoding="utf-8")
    spec.write_text(seed.replace("  signing_date: 2024-02-27\n", "  signing_date: 2024-02-27\n  number: 4321\n", 1),
                    encoding="utf-8")
    args = ["check", spec] if command == "check" else [spec, "-o", tmp_path / "out", "--format", "pdf"]
    result = run_generate(*args)
    assert result.returncode == 0, result.stderr
    assert "number" not in result.stdout + result.stderr
    if command == "build":
        for pdf in (tmp_path / "out").rglob("*.pdf"):
            assert "4321" not in no_space(pdf_text(pdf)), pdf
