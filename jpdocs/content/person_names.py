"""The names of the people a spec holds as data: the parties' heads, signatories and
co-signers, the witnesses, the people of the notice's 記 block (its groups too) and
its 次第, and the contacts (their people too). The PDF keeps each whole on a line
wherever the text names it (writers/kept_names.py), in a template's sentence or the
user's own prose: a proof-reader sends back a name torn at a line's end (ならコープ森 /
宏之理事長), though JLREQ allows the break."""
from __future__ import annotations

from ..spec.load import LoadedSpec
from ..spec.schema import KiEntry, Spec


def names_held(loaded: LoadedSpec) -> tuple[str, ...]:
    """Every person's name of the spec and of the specs its notice also announces
    (press_notice.also), each once, in the order found. The places are listed, not
    found by walking every key of the spec (~2 M instructions a notice);
    tests/test_torn_names.py walks every key of every bundled and real spec and finds
    no other person."""
    found: dict[str, None] = {}
    for spec in (loaded.spec, *(other.spec for other in loaded.others.values())):
        for person in _people(spec):
            if person is not None and person.name:
                found[person.name] = None
    return tuple(found)


def _people(spec: Spec):
    """Each Representative, Person and Contact of the spec (None for one not given)."""
    for party in spec.parties.values():
        for _, person in party.people():
            yield person
    document = spec.agreement.document if spec.agreement else None
    for witness in document.witnesses if document else ():
        yield witness.representative
    notice = spec.press_notice
    if notice is None:
        return
    contacts = list(notice.contacts)
    if notice.press_request and notice.press_request.contact:
        contacts.append(notice.press_request.contact)
    if notice.after and notice.after.contacts:
        contacts += notice.after.contacts
    for contact in contacts:
        yield contact
        yield from contact.people
    for entry in notice.ki or ():
        if isinstance(entry, KiEntry):
            yield from entry.people or ()
            for group in entry.groups or ():
                yield from group.people or ()
    for step in notice.ceremony.agenda:
        yield from step.people
        for sub in step.steps:
            yield from sub.people
