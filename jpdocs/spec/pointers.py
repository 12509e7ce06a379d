"""A sentence of a notice's text that points at what follows it (下記のとおり締結式を
行います。, 次のとおり連携します。) has something after it to point at.

A stored copy cut after such a sentence (広島市's release ends inside a note, before the
ceremony's facts its 以下のとおり introduces) would otherwise print it with nothing
under it: a sentence with a hole, the reader sent after facts that are not there. What
may follow: a paragraph, a list or lines of the text after it, an item of the 記 block,
a section of the notice's own; the contacts, where the sentence points at them
(下記のとおりお問い合わせください). A note or a photo after it is none of these.
"""
from __future__ import annotations

import re
from typing import Callable

from .note_marks import excerpt

# 下記のとおり, 次の通り, 以下の日程で, 下記により, 次に掲げる …
POINTER = re.compile(r"(?:下記|次|以下)の(?:とおり|通り|日程|内容|ように)|下記により|次に掲げる")
ABOUT_CONTACTS = re.compile(r"問い?合わ?せ|連絡")


def check_pointers(notice, at: tuple, items: int, problem: Callable[[tuple, str], None]) -> None:
    """Each paragraph of `notice`'s opening (at `at`) that points at what follows has a
    paragraph after it, or `items` (the 記 block's) or a section; `problem(path, message)`."""
    opening = notice.opening
    for i, para in enumerate(opening):
        found = POINTER.search(para) if isinstance(para, str) else None
        if not found:
            continue
        later_text = any(not hasattr(p, "note") and not hasattr(p, "photos") for p in opening[i + 1:])
        contacts = bool(notice.contacts) and ABOUT_CONTACTS.search(para, found.end())
        if later_text or items or notice.sections or contacts:
            continue
        words = excerpt(para, found.start(), found.end())
        problem(at + ("opening", i), f"「{words}」 points at what follows, and nothing follows it: the notice has no"
                                     " 記 item, no section and no paragraph after it; give what it points at, or"
                                     " write the sentence without the pointer (the reader would look for what"
                                     " is not there)")
