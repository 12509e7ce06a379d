"""No date line where the closing states the date and the place of signing itself
(document.date_line: in_closing, 鳥取県's 覚書 of 2004 and 1997), and a signer with no
title (title: false: モンゴル国中央県 / チェベクミディン　バトボルド). Built by the real
command line, the PDF read back and the DOCX reopened; a closing that names another day
than agreement.signing_date, or none, and the key where it cannot hold, are refused at
their line, nothing written."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEED_SPEC, no_space, pdf_text, run_generate
from glyphs import page_rows
from test_agreement import docx_texts
from test_published_copies import build, line_of, refused, seed

REAL = ROOT / "tests" / "data" / "real"
JILIN_CLOSING = "この覚書は、日本語と中国語で各2部ずつ作成し、2004年4月3日、鳥取県鳥取市において署名後、両地域で各1部ずつ保管する。"
SEED_CLOSING = "本協定の締結を証するため、{}、本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。"


def rows_of(pdf: Path) -> list[str]:
    return ["".join(c["text"] for c in row) for row in page_rows(pdf, 0)]


def without_date_line(tmp_path: Path, case: str) -> Path:
    """The real case's spec without date_line, its house style named where it is."""
    text = (REAL / f"{case}.yaml").read_text(encoding="utf-8")
    kept = "\n".join(line for line in text.splitlines() if "date_line:" not in line)
    kept = kept.replace("style: styles/", f"style: {REAL / 'styles'}/")
    path = tmp_path / f"{case}.yaml"
    path.write_text(kept + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------ the real 覚書
def test_the_closing_holds_the_date_and_no_line_follows_it(tmp_path):
    folder, out = build(REAL / "tottori-jilin-2004.yaml", tmp_path)
    rows = [no_space(r) for r in rows_of(folder / "agreement.pdf")]
    closing_end = next(i for i, r in enumerate(rows) if r.endswith("両地域で各1部ずつ保管する。"))
    # the blocks straight under the closing: no date line between them, nothing after them
    assert rows[closing_end + 1:] == ["日本国鳥取県中華人民共和国吉林省", "知事片山善博省長洪虎"], rows
    printed = no_space(pdf_text(folder / "agreement.pdf"))
    assert printed.count("2004年4月3日") == 1 and no_space(JILIN_CLOSING) in printed
    texts = [t for t in docx_texts(folder / "agreement.docx") if t.strip()]
    at = texts.index(JILIN_CLOSING)
    assert [no_space(t) for t in texts[at + 1:]] == ["日本国鳥取県", "知事片山善博", "中華人民共和国吉林省", "省長洪虎"], texts
    assert sum("2004年4月3日" in t for t in texts) == 1
    assert (f"{REAL / 'tottori-jilin-2004.yaml'}:{line_of(REAL / 'tottori-jilin-2004.yaml', '    date_line:')}:"
            " agreement.document.date_line: in_closing: no date line is printed under the closing, which states"
            " the date of signing (2004-04-03)") in out


def test_without_the_key_the_date_line_prints(tmp_path):
    """The same text without date_line: the house's date line under the closing, so the
    date twice (what the key is there to avoid)."""
    spec = without_date_line(tmp_path, "tottori-jilin-2004")
    folder, _ = build(spec, tmp_path / "out")
    rows = [no_space(r) for r in rows_of(folder / "agreement.pdf")]
    closing_end = next(i for i, r in enumerate(rows) if r.endswith("両地域で各1部ずつ保管する。"))
    assert rows[closing_end + 1] == "2004年4月3日", rows
    assert "2004年4月3日" in [no_space(t) for t in docx_texts(folder / "agreement.docx")]


def test_a_signer_with_no_title_prints_the_body_and_the_name(tmp_path):
    folder, _ = build(REAL / "tottori-tov-1997.yaml", tmp_path)
    rows = rows_of(folder / "agreement.pdf")
    assert rows[-2:] == ["日本国鳥取県モンゴル国中央県", "知事　西尾邑次チェベクミディン　バトボルド"], rows
    texts = [t for t in docx_texts(folder / "agreement.docx") if t.strip()]
    assert texts[-4:] == ["日本国鳥取県", "知事　西尾邑次", "モンゴル国中央県", "チェベクミディン　バトボルド"], texts
    assert "False" not in pdf_text(folder / "agreement.pdf") + "".join(texts)


# ------------------------------------------------------------ the seed, in each form of the date
@pytest.mark.parametrize("date", ["令和６年２月27日", "2024年2月27日", "令和六年二月二十七日", "２０２４年２月２７日"])
def test_the_signing_date_in_any_form_is_accepted(tmp_path, date):
    spec = seed(tmp_path, lambda doc, parties: doc.update(closing=SEED_CLOSING.format(date), date_line="in_closing"))
    folder, _ = build(spec, tmp_path / "out")
    printed = no_space(pdf_text(folder / "agreement.pdf"))
    assert no_space(SEED_CLOSING.format(date)) in printed
    assert "令和６年２月27日" not in printed.replace(no_space(SEED_CLOSING.format(date)), "")   # no date line


def test_the_overview_sheet_is_the_same_without_the_date_line(tmp_path):
    """The overview sheet prints no date line: date_line changes the agreement alone."""
    built = {}
    for key in ("in_closing", None):
        def change(doc, parties, key=key):
            doc.update(closing=SEED_CLOSING.format("令和６年２月27日"))
            if key:
                doc.update(date_line=key)
        (tmp_path / str(key)).mkdir()
        spec = seed(tmp_path / str(key), change)
        result = run_generate(spec, "-o", tmp_path / str(key) / "out", "--kinds", "agreement,overview")
        assert result.returncode == 0, result.stderr
        built[key] = tmp_path / str(key) / "out" / spec.stem
    assert (built["in_closing"] / "overview.pdf").read_bytes() == (built[None] / "overview.pdf").read_bytes()
    assert (built["in_closing"] / "agreement.pdf").read_bytes() != (built[None] / "agreement.pdf").read_bytes()


def test_the_notice_names_a_signer_with_no_title_by_body_and_name(tmp_path):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["parties"]["kitami_it"]["representative"]["title"] = False
    spec = tmp_path / "seed.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "press-notice,agreement")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / spec.stem
    notice = pdf_text(folder / "press-notice.pdf")
    # 締結者: the organisation, then the name and its honorific; no title, no gap left for one
    assert "国立大学法人北海道国立大学機構北見工業大学鈴木聡一郎様" in no_space(notice) \
        or "北見工業大学鈴木聡一郎様" in no_space(notice), notice
    assert "北見工業大学学長" not in no_space(notice) and "False" not in notice
    assert "　　鈴木" not in notice
    agreement = [t for t in docx_texts(folder / "agreement.docx") if t.strip()]
    at = agreement.index("北見工業大学")
    assert agreement[at + 1] == "鈴木　聡一郎", agreement      # the name under the organisation, no title line


# ------------------------------------------------------------ refused, at their line
@pytest.mark.parametrize("change, key, message", [
    (lambda doc, parties: doc.update(date_line="in_closing"), "date_line:",
     "agreement.document.date_line: date_line: in_closing says the closing states the date of signing, and the"
     " generated closing"),
    (lambda doc, parties: doc.update(date_line="in_closing", closing=SEED_CLOSING.format("令和６年２月28日")),
     "closing:", "agreement.document.closing: the closing names 令和６年２月28日, and the agreement is signed on"
     " 2024-02-27"),
    (lambda doc, parties: doc.update(date_line="in_closing", closing=SEED_CLOSING.format("2024年3月27日")),
     "closing:", "agreement.document.closing: the closing names 2024年3月27日"),
    (lambda doc, parties: doc.update(date_line="in_closing", closing=SEED_CLOSING.format("二〇二五年二月二十七日")),
     "closing:", "agreement.document.closing: the closing names 二〇二五年二月二十七日"),
    (lambda doc, parties: doc.update(date_line="in_closing", closing=SEED_CLOSING.format("平成３６年２月２７日")),
     "closing:", "agreement.document.closing: the closing names 平成３６年２月２７日"),
    (lambda doc, parties: doc.update(date_line="in_closing",
                                     closing=SEED_CLOSING.format("令和６年２月27日") + "３月１日から効力を有する。"),
     "closing:", "agreement.document.closing: the closing names ３月１日"),
    (lambda doc, parties: doc.update(date_line="in_closing", closing=SEED_CLOSING.format("鳥取市において")),
     "closing:", "agreement.document.closing: date_line: in_closing prints no date line, and the closing does not"
     " state the date of signing (2024-02-27: 2024年2月27日 or 令和6年2月27日)"),
    (lambda doc, parties: parties["kitami_it"]["representative"].update(title=False) or
     parties["kitami_it"]["representative"].pop("name"), "title: false",
     "parties.kitami_it.representative.title: title: false names the person by the name alone, and no name: is"
     " given"),
    (lambda doc, parties: parties["kitami_it"]["representative"].update(title=False, typed={"title": "北見"}),
     "title: 北見", "parties.kitami_it.representative.typed.title: title: false: the signer has no title"),
])
def test_what_would_print_a_wrong_date_or_none_is_refused(tmp_path, change, key, message):
    spec = seed(tmp_path, change)
    err = refused(tmp_path, spec)
    assert f"{spec}:{line_of(spec, key)}: {message}" in err, err
    assert "Traceback" not in err


# ------------------------------------------------------------ the date line prints: a day given in the text
# Without date_line the date line under the closing prints agreement.signing_date; a
# closing or preamble of the spec's own that gives another day as the day of signing
# prints two dates for one signing, refused at its line. What is read as the signing's:
# the first verb of signing or of making the copies after the date says what this text
# does (or nothing follows the date); a term's start, an earlier agreement's day or a
# remark in brackets is not (content/agreement/date_line.py).
PREAMBLE = "北海道オホーツク総合振興局（以下「甲」という。）と北見工業大学（以下「乙」という。）は、{}次のとおり協定を締結する。"


@pytest.mark.parametrize("part, text, written", [
    ("closing", SEED_CLOSING.format("令和６年２月28日"), "令和６年２月28日"),
    ("closing", SEED_CLOSING.format("2024年3月27日"), "2024年3月27日"),
    ("closing", SEED_CLOSING.format("二〇二五年二月二十七日"), "二〇二五年二月二十七日"),
    ("closing", SEED_CLOSING.format("平成３６年２月２７日"), "平成３６年２月２７日"),      # 1988 + 36, no day of 平成
    ("closing", SEED_CLOSING.format("２月28日"), "２月28日"),                          # the month and the day alone
    ("closing", "本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。令和６年２月28日", "令和６年２月28日"),
    ("closing", "千九百九十三年二月十七日に北京で、本書二通を作成した。", "千九百九十三年二月十七日"),  # a treaty's past
    ("preamble", PREAMBLE.format("令和６年３月１日、"), "令和６年３月１日"),
])
def test_a_day_given_as_the_signings_beside_the_date_line_is_refused(tmp_path, part, text, written):
    spec = seed(tmp_path, lambda doc, parties: doc.update({part: text}))
    err = refused(tmp_path, spec)
    assert (f"{spec}:{line_of(spec, f'{part}:')}: agreement.document.{part}: {written} is given here as the day"
            " of signing, and the date line under the closing prints the signing date 2024-02-27") in err, err
    assert "Traceback" not in err
    ja = run_generate(spec, "-o", tmp_path / "ja", env={**os.environ, "LANG": "ja_JP.UTF-8", "LANGUAGE": "ja"})
    assert ja.returncode == 1 and f"ここでは「{written}」を署名の日としていますが" in ja.stderr, ja.stderr
    assert not (tmp_path / "ja").exists() or not any((tmp_path / "ja").iterdir())


@pytest.mark.parametrize("part, text", [
    ("closing", SEED_CLOSING.format("令和６年２月27日")),                 # the same day, in any form
    ("closing", SEED_CLOSING.format("令和六年二月二十七日")),
    ("closing", SEED_CLOSING.format("２０２４年２月２７日")),
    ("closing", "本協定は、令和６年４月１日から効力を有するものとし、本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。"),
    ("closing", "本協定は、令和６年４月１日をもって効力を生ずるものとし、その証として本書２通を作成し、甲乙記名押印の上、"
                "各自その１通を保有する。"),
    ("preamble", PREAMBLE.format("令和５年４月１日に締結した防災協定に基づき、")),     # an earlier agreement's day
    ("preamble", PREAMBLE.format("防災協定書(平成13年3月19日締結)第8条に基づき、")),  # 利根沼田's 覚書: a remark
])
def test_the_same_day_or_a_day_of_something_else_prints_with_the_date_line(tmp_path, part, text):
    spec = seed(tmp_path, lambda doc, parties: doc.update({part: text}))
    folder, _ = build(spec, tmp_path / "out")
    printed = no_space(pdf_text(folder / "agreement.pdf"))
    assert no_space(text) in printed and "令和６年２月27日" in printed.replace(no_space(text), "")   # the date line
