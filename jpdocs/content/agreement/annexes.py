"""The annexes of an agreement (別記様式, 別表) as the template prints them: the spec's
parts in order, each entry numbered in the house's digits, each table's columns as
wide as their longest cells ask. Nothing else is added: a form's blanks are the
spec's own (年　　月　　日, "" cells)."""
from __future__ import annotations

from ... import enumeration, japanese
from .checks import check_item_marker, check_table
from .fill import column_widths
from .text import Annex, AnnexEntry, AnnexPart

_DEFAULT_MARKER = "{number}"        # １　協力要請の理由, as forms number their entries


def compose_annexes(annexes, num, problem) -> tuple[Annex, ...]:
    """The spec's `document.annexes`, or problems (by `problem(path, message)`) for a
    table of uneven rows or an entry marker without its {number}."""
    out = []
    for i, annex in enumerate(annexes):
        at = ("agreement", "document", "annexes", i, "parts")
        parts = [_part(p, at + (j,), num, problem) for j, p in enumerate(annex.parts)]
        out.append(Annex(annex.heading, tuple(parts)))
    return tuple(out)


def _part(p, at: tuple, num, problem) -> AnnexPart:
    if isinstance(p, str):
        return AnnexPart("text", p)
    if p.title:
        return AnnexPart("title", p.title)
    if p.text:
        return AnnexPart("text", p.text, p.align or "")
    if p.items:
        form = p.item_marker or _DEFAULT_MARKER
        check_item_marker(form, at + ("item_marker",), problem)
        if form == "⑴" and len(p.items) > len(enumeration.PARENTHESIZED):
            problem(at + ("items",), f"items marked ⑴ go up to ⒇: these {len(p.items)} items need another item_marker")
            return AnnexPart("items")
        entries = tuple(AnnexEntry(enumeration.item_mark(form, k, num), e) if isinstance(e, str)
                        else AnnexEntry(enumeration.item_mark(form, k, num), e.text, tuple(e.lines))
                        for k, e in enumerate(p.items, 1))
        hang = max(japanese.em_width(e.marker) for e in entries) + 1
        return AnnexPart("items", entries=entries, hang=hang)
    rows = tuple(tuple(r) for r in p.table)
    if not check_table(rows, at + ("table",), problem):
        return AnnexPart("table")
    return AnnexPart("table", rows=rows, widths=column_widths(rows), caption=p.caption or "")
