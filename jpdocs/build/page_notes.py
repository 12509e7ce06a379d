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
    (after a cover) or from the break before it — took more than one page. `halves`:
    pages to a sheet (2 on A3 sheets, whose halves are counted as pages); `cover`:
    the first page (or sheet) is a cover, neither numbered nor counted."""
    skip = halves if cover else 0
    notes, start, before = [], skip, None
    for place in breaks:
        taken = place.last - start + 1
        if taken > 1:
            first, last = start - skip + 1, place.last - skip + 1
            if before is None:
                message = (f"the text before this new page, from the beginning of the text, took {taken} pages"
                           f" of the PDF (pages {first} to {last}): where the signed copy has it on one page, it"
                           " does not fit the house's page, and the pages from here on do not match the copy")
            else:
                message = (f"the text before this new page, from the new page at {before}, took {taken} pages"
                           f" of the PDF (pages {first} to {last}): where the signed copy has it on one page, it"
                           " does not fit the house's page, and the pages from here on do not match the copy")
            path = key_path(place.key)
            notes.append(Problem(str(loaded.path), loaded.line_of(path), place.key, message))
        start, before = place.next, place.key
    return notes
