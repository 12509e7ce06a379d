"""Where a paragraph names a person the spec holds (model.Document.people): the spans
the composer keeps whole on a line (composition.composed), as a proof-reader asks
(ならコープ森　宏之理事長, never …森 / 宏之理事長). A name is found as the spec writes it,
its spaces aside (森　宏之, 森宏之 and 森 宏之 are one name). A name whose parts are
joined by ・ (シュポルト・ヴァチェスラフ・イヴァノビッチ) may break after a ・, as a
Western name breaks at its spaces: each part is kept whole, the ・ with the part before
it (no line starts with one)."""
from __future__ import annotations

import re
from functools import lru_cache

_SPACES = " \u3000"
_PART_END = "・"


@lru_cache(maxsize=64)
def pattern(people: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for the names (longest first, so that 森　宏之 is found before a
    shorter name inside it); None for none. A name of one character is no span."""
    names = {"".join(ch for ch in name if ch not in _SPACES) for name in people}
    names = sorted((n for n in names if len(n) > 1), key=lambda n: (-len(n), n))
    if not names:
        return None
    return re.compile("|".join("[ \u3000]?".join(map(re.escape, n)) for n in names))


def spans(text: str, found: re.Pattern | None) -> tuple[tuple[int, int], ...]:
    """The spans of `text` to keep whole: each name found, or each part of a name
    joined by ・."""
    if found is None:
        return ()
    out = []
    for m in found.finditer(text):
        a, b = m.span()
        for i in range(a, b - 1):
            if text[i] == _PART_END:
                out.append((a, i + 1))
                a = i + 1
        out.append((a, b))
    return tuple((a, b) for a, b in out if b - a > 1)
