"""The names of the people a spec holds as data: the parties' heads, signatories and
co-signers, the witnesses, the people of the notice's 記 block, its 次第 and groups, and
the contacts. The PDF keeps each whole on a line wherever the text names it
(writers/blocks.py), in a template's sentence or the user's own prose: a proof-reader
sends back a name torn at a line's end (ならコープ森 / 宏之理事長), though JLREQ allows
the break."""
from __future__ import annotations

from ..spec.load import LoadedSpec
from ..spec.schema import Contact, Person, Representative
from ..spec.strict import Model


def names_held(loaded: LoadedSpec) -> tuple[str, ...]:
    """Every person's name of the spec and of the specs its notice also announces
    (press_notice.also), each once, in the order found. Found by walking the whole
    spec, so that a person a later key adds is not missed."""
    found: dict[str, None] = {}

    def walk(x) -> None:
        if isinstance(x, Model):
            if type(x) in _PEOPLE and x.name:
                found[x.name] = None
            for key in type(x).model_fields:
                value = getattr(x, key)
                if not isinstance(value, (str, int, float, type(None))):
                    walk(value)
        elif isinstance(x, (list, tuple)):
            for v in x:
                walk(v)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)

    walk(loaded.spec)
    for other in loaded.others.values():
        walk(other.spec)
    return tuple(found)


_PEOPLE = (Person, Representative, Contact)
