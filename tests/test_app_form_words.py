"""The app says the build's messages in the form's words (jpdocs/app/form_words.py): a
new user driving the app from an empty form was told `renewal: false と書いてください`
beside a select box, and keys (document.subject, press_notice.…) the form never shows.

Runs the real app on real starters and the seed, and reads the whole catalogue: a new
message that names a spec key the mapping cannot say in the form's words fails here.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SEED_SPEC
from jpdocs.app import form_words
from jpdocs.app.spec_folder import App
from jpdocs.i18n import messages

CATALOGUE = Path(__file__).parents[1] / "jpdocs" / "locale" / "ja" / "LC_MESSAGES" / "jpdocs.po"

# Key-like words of the messages that are not the spec's: a house style's keys, the
# annual book's columns, YAML lessons and file names. The form has no field for them,
# so they stay as written (a house style is edited as a file).
NOT_FORM_KEYS = {
    # house style (templates/*.yaml)
    "address_place", "agreement.article_heading", "agreement.article_numerals", "agreement.block_label_line",
    "agreement.date_digits", "agreement.item_marker", "agreement.name_size", "agreement.paragraph_numbers",
    "agreement.signature_columns", "agreement.signature_labels", "article_heading", "article_sets",
    "block_label_line", "category_place", "chars", "clock", "contacts.address_place", "contacts.foot_line_phone",
    "contacts.person_line", "contacts_at", "date_above_header", "date_place", "date_prefix_line",
    "date_time_gap", "dates", "dates.weekday", "era", "era_western", "event_year", "fallback_fonts", "fonts",
    "foot_line_phone", "head_form", "header_place", "issue_calendar", "issue_two_digits", "issue_year",
    "ki_label", "ki_label_gap", "ki_label_line_gap", "ki_marker", "label_margin", "leading", "list_marker", "name_line", "notation", "notice",
    "notice.agenda", "notice.agenda_marker", "notice.category_place", "notice.contacts_at", "notice.date_above_header",
    "notice.date_place", "notice.date_prefix_line", "notice.duration_note", "notice.head_form",
    "notice.ki_heading", "notice.ki_marker", "notice.list_bullet", "notice.list_marker", "notice.people", "notice.people_mark",
    "notice.section_marker", "notice.signer_order", "office_place", "organisation_line", "pad_minutes",
    "people_mark_agenda", "phone_lines", "signature_columns", "signer_order", "style.word", "styles",
    "times.clock", "times.span", "unlabelled_lines", "western", "wording", "wording.comma",
    "wording.document_details", "wording.issue_date_label", "zero_minutes", "generated", "both", "report", "empty",
    # the annual book's columns and prose (annual.yaml)
    "amended", "annual.columns", "annual.prose", "count", "data", "field", "together", "web", "n.issued_on", "kyoiku",
    # YAML lessons and file names
    "key", "generate.py", "overview.pdf", "release.pdf", "spec.schema.json",
}


def _catalogue_messages() -> list[str]:
    po = CATALOGUE.read_text(encoding="utf-8")
    return [eval(m) for m in re.findall(r'^msgstr (".*")$', po, re.M) if m != '""']


def _key_words(message: str) -> set[str]:
    """The words of a message that name a key: a path (a.b) or a pair (key: value, key:)."""
    out = set()
    for part in re.split(form_words._QUOTED.pattern, message):
        for m in form_words.TOKEN.finditer(part):
            written = m.group(1)
            if m.group(0)[len(written):].startswith(":") or "." in written:
                out.add(written)
    return out


def _anywhere(written: str) -> tuple | None:
    tail = form_words._pattern(form_words.key_steps(written) or [])
    return next((p for p in form_words.schema_paths() if len(p) >= len(tail) and tail
                 and form_words._matches(tail, p[len(p) - len(tail):])), None)


def test_every_key_a_message_names_has_a_form_word_or_is_not_the_specs():
    """Over every Japanese message of the catalogue (in English a word before a colon is
    often prose): each key it names is
    a spec key with a label the form shows, or listed above as not the spec's."""
    missing = {}
    for message in _catalogue_messages():
        for written in _key_words(message) - NOT_FORM_KEYS:
            path = _anywhere(written)
            if path is None or not form_words.label_of(path, 1) or form_words.label_of(path, 1) == path[-1]:
                missing.setdefault(written, message)
    assert not missing, f"keys named by messages with no form word: {missing}"


def test_every_spec_key_has_a_label_as_its_form_word():
    unlabelled = [".".join(p) for p, about in form_words.schema_paths().items()
                  if not about["node"].get("title") and p[-1] not in (form_words.LIST, form_words.ANY)]
    assert not unlabelled


@pytest.mark.parametrize("message, at, said", [
    ("更新しない協定なら renewal: false と書いてください", "agreement.validity",
     "更新しない協定なら「自動更新」で「いいえ」を選んでください"),
    ("原文どおりの前文を document.preamble に書くか、preamble: false としてください", "agreement.document.kind",
     "原文どおりの前文を「協定書 › 前文」に書くか、「前文」の「前文なし（第１条から）」にチェックを入れてください"),
    ("name: を書いてください（案で空欄にするには name: null と書きます。署名者が手書きするなら signed_by_hand: true とします）",
     "parties.city.representative",
     "「氏名」を入力してください（案で空欄にするには「氏名」を空欄にします。署名者が手書きするなら「自署」で「はい」を選びます）"),
    ("ハウススタイルで notice.agenda: numbered とすると、手順を1行ずつ組みます", "press_notice.ceremony.agenda",
     "ハウススタイルで notice.agenda: numbered とすると、手順を1行ずつ組みます"),          # a house style's key stays
    ("「name: x」の名称", "parties.city", "「name: x」の名称"),                            # a quoted text is never altered
    # a list's item left empty (`- ` alone): the form's empty box, taken out with its 削除 button
    ("文字で書いてください。今の値: 空のリスト項目（- の後ろに何も書かれていません）。書き入れるか、その行を消してください",
     "press_notice.opening[1]", "文字で書いてください。今の値: 空欄。入力するか、この欄を「削除」で外してください"),
])
def test_a_message_in_the_forms_words(message, at, said):
    assert form_words.in_form_words(message, at) == said


def test_every_catalogue_message_said_in_form_words_keeps_its_holes_and_quotes():
    """Nothing but key words changes: every {hole} and quoted text of every message is
    still there after the mapping, at any key."""
    for message in _catalogue_messages():
        said = form_words.in_form_words(message, "agreement.document")
        assert re.findall(r"\{[a-z_]+\}", said) == re.findall(r"\{[a-z_]+\}", message), (message, said)
        for quoted in re.findall(r"「[^「」]*」", message):
            assert quoted in said, (message, said)


@pytest.fixture
def app(tmp_path):
    return App(tmp_path)


def test_an_empty_notice_starter_speaks_form_words_at_the_files_lines(app):
    """The audit's path: a new notice from the starter, previewed as the form sends it.
    No message names a YAML value (false, none, the colon), and each line the page
    shows is the line of the file the user would open (the save leaves out an empty
    representative.name:, so the text built is shorter than the file on disk)."""
    say = messages("ja")
    opened = app.new({"kind": "notice", "name": "n"}, say)
    shown = app.preview({"name": "n.yaml", "data": opened["data"]}, say)
    on_disk = (app.folder / "n.yaml").read_text(encoding="utf-8").splitlines()
    subject = next(p for p in shown["problems"] if p["key"] == "press_notice.subject")
    assert "「件名なし（写しに表題がないとき）」にチェックを入れてください" in subject["message"]
    for p in shown["problems"]:
        assert not re.search(r"\b(false|true|null)\b|コロン", p["message"]), p["message"]
        assert p["line"] and on_disk[p["line"] - 1].strip().startswith(p["key"].split(".")[-1].split("[")[0] + ":"), p
        assert f":{p['line']}:" in p["text"]
    written = app._written(app.folder / "n.yaml", "\n".join(on_disk) + "\n", opened["data"])
    assert len(written.splitlines()) < len(on_disk)      # the case the numbers had to be mapped for


def test_a_line_the_file_does_not_hold_yet_has_no_number(app):
    from jpdocs.app.preview import lines_on_disk
    assert lines_on_disk("a:\nb: 1\nc:\n", "a:\nb:\nc:\n") == {1: 1, 2: 2, 3: 3}    # an edited line is its line
    assert lines_on_disk("a:\nnew: 1\nc:\n", "a:\nname:\nother:\nc:\n") == {1: 1, 2: None, 3: 4}
    assert lines_on_disk("a:\nc:\n", "a:\nname:\nc:\n") == {1: 1, 2: 3}      # an empty name: left out
    # a value emptied and the key after it dropped: the emptied key keeps its line
    assert lines_on_disk("a:\n  venue:\nc:\n", "a:\n  venue: x\n  venue_address: y\nc:\n") == {1: 1, 2: 2, 3: 4}
