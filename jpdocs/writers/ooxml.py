"""Word XML plumbing for the DOCX writer: elements made and set in schema order,
the lengths Word counts in, table borders.

python-docx has no East Asian font API and `Font.name` writes no w:eastAsia, so
those properties go through `put`, which keeps schema order (Word refuses files
whose elements are out of order). The house style laid over the reference
document's styles and the page set-up are in ooxml_styles.py, the deterministic
saving in ooxml_zip.py.
"""
from __future__ import annotations

from functools import lru_cache

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import nsmap
from docx.oxml.ns import qn as _qn
from docx.oxml.parser import oxml_parser
from docx.shared import Twips
from lxml.etree import SubElement


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


def borders(tblPr, kind: str, colour: str) -> None:
    """grid: every rule; box: the outer frame only; none: no rules (layout tables)."""
    line = dict(val="single", sz=4, space=0, color=colour.lstrip("#").upper())
    b = put(tblPr, "tblBorders", TBLPR)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        on = kind == "grid" or (kind == "box" and not side.startswith("inside"))
        sub(b, side, **(line if on else {"val": "nil"}))
