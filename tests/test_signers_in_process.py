"""Who signs, checked in process and fast (the mutation run uses these): a head named by
the title alone, a party with no signer, and the agreement's witnesses (立会人) — each
problem compared whole (file, line, key and message), each composed block field by
field. tests/test_title_only.py and tests/test_witness.py build the same cases through
the command line and read the PDF and DOCX."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from conftest import SEED_SPEC
from jpdocs.build.documents import make_documents
from jpdocs.content.agreement.compose import compose
from jpdocs.content.agreement.signatures import witness_fields
from jpdocs.errors import InputError
from jpdocs.spec.blank_checks import blank_keys, unnamed_signers
from jpdocs.spec.load import load_spec
from jpdocs.spec.style import load_style

SEED = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
WITNESSED = Path(__file__).resolve().parent / "data" / "witness" / "four-parties-witness.yaml"
FOUR = yaml.safe_load(WITNESSED.read_text(encoding="utf-8"))


def write(tmp_path, base, change) -> Path:
    data = copy.deepcopy(base)
    change(data)
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def nth(path: Path, text: str, n: int = 1) -> int:
    """The line of the nth line holding `text`."""
    found = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line]
    return found[n - 1]


def problems(path: Path) -> list[tuple]:
    with pytest.raises(InputError) as raised:
        compose(load_spec(path), load_style())
    return [(p.file, p.line, p.key, p.message) for p in raised.value.problems]


def parties(data):
    return data["parties"]


def drafted(data):
    data["agreement"]["document"]["draft"] = True


# ---------------------------------------------------------------- a head named by the title alone

NEEDS_NAME = ("missing: the agreement's signature block prints the name of {title}, and only a press notice"
              " names a head by the title alone; give name: (or name: null in a draft,"
              " agreement.document.draft: true, to leave it blank; or signed_by_hand: true, for the signer"
              " to write it; or agreement.document.signer_names: withheld, where the copy the agreement is"
              " built from prints the titles alone)")


def test_an_agreement_outside_a_draft_needs_the_name_of_a_head_given_by_title(tmp_path):
    path = write(tmp_path, SEED, lambda d: parties(d)["bureau"]["representative"].pop("name"))
    assert problems(path) == [(str(path), nth(path, "representative:"), "parties.bureau.representative.name",
                               NEEDS_NAME.format(title="北海道オホーツク総合振興局長"))]


def test_a_signatory_given_by_title_is_named_at_its_own_key(tmp_path):
    def change(d):
        parties(d)["kitami_it"]["signatory"] = {"title": "理事"}
        del parties(d)["kitami_it"]["representative"]     # (beside it, the head would print nowhere: refused)
    path = write(tmp_path, SEED, change)
    assert problems(path) == [
        (str(path), nth(path, "honorific:"), "parties.kitami_it.honorific",
         "'様' follows the signer's name in 締結者, and 理事 is named by the title alone (no name:): give the"
         " name, or delete the honorific"),
        (str(path), nth(path, "signatory:"), "parties.kitami_it.signatory.name", NEEDS_NAME.format(title="理事"))]


HEAD_PRINTED_NOWHERE = ("the party's signatory: signs for it wherever a signer is printed (the notices' 締結者, the"
                        " agreement's signature block), and no document prints its head: representative would have"
                        " no effect; remove it (or signatory:, if the head signs)")


def test_a_head_beside_the_signatory_who_signs_in_its_place_is_refused(tmp_path):
    """signatory: signs for the party in every document that prints a signer, and no
    bundled template prints the head (representative:) then: a key with no effect,
    refused at its line by the build, which knows the templates it uses (until h167 it
    was taken and printed nowhere; a user's template may print it:
    tests/test_head_in_user_template.py). Named in another text of the spec (the
    signatory's title: モンテベロ市長　スタンレー・ブィーガー / 代理 …, ashiya-montebello-1961),
    its name is kept whole on a line there: an effect, taken, and said in a note."""
    def beside(d):
        parties(d)["kitami_it"]["signatory"] = {"title": "北見工業大学理事", "name": "山田　次郎"}
    path = write(tmp_path, SEED, beside)
    with pytest.raises(InputError) as raised:
        make_documents(load_spec(path), load_style())
    assert [(p.file, p.line, p.key, p.message) for p in raised.value.problems] == [
        (str(path), nth(path, "representative:", 2), "parties.kitami_it.representative", HEAD_PRINTED_NOWHERE)]

    def named(d):
        parties(d)["kitami_it"]["signatory"] = {"title": "北見工業大学学長　鈴木　聡一郎\n代理　北見工業大学理事",
                                                "name": "山田　次郎"}
    path = write(tmp_path, SEED, named)
    loaded = load_spec(path)
    make_documents(loaded, load_style())       # (no InputError)
    assert [(p.file, p.line, p.key, p.message) for p in loaded.notes if "head" in p.message] == [
        (str(path), nth(path, "representative:", 2), "parties.kitami_it.representative",
         "the party's signatory signs for it, and no document prints this head: its name only keeps 鈴木　聡一郎"
         " whole on a line where parties.kitami_it.signatory.title writes it")]


def test_a_draft_leaves_the_name_of_a_head_given_by_title_blank_and_says_so(tmp_path):
    def change(d):
        drafted(d)
        d.pop("press_notice")              # a notice would print the blank name (refused)
        parties(d)["bureau"]["representative"].pop("name")
        parties(d)["kitami_it"]["representative"]["name"] = None          # a draft's blank, written so
    loaded = load_spec(write(tmp_path, SEED, change))
    assert blank_keys(loaded.spec) == [("parties", "kitami_it", "representative", "name")]
    assert unnamed_signers(loaded.spec) == [("parties", "bureau", "representative", "name")]
    text = compose(loaded, load_style())
    assert text.blanks == ("parties.kitami_it.representative.name", "parties.bureau.representative.name")
    blank = load_style().word("blank_name")             # a space to write the name in by hand
    assert blank.strip("　") == "" and len(blank) > 1
    assert [(s.title, s.name) for s in text.signatories] == [("北海道オホーツク総合振興局長", blank),
                                                             ("北見工業大学学長", blank)]


def test_no_name_blank_or_unnamed_where_every_signer_is_named():
    loaded = load_spec(SEED_SPEC)
    assert blank_keys(loaded.spec) == [] and unnamed_signers(loaded.spec) == []


def test_a_reading_of_a_head_given_by_title_would_have_no_effect(tmp_path):
    def change(d):
        drafted(d)
        parties(d)["bureau"]["representative"] = {"title": "局長", "reading": "きょくちょう"}
    path = write(tmp_path, SEED, change)
    assert problems(path) == [(str(path), nth(path, "reading:"), "parties.bureau.representative.reading",
                               "the reading is printed after the name, and this person is named by the title"
                               " alone (no name:): it would have no effect")]


def test_an_honorific_after_a_head_given_by_title_has_no_name_to_follow(tmp_path):
    def change(d):
        drafted(d)
        parties(d)["kitami_it"]["representative"].pop("name")
    path = write(tmp_path, SEED, change)
    assert problems(path) == [(str(path), nth(path, "honorific:"), "parties.kitami_it.honorific",
                               "'様' follows the signer's name in 締結者, and 北見工業大学学長 is named by the"
                               " title alone (no name:): give the name, or delete the honorific")]


# ---------------------------------------------------------------- a party with no signer at all

MISSING = "missing: {where} prints who signs for this party; give representative: {{title: …, name: …}}"
# the notice's 締結者 also says the ways out that print no one (the message a new user met, h93)
NOTICE_MISSING = (MISSING.format(where="the press notice's 締結者") + " (or name the parties that sign in"
                  " press_notice.ceremony.signatories, or list no 締結者: ki: without signatories, ki: [] for a"
                  " report with no 記 block)")


def _no_head(d):
    parties(d)["bureau"].pop("representative")


def _notice_only(d):
    _no_head(d)
    d["agreement"].pop("document")


def _no_signatories_item(d):
    _notice_only(d)
    d["press_notice"]["ki"] = ["date", "place", "agenda"]
    d["press_notice"]["ceremony"].pop("signatories")


def _release_after(d):
    _no_signatories_item(d)
    d["press_notice"]["after"] = {"issue_date": "2024-02-28", "opening": ["締結しました。"]}


@pytest.mark.parametrize("change, where", [
    (_no_head, "the agreement's signature block"),
    (_notice_only, None),
    (_release_after, "the 締結者 of the release after the signing (press_notice.after)"),
], ids=["agreement", "notice", "release-after"])
def test_a_party_with_no_signer_is_refused_where_a_document_prints_one(change, where, tmp_path):
    path = write(tmp_path, SEED, change)
    assert problems(path) == [(str(path), nth(path, "bureau:"), "parties.bureau.representative",
                               MISSING.format(where=where) if where else NOTICE_MISSING)]


def test_a_party_with_no_signer_is_allowed_where_no_document_prints_one(tmp_path):
    loaded = load_spec(write(tmp_path, SEED, _no_signatories_item))
    assert loaded.spec.parties["bureau"].signer() is None


# ---------------------------------------------------------------- the witnesses (立会人)

def document(change):
    return lambda d: change(d["agreement"]["document"])


def test_the_witness_signs_after_the_parties_with_its_own_field():
    text = compose(load_spec(WITNESSED), load_style())
    assert [s.label for s in text.signatories] == ["甲", "乙", "丙", "丁"]
    assert [(w.label, w.field, w.address, w.organisation, w.title, w.name, tuple(x.text for x in w.lines))
            for w in text.witnesses] == [
        ("立会人", "立会人", "みなみ県南町一丁目１番地", (), "みなみ県知事", "南野　五郎",
         ("みなみ県南町一丁目１番地", "みなみ県知事", "南野　五郎"))]
    assert text.label_chars == 3                   # 立会人: the label column is three characters wide
    assert "本書５通" in text.closing and "本書４通" not in text.closing


def test_two_witnesses_of_one_label_get_fields_of_their_own_and_a_longer_label_widens_the_column(tmp_path):
    def change(doc):
        doc["witnesses"].append({"representative": {"title": "北山市議会議長", "name": "東　六郎"}})
        doc["witnesses"].append({"label": "特別立会人", "name": "みなみ県議会",
                                 "representative": {"title": "議長", "name": "西　七郎"}})
        doc["closing"] = doc["closing"].replace("本書５通", "本書７通").replace("丁及び立会人", "丁、立会人及び特別立会人")
    text = compose(load_spec(write(tmp_path, FOUR, document(change))), load_style())
    assert [(w.label, w.field, w.organisation, w.title, w.name, tuple(x.text for x in w.lines))
            for w in text.witnesses] == [
        ("立会人", "立会人1", (), "みなみ県知事", "南野　五郎", ("みなみ県南町一丁目１番地", "みなみ県知事", "南野　五郎")),
        ("立会人", "立会人2", (), "北山市議会議長", "東　六郎", ("北山市議会議長", "東　六郎")),
        ("特別立会人", "特別立会人", ("みなみ県議会",), "議長", "西　七郎", ("みなみ県議会", "議長", "西　七郎"))]
    assert text.label_chars == 5


@pytest.mark.parametrize("labels, fields", [
    ([], []),
    (["立会人"], ["立会人"]),
    (["立会人", "立会人"], ["立会人1", "立会人2"]),
    (["立会人", "特別立会人", "立会人"], ["立会人1", "特別立会人", "立会人2"]),
])
def test_witness_fields_are_numbered_only_where_a_label_repeats(labels, fields):
    class W:
        def __init__(self, label):
            self.label = label
    assert witness_fields([W(x) for x in labels]) == fields


def test_a_witness_needs_the_specs_own_closing(tmp_path):
    path = write(tmp_path, FOUR, document(lambda doc: doc.pop("closing")))
    assert problems(path) == [(str(path), nth(path, "witnesses:"), "agreement.document.witnesses",
                               "an agreement with a witness (立会人) needs its own closing (document.closing,"
                               " or a last article that makes the copies with closing: false): the generated"
                               " one (本書Ｎ通を作成し、…各自その１通を保有する。) counts the"
                               " parties only, and whether the witness signs it and keeps a copy is the text's"
                               " to say")]


def test_a_witness_labelled_as_a_party_or_with_a_reading_is_refused(tmp_path):
    """The label by the agreement's text; the reading, which no bundled template prints,
    by the build once it knows the templates it uses (a user's may print it:
    tests/test_unprinted_in_user_template.py)."""
    def change(doc):
        doc["witnesses"][0]["label"] = "甲"
        doc["witnesses"][0]["representative"]["reading"] = "みなみの"
    path = write(tmp_path, FOUR, document(change))
    assert problems(path) == [
        (str(path), nth(path, "label: 甲"), "agreement.document.witnesses[0].label",
         "「甲」 is a party's label: a witness is none of the parties; label it as the text does (立会人)")]
    path = write(tmp_path, FOUR, document(lambda doc: doc["witnesses"][0]["representative"].update(
        reading="みなみの")))
    with pytest.raises(InputError) as raised:
        make_documents(load_spec(path), load_style())
    assert [(p.file, p.line, p.key, p.message) for p in raised.value.problems] == [
        (str(path), nth(path, "reading: みなみの"), "agreement.document.witnesses[0].representative.reading",
         "a witness's reading is printed nowhere (readings are the press notice's, and the witness is not in"
         " it): remove it")]


@pytest.mark.parametrize("house, lines", [
    ("agreement: {organisation_line: always}\n", ("北山市議会議長", "東　六郎")),
    ("agreement:\n  signature_labels: {address: 住所, organisation: 名称, title: 代表者}\n",
     ("代表者　北山市議会議長", "　　　　東　六郎")),
], ids=["organisation-always", "labelled"])
def test_a_witness_in_person_has_no_organisation_line_to_keep(house, lines, tmp_path):
    """A witness written without `name` (a person, not an office) has no organisation:
    a house that keeps or labels the organisation line prints none for it, not an
    empty one (the parties' 名称 lines are unchanged)."""
    (tmp_path / "house.yaml").write_text(house, encoding="utf-8")
    path = write(tmp_path, FOUR, document(lambda doc: doc["witnesses"].__setitem__(0, {
        "representative": {"title": "北山市議会議長", "name": "東　六郎"}})))
    text = compose(load_spec(path), load_style(tmp_path / "house.yaml"))
    (witness,) = text.witnesses
    assert witness.organisation == () and tuple(x.text for x in witness.lines) == lines
    assert text.signatories[0].organisation == ("株式会社みなみ緑化",)


def test_an_honorific_beside_a_head_given_by_title_is_no_error_where_no_notice_prints_it(tmp_path):
    def change(d):
        drafted(d)
        d.pop("press_notice")
        parties(d)["kitami_it"]["representative"].pop("name")      # 様 stays: no 締結者 to print it in
    text = compose(load_spec(write(tmp_path, SEED, change)), load_style())
    assert text.blanks == ("parties.kitami_it.representative.name",)


def test_a_signatory_given_by_title_in_a_draft_is_left_open_at_its_own_key(tmp_path):
    def change(d):
        drafted(d)
        d.pop("press_notice")
        parties(d)["kitami_it"]["signatory"] = {"title": "理事"}
        del parties(d)["kitami_it"]["representative"]     # (beside it, the head would print nowhere: refused)
    loaded = load_spec(write(tmp_path, SEED, change))
    assert unnamed_signers(loaded.spec) == [("parties", "kitami_it", "signatory", "name")]
    assert compose(loaded, load_style()).blanks == ("parties.kitami_it.signatory.name",)


def test_every_party_without_a_signer_is_named_even_after_an_undeclared_one(tmp_path):
    def change(d):
        _notice_only(d)
        parties(d)["kitami_it"].pop("representative")
        d["press_notice"]["ceremony"]["signatories"] = ["ghost", "bureau", "kitami_it"]
    path = write(tmp_path, SEED, change)
    assert [(key, message) for _, _, key, message in problems(path)] == [
        ("parties.bureau.representative", NOTICE_MISSING),
        ("parties.kitami_it.representative", NOTICE_MISSING),
        ("press_notice.ceremony.signatories[0]",
         "party 'ghost' is not declared under parties (declared: 北海道オホーツク総合振興局（bureau）, 北見工業大学（kitami_it）)")]


def test_a_witness_named_as_a_party_is_refused_where_one_word_names_all_parties(tmp_path):
    def change(doc):
        doc["labels"] = "四者"
        doc.pop("subject")                 # the own preamble says what the agreement is about
        doc["preamble"] = ("株式会社みなみ緑化、北山市、公立大学法人北山大学及び北山森林組合（以下「四者」という。）は、"
                           "森林の整備に関し、次のとおり協定を締結する。")
        doc["closing"] = "本協定の締結を証するため、本書５通を作成し、四者及び立会人が記名押印の上、各自その１通を保有する。"
        doc["extra_articles"] = [{"heading": "目的", "text": ["この協定は、四者が協力して森林を整備することを目的とする。"]}]
        doc["witnesses"][0]["label"] = "北山市"
    path = write(tmp_path, FOUR, document(change))
    assert [(key, message) for _, _, key, message in problems(path)] == [
        ("agreement.document.witnesses[0].label",
         "「北山市」 is a party's label: a witness is none of the parties; label it as the text does (立会人)")]


def test_a_drafts_witness_may_leave_the_name_open_and_the_draft_says_so(tmp_path):
    def change(doc):
        doc["draft"] = True
        doc["witnesses"][0]["representative"]["name"] = None
    loaded = load_spec(write(tmp_path, FOUR, document(change)))
    assert blank_keys(loaded.spec) == [("agreement", "document", "witnesses", 0, "representative", "name")]
    text = compose(loaded, load_style())
    assert text.blanks == ("agreement.document.witnesses[0].representative.name",)
    assert text.witnesses[0].name == load_style().word("blank_name")
