"""A party as the form names it: by its name (北見工業大学), or 「当事者 N」 (its place among
the spec's parties) while it has none yet; not by its id (the YAML key, kitami), which
the form shows in the party's 記号 box, and beside the name only where the user may
have to type it (the 締結者 list, a message's ids to choose from: 北見工業大学（kitami）).

The spec keys several mappings by party id (x-jpdocs-keys: parties in the app's schema):
the parties themselves, a cover's names, the document's labels, a 記 item's 「ほか」 per
party. A field path through one (parties.kitami.representative.title) was named with
the id (協定の当事者 › kitami › 代表者 › 職名), or, in a message, without the party at
all (協定の当事者 › 代表者 › 職名); fields.py, form_words.py and app.js name it here.

One of several agreements (the spec's `agreements:`, keyed by agreement ids:
x-jpdocs-keys: agreements) is named so too: by its title, or 「協定 N」 while it has none.
Its id (procrew) said the same as a party's id (procrew) in 彦根市's spec, so a path or a
message told neither which agreement nor that it was one.
"""
from __future__ import annotations

from .. import party_words
from ..party_words import AGREEMENT_WORD, PARTY_WORD, named

PARTY_KEYS = "parties"        # the x-jpdocs-keys of a mapping keyed by party ids
AGREEMENT_KEYS = "agreements"  # … and of the one keyed by agreement ids


class Names(dict):
    """{party id: name}, with `agreements` {agreement id: title} along: one argument
    carries both through the preview, the save and the messages (an id may be a party's
    and an agreement's at once: each is looked up where its kind is meant). Its
    `agreements_listed`: {id: title} of the agreements as the checks' messages say them
    beside their ids (shortened: party_words.agreement_names), which the app finds
    again and keeps whole (a party's name is said there as here)."""
    agreements: dict[str, str] = {}
    agreements_listed: dict[str, str] = {}


def party_names(data) -> Names:
    """{id: the party as the form names it} of the spec's plain data (the form's, or the
    file's), in the parties' order; {} where it has no parties (yet). Its `agreements`:
    agreement_names of the same data."""
    out = Names(_named(data, "parties", "name", PARTY_WORD))
    out.agreements = agreement_names(data)
    entries = data.get("agreements") if isinstance(data, dict) else None
    out.agreements_listed = party_words.agreement_names([(aid, entry.get("title") if isinstance(entry, dict) else None)
                                                         for aid, entry in entries.items()]
                                                        if isinstance(entries, dict) else [])
    return out


def agreement_names(data) -> dict[str, str]:
    """{id: the agreement as the form names it: its title, or 協定 N} of the spec's
    `agreements:` (several agreements by id); {} where it has none."""
    return _named(data, "agreements", "title", AGREEMENT_WORD)


def _named(data, key: str, field: str, word: str) -> dict[str, str]:
    entries = data.get(key) if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        return {}
    return named(((eid, entry.get(field) if isinstance(entry, dict) else None) for eid, entry in entries.items()),
                 word)


def is_keyed_by_party(node: dict) -> bool:
    return isinstance(node, dict) and node.get("x-jpdocs-keys") == PARTY_KEYS


def keyed_name(node: dict, step: str, parties: dict | None) -> str | None:
    """The entry `step` of the mapping `node` as the form names it, where the mapping is
    keyed by party or agreement ids (an id none of them has: as written); None for any
    other mapping (a standard article's name: its key)."""
    keys = node.get("x-jpdocs-keys") if isinstance(node, dict) else None
    if keys == PARTY_KEYS:
        return (parties or {}).get(step, step)
    if keys == AGREEMENT_KEYS:
        return getattr(parties, "agreements", {}).get(step, step)
    return None
