"""Several agreements and several ceremonies in one spec, checked.

`agreements:` (instead of `agreement:`) states the agreements one notice announces, by
id, each with the parties that sign it (中央大学, 2025: one with 旭川市 on 8月12日, one
of four parties the next day); `press_notice.ceremonies` the ceremonies that sign them,
each with its own time, place and signers (彦根市, 2022: one agreement with two
companies in turn). One agreement and one ceremony stay the default (agreement:,
ceremony:); what cannot be printed truthfully, or would have no effect, is refused here.
"""
from __future__ import annotations

from dataclasses import replace

from ..errors import Problem
from ..party_words import agreement_names, id_slot, party_names, with_names
from .schema import Spec
from .source import dotted, line_of

A = ("agreements",)
N = ("press_notice",)
CS = N + ("ceremonies",)
# what ceremony: says of one ceremony; beside ceremonies: it would be a ceremony more, of no agreement
ONE_CEREMONY = ("date", "start", "end", "time_of_day", "span", "duration_note", "start_note", "time_prefix",
                "venue", "venue_address", "access", "online", "sites", "signatories", "group_signatories",
                "agenda", "schedule")
# what would stand under a step of the 次第, where the ceremony's line has no room
UNDER_STEP = ("signatories", "parties", "people", "notes", "steps")


def check_several(spec: Spec, name: str, lines) -> list[Problem]:
    problems: list[Problem] = []

    def problem(path, message):
        problems.append(Problem(name, line_of(lines, path), dotted(path), message))

    agreements = spec.agreements or {}
    if spec.agreements is not None:
        if spec.agreement is not None:
            problem(A, "agreement: states one agreement and agreements: several: give one of them")
        if len(agreements) < 2:
            problem(A, "agreements: states several agreements, and it holds one: write it as agreement:")
        for aid, ag in agreements.items():
            seen: set[str] = set()
            for i, ref in enumerate(ag.parties):
                if ref in spec.parties and ref in seen:     # (a party not declared: id_checks.py)
                    problem(A + (aid, "parties", i), f"party '{ref}' is named twice: name each party once")
                seen.add(ref)
    n = spec.press_notice
    if n is None:
        return problems
    if agreements and n.also:
        problem(N + ("also",), "this spec states several agreements (agreements:), and also: names the specs of"
                               " more: the notice would group its 締結者 two ways; give every agreement one way:"
                               " all under agreements:, or each in a spec of its own named by also:")
    if agreements and n.after is not None:
        # no real notice of several agreements found with a release after it (thirty-third
        # session's search): refused, and the report of several signings is a notice of its own
        problem(N + ("after",), "the release after the signing (after:) reports one agreement (agreement:), and"
                                " this spec states several (agreements:): a release after several is not supported"
                                " yet; remove after:, and write the report of the signings as a spec of its own"
                                " with these agreements: and its own opening (…を締結しました)")
    if not n.ceremonies:
        return problems
    if not agreements:
        problem(CS, "each ceremony signs agreements of the spec's agreements:, and the spec states none: write"
                    " the agreements under agreements:, or the one ceremony under ceremony:")
        return problems
    if len(n.ceremonies) < 2:
        problem(CS, "ceremonies: states several ceremonies, and it holds one: write its facts under ceremony:")
    for key in ONE_CEREMONY:
        if N + ("ceremony", key) in lines:
            problem(N + ("ceremony", key), f"ceremony.{key} is a fact of one ceremony, and the notice announces"
                                           " several (ceremonies:): give it to the ceremony it belongs to")
    if n.event_line:
        problem(N + ("event_line",), "the event line is one ceremony's date and place, and the notice announces"
                                     " several (ceremonies:): whose would it print? remove it")
    if n.ki is not None and not any(e.item == "ceremonies" for e in n.ki):
        problem(CS, "ki does not list 'ceremonies', so the ceremonies would not be printed: add '- ceremonies'"
                    " to ki")
    signed_at: dict[str, int] = {}
    # an agreement said by its title beside its id, as "did you mean" and the lists say it
    # (id_checks.py): in 彦根市's spec the bare id 'procrew' is a party's too
    titled = agreement_names(agreements)
    for k, cer in enumerate(n.ceremonies):
        at = CS + (k,)
        # (what stands under a step of its 次第: printed nowhere but by a user's template,
        # which the build knows of: steps_unprinted, spec/unprinted.py)
        parties: list[str] = []
        for i, ref in enumerate(cer.agreements):
            if ref not in agreements:           # (not declared: id_checks.py)
                continue
            if ref in signed_at:
                problem(at + ("agreements", i), f"the agreement {id_slot(ref, titled[ref])} is signed at ceremony"
                                                f" {signed_at[ref] + 1} already: an agreement is signed once")
                continue
            signed_at[ref] = k
            parties += [p for p in agreements[ref].parties if p not in parties]
            signed = agreements[ref].signing_date
            if signed is not None and cer.date is not None and signed != cer.date:
                problem(at + ("date",), f"the ceremony is on {cer.date.isoformat()}, and the agreement it signs,"
                                        f" {id_slot(ref, titled[ref])}, was signed on {signed.isoformat()}"
                                        f" (agreements.{ref}.signing_date): correct one of them")
        # With none of its agreements its own (each unknown or signed at an earlier
        # ceremony: said above), a ceremony has no parties to check its signers against,
        # and a message would offer an empty list: "name a party of them ()".
        for i, ref in enumerate((cer.signatories or ()) if parties else ()):
            if ref not in parties:
                problem(at + ("signatories", i), f"party '{ref}' signs none of the agreements this ceremony signs"
                                                 f" ({with_names(cer.agreements, agreement_names(agreements))}):"
                                                 " name a party of them"
                                                 f" ({with_names(parties, party_names(spec.parties))})")
        if cer.date is None:
            for key in ("start", "time_of_day", "duration_note"):
                if getattr(cer, key) is not None:
                    problem(at + (key,), "a time needs the ceremony's date to be printed")
        if cer.start and cer.end and cer.end <= cer.start:
            problem(at + ("end",), f"the end time {cer.end:%H:%M} is not later than the start {cer.start:%H:%M}")
    labels: dict[str, int] = {}
    for k, cer in enumerate(n.ceremonies):
        if cer.label in labels:
            problem(CS + (k, "label"), f"ceremonies {labels[cer.label] + 1} and {k + 1} are both labelled"
                                       f" '{cer.label}': rename one")
        labels.setdefault(cer.label, k)
    return problems


def steps_unprinted(spec: Spec) -> list[tuple[tuple, object, str, str]]:
    """(key path, step, its field, the refusal) of what the spec writes under a step of
    the 次第 of a ceremony of several: its item prints the 次第 on one line, the steps
    joined (content/notice.py), so the bundled templates print none of it. A user's
    template (--templates) may print it: the build decides (build/unprinted.py)."""
    n = spec.press_notice
    if n is None or not n.ceremonies or not spec.agreements:    # (else refused as a whole: check_several)
        return []
    return [(CS + (k, "agenda", i, key), step, key,
             "a ceremony of several prints its 次第 on one line after its label, its steps joined, where nothing"
             f" stands under a step: {key} would have no effect (a line under the ceremony's item is one of its"
             " notes:)")
            for k, cer in enumerate(n.ceremonies) for i, step in enumerate(cer.agenda)
            for key in UNDER_STEP if getattr(step, key)]


def ceremony_signers(spec: Spec, k: int) -> list[str]:
    """The ids of who signs at ceremony k: its signatories, else every party of the
    agreements it signs, in their order."""
    cer = spec.press_notice.ceremonies[k]
    if cer.signatories is not None:
        return list(cer.signatories)
    out: list[str] = []
    for ref in cer.agreements:
        out += [p for p in spec.agreements[ref].parties if p not in out]
    return out


def agreement_views(loaded) -> list:
    """The spec as each of its agreements (agreements:) alone, for what lists agreements
    one by one (the annual book: a row and a sheet each): a copy whose agreement is that
    one and whose parties are its parties, in its order, the lines of its keys found
    under agreement (so that a message about it names its line) and its key as written,
    agreements.<id>.… (agreement_at, LoadedSpec.key). A spec of one agreement is itself."""
    spec = loaded.spec
    if not spec.agreements:
        return [loaded]
    views = []
    for aid in spec.agreements:
        view, lines = agreement_view(spec, loaded.lines, aid)
        views.append(replace(loaded, spec=view, lines=lines, agreement_at=A + (aid,)))
    return views


def agreement_view(spec: Spec, lines: dict, aid: str) -> tuple[Spec, dict]:
    """The spec as its agreement `aid` of several alone (its agreement that one, its
    parties that one's, in its order) and `lines` with the keys of that agreement found
    under agreement (agreements.<aid>.title at agreement.title). Its parties must be
    declared (id_checks.py says where one is not)."""
    ag, own = spec.agreements[aid], A + (aid,)
    view_lines = {k: v for k, v in lines.items() if k[:1] != ("agreement",)}
    view_lines.update({("agreement",) + k[len(own):]: v for k, v in lines.items() if k[:len(own)] == own})
    view = spec.model_copy(update={"agreement": ag, "agreements": None,
                                   "parties": {p: spec.parties[p] for p in ag.parties}})
    return view, view_lines
