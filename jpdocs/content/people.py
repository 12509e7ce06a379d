"""People as a notice lists them: the signers (締結者) a row each, organisation and
title | name (reading) 様, in the house's order; other people title | name; and the
items that hold them, as a table of two columns or, in the house's run, a line each."""
from __future__ import annotations

from ..spec.schema import Person, Spec
from .ki_item import KiItem


def signatory_rows(spec: Spec, order: str = "title_name") -> list[tuple[str, str]]:
    """締結者, a row per signing party: organisation and title | name (reading) 様, or in
    the house's other order (notice.signer_order: name_title) （organisation） | name title."""
    return rows_of(spec.signatories(), order)


def rows_of(parties, order: str = "title_name") -> list[tuple[str, str]]:
    """A row per signer of `parties` (a party's co-signers under its signer), as
    signatory_rows."""
    rows = []
    for party in parties:
        for _, signer in party.signers():
            org = party.organisation_before_title(signer.title or "")
            if order == "name_title" and not signer.title_only:   # （三浦市）| 吉田　英男　市長
                right = "　" + signer.name + (f"（{signer.reading}）" if signer.reading else "") + "　" + signer.title
                rows.append((f"（{org}）" if org else "", right))   # (an honorific is refused: compose_ki)
                continue
            # Set in a cell that breaks its lines after the full-width space first
            # (templates: breaks="spaces"): a pair too long for its cell puts the
            # organisation on a line of its own, measured, where a break inside the
            # title would set the name beside a title that is not the signer's (seen:
            # 「…環境庁　副大統領兼環境庁」 / 「長官」).
            left = (f"{org}　" if org else "") + signer.title
            if signer.title_only:     # no name to print: the title alone, in the titles' column
                rows.append((left, ""))   # (spec/checks.py refuses a reading or an honorific here)
                continue
            right = "　" + signer.name + (f"（{signer.reading}）" if signer.reading else "") \
                + (f"　{party.honorific}" if party.honorific else "")
            rows.append((left, right))
    return rows


def title_lines(party) -> list[str]:
    """The party's signers named by the title alone, a line each: organisation and title."""
    out = []
    for _, signer in party.signers():
        org = party.organisation_before_title(signer.title)
        out.append((f"{org}　" if org else "") + signer.title)
    return out


def person_row(p: Person) -> tuple[str, str]:
    name = (p.name or "") + (f"（{p.reading}）" if p.reading else "") + (f"（{p.note}）" if p.note else "")
    return (p.title or "", ("　" + name) if name else "")


def people_rows_item(label: str, rows, run: bool = False, mark: str = "") -> KiItem:
    """People a row each, title | name; where the house sets them as runs (notice.people:
    run), or no row has anything in the left column (each name first: 鈴木大地　スポーツ
    庁長官, or names without titles), a list under the label instead, title　name a line
    each at the item's text margin, as such notices set it, not lines starting half-way
    across the page beside an empty column; each line after the house's mark (notice.
    people_mark: ・双葉郡　浪江町　町長　吉田　栄光), where it sets people as runs."""
    if any(left for left, _ in rows) and not run:
        return KiItem(label, "people", rows=tuple(rows), widths="0.55 0.45", border="none")
    return KiItem(label, "text", tuple(run_of(r, mark) for r in rows))


def groups_item(label: str, grouped, run: bool = False, mark: str = "") -> KiItem:
    """People under labels of their own (協定締結者, 立会人; each agreement's 「title」):
    each label, then its people as a table; or, where the house sets people as runs,
    every line at the item's text margin, each label kept with its first person (the
    people's lines after the house's mark, the labels without it)."""
    if run:
        lines: list[str] = []
        keep = []
        for title, rows in grouped:
            keep.append(len(lines))
            lines += [title, *(run_of(r, mark) for r in rows)]
        return KiItem(label, "text", tuple(lines), keep=tuple(keep))
    # rows too (each title, then its people): a template of the user's made before
    # groups prints them as a table, not an empty item
    flat = tuple(row for title, rows in grouped for row in ((title, ""),) + rows)
    return KiItem(label, "groups", rows=flat, widths="0.55 0.45", border="none", groups=grouped)


def run_of(row: tuple[str, str], mark: str = "") -> str:
    """A row of people as one run: title　name (the name's cell begins with its space),
    after the house's mark before each person (notice.people_mark), if any."""
    left, right = row
    return mark + (left + right if left else right.removeprefix("　"))


def with_others(rows, others: str | None) -> list:
    """The rows of people, with ほか (others:) after the last name: others attend too."""
    rows = list(rows)
    if others and rows:
        left, right = rows[-1]
        rows[-1] = (left, right + "　" + others)
    return rows
