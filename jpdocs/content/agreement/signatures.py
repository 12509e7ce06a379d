"""The signature blocks: one per party in the signing's order, then the witnesses'
(立会人), each with address, organisation, title and name as the house sets them,
and the name of the PDF signature field over its seal.
"""
from __future__ import annotations

import math
from dataclasses import replace

from markupsafe import Markup

from ...japanese import em_width
from ...spec.schema import Party, Witness
from ..markup import spread
from .text import SignatureLine, Signatory
from .typed_lines import joined, glyphs, sized, title_line, title_width


def witness_fields(witnesses) -> list[str]:
    """The signature field of each witness: its label (立会人), numbered where several
    share one (立会人1, 立会人2), so that each field has a name of its own to sign. A
    witness the text labels not at all (label: false) has its field named after the
    block's first line instead, its organisation or else its title (小山町議会議長)."""
    names = [field_name(w) for w in witnesses]
    count: dict[str, int] = {}
    for name in names:
        count[name] = count.get(name, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if count[name] == 1 else f"{name}{seen[name]}")
    return out


def field_name(witness) -> str:
    """What a witness's signature field is named after: its label, or, unlabelled, the
    first line its block prints (the organisation, else the title; 立会人 for a draft's
    open title)."""
    if witness.label is not False:
        return witness.label
    return witness.name or witness.representative.title or "立会人"


def party_blocks(label: str, party: Party, form=None, blank_name: str = "", pid: str = "",
                 withheld: bool = False, column: float | None = None, body_size: float = 0.0,
                 mark: str = "", withheld_as: str = "") -> list[Signatory]:
    """The party's signature block, then one per co-signer (理事長, then 学長): its
    title and name only, set under the first, each over a seal of its own, in a
    signature field named after the block's (甲2, 甲3 …)."""
    first = signatory_of(label, party, form, blank_name, pid, withheld=withheld, column=column, body_size=body_size,
                         mark=mark, withheld_as=withheld_as)
    out = [first]
    for n, (_, person) in enumerate(party.signers()[1:], start=2):
        block = signatory_of("", party, form, blank_name, pid, person, withheld, column, body_size, mark,
                             withheld_as)
        out.append(replace(block, field=f"{first.field}{n}", continued=True))
    return out


def signatory_of(label: str, party: Party | Witness, form=None, blank_name: str = "", pid: str = "",
                 co_signer=None, withheld: bool = False, column: float | None = None,
                 body_size: float = 0.0, mark: str = "", withheld_as: str = "") -> Signatory:
    """Address, organisation and title/name. A formal name written with a full-width
    space (国立大学法人…機構　北見工業大学) is set on two lines; a line the title begins
    with is left out (北海道オホーツク総合振興局 before 北海道オホーツク総合振興局長,
    北見工業大学 before 北見工業大学学長), as signature blocks do not name it twice —
    unless the house style keeps it (organisation_line: always) or labels the lines
    (signature_labels: 住所, 名称, 代表者), where the 名称 line names it whatever the title.
    A co-signer's block (`co_signer`) is its title and name alone, under its party's.
    `withheld` (signer_names: withheld): a signer named by the title alone has no name
    line and no blank for one, as the published copy prints the title alone; or, with
    `withheld_as` (withheld_name: （氏名省略）), those words on the name's line, as written
    (not a name: neither spread, sized nor marked).
    The signer's `typed` title or name (赤 磐 市 長): the written characters placed where
    the typed form puts them (letter-spacing, no space added: typed_lines.py), in place
    of the house's spread for that line. `column` (name_line: with_title): the em from
    the title's start to its name's (name_column), else the name stands the house's
    name_gap after its own title. The house's name_size: the name (not a draft's blank)
    in a type of its own, `body_size` the block's (its spread and gaps in that em).
    `mark` (signature_mark: (署名)): printed as written straight before a name the
    block prints, in the block's type, where the copy stands for the signature."""
    org = party.formal_name or party.name
    signer = co_signer or party.signer()
    title = signer.shown_title            # "" for a signer with no title (title: false)
    if title is None:                     # a draft's title left open: a blank line to fill in
        title = blank_name
    if org is None:                       # a draft's party left open: a blank 名称 line;
        org = blank_name if isinstance(party, Party) else ""    # a witness in person: none
    labelled = dict(form.signature_labels) if form is not None else {}
    keep = labelled.get("organisation") or (form is not None and form.organisation_line == "always")
    all_lines = [x for x in org.split("　") if x] or ([org] if org else [])
    lines = list(all_lines) if keep else ([] if title and title.startswith(org) else list(all_lines))
    if form is not None and form.organisation_line == "never" and not keep:
        lines = []      # the signer's line names the body as the text writes it (〃　足柄村長)
    if lines and title and title.startswith(lines[-1]) and not keep:
        lines.pop()     # 国立大学法人…機構 / 北見工業大学学長: the title names the school
    dropped = withheld and signer.title_only       # no name, and no blank for one
    words = withheld_as if dropped else ""         # （氏名省略） where the copy withholds it
    name = "" if dropped else signer.name or blank_name
    mark = mark if name else ""
    width = max((len(w) for w in labelled.values()), default=0)
    across = dict(form.signature_spread) if form is not None else {}

    typed = signer.typed
    # placed glyph by glyph (typed_lines.py) where the signer's line is typed or the
    # house sets the name otherwise than one em after its title; else as before
    placed = typed is not None or (form is not None and form.name_line == "with_title"
                                   and (form.name_gap != 1 or column is not None))

    # the name in a type of its own (府中市長　高 野 律 雄), not a draft's blank to fill in
    name_size = form.name_size if form is not None and signer.name and not dropped else None

    def value(key: str, text: str) -> str:     # set across the house's width (大和市長 / 理　事　長)
        if key == "name" and name_size:        # its glyphs larger, its width in em of the block's
            xs, _ = glyphs(text, None, across.get(key), name_size / body_size)
            return sized(joined([(text, xs, 0.0)], name_size / body_size), name_size)
        if placed and key in ("title", "name"):
            xs, _ = glyphs(text, getattr(typed, key) if typed is not None else None, across.get(key))
            return joined([(text, xs, 0.0)])
        return spread(text, across.get(key)) if text.strip("　") else text

    # unlabelled_lines: at_margin: a line without a label starts where a label would
    # (立川市 over 代表者　立川市長), not past the labels' column
    unpadded = form is not None and form.unlabelled_lines == "at_margin"
    # labelled_indent: the labelled line that much further in (　代表者　多摩市長 under 東京都多摩市)
    further = form.labelled_indent if unpadded else 0

    def line(key: str, text: str, first: bool = True) -> SignatureLine:
        word = labelled.get(key, "") if first else ""
        if not width or (unpadded and not word):
            return SignatureLine(text)
        lead = "　" * (further if word else 0)
        return SignatureLine(lead + _padded(word, width) + "　" + text, len(lead) + width + 1)
    block = []
    if co_signer is not None:          # under its party's block: no address, no organisation
        lines = []
    else:
        if getattr(party, "country", None):     # 日本国 above 高崎市長 (a witness has none)
            block.append(line("country", party.country))
        if party.address:
            block.append(line("address", party.address))
    # the line naming the party: the organisation's first, or the title's where the
    # block has none (府中市長); the house may set the label there (block_label_line)
    label_at = len(block)
    # the party's typed_name: the same lines as the copy types them (ｸﾗｲｼｽﾏｯﾊﾟｰｽﾞ･ｼﾞｬﾊﾟﾝ;
    # spec/typed.py checks it is the written name under NFKC, line for line)
    typed_name = getattr(party, "typed_name", None) if co_signer is None else None
    shown = [x for x in typed_name.split("　") if x][:len(lines)] if typed_name else lines
    block += [line("organisation", value("organisation", x), i == 0) for i, x in enumerate(shown)]
    # a co-signer's lines carry no label: 代表者 (the house's) would call the 学長 the
    # party's representative, which the spec does not say
    own = co_signer is None
    signer_at = len(block)               # the signer's first line: its title's, or its name's
    if form is not None and form.name_line == "with_title":
        if placed:         # 赤 磐 市 長　　友　實　　武　則, or the names in one column
            text = title_line(title, typed and typed.title, across.get("title"), (words or None) if dropped else name,
                              typed and typed.name, None if dropped else across.get("name"),
                              form.name_gap if title else 0.0, column, name_size, body_size, mark)
        else:
            text = ((value("title", title) + ("" if dropped and not words else "　")) if title else "") + \
                (words if dropped else mark + value("name", name))
        block.append(line("title", text, own))   # 球磨郡錦町長　浅生利夫 (or the name alone: title: false)
    else:
        named = [line("name", mark + value("name", name), own)] if not dropped else \
            [line("name", words, own)] if words else []
        titled = [line("title", value("title", title), own)] if title else []   # none: title: false
        above = form is not None and form.name_line == "above_title"     # 西尾邑次 / 日本国鳥取県知事
        if above and named and titled and not lines:
            label_at += 1                        # the line naming the party is the title's, under the name
        block += named + titled if above else titled + named
    # the house's space above the signer's lines, where the party's stand above them (府中市)
    space = form.space_before_signer if form is not None else 0
    if space and own and 0 < signer_at < len(block):
        block[signer_at] = replace(block[signer_at], before=space)
    return Signatory(label, label or getattr(party, "short_name", None) or party.name or pid,   # (a witness has none)
                     "" if co_signer is not None else party.address or "", tuple(lines), title,
                     name, tuple(block), label_at=label_at)


def name_column(signers, form, blank_name: str = "") -> float | None:
    """agreement.name_column: the em from a title's start to its name's, the same in
    every block: the widest title as printed (typed, spread or as written) and the
    house's name_gap. `signers`: every signer whose block the agreement prints."""
    if form is None or form.name_line != "with_title" or not form.name_column:
        return None
    across = dict(form.signature_spread).get("title")
    widths = [title_width(s.shown_title if s.shown_title is not None else blank_name,
                          s.typed.title if s.typed is not None else None, across) for s in signers]
    return max(widths, default=0.0) + form.name_gap


def typed_names_unlined(parties, signatories) -> list[tuple[str, Party, str]]:
    """(id, party, the title that names it) of each party of `parties` ((id, party), in
    the agreement's order) whose typed_name has no line to set: its block (the first of
    `signatories` of the party) prints no organisation line, as its signer's title
    names the organisation (府中市長)."""
    firsts = [s for s in signatories if not s.continued]
    return [(pid, party, first.title) for (pid, party), first in zip(parties, firsts)
            if party.typed_name and not first.organisation]


def labels_in_lines(blocks, first_line: bool = False, under: bool = False) -> tuple[Signatory, ...]:
    """agreement.block_label_line: organisation — each block's label (甲) printed at the
    start of the line naming its party (甲　横瀬町), every other line of the block at
    the margin after it (the address above, at the organisation's margin): the labels'
    column is as wide as the widest label, then one em. The label's line keeps its own
    hang (住　所, 代表者) after the label. A block without a label (a co-signer's, or
    every block where the parties are called by one word) keeps the margin.
    `first_line` (block_label_line: first_line): the label in the block's first line
    (甲　東京都立川市…) instead. `under` (label_margin: under): the other lines at the
    label's own x (甲　東京都国立市… / 国立市), as a paragraph whose first line the
    label leads."""
    width = math.ceil(max((em_width(s.label) for s in blocks), default=0))
    if not width:
        return tuple(blocks)
    margin = width + 1.0
    out = []
    for s in blocks:
        lines = []
        at = 0 if first_line else s.label_at
        for i, ln in enumerate(s.lines):
            if s.label and i == at:
                gap = width - em_width(s.label)          # a narrower label (甲 beside 振興局) padded
                pad = "　" * int(gap) + (" " if gap % 1 else "") + "　"
                lines.append(replace(ln, text=pad_before(s.label + pad, ln.text), hang=ln.hang + margin))
            elif not under:
                lines.append(replace(ln, left=margin))
            else:
                lines.append(ln)
        out.append(replace(s, lines=tuple(lines), label_at=at))
    return tuple(out)


def pad_before(prefix: str, text) -> str:
    """`prefix` before `text`, which may be markup (a spread line): escaped as text."""
    return Markup.escape(prefix) + text if isinstance(text, Markup) else prefix + text


def _padded(word: str, width: int) -> str:
    """A label set in `width` characters, as forms align them: 住所 in three → 住　所."""
    if not word:
        return "　" * width
    if len(word) == 2 and width == 3:
        return word[0] + "　" + word[1]
    return word + "　" * (width - len(word))
