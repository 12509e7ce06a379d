"""One spec → its documents on disk.

    spec (spec/load.py) → markup text (templating.py) → document model (markup.py)
        → PDF bytes (writers/pdf.py) and DOCX bytes (writers/docx/) → files

Every document of a spec is made in memory first and written only when all of
them succeeded, so bad input never leaves half of a spec's output behind.
Which documents a spec makes is kinds.py's to say; what they must pass before
they are laid out (characters in the fonts, names in the house style), checks.py's.
"""
from __future__ import annotations

import functools
import os
from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..spec import images
from ..content import markup, model
from ..content.changed_parts import mark_changed
from .. import collector
from ..files import as_path, shown
from ..errors import InputError, LayoutProblem, Problem
from ..content.locate import located
from ..content.person_names import names_held
from ..output import safe_folder_name, write_outputs
from .checks import check_glyphs, check_model, check_spec_glyphs
from .kinds import (RELEASES, attachment_notes, attachments_of, bound_files, folders, is_draft, kinds_of,
                    needed_kinds, releases_of)
from .notes import agreement_notes, comma_notes
from .page_notes import break_notes
from .unprinted import check_unprinted
from .wording_keys import check_wording_keys
from ..spec.source import dotted
from ..spec.blank_checks import not_yet_signed
from ..spec.load import LoadedSpec
from ..spec.photo_checks import photos_of
from ..spec.slips import preamble_indented_twice
from ..spec.style import TEMPLATES, HouseStyle, StyleFileError, load_style
from ..content.templating import render
from ..spec.textfile import find_templates, templates_used

FORMATS = ("pdf", "docx")
_BUNDLED = str(TEMPLATES)     # (absolute: ROOT is the package's resolved folder)


def style_for(loaded: LoadedSpec, override: Path | None = None) -> HouseStyle:
    """--style wins over the spec's `style:`; a spec's path is relative to it. Found
    once a build (a batch's record of its inputs, then its documents, ask for it):
    `loaded` is this build's own, so no later build sees what it found."""
    if loaded.style_found is not None and loaded.style_found[0] == override:
        return loaded.style_found[1]
    style = _style_for(loaded, override)
    loaded.style_found = (override, style)
    return style


def _style_for(loaded: LoadedSpec, override: Path | None) -> HouseStyle:
    if override is not None:
        return load_style(override)
    if loaded.spec.style:
        path = loaded.file(loaded.spec.style)
        try:
            return load_style(path)
        except StyleFileError as exc:      # the file as a whole: said at the spec's `style:`
            hint = " (style: is a path relative to the spec)" if exc.reason == "does not exist" else ""
            raise InputError([Problem(str(loaded.path), loaded.line_of(("style",)), "style",
                                      f"the house style {shown(path)} {exc.reason}{hint}")]) from None
    return load_style()


NOT_YET_SIGNED = ("left open (null): read as an agreement not yet signed, as nothing this spec makes prints the"
                  " date signed; the annual book files it under no year. Write the date where it has been signed")


def context(loaded: LoadedSpec, style: HouseStyle, agreement_text: bool, final: bool = False,
            notice_text: bool = True) -> dict:
    """What the templates see. The agreement's text (content/agreement/) is composed only
    when the agreement is made: a problem in it must not stop a press notice; and the
    notice's 記, sections and contacts only when a notice is made: a problem in them
    under the house style at hand must not stop an agreement or its overview sheet (the
    annual book sets each sheet in the book's style, not the notice's house's)."""
    spec = loaded.spec
    from ..content.contacts import notice_numbers
    # a phone given with numbers: also answers `number`, on every path a template reads
    # a contact by: notice, spec.press_notice (a user's template may read the spec
    # itself), the boxes and the release's contacts
    notice = notice_numbers(spec.press_notice, style.word("comma"))
    ctx = {
        "spec": spec if notice is spec.press_notice else spec.model_copy(update={"press_notice": notice}),
        "notice": notice,
        "agreement": spec.agreement,
        "parties": spec.party_list(),
        "signatories": spec.signatories() if spec.press_notice else [],
        "logos": {pid: str(loaded.file(p.logo)) for pid, p in spec.parties.items() if p.logo},
        # the photos of the notice's sections, by the file as the spec writes it
        "photo_files": {photo.file: str(loaded.file(photo.file)) for _, photo in photos_of(spec)},
    }
    ctx["ki"] = []
    ctx["closing_lines"] = []
    ctx["event_line"] = None
    ctx["label_table"] = None
    # notice.date_place: before_title: the title's line begins with the date of issue; a
    # name of the context, so that a template written before it is known not to print it
    # (build/template_coverage.py: NEEDS_BLOCK)
    ctx["date_before_title"] = style.notice.date_place == "before_title"
    ctx["date_after_title"] = style.notice.date_place == "after_title"      # …　2015.06.23 (likewise)
    ctx["sections"] = ctx["notice_sections"] = []
    if spec.press_notice and notice_text:
        from ..content.contacts import at_foot, at_head, check_contacts, foot_lines, head_rows, placed
        from ..content.notice import check_head, compose_ki
        from ..content.people import signatory_rows
        from ..content.sections import check_sections, document_notes, numbered_sections
        check_sections(spec.press_notice, style, loaded.path, loaded.lines)
        from ..content.typed_bullets import check_typed_bullets
        check_typed_bullets(spec.press_notice, style, loaded.path, loaded.lines)
        check_head(spec, style, loaded.path, loaded.lines)
        from ..content.closing import closing_lines
        # the message's closing at its foot (press_notice.closing), its lines as printed
        ctx["closing_lines"] = closing_lines(spec.press_notice.closing, style, loaded.path, loaded.lines)
        check_contacts(spec, style, loaded.path, loaded.lines)
        from ..content.label_table import check_label_table, label_table
        check_label_table(spec, style, loaded.path, loaded.lines)
        # notice.head_form: label_table: the contacts, the date, the hour and the opening
        # as rows of one table under the title (none: the head as lines)
        ctx["label_table"] = label_table(spec.press_notice, style)
        # the contacts in boxes at the foot, the one on a line at the top, or each contact's
        # lines in the head under the date (notice.contacts_at)
        ctx["top_contact"], ctx["contact_boxes"] = placed(spec.press_notice.contacts,
                                                          spec.press_notice.contacts_lead, style)
        ctx["head_contacts"] = at_head(spec.press_notice.contacts, style)
        ctx["foot_contacts"] = foot_lines(spec.press_notice.contacts, style)
        ctx["unboxed_contacts"] = at_foot(spec.press_notice.contacts, style)
        ctx["head_table"] = head_rows(spec.press_notice.contacts, style)
        request = spec.press_notice.press_request
        if request and "lead" not in request.model_fields_set and style.word("comma") != "、":
            # the default lead is the generator's wording (当日取材いただける場合は、): in the
            # house's comma, as every sentence it writes; a lead the spec writes is its own
            ctx["notice"] = ctx["notice"].model_copy(update={"press_request": ctx["notice"].press_request.model_copy(
                update={"lead": request.lead.replace("、", style.word("comma"))})})
        groups = None
        if spec.press_notice.also or spec.agreements:
            from ..spec.joint import announced
            groups = announced(loaded)
        items, notes = compose_ki(spec, style, loaded.path, loaded.lines, groups)
        # the event line (press_notice.event_line) stands above the opening, not in the 記 block
        ctx["event_line"] = next((it.lines[0] for it in items if it.kind == "event"), None)
        ctx["ki"] = [it for it in items if it.kind != "event"]
        # (section, heading, hangs), numbered once the 記's items are known (4 協定の概要
        # after the items 1 to 3: sections_follow_items); `sections` keeps the shape
        # templates were written against before the hangs (section, heading): a user's
        # template of then still unpacks it (template_coverage.py warns that
        # notice.section_mark_hang has no effect)
        follows = (sum(1 for it in ctx["ki"] if it.kind != "heading")
                   if spec.press_notice.sections_follow_items else 0)
        ctx["notice_sections"] = numbered_sections(spec.press_notice, style, follows)
        ctx["sections"] = [(section, heading) for section, heading, _ in ctx["notice_sections"]]
        from ..content.closing import check_place
        check_place(spec.press_notice, ctx["ki"], ctx["notice_sections"], loaded.path, loaded.lines)
        loaded.notes.extend(document_notes(loaded, style))
        if all(p.signer() for p in spec.signatories()):   # else no document prints them (spec/checks.py)
            ctx["signatory_rows"] = signatory_rows(spec, style.notice.signer_order)
        loaded.notes.extend(notes)
        if spec.press_notice.subject is False:    # the file's title (not printed): named, being chosen
            # the agreement's title, or where the spec states no agreement (a report whose
            # signing has no year to give: 豊沢川土地改良区) the issuer's name
            if spec.agreement is not None:
                message = ("the notice has no title (subject: false): the document title in the PDF's and the"
                           f" DOCX's properties, which is not printed, is the agreement's, {spec.agreement.title}")
            else:
                message = ("the notice has no title (subject: false): the document title in the PDF's and the"
                           " DOCX's properties, which is not printed, is the issuer's name (the spec states no"
                           f" agreement), {spec.issuer}")
            loaded.notes.append(Problem(str(loaded.path), loaded.line_of(("press_notice", "subject")),
                                        "press_notice.subject", message))
    notice = ctx["spec"].press_notice      # its phones' numbers joined as `number` too
    if notice and notice.after and notice_text:
        from ..content.contacts import at_foot, at_head, foot_lines, head_rows, placed
        if "signatory_rows" in ctx:
            from ..content.notice import after_ki
            ctx["after_ki"] = after_ki(spec, style)
        ctx["after_attachments"] = notice.after.attachments_or(notice.attachments)
        ctx["after_contacts"] = notice.contacts if notice.after.contacts is None else notice.after.contacts
        # the notice's sentence before its contacts goes with them; a release's own contacts are labelled
        ctx["after_contacts_lead"] = notice.contacts_lead if notice.after.contacts is None else None
        ctx["after_top_contact"], ctx["after_contact_boxes"] = placed(ctx["after_contacts"],
                                                                      ctx["after_contacts_lead"], style)
        ctx["after_head_contacts"] = at_head(ctx["after_contacts"], style)
        ctx["after_foot_contacts"] = foot_lines(ctx["after_contacts"], style)
        ctx["after_unboxed_contacts"] = at_foot(ctx["after_contacts"], style)
        ctx["after_head_table"] = head_rows(ctx["after_contacts"], style)
    if agreement_text:
        from ..content.agreement.compose import compose
        ctx["text"] = compose(loaded, style, final=final)
        loaded.notes.extend(agreement_notes(loaded, ctx["text"], style))
        loaded.warnings.extend(preamble_indented_twice(loaded, style.agreement.preamble_indent))
    loaded.notes.extend(comma_notes(loaded, style))
    # a kind: of an agreement without a document (one of several, or one the notice announces
    # without its text) that its title says already has no effect, one it contradicts counts
    # it against its title (its one effect is the annual book's count, annual/kinds.py, which
    # refuses both there too); beside a document, spec/checks.py refuses it
    kinds = [(("agreements", aid), ag) for aid, ag in (spec.agreements or {}).items()]
    if spec.agreement is not None and spec.agreement.document is None:
        kinds.append((("agreement",), spec.agreement))
    if any(ag.kind for _, ag in kinds):
        from ..content.agreement.wording import kind_said_by_title
        said = [Problem(str(loaded.path), loaded.line_of(path + ("kind",)), dotted(path + ("kind",)), why)
                for path, ag in kinds if ag.kind and (why := kind_said_by_title(ag.title, ag.kind))]
        if said:
            raise InputError(said)
    for aid, ag in (spec.agreements or {}).items() if notice_text else ():
        if ag.areas:          # (the annual book's sheet prints them: annual/rows.py's views)
            key = ("agreements", aid, "areas")
            loaded.notes.append(Problem(str(loaded.path), loaded.line_of(key), dotted(key),
                                        "one of several agreements has its overview sheet in the annual book only;"
                                        " overview.pdf is made for a spec's agreement: (a spec of its own, named"
                                        " by press_notice.also, makes one)"))
    return ctx


def make_documents(loaded: LoadedSpec, style: HouseStyle, kinds=None,
                   templates: Path | None = None, final: bool = False, book: bool = False) -> list[model.Document]:
    """Every document of the spec (of the given kind names; default: every kind its
    sections call for) as a model, checked: spec text against the fonts first
    (naming field and line), then the rendered model (template text, styles). `book`:
    a sheet of the annual book, set in the book's house style: only the text it prints
    is checked (the rendered model, a missing character named at its spec field), not
    every field of the spec (a notice's attendees the book never prints)."""
    check_wording_keys(style, folders(templates))    # a wording nothing reads: before any of the spec
    for spec in () if book else (loaded, *loaded.others.values()):
        check_spec_glyphs(spec, style)       # (others: the names and titles the notice prints from them)
    loaded.notes.extend(attachment_notes(loaded))
    if not book and not_yet_signed(loaded.spec):
        # allowed (spec/blank_checks.py), and so a reading chosen for the user: a report's
        # signing date left unfilled reads so too, without a word until h158
        key = ("agreement", "signing_date")
        loaded.notes.append(Problem(str(loaded.path), loaded.line_of(key), loaded.key(key), NOT_YET_SIGNED))
    chosen = kinds_of(loaded, kinds)
    ctx = context(loaded, style, agreement_text=any(k.name == "agreement" for k in chosen), final=final,
                  notice_text=any(k.section == "press_notice" for k in chosen))
    where = folders(templates)
    people = names_held(loaded)
    docs = []
    read: set = set()           # what the renders of a user's templates read (unprinted.py)
    for kind in chosen:
        # each UTF-8, or an error with its file and line; in a batch, as the build's list of
        # its inputs found them a moment before (each stat'ed and checked there: ~0.15 M
        # instructions a notice), so the record names the files the documents were made of
        found = loaded.templates_found.get((kind.template, where)) or find_templates(kind.template, where)
        files = [path for path, _ in found.values()]
        # a user's template made part of it: a file not directly in the bundled folder
        # (told by its folder's text, as f.parent != TEMPLATES tells it of these
        # normalised paths against that absolute one, without a Path made for each)
        theirs = any(os.path.dirname(str(f)) != _BUNDLED for f in files)
        reads: set | None = set() if theirs else None
        try:
            text = render(kind.template, ctx, style, where, reads, found)
        except InputError as exc:
            # a user's template that stops at an entry of a form written after it: named at the entry
            raise (theirs and _unknown_entry(exc, loaded, kind.name, templates, kind.template) or exc) from None
        path, on_disk = found[kind.template]
        used = path if on_disk is not None else kind.template
        source = f"{used} (the markup it rendered for {loaded.path})"
        try:
            doc = markup.parse(text, source=source)
        except InputError as exc:
            raise _at_template_line(exc, kind.template, ctx, style, where, source, loaded) from None
        # where an element refused after the markup was parsed was printed: its root, a
        # colour or a picture here, a table the PDF writer finds too narrow (_table_at_template_line)
        doc.printed_at = functools.partial(_printed_at, kind.template, ctx, style, where, text)
        if doc.kind != kind.name:
            # the kind names the document's files and what a release finds in it
            raise _named_at(InputError([Problem(source, None, "", f"the markup's root is <document"
                                                f" kind=\"{doc.kind}\">, and this template makes the {kind.name}:"
                                                f" write kind=\"{kind.name}\"")]),
                            [doc.printed_at("document", 0)], loaded)
        if kind.name == "press-notice":      # a corrected release's changed parts: 赤字 (the release after prints none)
            mark_changed(doc, loaded, style)
        # the document's blocks walked once for the three checks that read them all
        # (check_model, check_glyphs, prepare_pictures: ~0.1 M instructions a walk),
        # which change none of them (a picture gets its data, no block moves)
        every = model.every_block(doc.blocks)
        try:
            check_model(doc, style, source, every)
        except InputError as exc:
            raise _elements_at_template_lines(exc, doc, source, loaded) from None
        check_glyphs(doc, style, loaded, every, book)
        if theirs:
            read |= reads
            flags = dict(agreement_text=any(k.name == "agreement" for k in chosen), final=final,
                         notice_text=any(k.section == "press_notice" for k in chosen))
            _against_bundled(loaded, style, kind, ctx, flags, (reads, files, text, doc), where, templates)
        try:
            prepare_pictures(doc, loaded, source, every)
        except InputError as exc:
            raise _elements_at_template_lines(exc, doc, source, loaded) from None
        doc.people = people           # kept whole on a line wherever the PDF's text names them
        if is_draft(loaded) and kind.section == "agreement":   # the agreement and its overview sheet
            doc.marks = [*doc.marks, model.PageMark(style.word("draft_mark"), "corner")]   # 案, every page
        docs.append(doc)
    # a key no bundled template prints (a witness's reading, a head beside its signatory):
    # printed by a user's template that reads it, or refused, or a note
    loaded.notes.extend(check_unprinted([loaded, *loaded.others.values()], read, ctx.get("text")))
    return docs


def _at_template_line(exc: InputError, template: str, ctx: dict, style: HouseStyle, where: tuple[Path, ...],
                      source: str, loaded: LoadedSpec) -> InputError:
    """A refusal of the rendered markup, named at the template's file and line that
    printed the element it arose in (an included template's, or a macro's, where it
    was that), the spec named after them; as it was where that cannot be told."""
    from ..content.printed_lines import printed_by
    offset = getattr(exc, "rendered_at", None)
    found = printed_by(template, ctx, style, where, offset) if offset is not None else None
    return _named_at(exc, [found if p.file == source else None for p in exc.problems], loaded)


def _named_at(exc: InputError, places: list, loaded: LoadedSpec) -> InputError:
    """The refusal's problems, each at the template's file and line beside it in
    `places` (printed_lines.Printed), with what that line is of: the markup it
    rendered for the spec, and the line that called the macro it stands in. A
    problem whose place is not known stays as it was."""
    if not any(found and found.file and found.line for found in places):
        return exc
    problems = []
    for p, found in zip(exc.problems, places):
        if not (found and found.file and found.line):
            problems.append(p)
            continue
        about = f"the markup it rendered for {loaded.path}"
        if found.called_at:      # (a macro's line: the lines that called it, the innermost call first)
            calls = ", from ".join(f"{file}:{line}" for file, line in found.called_at)
            about = f"in the macro called at {calls}, {about}"
        problems.append(Problem(found.file, found.line, p.key, p.message, about))
    return InputError(list(dict.fromkeys(problems)))


def _elements_at_template_lines(exc: InputError, doc: model.Document, source: str,
                                loaded: LoadedSpec) -> InputError:
    """A refusal of elements of the parsed markup (`exc.elements`: each problem's
    (tag, index), or None), each named at the template's line that printed it."""
    elements = getattr(exc, "elements", None) or [None] * len(exc.problems)
    places = [doc.printed_at(*element) if element and p.file == source else None
              for p, element in zip(exc.problems, elements)]
    return _named_at(exc, places, loaded)


def _printed_at(template: str, ctx: dict, style: HouseStyle, where: tuple[Path, ...], text: str,
                tag: str, index: int):
    """The template file and line that printed the index-th <tag> of the markup
    `text` (printed_lines.Printed), None where that cannot be told."""
    from ..content.printed_lines import printed_by
    offset = markup.offset_of(text, tag, index)
    return printed_by(template, ctx, style, where, offset) if offset is not None else None


def _table_at_template_line(exc: LayoutProblem, doc: model.Document, loaded: LoadedSpec) -> InputError:
    """A table the PDF writer found too narrow for its cells' padding (the widths a
    template gave it), named at the template's line that printed it; else as it was,
    for located() to name at the spec."""
    table, printed_at = getattr(exc, "table", None), getattr(doc, "printed_at", None)
    tables = [b for b in model.walk(doc.blocks) if isinstance(b, model.Table)]
    index = next((n for n, t in enumerate(tables) if t is table), None)
    found = printed_at("table", index) if printed_at and index is not None else None
    if not found or not found.file or not found.line:
        return exc
    return _named_at(InputError([Problem(p.file, p.line, "", p.message) for p in exc.problems]),
                     [found] * len(exc.problems), loaded)


def _unknown_entry(exc: InputError, loaded: LoadedSpec, kind: str, templates: Path | None, template: str):
    """template_coverage.unknown_entry, loaded only where a user's template stopped."""
    from .template_coverage import unknown_entry
    return unknown_entry(exc, loaded, kind, templates, templates_used(template, (TEMPLATES,)))


def _against_bundled(loaded: LoadedSpec, style: HouseStyle, kind, ctx: dict, flags: dict,
                     theirs: tuple[set, list[Path], str, model.Document], where: tuple[Path, ...],
                     templates: Path | None) -> None:
    """A user's template (`theirs`: what its render read, its files, its markup and
    document) against the bundled one rendered beside it: a house key it cannot
    honour, or a setting it leaves without effect, is an error (nothing is written);
    text it leaves out, a warning; a link it leaves out, an error (template_coverage.py)."""
    # (here: a build with the bundled templates never loads it, nor, for a notice, the
    # agreement's text classes it names: ~1.5 ms of a cold start)
    from .template_coverage import left_out, links_left_out, settings_unhonoured, settings_without_effect
    reads, files, text, doc = theirs
    ours: set = set()
    bundled_text = render(kind.template, ctx, style, (TEMPLATES,), ours)
    bundled = markup.parse(bundled_text, source=str(TEMPLATES / kind.template))
    bundled_files = templates_used(kind.template, (TEMPLATES,))
    unhonoured = settings_unhonoured(style, kind.name, (reads, files), (ours, bundled_files), templates)

    def rerender(spec, changed: HouseStyle):
        # the context made again from the spec and style without one setting (what it
        # notes is not this build's: a copy of `loaded` takes it)
        other = replace(loaded, spec=spec, warnings=[], notes=[])
        again = context(other, changed, **flags)
        return (render(kind.template, again, changed, where),
                lambda: render(kind.template, again, changed, (TEMPLATES,)))

    refused = {tuple(p.key.split(".")) for p in unhonoured}
    no_effect = settings_without_effect(loaded, style, kind.name, (reads, files, text),
                                        (ours, bundled_files, bundled_text), templates, rerender, refused)
    loaded.warnings.extend(left_out(loaded, doc, bundled, templates))
    unlinked = links_left_out(loaded, doc, bundled, templates)
    if unhonoured or no_effect or unlinked:
        raise InputError(unhonoured + no_effect + unlinked)


def prepare_pictures(doc: model.Document, loaded: LoadedSpec, source: str, every: list | None = None) -> None:
    """Read, check and scale every picture now (images.py), so that `check` finds
    what the build would, and the writers embed the same bytes. A logo's problem is
    told at the spec's `logo:`, a photo's at its `file:`, another picture's at the template.
    `every`: the document's blocks as model.every_block gives them, where the caller has them."""
    keys = {str(loaded.file(p.logo)): ("parties", pid, "logo") for pid, p in loaded.spec.parties.items() if p.logo}
    keys.update((str(loaded.file(photo.file)), key) for key, photo in photos_of(loaded.spec))
    problems: list[Problem] = []
    elements: list[tuple[str, int] | None] = []      # (for the template's line: _elements_at_template_lines)
    pictures = (b for b in (model.walk(doc.blocks) if every is None else every) if isinstance(b, model.Image))
    for n, block in enumerate(pictures):             # as the markup's <img>s stand
        key = keys.get(block.src)
        try:
            what = "picture" if key is None else "logo" if key[-1] == "logo" else "photo"
            block.data = images.picture(block.src, block.width, block.height, what).data
        except images.ImageRefused as exc:
            problems.append(Problem(str(loaded.path), loaded.line_of(key), dotted(key), str(exc)) if key
                            else Problem(source, None, "", str(exc)))
            elements.append(("img", n))
        if not block.alt.strip():
            # tagged PDF (a Figure's /Alt) and the DOCX say what the picture shows
            # (a photo's caption or alt is never blank here: spec/photo_checks.py)
            why = ("a logo needs a text for readers who cannot see it: the party's name, which"
                   " this spec leaves blank (give name: or formal_name:)") if key else \
                "a picture needs alt=\"…\": its text for readers who cannot see it"
            problems.append(Problem(str(loaded.path), loaded.line_of(key), dotted(key), why) if key
                            else Problem(source, None, "", why))
            elements.append(("img", n))
    if problems:
        # each problem once an element (two pictures at one line are one problem there:
        # _named_at; a logo's told at the spec is one, of whichever element)
        told = list(dict.fromkeys((p, e if p.file == source else None) for p, e in zip(problems, elements)))
        error = InputError([p for p, _ in told])
        error.elements = [e for _, e in told]
        raise error


def render_files(doc: model.Document, style: HouseStyle, formats=FORMATS, pdfa: bool = False,
                 fields: bool = True, breaks: list | None = None) -> dict[str, bytes]:
    """The document's files. A PDF with seal places gets one empty signature field
    over each (fields=False for a copy, which nobody signs); pdfa=True makes it PDF/A-2a
    before the fields are added, as an incremental update that keeps it PDF/A.
    `breaks` gets where the spec's new_page breaks fell (writers/pdf.render_pdf_layout)."""
    out = {}
    # The layout is made for the DOCX too: its page count decides whether the DOCX
    # carries page numbers (- 1 -), as the PDF does only past one page.
    from ..writers.pdf import render_pdf_layout
    data, seals, pages = render_pdf_layout(doc, style, forms=fields, breaks=breaks)
    if "pdf" in formats:
        if pdfa:
            from ..pdf.pdfa import make_pdfa
            data = make_pdfa(data, doc)
        if seals and fields:
            from ..pdf.sig_fields import add_signature_fields
            data = add_signature_fields(data, seals)
        out["pdf"] = data
    if "docx" in formats:
        from ..writers.docx import render_docx
        with collector.held_off():                       # as for the PDF's layout
            out["docx"] = render_docx(doc, style, page_numbers=pages > 1)
    return out


def seal_fields(doc: model.Document) -> list[str]:
    """The signature field names of a document's seal places, in order (甲, 乙 …)."""
    return [b.field for b in model.walk(doc.blocks) if isinstance(b, model.Seal)]


def copies_of(doc: model.Document, style: HouseStyle, original_mark: bool = True) -> dict[str, model.Document]:
    """One original per party (正本（甲保管） at the top right, if wanted) and one copy for
    circulation (写 across every page), as file-name suffix → document. The marks are
    drawn by the page template of the same layout, so every version has the same pages."""
    out = {}
    for name in seal_fields(doc):
        marks = [model.PageMark(style.fill("original_mark", label=name), "corner")] if original_mark else []
        out[name] = replace(doc, marks=marks)
    out[style.word("copy_mark")] = replace(doc, marks=[model.PageMark(style.word("copy_mark"), "diagonal")])
    return out


def render_spec(loaded: LoadedSpec, formats=FORMATS, style_override: Path | None = None,
                templates: Path | None = None, copies: bool = False, pdfa: bool = False,
                kinds=None, final: bool = False) -> dict[str, bytes]:
    """Every file of one spec, in memory, as file name → bytes: what the build writes
    and what `check` lays out (and throws away). Text too long for its page is an
    error at the key and line it comes from. copies (or the spec's agreement.copies)
    adds the originals and the copy of every document with seal places; pdfa makes
    every PDF PDF/A-2a (but a release that binds a PDF file as it is: release_pdfa);
    final (--final) refuses a draft and its blanks."""
    style = style_for(loaded, style_override)
    pending: dict[str, bytes] = {}
    ag = loaded.spec.agreement
    copies = copies or bool(ag and ag.document and ag.document.copies)
    if copies and ag and ag.document and ag.document.draft:
        key = ("agreement", "document", "draft")
        raise InputError([Problem(str(loaded.path), loaded.line_of(key), dotted(key),
                                  "originals and copies (copies, --copies) are made of the final agreement,"
                                  " not of a draft: build the draft without them")])
    if copies and ag and ag.document and ag.document.witnesses:
        # One original per signature field would give the witness one too: who keeps
        # an original is the closing's to say, which the product does not read.
        key = ("agreement", "document", "witnesses")
        raise InputError([Problem(str(loaded.path), loaded.line_of(key), dotted(key),
                                  "originals (copies, --copies) are made one per signer, and whether a witness"
                                  " keeps one is the closing's to say: build an agreement with a witness"
                                  " without them")])
    try:
        releases = releases_of(loaded, kinds) if "pdf" in formats else []
        made: dict[str, tuple[model.Document, HouseStyle]] = {}
        for doc in make_documents(loaded, style, needed_kinds(loaded, kinds), templates, final=final):
            doc_style = style
            if doc.fit_one_page:
                from ..writers.fit import fit_style   # the sizes the PDF settles on, for the DOCX too
                doc_style = fit_style(doc, style, str(loaded.path))
            made[doc.kind] = (doc, doc_style)
            if kinds is not None and doc.kind not in kinds:
                continue                             # made only for a release
            breaks = []
            try:
                files = render_files(doc, doc_style, formats, pdfa=pdfa, breaks=breaks)
            except LayoutProblem as exc:
                raise _table_at_template_line(exc, doc, loaded) from None
            for fmt, data in files.items():
                pending[f"{doc.kind}.{fmt}"] = data
            loaded.notes.extend(break_notes(loaded, breaks, doc_style.agreement.pages_per_sheet, doc.cover))
            if copies and "pdf" in formats and seal_fields(doc):
                mark = ag.document.original_mark if ag and ag.document else True
                for suffix, version in copies_of(doc, style, mark).items():
                    is_copy = suffix == style.word("copy_mark")
                    data = render_files(version, style, ("pdf",), pdfa=pdfa, fields=not is_copy)["pdf"]
                    pending[f"{doc.kind}-{suffix}.pdf"] = data
        if releases:
            from ..pdf.release import render_release
            for name in releases:
                parts = [(a.title, other_document(loaded, a, style_override, templates, final) if a.spec
                          else made[a.document] if a.document else loaded.file(a.file))
                         for a in attachments_of(loaded.spec, name) if a.document or a.file]
                data = render_release(made[RELEASES[name]], parts)
                if pdfa:
                    data = release_pdfa(loaded, name, data, made[RELEASES[name]][0])
                pending[f"{name}.pdf"] = data
    except LayoutProblem as exc:
        raise located(exc, loaded) from None
    return pending


def release_pdfa(loaded: LoadedSpec, name: str, data: bytes, notice: model.Document) -> bytes:
    """--pdfa: a release of the product's own pages (the notice, the documents it
    attaches) made PDF/A-2a as its parts are; one that binds a PDF file as it is cannot
    be made so (that file's fonts, colours and structure are its own), and is left as
    it is, the build naming the file."""
    bound = bound_files(loaded.spec, name)
    if not bound:
        from ..pdf.pdfa import make_pdfa
        return make_pdfa(data, notice)
    for key, file in bound:
        loaded.notes.append(Problem(str(loaded.path), loaded.line_of(key), dotted(key),
                                    f"--pdfa: {name}.pdf is not made PDF/A-2a: it binds {file} as it is, which"
                                    " the product cannot make PDF/A; the files it makes itself are PDF/A-2a"))
    return data


def other_document(loaded: LoadedSpec, attachment, style_override: Path | None, templates: Path | None,
                   final: bool) -> tuple[model.Document, HouseStyle]:
    """A document of another spec the notice announces (press_notice.also), made as that
    spec makes it (its own house style, unless --style), to attach to the release."""
    from ..spec.joint import other_of
    other = other_of(loaded, attachment.spec)
    style = style_for(other, style_override)
    try:
        doc = make_documents(other, style, {attachment.document}, templates, final=final)[0]
    except LayoutProblem as exc:
        raise located(exc, other) from None
    if doc.fit_one_page:
        from ..writers.fit import fit_style
        return doc, fit_style(doc, style, str(other.path))
    return doc, style


def build(loaded: LoadedSpec, out_root: Path, formats=FORMATS, style_override: Path | None = None,
          templates: Path | None = None, force: bool = False,
          copies: bool = False, pdfa: bool = False, kinds=None, final: bool = False,
          stamp: str | None = None) -> list[Path]:
    """Build every document of one spec into out_root/<spec name>/. Returns the paths.
    Everything is rendered in memory first; nothing is written if any part fails.
    stamp: the digest of the build's inputs (record.py), kept in the folder's manifest."""
    return build_in_memory(loaded, out_root, formats, style_override, templates, force, copies, pdfa, kinds,
                           final, stamp)()


def build_in_memory(loaded: LoadedSpec, out_root: Path, formats=FORMATS, style_override: Path | None = None,
                    templates: Path | None = None, force: bool = False,
                    copies: bool = False, pdfa: bool = False, kinds=None, final: bool = False,
                    stamp: str | None = None) -> Callable[[], list[Path]]:
    """build() in two steps: every document rendered now, and a function that writes
    them (a batch worker has it called by another thread while it renders its next spec)."""
    folder = as_path(out_root) / safe_folder_name(loaded.name, loaded.path)
    pending = render_spec(loaded, formats, style_override, templates, copies, pdfa, kinds, final)
    owner = str(loaded.resolved_path or loaded.path.resolve())
    return functools.partial(write_outputs, folder, pending, force, owner=owner, stamp=stamp)
