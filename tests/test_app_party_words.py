"""The app names a party as the form does: by its name, or 「当事者 N」 while it has none
yet, never by its id (the YAML key: kitami_it, party2), which the form shows in the
party's 記号 box alone (jpdocs/app/party_words.py).

Until the forty-third session a field path through a party said its id (協定の当事者 ›
kitami_it › 代表者 › 職名, 表紙の名称 › kitami_it), a message's key path left the party
out (協定の当事者 › 代表者 › 氏名: whose?), and a message quoted the id ('kitami_it'
は締結式で署名しません). Runs the real app on the seed and the starter."""
from __future__ import annotations

import pytest
import yaml

from conftest import SEED_SPEC
from jpdocs.app.fields import field_label
from jpdocs.app.form_words import in_form_words
from jpdocs.app.party_words import party_names
from jpdocs.app.schema_export import spec_schema
from jpdocs.app.spec_folder import App
from jpdocs.i18n import messages

SEED = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
NAMES = {"bureau": "北海道オホーツク総合振興局", "kitami_it": "北見工業大学"}


def test_a_party_is_named_by_its_name_or_its_place():
    assert party_names(SEED) == NAMES
    data = {"parties": {"party1": {"name": None}, "kitami": {"name": " 北見市 "}, "party3": {}}}
    assert party_names(data) == {"party1": "当事者 1", "kitami": "北見市", "party3": "当事者 3"}
    assert party_names({}) == {} == party_names(None)


def test_every_mapping_keyed_by_party_ids_is_marked_for_the_form():
    """The form (app.js renderDict) and the server name the entries of these mappings by
    the parties' names: the parties, a cover's names, the labels by party, a 記 item's
    「ほか」 per party. A mapping keyed by anything else keeps its keys (a standard article's
    name, an agreement's id)."""
    s = spec_schema()
    marked = {(m, k) for m, d in {**s["$defs"], "Spec": s}.items()
              for k, p in d.get("properties", {}).items() if p.get("x-jpdocs-keys") == "parties"}
    assert marked == {("Spec", "parties"), ("Cover", "names"), ("AgreementDocument", "labels"),
                      ("KiEntry", "others_per_party")}


@pytest.mark.parametrize("key, said", [
    ("parties.kitami_it.representative.title", "協定の当事者 › 北見工業大学 › 代表者 › 職名"),
    ("agreement.document.cover.names.bureau", "協定 › 協定書 › 表紙 › 表紙の名称 › 北海道オホーツク総合振興局"),
    ("press_notice.ki[2].others_per_party.kitami_it", "報道発表（報道機関各位） › 記の項目 3 › 当事者ごとの「ほか」 › 北見工業大学"),
    # an id that is no party's (a typo): as written, the message says so
    ("agreement.document.cover.names.kitami", "協定 › 協定書 › 表紙 › 表紙の名称 › kitami"),
    # a mapping not keyed by parties keeps its key
    ("agreement.document.articles.purpose.text", "協定 › 協定書 › 標準条文の変更 › purpose › 本文"),
])
def test_a_field_path_names_the_party(key, said):
    assert field_label(key, parties=NAMES) == said


@pytest.mark.parametrize("message, at, said", [
    ("parties.kitami_it.representative.name を書いてください", "agreement.document",
     "「協定の当事者 › 北見工業大学 › 代表者 › 氏名」を書いてください"),
    ("'kitami_it' は締結式で署名しません（ceremony.signatories）。その語は効果がありません",
     "press_notice.ki[2].others_per_party.kitami_it",
     "「北見工業大学」は締結式で署名しません（「締結式 › 締結者」）。その語は効果がありません"),
    ("the name of 'bureau' is left open (null): the cover cannot name it", "agreement.document.cover.names.bureau",
     "the name of 「北海道オホーツク総合振興局」 is left empty: the cover cannot name it"),
    # the English apostrophe (cover's) does not hide the quoted id
    ("the cover's name for 'kitami_it', 「北見市」, does not hold the party's name (北見工業大学): a cover names the"
     " parties of the agreement", "agreement.document.cover.names.kitami_it",
     "the cover's name for 「北見工業大学」, 「北見市」, does not hold the party's name (北見工業大学): a cover names the"
     " parties of the agreement"),
    # the ids a message lists, each with its party's name (the check names them so:
    # party_words.with_names), stay so, the space that kept them apart from Japanese gone;
    # an id that is no party's is what the user wrote, as written
    ("表紙の「表紙の名称」に 北海道オホーツク総合振興局（bureau） がありません", "agreement.document.cover.names",
     "表紙の「表紙の名称」に北海道オホーツク総合振興局（bureau）がありません"),
    ("'kitami' はこの spec の当事者ではありません（parties: 北海道オホーツク総合振興局（bureau）, 北見工業大学（kitami_it））",
     "agreement.document.cover.names.kitami",
     "'kitami' はこの spec の当事者ではありません（parties: 北海道オホーツク総合振興局（bureau）, 北見工業大学（kitami_it））"),
    # a file name, a key path the form has no field for, and a word that is a party's id
    # outside a list of ids are left alone
    ("bureau.yaml の notice.bureau は kitami_it です", "press_notice", "bureau.yaml の notice.bureau は kitami_it です"),
])
def test_a_message_names_the_party(message, at, said):
    language = "ja" if any("\u3040" <= c <= "\u30ff" for c in message) else None
    assert in_form_words(message, at, language, NAMES) == said


_BOTH = "北海道オホーツク総合振興局（bureau）, 北見工業大学（kitami_it）"


@pytest.mark.parametrize("message, at", [
    (f"'kitami' is not a party of this spec (parties: {_BOTH})", "agreement.document.cover.names.kitami"),
    (f"party 'kitam' is not declared under parties (declared: {_BOTH})", "agreement.document.labels.kitam"),
    ("a label per party needs one for every party; missing: 北見工業大学（kitami_it）", "agreement.document.labels"),
    ("the cover's names leave out 北見工業大学（kitami_it）: write every party's name as the cover writes it",
     "agreement.document.cover.names"),
    (f"no party is named 'x'; known: {_BOTH}", "agreement.document.translations[0].signers[0].party"),
    # a list that is no parties' (the articles' names) is as written, an id among them too
    ("no article is named 'x'; known: purpose, bureau", "agreement.document.articles.x"),
])
def test_an_english_message_keeps_the_parties_the_check_named(message, at):
    """The checks list the parties' ids each with its name (北見工業大学（kitami_it）, as the
    Japanese messages of the app did since h163), for the command line as for the app:
    the app says the list as it is, its `parties:` not taken for a key."""
    assert in_form_words(message, at, None, NAMES) == message


def test_an_english_word_that_is_a_party_id_is_prose_outside_a_list():
    """Real specs' ids include English words (a, city, office, rise): prose keeps them."""
    parties = {"a": "甲市", "city": "乙市"}
    listed = "a label per party needs one for every party; missing: 乙市（city）"
    assert in_form_words(listed, "agreement.document.labels", None, parties) == listed
    prose = "the city is a name (a city): write a label"
    assert in_form_words(prose, "agreement.document.labels", None, parties) == prose


def test_the_english_preview_names_the_parties_it_lists(tmp_path):
    """The seed's labels by party with 北見工業大学 left out, previewed for a reader of
    English: the message names the party missing, as the Japanese one does."""
    app = App(tmp_path)
    (tmp_path / SEED_SPEC.name).write_text(SEED_SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    for language in (None, "ja"):
        say = messages(language)
        data = app.open_spec(SEED_SPEC.name, say)["data"]
        data["agreement"]["document"]["labels"] = {"bureau": "局"}
        shown = app.preview({"name": SEED_SPEC.name, "data": data}, say)
        said = [p["message"] for p in shown["problems"] if p["key"] == "agreement.document.labels"]
        assert said and said[0].endswith(": 北見工業大学（kitami_it）"), (language, shown["problems"])


def test_the_preview_names_the_parties_at_their_fields(tmp_path):
    """The seed with a cover whose name for 北見工業大学 leaves the party's name out, and
    the starter, whose parties have no name yet: each problem's field and message name
    the party as the form's legend does."""
    app, say = App(tmp_path), messages("ja")
    (tmp_path / SEED_SPEC.name).write_text(SEED_SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    data = app.open_spec(SEED_SPEC.name, say)["data"]          # as the form has it (dates as text)
    data["agreement"]["document"]["cover"] = {"names": {"kitami_it": "北見市"}}
    shown = app.preview({"name": SEED_SPEC.name, "data": data}, say)
    cover = [p for p in shown["problems"] if p["key"] == "agreement.document.cover.names.kitami_it"]
    assert cover and cover[0]["field"].endswith("表紙の名称 › 北見工業大学"), shown["problems"]
    assert "「北見工業大学」" in cover[0]["message"] and "kitami_it" not in cover[0]["message"], cover
    assert "kitami_it" in cover[0]["text"]            # the command line's line keeps the key, for an editor

    opened = app.new({"kind": "both", "name": "n"}, say)
    shown = app.preview({"name": "n.yaml", "data": opened["data"]}, say)
    fields = {p["field"] for p in shown["problems"] if p["key"].startswith("parties.")}
    assert "協定の当事者 › 当事者 2 › 名称" in fields and not any("party" in f for f in fields), fields


def test_a_party_whose_id_is_a_word_of_the_message_is_named_in_its_list_alone(tmp_path):
    """The seed with its parties' ids `spec` and `date` and a 「ほか」 for a party it has
    not: the message lists the parties (北見工業大学（date）), says `spec` as a word and
    `parties` as a key. Only the list names them: `spec` was the party's name wherever
    the Japanese message said it (この北海道オホーツク総合振興局（spec）の当事者), and the id
    `date` in the list the key of that name (「日時（日付）」)."""
    text = SEED_SPEC.read_text(encoding="utf-8").replace("kitami_it", "date").replace("bureau", "spec")
    text = text.replace("  closing_ijo: false", "  ki:\n    - {item: signatories, others_per_party: {zzz: ら3名}}\n"
                                                "  closing_ijo: false")
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    app = App(tmp_path)
    listed = "北海道オホーツク総合振興局（spec）, 北見工業大学（date）"
    for language, said in ((None, f"'zzz' is not a party of this spec (parties: {listed})"),
                           ("ja", f"'zzz' はこの spec の当事者ではありません（parties: {listed}）")):
        say = messages(language)
        data = app.open_spec("s.yaml", say)["data"]
        shown = app.preview({"name": "s.yaml", "data": data}, say)
        assert [p["message"] for p in shown["problems"]
                if p["key"] == "press_notice.ki[0].others_per_party.zzz"] == [said], shown["problems"]


def test_a_quoted_word_is_the_party_only_where_the_message_says_it_is_an_id(tmp_path):
    """The seed with 北見工業大学's id `place` (a word of ki), a ki without its item place
    while the ceremony has a venue, and a 「ほか」 for 北見工業大学, which does not sign:
    "ki does not list 'place'" is about ki's item, and was said as 「ki does not list
    北見工業大学」; "'place' does not sign at the ceremony" is about the party (its
    template's hole says so: form_words.said_ids), and names it."""
    text = SEED_SPEC.read_text(encoding="utf-8").replace("kitami_it", "place")
    text = text.replace("signatories: [bureau, place]", "signatories: [bureau]")
    text = text.replace("  closing_ijo: false", "  ki:\n    - date\n    - {item: signatories, others_per_party:"
                                                " {place: ら3名}}\n  closing_ijo: false")
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    app = App(tmp_path)
    for language, item, party in ((None, "ki does not list 'place'", "「北見工業大学」 does not sign"),
                                  ("ja", "「place」がないため", "「北見工業大学」は締結式で署名しません")):
        say = messages(language)
        data = app.open_spec("s.yaml", say)["data"]
        said = {p["key"]: p["message"] for p in app.preview({"name": "s.yaml", "data": data}, say)["problems"]}
        assert item in said["press_notice.ceremony.venue"], said
        assert "北見工業大学" not in said["press_notice.ceremony.venue"], said
        assert said["press_notice.ki[1].others_per_party.place"].startswith(party), said
