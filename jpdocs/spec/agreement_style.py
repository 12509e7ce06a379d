"""The house style's agreement section (AgreementStyle): how an agreement's articles,
items, preamble, date line and signature blocks are set. Apart from style_model.py,
which imports it, so that each module reads whole."""
from __future__ import annotations
# The annotations are kept as text (above), as in style_model.py.

from typing import Literal

from .strict import Model, field_validator, model_validator


class StyleModel(Model):
    """Frozen, and an unknown key is an error (strict.py)."""


def spread_width(width: int | None) -> int | None:
    """A width (em) to set text across (均等割付): two characters' at the least, and no
    wider than a line of large text."""
    if width is not None and not 2 <= width <= 20:
        raise ValueError(f"a width of {width} em to set text across: 2 to 20 em")
    return width


class AgreementStyle(StyleModel):
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
    # the articles' and chapters' numbers: figures (第１条, in the digits above) or kanji (第一条,
    # 第十一条, as laws and treaties number them; the paragraphs stay ２, ３ in figures)
    article_numerals: Literal["figures", "kanji"] = "figures"
    # an article's paragraphs numbered from the second (２, ３: the first unnumbered, as laws and
    # most agreements number them) or from the first (1, 2: 第二条　1　この議定書は…, as treaties
    # number them; an article of one paragraph stays unnumbered either way)
    paragraph_numbers: Literal["from_second", "from_first"] = "from_second"
    # labelled lines of a signature block, e.g. {address: 住所, organisation: 名称, title: 代表者};
    # empty: unlabelled lines (the seed's)
    signature_labels: dict[Literal["address", "organisation", "title", "name"], str] = {}
    # where a block's unlabelled lines start beside labelled ones: after_labels (default: past
    # the labels' column, as forms align 住　所 / 名　称); at_margin: where a labelled line's
    # label starts, the label's word before its own text only (立川市 / 代表者　立川市長)
    unlabelled_lines: Literal["after_labels", "at_margin"] = "after_labels"
    # with unlabelled_lines: at_margin, the em a labelled line stands further in than the
    # unlabelled ones (東京都多摩市 / 　代表者　多摩市長…, as 日野市's and 多摩市's copies)
    labelled_indent: Literal[0, 1, 2] = 0
    # unless_in_title: no organisation line where the title begins with it (北海道オホーツク
    # 総合振興局長); always: printed all the same; never: none, the signer's line naming the body
    # as the text writes it (駿東郡小山町長　湯山正平 / 〃　足柄村長　稲五六, 小山町's 例規集, 1955)
    organisation_line: Literal["unless_in_title", "always", "never"] = "unless_in_title"
    # own: the name on a line of its own under the title (default); with_title: the title
    # and the name on one line (球磨郡錦町長　浅生利夫), as older texts and some offices set them;
    # above_title: the name on a line of its own over the title (西尾邑次 / 日本国鳥取県知事,
    # as 鳥取県's page of its 1994 agreement with 江原道 sets each block)
    name_line: Literal["own", "with_title", "above_title"] = "own"
    # with_title: the em between a title and its name (1: 香取市長　宇井　成一; 2, as many
    # signed copies type two spaces); name_column: true sets every block's name that gap
    # after the widest title, the names in one column (香取市長　　　宇… / 理事長　　　　古…)
    name_gap: float = 1
    name_column: bool = False
    # the signer's name in the signature block in a type of its own, in points (府中市's copy
    # types the names larger than their titles: 府中市長　高 野 律 雄); null: the body's size.
    # Its spread (signature_spread.name) and gaps stay in em of the body's type
    name_size: float | None = None
    # the calendar of the dates the agreement prints (its date line, the term's dates in
    # the standard 有効期間 article): era 令和６年４月22日 (as most offices write an
    # agreement, whatever their notices do), era_western 令和６年（2024年）４月22日,
    # western 2024年４月22日 (universities and companies)
    # era_western_inside 昭和59(1984)年４月18日: the western year inside the era's, before its 年,
    # as 和歌山県's page dates its 議定書 of 1984 (brackets as wide as the year's digits)
    calendar: Literal["era", "era_western", "western", "era_western_inside"] = "era"
    # the date line's digits where the signed copy types them otherwise than its text:
    # half writes 平成29年7月26日 under a text of 第１条 and ３か月 (日野市, 三鷹市); the
    # cover's date line (document.cover) is the same line; default: the house's digits
    date_digits: Literal["mixed", "half", "full"] | None = None
    # the cover's date line (document.cover: date: true) where the cover types it otherwise
    # than the date line under the closing: full writes 平成３０年４月２５日 on 清瀬市's cover
    # over a text dated 平成30年4月25日; default: the date line's digits
    cover_date_digits: Literal["mixed", "half", "full"] | None = None
    paragraph_lead: str = "{number}　"   # before the second paragraph on: ２　…; "{number}." → 2.…
    # an item (号): （１）; "⑴": ⑴ ⑵ … as one character each; 一: 一 二 … as laws number 号
    item_marker: str = "（{number}）"
    # the items' digits where they differ from the articles' (numbering_digits): half
    # writes (1) (2) beside 第１条, as 消防庁's model does; default: the articles'
    item_digits: Literal["mixed", "half", "full"] | None = None
    # 2: two A4 pages side by side on an A3 sheet, folded in half (no page join to seal
    # across), as some offices print an agreement (writers/sheet.py); the DOCX keeps A4
    pages_per_sheet: Literal[1, 2] = 1
    # the signature blocks one under another (1, default: up to six parties), two a row
    # (2: 仙台市長 beside 山形市長, as some offices set two parties) or three a row (3: 鳥取県,
    # 島根県 and 沿海地方's governors side by side under their 覚書 of 1991); seven or more
    # always at least two
    signature_columns: Literal[1, 2, 3] = 1
    # where a block's label (甲) stands: first, on its first line (the address's); organisation:
    # on the organisation's first line, or the title's where it has none (甲　横瀬町 under the address);
    # first_line: printed in the block's first line (甲　東京都立川市…), the block's other lines
    # at that line's text (立川市's copy)
    block_label_line: Literal["first", "organisation", "first_line"] = "first"
    # with the label in a line (organisation, first_line): where the block's other lines
    # start: after (default: at the text after the label) or under (at the label's own x:
    # 甲　東京都国立市… / 国立市 / 代表者…, 国立市's copy)
    label_margin: Literal["after", "under"] = "after"
    # printed straight after each block's label, as written ("：" → 甲：, 乙：, as 国税庁's page
    # sets the blocks of its published 覚書); "" (default): the label alone
    block_label_suffix: str = ""
    # printed straight before each block's label, as written: with the suffix "）", "（" sets
    # （甲）, （乙）, as 国税庁's page sets the blocks of its 合意 with 法務省民事局民事第二課 (2021);
    # "" (default): nothing before the label
    block_label_prefix: str = ""
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
    # (in half em: 9.5, as 府中市's names in their larger type, name_size)
    signature_spread: dict[Literal["organisation", "title", "name"], float] = {}
    # a title of one line narrower than this many em set across it: 3 → 覚　書, 5 → 協　定　書
    title_spread: int | None = None
    # The text's typography, as a signed copy may set it otherwise than most (em, points):
    preamble_indent: float = 1         # the preamble's first line set in; 0: at the margin (府中市)
    date_indent: float = 2             # the date line set in from the margin; 0: at it
    # a heading line above the article (（目的）) set in; null: one em where 第１条 leads
    # the text under it, none where the line holds the number (第１条（目的）); 0: at the margin
    heading_indent: float | None = None
    article_hang: float = 1            # an article's or paragraph's later lines hung in under 第１条　/ ２　; 0: at the margin
    # true: a paragraph of prose (document.prose) that begins with a number (１　, (1)) hangs
    # its later lines under its text after the number, as 国税庁's page sets a 合意書's
    # numbered paragraphs; false: each paragraph's later lines at the margin
    prose_number_hang: bool = False
    space_before_article: float = 6    # points above each article; 0: the articles run on (日野市)
    # between an item's marker and its text; null: （１） hangs its text 3.5 em, another
    # marker one em past the widest; 0: straight after (⑴無人航空機…)
    item_gap: float | None = None
    space_before_items: float = 0      # points above a paragraph's first item: 16, about a blank line (府中市)
    # points above the signer's lines (title and name) in each block, under the party's
    # (address, organisation): 16, about a blank line, as 府中市's copy types 甲　東京都府中市…
    # / (blank) / 府中市長　高 野 律 雄; 0: none (a co-signer's block, without them, unchanged)
    space_before_signer: float = 0

    @field_validator("name_gap")
    @classmethod
    def _name_gap(cls, gap):
        if not 0.5 <= gap <= 10 or gap * 2 != int(gap * 2):
            raise ValueError(f"a gap of {gap:g} em between a title and its name: 0.5 to 10 em, in half em"
                             " (a half-width space's width)")
        return gap

    @field_validator("name_size")
    @classmethod
    def _name_size(cls, size):
        if size is not None and not 6 <= size <= 36:
            raise ValueError(f"a name of {size:g} points in the signature block: 6 to 36 points")
        return size

    @field_validator("chapter_indent")
    @classmethod
    def _chapter_indent(cls, indent):
        if not 0 <= indent <= 10:
            raise ValueError(f"a chapter heading set in by {indent:g} em: 0 to 10 em")
        return indent

    @field_validator("preamble_indent", "date_indent", "heading_indent", "article_hang", "item_gap")
    @classmethod
    def _em(cls, em):
        if em is not None and not 0 <= em <= 10:
            raise ValueError(f"an indent or gap of {em:g} em in an agreement's text: 0 to 10 em")
        return em

    @field_validator("space_before_article", "space_before_items", "space_before_signer")
    @classmethod
    def _points(cls, points):
        if not 0 <= points <= 72:
            raise ValueError(f"a space of {points:g} points in an agreement's text: 0 to 72 points (an inch)")
        return points

    @field_validator("block_label_suffix")
    @classmethod
    def _label_suffix(cls, suffix):
        if suffix and (not suffix.strip(" \u3000") or suffix != suffix.rstrip(" \u3000")):
            raise ValueError(f"'{suffix}' ends in a space: the suffix is printed straight after each block's label"
                             " (\"：\" → 甲：), and the block's lines keep their own gap after it; write the mark"
                             " alone")
        return suffix

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
            if width * 2 != int(width * 2):
                raise ValueError(f"a width of {width:g} em to set a signature line across: in half em")
        return {key: int(w) if w == int(w) else w for key, w in widths.items()}

    @model_validator(mode="after")
    def _a_name_line_to_label(self):
        if self.name_line == "with_title" and "name" in self.signature_labels:
            raise ValueError("name_line: with_title sets the name on the title's line, so there is no name"
                             " line for signature_labels.name to label: remove one")
        return self

    @model_validator(mode="after")
    def _c_label_keys_with_effect(self):
        # (the defaults, after_labels and after, are written in templates/house-style.yaml)
        if self.unlabelled_lines != "after_labels" and not self.signature_labels:
            raise ValueError("unlabelled_lines: at_margin sets the unlabelled lines beside labelled ones, and"
                             " signature_labels labels no line: it would have no effect; remove it")
        if self.labelled_indent and self.unlabelled_lines != "at_margin":
            raise ValueError("labelled_indent sets the labelled lines further in than the unlabelled ones at"
                             " their margin, and unlabelled_lines is after_labels (past the labels' column): it"
                             " would have no effect; say unlabelled_lines: at_margin, or remove it")
        if self.organisation_line == "never" and "organisation" in self.signature_labels:
            raise ValueError("organisation_line: never prints no organisation line, and signature_labels labels"
                             " one: say one of them")
        if self.label_margin != "after" and self.block_label_line == "first":
            raise ValueError("label_margin: under sets the block's lines under a label printed in a line, and"
                             " block_label_line is first (the labels in a column of their own): it would have"
                             " no effect; say block_label_line: first_line or organisation, or remove it")
        return self

    @model_validator(mode="after")
    def _b_name_gap_on_title_line(self):
        # (the defaults, 1 and false, are written in templates/house-style.yaml)
        if self.name_size and self.name_line == "with_title" and self.name_gap < 1:
            raise ValueError(f"name_size sets the name in a type of its own after the gap's full-width spaces, and"
                             f" a gap of {self.name_gap:g} em has none: say name_gap: 1 or more")
        key = "name_column" if self.name_column else "name_gap" if self.name_gap != 1 else None
        if key and self.name_line != "with_title":
            raise ValueError(f"{key} places the name on the title's line, and name_line is {self.name_line} (the"
                             " name on a line of its own): it would have no effect; say name_line: with_title, or"
                             f" remove {key}")
        return self
