"""An honorific typed into a person's name (name: 高橋　美咲　様), checked at the name's line.

A name is printed as typed, so 様 in it prints, and where the spec's `honorific:` prints
after the same name the notice reads 高橋　美咲　様　様: refused. On the issuing office's
own people (its parties' heads, the contacts) 様 is refused as their honorific is
(checks.py, contact_checks.py): an office never writes it after its own. Elsewhere a
warning: the name prints as typed, and `honorific:` is the key for 様.

殿 is taken for an honorific only after a space (高橋　美咲　殿): surnames end in it
(真殿, 大殿), and a contact is often named by the surname alone; 様 ends no name."""
from __future__ import annotations

import re

from ..errors import Problem
from .schema import Spec
from .source import dotted, line_of

_TYPED = re.compile(r"(?:[\s\u3000]*(様)|[\s\u3000]+(殿))[\s\u3000]*$")


def _suffix(name) -> str | None:
    """様 or 殿 where the name ends in one typed as an honorific, else None."""
    if not isinstance(name, str):
        return None
    found = _TYPED.search(name)
    if not found or not name[:found.start()].strip():
        return None                                        # 様 alone is no name with 様 in it
    return found.group(1) or found.group(2)


def _in_notice_signers(spec: Spec) -> set[str]:
    """The parties whose signers a notice lists in 締結者, where the party's honorific
    prints after the name (as signer_checks.py decides)."""
    notice = spec.press_notice
    if notice is None:
        return set()
    from .notice_checks import lists_signatories
    if lists_signatories(spec) or notice.after is not None:
        return set(notice.ceremony.signatories or spec.parties)
    return set()


def _contacts(notice):
    """(contact, path) of every contact of the notice: the office's own people."""
    yield from ((c, ("press_notice", "contacts", i)) for i, c in enumerate(notice.contacts))
    if notice.press_request and notice.press_request.contact:
        yield notice.press_request.contact, ("press_notice", "press_request", "contact")
    for i, c in enumerate(notice.after.contacts or [] if notice.after else []):
        yield c, ("press_notice", "after", "contacts", i)


def honorifics_in_names(spec: Spec, name: str, lines) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) for the names of the spec that end in 様 or 殿."""
    errors: list[Problem] = []
    warnings: list[Problem] = []

    # each message written out in a Problem(…), for tools/i18n_gap.py to find
    def own(at, suffix, whose):
        errors.append(Problem(name, line_of(lines, at), dotted(at),
                              f"the name ends in '{suffix}', and {whose}: an office never writes 様 after its"
                              f" own people; delete '{suffix}' from the name"))

    def twice(at, suffix, person, honorific, key):
        shown = f"{person}　{honorific}"
        errors.append(Problem(name, line_of(lines, at), dotted(at),
                              f"the name ends in '{suffix}', and honorific: {honorific} (line {line_of(lines, key)})"
                              f" is printed after it: the notice would print {shown}; delete '{suffix}' from the"
                              " name"))

    def as_typed(at, suffix, where):
        warnings.append(Problem(name, line_of(lines, at), dotted(at),
                                f"the name ends in '{suffix}', printed as typed; if it is meant as the honorific,"
                                f" delete it from the name and write honorific: {suffix} {where}"))

    in_notice = _in_notice_signers(spec)
    for pid, party in spec.parties.items():
        signing = [p for _, p in party.signers()]
        for who, person in party.people():
            suffix = _suffix(person.name) if person is not None else None
            if suffix is None:
                continue
            at = ("parties", pid) + who + ("name",)
            if party.on_issuing_side(spec.issuer):
                own(at, suffix, "this is the head of the issuing side's own party")
            elif party.honorific and pid in in_notice and any(person is s for s in signing):
                twice(at, suffix, person.name, party.honorific, ("parties", pid, "honorific"))
            else:
                as_typed(at, suffix, "on the party (printed after its signer's name in the notice's 締結者,"
                                     " never in the agreement's signature block)")
    document = spec.agreement.document if spec.agreement else None
    for i, witness in enumerate(document.witnesses if document else ()):
        suffix = _suffix(witness.representative.name)
        if suffix:
            at = ("agreement", "document", "witnesses", i, "representative", "name")
            warnings.append(Problem(name, line_of(lines, at), dotted(at),
                                    f"the name ends in '{suffix}', printed as typed in the witness's signature"
                                    " block, where an agreement writes no honorific; delete it from the name if"
                                    " it is not meant so"))
    notice = spec.press_notice
    if notice is None:
        return errors, warnings
    from .notice_checks import listed_persons
    for person, at in listed_persons(notice):
        suffix = _suffix(person.name)
        if suffix is None:
            continue
        if person.honorific:
            twice(at + ("name",), suffix, person.name, person.honorific, at + ("honorific",))
        else:
            as_typed(at + ("name",), suffix, "on the person")
    for contact, at in _contacts(notice):
        for person, p_at in [(contact, at)] + [(p, at + ("people", j)) for j, p in enumerate(contact.people)]:
            suffix = _suffix(person.name)
            if suffix:
                own(p_at + ("name",), suffix, "a contact's people are the office's own")
    return errors, warnings
