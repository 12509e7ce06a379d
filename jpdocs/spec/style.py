"""The house style: fonts, sizes, margins, colours, digit style and fixed wording.

The default lives in templates/house-style.yaml. An office's own file names only
what it changes; it is laid over the default key by key, so a new release of the
default never breaks an office's file.
"""
# No `from __future__ import annotations` here: each field's annotation would be
# compiled and evaluated from its text as the models are made.

import re
from functools import lru_cache
from pathlib import Path
from typing import ClassVar, Literal

from .. import japanese
from ..errors import InputError, Problem
from ..files import FileRefused, check_regular, read_regular_file
from .source import MAX_BYTES, dotted, line_of, load_yaml, parse_yaml
from .strict import Model, ValidationError, field_validator, model_validator

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
FONTS = ROOT / "fonts"
DEFAULT_STYLE = TEMPLATES / "house-style.yaml"


class _Strict(Model):
    """Frozen, and an unknown key is an error (strict.py)."""


# Sizes a paragraph style may set (points): what can be read on paper, and no page-sized
# letters; a size of 0 or less stopped the writers with an internal error.
SIZES = (5.0, 100.0)
# What the margins leave of the page's shorter side (A4: 210 mm; the overview sheet is
# landscape) for the text, at least (mm): negative margins stopped the DOCX writer.
TEXT_AT_LEAST = 50.0


class ParagraphStyle(_Strict):
    font: str
    size: float
    leading: float                     # line height as a multiple of size
    align: Literal["left", "center", "right", "justify"] = "left"

    @field_validator("size")
    @classmethod
    def _readable(cls, size):
        if not SIZES[0] <= size <= SIZES[1]:
            raise ValueError(f"a size of {size:g}pt: a paragraph style's size is {SIZES[0]:g} to {SIZES[1]:g}pt")
        return size

    @field_validator("leading")
    @classmethod
    def _lines_apart(cls, leading):
        if leading < 1:
            raise ValueError(f"a leading of {leading:g}: a line's height is at least its size (leading: 1),"
                             " or the lines print over each other")
        return leading


class Margins(_Strict):
    top: float
    bottom: float
    left: float
    right: float

    @field_validator("top", "bottom", "left", "right")
    @classmethod
    def _not_negative(cls, margin):
        if margin < 0:
            raise ValueError(f"a margin of {margin:g} mm: a margin is 0 mm or more")
        return margin

    @model_validator(mode="after")
    def _room_for_text(self):
        sides = {"top": self.top, "bottom": self.bottom, "left": self.left, "right": self.right}
        for a, b in (("left", "right"), ("top", "bottom")):
            if sides[a] + sides[b] > 210 - TEXT_AT_LEAST:
                raise ValueError(f"{a} and {b} margins of {sides[a] + sides[b]:g} mm together leave less than"
                                 f" {TEXT_AT_LEAST:g} mm of a 210 mm page for the text")
        return self


class Page(_Strict):
    size: Literal["A4"] = "A4"
    margins: Margins
    margins_by_kind: dict[str, Margins] = {}   # e.g. agreement: wider, room for 契印

    def margins_for(self, kind: str) -> Margins:
        return self.margins_by_kind.get(kind, self.margins)


class Grid(_Strict):
    """A character grid (文字数と行数の指定): `chars` per line and `lines` per
    page of body text, as Japanese Word documents set them."""
    chars: int
    lines: int

    @model_validator(mode="after")
    def _at_least_one(self):
        if self.chars < 1 or self.lines < 1:
            raise ValueError(f"a grid has at least 1 character a line and 1 line a page (chars: {self.chars},"
                             f" lines: {self.lines})")
        return self


class Typesetting(_Strict):
    hanging_punctuation: bool = True
    compress_punctuation: bool = True
    latin_spacing: bool = True
    grid: Grid | None = None


class Dates(_Strict):
    """How the house writes dates (japanese.date_in): the calendar, the weekday, and
    whether the dates of the event (the ceremony, the request's deadline) keep their
    year when it is the issue date's."""
    calendar: Literal["era_western", "era", "western"] = "era_western"   # 令和６年（2024年） / 令和６年 / 2024年
    weekday: Literal["short", "long", "none"] = "short"                 # （火） / （火曜日） / none
    event_year: bool = True        # false: ２月27日（火） when the year is the issue date's
    # the date of issue at the top of a notice in a form of its own, where the office
    # dates its releases otherwise than the rest (公開日 2018年４月17日 beside era dates);
    # null: calendar and weekday
    issue_calendar: Literal["era_western", "era", "western"] | None = None
    issue_weekday: Literal["short", "long", "none"] | None = None


class Times(_Strict):
    """How the house writes times (japanese.format_time_span)."""
    clock: Literal["24h", "12h"] = "24h"       # 14時30分 / 午後２時30分
    zero_minutes: bool = True                  # 11時00分; false: 11時
    span: Literal["～", "から"] = "～"          # 11時00分～11時30分, 11時00分～ / 15時から16時まで, 15時から
    notation: Literal["kanji", "colon"] = "kanji"  # 14時30分 / 14:30 (always with its minutes)


class AgreementStyle(_Strict):
    """How the house sets an agreement (協定書, 覚書 …): the form of an article's
    heading and the signature blocks. Wording of the text itself is the spec's and
    the standard set's (articles.yaml)."""
    # 第１条（目的） on its own line (default). {number} is 第１条, {heading} 目的:
    # "{number}　{heading}" (第１条　目的), "{number}：{heading}"; or the heading line
    # "（{heading}）" with article_lead "{number}　" (（目的） / 第１条　本協定は…); an
    # empty heading with the lead "{number}（{heading}）　" runs it into the text.
    article_heading: str = "{number}（{heading}）"
    article_lead: str = ""             # before the first paragraph's text, on its line
    numbering_digits: Literal["mixed", "half", "full"] | None = None   # articles, paragraphs, items (第1条); default: digits
    # labelled lines of a signature block, e.g. {address: 住所, organisation: 名称, title: 代表者};
    # empty: unlabelled lines (the seed's)
    signature_labels: dict[Literal["address", "organisation", "title", "name"], str] = {}
    # unless_in_title: no organisation line where the title begins with it (北海道オホーツク
    # 総合振興局長); always: printed all the same
    organisation_line: Literal["unless_in_title", "always"] = "unless_in_title"
    # own: the name on a line of its own under the title (default); with_title: the title
    # and the name on one line (球磨郡錦町長　浅生利夫), as older texts and some offices set them
    name_line: Literal["own", "with_title"] = "own"
    # the calendar of the dates the agreement prints (its date line, the term's dates in
    # the standard 有効期間 article): era 令和６年４月22日 (as most offices write an
    # agreement, whatever their notices do), era_western 令和６年（2024年）４月22日,
    # western 2024年４月22日 (universities and companies)
    calendar: Literal["era", "era_western", "western"] = "era"
    paragraph_lead: str = "{number}　"   # before the second paragraph on: ２　…; "{number}." → 2.…
    item_marker: str = "（{number}）"    # an item (号): （１）; "⑴": ⑴ ⑵ … as one character each

    @model_validator(mode="after")
    def _a_name_line_to_label(self):
        if self.name_line == "with_title" and "name" in self.signature_labels:
            raise ValueError("name_line: with_title sets the name on the title's line, so there is no name"
                             " line for signature_labels.name to label: remove one")
        return self


class ContactStyle(_Strict):
    """How the house writes a contact's lines (contact.xml.j2, every document kind):
    what stands between a label (電話, 直通, FAX, E-mail: wording) and its value, and
    where a phone's kind (直通, 代表) stands."""
    label_gap: str = "　"        # 電話　0152-…; ":" TEL:0152-…; ": " TEL: 0152-…
    phone_kind: Literal["label", "after"] = "label"   # 直通　0152-…; after: 電話　0152-…（直通）


class NoticeStyle(_Strict):
    """How the house sets a press notice's 記 block: where its heading (wording: ki)
    stands, and each item's marker. Releases of universities and companies often set
    ■締結式概要 or 【協定調印式】 at the left, or no heading, and items marked （１）, ◯
    or not at all."""
    ki_heading: Literal["center", "left", "none"] = "center"   # 記 centred; left: at the left; none: no heading
    ki_marker: str = "{number}"     # １　日時 in the house's digits; "（{number}）"; "◯"; "": the label alone
    # line: the label on its line, the item's text under it; inline: the text after the
    # label on its line (１　日時　令和６年…), every item's text starting where the
    # widest label's ends
    ki_label: Literal["line", "inline"] = "line"
    ki_label_gap: str = "　"        # after an inline label: "：" → 日時：令和６年…


# What an annual overview's column can print from the agreement itself (annual/columns.py
# computes each); a column that names `field:` prints the spec's own field instead.
ANNUAL_DATA = ("number", "signing_date", "title", "partners", "areas", "department", "validity",
               "amendments", "related", "issuer")
ANNUAL_DATE_DATA = ("signing_date", "validity", "amendments", "related")
ANNUAL_HEADINGS = {"number": "№", "signing_date": "締結日", "title": "協定名", "partners": "相手方",
                   "areas": "連携事項", "department": "担当課", "validity": "有効期間", "amendments": "改定日",
                   "related": "関連文書", "issuer": "締結者"}


class AnnualColumn(_Strict):
    """One column of the annual overview: what it prints (`data:` from the agreement,
    or `field:`, the spec's own `agreement.fields`), its heading, and for a column of
    dates how they are written (`dates:` long 令和６年４月22日, short R6.4.22)."""
    data: Literal[ANNUAL_DATA] | None = None
    field: str | None = None
    heading: str | None = None        # default: the data's usual heading, or the field's name
    dates: Literal["long", "short"] | None = None    # default long; only for a column of dates
    amended: bool = False             # signing_date only: each amendment's date under it, （R2.4.1改定）

    def title(self) -> str:
        return self.heading if self.heading is not None else (ANNUAL_HEADINGS[self.data] if self.data else self.field)


def _default_columns() -> list[AnnualColumn]:
    return [AnnualColumn(data=d) for d in ("number", "signing_date", "title", "partners", "areas", "department",
                                           "validity")]


class AnnualStyle(_Strict):
    """The annual overview as the office keeps and publishes it (annual/)."""
    columns: list[AnnualColumn] = _default_columns()
    areas_mark: str = ""               # before each 連携事項 on its line: "" none, "・"
    web: Literal["table", "prose"] = "table"    # the HTML page: the table, or one sentence per agreement
    # the prose list's sentence; {title} {date} {partners} {issuer} {department}
    prose: str = "{title}を締結しました（{date}）"


# The widest label (em) after which an inline 記 item's text runs in.
RUN_IN_LABEL_EM = 5


class HouseStyle(_Strict):
    template_api: ClassVar[tuple[str, ...]] = ("word", "ki_mark", "ki_head", "ki_hang",   # methods templates
                                               "ki_runs_in", "item_hang")                 # may call (sandbox.py)
    set_by_loader: ClassVar[tuple[str, ...]] = ("source",)  # not a key a style file writes
    name: str
    article_sets: str = "articles.yaml"   # the standard articles, relative to the style file that names them
    fonts: dict[str, str]
    fallback_fonts: list[str] = []
    digits: Literal["mixed", "half", "full"] = "mixed"
    dates: Dates = Dates()
    times: Times = Times()
    page: Page
    wording: dict[str, str | float]
    colours: dict[str, str]
    typesetting: Typesetting = Typesetting()
    styles: dict[str, ParagraphStyle]
    agreement: AgreementStyle = AgreementStyle()
    notice: NoticeStyle = NoticeStyle()
    contacts: ContactStyle = ContactStyle()
    annual: AnnualStyle = AnnualStyle()
    source: str = ""

    def font_path(self, role: str) -> Path:
        return _resolve_font(self.fonts[role])

    def fallback_paths(self) -> list[Path]:
        return [_resolve_font(f) for f in self.fallback_fonts]

    def word(self, key: str) -> str:
        return str(self.wording[key])

    def ki_mark(self, number: int) -> str:
        """The marker of the 記 block's item `number` in the house's form (notice.ki_marker)."""
        return self.notice.ki_marker.replace("{number}", japanese.digits(number, self.digits))

    def ki_head(self, number: int, label: str) -> str:
        """What stands before an inline 記 item's text: its marker, its label and the gap."""
        mark = self.ki_mark(number)
        return (mark + "　" if mark else "") + label + self.notice.ki_label_gap

    def ki_hang(self, labels: list[str]) -> float | None:
        """Where the text of inline 記 items starts, in em: past the widest head of those
        that run in (ki_runs_in), so that their texts line up; None for labels on their
        own lines."""
        if self.notice.ki_label != "inline":
            return None
        heads = [japanese.em_width(self.ki_head(i, label)) for i, label in enumerate(labels, 1)
                 if japanese.em_width(label) <= RUN_IN_LABEL_EM]
        return max(heads) if heads else None

    def ki_runs_in(self, label: str, hang: float | None) -> bool:
        """Whether an item's text runs in after its label: inline labels, and a label short
        enough (日時, 出席予定) that the texts of all items need not start far right for
        it (連携協力する内容 and 報道機関の皆様へ keep their own line)."""
        return hang is not None and japanese.em_width(label) <= RUN_IN_LABEL_EM

    def item_hang(self, markers: list[str]) -> float:
        """Where an agreement item's text starts, in em from its marker: 3.5 for the
        default （１） whatever its digits (as it always stood), else one em past the
        widest of the paragraph's markers (⑴　○○法)."""
        if self.agreement.item_marker == "（{number}）":
            return 3.5
        return max(map(japanese.em_width, markers), default=1.0) + 1

    def fill(self, key: str, **values: str) -> str:
        """A wording with its placeholders ({label}) filled in by name, literally: never
        str.format, whose field syntax ({label:>300000000}, {0.__class__}) a house
        style must not be able to reach (the placeholders are checked on loading)."""
        text = self.word(key)
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text


# The wordings that have placeholders, and the names each may use.
PLACEHOLDERS = {"original_mark": {"label"}}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def placeholder_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    problems = []
    for key, allowed in PLACEHOLDERS.items():
        for found in _PLACEHOLDER.findall(str(style.wording.get(key, ""))):
            if found not in allowed:
                problems.append(Problem(name, line_of(lines, ("wording", key)), f"wording.{key}",
                                        f"{{{found}}} is not a placeholder of this wording; it may use"
                                        f" {', '.join('{' + a + '}' for a in sorted(allowed))}"))
    return problems


# The text area's geometry the writers share (writers/geometry.py), here so that a
# grid's cells can be measured where the style is read.
FRAME_PAD = 6.0                  # points the text stands inside each margin, each side
A4_WIDTH = 210 * 72 / 25.4       # points (the only page size: Page.size)


def _grid_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    """The grid's cells hold the body text's characters (writers/blocks.py sets one a
    cell): cells narrower than the characters would print them over each other."""
    grid = style.typesetting.grid
    sizes = [style.styles[s].size for s in ("body", "item") if s in style.styles]
    if grid is None or not sizes:
        return []
    mg = style.page.margins
    width = A4_WIDTH - (mg.left + mg.right) * 72 / 25.4 - 2 * FRAME_PAD
    size = max(sizes)
    if width / grid.chars >= size - 1e-6:
        return []
    return [Problem(name, line_of(lines, ("typesetting", "grid", "chars")), "typesetting.grid.chars",
                    f"{grid.chars} characters a line make the grid's cells {width / grid.chars:.1f}pt wide, narrower"
                    f" than the body text's {size:g}pt characters; at most {int(width // size + 1e-6)} fit a line")]


def _article_form_problems(ag: AgreementStyle, name: str, lines: dict) -> list[Problem]:
    """An article's heading line and lead may use {number} and {heading}, and between
    them must print both: an article without its number could not be referred to."""
    problems = []
    for key in ("article_heading", "article_lead"):
        for found in _PLACEHOLDER.findall(getattr(ag, key)):
            if found not in ("number", "heading"):
                problems.append(Problem(name, line_of(lines, ("agreement", key)), f"agreement.{key}",
                                        f"{{{found}}} is not a placeholder here; use {{number}} and {{heading}}"))
    for key in ("paragraph_lead", "item_marker"):
        value = getattr(ag, key)
        if key == "item_marker" and value == "⑴":
            continue
        wrong = [f for f in _PLACEHOLDER.findall(value) if f != "number"]
        if wrong or value.count("{number}") != 1:
            problems.append(Problem(name, line_of(lines, ("agreement", key)), f"agreement.{key}",
                                    f"{{number}} must appear once in {key}, and no other placeholder"
                                    + (" (or write ⑴ for items marked ⑴ ⑵ …)" if key == "item_marker" else "")))
    both = ag.article_heading + ag.article_lead
    for needed in ("{number}", "{heading}"):
        if both.count(needed) != 1:
            problems.append(Problem(name, line_of(lines, ("agreement", "article_heading")), "agreement.article_heading",
                                    f"{needed} must appear once in article_heading or article_lead"
                                    f" (found {both.count(needed)} times)"))
    return problems


def _notice_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    """The 記 item's marker may use {number} only; a heading word for a 記 block set
    without a heading would have no effect."""
    problems = [Problem(name, line_of(lines, ("notice", "ki_marker")), "notice.ki_marker",
                        f"{{{found}}} is not a placeholder here; use {{number}} (the item's number)")
                for found in _PLACEHOLDER.findall(style.notice.ki_marker) if found != "number"]
    if style.notice.ki_label == "line" and ("notice", "ki_label_gap") in lines:
        problems.append(Problem(name, lines[("notice", "ki_label_gap")], "notice.ki_label_gap",
                                "the gap follows an inline label (ki_label: inline); with the label on its"
                                " own line it would have no effect"))
    if style.notice.ki_heading == "none" and ("wording", "ki") in lines:
        problems.append(Problem(name, lines[("wording", "ki")], "wording.ki",
                                "notice.ki_heading is none, so the 記 block prints no heading and this word would"
                                " have no effect: remove one"))
    return problems


def _blank_date_problems(style: HouseStyle, name: str, lines: dict) -> list[Problem]:
    """A draft's open date is the house's blank_date, and a year kept in it is written
    in the agreement's calendar: a blank date that names an era would print 令和 in an
    agreement dated in the western calendar."""
    blank = style.word("blank_date")
    if style.agreement.calendar != "western" or not blank.startswith(tuple(e for e, _ in japanese.ERAS)):
        return []
    return [Problem(name, line_of(lines, ("agreement", "calendar")), "agreement.calendar",
                    f"the agreement's dates are western, and a draft's open date (wording: blank_date) is"
                    f" 「{blank}」, with an era: write wording: {{blank_date: 　　　　年　　月　　日}}")]


PROSE_PLACEHOLDERS = ("title", "date", "partners", "issuer", "department")


def _annual_problems(an: AnnualStyle, name: str, lines: dict) -> list[Problem]:
    """A column prints one thing; a key that would have no effect is an error."""
    problems = []

    def at(key: tuple, message: str):
        problems.append(Problem(name, line_of(lines, ("annual", *key)), dotted(("annual", *key)), message))
    if not an.columns:
        at(("columns",), "the annual overview needs at least one column")
    for i, col in enumerate(an.columns):
        if (col.data is None) == (col.field is None):
            at(("columns", i), "a column prints either data: (from the agreement) or field: (the spec's"
                               " agreement.fields), exactly one of them")
        elif col.dates is not None and col.data not in ANNUAL_DATE_DATA:
            what = f"data: {col.data}" if col.data else f"field: {col.field}"
            at(("columns", i, "dates"), f"the column {what} holds no dates, so dates: would have no effect"
                                        f" (columns of dates: {', '.join(ANNUAL_DATE_DATA)})")
        if col.amended and col.data != "signing_date":
            at(("columns", i, "amended"), "amended: prints the amendments under the signing date; only a"
                                          " column of data: signing_date has it (or use data: amendments)")
        if col.field is not None and not col.field.strip():
            at(("columns", i, "field"), "a field's name cannot be empty")
    heads = [c.title() for c in an.columns if (c.data is None) != (c.field is None)]
    for head in sorted({h for h in heads if heads.count(h) > 1}):
        at(("columns",), f"two columns are headed {head}; give each its own heading:")
    if an.areas_mark and not any(c.data == "areas" for c in an.columns):
        at(("areas_mark",), "no column prints data: areas, so areas_mark would have no effect")
    for found in _PLACEHOLDER.findall(an.prose):
        if found not in PROSE_PLACEHOLDERS:
            at(("prose",), f"{{{found}}} is not a placeholder of the prose list; it may use"
                           f" {', '.join('{' + p + '}' for p in PROSE_PLACEHOLDERS)}")
    # written in the office's own file, and not the default's own value (a copy of the whole default style)
    if an.web != "prose" and ("annual", "prose") in lines and an.prose != AnnualStyle().prose:
        at(("prose",), "web: is not prose, so prose: would have no effect (write web: prose)")
    return problems


@lru_cache(maxsize=256)           # asked for each role several times a document
def _resolve_font(name: str) -> Path:
    p = Path(name)
    return p if p.is_absolute() else FONTS / p


def load_style(path: Path | str | None = None) -> HouseStyle:
    """The default house style, with `path` (if given) laid over it. Cached while
    the files are unchanged: a batch would otherwise parse them again for every spec."""
    return _load_cached(None if path is None else str(path), _stamp(DEFAULT_STYLE), _stamp(path))


def _stamp(path) -> tuple | None:
    try:
        st = Path(path).stat()
        return st.st_mtime_ns, st.st_size
    except (OSError, TypeError):
        return None


class StyleFileError(InputError):
    """The style file as a whole cannot be used: it is missing, special, too big or
    not a house style at all. `reason` completes "the house style FILE …", so that a
    spec's `style:` can report it at its own line."""

    def __init__(self, path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__([Problem(str(path), None, "", f"the file {reason}")])


# A spec can point `style:` at any file, and a file that is not a style must not be
# echoed back key by key (it printed /etc/shadow): it is refused as a whole.
STYLE_KEYS = frozenset(HouseStyle.model_fields) - set(HouseStyle.set_by_loader)
_STYLE_KEY_LINE = re.compile(rb"^(?:%s)[ \t]*:" % b"|".join(k.encode() for k in sorted(STYLE_KEYS)), re.M)
NOT_A_STYLE = ("is not a house style (a YAML file of keys such as name:, fonts:, styles:,"
               " like templates/house-style.yaml); its content is not shown")


def _read_office_style(path: Path) -> tuple[dict, dict]:
    """An office's style file: its data and lines, or StyleFileError."""
    try:
        raw = read_regular_file(path, MAX_BYTES, "house style")
    except FileRefused as exc:
        raise StyleFileError(path, exc.reason) from None
    try:
        data, lines = parse_yaml(path, raw)
    except InputError:
        # A style with a typo gets the parser's messages; any other file, one line.
        if not _STYLE_KEY_LINE.search(raw):
            raise StyleFileError(path, NOT_A_STYLE) from None
        raise
    if not isinstance(data, dict) or not STYLE_KEYS.intersection(data):
        raise StyleFileError(path, NOT_A_STYLE)
    return data, lines


@lru_cache(maxsize=32)
def _load_cached(path: str | None, *_stamps) -> HouseStyle:
    base, lines = load_yaml(DEFAULT_STYLE, "house style")     # its lines: the default's own mistakes
    name = str(DEFAULT_STYLE)
    if path is not None:
        name = str(path)
        extra, lines = _read_office_style(Path(path))
        base = _overlay(base, extra)
    # The standard articles file is relative to the style file that names it.
    named_by = Path(path) if path is not None and isinstance(extra, dict) and "article_sets" in extra else DEFAULT_STYLE
    if isinstance(base.get("article_sets", "articles.yaml"), str):
        base["article_sets"] = str(named_by.parent / base.get("article_sets", "articles.yaml"))
    if "source" in base:            # what the loader sets: a file that writes it would not be heeded
        raise InputError([Problem(name, line_of(lines, ("source",)), "source",
                                  "unknown key 'source': a style's source is the file it is read from")])
    base["source"] = name
    if "western_year" in base:      # the key before dates: had its section
        was = base.pop("western_year")
        raise InputError([Problem(name, line_of(lines, ("western_year",)), "western_year",
                                  "western_year has moved: write dates: {calendar: "
                                  + ("era_western}" if was is not False else "era}")
                                  + " (era_western: 令和６年（2024年）; era: 令和６年; western: 2024年)")])
    try:
        style = HouseStyle.model_validate(base)
    except ValidationError as exc:
        from .schema_messages import problems_of
        raise InputError(problems_of(exc, name, lines, root=HouseStyle)) from None
    problems = []
    for key, st in style.styles.items():
        if st.font not in style.fonts:
            problems.append(Problem(name, line_of(lines, ("styles", key, "font")), f"styles.{key}.font",
                                    f"font role '{st.font}' is not one of fonts: {', '.join(style.fonts)}"))
    fonts = [(("fonts", role), style.font_path(role)) for role in style.fonts]
    fonts += [(("fallback_fonts", i), path) for i, path in enumerate(style.fallback_paths())]
    for key, font in fonts:
        trouble = font_trouble(font)
        if trouble:
            problems.append(Problem(name, line_of(lines, key), dotted(key), trouble))
    problems += placeholder_problems(style, name, lines)
    problems += _article_form_problems(style.agreement, name, lines)
    problems += _blank_date_problems(style, name, lines)
    problems += _notice_problems(style, name, lines)
    if style.times.notation == "colon" and not style.times.zero_minutes:
        problems.append(Problem(name, line_of(lines, ("times", "zero_minutes")), "times.zero_minutes",
                                "zero_minutes: false has no effect with notation: colon, which always writes"
                                " the minutes (17:00): remove one"))
    problems += _annual_problems(style.annual, name, lines)
    problems += _grid_problems(style, name, lines)
    if problems:
        raise InputError(problems)
    return style


def font_trouble(path: Path) -> str | None:
    """Why a font file cannot be used, as far as its path tells (fonts/registry.py reads it)."""
    try:
        check_regular(path, "font file")
    except FileRefused as exc:
        return f"font file not found: {path}" if exc.reason == "does not exist" else str(exc)
    return None


def _overlay(base: dict, extra: dict) -> dict:
    out = dict(base)
    for k, v in extra.items():
        out[k] = _overlay(base[k], v) if isinstance(v, dict) and isinstance(base.get(k), dict) else v
    return out
