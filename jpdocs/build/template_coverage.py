"""What a user's template leaves out that the bundled one prints.

A user's templates (--templates) are written against the spec format of their day: a
key added later (a contact's `notes`, a 次第 step's `notes`) is printed by the bundled
templates and silently by none of the user's. Text is never silently dropped, so where
a user's template is used, the bundled one is rendered too and every spec string it
prints that the user's does not is a warning at that key's line. (A template that
leaves a fact out on purpose still builds: the warning says what is left out.)

A setting is no text to look for: `subtitle_joined: true` in the spec, a house style's
`contacts.label_gap` change how the bundled templates print, and a template written
before them prints as if they were not there. A key that has no effect is an error, so
each setting the spec or the office's style file writes that the bundled template reads
(each render gathers the fields of the project's objects it reads, content/sandbox.py)
is tried by rendering both templates again without it (setting_effects.py): where the
user's document is not what the setting asks, it is an error at the setting's line. A
setting that reaches the templates through a value of the context only newer templates
read (CARRIED) is tried where the user's templates never name that value. A setting
that turns a part off (`header: false`) is heeded by a template that prints none of it.

Some house settings a template cannot honour by printing as if they were not there: the
contacts set on lines after the text (notice.contacts_at: foot_line) are printed by
no box, so a template without the block that prints them drops them; the space above a
signer (agreement.space_before_signer) is a value of the signature's lines that an older
template never reads, as is where an unmarked bullet's later lines stand (notice.list_bullet:
"", a 記 item's bullet_hang). Where the bundled template reads what carries such a setting
(NEEDS_BLOCK) and the user's does not, the setting is an error at the style file's line:
the build would silently print what the house did not ask for.
"""
from __future__ import annotations

import functools
import typing
from pathlib import Path

from ..content import model
from ..content.agreement.prose import HungParagraph
from ..content.agreement.text import SignatureLine
from ..content.ki_item import KiItem
from ..content.locate import spec_strings
from ..errors import InputError, Problem
from ..spec.load import LoadedSpec
from ..spec.photo_checks import photos_of
from ..spec.source import dotted, line_of
from ..spec.strict import Model

# A house style's key whose effect the templates see only in a value of the context that
# templates written before it do not read: key path → that value's name (the key is
# tried, settings_without_effect, where the user's templates never name the value).
CARRIED = {("notice", "section_mark_hang"): "notice_sections", ("notice", "section_number_hang"): "notice_sections"}

# A house style's key (and the value of it that matters; None: any value but the
# default's) → what carries it to the templates: the context's names (one of them
# read, as the notice's or the release's template reads it) or a (class, field) of the
# objects the templates read, and what the template lacks without it, for the message.
NEEDS_BLOCK = [
    (("notice", "contacts_at"), "foot_line", ("foot_contacts", "after_foot_contacts"),
     "block printing the contacts on lines after the text (foot_contacts)"),
    (("notice", "contacts_at"), "head", ("head_contacts", "after_head_contacts"),
     "block printing the contacts in the head under the date (head_contacts)"),
    (("notice", "contacts_at"), "foot_unboxed", ("unboxed_contacts", "after_unboxed_contacts"),
     "block printing the contacts' lines after the text with no box (unboxed_contacts)"),
    (("notice", "contacts_at"), "head_table", ("head_table", "after_head_table"),
     "table printing the contacts in the head (head_table)"),
    (("notice", "head_form"), "label_table", ("label_table",),
     "table of a label and a value a row under the title (label_table)"),
    (("notice", "date_place"), "before_title", ("date_before_title",),
     "title that begins with the date of issue (date_before_title)"),
    (("notice", "date_place"), "after_title", ("date_after_title",),
     "title that ends with the date of issue (date_after_title)"),
    (("notice", "contacts_at"), "top", ("top_contact", "after_top_contact"),
     "line printing the contact at the top (top_contact)"),
    (("agreement", "space_before_signer"), None, (SignatureLine, "before"),
     "space above a signature line (a <spacer> of its `before` over the line)"),
    (("agreement", "prose_number_hang"), True, (HungParagraph, "hang"),
     "numbered paragraph of prose set as an item hung after its number (its `marker`, `text` and `hang`)"),
    # bullets without a mark: a template of before it hangs each bullet's later lines an em
    # in, after the mark it no longer prints (KiItem.bullet_hang: 0, under the bullet's start)
    (("notice", "list_bullet"), "", (KiItem, "bullet_hang"),
     "bullet of a list's entry set where the house's mark says (its `bullet_hang`: under the bullet's"
     " start where the house sets no mark)"),
]


def _as_written(value) -> str:
    """A setting's value as a style file writes it (true, not Python's True; "" for an
    empty text, which would read as nothing)."""
    if isinstance(value, bool):
        return str(value).lower()
    return '""' if value == "" else str(value)


def _printed(doc: model.Document) -> str:
    """The document's characters, with no whitespace (a name may be split over lines)."""
    return "".join("".join(model.plain_text(b.inlines).split())
                   for b in model.walk(doc.blocks) if getattr(b, "inlines", None))


def left_out(loaded: LoadedSpec, theirs: model.Document, bundled: model.Document, templates) -> list[Problem]:
    """A warning for each spec string the bundled template prints and `theirs` does not."""
    mine, ours = _printed(theirs), _printed(bundled)
    out, seen = [], set()
    for path, text in spec_strings(loaded.spec):
        word = "".join(text.split())
        if not word or path in seen or word not in ours or word in mine:
            continue
        seen.add(path)
        out.append(Problem(str(loaded.path), loaded.line_of(path), dotted(path),
                           f"printed by the bundled template, not by the one in {templates}: the"
                           f" {bundled.kind} leaves it out"))
    # a picture is no text to look for: a photo the bundled template sets and theirs does
    # not (one with alt: alone would otherwise go unsaid), at its file's line
    theirs_pictures = {b.src for b in model.walk(theirs.blocks) if isinstance(b, model.Image)}
    ours_pictures = {b.src for b in model.walk(bundled.blocks) if isinstance(b, model.Image)}
    for path, photo in photos_of(loaded.spec):
        src = str(loaded.file(photo.file))
        if src in ours_pictures and src not in theirs_pictures:
            out.append(Problem(str(loaded.path), loaded.line_of(path), dotted(path),
                               f"printed by the bundled template, not by the one in {templates}: the"
                               f" {bundled.kind} leaves the photo out"))
    return out


def links_left_out(loaded: LoadedSpec, theirs: model.Document, bundled: model.Document, templates) -> list[Problem]:
    """An error for each address of the spec (a linked document's, sections[].documents)
    the bundled template links a line to and `theirs` links nothing to: a link is no
    text to look for, and a template older than the key prints the document's title
    with no link under it, silently."""
    def links(doc: model.Document) -> set[str]:
        return {b.link for b in model.walk(doc.blocks) if getattr(b, "link", "")}
    mine, ours = links(theirs), links(bundled)
    return [Problem(str(loaded.path), loaded.line_of(path), dotted(path),
                    f"the bundled template links a line to this address, and the template in {templates}"
                    f" links nothing to it: the {bundled.kind} would print the document's line without its link;"
                    " add the link (<p link=\"…\">) as the bundled template does, or build without the key")
            for path, text in spec_strings(loaded.spec) if text in ours and text not in mine]


def unknown_entry(exc, loaded: LoadedSpec, kind: str, templates, bundled: list[Path]):
    """A user's template that stopped at an entry of the spec of a form it does not know
    (a {photos: …} paragraph of the opening, which a template written before it takes
    for a {label, lines} one and reads its `label`), as an error at the entry's key that
    says which template does not print it; None where the name it read is no field of
    any form the entry's key can take (a fault of the template: its own message stands).
    `exc`: the render's refusal, with the object and name found undefined
    (templating._undefined_of); `bundled`: the bundled template's files."""
    found = getattr(exc, "undefined", None)
    if found is None or not isinstance(found[0], Model):
        return None
    entry, name = found
    place = _place_of(loaded.spec, entry, ())
    if place is None or name in type(entry).model_fields:
        return None
    path, forms = place[0], _forms(place[1])
    if not any(name in form.model_fields for form in forms if form is not type(entry)):
        return None
    written = [k for k in type(entry).model_fields if k in entry.model_fields_set]
    if written:
        path += (written[0],)       # the entry named by its key ({photos: …}: press_notice.opening[1].photos)
    from .setting_effects import where_read
    problem = exc.problems[0]
    # where the bundled file the user's stands for reads it (press-notice.xml.j2's para.photos), else another
    same = sorted(bundled, key=lambda f: f.name != Path(problem.file).name)
    where = (where_read(same, written[0]) if written else None) or str(same[0])
    return InputError([Problem(str(loaded.path), loaded.line_of(path), dotted(path),
                               f"the template in {templates} does not print this entry: it reads the entry's"
                               f" '{name}' ({problem.file}:{problem.line}), which only another form of entry has,"
                               f" as a template written before this key would; the bundled one prints it ({where}):"
                               f" print it in the {kind} as the bundled template does, or build without the key")])


def _place_of(value, entry, path: tuple, annotation=None):
    """(the key path of `entry` in the spec, the type of the field that holds it, or
    holds the list or mapping it stands in), None where it is not there."""
    if value is entry:
        return path, annotation
    if isinstance(value, Model):
        items = ((key, getattr(value, key), info.annotation) for key, info in type(value).model_fields.items())
    elif isinstance(value, (list, tuple)):
        items = ((i, item, annotation) for i, item in enumerate(value))
    elif isinstance(value, dict):
        items = ((key, item, annotation) for key, item in value.items())
    else:
        return None
    for key, item, held_as in items:
        if item is entry or isinstance(item, (Model, list, tuple, dict)):
            found = _place_of(item, entry, path + (key,), held_as)
            if found is not None:
                return found
    return None


def _forms(annotation) -> list[type]:
    """The models a field's type names (list[Union[Line, LabelledLines, OpeningPhotos]]:
    LabelledLines, OpeningPhotos), at any depth."""
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return [annotation]
    return [form for arg in typing.get_args(annotation) for form in _forms(arg)]


def settings_without_effect(loaded: LoadedSpec, style, kind: str, theirs: tuple[set, list[Path], str],
                            bundled: tuple[set, list[Path], str], templates, rerender,
                            skip: set = frozenset()) -> list[Problem]:
    """An error for each setting of the spec or the office's style file that the bundled
    template reads (or, CARRIED, reads in a value the user's never names) where the
    user's document is not what the setting asks: each is tried by rendering both again
    without it (setting_effects.py). `theirs`, `bundled`: what each render read, the
    template files it was made of and its markup; `skip`: the key paths already refused
    (settings_unhonoured); `rerender`: setting_effects.Rerender."""
    # (only here: a build with the bundled templates never loads it)
    from .setting_effects import field_default, style_default, unheeded, value_at, where_read, without
    candidates = []          # ((file, line, key path, what the bundled template reads), spec, style)
    for path in _settings(loaded.spec, (), bundled[0]):
        default = field_default(loaded.spec, path)
        if value_at(loaded.spec, path) != default:
            candidates.append(((str(loaded.path), loaded.line_of(path), path, path[-1]),
                               without(loaded.spec, path, default), style))
    office = _office_keys(style)
    if office is not None:
        from ..spec.style import load_style
        source, lines, keys, data = office
        named = None
        for path, owner, key in keys:
            carrier = CARRIED.get(path)
            if carrier is not None:
                if named is None:
                    named = (_names(bundled[1]), _names(theirs[1]))
                if carrier not in named[0] or carrier in named[1]:
                    continue
            elif (type(owner), key) not in bundled[0]:
                continue            # composed in Python into what both templates read
            for entry in _entries(path, getattr(owner, key), data):
                default = style_default(load_style(), entry)
                if entry in skip or value_at(style, entry) == default:
                    continue
                candidates.append(((str(source), line_of(lines, entry), entry,
                                    carrier or entry[-1]), loaded.spec, without(style, entry, default)))
    out = []
    for (file, line, path, field), lacks in unheeded(candidates, rerender, theirs[2], bundled[2], kind):
        where = where_read(bundled[1], field) or str(bundled[1][0])
        out.append(Problem(file, line, dotted(path),
                           f"the template in {templates} does not heed this key, which the bundled one reads"
                           f" at {where}: {lacks}; read it in the template as the bundled one does, or build"
                           " without the key"))
    return out


def _entries(path: tuple, value, data: dict) -> list[tuple]:
    """The key paths to try of a setting the style file writes: a mapping's own
    entries (wording: {press_header: …}), each on its own, else the key itself."""
    written = data
    for key in path:
        written = written.get(key) if isinstance(written, dict) else None
    if isinstance(value, dict) and isinstance(written, dict):
        return [path + (k,) for k in written if k in value]
    return [path]


def _office_keys(style) -> tuple[Path, dict, list[tuple], dict] | None:
    """The office's style file (None where the house style is the bundled default), its
    lines, the (key path, owner, key) of each setting it writes, and its data."""
    from ..spec.style import DEFAULT_STYLE, read_office_style
    source = Path(style.source)
    if source == DEFAULT_STYLE or not source.is_file():
        return None
    data, lines = read_office_style(source)
    return source, lines, list(_style_keys(style, data, ())), data


def settings_unhonoured(style, kind: str, theirs: tuple[set, list[Path]], bundled: tuple[set, list[Path]],
                        templates) -> list[Problem]:
    """An error for each key of the office's style file (NEEDS_BLOCK) the user's
    template cannot honour: the bundled one reads what carries it, theirs does not
    (`theirs`, `bundled`: what each render read, and the template files it was made of)."""
    office = _office_keys(style)
    if office is None:
        return []
    source, lines, keys, _ = office
    written = {path: (owner, key) for path, owner, key in keys}
    out, named = [], None
    for path, value, carrier, what in NEEDS_BLOCK:
        if path not in written:
            continue
        owner, key = written[path]
        setting = getattr(owner, key)
        if (setting != value) if value is not None else (setting == type(owner).model_fields[key].default):
            continue
        if isinstance(carrier[0], type):       # a field of the objects the templates read
            missing = carrier in bundled[0] and carrier not in theirs[0]
        else:                                  # a name of the context
            if named is None:
                named = (_names(bundled[1]), _names(theirs[1]))
            missing = bool(named[0] & set(carrier)) and not named[1] & set(carrier)
        if missing:
            out.append(Problem(str(source), line_of(lines, path), dotted(path),
                               f"the house sets {dotted(path)}: {_as_written(setting)}, and the template in {templates}"
                               f" has no {what}: the {kind} would be printed as if the key were not there;"
                               " add it to the template, as the bundled one has it, or build without the key"))
    return out


def _settings(value, path: tuple, unread: set) -> list[tuple]:
    """The key paths of the settings (true/false, numbers) the spec writes whose field
    is in `unread`. Text is found by left_out, where it is printed."""
    out = []
    if isinstance(value, Model):
        written = value.model_fields_set
        for key in (k for k in type(value).model_fields if k in written):    # in the model's order, as printed
            item = getattr(value, key)
            if isinstance(item, (bool, int, float)) and (type(value), key) in unread:
                out.append(path + (key,))
            else:
                out += _settings(item, path + (key,), unread)
    elif isinstance(value, dict):
        for key, item in value.items():
            out += _settings(item, path + (key,), unread)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            out += _settings(item, path + (i,), unread)
    return out


def _style_keys(owner, data: dict, path: tuple):
    """(key path, the model that holds it, its field) of every key the office's style file
    writes, down to the style's models' own fields."""
    for key, value in data.items():
        if not isinstance(owner, Model) or key not in type(owner).model_fields:
            continue
        held = getattr(owner, key)
        if isinstance(held, Model) and isinstance(value, dict):
            yield from _style_keys(held, value, path + (key,))
        else:
            yield path + (key,), owner, key


def _names(files: list[Path]) -> set[str]:
    """The names the template files read (of the context, or set in them: a name is
    looked for only where the bundled templates read it from the context). Parsed, not
    compiled: a user's filters are the build's to check."""
    names: set[str] = set()
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        names |= _names_in(str(f), st.st_mtime_ns, st.st_size)
    return names


@functools.lru_cache(maxsize=64)
def _names_in(path: str, *_stamp) -> frozenset[str]:
    """One file's names, kept while it is unchanged: parsing the notice's templates
    costs tens of ms, and each kind of each spec of a batch (and settings_unhonoured
    beside settings_without_effect) asks again."""
    from jinja2 import Environment, nodes
    tree = Environment().parse(Path(path).read_text(encoding="utf-8"))
    return frozenset(n.name for n in tree.find_all(nodes.Name) if n.ctx == "load")
