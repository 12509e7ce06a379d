"""A term without an end (validity.until_ended: 期限の定めなし), built by the real command line.

Many agreements — disaster-relief supply agreements above all — are in force from their
signing until a party ends them. Nothing is chosen for such a term (no end, no renewal,
no note of either); what ends it is the spec's to say, and the standard 有効期間 article
says no more (ended_by_notice, notice_in_writing, ending_notice); the annual book lists
its start and （期限の定めなし）. Each contradiction is an error at its file, line and key,
with nothing written.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEED_SPEC, needs_poppler, no_space, pdf_text, run_generate
from docx_reading import docx_text

REAL = ROOT / "tests" / "data" / "real"
ARTICLE = "本協定は、締結の日から効力を生じ、甲又は乙のいずれかから書面により終了の申出があるまでの間、その効力を有する。"
ENDING = "ただし、終了の申出は、終了しようとする日の３か月前までに行うものとする。"
FULL = {"until_ended": True, "ended_by_notice": True, "notice_in_writing": True, "ending_notice": "3か月"}


def spec_with(tmp_path: Path, validity: dict, name: str = "spec", articles: dict | None = None,
              document: bool = True) -> Path:
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["agreement"]["validity"] = validity
    if articles is not None:
        data["agreement"]["document"]["articles"] = articles
    if not document:
        data["agreement"].pop("document")
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


@needs_poppler
def test_the_standard_article_says_the_ending_the_spec_states_and_nothing_chosen(tmp_path):
    spec = spec_with(tmp_path, FULL)
    out = tmp_path / "out"
    result = run_generate(spec, "-o", out, "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    for text in (pdf_text(out / "spec" / "agreement.pdf"), docx_text(out / "spec" / "agreement.docx")):
        assert no_space(ARTICLE + ENDING) in no_space(text)
        assert "更新" not in text and "満了" not in text
    # no end chosen and no renewal named; the start from the signing day is (a fact the spec left out)
    assert "agreement.validity.end" not in result.stdout and "agreement.validity.renewal" not in result.stdout
    assert (f"{spec}:{line_of(spec, '  validity:')}: agreement.validity.start: not given; the 有効期間 article runs"
            " the term from the day of signing (締結の日から)") in result.stdout, result.stdout


@needs_poppler
def test_in_writing_and_the_notice_period_are_printed_only_where_the_spec_says_them(tmp_path):
    spec = spec_with(tmp_path, {"until_ended": True, "ended_by_notice": True, "start": "2024-04-01"})
    out = tmp_path / "out"
    result = run_generate(spec, "-o", out, "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(out / "spec" / "agreement.pdf"))
    assert "本協定は、令和６年４月１日から効力を生じ、甲又は乙のいずれかから終了の申出があるまでの間、その効力を有する。" in text
    assert "書面" not in text and "終了しようとする日" not in text
    assert "agreement.validity.start" not in result.stdout


def book(tmp_path: Path, spec: Path, year: int = 2023) -> dict:
    out = tmp_path / "book"
    result = run_generate("annual", "--fiscal-year", str(year), spec, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "agreement.validity" not in result.stdout, result.stdout       # nothing chosen, nothing named
    rows = list(csv.DictReader((out / f"annual-{year}.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 1
    return {"row": rows[0], "pdf": no_space(pdf_text(out / f"annual-{year}.pdf")),
            "docx": no_space(docx_text(out / f"annual-{year}.docx"))}


@needs_poppler
def test_the_annual_book_lists_the_start_and_no_end(tmp_path):
    made = book(tmp_path, spec_with(tmp_path, FULL))
    assert made["row"]["有効期間"] == "令和６年２月27日～（期限の定めなし）"
    assert made["row"]["有効期間（ISO）"] == "2024-02-27/.."
    assert "令和６年２月27日～（期限の定めなし）" in made["pdf"]
    assert "令和６年２月27日～（期限の定めなし）" in made["docx"]
    assert "令和７年３月31日" not in made["pdf"] + made["docx"] and "自動更新" not in made["pdf"]


@needs_poppler
def test_kurashiki_lists_the_term_its_page_states(tmp_path):
    """倉敷市's page: in force from 令和6年6月14日 until a party declares its end. The facts
    file records it (term:); the spec says until_ended for the book, which lists it."""
    facts = yaml.safe_load((REAL / "kurashiki-lions-2024.facts.yaml").read_text(encoding="utf-8"))
    assert facts["term"]["until_ended"] is True
    assert not any("until a party declares its end" in n["feature"] for n in facts.get("needs", []))
    made = book(tmp_path, REAL / "kurashiki-lions-2024.yaml", 2024)
    start = facts["term"]["from"]
    assert made["row"]["有効期間（ISO）"] == f"{start.isoformat()}/.."
    assert made["row"]["有効期間"] == "令和６年６月14日～（期限の定めなし）"
    assert "令和６年６月14日～（期限の定めなし）" in made["pdf"]


@needs_poppler
@pytest.mark.parametrize("case, year, listed", [
    # 国税庁・JIIMA: 第８条, in force until rescinded under 第７条; no day of effect, so from the signing
    ("nta-jiima-2019", 2019, "令和元年７月１日～（期限の定めなし）"),
    # 阿蘇・竹田: the 附則's day, after the signing (平成10年２月９日, 平成９年度), and no end
    ("aso-taketa-fire-1998", 1997, "平成10年４月１日～（期限の定めなし）"),
    # 東工大・総研大: 3.'s day, two days before the signing, and no end
    ("titech-soken-1995", 1995, "平成７年４月１日～（期限の定めなし）"),
])
def test_real_agreements_without_an_end_list_the_term_their_text_states(tmp_path, case, year, listed):
    """Agreements the real cases hold whose texts give a start and no end: each facts file
    records the term (term:), the spec says until_ended (with the start its text gives),
    and the year's book lists it in the CSV, the PDF and the DOCX — not a dash."""
    facts = yaml.safe_load((REAL / f"{case}.facts.yaml").read_text(encoding="utf-8"))
    assert facts["term"]["until_ended"] is True
    made = book(tmp_path, REAL / f"{case}.yaml", year)
    assert made["row"]["有効期間"] == listed
    assert made["row"]["有効期間（ISO）"] == f"{facts['term']['from'].isoformat()}/.."
    assert listed in made["pdf"] and listed in made["docx"]


@pytest.mark.parametrize("validity, where, key, message", [
    ({"until_ended": True, "end": "2025-03-31", "ended_by_notice": True}, "    end:", "end",
     "until_ended: true says the term has no end and does not renew: end contradicts it; remove one"),
    ({"until_ended": True, "length": "1年", "ended_by_notice": True}, "    length:", "length",
     "until_ended: true says the term has no end and does not renew: length contradicts it; remove one"),
    ({"until_ended": True, "renewal": False, "ended_by_notice": True}, "    renewal:", "renewal",
     "until_ended: true says the term has no end and does not renew: renewal contradicts it; remove one"),
    ({"until_ended": True, "renewal_notice": "1か月", "ended_by_notice": True}, "    renewal_notice:", "renewal_notice",
     "until_ended: true says the term has no end and does not renew: renewal_notice contradicts it"),
    ({"until_ended": True, "renewal_term": "1年", "ended_by_notice": True}, "    renewal_term:", "renewal_term",
     "until_ended: true says the term has no end and does not renew: renewal_term contradicts it"),
    ({"until_ended": True}, "    until_ended:", "until_ended",
     "the standard 有効期間 article would have to say how the agreement without an end is ended, and the spec"
     " does not say: say ended_by_notice: true"),
    ({"until_ended": True, "ending_notice": "3か月"}, "    ending_notice:", "ending_notice",
     "ending_notice is how long before the day it ends a party gives notice to end the agreement, and the spec"
     " does not say a notice ends it"),
    ({"until_ended": True, "notice_in_writing": True}, "    notice_in_writing:", "notice_in_writing",
     "notice_in_writing words a party's notice that ends the agreement (書面により), and the spec does not say a"
     " notice ends it"),
    ({"end": "2025-03-31", "ended_by_notice": True}, "    ended_by_notice:", "ended_by_notice",
     "ended_by_notice says how a term without an end is ended, and the spec does not say the term has none"),
    ({"end": "2025-03-31", "ending_notice": "3か月"}, "    ending_notice:", "ending_notice",
     "ending_notice says how a term without an end is ended, and the spec does not say the term has none"),
])
def test_each_contradiction_is_an_error_at_its_line_and_nothing_is_written(tmp_path, validity, where, key, message):
    spec = spec_with(tmp_path, validity)
    out = tmp_path / "out"
    result = run_generate(spec, "-o", out)
    assert result.returncode == 1, result.stdout
    assert f"error: {spec}:{line_of(spec, where)}: agreement.validity.{key}: {message}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))


@pytest.mark.parametrize("articles, document, message", [
    ({"validity": {"text": ["本協定は、締結の日から効力を生じる。"]}}, True,
     "ended_by_notice says how the agreement is ended in the standard set's 有効期間 article, and the document prints"
     " no such article"),
    ({"validity": {"remove": True}}, True,
     "ended_by_notice says how the agreement is ended in the standard set's 有効期間 article"),
    (None, False, "ended_by_notice says how the agreement is ended in the agreement document's 有効期間 article, and"
                  " there is no document: it would have no effect"),
])
def test_how_it_ends_where_no_standard_article_prints_it_is_an_error(tmp_path, articles, document, message):
    spec = spec_with(tmp_path, {"until_ended": True, "ended_by_notice": True}, articles=articles, document=document)
    result = run_generate("check", spec)
    assert result.returncode == 1, result.stdout
    assert (f"error: {spec}:{line_of(spec, 'ended_by_notice:')}: agreement.validity.ended_by_notice: {message}"
            in result.stderr), result.stderr


def test_its_in_writing_where_no_standard_article_prints_it_is_named_as_how_it_ends(tmp_path):
    """notice_in_writing of a term without an end is the 書面により of the notice that ends
    it: refused as the other keys of its ending are, never in a renewal's words, once."""
    spec = spec_with(tmp_path, {"until_ended": True, "ended_by_notice": True, "notice_in_writing": True},
                     articles={"validity": {"text": ["本協定は、締結の日から効力を生じる。"]}})
    result = run_generate("check", spec)
    assert result.returncode == 1, result.stdout
    at = f"error: {spec}:{line_of(spec, 'notice_in_writing:')}: agreement.validity.notice_in_writing: "
    assert (at + "notice_in_writing says how the agreement is ended in the standard set's 有効期間 article"
            in result.stderr), result.stderr
    assert result.stderr.count(at) == 1 and "書面による" not in result.stderr


def test_a_term_without_an_end_in_an_article_of_the_specs_own_needs_no_more(tmp_path):
    """An agreement ended otherwise (by 協議) writes its article itself: until_ended alone
    is what the book lists, and the build takes it without a word of how it ends."""
    spec = spec_with(tmp_path, {"until_ended": True},
                     articles={"validity": {"text": ["本協定は、締結の日から効力を生じ、甲乙協議の上終了するまでその効力を有する。"]}})
    result = run_generate("check", spec)
    assert result.returncode == 0, result.stderr
    assert "agreement.validity" not in result.stdout
