"""The photos of a notice's text (press_notice.opening's {photos: […]}), of its own sections
(press_notice.sections[].photos) and of the release after the signing
(press_notice.after.photos), checked:
what the schema cannot say. (Each file is checked as a picture with the spec's other
files: file_checks.py.)"""
from __future__ import annotations

from ..errors import Problem
from .people_held import people_of
from .schema import Spec
from .source import dotted
from .typed import bare as _bare     # a name found with its spaces aside, as writers/kept_names.py finds it

N = ("press_notice",)


def photos_of(spec: Spec) -> list[tuple[tuple, object]]:
    """(key path of its file, photo) of each photo of the notice's text, of its sections
    and of the release after the signing, in the order printed."""
    notice = spec.press_notice
    if notice is None:
        return []
    out = [(N + ("opening", i, "photos", j, "file"), photo)
           for i, entry in enumerate(notice.opening) for j, photo in enumerate(getattr(entry, "photos", ()))]
    out += [(N + ("sections", i, "photos", j, "file"), photo)
            for i, section in enumerate(notice.sections) for j, photo in enumerate(section.photos)]
    if notice.after is not None:
        out += [(N + ("after", "photos", j, "file"), photo) for j, photo in enumerate(notice.after.photos)]
    return out


def check_photos(spec: Spec, problem) -> None:
    """Each photo has a text for readers who cannot see it: its caption, printed under
    it, or `alt`. A photo with neither would be a picture nobody can be told of, and the
    tagged PDF needs one."""
    held = None
    for path, photo in photos_of(spec):
        at = path[:-1]
        if photo.alt is not None and not photo.alt.strip():
            problem(at + ("alt",), "the photo's alt is blank: write what it says, or leave alt: out")
        if isinstance(photo.caption, list):
            for k, line in enumerate(photo.caption):
                if not line.strip():
                    problem(at + ("caption", k), "a line of the photo's caption is blank: write what it says, or"
                                                 " leave the line out")
        elif photo.caption is not None and not photo.caption.strip():
            problem(at + ("caption",), "the photo's caption is blank: write what it says, or leave caption: out")
        if photo.caption is None and photo.alt is None:
            problem(at, "a photo needs its caption (caption:, printed under it) or, where the page prints none,"
                        " alt: (what it shows, for readers who cannot see it; never printed)")
        if photo.names:
            if held is None:
                held = {_bare(p.name) for p in people_of(spec) if p is not None and p.name}
            _check_names(photo, at, held, problem)


def _check_names(photo, at: tuple, held: set, problem) -> None:
    """Each name the caption is said to hold is a name it prints (on one of its lines,
    its spaces aside) and one no other key of the spec holds: else the key would keep
    nothing whole."""
    if photo.caption is None:
        problem(at + ("names",), "the photo has no caption to name anyone: names: would have no effect")
        return
    lines = [_bare(line) for line in (photo.caption if isinstance(photo.caption, list) else [photo.caption])]
    for k, name in enumerate(photo.names):
        bare = _bare(name)
        if len(bare) < 2:
            problem(at + ("names", k), f"{name} is one character, which no line's end can tear: names: would"
                                       " have no effect")
        elif not any(bare in line for line in lines):
            problem(at + ("names", k), f"the caption does not name {name} (each of names: as the caption writes"
                                       " it, on one of its lines)")
        elif bare in held:
            problem(at + ("names", k), f"the spec holds {name} already (a party's head, a person of the notice or"
                                       " a contact), and it is kept whole in the caption without names:")


def check_names_announced(loaded) -> list[Problem]:
    """A caption's name (a photo's `names:`) that a spec the notice also announces holds
    (press_notice.also: a party's head there): the build keeps it whole as it keeps the
    notice's own (content/person_names.py reads those specs too), so names: would keep
    nothing whole. Told here, where the announced specs are loaded (spec/load.py); a
    name this spec holds itself is told by check_photos."""
    own = {_bare(p.name) for p in people_of(loaded.spec) if p is not None and p.name}
    held: dict[str, str] = {}
    for other in loaded.others.values():
        for person in people_of(other.spec):
            if person is not None and person.name and _bare(person.name) not in own:
                held.setdefault(_bare(person.name), str(other.path))
    problems = []
    for path, photo in photos_of(loaded.spec) if held else ():
        for k, name in enumerate(photo.names or ()):
            where = held.get(_bare(name))
            if where is not None and photo.caption is not None:
                key = path[:-1] + ("names", k)
                problems.append(Problem(str(loaded.path), loaded.line_of(key), dotted(key),
                                        f"{where}, which the notice also announces (press_notice.also), holds {name}"
                                        " already, and it is kept whole in the caption without names:"))
    return problems
