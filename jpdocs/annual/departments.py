"""Whether the notice's issuing office may stand as the book's 担当課 where the agreement
states none. 担当課 names the unit of the issuer in charge of the agreement: the issuing
office says who issued the release, which is that only where it is one unit of the
issuer (愛媛大学防災情報研究センター, 水道局給水維持課). A line naming a person (研究企画主幹
松崎 慎一郎), several offices issuing together, the issuer as a whole (株式会社 日本旅行,
【明星大学】) or another party is no unit of the issuer: printed under the office's 担当課
it would state a wrong fact, so the column is left empty and the build says which key
to write (agreement.department)."""
from __future__ import annotations

import re
import unicodedata

from ..spec.load import LoadedSpec
from ..spec.people_held import people_of

# A post followed, after a space, by more words: a person's title before the name
# (総務課長　大竹　敦, 研究企画主幹　松崎　慎一郎), which a unit's name never has.
_POST_THEN_NAME = re.compile(r"(長|主幹|主査|主任|参事|担当者|理事|次長)[ 　]+\S")
_BRACKETS = "【】［］〔〕「」『』()（）"


def _plain(text: str) -> str:
    """A name compared as written without its spaces and brackets (株式会社　日本旅行 is
    株式会社日本旅行, 【明星大学】 is 明星大学), in its NFKC form."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not ch.isspace() and ch not in _BRACKETS)


def _tails(name: str) -> set[str]:
    """A body's name and each ending of it that is a name too (東京都水道局: 水道局;
    国立研究開発法人海洋研究開発機構: 海洋研究開発機構), two characters at least."""
    name = _plain(name)
    return {name[i:] for i in range(len(name) - 1)}


def issuing_office_refusal(loaded: LoadedSpec) -> str | None:
    """Why the notice's issuing office is no unit of the issuer, or None where it is one
    (or where the spec has none to fall back on). Offices issuing together (a line each)
    stand only where each is a unit of the issuer: a partner's line is not the issuer's."""
    notice = loaded.spec.press_notice
    office = notice.issuing_office if notice else None
    if not office:
        return None
    lines = office if isinstance(office, list) else [office]
    people = [_plain(p.name) for p in people_of(loaded.spec) if p is not None and getattr(p, "name", None)]
    for line in lines:
        if _POST_THEN_NAME.search(unicodedata.normalize("NFKC", line).replace(" ", "　")) \
                or any(name in _plain(line) for name in people):
            return f"{line} names a person, not an office"
    for line in lines:
        refusal = _line_refusal(loaded, _plain(line))
        if refusal:
            return f"{line} {refusal}"
    return None


def _line_refusal(loaded: LoadedSpec, plain: str) -> str | None:
    """Why one line of the issuing office (spaces and brackets taken out) is no unit of the issuer."""
    spec = loaded.spec
    issuer = _plain(spec.issuer)
    own = {n for p in spec.parties.values() for n in (p.name, p.formal_name) if n and _plain(n) == issuer}
    own_tails = set().union(_tails(spec.issuer), *(_tails(n) for n in own))
    if plain in own_tails:
        return "names the issuer as a whole, not a unit of it"
    if any(plain.startswith(t) for t in own_tails):
        return None                 # the issuer's name, then its unit's (水道局給水維持課)
    for party in spec.parties.values():
        names = [n for n in (party.name, party.formal_name) if n]
        if any(_plain(n) == issuer for n in names):
            continue
        if any(plain.startswith(t) for n in names for t in _tails(n) if len(t) > 2 or t == _plain(n)):
            return f"names another party ({party.name or party.formal_name}) or a unit of it, not the issuer's"
    return None
