"""An agreement of prose without articles (document.prose): a sister-city 協定書, its
paragraphs one after another (昭和54年…締結した。 / 以来、… / 我々は、…), then a closing
of its own (ここに以上の合意を確認するためにこの協定書を交換する。), the date and the
signatures. Every key of the document that shapes articles, or the generated preamble
and closing, would have no effect beside it, and is refused."""
from __future__ import annotations

from dataclasses import dataclass

from ...enumeration import CIRCLED, lead_number, list_marks

D = ("agreement", "document")


@dataclass(frozen=True)
class ProseItems:
    """A list in the prose, under the paragraph before it: its entries as written, and
    the text's own mark before each ("" where it has none; ① and ⑴ numbered: marks).
    An entry of a list without a mark that begins with a number (一　甲は，…) is a
    HungParagraph where the house hangs numbered paragraphs (agreement.prose_number_hang):
    a numbered point too, its later lines under its text, not back under the number."""
    entries: tuple[str, ...]
    marker: str = ""
    marks: tuple[str, ...] = ()     # each entry's mark: the marker, or ① ② ③ / ⑴ ⑵ ⑶ where it numbers them


@dataclass(frozen=True)
class ProseHeadingLine:
    """A heading in the prose (１　プログラムの目的), as written, at the margin."""
    heading: str


@dataclass(frozen=True)
class ProseCentredLine:
    """A line of the prose set in the middle (記), as written."""
    centred: str


class HungParagraph(str):
    """A paragraph of prose that begins with a number (１　乙は，…, or 第1　採草地… where the
    text writes no 条), set as a numbered point where the house hangs them
    (agreement.prose_number_hang): a string still, the whole paragraph, as a template
    written before it prints it, with `marker` (１, 第1), `text`
    (乙は，…: the spaces between are the gap up to it) and `hang`, the em from the
    number's start to the text's, where its later lines stand."""
    marker: str = ""
    text: str = ""
    hang: float = 0.0
    template_api = ("marker", "text", "hang")


def _hung(paragraph: str, hang: bool) -> str:
    # an agreement's prose numbers its points 第1　… too (小山町 and 足柄村, 1955), where a
    # notice's sections do not (notice.section_number_hang reads no 第1)
    number = lead_number(paragraph, ordinals=True) if hang else None
    if number is None:
        return paragraph
    out = HungParagraph(paragraph)
    out.marker, out.text, out.hang = number
    return out


def prose_parts(prose, number_hang: bool = False) -> tuple:
    """The prose as the template prints it: each paragraph a string (a HungParagraph where
    it begins with a number and the house hangs such paragraphs), each list its ProseItems,
    each centred line its ProseCentredLine."""
    return tuple(_hung(p, number_hang) if isinstance(p, str) else ProseCentredLine(p.text) if hasattr(p, "align")
                 else ProseHeadingLine(p.heading) if hasattr(p, "heading")
                 else ProseItems(tuple(_hung(e, number_hang and not p.marker) for e in p.items), p.marker or "",
                                 list_marks(p.marker or "", len(p.items)))
                 for p in prose)

# document's keys that only articles or the generated preamble use, and what they say
_ARTICLE_KEYS = {
    "standard": "a set of standard articles", "articles": "changes to standard articles",
    "extra_articles": "articles of the spec's own", "chapters": "chapters above the articles",
    "article_numerals": "the articles' numerals", "paragraph_numbers": "the articles' paragraphs' numbers",
    "purpose": "the purpose article's words", "subject": "the generated preamble's subject",
    "conclude": "the generated preamble's verb", "collective": "the articles' word for all parties",
    "preamble": "a preamble before the articles (write it as the first paragraph of prose)",
}


def check_prose(doc, labels: list[str], parties, problem) -> None:
    """With prose: no key that shapes articles; a closing of the spec's own (the
    generated one speaks of 甲乙, whom no prose defines); labels printed before the
    signature blocks (block_labels: true) defined in the first paragraph."""
    for key, what in _ARTICLE_KEYS.items():
        if getattr(doc, key) not in (None, [], {}):
            problem(D + (key,), f"the document is prose without articles (document.prose), and {key} is {what}:"
                                " it would have no effect")
    if doc.area_items or not doc.catch_all:
        key = "area_items" if doc.area_items else "catch_all"
        problem(D + (key,), f"the document is prose without articles (document.prose), and {key} shapes the"
                            " article on the areas of cooperation: it would have no effect")
    for i, p in enumerate(doc.prose):
        if hasattr(p, "heading") and i == len(doc.prose) - 1:
            problem(D + ("prose", i), "a heading in the prose leads the paragraphs under it, and this one is"
                                      " the last entry: write the text it heads after it")
        if hasattr(p, "align") or hasattr(p, "heading"):
            continue
        if not isinstance(p, str) and p.marker in ("①", "⑴") and len(p.items) > len(CIRCLED):
            problem(D + ("prose", i, "marker"), f"marker: {p.marker} numbers the entries {p.marker} to"
                                                f" {'⑳' if p.marker == '①' else '⒇'}, and this list has"
                                                f" {len(p.items)}: write each entry's mark in its text")
        # a list stands under what leads it: a paragraph, or a section's heading (早稲田大学大学院
        # and 国税庁, 2009: ３　…留学生の選定 / (1) … (3))
        if not isinstance(p, str) and (i == 0 or not (isinstance(doc.prose[i - 1], str)
                                                    or hasattr(doc.prose[i - 1], "heading"))):
            problem(D + ("prose", i), "a list in the prose stands under the paragraph that leads it"
                                      " (…目的は以下のとおりとする。): write that paragraph before it")
    if doc.closing is None:              # (false: the last paragraph closes the text, published.py)
        problem(D + ("prose",), "a text of prose ends with a closing of its own (ここに以上の合意を確認するために"
                                "この協定書を交換する。): write document.closing (the generated one names the"
                                " parties by labels the prose does not define)")
    if doc.block_labels is False:
        problem(D + ("block_labels",), "after prose no label stands before the signature blocks unless"
                                       " block_labels is true: false would have no effect")
    if doc.block_labels and labels:
        wanted = [w for w, p in zip(labels, parties) if w not in p.names()]
        first = doc.prose[0] if isinstance(doc.prose[0], str) else ""
        missing = [w for w in wanted if f"「{w}」" not in first]
        if missing:
            problem(D + ("block_labels",), "the signature blocks would print " + "、".join(f"「{w}」" for w in missing)
                    + ", which the prose does not define"
                    " (…（以下「" + missing[0] + "」という。）… in its first paragraph): leave block_labels out,"
                    " or define them")
