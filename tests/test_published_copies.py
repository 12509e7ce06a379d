"""What published copies of agreements print their own way, said by the spec or the house
and never guessed: the date line's digits apart from the text's (agreement.date_digits:
half, 日野市, 多摩市 and 三鷹市: 平成29年7月26日 under 第１条 and ３か月), the seal places left
unmarked under a 記名押印 closing (document.seal_places: blank, 久喜市), the pair joined
with と (document.conjunction: と, 甲と乙 as 栃木県's text writes it), prose whose last
paragraph closes the text, or articles whose last one makes the copies (document.closing:
false, 阿蘇・竹田 1998) and a copy that names no signer
(document.signature_blocks: withheld, 新座市 2005). Each is built by the real command
line, the PDF read back (its text and glyphs, its signature fields) and the DOCX reopened;
each key beside what it cannot change is refused at its line, nothing written."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
import yaml

from conftest import ROOT, SEED_SPEC, no_space, pdf_text, run_generate
from glyphs import page_rows
from jpdocs.pdf.signing import signature_fields
from test_agreement import docx_texts

REAL = ROOT / "tests" / "data" / "real"


def build(spec: Path, out: Path, *args) -> tuple[Path, str]:
    result = run_generate(spec, "-o", out, "--kinds", "agreement", "--force", *args)
    assert result.returncode == 0, result.stderr
    return out / spec.stem, result.stdout


def refused(tmp_path: Path, spec: Path, *args) -> str:
    result = run_generate(spec, "-o", tmp_path / "out", *args)
    assert result.returncode == 1, result.stdout
    assert not (tmp_path / "out" / spec.stem).exists()
    return result.stderr


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def seed(tmp_path: Path, change, name: str = "seed") -> Path:
    """The seed spec without its notice, changed."""
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    del data["press_notice"]
    change(data["agreement"]["document"], data["parties"])
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def field_names(pdf: Path) -> list[str]:
    return [f.name for f in signature_fields(pdf.read_bytes())]


# ------------------------------------------------------------ the date line's digits
@pytest.mark.parametrize("case, date, text", [
    ("hino-cmj-2017", "平成29年7月26日", "３か月"),
    ("tama-cmj-2017", "平成29年7月26日", "３か月"),     # the same glyphs on its scan (tama-cmj-2017.facts.yaml)
    ("mitaka-cmj-2018", "平成30年4月25日", "平成31年３月31日"),   # the term's own date as the text's digits
])
def test_the_date_line_in_its_own_digits(tmp_path, case, date, text):
    folder, _ = build(REAL / f"{case}.yaml", tmp_path)
    printed = no_space(pdf_text(folder / "agreement.pdf"))
    assert date in printed and text in printed and "第１条" in printed
    assert date in docx_texts(folder / "agreement.docx")


def test_the_house_digits_date_the_line_without_the_key(tmp_path):
    style = tmp_path / "house.yaml"
    style.write_text("digits: mixed\nagreement: {date_digits: full}\n", encoding="utf-8")
    folder, _ = build(SEED_SPEC, tmp_path / "full", "--style", style)
    assert "令和６年２月２７日" in no_space(pdf_text(folder / "agreement.pdf"))
    folder, _ = build(SEED_SPEC, tmp_path / "default")
    assert "令和６年２月27日" in no_space(pdf_text(folder / "agreement.pdf"))


# ------------------------------------------------------------ seal places left unmarked
def test_the_seal_places_unmarked_under_a_closing_that_asks_a_seal(tmp_path):
    folder, out = build(REAL / "kuki-tomita-2019.yaml", tmp_path)
    pdf = folder / "agreement.pdf"
    text = no_space(pdf_text(pdf))
    assert "甲乙両者記名押印の上、各１通を保有する。" in text           # the closing as written
    assert "印" not in text[text.index("平成３１年１月２４日", text.index("保有する。")):]
    assert "㊞" not in "".join(docx_texts(folder / "agreement.docx"))
    assert field_names(pdf) == ["甲", "乙"]                          # the fields stay over the places
    assert ("agreement.document.seal_places: blank: no 印 by the signature blocks, as the copy the agreement is"
            " built from leaves the seal places unmarked; the closing is printed unchanged") in out


def test_seal_places_blank_under_a_closing_without_a_seal_is_refused(tmp_path):
    spec = seed(tmp_path, lambda doc, parties: doc.update(closing="本協定の締結を証するため、本書２通を作成し、甲乙署名の上、"
                                                                   "各自その１通を保有する。", seal_places="blank"))
    err = refused(tmp_path, spec)
    assert (f"{spec}:{line_of(spec, 'seal_places:')}: agreement.document.seal_places: the closing does not have the"
            " signers press their seals") in err, err


# ------------------------------------------------------------ 甲と乙
def test_the_pair_joined_with_to_in_what_the_product_composes(tmp_path):
    folder, _ = build(seed(tmp_path, lambda doc, parties: doc.update(conjunction="と")), tmp_path / "to")
    text = no_space(pdf_text(folder / "agreement.pdf"))
    assert "甲と乙は、" in text and "その他甲と乙が必要と認める事項" in text and "甲及び乙" not in text
    assert "甲乙協議の上" in text and "甲又は乙" in text            # nothing else joined
    assert any("甲と乙は、" in t for t in docx_texts(folder / "agreement.docx"))


def test_labels_per_party_joined_with_to_in_the_generated_closing(tmp_path):
    spec = seed(tmp_path, lambda doc, parties: doc.update(labels={"bureau": "振興局", "kitami_it": "大学"},
                                                          conjunction="と"))
    folder, _ = build(spec, tmp_path / "out")
    assert "振興局と大学が記名押印の上" in no_space(pdf_text(folder / "agreement.pdf"))


def test_a_conjunction_nothing_composed_joins_is_refused(tmp_path):
    spec = seed(tmp_path, lambda doc, parties: doc.update(labels="両者", conjunction="と"))
    err = refused(tmp_path, spec)
    assert (f"{spec}:{line_of(spec, 'conjunction:')}: agreement.document.conjunction: conjunction joins the labels"
            " in what the product composes") in err, err


# ------------------------------------------------------------ prose, no closing, no signer
def test_prose_closed_by_its_last_paragraph_and_no_signer(tmp_path):
    folder, out = build(REAL / "niiza-nasushiobara-2005.yaml", tmp_path)
    pdf = folder / "agreement.pdf"
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == 1
        lines = [no_space(line) for line in doc.pages[0].extract_text().splitlines()]
    last = "信頼を深め、恒久的な友好親善関係を将来にわたって進展させるよう努力する。"   # not 信 / 頼 (_keep_word)
    assert lines[-2:] == [last, "平成17年11月１日"], lines        # the date under the last paragraph, then nothing
    assert field_names(pdf) == []
    texts = [t for t in docx_texts(folder / "agreement.docx") if t]
    assert texts[-1] == "平成17年11月１日" and texts[-2].endswith("進展させるよう努力する。")
    assert ("agreement.document.signature_blocks: withheld: no signature block is printed, as the published copy"
            " gives the text and its date and names no signer") in out


def test_the_last_paragraph_is_not_set_apart(tmp_path):
    """Without a closing the last paragraph is one of the text's: its first line a line's
    pitch under the one before (a closing stands 12 points further down), and the date
    line follows it as it follows a closing."""
    folder, _ = build(REAL / "niiza-nasushiobara-2005.yaml", tmp_path)
    rows = [("".join(c["text"] for c in r), r[0]["top"]) for r in page_rows(folder / "agreement.pdf", 0)]
    tops = [top for text, top in rows]
    at = next(i for i, (text, _) in enumerate(rows) if text.startswith("新座市と那須塩原市は"))
    pitch = tops[at - 1] - tops[at - 2]                 # within the paragraph before
    assert tops[at] - tops[at - 1] == pytest.approx(pitch, abs=0.2), rows
    # the date line its own 12 points under the last line, nothing standing between
    assert rows[-1][0].startswith("平成17年") and rows[-2][0].endswith("努力する。"), rows
    assert tops[-1] - tops[-2] == pytest.approx(pitch + 12, abs=0.2), rows


# ------------------------------------------------------------ the last article as the closing
_COPIES = "この協定の成立を証するため、甲及び乙は協定書２通を作成し、記名押印のうえ各１通を保管するものとする。"


def test_the_last_article_closes_the_text(tmp_path):
    """阿蘇・竹田 (1998): 第5条 makes the copies; no closing after it, the 附則 and the
    date under it, nothing invented for the signers the 例規集 does not name."""
    folder, _ = build(REAL / "aso-taketa-fire-1998.yaml", tmp_path)
    pdf = folder / "agreement.pdf"
    with pdfplumber.open(pdf) as doc:
        lines = [no_space(line) for page in doc.pages for line in page.extract_text().splitlines()]
    assert lines[-3:] == ["附則", "この協定は、平成10年4月1日から効力を生じる。", "平成10年2月9日"], lines
    assert lines[-5].startswith("第5条この協定の成立を証するため") and lines[-4].endswith("保管するものとする。"), lines
    assert "保有する" not in "".join(lines) and field_names(pdf) == []
    texts = [t for t in docx_texts(folder / "agreement.docx") if t]
    assert texts[-1] == "平成10年2月9日" and texts[-2] == "この協定は、平成10年4月1日から効力を生じる。", texts
    assert not any("保有する" in t for t in texts), texts


def test_a_closing_article_beside_signature_blocks(tmp_path):
    """The seed with an article of its own last that makes the copies, and closing: false:
    no generated closing, the blocks under the date with 印 as that article asks, and
    the build says why no closing prints."""
    def change(doc, parties):
        doc.update(closing=False, extra_articles=[{"heading": "協定書の保管", "name": "copies", "after": "consultation",
                                                   "text": [_COPIES]}])
    folder, out = build(seed(tmp_path, change), tmp_path / "out")
    pdf = folder / "agreement.pdf"
    text = no_space(pdf_text(pdf))
    assert "(協定書の保管)" in text.replace("（", "(").replace("）", ")") and _COPIES in text
    assert text.index(_COPIES) < text.index("令和６年２月27日")
    assert "本書" not in text and "保有する" not in text             # no generated closing
    assert "印" in text[text.index("令和６年２月27日"):]               # 印 by the blocks, as the article asks
    assert field_names(pdf) == ["甲", "乙"]
    assert ("agreement.document.closing: false: no closing after the articles; the last article makes the copies"
            " and closes the text") in out
    assert not any("保有する" in t for t in docx_texts(folder / "agreement.docx"))


def test_closing_false_after_articles_that_make_no_copies_prints_none(tmp_path):
    """A text published with no closing at all (国税庁・JIIMA's 協定書（追加締結分）, 2021:
    第３条, then the date and the blocks): closing: false after articles whose last one
    makes no copies prints no closing — nothing generated stands between the last article
    and the date — no 印 by the blocks (nothing asks a seal), and the build says so. Before,
    it was refused, and the text could not be stated without a closing it does not have."""
    last = "本協定に定めのない事項は、原協定の定めによる。"

    def change(doc, parties):
        doc.update(closing=False, extra_articles=[{"heading": "現協定の適用", "name": "original",
                                                   "after": "consultation", "text": [last]}])
    spec = seed(tmp_path, change)
    folder, out = build(spec, tmp_path / "out")
    pdf = folder / "agreement.pdf"
    with pdfplumber.open(pdf) as doc:
        lines = [no_space(line) for page in doc.pages for line in page.extract_text().splitlines()]
    at = next(i for i, line in enumerate(lines) if line.startswith("令和６年２月27日"))
    assert lines[at - 1].endswith(last), lines                    # the date straight after the last article
    text = "".join(lines)
    assert "本書" not in text and "保有する" not in text and "証するため" not in text
    assert "印" not in "".join(lines[at:])                        # no seal asked: the places left blank
    assert field_names(pdf) == ["甲", "乙"]                        # the fields still over them
    assert (f"{spec}:{line_of(spec, 'closing:')}: agreement.document.closing: false: no closing after the articles,"
            " as the text has none: the date line follows the last article, and no 印 is printed") in out, out
    texts = [t for t in docx_texts(folder / "agreement.docx") if t]
    date = texts.index(next(t for t in texts if t.startswith("令和６年２月27日")))
    assert texts[date - 1] == last and not any("保有する" in t for t in texts), texts


_SEAL_NO_EFFECT = ("agreement.document.seal_places: the closing does not have the signers press their seals"
                   " (記名押印, 押印, 捺印), so the seal places are left blank already: seal_places would have no effect")


def _prose(doc, **keys):
    """The seed's document as prose without articles, with keys."""
    for key in ("standard", "purpose"):
        doc.pop(key, None)
    doc.update(prose=["両者は、相互に連携し、地域の発展に努める。"], **keys)


@pytest.mark.parametrize("change, key, message", [
    # nothing stands where the closing does, so no seal is asked (prose closed by its last paragraph)
    (lambda doc, parties: _prose(doc, closing=False, seal_places="blank"), "seal_places:", _SEAL_NO_EFFECT),
    # the generated closing of names written by hand says 署名の上: no seal asked
    (lambda doc, parties: doc.update(signed_by_hand=True, seal_places="blank"), "seal_places:", _SEAL_NO_EFFECT),
    # the last article makes the copies, signed (署名), not sealed
    (lambda doc, parties: doc.update(closing=False, seal_places="blank", extra_articles=[
        {"heading": "協定書の保管", "name": "copies", "after": "consultation",
         "text": ["この協定の成立を証するため、甲及び乙は協定書２通を作成し、署名のうえ各１通を保管するものとする。"]}]),
     "seal_places:", _SEAL_NO_EFFECT),
    (lambda doc, parties: doc.update(signature_blocks="withheld"), "address:",
     "parties.bureau.address: signature_blocks: withheld prints no signature block, and the party's address"
     " prints only in its block: it would have no effect"),
    (lambda doc, parties: (doc.update(signature_blocks="withheld"), [p.pop("address") for p in parties.values()]),
     "representative:", "parties.bureau.representative: signature_blocks: withheld prints no signature block, and"
     " no press notice names the party's signer either: it would have no effect"),
])
def test_keys_that_would_have_no_effect_are_refused(tmp_path, change, key, message):
    spec = seed(tmp_path, change)
    err = refused(tmp_path, spec)
    assert f"{spec}:{line_of(spec, key)}: {message}" in err, err
