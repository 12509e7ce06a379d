"""Word XML plumbing for the DOCX writer: elements in schema order, East Asian
fonts, the house style laid over the reference document's styles, page set-up, and
deterministic saving.

python-docx has no East Asian font API and `Font.name` writes no w:eastAsia, so
those properties go through `put`, which keeps schema order (Word refuses files
whose elements are out of order). The reference document (tools/build_reference_docx.py)
holds the Japanese defaults (kinsoku, ja-JP, A4, punctuation compression) and one
paragraph style per house-style key, under the same name; the house style is laid
over it again (once per style and process), so an office's own style file reaches
DOCX too.
"""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from functools import lru_cache
from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import nsmap
from docx.oxml.ns import qn as _qn
from docx.oxml.parser import oxml_parser
from docx.shared import Pt, Twips
from lxml.etree import SubElement

from ..fonts import registry as fonts
from ..fonts.names import get_name
from ..errors import fail
from ..atomic import write_atomic
from ..spec.style import TEMPLATES, HouseStyle, ParagraphStyle
from .geometry import FRAME_PAD, text_margins

A4 = (11906, 16838)                                       # twips, portrait
REFERENCE = TEMPLATES / "reference.docx"


FIXED_TIME = datetime(2000, 1, 1, tzinfo=timezone.utc)   # nothing time-dependent in files


ZIP_TIME = (1980, 1, 1, 0, 0, 0)


ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}  # both, 両端揃え


VALIGN = {"top": "top", "middle": "center", "bottom": "bottom"}


# python-docx's qn splits and formats its tag on every call; a document asks for the
# same few dozen names thousands of times.
qn = lru_cache(maxsize=None)(_qn)

THEME_ATTRS = [qn(f"w:{a}") for a in ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme")]


def schema_order(names: str) -> tuple[str, ...]:
    return tuple(qn(f"w:{n}") for n in names.split())


# Child orders of CT_PPr, CT_RPr, CT_TblPr, CT_TcPr, CT_TrPr (ECMA-376 part 1).
PPR = schema_order("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
             "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
             "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
             "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
             "rPr sectPr pPrChange")


RPR = schema_order("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
             "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
             "fitText vertAlign rtl cs em lang eastAsianLayout")


TBLPR = schema_order("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
               "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook")


TCPR = schema_order("cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign")


TRPR = schema_order("cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader")


_W = {"w": nsmap["w"]}


_W_NAMES: dict[str, str] = {}


def w(name: str) -> str:
    """{the w namespace}name: qn without building "w:name" first (asked thousands of
    times a document)."""
    try:
        return _W_NAMES[name]
    except KeyError:
        return _W_NAMES.setdefault(name, qn(f"w:{name}"))


def _w_attrs(attrs: dict) -> dict:
    return {w(k): str(v) for k, v in attrs.items()}


def el(tag: str, **attrs):
    """A new w: element; attribute names without the w: prefix. (What python-docx's
    OxmlElement makes, without parsing the prefixed names each time.) An element made
    inside its parent (`sub`, `put`) costs less: a free one gets a document of its own."""
    return oxml_parser.makeelement(w(tag), attrib=_w_attrs(attrs), nsmap=_W)


def sub(parent, tag: str, **attrs):
    """A new w: element appended to `parent` (its namespace declared there already)."""
    return SubElement(parent, w(tag), _w_attrs(attrs))


@lru_cache(maxsize=None)
def _ranks(order: tuple[str, ...]) -> dict[str, int]:
    """Each tag's place in a schema order (made once per order)."""
    return {tag: i for i, tag in enumerate(order)}


def put(parent, tag: str, order: tuple[str, ...], **attrs):
    """Set `parent`'s child `tag` (replacing any) at its schema position (before the
    first child that comes later in `order`); return it. One pass over the children
    finds both the old ones and that place (a find by tag is an ElementPath look-up)."""
    name = w(tag)
    ranks = _ranks(order)
    rank = ranks[name]
    old, later = [], None
    for child in parent:
        if child.tag == name:
            old.append(child)
        elif later is None and ranks.get(child.tag, -1) > rank:
            later = child
    for child in old:
        parent.remove(child)
    new = SubElement(parent, name, _w_attrs(attrs))      # made in its parent: no namespace of its own
    if later is not None:
        later.addprevious(new)
    return new


PPR_TAG, TRPR_TAG, TBLPREX_TAG = w("pPr"), w("trPr"), w("tblPrEx")


def ppr_of(p):
    """The paragraph's w:pPr, added if it has none: python-docx's get_or_add_pPr, without
    its look-up where the pPr comes first (as it does: python-docx inserts it there)."""
    return p[0] if len(p) and p[0].tag == PPR_TAG else p.get_or_add_pPr()


def trpr_of(tr):
    """The row's w:trPr, added if it has none where python-docx's get_or_add_trPr adds
    it (after a tblPrEx, else first), made inside the row (not an element of its own
    moved in)."""
    trpr = tr.find(TRPR_TAG)
    if trpr is None:
        trpr = SubElement(tr, TRPR_TAG)
        before = tr.find(TBLPREX_TAG)
        before.addnext(trpr) if before is not None else tr.insert(0, trpr)
    return trpr


def twips(points: float) -> int:
    return round(points * 20)


def mm(millimetres: float) -> Twips:
    return Twips(round(millimetres * 1440 / 25.4))


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


def borders(tblPr, kind: str, colour: str) -> None:
    """grid: every rule; box: the outer frame only; none: no rules (layout tables)."""
    line = dict(val="single", sz=4, space=0, color=colour.lstrip("#").upper())
    b = put(tblPr, "tblBorders", TBLPR)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        on = kind == "grid" or (kind == "box" and not side.startswith("inside"))
        sub(b, side, **(line if on else {"val": "nil"}))


# ---------------------------------------------------------------- document
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


_KEPT_XML: dict[tuple, bytes] = {}                 # what a package's content types or relationships are → their XML


def _kept_xml(key: tuple, make) -> bytes:
    """The content types or a relationships part, made once for what they list: the
    same few in every document of a batch (python-docx builds and serializes them,
    working each target's path out anew, for every save)."""
    made = _KEPT_XML.get(key)
    if made is None:
        if len(_KEPT_XML) >= 256:
            del _KEPT_XML[next(iter(_KEPT_XML))]  # the oldest
        made = _KEPT_XML[key] = make()
    return made


def _rels_key(source: str, rels) -> tuple:
    # rels.xml lists each relationship's id, type and target, the target relative to
    # the source's folder (so the source is part of the key)
    return ("rels", source, tuple((rel.rId, rel.reltype, rel.is_external,
                                   rel.target_ref if rel.is_external else rel.target_part.partname)
                                  for rel in rels.values()))


def _rels(source):
    """The relationships of a part or package, or None where it has none: python-docx
    makes a part's (its lazyproperty `rels`, kept in the instance's __dict__) only when
    first asked for, and every relationship is added through it. Making the empty ones
    of the parts without any (styles, settings, theme, …) to walk them cost more than
    the walk (a path split each)."""
    return source.__dict__.get("rels")


def package_parts(package) -> list:
    """package.parts: python-docx's walk over the relationships (depth first, each part
    once, in the order of each source's relationships), over the parts that have
    any. (No part class defines equality: python-docx's `part in visited` is identity.)"""
    parts, seen = [], set()

    def walk(source):
        rels = _rels(source)
        for rel in rels.values() if rels else ():
            if rel.is_external:
                continue
            part = rel.target_part
            if id(part) not in seen:
                seen.add(id(part))
                parts.append(part)
                walk(part)
    walk(package)
    return parts


def package_members(document) -> dict[str, bytes]:
    """The package's members as python-docx's `Document.save` writes them (the steps of
    its PackageWriter: content types, package relationships, then each part and its
    relationships), without the zip it would write them into."""
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgwriter import _ContentTypesItem
    package = document.part.package
    parts = package_parts(package)
    for part in parts:
        part.before_marshal()
    members = {CONTENT_TYPES_URI.membername: _kept_xml(("types", tuple((p.partname, p.content_type) for p in parts)),
                                                       lambda: _ContentTypesItem.from_parts(parts).blob),
               PACKAGE_URI.rels_uri.membername: _kept_xml(_rels_key("/", package.rels), lambda: package.rels.xml)}
    for part in parts:
        members[part.partname.membername] = part.blob
        if _rels(part):
            members[part.partname.rels_uri.membername] = _kept_xml(_rels_key(part.partname, part.rels),
                                                                   lambda: part.rels.xml)
    return members


def document_bytes(document) -> bytes:
    """python-docx's parts are stable but its zip entries carry the clock: the zip is
    written here, with fixed dates and a fixed order ([Content_Types].xml first).
    (The parts are taken from python-docx directly: saving its zip and rewriting it
    deflated every part twice and inflated it once.)"""
    members = package_members(document)
    return zip_bytes([(name, members[name]) for name in sorted(members, key=lambda n: (n != "[Content_Types].xml", n))])


# The zip exactly as zipfile.ZipFile(..., "w", ZIP_DEFLATED).writestr writes it into a
# seekable file, given a ZipInfo with ZIP_TIME, create_system 0 and external_attr 0
# (which writestr makes 0o600 << 16): local header, deflated data, then the central
# directory and its end record. Written here because zipfile cannot take data
# deflated before: most of a DOCX's members (styles, theme, fonts table, settings,
# footers) are the same in every document of a batch, and are deflated once.
_LOCAL = struct.Struct("<4s2B4HL2L2H")             # zipfile.structFileHeader
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")         # zipfile.structCentralDir
_END = struct.Struct("<4s4H2LH")                   # zipfile.structEndArchive
_VERSION, _DOS_TIME, _DOS_DATE = 20, 0, (ZIP_TIME[0] - 1980) << 9 | ZIP_TIME[1] << 5 | ZIP_TIME[2]
_ATTR = 0o600 << 16
_DEFLATED: dict[bytes, tuple[int, bytes]] = {}     # a member's bytes → (CRC-32, deflated), the last few hundred
_KEEP = 256
_ALWAYS_NEW = frozenset(("word/document.xml", "docProps/core.xml"))   # each document's own


def deflated(name: str, data: bytes) -> tuple[int, bytes]:
    """(CRC-32, raw deflate stream) of a member, as zipfile deflates it (level 6,
    no zlib header); a member seen before is not deflated again."""
    hit = None if name in _ALWAYS_NEW else _DEFLATED.get(data)
    if hit is not None:
        return hit
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    made = zlib.crc32(data), compressor.compress(data) + compressor.flush()
    if name not in _ALWAYS_NEW:
        if len(_DEFLATED) >= _KEEP:
            del _DEFLATED[next(iter(_DEFLATED))]  # the oldest
        _DEFLATED[data] = made
    return made


def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    """A zip of the members, in order, byte for byte as zipfile writes it (see above)."""
    out, central = [], []
    offset = 0
    for name, data in members:
        crc, packed = deflated(name, data)
        try:
            filename, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            filename, flags = name.encode("utf-8"), 0x800
        header = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, flags, zipfile.ZIP_DEFLATED, _DOS_TIME, _DOS_DATE, crc,
                             len(packed), len(data), len(filename), 0)
        out += (header, filename, packed)
        central += (_CENTRAL.pack(b"PK\x01\x02", _VERSION, 0, _VERSION, 0, flags, zipfile.ZIP_DEFLATED, _DOS_TIME,
                                  _DOS_DATE, crc, len(packed), len(data), len(filename), 0, 0, 0, 0, _ATTR, offset),
                    filename)
        offset += len(header) + len(filename) + len(packed)
    directory = b"".join(central)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(out) + directory + end


def save_deterministic(document, out: Path) -> None:
    """Deterministic bytes, written atomically (a reader never sees half a file)."""
    write_atomic(Path(out), document_bytes(document))
