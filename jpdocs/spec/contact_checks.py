"""A contact of the press notice (its people, phones and postal code), and a person the
notice lists (check_person), checked: what the schema cannot say, each key that would
have no effect an error at its line."""
from __future__ import annotations

import re

from .schema import Contact

# a phone's note written with the brackets it is printed in: （政策企画担当）, (…)
_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")


def check_phone(ph, at: tuple, problem) -> None:
    """A phone of phones: one number (number:) or several of one kind on a line (numbers:)."""
    if (ph.number is None) == (ph.numbers is None):
        problem(at, "a phone has one number (number: 03-5253-4111) or several of one kind on one line"
                    " (numbers: [03-5253-8321, 03-5253-8328]): write one of them")
    elif ph.numbers is not None and len(ph.numbers) < 2:
        problem(at + ("numbers",), "numbers joins two numbers or more on one line: write a single one as"
                                   " number:")
    elif ph.numbers is not None and ph.extension is not None:
        problem(at + ("extension",), "an extension (内線) belongs to one number, and numbers: lists several:"
                                     " write the number it belongs to as a phone of its own")
    elif ph.numbers is not None and ph.note is not None:
        problem(at + ("note",), "a note is printed in （） after one number, and numbers: lists several (whose"
                                " note would it be?): write the number it belongs to as a phone of its own")
    if ph.note is not None and not ph.note.strip():       # （　）: brackets round nothing
        problem(at + ("note",), "the value is empty; write it, or remove the key")
    elif ph.note is not None and _BRACKETED.fullmatch(ph.note.strip()):
        problem(at + ("note",), "the note is printed in （） after the number: write it without its brackets"
                                " (note: 政策企画担当、地方創生担当)")


def check_person(person, at: tuple, problem) -> None:
    """A person of a notice's list (a people item, a group, a step of the 次第): a title
    or a name; the honorific and the role print after the name (佐藤　章　様（立会人）),
    so neither stands without one, and the role is written without the brackets it is
    printed in; a title given as lines (two offices) has two at least."""
    if not (person.title or person.name):
        problem(at, "a person needs a title or a name")
        return
    for key, shown in (("honorific", "佐藤　章　様"), ("role", "佐藤　章　様（立会人）")):
        if getattr(person, key) is not None and not person.name:
            problem(at + (key,), f"the {key} is printed after the name ({shown}), and this person has no name:"
                                 f" write the name, or remove the {key}")
    # (a group or phone: printed on a contact's person's line alone, and nowhere but by a
    # user's template here, which the build knows of: spec/unprinted.py)
    if isinstance(person.title, list) and len(person.title) == 1:
        problem(at + ("title",), "the title is given as a list of one line: a list sets a person's offices each on"
                                 " a line of its own (two or more); write the one title as a string")
    if person.role is not None and _BRACKETED.fullmatch(person.role.strip()):
        problem(at + ("role",), "the role is printed in （） after the name: write it without its brackets"
                                " (role: 立会人)")


POSTAL_CODE = re.compile(r"[0-9０-９]{3}[-－][0-9０-９]{4}")


def check_contact(ct: Contact, at: tuple, problem) -> None:
    if ct.people:
        for key in ("title", "name", "name_label"):
            if getattr(ct, key) is not None:
                problem(at + (key,), f"this contact lists its people under people:; write {key} there"
                                     " (each person's title and name)")
        for j, person in enumerate(ct.people):
            if not (person.title or person.name):
                problem(at + ("people", j), "a person needs a title or a name")
            for key in ("honorific", "role"):
                if getattr(person, key) is not None:
                    problem(at + ("people", j, key), f"a contact's people are the office's own, printed without"
                                                     f" an honorific or a role: {key} would have no effect")
            if isinstance(person.title, list):     # a notice's lists of people only
                problem(at + ("people", j, "title"), "a contact's person is printed on its contact's line, where"
                                                     " a title of lines (two offices, each on a line of its own)"
                                                     " cannot stand: write the title on one line")
    elif ct.name_label and not ct.name:
        problem(at + ("name_label",), "name_label is printed before the name, and there is no name:"
                                      " it would have no effect")
    if ct.person_label is not None:
        if ct.people:
            problem(at + ("person_label",), "person_label is printed before the one person written with title"
                                            " and name, and this contact lists its people under people:: write"
                                            " the one person so, or remove it")
        elif ct.name_label:
            problem(at + ("person_label",), "person_label and name_label each print a label before the name:"
                                            " write one of them")
        elif not (ct.title or ct.name):
            problem(at + ("person_label",), "person_label is printed before the person's title and name, and"
                                            " there is neither: it would have no effect")
    for j, ph in enumerate(ct.phones):
        check_phone(ph, at + ("phones", j), problem)
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
        if not POSTAL_CODE.fullmatch(ct.postal_code.lstrip("〒")):
            problem(at + ("postal_code",), f"write a postal code as seven digits 093-8585, got {ct.postal_code!r}")
