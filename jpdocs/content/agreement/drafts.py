"""The articles before numbering: the chosen standard set's (their placeholders
still to fill), changed or removed by the spec by name, and the spec's own added
before, after or at the end. A change that names no article, or could not show, is
an error: a change the spec states must never vanish.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from ...spec.schema import ClauseSpec, SubItemSpec
from .wording import validity_text


@dataclass
class Draft:
    """An article before numbering: its text still holds placeholders when it is the
    standard set's (`fill`); the spec's own text is printed as written."""
    name: str
    heading: str | None        # None: an article of the spec's own without a heading
    text: list
    origin: str
    fill: bool
    otherwise: list | None = None
    key: tuple = ()            # where in the spec it was written (for messages)
    number: int | None = None  # as the text numbers it, where it skips one (numbers.py)
    number_key: tuple = ()
    new_page: bool | str = False   # the spec's: a new page before it (true) or after its heading


def from_set(chosen, ag, term, digit_style: str, problem, self_word: str = "本協定", writing: str = "である",
             blank_date: str = "", calendar: str = "era", comma: str = "、") -> list[Draft]:
    """The chosen set's articles, in the house's comma (its wording is the house's:
    、 → ，); the spec's areas listed in the 連携事項 article stay as written."""
    doc = ag.document
    out = []
    house = (lambda t: with_comma(t, comma)) if comma != "、" else (lambda t: t)   # noqa: E731
    for art in chosen.articles:
        key = ("agreement", "document", "standard")
        if art.generated == "areas":
            if not ag.areas:
                continue            # nothing to list: no 連携事項 article
            items = [SubItemSpec(text=a.heading, items=a.items if doc.area_items else []) for a in ag.areas]
            if art.catch_all and doc.catch_all:
                last = ag.areas[-1].heading
                if last.startswith("その他"):
                    problem(("agreement", "areas", len(ag.areas) - 1, "heading"),
                            f"the last area 「{last}」 is a catch-all, and the standard set adds its own"
                            f" (「{art.catch_all}」): remove this area, or say document.catch_all: false")
                items.append(house(art.catch_all))
            text = [ClauseSpec(text=house(art.lead), items=items)]
        elif art.generated == "validity":
            text = [validity_text(term, digit_style, self_word, writing, blank_date, calendar, comma)]
        else:
            text = house(list(art.text))
        out.append(Draft(art.name, art.heading, text, "standard", True,
                          house(list(art.otherwise)) if art.otherwise else None, key))
    return out


def with_comma(text, comma: str):
    """An article's text (strings, paragraphs with items and sub-items) with each 、
    written as `comma`."""
    if isinstance(text, str):
        return text.replace("、", comma)
    if isinstance(text, list):
        return [with_comma(t, comma) for t in text]
    if isinstance(text, ClauseSpec):
        return ClauseSpec(text=with_comma(text.text, comma), items=with_comma(list(text.items), comma))
    if isinstance(text, SubItemSpec):
        return SubItemSpec(text=with_comma(text.text, comma), items=with_comma(list(text.items), comma))
    return text


def prints_generated_term(chosen, doc) -> bool:
    """Whether the document prints the chosen set's 有効期間 article as it is made from
    the term (term.py): the set has one, and the spec neither removes it nor gives it
    a text of its own."""
    for art in chosen.articles:
        if art.generated == "validity":
            change = doc.articles.get(art.name)
            return change is None or (not change.remove and change.text is None)
    return False


def apply_overrides(drafts: list[Draft], chosen, doc, ag, problem) -> None:
    """The spec's changes to standard articles, by name; one that names no article of
    the chosen set, or one that cannot show (the 連携事項 article of a spec with no
    areas), is an error: a change the spec states must never vanish."""
    known = [a.name for a in chosen.articles] if chosen else []
    for name, o in doc.articles.items():
        key = ("agreement", "document", "articles", name)
        if chosen is None:
            problem(key, "articles: changes articles of a standard set, and no set is chosen (standard:);"
                         " write this article under extra_articles")
            continue
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; its articles: {', '.join(known)}"
            problem(key, f"the standard set '{doc.standard}' has no article named '{name}'{hint}")
            continue
        here = next((d for d in drafts if d.name == name), None)
        if here is None:
            problem(key, f"the article '{name}' is made from agreement.areas, and this spec has none, so this"
                         " change would not show: add the areas, or write the article under extra_articles")
            continue
        if o.remove:
            if o.heading or o.text:
                problem(key, "remove: true together with a heading or text: say one or the other")
            if o.new_page:
                problem(key + ("new_page",), "a new page before an article that remove: true takes out:"
                                             " it would have no effect")
            drafts.remove(here)
            continue
        here.key = key
        here.new_page = o.new_page
        if o.heading:
            here.heading, here.origin = o.heading, "changed"
        if o.text is not None:
            here.text, here.fill, here.origin, here.otherwise = list(o.text), False, "changed", None


def insert_extras(drafts: list[Draft], chosen, doc, problem) -> None:
    standard_order = [a.name for a in chosen.articles] if chosen else []
    for i, extra in enumerate(doc.extra_articles):
        key = ("agreement", "document", "extra_articles", i)
        names = [d.name for d in drafts]
        ref = extra.after or extra.before
        if ref and ref not in names and ref not in standard_order:
            known = names + [n for n in standard_order if n not in names]
            close = difflib.get_close_matches(ref, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(known)}"
            problem(key + ("after" if extra.after else "before",), f"no article is named '{ref}'{hint}")
            continue
        if extra.after and extra.after in names:
            at = names.index(extra.after) + 1
        elif extra.before and extra.before in names:
            at = names.index(extra.before)
        elif ref:
            # next to a removed standard article: where it would have been, after the
            # last article still there that came before it in the set
            earlier = standard_order[:standard_order.index(ref) + (1 if extra.after else 0)]
            at = max((j + 1 for j, n in enumerate(names) if n in earlier), default=0)
        else:
            last = standard_order[-1] if standard_order else None
            at = names.index(last) if last in names and last == "consultation" else len(drafts)
        drafts.insert(at, Draft(extra.name or f"extra-{i + 1}", extra.heading, list(extra.text), "spec", False,
                                 None, key + ("heading",), extra.number, key + ("number",), extra.new_page))
