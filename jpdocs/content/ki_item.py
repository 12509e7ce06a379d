"""One item of a notice's 記 block ready to print (KiItem), and a step of its 次第 set
a line of its own (AgendaLine): plain data that content/notice.py composes and
templates/ki-items.xml.j2 prints, in the house's form."""
from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class AgendaLine:
    """A step of the 次第 set a line of its own, and what stands under it: who signs
    and other people (title | name, or in the house's run: title　name a line each),
    the parties' names (・鳥取県), lines as written (notes), its own steps."""
    marker: str
    text: str
    rows: tuple[tuple[str, str], ...] = ()
    runs: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    steps: tuple["AgendaLine", ...] = ()


@dataclass(frozen=True)
class KiItem:
    """One numbered item of the 記 block, ready to print: its label, then either
    paragraphs (lines), numbered entries, or a table of rows."""
    label: str
    kind: str                                  # text | list | table | people | groups | agenda | heading
    lines: tuple[str, ...] = ()                # text: paragraphs; list: the entries
    markers: tuple[str, ...] = ()              # list: （１）, （２） …
    rows: tuple[tuple[str, ...], ...] = ()     # table and people: the rows
    widths: str = ""                           # table: column widths
    border: str = "grid"
    cell_breaks: tuple[str, ...] = ()          # table: how each column's cells break (markup breaks=)
    groups: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = ()   # groups: (title, people rows)
    steps: tuple["AgendaLine", ...] = ()       # agenda (a step a line): each step, what stands under it
    step_hang: str = "3"                       # list and agenda: where an entry's text starts (em)
    # in the house's form (with_form): the item's marker, what stands after it on its
    # line (the label), and, where the text runs in after an inline label, where it starts
    marker: str = ""
    head: str = ""
    hang: float | None = None
    # a label on its line: where it starts (em from the marker's start), past the marker
    # by the house's gap (notice.ki_marker_gap: 1 日時); None: one em past the marker
    marker_hang: float | None = None
    # lines under the item (KiEntry.notes), each with the width (em) of the mark it
    # starts with (※, ＊ and the spaces after it), under which its next lines hang
    notes: tuple[tuple[str, float], ...] = ()
    # text: the width (em) of the mark each paragraph begins with (・, ●), under which
    # its further lines hang; () where none begins with one
    hangs: tuple[float, ...] = ()
    # list: each entry's bullets (marked, as printed) and the rest of its sentence after
    # them ("" for none), in the order of lines; () where no entry has bullets
    points: tuple[tuple[tuple[str, ...], str], ...] = ()
    # list: where a bullet's further lines stand (em past the entry's text margin): after
    # the house's mark (・: 1), or at the margin where the house sets none (list_bullet: "")
    bullet_hang: float = 1.0
    # text: the lines kept with the line after them (a group's label with its first person)
    keep: tuple[int, ...] = ()
    # heading (a line over the items after it, its text the label): the space above it (pt)
    space_before: float = 0.0
    # heading: numbered in the series of the notice's sections (ki: - {heading: …, numbered:
    # true}, 3 締結式について after 1 経緯 and 2 覚書主旨): set as the sections' headings are,
    # in their style and with their space above, not as an item's label
    numbered: bool = False
    # people and groups (and an agenda's rows under its steps): each cell flush left in
    # a column as wide as its widest (notice.people: tabulated), a group's label a row
    # of one cell across them, not the titles right-aligned against the names
    flush: bool = False
    # text: an item without a label (ki: - {label: false, text: […]}), its lines as
    # written, each where the other items' text stands (ki_form.with_form)
    unlabelled: bool = False


_KI_FIELDS = frozenset(f.name for f in fields(KiItem))


def changed(item: KiItem, **changes) -> KiItem:
    """dataclasses.replace(item, **changes), without its walk: replace reads each of
    KiItem's 23 fields to name it again to __init__, which sets each on the new object
    (a notice's items are replaced some six times, ~0.3 M instructions of a warm notice).
    KiItem has no __post_init__, no InitVar and no field left out of __init__, so the
    object replace makes holds the item's fields with the changes, in the fields' order,
    as this copy does; a name that is no field is refused as replace refuses it."""
    if type(item) is not KiItem:
        return replace(item, **changes)
    if not _KI_FIELDS.issuperset(changes):
        raise TypeError(f"KiItem has no field {sorted(set(changes) - _KI_FIELDS)[0]!r}")
    new = object.__new__(type(item))
    state = new.__dict__                     # (frozen: its fields set as dataclass's __init__ sets them)
    state.update(item.__dict__)
    state.update(changes)
    return new
