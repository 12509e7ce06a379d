"""What the book calls the agreements it lists, where the product writes the word
itself: the title's default (令和６年度　連携協定締結状況), the heading of the title
column (協定名), the contents' 各協定の概要 and the files' subject.

A book of 協定書 says 協定, as it always did. A book of one other kind says that
kind's own word (wording.KINDS: its word, else the stem its titles end with, and its
act): 盟約名, 各盟約の概要, 盟約締結状況; 覚書名 …; 確認書成立状況. A book of several
kinds says the neutral 協定等, as offices title such lists (協定等の名称, 各協定等の
概要, 協定等締結状況): it never calls a 盟約 a 協定 alone. Words the house style writes
(wording.annual_title, a column's heading) are the house's, never rewritten.

An agreement without an agreement document (no `document:`) states no kind: it counts
as a 協定書, the kind the product takes an agreement to be where none is said (the
schema's default), so a list of such keeps its 協定名."""
from __future__ import annotations

from dataclasses import dataclass

from ..content.agreement.wording import KINDS
from ..spec.style import HouseStyle

DEFAULT_KIND = "協定書"


@dataclass(frozen=True)
class BookWords:
    """The annual book's own words for the kinds of agreement it lists."""
    noun: str            # 協定, 盟約, 覚書, 協定等
    title_heading: str   # the title column's default heading: 協定名, 盟約名, 協定等の名称
    subject: str         # 連携協定締結状況, 盟約締結状況, 協定等締結状況
    sheets: str          # the contents' entry over the agreements' pages: 各協定の概要


AGREEMENTS = BookWords("協定", "協定名", "連携協定締結状況", "各協定の概要")
MIXED = BookWords("協定等", "協定等の名称", "協定等締結状況", "各協定等の概要")


def kind_of(loaded) -> str:
    document = loaded.spec.agreement.document
    return document.kind if document is not None else DEFAULT_KIND


def book_words(rows) -> BookWords:
    kinds = {kind_of(r.loaded) for r in rows}
    if kinds == {DEFAULT_KIND}:
        return AGREEMENTS
    if len(kinds) > 1:
        return MIXED
    kind = KINDS[kinds.pop()]
    noun = kind.word or kind.stem
    return BookWords(noun, f"{noun}名", f"{noun}{kind.act}状況", f"各{noun}の概要")


def book_style(style: HouseStyle, words: BookWords) -> HouseStyle:
    """The house style with the book's words as the defaults of the title and of the
    title column's heading; what the house wrote stays."""
    if words == AGREEMENTS:
        return style
    columns = [c.model_copy(update={"heading": words.title_heading}) if c.data == "title" and c.heading is None
               else c for c in style.annual.columns]
    wording = dict(style.wording)
    wording.setdefault("annual_title", "{year}　" + words.subject)
    return style.model_copy(update={"annual": style.annual.model_copy(update={"columns": columns}),
                                    "wording": wording})
