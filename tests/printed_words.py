"""The proof-reader's check of words: every word a built document prints is the spec's,
its house style's, or the product's standard wording (listed here, each where it comes
from). A fact the spec did not give (a name, a title, 様, a term) shows as a residue.

The PDF's text is read with its spaces and line breaks removed (NFKC, as the real
cases' facts are compared); every string the spec and its house style (and the
product's default house style) hold is taken out, longest first, then the product's
standard phrases; figures and punctuation are printed_figures.py's to check. What is
left must be one of the characters the product sets of its own: the parts of its dates
and times, its numbering and marks, 印, 記, 案. A word of one character the spec or its
style writes (a label 甲 or 市, an honorific 氏) counts as its own.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import yaml

HOUSE_STYLE = Path(__file__).resolve().parent.parent / "templates" / "house-style.yaml"

# the product's standard phrases (jpdocs/content/agreement/wording.py's generated closing:
# …の締結を証するため、本書２通を作成し、甲乙記名押印の上、各自その１通を保有する。; the
# 記 item of an attachment, 別添「協定概要」のとおり; a phone's 内線 (extension); the
# agreement's 附則 heading; a draft's 案)
STANDARD = ("の締結を証するため", "の成立を証するため", "本書", "通を作成し", "記名押印の上", "署名の上",
            "各自その", "通を保有する", "通を保有します", "本協定", "本覚書", "別添「", "」のとおり", "内線",
            "附則", "及び", "が")
# what the product prints of its own, a character at a time: the parts of dates and times
# (令和元年７月１日（月曜日）午後２時), numbering (第３条, 第２章, 一, ア), marks and brackets,
# the seal place 印, 記, 案, 〒
OWN = set("年月日時分曜月火水木金土日午前後元平成令和昭和大正明治第条章項号印記案〒甲乙丙丁戊己"
          "一二三四五六七八九十アイウエオカキクケコ"
          "○◯●■•・◆【】[]<>/()（）「」『』:：~～-－.,、。 ")


def _strings(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        if node and all(isinstance(v, str) for v in node):
            yield "".join(node)           # a title broken as the text breaks it: [一行目, 二行目]
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def said_words(spec: dict, style: dict | None = None) -> list[str]:
    """The spec's strings (and its style's, and the default house style's), folded,
    longest first."""
    house = yaml.safe_load(HOUSE_STYLE.read_text(encoding="utf-8"))
    # a house style's form ({number}.) is its words around the placeholders: （例{number}） → （例, ）
    found = {piece for part in (spec, style or {}, house) for s in _strings(part)
             for piece in re.split(r"\{[a-z_]*\}", fold(s))}
    return sorted((w for w in found if w), key=len, reverse=True)


def unsaid_words(text: str, said: list[str]) -> list[str]:
    """The runs of `text` that are neither the spec's words nor the product's own. A
    character is the spec's where any of its words (of two characters or more) covers
    it: words may overlap (総務省消防庁 and 消防庁長官 over 総務省消防庁長官)."""
    folded = fold(text)
    covered = [False] * len(folded)
    for word in [w for w in said if len(w) > 1] + [fold(w) for w in STANDARD]:
        at = folded.find(word)
        while at >= 0:
            covered[at:at + len(word)] = [True] * len(word)
            at = folded.find(word, at + 1)
    own = OWN | {w for w in said if len(w) == 1}
    rest = "".join("|" if hit or c in own or c.isdigit() else c for c, hit in zip(folded, covered))
    return [run for run in rest.split("|") if run]
