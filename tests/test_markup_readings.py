"""The markup's parser remembers what an element's attributes gave (markup._read): the
same elements stand in every document a template prints, and reading each attribute
again was a third of the parsing (issue #17). What is remembered must never change an
outcome: an element with a bad value is refused after good ones as it is refused with
nothing remembered, good markup after it is read as before, and no document shares a
part of its model with another."""
from __future__ import annotations

import random

import pytest

from jpdocs.content import markup, model
from jpdocs.errors import InputError

# good markup: elements of every kind whose attributes a reading remembers
GOOD = ('<document kind="k" title="t">'
        '<p style="table" indent="1" left="2" before="6" after="8" tracking="0.5" keep="yes" breaks="spaces"'
        ' lang="en" list="article" number="１" seq="3">a</p>'
        '<h level="2" style="title" align="center">b</h>'
        '<item marker="１" style="item" level="1" hang="5" before="4" list="item" seq="2">c<p left="1">d</p></item>'
        '<table widths="0.4 0.6" border="box" style="table" keep="yes" padding="4" fit="first">'
        '<tr><td align="right" breaks="words" style="label">e</td><td valign="beside" colspan="1" header="row"'
        ' shade="shade" colour="white">f</td></tr></table>'
        '</document>')

# each: a value of GOOD's made bad, the element's other attributes as they were
BAD_VALUES = [('indent="1"', 'indent="x"'), ('left="2"', 'left="41"'), ('before="6"', 'before="-1"'),
              ('tracking="0.5"', 'tracking="11"'), ('breaks="spaces"', 'breaks="lines"'),
              ('lang="en"', 'lang="fr"'), ('list="article"', 'list="chapter"'), ('seq="3"', 'seq="x"'),
              ('level="2"', 'level="7"'), ('align="center"', 'align="middle"'), ('hang="5"', 'hang="41"'),
              ('level="1"', 'level="10"'), ('list="item"', 'list="bullet"'), ('widths="0.4 0.6"', 'widths="0.6 0.6"'),
              ('border="box"', 'border="zig"'), ('padding="4"', 'padding="73"'), ('fit="first"', 'fit="all"'),
              ('align="right"', 'align="diag"'), ('breaks="words"', 'breaks="x"'), ('valign="beside"', 'valign="centre"'),
              ('colspan="1"', 'colspan="0"'), ('header="row"', 'header="cell"')]


def _outcome(text: str):
    try:
        return "built", markup.parse(text, source="S")
    except InputError as exc:
        return "refused", [(p.file, p.line, p.key, p.message) for p in exc.problems], exc.rendered_at


def _fresh(text: str):
    markup._READINGS.clear()
    return _outcome(text)


@pytest.mark.parametrize("good, bad", BAD_VALUES)
def test_an_element_with_a_bad_value_is_refused_after_good_ones_as_with_nothing_remembered(good, bad):
    assert GOOD.count(good) == 1
    wrong = GOOD.replace(good, bad)
    refused = _fresh(wrong)
    assert refused[0] == "refused", bad
    built = _fresh(GOOD)
    assert built[0] == "built"
    assert _outcome(GOOD) == built               # read again from what was kept
    assert _outcome(wrong) == refused            # the same message, at the same element
    assert _outcome(wrong) == refused            # (and again: nothing kept of a refusal)
    assert _outcome(GOOD) == built


def _random_markup(rng: random.Random) -> str:
    """A document of paragraphs, items and tables whose attributes are drawn from a few
    good values and a bad one each (the last, drawn one time in fifteen): the same
    elements recur, some of them bad."""
    values = {"indent": ["1", "0", "x"], "after": ["8", "601"], "style": ["table", "label", "body"],
              "keep": ["yes", "no"], "breaks": ["spaces", "words", "z"], "hang": ["5", "3.5", "-1"],
              "level": ["1", "2", "11"], "widths": ["0.5 0.5", "0.3 0.7", "0.9 0.9", ""],
              "border": ["grid", "none", "x"], "fit": ["first", "rest", "no"], "valign": ["top", "middle", "side"],
              "align": ["left", "justify", "up"], "colspan": ["1", "2", "x"], "header": ["row", "column", "x"]}

    def value(name):
        return values[name][-1] if rng.random() < 1 / 15 else rng.choice(values[name][:-1])

    def attrs(names):
        return "".join(f' {n}="{value(n)}"' for n in names if rng.random() < 0.5)

    blocks = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(["p", "item", "table"])
        if kind == "p":
            blocks.append(f"<p{attrs(['style', 'indent', 'after', 'keep', 'breaks'])}>本文</p>")
        elif kind == "item":
            blocks.append(f"<item marker='１'{attrs(['style', 'hang', 'level'])}>項目<p{attrs(['indent'])}>詳細</p></item>")
        else:
            cells = "".join(f"<td{attrs(['valign', 'align', 'colspan', 'header', 'breaks'])}>欄</td>"
                            for _ in range(rng.randint(1, 2)))
            blocks.append(f"<table{attrs(['widths', 'border', 'fit', 'style'])}><tr>{cells}</tr></table>")
    return f'<document kind="k" title="t">\n' + "\n".join(blocks) + "\n</document>"


def test_random_markup_gives_with_readings_remembered_what_it_gives_with_none():
    rng = random.Random(7)
    markup._READINGS.clear()
    texts = [_random_markup(rng) for _ in range(600)]
    kept = [_outcome(text) for text in texts]            # each after all the ones before
    fresh = [_fresh(text) for text in texts]
    assert kept == fresh
    assert 100 < sum(k[0] == "refused" for k in kept) < 500     # both outcomes were reached


def test_no_document_shares_a_part_of_its_model_with_another():
    """What is kept are the readings' values (names, numbers, flags), never a model
    object: two documents of the same markup are equal and share no block, cell or list."""
    one, two = markup.parse(GOOD), markup.parse(GOOD)
    assert one == two
    table_one, table_two = one.blocks[-1], two.blocks[-1]
    assert table_one.widths is not table_two.widths
    table_one.widths[0] = 0.1                            # (a writer's change stays in its document)
    assert markup.parse(GOOD).blocks[-1].widths == [0.4, 0.6]
    pairs = zip(model.walk(one.blocks), model.walk(two.blocks))
    assert all(a is not b for a, b in pairs)


def test_the_readings_kept_are_bounded():
    markup._READINGS.clear()
    for n in range(markup._MAX_READINGS + 50):
        markup.parse(f'<document kind="k"><p number="{n}">x</p></document>')
    assert 0 < len(markup._READINGS) <= markup._MAX_READINGS
