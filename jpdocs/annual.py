"""The annual overview (連携協定締結状況) of one fiscal year's agreements: its rows
and the blocks, CSV and HTML made from them. annual_pdf.py sets the PDF from the
same rows; annual_book.py writes the files. (This module imports neither.)

    specs → the year's agreements in signing order (Row) → the summary table, once
        → annual-YYYY.csv   (UTF-8 with BOM: Excel opens it as Japanese; ISO dates added)
        → annual-YYYY.docx  (cover, contents, summary table: the model + DOCX writer)
        → annual-YYYY.pdf   (annual_pdf.py: the same blocks plus every agreement's
                             overview sheet, in one reportlab document)
        → annual-YYYY.html and annual-YYYY.fragment.html (--format html: the page
                             and the part a CMS takes)

The columns are the house style's (`annual.columns`): data of the agreement, computed
here as the agreement itself states it, or the office's own fields (`agreement.fields`),
printed only where a column names them.

A spec belongs to the fiscal year of its signing date (4月1日 to 3月31日: an
agreement of 2025-01-08 is in 令和６年度), or to `agreement.fiscal_year` where
the office files it otherwise. Every spec given is loaded first and any error
stops the book: a published list that silently lacks an agreement is worse than
no list.
"""
from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import japanese
from . import model as m
from .errors import InputError, Problem
from .spec import LoadedSpec, load_spec
from .style import ANNUAL_DATE_DATA, AnnualColumn, HouseStyle
from .term import term_of

DASH = "－"
SPEC_SUFFIXES = (".yaml", ".yml")


class NoAgreements(Exception):
    """The year has no agreement: a clear message instead of an empty book."""


@dataclass
class Value:
    """One cell: its printed lines, and for a column of dates their ISO form (CSV)."""
    lines: list[str]
    iso: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Row:
    number: int
    loaded: LoadedSpec
    values: list[Value]               # the summary table's cells, column by column
    signed: str                       # the signing date as the house writes it (contents, sheet)

    @property
    def title(self) -> str:
        return self.loaded.spec.agreement.title


def fiscal_year_of(loaded: LoadedSpec) -> int | None:
    agreement = loaded.spec.agreement
    if agreement is None or agreement.signing_date is None:
        return None                    # none, or a draft not yet signed: in no year's book
    explicit = getattr(agreement, "fiscal_year", None)
    return explicit if explicit is not None else japanese.fiscal_year(agreement.signing_date)


def annual_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """The specs given, and the house styles found beside them: files as given,
    folders searched recursively for *.yaml and *.yml (hidden folders such as .git
    skipped; links to folders not followed). One file reached twice (a folder and a
    file in it) is read once. A house style kept in a spec folder (specs/styles/) is
    no spec: it is set apart, for the command to name, not read as a broken spec."""
    out, styles, seen = [], [], set()
    for p in paths:
        for q in (_walk(p) if p.is_dir() else [p]):
            key = _identity(q)
            if key not in seen:
                seen.add(key)
                (styles if p.is_dir() and _is_house_style(q) else out).append(q)
    return out, styles


def _is_house_style(path: Path) -> bool:
    """A YAML file whose top-level keys are a house style's and none a spec's."""
    from .source import load_yaml
    from .style import STYLE_KEYS
    try:
        data, _ = load_yaml(path)
    except (InputError, OSError):
        return False                   # not readable as YAML: load_spec says why
    if not isinstance(data, dict):
        return False
    keys = {str(k) for k in data}
    return bool(keys) and keys <= STYLE_KEYS and not keys & {"issuer", "parties", "agreement", "press_notice"}


def _walk(folder: Path):
    """A folder's specs, in name order, its subfolders' in their place. A folder that
    cannot be read is an error (OSError), never skipped: a list that silently lacks
    a sub-folder's agreements is worse than none."""
    for q in sorted(folder.iterdir()):
        if q.name.startswith("."):
            continue
        if q.is_dir() and not q.is_symlink():
            yield from _walk(q)
        elif q.suffix in SPEC_SUFFIXES and q.is_file():
            yield q


def _identity(path: Path):
    try:
        st = path.stat()
        return st.st_dev, st.st_ino
    except OSError:
        return str(path)


def select(paths: list[Path], fy: int, style: HouseStyle) -> list[Row]:
    loaded, problems = [], []
    for path in paths:
        try:
            loaded.append(load_spec(path))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    problems += _twice(loaded)
    chosen = sorted((ls for ls in loaded if fiscal_year_of(ls) == fy),
                    key=lambda ls: (ls.spec.agreement.signing_date, ls.spec.agreement.title, str(ls.path)))
    problems += _unused_fields(chosen, style)
    if problems:
        raise InputError(problems)
    if not chosen:
        first, last = japanese.fiscal_year_range(fy)
        raise NoAgreements(f"no agreement of {japanese.fiscal_year_label(fy)} ({first} to {last}) among"
                           f" {len(paths)} spec(s); nothing written")
    return [Row(i, ls, [value(col, i, ls, style) for col in style.annual.columns],
                _date(ls.spec.agreement.signing_date, style)) for i, ls in enumerate(chosen, 1)]


def _same_agreement(ls: LoadedSpec):
    ag = ls.spec.agreement
    parties = frozenset(unicodedata.normalize("NFKC", p.formal_name or p.name or "") for p in ls.spec.parties.values())
    return unicodedata.normalize("NFKC", re.sub(r"\s", "", ag.title)), ag.signing_date, parties


def _twice(loaded: list[LoadedSpec]) -> list[Problem]:
    """The same agreement (title, signing date and parties) in two files would be
    counted twice: an error naming both."""
    first: dict = {}
    problems = []
    for ls in loaded:
        if ls.spec.agreement is None or ls.spec.agreement.signing_date is None:
            continue
        key = _same_agreement(ls)
        if key in first:
            other = first[key]
            problems.append(Problem(str(ls.path), ls.line_of(("agreement", "title")), "agreement.title",
                                    f"the same agreement as {other.path}:{other.line_of(('agreement', 'title'))}"
                                    f" ({ls.spec.agreement.title}, signed {ls.spec.agreement.signing_date}, the"
                                    " same parties): given twice, it would be listed twice; give it once"))
        else:
            first[key] = ls
    return problems


def _unused_fields(chosen: list[LoadedSpec], style: HouseStyle) -> list[Problem]:
    """An office's field that no column prints would have no effect: an error, so that a
    misspelt field (分類 / 分野) never vanishes silently."""
    named = [c.field for c in style.annual.columns if c.field]
    problems = []
    for ls in chosen:
        for key in ls.spec.agreement.fields:
            if key not in named:
                path = ("agreement", "fields", key)
                columns = f" (the columns name {', '.join(named)})" if named else ""
                problems.append(Problem(str(ls.path), ls.line_of(path), f"agreement.fields.{key}",
                                        f"no column of the house style's annual.columns prints the field {key}"
                                        f"{columns}, so it would have no effect: add {{field: {key}}} to"
                                        f" annual.columns ({style.source}), or remove it"))
    return problems


# ---------------------------------------------------------------- the columns
def value(col: AnnualColumn, number: int, loaded: LoadedSpec, style: HouseStyle) -> Value:
    if col.field is not None:
        text = loaded.spec.agreement.fields.get(col.field)
        return Value(text.split("\n") if text else [DASH])
    ag = loaded.spec.agreement
    form = col.dates or "long"
    if col.data == "number":
        return Value([str(number)])
    if col.data == "signing_date":
        amended = [f"（{_date(a.date, style, form)}改定）" for a in ag.amendments] if col.amended else []
        return Value([_date(ag.signing_date, style, form), *amended], [ag.signing_date.isoformat()])
    if col.data == "title":
        return Value(ag.title.split("\n"))
    if col.data == "partners":
        return Value(partners(loaded).split("\n"))
    if col.data == "areas":
        mark = style.annual.areas_mark
        areas = [mark + a.heading.removesuffix("に関する事項") for a in ag.areas]
        return Value([line for a in areas for line in a.split("\n")] or [DASH])
    if col.data == "department":
        return Value(department(loaded).split("\n"))
    if col.data == "validity":
        return validity(loaded, style, form)
    if col.data == "amendments":
        lines = [_date(a.date, style, form) + (f"（{a.note}）" if a.note else "") for a in ag.amendments]
        return Value(lines or [DASH], [a.date.isoformat() for a in ag.amendments])
    if col.data == "related":
        lines = [r.title + (f"（{_date(r.date, style, form)}）" if r.date else "") for r in ag.related]
        return Value(lines or [DASH], [r.date.isoformat() for r in ag.related if r.date])
    if col.data == "issuer":
        return Value(loaded.spec.issuer.split("\n"))
    raise AssertionError(col.data)


def partner_names(loaded: LoadedSpec) -> list[str]:
    """相手方: every party not of the issuing side (Party.on_issuing_side: `issuing:`,
    or named as the issuer). An issuer that is no party has every party as 相手方."""
    spec = loaded.spec
    return [p.formal_name or p.name for _, p in spec.party_list() if not p.on_issuing_side(spec.issuer)]


def partners(loaded: LoadedSpec) -> str:
    return "、".join(partner_names(loaded)) or DASH


def department(loaded: LoadedSpec) -> str:
    """担当課: the agreement's `department`, else the notice's issuing office when it
    names one. Never guessed from a contact, which may be the partner's."""
    agreement = loaded.spec.agreement
    if agreement.department:
        return agreement.department
    notice = loaded.spec.press_notice
    return notice.issuing_office if notice and notice.issuing_office else DASH


def validity(loaded: LoadedSpec, style: HouseStyle, form: str = "long") -> Value:
    """有効期間, as the agreement states it: the same computation (term.py), so the
    book never shows an open term beside an agreement that prints its end."""
    ag = loaded.spec.agreement
    if ag.validity is None and ag.document is None:
        return Value([DASH])           # no term is stated anywhere: none is printed
    t = term_of(ag)
    text = f"{_date(t.start, style, form)}～{_date(t.end, style, form)}"
    return Value([text + "（自動更新）" if t.renewal else text], [f"{t.start.isoformat()}/{t.end.isoformat()}"])


ERA_LETTERS = {"明治": "M", "大正": "T", "昭和": "S", "平成": "H", "令和": "R"}


def _date(d, style: HouseStyle, form: str = "long") -> str:
    """A date of the table without its weekday: long, in the house's calendar (no
    Western year beside an era year: the column is narrow), or short as offices
    list them (R6.4.22, H27.11.27; 2024.4.22 in a western-calendar house)."""
    if not isinstance(d, dt.date):
        return str(d)
    if form == "short":
        if style.dates.calendar == "western":
            return f"{d.year}.{d.month}.{d.day}"
        era, year = japanese.era_of(d)
        return f"{ERA_LETTERS[era]}{year}.{d.month}.{d.day}"
    return japanese.date_in(d, "western" if style.dates.calendar == "western" else "era", "none", style.digits)


# ---------------------------------------------------------------- the shared blocks
def title_of(fy: int, style: HouseStyle) -> str:
    """令和６年度 連携協定締結状況, or the house style's `annual_title` ({year} = the year label)."""
    label = japanese.fiscal_year_label(fy, style.digits)
    template = style.wording.get("annual_title", "{year}　連携協定締結状況")
    return str(template).replace("{year}", label)


def period_of(fy: int, style: HouseStyle) -> str:
    first, last = japanese.fiscal_year_range(fy)
    return f"{_date(first, style)}～{_date(last, style)}"


def issuer_of(rows: list[Row]) -> str:
    names = list(dict.fromkeys(r.loaded.spec.issuer for r in rows))
    return "、".join(names)


def cover_blocks(fy: int, rows: list[Row], style: HouseStyle) -> list[m.Block]:
    return [m.Spacer(180), m.Paragraph([m.Text(title_of(fy, style))], style="title", space_after=24),
            m.Paragraph([m.Text(f"（{period_of(fy, style)}締結分）")], align="center", space_after=12),
            m.Paragraph([m.Text(f"締結件数　{japanese.digits(len(rows), style.digits)}件")], align="center"),
            m.Spacer(220), m.Paragraph([m.Text(issuer_of(rows))], style="heading", align="center")]


def contents_entries(rows: list[Row], style: HouseStyle) -> list[tuple[int, str, str]]:
    """(level, text, link key) of the table of contents, in book order."""
    out = [(0, "締結状況一覧", "summary"), (0, "各協定の概要", "sheets")]
    # （１） rather than a bare １: an entry starting with a digit under a line ending in
    # a page number would read as one number broken across lines
    out += [(1, f"（{japanese.digits(r.number, style.digits)}）{r.title}（{r.signed}）", f"agreement-{r.number}")
            for r in rows]
    return out


def headings(style: HouseStyle) -> list[str]:
    return [c.title() for c in style.annual.columns]


def _ems(text: str) -> float:
    """A line's width in em as the composer sets it: half-width characters take half,
    and a quarter em stands between Japanese and Latin letters or digits (和欧間);
    half an em more for what rounding and the hanging punctuation may take."""
    narrow = [unicodedata.east_asian_width(ch) in ("Na", "H") for ch in text]
    changes = sum(1 for a, b in zip(narrow, narrow[1:]) if a != b)
    return sum(0.5 if n else 1.0 for n in narrow) + 0.25 * changes + 0.5


# What must stay on one line of a cell: a date (令和６年４月22日, R6.4.22) with what is
# bound to it (～, （自動更新）'s bracket is a place to break), and a column's heading.
_UNBROKEN = re.compile(r"(?:明治|大正|昭和|平成|令和)(?:元|[0-9０-９]+)年(?:[0-9０-９]+月(?:[0-9０-９]+日)?)?～?"
                       r"|[0-9０-９]+年[0-9０-９]+月[0-9０-９]+日～?|[MTSHR]?[0-9]+\.[0-9]+\.[0-9]+～?|[!-~]+")


def column_widths(rows: list[Row], style: HouseStyle, width: float, padding: float = 8.0) -> list[float]:
    """Widths from the content (fractions of `width`, points). Every column gets at least
    its longest date and its heading on one line (so a date never breaks) and at most
    its longest line; in between, widths follow the amount of text each column holds
    (a cell's height is about its text over its width, so columns in proportion to
    their text end about equally tall: the table is shortest). What is left once every
    line fits goes to all columns in proportion."""
    size = style.styles["small"].size
    heads = headings(style)
    n = len(heads)
    least, natural, amount = [], [], []
    for k in range(n):
        lines = [ln for r in rows for ln in r.values[k].lines]
        atoms = [a for ln in lines for a in _UNBROKEN.findall(ln)]
        lo = max([_ems(heads[k]), *(_ems(a) for a in atoms), 2.5])
        if all(len(ln) <= 4 for ln in lines):           # short cells (№, 分類): never wrapped
            lo = max([lo, *(_ems(ln) for ln in lines)])
        least.append(lo)
        natural.append(max([lo, *(_ems(ln) for ln in lines)]))
        amount.append(sum(_ems(ln) for ln in lines) or 1.0)
    room = (width - padding * n) / size                  # em available for the text
    if sum(natural) <= room:
        got = [g + (room - sum(natural)) * g / sum(natural) for g in natural]
    elif sum(least) >= room:
        got = least
    else:
        def widths(scale: float) -> list[float]:
            return [min(max(scale * a, lo), hi) for a, lo, hi in zip(amount, least, natural)]
        low, high = 0.0, max(hi / a for hi, a in zip(natural, amount))
        for _ in range(60):                              # the scale at which they fill the room
            mid = (low + high) / 2
            low, high = (mid, high) if sum(widths(mid)) < room else (low, mid)
        got = widths(high)
    points = [g * size + padding for g in got]
    total = sum(points)
    return [p / total for p in points]


def summary_table(rows: list[Row], style: HouseStyle, width: float) -> m.Table:
    """The summary table for a text `width` in points (the PDF's landscape frame, the
    DOCX's page): cells set flush left (a short cell is never spread out), a line of a
    value (one 連携事項, a newline written in the spec) on a line of its own."""
    head = [m.Cell([m.Paragraph([m.Text(c, font="gothic")], style="small", align="center")], shade="shade",
                   align="center", valign="middle", header="column") for c in headings(style)]
    body = []
    for r in rows:
        line = []
        for col, v in zip(style.annual.columns, r.values):
            inlines: list[m.Inline] = []
            for i, text in enumerate(v.lines):
                inlines += [m.LineBreak()] if i else []
                inlines.append(m.Text(text))
            align = "center" if col.data == "number" else "left"
            line.append(m.Cell([m.Paragraph(inlines, style="small", align=align)], align=align))
        body.append(line)
    return m.Table([head, *body], column_widths(rows, style, width), border="grid", style="small")


def docx_document(fy: int, rows: list[Row], style: HouseStyle, width: float) -> m.Document:
    """The book for editing: cover, contents, summary table. The overview sheets are
    the PDF's only, so the contents list what the DOCX holds: a TOC field over the
    level-2 headings (the summary's), which Word updates; the cover's title and 目次
    are level 1. The summary starts on page 3 (cover, one page of contents)."""
    blocks = [*cover_blocks(fy, rows, style), m.PageBreak(),
              m.Heading([m.Text("目次")], style="title"), m.Contents((2, 2), [("締結状況一覧", 3)]), m.PageBreak(),
              m.Heading([m.Text("締結状況一覧")], level=2, style="heading"), summary_table(rows, style, width)]
    return m.Document("annual", title_of(fy, style), issuer_of(rows), blocks, subject="連携協定締結状況")


# ---------------------------------------------------------------- CSV
# A cell a spreadsheet would take for a formula (a title written as =HYPERLINK(…)
# runs when the CSV is opened): OWASP's advice is to start it with a single quote,
# which Excel and LibreOffice show as text and do not evaluate.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def csv_bytes(rows: list[Row], style: HouseStyle) -> bytes:
    """The table as printed, a line of a cell on a line of its own (quoted), and after
    each column of dates its ISO 8601 form (締結日（ISO）: 2024-04-22; a term as
    2024-05-22/2025-03-31), so that a spreadsheet sorts and filters by date."""
    cols = style.annual.columns
    dated = [c.data in ANNUAL_DATE_DATA for c in cols]
    head = []
    for c, d in zip(cols, dated):
        head += [c.title()] + ([f"{c.title()}（ISO）"] if d else [])
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")      # CRLF: what Excel writes and expects
    writer.writerow(head)
    for r in rows:
        out = []
        for v, d in zip(r.values, dated):
            out += [spreadsheet_safe(v.text)] + (["\n".join(v.iso)] if d else [])
        writer.writerow(out)
    return buf.getvalue().encode("utf-8-sig")


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


def html_table(fy: int, rows: list[Row], style: HouseStyle) -> str:
    """The list as a real table: a caption naming the year and the count, column heads
    with scope="col", and each row headed by its 協定名 (scope="row") where there is
    such a column, so that a screen reader names the agreement with every cell."""
    cols = style.annual.columns
    row_head = next((k for k, c in enumerate(cols) if c.data == "title"), None)
    caption = (f"{title_of(fy, style)}（{period_of(fy, style)}締結分、"
               f"{japanese.digits(len(rows), style.digits)}件）")
    out = ['<table class="jpdocs-annual">', f"<caption>{_esc(caption)}</caption>", "<thead>", "<tr>"]
    out += [f'<th scope="col">{_esc(h)}</th>' for h in headings(style)]
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
    values = {"title": ag.title, "date": row.signed, "partners": japanese.join_japanese(names) if names else DASH,
              "issuer": row.loaded.spec.issuer, "department": department(row.loaded)}
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


def html_fragment(fy: int, rows: list[Row], style: HouseStyle) -> str:
    """What the office's CMS takes: the table (or the prose list) alone."""
    if style.annual.web == "prose":
        items = "\n".join(f"<li>{prose_line(r, style, True)}</li>" for r in rows)
        return f"<ul class=\"jpdocs-annual\">\n{items}\n</ul>\n"
    return html_table(fy, rows, style)


def html_page(fy: int, rows: list[Row], style: HouseStyle) -> str:
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
            f"{html_fragment(fy, rows, style)}</main>\n</body>\n</html>\n")
