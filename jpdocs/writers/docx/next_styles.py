"""The style Enter gives after an article's heading: the one its article's text starts in.

A heading style's next (w:next) is the style of the paragraph Enter makes at its end,
in Word and in LibreOffice. The house style names a plain one (ooxml_styles.NEXT:
本文 after 条見出し and 見出し). An agreement's paragraphs show which is right: the style
its articles' first paragraphs are set in, 本文（字下げ） under 第１条（目的）, or 条
under （目的） above 第１条　…, where that style is the numbered article level, so that
（目的）⏎ and typing gives the next article's first paragraph, numbered. Each heading
style an article's heading is set in (条見出し, 条見出し（左１字）), and the title and
chapter headings with it, gets the style that most often follows its paragraphs.

Only in a document with article headings: it reads the whole styles part where a
prepared style changes (parts.KeptStylesPart), which a batch's notices, whose
headings keep the house's next, need not pay for. After styles.indent_styles, on
whichever path it took (a plan followed or the whole pass): the styles it names are
the document's final ones.
"""
from __future__ import annotations

from collections import Counter

from docx.oxml.ns import nsmap
from lxml import etree

from ..ooxml import qn, sub
from ..ooxml_styles import ARTICLE
from .parts import BASED_ON, STYLE_ID, VAL, stylesheet

NEXT_TAG, NAME_TAG = qn("w:next"), qn("w:name")
_STYLED = etree.XPath(".//w:p/w:pPr/w:pStyle/@w:val", namespaces={"w": nsmap["w"]}, smart_strings=False)
_PARAGRAPHS = etree.XPath(".//w:p", namespaces={"w": nsmap["w"]})
HEADINGS = ("title", "heading", ARTICLE)           # the house's heading styles a document's may be based on


def _heading_base(sheet, style_id: str, cache: dict) -> str | None:
    """The heading style of HEADINGS `style_id` is or is based on, or None."""
    if style_id not in cache:
        found, seen, at = None, 0, style_id
        while at is not None and seen < 20:
            if at in HEADINGS:
                found = at
                break
            st = sheet.find(at)
            based = st.find(BASED_ON) if st is not None else None
            at, seen = (based.get(VAL) if based is not None else None), seen + 1
        cache[style_id] = found
    return cache[style_id]


def follow_headings(document) -> None:
    """Each heading style's next made the style that follows its paragraphs most often
    (the first seen of equals), in a document with article headings (see above)."""
    body = document.element.body
    if document.part is None:
        return
    sheet = stylesheet(document.part)
    bases: dict = {}
    if not any(_heading_base(sheet, s, bases) == ARTICLE for s in set(_STYLED(body))):
        return
    followers: dict[str, Counter] = {}
    previous = None                                # the paragraph before, if in a heading style
    for p in _PARAGRAPHS(body):                    # document order: the signature cell's last article too
        ppr = p.find(qn("w:pPr"))
        pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = pstyle.get(VAL) if pstyle is not None else None
        if previous is not None and style_id is not None and style_id != previous:
            followers.setdefault(previous, Counter())[style_id] += 1
        previous = style_id if style_id is not None and _heading_base(sheet, style_id, bases) else None
    for style_id, counts in followers.items():
        then = counts.most_common(1)[0][0]
        st = sheet.find(style_id)
        now = st.find(NEXT_TAG) if st is not None else None
        if st is None or now is not None and now.get(VAL) == then:
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

