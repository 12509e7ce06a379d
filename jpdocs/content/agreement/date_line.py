"""No date line where the closing holds the date of signing (document.date_line:
in_closing): 鳥取県's 覚書 write it inside the closing (…2004年4月3日、鳥取県鳥取市において
署名後、…) and print no date line under it. The signing date stays a fact of the spec
(the notice, the overview and the annual book use it), so the closing must state that
very day: a closing that states no date would leave the document with none at all,
and one that names another day prints a wrong fact. Both are refused at the closing's
line; so is the key where it could not hold (no closing, the generated one, a draft's
open date).

Without the key the date line prints the signing date, and a closing (or preamble) of
the spec's own that gives another day as the day it is signed is refused too: one
signing, two dates. Only a date given as the signing's (a verb of signing or of making
the copies after it, see _SIGNING_VERB): a text may name other days, the start of its
term above all."""
from __future__ import annotations

import datetime as dt
import re

from ... import japanese
from ...dates_in_text import DATE, DateInText, date_of, dates_in
from ...spec.amends_checks import dates_title
from ...spec.schema.agreement import own_words

D = ("agreement", "document")

# A date the text gives as the day it is signed: the first verb of signing or of making
# the copies after it in its sentence says what this text does (…2004年4月3日、鳥取県鳥取市
# において署名後、…; 令和６年２月27日、本書２通を作成し、…; …、令和６年２月27日、次のとおり
# 協定を締結する。; a treaty's 千九百九十三年二月十七日に北京で、…本書二通を作成した。), or
# nothing follows it (a date set at the closing's end). Not one: a day the text states for
# something else, the start or the end of a term (…から効力を有する, …まで; …をもって効力を
# 生ずるものとし、…作成し: a word of effect before the verb), an earlier document's (…に
# 締結した協定に基づき: the verb in the past, a noun after it) or a date in brackets
# (…協定書(平成13年3月19日締結)第8条に基づき: a remark on what the text names).
_SIGNING_VERB = re.compile(r"締結|署名|記名|押印|調印|作成|取り?交わ|交換")
_EFFECT_WORD = re.compile(r"効力|効果|施行|適用|有効|発効|失効|廃止|期間|期限")
_PAST_BEFORE_NOUN = re.compile(r"(?:し|され)た(?![ 　]*$)")
_TERM_WORD = re.compile(r"[ 　]*(?:から|より|まで|以降|以後|限り)")
_OPEN, _CLOSE = "（(「『", "）)」』"


def signing_dates_in(text: str, amended: str | None = None) -> list[DateInText]:
    """The dates `text` gives as the day of its signing (see _SIGNING_VERB). Not one: the
    date of the agreement it amends (`amended`, agreement.amends's title) written straight
    before its title (令和２年４月１日締結の包括連携協定の一部を…変更する: amends_checks)."""
    out = []
    for m in DATE.finditer(text):
        if _depth(text[:m.start()]) > 0:
            continue                          # in brackets: a remark on something the text names
        if amended and dates_title(text, m.end(), amended):
            continue                          # the 原協定's day, which amends_checks holds to amends
        rest = _to_sentence_end(text[m.end():])
        if _TERM_WORD.match(rest):
            continue
        verb = _SIGNING_VERB.search(rest)
        if _EFFECT_WORD.search(rest, 0, verb.start() if verb else len(rest)):
            continue                          # the day the text takes effect, ends …
        if verb is None:
            if rest.strip(" 　、"):          # a sentence that goes on to something else
                continue
        elif _PAST_BEFORE_NOUN.match(rest, verb.end()):   # 締結した協定: another document's day
            continue
        out.append(date_of(m))
    return out


def _depth(text: str) -> int:
    """How many brackets are open at the end of `text`."""
    depth = 0
    for c in text:
        depth += (c in _OPEN) - (depth > 0 and c in _CLOSE)
    return depth


def _to_sentence_end(text: str) -> str:
    """`text` up to the 。 that ends its sentence (not one inside brackets: (以下「甲」という。))."""
    depth = 0
    for i, c in enumerate(text):
        if c == "。" and depth == 0:
            return text[:i]
        depth += (c in _OPEN) - (depth > 0 and c in _CLOSE)
    return text


def check_stated_dates(ag, doc, problem) -> None:
    """The date line prints the signing date: a closing or preamble of the spec's own
    that gives another day as the day of signing would print two dates for one signing
    (the same day is allowed; date_line: in_closing is checked by check_date_line)."""
    day = ag.signing_date
    if doc.date_line == "in_closing" or day is None:
        return
    for part in ("preamble", "closing"):
        text = own_words(getattr(doc, part))
        if not isinstance(text, str):
            continue
        for other in signing_dates_in(text, ag.amends.title if ag.amends else None):
            if not other.is_day(day):
                problem(D + (part,), f"{other.written} is given here as the day of signing, and the date line"
                                     f" under the closing prints the signing date {day.isoformat()}"
                                     " (agreement.signing_date): two dates for one signing; correct the one that"
                                     " is wrong (a day the text states for something else, as …から効力を有する,"
                                     " is not read as the signing's)")


def check_date_over_blocks(doc, problem) -> None:
    """date_line: over_each_signer beside what it needs: blocks to print the date over,
    and no place of signing (the line it would go under is not printed)."""
    if doc.signature_blocks == "withheld":
        problem(D + ("date_line",), "date_line: over_each_signer prints the date over each signature block, and"
                                    " signature_blocks: withheld prints none: the document would print no date at"
                                    " all; leave date_line out for the date line")
    if doc.signing_place is not None:
        problem(D + ("signing_place",), "signing_place prints the place under the date line, and date_line:"
                                         " over_each_signer prints the date over each signature block, no date"
                                         " line: leave one of them out")


def check_date_line(ag, doc, problem) -> None:
    """date_line: in_closing beside what it needs: a closing of the spec's own that
    states the signing date, and no other date (see the module's docstring)."""
    if doc.date_line != "in_closing":
        check_stated_dates(ag, doc, problem)
        if doc.date_line == "over_each_signer":
            check_date_over_blocks(doc, problem)
        return
    key = D + ("date_line",)
    if doc.signing_place is not None:
        problem(D + ("signing_place",), "signing_place prints the place under the date line, and date_line:"
                                         " in_closing prints no date line: write the place in the closing as"
                                         " the text does, or leave date_line out for the date line")
    if doc.closing is False:
        problem(key, "date_line: in_closing says the closing states the date of signing, and closing: false"
                     " prints no closing: the document would print no date at all; write the text's closing, or"
                     " leave date_line out for the date line")
        return
    if doc.closing is None:
        problem(key, "date_line: in_closing says the closing states the date of signing, and the generated closing"
                     " (本協定の締結を証するため、…) states none: the document would print no date at all; write the"
                     " text's own closing with its date, or leave date_line out for the date line")
        return
    day = ag.signing_date
    if day is None:
        problem(key, "date_line: in_closing says the closing states the date of signing, and the draft leaves the"
                     " signing date open (agreement.signing_date: null): leave date_line out for the draft's blank"
                     " date line")
        return
    found = dates_in(own_words(doc.closing))
    for other in found:
        if not other.is_day(day):
            problem(D + ("closing",), f"the closing names {other.written}, and the agreement is signed on"
                                      f" {day.isoformat()} (agreement.signing_date): with date_line: in_closing the"
                                      " closing's date is the signing's; correct the one that is wrong")
    if not any(d.year is not None and d.is_day(day) for d in found):
        problem(D + ("closing",), f"date_line: in_closing prints no date line, and the closing does not state the"
                                  f" date of signing ({day.isoformat()}: {_forms(day)}): the document would print"
                                  " no date at all; write it in the closing as the text does, or leave date_line"
                                  " out for the date line")


def _forms(day: dt.date) -> str:
    era = japanese.era_year_text(*japanese.era_of(day), "half")
    return f"{day.year}年{day.month}月{day.day}日 or {era}{day.month}月{day.day}日"
