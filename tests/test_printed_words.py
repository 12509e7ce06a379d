"""The check of printed words (printed_words.py), which test_real_cases runs over every
real case: here, that it can fail — on text that prints what the spec does not say."""
from __future__ import annotations

import datetime as dt

from printed_words import closings_in_notes, said_words, unsaid_words

SPEC = {
    "issuer": "鳥取県",
    "parties": {"tottori": {"name": "鳥取県", "representative": {"title": "鳥取県知事", "name": "平井　伸治"}},
                "sgs": {"name": "株式会社エスジーズ", "representative": {"title": "代表取締役社長", "name": "今出　上"}}},
    "agreement": {"title": "生物多様性保全協定", "signing_date": dt.date(2025, 7, 15)},
    "press_notice": {"subject": "生物多様性保全協定調印式を行います",
                     "ceremony": {"venue": "鳥取県庁　本庁舎３階　第４応接室"}},
}
STYLE = {"notice": {"ki_marker": "（例{number}）"}}


def unsaid(text: str) -> list[str]:
    return unsaid_words(text, said_words(SPEC, STYLE))


def test_the_spec_s_words_the_house_s_and_the_product_s_own_pass():
    assert unsaid("報道機関各位\n令和７年７月15日（火曜日）午後２時\n鳥取県\n生物多様性保全協定調印式を行います\n"
                  "記\n（例１）日時\n鳥取県庁　本庁舎３階　第４応接室\n鳥取県知事　平井　伸治\n"
                  "株式会社エスジーズ　代表取締役社長　今出　上\n以上") == []
    assert unsaid_words(CLOSING + "\n甲　鳥取県　印", said_words(SPEC, STYLE), [CLOSING]) == []


# the generated closing, as the build's note quotes it (jpdocs/build/notes.generated_closing_note)
CLOSING = "本協定の締結を証するため、本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。"
NOTE = ("note: specs/tottori.yaml:40: agreement.document.closing: not given; the generated closing says the parties"
        " sign and seal (記名押印; 印 by each signature block), how many originals are made and that each keeps one:"
        f" 「{CLOSING}」; write closing: with the text's own words, or signed_by_hand: true for 署名の上 and no 印\n")


def test_the_generated_closing_s_words_count_only_where_it_prints():
    """The generated closing's words are the product's where the closing prints, as the
    build's note quotes it for this spec; without the note (a spec's own closing, or none)
    and anywhere else they are a residue: a default wording leaking into another place."""
    said = said_words(SPEC, STYLE)
    assert unsaid(CLOSING) != []
    leaked = "第５条　本書２通を作成し、各自その１通を保有する。\n" + CLOSING
    assert unsaid_words(leaked, said) != []
    closings = closings_in_notes(NOTE, "/anywhere/tottori.yaml")
    assert closings == [CLOSING]
    assert unsaid_words(CLOSING, said, closings) == []
    # (成 the product's own, as in 平成)
    assert unsaid_words(leaked, said, closings) == ["本書", "通を作", "し", "各自その", "通を保有する"]
    assert closings_in_notes(NOTE, "kitami.yaml") == []        # another spec's note accepts nothing


def test_a_word_the_spec_does_not_say_is_found():
    assert unsaid("鳥取県知事　平井　伸治　様") == ["様"]                     # an honorific not given
    assert unsaid("株式会社エスジーズ　代表取締役会長　今出　上") == ["代表取締役会長"]    # a title changed
    assert unsaid("立会人　山田　太郎") == ["立会人山田太郎"]                   # a person not in the spec
    # the venue with its floor changed is no string of the spec: what no word of it covers shows
    assert unsaid("鳥取県庁　本庁舎５階　第４応接室") == ["庁本庁舎", "階", "応接室"]


def test_a_default_wording_counts_only_where_its_key_is_left_out():
    """The notice's default wording (printed_words.NOTICE_DEFAULTS) is the product's own
    where the spec leaves its key out, and a residue where the spec wrote its own."""
    left_out = {**SPEC, "press_notice": {**SPEC["press_notice"], "press_request": {}}}
    given = {**SPEC, "press_notice": {**SPEC["press_notice"],
                                     "press_request": {"lead": "取材を希望される場合は、", "tail": "御連絡ください。"}}}
    text = "報道に当たってのお願い\n当日取材いただける場合は、下記連絡先までお知らせください。"
    assert unsaid_words(text, said_words(left_out, STYLE)) == []
    assert "お知らせください" in unsaid_words(text, said_words(given, STYLE))


def test_the_generated_articles_count_only_where_the_spec_asks_for_them():
    """The 有効期間 article's and the standard set's words are the product's only in a
    spec whose agreement has a validity and names the set."""
    text = "本協定は、甲及び乙が相互に連携し、それぞれが有する資源を有効に活用して協働することにより、"
    chosen = {**SPEC, "agreement": {**SPEC["agreement"], "document": {"standard": "包括連携"}}}
    assert unsaid_words(text, said_words(chosen, STYLE)) == []
    assert unsaid_words(text, said_words(SPEC, STYLE)) != []
    term = "本協定の有効期間は、本協定の締結の日から令和８年３月31日までとする。"
    assert unsaid_words(term, said_words({**SPEC, "agreement": {**SPEC["agreement"], "validity": {}}}, STYLE)) == []
    assert unsaid_words(term, said_words(SPEC, STYLE)) != []
