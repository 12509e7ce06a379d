"""The press notice's 記 block: what the spec says, put in the order
the office wants, as plain data for the template.

Without `press_notice.ki:` the block holds the built-in items whose facts the
ceremony gives, in the usual order (日時, 場所, 締結者, 次第, 日程), then the ceremony's
extra_items. With `ki:` the office lists the items itself: built-in ones by name
(renamed with label:) and its own (text, a list, a table or people). Nothing is
printed for a fact the spec does not give, and a fact that would not be printed
is an error (spec/notice_checks.py), as is any other key that would have no effect.
"""
from __future__ import annotations

from dataclasses import replace

from .. import enumeration, japanese
from ..enumeration import lead_mark_em
from ..errors import InputError, Problem
from ..spec.joint import signer_list
from ..spec.several import CS, ceremony_signers
from ..spec.notice_checks import C, N, agenda_signs, item_names, ki_headings, listed_persons, pointed_attachment
from ..spec.schema import Spec
from ..spec.schema.notice import Person
from ..spec.source import dotted, line_of
from .ki_form import with_form
from .ki_item import AgendaLine, KiItem, changed
from .markup import LINE_BREAK
from .people import (PeopleForm, columns_rows, groups_item, people_item, runs_of, tabulated_rows, titles_item,
                     who_of, whos_of, with_others)


# --------------------------------------------------------------------- the head

def check_head(spec: Spec, style, path=None, lines=None) -> None:
    """The notice's head as the house sets it: a house that dates its notices above
    the header line (notice.date_above_header) needs one, or the date would stand
    where it stands without the key (the notice and the release after the signing
    share the header)."""
    n = spec.press_notice
    if n.subject is False and n.issued_on is not None and style.notice.date_place in ("before_title", "after_title"):
        at = N + ("subject",)
        raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at),
                                  f"the house sets the date of issue in the title's line (notice.date_place:"
                                  f" {style.notice.date_place}), and this notice has no title (subject: false):"
                                  " the date would have no line to stand in; give the title, or use a house"
                                  " style that sets the date on a line of its own")])
    check_prefix_line_end(n, style, path, lines)
    check_correction_place(n, style, path, lines)
    check_category_place(n, style, path, lines)
    if not style.notice.date_above_header:
        return
    if n.issued_on is None and (n.after is None or n.after.issued_on is None):
        return                  # issue_date: none: no date to set anywhere, above or under
    header = n.header if n.header is not None else style.word("press_header")
    if header:
        return
    if n.header is not None:
        at, message = N + ("header",), ("the house sets the date of issue above the header line"
                                        " (notice.date_above_header), and this notice has no header line: the key"
                                        " would have no effect; give the notice a header line, or use a house style"
                                        " that sets the date under it")
    else:
        at, message = ("style",), ("the house sets the date of issue above the header line"
                                   " (notice.date_above_header), and its header line (wording: press_header) is"
                                   " empty: the key would have no effect; give the notice a header line (header:),"
                                   " or use a house style that sets the date under it")
    raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at), message)])


SPACES = " \u3000"        # the spaces a user types: ASCII and full-width


def check_correction_place(n, style, path=None, lines=None) -> None:
    """A corrected release's lines (press_notice.correction) close the head the date
    of issue opens: a house that sets the date elsewhere (under the title, at the foot,
    in the title's line, in the head's table) has no such head for them."""
    if n.correction is None or n.issued_on is None:     # no date of issue: issue_checks says so
        return
    where = (f"notice.date_place: {style.notice.date_place}" if style.notice.date_place != "head" else
             "notice.head_form: label_table" if style.notice.head_form == "label_table" else None)
    if where is None:
        return
    at = N + ("correction",)
    raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at),
                              f"the correction's lines stand in the head under the date of issue, and the house"
                              f" sets the date elsewhere ({where}): use a house style that sets the date in the"
                              " head, or remove correction")])


def check_category_place(n, style, path=None, lines=None) -> None:
    """A house that sets the site's category under the date of issue
    (notice.category_place: under_date) has no line to set it under where the notice
    gives no date (issue_date: none): refused, not moved to the top unasked."""
    if not n.category_line or n.issued_on is not None or style.notice.category_place != "under_date":
        return
    at = N + ("category_line",)
    raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at),
                              "the house sets the site's category on the line under the date of issue"
                              " (notice.category_place: under_date), and this notice has no date of issue"
                              " (issue_date: none): the category would have no line to stand under; give the"
                              " date, or use a house style that sets the category first")])


def check_prefix_line_end(n, style, path=None, lines=None) -> None:
    """A house that sets the words before the date on a line of their own
    (notice.date_prefix_line: own) ends that line with the prefix: a space typed at
    its end (発表日　, written for a prefix on the date's line) would separate nothing,
    and would stand there unseen, or move a right-aligned line off its edge. The space
    is the user's, never dropped: refused, to be removed in the spec."""
    prefix = n.date_prefix
    if style.notice.date_prefix_line != "own" or not prefix or prefix[-1] not in SPACES:
        return
    at = N + ("date_prefix",)
    space = "a full-width space" if prefix[-1] == "\u3000" else "a space"
    raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at),
                              f"date_prefix 「{prefix}」 ends in {space}, and the house sets the words before the date"
                              f" on a line of their own over the date line (notice.date_prefix_line: own): the"
                              f" space would stand at that line's end, where it separates nothing; remove it")])


# --------------------------------------------------------------------- composing

def _names(entry, item: str) -> bool:
    """Whether a 記 entry (a built-in item's name, or an entry of ki:) is the built-in `item`."""
    return entry == item if isinstance(entry, str) else entry.item == item


def compose_ki(spec: Spec, style, path=None, lines=None, groups=None) -> tuple[list[KiItem], list[Problem]]:
    """The 記 block's items ready to print, and notes on what was chosen for the user.
    groups: the agreements announced (joint.announced), where the notice names others
    (press_notice.also)."""
    from .templating import event_date_text, event_year_kept
    n = spec.press_notice
    c = n.ceremony
    d = style.digits
    notes: list[Problem] = []
    out: list[KiItem] = []
    # several agreements announced (press_notice.also, or the spec's agreements:): 締結者 by agreement
    joint = bool(groups) and bool(n.also or spec.agreements)
    order = style.notice.signer_order
    pf = PeopleForm.of(style)       # people in columns, a line each, joined or tabulated
    if order == "name_title":       # 吉田　英男　市長: no place for 様 after a title
        for pid, party in spec.parties.items():
            if party.honorific:
                at = ("parties", pid, "honorific")
                raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at),
                                          f"the house sets the signer's title after the name (notice.signer_order:"
                                          f" name_title), where '{party.honorific}' has no place: delete the"
                                          " honorific, or use a house style that sets the title first")])

        for at in (a + ("honorific",) for person, a in _persons(n, ("press_notice",)) if person.honorific):
            # 佐藤　章　部長　様: the same, for every person listed
            raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at),
                                      "the house sets a person's title after the name (notice.signer_order:"
                                      " name_title), where an honorific has no place (部長　様): delete the"
                                      " honorific, or use a house style that sets the title first")])

    for person, at in listed_persons(n):      # a title of lines: where the house can set it
        refused = _title_lines_refused(style, at) if isinstance(person.title, list) else None
        if refused:
            raise InputError([Problem(str(path), line_of(lines or {}, at + ("title",)), dotted(at + ("title",)),
                                      refused)])

    def note(key, message):
        notes.append(Problem(str(path), line_of(lines or {}, key), dotted(key), message))

    def refuse(key, message):
        raise InputError([Problem(str(path), line_of(lines or {}, key), dotted(key), message)])

    def signer_rows(per_party=None) -> list:
        """Every signer (Who): of this spec, or each once of all the agreements announced;
        per_party: the words after each party's last signer (others_per_party)."""
        if joint:
            return whos_of(signer_list(groups), order)
        ids = c.signatories or list(spec.parties)
        return whos_of(spec.signatories(), order, [(per_party or {}).get(i) for i in ids])

    def place_lines() -> list[str]:
        """The place as its item prints it: the venue (its address as the house sets it)
        and the way to it, online, each site."""
        out_lines = []
        form = style.notice.venue_address      # brackets, line (under the venue), line_brackets or above

        def venue(text: str, address: str | None) -> list[str]:
            if not address:
                return [text]
            address = style.notice.venue_address_label + address     # （住所：江別市…）
            if form == "brackets":
                return [f"{text}（{address}）"]
            if form == "above":
                return [address, text]
            return [text, address if form == "line" else f"（{address}）"]
        if c.venue:      # the venue, and the way to it under it
            out_lines += venue(c.venue, c.venue_address)
            out_lines += c.access
        if c.online:
            out_lines.append(c.online)
        for s in c.sites:
            out_lines += venue((f"{s.name}：" if s.name else "") + s.venue, s.address)
        if not c.venue:
            out_lines += c.access
        return out_lines

    def builtin(item: str, label: str | None, others: str | None = None, schedule_under: bool = False,
                per_party=None, place_under: bool = False, time_under: bool = False,
                line_labels: tuple[str | None, str | None] = (None, None)) -> KiItem:
        label = label or style.word(f"ki_{item}")
        if item == "date":
            # the time after the date, or on the line under it (time_under: 長野県林務部)
            gap = "\n" if time_under else style.notice.date_time_gap
            text = event_date_text(c.date, n.issued_on, d, style.dates)
            if not style.dates.event_year and n.issued_on is None:
                note(C + ("date",), "the house style leaves the year out of the ceremony's date where it is"
                                    " the issue date's, but the notice has no date of issue (issue_date:"
                                    " none): the year is printed")
            elif not style.dates.event_year and c.date.year != n.issued_on.year:
                note(C + ("date",), "the house style leaves the year out of the ceremony's date, but the"
                                    " ceremony is not in the issue date's year: the year is printed")
            elif event_year_kept(c.date, n.issued_on, style.dates) and not style.dates.event_year:
                note(C + ("date",), "the house style leaves the year out of the ceremony's date, but the"
                                    f" ceremony is in another era's year ({japanese.era_year_text(*japanese.era_of(c.date))})"
                                    f" than the issue date ({japanese.era_year_text(*japanese.era_of(n.issued_on))}):"
                                    " the year is printed")
            # the words before the time, after the date's gap (現地時間11:10～11:25: a span abroad)
            before = c.time_prefix or ""
            if c.start:
                # a spec's own span (ceremony.span) says the mark after a lone start too
                text += gap + before + japanese.format_time_span(c.start, c.end, d, style.times.zero_minutes,
                                                        style.times.clock, c.span or style.times.span,
                                                        style.times.notation,
                                                        None if c.span else style.times.after_start,
                                                        style.times.until, style.times.end_period,
                                                        c.start_note, style.times.pad_minutes)
            elif c.time_of_day:
                text += gap + before + c.time_of_day
            if c.duration_note and style.notice.duration_note == "plain":
                # run on without brackets only after から (16:30から30分程度): after ～, an
                # end or a date it would read as part of the time (11時00分～30分程度)
                if not text.endswith("から"):
                    refuse(C + ("duration_note",),
                           "the house runs the duration note on after a start written with から, without"
                           f" brackets (notice.duration_note: plain: 16:30から30分程度); here it would follow"
                           f" 「{text}」 and read as part of it: write the start with から (ceremony.span:"
                           " から, and no end), or use a house style that sets the note in （）")
                text += c.duration_note
            elif c.duration_note:
                text += f"（{c.duration_note}）"
            # the day's schedule under the date, a line a row (奈義町: 14:00〜　協定締結式（…）)
            rows = [schedule_line(r, style) for r in c.schedule] if schedule_under else []
            # the place under the date, in one item (観光庁: 日時・場所), before any schedule
            under = place_lines() if place_under else []
            # each line's own label, as written, where one item holds both (日時:令和６年…,
            # 場所:米国沿岸警備隊…, 海上保安庁): the date's before its line, the place's before its first
            date_label, place_label = line_labels
            if date_label:
                text = date_label + text
            if place_label and under:
                under = [place_label + under[0], *under[1:]]
            return KiItem(label, "text", (*text.split("\n"), *under, *rows))
        if item == "place":
            return KiItem(label, "text", tuple(place_lines()))
        if item == "signatories":
            if joint:
                if c.group_signatories is False:
                    return people_item(label, with_others(signer_rows(), others), pf)
                grouped = tuple((f"「{g.title}」", tuple(whos_of(g.parties, order))) for g in groups)
                if others:           # ほか: after the last signer of the last agreement
                    title, whos = grouped[-1]
                    grouped = grouped[:-1] + ((title, with_others(whos, others)),)
                return groups_item(label, grouped, pf)
            whos = signer_rows(per_party)
            if not any(w.name for w in whos):
                # every signer named by the title alone (徳島大学長, 鳴門教育大学長 …)
                return titles_item(label, with_others(whos, others), pf)
            return people_item(label, with_others(whos, others), pf)
        if item == "agenda":
            steps = tuple(a.step for a in c.agenda)
            if style.notice.agenda == "joined":
                unset = [C + ("agenda", i, k) for i, a in enumerate(c.agenda)
                         for k in ("signatories", "parties", "people", "notes", "steps") if getattr(a, k)]
                if unset:           # each at its line, in one run: the user fixes them all at once
                    raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at),
                                              f"the house joins the 次第 on one line (notice.agenda: joined), where"
                                              f" nothing can stand under a step: {at[-1]} would have no effect;"
                                              " the house style's notice.agenda: numbered sets a step a line")
                                      for at in unset])
                return KiItem(label, "text", (style.word("comma").join(steps),))
            # a step a line in the house's marker: （１）開会, １. 開会, ⑴ 開会
            form = style.notice.agenda_marker
            if form == "⑴" and len(steps) > len(enumeration.PARENTHESIZED):
                refuse(C + ("agenda",), f"the 次第 has more than {len(enumeration.PARENTHESIZED)} steps, and the house"
                                        " marks them ⑴ to ⒇ (notice.agenda_marker): join some of them")
            markers = tuple(enumeration.item_mark(form, k, lambda n: japanese.digits(n, d))
                            for k in range(1, len(steps) + 1))
            # the text where the seed's （１） ends (3 em, as it always stood), or an em past
            # the widest marker of another form (as agreement items: HouseStyle.item_hang)
            hang = "3" if form == "（{number}）" else f"{max(map(japanese.em_width, markers)) + 1:g}"
            if not any(a.lines_under() for a in c.agenda):
                return KiItem(label, "list", steps, markers=markers, step_hang=hang)
            signers = tuple(signer_rows())
            names = tuple(p.name for p in spec.parties.values())
            # the house's mark before the attendees only, not before those under a step (四国学院大学)
            sf = pf if style.notice.people_mark_agenda else replace(pf, mark="")

            def agenda_line(marker: str, a) -> AgendaLine:
                whos = (signers if a.signatories else ()) + tuple(who_of(p, order) for p in a.people)
                subs = tuple(agenda_line(enumeration.sub_item_marker(k), sub)
                             for k, sub in enumerate(getattr(a, "steps", ()), 1))
                names_under = names if a.parties else ()
                notes = tuple(a.notes)
                if sf.form in ("run", "joined"):   # at the step's text margin, not a table
                    return AgendaLine(marker, a.step, runs=runs_of(whos, sf), names=names_under, notes=notes,
                                      steps=subs)
                rows = (tabulated_rows(whos, sf) if sf.form == "tabulated"
                        else columns_rows(whos))
                return AgendaLine(marker, a.step, rows, names=names_under, notes=notes, steps=subs)
            return KiItem(label, "agenda", steps, markers=markers, widths="0.55 0.45", step_hang=hang,
                          steps=tuple(agenda_line(mk, a) for mk, a in zip(markers, c.agenda)),
                          flush=pf.form == "tabulated")
        if style.notice.schedule == "lines":        # 17:10～17:15　記念撮影　【洋館東側】
            return KiItem(label, "text", tuple(schedule_line(r, style) for r in c.schedule))
        if not any(r.place for r in c.schedule):     # no column of places left empty
            return KiItem(label, "table", rows=tuple((r.time, r.item) for r in c.schedule), widths="0.25 0.75")
        rows = tuple((r.time, r.item, schedule_place(r, style) or "") for r in c.schedule)
        # a place too long for its cell breaks after its full-width space first
        # (旧岩崎邸庭園　/ 撞球（どうきゅう）室, not …撞球（どうきゅ / う）室), as a venue does
        return KiItem(label, "table", rows=rows, widths="0.25 0.4 0.35", cell_breaks=("", "", "spaces"))

    def ceremony_item(k: int, e) -> KiItem:
        """Ceremony k of several (press_notice.ceremonies), an item under its label: its
        date, its place, who signs there and its 次第 (its steps joined), a line each
        after its label (the spec's, item: ceremonies, or the house's words and ：), as
        彦根市 sets each of its two and 長野県立歴史館 its （４）内　容; then its notes."""
        nonlocal c
        cer, kept = n.ceremonies[k], c
        c = cer              # builtin() and place_lines() read the ceremony they print from c
        try:
            when = builtin("date", None).lines if cer.date else ()
            where = tuple(place_lines())
        finally:
            c = kept
        ids = ceremony_signers(spec, k)
        who = runs_of(whos_of([spec.parties[i] for i in ids], order), replace(pf, form="run", mark=""))
        # the 次第 one line after its label, however the house sets its 次第 item (one
        # line, or a step a line): a labelled line of the item has room for no more
        steps = (style.word("comma").join(a.step for a in cer.agenda),) if cer.agenda else ()
        if steps and style.notice.agenda != "joined":
            note(CS + (k, "agenda"), f"{cer.label} prints its 次第 on one line after its label, its steps joined"
                                     f" with {style.word('comma')} (the house's notice.agenda sets a step a line in a 次第 item of its"
                                     " own)")
        out_lines, hangs = [], []
        for key, word, shown in (("date_label", "ki_date", when), ("place_label", "ki_place", where),
                                 ("signatories_label", "ki_signatories", who), ("agenda_label", "ki_agenda", steps)):
            given = getattr(e, key, None) if not isinstance(e, str) else None
            if shown:
                # a label's later lines (a second signer, a place's second line, a line
                # too long for the measure) stand under the text after the label: one
                # paragraph, its lines broken where the spec's lines end and hung past the
                # label, as a marked paragraph hangs past its mark
                label = given if given is not None else style.word(word) + "："
                line = label + shown[0]      # (str + Markup: a Markup, the label escaped)
                for more in shown[1:]:
                    line = line + LINE_BREAK + more
                out_lines.append(line)
                hangs.append(japanese.em_width(label))
        return KiItem(cer.label, "text", tuple(out_lines), hangs=tuple(hangs),
                      notes=tuple((line, lead_mark_em(line)) for line in cer.notes))

    entries = item_names(spec)
    if n.ceremonies:      # the ceremonies' entry stands for an item each (so each list below stays in step)
        entries = [x for e in entries for x in ([e] * len(n.ceremonies) if _names(e, "ceremonies") else [e])]
        for k, cer in enumerate(n.ceremonies):
            if cer.signatories is None:
                note(CS + (k,), f"signatories not given: {cer.label} lists every party of the agreements it signs"
                                " (" + "、".join(spec.parties[i].name for i in ceremony_signers(spec, k)) + ")")
    ceremony_k = 0
    for e in entries:
        if _names(e, "ceremonies"):
            out.append(ceremony_item(ceremony_k, e))
            ceremony_k += 1
        elif isinstance(e, str):
            out.append(builtin(e, None))
        elif e.item is not None:
            out.append(builtin(e.item, e.label, e.others, e.schedule_under, e.others_per_party, e.place_under,
                               e.time_under, (e.date_label, e.place_label)))
        elif e.attachment is not None:       # 協定概要 → 別添「協定概要」のとおり (checked: it points at one)
            attached = pointed_attachment(n, e)
            out.append(KiItem(e.label, "text", (style.fill("ki_attachment", title=attached.title),)))
        elif e.text is not None:
            out.append(KiItem(e.label or "", "text", tuple(e.text), unlabelled=e.label is False))
        elif e.entries is not None:
            if style.notice.list_marker == "⑴" and len(e.entries) > len(enumeration.PARENTHESIZED):
                at = N + ("ki", next(i for i, x in enumerate(n.ki) if x is e), "list")
                refuse(at, f"the list has more than {len(enumeration.PARENTHESIZED)} entries, and the house marks"
                           " them ⑴ to ⒇ (notice.list_marker): join some of them")
            markers = list_markers(len(e.entries), style)
            # the text straight after the widest marker: 3 em after the seed's （１）, as it always stood
            hang = "3" if style.notice.list_marker == "（{number}）" else f"{max(map(japanese.em_width, markers)):g}"
            out.append(KiItem(e.label, "list", tuple(x if isinstance(x, str) else x.text for x in e.entries),
                              markers=markers, step_hang=hang, points=list_points(e.entries, style),
                              bullet_hang=1.0 if style.notice.list_bullet else 0.0))
        elif e.table is not None:
            cols = max(len(r) for r in e.table)
            out.append(KiItem(e.label, "table", rows=tuple(tuple(r) for r in e.table),
                              widths=" ".join([f"{1 / cols:.4f}"] * cols)))
        elif e.groups is not None:           # 協定締結者等: 協定締結者 …, then 立会人 …
            signers = signer_rows()
            grouped = tuple((g.label, tuple(with_others(signers if g.item else [who_of(p, order) for p in g.people],
                                                        g.others))) for g in e.groups)
            out.append(groups_item(e.label, grouped, pf))
        else:
            out.append(people_item(e.label, with_others([who_of(p, order) for p in e.people], e.others), pf))
    out = [changed(it, notes=tuple((line, lead_mark_em(line)) for line in e.notes))
           if not isinstance(e, str) and e.notes else it for e, it in zip(entries, out)]
    out = [with_hangs(it) for it in out]
    if n.ki is None:
        out += [KiItem(x.label, "text", tuple(x.text)) for x in c.extra_items]
    seen: dict[str, int] = {}
    # each item's entry in the spec's ki: (its headings are no items: ki_headings)
    where = [i for i, e in enumerate(n.ki) if e.heading is None
             for _ in range(len(n.ceremonies) if e.item == "ceremonies" else 1)] if n.ki is not None else []
    for i, it in enumerate(out):
        if it.unlabelled:          # no label to be told apart by
            continue
        if it.label in seen:
            at = N + ("ki", where[i]) if n.ki is not None else C + ("extra_items", i - len(entries))
            if n.ki is not None and n.ki[where[i]].label:
                at += ("label",)
            raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at),
                                      f"two items of the 記 block are labelled '{it.label}' (items"
                                      f" {seen[it.label] + 1} and {i + 1}); rename one (label:)")])
        seen[it.label] = i
    # the notes name the 締結者 item as the notice prints it (出席者, where the office so labels it)
    names = [e if isinstance(e, str) else e.item for e in entries]
    item = next((it.label for name, it in zip(names, out) if name == "signatories"), None)
    if item is None:                 # a group of an item of the office's own (協定締結者 under 協定締結者等)
        item = next((f"{it.label}（{g.label}）" for e, it in zip(entries, out) if not isinstance(e, str)
                     for g in e.groups or () if g.item), None)
    if item is None and "agenda" in names and agenda_signs(spec):      # 次第（協定書署名）
        step = next(x.step for a in c.agenda for x in (a, *a.steps) if x.signatories)
        item = next(it.label for name, it in zip(names, out) if name == "agenda") + f"（{step}）"
    if c.signatories is None and item and (spec.agreement is not None or not n.also):
        note(C, f"ceremony.signatories not given: {item} lists every party ("
             + "、".join(p.name for p in spec.parties.values()) + ")")
    if item:
        # what the user wrote, but easily an oversight (a name not yet filled in): said
        bare = [s.title for p in (signer_list(groups) if joint else spec.signatories())
                for _, s in p.signers() if s.title_only]
        if bare:
            note(C, f"{item} names " + "、".join(bare) + " by the title alone (representative without name:)")
    if joint and item:
        for g in groups[1 if spec.agreement is not None else 0:] if n.also else ():
            note(N + ("also",), f"{item} of 「{g.title}」 ({g.path}): every party of that spec ("
                 + "、".join(p.name for p in g.parties) + ")")
        if c.group_signatories is None:
            note(C, f"ceremony.group_signatories not given: {item} are listed per agreement, under its title"
                    " (group_signatories: false lists each signer once)")
    if n.event_line:       # the date and place on one line above the text (documents.py takes it out)
        place = place_lines()
        if len(place) > 1:
            refuse(N + ("event_line",), "the event line holds the ceremony's date and place on one line, and the"
                                        f" place is printed as {len(place)} lines here ({' / '.join(place)}): list"
                                        " it as an item of the 記 block (ki: - place) instead")
        event = [KiItem("", "event", ("　".join(builtin("date", None).lines[:1] + tuple(place)),))]
    else:
        event = []
    own_markers = [None if isinstance(e, str) else e.marker for e in entries]
    if style.notice.ki_marker == "⑴" and len(out) > len(enumeration.PARENTHESIZED):
        refuse(N + ("ki",), f"the 記 block has {len(out)} items, and the house marks them ⑴ to ⒇"
                            " (notice.ki_marker): join some of them")
    for e in entries:
        if not isinstance(e, str) and e.marker == style.notice.ki_marker:
            refuse(N + ("ki", next(i for i, x in enumerate(n.ki) if x is e), "marker"),
                   f"marker \"{e.marker}\" is the house's own marker of the 記 block's items (notice.ki_marker):"
                   " it would have no effect; remove it")
    # the items that list people (their label may keep its line: notice.ki_people_label)
    of_people = [e == "signatories" if isinstance(e, str) else
                 e.item == "signatories" or (e.item is None and e.attachment is None and e.text is None
                                             and e.entries is None and e.table is None) for e in entries]
    # a ceremony's item (press_notice.ceremonies): its lines each after a label of their
    # own, under its label on its line, never run in after it
    headed = [_names(e, "ceremonies") for e in entries]
    return event + with_headings(with_form(out, style, own_markers, of_people, headed), numbered_headings(spec, style),
                                 style), notes


def section_marker_of(notice, style) -> str:
    """The form of the number before a section's heading: the notice's own, else the
    house's; "" for none."""
    return style.notice.section_marker if notice.section_marker is None else notice.section_marker


def numbered_ki_headings(notice) -> int:
    """How many headings over the 記 block's items are numbered as the sections are
    (ki: - {heading: 締結式について, numbered: true}); the sections after the 記 block
    count on after them."""
    return sum(1 for e in notice.ki or () if e.heading is not None and e.numbered)


def numbered_headings(spec: Spec, style) -> dict[int, tuple[str, bool]]:
    """The headings among the office's 記 items as printed (ki_headings), each with
    whether it is numbered in the series of the notice's sections (numbered: true): then
    with the section marker and the number after the sections before the 記 block,
    東京都水道局's 1 経緯, 2 覚書主旨, then 3 締結式について over its items."""
    n, out = spec.press_notice, {k: (text, False) for k, text in ki_headings(spec).items()}
    form = section_marker_of(n, style)
    number = sum(1 for s in n.sections if s.before_ki and s.heading and s.numbered is not False)
    numbered = iter(e for e in n.ki or () if e.heading is not None)
    for k in sorted(out):
        if next(numbered).numbered and form:
            number += 1
            out[k] = (form.replace("{number}", japanese.digits(number, style.digits)) + out[k][0], True)
    return out


def with_headings(items: list[KiItem], headings: dict[int, tuple[str, bool]], style) -> list[KiItem]:
    """The items with the office's headings among them (ki: - heading: ＜概要＞), each
    before the item it opens a group with; a heading is no item: it takes no number,
    and the items' form (with_form) is made without it. It stands where an item's
    label would, as far from the item before it as an item stands (the writers'
    half a line), and is kept with the item after it; one numbered in the series of
    the sections (numbered: true) is set as their headings are (KiItem.numbered)."""
    if not headings:
        return items
    before = style.styles["item"].size * 0.5
    out: list[KiItem] = []
    for k, it in enumerate(items):
        if k in headings:
            text, numbered = headings[k]
            out.append(KiItem(text, "heading", space_before=before, numbered=numbered))
        out.append(it)
    return out


def list_points(entries, style) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each list entry's bullets, marked as the house marks them (notice.list_bullet;
    "": none, each bullet as written), and the rest of its sentence after them; () where
    no entry has bullets."""
    if all(isinstance(x, str) for x in entries):
        return ()
    mark = style.notice.list_bullet
    return tuple(((), "") if isinstance(x, str) else (tuple(mark + b for b in x.bullets), x.then or "")
                 for x in entries)


def with_hangs(item: KiItem) -> KiItem:
    """A text item whose paragraphs begin with a mark (・取材はフルオープンです。, ●…) with
    each such paragraph's further lines under its text, not under the mark."""
    if item.kind != "text" or item.hangs:      # (a ceremony's item: hung past its labels already)
        return item
    hangs = tuple(lead_mark_em(line) for line in item.lines)
    return changed(item, hangs=hangs) if any(hangs) else item


def after_ki(spec: Spec, style) -> list[KiItem]:
    """The 記 items of the release after the signing: the date signed, who signed (締結者,
    in the house's form, as the notice lists them), then the release's own items."""
    from .templating import date_text
    signed = KiItem(style.word("signed_date_label"), "text",
                    (date_text(spec.agreement.signing_date, style.digits, style.dates),))
    label = style.word("ki_signatories")
    form = PeopleForm.of(style)
    whos = whos_of(spec.signatories(), style.notice.signer_order)
    if any(w.name for w in whos):
        signers = people_item(label, whos, form)
    else:       # every signer named by the title alone: a list under the label, as in the notice
        signers = titles_item(label, whos, form)
    own = [KiItem(x.label, "text", tuple(x.text)) for x in spec.press_notice.after.extra_items]
    return with_form([with_hangs(it) for it in (signed, signers, *own)], style)


def list_markers(n: int, style) -> tuple[str, ...]:
    """The markers of a 記 item's list in the house's form (notice.list_marker: （１）,
    (1), ⑴; or a mark without a number, • on every entry) and digits (notice.list_digits,
    default the house's)."""
    digits = style.notice.list_digits or style.digits
    return tuple(enumeration.item_mark(style.notice.list_marker, k, lambda n: japanese.digits(n, digits))
                 for k in range(1, n + 1))


def schedule_place(row, style) -> str | None:
    """A schedule row's place in the house's form (notice.schedule_place: 【{place}】),
    filled in literally, never by str.format; None where the row gives none."""
    return style.notice.schedule_place.replace("{place}", row.place) if row.place else None


def schedule_line(row, style) -> str:
    """A schedule row as a line: time　item　place; a row without a place ends with its
    item (no empty brackets)."""
    return "　".join(x for x in (row.time, row.item, schedule_place(row, style)) if x)


def _persons(value, at: tuple):
    """Every listed person under `value` (a part of the spec: its models, lists and
    tuples walked) with its spec path, in the spec's order."""
    if isinstance(value, Person):
        yield value, at
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _persons(item, at + (i,))
    elif hasattr(type(value), "model_fields"):
        for key in type(value).model_fields:
            yield from _persons(getattr(value, key), at + (key,))


_AS_LINES = "the title is given as lines (a person holding two offices, each on a line of its own), and the house"
_ONE_LINE = ("write the title on one line (a string), or use a house style that sets people a line each"
             " (notice.people: run) or in columns (columns)")


def _title_lines_refused(style, at: tuple) -> str | None:
    """Why a person's title of lines (two offices, each on a line of its own: a list)
    cannot be set at `at` in the house's form of people, or None where it can: a line
    each (run) or in columns, the title before the name, no mark before the person's
    line (a mark would stand before the first office alone)."""
    n = style.notice
    if n.people == "joined":
        return f"{_AS_LINES} lists people on one line (notice.people: joined), where they cannot stand so: {_ONE_LINE}"
    if n.people == "tabulated":
        return (f"{_AS_LINES} lists people in columns of organisation, title and name (notice.people: tabulated),"
                f" where they cannot stand so: {_ONE_LINE}")
    if n.signer_order != "title_name":
        return (f"{_AS_LINES} sets a person's title after the name (notice.signer_order: {n.signer_order}), where"
                " they cannot stand so: write the title on one line (a string), or use a house style that sets"
                " the title first")
    marked = n.people_mark and (n.people_mark_agenda or "agenda" not in at)
    if marked:
        return (f"{_AS_LINES} marks each person's line (notice.people_mark: {n.people_mark}), which would stand"
                " before the first office alone: write the title on one line (a string), or use a house style"
                " without the mark")
    return None
