"""The annual overview: thirty generated specs across three fiscal years, the
boundaries included; the 2024 book holds exactly its agreements, in order."""
from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from docx import Document as OpenDocx
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import ROOT, SEED_SPEC, SOFFICE, needs_poppler, no_space, pdf_text, run_generate
from jpdocs.content.agreement.compose import compose
from jpdocs.spec.load import load_spec
from jpdocs.spec.style import load_style

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402

BOUNDARIES = [dt.date(2024, 3, 31), dt.date(2024, 4, 1), dt.date(2025, 1, 8), dt.date(2025, 3, 31),
              dt.date(2025, 4, 1)]
FILED_OTHERWISE = dt.date(2025, 4, 2)      # signed in FY2025 but filed under 2024 (agreement.fiscal_year)


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("annual")
    dates = BOUNDARIES + [FILED_OTHERWISE] + spread_dates(24, dt.date(2023, 4, 1), 1095, seed=7)
    specs = write_specs(tmp / "specs", dates)
    filed = specs[len(BOUNDARIES)]
    text = filed.read_text(encoding="utf-8")
    filed.write_text(text.replace("  areas:", "  fiscal_year: 2024\n  areas:", 1), encoding="utf-8")
    expected = sorted((d, s) for d, s in zip(dates, specs)
                      if dt.date(2024, 4, 1) <= d <= dt.date(2025, 3, 31) or s == filed)
    result = run_generate("annual", "--fiscal-year", "2024", tmp / "specs", "-o", tmp / "out")
    assert result.returncode == 0, result.stderr
    titles = [title_of(s) for _, s in expected]
    return tmp / "out", expected, titles


def title_of(spec) -> str:
    for line in spec.read_text(encoding="utf-8").splitlines():
        if line.startswith("  title: "):
            return line.split(": ", 1)[1]
    raise AssertionError(spec)


def outline(reader):
    out = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title, reader.get_destination_page_number(item)))
    walk(reader.outline, 0)
    return out


def test_exactly_the_years_agreements_in_signing_order(year):
    out, expected, titles = year
    with open(out / "annual-2024.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["№", "締結日", "締結日（ISO）", "協定名", "相手方", "連携事項", "担当課", "有効期間",
                       "有効期間（ISO）"]
    assert [r[3] for r in rows[1:]] == titles
    assert [r[2] for r in rows[1:]] == sorted(r[2] for r in rows[1:])     # ISO dates: the CSV sorts
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, len(titles) + 1)]
    # the boundaries, read from the book itself: the first and last day of 令和６年度 and
    # 2025-01-08 are in it, the day before and after are not; 2025-04-02 is filed under it
    signed = [r[1] for r in rows[1:]]
    for inside in ("令和６年４月１日", "令和７年１月８日", "令和７年３月31日", "令和７年４月２日"):
        assert signed.count(inside) == 1, inside
    for outside in ("令和６年３月31日", "令和７年４月１日"):
        assert outside not in signed, outside
    assert signed.index("令和６年４月１日") == 0 and signed[-1] == "令和７年４月２日"


def test_one_bookmark_per_agreement_in_order(year):
    out, expected, titles = year
    reader = PdfReader(out / "annual-2024.pdf")
    entries = outline(reader)
    agreements = [(title, page) for level, title, page in entries if level == 1]
    assert len(agreements) == len(titles)
    assert all(t in title for (title, _), t in zip(agreements, titles))
    pages = [p for _, p in agreements]
    assert pages == sorted(pages) and len(set(pages)) == len(pages)
    assert [t for level, t, _ in entries if level == 0] == ["表紙", "目次", "締結状況一覧", "各協定の概要"]


def test_pdf_is_one_document_with_labels_metadata_and_lang(year):
    out, _, titles = year
    path = out / "annual-2024.pdf"
    reader = PdfReader(path)
    assert reader.page_labels[:3] == ["i", "ii", "1"]
    assert reader.metadata.title == "令和６年度　連携協定締結状況"
    assert reader.metadata.author == "北海道オホーツク総合振興局"
    assert reader.trailer["/Root"]["/Lang"] == "ja-JP"
    assert path.stat().st_size < 400_000                       # fonts embedded once, not per sheet
    landscape = [pg for pg in reader.pages if pg.mediabox.width > pg.mediabox.height]
    # the summary table's pages repeat its column heads; the rest are the sheets
    sheets = [pg for pg in landscape if len(set(re.findall(r"協定名|有効期間", pg.extract_text()))) < 2]
    assert len(sheets) == len(titles)
    assert len(landscape) > len(sheets)                        # the summary table is set landscape too
    links = [a for page in reader.pages[:2] for a in (page.get("/Annots") or [])]
    assert len(links) >= len(titles)                          # the contents link to the sheets


@needs_poppler
def test_csv_rows_equal_the_summary_table_in_docx_and_pdf(year):
    out, _, _ = year
    with open(out / "annual-2024.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert (out / "annual-2024.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    printed = [[c for c, head in zip(r, rows[0]) if not head.endswith("（ISO）")] for r in rows]
    table = OpenDocx(out / "annual-2024.docx").tables[0]
    # the DOCX breaks a cell's line before a date where the PDF does (see below)
    assert [[c.text.replace("\n", "") for c in r.cells] for r in table.rows] == \
        [[c.replace("\n", "") for c in r] for r in printed]
    rows = printed
    text = no_space(pdf_text(out / "annual-2024.pdf"))
    for row in rows[1:]:
        for cell in row[1:]:
            assert no_space(cell) in text, cell


def test_a_year_without_agreements_says_so_and_writes_nothing(year, tmp_path):
    out, expected, _ = year
    specs = expected[0][1].parent
    result = run_generate("annual", "--fiscal-year", "2030", specs, "-o", tmp_path / "none")
    assert result.returncode == 1
    assert "no agreement of 令和12年度" in result.stderr
    assert not (tmp_path / "none").exists()


# ---------------------------------------------------------------- the values, for known specs
SPORTS = ROOT / "specs" / "2016-03-07-sports-culture-tourism.yaml"
OKHOTSK = ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml"


def book_rows(tmp_path, spec, fy) -> list[dict[str, str]]:
    result = run_generate("annual", "--fiscal-year", str(fy), spec, "-o", tmp_path)
    assert result.returncode == 0, result.stderr
    with open(tmp_path / f"annual-{fy}.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def okhotsk_row(tmp_path_factory):
    [row] = book_rows(tmp_path_factory.mktemp("okhotsk"), OKHOTSK, 2023)
    return row


@pytest.fixture(scope="module")
def sports_row(tmp_path_factory):
    [row] = book_rows(tmp_path_factory.mktemp("sports"), SPORTS, 2015)
    return row


def test_the_seed_agreements_row(okhotsk_row):
    """Written out from the spec and its agreement (本協定の締結の日から令和７年３月31日まで)."""
    row = okhotsk_row
    assert row["№"] == "1"
    assert row["締結日"] == "令和６年２月27日"
    assert row["協定名"] == "北海道オホーツク総合振興局と北見工業大学との包括連携協定"
    assert row["相手方"] == "国立大学法人北海道国立大学機構　北見工業大学"     # never the issuer
    # one area a line: joined with 、 they lost their boundaries where an area holds a 、 itself
    assert row["連携事項"] == ("農林水産業の振興\n地域で活躍する人材の育成\n観光振興・地域の魅力発信\n"
                           "脱炭素・ゼロカーボン北海道の推進\n防災・減災に向けた地域づくり\n公共交通の活性化")
    assert row["担当課"] == "オホーツク総合振興局地域創生部地域政策課"
    assert row["有効期間"] == "令和６年２月27日～令和７年３月31日（自動更新）"


def test_the_partners_of_an_issuer_that_is_the_second_party(sports_row):
    """文化庁 issues the notice and is 乙: the 相手方 are 甲 and 丙, never 文化庁."""
    assert sports_row["相手方"] == "スポーツ庁、観光庁"
    assert sports_row["締結日"] == "平成28年３月７日"
    assert sports_row["協定名"] == "スポーツ庁，文化庁及び観光庁の包括的連携協定"


def sports_with(tmp_path, changes: dict) -> Path:
    """A copy of the three agencies' spec with (section, key) = value changes."""
    data = yaml.safe_load(SPORTS.read_text(encoding="utf-8"))
    for (section, key), value in changes.items():
        data[section][key] = value
    path = tmp_path / "sports.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# Issue 14 (strict xfails before the merge): main fixes both, by its own rules, so the
# values are asserted plainly, as the CSV prints them.
def test_the_issuers_own_department_is_its_tantouka(sports_row, tmp_path):
    # never a contact: the first one is the co-signer スポーツ庁's (the bug of issue 14)
    assert sports_row["担当課"] == "－"
    # the issuer's own office, named by the notice's issuing_office, is the 担当課
    spec = sports_with(tmp_path, {("press_notice", "issuing_office"): "文化庁長官官房政策課"})
    [row] = book_rows(tmp_path / "out", spec, 2015)
    assert row["担当課"] == "文化庁長官官房政策課"
    # offices issuing together (issuing_office as a list): each of them, a line each, none
    # chosen, where each is a unit of the issuer; a co-signer's office is not the issuer's
    # unit: none is printed then (annual/departments.py, tests/test_annual_departments.py)
    spec = sports_with(tmp_path, {("press_notice", "issuing_office"): ["文化庁長官官房政策課", "文化庁文化財部"]})
    [row] = book_rows(tmp_path / "two", spec, 2015)
    assert row["担当課"].splitlines() == ["文化庁長官官房政策課", "文化庁文化財部"]
    spec = sports_with(tmp_path, {("press_notice", "issuing_office"): ["文化庁長官官房政策課", "スポーツ庁参事官付"]})
    [row] = book_rows(tmp_path / "other", spec, 2015)
    assert row["担当課"] == "－"


def test_the_book_says_when_its_tantouka_is_the_notices_issuing_office(tmp_path):
    """The issuing office names who issues the release (it may be a person, 研究企画主幹
    and a name, or several offices): where the book lists it as 担当課, the build says so
    at that line; where the spec states agreement.department, it says nothing."""
    spec = sports_with(tmp_path, {("press_notice", "issuing_office"): "文化庁長官官房政策課"})
    result = run_generate("annual", "--fiscal-year", "2015", spec, "-o", tmp_path / "out", "--format", "csv")
    assert result.returncode == 0, result.stderr
    line = next(n for n, text in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith("issuing_office:"))
    notes = [n for n in result.stdout.splitlines() if "agreement.department" in n]
    assert notes == [f"note: {spec}:{line}: agreement.department: not given; the book's 担当課 is the press"
                     " notice's issuing office (文化庁長官官房政策課): give agreement.department to state the"
                     " office in charge"]
    spec = sports_with(tmp_path, {("press_notice", "issuing_office"): "文化庁長官官房政策課",
                                  ("agreement", "department"): "文化庁長官官房政策課"})
    result = run_generate("annual", "--fiscal-year", "2015", spec, "-o", tmp_path / "given", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "agreement.department" not in result.stdout


def test_the_validity_agrees_with_the_agreements_default_end(sports_row, tmp_path):
    # main's SPORTS spec states no term anywhere (no validity:, no agreement document)
    assert sports_row["有効期間"] == "－"
    # with the agreement document, the book prints the term the agreement prints:
    # signed in March, so term.py ends it with the next fiscal year
    spec = sports_with(tmp_path, {("agreement", "document"): {"standard": "包括連携",
                                                              "purpose": "地域の持続的な発展に寄与する"}})
    [row] = book_rows(tmp_path / "out", spec, 2015)
    assert row["有効期間"] == "平成28年３月７日～平成29年３月31日（自動更新）"
    [validity] = [a for a in compose(load_spec(spec), load_style()).articles if a.name == "validity"]
    assert validity.clauses[0].text.startswith("本協定の有効期間は、本協定の締結の日から平成29年３月31日までとする。")


def test_the_book_names_the_end_it_lists_for_the_user(tmp_path):
    """The term the standard article prints with an end no spec gave: the book lists
    it as the agreement prints it, and says so, at the signing date's line."""
    spec = sports_with(tmp_path, {("agreement", "document"): {"standard": "包括連携",
                                                              "purpose": "地域の持続的な発展に寄与する"}})
    result = run_generate("annual", "--fiscal-year", "2015", spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stdout.splitlines() if "agreement.validity.end" in line]
    line = next(n for n, text in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith("signing_date:"))
    assert notes == [f"note: {spec}:{line}: agreement.validity.end: not given; the book lists the term to"
                     " 平成29年３月31日: the end of the next fiscal year, as the signing falls in the last"
                     " quarter of its fiscal year"]
    renewal = [line for line in result.stdout.splitlines() if "agreement.validity.renewal" in line]
    assert renewal == [f"note: {spec}:{line}: agreement.validity.renewal: not given; the book lists the term as"
                       " renewing（自動更新）, as the agreement's standard 有効期間 article renews it by default:"
                       " say renewal: false if it does not"]
    spec = sports_with(tmp_path, {("agreement", "document"): {"standard": "包括連携",
                                                              "purpose": "地域の持続的な発展に寄与する"},
                                  ("agreement", "validity"): {"renewal": True}})
    result = run_generate("annual", "--fiscal-year", "2015", spec, "-o", tmp_path / "given")
    assert result.returncode == 0, result.stderr
    assert "agreement.validity.renewal" not in result.stdout, "said by the spec"


def test_an_agreement_whose_own_articles_state_the_term_lists_none_it_did_not_give(tmp_path):
    """Own articles (the real 町田市・相模原市・CMJ text: 締結した日から１年間) and no
    validity: the book does not read a term out of the text, and lists none; with the
    term given as its text gives it (validity.length), it lists that, to no end date."""
    real = ROOT / "tests" / "data" / "real"
    shutil.copytree(real / "styles", tmp_path / "styles")
    data = yaml.safe_load((real / "machida-sagamihara-cmj-2019.yaml").read_text(encoding="utf-8"))
    assert data["agreement"]["validity"] == {"length": "1年", "renewal_notice": "3か月", "renewal_term": "1年"}
    given = data["agreement"].pop("validity")
    spec = tmp_path / "machida.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    [row] = book_rows(tmp_path / "a", spec, 2018)
    assert row["有効期間"] == "－"
    data["agreement"]["validity"] = given
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate("annual", "--fiscal-year", "2018", spec, "-o", tmp_path / "b")
    assert result.returncode == 0, result.stderr
    assert "note:" not in result.stdout
    with open(tmp_path / "b" / "annual-2018.csv", encoding="utf-8-sig", newline="") as fh:
        [row] = list(csv.DictReader(fh))
    assert row["有効期間"] == "平成31年２月５日から１年間（自動更新）"
    assert "2019-02-05/P1Y" in row.values()             # the ISO column beside it: a start and a duration


def test_a_notice_valid_under_its_own_house_does_not_stop_the_book(tmp_path):
    """The book sets each agreement's sheet in the book's house style; the spec's notice
    (滋賀県's: the 次第 a step a line, the signers under a step, as its own house sets
    it) is not the book's business, and a check of it under the book's style (which
    joins the 次第 on one line) must not stop the book. Its row and sheet are there."""
    real = ROOT / "tests" / "data" / "real"
    shutil.copytree(real / "styles", tmp_path / "styles")
    spec = tmp_path / "shiga.yaml"
    shutil.copy(real / "shiga-kagome-2018.yaml", spec)
    result = run_generate("annual", "--fiscal-year", "2018", spec, "-o", tmp_path / "out", "--format", "pdf,csv")
    assert result.returncode == 0, result.stderr
    with open(tmp_path / "out" / "annual-2018.csv", encoding="utf-8-sig", newline="") as fh:
        [row] = list(csv.DictReader(fh))
    assert row["協定名"] == "滋賀県とカゴメ株式会社との包括的連携協定"
    assert "滋賀県とカゴメ株式会社との包括的連携協定の概要" in no_space(pdf_text(tmp_path / "out" / "annual-2018.pdf"))
    # the notice itself, built with the book's (the default) house style, is still refused
    result = run_generate(spec, "-o", tmp_path / "build", "--style", ROOT / "templates" / "house-style.yaml")
    assert result.returncode == 1 and "signatories would have no effect" in result.stderr

def test_a_house_style_kept_in_a_spec_folder_is_named_and_not_read_as_a_spec(tmp_path):
    specs = tmp_path / "specs"
    (specs / "styles").mkdir(parents=True)
    shutil.copy(SEED_SPEC, specs / SEED_SPEC.name)
    (specs / "styles" / "office.yaml").write_text("digits: full\nwording:\n  press_header: 記者発表資料\n",
                                                   encoding="utf-8")
    result = run_generate("annual", "--fiscal-year", "2023", specs, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert f"note: {specs / 'styles' / 'office.yaml'}: a house style, not a spec" in result.stdout
    # a style that sets the agreement's form (agreement: article_heading …, as most of the
    # real cases' styles do) is a house style too: it was read as a spec missing its title
    shutil.copy(ROOT / "tests" / "data" / "real" / "styles" / "aso-koiki.yaml", specs / "styles" / "form.yaml")
    result = run_generate("annual", "--fiscal-year", "2023", specs, "-o", tmp_path / "out1")
    assert result.returncode == 0, result.stderr
    assert f"note: {specs / 'styles' / 'form.yaml'}: a house style, not a spec" in result.stdout
    # a spec whose issuer and parties are missing is still a spec, its agreement its own
    (specs / "styles" / "half.yaml").write_text("agreement:\n  title: 包括連携協定\n  signing_date: 2023-05-01\n",
                                                encoding="utf-8")
    result = run_generate("annual", "--fiscal-year", "2023", specs, "-o", tmp_path / "out3")
    assert result.returncode == 1 and "half.yaml:1: issuer: this key is required" in result.stderr
    (specs / "styles" / "half.yaml").unlink()
    # a spec with a house-style key by mistake is still a spec, and its mistake is reported
    (specs / "styles" / "broken.yaml").write_text("issuer: 北海道\ndigits: full\n", encoding="utf-8")
    result = run_generate("annual", "--fiscal-year", "2023", specs, "-o", tmp_path / "out2")
    assert result.returncode == 1 and "broken.yaml" in result.stderr


def test_the_docx_contents_are_a_toc_field_of_what_it_holds(year):
    """The DOCX holds cover, contents and summary (the sheets are the PDF's): its
    contents are Word's TOC over the level-2 headings, stored as they print: the
    summary on page 3; no overview sheet is listed."""
    out, _, titles = year
    document = OpenDocx(out / "annual-2024.docx")
    xml = document.element.body.xml
    assert re.search(r'TOC \\o "2-2" \\h \\z \\u </w:instrText>.*?separate.*?<w:t>締結状況一覧</w:t>.*?'
                     r'<w:tab/>\s*<w:t>3</w:t>.*?fldCharType="end"', xml, re.S)
    heading = next(p for p in document.paragraphs if p.text == "締結状況一覧")
    assert heading._p.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "1"
    assert "各協定の概要" not in xml and not any(f"{t}の概要" in xml for t in titles)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@needs_poppler
def test_dates_in_the_docx_summary_are_never_split(year, tmp_path):
    """Where the PDF starts a cell's line with a date (令和８年３月31日 after ～), the DOCX
    breaks the line there too: LibreOffice split such a date (…～令和 / ８年３月31日)
    when its line held a character more. Read back from LibreOffice's PDF."""
    import os
    import subprocess
    out, _, _ = year
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(out / "annual-2024.docx")],
                   env=dict(os.environ, HOME=str(tmp_path)), capture_output=True, timeout=300, check=True)
    lines = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(tmp_path / "annual-2024.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout.splitlines()
    lines = [no_space(line) for line in lines]
    assert sum("～" in line for line in lines) >= 5
    split = [line for line in lines if re.search(r"(令和|令和[0-9０-９]+年|令和[0-9０-９]+年[0-9０-９]+月?)$", line)]
    assert not split, split


@pytest.mark.slow          # (some 40 s: a book for each of fifteen years)
def test_every_year_of_the_real_cases_makes_its_book(tmp_path):
    """The real cases of many offices, each under its own house style, as one pile of
    specs: the book of every fiscal year they were signed in is made (PDF and CSV), with
    a row for each of that year's agreements, and its PDF is valid PDF/UA-1."""
    from jpdocs.annual.rows import fiscal_year_of
    from jpdocs.spec.several import agreement_views
    real = sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml") if not p.name.endswith(".facts.yaml"))
    years: dict[int, list[str]] = {}
    # a 変更協定 (agreement.amends) is listed with its 原協定 on a line under its title
    # (横浜市水道局's 改定 names its 平成17年度 原協定 without a day: no date is printed)
    under = {"情報提供に関する協定書": "\n（令和元年７月１日締結の情報提供に関する協定書の変更）",
             "災害時の協力に関する協定": "\n（災害時の協力に関する協定の改定）",
             "緊急物資供給協定": "\n（緊急物資供給協定の改定）",
             # 九州防衛局's 合意文書 renewing its 協定 of 平成9年 (the year alone, as the page gives it)
             "日出生台演習場の米軍使用に関する協定": "\n（平成９年締結の日出生台演習場の米軍使用に関する協定の更新）"}
    for path in real:
        for loaded in agreement_views(load_spec(path)):      # a spec of several agreements: a row each
            ag = loaded.spec.agreement
            # a form (雛形) whose party is named by blanks (○市: CMJ's model agreement) was signed
            # by no one: the book leaves it out (annual/rows.py form_blanks), with a note
            form = any("○" in (party.name or "") + (party.formal_name or "") for _, party in loaded.spec.party_list())
            if ag and ag.signing_date and not form:
                years.setdefault(fiscal_year_of(loaded), []).append(ag.title + (under[ag.amends.title] if ag.amends else ""))
    assert len(years) >= 10
    page = pytest.importorskip("page")          # the PDF/UA validator
    # 大分県信用組合's head is 𠮷野 (oita-kenshin-gyokyo-2023): a book that lists him needs
    # the fallback font his notice's house style names, as the office keeping it would set
    style = tmp_path / "book-style.yaml"
    style.write_text("fallback_fonts: [/usr/share/fonts/truetype/ipamj/ipamjm.ttf]\n", encoding="utf-8")
    for fy, titles in sorted(years.items()):
        result = run_generate("annual", "--fiscal-year", str(fy), *real, "-o", tmp_path / str(fy), "--format", "pdf,csv",
                              "--style", style)
        assert result.returncode == 0, (fy, result.stderr)
        with open(tmp_path / str(fy) / f"annual-{fy}.csv", encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            # the title column's head follows the kinds of the year (協定名, 覚書名, 議定書名, 協定等の名称: kinds.py;
            # 憲章名 in 2000, whose one agreement is the 四大学連合憲章)
            head = reader.fieldnames[3]
            assert head in ("協定名", "覚書名", "盟約名", "協議名", "議定書名", "憲章名", "協定等の名称"), (fy, head)
            assert sorted(row[head] for row in reader) == sorted(titles), fy
        book = str(tmp_path / str(fy) / f"annual-{fy}.pdf")
        assert [f.rule_id for f in page.validate_pdf(book, profile="PDF_UA_1").failures] == [], fy


def test_a_release_both_parties_issue_lists_the_other_as_partner(tmp_path):
    """国立環境研究所 and 国立水俣病総合研究センター issued their notice together (the
    second party `issuing: true`): the book, the issuer's, lists the centre as 相手方
    (it listed －, as if the agreement had no partner)."""
    real = ROOT / "tests" / "data" / "real"
    shutil.copytree(real / "styles", tmp_path / "styles")
    spec = tmp_path / "nies.yaml"
    # two offices of the issuer issuing (the real page's lines name a person each, which
    # the book never prints as 担当課: tests/test_annual_departments.py)
    text = (real / "nies-minamata-2016.yaml").read_text(encoding="utf-8")
    people = "　研究企画主幹　松崎　慎一郎\n    - 環境省国立水俣病総合研究センター　総務課長　大竹　敦"
    assert people in text
    spec.write_text(text.replace(people, "\n    - 国立研究開発法人国立環境研究所　総務部総務課"), encoding="utf-8")
    [row] = book_rows(tmp_path / "out", spec, 2016)
    assert row["相手方"] == "環境省国立水俣病総合研究センター"
    # its sheet (no areas: the plain sheet of facts) has both offices a line each in 担当課,
    # with a line break between them, never a newline drawn as a glyph (it broke PDF/UA)
    pdf = tmp_path / "out" / "annual-2016.pdf"
    text = pdf_text(pdf)
    assert "(cid:" not in text and "\x00" not in text
    offices = no_space(text)
    assert "担当課国立研究開発法人国立環境研究所企画部研究推進室国立研究開発法人国立環境研究所総務部総務課" in offices
    page = pytest.importorskip("page")
    assert [f.rule_id for f in page.validate_pdf(str(pdf), profile="PDF_UA_1").failures] == []
