"""The style Enter gives after a heading: the style its own text goes on in.

A heading style's next (w:next) is the style of the paragraph Enter makes at its end,
in Word and in LibreOffice. The house style names a plain one (ooxml_styles.NEXT:
本文 after 条見出し and 見出し). An agreement's paragraphs show which is right: the style
its articles' first paragraphs are set in, 本文（字下げ） under 第１条（目的）, or 条
under （目的） above 第１条　…, where that style is the numbered article level, so that
（目的）⏎ and typing gives the next article's first paragraph, numbered. Each heading
style an article's heading is set in (条見出し, 条見出し（左１字）) gets the style that most
often follows its paragraphs. So does a notice's 見出し (内容, 【本件のポイント】):
its text is set in 本文（字下げ）, made for the notice (styles.indent_styles), and Enter
after 内容 gave the house's 本文, set at the margin. The title keeps the house's (本文):
what follows it differs from notice to notice (日付, 項目名, a table).
Run after styles.indent_styles, on whichever path it took (a plan followed or the
whole pass): the styles it names are the document's final ones.
"""
from __future__ import annotations

from collections import Counter

from docx.oxml.ns import nsmap
from lxml import etree

from ..ooxml import qn, sub
from ..ooxml_styles import ARTICLE
from .parts import BASED_ON, VAL, stylesheet

NEXT_TAG, NAME_TAG = qn("w:next"), qn("w:name")
# each styled paragraph's style, in document order (table cells too: the signature
# page's cell holds the last article), in one XPath call
_STYLED = etree.XPath(".//w:p/w:pPr/w:pStyle/@w:val", namespaces={"w": nsmap["w"]}, smart_strings=False)


# the heading styles whose next is named here, and the styles based on them
FOLLOWED = (ARTICLE, "heading")


def _is_followed(sheet, style_id: str, cache: dict) -> bool:
    """Whether `style_id` is 条見出し or 見出し, or based on one (条見出し（左１字）)."""
    if style_id not in cache:
        found, seen, at = False, 0, style_id
        while at is not None and seen < 20:
            if at in FOLLOWED:
                found = True
                break
            st = sheet.find(at)
            based = st.find(BASED_ON) if st is not None else None
            at, seen = (based.get(VAL) if based is not None else None), seen + 1
        cache[style_id] = found
    return cache[style_id]


def follow_headings(document) -> None:
    """Each article heading's and heading's style's next made the style that follows its
    paragraphs most often (the first seen of equals), in a document with such headings.
    A paragraph without a style of its own (a page break's) is passed over."""
    if document.part is None:
        return
    sheet = stylesheet(document.part)
    ids = _STYLED(document.element.body)
    followed: dict = {}
    followers: dict[str, Counter] = {}
    for style_id, after in zip(ids, ids[1:]):
        if after == style_id:
            continue
        is_followed = followed.get(style_id)            # (a notice's ~20 paragraphs, a few styles)
        if is_followed is None:
            is_followed = _is_followed(sheet, style_id, followed)
        if is_followed:
            followers.setdefault(style_id, Counter())[after] += 1
    for style_id, counts in followers.items():
        then = counts.most_common(1)[0][0]
        now = sheet.find(style_id).find(NEXT_TAG)
        if now is not None and now.get(VAL) == then:
            continue                               # (a prepared style is read whole only to change it)
        st = sheet.own(style_id)
        now = st.find(NEXT_TAG)
        if now is None:                            # CT_Style: name, aliases, basedOn, next …
            now = sub(st, "next")
            after = st.find(BASED_ON)
            if after is None:
                after = st.find(NAME_TAG)
            after.addnext(now)
        now.set(VAL, then)
