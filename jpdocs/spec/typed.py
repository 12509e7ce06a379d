"""A signer's title and name as the signed copy types them on its signature line
(`typed:` on a representative, signatory, co-signer or witness): the same characters,
spaced by gaps of the copy's own (赤 磐 市 長, 友　實　　武　則). Only the gaps may
differ: with every half-width and full-width space removed, the typed form must be
the title or the name the spec writes, so that it can never change a fact. It prints
in the agreement's signature block only (the notices name the signer as written)."""
from __future__ import annotations
# The annotations are kept as text, evaluated at each model's first use: strict/model.py's _build.

import unicodedata
from typing import Optional

from ..errors import Problem
from ..japanese import em_width
from .base import Line, Strict
from .source import dotted, line_of

GAPS = " \u3000"     # the typed gaps: a half-width space, a full-width one


class Typed(Strict):
    """The signature line's title and/or name as typed; either may be left out (printed
    as the spec writes it)."""
    title: Optional[Line] = None       # 赤 磐 市 長 (赤磐市長 with its gaps)
    name: Optional[Line] = None        # 友　實　　武　則 (友實　武則 with its gaps)


def bare(text: str) -> str:
    """The text with its gaps removed: what a typed form must spell."""
    return "".join(c for c in text if c not in GAPS)


def typed_x(written: str, typed: str) -> tuple[list[float], float] | str:
    """Where each character of `written` stands (em from the line's start) when its
    characters are placed as `typed` places them, and the width they take; the
    written spaces (友實　武則's) stay glyphs, right after the character before them.
    A typed gap narrower than the written space it must hold: that character, as a
    str. Widths as a fixed-pitch face sets them (a half-width space half an em)."""
    starts = []
    x = 0.0
    for c in typed:
        if c not in GAPS:
            starts.append(x)
        x += em_width(c)
    out, x, k = [], 0.0, 0
    for c in written:
        if c in GAPS:
            out.append(x)
        else:
            if k >= len(starts) or starts[k] < x - 1e-9:
                return c
            out.append(starts[k])
            x, k = starts[k], k + 1
        x += em_width(c)
    return out, x


def check_typed(spec, name: str, lines) -> list[Problem]:
    """Each typed form spells its title or name, and prints: refused where the title or
    name is not given (a draft's blank, a name withheld, a signer named by the title
    alone), and where it is typed as written. Where no agreement document prints the
    person's block (none, or signature_blocks: withheld), or the person does not sign (a
    head beside a signatory), it is printed nowhere but by a user's template: the build
    decides (spec/unprinted.py)."""
    document = spec.agreement.document if spec.agreement else None
    people = []
    for pid, party in spec.parties.items():
        signing = {who for who, _ in party.signers()}
        people += [(("parties", pid) + who, person, who in signing)
                   for who, person in party.people() if person is not None]
    if document is not None:
        people += [(("agreement", "document", "witnesses", i, "representative"), w.representative, True)
                   for i, w in enumerate(document.witnesses)]
    withheld = bool(document and document.signer_names == "withheld")
    problems = []
    for path, person, signs in people:
        typed = person.typed
        if typed is None:
            continue
        at = path + ("typed",)

        def problem(key: tuple, message: str):
            problems.append(Problem(name, line_of(lines, at + key), dotted(at + key), message))
        if document is None or not signs or document.signature_blocks == "withheld":
            continue          # printed nowhere but by a user's template: spec/unprinted.py
        if typed.title is None and typed.name is None:
            problem((), "typed needs title:, name: or both, as the signed copy types them")
        for key, given in (("title", typed.title), ("name", typed.name)):
            if given is None:
                continue
            written = None if key == "name" and person.title_only else getattr(person, key)
            if key == "title" and written is False:
                problem((key,), "title: false: the signer has no title, so there is none to type; remove"
                                " typed.title")
            elif key == "name" and withheld:
                problem((key,), "signer_names: withheld prints no name: a typed name would have no effect;"
                                " remove typed.name")
            elif written is None:
                problem((key,), f"the {key} is not given (left open, or the signer named by the title alone):"
                                f" there is no {key} to type; remove typed.{key}")
            elif given != given.strip(GAPS):
                problem((key,), f"「{given}」 begins or ends with a gap: a typed form spaces the characters"
                                " between its first and its last; remove the gap")
            elif bare(given) != bare(written):
                problem((key,), f"「{given}」 without its gaps is 「{bare(given)}」, not the {key} written"
                                f" 「{written}」: a typed form may only add or change the gaps between the"
                                " same characters")
            elif isinstance(typed_x(written, given), str):
                char = typed_x(written, given)
                problem((key,), f"「{given}」 leaves less room before 「{char}」 than the space"
                                f" the {key} written 「{written}」 has there: a typed form keeps the written spaces;"
                                " type at least their width")
            elif given == written:
                problem((key,), f"「{given}」 is typed as the {key} is written: it would have no effect;"
                                f" remove typed.{key}")
    return problems


def check_typed_names(spec, name: str, lines) -> list[Problem]:
    """A party's typed_name (the block's organisation line as the copy types it) is the
    name the block prints (formal_name, else name), the same under NFKC (ｸﾗｲｼｽ for
    クライシス, ･ for ・), line for line where the name is written on two (a full-width
    space between them), and differs from it. Where no agreement document's block
    prints it (none, or signature_blocks: withheld), or the block prints no organisation
    line (known as the text is composed: content/agreement/compose.py), it is printed
    nowhere but by a user's template: the build decides (spec/unprinted.py)."""
    document = spec.agreement.document if spec.agreement else None
    problems = []
    for pid, party in spec.parties.items():
        given = party.typed_name
        if given is None:
            continue
        at = ("parties", pid, "typed_name")

        def problem(message: str):
            problems.append(Problem(name, line_of(lines, at), dotted(at), message))
        written = party.formal_name or party.name
        if document is None or document.signature_blocks == "withheld":
            continue          # printed nowhere but by a user's template: spec/unprinted.py
        if written is None:
            problem("the party's name is left open: there is no name to type; remove typed_name")
        elif given == written:
            problem(f"「{given}」 is typed as the name is written: it would have no effect; remove typed_name")
        elif [_nfkc(x) for x in given.split("\u3000")] != [_nfkc(x) for x in written.split("\u3000")]:
            problem(f"「{given}」 is not the name written 「{written}」 in another form (the same under"
                    " NFKC, line for line): typed_name may only set the same name in other widths"
                    " (ｸﾗｲｼｽ for クライシス)")
    return problems


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)
