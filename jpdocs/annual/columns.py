"""The value of each column of the summary table for one agreement, as the agreement
itself states it (相手方, 担当課, 有効期間, dates in the house's form), or an office field."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .. import japanese
from ..errors import Problem
from ..spec.load import LoadedSpec
from ..spec.style import AnnualColumn, HouseStyle
from ..spec.term import RENEWAL_KEYS, term_of
from .departments import issuing_office_refusal
from .offices import office_words
from .sides import co_signers, issuer_is_party

DASH = "－"                      # an empty cell


@dataclass
class Value:
    """One cell: its printed lines, for a column of dates their ISO form (CSV), and
    what was chosen for the user in it, for the build to say. `words`: the pieces that a
    table's line may end between but never inside (blocks.summary_table): for 相手方, the
    names (each but the last with the comma after it), cut after a full-width space
    inside a name; for 担当課, an office cut after each unit of it (offices.py), a piece
    ending in a newline where the spec's line ends; for 有効期間, its dates and its
    （自動更新） (_TERM_BREAKS). `after`: a phrase that follows the words
    (相手方's count of the parties, （5市町間での協定）), on their last line where it fits, else
    on a line of its own: never a name, it does not widen the column as a name does. The words
    and `after` join back to the cell's text. `names`: for 協定名, the parties' names (each
    of name, formal_name, short_name, and its parts between spaces), where a word of the
    title starts and ends (lines.words)."""
    lines: list[str]
    iso: list[str] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    after: str = ""
    names: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


# ---------------------------------------------------------------- the columns
def value(col: AnnualColumn, number: int, loaded: LoadedSpec, style: HouseStyle) -> Value:
    if col.field is not None:
        text = loaded.spec.agreement.fields.get(col.field)
        return Value(text.split("\n")) if text else nothing(col)
    ag = loaded.spec.agreement
    form = col.dates or "long"
    if col.data == "number":
        return Value([str(number)])
    if col.data == "signing_date":
        amended = [f"（{house_date(a.date, style, form)}改定）" for a in ag.amendments] \
            if col.prints_amendments_under_date(style.annual.columns) else []
        return Value([house_date(ag.signing_date, style, form), *amended], [ag.signing_date.isoformat()])
    if col.data == "title":
        lines = ag.title.split("\n")
        if ag.amends and col.prints_amends_under_title(style.annual.columns):
            lines.append(amended_line(ag.amends, style))      # its own line, under the title
        return Value(lines, names=party_words(loaded))
    if col.data == "partners":
        comma, names = style.word("comma"), partner_names(loaded)
        # a name written over lines in the spec keeps its own lines: nothing to pack
        words = [] if any("\n" in n for n in names) else [n + comma for n in names[:-1]] + names[-1:]
        words = [piece for w in words for piece in _at_spaces(w)]
        after = partners_count(col, loaded, style) + together(col, loaded, style)
        if not partner_names(loaded):
            return nothing(col)
        lines = partners(loaded, comma).split("\n")
        return Value([*lines[:-1], lines[-1] + after], words=words, after=after)
    if col.data == "areas":
        mark = style.annual.areas_mark
        areas = [mark + a.heading.removesuffix("に関する事項") for a in ag.areas]
        return Value([line for a in areas for line in a.split("\n")]) if areas else nothing(col)
    if col.data == "department":
        office = department(loaded)
        return Value(office.split("\n"), words=office_words(office)) if office != DASH else nothing(col)
    if col.data == "validity":
        term = validity(loaded, style, form)
        return term if term.lines != [DASH] else nothing(col)
    if col.data == "amendments":
        lines = [house_date(a.date, style, form) + (f"（{a.note}）" if a.note else "") for a in ag.amendments]
        return Value(lines, [a.date.isoformat() for a in ag.amendments]) if lines else nothing(col)
    if col.data == "related":
        lines = [related_line(r, style, form) for r in ag.related]
        return Value(lines, [r.date.isoformat() for r in ag.related if r.date]) if lines else nothing(col)
    if col.data == "amends":
        amends = ag.amends
        if amends is None:
            return nothing(col)
        iso = [amends.signing_date.isoformat()] if amends.signing_date else []
        return Value([amended_agreement(amends, style, form)], iso)
    if col.data == "issuer":                 # 締結者: only an issuer that signs (sides.py)
        return Value(loaded.spec.issuer.split("\n")) if issuer_is_party(loaded) else nothing(col)
    raise AssertionError(col.data)


def nothing(col: AnnualColumn) -> Value:
    """A cell where the agreement has nothing for its column: －, or the column's `empty:`
    ("" a blank cell, as lists leave their 備考)."""
    return Value((DASH if col.empty is None else col.empty).split("\n"))


def related_line(related, style: HouseStyle, form: str = "long") -> str:
    """A document under the agreement as the book names it: …に関する覚書（令和６年９月２日）."""
    return related.title + (f"（{house_date(related.date, style, form)}）" if related.date else "")


def amended_agreement(amends, style: HouseStyle, form: str = "long") -> str:
    """原協定 as the spec names it: its title, and its date where the spec gives one
    (情報提供に関する協定書（令和元年７月１日）); no date is printed that the spec does not give."""
    return amends.title + (f"（{house_date(amends.signing_date, style, form)}）" if amends.signing_date else "")


def amended_line(amends, style: HouseStyle) -> str:
    """The line under an amending agreement's title, as offices' lists say it in a
    備考 (平成27年締結協定の変更): （令和元年７月１日締結の情報提供に関する協定書の変更）,
    or without a date the spec does not give, （情報提供に関する協定書の変更）; the change in
    the spec's word where it gives one (amends.word: 一部変更, 追加締結)."""
    day = f"{house_date(amends.signing_date, style)}締結の" if amends.signing_date else ""
    return f"（{day}{amends.title}の{amends.word or AMENDS_WORD}）"


AMENDS_WORD = "変更"        # the change, where the spec does not name it (amends.word)


def _at_spaces(name: str) -> list[str]:
    """A name in the pieces a line may end after: its full-width spaces, which part a body
    from its member (国立大学法人北海道国立大学機構　北見工業大学) as real lists break them.
    A name with spaces at its ends or two together is kept whole.
    Each space stays at the end of its piece, so the pieces join back to the name."""
    pieces = name.split("\u3000")
    return [p + "\u3000" for p in pieces[:-1]] + pieces[-1:] if all(pieces) else [name]


def partner_names(loaded: LoadedSpec) -> list[str]:
    """相手方: every party not of the issuing side (Party.on_issuing_side: `issuing:`,
    or named as the issuer). An issuer that is no party has every party as 相手方.
    Where every party issues the release together (国立環境研究所 and 国立水俣病総合研究
    センター, `issuing: true`), the book is still the issuer's: its partners are the
    parties the issuer is not (never 相手方 －, as if the agreement had none)."""
    spec = loaded.spec
    parties = spec.party_list()
    names = [p.formal_name or p.name for _, p in parties if not (p.on_issuing_side(spec.issuer) or p.with_issuer)]
    if names or len(parties) < 2:
        return names
    return [p.formal_name or p.name for _, p in parties if not p.is_named(spec.issuer)]


def party_words(loaded: LoadedSpec) -> tuple[str, ...]:
    """Every party's names as words of a title: name, formal_name and short_name, and
    their parts between spaces (独立行政法人国立高等専門学校機構　長野工業高等専門学校)."""
    out: list[str] = []
    for _, party in loaded.spec.party_list():
        for name in party.names():
            out += [name, *re.split(r"[ 　]+", name)]
    return tuple(dict.fromkeys(n for n in out if n))


def partners_count(col: AnnualColumn, loaded: LoadedSpec, style: HouseStyle) -> str:
    """The house's count after the names (`count:` of the partners column,
    （{parties}市町間での協定）), where two or more partners are listed, as real lists print it
    (篠山市: 猪名川町、播磨町、香美町、淡路市（5市町間での協定）; its rows of one partner
    have none). {parties} is every party the spec names, the issuer's side with them;
    {partners} the names listed. Nothing where the column has no count."""
    names = partner_names(loaded)
    if col.count is None or len(names) < 2:
        return ""
    text = col.count
    for key, n in (("parties", len(loaded.spec.parties)), ("partners", len(names))):
        text = text.replace("{" + key + "}", japanese.digits(n, style.digits))
    return text


TOGETHER = "（{names}と共同締結）"     # the partners column's `together:` where the house gives none


def together(col: AnnualColumn, loaded: LoadedSpec, style: HouseStyle) -> str:
    """After the partners, the parties that sign on the issuer's side beside it
    (`with_issuer: true`, sides.co_signers), in the house's words (the column's `together:`, default
    （{names}と共同締結）): 香川県土地家屋調査士会（小豆島町と共同締結）. They are no partners of
    the issuer, and the row does not hide that the issuer did not sign alone."""
    names = co_signers(loaded)
    if not names:
        return ""
    return (col.together or TOGETHER).replace("{names}", style.word("comma").join(names))


def partners(loaded: LoadedSpec, comma: str = "、") -> str:
    """相手方 in one line, parted by the house's comma (、 or ，)."""
    return comma.join(partner_names(loaded)) or DASH


def department(loaded: LoadedSpec) -> str:
    """担当課: the agreement's `department`, else the notice's issuing office where it is
    one unit of the issuer (departments.py): never a person, several offices issuing
    together, the issuer as a whole or another party. Never guessed from a contact,
    which may be the partner's."""
    agreement = loaded.spec.agreement
    if agreement.department:
        return agreement.department
    notice = loaded.spec.press_notice
    if not notice or not notice.issuing_office or issuing_office_refusal(loaded):
        return DASH
    office = notice.issuing_office
    return "\n".join(office) if isinstance(office, list) else office


def department_notes(loaded: LoadedSpec) -> list[Problem]:
    """The build says where 担当課 was taken from the notice's issuing office, and where
    that office, being no unit of the issuer, was not: the column is empty then, and the
    note names the key that states the office in charge."""
    notice = loaded.spec.press_notice
    if loaded.spec.agreement.department or not notice or not notice.issuing_office:
        return []
    key = loaded.key(("agreement", "department"))
    line = loaded.line_of(("press_notice", "issuing_office"))
    refusal = issuing_office_refusal(loaded)
    if refusal:
        return [Problem(str(loaded.path), line, key,
                        f"not given; the book's 担当課 is left empty, as the press notice's issuing office"
                        f" is no unit of the issuer: {refusal}; give {key} to state the office in charge")]
    office = department(loaded).replace("\n", "、")
    return [Problem(str(loaded.path), line, key, f"not given; the book's 担当課 is the press notice's issuing office"
                    f" ({office}): give {key} to state the office in charge")]


# A term without an end as lists of agreements write it beside its start (令和６年６月14日～
# （期限の定めなし）: ～ as the column's other terms, where the line breaks); the words are the
# list's, the fact (no end) the spec's until_ended.
UNTIL_ENDED = "（期限の定めなし）"

_ISO_UNITS = {"年": "Y", "か月": "M", "週間": "W", "日": "D"}


def validity(loaded: LoadedSpec, style: HouseStyle, form: str = "long") -> Value:
    """有効期間, as the agreement states it: the spec's `validity`, or the term its
    document's standard 有効期間 article prints (the same computation, term.py, so the
    book never shows an open term beside an agreement that prints its end, and an end
    chosen for the user is said, as the document's build says it). An agreement that
    states neither (its own articles say what they say) has none printed: the book
    does not read a term out of its text."""
    ag = loaded.spec.agreement
    prints = _prints_term(loaded)
    if ag.validity is None and not prints:
        return Value([DASH])
    t = term_of(ag)
    # （自動更新） where the agreement renews by what it prints or the spec says, not by
    # the schema's default alone (validity: with an end, beside the text's own articles)
    renewal_said = any(("agreement", "validity", k) in loaded.lines for k in RENEWAL_KEYS)
    renews = t.renewal and (prints or renewal_said)
    start = house_date(t.start, style, form)
    if t.until_ended:                   # 期限の定めなし: its start alone (ISO 8601-2's open end: ..)
        text = f"{start}～{UNTIL_ENDED}"
        iso = f"{t.start.isoformat()}/.."
    elif t.length is not None:            # (年 → P1Y: an ISO 8601 interval of a start and a duration)
        n, unit = t.length
        text = f"{start}から{japanese.format_period(n, unit, style.digits, duration=True)}"
        iso = f"{t.start.isoformat()}/P{n}{_ISO_UNITS[unit]}"
    else:
        text = f"{start}～{house_date(t.end, style, form)}"
        iso = f"{t.start.isoformat()}/{t.end.isoformat()}"
    notes = []
    given = ("agreement", "validity") if ag.validity is not None else ("agreement", "signing_date")
    if t.end_chosen:
        notes.append(Problem(str(loaded.path), loaded.line_of(given), loaded.key(("agreement", "validity", "end")),
                             f"not given; the book lists the term to {house_date(t.end, style)}: {t.end_chosen}"))
    if renews and not renewal_said:
        # the standard article's default renewal, which the document's build names: the
        # book's run names it too, as it names the end chosen
        notes.append(Problem(str(loaded.path), loaded.line_of(given), loaded.key(("agreement", "validity", "renewal")),
                             "not given; the book lists the term as renewing（自動更新）, as the agreement's"
                             " standard 有効期間 article renews it by default: say renewal: false if it does not"))
    text = text + "（自動更新）" if renews else text
    return Value([text], [iso], notes, words=_TERM_BREAKS.split(text))


# Where a line of 有効期間 may end: after a date's ～, before から and before （自動更新）.
# The composer would end one anywhere between two kana (令和６年４月22日か / ら１年間).
_TERM_BREAKS = re.compile(r"(?<=～)|(?=から)|(?=（)")


def _prints_term(loaded: LoadedSpec) -> bool:
    """Whether the agreement document prints the term: its standard set's 有効期間
    article, as the spec's own house style has the set."""
    doc = loaded.spec.agreement.document
    if doc is None or not doc.standard:
        return False
    from ..build.documents import style_for
    from ..content.agreement.article_sets import load_sets
    from ..content.agreement.drafts import prints_generated_term
    chosen = load_sets(style_for(loaded).article_sets).get(doc.standard)
    return chosen is not None and prints_generated_term(chosen, doc)


ERA_LETTERS = {"明治": "M", "大正": "T", "昭和": "S", "平成": "H", "令和": "R"}


def house_date(d, style: HouseStyle, form: str = "long") -> str:
    """A date of the table without its weekday: long, in the house's calendar (no
    Western year beside an era year: the column is narrow), or short as offices
    list them (R6.4.22, H27.11.27; 2024.4.22 in a western-calendar house). A date given
    in part (a related document's, an amended original's) as given, its day never made
    up: 平成27年３月, 平成９年; short H27.3, H9 (rows.py's _parts_without_era refuses first
    one that an era house cannot write without choosing its era)."""
    calendar = "western" if style.dates.calendar == "western" else "era"
    if isinstance(d, japanese.PartialDate):
        if form != "short":
            return japanese.part_in(d, calendar, style.digits)
        if calendar == "western":
            return f"{d.year}" + (f".{d.month}" if d.month else "")
        era, year = d.era_year()
        return f"{ERA_LETTERS[era]}{year}" + (f".{d.month}" if d.month else "")
    if not isinstance(d, dt.date):
        return str(d)
    if form == "short":
        if style.dates.calendar == "western":
            return f"{d.year}.{d.month}.{d.day}"
        era, year = japanese.era_of(d)
        return f"{ERA_LETTERS[era]}{year}.{d.month}.{d.day}"
    return japanese.date_in(d, calendar, "none", style.digits)
