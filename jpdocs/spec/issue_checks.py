"""A notice without a date of issue (`press_notice.issue_date: none`), checked: the
words that stand around the date (date_prefix: 公開日：, date_suffix: 配布) print only
with it, so where no release of the spec prints a date they would have no effect,
and a stray 発表日： or 配布 would stand alone on the page. A corrected release's
correction (press_notice.correction) is dated on or after the date it corrects, says
a reason when it has the key, and names at least one changed part when it has that key."""
from __future__ import annotations

from ..errors import Problem
from .schema import Spec
from .source import dotted, line_of

N = ("press_notice",)


def check_issue_dates(spec: Spec, name: str, lines) -> list[Problem]:
    n = spec.press_notice
    if n is None:
        return []
    problems: list[Problem] = []

    def problem(path, message):
        problems.append(Problem(name, line_of(lines, path), dotted(path), message))

    after = n.after
    # the release after the signing prints the notice's prefix, and its suffix unless its own
    after_dated = after is not None and after.issued_on is not None
    if n.issued_on is None:
        if n.date_prefix is not None and not after_dated:
            problem(N + ("date_prefix",), "the notice has no date of issue (issue_date: none): the words before"
                                          " the date would stand alone or have no effect; remove date_prefix")
        if "date_suffix" in n.model_fields_set and not (after_dated and after.date_suffix is None):
            problem(N + ("date_suffix",), "the notice has no date of issue (issue_date: none): the words after"
                                          " the date would stand alone or have no effect; remove date_suffix")
    _check_correction(n, problem)
    if after is not None and after.issued_on is None:
        if after.date_suffix is not None:
            path = N + ("after", "date_suffix")
            problem(path, "the release after the signing has no date of issue (after.issue_date: none): the"
                          " words after the date would have no effect; remove date_suffix")
    return problems


def _check_correction(n, problem) -> None:
    """The correction's lines stand under the date of issue, in its form: a notice
    without one has no line to stand under; a day before the issue corrects a release
    not yet issued; a reason given empty would print an empty line (no reason: leave
    the key out)."""
    c = n.correction
    if c is None:
        return
    at = N + ("correction",)
    if n.issued_on is None:
        problem(at, "the correction's lines stand under the date of issue, and the notice has none"
                    " (issue_date: none): give the date of issue, or remove correction")
    elif c.date < n.issued_on:
        problem(at + ("date",), f"the correction is dated {c.date.isoformat()}, before the notice was issued"
                                f" ({n.issued_on.isoformat()}); check the date")
    if c.changed == []:
        problem(at + ("changed",), "the correction's changed parts are an empty list: name each part the"
                                   " correction changed as the notice prints it, or remove the key")
    if c.reason is not None and not c.reason.strip(" \u3000"):
        problem(at + ("reason",), "the correction's reason is empty: write it, or remove the key (no line"
                                  " of reason is then printed)")
