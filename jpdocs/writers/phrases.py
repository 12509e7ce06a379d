"""BudouX's phrases of a text (titles, headings and labels break only between them:
jlreq._phrase_breaks, columns.py), found as BudouX's own parser finds them, each
boundary's answer remembered.

`budoux.Parser.parse` scores every boundary i of the text: its base score plus
thirteen dict lookups, of the characters (UW1–UW6: i-3 … i+2), pairs (BW1–BW3)
and triples (TW1–TW4) around it, each taken only where it lies inside the text; a
boundary scoring above zero starts a new phrase. Each lookup makes a new string
of CJK characters and hashes it: ~22 thousand instructions a boundary, and a
notice's title (some 40 characters, new to each notice) was ~0.9 M instructions.
The score depends on the six characters around the boundary and nothing else, so
the answer is remembered by them: an office's titles repeat their wording (its
name, 連携協定, の締結について), and a boundary seen before is one lookup. The
text is padded with three NULs each side, so that every boundary has its six: a
key holding a NUL is in no table of the model (checked when it is loaded), so a
lookup BudouX skips, past an end, scores 0 here as it does there. The scores are
integers and the base a multiple of a half: each sum is exact, so the test `> 0`
answers as BudouX's does. tests/test_phrases.py compares the two.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import compress

_PAD = "\0\0\0"
_STARTS: dict[str, bool] = {}       # six characters around a boundary → whether a phrase starts there
_MAX_STARTS = 1 << 15


@lru_cache(maxsize=1)
def _model():
    from .phrase_model import load        # (BudouX's model as its parser holds it, kept once per machine)
    base_score, tables = load(_check)
    return (base_score, *(tables.get(name, {}).get for name in (
        "UW1", "UW2", "UW3", "UW4", "UW5", "UW6", "BW1", "BW2", "BW3", "TW1", "TW2", "TW3", "TW4")))


def _check(tables: dict) -> None:
    """A model is taken (and kept by phrase_model.py) only if no key holds a NUL."""
    if any("\0" in key for table in tables.values() for key in table):
        raise RuntimeError("BudouX's model has a key with a NUL: phrases.py's padding would score it")


def _starts(w: str) -> bool:
    """Whether BudouX starts a phrase at the boundary in the middle of `w` (its
    six characters, NUL past an end): budoux.Parser.parse's score, remembered."""
    base, uw1, uw2, uw3, uw4, uw5, uw6, bw1, bw2, bw3, tw1, tw2, tw3, tw4 = _model()
    score = (base + uw1(w[0], 0) + uw2(w[1], 0) + uw3(w[2], 0) + uw4(w[3], 0) + uw5(w[4], 0) + uw6(w[5], 0)
             + bw1(w[1:3], 0) + bw2(w[2:4], 0) + bw3(w[3:5], 0)
             + tw1(w[0:3], 0) + tw2(w[1:4], 0) + tw3(w[2:5], 0) + tw4(w[3:6], 0))
    if len(_STARTS) >= _MAX_STARTS:
        _STARTS.clear()
    got = _STARTS[w] = score > 0
    return got


def chunks(text: str) -> list[str]:
    """budoux.load_default_japanese_parser().parse(text): the same phrases."""
    if not text:
        return []
    padded = _PAD + text + _PAD
    n = len(text)
    get = _STARTS.get
    found = [get(padded[i:i + 6]) for i in range(1, n)]    # boundary i: text[i-3:i+3]
    if None in found:
        for i, got in enumerate(found, 1):
            if got is None:
                found[i - 1] = _starts(padded[i:i + 6])
    starts = list(compress(range(1, n), found))
    return [text[a:b] for a, b in zip([0, *starts], [*starts, n])]


def starts_at(text: str, i: int) -> bool:
    """Whether BudouX starts a phrase at text[i] (0 < i < len(text)): chunks' answer for
    that one boundary, from the six characters around it, for a caller that asks about a
    few places of a long paragraph (jlreq_lines._keep_word) rather than all of them."""
    w = text[max(0, i - 3):i].rjust(3, "\0") + text[i:i + 3].ljust(3, "\0")
    got = _STARTS.get(w)
    return _starts(w) if got is None else got
