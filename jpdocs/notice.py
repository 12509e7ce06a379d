"""The press notice's 記 block and contacts: what the spec says, checked and put in
the order the office wants, as plain data for the template.

Without `press_notice.ki:` the block holds the built-in items whose facts the
ceremony gives, in the usual order (日時, 場所, 締結者, 次第, 日程), then the ceremony's
extra_items. With `ki:` the office lists the items itself: built-in ones by name
(renamed with label:) and its own (text, a list, a table or people). Nothing is
printed for a fact the spec does not give, and a fact that would not be printed
is an error (check_notice), as is any other key that would have no effect.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from . import japanese
from .errors import InputError, Problem
from .schema import KI_BUILTINS, Ceremony, Contact, KiEntry, Person, Spec
from .source import dotted, line_of

N = ("press_notice",)
C = N + ("ceremony",)

# The ceremony's facts each built-in item is made from (the first ones decide whether
# it has any; the rest only shape it).
FACTS = {
    "date": ("date", "start", "end", "time_of_day", "span", "duration_note"),
    "place": ("venue", "online", "sites", "venue_address", "access"),
    "signatories": ("signatories", "group_signatories"),
    "agenda": ("agenda",),
    "schedule": ("schedule",),
}
_OWN = ("text", "list", "table", "people")


@dataclass(frozen=True)
class KiItem:
    """One numbered item of the 記 block, ready to print: its label, then either
    paragraphs (lines), numbered entries, or a table of rows."""
    label: str
    kind: str                                  # text | list | table | people
    lines: tuple[str, ...] = ()                # text: paragraphs; list: the entries
    markers: tuple[str, ...] = ()              # list: （１）, （２） …
    rows: tuple[tuple[str, ...], ...] = ()     # table and people: the rows
    widths: str = ""                           # table: column widths
    border: str = "grid"
    groups: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = ()   # groups: (title, people rows)


def _has(c: Ceremony, name: str) -> bool:
    """Whether the ceremony gives the facts of a built-in item."""
    if name == "date":
        return c.date is not None
    if name == "place":
        return bool(c.venue or c.online or c.sites)
    if name == "signatories":
        return True                            # default: every party
    return bool(getattr(c, name))


def item_names(spec: Spec) -> list[str | KiEntry]:
    """The 記 block's items in order: the spec's ki: entries, or the default ones."""
    n = spec.press_notice
    if n.ki is not None:
        return list(n.ki)
    return [name for name in KI_BUILTINS if _has(n.ceremony, name)]


# --------------------------------------------------------------------- checks

def check_notice(spec: Spec, name: str, lines) -> list[Problem]:
    """What the schema cannot say about the 記 block and the contacts."""
    n = spec.press_notice
    if n is None:
        return []
    problems: list[Problem] = []

    def problem(path, message):
        problems.append(Problem(name, line_of(lines, path), dotted(path), message))

    c = n.ceremony
    # the time of the ceremony
    if c.time_of_day and c.start:
        problem(C + ("time_of_day",), "give a start time or a part of the day (time_of_day), not both")
    for key in ("end", "span"):
        if getattr(c, key) is not None and c.start is None:
            problem(C + (key,), f"{key} shapes the start time, and the ceremony has no start: it would have no effect")
    if c.date is None:
        for key in ("start", "time_of_day", "duration_note"):
            if getattr(c, key) is not None:
                problem(C + (key,), "a time needs the ceremony's date (ceremony.date) to be printed under 日時")
    if c.start and c.end and c.end <= c.start:
        problem(C + ("end",), f"the end time {c.end:%H:%M} is not later than the start {c.start:%H:%M}")
    # the place
    if c.venue_address and not c.venue:
        problem(C + ("venue_address",), "venue_address is printed after the venue, and there is no venue:"
                                        " it would have no effect")
    if c.access and not (c.venue or c.sites):
        problem(C + ("access",), "access directions go under the venue, and there is no venue or site:"
                                 " they would have no effect")
    # the items
    if n.ki is not None:
        _check_ki(spec, lines, problem)
    for i, ct in enumerate(n.contacts):
        _check_contact(ct, N + ("contacts", i), problem)
    if n.press_request and n.press_request.contact:
        _check_contact(n.press_request.contact, N + ("press_request", "contact"), problem)
    return problems


def _check_ki(spec: Spec, lines, problem) -> None:
    """The office's list of items: each known, once, with its facts and one content;
    and no ceremony fact left that no item prints."""
    n, c = spec.press_notice, spec.press_notice.ceremony
    listed: dict[str, int] = {}
    K = N + ("ki",)
    for i, e in enumerate(n.ki):
        at = K + (i,)
        if e.item is not None:
            if e.item not in KI_BUILTINS:
                close = difflib.get_close_matches(e.item, KI_BUILTINS, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                problem(at + ("item",), f"unknown item '{e.item}'; {hint}the built-in items are"
                                        f" {', '.join(KI_BUILTINS)} (an item of your own has a label and"
                                        " text, list, table or people)")
                continue
            own = [k for k in _OWN + ("others",) if getattr(e, "entries" if k == "list" else k) is not None]
            for k in own:
                problem(at + (k,), f"the built-in item '{e.item}' is made from the ceremony's facts; {k}"
                                   " would have no effect (write an item of your own for it)")
            if e.item in listed:
                problem(at + ("item",), f"'{e.item}' is listed twice in ki (first as item {listed[e.item] + 1})")
                continue
            listed[e.item] = i
            if not _has(c, e.item):
                facts = " or ".join(f"ceremony.{f}" for f in FACTS[e.item][:3 if e.item == "place" else 1])
                problem(at + ("item",), f"'{e.item}' is listed, but the spec does not give {facts}:"
                                        " give it, or leave the item out")
        else:
            own = [k for k in _OWN if getattr(e, "entries" if k == "list" else k) is not None]
            if e.label is None:
                problem(at, "an item of your own needs a label (label: 出席者), or name a built-in item"
                            f" with item: ({', '.join(KI_BUILTINS)})")
            if not own:
                problem(at, "say what the item holds: text:, list:, table: or people:")
            for k in own[1:]:
                problem(at + (k,), f"an item holds one of text, list, table or people; it has {own[0]} already")
            for k in own[:1]:
                value = getattr(e, "entries" if k == "list" else k)
                if not value or (k == "table" and not all(value)):
                    problem(at + (k,), f"{k} is empty: write what the item says, or leave the item out")
            if e.others is not None and e.people is None:
                problem(at + ("others",), "others (ほか) follows a list of people: it would have no effect"
                                          " without people:")
            if e.table is not None:
                widths = {len(row) for row in e.table}
                if len(widths) > 1:
                    problem(at + ("table",), f"every row of a table has the same number of cells; these have"
                                             f" {', '.join(map(str, sorted(widths)))}")
            for j, person in enumerate(e.people or []):
                if not (person.title or person.name):
                    problem(at + ("people", j), "a person needs a title or a name")
    # a fact that no listed item prints would have no effect
    for item, facts in FACTS.items():
        if item in listed:
            continue
        for f in facts:
            if C + (f,) in lines:
                problem(C + (f,), f"ki does not list '{item}', so ceremony.{f} would not be printed:"
                                  f" add '- {item}' to ki, or remove the key")
    if c.extra_items:
        problem(C + ("extra_items",), "with ki:, write these items in ki: ({label: …, text: […]}),"
                                      " where their place is said")


_POSTAL = re.compile(r"[0-9０-９]{3}[-－][0-9０-９]{4}")


def _check_contact(ct: Contact, at: tuple, problem) -> None:
    if ct.people:
        for key in ("title", "name", "name_label"):
            if getattr(ct, key) is not None:
                problem(at + (key,), f"this contact lists its people under people:; write {key} there"
                                     " (each person's title and name)")
        for j, person in enumerate(ct.people):
            if not (person.title or person.name):
                problem(at + ("people", j), "a person needs a title or a name")
    elif ct.name_label and not ct.name:
        problem(at + ("name_label",), "name_label is printed before the name, and there is no name:"
                                      " it would have no effect")
    if ct.phones:
        for key in ("phone", "phone_kind", "extension"):
            if getattr(ct, key) is not None:
                problem(at + (key,), f"this contact lists its numbers under phones:; write {key} there"
                                     " ({number: …, kind: 代表, extension: …})")
    else:
        for key in ("phone_kind", "extension"):
            if getattr(ct, key) is not None and ct.phone is None:
                problem(at + (key,), f"{key} goes with a phone number, and there is none: it would have no effect")
    if ct.postal_code is not None:
        if ct.address is None:
            problem(at + ("postal_code",), "the postal code is printed before the address (〒093-8585　…),"
                                           " and there is no address: it would have no effect")
        if not _POSTAL.fullmatch(ct.postal_code.lstrip("〒")):
            problem(at + ("postal_code",), f"write a postal code as seven digits 093-8585, got {ct.postal_code!r}")


# --------------------------------------------------------------------- composing

def compose_ki(spec: Spec, style, path=None, lines=None, groups=None) -> tuple[list[KiItem], list[Problem]]:
    """The 記 block's items ready to print, and notes on what was chosen for the user.
    groups: the agreements announced (joint.announced), where the notice names others
    (press_notice.also)."""
    from .templating import event_date_text
    n = spec.press_notice
    c = n.ceremony
    d = style.digits
    notes: list[Problem] = []
    out: list[KiItem] = []

    def note(key, message):
        notes.append(Problem(str(path), line_of(lines or {}, key), dotted(key), message))

    def builtin(item: str, label: str | None) -> KiItem:
        label = label or style.word(f"ki_{item}")
        if item == "date":
            text = event_date_text(c.date, n.issue_date, d, style.dates)
            if not style.dates.event_year and c.date.year != n.issue_date.year:
                note(C + ("date",), "the house style leaves the year out of the ceremony's date, but the"
                                    " ceremony is not in the issue date's year: the year is printed")
            if c.start:
                text += "　" + japanese.format_time_span(c.start, c.end, d, style.times.zero_minutes,
                                                        style.times.clock, c.span or style.times.span)
            elif c.time_of_day:
                text += "　" + c.time_of_day
            if c.duration_note:
                text += f"（{c.duration_note}）"
            return KiItem(label, "text", (text,))
        if item == "place":
            out_lines = []
            if c.venue:      # the venue, and the way to it under it
                out_lines.append(c.venue + (f"（{c.venue_address}）" if c.venue_address else ""))
                out_lines += c.access
            if c.online:
                out_lines.append(c.online)
            for s in c.sites:
                out_lines.append((f"{s.name}：" if s.name else "") + s.venue + (f"（{s.address}）" if s.address else ""))
            if not c.venue:
                out_lines += c.access
            return KiItem(label, "text", tuple(out_lines))
        if item == "signatories":
            if n.also and groups:
                if c.group_signatories is False:
                    from .joint import signer_list
                    rows = rows_of(signer_list(groups))
                    return KiItem(label, "people", rows=tuple(rows), widths="0.55 0.45", border="none")
                grouped = tuple((g.title, tuple(rows_of(g.parties))) for g in groups)
                # rows too (each title, then its signers): a template of the user's made
                # before groups prints them as a table, not an empty item
                flat = tuple(row for title, rows in grouped for row in ((f"「{title}」", ""),) + rows)
                return KiItem(label, "groups", rows=flat, widths="0.55 0.45", border="none", groups=grouped)
            rows = signatory_rows(spec)
            return KiItem(label, "people", rows=tuple(rows), widths="0.55 0.45", border="none")
        if item == "agenda":
            return KiItem(label, "text", ("、".join(c.agenda),))
        rows = tuple((r.time, r.item, r.place or "") for r in c.schedule)
        return KiItem(label, "table", rows=rows, widths="0.25 0.4 0.35")

    entries = item_names(spec)
    for e in entries:
        if isinstance(e, str):
            out.append(builtin(e, None))
        elif e.item is not None:
            out.append(builtin(e.item, e.label))
        elif e.text is not None:
            out.append(KiItem(e.label, "text", tuple(e.text)))
        elif e.entries is not None:
            marked = tuple(f"（{japanese.digits(k, d)}）" for k in range(1, len(e.entries) + 1))
            out.append(KiItem(e.label, "list", tuple(e.entries), markers=marked))
        elif e.table is not None:
            cols = max(len(r) for r in e.table)
            out.append(KiItem(e.label, "table", rows=tuple(tuple(r) for r in e.table),
                              widths=" ".join([f"{1 / cols:.4f}"] * cols)))
        else:
            out.append(people_item(e.label, e.people, e.others))
    if n.ki is None:
        out += [KiItem(x.label, "text", tuple(x.text)) for x in c.extra_items]
    seen: dict[str, int] = {}
    for i, it in enumerate(out):
        if it.label in seen:
            at = N + ("ki", i) if n.ki is not None else C + ("extra_items", i - len(entries))
            if n.ki is not None and n.ki[i].label:
                at += ("label",)
            raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at),
                                      f"two items of the 記 block are labelled '{it.label}' (items"
                                      f" {seen[it.label] + 1} and {i + 1}); rename one (label:)")])
        seen[it.label] = i
    builtins = [e if isinstance(e, str) else e.item for e in entries]
    if c.signatories is None and "signatories" in builtins and (spec.agreement is not None or not n.also):
        note(C, "ceremony.signatories not given: 締結者 lists every party ("
             + "、".join(p.name for p in spec.parties.values()) + ")")
    if n.also and groups and "signatories" in builtins:
        for g in groups[1 if spec.agreement is not None else 0:]:
            note(N + ("also",), f"締結者 of 「{g.title}」 ({g.path}): every party of that spec ("
                 + "、".join(p.name for p in g.parties) + ")")
        if c.group_signatories is None:
            note(C, "ceremony.group_signatories not given: 締結者 are listed per agreement, under its title"
                    " (group_signatories: false lists each signer once)")
    return out, notes


def signatory_rows(spec: Spec) -> list[tuple[str, str]]:
    """締結者, a row per signing party: organisation and title | name (reading) 様."""
    return rows_of(spec.signatories())


def rows_of(parties) -> list[tuple[str, str]]:
    """A row per party of `parties`, as signatory_rows."""
    rows = []
    for party in parties:
        signer = party.signer()
        org = party.organisation_before_title()
        # A pair too long for its cell (55% of the width: about 20 full-width
        # characters at the house size) sets the organisation on a line of its
        # own: a break inside the title would set the name beside a title that
        # is not the signer's (seen: 「…環境庁　副大統領兼環境庁」 / 「長官」).
        if org and len(org + signer.title) > 19:
            left = f"{org}\n{signer.title}"
        else:
            left = (f"{org}　" if org else "") + signer.title
        right = "　" + signer.name + (f"（{signer.reading}）" if signer.reading else "") \
            + (f"　{party.honorific}" if party.honorific else "")
        rows.append((left, right))
    return rows


def person_row(p: Person) -> tuple[str, str]:
    name = (p.name or "") + (f"（{p.reading}）" if p.reading else "") + (f"（{p.note}）" if p.note else "")
    return (p.title or "", ("　" + name) if name else "")


def people_item(label: str, people: list[Person], others: str | None) -> KiItem:
    rows = [person_row(p) for p in people]
    if others:
        left, right = rows[-1]
        rows[-1] = (left, right + "　" + others)
    return KiItem(label, "people", rows=tuple(rows), widths="0.55 0.45", border="none")
