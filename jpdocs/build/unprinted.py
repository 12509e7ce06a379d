"""The keys no bundled template prints (spec/unprinted.py: a witness's reading, a
party's head beside the signatory who signs in its place …), decided once the build
has rendered its documents' templates, as the spec's checks cannot know which
templates a build uses:

- a user's template (--templates) that reads the key's field of that very object (the
  render records what it reads of the spec's objects: content/sandbox.py) prints what
  it makes of it: the user's own choice, said nowhere;
- else a key with an effect of another kind (a head's name kept whole on a line where
  another text writes it: content/person_names.py) is taken, that effect said in a
  note, as it is chosen for the user;
- else the key has no effect: refused at its line, with the bundled templates and with
  a user's that does not read it alike.

A read counts whatever the template does with the value: prints it, or only tests it
(`{% if p.country %}（海外）{% endif %}`). A key whose being given changes what is made
has an effect, and a true/false key (notice_in_writing, a step's signatories: true) can
have no other. A template that tests a key and makes the same either way is not told
from one that prints it: telling them apart would take a render without the key.
"""
from __future__ import annotations

from ..errors import InputError, Problem
from ..spec.load import LoadedSpec
from ..spec.unprinted import printed_nowhere, typed_name_unlined, writing_unprinted


def check_unprinted(specs: list[LoadedSpec], reads: set, text=None) -> list[Problem]:
    """The notes of the keys of `specs` (the spec built and those its notice announces)
    that no bundled template prints, or InputError for each such key that has no effect.
    `reads`: what the renders of a user's templates of this build read (empty: none).
    `text`: the agreement's text composed for the first spec, where the build makes it
    (a typed_name whose block prints no organisation line is known from its blocks, a
    notice_in_writing without an article to print it from its articles)."""
    notes, refused = [], []
    for loaded in specs:
        keys = printed_nowhere(loaded.spec, loaded.lines)
        if text is not None and loaded is specs[0]:
            from ..content.agreement.signatures import typed_names_unlined   # (an agreement's build only)
            keys += map(typed_name_unlined, typed_names_unlined(loaded.spec.party_list(), text.signatories))
            keys += writing_unprinted(loaded.spec, text.term_printed)
        for key in keys:
            if (id(key.owner), key.field) in reads:
                continue
            problem = Problem(str(loaded.path), loaded.line_of(key.at), loaded.key(key.at), key.effect or key.why)
            (notes if key.effect else refused).append(problem)
    if refused:
        raise InputError(refused)
    return notes
