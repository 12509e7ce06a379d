"""The photos of a notice's own sections (press_notice.sections[].photos) and of the
release after the signing (press_notice.after.photos), checked:
what the schema cannot say. (Each file is checked as a picture with the spec's other
files: file_checks.py.)"""
from __future__ import annotations

from .schema import Spec

N = ("press_notice",)


def photos_of(spec: Spec) -> list[tuple[tuple, object]]:
    """(key path of its file, photo) of each photo of the notice's sections and of the
    release after the signing."""
    notice = spec.press_notice
    if notice is None:
        return []
    out = [(N + ("sections", i, "photos", j, "file"), photo)
           for i, section in enumerate(notice.sections) for j, photo in enumerate(section.photos)]
    if notice.after is not None:
        out += [(N + ("after", "photos", j, "file"), photo) for j, photo in enumerate(notice.after.photos)]
    return out


def check_photos(spec: Spec, problem) -> None:
    """Each photo has a text for readers who cannot see it: its caption, printed under
    it, or `alt`. A photo with neither would be a picture nobody can be told of, and the
    tagged PDF needs one."""
    for path, photo in photos_of(spec):
        at = path[:-1]
        for key in ("caption", "alt"):
            if getattr(photo, key) is not None and not getattr(photo, key).strip():
                problem(at + (key,), f"the photo's {key} is blank: write what it says, or leave {key}: out")
        if photo.caption is None and photo.alt is None:
            problem(at, "a photo needs its caption (caption:, printed under it) or, where the page prints none,"
                        " alt: (what it shows, for readers who cannot see it; never printed)")
