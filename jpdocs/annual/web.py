"""annual-YYYY.html (an accessible page) and its fragment for a CMS, or the list as
prose lines (`annual.prose`)."""
from __future__ import annotations

import datetime as dt
import html
import re

from .. import enumeration, japanese
from ..spec.style import AnnualColumn, HouseStyle
from .rows import Row
from .columns import DASH, Value
from .columns import partner_names, department
from .sides import co_signers, issuer_is_party
from ..errors import Problem
from .as_of import as_of_line, as_of_words
from .blocks import title_of, period_of, issuer_of, headings

# ---------------------------------------------------------------- HTML
def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _cell_html(col: AnnualColumn, v: Value) -> str:
    lines = v.lines
    if col.data in ("signing_date", "amendments") and v.iso:
        # a date a program can read: <time datetime="2024-04-22">令和６年４月22日</time>
        parts = []
        for text, iso in zip(lines, v.iso):
            day = re.match(r"^[^（]*", text).group(0)
            parts.append(f'<time datetime="{iso}">{_esc(day)}</time>{_esc(text[len(day):])}')
        return "<br>".join(parts + [_esc(ln) for ln in lines[len(v.iso):]])      # （…改定）
    return "<br>".join(_esc(ln) for ln in lines)


def html_table(fy: int, rows: list[Row], style: HouseStyle, as_of: dt.date | None = None) -> str:
    """The list as a real table: a caption naming the year and the count, column heads
    with scope="col", and each row headed by its 協定名 (scope="row") where there is
    such a column, so that a screen reader names the agreement with every cell."""
    cols = style.annual.columns
    row_head = next((k for k, c in enumerate(cols) if c.data == "title"), None)
    comma = style.word("comma")
    caption = (f"{title_of(fy, style)}（{period_of(fy, style)}締結分{comma}"
               f"{japanese.digits(len(rows), style.digits)}件{comma + as_of_words(as_of, style) if as_of else ''}）")
    out = ['<table class="jpdocs-annual">', f"<caption>{_esc(caption)}</caption>", "<thead>", "<tr>"]
    # a head the office leaves empty stays empty on the page, named for a screen reader
    out += [f'<th scope="col" aria-label="{_esc(spoken)}">{_esc(h)}</th>' if (spoken := col.spoken()) else
            f'<th scope="col">{_esc(h)}</th>' for h, col in zip(headings(style), cols)]
    out += ["</tr>", "</thead>", "<tbody>"]
    for r in rows:
        out.append("<tr>")
        for k, (col, v) in enumerate(zip(cols, r.values)):
            if k == row_head:
                out.append(f'<th scope="row">{_cell_html(col, v)}</th>')
            else:
                out.append(f"<td>{_cell_html(col, v)}</td>")
        out.append("</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out) + "\n"


_PLACE = re.compile(r"\{(title|date|partners|issuer|department)\}")


def prose_line(row: Row, style: HouseStyle, markup: bool) -> str:
    """One agreement as the prose list says it (house style `annual.prose`): its
    placeholders filled literally ({partners} enumerated: A、B及びC), the rest
    escaped; {date} in <time> in HTML."""
    ag = row.loaded.spec.agreement
    names = partner_names(row.loaded)
    values = {"title": ag.title, "date": row.signed, "partners": enumeration.join_japanese(names, comma=style.word("comma")) if names else DASH,
              # the issuer with the parties that sign beside it (土庄町及び小豆島町): the sentence
              # says who concluded it, and the issuer did not alone
              "issuer": enumeration.join_japanese([row.loaded.spec.issuer, *co_signers(row.loaded)],
                                                  comma=style.word("comma")),
              "department": department(row.loaded)}
    out, pos = [], 0
    template = style.annual.prose
    for found in _PLACE.finditer(template):
        out.append(_esc(template[pos:found.start()]) if markup else template[pos:found.start()])
        text = values[found.group(1)]
        if not markup:
            out.append(text)
        elif found.group(1) == "date":
            out.append(f'<time datetime="{ag.signing_date.isoformat()}">{_esc(text)}</time>')
        else:
            out.append(_esc(text).replace("\n", "<br>"))
        pos = found.end()
    out.append(_esc(template[pos:]) if markup else template[pos:])
    return "".join(out)


def prose_problems(rows: list[Row], style: HouseStyle) -> list[Problem]:
    """The prose list prints a placeholder's value as a fact of each agreement: where an
    agreement has none ({issuer} of an issuer that is no party, {department} not stated,
    {partners} none), the line would print a hole (－) or a name that is not the fact, so
    it is refused at the spec, naming the house style's template."""
    if style.annual.web != "prose":
        return []
    used = set(_PLACE.findall(style.annual.prose))
    where = f"the house style's annual.prose ({style.source}: {style.annual.prose})"
    problems = []
    for r in rows:
        loaded = r.loaded
        if "issuer" in used and not issuer_is_party(loaded):
            problems.append(Problem(str(loaded.path), loaded.line_of(("issuer",)), "issuer",
                                    f"{where} says the issuer concluded the agreement ({{issuer}}), and"
                                    f" {loaded.spec.issuer} is no party (no party is it by name or says"
                                    " issuing: true): say issuing: true on its party if it signs, or remove"
                                    " {issuer} from annual.prose"))
        if "department" in used and department(loaded) == DASH:
            problems.append(Problem(str(loaded.path), loaded.line_of(("agreement",)), loaded.key(("agreement", "department")),
                                    f"not given, and {where} prints {{department}}: give"
                                    f" {loaded.key(('agreement', 'department'))},"
                                    " or remove {department} from annual.prose"))
        if "partners" in used and not partner_names(loaded):
            problems.append(Problem(str(loaded.path), loaded.line_of(("parties",)), "parties",
                                    f"no party is a partner (相手方) of the issuer, and {where} prints"
                                    " {partners}: say issuing: false on the partners, or remove {partners}"
                                    " from annual.prose"))
    return problems


def html_fragment(fy: int, rows: list[Row], style: HouseStyle, as_of: dt.date | None = None) -> str:
    """What the office's CMS takes: the table (or the prose list) alone, the day it is
    as of above it where the office gave one (--as-of), and the office's note under it
    (`annual.note`)."""
    above = f'<p class="jpdocs-annual-as-of">{_esc(as_of_line(as_of, style))}</p>\n' if as_of else ""
    if style.annual.web == "prose":
        items = "\n".join(f"<li>{prose_line(r, style, True)}</li>" for r in rows)
        return above + f"<ul class=\"jpdocs-annual\">\n{items}\n</ul>\n" + _note_html(style)
    return above + html_table(fy, rows, style, as_of) + _note_html(style)


def _note_html(style: HouseStyle) -> str:
    note = style.annual.note
    if not note:
        return ""
    return '<p class="jpdocs-annual-note">' + "<br>".join(_esc(line) for line in note.split("\n")) + "</p>\n"


def html_page(fy: int, rows: list[Row], style: HouseStyle, as_of: dt.date | None = None) -> str:
    """A whole page: lang="ja", a title, the list, and a style sheet that keeps a date
    on one line and the table readable on a phone."""
    title = _esc(title_of(fy, style))
    return ("<!DOCTYPE html>\n"
            '<html lang="ja">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n"
            "<style>\ntable { border-collapse: collapse; }\n"
            "th, td { border: 1px solid #555; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }\n"
            "thead th { background: #f2f2f2; }\ntime { white-space: nowrap; }\n</style>\n"
            f"</head>\n<body>\n<main>\n<h1>{title}</h1>\n"
            f"<p>{_esc(issuer_of(rows))}</p>\n"
            f"{html_fragment(fy, rows, style, as_of)}</main>\n</body>\n</html>\n")
