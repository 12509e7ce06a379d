"""Slips a staffer makes that the build would print or leave out as typed, said at
the key's line as warnings (the format's meaning unchanged).

The ceremony's facts written but left empty (`venue:` with nothing after it). Empty is as if the key were not written (the format's meaning: the app writes an
emptied field so), and the 記 block then prints no 場所, no time, no 日時. Left out on
purpose that is right (a venue not yet known); left empty it is most often a starter's
line the staffer forgot to fill, so the build says so at the key's line rather than
issue a notice without its place and no word of it."""
from __future__ import annotations

import re

from ..errors import Problem
from .source import dotted, line_of

# key: what the notice lacks without it
_FACTS = {"date": "日時", "start": "時刻", "venue": "場所"}


def empty_ceremony_facts(data: dict, name: str, lines) -> list[Problem]:
    """Warnings for press_notice.ceremony's date, start and venue written with no value."""
    notice = data.get("press_notice")
    ceremony = notice.get("ceremony") if isinstance(notice, dict) else None
    if not isinstance(ceremony, dict):
        return []
    out = []
    for key, missing in _FACTS.items():
        if key in ceremony and ceremony[key] is None:
            path = ("press_notice", "ceremony", key)
            out.append(Problem(name, line_of(lines, path), dotted(path),
                               f"left empty, as if not written: the notice prints no {missing};"
                               " write it, or delete the key where it is not yet known"))
    return out


# full-width letters, digits and signs (＠, ．) and spaces: typed with the input method on,
# they print as typed, and an address so written is none a reader can copy
_NOT_HALF_WIDTH = re.compile(r"[\uff01-\uff5e\u3000 ]")


def full_width_emails(data, name: str, lines, path: tuple = ()) -> list[Problem]:
    """Warnings for each `email:` of the spec (a contact's, wherever it stands) that holds
    a full-width character or a space. Not an error: an office may write ＠ on purpose
    against address harvesting (as others write ★ and say so in a note)."""
    out = []
    # (only a dict or a list is walked into: a call for each of a spec's ~120 values,
    # nearly all of them text, was most of the walk's cost)
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "email" and isinstance(value, str) and (found := _NOT_HALF_WIDTH.search(value)):
                at = path + (key,)
                out.append(Problem(name, line_of(lines, at), dotted(at),
                                   f"the address {value!r} holds {found.group()!r}, a full-width character"
                                   " or a space, printed as typed: a reader cannot copy it as an address;"
                                   " if not meant so, write it in half-width characters (＠ → @)"))
            elif isinstance(value, (dict, list)):
                out += full_width_emails(value, name, lines, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            if isinstance(value, (dict, list)):
                out += full_width_emails(value, name, lines, path + (i,))
    return out


# The spec's paragraphs the house's style prints with their first line one character in
# (<p indent="1"> in templates/press-notice*.xml.j2, section.xml.j2, agreement.xml.j2),
# as key paths ("*": each entry of a list). A paragraph pasted from Word keeps the 　 its
# writer typed to begin it: printed as written, after the style's indent, two characters
# in. Not the preamble: the house sets its indent (agreement.preamble_indent, 0 at 府中市),
# and a spec's checks do not know the style: the build says it (preamble_indented_twice).
# Not a 記 item's or a table's text: no indent. (One of several agreements, agreements:,
# holds no document: spec/several.py refuses one.)
INDENTED_TWICE = ("the paragraph begins with a full-width space (　) and the house's style already sets"
                  " its first line one character in: it prints indented two characters; delete the"
                  " space (the style indents)")
_INDENTED = (("press_notice", "opening", "*"),
             ("press_notice", "after", "opening", "*"),
             ("press_notice", "background", "paragraphs", "*"),
             ("press_notice", "sections", "*", "paragraphs", "*"),
             ("press_notice", "sections", "*", "paragraphs", "*", "text"),     # a point over its lines
             ("press_notice", "sections", "*", "parts", "*", "paragraphs", "*"),
             ("press_notice", "sections", "*", "parts", "*", "paragraphs", "*", "text"),
             ("agreement", "document", "prose", "*"),
             ("agreement", "document", "supplementary", "text", "*"),
             ("agreement", "document", "closing"),
             ("agreement", "document", "closing", "*"))


def _at(value, pattern: tuple, path: tuple = ()):
    """(path, value) of each value of the spec at the key path pattern."""
    if not pattern:
        yield path, value
    elif pattern[0] == "*":
        for i, entry in enumerate(value if isinstance(value, list) else ()):
            yield from _at(entry, pattern[1:], path + (i,))
    elif isinstance(value, dict) and pattern[0] in value:
        yield from _at(value[pattern[0]], pattern[1:], path + (pattern[0],))


def indented_twice(data: dict, name: str, lines) -> list[Problem]:
    """Warnings for each paragraph the style sets one character in that begins with a
    full-width space (　): it prints two characters in. The text is left as written."""
    out = []
    for pattern in _INDENTED:
        for path, value in _at(data, pattern):
            if isinstance(value, str) and value.startswith("\u3000"):
                out.append(Problem(name, line_of(lines, path), dotted(path), INDENTED_TWICE))
    return out


def preamble_indented_twice(loaded, indent: float) -> list[Problem]:
    """The same slip in an agreement's own preamble, which the build checks: the house
    sets its first line `indent` characters in (agreement.preamble_indent), which a
    spec's checks do not know. At the margin (0, as 府中市 sets it) a 　 is the writer's
    own indent and no slip; only the style's one character is said, as the message says."""
    doc = loaded.spec.agreement.document if loaded.spec.agreement else None
    if indent != 1 or doc is None or not doc.preamble:
        return []
    key = ("agreement", "document", "preamble")
    paragraphs = [(key, doc.preamble)] if isinstance(doc.preamble, str) else \
        [(key + (i,), part) for i, part in enumerate(doc.preamble) if isinstance(part, str)]
    return [Problem(str(loaded.path), loaded.line_of(path), loaded.key(path), INDENTED_TWICE)
            for path, text in paragraphs if text.startswith("\u3000")]
