"""Numbered notes of a press notice (※1, ※2) and the marks in its text that cite them.

A release explains a term after its text: the text marks the term (広島広域都市圏(※1)),
and a note begins with the same mark (※1　広島広域都市圏は、…で構成し、…). The spec
writes both as they print: the mark inside the paragraph where the page has it, and the
note's mark at the note's start, a space before its text ({note: ※1　…}). The product
never numbers a note: it checks that the two agree, since a mark that points at no note
(the note cut from the stored copy) or a note that no mark points at leaves the reader a
sentence with a hole. A note's number is read only where a space follows it, so that a
plain note about a day (※10月1日から…) is no note 10.

An unnumbered mark citing a note (空き家率は13.9％※で…, 協定」（※）を結ぶ) points at a
note beginning with ※ alone; a notice with such a mark and no such note is refused the
same way. A ※ is read as such a mark only where a particle, a closing bracket or
punctuation follows it, or the text ends: a ※ followed by words (締結式の概要　※オンライン
による開催) is a note written inside its paragraph.

Every text of the notice is read (its paragraphs, notes, 記 items, sections, contacts),
the release after the signing (press_notice.after) on its own: it is printed apart.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable

from .source import dotted
from .texts_at import texts_at

# a numbered note's mark at a text's start: ※, one or two digits, a space (half- or full-width)
NOTE_MARK = re.compile(r"※([0-9０-９]{1,2})[ 　]")
# a mark citing a note inside a text: ※ and its number, not a longer number, a day or an hour
CITE = re.compile(r"※([0-9０-９]{1,2})(?![0-9０-９月日年時分])")
# an unnumbered mark citing a note: ※ after a word, then a particle, a closing bracket, punctuation or the end
BARE_CITE = re.compile(r"(?<=[^\s　])※(?=[でがはをにのともや、。，．）)」』]|$)")


def _number(digits: str) -> int:
    return int(unicodedata.normalize("NFKC", digits))


def excerpt(text: str, start: int, end: int) -> str:
    """The words round a mark, as the reader finds it: up to ten characters each side."""
    return ("…" if start > 10 else "") + text[max(0, start - 10):end + 10] + ("…" if end + 10 < len(text) else "")


def check_note_marks(scope, at: tuple, problem: Callable[[tuple, str], None], skip: tuple[str, ...] = ()) -> None:
    """Each mark ※N in the texts of `scope` (the notice, or the release after it) points
    at one note beginning ※N, and each such note is pointed at; `skip`: the keys of
    `scope` printed apart (the release after the signing)."""
    notes: dict[int, tuple] = {}
    cited: dict[int, tuple] = {}
    bare_note, bare_cited = False, None
    for path, text in (pt for key in type(scope).model_fields if key not in skip
                       for pt in texts_at(getattr(scope, key), at + (type(scope).model_fields[key].alias or key,))):
        if "※" not in text:        # (each pattern below needs one; BARE_CITE's search, which
            continue                # begins with a lookbehind, tries every character: ~1 M a notice)
        mark = NOTE_MARK.match(text)
        if mark:
            n = _number(mark.group(1))
            if n in notes:
                problem(path, f"two notes begin with ※{n} ({dotted(notes[n])} and this one): a mark in the text"
                              " would point at both; number them apart, as the page does")
            notes.setdefault(n, path)
        elif text.startswith("※"):
            bare_note = True
        found_bare = BARE_CITE.search(text)
        if found_bare and bare_cited is None:
            bare_cited = (path, excerpt(text, found_bare.start(), found_bare.end()))
        for found in CITE.finditer(text, mark.end() if mark else 0):
            if found.start() == 0:          # ※1広島… without a space: no note's mark, nor a citation
                continue
            cited.setdefault(_number(found.group(1)), (path, excerpt(text, found.start(), found.end())))
    for n, (path, words) in sorted(cited.items()):
        if n not in notes:
            problem(path, f"「{words}」 points at a note ※{n}, and no note of the notice begins with ※{n}:"
                          f" write the note, its mark ※{n} and a space before its text, or remove the mark"
                          " (the reader would look for a note that is not there)")
    if bare_cited and not bare_note:
        problem(bare_cited[0], f"「{bare_cited[1]}」 marks a note with ※, and no note of the notice begins with ※:"
                               " write the note after the paragraph ({note: ※…}), or remove the mark (the reader"
                               " would look for a note that is not there)")
    for n, path in sorted(notes.items()):
        if n not in cited:
            problem(path, f"the note begins with ※{n}, and no text of the notice marks ※{n}: write the mark"
                          " after the words it explains (広島広域都市圏(※1)), or write the note without its"
                          " number")
