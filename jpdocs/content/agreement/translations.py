"""An agreement's text in another language (document.translations, spec/translation.py)
as the template prints it: the spec's title, paragraphs, date line and each party's
block, as written. The checks keep it whole and the parties' own: every party signs it
once (no block left out, none for a party the spec does not have), one text a language,
and no Japanese character in it (the text is set as English, by none of the Japanese
rules, and marked English in the PDF and the DOCX)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...party_words import with_names

# hiragana, katakana, kanji and the full-width forms (、。「」（）ＡＢ１２): none is English
_JAPANESE = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass(frozen=True)
class TranslationText:
    """The text in one other language, each string as the spec writes it."""
    lang: str                                  # en
    title_lines: tuple[str, ...]
    paragraphs: tuple[str, ...]
    date: str                                  # "" where the text has no date line of its own
    signers: tuple[tuple[str, ...], ...]       # each block's lines, in the text's order


def compose_translations(translations, names: dict[str, str], problem) -> tuple[TranslationText, ...]:
    """The spec's `document.translations`, or problems (by `problem(path, message)`);
    `names`: {id: name} of the agreement's parties (party_words.party_names)."""
    party_ids = list(names)
    out, seen = [], set()
    for i, t in enumerate(translations):
        at = ("agreement", "document", "translations", i)
        if t.language in seen:
            problem(at + ("language",), f"the text in '{t.language}' is given twice: give each language's text once")
        seen.add(t.language)
        title = tuple(t.title) if isinstance(t.title, list) else (t.title,)
        texts = [(at + ("title",), line) for line in title] + \
                [(at + ("paragraphs", k), para) for k, para in enumerate(t.paragraphs)] + \
                ([(at + ("date",), t.date)] if t.date else []) + \
                [(at + ("signers", k, "lines", j), line) for k, s in enumerate(t.signers)
                 for j, line in enumerate(s.lines)]
        for key, text in texts:
            found = _JAPANESE.search(text)
            if found:
                problem(key, f"「{found.group()}」 is not English: the text in 'en' is set as English, by none of"
                             " the Japanese rules; write it as that text has it")
        signed = []
        for k, s in enumerate(t.signers):
            if s.party not in party_ids:
                problem(at + ("signers", k, "party"), f"no party is named '{s.party}'; known:"
                                                      f" {with_names(party_ids, names)}")
            elif s.party in signed:
                problem(at + ("signers", k, "party"), f"'{s.party}' signs the text in '{t.language}' twice:"
                                                      " one block a party")
            signed.append(s.party)
        for pid in party_ids:
            if pid not in signed:
                problem(at + ("signers",), f"'{pid}' signs the Japanese text and has no block in the text in"
                                           f" '{t.language}': give its lines as that text sets them")
        out.append(TranslationText(t.language, title, tuple(t.paragraphs), t.date or "",
                                   tuple(tuple(s.lines) for s in t.signers)))
    return tuple(out)
