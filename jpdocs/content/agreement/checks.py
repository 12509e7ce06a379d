"""What the agreement's own text must respect, checked where it is composed: the
spec's own sentences in the document's style and kind, an own preamble defining
every label, a witness that is none of the parties and signs a closing the spec
writes itself, and names written by hand (signed_by_hand) beside the closing.
"""
from __future__ import annotations

import re

from ... import writing_style
from ...enumeration import KANJI_ITEMS
from ...party_words import with_names
from ...spec.blank_checks import unnamed_signers
from ...spec.schema.agreement import own_words
from .wording import KINDS


def check_witnesses(doc, labels: list[str], parties, problem, closing_article: str = "") -> None:
    """A witness signs beside the parties and is none of them. The generated closing
    (本書Ｎ通…各自その１通を保有する) counts the parties; whether a witness signs it
    and keeps a copy is the text's to say, never the product's guess, so a witness
    needs the spec's own closing: document.closing, or the last article that makes the
    copies (`closing_article`, with closing: false). Its label is no party's (its
    signature field is named after it)."""
    if not doc.witnesses:
        return
    W = ("agreement", "document", "witnesses")
    if not doc.closing and not (doc.closing is False and closing_article):
        problem(W, "an agreement with a witness (立会人) needs its own closing (document.closing, or a last"
                   " article that makes the copies with closing: false): the"
                   " generated one (本書Ｎ通を作成し、…各自その１通を保有する。) counts the parties only,"
                   " and whether the witness signs it and keeps a copy is the text's to say")
    party_fields = set(labels) | {p.short_name or p.name for p in parties if not labels}
    for i, w in enumerate(doc.witnesses):
        if w.label in party_fields:
            problem(W + (i, "label"), f"「{w.label}」 is a party's label: a witness is none of the parties;"
                                      " label it as the text does (立会人)")
        # (its reading and note, printed nowhere but by a user's template: spec/unprinted.py)


def _check_kind_words(doc, others: list[str], problem) -> set[str]:
    """kind_words_as_written: the words of another kind the signed text calls itself by
    (本覚書 in a 協定書), each printed as written. A word that is no other kind's, or that
    the spec's own text does not write, would have no effect: an error at its key."""
    key = ("agreement", "document", "kind_words_as_written")
    own = "".join(text for _, text in _own_texts(doc))
    kept = set()
    for i, word in enumerate(doc.kind_words_as_written):
        if not others:
            problem(key + (i,), f"a {doc.kind}'s own text is held to no kind's word (its real texts name"
                                " themselves as they please): kind_words_as_written would have no effect")
        elif word not in others:
            problem(key + (i,), f"「{word}」 is not another kind's word for a {doc.kind} ({'、'.join(others)}):"
                                " kind_words_as_written would have no effect")
        elif word not in own:
            problem(key + (i,), f"the spec's own text (preamble, articles, closing) never writes 「{word}」:"
                                " kind_words_as_written would have no effect")
        else:
            kept.add(word)
    return kept


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
        given = getattr(doc, key)
        if isinstance(given, list):      # its paragraphs, each at its own line
            out.extend((D + (key, j), t) for j, t in enumerate(given) if isinstance(t, str))
        elif given:
            out.append((D + (key,), given))
    if doc.supplementary:                # the 附則's paragraphs, in the text's style and kind too
        out.extend((D + ("supplementary", "text", j), t) for j, t in enumerate(doc.supplementary.text))
    for j, p in enumerate(doc.prose):
        if isinstance(p, str):
            out.append((D + ("prose", j), p))
        elif hasattr(p, "align"):        # a line set in the middle (記)
            out.append((D + ("prose", j, "text"), p.text))
        elif hasattr(p, "heading"):      # a section's heading (１　プログラムの目的)
            out.append((D + ("prose", j, "heading"), p.heading))
        else:                            # a list under a paragraph: each entry, and its mark
            out.extend((D + ("prose", j, "items", k), t) for k, t in enumerate(p.items))
            if p.marker:
                out.append((D + ("prose", j, "marker"), p.marker))
    return out


def check_paragraphs(doc, problem) -> None:
    """What an article's paragraph adds to its text: a table, a heading row and at least
    one row under it, every row of as many cells as the headings; its items' own
    marker, with {number} once (or ⑴), and items to mark."""
    D = ("agreement", "document")
    texts = [(D + ("articles", name, "text"), o.text) for name, o in doc.articles.items() if o.text]
    texts += [(D + ("extra_articles", i, "text"), e.text) for i, e in enumerate(doc.extra_articles)]
    for path, text in texts:
        for j, c in enumerate(text):
            if not isinstance(c, str) and c.item_marker is not None:
                at = path + (j, "item_marker")
                if check_item_marker(c.item_marker, at, problem) and not c.items:
                    problem(at, "item_marker marks the paragraph's items, and it has none: it would have no effect")
            check_table([] if isinstance(c, str) else c.table, path + (j, "table"), problem)


def check_item_marker(form: str, at: tuple, problem) -> bool:
    """An items' own marker: {number} once and no other placeholder, or ⑴, or 一
    (items numbered 一, 二 … as laws number them)."""
    if form not in ("⑴", KANJI_ITEMS) and (form.count("{number}") != 1
                                           or re.findall(r"\{(?!number\})[^{}]*\}", form)):
        problem(at, "{number} must appear once in item_marker, and no other placeholder"
                    " (or write ⑴ for items marked ⑴ ⑵ …, 一 for items numbered 一 二 … as laws number them)")
        return False
    return True


def check_table(rows, at: tuple, problem) -> bool:
    """A table (none, or a heading row with rows under it, each as many cells)."""
    if len(rows) == 1:
        problem(at, "a table needs its heading row and at least one row under it")
        return False
    if rows and any(len(r) != len(rows[0]) for r in rows):
        problem(at, f"every row of a table has as many cells as its heading row ({len(rows[0])})")
        return False
    return True


def check_own_wording(loaded, doc, drafts, labels, writing, kind, problem) -> None:
    """The spec's own text in the document's style and kind: no です・ます sentence in
    a である document (or the reverse), no 本協定 in a 覚書; an own preamble defines
    every label the document uses."""
    # the words of the other kinds; none for a kind without a word of its own, whose real
    # texts name themselves as they please (大河原町's 協議書: 次のとおり協定する)
    others = ["本" + k.word for name, k in KINDS.items() if name != doc.kind and k.word
              and kind.word and k.word != kind.word]
    as_written = _check_kind_words(doc, others, problem)
    for path, text in _own_texts(doc):
        wrong = writing_style.other_style(text, writing)
        if wrong:
            other = "です・ます" if writing == "である" else "である"
            problem(path, f"「{wrong}」 is written {other}, and this document is written {writing}"
                          " (document.writing, or its standard set's): write it in one style, never mixed")
        word = next((w for w in others if w in text and w not in as_written), None)
        if word:
            problem(path, f"「{word}」 in a {doc.kind}: the document calls itself 本{kind.word}"
                          f" (document.kind: {doc.kind})")
    if doc.preamble is not None:
        # Labels that stand for a party must be defined there; a party's own name
        # (町田市) and a collective word (両市, 両者) speak for themselves.
        parties_by_label = zip(labels, [p for _, p in loaded.spec.party_list()]) if labels else []
        wanted = [w for w, p in parties_by_label if w not in p.names()]
        # Without a preamble, older texts define the labels in 第１条's first sentence
        # (宮城大学（以下「甲」という。）と大崎市（以下「乙」という。）は、…, 2007).
        own = own_words(doc.preamble)      # a list's paragraphs, joined
        defining = own or (_first_paragraph(drafts) if doc.preamble is False else "")
        missing = [w for w in wanted if not _defines(defining, w)]
        if doc.preamble:
            # A preamble that never uses a label may leave it to 第１条's first sentence, as
            # 厚生労働省 and 国税庁税務大学校's 覚書 of 2024 does: its preamble states the policy,
            # then 第１条　厚生労働省…課長（以下「甲」という。）は、国税庁税務大学校総務課長（以下「乙」
            # という。）に対して、…. A label the preamble uses must be defined there.
            first = _first_paragraph(drafts)
            missing = [w for w in missing if w in own or not _defines(first, w)]
        if missing and doc.preamble is False:
            problem(("agreement", "document", "labels"),
                    "without a preamble (preamble: false) nothing defines the label" + ("s " if len(missing) > 1
                    else " ") + "、".join(f"「{w}」" for w in missing)
                    + (" the signature blocks print" if doc.block_labels is not False else " the document uses") + ": call each"
                    " party by its own name (labels: {id: name}), define them in the first article's first"
                    " paragraph, or write a preamble that defines them")
        elif missing:
            problem(("agreement", "document", "preamble"),
                    "the preamble does not define the label" + ("s " if len(missing) > 1 else " ")
                    + "、".join(f"「{w}」" for w in missing) + " the document uses (…（以下「"
                    + missing[0] + "」という。）…)")
        if doc.preamble is False and not labels and (doc.standard or doc.closing is None):
            # One word for all parties prints nowhere but in the standard set's articles
            # and the generated closing; with neither it names no one undefined.
            problem(("agreement", "document", "labels"),
                    f"without a preamble (preamble: false) nothing defines 「{doc.labels}」, which the "
                    + ("standard set's articles" if doc.standard else "generated closing") + " would print:"
                    " call each party by its own name (labels: {id: name}), or write a preamble")


def _first_paragraph(drafts) -> str:
    """The text of the first article's first paragraph ("" without one)."""
    if not drafts or not drafts[0].text:
        return ""
    first = drafts[0].text[0]
    return first if isinstance(first, str) else first.text


def _defines(preamble: str, label: str) -> bool:
    """Whether a preamble defines the label: （以下「甲」という。）, or as older texts write
    it, without the brackets (柴田町長　某（以下甲という。）, 1973) or 称する, or naming each
    signer's office as the label (日本年金機構理事長を甲とし、国税庁徴収部徴収課長を乙とし、…, as
    日本年金機構, 国税庁 and 厚生労働省 wrote their 協定書 of 2017), in the te-form too (豊根村を甲とし、
    愛知県を乙として、…, as 豊根村 and 愛知県 wrote their 協定書 of 1969)."""
    return f"「{label}」" in preamble or re.search(
        rf"以下[、，]?(?:単に)?{re.escape(label)}と(?:いう|称する)|を{re.escape(label)}として?[、，]", preamble) is not None



# The words of a closing by which the signers press their seals: 記名押印, 署名押印,
# 押なつ and なつ印 (public documents write 捺, outside the 常用漢字, in kana), 捺印,
# 押捺, and 調印 (signed and sealed).
SEAL_WORDS = ("押印", "押なつ", "なつ印", "捺印", "押捺", "調印")
# A seal the closing names only as what replaces it (甲乙が記名押印に代わる電子署名を施し,
# 記名押印に代えて電子署名を行い: an agreement signed electronically, in the words of the
# 府令, 署名又は記名押印に代わる措置は、電子署名とする) is not pressed.
_SEAL_REPLACED = re.compile("(?:" + "|".join(SEAL_WORDS) + ")に(?:代|替|か)(?:わる|わり|えて|え)")


def says_seal(closing: str) -> bool:
    """Whether the closing has the signers press their seals. Only then does each
    signature block print its seal place's 印: a text signed by hand (甲乙丙それぞれ
    署名の上), one that says nothing of it (以上のとおり協定する。, as older texts
    end) or one signed electronically in place of the seal has none, and the place
    stays blank."""
    pressed = _SEAL_REPLACED.sub("", closing)
    return any(w in pressed for w in SEAL_WORDS)


def check_by_hand(doc, spec, problem) -> None:
    """signed_by_hand beside the spec's own closing. A closing that says 記名 (記名押印:
    the names put on, then sealed) is what the signed copy has the names written by hand
    under only where the spec says so (despite_closing); despite_closing beside a
    closing without 記名, or beside the generated one (which says 署名の上), would have
    no effect. With every name given the line to sign on is never printed."""
    D = ("agreement", "document")
    by_hand, closing = doc.signed_by_hand, own_words(doc.closing)
    if closing is False:
        return                  # no closing at all: published.py says what the keys beside it do
    if by_hand == "despite_closing" and not (closing and "記名" in closing):
        if closing:
            problem(D + ("signed_by_hand",), "despite_closing says the signed copy has the names written by hand"
                    " although its closing says 記名押印, and this closing does not say 記名: write"
                    " signed_by_hand: true")
        else:
            problem(D + ("signed_by_hand",), "despite_closing says the signed copy has the names written by hand"
                    " although its closing says 記名押印, and the closing is the generated one (署名の上): write"
                    " the text's own closing (document.closing), or signed_by_hand: true")
    elif by_hand is True and closing and "記名" in closing:
        problem(D + ("closing",), "the closing has the names printed and sealed (記名押印), and signed_by_hand:"
                                  " true has the signers write them by hand: write 署名 in the closing, remove"
                                  " signed_by_hand, or say signed_by_hand: despite_closing where the signed copy"
                                  " has the names written by hand under this closing all the same")
    elif by_hand and closing and not unnamed_signers(spec):
        problem(D + ("signed_by_hand",), "signed_by_hand words the generated closing (署名の上) and leaves a"
                                         " line to sign on for a signer named by the title alone; with the"
                                         " spec's own closing and every name given it would have no effect")


def check_block_labels(doc, names: dict[str, str], labels: list[str], problem) -> None:
    """block_labels: false, or a list of the parties whose blocks carry their label (大東市
    and 東大阪市, 2008: 甲 before the first block alone). Each must name a party once, not
    every party (the labels print before every block by default), and only where the
    parties have a label each: one word for all (両市) prints before no block. `names`:
    {id: name} of the agreement's parties (party_words.party_names)."""
    pids = list(names)
    D = ("agreement", "document")
    chosen = doc.block_labels
    if chosen is False and not labels:
        problem(D + ("block_labels",), f"labels: {doc.labels} is one word for all the parties, which prints before"
                                       " no signature block: block_labels: false would have no effect")
    if not isinstance(chosen, list):
        return
    if not labels:
        problem(D + ("block_labels",), f"labels: {doc.labels} is one word for all the parties, which prints before"
                                       " no signature block: a list of the blocks it prints before would have no"
                                       " effect")
        return
    for i, pid in enumerate(chosen):
        if pid not in pids:
            problem(D + ("block_labels", i), f"'{pid}' is not a party of the agreement (its parties: {with_names(pids, names)}):"
                                             " block_labels lists the parties whose blocks carry their label")
        elif pid in chosen[:i]:
            problem(D + ("block_labels", i), f"'{pid}' is listed twice: name each party once")
    if set(chosen) >= set(pids):
        problem(D + ("block_labels",), "block_labels lists every party, and the labels print before every signature"
                                       " block by default: the list would have no effect; leave it out")


def check_name_size(doc, parties, form, problem) -> None:
    """A typed name (typed.name: 友　實　　武　則) places each character in em of the
    block's type; the house's name_size sets the name in a larger one, whose characters
    would not stand where the typed form puts them: the name's spacing is then the
    house's (signature_spread.name), and a typed name is an error at its key."""
    if not form.name_size:
        return
    people = [(("parties", pid) + path, person) for pid, party in parties for path, person in party.signers()]
    people += [(("agreement", "document", "witnesses", i, "representative"), w.representative)
               for i, w in enumerate(doc.witnesses)]
    for key, person in people:
        if person.typed is not None and person.typed.name:
            problem(key + ("typed", "name"), f"the house sets the signers' names in a type of their own"
                    f" (agreement.name_size: {form.name_size:g} points), and a typed name places its characters"
                    " in the block's type: space the names with the house's signature_spread.name, or leave"
                    " name_size out")
