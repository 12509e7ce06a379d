"""Document model blocks → reportlab flowables: paragraphs set by the JLREQ composer,
tables, lists, pictures and signature blocks, each tagged with its structure element."""
from __future__ import annotations

import io
import math
from dataclasses import replace

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (Flowable, Indenter, KeepTogether, PageBreak, Spacer)

from ..fonts import registry as fonts
from ..spec import images
from ..content import model as m
from ..spec.style import HouseStyle
from .composer import JParagraph, spread_run
from . import kept_names
from .geometry import FRAME_PAD as _FRAME_PAD   # reportlab's Frame padding, each side
from .jlreq import Settings
from .paragraph_styles import paragraph_style
from .tags import Node, escape, tag
from . import block_table, inline_runs
from .house_memo import HOUSE_STYLES, HouseMemo, kept
from .problems import too_wide_marker
from .flowables import (BreakPlace, Figure, HalfPageBreak, NumbersEnd, SealBox, SealPlace, TextPageBreak,
                        TrackedLine)

# "block" (a caption's lines as one block, centred) is set left, indented by block():
# laid out alone (the DOCX asking where the PDF's lines end), it is its lines set left
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY, "block": TA_LEFT}
_GRID_STYLES = ("body", "item")        # the running text that a character grid holds
_PHRASE_STYLES = ("title", "cover_title", "heading", "label")   # broken between BudouX phrases: titles, headings, the subject, labels
# Paragraphs whose style makes them a title or a heading read as one (the notice's
# 記者発表内容 and ◯ 背景, the agreement's title); an article's title (第１条（目的）) is H2,
# and so is one set above the article's numbered first paragraph (（目的） over 第１条　…),
# as the DOCX's 条見出し (outline level 2) has both.
_STYLE_ROLES = {"title": "H1", "cover_title": "H1", "heading": "H2"}


class BlockBuilder:
    """Turns blocks into flowables. `width` is the width the blocks are set in."""

    def __init__(self, style: HouseStyle, page=A4, tree: Node | None = None, people: tuple[str, ...] = ()):
        # the structure element the blocks go into (tags.py): the document's, or a
        # part's in the release and the annual book
        self.node = tree if tree is not None else Node("Document")
        # the people's names the spec holds (model.Document.people), kept whole on a line
        self.people = kept_names.prepared(people)
        self.house = style
        self.font = fonts.register(style)
        self.fallbacks = fonts.fallback_names(style)
        ts = style.typesetting
        self.jl = Settings(ts.hanging_punctuation, ts.compress_punctuation, ts.latin_spacing)
        self.pitch = self.line_pitch = None
        # cells of the text block, as Word's docGrid divides it: for the running text of
        # portrait pages; the overview sheet (landscape) is one page whose sizes shrink
        # together to fit it, which whole grid lines would make taller than its page
        if ts.grid and page[0] < page[1]:
            mg = style.page.margins
            self.pitch = (page[0] - (mg.left + mg.right) * mm - 2 * _FRAME_PAD) / ts.grid.chars
            self.line_pitch = (page[1] - (mg.top + mg.bottom) * mm - 2 * _FRAME_PAD) / ts.grid.lines
        self.jl_grid = replace(self.jl, pitch=self.pitch)
        self.jl_latin = Settings(hanging=False, compress=False, latin_spacing=False, latin=True)
        self.in_ruled_cell = False     # a ruled table's cell: its bracketed phrases kept whole (not justified)
        self.memo = self._house_memo()
        self.styles = dict(self.memo.styles)
        self.colour = colors.black     # text colour; a cell's `colour` changes it for its blocks
        self.seals: list[SealBox] = []
        self.breaks: list[BreakPlace] = []     # where the spec's new_page breaks fell (TextPageBreak)

    def _house_memo(self) -> HouseMemo:
        """What is made once per house style, fonts, fallback fonts and page grid
        (HouseMemo: the house's paragraph styles depend on nothing else) and shared by
        the documents built with them: a notice's sixteen styles were ~0.4 M
        instructions, made anew for each notice of a batch. Nothing changes a ParagraphStyle once made (every
        paragraph, item and cell sets its own in a style derived from these:
        _derived_style, item, ki, beside.py), so a shared one serves as a new one
        would. The memo holds the house style itself and is found by its identity (a
        style loaded again is another object, whose styles are made again): at most
        a few a process."""
        got = HOUSE_STYLES.get(id(self.house))
        key = (tuple(self.font.items()), tuple(self.fallbacks), self.line_pitch, self.pitch)
        if got is None or got.house is not self.house or got.key != key:
            if len(HOUSE_STYLES) >= 8:
                HOUSE_STYLES.clear()
            styles = {name: self._paragraph_style(name) for name in self.house.styles}
            got = HOUSE_STYLES[id(self.house)] = HouseMemo(self.house, key, styles)
        return got

    def _paragraph_style(self, name: str) -> ParagraphStyle:
        s = self.house.styles[name]
        leading = s.size * s.leading
        if self.line_pitch:            # on the grid a line takes whole grid lines
            leading = math.ceil(leading / self.line_pitch - 1e-6) * self.line_pitch
        return paragraph_style(name, fontName=self.font[s.font], fontSize=s.size, leading=leading,
                              alignment=_ALIGN[s.align], wordWrap="CJK", textColor=colors.black,
                              bulletFontName=self.font[s.font], bulletFontSize=s.size)

    def blocks(self, blocks: list[m.Block], width: float) -> list[Flowable]:
        out: list[Flowable] = []
        for b in blocks:
            out.extend(self.block(b, width))
        return out

    def block(self, b: m.Block, width: float) -> list[Flowable]:
        if isinstance(b, m.Paragraph):
            if b.align == "block":
                b = self.as_block(b, width, self._em(b))
            return [self.paragraph(b)]
        if isinstance(b, m.Heading):
            return [self.paragraph(m.Paragraph(b.inlines, style=b.style, align=b.align, keep_with_next=True,
                                               left_indent=b.left_indent, space_before=b.space_before,
                                               space_after=b.space_after),
                                   phrases=True, node=self.node.add(f"H{min(max(b.level, 1), 6)}"))]
        if isinstance(b, m.Item):
            return self.item(b, width)
        if isinstance(b, m.Ki):
            return self.ki(b, width)
        if isinstance(b, m.Table):
            return [self.table(b, width)]
        if isinstance(b, m.KeepTogether):
            # A KeepTogether inside another (a table kept whole, keep="yes") reports an
            # endless height, so the outer one moved to a new page even where all of it
            # fitted: the outer keeps its parts together, so theirs are unwrapped.
            return [KeepTogether([part for f in self.blocks(b.blocks, width)
                                  for part in (f._content if isinstance(f, KeepTogether) else [f])])]
        if isinstance(b, m.Spacer):
            return [Spacer(1, b.height)]
        if isinstance(b, m.Image):
            return [self.image(b, width)]
        if isinstance(b, m.PageBreak):
            if b.text_page:
                return [TextPageBreak(b.key, self.breaks)]
            return [HalfPageBreak(), NumbersEnd()] if b.numbers_end else [PageBreak()]
        if isinstance(b, m.Seal):
            # the printed circle is an artifact; the signature field added over it
            # (signing.py) is the content, in a Form element kept here in reading order
            self.node.add("Form", title=b.field)
            return [SealPlace(b, self.font["mincho"], self.seals)]
        raise TypeError(f"unknown block {type(b).__name__}")

    def markup(self, inlines: list[m.Inline], base_font: str, latin: bool = False) -> str:
        """Inlines → reportlab paragraph markup, every character escaped. `latin`: text
        in another language, whose mincho is the house's Latin font."""
        parts = []
        for i in inlines:
            if isinstance(i, m.LineBreak):
                parts.append("<br/>")
                continue
            role = "gothic-bold" if i.bold and "gothic-bold" in self.font else i.font
            if latin and role in (None, "mincho"):
                role = None
            primary = self.font.get(role, base_font) if role else base_font
            # A character the primary font lacks is drawn with the house style's
            # fallback font (IPAmj明朝 for rare name kanji), never as a blank. A part a
            # corrected release changed (赤字) is coloured at its own characters only: the
            # composer sets the paragraph's characters whatever frags hold them (a
            # Spread's spacing is by character, _spreads), so the glyphs stay where they were.
            for piece, changed in m.changed_pieces(i):
                for chunk, name in fonts.runs_by_font(piece, primary, self.fallbacks):
                    text = escape(chunk)
                    if name != base_font:
                        text = f'<font name="{name}">{text}</font>'
                    if i.size:                  # a run of its own size (a signer's name: name_size)
                        text = f'<font size="{i.size:g}">{text}</font>'
                    if changed:
                        text = f'<font color="{self.house.colours["changed"]}">{text}</font>'
                    parts.append(text)
        return "".join(parts)

    def para(self, text: str, style: ParagraphStyle, bulletText=None, phrases: bool | str = False,
             in_ruled_cell: bool | None = None, spreads: tuple = (), latin: bool = False,
             names: tuple = ()) -> JParagraph:
        """Every paragraph goes through the JLREQ composer; titles and headings
        break between phrases. `latin`: English text, broken at its spaces only, with
        none of the rules for Japanese (no grid, hanging, compression or 和欧間).
        `names`: the spans of people's names in it, kept whole (kept_names)."""
        if latin:
            return JParagraph(text, style, bulletText, settings=self.jl_latin, phrases=False)
        kind = style.name.split("-")[0]
        phrases = phrases or kind in _PHRASE_STYLES
        settings = self.jl_grid if self.pitch and kind in _GRID_STYLES else self.jl
        if (self.in_ruled_cell if in_ruled_cell is None else in_ruled_cell) and style.alignment != _ALIGN["justify"]:
            # (a justified line would be spread out to make room for the phrase it gave up)
            settings = replace(settings, keep_brackets=True)
        return JParagraph(text, style, bulletText, settings=settings, phrases=phrases, spreads=spreads, names=names)

    def paragraph(self, p: m.Paragraph, phrases: bool | str = False, node: Node | None = None,
                  in_ruled_cell: bool | None = None) -> Flowable:
        """The paragraph's flowable; `in_ruled_cell` says where it stands for a caller
        that lays it out alone (the DOCX writer asks where the PDF breaks a line)."""
        if node is None:
            role = "H2" if p.numbering in m.ARTICLE_HEADINGS else _STYLE_ROLES.get(p.style.split("-")[0], "P")
            node = self.node.add(role, lang=p.lang or None)
        made, label_chars = self._made_paragraph(p, phrases, in_ruled_cell)
        flow = _fresh(made)
        if not label_chars and not p.link:
            return tag(flow, node)
        # the number's Lbl first, then the text: P's own, or where the paragraph links,
        # P > Link, its annotation's /Contents the text and address (tags.py), as PDF/UA
        # asks of a link; the number is the paragraph's label, not the link's text
        label = node.add("Lbl") if label_chars else None
        if p.link:
            text = m.plain_text(p.inlines)[label_chars:].lstrip()
            node = node.add("Link", note=f"{text} {p.link}")
        tag(flow, node, label)
        if label_chars:
            flow.jp_label_chars = label_chars
        return flow

    def _made_paragraph(self, p: m.Paragraph, phrases: bool | str, in_ruled_cell: bool | None) -> tuple:
        """The paragraph's flowable as made, never drawn (the caller draws a copy:
        _fresh), and the length of its number (its Lbl), remembered per house style by
        everything it is made of: the paragraph's fields, how it breaks (`phrases`) and
        whether it stands in a ruled cell; the house style, its fonts and the page's
        grid are the memo's own (_house_memo). An office's notices repeat most of their
        paragraphs (the heads, the stock sentences, the contact boxes), and a paragraph
        made was ~70 thousand instructions. Text in black only (a cell's own colour is
        rare) and in Japanese (a text in another language registers the Latin font
        when it is first set)."""
        names = self._names(p.inlines) if not p.lang else ()
        if p.lang or self.colour is not colors.black:
            return self._make_paragraph(p, phrases, in_ruled_cell, names)
        key = (tuple(p.inlines), p.style, p.align, p.first_indent, p.left_indent, p.space_before, p.space_after,
               p.tracking, p.keep_with_next, p.numbering, p.number, p.breaks, phrases,
               self.in_ruled_cell if in_ruled_cell is None else in_ruled_cell, names, p.link)
        return kept(self.memo.paragraphs, key, lambda: self._make_paragraph(p, phrases, in_ruled_cell, names))

    def as_block(self, p: m.Paragraph, width: float, em: float) -> m.Paragraph:
        """A paragraph of align="block" as set in `width` points: flush left, indented
        (in `em` points, the writer's em of its indents) by block_indent. The DOCX sets
        its paragraph so too (docx/blocks.py). A letter-spaced paragraph is one line: its
        block is that line, centred."""
        if p.tracking:
            return replace(p, align="center")
        return replace(p, align="left", left_indent=p.left_indent + self.block_indent(p, width) / em)

    def block_indent(self, p: m.Paragraph, width: float) -> float:
        """How far in (points) a paragraph of align="block" stands, so that its lines, set
        flush left, make a block centred in `width`: half of what its widest line leaves
        (a photo's caption of several lines, centred under its photo with its ・ marks in
        one column). Its lines as the paragraph set left makes them, at the whole width:
        a line too long for it wraps there, and the block is the width (no indent). Set
        inside the indent, no line is broken otherwise: each is at most as wide as the
        room the indent leaves."""
        flow = _fresh(self._made_paragraph(replace(p, align="left"), False, None)[0])
        flow.wrap(width, 1e6)
        room = width - p.left_indent * self._em(p)
        widest = max((line.currentWidth for line in flow.blPara.lines), default=room)
        return max(0.0, (room - widest) / 2)

    def _em(self, p: m.Paragraph) -> float:
        """The em of a paragraph's indents in points (_make_paragraph): its style's size,
        or on the page's grid the grid's pitch."""
        return self.pitch if self.pitch and p.style in _GRID_STYLES and not p.lang else self.styles[p.style].fontSize

    def _names(self, inlines: list[m.Inline]) -> tuple:
        """Where the inlines name a person of the document (kept_names.spans): the
        composer's `names`, by character as inline_runs.spreads counts them."""
        if not self.people:
            return ()
        return kept_names.spans(m.plain_text(inlines), self.people)

    def _make_paragraph(self, p: m.Paragraph, phrases: bool | str, in_ruled_cell: bool | None,
                        names: tuple = ()) -> tuple:
        base = self.styles[p.style]
        size = base.fontSize
        em = self.pitch if self.pitch and p.style in _GRID_STYLES and not p.lang else size
        if p.tracking:
            text = m.plain_text(p.inlines)
            line = TrackedLine(text, base.fontName, size, base.leading, p.tracking,
                               p.align or self.house.styles[p.style].align, self.colour, self.fallbacks,
                               link=p.link, changed=(inline_runs.changed_chars(p.inlines), self.house.colours["changed"]))
            # its space above and below as a paragraph's (報道機関各位 the last line of the
            # head, under the date: notice.date_above_header), as the DOCX sets them
            line.spaceBefore, line.spaceAfter = p.space_before or 0, p.space_after or 0
            return line, 0
        st = self._derived_style(p.style, p.first_indent * em, p.left_indent * em, p.space_before or 0,
                                 p.space_after or 0, int(p.keep_with_next), p.align)
        if p.breaks and not phrases:
            phrases = p.breaks                  # (jlreq.AT_SPACES, AT_WORDS)
        number = p.number if p.numbering and p.number and m.plain_text(p.inlines).startswith(p.number) else ""
        spreads = inline_runs.spreads(p.inlines, size)
        if p.lang:
            # set in the house's Latin font (proportional letters; the Japanese mincho's
            # are all of one width), the text's spans of mincho too
            latin = fonts.latin_font(self.house) or base.fontName
            st = paragraph_style(f"{st.name}-latin", parent=st, fontName=latin)
            return self.para(_linked(self.markup(p.inlines, latin, latin=True), p.link), st, latin=True), 0
        if not number:
            text = _linked(self.markup(p.inlines, base.fontName), p.link)
            return self.para(text, st, phrases=phrases,
                             in_ruled_cell=in_ruled_cell, spreads=spreads, names=names), 0
        # the number (第１条, ２) is the paragraph's Lbl: set as a run of its own, so
        # that the drawing can switch from the label to the text where it ends; a link
        # is the text's after it (the DOCX's: Word's own number is outside its hyperlink)
        head, rest = inline_runs.split_inlines(p.inlines, len(number))
        text = (f'<font name="{base.fontName}">{self.markup(head, base.fontName)}</font>'
                + _linked(self.markup(rest, base.fontName), p.link))
        return self.para(text, st, phrases=phrases, in_ruled_cell=in_ruled_cell, spreads=spreads,
                         names=names), len(number)

    def _derived_style(self, name, first_indent, left_indent, before, after, keep, align) -> ParagraphStyle:
        """The paragraph style `name` with a paragraph's indents, spacing and alignment,
        made once per house style (_house_memo) for each combination: a notice has some
        thirty paragraphs of a few kinds, and a ParagraphStyle copies its parent's every
        attribute. Neither reportlab nor this module changes a style once made. (Its
        name, numbered in the order made, is nowhere in the PDF: only the part before
        its first '-' is read, the house style's name.)"""
        derived = self.memo.derived

        def make():
            st = paragraph_style(f"{name}-{len(derived)}", parent=self.styles[name],
                                 firstLineIndent=first_indent, leftIndent=left_indent,
                                 spaceBefore=before, spaceAfter=after, keepWithNext=keep, textColor=self.colour)
            if align:
                st.alignment = _ALIGN[align]
            return st
        return kept(derived, (name, first_indent, left_indent, before, after, keep, align, self.colour), make)

    def item(self, it: m.Item, width: float) -> list[Flowable]:
        lst = self.node.kids[-1] if self.node.kids and self.node.kids[-1].role == "L" else self.node.add("L")
        li = lst.add("LI")
        label = li.add("Lbl") if it.marker else None
        body_node = li.add("LBody")
        if it.marker and it.inlines:
            base = self.styles[it.style]
            wide, room = inline_runs.marker_width(it, base.fontName, base.fontSize), width - it.level * base.fontSize
            if wide > room:
                raise too_wide_marker("document", "", it.marker, wide, room)
        made, inset = self._made_item_head(it)
        head = _fresh(made)
        if it.marker and not it.inlines:
            tag(head, label)
        else:
            tag(head, body_node.add("P"), label)
        outer, self.node = self.node, body_node
        body = self.blocks(it.blocks, width - inset)
        self.node = outer
        if not body:
            return [head]
        # the head keeps with its first block (its style's keepWithNext); the indent between
        # them is kept too, or reportlab's group would end at it and a page could end there
        indent = Indenter(left=inset)
        indent.keepWithNext = 1
        return [head, indent, *body, Indenter(left=-inset)]

    def _made_item_head(self, it: m.Item) -> tuple:
        """The item's first paragraph (its marker and text) as made, never drawn (the
        caller draws a copy: _fresh), and how far its blocks are set in (its indent and
        hang), remembered per house style as paragraphs are (_made_paragraph): by the
        fields they are made of, whether the item has blocks (it is then kept with
        them) and whether it stands in a ruled cell. An office's notices repeat most of
        their items (the 記's １ 日時, ２ 場所 …), each made was ~100 thousand
        instructions."""
        names = self._names(it.inlines)
        if self.colour is not colors.black:
            return self._make_item_head(it, names)
        key = (it.marker, tuple(it.inlines), it.style, it.level, it.hang, it.space_before, bool(it.blocks),
               it.marker_parts, self.in_ruled_cell, names)
        return kept(self.memo.items, key, lambda: self._make_item_head(it, names))

    def _make_item_head(self, it: m.Item, names: tuple = ()) -> tuple:
        base = self.styles[it.style]
        size = base.fontSize
        indent = it.level * size
        # no marker, no hang: the text at the item's indent, as the DOCX sets it
        hang = (it.hang * size if it.hang is not None
                else inline_runs.marker_width(it, base.fontName, size) + size if it.marker else 0.0)
        st = paragraph_style(f"item-{id(it)}", parent=base, leftIndent=indent + hang, bulletIndent=indent,
                            spaceBefore=size * 0.5 if it.space_before is None else it.space_before,
                            keepWithNext=int(bool(it.blocks)),
                            textColor=self.colour, bulletColor=self.colour)
        bullet = it.marker
        if it.marker_parts:
            # a marker with a spread part (１　日　時：): a frag per part, the spread
            # one placed glyph by glyph as the composer places a Spread
            bullet = [inline_runs.bullet_frag(spread_run(i.text, base.fontName, size, i.width * size) if isinstance(i, m.Spread)
                            else i.text, base.fontName, size, self.colour)
                      for i in it.marker_parts if isinstance(i, m.Text) and i.text]
        elif it.hang is not None and it.marker:
            # reportlab sets the text 0.6em past the end of a bullet that reaches the
            # text; a fixed hang means the text starts exactly there (◆ with hang 1)
            bullet = [inline_runs.bullet_frag(it.marker, base.fontName, size, self.colour)]
        if isinstance(bullet, list):
            st.bulletFontSize = 0
        if it.marker and not it.inlines:
            # reportlab draws a bullet only beside text: a marker with no text after it
            # (its item holds only blocks) is the paragraph's text, the item's Lbl
            st.leftIndent = indent
            parts = list(it.marker_parts)
            head = self.para(self.markup(parts, base.fontName) if parts else escape(it.marker), st,
                             spreads=inline_runs.spreads(parts, size))
        else:
            head = self.para(self.markup(it.inlines, base.fontName), st, bulletText=bullet,
                             phrases=it.style.split("-")[0] in _PHRASE_STYLES, spreads=inline_runs.spreads(it.inlines, size),
                             names=names)
        return head, indent + hang

    def ki(self, k: m.Ki, width: float) -> list[Flowable]:
        place = self.house.notice.ki_heading            # center (記), left (■締結式概要) or none
        out = [] if place == "none" else [tag(_fresh(self._ki_line("ki", place)), self.node.add("P"))]
        out += self.blocks(k.blocks, width)
        if k.closing:
            out.append(tag(_fresh(self._ki_line("ijo", "right")), self.node.add("P")))
        return out

    def _ki_line(self, word: str, place: str) -> Flowable:
        """The 記 block's heading (記, centred; ■締結式概要 at the left) or its 以上 (at the
        right) as made, never drawn (the caller draws a copy: _fresh): the house's
        words in its 記 style, made once per house style (_house_memo) and whether the
        block stands in a ruled cell, as paragraphs are (_made_paragraph)."""
        def make():
            st = self.styles["ki"]
            if word == "ki":
                style = paragraph_style("ki-head", parent=st, alignment=TA_CENTER if place == "center" else TA_LEFT,
                                        spaceBefore=st.fontSize * 0.6)
            else:
                style = paragraph_style("ki-end", parent=st, alignment=TA_RIGHT)
            return self.para(escape(self.house.word(word)), style)
        return kept(self.memo.paragraphs, ("ki", word, place, self.in_ruled_cell), make)

    def table(self, t: m.Table, width: float) -> Flowable:
        """The table laid out, its cells' blocks made by this builder (block_table.py)."""
        return block_table.table(self, t, width)

    def image(self, im: m.Image, width: float) -> Flowable:
        """The picture scaled to fit its box (and the width available)."""
        data = images.embed_bytes(im)          # checked, converted and scaled down (images.py)
        iw, ih = ImageReader(io.BytesIO(data)).getSize()
        scale = min(min(im.width, width) / iw, im.height / ih)
        img = Figure(io.BytesIO(data), width=iw * scale, height=ih * scale)
        img.hAlign = im.align.upper() if im.align in ("left", "center", "right") else "CENTER"
        return tag(img, self.node.add("Figure", alt=im.alt))

def _linked(text: str, address: str) -> str:
    """Paragraph markup as a link to `address` (m.Paragraph.link), or as it is."""
    return f'<a href="{escape(address)}">{text}</a>' if address else text


def _fresh(flowable: Flowable) -> Flowable:
    """A copy of a flowable as its maker left it, to be placed and drawn: the made one
    (a memo's, never wrapped or drawn) keeps only what its constructor set. What the
    copy shares with it is never changed in place: the paragraph's style (styles are
    derived, never changed: _derived_style), its frags (the composer clones them for
    its lines; reportlab's split makes new ones), a tracked line's runs; what wrap,
    split and draw set (the lines, width and height, the canvas) is the copy's own."""
    new = object.__new__(type(flowable))
    new.__dict__ = flowable.__dict__.copy()     # (a third of update()'s cost into the new, empty dict)
    return new
