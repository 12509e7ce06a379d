"""phrases.phrases finds BudouX's phrases as budoux's own Parser.parse does: on the
text of every bundled and real spec (titles, headings, cells, sentences) and on
random strings of the characters that move its scores most."""
from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

import budoux
import pytest

from jpdocs.writers.phrases import phrases

ROOT = Path(__file__).resolve().parent.parent
PARSER = budoux.load_default_japanese_parser()


@lru_cache(maxsize=1)
def _spec_lines() -> list[str]:
    out = []
    for f in sorted([*ROOT.glob("specs/*.yaml"), *ROOT.glob("tests/data/real/*.yaml")]):
        for line in f.read_text(encoding="utf-8").splitlines():
            text = line.split(":", 1)[-1].strip().strip("'\"|>-")
            if text:
                out.append(text)
    return out


def test_the_specs_text_is_phrased_as_budoux_phrases_it():
    lines = _spec_lines()
    assert len(lines) > 1000
    for text in lines:
        assert phrases(text) == PARSER.parse(text), text


@pytest.mark.parametrize("seed", range(4))
def test_random_text_is_phrased_as_budoux_phrases_it(seed):
    rng = random.Random(seed)
    model = PARSER.model
    # the characters of the model's own features: the places where its scores change most
    alphabet = sorted({ch for g in model.values() for key in list(g)[:300] for ch in key}) + list("　 、。")
    for _ in range(1000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert phrases(text) == PARSER.parse(text), text
    # and at some length, where whole phrases form
    for _ in range(200):
        text = "".join(rng.choice(_spec_lines()) for _ in range(2))
        assert phrases(text) == PARSER.parse(text), text


def test_a_title_breaks_between_its_phrases():
    # (not vacuous: the text has several phrases, and the empty text none)
    assert phrases("北海道オホーツク総合振興局と北見工業大学との連携協定の締結について") == \
        PARSER.parse("北海道オホーツク総合振興局と北見工業大学との連携協定の締結について")
    assert len(phrases("北海道オホーツク総合振興局と北見工業大学との連携協定の締結について")) > 3
    assert phrases("") == []
