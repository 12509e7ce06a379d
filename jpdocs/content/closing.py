"""A message's closing (press_notice.closing) as its lines print: each given part in the
house's form, the lines as the spec groups them (spec/closing_checks.py checks them
first), the parts of a line joined by a full-width space."""
from __future__ import annotations

from .. import japanese
from ..errors import InputError, Problem
from ..spec.closing_checks import AT, PARTS
from ..spec.source import dotted, line_of

JOIN = "\u3000"      # between the parts of one line: 支部長　石原　静


def closing_lines(closing, style, path=None, lines=None) -> list[str]:
    """The closing's lines, top to bottom; none without a closing. Its date whole in
    the house's calendar without a weekday (a letter's date has none), or as given in
    part (平成28年8月), never padded to a day; a part an era house cannot write without
    choosing its era (2019年5月 without 平成 or 令和) is refused at its key."""
    if closing is None:
        return []
    from .templating import date_text
    texts = {part: getattr(closing, part) for part in PARTS if getattr(closing, part) is not None}
    day = texts.get("date")
    if isinstance(day, japanese.PartialDate):
        calendar = style.dates.calendar
        why = japanese.part_era_problem(day) if calendar != "western" else None
        if why:
            at = AT + ("date",)
            raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at), why)])
        texts["date"] = japanese.part_in(day, calendar, style.digits)
    elif day is not None:
        texts["date"] = date_text(day, style.digits, style.dates, weekday=False)
    order = closing.lines or [[part] for part in PARTS if part in texts]
    return [JOIN.join(texts[part] for part in line) for line in order]


def check_place(n, ki, sections, path=None, lines=None) -> None:
    """place: after_opening sets the closing before what follows the opening (the 記
    block's items, the notice's sections, the background, the embargo line); where
    nothing follows it, the closing stands where place: end sets it, and the key has
    no effect."""
    if n.closing is None or n.closing.place != "after_opening" or ki or sections or n.background or n.embargo:
        return
    at = AT + ("place",)
    raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at),
                              "place: after_opening sets the closing straight after the opening, and nothing"
                              " follows the opening (no 記 items, sections, background or embargo line): it"
                              " stands where place: end sets it, and the key has no effect; remove it")])
