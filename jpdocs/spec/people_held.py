"""Where a spec holds people as data: the parties' heads, signatories and co-signers,
the witnesses, the people of the notice's 記 block (its groups too) and its 次第, the
contacts (their people too), and the names a photo's caption is said to hold
(`names:`). content/person_names.py collects their names, which the PDF keeps whole on a
line; spec/photo_checks.py refuses a caption's name the spec holds already."""
from __future__ import annotations

from .schema import KiEntry, Spec


def people_of(spec: Spec):
    """Each Representative, Person and Contact of the spec (None for one not given). The
    places are listed, not found by walking every key of the spec (~2 M instructions a
    notice); tests/test_torn_names.py walks every key of every bundled and real spec and
    finds no other person."""
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


def caption_names(spec: Spec):
    """The names the captions of the notice's photos are said to hold (a photo's
    `names:`), the text's first, then the sections', then the release's after the signing."""
    notice = spec.press_notice
    if notice is None:
        return
    for entry in notice.opening:
        for photo in getattr(entry, "photos", ()):
            yield from photo.names or ()
    for section in notice.sections:
        for photo in section.photos:
            yield from photo.names or ()
    if notice.after is not None:
        for photo in notice.after.photos:
            yield from photo.names or ()
