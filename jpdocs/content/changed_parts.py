"""A corrected release's changed parts (press_notice.correction.changed), found in the
built notice and marked: each part is text the notice prints (its title, opening, 記
items, notes, sections, contacts: whatever the template printed from the spec), given
as printed, and must stand in it exactly once, so that the mark lands where the user
means and nowhere else. The text itself is never altered: the runs that hold a part
are split at its ends and the part's runs flagged (model.Text.changed); the writers
set them in the house's colour for changed parts (colours.changed, 赤字).

Searched: the text of each paragraph, heading and list item (its runs joined, a line
break a newline), in tables and the 記 block too; not an item's marker (１　日時, a
label the house numbers), and not the correction's own lines (its day and word, its
reason), which say that the release was corrected rather than being what it corrected:
a reason may well name the changed words again.
"""
from __future__ import annotations

from dataclasses import replace

from . import model as m
from ..errors import InputError, Problem
from ..spec.source import dotted

AT = ("press_notice", "correction", "changed")


def mark_changed(doc: m.Document, loaded, style) -> None:
    """Flag the runs of each changed part of the notice `doc` (built from `loaded`);
    InputError naming each part not printed, or printed more than once."""
    c = loaded.spec.press_notice.correction if loaded.spec.press_notice else None
    if c is None or not c.changed:
        return
    own = _correction_lines(c, style)
    holders = [b for b in m.every_block(doc.blocks)
               if isinstance(b, (m.Paragraph, m.Heading, m.Item)) and m.plain_text(b.inlines) not in own]
    texts = [m.plain_text(b.inlines) for b in holders]
    problems, spans = [], []
    for k, part in enumerate(c.changed):
        found = [(h, at) for h, text in enumerate(texts) for at in _occurrences(text, part)]
        key = AT + (k,)
        if len(found) == 1:
            spans.append((found[0][0], found[0][1], part, key))
            continue
        message = (f"「{part}」 is not in the notice: give a part of its text exactly as it is printed (a line"
                   " break, an item's number or label and the correction's own lines are not searched)"
                   if not found else
                   f"「{part}」 stands {len(found)} times in the notice: give a longer part, one the notice"
                   " prints once, so that only the part the correction changed is marked")
        problems.append(Problem(str(loaded.path), loaded.line_of(key), dotted(key), message))
    if problems:
        raise InputError(problems)
    for h, at, part, key in spans:
        block = holders[h]
        block.inlines = _marked(block.inlines, at, at + len(part))


def _correction_lines(c, style) -> set[str]:
    """The correction's own lines as the bundled template prints them: its day in the
    date of issue's form, a full-width space and its word; its reason."""
    from .templating import _filters
    day = _filters(style.digits, style.dates, style.times)["issued"](c.date)
    return {f"{day}\u3000{c.word}", *([c.reason] if c.reason else [])}


def _occurrences(text: str, part: str) -> list[int]:
    """Where `part` starts in `text`, overlapping starts counted (ああ in あああ twice)."""
    out, at = [], text.find(part)
    while at >= 0:
        out.append(at)
        at = text.find(part, at + 1)
    return out


def _marked(inlines: list, start: int, end: int) -> list:
    """The inlines with the characters [start, end) of their text flagged changed: a run
    across an end is split there into runs of the same kind and settings. A run set
    across a width (model.Spread: 日　時) or naming an article (Reference) is one unit:
    flagged whole where the part covers it, never cut."""
    out, pos = [], 0
    for i in inlines:
        size = len(i.text) if isinstance(i, m.Text) else 1           # a line break: a newline
        a, b = max(start, pos), min(end, pos + size)
        if not isinstance(i, m.Text) or a >= b:
            out.append(i)
        elif type(i) in (m.Text, m.Whole) and (a > pos or b < pos + size):
            cuts = [(pos, a, False), (a, b, True), (b, pos + size, False)]
            out += [replace(i, text=i.text[x - pos:y - pos], changed=flag) for x, y, flag in cuts if x < y]
        else:
            out.append(replace(i, changed=True))
        pos += size
    return out
