"""A notice's contacts, where the house sets them and as it writes them: in boxes at
the foot (contact_boxes), or the one contact on a line at the top under the date and
the issuer (notice.contacts_at: top, as 大阪市 writes 問合せ先：…課（06-6267-9683）), or
each contact's lines as its box sets them, right-aligned under the date and the issuer
(notice.contacts_at: head, as 広島市 heads its releases with the desk that answers),
or each contact on a line of its own after the text (notice.contacts_at: foot_line, as
広島労働局 writes 【照会先】…職業安定課（電話:082(502)7831）), or each contact's lines as its box
sets them after the text, with no box, its role a line over them (notice.contacts_at:
foot_unboxed, as 財務省 writes （問い合わせ先） / 財務省関税局参事官室… / （代表）03(3581)4111…), or a contact a row of a ruled
table in the head (notice.contacts_at: head_table, as 山形県 heads its releases with
部局・担当課 | …課 | 電話番号 | 023-630-2230); and a contact's person on the
department's line (contacts.person_line: with_department, as 宗谷森林管理署 writes
宗谷森林管理署　流域管理調整官　安藤).

What the spec gives and the house's form cannot print is refused at the spec's key
(check_contacts): a second contact or a FAX number at the top, a second person on the
department's line, a sentence before the boxes where there are none. Nothing given is
dropped.
"""
from __future__ import annotations

from ..errors import InputError, Problem
from ..spec.schema import Contact, Spec
from ..spec.source import dotted, line_of

N = ("press_notice",)
DEFAULT_ROLE = "問合せ先"          # a contact without a role, as the boxes label it
TOP_KEYS = ("role", "department_label", "department", "phone")      # what the line at the top prints
FOOT_LINE_KEYS = TOP_KEYS + ("phone_kind",)     # what a line at the foot prints: the phone with its label
SPACED_FOOT_LINE_KEYS = FOOT_LINE_KEYS + ("extension",)   # and, the phone set apart, its 内線 after it
HEAD_TABLE_KEYS = FOOT_LINE_KEYS               # what a row of the head's table prints: the same
CLOSING_BRACKETS = "】］〕」』）)"                 # a role that closes its own bracket needs no gap after it


def contact_boxes(contacts, lead: str | None = None) -> list[tuple[str, list]]:
    """The contact boxes: contacts in a row under one role (お問い合わせ先 over the forest
    office and the town's cooperative) share one box and one heading, as releases set
    them, rather than the same heading box after box; a contact without a role is
    問合せ先's, or, after a sentence that introduces the contacts (`lead`), has no
    label (""): the sentence says what they are."""
    boxes: list[tuple[str, list]] = []
    for ct in contacts or ():
        role = ct.role or ("" if lead else DEFAULT_ROLE)
        if boxes and boxes[-1][0] == role:
            boxes[-1][1].append(ct)
        else:
            boxes.append((role, [ct]))
    return boxes


def placed(contacts, lead: str | None, style) -> tuple[str | None, list[tuple[str, list]]]:
    """The line at the top (None where the house sets the contacts at the foot, or there
    is none) and the boxes at the foot (none where the contacts stand at the top or in
    the head: at_head, or as rows of the head's table: notice.head_form: label_table).
    check_contacts has refused what the line cannot print."""
    if style.notice.contacts_at == "top":
        return (top_line(contacts[0], style) if contacts else None), []
    if style.notice.contacts_at in ("head", "foot_line", "head_table", "foot_unboxed") \
            or style.notice.head_form == "label_table":
        return None, []
    comma = style.word("comma")
    return None, contact_boxes([house_numbers(ct, comma) for ct in contacts or ()], lead)


def at_head(contacts, style) -> list[Contact]:
    """The contacts the notice's head sets under the date and the issuer, each as its
    box would print it (notice.contacts_at: head); none where the house sets them
    elsewhere."""
    if style.notice.contacts_at != "head":
        return []
    return [house_numbers(ct, style.word("comma")) for ct in contacts or ()]


def at_foot(contacts, style) -> list[Contact]:
    """The contacts set after the text as their boxes' lines, with no box (notice.contacts_at:
    foot_unboxed): each its role, where the spec gives one, a line over them, as 財務省
    writes （問い合わせ先） over its desk; none where the house sets them elsewhere."""
    if style.notice.contacts_at != "foot_unboxed":
        return []
    return [house_numbers(ct, style.word("comma")) for ct in contacts or ()]


def head_rows(contacts, style) -> list[list[str]]:
    """The contacts as rows of the head's table (notice.contacts_at: head_table), a contact
    a row: its role (問合せ先 where it has none), its department, and where it has a
    phone the phone's label (its kind, else the wording's 電話) and the number:
    部局・担当課 | 防災くらし安心部　防災危機管理課 | 電話番号 | 023-630-2230. None where
    the house sets the contacts elsewhere."""
    if style.notice.contacts_at != "head_table":
        return []
    rows = []
    for ct in contacts or ():
        row = [ct.role or DEFAULT_ROLE, (ct.department_label or "") + ct.department]
        if ct.phone:
            row += [ct.phone_kind or style.word("phone_label"), ct.phone]
        rows.append(row)
    return rows


def house_numbers(ct: Contact, comma: str) -> Contact:
    """The contact as templates see it: a phone given with numbers: also answers
    `number`, its numbers joined with the house's comma as contact.xml.j2 joins them.
    A template written before numbers: existed prints ph.number; without this it would
    print the label 電話 with nothing after it."""
    if not any(ph.numbers for ph in ct.phones):
        return ct
    return ct.model_copy(update={"phones": [
        ph.model_copy(update={"number": comma.join(ph.numbers)}) if ph.numbers else ph for ph in ct.phones]})


def notice_numbers(notice, comma: str):
    """The notice as templates see it: house_numbers on every contact it holds (its
    contacts, the request's, the release's own)."""
    if notice is None:
        return None
    update = {}
    if any(ph.numbers for ct in notice.contacts for ph in ct.phones):
        update["contacts"] = [house_numbers(ct, comma) for ct in notice.contacts]
    request = notice.press_request
    if request is not None and request.contact is not None and any(ph.numbers for ph in request.contact.phones):
        update["press_request"] = request.model_copy(update={"contact": house_numbers(request.contact, comma)})
    after = notice.after
    if after is not None and any(ph.numbers for ct in after.contacts or () for ph in ct.phones):
        update["after"] = after.model_copy(update={"contacts": [house_numbers(ct, comma) for ct in after.contacts]})
    return notice.model_copy(update=update) if update else notice


def foot_lines(contacts, style) -> list[str]:
    """The contacts as lines after the text (notice.contacts_at: foot_line), a contact a
    line: 【照会先】広島労働局職業安定部職業安定課（電話:082(502)7831）: the role, the
    department and the number in （） after its label (its kind, else 電話) and the
    house's gap after a label; or, the phone set apart (contacts.foot_line_phone: spaced),
    ●問い合わせ　危機管理室　電話(22)2111　内線431: role, department and phone parted by a
    full-width space, the 内線 after the number as the house's boxes print it. None where
    the house sets the contacts elsewhere."""
    if style.notice.contacts_at != "foot_line":
        return []
    gap = style.contacts.label_gap
    spaced = style.contacts.foot_line_phone == "spaced"
    # spaced, the role is one part of the line, parted from the next as the others are
    after_role = "　" if spaced else gap
    lines = []
    for ct in contacts or ():
        role = ct.role or DEFAULT_ROLE
        line = role + ("" if role[-1] in CLOSING_BRACKETS else after_role) + (ct.department_label or "") \
            + ct.department
        if ct.phone:
            label = ct.phone_kind or style.word("phone_label")
            phone = f"{label}{gap if label else ''}{ct.phone}"
            line += f"　{phone}{_extension(ct.extension, style)}" if spaced else f"（{phone}）"
        lines.append(line)
    return lines


def _extension(extension: str | None, style) -> str:
    """A phone's 内線 after its number as contact.xml.j2 prints it (contacts.extension):
    （内線2345）, or labelled, a number of its own after the number_gap, 　内線431."""
    if not extension:
        return ""
    if style.contacts.extension == "labelled":
        return f"{style.contacts.number_gap}内線{style.contacts.label_gap}{extension}"
    return f"（内線{extension}）"


def top_line(ct: Contact, style) -> str:
    """問合せ先：中央区役所　総務課（総合企画グループ）（06-6267-9683）: the role, the
    house's gap after a label (contacts.label_gap), the department, and the number in
    （） without a label, as the office writes it; no number, no brackets."""
    line = (ct.role or DEFAULT_ROLE) + style.contacts.label_gap + (ct.department_label or "") + ct.department
    return line + f"（{ct.phone}）" if ct.phone else line


def check_contacts(spec: Spec, style, path, lines) -> None:
    """Refuse, at the spec's keys, what the house's form of the contacts cannot print."""
    n = spec.press_notice
    if n is None:
        return
    problems: list[Problem] = []

    def problem(at: tuple, message: str) -> None:
        problems.append(Problem(str(path), line_of(lines or {}, at), dotted(at), message))

    # every contact the house sets, where the spec gives it: the notice's, the request's
    # (in its box at the foot, wherever the others stand), the release's own
    listed = [(N + ("contacts",), n.contacts)]
    if n.after is not None and n.after.contacts is not None:
        listed.append((N + ("after", "contacts"), n.after.contacts))
    if style.notice.contacts_at == "top":
        if n.contacts_lead is not None:
            problem(N + ("contacts_lead",), "contacts_lead is the sentence before the contact boxes at the foot,"
                                            " and the house sets the contact on a line at the top"
                                            " (notice.contacts_at: top): it would have no effect")
        for at, contacts in listed:
            _check_top(contacts, at, problem)
    if style.notice.contacts_at == "foot_line":
        if n.contacts_lead is not None:
            problem(N + ("contacts_lead",), "contacts_lead is the sentence before the contact boxes at the foot,"
                                            " and the house sets each contact on a line of its own after the text"
                                            " (notice.contacts_at: foot_line): it would have no effect")
        for at, contacts in listed:
            _check_foot_line(contacts, at, problem, style.contacts.foot_line_phone)
    if style.notice.contacts_at == "head_table":
        if n.contacts_lead is not None:
            problem(N + ("contacts_lead",), "contacts_lead is the sentence before the contact boxes at the foot,"
                                            " and the house sets the contacts in a table in the head"
                                            " (notice.contacts_at: head_table): it would have no effect")
        for at, contacts in listed:
            _check_head_table(contacts, at, problem)
    if style.notice.contacts_at == "foot_unboxed" and n.contacts_lead is not None:
        problem(N + ("contacts_lead",), "contacts_lead is the sentence before the contact boxes at the foot, and the"
                                        " house sets the contacts' lines after the text with no box"
                                        " (notice.contacts_at: foot_unboxed), each under its role: it would have no"
                                        " effect; write the role the page sets over the contact")
    if style.notice.contacts_at == "head" and n.contacts_lead is not None:
        problem(N + ("contacts_lead",), "contacts_lead is the sentence before the contact boxes at the foot, and the"
                                        " house sets the contacts under the date (notice.contacts_at: head): it would"
                                        " have no effect")
    one_line = style.notice.contacts_at in ("top", "foot_line", "head_table")
    if one_line and style.contacts.address_place == "above" and (n.press_request is None
                                                                 or n.press_request.contact is None):
        # the one box left for it is the press request's, and this notice has none
        problem(("style",), f"the house sets a contact's address above its department (contacts.address_place:"
                            f" above) and each contact on one line or a row (notice.contacts_at:"
                            f" {style.notice.contacts_at}), where no address stands: only the press request's"
                            f" contact keeps a box with an address, and this notice has no press request with a"
                            f" contact (press_notice.press_request.contact): it would have no effect; use a house"
                            f" style without address_place: above")
    if style.contacts.person_line == "with_department":
        if n.press_request is not None and n.press_request.contact is not None:
            listed.append((N + ("press_request",), [n.press_request.contact]))
        for at, contacts in listed:
            for i, ct in enumerate(contacts):
                if len(ct.people) > 1:
                    where = at + ("contact",) if at[-1] == "press_request" else at + (i,)
                    problem(where + ("people", 1),
                            f"the house sets a contact's person on the line of its department"
                            f" (contacts.person_line: with_department), where one person stands, and this"
                            f" contact lists {len(ct.people)}: write each person as a contact of its own under"
                            " the same role (they share one box), or use a house style that sets a person a line"
                            " (contacts.person_line: own)")
                if ct.group is not None:
                    where = at + ("contact",) if at[-1] == "press_request" else at + (i,)
                    problem(where + ("group",),
                            "the house sets a contact's person on the line of its department"
                            " (contacts.person_line: with_department), and the group is set on a line of its own"
                            " under the department: the person would stand above the group they belong to; write"
                            " the group on the department's line (in department:), or use a house style"
                            " that sets a person a line (contacts.person_line: own)")
    if problems:
        raise InputError(problems)


def _check_top(contacts: list[Contact], at: tuple, problem) -> None:
    """One contact, and nothing in it but what the line at the top prints."""
    if len(contacts) > 1:
        problem(at + (1,), f"the house sets the contact on one line at the top of the notice (notice.contacts_at:"
                           f" top), where one contact stands, and {len(contacts)} are given: give one, or use a"
                           " house style that sets the contacts in boxes at the foot (notice.contacts_at: foot)")
    for i, ct in enumerate(contacts):
        for key in _not_printed(ct, TOP_KEYS):
            problem(at + (i, key), f"the house sets the contact on one line at the top of the notice"
                                   f" (notice.contacts_at: top): its role, department and phone number"
                                   f" (問合せ先：…課（06-…）); {key} would not be printed: remove it, or use a"
                                   " house style that sets the contacts in boxes at the foot"
                                   " (notice.contacts_at: foot)")


def _check_foot_line(contacts: list[Contact], at: tuple, problem, phone_form: str) -> None:
    """Nothing in a contact but what its line after the text prints (its phone's 内線
    where the house sets the phone apart, not in （）)."""
    for i, ct in enumerate(contacts):
        if ct.extension is not None and phone_form == "bracketed":
            problem(at + (i, "extension"), "the house sets each contact on one line after the text with its phone in"
                                           " （） (contacts.foot_line_phone: bracketed), where no 内線 is printed:"
                                           " remove it, or use a house style that sets the phone apart"
                                           " (contacts.foot_line_phone: spaced), which prints the 内線 after it")
        for key in _not_printed(ct, SPACED_FOOT_LINE_KEYS):
            problem(at + (i, key), f"the house sets each contact on one line after the text (notice.contacts_at:"
                                   f" foot_line): its role, department and phone number"
                                   f" (【照会先】…課（電話:082-…）); {key} would not be printed: remove it, or"
                                   " use a house style that sets the contacts in boxes at the foot"
                                   " (notice.contacts_at: foot)")


def _check_head_table(contacts: list[Contact], at: tuple, problem) -> None:
    """Nothing in a contact but what its row of the head's table prints."""
    for i, ct in enumerate(contacts):
        for key in _not_printed(ct, HEAD_TABLE_KEYS):
            problem(at + (i, key), f"the house sets each contact as a row of a table in the head (notice.contacts_at:"
                                   f" head_table): its role, department and phone number"
                                   f" (部局・担当課 | …課 | 電話番号 | 023-…); {key} would not be printed: remove it,"
                                   " or use a house style that sets the contacts in boxes at the foot"
                                   " (notice.contacts_at: foot)")


def _not_printed(ct: Contact, printed) -> list[str]:
    """The keys a contact gives that a one-line form, printing only `printed`, leaves out."""
    return [key for key in Contact.model_fields
            if key not in printed and getattr(ct, key) is not None and getattr(ct, key) != []]
