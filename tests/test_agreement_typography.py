"""The typography of an agreement's text as a signed copy sets it, where it differs from
most (the house's agreement keys): the preamble and the date line at the margin
(preamble_indent, date_indent: 府中市), the article's heading line and its later lines
at the margin (heading_indent, article_hang: 香取市), the articles run on without space
between them (space_before_article: 日野市), an item's text straight after its marker
and the list set apart from its paragraph (item_gap, space_before_items: 府中市, 久喜市).

Each test builds the seed's agreement with the house's default and with the key, and
reads the PDF's glyphs (pdfplumber: where each line starts, how far apart) and the
DOCX reopened (each paragraph's indent and spacing, its own or its style's, and Word's
numbering of the items): the two writers set the same."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import SEED_SPEC, needs_poppler, run_generate
from glyphs import page_rows

EM = 10.5                                  # the body's size (points): indents are em of it
PITCH = 10.5 * 1.5                         # a line of the body (size × leading)
KATORI_FORM = 'article_heading: "（{heading}）", article_lead: "{number}　"'   # （目的） / 第１条　本協定は…
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def build(tmp_path: Path, name: str, agreement: str = "") -> Path:
    """The seed's agreement (PDF and DOCX) in a house with these agreement keys."""
    style = tmp_path / f"{name}.yaml"
    style.write_text(f"agreement: {{{agreement}}}\n" if agreement else "name: 既定\n", encoding="utf-8")
    out = tmp_path / name
    result = run_generate(SEED_SPEC, "-o", out, "--kinds", "agreement", "--force", "--style", style)
    assert result.returncode == 0, result.stderr
    return out / SEED_SPEC.stem / "agreement.pdf"


def rows(pdf: Path, page: int = 0) -> list[tuple[str, float, float]]:
    """Each line of a page: (its text, where it starts, its top)."""
    return [("".join(c["text"] for c in r).replace("\u3000", "").replace(" ", ""), r[0]["x0"], r[0]["top"])
            for r in page_rows(pdf, page)]


def row(lines, start: str) -> tuple[str, float, float]:
    return next(x for x in lines if x[0].startswith(start))


def margin(lines) -> float:
    return min(x for _, x, _ in lines)


# ---------------------------------------------------------------- the DOCX read back
class Docx:
    """The DOCX's paragraphs by text, each indent and spacing its own or else its
    style's (the writer moves indents into styles: writers/docx/styles.py)."""

    def __init__(self, pdf: Path):
        with zipfile.ZipFile(pdf.with_suffix(".docx")) as z:
            self.body = etree.fromstring(z.read("word/document.xml"))
            self.styles = {s.get(W + "styleId"): s for s in etree.fromstring(z.read("word/styles.xml")).iter(W + "style")}
            self.numbering = etree.fromstring(z.read("word/numbering.xml"))

    def paragraph(self, start: str):
        """(Word numbers the articles, paragraphs and items: 第１条, ２, （１） are not its text.)"""
        return next(p for p in self.body.iter(W + "p") if start in "".join(t.text or "" for t in p.iter(W + "t")))

    def _prop(self, p, tag: str, attr: str):
        ppr = p.find(W + "pPr")
        found = ppr.find(W + tag) if ppr is not None else None
        if found is not None and found.get(W + attr) is not None:
            return int(found.get(W + attr))
        style_id = ppr.find(W + "pStyle").get(W + "val") if ppr is not None and ppr.find(W + "pStyle") is not None \
            else None
        while style_id:
            st = self.styles[style_id]
            found = st.find(f"{W}pPr/{W}{tag}")
            if found is not None and found.get(W + attr) is not None:
                return int(found.get(W + attr))
            based = st.find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None
        return 0

    def indent(self, start: str, attr: str) -> float:
        """An indent (left, firstLine, hanging) of the paragraph starting so, in em."""
        return self._prop(self.paragraph(start), "ind", attr) / 20 / EM

    def before(self, start: str) -> float:
        """The space above the paragraph starting so, in points."""
        return self._prop(self.paragraph(start), "spacing", "before") / 20

    def tab_after_marker(self, start: str) -> bool:
        """Whether a tab stands between the item's marker and its text: Word's, after
        the number it prints (its level's suffix), or typed after a marker Word does
        not number (⑴)."""
        p = self.paragraph(start)
        if p.find(f"{W}pPr/{W}numPr") is None:
            return p.find(f".//{W}r/{W}tab") is not None
        lvl = next(x for x in self.numbering.iter(W + "lvl") if x.get(W + "ilvl") == "2")
        return lvl.find(W + "suff").get(W + "val") == "tab"


# ---------------------------------------------------------------- preamble, date line
@needs_poppler
def test_the_preamble_and_the_date_line_at_the_margin(tmp_path):
    """preamble_indent: 0, date_indent: 0 (府中市): both start where 第１条 does; by
    default the preamble's first line is set in one em and the date line two."""
    for name, keys, preamble, date in (("default", "", 1, 2),
                                       ("margin", "preamble_indent: 0, date_indent: 0", 0, 0)):
        pdf = build(tmp_path, name, keys)
        first, last = rows(pdf), rows(pdf, -1)
        assert row(first, "北海道オホーツク総合振興局（")[1] - margin(first) == pytest.approx(preamble * EM, abs=0.3)
        assert row(last, "令和６年")[1] - margin(first) == pytest.approx(date * EM, abs=0.3)
        docx = Docx(pdf)
        assert docx.indent("北海道オホーツク総合振興局（", "firstLine") == pytest.approx(preamble)
        assert docx.indent("令和６年", "left") == pytest.approx(date)


# ---------------------------------------------------------------- headings and hang
@needs_poppler
def test_the_heading_line_and_the_articles_later_lines_at_the_margin(tmp_path):
    """With the heading above 第１条 (（目的） / 第１条　本協定は…), heading_indent: 0 and
    article_hang: 0 (香取市) set （目的） and the article's second line at the margin,
    and so a paragraph ２'s; by default the heading is set in one em and the later
    lines hang one em, under the text after 第１条　."""
    for name, keys, at in (("default", KATORI_FORM, 1), ("margin", KATORI_FORM + ", heading_indent: 0, article_hang: 0", 0)):
        pdf = build(tmp_path, name, keys)
        lines = rows(pdf)
        left = margin(lines)
        assert row(lines, "（目的）")[1] - left == pytest.approx(at * EM, abs=0.3)
        article = lines.index(row(lines, "第１条"))
        assert not lines[article + 1][0].startswith(("第", "（", "２"))       # the article's second line
        assert lines[article + 1][1] - left == pytest.approx(at * EM, abs=0.3)
        second = lines.index(row(lines, "２前条に掲げる事項"))                 # 第３条's paragraph ２
        assert lines[second + 1][1] - left == pytest.approx(at * EM, abs=0.3)
        docx = Docx(pdf)
        assert docx.indent("（目的）", "left") == pytest.approx(at)
        assert docx.indent("本協定は、甲及び乙", "left") == pytest.approx(at)
        assert docx.indent("本協定は、甲及び乙", "hanging") == pytest.approx(at)
        assert docx.indent("前条に掲げる事項の具体的", "hanging") == pytest.approx(at)


# ---------------------------------------------------------------- space between articles
@needs_poppler
def test_the_articles_run_on_without_space_between_them(tmp_path):
    """space_before_article: 0 (日野市): the heading 第２条（連携事項） one line under the
    article before it; by default six points more. So in the DOCX."""
    for name, keys, space in (("default", "", 6), ("run-on", "space_before_article: 0", 0)):
        pdf = build(tmp_path, name, keys)
        lines = rows(pdf)
        heading = lines.index(row(lines, "第２条（連携事項）"))
        assert lines[heading][2] - lines[heading - 1][2] == pytest.approx(PITCH + space, abs=0.3)
        assert Docx(pdf).before("（連携事項）") == pytest.approx(space)


# ---------------------------------------------------------------- items
@needs_poppler
@pytest.mark.parametrize("marker, width", [("（{number}）", 3), ("⑴", 1)])
def test_an_items_text_straight_after_its_marker(tmp_path, marker, width):
    """item_gap: 0 (府中市's ⑴無人航空機…, 久喜市's （１）撮影した…): the item's text
    starts where its marker ends, its later lines under it; by default （１） hangs its
    text 3.5 em and ⑴ one em past the marker. In the DOCX no tab then stands after the
    marker (Word's number for （１）, typed ⑴), where by default one leads to the text."""
    default_hang = 3.5 if width == 3 else width + 1
    for name, keys, hang in (("default", f'item_marker: "{marker}"', default_hang),
                             ("straight", f'item_marker: "{marker}", item_gap: 0', width)):
        pdf = build(tmp_path, name, keys)
        item = next(r for r in page_rows(pdf, 0) if "".join(c["text"] for c in r).endswith("農林水産業の振興に関する事項"))
        text = next(c for c in item if c["text"] == "農")
        assert text["x0"] - item[0]["x0"] == pytest.approx(hang * EM, abs=0.3)
        docx = Docx(pdf)
        assert docx.indent("農林水産業の振興", "hanging") == pytest.approx(hang)
        assert docx.tab_after_marker("農林水産業の振興") == (hang > width)


@needs_poppler
def test_the_items_set_apart_from_their_paragraph(tmp_path):
    """space_before_items: 16 (府中市: a blank line between …次の活動を行うものとする。
    and ⑴): the first item 16 points further under its paragraph, the next one line
    under it; by default no space. So in the DOCX."""
    for name, keys, space in (("default", "", 0), ("apart", "space_before_items: 16", 16)):
        pdf = build(tmp_path, name, keys)
        lines = rows(pdf)
        first = lines.index(next(x for x in lines if x[0].endswith("農林水産業の振興に関する事項")))
        assert lines[first][2] - lines[first - 1][2] == pytest.approx(PITCH + space, abs=0.3)
        assert lines[first + 1][2] - lines[first][2] == pytest.approx(PITCH, abs=0.3)
        docx = Docx(pdf)
        assert docx.before("農林水産業の振興") == pytest.approx(space)
        assert docx.before("地域で活躍する人材") == 0


# ---------------------------------------------------------------- refusals
@pytest.mark.parametrize("key, value, message", [
    ("date_indent", 12, "an indent or gap of 12 em in an agreement's text: 0 to 10 em"),
    ("item_gap", -1, "an indent or gap of -1 em in an agreement's text: 0 to 10 em"),
    ("space_before_items", 100, "a space of 100 points in an agreement's text: 0 to 72 points (an inch)"),
])
def test_a_space_out_of_range_is_an_error_of_the_house_style(tmp_path, key, value, message):
    style = tmp_path / "house.yaml"
    style.write_text(f"agreement:\n  {key}: {value}\n", encoding="utf-8")
    result = run_generate("check", SEED_SPEC, "--style", style)
    assert result.returncode == 1
    assert f"error: {style}:2: agreement.{key}: {message}" in result.stderr


def test_a_heading_indent_without_a_heading_line_is_an_error(tmp_path):
    """With the heading run into the article's first line (article_heading: ""), there
    is no heading line for heading_indent to set in: it would have no effect."""
    style = tmp_path / "house.yaml"
    style.write_text('agreement:\n  article_heading: ""\n  article_lead: "{number}（{heading}）　"\n'
                     "  heading_indent: 0\n", encoding="utf-8")
    result = run_generate("check", SEED_SPEC, "--style", style)
    assert result.returncode == 1
    assert (f'error: {style}:4: agreement.heading_indent: article_heading: "" runs each heading into its article\'s'
            " first line, so there is no heading line to set in: heading_indent would have no effect") in result.stderr


# ---------------------------------------------------------------- the real cases
REAL = Path(__file__).resolve().parent / "data" / "real"


def real(tmp_path: Path, cid: str) -> Path:
    result = run_generate(REAL / f"{cid}.yaml", "-o", tmp_path, "--kinds", "agreement", "--force")
    assert result.returncode == 0, result.stderr
    return tmp_path / cid / "agreement.pdf"


def half(lines, pdf: Path, right: bool):
    """The lines of one page of an A3 sheet (pages_per_sheet: 2), the left or the right."""
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        middle = doc.pages[0].width / 2
    return [x for x in lines if (x[1] > middle) == right]


@needs_poppler
def test_fuchu_as_its_signed_copy_sets_its_text(tmp_path):
    """府中市 (styles/cmj-fuchu.yaml): the preamble and the date line at the margins of
    their pages, where 第１条 and 第８条 start; ⑴無人航空機… straight after its marker,
    a blank line (16 points) under …次の活動を行うものとする。"""
    pdf = real(tmp_path, "fuchu-cmj-2017")
    lines = rows(pdf)
    left, right = half(lines, pdf, False), half(lines, pdf, True)
    assert row(left, "府中市（以下「甲」")[1] == pytest.approx(margin(left), abs=0.3)
    assert row(right, "平成２９年７月２６日")[1] == pytest.approx(margin(right), abs=0.3)
    item = next(r for r in page_rows(pdf, 0) if r[0]["text"] == "⑴")
    assert item[1]["text"] == "無" and item[1]["x0"] - item[0]["x0"] == pytest.approx(EM, abs=0.3)
    at = left.index(row(left, "⑴無人航空機"))
    assert left[at][2] - left[at - 1][2] == pytest.approx(PITCH + 16, abs=0.3)
    docx = Docx(pdf)
    assert docx.indent("府中市（以下「甲」", "firstLine") == 0 and docx.indent("平成２９年", "left") == 0
    assert docx.indent("無人航空機（ドローン）による被災", "hanging") == pytest.approx(1)
    assert not docx.tab_after_marker("無人航空機（ドローン）による被災")
    assert docx.before("無人航空機（ドローン）による被災") == 16


@needs_poppler
def test_katori_as_its_signed_copy_sets_its_text(tmp_path):
    """香取市 (styles/cmj-katori.yaml): （協定の趣旨） at the margin with 第１条 under it,
    and the article's second line back at the margin."""
    pdf = real(tmp_path, "katori-cmj-2020")
    lines = rows(pdf)
    assert row(lines, "（協定の趣旨）")[1] == pytest.approx(margin(lines), abs=0.3)
    at = lines.index(row(lines, "第１条"))
    assert lines[at + 1][0].startswith("して調査研究") and lines[at + 1][1] == pytest.approx(margin(lines), abs=0.3)


@needs_poppler
def test_hino_as_its_signed_copy_sets_its_text(tmp_path):
    """日野市 (styles/cmj-hino.yaml): the articles run on, each heading one line under
    the article before it."""
    pdf = real(tmp_path, "hino-cmj-2017")
    left = half(rows(pdf), pdf, False)
    for heading in ("（支援活動の実施）", "（調査研究等の実施）", "（連絡窓口）"):
        at = left.index(row(left, heading))
        assert left[at][2] - left[at - 1][2] == pytest.approx(PITCH, abs=0.3), heading


@needs_poppler
def test_kuki_as_its_published_copy_sets_its_items(tmp_path):
    """久喜市 (styles/kuki-city.yaml): （１）撮影した写真及び映像, the text straight
    after the marker, three em from where it starts."""
    pdf = real(tmp_path, "kuki-tomita-2019")
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        pages = len(doc.pages)
    item = next(r for page in range(pages) for r in page_rows(pdf, page)
                if "".join(c["text"] for c in r).startswith("（１）撮影"))
    assert item[3]["text"] == "撮" and item[3]["x0"] - item[0]["x0"] == pytest.approx(3 * EM, abs=0.3)
