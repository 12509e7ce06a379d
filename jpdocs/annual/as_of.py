"""The day a book is as of: what it leaves out that happened after it.

A year's book is kept as that year's. Rebuilt later, it would list in its 改定日 the
amendments of later years, and the book an office filed for 令和６年度 would change
with every later event. So the book shows what stood on the day it is as of: by
default the end of its fiscal year (31 March), its amendments and related documents
of later days left out, each named in a note, and nothing printed that says a date
(the build cannot know the book is complete for a day it has not reached). An office
that states the day, as real lists do (篠山市の防災協定（平成26年５月８日現在）, 総務省's
（平成30年７月１日現在）), gives `--as-of DATE`: the book leaves out what came after that
day (the agreements signed after it too, where it falls within the year) and prints
（令和７年３月31日現在） on its cover, above its table and above the web list, and the day in
the web table's caption.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from .. import japanese
from ..errors import Problem
from ..spec.load import LoadedSpec
from ..spec.source import dotted


def as_of_problem(text: str, fy: int, today: dt.date) -> tuple[dt.date | None, str | None]:
    """The day `--as-of` gives, or why it cannot be the day of the book of `fy`: a day
    before the year began (the book would hold nothing of it), or a day still to come
    (the book cannot say what stands on a day no one has seen)."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        return None, f"{text} is not a date: write the day the book is as of as YYYY-MM-DD, e.g. 2025-03-31"
    first, _ = japanese.fiscal_year_range(fy)
    if day < first:
        return None, (f"{day.isoformat()} is before {japanese.fiscal_year_label(fy)} began ({first.isoformat()}):"
                      " the book of the year cannot be as of that day")
    if day > today:
        return None, (f"{day.isoformat()} is still to come (today is {today.isoformat()}): the book cannot say"
                      " what stands on a day not yet come")
    return day, None


def as_of_words(day: dt.date, style) -> str:
    """令和７年３月31日現在, in the house's calendar and digits, as lists print it."""
    from .columns import house_date
    return f"{house_date(day, style)}現在"


def as_of_line(day: dt.date, style) -> str:
    """（令和７年３月31日現在）: the day as a line of the book's head (its cover, above its
    table, above the web list). Of the lists read that state their day as a line of their
    head, every one brackets it, after its title or on the line under it (篠山市, a 災害協定集's
    cover, 京都大学; tests/data/real/README.md, h198); a note says it in its own words."""
    return f"（{as_of_words(day, style)}）"


def cut(chosen: list[LoadedSpec], fy: int, as_of: dt.date | None) -> tuple[list[LoadedSpec], list[Problem]]:
    """The agreements as they stood on the book's day (`as_of`, else the end of the
    year), and a note for each thing left out: an agreement signed after `as_of`, an
    amendment or a related document dated after the day."""
    end = as_of or japanese.fiscal_year_range(fy)[1]
    kept, notes = [], []
    for ls in chosen:
        ag = ls.spec.agreement
        if as_of is not None and ag.signing_date > as_of:
            path = ("agreement", "signing_date")
            notes.append(Problem(str(ls.path), ls.line_of(path), ls.key(path),
                                 f"signed on {ag.signing_date.isoformat()}, after the day the book is as of"
                                 f" ({as_of.isoformat()}, --as-of): the book leaves {ag.title} out"))
            continue
        later = {"amendments": [i for i, a in enumerate(ag.amendments) if a.date > end],
                 "related": [i for i, r in enumerate(ag.related) if r.date is not None and _after(r.date, end)]}
        for key, indices in later.items():
            for i in indices:
                item = getattr(ag, key)[i]
                path = ("agreement", key, i, "date")
                notes.append(Problem(str(ls.path), ls.line_of(path), ls.key(path),
                                     _left_out(key, item, fy, as_of)))
        kept.append(_without(ls, later) if any(later.values()) else ls)
    return kept, notes


def _after(day, end: dt.date) -> bool:
    """Whether a related document's date may be after the book's day: a date given in
    part (2025年３月) whose last day is (the book cannot say that it stood by then, and
    lists nothing it cannot: its note names the --as-of that lists it)."""
    return (day.last() if isinstance(day, japanese.PartialDate) else day) > end


def _left_out(key: str, item, fy: int, as_of: dt.date | None) -> str:
    day = item.date.isoformat()
    if isinstance(item.date, japanese.PartialDate):       # (a related document's: amendments have whole dates)
        last = item.date.last().isoformat()
        if as_of is not None:
            return (f"{item.title} is dated {day} alone, whose last day is after the day the book is as of"
                    f" ({as_of.isoformat()}, --as-of): the book cannot say it stood by then and leaves it out;"
                    f" --as-of {last} lists it")
        return (f"{item.title} is dated {day} alone, whose last day is after the end of"
                f" {japanese.fiscal_year_label(fy)} ({japanese.fiscal_year_range(fy)[1].isoformat()}): the book"
                f" of the year cannot say it stood by then and leaves it out; --as-of {last} lists it")
    if as_of is not None:
        what = f"amended on {day}" if key == "amendments" else f"{item.title} is dated {day}"
        return f"{what}, after the day the book is as of ({as_of.isoformat()}, --as-of): left out of the book"
    end = japanese.fiscal_year_range(fy)[1].isoformat()
    year = japanese.fiscal_year_label(fy)
    if key == "amendments":
        return (f"amended on {day}, after the end of {year} ({end}): the book of the year lists the agreement as"
                f" it stood then and leaves the amendment out; --as-of {day} lists it")
    return (f"{item.title} is dated {day}, after the end of {year} ({end}): the book of the year leaves it out;"
            f" --as-of {day} lists it")


def _without(ls: LoadedSpec, later: dict[str, list[int]]) -> LoadedSpec:
    """A view of the spec without the items of `later` (agreement.amendments[i] …), the
    lines of the items kept moved to their new places and their keys as written kept
    (LoadedSpec.moved), so that a message about one still names its line and key."""
    ag = ls.spec.agreement
    update, lines, moved = {}, dict(ls.lines), dict(ls.moved)
    for key, indices in later.items():
        if not indices:
            continue
        items = getattr(ag, key)
        kept = [i for i in range(len(items)) if i not in indices]
        update[key] = [items[i] for i in kept]
        base = ("agreement", key)
        lines = {k: v for k, v in lines.items() if not (k[:2] == base and len(k) > 2)}
        for new, old in enumerate(kept):
            lines.update({base + (new,) + k[3:]: v for k, v in ls.lines.items() if k[:3] == base + (old,)})
            if new != old:
                moved[dotted(base + (new,))] = dotted(base + (old,))
    spec = ls.spec.model_copy(update={"agreement": ag.model_copy(update=update)})
    return replace(ls, spec=spec, lines=lines, moved=moved)
