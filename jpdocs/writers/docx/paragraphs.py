"""One paragraph of the DOCX: its style (or a variant of it), indents, runs and
fonts. The line breaks the PDF chose for titles and a list's cells are
line_breaks.py's.
"""
from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, replace

from lxml.etree import SubElement

from ... import japanese
from ...fonts import registry as fonts
from ...content import model as m
from ...spec.style import HouseStyle
from ..ooxml import ALIGN, RPR, put, qn, twips, w
from ..ooxml_styles import display_name, font_names, paragraph_style, role_font, set_fonts
from . import fields
from .parts import stylesheet


@dataclass(frozen=True)
class Ctx:
    """Where a block is written: the room it has and what its container sets."""
    style: HouseStyle
    width: int                     # twips a table may take here
    indent: float = 0.0            # extra left indent in points (an item's own blocks)
    in_cell: bool = False
    align: str | None = None       # a cell's alignment, for paragraphs that give none
    colour: str | None = None      # text colour (hex) inside a cell that sets one
    lists: dict | None = None      # numbering level → (numId, ilvl, suffix), for the levels Word numbers
    pdf_lines: bool = False        # break a cell's lines where the PDF does (a list's cells: no date split)
    article_gap: str = ""          # printed by Word after each article's number (numbering.article_gap)

    def but(self, **changes) -> "Ctx":
        """A copy with `changes` (dataclasses.replace, without its checks: a cell or an
        item's blocks ask for one)."""
        made = object.__new__(Ctx)
        made.__dict__.update(self.__dict__, **changes)
        return made


@dataclass(frozen=True)
class Narrowed(m.Text):
    """A punctuation mark the PDF squeezed to fit its line (約物の詰め), set at `scale`
    per cent of its width (w:w): Word and LibreOffice do not squeeze punctuation, and a
    line the DOCX breaks where the PDF does must fit their column too (line_breaks.py).
    LibreOffice honours w:w when it breaks lines; a negative w:spacing it does not
    (tried: ズ・ stayed too long for its line)."""
    scale: int = 100


class Box:
    """Where blocks are written: an element (the body, a table cell) and the document
    part that holds it, the two things the writer asks of python-docx's containers."""
    __slots__ = ("_element", "part")

    def __init__(self, element, part):
        self._element, self.part = element, part


def new_child(box, tag: str):
    """A new paragraph or table (`tag`) at the end of the box's content: in the body
    before its sectPr, as python-docx's add_paragraph and add_table put it."""
    made = SubElement(box._element, tag)
    before = made.getprevious()
    if before is not None and before.tag == SECTPR_TAG:
        before.addprevious(made)
    return made


# A batch's documents repeat most of their paragraphs (the office's wording, labels,
# contacts): each paragraph made is kept, by everything that decides its XML, and a
# paragraph asked for again is a copy of it (lxml copies a tree ten times faster than
# it makes one element by element). The last few thousand are kept.
_PARAS: dict[tuple, tuple] = {}
_PARAS_KEEP = 4096


def para(box, ctx: Ctx, name: str, inlines, *, align=None, first=0.0, left=0.0, hanging=0.0,
          before=None, after=None, tracking=0.0, keep=False, tab: int | None = None):
    """One paragraph at the end of the box; returns its w:p (the caller's own to
    change). Indents are em of the style's size; Word also gets the *Chars forms
    (hundredths of a character), which it prefers for Japanese text. `tab`: a left
    tab stop there (twips), where an item's text starts."""
    refs = "article" in (ctx.lists or {})
    key = (id(ctx.style), name, tuple(inlines), align, first, left, hanging, before, after, tracking, keep,
           ctx.indent, ctx.in_cell, ctx.align, ctx.colour, refs, tab)
    try:
        kept = _PARAS.get(key)
    except TypeError:              # an inline that cannot be a key: made, not kept
        return _new_para(box, ctx, name, inlines, align, first, left, hanging, before, after, tracking, keep,
                         refs, tab)[0]
    if kept is not None and kept[0] is ctx.style:
        _, made, role = kept
        if role is not None:       # the paragraph's style of its own, in this document too
            _variant_style(box.part, ctx.style, name, role)
        p = made.__copy__()
        parent = box._element
        last = parent[-1] if len(parent) else None
        last.addprevious(p) if last is not None and last.tag == SECTPR_TAG else parent.append(p)
        return p
    p, role = _new_para(box, ctx, name, inlines, align, first, left, hanging, before, after, tracking, keep, refs,
                        tab)
    if len(_PARAS) >= _PARAS_KEEP:
        del _PARAS[next(iter(_PARAS))]             # the oldest
    _PARAS[key] = (ctx.style, p.__copy__(), role)
    return p


def _new_para(box, ctx: Ctx, name: str, inlines, align, first, left, hanging, before, after, tracking, keep,
              refs: bool, tab: int | None = None):
    """The paragraph made (see para), and the font role of its style of its own, if any."""
    ps = paragraph_style(ctx.style, name)
    # The XML python-docx's add_paragraph and its style, alignment, indent and spacing
    # setters write, made directly and in schema order (pStyle keepNext tabs spacing ind jc):
    # python-docx's setters search each element's successors on every call.
    p = new_child(box, P_TAG)
    pPr = SubElement(p, PPR_TAG)
    pstyle = SubElement(pPr, PSTYLE_TAG, {VAL: name})   # style id == name: no lookup by display name
    role = _variant_role(ctx.style, name, inlines)
    if role is not None and _variant_style(box.part, ctx.style, name, role):
        pstyle.set(VAL, f"{name}-{role}")
        inlines = [replace(i, font=None) if isinstance(i, (m.Spread, Narrowed))
                   else m.Text(i.text, i.bold, None, size=i.size, changed=i.changed, changed_at=i.changed_at)
                   if isinstance(i, m.Text) else i
                   for i in inlines]
    else:
        role = None
    if keep:
        SubElement(pPr, KEEPNEXT_TAG)
    if tab is not None:
        SubElement(SubElement(pPr, TABS_TAG), TAB_TAG, {VAL: "left", w("pos"): str(tab)})
    if ctx.in_cell:
        # cells are padded: the first paragraph's space above and the last's below would
        # double it, and the cell takes them off (tables._cell); between two paragraphs
        # it stays, as in the PDF's cell (an overview sheet's items, half an em apart)
        before, after = before or 0, after or 0
    if before is not None or after is not None:
        SubElement(pPr, SPACING_TAG, {w(k): str(_twips_as_docx(v)) for k, v in (("before", before), ("after", after))
                                      if v is not None})
    if first < 0:
        first, hanging = 0.0, hanging - first
    ind = {}
    for key, em in (("left", left + ctx.indent / ps.size), ("firstLine", first), ("hanging", hanging)):
        if em:
            ind.update({w(key): str(twips(em * ps.size)), w(f"{key}Chars"): str(round(em * 100))})
    if ind:
        SubElement(pPr, IND_TAG, ind)
    if align or ctx.align:
        SubElement(pPr, JC_TAG, {VAL: JC[align or ctx.align]})
    _runs(p, ctx.style, inlines, round(tracking * ps.size * 20), role or ps.font, ctx.colour, refs=refs,
          size=ps.size)
    return p, role


P_TAG, PPR_TAG, PSTYLE_TAG, R_TAG, T_TAG, VAL = w("p"), w("pPr"), w("pStyle"), w("r"), w("t"), w("val")
KEEPNEXT_TAG, SPACING_TAG, IND_TAG, JC_TAG, SECTPR_TAG = w("keepNext"), w("spacing"), w("ind"), w("jc"), w("sectPr")
RPR_TAG, BR_TAG, TAB_TAG, TABS_TAG, XML_SPACE = w("rPr"), w("br"), w("tab"), w("tabs"), qn("xml:space")
RFONTS_TAG, B_TAG, COLOR_TAG, W_TAG = w("rFonts"), w("b"), w("color"), w("w")
JC = {key: value.xml_value for key, value in ALIGN.items()}      # justify: both, 両端揃え


def _twips_as_docx(points: float) -> int:
    """Points as python-docx writes them in twips (Pt → EMU → twips, rounded)."""
    return int(round(int(points * 12700) / 635.0))


def _variant_role(style: HouseStyle, name: str, inlines) -> str | None:
    """A paragraph whose every run is set in one other font role (an agreement's title
    in Mincho where 表題 is bold Gothic) gets a style of its own, based on its style
    (表題（明朝）), rather than a font override on each run: a clerk retyping the
    title keeps its font. That font role, or None."""
    texts = [i for i in inlines if isinstance(i, m.Text) and i.text]
    roles = {i.font for i in texts}
    if not texts or len(roles) != 1 or None in roles or any(i.bold for i in texts):
        return None
    role = roles.pop()
    if role == paragraph_style(style, name).font or role not in style.fonts:
        return None
    return role


def _variant_style(part, style: HouseStyle, name: str, role: str) -> bool:
    """The style of its own (see _variant_role) in the document's styles, added the
    first time a paragraph of the document needs it; False where there are no styles."""
    variant = f"{name}-{role}"
    if part is None:
        return False
    sheet = stylesheet(part)
    if sheet.find(variant) is None:
        new = deepcopy(sheet.find(name))
        new.set(qn("w:styleId"), variant)
        new.find(qn("w:name")).set(qn("w:val"), f"{display_name(name)}（{ROLE_NAMES.get(role, role)}）")
        based = new.find(qn("w:basedOn"))
        based.set(qn("w:val"), name)
        family, bold = role_font(style, role)
        rpr = new.find(qn("w:rPr"))
        set_fonts(rpr, family)
        put(rpr, "b", RPR, val=1 if bold else 0)
        sheet.add(new)
    return True


ROLE_NAMES = {"mincho": "明朝", "gothic": "ゴシック", "gothic-bold": "ゴシック太字"}


def _whole_as_text(inlines) -> list:
    """A name kept whole (model.Whole) is text to Word, which breaks lines its own way
    (or where the PDF does, its lines given): one run with the text it joins."""
    out: list = []
    joined = False                       # whether out[-1] holds a Whole's text
    # a run partly changed (changed_at) as its pieces, each changed or not, for the joins
    inlines = [piece for i in inlines for piece in _pieces(i)]
    for i in inlines:
        whole = type(i) is m.Whole
        if whole or (joined and type(i) is m.Text):
            prev = out[-1] if out else None
            if type(prev) is m.Text and (prev.bold, prev.font, prev.size, prev.changed) == (i.bold, i.font, i.size,
                                                                                            i.changed):
                out[-1] = m.Text(prev.text + i.text, i.bold, i.font, size=i.size, changed=i.changed)
                joined = True
                continue
            i = m.Text(i.text, i.bold, i.font, size=i.size, changed=i.changed)
        out.append(i)
        joined = whole
    return out


def _pieces(i) -> list:
    """The inline; a run partly changed (changed_at) as runs of its kind, each changed
    or not (m.changed_pieces)."""
    if not isinstance(i, m.Text) or not i.changed_at:
        return [i]
    out, at = [], 0
    for text, _ in m.changed_pieces(i):
        out.append(m.sliced(i, at, at + len(text)))
        at += len(text)
    return out


def _runs(p, style: HouseStyle, inlines, spacing: int, base_role: str | None = None,
          colour: str | None = None, refs: bool = False, size: float = 10.5) -> None:
    """Runs for the inlines. Tracking (w:spacing) goes between characters, so the last
    character before a line break or the paragraph's end is split off without it; a
    Spread's characters but its last get the spacing that sets them across its width
    (as many em of the style's `size`: 日時 across three, 1 em after 日).
    A character the run's font lacks gets a run of its own in the house style's
    fallback font (IPAmj明朝 for a rare name kanji), as the PDF draws it. With `refs`
    (Word numbers the articles), a reference to an article (第２条) is a REF field
    to that article's heading, its text the field's result (fields.py)."""
    fallbacks = fonts.fallback_names(style) if style.fallback_fonts else []
    registered = fonts.register(style) if fallbacks else {}
    if any(type(i) is m.Whole for i in inlines):
        inlines = _whole_as_text(inlines)
    for i, inline in enumerate(inlines):
        if isinstance(inline, m.LineBreak):
            SubElement(SubElement(p, R_TAG), BR_TAG)     # python-docx's add_run().add_break()
            continue
        # bold is set in the bold Gothic, as the PDF writer does
        role = "gothic-bold" if inline.bold and "gothic-bold" in style.fonts else inline.font
        family, bold = role_font(style, role) if role else (None, False)
        bold = bold or inline.bold
        rest = inlines[i + 1:]
        stop = next((j for j, x in enumerate(rest) if isinstance(x, m.LineBreak)), len(rest))
        last = spacing and not any(x.text for x in rest[:stop])
        text = inline.text
        field_start = len(p) if refs and isinstance(inline, m.Reference) and inline.article else None
        primary = registered.get(role or base_role or "", "")
        pieces_of = [(text[:-1], spacing), (text[-1:], 0)] if last else [(text, spacing)]
        if isinstance(inline, m.Spread) and len(text) > 1 and inline.gaps:
            # each character its own gap (a typed signature line), runs of one spacing joined
            pieces_of = []
            for ch, sp in zip(text, [round(g * size * 20) for g in inline.gaps] + [0 if last else spacing]):
                if pieces_of and pieces_of[-1][1] == sp:
                    pieces_of[-1] = (pieces_of[-1][0] + ch, sp)
                else:
                    pieces_of.append((ch, sp))
        elif isinstance(inline, m.Spread) and len(text) > 1:
            # its width in em of the paragraph's size, its characters in the run's own
            extra = (inline.width * size - japanese.em_width(text) * (inline.size or size)) / (len(text) - 1)
            if extra > 0:
                pieces_of = [(text[:-1], round(extra * 20)), (text[-1:], 0 if last else spacing)]
        scale = inline.scale if type(inline) is Narrowed else 100
        at = 0
        for whole, sp in pieces_of:
            at += len(whole)
            if not whole:
                continue
            # a part a corrected release changed: in the house's colour for it, as the PDF
            # sets it; a run partly changed (changed_at) cut at its ends, each piece with
            # the spacing its characters have (a Spread's glyphs where they were)
            for text, changed in (m.changed_pieces(m.sliced(inline, at - len(whole), at)) if inline.changed_at
                                  else [(whole, inline.changed)]):
                run_colour = style.colours["changed"] if changed else colour
                pieces = (fonts.runs_by_font(text, primary, fallbacks) if primary and fallbacks
                          else [(text, primary)])
                for chunk, name in pieces:
                    _run(p, chunk, family if name == primary else font_names(fonts.path_of(name))[0],
                         bold, sp, run_colour, regular=bool(family) and not bold, scale=scale, size=inline.size)
        if field_start is not None:
            fields.wrap_result(p, field_start, fields.article_ref(inline.article))


_CONTROLS = re.compile(r"([\t\n\r])")


def _text(r, text: str) -> None:
    t = SubElement(r, T_TAG)
    t.text = text                  # lxml escapes <&>
    if len(text.strip()) < len(text):              # a space at either end (U+3000 too) is kept
        t.set(XML_SPACE, "preserve")


def _run(p, chunk: str, family: str | None, bold: bool, sp: int, colour: str | None = None,
         regular: bool = False, scale: int = 100, size: float | None = None) -> None:
    r = SubElement(p, R_TAG)       # the <w:r> python-docx's add_run(chunk) writes, made directly
    if "\t" in chunk or "\n" in chunk or "\r" in chunk:
        for piece in _CONTROLS.split(chunk):       # as python-docx: a tab is w:tab, \n and \r each a w:br
            if piece == "\t":
                SubElement(r, TAB_TAG)
            elif piece in ("\n", "\r"):
                SubElement(r, BR_TAG)
            elif piece:
                _text(r, piece)
    else:
        _text(r, chunk)
    if not (family or bold or regular or colour or sp or scale != 100 or size):
        return
    rpr = SubElement(r, RPR_TAG)   # children in schema order: rFonts b color spacing w sz szCs
    r.insert(0, rpr)
    if family:
        SubElement(rpr, RFONTS_TAG, {w("ascii"): family, w("hAnsi"): family, w("eastAsia"): family, w("cs"): family})
    if bold:
        SubElement(rpr, B_TAG)
    elif regular:                  # a regular font role inside a bold style (a Mincho title) stays regular, as in the PDF
        SubElement(rpr, B_TAG, {VAL: "0"})
    if colour:
        SubElement(rpr, COLOR_TAG, {VAL: colour.lstrip("#").upper()})
    if sp:
        SubElement(rpr, SPACING_TAG, {VAL: str(sp)})
    if scale != 100:
        SubElement(rpr, W_TAG, {VAL: str(scale)})
    if size:                       # a run of its own size (a signer's name: name_size), in half points
        SubElement(rpr, w("sz"), {VAL: str(round(size * 2))})
        SubElement(rpr, w("szCs"), {VAL: str(round(size * 2))})
