"""盟約書, 協議書, 合意書, 協約書, 共同声明, 議定書 and 憲章: kinds of document whose real texts do not agree on how they name
themselves or what they do (江東区's 盟約書 and 芦屋市's 盟約 end …盟約する。 and never
name themselves; 大河原町's 協議書 say 次のとおり協定する and 上記のとおり協定したことを
証するため). The product composes nothing that would name such a document: the
preamble, the closing, a standard article's {doc} and the generated term are the
spec's to write, each refused at its key where the spec leaves it to the product.
What it does say of the kind — the file's subject, the title's default — is the kind.

Each test builds with the real command line and reads the output back: the PDF's
text (pdftotext), its properties (pypdf), the DOCX reopened (python-docx)."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml
from pypdf import PdfReader

from conftest import ROOT, needs_poppler, no_space, pdf_text, run_generate
from test_agreement_wording import error, line_of, seed, write

REAL = ROOT / "tests" / "data" / "real"
# what the product would write for a kind of its own: none of it may print for these kinds
COMPOSED = ("本盟約", "本協議", "本協定", "協定書", "を締結する", "締結を証するため", "記名押印", "有効期間")

# the seed's agreement as a 協議書 whose every sentence naming it is the spec's own, in the
# words 大河原町's 協議書 use (協定する, 協定したことを証するため); the standard set's
# articles that write {doc} given texts of their own
OWN_PREAMBLE = ("北海道オホーツク総合振興局（以下「甲」という。）と北見工業大学（以下「乙」という。）とは、"
                "地域の課題の解決に向けた連携について、次のとおり協定する。")
OWN_CLOSING = "上記のとおり協定したことを証するため、本書２通を作成し、各１通を保持する。"
OVERRIDES = {
    "purpose": "この協定は、甲及び乙が相互に連携し、地域の課題の解決を図ることを目的とする。",
    "confidentiality": "甲及び乙は、連携を通じて知り得た相手方の秘密を第三者に漏らしてはならない。",
    "costs": "連携に要する費用は、各自が負担する。",
    "validity": "この協定の有効期間は、締結の日から令和７年３月31日までとする。",
    "consultation": "この協定に定めのない事項は、甲乙協議の上、決定する。",
}


def kyogisho(title: str | None = None) -> dict:
    data = seed()
    data["agreement"]["title"] = "北海道オホーツク総合振興局と北見工業大学との連携に関する協議"
    doc = data["agreement"]["document"]
    doc.update(kind="協議書", preamble=OWN_PREAMBLE, closing=OWN_CLOSING,
               articles={name: {"text": [text]} for name, text in OVERRIDES.items()})
    doc.pop("purpose")                    # the purpose article's text is the spec's: {purpose} is unused
    if title:
        doc["title"] = title
    return data


def built(tmp_path: Path, spec: Path, *options) -> Path:
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx", "--force", *options)
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp_path / "out" / spec.stem


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    return "".join(p.text for p in document.paragraphs) + "".join(
        c.text for t in document.tables for row in t.rows for c in row.cells)


def subjects(folder: Path, kind: str = "agreement") -> tuple[str, str, str]:
    """(the PDF's /Title, its /Subject, the DOCX's dc:subject)."""
    meta = PdfReader(folder / f"{kind}.pdf").metadata
    return str(meta.get("/Title")), str(meta.get("/Subject")), docx.Document(str(folder / f"{kind}.docx")).core_properties.subject


# ---------------------------------------------------------------- the real cases
@needs_poppler
@pytest.mark.parametrize("cid, kind", [("koto-surrey-1989", "盟約書"), ("ashiya-montebello-1961", "盟約書"),
                                       ("ogawara-zao-1969", "協議書"), ("ogawara-shibata-1973", "協議書"),
                                       # 法務省・国税庁's 合意書 (2021): filed as 協定書 before the kind 合意書
                                       ("moj-nta-touki-2021", "合意書"),
                                       # 常光・中丸・加納三か村's 仮協約書案 (大正): filed as 協定書 before the kind 協約書
                                       ("kitamoto-3villages-taisho", "協約書"),
                                       # 鳥取県・ハバロフスク地方 (2010), 神奈川県・ペナン州 (1991): filed as 協定書
                                       # before the kind 共同声明
                                       ("tottori-khabarovsk-2010", "共同声明"), ("kanagawa-penang-1991", "共同声明"),
                                       # 和歌山県・山東省 (1984): refused before the kind 議定書 (as a 協定書 its
                                       # files would have said 協定書)
                                       ("wakayama-shandong-1984", "議定書"),
                                       # 日本国政府・中華人民共和国政府's amending protocol (1993), likewise
                                       ("mofa-china-air-1993", "議定書"),
                                       # 四大学連合憲章 (2001): refused before the kind 憲章 (as a 協定書 its
                                       # files would have said 協定書)
                                       ("titech-4univ-charter-2001", "憲章")])
def test_a_real_covenant_or_consultation_is_filed_under_its_kind_and_the_product_composes_nothing(
        tmp_path, cid, kind):
    spec = REAL / f"{cid}.yaml"
    assert f"kind: {kind}" in spec.read_text(encoding="utf-8")
    folder = built(tmp_path, spec, "--kinds", "agreement")
    assert subjects(folder)[1:] == (kind, kind)
    own = spec.read_text(encoding="utf-8")
    for text in (no_space(pdf_text(folder / "agreement.pdf")), no_space(docx_text(folder / "agreement.docx"))):
        for word in COMPOSED:
            # a word the spec itself writes (大河原町's 本書弐通, 協定する) is the text's, not composed
            assert word not in text or word in own, (cid, word)
        assert kind[:2] in text                        # its title names it: 盟約書, …盟約, 協議書, 合意書


# ---------------------------------------------------------------- the title's default
@needs_poppler
def test_the_title_s_default_ends_with_the_kind_and_the_files_say_it(tmp_path):
    folder = built(tmp_path, write(tmp_path, kyogisho()), "--kinds", "agreement")
    title = "北海道オホーツク総合振興局と北見工業大学との連携に関する協議書"       # …に関する協議 → …協議書
    assert subjects(folder) == (title, "協議書", "協議書")
    pdf, word = no_space(pdf_text(folder / "agreement.pdf")), no_space(docx_text(folder / "agreement.docx"))
    for text in (pdf, word):
        assert text.startswith("北海道オホーツク総合振興局と北見工業大学との連携に関する協議書"), text[:60]
        assert no_space(OWN_PREAMBLE) in text and no_space(OWN_CLOSING) in text
        assert "本協議" not in text and "協定書" not in text and "を締結する" not in text
        assert "（有効期間）" + OVERRIDES["validity"] in text     # the term as the spec writes it
    assert "第６条（有効期間）" in pdf                     # (the DOCX numbers its articles in Word's list)


@needs_poppler
def test_a_covenant_named_盟約_is_titled_盟約書_and_one_named_otherwise_is_refused(tmp_path):
    """A name ending in 盟約 makes the title …盟約書, the name's own word. A name that
    ends otherwise used to be titled …に関する盟約書, a title no real 盟約書 has (江東区's
    and 芦屋市's name themselves nowhere): the product no longer makes one up, and asks
    for the title at agreement.document.title."""
    data = kyogisho()
    data["agreement"]["document"]["kind"] = "盟約書"
    data["agreement"]["title"] = "オホーツク・北見工大友好盟約"
    folder = built(tmp_path, write(tmp_path, data, "a"), "--kinds", "agreement")
    assert subjects(folder) == ("オホーツク・北見工大友好盟約書", "盟約書", "盟約書")
    data["agreement"]["title"] = "北海道オホーツク総合振興局と北見工業大学との友好"
    spec = write(tmp_path, data, "b")
    message = error(spec)
    assert f"b.yaml:{line_of(spec, 'document:')}: agreement.document.title: not given" in message
    assert "write the document's title" in message and "Traceback" not in message
    assert not (tmp_path / "out" / "b").exists()


# ---------------------------------------------------------------- the other documents
@needs_poppler
def test_the_overview_the_notice_and_the_annual_book_call_it_by_its_name_not_協定書(tmp_path):
    """They name the agreement by agreement.title (…に関する協議), never by a kind they
    were not told: the overview's title is the name and の概要, the annual book's row
    its name."""
    data = kyogisho()
    # the notice's own words about the agreement, as a 協議書's office would write them
    data["press_notice"] = yaml.safe_load(yaml.safe_dump(data["press_notice"], allow_unicode=True)
                                          .replace("協定書", "協議書").replace("協定", "協議"))
    spec = write(tmp_path, data)
    folder = built(tmp_path, spec)
    name = "北海道オホーツク総合振興局と北見工業大学との連携に関する協議"
    overview = no_space(pdf_text(folder / "overview.pdf"))
    assert overview.startswith(name + "の概要") and "協定書" not in overview
    assert "協定書" not in no_space(docx_text(folder / "overview.docx"))
    notice = no_space(pdf_text(folder / "press-notice.pdf"))
    assert "協定" not in notice                      # its words are the spec's (本協議の締結式), none the house's
    result = run_generate("annual", "--fiscal-year", "2023", spec, "-o", tmp_path / "annual", "--format", "pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    book = no_space(pdf_text(tmp_path / "annual" / "annual-2023.pdf"))
    assert name in book and "協議書" not in book and "協定書" not in book


# ---------------------------------------------------------------- refusals
def test_a_covenant_left_to_the_generated_preamble_and_closing_is_refused_at_each_key(tmp_path):
    data = kyogisho()
    data["agreement"]["title"] = "北海道オホーツク総合振興局と北見工業大学との友好盟約"   # titled …盟約書
    doc = data["agreement"]["document"]
    doc.update(kind="盟約書", subject="友好")
    del doc["preamble"], doc["closing"]
    spec = write(tmp_path, data)
    err = error(spec)
    at = line_of(spec, "  document:")               # the section, where neither is written
    assert (f"error: {spec}:{at}: agreement.document.preamble: a 盟約書 says what it does in its own words"
            in err), err
    assert f"error: {spec}:{at}: agreement.document.closing: a 盟約書 names itself in its own words" in err, err
    assert err.count("error:") == 2, err              # nothing else: the articles are the spec's


def test_a_name_of_another_kind_is_the_one_error_not_the_kind_s_wording(tmp_path):
    """A 盟約書 whose name ends in 協議 (a 協議書's word): the kind may be the wrong one,
    and the title's refusal is the cause, reported alone; the preamble and closing the
    kind would need (each an error of its own otherwise) wait until name and kind agree."""
    data = kyogisho()
    doc = data["agreement"]["document"]
    doc.update(kind="盟約書", subject="友好")
    del doc["preamble"], doc["closing"]
    spec = write(tmp_path, data)
    err = error(spec)
    at = line_of(spec, "  document:")
    assert err.startswith(f"error: {spec}:{at}: agreement.document.title: not given, and the agreement's name"
                          " (北海道オホーツク総合振興局と北見工業大学との連携に関する協議) ends in 協議, a 協議書's word"), err
    assert err.count("error:") == 1, err


def test_a_name_without_the_kind_s_word_is_refused_first_then_its_wording(tmp_path):
    """A 盟約書 whose name ends in no kind's word: the title to write is the first error,
    then what the kind's own words need (preamble, closing), which the title does not settle."""
    data = kyogisho()
    data["agreement"]["title"] = "北海道オホーツク総合振興局と北見工業大学との友好"
    doc = data["agreement"]["document"]
    doc.update(kind="盟約書", subject="友好")
    del doc["preamble"], doc["closing"]
    spec = write(tmp_path, data)
    errors = [line for line in error(spec).splitlines() if line.startswith("error:")]
    keys = [line.split(": ")[2] for line in errors]             # error: <file>:<line>: <key>: …
    assert keys == ["agreement.document.title", "agreement.document.preamble", "agreement.document.closing"], errors
    assert "does not end in 盟約 or 盟約書" in errors[0], errors[0]


def test_a_standard_article_that_names_the_document_is_refused_in_a_consultation(tmp_path):
    data = kyogisho()
    data["agreement"]["document"]["articles"].pop("costs")    # the set's: {doc}に基づく連携に要する費用…
    data["agreement"]["document"]["articles"].pop("validity")  # the generated term: {doc}の有効期間は、…
    spec = write(tmp_path, data)
    err = error(spec)
    line = line_of(spec, "standard: 包括連携")
    for heading, name in (("費用負担", "costs"), ("有効期間", "validity")):
        assert (f"error: {spec}:{line}: agreement.document.standard: the article 「{heading}」 of the standard set"
                f" '包括連携' names the document by its word ({{doc}}: 本協定, 本覚書 …), and a 協議書 has none"
                f" the product may write (real ones do not agree): give the article a text of its own"
                f" (document.articles.{name}.text), or remove it") in err, err
    assert err.count("error:") == 2, err


def test_the_spec_s_own_text_of_a_consultation_may_call_it_協定(tmp_path):
    """大河原町's 協議書 say 協定する: no kind's word is held against the text of a kind
    without one (a 覚書's own 本協定 is refused: test_agreement_wording)."""
    data = kyogisho()
    data["agreement"]["document"]["articles"]["consultation"] = {"text": ["本協定に定めのない事項は、甲乙協議の上、決定する。"]}
    result = run_generate("check", write(tmp_path, data))
    assert result.returncode == 0, result.stderr
