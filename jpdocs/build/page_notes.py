"""The build's notes on the spec's page breaks (an agreement's new_page), from where
the PDF's layout put them (writers/flowables.BreakPlace).

A secretariat writes new_page where its signed copy begins a page, so that the text
before the break fills the page as the copy's does. Where the house's type and
spacing make that text longer than a page, it runs onto a further page before the
break, and every page after it no longer matches the copy; nothing is wrong with the
spec as such, so this is a note at the new_page's key and line, naming the pages the
text before it took, for the user to compare with the copy. The DOCX is laid out by
Word, which this cannot measure: the note is of the PDF's pages.
"""
from __future__ import annotations

import re

from ..errors import Problem
from ..spec.load import LoadedSpec


def key_path(dotted: str) -> tuple:
    """agreement.document.extra_articles[2].text[1].new_page → the key as a path."""
    return tuple(int(p[1:-1]) if p.startswith("[") else p for p in re.findall(r"\[\d+\]|[^.\[\]]+", dotted))


def break_notes(loaded: LoadedSpec, breaks, halves: int, cover: bool) -> list[Problem]:
    """A note at each new_page whose text before it — from the beginning of the text
    (after a cover) or from the break before it — took more than one page; at the last
    new_page, where the text after it, to the signatures, took more than one page; and at
    a new_page straight after another with no text between them, which adds no page.
    `halves`: pages to a sheet (2 on A3 sheets, whose halves are counted as pages);
    `cover`: the first page (or sheet) is a cover, neither numbered nor counted."""
    skip = halves if cover else 0
    notes, start, before = [], skip, None

    def note(key: str, message: str) -> None:
        notes.append(Problem(str(loaded.path), loaded.line_of(key_path(key)), key, message))

    def pages(first: int, last: int) -> str:
        return f"took {last - first + 1} pages of the PDF (pages {first - skip + 1} to {last - skip + 1})"
    for place in breaks:
        if place.end:
            if before is not None and place.last > start:
                note(before, f"the text after this new page, to the signatures, {pages(start, place.last)}:"
                             " where the signed copy has it on one page, it does not fit the house's page, and"
                             " the PDF ends on a further page than the copy")
            break
        if place.at_top and before is not None and place.next == start:
            note(place.key, f"this new page comes straight after the new page at {before}, with no text between"
                            " them: it adds no page (an empty page is never printed), so where the signed copy"
                            " leaves a page empty here, the pages from here on do not match the copy")
        elif place.last > start:
            where = "the beginning of the text" if before is None else f"the new page at {before}"
            note(place.key, f"the text before this new page, from {where}, {pages(start, place.last)}: where the"
                            " signed copy has it on one page, it does not fit the house's page, and the pages"
                            " from here on do not match the copy")
        start, before = place.next, place.key
    return notes
