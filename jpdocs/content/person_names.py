"""The names of the people a spec holds as data: the parties' heads, signatories and
co-signers, the witnesses, the people of the notice's 記 block (its groups too) and
its 次第, the contacts (their people too), and the names a photo's caption is said to
hold (its `names:`; spec/people_held.py). The PDF keeps each whole on a line
wherever the text names it (writers/kept_names.py), in a template's sentence or the
user's own prose: a proof-reader sends back a name torn at a line's end (ならコープ森 /
宏之理事長), though JLREQ allows the break."""
from __future__ import annotations

from ..spec.load import LoadedSpec
from ..spec.people_held import caption_names, people_of


def names_held(loaded: LoadedSpec) -> tuple[str, ...]:
    """Every person's name of the spec and of the specs its notice also announces
    (press_notice.also), each once, in the order found (spec/people_held.py)."""
    found: dict[str, None] = {}
    for spec in (loaded.spec, *(other.spec for other in loaded.others.values())):
        for person in people_of(spec):
            if person is not None and person.name:
                found[person.name] = None
    for name in caption_names(loaded.spec):     # (the announced specs' photos are not printed here)
        found[name] = None
    return tuple(found)
