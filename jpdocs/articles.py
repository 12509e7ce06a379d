"""The text of an agreement (協定書) as plain data for templates/agreement.xml.j2.

From the spec's `agreement:` section (its `document:`), its parties and the
standard set of articles the spec chooses (article_sets.py) this module decides
what the agreement says: its title, the preamble defining the labels (甲, 乙 … or
one word such as 両市), the articles — the standard set's, changed, removed and
added to by the spec, each marked with where it came from — numbered as horizontally written
local-government documents number them (第１条, paragraphs ２, ３, items （１）,
sub-items ア), the closing clause, the date line and one signatory per party.
Numbers are written in the house digit style; the Japanese wording rules
(enumerations, labels, periods, dates) are those of japanese.py. The template
only prints what is here.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from . import japanese
from .article_sets import choose, load_sets
from .errors import InputError, Problem, fail
from .schema import ClauseSpec, Party, SubItemSpec
from .source import dotted
from .spec import LoadedSpec
from .term import Term, term_of


@dataclass(frozen=True)
class Entry:
    """A numbered item (号, marker （１）) or a sub-item (細目, marker ア)."""
    marker: str
    text: str
    entries: tuple["Entry", ...] = ()


@dataclass(frozen=True)
class Clause:
    """A paragraph (項) of an article: the first has no marker, then ２, ３ …"""
    marker: str
    text: str
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Article:
    name: str          # purpose, areas … or an extra article's name
    number: str        # 第１条
    heading: str       # 目的
    clauses: tuple[Clause, ...]
    origin: str = "spec"   # "standard": as the standard set has it; "changed": the set's, changed by the spec


@dataclass(frozen=True)
class Signatory:
    label: str         # 甲, or "" when one word names all parties (両市)
    field: str         # the PDF signature field over the seal place
    address: str
    organisation: tuple[str, ...]  # lines; empty when the title already names it
    title: str
    name: str


@dataclass(frozen=True)
class AgreementText:
    title: str                     # …との包括連携に関する協定書
    title_lines: tuple[str, ...]   # the title broken where it reads well
    preamble: str
    articles: tuple[Article, ...]
    closing: str
    date: str                      # 令和６年２月27日
    signatories: tuple[Signatory, ...]
    labels: tuple[str, ...]        # 甲, 乙 …; empty with one word for all
    standard: str = ""             # the standard set chosen, and its file
    standard_file: str = ""
    term: Term | None = None       # the term of validity the text states


CLOSING = "本協定の締結を証するため、本書{n}通を作成し、{compact}記名押印の上、各自その{one}通を保有する。"
ITEM_MARKER = "（{n}）"


def document_title(title: str) -> str:
    """The agreement's own title from the name of the agreement:
    …との包括連携協定 → …との包括連携に関する協定書; …協定 → …協定書."""
    if title.endswith("協定書"):
        return title
    if title.endswith("連携協定"):
        return title[:-2] + "に関する協定書"
    if title.endswith("協定"):
        return title + "書"
    return title + "に関する協定書"


def title_lines(title: str, max_chars: int = 30) -> tuple[str, ...]:
    """A long title broken after its last との (…北見工業大学との / 包括連携に関する協定書),
    the way a title is set on two lines, rather than wherever the line fills."""
    if len(title) <= max_chars:
        return (title,)
    cut = title.rfind("との")
    if cut <= 0 or cut + 2 >= len(title):
        return (title,)
    return title[:cut + 2], title[cut + 2:]


def party_label_words(spec_labels: str, n: int) -> tuple[list[str], dict[str, str]]:
    """(the labels, one per party, or [] with a collective word) and the phrases
    the articles use: all, compact, any, other."""
    if spec_labels == "甲乙":
        labels = japanese.party_labels(n)
        return labels, {
            "all": japanese.join_japanese(labels),
            "compact": japanese.join_japanese(labels, compact=True),
            "any": japanese.join_japanese(labels, conjunction="又は"),
            "other": "相手方" if n == 2 else "他の当事者",
        }
    word = spec_labels
    return [], {"all": word, "compact": word, "any": word, "other": "相手方" if n == 2 else "他の当事者"}


@dataclass
class _Draft:
    """An article before numbering: its text still holds placeholders when it is the
    standard set's (`fill`); the spec's own text is printed as written."""
    name: str
    heading: str
    text: list
    origin: str
    fill: bool
    otherwise: list | None = None
    key: tuple = ()            # where in the spec it was written (for messages)


def compose(loaded: LoadedSpec, style) -> AgreementText:
    """The agreement document's text, or an InputError naming every problem: each
    article comes from the chosen standard set or from the spec, and a change that
    would have no effect, a duplicate, a missing purpose or no article at all is an
    error rather than a silent guess."""
    spec = loaded.spec
    ag = spec.agreement
    doc = ag.document
    digit_style = style.digits
    problems: list[Problem] = []
    file = str(loaded.path)

    def problem(path: tuple, message: str) -> None:
        problems.append(Problem(file, loaded.line_of(path), dotted(path), message))

    D = ("agreement", "document")
    chosen, set_file = None, ""
    if doc.standard:
        set_file = str(style.article_sets)
        chosen = choose(load_sets(set_file), doc.standard, set_file,
                        (file, loaded.line_of(D + ("standard",)), dotted(D + ("standard",))))
    parties = spec.party_list()
    labels, words = party_label_words(doc.labels, len(parties))
    num = lambda n: japanese.digits(n, digit_style)   # noqa: E731
    term = term_of(ag)

    drafts = _from_set(chosen, ag, term, digit_style, problem) if chosen else []
    _apply_overrides(drafts, chosen, doc, ag, problem)
    _insert_extras(drafts, chosen, doc, problem)
    if not drafts and not problems:
        problem(D, "the agreement has no article: choose a standard set (standard: 包括連携) or write"
                   " the articles under extra_articles")
    seen: dict[str, _Draft] = {}
    for d in drafts:
        if d.heading in seen:
            first = seen[d.heading]
            written = d if d.origin != "standard" or first.origin == "standard" else first   # the spec's key
            problem(written.key, f"two articles are headed 「{d.heading}」 ('{first.name}' and '{d.name}');"
                                 " change or remove one")
        seen.setdefault(d.heading, d)
    uses_purpose = [d for d in drafts if d.fill and "{purpose}" in _all_text(d.text)]
    if uses_purpose and not doc.purpose:
        d = uses_purpose[0]
        problem(D + ("purpose",), f"the article 「{d.heading}」 of the standard set '{doc.standard}' states the"
                                  " agreement's purpose (…{purpose}ことを目的とする。): write it as document.purpose"
                                  " (…を図る), or give that article a text of its own")
    subject = doc.subject or (chosen.subject if chosen else None)
    if not subject:
        problem(D + ("subject",), "write document.subject, the preamble's …は、<subject>に関し、次のとおり協定を"
                                  "締結する。 (no standard set gives one)")
    if problems:
        raise InputError(problems)

    names = [f"{p.formal_name or p.name}" for _, p in parties]
    if labels:
        defined = [f"{name}（以下「{label}」という。）" for name, label in zip(names, labels)]
        preamble_parties = japanese.join_parties(defined)
    else:
        preamble_parties = japanese.join_parties(names) + f"（以下「{doc.labels}」という。）"
    preamble = f"{preamble_parties}は、{subject}に関し、次のとおり協定を締結する。"

    purpose = (doc.purpose or "").removesuffix("こと")
    order = [d.name for d in drafts]
    articles = []
    for i, d in enumerate(drafts):
        text = d.text
        if d.fill and d.otherwise is not None and any(r not in order for r in _refs(text)):
            text = d.otherwise
        fill = (lambda t, i=i: _fill(t, words, order, i, loaded, d, purpose, num)) if d.fill else (lambda t: t)
        clauses = tuple(_clause(j, c, fill, num) for j, c in enumerate(text))
        articles.append(Article(d.name, f"第{num(i + 1)}条", d.heading, clauses, d.origin))

    closing = doc.closing or CLOSING.format(n=num(len(parties)), compact=words["compact"], one=num(1))
    date = japanese.format_date(ag.signing_date, digit_style, western=False, weekday=False)
    signatories = tuple(_signatory(labels[i] if labels else "", party)
                        for i, (_, party) in enumerate(parties))
    full_title = doc.title or document_title(ag.title)
    return AgreementText(full_title, title_lines(full_title), preamble, tuple(articles), closing, date,
                         signatories, tuple(labels), doc.standard or "", set_file, term)


def _from_set(chosen, ag, term, digit_style: str, problem) -> list[_Draft]:
    doc = ag.document
    out = []
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
                items.append(art.catch_all)
            text = [ClauseSpec(text=art.lead, items=items)]
        elif art.generated == "validity":
            text = [validity_text(term, digit_style)]
        else:
            text = list(art.text)
        out.append(_Draft(art.name, art.heading, text, "standard", True,
                          list(art.otherwise) if art.otherwise else None, key))
    return out


def validity_text(term: Term, digit_style: str) -> str:
    """第Ｎ条（有効期間）: the term as term.py computes it, with its renewal."""
    fmt = lambda d: japanese.format_date(d, digit_style, western=False, weekday=False)  # noqa: E731
    begin = fmt(term.start) if term.start_given else "本協定の締結の日"
    text = f"本協定の有効期間は、{begin}から{fmt(term.end)}までとする。"
    if term.renewal:
        length = japanese.format_period(*term.term, digit_style, duration=True)
        by = (f"有効期間満了の日の{japanese.format_period(*term.notice, digit_style)}前までに"
              if term.notice else "有効期間満了の日までに")
        text += (f"ただし、{by}、{{any}}のいずれからも書面による別段の意思表示がないときは、"
                 f"有効期間満了の日の翌日から起算して{length}延長するものとし、以後も同様とする。")
    return text


def _apply_overrides(drafts: list[_Draft], chosen, doc, ag, problem) -> None:
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
            drafts.remove(here)
            continue
        here.key = key
        if o.heading:
            here.heading, here.origin = o.heading, "changed"
        if o.text is not None:
            here.text, here.fill, here.origin, here.otherwise = list(o.text), False, "changed", None


def _insert_extras(drafts: list[_Draft], chosen, doc, problem) -> None:
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
        drafts.insert(at, _Draft(extra.name or f"extra-{i + 1}", extra.heading, list(extra.text), "spec", False,
                                 None, key + ("heading",)))


_PLACEHOLDER = re.compile(r"\{(all|compact|any|other|purpose|ref:[^{}]+)\}")


def _all_text(text) -> str:
    out = []
    for c in text:
        if isinstance(c, str):
            out.append(c)
        else:
            out.append(c.text)
            for item in c.items:
                out.append(item if isinstance(item, str) else item.text + "".join(item.items))
    return "\n".join(out)


def _refs(text) -> list[str]:
    return [m.group(1)[4:] for m in _PLACEHOLDER.finditer(_all_text(text)) if m.group(1).startswith("ref:")]


def _fill(text: str, words: dict, order: list[str], here: int, loaded, draft: _Draft, purpose: str, num) -> str:
    def sub(found):
        key = found.group(1)
        if key == "purpose":
            return purpose
        if key.startswith("ref:"):
            target = key[4:]
            if target not in order:
                path = ("agreement", "document", "articles", draft.name)
                raise fail(str(loaded.path), f"the article '{draft.name}' refers to the article '{target}', which is"
                           f" not in this agreement; give '{draft.name}' a text of its own under"
                           " agreement.document.articles, or remove it too", loaded.line_of(path), dotted(path))
            i = order.index(target)
            return "前条" if i == here - 1 else f"第{num(i + 1)}条"
        return words[key]
    return _PLACEHOLDER.sub(sub, text)


def _clause(j: int, c, fill, num) -> Clause:
    """One paragraph, with its items (1) and sub-items ア."""
    marker = "" if j == 0 else num(j + 1)
    if isinstance(c, str):
        return Clause(marker, fill(c))
    entries = []
    for k, item in enumerate(c.items):
        mark = ITEM_MARKER.format(n=num(k + 1))
        if isinstance(item, str):
            entries.append(Entry(mark, fill(item)))
        else:
            subs = tuple(Entry(japanese.sub_item_marker(s + 1), fill(t)) for s, t in enumerate(item.items))
            entries.append(Entry(mark, fill(item.text), subs))
    return Clause(marker, fill(c.text), tuple(entries))


def _signatory(label: str, party: Party) -> Signatory:
    """Address, organisation and title/name. A formal name written with a full-width
    space (国立大学法人…機構　北見工業大学) is set on two lines; a line the title begins
    with is left out (北海道オホーツク総合振興局 before 北海道オホーツク総合振興局長,
    北見工業大学 before 北見工業大学学長), as signature blocks do not name it twice."""
    org = party.formal_name or party.name
    title = party.signer().title
    lines = [] if title.startswith(org) else [x for x in org.split("　") if x]
    if lines and title.startswith(lines[-1]):
        lines.pop()     # 国立大学法人…機構 / 北見工業大学学長: the title names the school
    return Signatory(label, label or party.short_name or party.name, party.address or "", tuple(lines), title,
                     party.signer().name)
