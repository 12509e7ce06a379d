"""An agreement's term of validity (有効期間): the one computation that the agreement
document, the overview and the annual book all print.

A spec may say the term has no end (until_ended: 期限の定めなし): nothing is chosen
then, and what ends it is the spec's to say (a party's notice, in writing, how long
before). A spec may give the term as a length (1年: 締結の日から１年間, as many texts do);
no end date is then computed. A spec may leave the end out. The default end is then
a choice made for the user, so it comes with the reason, which the build prints: the
end of the fiscal year of the start — or, when the start falls in the last quarter of
its fiscal year (January to March), or the renewal notice could not be given after
the start before that end, the end of the next fiscal year, as offices run a first
term signed late in the year. A term that cannot be met — the notice period before
its end reaches back before its start (seen: a signing on 3月25日 with a term to
3月31日 and one month's notice) — is an error naming the key.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import japanese


# The keys of agreement.validity that say the term renews (and how): the schema's
# defaults say it otherwise, which the build names (build/notes.renewal_notes).
RENEWAL_KEYS = ("renewal", "renewal_notice", "renewal_term")


@dataclass(frozen=True)
class Term:
    """An agreement's term of validity, as the spec gave it or as it was chosen."""
    start: dt.date | None      # None: a draft's signing day, left open
    start_given: bool          # False: the signing day (本協定の締結の日)
    end: dt.date | None        # None: left open with the signing day (a draft's blank), or a length
    end_chosen: str            # why this end, when the spec did not give it ("" when it did)
    renewal: bool
    notice: tuple[int, str] | None     # the renewal notice period, (1, "か月"); None: none
    term: tuple[int, str]              # each renewal's length
    length: tuple[int, str] | None = None   # the term as a length from its start (１年間), no end date
    in_writing: bool = False           # the notice (not to renew, or to end) is given in writing: the spec says so
    until_ended: bool = False          # 期限の定めなし: in force until a party ends it (no end, length or renewal)
    ended_by_notice: bool = False      # it ends by a party's notice (終了の申出): the spec says so
    ending_notice: tuple[int, str] | None = None   # that notice, how long before the day it ends


def add_period(day: dt.date, amount: int, unit: str) -> dt.date:
    """The day `amount` units after `day` (negative: before). Months and years keep
    the day of the month where they can (3月31日 − 1か月 = 2月末日)."""
    if unit == "日":
        return day + dt.timedelta(days=amount)
    if unit == "週間":
        return day + dt.timedelta(weeks=amount)
    months = amount * (12 if unit == "年" else 1)
    y, m = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(y, m + 1, min(day.day, japanese.days_in_month(y, m + 1)))


def notice_deadline(end: dt.date, notice: tuple[int, str]) -> dt.date:
    """The last day a party can give notice that it will not renew."""
    return add_period(end, -notice[0], notice[1])


def term_of(agreement) -> Term:
    """The term of `agreement` (schema.Agreement), with the default end chosen if
    need be. Raises nothing: soundness is `problem_of`'s."""
    from .schema import Validity
    v = agreement.validity or Validity()
    start = v.start or agreement.signing_date
    notice = japanese.parse_period(v.renewal_notice) if v.renewal and v.renewal_notice else None
    term = japanese.parse_period(v.renewal_term)
    if v.until_ended:
        # no end to choose and no renewal (the schema's renewal: true is no fact of it):
        # whatever ends it is the spec's to say (ended_by_notice, ending_notice)
        ending = japanese.parse_period(v.ending_notice) if v.ending_notice else None
        return Term(start, v.start is not None, None, "", False, None, term, None, v.notice_in_writing,
                    True, v.ended_by_notice, ending)
    if v.length:
        # As the text states it (締結の日から１年間): no end date is computed, since
        # whether the first day counts (民法第140条) is the text's to say, not ours.
        return Term(start, v.start is not None, None, "", v.renewal, notice, term, japanese.parse_period(v.length),
                    v.notice_in_writing)
    if v.end:
        end, why = v.end, ""
    elif start is None:
        end, why = None, "left open, as the signing date is (a draft)"
    else:
        fy = japanese.fiscal_year(start)
        end = japanese.fiscal_year_range(fy)[1]
        why = f"the end of the fiscal year of {'the start' if v.start else 'the signing'}"
        late = start.month in (1, 2, 3)
        unmeetable = notice is not None and notice_deadline(end, notice) <= start
        if late or unmeetable:
            end = japanese.fiscal_year_range(fy + 1)[1]
            reason = ("falls in the last quarter of its fiscal year" if late
                      else "leaves no time for the renewal notice before the end of its fiscal year")
            why = f"the end of the next fiscal year, as the {'start' if v.start else 'signing'} {reason}"
    return Term(start, v.start is not None, end, why, v.renewal, notice, term, None, v.notice_in_writing)


def problem_of(term: Term) -> str | None:
    """Why the term cannot be met, or None (also when a draft leaves a date open, and
    for a term without an end)."""
    if term.length is not None:
        # The notice must fall inside the first term, wherever it starts: measured
        # from a day whose month has 31 days, as the longest case.
        if term.notice is not None:
            day = term.start or dt.date(2001, 1, 31)
            if notice_deadline(add_period(day, *term.length), term.notice) <= day:
                (n, unit), (k, k_unit) = term.notice, term.length
                return (f"a term of {k}{k_unit} cannot be met with notice {n}{unit} before its end: give a"
                        " longer length, a shorter renewal_notice, or renewal: false")
        return None
    if term.start is None or term.end is None:
        return None
    if term.end <= term.start:
        return f"the agreement ends ({term.end.isoformat()}) before it starts ({term.start.isoformat()})"
    if term.notice is not None:
        deadline = notice_deadline(term.end, term.notice)
        if deadline <= term.start:
            n, unit = term.notice
            return (f"the term from {term.start.isoformat()} to {term.end.isoformat()} cannot be met: notice"
                    f" {n}{unit} before its end ({deadline.isoformat()}) falls before it starts; give a later"
                    " end, a shorter renewal_notice, or renewal: false")
    return None
