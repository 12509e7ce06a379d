"""The form's selects offer exactly what the spec accepts there, in the form's words.

A field whose every value is one to choose (true or false, a word of the spec's) is
one select of them all (schema_export: x-jpdocs-choices). Until the forty-third
session the form drew the one option of the union that fit the value: 改ページ
(new_page: true, false or after_heading) offered （なし） and after_heading while empty,
and はい and いいえ alone once chosen; 自署 (signed_by_hand) the same with
despite_closing. Values the spec writes in English are shown in Japanese words
(見出しの後), as the help and the messages name them."""
from __future__ import annotations

import re

import pytest

from jpdocs.app import form_words, formdata, labels
from jpdocs.app.schema_export import spec_schema


def _fields() -> dict[tuple[str, str], dict]:
    s = spec_schema()
    return {(m, k): p for m, d in {**s["$defs"], "Spec": s}.items() for k, p in d.get("properties", {}).items()}


def _accepted(prop: dict) -> list | None:
    """Every value the schema accepts at `prop` (null, a block and a list aside: the
    form adds those beside the select), where each is one to choose; None where a text
    or a number is accepted too (typed in a box)."""
    out = []
    for option in form_words._options(prop):
        if option.get("type") in ("null", "object", "array"):
            continue
        if "enum" in option:
            out += option["enum"]
        elif "const" in option:
            out.append(option["const"])
        elif option.get("type") == "boolean":
            out += [True, False]
        else:
            return None
    return out or None


def test_every_select_offers_exactly_what_the_schema_accepts():
    wrong = {}
    for key, prop in _fields().items():
        accepted = None if "x-jpdocs-none" in prop else _accepted(prop)   # false: the checkbox
        offered = [v for v, _ in prop.get("x-jpdocs-choices", [])]
        if accepted is None:
            if offered:
                wrong[key] = ("offered where a value is typed", offered)
        elif sorted(map(repr, offered)) != sorted(map(repr, set(accepted))):
            wrong[key] = (accepted, offered)
    assert not wrong, wrong


def test_a_page_break_offers_before_none_and_after_its_heading_in_japanese():
    fields = _fields()
    for model in ("ExtraArticle", "ArticleOverride"):
        assert fields[(model, "new_page")]["x-jpdocs-choices"] == [
            [True, "はい"], [False, "いいえ"], ["after_heading", "見出しの後"]]
    assert fields[("AgreementDocument", "signed_by_hand")]["x-jpdocs-choices"] == [
        [True, "はい"], [False, "いいえ"], ["despite_closing", "はい（結びの文は記名押印のまま）"]]
    # a paragraph's break is true or false alone
    assert fields[("ClauseSpec", "new_page")]["x-jpdocs-choices"] == [[True, "はい"], [False, "いいえ"]]
    # a cover is true or its items: the select offered いいえ too, which the spec refuses
    assert fields[("AgreementDocument", "cover")]["x-jpdocs-choices"] == [[True, "はい"]]


def test_no_option_is_shown_as_the_yaml_word():
    """Every option a select lists is in Japanese words: a word the spec writes in
    English (after_heading, withheld, overview) has its words in labels.OPTION_WORDS,
    and no two options of one select read alike."""
    english, selects = {}, 0
    for key, prop in _fields().items():
        words = [w for _, w in prop.get("x-jpdocs-choices", [])]
        selects += bool(words)
        if any(re.fullmatch(r"[a-z][a-z0-9_]*", w) for w in words) or len(set(words)) < len(words):
            english[key] = words
    assert selects > 40 and not english, english


def test_option_words_name_values_the_spec_has():
    """A word of OPTION_WORDS for a value the field does not take would be shown nowhere."""
    fields = _fields()
    stray = {(m, f, v) for (m, f), words in labels.OPTION_WORDS.items() for v in words
             if v not in [c for c, _ in fields[(m, f)].get("x-jpdocs-choices", [])]}
    assert not stray, stray


@pytest.mark.parametrize("message, at, said", [
    ("new_page: after_heading と書いてください", "agreement.document.extra_articles[0]",
     "「改ページ」で「見出しの後」を選んでください"),
    ("signer_names: withheld とすると、氏名を載せません", "agreement.document",
     "「署名者の氏名」で「載せない（職名だけ）」を選ぶと、氏名を載せません"),
    ("document: overview と書いてください", "press_notice.attachments[0]",
     "「生成する資料」で「協定の概要」を選んでください"),
])
def test_a_message_names_an_option_as_the_select_lists_it(message, at, said):
    assert form_words.in_form_words(message, at) == said


def test_an_empty_table_cell_is_kept_as_a_blank():
    """An annex's form has blanks to fill in ("" in its table); the form sent an empty
    box as "", which a save made null, and the build refused the cell: a blank could
    not be made in the form. An empty text elsewhere is still left empty (null)."""
    data = {"agreement": {"document": {"annexes": [{"heading": "別表", "parts": [
        {"table": [["所属", "氏名"], ["", ""]]}]}]}}, "press_notice": {"opening": ["本文", ""]}}
    out = formdata.normalize(data)
    assert out["agreement"]["document"]["annexes"][0]["parts"][0]["table"] == [["所属", "氏名"], ["", ""]]
    assert out["press_notice"]["opening"] == ["本文", None]
