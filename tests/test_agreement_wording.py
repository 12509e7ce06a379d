"""The wordings real agreements use: the kind of document (協定書, 覚書 …) and its
own word (本協定 / 本覚書), labels per party and a collective word, である or
です・ます for the whole text, the house's article form and signature lines, a
preamble of the spec's own, and drafts (案) with dates and names left open.

Each test writes a variation of the seed's agreement as a secretariat would and
runs the real command line; the PDF's text is read back.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reportlab.lib.pagesizes import A4

from conftest import SEED_SPEC, needs_poppler, no_space, pdf_text, run_generate
from glyphs import page_rows
from jpdocs.content.agreement.wording import title_kind


def seed() -> dict:
    return yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict, name: str = "spec") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def build(tmp_path: Path, spec: Path, *options) -> tuple[str, str]:
    """(the agreement PDF's text, the build's standard output)."""
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf", "--force", *options)
    assert result.returncode == 0, result.stderr
    return pdf_text(tmp_path / "out" / spec.stem / "agreement.pdf"), result.stdout


def error(spec: Path, *options) -> str:
    result = run_generate("check", spec, *options)
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stderr


def lines(text: str) -> list[str]:
    return [no_space(x) for x in text.splitlines() if x.strip()]


# ---------------------------------------------------------------- kinds
@needs_poppler
def test_a_memorandum_calls_itself_本覚書_everywhere(tmp_path):
    data = seed()
    # named without 協定 (…包括連携): a 覚書 named …協定 gets no title made up (the next tests)
    data["agreement"]["title"] = data["agreement"]["title"].removesuffix("協定")
    data["agreement"]["document"].update(kind="覚書", conclude="取り交わす")
    text, _ = build(tmp_path, write(tmp_path, data))
    flat = no_space(text)
    assert "北見工業大学との包括連携に関する覚書" in flat
    assert "包括的な連携に関し、次のとおり覚書を取り交わす。" in flat
    assert "本覚書は、甲及び乙が相互に連携し" in flat
    assert "本覚書の有効期間は、本覚書の締結の日から令和７年３月31日までとする。" in flat
    assert "本覚書に定めのない事項又は本覚書に関し疑義が生じた事項" in flat
    assert "本覚書の締結を証するため、本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。" in flat
    assert "協定書" not in flat and "本協定" not in flat


def test_a_memorandum_named_協定_gets_no_title_made_up(tmp_path):
    """A 覚書 whose name is …包括連携協定 used to be titled …包括連携に関する覚書: a title
    the name contradicts (the product took 協定 for a word to drop). It is refused at
    agreement.document.title, exit 1, and builds once the title is written."""
    data = seed()
    data["agreement"]["document"].update(kind="覚書", conclude="取り交わす")
    spec = write(tmp_path, data)
    message = error(spec)
    assert f"spec.yaml:{line_of(spec, 'document:')}: agreement.document.title: not given" in message
    assert "ends in 協定, a 協定書's word, and the document is a 覚書" in message
    assert "write the document's title" in message and "Traceback" not in message
    data["agreement"]["document"]["title"] = "包括連携に関する覚書"
    text, _ = build(tmp_path, write(tmp_path, data))
    assert "包括連携に関する覚書" in no_space(text)


@pytest.mark.parametrize("name, kind", [("北見市との防災協力に関する覚書", "協定書"),    # …覚書に関する協定書
                                        ("北見市との森林の里親契約", "覚書"),            # …契約に関する覚書
                                        ("北見市との友好協定", "確認書")])             # …協定に関する確認書
def test_a_name_ending_in_another_kinds_word_is_refused(tmp_path, name, kind):
    data = seed()
    data["agreement"]["title"] = name
    data["agreement"]["document"]["kind"] = kind
    assert "agreement.document.title: not given" in error(write(tmp_path, data))


@pytest.mark.parametrize("title, kind, said", [
    ("包括連携に関する覚書", None, "a 覚書's word, and the document is a 協定書 (kind: not given, the default)"),
    ("包括連携に関する協定書", "覚書", "a 協定書's word, and the document is a 覚書, whose text says it is a 覚書"),
    ("包括連携に関する協定書（案）", "覚書", "a 協定書's word, and the document is a 覚書"),
])
def test_a_title_written_in_another_kinds_word_is_refused(tmp_path, title, kind, said):
    """A title written out is printed as written, and the text calls itself by its kind's
    word: …に関する覚書 over 本協定は… (kind: left out, a 協定書) printed a document that
    contradicts itself from its first line, without a word."""
    data = seed()
    data["agreement"]["document"]["title"] = title
    if kind:
        data["agreement"]["document"].update(kind=kind, conclude="取り交わす")
    spec = write(tmp_path, data)
    message = error(spec)
    assert f"spec.yaml:{line_of(spec, 'title: 包括連携に関する')}: agreement.document.title: the title ({title})" \
        " ends in " + said in message, message
    assert "write kind:" in message and "Traceback" not in message


@needs_poppler
@pytest.mark.parametrize("name, kind, title", [
    ("北見市との防災協力に関する覚書", "覚書", "北見市との防災協力に関する覚書"),    # the name is the title
    ("北見市との防災協力協定", "協定書", "北見市との防災協力協定書"),
    ("北見市との防災協力", "覚書", "北見市との防災協力に関する覚書"),               # no kind's word: the default
])
def test_a_name_that_ends_in_its_kinds_word_or_none_keeps_the_default(tmp_path, name, kind, title):
    data = seed()
    data["agreement"]["title"] = name
    data["agreement"]["document"]["kind"] = kind
    data["agreement"]["document"]["subject"] = "防災協力"     # (not a 包括連携: the standard set's subject would not do)
    text, _ = build(tmp_path, write(tmp_path, data))
    assert title in no_space(text)


@pytest.mark.parametrize("title, kind", [("包括連携協定", "協定書"), ("包括連携協定書", "協定書"),
                                         ("防災に関する覚書", "覚書"), ("森林の里親契約", "契約書"),
                                         ("友好盟約", "盟約書"), ("姉妹都市提携", None), ("合意書", "合意書"),
                                         ("国税庁実務研修について", None)])
def test_title_kind(title, kind):
    assert title_kind(title) == kind


@needs_poppler
def test_a_confirmation_is_confirmed_and_its_closing_attests_its_making(tmp_path):
    data = seed()
    data["agreement"]["document"].update(kind="確認書", title="包括連携に関する確認書")
    flat = no_space(build(tmp_path, write(tmp_path, data))[0])
    assert "包括的な連携に関し、次のとおり確認する。" in flat
    assert "本確認書の成立を証するため" in flat and "本協定" not in flat


def test_本協定_in_the_specs_own_article_of_a_memorandum_is_an_error(tmp_path):
    data = seed()
    data["agreement"]["document"]["kind"] = "覚書"
    data["agreement"]["document"]["extra_articles"] = [
        {"heading": "個人情報の保護", "text": ["甲及び乙は、本協定に基づく連携において個人情報を適正に取り扱う。"]}]
    spec = write(tmp_path, data)
    assert (f"error: {spec}:{line_of(spec, '本協定に基づく')}: agreement.document.extra_articles[0].text[0]:"
            " 「本協定」 in a 覚書: the document calls itself 本覚書") in error(spec)


def test_a_standard_set_writing_本協定_itself_is_an_error_of_the_set_file(tmp_path):
    sets = tmp_path / "sets.yaml"
    sets.write_text("自前:\n  subject: 連携\n  articles:\n    - name: purpose\n      heading: 目的\n"
                    "      text: [本協定は、連携を目的とする。]\n", encoding="utf-8")
    style = tmp_path / "style.yaml"
    style.write_text("article_sets: sets.yaml\n", encoding="utf-8")
    data = seed()
    data["agreement"]["document"] = {"standard": "自前"}
    spec = write(tmp_path, data)
    err = error(spec, "--style", style)
    assert f"error: {sets}:6: 自前.articles[0].text" in err and "write {doc}" in err, err


# ---------------------------------------------------------------- labels
@needs_poppler
def test_labels_per_party_in_the_preamble_articles_closing_and_signature_blocks(tmp_path):
    data = seed()
    data["agreement"]["document"]["labels"] = {"bureau": "振興局", "kitami_it": "大学"}
    text, _ = build(tmp_path, write(tmp_path, data))
    flat = no_space(text)
    assert "北海道オホーツク総合振興局（以下「振興局」という。）と国立大学法人北海道国立大学機構北見工業大学（以下「大学」という。）は" in flat
    assert "本協定は、振興局及び大学が相互に連携し" in flat
    assert "その他振興局及び大学が必要と認める事項" in flat
    assert "振興局及び大学が協議の上、別に定めるものとする。" in flat
    assert "振興局又は大学のいずれからも別段の意思表示" in flat
    assert "本書２通を作成し、振興局及び大学が記名押印の上" in flat
    assert "振興局北海道網走市北７条西３丁目" in flat and "大学北海道北見市公園町165番地" in flat
    assert "甲" not in flat and "乙" not in flat


@needs_poppler
def test_a_collective_word_beside_the_labels(tmp_path):
    data = seed()
    data["agreement"]["document"]["collective"] = "両者"
    flat = no_space(build(tmp_path, write(tmp_path, data))[0])
    assert "本協定は、両者が相互に連携し" in flat and "その他両者が必要と認める事項" in flat
    assert "両者協議の上" in flat and "両者記名押印の上" in flat
    assert "甲又は乙のいずれからも" in flat                 # a choice names each party
    assert "（以下「甲」という。）" in flat and "甲北海道網走市" in flat


@needs_poppler
def test_labels_before_no_signature_block(tmp_path):
    """block_labels: false (older texts): 甲 and 乙 defined and used in the text, printed
    before no block; each signature field keeps its label's name. With one word for
    all (両者), which prints before no block anyway, the key has no effect: an error."""
    from jpdocs.pdf.signing import signature_fields
    data = seed()
    data["agreement"]["document"]["block_labels"] = False
    spec = write(tmp_path, data)
    flat = no_space(build(tmp_path, spec)[0])
    assert "（以下「甲」という。）" in flat and "甲乙記名押印の上" in flat
    assert "甲北海道網走市" not in flat and "北海道網走市北７条西３丁目" in flat
    assert "乙北海道北見市" not in flat and "北海道北見市公園町165番地" in flat
    pdf = (tmp_path / "out" / spec.stem / "agreement.pdf").read_bytes()
    assert [f.name for f in signature_fields(pdf)] == ["甲", "乙"]
    data["agreement"]["document"]["labels"] = "両者"
    spec = write(tmp_path, data, "one-word")
    assert (f"error: {spec}:{line_of(spec, 'block_labels:')}: agreement.document.block_labels: labels: 両者 is one"
            " word for all the parties, which prints before no signature block: block_labels: false would have"
            " no effect") in error(spec)


def test_label_errors_name_their_keys(tmp_path):
    data = seed()
    data["agreement"]["document"]["labels"] = {"bureau": "振興局", "kitami": "大学"}
    spec = write(tmp_path, data)
    err = error(spec)
    assert f"error: {spec}:{line_of(spec, 'labels:')}: agreement.document.labels: a label per party needs one for" \
           " every party; missing: 北見工業大学（kitami_it）" in err
    assert f"error: {spec}:{line_of(spec, 'kitami: 大学')}: agreement.document.labels.kitami: party 'kitami' is not" \
           " declared under parties; did you mean 北見工業大学（kitami_it）?" in err
    data["agreement"]["document"]["labels"] = "両者"
    data["agreement"]["document"]["collective"] = "両者"
    spec = write(tmp_path, data, "twice")
    assert f"error: {spec}:{line_of(spec, 'collective:')}: agreement.document.collective: labels: 両者 is already" \
           in error(spec)


# ---------------------------------------------------------------- style of the text
@needs_poppler
def test_a_です_ます_document_is_written_so_throughout(tmp_path):
    data = seed()
    data["agreement"]["document"]["standard"] = "包括連携（です・ます）"
    text, out = build(tmp_path, write(tmp_path, data))
    flat = no_space(text)
    for polite in ("次のとおり協定を締結します。", "ことを目的とします。", "連携し、協力します。", "別に定めます。",
                   "使用しません。", "なお効力を有します。", "令和７年３月31日までとします。", "以後も同様とします。",
                   "協議の上、決定します。", "各自その１通を保有します。"):
        assert polite in flat, polite
    sentences = [s for s in flat.replace("。）", "）").split("。")[:-1]]
    assert sentences and not [s for s in sentences if s.endswith(("する", "とする", "ない", "有する"))]
    assert "standard set '包括連携（です・ます）'" in out
    assert ("agreement.document.writing: not given; the document is written です・ます, as its standard set"
            " '包括連携（です・ます）' is") in out


NAO = ("なお、甲又は乙が必要と認める場合は、甲は乙の構成員の現場活動に同行し、その安全を確保するなど、安全の確保に"
       "十分に配慮するものとする。")


@needs_poppler
@pytest.mark.parametrize("house", [None, "agreement:\n  article_heading: \"（{heading}）\"\n  article_lead: \"{number}　\"\n"])
def test_a_sentence_set_apart_without_a_number_continues_its_paragraph(house, tmp_path):
    """A paragraph given {text:, unnumbered: true} (消防庁's model: なお、…, ただし、… on a line
    of their own): no number, and the next paragraph is ２, not ３, in the PDF and in the
    DOCX's Word numbering; the line starts one em in from the margin of the text it
    continues (under 甲及び乙は、 where the paragraphs hang, as after 第５条　), its further
    lines on that margin. An unnumbered first paragraph is refused."""
    import zipfile
    data = seed()
    if house:
        (tmp_path / "house.yaml").write_text(house, encoding="utf-8")
        data["style"] = "house.yaml"
    data["agreement"]["document"]["extra_articles"] = [
        {"heading": "安全の確保", "text": ["甲及び乙は、活動する者の安全の確保に十分配慮するものとする。",
                                     {"unnumbered": True, "text": NAO}, "乙は、活動の結果を甲に報告するものとする。"]}]
    spec = write(tmp_path, data)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / spec.stem / "agreement.pdf"
    flat = no_space(pdf_text(pdf))
    assert "配慮するものとする。" + no_space(NAO) + "２乙は、活動の結果" in flat and "３乙は" not in flat
    rows = [r for page in range(2) for r in page_rows(pdf, page)]
    text_of = ["".join(c["text"] for c in r) for r in rows]
    at = next(i for i, t in enumerate(text_of) if no_space(t).startswith("なお、"))
    second = rows[next(i for i, t in enumerate(text_of) if "乙は、活動の結果" in t)]     # ２　乙は、…
    size = rows[at][0]["size"]
    # the margin of the text continued: the body's (the first paragraph runs from it), or
    # the hanging paragraphs' one em in (where 第Ｎ条　 leads the first, and their lines hang)
    start = second[0]["x0"] + (0 if house is None else size)
    assert abs(rows[at][0]["x0"] - (start + size)) < 0.5
    assert abs(rows[at + 1][0]["x0"] - start) < 0.5
    body = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml").decode()
    assert NAO in body
    # the paragraph after it is Word's paragraph number (２, its sequence's 2: a wrong count
    # leaves the level typed text, with no w:numPr), the unnumbered one not in the list
    import re
    para = re.search(r"<w:p>(?:(?!<w:p>).)*?乙は、活動の結果を甲に報告するものとする。", body).group()
    assert '<w:numPr><w:ilvl w:val="1"/>' in para and "２" not in para
    if house:   # the article's number in its first paragraph's lead (（安全の確保） above it): Word's
        #         level 0 on that paragraph, the number and the gap after it (第%1条　) out of its text
        first = re.search(r"<w:p>(?:(?!<w:p>).)*?甲及び乙は、活動する者の安全", body).group()
        assert '<w:numPr><w:ilvl w:val="0"/>' in first and ">甲及び乙は" in first and "条" not in first
        numbering = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/numbering.xml").decode()
        assert '<w:lvlText w:val="第%1条　"/>' in numbering
    para = re.search(r"<w:p>(?:(?!<w:p>).)*?なお、甲又は", body).group()
    assert "<w:numPr>" not in para
    data["agreement"]["document"]["extra_articles"][0]["text"][:2] = [{"unnumbered": True, "text": NAO}]
    spec = write(tmp_path, data, "first")
    assert (f"error: {spec}:{line_of(spec, 'unnumbered:')}: agreement.document.extra_articles[0].text[0].unnumbered:"
            " the first paragraph of the article 「安全の確保」 is unnumbered: it has no paragraph before it to continue"
            " (unnumbered would have no effect)") in error(spec)


PROSE = ["昭和54年７月18日、北海道オホーツク総合振興局と北見工業大学は、地域の発展のため連携を始めた。",
         "以来、両者は教育、研究及び地域振興の各分野において交流を重ねてきた。",
         "我々は、この連携を契機に、更に交流を深めていく決意を新たにする。"]
PROSE_CLOSING = "ここに以上の合意を確認するためにこの協定書を交換する。"


def prose_spec(data: dict) -> dict:
    """The seed's agreement as prose: its standard set and purpose gone."""
    doc = data["agreement"]["document"]
    for key in ("standard", "purpose"):
        doc.pop(key, None)
    doc.update(prose=list(PROSE), closing=PROSE_CLOSING)
    return data


@needs_poppler
def test_an_agreement_of_prose_without_articles(tmp_path):
    """document.prose (a sister-city 協定書: 大村市・仙北市 2009, 高崎市・モンテンルパ市 2006):
    the paragraphs as written where articles would stand, no generated preamble, no
    article, then the closing of the spec's own, the date and the blocks without 甲 and
    乙 before them (the prose defines no label); the last paragraph on the signatures'
    page; the DOCX alike."""
    import zipfile
    spec = write(tmp_path, prose_spec(seed()))
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / spec.stem / "agreement.pdf"
    text = lines(pdf_text(pdf))
    flat = "".join(text)
    assert flat.startswith("北海道オホーツク総合振興局と北見工業大学との包括連携に関する協定書" + "".join(PROSE) + PROSE_CLOSING
                           + "令和６年２月27日"), flat[:300]
    assert "第１条" not in flat and "以下「甲」" not in flat and "甲" not in text and "乙" not in text
    assert "北海道オホーツク総合振興局長" in flat
    body = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml").decode()
    assert all(p in body for p in PROSE) and PROSE_CLOSING in body and "第１条" not in body


@pytest.mark.parametrize("change, key, message", [
    ({"standard": "包括連携"}, "standard", "standard is a set of standard articles: it would have no effect"),
    ({"extra_articles": [{"heading": "経費", "text": ["経費は各自の負担とする。"]}]}, "extra_articles",
     "extra_articles is articles of the spec's own: it would have no effect"),
    ({"purpose": "地域の発展を図る"}, "purpose", "purpose is the purpose article's words: it would have no effect"),
    ({"preamble": "両者は、次のとおり協定する。"}, "preamble", "preamble is a preamble before the articles (write it as"
                                                    " the first paragraph of prose): it would have no effect"),
    ({"catch_all": False}, "catch_all", "catch_all shapes the article on the areas of cooperation: it would have no"
                                        " effect"),
    ({"closing": None}, "prose", "a text of prose ends with a closing of its own"),
    ({"block_labels": True}, "block_labels", "the signature blocks would print 「甲」、「乙」, which the prose"
                                             " does not define"),
])
def test_what_prose_cannot_have_is_an_error(change, key, message, tmp_path):
    data = prose_spec(seed())
    for k, value in change.items():
        if value is None:
            del data["agreement"]["document"][k]
        else:
            data["agreement"]["document"][k] = value
    spec = write(tmp_path, data)
    at = f"{key}:" if key in change else "prose:"
    prefix = f"error: {spec}:{line_of(spec, at)}: agreement.document.{key}: "
    said = error(spec)
    assert any(line.startswith(prefix) and message in line for line in said.splitlines()), said


@needs_poppler
def test_prose_that_defines_its_labels_may_print_them_before_the_blocks(tmp_path):
    data = prose_spec(seed())
    data["agreement"]["document"]["prose"][0] = ("北海道オホーツク総合振興局（以下「甲」という。）と北見工業大学（以下「乙」"
                                                 "という。）は、地域の発展のため連携を始めた。")
    data["agreement"]["document"]["block_labels"] = True
    spec = write(tmp_path, data)
    text, _ = build(tmp_path, spec)
    assert "甲" in lines(text) or any(x.startswith("甲") for x in lines(text))


@needs_poppler
def test_the_country_above_a_partys_signature_block(tmp_path):
    """parties: country (高崎市・モンテンルパ市, 渋川市・ファカタネ市: 日本国 over 高崎市長): the
    first line of the party's block, above its organisation and title, in the PDF and the
    DOCX; a party without one has none; refused where no agreement document prints it."""
    import zipfile
    data = seed()
    data["parties"]["kitami_it"]["country"] = "日本国"
    spec = write(tmp_path, data)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / spec.stem / "agreement.pdf"
    text = lines(pdf_text(pdf))
    at = text.index("乙日本国")          # the block's label, then its first line
    assert text[at + 1:at + 4] == ["北海道北見市公園町165番地", "国立大学法人北海道国立大学機構", "北見工業大学学長"], text[at:]
    assert "日本国" not in "".join(text[:at])
    body = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml").decode()
    assert body.index(">日本国<") < body.index(">国立大学法人北海道国立大学機構<")
    del data["agreement"]["document"]
    spec = write(tmp_path, data, "no-document")
    assert (f"error: {spec}:{line_of(spec, 'country:')}: parties.kitami_it.country: the country is printed above the"
            " party's signature block, and there is no agreement document (agreement.document): it would have no"
            " effect") in error(spec)


def test_a_writing_other_than_the_sets_is_an_error(tmp_path):
    data = seed()
    data["agreement"]["document"]["writing"] = "です・ます"
    spec = write(tmp_path, data)
    assert (f"error: {spec}:{line_of(spec, 'writing:')}: agreement.document.writing: the standard set '包括連携' is"
            " written である, and the document is to be written です・ます") in error(spec)


def test_です_ます_text_of_the_specs_own_in_a_である_document_is_an_error(tmp_path):
    data = seed()
    data["agreement"]["document"]["extra_articles"] = [
        {"heading": "個人情報の保護", "text": ["甲及び乙は、個人情報を適正に取り扱うものとする。",
                                         "甲及び乙は、漏えいを防ぐ措置を講じます。"]}]
    spec = write(tmp_path, data)
    assert (f"error: {spec}:{line_of(spec, '講じます')}: agreement.document.extra_articles[0].text[1]:"
            " 「甲及び乙は、漏えいを防ぐ措置を講じます。」 is written です・ます, and this document is written である") \
        in error(spec)


def test_である_closing_in_a_です_ます_document_is_an_error(tmp_path):
    data = seed()
    data["agreement"]["document"]["standard"] = "包括連携（です・ます）"
    data["agreement"]["document"]["closing"] = "本協定の締結を証するため、本書２通を作成し、各自その１通を保有する。"
    spec = write(tmp_path, data)
    assert (f"error: {spec}:{line_of(spec, 'closing:')}: agreement.document.closing: 「本協定の締結を証するため、"
            "本書２通を作成し、各自その１通を保有する。」 is written である, and this document is written です・ます") \
        in error(spec)


# ---------------------------------------------------------------- the house's article form
def house(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@needs_poppler
def test_each_article_form(tmp_path):
    spec = write(tmp_path, seed())
    forms = {
        "default": ("", ["第１条（目的）", "本協定は、甲及び乙が相互に連携し"]),
        "space": ('agreement: {article_heading: "{number}　{heading}"}\n', ["第１条目的", "本協定は、甲及び乙が相互に連携し"]),
        "colon": ('agreement: {article_heading: "{number}：{heading}", numbering_digits: half}\n',
                  ["第1条：目的", "本協定は、甲及び乙が相互に連携し"]),
        "law": ('agreement: {article_heading: "（{heading}）", article_lead: "{number}　"}\n',
                ["（目的）", "第１条本協定は、甲及び乙が相互に連携し"]),
        "run-in": ('agreement: {article_heading: "", article_lead: "{number}（{heading}）　"}\n',
                   ["第１条（目的）本協定は、甲及び乙が相互に連携し"]),
    }
    for name, (body, expected) in forms.items():
        options = ("--style", house(tmp_path, body)) if body else ()
        text, _ = build(tmp_path, spec, *options)
        got = lines(text)
        at = got.index(expected[0]) if expected[0] in got else next(
            i for i, x in enumerate(got) if x.startswith(expected[0]))
        for offset, want in enumerate(expected):
            assert got[at + offset].startswith(want), (name, got[at:at + 3])
        if name == "colon":
            assert "第2条：連携事項" in got and "（1）農林水産業の振興に関する事項" in got
            assert "甲及び乙は、前条の目的を達成するため" in no_space(text)


@needs_poppler
def test_items_in_digits_of_their_own(tmp_path):
    """agreement.item_digits: half: (1) (2) under 第１条 (消防庁's model of 2018), in the PDF
    and in the DOCX's Word numbering; refused beside item_marker: ⑴, which has no digits."""
    import zipfile
    spec = write(tmp_path, seed())
    style = house(tmp_path, 'agreement: {item_marker: "({number})", item_digits: half}\n')
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx",
                          "--style", style)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / spec.stem / "agreement.pdf"
    got = lines(pdf_text(pdf))
    assert "(1)農林水産業の振興に関する事項" in got and "第２条（連携事項）" in got
    assert not any("(１)" in x or "（１）" in x for x in got)
    numbering = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/numbering.xml").decode()
    import re
    item_level = re.search(r'<w:lvl w:ilvl="2">.*?</w:lvl>', numbering).group()
    assert '<w:numFmt w:val="decimal"/>' in item_level and '<w:lvlText w:val="(%3)"/>' in item_level
    style = house(tmp_path, "agreement:\n  item_marker: ⑴\n  item_digits: half\n")
    assert (f"error: {style}:3: agreement.item_digits: the items are marked ⑴ ⑵ … (item_marker: ⑴), one character"
            " each with no digits: item_digits would have no effect") in error(spec, "--style", style)


def test_an_article_form_without_the_number_is_an_error_of_the_house_style(tmp_path):
    style = house(tmp_path, 'agreement: {article_heading: "（{heading}）"}\n')
    assert (f"error: {style}:1: agreement.article_heading: {{number}} must appear once in article_heading or"
            " article_lead") in error(write(tmp_path, seed()), "--style", style)


# ---------------------------------------------------------------- the comma
@needs_poppler
def test_the_houses_comma_in_every_sentence_the_generator_words(tmp_path):
    """wording.comma: ， (the official horizontal style): the preamble, the standard set's
    articles, the term's article and the closing the generator writes, the 次第 it joins
    and the request's default lead, all with ，; the spec's own text as written (、), and
    said so once; a spec's own lead keeps its 、."""
    data = seed()
    spec = write(tmp_path, data)
    style = house(tmp_path, "wording:\n  comma: ，\n")
    text, out = build(tmp_path, spec, "--style", style)
    flat = no_space(text)
    assert "は，包括的な連携に関し，次のとおり協定を締結する。" in flat
    assert "甲及び乙は，前条の目的を達成するため" in flat
    assert "本協定の有効期間は，本協定の締結の日から" in flat
    assert "本協定の締結を証するため，本書２通を作成し，甲乙記名押印の上，各自その１通を保有する。" in flat
    assert "、" not in flat                       # every word of this agreement is the generator's
    result = run_generate(spec, "-o", tmp_path / "n", "--kinds", "press-notice", "--format", "pdf", "--style", style)
    assert result.returncode == 0, result.stderr
    notice = no_space(pdf_text(tmp_path / "n" / spec.stem / "press-notice.pdf"))
    assert "出席者紹介，協定書への署名，記念撮影，" in notice
    assert "当日取材いただける場合は，" in notice
    assert "今般、北海道オホーツク総合振興局と北見工業大学は、" in notice      # the spec's own words
    assert "the house writes ， (wording.comma)" in result.stdout and "printed as written" in result.stdout
    data["press_notice"]["press_request"] = {"lead": "取材される場合は、", "deadline": "2024-02-21T17:00"}
    own = write(tmp_path, data, "own")
    result = run_generate(own, "-o", tmp_path / "o", "--kinds", "press-notice", "--format", "pdf", "--style", style)
    assert result.returncode == 0, result.stderr
    assert "取材される場合は、令和６年２月21日" in no_space(pdf_text(tmp_path / "o" / "own" / "press-notice.pdf"))


def test_a_comma_other_than_the_two_is_an_error_of_the_house_style(tmp_path):
    style = house(tmp_path, "wording:\n  comma: ．\n")
    assert (f"error: {style}:2: wording.comma: a comma of '．': the generator writes 、 or ， (the official"
            " horizontal style)") in error(write(tmp_path, seed()), "--style", style)


# ---------------------------------------------------------------- chapters
CHAPTERS = [{"heading": "総則", "first": "purpose"}, {"heading": "連携の内容", "first": "areas"},
            {"heading": "雑則", "first": "costs"}]


@needs_poppler
def test_chapters_above_their_first_articles(tmp_path):
    """document.chapters: 第１章　総則 above 第１条, 第２章 above 第２条 …, the articles
    numbered on across them; a house's form (第1章 総則, set in by 2 em) in both writers."""
    data = seed()
    data["agreement"]["document"]["chapters"] = CHAPTERS
    spec = write(tmp_path, data)
    got = lines(build(tmp_path, spec)[0])
    at = got.index("第１章総則")
    assert got[at + 1] == "第１条（目的）"
    assert got[got.index("第２章連携の内容") + 1] == "第２条（連携事項）"
    assert got[got.index("第３章雑則") + 1] == "第５条（費用負担）"
    assert [x for x in got if "章" in x and x.startswith("第")] == ["第１章総則", "第２章連携の内容", "第３章雑則"]
    style = house(tmp_path, 'agreement: {chapter_heading: "{number} {heading}", chapter_indent: 2,'
                            ' numbering_digits: half}\n')
    result = run_generate(spec, "-o", tmp_path / "h", "--kinds", "agreement", "--force", "--style", style)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "h" / spec.stem / "agreement.pdf"
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        chars = doc.pages[0].chars
    first = next(c for c in chars if c["text"] == "章")
    line = sorted((c for c in chars if abs(c["top"] - first["top"]) < 1), key=lambda c: c["x0"])
    assert "".join(c["text"] for c in line) == "第1章 総則"
    below = next(c for c in chars if c["text"] == "条" and c["top"] > first["top"])
    article = min((c for c in chars if abs(c["top"] - below["top"]) < 1), key=lambda c: c["x0"])   # 第 of 第1条
    assert line[0]["x0"] - article["x0"] == pytest.approx(2 * 10.5, abs=0.5)     # set in by two em
    from lxml import etree
    import zipfile
    body = etree.fromstring(zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml"))
    texts = ["".join(t.text or "" for t in p.iter("{*}t")) for p in body.iter("{*}p")]
    assert texts.index("第1章 総則") < texts.index("（目的）")


@pytest.mark.parametrize("chapters, index, message", [
    ([{"heading": "総則", "first": "nosuch"}], 0,
     "no article is named 'nosuch'; known: purpose, areas, promotion, confidentiality, costs, validity,"
     " consultation"),
    ([{"heading": "連携", "first": "areas"}], 0,
     "the first chapter starts at 'areas' (第２条): the articles before it would stand in no chapter; start it at"
     " 'purpose'"),
    ([{"heading": "総則", "first": "purpose"}, {"heading": "雑則", "first": "costs"}, {"heading": "連携", "first": "areas"}],
     2, "the chapter 「連携」 starts at 'areas', not after the chapter before it (which starts at 'costs'): list the"
        " chapters in the articles' order"),
])
def test_a_chapter_that_cannot_stand_is_an_error(tmp_path, chapters, index, message):
    data = seed()
    data["agreement"]["document"]["chapters"] = chapters
    spec = write(tmp_path, data)
    lines_ = spec.read_text(encoding="utf-8").splitlines()
    at = [n for n, x in enumerate(lines_, 1) if x.strip().startswith("first:")][index]
    assert f"error: {spec}:{at}: agreement.document.chapters[{index}].first: {message}" in error(spec)


def test_a_chapter_form_without_its_number_is_an_error_of_the_house_style(tmp_path):
    style = house(tmp_path, 'agreement: {chapter_heading: "{heading}"}\n')
    assert (f"error: {style}:1: agreement.chapter_heading: {{number}} (第１章) and {{heading}} must each appear once"
            " in chapter_heading, and no other placeholder") in error(write(tmp_path, seed()), "--style", style)


# ---------------------------------------------------------------- signature blocks
@needs_poppler
def test_signature_blocks_two_a_row(tmp_path):
    """agreement.signature_columns: 2 — the first block beside the second, each title
    with its name (仙台市長 beside 山形市長, as 仙台市 sets them: its real case's style), on
    one baseline in the PDF and in one row of the DOCX's table."""
    from conftest import ROOT
    spec = ROOT / "tests" / "data" / "real" / "sendai-yamagata-2016.yaml"
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--force")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / spec.stem / "agreement.pdf"
    line = next(no_space(t) for t in ("".join(c["text"] for c in r) for r in page_rows(pdf)) if "仙台市長" in t)
    assert line.startswith("仙台市長") and "山形市長" in line, line
    from lxml import etree
    import zipfile
    body = etree.fromstring(zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml"))
    row = next(tr for tr in body.iter("{*}tr") if "仙台市長" in "".join(t.text or "" for t in tr.iter("{*}t")))
    assert "山形市長" in "".join(t.text or "" for t in row.iter("{*}t"))


@needs_poppler
def test_a_formal_name_too_long_for_a_narrow_block_breaks_after_its_legal_form(tmp_path):
    """Two blocks a row, the left one's address as long (a line with no space to break
    at), leave 国立大学法人北海道国立大学機構 no line of its own: it breaks after the legal
    form (国立大学法人 / 北海道国立大学機構), never inside a word at the column's edge (…機 /
    構), in the PDF and where the DOCX breaks the line. Where the left block's lines are
    short, its column gives way and the name stands whole (writers/signature_columns.py)."""
    style = house(tmp_path, "agreement:\n  signature_columns: 2\n")
    spec = write(tmp_path, seed(), name="room")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--force", "--style", style)
    assert result.returncode == 0, result.stderr
    texts = ["".join(c["text"] for c in r)
             for r in page_rows(tmp_path / "out" / "room" / "agreement.pdf", right_of=A4[0] / 2)]
    assert "国立大学法人北海道国立大学機構" in texts, texts
    data = seed()
    data["parties"]["bureau"]["address"] = "北海道網走市北７条西３丁目オホーツク合同庁舎本館"
    spec = write(tmp_path, data)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--force", "--style", style)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / spec.stem / "agreement.pdf"
    texts = ["".join(c["text"] for c in r) for r in page_rows(pdf, right_of=A4[0] / 2)]     # 乙's column
    assert "国立大学法人" in texts and "北海道国立大学機構" in texts, texts
    from lxml import etree
    import zipfile
    body = etree.fromstring(zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml"))
    para = next(p for p in body.iter("{*}p") if "".join(t.text or "" for t in p.iter("{*}t")).startswith("国立大学法人"))
    runs = [("\n" if r.find("{*}br") is not None else "") + "".join(t.text or "" for t in r.iter("{*}t"))
            for r in para.iter("{*}r")]
    assert "国立大学法人\n北海道国立大学機構" in "".join(runs)


ADDRESS = "北海道北見市公園町165番地　北見工業大学本部管理棟三階"


@needs_poppler
def test_signature_blocks_set_further_left_and_wider(tmp_path):
    """agreement.signature_indent (世田谷区, 国立市: 0.05): the blocks' labels nearer the
    margin and their lines wider, so that a long address stands on one line (under the
    default 0.3 it breaks at its space, as a line with no word cut keeps the template's
    widths); the DOCX's table has the same columns; the label's column keeps its width.
    The address without its space is one word wider than the default's column: at the
    default it now takes what it needs from the space before the labels (fit="blocks")
    and stands whole, the blocks moved left only so far. Out of its range, an error
    names the house style's line."""
    import re
    import zipfile
    texts = {}
    for name, body, address in (("default", "", ADDRESS), ("left", "agreement:\n  signature_indent: 0.05\n", ADDRESS),
                                ("word", "", ADDRESS.replace("\u3000", ""))):
        data = seed()
        data["parties"]["kitami_it"]["address"] = address
        spec = write(tmp_path, data, name)
        style = house(tmp_path, body or "name: 既定\n")
        result = run_generate(spec, "-o", tmp_path / name, "--kinds", "agreement", "--format", "pdf,docx",
                              "--style", style)
        assert result.returncode == 0, result.stderr
        pdf = tmp_path / name / spec.stem / "agreement.pdf"
        rows = page_rows(pdf)
        texts[name] = [no_space("".join(c["text"] for c in r)) for r in rows]
        label = next(r for r in rows if "".join(c["text"] for c in r).startswith("乙"))
        texts[name + "-x"] = label[0]["x0"]
        texts[name + "-grid"] = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml").decode()
    whole = "乙" + no_space(ADDRESS)
    at = texts["default"].index("乙北海道北見市公園町165番地")                      # broken at its space
    assert texts["default"][at + 1] == "北見工業大学本部管理棟三階" and whole not in texts["default"]
    assert whole in texts["left"]                                                  # one line, further left
    assert texts["left-x"] < texts["default-x"] - 100
    assert whole in texts["word"]                                                  # one word: whole at the default
    assert texts["left-x"] < texts["word-x"] < texts["default-x"] - 30
    widths = [re.findall(r'<w:gridCol w:w="(\d+)"/>', texts[k + "-grid"])[-4:] for k in ("default", "left", "word")]
    assert widths[0][1] == widths[1][1] == widths[2][1] and int(widths[1][2]) > int(widths[0][2]) + 1000, widths
    assert int(widths[1][2]) > int(widths[2][2]) > int(widths[0][2]) + 500, widths
    style = house(tmp_path, "agreement:\n  signature_indent: 0.5\n")
    assert (f"error: {style}:2: agreement.signature_indent: 0.5 is not a share of the text width from 0 (the blocks"
            " at the margin) to 0.3 (the default)") in error(spec, "--style", style)


@needs_poppler
def test_labelled_signature_lines_and_the_organisation_kept(tmp_path):
    style = house(tmp_path, "agreement:\n  signature_labels: {address: 住所, organisation: 名称, title: 代表者}\n")
    got = lines(build(tmp_path, write(tmp_path, seed()), "--style", style)[0])
    at = got.index("甲住所北海道網走市北７条西３丁目")
    assert got[at:at + 4] == ["甲住所北海道網走市北７条西３丁目", "名称北海道オホーツク総合振興局",
                              "代表者北海道オホーツク総合振興局長", "中島和彦"]
    at = got.index("乙住所北海道北見市公園町165番地")
    assert got[at + 1:at + 5] == ["名称国立大学法人北海道国立大学機構", "北見工業大学", "代表者北見工業大学学長",
                                  "鈴木聡一郎"]
    style = house(tmp_path, "agreement: {organisation_line: always}\n")
    got = lines(build(tmp_path, write(tmp_path, seed()), "--style", style)[0])
    at = got.index("甲北海道網走市北７条西３丁目")
    assert got[at + 1:at + 3] == ["北海道オホーツク総合振興局", "北海道オホーツク総合振興局長"]


# ---------------------------------------------------------------- an own preamble
@needs_poppler
def test_a_preamble_of_the_specs_own(tmp_path):
    data = seed()
    own = ("北海道オホーツク総合振興局（以下「甲」という。）と北見工業大学（以下「乙」という。）は、"
           "オホーツク地域の課題の解決に向けて相互に協力するため、次のとおり協定を締結する。")
    data["agreement"]["document"]["preamble"] = own
    flat = no_space(build(tmp_path, write(tmp_path, data))[0])
    assert own in flat and "包括的な連携に関し" not in flat


def test_an_own_preamble_must_define_the_labels_and_leaves_subject_without_effect(tmp_path):
    data = seed()
    data["agreement"]["document"]["preamble"] = "北海道オホーツク総合振興局と北見工業大学は、次のとおり協定を締結する。"
    spec = write(tmp_path, data)
    assert (f"error: {spec}:{line_of(spec, 'preamble:')}: agreement.document.preamble: the preamble does not define"
            " the labels 「甲」、「乙」") in error(spec)
    data["agreement"]["document"]["subject"] = "包括的な連携"
    spec = write(tmp_path, data, "subject")
    assert (f"error: {spec}:{line_of(spec, 'subject:')}: agreement.document.subject: subject words the generated"
            " preamble, and the spec writes its own") in error(spec)


# ---------------------------------------------------------------- drafts
def a_draft() -> dict:
    data = seed()
    data["agreement"]["signing_date"] = None
    data["agreement"]["document"]["draft"] = True
    data["parties"]["kitami_it"]["representative"]["name"] = None
    del data["press_notice"]
    return data


@needs_poppler
def test_a_draft_with_blanks_is_marked_案_on_every_page_and_says_so(tmp_path):
    spec = write(tmp_path, a_draft())
    text, out = build(tmp_path, spec)
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 2 and all("案" in lines(p) for p in pages)
    flat = no_space(text)
    assert "令和年月日甲" in flat                          # the date line, blank
    assert "中島和彦" in flat and "鈴木" not in flat
    assert "北見工業大学学長印" in flat                     # the name left blank under the title
    assert (f"note: {spec}:{line_of(spec, 'draft:')}: agreement.document.draft: a draft: the 協定書 and the overview"
            " sheet are marked 案 on every page; left open: agreement.signing_date,"
            " parties.kitami_it.representative.name") in out


@needs_poppler
def test_a_drafts_open_title_is_a_blank_line_in_its_block(tmp_path):
    """representative.title: null in a draft (a model agreement whose signers are not
    known yet, as 日本緩和医療学会's and 米子市's models): the block keeps its
    organisation and leaves the title's line and the name's blank, nothing invented;
    the note names the open title; outside a draft it is an error at its key."""
    data = a_draft()
    data["parties"]["kitami_it"]["representative"]["title"] = None
    spec = write(tmp_path, data)
    text, out = build(tmp_path, spec)
    flat = no_space(text)
    assert "乙北海道北見市公園町165番地国立大学法人北海道国立大学機構北見工業大学印" in flat   # no 学長
    assert "parties.kitami_it.representative.title, parties.kitami_it.representative.name" in out
    data["agreement"]["document"]["draft"] = False
    data["agreement"]["signing_date"] = "2024-02-27"
    data["parties"]["kitami_it"]["representative"]["name"] = "鈴木　聡一郎"
    signed = write(tmp_path, data, "signed")
    assert (f"error: {signed}:{line_of(signed, 'title: null')}: parties.kitami_it.representative.title: left open"
            " (null), which only a draft may do") in error(signed)


@needs_poppler
def test_a_title_given_as_its_lines_is_broken_there(tmp_path):
    """document.title as a list (消防庁's model: 災害時等における無人航空機による /
    情報収集活動（撮影等）に関する協定書): the title's lines as written, not where the
    generator would break it; the PDF's and the DOCX's title is the whole title. A list
    of one line says nothing a string would not, and is refused at its line, as a
    notice's subject of one line is."""
    import zipfile
    data = seed()
    data["agreement"]["document"]["title"] = ["北海道オホーツク総合振興局と北見工業大学との包括連携", "に関する協定書"]
    spec = write(tmp_path, data)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / spec.stem / "agreement.pdf"
    assert lines(pdf_text(pdf))[:2] == ["北海道オホーツク総合振興局と北見工業大学との包括連携", "に関する協定書"]
    whole = "北海道オホーツク総合振興局と北見工業大学との包括連携に関する協定書"
    info = __import__("subprocess").run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert f"Title:           {whole}" in info
    docx = zipfile.ZipFile(pdf.with_suffix(".docx"))
    assert f"<dc:title>{whole}</dc:title>" in docx.read("docProps/core.xml").decode()
    body = docx.read("word/document.xml").decode()
    assert "<w:t>北海道オホーツク総合振興局と北見工業大学との包括連携</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>に関する協定書" in body
    data["agreement"]["document"]["title"] = ["北海道オホーツク総合振興局と北見工業大学との包括連携に関する協定書"]
    spec = write(tmp_path, data, "one")
    at = line_of(spec, "- 北海道オホーツク総合振興局と北見工業大学との包括連携に関する協定書") - 1   # (its key's line)
    assert (f"error: {spec}:{at}: agreement.document.title: the title is given as a list"
            " of one line") in error(spec)
    data["agreement"]["document"]["title"] = []
    spec = write(tmp_path, data, "none")
    assert f"error: {spec}:{line_of(spec, 'title: []')}: agreement.document.title: " in error(spec)


@needs_poppler
def test_a_drafts_open_date_keeps_the_year_it_states(tmp_path):
    """signing_year: the open date line keeps its year (令和７年　　月　　日, as real
    drafts print it), in the PDF and the DOCX; a year an era began in is written in
    the new era, and the build says so."""
    import zipfile
    data = a_draft()
    data["agreement"]["signing_year"] = 2025
    spec = write(tmp_path, data)
    text, _ = build(tmp_path, spec, "--format", "pdf,docx")
    assert "令和７年月日甲" in no_space(text)
    docx = zipfile.ZipFile(tmp_path / "out" / spec.stem / "agreement.docx").read("word/document.xml").decode()
    assert "令和７年　　月　　日" in docx
    data["agreement"]["signing_year"] = 2019
    spec = write(tmp_path, data, "boundary")
    text, out = build(tmp_path, spec)
    assert "令和元年月日甲" in no_space(text)
    assert (f"note: {spec}:{line_of(spec, 'signing_year:')}: agreement.signing_year: 2019 began in 平成 and ended"
            " in 令和: the date line says 令和元年, for a signing still to come; write the signing date once it is"
            " known") in out


@needs_poppler
def test_a_drafts_open_date_keeps_its_month_and_leaves_the_day_open(tmp_path):
    """signing_month with signing_year: only the day is left open (平成30年３月○○日, as
    消防庁's model draft prints it; here the house's 　　日), in the PDF and the DOCX; the
    era is the month's, not the year's end: April 2019 is 平成31年, May 令和元年, and a
    month two eras share (January 1989) is written in the new era, and the build says so."""
    import zipfile
    data = a_draft()
    data["agreement"]["signing_year"] = 2025
    data["agreement"]["signing_month"] = 3
    spec = write(tmp_path, data)
    text, out = build(tmp_path, spec, "--format", "pdf,docx")
    assert "令和７年３月日甲" in no_space(text)
    docx = zipfile.ZipFile(tmp_path / "out" / spec.stem / "agreement.docx").read("word/document.xml").decode()
    assert "令和７年３月　　日" in docx
    assert "began in" not in out
    for month, written in ((4, "平成31年４月日甲"), (5, "令和元年５月日甲"), (12, "令和元年12月日甲")):
        data["agreement"].update(signing_year=2019, signing_month=month)
        spec = write(tmp_path, data, f"m{month}")
        text, out = build(tmp_path, spec)
        assert written in no_space(text) and "began in" not in out
    data["agreement"].update(signing_year=1989, signing_month=1)
    spec = write(tmp_path, data, "boundary")
    text, out = build(tmp_path, spec)
    assert "平成元年１月日甲" in no_space(text)
    assert (f"note: {spec}:{line_of(spec, 'signing_month:')}: agreement.signing_month: 1989年1月 began in 昭和 and"
            " ended in 平成: the date line says 平成元年, for a signing still to come; write the signing date once"
            " it is known") in out


@needs_poppler
def test_a_drafts_open_date_in_the_era_it_writes(tmp_path):
    """signing_era: a draft whose year is not known, dated in its own era (常光・中丸・加納三か村's
    仮協約書案 of 大正4〜6年: 大正年　月　日). The date line was the house's blank date,
    令和　　年　　月　　日, whatever era the draft was written in; now the era is the spec's, in
    the PDF and the DOCX. A house whose blank date has no era (dates in the western
    calendar) has none to replace: an error at the key."""
    import zipfile
    data = a_draft()
    data["agreement"]["signing_era"] = "昭和"
    spec = write(tmp_path, data)
    text, _ = build(tmp_path, spec, "--format", "pdf,docx")
    assert "昭和年月日甲" in no_space(text) and "令和年月日" not in no_space(text)
    docx = zipfile.ZipFile(tmp_path / "out" / spec.stem / "agreement.docx").read("word/document.xml").decode()
    assert "昭和　　年　　月　　日" in docx and "令和　　年" not in docx
    (tmp_path / "house.yaml").write_text("agreement:\n  calendar: western\nwording:\n  blank_date: 　　　　年　　月　　日\n",
                                         encoding="utf-8")
    data["style"] = "house.yaml"
    spec = write(tmp_path, data, "western")
    assert (f"error: {spec}:{line_of(spec, 'signing_era:')}: agreement.signing_era: the house's open date (wording:"
            " blank_date) is 「　　　　年　　月　　日」, with no era to write 昭和 in") in error(spec)
    assert not (tmp_path / "out" / "western").exists()


@needs_poppler
def test_the_agreements_dates_in_the_houses_agreement_calendar(tmp_path):
    """agreement.calendar: the date line and the term's dates in the standard 有効期間
    article as the house writes an agreement: 令和６年（2024年）… (越谷市's draft) or
    2024年… (universities, companies), in the PDF and the DOCX; era only by default,
    whatever the notices write."""
    import zipfile
    (tmp_path / "house.yaml").write_text("agreement:\n  calendar: era_western\n", encoding="utf-8")
    data = seed()
    data["style"] = "house.yaml"
    spec = write(tmp_path, data)
    text, _ = build(tmp_path, spec, "--kinds", "agreement", "--format", "pdf,docx")
    flat = no_space(text)
    assert "令和６年（2024年）２月27日甲" in flat
    assert "本協定の有効期間は、本協定の締結の日から令和７年（2025年）３月31日までとする。" in flat
    docx = zipfile.ZipFile(tmp_path / "out" / spec.stem / "agreement.docx").read("word/document.xml").decode()
    assert "令和６年（2024年）２月27日" in docx
    (tmp_path / "house.yaml").write_text("agreement:\n  calendar: western\nwording:\n  blank_date: 　　　　年　　月　　日\n",
                                         encoding="utf-8")
    data = a_draft()
    data["style"] = "house.yaml"
    data["agreement"]["signing_year"] = 2025
    spec = write(tmp_path, data, "draft")
    text, _ = build(tmp_path, spec)
    assert "2025年月日甲" in no_space(text) and "令和年月日" not in no_space(text)
    spec = write(tmp_path, seed(), "default")
    text, _ = build(tmp_path, spec, "--kinds", "agreement")
    assert "令和６年２月27日甲" in no_space(text) and "2024年" not in text


@needs_poppler
def test_paragraph_and_item_numbers_in_the_houses_form(tmp_path):
    """agreement.paragraph_lead and item_marker: 2.甲及び乙は… (日本緩和医療学会's model)
    and items ⑴ ⑵ … (米子市's), one em between the marker and the text, in the PDF and
    the DOCX; the default （１） keeps its place."""
    import zipfile
    (tmp_path / "house.yaml").write_text("agreement:\n  numbering_digits: half\n  paragraph_lead: \"{number}.\"\n"
                                         "  item_marker: \"⑴\"\n", encoding="utf-8")
    data = seed()
    data["style"] = "house.yaml"
    spec = write(tmp_path, data)
    text, _ = build(tmp_path, spec, "--kinds", "agreement", "--format", "pdf,docx")
    rows = [line.strip() for line in text.splitlines()]
    assert any(row.startswith("2.") for row in rows) and not any(row.startswith(("２", "2 ")) for row in rows)
    assert any(row.startswith("⑴") for row in rows) and any(row.startswith("⑵") for row in rows)
    assert "（1）" not in text and "（１）" not in text
    docx = zipfile.ZipFile(tmp_path / "out" / spec.stem / "agreement.docx").read("word/document.xml").decode()
    assert ">⑴<" in docx or "⑴\t" in docx or ">⑴" in docx
    import pdfplumber
    with pdfplumber.open(tmp_path / "out" / spec.stem / "agreement.pdf") as pdf:
        chars = [c for p in pdf.pages for c in p.chars]
    mark = next(c for c in chars if c["text"] == "⑴")
    after = min((c for c in chars if abs(c["top"] - mark["top"]) < 2 and c["x0"] > mark["x0"]), key=lambda c: c["x0"])
    assert abs(after["x0"] - (mark["x0"] + 2 * mark["size"])) < 0.6      # ⑴ and one em, then the text


def test_more_items_than_parenthesized_digits_is_an_error(tmp_path):
    """⑴ to ⒇ are all the one-character markers there are: a paragraph of 21 items is
    refused with the article named, never marked otherwise behind the house's back."""
    (tmp_path / "house.yaml").write_text("agreement:\n  item_marker: \"⑴\"\n", encoding="utf-8")
    data = seed()
    data["style"] = "house.yaml"
    data["agreement"]["document"]["articles"] = {"costs": {"heading": "経費", "text": [
        {"text": "連携に要する費用は、次のとおりとする。", "items": [f"費目{i}" for i in range(1, 22)]}]}}
    spec = write(tmp_path, data)
    assert ("the article 「経費」 has a paragraph of more than 20 items, and the house marks items ⑴ to ⒇"
            " (agreement.item_marker): split the paragraph") in error(spec)


@pytest.mark.parametrize("house, line, message", [
    ("agreement:\n  paragraph_lead: \"第{n}項\"\n", 2, "agreement.paragraph_lead: {number} must appear once in"
                                                     " paragraph_lead, and no other placeholder"),
    ("agreement:\n  item_marker: \"（）\"\n", 2, "agreement.item_marker: {number} must appear once in item_marker,"
                                                " and no other placeholder (or write ⑴ for items marked ⑴ ⑵ …,"
                                                " 一 for items numbered 一 二 … as laws number them)"),
])
def test_a_numbering_form_without_its_number_is_an_error(tmp_path, house, line, message):
    (tmp_path / "house.yaml").write_text(house, encoding="utf-8")
    data = seed()
    data["style"] = "house.yaml"
    spec = write(tmp_path, data)
    assert f"error: {tmp_path / 'house.yaml'}:{line}: {message}" in error(spec)


def test_a_western_agreement_calendar_with_an_era_in_the_blank_date_is_an_error(tmp_path):
    """The open date of a draft is the house's blank_date, 令和　　年　　月　　日 unless it
    says otherwise: an agreement dated in the western calendar would print 令和."""
    (tmp_path / "house.yaml").write_text("name: 大学\nagreement:\n  calendar: western\n", encoding="utf-8")
    data = seed()
    data["style"] = "house.yaml"
    spec = write(tmp_path, data)
    assert (f"error: {tmp_path / 'house.yaml'}:3: agreement.calendar: the agreement's dates are western, and a"
            " draft's open date (wording: blank_date) is 「令和　　年　　月　　日」, with an era") in error(spec)


@pytest.mark.parametrize("key, change, message", [
    ("signing_year", {"signing_date": "2025-04-01"}, "the signing date gives the year: signing_year is for a draft's"
                                                     " open date (signing_date: null), and would have no effect"),
    ("signing_year", {"document": None}, "signing_year is printed in the agreement document's open date line, and"
                                         " there is no document: it would have no effect"),
    ("signing_year", {"signing_year": 1850}, "1850 is not a year an era date can be written for (after 1868)"),
    ("signing_month", {"signing_date": "2025-03-01", "signing_year": None},
     "the signing date gives the month: signing_month is for a draft's open date (signing_date: null), and would"
     " have no effect"),
    ("signing_month", {"signing_year": None}, "a month without its year: the open date line would print 　　年３月　　日;"
                                              " give signing_year too"),
    ("signing_month", {"document": None}, "signing_month is printed in the agreement document's open date line, and"
                                          " there is no document: it would have no effect"),
    ("signing_month", {"signing_month": 13}, "expected a month's number, 1 to 12 (3 = ３月), got the number 13"),
    ("signing_era", {"signing_date": "2025-04-01", "signing_year": None}, "the signing date gives the era: signing_era"
                                                                          " is for a draft's open date (signing_date:"
                                                                          " null), and would have no effect"),
    ("signing_era", {}, "signing_year gives the era (its year is written in it): remove signing_era, or signing_year"
                        " where the year is not known"),
    ("signing_era", {"signing_year": None, "document": None}, "signing_era is printed in the agreement document's"
                                                              " open date line, and there is no document: it would"
                                                              " have no effect"),
])
def test_an_open_dates_year_or_month_without_effect_is_an_error(tmp_path, key, change, message):
    data = a_draft()
    data["agreement"]["signing_year"] = 2025
    if key == "signing_month":
        data["agreement"]["signing_month"] = 3
    if key == "signing_era":
        data["agreement"]["signing_era"] = "大正"
    for name, value in change.items():
        if value is None:
            del data["agreement"][name]
        else:
            data["agreement"][name] = value
    if "document" in change:
        # without a document, refused by the build (a user's template may print it:
        # spec/unprinted.py), once the spec has loaded: the head's name given, as nothing
        # leaves a blank for it
        data["parties"]["kitami_it"]["representative"]["name"] = seed()["parties"]["kitami_it"]["representative"]["name"]
    spec = write(tmp_path, data)
    assert f"error: {spec}:{line_of(spec, key + ':')}: agreement.{key}: {message}" in error(spec)


def test_a_final_build_refuses_a_draft_and_its_blanks(tmp_path):
    spec = write(tmp_path, a_draft())
    result = run_generate(spec, "-o", tmp_path / "out", "--final")
    assert result.returncode == 1
    assert f"error: {spec}:{line_of(spec, 'draft:')}: agreement.document.draft: a final build (--final) of a draft" \
        in result.stderr
    assert (f"error: {spec}:{line_of(spec, 'signing_date:')}: agreement.signing_date: left open (null) in a draft;"
            " a final build (--final) needs it written") in result.stderr
    assert f"error: {spec}:{line_of(spec, 'name: null')}: parties.kitami_it.representative.name: left open" \
        in result.stderr
    assert not (tmp_path / "out" / spec.stem).exists() or not any((tmp_path / "out" / spec.stem).glob("*.pdf"))
    assert "left open (null) in a draft" in error(spec, "--final")


def test_a_blank_outside_a_draft_is_an_error(tmp_path):
    data = seed()
    data["agreement"]["signing_date"] = None
    spec = write(tmp_path, data)
    assert (f"error: {spec}:{line_of(spec, 'signing_date:')}: agreement.signing_date: left open (null), which only a"
            " draft may do") in error(spec)


def test_a_draft_has_no_originals_nor_copies(tmp_path):
    spec = write(tmp_path, a_draft())
    result = run_generate(spec, "-o", tmp_path / "out", "--copies")
    assert result.returncode == 1
    assert f"error: {spec}:{line_of(spec, 'draft:')}: agreement.document.draft: originals and copies" in result.stderr


def test_a_name_left_open_that_the_press_notice_prints_is_an_error(tmp_path):
    data = a_draft()
    data["press_notice"] = seed()["press_notice"]
    spec = write(tmp_path, data)
    assert (f"error: {spec}:{line_of(spec, 'name: null')}: parties.kitami_it.representative.name: left open (null),"
            " but the press notice prints this name") in error(spec)


def test_a_draft_is_in_no_years_annual_book(tmp_path):
    signed = write(tmp_path, seed(), "signed")
    draft = write(tmp_path, a_draft(), "draft")
    result = run_generate("annual", "--fiscal-year", "2023", signed, draft, "-o", tmp_path / "book")
    assert result.returncode == 0, result.stderr
    csv = (tmp_path / "book" / "annual-2023.csv").read_text(encoding="utf-8-sig")
    assert csv.count("北見工業大学との包括連携協定") == 1


@needs_poppler
def test_a_model_agreement_with_a_party_left_open(tmp_path):
    data = a_draft()
    data["parties"]["kitami_it"].update(name=None, formal_name=None, address=None)
    data["parties"]["kitami_it"]["representative"]["title"] = "代表者"
    spec = write(tmp_path, data)
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    flat = no_space(pdf_text(tmp_path / "out" / spec.stem / "agreement.pdf"))
    assert "北海道オホーツク総合振興局（以下「甲」という。）と（以下「乙」という。）は" in flat
    assert "乙代表者印" in flat                              # blank 名称 and name lines, then the seal
    sheet = pdf_text(tmp_path / "out" / spec.stem / "overview.pdf")
    assert "案" in lines(sheet) and "北見工業大学" not in lines(sheet) and "国立大学法人" not in lines(sheet)
    assert "parties.kitami_it.name" in result.stdout
    assert f"error: {spec}:{line_of(spec, 'name: null')}: parties.kitami_it.name: left open" \
        in error(spec, "--final")


def test_a_noun_phrase_item_fits_either_style():
    """「…に関すること。」 (an item of a list) is in neither style: a です・ます agreement
    lists it as plainly as a である one (the real 相模原市・北里大学 agreement does)."""
    from jpdocs.writing_style import other_style
    assert other_style("教育・文化・スポーツに関すること。", "です・ます") is None
    assert other_style("教育・文化・スポーツに関すること。", "である") is None
    assert other_style("甲及び乙は、協議して定める。", "です・ます") == "甲及び乙は、協議して定める。"
    assert other_style("甲及び乙は、協議して定めます。", "である") == "甲及び乙は、協議して定めます。"


@needs_poppler
def test_a_label_that_is_the_partys_own_name_is_not_defined_again(tmp_path):
    """No office writes 北見工業大学（以下「北見工業大学」という。）: a party called by its
    own name needs no definition, in the generated preamble or in the spec's own."""
    data = seed()
    data["agreement"]["document"]["labels"] = {"bureau": "振興局", "kitami_it": "北見工業大学"}
    flat = no_space(build(tmp_path, write(tmp_path, data))[0])
    assert "（以下「振興局」という。）" in flat and "（以下「北見工業大学」という。）" not in flat
    data["agreement"]["document"]["preamble"] = ("北海道オホーツク総合振興局（以下「振興局」という。）と北見工業大学は、"
                                                  "次のとおり協定を締結する。")
    spec = write(tmp_path, data, "own")
    result = run_generate("check", spec)
    assert result.returncode == 0, result.stderr


def taisho_draft_with_a_generated_term(tmp_path: Path, **agreement) -> Path:
    """常光・中丸・加納三か村's 仮協約書案 (大正4〜6年, tests/data/real), its own prose
    replaced by the standard set's articles, so that the 有効期間 article is generated and
    its end, like the signing day, is left open (a 協定書: a 協約書 has no word of its own
    for the set's articles to say)."""
    from conftest import ROOT
    real = ROOT / "tests" / "data" / "real"
    data = yaml.safe_load((real / "kitamoto-3villages-taisho.yaml").read_text(encoding="utf-8"))
    data["style"] = str(real / data["style"])
    doc = data["agreement"]["document"]
    del doc["prose"], doc["closing"], doc["kind"], doc["title"]
    doc.update(standard="包括連携", purpose="赤堀川の水利について将来誤解が生じないようにし、近隣の親しい関係を永く保つ",
               subject="赤堀川の水利")
    for key, value in agreement.items():
        if value is None:
            del data["agreement"][key]
        else:
            data["agreement"][key] = value
    return write(tmp_path, data, "taisho")


@needs_poppler
@pytest.mark.parametrize("given, line", [({}, "大正年月日"), ({"signing_era": None, "signing_year": 1915}, "大正４年月日")])
def test_a_drafts_open_term_end_is_in_the_era_of_its_date_line(tmp_path, given, line):
    """A term whose end is left open with the signing day printed the house's blank date,
    令和　　年　　月　　日, in a 大正 draft (本協定の締結の日から令和　　年…まで): an era the
    spec did not give. The end is now the blank date in the era of the date line
    (signing_era: 大正, or signing_year: 1915, 大正４年), as a draft of its time writes every
    date it leaves open; its year is not known, so only the era is taken. The PDF, the
    DOCX and the build's note say the same."""
    import zipfile
    spec = taisho_draft_with_a_generated_term(tmp_path, **given)
    text, out = build(tmp_path, spec, "--format", "pdf,docx")
    flat = no_space(text)
    assert "本協定の有効期間は、本協定の締結の日から大正年月日までとする。" in flat
    assert "令和" not in flat and line in flat
    docx = zipfile.ZipFile(tmp_path / "out" / spec.stem / "agreement.docx").read("word/document.xml").decode()
    assert "大正　　年　　月　　日まで" in docx and "令和" not in docx
    assert "agreement.validity.end: not given; the term's end is left blank (大正　　年　　月　　日)" in out
