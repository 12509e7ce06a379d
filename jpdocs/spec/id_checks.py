"""Each id a spec writes (a ceremony's 締結者, a label by party, the agreements a ceremony
signs …) is one it declares under `parties:` or `agreements:`: one check over every
field the models mark as holding ids (refers.py), so that a field of ids added to a
model is checked without a check of its own.

The checks were written field by field (checks.py, several.py, notice_checks.py), each
in its own words; the words are kept (OWN_WORDS), and a field not named there is said
in the words of the first.
"""
from __future__ import annotations

import difflib

from ..errors import Problem
from ..party_words import agreement_names, id_slot, party_names, with_names
from .refers import ids_in
from .source import dotted, line_of

# Fields whose ids are looked up in a narrower list, where the spec is composed:
# among the parties of the agreement (one of several) the cover, the signature blocks
# and a translation name (content/agreement/: cover.py, checks.py, translations.py), and
# among the parties of the agreements a ceremony signs (several.py). An id of no party
# at all is one of those, reported there in their words.
CHECKED_NARROWER = {("Cover", "names"), ("AgreementDocument", "block_labels"), ("TranslationSigner", "party"),
                    ("CeremonyOfSeveral", "signatories")}


def _declared_words(ref: str, known, kind: str, names: dict) -> str:
    what = "party" if kind == "parties" else "agreement"
    close = difflib.get_close_matches(ref, list(known), n=1)
    # the id offered with its name, as a list says it: the id alone told the user neither
    # which party it was nor that it was the one meant (kitami for kitami_it, 北見市 for 北見工業大学)
    hint = (f"; did you mean {id_slot(close[0], names[close[0]])}?" if close
            else f" (declared: {with_names(known, names) or 'none'})")
    return f"{what} '{ref}' is not declared under {kind}{hint}"


# (model, field) → its message of an undeclared id (ref, the declared ids, their names)
OWN_WORDS = {
    ("KiEntry", "others_per_party"):
        lambda ref, known, names: f"'{ref}' is not a party of this spec (parties: {with_names(known, names)})",
}


def check_ids(spec, name: str, lines) -> list[Problem]:
    """A problem at each id the spec writes that it does not declare. Agreements' ids are
    looked up only where the spec declares several agreements: without them, the
    ceremonies that name some are refused whole (several.py)."""
    declared = {"parties": spec.parties, "agreements": getattr(spec, "agreements", None) or {}}
    names = {"parties": party_names(spec.parties), "agreements": agreement_names(declared["agreements"])}
    problems = []
    for found in ids_in(spec):
        known = declared[found.kind]
        if found.value in known or (found.model, found.field) in CHECKED_NARROWER:
            continue
        if found.kind == "agreements" and not known:
            continue
        said = OWN_WORDS.get((found.model, found.field))
        message = said(found.value, known, names[found.kind]) if said else \
            _declared_words(found.value, known, found.kind, names[found.kind])
        problems.append(Problem(name, line_of(lines, found.path), dotted(found.path), message))
    return problems
