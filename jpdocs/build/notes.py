"""What the build says of a spec beside its documents (`note:` lines): where the text
the generator words follows the house (its comma), and what an agreement's text was
given that no one wrote for it — an end of the term chosen, a 元年 a date line may
need, a renewal worded by default, the choices a published copy asks for."""
from __future__ import annotations

import datetime as dt

from ..content.locate import spec_strings
from ..errors import Problem
from ..spec.load import LoadedSpec
from ..spec.source import dotted
from ..spec.style import HouseStyle


def comma_notes(loaded: LoadedSpec, style: HouseStyle) -> list[Problem]:
    """Where the house writes ， (wording.comma) and the spec's own text has 、: printed
    as written (the spec's text is never changed), said once, at the first such key."""
    comma = style.word("comma")
    if comma == "、":
        return []
    found = [path for path, text in spec_strings(loaded.spec) if "、" in text and path in loaded.lines]
    if not found:
        return []
    more = f" (as are {len(found) - 1} more of the spec's texts)" if len(found) > 1 else ""
    return [Problem(str(loaded.path), loaded.line_of(found[0]), dotted(found[0]),
                    f"the house writes {comma} (wording.comma) in the sentences and lists the generator words;"
                    f" the spec's own text here has 、 and is printed as written{more}")]


def _at(loaded: LoadedSpec, key: tuple, message: str) -> Problem:
    """A note at the spec's `key` (its line and dotted path)."""
    return Problem(str(loaded.path), loaded.line_of(key), dotted(key), message)


def agreement_notes(loaded: LoadedSpec, text, style: HouseStyle) -> list[Problem]:
    """What was chosen for the user in the agreement, to be printed by the build and
    by check: which articles came from the standard set and which from the spec,
    a term's end or renewal the spec did not give, and signature blocks without 印."""
    from .. import japanese
    notes = []
    by_origin: dict[str, list[str]] = {"standard": [], "changed": [], "spec": []}
    for art in text.articles:
        by_origin[art.origin].append(art.number + (f"（{art.heading}）" if art.heading else ""))
    if text.standard:
        parts = [f"articles from the standard set '{text.standard}' ({text.standard_file}): "
                 + ("、".join(by_origin["standard"]) or "none")]
        if by_origin["changed"]:
            parts.append("changed by the spec: " + "、".join(by_origin["changed"]))
        if by_origin["spec"]:
            parts.append("the spec's own: " + "、".join(by_origin["spec"]))
        key = ("agreement", "document", "standard")
        notes.append(_at(loaded, key, "; ".join(parts)))
    doc = loaded.spec.agreement.document
    if text.writing != "である" and doc is not None and doc.writing is None:
        key = ("agreement", "document", "standard")
        notes.append(Problem(str(loaded.path), loaded.line_of(key), "agreement.document.writing",
                             f"not given; the document is written {text.writing}, as its standard set"
                             f" '{text.standard}' is"))
    amends = loaded.spec.agreement.amends
    if doc is not None and amends is not None and doc.preamble is None and not doc.prose:
        notes.append(Problem(str(loaded.path), loaded.line_of(("agreement", "amends")), "agreement.amends",
                             f"the generated preamble names the agreement amended: 「{text.preamble}」; write"
                             " document.preamble if the text says it otherwise"))
    elif doc is not None and text.standard and doc.subject is None and doc.preamble is None and not doc.prose:
        # the set's …に関し says what the agreement is about: right for the set's own kind
        # of agreement, wrong for a 覚書 on supplies that borrowed its articles
        key = ("agreement", "document", "standard")
        said = text.preamble[text.preamble.rfind("は", 0, text.preamble.rfind("に関し")):]
        notes.append(Problem(str(loaded.path), loaded.line_of(key), "agreement.document.subject",
                             f"not given; the preamble says 「…{said}」, in the words of the standard"
                             f" set '{text.standard}': write subject: (…に関し) if the agreement is about"
                             " something else"))
    if text.draft:
        key = ("agreement", "document", "draft")
        left = f"; left open: {', '.join(text.blanks)}" if text.blanks else "; nothing is left open"
        notes.append(_at(loaded, key,
                         f"a draft: the {text.kind}"
                         + (" and the overview sheet are" if loaded.spec.agreement.areas else " is")
                         + f" marked {style.word('draft_mark')} on every page{left};"
                         " a final build (--final) refuses a draft"))
    ag = loaded.spec.agreement
    if ag.signing_date is None and ag.signing_year:
        # the open date's year, or its month with signing_month: where two eras share it,
        # year_kept writes the later (a signing still to come), and the build says so
        year, month = ag.signing_year, ag.signing_month
        ends = (dt.date(year, month or 1, 1), dt.date(year, month or 12, japanese.days_in_month(year, month or 12)))
        old, new = (japanese.era_of(day)[0] for day in ends)
        if old != new:
            period, key = (f"{year}年{month}月", ("agreement", "signing_month")) if month else \
                (str(year), ("agreement", "signing_year"))
            notes.append(_at(loaded, key,
                             f"{period} began in {old} and ended in {new}: the date line says {new}元年,"
                             " for a signing still to come; write the signing date once it is known"))
    if text.date_in_closing:
        key = ("agreement", "document", "date_line")
        notes.append(_at(loaded, key,
                         "in_closing: no date line is printed under the closing, which states the date of"
                         f" signing ({ag.signing_date.isoformat()}) as the text writes it"))
    if text.date_over_blocks:
        key = ("agreement", "document", "date_line")
        # a witness (立会人) attests the signing on its day: its block is dated alike, a form no
        # real text has shown (none dates each block and has a witness), so it is named here
        witnessed = ("; the witness's block (立会人) too, dated as the parties' are: a witness attests the"
                     " signing on its day" if text.witnesses else "")
        notes.append(_at(loaded, key,
                         "over_each_signer: no date line is printed under the closing; the date of signing"
                         f" ({text.date_over_blocks}) stands over each signature block, as each party dated it"
                         + witnessed))
    for i, w in enumerate(doc.witnesses if doc is not None else ()):
        if w.label is False:             # no label printed: the field's name is the product's choice
            field = text.witnesses[i].field if i < len(text.witnesses) else ""
            notes.append(_at(loaded, ("agreement", "document", "witnesses", i, "label"),
                             f"false: no label before the block, as the text prints none; its PDF signature"
                             f" field is named 「{field}」, after the block's first line"))
    if text.blocks_withheld:
        key = ("agreement", "document", "signature_blocks")
        notes.append(_at(loaded, key,
                         "withheld: no signature block is printed, as the published copy gives the text and"
                         " its date and names no signer (the PDF has no signature field)"))
    elif text.seal_places_blank:
        key = ("agreement", "document", "seal_places")
        notes.append(_at(loaded, key,
                         "blank: no 印 by the signature blocks, as the copy the agreement is built from leaves"
                         " the seal places unmarked; the closing is printed unchanged (the PDF's signature"
                         " fields stay over the places)"))
    elif not text.closing and not text.prose and text.closed_by_article:
        key = ("agreement", "document", "closing")
        notes.append(_at(loaded, key,
                         "false: no closing after the articles; the last article makes the copies and closes"
                         " the text (印 by the signature blocks as it asks)"))
    elif not text.closing and not text.prose:
        key = ("agreement", "document", "closing")
        notes.append(_at(loaded, key,
                         "false: no closing after the articles, as the text has none: the date line follows the"
                         " last article, and no 印 is printed by the signature blocks (the PDF's signature"
                         " fields stay over the seal places)"))
    elif not text.closing:
        key = ("agreement", "document", "closing")
        notes.append(_at(loaded, key,
                         "false: no closing; the last paragraph closes the text, and no 印 is printed by the"
                         " signature blocks (the PDF's signature fields stay over the seal places)"))
    elif not text.sealed and not text.closing_generated:    # (a generated one says it below)
        key = ("agreement", "document", "closing")
        notes.append(_at(loaded, key,
                         "no 印 by the signature blocks: the closing does not have the signers press"
                         " their seals (記名押印, 押印, 捺印); the seal places are left blank (the"
                         " PDF's signature fields stay over them)"))
    if text.closing_generated:
        notes.append(_at(loaded, ("agreement", "document", "closing"), generated_closing_note(text, doc)))
    for i, word in enumerate(text.kind_words):
        key = ("agreement", "document", "kind_words_as_written", i)
        notes.append(_at(loaded, key,
                         f"「{word}」 is printed as the signed text writes it, in a {text.kind}"))
    for key, before, stated in text.gaps:
        notes.append(_at(loaded, key,
                         f"the articles are numbered as the text numbers them: 第{stated}条 follows"
                         f" 第{before}条 (no article between them is printed)"))
    for key, message in text.open_refs:
        notes.append(_at(loaded, key, "in a draft: " + message))
    for key, message in text.unprinted_annexes:     # (the secretariat may attach it by hand)
        notes.append(_at(loaded, key, message))
    for key, label in text.labels_on_titles:
        notes.append(_at(loaded, key,
                         f"the signature block prints no organisation line (the title names it, or there"
                         f" is none): its label {label} stands on the title's line"
                         " (agreement.block_label_line: organisation)"))
    # 印 stands by each block where the closing has the signers seal: a published copy
    # that marks none either says so apart (seal_places: blank), and is told of it here
    seal = ("(印 by each, as the closing has the signers seal: seal_places: blank where the copy marks none)"
            if text.sealed else "(no 印, as the copy marks none: seal_places)" if text.seal_places_blank
            else "(印 only where the closing has the signers seal)")
    if text.names_withheld and doc.withheld_name:      # the copy's own words, on the name's line
        key = ("agreement", "document", "signer_names")
        notes.append(_at(loaded, key,
                         f"withheld: the blocks print a signer named by the title alone so, as the published"
                         f" copy sets them, with {doc.withheld_name} where the name would stand"
                         f" (agreement.document.withheld_name) and no blank for one {seal}"))
    elif text.names_withheld:
        key = ("agreement", "document", "signer_names")
        notes.append(_at(loaded, key,
                         "withheld: the blocks print a signer named by the title alone so, as the published"
                         f" copy sets them, with no name and no blank for one {seal}"))
    term = text.term
    if term is not None and text.term_printed and not term.start_given:
        # when the agreement takes effect is a fact of it: the set's article says the signing day
        # (締結の日から), which the spec did not say (most texts do; some begin on 4月1日)
        key = ("agreement", "validity", "start")
        from ..content.agreement.wording import KINDS      # (here: a notice's build needs none of it)
        doc_word = KINDS[text.kind].word          # (a kind without a word prints no generated term)
        # (a term without an end: 本協定は、締結の日から効力を生じ…: wording.until_ended_text)
        begin = "締結の日から" if term.until_ended else f"本{doc_word}の締結の日から"
        notes.append(Problem(str(loaded.path), loaded.line_of(key) or loaded.line_of(("agreement",)),
                             "agreement.validity.start",
                             "not given; the 有効期間 article runs the term from the day of signing"
                             f" ({begin}): write start: if it begins on another day"))
    if term is not None and term.renewal and text.term_printed:
        notes += renewal_notes(loaded, term, style)
    if term is not None and term.end_chosen and text.term_printed:
        key = ("agreement", "validity")
        if term.end is None:
            message = f"not given; the term's end is left blank ({text.term_end_blank or style.word('blank_date')}): {term.end_chosen}"
        else:
            end = japanese.format_date(term.end, style.digits, western=False, weekday=False)
            message = f"not given; the term runs to {end}: {term.end_chosen}"
        notes.append(Problem(str(loaded.path), loaded.line_of(key), "agreement.validity.end", message))
    return notes


def generated_closing_note(text, doc) -> str:
    """The generated closing states what the spec never said: how the parties sign
    (記名押印, or 署名 where signed_by_hand says so), how many originals are made and that
    each party keeps one. Real texts close otherwise too (署名の上, no word of a seal, the
    copies in an article), so the build names it, quoted, with the key that changes it."""
    if doc.signed_by_hand:
        return ("not given; the generated closing says the parties sign by hand (署名; no 印 by the signature"
                f" blocks), how many originals are made and that each keeps one: 「{text.closing}」; write"
                " closing: with the text's own words if it says otherwise")
    if text.sealed:
        return ("not given; the generated closing says the parties sign and seal (記名押印; 印 by each signature"
                f" block), how many originals are made and that each keeps one: 「{text.closing}」; write"
                " closing: with the text's own words, or signed_by_hand: true for 署名の上 and no 印")
    return ("not given; the generated closing says the parties sign and seal (記名押印), how many originals are"
            f" made and that each keeps one: 「{text.closing}」; write closing: with the text's own words, or"
            " signed_by_hand: true for 署名の上")


def renewal_notes(loaded: LoadedSpec, term, style: HouseStyle) -> list[Problem]:
    """The renewal the standard 有効期間 article prints where the spec did not say it:
    that the term renews at all (renewal: true, the default), and by how much and
    with what notice (the defaults of renewal_term and renewal_notice)."""
    from .. import japanese
    from ..spec.term import RENEWAL_KEYS
    given = {k for k in RENEWAL_KEYS if ("agreement", "validity", k) in loaded.lines}
    line = loaded.line_of(("agreement", "validity")) or loaded.line_of(("agreement",))
    by = japanese.format_period(*term.term, style.digits, duration=True)
    notice = japanese.format_period(*term.notice, style.digits) if term.notice else None
    if not given:                    # (then renewal_notice too is its default, a period)
        return [Problem(str(loaded.path), line, "agreement.validity.renewal",
                        f"not given; the 有効期間 article renews the term by {by} at a time unless notice is given"
                        f" {notice} before its end (the defaults of renewal, renewal_term and renewal_notice): say"
                        " renewal: false if the agreement does not renew")]
    notes = []
    if "renewal_term" not in given:
        notes.append(Problem(str(loaded.path), line, "agreement.validity.renewal_term",
                             f"not given; the 有効期間 article renews the term by {by} at a time (the default)"))
    if "renewal_notice" not in given and notice:
        notes.append(Problem(str(loaded.path), line, "agreement.validity.renewal_notice",
                             f"not given; the 有効期間 article has notice given {notice} before the end (the default)"))
    return notes
