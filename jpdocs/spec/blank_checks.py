"""A draft's blanks: the keys a spec leaves open (null), allowed only in a draft and
never where the press notice prints them; and the signers named by the title alone,
whose names a draft's block leaves blank. Called by checks.cross_check; the agreement's
composer (content/agreement/) reads the same lists to name them in the build."""
from __future__ import annotations

from ..errors import Problem
from .schema import Spec
from .source import dotted, line_of


def blank_keys(spec: Spec) -> list[tuple]:
    """The key paths a spec leaves open (null): the signing date, signers' titles and names."""
    out = []
    if spec.agreement and spec.agreement.signing_date is None:
        out.append(("agreement", "signing_date"))
    for pid, party in spec.parties.items():
        if party.name is None:
            out.append(("parties", pid, "name"))
        for at, person in party.people():
            at = ("parties", pid) + at        # a name left out (title alone) is no blank
            if person is not None and person.title is None:
                out.append(at + ("title",))
            if person is not None and person.name is None and not person.title_only:
                out.append(at + ("name",))
    document = spec.agreement.document if spec.agreement else None
    for i, witness in enumerate(document.witnesses if document else []):
        if witness.representative.title is None:
            out.append(("agreement", "document", "witnesses", i, "representative", "title"))
        if witness.representative.name is None and not witness.representative.title_only:
            out.append(("agreement", "document", "witnesses", i, "representative", "name"))
    return out


def unnamed_signers(spec: Spec) -> list[tuple]:
    """The name key paths of signers named by the title alone: a draft agreement's
    signature block leaves their names blank (outside a draft, signer_checks refuses them)."""
    out = []
    for pid, party in spec.parties.items():
        for who, signer in party.signers():
            if signer.title_only:
                out.append(("parties", pid) + who + ("name",))
    document = spec.agreement.document if spec.agreement else None
    for i, witness in enumerate(document.witnesses if document else []):
        if witness.representative.title_only:     # (立会人 大村市議会議長, who signs by hand)
            out.append(("agreement", "document", "witnesses", i, "representative", "name"))
    return out


def not_yet_signed(spec: Spec) -> bool:
    """Whether the spec states an agreement not yet signed (agreement.signing_date: null
    outside a draft): allowed where nothing it makes prints the date signed — no agreement
    document, no release after the signing — as 財務省 reports the 仮署名 (initialling) of
    a customs agreement whose signing is still to come; the annual book files it under no
    year (annual/rows.py)."""
    ag = spec.agreement
    notice = spec.press_notice
    return bool(ag and ag.signing_date is None and ag.document is None
                and not (notice and notice.after is not None))


def check_blanks(spec: Spec, name: str, lines) -> list[Problem]:
    """A date or name left open (null) is a draft's blank: allowed only where the
    agreement document says draft: true, and never where the press notice prints it."""
    ag = spec.agreement
    draft = bool(ag and ag.document and ag.document.draft)
    problems = []
    notice = spec.press_notice
    ids = (notice.ceremony.signatories or list(spec.parties)) if notice else []
    signing = {id(spec.parties[i]) for i in ids if i in spec.parties}   # an undeclared one is reported apart
    for path in blank_keys(spec):
        if path == ("agreement", "signing_date") and not draft and not_yet_signed(spec):
            continue
        if not draft:
            message = ("left open (null), which only a draft may do: write it, or say"
                       " agreement.document.draft: true for a draft (案) with blanks")
            if path[0] == "parties" and not (ag and ag.document):
                # No agreement document to be a draft of: advising one would make the
                # user write an agreement the page does not have (a notice's starter).
                message = ("left open (null), and this spec makes no agreement document to be a draft of:"
                           " write it" + (", or leave the person out where nothing the spec makes names them"
                                          if len(path) > 3 else ""))
            if path == ("agreement", "signing_date") and not (ag and ag.document):
                message = ("left open (null), but the release after the signing (press_notice.after) prints"
                           " the date signed: write it, or leave the release out while the agreement is"
                           " not yet signed")
        elif path[0] == "parties" and (id(spec.parties[path[1]]) in signing
                                       or (notice and path[2] == "name")):
            message = f"left open (null), but the press notice prints this {path[-1]}: write it"
        else:
            continue
        problems.append(Problem(name, line_of(lines, path), dotted(path), message))
    return problems
