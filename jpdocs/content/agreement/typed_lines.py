"""A signature block's title-and-name line placed glyph by glyph: the title and the
name as the spec writes them (the characters the PDF's and the DOCX's text hold),
each where the signer's typed form puts it (spec/typed.py) or spread across the
house's width, the name the house's gap after its title or in the names' column
(agreement.name_gap, name_column). Printed as one <spread> with a gap after each
character (model.Spread's gaps): no space character is added but the full-width
spaces of the gap between title and name."""
from __future__ import annotations

from markupsafe import Markup

from ...japanese import em_width
from ...spec.typed import typed_x
from ..markup import placed


def glyphs(text: str, typed: str | None = None, across: int | None = None,
           scale: float = 1.0) -> tuple[list[float], float]:
    """Where each character of `text` stands (em) and the width it takes: as typed,
    else spread across `across` em where narrower (as markup.spread sets it), else
    as written. A blank (a draft's full-width spaces) is never spread. `scale`: the
    characters' size over the paragraph's (a name in a type of its own, name_size),
    the positions still in em of the paragraph's size."""
    if typed:
        found = typed_x(text, typed)
        if not isinstance(found, str):         # (else refused by the spec's check)
            return found
    natural = em_width(text) * scale
    extra = ((across - natural) / (len(text) - 1)
             if across and len(text) > 1 and natural < across and text.strip("　") else 0.0)
    xs, x = [], 0.0
    for c in text:
        xs.append(x)
        x += em_width(c) * scale + extra
    return xs, (x - extra if text else 0.0)


def joined(parts: list[tuple[str, list[float], float]], scale: float = 1.0):
    """The parts (text, x of each character, where the part starts) as one line."""
    text = "".join(t for t, _, _ in parts)
    xs = [start + x for _, part, start in parts for x in part]
    gaps = [max(0.0, round(xs[i + 1] - xs[i] - em_width(text[i]) * scale, 4)) for i in range(len(text) - 1)]
    return placed(text, gaps)


def title_line(title: str, typed_title: str | None, title_across: int | None,
               name: str | None, typed_name: str | None, name_across: int | None,
               gap: float | None, column: float | None, name_size: float | None = None, size: float = 0.0,
               mark: str = ""):
    """The title, then (unless `name` is None) the name `gap` em after it, or at
    `column` em from the title's start. `name_size` (points; the paragraph's: `size`):
    the name in a type of its own, a run of its own after the gap's full-width spaces,
    which take what the gap has beyond whole em before them (name_gap: 1.5 → the title,
    half an em, a full-width space, the name). `mark` ((署名)): where the name would
    begin, as written, the name straight after it."""
    t_xs, t_width = glyphs(title, typed_title, title_across)
    parts = [(title, t_xs, 0.0)]
    if name is None:
        return joined(parts)
    space = column - t_width if column is not None else gap
    whole = int(space)
    m_xs, m_width = glyphs(mark, None, None) if mark else ([], 0.0)
    if not name_size:
        parts.append(("　" * whole, [float(j) for j in range(whole)], t_width))
        if mark:
            parts.append((mark, m_xs, t_width + space))
        n_xs, _ = glyphs(name, typed_name, name_across)
        parts.append((name, n_xs, t_width + space + m_width))
        return joined(parts)
    parts.append(("　" * whole, [float(j) for j in range(whole)], t_width + space - whole))
    if mark:
        parts.append((mark, m_xs, t_width + space))
    scale = name_size / size
    n_xs, _ = glyphs(name, typed_name, name_across, scale)
    return joined(parts) + sized(joined([(name, n_xs, 0.0)], scale), name_size)


def sized(text, size: float | None):
    """`text` (plain or markup) in a type of `size` points, as markup; as it is without one."""
    if not size:
        return text
    return Markup('<span size="{:g}">').format(size) + text + Markup("</span>")


def title_width(title: str, typed_title: str | None, title_across: int | None) -> float:
    return glyphs(title, typed_title, title_across)[1]
