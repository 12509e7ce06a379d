"""The articles' numbers: one after the other (第１条, 第２条 …), unless the spec states
an article's number as the text numbers it (number: 8 for a text that goes from 第６条
to 第８条). A stated number only ever skips ahead: one at or below the article before
it would number two articles alike or count backwards, and the next number would be
the article's anyway (a key with no effect): both are refused.
"""
from __future__ import annotations


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
