"""The press notice's 記 block and contacts, checked: what the schema cannot say.

Without `press_notice.ki:` the block holds the built-in items whose facts the
ceremony gives; with `ki:` the office lists the items itself. A fact that would not
be printed is an error here, as is any other key that would have no effect
(content/notice.py composes the items that pass).
"""
from __future__ import annotations

import difflib
import re

from ..enumeration import IROHA_ITEMS
from ..errors import Problem
from .schema import KI_BUILTINS, Ceremony, KiEntry, Spec
from .contact_checks import check_contact, check_person
from .note_marks import check_note_marks
from .photo_checks import check_photos
from .pointers import check_pointers
from .section_checks import check_row_widths, check_sections
from .source import dotted, line_of

N = ("press_notice",)
C = N + ("ceremony",)

# The ceremony's facts each built-in item is made from (the first ones decide whether
# it has any; the rest only shape it).
FACTS = {
    "date": ("date", "start", "end", "time_of_day", "span", "duration_note", "start_note", "time_prefix"),
    "place": ("venue", "online", "sites", "venue_address", "access"),
    "signatories": ("signatories", "group_signatories"),
    "agenda": ("agenda",),
    "schedule": ("schedule",),
}
_OWN = ("text", "list", "table", "people", "groups")


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
        return [e for e in n.ki if e.heading is None]     # a heading is no item (ki_headings)
    if n.ceremonies:      # each ceremony an item, its signers with it (spec/several.py refuses one's facts)
        return ["ceremonies"]
    on_line = ("date", "place") if n.event_line else ()   # printed on the event line instead
    # who signed is a fact: every party is listed as 締結者 by default only where the spec
    # speaks of a ceremony at all (a report that writes no ceremony: names no signer)
    unsaid = () if "ceremony" in n.model_fields_set else ("signatories",)
    return [name for name in KI_BUILTINS if name != "ceremonies" and _has(n.ceremony, name)
            and name not in on_line and name not in unsaid]


def ki_headings(spec: Spec) -> dict[int, str]:
    """The headings among the office's 記 items (ki: - heading: ＜概要＞), by the number of
    items before each: {0: ＜概要＞} stands over the first item."""
    out, count = {}, 0
    for e in spec.press_notice.ki or ():
        if e.heading is not None:
            out[count] = e.heading
        else:       # (the ceremonies' entry prints an item each)
            count += len(spec.press_notice.ceremonies) if e.item == "ceremonies" else 1
    return out


def lists_signatories(spec: Spec) -> bool:
    """Whether the 記 block prints who signs: a 締結者 item, or a step of its 次第 with
    the signers under it (a notice that names no signer, or names them in its own
    sentences, has neither)."""
    entries = item_names(spec)
    names = [e if isinstance(e, str) else e.item for e in entries]
    return ("signatories" in names or ("agenda" in names and agenda_signs(spec))
            or any(group_signs(e) for e in entries))


def group_signs(entry) -> bool:
    """Whether an item of the office's own has a group of the signers (協定締結者 under
    協定締結者等)."""
    return not isinstance(entry, str) and any(g.item == "signatories" for g in entry.groups or ())


def agenda_signs(spec: Spec) -> bool:
    """Whether a step of the ceremony's 次第 lists the signers under it."""
    return any(x.signatories for a in spec.press_notice.ceremony.agenda for x in (a, *a.steps))


def listed_persons(n):
    """(person, spec path) of every person the notice lists where a title may be given as
    lines: a 次第 step's and its own steps', a 記 item's and its groups' (a contact's are
    the contact's own): the titles the notice sets (content/notice.py), the names whose
    様 spec/honorific_names.py checks. Named, not walked: every notice asks, and a walk
    of the notice's values costs a warm notice 2 %."""
    at = ("press_notice", "ceremony", "agenda")
    for i, a in enumerate(n.ceremony.agenda):
        yield from ((p, at + (i, "people", k)) for k, p in enumerate(a.people))
        for j, b in enumerate(a.steps):
            yield from ((p, at + (i, "steps", j, "people", k)) for k, p in enumerate(b.people))
    for i, e in enumerate(n.ki or ()):
        yield from ((p, ("press_notice", "ki", i, "people", k)) for k, p in enumerate(e.people or ()))
        for j, g in enumerate(e.groups or ()):
            yield from ((p, ("press_notice", "ki", i, "groups", j, "people", k)) for k, p in enumerate(g.people or ()))


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
    for key in ("end", "span", "start_note"):
        if getattr(c, key) is not None and c.start is None:
            problem(C + (key,), f"{key} shapes the start time, and the ceremony has no start: it would have no effect")
    if c.start_note is not None and c.end is not None:
        # 10時00分（現地時間）～11時00分 would leave the end's time unsaid: a note of the whole
        # span stands after it, as the duration note does (9時30分～10時00分（現地時間）)
        problem(C + ("start_note",), "start_note follows a start given without its end (午前９時30分（現地時間）から);"
                                     " beside an end, write the note as duration_note, printed after the span"
                                     " (９時30分～10時00分（現地時間）)")
    if c.time_prefix is not None and c.start is None and c.time_of_day is None:
        problem(C + ("time_prefix",), "time_prefix stands before the ceremony's time (現地時間11:10～11:25), and the"
                                      " ceremony has no time (start or time_of_day): it would have no effect")
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
    # the 次第's steps
    for i, a in enumerate(c.agenda):
        if len(a.steps) > len(IROHA_ITEMS):
            problem(C + ("agenda", i, "steps"), f"a step of the 次第 has more than {len(IROHA_ITEMS)} steps"
                                               " of its own (marked ア to ワ): split it")
        for at, x in [(C + ("agenda", i), a)] + [(C + ("agenda", i, "steps", j), b) for j, b in enumerate(a.steps)]:
            if x.parties and (n.also or spec.agreements):
                problem(at + ("parties",), "with press_notice.also the notice announces several agreements"
                                           " (as with agreements:), and"
                                           " parties: true cannot say whose parties the step lists: write them"
                                           " as steps of their own")
            for k, person in enumerate(x.people):
                check_person(person, at + ("people", k), problem)
    if n.event_line and c.date is None:
        problem(N + ("event_line",), "the event line is the ceremony's date and place above the text, and the"
                                     " ceremony has no date (ceremony.date): it would have no effect")
    # the items
    if n.ki is not None:
        _check_ki(spec, lines, problem)
    if not item_names(spec) and not (n.ki is None and c.extra_items):
        for i, section in enumerate(n.sections):
            if section.before_ki:
                problem(N + ("sections", i, "before_ki"), "the notice has no 記 block for the section to stand"
                                                          " before: before_ki would have no effect")
    check_sections(spec, problem)
    check_photos(spec, problem)
    if n.subject is False:     # no title: nothing for a label, a subtitle or a joined subtitle to go with
        if isinstance(n.subject_label, str):
            problem(N + ("subject_label",), "the notice has no title (subject: false), and its label would stand"
                                            " before nothing: it would have no effect")
        if n.subtitle:
            problem(N + ("subtitle",), "the notice has no title (subject: false), and a subtitle is a line under"
                                       " the title: give the title, or delete the subtitle")
    if isinstance(n.subject, list) and len(n.subject) == 1:
        problem(N + ("subject",), "the subject is given as a list of one line: a list breaks the title where"
                                  " the page breaks it (two lines or more); write the one line as a string")
    if n.subtitle_joined and not n.subtitle:
        problem(N + ("subtitle_joined",), "subtitle_joined runs the subtitle on after the subject, and there is"
                                          " no subtitle: it would have no effect")
    # a note stands under a paragraph of the text, or heads it (大阪府, 2020: ※本協定締結式は
    # 中止になりました。 before the first paragraph, as releases say a cancellation or a correction)
    for i, para in enumerate(n.opening[1:], 1):
        if not hasattr(para, "note"):
            continue
        before = n.opening[i - 1]       # a paragraph, or another note under it
        if not (isinstance(before, str) or hasattr(before, "note")):
            problem(N + ("opening", i), "a note ({note: …}) is set apart under the paragraph before it, and the"
                                        " entry before it is no paragraph: write the paragraph it notes first")
    # a mark in the text (広島広域都市圏(※1)) and the note it points at (※1　…), both as written
    check_note_marks(n, N, problem, skip=("after",))
    # 下記のとおり… with nothing after it to point at (the facts cut from the copy)
    check_pointers(n, N, len(item_names(spec)) or (n.ki is None and len(c.extra_items)), problem)
    if n.after is not None:
        check_note_marks(n.after, N + ("after",), problem)
    if n.contacts_lead and not n.contacts:
        problem(N + ("contacts_lead",), "contacts_lead is the sentence before the contacts, and there is"
                                        " no contact: it would have no effect")
    for i, ct in enumerate(n.contacts):
        check_contact(ct, N + ("contacts", i), problem)
    if n.press_request and n.press_request.contact:
        check_contact(n.press_request.contact, N + ("press_request", "contact"), problem)
    for i, ct in enumerate(n.after.contacts or [] if n.after else []):
        check_contact(ct, N + ("after", "contacts", i), problem)
    return problems


def _check_others_per_party(spec: Spec, e: KiEntry, at: tuple, problem) -> None:
    """Each party's words after its last signer: a party of the spec that signs at the
    ceremony, named once; not beside others (ほか after the last) nor where the 締結者
    are every announced agreement's (press_notice.also)."""
    n = spec.press_notice
    signing = n.ceremony.signatories or list(spec.parties)
    if not e.others_per_party:
        problem(at + ("others_per_party",), "others_per_party is empty: write each party's words after its last"
                                            " signer (kyoiku: ら3名), or leave it out")
    if e.others is not None:
        problem(at + ("others",), "others (ほか after the last signer) and others_per_party (words after each"
                                  " party's last signer) both follow the 締結者: write one of them")
    if n.also:
        problem(at + ("others_per_party",), "with press_notice.also the 締結者 are the signers of every agreement"
                                            " announced, not this spec's parties alone: others_per_party cannot"
                                            " say whose they are; write others: (ほか) after the last")
    for pid in e.others_per_party or {}:
        if pid in spec.parties and pid not in signing:          # (a party not declared: id_checks.py)
            problem(at + ("others_per_party", pid), f"'{pid}' does not sign at the ceremony"
                                                    " (ceremony.signatories): its words would have no effect")


def _check_ki(spec: Spec, lines, problem) -> None:
    """The office's list of items: each known, once, with its facts and one content;
    and no ceremony fact left that no item prints."""
    n, c = spec.press_notice, spec.press_notice.ceremony
    listed: dict[str, int] = {}
    K = N + ("ki",)
    for i, e in enumerate(n.ki):
        at = K + (i,)
        if e.heading is not None:
            _check_heading(n.ki, i, problem)
            continue
        if e.label is False and (e.item is not None or e.text is None):
            # an item without a label holds lines as written: what a built-in item, a list,
            # a table or people would print needs the label that says what it is
            problem(at + ("label",), "label: false prints an item's lines (text:) without a label, as written;"
                                     " it goes with text: alone, not with item:, list:, table:, people:,"
                                     " groups: or attachment: (write the item's label)")
        if e.numbered:
            problem(at + ("numbered",), "numbered numbers a heading over the 記 block's items (heading:) as the"
                                        " notice's sections are numbered; beside an item it would have no effect")
        if e.schedule_under and (e.item != "date" or not c.schedule):     # (an own item has no item)
            problem(at + ("schedule_under",), "schedule_under sets the ceremony's schedule under its date: it"
                                              " goes with item: date, and needs ceremony.schedule; here it"
                                              " would have no effect")
        if e.place_under and (e.item != "date" or not _has(c, "place")):
            problem(at + ("place_under",), "place_under sets the ceremony's place under its date: it goes with"
                                           " item: date, and needs ceremony.venue, online or sites; here it"
                                           " would have no effect")
        for key in ("date_label", "place_label"):
            if getattr(e, key) is not None and not (e.item == "date" and e.place_under and _has(c, "place")) \
                    and not (e.item == "ceremonies" and n.ceremonies):
                problem(at + (key,), f"{key} labels a line of an item that holds the date and the place under it"
                                     " (item: date, place_under: true), or of each ceremony's item (item:"
                                     " ceremonies): here it would have no effect")
        if e.signatories_label is not None and not (e.item == "ceremonies" and n.ceremonies):
            problem(at + ("signatories_label",), "signatories_label labels the signers' line of each ceremony's item"
                                                 " (item: ceremonies, with press_notice.ceremonies): here it would"
                                                 " have no effect")
        if e.agenda_label is not None and not (e.item == "ceremonies" and any(x.agenda for x in n.ceremonies)):
            problem(at + ("agenda_label",), "agenda_label labels the 次第's line of each ceremony's item (item:"
                                            " ceremonies, with a ceremony's agenda: under press_notice.ceremonies):"
                                            " here it would have no effect")
        if e.item == "ceremonies" and e.notes and n.ceremonies:
            # one entry stands for every ceremony's item: its notes would stand under each
            problem(at + ("notes",), "the ceremonies' entry of ki stands for an item per ceremony, and its notes"
                                     " would be printed under every one of them: give each ceremony the notes"
                                     " under its own item (press_notice.ceremonies[…].notes)")
        if e.time_under and (e.item != "date" or not (c.start or c.time_of_day)):
            problem(at + ("time_under",), "time_under sets the ceremony's time under its date: it goes with"
                                          " item: date, and needs ceremony.start or time_of_day; here it would"
                                          " have no effect")
        if e.marker is not None and (e.marker.count("{number}") > 1
                                     or any(f != "number" for f in re.findall(r"\{([^{}]*)\}", e.marker))):
            problem(at + ("marker",), "{number} may appear once in an item's marker, and no other placeholder")
        if e.item is not None:
            if e.item not in KI_BUILTINS:
                close = difflib.get_close_matches(e.item, KI_BUILTINS, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                problem(at + ("item",), f"unknown item '{e.item}'; {hint}the built-in items are"
                                        f" {', '.join(KI_BUILTINS)} (an item of your own has a label and"
                                        " text, list, table, people or groups)")
                continue
            # ほか after the signers is a fact the ceremony's list cannot give: the 締結者 item takes it
            extra = ("others", "others_per_party") if e.item != "signatories" else ()
            if e.item == "signatories" and e.others_per_party is not None:
                _check_others_per_party(spec, e, at, problem)
            own = [k for k in _OWN + extra + ("attachment",) if getattr(e, "entries" if k == "list" else k) is not None]
            for k in own:
                problem(at + (k,), f"the built-in item '{e.item}' is made from the ceremony's facts; {k}"
                                   " would have no effect (write an item of your own for it)")
            if e.item in listed:
                problem(at + ("item",), f"'{e.item}' is listed twice in ki (first as item {listed[e.item] + 1})")
                continue
            listed[e.item] = i
            if e.item == "ceremonies":
                if not n.ceremonies:
                    problem(at + ("item",), "'ceremonies' is listed, but the spec gives no press_notice.ceremonies:"
                                            " give them, or leave the item out")
            elif not _has(c, e.item):
                facts = " or ".join(f"ceremony.{f}" for f in FACTS[e.item][:3 if e.item == "place" else 1])
                problem(at + ("item",), f"'{e.item}' is listed, but the spec does not give {facts}:"
                                        " give it, or leave the item out")
        else:
            own = [k for k in _OWN if getattr(e, "entries" if k == "list" else k) is not None]
            if e.label is None:
                problem(at, "an item of your own needs a label (label: 出席者), or name a built-in item"
                            f" with item: ({', '.join(KI_BUILTINS)})")
            if e.attachment is not None:
                _check_pointer(n, e, at, problem)
                for k in own:
                    problem(at + (k,), "the item points at an attached file (attachment:), which is what it"
                                       f" says: {k} would have no effect beside it; write one of them")
                own = ["attachment"]
            if not own:
                problem(at, "say what the item holds: text:, list:, table:, people: or groups:")
            for k in own[1:]:
                problem(at + (k,), f"an item holds one of text, list, table, people or groups; it has {own[0]} already")
            for k in own[:1] if e.attachment is None else ():     # (a pointer is checked above)
                value = getattr(e, "entries" if k == "list" else k)
                if not value or (k == "table" and not all(value)):
                    problem(at + (k,), f"{k} is empty: write what the item says, or leave the item out")
            if e.others_per_party is not None:
                problem(at + ("others_per_party",), "others_per_party follows each party's last signer in the"
                                                    " 締結者 (item: signatories); an item of your own has no party:"
                                                    " it would have no effect (write others: after its people)")
            if e.others is not None and e.people is None:
                problem(at + ("others",), "others (ほか) follows a list of people: it would have no effect"
                                          " without people:")
            for j, g in enumerate(e.groups or []):
                g_at = at + ("groups", j)
                if (g.item is None) == (g.people is None):
                    problem(g_at, "a group lists the signers (item: signatories) or people (people:), one of them")
                elif g.people is not None and not g.people:
                    problem(g_at + ("people",), "people is empty: write who the group lists, or leave it out")
                for k, person in enumerate(g.people or []):
                    check_person(person, g_at + ("people", k), problem)
            if e.table is not None:
                check_row_widths(e.table, at + ("table",), problem)
            for j, person in enumerate(e.people or []):
                check_person(person, at + ("people", j), problem)
    signing_groups = [(i, j) for i, e in enumerate(n.ki) if e.item is None
                      for j, g in enumerate(e.groups or ()) if g.item is not None]
    # the first group of the signers lists them, unless a 締結者 item does already
    for i, j in signing_groups if "signatories" in listed else signing_groups[1:]:
        problem(K + (i, "groups", j, "item"), "the signers are listed by another item or group of this 記 block"
                                              " already: list them once")
    # a fact that no listed item prints would have no effect
    schedule_under = any(e.item == "date" and e.schedule_under for e in n.ki)
    if schedule_under and "schedule" in listed:
        problem(K + (listed["schedule"], "item"), "the schedule is printed under the date already"
                                                  " (schedule_under): list it once")
    place_under = any(e.item == "date" and e.place_under for e in n.ki)
    if place_under and "place" in listed:
        problem(K + (listed["place"], "item"), "the place is printed under the date already (place_under):"
                                               " list it once")
    for item in ("date", "place") if n.event_line else ():
        if item in listed:
            problem(K + (listed[item], "item"), f"the {item} is printed on the event line above the text already"
                                                " (press_notice.event_line): list it once")
    # (a fact no listed item prints: printed nowhere but by a user's template, which the
    # build knows of: facts_unlisted, spec/unprinted.py)
    if c.extra_items:
        problem(C + ("extra_items",), "with ki:, write these items in ki: ({label: …, text: […]}),"
                                      " where their place is said")


def facts_unlisted(spec: Spec, lines) -> list[tuple[tuple, str, str]]:
    """(key path, the refusal, the ceremony's field) of each fact of the ceremony the spec
    writes that no item of its ki: prints (the bundled templates print the 記 block's
    items alone). A user's template (--templates) may print it: the build decides
    (build/unprinted.py)."""
    n = spec.press_notice
    if n is None or n.ki is None:
        return []
    listed = {e.item for e in n.ki if e.heading is None and e.item in KI_BUILTINS}
    schedule_under = any(e.item == "date" and e.schedule_under for e in n.ki)
    place_under = any(e.item == "date" and e.place_under for e in n.ki)
    out = []
    for item, facts in FACTS.items():
        if item == "place" and place_under or n.event_line and item in ("date", "place"):
            continue
        if item in listed or (item == "signatories" and (("agenda" in listed and agenda_signs(spec))
                                                           or any(group_signs(e) for e in n.ki))):
            continue
        if item == "schedule" and schedule_under:
            continue
        out += [(C + (f,), f"ki does not list '{item}', so ceremony.{f} would not be printed: add '- {item}' to"
                           " ki, or remove the key", f) for f in facts if C + (f,) in lines]
    return out


def pointed_attachment(notice, entry: KiEntry):
    """The attachment a 記 item points at (attachment: its number in press_notice.attachments
    from 1, or its title), or None where it points at none or at more than one."""
    ref, found = entry.attachment, notice.attachments
    if isinstance(ref, int):
        return found[ref - 1] if 1 <= ref <= len(found) else None
    titled = [a for a in found if a.title == ref]
    return titled[0] if len(titled) == 1 else None


def _check_pointer(n, e: KiEntry, at: tuple, problem) -> None:
    """A 記 item's attachment: names one of the notice's attachments, and one only."""
    if pointed_attachment(n, e) is not None:
        return
    titles = "、".join(f"{i}. {a.title}" for i, a in enumerate(n.attachments, 1))
    if not n.attachments:
        problem(at + ("attachment",), "the item points at an attached file, and the notice has no attachments:"
                                      " add the file to press_notice.attachments ({title: …, file: …}), or write"
                                      " what the item says")
    elif isinstance(e.attachment, int):
        problem(at + ("attachment",), f"the item points at attachment {e.attachment}, and the notice has"
                                      f" {len(n.attachments)} (press_notice.attachments: {titles}): give the"
                                      " number or the title of one of them, or add the file to attachments")
    elif any(a.title == e.attachment for a in n.attachments):
        problem(at + ("attachment",), f"two of the notice's attachments are titled '{e.attachment}': point"
                                      " at one by its number (attachment: 1 for the first)")
    else:
        problem(at + ("attachment",), f"the item points at the attachment '{e.attachment}', and the notice"
                                      f" has none of that title (press_notice.attachments: {titles}): give"
                                      " the number or the title of one of them, or add the file to attachments")


def _check_heading(entries: list[KiEntry], i: int, problem) -> None:
    """A heading over a group of the 記 block's items stands alone in its entry, and an
    item follows it: a heading over nothing is not printed, nor silently dropped."""
    e, at = entries[i], N + ("ki", i)
    for key in sorted(e.model_fields_set - {"heading", "numbered"}):
        problem(at + ("list" if key == "entries" else key,),
                f"a heading (heading: {e.heading}) is a line of its own over the items after it, and {key}"
                " would have no effect beside it: write the item in an entry of its own after the heading")
    following = entries[i + 1] if i + 1 < len(entries) else None
    if following is None or following.heading is not None:
        problem(at + ("heading",), f"the heading '{e.heading}' stands over the items after it, and "
                + ("no item follows it" if following is None else "the next entry is another heading")
                + ": write its items after it, or remove it")
