"""A composed paragraph's lines drawn as reportlab draws them, without the
bookkeeping its drawing does for every run of every line.

reportlab's `Paragraph.drawPara` (line kind 1) and `_putFragLine` track, for
each run, the underlines, links, background colours, rise, word spacing and
the cursor's x position, for features the composer's paragraphs (composer.py)
mostly never use. For a paragraph that uses none of them, `draw_lines` calls
the same text-object methods in the same order — save state, bullet, begin
text, per line the Td moves, leading, font, fill colour and the run's text,
end text, restore — so the operators are reportlab's, byte for byte; any
other paragraph (a link, a no-break space, a drawn object, autoLeading …)
is drawn by reportlab itself. tests/test_drawing.py draws real paragraphs
both ways and compares the page content.
"""
from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.platypus import paragraph as rl_paragraph

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


def draw_lines(para) -> bool:
    """Draw `para` (a JParagraph, wrapped) on its canvas; False, drawing nothing,
    if it needs reportlab's own drawing."""
    bl = para.blPara
    lines = bl.lines
    if bl.kind != 1 or not lines or not _plain(para):
        return False
    canvas, style = para.canv, para.style
    n = len(lines)
    offsets = getattr(para, "_offsets", [0])
    offsets += (n - len(offsets)) * [offsets[-1]]       # as reportlab does (in place)
    canvas.saveState()
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
    tx.direction = style.wordWrap
    tx._leading = None
    tx._olb = None
    tx._fontname, tx._fontsize = None, None
    leading = style.leading
    colour = None                                      # reportlab's XtraState.textColor
    set_x = rl_paragraph.setXPos
    for i, line in enumerate(lines):
        at = offset if i == 0 else offsets[i]
        tx._x_offset = at
        if alignment == TA_CENTER:
            at = at + 0.5 * line.extraSpace
        elif alignment == TA_RIGHT:
            at = at + line.extraSpace
        set_x(tx, at)
        if tx._leading != leading:
            tx.setLeading(leading)
        words = line.words
        last = words[-1] if words else None
        for f in words:
            if (tx._fontname, tx._fontsize) != (f.fontName, f.fontSize):
                tx._setFont(f.fontName, f.fontSize)
            if colour != f.textColor:
                colour = f.textColor
                tx.setFillColor(colour)
            tx._textOut(f.text, f is last)
        set_x(tx, -at)
    canvas.drawText(tx)
    canvas.restoreState()
    return True
