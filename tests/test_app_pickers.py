"""The form names the spec's several agreements (agreements:, by id) as it names the
parties: by title, or 「協定 N」 while one has none; it offers the parties by name where
a field takes a party's id, and 配布日 none is a checkbox beside the date.

Until the forty-fourth session an agreement of several was named by its id in the
form's legends, field paths and messages (複数の協定 › procrew › 締結日; 協定「rise」),
and in 彦根市's spec an agreement's id is a party's id too (procrew): a message quoting
協定 'rise' named the party 株式会社ライズ, and a list of agreements named parties.
A translation's signer (当事者) and the rows of 署名欄の前の記号 were text boxes for an
id; issue_date: none was typed into the date's box. Runs the real app on a real spec."""
from __future__ import annotations

import shutil

import pytest
import yaml

from conftest import ROOT
from jpdocs.app.fields import field_label
from jpdocs.app.form_words import in_form_words, value_word
from jpdocs.app.party_words import party_names
from jpdocs.app.schema_export import spec_schema
from jpdocs.app.spec_folder import App
from jpdocs.i18n import messages

REAL = ROOT / "tests" / "data" / "real"
HIKONE = "hikone-fire-drone-2022.yaml"
TITLE = "災害時等における無人航空機の運用に関する協定"


def _fields() -> dict:
    s = spec_schema()
    return {(m, k): p for m, d in {**s["$defs"], "Spec": s}.items() for k, p in d.get("properties", {}).items()}


def test_several_agreements_are_named_by_their_titles_or_their_places():
    data = yaml.safe_load((REAL / HIKONE).read_text(encoding="utf-8"))
    # 彦根市's two agreements have one title: told apart by their places
    assert party_names(data).agreements == {"procrew": f"{TITLE}（協定 1）", "rise": f"{TITLE}（協定 2）"}
    data["agreements"]["rise"]["title"] = " "
    assert party_names(data).agreements == {"procrew": TITLE, "rise": "協定 2"}
    assert party_names(data) == {"hikone": "彦根市消防本部", "procrew": "株式会社プロクルー", "rise": "株式会社ライズ"}
    assert party_names({}).agreements == {}


def test_a_field_path_names_the_agreement_and_a_message_tells_it_from_the_party():
    data = yaml.safe_load((REAL / HIKONE).read_text(encoding="utf-8"))
    data["agreements"]["procrew"]["title"] = "ドローン協定"
    names = party_names(data)
    assert field_label("agreements.procrew.signing_date", parties=names) == "複数の協定 › ドローン協定 › 締結日"
    assert field_label("agreements.rise.parties[1]", parties=names) == f"複数の協定 › {TITLE} › この協定の当事者 2"
    # the agreement a message names, by its title beside its id as the check says it, is
    # kept so: not taken for the party of that id (株式会社プロクルー)
    said = in_form_words("ドローン協定（procrew）は 1 番目の締結式ですでに締結されます。協定の締結は1回です",
                         "press_notice.ceremonies[1].agreements[0]", "ja", names)
    assert said.startswith("ドローン協定（procrew）は"), said
    # the party of the same id, quoted before の, and the agreements a message lists, each
    # named by the check (its title, its id beside it): kept so, not taken for the parties
    # of those ids (株式会社ライズ（rise）)
    listed = f"ドローン協定（procrew）, {TITLE}（rise）"
    parties = "彦根市消防本部（hikone）, 株式会社ライズ（rise）"
    said = in_form_words(f"当事者「rise」は、この締結式で締結する協定（{listed}）のどれの当事者でもありません。"
                         f"それらの当事者（{parties}）から指定してください", "press_notice.ceremonies[1].signatories[0]", "ja",
                         names)
    assert said == (f"当事者「株式会社ライズ」は、この締結式で締結する協定（{listed}）のどれの当事者でもありません。"
                    f"それらの当事者（{parties}）から指定してください"), said
    # an agreement's id no agreement has is as written, not the party of that id
    said = in_form_words(f"協定「hikone」は agreements に書かれていません（書かれている協定: {listed}）",
                         "press_notice.ceremonies[0].agreements[0]", "ja", names)
    assert said.startswith("協定「hikone」は") and f"書かれている協定: {listed}）" in said, said
    # the spec's 複数の協定, not the ceremony's 締結する協定 the message is said at; the
    # agreement suggested, named by the check, stays so
    said = in_form_words("協定「procrw」は agreements に書かれていません。ドローン協定（procrew）の書き間違いではありませんか？",
                         "press_notice.ceremonies[0].agreements[0]", "ja", names)
    assert said == "協定「procrw」は「複数の協定」に書かれていません。ドローン協定（procrew）の書き間違いではありませんか？", said
    said = in_form_words(f"the agreement {TITLE}（rise） is signed at ceremony 1 already",
                         "press_notice.ceremonies[1].agreements[0]", None, names)
    assert said == f"the agreement {TITLE}（rise） is signed at ceremony 1 already", said
    # in English, the agreements a message lists stay agreements, though every id is a
    # party's (procrew, rise), and the parties it lists stay parties
    said = (f"party 'x' signs none of the agreements this ceremony signs ({listed}): name a"
            " party of them (彦根市消防本部（hikone）, 株式会社プロクルー（procrew）)")
    assert in_form_words(said, "press_notice.ceremonies[1].signatories[0]", None, names) == said
    said = in_form_words(f"agreement 'hikone' is not declared under agreements (declared: {listed})",
                         "press_notice.ceremonies[0].agreements[0]", None, names)
    assert said.endswith(f"(declared: {listed})"), said


def test_the_preview_names_the_agreement_at_its_field(tmp_path):
    """彦根市's spec with the second agreement signed a day later than its ceremony and
    signed at both ceremonies: each message names the agreement by its title."""
    (tmp_path / "styles").mkdir()
    shutil.copy(REAL / "styles" / "hikone-press.yaml", tmp_path / "styles")
    shutil.copy(REAL / HIKONE, tmp_path)
    app, say = App(tmp_path), messages("ja")
    data = app.open_spec(HIKONE, say)["data"]
    data["agreements"]["rise"]["signing_date"] = "2022-02-10"
    data["press_notice"]["ceremonies"][0]["agreements"] = ["procrew", "rise"]
    shown = app.preview({"name": HIKONE, "data": data}, say)
    said = {p["key"]: p["message"] for p in shown["problems"]}
    # by its title beside its id, as the command line says it (the field's path, which no
    # id follows, by its place)
    assert f"そこで締結する{TITLE}（rise）の締結日" in said["press_notice.ceremonies[0].date"], said
    assert f"「複数の協定 › {TITLE}（協定 2） › 締結日」" in said["press_notice.ceremonies[0].date"], said
    assert said["press_notice.ceremonies[1].agreements[0]"].startswith(f"{TITLE}（rise）は"), said
    assert not any("株式会社ライズ" in m or "「rise」" in m or "（協定 2）（" in m for m in said.values()), said


def test_every_field_of_a_party_id_is_a_choice_of_the_parties():
    """The build checks these values against parties: (or agreements:); the form offers
    them by name (x-jpdocs: party-id, a select; party-ids and agreement-ids, checkboxes)."""
    f = _fields()
    assert f[("TranslationSigner", "party")]["x-jpdocs"] == "party-id"
    rows = [o for o in f[("AgreementDocument", "block_labels")]["anyOf"] if o.get("type") == "array"]
    assert rows and rows[0]["items"]["x-jpdocs"] == "party-id"
    for key in [("Ceremony", "signatories"), ("CeremonyOfSeveral", "signatories"), ("AgreementOfSeveral", "parties")]:
        assert f[key]["x-jpdocs"] == "party-ids", key
    assert f[("CeremonyOfSeveral", "agreements")]["x-jpdocs"] == "agreement-ids"
    assert f[("Spec", "agreements")]["x-jpdocs-keys"] == "agreements"
    # the help says to choose, not to type an id
    for key in [("TranslationSigner", "party"), ("AgreementDocument", "block_labels"), ("CeremonyOfSeveral", "agreements")]:
        assert "記号" not in f[key]["description"].replace("署名欄の前の記号", ""), key


@pytest.mark.parametrize("model", ["PressNotice", "AfterNotice"])
def test_a_page_without_a_date_is_a_checkbox_beside_the_date(model):
    prop = _fields()[(model, "issue_date")]
    assert prop["x-jpdocs-none"] == "日付を示さない" and prop["x-jpdocs-none-value"] == "none"
    assert "none" not in prop["description"]
    path = ("press_notice",) + (("after",) if model == "AfterNotice" else ()) + ("issue_date",)
    assert value_word(path, "none") == ("check", "日付を示さない")
    said = in_form_words("この発表資料には発表日がありません（issue_date: none）。日付の前の語は単独で印刷されるか"
                         "効果がありません。date_prefix を削除してください", "press_notice.date_prefix")
    assert "（「配布日：日付を示さない」）" in said, said


@pytest.fixture
def fresh_schema():
    """The app's schema made again from the models (it is made once a process)."""
    from jpdocs.app import id_fields, schema_export
    caches = (schema_export._built, id_fields.id_fields)
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


@pytest.mark.parametrize("written, mark", [
    ("Optional[list[PartyId]]", ("x-jpdocs", "party-ids")),
    ("Optional[PartyId]", ("x-jpdocs", "party-id")),
    ("Optional[dict[PartyKey, Line]]", ("x-jpdocs-keys", "parties")),
    ("Optional[list[AgreementId]]", ("x-jpdocs", "agreement-ids")),
])
def test_a_field_of_ids_added_to_a_model_is_a_choice_in_the_form(written, mark, monkeypatch, fresh_schema):
    """The fields of ids were listed by hand in schema_export.py: a field of party ids
    added to a model (the parties hosting a site, say) was a text box for typed ids, and no test
    said so. They are found by the mark the models give an id (spec/base.py's PartyId …)."""
    from typing import Optional  # noqa: F401  (the annotation's words)
    from jpdocs.spec.base import AgreementId, Line, PartyId, PartyKey  # noqa: F401
    from jpdocs.spec.schema import Site    # (no default holds a Site: a default is written out whole)
    from jpdocs.spec.strict import FieldInfo
    info = FieldInfo(None)
    info.annotation = eval(written)
    monkeypatch.setitem(Site.model_fields, "hosts", info)
    prop = spec_schema()["$defs"]["Site"]["properties"]["hosts"]
    key, value = mark
    marked = prop.get(key) or next((o.get(key) for o in prop.get("anyOf", []) if o.get(key)), None)
    assert marked == value, prop
