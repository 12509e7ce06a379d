"""An agreement's cover page (表紙, agreement.document.cover): the first page, before
the text, as signed copies bind it — the agreement's title, then the parties' names
(or none, names: false), nothing else unless the spec asks for the date. It prints what the spec writes: the
names as the cover writes them (三鷹市, 君　津　市, 東京都東久留米市) are checked to be
the parties' own (content/agreement/cover.py), never made up."""
from __future__ import annotations
# The annotations are kept as text, evaluated at each model's first use: strict/model.py's _build.

from typing import Annotated, Literal, Optional, Union

from .base import Line, PartyKey, Strict
from .strict.fields import MinLen


class Cover(Strict):
    """The cover page: the title, then each party's name, in the parties' order."""
    # the title's lines as the cover breaks them (…を活用した / 支援活動等に関する協定書);
    # joined, they are the document's title. Default: the title as the text's first page sets it
    title: Optional[Annotated[list[Line], MinLen(1)]] = None
    # by party id, the name as the cover writes it, or its lines (NPO法人 / クライシスマッパーズ・ジャパン);
    # each holds the party's name. Default: each party's name as its signature block writes it.
    # false: no name at all, the cover the title alone (立川市's, 2018)
    names: Union[dict[PartyKey, Union[Line, Annotated[list[Line], MinLen(1)]]], Literal[False]] = {}
    date: bool = False                 # the date line (平成３０年４月２５日) under the title, as 東久留米市's cover
    side_by_side: bool = False         # the names in a row under the title (三鷹市 | NPO法人…), not one under another
