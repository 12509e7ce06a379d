"""Labels and headings break where a reader would.

- A short word is never left alone on a line where the line holds it up to a compound
  particle: このページ / に関する / お問い合わせ, not この / ページに関する / お問い合わせ;
  where a compound particle and the phrase before it are longer than a line, the line
  ends after its に as BudouX ends the phrase (交流促進に / 関する覚書, 地域活性化に /
  関すること: test_overview_real), not before it.
- A word an office writes with kana for a kanji is one phrase (障がい者, which BudouX
  parts 障が / い / 者).
- The contact box's label column is as wide as lets its label take as few lines as a
  third of the box would: kankocho-bunka-2013's and nagareyama-police-2018's
  このページに関するお問い合わせ on two lines, このページに関する / お問い合わせ (it was
  この / ページに関する / お問い合わせ), in the PDF and the DOCX.
- BudouX parts long runs of kanji inside a word (締結議 / 定書, 国立水俣 / 病, 東日本高速 /
  道路株式会社): a heading keeps such a run whole where its line holds it.
- The annual book's plain sheet sets 相手方 name by name: none torn across lines
  (一般社団法人日 / 本建設業連合会関東支部 in the 2017 book of the real cases).
- The annual book's contents entries break a title between its words, as its cell does
  (…センターとの / 連携に関する協定, not …との連携 / に関する協定), and the book's words
  keep a compound after its okurigana whole, as the composer does (子育て支援, 空き家).
"""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from conftest import needs_poppler, no_space, run_generate
from jpdocs.writers.jlreq import Settings, budoux_bounds, prepare
from jpdocs.writers.jlreq_lines import compose

REAL = Path(__file__).resolve().parent / "data" / "real"
LABEL = "このページに関するお問い合わせ"
EM = 10.0


def texts(text: str, width: float) -> list[str]:
    """`text` set as a heading (between phrases) on lines `width` wide, 10 a character."""
    p = prepare(text, [EM] * len(text), [EM] * len(text), Settings(), width, True)
    return [text[line.start:line.end] for line in compose(p, [width], True, True)]


def phrases_of(text: str) -> list[str]:
    ends = budoux_bounds(text)
    return [text[a:b] for a, b in zip((0,) + ends, ends)]


@pytest.mark.parametrize("width, expected", [
    (70.0, ["このページ", "に関する", "お問い合わせ"]),        # ページに関する exactly a line: この not alone
    (60.0, ["このページに", "関する", "お問い合わせ"]),     # ページに関する longer than a line: after に
    (90.0, ["このページに関する", "お問い合わせ"]),
    (150.0, [LABEL]),
])
def test_a_short_word_is_not_left_alone_before_a_compound_particle(width, expected):
    assert texts(LABEL, width) == expected


def test_a_compound_particle_longer_than_its_line_with_its_phrase_breaks_after_its_particle():
    assert texts("交流促進に関する覚書", 60.0) == ["交流促進に", "関する覚書"]
    assert texts("地域活性化に関すること", 100.0) == ["地域活性化に", "関すること"]
    # where the whole fits, it stays whole, as before
    assert texts("鳥取県と交流促進に関する覚書", 100.0) == ["鳥取県と", "交流促進に関する覚書"]


@pytest.mark.parametrize("text, width, expected", [
    ("障がい者支援に関すること", 100.0, ["障がい者支援に", "関すること"]),   # was 障がい / 者支援に関すること
    ("障がい者支援に関すること", 130.0, ["障がい者支援に関すること"]),
    ("高齢者・障がい者の見守り", 60.0, ["高齢者・", "障がい者の", "見守り"]),   # was 高齢者・障が / い者の
    ("障がい児支援の推進", 60.0, ["障がい児支援", "の推進"]),      # BudouX: 障が / い / 児支援 / の推進
])
def test_a_word_written_with_kana_for_a_kanji_is_never_torn(text, width, expected):
    assert texts(text, width) == expected


def test_the_books_words_keep_a_word_written_with_kana_whole():
    from jpdocs.annual.lines import word_ends, words
    assert words("高齢者・障がい者の見守りに関する協定") == ["高齢者・", "障がい者の", "見守りに関する協定"]
    assert not word_ends("障がい者支援") & {1, 2, 3}


def test_a_longer_first_phrase_keeps_its_line():
    # 私は is two characters but the next phrase has no compound particle: nothing better
    assert texts("私は北海道の未来を考える", 30.0) == ["私は", "北海道", "の", "未来を", "考える"]


@pytest.mark.parametrize("text, inside", [
    ("日本国和歌山県と中華人民共和国山東省との友好県省関係締結議定書の概要", ["山東省", "議定書"]),
    ("国立研究開発法人国立環境研究所と環境省国立水俣病総合研究センターとの連携に関する協定の概要", ["水俣病"]),
    ("（仮称）屋代スマートIC周辺での交通拠点整備に係る千曲市と東日本高速道路株式会社との連携と共創に関する協定の概要",
     ["高速道路"]),
])
def test_no_phrase_ends_inside_a_run_of_kanji_that_budoux_parts(text, inside):
    ends = set(budoux_bounds(text))
    for word in inside:
        at = text.index(word)
        assert not ends & set(range(at + 1, at + len(word))), (word, phrases_of(text))


def test_a_legal_form_still_ends_a_phrase():
    text = "国立研究開発法人国立環境研究所と環境省国立水俣病総合研究センターとの連携に関する協定の概要"
    assert phrases_of(text)[0] == "国立研究開発法人"


def test_a_run_of_kanji_longer_than_its_line_breaks_where_budoux_parts_it():
    text = "国立水俣病総合研究センターとの連携"           # 国立水俣 / 病総合… is BudouX's, 15 wide
    assert all(len(line) <= 6 for line in texts(text, 60.0))


def test_the_books_words_never_part_a_compound_particle():
    from jpdocs.annual.lines import title_lines_by_words, words
    title = "多古町災害ボランティアセンター設置運営に関する協定"
    assert not any(piece.startswith("関する") for piece in words(title)), words(title)
    assert title_lines_by_words(title, 21.0) == ["多古町災害ボランティアセンター", "設置運営に関する協定"]


def _label_lines_pdf(pdf: Path) -> list[str]:
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            words = page.extract_words(keep_blank_chars=False, use_text_flow=True)
            first = next((w for w in words if w["text"].startswith("この")), None)
            if first is None:
                continue
            column = [w for w in words if abs(w["x0"] - first["x0"]) < 1.0]
            return [w["text"] for w in sorted(column, key=lambda w: w["top"])]
    return []


@needs_poppler
@pytest.mark.parametrize("case", ["kankocho-bunka-2013", "nagareyama-police-2018"])
def test_the_contact_label_takes_two_lines_in_the_pdf_and_the_docx(case, tmp_path):
    run = run_generate(REAL / f"{case}.yaml", "-o", tmp_path, "--kinds", "press-notice")
    assert run.returncode == 0, run.stderr
    folder = tmp_path / case
    lines = _label_lines_pdf(folder / "press-notice.pdf")
    assert lines[:2] == ["このページに関する", "お問い合わせ"], lines
    cells = [t.rows[k].cells[0].text for t in docx.Document(folder / "press-notice.docx").tables
             for k in range(len(t.rows)) if "ページ" in t.rows[k].cells[0].text]
    assert cells == ["このページに関する\nお問い合わせ"], cells


BOOKS = {  # the year, a case of it, what its sheet prints on one line
    2017: ("ktr-kanto-21-2018", ["一般社団法人日本建設業連合会関東支部"]),
    2015: ("hidaka-shishikai-2016", ["飯能地区薬剤師会、"]),
    1984: ("wakayama-shandong-1984", ["友好県省関係締結議定書の概要"]),
    2016: ("nies-minamata-2016", ["環境省国立水俣病総合研究センターとの連携に関する協定の概要"]),
    2025: ("nexco-chikuma-2025", ["東日本高速道路株式会社との連携と共創に関する協定の概要"]),
    # where keeping BudouX's kanji phrases whole would cost the heading a line, they part
    # where BudouX parts them, as before (not 相続登記、空き家対策、 / …等に関する / 協定の概要)
    2024: ("toshima-shihoshoshi-2025", ["相続登記、空き家対策、所有者不明土地・建物管理制度",
                                        "管理不全土地・建物管理制度等に関する協定の概要"]),
}


def _one_case_book(case: str, year: int, tmp_path: Path) -> Path:
    """The annual book of `year` built by the real command line from the real case alone."""
    run = run_generate("annual", "--fiscal-year", year, REAL / f"{case}.yaml", "-o", tmp_path, "--format", "pdf")
    assert run.returncode == 0, run.stdout + run.stderr
    return tmp_path / f"annual-{year}.pdf"


@needs_poppler
@pytest.mark.parametrize("year", sorted(BOOKS))
def test_the_books_sheets_tear_no_name_nor_word(year, tmp_path):
    case, whole_lines = BOOKS[year]
    import pdfplumber
    with pdfplumber.open(_one_case_book(case, year, tmp_path)) as pdf:      # the sheet: the book's last page
        lines = [no_space(line) for line in pdf.pages[-1].extract_text().splitlines()]
    for whole in whole_lines:
        assert any(whole in line for line in lines), (whole, [ln for ln in lines if ln][-12:])


# The annual book's title cells and the overview sheet: no line starts with a compound
# particle's end nor ends inside a compound noun (the lead's notes of h112).
PARTICLE_STARTS = ("に関する", "における", "に係る", "のための", "について", "に対する", "に基づく")


@pytest.mark.parametrize("ems", [7, 8, 9, 10])
def test_the_books_title_cells_break_after_a_particle_never_before_it(ems):
    """At these widths the book's cell set 支援活動等 / に関する協定 (and 災害時 / における at 7):
    a word with its compound particle too long for the line parts after its に, as the
    notices' headings do."""
    from jpdocs.annual.blocks import title_lines
    from jpdocs.annual.lines import title_lines_by_words, word_ends
    from jpdocs.spec.style import load_style
    style = load_style()
    title = "災害時における無人航空機を活用した支援活動等に関する協定"
    lines = title_lines([title], ems * style.styles["small"].size, [], style)
    assert "".join(lines) == title and len(lines) > 1
    assert not [ln for ln in lines if ln.startswith(PARTICLE_STARTS)], lines
    assert "支援活動等に" in lines or any(ln.endswith("支援活動等に関する協定") for ln in lines), lines
    assert title_lines_by_words(title, ems)[-2:] == ["支援活動等に", "関する協定"]
    assert 22 not in word_ends(title) and 23 in word_ends(title)     # 等 / に: no end; に / 関: one


def test_the_books_phrased_lines_keep_a_particle_whole_where_the_line_holds_it():
    from jpdocs.annual.lines import title_lines_by_words
    # the whole 支援活動等に関する協定 fits: no break inside it at all
    assert title_lines_by_words("災害時における無人航空機を活用した支援活動等に関する協定", 12) == \
        ["災害時における", "無人航空機を活用した", "支援活動等に関する協定"]


@pytest.mark.parametrize("text, width, expected", [
    ("子育て支援に関すること", 80.0, ["子育て支援に", "関すること"]),        # was 子育て / 支援に関すること
    ("子育て支援に関すること", 110.0, ["子育て支援に関すること"]),
    ("地産地消の推進に関すること", 80.0, ["地産地消の", "推進に関すること"]),   # の is a particle: a break
    ("オホーツク総合振興局管内市町村会", 80.0, ["オホーツク", "総合振興局管内", "市町村会"]),  # was …管内市 / 町村会
    ("オホーツク総合振興局管内市町村会", 60.0, ["オホーツク", "総合振興局", "管内市町村会"]),
    ("オホーツク総合振興局管内市町村会", 110.0, ["オホーツク", "総合振興局管内市町村会"]),   # whole where it fits
    ("総合振興局管内市町村会", 80.0, ["総合振興局管内", "市町村会"]),
])
def test_a_heading_keeps_a_compound_noun_whole(text, width, expected):
    assert texts(text, width) == expected


@needs_poppler
def test_the_overview_sheet_prints_compound_nouns_whole(tmp_path):
    """test_overview_real's sheet of many areas and a long partner's name, read back:
    子育て支援に / 関すること and オホーツク / 総合振興局管内 / 市町村会 (they were 子育て /
    支援に関すること and 総合振興局管内市 / 町村会)."""
    from test_overview_real import lines, seed, sheet
    data = seed()
    for party in data["parties"].values():
        party.pop("statements", None)
    data["parties"]["towns"] = {"name": "オホーツク総合振興局管内市町村会",
                                "representative": {"title": "会長", "name": "水谷　洋一"}}
    data["agreement"]["areas"] = [{"heading": f"{h}に関すること", "items": ["取組の推進"]} for h in (
        "地域活性化", "観光振興", "農林水産業の振興", "子育て支援", "高齢者支援", "防災・減災", "環境保全",
        "地産地消の推進", "健康増進", "青少年の健全育成", "障がい者支援", "市民サービスの向上")]
    got = lines(sheet(tmp_path, data))
    assert "子育て" not in got and any(x.startswith("子育て支援に") for x in got), got
    at = got.index("総合振興局管内") if "総合振興局管内" in got else -1
    assert at >= 0 and got[at + 1] == "市町村会", got
    assert not [x for x in got if x.startswith(PARTICLE_STARTS)], got


# The annual book's contents page (h116): an agreement's entry is prose, which the composer
# broke between any two characters; its title now breaks between its words, as its cell
# in the summary does. Each case alone makes a book of one entry, set as in its year's book.
CONTENTS = {
    # …センターとの連携 / に関する協定 (the 2016 book's (11))
    "nies-minamata-2016": (2016, "連携に関する協定（平成28年11月29日）"),
    # …提供・使用に関 / する協定 (the 2017 book's (18))
    "nta-nenkin-mhlw-2017": (2017, "使用に関する協定（平成29年12月１日）"),
    # …特定非営利活動法人日本 / ジオパークネットワーク… (the 2018 book's (12))
    "bosai-jgn-2018": (2018, "日本ジオパークネットワークとの包括的連携に関する協定（平成30年10月13日）"),
}


def _contents_lines(pdf: Path) -> list[str]:
    """The contents page's lines (the book's second), leaders and page numbers dropped."""
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        text = doc.pages[1].extract_text()
    return [no_space(line).rstrip("…0123456789") for line in text.splitlines() if line.strip()]


@needs_poppler
@pytest.mark.parametrize("case", sorted(CONTENTS))
def test_the_books_contents_break_a_title_between_its_words(case, tmp_path):
    year, second = CONTENTS[case]
    lines = _contents_lines(_one_case_book(case, year, tmp_path))
    at = next(i for i, line in enumerate(lines) if line.startswith("（１）"))
    assert lines[at + 1] == second, lines
    assert not [ln for ln in lines if ln.startswith(PARTICLE_STARTS + ("関する", "する", "係る"))], lines


def test_the_books_words_keep_a_compound_after_its_okurigana_whole():
    """jlreq keeps 子育て支援 one phrase (after_okurigana); the book's words did not."""
    from jpdocs.annual.lines import word_ends, words
    assert words("放課後の子育て支援事業に関する協定") == ["放課後の", "子育て支援事業に関する協定"]
    assert 7 not in word_ends("放課後の子育て支援事業に関する協定")          # 子育て / 支援
    assert words("相続登記、空き家対策") == ["相続登記、", "空き家対策"]      # was 相続登記、空き / 家対策
    assert words("観光振興に向け取組を進める協定")[:2] == ["観光振興に向け", "取組を"]   # a particle's end: a break


@needs_poppler
def test_the_books_title_cell_keeps_a_compound_after_its_okurigana_whole(tmp_path):
    """A title in a column narrowed by a tall 担当課 (test_annual_widths' nies-minamata-2016):
    its cell set 放課後の子育て / 支援事業に関する協定; now 子育て支援 on one line."""
    import yaml
    from test_annual_widths import TALL_OFFICES, columns
    data = yaml.safe_load((REAL / "nies-minamata-2016.yaml").read_text(encoding="utf-8"))
    data["agreement"]["title"] = "放課後の子育て支援事業に関する協定"
    data["agreement"]["department"] = TALL_OFFICES["nies-minamata-2016"]
    spec = tmp_path / "kosodate.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    run = run_generate("annual", "--fiscal-year", 2016, spec, "-o", tmp_path, "--format", "pdf")
    assert run.returncode == 0, run.stdout + run.stderr
    cell = columns(tmp_path / "annual-2016.pdf")["協定名"][0]
    assert len(cell) > 1 and "".join(cell) == data["agreement"]["title"], cell
    assert any("子育て支援" in line for line in cell), cell
