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
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "email" and isinstance(value, str) and (found := _NOT_HALF_WIDTH.search(value)):
                at = path + (key,)
                out.append(Problem(name, line_of(lines, at), dotted(at),
                                   f"the address {value!r} holds {found.group()!r}, a full-width character"
                                   " or a space, printed as typed: a reader cannot copy it as an address;"
                                   " if not meant so, write it in half-width characters (＠ → @)"))
            else:
                out += full_width_emails(value, name, lines, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += full_width_emails(value, name, lines, path + (i,))
    return out
