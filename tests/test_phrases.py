"""phrases.chunks finds BudouX's phrases as BudouX's own parser does (phrases.py):
on every line of text the bundled specs and real cases hold, on short texts whose
lookups reach past either end, and on random strings of the characters the model
scores."""
from __future__ import annotations

import random
from pathlib import Path

import budoux
import pytest

from jpdocs.writers import phrases

ROOT = Path(__file__).resolve().parent.parent
PARSER = budoux.load_default_japanese_parser()


def _spec_lines() -> list[str]:
    lines = set()
    for folder in (ROOT / "specs", ROOT / "tests" / "data" / "real"):
        for path in sorted(folder.rglob("*.yaml")):
            for line in path.read_text(encoding="utf-8").splitlines():
                text = line.split(":", 1)[-1].strip().strip("'\"|>-")
                if text:
                    lines.add(text)
    return sorted(lines)


def test_the_specs_lines_are_cut_as_budoux_cuts_them():
    lines = _spec_lines()
    assert len(lines) > 1000
    for text in lines:
        assert phrases.chunks(text) == PARSER.parse(text), text


@pytest.mark.parametrize("text", ["", "a", "記", "報道", "お知らせ", "記者発表", "協定を締結します", "\0", "関\0す"])
def test_short_texts_reach_past_their_ends_as_budoux_skips(text):
    assert phrases.chunks(text) == PARSER.parse(text)


def test_random_strings_of_the_models_characters():
    chars = sorted({ch for table in PARSER.model.values() for key in table for ch in key})
    rng = random.Random(17)
    for _ in range(1000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(1, 40)))
        assert phrases.chunks(text) == PARSER.parse(text), text
