"""A notice's sentence pointing at what follows it (次のとおり執り行います。) needs
something after it: spec/pointers.py. The seed's own sentence points at its 記 block;
variants of the seed take away what follows, or give it in other forms. The real case
hiroshima-iinan-kawamoto-2024, whose stored copy ends before the facts its 以下のとおり
introduced, is built without the pointer (tests/test_real_cases.py: absent)."""
from __future__ import annotations

import re

import pytest

from test_notice_format import SEED, check, has_error, variant

POINTS = "    - つきましては、本協定の締結式を次のとおり執り行います。\n"
# no 記 item: the ceremony's facts, each printed by one, go with them
CEREMONY = re.search(r"  ceremony:\n(?:    .*\n)+", SEED).group()
NO_ITEMS = (CEREMONY, "  ki: []\n")


def test_the_seed_points_at_its_ki_block(tmp_path, capsys):
    code, out, err = check(variant(tmp_path), capsys)
    assert code == 0, err


@pytest.mark.parametrize("after", ["", "    - {note: ※時間は予定です。}\n"])
def test_a_pointer_with_nothing_after_it_is_refused_at_its_paragraph(tmp_path, capsys, after):
    """No 記 item, no section, no paragraph: a note under the sentence is none of them."""
    path = variant(tmp_path, NO_ITEMS, (POINTS, POINTS + after))
    code, out, err = check(path, capsys)
    assert code == 1, out
    assert has_error(err, path, "次のとおり執り行います", "press_notice.opening[1]",
                     "「…は、本協定の締結式を次のとおり執り行います。」 points at what follows, and nothing"
                     " follows it: the notice has no 記 item, no section and no paragraph after it"), err


@pytest.mark.parametrize("after", ["    - 日時は２月27日11時からです。\n",
                                   "    - {label: 日時, lines: [令和６年２月27日（火）11時00分から]}\n"])
def test_a_pointer_followed_by_its_text_is_accepted(tmp_path, capsys, after):
    path = variant(tmp_path, NO_ITEMS, (POINTS, POINTS + after))
    code, out, err = check(path, capsys)
    assert code == 0, err


def test_a_pointer_at_the_contacts_is_accepted(tmp_path, capsys):
    path = variant(tmp_path, NO_ITEMS, (POINTS, "    - 取材をご希望の方は、下記のとおりお問い合わせください。\n"))
    code, out, err = check(path, capsys)
    assert code == 0, err
