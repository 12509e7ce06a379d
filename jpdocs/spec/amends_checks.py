"""What a 変更協定's own text says of the agreement it amends, beside `agreement.amends`.

The signed text names its 原協定 by its date and title (国税庁 and JIIMA's 追加締結分:
…両当事者間で締結された令和元年７月１日付情報提供に関する協定書（以下、「原協定」という）…);
the annual book lists it from `amends`. Where the spec's own text dates the title another
day than `amends.signing_date`, or dates it while `amends` gives no date, the book and the
document would disagree, or the book would leave out a date the spec holds: the build
warns at the key (nothing is changed or chosen; the spec's text is printed as written)."""
from __future__ import annotations

import datetime as dt
import re

from .. import japanese
from ..dates_in_text import DATE, date_of
from ..errors import Problem
from .schema.agreement import own_paragraphs
from .source import dotted, line_of

# between a date and the title it dates: 令和元年７月１日付情報提供…, …日付けで締結した…,
# …日に締結した…, …日締結の…
_JOIN = re.compile(r"(?:付け?(?:で)?|に|で)?(?:締結(?:した|された|の|済みの)?)?(?:の)?")


def _texts(document) -> list[str]:
    """The spec's own words of the document: its preamble, its own articles' paragraphs,
    and its prose — where a 変更協定 of offices names its 原協定 with no article at all
    (…が平成31年３月28日に締結した…協定の一部を次のように変更する。 / 第３条中「…」を「…」に改める。)."""
    out = list(own_paragraphs(document.preamble))
    for entry in document.prose:
        if isinstance(entry, str):
            out.append(entry)
        elif hasattr(entry, "items"):
            out.extend(entry.items)
    for article in document.extra_articles:
        for paragraph in article.text:
            out.append(paragraph if isinstance(paragraph, str) else paragraph.text)
    return out


def dates_title(text: str, end: int, title: str) -> bool:
    """Whether the date ending at `end` dates `title`: the title straight after it, only
    joining words between (令和元年７月１日付情報提供に関する協定書)."""
    joined = _JOIN.match(text, end)
    return any(text.startswith(title, at) for at in range(end, joined.end() + 1)
               if _JOIN.fullmatch(text, end, at))


def _dates_before(text: str, title: str) -> list:
    """The dates the text writes straight before the title."""
    return [date_of(m) for m in DATE.finditer(text) if dates_title(text, m.end(), title)]


def _agrees(said, day) -> bool:
    """Whether a date the text writes is `day`, or lies within it where `day` is given in
    part (the text's 平成9年4月1日 within amends' 平成9年)."""
    if not isinstance(day, japanese.PartialDate):
        return said.is_day(day)
    era = day.era_year()
    if said.era and era and said.era != era[0]:
        return False
    if said.year is None:
        return day.month in (None, said.month)
    try:
        written = dt.date(said.year, said.month, said.day)
    except ValueError:
        return False
    return day.first() <= written <= day.last()


def amends_warnings(spec, name: str, lines) -> list[Problem]:
    """A warning where the document's own text dates the amended title otherwise than
    `amends` does (a date without its year is read as its month and day)."""
    agreement = spec.agreement
    amends = agreement.amends if agreement else None
    if amends is None or agreement.document is None:
        return []
    said = [d for text in _texts(agreement.document) for d in _dates_before(text, amends.title)]
    day = amends.signing_date
    problems = []
    for d in said:
        if day is None:
            path = ("agreement", "amends")
            message = (f"the agreement document dates {amends.title} {d.written}, and agreement.amends gives no"
                       " signing_date: give it, so that the annual book lists the date the document prints")
        elif not _agrees(d, day):
            path = ("agreement", "amends", "signing_date")
            message = (f"the agreement document dates {amends.title} {d.written}, and agreement.amends says"
                       f" {day.isoformat()}: the annual book would list another day than the document prints;"
                       " check both")
        else:
            continue
        problems.append(Problem(name, line_of(lines, path), dotted(path), message))
        break                                  # one warning says it; the text's other mentions say the same
    return problems
