"""The event spec: what one YAML file says about one event, validated.

English keys, Japanese values. Parties are declared once under `parties:` (their
order gives the labels 甲, 乙, 丙 …) and referred to by id from the documents.
`load_spec` reports every problem at once, each with file, line and key path.
"""
from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from . import japanese
from .errors import InputError, Problem
from .source import dotted, line_of, load_yaml

# Text a user writes: one line or more, never empty.
Line = Annotated[str, StringConstraints(min_length=1)]


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
    date: dt.date
    start: Optional[dt.time] = None
    end: Optional[dt.time] = None
    duration_note: Optional[Line] = None   # 30分程度
    venue: Line
    venue_address: Optional[Line] = None
    signatories: Optional[list[Line]] = None  # party ids; default: every party
    agenda: list[Line] = []
    schedule: list[ScheduleRow] = []
    extra_items: list[ExtraItem] = []

    @model_validator(mode="after")
    def _end_after_start(self):
        if self.start and self.end and self.end <= self.start:
            raise ValueError("end must be later than start")
        return self


class Background(Strict):
    heading: Line                     # 包括連携協定の締結に至った経緯
    paragraphs: list[Line]


class PressRequest(Strict):
    label: Line = "報道に当たってのお願い"
    lead: Line = "当日取材いただける場合は、"
    deadline: Optional[dt.datetime | dt.date] = None
    tail: Line = "までに下記連絡先までお知らせください。"
    contact: Optional[Contact] = None
    notes: list[Line] = []


class PressNotice(Strict):
    header: Optional[Line] = None     # default from the house style: 報道機関各位
    issuer_label: Optional[Line] = None   # 同時発表：スポーツ庁，観光庁
    issue_date: dt.date
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


class Agreement(Strict):
    title: Line                       # …との包括連携協定
    signing_date: dt.date
    areas: list[Area] = []
    fiscal_year: Optional[int] = None  # when the office files it under another year


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
    """A validated spec with where it came from and what was mended on the way."""
    model_config = ConfigDict(arbitrary_types_allowed=True)
    path: Path
    spec: Spec
    warnings: list[Problem] = []

    @property
    def name(self) -> str:
        return self.path.stem

    def file(self, relative: str) -> Path:
        """A file the spec names (a logo), relative to the spec's folder."""
        return resolve_file(self.path, relative)


def resolve_file(spec_path: Path, relative: str) -> Path:
    return (Path(spec_path).parent / relative).resolve()


def load_spec(path: Path | str) -> LoadedSpec:
    path = Path(path)
    data, lines = load_yaml(path)
    name = str(path)
    if not isinstance(data, dict):
        raise InputError([Problem(name, 1, "", "a spec is a mapping of keys (issuer:, parties: …)")])
    warnings: list[Problem] = []
    data = _mend_radicals(data, (), name, lines, warnings)
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        raise InputError(_problems(exc, name, lines)) from None
    problems = _cross_check(spec, name, lines)
    if problems:
        raise InputError(problems)
    return LoadedSpec(path=path, spec=spec, warnings=warnings)


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
        loc = tuple(p for p in loc if p not in ("datetime", "date", "function-after[_end_after_start()]"))
        out.append(Problem(name, line_of(lines, loc), dotted(loc), _explain(err, loc)))
    return sorted(out, key=lambda p: (p.line or 0, p.key))


def _explain(err: dict, loc: tuple) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        options = _fields_at(loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), options, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else (
            f"; allowed here: {', '.join(options)}" if options else "")
        return f"unknown key '{loc[-1]}'{hint}"
    if kind == "missing":
        return "this key is required but missing"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"not a valid date ({err['msg'].lower()}); write it as YYYY-MM-DD, got {err['input']!r}"
    if kind.startswith("time"):
        return f"not a valid time ({err['msg'].lower()}); write it as HH:MM, got {err['input']!r}"
    return f"{err['msg']} (got {err.get('input')!r})"


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
                hint = f"; did you mean '{close[0]}'?" if close else ""
                problems.append(Problem(name, line_of(lines, path), dotted(path),
                                        f"party '{ref}' is not declared under parties:{hint}"))
    for pid, party in spec.parties.items():
        if party.logo:
            trouble = _image_trouble(resolve_file(Path(name), party.logo))
            if trouble:
                path = ("parties", pid, "logo")
                problems.append(Problem(name, line_of(lines, path), dotted(path), trouble))
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
