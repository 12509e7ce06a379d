"""What a user's template leaves out that the bundled one prints.

A user's templates (--templates) are written against the spec format of their day: a
key added later (a contact's `notes`, a 次第 step's `notes`) is printed by the bundled
templates and silently by none of the user's. Text is never silently dropped, so where
a user's template is used, the bundled one is rendered too and every spec string it
prints that the user's does not is a warning at that key's line. (A template that
leaves a fact out on purpose still builds: the warning says what is left out.)
"""
from __future__ import annotations

from ..content import model
from ..content.locate import spec_strings
from ..errors import Problem
from ..spec.load import LoadedSpec
from ..spec.source import dotted


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
    return out
