"""Where a signature block's label and seal place stand, as the signed copies set
them: agreement.block_label_line: organisation (甲 on the line naming the party, under
the address: 甲　横瀬町, as 横瀬町, 日野市 and 久喜市 set it) and agreement.seal_place:
under (the seal place under the block's last line, the lines taking its column, so that
三鷹市's addresses stand on one line in its side-by-side blocks). Read back from the PDF
(positions) and the DOCX reopened; the signature fields still over the seal places."""
from __future__ import annotations

import zipfile
from pathlib import Path

import yaml
from lxml import etree

from conftest import ROOT, SEED_SPEC, needs_poppler, no_space, run_generate
from glyphs import page_rows
from jpdocs.pdf.signing import signature_fields
from test_agreement import seal_circles

REAL = ROOT / "tests" / "data" / "real"


def built(tmp_path: Path, spec: Path, *options, said: list | None = None) -> Path:
    """The agreement PDF built (the DOCX beside it); `said` gets the build's messages."""
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx",
                          "--force", *options)
    assert result.returncode == 0, result.stderr
    if said is not None:
        said += (result.stdout + result.stderr).splitlines()
    return tmp_path / "out" / spec.stem / "agreement.pdf"


def row_of(rows: list[list[dict]], start: str) -> list[dict]:
    """The glyphs of the one line whose text (spaces removed) starts with `start`."""
    found = [r for r in rows if no_space("".join(c["text"] for c in r)).startswith(start)]
    assert len(found) == 1, [no_space("".join(c["text"] for c in r)) for r in rows]
    return found[0]


def ink(row: list[dict]) -> list[dict]:
    """The row's glyphs without its spaces."""
    return [c for c in row if c["text"].strip(" \u3000")]


def docx_cells(pdf: Path) -> list[list[str]]:
    """The paragraphs' texts of each table cell of the DOCX, in order."""
    body = etree.fromstring(zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml"))
    return [["".join(t.text or "" for t in p.iter("{*}t")) for p in tc.iter("{*}p")] for tc in body.iter("{*}tc")]


@needs_poppler
def test_the_label_stands_on_the_organisations_line_under_the_address(tmp_path):
    """久喜市's agreement (styles/kuki-city.yaml): 甲 on the baseline of 久　喜　市, the
    address on the line above it with no label, starting where 久 starts (the
    organisation's margin), 甲 left of both; in the DOCX's cell the address, then
    甲　久喜市 as one paragraph, and no paragraph of 甲 alone."""
    pdf = built(tmp_path, REAL / "kuki-tomita-2019.yaml")
    rows = [ink(r) for r in page_rows(pdf)]
    for label, address, organisation in (("甲", "埼玉県久喜市下早見８５－３", "甲久喜市"),
                                         ("乙", "埼玉県久喜市久喜北１－１０－１７", "乙株式会社トミタモータース")):
        above, line = row_of(rows, address), row_of(rows, organisation)
        assert rows.index(above) + 1 == rows.index(line)                     # the address just above
        assert line[0]["text"] == label and no_space("".join(c["text"] for c in line)) == organisation
        assert abs(above[0]["x0"] - line[1]["x0"]) < 0.5, (above[0], line[1])  # the organisation's margin
        assert line[0]["x1"] < line[1]["x0"] - 5                               # a space after the label
    cells = [[no_space(p) for p in c] for c in docx_cells(pdf)]
    block = next(c for c in cells if "埼玉県久喜市下早見８５－３" in c)
    assert block[block.index("埼玉県久喜市下早見８５－３") + 1] == "甲久喜市", block
    assert not any(c == ["甲"] for c in cells)


@needs_poppler
def test_a_block_without_an_organisation_line_has_its_label_on_its_titles_line(tmp_path):
    """The seed: 北海道オホーツク総合振興局長 begins with its organisation, so the
    block has no organisation line and 甲 stands on the title's; 乙 on 国立大学法人北海道
    国立大学機構 (北見工業大学 is named by 北見工業大学学長). Each address above its
    label's line at the margin of the text after the label. The build names the block
    whose label went to its title's line, at its party's line, and no other."""
    house = tmp_path / "house.yaml"
    house.write_text("agreement:\n  block_label_line: organisation\n", encoding="utf-8")
    said: list = []
    pdf = built(tmp_path, SEED_SPEC, "--style", house, said=said)
    notes = [line for line in said if "stands on the title's line" in line]
    assert len(notes) == 1 and ":6: parties.bureau: " in notes[0] and "its label 甲 stands" in notes[0], said
    rows = [ink(r) for r in page_rows(pdf)]
    for address, line in (("北海道網走市北７条西３丁目", "甲北海道オホーツク総合振興局長"),
                          ("北海道北見市公園町165番地", "乙国立大学法人北海道国立大学機構")):
        above, labelled = row_of(rows, address), row_of(rows, line)
        assert rows.index(above) + 1 == rows.index(labelled)
        assert abs(above[0]["x0"] - labelled[1]["x0"]) < 0.5
    assert not [r for r in rows if no_space("".join(c["text"] for c in r)) in ("甲", "乙")]


@needs_poppler
def test_labels_of_different_widths_keep_one_margin(tmp_path):
    """A witness's 立会人 beside 甲 and 乙: every block's text after the labels starts
    at one margin, the widest label's and one em (甲 padded), the witness's organisation
    on its label's line."""
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["agreement"]["document"]["witnesses"] = [
        {"name": "みなみ県", "address": "みなみ県南町一丁目１番地",
         "representative": {"title": "知事", "name": "南野　五郎"}}]
    data["agreement"]["document"]["closing"] = ("本協定の締結を証するため、本書３通を作成し、甲、乙及び立会人記名押印の上、"
                                                "各自その１通を保有する。")
    spec = tmp_path / "witness.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    house = tmp_path / "house.yaml"
    house.write_text("agreement:\n  block_label_line: organisation\n", encoding="utf-8")
    rows = [ink(r) for r in page_rows(built(tmp_path, spec, "--style", house))]
    witness = row_of(rows, "立会人みなみ県")
    first = row_of(rows, "甲北海道オホーツク総合振興局長")
    assert abs(witness[3]["x0"] - first[1]["x0"]) < 0.5, (witness[3], first[1])
    assert abs(row_of(rows, "みなみ県南町一丁目１番地")[0]["x0"] - witness[3]["x0"]) < 0.5


@needs_poppler
def test_the_seal_place_under_the_block_gives_the_lines_its_column(tmp_path):
    """三鷹市's side-by-side blocks (styles/cmj-mitaka.yaml, seal_place: under): each
    address and the NPO's name on one line beside the other block's; each seal circle
    below its block's last line, at the right of its column, and each signature field
    over its circle; in the DOCX the address a paragraph unbroken and the 印 in a row of
    its own."""
    pdf = built(tmp_path, REAL / "mitaka-cmj-2018.yaml")
    rows = page_rows(pdf)
    texts = [no_space("".join(c["text"] for c in r)) for r in rows]
    assert "甲東京都三鷹市野崎一丁目１番１号乙東京都調布市国領町三丁目４番４１号" in texts, texts
    assert "三鷹市NPO法人クライシスマッパーズ・ジャパン" in texts
    last = rows[texts.index(next(t for t in texts if t.startswith("三鷹市長")))]
    fields = signature_fields(pdf.read_bytes())
    (page, circles), = seal_circles(pdf).items()
    assert [f.name for f in fields] == ["甲", "乙"] and len(circles) == 2
    height = 841.89
    for field in fields:
        fx0, fy0, fx1, fy1 = field.box
        circle = next(c for c in circles if fx0 < c[0] and c[2] < fx1 and fy0 < c[1] and c[3] < fy1)
        assert height - circle[3] > max(c["bottom"] for c in last)           # under the name's line
    left, right = sorted(circles)
    assert left[2] < 595.28 / 2 < right[0]                                    # one under each block
    cells = [[no_space(p) for p in c] for c in docx_cells(pdf)]
    assert any("東京都三鷹市野崎一丁目１番１号" in c for c in cells)
    body = etree.fromstring(zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml"))
    rows = [["".join(t.text or "" for t in tc.iter("{*}t")) for tc in tr.iter("{*}tc")]
            for tr in body.iter("{*}tr") if next(tr.iter("{*}tbl"), None) is None]     # the innermost rows
    seals = [r for r in rows if "㊞" in "".join(r)]
    assert len(seals) == 1 and [c for c in seals[0] if c] == ["㊞", "㊞"], seals   # a row of their own


@needs_poppler
def test_the_seal_place_under_a_block_of_one_column(tmp_path):
    """seal_place: under with the blocks one under another: the field over each circle,
    the circle under its block's name, each block's lines as wide as the two columns."""
    house = tmp_path / "house.yaml"
    house.write_text("agreement:\n  seal_place: under\n", encoding="utf-8")
    pdf = built(tmp_path, SEED_SPEC, "--style", house)
    fields = signature_fields(pdf.read_bytes())
    circles = [c for cs in seal_circles(pdf).values() for c in cs]
    rows = page_rows(pdf)
    texts = [no_space("".join(c["text"] for c in r)) for r in rows]
    names = [rows[texts.index(t)] for t in texts if t in ("中島和彦", "鈴木聡一郎")]
    assert len(fields) == len(circles) == len(names) == 2
    for field, name in zip(fields, names):
        fx0, fy0, fx1, fy1 = field.box
        circle = next(c for c in circles if fx0 < c[0] and c[2] < fx1 and fy0 < c[1] and c[3] < fy1)
        assert 841.89 - circle[3] > max(c["bottom"] for c in name)
