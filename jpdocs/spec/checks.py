"""What a spec says checked beyond its schema, across its sections: references
between them, the press notice's request and 記 block, the agreement's articles and
dates; who signs (signer_checks.py) and a draft's blanks (blank_checks.py). (Its text
before the schema: text_checks.py; the schema's findings in words: schema_messages.py;
the files it names: file_checks.py.)
"""
from __future__ import annotations

import re
from dataclasses import replace

from .. import enumeration, japanese
from ..errors import Problem
from ..party_words import party_names, with_names
from .blank_checks import check_blanks
from .file_checks import check_attachments
from .id_checks import check_ids
from .schema import Spec
from .signer_checks import check_signers
from .source import dotted, line_of
from .typed import check_typed, check_typed_names


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.key))


def cross_check(spec: Spec, name: str, lines) -> list[Problem]:
    """What the schema alone cannot see: references between sections."""
    problems = []
    notice = spec.press_notice
    problems += check_ids(spec, name, lines)          # each id a declared party's (agreement's)
    problems += _check_press_request(spec, name, lines)
    if spec.agreements is not None or (notice and notice.ceremonies):
        from .several import check_several
        problems += check_several(spec, name, lines)
    # (a country where there is no agreement document: printed nowhere but by a user's
    # template, which the build knows of: spec/unprinted.py)
    for pid, party in spec.parties.items():
        if party.honorific and party.on_issuing_side(spec.issuer):
            path = ("parties", pid, "honorific")
            why = "issuing: true" if party.issuing else f"the issuer is '{spec.issuer}'"
            problems.append(Problem(name, line_of(lines, path), dotted(path),
                                    f"'{party.honorific}' on the issuing office's own head ({why}); an"
                                    " office never writes 様 after its own head: delete the honorific,"
                                    " or say issuing: false if this party is not of the issuing side"))
    if notice:
        from .joint import check_also
        from .closing_checks import check_closing
        from .issue_checks import check_issue_dates
        from .notice_checks import check_notice
        problems += check_notice(spec, name, lines)
        problems += check_issue_dates(spec, name, lines)
        problems += check_closing(spec, name, lines)
        problems += check_also(spec, name, lines)
        problems += check_attachments(spec, name, lines)
    if spec.agreement:
        problems += _agreement_checks(spec, name, lines)
    for aid in spec.agreements or ():
        problems += _of_several(spec, aid, name, lines)
    problems += check_blanks(spec, name, lines)
    problems += check_signers(spec, name, lines)
    problems += check_typed(spec, name, lines)
    problems += check_typed_names(spec, name, lines)
    return problems


def _agreement_checks(spec: Spec, name: str, lines) -> list[Problem]:
    """The checks of the spec's agreement (agreement:): its keys and dates."""
    agreement, problems = spec.agreement, []
    problems += _check_agreement(spec, name, lines)
    for key, day in (("signing_date", agreement.signing_date),
                     ("validity", agreement.validity.start if agreement.validity else None)):
        if day and japanese.fiscal_year_problem(japanese.fiscal_year(day)):
            path = ("agreement", key) + (("start",) if key == "validity" else ())
            problems.append(Problem(name, line_of(lines, path), dotted(path),
                                    f"{day.isoformat()} falls in the fiscal year {japanese.fiscal_year(day)},"
                                    " whose days cannot all be written as dates (fiscal years run from"
                                    f" {japanese.FIRST_FISCAL_YEAR} to {japanese.LAST_FISCAL_YEAR});"
                                    " check the date"))
    for i, amendment in enumerate(agreement.amendments):
        if agreement.signing_date and amendment.date <= agreement.signing_date:
            path = ("agreement", "amendments", i, "date")
            problems.append(Problem(name, line_of(lines, path), dotted(path),
                                    f"the agreement is amended on {amendment.date.isoformat()}, not after it"
                                    f" was signed ({agreement.signing_date.isoformat()}); check the date"))
    amends = agreement.amends
    # a date given in part (平成9年) is refused only where all of it is on or after the signing
    original = amends.signing_date if amends else None
    if isinstance(original, japanese.PartialDate):
        original = original.first()
    if original and agreement.signing_date and original >= agreement.signing_date:
        path = ("agreement", "amends", "signing_date")
        problems.append(Problem(name, line_of(lines, path), dotted(path),
                                f"the agreement amended was signed on {amends.signing_date.isoformat()}, not"
                                f" before this one ({agreement.signing_date.isoformat()}); check the date"))
    for field in agreement.fields:
        if not field.strip():
            path = ("agreement", "fields", field)
            problems.append(Problem(name, line_of(lines, path), "agreement.fields",
                                    "a field's name cannot be empty"))
    return problems


def _of_several(spec: Spec, aid: str, name: str, lines) -> list[Problem]:
    """The checks of one agreement, run on one of several (agreements:) as on a spec of
    it alone (several.agreement_view), at the keys the spec writes (agreements.<id>.…): a
    signing_year beside its date, a term that cannot be met, a fiscal year past the
    calendar's are as wrong in one of several as in one alone."""
    from .several import agreement_view
    if any(p not in spec.parties for p in spec.agreements[aid].parties):
        return []                                   # (a party not declared: id_checks.py)
    view, view_lines = agreement_view(spec, lines, aid)
    head = dotted(("agreements", aid))
    return [replace(p, key=re.sub(r"^agreement(?=$|[.\[])", head, p.key))
            for p in _agreement_checks(view, name, view_lines)]


def date_warnings(spec: Spec, name: str, lines) -> list[Problem]:
    """Facts that may both be true but are seldom meant: a notice's ceremony on another
    day than the agreement's signing, whose date line prints the signing date. Warned,
    not refused: an agreement signed by letter can be celebrated later."""
    notice, agreement = spec.press_notice, spec.agreement
    ceremony_day = notice.ceremony.date if notice else None
    signed = agreement.signing_date if agreement else None
    if not (ceremony_day and signed) or ceremony_day == signed:
        return []
    path = ("press_notice", "ceremony", "date")
    return [Problem(name, line_of(lines, path), dotted(path),
                    f"the ceremony is on {ceremony_day.isoformat()}, but the agreement is signed on"
                    f" {signed.isoformat()} (agreement.signing_date, line {line_of(lines, ('agreement', 'signing_date'))}),"
                    " the date its document and the annual book give: check both")]


def _check_press_request(spec: Spec, name: str, lines) -> list[Problem]:
    """The request sentence is printed whole or not at all: a deadline needs words
    after it, and までに is added after the deadline (a tail written for the old
    format, which began with it, would print it twice)."""
    notice = spec.press_notice
    r = notice.press_request if notice else None
    if r is None or r.deadline is None:
        return []
    path = ("press_notice", "press_request", "tail")
    if not r.tail.strip():
        return [Problem(name, line_of(lines, path), dotted(path),
                        "the deadline needs a tail to make a sentence (…までに下記連絡先までお知らせください。):"
                        " write the tail, or leave out the deadline")]
    if r.tail.startswith("までに"):
        return [Problem(name, line_of(lines, path), dotted(path),
                        "までに is printed after the deadline already; write the tail without it"
                        f" ({r.tail[3:]!r})")]
    return []


def _check_agreement(spec: Spec, name: str, lines) -> list[Problem]:
    """What can be told without the house style's standard articles (those are
    checked where the text is composed, content/agreement/): parties, labels, keys that
    would have no effect, and a term of validity that can be met."""
    from .term import RENEWAL_KEYS, problem_of, term_of
    ag, problems = spec.agreement, []

    def problem(path, message):
        problems.append(Problem(name, line_of(lines, path), dotted(path), message))

    for path, count in _sub_item_lists(ag):
        if count > len(enumeration.IROHA_ITEMS):
            problem(path, f"{count} sub-items, but their markers ア, イ … run out after"
                          f" {len(enumeration.IROHA_ITEMS)} (ワ); split the list, or make some of them items of their own")
    if len(spec.parties) < 2:
        problem(("agreement",), "an agreement needs at least two parties under parties:")
    doc = ag.document
    if ag.kind is not None and doc is not None:
        # (without a document, kind: is what the annual book counts it as: build/documents.py
        # refuses one its title says already or contradicts)
        problem(("agreement", "kind"), f"the agreement document says its kind in document.kind ({doc.kind}), which"
                                       " makes its wording too: agreement.kind is for an agreement without a"
                                       " document; write the kind there")
    # (a signing_year, _era or _month where there is no document: printed nowhere but by a
    # user's template, which the build knows of: spec/unprinted.py)
    if ag.signing_year is not None:
        if ag.signing_date is not None:
            problem(("agreement", "signing_year"), "the signing date gives the year: signing_year is for a draft's"
                                                   " open date (signing_date: null), and would have no effect")
    if ag.signing_era is not None:
        if ag.signing_date is not None:
            problem(("agreement", "signing_era"), "the signing date gives the era: signing_era is for a draft's"
                                                  " open date (signing_date: null), and would have no effect")
        elif ag.signing_year is not None:
            problem(("agreement", "signing_era"), "signing_year gives the era (its year is written in it): remove"
                                                  " signing_era, or signing_year where the year is not known")
    if ag.signing_month is not None:
        if ag.signing_date is not None:
            problem(("agreement", "signing_month"), "the signing date gives the month: signing_month is for a"
                                                    " draft's open date (signing_date: null), and would have no effect")
        elif ag.signing_year is None:
            problem(("agreement", "signing_month"), "a month without its year: the open date line would print"
                                                    " 　　年３月　　日; give signing_year too")
    if doc is not None:
        D = ("agreement", "document")
        if doc.labels == "甲乙" and len(spec.parties) > len(enumeration.PARTY_LABELS):
            # only the document names its parties 甲, 乙 …: the notice, the overview sheet and
            # the annual book print their names, and a list of 23 municipalities is real
            # (tests/data/annual/sasayama-h8)
            written = D + ("labels",) if D + ("labels",) in lines else D
            problem(written, f"the document labels its {len(spec.parties)} parties 甲, 乙 … (labels: 甲乙), and"
                             f" those labels stop at the {len(enumeration.PARTY_LABELS)}th, 癸: write one word"
                             " for all of them (labels: 各市町) or a label per party (labels: {id: word})")
        if isinstance(doc.title, list) and len(doc.title) == 1:   # (a notice's subject: notice_checks.py)
            problem(D + ("title",), "the title is given as a list of one line: a list breaks the title where the"
                                    " text breaks it (two lines or more); write the one line as a string")
        for key in ("labels", "collective"):
            word = getattr(doc, key)
            if isinstance(word, str) and word.startswith("両") and len(spec.parties) != 2:
                problem(D + (key,), f"'{word}' speaks of two parties, but there are {len(spec.parties)};"
                                    " write 甲乙, or a word such as 三者")
        if isinstance(doc.labels, dict):        # (a label of no party: id_checks.py)
            missing = [pid for pid in spec.parties if pid not in doc.labels]
            if missing:
                problem(D + ("labels",), "a label per party needs one for every party; missing:"
                                         f" {with_names(missing, party_names(spec.parties))}")
            words = list(doc.labels.values())
            for pid, word in doc.labels.items():
                if words.count(word) > 1:
                    problem(D + ("labels", pid), f"the label 「{word}」 is given to more than one party")
        elif doc.labels != "甲乙" and doc.collective:
            problem(D + ("collective",), f"labels: {doc.labels} is already the one word for all parties, so"
                                         " collective: would have no effect; remove one")
        if doc.preamble is not None:
            own = "writes its own (document.preamble)" if doc.preamble else "has none (document.preamble: false)"
            for key in ("subject", "conclude"):
                if D + (key,) in lines:
                    problem(D + (key,), f"{key} words the generated preamble, and the spec {own}:"
                                        " it would have no effect")
        if not ag.areas:
            for key in ("area_items", "catch_all"):
                if D + (key,) in lines:
                    problem(D + (key,), f"{key} shapes the 連携事項 article made from agreement.areas, and this"
                                        " spec has no areas: it would have no effect")
    v = ag.validity
    V = ("agreement", "validity")
    if v is not None and v.until_ended:
        # 期限の定めなし: an end, a length or a renewal says the term ends or runs again
        for key in ("end", "length") + RENEWAL_KEYS:
            if V + (key,) in lines:
                problem(V + (key,), f"until_ended: true says the term has no end and does not renew: {key}"
                                    " contradicts it; remove one")
        if v.ending_notice is not None and not v.ended_by_notice:
            problem(V + ("ending_notice",), "ending_notice is how long before the day it ends a party gives notice"
                                            " to end the agreement, and the spec does not say a notice ends it:"
                                            " say ended_by_notice: true, or remove ending_notice")
        if v.notice_in_writing and not v.ended_by_notice:
            problem(V + ("notice_in_writing",), "notice_in_writing words a party's notice that ends the agreement"
                                                " (書面により), and the spec does not say a notice ends it: say"
                                                " ended_by_notice: true, or remove notice_in_writing")
    elif v is not None:
        for key in ("ended_by_notice", "ending_notice"):
            if V + (key,) in lines:
                problem(V + (key,), f"{key} says how a term without an end is ended, and the spec does not say"
                                    " the term has none (until_ended: true): it would have no effect")
    if v is not None and v.notice_in_writing and not v.until_ended:
        # 書面による is printed in the generated 有効期間 article's renewal sentence alone
        if not v.renewal:
            problem(("agreement", "validity", "notice_in_writing"),
                    "notice_in_writing words the notice not to renew (書面による), and the term does not renew"
                    " (renewal: false): it would have no effect")
        # (without a document: printed nowhere but by a user's template, which the build
        # knows of: spec/unprinted.py)
    try:
        problem_text = problem_of(term_of(ag)) if ag.validity or ag.document else None
    except (ValueError, OverflowError):
        problem_text = None            # a date past the calendar's end: its fiscal year is reported instead
    if problem_text:
        v = ag.validity
        key = ("end" if v and v.end else "length" if v and v.length
               else "renewal_notice" if v and v.renewal_notice else "end")
        problem(("agreement", "validity", key), problem_text)
    return problems


def _sub_item_lists(ag):
    """(key path, length) of every list the agreement numbers ア, イ …: the items of
    an item in an article's paragraph, and each area's items with area_items."""
    from .schema import ClauseSpec, SubItemSpec
    doc = ag.document
    if doc is None:
        return
    D = ("agreement", "document")
    texts = [(D + ("articles", k, "text"), o.text) for k, o in doc.articles.items() if o.text]
    texts += [(D + ("extra_articles", i, "text"), x.text) for i, x in enumerate(doc.extra_articles)]
    for path, text in texts:
        for j, clause in enumerate(text):
            if isinstance(clause, ClauseSpec):
                for k, item in enumerate(clause.items):
                    if isinstance(item, SubItemSpec):
                        yield path + (j, "items", k, "items"), len(item.items)
    if doc.area_items:
        for i, area in enumerate(ag.areas):
            yield ("agreement", "areas", i, "items"), len(area.items)
