"""A party as the form names it: by its name (北見工業大学), or 「当事者 N」 (its place among
the spec's parties) while it has none yet; not by its id (the YAML key, kitami), which
the form shows in the party's 記号 box, and beside the name only where the user may
have to type it (the 締結者 list, a message's ids to choose from: 北見工業大学（kitami）).

The spec keys several mappings by party id (x-jpdocs-keys: parties in the app's schema):
the parties themselves, a cover's names, the document's labels, a 記 item's 「ほか」 per
party. A field path through one (parties.kitami.representative.title) was named with
the id (協定の当事者 › kitami › 代表者 › 職名), or, in a message, without the party at
all (協定の当事者 › 代表者 › 職名); fields.py, form_words.py and app.js name it here.
"""
from __future__ import annotations

PARTY_KEYS = "parties"        # the x-jpdocs-keys of a mapping keyed by party ids

# (model name, field) of the mappings keyed by party ids
KEYED_BY_PARTY = {("Spec", "parties"), ("Cover", "names"), ("AgreementDocument", "labels"),
                  ("KiEntry", "others_per_party")}


def party_names(data) -> dict[str, str]:
    """{id: the party as the form names it} of the spec's plain data (the form's, or the
    file's), in the parties' order; {} where it has no parties (yet)."""
    parties = data.get("parties") if isinstance(data, dict) else None
    if not isinstance(parties, dict):
        return {}
    out = {}
    for n, (pid, party) in enumerate(parties.items(), 1):
        name = party.get("name") if isinstance(party, dict) else None
        out[str(pid)] = name.strip() if isinstance(name, str) and name.strip() else f"当事者 {n}"
    return out


def is_keyed_by_party(node: dict) -> bool:
    return isinstance(node, dict) and node.get("x-jpdocs-keys") == PARTY_KEYS
