"""Naming what could not be laid out: the text of a flowable, and the part of a page
too large for any page, for the message at the spec's key (locate.py)."""
from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (Flowable, Table)

from ..errors import LayoutProblem
from .flowables import TrackedLine

_CELL_PAD = 4.0


def flowable_text(f) -> str:
    """The text a flowable (or a list of them) prints, for naming it in messages."""
    if isinstance(f, (list, tuple)):
        return "".join(flowable_text(x) for x in f)
    if isinstance(f, TrackedLine):
        return f.text
    if hasattr(f, "getPlainText"):
        return f.getPlainText()
    if isinstance(f, Table):
        return "".join(flowable_text(cell) for row in f._cellvalues for cell in row)
    if isinstance(getattr(f, "_content", None), list):      # KeepTogether and its kind
        return flowable_text(f._content)
    return ""


def quoted(text: str, limit: int = 30) -> str:
    """「the first characters of a text…」, to name a part of a page."""
    text = "".join(text.split())
    return f"「{text if len(text) <= limit else text[:limit] + '…'}」"


def too_large(what: str, title: str, placing, width: float, page: float) -> LayoutProblem:
    """What could not be placed on any page (`placing`, set `width` wide on a frame
    `page` high). A table cell (a signature block, a box) is never split across
    pages, so in a table it is the tallest cell. `what` names the document."""
    canv = Canvas(io.BytesIO())
    while isinstance(getattr(placing, "_content", None), list) and len(placing._content) == 1:
        placing = placing._content[0]
    parts = []
    if isinstance(placing, Table):
        for row in placing._cellvalues:
            for c, cell in enumerate(row):
                cells = list(cell) if isinstance(cell, (list, tuple)) else [cell]
                w = placing._colWidths[c] - 2 * _CELL_PAD
                h = sum(f.wrapOn(canv, w, 1e6)[1] for f in cells if isinstance(f, Flowable))
                parts.append((f"the table cell {quoted(flowable_text(cells))}", h, flowable_text(cells)))
    elif placing is not None:
        text = flowable_text(placing)
        parts.append((f"the part {quoted(text)}", placing.wrapOn(canv, width, 1e6)[1], text))

    def explain(name: str, height: float) -> str:
        return (f"the {what} cannot be laid out: {name} is {height:.0f}pt tall, more than a page holds"
                f" ({page:.0f}pt), and it is never split across pages; shorten the text there")
    return LayoutProblem(title, [max(parts, key=lambda p: p[1])] if parts else [], explain)



def too_narrow(what: str, title: str, text: str, width: float, pad: float) -> LayoutProblem:
    """A table cell (printing `text`) whose column, `width` points wide, leaves no
    room within its padding `pad` on each side: the widths a template gave."""
    def explain(name: str, height: float) -> str:
        return (f"the {what} cannot be laid out: {name} stands in a column {width:.1f}pt wide, which its padding"
                f" ({pad:g}pt each side) leaves no room in; widen the column (the template's <table widths>)")
    return LayoutProblem(title, [(f"the table cell {quoted(text)}", 1.0, text)], explain)


def too_wide_marker(what: str, title: str, text: str, width: float, room: float) -> LayoutProblem:
    """An item's marker (a label: 件名, a 記 item's) `width` points wide on a line of
    `room`: reportlab sets it on one line whatever its width, past the margin and off
    the page, where its end is lost."""
    def explain(name: str, height: float) -> str:
        return (f"the {what} cannot be laid out: {name} is {width:.0f}pt wide, and a label stands on one line,"
                f" which is {room:.0f}pt wide here; shorten it")
    return LayoutProblem(title, [(f"the label {quoted(text)}", 1.0, text)], explain)
