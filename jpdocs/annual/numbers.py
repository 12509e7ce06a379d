"""The book's № as the office numbers its list (`agreement.number`).

By default the book numbers its rows in signing order. An office that publishes its
list and later files an agreement signed earlier would see every № after it move by
one, and the numbers it published stop matching. Real lists keep theirs: 篠山市の防災協定
(sasayama.jp/pc/group/bousai/post-2.html) numbers its entries out of signing order (１
平成18年４月１日, ２ 平成14年２月１日, ３ 平成13年４月12日, ５ 平成８年４月１日), each new one at
the end; a 地域防災計画's 協定一覧 (lawinsider.com/zh/contracts/9PQ6aZgnOFl) sets №３ of
平成26年２月13日 before №４ of 平成24年４月１日; 北海道's open data of its municipalities'
災害時応援協定 (harp.lg.jp/opendata/dataset/619) numbers each one's list by №. A whole
number each, in all of them. So an agreement may state its own number, and a book whose
agreements state theirs prints them and lists its rows in their order, as those lists do.

A book of some agreements numbered and others not would print numbers no one gave
beside the office's, or mix two orders: refused, at each agreement without one. Two
agreements of one number would be two rows of one №: refused, naming both.
"""
from __future__ import annotations

from ..errors import Problem
from ..spec.load import LoadedSpec

NUMBER = ("agreement", "number")


def number_of(loaded: LoadedSpec) -> int | None:
    return loaded.spec.agreement.number


def number_problems(chosen: list[LoadedSpec]) -> list[Problem]:
    """The year's agreements numbered all or none, and each number given once."""
    numbered = [ls for ls in chosen if number_of(ls) is not None]
    if not numbered:
        return []
    first = numbered[0]
    example = f"{first.path}:{first.line_of(NUMBER)} gives {first.key(NUMBER)}: {number_of(first)}"
    problems = [Problem(str(ls.path), ls.line_of(("agreement", "title")), ls.key(NUMBER),
                        f"not given, and other agreements of the book give their number in the office's list"
                        f" ({example}): the book would print numbers the office did not give beside its own;"
                        f" give this agreement its number ({ls.spec.agreement.title}, signed"
                        f" {ls.spec.agreement.signing_date}), or remove them all to number the book in signing order")
                for ls in chosen if number_of(ls) is None]
    seen: dict[int, LoadedSpec] = {}
    for ls in numbered:
        other = seen.setdefault(number_of(ls), ls)
        if other is not ls:
            problems.append(Problem(str(ls.path), ls.line_of(NUMBER), ls.key(NUMBER),
                                    f"{number_of(ls)} is the number of {other.path}:{other.line_of(NUMBER)}"
                                    f" ({other.spec.agreement.title}) too: two rows of the book would have one №;"
                                    " give each agreement its own number"))
    return problems


def in_list_order(chosen: list[LoadedSpec]) -> list[LoadedSpec]:
    """The rows in the order of the office's numbers where it gives them (its list's
    order: an agreement filed late stands at the end, under the number it was given),
    else as they are (signing order)."""
    if chosen and all(number_of(ls) is not None for ls in chosen):
        return sorted(chosen, key=number_of)
    return chosen
