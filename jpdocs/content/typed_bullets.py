"""A nested line typed with a mark of its own, where the house prints its mark before it.

A notice's nested lines (a 記 list entry's bullets, a section's point's lines,
{text, bullets}) are printed after the house's mark (notice.list_bullet, ・). A line the
spec writes 「・会場　市役所」 would print 「・・会場　市役所」: two marks before one line,
which no real notice prints. The spec's text is never changed, so the line is refused at
its key, and the user removes the typed mark (or sets list_bullet: "" where the lines
carry their own marks, which are then the only ones printed).

The marks read as a list's: those the house may choose (・ • ○ ◯ ● ◆ ■ －) and their
kin (〇 typed for ○, ◇ □ ◎ ★ ☆, the half-width ･ and ·, the hyphens - and ‐). ※ and ＊ begin a note,
not a list line (a line may be one: ※ 要予約), and are left alone; a mark written twice
(○○地区, ●●株式会社) is a placeholder for a name withheld, not a mark, and is left
alone too. A number (（１）, ①) is the line's own numbering, never doubled by a mark.
A mark after spaces (「　・会場」) is read as one too: it would print 「・　・会場」.
"""
from __future__ import annotations

from ..errors import InputError, Problem
from ..spec.source import dotted, line_of

MARKS = "・•○◯〇●◆■－◇□◎★☆･·-‐"


def typed_mark(line: str) -> str:
    """The list mark `line` begins with ("" for none; a mark written twice is a
    placeholder, no mark); spaces before the mark are passed over."""
    line = line.lstrip("\u3000 ")
    if line[:1] in MARKS and line[1:2] != line[:1]:
        return line[0]
    return ""


def nested_lines(notice):
    """(key path, line) of each line the notice nests under a point and prints after
    the house's mark: the 記 list entries' bullets, the sections' and their parts'
    points' lines."""
    at = ("press_notice",)
    for i, entry in enumerate(notice.ki or ()):
        for j, point in enumerate(entry.entries or ()):
            for k, line in enumerate(getattr(point, "bullets", ())):
                yield at + ("ki", i, "list", j, "bullets", k), line
    for i, section in enumerate(notice.sections):
        places = [(at + ("sections", i), section.paragraphs)]
        places += [(at + ("sections", i, "parts", p), part.paragraphs) for p, part in enumerate(section.parts)]
        for base, paragraphs in places:
            for j, point in enumerate(paragraphs):
                for k, line in enumerate(getattr(point, "bullets", ())):
                    yield base + ("paragraphs", j, "bullets", k), line


def check_typed_bullets(notice, style, path=None, lines=None) -> None:
    """Refuse each nested line that begins with a mark of its own where the house prints
    its mark before it (notice.list_bullet; with "" the typed mark is the only one)."""
    house = style.notice.list_bullet
    if not house:
        return
    problems = []
    for at, line in nested_lines(notice):
        mark = typed_mark(line)
        if mark:
            printed = house + line[:12] + ("…" if len(line) > 12 else "")
            problems.append(Problem(str(path), line_of(lines or {}, at), dotted(at),
                                    f"the line begins with a mark of its own ({mark}), and the house prints its mark"
                                    f" {house} before each line (notice.list_bullet): it would print 「{printed}」;"
                                    f" remove the typed {mark}"))
    if problems:
        raise InputError(problems)
