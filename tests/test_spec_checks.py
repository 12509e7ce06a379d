"""spec/checks.py in process and fast (the mutation run uses these): each check's
problem or warning compared whole — file, line, key and message — on the seed
spec with one value changed."""
from __future__ import annotations

import copy

import pytest
import yaml

from conftest import SEED_SPEC
from jpdocs.content.agreement.compose import compose
from jpdocs.errors import InputError
from jpdocs.spec.load import load_spec
from jpdocs.spec.style import load_style

BASE = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))


def write(tmp_path, change, name="spec"):
    data = copy.deepcopy(BASE)
    change(data)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def setting(*path_and_value):
    *path, value = path_and_value

    def change(data):
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


def line_of(path, text):
    found = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line]
    assert len(found) == 1, (text, found)
    return found[0]


def problems(path):
    with pytest.raises(InputError) as raised:
        load_spec(path)
    return [(p.file, p.line, p.key, p.message) for p in raised.value.problems]


def warnings(path):
    return [(w.file, w.line, w.key, w.message) for w in load_spec(path).warnings]


# ---------------------------------------------------------------- characters in values
INVISIBLE = "often pasted from web pages or PDFs; delete it"


@pytest.mark.parametrize("char, what", [
    ("\t", "a tab character; write a full-width space (\u3000) or spaces instead"),
    ("\ufffd", "the replacement mark \ufffd (U+FFFD), left where characters were lost in a conversion (文字化け); "
               "type the original characters again"),
    ("\x07", "the control character U+0007, which cannot be printed; delete it"),
    ("\x7f", "the control character U+007F, which cannot be printed; delete it"),
    ("\u00ad", f"the invisible character U+00AD (soft hyphen), {INVISIBLE}"),
    ("\u200b", f"the invisible character U+200B (zero-width space), {INVISIBLE}"),
    ("\u200c", f"the invisible character U+200C (zero-width non-joiner), {INVISIBLE}"),
    ("\u200d", f"the invisible character U+200D (zero-width joiner), {INVISIBLE}"),
    ("\u2060", f"the invisible character U+2060 (word joiner), {INVISIBLE}"),
    ("\ufeff", f"the invisible character U+FEFF (zero-width no-break space (BOM)), {INVISIBLE}"),
    ("\u202a", f"the invisible character U+202A (text-direction control), {INVISIBLE}"),
    ("\u202e", f"the invisible character U+202E (text-direction control), {INVISIBLE}"),
    ("\u2066", f"the invisible character U+2066 (text-direction control), {INVISIBLE}"),
    ("\u2069", f"the invisible character U+2069 (text-direction control), {INVISIBLE}"),
])
def test_a_character_that_never_belongs_in_a_value(tmp_path, char, what):
    path = write(tmp_path, setting("press_notice", "subject", f"件名{char}です{char}"))
    assert problems(path) == [(str(path), line_of(path, "  subject: "), "press_notice.subject",
                               f"the text contains {what} (at character 3)")]


@pytest.mark.parametrize("char", ["\u2029", "\u202f", "\u2065", "\u206a", "\n"])
def test_neighbours_of_the_refused_ranges_pass_this_check(tmp_path, char):
    load_spec(write(tmp_path, setting("press_notice", "subject", f"件名{char}です")))


def test_a_bad_character_deep_in_lists_and_keys(tmp_path):
    path = write(tmp_path, setting("agreement", "areas", [{"heading": "農林水産業の振興", "items": ["a", "b\u200bc"]}]))
    [(_, line, key, message)] = problems(path)
    assert (line, key) == (line_of(path, "b\u200bc"), "agreement.areas[0].items[1]")
    assert message.endswith("(at character 2)")


@pytest.mark.parametrize("value, shown", [
    ("今般、北海道 オホーツクは", "'般、北海道 オホーツ'"),
    ("北 海道", "'北 海道'"),
    ("ABC 北海道", "'ABC 北海道'"),
    # a full-width space near it is shown as itself, not as Python's \u3000 escape,
    # which no staffer reads as the space they typed
    ("白樺町役場\u3000３階 第1会議室", "'役場\u3000３階 第1会議'"),
])
def test_an_ascii_space_beside_japanese_is_a_warning_with_the_place(tmp_path, value, shown):
    path = write(tmp_path, setting("press_notice", "opening", [value]))
    assert warnings(path) == [(str(path), line_of(path, value), "press_notice.opening[0]",
                               f"an ASCII space beside Japanese text ({shown}) is printed as it is; if a gap is meant,"
                               " write a full-width space (\u3000)")]


def test_ascii_spaces_between_latin_words_are_no_warning(tmp_path):
    assert warnings(write(tmp_path, setting("press_notice", "opening", ["Kitami Institute of Technology"]))) == []


def test_radicals_are_mended_with_a_warning_per_field(tmp_path):
    def change(data):
        data["parties"]["kitami_it"]["statements"] = ["北\u2f92市", "平和"]
        data["press_notice"]["ceremony"]["venue"] = "\u2f24会議室"
    path = write(tmp_path, change)
    loaded = load_spec(path)
    assert loaded.spec.parties["kitami_it"].statements == ["北見市", "平和"]
    assert loaded.spec.press_notice.ceremony.venue == "大会議室"
    assert sorted(warnings(path)) == sorted([
        (str(path), line_of(path, "北\u2f92市"), "parties.kitami_it.statements[0]",
         "look-alike radical characters replaced: \u2f92 U+2F92 → 見"),
        (str(path), line_of(path, "\u2f24会議室"), "press_notice.ceremony.venue",
         "look-alike radical characters replaced: \u2f24 U+2F24 → 大")])



def test_a_ceremony_on_another_day_than_the_signing_is_a_warning(tmp_path):
    """Both may be true (an agreement signed by letter, celebrated later), but the
    agreement's date line prints the signing date: the office is asked to check both."""
    path = write(tmp_path, setting("press_notice", "ceremony", "date", "2024-02-28"))
    assert warnings(path) == [(str(path), line_of(path, "2024-02-28"), "press_notice.ceremony.date",
                               "the ceremony is on 2024-02-28, but the agreement is signed on 2024-02-27"
                               f" (agreement.signing_date, line {line_of(path, 'signing_date:')}),"
                               " the date its document and the annual book give: check both")]
    assert warnings(write(tmp_path, setting("press_notice", "ceremony", "date", "令和6年2月27日"))) == [], \
        "the same day written as an era date"

# ---------------------------------------------------------------- references and values
def test_an_undeclared_party(tmp_path):
    path = write(tmp_path, setting("press_notice", "ceremony", "signatories", ["bureau", "zzz", "kitami"]))
    first = line_of(path, "signatories:")
    assert problems(path) == [
        (str(path), first + 2, "press_notice.ceremony.signatories[1]",
         "party 'zzz' is not declared under parties (declared: 北海道オホーツク総合振興局（bureau）, 北見工業大学（kitami_it）)"),
        (str(path), first + 3, "press_notice.ceremony.signatories[2]",
         "party 'kitami' is not declared under parties; did you mean 北見工業大学（kitami_it）?")]


@pytest.mark.parametrize("end", ["11:00", "10:59"])
def test_a_ceremony_that_ends_before_it_starts(tmp_path, end):
    path = write(tmp_path, setting("press_notice", "ceremony", "end", end))
    assert problems(path) == [(str(path), line_of(path, f"end: '{end}'"), "press_notice.ceremony.end",
                               f"the end time {end} is not later than the start 11:00")]


def test_a_ceremony_that_ends_a_minute_after_it_starts(tmp_path):
    import datetime as dt
    ceremony = load_spec(write(tmp_path, setting("press_notice", "ceremony", "end", "11:01"))).spec.press_notice.ceremony
    assert (ceremony.start, ceremony.end) == (dt.time(11, 0), dt.time(11, 1))


@pytest.mark.parametrize("validity, start, end", [
    ({"start": "2024-03-01", "end": "2024-03-01"}, "2024-03-01", "2024-03-01"),      # validity.start
    ({"start": "2024-03-01", "end": "2024-02-28"}, "2024-03-01", "2024-02-28"),
    ({"end": "2024-02-27"}, "2024-02-27", "2024-02-27"),                              # signing_date
])
def test_an_agreement_that_ends_before_it_starts(tmp_path, validity, start, end):
    # main's message gives the start date alone (no longer which key it came from)
    path = write(tmp_path, setting("agreement", "validity", validity))
    assert problems(path) == [(str(path), line_of(path, f"end: '{end}'"), "agreement.validity.end",
                               f"the agreement ends ({end}) before it starts ({start})")]


def test_an_agreement_a_day_long(tmp_path):
    # a day long is a valid term; without renewal: false the default notice (1か月)
    # could not be given before its end, which term.py now refuses
    load_spec(write(tmp_path, setting("agreement", "validity", {"end": "2024-02-28", "renewal": False})))
    path = write(tmp_path, setting("agreement", "validity", {"end": "2024-02-28"}), "renewing")
    assert problems(path) == [(str(path), line_of(path, "end: '2024-02-28'"), "agreement.validity.end",
                               "the term from 2024-02-27 to 2024-02-28 cannot be met: notice 1か月 before its end"
                               " (2024-01-28) falls before it starts; give a later end, a shorter renewal_notice,"
                               " or renewal: false")]


ELEVENTH_PARTY = ("the document labels its 11 parties 甲, 乙 … (labels: 甲乙), and those labels stop at the 10th,"
                  " 癸: write one word for all of them (labels: 各市町) or a label per party (labels: {id: word})")


def eleven_parties(data):
    for i in range(9):
        data["parties"][f"p{i}"] = {"name": f"市{i}", "representative": {"title": "長", "name": "山田　太郎"}}


def test_the_labels_gotsu_stop_at_ten_parties_at_the_document_or_its_labels(tmp_path):
    path = write(tmp_path, eleven_parties)
    assert problems(path) == [(str(path), line_of(path, "standard: 包括連携") - 1, "agreement.document",
                               ELEVENTH_PARTY)]
    written = write(tmp_path, lambda d: (eleven_parties(d), d["agreement"]["document"].update(labels="甲乙")),
                    "written")
    assert problems(written) == [(str(written), line_of(written, "labels: 甲乙"), "agreement.document.labels",
                                  ELEVENTH_PARTY)]
    load_spec(write(tmp_path, lambda d: (eleven_parties(d), d["parties"].pop("p8")), "ten"))


def test_more_than_ten_parties_where_nothing_labels_them(tmp_path):
    """Only the document's 甲乙 labels stop at ten: the same eleven parties named by one
    word, by a label each, or with no document at all (a notice, the annual book) load."""
    def one_word(d):
        eleven_parties(d)
        d["agreement"]["document"]["labels"] = "各者"
    def each(d):
        eleven_parties(d)
        d["agreement"]["document"]["labels"] = {pid: f"者{i}" for i, pid in enumerate(d["parties"])}
    def no_document(d):
        eleven_parties(d)
        del d["agreement"]["document"]
    for change in (one_word, each, no_document):
        load_spec(write(tmp_path, change, change.__name__))


def test_logo_problems(tmp_path):
    (tmp_path / "text.png").write_text("not an image", encoding="utf-8")
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    for logo, message in [
        ("none.png", f"logo file not found: {tmp_path / 'none.png'} (a logo path is relative to the spec file)"),
        ("text.png", f"the logo {tmp_path / 'text.png'} is not a PNG or JPEG file"),
    ]:
        path = write(tmp_path, setting("parties", "bureau", "logo", logo))
        assert problems(path) == [(str(path), line_of(path, f"logo: {logo}"), "parties.bureau.logo", message)]
    path = write(tmp_path, setting("parties", "kitami_it", "logo", "broken.png"))
    [(_, line, key, message)] = problems(path)
    assert (line, key) == (line_of(path, "logo: broken.png"), "parties.kitami_it.logo")
    assert message == f"the logo {tmp_path / 'broken.png'} is damaged and cannot be read"


# ---------------------------------------------------------------- schema findings in plain words
@pytest.mark.parametrize("change, where, key, message", [
    (setting("press_notice", "subjectt", "x"), "subjectt:", "press_notice.subjectt",
     "unknown key 'subjectt'; did you mean 'subject'?"),
    (setting("press_notice", "zzzz", "x"), "zzzz:", "press_notice.zzzz",
     "unknown key 'zzzz'; allowed here: after, also, attachments, background, category_line, ceremonies, ceremony, closing, closing_ijo, contacts, contacts_lead, correction, "
     "date_prefix, date_suffix, embargo, event_line, header, issue_date, issue_time, issuer_label, issuing_office, ki, kind_line, opening, "
     "opening_heading, press_request, section_marker, sections, sections_follow_items, subject, subject_label, subtitle, subtitle_joined"),
    (setting("parties", "bureau", "nmae", "x"), "nmae:", "parties.bureau.nmae",
     "unknown key 'nmae'; did you mean 'name'?"),
    (setting("agreement", "fiscal_year", "abc"), "fiscal_year:", "agreement.fiscal_year",
     "expected a year as a whole number (2024 = 令和６年度), got the text 'abc'"),
    (setting("agreement", "document", "area_items", "maybe"), "area_items:", "agreement.document.area_items",
     "expected true or false, got the text 'maybe'"),
    (setting("agreement", "area_items", True), "area_items:", "agreement.area_items",     # the old place
     "'area_items' belongs to the agreement document now: write it as agreement.document.area_items"),
    (setting("agreement", "areas", "abc"), "areas: abc", "agreement.areas",
     "expected a list (lines starting with '- ', or [a, b]), got the text 'abc'"),
    (setting("agreement", "validity", "abc"), "validity: abc", "agreement.validity",
     "expected a block of keys (key: value lines, indented under this one), got the text 'abc'"),
    (setting("agreement", "title", 5621), "title: 5621", "agreement.title",
     "expected text, got the number 5621; put it in quotes (\"5621\") so that it is kept exactly as written"),
    (setting("agreement", "title", True), "title: true", "agreement.title",
     "expected text, got true/false (true)"),
    # the subject may be false (no title, subject: false) or its lines: a number or true is neither
    (setting("press_notice", "subject", 5621), "subject: 5621", "press_notice.subject",
     "expected text, a list of its paragraphs or lines, or false for none, got the number 5621; put it in quotes"
     " (\"5621\") if it is text, so that it is kept exactly as written"),
    (setting("press_notice", "subject", True), "subject: true", "press_notice.subject",
     "expected text, a list of its paragraphs or lines, or false for none, got true/false (true)"),
])
def test_schema_findings(tmp_path, change, where, key, message):
    path = write(tmp_path, change)
    assert problems(path) == [(str(path), line_of(path, where), key, message)]


def test_a_misspelt_required_key_is_one_mistake(tmp_path):
    def change(data):
        ceremony = data["press_notice"]["ceremony"]
        ceremony["venu"] = ceremony.pop("venue")
    path = write(tmp_path, change)
    typo = line_of(path, "venu:")
    # main reports the misspelling alone (no second problem for the missing venue)
    assert problems(path) == [
        (str(path), typo, "press_notice.ceremony.venu", "unknown key 'venu'; did you mean 'venue'?")]


@pytest.mark.parametrize("change, where, key, message", [
    (setting("agreement", "validity", "renewal_notice", "すぐ"), "renewal_notice:", "agreement.validity.renewal_notice",
     "write a period as a number and a unit: 1か月, 30日, 2週間 or 1年 (got 'すぐ')"),
    (setting("press_notice", "press_request", "deadline", "2024-02-30T17:00"), "deadline:",
     "press_notice.press_request.deadline", "2024-02-30T17:00 is not a valid date: 2024年2月 has 29 days"),
    (setting("agreement", "signing_date", [1]), "signing_date:", "agreement.signing_date",
     "expected a date written as YYYY-MM-DD (2024-02-27), got a list"),
    (setting("press_notice", "ceremony", "start", [1]), "start:", "press_notice.ceremony.start",
     "expected a time written as HH:MM in quotes (\"11:00\"), got a list"),
    (setting("press_notice", "subject", ""), "  subject: ''", "press_notice.subject",
     "the value is empty; write it, or remove the key"),
    (setting("agreement", "document", "area_items", [1]), "area_items:", "agreement.document.area_items",
     "expected true or false, got a list"),
    (setting("parties", {}), "parties: {}", "parties", "needs at least 1 entry"),
    (setting("agreement", "document", "articles", {"costs": {"text": []}}), "text: []",
     "agreement.document.articles.costs.text",
     "needs at least 1 entry"),
])
def test_more_schema_findings(tmp_path, change, where, key, message):
    path = write(tmp_path, change)
    found = problems(path)
    assert (str(path), line_of(path, where), key, message) in found, found


def test_an_agreement_with_one_party(tmp_path):
    path = write(tmp_path, lambda d: (d["parties"].pop("kitami_it"), d.pop("press_notice")))
    assert problems(path) == [(str(path), line_of(path, "agreement:"), "agreement",
                               "an agreement needs at least two parties under parties:")]


def test_an_unknown_article_with_nothing_close(tmp_path):
    # checked where the standard set is known: articles.compose (load_spec accepts it)
    path = write(tmp_path, setting("agreement", "document", "articles", {"zzzz": {"remove": True}}))
    with pytest.raises(InputError) as raised:
        compose(load_spec(path), load_style())
    assert [(p.file, p.line, p.key, p.message) for p in raised.value.problems] == [
        (str(path), line_of(path, "zzzz:"), "agreement.document.articles.zzzz",
         "the standard set '包括連携' has no article named 'zzzz'; its articles: purpose, areas, promotion,"
         " confidentiality, costs, validity, consultation")]


def test_every_bad_value_of_a_list_is_reported(tmp_path):
    path = write(tmp_path, setting("press_notice", "opening", ["今般\t、", "つきまして\tは"]))
    assert [(p[2], p[3][-16:]) for p in problems(path)] == [("press_notice.opening[0]", "(at character 3)"),
                                                            ("press_notice.opening[1]", "(at character 6)")]


def test_two_radicals_in_one_field(tmp_path):
    path = write(tmp_path, setting("press_notice", "ceremony", "venue", "\u2f24\u2f74会議室"))
    assert [w[3] for w in warnings(path)] == [
        "look-alike radical characters replaced: \u2f24 U+2F24 → 大, \u2f74 U+2F74 → 立"]


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_png_and_jpeg_logos_are_accepted(tmp_path, fmt):
    from PIL import Image
    Image.new("RGB", (8, 4), "white").save(tmp_path / "logo.img", fmt)
    loaded = load_spec(write(tmp_path, setting("parties", "bureau", "logo", "logo.img")))
    assert loaded.spec.parties["bureau"].logo == "logo.img"


# ---------------------------------------------------------------- attachments: pdf_trouble
def pdf_bytes(pages: int = 1, password: str | None = None) -> bytes:
    import io
    from pypdf import PdfWriter
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_attachment_pdf_that_cannot_be_used_is_said_why(tmp_path):
    from jpdocs.spec.file_checks import pdf_trouble
    good, locked, empty, text, broken, folder = (tmp_path / n for n in (
        "map.pdf", "locked.pdf", "empty.pdf", "notes.pdf", "broken.pdf", "folder.pdf"))
    good.write_bytes(pdf_bytes())
    locked.write_bytes(pdf_bytes(password="secret"))
    empty.write_bytes(pdf_bytes(pages=0))
    text.write_bytes(b"just some text, no PDF header\n" * 50)
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n")
    folder.mkdir()
    assert pdf_trouble(good) is None
    assert pdf_trouble(tmp_path / "missing.pdf") == (f"attachment file not found: {tmp_path / 'missing.pdf'}"
                                                     " (a file path is relative to the spec file)")
    assert pdf_trouble(locked) == (f"the attachment {locked} is encrypted (password-protected); save an unprotected"
                                   " copy to attach it")
    assert pdf_trouble(empty) == f"the attachment {empty} has no pages"
    assert pdf_trouble(text) == f"the attachment {text} is not a PDF file"
    assert pdf_trouble(broken).startswith(f"the attachment {broken} is damaged and cannot be read: ")
    assert pdf_trouble(folder) == f"the attachment {folder} is a folder, not a regular file"


def test_the_pdf_header_is_looked_for_in_the_first_kilobyte_only(tmp_path):
    from jpdocs.spec.file_checks import pdf_trouble
    late, early = tmp_path / "late.pdf", tmp_path / "early.pdf"
    late.write_bytes(b" " * 1020 + pdf_bytes())            # %PDF- ends one byte past the first kilobyte
    early.write_bytes(b" " * 1019 + pdf_bytes())
    assert pdf_trouble(late) == f"the attachment {late} is not a PDF file"
    assert pdf_trouble(early) is None


# ---------------------------------------------------------------- unknown keys
def test_also_under_the_agreement_points_to_press_notice_also(tmp_path):
    path = write(tmp_path, setting("agreement", "also", ["x"]))
    assert problems(path) == [(str(path), line_of(path, "also:"), "agreement.also",
                               "unknown key 'also' here: the other agreements signed at the same ceremony are named"
                               " by the notice that announces them, as press_notice.also")]


@pytest.mark.parametrize("where, key, hint", [
    (("parties", "kitami_it"), "adress", "; did you mean 'address'?"),
    (("parties", "kitami_it"), "zzzqq", "; allowed here: address, co_signers, country, formal_name, honorific, issuing, logo, name,"
                                        " representative, short_name, signatory, statements, typed_name, with_issuer"),
    (("agreement", "document"), "zzzqq", "; allowed here: annexes, area_items, article_numerals, articles, block_labels, catch_all, chapters, closing, collective,"
                                         " conclude, conjunction, copies, cover, date_line, draft, extra_articles, kind, kind_words_as_written, labels, original_mark,"
                                         " paragraph_numbers, preamble, prose, purpose, seal_places, signature_blocks, signature_mark, signed_by_hand, signer_names,"
                                         " signing_place, standard, subject, supplementary, title, title_note, translations, withheld_name, witnesses, writing"),
    ((), "zzzqq", "; allowed here: agreement, agreements, issuer, parties, press_notice, style"),
])
def test_an_unknown_key_gets_the_close_key_or_the_keys_allowed_there(tmp_path, where, key, hint):
    path = write(tmp_path, setting(*where, key, "x"))
    assert problems(path) == [(str(path), line_of(path, f"{key}:"), ".".join(where + (key,)),
                               f"unknown key '{key}'{hint}")]


def test_an_unknown_key_in_a_standard_articles_change_gets_the_close_key(tmp_path):
    path = write(tmp_path, setting("agreement", "document", "articles", {"purpose": {"hedding": "趣旨"}}))
    assert problems(path) == [(str(path), line_of(path, "hedding:"), "agreement.document.articles.purpose.hedding",
                               "unknown key 'hedding'; did you mean 'heading'?")]


def test_a_misspelt_nested_key_and_the_missing_one_are_told_as_one_mistake(tmp_path):
    def misspell(data):
        person = data["parties"]["kitami_it"]["representative"]
        person["titel"] = person.pop("title")
    path = write(tmp_path, misspell)
    typo = line_of(path, "titel:")
    assert problems(path) == [
        (str(path), typo - 2, "parties.kitami_it.representative.title",         # its representative: line
         f"this key is required but missing (is it the misspelt 'titel' at line {typo}?)"),
        (str(path), typo, "parties.kitami_it.representative.titel", "unknown key 'titel'; did you mean 'title'?")]


# ---------------------------------------------------------------- attachments in the spec
def test_a_missing_attachment_file_is_named_at_its_key(tmp_path):
    path = write(tmp_path, setting("press_notice", "attachments", [
        {"title": "連携協定の概要", "document": "overview"}, {"title": "会場案内図", "file": "map.pdf"}]))
    assert problems(path) == [(str(path), line_of(path, "file: map.pdf"), "press_notice.attachments[1].file",
                               f"attachment file not found: {tmp_path / 'map.pdf'} (a file path is relative to the"
                               " spec file)")]
    (tmp_path / "map.pdf").write_bytes(pdf_bytes())
    assert load_spec(path).spec.press_notice.attachments[1].file == "map.pdf"


def test_the_overview_attached_by_a_spec_without_areas_is_an_error_at_its_key(tmp_path):
    def no_areas(data):
        del data["agreement"]["areas"]
    path = write(tmp_path, no_areas)
    assert problems(path) == [(str(path), line_of(path, "document: overview"), "press_notice.attachments[0].document",
                               "the overview sheet is made from agreement.areas, and this spec has none: there is no"
                               " overview to attach (write the title alone to list it only)")]


def test_the_release_after_the_signing_needs_the_agreement_and_its_attachments_are_checked(tmp_path):
    def after_without_agreement(data):
        del data["agreement"]
        data["press_notice"]["attachments"] = ["会場案内図"]
        data["press_notice"]["after"] = {"issue_date": "2024-02-27", "opening": ["本日、協定を締結しました。"],
                                         "attachments": [{"title": "写真", "file": "photo.pdf"}]}
    path = write(tmp_path, after_without_agreement)
    found = problems(path)
    assert found[0] == (str(path), line_of(path, "after:"), "press_notice.after",
                        "the release after the signing reports the agreement signed: the spec needs agreement:"
                        " (its title and signing_date)")
    assert (str(path), line_of(path, "file: photo.pdf"), "press_notice.after.attachments[0].file",
            f"attachment file not found: {tmp_path / 'photo.pdf'} (a file path is relative to the spec file)") in found


def test_problems_are_sorted_by_line_then_key_those_without_a_line_first():
    from jpdocs.errors import Problem
    from jpdocs.spec.checks import sort_problems
    ps = [Problem("f", 2, "a", "x"), Problem("f", 1, "b", "x"), Problem("f", None, "z", "x"), Problem("f", 1, "a", "x")]
    assert [(p.line, p.key) for p in sort_problems(ps)] == [(None, "z"), (1, "a"), (1, "b"), (2, "a")]


# ---------------------------------------------------------------- keys as the spec writes them
def test_an_unknown_key_in_a_paragraph_with_items_is_named_without_the_union_member_tried(tmp_path):
    """A paragraph is text or {text:, items:}: the check tries both and puts the member
    it tried (ClauseSpec, constrained-str) into the error's path. The spec has no
    such key: the problem is the misspelt key, at its own path, and nothing else."""
    path = write(tmp_path, setting("agreement", "document", "extra_articles", [
        {"heading": "個人情報の保護", "text": [{"text": "次に掲げる事項を守る。", "itemz": ["目的外に使わないこと。"]}]}]))
    assert problems(path) == [(str(path), line_of(path, "itemz:"), "agreement.document.extra_articles[0].text[0].itemz",
                               "unknown key 'itemz'; did you mean 'items'?")]


def test_a_paragraph_that_is_neither_text_nor_a_block_names_its_own_key(tmp_path):
    path = write(tmp_path, setting("agreement", "document", "extra_articles", [
        {"heading": "個人情報の保護", "text": [["入れ子のリスト"]]}]))
    found = problems(path)
    assert {key for _, _, key, _ in found} == {"agreement.document.extra_articles[0].text[0]"}
    assert all(line == line_of(path, "- - 入れ子のリスト") for _, line, _, _ in found)


def test_a_label_key_that_is_no_text_is_named_at_the_labels(tmp_path):
    path = write(tmp_path, setting("agreement", "document", "labels", {1: "振興局", "kitami_it": "大学"}))
    found = problems(path)
    assert found and all(key.startswith("agreement.document.labels") and "str" not in key for _, _, key, _ in found)


# ---------------------------------------------------------------- the agreement's own checks (_check_agreement)
def document(**values):
    def change(data):
        data["agreement"]["document"].update(values)
    return change


def test_sub_items_beyond_the_last_marker_are_named_at_their_list(tmp_path):
    def items(n):
        return document(extra_articles=[{"heading": "遵守事項", "text": [
            {"text": "次に掲げる事項を遵守する。", "items": [{"text": "禁止事項", "items": [f"項目{i}" for i in range(n)]}]}]}])
    assert load_spec(write(tmp_path, items(44), "fits")).spec.agreement.document.extra_articles
    path = write(tmp_path, items(45))
    assert problems(path) == [(str(path), line_of(path, "text: 禁止事項") + 1,
                               "agreement.document.extra_articles[0].text[0].items[0].items",
                               "45 sub-items, but their markers ア, イ … run out after 44 (ワ); split the list, or make"
                               " some of them items of their own")]


@pytest.mark.parametrize("key", ["labels", "collective"])
def test_a_word_for_two_parties_with_three_is_an_error_at_its_key(tmp_path, key):
    def three(data):
        data["parties"]["kitami_city"] = {"name": "北見市", "address": "北海道北見市大通西２丁目１番地",
                                          "representative": {"title": "北見市長", "name": "辻　直孝"}}
        data["agreement"]["document"][key] = "両者"
    path = write(tmp_path, three)
    assert problems(path) == [(str(path), line_of(path, f"{key}: 両者"), f"agreement.document.{key}",
                               "'両者' speaks of two parties, but there are 3; write 甲乙, or a word such as 三者")]


def test_labels_per_party_name_undeclared_missing_and_shared_labels(tmp_path):
    path = write(tmp_path, document(labels={"bureau": "振興局", "kitami_itt": "大学", "zzz": "大学"}))
    assert problems(path) == [                       # sorted by line
        (str(path), line_of(path, "labels:"), "agreement.document.labels",
         "a label per party needs one for every party; missing: 北見工業大学（kitami_it）"),
        (str(path), line_of(path, "kitami_itt:"), "agreement.document.labels.kitami_itt",
         "party 'kitami_itt' is not declared under parties; did you mean 北見工業大学（kitami_it）?"),
        (str(path), line_of(path, "kitami_itt:"), "agreement.document.labels.kitami_itt",
         "the label 「大学」 is given to more than one party"),
        (str(path), line_of(path, "zzz:"), "agreement.document.labels.zzz",
         "party 'zzz' is not declared under parties (declared: 北海道オホーツク総合振興局（bureau）, 北見工業大学（kitami_it）)"),
        (str(path), line_of(path, "zzz:"), "agreement.document.labels.zzz", "the label 「大学」 is given to more than one party")]


def test_a_collective_word_beside_one_word_for_all_is_an_error(tmp_path):
    path = write(tmp_path, document(labels="両者", collective="両者"))
    assert problems(path) == [(str(path), line_of(path, "collective:"), "agreement.document.collective",
                               "labels: 両者 is already the one word for all parties, so collective: would have no"
                               " effect; remove one")]
    assert load_spec(write(tmp_path, document(labels="甲乙", collective="両者"), "ok")).spec


def test_keys_an_own_preamble_or_no_areas_would_ignore_are_errors(tmp_path):
    path = write(tmp_path, document(preamble="甲及び乙は、次のとおり協定を締結する。", subject="連携", conclude="締結する"))
    assert [(key, message) for _, _, key, message in problems(path)] == [
        ("agreement.document.subject", "subject words the generated preamble, and the spec writes its own"
                                       " (document.preamble): it would have no effect"),
        ("agreement.document.conclude", "conclude words the generated preamble, and the spec writes its own"
                                        " (document.preamble): it would have no effect")]

    def no_areas(data):
        del data["agreement"]["areas"]
        del data["press_notice"]["attachments"]
        data["agreement"]["document"].update(area_items=True, catch_all=False)
    path = write(tmp_path, no_areas, "noareas")
    assert [(line, key) for _, line, key, _ in problems(path)] == [
        (line_of(path, "area_items:"), "agreement.document.area_items"), (line_of(path, "catch_all:"), "agreement.document.catch_all")]
    assert problems(path)[0][3] == ("area_items shapes the 連携事項 article made from agreement.areas, and this spec has"
                                    " no areas: it would have no effect")


def test_an_agreement_with_one_party_is_an_error(tmp_path):
    def one(data):
        del data["parties"]["kitami_it"]
        data["agreement"]["document"].pop("labels", None)
    path = write(tmp_path, one)
    assert ("agreement", "an agreement needs at least two parties under parties:") in [
        (key, message) for _, _, key, message in problems(path)]


@pytest.mark.parametrize("change, key, message", [
    (setting("parties", ["a", "b"]), "parties",
     "expected a block of keys (key: value lines, indented under this one), got a list"),
    (document(extra_articles=[{"heading": "空", "text": []}]), "agreement.document.extra_articles[0].text",
     "needs at least 1 entry"),
    (document(copies="abc"), "agreement.document.copies", "expected true or false, got the text 'abc'"),
])
def test_a_value_of_the_wrong_shape_says_what_was_expected(tmp_path, change, key, message):
    path = write(tmp_path, change)
    assert [(k, m) for _, _, k, m in problems(path)] == [(key, message)]


def test_sub_items_beyond_the_last_marker_in_a_changed_article_and_in_an_area_are_named_too(tmp_path):
    many = [f"項目{i}" for i in range(45)]

    def long_lists(data):
        data["agreement"]["document"]["articles"] = {"promotion": {"text": [
            {"text": "次に掲げる事項を推進する。", "items": [{"text": "推進事項", "items": many}]}]}}
        data["agreement"]["document"]["extra_articles"] = [{"heading": "遵守事項", "text": [
            {"text": "次に掲げる事項を遵守する。", "items": [{"text": "禁止事項", "items": many}]}]}]
        data["agreement"]["document"]["area_items"] = True
        data["agreement"]["areas"][0]["items"] = many
    path = write(tmp_path, long_lists)
    assert sorted(key for _, _, key, _ in problems(path)) == [
        "agreement.areas[0].items", "agreement.document.articles.promotion.text[0].items[0].items",
        "agreement.document.extra_articles[0].text[0].items[0].items"]


def test_every_party_without_a_label_is_listed(tmp_path):
    def three(data):
        data["parties"]["kitami_city"] = {"name": "北見市", "address": "北海道北見市大通西２丁目１番地",
                                          "representative": {"title": "北見市長", "name": "辻　直孝"}}
        data["agreement"]["document"]["labels"] = {"bureau": "振興局"}
    path = write(tmp_path, three)
    assert problems(path) == [(str(path), line_of(path, "labels:"), "agreement.document.labels",
                               "a label per party needs one for every party; missing: 北見工業大学（kitami_it）, 北見市（kitami_city）")]


def test_a_renewal_notice_too_long_for_any_default_end_is_named_at_the_notice(tmp_path):
    path = write(tmp_path, setting("agreement", "validity", {"renewal_notice": "2年"}))
    [(file, line, key, message)] = problems(path)
    assert (line, key) == (line_of(path, "renewal_notice:"), "agreement.validity.renewal_notice")
    assert message.startswith("the term from 2024-02-27 to 2025-03-31 cannot be met: notice 2年 before its end")


@pytest.mark.parametrize("tail, message", [
    ("", "the deadline needs a tail to make a sentence (…までに下記連絡先までお知らせください。): write the tail,"
         " or leave out the deadline"),
    ("までに下記連絡先までお知らせください。",
     "までに is printed after the deadline already; write the tail without it ('下記連絡先までお知らせください。')"),
])
def test_a_press_request_deadline_needs_a_tail_without_までに(tmp_path, tail, message):
    path = write(tmp_path, setting("press_notice", "press_request", "tail", tail))
    assert problems(path) == [(str(path), line_of(path, "tail:"), "press_notice.press_request.tail", message)]


def test_an_honorific_on_the_issuing_offices_own_head_is_an_error(tmp_path):
    path = write(tmp_path, setting("parties", "bureau", "honorific", "殿"))
    assert problems(path) == [(str(path), line_of(path, "honorific: 殿"), "parties.bureau.honorific",
                               "'殿' on the issuing office's own head (the issuer is '北海道オホーツク総合振興局'); an office"
                               " never writes 様 after its own head: delete the honorific, or say issuing: false if this"
                               " party is not of the issuing side")]
    assert load_spec(write(tmp_path, setting("parties", "kitami_it", "honorific", "様"), "partner")).spec


def test_an_honorific_on_a_party_said_to_be_of_the_issuing_side_names_issuing_true(tmp_path):
    def issuing(data):
        data["parties"]["kitami_it"].update(issuing=True, honorific="殿")
    path = write(tmp_path, issuing)
    assert [(key, message) for _, _, key, message in problems(path)] == [
        ("parties.kitami_it.honorific", "'殿' on the issuing office's own head (issuing: true); an office never writes"
                                        " 様 after its own head: delete the honorific, or say issuing: false if this"
                                        " party is not of the issuing side")]


# ---------------------------------------------------------------- the agreement's dates and fields (cross_check)
def test_a_signing_or_start_in_a_fiscal_year_that_cannot_be_written_is_named_at_its_key(tmp_path):
    path = write(tmp_path, setting("agreement", "signing_date", "9999-04-01"))
    assert (str(path), line_of(path, "signing_date:"), "agreement.signing_date",
            "9999-04-01 falls in the fiscal year 9999, whose days cannot all be written as dates (fiscal years run"
            " from 1869 to 9998); check the date") in problems(path)
    path = write(tmp_path, setting("agreement", "validity", {"start": "1869-03-31", "end": "1870-03-31",
                                                              "renewal": False}), "start")
    assert problems(path) == [(str(path), line_of(path, "start: '1869-03-31'"), "agreement.validity.start",
                               "1869-03-31 falls in the fiscal year 1868, whose days cannot all be written as dates"
                               " (fiscal years run from 1869 to 9998); check the date")]
    # the first and last days of the fiscal years that can be written
    for start, end in (("1869-04-01", "1870-03-31"), ("9998-04-01", "9999-03-31")):
        load_spec(write(tmp_path, setting("agreement", "validity", {"start": start, "end": end, "renewal": False}),
                        "bounds"))


def test_an_amendment_on_or_before_the_signing_is_named_at_its_date(tmp_path):
    path = write(tmp_path, setting("agreement", "amendments", [
        {"date": "2024-02-27", "note": "当日"}, {"date": "2024-02-28", "note": "翌日"}, {"date": "2024-02-26", "note": "前日"}]))
    assert problems(path) == [
        (str(path), line_of(path, "note: 当日") - 1, "agreement.amendments[0].date",
         "the agreement is amended on 2024-02-27, not after it was signed (2024-02-27); check the date"),
        (str(path), line_of(path, "note: 前日") - 1, "agreement.amendments[2].date",
         "the agreement is amended on 2024-02-26, not after it was signed (2024-02-27); check the date")]


def test_an_amendment_of_an_agreement_whose_signing_is_left_open_is_not_compared(tmp_path):
    def draft(data):
        data["agreement"].update(signing_date=None, amendments=[{"date": "2020-01-01"}])
        data["agreement"]["document"]["draft"] = True
    assert load_spec(write(tmp_path, draft)).spec.agreement.amendments[0].date.isoformat() == "2020-01-01"


def test_a_field_with_an_empty_name_is_named_at_it(tmp_path):
    path = write(tmp_path, setting("agreement", "fields", {"分類": "包括連携", " ": "x"}))
    assert problems(path) == [(str(path), line_of(path, "' ': x"), "agreement.fields", "a field's name cannot be empty")]


# ---------------------------------------------------------------- who signs (_signers)
def without_head(*also):
    def change(data):
        del data["parties"]["kitami_it"]["representative"]
        for step in also:
            step(data)
    return change


def no_document(data):
    del data["agreement"]["document"]


def no_notice(data):
    del data["press_notice"]


SIGNS_AGREEMENT = ("missing: the agreement's signature block prints who signs for this party; give representative:"
                   " {title: …, name: …}")
SIGNS_NOTICE = ("missing: the press notice's 締結者 prints who signs for this party; give representative: {title: …,"
                " name: …} (or name the parties that sign in press_notice.ceremony.signatories, or list no 締結者:"
                " ki: without signatories, ki: [] for a report with no 記 block)")


@pytest.mark.parametrize("change, message", [
    (without_head(), SIGNS_AGREEMENT),                        # both print it: the agreement is named
    (without_head(no_notice), SIGNS_AGREEMENT),
    (without_head(no_document), SIGNS_NOTICE),
    (without_head(no_document, setting("press_notice", "ceremony", "signatories", None)), SIGNS_NOTICE),   # default: all
    (without_head(no_document, setting("press_notice", "ceremony", "signatories", ["bureau"])), None),
    (without_head(no_document, no_notice), None),             # the annual book's entry alone
    (lambda d: d["parties"]["kitami_it"].update(signatory=d["parties"]["kitami_it"].pop("representative")), None),
])
def test_a_party_without_a_signer_is_an_error_only_where_a_document_prints_one(tmp_path, change, message):
    path = write(tmp_path, change)
    if message is None:
        assert load_spec(path).spec
    else:
        assert problems(path) == [(str(path), line_of(path, "kitami_it:"), "parties.kitami_it.representative", message)]


# ---------------------------------------------------------------- blanks (_blanks)
DRAFT_ONLY = ("left open (null), which only a draft may do: write it, or say agreement.document.draft: true for a"
              " draft (案) with blanks")
NOTICE_PRINTS = "left open (null), but the press notice prints this name: write it"


def blanks(*also):
    def change(data):
        data["agreement"]["signing_date"] = None
        data["parties"]["kitami_it"]["name"] = None
        data["parties"]["kitami_it"]["representative"]["name"] = None
        data["parties"]["bureau"]["signatory"] = {"title": "副局長", "name": None}
        del data["parties"]["bureau"]["representative"]    # (a head beside the signatory prints nowhere: refused)
        for step in also:
            step(data)
    return change


def draft(data):
    data["agreement"]["document"]["draft"] = True


# in the file's order: the three names are the three `name: null` lines
ALL_BLANKS = ["parties.bureau.signatory.name", "parties.kitami_it.name", "parties.kitami_it.representative.name",
              "agreement.signing_date"]


@pytest.mark.parametrize("change, expected", [
    (blanks(), [(key, DRAFT_ONLY) for key in ALL_BLANKS]),
    (blanks(draft), [(key, NOTICE_PRINTS) for key in ALL_BLANKS[:3]]),
    # a party that does not sign at the ceremony: its signer's name is not printed by the notice; its own name is
    (blanks(draft, setting("press_notice", "ceremony", "signatories", ["bureau"])),
     [(key, NOTICE_PRINTS) for key in ALL_BLANKS[:2]]),
    (blanks(draft, no_notice), []),
])
def test_a_blank_is_allowed_in_a_draft_only_and_never_where_the_notice_prints_it(tmp_path, change, expected):
    path = write(tmp_path, change)
    if not expected:
        assert load_spec(path).spec.agreement.signing_date is None
        return
    text = path.read_text(encoding="utf-8").splitlines()
    lines = [n for n, line in enumerate(text, 1) if line.endswith("name: null")] + [line_of(path, "signing_date:")]
    assert problems(path) == [(str(path), lines[ALL_BLANKS.index(key)], key, message) for key, message in expected]


NO_DOCUMENT = "left open (null), and this spec makes no agreement document to be a draft of: write it"
NO_DOCUMENT_PERSON = NO_DOCUMENT + ", or leave the person out where nothing the spec makes names them"


def test_a_blank_without_an_agreement_document_is_not_told_to_make_a_draft_of_one(tmp_path):
    # A notice's starter (generate.py new notice) leaves every party's name and head
    # null: a draft agreement, the usual remedy, would add a document the page has not.
    def change(data):
        no_document(data)
        data["parties"]["kitami_it"]["name"] = None
        data["parties"]["kitami_it"]["representative"]["title"] = None
        del data["press_notice"]
    path = write(tmp_path, change)
    assert problems(path) == [
        (str(path), line_of(path, "name: null"), "parties.kitami_it.name", NO_DOCUMENT),
        (str(path), line_of(path, "title: null"), "parties.kitami_it.representative.title", NO_DOCUMENT_PERSON)]
    # with the document back, the draft is again the way to leave it blank
    def with_document(data):
        change(data)
        data["agreement"]["document"] = copy.deepcopy(BASE["agreement"]["document"])
    path = write(tmp_path, with_document)
    assert {message for *_, message in problems(path)} == {DRAFT_ONLY}


def test_an_empty_date_of_issue_is_told_every_form_it_takes(tmp_path):
    path = write(tmp_path, setting("press_notice", "issue_date", None))
    assert problems(path) == [(str(path), line_of(path, "issue_date:"), "press_notice.issue_date",
                               "expected the date of issue as YYYY-MM-DD (2024-02-27) or 令和6年2月27日, or none where"
                               " the page gives no date of its own; got nothing (the value after the colon is empty)")]


def test_a_drafts_open_title_is_refused_where_the_notice_prints_it(tmp_path):
    def change(data):
        draft(data)
        data["parties"]["kitami_it"]["representative"]["title"] = None
    path = write(tmp_path, change)
    assert problems(path) == [(str(path), line_of(path, "title: null"), "parties.kitami_it.representative.title",
                               "left open (null), but the press notice prints this title: write it")]


# ---------------------------------------------------------------- files outside the spec's folder (check_named_files)
def png(path):
    from PIL import Image
    Image.new("RGB", (8, 4), "white").save(path, "PNG")


AFTER = {"issue_date": "2024-02-27", "opening": ["本日、協定を締結しました。"]}


@pytest.mark.parametrize("change, where, key, written", [
    (setting("style", "{}house.yaml"), "style:", "style", "house.yaml"),
    (setting("parties", "bureau", "logo", "{}logo.png"), "logo:", "parties.bureau.logo", "logo.png"),
    (lambda d: d["press_notice"]["attachments"].append({"title": "会場案内図", "file": "{}map.pdf"}), "file:",
     "press_notice.attachments[1].file", "map.pdf"),
    (setting("press_notice", "after", dict(AFTER, attachments=[{"title": "写真", "file": "{}photo.pdf"}])), "file:",
     "press_notice.after.attachments[0].file", "photo.pdf"),
    (setting("press_notice", "also", ["{}other.yaml"]), "-", "press_notice.also[0]", "other.yaml"),
])
def test_a_file_outside_the_specs_folder_is_refused_at_its_key_where_outside_files_are_not_allowed(
        tmp_path, change, where, key, written):
    """A service building specs sent by others (allow_outside=False) must not let a
    spec reach the server's files: each kind of file a spec names is refused at its
    own key; inside the folder, or from the command line, it is accepted."""
    for name in ("house.yaml", "other.yaml"):
        (tmp_path / name).write_text("issuer: x\n", encoding="utf-8")
    png(tmp_path / "logo.png")
    for name in ("map.pdf", "photo.pdf"):
        (tmp_path / name).write_bytes(pdf_bytes())
    (tmp_path / "sub").mkdir()

    def spec_at(folder, prefix):
        def filled(data):
            change(data)
            text = yaml.safe_dump(data, allow_unicode=True).replace("{}", prefix)
            data.clear()
            data.update(yaml.safe_load(text))
        return write(folder, filled)
    path = spec_at(tmp_path / "sub", "../")
    with pytest.raises(InputError) as raised:
        load_spec(path, allow_outside=False, others=False)
    assert [(p.file, p.line, p.key, p.message) for p in raised.value.problems] == [
        (str(path), line_of(path, where + " ../"), key, f"{tmp_path / written} is outside the spec's folder, and here a"
                                                      " spec may only name files inside its own folder")]
    assert load_spec(path, allow_outside=True, others=False).spec
    assert load_spec(spec_at(tmp_path, ""), allow_outside=False, others=False).spec


def test_a_release_after_the_signing_without_attachments_of_its_own_names_no_file(tmp_path):
    path = write(tmp_path, setting("press_notice", "after", AFTER))
    assert load_spec(path, allow_outside=False).spec.press_notice.after.attachments is None


def test_group_signatories_without_other_agreements_is_named_at_its_key(tmp_path):
    path = write(tmp_path, setting("press_notice", "ceremony", "group_signatories", True))
    assert problems(path) == [(str(path), line_of(path, "group_signatories:"), "press_notice.ceremony.group_signatories",
                               "group_signatories groups the 締結者 of several agreements (press_notice.also, or"
                               " agreements:), and this notice announces one: it would have no effect")]


def test_a_misspelt_key_of_a_party_whose_id_is_also_a_key_gets_the_close_key(tmp_path):
    # the id is the user's word: `logo` (a key of a party) must not be taken for the key logo:
    def party_called_logo(data):
        data["parties"]["logo"] = data["parties"].pop("kitami_it")
        data["parties"]["logo"]["adress"] = data["parties"]["logo"].pop("address")
        data["press_notice"]["ceremony"]["signatories"] = ["bureau", "logo"]
    path = write(tmp_path, party_called_logo)
    assert problems(path) == [(str(path), line_of(path, "adress:"), "parties.logo.adress",
                               "unknown key 'adress'; did you mean 'address'?")]


def test_every_field_of_the_schema_is_of_a_kind_whose_errors_are_worded():
    """_explain words the error kinds of text, true/false, a choice, a list, a block
    of keys and values.py's own (dates, times, the fiscal year): a field of another
    kind (a plain int, float, tuple, date) would bring errors told in the check's own words
    only. This walks the schema, so that such a field is seen when it is added."""
    import typing

    from jpdocs.spec.schema import Spec
    from jpdocs.spec.strict import Model
    worded, seen, odd = {str, bool, type(None)}, set(), []

    def leaves(annotation, where, parsed=False):
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            base, *meta = typing.get_args(annotation)
            lengths = all(hasattr(m, "min_length") for m in meta)   # a list that may not be empty (MinLen)
            if base is not str and not lengths:  # values.py's Date, Time, DateTime, FiscalYear: parsed first
                assert any(type(m).__name__ == "BeforeValidator" for m in meta), where
                return
            leaves(base, where)
        elif origin is typing.Literal:
            return
        elif origin is not None:           # list, dict, Union, Optional
            for arg in typing.get_args(annotation):
                leaves(arg, where, parsed)
        elif isinstance(annotation, type) and issubclass(annotation, Model):
            walk(annotation)
        elif annotation not in worded and not parsed:
            odd.append((where, annotation))

    def walk(model):
        if model not in seen:
            seen.add(model)
            for name, field in model.model_fields.items():     # a field's own Annotated is in its metadata
                parsed = any(type(m).__name__ == "BeforeValidator" for m in field.metadata)
                leaves(field.annotation, f"{model.__name__}.{name}", parsed)
    walk(Spec)
    assert odd == [] and len(seen) > 20


def test_an_error_kind_without_words_of_its_own_is_told_in_the_checks_words():
    from jpdocs.spec.schema_messages import _explain
    err = {"type": "string_too_long", "msg": "String should have at most 3 characters", "input": "abcd"}
    assert _explain(err, ("issuer",)) == "String should have at most 3 characters (got the text 'abcd')"


@pytest.mark.parametrize("attachments", [
    lambda file: {"attachments": ["概要", {"title": "地図", "file": file}]},
    lambda file: {"after": dict(AFTER, attachments=[{"title": "地図", "file": file}])},
])
def test_an_attachment_outside_the_specs_folder_is_refused_unread(tmp_path, attachments):
    """Where outside files are not allowed, whether a file out there exists or is a
    PDF must not show in the messages either: the file is never read."""
    (tmp_path / "secret.txt").write_text("not a PDF", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    for written in ("../secret.txt", "../missing.pdf"):
        path = write(tmp_path / "sub", lambda d: d["press_notice"].update(attachments(written)))
        with pytest.raises(InputError) as raised:
            load_spec(path, allow_outside=False)
        assert [p.message for p in raised.value.problems] == [
            f"{tmp_path / written[3:]} is outside the spec's folder, and here a spec may only name files inside its"
            " own folder"]


def test_the_overview_attached_to_the_release_after_the_signing_without_areas_is_an_error_at_its_key(tmp_path):
    def no_areas(data):
        del data["agreement"]["areas"]
        data["press_notice"]["attachments"] = []
        data["press_notice"]["after"] = dict(AFTER, attachments=[{"title": "連携協定の概要", "document": "overview"}])
    path = write(tmp_path, no_areas)
    assert problems(path) == [(str(path), line_of(path, "document: overview"),
                               "press_notice.after.attachments[0].document",
                               "the overview sheet is made from agreement.areas, and this spec has none: there is no"
                               " overview to attach (write the title alone to list it only)")]


def test_a_bad_character_after_a_line_break_in_a_value_is_found(tmp_path):
    # a newline is allowed, and the characters after it are checked as well
    path = write(tmp_path, setting("press_notice", "opening", ["一行目\n二行目\tです"]))
    assert [(key, message) for _, _, key, message in problems(path)] == [
        ("press_notice.opening[0]", "the text contains a tab character; write a full-width space (\u3000) or spaces"
                                    " instead (at character 8)")]


def test_the_prefilter_lets_through_exactly_the_characters_the_check_refuses():
    """check_text passes a string without looking at each character when one search
    finds none of the characters it refuses: that search's class must be exactly
    the loop's set, over every code point."""
    import unicodedata
    from jpdocs.spec.text_checks import _INVISIBLE, _SUSPECT

    def refused(cp):
        ch = chr(cp)
        return ch != "\n" and (ch in "\t\ufffd" or unicodedata.category(ch) == "Cc" or cp in _INVISIBLE
                               or 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069 or 0xD800 <= cp <= 0xDFFF
                               or cp in (0x200E, 0x200F, 0x061C))
    wrong = [hex(cp) for cp in range(0x110000) if refused(cp) != bool(_SUSPECT.match(chr(cp)))]
    assert wrong == []


# ---------------------------------------------------------------- ceremony facts left empty
@pytest.mark.parametrize("key, missing", [("venue", "場所"), ("start", "時刻"), ("date", "日時")])
def test_a_ceremony_fact_written_but_left_empty_is_a_warning(tmp_path, capsys, key, missing):
    """A starter's `venue:` a staffer forgot to fill dropped the notice's 場所 without a
    word (h123): empty is as if the key were not there (the format's meaning, kept),
    but the build says so at the key's line, and what the notice then lacks."""
    import subprocess

    from jpdocs import cli

    def change(data):
        ceremony = data["press_notice"]["ceremony"]
        ceremony[key] = None
        if key == "venue":
            del ceremony["venue_address"]        # (else an error: an address of no venue)
        if key == "date":
            del ceremony["start"], ceremony["duration_note"]   # (else an error: a time without a date)
    path = write(tmp_path, change)
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip() == f"{key}: null")
    message = (f"left empty, as if not written: the notice prints no {missing};"
               " write it, or delete the key where it is not yet known")
    assert (str(path), line, f"press_notice.ceremony.{key}", message) in warnings(path)
    assert cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice"]) == 0
    assert f"warning: {path}:{line}: press_notice.ceremony.{key}: {message}" in capsys.readouterr().err
    pdf = next((tmp_path / "out").rglob("press-notice.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    if key == "venue":
        assert "場所" not in text and "会議室" not in text


def test_a_ceremony_fact_left_out_is_no_warning(tmp_path):
    def change(data):
        ceremony = data["press_notice"]["ceremony"]
        del ceremony["venue"], ceremony["venue_address"]
    assert not [w for w in warnings(write(tmp_path, change)) if "left empty" in w[3]]


@pytest.mark.parametrize("address, shown", [("bousai＠town.example.jp", "＠"), ("bousai@town．example.jp", "．"),
                                            ("bousai@town.example.jp ", " ")])
def test_an_email_typed_in_full_width_is_a_warning_at_its_line(tmp_path, address, shown):
    """A staffer's input method left on wrote the 取材 contact's address with ＠ (h123):
    printed as typed, and no journalist can copy it; the build says so at its line."""
    def change(data):
        data["press_notice"]["contacts"][0]["email"] = address
    path = write(tmp_path, change)
    [found] = [w for w in warnings(path) if w[2] == "press_notice.contacts[0].email"]
    assert found[:2] == (str(path), line_of(path, "email:"))
    assert f"holds '{shown}'" in found[3] and "(＠ → @)" in found[3]


def test_a_half_width_email_is_no_warning(tmp_path):
    path = write(tmp_path, setting("press_notice", "contacts", 0, "email", "bousai@town.example.jp"))
    assert not [w for w in warnings(path) if w[2].endswith("email")]
