"""Indents in paragraph styles, not on each paragraph: a clerk who adds a paragraph
in Word and gives it the style of its neighbours gets their indents and tab stops.

The blocks are written with the indents the model asks for (paragraphs.py); this
pass then gathers each distinct combination of a style with an indent (and the tab
stop an item's text starts at) into a style of its own, based on that style, and
leaves the paragraph only its style. An agreement's numbered paragraphs, items and
sub-items get the names a Japanese clerk knows (項, 号, 号の細分) and their style is
tied to their numbering level, as 条見出し is to the articles': a paragraph set in
号 is the next （４）. Any other combination is named after its style and indent
(本文（字下げ）, 本文（左３字）). Spacing a paragraph repeats from its style is
dropped too.
"""
from __future__ import annotations


from docx.oxml.ns import nsmap
from lxml import etree

from ..ooxml import PPR, el, put, qn, sub
from ..ooxml_styles import display_name
from .numbering import ARTICLE_TEXT
from .parts import STYLE_ID, KeptStylesPart, style_name, stylesheet

LEVEL_NAMES = {ARTICLE_TEXT: "条", "paragraph": "項", "item": "号", "subitem": "号の細分"}
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
# CT_Lvl's child order: pStyle goes after lvlRestart, before isLgl and suff
_LVL = [qn(f"w:{n}") for n in "start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc pPr rPr".split()]


def _chars(hundredths: str) -> str:
    n = int(hundredths) / 100
    return str(int(n)).translate(_FULL) if n == int(n) else f"{n:g}"


def _describe(ind) -> str:
    """字下げ, 左３字・ぶら下げ１字 … from the indent's *Chars (hundredths of a character)."""
    parts = []
    for key, word in (("left", "左{}字"), ("firstLine", "字下げ{}"), ("hanging", "ぶら下げ{}字")):
        value = ind.get(qn(f"w:{key}Chars"))
        if value:
            n = _chars(value)
            parts.append(word.format("" if key == "firstLine" and n == "１" else n))
    return "・".join(parts)


def _attrs(element) -> dict:
    return {k.split("}")[1]: v for k, v in element.attrib.items()}


VAL = qn("w:val")
P, PPR_TAG, PSTYLE, NUMPR, NUM_ID, ILVL = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:numPr"), qn("w:numId"), qn("w:ilvl")
IND, TABS, SPACING, TAB, NEXT_TAG = qn("w:ind"), qn("w:tabs"), qn("w:spacing"), qn("w:tab"), qn("w:next")
_OF_INTEREST = {PSTYLE: 0, NUMPR: 1, IND: 2, TABS: 3, SPACING: 4}


def indent_styles(document, lists: dict) -> None:
    """The pass described above, over every paragraph of the body, in reading order
    (the styles and their names come out the same for the same document).

    A numbered paragraph's indent is its level's (numbering.xml) as well as its
    style's: LibreOffice sets a list paragraph at its level's indent unless the
    paragraph itself has one, and Word takes the level's over the style's. So the
    paragraphs of a level are gathered into a style of the level's own (項, 号; 条 for
    the articles whose number leads their first paragraph) only when they all have the
    same indent; otherwise they keep their own. A level already tied to a style (条見出し)
    is left as it is."""
    sheet = stylesheet(document.part)
    # (level 0 is "article" and ARTICLE_TEXT both; only the latter's, the lead paragraphs, can be tied)
    ilvl_level = {ilvl: level for level, (_, ilvl) in lists.items() if level != "article"}
    list_id = {str(num) for num, _ in lists.values()}
    # [pPr, pStyle, ind, tabs, spacing, the indent's key or None, ilvl or None]; each
    # pPr's children looked at once
    found = []
    signature = []                                 # what the pass below decides from, in order (_PLANS)
    for ppr in _ADJUSTABLE(document.element.body):  # a paragraph without either has nothing to gather or drop
        got = [None] * 5                           # pStyle numPr ind tabs spacing: the first of each
        for child in ppr:
            i = _OF_INTEREST.get(child.tag)
            if i is not None and got[i] is None:
                got[i] = child
        pstyle, num, ind, tabs, spacing = got
        if pstyle is None:
            continue
        ilvl = None
        if num is not None:
            num_id = num.find(NUM_ID)
            if num_id is not None and num_id.get(VAL) in list_id:
                ilvl = int(num.find(ILVL).get(VAL))
        ind_items = tuple(ind.attrib.items()) if ind is not None else None
        tab_items = tuple(tuple(t.attrib.items()) for t in tabs) if ind is not None and tabs is not None else None
        found.append([ppr, pstyle, ind, tabs, spacing, None, ilvl])
        signature.append((pstyle.get(VAL), ind_items, tab_items, ilvl,
                          tuple(spacing.attrib.items()) if spacing is not None else None))
    plan_key = _plan_key(sheet, lists, signature)
    plan = _PLANS.get(plan_key) if plan_key is not None else None
    if plan is not None:
        _follow(sheet, found, plan)
        return
    for entry, (style_id, ind_items, tab_items, ilvl, _) in zip(found, signature):
        if ind_items is not None:                  # the indent's key: what a style of its own is made for
            # (with the level: two levels that share an indent, an article's lead paragraph
            # and its paragraphs ２, ３ at 左１字・ぶら下げ１字, get a style each)
            entry[5] = (style_id, tuple(sorted(ind_items)), tuple(tuple(sorted(t)) for t in tab_items or ()), ilvl)
    keys_at: dict = {}
    for *_, key, ilvl in found:
        if key is not None and ilvl is not None:
            keys_at.setdefault(ilvl, set()).add(key)
    tied = {}
    if keys_at:
        numbered, styled = _levels(document, lists, list_id)
        tied = {ilvl: next(iter(keys)) for ilvl, keys in keys_at.items()
                if len(keys) == 1 and ilvl not in styled
                and numbered.get(ilvl) == sum(1 for *_, key, at in found if at == ilvl and key is not None)}

    made: dict[tuple, str] = {}                    # key → style id
    names: set[str] | None = None                  # the styles' names, when a new one needs its own
    spacing_of: dict[str, dict] = {}               # style id → the spacing it gives (no style changes its own here)
    added_before = len(sheet._added) if plan_key is not None else 0
    steps = []                                     # (index in found, its new style id or None, spacing dropped)
    for at, (ppr, pstyle, ind, tabs, spacing, key, ilvl) in enumerate(found):
        new_id = None
        if key is None or (ilvl is not None and ilvl not in tied):
            style_id = pstyle.get(VAL)
        else:
            if key not in made:
                if names is None:
                    names = sheet.names()
                made[key] = _new_style(sheet, names, key[0], ind, tabs, ilvl_level.get(ilvl), len(made) + 1)
            style_id = new_id = made[key]
            pstyle.set(VAL, style_id)
            ppr.remove(ind)
            if tabs is not None:
                ppr.remove(tabs)
        dropped = False
        if spacing is not None:                    # spacing the style gives anyway is not repeated
            given = spacing_of.get(style_id)
            if given is None:
                given = spacing_of[style_id] = sheet.spacing(style_id)
            if all(given.get(k) == v for k, v in spacing.attrib.items()):
                ppr.remove(spacing)
                dropped = True
        if new_id is not None or dropped:
            steps.append((at, new_id, dropped))
    _tie_to_levels(document, lists, {ilvl: made[key] for ilvl, key in tied.items()}, sheet)
    if plan_key is not None and not tied and sheet._read_sheet() is None:
        _keep_plan(plan_key, steps, sheet, added_before)


def _levels(document, lists: dict, list_id: set) -> tuple[dict, set]:
    """How many paragraphs each level of the agreement's list numbers (ilvl → count: a
    level is tied to a style only if every one of them has the style's indent, as the
    level's indent would otherwise move the rest in LibreOffice), and the levels whose
    numbering already names a style (ilvl 0 and 条見出し, where articles have headings)."""
    numbered: dict[int, int] = {}
    for num in _NUMBERED(document.element.body):
        num_id = num.find(NUM_ID)
        if num_id is not None and num_id.get(VAL) in list_id:
            ilvl = int(num.find(ILVL).get(VAL))
            numbered[ilvl] = numbered.get(ilvl, 0) + 1
    styled: set[int] = set()
    numbering = document.part.numbering_part.element
    for num_id in list_id:
        styled |= {int(lvl.get(qn("w:ilvl"))) for lvl in _abstract(numbering, num_id).findall(qn("w:lvl"))
                   if lvl.find(PSTYLE) is not None}
    return numbered, styled


def _abstract(numbering, num_id: str):
    """The abstractNum (the levels) of the list numId `num_id`."""
    abstract_id = next(n.find(qn("w:abstractNumId")).get(VAL) for n in numbering.findall(qn("w:num"))
                       if n.get(qn("w:numId")) == num_id)
    return next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)


_NUMBERED = etree.XPath(".//w:p/w:pPr/w:numPr", namespaces={"w": nsmap["w"]})


# A document's pass above, kept by everything that decides it: the prepared styles
# (KeptStyles: the house style's), the styles the document added before it (表題（明朝）),
# and each paragraph's style, indent, tab stops and spacing in reading order. A
# batch's notices from one template repeat them paragraph for paragraph (their text
# differs, not their properties), and the pass then only makes its changes, the
# styles it made copied in one go: looking up names and spacing again and copying
# each style on its own (an lxml document each) cost more than the changes. Only for
# a styles part read from the prepared one (parts.KeptStylesPart) and a document
# without levels Word numbers (an agreement's: the pass ties levels to styles).
_PLANS: dict[tuple, tuple] = {}
_PLANS_KEEP = 64


def _plan_key(sheet, lists: dict, signature: list) -> tuple | None:
    if lists or not isinstance(sheet, KeptStylesPart) or sheet._read_sheet() is not None:
        return None
    return sheet._facts, tuple((st.get(STYLE_ID), style_name(st)) for st in sheet._added), tuple(signature)


def _keep_plan(plan_key: tuple, steps: list, sheet, added_before: int) -> None:
    """The pass's changes and the styles it made, in one element (see _PLANS)."""
    styles = sheet._facts.root.__copy__()
    for st in sheet._added[added_before:]:
        styles.append(st.__copy__())
    if len(_PLANS) >= _PLANS_KEEP:
        del _PLANS[next(iter(_PLANS))]             # the oldest
    _PLANS[plan_key] = (tuple(steps), styles)


def _follow(sheet, found: list, plan: tuple) -> None:
    """The pass's changes as a kept plan has them, for paragraphs the plan was made from."""
    steps, styles = plan
    for at, new_id, dropped in steps:
        ppr, pstyle, ind, tabs, spacing, _, _ = found[at]
        if new_id is not None:
            pstyle.set(VAL, new_id)
            ppr.remove(ind)
            if tabs is not None:
                ppr.remove(tabs)
        if dropped:
            ppr.remove(spacing)
    sheet.add_all(styles.__copy__())


# the paragraphs' properties that hold an indent or spacing, in reading order (table
# cells too), found in one XPath call instead of a look at every paragraph
_ADJUSTABLE = etree.XPath(".//w:p/w:pPr[w:ind or w:spacing]", namespaces={"w": nsmap["w"]})


# A style made for an indent, kept by everything that decides it, so that the next
# document's is a copy (a tree copied costs less than its elements made one by one)
_MADE_STYLES: dict[tuple, object] = {}


def _new_style(sheet, names: set, base: str, ind, tabs, level: str | None, n: int) -> str:
    """A paragraph style based on `base` with the indent and tab stops, named after
    its level (項, 号) or its indent (本文（字下げ）); returns its id. (Made in place:
    an lxml element made free costs a document of its own.)"""
    name = LEVEL_NAMES.get(level) or f"{display_name(base)}（{_describe(ind.attrib)}）"
    unique, k = name, 1
    while unique in names:
        k += 1
        unique = f"{name}{str(k).translate(_FULL)}"
    names.add(unique)
    style_id = f"{base}-{n}"
    # Enter after it gives its base's next where the base names one (a heading's: 条見出し
    # （左１字） gives 本文, which next_styles.py may make the article's text), else itself
    found = sheet.find(base)
    based_next = found.find(NEXT_TAG) if found is not None else None
    next_id = based_next.get(VAL) if based_next is not None else style_id
    key = (unique, base, n, level, tuple(ind.attrib.items()), tuple(tuple(t.attrib.items()) for t in tabs)
           if tabs is not None else None, next_id)
    made = _MADE_STYLES.get(key)
    if made is not None:
        sheet.add(made.__copy__())
        return style_id
    st = sheet.new_style(type="paragraph", styleId=style_id)
    sub(st, "name", val=unique)
    sub(st, "basedOn", val=base)
    sub(st, "next", val=next_id)
    if level in LEVEL_NAMES or set(ind.attrib) == {qn("w:firstLine"), qn("w:firstLineChars")}:
        sub(st, "qFormat")                         # in the style gallery: 項, 号, 本文（字下げ）
    spr = sub(st, "pPr")                           # tabs before ind, in schema order
    if tabs is not None:
        tab_stops = sub(spr, "tabs")
        for t in tabs:
            sub(tab_stops, "tab", **_attrs(t))
    sub(spr, "ind", **_attrs(ind))
    if len(_MADE_STYLES) >= 512:
        del _MADE_STYLES[next(iter(_MADE_STYLES))]
    _MADE_STYLES[key] = st.__copy__()
    return style_id


def _tie_to_levels(document, lists: dict, tied: dict, sheet) -> None:
    """Each level gathered into one style is tied to it both ways (the level's pStyle,
    the style's numPr), and carries the style's indent and tab stop (see above)."""
    if not lists or not tied:
        return
    numbering = document.part.numbering_part.element
    num_id = next(iter(lists.values()))[0]
    abstract = _abstract(numbering, str(num_id))
    for ilvl, style_id in sorted(tied.items()):
        lvl = next(x for x in abstract.findall(qn("w:lvl")) if x.get(qn("w:ilvl")) == str(ilvl))
        new, rank = el("pStyle", val=style_id), _LVL.index(qn("w:pStyle"))
        later = next((c for c in lvl if c.tag in _LVL and _LVL.index(c.tag) > rank), None)
        later.addprevious(new) if later is not None else lvl.append(new)
        spr = sheet.find(style_id).find(qn("w:pPr"))       # a style this document added: its own
        lvl_ppr = el("pPr")
        tabs = spr.find(qn("w:tabs"))
        if tabs is not None:                       # the tab after the number: Word's list tab
            put(lvl_ppr, "tabs", PPR).extend(el("tab", **{**_attrs(t), "val": "num"}) for t in tabs)
        put(lvl_ppr, "ind", PPR, **_attrs(spr.find(qn("w:ind"))))
        lvl.append(lvl_ppr)                        # pPr comes after lvlJc, last but rPr (none)
        put(spr, "numPr", PPR).extend([el("ilvl", val=ilvl), el("numId", val=num_id)])
