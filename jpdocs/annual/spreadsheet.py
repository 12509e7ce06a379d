"""annual-YYYY.csv: UTF-8 with BOM (Excel opens it as Japanese), ISO dates added,
and no cell a spreadsheet would run as a formula."""
from __future__ import annotations

import csv
import io

from ..spec.style import ANNUAL_DATE_DATA, HouseStyle
from .rows import Row

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
