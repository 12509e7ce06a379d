"""A reportlab Paragraph that sets Japanese lines after JLREQ (see jlreq.py).

reportlab is not forked: the subclass replaces `breakLinesCJK` and returns
reportlab's own line objects (FragLine, kind 1), so drawing, links, colours and
splitting stay reportlab's. Each glyph is placed on its own through ShapedStr +
ShapeData (reportlab's carrier for HarfBuzz output, drawn as one TJ array per
run): compression, 和欧間 and justification move glyphs while the text stays
the user's characters (textout.py writes these runs as reportlab would, faster).
Three more reportlab behaviours are replaced:
  - its whitespace cleaner, which turns U+3000 into an ASCII space and drops a
    leading U+3000 (the text reaches the composer exactly as written);
  - the split of a paragraph across frames, which appends an ASCII space to
    every line (`_split_blParaHard`): the halves are cut from the original
    characters instead;
  - the width of a line, which counts glyphs as reportlab measures them.
What it measures and composes, and remembers, is composition.py's.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import repeat
from operator import sub

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.platypus.frames import _FUZZ
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines, _handleBulletWidth, textTransformFrags
from reportlab.lib.abag import ABag

from .canvas_state import draw_on, saves_plainly
from .composition import BREAK, OBJECT, TEXT, ascent_descent, composed, object_width, widths_of
from .drawing import draw_lines
from .jlreq import BLANK_BOTH, BLANK_LEFT, Settings
from .textout import Placed


_new = object.__new__

# A wrap's lines by the paragraph's frags (the list itself), style and the widths given:
# (frags, style, bullet, settings, phrases, spreads, the ParaLines). The story's
# paragraphs are copies of the ones blocks.py made once per house style (its
# _HouseMemo, _fresh), sharing their frags, which nothing changes: an office's stock
# paragraph in the next notice is wrapped at the widths it was wrapped at before.
# The lines depend on nothing but the frags (the text and each stretch's font and
# size), the style (its alignment, its indents and the bullet's width, and how
# `maxWidths` are cut for a bullet), the bullet, the composer's settings, phrases and
# spreads, and the widths (breakLinesCJK below): where those are the ones the lines
# were made for (the frags list, style and settings by identity, held here so that
# no other object takes their ids), they are what a wrap afresh would make, and are
# shared: neither the ParaLines nor its lines are changed once made (a line's words
# are made once, the same for any paragraph holding it: _LazyLine; reportlab's split
# makes new ParaLines of its lines, a part's frags are new lists). A notice's ~30
# paragraphs drawn, ~25 of them wrapped before, each skipped its frags' flattening,
# the composition's key and look-up, and its lines' objects.
_WRAPPED: dict[tuple, tuple] = {}
_MAX_WRAPPED = 2048         # wraps remembered per process (cleared whole when full)


class ParaFrag(ABag):
    """A run of a paragraph's text with its attributes, as reportlab's ParaFrag
    (platypus/paraparser.py: an ABag, nothing more) is: made here so that a build
    that parses no paragraph markup never runs reportlab's parser module, which
    lazy_imports.py defers (its import made ~2,000 entity names, ~20 M instructions)."""


def _clone(frag, text):
    """frag.clone(text=text) without ABag.clone's keyword round trip (called for
    every run of every drawn line): the same attributes in the same order."""
    n = object.__new__(type(frag))
    d = n.__dict__
    d.update(frag.__dict__)
    d["text"] = text
    return n


def _plain_frags(text, style):
    """The frags reportlab's ParaParser makes of text without markup (most
    paragraphs: no font change, no line break, nothing escaped), made directly:
    the parser is an HTMLParser run per paragraph, and a notice has hundreds.
    The same attributes in the same order (ParaParser._initial_frag, start_para,
    handle_data); tests/test_composer_frags.py compares them with the parser's."""
    if not text:
        return []
    f = ParaFrag()
    f.rise = 0
    f.greek = 0
    f.link = []
    f.fontName, f.bold, f.italic = ps2tt(style.fontName)
    f.fontSize = style.fontSize
    f.textColor = style.textColor
    f.us_lines = []
    f.__tag__ = "para"
    f.fontName = tt2ps(f.fontName, f.bold, f.italic)
    f.text = text
    return [f]


def _keep(text):
    """The cleaner: none. Markup from the writer has no layout whitespace, and
    every space in Japanese text is content (局長　中島)."""
    return text


class JParagraph(Paragraph):
    """Paragraph(text, style, ..., settings=Settings(), phrases=False).

    `phrases` (headings and titles) breaks lines between BudouX phrases;
    jlreq.AT_SPACES after full-width spaces first. `spreads`: (start, end, width in
    points) of the characters set across a width (model.Spread, jlreq.prepare).
    `names`: (start, end) of people's names, kept whole where that takes no more lines
    (kept_names, composition.composed)."""

    def __init__(self, text, style=None, bulletText=None, frags=None, caseSensitive=1, encoding="utf8",
                 settings: Settings | None = None, phrases: bool | str = False, spreads: tuple = (),
                 names: tuple = ()):
        self.jl_settings = settings or Settings()
        self.jl_phrases = phrases
        self.jl_spreads = spreads
        self.jl_names = names
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)

    def _setup(self, text, style, bulletText, frags, cleaner):
        if frags is None and "<" not in text and "&" not in text:
            frags = _plain_frags(text, style)    # no markup: what reportlab's parser would make
            textTransformFrags(frags, style)
        super()._setup(text, style, bulletText, frags, _keep)

    # ------------------------------------------------------------ breaking
    def wrap(self, availWidth, availHeight):
        """reportlab's Paragraph.wrap for a paragraph of ours (wordWrap CJK, no
        autoLeading of its own or its style's): the same widths, attributes set in
        the same order, the same height. Its lines are breakLinesCJK's, of kind 1, and
        without autoLeading both of reportlab's branches give the height as the lines
        times the leading; its two look-ups of autoLeading and its tests of the lines'
        kind are left out (~41 wraps a notice). Anything else is reportlab's
        (tests/test_paragraph_wrap.py wraps every paragraph of real specs both ways)."""
        style = self.style
        if (availWidth < _FUZZ or style.wordWrap != "CJK" or "autoLeading" in self.__dict__
                or getattr(style, "autoLeading", "") not in ("", "off")):
            return super().wrap(availWidth, availHeight)
        self.width = availWidth
        left, right = style.leftIndent, style.rightIndent
        widths = self._wrapWidths = [availWidth - (left + style.firstLineIndent) - right, availWidth - left - right]
        bl = self.blPara = self.breakLinesCJK(widths)
        height = self.height = len(bl.lines) * style.leading
        return availWidth, height

    def breakLinesCJK(self, maxWidths):
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        if getattr(self, "_splitpara", 0) and hasattr(self, "blPara"):
            return self.blPara                       # the first half of a split: already set
        given = tuple(maxWidths)
        cached = getattr(self, "_jl_cache", None)
        if cached and cached[0] == given:
            return cached[1]
        frags, style, s = self.frags, self.style, self.jl_settings
        wrapped = _WRAPPED.get((id(frags), id(style), given))
        if (wrapped is not None and wrapped[0] is frags and wrapped[1] is style and wrapped[2] == self.bulletText
                and wrapped[3] is s and wrapped[4] == self.jl_phrases and wrapped[5] == self.jl_spreads
                and wrapped[7] == self.jl_names):
            bl = wrapped[6]
            self._jl_cache = (given, bl)
            return bl
        maxWidths = list(maxWidths)
        _handleBulletWidth(self.bulletText, style, maxWidths)
        key = tuple(maxWidths)
        text, spans, fonts = self._flatten()
        justify = style.alignment == TA_JUSTIFY
        para, lines, recipes, measured = composed(text, spans, fonts, s, key, self.jl_phrases, justify,
                                                   s.hanging and style.alignment in (TA_JUSTIFY, TA_LEFT),
                                                   self.jl_spreads, self.jl_names)
        starts = [sp[0] for sp in spans]
        # The lines and their paragraph made as ABag's constructor makes them (its
        # keywords, in this order, as the instance's attributes), each given its dict
        # whole: ABag.__init__ through keywords was ~11 thousand instructions an
        # object, some 70 a notice (a line, a paragraph's lines).
        last = len(maxWidths) - 1
        out = []
        for k, line in enumerate(lines):
            W = maxWidths[k if k < last else last]
            ln = _new(_LazyLine)
            ln.__dict__ = {"kind": 1, "extraSpace": W - line.width, "wordCount": 1, "maxWidth": W,
                           "currentWidth": line.width, "lineBreak": line.forced, "jl_span": (line.start, line.end),
                           "jl_make": (frags, para, line, spans, starts, recipes, k, measured)}
            out.append(ln)
        bl = _new(ParaLines)
        # jl_composed: the composer's own answer (the DOCX asks which lines it squeezed)
        bl.__dict__ = {"kind": 1, "lines": out, "jl_source": (text, spans, starts), "jl_composed": (para, lines)}
        self._jl_cache = (given, bl)
        if len(_WRAPPED) >= _MAX_WRAPPED:
            _WRAPPED.clear()
        _WRAPPED[(id(frags), id(style), given)] = (frags, style, self.bulletText, s, self.jl_phrases, self.jl_spreads, bl,
                                                   self.jl_names)
        return bl

    def _flatten(self):
        """The paragraph as one string, with the frag of each stretch of it, and
        what measures each stretch (its kind, length, and font and size, or an
        object's width): with the text, all that fixes the characters' advances."""
        parts, spans, fonts = [], [], []
        pos = 0
        for f in self.frags:
            if hasattr(f, "lineBreak"):
                t, kind, measure = "\n", BREAK, None
            elif hasattr(f, "cbDefn"):
                t, kind, measure = "\ufffc", OBJECT, object_width(f)
            else:
                t = f.text
                if not t:
                    continue
                kind, measure = TEXT, (f.fontName, f.fontSize)
            parts.append(t)
            spans.append((pos, pos + len(t), f, kind))
            fonts.append((len(t), kind, measure))
            pos += len(t)
        return "".join(parts), spans, tuple(fonts)

    @staticmethod
    def _words(frags, para, line, spans, starts, recipes, at, measured):
        """One composed line → the frags of reportlab's FragLine (each a clone of
        its stretch's frag with the line's part of it: _recipe, remembered with the
        composition), with the line's font size, ascent and descent."""
        got = recipes.get(at)
        if got is None:
            got = recipes[at] = JParagraph._recipe(para, line, spans, starts, measured)
        first, texts, size_max, asc_max, desc_min = got
        words = [spans[first + j][2] if t is None else _clone(spans[first + j][2], t)
                 for j, t in enumerate(texts)]
        if not size_max:                               # an empty line (two line breaks)
            f = frags[0]
            size_max = f.fontSize
            asc_max, desc_min = ascent_descent(f.fontName, size_max)
        return dict(words=words, fontSize=size_max, ascent=asc_max, descent=desc_min)

    @staticmethod
    def _recipe(para, line, spans, starts, measured):
        """What a line's words are, for any paragraph of the same composition: the
        first stretch it draws from, the text of each word (a string, or a Placed
        run: each glyph's advance and offset as reportlab's ShapeData has them, in
        thousandths of an em of its own font size; None for a drawn object, which
        is its frag itself), and the line's font size, ascent and descent (size 0:
        an empty line, measured by the paragraph's first frag). `measured`: the
        composition's (widths, naturals), each character's advance as measured and
        its font's own number (composition._measure)."""
        widths, naturals = measured
        s, e = line.start, line.end
        adv, gap, xoff, text = para.adv, para.gap, para.xoff, para.text
        texts, size_max, asc_max, desc_min = [], 0.0, 0.0, 0.0
        moved = None                   # whether the composer moved any glyph of the line
        first = k = bisect_right(starts, s) - 1
        while k < len(spans) and spans[k][0] < e:
            fs, fe, f, kind = spans[k]
            k += 1
            if kind == BREAK:             # its empty text still ends the drawn line (T*)
                texts.append("")
                continue
            if kind == OBJECT:
                texts.append(None)
                continue
            a, b = max(s, fs), min(e, fe)
            size = f.fontSize
            if moved is None:
                moved = bool(line.adjust or text[e - 1] in " \u3000"
                             or any(s <= i < e for i in gap) or any(s <= i < e for i in xoff))
            chunk = text[a:b]
            # Most runs (two in three) keep every glyph's natural advance: _measure's
            # very numbers (each its font's number times size / 1000, as measured for
            # this composition: its key holds each stretch's font and size), which
            # prepare copies and changes only where it moves a glyph. Such a run is a
            # plain string, found without the glyph-by-glyph loop below (which would
            # find it plain too).
            if not moved and adv[a:b] == widths[a:b]:
                texts.append(chunk)
            else:
                texts.append(JParagraph._placed(para, line, a, b, naturals, size))
            if size > size_max:
                size_max = size
            asc, desc = ascent_descent(f.fontName, size)
            asc_max, desc_min = max(asc_max, asc), min(desc_min, desc)
        return first, texts, size_max, asc_max, desc_min

    @staticmethod
    def _placed(para, line, a, b, naturals, size):
        """Characters a..b of a composed line as a string, or as a Placed run where
        the composer moved a glyph from its natural advance (`naturals`: each
        character's, in thousandths of an em: composition._measure)."""
        if not line.adjust < 0 and a < b:            # (no compression: _placed_by_glyph's cut is 0)
            return JParagraph._placed_uncut(para, line, a, b, naturals, 1000.0 / size,
                                            line.adjust if line.adjust > 0 else 0.0)
        return JParagraph._placed_by_glyph(para, line, a, b, naturals, size)

    @staticmethod
    def _placed_by_glyph(para, line, a, b, naturals, size):
        """_placed, a glyph at a time: any line (a compressed one)."""
        s, e = line.start, line.end
        adv, gap, xoff, shr, stretch, text = para.adv, para.gap, para.xoff, para.shr, para.stretch, para.text
        grow = line.adjust if line.adjust > 0 else 0.0
        cut = -line.adjust if line.adjust < 0 else 0.0
        to1000 = 1000.0 / size
        advs, offs, nats, plain = [], [], [], True
        for i in range(a, b):
            x = adv[i]
            o = xoff.get(i, 0.0)
            if i < e - 1:
                x += gap.get(i, 0.0)
                if grow and (stretch[i] or line.letters):
                    x += grow
            elif text[i] in " \u3000":             # a space at the line end takes no room
                x = 0.0
            if cut:
                d = shr.get(i, 0.0) * cut
                if d and i == s and text[i] in BLANK_LEFT + BLANK_BOTH:
                    d = 0.0                          # keep a line-start opener's blank
                x -= d
                if d and text[i] in BLANK_LEFT:
                    o -= d
                elif d and text[i] in BLANK_BOTH:   # at the line end it gives its left blank,
                    o -= d if i == e - 1 else d / 2  # so that its box stays inside the edge
                if i < e - 1 and i in gap:
                    x -= gap[i] / 2 * cut
            natural = naturals[i]
            xa = x * to1000
            if o or abs(xa - natural) > 1e-3:
                plain = False
            advs.append(xa)
            offs.append(o * to1000)
            nats.append(natural)
        chunk = text[a:b]
        return chunk if plain else Placed(chunk, advs, offs, nats)

    @staticmethod
    def _placed_uncut(para, line, a, b, naturals, to1000, grow):
        """_placed_by_glyph for a line that is not compressed (most lines: set loose,
        or justified by growing): the same numbers, computed in the same order — each
        advance its glyph's, plus its 和欧間 gap, plus the line's growth where it
        stretches, but at the line's end (nothing added; a space there takes no
        room) — a list at a time rather than a glyph at a time: the loop was most of
        making a line's words (~250 glyphs in the lines a notice composes anew).
        A glyph without a gap takes its advance as it is where the loop added 0.0:
        the same number, as no advance is -0.0 (prepare makes them from widths and
        takes half away, or adds room), and the few gaps (和欧間) are added where
        they are; the plain test is the loop's, its largest difference taken in C."""
        e = line.end
        adv, text, gap, xoff = para.adv, para.text, para.gap, para.xoff
        stop = min(b, e - 1)                           # the glyphs a..stop are not at the line's end
        xs = adv[a:stop]
        for i, q in gap.items():
            if a <= i < stop:
                xs[i - a] = adv[i] + q
        if grow:
            if line.letters:
                xs = [x + grow for x in xs]
            else:
                xs = [x + grow if stretches else x for x, stretches in zip(xs, para.stretch[a:stop])]
        if b == e:                                     # the line's last glyph is the run's
            xs.append(0.0 if text[e - 1] in " \u3000" else adv[e - 1])
        advs = [x * to1000 for x in xs]
        chunk = text[a:b]
        nats = naturals[a:b]
        if xoff:
            moved = list(map(xoff.get, range(a, b), repeat(0.0)))
            offs = [o * to1000 for o in moved]
        else:
            moved = None
            offs = [0.0 * to1000] * (b - a)
        if (moved is None or not any(moved)) and max(map(abs, map(sub, advs, nats))) <= 1e-3:
            return chunk
        return Placed(chunk, advs, offs, nats)

    # ------------------------------------------------------------ placing
    # platypus's Flowable.getSpaceBefore (and After, and getKeepWithNext) asks hasattr
    # of the paragraph, then of its style, then reads it (~1,500 instructions, some 150
    # calls a notice); a paragraph always has a style, and no class of ours or
    # reportlab's gives these names (tests/test_paragraph_state.py): its own value
    # where one is set, else the style's, else 0, as those tests answer.
    def getSpaceBefore(self):
        d = self.__dict__
        return d["spaceBefore"] if "spaceBefore" in d else getattr(self.style, "spaceBefore", 0)

    def getSpaceAfter(self):
        d = self.__dict__
        return d["spaceAfter"] if "spaceAfter" in d else getattr(self.style, "spaceAfter", 0)

    def getKeepWithNext(self):
        d = self.__dict__
        return d["keepWithNext"] if "keepWithNext" in d else getattr(self.style, "keepWithNext", 0)

    def drawOn(self, canvas, x, y, _sW=0):
        """platypus's drawOn, without the state saved by name: drawPara (below, and
        reportlab's) puts back whatever of it the paragraph changes (canvas_state.py).

        Where the paragraph fills the width it was given (`_sW` 0: `_hAlignAdjust`
        leaves x as it is) and the canvas saves plainly, `draw_on`'s steps are taken
        here with the three calls between it and drawPara written out: platypus's
        `_drawOn` sets `canv`, calls `draw` and deletes `canv`; a paragraph's `draw`
        is reportlab's `self.drawPara(self.debug)`. Four calls fewer a paragraph
        drawn (~30 a notice); tests/test_paragraph_state.py compares the files with
        platypus's drawOn's and the state after each paragraph."""
        if _sW or not saves_plainly(canvas) or getattr(self, "_showBoundary", None):
            return draw_on(self, canvas, x, y, _sW)
        canvas._code.append("q")                # (saveState's operator)
        matrix = canvas._currentMatrix
        canvas.translate(x, y)
        self.canv = canvas
        self.drawPara(self.debug)
        del self.canv
        canvas._code.append("Q")                # (restoreState's)
        canvas._currentMatrix = matrix

    # ------------------------------------------------------------ tagging
    def drawPara(self, debug=0):
        """Draw, marking the text as the content of its structure element (tags.py):
        a bullet (１, ・, ◆) as the item's Lbl, a number at the start of the text
        (第１条, ２) as the paragraph's Lbl, the rest as the element's content."""
        node, canv = getattr(self, "jp_node", None), self.canv
        if node is None or not hasattr(canv, "jp_text") or not canv.jp_first_draw(self):
            if debug or not draw_lines(self):       # (drawing.py's shorter way where it can)
                super().drawPara(debug)
            return
        label = getattr(self, "jp_label", None)
        if label is not None and self.bulletText:
            canv.jp_text((label, None), (node, None))
        elif label is not None and getattr(self, "jp_label_chars", 0):
            canv.jp_text((label, (self.jp_label_chars, node)))
        else:
            canv.jp_text((node, None))
        try:
            if debug or not draw_lines(self):
                super().drawPara(debug)
        finally:
            canv.jp_queue = []

    # ------------------------------------------------------------ splitting
    def _get_split_blParaFunc(self):
        return _split_lines

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        whole = len(self._flatten()[0]) if self.jl_spreads or self.jl_names else 0
        for p in parts:
            if p is not self:
                p.jl_settings, p.jl_phrases = self.jl_settings, self.jl_phrases
                # a part's characters are the end of the paragraph's (the first part's,
                # its start): its spreads are where they fall in them (never cut: no
                # line breaks inside one); its names too (one torn between the pages is
                # not the part's)
                shift = whole - len(p._flatten()[0]) if p is not parts[0] else 0
                p.jl_spreads = tuple((a - shift, b - shift, w) for a, b, w in self.jl_spreads if a >= shift) \
                    if p is not parts[0] else self.jl_spreads
                p.jl_names = tuple((a - shift, b - shift) for a, b in self.jl_names if a >= shift) \
                    if p is not parts[0] else self.jl_names
                p.jp_node = getattr(self, "jp_node", None)
                # the label (bullet or number) is on the first part only
                p.jp_label = getattr(self, "jp_label", None) if p is parts[0] else None
                p.jp_label_chars = getattr(self, "jp_label_chars", 0) if p is parts[0] else 0
        return parts


def spread_run(text: str, font_name: str, size: float, width: float):
    """A marker's part set across `width` points as the composer sets a Spread (a
    bullet is drawn outside the composer): a Placed run, its glyphs' advances grown
    alike but the last; the text as it is where it is as wide already."""
    table = widths_of(font_name)
    nat = [table[ch] for ch in text]
    extra = (width * 1000.0 / size - sum(nat)) / (len(text) - 1) if len(text) > 1 else 0.0
    if extra <= 1e-6:
        return text
    return Placed(text, [x + extra for x in nat[:-1]] + nat[-1:], [0.0] * len(text), nat)


class _LazyLine(FragLine):
    """A FragLine whose glyphs are placed only when it is drawn: wrap() runs
    several times per paragraph (tables, keep-together, splits) and most of
    those layouts are thrown away. It holds its paragraph's frags, not the
    paragraph: the paragraph holds its lines, and a line holding the paragraph
    made a cycle of every layout thrown away, left to the cycle collector."""

    _LAZY = frozenset(("words", "fontSize", "ascent", "descent"))

    def __getattr__(self, name):
        d = self.__dict__
        if name in _LazyLine._LAZY and "jl_make" in d:
            # jl_make is kept: a line is shared by the paragraphs wrapped alike
            # (_WRAPPED), and drawing.py's key is read from it
            d.update(JParagraph._words(*d["jl_make"]))
            return d[name]
        raise AttributeError(name)


def _split_lines(blPara, start, stop):
    """The frags of lines start..stop-1, cut from the paragraph's own
    characters (reportlab's version adds a space at each line end)."""
    text, spans, starts = blPara.jl_source
    if not stop or start >= len(blPara.lines):
        return []
    a = blPara.lines[start].jl_span[0]
    b = blPara.lines[stop - 1].jl_span[1]
    out = []
    for fs, fe, f, kind in spans:
        if fe <= a or fs >= b:
            continue
        out.append(f if kind else f.clone(text=text[max(a, fs):min(b, fe)]))
    return out
