"""The text of an agreement (協定書) as plain data for templates/agreement.xml.j2.

From the spec's `agreement:` section (its `document:`), its parties and the
standard set of articles the spec chooses (article_sets.py) compose() decides
what the agreement says: its title, the preamble defining the labels (甲, 乙 … or
one word such as 両市), the articles — the standard set's, changed, removed and
added to by the spec, each marked with where it came from — numbered as horizontally written
local-government documents number them (第１条, paragraphs ２, ３, items （１）,
sub-items ア), the closing clause, the date line and one signatory per party.
Numbers are written in the house digit style; the Japanese wording rules
(enumerations, labels, periods, dates) are those of enumeration.py and japanese.py.
The template only prints what is here.
"""
from __future__ import annotations

import datetime as dt

from dataclasses import replace

from ... import enumeration, japanese
from ...errors import InputError, Problem
from ...party_words import party_names
from ...spec.base import title_text
from ...spec.blank_checks import blank_keys, unnamed_signers
from ...spec.load import LoadedSpec
from ...spec.schema.agreement import own_paragraphs, own_words
from ...spec.source import dotted
from ...spec.term import term_of
from ...spec.unprinted import typed_name_unlined, writing_unprinted
from .annexes import compose_annexes
from .annex_refs import prose_texts, unprinted_annexes
from .article_refs import article_texts, missing_articles
from .translations import compose_translations
from .copies import check_copies
from .cover import compose_cover
from .date_line import check_date_line
from .article_sets import choose, load_sets
from .checks import (check_block_labels, check_by_hand, check_name_size, check_paragraphs, check_own_wording,
                     check_witnesses, says_seal)
from .drafts import Draft, apply_overrides, from_set, insert_extras, prints_generated_term
from .kind_wording import SELF, check_kind_wording
from .fill import PARENTHESIZED, all_text, fill_placeholders, make_clause, paragraph_numbers, refs_in
from .numbers import PARAGRAPHS_KEY, article_numbers, article_numeral, numbers_first_paragraph
from .preamble import check_preamble, preamble_parts
from .prose import check_prose, prose_parts
from .published import check_published, closing_article
from ..markup import spread
from .signatures import labels_in_lines, name_column, party_blocks, signatory_of, typed_names_unlined, witness_fields
from .text import AgreementText, Article, SupplementaryText
from .wording import (CLOSING, CLOSING_BY_HAND, KINDS, document_title, party_label_words, polite,
                      named_kind, title_kind, title_lines, title_refused)


def compose(loaded: LoadedSpec, style, final: bool = False) -> AgreementText:
    """The agreement document's text, or an InputError naming every problem: each
    article comes from the chosen standard set or from the spec, and a change that
    would have no effect, a duplicate, a missing purpose, text in the other style
    (です・ます in a である document), or no article at all is an error rather than
    a silent guess. final=True (--final) refuses a draft and its blanks."""
    spec = loaded.spec
    ag = spec.agreement
    doc = ag.document
    digit_style = style.digits
    form = style.agreement
    problems: list[Problem] = []
    file = str(loaded.path)

    def problem(path: tuple, message: str) -> None:
        problems.append(Problem(file, loaded.line_of(path), dotted(path), message))

    D = ("agreement", "document")
    chosen, set_file = None, ""
    if doc.standard:
        set_file = str(style.article_sets)
        chosen = choose(load_sets(set_file), doc.standard, set_file,
                        (file, loaded.line_of(D + ("standard",)), dotted(D + ("standard",))))
    kind = KINDS[doc.kind]
    # the title first: where the default would contradict the name or make one up, that is
    # the cause to report before anything of the text; a name ending in another kind's word
    # (…協議 for a 盟約書) says the kind may be the wrong one, so the kind's own wording is
    # not checked until they agree (its errors would follow from the same cause)
    refused = None if doc.title else title_refused(ag.title, doc.kind)
    if refused:
        problem(D + ("title",), f"not given, and {refused}: write the document's title as it is printed"
                                " (document.title)")
    names_another_kind = bool(refused) and title_kind(ag.title) not in (None, doc.kind)
    # a title written out is printed as written, and the text calls itself by its kind's
    # word (本協定): a title ending in another kind's word (…に関する覚書 over a 協定書's
    # 本協定は…) is a document that contradicts itself on its first line
    given_title = title_text(doc.title) if doc.title else doc.title
    named = named_kind(given_title) if given_title else None
    if named not in (None, doc.kind):
        unsaid = "" if "kind" in doc.model_fields_set else " (kind: not given, the default)"
        problem(D + ("title",), f"the title ({given_title}) ends in a {named}'s word, and the document is a"
                                f" {doc.kind}{unsaid}, whose text says it is a {doc.kind}: write kind: {named},"
                                " or the title as the signed text has it")
        names_another_kind = True
    # the document's word for itself (本協定); a kind without one (盟約書) keeps {doc}
    # in what would say it, which kind_wording.py refuses
    self_word = "本" + kind.word if kind.word else SELF
    writing = doc.writing or (chosen.writing if chosen else "である")
    if chosen and doc.writing and doc.writing != chosen.writing:
        problem(D + ("writing",), f"the standard set '{doc.standard}' is written {chosen.writing}, and the"
                                  f" document is to be written {doc.writing}: choose a set written {doc.writing},"
                                  " or leave writing: out to write as the set does")
    blanks = tuple(dotted(k) for k in blank_keys(spec) + unnamed_signers(spec))   # the note names each
    if final and doc.draft:
        problem(D + ("draft",), "a final build (--final) of a draft: remove draft: true"
                                + (f" and fill in what it leaves open ({', '.join(blanks)})" if blanks else ""))
    if final:
        for k in blank_keys(spec):
            problem(k, "left open (null) in a draft; a final build (--final) needs it written")
    parties = spec.party_list()
    comma = style.word("comma")          # 、 or the house's ， (wording.comma), in every word it writes
    labels, words = party_label_words(doc.labels, len(parties), doc.collective, [i for i, _ in parties], comma,
                                      doc.conjunction or "及び")
    words = dict(words, doc=self_word)
    num = lambda n: japanese.digits(n, form.numbering_digits or digit_style)   # noqa: E731
    # the items' own digits where the house gives them ((1) beside 第１条, as 消防庁's model)
    item_num = (lambda n: japanese.digits(n, form.item_digits)) if form.item_digits else num   # noqa: E731
    # the articles' and chapters' numbers: the same figures, or kanji (第一条) where the text has them
    art_num = article_numeral(doc.article_numerals, form.article_numerals, num, problem)
    from_first = numbers_first_paragraph(doc.paragraph_numbers, form.paragraph_numbers, problem)
    term = term_of(ag)
    blank_date = style.word("blank_date")
    # the date line in its own digits where the house gives them (平成29年7月26日 beside 第１条)
    date_style = form.date_digits or digit_style

    def dated(digits: str) -> str:
        return (japanese.date_in(ag.signing_date, form.calendar, "none", digits)
                if ag.signing_date else year_kept(ag.signing_year, blank_date, digits, form.calendar,
                                                  ag.signing_month)
                if ag.signing_year else era_kept(ag.signing_era, blank_date, problem)
                if ag.signing_era else blank_date)
    date = dated(date_style)
    # the cover's date in its own digits where the house types it so (清瀬市: 平成３０年４月２５日)
    # (a date left open or kept in its era alone has no digits to set otherwise)
    cover_date = (dated(form.cover_date_digits) if form.cover_date_digits and (ag.signing_date or ag.signing_year)
                  else date)
    # a term left open with the signing day ends on a blank date in the date line's era
    # (大正　　年　　月　　日 in a 大正 draft), never in the house's 令和
    end_blank = blank_in_era_of(date, blank_date) if not ag.signing_date else blank_date

    drafts = from_set(chosen, ag, term, digit_style, problem, self_word, writing, end_blank,
                      form.calendar, comma) if chosen else []
    apply_overrides(drafts, chosen, doc, ag, problem)
    if term.until_ended and not term.ended_by_notice and chosen and prints_generated_term(chosen, doc):
        # how a term without an end is ended is a fact of the agreement, never the set's wording
        problem(("agreement", "validity", "until_ended"),
                "the standard 有効期間 article would have to say how the agreement without an end is ended, and"
                " the spec does not say: say ended_by_notice: true if a party's notice ends it (終了の申出), or"
                " give the article its own text (document.articles.validity.text)")
    insert_extras(drafts, chosen, doc, problem)
    if doc.paragraph_numbers and doc.paragraph_numbers != form.paragraph_numbers and not doc.prose and not any(
            max(paragraph_numbers(d.text), default=0) > 1 for d in drafts):
        problem(PARAGRAPHS_KEY, f"paragraph_numbers: {doc.paragraph_numbers} numbers the paragraphs of an article of"
                                " two or more, and no article has two: it would have no effect; remove it")
    if not drafts and not problems and not doc.prose:
        problem(D, "the agreement has no article: choose a standard set (standard: 包括連携) or write"
                   " the articles under extra_articles")
    seen: dict[str, Draft] = {}
    for d in drafts:
        if d.heading is None:
            continue                # an article without a heading: nothing to confuse it with
        if d.heading in seen:
            first = seen[d.heading]
            written = d if d.origin != "standard" or first.origin == "standard" else first   # the spec's key
            problem(written.key, f"two articles are headed 「{d.heading}」 ('{first.name}' and '{d.name}');"
                                 " change or remove one")
        seen.setdefault(d.heading, d)
    uses_purpose = [d for d in drafts if d.fill and "{purpose}" in all_text(d.text)]
    if uses_purpose and not doc.purpose:
        d = uses_purpose[0]
        problem(D + ("purpose",), f"the article 「{d.heading}」 of the standard set '{doc.standard}' states the"
                                  " agreement's purpose (…{purpose}ことを目的とする。): write it as document.purpose"
                                  " (…を図る), or give that article a text of its own")
    subject = doc.subject or (chosen.subject if chosen else None)
    generated_preamble = doc.preamble is None and not doc.prose
    if ag.amends and generated_preamble and doc.subject:
        problem(D + ("subject",), "the agreement amends another (agreement.amends), and the generated preamble"
                                  " says so in the subject's place (…は、…に締結した…（以下「原協定」という。）に関し、"
                                  "…): remove subject, or write the preamble as the text has it")
    original = ag.amends.signing_date if ag.amends else None
    if generated_preamble and isinstance(original, japanese.PartialDate) and form.calendar != "western" \
            and (why := japanese.part_era_problem(original)):
        problem(("agreement", "amends", "signing_date"), why)     # the preamble would name its era
    if generated_preamble and not doc.subject and not ag.amends and chosen and chosen.subject \
            and "包括" in chosen.subject and "包括" not in ag.title:
        # the only standard set is a 包括連携協定's: its preamble would call an agreement
        # that does not say so (…観光振興に関する連携協定) a comprehensive one
        problem(D + ("standard",), f"the standard set '{doc.standard}' makes the preamble say the agreement is"
                                   f" about {chosen.subject} (…は、{chosen.subject}に関し、…), and its name"
                                   f" ({ag.title}) does not say 包括: write document.subject, what it is about"
                                   " (観光振興に関する連携)")
    if not subject and generated_preamble and not ag.amends:
        problem(D + ("subject",), "write document.subject, the preamble's …は、<subject>に関し、次のとおり協定を"
                                  "締結する。 (no standard set gives one), or a preamble of the spec's own")
    # the labels before the signature blocks: by default, but not after prose, which defines none
    # (a list: before those parties' blocks alone, 甲 before the first block of 大東市's copy)
    block_labels = doc.block_labels if doc.block_labels is not None else not doc.prose
    check_block_labels(doc, party_names(parties), labels, problem)
    check_by_hand(doc, spec, problem)
    check_name_size(doc, parties, form, problem)
    if form.signature_columns > 1:
        for pid, party in parties:
            if party.co_signers:
                problem(("parties", pid, "co_signers"), f"the house sets the signature blocks in"
                        f" {form.signature_columns} columns"
                        f" (agreement.signature_columns: {form.signature_columns}), a signer a block; a co-signer signs under its"
                        " party's block, which only one column sets: say signature_columns: 1 in the house"
                        " style, or sign for the party with one signer")
    if doc.prose:
        check_prose(doc, labels, [p for _, p in parties], problem)
    check_own_wording(loaded, doc, drafts, labels, writing, kind, problem)
    if not names_another_kind:
        check_kind_wording(doc, kind, drafts, problem)
    check_paragraphs(doc, problem)
    check_witnesses(doc, labels, [p for _, p in parties], problem, closing_article(drafts))
    check_copies(doc, drafts, labels, [p for _, p in parties], problem)
    check_published(spec, doc, drafts, labels, problem)
    check_date_line(ag, doc, problem)
    check_preamble(doc.preamble, form.article_heading, problem)
    if problems:
        raise InputError(problems)

    names = [p.formal_name or p.name or style.word("blank_name") for _, p in parties]
    if doc.prose:
        preamble = ""                      # the prose's first paragraph says who agrees to what
    elif doc.preamble is not None:
        preamble = own_words(doc.preamble) or ""   # false: no preamble, the text begins with 第１条
    else:
        if labels:
            # A label that is the party's own name (町田市) needs no definition: no office
            # writes 町田市（以下「町田市」という。）.
            defined = [name if label in party.names() else f"{name}（以下「{label}」という。）"
                       for name, label, (_, party) in zip(names, labels, parties)]
            preamble_parties = enumeration.join_parties(defined, comma)
        else:
            preamble_parties = enumeration.join_parties(names, comma) + f"（以下「{doc.labels}」という。）"
        verb = f"{kind.word}を{doc.conclude}" if doc.conclude else (kind.verb or f"{kind.word}を締結する")
        if ag.amends:           # what it is about: the agreement it amends, by its title and date
            subject = amended_subject(ag.amends, form.calendar, digit_style)
        preamble = polite(f"{preamble_parties}は{comma}{subject}に関し{comma}次のとおり{verb}。", writing)

    purpose = (doc.purpose or "").removesuffix("こと")
    order = [d.name for d in drafts]
    numbers, gaps = article_numbers(drafts, art_num, problem)
    chapters = chapter_starts(doc.chapters, order, art_num, form.chapter_heading, problem, numbers)
    articles = []
    for i, d in enumerate(drafts):
        text = d.text
        if d.fill and d.otherwise is not None and any(r not in order for r in refs_in(text)):
            text = d.otherwise
        fill = ((lambda t, i=i: fill_placeholders(t, words, order, i, loaded, d, purpose, art_num, numbers)) if d.fill
                else (lambda t: t))
        if any((getattr(c, "item_marker", None) or form.item_marker) == "⑴"
               and len(getattr(c, "items", ())) > len(PARENTHESIZED) for c in text):
            problem(d.key or ("agreement", "document"), f"the article 「{d.heading or d.name}」 has a paragraph of"
                    f" more than {len(PARENTHESIZED)} items, and the house marks items ⑴ to ⒇"
                    " (agreement.item_marker): split the paragraph")
            continue
        if getattr(text[0], "unnumbered", False):
            base = d.key[:-1] if d.key[-1:] == ("heading",) else d.key     # an extra article's key names its heading
            problem(base + ("text", 0, "unnumbered") if base else D + ("standard",),
                    f"the first paragraph of the article 「{d.heading or d.name}」 is unnumbered: it has no"
                    " paragraph before it to continue (unnumbered would have no effect)")
            continue
        counted = paragraph_numbers(text)
        # from the first (1) where the document or house numbers as treaties do and the article has two or more
        first = 1 if from_first and max(counted) > 1 else 2
        clauses = [make_clause(n, c, fill, num, form.paragraph_lead, form.item_marker, item_num, first)
                   for n, c in zip(counted, text)]
        number = f"第{art_num(numbers[i])}条"
        if d.heading is None:
            # No heading to set in the house's form: the number stands before the
            # text on its line (第１条　この協定は、…), whatever the form.
            title, lead = "", number + "　"
        else:
            title = _form(form.article_heading, number, d.heading)
            lead = _form(form.article_lead, number, d.heading)
        new_page = page_break_of(d, text, title, number, problem)
        if lead and clauses:             # (第二条　1　この議定書は…: the article's number, then the paragraph's)
            clauses[0] = replace(clauses[0], lead=lead + clauses[0].lead)
        for j in range(1, len(clauses)):
            if not clauses[j].lead:      # unnumbered: on the margin of the text it continues (under 甲は、)
                clauses[j] = replace(clauses[j], left=clauses[j - 1].left
                                     or (form.article_hang if clauses[j - 1].lead else 0.0))
        indent = (form.heading_indent if form.heading_indent is not None
                  else 1.0 if title and "{number}" not in form.article_heading else 0.0)
        articles.append(Article(d.name, number, d.heading or "", tuple(clauses), d.origin, title, indent,
                                chapters.get(d.name, ""), numbers[i], new_page,
                                dotted(d.key[:-1] if d.key[-1:] == ("heading",) else d.key)))

    # 第７条 in a text where no 第７条 is printed (an article deleted or moved, its reference left)
    article_keys = [(d.key[:-1] if d.key[-1:] == ("heading",) else d.key) or D + ("standard",) for d in drafts]
    missing = missing_articles([(key, t) for key, a in zip(article_keys, articles) for t in article_texts(a)],
                               {a.seq for a in articles})
    for key, message in [] if doc.draft else missing:
        problem(key, message)
    annexes = compose_annexes(doc.annexes, num, problem)
    # 別表 named in the text, no annex of that name printed (cut from the copy; the build says so)
    supplementary = [(D + ("supplementary", "text", i), t) for i, t in enumerate(doc.supplementary.text)] \
        if doc.supplementary else []
    unprinted = unprinted_annexes([(key, t) for key, a in zip(article_keys, articles) for t in article_texts(a)]
                                  + list(prose_texts(doc.prose)) + supplementary, [a.heading for a in doc.annexes])
    translations = compose_translations(doc.translations, party_names(parties), problem)
    if problems:
        raise InputError(problems)
    closing_form = CLOSING_BY_HAND if doc.signed_by_hand else CLOSING     # 署名の上, or 記名押印の上
    closing = "" if doc.closing is False else own_words(doc.closing) or polite(closing_form.replace("、", comma).format(
        self=self_word, act=kind.act, n=japanese.digits(len(parties), digit_style), compact=words["compact"],
        one=japanese.digits(1, digit_style)), writing)
    if problems:                          # a signing_era the house's blank date cannot hold
        raise InputError(problems)
    # a name withheld (signer_names: withheld) prints nothing where a draft's blank would stand
    withheld = doc.signer_names == "withheld"
    # the names in one column (name_column): after the widest title of every block
    column = name_column([p for _, party in parties for _, p in party.signers()]
                         + [w.representative for w in doc.witnesses], form, style.word("blank_name"))
    blocks_withheld = doc.signature_blocks == "withheld"    # the copy names no signer: no block
    mark = doc.signature_mark or ""       # (署名) before each name, as the copy prints it
    words_withheld = doc.withheld_name or ""   # （氏名省略） where each name would stand
    per_party = [] if blocks_withheld else [(pid, party_blocks(labels[i] if labels else "", party, form,
                                                                style.word("blank_name"), pid, withheld, column,
                                                                style.styles["body"].size, mark, words_withheld))
                                            for i, (pid, party) in enumerate(parties)]
    signatories = tuple(block for _, blocks in per_party for block in blocks)
    # a typed_name where the block prints no organisation line (the title names it) is
    # printed nowhere but by a user's template: the build decides (spec/unprinted.py), and
    # where the text is refused for another reason, it is refused beside it (spec/typed.py
    # checks the rest)
    unlined = [Problem(file, loaded.line_of(key.at), dotted(key.at), key.why)
               for key in map(typed_name_unlined, typed_names_unlined(parties, signatories))]
    unlined_at = len(problems)
    if not block_labels:                 # (each signature field keeps its label's name: 甲, 乙)
        signatories = tuple(replace(s, label="") for s in signatories)
    elif isinstance(block_labels, list):   # the label before the blocks of the parties listed alone
        signatories = tuple(s if pid in block_labels else replace(s, label="")
                            for pid, blocks in per_party for s in blocks)
    fields = witness_fields(doc.witnesses)
    witnesses = tuple(replace(signatory_of(w.label or "", w, form, style.word("blank_name"), withheld=withheld,
                                           column=column, body_size=style.styles["body"].size, mark=mark,
                                           withheld_as=words_withheld),
                              field=field)
                      for w, field in zip(doc.witnesses, fields) if not blocks_withheld)
    # a title given as its lines (災害時等における無人航空機による / 情報収集活動…) is broken there
    given_lines = tuple(doc.title) if isinstance(doc.title, list) else ()
    if doc.title_note is not None and not doc.title_note.strip():
        problem(D + ("title_note",), "the title's note is blank: write it as the text prints it beside the title,"
                                     " or leave title_note out")
    full_title = given_title or document_title(ag.title, doc.kind)
    if form.block_label_prefix or form.block_label_suffix:   # 甲：, （甲）, as the house sets each block's label
        signatories, witnesses = (tuple(replace(s, label=form.block_label_prefix + s.label + form.block_label_suffix)
                                        if s.label else s for s in blocks) for blocks in (signatories, witnesses))
    label_chars = max((len(s.label) for s in signatories + witnesses), default=0)
    in_lines = form.block_label_line != "first" and label_chars > 0
    on_titles = ()
    if in_lines:               # 甲　横瀬町 under the address: the labels in the blocks' lines
        both = labels_in_lines(signatories + witnesses, form.block_label_line == "first_line",
                               form.label_margin == "under")
        signatories, witnesses = both[:len(signatories)], both[len(signatories):]
        # a block whose title names its organisation (府中市長) has no organisation line:
        # its label stands on the title's, which the build names
        keys = [("parties", pid) for pid, party in parties for _ in range(1 + len(party.signers()[1:]))] + \
               [("agreement", "document", "witnesses", i) for i in range(len(witnesses))]
        on_titles = tuple((key, s.label) for key, s in zip(keys, signatories + witnesses)
                          if s.label and not s.continued and not s.organisation
                          and form.block_label_line == "organisation")
    shown = given_lines or title_lines(full_title)
    if len(shown) == 1:                  # 覚書 across three em: 覚　書 (agreement.title_spread)
        shown = (spread(shown[0], style.agreement.title_spread),)
    cover = compose_cover(doc, parties, names, full_title, shown, cover_date, problem)
    # the spec's own articles write their term themselves: 書面による would print nowhere
    # but by a user's template (the build decides, and it is said beside the rest, as above)
    term_printed = chosen is not None and prints_generated_term(chosen, doc)
    unwritten = [Problem(file, loaded.line_of(key.at), dotted(key.at), key.why)
                 for key in writing_unprinted(loaded.spec, term_printed)]
    if problems:
        raise InputError(problems[:unlined_at] + unlined + problems[unlined_at:] + unwritten)
    # date_line: in_closing: the closing states the date, no line under it (the cover's keeps it);
    # over_each_signer: none under it either, the date over each block (date_over_blocks)
    return AgreementText(full_title, shown, preamble, tuple(articles), closing, "" if doc.date_line else date,
                         signatories, tuple(labels), doc.standard or "", set_file, term,
                         doc.kind, writing, doc.draft, blanks, label_chars, witnesses,
                         says_seal(closing or closing_article(drafts)) and doc.seal_places != "blank",
                         term_printed,
                         prose_parts(doc.prose, style.agreement.prose_number_hang),
                         tuple((key, art_num(before), art_num(stated)) for key, before, stated in gaps),
                         withheld, annexes, cover, in_lines, on_titles, doc.seal_places == "blank",
                         blocks_withheld, translations, supplementary_of(doc.supplementary),
                         doc.date_line == "in_closing", doc.signing_place or "",
                         tuple(doc.kind_words_as_written),
                         doc.closing is False and not doc.prose and bool(closing_article(drafts)),
                         end_blank, own_paragraphs(doc.closing) or ((closing,) if closing else ()),
                         preamble_parts(preamble, doc.preamble, form.article_heading,
                                        1.0 if form.heading_indent is None else form.heading_indent),
                         date_over_blocks=date if doc.date_line == "over_each_signer" else "",
                         title_note=doc.title_note or "",
                         open_refs=tuple(missing) if doc.draft else (),
                         unprinted_annexes=tuple(unprinted),
                         closing_generated=doc.closing is None and bool(closing))


def supplementary_of(given) -> SupplementaryText | None:
    """The 附則 as the spec writes it: nothing composed, nothing changed."""
    return SupplementaryText(given.heading, tuple(given.text), given.run_in) if given else None


def era_kept(era: str, blank_date: str, problem) -> str:
    """A draft's open date line in the era it writes, its year not known (大正　　年　　月　　日,
    常光・中丸・加納三か村's draft of 大正4〜6年): the house's blank date with that era in place of
    its own. A blank date without an era (a house dating its agreements in the western
    calendar) has none to replace: an error at signing_era."""
    own = next((e for e, _ in japanese.ERAS if blank_date.startswith(e)), None)
    if own is None:
        problem(("agreement", "signing_era"), f"the house's open date (wording: blank_date) is 「{blank_date}」,"
                f" with no era to write {era} in: remove signing_era, or date the house's agreements in the era")
        return blank_date
    return era + blank_date[len(own):]


def amended_subject(amends, calendar: str, digit_style: str) -> str:
    """An amending agreement's generated preamble names its 原協定 where the subject
    stands, by its title and the date the spec gives (国税庁 and JIIMA's 追加締結分: …両当事者
    間で締結された令和元年７月１日付情報提供に関する協定書（以下、「原協定」という）に関し、…):
    令和元年７月１日に締結した情報提供に関する協定書（以下「原協定」という。）; without a
    date, the title alone."""
    original = amends.signing_date
    if original is None:
        return f"{amends.title}（以下「原協定」という。）"
    if isinstance(original, japanese.PartialDate):      # as given (平成９年に締結した…), never padded to a day
        day = japanese.part_in(original, calendar, digit_style)
    else:
        day = japanese.date_in(original, calendar, "none", digit_style)
    return f"{day}に締結した{amends.title}（以下「原協定」という。）"


def blank_in_era_of(date_line: str, blank_date: str) -> str:
    """The house's blank date in the era a draft's open date line is written in: a term
    whose end is left open with the signing day (本協定の締結の日から大正　　年　　月　　日まで)
    in the era of its date line (signing_era: 大正, or signing_year: 1915's 大正４年). The
    end's year is not known, so only the era is taken; a blank date without an era (a
    western house) or a line in the house's own era is the blank date as it is."""
    era = next((e for e, _ in japanese.ERAS if date_line.startswith(e)), None)
    own = next((e for e, _ in japanese.ERAS if blank_date.startswith(e)), None)
    return era + blank_date[len(own):] if era and own and era != own else blank_date


def year_kept(year: int, blank_date: str, digit_style: str, calendar: str = "era",
              month: int | None = None) -> str:
    """A draft's open date line with the year it states: the house's blank date
    (令和　　年　　月　　日) with its year written in the agreement's calendar,
    令和４年　　月　　日, 令和２年（2020年）　　月　　日 or 2020年　　月　　日. A year in
    which an era began is written in the new era (令和元年: a signing still to come).
    With its month too (平成30年３月○○日, as 消防庁's model draft): only the day is
    left open, as the blank date leaves it, and the era is the month's (2019年４月 is
    平成31年, its May 令和元年)."""
    last = dt.date(year, month, japanese.days_in_month(year, month)) if month else dt.date(year, 12, 31)
    era = japanese.era_year_text(*japanese.era_of(last), digit_style)
    western = japanese.digits(year, digit_style) + "年"
    written = {"era": era, "era_western": f"{era}（{western}）", "western": western,
               "era_western_inside": japanese.era_western_inside(era, year, digit_style)}[calendar]
    if month is None:
        return written + (blank_date.split("年", 1)[1] if "年" in blank_date else "　　月　　日")
    return written + japanese.digits(month, digit_style) + "月" + (
        blank_date.split("月", 1)[1] if "月" in blank_date else "　　日")


def page_break_of(d, text, title: str, number: str, problem) -> str:
    """Where the spec begins a new page at this article (new_page: "before" it,
    "after_heading", or ""), checked: a break the product cannot honour where it is
    written is an error at its key. The first paragraph's own new_page would say what
    the article's says (before it) or break between its heading and its text, which
    the article's after_heading says outright; a heading the house runs into the
    text's first line (article_heading: "") has no line of its own to end a page."""
    base = d.key[:-1] if d.key[-1:] == ("heading",) else d.key     # an extra article's key names its heading
    first = text[0]
    if getattr(first, "new_page", False):
        problem(base + ("text", 0, "new_page"),
                f"a new page at the first paragraph of {number}: say new_page: true on the article (a new"
                " page before it) or new_page: after_heading (between its heading and its text)")
    if d.new_page == "after_heading" and not title:
        problem(base + ("new_page",),
                f"new_page: after_heading, and {number} has no heading line of its own (its heading, if any,"
                " is set in its text's first line): say new_page: true, a new page before the article")
        return ""
    return "before" if d.new_page is True else d.new_page or ""


def chapter_starts(chapters, order: list[str], num, pattern: str, problem, numbers: list[int]) -> dict[str, str]:
    """{the name of each chapter's first article: its heading line (第１章　総則)}. Each
    chapter names an article that exists, after the previous chapter's first, and the
    first chapter starts at the first article: an article before it would stand in no
    chapter."""
    out, last = {}, -1
    for i, ch in enumerate(chapters):
        key = ("agreement", "document", "chapters", i, "first")
        if ch.first not in order:
            problem(key, f"no article is named '{ch.first}'; known: {', '.join(n for n in order if n)}")
            return {}
        at = order.index(ch.first)
        if i == 0 and at != 0:
            problem(key, f"the first chapter starts at '{ch.first}' (第{num(numbers[at])}条): the articles before it"
                         f" would stand in no chapter; start it at '{order[0]}'")
        elif at <= last:
            problem(key, f"the chapter 「{ch.heading}」 starts at '{ch.first}', not after the chapter before it"
                         f" (which starts at '{order[last]}'): list the chapters in the articles' order")
        last = at
        out[ch.first] = _form(pattern, f"第{num(i + 1)}章", ch.heading)
    return out


def _form(pattern: str, number: str, heading: str) -> str:
    """The house's article form filled in, literally (never str.format)."""
    return pattern.replace("{number}", number).replace("{heading}", heading)
