"""The text of an agreement (協定書) as plain data for templates/agreement.xml.j2.

From the spec's `agreement:` section and its parties this module decides what
the agreement says: its title, the preamble defining the labels (甲, 乙 … or one
word such as 両市), the articles — the default set (DEFAULT_NAMES), changed,
removed and added to by the spec — numbered as horizontally written
local-government documents number them (第１条, paragraphs ２, ３, items （１）,
sub-items ア), the closing clause, the date line and one signatory per party.
Numbers are written in the house digit style; the Japanese wording rules
(enumerations, labels, periods, dates) are those of japanese.py. The template
only prints what is here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import japanese
from .errors import fail
from .schema import ArticleText, ClauseSpec, Party, SubItemSpec
from .spec import LoadedSpec


@dataclass(frozen=True)
class Entry:
    """A numbered item (号, marker （１）) or a sub-item (細目, marker ア)."""
    marker: str
    text: str
    entries: tuple["Entry", ...] = ()


@dataclass(frozen=True)
class Clause:
    """A paragraph (項) of an article: the first has no marker, then ２, ３ …"""
    marker: str
    text: str
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Article:
    name: str          # purpose, areas … or an extra article's name
    number: str        # 第１条
    heading: str       # 目的
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class Signatory:
    label: str         # 甲, or "" when one word names all parties (両市)
    field: str         # the PDF signature field over the seal place
    address: str
    organisation: tuple[str, ...]  # lines; empty when the title already names it
    title: str
    name: str


@dataclass(frozen=True)
class AgreementText:
    title: str                     # …との包括連携に関する協定書
    title_lines: tuple[str, ...]   # the title broken where it reads well
    preamble: str
    articles: tuple[Article, ...]
    closing: str
    date: str                      # 令和６年２月27日
    signatories: tuple[Signatory, ...]
    labels: tuple[str, ...]        # 甲, 乙 …; empty with one word for all


# The default articles in their order. Texts are templates: {all} 甲及び乙, {compact}
# 甲乙 (before 協議の上, 記名押印), {any} 甲又は乙, {other} 相手方, {ref:NAME} the
# number of another article (前条 when it is the one just before).
DEFAULT_NAMES = ("purpose", "areas", "promotion", "confidentiality", "costs", "validity", "consultation")

HEADINGS = {
    "purpose": "目的", "areas": "連携事項", "promotion": "推進体制", "confidentiality": "秘密保持",
    "costs": "費用負担", "validity": "有効期間", "consultation": "協議",
}

TEXTS = {
    "purpose": ["本協定は、{all}が相互に連携し、それぞれが有する資源を有効に活用して協働することにより、"
                "{purpose}ことを目的とする。"],
    "promotion": ["{all}は、{ref:areas}に掲げる事項を円滑かつ効果的に推進するため、それぞれ連絡調整の窓口を"
                  "設けるものとする。",
                  "{ref:areas}に掲げる事項の具体的な内容及び実施方法については、{compact}協議の上、"
                  "別に定めるものとする。"],
    "confidentiality": ["{all}は、本協定に基づく連携を通じて知り得た{other}の秘密を、{other}の承諾を得ることなく"
                        "第三者に漏らし、又は本協定の目的以外に使用してはならない。",
                        "前項の規定は、本協定の終了後においても、なお効力を有する。"],
    "costs": ["本協定に基づく連携に要する費用については、原則として各自が負担するものとする。ただし、特別の費用を"
              "要する場合は、その都度、{compact}協議の上、定めるものとする。"],
    "consultation": ["本協定に定めのない事項又は本協定に関し疑義が生じた事項については、{compact}協議の上、"
                     "決定するものとする。"],
}
# 推進体制 when there is no 連携事項 article to refer to
PROMOTION_WITHOUT_AREAS = ["{all}は、本協定に基づく連携を円滑かつ効果的に推進するため、それぞれ連絡調整の窓口を"
                           "設けるものとする。",
                           "本協定に基づく連携の具体的な内容及び実施方法については、{compact}協議の上、"
                           "別に定めるものとする。"]
DEFAULT_PURPOSE = "地域の持続的な発展に寄与する"
AREAS_LEAD = "{all}は、{ref:purpose}の目的を達成するため、次に掲げる事項について連携し、協力するものとする。"
AREAS_LAST = "その他{all}が必要と認める事項"
CLOSING = "本協定の締結を証するため、本書{n}通を作成し、{compact}記名押印の上、各自その{one}通を保有する。"
ITEM_MARKER = "（{n}）"


def document_title(title: str) -> str:
    """The agreement's own title from the name of the agreement:
    …との包括連携協定 → …との包括連携に関する協定書; …協定 → …協定書."""
    if title.endswith("協定書"):
        return title
    if title.endswith("連携協定"):
        return title[:-2] + "に関する協定書"
    if title.endswith("協定"):
        return title + "書"
    return title + "に関する協定書"


def title_lines(title: str, max_chars: int = 30) -> tuple[str, ...]:
    """A long title broken after its last との (…北見工業大学との / 包括連携に関する協定書),
    the way a title is set on two lines, rather than wherever the line fills."""
    if len(title) <= max_chars:
        return (title,)
    cut = title.rfind("との")
    if cut <= 0 or cut + 2 >= len(title):
        return (title,)
    return title[:cut + 2], title[cut + 2:]


def party_label_words(spec_labels: str, n: int) -> tuple[list[str], dict[str, str]]:
    """(the labels, one per party, or [] with a collective word) and the phrases
    the articles use: all, compact, any, other."""
    if spec_labels == "甲乙":
        labels = japanese.party_labels(n)
        return labels, {
            "all": japanese.join_japanese(labels),
            "compact": japanese.join_japanese(labels, compact=True),
            "any": japanese.join_japanese(labels, conjunction="又は"),
            "other": "相手方" if n == 2 else "他の当事者",
        }
    word = spec_labels
    return [], {"all": word, "compact": word, "any": word, "other": "相手方" if n == 2 else "他の当事者"}


def compose(loaded: LoadedSpec, digit_style: str = "mixed") -> AgreementText:
    spec = loaded.spec
    ag = spec.agreement
    parties = spec.party_list()
    labels, words = party_label_words(ag.labels, len(parties))
    num = lambda n: japanese.digits(n, digit_style)   # noqa: E731

    names = [p.formal_name or p.name for _, p in parties]
    if labels:
        defined = [f"{name}（以下「{label}」という。）" for name, label in zip(names, labels)]
        preamble_parties = japanese.join_parties(defined)
    else:
        preamble_parties = japanese.join_parties(names) + f"（以下「{ag.labels}」という。）"
    preamble = f"{preamble_parties}は、{ag.subject}に関し、次のとおり協定を締結する。"

    raw = _default_articles(ag, words, digit_style)
    raw = _apply_overrides(raw, ag, loaded)
    raw = _insert_extras(raw, ag)
    order = [name for name, _, _ in raw]
    articles = []
    for i, (name, heading, text) in enumerate(raw):
        clauses = tuple(_clause(j, c, words, order, i, num, loaded, name) for j, c in enumerate(text))
        articles.append(Article(name, f"第{num(i + 1)}条", heading, clauses))

    closing = ag.closing or CLOSING.format(n=num(len(parties)), compact=words["compact"], one=num(1))
    date = japanese.format_date(ag.signing_date, digit_style, western=False, weekday=False)
    signatories = tuple(_signatory(labels[i] if labels else "", party)
                        for i, (_, party) in enumerate(parties))
    full_title = ag.document_title or document_title(ag.title)
    return AgreementText(full_title, title_lines(full_title), preamble, tuple(articles), closing, date,
                         signatories, tuple(labels))


def _default_articles(ag, words: dict, digit_style: str) -> list[tuple[str, str, ArticleText]]:
    out = []
    for name in DEFAULT_NAMES:
        if name == "areas":
            if not ag.areas:
                continue            # nothing to list: no 連携事項 article
            items = [SubItemSpec(text=a.heading, items=a.items if ag.area_items else []) for a in ag.areas]
            items.append(AREAS_LAST)
            text = [ClauseSpec(text=AREAS_LEAD, items=items)]
        elif name == "validity":
            text = [_validity_text(ag, digit_style)]
        elif name == "promotion" and not ag.areas:
            text = list(PROMOTION_WITHOUT_AREAS)
        else:
            text = list(TEXTS[name])
        out.append((name, HEADINGS[name], text))
    return out


def _validity_text(ag, digit_style: str) -> str:
    v = ag.validity
    fmt = lambda d: japanese.format_date(d, digit_style, western=False, weekday=False)  # noqa: E731
    start = v.start or ag.signing_date
    end = v.end or japanese.fiscal_year_range(japanese.fiscal_year(start))[1]
    begin = fmt(v.start) if v.start else "本協定の締結の日"
    text = f"本協定の有効期間は、{begin}から{fmt(end)}までとする。"
    if v.renewal:
        notice = japanese.format_period(*japanese.parse_period(v.renewal_notice), digit_style)
        term = japanese.format_period(*japanese.parse_period(v.renewal_term), digit_style, duration=True)
        text += (f"ただし、有効期間満了の日の{notice}前までに、{{any}}のいずれからも書面による別段の意思表示が"
                 f"ないときは、有効期間満了の日の翌日から起算して{term}延長するものとし、以後も同様とする。")
    return text


def _apply_overrides(raw, ag, loaded):
    out = []
    for name, heading, text in raw:
        o = ag.articles.get(name)
        if o is None:
            out.append((name, heading, text))
            continue
        if o.remove:
            continue
        out.append((name, o.heading or heading, o.text if o.text is not None else text))
    return out


def _insert_extras(raw, ag):
    out = list(raw)
    for extra in ag.extra_articles:
        names = [n for n, _, _ in out]
        if extra.after and extra.after in names:
            at = names.index(extra.after) + 1
        elif extra.before and extra.before in names:
            at = names.index(extra.before)
        elif extra.after or extra.before:
            # next to a removed default article: where that article would have been,
            # after the last article still there that came before it
            ref = extra.after or extra.before
            earlier = DEFAULT_NAMES[:DEFAULT_NAMES.index(ref) + (1 if extra.after else 0)] \
                if ref in DEFAULT_NAMES else ()
            at = max((i + 1 for i, n in enumerate(names) if n in earlier), default=0)
        else:
            at = names.index("consultation") if "consultation" in names else len(out)
        out.insert(at, (extra.name or f"extra-{len(out) + 1}", extra.heading, extra.text))
    return out


_PLACEHOLDER = re.compile(r"\{(all|compact|any|other|purpose|ref:[a-z_-]+)\}")


def _fill(text: str, words: dict, order: list[str], here: int, loaded, name: str, purpose: str, num) -> str:
    def sub(found):
        key = found.group(1)
        if key == "purpose":
            return purpose
        if key.startswith("ref:"):
            target = key[4:]
            if target not in order:
                # the removal is what the user must change (or the referring article): point at it
                removal = ("agreement", "articles", target)
                raise fail(str(loaded.path), f"the article '{name}' refers to the article '{target}', which is"
                           f" removed; give '{name}' a text of its own under agreement.articles, or remove it too",
                           line=loaded.line_of(removal), key=".".join(removal))
            i = order.index(target)
            return "前条" if i == here - 1 else f"第{num(i + 1)}条"
        return words[key]
    return _PLACEHOLDER.sub(sub, text)


def _clause(j: int, c, words, order, here, num, loaded, name) -> Clause:
    """One paragraph. Default texts hold placeholders; the spec's own text is printed
    as written (it is not a template: a brace in it stays a brace)."""
    default = _is_default(loaded, name)
    purpose = loaded.spec.agreement.purpose or DEFAULT_PURPOSE
    if purpose.endswith("こと"):
        purpose = purpose[:-2]
    fill = (lambda t: _fill(t, words, order, here, loaded, name, purpose, num)) if default else (lambda t: t)
    marker = "" if j == 0 else num(j + 1)
    if isinstance(c, str):
        return Clause(marker, fill(c))
    entries = []
    for k, item in enumerate(c.items):
        mark = ITEM_MARKER.format(n=num(k + 1))
        if isinstance(item, str):
            entries.append(Entry(mark, fill(item)))
        else:
            subs = tuple(Entry(japanese.sub_item_marker(s + 1), fill(t)) for s, t in enumerate(item.items))
            entries.append(Entry(mark, fill(item.text), subs))
    return Clause(marker, fill(c.text), tuple(entries))


def _is_default(loaded, name: str) -> bool:
    """True when the article's text is the generator's (not the spec's own)."""
    ag = loaded.spec.agreement
    if name not in DEFAULT_NAMES:
        return False
    o = ag.articles.get(name)
    return o is None or o.text is None


def _signatory(label: str, party: Party) -> Signatory:
    """Address, organisation and title/name. A formal name written with a full-width
    space (国立大学法人…機構　北見工業大学) is set on two lines; a line the title begins
    with is left out (北海道オホーツク総合振興局 before 北海道オホーツク総合振興局長,
    北見工業大学 before 北見工業大学学長), as signature blocks do not name it twice."""
    org = party.formal_name or party.name
    title = party.representative.title
    lines = [] if title.startswith(org) else [x for x in org.split("　") if x]
    if lines and title.startswith(lines[-1]):
        lines.pop()     # 国立大学法人…機構 / 北見工業大学学長: the title names the school
    return Signatory(label, label or party.short_name or party.name, party.address or "", tuple(lines), title,
                     party.representative.name)
