"""The 記 block's items in the house's form: each item's marker (notice.ki_marker, or the
item's own: ki: - {…, marker: "{number}:"}) and where its label and text stand
(notice.ki_label: on its line, or inline with the text after it)."""
from __future__ import annotations


from .. import enumeration, japanese
from .ki_item import KiItem, changed
from .markup import spread as set_across


# The widest label (em) after which an inline 記 item's text runs in.
RUN_IN_LABEL_EM = 5


def with_form(items: list[KiItem], style, own_markers: list[str | None] | None = None,
              of_people: list[bool] | None = None, headed: list[bool] | None = None) -> list[KiItem]:
    """Each item with its marker and its line in the house's form (notice.ki_marker,
    ki_label): １, then 日時 on its line and the text under it; or, with inline labels,
    １　日時： as the marker and the text after it, every such item's text from one
    hang (or each from its own: ki_label_align: own). own_markers, by item: its marker as the page writes it (ki: - {…, marker:
    "{number}:"}, 1:日時・場所 among 3.目的・意義), None for the house's; counted as any
    other. of_people, by item: whether it lists people, whose label keeps its line
    where the house so sets them (notice.ki_people_label: line). headed, by item: whether
    its lines each stand after a label of their own (a ceremony's 日時：, 場所：), whose
    label keeps its line in every house, so that its lines hang past their own labels,
    not past a label run in before them. Made here, not in the template: a macro call and the style's sandboxed
    methods per item cost a warm notice 1.4 M instructions (1.6%)."""
    form = style.notice
    spread = form.ki_label_spread          # labels set across it: 日時 → 日　時 (set_across)
    own = own_markers or []

    def mark(number: int) -> str:
        pattern = own[number - 1] if number <= len(own) and own[number - 1] is not None else form.ki_marker
        if pattern == "⑴":       # ⑴ ⑵ ⑶, one character each, as the 次第's and a list's ⑴ (not ⑴ ⑴ ⑴)
            return enumeration.PARENTHESIZED[number - 1]
        return pattern.replace("{number}", japanese.digits(number, form.ki_digits or style.digits))

    def past(marker: str) -> float | None:      # where a label on its line starts (ki_marker_gap)
        return None if form.ki_marker_gap is None or not marker else japanese.em_width(marker) + form.ki_marker_gap

    def head(number: int, label: str) -> str:         # before an inline item's text
        return (mark(number) + "　" if mark(number) else "") + set_across(label, spread) + form.ki_label_gap

    def head_em(number: int, label: str) -> float:
        return japanese.em_width((mark(number) + "　" if mark(number) else "") + form.ki_label_gap) + \
            max(japanese.em_width(label), spread or 0)

    # An inline label short enough (日時, 出席予定) runs its item's text in; every such
    # text starts past the widest head of a short label, so that they line up. A longer
    # label (連携協力する内容) keeps its line, so that no text need start far right for it.
    people = of_people or [False] * len(items)
    own_line = form.ki_people_label == "line"
    labelled = headed or [False] * len(items)
    short = [form.ki_label == "inline" and japanese.em_width(it.label) <= RUN_IN_LABEL_EM
             and not (own_line and listed) and not own and not it.unlabelled for it, listed, own in zip(items, people, labelled)]
    hang = max((head_em(n, it.label) for n, (it, ok) in enumerate(zip(items, short), 1) if ok), default=None)
    # or each text straight after its own label (ki_label_align: own), its later lines under its start
    own_hang = form.ki_label_align == "own"
    # a label on its line keeps a gap that prints (日時：), never one of spaces: at the
    # line's end it would print nothing, and the text (the DOCX, the PDF's tags) would
    # carry it ('【出席者】　'); nor one the office leaves out there (ki_label_line_gap:
    # false, 3. 内容 over its entries)
    gap = form.ki_label_gap.rstrip() if hang is not None and form.ki_label_line_gap else ""
    any_labelled = any(not it.unlabelled for it in items)

    def bare(number: int) -> float:
        """An item without a label (label: false): after its marker, its lines where the
        labelled items' text stands, so that the block's texts align: past the widest
        inline label, or an em in under a label on its line. Where no item has a label,
        or where each text runs in straight after its own label (ki_label_align: own: no
        column of texts to align with), where a label would start, as 記 blocks of lines
        alone set them (1、○月△日(□) 10:00〜 / 2、○×センター25階) and as a release names
        its ceremony over 開催日時：… (国際ロータリー第2700地区, 2022)."""
        marker = mark(number)
        at = past(marker)
        at = at if at is not None else japanese.em_width(marker) + 1 if marker else 0.0
        if any_labelled and not (own_hang and hang is not None):
            at = hang if hang is not None else at + 1
        return at

    return [changed(it, marker=mark(n), hang=bare(n)) if it.unlabelled else
            changed(it, marker=head(n, it.label), hang=head_em(n, it.label) if own_hang else hang) if ok and it.kind == "text" else
            changed(it, marker=mark(n), head=set_across(it.label, spread) + gap, marker_hang=past(mark(n)))
            for n, (it, ok) in enumerate(zip(items, short), 1)]
