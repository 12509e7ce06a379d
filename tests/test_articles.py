"""The agreement's text as articles.py composes it, in process and fast (the
mutation run uses these): every wording rule with the expected text written out.
test_agreement.py checks the same text on the finished PDF and DOCX."""
from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, SEED_SPEC, run_generate
from jpdocs.content.agreement.compose import compose
from jpdocs.content.agreement.wording import document_title, party_label_words, polite, title_lines
from jpdocs.errors import InputError
from jpdocs.spec.load import load_spec
from jpdocs.spec.style import load_style
from test_agreement import write_spec

SPORTS = ROOT / "specs" / "2016-03-07-sports-culture-tourism.yaml"


def style_with(digits="mixed"):
    """The bundled house style with another digit style (compose takes the style)."""
    return load_style().model_copy(update={"digits": digits})


def text_of(path, digits="mixed"):
    return compose(load_spec(path), style_with(digits))


def clauses(article) -> list[tuple[str, str]]:
    return [(c.marker, c.text) for c in article.clauses]


# ---------------------------------------------------------------- titles
@pytest.mark.parametrize("title, expected", [
    ("北海道と北見工業大学との包括連携協定", "北海道と北見工業大学との包括連携に関する協定書"),
    ("北海道と北見市との協定", "北海道と北見市との協定書"),
    ("北海道と北見市との協定書", "北海道と北見市との協定書"),
    ("北海道と北見市との連携", "北海道と北見市との連携に関する協定書"),
    ("北見市との連携協定", "北見市との連携に関する協定書"),
    # its subject already said: one に関する (h147 typed …観光振興に関する連携協定 into the app)
    ("山梨県と甲州市との観光振興に関する連携協定", "山梨県と甲州市との観光振興に関する連携協定書"),
    ("北見市との地域づくりに向けた連携協定", "北見市との地域づくりに向けた連携協定書"),
])
def test_document_title(title, expected):
    assert document_title(title) == expected


@pytest.mark.parametrize("title, expected", [
    ("北海道オホーツク総合振興局と北見工業大学との包括連携に関する協定書",
     ("北海道オホーツク総合振興局と北見工業大学との", "包括連携に関する協定書")),
    ("あ" * 30, ("あ" * 30,)),                                       # fits one line
    ("あ" * 14 + "との" + "い" * 14, ("あ" * 14 + "との" + "い" * 14,)),   # 30: still one line
    ("あ" * 15 + "との" + "い" * 14, ("あ" * 15 + "との", "い" * 14)),      # 31: two
    ("あ" * 31, ("あ" * 31,)),                                       # nowhere to break
    ("との" + "あ" * 30, ("との" + "あ" * 30,)),                         # との at the start
    ("あ" * 30 + "との", ("あ" * 30 + "との",)),                         # との at the end
    ("あとの" + "い" * 28 + "との" + "う", ("あとの" + "い" * 28 + "との", "う")),  # the last との
    ("あとの" + "い" * 29, ("あとの", "い" * 29)),                        # a short first line
    # …との間における and …との間の kept whole on the first line, as a proof-reader breaks them
    ("東京工業大学と慶應義塾大学との間における学生交流に関する協定書",
     ("東京工業大学と慶應義塾大学との間における", "学生交流に関する協定書")),
    ("あ" * 15 + "との間の" + "い" * 14, ("あ" * 15 + "との間の", "い" * 14)),
    ("あ" * 26 + "との間における" + "い" * 4, ("あ" * 26 + "との", "間における" + "い" * 4)),  # 33: the との
    ("あ" * 29 + "との間の", ("あ" * 29 + "との", "間の")),                # nothing after the phrase
])
def test_title_lines(title, expected):
    assert title_lines(title) == expected


def test_title_lines_width():
    assert title_lines("あ" * 5 + "との" + "い" * 5, max_chars=10) == ("あ" * 5 + "との", "い" * 5)
    assert title_lines("あ" * 5 + "との" + "い" * 3, max_chars=10) == ("あ" * 5 + "との" + "い" * 3,)


# ---------------------------------------------------------------- labels and words
def test_label_words_for_two_three_and_a_collective_word():
    assert party_label_words("甲乙", 2) == (["甲", "乙"], {"all": "甲及び乙", "compact": "甲乙",
                                                         "any": "甲又は乙", "other": "相手方"})
    assert party_label_words("甲乙", 3) == (["甲", "乙", "丙"], {"all": "甲、乙及び丙", "compact": "甲乙丙",
                                                              "any": "甲、乙又は丙", "other": "他の当事者"})
    assert party_label_words("両市", 2) == ([], {"all": "両市", "compact": "両市", "any": "両市",
                                                "other": "相手方"})
    assert party_label_words("三者", 3)[1]["other"] == "他の当事者"


# ---------------------------------------------------------------- the seed, word for word
SEED_ARTICLES = [
    ("第１条", "目的", [("", "本協定は、甲及び乙が相互に連携し、それぞれが有する資源を有効に活用して協働することにより、"
                          "持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図ることを目的とする。")]),
    ("第２条", "連携事項", [("", "甲及び乙は、前条の目的を達成するため、次に掲げる事項について連携し、協力するものとする。")]),
    ("第３条", "推進体制", [("", "甲及び乙は、前条に掲げる事項を円滑かつ効果的に推進するため、それぞれ連絡調整の窓口を"
                              "設けるものとする。"),
                        ("２", "前条に掲げる事項の具体的な内容及び実施方法については、甲乙協議の上、別に定めるものとする。")]),
    ("第４条", "秘密保持", [("", "甲及び乙は、本協定に基づく連携を通じて知り得た相手方の秘密を、相手方の承諾を得ることなく"
                              "第三者に漏らし、又は本協定の目的以外に使用してはならない。"),
                        ("２", "前項の規定は、本協定の終了後においても、なお効力を有する。")]),
    ("第５条", "費用負担", [("", "本協定に基づく連携に要する費用については、原則として各自が負担するものとする。ただし、"
                              "特別の費用を要する場合は、その都度、甲乙協議の上、定めるものとする。")]),
    ("第６条", "有効期間", [("", "本協定の有効期間は、本協定の締結の日から令和７年３月31日までとする。ただし、有効期間満了の日の"
                              "１か月前までに、甲又は乙のいずれからも別段の意思表示がないときは、有効期間満了の日の"
                              "翌日から起算して１年間延長するものとし、以後も同様とする。")]),
    ("第７条", "協議", [("", "本協定に定めのない事項又は本協定に関し疑義が生じた事項については、甲乙協議の上、"
                          "決定するものとする。")]),
]


def test_the_seed_agreement_word_for_word():
    text = text_of(SEED_SPEC)
    assert [(a.number, a.heading, clauses(a)) for a in text.articles] == SEED_ARTICLES
    assert [a.name for a in text.articles] == ["purpose", "areas", "promotion", "confidentiality", "costs",
                                               "validity", "consultation"]
    areas = text.articles[1].clauses[0].entries
    assert [(e.marker, e.text, e.entries) for e in areas] == [
        ("（１）", "農林水産業の振興に関する事項", ()), ("（２）", "地域で活躍する人材の育成に関する事項", ()),
        ("（３）", "観光振興・地域の魅力発信に関する事項", ()), ("（４）", "脱炭素・ゼロカーボン北海道の推進に関する事項", ()),
        ("（５）", "防災・減災に向けた地域づくりに関する事項", ()), ("（６）", "公共交通の活性化に関する事項", ()),
        ("（７）", "その他甲及び乙が必要と認める事項", ())]
    assert text.title_lines == ("北海道オホーツク総合振興局と北見工業大学との", "包括連携に関する協定書")
    assert text.labels == ("甲", "乙")
    assert text.date == "令和６年２月27日"


def sports_with_document(folder, **document):
    """The three agencies' spec with an agreement document (main's SPORTS spec has
    none: the agreement document is made only when agreement.document is there)."""
    data = yaml.safe_load(SPORTS.read_text(encoding="utf-8"))
    data["agreement"]["document"] = {"standard": "包括連携", **document}
    path = folder / "sports.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_three_agencies_word_for_word(tmp_path):
    text = text_of(sports_with_document(tmp_path, purpose="地域の持続的な発展に寄与する"))
    assert text.preamble == ("スポーツ庁（以下「甲」という。）、文化庁（以下「乙」という。）及び観光庁（以下「丙」という。）は、"
                             "包括的な連携に関し、次のとおり協定を締結する。")
    assert text.closing == "本協定の締結を証するため、本書３通を作成し、甲乙丙記名押印の上、各自その１通を保有する。"
    assert text.title_lines == ("スポーツ庁，文化庁及び観光庁の包括的連携に関する協定書",)
    assert text.articles[0].clauses[0].text == ("本協定は、甲、乙及び丙が相互に連携し、それぞれが有する資源を有効に"
                                                "活用して協働することにより、地域の持続的な発展に寄与することを目的とする。")
    assert "知り得た他の当事者の秘密を、他の当事者の承諾を" in text.articles[3].clauses[0].text
    # no validity in the spec, signed in March (2016-03-07): term.py ends the first term
    # with the next fiscal year (平成29年３月31日), no longer the signing year's (平成28年)
    assert text.articles[5].clauses[0].text.startswith("本協定の有効期間は、本協定の締結の日から平成29年３月31日までとする。"
                                                       "ただし、有効期間満了の日の１か月前までに、甲、乙又は丙のいずれからも")
    assert [(s.label, s.field, s.address, s.organisation, s.title) for s in text.signatories] == [
        ("甲", "甲", "", (), "スポーツ庁長官"), ("乙", "乙", "", (), "文化庁長官"), ("丙", "丙", "", (), "観光庁長官")]


def test_a_missing_purpose_is_an_error(tmp_path):
    # the default purpose is gone from main: the standard 目的 article needs document.purpose
    spec = sports_with_document(tmp_path)
    with pytest.raises(InputError) as raised:
        text_of(spec)
    [p] = raised.value.problems
    document = spec.read_text(encoding="utf-8").splitlines().index("  document:") + 1
    assert (p.file, p.line, p.key, p.message) == (
        str(spec), document, "agreement.document.purpose",
        "the article 「目的」 of the standard set '包括連携' states the agreement's purpose"
        " (…{purpose}ことを目的とする。): write it as document.purpose (…を図る), or give that article a text of its own")


def test_numbers_follow_the_digit_style(tmp_path):
    spec = write_spec(tmp_path, "full", parties=3, count=12)
    text = text_of(spec, "full")
    assert [a.number for a in text.articles][9:] == ["第１０条", "第１１条", "第１２条"]
    assert text.closing == "本協定の締結を証するため、本書３通を作成し、甲乙丙記名押印の上、各自その１通を保有する。"
    assert text.date == "令和６年２月２７日"
    assert [c.marker for c in text.articles[2].clauses] == ["", "２"]
    assert text.articles[1].clauses[0].entries[0].marker == "（１）"
    half = text_of(spec, "half")
    assert half.articles[0].number == "第1条" and "本書3通" in half.closing and "その1通" in half.closing
    assert half.articles[1].clauses[0].entries[0].marker == "（1）"
    [validity] = [a for a in half.articles if a.name == "validity"]
    assert "令和7年3月31日" in validity.clauses[0].text and "1か月前" in validity.clauses[0].text


# ---------------------------------------------------------------- validity
@pytest.mark.parametrize("validity, expected", [
    ({"start": "2024-04-01"}, "本協定の有効期間は、令和６年４月１日から令和７年３月31日までとする。ただし、有効期間満了の日の"
                              "１か月前までに、甲又は乙のいずれからも別段の意思表示がないときは、有効期間満了の日の"
                              "翌日から起算して１年間延長するものとし、以後も同様とする。"),
    # no end: term.py's default, the end of the next fiscal year, as the seed is signed in February
    ({"renewal": False}, "本協定の有効期間は、本協定の締結の日から令和７年３月31日までとする。"),
    ({"end": "2026-03-31", "renewal_notice": "30日", "renewal_term": "2年"},
     "本協定の有効期間は、本協定の締結の日から令和８年３月31日までとする。ただし、有効期間満了の日の30日前までに、"
     "甲又は乙のいずれからも別段の意思表示がないときは、有効期間満了の日の翌日から起算して２年間延長するものとし、"
     "以後も同様とする。"),
    ({"renewal_notice": "2週間", "renewal_term": "6か月"},
     "本協定の有効期間は、本協定の締結の日から令和７年３月31日までとする。ただし、有効期間満了の日の２週間前までに、"
     "甲又は乙のいずれからも別段の意思表示がないときは、有効期間満了の日の翌日から起算して６か月延長するものとし、"
     "以後も同様とする。"),
])
def test_validity_wording(tmp_path, validity, expected):
    text = text_of(write_spec(tmp_path, "v", validity=validity))
    [article] = [a for a in text.articles if a.name == "validity"]
    assert clauses(article) == [("", expected)]


def test_the_notice_not_to_renew_is_in_writing_only_where_the_spec_says_so(tmp_path):
    # 書面による is a condition of the agreement (oral notice would not do): of the real renewal
    # clauses read (仙台市・山形市, 宿毛市・三原村, the NPO's, 日本年金機構's …) none wrote it, and the
    # article printed it for every spec (h157)
    plain = text_of(write_spec(tmp_path, "plain", validity={"end": "2025-03-31", "renewal_notice": "1か月"}))
    [article] = [a for a in plain.articles if a.name == "validity"]
    assert "書面" not in article.clauses[0].text
    assert "甲又は乙のいずれからも別段の意思表示がないときは" in article.clauses[0].text
    written = text_of(write_spec(tmp_path, "written", validity={"end": "2025-03-31", "renewal_notice": "1か月",
                                                                "notice_in_writing": True}))
    [article] = [a for a in written.articles if a.name == "validity"]
    assert clauses(article) == [("", "本協定の有効期間は、本協定の締結の日から令和７年３月31日までとする。ただし、"
                                     "有効期間満了の日の１か月前までに、甲又は乙のいずれからも書面による別段の意思表示が"
                                     "ないときは、有効期間満了の日の翌日から起算して１年間延長するものとし、以後も同様とする。")]


@pytest.mark.parametrize("validity, articles, says", [
    ({"renewal": False, "notice_in_writing": True}, None, "and the term does not renew (renewal: false)"),
    ({"notice_in_writing": True}, {"validity": {"remove": True}}, "the document prints no such article"),
    ({"notice_in_writing": True}, {"validity": {"text": ["本協定の有効期間は、１年間とする。"]}},
     "the document prints no such article"),
])
def test_notice_in_writing_where_nothing_would_print_it_is_an_error(tmp_path, validity, articles, says):
    """Refused by check (the spec's checks, or, where the text prints no article of the
    set's, the build: a user's template may print it, tests/test_unprinted_in_user_template.py)."""
    extra = {"articles": articles} if articles else {}
    spec = write_spec(tmp_path, "w", validity=validity, **extra)
    check = run_generate("check", spec)
    assert check.returncode == 1 and "Traceback" not in check.stderr
    line = spec.read_text(encoding="utf-8").splitlines().index("    notice_in_writing: true") + 1
    [said] = [x for x in check.stderr.splitlines() if x.startswith(f"error: {spec}:{line}: agreement.validity.notice_in_writing: ")]
    assert says in said and "it would have no effect" in said, check.stderr


# ---------------------------------------------------------------- changes by the spec
def test_a_heading_only_override_keeps_the_default_text(tmp_path):
    text = text_of(write_spec(tmp_path, "h", articles={"costs": {"heading": "経費の負担"}}))
    costs = text.articles[4]
    assert costs.heading == "経費の負担"
    assert clauses(costs) == clauses(text_of(SEED_SPEC).articles[4])


def test_the_specs_own_text_is_printed_as_written(tmp_path):
    own = "{all}は、経費を{compact}で負担する（前条参照）。"
    text = text_of(write_spec(tmp_path, "own", articles={"costs": {"text": [own, "第二項。"]}}))
    assert clauses(text.articles[4]) == [("", own), ("２", "第二項。")]
    assert text.articles[4].heading == "費用負担"


def test_extra_articles_where_they_are_asked_for(tmp_path):
    extras = [{"heading": "後", "text": ["a"], "after": "purpose", "name": "x1"},
              {"heading": "前", "text": ["b"], "before": "validity"},
              {"heading": "既定", "text": ["c"]},
              {"heading": "その後", "text": ["d"], "after": "x1"}]
    text = text_of(write_spec(tmp_path, "x", extra_articles=extras))
    assert [a.heading for a in text.articles] == ["目的", "後", "その後", "連携事項", "推進体制", "秘密保持",
                                                  "費用負担", "前", "有効期間", "既定", "協議"]
    assert [a.name for a in text.articles][7] == "extra-2"       # unnamed: by its place in extra_articles
    # 連携事項 is no longer just after 目的: 第１条; 推進体制 still follows 連携事項: 前条
    assert text.articles[3].clauses[0].text.startswith("甲及び乙は、第１条の目的を達成するため")
    assert text.articles[4].clauses[0].text.startswith("甲及び乙は、前条に掲げる事項")
    assert text.articles[4].clauses[1].text.startswith("前条に掲げる事項")


def test_extras_beside_removed_articles(tmp_path):
    spec = write_spec(tmp_path, "rm", articles={"consultation": {"remove": True}, "costs": {"remove": True},
                                                "purpose": {"remove": True},
                                                "areas": {"text": ["連携する。"]}},
                      extra_articles=[{"heading": "末尾", "text": ["e"]},
                                      {"heading": "費用の後", "text": ["f"], "after": "costs"},
                                      {"heading": "費用の前", "text": ["g"], "before": "costs"},
                                      {"heading": "目的の前", "text": ["h"], "before": "purpose"}])
    text = text_of(spec)
    assert [a.heading for a in text.articles] == ["目的の前", "連携事項", "推進体制", "秘密保持", "費用の前", "費用の後",
                                                  "有効期間", "末尾"]


def test_references_skip_to_the_article_number(tmp_path):
    spec = write_spec(tmp_path, "ref", extra_articles=[{"heading": "間", "text": ["x"], "after": "areas"}])
    text = text_of(spec)
    assert text.articles[3].heading == "推進体制"
    assert text.articles[3].clauses[0].text.startswith("甲及び乙は、第２条に掲げる事項")
    assert text.articles[3].clauses[1].text.startswith("第２条に掲げる事項")


def test_no_areas_no_areas_article(tmp_path):
    text = text_of(write_spec(tmp_path, "noareas", areas=[]))
    assert [a.heading for a in text.articles] == ["目的", "推進体制", "秘密保持", "費用負担", "有効期間", "協議"]
    assert clauses(text.articles[1]) == [
        ("", "甲及び乙は、本協定に基づく連携を円滑かつ効果的に推進するため、それぞれ連絡調整の窓口を設けるものとする。"),
        ("２", "本協定に基づく連携の具体的な内容及び実施方法については、甲乙協議の上、別に定めるものとする。")]


def test_area_items_as_sub_items(tmp_path):
    text = text_of(write_spec(tmp_path, "items", area_items=True))
    first = text.articles[1].clauses[0].entries[0]
    assert [(e.marker, e.text) for e in first.entries] == [
        ("ア", "先端技術を活用したスマート林業の推進、作業システムの効率化に向けた技術支援"),
        ("イ", "農業における機械化・自動化・ICT等の導入促進"),
        ("ウ", "水産加工技術の開発、漁場整備等に係る技術開発　等")]
    assert text.articles[1].clauses[0].entries[-1].entries == ()


def test_items_and_sub_items_of_an_own_text(tmp_path):
    spec = write_spec(tmp_path, "own-items", extra_articles=[{"heading": "遵守事項", "text": [
        "甲及び乙は、次の事項を守る。",
        {"text": "前項の事項は、次のとおりとする。", "items": ["漏えいの防止", {"text": "目的外利用の禁止",
                                                                   "items": ["複製", "提供", "{all}"]}]}]}])
    [article] = [a for a in text_of(spec).articles if a.heading == "遵守事項"]
    assert [(c.marker, c.text) for c in article.clauses] == [("", "甲及び乙は、次の事項を守る。"),
                                                          ("２", "前項の事項は、次のとおりとする。")]
    items = article.clauses[1].entries
    assert [(e.marker, e.text) for e in items] == [("（１）", "漏えいの防止"), ("（２）", "目的外利用の禁止")]
    assert [(e.marker, e.text) for e in items[1].entries] == [("ア", "複製"), ("イ", "提供"), ("ウ", "{all}")]


@pytest.mark.parametrize("purpose, expected", [
    ("地域の課題の解決を図る", "地域の課題の解決を図ることを目的とする。"),
    ("地域の課題の解決を図ること", "地域の課題の解決を図ることを目的とする。"),
])
def test_purpose_with_or_without_koto(tmp_path, purpose, expected):
    text = text_of(write_spec(tmp_path, "p", purpose=purpose))
    assert text.articles[0].clauses[0].text.endswith("協働することにより、" + expected)


def test_collective_word_and_own_closing(tmp_path):
    text = text_of(write_spec(tmp_path, "c", labels="両者", closing="以上を証する。", subject="観光振興"))
    assert text.preamble == ("北海道オホーツク総合振興局と国立大学法人北海道国立大学機構　北見工業大学（以下「両者」という。）"
                             "は、観光振興に関し、次のとおり協定を締結する。")
    assert text.closing == "以上を証する。"
    assert text.labels == ()
    assert [(s.label, s.field) for s in text.signatories] == [("", "オホーツク総合振興局"), ("", "北見工業大学")]


@pytest.mark.parametrize("title, subject, refused", [
    ("北海道と北見工業大学との観光振興に関する連携協定", None, True),     # h147's, in the app
    ("北海道と北見工業大学との観光振興に関する連携協定", "観光振興に関する連携", False),
    ("北海道と北見工業大学との包括連携協定", None, False),
    ("北海道と北見工業大学との包括的連携に関する協定", None, False),
])
def test_the_standard_preamble_calls_no_agreement_comprehensive_that_does_not_say_so(tmp_path, title, subject, refused):
    """The only standard set is a 包括連携協定's: its preamble says …は、包括的な連携に関し、….
    An agreement whose name does not say 包括 must say what it is about (subject)."""
    extra = {"subject": subject} if subject else {}
    path = write_spec(tmp_path, "t", title=title, **extra)
    if refused:
        with pytest.raises(InputError) as raised:
            text_of(path)
        assert [p.key for p in raised.value.problems] == ["agreement.document.standard"]
        assert "does not say 包括" in raised.value.problems[0].message
    else:
        preamble = text_of(path).preamble
        assert (subject or "包括的な連携") + "に関し" in preamble


def test_document_title_from_the_spec(tmp_path):
    # (a title of the document's kind: a 協定書 titled 覚書 is refused, its text says 本協定)
    text = text_of(write_spec(tmp_path, "t", document={"title": "協定書", "standard": "包括連携",
                                                      "purpose": "地域の課題の解決を図る"}))
    assert text.title == "協定書" and text.title_lines == ("協定書",)


# ---------------------------------------------------------------- signature blocks
@pytest.mark.parametrize("formal, title, organisation", [
    ("国立大学法人北海道国立大学機構　北見工業大学", "北見工業大学学長", ("国立大学法人北海道国立大学機構",)),
    ("国立大学法人北海道国立大学機構　北見工業大学", "学長", ("国立大学法人北海道国立大学機構", "北見工業大学")),
    ("北見工業大学", "北見工業大学学長", ()),
    ("学校法人　北見学園", "理事長", ("学校法人", "北見学園")),
    ("学校法人　北見学園　北見大学", "北見大学学長", ("学校法人", "北見学園")),
    ("北見大学", "学長", ("北見大学",)),
    ("北海道　北見市", "北海道　北見市長", ()),             # the title names the whole organisation
    ("学校法人 北見学園", "理事長", ("学校法人 北見学園",)),  # only a full-width space starts a line
])
def test_signature_block_organisation_lines(tmp_path, formal, title, organisation):
    spec = write_spec(tmp_path, "sig")
    data = spec.read_text(encoding="utf-8")
    data = data.replace("formal_name: 国立大学法人北海道国立大学機構　北見工業大学", f"formal_name: {formal}", 1)
    data = data.replace("title: 北見工業大学学長", f"title: {title}", 1)
    spec.write_text(data, encoding="utf-8")
    second = text_of(spec).signatories[1]
    assert (second.organisation, second.title, second.name) == (organisation, title, "鈴木　聡一郎")
    assert second.address == "北海道北見市公園町165番地"


def test_a_removed_article_that_is_referred_to(tmp_path):
    spec = write_spec(tmp_path, "gone", articles={"purpose": {"remove": True}})
    with pytest.raises(InputError) as raised:
        text_of(spec)
    [p] = raised.value.problems
    # main names the referring article ('areas', which the spec does not write out:
    # its nearest written ancestor, document.articles:, gives the line)
    lines = spec.read_text(encoding="utf-8").splitlines()
    articles = lines.index("    articles:") + 1
    assert lines[articles].strip() == "purpose:"            # the removal, just below
    assert (p.file, p.line, p.key, p.message) == (
        str(spec), articles, "agreement.document.articles.areas",
        "the article 'areas' refers to the article 'purpose', which is not in this agreement; "
        "give 'areas' a text of its own under agreement.document.articles, or remove it too")


def test_the_default_digit_style_is_mixed():
    assert load_style().digits == "mixed"
    assert compose(load_spec(SEED_SPEC), load_style()) == text_of(SEED_SPEC, "mixed")


def test_renewal_periods_follow_the_digit_style(tmp_path):
    spec = write_spec(tmp_path, "term", validity={"renewal_notice": "10日", "renewal_term": "12か月"})
    [article] = [a for a in text_of(spec, "full").articles if a.name == "validity"]
    assert "満了の日の１０日前までに" in article.clauses[0].text
    assert "起算して１２か月延長する" in article.clauses[0].text


# ---------------------------------------------------------------- the house's article form
def style_with_form(**form):
    """The bundled house style with another agreement form (article heading, signature lines)."""
    style = load_style()
    return style.model_copy(update={"agreement": style.agreement.model_copy(update=form)})


@pytest.mark.parametrize("form, first, second", [
    ({}, ("第１条（目的）", "", 0.0), ("第２条（連携事項）", "", 0.0)),
    ({"article_heading": "{number}　{heading}"}, ("第１条　目的", "", 0.0), ("第２条　連携事項", "", 0.0)),
    ({"article_heading": "（{heading}）", "article_lead": "{number}　"},
     ("（目的）", "第１条　", 1.0), ("（連携事項）", "第２条　", 1.0)),
    ({"article_heading": "", "article_lead": "{number}（{heading}）　"},
     ("", "第１条（目的）　", 0.0), ("", "第２条（連携事項）　", 0.0)),
])
def test_the_houses_article_form_is_filled_with_each_articles_number_and_heading(form, first, second):
    articles = compose(load_spec(SEED_SPEC), style_with_form(**form)).articles
    assert [(a.title, a.clauses[0].lead, a.title_indent) for a in articles[:2]] == [first, second]


@pytest.mark.parametrize("form", [
    {},
    {"article_heading": "{number}　{heading}"},
    {"article_heading": "（{heading}）", "article_lead": "{number}　"},
    {"article_heading": "", "article_lead": "{number}（{heading}）　"},
])
def test_an_article_without_a_heading_has_its_number_before_its_text_in_any_form(tmp_path, form):
    """Older texts (a 1968 fire agreement of five villages) head no article: 第１条　この協定は、…
    The spec leaves heading: out, and nothing is made up for it; headed articles beside it
    keep the house's form."""
    spec = write_spec(tmp_path, "headless", extra_articles=[
        {"text": ["この協定は、消防の相互応援に関して定めるものとする。"], "before": "purpose"},
        {"text": ["この協定に定めのない事項は、その都度協議して定める。"], "before": "purpose"},
    ])
    text = compose(load_spec(spec), style_with_form(**form))
    first, second, third = text.articles[:3]
    assert (first.number, first.title, first.clauses[0].lead, first.title_indent) == ("第１条", "", "第１条　", 0.0)
    assert (second.title, second.clauses[0].lead, second.heading) == ("", "第２条　", "")
    assert first.clauses[0].text == "この協定は、消防の相互応援に関して定めるものとする。"
    headed = compose(load_spec(SEED_SPEC), style_with_form(**form)).articles[0]
    assert (third.title, third.clauses[0].lead) == (headed.title.replace("第１条", "第３条"),
                                                   headed.clauses[0].lead.replace("第１条", "第３条"))


def test_two_articles_without_a_heading_are_no_duplicate_headings(tmp_path):
    spec = write_spec(tmp_path, "two-headless", standard=None, subject="消防の相互応援", extra_articles=[
        {"text": ["第一の定め。"]}, {"text": ["第二の定め。"]}])
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    data["agreement"]["document"].pop("standard", None)
    data["agreement"]["document"].pop("purpose", None)
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    articles = text_of(spec).articles
    assert [(a.number, a.title, a.clauses[0].lead + a.clauses[0].text) for a in articles] == [
        ("第１条", "", "第１条　第一の定め。"), ("第２条", "", "第２条　第二の定め。")]


def test_labelled_signature_lines_are_spread_to_the_longest_label_and_name_the_organisation():
    style = style_with_form(signature_labels={"address": "住所", "organisation": "名称", "title": "代表者"})
    bureau, school = compose(load_spec(SEED_SPEC), style).signatories
    assert [(line.text, line.hang) for line in school.lines] == [
        ("住　所　北海道北見市公園町165番地", 4),
        ("名　称　国立大学法人北海道国立大学機構", 4),
        ("　　　　北見工業大学", 4),               # the organisation's second line: no label again
        ("代表者　北見工業大学学長", 4),
        ("　　　　鈴木　聡一郎", 4),               # the name has no label here
    ]
    # labelled, the 名称 line names the organisation even where the title begins with it
    assert [line.text for line in bureau.lines][1:3] == ["名　称　北海道オホーツク総合振興局", "代表者　北海道オホーツク総合振興局長"]


def test_short_labels_are_padded_to_the_longest():
    style = style_with_form(signature_labels={"address": "所在地", "title": "職", "name": "氏名"})
    school = compose(load_spec(SEED_SPEC), style).signatories[1]
    assert [line.text for line in school.lines] == [
        "所在地　北海道北見市公園町165番地",
        "　　　　国立大学法人北海道国立大学機構",    # unlabelled: the title rule still leaves 北見工業大学 out
        "職　　　北見工業大学学長",
        "氏　名　鈴木　聡一郎",
    ]


def test_name_line_with_title_sets_the_title_and_the_name_on_one_line():
    """球磨郡錦町長　浅生利夫 (1968), 代表　町田市長　石阪　丈一 (2019): one line each."""
    bureau, school = compose(load_spec(SEED_SPEC), style_with_form(name_line="with_title")).signatories
    assert [line.text for line in school.lines] == ["北海道北見市公園町165番地", "国立大学法人北海道国立大学機構",
                                                     "北見工業大学学長　鈴木　聡一郎"]
    labelled = style_with_form(name_line="with_title", signature_labels={"title": "代表"})
    school = compose(load_spec(SEED_SPEC), labelled).signatories[1]
    assert [(line.text, line.hang) for line in school.lines][-1] == ("代表　北見工業大学学長　鈴木　聡一郎", 3)
    assert [line.text for line in compose(load_spec(SEED_SPEC), load_style()).signatories[1].lines][-2:] == [
        "北見工業大学学長", "鈴木　聡一郎"]                      # the default: the name on its own line


def test_name_line_with_title_beside_a_name_label_is_refused():
    from jpdocs.spec.strict import ValidationError
    from jpdocs.spec.style import AgreementStyle
    with pytest.raises(ValidationError, match="no name line for signature_labels.name to label"):
        AgreementStyle(name_line="with_title", signature_labels={"name": "氏名"})
    assert AgreementStyle(name_line="with_title", signature_labels={"title": "代表者"}).name_line == "with_title"


def test_organisation_line_always_keeps_the_organisation_the_title_names():
    bureau, school = compose(load_spec(SEED_SPEC), style_with_form(organisation_line="always")).signatories
    assert bureau.organisation == ("北海道オホーツク総合振興局",)
    assert school.organisation == ("国立大学法人北海道国立大学機構", "北見工業大学")
    assert [line.text for line in bureau.lines] == ["北海道網走市北７条西３丁目", "北海道オホーツク総合振興局",
                                                     "北海道オホーツク総合振興局長", "中島　和彦"]
    assert all(line.hang == 0 for line in bureau.lines)


def test_a_draft_party_left_open_gets_blank_organisation_and_name_lines(tmp_path):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["agreement"]["signing_date"] = None
    data["agreement"]["document"]["draft"] = True
    data["parties"]["kitami_it"].update(name=None, formal_name=None, address=None)
    data["parties"]["kitami_it"]["representative"].update(title="代表者", name=None)
    del data["press_notice"]
    spec = tmp_path / "draft.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    style = load_style()
    blank = style.word("blank_name")
    text = compose(load_spec(spec), style)
    school = text.signatories[1]
    assert (school.label, school.field, school.address) == ("乙", "乙", "")
    assert (school.organisation, school.title, school.name) == ((blank,), "代表者", blank)
    assert [line.text for line in school.lines] == [blank, "代表者", blank]
    assert text.date == style.word("blank_date")


# ---------------------------------------------------------------- paragraphs and the writing style
def test_a_second_paragraph_is_numbered_２_and_its_lead_hangs_the_text(tmp_path):
    text = text_of(SEED_SPEC)
    assert [[(c.marker, c.lead) for c in a.clauses] for a in text.articles] == [
        [("", "")], [("", "")], [("", ""), ("２", "２　")], [("", ""), ("２", "２　")], [("", "")], [("", "")],
        [("", "")]]
    spec = write_spec(tmp_path, "items", extra_articles=[{
        "heading": "個人情報の保護", "text": ["甲及び乙は、個人情報を適正に取り扱うものとする。",
                                           {"text": "甲及び乙は、次に掲げる事項を遵守するものとする。",
                                            "items": ["目的外に利用しないこと。", "第三者に提供しないこと。"]}]}])
    [own] = [a for a in text_of(spec, "full").articles if a.heading == "個人情報の保護"]
    assert [(c.marker, c.lead, [(e.marker, e.text) for e in c.entries]) for c in own.clauses] == [
        ("", "", []),
        ("２", "２　", [("（１）", "目的外に利用しないこと。"), ("（２）", "第三者に提供しないこと。")])]


@pytest.mark.parametrize("text, writing, expected", [
    ("次のとおり協定を締結する。", "です・ます", "次のとおり協定を締結します。"),
    ("次のとおり覚書を取り交わす。", "です・ます", "次のとおり覚書を取り交わします。"),
    ("本書２通を作成し、各自その１通を保有する。以上。", "です・ます", "本書２通を作成し、各自その１通を保有します。以上。"),
    ("締結する。保有する。", "です・ます", "締結します。保有します。"),
    ("次のとおり協定を締結する。", "である", "次のとおり協定を締結する。"),
    ("協議するものとする", "です・ます", "協議するものとする"),          # no 。: not a sentence end
])
def test_polite_turns_the_generated_sentence_ends_into_desu_masu_only(text, writing, expected):
    assert polite(text, writing) == expected


def test_a_desu_masu_set_makes_the_preamble_and_closing_polite(tmp_path):
    spec = write_spec(tmp_path, "polite", standard="包括連携（です・ます）", writing="です・ます")
    text = text_of(spec)
    assert text.preamble.endswith("包括的な連携に関し、次のとおり協定を締結します。")
    assert text.closing == "本協定の締結を証するため、本書２通を作成し、甲乙記名押印の上、各自その１通を保有します。"
    assert text.writing == "です・ます"


# ---------------------------------------------------------------- compose's errors, in process
def line_of(path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def problems_of(spec, style=None, final=False) -> list[tuple]:
    with pytest.raises(InputError) as raised:
        compose(load_spec(spec), style or load_style(), final=final)
    return [(p.file, p.line, p.key, p.message) for p in raised.value.problems]


def test_an_unknown_standard_set_is_named_at_the_specs_key_with_the_sets_file(tmp_path):
    spec = write_spec(tmp_path, "unknown", standard="包括連帯")
    sets = str(load_style().article_sets)
    [(file, line, key, message)] = problems_of(spec)
    assert (file, line, key) == (str(spec), line_of(spec, "standard: 包括連帯"), "agreement.document.standard")
    assert message.startswith(f"no standard set of articles is named '包括連帯' in {sets}; did you mean '包括連携'?")


def test_the_set_file_is_recorded_only_when_a_set_is_chosen(tmp_path):
    assert text_of(SEED_SPEC).standard_file == str(load_style().article_sets)
    own = write_spec(tmp_path, "own", standard=None, subject="連携", purpose=None, extra_articles=[
        {"heading": "目的", "text": ["本協定は、連携を目的とする。"]}])
    text = text_of(own)
    assert (text.standard_file, text.standard, text.writing) == ("", "", "である")
    assert [a.title for a in text.articles] == ["第１条（目的）"]


def test_a_writing_style_other_than_the_sets_is_an_error_naming_both(tmp_path):
    spec = write_spec(tmp_path, "style", writing="です・ます")
    assert problems_of(spec) == [(str(spec), line_of(spec, "writing: です・ます"), "agreement.document.writing",
                                  "the standard set '包括連携' is written である, and the document is to be written"
                                  " です・ます: choose a set written です・ます, or leave writing: out to write as the set does")]


def test_the_sets_writing_is_the_documents_unless_the_spec_says_it(tmp_path):
    assert text_of(SEED_SPEC).writing == "である"
    assert text_of(write_spec(tmp_path, "p", standard="包括連携（です・ます）")).writing == "です・ます"


def draft_spec(tmp_path, open_end=False):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    if open_end:
        data["agreement"]["validity"].pop("end")
    data["agreement"]["signing_date"] = None
    data["agreement"]["document"]["draft"] = True
    data["parties"]["kitami_it"]["representative"]["name"] = None
    del data["press_notice"]
    spec = tmp_path / "draft.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return spec


def test_a_final_build_of_a_draft_names_the_draft_key_and_every_blank(tmp_path):
    spec = draft_spec(tmp_path)
    assert text_of(spec).draft is True                     # a draft builds as a draft
    assert problems_of(spec, final=True) == [
        (str(spec), line_of(spec, "draft: true"), "agreement.document.draft",
         "a final build (--final) of a draft: remove draft: true and fill in what it leaves open"
         " (agreement.signing_date, parties.kitami_it.representative.name)"),
        (str(spec), line_of(spec, "signing_date: null"), "agreement.signing_date",
         "left open (null) in a draft; a final build (--final) needs it written"),
        (str(spec), line_of(spec, "name: null"), "parties.kitami_it.representative.name",
         "left open (null) in a draft; a final build (--final) needs it written")]


def test_a_final_build_of_a_complete_draft_names_only_the_draft_key(tmp_path):
    spec = write_spec(tmp_path, "done", draft=True)
    assert problems_of(spec, final=True) == [(str(spec), line_of(spec, "draft: true"), "agreement.document.draft",
                                              "a final build (--final) of a draft: remove draft: true")]
    assert compose(load_spec(SEED_SPEC), load_style(), final=True).draft is False


def test_labels_per_party_and_a_collective_word_reach_the_articles(tmp_path):
    spec = write_spec(tmp_path, "labels", labels={"bureau": "振興局", "kitami_it": "大学"}, collective="両者")
    text = text_of(spec)
    assert text.labels == ("振興局", "大学")
    assert text.preamble.startswith("北海道オホーツク総合振興局（以下「振興局」という。）と")
    assert text.articles[0].clauses[0].text.startswith("本協定は、両者が相互に連携し")
    assert text.closing == "本協定の締結を証するため、本書２通を作成し、両者記名押印の上、各自その１通を保有する。"
    assert [s.label for s in text.signatories] == ["振興局", "大学"]


def test_the_specs_own_texts_in_the_other_style_are_named_wherever_they_stand(tmp_path):
    spec = write_spec(tmp_path, "own", articles={"costs": {"text": ["費用は、協議して定めます。"]}},
                      extra_articles=[{"heading": "個人情報の保護", "text": [
                          "甲及び乙は、個人情報を守ります。",
                          {"text": "甲及び乙は、次の事項を守ります。",
                           "items": ["目的外に使いません。", {"text": "提供しません。", "items": ["例外を設けます。"]}]}]}],
                      preamble="北海道オホーツク総合振興局（以下「甲」という。）と北見工業大学（以下「乙」という。）は、次のとおり協定を結びます。",
                      closing="以上を証します。")
    found = problems_of(spec)
    D = "agreement.document."
    assert [key for _, _, key, _ in found] == [
        D + "articles.costs.text[0]", D + "extra_articles[0].text[0]", D + "extra_articles[0].text[1].text",
        D + "extra_articles[0].text[1].items[0]", D + "extra_articles[0].text[1].items[1].text",
        D + "extra_articles[0].text[1].items[1].items[0]", D + "preamble", D + "closing"]
    assert found[0][1:] == (line_of(spec, "費用は、協議して定めます。"), D + "articles.costs.text[0]",
                            "「費用は、協議して定めます。」 is written です・ます, and this document is written である"
                            " (document.writing, or its standard set's): write it in one style, never mixed")
    assert found[-1][1] == line_of(spec, "closing:")


def test_another_kinds_own_word_in_the_specs_text_is_named(tmp_path):
    spec = write_spec(tmp_path, "kind", extra_articles=[{"heading": "期間", "text": ["本覚書の期間は別に定める。"]}])
    assert problems_of(spec) == [(str(spec), line_of(spec, "本覚書の期間"), "agreement.document.extra_articles[0].text[0]",
                                  "「本覚書」 in a 協定書: the document calls itself 本協定 (document.kind: 協定書)")]


@pytest.mark.parametrize("preamble, missing", [
    ("北海道オホーツク総合振興局と北見工業大学は、次のとおり協定を締結する。", "s 「甲」、「乙」 the document uses (…（以下「甲」という。）…)"),
    ("北海道オホーツク総合振興局（以下「甲」という。）と北見工業大学は、次のとおり協定を締結する。",
     " 「乙」 the document uses (…（以下「乙」という。）…)"),
])
def test_an_own_preamble_must_define_every_label(tmp_path, preamble, missing):
    spec = write_spec(tmp_path, "pre", preamble=preamble)
    assert problems_of(spec) == [(str(spec), line_of(spec, "preamble:"), "agreement.document.preamble",
                                  "the preamble does not define the label" + missing)]
    ok = write_spec(tmp_path, "ok", preamble="北海道オホーツク総合振興局（以下「甲」という。）と北見工業大学（以下「乙」という。）は、"
                                               "次のとおり協定を締結する。")
    assert text_of(ok).preamble.startswith("北海道オホーツク総合振興局（以下「甲」という。）")
    # older texts define them without the brackets (柴田町・大河原町 協議書, 1973: tests/data/real)
    older = write_spec(tmp_path, "older", preamble="北海道オホーツク総合振興局長（以下甲という。）と北見工業大学長（以下乙と"
                                                    "称する。）とは、次のとおり協定を締結する。")
    assert text_of(older).preamble.startswith("北海道オホーツク総合振興局長（以下甲という。）")   # no problem


# ---------------------------------------------------------------- generated articles: areas and validity
def test_the_validity_article_of_a_desu_masu_set_is_polite(tmp_path):
    text = text_of(write_spec(tmp_path, "p", standard="包括連携（です・ます）"))
    [validity] = [a for a in text.articles if a.name == "validity"]
    clause = validity.clauses[0].text
    assert clause.startswith("本協定の有効期間は、本協定の締結の日から令和７年３月31日までとします。")
    assert clause.endswith("有効期間満了の日の翌日から起算して１年間延長するものとし、以後も同様とします。")


def test_a_drafts_open_end_is_the_blank_date_in_the_validity_article(tmp_path):
    style = load_style()
    text = compose(load_spec(draft_spec(tmp_path, open_end=True)), style)
    [validity] = [a for a in text.articles if a.name == "validity"]
    assert validity.clauses[0].text.startswith(
        f"本協定の有効期間は、本協定の締結の日から{style.word('blank_date')}までとする。ただし、")


def areas_with_last(heading: str) -> list[dict]:
    areas = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))["agreement"]["areas"]
    return areas[:-1] + [dict(areas[-1], heading=heading)]


def test_a_last_area_that_is_itself_a_catch_all_is_an_error_at_its_heading(tmp_path):
    spec = write_spec(tmp_path, "catch", areas=areas_with_last("その他必要と認める事項"))
    n = len(areas_with_last("x")) - 1
    assert problems_of(spec) == [(str(spec), line_of(spec, "heading: その他必要と認める事項"),
                                  f"agreement.areas[{n}].heading",
                                  "the last area 「その他必要と認める事項」 is a catch-all, and the standard set adds"
                                  " its own (「その他{all}が必要と認める事項」): remove this area, or say"
                                  " document.catch_all: false")]


def test_catch_all_false_lists_only_the_specs_areas(tmp_path):
    spec = write_spec(tmp_path, "catch", areas=areas_with_last("その他必要と認める事項"), catch_all=False)
    [areas] = [a for a in text_of(spec).articles if a.name == "areas"]
    assert areas.clauses[0].entries[-1].text == "その他必要と認める事項"
    assert len(areas.clauses[0].entries) == len(areas_with_last("x"))
    [default] = [a for a in text_of(SEED_SPEC).articles if a.name == "areas"]
    assert default.clauses[0].entries[-1].text == "その他甲及び乙が必要と認める事項"


def test_an_area_named_その他_before_the_last_is_no_catch_all(tmp_path):
    areas = areas_with_last("観光の振興に関すること")
    areas[-2] = dict(areas[-2], heading="その他の連携に関すること")
    [article] = [a for a in text_of(write_spec(tmp_path, "mid", areas=areas)).articles if a.name == "areas"]
    assert [e.text for e in article.clauses[0].entries][-3:] == [
        "その他の連携に関すること", "観光の振興に関すること", "その他甲及び乙が必要と認める事項"]


def test_two_standard_articles_with_one_heading_are_an_error_at_the_specs_standard_key(tmp_path):
    sets = tmp_path / "sets.yaml"
    sets.write_text("重複:\n  subject: 連携\n  articles:\n"
                    "    - {name: a, heading: 目的, text: [\"{doc}は、連携を目的とする。\"]}\n"
                    "    - {name: b, heading: 目的, text: [\"{doc}は、協力を目的とする。\"]}\n", encoding="utf-8")
    style = load_style().model_copy(update={"article_sets": str(sets)})
    spec = write_spec(tmp_path, "dup", standard="重複")
    assert problems_of(spec, style) == [(str(spec), line_of(spec, "standard: 重複"), "agreement.document.standard",
                                         "two articles are headed 「目的」 ('a' and 'b'); change or remove one")]


def test_a_plain_own_text_in_a_desu_masu_document_is_named(tmp_path):
    spec = write_spec(tmp_path, "p", standard="包括連携（です・ます）",
                      extra_articles=[{"heading": "個人情報の保護", "text": ["甲及び乙は、個人情報を守る。"]}])
    assert problems_of(spec) == [(str(spec), line_of(spec, "個人情報を守る。"), "agreement.document.extra_articles[0].text[0]",
                                  "「甲及び乙は、個人情報を守る。」 is written である, and this document is written です・ます"
                                  " (document.writing, or its standard set's): write it in one style, never mixed")]


# ---------------------------------------------------------------- changes to standard articles: errors
def test_changes_to_articles_without_a_standard_set_are_errors_at_each_change(tmp_path):
    spec = write_spec(tmp_path, "noset", standard=None, subject="連携", purpose=None,
                      articles={"purpose": {"heading": "趣旨"}, "costs": {"remove": True}},
                      extra_articles=[{"heading": "目的", "text": ["本協定は、連携を目的とする。"]}])
    message = ("articles: changes articles of a standard set, and no set is chosen (standard:);"
               " write this article under extra_articles")
    assert problems_of(spec) == [
        (str(spec), line_of(spec, "heading: 趣旨") - 1, "agreement.document.articles.purpose", message),
        (str(spec), line_of(spec, "costs:"), "agreement.document.articles.costs", message)]


def test_an_unknown_article_name_gets_a_close_name_or_the_sets_articles(tmp_path):
    spec = write_spec(tmp_path, "names", articles={"cost": {"heading": "経費"}, "zzzz": {"remove": True},
                                                   "consultation": {"heading": "協議事項"}})
    assert problems_of(spec) == [
        (str(spec), line_of(spec, "cost:"), "agreement.document.articles.cost",
         "the standard set '包括連携' has no article named 'cost'; did you mean 'costs'?"),
        (str(spec), line_of(spec, "zzzz:"), "agreement.document.articles.zzzz",
         "the standard set '包括連携' has no article named 'zzzz'; its articles: purpose, areas, promotion,"
         " confidentiality, costs, validity, consultation")]


def test_a_change_to_the_areas_article_of_a_spec_without_areas_is_an_error_and_the_rest_still_checked(tmp_path):
    spec = write_spec(tmp_path, "noareas", areas=[], articles={"areas": {"heading": "連携の内容"},
                                                               "costs": {"heading": "経費", "remove": True}})
    assert problems_of(spec) == [
        (str(spec), line_of(spec, "areas:"), "agreement.document.articles.areas",
         "the article 'areas' is made from agreement.areas, and this spec has none, so this change would not"
         " show: add the areas, or write the article under extra_articles"),
        (str(spec), line_of(spec, "costs:"), "agreement.document.articles.costs",
         "remove: true together with a heading or text: say one or the other")]


def test_an_extra_placed_next_to_an_unknown_article_gets_a_close_name_or_the_known_ones(tmp_path):
    spec = write_spec(tmp_path, "place", extra_articles=[
        {"heading": "一", "text": ["甲及び乙は、協力する。"], "after": "costz"},
        {"heading": "二", "text": ["甲及び乙は、協力する。"], "before": "qqqq"},
        {"heading": "三", "text": ["甲及び乙は、協力する。"], "after": "costs"}])
    assert problems_of(spec) == [
        (str(spec), line_of(spec, "after: costz"), "agreement.document.extra_articles[0].after",
         "no article is named 'costz'; did you mean 'costs'?"),
        (str(spec), line_of(spec, "before: qqqq"), "agreement.document.extra_articles[1].before",
         "no article is named 'qqqq'; known: purpose, areas, promotion, confidentiality, costs, validity,"
         " consultation")]


def test_each_article_says_whether_it_is_the_sets_changed_or_the_specs_own(tmp_path):
    spec = write_spec(tmp_path, "origin", articles={"purpose": {"heading": "趣旨"},
                                                    "costs": {"text": ["費用は、各自が負担する。"]}},
                      extra_articles=[{"heading": "個人情報の保護", "text": ["甲及び乙は、個人情報を適正に取り扱う。"]}])
    assert [(a.name, a.heading, a.origin) for a in text_of(spec).articles] == [
        ("purpose", "趣旨", "changed"), ("areas", "連携事項", "standard"), ("promotion", "推進体制", "standard"),
        ("confidentiality", "秘密保持", "standard"), ("costs", "費用負担", "changed"),
        ("validity", "有効期間", "standard"), ("extra-1", "個人情報の保護", "spec"), ("consultation", "協議", "standard")]


def test_a_heading_written_twice_is_an_error_at_the_specs_own_key(tmp_path):
    spec = write_spec(tmp_path, "extra", extra_articles=[{"heading": "秘密保持", "text": ["甲及び乙は、秘密を守る。"]}])
    assert problems_of(spec) == [(str(spec), line_of(spec, "heading: 秘密保持"),
                                  "agreement.document.extra_articles[0].heading",
                                  "two articles are headed 「秘密保持」 ('confidentiality' and 'extra-1'); change or remove one")]
    spec = write_spec(tmp_path, "changed", articles={"costs": {"heading": "秘密保持"}})
    assert problems_of(spec) == [(str(spec), line_of(spec, "costs:"), "agreement.document.articles.costs",
                                  "two articles are headed 「秘密保持」 ('confidentiality' and 'costs'); change or remove one")]


def test_an_article_without_a_heading_does_not_end_the_search_for_a_heading_written_twice(tmp_path):
    spec = write_spec(tmp_path, "twice", standard=None, purpose=None, subject="連携", labels="両者", extra_articles=[
        {"text": ["この協定は、連携について定める。"]},
        {"heading": "協議", "text": ["両者は、協議する。"]},
        {"heading": "協議", "text": ["両者は、誠実に協議する。"]}])
    assert problems_of(spec) == [(str(spec), line_of(spec, "誠実に協議する。") - 2,
                                  "agreement.document.extra_articles[2].heading",
                                  "two articles are headed 「協議」 ('extra-2' and 'extra-3'); change or remove one")]


def test_two_articles_of_the_spec_with_one_heading_are_named_at_the_later_ones_key(tmp_path):
    # Both are the spec's own: the error points at the second, the one that repeats the heading.
    spec = write_spec(tmp_path, "twice", extra_articles=[
        {"heading": "個人情報の保護", "text": ["甲及び乙は、個人情報を守る。"]},
        {"heading": "個人情報の保護", "text": ["甲及び乙は、個人情報を適正に扱う。"]}])
    assert problems_of(spec) == [(str(spec), line_of(spec, "個人情報を適正に扱う。") - 2,
                                  "agreement.document.extra_articles[1].heading",
                                  "two articles are headed 「個人情報の保護」 ('extra-1' and 'extra-2'); change or remove one")]


def test_labels_per_party_without_a_collective_word_sign_as_振興局及び大学が(tmp_path):
    text = text_of(write_spec(tmp_path, "labels", labels={"bureau": "振興局", "kitami_it": "大学"}))
    assert text.closing == "本協定の締結を証するため、本書２通を作成し、振興局及び大学が記名押印の上、各自その１通を保有する。"
    assert text.label_chars == 3


def test_a_label_that_is_the_partys_own_name_is_not_defined_in_the_preamble(tmp_path):
    text = text_of(write_spec(tmp_path, "own", labels={"bureau": "振興局", "kitami_it": "北見工業大学"}))
    assert text.preamble == ("北海道オホーツク総合振興局（以下「振興局」という。）と国立大学法人北海道国立大学機構　北見工業大学は、"
                             "包括的な連携に関し、次のとおり協定を締結する。")


def test_the_label_column_is_as_wide_as_the_longest_label_and_none_for_a_collective_word(tmp_path):
    assert text_of(SEED_SPEC).label_chars == 1
    assert text_of(write_spec(tmp_path, "both", labels="両者")).label_chars == 0


def test_an_agreement_with_no_article_is_an_error_at_the_document(tmp_path):
    spec = write_spec(tmp_path, "empty", standard=None, subject="連携", purpose=None)
    assert problems_of(spec) == [(str(spec), line_of(spec, "document:"), "agreement.document",
                                  "the agreement has no article: choose a standard set (standard: 包括連携) or write"
                                  " the articles under extra_articles")]


def test_no_subject_from_the_spec_or_a_set_and_no_preamble_is_an_error(tmp_path):
    spec = write_spec(tmp_path, "nosubject", standard=None, purpose=None,
                      extra_articles=[{"heading": "目的", "text": ["本協定は、連携を目的とする。"]}])
    assert problems_of(spec) == [(str(spec), line_of(spec, "document:"), "agreement.document.subject",
                                  "write document.subject, the preamble's …は、<subject>に関し、次のとおり協定を締結する。"
                                  " (no standard set gives one), or a preamble of the spec's own")]
    own = write_spec(tmp_path, "preamble", standard=None, purpose=None, preamble="甲と乙は、次のとおり協定を締結する。",
                     extra_articles=[{"heading": "目的", "text": ["本協定は、連携を目的とする。"]}], labels="両者")
    assert text_of(own).preamble == "甲と乙は、次のとおり協定を締結する。"


def no_preamble(tmp_path, name, **keys):
    keys = {"standard": None, "purpose": None, "preamble": False, "labels": "関係者",
            "closing": "以上のとおり協定する。", "extra_articles": [{"text": ["この協定は、連携について定める。"]}], **keys}
    return write_spec(tmp_path, name, **{k: v for k, v in keys.items() if v is not ...})


def test_preamble_false_prints_none_and_the_text_begins_with_the_first_article(tmp_path):
    """An older agreement (五カ町村, 1968) has no preamble: 第１条 follows the title."""
    text = text_of(no_preamble(tmp_path, "none"))
    assert text.preamble == ""
    assert [a.clauses[0].lead + a.clauses[0].text for a in text.articles] == ["第１条　この協定は、連携について定める。"]
    assert [s.label for s in text.signatories] == ["", ""]      # one word for all: no label before a block
    named = text_of(no_preamble(tmp_path, "named", labels={"bureau": "北海道オホーツク総合振興局",
                                                           "kitami_it": "北見工業大学"}))
    assert named.preamble == "" and [s.label for s in named.signatories] == ["北海道オホーツク総合振興局", "北見工業大学"]


TAIL = ": call each party by its own name (labels: {id: name}), or write a preamble"
LABELS_TAIL = (": call each party by its own name (labels: {id: name}), define them in the first article's"
               " first paragraph, or write a preamble that defines them")


@pytest.mark.parametrize("keys, where, message", [
    ({"labels": ...}, "document:",                             # 甲乙: nothing defines them
     "without a preamble (preamble: false) nothing defines the labels 「甲」、「乙」 the signature blocks print"
     + LABELS_TAIL),
    ({"labels": {"bureau": "振興局", "kitami_it": "北見工業大学"}}, "labels:",
     "without a preamble (preamble: false) nothing defines the label 「振興局」 the signature blocks print"
     + LABELS_TAIL),
    ({"closing": ...}, "labels: 関係者",                        # the generated closing would print 関係者
     "without a preamble (preamble: false) nothing defines 「関係者」, which the generated closing would print" + TAIL),
    ({"standard": "包括連携", "purpose": "地域の発展に寄与すること", "extra_articles": ...}, "labels: 関係者",
     "without a preamble (preamble: false) nothing defines 「関係者」, which the standard set's articles would print"
     + TAIL),
])
def test_preamble_false_with_a_label_nothing_defines_is_an_error(tmp_path, keys, where, message):
    spec = no_preamble(tmp_path, "undefined", **keys)
    assert problems_of(spec) == [(str(spec), line_of(spec, where), "agreement.document.labels", message)]


def test_without_a_preamble_the_first_article_may_define_the_labels(tmp_path):
    """An older text (宮城大学 and 大崎市, 2007) defines 甲 and 乙 in 第１条's first
    sentence: accepted, printed as written; a label defined only in a later
    paragraph or article is still refused."""
    first = ("北海道オホーツク総合振興局（以下「甲」という。）と北見工業大学（以下「乙」という。）は、"
             "相互に連携し、地域の発展に寄与するものとする。")
    spec = no_preamble(tmp_path, "first", labels=..., extra_articles=[
        {"heading": "目的", "text": [first]}, {"heading": "協議", "text": ["甲及び乙は、必要に応じて協議する。"]}])
    text = text_of(spec)
    assert text.preamble == "" and text.articles[0].clauses[0].text == first
    assert [s.label for s in text.signatories] == ["甲", "乙"]
    later = no_preamble(tmp_path, "later", labels=..., extra_articles=[
        {"heading": "目的", "text": ["甲及び乙は、相互に連携する。", first]}])
    assert problems_of(later) == [(str(later), line_of(later, "document:"), "agreement.document.labels",
                                   "without a preamble (preamble: false) nothing defines the labels 「甲」、「乙」"
                                   " the signature blocks print" + LABELS_TAIL)]


EXAMPLES = {"text": "甲及び乙は、共同して次の事業を行う。", "item_marker": "（例{number}）",
            "items": ["合同企画シンポジウム", "研修会"]}


def test_a_paragraphs_items_may_be_marked_their_own_way(tmp_path):
    """（例１）, （例２） … for examples listed in an article (日本緩和医療学会's model 覚書),
    the other paragraphs' items marked as the house marks them."""
    spec = write_spec(tmp_path, "examples", articles={"costs": {"text": [
        EXAMPLES, {"text": "経費は、次のとおりとする。", "items": ["旅費", "会場費"]}]}})
    costs = next(a for a in text_of(spec).articles if a.name == "costs")
    assert [[e.marker for e in c.entries] for c in costs.clauses] == [["（例１）", "（例２）"], ["（１）", "（２）"]]
    assert [e.text for e in costs.clauses[0].entries] == ["合同企画シンポジウム", "研修会"]


@pytest.mark.parametrize("clause, message", [
    ({**EXAMPLES, "item_marker": "（例）"}, "{number} must appear once in item_marker, and no other placeholder"
                                         " (or write ⑴ for items marked ⑴ ⑵ …, 一 for items numbered 一 二 …"
                                         " as laws number them)"),
    ({**EXAMPLES, "item_marker": "（{n}）"}, "{number} must appear once in item_marker, and no other placeholder"
                                          " (or write ⑴ for items marked ⑴ ⑵ …, 一 for items numbered 一 二 …"
                                          " as laws number them)"),
    ({"text": EXAMPLES["text"], "item_marker": "（例{number}）"},
     "item_marker marks the paragraph's items, and it has none: it would have no effect"),
])
def test_an_item_marker_that_cannot_mark_is_an_error_at_its_line(tmp_path, clause, message):
    spec = write_spec(tmp_path, "bad-marker", articles={"costs": {"text": [clause]}})
    assert problems_of(spec) == [(str(spec), line_of(spec, "item_marker:"),
                                  "agreement.document.articles.costs.text[0].item_marker", message)]


def test_preamble_false_beside_a_subject_is_an_error(tmp_path):
    spec = no_preamble(tmp_path, "subject", subject="連携")
    with pytest.raises(InputError) as raised:
        compose(load_spec(spec), load_style())
    assert [(p.key, p.message) for p in raised.value.problems] == [
        ("agreement.document.subject", "subject words the generated preamble, and the spec has none"
                                        " (document.preamble: false): it would have no effect")]


def test_a_set_that_never_states_the_purpose_needs_none(tmp_path):
    sets = tmp_path / "sets.yaml"
    sets.write_text("簡素:\n  subject: 連携\n  articles:\n"
                    "    - {name: a, heading: 連携, text: [\"{all}は、連携する。\"]}\n", encoding="utf-8")
    style = load_style().model_copy(update={"article_sets": str(sets)})
    spec = write_spec(tmp_path, "nopurpose", standard="簡素", purpose=None)
    assert [c.text for a in compose(load_spec(spec), style).articles for c in a.clauses] == ["甲及び乙は、連携する。"]


def test_a_heading_written_before_the_sets_article_is_still_named_at_the_specs_key(tmp_path):
    spec = write_spec(tmp_path, "before", extra_articles=[{"heading": "秘密保持", "text": ["甲及び乙は、秘密を守る。"],
                                                           "before": "confidentiality"}])
    assert problems_of(spec) == [(str(spec), line_of(spec, "heading: 秘密保持"),
                                  "agreement.document.extra_articles[0].heading",
                                  "two articles are headed 「秘密保持」 ('extra-1' and 'confidentiality'); change or remove one")]


def test_a_memorandum_is_titled_concluded_and_recorded_as_its_kind(tmp_path):
    # named …包括連携, not …包括連携協定: a 覚書 named 協定 gets no title made up (it used
    # to be titled …包括連携に関する覚書; test_agreement_wording.py has the refusal)
    text = text_of(write_spec(tmp_path, "memo", kind="覚書", conclude="取り交わす",
                              title="北海道オホーツク総合振興局と北見工業大学との包括連携"))
    assert text.kind == "覚書"
    assert text.title == "北海道オホーツク総合振興局と北見工業大学との包括連携に関する覚書"
    assert text.preamble.endswith("包括的な連携に関し、次のとおり覚書を取り交わす。")


def test_the_text_carries_its_term_and_a_drafts_blanks(tmp_path):
    import datetime as dt
    term = text_of(SEED_SPEC).term
    assert (term.start, term.end, term.notice) == (dt.date(2024, 2, 27), dt.date(2025, 3, 31), (1, "か月"))
    text = text_of(draft_spec(tmp_path))
    assert text.blanks == ("agreement.signing_date", "parties.kitami_it.representative.name")
    assert text_of(SEED_SPEC).blanks == ()


def test_a_party_without_name_or_label_signs_in_a_field_named_by_its_id(tmp_path):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["agreement"]["document"].update(draft=True, labels="両者")
    data["parties"]["kitami_it"].update(name=None, formal_name=None)
    del data["press_notice"]
    spec = tmp_path / "open.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert [s.field for s in text_of(spec).signatories] == ["オホーツク総合振興局", "kitami_it"]


def test_a_reference_to_another_article_knows_where_it_stands_and_which_article_it_names(tmp_path):
    """The DOCX makes 第２条 a REF field from `refs` (start, end, article number): a
    wrong place or number would turn the wrong characters into the field, or point
    it at another article; 前条 is never a field."""
    spec = write_spec(tmp_path, "ref", extra_articles=[{"heading": "間", "text": ["x"], "after": "areas"}])
    text = text_of(spec)
    first, second = text.articles[3].clauses[0].text, text.articles[3].clauses[1].text
    assert first.refs == ((6, 9, 2),) and first[6:9] == "第２条"
    assert second.refs == ((0, 3, 2),) and second[0:3] == "第２条"
    seed_areas = text_of(SEED_SPEC).articles[1].clauses[0].text        # 前条の目的を達成するため
    assert "前条" in seed_areas and seed_areas.refs == ()


# ---------------------------------------------------------------- prose, unnumbered sentences, open months
PROSE = ["昭和54年７月18日、両者は地域の発展のため連携を始めた。", "我々は、交流を深めていく決意を新たにする。"]


def prose_document(**more) -> dict:
    return {"prose": list(PROSE), "closing": "ここに以上の合意を確認するためにこの協定書を交換する。", **more}


def test_prose_stands_where_articles_would_with_no_preamble_and_no_labels_before_the_blocks(tmp_path):
    text = text_of(write_spec(tmp_path, "prose", document=prose_document()))
    assert text.prose == tuple(PROSE) and text.articles == () and text.preamble == ""
    assert text.closing == "ここに以上の合意を確認するためにこの協定書を交換する。"
    assert [s.label for s in text.signatories] == ["", ""] and text.labels == ("甲", "乙")
    defined = prose_document(block_labels=True)
    defined["prose"][0] = "北海道オホーツク総合振興局（以下「甲」という。）と北見工業大学（以下「乙」という。）は、連携を始めた。"
    text = text_of(write_spec(tmp_path, "labelled", document=defined))
    assert [s.label for s in text.signatories] == ["甲", "乙"]


PROSE_KEYS = "the document is prose without articles (document.prose), and "


@pytest.mark.parametrize("more, key, message", [
    ({"standard": "包括連携"}, "standard", PROSE_KEYS + "standard is a set of standard articles: it would have no effect"),
    ({"articles": {"costs": {"remove": True}}}, "articles",
     PROSE_KEYS + "articles is changes to standard articles: it would have no effect"),
    ({"extra_articles": [{"heading": "経費", "text": ["経費は各自の負担とする。"]}]}, "extra_articles",
     PROSE_KEYS + "extra_articles is articles of the spec's own: it would have no effect"),
    ({"chapters": [{"heading": "総則", "first": "x"}]}, "chapters",
     PROSE_KEYS + "chapters is chapters above the articles: it would have no effect"),
    ({"purpose": "発展を図る"}, "purpose", PROSE_KEYS + "purpose is the purpose article's words: it would have no effect"),
    ({"subject": "連携"}, "subject", PROSE_KEYS + "subject is the generated preamble's subject: it would have no effect"),
    ({"conclude": "取り交わす"}, "conclude", PROSE_KEYS + "conclude is the generated preamble's verb: it would have no"
                                                    " effect"),
    ({"collective": "両者"}, "collective", PROSE_KEYS + "collective is the articles' word for all parties: it would"
                                                      " have no effect"),
    ({"preamble": "両者は協定する。"}, "preamble", PROSE_KEYS + "preamble is a preamble before the articles (write it as"
                                                        " the first paragraph of prose): it would have no effect"),
    ({"area_items": True}, "area_items", PROSE_KEYS + "area_items shapes the article on the areas of cooperation: it"
                                                      " would have no effect"),
    ({"catch_all": False}, "catch_all", PROSE_KEYS + "catch_all shapes the article on the areas of cooperation: it"
                                                     " would have no effect"),
    ({"closing": None}, "prose", "a text of prose ends with a closing of its own (ここに以上の合意を確認するためにこの協定書を"
                                 "交換する。): write document.closing (the generated one names the parties by labels"
                                 " the prose does not define)"),
    ({"block_labels": False}, "block_labels", "after prose no label stands before the signature blocks unless"
                                              " block_labels is true: false would have no effect"),
    ({"block_labels": True}, "block_labels", "the signature blocks would print 「甲」、「乙」, which the prose does not"
                                             " define (…（以下「甲」という。）… in its first paragraph): leave"
                                             " block_labels out, or define them"),
])
def test_what_prose_cannot_have_is_refused_at_its_key(tmp_path, more, key, message):
    document = prose_document(**more)
    if more.get("closing", "") is None:
        del document["closing"]
    with pytest.raises(InputError) as caught:
        text_of(write_spec(tmp_path, "bad", document=document))
    said = [(p.key, p.message) for p in caught.value.problems]
    assert (f"agreement.document.{key}", message) in said, said


def test_an_unnumbered_paragraph_is_not_counted_and_stands_on_the_margin_it_continues(tmp_path):
    extra = {"heading": "安全", "text": ["甲は、安全に配慮する。", {"unnumbered": True, "text": "なお、乙も配慮する。"},
                                       "乙は、報告する。", {"unnumbered": True, "text": "ただし、急ぐときは口頭でよい。"}]}
    text = text_of(write_spec(tmp_path, "u", extra_articles=[extra]))
    article = next(a for a in text.articles if a.heading == "安全")
    assert [(c.marker, c.lead, c.seq, c.left) for c in article.clauses] == [
        ("", "", 0, 0.0), ("", "", 0, 0.0), ("２", "２　", 2, 0.0), ("", "", 0, 1.0)]
    extra["text"][:2] = [{"unnumbered": True, "text": "なお、乙も配慮する。"}]
    with pytest.raises(InputError) as caught:
        text_of(write_spec(tmp_path, "first", extra_articles=[extra]))
    assert [p.key for p in caught.value.problems] == ["agreement.document.extra_articles[0].text[0].unnumbered"]


@pytest.mark.parametrize("year, month, written", [
    (2025, 3, "令和７年３月　　日"), (2019, 4, "平成31年４月　　日"), (2019, 5, "令和元年５月　　日"),
    (1989, 1, "平成元年１月　　日"), (2018, 12, "平成30年12月　　日"), (2025, None, "令和７年　　月　　日"),
])
def test_a_drafts_open_date_with_its_year_and_month(tmp_path, year, month, written):
    path = write_spec(tmp_path, "d", signing_date=None, document={"draft": True, "standard": "包括連携",
                                                                  "purpose": "地域の課題の解決を図る"})
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["agreement"]["signing_year"] = year
    if month:
        data["agreement"]["signing_month"] = month
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert text_of(path).date == written
