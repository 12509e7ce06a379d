"""Where a paragraph names a person the spec holds (model.Document.people): the spans
the composer keeps whole on a line (composition.set_lines), as a proof-reader asks
(ならコープ森　宏之理事長, never …森 / 宏之理事長). A name is found as the spec writes it,
its spaces aside (森　宏之, 森宏之 and 森 宏之 are one name). A name whose parts are
joined by ・ (シュポルト・ヴァチェスラフ・イヴァノビッチ) may break after a ・, as a
Western name breaks at its spaces: each part is kept whole, the ・ with the part before
it (no line starts with one).

Found with str.find, not a regular expression: a notice's partner is named anew in
each notice of a batch, and compiling a pattern of the names (sre_compile, in Python)
was ~2 M instructions a notice. Most paragraphs name no one: a name is looked for
character by character only where the text without its spaces holds it (searches in
C), which passes over the others at once."""
from __future__ import annotations

_SPACES = " \u3000"
_PART_END = "・"


def prepared(people: tuple[str, ...]) -> tuple[str, ...]:
    """The names to look for: each without its spaces, longest first (so that 森　宏之 is
    found before a shorter name inside it); a name of one character is no span."""
    names = {"".join(ch for ch in name if ch not in _SPACES) for name in people}
    return tuple(sorted((n for n in names if len(n) > 1), key=lambda n: (-len(n), n)))


def spans(text: str, names: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """The spans of `text` to keep whole (`names`: prepared): each name found, a space
    allowed between any two of its characters, or each part of a name joined by ・."""
    # A name found with a space between two of its characters is the name itself in
    # the text without its spaces, so a name not there is not in the text (the spaces
    # taken out only where there are any: replace gives the text itself where not)
    bare = text.replace("\u3000", "").replace(" ", "")
    present = list(filter(bare.__contains__, names))
    if not present:
        return ()
    found: list[tuple[int, int]] = []
    for name in present:
        at = text.find(name[0])
        while at >= 0:
            end = _match(text, at, name)
            if end and not any(a < end and at < b for a, b in found):
                found.append((at, end))
            at = text.find(name[0], end or at + 1)
    if not found:
        return ()
    out = []
    for a, b in sorted(found):
        i = text.find(_PART_END, a, b - 1)          # (each ・ but a last character)
        while i >= 0:
            out.append((a, i + 1))
            a = i + 1
            i = text.find(_PART_END, a, b - 1)
        out.append((a, b))
    return tuple((a, b) for a, b in out if b - a > 1)


def _match(text: str, at: int, name: str) -> int:
    """Where `name` ends if it starts at text[at] (a space allowed between two of its
    characters), else 0."""
    i = at + 1
    for ch in name[1:]:
        if i < len(text) and text[i] in _SPACES and text[i] != ch:
            i += 1
        if i >= len(text) or text[i] != ch:
            return 0
        i += 1
    return i
