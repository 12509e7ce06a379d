"""An article of the agreement named by number in its own text (乙は、第４条の規定により…)
is an article the document prints.

The secretariat edits a text: an article is deleted or moved, and a reference to it by
number (第７条の実施に伴う経費) is left pointing at another article or at none. That is
a wrong fact under both parties' names, so a reference to an article the document does
not print is refused at the text that writes it; in a draft (document.draft), whose
later articles may not be written yet, the build says it in a note, and a final build
refuses the draft itself. The standard set's references are
filled from the articles' names ({ref:…}) and are right by construction; this reads
the texts as printed, theirs and the spec's alike.

A reference to another text's article is no reference to this one's: one after a
law's or another document's name (消防組織法第21条, 災害対策基本法（昭和36年法律第223号）
第２条, 「…覚書」第5条, 原協定第１条), and those chained after it (同法第６条及び第８条).
Only this document's words before the number (本協定第５条, この覚書第２条) keep it ours.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from ...dates_in_text import number
from ...spec.note_marks import excerpt

REF = re.compile(r"第([0-9０-９〇一二三四五六七八九十百]+)条")
# what joins references in one chain: 第２条及び第３条, 第２条から第５条まで, 第２条、第３条
CHAIN = re.compile(r"(?:第[0-9０-９〇一二三四五六七八九十百]+項)?(?:及び|並びに|又は|若しくは|から|、|，|・|,)")
# this document by its own word: 本協定, この覚書 …
OWN = re.compile(r"(?:本|この)(?:協定書?|覚書|契約書?|協約|合意書|確認書|議定書|盟約|協議書|申合せ)$")


def names_another_text(before: str) -> bool:
    """Whether a reference after `before` names another text's article (or annex:
    annex_refs.py): a law's or a document's name, or its number in brackets, stands
    just before it."""
    if not before or OWN.search(before):
        return False
    last = before[-1]
    return last in "）)」』" or "\u4e00" <= last <= "\u9fff" or "\u30a0" <= last <= "\u30ff"


def own_references(text: str) -> Iterable[tuple[int, str]]:
    """The numbers of this document's articles `text` names (第４条 → 4), each with the
    words round it."""
    another, end = False, None
    for found in REF.finditer(text):
        before = text[end:found.start()] if end is not None else None
        chained = before is not None and (before == "" or CHAIN.fullmatch(before))
        another = another if chained else names_another_text(text[:found.start()])
        end = found.end()
        if not another:
            yield number(found.group(1)), excerpt(text, found.start(), found.end())


def article_texts(article) -> Iterable[str]:
    """The texts an article prints: each paragraph's, and its items' at every level."""
    def entries(es):
        for e in es:
            yield e.text
            yield from entries(e.entries)
    for clause in article.clauses:
        yield clause.text
        yield from entries(clause.entries)


def missing_articles(texts: Iterable[tuple[tuple, str]], printed: set[int]) -> list[tuple[tuple, str]]:
    """(key, message) for each of `texts`' (key, text) that names an article whose
    number is not `printed`; one a key. Refused in a signed text; a draft's is said in a
    note (its later articles may be written yet, as its blanks are filled)."""
    found = []
    for key, text in texts:
        for n, words in own_references(text):
            if n not in printed:
                found.append((key, f"「{words}」 names 第{n}条, and the document prints no such article (its"
                                   f" articles: {_ranges(sorted(printed))}): write the number of the article meant,"
                                   " or 前条 / 次条 where it is the one before or after"))
                break
    return found


def _ranges(numbers: list[int]) -> str:
    """第１条～第９条, or 第１条～第６条, 第８条 across a gap."""
    runs, out = [], []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    for a, b in runs:
        out.append(f"第{a}条" if a == b else f"第{a}条～第{b}条")
    return "、".join(out) if out else "none"
