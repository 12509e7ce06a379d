"""The spec's schema: what one YAML file may say about one event.

English keys, Japanese values. Parties are declared once under `parties:` (their
order gives the labels 甲, 乙, 丙 …) and referred to by id from the documents. Every
model refuses unknown keys; spec/load.py turns the findings into messages.
"""
# No `from __future__ import annotations` here: each field's annotation would be
# compiled and evaluated from its text as the models are made.

from typing import Annotated, ClassVar, Literal, Optional, Union

from .. import japanese
from .annex import Annex
from .prose import ProseList
from .translation import Translation
from .cover import Cover
from .typed import Typed
from .base import Line, Strict
from .strict import BeforeValidator, Field, field_validator, model_validator
from .strict.fields import MinLen
from .values import ArticleNumber, Date, DateTime, FiscalYear, Month, Time, Year


class Representative(Strict):
    title: Optional[Line]             # 北海道オホーツク総合振興局長; null (written so) leaves it blank in a draft
    # 中島 和彦; null (written so) leaves it blank in a draft (document.draft). Left out,
    # the person is known by the title alone (山形県知事, as many notices name the heads):
    # printed so in the notice's 締結者; an agreement's signature block needs the name
    # (spec/checks.py), as nothing may be printed that the spec did not say.
    name: Optional[Line] = None
    reading: Optional[Line] = None    # なかじま かずひこ: printed in the notice only, never in a signature block
    # the agreement's signature line as the signed copy types it: {title: 赤 磐 市 長, name: 友　實　　武　則},
    # the same characters with gaps of its own (typed.py); never in a notice
    typed: Optional[Typed] = None

    @property
    def title_only(self) -> bool:
        """Named by the title alone: `name` left out (null, written so, is a draft's blank)."""
        return "name" not in self.model_fields_set


class Party(Strict):
    template_api: ClassVar[tuple[str, ...]] = ("organisation_before_title", "signer")
    name: Optional[Line]              # 北見工業大学; null (written so) leaves it blank in a draft (document.draft)
    formal_name: Optional[Line] = None  # 国立大学法人北海道国立大学機構 北見工業大学
    short_name: Optional[Line] = None
    address: Optional[Line] = None
    # 日本国 | フィリピン共和国: the first line of the party's signature block, where an
    # agreement with a city abroad names each side's country above it
    country: Optional[Line] = None
    # the head (代表者); needed where a document prints who signs (the notice's 締結者 item,
    # the release after the signing, the agreement's signature blocks): a spec that only
    # lists the agreement (annual), or a notice naming no signer, may leave it out
    representative: Optional[Representative] = None
    signatory: Optional[Representative] = None   # who signs for the party, when not the head
    # who else signs for the party, beside the signer above (公立大学法人: 理事長, then 学長):
    # each is named in the notice's 締結者 and signs under the party's block in the agreement
    co_signers: list[Representative] = []
    honorific: Optional[Line] = None  # 様 for a partner; never on one's own head
    statements: list[Line] = []       # the overview sheet's ◆ lines
    logo: Optional[Line] = None       # PNG/JPEG path, relative to the spec
    issuing: Optional[bool] = None    # of the issuing office's own side (default: named as the issuer)

    def names(self) -> list[str]:
        return [n for n in (self.name, self.formal_name, self.short_name) if n]

    def signer(self) -> Optional[Representative]:
        """Who signs for the party: the signatory where one is named, else the head
        (None only in a spec no document of which prints a signer: spec/checks.py)."""
        return self.signatory or self.representative

    def signers(self) -> list[tuple[tuple, Representative]]:
        """Everyone who signs for the party, in order, each with its key path under the
        party: the signer (signatory, else representative), then the co-signers."""
        first = self.signer()
        if first is None:
            return []
        who = ("signatory",) if self.signatory else ("representative",)
        return [(who, first)] + [(("co_signers", i), p) for i, p in enumerate(self.co_signers)]

    def people(self) -> list[tuple[tuple, Representative]]:
        """Every person the party names, with its key path under the party: the head,
        the signatory, the co-signers (None for a head or signatory not given)."""
        return ([(("representative",), self.representative), (("signatory",), self.signatory)]
                + [(("co_signers", i), p) for i, p in enumerate(self.co_signers)])

    def organisation_before_title(self, title: str | None = None) -> str:
        """The organisation to print before a signer's title (市長 → ○○市　市長), or ""
        where the title already begins with one of the party's names
        (北海道オホーツク総合振興局長). `title`: a co-signer's; default the signer's."""
        if title is None:
            title = (self.signer().title or "") if self.signer() else ""
        if any(title.startswith(n) for n in self.names()):
            return ""
        return self.name

    def on_issuing_side(self, issuer: str) -> bool:
        """Whether the party is the issuing office itself (or of its side): said by
        `issuing:`, or else the issuer is one of the party's names."""
        return self.issuing if self.issuing is not None else issuer in self.names()


class Person(Strict):
    """One person as a notice names them: title and name (either may stand alone)."""
    title: Optional[Line] = None      # 地域政策課長, 専門官
    name: Optional[Line] = None       # 杉村　勝彦, 藤田
    reading: Optional[Line] = None    # printed in （） after the name
    note: Optional[Line] = None       # 予定 → （予定）


# A phone's kind as offices print it: a direct line, the switchboard (its extension as
# extension:), an IP telephone line (050-3160-5740（IP）, IP電話：050-…) or a mobile
# (携帯：090-…). Not a kind: 内線 (written as extension:) nor FAX (the contact's fax:),
# which schema_messages words as such.
PhoneKind = Literal["直通", "代表", "IP", "IP電話", "携帯", "携帯電話"]


class Phone(Strict):
    number: Line                      # 03-5253-4111
    kind: Optional[PhoneKind] = None  # printed only when the spec says it; else 電話
    extension: Optional[Line] = None  # 内線, with 代表


class Contact(Strict):
    """A contact box: a department, the people in it and how to reach them. One person
    can be written with title/name, several with people:; one phone with phone/
    phone_kind/extension, several with phones:."""
    template_api: ClassVar[tuple[str, ...]] = ("persons", "phone_list")
    role: Optional[Line] = None       # 担当窓口, 問合せ先
    department: Line                  # オホーツク総合振興局地域創生部
    title: Optional[Line] = None      # 地域政策課長
    name: Optional[Line] = None       # 杉村 勝彦
    name_label: Optional[Line] = None  # 担当 → 担当：道下
    people: list[Person] = []         # several people, each on a line
    phone: Optional[Line] = None
    phone_kind: Optional[PhoneKind] = None   # printed only when the spec says it
    extension: Optional[Line] = None  # 内線, with 代表
    phones: list[Phone] = []          # several numbers, each with its kind
    fax: Optional[Line] = None
    email: Optional[Line] = None
    postal_code: Optional[Line] = None   # 093-8585 → 〒093-8585
    address: Optional[Line] = None

    def persons(self) -> list[Person]:
        """The people printed on lines of their own (a name with name_label is printed
        on the department's line)."""
        if self.people:
            return list(self.people)
        name = None if self.name_label else self.name
        return [Person(title=self.title, name=name)] if self.title or name else []

    def phone_list(self) -> list[Phone]:
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


class AgendaStep(Strict):
    """A step of the 次第 (開会, 協定書署名 …), and, under it where the notice sets the
    次第 a step a line (the house's notice.agenda: numbered), who signs, the parties'
    names, other people, or its own steps."""
    step: Line
    signatories: bool = False         # the signers (ceremony.signatories) listed under the step
    parties: bool = False             # the parties' names, a line each (・鳥取県)
    people: list[Person] = []         # people besides the signers, after them
    steps: list[Annotated[AgendaSubStep, BeforeValidator(_agenda_step)]] = []   # ア, イ … under it

    def lines_under(self) -> bool:
        """Whether anything stands under the step (else it is a line of its own)."""
        return bool(self.signatories or self.parties or self.people or self.steps)


class Ceremony(Strict):
    """The facts of the ceremony the 記 block's built-in items are made from; every one
    optional: an item whose facts are not given is not printed."""
    date: Optional[Date] = None
    start: Optional[Time] = None
    end: Optional[Time] = None
    time_of_day: Optional[Line] = None     # 午後: a part of the day, instead of a time
    span: Optional[Literal["～", "から"]] = None   # this notice's way to write the time span (default: the house's)
    duration_note: Optional[Line] = None   # 30分程度
    venue: Optional[Line] = None
    venue_address: Optional[Line] = None
    access: list[Line] = []                # directions, a line each, under the venue
    online: Optional[Line] = None          # オンライン開催（Zoom）
    sites: list[Site] = []
    signatories: Optional[list[Line]] = None  # party ids; default: every party
    group_signatories: Optional[bool] = None  # with press_notice.also: 締結者 per agreement under its title
    #                                           (default) or, false, each signer once
    agenda: list[Annotated[AgendaStep, BeforeValidator(_agenda_step)]] = []   # 次第: a step, or {step:, signatories:, steps:}
    schedule: list[ScheduleRow] = []
    extra_items: list[ExtraItem] = []


KI_BUILTINS = ("date", "place", "signatories", "agenda", "schedule")


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


class KiEntry(Strict):
    """One item of the 記 block: a built-in item by name (item:, with label: to rename
    it), or an item of the notice's own: a label and one of text, list, table, people,
    groups or attachment; or a heading over the items after it (heading:, alone in its
    entry)."""
    # a heading that opens a group of items (＜概要＞ over 【日時】 and 【場所】): a line of
    # its own at the items' margin, over the items after it up to the next heading; no
    # item, no number, and an item must follow it (spec/notice_checks.py)
    heading: Optional[Line] = None
    item: Optional[Line] = None       # date, place, signatories, agenda, schedule
    label: Optional[Line] = None      # 協定締結日, 出席者, 内容 …
    text: Optional[list[Line]] = None        # paragraphs
    entries: Optional[list[Line]] = Field(default=None, alias="list")   # （１）, （２） …
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
    others: Optional[Line] = None             # ほか, after the last person (people:, or item: signatories)
    # item: signatories: the page's words straight after each party's last signer, by
    # party id ({kyoiku: ら3名}: 教育長　日吉亨ら3名), a fact the spec gives, never counted
    others_per_party: Optional[dict[str, Line]] = None
    # the item's content is one of the notice's attachments (3.協定概要 → the file): by its
    # number in press_notice.attachments (1: the first) or its title; printed as the
    # house's wording with the title (wording.ki_attachment: 別添「協定概要」のとおり)
    attachment: Optional[Union[int, Line]] = None
    # lines under the item, as written (※ 文部科学副大臣も陪席予定。), after whatever it lists
    notes: list[Line] = []


KiItemSpec = Annotated[KiEntry, BeforeValidator(_ki_entry)]


class Background(Strict):
    heading: Line                     # 包括連携協定の締結に至った経緯
    paragraphs: list[Line]


class Section(Strict):
    """A section of the notice's own after the 記 block (and the background): its
    heading printed as written (【岡山県奈義町とは】, 【参考】), then its paragraphs;
    with before_ki, between the notice's text and its 記 block (【本件のポイント】).
    Without a heading, paragraphs alone (what happened at the signing, after the list)."""
    heading: Optional[Line] = None
    paragraphs: list[Line] = Field(min_length=1)
    before_ki: bool = False


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
    issue_date: Date
    date_suffix: Optional[str] = None     # default: the notice's (配布)
    subject: Optional[Line] = None        # default: agreement.title + を締結しました
    # above its text, as the notice's: default the house's 内容; false: none
    opening_heading: Union[Line, Literal[False], None] = None
    opening: list[Line] = Field(min_length=1)
    attachments: Optional[Attachments] = None   # default: the notice's attachments that name a document
    extra_items: list[ExtraItem] = []           # more 記 items after 締結日 and 締結者 (場所 …)
    contacts: Optional[list[Contact]] = None    # default: the notice's contacts; [] for none

    def attachments_or(self, notice_attachments: list[Attachment]) -> list[Attachment]:
        return self.attachments if self.attachments is not None else [a for a in notice_attachments if a.document]


class PressNotice(Strict):
    template_api: ClassVar[tuple[str, ...]] = ("offices",)
    # default from the house style: 報道機関各位; false: no header line (a page that
    # begins with its date and title)
    header: Union[Line, Literal[False], None] = None
    # printed under the date; default: the spec's issuer; a list: the offices issuing
    # together, each a line of the same form (office and the person issuing), in the
    # page's order; false: none (a page whose letterhead or site names the office)
    issuing_office: Union[Line, Annotated[list[Line], MinLen(1)], Literal[False], None] = None
    issuer_label: Optional[Line] = None   # 同時発表：スポーツ庁，観光庁 (besides the issuer, never instead)
    issue_date: Date
    date_prefix: Optional[Line] = None   # before the date: 公開日：
    date_suffix: str = "配布"
    # default from the house style: 項　目; false: the subject without a label, centred
    # as the notice's title
    subject_label: Union[Line, Literal[False], None] = None
    subject: Line
    subtitle: Optional[Line] = None       # a line under the subject: 〜兵庫県豊岡市と岡山県奈義町との連携〜
    attachments: Attachments = []    # 配付資料: a title, or {title:, document: overview} / {title:, file: map.pdf}
    # the heading above the opening (default from the house style: 内容); false: none
    opening_heading: Union[Line, Literal[False], None] = None
    opening: list[Line]
    ceremony: Ceremony = Ceremony()
    ki: Optional[list[KiItemSpec]] = None   # the 記 block's items in order (default: the built-in ones)
    closing_ijo: bool = False         # 以上 after the notice's last section (before the request and contact boxes)
    background: Optional[Background] = None
    sections: list[Section] = []      # sections of the notice's own, after the 記 block and the background
                                      # (before_ki: true, before the 記 block)
    # the number before each section's heading: "{number}." → 1.基本協定の主な内容; "": none;
    # null: the house's notice.section_marker
    section_marker: Optional[str] = None
    embargo: Optional[Line] = None
    press_request: Optional[PressRequest] = None
    contacts: list[Contact] = []
    # a sentence before the contacts (お問い合わせは、お気軽に下記までお寄せください。): a
    # contact without a role then stands in a box without a label
    contacts_lead: Optional[Line] = None
    after: Optional[AfterNotice] = None   # the release after the signing
    also: list[Line] = []             # specs of the other agreements signed at the same ceremony,
    #                                   relative to this spec: the notice announces them too

    def offices(self, issuer: str) -> list[str]:
        """The lines under the date that name who issues the notice: the issuing office,
        or each of the offices issuing together; the issuer where the spec names none;
        none for false."""
        if self.issuing_office is False:
            return []
        if isinstance(self.issuing_office, list):
            return list(self.issuing_office)
        return [self.issuing_office or issuer]


class Area(Strict):
    heading: Line                     # 農林水産業の振興に関する事項
    items: list[Line] = []


class SubItemSpec(Strict):
    """A numbered item (号) of an article paragraph with its sub-items (ア, イ …)."""
    text: Line
    items: list[Line] = []


class ClauseSpec(Strict):
    """An article paragraph (項) with numbered items: (1), (2) …, and a table after it
    (the land or forest an agreement covers: 所在及び地番 | 地目 | 地積), its first row
    heading the columns."""
    text: Line
    items: list[Union[Line, SubItemSpec]] = []
    item_marker: Optional[Line] = None   # these items' own marker: （例{number}） → （例１）, （例２） …
    table: list[list[Line]] = []
    # a line of its own without a number, continuing the paragraph before it (なお、… or
    # ただし、… set apart, as 消防庁's model sets them); the paragraphs after it count on
    unnumbered: bool = False


ArticleText = list[Union[Line, ClauseSpec]]   # one entry per paragraph (項)


class ArticleOverride(Strict):
    """Changes to one of the default articles, keyed by its name."""
    heading: Optional[Line] = None    # 見出し: 目的 → 趣旨
    text: Optional[ArticleText] = Field(default=None, min_length=1)
    remove: bool = False


class ExtraArticle(Strict):
    """An article of the spec's own, inserted among the default ones."""
    name: Optional[Line] = None       # to place other extras after it
    heading: Optional[Line] = None    # 個人情報の保護; none: the article has no heading, its number
    #                                   stands before its text (第１条　この協定は、…), as older texts write
    text: ArticleText = Field(min_length=1)
    after: Optional[Line] = None      # the name of the article it follows
    before: Optional[Line] = None     # … or precedes (default: before consultation, the last)
    # its number as the text numbers it, where the text skips one (第６条, then 第８条):
    # above the article before it, and not the next number (which it has anyway); the
    # articles after it count on from it
    number: Optional[ArticleNumber] = None

    @model_validator(mode="after")
    def _one_place(self):
        if self.after and self.before:
            raise ValueError("give after: or before:, not both")
        return self


class Chapter(Strict):
    """A chapter (章) of the agreement: its heading, set above the article it begins
    with (第１章　総則), the articles numbered on across chapters."""
    heading: Line                     # 総則
    first: Line                       # the name of its first article (a standard one's or an extra's)


class Validity(Strict):
    """有効期間: from the start (default: the signing day) to the end (default: see
    term.py, which names its choice) or for a length (1年: 締結の日から１年間, as many
    texts state it, with no end date to compute), renewed by renewal_term unless a
    party gives notice renewal_notice before the end. term.py computes it for every
    document."""
    start: Optional[Date] = None
    end: Optional[Date] = None      # checked against the start in _cross_check, with its line
    length: Optional[Line] = None   # 1年, 4年, 6か月: the term as a length from the start, instead of an end
    renewal: bool = True
    renewal_notice: Optional[Line] = "1か月"   # null: renewed without a notice period
    renewal_term: Line = "1年"

    @field_validator("length", "renewal_notice", "renewal_term")
    @classmethod
    def _period(cls, value):
        if value is not None:
            japanese.parse_period(value)      # ValueError names the expected form (and the key: a field's)
        return value

    @model_validator(mode="after")
    def _end_or_length(self):
        if self.end is not None and self.length is not None:
            raise ValueError("give the term's end: or its length:, not both")
        return self


class Witness(Strict):
    """A witness (立会人) who signs the agreement without being a party to it (a
    prefecture's governor at the signing of its cities and companies). The block is
    set as a party's, after the parties' blocks, under its own label; the witness is
    in no preamble, no label (甲乙) and no generated closing: what the witness does
    (signs, keeps a copy) is said by the spec's own closing (document.closing)."""
    label: Line = "立会人"              # printed before the block, as the text prints it (特別立会人)
    name: Optional[Line] = None        # the organisation (新潟県); none for a witness in person
    formal_name: Optional[Line] = None  # as a party's: a full-width space starts a new line
    address: Optional[Line] = None
    representative: Representative     # who signs: title and name (null in a draft)

    def signer(self) -> Representative:
        return self.representative


DOCUMENT_KINDS = ("協定書", "覚書", "契約書", "確認書")
WRITING_STYLES = ("である", "です・ます")


class AgreementDocument(Strict):
    """The agreement document (協定書, 覚書 …), made only when the spec has this section.
    Its articles come from a standard set of the house style, chosen by name, and from
    the spec; nothing is added that neither states."""
    kind: Literal[DOCUMENT_KINDS] = "協定書"   # the wording follows it: 本協定 / 本覚書, 協定を締結する …
    conclude: Optional[Literal["締結する", "取り交わす"]] = None   # the preamble's verb (default: 締結する; 確認書: 確認する)
    writing: Optional[Literal[WRITING_STYLES]] = None   # である (default) or です・ます, for the whole text
    draft: bool = False                # a draft (案): marked on every page; dates and names may be left open (null)
    standard: Optional[Line] = None    # a set of the house's standard articles (article_sets), by name
    title: Optional[Union[Line, Annotated[list[Line], MinLen(1)]]] = None
    #                                     default from agreement.title: …との包括連携に関する協定書 (…に関する覚書);
    #                                     a list: the title's lines, broken where the text breaks it
    labels: Union[Line, dict[str, Line]] = "甲乙"   # 甲乙 (甲, 乙, 丙 … by party order), one word for all
    #                                     (両市, 両者), or a label per party id: {city: 市, univ: 大学}
    collective: Optional[Line] = None  # the word for all parties in the articles (両者) beside the labels
    block_labels: Optional[bool] = None   # false: the labels (甲, 乙) print before no signature block, as older
    #                                     texts set them (defined in the preamble, used in the articles);
    #                                     default: true, but false for prose
    preamble: Union[Line, Literal[False], None] = None   # the spec's own preamble, printed as written
    #                                     (replaces the generated one); false: none, the text begins with
    #                                     第１条 (older agreements), each party called by its own name
    subject: Optional[Line] = None     # preamble: …は、<subject>に関し、次のとおり協定を締結する。 (default: the set's)
    purpose: Optional[Line] = None     # …することにより、<purpose>ことを目的とする。 (required where an article uses it)
    area_items: bool = False           # list each area's items as ア, イ … under it
    catch_all: bool = True             # end the 連携事項 list with the set's catch-all (その他…)
    articles: dict[str, ArticleOverride] = {}   # changes to the standard set's articles, by name
    extra_articles: list[ExtraArticle] = []     # the spec's own articles
    chapters: list[Chapter] = []       # 章 above the articles, in order, the first from the first article
    # prose without articles (a sister-city 協定書): its paragraphs, then the closing (its own);
    # a list under a paragraph (協定を結ぶ目的は以下のとおりとする。): {items: [...], marker: ・}
    prose: list[Union[Line, ProseList]] = []
    # replaces 本協定の締結を証するため、…保有する。; false, after prose only: none, the last
    # paragraph closes the text (友好姉妹都市…に関する協定書, 新座市 2005), the date under it
    closing: Union[Line, Literal[False], None] = None
    # the signers write their names by hand (署名): the generated closing says 署名の上 (no 印),
    # and a signer named by the title alone gets a blank line to sign on. despite_closing:
    # the spec's own closing says 記名押印 (or 記名) and the signed copy has the names
    # written by hand all the same: the line to sign on, and 印 as the closing asks
    signed_by_hand: Union[bool, Literal["despite_closing"]] = False
    # withheld: the copy the agreement is built from (the office's published text) prints
    # the signers' titles alone: each signer named by the title alone gets no name and no
    # blank for one (印 as the closing asks); a name given is refused
    signer_names: Optional[Literal["withheld"]] = None
    # blank: the seal places left unmarked (no 印), as the copy the agreement is built from
    # has them, although the closing asks a seal (記名押印); the closing printed as written
    seal_places: Optional[Literal["blank"]] = None
    # withheld: the copy the agreement is built from (the office's published text) gives
    # the text and its date and no signer: no signature block is printed (the build names it)
    signature_blocks: Optional[Literal["withheld"]] = None
    # the word joining the labels in what the product composes (甲及び乙は、…; 市及び大学が
    # 記名押印の上): と where the text writes the pair 甲と乙 (default 及び)
    conjunction: Optional[Literal["及び", "と"]] = None
    copies: bool = False               # also write one original per party and a copy (写)
    witnesses: list[Witness] = []      # 立会人: their blocks follow the parties'; needs an own closing
    annexes: list[Annex] = []          # 別記様式, 別表 …: pages after the signatures, as written (annex.py)
    # a cover page before the text (cover.py): true, the title and the parties' names; or
    # {title: [lines], names: {party id: name}, date: true, side_by_side: true}
    cover: Union[Literal[True], Cover, None] = None
    # the text in another language, after the signatures from a page of its own, as
    # written (translation.py): [{language: en, title:, paragraphs:, date:, signers:}]
    translations: list[Translation] = []
    original_mark: bool = True         # print 正本（甲保管） on each party's original


class Amendment(Strict):
    """A later revision of the agreement (改定), listed with it in the annual overview."""
    date: Date
    note: Optional[Line] = None        # 第３条改定, 名称変更 …


class Related(Strict):
    """A document under the agreement (a 覚書, 実施細目), listed with it in the annual overview."""
    title: Line
    date: Optional[Date] = None


class Agreement(Strict):
    """What the agreement is: used by the notice, the overview sheet, the annual
    book and (when `document:` is given) the agreement document itself."""
    title: Line                       # …との包括連携協定
    signing_date: Optional[Date]      # null (written so): left open in a draft (document.draft)
    signing_year: Optional[Year] = None  # a draft's open date keeps its year: 令和４年　　月　　日
    signing_month: Optional[Month] = None  # and its month, with signing_year: 令和４年３月　　日
    areas: list[Area] = []
    fiscal_year: Optional[FiscalYear] = None  # when the office files it under another year
    department: Optional[Line] = None  # 担当課 of the issuing office (the annual book's column)
    fields: dict[str, Line] = {}       # the office's own facts (分類: 包括連携), printed where an annual column names them
    amendments: list[Amendment] = []   # 改定日: later revisions, listed with it in the annual overview
    related: list[Related] = []        # documents under it (覚書 …), listed with it in the annual overview
    validity: Optional[Validity] = None   # stated, or the defaults when the standard validity article prints it
    document: Optional[AgreementDocument] = None


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
