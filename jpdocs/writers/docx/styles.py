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

from docx.oxml.ns import qn

from ..ooxml import PPR, display_name, el, put
from .numbering import LEVELS

LEVEL_NAMES = {"paragraph": "項", "item": "号", "subitem": "号の細分"}
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


def _styles_by_id(styles) -> dict:
    return {st.get(qn("w:styleId")): st for st in styles.findall(qn("w:style"))}


def _spacing_of(style_id: str, by_id: dict) -> dict:
    """The spacing a style gives (its own over its bases')."""
    chain = []
    while style_id in by_id and len(chain) < 20:
        st = by_id[style_id]
        chain.append(st)
        based = st.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None
    out: dict = {}
    for st in reversed(chain):
        sp = st.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
        if sp is not None:
            out.update(sp.attrib)
    return out


def _drop_repeated_spacing(ppr, style_id: str, by_id: dict) -> None:
    spacing = ppr.find(qn("w:spacing"))
    if spacing is not None and all(_spacing_of(style_id, by_id).get(k) == v for k, v in spacing.attrib.items()):
        ppr.remove(spacing)


def indent_styles(document, lists: dict) -> None:
    """The pass described above, over every paragraph of the body, in reading order
    (the styles and their names come out the same for the same document)."""
    styles = document.styles.element
    by_id = _styles_by_id(styles)
    ilvl_level = {ilvl: level for level, (_, ilvl) in lists.items()}
    list_id = {num for num, _ in lists.values()}
    made: dict[tuple, str] = {}                    # (base, indent, tabs) → style id
    names: set[str] = {st.find(qn("w:name")).get(qn("w:val")) for st in by_id.values()
                       if st.find(qn("w:name")) is not None}
    at_level: dict[int, set[str]] = {}             # ilvl → derived styles of its paragraphs
    used_by: dict[str, set] = {}                   # derived style → ilvls (None: not numbered)
    for p in document.element.body.iter(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
        if pstyle is None:
            continue
        ind = ppr.find(qn("w:ind"))
        if ind is None:
            _drop_repeated_spacing(ppr, pstyle.get(qn("w:val")), by_id)
            continue
        base = pstyle.get(qn("w:val"))
        tabs = ppr.find(qn("w:tabs"))
        key = (base, tuple(sorted(ind.attrib.items())),
               tuple(tuple(sorted(t.attrib.items())) for t in tabs) if tabs is not None else ())
        num = ppr.find(qn("w:numPr"))
        ilvl = None
        if num is not None and num.find(qn("w:numId")) is not None \
                and int(num.find(qn("w:numId")).get(qn("w:val"))) in list_id:
            ilvl = int(num.find(qn("w:ilvl")).get(qn("w:val")))
        if key not in made:
            level = ilvl_level.get(ilvl)
            name = LEVEL_NAMES.get(level) or f"{display_name(base)}（{_describe(ind.attrib)}）"
            unique, n = name, 1
            while unique in names:
                n += 1
                unique = f"{name}{str(n).translate(_FULL)}"
            names.add(unique)
            style_id = f"{base}-{len(made) + 1}"
            st = el("style", type="paragraph", styleId=style_id)
            st.extend([el("name", val=unique), el("basedOn", val=base), el("next", val=style_id)])
            if level in LEVEL_NAMES or set(ind.attrib) == {qn("w:firstLine"), qn("w:firstLineChars")}:
                st.append(el("qFormat"))           # in the style gallery: 項, 号, 本文（字下げ）
            spr = el("pPr")
            if tabs is not None:
                put(spr, "tabs", PPR).extend(el("tab", **{k.split("}")[1]: v for k, v in t.attrib.items()}) for t in tabs)
            put(spr, "ind", PPR, **{k.split("}")[1]: v for k, v in ind.attrib.items()})
            st.append(spr)
            styles.append(st)
            by_id[style_id] = st
            made[key] = style_id
        style_id = made[key]
        pstyle.set(qn("w:val"), style_id)
        ppr.remove(ind)
        if tabs is not None:
            ppr.remove(tabs)
        used_by.setdefault(style_id, set()).add(ilvl)
        if ilvl is not None:
            at_level.setdefault(ilvl, set()).add(style_id)
        _drop_repeated_spacing(ppr, style_id, by_id)
    _tie_to_levels(document, lists, at_level, used_by, by_id)


def _tie_to_levels(document, lists: dict, at_level: dict, used_by: dict, by_id: dict) -> None:
    """A level whose paragraphs all have one style, used by no other paragraph, is
    tied to it both ways (the level's pStyle, the style's numPr)."""
    if not lists:
        return
    numbering = document.part.numbering_part.element
    num_id = next(iter(lists.values()))[0]
    abstract_id = next(n.find(qn("w:abstractNumId")).get(qn("w:val")) for n in numbering.findall(qn("w:num"))
                       if n.get(qn("w:numId")) == str(num_id))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    for level in LEVELS[1:]:
        if level not in lists:
            continue
        ilvl = lists[level][1]
        found = at_level.get(ilvl, set())
        if len(found) != 1:
            continue
        style_id = found.pop()
        if used_by[style_id] != {ilvl}:
            continue
        lvl = next(x for x in abstract.findall(qn("w:lvl")) if x.get(qn("w:ilvl")) == str(ilvl))
        new, rank = el("pStyle", val=style_id), _LVL.index(qn("w:pStyle"))
        later = next((c for c in lvl if c.tag in _LVL and _LVL.index(c.tag) > rank), None)
        later.addprevious(new) if later is not None else lvl.append(new)
        pr = put(by_id[style_id].find(qn("w:pPr")), "numPr", PPR)
        pr.extend([el("ilvl", val=ilvl), el("numId", val=num_id)])
