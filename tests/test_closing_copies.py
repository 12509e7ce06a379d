"""The closing's count of originals (本書Ｎ通を作成し、…各自その１通を保有する) against
who keeps one (content/agreement/copies.py), and a witness (立会人) beside a closing
article: the last article that makes the copies itself, with closing: false (as 阿蘇・竹田
1998 ends its text with 協定書の保管), the witness's block printed after the parties'.

Built by the real command line from tests/data/witness/four-parties-witness.yaml (made up,
shaped as the merger agreements signed by four heads and the governor as 立会人) and
the real case aso-taketa-fire-1998, changed as each test says, and read back."""
from __future__ import annotations

from pathlib import Path

import yaml

from conftest import ROOT, needs_poppler, no_space, pdf_text, run_generate

WITNESS = ROOT / "tests" / "data" / "witness" / "four-parties-witness.yaml"
ASO = ROOT / "tests" / "data" / "real" / "aso-taketa-fire-1998.yaml"
CLOSING_ARTICLE = ("この協定の締結を証するため、本書５通を作成し、甲、乙、丙、丁及び立会人が記名押印の上、"
                   "各自その１通を保有する。")
BLOCKS = ["甲みなみ県北山市中央一丁目１番１号株式会社みなみ緑化代表取締役森田一郎",
          "乙みなみ県北山市役所通り２番地北山市長川上二郎",
          "丙みなみ県北山市学園町３番３号公立大学法人北山大学理事長林三枝",
          "丁みなみ県北山市山手町４番地北山森林組合代表理事組合長木村四郎",
          "立会人みなみ県南町一丁目１番地みなみ県知事南野五郎"]


def variant(tmp_path: Path, source: Path, change, name: str = "variant") -> Path:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(data)
    path = (source.parent if source == ASO else tmp_path) / f"{name}.yaml"
    if source == ASO:              # its style is beside it: write the variant into tmp with the style's path
        data["style"] = str(ASO.parent / data["style"])
        path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def with_closing_article(text: str):
    """The witness's agreement ending with an article that makes the copies, no closing after it."""
    def change(data):
        doc = data["agreement"]["document"]
        doc["closing"] = False
        doc["extra_articles"].append({"heading": "協定書の保管", "text": [text]})
    return change


def own_closing(text: str):
    def change(data):
        data["agreement"]["document"]["closing"] = text
    return change


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def refused(spec: Path, tmp_path: Path) -> str:
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / spec.stem / "agreement.pdf").exists()
    return result.stderr


@needs_poppler
def test_a_witness_beside_a_closing_article_is_printed_after_the_parties(tmp_path):
    spec = variant(tmp_path, WITNESS, with_closing_article(CLOSING_ARTICLE))
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / spec.stem / "agreement.pdf"))
    # the article, numbered after the others, then the date, then every block in order, the witness's last
    at = text.index(no_space(CLOSING_ARTICLE), text.index("第６条（協定書の保管）"))
    assert text.count(no_space(CLOSING_ARTICLE)) == 1          # no generated closing beside it
    assert "本協定の締結を証するため" not in text
    at = text.index("令和６年４月23日", at)
    for block in BLOCKS:
        found = text.find(block, at)
        assert found > at, (block, text[at:at + 300])
        at = found + len(block)


def test_a_closing_article_making_too_few_originals_is_refused_at_its_text(tmp_path):
    spec = variant(tmp_path, WITNESS, with_closing_article(CLOSING_ARTICLE.replace("本書５通", "本書４通")))
    err = refused(spec, tmp_path)
    line = line_of(spec, "本書４通")
    assert ("「４通を作成」 makes 4 originals, and the closing has 甲、乙、丙、丁、立会人 keep one each"
            " (「各自その１通を保有」): 5 are needed") in err, err
    assert f"{spec}:{line}: agreement.document.extra_articles[5].text[0]: " in err, err


def test_the_specs_own_closing_making_too_few_originals_is_refused_at_closing(tmp_path):
    closing = "本協定の締結を証するため、本書４通を作成し、甲、乙、丙、丁及び立会人が記名押印の上、各自その１通を保有する。"
    spec = variant(tmp_path, WITNESS, own_closing(closing))
    err = refused(spec, tmp_path)
    assert f"{spec}:{line_of(spec, 'closing:')}: agreement.document.closing: 「４通を作成」 makes 4 originals" in err, err
    assert "5 are needed" in err


def test_kanji_numerals_and_every_party_kept_by_each(tmp_path):
    """各自 alone (no party named before it): every party keeps one; 二通 for the four is two short."""
    closing = "本協定の締結を証するため、本書二通を作成し、記名押印の上、各自その一通を保有する。"
    spec = variant(tmp_path, WITNESS, own_closing(closing))
    err = refused(spec, tmp_path)
    assert "「二通を作成」 makes 2 originals, and the closing has each of the 4 parties keep one each" in err, err
    assert "4 are needed" in err


def test_as_many_or_more_originals_as_keepers_build(tmp_path):
    """The witness's five and the parties named before 各 alone (甲及び乙 keep one, 丙 and 丁 a
    copy): no error; nor the real 阿蘇・竹田's 協定書2通 for its two 組合."""
    cases = [own_closing("本協定の締結を証するため、本書６通を作成し、甲、乙、丙、丁及び立会人が記名押印の上、"
                         "各自その１通を保有する。"),
             own_closing("本協定の締結を証するため、本書２通を作成し、甲及び乙が記名押印の上、各自その１通を保有し、"
                         "丙、丁及び立会人はその写しを保有する。")]
    for i, change in enumerate(cases):
        spec = variant(tmp_path, WITNESS, change, f"fine-{i}")
        result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf")
        assert result.returncode == 0, result.stderr
    result = run_generate("check", ASO)
    assert result.returncode == 0, result.stderr


def test_the_real_closing_article_with_one_original_for_two_is_refused(tmp_path):
    def change(data):
        copies = data["agreement"]["document"]["extra_articles"][-1]
        copies["text"] = [copies["text"][0].replace("協定書2通", "協定書1通")]
    spec = variant(tmp_path, ASO, change)
    err = refused(spec, tmp_path)
    assert ("agreement.document.extra_articles[4].text[0]: 「1通を作成」 makes 1 originals, and the closing has"
            " each of the 2 parties keep one each (「各1通を保管」): 2 are needed") in err, err


def test_each_witness_the_closing_names_keeps_one(tmp_path):
    """Two witnesses labelled 立会人, and the closing's 立会人 keep one each: five is one short."""
    def two(data):
        data["agreement"]["document"]["witnesses"].append(
            {"name": "南町", "representative": {"title": "南町長", "name": "東　六郎"}})
    spec = variant(tmp_path, WITNESS, two)
    err = refused(spec, tmp_path)
    assert "keep one each (「各自その１通を保有」): 6 are needed" in err, err


def test_sorezore_and_hoji_are_read_as_each_keeping_one(tmp_path):
    """それぞれ１通を保有する (甲乙が… as the real closings of tests/data/real write it) and
    各壱通を保持する: a closing making one original for the two named, or 壱通 for four, is refused;
    the real ones (２通 for 甲乙, 弐通 for two) build."""
    cases = {"この協定の締結を証するため、本協定書１通を作成し、甲乙が記名押印の上、それぞれ１通を保有する。":
             "「１通を作成」 makes 1 originals, and the closing has 甲、乙 keep one each (「それぞれ１通を保有」): 2 are needed",
             "上記のとおり協定したことを証するため、本書壱通を作成し各壱通を保持する。":
             "「壱通を作成」 makes 1 originals, and the closing has each of the 4 parties keep one each"
             " (「各壱通を保持」): 4 are needed"}
    for i, (closing, message) in enumerate(cases.items()):
        err = refused(variant(tmp_path, WITNESS, own_closing(closing), f"short-{i}"), tmp_path)
        assert message in err, err
    real = [p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml") if not p.name.endswith(".facts.yaml")
            and any(w in p.read_text(encoding="utf-8") for w in ("それぞれ１通を保有", "各壱通を保持"))]
    assert len(real) >= 2
    result = run_generate("check", *real)
    assert result.returncode == 0, result.stdout + result.stderr
