"""The overview sheet with real data: parties without statements, formal names
that spell out a name's legal form, many areas, long names. Built by the real
command line and read back from the PDF (pdftotext, pdfplumber)."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import yaml

from conftest import SEED_SPEC, needs_poppler, no_space, pdf_text, run_generate

BOX = (0.871, 0.918, 0.965)      # house colour `box` #DEEAF6: a party's box
AREA = (0.949, 0.949, 0.949)     # `area` #F2F2F2: an area's box


def seed() -> dict:
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    del data["press_notice"], data["agreement"]["document"]
    return data


def sheet(tmp_path: Path, data: dict, *options, name: str = "sheet") -> Path:
    spec = tmp_path / f"{name}.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "overview", "--format", "pdf", "--force", *options)
    assert result.returncode == 0, result.stderr
    return tmp_path / "out" / name / "overview.pdf"


def rects(pdf: Path, colour) -> list[dict]:
    with pdfplumber.open(pdf) as p:
        return [r for r in p.pages[0].rects
                if r.get("fill") and len(r.get("non_stroking_color") or ()) == 3
                and all(abs(a - b) < 0.01 for a, b in zip(r["non_stroking_color"], colour))]


def lines(pdf: Path) -> list[str]:
    return [no_space(x) for x in pdf_text(pdf).splitlines() if x.strip()]


def test_a_party_without_statements_gets_no_empty_shaded_band(tmp_path):
    data = seed()
    del data["parties"]["kitami_it"]["statements"]
    boxes = rects(sheet(tmp_path, data), BOX)
    assert len(boxes) == 1, "only the party with statements has its shaded box"
    assert boxes[0]["x0"] < 300, "the first party's (the bureau's)"


@needs_poppler
def test_a_formal_name_spelling_out_the_legal_form_is_shown_once(tmp_path):
    data = seed()
    data["parties"]["seven"] = {"name": "（株）セブン‐イレブン・ジャパン", "formal_name": "株式会社セブン‐イレブン・ジャパン",
                                "representative": {"title": "代表取締役社長", "name": "永松　文彦"}}
    data["parties"]["toyota"] = {"name": "トヨタ自動車㈱", "formal_name": "トヨタ自動車株式会社",
                                 "representative": {"title": "代表取締役社長", "name": "佐藤　恒治"}}
    flat = no_space(pdf_text(sheet(tmp_path, data)))
    assert flat.count("イレブン・ジャパン") == 1 and "（株）" not in flat and "株式会社セブン‐イレブン・ジャパン" in flat
    assert flat.count("トヨタ自動車") == 1 and "トヨタ自動車株式会社" in flat and "㈱" not in flat


def test_the_areas_stand_apart_from_the_party_boxes(tmp_path):
    data = seed()
    pdf = sheet(tmp_path, data)
    party_bottom = max(r["bottom"] for r in rects(pdf, BOX))
    rows = sorted({round(r["top"], 1) for r in rects(pdf, AREA)})
    bottoms = sorted({round(r["bottom"], 1) for r in rects(pdf, AREA)})
    assert len(rows) == 2
    first_gap = min(rows) - party_bottom
    row_gap = rows[1] - bottoms[0]
    assert first_gap > 2 * row_gap > 0, (first_gap, row_gap)


@needs_poppler
def test_a_grid_that_lines_up_with_the_party_boxes_has_a_heading(tmp_path):
    """Two parties and four areas: two columns, each standing under one party's box,
    would read as that party's areas. The sheet says they are the agreement's; the
    seed's six areas in three columns need no heading."""
    data = seed()
    areas = data["agreement"]["areas"]
    data["agreement"]["areas"] = areas[:4]
    got = lines(sheet(tmp_path, data, name="aligned"))
    at = got.index("連携事項")
    assert got[at + 1].startswith(no_space(areas[0]["heading"])[:6]), got[at:at + 3]
    assert got[at - 1].endswith("貢献します。"), "after the last party's statements"
    areas_top = min(r["top"] for r in rects(tmp_path / "out" / "aligned" / "overview.pdf", AREA))
    party_bottom = max(r["bottom"] for r in rects(tmp_path / "out" / "aligned" / "overview.pdf", BOX))
    assert areas_top - party_bottom > 20, "the heading stands apart from the boxes above"
    assert "連携事項" not in lines(sheet(tmp_path, seed(), name="seed"))
    data["agreement"]["areas"] = areas[:3]
    assert "連携事項" not in lines(sheet(tmp_path, data, name="three")), "three columns under two boxes"


@needs_poppler
def test_a_house_heading_over_the_areas(tmp_path):
    style = tmp_path / "house.yaml"
    style.write_text("wording: {areas_heading: 連携事項}\n", encoding="utf-8")
    got = lines(sheet(tmp_path, seed(), "--style", style))
    at = got.index("連携事項")
    assert got[at + 1] == "農林水産業の振興に関する事項"
    assert got[at - 1].endswith("貢献します。"), "after the last party's statements"


def test_a_sheet_of_many_areas_and_no_statements_uses_the_page(tmp_path):
    data = seed()
    for party in data["parties"].values():
        party.pop("statements", None)
    data["agreement"]["areas"] = [{"heading": f"{h}に関すること", "items": ["取組の推進", "情報の共有"]} for h in (
        "地域活性化", "観光振興", "農林水産業の振興", "子育て支援", "高齢者支援", "防災・減災", "環境保全",
        "地産地消の推進", "健康増進", "青少年の健全育成", "障がい者支援", "市民サービスの向上")]
    pdf = sheet(tmp_path, data)
    with pdfplumber.open(pdf) as p:
        page = p.pages[0]
        sizes = {round(c["size"], 1) for c in page.chars if c["text"] == "取"}
        bottom = max(r["bottom"] for r in page.rects)
        height = page.height
    assert min(sizes) > 10.5, "the items are set larger than the house size"
    assert bottom > 0.82 * height, "the areas reach down the page"


@needs_poppler
def test_headings_and_names_break_between_phrases(tmp_path):
    data = seed()
    for party in data["parties"].values():
        party.pop("statements", None)
    data["parties"]["towns"] = {"name": "オホーツク総合振興局管内市町村会",
                                "representative": {"title": "会長", "name": "水谷　洋一"}}
    data["parties"]["seven"] = {"name": "（株）セブン‐イレブン・ジャパン", "formal_name": "株式会社セブン‐イレブン・ジャパン",
                                "representative": {"title": "代表取締役社長", "name": "永松　文彦"}}
    data["agreement"]["areas"] = [{"heading": f"{h}に関すること", "items": ["取組の推進"]} for h in (
        "地域活性化", "観光振興", "農林水産業の振興", "子育て支援", "高齢者支援", "防災・減災", "環境保全",
        "地産地消の推進", "健康増進", "青少年の健全育成", "障がい者支援", "その他地域社会の活性化及び市民サービスの向上")]
    got = lines(sheet(tmp_path, data))
    assert not [x for x in got if x in ("こと", "事項")], "…に関する / こと"
    assert "関すること" in got, "…の振興に / 関すること"
    # the bureau's name: 北海道 / オホーツク / 総合振興局 or 北海道オホーツク / 総合振興局 as the
    # size allows (the grid's heading takes a line of the sheet), never オ / ホーツク
    at = next(i for i, x in enumerate(got) if x.endswith("オホーツク"))
    assert got[at] in ("オホーツク", "北海道オホーツク") and got[at + 1].startswith("総合振興局"), got[at - 1:at + 2]
    assert got[at] == "北海道オホーツク" or got[at - 1] == "北海道", "not 北 / 海道"
    at = got.index("オホーツク", at + 1)
    assert got[at + 1].startswith("総合振興局管内"), "broken where the script changes"
    assert "セブン‐" in got and "ジャパン" in got[got.index("セブン‐") + 1:got.index("セブン‐") + 3], \
        "broken after ‐ and ・, not inside ジャパン"
