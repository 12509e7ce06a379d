"""The agreement's part of a spec (`agreement:`): what it is (title, date, areas,
term), and the agreement document itself (`document:`: its articles, prose,
witnesses, annexes, cover and translations)."""
from __future__ import annotations
# The annotations are kept as text (above), evaluated at each model's first use:
# strict/model.py's _build.

from typing import Annotated, ClassVar, Literal, Optional, Union

from ... import japanese
from ..annex import Annex
from ..prose import ProseCentred, ProseHeading, ProseList
from ..translation import Translation
from ..cover import Cover
from ..base import Line, PartyId, PartyKey, Strict, TitleLines
from ..strict import Field, field_validator, model_validator
from ..strict.fields import MinLen
from ..values import ArticleNumber, Date, DateOrPart, FiscalYear, ListNumber, Month, Year
from .parties import Representative


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
    # these items' own marker: （例{number}） → （例１）, （例２） …; 一: 一, 二 … as laws number 号
    item_marker: Optional[Line] = None
    table: list[list[Line]] = []
    # a line of its own without a number, continuing the paragraph before it (なお、… or
    # ただし、… set apart, as 消防庁's model sets them); the paragraphs after it count on
    unnumbered: bool = False
    # a new page begins with this paragraph, as the signed copy breaks its pages
    # (between 第５条's first paragraph and its ２): never the first paragraph (the
    # article's own new_page says that), nor a paragraph of a standard set
    new_page: bool = False


ArticleText = list[Union[Line, ClauseSpec]]   # one entry per paragraph (項)

# where a new page begins at an article, as the signed copy breaks its pages: true,
# before it (its chapter heading, heading and text); after_heading, between its heading
# line and its text (the copy leaves （費用の負担） at the foot of its page)
NewPage = Union[bool, Literal["after_heading"]]


class ArticleOverride(Strict):
    """Changes to one of the default articles, keyed by its name."""
    heading: Optional[Line] = None    # 見出し: 目的 → 趣旨
    text: Optional[ArticleText] = Field(default=None, min_length=1)
    remove: bool = False
    new_page: NewPage = False         # see NewPage; also for a generated article (有効期間)


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
    new_page: NewPage = False

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


class Supplementary(Strict):
    """The text's 附則: after its last article, before the closing, as written (the day
    it takes effect where that is not the signing: この協定は平成20年8月1日から実施する。)."""
    heading: Line = "附則"             # as the text writes it (附則, 附　則)
    # the first paragraph on the heading's line (附則　この協定は…), as some copies set it;
    # default: the heading on a line of its own, set in as laws set it, the text under it
    run_in: bool = False
    text: Annotated[list[Line], MinLen(1)]   # its paragraphs, each as written


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
    # the notice not to renew is given in writing (書面による), where the text says so: the
    # generated 有効期間 article prints 書面による only then, as real texts mostly do not
    # (…いずれからも何ら意思表示がないときは, …解約の申出がないときは)
    notice_in_writing: bool = False
    # 期限の定めなし: in force from the start until it is ended (no end, length or renewal:
    # those are errors beside it, spec/checks.py); ended_by_notice: a party ends it by its
    # notice (終了の申出), which the standard 有効期間 article can then say, and
    # ending_notice how long before the day it ends that notice is given (３か月前までに).
    # How it ends is a fact: without ended_by_notice the standard article cannot print.
    until_ended: bool = False
    ended_by_notice: bool = False
    ending_notice: Optional[Line] = None

    @field_validator("length", "renewal_notice", "renewal_term", "ending_notice")
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
    # printed before the block, as the text prints it (特別立会人); false: the text prints none
    # (the assemblies' chairmen under 小山町 and 足柄村's heads, 1955), its field named after the
    # block's first line (signatures.witness_fields), which the build names
    label: Union[Line, Literal[False]] = "立会人"
    name: Optional[Line] = None        # the organisation (新潟県); none for a witness in person
    formal_name: Optional[Line] = None  # as a party's: a full-width space starts a new line
    address: Optional[Line] = None
    representative: Representative     # who signs: title and name (null in a draft)

    def signer(self) -> Representative:
        return self.representative


DOCUMENT_KINDS = ("協定書", "覚書", "契約書", "確認書", "盟約書", "協議書", "合意書", "協約書", "共同声明", "議定書", "憲章")
WRITING_STYLES = ("である", "です・ます")


def own_paragraphs(value) -> tuple[str, ...]:
    """The paragraphs of a preamble or closing the spec writes (a line, or a list of
    them; not a preamble's heading or centred line): none for false or null (none
    printed, or the generated one)."""
    if isinstance(value, str):
        return (value,)
    return tuple(p for p in value if isinstance(p, str)) if isinstance(value, list) else ()


def own_words(value):
    """A preamble's or closing's words as one text, its paragraphs joined by line
    breaks, for what reads them whole (a date, a seal, a label it names); false and
    null as given."""
    return "\n".join(own_paragraphs(value)) if isinstance(value, list) else value


class AgreementDocument(Strict):
    """The agreement document (協定書, 覚書 …), made only when the spec has this section.
    Its articles come from a standard set of the house style, chosen by name, and from
    the spec; nothing is added that neither states."""
    # the wording follows it: 本協定 / 本覚書, 協定を締結する …; 盟約書, 協議書, 合意書, 協約書, 共同声明, 議定書, 憲章: none, the spec
    # writes the preamble and the closing and no standard article names the document
    kind: Literal[DOCUMENT_KINDS] = "協定書"
    # words of another kind the signed text calls itself by, printed as written (国税庁 and
    # JIIMA's 協定書（追加締結分）, 2021: 第３条 本覚書に定めのない事項は…): each another kind's word
    # (本覚書 in a 協定書) that the spec's own text writes; the build names each
    kind_words_as_written: list[Line] = []
    conclude: Optional[Literal["締結する", "取り交わす"]] = None   # the preamble's verb (default: 締結する; 確認書: 確認する)
    writing: Optional[Literal[WRITING_STYLES]] = None   # である (default) or です・ます, for the whole text
    draft: bool = False                # a draft (案): marked on every page; dates and names may be left open (null)
    standard: Optional[Line] = None    # a set of the house's standard articles (article_sets), by name
    title: Optional[TitleLines] = None
    #                                     default from agreement.title: …との包括連携に関する協定書 (…に関する覚書);
    #                                     a list: the title's lines, broken where the text breaks it
    # a note beside the title on its (last) line, as written, after a full-width space: the
    # 北本市史's 仮協約書案　（三村長協定）; not part of the title (the file's title, the cover's)
    title_note: Optional[Line] = None
    labels: Union[Line, dict[PartyKey, Line]] = "甲乙"   # 甲乙 (甲, 乙, 丙 … by party order), one word for all
    #                                     (両市, 両者), or a label per party id: {city: 市, univ: 大学}
    collective: Optional[Line] = None  # the word for all parties in the articles (両者) beside the labels
    block_labels: Optional[Union[bool, Annotated[list[PartyId], MinLen(1)]]] = None
    #                                     false: the labels (甲, 乙) print before no signature block, as older
    #                                     texts set them (defined in the preamble, used in the articles);
    #                                     a list of party ids: before those parties' blocks alone (大東市, 2008:
    #                                     甲 before the first block, nothing before 乙's); default: true, but
    #                                     false for prose
    preamble: Union[Line, Annotated[list[Union[Line, ProseHeading, ProseCentred]], MinLen(1)],
                    Literal[False], None] = None
    #                                     the spec's own preamble, printed as written (replaces the
    #                                     generated one); false: none, the text begins with 第１条 (older
    #                                     agreements), each party called by its own name; a list: its
    #                                     paragraphs, under a heading first ({heading: 基本方針}, set as the
    #                                     articles' headings are: （基本方針）) and over a centred line last
    #                                     ({text: 記, align: center}, between the preamble and the articles)
    subject: Optional[Line] = None     # preamble: …は、<subject>に関し、次のとおり協定を締結する。 (default: the set's)
    purpose: Optional[Line] = None     # …することにより、<purpose>ことを目的とする。 (required where an article uses it)
    area_items: bool = False           # list each area's items as ア, イ … under it
    catch_all: bool = True             # end the 連携事項 list with the set's catch-all (その他…)
    articles: dict[str, ArticleOverride] = {}   # changes to the standard set's articles, by name
    extra_articles: list[ExtraArticle] = []     # the spec's own articles
    chapters: list[Chapter] = []       # 章 above the articles, in order, the first from the first article
    # the articles' (and chapters') numbers in kanji, 第一条, 第十一条, as treaties, laws and older
    # agreements number them (kanji), or in figures (第１条); default: the house's (agreement.article_numerals)
    article_numerals: Optional[Literal["figures", "kanji"]] = None
    # an article's paragraphs numbered from the first, 1 (第二条　1　この議定書は…, 2　…), as treaties
    # number them, or from the second, ２ (the first unnumbered); an article of one paragraph
    # unnumbered either way; default: the house's (agreement.paragraph_numbers)
    paragraph_numbers: Optional[Literal["from_second", "from_first"]] = None
    # prose without articles (a sister-city 協定書): its paragraphs, then the closing (its own);
    # a list under a paragraph (協定を結ぶ目的は以下のとおりとする。): {items: [...], marker: ・}
    prose: list[Union[Line, ProseList, ProseHeading, ProseCentred]] = []
    supplementary: Optional[Supplementary] = None   # 附則: after the last article, before the closing
    # replaces 本協定の締結を証するため、…保有する。; false: none, after prose whose last
    # paragraph closes the text (友好姉妹都市…に関する協定書, 新座市 2005), the date under it, or
    # after articles whose last makes the copies (…協定書2通を作成し…, 阿蘇・竹田 1998), or
    # after articles as a text published with no closing at all has them (国税庁・JIIMA 2021)
    # a list: the closing's paragraphs, each a line of its own begun an em in, no space between
    # them (a treaty's attestation, 以上の証拠として、…署名した。, then the sentence of its date and
    # place, 千九百九十一年四月十五日に東京で、…作成した。)
    closing: Union[Line, Annotated[list[Line], MinLen(2)], Literal[False], None] = None
    # in_closing: no date line under the closing, which states the date and the place of
    # signing itself (この覚書は、…2004年4月3日、鳥取県鳥取市において署名後、…, as 鳥取県's 覚書
    # write it): the spec's own closing must state agreement.signing_date and no other day
    # (content/agreement/date_line.py); the notice, the overview and the annual book keep the date.
    # over_each_signer: the date over each signature block instead of a line under the closing, as
    # texts each party dates where it signs set it (東京工業大学 and 慶應義塾大学's 協定書, 2010:
    # 平成22年12月1日 over 東京工業大学長 and again over 慶應義塾大学長); the signing date, the same day
    date_line: Optional[Literal["in_closing", "over_each_signer"]] = None
    # the place of signing on a line of its own under the date line, as the text writes it
    # (大韓民国江原道春川市にて, 鳥取県 1994): printed as given, nothing added to it
    signing_place: Optional[Line] = None
    # the signers write their names by hand (署名): the generated closing says 署名の上 (no 印),
    # and a signer named by the title alone gets a blank line to sign on. despite_closing:
    # the spec's own closing says 記名押印 (or 記名) and the signed copy has the names
    # written by hand all the same: the line to sign on, and 印 as the closing asks
    signed_by_hand: Union[bool, Literal["despite_closing"]] = False
    # withheld: the copy the agreement is built from (the office's published text) prints
    # the signers' titles alone: each signer named by the title alone gets no name and no
    # blank for one (印 as the closing asks); a name given is refused
    signer_names: Optional[Literal["withheld"]] = None
    # the words the copy prints in place of each name it withholds, as written ((氏名省略),
    # 国税庁's published 覚書): on the name's line, under the title (or after it, name_line:
    # with_title); only beside signer_names: withheld; none by default, the copy's own words
    withheld_name: Optional[Line] = None
    # blank: the seal places left unmarked (no 印), as the copy the agreement is built from
    # has them, although the closing asks a seal (記名押印); the closing printed as written
    seal_places: Optional[Literal["blank"]] = None
    # withheld: the copy the agreement is built from (the office's published text) gives
    # the text and its date and no signer: no signature block is printed (the build names it)
    signature_blocks: Optional[Literal["withheld"]] = None
    # the mark the copy the agreement is built from prints before each signer's name where
    # the signature stands ((署名), 神奈川県's 共同声明 of 1991), as written; none by default
    signature_mark: Optional[Line] = None
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
    # its date, where the spec knows it: a whole date, or its year and month (2015-03, 平成27年3月)
    # or year (1997年, 平成9年) alone as the page gives it, printed so, never padded to a day
    date: Optional[DateOrPart] = None


class Amends(Strict):
    """The earlier agreement this one amends (a 変更協定, 追加締結分, a 覚書 that changes its
    articles), as its title and date say: listed with this agreement in the annual
    overview (under its title, or in a column of its own) and on its plain sheet."""
    title: Line                        # 情報提供に関する協定書, as the earlier agreement is titled
    # its signing date, where the spec states it (none printed otherwise): a whole date, or as
    # Related.date in part (平成9年: the page gives the year alone)
    signing_date: Optional[DateOrPart] = None
    # what the annual book's line under the title calls the change (（…の一部変更）, （…の追加締結）),
    # as the office's list says it; 変更 where not given
    word: Optional[Line] = None


class Agreement(Strict):
    """What the agreement is: used by the notice, the overview sheet, the annual
    book and (when `document:` is given) the agreement document itself."""
    title: Line                       # …との包括連携協定
    signing_date: Optional[Date]      # null (written so): left open in a draft (document.draft)
    signing_year: Optional[Year] = None  # a draft's open date keeps its year: 令和４年　　月　　日
    signing_month: Optional[Month] = None  # and its month, with signing_year: 令和４年３月　　日
    # a draft's open date in the era it writes, its year not known (常光・中丸・加納三か村's draft of
    # 大正4〜6年: 大正　　年　　月　　日): the era in place of the house's blank date's
    signing_era: Optional[Literal["明治", "大正", "昭和", "平成", "令和"]] = None
    areas: list[Area] = []
    fiscal_year: Optional[FiscalYear] = None  # when the office files it under another year
    department: Optional[Line] = None  # 担当課 of the issuing office (the annual book's column)
    # its own number in the office's list: the annual book's № and contents label (（12）), kept
    # when an agreement filed late joins the book; printed by no other document. Every
    # agreement of a book has one, or none has (the rows then numbered in signing order)
    number: Optional[ListNumber] = None
    fields: dict[str, Line] = {}       # the office's own facts (分類: 包括連携), printed where an annual column names them
    amendments: list[Amendment] = []   # 改定日: later revisions, listed with it in the annual overview
    related: list[Related] = []        # documents under it (覚書 …), listed with it in the annual overview
    amends: Optional[Amends] = None    # the earlier agreement it amends (原協定), listed with it in the annual overview
    validity: Optional[Validity] = None   # stated, or the defaults when the standard validity article prints it
    document: Optional[AgreementDocument] = None
    # 協定書, 覚書, 合意書 …: what the annual book counts it as (its words: 覚書名, 協定等締結状況),
    # where no document says it (one agreement without document:, as a notice announces one
    # whose text it does not give; every one of several); none: its title's last word says
    # it, else it is counted as a 協定書 and the build says so. Beside document: an error
    # (document.kind says it, and makes the document's wording too)
    kind: Optional[Literal[DOCUMENT_KINDS]] = None


class AgreementOfSeveral(Agreement):
    """One of the several agreements a notice announces (the spec's `agreements:`, by id):
    what agreement: says of one, and the parties that sign it, by id, in its order. It
    has no document (a 協定書 is built from a spec of its own: press_notice.also), and so
    no document.kind: its kind is its own key (Agreement.kind), for the annual book, where
    its title's last word does not say it (a title ending in no kind's word: …姉妹都市提携)."""
    parties: Annotated[list[PartyId], MinLen(2)]
    # not a key here (strict/model.py: a class value in place of the field), where a spec of
    # several agreements refused it only after the schema had offered it (did-you-mean,
    # allowed keys, the app's form); read as none by what reads each agreement as agreement:
    # (several.py's agreement_views)
    document: ClassVar[None] = None
    # why a key of agreement: is not one here, said where a spec writes it (schema_messages.py)
    not_here: ClassVar[dict[str, str]] = {
        "document": "an agreement of several in one spec has no document of its own: write the agreement whose"
                    " 協定書 is made as a spec of its own (agreement:), named by the notice's press_notice.also;"
                    " its kind (覚書 …) is said by kind:"}
