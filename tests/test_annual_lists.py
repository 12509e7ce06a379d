"""The annual overview as offices keep and publish it (#14): real lists reproduced
with their own columns and date styles, clean table cells in the PDF (read back by
character position), folders read recursively, one agreement never listed twice,
the web page validated and its table read back, the CSV's ISO dates. Everything
through the real command line."""
from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import unicodedata
import zipfile
from pathlib import Path

import html5lib
import pdfplumber
import pytest
import yaml
from docx import Document as OpenDocx
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT, SEED_SPEC, no_space, pdf_text, run_generate

LISTS = ROOT / "tests" / "data" / "annual"
OFFICES = sorted(p.name for p in LISTS.iterdir() if (p / "facts.yaml").is_file())     # every folder there


def fold(text: str) -> str:
    return no_space(unicodedata.normalize("NFKC", text))


def annual(specs, fy: int, out: Path, *options) -> tuple:
    result = run_generate("annual", "--fiscal-year", fy, *specs, "-o", out, *options)
    return result, out


def read_csv(path: Path) -> tuple[list[str], list[list[str]], list[list[str]]]:
    """(printed headings, printed rows, the whole table with its ISO columns)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    keep = [k for k, h in enumerate(table[0]) if not h.endswith("（ISO）")]
    return [table[0][k] for k in keep], [[r[k] for k in keep] for r in table[1:]], table


def html_rows(path: Path) -> list[list[str]]:
    """The page's table read back, heads first; a <br> read as a newline."""
    doc = html5lib.parse(path.read_bytes(), treebuilder="etree", namespaceHTMLElements=False)
    rows = []
    for tr in doc.iter("tr"):
        cells = []
        for cell in tr:
            for br in cell.iter("br"):
                br.tail = "\n" + (br.tail or "")
            cells.append("".join(cell.itertext()))
        rows.append(cells)
    return rows


def strict_parse(data: bytes, fragment: bool = False):
    """html5lib in strict mode raises on any parse error (an unclosed element, a stray
    end tag, a missing doctype)."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parseFragment(data.decode("utf-8")) if fragment else parser.parse(data)


def seed() -> dict:
    return yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))


def write(folder: Path, data: dict, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def signed(day: str, **agreement) -> dict:
    data = seed()
    data["agreement"]["signing_date"] = day
    data["press_notice"]["ceremony"]["date"] = day
    data["agreement"].update(agreement)
    return data


def style_file(folder: Path, text: str) -> Path:
    path = folder / "house.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- real lists
@pytest.fixture(scope="module")
def books(tmp_path_factory):
    out = {}
    for office in OFFICES:
        facts = yaml.safe_load((LISTS / office / "facts.yaml").read_text(encoding="utf-8"))
        result, folder = annual([LISTS / office / "specs"], facts["fiscal_year"], tmp_path_factory.mktemp(office),
                                "--style", LISTS / office / "style.yaml", "--format", "pdf,docx,csv,html")
        assert result.returncode == 0, result.stderr
        out[office] = facts, folder
    return out


@pytest.mark.parametrize("office", OFFICES)
def test_a_real_list_is_reproduced_with_its_columns_in_the_csv(office, books):
    facts, out = books[office]
    heads, rows, _ = read_csv(out / f"annual-{facts['fiscal_year']}.csv")
    assert heads == facts["headings"]
    assert [[fold(c) for c in r] for r in rows] == [[fold(c) for c in r] for r in facts["rows"]]


@pytest.mark.parametrize("office", OFFICES)
def test_a_real_list_prints_its_cells_in_the_pdf_and_the_html(office, books):
    facts, out = books[office]
    fy = facts["fiscal_year"]
    columns = column_texts(out / f"annual-{fy}.pdf")            # i, ii, then the table on page 1
    for row in facts["rows"]:
        for cell, column in zip(row, columns):                    # a cell wrapped over lines read whole
            assert fold(cell.replace("\n", "")) in fold(column), (cell, column)
    page = out / f"annual-{fy}.html"
    root = strict_parse(page.read_bytes())
    if "prose" in facts:
        text = fold("".join(root.find("body").itertext()))
        for sentence in facts["prose"]:
            assert fold(sentence) in text
        return
    read = html_rows(page)
    assert read[0] == facts["headings"]
    assert [[fold(c) for c in r] for r in read[1:]] == [[fold(c) for c in r] for r in facts["rows"]]


def test_the_prose_list_is_one_sentence_per_agreement_with_a_machine_readable_date(books):
    facts, out = books["mukawa-r6"]
    fragment = strict_parse((out / "annual-2024.fragment.html").read_bytes(), fragment=True)
    items = [fold("".join(li.itertext())) for li in fragment.iter("li")]
    assert len(items) == 3
    assert fold(facts["prose"][0]) == items[0] and fold(facts["prose"][1]) == items[2]
    times = [t.get("datetime") for t in fragment.iter("time")]
    assert times == ["2024-08-22", "2024-12-25", "2025-01-08"]     # 令和7年1月8日 is 令和6年度's


def test_the_count_follows_two_or_more_partners_and_never_tears(books, tmp_path):
    """篠山市's list: （23市町間での協定） after the 22 partners of its 義士協定, whole on a
    line of the PDF's cell (after the last name or starting a line); a row of one partner
    (its 三田市, 平成13年4月12日) has no count, as the page prints none; {partners}
    counts the names listed."""
    facts, out = books["sasayama-h8"]
    lines = ["".join(c["text"] for c in line) for line in table_cells(out / "annual-1996.pdf")]
    counted = [t for t in lines if "市町間" in t or "（23" in t]
    assert counted and all("（23市町間での協定）" in t for t in counted), lines
    page = strict_parse((out / "annual-1996.html").read_bytes())
    assert "".join(page.findall(".//tbody/tr/td")[1].itertext()).endswith("兵庫県赤穂市（23市町間での協定）")   # after №
    sanda = {"issuer": "篠山市", "parties": {"sasayama": {"name": "篠山市"}, "sanda": {"name": "三田市"}},
             "agreement": {"title": "災害応急対策活動の相互応援に関する協定", "signing_date": "2001-04-12",
                           "number": 3}}          # the page's row 3
    style = style_file(tmp_path, (LISTS / "sasayama-h8" / "style.yaml").read_text(encoding="utf-8")
                       .replace("（{parties}市町間での協定）", "（計{partners}市町）"))
    specs = [write(tmp_path / "specs", sanda, "sanda"), LISTS / "sasayama-h17" / "specs"]
    result, folder = annual(specs, 2001, tmp_path / "h13", "--style", style, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert read_csv(folder / "annual-2001.csv")[1] == [["3", "災害応急対策活動の相互応援に関する協定", "三田市", "平成13年４月12日"]]
    result, folder = annual(specs, 2005, tmp_path / "h17", "--style", style, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert read_csv(folder / "annual-2005.csv")[1][0][2] == "猪名川町、播磨町、香美町、淡路市（計４市町）"


def test_only_a_document_labelled_koutsu_stops_at_ten_parties(tmp_path):
    """The 義士協定's 23 parties are listed (sasayama-h8); the same spec asking for a
    document whose parties are 甲, 乙 … (the default labels) is refused at the key that
    asks for it, as 甲 to 癸 name ten; one word for all of them is no such limit."""
    data = yaml.safe_load((LISTS / "sasayama-h8" / "specs" / "gishi.yaml").read_text(encoding="utf-8"))
    data["agreement"]["document"] = {"subject": "災害応急対策活動の相互応援",
                                     "extra_articles": [{"heading": "目的", "text": ["相互に応援する。"]}]}
    spec = write(tmp_path, data, "gishi-document")
    result = run_generate("check", spec)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = next(n for n, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if t == "  document:")
    assert f"error: {spec}:{line}: agreement.document: the document labels its 23 parties 甲, 乙 … (labels: 甲乙)," \
           " and those labels stop at the 10th, 癸" in result.stderr, result.stderr
    data["agreement"]["document"]["labels"] = "各市町"
    result = run_generate("check", write(tmp_path, data, "gishi-word"))
    assert "labels" not in result.stderr, result.stderr      # (who signs for each is still missing)


def test_the_offices_note_is_printed_under_its_list(books):
    """国税庁's page: （注）令和６年４月１日現在有効な文書を掲載しています。 under its tables (house
    style annual.note): under the table in the PDF and the DOCX, after it in the HTML page and
    in the fragment the CMS takes; not in the CSV, which holds the rows. A list without a
    note (菊川市) prints none."""
    facts, out = books["nta-r2"]
    note = facts["note"]
    table_page = pdf_text(out / "annual-2020.pdf").split("締結状況一覧")[-1]
    assert no_space(table_page).index(note) > no_space(table_page).index("（独）国際協力機構")   # the last row's
    docx = OpenDocx(out / "annual-2020.docx")
    blocks = [child for child in docx.element.body if child.tag.endswith(("}p", "}tbl"))]
    assert blocks[-2].tag.endswith("}tbl") and blocks[-1] is docx.paragraphs[-1]._p and docx.paragraphs[-1].text == note
    for name in ("annual-2020.html", "annual-2020.fragment.html"):
        html = (out / name).read_text(encoding="utf-8")
        assert f'</table>\n<p class="jpdocs-annual-note">{note}</p>' in html, name
    assert note not in (out / "annual-2020.csv").read_text(encoding="utf-8-sig")
    facts, out = books["kikugawa"]
    assert "jpdocs-annual-note" not in (out / "annual-2015.html").read_text(encoding="utf-8")
    assert "（注）" not in pdf_text(out / "annual-2015.pdf")


def test_a_note_of_two_lines_follows_the_prose_list(tmp_path):
    """A note's newline is a line break (<br> in the HTML); under the prose list as under the table."""
    spec = write(tmp_path / "specs", signed("2024-05-22"), "kitami")
    style = style_file(tmp_path, "annual:\n  web: prose\n  note: \"（注）令和７年３月31日現在\\n※締結順\"\n")
    result, out = annual([spec], 2024, tmp_path / "out", "--style", style, "--format", "html,pdf")
    assert result.returncode == 0, result.stderr
    fragment = strict_parse((out / "annual-2024.fragment.html").read_bytes(), fragment=True)
    assert [e.tag for e in fragment] == ["ul", "p"]
    assert fragment[1].get("class") == "jpdocs-annual-note" and list(fragment[1].itertext()) == ["（注）令和７年３月31日現在", "※締結順"]
    lines = [no_space(line) for line in pdf_text(out / "annual-2024.pdf").splitlines()]
    at = lines.index("（注）令和７年３月31日現在")
    assert lines[at + 1] == "※締結順"


def test_the_csv_adds_iso_dates_beside_the_printed_ones(books):
    facts, out = books["kikugawa"]
    _, _, table = read_csv(out / "annual-2015.csv")
    assert table[0][:3] == ["№", "締結日", "締結日（ISO）"]
    assert [r[1:3] for r in table[1:]] == [["H28.2.5", "2016-02-05"], ["H28.3.22", "2016-03-22"]]


# ---------------------------------------------------------------- the web page
def test_the_html_page_is_valid_and_accessible(tmp_path):
    spec = write(tmp_path / "specs", signed("2024-05-22"), "kitami")
    result, out = annual([spec], 2024, tmp_path / "out", "--format", "html")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == \
        ["annual-2024.fragment.html", "annual-2024.html"]
    html_el = strict_parse((out / "annual-2024.html").read_bytes())       # the <html> element
    assert html_el.get("lang") == "ja"
    assert html_el.find("head/title").text == "令和６年度　連携協定締結状況"
    table = html_el.find(".//table")
    assert "令和６年度" in table.find("caption").text and "１件" in table.find("caption").text
    heads = table.findall("thead/tr/th")
    assert [th.get("scope") for th in heads] == ["col"] * 7
    assert [th.text for th in heads] == ["№", "締結日", "協定名", "相手方", "連携事項", "担当課", "有効期間"]
    body = table.findall("tbody/tr")
    assert len(body) == 1
    row_head = body[0].find("th")                     # each row named by its 協定名
    assert row_head.get("scope") == "row" and "".join(row_head.itertext()) == seed()["agreement"]["title"]
    assert body[0].find(".//time").get("datetime") == "2024-05-22"
    fragment = strict_parse((out / "annual-2024.fragment.html").read_bytes(), fragment=True)
    assert [e.tag for e in fragment] == ["table"]      # the table alone, for the CMS
    assert "<html" not in (out / "annual-2024.fragment.html").read_text(encoding="utf-8")


def test_an_unknown_format_is_an_error_naming_the_option(tmp_path):
    result, out = annual([SEED_SPEC], 2023, tmp_path / "out", "--format", "pdf,xlsx")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "error: --format: xlsx is not a format of the annual overview; choose from pdf, docx, csv, html" \
        in result.stderr
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- columns the office chooses
COLUMNS = """\
annual:
  columns:
    - {data: number}
    - {field: 部名}
    - {data: department, heading: 課名}
    - {data: signing_date, heading: 締結日, dates: short}
    - {data: title}
    - {data: partners}
    - {field: 分類}
    - {data: amendments, dates: short}
    - {data: related}
    - {field: 備考}
"""


def test_own_fields_amendments_and_related_documents_in_the_office_columns(tmp_path):
    style = style_file(tmp_path, COLUMNS)
    first = write(tmp_path / "specs", signed("2024-04-22", fields={"部名": "地域創生部", "分類": "包括連携"},
                                             amendments=[{"date": "2025-01-10", "note": "第３条"}],
                                             related=[{"title": "インターンシップに関する覚書",
                                                       "date": "2024-09-02"}]), "a")
    data = signed("2024-06-03", fields={"分類": "個別連携"})
    data["agreement"]["title"] = "防災に関する協定"
    write(tmp_path / "specs", data, "b")
    result, out = annual([tmp_path / "specs"], 2024, tmp_path / "out", "--style", style, "--format", "csv")
    assert result.returncode == 0, result.stderr
    heads, rows, table = read_csv(out / "annual-2024.csv")
    assert heads == ["№", "部名", "課名", "締結日", "協定名", "相手方", "分類", "改定日", "関連文書", "備考"]
    a, b = rows
    assert a[1] == "地域創生部" and a[6] == "包括連携" and b[6] == "個別連携"
    assert b[1] == "－" and a[9] == "－" and b[9] == "－"          # a field no spec has: －
    assert a[2] == "オホーツク総合振興局地域創生部地域政策課"       # 担当課: agreement.department
    assert a[3] == "R6.4.22" and b[3] == "R6.6.3"
    assert a[7] == "R7.1.10（第３条）" and b[7] == "－"
    assert a[8] == "インターンシップに関する覚書（令和６年９月２日）"
    assert table[0][table[0].index("改定日") + 1] == "改定日（ISO）" and "2025-01-10" in table[1]
    assert first.exists()


def test_a_column_left_blank_where_the_agreement_has_nothing_for_it(tmp_path):
    """empty: "" on a column (篠山市's 備考, empty in its rows): a blank cell where a spec has
    nothing for it, in the CSV, the HTML, the PDF and the DOCX, not －; a cell the spec fills
    as it is; the other columns' －, as before."""
    style = style_file(tmp_path, COLUMNS.replace("{field: 備考}", "{field: 備考, empty: ''}")
                                        .replace("{data: related}", "{data: related, empty: ''}"))
    write(tmp_path / "specs", signed("2024-04-22", fields={"備考": "第２期"}), "a")
    write(tmp_path / "specs", signed("2024-06-03"), "b")
    result, out = annual([tmp_path / "specs"], 2024, tmp_path / "out", "--style", style, "--format", "csv,html,pdf,docx")
    assert result.returncode == 0, result.stderr
    _, (a, b), _ = read_csv(out / "annual-2024.csv")
    assert (a[8], a[9], b[8], b[9]) == ("", "第２期", "", "")
    assert (a[7], b[1], b[6]) == ("－", "－", "－")                  # 改定日, 部名, 分類: as before
    html = html_rows(out / "annual-2024.html")
    assert [r[8:] for r in html[1:]] == [["", "第２期"], ["", ""]]
    pdf = [r[8:] for r in pdf_rows(out / "annual-2024.pdf")]
    assert pdf == [["", "第２期"], ["", ""]]
    table = OpenDocx(out / "annual-2024.docx").tables[-1]
    assert [[c.text for c in row.cells[8:]] for row in table.rows[1:]] == [["", "第２期"], ["", ""]]


def test_an_amendment_in_brackets_under_the_signing_date(tmp_path):
    """As some offices list it: H27.11.27 / （R2.4.1改定）, the ISO column keeping the signing
    (a list as of a later day, --as-of: the book of 平成27年度 alone ends before the amendment)."""
    style = style_file(tmp_path, "annual:\n  columns:\n    - {data: signing_date, dates: short, amended: true}\n"
                                 "    - {data: title}\n")
    spec = write(tmp_path / "specs", signed("2015-11-27", amendments=[{"date": "2020-04-01"}],
                                            validity={"end": "2016-03-31"}), "a")
    result, out = annual([spec], 2015, tmp_path / "out", "--style", style, "--format", "csv,html,pdf",
                         "--as-of", "2020-04-01")
    assert result.returncode == 0, result.stderr
    _, _, table = read_csv(out / "annual-2015.csv")
    assert table[1][:2] == ["H27.11.27\n（R2.4.1改定）", "2015-11-27"]
    root = strict_parse((out / "annual-2015.html").read_bytes())
    cell = root.find(".//tbody/tr/td")
    assert cell.find("time").get("datetime") == "2015-11-27" and "（R2.4.1改定）" in "".join(cell.itertext())
    texts = ["".join(c["text"] for c in line) for line in table_cells(out / "annual-2015.pdf")]
    assert "H27.11.27" in texts and "（R2.4.1改定）" in texts


def test_an_amendment_is_in_the_standard_book_and_printed_once(tmp_path):
    """A spec's agreement.amendments reach the book without a style saying so: the standard
    columns print the amendment under the signing date (its facts vanished before: no column
    of the standard set printed them); a house with a column of data: amendments gets it
    there alone, and amended: false keeps it from under the date."""
    spec = write(tmp_path / "specs", signed("2024-05-24", amendments=[{"date": "2025-02-03", "note": "第３条"}]), "a")
    result, out = annual([spec], 2024, tmp_path / "out", "--format", "csv,html,pdf,docx")
    assert result.returncode == 0, result.stderr
    _, _, table = read_csv(out / "annual-2024.csv")
    assert table[1][1:3] == ["令和６年５月24日\n（令和７年２月３日改定）", "2024-05-24"]
    cell = strict_parse((out / "annual-2024.html").read_bytes()).find(".//tbody/tr/td[time]")
    assert cell.find("time").get("datetime") == "2024-05-24" and "（令和７年２月３日改定）" in "".join(cell.itertext())
    assert "（令和７年２月３日改定）" in ["".join(c["text"] for c in line) for line in table_cells(out / "annual-2024.pdf")]
    docx = OpenDocx(out / "annual-2024.docx").tables[-1]
    assert "（令和７年２月３日改定）" in docx.rows[1].cells[1].text
    style = style_file(tmp_path, "annual:\n  columns:\n    - {data: signing_date}\n    - {data: title}\n"
                                 "    - {data: amendments}\n")
    result, out = annual([spec], 2024, tmp_path / "own", "--style", style, "--format", "csv")
    assert result.returncode == 0, result.stderr
    _, _, table = read_csv(out / "annual-2024.csv")
    assert table[1][0] == "令和６年５月24日" and table[1][3] == "令和７年２月３日（第３条）"
    style = style_file(tmp_path, "annual:\n  columns:\n    - {data: signing_date, amended: false}\n    - {data: title}\n")
    result, out = annual([spec], 2024, tmp_path / "none", "--style", style, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert read_csv(out / "annual-2024.csv")[2][1][0] == "令和６年５月24日"
    # the plain sheet of an agreement without areas lists them among its facts, as the row does
    plain = signed("2024-05-24", amendments=[{"date": "2025-02-03", "note": "第３条"}])
    plain["agreement"].pop("areas")
    plain["press_notice"]["attachments"] = []
    result, out = annual([write(tmp_path / "plain", plain, "a")], 2024, tmp_path / "sheet", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    sheet = no_space(pdf_text(out / "annual-2024.pdf")).split("の概要")[-1]
    assert "締結日令和６年５月24日改定日令和７年２月３日（第３条）相手方" in sheet


def test_related_documents_no_column_prints_are_an_error_and_the_plain_sheet_lists_them(tmp_path):
    """agreement.related is printed by a column of data: related alone: the standard book,
    which has none, said nothing of a spec's 覚書 (the thirty-eighth session's annual
    audit); now that is an error at its line, naming the column to add, and nothing is
    written. With the column, the plain sheet lists them among its facts, as the row does."""
    related = [{"title": "インターンシップに関する覚書", "date": "2024-09-02"}]
    spec = write(tmp_path / "specs", signed("2024-05-24", related=related), "a")
    result, _ = annual([spec], 2024, tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = next(n for n, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if t.strip() == "related:")
    assert f"error: {spec}:{line}: agreement.related: no column of the house style's annual.columns prints related" \
           " documents, so related would have no effect: add {data: related} to annual.columns" in result.stderr
    assert not (tmp_path / "out").exists()
    plain = signed("2024-05-24", related=related)
    plain["agreement"].pop("areas")
    plain["press_notice"]["attachments"] = []
    style = style_file(tmp_path, "annual:\n  columns:\n    - {data: signing_date}\n    - {data: title}\n"
                                 "    - {data: related}\n")
    result, out = annual([write(tmp_path / "plain", plain, "a")], 2024, tmp_path / "sheet", "--style", style,
                         "--format", "csv,pdf")
    assert result.returncode == 0, result.stderr
    _, _, table = read_csv(out / "annual-2024.csv")
    assert table[1][table[0].index("関連文書")] == "インターンシップに関する覚書（令和６年９月２日）"
    sheet = no_space(pdf_text(out / "annual-2024.pdf")).split("の概要")[-1]
    assert "関連文書インターンシップに関する覚書（令和６年９月２日）" in sheet


def test_the_houses_comma_parts_the_partners_and_the_issuers(tmp_path):
    """wording.comma: ， — 相手方 of three parties and the cover's issuers of two offices
    parted by ，, as the house writes every list; the agreements' titles as written."""
    three = signed("2024-05-22")
    three["parties"]["third"] = {"name": "オホーツク町", "representative": {"title": "町長", "name": "山田　一郎"}}
    other = signed("2024-06-03")
    other["issuer"] = "網走市"                     # no party: every party its 相手方
    specs = [write(tmp_path / "specs", three, "a"), write(tmp_path / "specs", other, "b")]
    style = style_file(tmp_path, "wording:\n  comma: ，\n")
    result, out = annual(specs, 2024, tmp_path / "out", "--style", style, "--format", "csv,pdf")
    assert result.returncode == 0, result.stderr
    _, rows, _ = read_csv(out / "annual-2024.csv")
    cells = [c for r in rows for c in r]
    assert "国立大学法人北海道国立大学機構　北見工業大学，オホーツク町" in cells
    assert "北海道オホーツク総合振興局，国立大学法人北海道国立大学機構　北見工業大学" in cells
    assert "北海道オホーツク総合振興局，網走市" in no_space(pdf_text(out / "annual-2024.pdf"))      # the cover


def test_a_field_no_column_prints_is_an_error_at_its_line(tmp_path):
    spec = write(tmp_path / "specs", signed("2024-04-22", fields={"分野": "包括連携"}), "a")
    result, _ = annual([spec], 2024, tmp_path / "out", "--style", style_file(tmp_path, COLUMNS))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = next(n for n, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "分野:" in t)
    assert f"error: {spec}:{line}: agreement.fields.分野: no column of the house style's annual.columns prints" \
           " the field 分野 (the columns name 部名, 分類, 備考), so it would have no effect" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("text, line, key, message", [
    ("annual:\n  columns:\n    - {data: title, dates: short}\n", 3, "annual.columns[0].dates",
     "the column data: title holds no dates, so dates: would have no effect"),
    ("annual:\n  columns:\n    - {data: title}\n    - {field: 分類, data: partners}\n", 4, "annual.columns[1]",
     "a column prints either data: (from the agreement) or field: (the spec's agreement.fields), exactly one"),
    ("annual:\n  columns:\n    - {data: title}\n    - {data: title}\n", 2, "annual.columns",
     "two columns are headed 協定名"),
    ("annual:\n  columns:\n    - {data: title}\n  areas_mark: ・\n", 4, "annual.areas_mark",
     "no column prints data: areas, so areas_mark would have no effect"),
    ("annual:\n  columns:\n    - {data: title}\n    - {data: signing_date, empty: ''}\n", 4, "annual.columns[1].empty",
     "a column of data: signing_date is never empty, so empty: would have no effect"),
    ("annual:\n  prose: '{title}を締結'\n", 2, "annual.prose", "web: is not prose, so prose: would have no effect"),
    ("annual:\n  web: prose\n  prose: '{name}と締結'\n", 3, "annual.prose",
     "{name} is not a placeholder of the prose list"),
    ("annual:\n  columns:\n    - {data: title, amended: true}\n", 3, "annual.columns[0].amended",
     "amended: prints the amendments under the signing date; only a column of data: signing_date has it"),
    ("annual:\n  columns:\n    - {data: title, amended: false}\n", 3, "annual.columns[0].amended",
     "amended: prints the amendments under the signing date; only a column of data: signing_date has it"),
    ("annual:\n  columns:\n    - {data: signing_date, amended: true}\n    - {data: amendments}\n", 3,
     "annual.columns[0].amended", "a column of data: amendments lists the amendments, so amended: true would"
                                  " print them twice; remove one"),
    ("annual:\n  columns:\n    - {data: signed}\n", 3, "annual.columns[0].data", "must be one of 'number'"),
    ("annual:\n  columns:\n    - {data: title, count: '（{parties}者）'}\n", 3, "annual.columns[0].count",
     "count: prints the number of parties after the partners' names; only a column of data: partners has it"),
    ("annual:\n  columns:\n    - {data: partners, count: '（{towns}市町）'}\n", 3, "annual.columns[0].count",
     "{towns} is not a placeholder of count:; it may use {parties} (every party of the agreement) and {partners}"),
    ("annual:\n  columns:\n    - {data: partners, count: （市町間での協定）}\n", 3, "annual.columns[0].count",
     "count: holds no number ({parties}: every party of the agreement, {partners}: the partners listed), so it"
     " would print the same words after every list"),
    ("annual:\n  columns:\n    - {data: title, together: '（{names}と共同締結）'}\n", 3, "annual.columns[0].together",
     "together: names the parties that signed on the issuer's side after the partners' names; only a column of"
     " data: partners has it"),
    ("annual:\n  columns:\n    - {data: partners, together: '（{towns}と共同）'}\n", 3, "annual.columns[0].together",
     "{towns} is not a placeholder of together:; it may use {names}"),
    ("annual:\n  columns:\n    - {data: partners, together: （共同締結）}\n", 3, "annual.columns[0].together",
     "together: does not name the parties ({names}), so the row would say the issuer signed with others"),
])
def test_a_style_key_without_effect_or_wrong_is_an_error_at_its_line(tmp_path, text, line, key, message):
    style = style_file(tmp_path, text)
    result, _ = annual([SEED_SPEC], 2023, tmp_path / "out", "--style", style)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"error: {style}:{line}: {key}: {message}" in result.stderr, result.stderr


def test_an_amendment_before_the_signing_is_an_error_at_its_key(tmp_path):
    spec = write(tmp_path / "specs", signed("2024-04-22", amendments=[{"date": "2024-04-01"}]), "a")
    result, _ = annual([spec], 2024, tmp_path / "out")
    assert result.returncode == 1
    assert "agreement.amendments[0].date: the agreement is amended on 2024-04-01, not after it was signed" \
        in result.stderr


# ---------------------------------------------------------------- clean tables (the PDF read back)
def table_cells(pdf_path: Path, page_index: int = 2) -> list[list[dict]]:
    """The summary table's page: its characters grouped into cells (between the grid's
    vertical rules) and lines (by baseline), each line a list of chars left to right."""
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[page_index]
        xs = sorted({round(e["x0"], 1) for e in page.edges if e["orientation"] == "v"})
        ys = [e["top"] for e in page.edges if e["orientation"] == "h"]
        chars = [c for c in page.chars if c["text"].strip() and min(ys) < c["top"] < max(ys)]   # in the table
        lines: dict = {}
        for c in chars:
            cell = sum(1 for x in xs if x <= c["x0"])
            lines.setdefault((cell, round(c["top"], 0)), []).append(c)
    return [sorted(v, key=lambda c: c["x0"]) for _, v in sorted(lines.items())]


def column_texts(pdf_path: Path, page_index: int = 2) -> list[str]:
    """Each column of the summary table's page read down, its cells' lines joined: a
    cell wrapped over several lines reads as its text."""
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[page_index]
        xs = sorted({round(e["x0"], 1) for e in page.edges if e["orientation"] == "v"})
    columns: dict = {}
    for line in table_cells(pdf_path, page_index):
        column = sum(1 for x in xs if x <= line[0]["x0"])
        columns[column] = columns.get(column, "") + "".join(c["text"] for c in line)
    return [columns[k] for k in sorted(columns)]


def pdf_rows(pdf_path: Path, page_index: int = 2) -> list[list[str]]:
    """The summary table's body rows on the page, each cell's text ('' for a blank cell),
    read between the grid's rules."""
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[page_index]
        xs = sorted({round(e["x0"], 0) for e in page.edges if e["orientation"] == "v"})
        ys = sorted({round(e["top"], 0) for e in page.edges if e["orientation"] == "h"})
        chars = [c for c in page.chars if c["text"].strip()]
    rows = []
    for top, bottom in zip(ys[1:], ys[2:]):                       # below the heading row
        rows.append(["".join(c["text"] for c in chars if left < c["x0"] < right and top < c["top"] < bottom)
                     for left, right in zip(xs, xs[1:])])
    return rows


def spread(line: list[dict]) -> float:
    """The widest gap between two characters of a line, in em, not counting a
    full-width space (a gap of one em: 国立大学法人…機構　北見工業大学). A justified
    short line (令　　　　和) has gaps of several em."""
    gaps = [(b["x0"] - a["x1"]) / a["size"] for a, b in zip(line, line[1:])]
    return max((g for g in gaps if not 0.95 <= g <= 1.05), default=0.0)


def test_no_short_cell_is_spread_and_no_date_is_broken(tmp_path):
    """Seen: 「令　　　　和 / ６年10月21日～」 in the 有効期間 column (a justified line broken
    after the era), 「８ / 月12日」 and 「（自動 / 更新）」, in the PDF and the DOCX."""
    specs = tmp_path / "specs"
    for name, day in (("a", "2024-10-21"), ("b", "2024-08-12")):
        data = signed(day)
        data["agreement"].pop("validity")              # the default term: to 令和７年３月31日
        data["agreement"]["title"] += name
        write(specs, data, name)
    data = signed("2024-12-25", validity={"start": "2025-01-01", "end": "2027-03-31"})
    data["agreement"]["title"] = "令和７年度以降の連携に関する協定"
    write(specs, data, "c")
    result, out = annual([specs], 2024, tmp_path / "out", "--format", "pdf,csv,docx")
    assert result.returncode == 0, result.stderr
    _, rows, _ = read_csv(out / "annual-2024.csv")
    lines = table_cells(out / "annual-2024.pdf")
    texts = ["".join(c["text"] for c in line) for line in lines]
    renewed = [t for t in texts if "自動" in t or "更新" in t]
    assert renewed and all("（自動更新）" in t for t in renewed), renewed    # the phrase whole on its line
    body = zipfile.ZipFile(out / "annual-2024.docx").read("word/document.xml").decode("utf-8")
    cells = re.sub(r"<[^>]+>", "", body.replace("<w:br/>", "\n").replace("</w:p>", "\n"))
    assert "（自動更新）" in cells and "（自動\n" not in cells
    for row in rows:
        for day in (row[1], *row[6].replace("（自動更新）", "").split("～")):
            assert any(day in t for t in texts), (day, texts)         # on one line of its cell
    for line, text in zip(lines, texts):
        assert spread(line) < 0.3, text                                # never letter-spaced


def test_each_area_on_a_line_of_its_own_and_a_newline_as_a_line_break(tmp_path):
    data = signed("2024-05-22")
    data["agreement"]["areas"] = [{"heading": "観光、物産及び食の振興に関する事項", "items": ["観光"]},
                                  {"heading": "教育、人材育成に関する事項", "items": ["教育"]}]
    data["agreement"]["title"] = "北見工業大学との\n包括連携協定"
    spec = write(tmp_path / "specs", data, "a")
    style = style_file(tmp_path, "annual:\n  areas_mark: ・\n")
    result, out = annual([spec], 2024, tmp_path / "out", "--format", "pdf,csv", "--style", style)
    assert result.returncode == 0, result.stderr
    _, rows, _ = read_csv(out / "annual-2024.csv")
    assert rows[0][4] == "・観光、物産及び食の振興\n・教育、人材育成"
    assert rows[0][2] == "北見工業大学との\n包括連携協定"
    texts = ["".join(c["text"] for c in line) for line in table_cells(out / "annual-2024.pdf")]
    # each area starts a line of its own (its own text may wrap), as does the title's second line
    assert any(t.startswith("・観光、") for t in texts) and any(t.startswith("・教育、") for t in texts)
    # (the title's first line may wrap in its column, narrowed for the 22 characters of 相手方)
    assert any(t.startswith("包括連携協定") for t in texts) and not any("の包括" in t for t in texts)
    with pdfplumber.open(out / "annual-2024.pdf") as pdf:
        assert not any("\ufffd" in c["text"] or c["text"] == "\n" for c in pdf.pages[2].chars)


# ---------------------------------------------------------------- input
def test_folders_are_read_recursively(tmp_path):
    result, out = annual([LISTS / "kikugawa" / "specs"], 2024, tmp_path / "out", "--format", "csv",
                         "--style", LISTS / "kikugawa" / "style.yaml")
    assert result.returncode == 0, result.stderr
    _, rows, _ = read_csv(out / "annual-2024.csv")
    assert rows == [["1", "R6.4.22", "日本郵便株式会社", "包括連携協定"]]       # from specs/r6/


def test_the_same_agreement_given_twice_is_an_error_naming_both_files(tmp_path):
    first = write(tmp_path / "specs", signed("2024-05-22"), "kitami")
    second = tmp_path / "specs" / "copies" / "kitami-copy.yaml"
    second.parent.mkdir()
    shutil.copy(first, second)
    result, _ = annual([tmp_path / "specs"], 2024, tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    message = next(line for line in result.stderr.splitlines() if "the same agreement as" in line)
    assert str(first) in message and str(second) in message, result.stderr
    assert not (tmp_path / "out").exists()


def test_one_file_given_as_itself_and_in_its_folder_is_listed_once(tmp_path):
    spec = write(tmp_path / "specs", signed("2024-05-22"), "kitami")
    result, out = annual([tmp_path / "specs", spec], 2024, tmp_path / "out", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert len(read_csv(out / "annual-2024.csv")[1]) == 1


# ---------------------------------------------------------------- fiscal-year edges
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(days=st.lists(st.sampled_from([dt.date(y, m, d) for y in (2019, 2024, 2025) for m, d in
                                      ((3, 31), (4, 1), (1, 1), (12, 31), (2, 29) if y == 2024 else (2, 28))]
                                     + [dt.date(2019, 5, 1)]), min_size=1, max_size=4, unique=True),
       fy=st.sampled_from([2019, 2023, 2024, 2025]))
def test_a_book_holds_exactly_its_fiscal_years_agreements(tmp_path_factory, days, fy):
    tmp = tmp_path_factory.mktemp("fy")
    for i, day in enumerate(days):
        data = signed(day.isoformat())
        data["agreement"]["title"] = f"第{i + 1}の協定"
        data["agreement"].pop("validity", None)
        write(tmp / "specs", data, f"s{i}")
    result, out = annual([tmp / "specs"], fy, tmp / "out", "--format", "csv")
    expected = sorted(d for d in days if dt.date(fy, 4, 1) <= d <= dt.date(fy + 1, 3, 31))
    if not expected:
        assert result.returncode == 1 and "no agreement of" in result.stderr
        return
    assert result.returncode == 0, result.stderr
    _, _, table = read_csv(out / f"annual-{fy}.csv")
    assert [r[2] for r in table[1:]] == [d.isoformat() for d in expected]


def test_who_signs_may_be_left_out_only_where_nothing_prints_it(tmp_path):
    data = seed()
    del data["parties"]["kitami_it"]["representative"]
    spec = write(tmp_path, data, "notice")
    result = run_generate("check", spec)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"error: {spec}:" in result.stderr and \
        "parties.kitami_it.representative: missing: the agreement's signature block prints who signs" in result.stderr
    listed = {"issuer": data["issuer"], "parties": data["parties"],
              "agreement": {k: data["agreement"][k] for k in ("title", "signing_date")}}
    assert run_generate("check", write(tmp_path, listed, "listed")).returncode == 0


def test_a_cells_line_that_starts_with_a_length_of_time_starts_so_in_the_docx():
    """Seen in the FY2018 book of the real cases: 「平成31年２月５日から１年 / 間（自動更新）」
    in LibreOffice's 有効期間 cell. The PDF keeps １年間 whole (jlreq); where its line
    starts with it, the DOCX's cell breaks there too, so Word and LibreOffice cannot split it."""
    from jpdocs.content import model as m
    from jpdocs.spec.style import load_style
    from jpdocs.writers.docx.line_breaks import phrase_lines
    from jpdocs.writers.docx.paragraphs import Ctx
    text = "平成31年２月５日から１年間（自動更新）"
    starts = set()
    for ems in range(8, 16):
        out = phrase_lines(Ctx(load_style(), round(ems * 9 * 20)), "small", None, [m.Text(text)], phrases=False)
        lines = "".join("\n" if isinstance(i, m.LineBreak) else i.text for i in out).split("\n")
        assert "".join(lines) == text and not any(a.endswith("１年") for a in lines[:-1]), lines
        starts.update(line for line in lines[1:])
    assert "１年間（自動更新）" in starts, starts


def test_agreements_of_one_day_keep_the_order_the_specs_are_given(tmp_path):
    """国税庁's list sets the 確認書 of 令和2年6月18日 before the two 補足書簡 under it; ordered by
    title, the book set the letters first (「 sorts before 在). One day's agreements are listed
    in the order the specs are read: as given, a folder's files in name order."""
    day = "2024-06-18"
    first = write(tmp_path / "in", signed(day, title="在留外国人に関する情報連携に関する確認書"), "b-first")
    second = write(tmp_path / "in", signed(day, title="「在留外国人に関する情報連携に関する確認書」に係る補足書簡"), "a-second")
    for order in ([first, second], [second, first]):
        out = tmp_path / f"out-{order[0].stem}"
        result, _ = annual(order, 2024, out, "--format", "csv")
        assert result.returncode == 0, result.stderr
        _, rows, _ = read_csv(out / "annual-2024.csv")
        titles = [r[2] for r in rows]
        expected = [yaml.safe_load(p.read_text(encoding="utf-8"))["agreement"]["title"] for p in order]
        assert titles == expected, titles
    # a folder: its files in name order (a-second before b-first)
    result, _ = annual([tmp_path / "in"], 2024, tmp_path / "out-folder", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert [r[2] for r in read_csv(tmp_path / "out-folder" / "annual-2024.csv")[1]] == [
        "「在留外国人に関する情報連携に関する確認書」に係る補足書簡", "在留外国人に関する情報連携に関する確認書"]


def test_a_column_the_office_heads_with_nothing_is_named_for_a_screen_reader(books):
    """篠山市's № stands under no heading, as the page has it: the head stays empty where
    it prints, and a screen reader still hears what the column is (番号): the HTML's
    aria-label, the tagged PDF's /Alt on its TH. A column with a heading has neither."""
    from pypdf import PdfReader
    facts, out = books["sasayama-h8"]
    page = strict_parse((out / "annual-1996.html").read_bytes())
    heads = page.findall(".//thead/tr/th")
    assert ["".join(th.itertext()) for th in heads] == ["", "協定名", "協定市町", "協定日"]
    assert [th.get("aria-label") for th in heads] == ["番号", None, None, None]
    reader = PdfReader(out / "annual-1996.pdf")
    found = []

    def walk(elem):
        if elem.get("/S") == "/TH":
            found.append(str(elem["/Alt"]) if "/Alt" in elem else None)
        kids = elem.get("/K")
        for k in (kids if isinstance(kids, list) else [kids] if kids is not None else []):
            k = k.get_object()
            if hasattr(k, "get") and "/S" in k:
                walk(k)
    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"].get_object())
    assert found[:4] == ["番号", None, None, None], found
