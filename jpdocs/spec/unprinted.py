"""The keys of a spec that no bundled template prints, and that a user's template may.

A key that has no effect is an error. Most are refused where the spec is checked. The
keys here are fields a template reads as it reads any other (a witness's reading, a
party's country, a fact of the ceremony no item of ki: lists), which the bundled
templates print nowhere: whether they have an effect is known only once the build has
rendered its documents' templates, as a user's template (--templates) that reads such
a field prints what it makes of it. So each is listed here with the object and field
a template reads to print it, and the refusal where no template of the build reads
it; build/unprinted.py decides.

Not here: a key that contradicts another or says what the house says already, a
setting of what the product composes (a house style's, or the spec's: those a user's
template may not heed are build/template_coverage.py's), and a part of a sentence
without the rest (a reading of a person named by the title alone).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem
from .notice_checks import facts_unlisted
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

SECTION_HEADING = ("the section is a linked document (document:), whose title is its heading: a heading of its own"
                   " would be printed nowhere; give the title as the document's title, or write the section with a"
                   " heading and documents: […] under it")


def printed_nowhere(spec: Spec, lines: dict) -> list[Unprinted]:
    """Every key of `spec` (`lines`: where its keys are written) that no bundled
    template prints, in the order of the checks."""
    ceremony = spec.press_notice.ceremony if spec.press_notice else None
    out = [Unprinted(at, ceremony, field, why) for at, why, field in facts_unlisted(spec, lines)]
    out += _sections(spec)
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
    W = ("agreement", "document", "witnesses")
    for i, w in enumerate(document.witnesses):
        for key, why in WITNESS.items():
            if getattr(w.representative, key):
                out.append(Unprinted(W + (i, "representative", key), w.representative, key, why))
    if document.signature_blocks == "withheld":
        out += _withheld(spec)
    return out


def _withheld(spec: Spec) -> list[Unprinted]:
    """signature_blocks: withheld prints no block: a party's address and country print
    only in its block, and its signer, where no press notice names it either, nowhere."""
    out = []
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


def refused_beside(spec: Spec, name: str, lines: dict) -> list[Problem]:
    """The refusals of the keys no bundled template prints, for a spec the load refuses
    for another reason: said with its other problems at once, as the bundled templates
    would refuse them (the build would stop at the load before any template could read
    them; one a user's template reads is taken once the rest is mended)."""
    return [Problem(name, line_of(lines, key.at), dotted(key.at), key.why)
            for key in printed_nowhere(spec, lines) if not key.effect]


def _without_document(spec: Spec) -> list[Unprinted]:
    """What only the agreement document prints, where the spec has none: the parts of a
    draft's open date (signing_year, _era, _month: the signing date not known) and a
    signer's typed form."""
    out = []
    ag = spec.agreement
    if ag is not None and ag.signing_date is None:
        parts = [("signing_year", ag.signing_year is not None),
                 ("signing_era", ag.signing_era is not None and ag.signing_year is None),
                 ("signing_month", ag.signing_month is not None and ag.signing_year is not None)]
        out += [Unprinted(("agreement", key), ag, key, SIGNING.format(key=key)) for key, given in parts if given]
    for pid, party in spec.parties.items():
        for at, person in party.people():
            if person is not None and person.typed is not None:
                out.append(Unprinted(("parties", pid) + at + ("typed",), person, "typed", TYPED))
    return out


def _sections(spec: Spec) -> list[Unprinted]:
    """A heading of its own on a section that is a linked document (document:): the
    bundled templates print the document's title as its heading."""
    sections = spec.press_notice.sections if spec.press_notice else []
    return [Unprinted(("press_notice", "sections", i, "heading"), section, "heading", SECTION_HEADING)
            for i, section in enumerate(sections) if section.document is not None and section.heading is not None]
