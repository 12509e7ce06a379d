"""The term of validity (jpdocs/spec/term.py) in process, with every expected day and
reason written out: the default end, why it was chosen, the renewal notice's last
day, and the terms that cannot be met. test_agreement_truth.py checks the same term
in the built documents; these are fast enough for the mutation run."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from jpdocs.spec.schema import Validity
from jpdocs.spec.term import Term, add_period, notice_deadline, problem_of, term_of

D = dt.date


def agreement(signing: dt.date | None, **validity) -> SimpleNamespace:
    """What term_of reads of a schema.Agreement: its validity and signing date."""
    return SimpleNamespace(validity=Validity(**validity) if validity else None, signing_date=signing)


# ---------------------------------------------------------------- add_period
@pytest.mark.parametrize("day, amount, unit, expected", [
    (D(2024, 3, 31), 30, "日", D(2024, 4, 30)),
    (D(2024, 3, 31), -30, "日", D(2024, 3, 1)),
    (D(2024, 3, 31), 2, "週間", D(2024, 4, 14)),
    (D(2024, 3, 31), -2, "週間", D(2024, 3, 17)),
    (D(2024, 3, 31), -1, "か月", D(2024, 2, 29)),     # 2月末日 of a leap year
    (D(2025, 3, 31), -1, "か月", D(2025, 2, 28)),
    (D(2025, 3, 31), -3, "か月", D(2024, 12, 31)),    # back across a year
    (D(2024, 11, 30), 3, "か月", D(2025, 2, 28)),     # forward across a year, clamped
    (D(2024, 12, 15), 1, "か月", D(2025, 1, 15)),     # December + 1: January
    (D(2025, 1, 15), -1, "か月", D(2024, 12, 15)),    # January - 1: December
    (D(2024, 1, 31), 1, "か月", D(2024, 2, 29)),
    (D(2024, 2, 29), 1, "年", D(2025, 2, 28)),
    (D(2025, 3, 31), -1, "年", D(2024, 3, 31)),
    (D(2025, 3, 31), -2, "年", D(2023, 3, 31)),
    (D(2025, 3, 31), 0, "か月", D(2025, 3, 31)),
])
def test_add_period_counts_days_weeks_months_and_years_keeping_the_day_where_it_can(day, amount, unit, expected):
    assert add_period(day, amount, unit) == expected


def test_the_notice_deadline_is_the_notice_period_before_the_end():
    assert notice_deadline(D(2025, 3, 31), (1, "か月")) == D(2025, 2, 28)
    assert notice_deadline(D(2025, 3, 31), (30, "日")) == D(2025, 3, 1)
    assert notice_deadline(D(2025, 3, 31), (1, "年")) == D(2024, 3, 31)


# ---------------------------------------------------------------- term_of
def test_a_given_start_and_end_are_kept_with_no_reason():
    t = term_of(agreement(D(2024, 5, 1), start=D(2024, 6, 1), end=D(2026, 3, 31), renewal_notice="3か月",
                          renewal_term="2年"))
    assert t == Term(D(2024, 6, 1), True, D(2026, 3, 31), "", True, (3, "か月"), (2, "年"))


def test_no_validity_section_means_the_signing_day_to_its_fiscal_years_end_renewed_yearly_with_a_months_notice():
    t = term_of(agreement(D(2024, 5, 22)))
    assert t == Term(D(2024, 5, 22), False, D(2025, 3, 31), "the end of the fiscal year of the signing", True,
                     (1, "か月"), (1, "年"))


def test_a_given_start_chooses_the_end_of_its_own_fiscal_year_and_says_the_start():
    t = term_of(agreement(D(2024, 2, 1), start=D(2024, 4, 1)))
    assert (t.start, t.start_given, t.end) == (D(2024, 4, 1), True, D(2025, 3, 31))
    assert t.end_chosen == "the end of the fiscal year of the start"


@pytest.mark.parametrize("signing", [D(2025, 1, 6), D(2025, 2, 14), D(2025, 3, 25)])
def test_a_signing_in_january_to_march_runs_to_the_end_of_the_next_fiscal_year(signing):
    t = term_of(agreement(signing))
    assert t.end == D(2026, 3, 31)
    assert t.end_chosen == ("the end of the next fiscal year, as the signing falls in the last quarter of its"
                            " fiscal year")


def test_a_start_in_the_last_quarter_says_the_start():
    t = term_of(agreement(D(2024, 12, 1), start=D(2025, 2, 1)))
    assert t.end == D(2026, 3, 31)
    assert t.end_chosen == ("the end of the next fiscal year, as the start falls in the last quarter of its"
                            " fiscal year")


@pytest.mark.parametrize("signing", [D(2024, 4, 1), D(2024, 12, 31)])
def test_a_signing_from_april_to_december_runs_to_the_end_of_its_fiscal_year(signing):
    assert term_of(agreement(signing)).end == D(2025, 3, 31)


def test_a_notice_that_could_not_be_given_before_the_fiscal_years_end_moves_the_end_a_year():
    # 3か月 before 2025-03-31 is 2024-12-31: a signing on that day could never give notice
    t = term_of(agreement(D(2024, 12, 31), renewal_notice="3か月"))
    assert t.end == D(2026, 3, 31)
    assert t.end_chosen == ("the end of the next fiscal year, as the signing leaves no time for the renewal notice"
                            " before the end of its fiscal year")
    # one day earlier, the notice can still be given (on 2024-12-31)
    assert term_of(agreement(D(2024, 12, 30), renewal_notice="3か月")).end == D(2025, 3, 31)


def test_a_notice_period_is_ignored_without_renewal():
    t = term_of(agreement(D(2024, 12, 31), renewal=False, renewal_notice="6か月"))
    assert (t.renewal, t.notice, t.end) == (False, None, D(2025, 3, 31))


def test_renewal_without_a_notice_period_has_none():
    t = term_of(agreement(D(2024, 5, 22), renewal_notice=None))
    assert (t.renewal, t.notice) == (True, None)


def test_a_draft_without_a_signing_date_leaves_the_end_open_and_says_why():
    t = term_of(agreement(None))
    assert (t.start, t.start_given, t.end) == (None, False, None)
    assert t.end_chosen == "left open, as the signing date is (a draft)"
    assert problem_of(t) is None


# ---------------------------------------------------------------- problem_of
def term(start, end, notice=(1, "か月")) -> Term:
    return Term(start, True, end, "", notice is not None, notice, (1, "年"))


def test_an_end_before_or_on_the_start_is_a_problem_naming_both_days():
    assert problem_of(term(D(2025, 4, 1), D(2025, 3, 31))) == \
        "the agreement ends (2025-03-31) before it starts (2025-04-01)"
    assert problem_of(term(D(2025, 3, 31), D(2025, 3, 31), None)) == \
        "the agreement ends (2025-03-31) before it starts (2025-03-31)"
    assert problem_of(term(D(2025, 3, 30), D(2025, 3, 31), None)) is None


def test_a_notice_deadline_on_or_before_the_start_is_a_problem_naming_the_days_and_the_ways_out():
    assert problem_of(term(D(2024, 3, 25), D(2024, 3, 31))) == (
        "the term from 2024-03-25 to 2024-03-31 cannot be met: notice 1か月 before its end (2024-02-29) falls"
        " before it starts; give a later end, a shorter renewal_notice, or renewal: false")
    # the deadline on the start itself: no day to give notice after signing
    assert problem_of(term(D(2024, 2, 29), D(2024, 3, 31))).startswith("the term from 2024-02-29")
    assert problem_of(term(D(2024, 2, 28), D(2024, 3, 31))) is None


def test_an_open_start_or_end_is_no_problem():
    assert problem_of(Term(None, False, D(2025, 3, 31), "", True, (1, "か月"), (1, "年"))) is None
    assert problem_of(Term(D(2025, 3, 31), True, None, "", True, (1, "か月"), (1, "年"))) is None


# ---------------------------------------------------------------- a term given as a length
def test_a_term_given_as_a_length_has_no_end_computed_and_nothing_chosen():
    """締結の日から１年間: whether the first day counts (民法第140条) is the text's to say,
    so no end date is made; nothing is chosen for the user."""
    t = term_of(agreement(D(2019, 2, 5), length="1年", renewal_notice="3か月"))
    assert (t.start, t.start_given, t.end, t.end_chosen, t.length) == (D(2019, 2, 5), False, None, "", (1, "年"))
    assert (t.renewal, t.notice, t.term) == (True, (3, "か月"), (1, "年"))
    assert problem_of(t) is None
    assert term_of(agreement(None, length="4年")).length == (4, "年")      # a draft's open signing day


@pytest.mark.parametrize("length, notice, ok", [
    ("1年", "3か月", True),
    ("3か月", "1か月", True),
    ("1か月", "1か月", False),              # notice due on the first day: the term cannot be met
    ("20日", "1か月", False),
    ("2週間", "30日", False),
])
def test_a_notice_longer_than_the_length_is_a_problem(length, notice, ok):
    for signing in (D(2019, 2, 5), None):
        problem = problem_of(term_of(agreement(signing, length=length, renewal_notice=notice)))
        assert (problem is None) == ok, (length, notice, signing, problem)
        if not ok:
            assert problem.startswith(f"a term of {length}") and "a shorter renewal_notice" in problem


def test_an_end_and_a_length_together_are_refused():
    with pytest.raises(ValueError, match="give the term's end: or its length:, not both"):
        Validity(end=D(2020, 2, 4), length="1年")


def test_the_standard_article_states_a_length_as_a_length():
    from jpdocs.content.agreement.wording import validity_text
    t = term_of(agreement(D(2019, 2, 5), length="1年", renewal_notice="3か月"))
    assert validity_text(t, "mixed") == (
        "本協定の有効期間は、本協定の締結の日から１年間とする。ただし、有効期間満了の日の３か月前までに、{any}の"
        "いずれからも別段の意思表示がないときは、有効期間満了の日の翌日から起算して１年間延長するものとし、"
        "以後も同様とする。")
    six = term_of(agreement(D(2019, 2, 5), length="6か月", renewal=False))
    assert validity_text(six, "mixed", "本覚書") == "本覚書の有効期間は、本覚書の締結の日から６か月とする。"


# ---------------------------------------------------------------- a term without an end
def test_a_term_without_an_end_chooses_nothing_and_does_not_renew():
    """until_ended (期限の定めなし): no end is chosen, whatever the signing day (a late one
    would get the next fiscal year's end otherwise), and the schema's renewal: true is
    no fact of it."""
    for signing in (D(2024, 6, 14), D(2024, 3, 25), None):
        t = term_of(agreement(signing, until_ended=True, ended_by_notice=True, ending_notice="3か月"))
        assert (t.start, t.end, t.end_chosen, t.renewal, t.notice, t.length) == (signing, None, "", False, None, None)
        assert (t.until_ended, t.ended_by_notice, t.ending_notice) == (True, True, (3, "か月"))
        assert problem_of(t) is None


def test_the_standard_article_of_a_term_without_an_end_says_only_the_spec_s_ending():
    from jpdocs.content.agreement.wording import validity_text
    bare = term_of(agreement(D(2024, 6, 14), until_ended=True, ended_by_notice=True))
    assert validity_text(bare, "mixed") == (
        "本協定は、締結の日から効力を生じ、{any}のいずれかから終了の申出があるまでの間、その効力を有する。")
    full = term_of(agreement(D(2024, 6, 14), start=D(2024, 7, 1), until_ended=True, ended_by_notice=True,
                             notice_in_writing=True, ending_notice="3か月"))
    assert validity_text(full, "mixed", "本覚書", "です・ます") == (
        "本覚書は、令和６年７月１日から効力を生じ、{any}のいずれかから書面により終了の申出があるまでの間、その効力を"
        "有します。ただし、終了の申出は、終了しようとする日の３か月前までに行うものとします。")
