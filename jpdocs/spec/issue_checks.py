"""A notice without a date of issue (`press_notice.issue_date: none`), checked: the
words that stand around the date (date_prefix: 公開日：, date_suffix: 配布) print only
with it, so where no release of the spec prints a date they would have no effect,
and a stray 発表日： or 配布 would stand alone on the page."""
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
    if after is not None and after.issued_on is None:
        if after.date_suffix is not None:
            path = N + ("after", "date_suffix")
            problem(path, "the release after the signing has no date of issue (after.issue_date: none): the"
                          " words after the date would have no effect; remove date_suffix")
    return problems
