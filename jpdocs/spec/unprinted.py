"""The keys of a spec that no bundled template prints, and that a user's template may.

A key that has no effect is an error. Most are refused where the spec is checked. The
keys here are fields a template reads as it reads any other (a witness's reading, a
party's country, a fact of the ceremony no item of ki: lists, a typed form of a head
who does not sign, a phone of a person the 記 lists, what stands under a step of a
ceremony of several), which the bundled templates print nowhere: whether they have an
effect is known only once the build has rendered its documents' templates, as a user's
template (--templates) that reads such a field prints what it makes of it. So each is
listed here with the object and field a template reads to print it, and the refusal
where no template of the build reads it; build/unprinted.py decides. (A typed_name
whose signature block prints no organisation line is known only once the agreement's
blocks are composed: typed_name_unlined, and so is a notice_in_writing where the text
prints no 有効期間 article of the standard set's: writing_unprinted; the build adds them.)

Not here: a key that contradicts another or says what the house says already, a
setting of what the product composes (a house style's, or the spec's: those a user's
template may not heed are build/template_coverage.py's), and a part of a sentence
without the rest (a reading of a person named by the title alone).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem
from .notice_checks import facts_unlisted, listed_persons
from .schema import Spec
from .signer_checks import heads_beside_signatories, notes_unprinted
from .source import dotted, line_of


@dataclass(frozen=True)
class Unprinted:
    """A key no bundled template prints, with what a user's template reads to print it.
    (A docstring of its own: a dataclass without one imports inspect to make it.)"""
    at: tuple           # the key's path in the spec
    owner: object       # the spec's object whose `field` a template reads to print the key
    field: str
    why: str            # the refusal, where no template of the build reads it
    effect: str = ""    # where the key has an effect of another kind: the note that says it, in place of `why`


HEAD = ("the party's signatory: signs for it wherever a signer is printed (the notices' 締結者, the"
        " agreement's signature block), and no document prints its head: representative would have no"
        " effect; remove it (or signatory:, if the head signs)")

COUNTRY = ("the country is printed above the party's signature block, and there is no agreement document"
           " (agreement.document): it would have no effect")

WITNESS = {"reading": "a witness's reading is printed nowhere (readings are the press notice's, and the witness"
                      " is not in it): remove it",
           "note": "a witness's note is printed nowhere (notes are the notices' 締結者, and the witness is not"
                   " in it): remove it"}


SIGNING = "{key} is printed in the agreement document's open date line, and there is no document: it would have no effect"

TYPED = ("typed sets the signer's title and name in the agreement's signature block, and there is no agreement"
         " document (agreement.document): it would have no effect")

NOT_SIGNING = ("{title} does not sign the agreement (the signatory signs for the party): typed would have no effect;"
               " write it under signatory")

TYPED_NAME = ("typed_name sets the organisation's line of the agreement's signature block, and no block is printed"
              " (no agreement document, or signature_blocks: withheld): it would have no effect; remove it")

TYPED_WITHHELD = ("signature_blocks: withheld prints no signature block, and typed sets the signer's title and name"
                  " in it: it would have no effect")

IN_WRITING = ("notice_in_writing is printed in the agreement document's 有効期間 article, and there is no document:"
              " it would have no effect")

# how a term without an end is ended (validity.ended_by_notice, ending_notice): the standard
# 有効期間 article says it, and nothing else does (the annual book lists the term alone)
ENDING = ("{key} says how the agreement is ended in the agreement document's 有効期間 article, and there is no"
          " document: it would have no effect")
ENDING_UNPRINTED = ("{key} says how the agreement is ended in the standard set's 有効期間 article, and the document"
                    " prints no such article (no set chosen, the article removed or given its own text): it would"
                    " have no effect; write how the agreement is ended in the article's own text")


def _ending_keys(v) -> list[str]:
    """The keys of a term without an end that say how it is ended, as given (its
    notice_in_writing is the 書面により of that notice, not of a renewal's)."""
    if v is None or not v.until_ended:
        return []
    return [k for k, given in (("ended_by_notice", v.ended_by_notice), ("ending_notice", v.ending_notice is not None),
                               ("notice_in_writing", v.notice_in_writing)) if given]

LISTED = ("{key} is printed on a contact's person's line (press_notice.contacts[].people), and this person is one"
          " the notice lists: it would have no effect; write it in the person's title or the item's text, or"
          " remove it")

SECTION_HEADING = ("the section is a linked document (document:), whose title is its heading: a heading of its own"
                   " would be printed nowhere; give the title as the document's title, or write the section with a"
                   " heading and documents: […] under it")


def printed_nowhere(spec: Spec, lines: dict) -> list[Unprinted]:
    """Every key of `spec` (`lines`: where its keys are written) that no bundled
    template prints, in the order of the checks."""
    ceremony = spec.press_notice.ceremony if spec.press_notice else None
    out = [Unprinted(at, ceremony, field, why) for at, why, field in facts_unlisted(spec, lines)]
    out += _sections(spec)
    out += _listed(spec)
    if spec.press_notice and spec.press_notice.ceremonies:
        from .several import steps_unprinted     # (here: most specs never load it: spec/checks.py)
        out += [Unprinted(at, step, field, why) for at, step, field, why in steps_unprinted(spec)]
    for pid, written_at in heads_beside_signatories(spec):
        party = spec.parties[pid]
        effect = "" if written_at is None else (
            "the party's signatory signs for it, and no document prints this head: its name only keeps"
            f" {party.representative.name} whole on a line where {dotted(written_at)} writes it")
        out.append(Unprinted(("parties", pid, "representative"), party, "representative", HEAD, effect))
    out += [Unprinted(at, person, "note", why) for at, person, why in notes_unprinted(spec)]
    document = spec.agreement.document if spec.agreement else None
    for pid, party in spec.parties.items():
        if party.country and document is None:
            out.append(Unprinted(("parties", pid, "country"), party, "country", COUNTRY))
    if document is None:
        return out + _without_document(spec)
    withheld = document.signature_blocks == "withheld"
    out += [] if withheld else _not_signing(spec)
    W = ("agreement", "document", "witnesses")
    for i, w in enumerate(document.witnesses):
        for key, why in WITNESS.items():
            if getattr(w.representative, key):
                out.append(Unprinted(W + (i, "representative", key), w.representative, key, why))
    if withheld:
        out += _withheld(spec)
    return out


def _withheld(spec: Spec) -> list[Unprinted]:
    """signature_blocks: withheld prints no block: a party's address and country print
    only in its block, as do its typed_name and its signers' typed forms, and its signer,
    where no press notice names it either, nowhere."""
    out = [Unprinted(("parties", pid, "typed_name"), party, "typed_name", TYPED_NAME)
           for pid, party in spec.parties.items() if party.typed_name is not None]
    out += [Unprinted(("parties", pid) + at + ("typed",), person, "typed", TYPED_WITHHELD)
            for pid, party in spec.parties.items() for at, person in party.people()
            if person is not None and person.typed is not None]
    for pid, party in spec.parties.items():
        for key in ("address", "country"):
            if getattr(party, key, None):
                out.append(Unprinted(("parties", pid, key), party, key,
                                     "signature_blocks: withheld prints no signature block, and the party's"
                                     f" {key} prints only in its block: it would have no effect"))
        if spec.press_notice is None:
            for key in ("representative", "signatory", "co_signers"):
                if getattr(party, key, None):
                    out.append(Unprinted(("parties", pid, key), party, key,
                                         "signature_blocks: withheld prints no signature block, and no press"
                                         " notice names the party's signer either: it would have no effect"))
    return out


def typed_name_unlined(found: tuple[str, object, str]) -> Unprinted:
    """A party's typed_name where its signature block prints no organisation line (`found`:
    its id, the party and the title that names it: content/agreement/signatures.py's
    typed_names_unlined, known as the agreement's text is composed)."""
    pid, party, title = found
    return Unprinted(("parties", pid, "typed_name"), party, "typed_name",
                     f"the signature block prints no organisation line (the title {title} names it;"
                     " organisation_line: always would print it): typed_name would have no effect; remove it")


def writing_unprinted(spec: Spec, term_printed: bool) -> list[Unprinted]:
    """The 書面による of a renewing term (validity.notice_in_writing) where the agreement's
    text prints no 有効期間 article of the standard set's (`term_printed`: the text
    composed does: content/agreement/drafts.prints_generated_term), the spec's own
    articles writing their term themselves; and so, where the term has no end, the keys
    that say how it is ended (ended_by_notice, ending_notice)."""
    v = spec.agreement.validity if spec.agreement else None
    if v is None or term_printed:
        return []
    out = [Unprinted(("agreement", "validity", key), v, key, ENDING_UNPRINTED.format(key=key))
           for key in _ending_keys(v)]
    if not v.notice_in_writing or not v.renewal or v.until_ended:
        return out
    return [Unprinted(("agreement", "validity", "notice_in_writing"), v, "notice_in_writing",
                      "notice_in_writing is printed in the standard set's 有効期間 article, and the document prints"
                      " no such article (no set chosen, the article removed or given its own text): it would have"
                      " no effect; write 書面による in the article's own text")] + out


def refused_beside(spec: Spec, name: str, lines: dict) -> list[Problem]:
    """The refusals of the keys no bundled template prints, for a spec the load refuses
    for another reason: said with its other problems at once, as the bundled templates
    would refuse them (the build would stop at the load before any template could read
    them; one a user's template reads is taken once the rest is mended)."""
    return [Problem(name, line_of(lines, key.at), dotted(key.at), key.why)
            for key in printed_nowhere(spec, lines) if not key.effect]


def _without_document(spec: Spec) -> list[Unprinted]:
    """What only the agreement document prints, where the spec has none: the parts of a
    draft's open date (signing_year, _era, _month: the signing date not known), a
    signer's typed form, a party's typed_name and the 書面による of a renewing term."""
    out = []
    agreements = [(("agreement",), spec.agreement)] if spec.agreement else []
    # (an agreement of several has no document: its open date's parts print nowhere either)
    agreements += [(("agreements", aid), ag) for aid, ag in (spec.agreements or {}).items()]
    for at, ag in agreements:
        if ag.signing_date is None:
            parts = [("signing_year", ag.signing_year is not None),
                     ("signing_era", ag.signing_era is not None and ag.signing_year is None),
                     ("signing_month", ag.signing_month is not None and ag.signing_year is not None)]
            out += [Unprinted(at + (key,), ag, key, SIGNING.format(key=key)) for key, given in parts if given]
        validity = ag.validity
        if validity is not None and validity.notice_in_writing and validity.renewal and not validity.until_ended:
            # (else refused: spec/checks.py; a term without an end's: _ending_keys)
            out.append(Unprinted(at + ("validity", "notice_in_writing"), validity, "notice_in_writing", IN_WRITING))
        out += [Unprinted(at + ("validity", key), validity, key, ENDING.format(key=key))
                for key in _ending_keys(validity)]
    for pid, party in spec.parties.items():
        for at, person in party.people():
            if person is not None and person.typed is not None:
                out.append(Unprinted(("parties", pid) + at + ("typed",), person, "typed", TYPED))
        if party.typed_name is not None:
            out.append(Unprinted(("parties", pid, "typed_name"), party, "typed_name", TYPED_NAME))
    return out


def _not_signing(spec: Spec) -> list[Unprinted]:
    """A typed form on a person who does not sign (a head beside the signatory): the
    agreement's signature blocks are its signers' alone."""
    out = []
    for pid, party in spec.parties.items():
        signing = {who for who, _ in party.signers()}
        out += [Unprinted(("parties", pid) + who + ("typed",), person, "typed",
                          NOT_SIGNING.format(title=person.title or "this person"))
                for who, person in party.people() if person is not None and person.typed is not None
                and who not in signing]
    return out


def _listed(spec: Spec) -> list[Unprinted]:
    """A group or phone of a person the notice lists (a 次第 step's, an item of ki:'s
    own): the bundled templates print them on a contact's person's line alone."""
    n = spec.press_notice
    if n is None:
        return []
    out = []
    for person, at in listed_persons(n):
        entry = n.ki[at[2]] if at[1] == "ki" else None
        if entry is not None and (entry.heading is not None or entry.item is not None):
            continue              # (its people refused as a whole: notice_checks._check_ki)
        if person.title or person.name:       # (else: a person needs a title or a name)
            out += [Unprinted(at + (key,), person, key, LISTED.format(key=key))
                    for key in ("group", "phone") if getattr(person, key) is not None]
    return out


def _sections(spec: Spec) -> list[Unprinted]:
    """A heading of its own on a section that is a linked document (document:): the
    bundled templates print the document's title as its heading."""
    sections = spec.press_notice.sections if spec.press_notice else []
    return [Unprinted(("press_notice", "sections", i, "heading"), section, "heading", SECTION_HEADING)
            for i, section in enumerate(sections) if section.document is not None and section.heading is not None]
