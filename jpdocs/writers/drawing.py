"""A composed paragraph's lines written as the code of its text object, without
the bookkeeping reportlab's drawing does for every run of every line.

reportlab's `Paragraph.drawPara` (line kind 1) and `_putFragLine` track, for
each run, the underlines, links, background colours, rise, word spacing and
the cursor's x position, for features the composer's paragraphs (composer.py)
mostly never use, and each of its text-object calls (`setXPos`, `setLeading`,
`_setFont`, `_textOut`) keeps state of its own. For a paragraph that uses none
of those features, `draw_lines` writes the text object's operators itself, in
the order reportlab's calls write them — the state saved, the bullet, the text
begun (by the canvas, which tags it), per line the Td moves (merged as
`moveCursor` merges them), the leading, the fill colour and each run's text
(textout.run_operators), the text drawn, the state restored — so the operators are
reportlab's, byte for byte; any other paragraph (a link, a no-break space, a
drawn object, autoLeading, a font reportlab must write …) is drawn by reportlab
itself. tests/test_drawing.py draws real paragraphs both ways and compares the
page content.

A paragraph drawn once is drawn again from memory. It is drawn after drawOn's
translate, in its own coordinates, so its text object's code does not depend on
where it stands on the page: after the text object's beginning (the origin, the
tag) it is fixed by the paragraph's composition (composition.py remembers one per
text, fonts and widths, and a batch's notices repeat most of their paragraphs),
the lines drawn of it, its stretches' fonts, sizes and colours, the alignment and
leading, its height and line offsets (`_key`), the first line's offset after the
bullet, and the length of its label (`draw_lines`). What `_program` makes of
those — the code, in pieces — is kept by that key with the composition (and
forgotten with it) and played into the next paragraph of the same key (`_play`), in place of its lines' words, its runs'
codes, the moves and their merges. What belongs to the document is done again,
in the order the drawing does it: the fonts' codes noted in the document
(fonts/cid.py), which names each font where it is first drawn (F1, F2 …: the name
in each Tf is the document's), each colour set by the text object (its alpha may
change the graphics state), and the switch from a label's marked content to its
text's (its MCID is the page's next: tags.py); the state saved, the bullet, the
text object begun and drawn (tagged) are the canvas's, as they were. The fonts
themselves are checked to be the ones remembered (a font registered again under
its name is another). tests/test_drawn_memo.py builds real specs alone, after
others, with the memory and without, and draws paragraphs that differ in one
thing after one another.

A paragraph's bullet (１, ・, the 記's １　日　時：) is a text object of its own,
begun before the paragraph's; its code after the beginning is remembered by what it
is made of and played alike (`_bullet`: reportlab's `_drawBullet`, its font, colour
and each part's run written as reportlab's calls write them; the bullet's end, which
sets the first line's offset, from its parts' widths as reportlab adds them).
tests/test_bullet_memo.py builds real specs with it and with reportlab's drawing, and
draws bullets that differ in one thing.
"""
from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import _fonts as _FONTS, getFont
from reportlab.pdfgen.canvas import Canvas, ExtGState
from reportlab.platypus import paragraph as rl_paragraph

from .tags import TaggingCanvas
from .textout import _TRANSPARENCY, Placed, fill_operator, number, origin, run_operators, writes_directly

_ALIGNED = (TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY)
_new = object.__new__


def _plain(para) -> bool:
    """Whether the paragraph uses nothing but runs of text in one direction."""
    style = para.style
    if style.backColor or (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None)):
        return False
    if style.wordWrap == "RTL" or style.alignment not in _ALIGNED:
        return False
    if getattr(para, "autoLeading", getattr(style, "autoLeading", "")) in ("min", "max"):
        return False
    for f in para.frags:
        if (hasattr(f, "cbDefn") or getattr(f, "link", None) or getattr(f, "us_lines", None)
                or getattr(f, "backColor", None) or getattr(f, "rise", 0)
                or "\xa0" in getattr(f, "text", "")):
            return False
    return True


def _fonts(lines) -> dict | None:
    """The fonts of the lines' runs by name, or None if a run needs reportlab's
    own text code (textout.writes_directly)."""
    fonts = {}
    for line in lines:
        for f in line.words:
            name = f.fontName
            font = fonts.get(name)
            if font is None:
                font = fonts[name] = getFont(name)
            if not writes_directly(font, f.text):
                return None
    return fonts


def _key(para, lines, style, offsets) -> tuple[dict, tuple] | None:
    """Where the code of `para`'s text object is remembered — with its composition
    (a jlreq.Para, one per composed text, fonts and widths: composition.composed
    keeps with it what is made of it, its lines' words by line, and here its code,
    which is forgotten with it) — and by what it depends on there but the first
    line's offset after the bullet and the label's length (draw_lines: known once
    the bullet is drawn and the text begun); None where it cannot be known without
    making the lines' words (the first line's made already) or a colour is of
    another kind. The number of the first line and the count fix every line's
    characters, glyphs and room (the lines are the composition's in order: a
    split's first part keeps the first ones); the stretches' frags give their fonts
    and colours; the height and the first line give its y."""
    make = lines[0].__dict__.get("jl_make")     # (frags, para, line, spans, starts, recipes, k, measured)
    if make is None:
        return None
    stretches = []
    for _, _, f, _ in make[3]:
        colour = f.textColor
        if type(colour) is not Color:
            return None
        stretches.append((f.fontName, f.fontSize, colour.red, colour.green, colour.blue, colour.alpha))
    if make[0]:           # (an empty line is measured by the paragraph's first frag: _words)
        stretches.append((make[0][0].fontName, make[0][0].fontSize))
    return make[5], ("drawn", make[6], len(lines), tuple(stretches), style.alignment, style.leading,
                     tuple(offsets), para.height, rl_paragraph.paraFontSizeHeightOffset)


def draw_lines(para) -> bool:
    """Draw `para` (a JParagraph, wrapped) on its canvas; False, drawing nothing,
    if it needs reportlab's own drawing.

    The text object's code is written here directly, as reportlab's methods
    would write it (each run by textout.run_operators, the line moves as
    `moveCursor` merges them), instead of calling, per line and per run, the
    methods that keep the text object's bookkeeping; the text object itself is
    still begun and drawn by the canvas, which tags it (tags.py). The code is
    made once per _key and played again (module docstring)."""
    bl = para.blPara
    lines = bl.lines
    canvas, style = para.canv, para.style
    if not canvas.bottomup or type(canvas)._escape is not Canvas._escape:
        return False
    offsets = getattr(para, "_offsets", [0])
    # A paragraph's lines are shared by the paragraphs wrapped alike (composer._WRAPPED:
    # the same frags, style and widths), and the memory's entry they were drawn from
    # is kept with them (jl_drawn): where the frags, style, height, offsets and
    # reportlab's paraFontSizeHeightOffset are the ones it was found for, _plain and
    # _key, which read nothing else (with the lines), would find that entry again (an
    # entry once made stays its key's).
    before = bl.__dict__.get("jl_drawn")
    if (before is not None and before[0] is para.frags and before[1] is style and before[2] == para.height
            and before[3] == offsets and before[4] == rl_paragraph.paraFontSizeHeightOffset
            and "autoLeading" not in para.__dict__):
        memory = key = None
        known = before[5]
    else:
        if bl.kind != 1 or not lines or not _plain(para):
            return False
        memory, key = _key(para, lines, style, offsets) or (None, None)
        # (the composition's memory → (fonts, the first line's y, {(offset, label): program}))
        known = memory.get(key) if memory is not None else None
    n = len(lines)
    if known is not None:
        fonts, cur_y, programs = known
        for name, font in fonts.items():
            if _FONTS.get(name) is not font:        # (a font registered again under its name; read
                # as getFont reads it, without the call: a name not registered is no font of ours)
                known = None
    if known is None:
        fonts = _fonts(lines)
        if fonts is None:
            return False
        first = lines[0]
        if rl_paragraph.paraFontSizeHeightOffset:
            cur_y = para.height - first.fontSize
        else:
            cur_y = para.height - getattr(first, "ascent", first.fontSize)
        programs = {}
        if memory is not None:
            memory[key] = known = (fonts, cur_y, programs)
    if memory is not None and "autoLeading" not in para.__dict__:
        bl.jl_drawn = (para.frags, style, para.height, list(offsets), rl_paragraph.paraFontSizeHeightOffset, known)
    offsets += (n - len(offsets)) * [offsets[-1]]       # as reportlab does (in place)
    # canvas.saveState(): of the state it saves, only the ExtGState (a colour's
    # alpha) can change while a paragraph is drawn; it is kept as reportlab keeps it
    # (the saved object back after, the changes made to a copy)
    canvas._code.append("q")
    gstate = canvas._extgstate
    if type(gstate) is ExtGState:
        # ExtGState.pushCopy without its __init__, whose two new dicts it replaces at
        # once (as canvas_state.StateCanvas.push_state_stack copies it)
        inner = _new(ExtGState)
        inner._d = gstate._d.copy()
        inner._c = gstate._c
        canvas._extgstate = inner
    else:
        canvas._extgstate = gstate.pushCopy()
    offset = style.firstLineIndent + offsets[0]
    if para.bulletText:
        offset = _bullet(canvas, offset, cur_y, para.bulletText, style)
    program = programs.get((offset, None))
    if (program is None or type(para).beginText is not _PARA_BEGIN
            or not _played_whole(canvas, style.leftIndent, cur_y, program)):
        tx = para.beginText(style.leftIndent, cur_y)
        switch = getattr(tx, "jp_switch", None)            # tags.py: a label's characters, then its text
        label = switch[0] if switch else None
        program = programs.get((offset, label))
        if program is None:
            program = programs[(offset, label)] = _program(lines, style, fonts, offsets, offset, label)
        _play(program, tx, canvas._doc)
        canvas.drawText(tx)
    canvas._code.append("Q")
    canvas._extgstate = gstate
    return True


_NAME, _COLOUR, _AFTER = range(3)    # a program's steps that are the document's (_play)


def _program(lines, style, fonts, offsets, offset: float, label: int | None) -> tuple:
    """The code of the text object after its beginning, for `_play`: (steps, the
    codes drawn in each font, the text object's subset after, the steps' `_plan`). A step is a piece of
    code (the text object's entries joined with a space, as its getCode joins them)
    or what only the document knows: (_NAME, coding), the font's name in it, which
    begins its Tf; (_COLOUR, colour), set by the text object; (_AFTER, count), the
    characters drawn since the last such step, for a label's switch (`label`: its
    characters, or None where the text object has no switch)."""
    alignment = style.alignment
    leading = style.leading
    lead = f"{number(leading)} TL"
    code = []             # the entries as reportlab's calls would leave them in the text object
    steps = []            # the steps before the entries in `code`
    used: dict = {}       # a coding → the codes of its runs, in order (its first run first)
    colour = None                                      # reportlab's XtraState.textColor
    font_key = coding = None
    subset = -1
    drawn = 0             # characters drawn since the last _AFTER
    moved = None          # the last entry's Td as (its x, as written) or None

    def step(s):
        if code:
            steps.append(" ".join(code))
            code.clear()
        steps.append(s)
    for i, line in enumerate(lines):
        at = offset if i == 0 else offsets[i]
        if alignment == TA_CENTER:
            at = at + 0.5 * line.extraSpace
        elif alignment == TA_RIGHT:
            at = at + line.extraSpace
        # paragraph.setXPos → moveCursor(at, 0): a move right after a move is merged
        # with it, from the numbers as written
        if at > 1e-6 or at < -1e-6:
            if moved is not None and code and code[-1] is moved[1]:
                del code[-1]
                x = at + moved[0]
            else:
                x = at
            entry = f"{number(x)} 0 Td"
            moved = (float(entry.split(" ", 1)[0]), entry)
            code.append(entry)
        if i == 0:
            code.append(lead)                          # setLeading, before the first line's text
        words = line.words
        last = words[-1] if words else None
        for f in words:
            if font_key != (f.fontName, f.fontSize):   # _setFont: a TrueType font sets only the subset
                font_key = (f.fontName, f.fontSize)
                coding = fonts[f.fontName].jp_cid
                subset = -1
            if f.textColor is not colour and colour != f.textColor:
                colour = f.textColor
                step((_COLOUR, colour))
            text = f.text
            if text:
                ops, codes = run_operators(text, coding)
                runs = used.get(coding)
                if runs is None:
                    runs = used[coding] = []
                runs.append(codes)
                if subset != 0:
                    step((_NAME, coding))
                    ops = f"{number(f.fontSize)} Tf {lead} {ops}"
                    subset = 0
            else:
                ops = ""
            code.append(f"{ops} T*" if f is last else ops)
            if label is not None and text:
                drawn += len(text)
                if drawn >= label:                     # the label's characters out: its text begins
                    step((_AFTER, drawn))
                    label, drawn = None, 0
        if at > 1e-6 or at < -1e-6:                    # setXPos(-at)
            if moved is not None and code and code[-1] is moved[1]:
                del code[-1]
                x = moved[0] - at
            else:
                x = -at
            entry = f"{number(x)} 0 Td"
            moved = (float(entry.split(" ", 1)[0]), entry)
            code.append(entry)
    if label is not None and drawn:
        step((_AFTER, drawn))                         # (a label longer than the text: the switch left)
    if code:
        steps.append(" ".join(code))
    steps = tuple(steps)
    return steps, tuple(used.items()), subset, _plan(steps)


def _play(program, tx, doc) -> None:
    """The code `_program` made, into the text object `tx` of the document `doc`:
    the fonts' codes noted in the document first (naming each font where it is
    first drawn, in the order the runs would), then each piece of code, and each
    step that is the document's as the drawing would take it."""
    steps, used, subset, _ = program
    fonts = _note_codes(doc, used)
    code = tx._code
    for s in steps:
        if type(s) is str:
            code.append(s)
            continue
        kind, value = s
        if kind == _NAME:
            # (each font named is one of `used`'s, named just above: Coding.name's answer)
            code.append("/" + fonts[value][0])
        elif kind == _COLOUR:
            tx.setFillColor(value)
        else:
            tx.jp_after(value)
    tx._curSubset = subset


def _note_codes(doc, used: tuple) -> dict:
    """A program's runs' codes noted in the document `doc`, font by font (naming each
    font where it is first drawn, in the order the runs would); the document's fonts'
    state (Coding: (its name, its codes)). The state is read here where a font has drawn
    in the document before: Coding.used and Coding.name, each a method call and a
    look-up of the same state, cost a replayed paragraph more than its code."""
    fonts = getattr(doc, "jp_cid_fonts", None)
    for coding, codes in used:
        state = fonts.get(coding) if fonts is not None else None
        if state is None:
            coding.used(doc).extend(codes)          # (names the font in the document)
            fonts = doc.jp_cid_fonts
        else:
            state[1].extend(codes)
    return fonts


def _plan(steps: tuple) -> tuple | None:
    """What `_played_whole` writes of a program's steps: (pieces, alphas). A piece is
    code, the program's consecutive pieces and its colours' operators (FastText.setFillColor's
    for a plain Color) joined by spaces as the text object's getCode joins its entries, or
    the Coding whose name in the document goes there; `alphas`, the colours' alphas
    (each must be the graphics state's, which FastText then leaves as it is). None for
    steps it cannot write: a label's switch, a colour of another kind or alpha."""
    pieces, text, alphas = [], [], set()
    for s in steps:
        if type(s) is str:
            text.append(s)
            continue
        kind, value = s
        if kind == _NAME:
            if text:
                pieces.append(" ".join(text))
                text = []
            pieces.append(value)
        elif kind == _COLOUR and type(value) is Color:
            alpha = value.alpha
            if alpha is not None:
                if type(alpha) not in (int, float) or not 0 <= alpha <= 1:
                    return None
                alphas.add(alpha)
            text.append(fill_operator(value))
        else:
            return None
    if text:
        pieces.append(" ".join(text))
    return tuple(pieces), tuple(alphas)


_TAGGED_BEGIN, _TAGGED_DRAW = TaggingCanvas.beginText, TaggingCanvas.drawText
_PARA_BEGIN = rl_paragraph.Paragraph.beginText


def _played_whole(canvas, x: float, y: float, program: tuple) -> bool:
    """A paragraph's or bullet's text object, begun at (x, y) (by the canvas: a
    paragraph's beginText is reportlab's, which asks the canvas), played from `program`
    and drawn, its code written here whole where it is what the canvas's beginText,
    `_play` and the canvas's drawText would write: a TaggingCanvas's own two (tags.py), the text object
    tagged as the next node queued (jp_text) or not tagged at all, a program of no
    label's switch, colours plain Colors whose alpha leaves the graphics state as it
    is (FastText.setFillColor writes their operator and nothing else). Its code: "BT",
    the origin, the marked content's beginning (the node's MCID, the page's next),
    the program's pieces, the fonts' names and the colours' operators in their
    places, "EMC" and "ET", joined by spaces as the text object's getCode joins them,
    then on the canvas as drawText puts it (the artifact closed before it, opened
    after). The text object itself, its beginning's and drawing's calls and its
    bookkeeping were ~300 bytecodes of each paragraph drawn from memory (~30 a
    notice). False, nothing done, where anything differs: the caller's way then.
    tests/test_drawn_memo.py and tests/test_text_begun.py build real specs and compare."""
    _, used, _, plan = program
    kind = type(canvas)
    if plan is None or kind.beginText is not _TAGGED_BEGIN or kind.drawText is not _TAGGED_DRAW \
            or getattr(canvas, "_enforceColorSpace", None):
        return False
    queue = canvas.jp_queue
    tagged = bool(queue) and canvas._curr_tx_info is None and not canvas.jp_open
    if tagged and queue[0][1] is not None:
        return False                              # (a label's characters, then its text: tags.py)
    pieces, alphas = plan
    if alphas:
        state = canvas._extgstate
        ca = state._d.get("ca", state.defaults["ca"])
        for alpha in alphas:
            if alpha != ca:
                return False                      # (the alpha changes the graphics state)
    if canvas._fontname not in _FONTS:            # (as FastText's beginning looks it up)
        getFont(canvas._fontname)
    code = ["BT", origin(x, y)]
    if tagged:
        node = queue.pop(0)[0]
        code.append(f"/{node.role} <</MCID {canvas.jp_mcid(node)}>> BDC")
    doc = canvas._doc
    fonts = _note_codes(doc, used)
    for piece in pieces:
        code.append(piece if type(piece) is str else "/" + fonts[piece][0])
    if alphas and doc._pdfVersion < _TRANSPARENCY:
        doc.ensureMinPdfVersion("transparency")   # (as each colour's setting raises it)
    if tagged:
        code += ("EMC", "ET")
        canvas.jp_current = False
        canvas._code += ("EMC", " ".join(code), "/Artifact BMC")
    else:
        code.append("ET")
        canvas._code.append(" ".join(code))
    return True


# A bullet's text object after its beginning, by what it is made of (_bullet_key):
# (its program for _play, the fonts it draws by name, the runs' widths)
_BULLETS: dict[tuple, tuple] = {}
_MAX_BULLETS = 1024          # bullets remembered per process (forgotten all at once when full)


def _bullet_key(text, style) -> tuple | None:
    """What a bullet's code and width depend on but its place: its runs' text (a
    Placed run with its glyphs' numbers: its operators and width are theirs), fonts,
    sizes and colours, and the style's bullet font, size and colour (which set the
    first run's font and colour where the bullet is one string); None for a bullet
    of another kind (a colour not a plain Color, text not a str or Placed run)."""
    colour = getattr(style, "bulletColor", style.textColor)
    if type(colour) is not Color:
        return None
    head = (style.bulletFontName, style.bulletFontSize, colour.red, colour.green, colour.blue, colour.alpha)
    if isinstance(text, str):
        return (head, text) if type(text) is str else None
    runs = []
    for f in text:
        t, c = f.text, f.textColor
        if type(c) is not Color:
            return None
        if type(t) is Placed:
            t = (t, tuple(t.adv), tuple(t.off), tuple(t.nat))
        elif type(t) is not str:
            return None
        runs.append((t, f.fontName, f.fontSize, c.red, c.green, c.blue, c.alpha))
    return head, tuple(runs)


def _bullet(canvas, offset: float, cur_y: float, text, style) -> float:
    """reportlab's `_drawBullet` (left to right): the bullet's text object begun at the
    bullet's indent (beside the first line, raised by bulletOffsetY) and drawn by the
    canvas, as reportlab's calls would (the canvas tags it: tags.py), the text after
    its beginning played from memory (`_BULLETS`); the offset of the paragraph's first
    line after it. A notice draws some six bullets (１, ・, １　日　時：), the same ones
    notice after notice, and reportlab's calls (a font set, a colour and a run for
    each of its parts, each part measured) were ~60 thousand instructions each.

    reportlab sets the bullet's font and colour (a bundled font writes nothing until
    a run: fonts/cid.py), then for each part (a list of frags) its font and colour
    and the part's text (`textOut`: its width added to the text object's x, its
    operators written as FastText writes them: textout.run_code); a part's font set
    makes the next run name its font again (Tf, with the leading its size gives).
    The bullet's end is its x after the parts plus 0.6 of the style's bullet size."""
    anchor_start = style.bulletAnchor == "start"
    key = _bullet_key(text, style) if anchor_start else None
    known = _BULLETS.get(key) if key is not None else None
    if known is not None:
        for name, font in known[1].items():
            if _FONTS.get(name) is not font:        # (a font registered again under its name; read
                # as getFont reads it, without the call: a name not registered is no font of ours)
                known = None
                break
    if known is None:
        made = _bullet_program(text, style) if key is not None else None
        if made is None:
            return rl_paragraph._drawBullet(canvas, offset, cur_y, text, style, rtl=False)
        if len(_BULLETS) >= _MAX_BULLETS:
            _BULLETS.clear()
        known = _BULLETS[key] = made
    program, _, widths = known
    x = style.bulletIndent - 0                   # (reportlab's bulletIndent - bulletWidth, 0 at "start")
    y = cur_y + getattr(style, "bulletOffsetY", 0)
    if not _played_whole(canvas, x, y, program):
        tx = canvas.beginText(x, y)
        _play(program, tx, canvas._doc)
        canvas.drawText(tx)
    for w in widths:                             # textOut's x, part by part
        x = x + w
    return max(offset, x + style.bulletFontSize * 0.6 - style.leftIndent)


def _bullet_program(text, style) -> tuple | None:
    """A bullet's (program, fonts by name, its parts' widths) for `_bullet`, or None
    where reportlab's own code must write a part (a font not written as glyph IDs)."""
    parts = [(text, style.bulletFontName, style.bulletFontSize, None)] if type(text) is str else \
        [(f.text, f.fontName, f.fontSize, f.textColor) for f in text]
    steps, code, used, widths = [], [], {}, []
    fonts = {style.bulletFontName: getFont(style.bulletFontName)}    # (set first, for its size and leading)

    def step(s):
        if code:
            steps.append(" ".join(code))
            code.clear()
        steps.append(s)
    if not getattr(fonts[style.bulletFontName], "_dynamicFont", 0):
        return None                 # (reportlab's setFont would write its Tf at once)
    step((_COLOUR, getattr(style, "bulletColor", style.textColor)))
    for part, name, size, colour in parts:
        font = fonts.get(name)
        if font is None:
            font = fonts[name] = getFont(name)
        if not getattr(font, "_dynamicFont", 0) or not writes_directly(font, part):
            return None
        if colour is not None:
            step((_COLOUR, colour))
        widths.append(font.stringWidth(part, size))
        if part:            # (textOut of an empty part writes an empty entry)
            coding = font.jp_cid
            ops, codes = run_operators(part, coding)
            used.setdefault(coding, []).append(codes)
            step((_NAME, coding))
            code.append(f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL {ops}")
        else:
            code.append("")
    if code:
        steps.append(" ".join(code))
    # (the subset after: a part's font set makes it -1, its run 0)
    steps = tuple(steps)
    return (steps, tuple(used.items()), 0 if parts[-1][0] else -1, _plan(steps)), fonts, tuple(widths)
