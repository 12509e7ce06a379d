"""The annual summary's columns share the page by what their text needs: the 2018 book
of the real cases (20 agreements; 担当課 and 連携事項 mostly －, titles of up to 53
characters, partners' names of up to 24) once set 協定名 about four characters wide, its
titles torn anywhere (災害時 / におけ / る無人 / 航空機), while 担当課 took 22 em for one
office. Read back from the PDF: titles and names end their lines between words, no line
of a title is a lone one or two characters, and the DOCX's columns are the PDF's. The
2016 and 2017 books, built from every real case of their years: a tall office's row made
short by its own column, a name parted only after its legal form where holding it whole
would make the table taller, a title's words ending where its party's name does;
有効期間 never parted inside から. Two real lists whose lines all fit
(菊川市, 中央大学): the width left goes to the title and the partners, not to № and dates."""
from __future__ import annotations

import os
import shutil
import subprocess

import pdfplumber
import pytest
import yaml
from docx import Document as OpenDocx
from docx.oxml.ns import qn

from conftest import ROOT, SOFFICE, run_generate
from test_annual_lists import LISTS, table_cells

REAL = ROOT / "tests" / "data" / "real"
HEADS = ["№", "締結日", "協定名", "相手方", "連携事項", "担当課", "有効期間"]
HEADS_2017 = ["№", "締結日", "協定等の名称", "相手方", "連携事項", "担当課", "有効期間"]    # a 覚書 among them
SIZE = 9                    # the table's type, points
PADDING = 8                 # a cell's padding, left and right together
# words of the year's titles and names that a line must not end inside
TITLE_WORDS = ["無人航空機", "災害時", "支援活動", "包括的", "連携協定", "協定書", "防災科学技術研究所",
               "国立研究開発法人", "特定非営利活動法人", "ジオパークネットワーク", "箕輪進修高等学校", "消防用水",
               "情報収集", "相互協力", "五島日本語学校", "明星大学", "カゴメ株式会社", "消防活動"]
NAME_WORDS = ["クライシスマッパーズ", "ジャパン", "千葉中央生コンクリート協同組合", "防災科学技術研究所",
              "特定非営利活動法人", "ジオパークネットワーク", "九州総合学院", "トミタモータース", "東京理科大学"]


# The cells these books' layouts were measured with: 担当課 as the books once took it from
# the notices' issuing offices (two bodies and their persons issuing; the issuer itself),
# which the book no longer prints as 担当課 (annual/departments.py). Stated here as
# agreement.department, so that the columns share the page as these tests measured it:
# they test the widths, not the facts (tests/test_annual_departments.py does).
TALL_OFFICES = {
    "nies-minamata-2016": "国立研究開発法人国立環境研究所　企画部研究推進室　研究企画主幹　松崎　慎一郎\n"
                          "環境省国立水俣病総合研究センター　総務課長　大竹　敦",
    "jamstec-yokohama-2017": "海洋研究開発機構",
    "bosai-jgn-2018": "国立研究開発法人　防災科学技術研究所\n特定非営利活動法人日本ジオパークネットワーク",
    "meisei-akiruno-2018": "【明星大学】",
}


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    specs = tmp_path_factory.mktemp("real")
    for f in REAL.glob("*.yaml"):
        if f.stem in TALL_OFFICES:
            text = f.read_text(encoding="utf-8")
            office = TALL_OFFICES[f.stem].replace("\n", "\\n")
            (specs / f.name).write_text(text.replace("\nagreement:\n", f'\nagreement:\n  department: "{office}"\n', 1),
                                        encoding="utf-8")
        elif not f.name.endswith(".facts.yaml"):
            (specs / f.name).symlink_to(f)
    for d in REAL.iterdir():
        if d.is_dir():
            (specs / d.name).symlink_to(d)
    out = tmp_path_factory.mktemp("book")
    for year in (2016, 2017, 2018, 2025):
        result = run_generate("annual", "--fiscal-year", year, specs, "-o", out, "--format", "pdf,docx")
        assert result.returncode == 0, result.stderr
    return out


def _rules(positions: set[float]) -> list[float]:
    """A table's rules, each once: LibreOffice draws a cell's border twice, a tenth of a point apart."""
    out: list[float] = []
    for x in sorted(positions):
        if not out or x - out[-1] > 1:
            out.append(x)
    return out


def first_table_page(pdf) -> int:
    """The index of the summary table's first page: the first with a ruled line (the cover
    and the contents have none; the contents of a book of many agreements run to a second
    page, so the table does not always begin on the third)."""
    with pdfplumber.open(pdf) as doc:
        return next(i for i, page in enumerate(doc.pages) if any(e["orientation"] == "h" for e in page.edges))


def columns(pdf, heads: list[str] = HEADS) -> dict[str, list[list[str]]]:
    """Each column's cells on every page of the table, a cell as its lines (top to bottom)."""
    HEADS = heads
    out: dict[str, list[list[str]]] = {h: [] for h in HEADS}
    with pdfplumber.open(pdf) as doc:
        pages = range(first_table_page(pdf), len(doc.pages))
        rules = [_rules({e["top"] for e in doc.pages[p].edges if e["orientation"] == "h"}) for p in pages]
    for p, ys in zip(pages, rules):
        lines = table_cells(pdf, p)
        if not lines or "".join(c["text"] for c in lines[0]) != "№":
            break
        with pdfplumber.open(pdf) as doc:
            xs = _rules({e["x0"] for e in doc.pages[p].edges if e["orientation"] == "v"})
        for line in lines:
            k = sum(1 for x in xs if x <= line[0]["x0"]) - 1
            row = sum(1 for y in ys if y <= line[0]["top"])
            text = "".join(c["text"] for c in line)
            cells = out[HEADS[k]]
            if text == HEADS[k]:
                continue
            if not cells or cells[-1][0] != (p, row):
                cells.append([(p, row)])
            cells[-1].append(text)
    return {h: [cell[1:] for cell in cells] for h, cells in out.items()}


def torn(cell: list[str], words: list[str]) -> list[str]:
    """The words of `words` that a line end of the cell falls inside."""
    text, ends, pos = "".join(cell), set(), 0
    for line in cell[:-1]:
        pos += len(line)
        ends.add(pos)
    found = []
    for word in words:
        start = text.find(word)
        while start >= 0:
            if any(start < e < start + len(word) for e in ends):
                found.append(word)
            start = text.find(word, start + 1)
    return found


def test_titles_end_their_lines_between_words_and_leave_no_lone_characters(book):
    titles = columns(book / "annual-2018.pdf")["協定名"]
    assert len(titles) == 34      # kagoshima-waseda-ls-2018 (2018-08-02) and fuchu-gyosei-3shi-2019's three (2019-01-25) joined with h190, tfu-miyagi-prison-2019 (2019-03-26) joined with h183, ukochi-ncu-2018 (2018-07-21) joined with h155, hcho-akiota-2019 (2019-03-18) joined in the twenty-fifth session, water-agency-jwwa-2018 in the twenty-eighth, hikone-sosai-2018 in the twenty-ninth, kashima-houmukyoku-2018 in the thirtieth, machida-ur-2019 (2019-03-25) in the thirty-second, akishima-cmj-2018 and musashino-cmj-2018 in the thirty-sixth, tokyo-zoo-fra-2018 (2018-08-29) joined with h142 (an aquarium operator), tokai-mof-ogaki-2018 (2018-05-15) with h143 (a 財務局)
    assert [cell for cell in titles if torn(cell, TITLE_WORDS)] == []
    assert [cell for cell in titles if len(cell) > 1 and any(len(line) <= 2 for line in cell)] == []
    # the drone agreements' title of 28 characters in two lines, not nine
    drone = "災害時における無人航空機を活用した支援活動等に関する協定"
    assert max(len(cell) for cell in titles if "".join(cell) == drone) <= 3


def test_names_are_whole_or_parted_between_their_words(book):
    cols = columns(book / "annual-2018.pdf")
    for heading in ("相手方", "担当課"):
        assert [cell for cell in cols[heading] if torn(cell, NAME_WORDS)] == [], heading


def test_a_column_of_dashes_is_no_wider_than_its_heading_needs(book):
    with pdfplumber.open(book / "annual-2018.pdf") as doc:
        page = doc.pages[first_table_page(book / "annual-2018.pdf")]
        xs = sorted({round(e["x0"], 1) for e in page.edges if e["orientation"] == "v"})
    widths = dict(zip(HEADS, (b - a for a, b in zip(xs, xs[1:]))))
    assert widths["連携事項"] < 5 * 9 + 8 + 1               # 連携事項 in 9-point type, and the padding
    assert widths["協定名"] > widths["担当課"]


def test_the_docx_columns_are_the_pdfs(book):
    with pdfplumber.open(book / "annual-2018.pdf") as doc:
        page = doc.pages[first_table_page(book / "annual-2018.pdf")]
        xs = sorted({round(e["x0"], 1) for e in page.edges if e["orientation"] == "v"})
    pdf = [b - a for a, b in zip(xs, xs[1:])]
    table = OpenDocx(book / "annual-2018.docx").tables[-1]
    grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert [c.text for c in table.rows[0].cells] == HEADS
    assert [round(w / sum(grid), 3) for w in grid] == pytest.approx([w / sum(pdf) for w in pdf], abs=0.003)


def column_widths(pdf, page: int | None = None) -> dict[str, float]:
    """Each column's width (points) on the table's first page, by its heading."""
    page = first_table_page(pdf) if page is None else page
    with pdfplumber.open(pdf) as doc:
        xs = sorted({round(e["x0"], 1) for e in doc.pages[page].edges if e["orientation"] == "v"})
    lines = table_cells(pdf, page)
    top = min(line[0]["top"] for line in lines)
    heads = ["".join(c["text"] for c in line) for line in sorted(lines, key=lambda ln: ln[0]["x0"])
             if abs(line[0]["top"] - top) < 1]                        # the heading row's
    return dict(zip(heads, (b - a for a, b in zip(xs, xs[1:]))))


def test_a_tall_office_is_made_short_by_its_own_column(book):
    """2016: the year's one 担当課 (two bodies, their offices and the persons issuing: 国立研究
    開発法人国立環境研究所　企画部研究推進室　研究企画主幹　松崎　慎一郎 / 環境省国立水俣病総合研究
    センター　総務課長　大竹　敦). Widths shared by each column's amount of text left its column
    9.5 em wide: the cell stood on nine lines beside a title on three (国立水俣病総合研究 /
    センター). With kanazawa-seirei-2016's partner (長町・芳斉・松ケ枝・長土塀の4町会連合会,
    20 em, held whole first) it stood on nine again. The table made short by one measure,
    a cell much taller than its neighbours counted again: six, every unit of the office
    whole on its line. With gunma-tobu-suido-2016's ten parties (nine lines of 相手方,
    which took the room first) it stood on nine again: the measure had rated the nine
    below the six all along, the six held by the order of the widths' turns; an office's
    unit parted, torn most (widths.OFFICE_TORN), now costs more, and the six are the
    measure's best."""
    cols = columns(book / "annual-2016.pdf")
    office = next(cell for cell in cols["担当課"] if "".join(cell).startswith("国立研究開発法人"))
    row = cols["担当課"].index(office)
    assert len(office) <= 6, office
    assert max(len(cells[row]) for cells in cols.values()) <= 6           # the row no taller
    assert "国立水俣病総合研究センター" in office and "環境省" in office
    # the partner whole on its line: the layout of fewer table lines (the office on seven,
    # 協定名 wider) tears it (環境省国立水俣病総合研究 / センター) and parts the office's
    # unit 企画部研究推進室, which the measure (widths._parting) counts against it
    assert ["環境省国立水俣病総合研究センター"] in cols["相手方"]
    assert [cell for cell in cols["協定名"] if torn(cell, ["水俣病", "国立環境研究所"])] == []
    # the partners parted only after a legal form or a ・ between the associations' names
    npo = [cell for cell in cols["相手方"] if "".join(cell) == "NPO法人クライシスマッパーズ・ジャパン"]
    assert len(npo) == 2 and all(cell in (["NPO法人クライシスマッパーズ・ジャパン"],
                                          ["NPO法人", "クライシスマッパーズ・ジャパン"]) for cell in npo), npo
    assert [cell for cell in cols["相手方"] if torn(cell, NAME_WORDS + ["長土塀", "町会連合会"])] == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_sets_the_docx_as_the_pdf(book, tmp_path):
    """The DOCX of the 2016 and 2017 books, set by LibreOffice: the office on six lines,
    特定非営利活動法人 / クライシスマッパーズ・ジャパン parted after 法人 and nowhere else."""
    for year in (2016, 2017):
        subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(book / f"annual-{year}.docx")],
                       env=dict(os.environ, HOME=str(tmp_path)), capture_output=True, timeout=300, check=True)
    office = next(cell for cell in columns(tmp_path / "annual-2016.pdf")["担当課"]
                  if "".join(cell).startswith("国立研究開発法人"))
    assert len(office) <= 6, office
    names = [cell for cell in columns(tmp_path / "annual-2017.pdf", HEADS_2017)["相手方"]
             if "".join(cell) == "特定非営利活動法人クライシスマッパーズ・ジャパン"]
    assert names == [["特定非営利活動法人", "クライシスマッパーズ・ジャパン"]] * 3, names


def test_names_whole_or_parted_after_their_legal_form_and_titles_at_their_parties_names(book):
    """2017, every real case of the year: 長野県と独立行政法人国立高等専門学校機構長野工業高等
    専門学校との… (nagano-nct-pref-2018) held 協定等の名称 23.5 em wide for 国立高等専門学校機構
    長野工業高等専門学校との, one word to a measure that parts a word only where the script
    changes; its party 長野工業高等専門学校 is a word of it. The width that frees keeps
    静岡県中東遠生コンクリート協同組合 whole (it was torn, 中東遠生 / コンクリート) and the
    drone agreements' terms on two lines. 特定非営利活動法人クライシスマッパーズ・ジャパン (24
    em) is parted after its legal form, in rows no taller for it: held whole, it would take
    seven em from the titles, three rows or more a line taller each (46 lines, not 35, before
    山口県's row of one line joined)."""
    name = "特定非営利活動法人クライシスマッパーズ・ジャパン"
    cols = columns(book / "annual-2017.pdf", HEADS_2017)
    cells = [cell for cell in cols["相手方"] if "".join(cell) == name]
    assert len(cells) == 3 and all(cell == ["特定非営利活動法人", "クライシスマッパーズ・ジャパン"] for cell in cells), cells
    rows = [cols["相手方"].index(cell) for cell in cells]
    # no taller for it: each row as tall as its other cells make it (since harima-rpc-kakogawa-2017
    # joined, h183, the titles' column is 1.5 em wider and 有効期間 parts 平成29年７月26日 / から１年間 /
    # （自動更新） in three lines: the rows three lines tall, the name's cell still two)
    assert [len(cols["相手方"][row]) for row in rows] == [2, 2, 2]
    assert all(max(len(c[row]) for c in cols.values()) == max(len(c[row]) for h, c in cols.items() if h != "相手方")
               for row in rows), [max(len(c[row]) for c in cols.values()) for row in rows]
    assert ["静岡県中東遠生コンクリート協同組合"] in cols["相手方"]
    assert [cell for cell in cols["相手方"] if torn(cell, NAME_WORDS + ["生コンクリート"])] == []
    nagano = next(cell for cell in cols["協定等の名称"] if "".join(cell).startswith("長野県と独立行政法人"))
    assert torn(nagano, ["長野工業高等専門学校", "国立高等専門学校機構", "独立行政法人"]) == [], nagano
    assert column_widths(book / "annual-2017.pdf")["協定等の名称"] < 22 * SIZE + PADDING
    # 36: 35 and the one line of yamaguchi-krasnodar-2017 (signed 2017-04-26), which joined in the
    # twenty-seventh session; 49 since ktr-kanto-21-2018 joined (thirty-third session): its 20
    # partners take ten lines of 相手方, which the fitter widens, so three titles elsewhere take a
    # line more (災害発生時における飲料供給に / 関する協定 …); 51 since kaita-kure-2017 (signed
    # 2017-10-16) joined (thirty-seventh session, h118): its title 呉市と海田町との連携中枢都市圏
    # 形成に係る連携協約 takes two lines; 54 since mod-kyushu-hijudai-2017 (signed 2017-10-30) joined
    # (h133): its row two lines, 合意文書 over the 協定 it renews, and the rows after it one place
    # down across the page's end (measured: 51 before it, 54 with it); 56 since
    # tezukayama-naranishi-2017 (signed 2017-07-24) joined (thirty-eighth session, h137): its title
    # 警察署使用不能時における施設使用に関する協定書 takes two lines (measured: 54 before it, 56 with it);
    # 61 since h148's two joined: shokokai-5dantai-2017 (signed 2017-05-19), whose four partners
    # take four lines of 相手方, and yawatahama-fire-soka-2017 (2017-11-24), a row of one line
    # (measured: 56 before them, 61 with them); 62 since kuriyama-komeri-2017 (signed 2017-09-19)
    # joined (h155), a row of one line (measured: 61 without its spec, 62 with it); 64 since
    # tikusei-shinyo-2018 (signed 2018-02-08) joined (h156): its four partners, 一部事務組合 each,
    # and its title take more lines than one (measured: 62 without its spec, 64 with it); 66 since
    # harima-rpc-kakogawa-2017 (signed 2017-11-09) joined (h183): its title takes one line in a
    # titles' column 1.5 em wider, which two other titles share and the three drone agreements'
    # 有効期間 pay a line each for (measured: 64 without its spec, 66 with it; the old widths, its
    # title on two lines, would make 66 too); 68 since hirosaki-aoimori-2017 (signed 2017-10-17)
    # joined (h194): a row of two lines, its title 国立大学法人弘前大学と青い森信用金庫との連携協力に
    # 関する協定 (measured: 66 without its spec, 68 with it)
    assert sum(max(len(c[row]) for c in cols.values()) for row in range(len(cells and cols["№"]))) <= 68
    table = OpenDocx(book / "annual-2017.docx").tables[-1]
    texts = [c.text for row in table.rows for c in row.cells if "クライシスマッパーズ" in c.text]
    assert texts.count("特定非営利活動法人\nクライシスマッパーズ・ジャパン") == 3, texts


def test_a_title_keeps_a_partys_name_whole_where_its_line_can_hold_it(book):
    """A title's line ended inside a party's name where the composer's phrases or the
    title's words did: 日本国国土交通省港湾局及びシンガポール / 海事港湾庁との間の… (2017),
    酪農学園大学と一般財団法人沖縄美ら / 島財団との包括連携協定 (2025: 美ら島 torn). Where the
    title takes no more lines, they end outside the name."""
    singapore = next(cell for cell in columns(book / "annual-2017.pdf", HEADS_2017)["協定等の名称"]
                     if "".join(cell).startswith("日本国国土交通省港湾局"))
    assert torn(singapore, ["シンガポール海事港湾庁"]) == [] and len(singapore) == 3, singapore
    okinawa = next(cell for cell in columns(book / "annual-2025.pdf")["協定名"]
                   if "沖縄美ら島財団" in "".join(cell))
    # (since the 2025 book's 相手方 column took 香川県土地家屋調査士会（小豆島町と共同締結）, its
    # 協定名 column held this title on one line; hokkaido-forest-ffpri-2025's long partners
    # narrowed it to 20.6 em, where the name whole takes a line more than filled lines that
    # tear it: kept whole at one line more (lines.names_kept), which the widths count, so
    # the column widens to 21.6 em and the title stands on two lines, the name whole)
    assert torn(okinawa, ["一般財団法人沖縄美ら島財団", "酪農学園大学"]) == [] and len(okinawa) in (1, 2), okinawa


def test_a_name_too_long_for_its_column_is_parted_after_its_legal_form(book):
    """2018: 相手方 cannot hold NPO法人クライシスマッパーズ・ジャパン beside titles of 17 em; it
    is parted on two lines either way, and as evenly as it can be (NPO法人 / クライシス
    マッパーズ・ジャパン), not filled (NPO法人クライシスマッパーズ・ / ジャパン)."""
    cols = columns(book / "annual-2018.pdf")
    cells = [cell for cell in cols["相手方"] if "".join(cell).endswith("NPO法人クライシスマッパーズ・ジャパン")]
    assert len(cells) == 6        # musashino-cmj-2018 joined in the thirty-sixth session (akishima-cmj-2018 names 特定非営利活動法人…)
    assert all(cell[-2:] == ["NPO法人", "クライシスマッパーズ・ジャパン"] for cell in cells), cells
    widths = column_widths(book / "annual-2018.pdf")
    assert 16 * SIZE + PADDING < widths["協定名"] < 19 * SIZE + PADDING      # 協定名 about 17 em, as it was


def test_a_bodys_offices_part_after_the_body(book):
    """2025: hokkaido-forest-ffpri-2025's three partners, offices of one 国立研究開発法人
    (国立研究開発法人森林研究・整備機構森林総合研究所北海道支所 …), each too long for
    相手方. They parted at the body's ・ and inside their offices (…森林研究・ / 整備機構
    森林総合研究所林木育種 / センター北海道育種場, 30 table lines); a list parts them
    between the body and its office (annual/name_parts.py), each on two lines (29)."""
    cols = columns(book / "annual-2025.pdf")
    cell = next(c for c in cols["相手方"] if "".join(c).startswith("国立研究開発法人森林研究・整備機構"))
    body = "国立研究開発法人森林研究・整備機構"
    assert cell == [body, "森林総合研究所北海道支所、", body, "森林総合研究所林木育種センター北海道育種場、",
                    body, "森林整備センター北海道水源林整備事務所"], cell


@pytest.mark.parametrize("year", [2016, 2017, 2018])
def test_a_term_is_never_parted_inside_kara(book, year):
    """有効期間: 平成28年９月20日から１年間 was set by the composer, which ends a line between
    any two kana: 平成28年９月20日か / ら１年間. A line ends after ～, before から or （自動更新）."""
    cols = columns(book / f"annual-{year}.pdf", HEADS_2017 if year == 2017 else HEADS)
    terms = [cell for cell in cols["有効期間"] if "から" in "".join(cell)]
    assert terms
    assert [cell for cell in terms if any(line.endswith("か") for line in cell[:-1])] == []


@pytest.fixture(scope="module")
def fitting(tmp_path_factory):
    """Two real lists whose every line fits the page: 菊川市 (№, H28.2.5, 締結先, 協定名) and
    中央大学 (締結日, 協定名, 締結先, 締結場所)."""
    out = {}
    for office in ("kikugawa", "chuo-2025"):
        fy = yaml.safe_load((LISTS / office / "facts.yaml").read_text(encoding="utf-8"))["fiscal_year"]
        folder = tmp_path_factory.mktemp(office)
        result = run_generate("annual", "--fiscal-year", fy, LISTS / office / "specs", "-o", folder,
                              "--style", LISTS / office / "style.yaml", "--format", "pdf,docx")
        assert result.returncode == 0, result.stderr
        out[office] = folder / f"annual-{fy}.pdf"
    return out


def test_the_width_no_line_needs_goes_to_the_columns_read_along(fitting):
    """Where every line fits, the width left went to every column in proportion to its
    text: 菊川市's № stood 8 em wide for 1 and 2, its H28.3.22 in 14 em. It goes to the title
    and the partners; №, a date and 締結場所 are as wide as their text (and a quarter em)."""
    kikugawa = column_widths(fitting["kikugawa"])
    assert kikugawa["№"] <= 2.5 * SIZE + PADDING + 0.5                    # № is 2.5 em at least
    assert kikugawa["締結日"] <= 4.5 * SIZE + PADDING + 0.5               # H28.3.22: 4 em and a quarter
    assert kikugawa["締結先"] + kikugawa["協定名"] > 0.85 * sum(kikugawa.values())
    chuo = column_widths(fitting["chuo-2025"])
    assert chuo["締結日"] <= 8.25 * SIZE + PADDING + 0.5                  # 2025年８月13日
    assert chuo["締結場所"] <= 6.5 * SIZE + PADDING + 0.5                 # 釧路公立大学
    assert chuo["協定名"] > chuo["締結先"] > chuo["締結日"]
    for pdf in fitting.values():                                        # the DOCX's columns the PDF's
        docx_table = OpenDocx(pdf.with_suffix(".docx")).tables[-1]
        grid = [int(g.get(qn("w:w"))) for g in docx_table._tbl.tblGrid.iter(qn("w:gridCol"))]
        widths = list(column_widths(pdf).values())
        assert [w / sum(grid) for w in grid] == pytest.approx([w / sum(widths) for w in widths], abs=0.003)
