"""Every id a spec writes is looked up among the parties (agreements) it declares, one
check over the fields the models mark as holding ids (spec/id_checks.py, read by
spec/refers.py from base.py's Refers marks), not a check written field by field.

Runs the real checker on real specs, each with one id changed to one no party has, for
every marked field; and the check on a model of this test's own, whose field of party
ids no list in the code names."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, SEED_SPEC, run_generate
from jpdocs.app.id_fields import id_fields
from jpdocs.spec.base import Line, PartyId, PartyKey, Strict
from jpdocs.spec.id_checks import CHECKED_NARROWER, check_ids

REAL = ROOT / "tests" / "data" / "real"
HIKONE = REAL / "hikone-fire-drone-2022.yaml"     # two agreements, two ceremonies
NOBODY = "zz_nobody"

# (model, field) → (a real spec that writes ids there, its text → the text with an id of
# no party, the key of that id). One per field the models mark, and no more: a marked
# field added to a model fails test_every_marked_field_has_a_case until it has one.
CASES = {
    ("Ceremony", "signatories"): (SEED_SPEC, "signatories: [bureau, kitami_it]",
                                  f"signatories: [bureau, {NOBODY}]", "press_notice.ceremony.signatories[1]"),
    ("KiEntry", "others_per_party"): (SEED_SPEC, "  closing_ijo: false",
                                      f"  ki:\n    - {{item: signatories, others_per_party: {{{NOBODY}: ら3名}}}}\n"
                                      "  closing_ijo: false", f"press_notice.ki[0].others_per_party.{NOBODY}"),
    ("AgreementDocument", "labels"): (REAL / "kawasaki-tokyo-bunsui-1955.yaml", "kawasaki: 川崎市, tokyo",
                                      f"{NOBODY}: 川崎市, tokyo", f"agreement.document.labels.{NOBODY}"),
    ("AgreementDocument", "block_labels"): (REAL / "daito-higashiosaka-library-2008.yaml", "block_labels: [daito]",
                                            f"block_labels: [{NOBODY}]", "agreement.document.block_labels[0]"),
    ("Cover", "names"): (REAL / "mitaka-cmj-2018.yaml", "names: {mitaka: 三鷹市", f"names: {{{NOBODY}: 三鷹市",
                         f"agreement.document.cover.names.{NOBODY}"),
    ("TranslationSigner", "party"): (REAL / "koto-surrey-1989.yaml", "          - party: koto",
                                     f"          - party: {NOBODY}",
                                     "agreement.document.translations[0].signers[0].party"),
    ("AgreementOfSeveral", "parties"): (HIKONE, "parties: [hikone, rise]", f"parties: [hikone, {NOBODY}]",
                                        "agreements.rise.parties[1]"),
    ("CeremonyOfSeveral", "agreements"): (HIKONE, "agreements: [rise]", f"agreements: [{NOBODY}]",
                                          "press_notice.ceremonies[1].agreements[0]"),
    ("CeremonyOfSeveral", "signatories"): (HIKONE, "signatories: [rise]", f"signatories: [{NOBODY}]",
                                           "press_notice.ceremonies[1].signatories[0]"),
}
DECLARING = {("Spec", "parties"), ("Spec", "agreements")}     # where the ids are declared


def test_every_marked_field_has_a_case():
    assert set(CASES) == set(id_fields()) - DECLARING
    assert CHECKED_NARROWER <= set(CASES)


@pytest.mark.parametrize("field", sorted(CASES), ids=".".join)
def test_an_id_of_no_party_is_refused_in_every_marked_field(field, tmp_path):
    spec, old, new, key = CASES[field]
    text = spec.read_text(encoding="utf-8")
    assert old in text, old
    variant = tmp_path / spec.name
    variant.write_text(text.replace(old, new, 1), encoding="utf-8")
    if (spec.parent / "styles").is_dir():
        (tmp_path / "styles").symlink_to(spec.parent / "styles")
    result = run_generate("check", variant)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stdout + result.stderr
    said = [line for line in result.stderr.splitlines() if f": {key}: " in line]
    assert any(f"'{NOBODY}'" in line for line in said), (key, result.stderr)


class _Seat(Strict):
    who: PartyId
    also: list[PartyId] = []
    words: dict[PartyKey, Line] = {}


class _Host(Strict):
    name: Line


class _Hall(Strict):
    parties: dict[PartyKey, _Host]
    seats: list[_Seat]


def test_a_field_marked_as_party_ids_is_checked_without_a_check_of_its_own():
    """A model no check names, with party ids in one text, a list and a mapping's keys."""
    hall = _Hall.model_validate({"parties": {"city": {"name": "市"}, "univ": {"name": "大学"}},
                                 "seats": [{"who": "city", "also": ["univ", "ciyt"], "words": {"unvi": "様"}},
                                           {"who": "nobody"}]})
    said = {p.key: p.message for p in check_ids(hall, "hall.yaml", {})}
    assert said == {"seats[0].also[1]": "party 'ciyt' is not declared under parties; did you mean 市（city）?",
                    "seats[0].words.unvi": "party 'unvi' is not declared under parties; did you mean 大学（univ）?",
                    "seats[1].who": "party 'nobody' is not declared under parties (declared: 市（city）, 大学（univ）)"}


def _language(language: str) -> dict:
    """The environment of a command run in `language`."""
    import os
    return {**os.environ, "LANG": language, "LC_ALL": language, "LANGUAGE": ""}


def _seed_and_hikone(tmp_path, seed_change: tuple, hikone_change: tuple) -> tuple:
    """The seed and 彦根市's spec (two agreements, two ceremonies) in tmp_path, each with
    its (old, new) text replaced, 彦根市's house style beside it."""
    seed, hikone = tmp_path / "seed.yaml", tmp_path / HIKONE.name
    seed.write_text(SEED_SPEC.read_text(encoding="utf-8").replace(*seed_change), encoding="utf-8")
    hikone.write_text(HIKONE.read_text(encoding="utf-8").replace(*hikone_change), encoding="utf-8")
    (tmp_path / "styles").symlink_to(REAL / "styles")
    return seed, hikone


@pytest.mark.parametrize("language", ["C.UTF-8", "ja_JP.UTF-8"])
def test_the_command_line_names_each_party_it_lists(language, tmp_path):
    """A message that lists the parties a key may name says each with its name beside
    its id (the id kept: the user writes it in the YAML), in English and in Japanese, as
    the app's form does (jpdocs/party_words.py): the seed with a signatory it does not
    declare, and 彦根市's second ceremony with a signer of neither of its agreements."""
    env = _language(language)
    seed, hikone = _seed_and_hikone(tmp_path, ("signatories: [bureau, kitami_it]", "signatories: [bureau, zzz]"),
                                    ("signatories: [rise]", "signatories: [procrew]"))
    for spec, listed in ((seed, "北海道オホーツク総合振興局（bureau）, 北見工業大学（kitami_it）"),
                         (hikone, "彦根市消防本部（hikone）, 株式会社ライズ（rise）")):
        result = run_generate("check", spec, env=env)
        assert result.returncode == 1, result.stdout + result.stderr
        assert listed in result.stderr, result.stderr
        assert ("書かれて" in result.stderr or "当事者「" in result.stderr) == language.startswith("ja"), result.stderr


def test_a_batchs_walk_finds_the_ids_a_first_walk_finds():
    """refers.py walks a process's first specs reading each field where the spec writes it,
    and later ones (a batch's) by tables of the fields that may hold ids: on every real
    spec and the seed, both find the same ids at the same keys — a field the tables left
    out would let an id of no party through unchecked."""
    from jpdocs.spec import refers
    from jpdocs.spec.load import load_spec

    def ids(walk, spec):
        return [(found.path, found.kind, found.value) for found in walk(spec, ())]

    specs = [load_spec(path).spec for path in sorted(REAL.glob("*.yaml")) + [SEED_SPEC]
             if not path.name.endswith(".facts.yaml")]
    assert len(specs) > 250
    found = 0
    for spec in specs:
        first = ids(refers._walk_first, spec)
        assert ids(refers._walk_known, spec) == first
        found += len(first)
    assert found > 500           # (the real specs write ids in many fields)


@pytest.mark.parametrize("language", ["C.UTF-8", "ja_JP.UTF-8"])
def test_the_command_line_names_the_party_or_agreement_it_suggests(language, tmp_path):
    """"did you mean" offers the id with its party's name (the agreement's title) beside
    it, as a list of them does: the bare id (kitami_it) said neither which party it was
    nor, in 彦根市's spec, where procrew is a party's id and an agreement's, which kind."""
    env = _language(language)
    seed, hikone = _seed_and_hikone(tmp_path, ("signatories: [bureau, kitami_it]", "signatories: [bureau, kitami]"),
                                    ("agreements: [rise]", "agreements: [ris]"))
    english = {seed: "did you mean 北見工業大学（kitami_it）?",
               hikone: "did you mean 災害時等における無人航空機の運用に関する協定（rise）?"}
    for spec, offered in english.items():
        result = run_generate("check", spec, env=env)
        assert result.returncode == 1, result.stdout + result.stderr
        if language.startswith("ja"):
            offered = offered.replace("did you mean ", "").replace("?", "の書き間違いではありませんか？")
        assert offered in result.stderr, result.stderr
        # two agreements of one title, said beside their ids: the ids tell them apart, not
        # their places in a second bracket too (…協定（協定 2）（rise）)
        assert "（協定 2）" not in result.stderr and "）（" not in result.stderr, result.stderr


@pytest.mark.parametrize("language", ["C.UTF-8", "ja_JP.UTF-8"])
def test_the_command_line_names_each_agreement_it_lists(language, tmp_path):
    """A message that lists agreements' ids (those a ceremony signs, those the spec
    declares) says each by its title beside its id, a long title's first 30 characters
    (…): 彦根市's second ceremony given a signer of the other agreement, and one of an
    agreement it does not declare; procrew and rise are the ids of a party and an
    agreement each, so the bare ids said neither which agreement nor that it was one."""
    env = _language(language)
    long = "彦根市消防本部と株式会社ライズとの災害時等における無人航空機の運用に関する協定"
    head, rise_on = HIKONE.read_text(encoding="utf-8").rsplit("\n  rise:\n", 1)     # (the agreement, not the party)
    text = head + "\n  rise:\n" + rise_on.replace("title: 災害時等における無人航空機の運用に関する協定", f"title: {long}", 1)
    (tmp_path / "styles").symlink_to(REAL / "styles")
    signer, unknown = tmp_path / "signer.yaml", tmp_path / "unknown.yaml"
    signer.write_text(text.replace("signatories: [rise]", "signatories: [procrew]"), encoding="utf-8")
    unknown.write_text(text.replace("agreements: [rise]", "agreements: [zzz]"), encoding="utf-8")
    rise = f"{long[:30]}…（rise）"
    for spec, listed in ((signer, f"({rise})" if language.startswith("C") else f"協定（{rise}）"),
                         (unknown, f"災害時等における無人航空機の運用に関する協定（procrew）, {rise}")):
        result = run_generate("check", spec, env=env)
        assert result.returncode == 1, result.stdout + result.stderr
        assert listed in result.stderr, result.stderr
        assert ("書かれて" in result.stderr or "締結式で" in result.stderr) == language.startswith("ja"), result.stderr


def test_two_of_one_name_are_told_apart_by_their_places_alone_or_their_ids_alone():
    """Two parties (agreements) of one name are said by their places where no id
    follows (a field's path, the app's legends: 北見市（当事者 1）) and by their ids where
    one does (北見市（kitami）): never both, 北見市（当事者 1）（kitami）."""
    from jpdocs.party_words import agreement_names, id_slot, party_names, with_names
    names = party_names([("kitami", type("P", (), {"name": "北見市"})()), ("city", type("P", (), {"name": "北見市"})()),
                         ("it", type("P", (), {"name": "北見工業大学"})())])
    assert names == {"kitami": "北見市（当事者 1）", "city": "北見市（当事者 2）", "it": "北見工業大学"}
    assert with_names(["kitami", "city", "it"], names) == "北見市（kitami）, 北見市（city）, 北見工業大学（it）"
    agreements = agreement_names([("a", "連携協定"), ("b", "連携協定"), ("c", None)])
    assert agreements == {"a": "連携協定（協定 1）", "b": "連携協定（協定 2）", "c": "協定 3"}
    assert [id_slot(k, v) for k, v in agreements.items()] == ["連携協定（a）", "連携協定（b）", "協定 3（c）"]
