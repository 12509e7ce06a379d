"""The document model: the one small, closed set of blocks and inlines that sits
between the templates and the writers.

Templates render markup (see markup.py), markup is parsed into these classes, and
each writer (writers/pdf.py, writers/docx/) consumes only these classes. The model
imports nothing from the rest of the project and knows nothing of reportlab or Word.

Style names (`style=`) are keys into the house style (style.py): the same names key
the PDF paragraph styles and the DOCX reference styles.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal, Union

Align = Literal["left", "center", "right", "justify"]
# a paragraph's own: "block", its lines set flush left as one block, as wide as its
# widest line and centred (a photo's caption of several lines: a list's ・ in one column)
ParagraphAlign = Literal["left", "center", "right", "justify", "block"]


# the `numbering` of an article's heading line (see Paragraph): a heading in the PDF's tags and
# the DOCX's 条見出し
ARTICLE_HEADINGS = ("article", "article_heading")


# ---------------------------------------------------------------- inlines
@dataclass(frozen=True, init=False)
class Text:
    """A run of text. `font` names a font role of the house style ("mincho",
    "gothic"); None inherits the paragraph's. `size`: the run's own type size in
    points (a signer's name set larger than its title: agreement.name_size); None, the
    paragraph's. Widths and gaps in em (Spread) stay em of the paragraph's size.
    `changed`: a part a corrected release changed (press_notice.correction.changed),
    set in the house's colour for such parts (colours.changed: 赤字). `changed_at`:
    where only some of its characters are such a part, their [start, end) spans (sorted,
    apart; `changed` then False): the run stays one run, set as before (a Spread's
    spacing, a Whole kept on a line, a Reference's field), and only those characters
    take the colour (changed_pieces)."""
    text: str
    bold: bool = False
    font: str | None = None
    size: float | None = field(default=None, kw_only=True)
    changed: bool = field(default=False, kw_only=True)
    changed_at: tuple[tuple[int, int], ...] = field(default=(), kw_only=True)

    def __init__(self, text: str, bold: bool = False, font: str | None = None, *, size: float | None = None,
                 changed: bool = False, changed_at: tuple[tuple[int, int], ...] = ()):
        # The fields in one update of the instance's dict, where a frozen dataclass's own
        # __init__ sets each through object.__setattr__ (~1,700 instructions a field; a
        # notice's markup makes some thirty runs). The same fields and values: the
        # subclasses keep dataclass's __init__ (tests/test_model_text.py compares them).
        self.__dict__.update(text=text, bold=bold, font=font, size=size, changed=changed, changed_at=changed_at)


@dataclass(frozen=True)
class Reference(Text):
    """Text that names another article of the same document by its number (第２条):
    `article` is that article's number (its `seq`). Printed as its text; the DOCX
    makes it a field Word keeps current when articles are inserted or removed."""
    article: int = 0


@dataclass(frozen=True)
class Spread(Text):
    """Text set across `width` em of its paragraph's font size, the space between
    its characters grown alike and none after the last (均等割付, as forms align
    labels: 日時 across three → 日　時; 理事長 under 大和市長). The characters stay
    the ones written; no line breaks inside. Text as wide or wider is set as it is.
    `gaps`: the em after each character but the last, where they differ (a signature
    line as a signed copy types it: 友實　武則 placed as 友　實　　武　則); `width` is
    then the characters' own and the gaps'."""
    width: float = 0.0
    gaps: tuple[float, ...] = ()


@dataclass(frozen=True)
class Whole(Text):
    """Text a line never breaks inside where it fits on one: a person's name (久保　康之)
    after a title on a line too long for the page goes to the next line whole, rather
    than 久保 / 康之."""


@dataclass(frozen=True)
class LineBreak:
    """A forced line break inside a paragraph."""


Inline = Union[Text, LineBreak]


# ---------------------------------------------------------------- blocks
@dataclass
class Paragraph:
    """A paragraph. Indents are in em of the paragraph's font size so that they
    follow the font: `first_indent` is the extra indent of the first line (1 = the
    usual one-character indent of Japanese prose, never written as a space);
    `left_indent` indents every line. `tracking` adds that many em between the
    characters (報 道 機 関 各 位). `align` "block": the writers set it left,
    indented to centre its widest line (writers/blocks.py, BlockBuilder.block_indent)."""
    inlines: list[Inline]
    style: str = "body"
    align: ParagraphAlign | None = None
    first_indent: float = 0.0
    left_indent: float = 0.0
    space_before: float | None = None
    space_after: float | None = None
    tracking: float = 0.0
    keep_with_next: bool = False
    # A numbered paragraph of a list Word numbers itself (the DOCX writes numbering.xml
    # so that an inserted article renumbers the rest): `numbering` is its level
    # ("article", "paragraph"), `number` the number as printed at the start of its
    # text (第１条, ２), `seq` its value (1, 2 …). The PDF prints the text as it is.
    # An article's heading line is "article" (第１条（目的）) or "article_heading" (（目的）
    # above 第１条　…): both writers make it a heading (ARTICLE_HEADINGS, above).
    numbering: str | None = None
    number: str = ""
    seq: int = 0
    # where a line must break (writers/jlreq.py): "spaces", after a full-width space
    # first (AT_SPACES: the parts set apart, an organisation and its head's title, are
    # not cut where each fits a line), then after a word; "words", after a word only
    # (AT_WORDS: a labelled line, 住　所　…); "": as JLREQ allows
    breaks: str = ""
    # the paragraph's language where it is not the document's Japanese ("en": an
    # agreement's English text): set as Latin text (lines broken at its spaces), tagged
    # /Lang in the PDF, w:lang in the DOCX
    lang: str = ""
    # the address the paragraph links to, the whole of its text the link (a linked
    # document's line: press_notice.sections[].documents[].address): a Link in the
    # tagged PDF, a hyperlink in the DOCX; "": none
    link: str = ""


@dataclass
class Heading:
    """A heading or title; writers break it between phrases where they can. A
    heading under another (a section's part's, （１）　期日) stands `left_indent` em
    in, `space_before` points below what is above it (None: the style's)."""
    inlines: list[Inline]
    level: int = 1
    style: str = "heading"
    align: Align | None = None
    left_indent: float = 0.0
    space_before: float | None = None
    space_after: float | None = None


@dataclass
class Item:
    """A numbered or bulleted item: marker (１, (1), ア, ・, ◆) then text, with the
    following lines hanging under the text. `blocks` are the item's own
    paragraphs, set under it (１ 日時 / then the date on the next line). `hang`
    (em) fixes where the text starts, so that items with markers of different
    lengths (項　目 / 配付資料) line up; None = the marker's width plus one em."""
    marker: str
    inlines: list[Inline]
    blocks: list["Block"] = field(default_factory=list)
    style: str = "item"
    level: int = 0
    hang: float | None = None
    space_before: float | None = None  # points; None = half an em
    numbering: str | None = None       # "item", "subitem": the marker as Word numbering (see Paragraph)
    seq: int = 0
    # the marker as inlines, where a part of it is spread (１　日　時：); its text is `marker`
    marker_parts: tuple = ()


@dataclass
class Cell:
    """A table cell: its blocks and how it is shaded, aligned and spanned."""
    blocks: list["Block"]
    shade: str | None = None          # a colour role of the house style
    align: Align | None = None
    # "beside": the cell's first line beside the last line of the cell before it (a
    # name beside its title, what follows the name under it: writers/beside.py)
    valign: Literal["top", "middle", "bottom", "beside"] = "top"
    colspan: int = 1
    colour: str | None = None         # text colour role of the house style (white on a bar)
    # A header cell: "row" heads its row (a label column: 問合せ先), "column" heads its
    # column (a header row); tagged PDF makes it a TH with that scope.
    header: Literal["row", "column"] | None = None
    # What a reader hears for a header cell that prints nothing (an office's column left
    # without a heading): the tagged PDF's /Alt on its TH. None: its text names it.
    alt: str | None = None


@dataclass
class Table:
    """Rows of cells. `widths` are fractions of the text width (they sum to 1).
    `border` is "grid", "box" (outer frame only) or "none" (layout only).
    `padding` (points) is the space inside every cell; None = the writers' default
    (4 with rules, 1 without). `fit_first`: the first column is widened to its
    longest label (up to a third; writers/columns.py), so that labels do not
    wrap inside a word. `fit_columns`: every column but the last as wide as its
    widest line and an em, the last the rest (people tabulated: 双葉郡　浪江町 | 町長 |
    吉田　栄光). `fit_rest`: the same, but the last column's cells wrap, so a long
    one takes no room from the others (a notice's table: 番号 | 連携事項).
    `fit_blocks`: signature blocks two or three a row, their lines' columns sharing
    their room where a word would be cut, or one a row, the lines' column taking room
    from the space before the labels (writers/signature_columns.py)."""
    rows: list[list[Cell]]
    widths: list[float]
    border: Literal["grid", "box", "none"] = "grid"
    style: str = "table"
    keep_together: bool = False
    padding: float | None = None
    fit_first: bool = False
    fit_columns: bool = False
    fit_rest: bool = False
    fit_blocks: bool = False

    def heading_row(self) -> bool:
        """Whether a ruled table's first row heads its columns (every cell header="column")
        and rows follow it: both writers repeat the row on each page the table runs onto."""
        return self.border != "none" and len(self.rows) > 1 and bool(self.rows[0]) and \
            all(c.header == "column" for c in self.rows[0])


@dataclass
class Ki:
    """The 記 block of a notice: 記 centred, the items, and 以上 at the right when
    `closing` is set."""
    blocks: list["Block"]
    closing: bool = False


@dataclass
class Spacer:
    """Vertical space."""
    height: float                      # points


@dataclass
class Image:
    """A picture (PNG or JPEG file), scaled to fit a box of `width` x `height`
    points without distortion and never enlarged beyond that box; `alt` is its
    text for readers that cannot see it."""
    src: str                           # an absolute path, resolved by the build
    width: float
    height: float
    align: Align = "center"
    alt: str = ""
    # The bytes to embed, read, checked and scaled by the build (images.py); the
    # writers read `src` only for a model made without it.
    data: bytes | None = field(default=None, repr=False, compare=False)


@dataclass
class PageBreak:
    """The next block starts a new page. `numbers_end`: the pages from it on carry
    no page number and are not counted (an agreement's annexed forms, 別記様式).
    `text_page`: a break the spec asks in the text (an agreement's new_page), or one
    before an annex after the first: the text's next page, which on an A3 sheet of two
    pages (writers/sheet.py) is the next half, not the next sheet; none where a page has
    just begun. (The break before the first annex, numbers_end, goes to the next half too.) `key`: the spec's key (dotted)
    of the new_page that asked for it, so that the build can say where the text
    before it ran past its page (build/page_notes.py)."""
    numbers_end: bool = False
    text_page: bool = False
    key: str = ""


@dataclass
class Contents:
    """A table of contents an application keeps: the document's headings of
    `levels` (first, last), as Word's TOC field lists them. `entries` (text, page)
    are what it shows before it is updated. The DOCX writer only (the PDF books
    draw their contents themselves, annual/pdf.py)."""
    levels: tuple[int, int]
    entries: list[tuple[str, int]]


@dataclass
class KeepTogether:
    """Blocks that must stay on one page (closing clause, date and signatures)."""
    blocks: list["Block"]


@dataclass
class Seal:
    """A seal place (印): where a party presses its seal on paper. Writers print
    `mark` in a circle in a square of `size` points (an empty mark: the square left
    blank, where a text has no seals pressed); the PDF writer reports where
    the square landed so that a signature field named `field` can be put over it."""
    field: str
    mark: str = "印"
    size: float = 62.0


Block = Union[Paragraph, Heading, Item, Table, Ki, Spacer, Image, PageBreak, KeepTogether, Seal, Contents]


@dataclass(frozen=True)
class PageMark:
    """Text the page template draws on every page, outside the text flow: a copy's
    写 across the page ("diagonal") or an original's 正本（甲保管） at the top right
    ("corner")."""
    text: str
    where: Literal["diagonal", "corner"] = "diagonal"


@dataclass
class Document:
    """One document: metadata, page set-up and the blocks in reading order."""
    kind: str                          # press-notice, overview, agreement …
    title: str
    author: str
    blocks: list[Block]
    subject: str = ""
    lang: str = "ja-JP"
    orientation: Literal["portrait", "landscape"] = "portrait"
    # One page, always: the PDF writer shrinks every text size in steps (the
    # smallest to `min_size` points at the least) until the blocks fit, and fails
    # with a message when they do not fit even then (writers/fit.py).
    fit_one_page: bool = False
    min_size: float = 8.0
    marks: list[PageMark] = field(default_factory=list)
    # the first page a cover (an agreement's document.cover): not numbered, not counted;
    # the text's pages are numbered from its first (- 1 -), two halves of an A3 sheet too
    cover: bool = False
    # the names of the people the spec holds (signers, attendees, contacts: content/
    # person_names.py): the PDF keeps each whole on a line wherever it stands in the text
    # (森　宏之, never 森 / 宏之), where that takes the paragraph no more lines
    people: tuple[str, ...] = ()


def plain_text(inlines: list[Inline]) -> str:
    """The characters of a run of inlines, line breaks as newlines."""
    if len(inlines) == 1:          # (most paragraphs: their text as it is, no join)
        i = inlines[0]
        return i.text if isinstance(i, Text) else "\n"
    return "".join(i.text if isinstance(i, Text) else "\n" for i in inlines)


def changed_pieces(i: Text) -> list[tuple[str, bool]]:
    """The run's text in pieces each changed or not, in order (text, changed): the
    writers colour each piece, so a run partly changed (Text.changed_at) is set as one
    run and coloured at exactly its changed characters."""
    if not i.changed_at:
        return [(i.text, i.changed)]
    out, pos = [], 0
    for a, b in i.changed_at:
        if a > pos:
            out.append((i.text[pos:a], False))
        out.append((i.text[a:b], True))
        pos = b
    if pos < len(i.text):
        out.append((i.text[pos:], False))
    return out


def sliced(i: Text, a: int, b: int) -> Text:
    """The run's characters [a, b) as a run of its kind and settings, its changed
    characters (changed_at) with them: a writer cutting a run (at a line it breaks, after
    a paragraph's number) keeps the mark on the characters it was on."""
    spans = tuple((max(x, a) - a, min(y, b) - a) for x, y in i.changed_at if max(x, a) < min(y, b))
    whole = spans == ((0, b - a),)
    return replace(i, text=i.text[a:b], changed=i.changed or whole, changed_at=() if whole else spans)


def every_block(blocks: list[Block]) -> list[Block]:
    """walk(blocks) as a list, made by appending (a generator a nested block, and each
    block passed up through every level above it, made a notice's walk ~0.11 M
    instructions): for the checks that each walk a document's blocks in turn."""
    out: list[Block] = []
    _gather(blocks, out)
    return out


def _gather(blocks: list[Block], out: list[Block]) -> None:
    for b in blocks:               # (as walk, below: tests/test_model_walk.py holds the two to one order)
        out.append(b)
        if isinstance(b, (Ki, KeepTogether, Item)):
            _gather(b.blocks, out)
        elif isinstance(b, Table):
            for row in b.rows:
                for cell in row:
                    _gather(cell.blocks, out)


def walk(blocks: list[Block]):
    """Every block, depth first, in reading order."""
    for b in blocks:
        yield b
        if isinstance(b, (Ki, KeepTogether)):
            yield from walk(b.blocks)
        elif isinstance(b, Item):
            yield from walk(b.blocks)
        elif isinstance(b, Table):
            for row in b.rows:
                for cell in row:
                    yield from walk(cell.blocks)
