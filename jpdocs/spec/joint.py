"""Several agreements at one ceremony: a notice that announces the others too.

Each agreement keeps its own spec (its parties, its `agreement:` with areas and
document) and builds on its own. The spec with the press notice names the others'
specs under `press_notice.also` (paths relative to it); the notice lists every
agreement's signatories (grouped under each agreement's title, or each signer once
with `ceremony.group_signatories: false`) and may attach another spec's overview
sheet ({title: …, document: overview, spec: other.yaml}).

Rules (README, "Several agreements at one ceremony"):
- an other spec is read with the same rules as any spec (files.py, load_spec), and
  its problems are reported with its own file and lines, announced at `also`;
- it must have an agreement, and no press notice of its own: a ceremony is announced
  by one notice (this also refuses a cycle, A naming B naming A);
- every party of an other spec signs its agreement (an agreement's parties are its
  signatories); a party declared in both specs is recognised by its name and its
  signer (title and name): printed once per agreement when grouped, once overall
  when not. The same organisation and title with another signer's name is refused:
  one of the two specs is wrong.
- the other specs' own documents are not built from this spec; a change in one
  rebuilds the notice (record.input_files).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Problem
from ..files import FileRefused, check_regular, resolve_file
from .notice_checks import lists_signatories
from .source import dotted, line_of

A = ("press_notice", "also")


@dataclass(frozen=True)
class Announced:
    """One agreement the notice announces: its title and its signing parties."""
    title: str
    parties: tuple          # schema.Party, in order
    path: Path              # the spec it is declared in


def load_others(spec, path: Path, lines, allow_outside: bool, load_spec) -> tuple[dict, list[Problem]]:
    """The specs `press_notice.also` names, as {written path: LoadedSpec}, and the
    problems found (each naming file, line and key). `load_spec` is spec.load_spec,
    passed in by it: this module sits below spec/load.py (spec_checks uses check_also)."""
    notice = spec.press_notice
    others: dict = {}
    problems: list[Problem] = []
    if notice is None or not notice.also:
        return others, problems
    name = str(path)
    here = Path(path).resolve()
    seen: dict[Path, int] = {}

    def problem(i, message):
        problems.append(Problem(name, line_of(lines, A + (i,)), dotted(A + (i,)), message))

    for i, written in enumerate(notice.also):
        target = resolve_file(path, written)
        if target == here:
            problem(i, f"'{written}' is this spec itself; also names the specs of the other agreements"
                       " signed at the same ceremony")
            continue
        if target in seen:
            problem(i, f"'{written}' is named twice (first as also[{seen[target]}])")
            continue
        seen[target] = i
        try:
            check_regular(target, "spec")
        except FileRefused as exc:
            hint = " (a path relative to this spec)" if exc.reason == "does not exist" else ""
            problem(i, f"the spec {target} {exc.reason}{hint}")
            continue
        try:
            other = load_spec(target, allow_outside, others=False)
        except InputError as exc:
            problem(i, f"the spec {target} named here cannot be read: its problems are listed with it")
            problems.extend(exc.problems)
            continue
        o = other.spec
        if o.press_notice is not None:
            if o.press_notice.also:
                key = ("press_notice", "also")
                problem(i, f"{target} announces a joint ceremony too (its press_notice.also, line"
                           f" {other.line_of(key)}): a ceremony is announced by one notice; remove"
                           " press_notice from one of the two specs")
            else:
                problem(i, f"{target} has a press notice of its own (line {other.line_of(('press_notice',))}):"
                           " a ceremony is announced by one notice, this one; remove press_notice from"
                           f" {target} (its agreement and overview still build on their own)")
            continue
        if o.agreement is None:
            problem(i, f"{target} has no agreement: (also names the specs of the other agreements"
                       " signed at the same ceremony)")
            continue
        for pid, party in o.parties.items():      # the notice prints every signer (its name, if given)
            signer = party.signer()
            if signer is None and lists_signatories(spec):   # an agreement for the annual book only
                problems.append(Problem(str(target), other.line_of(("parties", pid)), f"parties.{pid}.representative",
                                        f"missing: the press notice of {path} prints who signs for this"
                                        " party; give representative: {title: …, name: …}"))
                continue
            if signer is None:
                continue
            names = [(("parties", pid) + at + ("name",), "" if person.title_only else person.name)
                     for at, person in party.signers()]
            for key, value in [(("parties", pid, "name"), party.name)] + names:
                if value is None:
                    problems.append(Problem(str(target), other.line_of(key), dotted(key),
                                            f"left open (null), but the press notice of {path} prints this"
                                            " name: write it"))
        for pid, party in o.parties.items():      # 様 never on the head of the notice's issuer
            if party.honorific and party.on_issuing_side(spec.issuer):
                key = ("parties", pid, "honorific")
                problems.append(Problem(str(target), other.line_of(key), dotted(key),
                                        f"'{party.honorific}' on the head of {party.name}, which issues the"
                                        f" press notice of {path} (its issuer is '{spec.issuer}'): an office"
                                        " never writes 様 after its own head; delete the honorific, or say"
                                        " issuing: false if this party is not of the issuing side"))
        others[written] = other
    if not problems:
        problems += _same_parties(spec, name, lines, others)
    return others, problems


def _same_parties(spec, name, lines, others) -> list[Problem]:
    """A party declared in two specs with the same title but another signer's name:
    one of the specs is wrong, and the notice would print both."""
    problems = []
    known: dict[tuple[str, str], tuple[str, str, str]] = {}   # (org, title) → (name, file, key)
    sources = [(name, lines, spec, None)] + [(str(o.path), o.lines, o.spec, w) for w, o in others.items()]
    for file, file_lines, s, written in sources:
        for pid, party, who, signer in [(pid, party, who, signer) for pid, party in s.parties.items()
                                        for who, signer in party.signers()]:
            if party.name is None or (signer.name is None and not signer.title_only):
                continue                          # a blank or missing (said apart)
            key = ("parties", pid) + who + ("name",)
            first = known.setdefault((party.name, signer.title), (signer.name, file, dotted(key)))
            if first[1] != file and (first[0] is None) != (signer.name is None):
                # named in one spec, by the title alone in the other: the notice would
                # print the one person twice, once as if another
                named, bare = (first[0], file) if signer.name is None else (signer.name, first[1])
                problems.append(Problem(file, line_of(file_lines, key[:-1]), dotted(key),
                                        f"{party.name}'s {signer.title} is named {named} in one spec and by"
                                        f" the title alone in {bare}; the notice would print both: write"
                                        " the same name in both specs"))
            elif first[0] != signer.name and first[1] != file:
                problems.append(Problem(file, line_of(file_lines, key), dotted(key),
                                        f"{party.name}'s {signer.title} is {first[0]} in {first[1]} ({first[2]})"
                                        f" and {signer.name} here; the notice would name both: write the same"
                                        " name in both specs"))
    return problems


def announced(loaded) -> list[Announced]:
    """The agreements the notice announces, in order: this spec's own (its
    ceremony.signatories, or every party) and each spec of `also` (every party); or
    each of this spec's agreements: (its parties among ceremony.signatories)."""
    spec = loaded.spec
    out = []
    if spec.agreements:     # several of this spec's own (agreements:): each its signers, in its order
        chosen = set(spec.press_notice.ceremony.signatories or spec.parties)
        return [Announced(a.title, tuple(spec.parties[p] for p in a.parties if p in chosen), Path(loaded.path))
                for a in spec.agreements.values()]
    if spec.agreement is not None or not spec.press_notice.also:
        title = spec.agreement.title if spec.agreement else ""
        out.append(Announced(title, tuple(spec.signatories()), Path(loaded.path)))
    for other in loaded.others.values():
        out.append(Announced(other.spec.agreement.title, tuple(other.spec.parties.values()), Path(other.path)))
    return out


def same_signer(a, b) -> bool:
    """Whether parties a and b, of two specs, are one party signing by the same people."""
    sa, sb = a.signers(), b.signers()
    return a.name == b.name and len(sa) == len(sb) and all(
        x.title == y.title and x.name == y.name for (_, x), (_, y) in zip(sa, sb))


def signer_list(groups: list[Announced]) -> list:
    """Every signer once, in the order first met (a party of two agreements once)."""
    out = []
    for g in groups:
        for party in g.parties:
            if not any(same_signer(party, p) for p in out):
                out.append(party)
    return out


def check_also(spec, name: str, lines) -> list[Problem]:
    """What can be told of `also` and its companions without reading the other specs."""
    n = spec.press_notice
    if n is None:
        return []
    problems = []

    def problem(path, message):
        problems.append(Problem(name, line_of(lines, path), dotted(path), message))

    C = ("press_notice", "ceremony")
    if not n.also:
        if n.ceremony.group_signatories is not None and not spec.agreements:
            problem(C + ("group_signatories",), "group_signatories groups the 締結者 of several agreements"
                                                " (press_notice.also, or agreements:), and this notice announces"
                                                " one: it would"
                                                " have no effect")
    else:
        if n.after is not None:
            problem(("press_notice", "after"), "the release after the signing reports one agreement; for a"
                                               " ceremony of several (press_notice.also) it is not supported yet:"
                                               " write it as a spec of its own, or remove after:")
        if spec.agreement is None and n.ceremony.signatories is not None:
            problem(C + ("signatories",), "this spec has no agreement of its own, so its parties sign nothing"
                                          " the notice announces: ceremony.signatories would have no effect"
                                          " (the other agreements' signatories are their specs' parties)")
    # without ki: the default 記 block always lists 締結者 (every party by default)
    lists_signatories = n.ki is None or any((e if isinstance(e, str) else e.item) == "signatories" for e in n.ki)
    if n.also and not lists_signatories:
        attached = {resolve_file(Path(name), a.spec) for a in n.attachments if a.spec}
        for i, written in enumerate(n.also):
            if resolve_file(Path(name), written) not in attached:
                problem(("press_notice", "also", i), f"ki does not list 'signatories' and no attachment names"
                                                     f" '{written}' (spec:): it would have no effect; add"
                                                     " '- signatories' to ki, or remove it")
    lists = [(("press_notice", "attachments"), n.attachments)]
    if n.after is not None and n.after.attachments is not None:
        lists.append((("press_notice", "after", "attachments"), n.after.attachments))
    named = {resolve_file(Path(name), w) for w in n.also}
    for base, items in lists:
        for i, att in enumerate(items):
            if att.spec and resolve_file(Path(name), att.spec) not in named:
                problem(base + (i, "spec"), f"'{att.spec}' is not one of the specs press_notice.also names"
                                            f" ({', '.join(n.also) or 'none'}): a notice attaches the documents"
                                            " of the agreements it announces")
    return problems


def check_attached(loaded) -> list[Problem]:
    """An other spec's overview sheet is attached only where that spec makes one."""
    n, problems = loaded.spec.press_notice, []
    if n is None:
        return problems
    by_path = {Path(o.path).resolve(): o for o in loaded.others.values()}
    for i, att in enumerate(n.attachments):
        if not att.spec:
            continue
        other = by_path.get(resolve_file(loaded.path, att.spec))
        if other is not None and att.document == "overview" and not other.spec.agreement.areas:
            key = ("press_notice", "attachments", i, "spec")
            problems.append(Problem(str(loaded.path), loaded.line_of(key), dotted(key),
                                    f"the overview sheet is made from agreement.areas, and {other.path} has none:"
                                    " there is no overview to attach"))
    return problems


def other_of(loaded, written: str):
    """The loaded other spec an attachment's `spec:` names."""
    target = resolve_file(loaded.path, written)
    return next(o for o in loaded.others.values() if Path(o.path).resolve() == target)
