"""Signature blocks as the signed copies set them, read back from the real cases' PDFs
and DOCX and measured against the scans (tests/data/real/*.facts.yaml: `# fixed`):
the label in the block's first line with the other lines at its text or under the label
(agreement.block_label_line: first_line, label_margin: under) and unlabelled lines where
a label starts (unlabelled_lines: at_margin), 立川市 and 国立市; titles and names typed
with the copy's gaps (清瀬市, 東大和市); the NPO's name typed in half-width kana in the
block (a party's typed_name, 日野市 and 多摩市), the preamble keeping it full-width. And
every way the new keys could print another fact or nothing, refused at their lines."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import needs_poppler, no_space, run_generate
from glyphs import page_rows
from test_typed_signatures import REAL, _copy, docx_runs, docx_x, placed, refused

KANA = "特定非営利活動法人ｸﾗｲｼｽﾏｯﾊﾟｰｽﾞ･ｼﾞｬﾊﾟﾝ"
FULL = "特定非営利活動法人クライシスマッパーズ・ジャパン"


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("as_set")
    specs = [REAL / f"{c}.yaml" for c in ("tachikawa-cmj-2018", "kunitachi-cmj-2018", "kiyose-cmj-2018",
                                          "higashiyamato-cmj-2018", "hino-cmj-2017", "tama-cmj-2017")]
    result = run_generate(*specs, "-o", out, "--kinds", "agreement", "--force", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    return out


def starts(cases: Path, case: str, *texts: str, right_of: float = 0) -> list[float]:
    """The x (em of the line's type, from the page's left edge) where the line holding
    each text begins (its first glyph, spaces left out): a line that is that text, else
    one that begins with it; `right_of`: only glyphs right of that x (pt), the right page
    of a sheet of two."""
    rows = [[c for c in row if c["text"] not in " \u3000" and c["x0"] >= right_of]
            for row in page_rows(cases / case / "agreement.pdf")]
    rows = [r for r in rows if r]
    out = []
    for text in texts:
        found = [r for r in rows if no_space("".join(c["text"] for c in r)) == text]
        row = (found or [r for r in rows if no_space("".join(c["text"] for c in r)).startswith(text)])[0]
        out.append(round(row[0]["x0"] / row[0]["size"], 2))
    return out


# ---------------------------------------------------------------- the label in the first line
@needs_poppler
def test_tachikawa_sets_the_label_before_the_address_and_the_lines_under_its_text(cases):
    """甲　東京都立川市泉町… / 立川市 / 代表者　立 川 市 長　清水　庄平: the organisation and
    代表者 where the address starts (one em and one em's space after 甲), as on the scan."""
    label, org, title = starts(cases, "tachikawa-cmj-2018", "甲東京都立川市", "立川市", "代表者立川市長")
    assert org == title == label + 2
    # the NPO's name over two lines, both at the address's text, as the scan breaks it (there after
    # パー, a need: the product breaks between words), and each address on one line
    first, second, rep = starts(cases, "tachikawa-cmj-2018", "特定非営利活動法人クライシスマッパー", "ジャパン",
                                "代表者理事長")
    assert first == second == rep == label + 2
    rows = [no_space("".join(c["text"] for c in r)) for r in page_rows(cases / "tachikawa-cmj-2018" / "agreement.pdf")]
    at = next(i for i, r in enumerate(rows) if r.startswith("特定非営利活動法人"))
    second = next(r for r in rows[at + 1:] if r != "印")          # the seal place's row between
    assert rows[at] != FULL and rows[at] + second == FULL
    xml = zipfile.ZipFile(cases / "tachikawa-cmj-2018" / "agreement.docx").read("word/document.xml").decode()
    assert f"{rows[at]}</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>{second}</w:t>" in xml     # the DOCX breaks it there (LibreOffice sets the two lines so: looked at)
    assert "乙東京都調布市国領町三丁目４番４１号" in rows and "甲東京都立川市泉町１１５６番地の９" in rows
    # 立 川 市 長 across five em (measured: 1.34 em a character), the name 1.5 em after
    assert placed(cases, "tachikawa-cmj-2018", "立川市長")[:5] == [
        ("立", 0), ("川", 1.33), ("市", 2.67), ("長", 4), ("清", 6.5)]
    runs = docx_runs(cases, "tachikawa-cmj-2018", "代表者立川市長")
    assert "".join(t for t, _ in runs).startswith("代表者\u3000立川市長")


@needs_poppler
def test_kunitachi_sets_the_organisation_and_the_title_line_under_the_label(cases):
    """甲　東京都国立市… / 国立市 / 代表者…: the lines after the first at the label's own x."""
    label, org, title = starts(cases, "kunitachi-cmj-2018", "甲東京都国立市", "国立市", "代表者国立市長",
                               right_of=595)
    assert org == title == label
    address = [c for c in next(r for r in page_rows(cases / "kunitachi-cmj-2018" / "agreement.pdf")
                               if no_space("".join(c["text"] for c in r)).startswith("甲東京都国立市"))
               if c["text"] not in " \u3000"]
    assert round((address[1]["x0"] - address[0]["x0"]) / address[0]["size"], 2) == 2     # 甲　東


@needs_poppler
def test_hino_and_tama_set_the_unlabelled_lines_where_the_title_label_starts(cases):
    """日野市: the address / 甲　日野市 / 　代表者…; 多摩市: 甲　東京都多摩市関戸… / 東京都多摩市 /
    　代表者…: the unlabelled lines at the label's text, not four em further past 代表者's
    column, and 代表者 one em further in than they, as both scans set it (labelled_indent: 1;
    measured there 0.9 to 1.2 em, the glyphs' edges differing)."""
    address, label, title = starts(cases, "hino-cmj-2017", "東京都日野市神明", "甲日野市", "代表者日野市長",
                                   right_of=595)
    assert address == label + 2 and title == label + 3          # 代表者 one em further in (labelled_indent)
    label, org, title = starts(cases, "tama-cmj-2017", "甲東京都多摩市関戸", "東京都多摩市", "代表者多摩市長",
                               right_of=595)
    assert org == label + 2 and title == label + 3
    npo, rep = starts(cases, "tama-cmj-2017", KANA, "代表者理事長", right_of=595)
    assert npo == label + 2 and rep == label + 3
    for case, start in (("hino-cmj-2017", "代表者日野市長"), ("tama-cmj-2017", "代表者多摩市長")):
        runs = docx_runs(cases, case, start)     # the DOCX's line begins with the em the PDF's does
        assert "".join(t for t, _ in runs).lstrip("甲乙").startswith("\u3000代表者\u3000"), runs


# ---------------------------------------------------------------- titles and names as typed
@needs_poppler
def test_kiyose_types_both_titles_with_full_width_gaps_and_the_names_two_em_after(cases):
    """清　瀬　市　長　　渋谷　金太郎 / 理　事　長　　古橋　大地 (measured: 1.9 em a character)."""
    assert placed(cases, "kiyose-cmj-2018", "清瀬市長") == [
        ("清", 0), ("瀬", 2), ("市", 4), ("長", 6), ("渋", 9), ("谷", 10), ("金", 12), ("太", 13), ("郎", 14)]
    assert placed(cases, "kiyose-cmj-2018", "理事長古")[:4] == [("理", 0), ("事", 2), ("長", 4), ("古", 7)]
    runs = docx_runs(cases, "kiyose-cmj-2018", "清瀬市長")
    assert "".join(t for t, _ in runs) == "清瀬市長\u3000\u3000渋谷\u3000金太郎"
    assert docx_x(runs) == placed(cases, "kiyose-cmj-2018", "清瀬市長")


@needs_poppler
def test_higashiyamato_types_titles_and_names_the_names_in_one_column(cases):
    """東 大 和 市 長　尾 崎　保 夫 / 理　事　長　　　古 橋　大 地: the names at eight em,
    one after the wider title (measured: 8.4 and 7.9)."""
    assert placed(cases, "higashiyamato-cmj-2018", "東大和市長") == [
        ("東", 0), ("大", 1.5), ("和", 3), ("市", 4.5), ("長", 6), ("尾", 8), ("崎", 9.5), ("保", 11.5), ("夫", 13)]
    assert placed(cases, "higashiyamato-cmj-2018", "理事長古") == [
        ("理", 0), ("事", 2), ("長", 4), ("古", 8), ("橋", 9.5), ("大", 11.5), ("地", 13)]


# ---------------------------------------------------------------- the name in half-width kana
@needs_poppler
@pytest.mark.parametrize("case", ["hino-cmj-2017", "tama-cmj-2017"])
def test_the_npo_name_is_typed_in_half_width_kana_in_the_block_only(cases, case):
    """The block's line as the copy types it, on one line; the preamble as written."""
    rows = ["".join(c["text"] for c in row) for row in page_rows(cases / case / "agreement.pdf")]
    block = [r for r in rows if KANA in no_space(r)]
    assert len(block) == 1 and no_space(block[0]).endswith(KANA)
    assert not any("ｸﾗｲｼｽ" in no_space(r) and KANA not in no_space(r) for r in rows)    # one line
    body = zipfile.ZipFile(cases / case / "agreement.docx").read("word/document.xml").decode("utf-8")
    assert body.count("ｸﾗｲｼｽﾏｯﾊﾟｰｽﾞ･ｼﾞｬﾊﾟﾝ") == 1
    assert f"{FULL}（以下「乙」という。）" in body          # the preamble as the spec writes it


# ---------------------------------------------------------------- refused
HINO_NAME = f"    typed_name: {KANA}"


@pytest.mark.parametrize("typed, message", [
    ("特定非営利活動法人ｸﾗｲｼｽﾏｯﾊﾟｰｽﾞｼﾞｬﾊﾟﾝ", "is not the name written 「特定非営利活動法人クライシスマッパーズ・ジャパン」"
                                         " in another form (the same under NFKC, line for line)"),
    ("特定非営利活動法人　ｸﾗｲｼｽﾏｯﾊﾟｰｽﾞ･ｼﾞｬﾊﾟﾝ", "in another form (the same under NFKC, line for line)"),
    (FULL, "is typed as the name is written: it would have no effect; remove typed_name"),
])
def test_a_typed_name_that_is_not_the_written_name_is_refused_at_its_line(typed, message, tmp_path):
    path = _copy(tmp_path, "hino-cmj-2017", HINO_NAME, f"    typed_name: {typed}")
    err = refused(path, tmp_path)
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "typed_name:" in text)
    assert f"{path}:{line}: parties.cmj.typed_name:" in err and message in err, err


def test_a_typed_name_where_the_block_prints_no_organisation_line_is_refused(tmp_path):
    """清瀬市長's block has no 清瀬市 line (organisation_line: unless_in_title)."""
    path = _copy(tmp_path, "kiyose-cmj-2018", "    name: 清瀬市\n", "    name: 清瀬市\n    typed_name: 清瀬市\u3000\n")
    path.write_text(path.read_text(encoding="utf-8").replace("typed_name: 清瀬市\u3000", "typed_name: ｷﾖｾ市"),
                    encoding="utf-8")
    err = refused(path, tmp_path)
    assert "parties.kiyose.typed_name:" in err and "is not the name written" in err, err
    path = _copy(tmp_path, "kiyose-cmj-2018", "    name: 清瀬市\n", "    name: 清瀬市\n    typed_name: 清瀬市\n")
    assert "is typed as the name is written" in refused(path, tmp_path)


def test_a_typed_name_over_a_title_naming_the_party_prints_nothing_and_is_refused(tmp_path):
    path = _copy(tmp_path, "kiyose-cmj-2018", "    name: 清瀬市\n", "    name: ＫＩＹＯＳＥ\n    typed_name: KIYOSE\n")
    text = path.read_text(encoding="utf-8").replace("title: 清瀬市長", "title: ＫＩＹＯＳＥ市長")
    text = text.replace("typed: {title: 清　瀬　市　長}", "typed: {title: ＫＩＹＯＳＥ　市長}")
    path.write_text(text, encoding="utf-8")
    err = refused(path, tmp_path)
    assert "parties.kiyose.typed_name: the signature block prints no organisation line" in err, err


@pytest.mark.parametrize("style, message", [
    ("agreement:\n  unlabelled_lines: at_margin\n", "unlabelled_lines: at_margin sets the unlabelled lines beside"
                                                    " labelled ones, and signature_labels labels no line"),
    ("agreement:\n  signature_labels: {title: 代表者}\n  labelled_indent: 1\n",
     "labelled_indent sets the labelled lines further in than the unlabelled ones at their margin, and"
     " unlabelled_lines is after_labels"),
    ("agreement:\n  label_margin: under\n", "label_margin: under sets the block's lines under a label printed in"
                                            " a line, and block_label_line is first"),
])
def test_a_label_key_without_effect_is_refused(style, message, tmp_path):
    path = _copy(tmp_path, "kiyose-cmj-2018", "    name: 清瀬市\n", "    name: 清瀬市\n", style=style)
    assert message in refused(path, tmp_path)
