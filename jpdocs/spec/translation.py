"""An agreement's text in another language (agreement.document.translations): the text
as the parties signed it in that language — a sister-city agreement made 日本語、英語により
has its English text after the Japanese one's signatures. Printed as written, from a page
of its own: its title, its paragraphs, its date line and each party's signature block,
every line the spec's. Nothing in it is derived from the Japanese text: an English name
or title is a fact the spec says (Jaime R.Fresnedi,Mayor), never a reading of 松浦幸雄."""
from __future__ import annotations
# The annotations are kept as text, evaluated at each model's first use: strict/model.py's _build.

from typing import Annotated, Literal, Optional, Union

from .base import Line, PartyId, Strict
from .strict.fields import MinLen


class TranslationSigner(Strict):
    """One party's block in the translation, its lines as that text sets them
    (Jaime R.Fresnedi,Mayor / City of Muntinlupa / Republic of the Philippines)."""
    party: PartyId                     # the party's id (parties:): each party signs once
    lines: Annotated[list[Line], MinLen(1)]


class Translation(Strict):
    """The text in one other language: English only (the composer breaks Latin text at
    its spaces, flush left, and the PDF and DOCX mark it as English)."""
    language: Literal["en"]
    # the title, or its lines (FRIENDSHIP AGREEMENT / BETWEEN / …), centred
    title: Union[Line, Annotated[list[Line], MinLen(1)]]
    paragraphs: Annotated[list[Line], MinLen(1)]
    date: Optional[Line] = None        # the date line as written (Signed this 28th day of October, …)
    # the blocks in the order of that text, side by side two a row
    signers: Annotated[list[TranslationSigner], MinLen(1)]
