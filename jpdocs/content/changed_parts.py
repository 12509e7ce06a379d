"""A corrected release's changed parts (press_notice.correction.changed), found in the
built notice and marked: each part is text the notice prints (its title, opening, 記
items, notes, sections, contacts: whatever the template printed from the spec), given
as printed, and must stand in it exactly once, so that the mark lands where the user
means and nowhere else. The text itself is never altered, nor how it is set: a run the
part covers whole is flagged (model.Text.changed), one it covers in part given the span
of its characters (model.Text.changed_at), never cut; the writers set those characters,
and only those, in the house's colour for changed parts (colours.changed, 赤字).

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
    """The inlines with the characters [start, end) of their text marked changed, and no
    others: a run the part covers whole flagged (changed), one it covers in part given
    the span of its characters it covers (changed_at). No run is cut: a run set across
    a width (model.Spread: 日　時), kept on one line (Whole), naming an article
    (Reference) or tracked with its paragraph is set exactly as before, its glyphs where
    they were; only the colour of the part's characters differs. A line break inside
    the part (a newline) takes no colour."""
    out, pos = [], 0
    for i in inlines:
        size = len(i.text) if isinstance(i, m.Text) else 1           # a line break: a newline
        a, b = max(start, pos) - pos, min(end, pos + size) - pos
        if not isinstance(i, m.Text) or a >= b or i.changed:
            out.append(i)
        else:
            spans = _joined(i.changed_at + ((a, b),))
            whole = spans == ((0, size),)
            out.append(replace(i, changed=whole, changed_at=() if whole else spans))
        pos += size
    return out


def _joined(spans: tuple) -> tuple:
    """Spans sorted, those that touch or overlap made one (two parts side by side in a run)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return tuple(out)
