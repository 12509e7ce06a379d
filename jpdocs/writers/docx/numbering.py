"""Word numbering (numbering.xml) for an agreement's articles, paragraphs, items
and sub-items, so that Word renumbers them when a clerk inserts one.
"""
from __future__ import annotations

from ...content import model as m
from ...enumeration import IROHA_ITEMS
from ...japanese import em_width
from ..ooxml import PPR, el, ppr_of, put, qn
from ..ooxml_styles import ARTICLE
from .parts import stylesheet

# ---------------------------------------------------------------- numbering
LEVELS = ("article", "paragraph", "item", "subitem")     # ilvl 0-3 of the one list an agreement has
# An article's number is its heading's (第１条（目的）: "article") or, where the house sets
# the heading above it or the article has none, the lead of its first paragraph (（目的）
# over 第１条　この協定は…: "article_text"); either way the list's level 0.
ARTICLE_TEXT = "article_text"
# an article's heading above a first paragraph that leads with the number ((目的) above
# 第１条　…): no level of the list, set in 条見出し where that style takes no number
ARTICLE_HEADING = "article_heading"
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
_KANJI = "〇一二三四五六七八九"


def _counting(n: int) -> str | None:
    """Word's japaneseCounting: 一 … 十, 十一 … 九十九; None from 百 on, which this module does not
    claim Word and LibreOffice print alike (a 100th article in kanji stays typed text)."""
    if n >= 100:
        return None
    tens, ones = divmod(n, 10)
    return (("" if tens < 2 else _KANJI[tens]) + ("十" if tens else "") + (_KANJI[ones] if ones else "")) or _KANJI[0]


# Word's Japanese number formats, as Word and LibreOffice print the value n
FORMATS = {"decimalFullWidth": lambda n: str(n).translate(_FULL), "decimal": str,
           "aiueoFullWidth": lambda n: IROHA_ITEMS[(n - 1) % len(IROHA_ITEMS)], "japaneseCounting": _counting}


def _marker_text(b, gap: str = "") -> str:
    if not isinstance(b, m.Paragraph):
        return b.marker
    return b.number + gap if b.numbering in ("article", ARTICLE_TEXT) else b.number


def lead_number(b: m.Paragraph, gap: str) -> str:
    """What Word prints of the paragraph's lead: its number, and an article's gap after it."""
    return _marker_text(b, gap)


def article_gap(blocks) -> str:
    """The gap after every article's number (第１条　この協定は…, 第１条　目的), "　", made
    part of the number Word prints (lvlText 第%1条　, as the paragraphs' %2　): an article a
    clerk adds with Enter then reads 第２条　甲及び乙は… as the others, not 第２条甲及び乙は….
    "" where an article's number runs into its text (第１条（目的）) or the articles differ:
    there the gap, if any, stays typed in each paragraph's text, as a level prints one text.
    "" too where the text names an article by its number (第２条に掲げる): that reference is
    a REF field printing the number as the list does, so the gap would print in it
    (第二条　に掲げる in LibreOffice's PDF; Word's REF \\r prints the level's literal text, as 第 and 条)."""
    blocks = m.every_block(blocks)
    leads = [b for b in blocks if isinstance(b, m.Paragraph) and b.seq > 0 and b.numbering in ("article", ARTICLE_TEXT)]
    gap = "　"
    typed = all(b.inlines and isinstance(b.inlines[0], m.Text) and b.inlines[0].text.startswith(b.number + gap)
                for b in leads)
    referred = any(isinstance(i, m.Reference) and i.article for b in blocks
                   if isinstance(b, (m.Paragraph, m.Item)) for i in b.inlines)
    return gap if leads and typed and not referred else ""


def list_levels(blocks, gap: str = "") -> dict[str, tuple[str, str, int, str]]:
    """For each numbering level the blocks use: (numFmt, lvlText, start, suffix) when
    one of Word's formats prints every one of its numbers as the text has it
    (第１条 … 第９条: decimalFullWidth, 第%1条); a level whose numbers no format
    prints (mixed digits: 第９条, 第10条), or articles whose numbers skip one (第６条,
    第８条: Word would print 第７条), stays typed text, and so do the levels under it.
    `gap`: what article_gap found after every article's number, printed by Word with it."""
    found: dict[str, list] = {}
    headed = False                    # whether an article's number is its heading's
    items_first = False               # an article's items before its paragraph ２ (see below)
    below: set[str] = set()           # the levels seen since the last article
    for b in m.walk(blocks):
        if isinstance(b, (m.Paragraph, m.Item)) and (b.numbering in LEVELS or b.numbering == ARTICLE_TEXT) \
                and b.seq > 0:
            level = "article" if b.numbering == ARTICLE_TEXT else b.numbering
            found.setdefault(level, []).append(b)
            headed = headed or b.numbering == "article"
            if level == "article":
                below = set()
            else:
                items_first = items_first or (level == "paragraph" and "item" in below and level not in below)
                below.add(level)
    plan = {}
    for level, bs in found.items():
        ilvl = LEVELS.index(level)
        if level == "article" and [b.seq for b in bs] != list(range(bs[0].seq, bs[0].seq + len(bs))):
            continue      # a number the text skips (第６条, 第８条): Word counts on, so typed text
        for fmt, show in FORMATS.items():
            texts = set()
            for b in bs:
                shown, marker = show(b.seq), _marker_text(b, gap)
                if not marker or shown is None or shown not in marker:
                    break
                texts.add(marker.replace(shown, f"%{ilvl + 1}", 1))
            else:
                if len(texts) == 1:
                    suffix = "nothing"
                    if isinstance(bs[0], m.Item):
                        marker_em = em_width(bs[0].marker)
                        hang = bs[0].hang if bs[0].hang is not None else marker_em + 1
                        suffix = "tab" if hang > marker_em else "nothing"
                    plan[level] = (fmt, texts.pop(), min(b.seq for b in bs), suffix)
                    break
    # a level restarts only under a level above it that Word numbers: below a level
    # left as typed text (第10条 in mixed digits), the lower ones are typed text too;
    # and without articles Word numbers (第３条 typed in the lead of the first paragraph,
    # under a heading （協力要請）), nothing would restart the paragraphs at each article:
    # 第３条's second paragraph would read ３, the count run on from 第１条's
    if items_first:
        # the first paragraph's items (（１）…（５）) before ２: LibreOffice counts the
        # paragraph level as used by the items under it and prints ３ where Word and the
        # PDF print ２; the paragraphs, and the items under them, stay typed text
        plan.pop("paragraph", None)
    for i, level in enumerate(LEVELS):
        if (level in found or i == 0) and level not in plan:
            for lower in LEVELS[i + 1:]:
                plan.pop(lower, None)
    if "article" in plan and not headed:
        # numbers in the paragraphs' leads only: the level is tied to no style, as
        # 条見出し would then number a heading a clerk adds (（目的）) as an article
        plan[ARTICLE_TEXT] = plan.pop("article")
    return plan


def add_numbering(document, plan) -> dict:
    """One multi-level list in numbering.xml for the levels of `plan`: articles
    (第%1条), paragraphs (%2　, from ２), items （%3） and sub-items %4 (ア), each
    restarting under the level above, so that an article inserted in Word renumbers
    the rest. Indents stay the paragraphs' own. Returns level → (numId, ilvl)."""
    if not plan:
        return {}
    numbering = document.part.numbering_part.element
    sheet = stylesheet(document.part)
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    nums = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max(ids, default=-1) + 1, max(nums, default=0) + 1
    abstract = el("abstractNum", abstractNumId=abstract_id)
    abstract.append(el("nsid", val=f"{0x4A500000 + abstract_id:08X}"))
    abstract.append(el("multiLevelType", val="multilevel"))
    for ilvl, level in enumerate(LEVELS):
        fmt, text, start, suffix = plan.get(level) or plan.get(ARTICLE_TEXT if ilvl == 0 else level) \
            or ("decimal", f"%{ilvl + 1}", 1, "nothing")
        lvl = el("lvl", ilvl=ilvl)
        lvl.extend([el("start", val=start), el("numFmt", val=fmt)])
        if level == "article" and level in plan and sheet.find(ARTICLE) is not None:
            lvl.append(el("pStyle", val=ARTICLE))
        lvl.extend([el("suff", val=suffix), el("lvlText", val=text), el("lvlJc", val="left")])
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(abstract) if first_num is not None else numbering.append(abstract)
    num = el("num", numId=num_id)
    num.append(el("abstractNumId", val=abstract_id))
    numbering.append(num)
    if "article" in plan and sheet.find(ARTICLE) is not None:
        # a paragraph a clerk sets in 条見出し is the next article: 第８条
        pr = put(sheet.own(ARTICLE).get_or_add_pPr(), "numPr", PPR)
        pr.append(el("numId", val=num_id))
    lists = {level: (num_id, LEVELS.index(level)) for level in plan if level != ARTICLE_TEXT}
    if "article" in plan or ARTICLE_TEXT in plan:    # (a lead paragraph where others have headings, too)
        lists["article"] = lists[ARTICLE_TEXT] = (num_id, 0)
    return lists


def style_by_id_in(box, style_id: str) -> bool:
    """Whether the document holding `box` has the style (an office's own reference may not)."""
    return hasattr(box, "part") and stylesheet(box.part).find(style_id) is not None


def article_style_unnumbered(box) -> bool:
    """Whether the document has 条見出し and it is not tied to the articles' numbering (it
    is where headings carry the numbers): a heading set in it then takes no number."""
    if not style_by_id_in(box, ARTICLE):
        return False
    pPr = stylesheet(box.part).find(ARTICLE).find(qn("w:pPr"))
    return pPr is None or pPr.find(qn("w:numPr")) is None


def numbering_of(ctx, level: str | None):
    return (ctx.lists or {}).get(level) if level else None


def set_number(p, numbered) -> None:
    num_id, ilvl = numbered
    pr = put(ppr_of(p), "numPr", PPR)
    pr.extend([el("ilvl", val=ilvl), el("numId", val=num_id)])
