"""Where the spec begins a new page in an agreement's text (new_page: on an article,
true or after_heading, and on a paragraph), as a secretariat reproducing its signed
copy needs it: the six A3 sheets of クライシスマッパーズ・ジャパン break where their copies
do (the text of each half read back from the real PDF, the DOCX's pageBreakBefore on
the right paragraph, LibreOffice's conversion breaking there too); a standard set's
article changed by the spec breaks; the signatures stay with the last article's part
after its break; a break the product cannot honour where it is written is an error
naming the key."""
from __future__ import annotations

import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pdfplumber
import pytest
import yaml
from lxml import etree

from conftest import ROOT, needs_poppler, no_space, run_generate
from jpdocs.content.agreement.article_sets import load_sets
from jpdocs.content.markup import parse
from jpdocs.errors import InputError
from jpdocs.spec.style import load_style
from jpdocs.writers.pdf import render_pdf, render_pdf_layout
from test_agreement import build, pages_text, write_spec
from test_articles import line_of, problems_of

REAL = ROOT / "tests" / "data" / "real"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HALF = 595.28

# (case, the left page's last words, the right page's first words, the text of the DOCX
# paragraph that begins the new page, where Word numbers 第５条 itself), as each
# facts file's fixed: comment records the copy's break
CASES = [
    ("akaiwa-cmj-2020", "その都度甲乙協議して定めるものとする。", "（災害補償等）第６条", "（災害補償等）"),
    ("fuchu-cmj-2017", "平常時から連絡担当を定めることとする。", "（経費の負担）第６条", "（経費の負担）"),
    ("hino-cmj-2017", "平常時から連絡担当を定めることとする。", "（費用の負担）第５条", "（費用の負担）"),
    ("kunitachi-cmj-2018", "原則として乙の負担とする。", "２前項の規定にかかわらず、経費の負担について",
     "２　前項の規定にかかわらず、経費の負担について"),
    ("tama-cmj-2017", "連絡担当を定めることとする。（費用の負担）", "第５条第２条及び第３条に規定する",
     "第２条及び第３条に規定する乙の活動等"),         # (第５条　: Word's number, its gap too)
    ("yokoze-cmj-2017", "その都度甲乙協議して定めるものとする。", "（災害補償等）第６条", "（災害補償等）"),
]


def halves(pdf: Path) -> list[str]:
    """Each half of each A3 sheet, its text without spaces and page numbers (- 1 -)."""
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for x0, x1 in ((0, HALF), (HALF, page.width)):
                chars = sorted((c for c in page.chars if c["x0"] >= x0 and c["x1"] <= x1),
                               key=lambda c: (round(c["top"]), c["x0"]))
                out.append(re.sub(r"-\d+-", "", no_space("".join(c["text"] for c in chars))))
    return [h for h in out if h]


def numberless(pdf: Path) -> list[str]:
    """Each page's text without spaces and without its number (- 2 -)."""
    return [re.sub(r"-\d+-", "", page) for page in pages_text(pdf)]


def docx_paragraphs(path: Path) -> list[etree._Element]:
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return list(body.iter(W + "p"))


def text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


def breaks_before(path: Path) -> list[etree._Element]:
    return [p for p in docx_paragraphs(path) if p.find(f"{W}pPr/{W}pageBreakBefore") is not None]


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("page-breaks")
    out = {}
    for cid, *_ in CASES:
        result = run_generate(REAL / f"{cid}.yaml", "-o", root, "--kinds", "agreement", "--format", "pdf,docx")
        assert result.returncode == 0, result.stderr
        out[cid] = root / cid / "agreement.pdf"
    return out


@pytest.mark.parametrize("cid, left_end, right_start, docx_start", CASES, ids=[c[0] for c in CASES])
def test_the_sheets_left_page_ends_where_the_copy_ends_it(real, cid, left_end, right_start, docx_start):
    pages = halves(real[cid])
    assert len(pages) == 2, pages
    assert pages[0].endswith(left_end), pages[0][-60:]
    assert pages[1].startswith(right_start), pages[1][:60]
    # the DOCX a secretariat edits: one page break, Word's pageBreakBefore, on that paragraph
    docx = real[cid].with_suffix(".docx")
    [first] = breaks_before(docx)
    assert text_of(first).startswith(docx_start), text_of(first)


def kept_with_next(p, styles) -> bool:
    """Whether Word keeps paragraph `p` with the next: its own keepNext, else its style's
    (through basedOn), as Word resolves it; w:val 0 or false is off."""
    def on(e):
        return e.get(f"{W}val", "1") not in ("0", "false")
    own = p.find(f"{W}pPr/{W}keepNext")
    if own is not None:
        return on(own)
    style = p.find(f"{W}pPr/{W}pStyle")
    sid = style.get(f"{W}val") if style is not None else None
    while sid:
        s = styles.find(f"{W}style[@{W}styleId='{sid}']")
        if s is None:
            return False
        keep = s.find(f"{W}pPr/{W}keepNext")
        if keep is not None:
            return on(keep)
        based = s.find(f"{W}basedOn")
        sid = based.get(f"{W}val") if based is not None else None
    return False


def test_a_heading_the_spec_leaves_at_a_pages_foot_is_not_kept_with_its_text_in_word(real):
    # tama: （費用の負担） ends the left page (new_page: after_heading), so Word must not keep
    # it with 第５条 on the next: keepNext off on that line alone (its own keepNext w:val 0
    # where its style, 条見出し, keeps; the other headings kept by the style)
    docx = real["tama-cmj-2017"].with_suffix(".docx")
    styles = etree.fromstring(zipfile.ZipFile(docx).read("word/styles.xml"))
    paragraphs = docx_paragraphs(docx)
    heading = next(p for p in paragraphs if text_of(p) == "（費用の負担）")
    assert not kept_with_next(heading, styles)
    others = [p for p in paragraphs if re.fullmatch(r"（.+）", text_of(p)) and p is not heading]
    assert others and all(kept_with_next(p, styles) for p in others)
    following = heading.getnext()
    assert following.find(f"{W}pPr/{W}pageBreakBefore") is not None


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@needs_poppler
def test_libreoffice_breaks_the_docx_where_the_copy_breaks(real, tmp_path):
    from test_docx_pages import convert, pages
    for cid, left_end, right_start, _ in CASES:
        pdf = convert(real[cid].with_suffix(".docx"), tmp_path / cid)
        printed = pages(pdf)
        assert len(printed) == 2, (cid, printed)
        assert printed[0].endswith(left_end), (cid, printed[0][-60:])
        assert printed[1].startswith(right_start), (cid, printed[1][:60])


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@needs_poppler
def test_libreoffice_keeps_the_break_before_the_signatures_kept_row(tmp_path):
    from test_docx_pages import convert, pages
    spec = write_spec(tmp_path, "lastlo", articles={"consultation": {"text": [
        "本協定に定めのない事項又は本協定の内容に疑義が生じた事項については、甲乙協議の上、決定する。",
        {"text": "前項の協議が調わないときは、甲乙それぞれの代表者が協議する。", "new_page": True}]}})
    printed = pages(convert(build(spec, tmp_path / "out") / "agreement.docx", tmp_path / "lo"))
    assert printed[-2].endswith("甲乙協議の上、決定する。"), printed[-2][-40:]
    assert printed[-1].startswith("２前項の協議が調わないときは"), printed[-1][:40]
    assert "北見工業大学学長" in printed[-1]


# ------------------------------------------------- a standard set's articles, A4 pages
def test_a_standard_article_the_spec_changes_begins_a_page_and_a_paragraph_of_it_another(tmp_path):
    spec = write_spec(tmp_path, "std", articles={
        "promotion": {"new_page": True},
        "confidentiality": {"text": ["甲及び乙は、相互に知り得た秘密を第三者に漏らしてはならない。",
                                     {"text": "前項の規定は、本協定の終了後も有効とする。", "new_page": True}]}})
    pages = numberless(build(spec, tmp_path / "out") / "agreement.pdf")
    assert len(pages) == 3, pages
    assert pages[1].startswith("第３条（推進体制）"), pages[1][:40]
    assert pages[1].endswith("相互に知り得た秘密を第三者に漏らしてはならない。"), pages[1][-40:]
    assert pages[2].startswith("２前項の規定は、本協定の終了後も有効とする。"), pages[2][:40]
    texts = [text_of(p) for p in breaks_before(tmp_path / "out" / "std" / "agreement.docx")]
    assert [t[:6] for t in texts] == ["（推進体制）", "前項の規定は"], texts


def test_the_signatures_stay_with_the_last_articles_part_after_its_break(tmp_path):
    spec = write_spec(tmp_path, "last", articles={"consultation": {"text": [
        "本協定に定めのない事項又は本協定の内容に疑義が生じた事項については、甲乙協議の上、決定する。",
        {"text": "前項の協議が調わないときは、甲乙それぞれの代表者が協議する。", "new_page": True}]}})
    folder = build(spec, tmp_path / "out")
    pages = numberless(folder / "agreement.pdf")
    assert pages[-2].endswith("甲乙協議の上、決定する。"), pages[-2][-40:]
    last = pages[-1]
    assert last.startswith("２前項の協議が調わないときは"), last[:40]
    assert "本協定の締結を証するため" in last and "北見工業大学学長" in last
    # Word honours no pageBreakBefore in a table's cell: a hairline paragraph before the
    # row that keeps the part with the signatures holds it
    [p] = breaks_before(folder / "agreement.docx")
    assert text_of(p) == "" and p.getnext().tag == W + "tbl"
    assert "前項の協議が調わないときは" in "".join(text_of(q) for q in p.getnext().iter(W + "p"))


def test_a_new_page_before_the_last_article_takes_the_signatures_with_it(tmp_path):
    spec = write_spec(tmp_path, "lastart", articles={"consultation": {"new_page": True}})
    pages = numberless(build(spec, tmp_path / "out") / "agreement.pdf")
    assert pages[-1].startswith("第７条（協議）"), pages[-1][:40]
    assert "北見工業大学学長" in pages[-1]
    assert "第７条" not in pages[-2]


def test_the_break_goes_to_the_next_half_of_a_sheet_and_adds_no_empty_page():
    # two breaks in a row: the second finds its page just begun and adds none, as Word's
    # pageBreakBefore adds none; on an A3 sheet the text's next page is the right half,
    # where reportlab's page break (a cover's) starts the next sheet
    markup = ('<document kind="agreement" title="t"><p>一頁目</p><pagebreak text_page="yes"/>'
              '<pagebreak text_page="yes"/><p>二頁目</p>{}<p>三頁目</p></document>')
    style = load_style()
    a4 = render_pdf(parse(markup.format('<pagebreak text_page="yes"/>')), style)
    assert [no_space(t) for t in _pages_of(a4)] == ["一頁目", "二頁目", "三頁目"]
    sheet = style.model_copy(update={"agreement": style.agreement.model_copy(update={"pages_per_sheet": 2})})
    folded = render_pdf(parse(markup.format('<pagebreak text_page="yes"/>')), sheet)
    assert _halves_of(folded) == [("一頁目", "二頁目"), ("三頁目", "")]
    cover_like = render_pdf(parse(markup.format("<pagebreak/>")), sheet)
    assert _halves_of(cover_like) == [("一頁目", "二頁目"), ("三頁目", "")]
    # (the cover's break: from the right half to the next sheet as well; from the left half,
    # over the right one)
    cover_like = render_pdf(parse(markup.replace('<pagebreak text_page="yes"/><pagebreak text_page="yes"/>',
                                                 "<pagebreak/>").format("")), sheet)
    assert _halves_of(cover_like) == [("一頁目", ""), ("二頁目三頁目", "")]


def _pages_of(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [re.sub(r"-\d+-", "", no_space(p.extract_text() or "")) for p in doc.pages]


def _halves_of(pdf: bytes) -> list[tuple[str, str]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [tuple(re.sub(r"-\d+-", "", no_space(p.crop(box).extract_text() or ""))
                      for box in ((0, 0, HALF, p.height), (HALF, 0, p.width, p.height))) for p in doc.pages]


# ------------------------------------------------- what cannot be honoured where written
def test_a_new_page_at_an_articles_first_paragraph_is_an_error_naming_the_key(tmp_path):
    spec = write_spec(tmp_path, "first", extra_articles=[
        {"heading": "個人情報", "text": [{"text": "甲及び乙は、個人情報を保護する。", "new_page": True}]}])
    assert problems_of(spec) == [
        (str(spec), line_of(spec, "new_page: true"), "agreement.document.extra_articles[0].text[0].new_page",
         "a new page at the first paragraph of 第７条: say new_page: true on the article (a new page before it)"
         " or new_page: after_heading (between its heading and its text)")]


def test_after_heading_where_the_house_runs_the_heading_into_the_text_is_an_error(tmp_path):
    spec = write_spec(tmp_path, "runin", articles={"costs": {"new_page": "after_heading"}})
    run_in = load_style().model_copy(update={"agreement": load_style().agreement.model_copy(
        update={"article_heading": "", "article_lead": "{number}（{heading}）　"})})
    assert problems_of(spec, run_in) == [
        (str(spec), line_of(spec, "new_page: after_heading"), "agreement.document.articles.costs.new_page",
         "new_page: after_heading, and 第５条 has no heading line of its own (its heading, if any, is set in its"
         " text's first line): say new_page: true, a new page before the article")]
    # an article without a heading has none either
    spec = write_spec(tmp_path, "noheading", extra_articles=[
        {"text": ["甲及び乙は、協力する。"], "new_page": "after_heading"}])
    [(_, line, key, message)] = problems_of(spec)
    assert (line, key) == (line_of(spec, "new_page: after_heading"), "agreement.document.extra_articles[0].new_page")
    assert message.startswith("new_page: after_heading, and 第７条 has no heading line of its own")


def test_a_new_page_before_a_removed_article_is_an_error(tmp_path):
    spec = write_spec(tmp_path, "removed", articles={"costs": {"remove": True, "new_page": True}})
    assert problems_of(spec) == [
        (str(spec), line_of(spec, "new_page: true"), "agreement.document.articles.costs.new_page",
         "a new page before an article that remove: true takes out: it would have no effect")]


def test_a_standard_sets_paragraph_breaks_no_page(tmp_path):
    sets = tmp_path / "sets.yaml"
    sets.write_text("試し:\n  subject: 連携\n  articles:\n    - name: purpose\n      heading: 目的\n      text:\n"
                    "        - 甲及び乙は、連携する。\n        - text: 甲及び乙は、協力する。\n          new_page: true\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_sets(sets)
    [p] = raised.value.problems
    assert (p.file, p.line, p.key) == (str(sets), 9, "試し.articles[0].text[1].new_page")
    assert p.message.startswith("a standard set's paragraph begins no new page")


def test_the_command_line_refuses_it_with_the_file_line_and_key_and_writes_nothing(tmp_path):
    data = yaml.safe_load((REAL / "tama-cmj-2017.yaml").read_text(encoding="utf-8"))
    data["style"] = str(REAL / "styles" / "cmj-tama.yaml")
    data["agreement"]["document"]["extra_articles"][0]["text"] = [
        {"text": data["agreement"]["document"]["extra_articles"][0]["text"][0], "new_page": True}]
    spec = tmp_path / "bad.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{spec}:{line_of(spec, 'new_page: true')}" in result.stderr
    assert "agreement.document.extra_articles[0].text[0].new_page" in result.stderr
    assert not list((tmp_path / "out").rglob("*.pdf")) and not list((tmp_path / "out").rglob("*.docx"))


# ------------------------------------------------- the text before a break, too long for its page
def _akaiwa(tmp_path: Path, name: str, change) -> Path:
    """赤磐市's A3 sheet (its 第６条 begins the right half: new_page), changed by `change`."""
    data = yaml.safe_load((REAL / "akaiwa-cmj-2020.yaml").read_text(encoding="utf-8"))
    data["style"] = str(REAL / "styles" / "cmj-akaiwa.yaml")
    change(data["agreement"]["document"])
    spec = tmp_path / f"{name}.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return spec


def _longer(document) -> None:
    research = document["extra_articles"][1]        # 第２条（調査研究の実施）, eight paragraphs more
    research["text"] = research["text"] + [research["text"][0]] * 8


def test_a_break_whose_text_before_runs_past_its_page_is_noted_at_its_key_and_line(tmp_path):
    spec = _akaiwa(tmp_path, "long", _longer)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    # what the note says is what the PDF shows: 第５条 runs onto the right half, and the
    # break sends 第６条 to the next sheet, where the copy has it on the right half
    pages = halves(tmp_path / "out" / "long" / "agreement.pdf")
    assert not pages[1].startswith("（災害補償等）第６条") and "第５条" in pages[1], pages[1][:60]
    assert pages[2].startswith("（災害補償等）第６条"), pages[2][:60]
    key = "agreement.document.extra_articles[5].new_page"
    [note] = [line for line in result.stdout.splitlines() if key in line]
    assert note.startswith(f"note: {spec}:{line_of(spec, 'new_page: true')}: {key}: ")
    assert "from the beginning of the text, took 2 pages of the PDF (pages 1 to 2)" in note
    ja = run_generate(spec, "-o", tmp_path / "ja", "--kinds", "agreement", "--format", "docx",
                      env={**os.environ, "LANG": "ja_JP.UTF-8", "LANGUAGE": "", "LC_ALL": ""})
    [note] = [line for line in ja.stdout.splitlines() if key in line]    # (the PDF laid out for a DOCX too)
    assert "本文の初めから PDF で2ページ（1～2ページ）になりました" in note


def _longer_after(document) -> None:
    compensation = document["extra_articles"][5]    # 第６条（災害補償等）, after the break, ten paragraphs more
    compensation["text"] = compensation["text"] + [compensation["text"][-1]] * 10


def test_the_text_after_the_last_break_running_onto_a_further_page_is_noted_at_that_break(tmp_path):
    """赤磐市's right half (第６条 to the signatures) made longer than a half: the note at
    its new_page names the pages the text after it took, the PDF's last half beyond the
    copy's one sheet; in Japanese too."""
    spec = _akaiwa(tmp_path, "after", _longer_after)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    pages = halves(tmp_path / "out" / "after" / "agreement.pdf")
    assert len(pages) == 3 and pages[1].startswith("（災害補償等）第６条") and "古橋大地" in pages[2]
    key = "agreement.document.extra_articles[5].new_page"
    [note] = [line for line in result.stdout.splitlines() if key in line]
    assert note == (f"note: {spec}:{line_of(spec, 'new_page: true')}: {key}: the text after this new page, to the"
                    " signatures, took 2 pages of the PDF (pages 2 to 3): where the signed copy has it on one page,"
                    " it does not fit the house's page, and the PDF ends on a further page than the copy")
    ja = run_generate(spec, "-o", tmp_path / "ja", "--kinds", "agreement", "--format", "docx",
                      env={**os.environ, "LANG": "ja_JP.UTF-8", "LANGUAGE": "", "LC_ALL": ""})
    [note] = [line for line in ja.stdout.splitlines() if key in line]
    assert "この改ページの後の本文は、署名欄まで PDF で2ページ（2～3ページ）になりました" in note


def test_the_six_sheets_whose_text_fits_before_each_break_have_no_such_note():
    result = run_generate("check", *[REAL / f"{cid}.yaml" for cid, *_ in CASES])
    assert result.returncode == 0, result.stderr
    assert "new page" not in result.stdout, result.stdout


def test_where_each_break_fell_is_counted_in_pages_an_a3_sheets_halves_each_one():
    # after a page just begun a break adds none: the text before it ended on the page before
    markup = ('<document kind="agreement" title="t"><p>一頁目</p><pagebreak text_page="yes" key="a"/>'
              '<pagebreak text_page="yes" key="b"/><p>二頁目</p><pagebreak text_page="yes" key="c"/>'
              '<p>三頁目</p><pagebreak text_page="yes"/><p>annex</p></document>')
    style = load_style()
    sheet = style.model_copy(update={"agreement": style.agreement.model_copy(update={"pages_per_sheet": 2})})
    for house in (style, sheet):
        found = []
        render_pdf_layout(parse(markup), house, breaks=found)
        # and where the text ends (the page before the annex's break): 三頁目's
        assert [(b.key, b.last, b.next, b.at_top, b.end) for b in found] == [
            ("a", 0, 1, False, False), ("b", 0, 1, True, False), ("c", 1, 2, False, False), ("", 2, 3, False, True)]


class _Loaded:
    """What break_notes asks of a loaded spec: its path and the line of a key."""
    path = Path("spec.yaml")

    def line_of(self, key) -> int:
        return {"a": 3, "b": 4, "c": 5}[key[0]]


def test_a_break_straight_after_another_is_noted_as_adding_no_page():
    """Two breaks with no text between them (a and b above): the second adds no page, and
    nothing prints the empty page a copy might have there; the note says so at its key.
    A break that falls where the text before it filled its page exactly is no news."""
    from jpdocs.build.page_notes import break_notes
    markup = ('<document kind="agreement" title="t"><p>一頁目</p><pagebreak text_page="yes" key="a"/>'
              '<pagebreak text_page="yes" key="b"/><p>二頁目</p><pagebreak text_page="yes" key="c"/>'
              '<p>三頁目</p></document>')
    for halves in (1, 2):
        style = load_style()
        house = style.model_copy(update={"agreement": style.agreement.model_copy(update={"pages_per_sheet": halves})})
        found = []
        render_pdf_layout(parse(markup), house, breaks=found)
        notes = break_notes(_Loaded(), found, halves, False)
        assert [(n.line, n.key, n.message) for n in notes] == [
            (4, "b", "this new page comes straight after the new page at a, with no text between them: it adds no"
                     " page (an empty page is never printed), so where the signed copy leaves a page empty here,"
                     " the pages from here on do not match the copy")]


# ------------------------------------------------- annexes on A3 sheets
def _annexes(count: int, short: bool):
    forms = [{"heading": "別記様式", "parts": ["連絡責任者選任届"]}, {"heading": "別表", "parts": ["一覧"]},
             {"heading": "別紙", "parts": ["その他の事項"]}][:count]

    def change(document):
        document["annexes"] = forms
        if short:            # 第１条, 第２条 and the last two: the text and signatures on the left half
            document["extra_articles"] = document["extra_articles"][:2] + document["extra_articles"][6:]
    return change


def test_an_annex_begins_on_the_sheets_next_half_as_the_texts_breaks_do(tmp_path):
    spec = _akaiwa(tmp_path, "annex", _annexes(1, short=True))
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / "annex" / "agreement.pdf"
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == 1               # not a second sheet, its left half the annex's
        raw = no_space(doc.pages[0].extract_text())
    left, right = _halves_of(pdf.read_bytes())[0]
    assert left.endswith("理事長古橋大地") and right == "別記様式連絡責任者選任届", (left[-30:], right)
    # one page of text: no page number, where a new sheet left a blank right half numbered - 2 -
    assert not re.search(r"-\d+-", raw), raw


def test_annexes_after_a_full_sheet_fill_the_next_sheets_halves_unnumbered(tmp_path):
    spec = _akaiwa(tmp_path, "annexes", _annexes(3, short=False))
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    pdf = (tmp_path / "out" / "annexes" / "agreement.pdf").read_bytes()
    assert _halves_of(pdf)[1:] == [("別記様式連絡責任者選任届", "別表一覧"), ("別紙その他の事項", "")]
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        numbers = [re.findall(r"-\d+-", no_space(p.extract_text())) for p in doc.pages]
    assert numbers == [["-1-", "-2-"], [], []]       # the text's two halves alone
