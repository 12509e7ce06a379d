"""The live preview: form data → the spec's YAML text (as it would be saved) → the
real build in memory (spec.load_spec, build.render_spec) → page images and the
build's problems, warnings and notes, each with the key path the form shows it at
and that field's name in the form's words (fields.py).

Nothing is written: the text is parsed as if it were the file at the spec's path,
so its lines, its relative files (logos) and its messages are those of the saved
spec. Page images are drawn by pypdfium2 (PDFium, a wheel with no system
dependency, chosen over poppler's pdftoppm so that a fresh machine with pip alone
shows pages), as PNG.
"""
from __future__ import annotations

import base64
import io
import re
import threading
from pathlib import Path

from .. import i18n
from ..errors import InputError, Problem
from .fields import field_label
from .form_words import in_form_words

# A preview shows every document kind but the releases (the notice and its attachments
# again); the downloads include them.
PREVIEW_SCALE = 1.25          # 72 dpi × 1.25: an A4 page is 744 px wide, readable beside the form
MAX_PAGES = 40                # a runaway spec does not make hundreds of images

# Builds share fonts and caches registered in module globals (reportlab), and PDFium is
# not thread-safe: one build, one drawing at a time (the server answers in threads).
BUILD_LOCK = threading.Lock()
DRAW_LOCK = threading.Lock()


def problem_json(p: Problem, say: i18n.Messages | None = None, level: str = "error",
                 parties: dict | None = None) -> dict:
    """A problem (level error), warning or note for the page, in the reader's language
    (`say`; English by default): `text` its command line's line, `message` its words
    unaltered, `field` the form's name of its key (None where it has none: the list
    alone shows it), `label` its first word (エラー:, 警告:, 注記: …); a party's id in
    either said as the form names the party (`parties`: party_words.party_names). Its line is the
    file's: the spec's, or a template's (a refusal of the markup a user's template
    rendered)."""
    say = say or i18n.messages(None)
    said = say.message(p.message)
    # the form's words for the keys and YAML values the message names (form_words.py);
    # the line and key of `text` stay the command line's, for an editor
    message = in_form_words(said, p.key, say.language, parties)
    line = say.problem(p)
    if line.endswith(said):
        line = line[:len(line) - len(said)] + message
    return {"level": level, "label": say.label(level), "file": p.file, "key": p.key, "line": p.line,
            "field": field_label(p.key, parties=parties), "message": message, "text": f"{say.label(level)} {line}"}


def build_text(path: Path, text: str, formats=("pdf",), kinds="preview",
               ) -> tuple[dict[str, bytes], list[Problem], list[tuple[str, Problem]]]:
    """(files, problems, remarks) of the spec text as if saved at `path`; the remarks
    are the build's warnings and notes, each with its level ("warning", "note")."""
    from ..build.documents import render_spec
    from ..build.kinds import KINDS
    from ..output import safe_folder_name
    from ..spec.load import load_spec
    kinds = [k.name for k in KINDS] if kinds == "preview" else kinds
    with BUILD_LOCK:
        try:
            loaded = load_spec(path, raw=text.encode("utf-8"))
            safe_folder_name(loaded.name, loaded.path)
            files = render_spec(loaded, formats=formats, kinds=kinds)
        except InputError as exc:
            return {}, list(exc.problems), []
    return files, [], ([("warning", w) for w in dict.fromkeys(loaded.warnings)]
                       + [("note", n) for n in dict.fromkeys(loaded.notes)])


def remarks_json(remarks: list[tuple[str, Problem]], say: i18n.Messages | None = None,
                 parties: dict | None = None) -> list[dict]:
    """The build's warnings and notes for the page, as problem_json says a problem."""
    return [problem_json(p, say, level, parties) for level, p in remarks]


def page_images(pdf: bytes) -> list[str]:
    """The pages of a PDF as PNG data URLs."""
    import pypdfium2 as pdfium
    with DRAW_LOCK:
        return _draw(pdfium, pdf)


def _draw(pdfium, pdf: bytes) -> list[str]:
    out = []
    doc = pdfium.PdfDocument(pdf)
    try:
        for i in range(min(len(doc), MAX_PAGES)):
            page = doc[i]
            image = page.render(scale=PREVIEW_SCALE).to_pil()
            buf = io.BytesIO()
            image.save(buf, "PNG", optimize=False, compress_level=3)
            out.append("data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii"))
            page.close()
    finally:
        doc.close()
    return out


def era_labels(dates: dict) -> dict:
    """{key path: 令和６年２月27日（火）} for the dates the form shows; a value that is
    not a date gets nothing (its problem is shown by the build)."""
    from .. import japanese
    from ..spec.values import date_value      # the spec's own reading of a date (ISO or era), with its refusals
    out = {}
    for key, value in (dates or {}).items():
        if not isinstance(value, str) or not value.strip() or len(value) > 40:
            continue
        try:
            day = date_value(value.split("T")[0])
        except Exception:        # any refusal: the build says what is wrong, at the key
            day = _in_part(value) if _PART_KEYS.search(str(key)) else None
            if day is not None:  # a date given in part (平成27年３月), where the key takes one
                out[str(key)] = day
            continue
        out[str(key)] = japanese.format_date(day, "mixed", western=False, weekday=True)
    return out


# the keys that take a date given in part (spec/values.py DateOrPart), as the form names them
_PART_KEYS = re.compile(r"(?:^|\.)(?:amends\.signing_date|related\[\d+\]\.date)$")


def _in_part(value: str) -> str | None:
    """A date given in part (2015-03, 1997年) in the era, as the form shows it beside its box
    (平成27年３月): None where it is none, or lies in two eras (1989年: the build says why)."""
    from .. import japanese
    from ..spec.values import date_or_part_value
    try:
        part = date_or_part_value(value)
    except Exception:
        return None
    if not isinstance(part, japanese.PartialDate) or part.era_year() is None:
        return None
    return japanese.part_in(part, "era", "mixed")


def lines_on_disk(text: str, on_disk: str) -> dict[int, int | None]:
    """{line of `text`: that line's number in `on_disk`, None where the file has it not}:
    the text a save would write is not the file the user opens in an editor until it is
    saved (an empty `name:` it leaves out, a key the form added), and the numbers the
    page shows are the file's."""
    import difflib
    new, old = text.splitlines(), on_disk.splitlines()
    out: dict[int, int | None] = {}
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        keys = {_key_of(old[i]): i for i in reversed(range(i1, i2)) if _key_of(old[i])} if op == "replace" else {}
        for j in range(j1, j2):
            if op == "equal":
                out[j + 1] = i1 + (j - j1) + 1
            elif _key_of(new[j]) in keys:      # a changed line is the file's line of that key (venue: → venue: 会議室)
                out[j + 1] = keys.pop(_key_of(new[j])) + 1
            else:                              # a changed line in place of one line is that line
                out[j + 1] = i1 + (j - j1) + 1 if op == "replace" and i2 - i1 == j2 - j1 else None
    return out


def _key_of(line: str) -> str | None:
    """A line's indentation and key (`    venue:`), None where it has none."""
    m = re.match(r"\s*(?:- )*[^\s#:'\"][^:#]*:(?=\s|$)", line)
    return m.group(0) if m else None


def with_lines_on_disk(problems: list[Problem], path: Path, text: str, on_disk: str | None) -> list[Problem]:
    """The problems of the spec at `path` with the line numbers of the file on disk."""
    from dataclasses import replace
    if on_disk is None or on_disk == text:
        return problems
    lines = lines_on_disk(text, on_disk)
    return [replace(p, line=lines.get(p.line)) if p.line and p.file == str(path) else p for p in problems]


def preview(path: Path, text: str, say: i18n.Messages | None = None, on_disk: str | None = None,
            parties: dict | None = None) -> dict:
    """The preview of the spec text: documents with page images, problems, notes; the
    lines those name are the file's on disk (`on_disk`, its text), the parties they
    name by `parties` (party_words.party_names of the form's data)."""
    files, problems, remarks = build_text(path, text)
    problems = with_lines_on_disk(problems, path, text, on_disk)
    levels = [level for level, _ in remarks]
    remarks = list(zip(levels, with_lines_on_disk([p for _, p in remarks], path, text, on_disk)))
    docs = [{"name": name, "pages": page_images(data)} for name, data in files.items() if name.endswith(".pdf")]
    return {"documents": docs, "problems": [problem_json(p, say, parties=parties) for p in problems],
            "notes": remarks_json(remarks, say, parties)}
