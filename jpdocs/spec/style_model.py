"""The house style's model: fonts, sizes, margins, colours, digit style, fixed
wording, and the forms of dates, times, the 記 block, contacts, agreements and the
annual book, each a section of its own; and the few methods templates may call
(template_api). style.py reads a style file into it; style_checks.py checks what
one section's keys say beside another's."""
from __future__ import annotations
# The annotations are kept as text (above), evaluated at each model's first use:
# strict/model.py's _build.

from functools import lru_cache
from pathlib import Path
from typing import ClassVar, Literal

from .. import japanese
from ..enumeration import is_kanji_item_marker
from .agreement_style import AgreementStyle, StyleModel, spread_width  # noqa: F401 (style.py's names)
from .strict import field_validator, model_validator

ROOT = Path(__file__).resolve().parents[2]
# the marks a 記 list's entries may take instead of numbers (notice.list_marker: •), the
# marks its entries' bullets take (notice.list_bullet)
LIST_MARKS = ("・", "•", "○", "◯", "●", "◆", "■", "－")
TEMPLATES = ROOT / "templates"
FONTS = ROOT / "fonts"
DEFAULT_STYLE = TEMPLATES / "house-style.yaml"


# Sizes a paragraph style may set (points): what can be read on paper, and no page-sized
# letters; a size of 0 or less stopped the writers with an internal error.
SIZES = (5.0, 100.0)
# What the margins leave of the page's shorter side (A4: 210 mm; the overview sheet is
# landscape) for the text, at least (mm): negative margins stopped the DOCX writer.
TEXT_AT_LEAST = 50.0


class ParagraphStyle(StyleModel):
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


class Margins(StyleModel):
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


class Page(StyleModel):
    size: Literal["A4"] = "A4"
    margins: Margins
    margins_by_kind: dict[str, Margins] = {}   # e.g. agreement: wider, room for 契印

    def margins_for(self, kind: str) -> Margins:
        return self.margins_by_kind.get(kind, self.margins)


class Grid(StyleModel):
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


class Typesetting(StyleModel):
    hanging_punctuation: bool = True
    compress_punctuation: bool = True
    latin_spacing: bool = True
    grid: Grid | None = None


class Dates(StyleModel):
    """How the house writes dates (japanese.date_in): the calendar, the weekday, and
    whether the dates of the event (the ceremony, the request's deadline) keep their
    year when it is the issue date's."""
    calendar: Literal["era_western", "era", "western"] = "era_western"   # 令和６年（2024年） / 令和６年 / 2024年
    weekday: Literal["short", "long", "medium", "long_plain", "none"] = "short"   # （火） / （火曜日） / （火曜） / 火曜日 / none
    event_year: bool = True        # false: ２月27日（火） when the year is the issue date's
    # the date of issue at the top of a notice in a form of its own, where the office
    # dates its releases otherwise than the rest (公開日 2018年４月17日 beside era dates);
    # iso: 2018-12-05, as a news page dates its news (no era, no weekday, always two-digit
    # month and day, half-width whatever the house's digits); null: calendar and weekday
    # dots: 2010.03.30, as 物質・材料研究機構 dates its releases (the same, two-digit month
    # and day, half-width; no era, no weekday); slashes: 2017/04/12, as 長崎青年会議所
    # dates its pages (the same again); dots_short_year: 16.11.04, as 鹿児島大学 dates its
    # topics (dots, the year in its last two digits); dots_era_year: 05.11.07, as 大分県信用組合
    # dates its news (dots, the era's year in two digits, no era name: 令和5年11月7日)
    issue_calendar: Literal["era_western", "era", "western", "iso", "dots", "slashes", "dots_short_year",
                            "dots_era_year"] | None = None
    issue_weekday: Literal["short", "long", "medium", "long_plain", "none"] | None = None
    issue_two_digits: bool = False  # its month and day in two digits: 2025年07月10日 (鳥取県)
    # a one-digit month or day of it padded to two places with a half-width space (2016年12月 8日,
    # 兵庫教育大学's topics: set as a gap as wide, no space character) or a full-width one
    # (2016年12月　８日); null: none
    issue_pad: Literal[" ", "\u3000"] | None = None
    # false: the date of issue without its year (９月27日), as 調布市 titles its 発表 pages
    # (（9月27日発表）…, notice.date_place: before_title); every other date keeps its year
    issue_year: bool = True


class Times(StyleModel):
    """How the house writes times (japanese.format_time_span)."""
    clock: Literal["24h", "12h"] = "24h"       # 14時30分 / 午後２時30分
    zero_minutes: bool = True                  # 11時00分; false: 11時
    # false: the minutes as the number they are, in the house's digits (14時０分, 13時５分 under
    # mixed digits; 14時0分 under half), as 大阪府's releases write the hour of release
    # (提供時間　14時0分); default: two digits, 14時00分, 13時05分
    pad_minutes: bool = True
    span: Literal["～", "から"] = "～"          # 11時00分～11時30分, 11時00分～ / 15時から16時まで, 15時から
    notation: Literal["kanji", "colon"] = "kanji"  # 14時30分 / 14:30 (always with its minutes)
    # what follows a start time given without its end: null, the span's mark (11時00分～,
    # 15時から); "" nothing (午後２時30分); a word: "開会" → 10:00開会
    after_start: str | None = None
    # the word after the end of a から span: まで (15時から16時まで), or "" none, as
    # 麗澤大学's release writes 13時30分から14時30分 (with span: から only: style_checks)
    until: Literal["まで", ""] = "まで"
    # with clock: 12h, 午前/午後 before a span's end: changed, only where it changes
    # (午後２時～３時); always, every end (午後2時から午後3時, as 物質・材料研究機構 writes it)
    end_period: Literal["changed", "always"] = "changed"


class ContactStyle(StyleModel):
    """How the house writes a contact's lines (contact.xml.j2, every document kind):
    what stands between a label (電話, 直通, FAX, E-mail: wording) and its value, where
    a phone's kind (直通, 代表) stands, and which numbers share a line, parted how."""
    label_gap: str = "　"        # 電話　0152-…; ":" TEL:0152-…; ": " TEL: 0152-…
    # 直通　0152-…; after: 電話　0152-…（直通）; brackets: （直通）0152-…, the kind in （） straight
    # before the number, as 財務省 writes (代表)03(3581)4111(内線2291)
    phone_kind: Literal["label", "after", "brackets"] = "label"
    # each: a line per phone, the FAX after the last; one: every phone and the FAX on one
    # line (代表:03-3581-3351　直通:03-5521-8248)
    phone_lines: Literal["each", "one"] = "each"
    number_gap: str = "　"       # between numbers on one line: " / " → TEL:… / FAX:…
    # own: the person (title and name) on a line of their own under the department;
    # with_department: on the department's line (宗谷森林管理署　流域管理調整官　安藤), as
    # some offices set a contact of one person (content/contacts.py refuses a second)
    person_line: Literal["own", "with_department"] = "own"
    # beside (default): a box's role in the box's label column (問合せ先 | the contact);
    # above: on a line of its own over the box, as written, the box without a label
    # column (【この件に関するメディアの方のお問い合わせ先】 over it, as 四国学院大学 sets it)
    role_place: Literal["beside", "above"] = "beside"
    # a phone's 内線: bracketed after the number (default: 電話　0152-41-0631（内線2345）), or
    # labelled: a number of its own after the phone's, the number_gap before it and the
    # label_gap after 内線, as 広島市 writes 電話:504-2814 内線:2290
    extension: Literal["bracketed", "labelled"] = "bracketed"
    # a contact's line after the text (notice.contacts_at: foot_line): the phone in （）
    # after its label (bracketed, default: 【照会先】…課（電話:082(502)7831）), or spaced: the
    # role, the department and the phone parted by a full-width space, the phone its label
    # and the number, its 内線 after it as `extension` sets it, as 柳井市 ends its 広報's
    # articles (●問い合わせ　危機管理室　電話(22)2111　内線431); an error with another contacts_at
    foot_line_phone: Literal["bracketed", "spaced"] = "bracketed"
    # the parts of a contact set on a line of their own rather than beside the next:
    # postal_code: 〒989-6188 above the address (default: 〒093-8585　北見市…); fax: the FAX
    # number under the phones (default: after the last phone, on its line), as 大崎市
    # writes 〒989-6188 / 大崎市古川七日町1-1… / 電話番号:… / ファクス:…; extension: a labelled
    # 内線 under its phone (extension: labelled, phone_lines: each only); name: the contact's
    # name after its name_label (担当者:里道) not on the department's line but last, under
    # the numbers, as 福岡県 heads its releases (担当課 / 直通 / 内線 / 担当者)
    own_lines: list[Literal["postal_code", "fax", "extension", "name"]] = []
    # where own_lines' name stands: last, under the numbers (default, 福岡県), or
    # under_department: straight under the department, above the address and the numbers,
    # as 総務省 sets its contacts (統計局総務課 / 担当:阿久津課長補佐、… / 電話:03-…)
    name_line: Literal["last", "under_department"] = "last"
    # the postal code and address under the department and its people, set in with the
    # numbers (under, default), or above: the contact's first lines, over the department
    # at its margin (〒039-2492　青森県… / 企画課（本庁舎） / Tel : …, as 東北町 sets it)
    address_place: Literal["under", "above"] = "under"


class NoticeStyle(StyleModel):
    """How the house sets a press notice's head and its 記 block: where its heading
    (wording: ki) stands, and each item's marker. Releases of universities and
    companies often set ■締結式概要 or 【協定調印式】 at the left, or no heading, and
    items marked （１）, ◯ or not at all."""
    # the date of issue above the header line, as a letter dates it (令和８年２月26日 /
    # 報道機関各位 / the office under them), not under it (default): every notice of the
    # house has a header line then (a notice without one is refused, content/notice.py)
    date_above_header: bool = False
    # where the date line stands: in the head (default: under the header line, or above it
    # with date_above_header), under the title (a page's 知事通信「…」 / 平成27年3月19日, as
    # 大分県 dates its reports), or at the foot after everything else (更新日：… at the end
    # of a city's page); only the date moves, the offices under it keep the head. Beside
    # date_above_header: true an error (that key sets the date in the head, above the header)
    # before_title: at the start of the title's line, before the subject, in the title's
    # type, its prefix and suffix with it (（9月27日発表）重大な…, as 調布市 titles its pages;
    # [05.11.07]大分県漁業…, as 大分県信用組合 heads its news); after_title: at its end, after
    # the subject, a full-width space between (北斗市と連携協定を締結いたしました　2015.06.23, as
    # 函館高専's topics); date_align beside either an error (no line of its own to align)
    date_place: Literal["head", "under_title", "foot", "before_title", "after_title"] = "head"
    # the issuing offices (and the issuer label) in the head, under the date there (default),
    # or with_date: on the lines under the date where date_place sets it under the title or
    # at the foot (東京東信用金庫's news: the title, 2020年４月８日, 東京東信用金庫), or
    # date_line: on the date's line, after it and a full-width space, wherever that line
    # stands (平成26年9月12日　水道局, as 東京都水道局 heads its プレス発表); beside a date with no
    # line of its own (date_place: before_title, after_title; head_form: label_table) an error;
    # or under_title: on the lines under the title and its subtitle while the date keeps the
    # head (平成30年03月28日, the title, then 関東地方整備局 / 企画部, as 関東地方整備局 sets its
    # 記者発表資料); beside date_place: under_title an error (with_date sets them there)
    office_place: Literal["head", "with_date", "date_line", "under_title"] = "head"
    # where the header line stands: in the head (default, above the title) or on the line
    # under the title and its subtitle (a blog's entry title, then the release's own
    # ＜林務部プレスリリース＞, as 長野県's 林務部 blog keeps its releases); only the header
    # moves. Beside date_above_header: true an error (that key sets the date above it, in
    # the head)
    header_place: Literal["head", "under_title"] = "head"
    # where the site's category (press_notice.category_line) stands: the notice's first
    # line, at the left (default: お知らせ over everything), or under_date: on the line
    # under the date of issue wherever that line stands, set as the date is (2010年04月23日
    # / 社会・環境, as ファミリーマート dates its news; under the title, 2017.10.25 / 地域, as
    # 弘前大学's topics). Beside a date with no line of its own (date_place: before_title,
    # after_title; head_form: label_table) an error; a notice without a date of issue
    # (issue_date: none) and a category is refused (content/notice.py)
    category_place: Literal["first", "under_date"] = "first"
    # the date line at the right (default, as a letter dates it) or at the left, wherever it
    # stands (大分県's 知事通信 sets 平成27年3月19日 at the left under its title)
    date_align: Literal["right", "left"] = "right"
    # what stands between the date of issue and the spec's date_suffix: a full-width
    # space (default: ２月16日（金）　配布) or nothing (2018年10月9日更新, as 上尾市; ［…］
    # with a bracket as the prefix and the suffix, as 茂原市). No half-width space: beside
    # Japanese it breaks the house's typesetting (jpcheck's ascii-space), and after Latin
    # digits (2019.06.05 プレスリリース, 四国学院大学) typesetting.latin_spacing sets the gap
    date_suffix_gap: Literal["　", ""] = "　"
    # where the spec's date_prefix stands: on the date's line, before the date (default:
    # 公開日：令和６年…), or own: on a line of its own over it (発表日 / 令和6年5月10日, as
    # 海上保安庁's 報道発表 page sets them); beside a date with no line of its own (date_place:
    # before_title, after_title) or in the head's table (head_form: label_table) an error
    date_prefix_line: Literal["with_date", "own"] = "with_date"
    # what stands between the ceremony's date and its time in the 記 block's 日時 item and on
    # the event line: a full-width space (default, the seed's ２月27日（火）　11時00分～) or
    # nothing (令和元年6月7日（金曜日）午前10時～, as most offices' pages write it; the
    # weekday's bracket already holds the two apart). Same two choices as date_suffix_gap
    date_time_gap: Literal["　", ""] = "　"
    # true: a paragraph of the notice's own sections (press_notice.sections) that begins
    # with a mark (・, ●, ※ and the spaces after it) has its later lines hang under its
    # text, as the 記 block's text always has (物質・材料研究機構's 概要 in bullets)
    section_mark_hang: bool = False
    # true: a paragraph of those sections that begins with a number ((1), （１）, ⑴, １　,
    # ア　 and the spaces after it) has its later lines hang under its text, as 島根県 sets
    # the points of 覚書の概要; most pages set them as any paragraph, later lines at the margin
    section_number_hang: bool = False
    # a section's parts (sections[].parts): indented, each subheading one em in and its
    # paragraphs one em further in than the section's own; margin, each subheading at the
    # section's margin over paragraphs set as the section's own, as 原村 quotes 第2条(…)
    # over its text
    section_parts: Literal["indented", "margin"] = "indented"
    ki_heading: Literal["center", "left", "none"] = "center"   # 記 centred; left: at the left; none: no heading
    ki_marker: str = "{number}"     # １　日時 in the house's digits; "（{number}）"; "⑴" → ⑴ ⑵ ⑶; "◯"; "": the label alone
    # line: the label on its line, the item's text under it; inline: the text after the
    # label on its line (１　日時　令和６年…), every item's text starting where the
    # widest label's ends
    ki_label: Literal["line", "inline"] = "line"
    ki_label_gap: str = "　"        # after an inline label: "：" → 日時：令和６年…
    # with inline labels, whether a label that keeps its line over its text (a list, people,
    # a long label) keeps the gap after it where the gap prints: true, ４．次第： over its
    # steps, as 摂南大学 writes it; false, the label alone, 3. 内容 over its entries, as
    # 九州経済産業局 writes it; false is an error with ki_label: line or a gap of spaces
    # (no effect)
    ki_label_line_gap: bool = True
    # with inline labels, where each item's text starts: past the widest label, every text
    # at one x (widest), or straight after its own label, a wrapped line under its own
    # text's start (own: (1) 日時:平成17年… / (2) 場所:国土交通省…, as 静岡県建設業協会 sets
    # them); an error with ki_label: line (no effect)
    ki_label_align: Literal["widest", "own"] = "widest"
    # with inline labels, an item of people (people:, groups:, the 締結者): its first line
    # after its label as any item's text (inline), or the label on a line of its own over
    # its people (line: 【出席者】 / ＜株式会社　長崎新聞社＞ / …, as 長崎国際大学 sets it);
    # an error with ki_label: line (no effect)
    ki_people_label: Literal["inline", "line"] = "inline"
    # the 記 items' markers' digits where not the house's (digits): half → 1 日時 among
    # full-width numbers elsewhere; an error with a marker without {number} (no digits)
    ki_digits: Literal["mixed", "half", "full"] | None = None
    # em between a 記 item's marker and its label where the label has its line (ki_label:
    # line): null, one em (１　日時); 0.5 → 1 日時, half-width, as 大阪府 numbers its items;
    # an error with no marker (ki_marker: "") or inline labels (marker and label one run)
    ki_marker_gap: float | None = None
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
    # above: on a line of its own over the venue (福岡県北九州市… / 九州地方整備局関門航路事務所…,
    # as 九州地方整備局 sets it)
    venue_address: Literal["brackets", "line", "line_brackets", "above"] = "brackets"
    venue_address_label: str = ""   # before the address, where it is set: 住所： → （住所：江別市…）
    # 締結者: title then name (三浦市　市長 | 吉田　英男), or the name first, the organisation
    # in （） before it ((三浦市) | 吉田　英男　市長), as some releases list them, or the name,
    # its honorific and the title in （） (name_bracketed_title: 宮下　宗一郎　氏（管理者）, as
    # 弘前大学大学院医学研究科 lists its attendees), or after ／ (name_slash_title:
    # 才木　邦夫　様／代表取締役社長, as 長崎国際大学 lists them); every person the notice lists too
    signer_order: Literal["title_name", "name_title", "name_bracketed_title", "name_slash_title"] = "title_name"
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
    # what stands between a person's title and name where people are runs or joined: a
    # full-width space (default: 学長　久保　康之) or a colon (副知事：横井篤, as 岐阜県's pages
    # list attendees); an error in columns or tabulated, or where the name comes first
    people_gap: Literal["　", "：", ":"] = "　"
    # before each person's line, run or tabulated (・ → ・双葉郡　浪江町…, as 浪江町 marks its
    # signers); "" none; an error with columns or joined (it would have no effect)
    people_mark: str = ""
    # false: the mark before the attendees' lines only, not before the people under a
    # step of the 次第 (四国学院大学 marks ○内子町長… under 出席者, not under 5.あいさつ)
    people_mark_agenda: bool = True
    # tabulated: titles narrower than this many em set across it (4 → 町　　長 as wide as 常務理事)
    people_title_spread: int | None = None
    # a group's label (＜摂南大学＞, 湘南鎌倉総合病院) on a line of its own over its people
    # (line), or its people straight after it on its line, a full-width space between
    # (inline: 湘南鎌倉総合病院　小林　修三　院長、…, as 湘南鎌倉総合病院 lists them): runs
    # and joined only, set as text; an error in columns or tabulated (no effect)
    group_label: Literal["line", "inline"] = "line"
    # a 記 list's marker (（１）; "({number})" → (1) with list_digits: half; "⑴"), the text
    # straight after the widest, and its digits where not the house's (digits); or one of
    # LIST_MARKS, every entry marked with it and none numbered (•: • 記者会見, as
    # 九州経済産業局 marks them): a marker without {number} is taken only from that set, so
    # that a slip in the pattern (({n}), (1)) is refused, never printed as the entries' mark
    list_marker: str = "（{number}）"
    # the mark before each bullet of a list's entry ({text, bullets, then}: ・子どもを…),
    # set at the entry's text margin, the bullet's further lines hanging after it; "": no
    # mark, each bullet a line at that margin, its further lines under it (大阪府, 2020: its
    # attendees under （３）出席者)
    list_bullet: Literal[(*LIST_MARKS, "")] = "・"
    list_digits: Literal["mixed", "half", "full"] | None = None
    # labels narrower than this many em set across it (均等割付: 3 → 日　時, 場　所, 出席者),
    # as many offices align them; null: as written
    ki_label_spread: int | None = None
    # the contacts in boxes at the foot (default), or the one contact on a line at the
    # top, under the date and the issuer: its role, department and number in （）
    # (問合せ先：中央区役所　総務課（06-6267-9683）), as 大阪市 sets it; what that line
    # cannot print (a second contact, a FAX number) is refused (content/contacts.py);
    # head: each contact's lines as its box sets them (department, person, numbers),
    # right-aligned under the date and the issuer, before the title, as 広島市 heads its
    # releases with the desk that answers (企画総務局広域都市圏推進課 / 課長… / 電話…);
    # foot_line: each contact on a line of its own after the text, no box: its role,
    # department and number in （） after its label (【照会先】広島労働局職業安定部職業安定課
    # （電話:082(502)7831）, as 広島労働局 writes it), what the line cannot print refused;
    # head_table: a ruled table in the head, under the date and the issuer, before the
    # title, a contact a row: its role, its department, its number's label and the number
    # side by side (部局・担当課 | 防災くらし安心部　防災危機管理課 | 電話番号 | 023-630-2230,
    # as 山形県 heads its releases); what a row cannot print refused
    contacts_at: Literal["foot", "top", "head", "foot_line", "head_table", "foot_unboxed"] = "foot"
    # the notice's head as written lines (default: the date, the issuer, the title, the
    # text); label_table: under the title, one ruled table of a label and its value a row,
    # as 大阪府 heads its releases: each contact under its role (代表連絡先 | the contact's
    # lines as its box sets them), the date of issue (wording: issue_date_label, 提供日),
    # the hour of release (press_notice.issue_time under wording: issue_time_label,
    # 提供時間) and the text (内容: the opening, under opening_heading's label); a row whose
    # value the spec does not give is left out, never printed empty (content/head_table.py)
    head_form: Literal["lines", "label_table"] = "lines"

    @field_validator("ki_label_spread", "people_title_spread")
    @classmethod
    def _spread_width(cls, width):
        return spread_width(width)


# What an annual overview's column can print from the agreement itself (annual/columns.py
# computes each); a column that names `field:` prints the spec's own field instead.
ANNUAL_DATA = ("number", "signing_date", "title", "partners", "areas", "department", "validity",
               "amendments", "related", "amends", "issuer")
ANNUAL_DATE_DATA = ("signing_date", "validity", "amendments", "related", "amends")
ALWAYS_PRINTED = ("number", "signing_date", "title")      # data every agreement has: no cell of theirs is empty
ANNUAL_HEADINGS = {"number": "№", "signing_date": "締結日", "title": "協定名", "partners": "相手方",
                   "areas": "連携事項", "department": "担当課", "validity": "有効期間", "amendments": "改定日",
                   "related": "関連文書", "amends": "原協定", "issuer": "締結者"}
# What a screen reader says for a column whose heading the office leaves empty (篠山市's
# №, under no heading): a word, where the usual heading is a sign read as one (№).
ANNUAL_SPOKEN = {"number": "番号"}


class AnnualColumn(StyleModel):
    """One column of the annual overview: what it prints (`data:` from the agreement,
    or `field:`, the spec's own `agreement.fields`), its heading, and for a column of
    dates how they are written (`dates:` long 令和６年４月22日, short R6.4.22)."""
    data: Literal[ANNUAL_DATA] | None = None
    field: str | None = None
    heading: str | None = None        # default: the data's usual heading, or the field's name
    dates: Literal["long", "short"] | None = None    # default long; only for a column of dates
    # signing_date only: each amendment's date under it, （R2.4.1改定）, as lists show a later
    # amendment; default: so, unless a column of data: amendments lists them (the spec's
    # amendments would otherwise vanish from the book); false: nowhere under the date
    amended: bool | None = None
    # title only: what an agreement amends (its agreement.amends) on a line under its title,
    # （令和元年７月１日締結の情報提供に関する協定書の変更）; default: so, unless a column of
    # data: amends lists it; false: nowhere in the title (a list that shows none, as 国税庁's)
    amends: bool | None = None
    # partners only: after the names of two or more partners, the count of the parties as the
    # office words it, （{parties}市町間での協定）; {parties}: every party, {partners}: the names
    count: str | None = None
    # partners only: after the names, the parties that signed on the issuer's side beside it
    # (issuing: true, not the issuer), in the office's words; {names}: their names. Default
    # （{names}と共同締結）: 香川県土地家屋調査士会（小豆島町と共同締結）
    together: str | None = None
    # what a cell prints where the agreement has nothing for the column (a field the spec does
    # not give, no 担当課, no term …): default －; "" leaves it blank, as lists leave their 備考
    empty: str | None = None

    def title(self) -> str:
        return self.heading if self.heading is not None else (ANNUAL_HEADINGS[self.data] if self.data else self.field)

    def spoken(self) -> str | None:
        """The column's name for a reader that cannot see it (a tagged PDF's /Alt, an
        HTML aria-label) where its heading prints nothing, the page's empty head kept
        as the office has it; None where the heading names it."""
        if self.title().strip():             # (a heading of spaces prints nothing either)
            return None
        return ANNUAL_SPOKEN.get(self.data) or (ANNUAL_HEADINGS[self.data] if self.data else self.field)

    def prints_amends_under_title(self, columns: list["AnnualColumn"]) -> bool:
        """Whether this title column prints an agreement's `amends` under the title: as
        it says, else unless another column lists it (data: amends), never twice."""
        if self.data != "title":
            return False
        return self.amends if self.amends is not None else not any(c.data == "amends" for c in columns)


    def prints_amendments_under_date(self, columns: list["AnnualColumn"]) -> bool:
        """Whether this signing-date column prints each amendment's date under the
        signing date: as it says, else unless another column lists them (data: amendments)."""
        if self.data != "signing_date":
            return False
        return self.amended if self.amended is not None else not any(c.data == "amendments" for c in columns)


def _default_columns() -> list[AnnualColumn]:
    return [AnnualColumn(data=d) for d in ("number", "signing_date", "title", "partners", "areas", "department",
                                           "validity")]


class AnnualStyle(StyleModel):
    """The annual overview as the office keeps and publishes it (annual/)."""
    columns: list[AnnualColumn] = _default_columns()
    areas_mark: str = ""               # before each 連携事項 on its line: "" none, "・"
    web: Literal["table", "prose"] = "table"    # the HTML page: the table, or one sentence per agreement
    # the prose list's sentence; {title} {date} {partners} {issuer} {department}
    prose: str = "{title}を締結しました（{date}）"
    # the office's note under its list, as its page prints it (（注）令和６年４月１日現在有効な文書を
    # 掲載しています。): under the table in the PDF and the DOCX, after the table or the prose
    # list in the HTML; a newline a line break. Default "": none.
    note: str = ""


class HouseStyle(StyleModel):
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
        return resolve_font(self.fonts[role])

    def fallback_paths(self) -> list[Path]:
        return [resolve_font(f) for f in self.fallback_fonts]

    def word(self, key: str) -> str:
        return str(self.wording[key])

    def item_hang(self, markers: list[str]) -> float:
        """Where an agreement item's text starts, in em from its marker: 3.5 for the
        default （１） whatever its digits (as it always stood), else one em past the
        widest of the paragraph's markers (⑴　○○法, and 一　乙が… under a default
        house where the paragraph numbers its items 一, 二 as laws do: the numeral, a
        full-width space, the text's later lines under its first); with
        agreement.item_gap, that gap past the widest (0: ⑴無人航空機…, straight after)."""
        gap = self.agreement.item_gap
        if (gap is None and self.agreement.item_marker == "（{number}）"
                and not all(map(is_kanji_item_marker, markers))):
            return 3.5
        return max(map(japanese.em_width, markers), default=1.0) + (1 if gap is None else gap)

    def fill(self, key: str, **values: str) -> str:
        """A wording with its placeholders ({label}) filled in by name, literally: never
        str.format, whose field syntax ({label:>300000000}, {0.__class__}) a house
        style must not be able to reach (the placeholders are checked on loading)."""
        text = self.word(key)
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text


@lru_cache(maxsize=256)           # asked for each role several times a document
def resolve_font(name: str) -> Path:
    p = Path(name)
    return p if p.is_absolute() else FONTS / p


# The text area's geometry the writers share (writers/geometry.py), here so that a
# grid's cells can be measured where the style is read.
FRAME_PAD = 6.0                  # points the text stands inside each margin, each side
A4_WIDTH = 210 * 72 / 25.4       # points (the only page size: Page.size)
