"""The DOCX writer, on small model documents built here, read back from the file."""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import SOFFICE

from jpdocs.content import model as m
from jpdocs.errors import InputError
from jpdocs.spec.style import TEMPLATES, load_style
from jpdocs.writers.docx import write_docx
from jpdocs.writers.ooxml_styles import DISPLAY_NAMES

ROOT = Path(__file__).resolve().parent.parent
STYLE = load_style()
MINCHO, GOTHIC = "BIZ UD明朝", "BIZ UDゴシック"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def P(text, **kw):
    return m.Paragraph([m.Text(text)], **kw)


def cell(text, **kw):
    return m.Cell([P(text, style="table")], **kw)


def write(tmp_path, blocks, name="out.docx", title="件名", **kw) -> Path:
    out = tmp_path / name
    write_docx(m.Document("test", title, "北海道", blocks, subject="報道機関各位", **kw), STYLE, out)
    return out


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def body(path: Path):
    return docx.Document(str(path)).element.body


def attrs(element, *names) -> tuple:
    return tuple(element.get(qn(f"w:{n}")) for n in names)


def ptext(p) -> str:
    """A paragraph's text as written: w:t, and tabs and breaks inside runs."""
    marks = {f"{W}tab": "\t", f"{W}br": "\n"}
    return "".join(marks.get(e.tag) or e.text or "" for r in p.iter(f"{W}r")
                   for e in r.iter(f"{W}t", f"{W}tab", f"{W}br"))


def texts(path: Path) -> list[str]:
    """Every paragraph's text in reading order, table cells included."""
    return [ptext(p) for p in body(path).iter(f"{W}p")]


def para(path: Path, text: str):
    return next(p for p in body(path).iter(f"{W}p") if ptext(p) == text)


SAMPLE = [
    P("報道機関各位", style="header", tracking=0.5),
    P("令和６年（2024年）２月16日（金）", style="date"),
    m.Heading([m.Text("包括連携協定の締結について")], style="title"),
    P("今般、北海道は協定を締結します。", first_indent=1),
    m.Ki([m.Item("１", [m.Text("日時")], [P("令和６年２月27日（火）", left_indent=1)]),
          m.Item("(2)", [m.Text("場所")])], closing=True),
    m.Table([[cell("問合せ先", shade="shade", valign="middle"), cell("総務課　担当：道下")],
             [cell("備考", colspan=2)]], widths=[0.25, 0.75]),
    m.Spacer(12),
    m.KeepTogether([P("以上のとおり協定する。"), P("令和６年２月27日", style="date"), P("甲　北海道")]),
]


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    return write(tmp_path_factory.mktemp("docx"), SAMPLE)


def test_paragraph_texts_in_reading_order(sample):
    assert texts(sample) == [
        "報道機関各位", "令和６年（2024年）２月16日（金）", "包括連携協定の締結について",
        "今般、北海道は協定を締結します。", "記", "１\t日時", "令和６年２月27日（火）", "(2)\t場所",
        "以上", "問合せ先", "総務課　担当：道下", "備考", "", "以上のとおり協定する。", "令和６年２月27日",
        "甲　北海道"]


def style_chain(path: Path, style_id: str) -> list:
    """The style and the styles it is based on, nearest first."""
    styles = {st.get(qn("w:styleId")): st for st in docx.Document(str(path)).styles.element.findall(f"{W}style")}
    chain = []
    while style_id in styles:
        chain.append(styles[style_id])
        based = styles[style_id].find(f"{W}basedOn")
        style_id = based.get(qn("w:val")) if based is not None else None
    return chain


def effective(path: Path, p, tag: str):
    """A paragraph property as Word applies it: the paragraph's own, else its style's."""
    own = p.find(f"{W}pPr/{W}{tag}")
    if own is not None:
        return own
    for st in style_chain(path, p.find(f"{W}pPr/{W}pStyle").get(qn("w:val"))):
        found = st.find(f"{W}pPr/{W}{tag}")
        if found is not None:
            return found
    return None


def test_every_paragraph_carries_a_house_style(sample):
    """Its style is a house style or one based on it (an indent gathered into a style)."""
    used = {p.find(f"{W}pPr/{W}pStyle").get(qn("w:val")) for p in body(sample).iter(f"{W}p")}
    assert all(any(st.get(qn("w:styleId")) in STYLE.styles for st in style_chain(sample, u)) for u in used)
    assert any(u not in STYLE.styles for u in used)


def test_indents_are_in_styles_not_on_paragraphs(sample):
    """No paragraph carries an indent or a tab stop of its own: a style per combination
    (本文（字下げ）, 本文（左３字）…), based on the paragraph's house style."""
    paragraphs = list(body(sample).iter(f"{W}p"))
    assert not [ptext(p) for p in paragraphs if p.find(f"{W}pPr/{W}ind") is not None
                or p.find(f"{W}pPr/{W}tabs") is not None]
    names = {st.find(f"{W}name").get(qn("w:val")): st for st in docx.Document(str(sample)).styles.element
             .findall(f"{W}style")}
    first = names["本文（字下げ）"]
    assert first.find(f"{W}basedOn").get(qn("w:val")) == "body"
    assert attrs(first.find(f"{W}pPr/{W}ind"), "firstLine", "firstLineChars") == ("210", "100")
    assert "本文（左３字）" in names


def test_reference_styles_are_the_house_styles():
    ref = docx.Document(str(TEMPLATES / "reference.docx"))
    fonts = {"mincho": (MINCHO, None), "gothic": (GOTHIC, None), "gothic-bold": (GOTHIC, True)}
    jc = {"left": "left", "center": "center", "right": "right", "justify": "both"}
    by_id = {st.style_id: st for st in ref.styles}
    for name, ps in STYLE.styles.items():
        st = by_id[name]
        # ids are the house keys; names are Japanese, none a Word built-in's (Header, Title …)
        assert st.element.name_val == DISPLAY_NAMES[name] and not st.element.name_val.isascii()
        rfonts = st.element.rPr.find(qn("w:rFonts"))
        assert set(attrs(rfonts, "ascii", "hAnsi", "eastAsia", "cs")) == {fonts[ps.font][0]}
        assert st.font.bold == fonts[ps.font][1]
        assert st.font.size.pt == ps.size
        assert st.element.pPr.find(qn("w:jc")).get(qn("w:val")) == jc[ps.align]
        line, rule = attrs(st.element.pPr.find(qn("w:spacing")), "line", "lineRule")
        assert (int(line), rule) == (round(ps.size * ps.leading * 20), "exact")
    assert {"jp-grid", "jp-none"} <= set(by_id)
    assert {"表（罫線あり）", "表（罫線なし）"} <= {s.name for s in ref.styles}
    article = by_id["article"].element                      # 条見出し: the article headings' own style
    assert article.name_val == "条見出し" and article.basedOn_val == "body"
    assert article.pPr.find(qn("w:keepNext")) is not None
    outline = {i: by_id[i].element.pPr.find(qn("w:outlineLvl")) for i in ("title", "heading", "article", "body")}
    assert [o is not None and o.get(qn("w:val")) for o in outline.values()] == ["0", "1", "1", False]


def test_east_asian_fonts_and_no_theme_fonts(sample):
    styles, document = part(sample, "word/styles.xml"), part(sample, "word/document.xml")
    for xml in (styles, document):
        assert not re.search(r"w:(ascii|eastAsia|hAnsi|cs)Theme=", xml, re.I)
    assert (f'<w:rPrDefault><w:rPr><w:rFonts w:ascii="{MINCHO}" w:hAnsi="{MINCHO}" w:eastAsia="{MINCHO}" '
            f'w:cs="{MINCHO}"/>') in styles
    assert '<w:lang w:val="en-US" w:eastAsia="ja-JP"' in styles


def test_run_fonts_bold_and_line_breaks(tmp_path):
    out = write(tmp_path, [m.Paragraph([m.Text("明朝"), m.Text("ゴシック", font="gothic"),
                                        m.LineBreak(), m.Text("強調", bold=True)])])
    runs = list(body(out).iter(f"{W}r"))
    fonts = [r.find(f"{W}rPr/{W}rFonts") for r in runs]
    assert fonts[0] is None                                   # inherits the style's Mincho
    assert attrs(fonts[1], "ascii", "hAnsi", "eastAsia") == (GOTHIC,) * 3
    assert runs[2].find(f"{W}br") is not None
    assert fonts[3].get(qn("w:eastAsia")) == GOTHIC and runs[3].find(f"{W}rPr/{W}b") is not None


def test_japanese_typesetting_settings(sample):
    styles, settings = part(sample, "word/styles.xml"), part(sample, "word/settings.xml")
    assert ('<w:pPrDefault><w:pPr><w:kinsoku w:val="1"/><w:overflowPunct w:val="1"/>'
            '<w:autoSpaceDE w:val="1"/><w:autoSpaceDN w:val="1"/><w:snapToGrid w:val="0"/><w:jc w:val="both"/>'
            in styles)
    order = [re.search(rf"<w:{t}\b", settings).start()
             for t in ("defaultTabStop", "noPunctuationKerning", "characterSpacingControl",
                       "strictFirstAndLastChars", "compat", "themeFontLang")]
    assert order == sorted(order)                             # CT_Settings schema order
    assert "wordWrap" not in styles + part(sample, "word/document.xml")   # Latin words never broken anywhere
    assert '<w:characterSpacingControl w:val="compressPunctuation"/>' in settings
    assert '<w:themeFontLang w:val="en-US" w:eastAsia="ja-JP"/>' in settings


def test_a4_portrait_and_landscape(sample, tmp_path):
    sec = docx.Document(str(sample)).sections[0]
    assert (sec.page_width.twips, sec.page_height.twips) == (11906, 16838)
    # the PDF's text area: the house margin plus the frame's 6pt padding
    assert sec.left_margin.twips == round((STYLE.page.margins.left * 72 / 25.4 + 6) * 20)
    assert sec.top_margin.twips == round((STYLE.page.margins.top * 72 / 25.4 + 6) * 20)
    land = docx.Document(str(write(tmp_path, [P("横")], orientation="landscape"))).sections[0]
    assert (land.page_width.twips, land.page_height.twips) == (16838, 11906)
    assert 'w:orient="landscape"' in part(tmp_path / "out.docx", "word/document.xml")


def test_same_text_width_as_the_pdf(tmp_path):
    """One geometry: the DOCX's text width is the width the PDF wraps paragraphs to."""
    from jpdocs.writers.blocks import BlockBuilder
    from jpdocs.writers.pages import doc_template, text_width
    import io as _io
    for kind in ("test", "agreement"):
        doc = m.Document(kind, "件名", "北海道", [P("本文")])
        pdf_width = text_width(doc_template(doc, STYLE, _io.BytesIO(), BlockBuilder(STYLE)))
        out = tmp_path / f"{kind}.docx"
        write_docx(doc, STYLE, out)
        sec = docx.Document(str(out)).sections[0]
        assert abs((sec.page_width - sec.left_margin - sec.right_margin) / 12700 - pdf_width) < 0.1


def test_seal_place_in_half_points(tmp_path):
    """㊞ as large as the PDF's circle (0.52 of the place): 62pt → 32pt, w:sz 64 half-points."""
    out = write(tmp_path, [m.Seal("甲")])
    sz = para(out, "㊞").find(f"{W}r/{W}rPr/{W}sz").get(qn("w:val"))
    assert sz == str(round(0.52 * 62 * 2))


def test_indents_and_tracking(sample):
    ind = effective(sample, para(sample, "今般、北海道は協定を締結します。"), "ind")
    assert attrs(ind, "firstLine", "firstLineChars") == ("210", "100")
    item = para(sample, "(2)\t場所")        # (2) is 1.5 em, plus 1 em
    assert attrs(effective(sample, item, "ind"), "left", "hanging", "hangingChars") == ("525", "525", "250")
    assert attrs(effective(sample, item, "tabs").find(f"{W}tab"), "val", "pos") == ("left", "525")
    child = effective(sample, para(sample, "令和６年２月27日（火）"), "ind")   # its 1 em + the item's 2 em
    assert attrs(child, "left", "leftChars") == ("630", "300")
    runs = para(sample, "報道機関各位").iter(f"{W}r")
    spaced = [(ptext(r), r.find(f"{W}rPr/{W}spacing")) for r in runs]
    assert [(t, s is not None and s.get(qn("w:val"))) for t, s in spaced] == [("報道機関各", "120"), ("位", False)]


def test_items_with_a_fixed_hang_line_up(tmp_path):
    out = write(tmp_path, [m.Item("件名", [m.Text("短い")], hang=5, style="label"),
                           m.Item("配付資料", [m.Text("資料")], hang=5, style="label")])
    for text in ("件名\t短い", "配付資料\t資料"):
        p = para(out, text)
        assert attrs(effective(out, p, "ind"), "left", "hanging") == ("1050", "1050")
        assert effective(out, p, "tabs").find(f"{W}tab").get(qn("w:pos")) == "1050"


def test_table_widths_shading_span_and_borders(sample, tmp_path):
    tbl = body(sample).find(f"{W}tbl")
    sec = docx.Document(str(sample)).sections[0]
    text_width = sec.page_width.twips - sec.left_margin.twips - sec.right_margin.twips
    grid = [int(g.get(qn("w:w"))) for g in tbl.iter(f"{W}gridCol")]
    assert grid == [round(text_width * 0.25), round(text_width * 0.75)]
    rows = tbl.findall(f"{W}tr")
    assert [int(tc.find(f"{W}tcPr/{W}tcW").get(qn("w:w"))) for tc in rows[0].findall(f"{W}tc")] == grid
    spanned = rows[1].findall(f"{W}tc")
    assert len(spanned) == 1 and spanned[0].find(f"{W}tcPr/{W}gridSpan").get(qn("w:val")) == "2"
    assert int(spanned[0].find(f"{W}tcPr/{W}tcW").get(qn("w:w"))) == sum(grid)
    first = rows[0].find(f"{W}tc/{W}tcPr")
    assert first.find(f"{W}shd").get(qn("w:fill")) == STYLE.colours["shade"].lstrip("#").upper()
    assert first.find(f"{W}vAlign").get(qn("w:val")) == "center"
    assert tbl.find(f"{W}tblPr/{W}tblBorders/{W}insideV").get(qn("w:val")) == "single"
    for border, outer, inner in (("box", "single", "nil"), ("none", "nil", "nil")):
        t = body(write(tmp_path, [m.Table([[cell("a"), cell("b")]], [0.5, 0.5], border=border)])).find(f"{W}tbl")
        b = t.find(f"{W}tblPr/{W}tblBorders")
        assert (b.find(f"{W}top").get(qn("w:val")), b.find(f"{W}insideV").get(qn("w:val"))) == (outer, inner)


def test_keep_together_and_page_break(sample, tmp_path):
    """A KeepTogether is the one cell of a borderless table whose row cannot split."""
    everything = list(body(sample).iter(f"{W}p"))
    paras = [next(p for p in everything if ptext(p) == t) for t in ("以上のとおり協定する。", "令和６年２月27日", "甲　北海道")]
    tr = paras[0].getparent().getparent()
    assert all(p.getparent().getparent() == tr for p in paras)
    assert tr.tag == f"{W}tr" and tr.find(f"{W}trPr/{W}cantSplit") is not None
    assert len(tr.findall(f"{W}tc")) == 1
    mar = tr.getparent().find(f"{W}tblPr/{W}tblCellMar")
    assert {e.get(qn("w:w")) for e in mar} == {"0"}
    assert [p.find(f"{W}pPr/{W}keepNext") is not None for p in paras] == [True, True, False]
    out = write(tmp_path, [P("一頁"), m.PageBreak(), P("二頁")])
    assert para(out, "二頁").find(f"{W}pPr/{W}pageBreakBefore") is not None


def instructions(element) -> str:
    """A footer's field instructions and text, in order: fldSimple as {instr}."""
    out = []
    for e in element.iter(f"{W}instrText", f"{W}t", f"{W}fldSimple", f"{W}fldChar"):
        if e.tag == f"{W}fldSimple":
            out.append("{" + e.get(qn("w:instr")) + "}")
        elif e.tag == f"{W}fldChar":
            out.append({"begin": "{", "separate": "|", "end": "}"}[e.get(qn("w:fldCharType"))])
        elif e.tag == f"{W}instrText" or e.getparent().getparent().tag != f"{W}fldSimple":
            out.append(e.text)
    return "".join(out)


@pytest.mark.parametrize("several", [False, True])
def test_page_numbers_by_the_docx_page_count(tmp_path, several):
    """Pages 2 on carry - PAGE -; the first page its own footer that prints - 1 - only
    when the document has more pages ({ IF { SECTIONPAGES } > 1 … }), its stored result
    what the PDF shows (LibreOffice prints that, test_docx_pages)."""
    from jpdocs.writers.docx import render_docx
    out = tmp_path / "n.docx"
    out.write_bytes(render_docx(m.Document("test", "件名", "北海道", [P("本文")]), STYLE, page_numbers=several))
    sec = docx.Document(str(out)).sections[0]
    assert sec.different_first_page_header_footer
    assert instructions(sec.footer._element) == "- { PAGE } -"
    shown = "- 1 -" if several else ""
    assert instructions(sec.first_page_footer._element) == \
        "{ IF { SECTIONPAGES |%s} > 1 \"- 1 -\" \"\" |%s}" % (shown, shown)


def test_footer_page_number_and_metadata(sample):
    with zipfile.ZipFile(sample) as z:
        footer = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
        everything = b"".join(z.read(n) for n in z.namelist())
    assert len(footer) == 2 and sum('w:instr=" PAGE "' in f for f in footer) == 1
    assert re.search(r"<w:t[^>]*>- </w:t>.*PAGE.*<w:t[^>]*> -</w:t>", "".join(footer), re.S)
    assert b"python-docx" not in everything
    cp = docx.Document(str(sample)).core_properties
    assert (cp.title, cp.author, cp.last_modified_by) == ("件名", "北海道", "北海道")
    assert (cp.language, cp.revision, cp.created.year, cp.modified.year) == ("ja-JP", 1, 2000, 2000)


def test_byte_identical_on_two_writes(tmp_path):
    a, b = write(tmp_path, SAMPLE, "a.docx"), write(tmp_path, SAMPLE, "b.docx")
    assert a.read_bytes() == b.read_bytes()
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zipfile.ZipFile(a).infolist())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.docx"]   # no temporary left


def test_values_are_written_literally(tmp_path):
    raw = "<&>\"' {{ name }} {% if %}　全角　 two  spaces "
    out = write(tmp_path, [P(raw), P("\u3000字下げ")], title="<&> {{ t }}")
    assert texts(out) == [raw, "\u3000字下げ"]
    assert docx.Document(str(out)).core_properties.title == "<&> {{ t }}"


def test_unknown_style_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="paragraph style 'nope'"):
        write(tmp_path, [P("x", style="nope")])


def test_reference_is_deterministic_and_up_to_date(tmp_path):
    spec = importlib.util.spec_from_file_location("build_reference_docx", ROOT / "tools/build_reference_docx.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    builder.build(tmp_path / "a.docx")
    builder.build(tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.docx") as fresh, zipfile.ZipFile(TEMPLATES / "reference.docx") as kept:
        assert fresh.namelist() == kept.namelist()
        for name in fresh.namelist():   # parts, not zip bytes: zlib may differ between machines
            assert fresh.read(name) == kept.read(name), f"{name} is stale: run tools/build_reference_docx.py"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_libreoffice_renders_with_the_biz_ud_fonts(sample, tmp_path):
    """LibreOffice finds the fonts by the names written (BIZ UD明朝 …) through
    fontconfig; if it did not, it would print with a substitute and still exit 0."""
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(sample)],
                   env=dict(os.environ, HOME=str(tmp_path)), capture_output=True, timeout=180, check=True)
    pdf = tmp_path / (sample.stem + ".pdf")
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = {row.split()[0].split("+")[-1] for row in listing.splitlines()[2:]}
    assert names == {"BIZUDMincho-Regular", "BIZUDGothic-Regular", "BIZUDGothic-Bold"}, listing
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "包括連携協定の締結について" in re.sub(r"\s", "", text)


def test_a_long_title_breaks_between_phrases_as_in_the_pdf(tmp_path):
    """Word would break a title that overflows its line anywhere (…大学と / 北…, or
    leave 「の」 alone before a forced break); the DOCX breaks it where the PDF does."""
    title = [m.Text("国立大学法人北海道国立大学機構北見工業大学と北海道オホーツク総合振興局との", font="mincho"),
             m.LineBreak(), m.Text("包括連携に関する協定書", font="mincho")]
    out = write(tmp_path, [m.Paragraph(title, style="title"), P("短い題", style="title")])
    assert texts(out) == ["国立大学法人北海道国立大学機構北見工業大学と\n北海道オホーツク総合振興局との\n包括連携に関する協定書",
                          "短い題"]


def test_a_clean_package(sample):
    """No leftovers of python-docx's template: app.xml, theme fonts, tab stop, sample lists."""
    app, theme = part(sample, "docProps/app.xml"), part(sample, "word/theme/theme1.xml")
    assert "<Application>jpdocs</Application>" in app and "Microsoft" not in app and "Normal.dotm" not in app
    for leftover in ("Calibri", "Cambria", "ＭＳ", "MS "):
        assert leftover not in theme
    assert f'<a:latin typeface="{MINCHO}"/>' in theme and f'<a:latin typeface="{GOTHIC}"/>' in theme
    assert '<w:defaultTabStop w:val="210"/>' in part(sample, "word/settings.xml")   # one em of 10.5pt
    assert "abstractNum" not in part(sample, "word/numbering.xml")        # no list in the sample


def test_table_rows_never_split_and_a_shaded_first_row_repeats(tmp_path):
    head = [cell("番号", shade="shade"), cell("名称", shade="shade")]
    out = write(tmp_path, [m.Table([head, [cell("1"), cell("協定")], [cell("2"), cell("覚書")]], [0.3, 0.7])])
    rows = body(out).find(f"{W}tbl").findall(f"{W}tr")
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
    assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows] == [True, False, False]
    # not on a layout table: LibreOffice would move a fitting row of nested tables overleaf
    plain = body(write(tmp_path, [m.Table([[cell("a"), cell("b")], [cell("c"), cell("d")]], [0.5, 0.5])]))
    assert all(r.find(f"{W}trPr/{W}cantSplit") is None for r in plain.find(f"{W}tbl").findall(f"{W}tr"))


def test_the_annual_cover_has_no_page_number(tmp_path):
    out = tmp_path / "annual.docx"
    write_docx(m.Document("annual", "連携協定締結状況", "北海道", [P("表紙"), m.PageBreak(), P("目次")]), STYLE, out)
    sec = docx.Document(str(out)).sections[0]
    assert sec.different_first_page_header_footer
    assert "PAGE" not in sec.first_page_footer._element.xml and "PAGE" in sec.footer._element.xml


def test_the_annual_summary_table_is_on_landscape_pages(tmp_path):
    out = tmp_path / "annual.docx"
    table = m.Table([[cell("番号", shade="shade"), cell("名称", shade="shade")], [cell("1"), cell("協定")]], [0.3, 0.7])
    write_docx(m.Document("annual", "連携協定締結状況", "北海道", [P("表紙"), m.PageBreak(), P("目次"), m.PageBreak(),
                                                          m.Heading([m.Text("締結状況一覧")]), table]), STYLE, out)
    cover, summary = docx.Document(str(out)).sections
    assert (cover.page_width.twips, summary.page_width.twips) == (11906, 16838)
    assert cover.different_first_page_header_footer and not summary.different_first_page_header_footer
    grid = [int(g.get(qn("w:w"))) for g in body(out).find(f"{W}tbl").iter(f"{W}gridCol")]
    assert sum(grid) == pytest.approx((summary.page_width - summary.left_margin - summary.right_margin) / 635, abs=2)


def test_one_font_throughout_is_a_style_not_run_overrides(tmp_path):
    """An agreement's title, Mincho where 表題 is bold Gothic: a style 表題（明朝） based on
    表題, and runs that carry no font of their own."""
    out = write(tmp_path, [m.Paragraph([m.Text("協定書", font="mincho")], style="title")])
    p = para(out, "協定書")
    assert p.find(f"{W}pPr/{W}pStyle").get(qn("w:val")) == "title-mincho"
    assert all(r.find(f"{W}rPr") is None for r in p.iter(f"{W}r"))
    st = next(s for s in docx.Document(str(out)).styles if s.style_id == "title-mincho")
    assert (st.name, st.base_style.style_id, st.font.bold) == ("表題（明朝）", "title", False)
    assert st.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == MINCHO


# ---------------------------------------------------------------- what one process keeps
# A batch worker keeps, per process, the prepared package (reference, page, footers),
# the paragraphs it made, deflated members and the content types and relationships
# (package.py, paragraphs.para, ooxml_zip.py). None of it may carry one document into another.
FRESH = """
import sys
sys.path.insert(0, {root!r})
sys.path.insert(0, {tests!r})
from test_docx_writer import kept_pair, STYLE
from jpdocs.writers.docx import render_docx
sys.stdout.buffer.write(render_docx(kept_pair()[{which}], STYLE, page_numbers=True))
"""


def kept_pair() -> tuple[m.Document, m.Document]:
    """Two notices sharing most paragraphs, a table and a title in Mincho (a style of
    its own), each with text of its own."""
    def notice(own: str, title: str) -> m.Document:
        return m.Document("press-notice", title, "北海道", [
            m.Paragraph([m.Text(title, font="mincho")], style="title"),
            P("報道機関各位", style="header"),
            P(f"今般、{own}について協定を締結します。", first_indent=1),
            m.Item("１", [m.Text("日時")], blocks=[P(own)]),
            m.Table([[cell("担当"), cell(own)], [cell("電話"), cell("011-231-4111")]], widths=[0.3, 0.7]),
            m.KeepTogether([P("以上", align="right")])], subject=own)
    return notice("北見市との連携", "連携協定の締結について"), notice("網走市との包括連携", "包括連携協定の締結について")


def test_documents_made_in_one_process_are_those_made_alone(tmp_path):
    """The second of two notices made in one process (most of its paragraphs, its
    package and its members served from what the first left) is byte for byte the
    one a fresh process makes; the first, made again after it, is unchanged; each
    holds its own text and not the other's."""
    from jpdocs.writers.docx import render_docx
    first, second = kept_pair()
    a1 = render_docx(first, STYLE, page_numbers=True)
    b = render_docx(second, STYLE, page_numbers=True)
    a2 = render_docx(first, STYLE, page_numbers=True)
    assert a1 == a2
    alone = subprocess.run([os.sys.executable, "-c", FRESH.format(root=str(ROOT), tests=str(ROOT / "tests"), which=1)],
                           capture_output=True, check=True, cwd=ROOT).stdout
    assert b == alone
    for data, own, other in ((a1, "北見市との連携", "網走市"), (b, "網走市との包括連携", "北見市")):
        path = tmp_path / "x.docx"
        path.write_bytes(data)
        found = texts(path)
        assert own in found and f"今般、{own}について協定を締結します。" in found
        assert not any(other in t for t in found)
        assert docx.Document(str(path)).core_properties.subject == own
        styles = part(path, "word/styles.xml")
        assert styles.count('w:styleId="title-mincho"') == 1      # the title's style of its own, in each


def test_a_document_changed_after_it_was_made_changes_no_other():
    """The paragraphs a document gets are its own: changing one (as the writer's later
    passes do: numbering, keeps, styles) leaves the kept ones and the next document's
    alone; and the prepared package is not changed by the documents copied from it."""
    from jpdocs.writers.docx import package, render_docx
    from jpdocs.writers.docx.paragraphs import Box, Ctx, para
    first, second = kept_pair()
    render_docx(first, STYLE, page_numbers=True)
    kept = {key: {p.partname: p.blob for p in doc.part.package.parts} for key, (doc, *_) in package._PREPARED.items()}
    document, width = package.prepared(STYLE, first, True)
    box = Box(document.element.body, document.part)
    p = para(box, Ctx(STYLE, width), "body", [m.Text("以上")], align="right")
    p.find(f"{W}r/{W}t").text = "変えた"
    again = para(box, Ctx(STYLE, width), "body", [m.Text("以上")], align="right")
    assert ptext(again) == "以上" and again is not p
    render_docx(second, STYLE, page_numbers=True)
    assert {key: {p.partname: p.blob for p in doc.part.package.parts}
            for key, (doc, *_) in package._PREPARED.items() if key in kept} == kept
    assert package.prepared(STYLE, first, True)[0].element.body.find(f"{W}p") is None   # a fresh copy: empty
