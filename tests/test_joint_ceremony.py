"""Several agreements at one ceremony (issue 11): a city signs one agreement with a
university and another with a company at the same ceremony. Each agreement keeps
its own spec and builds on its own; the notice's spec names the other under
press_notice.also. Every test runs the real command line and reads the PDFs back.

The case is written as such a joint signing is announced (a city, a national
university, a local company; one ceremony at the city hall); the names of the
organisations and people are made up, so that no real person is said to sign.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import needs_poppler, no_space, pdf_text, run_generate

UNIVERSITY = """\
issuer: 青葉市
parties:
  city:
    name: 青葉市
    address: 青葉市中央一丁目１番１号
    representative:
      title: 市長
      name: 山田　太郎
  univ:
    name: 青葉大学
    formal_name: 国立大学法人青葉大学
    representative:
      title: 学長
      name: 佐藤　花子
    honorific: 様
agreement:
  title: 青葉市と青葉大学との包括連携協定
  signing_date: 2025-04-21
  areas:
    - heading: 地域を担う人材の育成に関する事項
      items: [学生の地域活動への参加促進]
    - heading: 防災・減災に関する事項
      items: [避難所運営訓練への協力]
press_notice:
  issue_date: 2025-04-14
  subject: 青葉市と青葉大学及び株式会社青葉テックとの連携協定締結式について
  also: [city-company.yaml]
  attachments:
    - {title: 包括連携協定の概要, document: overview}
    - {title: 脱炭素連携協定の概要, document: overview, spec: city-company.yaml}
  opening:
    - 青葉市は、青葉大学と包括連携協定を、株式会社青葉テックと脱炭素の推進に関する連携協定を、同日に締結します。
    - つきましては、締結式を次のとおり執り行います。
  ceremony:
    date: 2025-04-21
    start: "10:00"
    venue: 青葉市役所　本庁舎３階会議室
"""

COMPANY = """\
issuer: 青葉市
parties:
  aoba:
    name: 青葉市
    representative:
      title: 市長
      name: 山田　太郎
  tech:
    name: 株式会社青葉テック
    representative:
      title: 代表取締役社長
      name: 鈴木　一郎
    honorific: 様
agreement:
  title: 青葉市と株式会社青葉テックとの脱炭素の推進に関する連携協定
  signing_date: 2025-04-21
  areas:
    - heading: 再生可能エネルギーの導入に関する事項
      items: [公共施設への太陽光発電設備の導入]
    - heading: 環境教育に関する事項
"""

TITLE_1 = "青葉市と青葉大学との包括連携協定"
TITLE_2 = "青葉市と株式会社青葉テックとの脱炭素の推進に関する連携協定"
CITY = "青葉市　市長　山田　太郎"
UNIV = "青葉大学　学長　佐藤　花子　様"
TECH = "株式会社青葉テック　代表取締役社長　鈴木　一郎　様"


def write(folder: Path, university: str = UNIVERSITY, company: str = COMPANY) -> Path:
    (folder / "city-company.yaml").write_text(company, encoding="utf-8")
    path = folder / "city-univ.yaml"
    path.write_text(university, encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def failed(spec: Path, tmp_path: Path) -> str:
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


@needs_poppler
def test_the_notice_names_both_agreements_and_every_signatory_with_its_organisation(tmp_path):
    spec = write(tmp_path)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / "city-univ" / "press-notice.pdf"))
    ki = text[text.index("締結者"):]
    # each agreement under its title, its signers after it: the city once per agreement
    first, second = ki.index(f"「{TITLE_1}」"), ki.index(f"「{TITLE_2}」")
    assert first < second
    assert no_space(CITY) in ki[first:second] and no_space(UNIV) in ki[first:second]
    assert no_space(CITY) in ki[second:] and no_space(TECH) in ki[second:]
    assert no_space(TECH) not in ki[first:second] and no_space(UNIV) not in ki[second:]
    # what was chosen for the user is named
    assert f"{spec}:{line_of(spec, 'also:')}: press_notice.also: 締結者 of 「{TITLE_2}」" in result.stdout
    assert "ceremony.group_signatories not given" in result.stdout
    # the other spec's own documents are not built from this spec
    assert not (tmp_path / "out" / "city-company").exists()
    assert sorted(p.name for p in (tmp_path / "out" / "city-univ").iterdir() if not p.name.startswith(".")) == \
        ["overview.docx", "overview.pdf", "press-notice.docx", "press-notice.pdf", "release.pdf"]


@needs_poppler
def test_each_signer_once_when_the_notice_says_so(tmp_path):
    spec = write(tmp_path, UNIVERSITY.replace("    venue: 青葉市役所　本庁舎３階会議室\n",
                                              "    venue: 青葉市役所　本庁舎３階会議室\n    group_signatories: false\n"))
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / "city-univ" / "press-notice.pdf"))
    ki = text[text.index("締結者"):]
    assert ki.count(no_space(CITY)) == 1                  # the city signs both, and is named once
    assert ki.index(no_space(CITY)) < ki.index(no_space(UNIV)) < ki.index(no_space(TECH))
    assert f"「{TITLE_1}」" not in ki


def test_each_agreement_still_builds_on_its_own(tmp_path):
    """Both specs in one run: the notice's spec makes the notice and its own overview,
    the other spec its own overview, each in its own folder."""
    write(tmp_path)
    result = run_generate(tmp_path, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "built 2" in result.stdout

    def files(name):
        return sorted(p.name for p in (tmp_path / "out" / name).iterdir() if not p.name.startswith("."))
    assert files("city-company") == ["overview.docx", "overview.pdf"]
    assert files("city-univ") == ["overview.docx", "overview.pdf", "press-notice.docx", "press-notice.pdf",
                                  "release.pdf"]


@needs_poppler
def test_the_release_carries_both_overview_sheets_in_order_with_bookmarks(tmp_path):
    spec = write(tmp_path)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    release = tmp_path / "out" / "city-univ" / "release.pdf"
    reader = PdfReader(release)
    marks = [(o.title, reader.get_destination_page_number(o)) for o in reader.outline if not isinstance(o, list)]
    assert marks == [("青葉市と青葉大学及び株式会社青葉テックとの連携協定締結式について", 0),
                     ("包括連携協定の概要", 1), ("脱炭素連携協定の概要", 2)]
    assert len(reader.pages) == 3
    own = no_space(pdf_text(tmp_path / "out" / "city-univ" / "overview.pdf"))
    page2 = no_space(reader.pages[1].extract_text())
    page3 = no_space(reader.pages[2].extract_text())
    assert "地域を担う人材の育成" in page2 and "株式会社青葉テック" not in page2
    assert "再生可能エネルギーの導入" in page3 and "株式会社青葉テック" in page3
    assert "地域を担う人材の育成" in own
    # 配付資料 lists both, in the notice
    notice = no_space(pdf_text(tmp_path / "out" / "city-univ" / "press-notice.pdf"))
    assert "包括連携協定の概要、脱炭素連携協定の概要" in notice


def test_a_change_in_the_other_spec_rebuilds_the_notice(tmp_path):
    spec = write(tmp_path)
    out = tmp_path / "out"
    assert run_generate(spec, "-o", out).returncode == 0
    again = run_generate(spec, "-o", out)
    assert again.returncode == 0 and "built 0, unchanged 1" in again.stdout, again.stdout
    other = tmp_path / "city-company.yaml"
    other.write_text(COMPANY.replace("鈴木　一郎", "鈴木　一朗"), encoding="utf-8")
    third = run_generate(spec, "-o", out)
    assert third.returncode == 0 and "built 1, unchanged 0" in third.stdout, third.stdout + third.stderr
    if shutil.which("pdftotext"):
        assert "鈴木一朗" in no_space(pdf_text(out / "city-univ" / "press-notice.pdf"))


# ---------------------------------------------------------------- errors
def test_a_missing_other_spec_is_named_at_also(tmp_path):
    spec = write(tmp_path, UNIVERSITY.replace("also: [city-company.yaml]", "also: [city-kompany.yaml]")
                 .replace("spec: city-company.yaml", "spec: city-kompany.yaml"))
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'also:')}: press_notice.also[0]: the spec" in err
    assert "city-kompany.yaml does not exist (a path relative to this spec)" in err


def test_an_unreadable_other_spec_is_named_with_its_own_problems(tmp_path):
    spec = write(tmp_path, company=COMPANY.replace("      name: 鈴木　一郎\n", "      name: 鈴木　一郎\n      nmae: x\n"))
    other = tmp_path / "city-company.yaml"
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'also:')}: press_notice.also[0]: the spec {other} named here cannot be read" in err
    assert f"{other}:{line_of(other, 'nmae:')}: parties.tech.representative.nmae: unknown key 'nmae'" in err


def test_a_folder_given_as_the_other_spec_is_refused(tmp_path):
    (tmp_path / "folder.yaml").mkdir()
    spec = write(tmp_path, UNIVERSITY.replace("also: [city-company.yaml]", "also: [folder.yaml]")
                 .replace("    - {title: 脱炭素連携協定の概要, document: overview, spec: city-company.yaml}\n", ""))
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'also:')}: press_notice.also[0]: the spec" in err
    assert "is a folder, not a regular file" in err


def test_a_spec_naming_itself_is_refused(tmp_path):
    spec = write(tmp_path, UNIVERSITY.replace("also: [city-company.yaml]", "also: [city-company.yaml, ./city-univ.yaml]"))
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'also:')}: press_notice.also[1]: './city-univ.yaml' is this spec itself" in err


def test_a_cycle_is_refused(tmp_path):
    company = COMPANY + """press_notice:
  issue_date: 2025-04-14
  subject: 連携協定締結式について
  also: [city-univ.yaml]
  opening: [締結します。]
"""
    spec = write(tmp_path, company=company)
    other = tmp_path / "city-company.yaml"
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'also:')}: press_notice.also[0]: {other} announces a joint ceremony too"
            f" (its press_notice.also, line {line_of(other, 'also:')})") in err


def test_a_notice_of_its_own_in_the_other_spec_is_refused(tmp_path):
    company = COMPANY + """press_notice:
  issue_date: 2025-04-14
  subject: 脱炭素連携協定締結式について
  opening: [締結します。]
"""
    spec = write(tmp_path, company=company)
    other = tmp_path / "city-company.yaml"
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'also:')}: press_notice.also[0]: {other} has a press notice of its own"
            f" (line {line_of(other, 'press_notice:')})") in err


def test_an_other_spec_without_an_agreement_is_refused(tmp_path):
    company = COMPANY[:COMPANY.index("agreement:")]
    spec = write(tmp_path, UNIVERSITY.replace(
        "    - {title: 脱炭素連携協定の概要, document: overview, spec: city-company.yaml}\n", ""), company)
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'also:')}: press_notice.also[0]:" in err and "has no agreement" in err


@pytest.mark.parametrize("where", ["top", "agreement"])
def test_also_without_a_press_notice_is_refused(tmp_path, where):
    company = COMPANY.replace("issuer: 青葉市\n", "issuer: 青葉市\nalso: [city-univ.yaml]\n") if where == "top" \
        else COMPANY.replace("  signing_date: 2025-04-21\n", "  signing_date: 2025-04-21\n  also: [city-univ.yaml]\n")
    write(tmp_path, company=company)
    other = tmp_path / "city-company.yaml"
    err = failed(other, tmp_path)
    key = "also" if where == "top" else "agreement.also"
    assert f"{other}:{line_of(other, 'also:')}: {key}: unknown key 'also' here" in err
    assert "press_notice.also" in err


def test_an_attachment_of_a_spec_not_announced_is_refused(tmp_path):
    spec = write(tmp_path, UNIVERSITY.replace("spec: city-company.yaml", "spec: city-kompany.yaml"))
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'spec: city-kompany')}: press_notice.attachments[1].spec: 'city-kompany.yaml'"
            " is not one of the specs press_notice.also names") in err


def test_an_attachment_spec_without_a_document_is_refused(tmp_path):
    spec = write(tmp_path, UNIVERSITY.replace("document: overview, spec: city-company.yaml", "spec: city-company.yaml"))
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'spec: city-company')}: press_notice.attachments[1]: spec: names the spec" in err


def test_the_overview_of_an_other_spec_without_areas_is_refused(tmp_path):
    company = COMPANY[:COMPANY.index("  areas:")]
    spec = write(tmp_path, company=company)
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'spec: city-company')}: press_notice.attachments[1].spec: the overview sheet"
            " is made from agreement.areas") in err


def test_a_signer_named_otherwise_in_the_other_spec_is_refused(tmp_path):
    spec = write(tmp_path, company=COMPANY.replace("山田　太郎", "山田　次郎"))
    other = tmp_path / "city-company.yaml"
    err = failed(spec, tmp_path)
    assert (f"{other}:{line_of(other, '山田　次郎')}: parties.aoba.representative.name: 青葉市's 市長 is 山田　太郎"
            f" in {spec} (parties.city.representative.name) and 山田　次郎 here") in err


def test_a_blank_name_in_an_other_draft_is_refused(tmp_path):
    company = COMPANY.replace("      name: 鈴木　一郎", "      name: null") + "  document: {draft: true}\n"
    spec = write(tmp_path, company=company)
    other = tmp_path / "city-company.yaml"
    err = failed(spec, tmp_path)
    assert (f"{other}:{line_of(other, 'name: null')}: parties.tech.representative.name: left open (null),"
            f" but the press notice of {spec} prints this name") in err


def test_group_signatories_without_also_has_no_effect(tmp_path):
    spec = write(tmp_path, UNIVERSITY.replace("  also: [city-company.yaml]\n", "")
                 .replace("    - {title: 脱炭素連携協定の概要, document: overview, spec: city-company.yaml}\n", "")
                 + "    group_signatories: false\n")
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'group_signatories')}: press_notice.ceremony.group_signatories:"
            " group_signatories groups") in err


def test_the_release_after_the_signing_of_several_agreements_is_refused(tmp_path):
    spec = write(tmp_path, UNIVERSITY + """  after:
    issue_date: 2025-04-21
    opening: [締結しました。]
""")
    err = failed(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'after:')}: press_notice.after: the release after the signing reports one" in err


def test_an_other_spec_outside_the_folder_is_refused_where_files_must_stay_inside(tmp_path):
    from jpdocs.errors import InputError
    from jpdocs.spec.load import load_spec
    inner = tmp_path / "inner"
    inner.mkdir()
    (tmp_path / "city-company.yaml").write_text(COMPANY, encoding="utf-8")
    spec = inner / "city-univ.yaml"
    spec.write_text(UNIVERSITY.replace("city-company.yaml", "../city-company.yaml"), encoding="utf-8")
    assert load_spec(spec).others                        # allowed on the command line
    with pytest.raises(InputError) as exc:
        load_spec(spec, allow_outside=False)
    assert any(p.key == "press_notice.also[0]" and "outside the spec's folder" in p.message
               for p in exc.value.problems)


def test_an_honorific_on_the_issuers_head_in_the_other_spec_is_refused(tmp_path):
    """The other spec is issued by the company, so 様 on the city is right there; the
    notice is issued by the city, which never writes 様 after its own head."""
    company = COMPANY.replace("issuer: 青葉市", "issuer: 株式会社青葉テック").replace(
        "      name: 山田　太郎\n", "      name: 山田　太郎\n    honorific: 様\n").replace(
        "      name: 鈴木　一郎\n    honorific: 様\n", "      name: 鈴木　一郎\n")
    spec = write(tmp_path, company=company)
    other = tmp_path / "city-company.yaml"
    err = failed(spec, tmp_path)
    assert (f"{other}:{line_of(other, 'honorific')}: parties.aoba.honorific: '様' on the head of 青葉市, which"
            f" issues the press notice of {spec}") in err


def test_also_with_nothing_that_prints_it_has_no_effect(tmp_path):
    spec = write(tmp_path, UNIVERSITY.replace("    - {title: 脱炭素連携協定の概要, document: overview, spec: city-company.yaml}\n", "")
                 + "  ki: [date, place]\n")
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'also:')}: press_notice.also[0]: ki does not list 'signatories' and no"
            " attachment names 'city-company.yaml'") in err


@needs_poppler
def test_a_notice_only_spec_announces_the_agreements_of_its_others(tmp_path):
    (tmp_path / "city-company.yaml").write_text(COMPANY, encoding="utf-8")
    univ = UNIVERSITY[:UNIVERSITY.index("press_notice:")]
    (tmp_path / "city-univ.yaml").write_text(univ, encoding="utf-8")
    notice = tmp_path / "ceremony.yaml"
    notice.write_text("""\
issuer: 青葉市
parties:
  city:
    name: 青葉市
    representative: {title: 市長, name: 山田　太郎}
""" + UNIVERSITY[UNIVERSITY.index("press_notice:"):].replace(
        "also: [city-company.yaml]", "also: [city-univ.yaml, city-company.yaml]").replace(
        "{title: 包括連携協定の概要, document: overview}", "{title: 包括連携協定の概要, document: overview, spec: city-univ.yaml}"),
        encoding="utf-8")
    result = run_generate(notice, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / "ceremony" / "press-notice.pdf"))
    ki = text[text.index("締結者"):]
    first, second = ki.index(f"「{TITLE_1}」"), ki.index(f"「{TITLE_2}」")
    assert ki[:first] == "締結者"                  # no group before the first agreement's
    assert no_space(UNIV) in ki[first:second] and no_space(TECH) in ki[second:]
    reader = PdfReader(tmp_path / "out" / "ceremony" / "release.pdf")
    assert [o.title for o in reader.outline][1:] == ["包括連携協定の概要", "脱炭素連携協定の概要"]


@needs_poppler
def test_the_joint_notice_and_release_pass_jpcheck(tmp_path):
    import sys
    from conftest import ROOT
    checker = ROOT.parent / "shared" / "tools" / "jpcheck.py"
    if not checker.is_file():
        pytest.skip("../shared/tools/jpcheck.py not present")
    sys.path.insert(0, str(checker.parent))
    import jpcheck
    spec = write(tmp_path)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for name in ("press-notice.pdf", "release.pdf"):
        found = jpcheck.check(str(tmp_path / "out" / "city-univ" / name))
        assert found["violations"] == [], (name, found["violations"])


def test_the_parties_under_a_step_are_refused_when_several_agreements_are_signed(tmp_path):
    """With `also` the ceremony signs two agreements, each with its parties: a step of
    the 次第 listing "the parties" could not say whose, and is refused at its key."""
    (tmp_path / "house.yaml").write_text("notice:\n  agenda: numbered\n", encoding="utf-8")
    spec = write(tmp_path, "style: house.yaml\n" + UNIVERSITY.replace(
        '    start: "10:00"\n', '    start: "10:00"\n    agenda: [開会, {step: 協定書署名, parties: true}]\n'))
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'parties: true')}: press_notice.ceremony.agenda[1].parties: with"
            " press_notice.also the notice announces several agreements") in err, err


PHOTO_SECTION = """\
  sections:
    - heading: 締結式の様子
      photos:
        - file: stand-in.jpg
          caption: 握手を交わす鈴木一郎代表取締役社長と{other}氏
          names: [鈴木　一郎, {other}]
"""


@pytest.mark.parametrize("other, refused", [("高橋　次郎", True), ("高橋　次郎", False)])
def test_a_caption_name_an_announced_spec_holds_is_refused_at_names(tmp_path, other, refused):
    """鈴木　一郎 signs only the agreement announced through press_notice.also: the build
    keeps his name whole in the notice as it keeps its own spec's people, so names:
    would keep nothing whole. Refused at the names entry, nothing written; a caption's
    name no spec holds (高橋　次郎) is accepted."""
    shutil.copy(Path(__file__).parent / "data" / "real" / "photos" / "stand-in.jpg", tmp_path / "stand-in.jpg")
    names = f"[鈴木　一郎, {other}]" if refused else f"[{other}]"
    section = PHOTO_SECTION.format(other=other).replace(f"[鈴木　一郎, {other}]", names)
    spec = write(tmp_path, UNIVERSITY + section)
    if not refused:
        result = run_generate(spec, "-o", tmp_path / "out")
        assert result.returncode == 0, result.stderr
        return
    err = failed(spec, tmp_path)
    assert (f"{spec}:{line_of(spec, 'names:')}: press_notice.sections[0].photos[0].names[0]:"
            f" {tmp_path / 'city-company.yaml'}, which the notice also announces (press_notice.also), holds"
            " 鈴木　一郎 already") in err, err
    assert not any((tmp_path / "out").rglob("*.pdf")), "nothing written beside the error"
