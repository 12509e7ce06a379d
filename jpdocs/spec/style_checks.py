"""The house style's findings beyond each key's own type: placeholders only where a
wording or form has them, a grid whose cells hold the body text, an article form that
prints both number and heading, the 記 block's and the agreement's numbering forms,
a blank date in the agreement's calendar, the annual book's columns; and a key whose
value another key makes pointless (a key that has no effect is an error). Each names
the style file, the key's line and the key."""
import re

from .. import japanese
from ..enumeration import KANJI_ITEMS
from ..errors import Problem
from .source import dotted, line_of
from .style_model import (A4_WIDTH, ANNUAL_DATE_DATA, ALWAYS_PRINTED, FRAME_PAD, LIST_MARKS, AgreementStyle, AnnualStyle,
                          HouseStyle)


# How each house form that gives its contacts no box sets them (notice.contacts_at), as
# the message refusing contacts.role_place: above there says it
WHERE_CONTACTS_HAVE_NO_BOX = {
    "top": "the one contact on a line at the top (notice.contacts_at: top), with no box",
    "head": "the contacts' lines under the date (notice.contacts_at: head), with no box",
    "head_table": "each contact as a row of a table in the head (notice.contacts_at: head_table), the role in its"
                  " first cell",
    "foot_line": "each contact on a line after the text (notice.contacts_at: foot_line), with no box",
    "foot_unboxed": "the contacts' lines after the text with no box (notice.contacts_at: foot_unboxed), each role a"
                    " line over its contact already",
}


def style_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    """Every finding of this module on a style read from `name` (its `lines`: the
    office's own file, or the default's)."""
    return (placeholder_problems(style, name, lines) + _article_form_problems(style.agreement, name, lines)
            + _blank_date_problems(style, name, lines) + _notice_problems(style, name, lines)
            + _times_problems(style, name, lines) + _dates_problems(style, name, lines)
            + _annual_problems(style.annual, name, lines)
            + _comma_problems(style, name, lines)
            + _grid_problems(style, name, lines) + _name_size_problems(style, name, lines)
            + _cover_date_problems(style, name, lines))


def _cover_date_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    """agreement.cover_date_digits in the date line's own digits would print the cover's
    date as without it."""
    ag = style.agreement
    line_digits = ag.date_digits or style.digits
    if ag.cover_date_digits is None or ag.cover_date_digits != line_digits:
        return []
    return [Problem(name, line_of(lines, ("agreement", "cover_date_digits")), "agreement.cover_date_digits",
                    f"the date line's digits are already {line_digits} (agreement.date_digits, else the house's"
                    " digits), and the cover's date follows them: cover_date_digits would have no effect")]


def _name_size_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    """agreement.name_size at the body's own size would print the name as without it."""
    size = style.agreement.name_size
    if size is None or size != style.styles["body"].size:
        return []
    return [Problem(name, line_of(lines, ("agreement", "name_size")), "agreement.name_size",
                    f"the signature blocks are set in the body's type of {size:g} points, and name_size is the"
                    " same: it would have no effect; remove it, or give the name's own size")]


def _comma_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    """The comma the generator writes is 、 or the official horizontal style's ，."""
    comma = style.word("comma")
    if comma in ("、", "，"):
        return []
    return [Problem(name, line_of(lines, ("wording", "comma")), "wording.comma",
                    f"a comma of {comma!r}: the generator writes 、 or ， (the official horizontal style)")]


def _times_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    times, problems = style.times, []
    if times.notation == "colon" and not times.zero_minutes:
        problems.append(Problem(name, line_of(lines, ("times", "zero_minutes")), "times.zero_minutes",
                                "zero_minutes: false has no effect with notation: colon, which always writes"
                                " the minutes (17:00): remove one"))
    if times.notation == "colon" and not times.pad_minutes:
        problems.append(Problem(name, line_of(lines, ("times", "pad_minutes")), "times.pad_minutes",
                                "pad_minutes: false has no effect with notation: colon, which always writes the"
                                " minutes in two digits (13:05): remove one"))
    if times.until != "まで" and times.span != "から":
        problems.append(Problem(name, line_of(lines, ("times", "until")), "times.until",
                                "until is the word after the end of a span written with から (15時から16時まで);"
                                " the house writes its spans with ～ (times.span): until would have no effect;"
                                " remove it, or write span: から"))
    if times.end_period != "changed" and times.clock != "12h":
        problems.append(Problem(name, line_of(lines, ("times", "end_period")), "times.end_period",
                                "end_period says where 午前/午後 stands before a span's end, and the house writes"
                                " the 24-hour clock (times.clock: 24h), which has no 午前/午後: end_period would"
                                " have no effect; remove it, or write clock: 12h"))
    return problems


_FIXED_ISSUE_FORMS = {"iso": "an ISO date (issue_calendar: iso, 2018-12-05)",
                      "dots": "a date with dots (issue_calendar: dots, 2018.12.05)",
                      "slashes": "a date with slashes (issue_calendar: slashes, 2018/12/05)",
                      "dots_short_year": "a date with dots and a two-digit year"
                                         " (issue_calendar: dots_short_year, 18.12.05)",
                      "dots_era_year": "a date with dots and the era's year in two digits"
                                       " (issue_calendar: dots_era_year, 05.11.07)"}


def _dates_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    """An ISO date of issue (2018-12-05), one with dots (2018.12.05, 18.12.05) or with
    slashes (2018/12/05) has no weekday and always two digits for the month and the day: a key
    that shapes those would have no effect."""
    dates, problems = style.dates, []
    if not dates.issue_year and not dates.event_year:
        # the ceremony's date leaves its year to the date of issue, which prints none
        problems.append(Problem(name, line_of(lines, ("dates", "issue_year")), "dates.issue_year",
                                "issue_year: false writes the date of issue without its year, and event_year: false"
                                " leaves the year of the ceremony's date to the date of issue: no date would say the"
                                " year; remove one of them"))
    if dates.weekday == "long_plain" and style.notice.date_time_gap == "":
        # the gap may be left out only where the weekday's bracket holds the day apart from the hour
        problems.append(Problem(name, line_of(lines, ("notice", "date_time_gap")), "notice.date_time_gap",
                                "date_time_gap: \"\" sets the ceremony's time straight after its date, where the"
                                " weekday's bracket holds them apart; the house writes the weekday without brackets"
                                " (dates.weekday: long_plain), and the weekday would run into the hour"
                                " (２月27日火曜日11時00分): remove date_time_gap"))
    form = _FIXED_ISSUE_FORMS.get(dates.issue_calendar)
    if dates.issue_pad is not None and dates.issue_two_digits:
        problems.append(Problem(name, line_of(lines, ("dates", "issue_pad")), "dates.issue_pad",
                                "issue_two_digits: true already writes the month and day of the date of issue in two"
                                " digits (2025年07月10日): issue_pad would have no effect; remove one of them"))
    if form is None:
        return problems
    # each message whole, so that the catalogue translates it whole (jpdocs/i18n.py)
    if dates.issue_weekday is not None:
        problems.append(Problem(name, line_of(lines, ("dates", "issue_weekday")), "dates.issue_weekday",
                                "the date of issue is written as " + form +
                                ", which has no weekday: issue_weekday would have no effect; remove it"))
    if dates.issue_two_digits:
        problems.append(Problem(name, line_of(lines, ("dates", "issue_two_digits")), "dates.issue_two_digits",
                                "the date of issue is written as " + form +
                                ", whose month and day always have two digits: issue_two_digits would have no"
                                " effect; remove it"))
    if dates.issue_pad is not None:
        problems.append(Problem(name, line_of(lines, ("dates", "issue_pad")), "dates.issue_pad",
                                "the date of issue is written as " + form +
                                ", whose month and day always have two digits: issue_pad would have no effect;"
                                " remove it"))
    if not dates.issue_year:
        problems.append(Problem(name, line_of(lines, ("dates", "issue_year")), "dates.issue_year",
                                "the date of issue is written as " + form +
                                ", which always has its year: issue_year would have no effect; remove it"))
    return problems


# The wordings that have placeholders, and the names each may use.
PLACEHOLDERS = {"original_mark": {"label"}, "ki_attachment": {"title"}, "document_details": {"form", "size"}}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def marker_problem(form: str) -> bool:
    """Whether a section marker (notice.section_marker, press_notice.section_marker) is
    malformed: not empty, and without {number} once or with another placeholder."""
    return bool(form) and (form.count("{number}") != 1 or any(f != "number" for f in _PLACEHOLDER.findall(form)))


def placeholder_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    problems = []
    # the whole text of a 記 item that points at an attached file: empty, the item would
    # print its label over nothing
    if not str(style.wording.get("ki_attachment", "x")).strip():
        problems.append(Problem(name, line_of(lines, ("wording", "ki_attachment")), "wording.ki_attachment",
                                "ki_attachment is the text of a 記 item that points at an attached file"
                                " (別添「{title}」のとおり); empty, the item would say nothing: write it"))
    # a linked document's form and size: each once, in the order the office writes them
    # (和光市: 協定書(100KB; PDFファイル), the size first), so that either can be set alone
    # between the marks around the two (content/sections.py document_line)
    details = str(style.wording.get("document_details", "{form}{size}"))
    if details.count("{form}") != 1 or details.count("{size}") != 1:
        problems.append(Problem(name, line_of(lines, ("wording", "document_details")), "wording.document_details",
                                "document_details sets a linked document's form and size after its title: it"
                                " holds the form's placeholder and the size's, each once, in the office's order,"
                                " with the marks around and between them: （{form}：{size}）"))
    for key, allowed in PLACEHOLDERS.items():
        for found in _PLACEHOLDER.findall(str(style.wording.get(key, ""))):
            if found not in allowed:
                problems.append(Problem(name, line_of(lines, ("wording", key)), f"wording.{key}",
                                        f"{{{found}}} is not a placeholder of this wording; it may use"
                                        f" {', '.join('{' + a + '}' for a in sorted(allowed))}"))
    return problems



def _grid_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    """The grid's cells hold the body text's characters (writers/blocks.py sets one a
    cell): cells narrower than the characters would print them over each other."""
    grid = style.typesetting.grid
    sizes = [style.styles[s].size for s in ("body", "item") if s in style.styles]
    if grid is None or not sizes:
        return []
    mg = style.page.margins
    width = A4_WIDTH - (mg.left + mg.right) * 72 / 25.4 - 2 * FRAME_PAD
    size = max(sizes)
    if width / grid.chars >= size - 1e-6:
        return []
    return [Problem(name, line_of(lines, ("typesetting", "grid", "chars")), "typesetting.grid.chars",
                    f"{grid.chars} characters a line make the grid's cells {width / grid.chars:.1f}pt wide, narrower"
                    f" than the body text's {size:g}pt characters; at most {int(width // size + 1e-6)} fit a line")]


def _article_form_problems(ag: AgreementStyle, name: str, lines: dict) -> list[Problem]:
    """An article's heading line and lead may use {number} and {heading}, and between
    them must print both: an article without its number could not be referred to."""
    problems = []
    for key in ("article_heading", "article_lead"):
        for found in _PLACEHOLDER.findall(getattr(ag, key)):
            if found not in ("number", "heading"):
                problems.append(Problem(name, line_of(lines, ("agreement", key)), f"agreement.{key}",
                                        f"{{{found}}} is not a placeholder here; use {{number}} and {{heading}}"))
    for key in ("paragraph_lead", "item_marker"):
        value = getattr(ag, key)
        if key == "item_marker" and value in ("⑴", KANJI_ITEMS):
            continue
        wrong = [f for f in _PLACEHOLDER.findall(value) if f != "number"]
        if wrong or value.count("{number}") != 1:
            problems.append(Problem(name, line_of(lines, ("agreement", key)), f"agreement.{key}",
                                    f"{{number}} must appear once in {key}, and no other placeholder"
                                    + (" (or write ⑴ for items marked ⑴ ⑵ …, 一 for items numbered 一 二 … as"
                                       " laws number them)" if key == "item_marker" else "")))
    if ag.item_digits and ag.item_marker == "⑴":
        problems.append(Problem(name, line_of(lines, ("agreement", "item_digits")), "agreement.item_digits",
                                "the items are marked ⑴ ⑵ … (item_marker: ⑴), one character each with no digits:"
                                " item_digits would have no effect"))
    if ag.item_digits and ag.item_marker == KANJI_ITEMS:
        problems.append(Problem(name, line_of(lines, ("agreement", "item_digits")), "agreement.item_digits",
                                "the items are numbered 一 二 … (item_marker: 一), kanji numerals with no digits:"
                                " item_digits would have no effect"))
    if ag.heading_indent is not None and not ag.article_heading:
        problems.append(Problem(name, line_of(lines, ("agreement", "heading_indent")), "agreement.heading_indent",
                                'article_heading: "" runs each heading into its article\'s first line, so there is'
                                " no heading line to set in: heading_indent would have no effect"))
    found = _PLACEHOLDER.findall(ag.chapter_heading)
    if sorted(found) != ["heading", "number"]:
        problems.append(Problem(name, line_of(lines, ("agreement", "chapter_heading")), "agreement.chapter_heading",
                                "{number} (第１章) and {heading} must each appear once in chapter_heading, and no"
                                " other placeholder"))
    both = ag.article_heading + ag.article_lead
    for needed in ("{number}", "{heading}"):
        if both.count(needed) != 1:
            problems.append(Problem(name, line_of(lines, ("agreement", "article_heading")), "agreement.article_heading",
                                    f"{needed} must appear once in article_heading or article_lead"
                                    f" (found {both.count(needed)} times)"))
    return problems


def _date_without_line(style: HouseStyle) -> str:
    """The house's key that leaves the date of issue no line of its own (set in the
    title's line, or as a row of the head's table), as its message names it; "" where
    the date has a line."""
    if style.notice.head_form == "label_table":
        return f"head_form: {style.notice.head_form}"
    if style.notice.date_place in ("before_title", "after_title"):
        return f"date_place: {style.notice.date_place}"
    return ""


def _notice_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    """The 記 item's marker may use {number} only; the 次第's step marker is written as
    an agreement's item marker, and only a 次第 set a step a line has one; a schedule's
    place form prints the place once; a heading word for a 記 block set without a
    heading, a gap after a label on its own line, a contact's role above a box where the
    contact has none (contacts_at: top or head) and a mark before people not set as
    runs would have no effect."""
    problems = [Problem(name, line_of(lines, ("notice", "ki_marker")), "notice.ki_marker",
                        f"{{{found}}} is not a placeholder here; use {{number}} (the item's number)")
                for found in _PLACEHOLDER.findall(style.notice.ki_marker) if found != "number"]
    marker = style.notice.agenda_marker
    if marker != "⑴" and (marker.count("{number}") != 1 or any(f != "number" for f in _PLACEHOLDER.findall(marker))):
        key = "agenda_marker"       # the message agreement.item_marker gives
        problems.append(Problem(name, line_of(lines, ("notice", key)), f"notice.{key}",
                                f"{{number}} must appear once in {key}, and no other placeholder"
                                " (or write ⑴ for items marked ⑴ ⑵ …)"))
    # written in the office's own file, and not the default's own value (a copy of the whole default style)
    elif style.notice.agenda == "joined" and ("notice", "agenda_marker") in lines and marker != "（{number}）":
        problems.append(Problem(name, lines[("notice", "agenda_marker")], "notice.agenda_marker",
                                "the marker numbers the 次第's steps set a line each (agenda: numbered); joined on"
                                " one line they have none, and it would have no effect"))
    if marker_problem(style.notice.section_marker):
        problems.append(Problem(name, line_of(lines, ("notice", "section_marker")), "notice.section_marker",
                                "{number} must appear once in section_marker, and no other placeholder"))
    place = style.notice.schedule_place      # filled in literally (schedule_line), never str.format
    if place.count("{place}") != 1 or any(f != "place" for f in _PLACEHOLDER.findall(place)):
        problems.append(Problem(name, line_of(lines, ("notice", "schedule_place")), "notice.schedule_place",
                                "{place} must appear once in schedule_place, and no other placeholder"))
    if style.notice.ki_label == "line" and ("notice", "ki_label_gap") in lines:
        problems.append(Problem(name, lines[("notice", "ki_label_gap")], "notice.ki_label_gap",
                                "the gap follows an inline label (ki_label: inline); with the label on its"
                                " own line it would have no effect"))
    if not style.notice.ki_label_line_gap and (style.notice.ki_label == "line" or not style.notice.ki_label_gap.strip()):
        problems.append(Problem(name, line_of(lines, ("notice", "ki_label_line_gap")), "notice.ki_label_line_gap",
                                "ki_label_line_gap: false leaves out the gap after a label that keeps its line over"
                                " its text (3. 内容); it needs inline labels (ki_label: inline) and a gap that prints"
                                " (ki_label_gap: \"：\"), else it would have no effect"))
    if style.notice.ki_label == "line" and style.notice.ki_label_align == "own":
        problems.append(Problem(name, line_of(lines, ("notice", "ki_label_align")), "notice.ki_label_align",
                                "the key sets where an item's text starts after an inline label (ki_label:"
                                " inline); with the label on its own line it would have no effect"))
    numbered = "{number}" in style.notice.ki_marker
    if style.notice.ki_digits and not numbered:
        problems.append(Problem(name, line_of(lines, ("notice", "ki_digits")), "notice.ki_digits",
                                f"the 記 items' marker \"{style.notice.ki_marker}\" has no number"
                                " (notice.ki_marker): ki_digits would have no effect"))
    gap = style.notice.ki_marker_gap
    if gap is not None and (gap < 0 or gap > 10):
        problems.append(Problem(name, line_of(lines, ("notice", "ki_marker_gap")), "notice.ki_marker_gap",
                                f"ki_marker_gap is {gap:g} em: write a gap from 0 to 10 em"))
    elif gap is not None and (not style.notice.ki_marker or style.notice.ki_label == "inline"):
        why = ("the 記 items have no marker (ki_marker: \"\")" if not style.notice.ki_marker else
               "the labels are inline (ki_label: inline), each marker and label one run")
        problems.append(Problem(name, line_of(lines, ("notice", "ki_marker_gap")), "notice.ki_marker_gap",
                                f"{why}: ki_marker_gap would have no effect"))
    if style.notice.ki_label == "line" and style.notice.ki_people_label == "line":
        problems.append(Problem(name, line_of(lines, ("notice", "ki_people_label")), "notice.ki_people_label",
                                "the key sets where an item of people stands beside inline labels (ki_label:"
                                " inline); with every label on its own line it would have no effect"))
    if style.notice.date_above_header and style.notice.date_place != "head":
        problems.append(Problem(name, line_of(lines, ("notice", "date_place")), "notice.date_place",
                                f"date_place: {style.notice.date_place} sets the date of issue away from the head, and"
                                " date_above_header: true sets it there, above the header line: the two contradict;"
                                " remove one"))
    where = _date_without_line(style)
    if style.notice.office_place == "date_line" and where:
        problems.append(Problem(name, line_of(lines, ("notice", "office_place")), "notice.office_place",
                                f"office_place: date_line sets the issuing office on the date's line, and with"
                                f" {where} the date has no line of its own: it would have no effect"))
    if style.notice.category_place == "under_date" and where:
        problems.append(Problem(name, line_of(lines, ("notice", "category_place")), "notice.category_place",
                                f"category_place: under_date sets the site's category on the line under the date,"
                                f" and with {where} the date has no line of its own: it would have no effect"))
    if style.notice.office_place == "with_date" and style.notice.date_place not in ("under_title", "foot"):
        problems.append(Problem(name, line_of(lines, ("notice", "office_place")), "notice.office_place",
                                f"office_place: with_date sets the issuing office under the date where the date stands"
                                f" on a line of its own away from the head (date_place: under_title or foot); with"
                                f" date_place: {style.notice.date_place} it would have no effect"))
    if style.notice.office_place == "under_title" and style.notice.date_place == "under_title":
        problems.append(Problem(name, line_of(lines, ("notice", "office_place")), "notice.office_place",
                                "office_place: under_title sets the issuing office under the title while the date"
                                " keeps the head, and date_place: under_title sets the date there too: write"
                                " office_place: with_date, which sets the offices on the lines under that date"))
    if style.notice.date_prefix_line == "own" and (style.notice.date_place in ("before_title", "after_title")
                                                    or style.notice.head_form == "label_table"):
        where = (f"date_place: {style.notice.date_place} sets the date of issue in the title's line"
                 if style.notice.head_form != "label_table" else
                 "head_form: label_table sets the date of issue in a row of the head's table, under its label")
        problems.append(Problem(name, line_of(lines, ("notice", "date_prefix_line")), "notice.date_prefix_line",
                                f"date_prefix_line: own sets the words before the date on a line of their own over"
                                f" the date line, and {where}, with no such line: it would have no effect; remove it"))
    if style.notice.date_place == "before_title" and style.notice.date_align != "right":
        problems.append(Problem(name, line_of(lines, ("notice", "date_align")), "notice.date_align",
                                "date_place: before_title sets the date of issue in the title's line, before the"
                                " subject, where it has no line of its own to align: date_align would have no"
                                " effect; remove it"))
    if style.notice.date_place == "after_title" and ("notice", "date_align") in lines \
            and style.notice.date_align != "right":
        problems.append(Problem(name, lines[("notice", "date_align")], "notice.date_align",
                                f"date_place: {style.notice.date_place} sets the date of issue on the title's line,"
                                " which is set as the title is: date_align would have no effect; remove it"))
    if style.notice.date_above_header and style.notice.header_place != "head":
        problems.append(Problem(name, line_of(lines, ("notice", "header_place")), "notice.header_place",
                                "header_place: under_title sets the header line under the title, and"
                                " date_above_header: true sets the date above it, in the head: the two contradict;"
                                " remove one"))
    # role_place: above sets a role over a contact's box: the contacts a house sets with
    # no box of their own have no box to stand over (and the press request's box keeps
    # its label at its left)
    unboxed = WHERE_CONTACTS_HAVE_NO_BOX.get(style.notice.contacts_at)
    if unboxed and ("contacts", "role_place") in lines and style.contacts.role_place == "above":
        problems.append(Problem(name, lines[("contacts", "role_place")], "contacts.role_place",
                                f"the role is set above a contact's box; the house sets {unboxed}, and the press"
                                " request's box keeps its label at its left: it would have no effect"))
    # foot_line_phone: spaced sets the phone on the line after the text apart from the
    # department: only a house that sets its contacts so has that line
    if style.contacts.foot_line_phone == "spaced" and style.notice.contacts_at != "foot_line":
        problems.append(Problem(name, line_of(lines, ("contacts", "foot_line_phone")), "contacts.foot_line_phone",
                                "foot_line_phone: spaced sets the phone apart on a contact's line after the text"
                                " (notice.contacts_at: foot_line), and the house sets its contacts elsewhere"
                                f" (notice.contacts_at: {style.notice.contacts_at}): it would have no effect"))
    # contacts.address_place: above beside contacts_at: top, foot_line or head_table acts on
    # the press request's contact, which keeps its box at the foot: refused, at the spec,
    # only where the notice has no such contact (content/contacts.py check_contacts)
    own = style.contacts.own_lines
    for part in sorted({p for p in own if own.count(p) > 1}):
        problems.append(Problem(name, line_of(lines, ("contacts", "own_lines")), "contacts.own_lines",
                                f"{part} is named twice in own_lines: the second would have no effect; remove it"))
    if style.contacts.name_line != "last" and "name" not in own:
        problems.append(Problem(name, line_of(lines, ("contacts", "name_line")), "contacts.name_line",
                                f"name_line: {style.contacts.name_line} places the contact's name set on a line of"
                                " its own, and the house keeps it on the department's line (name is not in"
                                " own_lines): it would have no effect; add name to own_lines or remove the key"))
    if "extension" in own and (style.contacts.extension != "labelled" or style.contacts.phone_lines == "one"):
        problems.append(Problem(name, line_of(lines, ("contacts", "own_lines")), "contacts.own_lines",
                                "extension in own_lines sets a labelled 内線 on a line of its own under its phone;"
                                " the house brackets it after the number (extension: bracketed) or sets every"
                                " phone on one line (phone_lines: one), and it would have no effect"))
    if style.notice.people_mark and style.notice.people == "columns":
        problems.append(Problem(name, line_of(lines, ("notice", "people_mark")), "notice.people_mark",
                                f"the mark {style.notice.people_mark!r} goes before each person's line where people"
                                " are set as runs (people: run); set in columns (people: columns) they have no"
                                " such line, and it would have no effect"))
    elif style.notice.people_mark and style.notice.people == "joined":
        problems.append(Problem(name, line_of(lines, ("notice", "people_mark")), "notice.people_mark",
                                f"the mark {style.notice.people_mark!r} goes before each person's line (people: run"
                                " or tabulated); joined on one line (people: joined) they have no line of their"
                                " own, and it would have no effect"))
    if style.notice.people_gap != "　" and style.notice.people in ("columns", "tabulated"):
        problems.append(Problem(name, line_of(lines, ("notice", "people_gap")), "notice.people_gap",
                                f"people_gap {style.notice.people_gap!r} stands between a title and its name where"
                                f" people are set as runs (people: run or joined); in {style.notice.people} the"
                                " title and the name have cells of their own, and it would have no effect"))
    elif style.notice.people_gap != "　" and style.notice.signer_order != "title_name":
        problems.append(Problem(name, line_of(lines, ("notice", "people_gap")), "notice.people_gap",
                                f"people_gap {style.notice.people_gap!r} stands between a title and the name after"
                                f" it; the house sets the name first (signer_order: {style.notice.signer_order}),"
                                " and it would have no effect"))
    if not style.notice.people_mark_agenda and not style.notice.people_mark:
        problems.append(Problem(name, line_of(lines, ("notice", "people_mark_agenda")), "notice.people_mark_agenda",
                                "people_mark_agenda: false leaves the mark off the people under a step of the"
                                " 次第, and there is no mark (people_mark): it would have no effect"))
    elif not style.notice.people_mark_agenda and style.notice.agenda == "joined":
        problems.append(Problem(name, line_of(lines, ("notice", "people_mark_agenda")), "notice.people_mark_agenda",
                                "people_mark_agenda: false leaves the mark off the people under a step of the"
                                " 次第, and the house joins the 次第 on one line (agenda: joined), where nobody"
                                " stands under a step: it would have no effect"))
    if style.notice.group_label == "inline" and style.notice.people in ("columns", "tabulated"):
        problems.append(Problem(name, line_of(lines, ("notice", "group_label")), "notice.group_label",
                                "a group's people run on after its label on one line where people are set as"
                                f" text (people: run or joined); with people: {style.notice.people} they stand in"
                                " a table, and it would have no effect"))
    if style.notice.people_title_spread is not None and style.notice.people != "tabulated":
        problems.append(Problem(name, line_of(lines, ("notice", "people_title_spread")),
                                "notice.people_title_spread",
                                "titles are set across a width in a column of their own (people: tabulated);"
                                f" with people: {style.notice.people} it would have no effect"))
    problems += _list_marker_problems(style, name, lines) + _label_table_problems(style, name, lines)
    if style.notice.ki_heading == "none" and ("wording", "ki") in lines:
        problems.append(Problem(name, lines[("wording", "ki")], "wording.ki",
                                "notice.ki_heading is none, so the 記 block prints no heading and this word would"
                                " have no effect: remove one"))
    return problems


def _label_table_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    """The head set as a table of a label and a value a row (notice.head_form: label_table)
    holds the date of issue and the contacts itself: a setting that places either
    elsewhere contradicts it, and the wording of its labels has no effect without it."""
    notice, problems = style.notice, []
    if notice.head_form != "label_table":
        # written in the office's own file, and not the default's own value (a copy of the whole default style)
        for word, default in (("issue_date_label", "提供日"), ("issue_time_label", "提供時間")):
            if ("wording", word) in lines and style.word(word) != default:
                problems.append(Problem(name, lines[("wording", word)], f"wording.{word}",
                                        f"{word} labels a row of the head's table (notice.head_form: label_table),"
                                        " and the house sets its head as lines: it would have no effect; remove it,"
                                        " or write head_form: label_table"))
        return problems
    if notice.contacts_at != "foot":
        problems.append(Problem(name, line_of(lines, ("notice", "contacts_at")), "notice.contacts_at",
                                "head_form: label_table sets each contact in a row of the head's table, under its"
                                f" role, and contacts_at: {notice.contacts_at} sets them elsewhere: the two"
                                " contradict; remove one"))
    for key, elsewhere in (("date_place", notice.date_place != "head"), ("date_above_header", notice.date_above_header),
                           ("date_align", notice.date_align != "right")):
        if elsewhere:
            problems.append(Problem(name, line_of(lines, ("notice", key)), f"notice.{key}",
                                    "head_form: label_table sets the date of issue in a row of the head's table,"
                                    f" under its label, and {key} places it on a line of its own: the two"
                                    " contradict; remove one"))
    if ("contacts", "role_place") in lines and style.contacts.role_place == "above":
        problems.append(Problem(name, lines[("contacts", "role_place")], "contacts.role_place",
                                "the role is set above a contact's box; the house sets each contact as a row of"
                                " the head's table (notice.head_form: label_table), the role its label, and it"
                                " would have no effect"))
    return problems


def _list_marker_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    """A 記 list's marker is written as an agreement's item marker, or is one of the
    marks a list's bullets take (LIST_MARKS: •), its entries then unnumbered. Only those
    marks, so that a pattern with a slip (({n}), (1), 1.) is refused, never printed as
    every entry's mark. The digits of ⑴, one character each, or of a mark with no number,
    would have no effect."""
    marker = style.notice.list_marker
    if marker != "⑴" and marker not in LIST_MARKS and \
            (marker.count("{number}") != 1 or any(f != "number" for f in _PLACEHOLDER.findall(marker))):
        return [Problem(name, line_of(lines, ("notice", "list_marker")), "notice.list_marker",
                        "{number} must appear once in list_marker, and no other placeholder (or write ⑴ for"
                        f" entries marked ⑴ ⑵ …, or one of {' '.join(LIST_MARKS)} for entries marked so without"
                        " numbers)")]
    if marker == "⑴" and style.notice.list_digits:
        return [Problem(name, line_of(lines, ("notice", "list_digits")), "notice.list_digits",
                        "the list's items are marked ⑴ ⑵ … (list_marker: ⑴), one character each with no"
                        " digits: list_digits would have no effect")]
    if marker in LIST_MARKS and style.notice.list_digits:
        return [Problem(name, line_of(lines, ("notice", "list_digits")), "notice.list_digits",
                        f"the list's entries are marked {marker} without numbers (list_marker), with no digits:"
                        " list_digits would have no effect")]
    return []


def _blank_date_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    """A draft's open date is the house's blank_date, and a year kept in it is written
    in the agreement's calendar: a blank date that names an era would print 令和 in an
    agreement dated in the western calendar."""
    blank = style.word("blank_date")
    if style.agreement.calendar != "western" or not blank.startswith(tuple(e for e, _ in japanese.ERAS)):
        return []
    return [Problem(name, line_of(lines, ("agreement", "calendar")), "agreement.calendar",
                    f"the agreement's dates are western, and a draft's open date (wording: blank_date) is"
                    f" 「{blank}」, with an era: write wording: {{blank_date: 　　　　年　　月　　日}}")]


PROSE_PLACEHOLDERS = ("title", "date", "partners", "issuer", "department")
COUNT_PLACEHOLDERS = ("parties", "partners")


def _check_count(col, i: int, at) -> None:
    """A count prints a number the spec's parties give, or it says nothing a list of
    names does not: one of its placeholders, and no other."""
    key = ("columns", i, "count")
    if col.data != "partners":
        at(key, "count: prints the number of parties after the partners' names; only a column of"
                " data: partners has it")
        return
    found = _PLACEHOLDER.findall(col.count)
    for name in found:
        if name not in COUNT_PLACEHOLDERS:
            at(key, f"{{{name}}} is not a placeholder of count:; it may use {{parties}} (every party of the"
                    " agreement) and {partners} (the partners listed)")
    if not found:
        at(key, "count: holds no number ({parties}: every party of the agreement, {partners}: the partners"
                " listed), so it would print the same words after every list")


def _check_together(col, i: int, at) -> None:
    """The words for the issuer's co-signers name them, on the column that lists the partners."""
    key = ("columns", i, "together")
    if col.data != "partners":
        at(key, "together: names the parties that signed on the issuer's side after the partners' names;"
                " only a column of data: partners has it")
        return
    found = _PLACEHOLDER.findall(col.together)
    for name in found:
        if name != "names":
            at(key, f"{{{name}}} is not a placeholder of together:; it may use {{names}} (the parties that"
                    " signed on the issuer's side beside it)")
    if not found:
        at(key, "together: does not name the parties ({names}), so the row would say the issuer signed with"
                " others without saying which")


def _annual_problems(an: AnnualStyle, name: str, lines: dict) -> list[Problem]:
    """A column prints one thing; a key that would have no effect is an error."""
    problems = []

    def at(key: tuple, message: str):
        problems.append(Problem(name, line_of(lines, ("annual", *key)), dotted(("annual", *key)), message))
    if not an.columns:
        at(("columns",), "the annual overview needs at least one column")
    for i, col in enumerate(an.columns):
        if (col.data is None) == (col.field is None):
            at(("columns", i), "a column prints either data: (from the agreement) or field: (the spec's"
                               " agreement.fields), exactly one of them")
        elif col.dates is not None and col.data not in ANNUAL_DATE_DATA:
            what = f"data: {col.data}" if col.data else f"field: {col.field}"
            at(("columns", i, "dates"), f"the column {what} holds no dates, so dates: would have no effect"
                                        f" (columns of dates: {', '.join(ANNUAL_DATE_DATA)})")
        if col.amended is not None and col.data != "signing_date":
            at(("columns", i, "amended"), "amended: prints the amendments under the signing date; only a"
                                          " column of data: signing_date has it (or use data: amendments)")
        elif col.amended and any(c.data == "amendments" for c in an.columns):
            at(("columns", i, "amended"), "a column of data: amendments lists the amendments, so"
                                          " amended: true would print them twice; remove one")
        if col.amends is not None and col.data != "title":
            at(("columns", i, "amends"), "amends: prints what an agreement amends under its title; only a"
                                         " column of data: title has it (or use data: amends)")
        elif col.amends and any(c.data == "amends" for c in an.columns):
            at(("columns", i, "amends"), "a column of data: amends lists what an agreement amends, so"
                                         " amends: true would print it twice; remove one")
        if col.field is not None and not col.field.strip():
            at(("columns", i, "field"), "a field's name cannot be empty")
        if col.count is not None:
            _check_count(col, i, at)
        if col.together is not None:
            _check_together(col, i, at)
        if col.empty is not None and col.data in ALWAYS_PRINTED:
            at(("columns", i, "empty"), f"a column of data: {col.data} is never empty, so empty: would have no"
                                        " effect (it is for a field or data the agreement may not give)")
    heads = [c.title() for c in an.columns if (c.data is None) != (c.field is None)]
    for head in sorted({h for h in heads if heads.count(h) > 1}):
        at(("columns",), f"two columns are headed {head}; give each its own heading:")
    if an.areas_mark and not any(c.data == "areas" for c in an.columns):
        at(("areas_mark",), "no column prints data: areas, so areas_mark would have no effect")
    for found in _PLACEHOLDER.findall(an.prose):
        if found not in PROSE_PLACEHOLDERS:
            at(("prose",), f"{{{found}}} is not a placeholder of the prose list; it may use"
                           f" {', '.join('{' + p + '}' for p in PROSE_PLACEHOLDERS)}")
    # written in the office's own file, and not the default's own value (a copy of the whole default style)
    if an.web != "prose" and ("annual", "prose") in lines and an.prose != AnnualStyle().prose:
        at(("prose",), "web: is not prose, so prose: would have no effect (write web: prose)")
    return problems
