"""Several agreements and several ceremonies in one spec (`agreements:`,
`press_notice.ceremonies`): a city signs one agreement of one title with two companies
in turn (彦根市, 2022), a fire union two agreements with three companies at one
ceremony (海部東部消防組合, 2020), a university two agreements on two days
(中央大学, 2025). Every test runs the real command line and reads the output back:
each ceremony an item of the 記 block (PDF and DOCX), the 締結者 grouped by agreement,
the annual book a row per agreement; misuse refused at its file, line and key.

The made-up spec's organisations and people are invented, so that no real person is
said to sign."""
from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from docx import Document

from conftest import ROOT, needs_poppler, no_space, pdf_text, real_case_variant, run_generate

REAL = ROOT / "tests" / "data" / "real"

# a city, a university and a company: two agreements at one ceremony
CITY = """\
issuer: 青葉市
parties:
  city:
    name: 青葉市
    representative: {title: 市長, name: 山田　太郎}
  univ:
    name: 青葉大学
    representative: {title: 学長, name: 佐藤　花子}
    honorific: 様
  tech:
    name: 株式会社青葉テック
    representative: {title: 代表取締役社長, name: 鈴木　一郎}
    honorific: 様
agreements:
  univ:
    title: 青葉市と青葉大学との包括連携協定
    parties: [city, univ]
    signing_date: 2025-04-21
  tech:
    title: 青葉市と株式会社青葉テックとの脱炭素の推進に関する連携協定
    parties: [city, tech]
    signing_date: 2025-04-21
press_notice:
  issue_date: 2025-04-14
  subject: 青葉市と青葉大学及び株式会社青葉テックとの連携協定締結式について
  opening:
    - 青葉市は、青葉大学及び株式会社青葉テックとそれぞれ連携協定を締結します。
  ceremony:
    date: 2025-04-21
    start: "10:00"
    venue: 青葉市役所　本庁舎３階会議室
"""

# the same agreements signed at two ceremonies, one after the other
TWO_CEREMONIES = CITY.replace("""  ceremony:
    date: 2025-04-21
    start: "10:00"
    venue: 青葉市役所　本庁舎３階会議室
""", """  ceremonies:
    - label: 締結式（１）
      agreements: [univ]
      date: 2025-04-21
      start: "10:00"
      venue: 青葉市役所　本庁舎３階会議室
    - label: 締結式（２）
      agreements: [tech]
      date: 2025-04-21
      start: "11:00"
      venue: 青葉市役所　本庁舎３階会議室
""")


def write(tmp_path: Path, text: str, name: str = "city.yaml") -> Path:
    spec = tmp_path / name
    spec.write_text(text, encoding="utf-8")
    return spec


def line_of(spec: Path, fragment: str, after: int = 0) -> int:
    return next(n for n, line in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1)
                if n > after and fragment in line)


def failed(spec: Path, tmp_path: Path) -> str:
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "out" / spec.stem).exists()      # nothing half-written
    return result.stderr


def lines_of(pdf: Path) -> list[str]:
    return [no_space(line) for line in pdf_text(pdf).splitlines() if line.strip()]


# ------------------------------------------------------------------ what prints

@needs_poppler
def test_each_ceremony_is_an_item_with_its_date_place_and_signers(tmp_path):
    """Two ceremonies, each its own item: its date and time, its place and who signs
    there, a line each under the label, in the PDF and the DOCX; the build names the
    signers it chose (every party of the ceremony's agreements)."""
    spec = write(tmp_path, TWO_CEREMONIES)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = lines_of(tmp_path / "out" / "city" / "press-notice.pdf")
    first = lines.index(no_space("１　締結式（１）"))
    second = lines.index(no_space("２　締結式（２）"))
    assert lines[first + 1:second] == [no_space(x) for x in (
        "日時：令和７年（2025年）４月21日（月）　10時00分～", "場所：青葉市役所　本庁舎３階会議室",
        "締結者：青葉市　市長　山田　太郎", "青葉大学　学長　佐藤　花子　様")], lines
    assert lines[second + 1:second + 5] == [no_space(x) for x in (
        "日時：令和７年（2025年）４月21日（月）　11時00分～", "場所：青葉市役所　本庁舎３階会議室",
        "締結者：青葉市　市長　山田　太郎", "株式会社青葉テック　代表取締役社長　鈴木　一郎　様")], lines
    assert "鈴木" not in "".join(lines[first:second])
    assert f"{spec}:{line_of(spec, '- label: 締結式（１）')}: press_notice.ceremonies[0]: signatories not given" \
        in result.stdout + result.stderr
    docx = [p.text for p in Document(str(tmp_path / "out" / "city" / "press-notice.docx")).paragraphs]
    text = no_space("\n".join(docx))
    for line in ("締結式（２）", "日時：令和７年（2025年）４月21日（月）11時00分～",
                 "締結者：青葉市市長山田太郎", "株式会社青葉テック代表取締役社長鈴木一郎様"):
        assert line in text, docx


# a ceremony whose place is one line too long for the measure, and one of no date whose
# place takes two lines (its venue, the way to it), each item's label short enough for
# an inline house to run its text in
LONG_PLACES = TWO_CEREMONIES.replace("締結式（１）", "調印式(1)").replace("締結式（２）", "調印式(2)").replace(
    "      start: \"10:00\"\n      venue: 青葉市役所　本庁舎３階会議室\n",
    "      start: \"10:00\"\n      venue: 青葉市役所　本庁舎３階大会議室（青葉市中央一丁目一番一号　青葉市役所本庁舎の北側の"
    "入口から入り、正面の階段を上がって右手の奥）\n").replace(
    "      date: 2025-04-21\n      start: \"11:00\"\n      venue: 青葉市役所　本庁舎３階会議室\n",
    "      venue: 青葉市役所　本庁舎３階会議室\n      access: [ＪＲ青葉駅から徒歩10分、青葉市役所前バス停で下車してすぐ、"
    "駐車場はありませんので公共交通機関でお越しください]\n")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_indent(path: Path, start: str, attr: str) -> float:
    """An indent (left, hanging) of the DOCX paragraph that starts so, in points, as
    its paragraph or its style (and the styles it is based on) sets it."""
    import zipfile
    from lxml import etree
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        styles = {s.get(W + "styleId"): s for s in etree.fromstring(z.read("word/styles.xml")).iter(W + "style")}
    p = next(p for p in body.iter(W + "p") if "".join(t.text or "" for t in p.iter(W + "t")).startswith(start))
    found, style = p.find(f"{W}pPr/{W}ind"), p.find(f"{W}pPr/{W}pStyle")
    style_id = style.get(W + "val") if style is not None else None
    while (found is None or found.get(W + attr) is None) and style_id:
        found = styles[style_id].find(f"{W}pPr/{W}ind")
        based = styles[style_id].find(W + "basedOn")
        style_id = based.get(W + "val") if based is not None else None
    return int(found.get(W + attr)) / 20 if found is not None and found.get(W + attr) else 0.0


@needs_poppler
@pytest.mark.parametrize("house", ["line", "inline"])
def test_a_ceremonys_lines_stand_under_the_text_after_their_labels(tmp_path, house):
    """Each line of a ceremony's item stands after its label (場所：), and its later
    lines, the way to the venue or the part of a long venue that the measure breaks
    off, stand under the text after the label, not back under it; in an inline house
    as in a house of labels on their line (the item's label, 調印式(1), keeps its
    line: its lines are labelled each, and run in after it their later lines would hang
    past the item's label, not their own). The DOCX hangs each such paragraph the
    width of its label."""
    import pdfplumber
    (tmp_path / "house.yaml").write_text(f"notice:\n  ki_label: {house}\n", encoding="utf-8")
    spec = write(tmp_path, LONG_PLACES.replace("issuer: ", "style: house.yaml\nissuer: ", 1))
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    pdf = tmp_path / "out" / "city" / "press-notice.pdf"
    with pdfplumber.open(pdf) as doc:
        rows: dict[int, list] = {}
        for c in doc.pages[0].chars:
            rows.setdefault(round(c["top"]), []).append(c)
    rows = [sorted(r, key=lambda c: c["x0"]) for _, r in sorted(rows.items())]
    texts = [no_space("".join(c["text"] for c in r)) for r in rows]
    first, second = texts.index("１調印式(1)"), texts.index("２調印式(2)")   # each label alone on its line

    def after_label(at: int, label: str) -> float:      # where the text after the label starts, as set
        return rows[at][0]["x0"] + len(label) * rows[at][0]["size"]        # (before the line is justified)
    place = next(i for i in range(first, second) if texts[i].startswith("場所："))
    assert texts[place + 1].endswith("右手の奥）") and texts[place + 2].startswith("締結者："), texts
    assert abs(rows[place + 1][0]["x0"] - after_label(place, "場所：")) < 0.5
    place = next(i for i in range(second, len(texts)) if texts[i].startswith("場所："))
    assert texts[place + 1].startswith("ＪＲ青葉駅") and texts[place + 2].endswith("お越しください"), texts
    for line in (place + 1, place + 2):           # the way to it, and its line the measure breaks off
        assert abs(rows[line][0]["x0"] - after_label(place, "場所：")) < 0.5, texts[line]
    assert texts[place - 1] == "２調印式(2)"          # no date: the place first, under the label
    docx = pdf.with_suffix(".docx")
    for start in ("日時：", "場所：", "締結者："):
        assert _docx_indent(docx, start, "hanging") == pytest.approx(10.5 * len(start)), start


@needs_poppler
def test_the_signers_of_several_agreements_at_one_ceremony_are_grouped_by_agreement(tmp_path):
    """One ceremony of two agreements: 締結者 lists each agreement's title in 「」 and its
    own signers under it (the city under both), never one list that hides who signs what."""
    spec = write(tmp_path, CITY)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    text = no_space(pdf_text(tmp_path / "out" / "city" / "press-notice.pdf"))
    univ = text.index("「青葉市と青葉大学との包括連携協定」")
    tech = text.index("「青葉市と株式会社青葉テックとの脱炭素の推進に関する連携協定」")
    assert univ < text.index("学長佐藤花子様") < tech < text.index("代表取締役社長鈴木一郎様")
    assert text.count("市長山田太郎") == 2


def test_the_annual_book_lists_each_agreement_as_a_row_of_its_own(tmp_path):
    """中央大学's two agreements, of 8月12日 and 8月13日, each its row, its day and its own
    partners; the university is the issuer in both, so no partner of either."""
    shutil.copytree(REAL / "styles", tmp_path / "styles")
    shutil.copy(REAL / "chuo-kushiro-2025.yaml", tmp_path)
    result = run_generate("annual", "--fiscal-year", "2025", tmp_path / "chuo-kushiro-2025.yaml",
                          "-o", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    with open(tmp_path / "out" / "annual-2025.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["締結日（ISO）"], r["協定名"], r["相手方"]) for r in rows] == [
        ("2025-08-12", "旭川市と中央大学との包括連携に関する協定", "旭川市"),
        ("2025-08-13", "中央大学、釧路公立大学、釧路市及び鶴居村の包括連携に関する協定",
         "釧路公立大学、釧路市、鶴居村")], rows


@needs_poppler
def test_the_annual_book_gives_each_of_two_agreements_of_one_title_its_sheet(tmp_path):
    """彦根市's one title signed with two companies: two rows and two sheets, each
    naming its own company; their contents entries, alike but for the company, name it
    before the date (they read as one entry twice), where an entry of a title of its own
    (塩竈市's, beside them) stays title and date."""
    shutil.copytree(REAL / "styles", tmp_path / "styles")
    for name in ("hikone-fire-drone-2022.yaml", "shiogama-odate-2022.yaml"):
        shutil.copy(REAL / name, tmp_path)
    result = run_generate("annual", "--fiscal-year", "2021", tmp_path / "hikone-fire-drone-2022.yaml",
                          tmp_path / "shiogama-odate-2022.yaml", "-o", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    text = no_space(pdf_text(tmp_path / "out" / "annual-2021.pdf"))
    assert text.count("災害時等における無人航空機の運用に関する協定の概要") == 2
    assert text.index("相手方株式会社プロクルー") < text.rindex("相手方株式会社ライズ")
    assert "（１）災害時等における無人航空機の運用に関する協定（株式会社プロクルー、令和４年２月９日）" in text
    assert "（２）災害時等における無人航空機の運用に関する協定（株式会社ライズ、令和４年２月９日）" in text
    assert "（３）災害時相互応援協定（令和４年３月23日）" in text


# ------------------------------------------------------------------ misuse

def test_agreement_and_agreements_together_are_refused(tmp_path):
    spec = write(tmp_path, CITY.replace("agreements:\n", "agreement:\n  title: 青葉市の協定\n  signing_date:"
                                                      " 2025-04-21\nagreements:\n"))
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'agreements:')}: agreements: agreement: states one agreement" in err, err


def test_agreements_of_one_are_refused(tmp_path):
    text = CITY.replace("""  tech:
    title: 青葉市と株式会社青葉テックとの脱炭素の推進に関する連携協定
    parties: [city, tech]
    signing_date: 2025-04-21
""", "")
    err = failed(write(tmp_path, text), tmp_path)
    assert "agreements: agreements: states several agreements, and it holds one" in err, err


def test_an_undeclared_party_of_an_agreement_is_named(tmp_path):
    spec = write(tmp_path, CITY.replace("parties: [city, tech]", "parties: [city, tec]"))
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'parties: [city, tec]')}: agreements.tech.parties[1]: party 'tec' is not"
            " declared under parties; did you mean 株式会社青葉テック（tech）?") in err, err


def test_a_document_of_one_of_several_agreements_is_refused(tmp_path):
    spec = write(tmp_path, CITY.replace("    parties: [city, tech]\n",
                                        "    parties: [city, tech]\n    document: {kind: 協定書}\n"))
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'document:')}: agreements.tech.document: an agreement of several" in err, err



def test_the_checks_of_one_agreement_are_run_on_each_of_several(tmp_path):
    """A signing_year beside the date, and a term that ends before it begins, are as wrong
    in one of several agreements as in one alone: refused at the keys the spec writes."""
    spec = write(tmp_path, CITY.replace("""    parties: [city, tech]
    signing_date: 2025-04-21
""", """    parties: [city, tech]
    signing_date: 2025-04-21
    signing_year: 2025
    validity: {start: 2025-04-21, end: 2025-03-31}
"""))
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'signing_year:')}: agreements.tech.signing_year: the signing date gives the year:"
            " signing_year is for a draft's open date") in err, err
    assert f"{spec}:{line_of(spec, 'validity:')}: agreements.tech.validity.end: " in err, err
    assert "agreements.univ" not in err and " agreement.signing_year" not in err, err


def test_an_open_date_s_year_of_one_of_several_is_printed_nowhere(tmp_path):
    """An agreement of several has no document, whose open date line alone would print a
    signing_year: with the date not known (null) the year has no effect."""
    spec = write(tmp_path, CITY.replace("""    parties: [city, tech]
    signing_date: 2025-04-21
""", """    parties: [city, tech]
    signing_date: null
    signing_year: 2025
"""))
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'signing_year:')}: agreements.tech.signing_year: signing_year is printed in the"
            " agreement document's open date line, and there is no document: it would have no effect") in err, err

def keys_allowed(err: str, where: str) -> list[str]:
    """The keys the message of an unknown key zz_memo written at `where` says are allowed there."""
    said = re.search(re.escape(where) + r"\.zz_memo: unknown key 'zz_memo'; allowed here: (.*)", err)
    assert said, err
    return said.group(1).split(", ")


def schema_models(tmp_path) -> dict:
    """The models of the JSON Schema that `generate.py schema` writes, by name."""
    written = run_generate("schema", tmp_path / "spec.schema.json")
    assert written.returncode == 0, written.stderr
    return json.loads((tmp_path / "spec.schema.json").read_text(encoding="utf-8"))["$defs"]


def test_the_keys_offered_under_an_agreement_of_several_are_those_it_accepts(tmp_path):
    """An agreement of several (agreements.<id>) has no document of its own: neither the
    keys an unknown key's message says are allowed there nor the schema (the app's form,
    editors) offer document:, and document: written is refused with why, not read as a
    misspelling of another key (until h167 both offered it, and several.py refused it)."""
    spec = write(tmp_path, CITY.replace("    parties: [city, tech]\n",
                                        "    parties: [city, tech]\n    zz_memo: 内部用\n    documnt: {}\n"))
    err = failed(spec, tmp_path)
    allowed = keys_allowed(err, "agreements.tech")
    assert "document" not in allowed and "parties" in allowed, allowed
    assert f"{spec}:{line_of(spec, 'documnt:')}: agreements.tech.documnt: unknown key 'documnt'; allowed here:" in err
    models = schema_models(tmp_path)
    assert sorted(models["AgreementOfSeveral"]["properties"]) == allowed
    assert "document" in models["Agreement"]["properties"]     # (one agreement's, agreement:)
    spec = write(tmp_path, CITY.replace("    parties: [city, tech]\n",
                                        "    parties: [city, tech]\n    document: {kind: 協定書}\n"))
    err = failed(spec, tmp_path)
    assert err.count("agreements.tech.document") == 1, err
    assert f"{spec}:{line_of(spec, 'document:')}: agreements.tech.document: an agreement of several" in err, err


def test_the_keys_offered_under_a_ceremony_of_several_are_those_it_accepts(tmp_path):
    """A ceremony of several (press_notice.ceremonies[i]) is printed as one item, with no
    room for a schedule, extra items or signers grouped by agreement: neither the keys an
    unknown key's message allows nor the schema offer them, and one written is refused
    with why, the ceremony's other findings in the same run (until h167 both offered them,
    and several.py refused them)."""
    spec = write(tmp_path, TWO_CEREMONIES.replace("      agreements: [tech]\n",
                                                  "      agreements: [tech]\n      zz_memo: 内部用\n"))
    err = failed(spec, tmp_path)
    allowed = keys_allowed(err, "ceremonies[1]")
    assert not {"schedule", "extra_items", "group_signatories"} & set(allowed) and "agenda" in allowed, allowed
    models = schema_models(tmp_path)
    assert sorted(models["CeremonyOfSeveral"]["properties"]) == allowed
    assert "schedule" in models["Ceremony"]["properties"]       # (one ceremony's, ceremony:)
    spec = write(tmp_path, TWO_CEREMONIES.replace(
        "      agreements: [tech]\n      date: 2025-04-21\n",
        "      agreements: [tech]\n      date: 2025-04-22\n      schedule: [{time: \"11:00\", item: 開会}]\n"))
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'schedule:')}: press_notice.ceremonies[1].schedule: a ceremony of several is"
            " printed as one item, its date, place, signers and 次第 a line each: schedule would have no effect") in err
    assert "press_notice.ceremonies[1].date: the ceremony is on 2025-04-22" in err, err


def test_ceremonies_without_agreements_are_refused(tmp_path):
    text = TWO_CEREMONIES.replace("agreements:\n  univ:", "agreement:\n  univ:")
    text = text[:text.index("agreement:\n")] + "agreement:\n  title: 青葉市の協定\n  signing_date: 2025-04-21\n" \
        + text[text.index("press_notice:"):]
    spec = write(tmp_path, text)
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'ceremonies:')}: press_notice.ceremonies: each ceremony signs" in err, err


def test_an_agreement_signed_at_two_ceremonies_is_refused(tmp_path):
    spec = write(tmp_path, TWO_CEREMONIES.replace("agreements: [tech]", "agreements: [univ]"))
    err = failed(spec, tmp_path)
    at = line_of(spec, "agreements: [univ]", line_of(spec, "締結式（２）"))
    # the agreement named by its title beside its id, as "did you mean" names it (the bare
    # id 'univ' is a party's too)
    assert (f"{spec}:{at}: press_notice.ceremonies[1].agreements[0]: the agreement 青葉市と青葉大学との包括連携協定（univ）"
            " is signed at ceremony 1 already") in err, err


def test_a_ceremony_of_no_agreement_of_its_own_offers_no_empty_list_of_signers(tmp_path):
    """Its one agreement signed at the first ceremony already, the second has no parties
    to check its signers by: the agreement is named, and no message asks for "a party of
    them ()", an empty list."""
    spec = write(tmp_path, TWO_CEREMONIES.replace("      agreements: [tech]\n",
                                                  "      agreements: [univ]\n      signatories: [tech]\n"))
    err = failed(spec, tmp_path)
    assert "press_notice.ceremonies[1].agreements[0]: the agreement 青葉市と青葉大学との包括連携協定（univ） is signed at" \
        " ceremony 1 already" in err, err
    assert "signatories" not in err and "()" not in err, err


def test_a_ceremony_on_another_day_than_its_agreement_is_refused(tmp_path):
    spec = write(tmp_path, TWO_CEREMONIES.replace("""      agreements: [tech]
      date: 2025-04-21""", """      agreements: [tech]
      date: 2025-04-22"""))
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'date: 2025-04-22')}: press_notice.ceremonies[1].date: the ceremony is on"
            " 2025-04-22, and the agreement it signs, 青葉市と株式会社青葉テックとの脱炭素の推進に関する連携協定（tech）, was signed"
            " on 2025-04-21") in err, err


def test_a_signer_of_none_of_the_ceremonys_agreements_is_refused(tmp_path):
    spec = write(tmp_path, TWO_CEREMONIES.replace("      agreements: [tech]\n",
                                                  "      agreements: [tech]\n      signatories: [univ]\n"))
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'signatories: [univ]')}: press_notice.ceremonies[1].signatories[0]: party"
            " 'univ' signs none of the agreements") in err, err


def test_one_ceremonys_facts_beside_several_are_refused(tmp_path):
    spec = write(tmp_path, TWO_CEREMONIES.replace("  ceremonies:\n", "  ceremony:\n    venue: 青葉市役所\n"
                                                                    "  ceremonies:\n"))
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'venue: 青葉市役所')}: press_notice.ceremony.venue: ceremony.venue is a fact"
            " of one ceremony") in err, err


def test_ki_without_the_ceremonies_is_refused(tmp_path):
    spec = write(tmp_path, TWO_CEREMONIES + "  ki:\n    - {label: 内容, text: [協定書への署名]}\n")
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'ceremonies:')}: press_notice.ceremonies: ki does not list 'ceremonies'"
            in err), err


@pytest.mark.parametrize("key", ["signatories_label", "place_label"])
def test_a_ceremony_lines_label_elsewhere_has_no_effect(tmp_path, key):
    spec = write(tmp_path, CITY + f"  ki:\n    - date\n    - {{item: place, {key}: 会場：}}\n")
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, key)}: press_notice.ki[1].{key}:" in err and "no effect" in err, err


def test_the_release_after_the_signing_of_several_agreements_is_refused(tmp_path):
    spec = write(tmp_path, CITY + "  after:\n    issue_date: 2025-04-21\n    opening: [本日、締結しました。]\n")
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'after:')}: press_notice.after: the release after the signing" in err, err
    # what to do instead, said: no real notice found has a release after several agreements
    assert ("a release after several is not supported yet; remove after:, and write the report of the signings"
            " as a spec of its own with these agreements: and its own opening") in err, err


def test_also_beside_several_agreements_is_refused(tmp_path):
    """also: names specs of more agreements: beside agreements: the notice would group its
    締結者 two ways; the message says the two ways to write them, one of them for all."""
    write(tmp_path, "issuer: 青葉市\nparties:\n  city: {name: 青葉市}\n  other: {name: 青葉高専}\n"
                    "agreement:\n  title: 青葉市と青葉高専との連携協定\n  signing_date: 2025-04-21\n", "other.yaml")
    spec = write(tmp_path, CITY.replace("  ceremony:\n", "  also: [other.yaml]\n  ceremony:\n"))
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'also:')}: press_notice.also: this spec states several agreements"
            " (agreements:), and also: names the specs of more: the notice would group its 締結者 two ways;"
            " give every agreement one way: all under agreements:, or each in a spec of its own named by"
            " also:") in err, err


def test_the_areas_of_one_of_several_agreements_are_said_to_go_to_the_annual_book_only(tmp_path):
    """An agreement of several has no overview.pdf (the build makes one for agreement:):
    its areas print on its sheet of the annual book, and the build says so where they are."""
    spec = write(tmp_path, CITY.replace("    parties: [city, univ]\n",
                                        "    parties: [city, univ]\n    areas: [{heading: 防災に関する事項}]\n"))
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (f"{spec}:{line_of(spec, 'areas:')}: agreements.univ.areas: one of several agreements has its overview"
            " sheet in the annual book only") in result.stdout + result.stderr
    assert not (tmp_path / "out" / "city" / "overview.pdf").exists()
    book = run_generate("annual", "--fiscal-year", "2025", spec, "-o", tmp_path / "book")
    assert book.returncode == 0, book.stdout + book.stderr
    text = no_space(pdf_text(tmp_path / "book" / "annual-2025.pdf"))
    assert "青葉市と青葉大学との包括連携協定の概要青葉市青葉大学防災に関する事項" in text     # its sheet


@needs_poppler
def test_a_ceremonys_later_signers_and_place_lines_stand_under_the_text_after_their_label(tmp_path):
    """彦根市's first ceremony with a second signer (the 消防長) and a way to the hall
    under its venue: each label's later lines start where the text after the label
    starts (彦 under 株 of 株式会社プロクルー, under 協定締結先および調印式出席予定者：), not
    at the item's text margin under the label; in the DOCX, one paragraph with a line
    break, hung the label's width. The second ceremony's, of one signer, hung alike (were
    it too long for the measure, its later line would stand there too)."""
    from glyphs import page_rows
    spec = real_case_variant(
        tmp_path, "hikone-fire-drone-2022", "hikone-press.yaml",
        ("      signatories: [procrew]", "      signatories: [procrew, hikone]"),
        ("      venue: 彦根市消防本部　3階大会議室\n", "      venue: 彦根市消防本部　3階大会議室\n"
                                               "      access: [正面玄関から階段で3階へ]\n"))
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / "out" / "hikone-fire-drone-2022"
    rows = ["".join(c["text"] for c in row) for row in page_rows(out / "press-notice.pdf", page=0)]
    glyphs = page_rows(out / "press-notice.pdf", page=0)

    def under(first: str, label: str, later: str) -> None:
        n = next(i for i, r in enumerate(rows) if r.startswith(label + first))
        assert rows[n + 1].startswith(later), rows[n:n + 2]
        text_x = glyphs[n][len(label)]["x0"]
        assert glyphs[n + 1][0]["x0"] == pytest.approx(text_x, abs=0.1), (rows[n:n + 2], text_x)
        assert text_x > glyphs[n][0]["x0"] + (len(label) - 0.5) * glyphs[n][0]["size"]     # past the label
    under("株式会社プロクルー", "協定締結先および調印式出席予定者：", "彦根市消防本部")
    under("彦根市消防本部", "調印式場所：", "正面玄関から")
    two = next(i for i, r in enumerate(rows) if r.startswith("協定締結先および調印式出席予定者：株式会社ライズ"))
    assert not rows[two + 1].startswith("彦根市消防本部"), rows[two:two + 2]     # one signer only there

    paragraphs = Document(str(out / "press-notice.docx")).paragraphs
    signers = next(p for p in paragraphs if p.text.startswith("協定締結先および調印式出席予定者：株式会社プロクルー"))
    assert signers.text.split("\n") == ["協定締結先および調印式出席予定者：株式会社プロクルー　代表取締役　松本　茂之　様",
                                        "彦根市消防本部　消防長　岡田　広幸"], signers.text
    indent = signers.style.paragraph_format.first_line_indent
    size = next(c["size"] for row in glyphs for c in row if c["text"] == "協")
    assert indent is not None and -indent.pt == pytest.approx(17 * size, abs=0.1)    # 17 em: the label's width
    alone = next(p for p in paragraphs if p.text.startswith("協定締結先および調印式出席予定者：株式会社ライズ"))
    assert "\n" not in alone.text and -alone.style.paragraph_format.first_line_indent.pt == pytest.approx(17 * size,
                                                                                                       abs=0.1)


def test_the_annual_books_messages_name_the_key_of_one_of_several_agreements(tmp_path):
    """A message of the annual book about one of several agreements names its key as the
    spec writes it (agreements.lpgas.…), at its line: an error (a field no column prints)
    and a note (担当課 taken from the issuing office)."""
    shutil.copytree(REAL / "styles", tmp_path / "styles")
    shutil.copytree(REAL / "photos", tmp_path / "photos")
    text = (REAL / "amatobu-fire-2020.yaml").read_text(encoding="utf-8")
    spec = write(tmp_path, text.replace("    parties: [amatobu, taiyo]\n",
                                        "    parties: [amatobu, taiyo]\n    fields: {分類: 防災}\n"), "fire.yaml")
    result = run_generate("annual", "--fiscal-year", "2020", spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert f"{spec}:{line_of(spec, 'fields:')}: agreements.lpgas.fields.分類: no column" in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()
    spec = write(tmp_path, text.replace("  issuing_office: false", "  issuing_office: 消防本部総務課"), "fire.yaml")
    result = run_generate("annual", "--fiscal-year", "2020", spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    said = result.stdout + result.stderr
    at = f"{spec}:{line_of(spec, 'issuing_office:')}"
    for aid in ("land", "lpgas"):
        assert (f"{at}: agreements.{aid}.department: not given; the book's 担当課 is the press notice's issuing"
                f" office (消防本部総務課): give agreements.{aid}.department") in said, said
    assert "agreement.department" not in said, said


def test_an_error_of_the_sheet_of_one_of_several_agreements_names_its_key(tmp_path):
    """The overview sheet's own checks (here: a character no font has in one agreement's
    title) name the key as the spec writes it too."""
    shutil.copytree(REAL / "styles", tmp_path / "styles")
    shutil.copytree(REAL / "photos", tmp_path / "photos")
    text = (REAL / "amatobu-fire-2020.yaml").read_text(encoding="utf-8")
    title = "    title: 大規模災害時におけるLPガス供給の協力に関する協定\n"
    assert text.count(title) == 1
    spec = write(tmp_path, text.replace(title, title[:-1] + "𠮷\n"), "fire.yaml")
    result = run_generate("annual", "--fiscal-year", "2020", spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert f"{spec}:{line_of(spec, '協定𠮷')}: agreements.lpgas.title: no font has this character: 𠮷" in result.stderr, \
        result.stderr
    assert not (tmp_path / "out").exists()


def test_the_kind_note_of_one_of_several_agreements_points_at_its_kind(tmp_path):
    """An agreement of several whose title ends in no kind's word is counted as a 協定書,
    and the build says so at its title, pointing at its own kind: (agreements.lpgas.kind),
    not at document.kind, a key an agreement of several cannot hold."""
    shutil.copytree(REAL / "styles", tmp_path / "styles")
    shutil.copytree(REAL / "photos", tmp_path / "photos")
    text = (REAL / "amatobu-fire-2020.yaml").read_text(encoding="utf-8")
    title = "    title: 大規模災害時におけるLPガス供給の協力に関する協定\n"
    assert text.count(title) == 1
    spec = write(tmp_path, text.replace(title, "    title: 大規模災害時におけるLPガス供給の協力について\n"), "fire.yaml")
    result = run_generate("annual", "--fiscal-year", "2020", spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    said = result.stdout + result.stderr
    assert (f"{spec}:{line_of(spec, '協力について')}: agreements.lpgas.title: ends in no kind's word"
            " (協定, 覚書, 契約 …), and the agreement has no kind: the book counts it as a 協定書; write"
            " agreements.lpgas.kind to say what it is") in said, said
    assert "document.kind" not in said, said


def _amatobu_with_kind(tmp_path: Path, title: str, kind: str) -> Path:
    """amatobu's case, its second agreement retitled and given a kind:, beside its style."""
    shutil.copytree(REAL / "styles", tmp_path / "styles")
    shutil.copytree(REAL / "photos", tmp_path / "photos")
    text = (REAL / "amatobu-fire-2020.yaml").read_text(encoding="utf-8")
    old = "    title: 大規模災害時におけるLPガス供給の協力に関する協定\n"
    assert text.count(old) == 1
    return write(tmp_path, text.replace(old, f"    title: {title}\n    kind: {kind}\n"), "fire.yaml")


@needs_poppler
def test_the_kind_of_one_of_several_agreements_is_what_the_annual_book_counts(tmp_path):
    """kind: says what an agreement of several is where its title does not: a 覚書
    beside a 協定 makes a book of two kinds, which the book calls 協定等 (its title, the
    title column, the contents' entry over the sheets) in the PDF, the DOCX and the CSV,
    and no note says a kind was chosen."""
    spec = _amatobu_with_kind(tmp_path, "大規模災害時におけるLPガス供給の協力について", "覚書")
    result = run_generate("annual", "--fiscal-year", "2020", spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ends in no kind's word" not in result.stdout + result.stderr
    out = tmp_path / "out"
    text = no_space(pdf_text(out / "annual-2020.pdf"))
    assert "令和２年度協定等締結状況" in text and "各協定等の概要" in text and "協定等の名称" in text, text
    assert "連携協定締結状況" not in text
    docx = Document(out / "annual-2020.docx")
    cells = {no_space(c.text) for t in docx.tables for row in t.rows for c in row.cells}
    paragraphs = {no_space(p.text) for p in docx.paragraphs}
    assert "協定等の名称" in cells, cells
    assert any("協定等締結状況" in p for p in paragraphs), paragraphs
    with open(out / "annual-2020.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["協定等の名称"] for r in rows] == ["大規模災害時における所有地等の提供に関する協定",
                                             "大規模災害時におけるLPガス供給の協力について"], rows


def test_a_kind_its_title_says_already_is_refused(tmp_path):
    """kind: 協定書 on a title ending in 協定 has no effect (the book counts it so without
    it): an error at its line and key, in the notice's build and in the annual book,
    and nothing written."""
    spec = _amatobu_with_kind(tmp_path, "大規模災害時におけるLPガス供給の協力に関する協定", "協定書")
    said = (f"{spec}:{line_of(spec, 'kind: 協定書')}: agreements.lpgas.kind: the title"
            " (大規模災害時におけるLPガス供給の協力に関する協定) ends in a 協定書's word, so the annual book counts"
            " it as a 協定書 already: kind: would have no effect; remove it")
    err = failed(spec, tmp_path)
    assert said in err, err
    result = run_generate("annual", "--fiscal-year", "2020", spec, "-o", tmp_path / "book")
    assert result.returncode == 1 and said in result.stderr, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "book").exists()


def test_a_kind_its_title_contradicts_is_refused(tmp_path):
    """kind: 覚書 on a title ending in 協定: the book would list a …協定 as a 覚書; an error
    at its line and key naming both, and nothing written."""
    spec = _amatobu_with_kind(tmp_path, "大規模災害時におけるLPガス供給の協力に関する協定", "覚書")
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'kind: 覚書')}: agreements.lpgas.kind: the title"
            " (大規模災害時におけるLPガス供給の協力に関する協定) ends in a 協定書's word, and kind: says 覚書: the"
            " annual book would count a 協定書 by its title as a 覚書") in err, err


@pytest.mark.parametrize("kind, message", [
    ("手紙", "agreements.lpgas.kind"),          # no kind the product knows
])
def test_a_kind_of_one_of_several_agreements_is_one_of_the_kinds(tmp_path, kind, message):
    spec = _amatobu_with_kind(tmp_path, "大規模災害時におけるLPガス供給の協力について", kind)
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'kind: ' + kind)}: {message}:" in err and "覚書" in err, err


ONE = ("issuer: 青葉市\nparties:\n  city: {name: 青葉市}\n  univ: {name: 青葉大学}\n"
       "agreement:\n  title: {title}\n  signing_date: 2025-04-21\n  kind: {kind}\n{document}"
       "press_notice:\n  issue_date: 2025-04-14\n  subject: 提携について\n  opening: [提携します。]\n  ki: []\n")


def _one(tmp_path: Path, title: str, kind: str | None, document: str = "") -> Path:
    """One agreement (agreement:) announced by a notice, with kind: unless None."""
    text = ONE if kind else ONE.replace("  kind: {kind}\n", "")
    return write(tmp_path, text.replace("{title}", title).replace("{kind}", kind or "")
                 .replace("{document}", document), "one.yaml")


def test_a_kind_of_one_agreement_without_a_document_is_what_the_book_counts(tmp_path):
    """One agreement a notice announces without its text (no document:) says its kind as
    one of several does, agreement.kind: the book counts a …姉妹都市提携 as a 覚書 (覚書名)
    and no note says a kind was chosen; the notice builds, and no agreement document.
    Before, agreement.kind was an unknown key, and the note sent the writer to
    document.kind, which makes an agreement document the spec has no text for (九州防衛局's
    合意文書 of 2017, mod-kyushu-hijudai-2017: a 合意書 the book called 協定)."""
    spec = _one(tmp_path, "青葉市と青葉大学との姉妹都市提携", "覚書")
    result = run_generate("annual", "--fiscal-year", "2025", spec, "-o", tmp_path / "book", "--format", "csv")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ends in no kind's word" not in result.stdout + result.stderr
    with open(tmp_path / "book" / "annual-2025.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["覚書名"] for r in rows] == ["青葉市と青葉大学との姉妹都市提携"], rows
    built = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf")
    assert built.returncode == 0, built.stdout + built.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "one").glob("*.pdf")) == ["press-notice.pdf"]


def test_the_kind_note_of_one_agreement_without_a_document_points_at_its_kind(tmp_path):
    """Without kind:, the book's note says where to write it: agreement.kind, not
    document.kind (which would make a document)."""
    spec = _one(tmp_path, "青葉市と青葉大学との姉妹都市提携", None)
    result = run_generate("annual", "--fiscal-year", "2025", spec, "-o", tmp_path / "book", "--format", "csv")
    assert result.returncode == 0, result.stdout + result.stderr
    said = result.stdout + result.stderr
    assert (f"{spec}:{line_of(spec, '姉妹都市提携')}: agreement.title: ends in no kind's word (協定, 覚書, 契約 …),"
            " and the agreement has no kind: the book counts it as a 協定書; write agreement.kind to say what"
            " it is") in said, said
    assert "document.kind" not in said, said


def test_a_kind_of_one_agreement_its_title_says_already_is_refused(tmp_path):
    """kind: 協定書 on a …協定 would have no effect: an error at its line, in the notice's
    build and in the annual book, nothing written."""
    spec = _one(tmp_path, "青葉市と青葉大学との連携協定", "協定書")
    said = (f"{spec}:{line_of(spec, 'kind: 協定書')}: agreement.kind: the title (青葉市と青葉大学との連携協定)"
            " ends in a 協定書's word, so the annual book counts it as a 協定書 already")
    err = failed(spec, tmp_path)
    assert said in err, err
    result = run_generate("annual", "--fiscal-year", "2025", spec, "-o", tmp_path / "book")
    assert result.returncode == 1 and said in result.stderr, result.stdout + result.stderr
    assert not (tmp_path / "book").exists()


def test_a_kind_of_one_agreement_beside_its_document_is_refused(tmp_path):
    """With a document, document.kind says the kind (and makes its wording): agreement.kind
    beside it is an error at its line, and nothing is written."""
    spec = _one(tmp_path, "青葉市と青葉大学との姉妹都市提携", "覚書", "  document: {kind: 覚書}\n")
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'kind: 覚書')}: agreement.kind: the agreement document says its kind in"
            " document.kind (覚書), which makes its wording too") in err, err


# ------------------------------------------------------- a ceremony's 次第 and notes

# the first ceremony's 次第 too long for one line, and a note under its item alone
# (長野県立歴史館, 2019: （４）内　容 on each ceremony, a ※ note under the first)
PROGRAMME = TWO_CEREMONIES.replace(
    "      start: \"10:00\"\n      venue: 青葉市役所　本庁舎３階会議室\n",
    "      start: \"10:00\"\n      venue: 青葉市役所　本庁舎３階会議室\n"
    "      agenda: [市長及び学長の挨拶, 協定書への署名, 記念撮影, 報道機関の皆様からの質疑応答,"
    " 閉会後の施設見学及び学生との意見交換会]\n"
    "      notes: [※　締結式の後、青葉大学の学生による研究発表会を同じ会議室で行いますので、報道機関の皆様も"
    "どうぞご覧ください。ご案内は当日に受付でいたします。]\n").replace(
    "      start: \"11:00\"\n      venue: 青葉市役所　本庁舎３階会議室\n",
    "      start: \"11:00\"\n      venue: 青葉市役所　本庁舎３階会議室\n      agenda: [署名, 記念撮影]\n")
STEPS_ONE = "市長及び学長の挨拶、協定書への署名、記念撮影、報道機関の皆様からの質疑応答、閉会後の施設見学及び学生との意見交換会"


@needs_poppler
def test_a_ceremonys_agenda_is_a_labelled_line_and_its_notes_stand_under_its_item(tmp_path):
    """A ceremony's 次第 is a line of its item after its label (ki's agenda_label), its
    steps joined with 、, its later lines under the text after the label, not under the
    label; its notes stand under its own item only, a note's later lines under the text
    after its ※. The DOCX holds the same lines, the 次第's paragraph hung its label's width."""
    from glyphs import page_rows
    spec = write(tmp_path, PROGRAMME + "  ki:\n    - {item: ceremonies, agenda_label: 内　容：}\n")
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    pdf = tmp_path / "out" / "city" / "press-notice.pdf"
    glyphs = page_rows(pdf, page=0)
    rows = [no_space("".join(c["text"] for c in row)) for row in glyphs]
    first, second = rows.index("１締結式（１）"), rows.index("２締結式（２）")
    agenda = next(i for i in range(first, second) if rows[i].startswith("内容："))
    assert rows[agenda - 1] == "青葉大学学長佐藤花子様", rows      # after the signers
    assert rows[agenda + 1] != "" and not rows[agenda + 1].startswith("※"), rows      # wrapped: two lines
    assert "".join(rows[agenda:agenda + 2]) == "内容：" + STEPS_ONE, rows[agenda:agenda + 2]
    head = [c["text"] for c in glyphs[agenda][:4]]
    assert head == list("内　容："), head          # the label's four glyphs, its space one of them
    # where the text after the label starts as set (the first line is justified: its glyphs move)
    text_x = glyphs[agenda][0]["x0"] + 4 * glyphs[agenda][0]["size"]
    assert glyphs[agenda + 1][0]["x0"] == pytest.approx(text_x, abs=0.1), rows[agenda:agenda + 2]
    note = agenda + 2
    assert rows[note].startswith("※締結式の後、"), rows
    assert "".join(rows[note:second]) == no_space(
        "※締結式の後、青葉大学の学生による研究発表会を同じ会議室で行いますので、報道機関の皆様も"
        "どうぞご覧ください。ご案内は当日に受付でいたします。"), rows[note:second]
    mark = glyphs[note][0]
    assert mark["x0"] == pytest.approx(glyphs[agenda][0]["x0"], abs=0.1)     # at the item's text margin
    assert glyphs[note + 1][0]["x0"] == pytest.approx(mark["x0"] + 2 * mark["size"], abs=0.1)   # under its text
    later = rows[second:]
    assert "内容：署名、記念撮影" in later and not any(r.startswith("※") for r in later), later
    paragraphs = Document(str(pdf.with_suffix(".docx"))).paragraphs
    texts = [p.text for p in paragraphs]
    steps = next(p for p in paragraphs if p.text.startswith("内　容："))
    assert steps.text == "内　容：" + STEPS_ONE
    assert _docx_indent(pdf.with_suffix(".docx"), "内　容：", "hanging") == pytest.approx(10.5 * 4)
    notes = [t for t in texts if t.startswith("※")]
    two = next(i for i, t in enumerate(texts) if "締結式（２）" in t)
    assert len(notes) == 1 and texts.index(notes[0]) < two, texts
    assert "内　容：署名、記念撮影" in texts


@needs_poppler
def test_a_ceremonys_agenda_without_a_label_takes_the_houses_word_and_says_its_steps_are_joined(tmp_path):
    """Without agenda_label the line's label is the house's 次第 with ：; a house that
    sets a 次第 item a step a line (notice.agenda: numbered) still joins a ceremony's
    steps on its labelled line, and the build says so at the ceremony's agenda."""
    (tmp_path / "house.yaml").write_text("notice:\n  agenda: numbered\n", encoding="utf-8")
    spec = write(tmp_path, PROGRAMME.replace("issuer: ", "style: house.yaml\nissuer: ", 1))
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = lines_of(tmp_path / "out" / "city" / "press-notice.pdf")
    assert "次第：署名、記念撮影" in lines, lines
    at = line_of(spec, "agenda: [署名")
    assert (f"{spec}:{at}: press_notice.ceremonies[1].agenda: 締結式（２） prints its 次第 on one line after its"
            " label, its steps joined with 、") in result.stdout + result.stderr


def test_what_would_stand_under_a_step_of_a_ceremonys_agenda_is_refused(tmp_path):
    spec = write(tmp_path, PROGRAMME.replace("agenda: [署名, 記念撮影]",
                                             "agenda: [署名, {step: 記念撮影, signatories: true}]"))
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'agenda: [署名')}: press_notice.ceremonies[1].agenda[1].signatories:"
            " a ceremony of several prints its 次第 on one line after its label") in err, err


@pytest.mark.parametrize("ki, key", [
    ("    - {item: ceremonies, agenda_label: 内容：}\n", "agenda_label"),      # no ceremony has a 次第
    ("    - {item: ceremonies, notes: [※　予定]}\n", "notes"),              # under every ceremony's item?
])
def test_a_ceremonies_entrys_agenda_label_without_agenda_and_its_notes_are_refused(tmp_path, ki, key):
    spec = write(tmp_path, TWO_CEREMONIES + "  ki:\n" + ki)
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, key + ':')}: press_notice.ki[0].{key}:" in err, err
    assert ("no effect" if key == "agenda_label" else "ceremonies[…].notes") in err, err


def test_an_agenda_label_beside_another_item_has_no_effect(tmp_path):
    spec = write(tmp_path, CITY + "  ki:\n    - date\n    - {item: place, agenda_label: 内容：}\n")
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'agenda_label')}: press_notice.ki[1].agenda_label:" in err and "no effect" in err
