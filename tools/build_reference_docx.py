"""Build templates/reference.docx, the style source of the DOCX writer.

    .venv/bin/python tools/build_reference_docx.py

Starts from python-docx's default template and fixes what is wrong for Japanese
documents (Letter size, English East Asian language, theme fonts, no kinsoku, no
punctuation compression), drops what a reference does not need (Word's 160 sample
styles, thumbnail, bibliography), then lays the default house style over it. The
output is byte-identical from run to run.
"""
from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jpdocs.spec.style import load_style  # noqa: E402
from jpdocs.writers.ooxml import THEME_ATTRS, schema_order, borders, el, put  # noqa: E402
from jpdocs.writers.ooxml_styles import REFERENCE, apply_house_style, display_name, font_names, set_page  # noqa: E402
from jpdocs.writers.ooxml_zip import FIXED_TIME, save_deterministic  # noqa: E402

# CT_Settings child order, from defaultTabStop on (everything we add sits after it).
SETTINGS = schema_order(
    "defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps "
    "showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
    "bookFoldRevPrinting bookFold bookFoldPrintingSheets drawingGridHorizontalSpacing "
    "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery "
    "displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin "
    "drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData "
    "noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars "
    "noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema "
    "saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml "
    "saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace "
    "updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids")
KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
UNNEEDED = ("http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
            RT.CUSTOM_XML, RT.THUMBNAIL)


def build(out: Path = REFERENCE) -> None:
    style = load_style()
    document = docx.Document()
    _drop_parts(document)
    _fix_styles(document)
    _fix_settings(document.settings.element)
    _font_table(document, style)
    _clean_package(document, style)
    set_page(document.sections[0], style)
    apply_house_style(document, style)
    for name, kind in (("jp-grid", "grid"), ("jp-none", "none")):
        st = document.styles.add_style(display_name(name), WD_STYLE_TYPE.TABLE)
        st.element.set(qn("w:styleId"), name)
        st.base_style = document.styles["Normal Table"]
        tblPr = el("tblPr")
        st.element.append(tblPr)
        borders(tblPr, kind, style.colours.get("rule", "#000000"))
    cp = document.core_properties
    cp.title = cp.subject = cp.author = cp.last_modified_by = cp.comments = ""
    cp.keywords = cp.category = ""
    cp.language = "ja-JP"
    cp.created = cp.modified = FIXED_TIME
    cp.revision = 1
    save_deterministic(document, out)


def _drop_parts(document) -> None:
    """stylesWithEffects would carry theme fonts back in; the thumbnail shows an English
    page; the customXml part is a bibliography store. None is referenced from the text."""
    for rels in (document.part.rels, document.part.package.rels):
        for rId, rel in list(rels.items()):
            if rel.reltype in UNNEEDED:
                del rels[rId]


def _fix_styles(document) -> None:
    root = document.styles.element
    # Word's sample styles (Title, header, Heading 1 …) clash with the house names
    # (title, header) and carry theme fonts and colours: keep only the four Word needs.
    for st in root.findall(qn("w:style")):
        if st.get(qn("w:styleId")) not in KEEP_STYLES:
            root.remove(st)
    # Theme attributes override explicit font names: remove every one.
    for rfonts in root.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            rfonts.attrib.pop(attr, None)
        if not rfonts.attrib:
            rfonts.getparent().remove(rfonts)


def _fix_settings(settings) -> None:
    put(settings, "noPunctuationKerning", SETTINGS)
    put(settings, "characterSpacingControl", SETTINGS, val="compressPunctuation")
    put(settings, "strictFirstAndLastChars", SETTINGS)   # small kana never start a line
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.attrib.clear()
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "ja-JP")
    # Compatibility mode 15 (Word 2013+), so Word opens the file without the
    # compatibility-mode banner; useFELayout (East Asian layout) stays.
    for cs in settings.iter(qn("w:compatSetting")):
        if cs.get(qn("w:name")) == "compatibilityMode":
            cs.set(qn("w:val"), "15")


APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           '<Application>jpdocs</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>'
           '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>'
           '<HyperlinksChanged>false</HyperlinksChanged></Properties>')
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _clean_package(document, style) -> None:
    """No leftovers of python-docx's template: app.xml names jpdocs (not Microsoft
    Macintosh Word, nor its page and word counts), the theme's fonts are the house
    fonts (headings Gothic, body Mincho, in place of Calibri/Cambria and ＭＳ明朝),
    the default tab stop is one em of body text (not 12.7mm), and numbering.xml holds
    no sample lists (the writer adds an agreement's own)."""
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        if name == "/docProps/app.xml":
            part._blob = APP_XML.encode("utf-8")
        elif name.startswith("/word/theme/"):
            root = etree.fromstring(part.blob)
            for kind, role in (("majorFont", "gothic"), ("minorFont", "mincho")):
                family = font_names(style.font_path(role))[0]
                for fonts in root.iter(f"{A}{kind}"):
                    fonts.find(f"{A}latin").set("typeface", family)
                    fonts.find(f"{A}ea").set("typeface", family)
                    for f in fonts.findall(f"{A}font"):
                        if f.get("script") == "Jpan":
                            f.set("typeface", family)
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    body = style.styles.get("body") or next(iter(style.styles.values()))
    put(document.settings.element, "defaultTabStop", SETTINGS, val=round(body.size * 20))
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)


def _font_table(document, style) -> None:
    """Declare the house fonts with their English names as altName: Word resolves
    either, which helps on machines that know only one of them."""
    part = document.part.part_related_by(RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    seen = set()
    for role in style.fonts:
        ja, en, _ = font_names(style.font_path(role))
        if ja in seen:
            continue
        seen.add(ja)
        font = el("font", name=ja)
        font.append(el("altName", val=en))
        font.append(el("charset", val="80"))              # SHIFTJIS_CHARSET
        font.append(el("family", val="modern" if "goth" in en.lower() else "roman"))
        font.append(el("pitch", val="fixed"))
        root.append(font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


if __name__ == "__main__":
    build()
    print(REFERENCE)
