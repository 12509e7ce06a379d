"""Truth in the annual book's names: what it says of an agreement is what the spec
states, never a hole or a guess. Real cases built with the real command line, the
CSV, the HTML and the PDF's text read back:

- the prose list (`annual.prose`) prints {issuer} only where the issuer is a party,
  {department} only where one is stated, {partners} only where there is one: else the
  book is refused at the spec's key, nothing written (長野県林務部 witnessed the
  forest contract of 長野朝日放送, 安曇野市 and 森倶楽部21; it concluded nothing);
- an agreement's kind is read from its title's last word (森林（もり）の里親契約 is a
  契約: 契約名, not 協定名), and where the title has none (大口町's 姉妹都市提携) the
  build says it counted it as a 協定書;
- the plain overview sheet names the agreement with the house's `overview_suffix`;
- a company (長野朝日放送株式会社) is never taken for the issuer's own body because it
  bears the issuer's place name; a 県立大学 may be, and is still refused."""
from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, needs_poppler, no_space, pdf_text, run_generate

REAL = ROOT / "tests" / "data" / "real"
NAGANO = "nagano-abn-azumino-2012"


def copy_real(tmp_path: Path, case: str, edit=None) -> Path:
    """The real case in a folder of its own beside its house styles, its text edited."""
    shutil.copytree(REAL / "styles", tmp_path / "styles", dirs_exist_ok=True)
    shutil.copytree(REAL / "photos", tmp_path / "photos", dirs_exist_ok=True)   # the captions' stand-in
    text = (REAL / f"{case}.yaml").read_text(encoding="utf-8")
    if edit is not None:
        text = edit(text)
    spec = tmp_path / f"{case}.yaml"
    spec.write_text(text, encoding="utf-8")
    return spec


def house(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def annual(tmp_path: Path, spec: Path, fy: int, *options):
    return run_generate("annual", "--fiscal-year", str(fy), spec, "-o", tmp_path / "out", *options)


def line_of(spec: Path, fragment: str) -> int:
    return next(n for n, line in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def nothing_written(tmp_path: Path) -> bool:
    out = tmp_path / "out"
    return not out.exists() or not any(out.iterdir())


def csv_rows(tmp_path: Path, fy: int) -> list[dict]:
    with open(tmp_path / "out" / f"annual-{fy}.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


PROSE = "annual:\n  web: prose\n  prose: '{prose}'\n"


# ---------------------------------------------------------------- the prose list
def test_prose_naming_an_issuer_that_is_no_party_is_refused(tmp_path):
    """長野県林務部 witnessed the contract: 「長野県林務部が…を締結しました」 would be false."""
    spec = copy_real(tmp_path, NAGANO)
    style = house(tmp_path, PROSE.format(prose="{issuer}が{title}を締結しました（{date}）"))
    result = annual(tmp_path, spec, 2012, "--style", style, "--format", "html")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{spec}:{line_of(spec, 'issuer:')}: issuer:" in result.stderr
    assert "annual.prose" in result.stderr and "長野県林務部 is no party" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr and nothing_written(tmp_path)


def test_prose_naming_a_department_not_stated_is_refused(tmp_path):
    """No agreement.department, the notice's issuing_office: false: {department} would print －."""
    spec = copy_real(tmp_path, NAGANO)
    style = house(tmp_path, PROSE.format(prose="{title}を締結しました（{department}）"))
    result = annual(tmp_path, spec, 2012, "--style", style, "--format", "csv,html")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{spec}:{line_of(spec, 'agreement:')}: agreement.department: not given" in result.stderr
    assert "{department}" in result.stderr and nothing_written(tmp_path)


def test_prose_prints_what_the_spec_states(tmp_path):
    """The same placeholders where the spec states them: the department given, the
    partners listed; the line as the template says, with no hole."""
    spec = copy_real(tmp_path, NAGANO, lambda t: t.replace("  signing_date: 2012-04-29\n",
                                                           "  signing_date: 2012-04-29\n  department: 林務部信州の木振興課\n"))
    style = house(tmp_path, PROSE.format(prose="{partners}が{title}を締結しました（{department}）"))
    result = annual(tmp_path, spec, 2012, "--style", style, "--format", "html")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "annual-2012.fragment.html").read_text(encoding="utf-8")
    assert ("<li>長野朝日放送株式会社、安曇野市及びNPO法人　森倶楽部21が森林（もり）の里親契約を締結しました"
            "（林務部信州の木振興課）</li>") in page
    assert "－" not in page


@pytest.mark.parametrize("formats", ["csv", "pdf", "docx", "pdf,docx,csv"])
def test_prose_with_a_hole_is_refused_whichever_files_are_written(tmp_path, formats):
    """Only the HTML prints the prose list, but it is the book's web form (web: prose):
    a spec whose line would print a guess is refused by a run that writes the PDF or
    the CSV alone as well, at the same key, nothing written (else the next run, with
    the HTML, would refuse a spec the office took for fine)."""
    spec = copy_real(tmp_path, NAGANO)
    style = house(tmp_path, PROSE.format(prose="{issuer}が{title}を締結しました"))
    result = annual(tmp_path, spec, 2012, "--style", style, "--format", formats)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{spec}:{line_of(spec, 'issuer:')}: issuer:" in result.stderr and "annual.prose" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr and nothing_written(tmp_path)


def test_a_table_house_never_checks_the_prose_it_does_not_print(tmp_path):
    """web: table (the default) prints no prose line: a spec whose issuer is no party is
    listed, its HTML a table."""
    result = annual(tmp_path, copy_real(tmp_path, NAGANO), 2012, "--format", "csv,html")
    assert result.returncode == 0, result.stderr
    assert "<table" in (tmp_path / "out" / "annual-2012.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- the kind
def test_a_contract_is_listed_as_a_contract(tmp_path):
    """森林（もり）の里親契約 has no agreement document: its title's last word is its kind,
    and a book of it says 契約名 and 契約締結状況, not 協定名."""
    result = annual(tmp_path, copy_real(tmp_path, NAGANO), 2012, "--format", "csv,html")
    assert result.returncode == 0, result.stderr
    rows = csv_rows(tmp_path, 2012)
    assert rows[0]["契約名"] == "森林（もり）の里親契約" and "協定名" not in rows[0]
    page = (tmp_path / "out" / "annual-2012.html").read_text(encoding="utf-8")
    assert "契約締結状況" in page and "協定" not in page
    assert "document.kind" not in result.stdout + result.stderr     # the title said it


def test_a_title_without_a_kind_is_counted_as_an_agreement_and_the_build_says_so(tmp_path):
    """大口町's 姉妹都市提携 names no kind: the book keeps its 協定名, and says why. The spec
    gives no agreement document, so the note points at agreement.kind (document.kind would
    make a document the spec has no text for: h133)."""
    spec = copy_real(tmp_path, "oguchi-matsue-2015")
    result = annual(tmp_path, spec, 2015, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert csv_rows(tmp_path, 2015)[0]["協定名"] == "姉妹都市提携"
    said = result.stdout + result.stderr
    assert (f"{spec}:{line_of(spec, 'title: 姉妹都市提携')}: agreement.title: ends in no kind's word"
            in said)
    assert "write agreement.kind to say what it is" in said and "document.kind" not in said
    assert "counts it as a 協定書" in said


# ---------------------------------------------------------------- the overview sheet
@needs_poppler
def test_the_plain_sheet_names_the_agreement_with_the_house_suffix(tmp_path):
    """An agreement without areas gets the book's plain sheet: its heading is the title
    and the house's overview_suffix, as the overview sheet's is."""
    spec = copy_real(tmp_path, NAGANO)
    style = house(tmp_path, "wording:\n  overview_suffix: （概要）\n")
    result = annual(tmp_path, spec, 2012, "--style", style, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / "annual-2012.pdf"))
    assert "森林（もり）の里親契約（概要）" in text and "里親契約の概要" not in text


# ---------------------------------------------------------------- the sides
def drop_abn_issuing(text: str) -> str:
    text, n = re.subn(r"\n    issuing: false[^\n]*", "", text)
    assert n == 1
    return text


def test_a_company_bearing_the_issuers_place_is_a_partner(tmp_path):
    """長野朝日放送株式会社 without issuing: bears 長野, the place 長野県林務部 begins
    with, but a company is never the bureau's own body: listed as 相手方, with the
    note that every party is listed."""
    spec = copy_real(tmp_path, NAGANO, drop_abn_issuing)
    result = annual(tmp_path, spec, 2012, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert csv_rows(tmp_path, 2012)[0]["相手方"] == "長野朝日放送株式会社、安曇野市、NPO法人　森倶楽部21"
    assert "the book lists every party as 相手方" in result.stdout + result.stderr


def test_a_prefectural_university_bearing_the_issuers_place_is_still_refused(tmp_path):
    """大学 is no company's form: 長野県立大学 may be the prefecture's own."""
    spec = copy_real(tmp_path, NAGANO, lambda t: drop_abn_issuing(t).replace("name: 長野朝日放送株式会社",
                                                                             "name: 長野県立大学"))
    result = annual(tmp_path, spec, 2012, "--format", "csv")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "parties.abn.issuing:" in result.stderr and nothing_written(tmp_path)


# ---------------------------------------------------------------- forms
@needs_poppler
def test_a_form_whose_party_is_a_blank_is_no_agreement_of_the_book(tmp_path):
    """CMJ's model agreement (雛形) keeps the date of the 大和市 agreement it was made
    from, and its city is a blank, ○市: the 2016 book listed it beside that agreement as
    signed with ○市, and counted it. A form is no agreement signed: the book lists 大和市's
    alone, and the build says at the blank's key that it left the form out."""
    model = copy_real(tmp_path, "dronebird-model-agreement")
    yamato = copy_real(tmp_path, "yamato-cmj-2016")
    result = run_generate("annual", "--fiscal-year", "2016", model, yamato, "-o", tmp_path / "out",
                          "--format", "pdf,csv")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (f"{model}:{line_of(model, 'name: ○市')}: parties.city.name: ○市 is a form's blank, not a party:"
            in result.stdout + result.stderr)
    rows = csv_rows(tmp_path, 2016)
    assert len(rows) == 1 and "○" not in "".join(rows[0].values()), rows
    assert "大和市" in rows[0]["協定名"] and "NPO法人クライシスマッパーズ・ジャパン" in "".join(rows[0].values())
    text = no_space(pdf_text(tmp_path / "out" / "annual-2016.pdf"))
    assert "○" not in text and "締結件数１件" in text, text[:200]


def test_a_form_alone_makes_no_book(tmp_path):
    """The model agreement alone: no agreement of the year, nothing written."""
    model = copy_real(tmp_path, "dronebird-model-agreement")
    result = annual(tmp_path, model, 2016)
    assert result.returncode == 1 and "no agreement of" in result.stderr, result.stdout + result.stderr
    assert "is a form's blank" in result.stdout + result.stderr and nothing_written(tmp_path)
