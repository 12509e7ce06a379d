"""The house's standard articles (雛形): named sets of articles in a YAML file of the
house style's (`article_sets:`, bundled: templates/articles.yaml), which a spec
chooses by name (agreement.document.standard). The file is the office's own to
edit; the format is described at the top of the bundled one.
"""
from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

from ... import writing_style
from ...errors import InputError, Problem, fail
from ...spec.schema import ArticleText, Line, Strict
from ...spec.schema_messages import problems_of
from ...spec.parsed import load_yaml_kept
from ...spec.source import dotted, line_of
from ...spec.strict import Field, ValidationError, model_validator


class StandardArticle(Strict):
    name: Line
    heading: Line
    text: Optional[ArticleText] = None
    generated: Optional[Literal["areas", "validity"]] = None   # made from the spec's data
    lead: Optional[Line] = None        # areas: the paragraph before the list
    catch_all: Optional[Line] = None   # areas: the last item (その他…)
    otherwise: Optional[ArticleText] = None   # the text when an article it refers to is absent

    @model_validator(mode="after")
    def _text_or_generated(self):
        if (self.text is None) == (self.generated is None):
            raise ValueError("give an article either text: or generated: (areas or validity)")
        if self.generated == "areas" and not self.lead:
            raise ValueError("the generated areas article needs lead: (the paragraph before the list)")
        if (self.lead or self.catch_all) and self.generated != "areas":
            raise ValueError("lead: and catch_all: belong to the generated areas article only")
        return self


class StandardSet(Strict):
    subject: Optional[Line] = None     # the preamble's …に関し
    writing: Literal["である", "です・ます"] = "である"   # the style its texts are written in
    articles: list[StandardArticle] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self):
        names = [a.name for a in self.articles]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"article names must differ: {', '.join(twice)} used twice")
        return self


def _texts(article: StandardArticle) -> list[tuple[tuple, str]]:
    """(key path within the article, text) of every text an article holds."""
    out = [((key,), getattr(article, key)) for key in ("lead", "catch_all") if getattr(article, key)]
    for key in ("text", "otherwise"):
        for j, text in enumerate(getattr(article, key) or []):
            if isinstance(text, str):
                out.append(((key, j), text))
                continue
            out.append(((key, j, "text"), text.text))
            for k, item in enumerate(text.items):
                if isinstance(item, str):
                    out.append(((key, j, "items", k), item))
                else:
                    out.append(((key, j, "items", k, "text"), item.text))
                    out += [((key, j, "items", k, "items", m), t) for m, t in enumerate(item.items)]
    return out


def _wording_problems(name: str, lines, set_name: str, chosen: StandardSet) -> list[Problem]:
    """A set's texts are written in its style (writing:) and call the document {doc},
    never 本協定 itself: the same set serves a 覚書; and they break no page (new_page):
    the same set serves every agreement."""
    problems = []
    for i, article in enumerate(chosen.articles):
        for sub, text in _texts(article):
            loc = (set_name, "articles", i) + sub
            wrong = writing_style.other_style(text, chosen.writing)
            if wrong:
                problems.append(Problem(name, line_of(lines, loc), dotted(loc),
                                        f"「{wrong}」 is not written {chosen.writing} as the set is (writing:):"
                                        " a document is written in one style"))
            if "本協定" in text:
                problems.append(Problem(name, line_of(lines, loc), dotted(loc),
                                        "writes 本協定: write {doc}, which becomes the document's own word"
                                        " (本協定, 本覚書 …)"))
    for i, article in enumerate(chosen.articles):
        for key in ("text", "otherwise"):
            for j, para in enumerate(getattr(article, key) or []):
                if getattr(para, "new_page", False):
                    loc = (set_name, "articles", i, key, j, "new_page")
                    problems.append(Problem(name, line_of(lines, loc), dotted(loc),
                                            "a standard set's paragraph begins no new page: where a signed"
                                            " copy breaks its pages is the spec's to say (new_page on the"
                                            " paragraph it changes under document.articles)"))
    return problems


def load_sets(path: Path | str) -> dict[str, StandardSet]:
    """The sets of a file, validated; every problem with its file, line and key."""
    path = Path(path)
    st = path.stat() if path.is_file() else None
    return _load(str(path), st.st_mtime_ns if st else None, st.st_size if st else None)


@lru_cache(maxsize=8)
def _load(name: str, *_stamp) -> dict[str, StandardSet]:
    if not Path(name).is_file():
        raise fail(name, "the house style's standard articles file (article_sets:) does not exist")
    data, lines = load_yaml_kept(Path(name))
    if not isinstance(data, dict) or not data:
        raise fail(name, "a file of standard articles is a mapping of set names to sets"
                         " (包括連携: {subject: …, articles: [...]})", 1)
    out, problems = {}, []
    for set_name, body in data.items():
        try:
            out[str(set_name)] = StandardSet.model_validate(body)
            problems += _wording_problems(name, lines, set_name, out[str(set_name)])
        except ValidationError as exc:
            problems += problems_of(exc, name, lines, root=StandardSet, prefix=(set_name,))
    if problems:
        raise InputError(problems)
    return out


def choose(sets: dict[str, StandardSet], wanted: str, file: str, where: tuple[str, int | None, str]) -> StandardSet:
    """The set a spec names, or an error at the spec's key naming the sets there are."""
    if wanted in sets:
        return sets[wanted]
    close = difflib.get_close_matches(wanted, list(sets), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    spec_file, line, key = where
    raise InputError([Problem(spec_file, line, key, f"no standard set of articles is named '{wanted}' in {file}"
                                                    f"{hint} (sets there: {', '.join(sets)})")])
