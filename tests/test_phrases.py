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


def test_one_boundary_asked_alone_is_answered_as_budoux_parses_the_whole():
    # starts_at: the composer asks about a few places of a paragraph (jlreq_lines._keep_word)
    for text in _spec_lines()[:400] + ["記", "報道", "田村寛邦浦幌町議会議長と福島秀雄洋野町議会議長の立会いのもと"]:
        phrase_starts, pos = set(), 0
        for chunk in PARSER.parse(text)[:-1]:
            pos += len(chunk)
            phrase_starts.add(pos)
        phrases._STARTS.clear()                     # each answer its own, none remembered from chunks
        assert {i for i in range(1, len(text)) if phrases.starts_at(text, i)} == phrase_starts, text
