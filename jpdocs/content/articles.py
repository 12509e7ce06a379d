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
from dataclasses import dataclass, replace

from .. import japanese
from .article_sets import choose, load_sets
from ..errors import InputError, Problem, fail
from ..spec.schema import ClauseSpec, Party, SubItemSpec, Witness
from ..spec.source import dotted
from ..spec.checks import blank_keys, unnamed_signers
from ..spec.load import LoadedSpec
from ..spec.term import Term, term_of


@dataclass(frozen=True)
class Entry:
    """A numbered item (号, marker （１）) or a sub-item (細目, marker ア)."""
    marker: str
    text: str
    entries: tuple["Entry", ...] = ()


@dataclass(frozen=True)
class Clause:
    """A paragraph (項) of an article: the first has no marker, then ２, ３ … `lead`
    is what is printed before its text on its line, the following lines hanging
    under it: ２　 (or, in the house's article form, 第１条　 before the first)."""
    marker: str
    text: str
    entries: tuple[Entry, ...] = ()
    lead: str = ""


@dataclass(frozen=True)
class Article:
    name: str          # purpose, areas … or an extra article's name
    number: str        # 第１条
    heading: str       # 目的; "" for an article the spec writes without one
    clauses: tuple[Clause, ...]
    origin: str = "spec"   # "standard": as the standard set has it; "changed": the set's, changed by the spec
    title: str = ""    # the heading line as the house sets it: 第１条（目的）; "" when run into the text
    title_indent: float = 0.0   # em: one when the number is in the lead (（目的） / 第１条　…)


@dataclass(frozen=True)
class SignatureLine:
    """A line of a signature block: its text (住　所　北海道… with labelled lines) and
    the em its following lines hang by."""
    text: str
    hang: float = 0.0


@dataclass(frozen=True)
class Signatory:
    label: str         # 甲 (or 大学), or "" when one word names all parties (両市)
    field: str         # the PDF signature field over the seal place
    address: str
    organisation: tuple[str, ...]  # lines; empty when the title already names it
    title: str
    name: str          # a draft's blank when left open
    lines: tuple[SignatureLine, ...] = ()   # what the block prints, in order


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
    kind: str = "協定書"            # 協定書, 覚書, 契約書, 確認書
    writing: str = "である"         # である or です・ます, the whole text
    draft: bool = False            # a draft (案): marked on every page
    blanks: tuple[str, ...] = ()   # the keys a draft leaves open
    label_chars: int = 1           # the longest signature-block label (甲: 1; 振興局: 3), for its column
    witnesses: tuple[Signatory, ...] = ()   # 立会人: blocks set after the parties'


CLOSING = "{self}の{act}を証するため、本書{n}通を作成し、{compact}記名押印の上、各自その{one}通を保有する。"
ITEM_MARKER = "（{n}）"


@dataclass(frozen=True)
class Kind:
    """The wording that follows the kind of document: its word (本協定, 協定を締結する),
    the act its closing attests (締結; 確認書: 成立) and the preamble's verb."""
    word: str
    act: str = "締結"
    verb: str = ""        # the preamble's verb when the spec gives none ("": <word>を締結する)


KINDS = {"協定書": Kind("協定"), "覚書": Kind("覚書"), "契約書": Kind("契約"),
         "確認書": Kind("確認書", act="成立", verb="確認する")}


def document_title(title: str, kind: str = "協定書") -> str:
    """The agreement's own title from the name of the agreement:
    …との包括連携協定 → …との包括連携に関する協定書 (a 覚書: …との包括連携に関する覚書);
    …協定 → …協定書; 契約 → 契約書; else …に関する<kind> (unless the name ends with it)."""
    if title.endswith(kind):
        return title
    word = KINDS[kind].word
    if title.endswith("連携協定"):
        return title[:-2] + "に関する" + kind
    if word != kind and title.endswith(word):
        return title + "書"
    return title + "に関する" + kind


def polite(text: str, writing: str) -> str:
    """Generated sentences in the document's style: …とする。 → …とします。 in です・ます."""
    if writing != "です・ます":
        return text
    return re.sub(r"(する|交わす)。", lambda m: {"する": "します", "交わす": "交わします"}[m.group(1)] + "。", text)


def title_lines(title: str, max_chars: int = 30) -> tuple[str, ...]:
    """A long title broken after its last との (…北見工業大学との / 包括連携に関する協定書),
    the way a title is set on two lines, rather than wherever the line fills."""
    if len(title) <= max_chars:
        return (title,)
    cut = title.rfind("との")
    if cut <= 0 or cut + 2 >= len(title):
        return (title,)
    return title[:cut + 2], title[cut + 2:]


def party_label_words(spec_labels, n: int, collective: str | None = None,
                      ids: list[str] | None = None) -> tuple[list[str], dict[str, str]]:
    """(the labels, one per party, or [] with a collective word) and the phrases
    the articles use: all, compact, any, other. `spec_labels` is 甲乙 (甲, 乙, 丙 … by
    order), one word for all (両市), or a label per party id ({city: 市, univ: 大学});
    `collective` (両者) is then the word for all of them in {all} and {compact}."""
    other = "相手方" if n == 2 else "他の当事者"
    if isinstance(spec_labels, dict) or spec_labels == "甲乙":
        if isinstance(spec_labels, dict):
            labels = [spec_labels[i] for i in ids]
            compact = japanese.join_japanese(labels) + "が"     # 市及び大学が協議の上
        else:
            labels = japanese.party_labels(n)
            compact = japanese.join_japanese(labels, compact=True)   # 甲乙協議の上
        return labels, {
            "all": collective or japanese.join_japanese(labels),
            "compact": collective or compact,
            "any": japanese.join_japanese(labels, conjunction="又は"),
            "other": other,
        }
    word = spec_labels
    return [], {"all": word, "compact": word, "any": word, "other": other}


@dataclass
class _Draft:
    """An article before numbering: its text still holds placeholders when it is the
    standard set's (`fill`); the spec's own text is printed as written."""
    name: str
    heading: str | None        # None: an article of the spec's own without a heading
    text: list
    origin: str
    fill: bool
    otherwise: list | None = None
    key: tuple = ()            # where in the spec it was written (for messages)


def compose(loaded: LoadedSpec, style, final: bool = False) -> AgreementText:
    """The agreement document's text, or an InputError naming every problem: each
    article comes from the chosen standard set or from the spec, and a change that
    would have no effect, a duplicate, a missing purpose, text in the other style
    (です・ます in a である document), or no article at all is an error rather than
    a silent guess. final=True (--final) refuses a draft and its blanks."""
    spec = loaded.spec
    ag = spec.agreement
    doc = ag.document
    digit_style = style.digits
    form = style.agreement
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
    kind = KINDS[doc.kind]
    self_word = "本" + kind.word
    writing = doc.writing or (chosen.writing if chosen else "である")
    if chosen and doc.writing and doc.writing != chosen.writing:
        problem(D + ("writing",), f"the standard set '{doc.standard}' is written {chosen.writing}, and the"
                                  f" document is to be written {doc.writing}: choose a set written {doc.writing},"
                                  " or leave writing: out to write as the set does")
    blanks = tuple(dotted(k) for k in blank_keys(spec) + unnamed_signers(spec))   # the note names each
    if final and doc.draft:
        problem(D + ("draft",), "a final build (--final) of a draft: remove draft: true"
                                + (f" and fill in what it leaves open ({', '.join(blanks)})" if blanks else ""))
    if final:
        for k in blank_keys(spec):
            problem(k, "left open (null) in a draft; a final build (--final) needs it written")
    parties = spec.party_list()
    labels, words = party_label_words(doc.labels, len(parties), doc.collective, [i for i, _ in parties])
    words = dict(words, doc=self_word)
    num = lambda n: japanese.digits(n, form.numbering_digits or digit_style)   # noqa: E731
    term = term_of(ag)
    blank_date = style.word("blank_date")

    drafts = _from_set(chosen, ag, term, digit_style, problem, self_word, writing, blank_date) if chosen else []
    _apply_overrides(drafts, chosen, doc, ag, problem)
    _insert_extras(drafts, chosen, doc, problem)
    if not drafts and not problems:
        problem(D, "the agreement has no article: choose a standard set (standard: 包括連携) or write"
                   " the articles under extra_articles")
    seen: dict[str, _Draft] = {}
    for d in drafts:
        if d.heading is None:
            continue                # an article without a heading: nothing to confuse it with
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
    if not subject and doc.preamble is None:
        problem(D + ("subject",), "write document.subject, the preamble's …は、<subject>に関し、次のとおり協定を"
                                  "締結する。 (no standard set gives one), or a preamble of the spec's own")
    _check_own_wording(loaded, doc, drafts, labels, writing, kind, problem)
    _check_witnesses(doc, labels, [p for _, p in parties], problem)
    if problems:
        raise InputError(problems)

    names = [p.formal_name or p.name or style.word("blank_name") for _, p in parties]
    if doc.preamble is not None:
        preamble = doc.preamble or ""      # false: no preamble, the text begins with 第１条
    else:
        if labels:
            # A label that is the party's own name (町田市) needs no definition: no office
            # writes 町田市（以下「町田市」という。）.
            defined = [name if label in party.names() else f"{name}（以下「{label}」という。）"
                       for name, label, (_, party) in zip(names, labels, parties)]
            preamble_parties = japanese.join_parties(defined)
        else:
            preamble_parties = japanese.join_parties(names) + f"（以下「{doc.labels}」という。）"
        verb = f"{kind.word}を{doc.conclude}" if doc.conclude else (kind.verb or f"{kind.word}を締結する")
        preamble = polite(f"{preamble_parties}は、{subject}に関し、次のとおり{verb}。", writing)

    purpose = (doc.purpose or "").removesuffix("こと")
    order = [d.name for d in drafts]
    articles = []
    for i, d in enumerate(drafts):
        text = d.text
        if d.fill and d.otherwise is not None and any(r not in order for r in _refs(text)):
            text = d.otherwise
        fill = (lambda t, i=i: _fill(t, words, order, i, loaded, d, purpose, num)) if d.fill else (lambda t: t)
        clauses = [_clause(j, c, fill, num) for j, c in enumerate(text)]
        number = f"第{num(i + 1)}条"
        if d.heading is None:
            # No heading to set in the house's form: the number stands before the
            # text on its line (第１条　この協定は、…), whatever the form.
            title, lead = "", number + "　"
        else:
            title = _form(form.article_heading, number, d.heading)
            lead = _form(form.article_lead, number, d.heading)
        if lead and clauses:
            clauses[0] = replace(clauses[0], lead=lead)
        indent = 1.0 if title and "{number}" not in form.article_heading else 0.0
        articles.append(Article(d.name, number, d.heading or "", tuple(clauses), d.origin, title, indent))

    closing = doc.closing or polite(CLOSING.format(self=self_word, act=kind.act, n=japanese.digits(len(parties), digit_style),
                                                   compact=words["compact"], one=japanese.digits(1, digit_style)),
                                    writing)
    date = (japanese.format_date(ag.signing_date, digit_style, western=False, weekday=False)
            if ag.signing_date else blank_date)
    signatories = tuple(_signatory(labels[i] if labels else "", party, form, style.word("blank_name"), pid)
                        for i, (pid, party) in enumerate(parties))
    fields = witness_fields(doc.witnesses)
    witnesses = tuple(replace(_signatory(w.label, w, form, style.word("blank_name")), field=field)
                      for w, field in zip(doc.witnesses, fields))
    full_title = doc.title or document_title(ag.title, doc.kind)
    label_chars = max((len(x) for x in labels + [w.label for w in doc.witnesses]), default=0)
    return AgreementText(full_title, title_lines(full_title), preamble, tuple(articles), closing, date,
                         signatories, tuple(labels), doc.standard or "", set_file, term,
                         doc.kind, writing, doc.draft, blanks, label_chars, witnesses)


def witness_fields(witnesses) -> list[str]:
    """The signature field of each witness: its label (立会人), numbered where several
    share one (立会人1, 立会人2), so that each field has a name of its own to sign."""
    count = {}
    for w in witnesses:
        count[w.label] = count.get(w.label, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for w in witnesses:
        seen[w.label] = seen.get(w.label, 0) + 1
        out.append(w.label if count[w.label] == 1 else f"{w.label}{seen[w.label]}")
    return out


def _check_witnesses(doc, labels: list[str], parties, problem) -> None:
    """A witness signs beside the parties and is none of them. The generated closing
    (本書Ｎ通…各自その１通を保有する) counts the parties; whether a witness signs it
    and keeps a copy is the text's to say, never the product's guess, so a witness
    needs the spec's own closing. Its label is no party's (its signature field is
    named after it)."""
    if not doc.witnesses:
        return
    W = ("agreement", "document", "witnesses")
    if not doc.closing:
        problem(W, "an agreement with a witness (立会人) needs its own closing (document.closing): the"
                   " generated one (本書Ｎ通を作成し、…各自その１通を保有する。) counts the parties only,"
                   " and whether the witness signs it and keeps a copy is the text's to say")
    party_fields = set(labels) | {p.short_name or p.name for p in parties if not labels}
    for i, w in enumerate(doc.witnesses):
        if w.label in party_fields:
            problem(W + (i, "label"), f"「{w.label}」 is a party's label: a witness is none of the parties;"
                                      " label it as the text does (立会人)")
        if w.representative.reading:
            problem(W + (i, "representative", "reading"), "a witness's reading is printed nowhere (readings"
                    " are the press notice's, and the witness is not in it): remove it")


def _form(pattern: str, number: str, heading: str) -> str:
    """The house's article form filled in, literally (never str.format)."""
    return pattern.replace("{number}", number).replace("{heading}", heading)


def _own_texts(doc) -> list[tuple[tuple, str]]:
    """(key path, text) of every sentence-bearing text the spec writes itself."""
    D = ("agreement", "document")
    out = []

    def article(path, text):
        for j, c in enumerate(text):
            if isinstance(c, str):
                out.append((path + (j,), c))
            else:
                out.append((path + (j, "text"), c.text))
                for k, item in enumerate(c.items):
                    if isinstance(item, str):
                        out.append((path + (j, "items", k), item))
                    else:
                        out.append((path + (j, "items", k, "text"), item.text))
                        out.extend((path + (j, "items", k, "items", m), t) for m, t in enumerate(item.items))
    for name, o in doc.articles.items():
        if o.text is not None:
            article(D + ("articles", name, "text"), o.text)
    for i, extra in enumerate(doc.extra_articles):
        article(D + ("extra_articles", i, "text"), extra.text)
    for key in ("preamble", "closing"):
        if getattr(doc, key):
            out.append((D + (key,), getattr(doc, key)))
    return out


def _check_own_wording(loaded, doc, drafts, labels, writing, kind, problem) -> None:
    """The spec's own text in the document's style and kind: no です・ます sentence in
    a である document (or the reverse), no 本協定 in a 覚書; an own preamble defines
    every label the document uses."""
    others = ["本" + k.word for name, k in KINDS.items() if name != doc.kind and k.word != KINDS[doc.kind].word]
    for path, text in _own_texts(doc):
        wrong = japanese.other_style(text, writing)
        if wrong:
            other = "です・ます" if writing == "である" else "である"
            problem(path, f"「{wrong}」 is written {other}, and this document is written {writing}"
                          " (document.writing, or its standard set's): write it in one style, never mixed")
        word = next((w for w in others if w in text), None)
        if word:
            problem(path, f"「{word}」 in a {doc.kind}: the document calls itself 本{kind.word}"
                          f" (document.kind: {doc.kind})")
    if doc.preamble is not None:
        # Labels that stand for a party must be defined there; a party's own name
        # (町田市) and a collective word (両市, 両者) speak for themselves.
        parties_by_label = zip(labels, [p for _, p in loaded.spec.party_list()]) if labels else []
        wanted = [w for w, p in parties_by_label if w not in p.names()]
        missing = [w for w in wanted if f"「{w}」" not in (doc.preamble or "")]
        if missing and doc.preamble is False:
            problem(("agreement", "document", "labels"),
                    "without a preamble (preamble: false) nothing defines the label" + ("s " if len(missing) > 1
                    else " ") + "、".join(f"「{w}」" for w in missing) + " the signature blocks print: call each"
                    " party by its own name (labels: {id: name}), or write a preamble that defines them")
        elif missing:
            problem(("agreement", "document", "preamble"),
                    "the preamble does not define the label" + ("s " if len(missing) > 1 else " ")
                    + "、".join(f"「{w}」" for w in missing) + " the document uses (…（以下「"
                    + missing[0] + "」という。）…)")
        if doc.preamble is False and not labels and (doc.standard or not doc.closing):
            # One word for all parties prints nowhere but in the standard set's articles
            # and the generated closing; with neither it names no one undefined.
            problem(("agreement", "document", "labels"),
                    f"without a preamble (preamble: false) nothing defines 「{doc.labels}」, which the "
                    + ("standard set's articles" if doc.standard else "generated closing") + " would print:"
                    " call each party by its own name (labels: {id: name}), or write a preamble")


def _from_set(chosen, ag, term, digit_style: str, problem, self_word: str = "本協定", writing: str = "である",
              blank_date: str = "") -> list[_Draft]:
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
            text = [validity_text(term, digit_style, self_word, writing, blank_date)]
        else:
            text = list(art.text)
        out.append(_Draft(art.name, art.heading, text, "standard", True,
                          list(art.otherwise) if art.otherwise else None, key))
    return out


def validity_text(term: Term, digit_style: str, self_word: str = "本協定", writing: str = "である",
                  blank_date: str = "") -> str:
    """第Ｎ条（有効期間）: the term as term.py computes it, with its renewal, in the
    document's word (本協定, 本覚書) and style; a draft's open end is its blank date."""
    fmt = lambda d: japanese.format_date(d, digit_style, western=False, weekday=False) if d else blank_date  # noqa: E731
    begin = fmt(term.start) if term.start_given else f"{self_word}の締結の日"
    text = f"{self_word}の有効期間は、{begin}から{fmt(term.end)}までとする。"
    if term.renewal:
        length = japanese.format_period(*term.term, digit_style, duration=True)
        by = (f"有効期間満了の日の{japanese.format_period(*term.notice, digit_style)}前までに"
              if term.notice else "有効期間満了の日までに")
        text += (f"ただし、{by}、{{any}}のいずれからも書面による別段の意思表示がないときは、"
                 f"有効期間満了の日の翌日から起算して{length}延長するものとし、以後も同様とする。")
    return polite(text, writing)


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


_PLACEHOLDER = re.compile(r"\{(all|compact|any|other|doc|purpose|ref:[^{}]+)\}")


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


class Referring(str):
    """A text that names other articles by number (第２条): `refs` holds, for each,
    (start, end, article number) within the text, so that the template can mark it
    (<ref>) and the DOCX make it a field. 前条 (the one just before) is relative and
    stays text: a field cannot print it."""
    refs: tuple[tuple[int, int, int], ...] = ()


def _fill(text: str, words: dict, order: list[str], here: int, loaded, draft: _Draft, purpose: str, num) -> str:
    out, refs, pos = [], [], 0
    for found in _PLACEHOLDER.finditer(text):
        out.append(text[pos:found.start()])
        start = sum(map(len, out))
        value = _value(found, words, order, here, loaded, draft, purpose, num)
        if found.group(1).startswith("ref:") and value != "前条":
            refs.append((start, start + len(value), order.index(found.group(1)[4:]) + 1))
        out.append(value)
        pos = found.end()
    out.append(text[pos:])
    filled = Referring("".join(out))
    filled.refs = tuple(refs)
    return filled


def _value(found, words: dict, order: list[str], here: int, loaded, draft: _Draft, purpose: str, num) -> str:
    """The text of one placeholder: a word, the purpose, or an article's number."""
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


def _clause(j: int, c, fill, num) -> Clause:
    """One paragraph, with its items (1) and sub-items ア."""
    marker = "" if j == 0 else num(j + 1)
    lead = marker + "　" if marker else ""
    if isinstance(c, str):
        return Clause(marker, fill(c), (), lead)
    entries = []
    for k, item in enumerate(c.items):
        mark = ITEM_MARKER.format(n=num(k + 1))
        if isinstance(item, str):
            entries.append(Entry(mark, fill(item)))
        else:
            subs = tuple(Entry(japanese.sub_item_marker(s + 1), fill(t)) for s, t in enumerate(item.items))
            entries.append(Entry(mark, fill(item.text), subs))
    return Clause(marker, fill(c.text), tuple(entries), lead)


def _signatory(label: str, party: Party | Witness, form=None, blank_name: str = "", pid: str = "") -> Signatory:
    """Address, organisation and title/name. A formal name written with a full-width
    space (国立大学法人…機構　北見工業大学) is set on two lines; a line the title begins
    with is left out (北海道オホーツク総合振興局 before 北海道オホーツク総合振興局長,
    北見工業大学 before 北見工業大学学長), as signature blocks do not name it twice —
    unless the house style keeps it (organisation_line: always) or labels the lines
    (signature_labels: 住所, 名称, 代表者), where the 名称 line names it whatever the title."""
    org = party.formal_name or party.name
    title = party.signer().title
    if org is None:                       # a draft's party left open: a blank 名称 line;
        org = blank_name if isinstance(party, Party) else ""    # a witness in person: none
    labelled = dict(form.signature_labels) if form is not None else {}
    keep = labelled.get("organisation") or (form is not None and form.organisation_line == "always")
    all_lines = [x for x in org.split("　") if x] or ([org] if org else [])
    lines = list(all_lines) if keep else ([] if title.startswith(org) else list(all_lines))
    if lines and title.startswith(lines[-1]) and not keep:
        lines.pop()     # 国立大学法人…機構 / 北見工業大学学長: the title names the school
    name = party.signer().name or blank_name
    width = max((len(w) for w in labelled.values()), default=0)

    def line(key: str, text: str, first: bool = True) -> SignatureLine:
        if not width:
            return SignatureLine(text)
        word = labelled.get(key, "") if first else ""
        return SignatureLine(_spread(word, width) + "　" + text, width + 1)
    block = []
    if party.address:
        block.append(line("address", party.address))
    block += [line("organisation", x, i == 0) for i, x in enumerate(lines)]
    if form is not None and form.name_line == "with_title":
        block.append(line("title", title + "　" + name))      # 球磨郡錦町長　浅生利夫
    else:
        block.append(line("title", title))
        block.append(line("name", name))
    return Signatory(label, label or party.short_name or party.name or pid, party.address or "", tuple(lines), title,
                     name, tuple(block))


def _spread(word: str, width: int) -> str:
    """A label set in `width` characters, as forms align them: 住所 in three → 住　所."""
    if not word:
        return "　" * width
    if len(word) == 2 and width == 3:
        return word[0] + "　" + word[1]
    return word + "　" * (width - len(word))
