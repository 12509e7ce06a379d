"""An annex of an agreement (別記様式, 別表, 別紙): a page or more after the signatures,
printed as the spec writes it, part after part — a line of text (at the margin, centred
or flush right), the form's title, numbered entries, a table whose blank cells are the
form's fields. The agreement's own text refers to it by its heading (協力要請書（別記第１号
様式）により…); nothing in it is generated but the entries' numbers."""
from __future__ import annotations
# The annotations are kept as text, evaluated at each model's first use: strict/model.py's _build.

from typing import Annotated, Literal, Optional, Union

from .base import Line, Strict
from .strict import model_validator
from .strict.fields import MinLen


class AnnexEntry(Strict):
    """A numbered entry with lines under its text, at its margin (所属 / 職・氏名 / 連絡先)."""
    text: Line
    lines: Annotated[list[Line], MinLen(1)]


_KINDS = ("text", "title", "items", "table")


class AnnexPart(Strict):
    """One part of an annex: exactly one of text, title, items or table."""
    text: Optional[Line] = None        # a paragraph; at the margin unless aligned
    align: Optional[Literal["center", "right"]] = None   # 記 centred, 年　月　日 flush right
    title: Optional[Line] = None       # the form's title (協力要請書), centred in the title's type
    items: list[Union[Line, AnnexEntry]] = []   # numbered １　…, ２　… (the house's digits)
    item_marker: Optional[Line] = None  # their own marker: （{number}） → （１）, 一 → 一; default {number}
    table: list[list[str]] = []        # rows, the first heading the columns; "" is a blank to fill in
    caption: Optional[Line] = None     # a line above the table (【消防庁】)

    @model_validator(mode="after")
    def _one_kind(self):
        given = [k for k in _KINDS if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("a part of an annex is one of text:, title:, items: or table: (give one)")
        for key, needs in (("align", "text"), ("item_marker", "items"), ("caption", "table")):
            if getattr(self, key) is not None and not getattr(self, needs):
                raise ValueError(f"{key}: goes with {needs}: in the same part; here it would have no effect")
        return self


class Annex(Strict):
    """別記第１号様式, 別表 …: begins a page of its own after the signatures."""
    heading: Line                      # 別記第１号様式: at the top left, as the text names it
    parts: Annotated[list[Union[Line, AnnexPart]], MinLen(1)]
