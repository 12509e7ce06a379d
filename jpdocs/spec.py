"""The event spec: what one YAML file says about one event, validated.

English keys, Japanese values. Parties are declared once under `parties:` (their
order gives the labels 甲, 乙, 丙 …) and referred to by id from the documents.
`load_spec` reports every problem at once, each with file, line and key path.
"""
from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import unicodedata
from pathlib import Path
from typing import Annotated, Literal, Optional, Union

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError,
                      model_validator)
from pydantic_core import PydanticCustomError

from . import japanese
from .errors import InputError, Problem
from .source import dotted, line_of, load_yaml

# Text a user writes: one line or more, never empty.
Line = Annotated[str, StringConstraints(min_length=1)]


# --- dates and times --------------------------------------------------------
# They stay strings in the YAML (source.py) and are parsed here, so that every
# mistake is reported against its key in plain words. A number is never taken for
# a date or a time (pydantic would read 20240227 as seconds since 1970).

def _bad(message: str) -> PydanticCustomError:
    return PydanticCustomError("jp_value", message)


_DIGITS = str.maketrans("０１２３４５６７８９：／－", "0123456789:/-")
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_ERA_DATE = re.compile(r"(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")


def _day(y: int, m: int, d: int, written: str) -> dt.date:
    if not 1 <= m <= 12:
        raise _bad(f"{written} is not a valid date: there is no month {m}")
    last = calendar.monthrange(y, m)[1] if 1 <= y <= 9999 else 31
    if not 1 <= d <= last:
        raise _bad(f"{written} is not a valid date: {y}年{m}月 has {last} days")
    if not 1 <= y <= 9999:
        raise _bad(f"{written} is not a valid date: the year {y} is out of range")
    return dt.date(y, m, d)


def _era_checked(day: dt.date, written: str) -> dt.date:
    first = japanese.ERAS[0][1]
    if day < first:
        raise _bad(f"{written} is before the Meiji era ({first.isoformat()});"
                   " an official document cannot write its era date")
    return day


def _parse_date(value, written: str) -> dt.date:
    text = value.strip().translate(_DIGITS)
    if m := _ISO_DATE.fullmatch(text):
        return _era_checked(_day(*map(int, m.groups()), written), written)
    if m := _ERA_DATE.fullmatch(text):
        era, year = m.group(1), 1 if m.group(2) == "元" else int(m.group(2))
        names = [e for e, _ in japanese.ERAS]
        first = dict(japanese.ERAS)[era]
        day = _day(first.year + year - 1, int(m.group(3)), int(m.group(4)), written)
        if day < first:
            raise _bad(f"{written} is before the {era} era began ({first.isoformat()});"
                       f" that day is {japanese.format_date(day, 'half', western=False, weekday=False)}")
        nxt = names.index(era) + 1
        if nxt < len(names) and day >= japanese.ERAS[nxt][1]:
            last = japanese.ERAS[nxt][1] - dt.timedelta(days=1)
            raise _bad(f"{written} is after the {era} era ended ({last.isoformat()});"
                       f" that day is {japanese.format_date(day, 'half', western=False, weekday=False)}")
        return day
    raise _bad(f"{written!r} is not a valid date; write it as YYYY-MM-DD (2024-02-27) or 令和6年2月27日")


def _date(value):
    if isinstance(value, dt.datetime):
        raise _bad("a date without a time is expected here; write it as YYYY-MM-DD")
    if isinstance(value, dt.date):
        return _era_checked(value, value.isoformat())
    if isinstance(value, str):
        return _parse_date(value, value)
    raise _bad(f"expected a date written as YYYY-MM-DD (2024-02-27), got {_describe(value)}")


def _time(value):
    if isinstance(value, dt.time):
        return value
    if not isinstance(value, str):
        raise _bad(f"expected a time written as HH:MM in quotes (\"11:00\"), got {_describe(value)}")
    text = value.strip().translate(_DIGITS)
    m = _TIME.fullmatch(text)
    if not m:
        raise _bad(f"{value!r} is not a valid time; write it as HH:MM (\"11:00\")")
    h, mi = map(int, m.groups())
    if h > 23:
        raise _bad(f"{value} is not a valid time of day: hours go from 0 to 23")
    if mi > 59:
        raise _bad(f"{value} is not a valid time of day: minutes go from 00 to 59")
    return dt.time(h, mi)


def _date_or_datetime(value):
    if isinstance(value, str) and re.search(r"[T ]\d", value.strip()):
        day, _, clock = value.strip().replace(" ", "T", 1).partition("T")
        return dt.datetime.combine(_parse_date(day, value), _time(clock))
    if isinstance(value, dt.datetime):
        return value
    return _date(value)


def _describe(value) -> str:
    """A value's kind in plain words, for messages."""
    if value is None:
        return "nothing (the value after the colon is empty)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of keys"
    return type(value).__name__


Date = Annotated[dt.date, BeforeValidator(_date)]
Time = Annotated[dt.time, BeforeValidator(_time)]
DateTime = Annotated[dt.datetime | dt.date, BeforeValidator(_date_or_datetime)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Representative(Strict):
    title: Line                       # 北海道オホーツク総合振興局長
    name: Line                        # 中島 和彦


class Party(Strict):
    name: Line                        # 北見工業大学
    formal_name: Optional[Line] = None  # 国立大学法人北海道国立大学機構 北見工業大学
    short_name: Optional[Line] = None
    address: Optional[Line] = None
    representative: Representative
    honorific: Optional[Line] = None  # 様 for a partner; never on one's own head
    statements: list[Line] = []       # the overview sheet's ◆ lines
    logo: Optional[Line] = None       # PNG/JPEG path, relative to the spec


class Contact(Strict):
    role: Optional[Line] = None       # 担当窓口, 問合せ先
    department: Line                  # オホーツク総合振興局地域創生部
    title: Optional[Line] = None      # 地域政策課長
    name: Optional[Line] = None       # 杉村 勝彦
    name_label: Optional[Line] = None  # 担当 → 担当：道下
    phone: Optional[Line] = None
    phone_kind: Literal["直通", "代表"] = "直通"
    extension: Optional[Line] = None  # 内線, with 代表
    fax: Optional[Line] = None
    email: Optional[Line] = None


class ScheduleRow(Strict):
    time: Line                        # 17:10～17:15, as written
    item: Line
    place: Optional[Line] = None


class ExtraItem(Strict):
    label: Line                       # 傍聴, 取材方法 …
    text: list[Line]


class Ceremony(Strict):
    """The 記 items of a notice."""
    date: Date
    start: Optional[Time] = None
    end: Optional[Time] = None
    duration_note: Optional[Line] = None   # 30分程度
    venue: Line
    venue_address: Optional[Line] = None
    signatories: Optional[list[Line]] = None  # party ids; default: every party
    agenda: list[Line] = []
    schedule: list[ScheduleRow] = []
    extra_items: list[ExtraItem] = []


class Background(Strict):
    heading: Line                     # 包括連携協定の締結に至った経緯
    paragraphs: list[Line]


class PressRequest(Strict):
    label: Line = "報道に当たってのお願い"
    lead: Line = "当日取材いただける場合は、"
    deadline: Optional[DateTime] = None
    tail: Line = "までに下記連絡先までお知らせください。"
    contact: Optional[Contact] = None
    notes: list[Line] = []


class PressNotice(Strict):
    header: Optional[Line] = None     # default from the house style: 報道機関各位
    issuer_label: Optional[Line] = None   # 同時発表：スポーツ庁，観光庁
    issue_date: Date
    date_suffix: str = "配布"
    subject_label: Optional[Line] = None  # default from the house style: 項　目
    subject: Line
    attachments: list[Line] = []
    opening: list[Line]
    ceremony: Ceremony
    closing_ijo: bool = False         # 以上 at the end of the 記 block
    background: Optional[Background] = None
    embargo: Optional[Line] = None
    press_request: Optional[PressRequest] = None
    contacts: list[Contact] = []


class Area(Strict):
    heading: Line                     # 農林水産業の振興に関する事項
    items: list[Line] = []


class SubItemSpec(Strict):
    """A numbered item (号) of an article paragraph with its sub-items (ア, イ …)."""
    text: Line
    items: list[Line] = []


class ClauseSpec(Strict):
    """An article paragraph (項) with numbered items: (1), (2) …"""
    text: Line
    items: list[Union[Line, SubItemSpec]] = []


ArticleText = list[Union[Line, ClauseSpec]]   # one entry per paragraph (項)


class ArticleOverride(Strict):
    """Changes to one of the default articles, keyed by its name."""
    heading: Optional[Line] = None    # 見出し: 目的 → 趣旨
    text: Optional[ArticleText] = Field(default=None, min_length=1)
    remove: bool = False


class ExtraArticle(Strict):
    """An article of the spec's own, inserted among the default ones."""
    name: Optional[Line] = None       # to place other extras after it
    heading: Line                     # 個人情報の保護
    text: ArticleText = Field(min_length=1)
    after: Optional[Line] = None      # the name of the article it follows
    before: Optional[Line] = None     # … or precedes (default: before consultation, the last)

    @model_validator(mode="after")
    def _one_place(self):
        if self.after and self.before:
            raise ValueError("give after: or before:, not both")
        return self


class Validity(Strict):
    """有効期間: from the start (default: the signing day) to the end (default: the
    end of the fiscal year of the start), renewed by renewal_term unless a party
    gives notice renewal_notice before the end."""
    start: Optional[Date] = None
    end: Optional[Date] = None      # checked against the start in _cross_check, with its line
    renewal: bool = True
    renewal_notice: Line = "1か月"
    renewal_term: Line = "1年"

    @model_validator(mode="after")
    def _periods(self):
        for value in (self.renewal_notice, self.renewal_term):
            japanese.parse_period(value)      # ValueError names the expected form
        return self


class Agreement(Strict):
    title: Line                       # …との包括連携協定
    signing_date: Date
    areas: list[Area] = []
    fiscal_year: Optional[int] = None  # when the office files it under another year
    # --- the agreement document (協定書)
    document_title: Optional[Line] = None  # default from title: …との包括連携に関する協定書
    labels: Line = "甲乙"              # 甲乙 (甲, 乙, 丙 … by party order) or one word for all: 両市, 両者
    subject: Line = "包括的な連携"      # preamble: …は、包括的な連携に関し、次のとおり協定を締結する。
    purpose: Optional[Line] = None     # 第１条: …することにより、<purpose>ことを目的とする。
    area_items: bool = False          # list each area's items as ア, イ … under it
    articles: dict[str, ArticleOverride] = {}
    extra_articles: list[ExtraArticle] = []
    validity: Validity = Validity()
    closing: Optional[Line] = None     # replaces 本協定の締結を証するため、…保有する。
    copies: bool = False              # also write one original per party and a copy (写)
    original_mark: bool = True        # print 正本（甲保管） on each party's original


class Spec(Strict):
    issuer: Line                      # author of the documents
    style: Optional[Line] = None      # house style file, relative to the spec
    parties: dict[str, Party] = Field(min_length=1)
    agreement: Optional[Agreement] = None
    press_notice: Optional[PressNotice] = None

    def party_list(self) -> list[tuple[str, Party]]:
        return list(self.parties.items())

    def signatories(self) -> list[Party]:
        ids = self.press_notice.ceremony.signatories or list(self.parties)
        return [self.parties[i] for i in ids]


class LoadedSpec(BaseModel):
    """A validated spec with where it came from and what was mended on the way.
    `lines` maps key paths to the lines they are on, for later messages."""
    model_config = ConfigDict(arbitrary_types_allowed=True)
    path: Path
    spec: Spec
    warnings: list[Problem] = []
    lines: dict = {}

    @property
    def name(self) -> str:
        return self.path.stem

    def file(self, relative: str) -> Path:
        """A file the spec names (a logo), relative to the spec's folder."""
        return resolve_file(self.path, relative)

    def line_of(self, path: tuple) -> int | None:
        return line_of(self.lines, path)


def resolve_file(spec_path: Path, relative: str) -> Path:
    return (Path(spec_path).parent / relative).resolve()


def load_spec(path: Path | str) -> LoadedSpec:
    path = Path(path)
    data, lines = load_yaml(path)
    name = str(path)
    if not isinstance(data, dict):
        raise InputError([Problem(name, 1, "", "a spec is a mapping of keys (issuer:, parties: …),"
                                              f" but this file holds {_describe(data)}")])
    warnings: list[Problem] = []
    data = _mend_radicals(data, (), name, lines, warnings)
    problems = _check_text(data, (), name, lines, warnings)
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        problems += _problems(exc, name, lines)
        raise InputError(_sorted(problems)) from None
    problems += _cross_check(spec, name, lines)
    if problems:
        raise InputError(_sorted(problems))
    return LoadedSpec(path=path, spec=spec, warnings=warnings, lines=lines)


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.key))


# Characters that never belong in a value: invisible, they change nothing a reader
# sees but break search, copying and layout. A newline is allowed (it is a line
# break where the document prints the value); a tab is not (it has no meaning in
# the documents' layout).
_INVISIBLE = {0x00AD: "soft hyphen", 0x200B: "zero-width space", 0x200C: "zero-width non-joiner",
              0x200D: "zero-width joiner", 0x2060: "word joiner", 0xFEFF: "zero-width no-break space (BOM)"}
_JAPANESE = r"\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e"
_ASCII_SPACE_BY_JAPANESE = re.compile(f"[{_JAPANESE}] +(?=[^ ])|(?<=[^ ]) +[{_JAPANESE}]")


def _check_text(value, path, name, lines, warnings) -> list[Problem]:
    """Refuse control and invisible characters, naming the field; warn (never
    alter) where an ASCII space touches Japanese text."""
    problems: list[Problem] = []
    if isinstance(value, str):
        where = (name, line_of(lines, path), dotted(path))
        for i, ch in enumerate(value):
            cp = ord(ch)
            if ch == "\n":
                continue
            if ch == "\t":
                what = "a tab character; write a full-width space (　) or spaces instead"
            elif ch == "\ufffd":
                what = ("the replacement mark � (U+FFFD), left where characters were lost in a conversion"
                        " (文字化け); type the original characters again")
            elif unicodedata.category(ch) == "Cc":
                what = f"the control character U+{cp:04X}, which cannot be printed; delete it"
            elif cp in _INVISIBLE or 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069:
                label = _INVISIBLE.get(cp, "text-direction control")
                what = (f"the invisible character U+{cp:04X} ({label}), often pasted from web pages"
                        " or PDFs; delete it")
            else:
                continue
            problems.append(Problem(*where, f"the text contains {what} (at character {i + 1})"))
            break
        found = _ASCII_SPACE_BY_JAPANESE.search(value)
        if found:
            a, b = max(0, found.start() - 4), found.end() + 4
            warnings.append(Problem(*where, f"an ASCII space beside Japanese text ({value[a:b]!r}) is printed"
                                            " as it is; if a gap is meant, write a full-width space (　)"))
    elif isinstance(value, dict):
        for k, v in value.items():
            problems += _check_text(v, path + (k,), name, lines, warnings)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            problems += _check_text(v, path + (i,), name, lines, warnings)
    return problems


def _mend_radicals(value, path, name, lines, warnings):
    """Kangxi radical code points (⾒ for 見) come in with text pasted from PDFs; they
    break search and have no glyph in the fonts. Map them, and say so per field."""
    if isinstance(value, str):
        fixed, pairs = japanese.fix_radicals(value)
        if pairs:
            shown = ", ".join(f"{a} U+{ord(a):04X} → {b}" for a, b in pairs)
            warnings.append(Problem(name, line_of(lines, path), dotted(path),
                                    f"look-alike radical characters replaced: {shown}"))
        return fixed
    if isinstance(value, dict):
        return {k: _mend_radicals(v, path + (k,), name, lines, warnings) for k, v in value.items()}
    if isinstance(value, list):
        return [_mend_radicals(v, path + (i,), name, lines, warnings) for i, v in enumerate(value)]
    return value


def _problems(exc: ValidationError, name: str, lines) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        # pydantic adds the union member tried ("datetime", "date") to the path.
        loc = tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))
        if loc and loc[-1] == "[key]":
            loc = loc[:-1]
        out.append(Problem(name, line_of(lines, loc), dotted(loc), _explain(err, loc)))
    # A required key reported missing next to a misspelt one: say they are one mistake.
    typos = {(p.key.rpartition(".")[0], p.message.split("did you mean '")[1].rstrip("'?")): p
             for p in out if "did you mean '" in p.message}
    for i, p in enumerate(out):
        parent, _, key = p.key.rpartition(".")
        typo = typos.get((parent, key))
        if p.message == "this key is required but missing" and typo:
            out[i] = Problem(p.file, p.line, p.key, f"{p.message} (is it the misspelt"
                             f" '{typo.key.rpartition('.')[2]}' at line {typo.line}?)")
    return out


def _explain(err: dict, loc: tuple) -> str:
    """pydantic's error → what is wrong and what was expected, in plain words."""
    kind, value = err["type"], err.get("input")
    got = _describe(value)
    if kind == "extra_forbidden":
        options = _fields_at(loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), options, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else (
            f"; allowed here: {', '.join(options)}" if options else "")
        return f"unknown key '{loc[-1]}'{hint}"
    if kind == "missing":
        return "this key is required but missing"
    if kind == "jp_value":
        return err["msg"]
    if kind == "string_type":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return (f"expected text, got {got}; put it in quotes (\"{value}\") so that it is kept"
                    " exactly as written")
        return f"expected text, got {got}"
    if kind == "string_too_short":
        return "the value is empty; write it, or remove the key"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list (lines starting with '- ', or [a, b]), got {got}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a block of keys (key: value lines, indented under this one), got {got}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {got}"
    if kind.startswith("int_") or kind.startswith("float_"):
        return f"expected a whole number, got {got}"
    if kind == "literal_error":
        return f"must be one of {err['ctx']['expected']}, got {got}"
    if kind == "too_short":
        return f"needs at least {err['ctx'].get('min_length', 1)} entry"
    if kind == "value_error":
        return err["msg"].removeprefix("Value error, ")
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"not a valid date ({err['msg'].lower()}); write it as YYYY-MM-DD, got {got}"
    if kind.startswith("time"):
        return f"not a valid time ({err['msg'].lower()}); write it as HH:MM, got {got}"
    return f"{err['msg']} (got {got})"


def _fields_at(loc: tuple) -> list[str]:
    """The keys allowed at a path, for the did-you-mean of an unknown key."""
    model: type[BaseModel] | None = Spec
    for part in loc:
        if model is None:
            return []
        if isinstance(part, int) or part not in model.model_fields:
            if model is Spec and part != "parties":
                return []
            model = Party if model is Spec else model
            continue
        model = _model_of(model.model_fields[part].annotation)
    return sorted(model.model_fields) if model else []


def _model_of(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found:
            return found
    return None


def _cross_check(spec: Spec, name: str, lines) -> list[Problem]:
    """What the schema alone cannot see: references between sections."""
    problems = []
    notice = spec.press_notice
    if notice and notice.ceremony.signatories:
        for i, ref in enumerate(notice.ceremony.signatories):
            if ref not in spec.parties:
                path = ("press_notice", "ceremony", "signatories", i)
                close = difflib.get_close_matches(ref, list(spec.parties), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f" (declared: {', '.join(spec.parties)})"
                problems.append(Problem(name, line_of(lines, path), dotted(path),
                                        f"party '{ref}' is not declared under parties{hint}"))
    if notice:
        c = notice.ceremony
        if c.start and c.end and c.end <= c.start:
            path = ("press_notice", "ceremony", "end")
            problems.append(Problem(name, line_of(lines, path), dotted(path),
                                    f"the end time {c.end:%H:%M} is not later than the start {c.start:%H:%M}"))
    for pid, party in spec.parties.items():
        if party.logo:
            trouble = _image_trouble(resolve_file(Path(name), party.logo))
            if trouble:
                path = ("parties", pid, "logo")
                problems.append(Problem(name, line_of(lines, path), dotted(path), trouble))
    agreement = spec.agreement
    if agreement:
        problems += _check_agreement(spec, name, lines)
        v = agreement.validity
        start = v.start or agreement.signing_date
        if v.end and v.end <= start:
            which = "validity.start" if v.start else "signing_date"
            path = ("agreement", "validity", "end")
            problems.append(Problem(name, line_of(lines, path), dotted(path),
                                    f"the agreement ends ({v.end.isoformat()}) before it starts"
                                    f" ({which} {start.isoformat()})"))
    if len(spec.parties) > len(japanese.PARTY_LABELS):
        problems.append(Problem(name, line_of(lines, ("parties",)), "parties",
                                f"at most {len(japanese.PARTY_LABELS)} parties (甲 to 癸)"))
    return problems


def _image_trouble(path: Path) -> str | None:
    """Why a logo file cannot be used, or None. PNG and JPEG only: what both the PDF
    and the DOCX writer can embed as they are."""
    try:
        head = path.read_bytes()[:8]
    except FileNotFoundError:
        return f"logo file not found: {path} (a logo path is relative to the spec file)"
    except OSError as exc:
        return f"cannot read the logo file {path}: {exc.strerror}"
    if not (head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff")):
        return f"the logo {path} is not a PNG or JPEG file"
    from PIL import Image, UnidentifiedImageError   # reportlab's own image library
    try:
        with Image.open(path) as img:
            img.verify()
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError) as exc:
        return f"the logo {path} is damaged and cannot be read: {exc}"
    return None
def _check_agreement(spec: Spec, name: str, lines) -> list[Problem]:
    """Article names that must exist, and labels that must fit the parties."""
    from .articles import DEFAULT_NAMES    # the default article set lives there
    ag, problems = spec.agreement, []

    def unknown(path, ref, known):
        close = difflib.get_close_matches(ref, known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(known)}"
        problems.append(Problem(name, line_of(lines, path), dotted(path), f"no article is named '{ref}'{hint}"))

    for key in ag.articles:
        if key not in DEFAULT_NAMES:
            unknown(("agreement", "articles", key), key, list(DEFAULT_NAMES))
    names = list(DEFAULT_NAMES) + [x.name for x in ag.extra_articles if x.name]
    for i, extra in enumerate(ag.extra_articles):
        for where in ("after", "before"):
            ref = getattr(extra, where)
            if ref and ref not in names:
                unknown(("agreement", "extra_articles", i, where), ref, names)
    if len(spec.parties) < 2:
        problems.append(Problem(name, line_of(lines, ("agreement",)), "agreement",
                                "an agreement needs at least two parties under parties:"))
    if ag.labels != "甲乙" and ag.labels.startswith("両") and len(spec.parties) != 2:
        problems.append(Problem(name, line_of(lines, ("agreement", "labels")), "agreement.labels",
                                f"'{ag.labels}' speaks of two parties, but there are {len(spec.parties)};"
                                " write 甲乙, or a word such as 三者"))
    return problems
