import unicodedata
from datetime import date, datetime, time

import pytest

from jpdocs.enumeration import join_japanese, join_parties, kanji_numeral, party_labels, sub_item_marker
from jpdocs.japanese import (
    days_in_month, digits, era_of, era_year_text, fiscal_year, fiscal_year_label, fiscal_year_range,
    format_date, format_period, format_time, parse_period, weekday,
)
from jpdocs.party_names import name_lines
from jpdocs.radicals import _SUPPLEMENT, KANGXI_RANGES, fix_radicals, has_radicals, unmapped_radicals



def test_days_in_month_are_the_calendar_modules():
    """The spec's dates and the agreement's terms count a month's days without the
    calendar module: every month of every year a date can have, as it counts them."""
    import calendar
    assert all(days_in_month(y, m) == calendar.monthrange(y, m)[1] for y in range(1, 10000) for m in range(1, 13))


# --- digits -------------------------------------------------------------------

@pytest.mark.parametrize("value, mixed, half, full", [
    (2, "２", "2", "２"),
    (16, "16", "16", "１６"),
    ("00", "00", "00", "００"),
    ("5", "５", "5", "５"),
    ("05", "05", "05", "０５"),
    (2024, "2024", "2024", "２０２４"),
    (0, "０", "0", "０"),
])
def test_digit_styles(value, mixed, half, full):
    assert digits(value) == mixed
    assert digits(value, "mixed") == mixed
    assert digits(value, "half") == half
    assert digits(value, "full") == full


def test_bad_style_names_the_allowed_ones():
    with pytest.raises(ValueError, match="mixed, half, full"):
        digits(3, "wide")


@pytest.mark.parametrize("bad, message", [
    (-1, "non-negative number, got -1"), ("1a", "ASCII digits, got '1a'"),
    ("", "ASCII digits, got ''"), ("１２", "ASCII digits, got '１２'"),
])
def test_digits_rejects_non_digits(bad, message):
    with pytest.raises(ValueError, match=message):
        digits(bad)


# --- eras -----------------------------------------------------------------------

@pytest.mark.parametrize("d, expected", [
    (date(1868, 10, 23), ("明治", 1)),
    (date(1912, 7, 29), ("明治", 45)),
    (date(1912, 7, 30), ("大正", 1)),
    (date(1926, 12, 24), ("大正", 15)),
    (date(1926, 12, 25), ("昭和", 1)),
    (date(1989, 1, 7), ("昭和", 64)),
    (date(1989, 1, 8), ("平成", 1)),
    (date(2019, 4, 30), ("平成", 31)),
    (date(2019, 5, 1), ("令和", 1)),
    (date(2024, 2, 16), ("令和", 6)),
])
def test_era_boundaries(d, expected):
    assert era_of(d) == expected


def test_era_of_accepts_datetime():
    assert era_of(datetime(2019, 5, 1, 9, 30)) == ("令和", 1)


def test_before_meiji_raises():
    with pytest.raises(ValueError) as raised:
        era_of(date(1868, 10, 22))
    assert str(raised.value) == ("1868-10-22 is before the Meiji era (1868-10-23); "
                                 "era dates cannot be written for it")


def test_era_year_text():
    assert era_year_text("令和", 1) == "令和元年"
    assert era_year_text("令和", 1, "half") == "令和元年"
    assert era_year_text("令和", 6) == "令和６年"
    assert era_year_text("平成", 31) == "平成31年"
    assert era_year_text("令和", 6, "half") == "令和6年"


# --- dates and times ----------------------------------------------------------------

def test_weekday():
    assert weekday(date(2024, 2, 16)) == "金"
    assert [weekday(date(2024, 2, 12 + i)) for i in range(7)] == list("月火水木金土日")


def test_seed_dates():
    assert format_date(date(2024, 2, 16)) == "令和６年（2024年）２月16日（金）"
    assert format_date(date(2024, 2, 27)) == "令和６年（2024年）２月27日（火）"
    assert format_date(date(2024, 2, 21), western=False) == "令和６年２月21日（水）"


def test_format_date_options():
    d = date(2024, 2, 16)
    assert format_date(d, weekday=False) == "令和６年（2024年）２月16日"
    assert format_date(d, era=False) == "2024年２月16日（金）"
    assert format_date(d, era=False, western=False) == "2024年２月16日（金）"
    assert format_date(d, "half") == "令和6年（2024年）2月16日（金）"
    assert format_date(d, "full", western=False) == "令和６年２月１６日（金）"
    # the Western year follows the style too: all four digits full-width in "full"
    assert format_date(d, "full") == "令和６年（２０２４年）２月１６日（金）"
    assert format_date(d, "full", era=False, weekday=False) == "２０２４年２月１６日"


@pytest.mark.parametrize("d, pad, style, expected", [
    (date(2016, 12, 8), " ", "half", "2016年12月 8日"),          # 兵庫教育大学's topics: the day padded
    (date(2024, 2, 6), "　", "full", "２０２４年　２月　６日"),   # the month and the day
    (date(2024, 11, 16), " ", "half", "2024年11月16日"),         # two digits each: nothing to pad
])
def test_format_date_pads_a_one_digit_month_or_day(d, pad, style, expected):
    assert format_date(d, style, era=False, weekday=False, pad=pad) == expected


@pytest.mark.parametrize("d, expected", [
    (date(2019, 4, 30), "平成31年（2019年）４月30日（火）"),
    (date(2019, 5, 1), "令和元年（2019年）５月１日（水）"),
    (date(1989, 1, 7), "昭和64年（1989年）１月７日（土）"),
    (date(1989, 1, 8), "平成元年（1989年）１月８日（日）"),
])
def test_format_date_at_era_change(d, expected):
    assert format_date(d) == expected


def test_format_date_before_meiji_raises():
    with pytest.raises(ValueError):
        format_date(date(1868, 1, 1))
    assert format_date(date(1868, 1, 1), era=False) == "1868年１月１日（水）"


def test_seed_times():
    assert format_time(time(11, 0)) == "11時00分"
    assert format_time(time(17, 0), minutes_if_zero=False) == "17時"
    assert format_time(time(17, 0), "mixed", minutes_if_zero=False) == "17時"


def test_format_time_styles():
    assert format_time(time(9, 5)) == "９時05分"
    assert format_time(time(9, 5), "half") == "9時05分"
    assert format_time(time(9, 5), "full") == "９時０５分"
    assert format_time(time(9, 30), minutes_if_zero=False) == "９時30分"


# --- fiscal years -------------------------------------------------------------------

@pytest.mark.parametrize("d, fy", [
    (date(2024, 3, 31), 2023),
    (date(2024, 4, 1), 2024),
    (date(2025, 1, 8), 2024),
    (date(2024, 12, 31), 2024),
])
def test_fiscal_year(d, fy):
    assert fiscal_year(d) == fy


def test_fiscal_year_range():
    assert fiscal_year_range(2024) == (date(2024, 4, 1), date(2025, 3, 31))


def test_fiscal_year_labels():
    assert fiscal_year_label(fiscal_year(date(2025, 1, 8))) == "令和６年度"
    assert fiscal_year_label(2024) == "令和６年度"
    assert fiscal_year_label(2024, western=True) == "令和６年度（2024年度）"
    assert fiscal_year_label(2019) == "令和元年度"
    assert fiscal_year_label(1988) == "昭和63年度"
    assert fiscal_year_label(1989) == "平成元年度"
    assert fiscal_year_label(2024, "half") == "令和6年度"
    assert fiscal_year_label(2024, "full", western=True) == "令和６年度（２０２４年度）"
    assert fiscal_year_label(2030, "full", western=True) == "令和１２年度（２０３０年度）"


# --- kanji numerals ------------------------------------------------------------------

@pytest.mark.parametrize("n, expected", [
    (0, "〇"), (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (100, "百"),
    (105, "百五"), (1000, "千"), (2024, "二千二十四"), (10000, "一万"),
    (12345, "一万二千三百四十五"), (100000000, "一億"), (10**12, "一兆"),
    (10**7, "千万"), (100010, "十万十"), (20000, "二万"), (2 * 10**8, "二億"),
    (10**8 + 1, "一億一"), (21, "二十一"), (999, "九百九十九"), (1111, "千百十一"), (10**16 - 1, "九千九百九十九兆九千九百九十九億九千九百九十九万九千九百九十九"),
])
def test_kanji_numeral(n, expected):
    assert kanji_numeral(n) == expected


@pytest.mark.parametrize("bad", [-1, 10**16])
def test_kanji_numeral_range(bad):
    with pytest.raises(ValueError, match=rf"0 <= n < 10\*\*16, got {bad}"):
        kanji_numeral(bad)


# --- parties and enumerations -----------------------------------------------------------

def test_party_labels():
    assert party_labels(1) == ["甲"]
    assert party_labels(3) == ["甲", "乙", "丙"]
    assert party_labels(10) == list("甲乙丙丁戊己庚辛壬癸")


@pytest.mark.parametrize("bad", [0, 11])
def test_party_labels_range(bad):
    with pytest.raises(ValueError, match=f"1 to 10 parties, got {bad}"):
        party_labels(bad)


@pytest.mark.parametrize("items, normal, compact", [
    (["甲"], "甲", "甲"),
    (["甲", "乙"], "甲及び乙", "甲乙"),
    (["甲", "乙", "丙"], "甲、乙及び丙", "甲乙丙"),
    (["甲", "乙", "丙", "丁"], "甲、乙、丙及び丁", "甲乙丙丁"),
])
def test_join_japanese(items, normal, compact):
    assert join_japanese(items) == normal
    assert join_japanese(items, compact=True) == compact


def test_join_japanese_empty():
    with pytest.raises(ValueError) as raised:
        join_japanese([])
    assert str(raised.value) == "join_japanese() needs at least one item"


def test_join_japanese_with_another_conjunction():
    assert join_japanese(["甲", "乙", "丙"], conjunction="又は") == "甲、乙又は丙"
    assert join_japanese(["甲", "乙"], compact=True, conjunction="又は") == "甲乙"


@pytest.mark.parametrize("names, expected", [
    (["北海道", "北見市"], "北海道と北見市"),
    (["Ａ庁", "Ｂ庁", "Ｃ庁"], "Ａ庁、Ｂ庁及びＣ庁"),
    (["Ａ", "Ｂ", "Ｃ", "Ｄ"], "Ａ、Ｂ、Ｃ及びＤ"),
    (["Ａ"], "Ａ"),
])
def test_join_parties(names, expected):
    assert join_parties(names) == expected


def test_sub_item_markers_in_gojuon_order():
    assert [sub_item_marker(n) for n in (1, 2, 3, 10, 44)] == ["ア", "イ", "ウ", "コ", "ワ"]
    for bad in (0, 45):
        with pytest.raises(ValueError, match=f"1 to 44, got {bad}"):
            sub_item_marker(bad)


# --- periods ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("1か月", (1, "か月")), ("１ヶ月", (1, "か月")), ("3ケ月", (3, "か月")),
    ("2カ月", (2, "か月")), ("6箇月", (6, "か月")), ("1か年", (1, "年")), ("1年間", (1, "年")),
    ("1年", (1, "年")), ("30日間", (30, "日")), ("３０日", (30, "日")), ("2週間", (2, "週間")),
    (" 12 か月 ", (12, "か月")),
])
def test_parse_period(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("bad", ["か月", "1", "1か月後", "一か月", "1ヵ年", "x1年", ""])
def test_parse_period_refuses_what_is_not_a_period(bad):
    with pytest.raises(ValueError, match=r"write a period as a number and a unit: 1か月, 30日, 2週間 or 1年 \(got "):
        parse_period(bad)


@pytest.mark.parametrize("args, expected", [
    ((1, "か月"), "１か月"), ((30, "日"), "30日"), ((1, "年"), "１年"),
    ((1, "年", "mixed", True), "１年間"), ((30, "日", "mixed", True), "30日間"),
    ((2, "週間", "mixed", True), "２週間"), ((1, "か月", "mixed", True), "１か月"),
    ((30, "日", "full", True), "３０日間"), ((1, "年", "half"), "1年"),
])
def test_format_period(args, expected):
    assert format_period(*args) == expected


# --- names ------------------------------------------------------------------------------

@pytest.mark.parametrize("formal, name, expected", [
    ("国立大学法人北海道国立大学機構　北見工業大学", "北見工業大学",
     (["国立大学法人", "北海道国立大学機構"], "北見工業大学")),
    ("国立大学法人北海道国立大学機構北見工業大学", "北見工業大学",
     (["国立大学法人", "北海道国立大学機構"], "北見工業大学")),
    ("株式会社　テスト　 本店", "本店", (["株式会社", "テスト"], "本店")),
    ("独立行政法人日本スポーツ振興センター", "スポーツ庁",
     (["独立行政法人", "日本スポーツ振興センター"], "スポーツ庁")),
    ("国立大学法人", "北見工業大学", (["国立大学法人"], "北見工業大学")),
    ("北海道　オホーツク総合振興局", "北見市", (["北海道", "オホーツク総合振興局"], "北見市")),
    # only the full-width space divides: an ASCII space belongs to the name
    ("学校法人Kitami Gakuen　北見", "北見", (["学校法人", "Kitami Gakuen"], "北見")),
    ("北見市", "北見市", ([], "北見市")),
    (None, "北見市", ([], "北見市")),
    ("", "北見市", ([], "北見市")),
])
def test_name_lines(formal, name, expected):
    assert name_lines(formal, name) == expected


# --- radicals ---------------------------------------------------------------------------

SEED = "国\u2f74\u2f24学法\u2f08北海道国\u2f74\u2f24学機構 北\u2f92\u2f2f業\u2f24学 \u2ea0間"


def test_fix_radicals_seed_text():
    assert has_radicals(SEED)
    fixed, pairs = fix_radicals(SEED)
    assert fixed == "国立大学法人北海道国立大学機構 北見工業大学 民間"
    assert pairs == [
        ("\u2f74", "立"), ("\u2f24", "大"), ("\u2f08", "人"),
        ("\u2f92", "見"), ("\u2f2f", "工"), ("\u2ea0", "民"),
    ]
    assert not has_radicals(fixed)
    assert unmapped_radicals(SEED) == []


def test_fix_radicals_keeps_full_width_forms():
    text = "（１）令和６年（2024年）：ＡＢＣ　"
    assert fix_radicals(text) == (text, [])
    assert not has_radicals(text)


@pytest.mark.parametrize("radical, ideograph", [
    ("\u2ea0", "民"), ("\u2e9f", "母"), ("\u2ed8", "青"), ("\u2eeb", "斉"),
    ("\u2edd", "食"), ("\u2ed1", "長"), ("\u2ec4", "西"), ("\u2ec6", "角"),
    ("\u2ecc", "辶"), ("\u2ee4", "鬼"), ("\u2ee9", "黄"), ("\u2eed", "歯"),
    ("\u2eef", "竜"), ("\u2ef2", "亀"), ("\u2ef3", "龟"), ("\u2e85", "亻"),
    ("\u2e8d", "小"),
])
def test_supplement_table(radical, ideograph):
    assert fix_radicals(f"（{radical}）") == (f"（{ideograph}）", [(radical, ideograph)])


def test_supplement_table_is_consistent():
    lo, hi = KANGXI_RANGES[1]
    for radical, ideograph in _SUPPLEMENT.items():
        assert lo <= ord(radical) <= hi
        assert unicodedata.name(ideograph).startswith("CJK UNIFIED IDEOGRAPH")
        # Where Unicode gives a decomposition, the table must agree with it.
        nfkc = unicodedata.normalize("NFKC", radical)
        assert nfkc == radical or nfkc == ideograph


def test_unmapped_supplement_radical_is_left_and_listed():
    text = "\u2e97心\u2e97\u2ea0"  # HEART TWO has no table entry
    fixed, pairs = fix_radicals(text)
    assert fixed == "\u2e97心\u2e97民"
    assert pairs == [("\u2ea0", "民")]
    assert unmapped_radicals(text) == ["\u2e97"]
    assert has_radicals(fixed)


def test_pairs_are_distinct_and_in_order():
    _, pairs = fix_radicals("\u2f24\u2ea0\u2f24\u2ea0")
    assert pairs == [("\u2f24", "大"), ("\u2ea0", "民")]


def test_radical_blocks_are_detected_to_their_last_code_point():
    for ch in (0x2E80, 0x2EFF, 0x2F00, 0x2FDF):      # the two adjacent blocks, end to end
        assert has_radicals(chr(ch))
    assert not has_radicals("\u2e7f") and not has_radicals("\u2fe0")
    assert fix_radicals("\u2f00") == ("一", [("\u2f00", "一")])
    assert unmapped_radicals("\u2fdf\u2e80") == ["\u2fdf", "\u2e80"]


def test_every_kangxi_radical_is_fixed():
    text = "".join(chr(c) for c in range(0x2F00, 0x2FD6))
    fixed, pairs = fix_radicals(text)
    assert not has_radicals(fixed)
    assert unmapped_radicals(text) == []


# --- dates and times as offices write them (house dates: and times:) -------------------

from jpdocs.japanese import date_in, format_time_span  # noqa: E402


@pytest.mark.parametrize("calendar, weekday_form, expected", [
    ("era_western", "short", "平成30年（2018年）９月10日（月）"),
    ("era", "short", "平成30年９月10日（月）"),
    ("western", "short", "2018年９月10日（月）"),
    ("era_western", "long", "平成30年（2018年）９月10日（月曜日）"),
    ("western", "long", "2018年９月10日（月曜日）"),
    ("era", "medium", "平成30年９月10日（月曜）"),          # 大府市: （火曜）, without 日
    ("era", "long_plain", "平成30年９月10日月曜日"),          # 岐阜県: 金曜日, without brackets
    ("era", "none", "平成30年９月10日"),
    ("western", "none", "2018年９月10日"),
])
def test_date_in_each_calendar_and_weekday_form(calendar, weekday_form, expected):
    assert date_in(date(2018, 9, 10), calendar, weekday_form) == expected


@pytest.mark.parametrize("d, expected", [
    (date(2019, 4, 30), ("平成31年４月30日（火曜日）", "2019年４月30日（火曜日）")),
    (date(2019, 5, 1), ("令和元年５月１日（水曜日）", "2019年５月１日（水曜日）")),
    (date(1989, 1, 7), ("昭和64年１月７日（土曜日）", "1989年１月７日（土曜日）")),
    (date(1989, 1, 8), ("平成元年１月８日（日曜日）", "1989年１月８日（日曜日）")),
])
def test_date_in_at_era_boundaries(d, expected):
    assert (date_in(d, "era", "long"), date_in(d, "western", "long")) == expected


def test_date_in_without_the_year_and_in_each_digit_style():
    d = date(2024, 2, 27)
    assert date_in(d, year=False) == "２月27日（火）"
    assert date_in(d, "western", "long", year=False) == "２月27日（火曜日）"
    assert date_in(d, "western", style="half") == "2024年2月27日（火）"
    assert date_in(d, "era", style="full") == "令和６年２月２７日（火）"
    assert date_in(date(2024, 12, 1), "era", "none", year=False) == "12月１日"
    with pytest.raises(ValueError, match="unknown calendar"):
        date_in(d, "gregorian")
    with pytest.raises(ValueError, match="unknown weekday form"):
        date_in(d, weekday="kanji")


@pytest.mark.parametrize("t, twelve, twelve_no_zero", [
    (time(0, 0), "午前０時00分", "午前０時"),
    (time(0, 15), "午前０時15分", "午前０時15分"),
    (time(9, 5), "午前９時05分", "午前９時05分"),
    (time(11, 59), "午前11時59分", "午前11時59分"),
    (time(12, 0), "午後０時00分", "午後０時"),
    (time(12, 30), "午後０時30分", "午後０時30分"),
    (time(13, 0), "午後１時00分", "午後１時"),
    (time(14, 30), "午後２時30分", "午後２時30分"),
    (time(23, 59), "午後11時59分", "午後11時59分"),
])
def test_twelve_hour_clock(t, twelve, twelve_no_zero):
    assert format_time(t, clock="12h") == twelve
    assert format_time(t, clock="12h", minutes_if_zero=False) == twelve_no_zero


def test_twelve_hour_clock_in_each_digit_style_and_a_bad_clock():
    assert format_time(time(14, 30), "half", clock="12h") == "午後2時30分"
    assert format_time(time(14, 30), "full", clock="12h") == "午後２時３０分"
    assert format_time(time(22, 0), "mixed", False, clock="12h") == "午後10時"
    with pytest.raises(ValueError, match="unknown clock"):
        format_time(time(1, 0), clock="am")


@pytest.mark.parametrize("start, end, kwargs, expected", [
    (time(11, 0), None, {}, "11時00分～"),
    (time(11, 0), time(11, 30), {}, "11時00分～11時30分"),
    (time(15, 0), None, {"span": "から", "minutes_if_zero": False}, "15時から"),
    (time(15, 0), time(16, 0), {"span": "から", "minutes_if_zero": False}, "15時から16時まで"),
    (time(14, 0), time(15, 30), {"clock": "12h", "minutes_if_zero": False}, "午後２時～３時30分"),
    (time(10, 0), time(12, 30), {"clock": "12h", "minutes_if_zero": False}, "午前10時～午後０時30分"),
    (time(14, 0), time(14, 30), {"clock": "12h", "minutes_if_zero": False, "span": "から"},
     "午後２時から２時30分まで"),
    (time(9, 0), None, {"clock": "12h", "span": "から", "style": "half"}, "午前9時00分から"),
])
def test_time_spans(start, end, kwargs, expected):
    assert format_time_span(start, end, **kwargs) == expected


def test_a_bad_span_is_refused():
    with pytest.raises(ValueError, match="unknown span"):
        format_time_span(time(1, 0), span="-")


# ---------------------------------------------------------------- writing style (である / です・ます)
@pytest.mark.parametrize("ending", ["です", "ます", "ません", "ました", "でした", "ましょう", "でしょう", "ください",
                                    "下さい"])
def test_every_polite_ending_is_named_in_a_plain_text_and_fits_a_polite_one(ending):
    from jpdocs.writing_style import other_style
    sentence = f"甲及び乙は、協力{ending}"
    assert other_style(f"前文である。{sentence}。後文である。", "である") == sentence + "。"
    assert other_style(f"前文です。{sentence}。", "です・ます") is None


@pytest.mark.parametrize("ending", ["する", "した", "だ", "ない", "行う", "書く", "示す", "待つ", "死ぬ", "読む",
                                    "遊ぶ", "急ぐ", "良い"])
def test_every_plain_ending_is_named_in_a_polite_text_and_fits_a_plain_one(ending):
    from jpdocs.writing_style import other_style
    sentence = f"甲及び乙は、{ending}"
    assert other_style(f"前文です。{sentence}。後文です。", "です・ます") == sentence + "。"
    assert other_style(f"前文である。{sentence}。", "である") is None


@pytest.mark.parametrize("text", [
    "教育に関すること。",                          # a noun phrase: either style
    "協力します",                                   # no 。: no sentence
    "甲は（以下「甲」という。協力します。）、次の事項とする。",   # what stands in brackets is not the text's own
    "甲（連絡先（電話。）に連絡します。）は、定める。",          # nested brackets
    "甲(注。あります。)は、定める。",                           # half-width brackets
    "甲は「報告します。」と定める。",
    "。。",
])
def test_what_is_no_polite_sentence_of_the_texts_own_is_not_named_in_a_plain_text(text):
    from jpdocs.writing_style import other_style
    assert other_style(text, "である") is None


def test_the_first_sentence_in_the_other_style_is_the_one_named_without_its_brackets():
    from jpdocs.writing_style import other_style
    assert other_style("甲は定める。乙（大学）は協力します。丙は報告します。", "である") == "乙は協力します。"
    assert other_style("  甲は協力します 。", "である") == "甲は協力します。"


# ---------------------------------------------------------------- mutants that survived
# (mutmut on japanese.py, 2026-12-01): each test names the bug it catches.

@pytest.mark.parametrize("formal, name, expected", [
    # the formal name ends with the name: its legal form and parts stand above it
    ("国立大学法人北海道国立大学機構", "北見工業大学", (["国立大学法人", "北海道国立大学機構"], "北見工業大学")),
    ("株式会社北海道銀行", "（株）北海道銀行", (["株式会社"], "北海道銀行")),
    ("株式会社セブン‐イレブン・ジャパン", "（株）セブン‐イレブン・ジャパン", (["株式会社"], "セブン‐イレブン・ジャパン")),
    # the formal name holds the name elsewhere: printed alone, never the name twice
    ("トヨタ自動車株式会社", "トヨタ自動車㈱", ([], "トヨタ自動車株式会社")),
    ("トヨタ自動車株式会社", "トヨタ自動車", ([], "トヨタ自動車株式会社")),
    ("日本郵便株式会社北海道支社", "日本郵便", ([], "日本郵便株式会社北海道支社")),
    # a formal name that does not hold the name stands above it whole
    ("北海道オホーツク総合振興局", "オホーツク総合振興局", (["北海道"], "オホーツク総合振興局")),
    ("一般社団法人オホーツク観光連盟", "観光連盟オホーツク", (["一般社団法人", "オホーツク観光連盟"], "観光連盟オホーツク")),
])
def test_a_party_name_is_never_printed_twice_on_the_sheet(formal, name, expected):
    from jpdocs.party_names import name_lines
    assert name_lines(formal, name) == expected


def test_a_time_span_names_the_half_of_the_day_only_where_it_changes_at_noon():
    """12:00 is 午後０時: a span from noon stays in the afternoon (no second 午後),
    and one that crosses noon names both halves; the end keeps its 00分."""
    assert format_time_span(time(12, 0), time(13, 30), clock="12h") == "午後０時00分～１時30分"
    assert format_time_span(time(11, 0), time(12, 0), clock="12h") == "午前11時00分～午後０時00分"
    assert format_time_span(time(11, 0), time(13, 0)) == "11時00分～13時00分"


def test_times_with_a_colon_keep_their_minutes_in_half_width_unless_every_digit_is_full():
    """13:30 as releases write it: half-width in the mixed house (９時05分 would be
    9:05, never ９:05), full-width with a full-width colon where every digit is, the
    minutes always (17: alone is no time), and 午前/午後 as with the kanji form."""
    assert format_time(time(13, 30), notation="colon") == "13:30"
    assert format_time(time(9, 5), notation="colon") == "9:05"
    assert format_time(time(17, 0), minutes_if_zero=False, notation="colon") == "17:00"
    assert format_time(time(13, 30), "full", notation="colon") == "１３：３０"
    assert format_time(time(14, 0), clock="12h", notation="colon") == "午後2:00"
    assert format_time_span(time(13, 0), time(14, 0), notation="colon") == "13:00～14:00"
    assert format_time_span(time(10, 0), None, notation="colon") == "10:00～"
    assert format_time_span(time(15, 0), time(16, 0), span="から", notation="colon") == "15:00から16:00まで"
    assert format_time_span(time(11, 0), time(13, 0), clock="12h", notation="colon") == "午前11:00～午後1:00"


def test_an_unknown_choice_is_refused_with_the_allowed_values_listed():
    from jpdocs.japanese import format_time
    with pytest.raises(ValueError, match=r"allowed: ～, から$"):
        format_time_span(time(1, 0), span="-")
    with pytest.raises(ValueError, match=r"allowed: 24h, 12h$"):
        format_time(time(1, 0), clock="13h")
    with pytest.raises(ValueError, match=r"allowed: kanji, colon$"):
        format_time(time(1, 0), notation="roman")
    with pytest.raises(ValueError, match=r"allowed: era_western, era, western, era_western_inside$"):
        date_in(date(2024, 2, 27), calendar="julian")
    with pytest.raises(ValueError, match=r"allowed: short, long, medium, long_plain, none$"):
        date_in(date(2024, 2, 27), weekday="曜日")


def test_the_first_and_last_writable_fiscal_years_are_accepted_and_their_neighbours_refused():
    from jpdocs.japanese import fiscal_year_problem
    assert fiscal_year_problem(1869) is None and fiscal_year_problem(9998) is None
    assert "1868 is not a fiscal year" in fiscal_year_problem(1868)
    assert "9999 is not a fiscal year" in fiscal_year_problem(9999)
