"""The house style in Word: fonts named as Word needs them, the reference document's
styles replaced by the house style's, the character grid and line heights, the page
set up as the PDF's.

The reference document (tools/build_reference_docx.py) holds the Japanese defaults
(kinsoku, ja-JP, A4, punctuation compression) and one paragraph style per house-style
key, under the same name; the house style is laid over it again (once per style and
process), so an office's own style file reaches DOCX too. A module of its own beside
the XML plumbing (ooxml.py) it writes with.
"""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, Twips

from ..errors import fail
from ..fonts import registry as fonts
from ..fonts.names import get_name
from ..spec.style import TEMPLATES, HouseStyle, ParagraphStyle
from .geometry import FRAME_PAD, text_margins
from .ooxml import ALIGN, PPR, RPR, el, mm, put, qn, twips

A4 = (11906, 16838)                                       # twips, portrait
REFERENCE = TEMPLATES / "reference.docx"


# ---------------------------------------------------------------- fonts and styles
@lru_cache(maxsize=None)
def font_names(path: Path) -> tuple[str, str, bool]:
    """(Japanese family, English family, is bold) from the font file's name table.
    Word and LibreOffice (fontconfig) resolve both; Japanese Word writes the Japanese
    one (BIZ UD明朝), which the bundled and the Debian-packaged fonts both carry."""
    table = fonts.name_table(path)             # of the font the PDF writer opened and checked
    en = get_name(table, 1, "en") or path.stem
    return get_name(table, 1, "ja") or en, en, "bold" in (get_name(table, 2, "en") or "").lower()


def role_font(style: HouseStyle, role: str) -> tuple[str, bool]:
    """Family name and boldness of a font role: gothic-bold → (BIZ UDゴシック, True)."""
    if role not in style.fonts:
        raise fail(style.source, f"font role '{role}' is not one of fonts: {', '.join(style.fonts)}")
    ja, _, bold = font_names(style.font_path(role))
    return ja, bold or role.endswith("-bold")


def set_fonts(rpr, family: str) -> None:
    """All four slots named and no theme attribute (a theme attribute wins over a
    name): the only way East Asian text really gets `family`."""
    put(rpr, "rFonts", RPR, ascii=family, hAnsi=family, eastAsia=family, cs=family)


ARTICLE = "article"          # the style of an agreement's article headings (条見出し), based on body
# The names Word shows (w:name) for the house style's keys (the style ids, which the
# writers use): names a Japanese clerk recognises, none of them a Word built-in's
# (header, title, heading are Word's Header, Title, Heading). Another key of an
# office's own style file is shown as written.
DISPLAY_NAMES = {"body": "本文", "header": "宛先", "date": "日付", "title": "表題", "heading": "見出し",
                 "label": "項目名", "item": "項目", "ki": "記", "table": "表本文", "small": "注記",
                 ARTICLE: "条見出し", "sheet_title": "概要 表題", "sheet_party": "概要 当事者",
                 "sheet_party_note": "概要 当事者注記", "sheet_text": "概要 本文", "sheet_area": "概要 分野",
                 "sheet_item": "概要 項目", "cover_title": "表紙 表題", "jp-grid": "表（罫線あり）",
                 "jp-none": "表（罫線なし）"}
OUTLINE = {"title": 0, "sheet_title": 0, "cover_title": 0, "heading": 1, ARTICLE: 1}   # Word's navigation pane: レベル1, 2
# The style Enter gives after a paragraph in a heading style (w:next; without one, Word
# and LibreOffice give the heading's own: a clerk's （目的）⏎ made a second heading). Text
# follows a heading and 記's items follow it. A document whose paragraphs show what
# follows (an agreement's articles) names its own (docx/next_styles.py). Body styles
# are their own next, as Word takes them without one.
NEXT = {"title": "body", "heading": "body", ARTICLE: "body", "ki": "item"}


def display_name(style_id: str) -> str:
    return DISPLAY_NAMES.get(style_id, style_id)


def style_by_id(document, style_id: str):
    """A style by its id (python-docx looks styles up by display name)."""
    for st in document.styles:
        if st.style_id == style_id:
            return st
    return None


def apply_house_style(document, style: HouseStyle) -> None:
    """Default font and typesetting flags, and one paragraph style per house-style key
    (style id = name), replacing what the reference had. Idempotent."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr, ppr = (defaults.find(qn(f"w:{k}Default"))[0] for k in ("rPr", "pPr"))
    base, ts = style.styles.get("body") or next(iter(style.styles.values())), style.typesetting
    rpr.clear()
    set_fonts(rpr, role_font(style, base.font)[0])
    rpr.extend([el("sz", val=round(base.size * 2)), el("szCs", val=round(base.size * 2)),
                el("lang", val="en-US", eastAsia="ja-JP", bidi="ar-SA")])
    ppr.clear()   # also drops python-docx's "10pt after, 1.15 lines"
    # no wordWrap 0: it lets Word break Latin words and numbers anywhere, which the PDF never does
    for tag, val in (("kinsoku", 1), ("overflowPunct", int(ts.hanging_punctuation)),
                     ("autoSpaceDE", int(ts.latin_spacing)), ("autoSpaceDN", int(ts.latin_spacing)),
                     ("snapToGrid", int(ts.grid is not None)), ("jc", "both")):
        ppr.append(el(tag, val=val))
    csc = document.settings.element.find(qn("w:characterSpacingControl"))
    if csc is not None:
        csc.set(qn("w:val"), "compressPunctuation" if ts.compress_punctuation else "doNotCompress")
    extra = {ARTICLE: style.styles["body"].model_copy(update={"align": "left"})} if "body" in style.styles else {}
    for name, ps in {**style.styles, **extra}.items():
        st = style_by_id(document, name)
        if st is None:
            st = document.styles.add_style(display_name(name), WD_STYLE_TYPE.PARAGRAPH)
            st.element.set(qn("w:styleId"), name)
        st.element.name_val = display_name(name)
        for old in st.element.findall(qn("w:pPr")) + st.element.findall(qn("w:rPr")):
            st.element.remove(old)
        st.base_style, st.quick_style = document.styles["Normal"], True
        if name == ARTICLE:
            st.base_style = style_by_id(document, "body")
        st.paragraph_format.alignment = ALIGN[ps.align]
        pPr = st.element.get_or_add_pPr()
        put(pPr, "spacing", PPR, before=0, after=0,
            line=twips(line_height(style, ps)), lineRule="exact")   # exact, as the PDF sets lines
        if name == ARTICLE:            # 第１条（目的）: with its text, 6pt above, as the template sets it
            put(pPr, "keepNext", PPR)
            put(pPr, "spacing", PPR, before=120, after=0, line=twips(line_height(style, ps)), lineRule="exact")
        if name in OUTLINE:
            put(pPr, "outlineLvl", PPR, val=OUTLINE[name])
        family, bold = role_font(style, ps.font)
        set_fonts(st.element.get_or_add_rPr(), family)
        st.font.size, st.font.bold = Pt(ps.size), (bold or None)
    for name, then in NEXT.items():                # (after the loop: the next may come later in it)
        st, following = style_by_id(document, name), style_by_id(document, then)
        if st is not None and following is not None:
            st.next_paragraph_style = following


def no_stretch_before_breaks(document) -> None:
    """A line ended by a line break (a newline in a value) is set left, not stretched
    across a justified paragraph as Word does by default (LibreOffice reads this too),
    as the PDF composer sets it. doNotExpandShiftReturn stands first in w:compat."""
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = el("compat")
        settings.append(compat)
    if compat.find(qn("w:doNotExpandShiftReturn")) is None:
        compat.insert(0, el("doNotExpandShiftReturn"))


def per_style(kept: dict, style: HouseStyle, make):
    """What `make(style)` gives, made once per style object and kept for the last few
    (a house style is frozen but not hashable: kept by id, with the style itself so
    that a new object at a reused id is not taken for the old one)."""
    found = kept.get(id(style))
    if found is None or found[0] is not style:
        if len(kept) >= 8:
            del kept[next(iter(kept))]
        found = kept[id(style)] = (style, make(style))
    return found[1]


def grid_pitches(style: HouseStyle, orientation: str = "portrait") -> tuple[float, float]:
    """Character and line pitch (points) of the house grid over the text area."""
    w, h = A4 if orientation == "portrait" else A4[::-1]
    mg, grid = style.page.margins, style.typesetting.grid
    return ((w / 20 - (mg.left + mg.right) * 72 / 25.4 - 2 * FRAME_PAD) / grid.chars,
            (h / 20 - (mg.top + mg.bottom) * 72 / 25.4 - 2 * FRAME_PAD) / grid.lines)


def line_height(style: HouseStyle, ps: ParagraphStyle) -> float:
    """Line height; on a character grid, whole grid lines (as the PDF sets them)."""
    if style.typesetting.grid is None:
        return ps.size * ps.leading
    pitch = grid_pitches(style)[1]
    return -(-(ps.size * ps.leading) // pitch) * pitch


def paragraph_style(style: HouseStyle, name: str) -> ParagraphStyle:
    if name not in style.styles:
        raise fail(style.source, f"paragraph style '{name}' is not one of styles: {', '.join(style.styles)}")
    return style.styles[name]


# ---------------------------------------------------------------- page and reference document
def set_page(section, style: HouseStyle, orientation: str = "portrait", kind: str = "") -> None:
    """A4 in the given orientation; the page margins are the PDF's text area (the
    house margins of the document kind plus the frame padding, geometry.py), so that
    both files set the same lines on the same pages."""
    w, h = A4 if orientation == "portrait" else A4[::-1]
    section.orientation = WD_ORIENT.LANDSCAPE if orientation == "landscape" else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Twips(w), Twips(h)
    mg, text = style.page.margins_for(kind), text_margins(style, kind)
    section.top_margin, section.bottom_margin = Twips(twips(text["top"])), Twips(twips(text["bottom"]))
    section.left_margin, section.right_margin = Twips(twips(text["left"])), Twips(twips(text["right"]))
    section.gutter = Twips(0)
    section.header_distance, section.footer_distance = mm(min(10, mg.top / 2)), mm(min(8, mg.bottom / 2))
    grid = style.typesetting.grid
    if grid is not None and orientation == "portrait":   # 文字数と行数を指定: chars × lines, Word's own grid
        #                                                  (not on the overview sheet, as in the PDF)
        chars, lines = grid_pitches(style, orientation)
        body = style.styles.get("body") or next(iter(style.styles.values()))
        sect = section._sectPr
        for old in sect.findall(qn("w:docGrid")):
            sect.remove(old)
        sect.append(el("docGrid", type="linesAndChars", linePitch=twips(lines),
                       charSpace=round((chars - body.size) * 4096)))   # 4096ths of a point per character


_STYLED: dict[str, bytes] = {}


def styled_reference(key: str, style: HouseStyle) -> bytes:
    """The reference document with the house style applied, once per style (`key`,
    its JSON: the style itself is not hashable) and process: applying it took a
    third of every DOCX's time."""
    if key in _STYLED:
        return _STYLED[key]
    if not REFERENCE.is_file():
        raise fail(str(REFERENCE), "missing: run tools/build_reference_docx.py")
    document = docx.Document(str(REFERENCE))
    apply_house_style(document, style)
    buf = io.BytesIO()
    document.save(buf)
    return _STYLED.setdefault(key, buf.getvalue())
