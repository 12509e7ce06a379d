"""The standard set's placeholders filled in ({all}, {compact}, {any}, {other},
{doc}, {purpose}, {ref:name} → 第２条 or 前条), and a paragraph made a Clause with its
items numbered.
"""
from __future__ import annotations

import re

from ... import enumeration, japanese
from ...errors import fail
from ...spec.source import dotted
from .drafts import Draft
from .text import Clause, Entry

_PLACEHOLDER = re.compile(r"\{(all|compact|any|other|doc|purpose|ref:[^{}]+)\}")


def all_text(text) -> str:
    out = []
    for c in text:
        if isinstance(c, str):
            out.append(c)
        else:
            out.append(c.text)
            for item in c.items:
                out.append(item if isinstance(item, str) else item.text + "".join(item.items))
    return "\n".join(out)


def refs_in(text) -> list[str]:
    return [m.group(1)[4:] for m in _PLACEHOLDER.finditer(all_text(text)) if m.group(1).startswith("ref:")]


class Referring(str):
    """A text that names other articles by number (第２条): `refs` holds, for each,
    (start, end, article number) within the text, so that the template can mark it
    (<ref>) and the DOCX make it a field. 前条 (the one just before) is relative and
    stays text: a field cannot print it."""
    refs: tuple[tuple[int, int, int], ...] = ()


def fill_placeholders(text: str, words: dict, order: list[str], here: int, loaded, draft: Draft, purpose: str, num,
                      numbers: list[int] | None = None) -> str:
    """`numbers`: each article's number, in order (1, 2 … or as the text numbers them,
    with a gap: 6, 8); by default one after the other."""
    numbers = numbers or list(range(1, len(order) + 1))
    out, refs, pos = [], [], 0
    for found in _PLACEHOLDER.finditer(text):
        out.append(text[pos:found.start()])
        start = sum(map(len, out))
        value = _value(found, words, order, here, loaded, draft, purpose, num, numbers)
        if found.group(1).startswith("ref:") and value != "前条":
            refs.append((start, start + len(value), numbers[order.index(found.group(1)[4:])]))
        out.append(value)
        pos = found.end()
    out.append(text[pos:])
    filled = Referring("".join(out))
    filled.refs = tuple(refs)
    return filled


def _value(found, words: dict, order: list[str], here: int, loaded, draft: Draft, purpose: str, num,
           numbers: list[int]) -> str:
    """The text of one placeholder: a word, the purpose, or an article's number."""
    key = found.group(1)
    if key == "purpose":
        return purpose
    if key.startswith("ref:"):
        target = key[4:]
        if target not in order:
            path = ("agreement", "document", "articles", draft.name)
            raise fail(str(loaded.path), f"the article '{draft.name}' refers to the article '{target}', which is"
                       f" not in this agreement; give '{draft.name}' a text of its own under"
                       " agreement.document.articles, or remove it too", loaded.line_of(path), dotted(path))
        i = order.index(target)
        # 前条 is the article numbered one less: across a gap in the numbers (第８条
        # after 第６条) the one before is named by its number
        return "前条" if i == here - 1 and numbers[i] == numbers[here] - 1 else f"第{num(numbers[i])}条"
    return words[key]


# ⑴ to ⒇ and the item's marker in the house's form: enumeration.py, as the 次第's steps
# (notice.agenda_marker) are marked in the same forms
PARENTHESIZED, item_mark = enumeration.PARENTHESIZED, enumeration.item_mark


def paragraph_numbers(text) -> list[int]:
    """Each paragraph's number (1, 2 …), 0 for one set apart without a number
    (unnumbered: なお、…), which the paragraphs after it do not count."""
    numbers, n = [], 0
    for c in text:
        unnumbered = getattr(c, "unnumbered", False)
        n += not unnumbered
        numbers.append(0 if unnumbered else n)
    return numbers


def make_clause(number: int, c, fill, num, paragraph_lead: str = "{number}　",
                item_marker: str = "（{number}）", item_num=None, first: int = 2) -> Clause:
    """One paragraph, with its items (1) and sub-items ア; from the `first` numbered on
    (2; 1 for an article of paragraphs numbered as treaties number them) led by its
    number in the house's form (agreement.paragraph_lead: ２　, 2.); the others and an
    unnumbered one (number 0) without. `item_num` writes the items' numbers
    (agreement.item_digits), by default as `num` writes the others."""
    item_num = item_num or num
    marker = num(number) if number >= first and number > 0 else ""
    lead = paragraph_lead.replace("{number}", marker) if marker else ""
    seq = number if marker else 0
    if isinstance(c, str):
        return Clause(marker, fill(c), (), lead, seq=seq)
    entries = []
    for k, item in enumerate(c.items):
        mark = item_mark(c.item_marker or item_marker, k + 1, item_num)   # the paragraph's own, else the house's
        if isinstance(item, str):
            entries.append(Entry(mark, fill(item)))
        else:
            subs = tuple(Entry(enumeration.sub_item_marker(s + 1), fill(t)) for s, t in enumerate(item.items))
            entries.append(Entry(mark, fill(item.text), subs))
    table = tuple(tuple(fill(cell) for cell in row) for row in c.table)
    return Clause(marker, fill(c.text), tuple(entries), lead, table, column_widths(table) if table else "", seq,
                  new_page=c.new_page)


def column_widths(rows) -> str:
    """Each column's share of the width, as its longest cell asks (at least two em, at
    most forty), so that an address (所在及び地番) gets the room a 地目 does not need."""
    wants = [min(max(max(japanese.em_width(row[i]) for row in rows), 2.0), 40.0) for i in range(len(rows[0]))]
    total = sum(wants)
    return " ".join(f"{w / total:.4f}" for w in wants)
