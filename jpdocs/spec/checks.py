"""What a spec's data is checked for beyond its schema, and pydantic's findings
put in plain words: control and invisible characters, ASCII spaces beside Japanese
(a warning), look-alike radicals (mended, with a warning), unknown keys with a
did-you-mean, references between sections, the files it names, the agreement's articles.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path
from typing import get_origin

from pydantic import BaseModel, ValidationError

from . import images
from .. import japanese
from ..errors import Problem
from ..files import is_within, resolve_file
from .schema import Spec
from .source import dotted, line_of
from .values import describe


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.key))


# Characters that never belong in a value: invisible, they change nothing a reader
# sees but break search, copying and layout. A newline is allowed (it is a line
# break where the document prints the value); a tab is not (it has no meaning in
# the documents' layout).
_INVISIBLE = {0x00AD: "soft hyphen", 0x200B: "zero-width space", 0x200C: "zero-width non-joiner",
              0x200D: "zero-width joiner", 0x2060: "word joiner", 0xFEFF: "zero-width no-break space (BOM)"}
_JAPANESE = r"\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e"
_ASCII_SPACE_BY_JAPANESE = re.compile(f"[{_JAPANESE}] +(?=[^ ])|(?<=[^ ]) +[{_JAPANESE}]")


def check_text(value, path, name, lines, warnings) -> list[Problem]:
    """Refuse control and invisible characters, naming the field; warn (never
    alter) where an ASCII space touches Japanese text."""
    problems: list[Problem] = []
    if isinstance(value, str):
        where = (name, line_of(lines, path), dotted(path))
        for i, ch in enumerate(value):
            cp = ord(ch)
            if ch == "\n":
                continue
            if ch == "\t":
                what = "a tab character; write a full-width space (　) or spaces instead"
            elif ch == "\ufffd":
                what = ("the replacement mark � (U+FFFD), left where characters were lost in a conversion"
                        " (文字化け); type the original characters again")
            elif unicodedata.category(ch) == "Cc":
                what = f"the control character U+{cp:04X}, which cannot be printed; delete it"
            elif cp in _INVISIBLE or 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069:
                label = _INVISIBLE.get(cp, "text-direction control")
                what = (f"the invisible character U+{cp:04X} ({label}), often pasted from web pages"
                        " or PDFs; delete it")
            else:
                continue
            problems.append(Problem(*where, f"the text contains {what} (at character {i + 1})"))
            break
        found = _ASCII_SPACE_BY_JAPANESE.search(value)
        if found:
            a, b = max(0, found.start() - 4), found.end() + 4
            warnings.append(Problem(*where, f"an ASCII space beside Japanese text ({value[a:b]!r}) is printed"
                                            " as it is; if a gap is meant, write a full-width space (　)"))
    elif isinstance(value, dict):
        for k, v in value.items():
            problems += check_text(v, path + (k,), name, lines, warnings)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            problems += check_text(v, path + (i,), name, lines, warnings)
    return problems


def mend_radicals(value, path, name, lines, warnings):
    """Kangxi radical code points (⾒ for 見) come in with text pasted from PDFs; they
    break search and have no glyph in the fonts. Map them, and say so per field."""
    if isinstance(value, str):
        fixed, pairs = japanese.fix_radicals(value)
        if pairs:
            shown = ", ".join(f"{a} U+{ord(a):04X} → {b}" for a, b in pairs)
            warnings.append(Problem(name, line_of(lines, path), dotted(path),
                                    f"look-alike radical characters replaced: {shown}"))
        return fixed
    if isinstance(value, dict):
        return {k: mend_radicals(v, path + (k,), name, lines, warnings) for k, v in value.items()}
    if isinstance(value, list):
        return [mend_radicals(v, path + (i,), name, lines, warnings) for i, v in enumerate(value)]
    return value


def _spec_path(loc: tuple, lines, kind: str) -> tuple:
    """An error's path as the spec writes it. pydantic puts the union member it tried
    (ClauseSpec, constrained-str, function-after[…], dict[str,…]) and [key] into the
    path; they name no key of the spec (every key the spec has is in `lines`), so they
    are left out. Only a missing key, the last part, is rightly absent from the spec."""
    out: tuple = ()
    for i, part in enumerate(loc):
        if isinstance(part, str) and out + (part,) not in lines and not (kind == "missing" and i == len(loc) - 1):
            continue
        out += (part,)
    return out


def problems_of(exc: ValidationError, name: str, lines) -> list[Problem]:
    out, from_union = [], []
    for err in exc.errors():
        loc = _spec_path(tuple(err["loc"]), lines, err["type"])
        out.append(Problem(name, line_of(lines, loc), dotted(loc), _explain(err, loc)))
        from_union.append(len(loc) < len(err["loc"]) and err["type"].endswith("_type"))
    # A value of a union (a paragraph: text or {text:, items:}) that has one member's
    # shape gets that member's problems inside it; the other members' "expected text"
    # says nothing the user can act on.
    out = [p for p, union in zip(out, from_union)
           if not (union and any(q.key.startswith((p.key + ".", p.key + "[")) for q in out))]
    # A required key reported missing next to a misspelt one: say they are one mistake.
    typos = {(p.key.rpartition(".")[0], p.message.split("did you mean '")[1].rstrip("'?")): p
             for p in out if "did you mean '" in p.message}
    for i, p in enumerate(out):
        parent, _, key = p.key.rpartition(".")
        typo = typos.get((parent, key))
        if p.message == "this key is required but missing" and typo:
            out[i] = Problem(p.file, p.line, p.key, f"{p.message} (is it the misspelt"
                             f" '{typo.key.rpartition('.')[2]}' at line {typo.line}?)")
    return out


# Keys of the agreement document that stood directly under agreement: before the
# document became a section of its own (made only when the spec asks for it).
MOVED = {("agreement", k): f"agreement.document.{v}" for k, v in {
    "document_title": "title", "labels": "labels", "subject": "subject", "purpose": "purpose",
    "area_items": "area_items", "articles": "articles", "extra_articles": "extra_articles",
    "closing": "closing", "copies": "copies", "original_mark": "original_mark"}.items()}


def _explain(err: dict, loc: tuple) -> str:
    """pydantic's error → what is wrong and what was expected, in plain words. The
    kinds are those the schema can produce: it has no number, tuple, date or time
    field of pydantic's own (dates, times and the fiscal year are parsed by values.py,
    whose own errors, jp_value, are worded there)."""
    kind, value = err["type"], err.get("input")
    got = describe(value)
    if kind == "extra_forbidden":
        if loc and loc[-1] == "also":
            return ("unknown key 'also' here: the other agreements signed at the same ceremony are named"
                    " by the notice that announces them, as press_notice.also")
        moved = MOVED.get(loc)
        if moved:
            return f"'{loc[-1]}' belongs to the agreement document now: write it as {moved}"
        options = _fields_at(loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), options, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else (
            f"; allowed here: {', '.join(options)}" if options else "")
        return f"unknown key '{loc[-1]}'{hint}"
    if kind == "missing":
        return "this key is required but missing"
    if kind == "jp_value":
        return err["msg"]
    if kind == "string_type":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return (f"expected text, got {got}; put it in quotes (\"{value}\") so that it is kept"
                    " exactly as written")
        return f"expected text, got {got}"
    if kind == "string_too_short":
        return "the value is empty; write it, or remove the key"
    if kind == "list_type":
        return f"expected a list (lines starting with '- ', or [a, b]), got {got}"
    if kind in ("model_type", "dict_type"):
        return f"expected a block of keys (key: value lines, indented under this one), got {got}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {got}"
    if kind == "literal_error":
        return f"must be one of {err['ctx']['expected']}, got {got}"
    if kind == "too_short":
        return f"needs at least {err['ctx']['min_length']} entry"
    if kind == "value_error":
        return err["msg"].removeprefix("Value error, ")
    # Not reached with the schema as it is (test_spec_checks walks it): a kind of
    # error a new field could bring is still told, in pydantic's words.
    return f"{err['msg']} (got {got})"


def _fields_at(loc: tuple) -> list[str]:
    """The keys allowed at a path, for the did-you-mean of an unknown key. The path
    runs through a model's keys, list indexes and the keys of a dict of models
    (party ids, article names): those are the user's own words and may be any
    word, a key of the model below too (a party called `logo`), so they are
    skipped, never looked up."""
    model: type[BaseModel] | None = Spec
    user_key = False
    for part in loc:
        if user_key or isinstance(part, int):
            user_key = False
            continue
        field = {f.alias or n: f for n, f in model.model_fields.items()}.get(part) if model else None   # as written
        if field is None:
            return []
        user_key = get_origin(field.annotation) is dict
        model = _model_of(field.annotation)
    return sorted(f.alias or n for n, f in model.model_fields.items()) if model else []


def _model_of(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found:
            return found
    return None


def cross_check(spec: Spec, name: str, lines) -> list[Problem]:
    """What the schema alone cannot see: references between sections."""
    problems = []
    notice = spec.press_notice
    if notice and notice.ceremony.signatories:
        for i, ref in enumerate(notice.ceremony.signatories):
            if ref not in spec.parties:
                path = ("press_notice", "ceremony", "signatories", i)
                close = difflib.get_close_matches(ref, list(spec.parties), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f" (declared: {', '.join(spec.parties)})"
                problems.append(Problem(name, line_of(lines, path), dotted(path),
                                        f"party '{ref}' is not declared under parties{hint}"))
    problems += _check_press_request(spec, name, lines)
    for pid, party in spec.parties.items():
        if party.honorific and party.on_issuing_side(spec.issuer):
            path = ("parties", pid, "honorific")
            why = "issuing: true" if party.issuing else f"the issuer is '{spec.issuer}'"
            problems.append(Problem(name, line_of(lines, path), dotted(path),
                                    f"'{party.honorific}' on the issuing office's own head ({why}); an"
                                    " office never writes 様 after its own head: delete the honorific,"
                                    " or say issuing: false if this party is not of the issuing side"))
    if notice:
        from .joint import check_also
        from .notice_checks import check_notice
        problems += check_notice(spec, name, lines)
        problems += check_also(spec, name, lines)
        problems += _check_attachments(spec, name, lines)
    agreement = spec.agreement
    if agreement:
        problems += _check_agreement(spec, name, lines)
        for key, day in (("signing_date", agreement.signing_date),
                         ("validity", agreement.validity.start if agreement.validity else None)):
            if day and japanese.fiscal_year_problem(japanese.fiscal_year(day)):
                path = ("agreement", key) + (("start",) if key == "validity" else ())
                problems.append(Problem(name, line_of(lines, path), dotted(path),
                                        f"{day.isoformat()} falls in the fiscal year {japanese.fiscal_year(day)},"
                                        " whose days cannot all be written as dates (fiscal years run from"
                                        f" {japanese.FIRST_FISCAL_YEAR} to {japanese.LAST_FISCAL_YEAR});"
                                        " check the date"))
        for i, amendment in enumerate(agreement.amendments):
            if agreement.signing_date and amendment.date <= agreement.signing_date:
                path = ("agreement", "amendments", i, "date")
                problems.append(Problem(name, line_of(lines, path), dotted(path),
                                        f"the agreement is amended on {amendment.date.isoformat()}, not after it"
                                        f" was signed ({agreement.signing_date.isoformat()}); check the date"))
        for field in agreement.fields:
            if not field.strip():
                path = ("agreement", "fields", field)
                problems.append(Problem(name, line_of(lines, path), "agreement.fields",
                                        "a field's name cannot be empty"))
    problems += _blanks(spec, name, lines)
    problems += _signers(spec, name, lines)
    if len(spec.parties) > len(japanese.PARTY_LABELS):
        problems.append(Problem(name, line_of(lines, ("parties",)), "parties",
                                f"at most {len(japanese.PARTY_LABELS)} parties (甲 to 癸)"))
    return problems


def _check_press_request(spec: Spec, name: str, lines) -> list[Problem]:
    """The request sentence is printed whole or not at all: a deadline needs words
    after it, and までに is added after the deadline (a tail written for the old
    format, which began with it, would print it twice)."""
    notice = spec.press_notice
    r = notice.press_request if notice else None
    if r is None or r.deadline is None:
        return []
    path = ("press_notice", "press_request", "tail")
    if not r.tail.strip():
        return [Problem(name, line_of(lines, path), dotted(path),
                        "the deadline needs a tail to make a sentence (…までに下記連絡先までお知らせください。):"
                        " write the tail, or leave out the deadline")]
    if r.tail.startswith("までに"):
        return [Problem(name, line_of(lines, path), dotted(path),
                        "までに is printed after the deadline already; write the tail without it"
                        f" ({r.tail[3:]!r})")]
    return []


def named_files(spec: Spec) -> list[tuple[tuple, str]]:
    """(key path, path as written) of every file the spec names."""
    out = [(("style",), spec.style)] if spec.style else []
    out += [(("parties", pid, "logo"), p.logo) for pid, p in spec.parties.items() if p.logo]
    notice = spec.press_notice
    if notice:
        lists = [(("press_notice", "attachments"), notice.attachments)]
        if notice.after is not None and notice.after.attachments is not None:
            lists.append((("press_notice", "after", "attachments"), notice.after.attachments))
        out += [(base + (i, "file"), a.file) for base, items in lists for i, a in enumerate(items) if a.file]
        out += [(("press_notice", "also", i), written) for i, written in enumerate(notice.also)]
    return out


def check_named_files(spec: Spec, name: str, lines, allow_outside: bool) -> list[Problem]:
    """Files the spec names: each logo must be a usable picture (images.py), each
    attached file a usable PDF (the style is read by the build). Unless allow_outside,
    a file outside the spec's own folder (an absolute path, `../`, a link leading out)
    is refused unread."""
    problems = []
    for key, written in named_files(spec):
        path = resolve_file(Path(name), written)
        if not allow_outside and not is_within(path, Path(name).parent):
            trouble = (f"{path} is outside the spec's folder, and here a spec may only name files"
                       " inside its own folder")
        elif key[-1] == "logo":
            trouble = images.check(path)
        elif key[-1] == "file":         # an attachment: read here, so that one outside is never read
            trouble = pdf_trouble(path)
        else:
            trouble = None
        if trouble:
            problems.append(Problem(name, line_of(lines, key), dotted(key), trouble))
    return problems


def _check_attachments(spec: Spec, name: str, lines) -> list[Problem]:
    """Every attachment that names a document must be there to attach: the overview
    sheet only when the spec makes one (a file, that it is a readable, unencrypted
    PDF, is checked with the other files, check_named_files). And the release after
    the signing needs the agreement it reports (its title and the date signed)."""
    notice, problems = spec.press_notice, []
    lists = [(("press_notice", "attachments"), notice.attachments)]
    if notice.after is not None:
        if spec.agreement is None:
            path = ("press_notice", "after")
            problems.append(Problem(name, line_of(lines, path), dotted(path),
                                    "the release after the signing reports the agreement signed: the spec needs"
                                    " agreement: (its title and signing_date)"))
        if notice.after.attachments is not None:
            lists.append((("press_notice", "after", "attachments"), notice.after.attachments))
    for base, items in lists:
        for i, att in enumerate(items):
            if att.document == "overview" and not att.spec and not (spec.agreement and spec.agreement.areas):
                path = base + (i, "document")
                problems.append(Problem(name, line_of(lines, path), dotted(path),
                                        "the overview sheet is made from agreement.areas, and this spec has none:"
                                        " there is no overview to attach (write the title alone to list it only)"))
    return problems


MAX_ATTACHMENT = 100_000_000      # a map or a flyer; larger is surely the wrong file


def pdf_trouble(path: Path) -> str | None:
    """Why a PDF to attach cannot be used, or None."""
    import io
    from ..files import FileRefused, read_regular_file
    try:
        data = read_regular_file(path, MAX_ATTACHMENT, "attachment")   # never a FIFO or a device
    except FileRefused as exc:
        if not path.exists():
            return f"attachment file not found: {path} (a file path is relative to the spec file)"
        return str(exc)
    if b"%PDF-" not in data[:1024]:
        return f"the attachment {path} is not a PDF file"
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return (f"the attachment {path} is encrypted (password-protected); save an unprotected copy"
                    " to attach it")
        if len(reader.pages) == 0:
            return f"the attachment {path} has no pages"
    except (PyPdfError, OSError, ValueError, KeyError, TypeError) as exc:
        return f"the attachment {path} is damaged and cannot be read: {exc}"
    return None


def _check_agreement(spec: Spec, name: str, lines) -> list[Problem]:
    """What can be told without the house style's standard articles (those are
    checked where the text is composed, content/agreement/): parties, labels, keys that
    would have no effect, and a term of validity that can be met."""
    from .term import problem_of, term_of
    ag, problems = spec.agreement, []

    def problem(path, message):
        problems.append(Problem(name, line_of(lines, path), dotted(path), message))

    for path, count in _sub_item_lists(ag):
        if count > len(japanese.IROHA_ITEMS):
            problem(path, f"{count} sub-items, but their markers ア, イ … run out after"
                          f" {len(japanese.IROHA_ITEMS)} (ワ); split the list, or make some of them items of their own")
    if len(spec.parties) < 2:
        problem(("agreement",), "an agreement needs at least two parties under parties:")
    doc = ag.document
    if doc is not None:
        D = ("agreement", "document")
        for key in ("labels", "collective"):
            word = getattr(doc, key)
            if isinstance(word, str) and word.startswith("両") and len(spec.parties) != 2:
                problem(D + (key,), f"'{word}' speaks of two parties, but there are {len(spec.parties)};"
                                    " write 甲乙, or a word such as 三者")
        if isinstance(doc.labels, dict):
            for pid in doc.labels:
                if pid not in spec.parties:
                    close = difflib.get_close_matches(pid, list(spec.parties), n=1)
                    hint = f"; did you mean '{close[0]}'?" if close else f" (declared: {', '.join(spec.parties)})"
                    problem(D + ("labels", pid), f"party '{pid}' is not declared under parties{hint}")
            missing = [pid for pid in spec.parties if pid not in doc.labels]
            if missing:
                problem(D + ("labels",), f"a label per party needs one for every party; missing: {', '.join(missing)}")
            words = list(doc.labels.values())
            for pid, word in doc.labels.items():
                if words.count(word) > 1:
                    problem(D + ("labels", pid), f"the label 「{word}」 is given to more than one party")
        elif doc.labels != "甲乙" and doc.collective:
            problem(D + ("collective",), f"labels: {doc.labels} is already the one word for all parties, so"
                                         " collective: would have no effect; remove one")
        if doc.preamble is not None:
            own = "writes its own (document.preamble)" if doc.preamble else "has none (document.preamble: false)"
            for key in ("subject", "conclude"):
                if D + (key,) in lines:
                    problem(D + (key,), f"{key} words the generated preamble, and the spec {own}:"
                                        " it would have no effect")
        if not ag.areas:
            for key in ("area_items", "catch_all"):
                if D + (key,) in lines:
                    problem(D + (key,), f"{key} shapes the 連携事項 article made from agreement.areas, and this"
                                        " spec has no areas: it would have no effect")
    try:
        problem_text = problem_of(term_of(ag)) if ag.validity or ag.document else None
    except (ValueError, OverflowError):
        problem_text = None            # a date past the calendar's end: its fiscal year is reported instead
    if problem_text:
        v = ag.validity
        key = "end" if v and v.end else ("renewal_notice" if v and v.renewal_notice else "end")
        problem(("agreement", "validity", key), problem_text)
    return problems


def _sub_item_lists(ag):
    """(key path, length) of every list the agreement numbers ア, イ …: the items of
    an item in an article's paragraph, and each area's items with area_items."""
    from .schema import ClauseSpec, SubItemSpec
    doc = ag.document
    if doc is None:
        return
    D = ("agreement", "document")
    texts = [(D + ("articles", k, "text"), o.text) for k, o in doc.articles.items() if o.text]
    texts += [(D + ("extra_articles", i, "text"), x.text) for i, x in enumerate(doc.extra_articles)]
    for path, text in texts:
        for j, clause in enumerate(text):
            if isinstance(clause, ClauseSpec):
                for k, item in enumerate(clause.items):
                    if isinstance(item, SubItemSpec):
                        yield path + (j, "items", k, "items"), len(item.items)
    if doc.area_items:
        for i, area in enumerate(ag.areas):
            yield ("agreement", "areas", i, "items"), len(area.items)


def _signers(spec: Spec, name: str, lines) -> list[Problem]:
    """Who signs for a party may be left out only where no document prints it: the
    press notice prints its signatories where its 記 block has a 締結者 item (and the
    release after the signing always), the agreement every party's block. A head
    named by the title alone (name left out) is printed so in the notices; the
    agreement's block needs the name, a draft's blank standing in for it."""
    problems = []
    needed: dict[str, str] = {}
    in_notice: set[str] = set()
    agreement = spec.agreement.document if spec.agreement else None
    if agreement:
        needed.update((pid, "the agreement's signature block") for pid in spec.parties)
    notice = spec.press_notice
    if notice:
        from .notice_checks import lists_signatories
        where = None
        if lists_signatories(spec):
            where = "the press notice's 締結者"
        elif notice.after is not None:
            where = "the 締結者 of the release after the signing (press_notice.after)"
        if where:
            in_notice = set(notice.ceremony.signatories or spec.parties)
            for pid in notice.ceremony.signatories or list(spec.parties):
                needed.setdefault(pid, where)
    for pid, party in spec.parties.items():
        for who in ("representative", "signatory"):
            person = getattr(party, who)
            if person is not None and person.title_only and person.reading:
                at = ("parties", pid, who, "reading")
                problems.append(Problem(name, line_of(lines, at), dotted(at),
                                        "the reading is printed after the name, and this person is named by"
                                        " the title alone (no name:): it would have no effect"))
    for pid, where in needed.items():
        party = spec.parties.get(pid)
        if party is None:
            continue                         # an undeclared one is reported apart
        if party.signer() is None:
            path = ("parties", pid)
            problems.append(Problem(name, line_of(lines, path), f"parties.{pid}.representative",
                                    f"missing: {where} prints who signs for this party; give"
                                    " representative: {title: …, name: …}"))
            continue
        who = "signatory" if party.signatory else "representative"
        signer = party.signer()
        path = ("parties", pid, who)
        if signer.title_only and agreement and not agreement.draft:
            problems.append(Problem(name, line_of(lines, path), dotted(path + ("name",)),
                                    f"missing: the agreement's signature block prints the name of"
                                    f" {signer.title}, and only a press notice names a head by the"
                                    " title alone; give name: (or name: null in a draft,"
                                    " agreement.document.draft: true, to leave it blank)"))
        if signer.title_only and party.honorific and pid in in_notice:
            at = ("parties", pid, "honorific")
            problems.append(Problem(name, line_of(lines, at), dotted(at),
                                    f"'{party.honorific}' follows the signer's name in 締結者, and"
                                    f" {signer.title} is named by the title alone (no name:): give the"
                                    " name, or delete the honorific"))
    return problems


def blank_keys(spec: Spec) -> list[tuple]:
    """The key paths a spec leaves open (null): the signing date, signers' names."""
    out = []
    if spec.agreement and spec.agreement.signing_date is None:
        out.append(("agreement", "signing_date"))
    for pid, party in spec.parties.items():
        if party.name is None:
            out.append(("parties", pid, "name"))
        for who in ("representative", "signatory"):
            person = getattr(party, who)      # a name left out (title alone) is no blank
            if person is not None and person.name is None and not person.title_only:
                out.append(("parties", pid, who, "name"))
    document = spec.agreement.document if spec.agreement else None
    for i, witness in enumerate(document.witnesses if document else []):
        if witness.representative.name is None:
            out.append(("agreement", "document", "witnesses", i, "representative", "name"))
    return out


def unnamed_signers(spec: Spec) -> list[tuple]:
    """The name key paths of signers named by the title alone: a draft agreement's
    signature block leaves their names blank (outside a draft, _signers refuses them)."""
    out = []
    for pid, party in spec.parties.items():
        signer = party.signer()
        if signer is not None and signer.title_only:
            out.append(("parties", pid, "signatory" if party.signatory else "representative", "name"))
    return out


def _blanks(spec: Spec, name: str, lines) -> list[Problem]:
    """A date or name left open (null) is a draft's blank: allowed only where the
    agreement document says draft: true, and never where the press notice prints it."""
    ag = spec.agreement
    draft = bool(ag and ag.document and ag.document.draft)
    problems = []
    notice = spec.press_notice
    ids = (notice.ceremony.signatories or list(spec.parties)) if notice else []
    signing = {id(spec.parties[i]) for i in ids if i in spec.parties}   # an undeclared one is reported apart
    for path in blank_keys(spec):
        if not draft:
            message = ("left open (null), which only a draft may do: write it, or say"
                       " agreement.document.draft: true for a draft (案) with blanks")
        elif path[0] == "parties" and (id(spec.parties[path[1]]) in signing
                                       or (notice and path[2] == "name")):
            message = "left open (null), but the press notice prints this name: write it"
        else:
            continue
        problems.append(Problem(name, line_of(lines, path), dotted(path), message))
    return problems
