"""A party (one of several agreements) as a message names it: by its name, or 「当事者 N」
(its place among the spec's parties) while it has none; two of one name told apart by
their places. Where a message lists parties' ids (the parties a key may name, those a
list leaves out) or offers one ("did you mean"), each is said with its name:
北見工業大学（kitami_it）, the id kept, as the user writes ids in YAML (two of one name told
apart there by their ids, not by their places too). One of several
agreements is said so by its title (shortened: agreement_names).

Shared by the checks, whose messages the command line prints, and the app, which names
the parties in its form the same way (app/party_words.py)."""
from __future__ import annotations

PARTY_WORD, AGREEMENT_WORD = "当事者", "協定"
# An agreement's title said beside its id: its first characters, as a message quotes a
# text of the pages (writers/problems.quoted): a title may run to a line and more.
TITLE_LIMIT = 30


def named(entries, word: str) -> dict[str, str]:
    """{id: its name, or `word` N (its place) where it has none} of (id, name) pairs, in
    their order; two of one name (彦根市's one agreement with each of two companies, both
    titled 災害時等における無人航空機の運用に関する協定) are told apart by their places."""
    out = {}
    for n, (eid, name) in enumerate(entries, 1):
        out[str(eid)] = name.strip() if isinstance(name, str) and name.strip() else f"{word} {n}"
    said = list(out.values())
    return {eid: Placed(f"{name}（{word} {n}）", name) if said.count(name) > 1 else name
            for n, (eid, name) in enumerate(out.items(), 1)}


class Placed(str):
    """A name told apart from another of the same by its place (…協定（協定 2）), with
    `alone`, the name without it: beside its id (id_slot) the id tells the two apart,
    and a second bracket (…協定（協定 2）（rise）) said nothing more."""
    alone: str

    def __new__(cls, said: str, alone: str):
        out = super().__new__(cls, said)
        out.alone = alone
        return out


def party_names(parties) -> dict[str, str]:
    """{id: name} of parties ({id: Party} as a spec, or an agreement's view, has them;
    or (id, Party) pairs), as named() says them."""
    pairs = parties.items() if isinstance(parties, dict) else parties
    return named(((pid, getattr(party, "name", None)) for pid, party in pairs), PARTY_WORD)


def agreement_names(agreements) -> dict[str, str]:
    """{id: title} of several agreements ({id: Agreement} as the spec has them, or
    (id, title) pairs as the app's data has them), each title shortened to TITLE_LIMIT
    characters (…), as named() says them: 協定 N where one has none."""
    pairs = agreements.items() if isinstance(agreements, dict) else agreements
    return named(((aid, _short(ag if isinstance(ag, str) else getattr(ag, "title", None))) for aid, ag in pairs),
                 AGREEMENT_WORD)


def _short(title) -> str | None:
    if not isinstance(title, str):
        return None
    title = title.strip().replace("\n", "")
    return title if len(title) <= TITLE_LIMIT else title[:TITLE_LIMIT] + "…"


def with_names(ids, names: dict[str, str]) -> str:
    """The ids as a message lists them: each with its party's name (北見工業大学（kitami_it）),
    an id no party has as written; comma-separated."""
    return ", ".join(id_slot(i, names[i]) if i in names else i for i in ids)


def id_slot(eid: str, name: str) -> str:
    """One id said with its name: what with_names writes, and what the app finds again
    (app/form_words.py) so as to leave it whole. Of two of one name, the name alone:
    the ids tell them apart (…協定（procrew）, …協定（rise）)."""
    return f"{getattr(name, 'alone', name)}（{eid}）"
