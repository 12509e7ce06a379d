"""The agreement prints only clauses that the spec or a named standard set states.

Each test writes an agreement as a secretariat would (variations of the seed's)
and runs the real command line: the document is made only when asked for, no
article is invented or silently dropped, duplicates and keys without effect are
errors with file, line and key, the term of validity can be met, and what was
chosen for the user is named in the output.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from jpdocs import japanese
from jpdocs.content.agreement.compose import compose
from jpdocs.errors import InputError
from jpdocs.spec.load import load_spec
from jpdocs.spec.style import load_style
from jpdocs.spec.term import notice_deadline, term_of

from conftest import SEED_SPEC, needs_poppler, no_space, pdf_text, run_generate


def seed() -> dict:
    return yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict, name: str = "spec") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def check(path: Path):
    return run_generate("check", path)


def test_a_spec_without_a_document_section_gets_no_agreement(tmp_path):
    data = seed()
    del data["agreement"]["document"]
    spec = write(tmp_path, data)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    made = sorted(p.name for p in (tmp_path / "out" / spec.stem).iterdir() if not p.name.startswith("."))
    assert made == ["overview.docx", "overview.pdf", "press-notice.docx", "press-notice.pdf", "release.pdf"]
    assert "articles from the standard set" not in result.stdout


def test_no_standard_set_and_no_articles_is_an_error(tmp_path):
    data = seed()
    data["agreement"]["document"] = {"purpose": "地域の発展を図る"}
    spec = write(tmp_path, data)
    result = check(spec)
    assert result.returncode == 1
    assert (f"error: {spec}:{line_of(spec, 'document:')}: agreement.document: the agreement has no article"
            in result.stderr), result.stderr


def test_the_purpose_is_never_invented(tmp_path):
    data = seed()
    del data["agreement"]["document"]["purpose"]
    spec = write(tmp_path, data)
    result = check(spec)
    assert result.returncode == 1
    assert f"error: {spec}:{line_of(spec, 'document:')}: agreement.document.purpose: the article 「目的」" in result.stderr
    assert "地域の持続的な発展に寄与" not in result.stderr + result.stdout


def test_an_unknown_standard_set_is_named_with_the_sets_there_are(tmp_path):
    data = seed()
    data["agreement"]["document"]["standard"] = "包括連帯"
    spec = write(tmp_path, data)
    result = check(spec)
    assert result.returncode == 1
    assert (f"error: {spec}:{line_of(spec, 'standard:')}: agreement.document.standard: no standard set of articles"
            " is named '包括連帯'" in result.stderr and "did you mean '包括連携'" in result.stderr), result.stderr


def test_the_build_names_which_articles_came_from_the_set_and_which_from_the_spec(tmp_path):
    data = seed()
    doc = data["agreement"]["document"]
    doc["articles"] = {"costs": {"heading": "経費負担"}}
    doc["extra_articles"] = [{"heading": "個人情報の保護", "after": "confidentiality",
                              "text": ["甲及び乙は、個人情報を適正に取り扱う。"]}]
    spec = write(tmp_path, data)
    for result in (check(spec), run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement")):
        assert result.returncode == 0, result.stderr
        assert (f"note: {spec}:{line_of(spec, 'standard:')}: agreement.document.standard: articles from the standard"
                " set '包括連携'" in result.stdout), result.stdout
        assert ("第１条（目的）、第２条（連携事項）、第３条（推進体制）、第４条（秘密保持）、第７条（有効期間）、第８条（協議）;"
                " changed by the spec: 第６条（経費負担）; the spec's own: 第５条（個人情報の保護）") in result.stdout


@needs_poppler
def test_an_agreement_of_the_specs_own_articles_prints_only_them(tmp_path):
    data = seed()
    data["agreement"]["document"] = {
        "title": "北見工業大学と北海道オホーツク総合振興局とのデータ連携に関する覚書",
        "kind": "覚書",               # (left out, a 協定書 titled …覚書 is refused: its text says 本協定)
        "subject": "データの相互提供",
        "extra_articles": [
            {"heading": "趣旨", "text": ["この覚書は、甲乙が保有するデータの相互提供に関し必要な事項を定める。"]},
            {"heading": "協議", "text": ["この覚書に定めのない事項は、甲乙協議して定める。"]}]}
    spec = write(tmp_path, data)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / spec.stem / "agreement.pdf"))
    assert "第１条（趣旨）" in text and "第２条（協議）" in text and "第３条" not in text
    for standard in ("秘密保持", "費用負担", "有効期間", "推進体制", "連携事項"):
        assert standard not in text
    # Once no note at all was asserted here. But the spec writes no closing, so the generated
    # one prints, and it states how the parties sign (記名押印, 印 by each block) and how many
    # originals are kept, which the spec never said: that, and only that, is named.
    notes = [line for line in result.stdout.splitlines() if line.startswith("note:")]
    assert notes == [f"note: {spec}:{line_of(spec, 'document:')}: agreement.document.closing: not given; the"
                     " generated closing says the parties sign and seal (記名押印; 印 by each signature block), how"
                     " many originals are made and that each keeps one: 「本覚書の締結を証するため、本書２通を作成し、"
                     "甲乙記名押印の上、各自その１通を保有する。」; write closing: with the text's own words, or"
                     " signed_by_hand: true for 署名の上 and no 印"], result.stdout


@needs_poppler
def test_the_generated_closing_is_named_where_it_prints_and_not_beside_the_specs_own(tmp_path):
    """記名押印 (or 署名), 本書Ｎ通 and 各自その１通を保有 are facts of the signing: printed
    from no word of the spec, the build names them at the key that changes them, quoting
    the sentence as the PDF prints it; the spec's own closing is its own, and nothing is said."""
    generated = "本協定の締結を証するため、本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。"
    spec = write(tmp_path, seed(), "generated")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert generated in no_space(pdf_text(tmp_path / "out" / spec.stem / "agreement.pdf"))
    [note] = [line for line in result.stdout.splitlines() if "agreement.document.closing" in line]
    assert note.startswith(f"note: {spec}:{line_of(spec, 'document:')}: agreement.document.closing: not given;")
    assert f"「{generated}」" in note and "記名押印; 印 by each signature block" in note
    assert "signed_by_hand: true for 署名の上" in note and "write closing:" in note
    # signed by hand: the generated closing says 署名の上, and the note says so, not 記名押印
    data = seed()
    data["agreement"]["document"]["signed_by_hand"] = True
    spec = write(tmp_path, data, "by-hand")
    result = check(spec)
    assert result.returncode == 0, result.stderr
    [note] = [line for line in result.stdout.splitlines() if "agreement.document.closing" in line]
    assert "「本協定の締結を証するため、本書２通を作成し、甲乙署名の上、各自その１通を保有する。」" in note, note
    assert "sign by hand (署名; no 印" in note and "記名押印" not in note and "signed_by_hand: true" not in note
    # the spec's own closing: printed as written, and no note of a closing
    own = "以上の証として、本書２通を作成し、甲乙署名の上、各自１通を保有する。"
    data = seed()
    data["agreement"]["document"]["closing"] = own
    spec = write(tmp_path, data, "own")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    printed = no_space(pdf_text(tmp_path / "out" / spec.stem / "agreement.pdf"))
    assert own in printed and "記名押印" not in printed
    assert "generated closing" not in result.stdout, result.stdout
    # closing: false: nothing generated either (its own note says what it does instead)
    data["agreement"]["document"]["closing"] = False
    result = check(write(tmp_path, data, "none"))
    assert result.returncode == 0, result.stderr
    assert "generated closing" not in result.stdout and "agreement.document.closing: false" in result.stdout


def test_changes_to_standard_articles_need_a_standard_set(tmp_path):
    data = seed()
    doc = data["agreement"]["document"]
    del doc["standard"]
    doc["articles"] = {"costs": {"remove": True}}
    doc["extra_articles"] = [{"heading": "目的", "text": ["…を目的とする。"]}]
    spec = write(tmp_path, data)
    result = check(spec)
    assert result.returncode == 1
    assert f"error: {spec}:{line_of(spec, 'costs:')}: agreement.document.articles.costs: articles: changes" in result.stderr


def test_a_change_to_the_areas_article_of_a_spec_without_areas_is_an_error_not_dropped(tmp_path):
    data = seed()
    del data["agreement"]["areas"]
    data["press_notice"]["attachments"] = ["連携協定の概要"]    # no sheet to attach without areas
    data["agreement"]["document"]["articles"] = {"areas": {"heading": "連携協力事項"}}
    spec = write(tmp_path, data)
    result = check(spec)
    assert result.returncode == 1
    assert (f"error: {spec}:{line_of(spec, '    areas:')}: agreement.document.articles.areas: the article 'areas' is"
            " made from agreement.areas, and this spec has none" in result.stderr), result.stderr


def test_area_items_without_areas_has_no_effect_and_is_an_error(tmp_path):
    data = seed()
    del data["agreement"]["areas"]
    data["agreement"]["document"]["area_items"] = True
    spec = write(tmp_path, data)
    result = check(spec)
    assert result.returncode == 1
    assert (f"error: {spec}:{line_of(spec, 'area_items:')}: agreement.document.area_items: area_items shapes"
            in result.stderr), result.stderr


def test_a_second_catch_all_is_an_error_and_catch_all_false_keeps_the_specs_own(tmp_path):
    data = seed()
    data["agreement"]["areas"].append({"heading": "その他両者が必要と認める事項"})
    spec = write(tmp_path, data)
    result = check(spec)
    assert result.returncode == 1
    assert (f"error: {spec}:{line_of(spec, 'その他両者')}: agreement.areas[6].heading: the last area"
            in result.stderr), result.stderr
    data["agreement"]["document"]["catch_all"] = False
    text = compose(load_spec(write(tmp_path, data, "own")), load_style())
    items = [e.text for e in text.articles[1].clauses[0].entries]
    assert items[-1] == "その他両者が必要と認める事項" and sum(i.startswith("その他") for i in items) == 1


def test_two_articles_with_one_heading_is_an_error(tmp_path):
    data = seed()
    data["agreement"]["document"]["extra_articles"] = [{"heading": "協議", "text": ["甲乙協議して定める。"]}]
    spec = write(tmp_path, data)
    result = check(spec)
    assert result.returncode == 1
    assert f"error: {spec}:{line_of(spec, 'heading: 協議')}: agreement.document.extra_articles[0].heading: two" \
           " articles are headed 「協議」" in result.stderr, result.stderr


def test_an_old_document_key_says_where_it_moved(tmp_path):
    data = seed()
    data["agreement"]["purpose"] = data["agreement"]["document"].pop("purpose")
    spec = write(tmp_path, data)
    result = check(spec)
    assert result.returncode == 1
    assert (f"error: {spec}:{line_of(spec, '  purpose:')}: agreement.purpose: 'purpose' belongs to the agreement"
            " document now: write it as agreement.document.purpose") in result.stderr


# ---------------------------------------------------------------- the term of validity
def signing(tmp_path: Path, day: str, validity: dict | None, name="term") -> Path:
    data = seed()
    data["agreement"]["signing_date"] = day
    if validity is None:
        data["agreement"].pop("validity", None)
    else:
        data["agreement"]["validity"] = validity
    data["press_notice"]["ceremony"]["date"] = day
    return write(tmp_path, data, name)


def test_a_signing_late_in_the_fiscal_year_runs_to_the_end_of_the_next_and_says_so(tmp_path):
    spec = signing(tmp_path, "2024-03-25", None)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    assert ("agreement.validity.end: not given; the term runs to 令和７年３月31日: the end of the next fiscal year,"
            " as the signing falls in the last quarter of its fiscal year") in result.stdout
    text = compose(load_spec(spec), load_style())
    validity = next(a for a in text.articles if a.heading == "有効期間").clauses[0].text
    assert validity.startswith("本協定の有効期間は、本協定の締結の日から令和７年３月31日までとする。")


def test_the_chosen_end_is_named_when_the_spec_renames_the_article_too(tmp_path):
    """A heading of the spec's own (期間) over the standard 有効期間 article: its text is
    still made from the term, so the end chosen for it is named as before; with a text
    of the spec's own it is not (the spec says its term itself)."""
    spec = signing(tmp_path, "2024-03-25", None)
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    data["agreement"]["document"]["articles"] = {"validity": {"heading": "期間"}}
    spec = write(tmp_path, data, "renamed")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    assert "agreement.validity.end: not given; the term runs to 令和７年３月31日" in result.stdout
    data["agreement"]["document"]["articles"] = {"validity": {"text": ["本協定の有効期間は、締結の日から１年間とする。"]}}
    spec = write(tmp_path, data, "own-text")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    assert "agreement.validity.end" not in result.stdout and "agreement.validity.renewal" not in result.stdout


def test_a_term_from_the_signing_day_is_named_where_the_spec_gives_no_start(tmp_path):
    """The standard 有効期間 article runs the term from 本協定の締結の日: when the agreement
    takes effect is a fact of it, and the spec gave only the end. The build names it at
    validity.start; a start given is printed and not named, nor is a term the spec's own
    article states."""
    spec = signing(tmp_path, "2024-05-22", {"end": "2025-03-31", "renewal": False})
    result = check(spec)
    assert result.returncode == 0, result.stderr
    assert (f"note: {spec}:{line_of(spec, 'validity:')}: agreement.validity.start: not given; the 有効期間 article"
            " runs the term from the day of signing (本協定の締結の日から): write start: if it begins on another"
            " day") in result.stdout, result.stdout
    spec = signing(tmp_path, "2024-05-22", {"start": "2024-06-01", "end": "2025-03-31", "renewal": False}, "start")
    result = check(spec)
    assert result.returncode == 0, result.stderr
    assert "agreement.validity.start" not in result.stdout, result.stdout
    validity = next(a for a in compose(load_spec(spec), load_style()).articles if a.heading == "有効期間")
    assert validity.clauses[0].text.startswith("本協定の有効期間は、令和６年６月１日から")
    data = yaml.safe_load(signing(tmp_path, "2024-05-22", {"end": "2025-03-31"}, "own").read_text(encoding="utf-8"))
    data["agreement"]["document"]["articles"] = {"validity": {"text": ["本協定の有効期間は、令和６年６月１日から１年間とする。"]}}
    result = check(write(tmp_path, data, "own"))
    assert result.returncode == 0, result.stderr
    assert "agreement.validity.start" not in result.stdout, result.stdout


def test_an_early_signing_runs_to_the_end_of_its_fiscal_year(tmp_path):
    spec = signing(tmp_path, "2024-05-22", None)
    text = compose(load_spec(spec), load_style())
    validity = next(a for a in text.articles if a.heading == "有効期間").clauses[0].text
    assert "本協定の締結の日から令和７年３月31日までとする。" in validity


def test_a_term_that_cannot_be_met_is_an_error_naming_the_end(tmp_path):
    spec = signing(tmp_path, "2024-03-25", {"end": "2024-03-31", "renewal_notice": "1か月"})
    result = check(spec)
    assert result.returncode == 1
    assert (f"error: {spec}:{line_of(spec, '    end:')}: agreement.validity.end: the term from 2024-03-25 to"
            " 2024-03-31 cannot be met") in result.stderr, result.stderr


def test_renewal_without_a_notice_period(tmp_path):
    spec = signing(tmp_path, "2024-05-22", {"end": "2025-03-31", "renewal_notice": None})
    text = compose(load_spec(spec), load_style())
    validity = next(a for a in text.articles if a.heading == "有効期間").clauses[0].text
    assert "ただし、有効期間満了の日までに、甲又は乙のいずれからも別段の意思表示がないときは" in validity
    assert "前までに" not in validity


def test_the_annual_book_prints_the_term_the_agreement_prints(tmp_path):
    spec = signing(tmp_path, "2024-03-25", None)
    result = run_generate("annual", "--fiscal-year", "2023", spec, "-o", tmp_path / "book")
    assert result.returncode == 0, result.stderr
    csv = (tmp_path / "book" / "annual-2023.csv").read_text(encoding="utf-8-sig")
    assert "令和６年３月25日～令和７年３月31日（自動更新）" in csv


def test_the_renewal_the_standard_article_prints_unsaid_is_named(tmp_path):
    """The standard 有効期間 article renews the term (renewal: true by default), by
    renewal_term with renewal_notice's notice: each the spec left to its default is
    named, at the validity's line (at agreement: when there is none); said, none."""
    cases = [
        (None, ["agreement.validity.renewal: not given; the 有効期間 article renews the term by １年間 at a time"
                " unless notice is given １か月 before its end (the defaults of renewal, renewal_term and"
                " renewal_notice): say renewal: false if the agreement does not renew"], "agreement:"),
        ({"end": "2025-03-31", "renewal_notice": "1か月"},
         ["agreement.validity.renewal_term: not given; the 有効期間 article renews the term by １年間 at a time"
          " (the default)"], "  validity:"),
        ({"end": "2025-03-31", "renewal_term": "2年"},
         ["agreement.validity.renewal_notice: not given; the 有効期間 article has notice given １か月 before the"
          " end (the default)"], "  validity:"),
        ({"end": "2025-03-31", "renewal_notice": "3か月", "renewal_term": "1年"}, [], None),
        ({"end": "2025-03-31", "renewal": False}, [], None),
    ]
    for i, (validity, expected, where) in enumerate(cases):
        spec = signing(tmp_path, "2024-05-22", validity, name=f"renewal{i}")
        result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement")
        assert result.returncode == 0, result.stderr
        said = [line.split(": ", 2)[2] for line in result.stdout.splitlines() if ".renewal" in line]
        assert said == expected, (validity, said)
        if where:
            assert f"{spec}:{line_of(spec, where)}: agreement.validity.renewal" in result.stdout


def test_the_book_marks_a_renewal_only_where_one_is_said_or_printed(tmp_path):
    """validity: with an end only, beside an agreement of its own articles (which say
    what they say of renewal): the book lists the term without （自動更新）, which only
    the schema's default would give; said by a renewal key, it is marked."""
    data = seed()
    document = data["agreement"]["document"]
    document.pop("standard")
    document.pop("purpose")
    document["extra_articles"] = [{"heading": "目的", "text": ["この協定は、連携について定める。"]}]
    for validity, mark in (({"end": "2025-03-31"}, False), ({"end": "2025-03-31", "renewal_notice": "1か月"}, True)):
        data["agreement"]["validity"] = validity
        spec = write(tmp_path, data, "own")
        result = run_generate("annual", "--fiscal-year", "2023", spec, "-o", tmp_path / f"book{mark}")
        assert result.returncode == 0, result.stderr
        csv = (tmp_path / f"book{mark}" / "annual-2023.csv").read_text(encoding="utf-8-sig")
        assert ("令和６年２月27日～令和７年３月31日（自動更新）" in csv) == mark
        assert "令和６年２月27日～令和７年３月31日" in csv


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=st.dates(dt.date(2019, 5, 1), dt.date(2040, 12, 31)),
       end_offset=st.one_of(st.none(), st.integers(-30, 800)),
       notice=st.one_of(st.none(), st.sampled_from(["1か月", "3か月", "6か月", "30日", "2週間", "1年"])),
       renewal=st.booleans())
def test_any_signing_and_renewal_give_a_sound_term_or_an_error_naming_the_key(tmp_path_factory, day, end_offset,
                                                                             notice, renewal):
    validity = {"renewal": renewal, "renewal_notice": notice}
    if end_offset is not None:
        validity["end"] = (day + dt.timedelta(days=end_offset)).isoformat()
    spec = signing(tmp_path_factory.mktemp("p"), day.isoformat(), validity)
    try:
        loaded = load_spec(spec)
    except InputError as exc:
        assert [p.key for p in exc.problems] in (["agreement.validity.end"], ["agreement.validity.renewal_notice"])
        return
    term = term_of(loaded.spec.agreement)
    assert term.start < term.end
    if renewal and notice:
        assert notice_deadline(term.end, japanese.parse_period(notice)) > term.start
    if end_offset is None:
        assert term.end.month == 3 and term.end.day == 31 and term.end_chosen


# ---------------------------------------------------------------- the annual book's 相手方 and 担当課
def annual_row(tmp_path: Path, data: dict) -> dict:
    spec = write(tmp_path, data, "book")
    result = run_generate("annual", "--fiscal-year", "2023", spec, "-o", tmp_path / "book")
    assert result.returncode == 0, result.stderr
    import csv
    rows = list(csv.DictReader((tmp_path / "book" / "annual-2023.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 1
    return rows[0]


def test_the_partner_is_every_party_not_of_the_issuing_side(tmp_path):
    row = annual_row(tmp_path, seed())
    assert row["相手方"] == "国立大学法人北海道国立大学機構　北見工業大学"
    assert row["担当課"] == "オホーツク総合振興局地域創生部地域政策課"


def test_an_issuer_that_is_no_party_by_name_has_the_partners_the_spec_says_and_no_guessed_department(tmp_path):
    """北海道 issuing for its own オホーツク総合振興局: the book listed the bureau as
    北海道's partner. A party whose name holds the issuer's is refused without
    issuing: (annual/sides.py); said, the partners are the parties not of its side."""
    data = seed()
    data["issuer"] = "北海道"
    del data["agreement"]["department"]
    spec = write(tmp_path, data, "book")
    result = run_generate("annual", "--fiscal-year", "2023", spec, "-o", tmp_path / "refused")
    assert result.returncode == 1 and f"{spec}:{line_of(spec, '  bureau:')}: parties.bureau.issuing:" in result.stderr
    data["parties"]["bureau"]["issuing"] = True
    data["parties"]["kitami_it"]["issuing"] = False
    row = annual_row(tmp_path, data)
    assert row["相手方"] == "国立大学法人北海道国立大学機構　北見工業大学"
    assert row["担当課"] == "－" and "地域創生部" not in row["担当課"]     # the contact is no department of record


def test_a_co_signer_of_the_issuing_side_is_not_a_partner(tmp_path):
    data = seed()
    data["parties"]["kitami_bureau"] = {"name": "北海道オホーツク総合振興局北見地域", "issuing": True,
                                        "representative": {"title": "北見地域担当部長", "name": "山田　一郎"}}
    row = annual_row(tmp_path, data)
    assert row["相手方"] == "国立大学法人北海道国立大学機構　北見工業大学"


def test_the_standard_sets_subject_is_named_where_the_spec_gives_none(tmp_path):
    """The preamble's …に関し says what the agreement is about; the standard set's
    (包括的な連携) is named at the standard's line, so that a 覚書 on supplies that
    borrows the set's articles is not sent out as a 包括連携 by default."""
    data = seed()
    data["agreement"]["document"].pop("subject", None)
    spec = write(tmp_path, data)
    result = check(spec)
    assert result.returncode == 0, result.stderr
    assert (f"{spec}:{line_of(spec, 'standard:')}: agreement.document.subject: not given; the preamble says"
            " 「…は、包括的な連携に関し、次のとおり協定を締結する。」, in the words of the standard set '包括連携'") \
        in result.stdout
    data["agreement"]["document"]["subject"] = "災害時における物資の供給"
    result = check(write(tmp_path, data, "own"))
    assert result.returncode == 0, result.stderr
    assert "agreement.document.subject" not in result.stdout
    text = compose(load_spec(tmp_path / "own.yaml"), load_style())
    assert "は、災害時における物資の供給に関し、次のとおり協定を締結する。" in text.preamble
