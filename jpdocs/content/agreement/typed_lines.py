"""A signature block's title-and-name line placed glyph by glyph: the title and the
name as the spec writes them (the characters the PDF's and the DOCX's text hold),
each where the signer's typed form puts it (spec/typed.py) or spread across the
house's width, the name the house's gap after its title or in the names' column
(agreement.name_gap, name_column). Printed as one <spread> with a gap after each
character (model.Spread's gaps): no space character is added but the full-width
spaces of the gap between title and name."""
from __future__ import annotations

from ...japanese import em_width
from ...spec.typed import typed_x
from ..markup import placed


def glyphs(text: str, typed: str | None = None, across: int | None = None) -> tuple[list[float], float]:
    """Where each character of `text` stands (em) and the width it takes: as typed,
    else spread across `across` em where narrower (as markup.spread sets it), else
    as written. A blank (a draft's full-width spaces) is never spread."""
    if typed:
        found = typed_x(text, typed)
        if not isinstance(found, str):         # (else refused by the spec's check)
            return found
    natural = em_width(text)
    extra = ((across - natural) / (len(text) - 1)
             if across and len(text) > 1 and natural < across and text.strip("　") else 0.0)
    xs, x = [], 0.0
    for c in text:
        xs.append(x)
        x += em_width(c) + extra
    return xs, (x - extra if text else 0.0)


def joined(parts: list[tuple[str, list[float], float]]):
    """The parts (text, x of each character, where the part starts) as one line."""
    text = "".join(t for t, _, _ in parts)
    xs = [start + x for _, part, start in parts for x in part]
    gaps = [max(0.0, round(xs[i + 1] - xs[i] - em_width(text[i]), 4)) for i in range(len(text) - 1)]
    return placed(text, gaps)


def title_line(title: str, typed_title: str | None, title_across: int | None,
               name: str | None, typed_name: str | None, name_across: int | None,
               gap: float | None, column: float | None):
    """The title, then (unless `name` is None) the name `gap` em after it, or at
    `column` em from the title's start."""
    t_xs, t_width = glyphs(title, typed_title, title_across)
    parts = [(title, t_xs, 0.0)]
    if name is not None:
        space = column - t_width if column is not None else gap
        whole = int(space)
        parts.append(("　" * whole, [float(j) for j in range(whole)], t_width))
        n_xs, _ = glyphs(name, typed_name, name_across)
        parts.append((name, n_xs, t_width + space))
    return joined(parts)


def title_width(title: str, typed_title: str | None, title_across: int | None) -> float:
    return glyphs(title, typed_title, title_across)[1]
