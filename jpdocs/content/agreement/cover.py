"""The cover page of an agreement (agreement.document.cover, spec/cover.py) as plain
data for the template: the title's lines, the date line where the spec asks for it,
each party's name as its lines (none where the spec says names: false), and whether
the names stand in a row.

Nothing on it is made up: the title is the document's (the spec may only say where
its lines break), the date is the date line's, and a name written for the cover must
hold one of its party's names (spaces and widths aside: 君　津　市 is 君津市, ＮＰＯ法人 is
NPO法人, 東京都東久留米市 holds 東久留米市), so that a cover cannot name a party wrongly.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ...party_words import party_names, with_names

MOST_ACROSS = 3            # names side by side: each in a third of the text's width at the least


@dataclass(frozen=True)
class CoverText:
    """The cover page before the text: the title, the date if asked, the parties' names."""
    title_lines: tuple[str, ...]
    date: str                               # "" unless the spec asks for it
    names: tuple[tuple[str, ...], ...]      # each party's name, as its lines, in the parties' order
    side_by_side: bool = False


def _folded(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def compose_cover(doc, parties, names: list[str], full_title: str, title_lines: tuple[str, ...], date: str,
                  problem) -> CoverText | None:
    """The cover, or None where the spec has none; each problem at its key. `names`:
    each party's name as the text prints it (its formal name, or a draft's blank)."""
    cover = doc.cover
    if cover is None:
        return None
    at = ("agreement", "document", "cover")
    if cover is True:               # cover: true — every default
        return CoverText(title_lines, "", tuple((name,) for name in names))
    if cover.names is False:        # the title alone (立川市's cover): no name to check or print
        if cover.side_by_side:
            problem(at + ("side_by_side",), "side_by_side has no effect: the cover names no party (names: false);"
                                            " leave side_by_side out")
        return CoverText(_title_lines(cover, full_title, title_lines, at, problem), date if cover.date else "", ())
    ids, said = [pid for pid, _ in parties], party_names(parties)
    for pid in cover.names:
        if pid not in ids:
            problem(at + ("names", pid), f"'{pid}' is not a party of this spec (parties: {with_names(ids, said)})")
    missing = [pid for pid in ids if pid not in cover.names]
    if cover.names and missing and len(missing) < len(ids):
        problem(at + ("names",), f"the cover's names leave out {with_names(missing, said)}: write every party's name as"
                                 " the cover writes it, or none (each party's name as its signature block has it)")
    shown_names = []
    for (pid, party), name in zip(parties, names):
        given = cover.names.get(pid)
        if given is None:
            shown_names.append((name,))
            continue
        lines = (given,) if isinstance(given, str) else tuple(given)
        if not party.names():
            problem(at + ("names", pid), f"the name of '{pid}' is left open (null): the cover cannot name it")
        elif not any(_folded(n) in _folded("".join(lines)) for n in party.names()):
            problem(at + ("names", pid), f"the cover's name for '{pid}', 「{''.join(lines)}」, does not hold the"
                                         f" party's name ({'、'.join(party.names())}): a cover names the parties"
                                         " of the agreement")
        shown_names.append(lines)
    shown = _title_lines(cover, full_title, title_lines, at, problem)
    if cover.side_by_side and len(parties) > MOST_ACROSS:
        problem(at + ("side_by_side",), f"{len(parties)} parties' names side by side: at most {MOST_ACROSS}"
                                        " stand in a row on the cover; leave side_by_side out (one under another)")
    return CoverText(shown, date if cover.date else "", tuple(shown_names), cover.side_by_side)


def _title_lines(cover, full_title: str, title_lines: tuple[str, ...], at: tuple, problem) -> tuple[str, ...]:
    """The title's lines on the cover: the spec's breaks, which must join to the title."""
    if cover.title is None:
        return title_lines
    if "".join(cover.title) != full_title:
        problem(at + ("title",), f"the cover's title lines make 「{''.join(cover.title)}」, not the"
                                 f" document's title 「{full_title}」: the lines only say where it breaks")
    return tuple(cover.title)
