"""The overview sheet (協定の概要): built by the real command line from specs, read back
from the PDF (pdftotext, pypdf, pdfplumber) and the DOCX (python-docx)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pdfplumber
import pytest
import yaml
from docx import Document as OpenDocx
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import ROOT, SEED_SPEC, SEED_TEXT, needs_poppler, no_space, pdf_text, run_generate
from jpdocs.content import markup, model as m
from jpdocs.party_names import name_lines
from jpdocs.radicals import fix_radicals
from jpdocs.spec.load import load_spec
from jpdocs.writers.ooxml_styles import style_by_id
from jpdocs.spec.style import load_style
from jpdocs.writers.fit import scaled

TITLE = "北海道オホーツク総合振興局と北見工業大学との包括連携協定の概要"
THREE_AGENCIES = ROOT / "specs" / "2016-03-07-sports-culture-tourism.yaml"


# ---------------------------------------------------------------- the seed's page 2
def seed_page_two() -> str:
    text = SEED_TEXT.read_text(encoding="utf-8")
    return text[text.index(TITLE):]


def seed_sheet_parts() -> dict[str, list[str]]:
    """The seed's page 2 as written (Kangxi radicals and all): ◆ statements (they run
    over several lines up to a blank line), area headings and ・ items."""
    statements, headings, items, current = [], [], [], None
    for line in seed_page_two().splitlines():
        line = line.strip()
        if line.startswith("◆"):
            current = [line]
            statements.append(current)
        elif not line:
            current = None
        elif current is not None and not line.startswith(("・", "国")):
            current.append(line)
        if line.startswith("・"):
            items.append(line)
        elif line.endswith("に関する事項"):
            headings.append(line)
    return {"statements": ["".join(s) for s in statements], "headings": headings, "items": items}


def plain(text: str) -> str:
    """What a reader searches for: proper ideographs, no spaces."""
    return no_space(fix_radicals(text)[0])


def assert_in_order(haystack: str, needles: list[str]) -> None:
    pos = 0
    for needle in needles:
        found = haystack.find(needle, pos)
        assert found >= 0, f"{needle!r} missing or out of order (searched from {pos}: …{haystack[pos:pos + 40]}…)"
        pos = found + len(needle)


def reading_order(spec_path: Path) -> list[str]:
    """Title, then every party (name, statements), then every area (heading, items)."""
    spec = load_spec(spec_path).spec
    out = [plain(spec.agreement.title + "の概要")]
    for party in spec.parties.values():
        out += [plain(party.name)] + [plain(s) for s in party.statements]
    for area in spec.agreement.areas:
        out += [plain(area.heading)] + [plain(i) for i in area.items]
    return out


@needs_poppler
def test_every_statement_heading_and_item_of_the_seed_sheet_is_in_the_pdf_in_reading_order(seed_build):
    text = no_space(pdf_text(seed_build / "overview.pdf"))
    parts = seed_sheet_parts()
    # the seed's statements and headings in the seed's order (its items are laid out in a grid),
    # one ◆ per statement, and no statement or item printed twice or left out
    assert_in_order(text, [plain(s) for s in parts["statements"]])
    assert_in_order(text, [plain(h) for h in parts["headings"]])
    assert text.count("◆") == len(parts["statements"]) > 0
    for group in ("statements", "items"):
        for x in parts[group]:
            assert text.count(plain(x)) == 1, x
    assert_in_order(text, reading_order(SEED_SPEC))
    assert text.startswith(plain(TITLE))
    assert_in_order(text, ["国立大学法人", "北海道国立大学機構", "北見工業大学"])


def test_the_sheet_is_one_landscape_a4_page_with_metadata(seed_build):
    reader = PdfReader(seed_build / "overview.pdf")
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    assert reader.metadata.title == TITLE
    assert reader.trailer["/Root"]["/Lang"] == "ja-JP"


def test_the_docx_is_landscape_and_holds_the_same_text(seed_build):
    doc = OpenDocx(seed_build / "overview.docx")
    section = doc.sections[0]
    assert section.orientation == 1 and section.page_width > section.page_height   # WD_ORIENT.LANDSCAPE
    text = no_space("".join(t.text or "" for t in doc.element.body.iter(qn("w:t"))))
    assert_in_order(text, reading_order(SEED_SPEC))
    # boxes are shaded table cells, text in the house's East Asian fonts
    fills = {shd.get(qn("w:fill")) for shd in doc.element.body.iter(qn("w:shd"))}
    assert {"1F4E79", "DEEAF6", "2E75B6", "F2F2F2"} <= fills
    rfonts = style_by_id(doc, "sheet_text").element.rPr.find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "BIZ UDゴシック"
    assert not doc.sections[0].footer.paragraphs[0].text.strip(), "no page number on a one-page sheet"


# The seed's area headings too long for their box: the PDF breaks them between phrases
# (BudouX: …推進に / 関する事項); LibreOffice, left to itself, set …推進に関 / する事項
# two areas' headings too long for their bars, and where they break: between phrases,
# never inside …に関する (…の推進に / 関する事項)
LONG_AREAS = {"脱炭素・ゼロカーボン北海道の推進に関する事項": "脱炭素・ゼロカーボン北海道の",
              "防災・減災に向けた地域づくりに関する事項": "防災・減災に向けた"}


def cell_paragraphs(doc) -> list[str]:
    """Every paragraph's text (a line break as "\\n"), nested tables' too."""
    from docx.text.paragraph import Paragraph
    return [Paragraph(p, doc).text for p in doc.element.body.iter(qn("w:p"))]


@needs_poppler
def test_the_docx_breaks_a_boxs_heading_where_the_pdf_does(seed_build):
    """A heading in a box (an area's bar, a party's name) carries the PDF's line break
    between phrases, as a heading outside a table does: Word and LibreOffice would
    break it a character later or earlier, inside a phrase."""
    layout = subprocess.run(["pdftotext", "-layout", str(seed_build / "overview.pdf"), "-"], capture_output=True,
                            text=True, check=True).stdout            # the boxes side by side, columns apart
    paragraphs = cell_paragraphs(OpenDocx(seed_build / "overview.docx"))
    for heading in LONG_AREAS:
        head, tail = LONG_AREAS[heading], heading.removeprefix(LONG_AREAS[heading])
        assert re.search(re.escape(head) + r"(\s|$)", layout, re.M), layout            # the PDF's break
        assert f"{head}\n{tail}" in paragraphs, [p for p in paragraphs if "事項" in p]


def test_rebuilds_are_byte_identical(tmp_path):
    for n in (1, 2):
        assert run_generate(SEED_SPEC, "-o", tmp_path / str(n)).returncode == 0
    for name in ("overview.pdf", "overview.docx"):
        a, b = ((tmp_path / str(n) / SEED_SPEC.stem / name).read_bytes() for n in (1, 2))
        assert a == b, name


# ---------------------------------------------------------------- other specs
def write_spec(tmp_path: Path, data: dict, name="sheet.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def sheet_spec(parties: int, areas: int, statement: str, item: str, items: int = 3) -> dict:
    names = ["北海道オホーツク総合振興局", "北見工業大学", "網走市", "北見市", "紋別市"]
    return {
        "issuer": names[0],
        "parties": {f"p{i}": {"name": names[i], "representative": {"title": "長", "name": "山田　太郎"},
                              "statements": [f"{statement}（{names[i]}）", statement]}
                    for i in range(parties)},
        "agreement": {"title": "連携協定", "signing_date": "2024-04-01",
                      "areas": [{"heading": f"第{k + 1}の分野の振興に関する事項",
                                 "items": [f"{item}{k + 1}-{j + 1}" for j in range(items)]}
                                for k in range(areas)]},
    }


def fonts_sizes(pdf: Path) -> list[float]:
    with pdfplumber.open(pdf) as p:
        return sorted({round(c["size"], 1) for c in p.pages[0].chars})


@needs_poppler
def test_three_parties_and_twelve_areas_fit_one_page_in_a_row_of_equal_boxes(tmp_path):
    spec = write_spec(tmp_path, sheet_spec(3, 12, "地域の課題の解決に向けて、相互の資源を生かした取組を進めます。",
                                           "地域資源を活用した取組の推進と人材の育成"))
    result = run_generate(spec, "-o", tmp_path)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "sheet" / "overview.pdf"
    assert len(PdfReader(pdf).pages) == 1
    assert_in_order(no_space(pdf_text(pdf)), reading_order(spec))
    with pdfplumber.open(pdf) as p:
        words = p.pages[0].extract_words()
        heads = [w for w in words if w["text"] in ("北海道オホーツク総合振興局", "北見工業大学", "網走市")]
        page_width = p.pages[0].width
    assert len(heads) == 3
    assert len({round(w["top"]) for w in heads}) == 1, "the party names stand on one line"
    centres = sorted((w["x0"] + w["x1"]) / 2 for w in heads)
    assert abs((centres[1] - centres[0]) - (centres[2] - centres[1])) < 1, "boxes of equal width"
    assert abs(centres[1] - page_width / 2) < 8, "the middle box is centred: none is favoured"
    assert min(fonts_sizes(pdf)) >= 8


def test_text_that_does_not_fit_fails_naming_the_spec_and_the_part(tmp_path):
    long = "地域の持続的な発展に向けて、それぞれが有する知見と資源を最大限に生かしながら、" * 6
    spec = write_spec(tmp_path, sheet_spec(2, 12, long, long, items=4), name="too-much.yaml")
    result = run_generate(spec, "-o", tmp_path)
    assert result.returncode == 1
    assert str(spec) in result.stderr
    assert "does not fit on one page even with its smallest text at 8pt" in result.stderr
    assert re.search(r"the tallest part is the (row|box) 「", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "too-much").exists(), "nothing of the spec is written"


def test_the_docx_takes_the_sizes_the_pdf_settled_on(tmp_path):
    spec = write_spec(tmp_path, sheet_spec(4, 8, "地域の課題の解決に向けて、相互の資源を生かした取組を進めます。",
                                           "地域資源を活用した取組の推進と人材の育成に向けた支援", items=3))
    assert run_generate(spec, "-o", tmp_path).returncode == 0
    pdf_sizes = fonts_sizes(tmp_path / "sheet" / "overview.pdf")
    doc = OpenDocx(tmp_path / "sheet" / "overview.docx")
    item = style_by_id(doc, "sheet_item").font.size.pt
    assert item < 10.5, "the text had to shrink"
    assert item in pdf_sizes
    assert min(pdf_sizes) >= 8


@needs_poppler
def test_kangxi_radicals_of_the_seed_become_ideographs_with_a_warning(tmp_path):
    """The statements pasted from the seed as they are (⼀ ⺠ ⼼ ⼒ ⽬ …)."""
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data.pop("press_notice")
    pasted = seed_sheet_parts()["statements"]
    data["parties"]["bureau"]["statements"] = pasted[:2]
    spec = write_spec(tmp_path, data, name="pasted.yaml")
    result = run_generate(spec, "-o", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "parties.bureau.statements[0]" in result.stderr and "U+2F00" in result.stderr
    text = pdf_text(tmp_path / "pasted" / "overview.pdf")
    assert not re.search("[\u2e80-\u2fdf]", text)
    assert "学官一体" in no_space(text) and "民間企業" in no_space(text)


# ---------------------------------------------------------------- logos
def png(path: Path, size=(300, 100)) -> Path:
    from PIL import Image
    Image.new("RGB", size, (31, 78, 121)).save(path)
    return path


def test_a_logo_is_scaled_into_its_box_in_both_files(tmp_path):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    (tmp_path / "img").mkdir()
    png(tmp_path / "img" / "logo.png")
    data["parties"]["kitami_it"]["logo"] = "img/logo.png"      # relative to the spec
    spec = write_spec(tmp_path, data, name="logo.yaml")
    result = run_generate(spec, "-o", tmp_path / "out", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / "logo" / "overview.pdf"
    assert len(PdfReader(pdf).pages) == 1
    with pdfplumber.open(pdf) as p:
        [img] = p.pages[0].images
        assert img["width"] <= 160.5 and img["height"] <= 40.5
        assert abs(img["width"] / img["height"] - 3) < 0.05, "not distorted"
    doc = OpenDocx(tmp_path / "out" / "logo" / "overview.docx")
    [shape] = doc.inline_shapes
    assert abs(shape.width / shape.height - 3) < 0.05
    assert shape._inline.docPr.get("descr") == "北見工業大学"


@pytest.mark.parametrize("content, words", [(None, "not found"), (b"GIF89a......", "not a PNG or JPEG"),
                                            (b"\x89PNG\r\n\x1a\n broken", "damaged")])
def test_a_bad_logo_is_reported_with_its_key_and_line(tmp_path, content, words):
    text = SEED_SPEC.read_text(encoding="utf-8").replace(
        "    honorific: 様\n", "    honorific: 様\n    logo: logo.png\n")
    spec = tmp_path / "bad.yaml"
    spec.write_text(text, encoding="utf-8")
    if content is not None:
        (tmp_path / "logo.png").write_bytes(content)
    result = run_generate("check", spec)
    assert result.returncode == 1
    line = text.splitlines().index("    logo: logo.png") + 1
    assert f"{spec}:{line}: parties.kitami_it.logo:" in result.stderr
    assert words in result.stderr


# ---------------------------------------------------------------- the three-agency spec
@needs_poppler
def test_the_three_agency_spec_builds_its_notice_and_its_sheet(tmp_path):
    result = run_generate(THREE_AGENCIES, "-o", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    folder = tmp_path / THREE_AGENCIES.stem
    for name in ("press-notice.pdf", "press-notice.docx", "overview.pdf", "overview.docx"):
        assert (folder / name).is_file(), name
    notice = no_space(pdf_text(folder / "press-notice.pdf"))
    for must in ("同時発表：スポーツ庁，観光庁", "平成28年（2016年）３月１日（火）", "17:15～17:55",
                 "スポーツ庁長官鈴木大地", "代表03-5253-8111"):
        assert must in notice, must
    sheet = folder / "overview.pdf"
    assert len(PdfReader(sheet).pages) == 1
    assert_in_order(no_space(pdf_text(sheet)), reading_order(THREE_AGENCIES))


def test_no_ascii_space_beside_japanese_in_the_specs():
    for spec in (SEED_SPEC, THREE_AGENCIES):
        for n, line in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1):
            value = line.split("#")[0]
            assert not re.search(r"[\u3000-\u9fff\uff00-\uffef] [\u3000-\u9fff\uff00-\uffef]", value), (spec, n)


# ---------------------------------------------------------------- pieces
def test_markup_for_images_colours_padding_and_one_page():
    doc = markup.parse('<document kind="overview" fit="yes" min_size="9" orientation="landscape">'
                       '<table widths="1" border="none" padding="6"><tr><td shade="accent" colour="accent_text">'
                       '<img src="/x/logo.png" width="120" height="40" alt="ロゴ"/><h level="2">名前</h>'
                       '</td></tr></table></document>')
    assert doc.fit_one_page and doc.min_size == 9 and doc.orientation == "landscape"
    [table] = doc.blocks
    assert table.padding == 6
    cell = table.rows[0][0]
    assert cell.colour == "accent_text" and cell.shade == "accent"
    assert cell.blocks[0] == m.Image("/x/logo.png", 120, 40, "center", "ロゴ")


def test_shrinking_keeps_proportions_and_the_minimum():
    style = load_style()
    small = scaled(style, 0.5, 8)
    assert small.styles["sheet_title"].size == 9                 # 18 × 0.5
    assert small.styles["sheet_item"].size == 8                  # 5.25, held at the minimum
    assert style.styles["sheet_item"].size == 10.5               # the house style itself unchanged


def test_formal_names_are_set_on_lines():
    assert name_lines("国立大学法人北海道国立大学機構　北見工業大学", "北見工業大学") == (
        ["国立大学法人", "北海道国立大学機構"], "北見工業大学")
    assert name_lines(None, "観光庁") == ([], "観光庁")
    assert name_lines("学校法人東京理科大学", "東京理科大学") == (["学校法人"], "東京理科大学")


def test_a_spec_without_areas_gets_no_sheet(tmp_path):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["agreement"].pop("areas")
    data["press_notice"]["attachments"] = ["連携協定の概要"]   # listed only: there is no sheet to attach
    spec = write_spec(tmp_path, data, name="no-areas.yaml")
    assert run_generate(spec, "-o", tmp_path).returncode == 0
    made = sorted(p.name for p in (tmp_path / "no-areas").iterdir() if not p.name.startswith("."))
    assert made == ["agreement.docx", "agreement.pdf", "press-notice.docx", "press-notice.pdf"]


@pytest.mark.slow
@needs_poppler
@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_sets_a_boxs_heading_between_phrases(seed_build, tmp_path):
    from test_docx_pages import convert
    layout = subprocess.run(["pdftotext", "-layout", str(convert(seed_build / "overview.docx", tmp_path)), "-"],
                            capture_output=True, text=True, check=True).stdout
    for heading in LONG_AREAS:
        head = LONG_AREAS[heading]
        assert re.search(re.escape(head) + r"(\s|$)", layout, re.M), layout      # not …推進に関 / する事項
