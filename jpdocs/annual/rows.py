"""The year's agreements: the specs of a folder read (recursively, house styles
named, duplicates refused), each assigned to its fiscal year, in signing order (Row)."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .. import japanese
from ..errors import InputError, Problem
from ..spec.load import LoadedSpec, load_spec
from ..spec.several import agreement_views
from ..spec.style import HouseStyle
from .as_of import cut
from .columns import Value, value, house_date
from .kinds import kind_problems
from .numbers import in_list_order, number_problems
from .sides import side_problems, with_issuer_problems

SPEC_SUFFIXES = (".yaml", ".yml")


class NoAgreements(Exception):
    """The year has no agreement: a clear message instead of an empty book; with the
    notes on the year's forms left out (form_blanks), which say why a spec of the
    year made no row."""

    def __init__(self, message: str, notes: list[Problem] | None = None):
        super().__init__(message)
        self.notes = notes or []


@dataclass
class Row:
    """One agreement's row of the book: its cells, and what its contents entry and sheet print."""
    number: int                       # its №: the office's own (agreement.number), else its place
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
    """A YAML file whose top-level keys are a house style's and none a spec's. The one
    key both have, `agreement:`, is the style's where it holds only the style's keys
    (article_heading, name_line …: the agreement's form, as most offices' styles set
    it), which no spec's agreement has (title, signing_date …): a spec's, even with
    its issuer and parties missing, is read as a spec and its mistakes reported."""
    from ..spec.agreement_style import AgreementStyle
    from ..spec.source import load_yaml
    from ..spec.style import STYLE_KEYS
    try:
        data, _ = load_yaml(path)
    except (InputError, OSError):
        return False                   # not readable as YAML: load_spec says why
    if not isinstance(data, dict):
        return False
    keys = {str(k) for k in data}
    if not keys or not keys <= STYLE_KEYS or keys & {"issuer", "parties", "press_notice"}:
        return False
    form = data.get("agreement", {})
    return isinstance(form, dict) and {str(k) for k in form} <= set(AgreementStyle.model_fields)


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


# the marks a form (雛形) leaves where a party's name is to be written: ○市, ○○○○
FORM_BLANKS = re.compile("[○◯〇]")


def form_blanks(loaded: LoadedSpec) -> list[Problem]:
    """A party named by a form's blanks (○市: NPO法人クライシスマッパーズ・ジャパン's model
    agreement, which keeps the date of the 大和市 agreement it was made from) is no one
    who signed: the agreement is a form, and the book, a list of the agreements signed,
    leaves it out (it would print ○市 as a partner and count it). A note for each."""
    spec = loaded.spec
    blanks = [(key, field, name) for key, party in spec.party_list()
              for field, name in (("name", party.name), ("formal_name", party.formal_name))
              if name and FORM_BLANKS.search(name)]
    return [Problem(str(loaded.path), loaded.line_of(("parties", key, field)), f"parties.{key}.{field}",
                    f"{name} is a form's blank, not a party: {spec.agreement.title}"
                    f" ({spec.agreement.signing_date}) is a form (雛形), and the book, which lists the"
                    " agreements signed, leaves it out")
            for key, field, name in blanks[:1]]         # one note for the form


def select(paths: list[Path], fy: int, style: HouseStyle, notes: list[Problem] | None = None,
           as_of: dt.date | None = None) -> list[Row]:
    """The year's rows as they stood on the book's day (`as_of`, else the year's end:
    as_of.py); a note for each thing of the year left out (a form, an agreement signed
    after `as_of`, an amendment or a related document of a later day) added to `notes`."""
    loaded, problems = [], []
    for path in paths:
        try:
            loaded.append(load_spec(path))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    loaded = [view for ls in loaded for view in agreement_views(ls)]     # a row per agreement of agreements:
    problems += _twice(loaded)
    # Signing order; agreements of one day in the order the specs are read (as given, a
    # folder's files in name order), which the office chooses: 国税庁's list sets a 確認書
    # before the two 補足書簡 under it, all of 令和2年6月18日, where the titles' order would not.
    chosen = [ls for _, ls in sorted(((ls.spec.agreement.signing_date, i), ls) for i, ls in enumerate(loaded)
                                     if fiscal_year_of(ls) == fy)]
    forms = [note for ls in chosen for note in form_blanks(ls)]
    if notes is not None:
        notes += forms
    chosen = [ls for ls in chosen if not form_blanks(ls)]
    problems += _unused_fields(chosen, style)
    problems += _unused_related(chosen, style)
    problems += _unused_amends_words(chosen, style)
    problems += _parts_without_era(chosen, style)
    problems += [p for ls in chosen for p in side_problems(ls) + with_issuer_problems(ls) + kind_problems(ls)]
    problems += number_problems(chosen)
    if problems:
        raise InputError(problems)
    # checked whole first, so that a spec never passes the book of one day and fails another's
    chosen, later = cut(chosen, fy, as_of)
    if notes is not None:
        notes += later
    if not chosen:
        first, last = japanese.fiscal_year_range(fy)
        raise NoAgreements(f"no agreement of {japanese.fiscal_year_label(fy)} ({first} to {last}) among"
                           f" {len(paths)} spec(s); nothing written", forms + later)
    # the office's own numbers where its agreements give them (numbers.py), in their order
    numbered = [(ls.spec.agreement.number or i, ls) for i, ls in enumerate(in_list_order(chosen), 1)]
    return [Row(n, ls, [value(col, n, ls, style) for col in style.annual.columns],
                house_date(ls.spec.agreement.signing_date, style)) for n, ls in numbered]


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
            problems.append(Problem(str(ls.path), ls.line_of(("agreement", "title")), ls.key(("agreement", "title")),
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
                problems.append(Problem(str(ls.path), ls.line_of(path), ls.key(path),
                                        f"no column of the house style's annual.columns prints the field {key}"
                                        f"{columns}, so it would have no effect: add {{field: {key}}} to"
                                        f" annual.columns ({style.source}), or remove it"))
    return problems


def _unused_related(chosen: list[LoadedSpec], style: HouseStyle) -> list[Problem]:
    """An agreement's related documents (覚書 …) are printed by a column of data: related
    alone: in a book without one they would vanish from the list unsaid, as amendments did
    before amended: (the thirty-eighth session's annual audit). An error, as a field no
    column prints is."""
    if any(c.data == "related" for c in style.annual.columns):
        return []
    return [Problem(str(ls.path), ls.line_of(("agreement", "related")), ls.key(("agreement", "related")),
                    f"no column of the house style's annual.columns prints related documents, so related would"
                    f" have no effect: add {{data: related}} to annual.columns ({style.source}), or remove it")
            for ls in chosen if ls.spec.agreement.related]


def _parts_without_era(chosen: list[LoadedSpec], style: HouseStyle) -> list[Problem]:
    """A date given in part that the book would write in an era, where an era changed within
    it and the spec gave none (1989年, 2019年): the era would be chosen for it (part_era_problem).
    A related document's only where a column prints it (else _unused_related refuses it)."""
    if style.dates.calendar == "western":
        return []
    related = any(c.data == "related" for c in style.annual.columns)
    problems = []
    for ls in chosen:
        ag = ls.spec.agreement
        dated = [(("agreement", "related", i, "date"), r.date) for i, r in enumerate(ag.related) if related]
        if ag.amends is not None:
            dated.append((("agreement", "amends", "signing_date"), ag.amends.signing_date))
        for path, day in dated:
            why = japanese.part_era_problem(day) if isinstance(day, japanese.PartialDate) else None
            if why:
                problems.append(Problem(str(ls.path), ls.line_of(path), ls.key(path), why))
    return problems


def _unused_amends_words(chosen: list[LoadedSpec], style: HouseStyle) -> list[Problem]:
    """amends.word names the change in the line under the title (（…の一部変更）): in a
    book that prints no such line (amends: false on the title column, or a column of
    data: amends listing the 原協定 by its title and date), it would have no effect."""
    titles = [c for c in style.annual.columns if c.data == "title"]
    if any(c.prints_amends_under_title(style.annual.columns) for c in titles):
        return []
    problems = []
    for ls in chosen:
        amends = ls.spec.agreement.amends
        if amends is not None and amends.word is not None:
            listed = ("a column of data: amends lists the 原協定 by its title and date"
                      if any(c.data == "amends" for c in style.annual.columns)
                      else "its title column says amends: false" if titles else "it has no title column")
            problems.append(Problem(str(ls.path), ls.line_of(("agreement", "amends", "word")),
                                    ls.key(("agreement", "amends", "word")),
                                    f"the house's annual book prints no line under the title naming the change"
                                    f" ({listed}; {style.source}), so word would have no effect: remove it"))
    return problems
