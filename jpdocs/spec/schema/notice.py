"""The press notice's part of a spec (`press_notice:`): its head, the ceremony and the
記 items, the contacts, the attachments, the release after the signing."""
from __future__ import annotations
# The annotations are kept as text (above), evaluated at each model's first use:
# strict/model.py's _build.

from typing import Annotated, ClassVar, Literal, Optional, Union

from ...enumeration import lead_mark_em
from ..base import AgreementId, Line, PartyId, PartyKey, Strict, TitleLines, title_lines, title_text
from ..strict import BeforeValidator, Field, model_validator
from ..strict.fields import MinLen
from ..values import NO_ISSUE_DATE, Date, DateOrPart, DateTime, IssueDate, Time


class Person(Strict):
    """One person as a notice names them: title and name (either may stand alone);
    after the name, only where the spec gives them, an honorific and what the person is
    there as (佐藤　章　様（立会人）)."""
    # 地域政策課長, 専門官; or, for a person holding two offices or more, the offices in order,
    # each printed on a line of its own and the name after the last, as the page sets them
    # (東京都公営企業管理者 / 水道局長　中嶋　正宏: [東京都公営企業管理者, 水道局長]), where
    # the house lists people a line each or in columns (people: run, columns)
    title: Optional[Union[Line, Annotated[list[Line], MinLen(1)]]] = None
    name: Optional[Line] = None       # 杉村　勝彦, 藤田
    reading: Optional[Line] = None    # printed in （） after the name
    # the honorific after the name, where the page writes one (佐藤　章　様: a guest, a
    # witness; never an office's own), and what the person is there as, in （） after it
    # (立会人 → 佐藤　章　様（立会人）, as 大分県信用組合 lists its witness); both in a
    # notice's lists of people only (a contact's people: refused), nothing added otherwise
    honorific: Optional[Line] = None
    role: Optional[Line] = None
    note: Optional[Line] = None       # 予定 → （予定）
    # a contact's person only (a notice's lists: refused), on the person's line: the unit
    # the person sits in, before the title, and the person's own number after the name,
    # as 神奈川県 writes 課長　圓道　電話045-210-3420 / 応急対策グループ　加藤　電話045-210-3430
    group: Optional[Line] = None
    phone: Optional[Line] = None


# A phone's kind as offices print it: a direct line, the switchboard (its extension as
# extension:), an IP telephone line (050-3160-5740（IP）, IP電話：050-…) or a mobile
# (携帯：090-…). Not a kind: 内線 (written as extension:) nor FAX (the contact's fax:),
# which schema_messages words as such.
PhoneKind = Literal["直通", "代表", "IP", "IP電話", "携帯", "携帯電話"]


class Phone(Strict):
    number: Optional[Line] = None     # 03-5253-4111 (one of number, numbers: spec/notice_checks.py)
    # two numbers or more of one kind on one line, joined with the house's comma, as the
    # page writes them: 直通　03-5253-8321，03-5253-8328 (観光庁)
    numbers: Optional[list[Line]] = None
    kind: Optional[PhoneKind] = None  # printed only when the spec says it; else 電話
    extension: Optional[Line] = None  # 内線, with 代表
    # what the office says of the number, as written, in （） after it (and its 内線):
    # the desks that answer it, 0229-23-2129（政策企画担当、地方創生担当） (大崎市)
    note: Optional[Line] = None


class Contact(Strict):
    """A contact box: a department, the people in it and how to reach them. One person
    can be written with title/name, several with people:; one phone with phone/
    phone_kind/extension, several with phones:."""
    template_api: ClassVar[tuple[str, ...]] = ("persons", "phone_list")
    role: Optional[Line] = None       # 担当窓口, 問合せ先
    department: Line                  # オホーツク総合振興局地域創生部
    # as written before the department, its colon too: 所属課室: → 所属課室:市長公室企画政策課企画係
    # (赤穂市); only where given
    department_label: Optional[Line] = None
    # the unit within the department (its 係, 班, グループ, 担当) on a line of its own under
    # it, as 青森県 sets 防災危機管理課 / 防災企画グループ; only where given
    group: Optional[Line] = None
    title: Optional[Line] = None      # 地域政策課長
    name: Optional[Line] = None       # 杉村 勝彦
    name_label: Optional[Line] = None  # 担当 → 担当：道下 (担当:道下 where the house's label_gap is ":")
    # as written before the person's title and name, its colon too: 担当者: → 担当者:地域林政調整官
    # (秋田森林管理署), 担当： → 担当：課長　道下; only where given
    person_label: Optional[Line] = None
    people: list[Person] = []         # several people, each on a line
    phone: Optional[Line] = None
    phone_kind: Optional[PhoneKind] = None   # printed only when the spec says it
    extension: Optional[Line] = None  # 内線, with 代表
    phones: list[Phone] = []          # several numbers, each with its kind
    fax: Optional[Line] = None
    email: Optional[Line] = None
    postal_code: Optional[Line] = None   # 093-8585 → 〒093-8585
    address: Optional[Line] = None
    # lines after the contact's numbers, as written: ※★を@に変えてご連絡ください。(四国学院大学),
    # お問い合わせは専用フォームをご利用ください。(流山市)
    notes: list[Line] = []

    def persons(self) -> list[Person]:
        """The people printed on lines of their own (a name with name_label is printed
        on the department's line)."""
        if self.people:
            return list(self.people)
        name = None if self.name_label else self.name
        return [Person(title=self.title, name=name)] if self.title or name else []

    def phone_list(self) -> list[Phone]:
        """The contact's phones, a line each (content/contacts.py house_numbers has filled
        the `number` of a phone given with numbers:, for templates that print number)."""
        if self.phones:
            return list(self.phones)
        return [Phone(number=self.phone, kind=self.phone_kind, extension=self.extension)] if self.phone else []


class ScheduleRow(Strict):
    time: Line                        # 17:10～17:15, as written
    item: Line
    place: Optional[Line] = None


class ExtraItem(Strict):
    label: Line                       # 傍聴, 取材方法 …
    text: list[Line]


class Site(Strict):
    """A site of a ceremony held at several places (online, or one party at each)."""
    name: Optional[Line] = None       # 北見会場 → 北見会場：…
    venue: Line
    address: Optional[Line] = None    # printed in （）


def _agenda_step(value):
    """`- 開会` is short for `- {step: 開会}`."""
    return {"step": value} if isinstance(value, str) else value


class AgendaSubStep(Strict):
    """A step within a step of the 次第 (ア 生物多様性保全協定書 under 署名), and what
    stands under it: who signs, the parties' names, or other people."""
    step: Line
    signatories: bool = False         # the signers (ceremony.signatories) listed under it
    parties: bool = False             # the parties' names, a line each (・鳥取県): whose agreement is signed
    people: list[Person] = []         # people besides the signers, after them (the bank's officer who greets)
    notes: list[Line] = []            # lines under it that are no person, as written, after the rest


class AgendaStep(Strict):
    """A step of the 次第 (開会, 協定書署名 …), and, under it where the notice sets the
    次第 a step a line (the house's notice.agenda: numbered), who signs, the parties'
    names, other people, or its own steps."""
    step: Line
    signatories: bool = False         # the signers (ceremony.signatories) listed under the step
    parties: bool = False             # the parties' names, a line each (・鳥取県)
    people: list[Person] = []         # people besides the signers, after them
    # lines under the step that are no person, as written, after the rest:
    # 報道関係者との質疑応答 under 合同記者会見　開会 (四国学院大学)
    notes: list[Line] = []
    steps: list[Annotated[AgendaSubStep, BeforeValidator(_agenda_step)]] = []   # ア, イ … under it

    def lines_under(self) -> bool:
        """Whether anything stands under the step (else it is a line of its own)."""
        return bool(self.signatories or self.parties or self.people or self.notes or self.steps)


class Ceremony(Strict):
    """The facts of the ceremony the 記 block's built-in items are made from; every one
    optional: an item whose facts are not given is not printed."""
    date: Optional[Date] = None
    start: Optional[Time] = None
    end: Optional[Time] = None
    time_of_day: Optional[Line] = None     # 午後: a part of the day, instead of a time
    span: Optional[Literal["～", "から"]] = None   # this notice's way to write the time span (default: the house's)
    duration_note: Optional[Line] = None   # 30分程度
    start_note: Optional[Line] = None      # 現地時間: in （） straight after a lone start, before its
    #                                        から or ～ (午前９時30分（現地時間）から: a signing abroad)
    time_prefix: Optional[Line] = None     # 現地時間: before the time, after the date and its gap, as a
    #                                        page writes a span abroad (５月９日（木曜）現地時間11:10～11:25)
    venue: Optional[Line] = None
    venue_address: Optional[Line] = None
    access: list[Line] = []                # directions, a line each, under the venue
    online: Optional[Line] = None          # オンライン開催（Zoom）
    sites: list[Site] = []
    signatories: Optional[list[PartyId]] = None  # party ids; default: every party
    group_signatories: Optional[bool] = None  # with press_notice.also: 締結者 per agreement under its title
    #                                           (default) or, false, each signer once
    agenda: list[Annotated[AgendaStep, BeforeValidator(_agenda_step)]] = []   # 次第: a step, or {step:, signatories:, steps:}
    schedule: list[ScheduleRow] = []
    extra_items: list[ExtraItem] = []


class CeremonyOfSeveral(Ceremony):
    """One of the ceremonies a notice announces (`press_notice.ceremonies`, in order), each
    signing agreements of the spec's `agreements:` (彦根市, 2022: the same agreement with two
    companies in turn, an hour apart): its facts as ceremony: gives them, printed as one item
    of the 記 block under its label, a line each for its date, place, signers and 次第
    (agenda:, its steps joined), then its notes."""
    label: Line                            # the item's label, as the page writes it: 調印式(1)
    agreements: Annotated[list[AgreementId], MinLen(1)]   # ids of agreements: it signs
    # lines under its item, after its lines, as written (長野県立歴史館: ※調印式に引き続き、
    # …オープニングセレモニーにもご出席いただきます。 under the first of two ceremonies only)
    notes: list[Line] = []
    # not keys here (strict/model.py: a class value in place of the field): its item has a
    # line each for its date, place, signers and 次第, and no room for these; read as none
    group_signatories: ClassVar[None] = None
    schedule: ClassVar[tuple] = ()
    extra_items: ClassVar[tuple] = ()
    # why a key of ceremony: is not one here, said where a spec writes it (schema_messages.py)
    not_here: ClassVar[dict[str, str]] = {
        key: "a ceremony of several is printed as one item, its date, place, signers and 次第 a line each:"
             f" {key} would have no effect (write an item of your own in ki:)"
        for key in ("group_signatories", "schedule", "extra_items")}


KI_BUILTINS = ("date", "place", "signatories", "agenda", "schedule", "ceremonies")


def _ki_entry(value):
    """`- place` is short for `- {item: place}`."""
    return {"item": value} if isinstance(value, str) else value


class KiGroup(Strict):
    """A group of people within one item of the 記 block (協定締結者 and 立会人 under
    協定締結者等): its label, then who signs (item: signatories) or the people it lists."""
    label: Line
    item: Optional[Literal["signatories"]] = None   # the signers, as the 締結者 item lists them
    people: Optional[list[Person]] = None
    others: Optional[Line] = None     # ほか, after the group's last person


class ListPoint(Strict):
    """An entry of a 記 item's list that holds bullets, as 調布市 writes its overview's
    first point: its text (本協定に基づく情報共有は、), the bullets a line each under it
    (・子どもを対象とした凶悪事件), then the rest of its sentence on a line after them
    (の2種類の事件を対象としています。), each at the entry's text margin; every part as
    written, the mark the house's (notice.list_bullet)."""
    text: Line
    bullets: Annotated[list[Line], MinLen(1)]
    then: Optional[Line] = None


class LabelledLines(Strict):
    """A paragraph of the text that lists lines after a label, as 中村河川国道事務所 lists
    its facilities: ○施設　中村河川国道事務所庁舎　別棟１階, and the next line under the
    first's text (中村河川国道事務所古津賀宿舎　階段及び踊り場); each as written, one em
    between the label and the lines."""
    label: Line
    lines: Annotated[list[Line], MinLen(1)]


class OpeningNote(Strict):
    """A note of the text set apart under the paragraph before it, as 長野県林務部 sets
    ※県が行う「森林（もり）の里親促進事業」により、…協定です。 under its opening: at the
    text's margin, not one em in as a paragraph begins, a little space above it, its
    later lines under the text after its mark (※　, ＊), as written. First, it heads the
    text, a little space under it, as 大阪府 heads a release with ※本協定締結式は中止に
    なりました。 A numbered note (※1　広島広域都市圏は、…) answers the mark of the words it
    explains in the text (広島広域都市圏(※1)): both as written, checked to agree
    (spec/note_marks.py)."""
    template_api: ClassVar[tuple[str, ...]] = ("mark_em",)
    note: Line

    def mark_em(self) -> float:
        """The width (em) of the mark the note begins with and the spaces after it (※: 1;
        0 without one): where its later lines stand."""
        return lead_mark_em(self.note)


class KiEntry(Strict):
    """One item of the 記 block: a built-in item by name (item:, with label: to rename
    it), or an item of the notice's own: a label and one of text, list, table, people,
    groups or attachment; or a heading over the items after it (heading:, alone in its
    entry)."""
    # a heading that opens a group of items (＜概要＞ over 【日時】 and 【場所】): a line of
    # its own at the items' margin, over the items after it up to the next heading; no
    # item, no number, and an item must follow it (spec/notice_checks.py)
    heading: Optional[Line] = None
    # with heading: the heading numbered as the notice's own sections are (section_marker),
    # in the order printed: after the sections before the 記 block, before those after it
    # (東京都水道局: 1 経緯, 2 覚書主旨, then 3 締結式について over １ 日時 …)
    numbered: bool = False
    item: Optional[Line] = None       # date, place, signatories, agenda, schedule
    label: Union[Line, Literal[False], None] = None      # 協定締結日, 出席者, 内容 …
    # false: an item of text without a label, its lines as written (茨城県, 2022: the day,
    # the venue and the signers each a line of the block): at the other items' text
    # margin, or where a label starts where no item of the block has one (ki_form.py)
    text: Optional[list[Line]] = None        # paragraphs
    # （１）, （２） …; an entry may hold bullets under its text ({text, bullets, then})
    entries: Optional[list[Union[Line, ListPoint]]] = Field(default=None, alias="list")
    table: Optional[list[list[Line]]] = None  # rows of cells
    people: Optional[list[Person]] = None     # title and name, a line each
    groups: Optional[list[KiGroup]] = None    # groups of people under labels of their own (協定締結者, 立会人)
    # with item: date, the day's schedule under the date, a line a row (14:00〜　協定締結式),
    # not an item of its own
    schedule_under: bool = False
    # with item: date, the place under the date, a line (or more) of its own, as the place
    # item prints it (観光庁: 日時・場所 / 平成25年…10:00～10:20 / 文部科学省庁舎…), not
    # an item of its own
    place_under: bool = False
    # with place_under, each line's own label as written, its colon too, where one item holds
    # both (海上保安庁: 1 署名式開催日・場所 / 日時:令和6年5月9日… / 場所:米国沿岸警備隊…)
    # or, with item: ceremonies, the labels of each ceremony's lines (日時：, 調印式場所：, and
    # the signers' 協定締結先および調印式出席予定者：, the 次第's （４）内　容　), as written
    # (default: the house's words and ：)
    date_label: Optional[Line] = None
    place_label: Optional[Line] = None
    signatories_label: Optional[Line] = None
    agenda_label: Optional[Line] = None
    # with item: date, the time on the line under the date, not after it (平成23年７月26日（火）
    # / 午前11時00分から午前11時45分, as 長野県林務部 sets its 日時)
    time_under: bool = False
    others: Optional[Line] = None             # ほか, after the last person (people:, or item: signatories)
    # item: signatories: the page's words straight after each party's last signer, by
    # party id ({kyoiku: ら3名}: 教育長　日吉亨ら3名), a fact the spec gives, never counted
    others_per_party: Optional[dict[PartyKey, Line]] = None
    # the item's content is one of the notice's attachments (3.協定概要 → the file): by its
    # number in press_notice.attachments (1: the first) or its title; printed as the
    # house's wording with the title (wording.ki_attachment: 別添「協定概要」のとおり)
    attachment: Optional[Union[int, Line]] = None
    # lines under the item, as written (※ 文部科学副大臣も陪席予定。), after whatever it lists
    notes: list[Line] = []
    # the item's marker as the page writes it, in place of the house's notice.ki_marker:
    # "{number}:" → 1:日時・場所 where the page marks its items 1: and 2:, then 3. to 5.;
    # {number} at most once and no other placeholder (spec/notice_checks.py)
    marker: Optional[str] = None


KiItemSpec = Annotated[KiEntry, BeforeValidator(_ki_entry)]


class Background(Strict):
    heading: Line                     # 包括連携協定の締結に至った経緯
    paragraphs: list[Line]


class Photo(Strict):
    """A photograph of the section (the signing, the heads shaking hands): a PNG or JPEG
    file relative to the spec, its caption printed under it as written, and `alt`, its
    text for readers who cannot see it (tagged PDF, the DOCX), never printed. Without
    alt the caption is that text; a photo with neither is an error (spec/photo_checks.py).
    `names`: the people the caption names, as it writes them, kept whole on a line
    (content/person_names.py), each of which it must name."""
    file: Line
    caption: Optional[Union[Line, Annotated[list[Line], MinLen(1)]]] = None
    #                                 協定書を手にする出席者, (写真:左から前田学長、亀澤局長); a list:
    #                                 its lines, each a line of its own (左から / 久保多賀町長、…)
    names: Optional[Annotated[list[Line], MinLen(1)]] = None   # [錦織　孝一]: a name not torn
    alt: Optional[Line] = None


class OpeningPhotos(Strict):
    """Photos standing in the notice's text where the page sets them ({photos: […]} among
    press_notice.opening's paragraphs): above its first paragraph, as a page that opens with
    its photo and caption under the title (上尾市, 流山市), or between two paragraphs (a PR
    release's 画像1 after its first). Set as a section's photos are, two a row, each caption
    under its photo, where the entry stands: a section's photos can only follow its
    paragraphs."""
    photos: Annotated[list[Photo], MinLen(1)]


class SectionPoint(Strict):
    """A paragraph of a section (or of a part of one) with lines of its own nested under
    it, a level in, as 和歌山県 sets each matter of its agreement (1.観光振興に関すること)
    over a line of what is planned (・両県のアンテナショップなどで…): its text, then each
    line after the house's mark (notice.list_bullet, ・; "": none), its further lines
    under the line's text. The lines stand under the point's text where the point hangs
    its later lines after its number or mark (notice.section_number_hang,
    section_mark_hang), else one em further in than the point begins. Every part as
    written; both are needed (a point without its lines is a plain paragraph: write it
    as one)."""
    text: Line
    bullets: Annotated[list[Line], MinLen(1)]

    def __str__(self) -> str:
        """The text: a template written when a section's paragraphs were plain strings
        (`{{ para }}`) still prints it, never the object (the lines it leaves out are
        named in the build's warnings, build/template_coverage.py)."""
        return self.text


class SectionPart(Strict):
    """A part of a section under a heading of its own (sections[].parts): the
    subheading as written (（１）　期日, 協定締結先: its number, if any, is the
    office's own), then its paragraphs, each a level further in than the section's.
    Paragraphs, one at least (spec/section_checks.py)."""
    heading: Line
    # as a section's: a paragraph as written, or a point with its own lines ({text, bullets})
    paragraphs: list[Union[Line, SectionPoint]] = []


class LinkedDocument(Strict):
    """A document that goes with the notice and is not printed in it (the agreement's
    text as a PDF, a leaflet, the release as a PDF): its title as the page gives it
    (協定書, （警防課）報道提供資料), then, only where the spec states them, its form and
    size, set as the house writes them (wording.document_details: 協定書［PDF形式：294KB］).
    Nothing is measured or counted: a size, a page count or a 別添 number the spec does
    not give is never printed."""
    title: Line
    form: Optional[Line] = None       # PDF形式, PDFファイル, PDF
    size: Optional[Line] = None       # 294KB, 1,585KB, as written
    # where it is, a web address (https://…): the printed line is a link to it in the
    # PDF and the DOCX, as the page's title links its file; the address is not printed
    address: Optional[Line] = None


class Section(Strict):
    """A section of the notice's own after the 記 block (and the background): its
    heading printed as written (【岡山県奈義町とは】, 【参考】), then its paragraphs,
    then its table (ruled, its first row heading the columns: 番号 | 連携事項), then its
    photos (two a row, each caption under its photo);
    with before_ki, between the notice's text and its 記 block (【本件のポイント】).
    Without a heading, paragraphs alone (what happened at the signing, after the list).
    Paragraphs, parts, a table, photos or the documents it links, one at least; or
    `document:`, the section that is a linked document, alone (spec/section_checks.py).
    Its parts (協定締結先 and 主な協力業務 under 協定の概要) follow its paragraphs, each
    under its subheading; a table beside them would read as the last part's, so it is
    refused there."""
    heading: Optional[Line] = None
    # a paragraph as written; or a point with its own lines nested under it ({text, bullets})
    paragraphs: list[Union[Line, SectionPoint]] = []
    parts: list[SectionPart] = []
    table: list[list[str]] = []
    photos: list[Photo] = []
    # the documents the page links under the section's text, a line each after its
    # paragraphs, parts and table (協定書［PDF形式：294KB］ under 連携事項, 館山市)
    documents: list[LinkedDocument] = []
    # the section is a linked document: its heading is the document's title, numbered
    # as the other headings are (4.協定書, 鹿児島市: a heading over the link), nothing
    # under it; alone in its section (spec/section_checks.py)
    document: Optional[LinkedDocument] = None
    before_ki: bool = False
    # false: a heading the section_marker leaves unnumbered among numbered ones (島根県's
    # 【参考】 after 1 覚書調印式 and 2 覚書の概要); it takes no number, the next counts on.
    # Only false (headed sections are numbered already), with a heading and a marker
    numbered: Optional[bool] = None


class PressRequest(Strict):
    """The request to the press: one sentence, lead + [deadline + までに] + tail.
    An empty lead or tail is a way to say "none"; the sentence is printed only
    whole (a deadline needs a tail after it)."""
    label: Line = "報道に当たってのお願い"
    lead: str = "当日取材いただける場合は、"
    deadline: Optional[DateTime] = None
    tail: str = "下記連絡先までお知らせください。"
    contact: Optional[Contact] = None
    notes: list[Line] = []


class Attachment(Strict):
    """One entry of 配付資料. Its title is printed in the list; `document:` names a
    document the spec generates (the overview sheet) and `file:` a PDF (a map, a
    flyer), relative to the spec, whose pages follow the notice in release.pdf. A
    plain title (a string) is printed in the list only."""
    title: Line                       # 連携協定の概要, 会場案内図
    document: Optional[Literal["overview"]] = None
    file: Optional[Line] = None       # map.pdf
    spec: Optional[Line] = None       # with document: the spec (one of press_notice.also) whose document it is

    def __str__(self) -> str:
        """The title: a template written when attachments were plain strings
        (`attachments|join('、')`) still prints the titles, never the object."""
        return self.title

    @model_validator(mode="after")
    def _one_source(self):
        if self.document and self.file:
            raise ValueError("an attachment is a generated document or a file, not both:"
                             " give document: or file:")
        if self.spec and not self.document:
            raise ValueError("spec: names the spec whose generated document is attached: give document:"
                             " (document: overview) with it")
        return self


def _attachment(value):
    """A plain string is an attachment printed by title only."""
    return {"title": value} if isinstance(value, str) else value


Attachments = list[Annotated[Attachment, BeforeValidator(_attachment)]]


class AfterNotice(Strict):
    """The release after the signing (…を締結しました), made from the same spec:
    press-notice-after.pdf/.docx and, with attachments, release-after.pdf. Its
    paragraphs are its own (nothing is made up); the date signed and who signed
    come from the agreement and the notice; header, issuing office and contacts
    are the notice's unless given here."""
    template_api: ClassVar[tuple[str, ...]] = ("issued_on",)
    issue_date: IssueDate                 # none: the release as published gives no date of its own
    date_suffix: Optional[str] = None     # default: the notice's (配布)
    subject: Optional[Line] = None        # default: agreement.title + を締結しました
    # above its text, as the notice's: default the house's 内容; false: none
    opening_heading: Union[Line, Literal[False], None] = None
    opening: list[Line] = Field(min_length=1)
    attachments: Optional[Attachments] = None   # default: the notice's attachments that name a document
    extra_items: list[ExtraItem] = []           # more 記 items after 締結日 and 締結者 (場所 …)
    contacts: Optional[list[Contact]] = None    # default: the notice's contacts; [] for none
    photos: list[Photo] = []                     # the signing's photos, under the 記 block

    @property
    def issued_on(self):
        """The date of issue, or None where the release gives none (issue_date: none)."""
        return None if self.issue_date == NO_ISSUE_DATE else self.issue_date

    def attachments_or(self, notice_attachments: list[Attachment]) -> list[Attachment]:
        return self.attachments if self.attachments is not None else [a for a in notice_attachments if a.document]


class Correction(Strict):
    """A release re-issued as corrected (広島市's 【修正】 報道資料): the correction's own
    lines at the end of the head, the day it was corrected in the date of issue's form
    with the word after it (令和6年(2024年)3月28日(木曜日)　修正), then the reason on a
    line of its own where the spec gives one. The day and the reason are facts, never
    made up; the word is wording (訂正 is the other common one)."""
    date: Date                           # the day of the correction: on or after the date of issue
    word: Line = "修正"
    reason: Optional[str] = None         # none: no reason line; an empty one is refused (issue_checks.py)
    # the parts of the notice's own text the correction changed, each as printed and
    # printed once: set in the house's colour for them (colours.changed: 赤字), found and
    # marked in the built document (content/changed_parts.py); [] is refused
    changed: Optional[list[Line]] = None


# A part of a message's closing (Closing.lines): its date, the body's name, the signer's
# title and name.
ClosingPart = Literal["date", "body", "title", "name"]


class Closing(Strict):
    """A message's closing at its foot, as a letter is signed (鹿児島県警察本部長's message
    on the police's page: 平成28年8月 / 鹿児島県警察本部長 / 種部滋康): each part printed
    only where the spec gives it, nothing added, at the right. The date is the page's,
    whole or a month (平成28年8月) or a year alone, printed as given, never padded to a day
    (values.date_or_part_value), in the house's calendar without a weekday."""
    date: Optional[DateOrPart] = None
    body: Optional[Line] = None           # the body that speaks: 東京都行政書士会府中支部
    title: Optional[Line] = None          # the signer's title: 支部長, 鹿児島県警察本部長
    name: Optional[Line] = None           # the signer's name: 石原　静
    # the lines as the page sets them, each the parts it holds in order, joined by a
    # full-width space: [[body, title, name, date]] → 東京都行政書士会府中支部　支部長　石原　静
    # 平成31年1月25日 on one line. Default: each given part a line of its own, in the order
    # date, body, title, name. Every given part named once, no other (spec/closing_checks.py)
    lines: Optional[list[list[ClosingPart]]] = None
    # where it stands: at the end of the notice's text, after its last section and before
    # 以上 and the contacts (end, default), or straight after the opening, where the
    # message ends before the ceremony's items and sections follow it (after_opening:
    # 府中支部's message, then 協定締結セレモニー)
    place: Literal["end", "after_opening"] = "end"


class PressNotice(Strict):
    template_api: ClassVar[tuple[str, ...]] = ("offices", "issued_on", "subject_text", "subject_lines")
    # default from the house style: 報道機関各位; false: no header line (a page that
    # begins with its date and title)
    header: Union[Line, Literal[False], None] = None
    # the kind of the paper, a line of its own centred under the header and above the
    # date, as written: 記者発表資料 (横浜市); the notice's only, not the release after's
    kind_line: Optional[Line] = None
    # the site's section or category the page is listed under (お知らせ, 事務所トピックス,
    # 市長のあしあと), as written, a line of its own at the left, the notice's first: above
    # the header, the date and the title; the notice's only, not the release after's
    category_line: Optional[Line] = None
    # printed under the date; default: the spec's issuer; a list: the offices issuing
    # together, each a line of the same form (office and the person issuing), in the
    # page's order; false: none (a page whose letterhead or site names the office)
    issuing_office: Union[Line, Annotated[list[Line], MinLen(1)], Literal[False], None] = None
    issuer_label: Optional[Line] = None   # 同時発表：スポーツ庁，観光庁 (besides the issuer, never instead)
    # none: the page gives no date of its own (a report on an office's web page, a
    # release as a blog repeats it): no date line. Said, never left out: the key is required
    issue_date: IssueDate
    date_prefix: Optional[Line] = None   # before the date: 公開日：
    date_suffix: str = "配布"
    # a release re-issued as corrected: the correction's day, word and reason, at the end of the head
    correction: Optional[Correction] = None
    # the hour of release (14:00), printed only in the head's table under its label, as
    # 大阪府 writes 提供時間　14時0分 (notice.head_form: label_table; elsewhere refused)
    issue_time: Optional[Time] = None
    # default from the house style: 項　目; false: the subject without a label, centred
    # as the notice's title
    subject_label: Union[Line, Literal[False], None] = None
    # false: no title at all, as a page's stored copy begins at its text (no label, no
    # subtitle, no date in the title's line beside it: checked); the document's title in
    # the file's properties, never printed, is then the agreement's, named in the build
    # a list: the title's lines, broken where the page breaks it, each centred as the
    # title is (株式会社ファミリーマートと宮城県が / 「地域活性化包括連携協定」を締結, as
    # document.title breaks an agreement's); whole, without the break, in the file's title
    subject: Union[TitleLines, Literal[False]]
    subtitle: Optional[Line] = None       # a line under the subject: 〜兵庫県豊岡市と岡山県奈義町との連携〜
    # true: the subtitle run on after the subject, as the title's second half on its line
    # (…包括的連携協定－知的・人的資源を活用して「魅力的な街づくり」を－, 麗澤大学), not under it
    subtitle_joined: bool = False
    attachments: Attachments = []    # 配付資料: a title, or {title:, document: overview} / {title:, file: map.pdf}
    # the heading above the opening (default from the house style: 内容); false: none
    opening_heading: Union[Line, Literal[False], None] = None
    # one string per paragraph; or a label and the lines after it ({label, lines}), each
    # line after the first under the first's text; or a note set apart under the paragraph
    # before it ({note: ※…}), at the margin, its later lines under the text after its mark
    # (first: heading the text, ※…中止になりました。); or photos where the page sets them among the paragraphs ({photos: […]}), first: above the text
    opening: list[Union[Line, LabelledLines, OpeningNote, OpeningPhotos]]
    # true: the ceremony's date and time, then its place, on one line above the opening,
    # without labels, as the house writes them (令和元年６月７日（金曜日）午前10時～　株式会社
    # コーセー日本橋本社, as 山梨県's pages of the governor's day set it); the 記 block then
    # holds no 日時 or 場所 item
    event_line: bool = False
    ceremony: Ceremony = Ceremony()
    # several ceremonies, each signing agreements of the spec's agreements: (each an item of
    # the 記 block); ceremony: then gives none of one ceremony's facts
    ceremonies: list[CeremonyOfSeveral] = []
    ki: Optional[list[KiItemSpec]] = None   # the 記 block's items in order (default: the built-in ones)
    closing_ijo: bool = False         # 以上 after the notice's last section (before the request and contact boxes)
    # a message's closing, as a letter is signed: its date, the body, the signer's title
    # and name, at the right after the text (Closing); the notice's only, not the release after's
    closing: Optional[Closing] = None
    background: Optional[Background] = None
    sections: list[Section] = []      # sections of the notice's own, after the 記 block and the background
                                      # (before_ki: true, before the 記 block)
    # the number before each section's heading: "{number}." → 1.基本協定の主な内容; "": none;
    # null: the house's notice.section_marker
    section_marker: Optional[str] = None
    # true: the sections after the 記 block numbered on from its items (1 日時, 2 場所,
    # 3 出席者, then 4 協定の概要, as 岐阜県's page of 2008 numbers them)
    sections_follow_items: bool = False
    embargo: Optional[Line] = None
    press_request: Optional[PressRequest] = None
    contacts: list[Contact] = []
    # a sentence before the contacts (お問い合わせは、お気軽に下記までお寄せください。): a
    # contact without a role then stands in a box without a label
    contacts_lead: Optional[Line] = None
    after: Optional[AfterNotice] = None   # the release after the signing
    also: list[Line] = []             # specs of the other agreements signed at the same ceremony,
    #                                   relative to this spec: the notice announces them too

    @property
    def issued_on(self):
        """The date of issue, or None where the page gives none (issue_date: none)."""
        return None if self.issue_date == NO_ISSUE_DATE else self.issue_date

    @property
    def subject_text(self) -> str:
        """The subject whole, its lines joined (the file's title); "" for none."""
        return "" if self.subject is False else title_text(self.subject)

    @property
    def subject_lines(self) -> tuple[str, ...]:
        """The subject a line each, as the spec breaks it; () for none."""
        return () if self.subject is False else title_lines(self.subject)

    def offices(self, issuer: str) -> list[str]:
        """The lines under the date that name who issues the notice: the issuing office,
        or each of the offices issuing together; the issuer where the spec names none;
        none for false."""
        if self.issuing_office is False:
            return []
        if isinstance(self.issuing_office, list):
            return list(self.issuing_office)
        return [self.issuing_office or issuer]
