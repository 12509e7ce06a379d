"""The house style's model: fonts, sizes, margins, colours, digit style, fixed
wording, and the forms of dates, times, the 記 block, contacts, agreements and the
annual book, each a section of its own; and the few methods templates may call
(template_api). style.py reads a style file into it; style_checks.py checks what
one section's keys say beside another's."""
# No `from __future__ import annotations` here: each field's annotation would be
# compiled and evaluated from its text as the models are made.

from functools import lru_cache
from pathlib import Path
from typing import ClassVar, Literal

from .. import japanese
from .strict import Model, field_validator, model_validator

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


def spread_width(width: int | None) -> int | None:
    """A width (em) to set text across (均等割付): two characters' at the least, and no
    wider than a line of large text."""
    if width is not None and not 2 <= width <= 20:
        raise ValueError(f"a width of {width} em to set text across: 2 to 20 em")
    return width


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
    weekday: Literal["short", "long", "medium", "none"] = "short"       # （火） / （火曜日） / （火曜） / none
    event_year: bool = True        # false: ２月27日（火） when the year is the issue date's
    # the date of issue at the top of a notice in a form of its own, where the office
    # dates its releases otherwise than the rest (公開日 2018年４月17日 beside era dates);
    # iso: 2018-12-05, as a news page dates its news (no era, no weekday, always two-digit
    # month and day, half-width whatever the house's digits); null: calendar and weekday
    issue_calendar: Literal["era_western", "era", "western", "iso"] | None = None
    issue_weekday: Literal["short", "long", "medium", "none"] | None = None
    issue_two_digits: bool = False  # its month and day in two digits: 2025年07月10日 (鳥取県)


class Times(_Strict):
    """How the house writes times (japanese.format_time_span)."""
    clock: Literal["24h", "12h"] = "24h"       # 14時30分 / 午後２時30分
    zero_minutes: bool = True                  # 11時00分; false: 11時
    span: Literal["～", "から"] = "～"          # 11時00分～11時30分, 11時00分～ / 15時から16時まで, 15時から
    notation: Literal["kanji", "colon"] = "kanji"  # 14時30分 / 14:30 (always with its minutes)
    # what follows a start time given without its end: null, the span's mark (11時00分～,
    # 15時から); "" nothing (午後２時30分); a word: "開会" → 10:00開会
    after_start: str | None = None


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
    # the items' digits where they differ from the articles' (numbering_digits): half
    # writes (1) (2) beside 第１条, as 消防庁's model does; default: the articles'
    item_digits: Literal["mixed", "half", "full"] | None = None
    # 2: two A4 pages side by side on an A3 sheet, folded in half (no page join to seal
    # across), as some offices print an agreement (writers/sheet.py); the DOCX keeps A4
    pages_per_sheet: Literal[1, 2] = 1
    # the signature blocks one under another (1, default: up to six parties) or two a row
    # (2: 仙台市長 beside 山形市長, as some offices set two parties); seven or more always two
    signature_columns: Literal[1, 2] = 1
    # where a block's label (甲) stands: first, on its first line (the address's); organisation:
    # on the organisation's first line, or the title's where it has none (甲　横瀬町 under the address)
    block_label_line: Literal["first", "organisation"] = "first"
    # beside: a column for the seal (印) at each block's right; under: under the block's last
    # line at its right, the lines taking the seal's column (an address on one line, 三鷹市)
    seal_place: Literal["beside", "under"] = "beside"
    # the share of the text width before the signature blocks' labels (one column): less
    # sets them further left and their lines wider, so that an address or a long name
    # stands on one line as the signed copy sets it (世田谷区: 0.1)
    signature_indent: float = 0.3
    # a chapter's heading line ({number}: 第１章) and how far it is set in (em), as laws set
    # a chapter's name three characters in
    chapter_heading: str = "{number}　{heading}"
    chapter_indent: float = 3
    # a signature block's lines narrower than this many em set across it (均等割付), by
    # the line's kind: {title: 5} → 理　事　長 as wide as 大和市長 spread; {} (default): as written
    signature_spread: dict[Literal["organisation", "title", "name"], int] = {}
    # a title of one line narrower than this many em set across it: 3 → 覚　書, 5 → 協　定　書
    title_spread: int | None = None

    @field_validator("chapter_indent")
    @classmethod
    def _chapter_indent(cls, indent):
        if not 0 <= indent <= 10:
            raise ValueError(f"a chapter heading set in by {indent:g} em: 0 to 10 em")
        return indent

    @field_validator("title_spread")
    @classmethod
    def _title_width(cls, width):
        return spread_width(width)

    @field_validator("signature_indent")
    @classmethod
    def _indent_share(cls, share):
        if not 0 <= share <= 0.3:
            raise ValueError(f"{share} is not a share of the text width from 0 (the blocks at the margin) to 0.3"
                             " (the default)")
        return share

    @field_validator("signature_spread")
    @classmethod
    def _line_widths(cls, widths):
        for width in widths.values():
            spread_width(width)
        return widths

    @model_validator(mode="after")
    def _a_name_line_to_label(self):
        if self.name_line == "with_title" and "name" in self.signature_labels:
            raise ValueError("name_line: with_title sets the name on the title's line, so there is no name"
                             " line for signature_labels.name to label: remove one")
        return self


class ContactStyle(_Strict):
    """How the house writes a contact's lines (contact.xml.j2, every document kind):
    what stands between a label (電話, 直通, FAX, E-mail: wording) and its value, where
    a phone's kind (直通, 代表) stands, and which numbers share a line, parted how."""
    label_gap: str = "　"        # 電話　0152-…; ":" TEL:0152-…; ": " TEL: 0152-…
    phone_kind: Literal["label", "after"] = "label"   # 直通　0152-…; after: 電話　0152-…（直通）
    # each: a line per phone, the FAX after the last; one: every phone and the FAX on one
    # line (代表:03-3581-3351　直通:03-5521-8248)
    phone_lines: Literal["each", "one"] = "each"
    number_gap: str = "　"       # between numbers on one line: " / " → TEL:… / FAX:…
    # own: the person (title and name) on a line of their own under the department;
    # with_department: on the department's line (宗谷森林管理署　流域管理調整官　安藤), as
    # some offices set a contact of one person (content/contacts.py refuses a second)
    person_line: Literal["own", "with_department"] = "own"


class NoticeStyle(_Strict):
    """How the house sets a press notice's head and its 記 block: where its heading
    (wording: ki) stands, and each item's marker. Releases of universities and
    companies often set ■締結式概要 or 【協定調印式】 at the left, or no heading, and
    items marked （１）, ◯ or not at all."""
    # the date of issue above the header line, as a letter dates it (令和８年２月26日 /
    # 報道機関各位 / the office under them), not under it (default): every notice of the
    # house has a header line then (a notice without one is refused, content/notice.py)
    date_above_header: bool = False
    ki_heading: Literal["center", "left", "none"] = "center"   # 記 centred; left: at the left; none: no heading
    ki_marker: str = "{number}"     # １　日時 in the house's digits; "（{number}）"; "◯"; "": the label alone
    # line: the label on its line, the item's text under it; inline: the text after the
    # label on its line (１　日時　令和６年…), every item's text starting where the
    # widest label's ends
    ki_label: Literal["line", "inline"] = "line"
    ki_label_gap: str = "　"        # after an inline label: "：" → 日時：令和６年…
    # the 次第 (ceremony.agenda): joined on one line (出席者紹介、協定書への署名、…) or a
    # numbered list, a step a line (（１）開会 / （２）協定書署名 …)
    agenda: Literal["joined", "numbered"] = "joined"
    # a numbered 次第's step marker, in the form of agreement.item_marker: （１） (default),
    # "{number}." → １. 開式 (大阪市中央区), "⑴" → ⑴ ⑵ … as one character each
    agenda_marker: str = "（{number}）"
    # the number before the heading of each of a notice's own sections (press_notice.sections),
    # in the order printed: "{number}." → 1.基本協定の主な内容, 2.建設予定施設の概要 (a company's
    # release); "" (default): the headings as written
    section_marker: str = ""
    # the venue's address in brackets after it (default: 会議室（網走市北７条西３丁目）), on a
    # line of its own under it (line), or on that line still in （） (line_brackets:
    # 旧岩崎邸庭園… / （東京都台東区…）), as some offices set it
    venue_address: Literal["brackets", "line", "line_brackets"] = "brackets"
    venue_address_label: str = ""   # before the address, where it is set: 住所： → （住所：江別市…）
    # 締結者: title then name (三浦市　市長 | 吉田　英男), or the name first, the organisation
    # in （） before it ((三浦市) | 吉田　英男　市長), as some releases list them
    signer_order: Literal["title_name", "name_title"] = "title_name"
    # the ceremony's duration_note in （） after the time (default: 11時00分～（30分程度）) or
    # run on after a start that ends in から, without them (plain: 16:30から30分程度)
    duration_note: Literal["brackets", "plain"] = "brackets"
    # the 日程 (ceremony.schedule): a table, time | item | place (default), or a line a row,
    # time　item　place (lines: 17:10～17:15　記念撮影　【洋館東側】), as 文化庁 sets it
    schedule: Literal["table", "lines"] = "table"
    # a schedule row's place wherever it is printed (the table's cell, a line, under the
    # date), {place} standing for it: "【{place}】" → 【旧岩崎邸庭園洋館東側】
    schedule_place: str = "{place}"
    # people a row each (people items, groups, 締結者, under a step of the 次第): titles
    # right-aligned in a column, names in another (columns); title and name one run a
    # line at the item's text margin (run: 学長　久保　康之); all on one line, the house's
    # comma between them (joined: 大府市長　岡村秀人、…); or organisation, title and name
    # each in a column of its own, flush left (tabulated: 双葉郡　浪江町 | 町　　長 | 吉田　栄光)
    people: Literal["columns", "run", "joined", "tabulated"] = "columns"
    # before each person's line, run or tabulated (・ → ・双葉郡　浪江町…, as 浪江町 marks its
    # signers); "" none; an error with columns or joined (it would have no effect)
    people_mark: str = ""
    # tabulated: titles narrower than this many em set across it (4 → 町　　長 as wide as 常務理事)
    people_title_spread: int | None = None
    # a 記 list's marker (（１）; "({number})" → (1) with list_digits: half; "⑴"), the text
    # straight after the widest, and its digits where not the house's (digits)
    list_marker: str = "（{number}）"
    list_digits: Literal["mixed", "half", "full"] | None = None
    # labels narrower than this many em set across it (均等割付: 3 → 日　時, 場　所, 出席者),
    # as many offices align them; null: as written
    ki_label_spread: int | None = None
    # the contacts in boxes at the foot (default), or the one contact on a line at the
    # top, under the date and the issuer: its role, department and number in （）
    # (問合せ先：中央区役所　総務課（06-6267-9683）), as 大阪市 sets it; what that line
    # cannot print (a second contact, a FAX number) is refused (content/contacts.py)
    contacts_at: Literal["foot", "top"] = "foot"

    @field_validator("ki_label_spread", "people_title_spread")
    @classmethod
    def _spread_width(cls, width):
        return spread_width(width)


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


class HouseStyle(_Strict):
    template_api: ClassVar[tuple[str, ...]] = ("word", "item_hang")   # the methods templates may call (sandbox.py)
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


@lru_cache(maxsize=256)           # asked for each role several times a document
def _resolve_font(name: str) -> Path:
    p = Path(name)
    return p if p.is_absolute() else FONTS / p


# The text area's geometry the writers share (writers/geometry.py), here so that a
# grid's cells can be measured where the style is read.
FRAME_PAD = 6.0                  # points the text stands inside each margin, each side
A4_WIDTH = 210 * 72 / 25.4       # points (the only page size: Page.size)
