"""An annex the agreement's own text names (別表に定める事業, 別紙の関係区域, 支援活動要請書
（第１号様式）) that the document does not print.

A text copied from a signed one often names its annexes, and the copy it was built from
may have cut them (a city's history prints the articles and not the table after them).
The document then prints a sentence pointing at nothing. That is not refused: the
secretariat may attach the annex by hand, as the signed text has it. The build says it
in a note, at the article (or paragraph) that names it, with the words round the name,
so that no one sends the text without it unknowingly; where the spec prints the annex
(document.annexes, its heading naming it: 別表, 【別紙１】, 別記第１号様式), nothing.

A name is a kind (別表, 別紙, 別記, 様式) with or without its number (別表第1, 別紙２,
第１号様式, 様式第3号, 別記第２号様式); it is printed where an annex's heading names a
kind of it with the same number (or either has none). 様式 alone (所定の様式) names no
annex, and a name after a law's or another document's name (施行規則別表第一, 規則第5号様式,
生活様式) is that text's, as article_refs reads a 第N条 after one.
"""
from __future__ import annotations

import re
from typing import Iterable

from ...dates_in_text import number
from ...spec.note_marks import excerpt
from .article_refs import names_another_text

KINDS = ("別記", "別表", "別紙", "様式")
_NUM = "[0-9０-９〇一二三四五六七八九十百]+"
# a name: its number first (第１号様式), or its kind first then any number and kind (別記第１号様式)
NAME = re.compile(rf"(?:第{_NUM}号?)?(?:{'|'.join(KINDS)})(?:{'|'.join(KINDS)}|第?{_NUM}号?)*")
_NUMBER = re.compile(_NUM)


def names(text: str, own_only: bool = True) -> Iterable[tuple[frozenset, int | None, str, int, int]]:
    """Each annex `text` names: (its kinds, its number or None, the name as written, and
    where it stands); with `own_only`, those of this document alone."""
    for found in NAME.finditer(text):
        name = found.group()
        kinds = frozenset(k for k in KINDS if k in name)
        numbers = _NUMBER.findall(name)
        n = number(numbers[0]) if numbers else None
        if kinds == {"様式"} and n is None:
            continue                      # (所定の様式: a form, no annex named)
        if own_only and names_another_text(text[:found.start()]):
            continue
        yield kinds, n, name, found.start(), found.end()


def _printed(kinds, n, headings) -> bool:
    return any(kinds & h_kinds and (n is None or m is None or n == m)
               for heading in headings for h_kinds, m, *_ in names(heading, own_only=False))


def unprinted_annexes(texts: Iterable[tuple[tuple, str]], headings: list[str]) -> list[tuple[tuple, str]]:
    """(key, message) for each of `texts`' (key, text) that names an annex no heading of
    `headings` (the annexes the document prints) names; one a key."""
    found = []
    for key, text in texts:
        for kinds, n, name, start, end in names(text):
            if not _printed(kinds, n, headings):
                words = excerpt(text, start, end)
                if headings:
                    found.append((key, f"「{words}」 names {name}, and the document prints no annex of that name"
                                       f" (its annexes: {'、'.join(headings)}): attach it by hand, or give it"
                                       " in document.annexes"))
                else:
                    found.append((key, f"「{words}」 names {name}, and the document prints no annex: attach it by"
                                       " hand, or give it in document.annexes"))
                break
    return found


def prose_texts(prose) -> Iterable[tuple[tuple, str]]:
    """(key, text) of the prose's paragraphs and list entries (document.prose)."""
    at = ("agreement", "document", "prose")
    for i, p in enumerate(prose):
        if isinstance(p, str):
            yield at + (i,), p
        for j, entry in enumerate(getattr(p, "items", None) or ()):
            yield at + (i, "items", j), entry
