"""A notice's own sections (press_notice.sections) checked: what the schema cannot
say. Each section says something (each of its parts too: a subheading over nothing
is a heading with a hole), no table beside its parts, its table is a table: rows
of one width, a row under the heading row, no cell left without text; and numbered
only where it has an effect (false, on a heading; the marker: content/sections.py)."""
from __future__ import annotations

import re

from .schema import Spec

N = ("press_notice",)
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"]+")      # as markup.py's <p link> takes it


def linked_documents(section) -> list[tuple]:
    """The documents a section links, each with its key under the section: the section
    that is one (document), then those under its text (documents[j])."""
    if section.document is None and not section.documents:
        return []
    found = [(("document",), section.document)] if section.document is not None else []
    return found + [(("documents", j), d) for j, d in enumerate(section.documents)]


def check_sections(spec: Spec, problem) -> None:
    for i, section in enumerate(spec.press_notice.sections):
        at = N + ("sections", i)
        for key, d in linked_documents(section):
            if d.address is not None and not _WEB_ADDRESS.fullmatch(d.address):
                problem(at + key + ("address",), "the document's address is where a reader's viewer opens it: a"
                                                 " web address beginning http:// or https://, without spaces")
        if section.document is not None:
            _check_document_section(section, at, problem)
        elif (not section.paragraphs and not section.parts and not section.table and not section.photos
                and not section.documents):
            problem(at, "a section needs its paragraphs (paragraphs: […]), parts (parts: […]), a table"
                        " (table: […]), its photos (photos: […]) or the documents it links (documents: […]),"
                        " one at least: it would print nothing but its heading")
        for j, part in enumerate(section.parts):
            if not part.paragraphs:
                problem(at + ("parts", j), "a part needs its paragraphs (paragraphs: […]), one at least: it"
                                           " would print nothing but its subheading")
        if section.parts and section.table:
            problem(at + ("table",), "a table after a section's parts would read as its last part's: give the"
                                     " table a section of its own (or the part's lines as paragraphs)")
        if section.table:
            _check_table(section.table, at + ("table",), problem)
        if section.numbered is True:
            problem(at + ("numbered",), "numbered: true restates what a section_marker does already (it numbers"
                                        " every section with a heading): it would have no effect; only"
                                        " numbered: false is written, for a heading left without a number")
        elif section.numbered is False and not section.heading and section.document is None:
            problem(at + ("numbered",), "numbered: false leaves a section's heading without a number, and this"
                                        " section has no heading (a section without one is never numbered):"
                                        " it would have no effect")


def _check_document_section(section, at: tuple, problem) -> None:
    """A section that is a linked document (document:) prints the document's title as
    its heading and nothing under it: anything else under it would read as the
    document's content. (A heading of its own is printed by no bundled template, and
    may be by a user's: spec/unprinted.py.)"""
    for key in ("paragraphs", "parts", "table", "photos", "documents"):
        if getattr(section, key):
            problem(at + (key,), f"the section is a linked document (document:), printed as its heading with"
                                 f" nothing under it: {key} would read as the document's content; give them a"
                                 f" section of their own")
    if section.before_ki:
        problem(at + ("before_ki",), "a section that is a linked document (document:) stands among the"
                                     " sections after the 記 block, as the pages set one: before_ki is refused")


def _check_table(rows: list[list[str]], at: tuple, problem) -> None:
    """The first row heads the columns, so a table says something only with a row
    under it; a blank cell would print a hole in a row of facts (write what the page
    writes there, e.g. －)."""
    if len(rows) < 2:
        problem(at, "a table needs its heading row and a row under it, one at least: its first row heads the"
                    " columns (table: [[番号, 連携事項], [１, …]])")
    check_row_widths(rows, at, problem)
    for r, row in enumerate(rows):
        if not row:
            problem(at + (r,), "a row of a table needs its cells")
        for c, cell in enumerate(row):
            if not str(cell).strip():
                problem(at + (r, c), "a cell of the table is blank: write what it says (the page's －, if it"
                                     " prints one)")


def check_row_widths(rows: list[list[str]], at: tuple, problem) -> None:
    """Every row of a table (a section's, a 記 item's) as many cells as the others."""
    widths = {len(row) for row in rows}
    if len(widths) > 1:
        problem(at, f"every row of a table has the same number of cells; these have"
                    f" {', '.join(map(str, sorted(widths)))}")
