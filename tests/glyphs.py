"""Reading typeset lines back from a finished PDF, by glyph position.

Tests build a one-paragraph (or few-block) Document with the real PDF writer
and read each glyph's page, baseline and box with pdfplumber. The character
sets below are written out from JLREQ here, not imported from the composer,
so that a wrong class in the composer shows as a failing test.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from jpdocs.content import model as m
from jpdocs.spec.style import HouseStyle, load_style
from jpdocs.writers.pdf import render_pdf

NO_START = set("、。，．」』）〕］｝〉》】〙〗〟’”？！‼ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ〜～・：；％℃")
NO_END = set("「『（〔［｛〈《【〘〖〝‘“￥＄")
HANGING = set("、。，．")
INK_LEFT = set("」』）〕］｝〉》】〙〗〟’”、。，．")   # ink in the left half of the em box
FRAME_PAD = 6.0


def is_japanese(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xFF01 <= o <= 0xFF60 or 0xF900 <= o <= 0xFAFF


@dataclass
class Line:
    page: int
    chars: list[dict]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def ink(self) -> list[dict]:
        return [c for c in self.chars if not c["text"].isspace()]


def ink_right(c: dict) -> float:
    w = c["x1"] - c["x0"]
    return c["x0"] + (w / 2 if c["text"] in INK_LEFT else w)


def text_block(style: HouseStyle, left_indent_pt: float = 0.0) -> tuple[float, float]:
    """Left and right edge of the body text of a portrait A4 page."""
    mg = style.page.margins
    return mg.left * mm + FRAME_PAD + left_indent_pt, A4[0] - mg.right * mm - FRAME_PAD


def render(blocks: list[m.Block], style: HouseStyle | None = None) -> bytes:
    doc = m.Document(kind="test", title="組版試験", author="jpdocs", blocks=blocks)
    return render_pdf(doc, style or load_style())


def page_rows(pdf, page: int = -1, right_of: float = 0.0) -> list[list[dict]]:
    """The glyphs of one page of a PDF file by line (rounded top), top to bottom, each
    left to right; `right_of`: only those starting right of that x (a column)."""
    with pdfplumber.open(pdf) as doc:
        chars = [c for c in doc.pages[page].chars if c["x0"] > right_of]
    rows: dict[int, list[dict]] = {}
    for c in chars:
        rows.setdefault(round(c["top"]), []).append(c)
    return [sorted(r, key=lambda c: c["x0"]) for _, r in sorted(rows.items())]


def read_lines(pdf: bytes, style: HouseStyle | None = None) -> list[Line]:
    """Glyph lines in reading order; page numbers (below the text block) left out."""
    style = style or load_style()
    foot = A4[1] - style.page.margins.bottom * mm
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            rows: dict[float, list[dict]] = {}
            for c in page.chars:
                if c["bottom"] <= foot:
                    rows.setdefault(round(c["bottom"], 1), []).append(c)
            for key in sorted(rows):
                out.append(Line(page.page_number, sorted(rows[key], key=lambda c: c["x0"])))
    return out
