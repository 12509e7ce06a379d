"""How many originals the closing makes, against who keeps one: where the closing
the spec writes (document.closing, or the last article that makes the copies with
closing: false) states 本書Ｎ通を作成し and that each keeps one (各自その１通を保有する,
各１通を保管する, それぞれ１通を保有する, 各壱通を保持する), Ｎ smaller than the number who keep one is a wrong fact the signed copies
would carry: an error at the key. Who keeps one: the parties and witnesses the sentence
names before 各 (甲、乙及び立会人が…), or, where it names none, every party. The
generated closing counts the parties itself, and is not checked.
"""
from __future__ import annotations

import re

from ...dates_in_text import number
from ...spec.schema.agreement import own_words
from .fill import all_text
from .published import closing_article

D = ("agreement", "document")
_NUMERAL = r"[0-9０-９〇一二三四五六七八九十百壱弐参]"
# 本書５通を作成し / 協定書2通を作成し / 本覚書正本二通を作成し: the count of originals
MAKES = re.compile(rf"(?P<n>{_NUMERAL}+)通を?作成")
# 各自その１通を保有する / 各１通を保管する / 各々１通を所持する / それぞれ１通を保有する /
# 各壱通を保持する: each keeps one
EACH_KEEPS_ONE = re.compile(r"(?:各(?:自|々|自が|々が)?|それぞれ)(?:その)?[1１一壱]通(?:ずつ)?を?(?:保有|保管|所持|所有|保持)")
_OLD_NUMERALS = str.maketrans("壱弐参", "一二三")


def check_copies(doc, drafts, labels: list[str], parties, problem) -> None:
    """The closing's Ｎ通 against who keeps one (see the module's docstring)."""
    if doc.closing:
        key, text = D + ("closing",), own_words(doc.closing)
    elif doc.closing is False and closing_article(drafts):
        key, text = _article_key(drafts[-1]), closing_article(drafts)
    else:
        return
    made, keeps = MAKES.search(text), EACH_KEEPS_ONE.search(text)
    if not made or not keeps or keeps.start() < made.end():
        return
    n = number(made.group("n").translate(_OLD_NUMERALS))
    between = text[made.end():keeps.start()]
    who = [w.label for w in doc.witnesses if w.label and w.label in between]   # (label: false names none)
    named = [label for label in labels if label in between]
    keepers = len(named) + len(who) if named else len(parties) + len(who)
    if n < keepers:
        whom = "、".join(named + who) if named else f"each of the {len(parties)} parties" + (
            " and " + "、".join(who) if who else "")
        problem(key, f"「{made.group(0)}」 makes {n} originals, and the closing has"
                     f" {whom} keep one each (「{keeps.group(0)}」): {keepers} are needed; correct the"
                     " number of originals or who keeps one, as the signed copies have it")


def _article_key(article) -> tuple:
    """Where the spec writes the closing article's paragraph that makes the copies
    (an own article's key ends in its heading; a standard set's article is the set's)."""
    base = article.key[:-1] if article.key[-1:] == ("heading",) else article.key
    if base[-1:] == ("standard",):
        return base
    for j, paragraph in enumerate(article.text):
        if MAKES.search(paragraph if isinstance(paragraph, str) else all_text([paragraph])):
            return base + ("text", j)
    return base + ("text",)
