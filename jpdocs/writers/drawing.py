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
(textout.run_code), the text drawn, the state restored — so the operators are
reportlab's, byte for byte; any other paragraph (a link, a no-break space, a
drawn object, autoLeading, a font reportlab must write …) is drawn by reportlab
itself. tests/test_drawing.py draws real paragraphs both ways and compares the
page content.
"""
from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import paragraph as rl_paragraph

from .textout import run_code, writes_directly

_ALIGNED = (TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY)


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


def draw_lines(para) -> bool:
    """Draw `para` (a JParagraph, wrapped) on its canvas; False, drawing nothing,
    if it needs reportlab's own drawing.

    The text object's code is written here directly, as reportlab's methods
    would write it (each run by textout.run_code, the line moves as `moveCursor`
    merges them), instead of calling, per line and per run, the methods that
    keep the text object's bookkeeping; the text object itself is still begun
    and drawn by the canvas, which tags it (tags.py)."""
    bl = para.blPara
    lines = bl.lines
    if bl.kind != 1 or not lines or not _plain(para):
        return False
    canvas, style = para.canv, para.style
    if not canvas.bottomup or type(canvas)._escape is not Canvas._escape:
        return False
    fonts = _fonts(lines)
    if fonts is None:
        return False
    n = len(lines)
    offsets = getattr(para, "_offsets", [0])
    offsets += (n - len(offsets)) * [offsets[-1]]       # as reportlab does (in place)
    # canvas.saveState(): of the state it saves, only the ExtGState (a colour's
    # alpha) can change while a paragraph is drawn; it is kept as reportlab keeps it
    # (the saved object back after, the changes made to a copy)
    canvas._code.append("q")
    gstate = canvas._extgstate
    canvas._extgstate = gstate.pushCopy()
    alignment = style.alignment
    offset = style.firstLineIndent + offsets[0]
    first = lines[0]
    if rl_paragraph.paraFontSizeHeightOffset:
        cur_y = para.height - first.fontSize
    else:
        cur_y = para.height - getattr(first, "ascent", first.fontSize)
    if para.bulletText:
        offset = rl_paragraph._drawBullet(canvas, offset, cur_y, para.bulletText, style, rtl=False)
    tx = para.beginText(style.leftIndent, cur_y)
    code = tx._code
    switch = getattr(tx, "jp_switch", None)            # tags.py: a label's characters, then its text
    doc = canvas._doc
    leading = style.leading
    lead = f"{fp_str(leading)} TL"
    colour = None                                      # reportlab's XtraState.textColor
    font_key = font = None
    subset = -1
    moved = None          # the last code entry's Td as (its x, as written) or None
    for i, line in enumerate(lines):
        at = offset if i == 0 else offsets[i]
        if alignment == TA_CENTER:
            at = at + 0.5 * line.extraSpace
        elif alignment == TA_RIGHT:
            at = at + line.extraSpace
        # paragraph.setXPos → moveCursor(at, 0): a move right after a move is merged
        # with it, from the numbers as written
        if at > 1e-6 or at < -1e-6:
            if moved is not None and code[-1] is moved[1]:
                del code[-1]
                x = at + moved[0]
            else:
                x = at
            entry = f"{fp_str(x, 0)} Td"
            moved = (float(entry.split(" ", 1)[0]), entry)
            code.append(entry)
        if i == 0:
            code.append(lead)                          # setLeading, before the first line's text
        words = line.words
        last = words[-1] if words else None
        for f in words:
            if font_key != (f.fontName, f.fontSize):   # _setFont: a TrueType font sets only the subset
                font_key = (f.fontName, f.fontSize)
                font = fonts[f.fontName]
                subset = -1
            if f.textColor is not colour and colour != f.textColor:
                colour = f.textColor
                tx.setFillColor(colour)
            text = f.text
            ops, subset = run_code(text, font, f.fontSize, leading, subset, doc)
            code.append(f"{ops} T*" if f is last else ops)
            if switch and text:
                switch = tx.jp_after(len(text))
        if at > 1e-6 or at < -1e-6:                    # setXPos(-at)
            if moved is not None and code[-1] is moved[1]:
                del code[-1]
                x = moved[0] - at
            else:
                x = -at
            entry = f"{fp_str(x, 0)} Td"
            moved = (float(entry.split(" ", 1)[0]), entry)
            code.append(entry)
    tx._curSubset = subset
    canvas.drawText(tx)
    canvas._code.append("Q")
    canvas._extgstate = gstate
    return True
