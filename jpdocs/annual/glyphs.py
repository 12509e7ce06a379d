"""The book's own check of its characters against its fonts: what it prints of each
agreement (the cells of its row, its title and date in the contents, the issuer on the
cover), in the house style the book is built with. Only that: a spec's field the book
never prints (a notice's attendees, a head's name) is no concern of the book's, though
the spec's own documents, in the spec's own house style, check it."""
from __future__ import annotations

from ..build.checks import check_glyphs
from ..content import model as m
from ..errors import InputError
from ..spec.style import HouseStyle
from .blocks import contents_entries
from .rows import Row


def check_book_glyphs(rows: list[Row], style: HouseStyle) -> None:
    """Each row's printed text, as the summary table, the contents and the cover set it
    (mincho), checked before anything is laid out; a character no font of the book's
    style draws is named at the spec's field, with the book's style in its advice."""
    entries = {key: text for _, text, key in contents_entries(rows, style)}
    for row in rows:
        texts = [line for v in row.values for line in v.lines if line]
        texts += [row.title, entries[f"agreement-{row.number}"], row.loaded.spec.issuer]
        doc = m.Document("annual", row.title, row.loaded.spec.issuer,
                         [m.Paragraph([m.Text(t)]) for t in texts])
        try:
            check_glyphs(doc, style, row.loaded, book=True)
        except InputError as exc:             # at its key as the spec writes it (agreements.<id>.…)
            raise row.loaded.as_written(exc) from None
