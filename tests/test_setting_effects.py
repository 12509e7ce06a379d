"""The rule for a setting a user's template does not read (build/setting_effects.verdict):
both templates' markup without the setting and as written, and what the user's prints.
A key that turns text off is heeded by a template that prints none of it; one that
changes, moves or re-lays text is not heeded where the user's prints that text as it
would without the key; a template that prints none of the part is asked nothing."""
from __future__ import annotations

from jpdocs.build.setting_effects import verdict


def doc(*blocks: str) -> str:
    return "<document kind='press-notice' title='t' author='a'>" + "".join(blocks) + "</document>"


def judge(theirs: str, without_key: str, written: str, theirs_without: str | None = None) -> str | None:
    return verdict((theirs if theirs_without is None else theirs_without, theirs), (lambda: without_key, written),
                   "press-notice")


HEADER, SUBJECT, BODY = "<p>報道機関各位</p>", "<p>北見市との協定について</p>", "<p>本日、協定を締結しました。</p>"


def test_a_key_that_turns_a_line_off_is_heeded_by_a_template_without_it():
    without_key, written = doc(HEADER, SUBJECT, BODY), doc(SUBJECT, BODY)
    assert judge(doc(SUBJECT, BODY), without_key, written) is None
    assert judge(doc(HEADER, SUBJECT, BODY), without_key, written) == \
        "the press-notice prints 報道機関各位, which the key leaves out"


def test_words_the_key_turns_off_that_stand_elsewhere_too_are_counted():
    """内容 as the heading (turned off) and inside the text: the text's own is no heading."""
    without_key = doc("<p>内容</p>", "<p>協定の内容は次のとおり</p>")
    written = doc("<p>協定の内容は次のとおり</p>")
    assert judge(written, without_key, written) is None
    assert judge(without_key, without_key, written) == "the press-notice prints 内容, which the key leaves out"


def test_a_key_that_changes_text_is_not_heeded_where_the_text_is_printed_as_without_it():
    without_key, written = doc(SUBJECT, "<p>電話　0152-41-0618</p>"), doc(SUBJECT, "<p>電話:0152-41-0618</p>")
    assert judge(doc(SUBJECT, "<p>電話　0152-41-0618</p>"), without_key, written) == \
        "the press-notice is printed as if the key were not there"
    # a template that prints the gap the key asks for by itself, or no contacts at all
    assert judge(doc(SUBJECT, "<p>電話:0152-41-0618</p>"), without_key, written) is None
    assert judge(doc(SUBJECT), without_key, written) is None


def test_a_key_that_moves_text_is_not_heeded_where_the_user_prints_that_text():
    without_key, written = doc(HEADER, SUBJECT, BODY), doc(SUBJECT, HEADER, BODY)
    assert judge(doc(HEADER, SUBJECT, BODY), without_key, written) == \
        "the press-notice is printed as if the key were not there"
    assert judge(doc(SUBJECT, BODY), without_key, written) is None


def test_a_key_that_lays_text_out_otherwise_is_not_heeded_where_that_text_is_printed():
    without_key = doc(SUBJECT, '<p indent="1">・一つ目の項目の説明</p>')
    written = doc(SUBJECT, '<p left="2" indent="-1">・一つ目の項目の説明</p>')
    assert judge(doc(SUBJECT, '<p indent="1">・一つ目の項目の説明</p>'), without_key, written) == \
        "the press-notice is printed as if the key were not there"
    assert judge(doc(SUBJECT), without_key, written) is None
    # a space over a line: the text beside it stands for it
    assert judge(doc(SUBJECT, BODY), doc(SUBJECT, BODY), doc(SUBJECT, '<spacer height="16"/>', BODY)) == \
        "the press-notice is printed as if the key were not there"


def test_a_template_whose_output_answers_to_the_key_or_a_key_that_changes_nothing_is_heeded():
    assert judge(doc(SUBJECT), doc(HEADER, SUBJECT), doc(SUBJECT), theirs_without=doc(HEADER, SUBJECT)) is None
    assert judge(doc(HEADER, SUBJECT), doc(SUBJECT), doc(SUBJECT)) is None
