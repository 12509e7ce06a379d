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
生活様式) is that text's, as article_refs reads a 第N条 after one. A run of numbers names
one annex each, the kind written once (別表第1及び第2, 別紙１、２, 別表第1から第3まで: 第2 too,
第１号及び第２号様式); an article's note names every one it does not print.
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
# what joins names in one run, as article_refs.CHAIN joins articles' (別表第1及び第2, 別紙1、2)
_JOIN = "及び|並びに|又は|若しくは|、|，|・|,"
# a number after a name ending in one, its kind left out (別表第1及び第2: 別表第2); not an
# article's or paragraph's number (別表第1及び第2条), nor a name of its own (及び別表第2, 第2号様式)
# nor a count (別紙1、2021年); a range (から, ～) names each number in it
_MORE = re.compile(rf"(?:{_JOIN}|(から|～|〜))(第?{_NUM}号?)"
                   rf"(?![0-9０-９〇一二三四五六七八九十百条項款節章編号年月日回人円件名箇か番歳時分点部通{''.join(k[0] for k in KINDS)}])")
_TAIL = re.compile(rf"第?{_NUM}号?$")
# a number before a name beginning with one, its kind left out (第１号及び第２号様式: 第１号様式)
_BEFORE = re.compile(rf"(第{_NUM}号)(?:{_JOIN})$")
_LEAD = re.compile(rf"^第{_NUM}号?")
_KANJI = "〇一二三四五六七八九"


def _written_like(n: int, sample: str) -> str:
    """n in the digits `sample` writes its number in (別表第1から第3まで: 第2)."""
    if sample.isascii() or n > 99:
        return str(n)
    if sample.translate(str.maketrans("０１２３４５６７８９", "0123456789")).isascii():
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    tens, ones = divmod(n, 10)
    return (("" if tens < 2 else _KANJI[tens]) + "十" if tens else "") + (_KANJI[ones] if ones or not tens else "")


def _number_of(name: str) -> int | None:
    numbers = _NUMBER.findall(name)
    return number(numbers[0]) if numbers else None


def names(text: str, own_only: bool = True) -> Iterable[tuple[frozenset, int | None, str, int, int]]:
    """Each annex `text` names: (its kinds, its number or None, the name as written, and
    where it stands); with `own_only`, those of this document alone. A run of numbers
    names one annex each (別表第1及び第2, 別表第1から第3まで, 第１号及び第２号様式)."""
    for found in NAME.finditer(text):
        name = found.group()
        kinds = frozenset(k for k in KINDS if k in name)
        n = _number_of(name)
        if kinds == {"様式"} and n is None:
            continue                      # (所定の様式: a form, no annex named)
        start = found.start()
        before = []                       # 第１号及び (第２号様式): its number alone, before it
        while n is not None and name.startswith("第") and (ahead := _BEFORE.search(text[:start])):
            before.insert(0, (ahead.group(1), ahead.start(), ahead.end(1)))
            start = ahead.start()
        if own_only and names_another_text(text[:start]):
            continue
        kind_part = _LEAD.sub("", name)              # (第２号様式: 様式)
        for written, at, end in before:
            yield kinds, _number_of(written), written + kind_part, at, end
        yield kinds, n, name, found.start(), found.end()
        tail = _TAIL.search(name) if n is not None and not name.startswith("第") else None
        end, last = found.end(), n
        while tail and (more := _MORE.match(text, end)) and more.group(2).startswith("第") == tail.group().startswith("第"):
            m = _number_of(more.group(2))
            prefix = name[:tail.start()]
            if more.group(1) and last is not None and last < m <= last + 50:       # から: each between
                digits = _NUMBER.search(more.group(2)).group()
                for k in range(last + 1, m):
                    yield kinds, k, prefix + more.group(2).replace(digits, _written_like(k, digits)), *more.span(2)
            yield kinds, m, prefix + more.group(2), more.start(2), more.end(2)
            end, last = more.end(), m


def _printed(kinds, n, headings) -> bool:
    return any(kinds & h_kinds and (n is None or m is None or n == m)
               for heading in headings for h_kinds, m, *_ in names(heading, own_only=False))


def unprinted_annexes(texts: Iterable[tuple[tuple, str]], headings: list[str]) -> list[tuple[tuple, str]]:
    """(key, message) for each of `texts`' (key, text) that names an annex no heading of
    `headings` (the annexes the document prints) names: one a key, naming each such annex
    (別表第1及び第2: both), with the words round those its first text names."""
    by_key: dict[tuple, list] = {}
    for key, text in texts:
        for kinds, n, name, start, end in names(text):
            found = by_key.setdefault(key, [])
            if not _printed(kinds, n, headings) and all((kinds, n) != (k, m) for k, m, *_ in found):
                found.append((kinds, n, name, text, start, end))
    messages = []
    for key, found in by_key.items():
        if not found:
            continue
        text, start = found[0][3], found[0][4]
        end = max(e for *_, t, s, e in found if t is text and e - start <= 30)
        words, named = excerpt(text, start, end), "、".join(name for _, _, name, *_ in found)
        printed = "、".join(headings)
        if len(found) == 1 and headings:
            message = (f"「{words}」 names {named}, and the document prints no annex of that name (its annexes:"
                       f" {printed}): attach it by hand, or give it in document.annexes")
        elif len(found) == 1:
            message = (f"「{words}」 names {named}, and the document prints no annex: attach it by hand, or give it"
                       " in document.annexes")
        elif headings:
            message = (f"「{words}」 names {named}, and the document prints none of them (its annexes: {printed}):"
                       " attach them by hand, or give them in document.annexes")
        else:
            message = (f"「{words}」 names {named}, and the document prints no annex: attach them by hand, or give"
                       " them in document.annexes")
        messages.append((key, message))
    return messages


def prose_texts(prose) -> Iterable[tuple[tuple, str]]:
    """(key, text) of the prose's paragraphs and list entries (document.prose)."""
    at = ("agreement", "document", "prose")
    for i, p in enumerate(prose):
        if isinstance(p, str):
            yield at + (i,), p
        for j, entry in enumerate(getattr(p, "items", None) or ()):
            yield at + (i, "items", j), entry
