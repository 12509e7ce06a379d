"""An agreement that amends an earlier one (agreement.amends: a 変更協定, 追加締結分) is
listed with what it amends, in every file of the annual book, only as the spec says it:
under its title (（令和元年７月１日締結の情報提供に関する協定書の変更）, the house's
title column by default), or in a column of its own (data: amends, 原協定), and on its
plain sheet. The real case: 国税庁 and JIIMA's two 追加締結分 (nta-jiima-2021, 2023), whose
preamble names their 原協定 of 令和元年７月１日. Read back from the PDF, the DOCX reopened,
the CSV and the HTML, through the real command line."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
import yaml

from conftest import ROOT, no_space, pdf_text, run_generate
from test_annual_lists import (annual, column_texts, html_rows, read_csv, signed, strict_parse, style_file,
                               write)

REAL = ROOT / "tests" / "data" / "real"
UNDER = "（令和元年７月１日締結の情報提供に関する協定書の変更）"


def real_case(tmp_path: Path, name: str, **amends) -> Path:
    """The real spec, beside its house style, its amends as given (none: as it stands)."""
    (tmp_path / "styles").mkdir(parents=True, exist_ok=True)
    shutil.copy(REAL / "styles" / "nta-jiima.yaml", tmp_path / "styles")
    data = yaml.safe_load((REAL / f"{name}.yaml").read_text(encoding="utf-8"))
    if amends:
        data["agreement"]["amends"] = amends
    return write(tmp_path, data, name)


def docx_cells(path: Path) -> list[str]:
    return [cell.text for table in docx.Document(str(path)).tables for row in table.rows for cell in row.cells]


@pytest.mark.parametrize("name, fy", [("nta-jiima-2021", 2020), ("nta-jiima-2023", 2023)])
def test_a_real_amending_agreement_names_its_original_in_every_file(tmp_path, name, fy):
    spec = real_case(tmp_path, name)
    result, out = annual([spec], fy, tmp_path / "out", "--format", "pdf,docx,csv,html")
    assert result.returncode == 0, result.stderr
    title = "情報提供に関する協定（追加締結分）"
    stem = out / f"annual-{fy}"
    heads, rows, _ = read_csv(stem.with_suffix(".csv"))
    assert rows[0][heads.index("協定名")] == f"{title}\n{UNDER}"          # a line of its own in the cell
    assert f"{title}\n{UNDER}" in docx_cells(stem.with_suffix(".docx"))
    pdf_title = column_texts(stem.with_suffix(".pdf"))[heads.index("協定名")]
    assert no_space(pdf_title).endswith(no_space(title + UNDER)), pdf_title
    read = html_rows(stem.with_suffix(".html"))
    assert read[1][heads.index("協定名")] == f"{title}\n{UNDER}"
    row_head = strict_parse(stem.with_suffix(".html").read_bytes()).find(".//tbody/tr/th")
    assert row_head.get("scope") == "row" and row_head.find("br") is not None
    # its plain sheet (no areas) says it among its facts, and the contents name the title alone
    text = no_space(pdf_text(stem.with_suffix(".pdf")))
    assert "原協定情報提供に関する協定書（令和元年７月１日）" in text
    assert f"（１）{title}（" in text and f"（１）{title}{UNDER}" not in text


def test_no_date_is_printed_that_the_spec_does_not_give(tmp_path):
    spec = real_case(tmp_path, "nta-jiima-2021", title="情報提供に関する協定書")
    result, out = annual([spec], 2020, tmp_path / "out", "--format", "pdf,csv")
    assert result.returncode == 0, result.stderr
    heads, rows, _ = read_csv(out / "annual-2020.csv")
    assert rows[0][heads.index("協定名")].split("\n")[1] == "（情報提供に関する協定書の変更）"
    text = no_space(pdf_text(out / "annual-2020.pdf"))
    assert "（情報提供に関する協定書の変更）" in text and "締結の情報提供" not in text
    assert "原協定情報提供に関する協定書" in text and "原協定情報提供に関する協定書（" not in text


def test_a_column_of_its_own_lists_it_once_with_its_iso_date(tmp_path):
    """data: amends (原協定) in the house's short dates, its ISO date beside it in the CSV; the
    title column then prints nothing under the title (never twice); a row that amends
    nothing shows －, its ISO cell empty."""
    style = style_file(tmp_path, "annual:\n  columns:\n    - {data: signing_date, dates: short}\n"
                                 "    - {data: title}\n    - {data: amends, dates: short}\n")
    amending = write(tmp_path / "specs", signed("2024-05-22", amends={"title": "包括連携協定",
                                                                    "signing_date": "2019-02-05"}), "a")
    other = signed("2024-06-03")
    other["agreement"]["title"] = "防災に関する協定"
    write(tmp_path / "specs", other, "b")
    result, out = annual([tmp_path / "specs"], 2024, tmp_path / "out", "--style", style,
                         "--format", "pdf,docx,csv,html")
    assert result.returncode == 0, result.stderr
    heads, rows, table = read_csv(out / "annual-2024.csv")
    assert heads == ["締結日", "協定名", "原協定"]
    assert table[0] == ["締結日", "締結日（ISO）", "協定名", "原協定", "原協定（ISO）"]
    assert table[1][2:] == [signed("2024-05-22")["agreement"]["title"], "包括連携協定（H31.2.5）", "2019-02-05"]
    assert table[2][2:] == ["防災に関する協定", "－", ""]
    assert "包括連携協定（H31.2.5）" in docx_cells(out / "annual-2024.docx")
    assert [r[2] for r in html_rows(out / "annual-2024.html")] == ["原協定", "包括連携協定（H31.2.5）", "－"]
    assert "包括連携協定（H31.2.5）" in no_space(pdf_text(out / "annual-2024.pdf"))
    assert "の変更）" not in pdf_text(out / "annual-2024.pdf")
    assert amending.exists()


def test_a_house_whose_list_names_no_original_says_amends_false(tmp_path):
    """国税庁's list prints the 件名 alone (情報提供に関する協定書（追加締結分）): its title
    column says amends: false, and the row is the page's."""
    style = style_file(tmp_path, (ROOT / "tests/data/annual/nta-r2/style.yaml").read_text(encoding="utf-8")
                       .replace("{data: title, heading: 件名}", "{data: title, heading: 件名, amends: false}"))
    data = yaml.safe_load((ROOT / "tests/data/annual/nta-r2/specs/6-jiima-tsuika.yaml").read_text(encoding="utf-8"))
    data["agreement"]["amends"] = {"title": "情報提供に関する協定書", "signing_date": "2019-07-01"}
    result, out = annual([write(tmp_path / "specs", data, "jiima")], 2020, tmp_path / "out", "--style", style,
                         "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert read_csv(out / "annual-2020.csv")[1] == [["令和３年３月23日", "情報提供に関する協定書（追加締結分）",
                                                     "（公社）日本文書情報マネジメント協会"]]


@pytest.mark.parametrize("day", ["2021-03-23", "2021-04-01"])
def test_an_original_not_signed_before_is_an_error_at_its_key(tmp_path, day):
    spec = real_case(tmp_path, "nta-jiima-2021", title="情報提供に関する協定書", signing_date=day)
    result = run_generate("check", spec)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = spec.read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(lines, 1) if n > lines.index("  amends:") and day in t)
    assert (f"error: {spec}:{line}: agreement.amends.signing_date: the agreement amended was signed on {day},"
            " not before this one (2021-03-23); check the date") in result.stderr, result.stderr
    result, _ = annual([spec], 2020, tmp_path / "out")
    assert result.returncode == 1 and not (tmp_path / "out").exists()


@pytest.mark.parametrize("text, line, key, message", [
    ("annual:\n  columns:\n    - {data: partners, amends: true}\n", 3, "annual.columns[0].amends",
     "amends: prints what an agreement amends under its title; only a column of data: title has it"),
    ("annual:\n  columns:\n    - {data: title, amends: true}\n    - {data: amends}\n", 3, "annual.columns[0].amends",
     "a column of data: amends lists what an agreement amends, so amends: true would print it twice"),
    ("annual:\n  columns:\n    - {data: title}\n    - {data: amends, amends: false}\n", 4, "annual.columns[1].amends",
     "amends: prints what an agreement amends under its title; only a column of data: title has it"),
])
def test_a_misplaced_amends_is_an_error_at_its_line(tmp_path, text, line, key, message):
    style = style_file(tmp_path, text)
    result, _ = annual([ROOT / "specs"], 2023, tmp_path / "out", "--style", style)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"error: {style}:{line}: {key}: {message}" in result.stderr, result.stderr


def test_the_agreement_document_is_the_spec_text_as_before(tmp_path):
    """The document prints what its spec writes: the 追加締結分's own preamble names its
    原協定 (令和元年７月１日付情報提供に関する協定書), and amends adds nothing to it."""
    texts = []
    for folder, amends in (("with", {}), ("without", None)):
        data = yaml.safe_load((REAL / "nta-jiima-2021.yaml").read_text(encoding="utf-8"))
        if amends is None:
            del data["agreement"]["amends"]
        (tmp_path / folder / "styles").mkdir(parents=True)
        shutil.copy(REAL / "styles" / "nta-jiima.yaml", tmp_path / folder / "styles")
        spec = write(tmp_path / folder, data, "nta-jiima-2021")
        result = run_generate(spec, "-o", tmp_path / folder / "out", "--format", "pdf,docx")
        assert result.returncode == 0, result.stderr
        texts.append(pdf_text(tmp_path / folder / "out" / "nta-jiima-2021" / "agreement.pdf"))
    assert texts[0] == texts[1]
    text = no_space(texts[0])
    assert text.count("情報提供に関する協定書") == 2          # the title, and the preamble's 原協定
    assert "令和元年７月１日付情報提供に関する協定書（以下、「原協定」という）" in text
    assert "締結の情報提供" not in text


@pytest.mark.parametrize("amends, key, said", [
    ({"title": "情報提供に関する協定書", "signing_date": "2019-07-02"}, "agreement.amends.signing_date",
     "the agreement document dates 情報提供に関する協定書 令和元年７月１日, and agreement.amends says 2019-07-02:"
     " the annual book would list another day than the document prints; check both"),
    ({"title": "情報提供に関する協定書"}, "agreement.amends",
     "the agreement document dates 情報提供に関する協定書 令和元年７月１日, and agreement.amends gives no"
     " signing_date: give it, so that the annual book lists the date the document prints"),
])
def test_the_preamble_dating_the_original_otherwise_is_warned_at_the_key(tmp_path, amends, key, said):
    """The 追加締結分's preamble dates its 原協定 (令和元年７月１日付情報提供に関する協定書): an
    amends of another day, or of none, would list in the book what the document does not
    say. Warned (the text is printed as written), at the key's line; as it stands, none."""
    spec = real_case(tmp_path, "nta-jiima-2021", **amends)
    result = run_generate("check", spec)
    assert result.returncode == 0, result.stderr
    line = spec.read_text(encoding="utf-8").splitlines().index("  amends:") + 1
    line += 2 if key.endswith("signing_date") else 0
    assert f"warning: {spec}:{line}: {key}: {said}" in result.stderr, result.stderr
    assert "amends" not in run_generate("check", real_case(tmp_path / "as-is", "nta-jiima-2021")).stderr


@pytest.mark.parametrize("preamble, warned", [
    ("甲及び乙は、令和２年４月１日に締結した包括連携協定の一部を次のとおり変更する。", False),
    ("甲及び乙は、４月１日付け包括連携協定の一部を次のとおり変更する。", False),     # its month and day
    ("甲及び乙は、令和２年４月１日締結の包括連携協定の一部を次のとおり変更する。", False),
    ("甲及び乙は、令和２年５月１日付けで締結した包括連携協定の一部を次のとおり変更する。", True),
    ("甲及び乙は、令和２年５月１日に改定した規程に基づき、包括連携協定の一部を次のとおり変更する。", False),
])
def test_only_a_date_written_straight_before_the_title_is_read(tmp_path, preamble, warned):
    data = signed("2024-05-22", amends={"title": "包括連携協定", "signing_date": "2020-04-01"})
    data["agreement"]["document"]["preamble"] = preamble.replace(
        "甲及び乙は、", "北海道オホーツク総合振興局（以下「甲」という。）と国立大学法人北海道国立大学機構　北見工業大学"
        "（以下「乙」という。）は、")
    result = run_generate("check", write(tmp_path, data, "a"))
    assert result.returncode == 0, result.stderr
    assert ("agreement.amends.signing_date: the agreement document dates 包括連携協定" in result.stderr) == warned


def test_the_change_is_named_in_the_specs_word(tmp_path):
    """amends.word: what the office's list calls the change (一部変更, 追加締結), in the line
    under the title of every file; 変更 where it is not given (above)."""
    spec = real_case(tmp_path, "nta-jiima-2021", title="情報提供に関する協定書", signing_date="2019-07-01",
                     word="追加締結")
    result, out = annual([spec], 2020, tmp_path / "out", "--format", "pdf,docx,csv,html")
    assert result.returncode == 0, result.stderr
    line = "（令和元年７月１日締結の情報提供に関する協定書の追加締結）"
    heads, rows, _ = read_csv(out / "annual-2020.csv")
    assert rows[0][heads.index("協定名")].split("\n")[1] == line
    assert any(cell.endswith(line) for cell in docx_cells(out / "annual-2020.docx"))
    assert html_rows(out / "annual-2020.html")[1][heads.index("協定名")].endswith(line)
    text = no_space(pdf_text(out / "annual-2020.pdf"))
    assert line in text and "の変更）" not in text


@pytest.mark.parametrize("columns, listed", [
    ("    - {data: title, amends: false}\n", "its title column says amends: false"),
    ("    - {data: title}\n    - {data: amends}\n", "a column of data: amends lists the 原協定 by its title and date"),
])
def test_a_word_the_book_does_not_print_is_an_error_at_its_key(tmp_path, columns, listed):
    """A book that prints no line under the title (amends: false, or the 原協定 in a column
    of its own) leaves amends.word without effect: refused at its line, nothing written."""
    style = style_file(tmp_path, "annual:\n  columns:\n" + columns)
    spec = real_case(tmp_path, "nta-jiima-2021", title="情報提供に関する協定書", signing_date="2019-07-01",
                     word="一部変更")
    result, out = annual([spec], 2020, tmp_path / "out", "--style", style)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    line = spec.read_text(encoding="utf-8").splitlines().index("    word: 一部変更") + 1
    assert (f"error: {spec}:{line}: agreement.amends.word: the house's annual book prints no line under the title"
            f" naming the change ({listed}; {style}), so word would have no effect: remove it") in result.stderr, \
        result.stderr
    assert not out.exists()


@pytest.mark.parametrize("amends, says", [
    ({}, "は、令和元年７月１日に締結した情報提供に関する協定書（以下「原協定」という。）に関し、次のとおり協定を締結する。"),
    ({"title": "情報提供に関する協定書"}, "は、情報提供に関する協定書（以下「原協定」という。）に関し、次のとおり協定を締結する。"),
])
def test_a_generated_preamble_names_the_original(tmp_path, amends, says):
    """国税庁 and JIIMA's 追加締結分 without its own preamble: the generated one names the
    原協定 by its title and the date amends gives (none where it gives none), where the
    subject would stand, in the PDF and the DOCX, and the build says so. Before, it needed
    a subject and never named what the text amends; its articles say 原協定第１条."""
    spec = real_case(tmp_path, "nta-jiima-2021", **amends)
    text = spec.read_text(encoding="utf-8")
    spec.write_text("\n".join(line for line in text.splitlines() if not line.startswith("    preamble:")) + "\n",
                    encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    parties = "国税庁（以下「甲」という。）と公益社団法人日本文書情報マネジメント協会（以下「乙」という。）"
    assert parties + says in no_space(pdf_text(tmp_path / "out" / "nta-jiima-2021" / "agreement.pdf"))
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "out" / "nta-jiima-2021" / "agreement.docx")).paragraphs]
    assert any(no_space(p) == parties + says for p in paragraphs), paragraphs[:5]
    line = spec.read_text(encoding="utf-8").splitlines().index("  amends:") + 1
    assert (f"note: {spec}:{line}: agreement.amends: the generated preamble names the agreement amended:"
            f" 「{parties}{says}」") in result.stdout, result.stdout


def test_a_subject_beside_a_generated_amending_preamble_is_an_error(tmp_path):
    """The generated preamble says what it amends where the subject stands: a subject too
    would have no effect, refused at its line."""
    spec = real_case(tmp_path, "nta-jiima-2021")
    text = spec.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(text) if line.startswith("    preamble:"))
    text[at] = "    subject: 情報提供"
    spec.write_text("\n".join(text) + "\n", encoding="utf-8")
    result = run_generate("check", spec)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert (f"error: {spec}:{at + 1}: agreement.document.subject: the agreement amends another (agreement.amends),"
            " and the generated preamble says so in the subject's place") in result.stderr, result.stderr


def test_the_word_names_the_change_where_the_book_does_and_nowhere_else(tmp_path):
    """amends.word (追加締結) is the office's list's word for the change, and the book's line
    under the title is the one place a document names the change: the plain sheet lists the
    原協定 as a fact (its title and date, as a column of data: amends does), and the generated
    preamble names the 原協定 and no change, as 国税庁 and JIIMA's own preambles do (2021 and
    2023: …（以下、「原協定」という）に関し、以下のとおり合意する。), so neither takes the word
    nor says 変更 of their own; the word is accepted beside a generated preamble (the book
    prints it). A decision pinned: neither printed a word before."""
    spec = real_case(tmp_path, "nta-jiima-2021", title="情報提供に関する協定書", signing_date="2019-07-01",
                     word="追加締結")
    result, out = annual([spec], 2020, tmp_path / "out", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(out / "annual-2020.pdf"))
    assert "（令和元年７月１日締結の情報提供に関する協定書の追加締結）" in text           # the book's line
    assert "原協定情報提供に関する協定書（令和元年７月１日）" in text and "変更" not in text   # the sheet's fact
    lines = spec.read_text(encoding="utf-8").splitlines()
    spec.write_text("\n".join(x for x in lines if not x.startswith("    preamble:")) + "\n", encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "doc", "--kinds", "agreement", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    body = no_space(pdf_text(tmp_path / "doc" / "nta-jiima-2021" / "agreement.pdf"))
    parties = "国税庁（以下「甲」という。）と公益社団法人日本文書情報マネジメント協会（以下「乙」という。）"
    assert (parties + "は、令和元年７月１日に締結した情報提供に関する協定書（以下「原協定」という。）に関し、"
            "次のとおり協定を締結する。（「協定の効果」の変更）第１条") in body      # the whole preamble, then 第１条
