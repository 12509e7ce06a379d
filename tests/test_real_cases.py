"""Real cases: public notices and agreements of many offices, checked on the built PDF.

Each case in tests/data/real is a pair: <id>.yaml, a spec written from the public
page (facts only, prose paraphrased), and <id>.facts.yaml, the facts that page
states — its sources, `expect` (fragments the built PDF must carry, as the office
writes them), `expect_as_printed` (the same facts in the house form, where the
office's own form cannot be chosen yet), `expect_lines` (lines the page sets apart,
each a whole line of the PDF), `cover_page` (an agreement's cover, every line of
its first page), `absent` (what must not print: a fragment, a whole line or a
text but inside words named: real_absent.py)
and `needs` (what the real document says that the format cannot say yet). A facts
file without a spec is `pending`: the page is real, but the format cannot state it
without inventing something (a date a draft does not have, a signer a page does
not name); it says why.

Every case is built once, with the real command line (PDF only). Besides its own
fragments, each built document is held to the general rules: no sentence with an
empty slot, no phone kind the spec did not give, every 締結者 line names its
organisation on the line where the name stands, no 様 after a head the spec gives
no honorific (never on the issuer's own side), every figure and every word printed
the spec's (or its house style's, or the product's own wording: printed_figures.py,
printed_words.py), and the independent checker ../shared/tools/jpcheck.py finds no
violation.

A check that fails because the product prints something untrue is not weakened:
the case's facts file names the defect under `xfail: {test: reason}`, and the test
is marked xfail(strict=True) for that case only.
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import docx
import pdfplumber
import pytest
import yaml
from docx.oxml.ns import qn

from conftest import ROOT, needs_poppler, pdf_text, run_generate
from docx_reading import docx_text
from printed_figures import spec_figures, unsaid_figures
from printed_words import closings_in_notes, said_words, unsaid_words
from real_absent import fold, prints_absent, refusal

REAL = Path(__file__).resolve().parent / "data" / "real"
FACTS = {p.name.removesuffix(".facts.yaml"): p for p in sorted(REAL.glob("*.facts.yaml"))}
BUILT = [cid for cid in FACTS if (REAL / f"{cid}.yaml").is_file()]
PENDING = [cid for cid in FACTS if cid not in BUILT]
PHONE_KINDS = ("直通", "代表")
EMPTY_SLOTS = ("は、までに", "、までに", "、、", "。。", "、。", "。、", "()", "「」", "までにまでに", "(内線)")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def baseline(c: dict, page_height: float) -> int:
    """A glyph's baseline from the page's top, rounded: glyphs of two sizes on one line
    (a name set larger than its title, agreement.name_size) have bottoms apart by their
    descents, and one baseline."""
    return round(page_height - c["matrix"][5])


def baseline_rows(page, blank: bool = True) -> list[list[dict]]:
    """A page's glyphs (without the blank ones unless `blank`) grouped by baseline, top
    to bottom, each row left to right."""
    rows = defaultdict(list)
    for c in page.chars:
        if blank or c["text"].strip():
            rows[baseline(c, page.height)].append(c)
    return [sorted(rows[key], key=lambda c: c["x0"]) for key in sorted(rows)]


def visual_lines(pdf: Path) -> list[str]:
    """The lines a reader sees: glyphs grouped by page and baseline, left to right."""
    with pdfplumber.open(pdf) as doc:
        return ["".join(c["text"] for c in row) for page in doc.pages for row in baseline_rows(page)]


def _jpcheck():
    path = ROOT.parent / "shared" / "tools" / "jpcheck.py"
    if not path.is_file():
        pytest.skip("../shared/tools/jpcheck.py not present")
    sys.path.insert(0, str(path.parent))
    import jpcheck
    return jpcheck


def cases(test: str, notices_only: bool = False, fact: str | None = None) -> list:
    """The built cases (those of the notices, or those whose facts file states `fact`),
    each marked xfail(strict) where its facts file names a defect of the product for
    this test."""
    params = []
    for cid in BUILT:
        if notices_only and "press_notice" not in load(REAL / f"{cid}.yaml"):
            continue
        if fact and not load(FACTS[cid]).get(fact):
            continue
        reason = (load(FACTS[cid]).get("xfail") or {}).get(test)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(cid, marks=marks, id=cid))
    return params


class Case:
    def __init__(self, cid: str, out: Path, output: str = ""):
        self.id = cid
        self.output = output            # the build's standard output and error (its notes)
        self.spec = load(REAL / f"{cid}.yaml")
        self.facts = load(FACTS[cid])
        self.dir = out / cid
        self.pdfs = sorted(self.dir.glob("*.pdf"))
        self.texts = {p.stem: pdf_text(p) for p in self.pdfs}
        # the DOCX the secretariat edits and signs, read back from its XML (the
        # proof-reader's checks read it as they read the PDFs)
        self.docx_texts = {p.name: docx_text(p) for p in sorted(self.dir.glob("*.docx"))}

    @property
    def all_text(self) -> str:
        return fold("\n".join(self.texts.values()))

    def parties(self) -> list[dict]:
        return list(self.spec["parties"].values())

    def names(self, party: dict) -> list[str]:
        return [n for n in (party["name"], party.get("formal_name"), party.get("short_name")) if n]

    def signer(self, party: dict) -> dict:
        """Who signs ({} for a party that names no head: no document prints one)."""
        return party.get("signatory") or party.get("representative") or {}

    def issuing(self, party: dict) -> bool:
        if party.get("issuing") is not None:
            return party["issuing"]
        return self.spec["issuer"] in self.names(party)

    def notice_signatories(self) -> list[dict]:
        """The parties the notice's 締結者 item lists; none where the spec's ki: has no
        such item (a notice that names its signers only in the running text)."""
        ki = self.spec["press_notice"].get("ki")
        if ki is not None and not any(
                (entry if isinstance(entry, str) else entry.get("item")) == "signatories" for entry in ki):
            return []
        ceremony = self.spec["press_notice"].get("ceremony")
        if ceremony is None and ki is None:    # no ceremony written: no default 締結者 (h155)
            return []
        ids = ((ceremony or {}).get("signatories") or list(self.spec["parties"]))
        return [self.spec["parties"][i] for i in ids]

    def house_notice(self) -> dict:
        """The notice: section of the case's house style (its own file, if it names one)."""
        style = self.spec.get("style")
        return (load(REAL / style).get("notice") or {}) if style else {}

    def name_above_title(self) -> bool:
        """Whether the case's house style sets each block's name over its title
        (agreement.name_line: above_title, as 鳥取県's page of 1994)."""
        style = self.spec.get("style")
        return bool(style) and (load(REAL / style).get("agreement") or {}).get("name_line") == "above_title"

    def block_text(self, title: str, name: str) -> str:
        """A block's title and name as its PDF's text reads them: the title then the
        name, or the name then the title where the house sets the name above it."""
        return fold(name) + fold(title) if self.name_above_title() else fold(title) + fold(name)

    def signatory_line(self, party: dict) -> str:
        """北見市　市長　○○ — the organisation left out where the title begins with it
        (the title alone where the spec names the head so: 徳島大学長); in a house that
        sets the name first, （三浦市）吉田英男市長, or the title in brackets after it,
        （三浦市）吉田英男様（市長）."""
        title = self.signer(party)["title"]
        org = "" if any(title.startswith(n) for n in self.names(party)) else party["name"]
        name = self.signer(party).get("name")
        if name and self.house_notice().get("signer_order") == "name_title":
            return (f"（{org}）" if org else "") + name + title
        if name and self.house_notice().get("signer_order") == "name_bracketed_title":
            return (f"（{org}）" if org else "") + name + (party.get("honorific") or "") + f"（{title}）"
        return org + title + (name or "")

    def phone_kinds_given(self) -> set[str]:
        notice = self.spec.get("press_notice") or {}
        contacts = list(notice.get("contacts") or [])
        request = notice.get("press_request") or {}
        if request.get("contact"):
            contacts.append(request["contact"])
        kinds = {c["phone_kind"] for c in contacts if c.get("phone_kind")}
        return kinds | {p["kind"] for c in contacts for p in c.get("phones") or [] if p.get("kind")}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Case]:
    """Every real spec built once, in one run of the real command line: the PDFs and
    the DOCX (the proof-reader's checks read both; one run parses each spec once)."""
    out = tmp_path_factory.mktemp("real")
    specs = [REAL / f"{cid}.yaml" for cid in BUILT]
    result = run_generate(*specs, "-o", out, "--format", "pdf,docx", "--jobs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    return {cid: Case(cid, out, result.stdout + result.stderr) for cid in BUILT}


def test_every_case_records_its_sources_and_what_it_checks():
    assert len(BUILT) >= 10 and FACTS, "the real cases are missing"
    for cid, path in FACTS.items():
        facts = load(path)
        assert facts.get("id") == cid, path
        if cid in BUILT:
            assert facts.get("sources"), path
            assert facts.get("expect"), path
            assert isinstance(facts.get("needs", []), list), path
        else:
            assert facts.get("pending"), f"{path}: a facts file without a spec must say why (pending:)"


def test_every_real_spec_passes_check():
    """`generate.py check` accepts every real spec (one run for all of them)."""
    result = run_generate("check", *[REAL / f"{cid}.yaml" for cid in BUILT])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("ok: ") == len(BUILT), result.stdout


@pytest.mark.parametrize("cid", PENDING)
def test_a_pending_case_says_what_the_format_lacks(cid):
    facts = load(FACTS[cid])
    entries = facts.get("cases") or [facts]
    for entry in entries:
        assert entry.get("sources"), (cid, entry.get("id"))
        assert entry.get("needs"), (cid, entry.get("id"))
        for need in entry["needs"]:
            assert need.get("feature") and need.get("says"), (cid, need)


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_the_facts_of_the_page_are_printed"))
def test_the_facts_of_the_page_are_printed(cid, built):
    case = built[cid]
    assert case.pdfs, f"{cid}: nothing was built"
    text = case.all_text
    wanted = list(case.facts.get("expect") or []) + list(case.facts.get("expect_as_printed") or [])
    missing = [f for f in wanted if fold(str(f)) not in text]
    assert not missing, (cid, missing)


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_the_lines_of_the_page_are_lines", fact="expect_lines"))
def test_the_lines_of_the_page_are_lines(cid, built):
    """`expect_lines`: what the page sets as a line of its own (an address under its
    venue, a step of the 次第) is a whole line of the built notice as a reader sees it;
    the fragments of `expect` cannot tell, for they are read with the lines joined."""
    case = built[cid]
    lines = {fold(line) for pdf in case.pdfs for line in visual_lines(pdf)}
    missing = [f for f in case.facts["expect_lines"] if fold(str(f)) not in lines]
    assert not missing, (cid, missing)


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_the_lines_stand_in_the_page_s_order", fact="expect_runs"))
def test_the_lines_stand_in_the_page_s_order(cid, built):
    """`expect_runs`: lines the page sets one after another (a date and the category under
    it, a closing's date, office and name) are whole lines of one built PDF, each run
    straight after one another in the order given, nothing between them."""
    case = built[cid]
    pages = [[fold(line) for line in visual_lines(pdf)] for pdf in case.pdfs]
    for run in case.facts["expect_runs"]:
        run = [fold(str(line)) for line in run]
        found = any(lines[i:i + len(run)] == run for lines in pages for i in range(len(lines)))
        near = [lines[max(0, i - 1):i + len(run)] for lines in pages for i, line in enumerate(lines) if line == run[0]]
        assert found, (cid, run, near)


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_the_date_stands_where_the_page_sets_it", fact="date_place"))
def test_the_date_stands_where_the_page_sets_it(cid, built):
    """`date_place` (the house's notice.date_place and date_align): the date line as the
    page writes it (`line`), a whole line, once, and where: in the head above the title
    (head), on the line after the title's last (under_title), or the notice's last line
    (foot); at the left margin where it says `align: left`. In the title's line before
    the subject (before_title) it is no line of its own: printed once, straight before
    the subject, and nothing of it above the title; after the subject (after_title), likewise
    printed once, at the end of the title's line."""
    case = built[cid]
    pdf = case.dir / "press-notice.pdf"
    lines = [fold(line) for line in visual_lines(pdf)]
    placed = case.facts["date_place"]
    place, dated = placed["place"], fold(placed["line"])
    notice = case.spec["press_notice"]
    if place == "before_title":
        hits = [i for i, line in enumerate(lines) if dated in line]
        assert len(hits) == 1, (cid, dated, lines)
        assert dated + fold(subject_of(notice))[:8] in lines[hits[0]], (cid, lines[hits[0]])
        assert hits[0] == len(notice_head(case, lines)), (cid, lines[:hits[0] + 1])    # the title's line
        return
    if place == "after_title":
        titled = fold(subject_of(notice)) + dated
        assert lines.count(titled) == 1, (cid, titled, lines[:4])
        assert sum(line.count(dated) for line in lines) == 1, (cid, dated, lines)   # once, on that line
        above = lines[1:] if notice.get("category_line") and lines[0] == fold(notice["category_line"]) else lines
        assert above[0] == titled, (cid, lines[:3])        # the notice's first line, but the category's
        return
    assert lines.count(dated) == 1, (cid, dated, lines)
    at = lines.index(dated)
    if place == "head":
        assert at < len(notice_head(case, lines)), (cid, lines[:at + 2])
    elif place == "foot":
        assert at == len(lines) - 1, (cid, lines[at:])
    else:
        assert place == "under_title", (cid, place)
        title = fold(subject_of(notice)) + fold(notice.get("subtitle") or "")
        assert at > 0 and title.endswith(lines[at - 1]), (cid, lines[at - 1:at + 1])
        # nothing above the title but the site's category line, where the spec gives one,
        # and the offices the spec names, which keep the head (株式会社　日本旅行 over its title)
        above = lines[1:] if notice.get("category_line") and lines[0] == fold(notice["category_line"]) else lines
        written = notice.get("issuing_office")
        if written and case.house_notice().get("office_place", "head") == "head":
            offices = [fold(o) for o in (written if isinstance(written, list) else [written])]
            assert above[:len(offices)] == offices, (cid, lines[:at + 1])
            above = above[len(offices):]
        # the title's first line: a subtitle run on after the subject (subtitle_joined) is of it
        assert title.startswith(above[0]), (cid, lines[:at + 1])
    if placed.get("align") == "left":
        with pdfplumber.open(pdf) as doc:
            page = doc.pages[0] if place != "foot" else doc.pages[-1]
            glyphs = [c for c in page.chars if c["text"].strip()]
            row = [c for c in glyphs if fold("".join(x["text"] for x in sorted(
                (g for g in glyphs if abs(g["bottom"] - c["bottom"]) < 2), key=lambda g: g["x0"]))) == dated]
            assert row and abs(min(c["x0"] for c in row) - min(c["x0"] for c in glyphs)) < 1, cid


@pytest.mark.parametrize("cid", cases("test_labels_are_spread_as_the_page_spaces_them", fact="expect_spread"))
def test_labels_are_spread_as_the_page_spaces_them(cid, built):
    """`expect_spread`: a label the page spaces out (日 時, 場 所) is set across that many
    em (均等割付, the house's ki_label_spread): its first glyph's left edge to its last's
    right edge, on one line; the text read back cannot tell, for spaces are folded."""
    case = built[cid]
    spans = {}
    for pdf in case.pdfs:
        with pdfplumber.open(pdf) as doc:
            for page in doc.pages:
                rows = defaultdict(list)
                for c in page.chars:
                    rows[baseline(c, page.height)].append(c)
                for row in rows.values():
                    glyphs = [c for c in sorted(row, key=lambda c: c["x0"]) if c["text"].strip()]
                    text = "".join(c["text"] for c in glyphs)
                    for label in case.facts["expect_spread"]:
                        at = text.find(label)
                        if at >= 0:
                            first, last = glyphs[at], glyphs[at + len(label) - 1]
                            spans.setdefault(label, (last["x1"] - first["x0"]) / first["size"])
    wanted = {label: float(em) for label, em in case.facts["expect_spread"].items()}
    assert set(spans) == set(wanted), (cid, spans)
    assert all(abs(spans[label] - em) < 0.05 for label, em in wanted.items()), (cid, spans)


@pytest.mark.parametrize("cid", cases("test_the_cover_stands_alone_on_the_first_page", fact="cover_page"))
def test_the_cover_stands_alone_on_the_first_page(cid, built):
    """`cover_page`: the signed copy's cover (document.cover), every line of the built
    agreement's first page as a reader sees it, in order, and nothing else (no page
    number: a cover is not numbered); the text begins on the second page with its
    title, and its pages are numbered from - 1 -."""
    case = built[cid]
    pdf = case.dir / "agreement.pdf"
    with pdfplumber.open(pdf) as doc:
        pages = [page.extract_text() or "" for page in doc.pages]
    first = [fold(line) for line in visual_lines_of(pdf, 0)]
    assert first == [fold(str(f)) for f in case.facts["cover_page"]], (cid, first)
    text_pages = pages[1:]
    assert fold(text_pages[0]).startswith(fold(case.facts["title"])), (cid, text_pages[0][:60])
    numbers = [re.findall(r"^- (\d+) -$", page, re.M) for page in text_pages]
    want = [[str(k + 1)] for k in range(len(text_pages))] if len(text_pages) > 1 else [[]]
    assert numbers == want, (cid, numbers)


def visual_lines_of(pdf: Path, index: int) -> list[str]:
    """The lines a reader sees on one page (visual_lines, of that page alone)."""
    with pdfplumber.open(pdf) as doc:
        rows = defaultdict(list)
        for c in doc.pages[index].chars:
            rows[baseline(c, doc.pages[index].height)].append(c)
    return ["".join(c["text"] for c in sorted(rows[key], key=lambda c: c["x0"])) for key in sorted(rows)]


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_nothing_the_page_does_not_say_is_printed"))
def test_nothing_the_page_does_not_say_is_printed(cid, built):
    """`absent`: each entry as it says (tests/real_absent.py): a fragment anywhere, a
    whole line ({line: 記}), or a text but inside the words named ({text: 印, except_in:
    [調印]})."""
    case = built[cid]
    text = case.all_text
    lines = lambda: {fold(line) for pdf in case.pdfs for line in visual_lines(pdf)}   # noqa: E731
    found = [f for f in case.facts.get("absent") or [] if prints_absent(f, text, lines)]
    assert not found, (cid, found)


def test_every_absent_entry_says_what_it_means():
    """A one-letter fragment (記, 様, 印) stands inside words (記念, 皆様, 調印): refused,
    as is an entry of another shape; {line: …} or {text: …, except_in: […]} says it."""
    refused = [f"{cid}: {why}" for cid, path in FACTS.items() for entry in load(path).get("absent") or []
               if (why := refusal(entry))]
    assert not refused, "\n".join(refused)


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_no_sentence_has_an_empty_slot"))
def test_no_sentence_has_an_empty_slot(cid, built):
    case = built[cid]
    blanks = [fold(b) for b in case.facts.get("blanks") or []]   # a form's blanks, written so on purpose
    assert all(any(b in fold(text) for text in case.texts.values()) for b in blanks), (cid, blanks)
    for kind, text in case.texts.items():
        folded = fold(text)
        for blank in blanks:
            folded = folded.replace(blank, "")
        holes = [s for s in EMPTY_SLOTS if s in folded]
        assert not holes, (cid, kind, holes)


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_no_phone_kind_the_spec_did_not_give"))
def test_no_phone_kind_the_spec_did_not_give(cid, built):
    """直通 or 代表 before a number only where the spec says so (代表取締役 is no phone kind)."""
    case = built[cid]
    given = case.phone_kinds_given()
    text = case.all_text
    printed = {k for k in PHONE_KINDS if re.search(re.escape(k) + r"[0-9(]", text)}
    assert printed <= given, (cid, printed - given)


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_every_signatory_line_names_its_organisation"))
def test_every_signatory_line_names_its_organisation(cid, built):
    """In the notice: the organisation (or a title beginning with it), the title and the
    name on the one line the reader sees (where the notice has a 締結者 item). In the
    agreement: each block carries the organisation, the title and the name (the name before
    the title where the house sets it above: name_line: above_title), in that
    order (a draft's open name or party prints blank)."""
    case = built[cid]
    if "press-notice" in case.texts:
        lines = [fold(line) for line in visual_lines(case.dir / "press-notice.pdf")]
        # A pair too long for its cell sets the organisation on the line just above
        # the title: still the reader's line, read as one (never a title cut in two).
        joined = [a + b for a, b in zip(lines, lines[1:])]
        for party in case.notice_signatories():
            want = fold(case.signatory_line(party))
            signer = case.signer(party)
            if "name" not in signer:      # named by the title alone: a line of that and nothing else
                assert want in lines, (cid, want, [line for line in lines if fold(signer["title"]) in line])
                continue
            title_and_name = fold(signer["title"] + signer["name"])
            assert any(want in line for line in lines) or any(
                want in pair and title_and_name in later for pair, later in zip(joined, lines[1:])), \
                (cid, want, [line for line in lines if fold(signer["name"]) in line])
    # a published copy that names no signer (signature_blocks: withheld) has no block to check
    withheld = ((case.spec.get("agreement") or {}).get("document") or {}).get("signature_blocks") == "withheld"
    if "agreement" in case.texts and not withheld:
        text = fold(case.texts["agreement"])
        for party in case.parties():
            title, name = case.signer(party)["title"] or "", case.signer(party).get("name")
            block = case.block_text(title, name or "")    # a draft's open title or name (null) prints blank
            assert block in text, (cid, block)
            if not case.names(party):
                continue                          # a draft's open party: no organisation to name
            before = text[:text.rindex(block)]
            named = any(title.startswith(n) for n in case.names(party)) or \
                any(fold(n) in before for n in case.names(party))
            assert named, (cid, party["name"], "the signature block does not name its organisation")


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_the_signature_blocks_stand_in_the_real_order_beside_the_closing",
                                      fact="signature_blocks"))
def test_the_signature_blocks_stand_in_the_real_order_beside_the_closing(cid, built):
    """One block per signer of the real text, in its order (甲 before 乙 …, the fifth
    village last), each title with its name, and every block on the page of the
    closing and the date line: with four or five parties the signature page is the
    one most likely to be split or left alone. A block's `line` (where the facts give
    it) is one line the reader sees, as the real text sets it. A name the signed copy
    has written by hand (`handwritten: true`), or one the published copy does not
    print (name: null), is the signer's to write: the title alone, and that name
    nowhere on the page."""
    case = built[cid]
    blocks = case.facts["signature_blocks"]
    assert len(blocks) == len(case.parties()), (cid, "one block per party")
    pages = [fold(page) for page in case.texts["agreement"].split("\f")]
    typed = [b["name"] if b.get("name") and not b.get("handwritten") else "" for b in blocks]
    keys = [case.block_text(b["title"], name) for b, name in zip(blocks, typed)]
    # the last page that holds every block (the blocks' titles may also stand in the preamble,
    # as 早稲田大学大学院商学研究科 and 国税庁長官官房国際業務課 do, on an earlier page; annexes
    # after the signatures hold none); else the first with the first block
    page = next((p for p in reversed(pages) if all(k in p for k in keys)),
                next((p for p in pages if keys[0] in p), ""))
    at = [page.find(key) for key in keys]
    assert -1 not in at, (cid, [k for k, i in zip(keys, at) if i < 0])
    assert at == sorted(at), (cid, [k for _, k in sorted(zip(at, keys))])
    by_hand = [b["name"] for b in blocks if b.get("name") and b.get("handwritten")]
    assert not [n for n in by_hand if fold(n) in case.all_text], (cid, "a name written by hand printed")
    beside = [case.facts.get("closing"), (case.facts.get("date_line") or {}).get("raw")]
    apart = [text for text in beside if text and fold(text) not in page]
    assert not apart, (cid, "not on the page of the signatures:", apart)
    # a block's line as the real text sets it (代表　町田市長　石阪　丈一: title and name on one line)
    lines = [fold(line) for line in visual_lines(case.dir / "agreement.pdf")]
    broken = [b["line"] for b in blocks if b.get("line") and fold(b["line"]) not in lines]
    assert not broken, (cid, "not one line as the real text sets it:", broken)


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_no_honorific_the_spec_did_not_give"))
def test_no_honorific_the_spec_did_not_give(cid, built):
    """様 (or 殿) only after a partner's head that the spec gives it to, and never after
    a head of the issuing side."""
    case = built[cid]
    text = case.all_text
    for party in case.parties():
        if not case.signer(party).get("name"):
            continue                              # a draft's open name, or none: nothing to follow
        name = fold(case.signer(party)["name"])
        given = None if case.issuing(party) else party.get("honorific")
        for honorific in ("様", "殿"):
            if honorific != given:
                assert name + honorific not in text and re.search(re.escape(name) + r"\([^)]*\)" + honorific, text) is None, \
                    (cid, case.signer(party)["name"], honorific)
    for person in listed_people(case.spec):       # a person of a 記 item's list: 様 only where given
        if person.get("name"):
            for honorific in {"様", "殿"} - {person.get("honorific")}:
                assert fold(person["name"]) + honorific not in text, (cid, person["name"], honorific)


def listed_people(spec: dict) -> list[dict]:
    """Every person the spec lists in its 記 items (people:, a group's people:)."""
    ki = (spec.get("press_notice") or {}).get("ki") or []
    entries = [e for e in ki if isinstance(e, dict)]
    return [p for e in entries for p in (e.get("people") or []) + [q for g in e.get("groups") or []
                                                                      for q in g.get("people") or []]]


# or an ISO date (dates.issue_calendar: iso), one with dots (dots: 2010.03.30) or with
# slashes (slashes: 2017/04/12)
ISSUE_DATE = re.compile(r"\d{1,2}月\d{1,2}日|\d{4}([-./])\d{2}\1\d{2}|(?<![\d.])\d{2}\.\d{2}\.\d{2}(?![\d.])")
FIGURES_DATE = re.compile(r"(?<![\d./-])(\d{4})([-./])(\d{2})\2(\d{2})(?![\d./-])")
SHORT_YEAR_DATE = re.compile(r"(?<![\d./-])\d{2}\.(\d{2})\.(\d{2})(?![\d./-])")   # 16.11.04: dots_short_year
ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
ERA_FIRST_DAYS = {"令和": (2019, 5, 1), "平成": (1989, 1, 8), "昭和": (1926, 12, 25), "大正": (1912, 7, 30),
                  "明治": (1868, 10, 23)}


def era_year(day) -> int:
    """The year of the era a day falls in (令和5年 for 2023-11-07), counted here, not by
    the product: the era's first day, then its western year before its first."""
    import datetime as dt
    for era, first in ERA_FIRST_DAYS.items():
        if day >= dt.date(*first):
            return day.year - ERAS[era]
    raise ValueError(day)
WEEKDAYS = "月火水木金土日"
DATE = re.compile(r"(?:(明治|大正|昭和|平成|令和)(\d+|元)年)?(?:\((\d{4})年\)|(?<!\d)(\d{4})年"
                  r"|(?<!\d)(\d{4})\((明治|大正|昭和|平成|令和)(\d+|元)\)年)?"
                  r"(\d{1,2})月(\d{1,2})日(?:\(([月火水木金土日])|([月火水木金土日])曜日)")   # 令和６年（2024年）,
#                   令和６年, 2024年, 2022（令和４）年 (the western year first, the era's in brackets
#                   inside it); the weekday in （）, or written out after the day: 1月19日火曜日


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_every_printed_date_is_a_true_date"))
def test_every_printed_date_is_a_true_date(cid, built):
    """Era and western year agree, and a weekday in （） or written out after the day is that
    day's (令和７年（2025年）７月10日（木）, or a western date alone: 2025年７月10日（木）;
    平成28年1月19日火曜日)."""
    import datetime as dt
    case = built[cid]
    seen = 0
    for (era, era_year, western, western_only, western_first, inner_era, inner_year,
         month, day, weekday, written_out) in DATE.findall(case.all_text):
        western, weekday = western or western_only or western_first, weekday or written_out
        years = set()
        for era, era_year in ((era, era_year), (inner_era, inner_year)):
            if era:
                years.add(ERAS[era] + (1 if era_year == "元" else int(era_year)))
        if western:
            years.add(int(western))
        if not years:                   # a date without its year (２月６日（木）): the year of
            held = (case.facts.get("ceremony") or {}).get("date")       # the ceremony's, where
            held = held.get("iso") if isinstance(held, dict) else None  # it is that day
            if not isinstance(held, dt.date) or (held.month, held.day) != (int(month), int(day)):
                continue                # else nothing to check it against
            years.add(held.year)
        assert len(years) == 1, (cid, era, era_year, western)
        date = dt.date(years.pop(), int(month), int(day))
        assert WEEKDAYS[date.weekday()] == weekday, (cid, date.isoformat(), weekday)
        seen += 1
    if case.facts.get("weekdays") == "none":    # the page dates nothing with its weekday
        assert not seen, f"{cid}: a weekday printed where the page gives none"
        return
    if case.facts.get("weekdays") == "day_only":    # its weekdays follow days without their
        assert not seen, f"{cid}: a whole date with a weekday the page does not give"
        return                                      # month (13日(木曜日)): none to check
    assert seen or "press-notice" not in case.texts, f"{cid}: no date with a weekday in the notice"


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_a_date_in_figures_is_the_date_of_issue", notices_only=True))
def test_a_date_in_figures_is_the_date_of_issue(cid, built):
    """A date of issue written in figures (2018-12-05, 2010.03.30, 2017/04/12, 16.11.04:
    dates.issue_calendar iso, dots, slashes or dots_short_year) is a form of the spec's issue_date, never
    a date of its own: each such date printed is a true date and the issue date of the
    notice or of its release after the signing."""
    import datetime as dt
    case = built[cid]
    notice = case.spec["press_notice"]
    issued = {str(d) for d in (notice["issue_date"], (notice.get("after") or {}).get("issue_date"))
              if d and d != "none"}       # none: the page gives no date of its own
    for year, _, month, day in FIGURES_DATE.findall(case.all_text):
        printed = dt.date(int(year), int(month), int(day)).isoformat()      # a true date, or ValueError
        assert printed in issued, (cid, printed, issued)
    # a two-digit year (16.11.04, dots_short_year) names its century nowhere: it is the
    # issue date's own year, month and day, each as printed; where the house writes the
    # era's year so (05.11.07, dots_era_year: 令和5年), the era's year in its place
    house = load(REAL / case.spec["style"]).get("dates") or {} if case.spec.get("style") else {}
    if house.get("issue_calendar") == "dots_era_year":
        short = {f"{era_year(dt.date.fromisoformat(d)):02d}." + dt.date.fromisoformat(d).strftime("%m.%d")
                 for d in issued}
    else:
        short = {dt.date.fromisoformat(d).strftime("%y.%m.%d") for d in issued}
    for match in SHORT_YEAR_DATE.finditer(case.all_text):
        assert match.group(0) in short, (cid, match.group(0), short)


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_every_figure_printed_is_one_the_spec_states"))
def test_every_figure_printed_is_one_the_spec_states(cid, built):
    """The proof-reader's check of figures (printed_figures.py): every whole date, day,
    count (１年間, ５名) and number each PDF prints is one the spec or its house style
    states (a date in the other calendar counts as said; the product's own numbering of
    items, articles and pages aside): a default may supply wording, never a fact. The
    DOCX too, as the secretariat edits and signs it."""
    case = built[cid]
    style = load(REAL / case.spec["style"]) if case.spec.get("style") else {}
    said = spec_figures(case.spec, style)
    assert case.docx_texts, cid
    for kind, text in {**case.texts, **case.docx_texts}.items():
        assert unsaid_figures(text, said, len(case.parties())) == [], (cid, kind)


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_every_word_printed_is_the_spec_s_or_the_product_s_own"))
def test_every_word_printed_is_the_spec_s_or_the_product_s_own(cid, built):
    """The proof-reader's check of words (printed_words.py): what each PDF prints is
    covered by the spec's strings, its house style's (and the default house style's),
    or the product's standard phrases and its own characters (dates, numbering, 印,
    記, 案), and the generated closing where it prints, as the build's note quotes it: a
    name, a title or an honorific the spec did not give would be left over, and so
    would the closing's wording anywhere else. The DOCX too, as the secretariat edits
    and signs it."""
    case = built[cid]
    style = load(REAL / case.spec["style"]) if case.spec.get("style") else {}
    said = said_words(case.spec, style)
    closings = closings_in_notes(case.output, REAL / f"{cid}.yaml")
    assert case.docx_texts, cid
    for kind, text in {**case.texts, **case.docx_texts}.items():
        assert unsaid_words(text, said, closings) == [], (cid, kind)


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_the_issuer_is_named_under_the_date", notices_only=True))
def test_the_issuer_is_named_under_the_date(cid, built):
    case = built[cid]
    lines = [fold(line) for line in visual_lines(case.dir / "press-notice.pdf")]
    written = case.spec["press_notice"].get("issuing_office")
    offices = [fold(o) for o in written] if isinstance(written, list) else [fold(written or case.spec["issuer"])]
    placed = (case.facts.get("date_place") or {}).get("place", "head")     # notice.date_place
    if case.spec["press_notice"]["issue_date"] != "none" and placed in ("under_title", "foot") \
            and case.house_notice().get("office_place") == "with_date":
        # the offices on the lines under the date where it stands (東京東信用金庫), none in the head
        dated = lines.index(fold(case.facts["date_place"]["line"]))
        assert lines[dated + 1:dated + 1 + len(offices)] == offices, (cid, lines[dated:dated + 1 + len(offices)])
        assert not any(o in line for o in offices for line in notice_head(case, lines)), (cid, notice_head(case, lines))
        return
    if written is not False and case.house_notice().get("office_place") == "under_title":
        # the offices on the lines under the title and its subtitle (関東地方整備局 / 企画部),
        # none in the head above the title
        notice = case.spec["press_notice"]
        last = fold(notice.get("subtitle") or subject_of(notice))
        titled = next(i for i, line in enumerate(lines) if last.endswith(line))
        assert lines[titled + 1:titled + 1 + len(offices)] == offices, (cid, lines[titled:titled + 1 + len(offices)])
        assert not any(o in line for o in offices for line in notice_head(case, lines)), (cid, notice_head(case, lines))
        return
    if case.spec["press_notice"]["issue_date"] != "none" and case.house_notice().get("office_place") == "date_line":
        # the offices on the date's line, after it (平成26年9月12日　水道局), none of them a line
        dated = next(i for i, line in enumerate(lines) if ISSUE_DATE.search(line))
        assert lines[dated].endswith("".join(offices)), (cid, lines[dated])
        assert not any(line in offices for line in lines), (cid, lines[dated:dated + 2])
        return
    if case.spec["press_notice"]["issue_date"] == "none" or placed != "head":
        # no date line in the head (none, or under the title or at the foot): the offices
        # right under the header
        head = notice_head(case, lines)
        first = 0 if case.spec["press_notice"].get("header") is False \
            or case.house_notice().get("header_place") == "under_title" else 1
        first += bool(case.spec["press_notice"].get("category_line"))     # the site's category above them
        if written is False:
            assert all(fold(case.spec["issuer"]) not in line for line in head[first:]), (cid, head)
        else:
            assert head[first:first + len(offices)] == offices, (cid, head)
        return
    dated = next(i for i, line in enumerate(lines) if ISSUE_DATE.search(line))   # with a weekday or not
    if written is False:             # a page that names no office under its date
        assert lines[dated + 1] != offices[0] and fold(case.spec["issuer"]) not in lines[dated], \
            (cid, lines[dated:dated + 2])
    else:                            # each of the offices issuing together a line, in order
        assert lines[dated + 1:dated + 1 + len(offices)] == offices, (cid, lines[dated:dated + 1 + len(offices)])


def first_printed(opening: list) -> str:
    """The first line the text prints: its first paragraph, or a photo's caption above it."""
    for entry in opening:
        if isinstance(entry, str):
            return entry
        for photo in entry.get("photos", ()):
            caption = photo.get("caption")
            if caption:
                return caption if isinstance(caption, str) else caption[0]
    raise AssertionError(f"an opening that prints no line: {opening}")


def subject_of(notice: dict) -> str:
    """The notice's subject as the spec writes it, whole: a subject of lines (subject:
    [first, second], broken as the page breaks it) joined."""
    subject = notice["subject"]
    return "".join(subject) if isinstance(subject, list) else subject


def notice_head(case: Case, lines: list[str]) -> list[str]:
    """The notice's lines above its title (folded): the site's category, the header, the
    date, the offices; a notice without a title (subject: false), above its text (or the
    caption of a photo above it, press_notice.opening's {photos: […]})."""
    notice = case.spec["press_notice"]
    first = subject_of(notice) if notice["subject"] is not False else first_printed(notice["opening"])
    start = fold(first)[:12]
    return lines[:next(i for i, line in enumerate(lines) if start in line)]


@needs_poppler
@pytest.mark.parametrize("cid", [c for c in cases("test_a_notice_without_a_date_of_issue_prints_none", notices_only=True)
                                 if load(REAL / f"{c.values[0]}.yaml")["press_notice"]["issue_date"] == "none"])
def test_a_notice_without_a_date_of_issue_prints_none(cid, built):
    """issue_date: none (the page gives no date of its own): nothing above the title
    but the header and the lines naming who issues it, no date in any form, no stray
    配布 or prefix; and the spec says it (a date in the facts would be one the spec
    left out)."""
    case = built[cid]
    assert case.facts.get("issued") == "none", (cid, case.facts.get("issued"))
    head = notice_head(case, [fold(line) for line in visual_lines(case.dir / "press-notice.pdf")])
    notice = case.spec["press_notice"]
    header = notice.get("header")
    expected = [] if header is False else [fold(header)] if header else head[:1]   # (the house's own)
    if case.house_notice().get("header_place") == "under_title":     # the header under the title
        expected = []
    if notice.get("category_line"):         # the site's category, the notice's first line
        expected = [fold(notice["category_line"])] + expected
    assert head[:len(expected)] == expected, (cid, head)
    for line in head:
        assert not ISSUE_DATE.search(line) and not re.search(r"\d{4}年|[元\d]+年\d+月|配布", line), (cid, line)


@needs_poppler
@pytest.mark.parametrize("cid", cases("test_jpcheck_finds_no_violation"))
def test_jpcheck_finds_no_violation(cid, built):
    jpcheck = _jpcheck()
    case = built[cid]
    labels = ki_labels(case.spec)
    for pdf in case.pdfs:
        found = jpcheck_violations(jpcheck, pdf)
        lines = [fold(line) for line in visual_lines(pdf)]
        violations = [v for v in found if not next_item_after_a_time(v, labels, lines)
                      and not title_after_a_date_in_figures(v, lines)]
        assert violations == [], (cid, pdf.name, found)


# The counters the product keeps with their number (jpdocs/writers/jlreq.py's runs),
# as a proof-reader reads them: a count, a date or a time torn at a line's end
# (市町の9 / つの水道組合, gunma-tobu-suido-2016; 各自その1 / 通を保有する in agreements'
# closings) reads as a number standing alone. (団 and 項 begin 団体 and 項目.)
COUNTERS = "つ年月日時分秒号名人円件回歳条番階者社通点市町村校団項"


@pytest.mark.parametrize("cid", cases("test_no_count_is_torn_from_its_counter"))
def test_no_count_is_torn_from_its_counter(cid, built):
    """No line of running text ends in a digit whose counter begins the next line. A line
    is running text's where it reaches the text's right edge (within its last glyph's em)
    and the next line starts under it (at its left, or an em further left under an
    indented first line): a date at the right of a head line, or a number in a box's
    column, followed by another line's first word, is no torn count."""
    for pdf in built[cid].pdfs:
        assert torn_counts(pdf) == [], (cid, pdf.name)


def torn_counts(pdf: Path) -> list[str]:
    torn = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            rows = baseline_rows(page, blank=False)
            right = max((c["x1"] for c in page.chars), default=0)
            for line, nxt in zip(rows, rows[1:]):
                k, n = baseline(line[0], page.height), baseline(nxt[0], page.height)
                size = line[-1]["size"]
                if (re.fullmatch(r"[0-9０-９]", line[-1]["text"]) and nxt[0]["text"] in COUNTERS
                        and line[-1]["x1"] > right - size and 0 < n - k < 2.5 * size
                        and line[0]["x0"] - 1.5 * size <= nxt[0]["x0"] <= line[0]["x0"] + 1.5):
                    torn.append("".join(c["text"] for c in line[-8:]) + "|" + "".join(c["text"] for c in nxt[:6]))
    return torn


def jpcheck_violations(jpcheck, pdf: Path) -> list[tuple]:
    """jpcheck's violations; an A3 sheet of two pages (agreement.pages_per_sheet: 2) read
    half by half, as the pages they are. Read whole, the end of a line in the right half
    meets the start of the next baseline's line in the left, which jpcheck takes for one
    line broken (hino-cmj-2017: the address's …番地１ beside 第３条's ２　乙による…)."""
    with pdfplumber.open(pdf) as doc:
        half = doc.pages[0].width / 2 if doc.pages[0].width > 1000 else None     # A3 landscape: 1190.55
    if half is None:
        return jpcheck.check(str(pdf))["violations"]
    lines = jpcheck.read_lines(str(pdf))
    # each half its own page, its lines in order: the left half's, then the right's
    halves = sorted(((page * 2 - (run[0]["x0"] < half), run) for page, run in lines), key=lambda line: line[0])
    edges, _ = jpcheck.check_edges(halves)
    return jpcheck.check_lines(halves) + edges + jpcheck.check_era_spread(str(pdf)) + jpcheck.check_fonts(str(pdf))



@pytest.mark.parametrize("cid", cases("test_no_paragraph_of_the_docx_has_an_indent_of_its_own"))
def test_no_paragraph_of_the_docx_has_an_indent_of_its_own(cid, built):
    """The DOCX a secretariat edits keeps every paragraph's indent in its style (README,
    "Indents in styles"), an agreement's numbered paragraphs too: an article's lead
    paragraph and its paragraphs ２, ３ that share an indent get a style each (条, 項;
    before, the 31 agreements that number in the lead kept 244 indents of their own)."""
    for path in sorted(built[cid].dir.glob("*.docx")):
        own = [p for p in docx.Document(str(path)).element.body.iter(qn("w:p"))
               if p.find(f"{qn('w:pPr')}/{qn('w:ind')}") is not None]
        assert not own, (cid, path.name, len(own))

@pytest.mark.parametrize("cid", cases("test_no_person_s_name_is_torn_at_a_line_s_end"))
def test_no_person_s_name_is_torn_at_a_line_s_end(cid, built):
    """A person's name the spec holds (a signer, a head, a witness, the people of the 記
    and the 次第, a contact) stands whole on a line wherever a PDF prints it, in a
    template's sentence or the spec's prose (ならコープ / 森　宏之理事長, never …森 /
    宏之…), as a proof-reader asks; a name joined by ・ may break after a ・."""
    case = built[cid]
    names = people_of(case.spec)
    for pdf in case.pdfs:
        assert torn_names(reading_lines(pdf), names) == [], (cid, pdf.name)


PERSON_KEYS = frozenset({"representative", "signatory", "co_signers", "people", "contact", "contacts"})
_LETTER = re.compile(r"[\w々〆ー]")


def people_of(spec) -> set[str]:
    """The names of the people a spec holds, read from its YAML (not the product's
    model): each `name` of a mapping under one of PERSON_KEYS. A name of no letter (a
    form's ○○　○) names no one."""
    found = set()

    def walk(node, parent=None):
        if isinstance(node, dict):
            if parent in PERSON_KEYS and isinstance(node.get("name"), str) and _LETTER.search(node["name"]):
                found.add(node["name"])
            if parent == "photos" and isinstance(node.get("names"), list):    # a caption's people
                found.update(node["names"])
            for key, value in node.items():
                walk(value, key)
        elif isinstance(node, list):
            for value in node:
                walk(value, parent)
    walk(spec)
    return found


def torn_names(lines: list[str], names) -> list[tuple[str, str, str]]:
    """Each name split between a line's end and the next line's start (spaces and widths
    aside): (the name torn, the line's end, the next line's start). A break after a ・
    (シュポルト・ヴァチェスラフ・ / イヴァノビッチ) parts a foreign name between its parts."""
    out = []
    folded = [fold(line) for line in lines]
    for a, b in zip(folded, folded[1:]):
        for name in map(fold, names):
            out += [(name[:k] + "/" + name[k:], a[-10:], b[:10]) for k in range(1, len(name))
                    if name[k - 1] != "・" and a.endswith(name[:k]) and b.startswith(name[k:])]
    return out


def reading_lines(pdf: Path) -> list[str]:
    """The lines a reader reads: visual_lines, but an A3 sheet of two pages (pages_per_sheet:
    2) read half by half, each its own page."""
    with pdfplumber.open(pdf) as doc:
        if doc.pages[0].width < 1000:
            return visual_lines(pdf)
        lines = []
        for page in doc.pages:
            half = page.width / 2
            for side in (True, False):
                rows = defaultdict(list)
                for c in page.chars:
                    if (c["x0"] < half) == side:
                        rows[baseline(c, page.height)].append(c)
                lines += ["".join(c["text"] for c in sorted(rows[k], key=lambda c: c["x0"])) for k in sorted(rows)]
        return lines


# jpcheck takes a line ending in a digit, followed by a line that begins with a digit
# no further right, for one number broken across lines. A 記 item whose text ends in a
# time written with a colon (13:30～14:00, times.notation: colon) or in an address's
# number (豊沢306-1, on its own line: notice.venue_address) is followed by the next
# item's number (２　場所), which is no part of it. Such a report is set aside only
# where the line ends in a time or in digits after a hyphen and the digit is followed
# by one of the notice's 記 labels (after a full stop where the house numbers its items
# so: ３.場所, notice.ki_marker "{number}."); anything else jpcheck says stands.
# (an item's number without a stop is followed by its gap, a full-width space: ３　場所)
_BROKEN = re.compile(r"number broken: …(?:[:：][0-9０-９]{2}|.[-‐－][0-9０-９])\|[0-9０-９][.．]?[ \u3000]*(.*)…")   # 3 and 3
_GAP_ONLY = re.compile(r"number broken: …([:：][0-9０-９]{2})\|([0-9０-９][.．]?)[ \u3000]+…")   # 2.　 and no more


def ki_labels(spec: dict) -> set[str]:
    """The labels a notice's 記 block can print: the house words of the built-in
    items and every label its spec gives."""
    from jpdocs.spec.style import load_style
    style = load_style()
    labels = {style.word(f"ki_{item}") for item in ("date", "place", "signatories", "agenda", "schedule")}
    for entry in (spec.get("press_notice") or {}).get("ki") or ():
        if isinstance(entry, dict) and entry.get("label"):
            labels.add(entry["label"])
    return labels


def next_item_after_a_time(violation: tuple, labels: set[str], lines: list[str] = ()) -> bool:
    kind, _, message = violation
    m = _BROKEN.fullmatch(message) if kind == "split" else None
    if m and m.group(1):
        return any(label.startswith(m.group(1)) for label in labels)
    # jpcheck's excerpt can end in the gap after the number (…:00|2.　…, an item numbered
    # "{number}." with its label inline): the label is then read on the built page, the
    # line after the one that ends with the time beginning with that number and a label
    m = _GAP_ONLY.fullmatch(message) if kind == "split" else None
    return bool(m) and any(a.endswith(fold(m[1])) and any(b.startswith(fold(m[2]) + label) for label in labels)
                           for a, b in zip(lines, lines[1:]))


def title_after_a_date_in_figures(violation: tuple, lines: list[str]) -> bool:
    """A date of issue in figures on its line (2017.09.19) over a title that begins with a
    day (9月19日、…): two paragraphs, and jpcheck, which reads a line below and to the left
    of another as its continuation, takes them for one number broken across lines."""
    kind, _, message = violation
    m = re.fullmatch(r"number broken: …(.+)\|(.+)…", message) if kind == "split" else None
    return bool(m) and any(FIGURES_DATE.fullmatch(a) and a.endswith(fold(m[1])) and b.startswith(fold(m[2]))
                           for a, b in zip(lines, lines[1:]))


def test_only_a_date_line_in_figures_over_a_title_is_set_aside():
    lines = ["2017.09.19", "9月19日、老施協は、…"]
    assert title_after_a_date_in_figures(("split", 1, "number broken: ….19|9月1…"), lines)
    assert not title_after_a_date_in_figures(("split", 1, "number broken: ….19|9月1…"), ["電話2017.09.19", lines[1]])
    assert not title_after_a_date_in_figures(("split", 1, "number broken: …201|7.0…"), ["…201", "7.09.19"])
    assert not title_after_a_date_in_figures(("line-end", 1, "number broken: ….19|9月1…"), lines)


def test_only_a_time_before_the_next_items_number_is_set_aside():
    labels = {"日時", "場所", "会場"}
    assert next_item_after_a_time(("split", 1, "number broken: …:00|２場所…"), labels)
    assert next_item_after_a_time(("split", 1, "number broken: …:30|３会場…"), labels)
    assert next_item_after_a_time(("split", 1, "number broken: …:45|３\u3000場…"), labels)   # 3　場所 (no stop)
    assert not next_item_after_a_time(("split", 1, "number broken: …:45|３\u3000時…"), labels)  # not a label
    assert not next_item_after_a_time(("split", 1, "number broken: …201|9年…"), labels)       # a year torn
    assert not next_item_after_a_time(("split", 1, "number broken: …:00|２時間…"), labels)    # not a label
    assert not next_item_after_a_time(("split", 1, "number broken: …152-|67-…"), labels)
    assert not next_item_after_a_time(("line-end", 1, "number broken: …:00|２場所…"), labels)
    assert next_item_after_a_time(("split", 1, "number broken: …6-1|２場所…"), labels)          # an address
    assert not next_item_after_a_time(("split", 1, "number broken: …2-6|7-5…"), labels)        # a phone torn
    assert next_item_after_a_time(("split", 1, "number broken: …:00|３.場…"), labels)           # ３.場所 (ki_marker "{number}.")
    assert not next_item_after_a_time(("split", 1, "number broken: …:00|３.5…"), labels)        # a number, not a label
    lines = ["1.日時令和2年12月15日(火)13:00~14:00", "2.場所沢渡ナショナルパークゲート"]      # folded lines
    assert next_item_after_a_time(("split", 1, "number broken: …:00|2.\u3000…"), labels, lines)   # 2.　場所: the label after the gap
    assert not next_item_after_a_time(("split", 1, "number broken: …:00|2.\u3000…"), labels)       # no page to read it on
    assert not next_item_after_a_time(("split", 1, "number broken: …:00|2.\u3000…"), labels,
                                      ["1.日時13:00~14:00", "2.時間は30分"])                     # not a label
    assert not next_item_after_a_time(("split", 1, "number broken: …:00|2.\u3000…"), labels,
                                      ["1.日時13:00~14:00ほか", "2.場所"])                       # the time ends no line
