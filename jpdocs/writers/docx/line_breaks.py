"""The line breaks the PDF chose, for the DOCX: a title or heading broken between
phrases where the PDF's composer breaks it, a notice's 締結者 after its full-width
spaces, a list's cell before a date that starts a line in the PDF. Word and
LibreOffice break lines their own way, a character longer or shorter, and would cut
a phrase or a date (令和６年８ / 月). A line ended by such a break must also be one
Word can set, which squeezes no punctuation (_fitted, _broken); a block's or a cell's
line the PDF fits only by squeezing it is broken before its last word that fits rather
than left for Word to wrap inside an address or a word (_overfull).

Kept apart from the paragraph's XML (paragraphs.py): this lays the paragraph out
with the PDF's block builder and composer, and remembers the answers per process.
(composed_lines: the same layout's lines, for the annual summary's titles.)
"""
from __future__ import annotations

import math
import re

from ...content import model as m
from ...spec.style import HouseStyle
from ..ooxml_styles import paragraph_style, per_style
from ..composition import _measure
from ..jlreq import AT_SPACES, AT_WORDS, BLANK_BOTH, BLANK_LEFT, BLANK_RIGHT, HANGING
from ..jlreq_lines import after_word
from .paragraphs import Ctx, Narrowed


# the PDF's (blocks._PHRASE_STYLES): a notice's subject line and labels (項目 …, a web
# page's title set as a label) break between phrases there, so here too
PHRASE_STYLES = ("title", "cover_title", "heading", "label")
# A cell's paragraph (an overview sheet's item): laid out as the PDF lays it out, and
# broken only where the PDF fits a line by squeezing it (push-in), which Word cannot:
# Word would wrap its end, maybe inside a word (…アイディン / ティティ).
SQUEEZED = "squeezed"
# a date's start (令和６年, 2024年４月) or a length of time (１年間, ３か月): a cell's line
# that starts with one in the PDF starts with it in the DOCX too, so that Word or
# LibreOffice cannot split it (１年 / 間)
_DATE_START = re.compile(r"(?:明治|大正|昭和|平成|令和)(?:元|[0-9０-９]+)年|[0-9０-９]+年[0-9０-９]+月"
                         r"|[0-9０-９]+(?:[年日時分]間|[かヵヶカケ][月年]|週間)")


_BUILDERS: dict[int, tuple] = {}        # id(style) → (style, its BlockBuilder), the last few styles


def _builder(style: HouseStyle):
    """The PDF's block builder for the style, made once: making one sets up a
    reportlab style for every paragraph style of the house (a title's or heading's
    line breaks are asked of it once or twice a document)."""
    from ..blocks import BlockBuilder
    return per_style(_BUILDERS, style, BlockBuilder)


def composed_lines(style: HouseStyle, name: str, text: str, width: float, phrases: bool = False) -> list[str]:
    """The lines the PDF's composer sets one line of `text` in, `width` points wide, in the
    paragraph style `name`: as a title, between BudouX phrases first (phrases=True), or as
    a ruled table's cell (its bracketed phrases kept whole). The annual summary asks it
    where a title's line may end, and how tall each cell stands."""
    from ..composer import JParagraph
    from ..tags import Node
    flow = _builder(style).paragraph(m.Paragraph([m.Text(text)], style=name, align="left"), phrases=phrases,
                                     node=Node("P"), in_ruled_cell=not phrases)
    if not text or not isinstance(flow, JParagraph):
        return [text]
    flow.wrap(width, 1e6)
    return [text[a:b] for a, b in (line.jl_span for line in flow.blPara.lines)]


def block_set(ctx: Ctx, p: m.Paragraph) -> m.Paragraph:
    """A paragraph of align="block" as the PDF sets it in the DOCX's width (the PDF's
    BlockBuilder.as_block): flush left, its left indent (em of its style's size, as the
    DOCX's indents are) centring its widest line."""
    return _builder(ctx.style).as_block(p, ctx.width / 20 - ctx.indent, paragraph_style(ctx.style, p.style).size)


_LINES: dict[tuple, tuple] = {}         # what phrase_lines was asked → (style, its answer), the last few hundred


def phrase_lines(ctx: Ctx, name: str, align, inlines, phrases: bool | str = True, indents=(0.0, 0.0)) -> list:
    """The inlines with the PDF's line breaks (see _phrase_lines), worked out once per
    process for the same text, style and width (a batch's notices repeat headings).
    indents: the paragraph's own (first line, left), in characters (AT_WORDS: a hung
    labelled line)."""
    if _unbroken(ctx, inlines, phrases):
        return inlines
    key = (id(ctx.style), name, align, tuple(inlines), ctx.width, phrases, indents)
    try:
        kept = _LINES.get(key)
    except TypeError:
        return _phrase_lines(ctx, name, align, inlines, phrases, indents)
    if kept is not None and kept[0] is ctx.style:
        return list(kept[1])
    made = _phrase_lines(ctx, name, align, inlines, phrases, indents)
    if len(_LINES) >= 512:
        del _LINES[next(iter(_LINES))]
    _LINES[key] = (ctx.style, tuple(made))
    return made


def _unbroken(ctx: Ctx, inlines, phrases) -> bool:
    """Whether the inlines are left to Word: in an indented block, without text, or in
    a cell (but a heading, such as an overview sheet's area bar, a list's cell, a
    paragraph breaking at its spaces and a cell's SQUEEZED paragraph: their breaks are
    the PDF's)."""
    return ((ctx.in_cell and not ctx.pdf_lines and phrases not in (True, AT_SPACES, AT_WORDS, SQUEEZED))
            or bool(ctx.indent)
            or not any(isinstance(i, m.Text) and i.text for i in inlines))


def _phrase_lines(ctx: Ctx, name: str, align, inlines, phrases: bool | str = True, indents=(0.0, 0.0)) -> list:
    """A title or heading broken where the PDF breaks it: between phrases (BudouX),
    never inside one as Word would (「…大学と」 / 「の」). The PDF's composer sets the
    paragraph at the DOCX's text width, and a line break goes where each of its
    lines ends short of a forced break; a title that fits one line is unchanged.
    phrases=False: a list's cell (the annual summary) broken where the PDF's cell
    breaks, but only before a date or a bracketed phrase that starts a line there, so
    that Word or LibreOffice (lines a character longer or shorter) do not split it
    (令和６年８ / 月, （自動 / 更新）).
    phrases=AT_SPACES: broken where the PDF breaks after a full-width space (the notice's
    締結者: the organisation before its head's title) or after a word of a part too long
    for its line (ＮＰＯ法人クライシスマッパーズ・ / ジャパン), and only there."""
    if _unbroken(ctx, inlines, phrases):
        return inlines
    from ..composer import JParagraph
    from ..tags import Node
    # a structure node of its own: the builder's tree (the PDF's tags) is not kept
    # (a list's cell is a ruled table's: its bracketed phrases kept whole, as the PDF keeps them)
    laid = False if phrases == SQUEEZED else phrases           # a cell's paragraph: as the PDF sets it
    flow = _builder(ctx.style).paragraph(m.Paragraph(list(inlines), style=name, align=align, first_indent=indents[0],
                                                     left_indent=indents[1]), phrases=laid,
                                         node=Node("P"), in_ruled_cell=not laid)
    if not isinstance(flow, JParagraph):
        return inlines
    flow.wrap(ctx.width / 20, 1e6)
    lines = flow.blPara.lines
    cuts = [line.jl_span[1] for line in lines[:-1] if not line.lineBreak]
    text = "".join(i.text if isinstance(i, m.Text) else "\n" for i in inlines)
    if not phrases:                    # in a cell: only before a date that starts a line in the PDF
        cuts = [c for c in cuts if _DATE_START.match(text, c) or text[c] == "（"]
    elif phrases == AT_SPACES:            # only after a full-width space, or after a word where a part did
        cuts = [c for c in cuts if text[c - 1] == "\u3000" or after_word(text, c)]   # not fit: Word breaks the rest
    elif phrases == AT_WORDS:             # only after a word: Word breaks the rest
        cuts = [c for c in cuts if after_word(text, c)]
    elif phrases == SQUEEZED:             # only a squeezed line's end after a word: Word breaks the rest
        squeezed = {line.end for line in flow.blPara.jl_composed[1] if line.adjust < 0}
        cuts = [c for c in cuts if c in squeezed and (text[c - 1] == "\u3000" or after_word(text, c))]
    narrowed: dict = {}
    if cuts:
        cuts, narrowed = _fitted(flow, text, cuts, inlines)
    if phrases in (AT_SPACES, AT_WORDS, SQUEEZED):
        cuts = sorted(set(cuts) | set(_overfull(flow, text, cuts)))
    return _broken(inlines, cuts, narrowed, text) if cuts else inlines


# A line the DOCX breaks where the PDF does must fit Word's column as Word sets it: no
# squeezed punctuation, so it is measured at the glyphs' own widths, with a little room
# for Word's and LibreOffice's rounding to twips
_ROOM = 0.1
_BLANKS = BLANK_RIGHT + BLANK_LEFT + BLANK_BOTH


def _fitted(flow, text: str, cuts: list, inlines) -> tuple[list, dict]:
    """The cuts the DOCX can keep, and the punctuation to narrow (character index →
    per cent of its width) so that it can. The PDF's composer may fit a line by
    squeezing its punctuation (約物の詰め, …マッパーズ・ with the ・ half an em);
    Word and LibreOffice do not squeeze, and with that line's break forced they
    would wrap its last piece onto a line of its own (ズ・ alone). Such a line's
    punctuation is set narrower (w:w) by what it lacks, shared by each mark's blank
    half; a line that the blanks cannot bring into the column loses its forced
    break (Word wraps it its own way). A line is known to Word only where the DOCX
    line is the PDF's one: after the paragraph's start, a line break or a kept cut."""
    para, lines = flow.blPara.jl_composed
    natural = _measure(flow.blPara.jl_source[1])[0]
    by_end = {line.end: (line, shown) for line, shown in zip(lines, flow.blPara.lines) if not line.forced}
    plain = _plain_characters(inlines)
    kept, narrowed, start = [], {}, 0
    for cut in cuts:
        line, shown = by_end[cut]
        if line.start != start and text[line.start - 1] != "\n":
            kept.append(cut)           # a line Word wraps into from the one before: not known here
            start = cut
            continue
        end = cut - 1 if text[cut - 1] == "\u3000" else cut                     # its space is dropped
        if line.hang and text[end - 1] in HANGING:
            end -= 1                   # a hanging 、。 hangs in Word too (overflowPunct)
        width = sum(max(a, b) for a, b in zip(para.adv[line.start:end], natural[line.start:end])) \
            + sum(q for i, q in para.gap.items() if line.start <= i < end - 1)
        over = width - (shown.maxWidth - _ROOM)
        if over > 0:
            marks = [i for i in range(line.start, end) if text[i] in _BLANKS and plain[i]
                     and not (i == line.start and text[i] in BLANK_LEFT + BLANK_BOTH)]
            room = sum(natural[i] / 2 for i in marks)
            if room < over:
                continue               # not forced: the space (if any) stays, Word breaks there or near
            cut_by = over / room
            narrowed.update((i, max(50, math.floor(100 - 50 * cut_by))) for i in marks)
        kept.append(cut)
        start = cut
    return kept, narrowed


def _overfull(flow, text: str, cuts: list) -> list:
    """Where to break a line of a block (AT_SPACES, AT_WORDS: a signature block's address)
    or a cell (SQUEEZED: an overview's item) that the PDF fits by squeezing its 和欧間 or
    punctuation but Word and LibreOffice, which set every glyph its full width and
    和欧間 a quarter em, cannot: left to themselves they wrap its last characters,
    inside a unit the PDF keeps whole (東京都調布市国領町３丁目４番地 / 41) or a word
    (…アイディン / ティティ）, both seen in LibreOffice). Such a line is broken instead at
    the last place before its overflow where the PDF's rules allow a break and a word
    or a bracket starts (国領町 / ３丁目４番地41, オホーツクAI / （エリア…）). Only a line
    known to Word is measured: one that starts the paragraph or follows a line break
    or a kept cut, and ends the paragraph, at a line break or where _fitted could not
    keep the PDF's cut (Word sets on from there: a break before the overflow is the
    line's last); a line ended by a kept cut is _fitted's."""
    para, lines = flow.blPara.jl_composed
    natural = _measure(flow.blPara.jl_source[1])[0]
    step = [max(a, b) for a, b in zip(para.adv, natural)]

    def width(start: int, end: int) -> float:
        while end > start and text[end - 1] in "\n\u3000":
            end -= 1                   # a line break, and a space at the line's end, take no room
        return sum(step[start:end]) + sum(q for i, q in para.gap.items() if start <= i < end - 1)

    kept = set(cuts)
    out = []
    for line, shown in zip(lines, flow.blPara.lines):
        known = line.start == 0 or text[line.start - 1] == "\n" or line.start in kept
        if not known or line.hang or line.end in kept:
            continue
        room = shown.maxWidth - _ROOM
        if width(line.start, line.end) <= room:
            continue
        for j in range(line.end - 1, line.start, -1):
            if para.brk[j] and text[j - 1] != "\n" and width(line.start, j) <= room \
                    and (after_word(text, j) or text[j] in BLANK_LEFT):        # a word or a bracket starts
                out.append(j)
                break
    return out


def _plain_characters(inlines) -> list:
    """Whether each character of the paragraph's text is in plain text (not a Spread
    set across a width, nor a field's reference): only such a character is narrowed."""
    out = []
    for i in inlines:
        if isinstance(i, m.Text):
            out += [type(i) in (m.Text, m.Whole)] * len(i.text)
        else:
            out.append(False)
    return out


def _broken(inlines, cuts: list, narrowed: dict, text: str) -> list:
    """The inlines with a line break at each cut and each narrowed character a Narrowed
    run of its own. A full-width space just before a cut is dropped: the PDF breaks
    there because of the space, which then takes no room at its line's end (hangs or
    is dropped, jlreq_lines._width); it is the break's own, not text of the line.
    Word and LibreOffice keep such a space on the line and, where it does not fit,
    wrap it alone onto an empty line (江東区・サレー市: ブリティッシュ・コロンビア州　/ サレー市長)."""
    dropped = {c - 1 for c in cuts if text[c - 1] == "\u3000"}
    out, pos = [], 0
    for inline in inlines:
        if isinstance(inline, m.LineBreak):
            out.append(inline)
            pos += 1
            continue
        start, end = pos, pos + len(inline.text)
        if start == end:
            out.append(inline)
            continue
        edges = sorted({start, end} | {c for c in cuts if start < c < end}
                       | {e for i in dropped | narrowed.keys() if start <= i < end for e in (i, i + 1)})
        for a, b in zip(edges, edges[1:]):
            if a in dropped:
                pass
            elif a in narrowed:
                piece = m.sliced(inline, a - start, b - start)      # its changed characters with it
                out.append(Narrowed(piece.text, inline.bold, inline.font, scale=narrowed[a], changed=piece.changed,
                                    changed_at=piece.changed_at))
            else:
                out.append(m.sliced(inline, a - start, b - start))
            if b in cuts and (b < end or inline is not inlines[-1]):
                out.append(m.LineBreak())
        pos = end
    return out
