"""A notice's head as one ruled table of a label and its value a row
(notice.head_form: label_table), as 大阪府 heads its releases under the title:

    代表連絡先 | 財務部　行政経営課　公民連携グループ / ダイヤルイン番号：06-… / メールアドレス：…
    提供日     | 2021年12月22日
    提供時間   | 14時0分
    内容       | このたび…

Each contact under its role, its lines as its box at the foot would set them (contacts
in a row under one role share a row, as they share a box); the date of issue in the
house's form for it under wording.issue_date_label; the hour of release
(press_notice.issue_time) under wording.issue_time_label; the opening under
opening_heading's label (the wording's 内容 by default).

A row is a label and a fact: where the spec gives no fact for a row (no contacts, issue_date:
none, no issue_time) the row is left out, never printed with its label and nothing after
it. It is not refused: a release without an hour of release still has a head that reads
right. opening_heading: false leaves the 内容 row out and sets the opening under the table.
The 記 block and the notice's sections follow the table, as the text after the opening:
a table's row is never split between pages, and a 記 block inside one could not break.

What the table leaves no place for is refused at the spec's key (check_label_table): the
words around the date (date_prefix, date_suffix: the row's label says what it is), photos
among the text in its row (press_notice.opening's {photos: […]}), a
sentence before contact boxes there are none of, the release after the signing (its
head in this form is not built), and an hour of release where the house sets no table.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError, Problem
from ..spec.source import dotted, line_of
from .contacts import contact_boxes, house_numbers

N = ("press_notice",)


@dataclass(frozen=True)
class LabelTable:
    """What the head's table prints besides the date and the hour (the template formats
    those, in the house's forms): the contact rows, and the 内容 row's label (None: no
    such row, the opening under the table)."""
    boxes: list
    content_label: str | None


def label_table(notice, style) -> LabelTable | None:
    """The head's table of the notice, or None where the house sets its head as lines."""
    if notice is None or style.notice.head_form != "label_table":
        return None
    heading = notice.opening_heading
    content = None if heading is False else (heading or style.word("content_label"))
    comma = style.word("comma")
    return LabelTable(contact_boxes([house_numbers(ct, comma) for ct in notice.contacts]), content)


def check_label_table(spec, style, path, lines) -> None:
    """Refuse, at the spec's keys, what the house's head cannot print: see the module."""
    n = spec.press_notice
    if n is None:
        return
    problems: list[Problem] = []

    def problem(at: tuple, message: str) -> None:
        problems.append(Problem(str(path), line_of(lines or {}, at), dotted(at), message))

    if style.notice.head_form != "label_table":
        if n.issue_time is not None:
            problem(N + ("issue_time",), "issue_time is the hour of release, printed in a row of the head's table"
                                         " under its label (提供時間　14時0分), and the house sets its head as lines"
                                         " (notice.head_form: lines): it would have no effect; remove it, write"
                                         " the hour in date_suffix, or use a house style with head_form: label_table")
    else:
        table = "the house sets its head as a table of a label and a value a row (notice.head_form: label_table)"
        content = label_table(n, style).content_label
        if n.date_prefix is not None:
            problem(N + ("date_prefix",), f"{table}, the date of issue under its label (wording.issue_date_label):"
                                          " the words before the date would have no effect; remove date_prefix")
        if "date_suffix" in n.model_fields_set:
            problem(N + ("date_suffix",), f"{table}, the date of issue alone under its label: the words after the"
                                          " date would have no effect; remove date_suffix (the hour of release"
                                          " is issue_time: 14:00, a row of its own)")
        if n.contacts_lead is not None:
            problem(N + ("contacts_lead",), "contacts_lead is the sentence before the contact boxes at the foot,"
                                            f" and {table}, each contact a row of it: it would have no effect")
        if content is not None:
            for i, entry in enumerate(n.opening):      # a table's row is never split between pages
                if getattr(entry, "photos", None):
                    problem(N + ("opening", i), f"{table}, the text in its row under {content}, which holds no"
                                                " photo: set the photos in a section of their own after it"
                                                " (sections: - photos: […]), or the text under the table"
                                                " (opening_heading: false)")
        if n.after is not None:
            problem(N + ("after",), f"{table}, and the release after the signing is not built in that form:"
                                    " remove after, or use a house style that sets the head as lines"
                                    " (notice.head_form: lines)")
    if problems:
        raise InputError(problems)
