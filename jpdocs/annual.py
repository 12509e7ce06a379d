"""The annual overview (連携協定締結状況) of one fiscal year's agreements.

    specs → the year's agreements in signing order (Row) → the summary table, once
        → annual-YYYY.csv   (UTF-8 with BOM: Excel opens it as Japanese)
        → annual-YYYY.docx  (cover, contents, summary table: the model + DOCX writer)
        → annual-YYYY.pdf   (annual_pdf.py: the same blocks plus every agreement's
                             overview sheet, in one reportlab document)

A spec belongs to the fiscal year of its signing date (4月1日 to 3月31日: an
agreement of 2025-01-08 is in 令和６年度), or to `agreement.fiscal_year` where
the office files it otherwise. Every spec given is loaded first and any error
stops the book: a published list that silently lacks an agreement is worse than
no list.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from . import japanese
from . import model as m
from .term import term_of
from .errors import InputError
from .spec import LoadedSpec, load_spec
from .style import HouseStyle

COLUMNS = ["№", "締結日", "協定名", "相手方", "連携事項", "担当課", "有効期間"]
WIDTHS = [0.04, 0.12, 0.22, 0.15, 0.24, 0.10, 0.13]   # set on a landscape page in the PDF
DASH = "－"


class NoAgreements(Exception):
    """The year has no agreement: a clear message instead of an empty book."""


@dataclass
class Row:
    number: int
    signed: dt.date
    cells: list[str]                  # the summary table's text, column by column
    loaded: LoadedSpec

    @property
    def title(self) -> str:
        return self.loaded.spec.agreement.title


def fiscal_year_of(loaded: LoadedSpec) -> int | None:
    agreement = loaded.spec.agreement
    if agreement is None or agreement.signing_date is None:
        return None                    # none, or a draft not yet signed: in no year's book
    explicit = getattr(agreement, "fiscal_year", None)
    return explicit if explicit is not None else japanese.fiscal_year(agreement.signing_date)


def select(paths: list[Path], fy: int, style: HouseStyle) -> list[Row]:
    loaded, problems = [], []
    for path in paths:
        try:
            loaded.append(load_spec(path))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    chosen = sorted((ls for ls in loaded if fiscal_year_of(ls) == fy),
                    key=lambda ls: (ls.spec.agreement.signing_date, ls.spec.agreement.title, str(ls.path)))
    if not chosen:
        first, last = japanese.fiscal_year_range(fy)
        raise NoAgreements(f"no agreement of {japanese.fiscal_year_label(fy)} ({first} to {last}) among"
                           f" {len(paths)} spec(s); nothing written")
    return [Row(i, ls.spec.agreement.signing_date, cells(i, ls, style), ls) for i, ls in enumerate(chosen, 1)]


def cells(number: int, loaded: LoadedSpec, style: HouseStyle) -> list[str]:
    agreement = loaded.spec.agreement
    signed = _date(agreement.signing_date, style)
    areas = "、".join(a.heading.removesuffix("に関する事項") for a in agreement.areas) or DASH
    return [str(number), signed, agreement.title, partners(loaded), areas, department(loaded),
            validity(loaded, style)]


def partners(loaded: LoadedSpec) -> str:
    """相手方: every party not of the issuing side (Party.on_issuing_side: `issuing:`,
    or named as the issuer). An issuer that is no party has every party as 相手方."""
    spec = loaded.spec
    others = [p for _, p in spec.party_list() if not p.on_issuing_side(spec.issuer)]
    return "、".join(p.formal_name or p.name for p in others) or DASH


def department(loaded: LoadedSpec) -> str:
    """担当課: the agreement's `department`, else the notice's issuing office when it
    names one. Never guessed from a contact, which may be the partner's."""
    agreement = loaded.spec.agreement
    if agreement.department:
        return agreement.department
    notice = loaded.spec.press_notice
    return notice.issuing_office if notice and notice.issuing_office else DASH


def validity(loaded: LoadedSpec, style: HouseStyle) -> str:
    """有効期間, as the agreement states it: the same computation (term.py), so the
    book never shows an open term beside an agreement that prints its end."""
    ag = loaded.spec.agreement
    if ag.validity is None and ag.document is None:
        return DASH                    # no term is stated anywhere: none is printed
    t = term_of(ag)
    text = f"{_date(t.start, style)}～{_date(t.end, style)}"
    return text + "（自動更新）" if t.renewal else text


def _date(d, style: HouseStyle) -> str:
    """A date of the table, in the house's calendar (no Western year beside an era year:
    the column is narrow), without its weekday."""
    if not isinstance(d, dt.date):
        return str(d)
    return japanese.date_in(d, "western" if style.dates.calendar == "western" else "era", "none", style.digits)


# ---------------------------------------------------------------- the shared blocks
def title_of(fy: int, style: HouseStyle) -> str:
    """令和６年度 連携協定締結状況, or the house style's `annual_title` ({year} = the year label)."""
    label = japanese.fiscal_year_label(fy, style.digits)
    template = style.wording.get("annual_title", "{year}　連携協定締結状況")
    return str(template).replace("{year}", label)


def issuer_of(rows: list[Row]) -> str:
    names = list(dict.fromkeys(r.loaded.spec.issuer for r in rows))
    return "、".join(names)


def cover_blocks(fy: int, rows: list[Row], style: HouseStyle) -> list[m.Block]:
    first, last = japanese.fiscal_year_range(fy)
    period = f"{_date(first, style)}～{_date(last, style)}"
    return [m.Spacer(180), m.Paragraph([m.Text(title_of(fy, style))], style="title", space_after=24),
            m.Paragraph([m.Text(f"（{period}締結分）")], align="center", space_after=12),
            m.Paragraph([m.Text(f"締結件数　{japanese.digits(len(rows), style.digits)}件")], align="center"),
            m.Spacer(220), m.Paragraph([m.Text(issuer_of(rows))], style="heading", align="center")]


def contents_entries(rows: list[Row], style: HouseStyle) -> list[tuple[int, str, str]]:
    """(level, text, link key) of the table of contents, in book order."""
    out = [(0, "締結状況一覧", "summary"), (0, "各協定の概要", "sheets")]
    # （１） rather than a bare １: an entry starting with a digit under a line ending in
    # a page number would read as one number broken across lines
    out += [(1, f"（{japanese.digits(r.number, style.digits)}）{r.title}（{r.cells[1]}）", f"agreement-{r.number}")
            for r in rows]
    return out


def summary_table(rows: list[Row]) -> m.Table:
    head = [m.Cell([m.Paragraph([m.Text(c, font="gothic")], style="small")], shade="shade", align="center",
                   valign="middle") for c in COLUMNS]
    body = [[m.Cell([m.Paragraph([m.Text(text)], style="small")], align="center" if k in (0, 1) else None)
             for k, text in enumerate(r.cells)] for r in rows]
    return m.Table([head, *body], WIDTHS, border="grid", style="small")


def docx_document(fy: int, rows: list[Row], style: HouseStyle) -> m.Document:
    contents = [m.Item("・" if level else "■", [m.Text(text)], level=level)
                for level, text, _ in contents_entries(rows, style)]
    blocks = [*cover_blocks(fy, rows, style), m.PageBreak(),
              m.Heading([m.Text("目次")], style="title"), *contents, m.PageBreak(),
              m.Heading([m.Text("締結状況一覧")], style="heading"), summary_table(rows)]
    return m.Document("annual", title_of(fy, style), issuer_of(rows), blocks, subject="連携協定締結状況")


# A cell a spreadsheet would take for a formula (a title written as =HYPERLINK(…)
# runs when the CSV is opened): OWASP's advice is to start it with a single quote,
# which Excel and LibreOffice show as text and do not evaluate.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def csv_bytes(rows: list[Row]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")      # CRLF: what Excel writes and expects
    writer.writerow(COLUMNS)
    writer.writerows([spreadsheet_safe(c) for c in r.cells] for r in rows)
    return buf.getvalue().encode("utf-8-sig")


def build_annual(paths: list[Path], fy: int, out: Path, style: HouseStyle, force: bool = False) -> list[Path]:
    """Write the three files, all or none, and return their paths. As with a build
    (output.write_outputs), a file jpdocs did not write or that was changed since
    (the DOCX edited in Word) is not replaced without `force`."""
    from .annual_pdf import render_annual_pdf
    from .output import write_outputs
    from .writers.docx import render_docx
    rows = select(paths, fy, style)
    files = {f"annual-{fy}.pdf": render_annual_pdf(fy, rows, style),
             f"annual-{fy}.docx": render_docx(docx_document(fy, rows, style), style),
             f"annual-{fy}.csv": csv_bytes(rows)}
    # The output folder is the one the user named: it may be a link.
    return write_outputs(Path(out), files, force, follow_link=True)
