"""The spec's schema: what one YAML file may say about one event.

English keys, Japanese values. Parties are declared once under `parties:` (their
order gives the labels 甲, 乙, 丙 …) and referred to by id from the documents. Every
model refuses unknown keys; spec.py turns pydantic's findings into messages.
"""
from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from . import japanese
from .values import Date, DateTime, FiscalYear, Time

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
    fiscal_year: Optional[FiscalYear] = None  # when the office files it under another year
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
