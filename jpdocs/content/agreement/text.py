"""The agreement's text as plain data, what templates/agreement.xml.j2 prints: the
title, preamble, articles (第１条 with its paragraphs, items （１） and sub-items ア),
closing, date line and signature blocks. compose.py makes it; nothing here decides.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...spec.term import Term


@dataclass(frozen=True)
class Entry:
    """A numbered item (号, marker （１）) or a sub-item (細目, marker ア)."""
    marker: str
    text: str
    entries: tuple["Entry", ...] = ()


@dataclass(frozen=True)
class Clause:
    """A paragraph (項) of an article: the first has no marker, then ２, ３ … `lead`
    is what is printed before its text on its line, the following lines hanging
    under it: ２　 (or, in the house's article form, 第１条　 before the first)."""
    marker: str
    text: str
    entries: tuple[Entry, ...] = ()
    lead: str = ""
    table: tuple[tuple[str, ...], ...] = ()   # rows after the text and items, the first heading the columns
    table_widths: str = ""                    # its columns' shares of the text width
    seq: int = 0                              # its number (２ → 2); 0 for the first and an unnumbered one
    left: float = 0.0                         # em: an unnumbered one's margin, the text's of the paragraph it continues
    new_page: bool = False                    # a new page begins with it (the spec's paragraph new_page)


@dataclass(frozen=True)
class Article:
    """An article as printed: its number, heading and clauses, and where its text came from."""
    name: str          # purpose, areas … or an extra article's name
    number: str        # 第１条
    heading: str       # 目的; "" for an article the spec writes without one
    clauses: tuple[Clause, ...]
    origin: str = "spec"   # "standard": as the standard set has it; "changed": the set's, changed by the spec
    title: str = ""    # the heading line as the house sets it: 第１条（目的）; "" when run into the text
    title_indent: float = 0.0   # em: one when the number is in the lead (（目的） / 第１条　…)
    chapter: str = ""  # the heading of the chapter this article begins (第１章　総則), set above it
    seq: int = 0       # its number (8 for 第８条), as the text numbers it
    new_page: str = ""   # the spec's: "before" it (a new page begins with it), "after_heading" (its text
    #                      begins the new page, its heading line ending the page before), or ""
    key: str = ""        # where the spec writes it, dotted (agreement.document.extra_articles.2): its
    #                      breaks' keys (….new_page, ….text.1.new_page) name them in the build's notes


@dataclass(frozen=True)
class SignatureLine:
    """A line of a signature block: its text (住　所　北海道… with labelled lines) and
    the em its following lines hang by."""
    text: str
    hang: float = 0.0
    left: float = 0.0   # em: its margin in the block's cell; the label's line begins at 0 (block_label_line)
    before: float = 0.0  # points above it: the signer's first line under the party's (space_before_signer)


@dataclass(frozen=True)
class Signatory:
    """One signature block: label, field, address, organisation, title and name."""
    label: str         # 甲 (or 大学), or "" when one word names all parties (両市)
    field: str         # the PDF signature field over the seal place
    address: str
    organisation: tuple[str, ...]  # lines; empty when the title already names it
    title: str
    name: str          # a draft's blank when left open
    lines: tuple[SignatureLine, ...] = ()   # what the block prints, in order
    continued: bool = False   # a co-signer's: title and name under the block above, of its party
    label_at: int = 0         # the line the label stands on: 0, or under the address (block_label_line)


@dataclass(frozen=True)
class SupplementaryText:
    """The 附則 (document.supplementary), as written: its heading, its paragraphs, and
    whether the first runs on the heading's line (附則　この協定は…)."""
    heading: str
    paragraphs: tuple[str, ...]
    run_in: bool = False


@dataclass(frozen=True)
class AgreementText:
    """Everything the agreement template prints, composed from the spec (compose.py)."""
    title: str                     # …との包括連携に関する協定書
    title_lines: tuple[str, ...]   # the title broken where it reads well
    preamble: str
    articles: tuple[Article, ...]
    closing: str
    date: str                      # 令和６年２月27日
    signatories: tuple[Signatory, ...]
    labels: tuple[str, ...]        # 甲, 乙 …; empty with one word for all
    standard: str = ""             # the standard set chosen, and its file
    standard_file: str = ""
    term: Term | None = None       # the term of validity the text states
    kind: str = "協定書"            # 協定書, 覚書, 契約書, 確認書, 盟約書, 協議書, 合意書, 協約書, 共同声明, 議定書, 憲章
    writing: str = "である"         # である or です・ます, the whole text
    draft: bool = False            # a draft (案): marked on every page
    blanks: tuple[str, ...] = ()   # the keys a draft leaves open
    label_chars: int = 1           # the longest signature-block label (甲: 1; 振興局: 3), for its column
    witnesses: tuple[Signatory, ...] = ()   # 立会人: blocks set after the parties'
    sealed: bool = True            # the closing has the signers press their seals (記名押印): 印 by each block
    term_printed: bool = False     # the standard set's 有効期間 article prints the term (drafts.prints_generated_term)
    prose: tuple = ()              # the text's paragraphs where it has no articles (document.prose):
                                   # strings, prose.ProseItems for a list under a paragraph and
                                   # prose.ProseCentredLine for a centred line (記),
                                   # prose.ProseHeadingLine for a section's heading
    gaps: tuple[tuple[tuple, str, str], ...] = ()   # (key path, 第６条's number, 第８条's): numbers the text skips
    names_withheld: bool = False   # signer_names: withheld: the titles alone, as the published copy
    annexes: tuple["Annex", ...] = ()   # 別記様式, 別表 …: pages after the signatures
    cover: "CoverText | None" = None    # the cover page before the text (cover.py)
    labels_in_lines: bool = False  # block_label_line: organisation: each label printed in its line (甲　横瀬町)
    labels_on_titles: tuple[tuple[tuple, str], ...] = ()   # (key path, 甲): a block with no organisation line,
                                                           # its label on the title's (the build says so)
    seal_places_blank: bool = False   # seal_places: blank: no 印 under a closing that asks one, as the copy
    blocks_withheld: bool = False     # signature_blocks: withheld: the copy names no signer, no block printed
    translations: tuple = ()       # the text in another language, after the signatures (translations.py)
    supplementary: SupplementaryText | None = None   # 附則: after the last article, before the closing
    date_in_closing: bool = False  # date_line: in_closing: no date line, the closing states the date (date "")
    signing_place: str = ""        # document.signing_place: a line under the date line, as written
    kind_words: tuple[str, ...] = ()  # kind_words_as_written: another kind's words the text calls itself by
    closed_by_article: bool = False   # closing: false after articles whose last one makes the copies (阿蘇・竹田);
                                      # false beside closing: false: the text has no closing at all (the build says which)
    term_end_blank: str = ""       # a term left open with the signing day ends on this blank (the date line's era)
    # the closing's paragraphs as printed, each a line of its own (a list: the attestation, then the
    # sentence of the date); `closing` holds them joined, for what reads the closing whole
    closing_paragraphs: tuple[str, ...] = ()
    # the preamble as printed: its paragraphs (strings), a heading over them (preamble.PreambleHeadingLine),
    # a centred line under them (prose.ProseCentredLine, 記); `preamble` holds its paragraphs joined
    preamble_parts: tuple = ()
    # date_line: over_each_signer: the date over each signature block (date ""), as each party dated it
    date_over_blocks: str = ""
    # document.title_note: a note after the title on its last line, as written (仮協約書案　（三村長協定）)
    title_note: str = ""
    # no closing in the spec, the generated one printed (本書Ｎ通…記名押印の上…): it states how the
    # text is signed and how many originals are kept, facts the spec did not give, which the build names
    closing_generated: bool = False
    open_refs: tuple[tuple[tuple, str], ...] = ()   # a draft's (key path, message): 第６条 named, none printed
    # (key path, message): an annex the text names (別表に定める…) that the document does not print
    unprinted_annexes: tuple[tuple[tuple, str], ...] = ()


@dataclass(frozen=True)
class AnnexEntry:
    """A numbered entry of an annex (１　協力要請の理由) and the lines under its text."""
    marker: str
    text: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnnexPart:
    """One part of an annex, as the spec writes it (spec/annex.py): `kind` is text,
    title, items or table."""
    kind: str
    text: str = ""
    align: str = ""                           # "", center or right (a text)
    entries: tuple[AnnexEntry, ...] = ()      # items
    hang: float = 0.0                         # em from an entry's marker to its text
    rows: tuple[tuple[str, ...], ...] = ()    # a table, the first row heading the columns
    widths: str = ""                          # the table's columns' shares of the text width
    caption: str = ""                         # a line above the table


@dataclass(frozen=True)
class Annex:
    """別記第１号様式, 別表 …: pages after the signatures."""
    heading: str
    parts: tuple[AnnexPart, ...]
