"""Who signs, checked across the spec: a signer may be left unnamed only where no
document prints the name (the agreement's block needs it, a notice may name a head by
the title alone); a title or a reading that would print nothing; signer_names: withheld
beside what contradicts it. Called by checks.cross_check."""
from __future__ import annotations

from ..errors import Problem
from .schema import Spec
from .source import dotted, line_of
from .texts_at import texts_at

NOTICE_SIGNERS = "the press notice's 締結者"


def check_signers(spec: Spec, name: str, lines) -> list[Problem]:
    """Who signs for a party may be left out only where no document prints it: the
    press notice prints its signatories where its 記 block has a 締結者 item (and the
    release after the signing always), the agreement every party's block. A head
    named by the title alone (name left out) is printed so in the notices; the
    agreement's block needs the name, a draft's blank standing in for it."""
    problems = []
    needed: dict[str, str] = {}
    agreement = spec.agreement.document if spec.agreement else None
    if agreement and agreement.signature_blocks != "withheld":     # withheld: no block, no signer
        needed.update((pid, "the agreement's signature block") for pid in spec.parties)
    where, in_notice = notice_signers(spec)
    for pid in in_notice:
        needed.setdefault(pid, where)
    document = agreement
    people = [(("parties", pid) + at, person) for pid, party in spec.parties.items() for at, person in party.people()]
    people += [(("agreement", "document", "witnesses", i, "representative"), w.representative)
               for i, w in enumerate(document.witnesses if document else [])]
    for at, person in people:
        if person is not None and person.title is False and person.title_only:
            problems.append(Problem(name, line_of(lines, at + ("title",)), dotted(at + ("title",)),
                                    "title: false names the person by the name alone, and no name: is given:"
                                    " nothing would print for this person; give the name"))
    for pid, party in spec.parties.items():
        for at, person in party.people():
            if person is not None and person.title_only and person.reading:
                at = ("parties", pid) + at + ("reading",)
                problems.append(Problem(name, line_of(lines, at), dotted(at),
                                        "the reading is printed after the name, and this person is named by"
                                        " the title alone (no name:): it would have no effect"))
        if party.co_signers and party.signer() is None:
            at = ("parties", pid, "co_signers")
            problems.append(Problem(name, line_of(lines, at), dotted(at),
                                    "co-signers sign beside the party's signer, and none is given: give"
                                    " representative: {title: …, name: …} (or signatory:) first"))
    document = agreement
    withheld = bool(document and document.signer_names == "withheld")
    if withheld:
        problems += check_withheld(spec, document, name, lines)
    for i, witness in enumerate(document.witnesses if document else []):
        signer = witness.representative
        if (signer.title_only and signer.title is not False and not document.draft and not document.signed_by_hand
                and not withheld):
            path = ("agreement", "document", "witnesses", i, "representative")
            problems.append(Problem(name, line_of(lines, path), dotted(path + ("name",)),
                                    f"missing: the agreement's signature block prints the name of the witness"
                                    f" {signer.title}; give name: (or name: null in a draft to leave it blank;"
                                    " or signed_by_hand: true, for the witness to write it)"))
    for pid, where in needed.items():
        party = spec.parties.get(pid)
        if party is None:
            continue                         # an undeclared one is reported apart
        if party.signer() is None:
            path = ("parties", pid)
            # a report names no signer: the 締結者 item is the notice's choice, not the party's
            # (a new user who deleted the starter's ceremony still met it: say how to drop it)
            other = (" (or name the parties that sign in press_notice.ceremony.signatories, or list no"
                     " 締結者: ki: without signatories, ki: [] for a report with no 記 block)"
                     if where == NOTICE_SIGNERS else "")
            problems.append(Problem(name, line_of(lines, path), f"parties.{pid}.representative",
                                    f"missing: {where} prints who signs for this party; give"
                                    " representative: {title: …, name: …}" + other))
            continue
        for who, signer in party.signers():
            path = ("parties", pid) + who
            if signer.title is False and signer.title_only:
                continue                     # neither title nor name: refused above, at its title
            if (signer.title_only and agreement and not agreement.draft and not agreement.signed_by_hand
                    and not withheld and agreement.signature_blocks != "withheld"):
                problems.append(Problem(name, line_of(lines, path), dotted(path + ("name",)),
                                        f"missing: the agreement's signature block prints the name of"
                                        f" {signer.title}, and only a press notice names a head by the"
                                        " title alone; give name: (or name: null in a draft,"
                                        " agreement.document.draft: true, to leave it blank; or"
                                        " signed_by_hand: true, for the signer to write it; or"
                                        " agreement.document.signer_names: withheld, where the copy"
                                        " the agreement is built from prints the titles alone)"))
            if signer.title_only and party.honorific and pid in in_notice:
                at = ("parties", pid, "honorific")
                problems.append(Problem(name, line_of(lines, at), dotted(at),
                                        f"'{party.honorific}' follows the signer's name in 締結者, and"
                                        f" {signer.title} is named by the title alone (no name:): give the"
                                        " name, or delete the honorific"))
                break
    return problems


def notice_signers(spec: Spec) -> tuple[str | None, list[str]]:
    """Where the press notice prints who signs (its 締結者, or the release after the
    signing's), and the ids of the parties it prints so, in order; (None, []) where it
    prints none."""
    notice = spec.press_notice
    if not notice:
        return None, []
    from .notice_checks import lists_signatories
    if lists_signatories(spec):
        where = NOTICE_SIGNERS
    elif notice.after is not None:
        where = "the 締結者 of the release after the signing (press_notice.after)"
    else:
        return None, []
    return where, list(dict.fromkeys(notice.ceremony.signatories or spec.parties))


def notes_unprinted(spec: Spec) -> list[tuple[tuple, object, str]]:
    """(key path, person, the refusal) of each person's note that the bundled templates
    print nowhere: a note is printed after the signer's name in the notices' 締結者, and
    this person is in none (not a signer, or no notice lists the party's signer). A
    user's template (--templates) may print it: the build decides (build/unprinted.py)."""
    _, in_notice = notice_signers(spec)
    out = []
    for pid, party in spec.parties.items():
        signing = [person for _, person in party.signers()]
        for at, person in party.people():
            if person is not None and person.note and (pid not in in_notice
                                                       or not any(person is s for s in signing)):
                why = ("this person does not sign for the party (its signatory: does)" if pid in in_notice
                       else "no notice of this spec lists the party's signer (a 締結者 item, or the release"
                            " after the signing)")
                out.append((("parties", pid) + at + ("note",), person,
                            f"the note is printed after the signer's name in the notices' 締結者, and {why}:"
                            " it would have no effect"))
    return out


def heads_beside_signatories(spec: Spec) -> list[tuple[str, tuple | None]]:
    """Each party whose head (representative:) stands beside the signatory who signs in
    its place (its id), with the key path of another text of the spec that writes the
    head's name, or None. The bundled templates print a party's signer (Party.signer():
    the signatory), never the head; whether a head no document prints is refused, or
    said in a note, is the build's to decide (build/unprinted.py): a user's template
    (--templates) may print it."""
    return [(pid, _written_elsewhere(spec, party.representative.name, ("parties", pid, "representative")))
            for pid, party in spec.parties.items()
            if party.signatory is not None and party.representative is not None]


def _written_elsewhere(spec: Spec, name: str | None, at: tuple) -> tuple | None:
    """The key path of the first text of the spec, other than the one at `at`, that
    writes `name` (its spaces aside), or None: a head who does not sign, named in the
    signer's title (モンテベロ市長　スタンレー・ブィーガー / 代理 …) or in the text, has an
    effect there, the name kept whole on a line (content/person_names.py)."""
    bare = "".join((name or "").split())
    if len(bare) < 2:          # (a name of one character is kept whole anyway: no effect)
        return None
    return next((path for path, text in texts_at(spec, ())
                 if path[:len(at)] != at and bare in "".join(text.split())), None)


def check_withheld(spec: Spec, document, name: str, lines) -> list[Problem]:
    """signer_names: withheld prints no name in any block, as the published copy has
    none: a name the spec gives would not print (refused where it is written), and a
    draft's blank or a line to sign on (signed_by_hand) would say the opposite."""
    key = ("agreement", "document", "signer_names")
    problems = []
    if document.draft:
        problems.append(Problem(name, line_of(lines, key), dotted(key),
                                "signer_names: withheld prints no name and no place for one, and a draft"
                                " (draft: true) leaves a blank to fill in for each name: say one or the other"))
    if document.signed_by_hand:
        problems.append(Problem(name, line_of(lines, key), dotted(key),
                                "signer_names: withheld prints no name and no place for one, and signed_by_hand"
                                " leaves a line to sign on for each name: say one or the other"))
    people = [(("parties", pid) + who, signer) for pid, party in spec.parties.items()
              for who, signer in party.signers()]
    people += [(("agreement", "document", "witnesses", i, "representative"), w.representative)
               for i, w in enumerate(document.witnesses)]
    for path, signer in people:
        if not signer.title_only and signer.name is not None:
            problems.append(Problem(name, line_of(lines, path + ("name",)), dotted(path + ("name",)),
                                    f"the name of {signer.title or 'this signer'} would not print: signer_names:"
                                    " withheld prints the titles alone, as the published copy does; remove the"
                                    " name, or signer_names"))
    return problems
