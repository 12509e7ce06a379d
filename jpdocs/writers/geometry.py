"""The page geometry both writers share: the text area of a page, from the house
style's margins (of the document's kind) and the frame padding.

reportlab's frame sets the text FRAME_PAD points inside each margin; the DOCX
writes the same text area as its page margins (house margin + FRAME_PAD), so that a
line holds the same characters and a page the same lines in both files.
"""
from __future__ import annotations

from ..spec.style import FRAME_PAD, HouseStyle   # (the style's check of a grid measures with it too)

__all__ = ["FRAME_PAD", "MM", "text_margins"]
MM = 72 / 25.4                         # points per millimetre


def text_margins(style: HouseStyle, kind: str = "") -> dict[str, float]:
    """Points from each page edge to the text: the house margin plus the frame padding."""
    mg = style.page.margins_for(kind)
    return {side: getattr(mg, side) * MM + FRAME_PAD for side in ("top", "bottom", "left", "right")}

