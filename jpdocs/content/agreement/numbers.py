"""The articles' numbers: one after the other (第１条, 第２条 …), unless the spec states
an article's number as the text numbers it (number: 8 for a text that goes from 第６条
to 第８条). A stated number only ever skips ahead: one at or below the article before
it would number two articles alike or count backwards, and the next number would be
the article's anyway (a key with no effect): both are refused.

The numbers are written in figures (第１条, the house's digits) or in kanji (第一条,
第十一条: treaties, laws and older agreements), as the document or the house says
(article_numerals); the paragraphs' numbers stay figures (２, ３) either way, from the
second paragraph on, or from the first where the article has two or more and the
document or the house numbers them as treaties do (paragraph_numbers: from_first).
"""
from __future__ import annotations

from ...enumeration import kanji_numeral

KEY = ("agreement", "document", "article_numerals")
PARAGRAPHS_KEY = ("agreement", "document", "paragraph_numbers")


def article_numeral(given, house: str, num, problem):
    """How an article's and a chapter's number is written: `num` (the house's figures)
    or kanji_numeral, as the document says (`given`) or else the house. The document
    saying what the house says already would have no effect: an error at its key."""
    if given is not None and given == house:
        problem(KEY, f"the house numbers its articles in {house} already (agreement.article_numerals):"
                     " article_numerals would have no effect; remove it")
    return kanji_numeral if (given or house) == "kanji" else num


def numbers_first_paragraph(given, house: str, problem) -> bool:
    """Whether an article's paragraphs are numbered from the first (1, 2, as treaties
    number them), as the document says (`given`) or else the house; the document saying
    what the house says already would have no effect: an error at its key."""
    if given is not None and given == house:
        problem(PARAGRAPHS_KEY, f"the house numbers its articles' paragraphs {house} already"
                                " (agreement.paragraph_numbers): paragraph_numbers would have no effect; remove it")
    return (given or house) == "from_first"


def article_numbers(drafts, num, problem) -> tuple[list[int], list[tuple[tuple, int, int]]]:
    """Each draft's number, in order, and each gap the spec states: (the key of its
    number:, the number before the gap, the stated number)."""
    numbers, gaps, last = [], [], 0
    for d in drafts:
        stated = getattr(d, "number", None)
        if stated is None:
            last += 1
        else:
            key = d.number_key
            if stated <= last:
                problem(key, f"第{num(stated)}条 after 第{num(last)}条: an article's number only skips ahead"
                             f" of the article before it (number: more than {last})")
            elif stated == last + 1:
                problem(key, f"number: {stated} is the number this article has anyway (第{num(stated)}条):"
                             " it would have no effect")
            else:
                gaps.append((key, last, stated))
            last = max(last + 1, stated)
        numbers.append(last)
    return numbers, gaps
