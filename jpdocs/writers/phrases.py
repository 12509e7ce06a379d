"""BudouX's phrases of a text, as its Parser.parse finds them, counted faster.

BudouX (budoux.Parser.parse) scores each place between two characters by thirteen
lookups in its model (the characters, pairs and triples around the place) and
breaks where the score is above 0. Its loop cuts each pair and triple anew at every
place it is read from, and a new string is hashed anew: for a notice's title and
its table cells, new in every notice of a batch, that was most of what preparing
their lines cost. Here each character, pair and triple is cut once, and each of the
thirteen lookups runs over the whole text at once (`map`, in C). The scores are the
same: the model's values are integers, so their sum is exact in any order, and
BudouX's base score (minus half their total) is a half-integer, exact as well.
tests/test_phrases.py compares the phrases with BudouX's own on real and random text.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import repeat

# (feature, which string: 1 a character, 2 a pair, 3 a triple, offset from the place i:
# the string that starts at i - offset), in BudouX's order
_FEATURES = (("UW1", 1, 3), ("UW2", 1, 2), ("UW3", 1, 1), ("UW4", 1, 0), ("UW5", 1, -1), ("UW6", 1, -2),
             ("BW1", 2, 2), ("BW2", 2, 1), ("BW3", 2, 0),
             ("TW1", 3, 3), ("TW2", 3, 2), ("TW3", 3, 1), ("TW4", 3, 0))


@lru_cache(maxsize=1)
def _model() -> tuple[tuple, float]:
    import budoux
    model = budoux.load_default_japanese_parser().model
    base = -sum(sum(g.values()) for g in model.values()) * 0.5     # as budoux.Parser sets it
    return tuple((model.get(name, {}).get, size, offset) for name, size, offset in _FEATURES), base


def phrases(text: str) -> list[str]:
    """budoux.load_default_japanese_parser().parse(text), the same list."""
    n = len(text)
    if not n:
        return []
    features, base = _model()
    grams = {1: list(text), 2: [text[i:i + 2] for i in range(n - 1)], 3: [text[i:i + 3] for i in range(n - 2)]}
    columns = []
    for get, size, offset in features:
        seq = grams[size]
        # place i reads seq[i - offset] where BudouX reads it: where that string lies
        # wholly inside the text (its conditions i > 2, i + 1 < len(sentence), ...)
        lo, hi = max(0, offset), min(n, len(seq) + offset)
        if hi <= lo:
            continue
        columns.append([0] * lo + list(map(get, seq[lo - offset:hi - offset], repeat(0))) + [0] * (n - hi))
    scores = list(map(sum, zip(*columns))) if columns else [0] * n
    out, start = [], 0
    for i in range(1, n):
        if base + scores[i] > 0:
            out.append(text[start:i])
            start = i
    out.append(text[start:])
    return out
