"""Which parties the book lists as 相手方, and where the spec leaves that open, what
the book does about it.

A party is of the issuer's side where it says `issuing: true`, or where the issuer is
one of its names (Party.on_issuing_side). Where no party is, the spec has not said on
which side the issuing office stands: 上尾市 issuing for its own 上尾市消防本部, 鳥取県
for 日本国鳥取県, 下関市 for its port 下関港 — or 熊本県 reporting an agreement of
others that it witnessed. The book cannot tell these apart, and a party of the
issuer's own side listed as its partner is a wrong fact under the office's name:

- a party whose name and the issuer's contain one another (上尾市 / 上尾市消防本部,
  鳥取県 / 日本国鳥取県), or whose name holds the place the issuer's begins with
  (下関市 / 下関港), and that says no `issuing:` is refused: it is as likely the
  issuer's own body as a partner of that name (長崎市 / 長崎市社会福祉協議会),
  unless its name has a company's form (株式会社, …放送, …新聞, …銀行, …信用金庫:
  長野県 / 長野朝日放送 is a partner; 大学 is no such form);
- otherwise every party is listed, and the build says so (a note naming the spec,
  its line and key), unless every party says `issuing:` itself."""
from __future__ import annotations

import re
import unicodedata

from ..errors import Problem
from ..spec.load import LoadedSpec


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", re.sub(r"\s", "", text))


def _decided(loaded: LoadedSpec) -> bool:
    """Whether the spec says who is of the issuer's side: a party is, or every party
    says issuing: itself (issuing: false on each: the issuer is no party)."""
    spec = loaded.spec
    parties = [p for _, p in spec.party_list()]
    return any(p.on_issuing_side(spec.issuer) for p in parties) or all(p.issuing is not None for p in parties)


# the place an issuer's name begins with, without its 都道府県市区町村 (下関市港湾局 → 下関)
PLACE = re.compile(r"^(.{2,}?)[都道府県市区町村]")


# The forms of a company's name: a company is never an office's own body, whatever place
# it is named after (長野県 / 長野朝日放送, 静岡県 / 静岡銀行). Legal forms anywhere in the
# name (株式会社長野新聞社, ㈱ …); a trade's word only where the name ends in it (…放送,
# not 放送大学). 大学 is not one: a 県立大学 may be the prefecture's own.
LEGAL_FORMS = ("株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "相互会社", "信用金庫", "信用組合",
               "(株)", "(有)", "(同)")
TRADE_ENDINGS = ("放送", "新聞", "新聞社", "銀行", "テレビ", "信用金庫", "信用組合")


def is_company(party) -> bool:
    """Whether a name of the party has a company's form (株式会社, …放送, …新聞, …銀行 …)."""
    names = [_plain(n) for n in party.names()]
    return any(form in n for n in names for form in LEGAL_FORMS) or any(n.endswith(TRADE_ENDINGS) for n in names)


def _alike(issuer: str, party) -> bool:
    """The issuer's name within the party's or the party's within the issuer's, or the
    party's name holding the place the issuer's begins with (下関市 / 下関港); never a
    company (is_company), which no office has as its own side."""
    if is_company(party):
        return False
    mine = _plain(issuer)
    place = PLACE.match(mine)
    ours = [mine] + ([place.group(1)] if place else [])
    return any(any(o in _plain(n) for o in ours) or _plain(n) in mine for n in party.names())


def side_problems(loaded: LoadedSpec) -> list[Problem]:
    """An error for each party that may be the issuer's own side by its name, where the
    spec does not say which side any party is on."""
    if _decided(loaded):
        return []
    spec = loaded.spec
    return [Problem(str(loaded.path), loaded.line_of(("parties", key)), f"parties.{key}.issuing",
                    f"not given, and the issuer ({spec.issuer}) is no party by name: the book cannot tell"
                    f" whether {p.formal_name or p.name} is the issuer's own side or its partner (相手方):"
                    " say issuing: true if it is the issuer's side, issuing: false if it is a partner")
            for key, p in spec.party_list() if p.issuing is None and _alike(spec.issuer, p)]


def side_notes(loaded: LoadedSpec) -> list[Problem]:
    """Where no party is the issuer's and none may be by its name, the book lists
    every party as 相手方: the build says so, once per spec."""
    spec = loaded.spec
    if _decided(loaded) or side_problems(loaded):
        return []
    names = "、".join(p.formal_name or p.name for _, p in spec.party_list())
    return [Problem(str(loaded.path), loaded.line_of(("parties",)), "parties",
                    f"no party is the issuer ({spec.issuer}) by name or says issuing: true; the book lists every"
                    f" party as 相手方 ({names}): say issuing: true on the issuer's own party, or"
                    " issuing: false on each party to confirm")]


def co_signers(loaded: LoadedSpec) -> list[str]:
    """The parties that sign on the issuer's side beside it (`with_issuer: true`: 小豆島町
    beside 土庄町, 千葉市 and 市原市 beside 四街道市, as their pages say 土庄町と小豆島町は、
    …と結びました): never the issuer's partners (相手方), and never dropped from its row."""
    return [p.formal_name or p.name for _, p in loaded.spec.party_list() if p.with_issuer]


def with_issuer_problems(loaded: LoadedSpec) -> list[Problem]:
    """`with_issuer:` says a party signs beside the issuer: an error where the issuer signs
    nothing (no party is its own), or on the issuer's own party, or beside `issuing:`."""
    spec = loaded.spec
    out = []
    for key, p in spec.party_list():
        if not p.with_issuer:
            continue
        at = (str(loaded.path), loaded.line_of(("parties", key, "with_issuer")), f"parties.{key}.with_issuer")
        if p.issuing is not None:
            out.append(Problem(*at, "with_issuer: true says the party signs beside the issuer, on its side;"
                                    f" issuing: {str(p.issuing).lower()} says it too or the contrary: keep one"))
        elif p.is_named(spec.issuer):
            out.append(Problem(*at, f"{spec.issuer} is the issuer itself, not a party beside it: delete"
                                    " with_issuer:"))
        elif not issuer_is_party(loaded):
            out.append(Problem(*at, f"no party is the issuer ({spec.issuer}) by name or says issuing: true,"
                                    " so no party can sign beside it: name the issuer's own party"))
        elif all(q.with_issuer or q.on_issuing_side(spec.issuer) for _, q in spec.party_list()):
            out.append(Problem(*at, "every other party is of the issuer's side, so the issuer and this"
                                    " party signed with no one: say which party is the partner"))
    return out


def issuer_is_party(loaded: LoadedSpec) -> bool:
    """Whether the issuer signs: a party is of its side. The `issuer` column (締結者)
    prints the issuer only then: 熊本県, which witnessed a signing, concluded nothing."""
    spec = loaded.spec
    return any(p.on_issuing_side(spec.issuer) for _, p in spec.party_list())


def issuer_notes(loaded: LoadedSpec, style) -> list[Problem]:
    """Where the house's columns print the issuer as 締結者 and the issuer is no party:
    the cell is －, and the build says why."""
    if issuer_is_party(loaded) or not any(c.data == "issuer" for c in style.annual.columns):
        return []
    return [Problem(str(loaded.path), loaded.line_of(("issuer",)), "issuer",
                    f"{loaded.spec.issuer} is no party (no party is it by name or says issuing: true), so the"
                    " book's issuer column (締結者) prints －: say issuing: true on its party if it signs")]
