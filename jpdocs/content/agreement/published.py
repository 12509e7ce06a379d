"""What a published copy of an agreement leaves out or writes its own way, said by the
spec rather than guessed: no closing after prose whose last paragraph closes the text,
after articles whose last one makes the copies itself, or after articles as a text
published with none has them (国税庁・JIIMA's 追加締結分, 2021: 第３条, then the date;
closing: false, named by the build either way), the seal
places left unmarked under a closing that asks a seal (seal_places: blank), no signature
block where the copy names no signer (signature_blocks: withheld), the mark where a
signer signed ((署名) before the name: signature_mark), the copy's words in place of
each name it withholds (（氏名省略）: withheld_name), and the word joining
the labels (conjunction: と, 甲と乙). Each is refused where it would have no effect."""
from __future__ import annotations

import re

from ...spec.schema.agreement import own_words
from .checks import says_seal
from .fill import all_text

D = ("agreement", "document")


def check_published(spec, doc, drafts, labels: list[str], problem) -> None:
    """Every key of this module beside what it needs (see the module's docstring)."""
    if doc.closing is False and doc.signed_by_hand == "despite_closing":
        problem(D + ("signed_by_hand",), "despite_closing says the names were written by hand under a closing"
                                         " that says 記名押印, and closing: false prints none: write"
                                         " signed_by_hand: true")
    if doc.seal_places == "blank":
        if doc.signature_blocks == "withheld":
            problem(D + ("seal_places",), "signature_blocks: withheld prints no signature block, so no seal"
                                          " place: seal_places would have no effect")
        elif not says_seal(closing_printed(doc, drafts)):
            problem(D + ("seal_places",), "the closing does not have the signers press their seals (記名押印,"
                                          " 押印, 捺印), so the seal places are left blank already:"
                                          " seal_places would have no effect")
    if doc.signature_blocks == "withheld":
        _check_withheld(spec, doc, problem)
    if doc.signature_mark is not None:
        _check_signature_mark(spec, doc, problem)
    if doc.withheld_name is not None and doc.signature_blocks != "withheld":   # (else _BLOCK_KEYS)
        _check_withheld_name(doc, problem)
    if doc.conjunction is not None and not joins_labels(drafts, doc, labels):
        problem(D + ("conjunction",), f"conjunction joins the labels in what the product composes (甲{doc.conjunction}"
                                      "乙は、 in a standard set's articles, 市及び大学が in the generated closing), and"
                                      " this document composes no such phrase: it would have no effect (write the"
                                      " pair in the spec's own text as the agreement writes it)")


def _check_signature_mark(spec, doc, problem) -> None:
    """signature_mark ((署名)) stands before a name a block prints: refused where no block
    prints one (no block at all, or every signer named by the title alone) and in a
    draft, which nobody has signed."""
    key = D + ("signature_mark",)
    if doc.signature_blocks == "withheld":
        problem(key, "signature_blocks: withheld prints no signature block, so no name to mark: signature_mark"
                     " would have no effect")
    elif doc.draft:
        problem(key, "a draft is not signed: signature_mark says where a signer signed the copy ((署名)); remove"
                     " it from the draft")
    elif not any(signer.name for _, party in spec.party_list() for _, signer in party.signers()) and \
            not any(w.representative.name for w in doc.witnesses):
        problem(key, "no signature block prints a signer's name (each signer is named by the title alone), so"
                     " signature_mark would stand before nothing: remove it")
    elif doc.signer_names != "withheld" and (title := _first_blank_signer(spec, doc)):
        # signed_by_hand: a signer named by the title alone gets a blank line to sign on, where
        # the copy is still to be signed; the mark says it was signed, before a name the copy
        # types ((署名)長洲一二): before a blank it would mark a signature nobody made. A form's
        # 署名 before its line to sign on is a label of the house (signature_labels.name)
        problem(key, f"{title} is named by the title alone, and signed_by_hand leaves a blank line to sign on"
                     " there: signature_mark says where a signer signed the copy ((署名) before the typed name),"
                     " and would stand before the blank; give the name the signed copy types, or remove"
                     " signature_mark (a form's 署名 before the line to sign on is the house's"
                     " agreement.signature_labels, name: 署名)")


def _check_withheld_name(doc, problem) -> None:
    """withheld_name （氏名省略） stands where signer_names: withheld leaves a name out:
    refused without it (every name prints, or a blank for it) and where it is blank."""
    key = D + ("withheld_name",)
    if doc.signer_names != "withheld":
        problem(key, "withheld_name is printed where signer_names: withheld leaves a signer's name out, and"
                     " signer_names is not withheld: it would have no effect (write signer_names: withheld"
                     " where the copy withholds the names, or remove withheld_name)")
    elif not doc.withheld_name.strip(" \u3000"):
        problem(key, "withheld_name is blank: it would print nothing in place of the names; write the words the"
                     " copy prints there (（氏名省略）), or remove it")


def _first_blank_signer(spec, doc) -> str | None:
    """The title of the first signer (a party's, a co-signer, a witness) whose block
    prints a blank line to sign on: named by the title alone."""
    people = [signer for _, party in spec.party_list() for _, signer in party.signers()]
    people += [w.representative for w in doc.witnesses]
    return next((p.title or "a signer" for p in people if not p.name), None)


# an article that makes the copies (…協定書2通を作成し、記名押印のうえ各1通を保管する): the text's
# own closing, written as its last article (阿蘇・竹田's 協定書の保管, 1998)
_MAKES_COPIES = re.compile(r"[0-9０-９一二三四五六七八九十壱弐参]+通を?作成")


def closing_article(drafts) -> str:
    """The text of the last article where it is the text's closing (it makes the
    copies: …協定書2通を作成し…), else "": what stands where the closing does with
    closing: false after articles (nothing, where the text has no closing at all)."""
    text = all_text(drafts[-1].text) if drafts else ""
    return text if _MAKES_COPIES.search(text) else ""


def closing_printed(doc, drafts) -> str:
    """What stands where the closing does, for the seal it asks: the spec's own closing;
    with closing: false the last article where it makes the copies (after prose:
    nothing); else the generated one, which has the signers seal (記名押印の上) or, with
    signed_by_hand, sign (署名の上)."""
    if doc.closing is False:
        return closing_article(drafts)
    return own_words(doc.closing) or ("署名" if doc.signed_by_hand else "記名押印")


def joins_labels(drafts, doc, labels: list[str]) -> bool:
    """Whether the composed text joins the labels with the conjunction: a standard
    article's {all} (甲及び乙は、), or, with a label per party, its {compact} and the
    generated closing (市及び大学が記名押印の上). 甲乙協議の上 joins nothing, and one word
    for all (両者, collective) names no label."""
    if len(labels) < 2 or doc.collective:
        return False
    per_party = isinstance(doc.labels, dict)
    keys = ("{all}", "{compact}") if per_party else ("{all}",)
    texts = [all_text(d.text) + (all_text(d.otherwise) if d.otherwise else "") for d in drafts if d.fill]
    return any(k in t for t in texts for k in keys) or (per_party and doc.closing is None)


# document's keys that only a signature block uses, and why each would have no effect
_BLOCK_KEYS = {
    "witnesses": "signature_blocks: withheld prints no signature block, and a witness signs in a block of its"
                 " own: it would have no effect",
    "signer_names": "signature_blocks: withheld prints no signature block, and signer_names shapes the blocks'"
                    " names: it would have no effect",
    "withheld_name": "signature_blocks: withheld prints no signature block, and withheld_name stands in a block"
                     " in place of a name: it would have no effect",
    "signed_by_hand": "signature_blocks: withheld prints no signature block, and signed_by_hand leaves a line to"
                      " sign on in each block: it would have no effect",
    "block_labels": "signature_blocks: withheld prints no signature block, and block_labels prints the labels"
                    " before the blocks: it would have no effect",
    "copies": "signature_blocks: withheld prints no signature block, and an original is made for each signer's"
              " block (copies): it would have no effect",
}


def _check_withheld(spec, doc, problem) -> None:
    """signature_blocks: withheld prints no block: what only a block does (a witness, a
    name withheld, names by hand, a label before the blocks, an original per signer)
    would have no effect. (A party's address and country, and a signer the notice does
    not print either, are printed nowhere but by a user's template: spec/unprinted.py.)"""
    for key, message in _BLOCK_KEYS.items():
        if getattr(doc, key) not in (None, False, []):
            problem(D + (key,), message)
