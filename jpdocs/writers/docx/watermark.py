"""A page mark drawn across the page (a copy's 写: model.PageMark, where="diagonal") in
the DOCX, as Word writes a watermark: a VML WordArt shape (a text path) in the header,
behind the text, centred on the page and turned 45°, its text stretched to its box.

The PDF draws the mark at 0.5 × the page's shorter side ÷ the number of characters,
centred on the page, light grey, rotated 45° anticlockwise (pages.page_marks). The
header's right-aligned paragraph (page.write_marks) is the corner marks' place; a
diagonal mark typed there stood upright at the top right, not across the page.

VML, not a DrawingML text box: a text path is what Word's own watermark dialog writes
(the shape named PowerPlusWaterMarkObject, so Word lists and removes it as a
watermark), and LibreOffice reads it as a watermark and writes it back the same way;
a text box's line would be placed by each application's own line height.
"""
from __future__ import annotations

import math

from docx.oxml import OxmlElement
from lxml import etree

from ...spec.style import HouseStyle
from ..ooxml_styles import role_font

V = "urn:schemas-microsoft-com:vml"
O = "urn:schemas-microsoft-com:office:office"
W10 = "urn:schemas-microsoft-com:office:word"

GREY = "#D9D9D9"            # the PDF's Color(0.85, 0.85, 0.85)
ROTATION = 315              # VML turns clockwise: 315 is the PDF's 45° anticlockwise

# Word's shape type 136 (WordArt "Plain Text"), as its watermark dialog writes it
_SHAPETYPE = f"""<v:shapetype xmlns:v="{V}" xmlns:o="{O}" id="_x0000_t136" coordsize="21600,21600" o:spt="136"
 adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>
<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>
<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>
<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>
<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"
 o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight"
 xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>""".replace("\n", "")


def mark_size(text: str, width: float, height: float) -> float:
    """The PDF's size of the mark (pages.page_marks), in points."""
    return min(width, height) * 0.5 / max(len(text), 1)


def ink(text: str, font_path) -> tuple[float, float, float, float]:
    """The text's ink as the PDF sets it, in em from its origin (y up): left, bottom,
    right, top, and its advance. Word and LibreOffice stretch a text path's ink (not
    its em boxes) to the shape's box, so the box is the ink the PDF draws."""
    import uharfbuzz as hb
    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(font_path))))
    upem = font.face.upem
    left = bottom = float("inf")
    right = top = float("-inf")
    x = 0
    for c in text:
        glyph = font.get_nominal_glyph(ord(c)) or 0
        e = font.get_glyph_extents(glyph)
        if e is not None and e.width:
            left, right = min(left, x + e.x_bearing), max(right, x + e.x_bearing + e.width)
            top, bottom = max(top, e.y_bearing), min(bottom, e.y_bearing + e.height)
        x += font.get_glyph_h_advance(glyph)
    if left == float("inf"):                       # no ink at all: the em boxes
        left, bottom, right, top = 0, 0, x, upem
    return left / upem, bottom / upem, right / upem, top / upem, x / upem


def diagonal_mark(text: str, n: int, style: HouseStyle, width: float, height: float):
    """A run holding the mark's shape (the n-th on the page, from 1), for a header
    paragraph of a page `width` × `height` points: its box the ink the PDF draws,
    turned about the ink's centre where the PDF has it."""
    size = mark_size(text, width, height)
    left, bottom, right, top, advance = ink(text, style.font_path("mincho"))
    # the ink's centre in the PDF's turned frame (drawCentredString at y = -0.36 em
    # from the page's centre, pages.page_marks), then on the page (y down)
    cx, cy = ((left + right) / 2 - advance / 2) * size, ((bottom + top) / 2 - 0.36) * size
    turn = math.radians(45)
    px, py = cx * math.cos(turn) - cy * math.sin(turn), cx * math.sin(turn) + cy * math.cos(turn)
    box_w, box_h = (right - left) * size, (top - bottom) * size
    css = ";".join(("position:absolute", f"margin-left:{width / 2 + px - box_w / 2:.2f}pt",
                    f"margin-top:{height / 2 - py - box_h / 2:.2f}pt",
                    f"width:{box_w:.2f}pt", f"height:{box_h:.2f}pt",
                    f"rotation:{ROTATION}", f"z-index:{-251657216 + n}",   # negative: behind the text
                    "mso-position-horizontal-relative:page", "mso-position-vertical-relative:page"))
    shape = etree.Element(f"{{{V}}}shape", {"id": f"PowerPlusWaterMarkObject{n}", f"{{{O}}}spid": f"_x0000_s{2048 + n}",
                                            "type": "#_x0000_t136", "style": css, f"{{{O}}}allowincell": "f",
                                            "fillcolor": GREY, "stroked": "f"}, nsmap={"v": V, "o": O, "w10": W10})
    family = role_font(style, "mincho")[0]
    etree.SubElement(shape, f"{{{V}}}textpath", style=f'font-family:"{family}";font-size:1pt', string=text)
    etree.SubElement(shape, f"{{{W10}}}wrap", anchorx="page", anchory="page")
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:rPr"))
    run[0].append(OxmlElement("w:noProof"))
    pict = OxmlElement("w:pict")
    if n == 1:                                     # the shape type once a header, as Word writes it
        pict.append(etree.fromstring(_SHAPETYPE))
    pict.append(shape)
    run.append(pict)
    return run
