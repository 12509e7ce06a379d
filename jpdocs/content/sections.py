"""The notice's own sections (press_notice.sections) with their headings as printed:
numbered where the spec or the house says so (section_marker: "{number}." →
1.基本協定の主な内容, 2.建設予定施設の概要, as a company's release numbers them), else
as written. templates/press-notice.xml.j2 prints them."""
from __future__ import annotations

from dataclasses import dataclass

from .. import japanese
from ..enumeration import lead_mark_em, lead_number
from ..errors import InputError, Problem
from ..spec.section_checks import linked_documents
from ..spec.source import dotted, line_of
from ..spec.style import load_style
from ..spec.style_checks import marker_problem
from .notice import numbered_ki_headings, section_marker_of


@dataclass(frozen=True)
class Point:
    """A paragraph that begins with a number, set as a numbered point where the house
    hangs them (notice.section_number_hang): its number, the text after it (the spaces
    between are the gap up to the text) and the em from the number's start to the
    text's, where its later lines stand."""
    marker: str
    text: str
    hang: float


class Hangs(tuple):
    """By paragraph of a section, the width (em) of the mark its later lines hang
    under (0: none); `points`, by paragraph, its Point where it is set as a numbered
    point (None: not); `parts`, the same for each of its parts' paragraphs (sections[].
    parts), in order. A tuple still, so that a template written before parts reads
    a section's hangs as it did."""
    parts: tuple = ()
    points: tuple = ()
    # by paragraph, the lines nested under it ({text, bullets}), each after the house's
    # mark as printed (() for a plain paragraph), and the em their further lines hang
    # by after that mark (0 where the house sets none: notice.list_bullet "")
    bullets: tuple = ()
    bullet_hang: float = 0.0
    # the section's linked documents (sections[].documents), a line each: (the line as
    # printed, the address it links to or "")
    document_lines: tuple = ()
    template_api = ("parts", "points", "document_lines", "bullets", "bullet_hang")


def document_line(document, style) -> str:
    """A linked document as printed: its title, then its form and size where the spec
    states them, in the house's marks and order (wording.document_details, （{form}：{size}）,
    or (100KB; PDFファイル) with the size first); with one of them, that one between the
    outer marks (協定書（PDF形式）), with neither, the title alone. Nothing is added that
    the spec did not give."""
    details = style.word("document_details")
    if not (document.form or document.size):
        return document.title
    if document.form and document.size:
        return document.title + details.replace("{form}", document.form).replace("{size}", document.size)
    first, second = sorted(("{form}", "{size}"), key=details.find)
    opening, rest = details.split(first, 1)
    closing = rest.split(second, 1)[1]
    return document.title + opening + (document.form or document.size) + closing


def _hangs(paragraphs, notice_form) -> Hangs:
    """By paragraph, the em its later lines hang by after its mark (・, ※) where the house
    hangs marked paragraphs; `points`, its number ((1), １　) where it hangs numbered ones;
    `bullets`, the lines a point ({text, bullets}) nests under it, marked as the house
    marks a list's bullets (notice.list_bullet)."""
    texts = [p if isinstance(p, str) else p.text for p in paragraphs]
    hangs = Hangs(lead_mark_em(p) if notice_form.section_mark_hang else 0 for p in texts)
    numbered = (lead_number(p) if notice_form.section_number_hang and not hang else None
                for p, hang in zip(texts, hangs))
    hangs.points = tuple(Point(*n) if n else None for n in numbered)
    if any(not isinstance(p, str) for p in paragraphs):     # (else the class's empty tuple)
        mark = notice_form.list_bullet
        hangs.bullets = tuple(() if isinstance(p, str) else tuple(mark + b for b in p.bullets) for p in paragraphs)
        hangs.bullet_hang = japanese.em_width(mark)
    return hangs


def document_notes(loaded, style) -> list[Problem]:
    """The marks around a linked document's form and size are wording the product
    supplies where the house sets none (wording.document_details): named at the first
    document that prints them, so that an office writing [PDF形式:294KB] knows to say so."""
    for i, s in enumerate(loaded.spec.press_notice.sections):
        for key, d in linked_documents(s):
            if d.form or d.size:
                if style.word("document_details") != load_style(None).word("document_details"):
                    return []
                at = ("press_notice", "sections", i) + key
                return [Problem(str(loaded.path), line_of(loaded.lines or {}, at), dotted(at),
                                f"the document's form and size are printed in the default marks"
                                f" {style.word('document_details')} (wording.document_details): a house"
                                f" that writes them otherwise sets its own")]
    return []


def numbered_sections(notice, style, items: int = 0) -> list[tuple]:
    """Each section with its heading as printed (None: it has none) and, by paragraph,
    the width (em) of the mark (・, ●, ※) under which its further lines hang, where the
    house hangs them (notice.section_mark_hang; else 0 each), its numbered points where
    the house sets them so (Hangs.points, notice.section_number_hang), and its parts'
    the same (Hangs.parts), in the spec's order.
    The sections with a heading are numbered in the order they are printed: those before
    the 記 block first, then those after it (after the 記 block's numbered headings, if
    any, or after its `items` numbered items: sections_follow_items); a section
    without a heading, or numbered: false, has no number (the next counts on)."""
    form = section_marker_of(notice, style)
    printed = [s for s in notice.sections if s.before_ki] + [s for s in notice.sections if not s.before_ki]
    counted = [s for s in printed if (s.heading or s.document) and s.numbered is not False]
    first_after = next((s for s in counted if not s.before_ki), None)
    numbers, k = {}, 0
    for s in counted:
        k += 1 + (numbered_ki_headings(notice) + items if s is first_after else 0)
        numbers[id(s)] = k
    out = []
    for s in notice.sections:
        heading = document_line(s.document, style) if s.document else s.heading
        if heading and form and id(s) in numbers:
            heading = form.replace("{number}", japanese.digits(numbers[id(s)], style.digits)) + heading
        hangs = _hangs(s.paragraphs, style.notice)
        hangs.parts = tuple(_hangs(part.paragraphs, style.notice) for part in s.parts)
        if s.documents:                         # (else the class's empty tuple)
            hangs.document_lines = tuple((document_line(d, style), d.address or "") for d in s.documents)
        out.append((s, heading, hangs))
    return out


def check_sections(notice, style, path=None, lines=None) -> None:
    """The notice's own section_marker: well formed, and with an effect (a section with a
    heading to number, and not the house's "" restated); a numbered heading over the 記
    block's items, or a section's heading left unnumbered (numbered: false), only
    where a marker numbers them."""
    for i, e in enumerate(notice.ki or ()):
        if e.heading is not None and e.numbered and not section_marker_of(notice, style):
            at = ("press_notice", "ki", i, "numbered")
            raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at),
                                      "numbered numbers the heading as the notice's sections are, and neither"
                                      " press_notice.section_marker nor the house's notice.section_marker"
                                      " numbers them: it would have no effect")])
    for i, s in enumerate(notice.sections):
        if s.numbered is False and (s.heading or s.document) and not section_marker_of(notice, style):
            at = ("press_notice", "sections", i, "numbered")
            raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at),
                                      "numbered: false leaves the heading without a number, and neither"
                                      " press_notice.section_marker nor the house's notice.section_marker"
                                      " numbers the sections: it would have no effect")])
    if notice.sections_follow_items:
        _check_follow_items(notice, style, path, lines)
    form = notice.section_marker
    if form is None:
        return
    at = ("press_notice", "section_marker")
    if marker_problem(form):
        message = "{number} must appear once in section_marker, and no other placeholder"
    elif not any((s.heading or s.document) and s.numbered is not False for s in notice.sections) and not numbered_ki_headings(notice):
        message = ("section_marker numbers the headings of the notice's own sections, and none has a heading:"
                   " it would have no effect")
    elif not form and not style.notice.section_marker:
        message = ("section_marker: \"\" leaves the sections' headings unnumbered, as the house does already"
                   " (notice.section_marker): it would have no effect")
    else:
        return
    raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at), message)])


def _check_follow_items(notice, style, path, lines) -> None:
    """sections_follow_items counts the sections after the 記 block on from its items:
    only where a marker numbers the sections, one after the 記 block has a numbered
    heading, the items are numbered, and nothing else sets where the count starts (the
    sections before the 記 block, or its numbered headings, would leave the first
    number after it a guess)."""
    after = [s for s in notice.sections if not s.before_ki and (s.heading or s.document) and s.numbered is not False]
    ki_marker = style.notice.ki_marker
    if not section_marker_of(notice, style):
        message = ("sections_follow_items numbers the sections on from the 記 block's items, and neither"
                   " press_notice.section_marker nor the house's notice.section_marker numbers them: it would"
                   " have no effect")
    elif not after:
        message = ("sections_follow_items numbers the sections after the 記 block on from its items, and none"
                   " after it has a numbered heading: it would have no effect")
    elif "{number}" not in ki_marker and ki_marker != "⑴":
        message = ("sections_follow_items numbers the sections on from the 記 block's items, and the house's"
                   " items have no number (notice.ki_marker): there is no number to follow")
    elif numbered_ki_headings(notice) or any(s.before_ki and s.heading and s.numbered is not False
                                              for s in notice.sections):
        message = ("sections_follow_items numbers the sections on from the 記 block's items: beside numbered"
                   " sections before the 記 block or numbered headings over its items, where the count goes"
                   " on would be a guess; number the sections one way")
    else:
        return
    at = ("press_notice", "sections_follow_items")
    raise InputError([Problem(str(path), line_of(lines or {}, at), dotted(at), message)])
