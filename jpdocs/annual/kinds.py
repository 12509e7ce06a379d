"""What the book calls the agreements it lists, where the product writes the word
itself: the title's default (令和６年度　連携協定締結状況), the heading of the title
column (協定名), the contents' 各協定の概要 and the files' subject.

A book of 協定書 says 協定, as it always did; its title calls them 連携協定 only where
every title it lists says 連携 (包括連携協定, 連携と協力に関する協定), else 協定締結状況: a
book of 災害時応援協定 is no list of 連携協定. A book of one other kind says that
kind's own word (wording.KINDS: its word, else the stem its titles end with, and its
act): 盟約名, 各盟約の概要, 盟約締結状況; 覚書名 …; 確認書成立状況. A book of several
kinds says the neutral 協定等, as offices title such lists (協定等の名称, 各協定等の
概要, 協定等締結状況): it never calls a 盟約 a 協定 alone. Words the house style writes
(wording.annual_title, a column's heading) are the house's, never rewritten.

An agreement's kind is its document's `kind:` where the spec writes one (an agreement
without a document, one of several, agreements:, or one a notice announces without its
text: its own `kind:`); else the
last word of its title (wording.title_kind: …協定 a 協定書, …覚書 a 覚書, …契約 a
契約書), or the last before a nickname in brackets (…協定（義士協定）); else it counts as a 協定書, the kind the product takes an agreement to be where
none is said (the schema's default), and the build says so (kind_notes): a list of
such keeps its 協定名, but never silently."""
from __future__ import annotations

from dataclasses import dataclass

from ..content.agreement.wording import KINDS, kind_said_by_title, named_kind
from ..errors import Problem
from ..spec.schema.agreement import AgreementOfSeveral
from ..spec.style import HouseStyle

DEFAULT_KIND = "協定書"


@dataclass(frozen=True)
class BookWords:
    """The annual book's own words for the kinds of agreement it lists."""
    noun: str            # 協定, 盟約, 覚書, 協定等
    title_heading: str   # the title column's default heading: 協定名, 盟約名, 協定等の名称
    subject: str         # 連携協定締結状況, 協定締結状況, 盟約締結状況, 協定等締結状況
    sheets: str          # the contents' entry over the agreements' pages: 各協定の概要


AGREEMENTS = BookWords("協定", "協定名", "連携協定締結状況", "各協定の概要")
PLAIN_AGREEMENTS = BookWords("協定", "協定名", "協定締結状況", "各協定の概要")
MIXED = BookWords("協定等", "協定等の名称", "協定等締結状況", "各協定等の概要")


KIND_KEY = ("agreement", "document", "kind")


def _title(loaded) -> str:
    """The title the agreement is printed under: its document's own, else its name."""
    agreement = loaded.spec.agreement
    document = agreement.document
    given = document.title if document is not None else None
    return "".join(given) if isinstance(given, list) else (given or agreement.title)


def _stated(loaded) -> str | None:
    """The kind the spec writes: its document's `kind:`, or, for an agreement without a
    document (one of several, agreements:, or one a notice announces without its text),
    its own `kind:`."""
    agreement = loaded.spec.agreement
    document = agreement.document
    if isinstance(agreement, AgreementOfSeveral) or document is None:
        return agreement.kind
    return document.kind if KIND_KEY in loaded.lines else None


def kind_of(loaded) -> str:
    """The document's kind as written, else as its title's last word names it, else 協定書."""
    return _stated(loaded) or named_kind(_title(loaded)) or DEFAULT_KIND


def kind_problems(loaded) -> list[Problem]:
    """An agreement without a document (one of several, or one alone) whose `kind:` its
    title names already (no effect), or contradicts (…協定 counted as a 覚書):
    wording.kind_said_by_title. A document's kind: is not held to this: it makes the
    document's wording too."""
    agreement = loaded.spec.agreement
    why = kind_said_by_title(agreement.title, agreement.kind) \
        if agreement.kind and agreement.document is None else None
    key = ("agreement", "kind")
    return [Problem(str(loaded.path), loaded.line_of(key), loaded.key(key), why)] if why else []


def kind_notes(loaded) -> list[Problem]:
    """Where neither the spec nor the title names the kind, the book counts the
    agreement as a 協定書 (協定名, 連携協定締結状況): the build says so."""
    if _stated(loaded) is not None or named_kind(_title(loaded)) is not None:
        return []
    # an agreement without a document (one of several, agreements:, or one alone whose text
    # the spec does not give) cannot say it in document.kind, which would make a document:
    # the note points at its own kind:
    if isinstance(loaded.spec.agreement, AgreementOfSeveral) or loaded.spec.agreement.document is None:
        return [Problem(str(loaded.path), loaded.line_of(("agreement", "title")), loaded.key(("agreement", "title")),
                        f"ends in no kind's word (協定, 覚書, 契約 …), and the agreement has no kind: the book"
                        f" counts it as a {DEFAULT_KIND}; write {loaded.key(('agreement', 'kind'))} to say what it is")]
    return [Problem(str(loaded.path), loaded.line_of(("agreement", "title")), loaded.key(KIND_KEY),
                    f"not given, and the title ({_title(loaded)}) ends in no kind's word (協定, 覚書, 契約 …):"
                    f" the book counts it as a {DEFAULT_KIND}; write document.kind to say what it is")]


def book_words(rows) -> BookWords:
    kinds = {kind_of(r.loaded) for r in rows}
    if kinds == {DEFAULT_KIND}:
        return AGREEMENTS if all("連携" in _title(r.loaded) for r in rows) else PLAIN_AGREEMENTS
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
