"""A party's head (representative:) beside the signatory who signs in its place.

The bundled templates print a party's signer (Party.signer(): the signatory where one
is named), never its head: such a head prints nowhere, a key with no effect, refused
at its line. Two things give it an effect, and then it is taken:

- a user's template (--templates) that reads a party's `representative` (the render
  records what it reads of the spec's objects: content/sandbox.py) prints what it
  makes of it: the user's own choice, said nowhere;
- another text of the spec that writes the head's name (the signatory's title:
  モンテベロ市長　スタンレー・ブィーガー / 代理 …) has that name kept whole on a line
  (content/person_names.py): the only effect the head has, said in a note, as it is
  chosen for the user.

Decided here, after the documents' templates are rendered, as the spec's checks
(spec/signer_checks.py) cannot know which templates a build uses.
"""
from __future__ import annotations

from ..errors import InputError, Problem
from ..spec.load import LoadedSpec
from ..spec.schema import Party
from ..spec.signer_checks import heads_beside_signatories
from ..spec.source import dotted

READ = (Party, "representative")        # what a template reads to print a party's head

PRINTED_NOWHERE = ("the party's signatory: signs for it wherever a signer is printed (the notices' 締結者, the"
                   " agreement's signature block), and no document prints its head: representative would have no"
                   " effect; remove it (or signatory:, if the head signs)")


def check_heads(specs: list[LoadedSpec], read: bool) -> list[Problem]:
    """The notes of the heads beside a signatory of `specs` (the spec built and those its
    notice announces), or InputError for each such head no document prints. `read`:
    whether a user's template of this build read a party's representative."""
    if read:
        return []
    notes, refused = [], []
    for loaded in specs:
        for pid, written_at in heads_beside_signatories(loaded.spec):
            at = ("parties", pid, "representative")
            if written_at is None:
                refused.append(Problem(str(loaded.path), loaded.line_of(at), dotted(at), PRINTED_NOWHERE))
            else:
                name = loaded.spec.parties[pid].representative.name
                notes.append(Problem(str(loaded.path), loaded.line_of(at), dotted(at),
                                     "the party's signatory signs for it, and no document prints this head: its"
                                     f" name only keeps {name} whole on a line where {dotted(written_at)}"
                                     " writes it"))
    if refused:
        raise InputError(refused)
    return notes
