"""People as a notice lists them: the signers (締結者) a row each, organisation and
title | name (reading) 様, in the house's order; other people title | name; and the
items that hold them, in the house's form (notice.people): a table of two columns
(columns), a line each (run), all on one line (joined), or organisation, title and
name each in a column of its own (tabulated)."""
from __future__ import annotations

from markupsafe import Markup

from dataclasses import dataclass, replace

from ..spec.schema import Person, Spec
from .ki_item import KiItem
from .markup import spread


# The house's signer_order that set the title straight after the name and its honorific,
# in a form of its own: in （）, as 弘前大学大学院医学研究科 lists its attendees; after ／, as
# 長崎国際大学 does (才木　邦夫　様／代表取締役社長)
TITLE_AROUND = {"name_bracketed_title": "（{}）", "name_slash_title": "／{}"}


@dataclass(frozen=True)
class Who:
    """One person as a notice lists them, in parts: the organisation printed before
    the title (a signer's; "" where the title begins with it), the title, the name with
    its reading, honorific or note, the spec's words straight after the person (ら3名:
    others_per_party), and the item's others (ほか, ほか関係者　約100名: others:), after a
    full-width space. name_first: the house's signer_order name_title (（三浦市）　吉田　英男　市長);
    title_around, with it: the title's form straight after the name and its honorific,
    "（{}）" (name_bracketed_title: 宮下　宗一郎　氏（管理者）) or "／{}" (name_slash_title:
    才木　邦夫　様／代表取締役社長); "" for the title after a full-width space.
    above: the offices a person holds besides the title's (a Person's title given as a
    list), each a line of its own over the title's (東京都公営企業管理者 / 水道局長　中嶋　正宏)."""
    org: str = ""
    title: str = ""
    name: str = ""
    after: str = ""
    name_first: bool = False
    others: str = ""
    title_around: str = ""
    above: tuple[str, ...] = ()

    def title_part(self) -> str:
        """The title as it follows the name: in its form (title_around), else after a
        full-width space."""
        return self.title_around.format(self.title) if self.title_around else "　" + self.title


@dataclass(frozen=True)
class PeopleForm:
    """The house's form of people (notice.people), the mark before each person
    (people_mark: runs and tabulated), the comma that joins them (wording: comma), the
    width titles are set across (people_title_spread: tabulated) and what stands between
    a title and its name in a run (people_gap: 副知事：横井篤)."""
    form: str = "columns"
    mark: str = ""
    comma: str = "、"
    title_spread: int | None = None
    label_inline: bool = False
    gap: str = "　"

    @classmethod
    def of(cls, style) -> "PeopleForm":
        n = style.notice
        return cls(n.people, n.people_mark if n.people in ("run", "tabulated") else "", style.word("comma"),
                   n.people_title_spread if n.people == "tabulated" else None,
                   n.group_label == "inline" and n.people in ("run", "joined"), n.people_gap)


def whos_of(parties, order: str = "title_name", after=()) -> list[Who]:
    """A Who per signer of `parties` (a party's co-signers under its signer); `after`,
    where given, the words after each party's last signer (a party's others), in the
    parties' order (None for none)."""
    out = []
    for k, party in enumerate(parties):
        for _, signer in party.signers():
            org = party.organisation_before_title(signer.shown_title or "")
            # the signer's note on the line, after the name (the title in the house's
            # order first) or the title alone: 二村　信三（H30.4.1付け人事異動により…）
            note = f"（{signer.note}）" if signer.note else ""
            if signer.title_only:     # no name to print: the title alone, in the titles' column
                out.append(Who(org, signer.title, after=note))   # (spec/checks.py refuses a reading or an honorific here)
                continue
            name = signer.name + (f"（{signer.reading}）" if signer.reading else "")
            if order == "name_title":   # （三浦市）| 吉田　英男　市長 (an honorific is refused: compose_ki)
                out.append(Who(org, signer.shown_title or "", name, after=note, name_first=True))
                continue
            name += f"　{party.honorific}" if party.honorific else ""
            if order in TITLE_AROUND:     # （三浦市）| 吉田　英男　様（市長）, 才木　邦夫　様／代表取締役社長
                out.append(Who(org, signer.shown_title or "", name, after=note, name_first=True,
                               title_around=TITLE_AROUND[order]))
                continue
            out.append(Who(org, signer.shown_title or "", name + note))
        words = after[k] if k < len(after) else None
        if words and out:
            # straight after the name, as the page writes it (日吉亨ら3名); a space is the spec's to write
            out[-1] = replace(out[-1], after=out[-1].after + words)
    return out


def who_of(p: Person, order: str = "title_name") -> Who:
    """Another person (a people item, a group, a step of the 次第): title | name, the
    name followed by its reading, the honorific and the role the spec gives (佐藤　章　様
    （立会人）: notice_checks.py refuses them without a name) and its note; or in the
    house's other order (notice.signer_order: name_title) name title, as the house sets
    every person it lists (湘南鎌倉総合病院: 小林　修三　院長、鵜川　美穂　看護部長), what
    follows the name then after the title (水谷　洋一　網走市長（予定）); or
    (name_bracketed_title) name, honorific and the title in （） (宮下　宗一郎　氏（管理者）,
    as 弘前大学大学院医学研究科 lists its attendees), the role and note after it; or
    (name_slash_title) the same with the title after ／ (才木　邦夫　様／代表取締役社長, as
    長崎国際大学 lists its attendees). A title of lines (two offices): the last as the
    title, the others above it (the forms that cannot set them are refused: notice.py)."""
    if isinstance(p.title, list):
        return replace(who_of(p.model_copy(update={"title": p.title[-1]}), order), above=tuple(p.title[:-1]))
    name = (p.name or "") + (f"（{p.reading}）" if p.reading else "")
    honorific = f"　{p.honorific}" if p.honorific else ""
    rest = (f"（{p.role}）" if p.role else "") + (f"（{p.note}）" if p.note else "")
    if order == "name_title" and p.name:
        return Who("", p.title or "", name, after=honorific + rest, name_first=True)
    if order in TITLE_AROUND and p.name:
        return Who("", p.title or "", name + honorific, after=rest, name_first=True, title_around=TITLE_AROUND[order])
    return Who("", p.title or "", name + honorific + rest)


def columns_row(w: Who) -> tuple[str, str]:
    """A person as a row of two columns: organisation and title | name (the name's
    cell begins with its space), or （organisation） | name title.

    Set in a cell that breaks its lines after the full-width space first (templates:
    breaks="spaces"): a pair too long for its cell puts the organisation on a line of
    its own, measured, where a break inside the title would set the name beside a
    title that is not the signer's (seen: 「…環境庁　副大統領兼環境庁」 / 「長官」).
    The item's others (ほか関係者　約100名) are kept whole: where they do not fit after
    the name, the line breaks before them, never inside them (…約 / 100名)."""
    others = Markup("　<whole>{}</whole>").format(w.others) if w.others else ""
    if w.name_first:
        title = w.title_part() if w.title else ""
        return (f"（{w.org}）" if w.org else "", "　" + w.name + title + w.after + others)
    # a signer with no title (title: false): the organisation, then the name
    return ("　".join(x for x in (w.org, w.title) if x), ("　" + w.name if w.name else "") + w.after + others)


def columns_rows(whos) -> tuple[tuple[str, str], ...]:
    """A row of two columns per person (columns_row), a person's offices above the
    title's each a row of its own before it, its name's cell empty (東京都公営企業管理者 |
    / 水道局長 | 中嶋　正宏), as the page sets a person holding two offices."""
    return tuple(row for w in whos for row in (*((x, "") for x in w.above), columns_row(w)))


def _others_after(w: Who) -> Who:
    """The person with the item's others as words after them (a run, a tabulated row:
    kept with the name as the name is)."""
    return replace(w, after=w.after + "　" + w.others, others="") if w.others else w


def rows_of(parties, order: str = "title_name") -> list[tuple[str, str]]:
    """A row per signer of `parties` (a party's co-signers under its signer):
    organisation and title | name (reading) 様, or in the house's other order
    (notice.signer_order: name_title) （organisation） | name title."""
    return [columns_row(w) for w in whos_of(parties, order)]


def signatory_rows(spec: Spec, order: str = "title_name") -> list[tuple[str, str]]:
    """締結者, a row per signing party, as rows_of (a template's `signatory_rows`)."""
    return rows_of(spec.signatories(), order)


def person_row(p: Person, order: str = "title_name") -> tuple[str, str]:
    return columns_row(who_of(p, order))


def run_of(row: tuple[str, str], mark: str = "", title_gap: str = "　") -> Markup:
    """A row of people as one run: title　name (the name's cell begins with its space;
    title_gap, where the house sets another between them: 副知事：横井篤, notice.people_gap),
    after the house's mark before each person (notice.people_mark), if any; the name
    (and what follows it: ほか) kept whole where the line must break (<whole>: never
    久保 / 康之). Markup, the text escaped: the template prints it as it is."""
    left, right = row
    name = right.removeprefix("　")
    gap = title_gap if left and right.startswith("　") else ""
    if not name:
        return Markup("{}{}").format(mark, left)
    return Markup("{}{}{}<whole>{}</whole>").format(mark, left, gap, name)


def with_others(whos, others: str | None) -> list[Who]:
    """The people, with ほか (others:) after the last one: others attend too."""
    whos = list(whos)
    if others and whos:
        whos[-1] = replace(whos[-1], others=others)
    return whos


def tabulated_rows(whos, form: PeopleForm) -> tuple[tuple[str, ...], ...]:
    """The people as cells of columns of their own (notice.people: tabulated):
    mark and organisation | title | name (・双葉郡　浪江町 | 町　　長 | 吉田　栄光), the
    title set across the house's width (people_title_spread); without an organisation
    in any row, mark and title | name; a column empty in every row is left out. The
    words after a person (ほか) follow the last cell the row fills."""
    whos = [_others_after(w) for w in whos]
    has_org = any(w.org for w in whos)
    rows = []
    for w in whos:
        title = ((w.title_part() if w.title_around else spread(w.title, form.title_spread))
                 if w.title else "")
        parts = [w.name, title] if w.name_first else [title, w.name]
        org = (f"（{w.org}）" if w.name_first else w.org) if w.org else ""
        cells = [form.mark + org, *parts] if has_org else [form.mark + parts[0], parts[1]]
        if w.after:
            last = max((i for i, c in enumerate(cells) if c), default=0)
            cells[last] = cells[last] + w.after
        rows.append(cells)
    keep = [i for i in range(len(rows[0])) if any(r[i] for r in rows)] if rows else []
    return tuple(tuple(r[i] for i in keep) for r in rows)


def runs_of(whos, form: PeopleForm) -> tuple[str, ...]:
    """The people as runs, a line each after the house's mark, or, joined (people:
    joined), one line with the house's comma between them."""
    runs = [line for w in whos for line in (*w.above,
                                            run_of(columns_row(_others_after(w)),
                                                   "" if form.form == "joined" else form.mark, form.gap))]
    return (Markup(form.comma).join(runs),) if form.form == "joined" and runs else tuple(runs)


def people_item(label: str, whos, form: PeopleForm) -> KiItem:
    """People a row each, title | name, in the house's form (PeopleForm): a table of
    two columns; tabulated, a table of a column per part, flush left; or, where the
    house sets them as runs or joined, or no row has anything in the left column (each
    name first: 鈴木大地　スポーツ庁長官, or names without titles), text under the label,
    title　name a line each (or all on one line) at the item's text margin, as such
    notices set it, not lines starting half-way across the page beside an empty
    column; each line after the house's mark (notice.people_mark)."""
    if form.form == "tabulated":
        rows = tabulated_rows(whos, form)
        return KiItem(label, "people", rows=rows, widths=_even(rows), border="none", flush=True)
    rows = columns_rows(whos)
    if any(left for left, _ in rows) and form.form == "columns":
        return KiItem(label, "people", rows=tuple(rows), widths="0.55 0.45", border="none")
    return KiItem(label, "text", runs_of(whos, form))


def titles_item(label: str, whos, form: PeopleForm) -> KiItem:
    """Signers named by the title alone, every one (徳島大学長, 鳴門教育大学長 …): a list
    under the label, as such notices set it, not titles pushed right against an empty
    column of names; tabulated, the organisations and titles in their columns."""
    if form.form == "tabulated":
        return people_item(label, whos, form)
    return KiItem(label, "text", runs_of(whos, form))


def groups_item(label: str, grouped, form: PeopleForm) -> KiItem:
    """People under labels of their own (協定締結者, 立会人; each agreement's 「title」),
    `grouped` (label, Whos) each: each label, then its people as a table; where the
    house sets people as runs (or joined), every line at the item's text margin, each
    label kept with its first line (the people's lines after the house's mark, the
    labels without it); tabulated, one table whose columns every group shares, each
    label a row of its own across them."""
    if form.form in ("run", "joined"):
        lines: list[str] = []
        keep = []
        for title, whos in grouped:
            runs = runs_of(whos, form)
            if form.label_inline and runs:    # 湘南鎌倉総合病院　小林　修三　院長、… (notice.group_label: inline)
                # a label ending in its colon (日本側：渡邉　保範, 海上保安庁) is its own gap
                gap = "" if str(title).endswith(("：", ":")) else "　"
                lines += [Markup("{}{}{}").format(title, gap, runs[0]), *runs[1:]]
                continue
            keep.append(len(lines))
            lines += [title, *runs]
        return KiItem(label, "text", tuple(lines), keep=tuple(keep))
    if form.form == "tabulated":
        rows = tabulated_rows([w for _, whos in grouped for w in whos], form)
        at, out = 0, []
        for title, whos in grouped:
            out.append((title,))
            out += rows[at:at + len(whos)]
            at += len(whos)
        width = max((len(r) for r in rows), default=1)
        return KiItem(label, "people", rows=tuple(out), widths=" ".join([f"{1 / width:.4f}"] * width),
                      border="none", flush=True)
    rowed = tuple((title, columns_rows(whos)) for title, whos in grouped)
    # rows too (each title, then its people): a template of the user's made before
    # groups prints them as a table, not an empty item
    flat = tuple(row for title, rows in rowed for row in ((title, ""),) + rows)
    return KiItem(label, "groups", rows=flat, widths="0.55 0.45", border="none", groups=rowed)


def _even(rows) -> str:
    """Equal widths for the columns of `rows` (the writers fit them: fit="columns")."""
    width = max((len(r) for r in rows), default=1)
    return " ".join([f"{1 / width:.4f}"] * width)
