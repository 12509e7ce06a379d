"""An agreement's own preamble as the text sets it (document.preamble as a list): its
paragraphs, each a line of its own begun as the preamble is; a heading over them, set
as the articles' headings are (（基本方針）, 厚生労働省 and 国税庁税務大学校's 覚書 of 2024);
a centred line under them (記, between the preamble and the articles: 日本年金機構, 国税庁
and 厚生労働省's 協定書 of 2017). A heading anywhere but first would head nothing of the
preamble, a centred line anywhere but last would stand inside it, and a list of one
paragraph alone is a line: each is refused at its entry."""
from __future__ import annotations

from dataclasses import dataclass

from .prose import ProseCentredLine

D = ("agreement", "document", "preamble")


@dataclass(frozen=True)
class PreambleHeadingLine:
    """The preamble's heading as printed, in the house's form of an article's heading
    (（基本方針）), at the articles' headings' indent (em)."""
    heading: str
    indent: float


def check_preamble(preamble, article_heading: str, problem) -> None:
    """A list's heading first, its centred line last, at least one paragraph, and more
    than one entry; its heading set in a house form that holds no article number."""
    if not isinstance(preamble, list):
        return
    for i, part in enumerate(preamble):
        if hasattr(part, "heading") and i > 0:
            problem(D + (i,), "a heading of the preamble stands over its paragraphs: write it first")
        if hasattr(part, "align") and i < len(preamble) - 1:
            problem(D + (i,), f"a centred line of the preamble ({part.text}) stands between the preamble and"
                              " the articles: write it last")
    paragraphs = [p for p in preamble if isinstance(p, str)]
    if not paragraphs:
        problem(D, "the preamble has no paragraph: write its text, or preamble: false for none")
    elif len(preamble) == 1:
        problem(D, "a preamble of one paragraph is written as a line (preamble: …), not a list of one")
    if hasattr(preamble[0], "heading") and ("{number}" in article_heading or not article_heading):
        how = ("with their numbers (第１条（目的）), which a preamble has not" if article_heading
               else "run into their articles' first lines, where a preamble has no number to lead")
        problem(D + (0,), f"a heading of the preamble is set as the articles' headings are, and the house sets"
                          f" theirs {how} (agreement.article_heading): the heading cannot be set so; the house"
                          " would set the articles' headings on lines of their own, without the number")


def preamble_parts(preamble: str, given, article_heading: str, indent: float) -> tuple:
    """The preamble as the template prints it: each paragraph a string, the heading its
    PreambleHeadingLine, the centred line its ProseCentredLine; the generated or one-line
    preamble its one string, none without."""
    if not isinstance(given, list):
        return (preamble,) if preamble else ()
    return tuple(p if isinstance(p, str)
                 else PreambleHeadingLine(article_heading.replace("{heading}", p.heading), indent)
                 if hasattr(p, "heading") else ProseCentredLine(p.text) for p in given)
