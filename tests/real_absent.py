"""What a real case's `absent:` entry means, and whether its built text prints it
(tests/test_real_cases.py; the format: tests/data/real/README.md).

Texts are compared folded (NFKC, spaces and line breaks out: test_real_cases.fold), so a
fragment is found wherever it stands, inside a longer word too. That is right for a
name or a sentence (中川町役場の会議室), and wrong for a character that stands inside
words: `記` meant the 記 heading and found 記念撮影 (a right page failed; so the facts
checked 日時 or 記1 in its place, and a 記 block without them passed), `印` meant the
seal mark by a block and found 調印 (a facts file could not say it at all). An entry
says which it means:

- `記念撮影` (a string): the fragment, anywhere;
- `{line: 記}`: no line of the built PDF, as a reader sees it, is this whole;
- `{text: 印, except_in: [調印, 印刷費]}`: the fragment nowhere but inside the words
  named (each holding it); `{text: 甲}` alone: nowhere, inside a word or not.

A string of one letter (a kanji or kana: 記, 様, 印, 甲) is refused: it always stands
inside words, so it says neither.
"""
from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Compare facts whatever the widths and spaces: the office's page (HTML, often
    half-width) and the house style (full-width one-digit numbers, （）) agree here."""
    text = unicodedata.normalize("NFKC", text).replace("〜", "~")
    return re.sub(r"\s+", "", text)


def refusal(entry) -> str | None:
    """Why an `absent:` entry says nothing sure (None: it is clear)."""
    if isinstance(entry, dict):
        keys = set(entry)
        if keys == {"line"} and isinstance(entry["line"], str) and fold(entry["line"]):
            return None
        if keys in ({"text"}, {"text", "except_in"}) and isinstance(entry["text"], str) and fold(entry["text"]):
            words = entry.get("except_in", [])
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                return f"{entry}: except_in is a list of words"
            outside = [w for w in words if fold(entry["text"]) not in fold(w) or fold(w) == fold(entry["text"])]
            return f"{entry}: each word of except_in holds the text and is longer: not {outside}" if outside else None
        return f"{entry}: an entry is a string, {{line: …}} or {{text: …, except_in: […]}}"
    text = fold(str(entry))
    if len(text) == 1 and unicodedata.category(text).startswith("L"):
        return (f"{entry}: one letter stands inside words (記念, 皆様, 調印): write {{line: {text}}} for a line of"
                f" its own, or {{text: {text}, except_in: [the words it may stand in]}}")
    return None


def _starts(part: str, text: str) -> list[int]:
    """Where `part` begins in `text`, overlaps too (、、 in 、、、: 0 and 1)."""
    return [m.start() for m in re.finditer(f"(?={re.escape(part)})", text)]


def prints_absent(entry, text: str, lines) -> bool:
    """Whether the built text prints what the entry holds absent: `text` the PDFs' text
    folded, `lines` a callable giving the set of their lines folded (read only where
    an entry asks for a line)."""
    if isinstance(entry, dict) and "line" in entry:
        return fold(entry["line"]) in lines()
    if not isinstance(entry, dict):
        return fold(str(entry)) in text
    part = fold(entry["text"])
    words = [fold(w) for w in entry.get("except_in", [])]
    for at in _starts(part, text):
        inside = any(text[at - k:at - k + len(w)] == w for w in words for k in _starts(part, w) if at >= k)
        if not inside:
            return True
    return False
